#include "claims/claims.h"

#include <re2/re2.h>
#include <unicode/uchar.h>
#include <unicode/utf8.h>

#include <algorithm>
#include <array>
#include <map>
#include <set>
#include <sstream>
#include <unordered_map>
#include <unordered_set>

namespace evident {

namespace {

constexpr std::array<std::string_view, kNumSourceTypes> kSourceTypeNames = {
    "author", "person", "organisation", "media", "anonymous", "social_media", "document", "vague"};

}  // namespace

std::string_view SourceTypeName(SourceType t) { return kSourceTypeNames[static_cast<std::size_t>(t)]; }

std::string ClaimId(std::size_t index) { return "c" + std::to_string(index + 1); }

std::vector<std::string_view> ClaimFlags(const Claim& c) {
  std::vector<std::string_view> flags;
  if (!c.disputed_by.empty()) flags.push_back("disputed");
  if (c.quoted) flags.push_back("quoted");
  if (c.continues) flags.push_back("continuation");
  return flags;
}

std::optional<SourceType> ParseSourceType(std::string_view name) {
  for (std::size_t i = 0; i < kSourceTypeNames.size(); ++i)
    if (kSourceTypeNames[i] == name) return static_cast<SourceType>(i);
  return std::nullopt;
}

namespace {

// ---------------------------------------------------------------------------
// Tokens: words and punctuation marks of a stretch of text, as byte spans.

struct Token {
  std::size_t begin = 0, end = 0;
  std::string lower;  // ASCII-lowered text, for lexicon look-ups
  bool punct = false;
  bool upper = false;  // starts with an upper-case letter
  bool name_part = false;  // a capital after a hyphen: "al-Jaafari", "bin-Salman"
};

UChar32 CodePointAt(std::string_view text, std::size_t i, std::size_t* next) {
  UChar32 c;
  U8_NEXT_UNSAFE(reinterpret_cast<const std::uint8_t*>(text.data()), i, c);
  *next = i;
  return c;
}

bool IsQuoteChar(UChar32 c) {
  return c == '"' || c == 0x201C || c == 0x201D || c == 0x2018 || c == 0x2019 || c == '\'' || c == 0x00AB ||
         c == 0x00BB;
}

// Splits text[begin, end) into words and punctuation. Apostrophes, hyphens and
// periods between letters stay inside a word ("Ukraine’s", "al-Sham", "U.S."),
// so do a period after a single capital or an internal-period word ("U.S.").
// Character classes, with ASCII answered without a call into ICU (most of
// the text of English news is ASCII).
inline bool IsSpace(UChar32 c) { return c < 0x80 ? (c == ' ' || (c >= 0x09 && c <= 0x0D)) : u_isUWhiteSpace(c); }
inline bool IsAlnum(UChar32 c) {
  return c < 0x80 ? ((c | 0x20) >= 'a' && (c | 0x20) <= 'z') || (c >= '0' && c <= '9') : u_isalnum(c);
}
inline bool IsCapital(UChar32 c) { return c < 0x80 ? (c >= 'A' && c <= 'Z') : (u_isupper(c) || u_istitle(c)); }

// Titles written with a full stop before a name: "Sen. Marco Rubio".
bool IsTitleAbbreviation(std::string_view w) {
  static const std::set<std::string, std::less<>> titles = {
      "Mr", "Mrs", "Ms", "Dr", "Prof", "Sen", "Rep", "Gov", "Lt", "Gen", "Col", "Maj", "Capt", "Sgt", "Adm",
      "Cmdr", "Cpl", "Pvt", "Rev", "Hon", "Pres", "Amb", "Atty", "Supt", "Insp", "Det", "Sec",
      "St", "Mt", "Fr", "Sr", "Jr", "Messrs", "Mme", "Mlle"};
  return titles.count(w) > 0;
}

std::vector<Token> Tokenize(std::string_view text, std::size_t begin, std::size_t end) {
  std::vector<Token> out;
  std::size_t i = begin;
  Token cur;
  bool in_word = false;
  auto close = [&](std::size_t at) {
    if (!in_word) return;
    cur.end = at;
    out.push_back(cur);
    in_word = false;
  };
  while (i < end) {
    std::size_t next;
    UChar32 c = CodePointAt(text, i, &next);
    if (IsSpace(c)) {
      close(i);
      i = next;
      continue;
    }
    const bool alnum = IsAlnum(c);
    if (!alnum && c != '_') {
      // Joiners between letters stay in the word.
      bool joiner = (c == '\'' || c == 0x2019 || c == '-' || c == '.' || c == '&' || c == '/');
      if (joiner && in_word && next < end) {
        std::size_t after;
        UChar32 d = CodePointAt(text, next, &after);
        if (IsAlnum(d)) {
          i = next;
          continue;
        }
      }
      // A period closing an abbreviation: "U.S.", "J." or a title ("Mr.",
      // "Sen.") stays in the word.
      if (c == '.' && in_word) {
        std::string_view w = text.substr(cur.begin, i - cur.begin);
        const bool single_capital = w.size() == 1 && std::isupper(static_cast<unsigned char>(w[0]));
        if (single_capital || w.find('.') != std::string_view::npos || IsTitleAbbreviation(w)) {
          i = next;
          continue;
        }
      }
      close(i);
      Token p;
      p.begin = i;
      p.end = next;
      p.punct = true;
      p.lower = std::string(text.substr(i, next - i));
      out.push_back(p);
      i = next;
      continue;
    }
    if (!in_word) {
      cur = Token{};
      cur.begin = i;
      cur.upper = IsCapital(c);
      in_word = true;
    }
    i = next;
  }
  close(end);
  for (Token& t : out) {
    if (t.punct) continue;
    t.lower.assign(text.substr(t.begin, t.end - t.begin));
    for (std::size_t k = 1; k < t.lower.size(); ++k)
      if (t.lower[k - 1] == '-' && std::isupper(static_cast<unsigned char>(t.lower[k]))) t.name_part = true;
    for (char& ch : t.lower) ch = static_cast<char>(std::tolower(static_cast<unsigned char>(ch)));
  }
  // A plural's possessive mark joins its word ("Sanders’ campaign manager",
  // "the voters' choice") when a word follows and no single quotation is
  // open: "‘in bed with terrorists’ and" is a closing mark.
  {
    std::size_t kept = 0;  // tokens are joined in place
    bool single_open = false;
    for (std::size_t k = 0; k < out.size(); ++k) {
      Token& t = out[k];
      const bool apostrophe = t.punct && (t.lower == "'" || t.lower == "\xE2\x80\x99");
      if (t.punct && t.lower == "\xE2\x80\x98") single_open = true;
      if (apostrophe && kept > 0) {
        Token& w = out[kept - 1];
        const bool attached = !w.punct && w.end == t.begin;
        if (!attached) {
          single_open = single_open || t.lower == "'";  // ' opening a quotation
        } else if (!single_open && w.lower.size() > 1 && w.lower.back() == 's' && k + 1 < out.size() &&
                   !out[k + 1].punct && out[k + 1].begin > t.end) {
          w.end = t.end;
          w.lower += t.lower;
          continue;
        } else {
          single_open = false;  // a closing mark
        }
      }
      if (kept != k) out[kept] = std::move(t);
      ++kept;
    }
    out.resize(kept);
  }
  // A pronoun with a contracted auxiliary ("he's said", "they’ve argued",
  // "who'd") is two tokens, so the pronoun alone can be the source.
  static const std::set<std::string, std::less<>> clitic_hosts = {"i",   "you",  "he",   "she",  "it",
                                                                   "we",  "they", "who",  "that", "there"};
  std::vector<Token> split;
  split.reserve(out.size());
  for (Token& t : out) {
    std::size_t cut = std::string::npos;
    if (!t.punct) {
      for (std::string_view clitic : {"'s", "'re", "'ve", "'d", "'ll", "'m", "\xE2\x80\x99s", "\xE2\x80\x99re",
                                      "\xE2\x80\x99ve", "\xE2\x80\x99" "d", "\xE2\x80\x99ll", "\xE2\x80\x99m"}) {
        if (t.lower.size() > clitic.size() &&
            t.lower.compare(t.lower.size() - clitic.size(), clitic.size(), clitic) == 0 &&
            clitic_hosts.count(std::string_view(t.lower).substr(0, t.lower.size() - clitic.size()))) {
          cut = t.lower.size() - clitic.size();
          break;
        }
      }
    }
    if (cut == std::string::npos) {
      split.push_back(std::move(t));
      continue;
    }
    Token host = t, rest = t;
    host.end = t.begin + cut;
    host.lower = t.lower.substr(0, cut);
    rest.begin = host.end;
    rest.lower = t.lower.substr(cut);
    rest.upper = false;
    split.push_back(std::move(host));
    split.push_back(std::move(rest));
  }
  out = std::move(split);
  return out;
}

// A punctuation token that is a quotation mark.
bool IsQuoteToken(const Token& t) {
  if (!t.punct) return false;
  std::size_t next;
  return IsQuoteChar(CodePointAt(t.lower, 0, &next));
}

// The bytes of a possessive ending: 4 for "’s", 2 for "'s", 3 for a
// plural's "’" ("voters’", joined by Tokenize), 1 for its "'", else 0.
std::size_t PossessiveEnding(std::string_view w) {
  if (w.size() > 4 && w.substr(w.size() - 4) == "\xE2\x80\x99s") return 4;
  if (w.size() > 2 && w.substr(w.size() - 2) == "'s") return 2;
  if (w.size() > 4 && w.substr(w.size() - 4) == "s\xE2\x80\x99") return 3;
  if (w.size() > 2 && w.substr(w.size() - 2) == "s'") return 1;
  return 0;
}

bool IsPossessive(const Token& t) { return !t.punct && PossessiveEnding(t.lower) > 0; }

// The word without its possessive ending ("union's" -> "union").
std::string WithoutPossessive(const std::string& w) { return w.substr(0, w.size() - PossessiveEnding(w)); }

// A set of words and phrases; phrases match runs of tokens.
class PhraseSet {
 public:
  PhraseSet() = default;
  explicit PhraseSet(const std::vector<std::string>& entries) {
    std::vector<std::vector<std::string>> phrases;
    for (const auto& e : entries) {
      std::vector<std::string> words;
      std::istringstream in(e);
      for (std::string w; in >> w;) words.push_back(w);
      if (!words.empty()) phrases.push_back(std::move(words));
    }
    // Longest first, so "prime minister" wins over "minister".
    std::stable_sort(phrases.begin(), phrases.end(),
                     [](const auto& a, const auto& b) { return a.size() > b.size(); });
    for (const auto& p : phrases) {
      by_first_[p.front()].push_back(p);
      by_last_[p.back()].push_back(p);
      if (p.size() == 1) words_.insert(p[0]);
    }
  }

  // Tokens matched by a phrase starting at tokens[i]; 0 if none.
  std::size_t MatchAt(const std::vector<Token>& tokens, std::size_t i) const {
    if (i >= tokens.size()) return 0;
    auto it = by_first_.find(tokens[i].lower);
    if (it == by_first_.end()) return 0;
    for (const auto& p : it->second) {
      if (i + p.size() > tokens.size()) continue;
      bool ok = true;
      for (std::size_t k = 1; k < p.size() && ok; ++k) ok = tokens[i + k].lower == p[k];
      if (ok) return p.size();
    }
    return 0;
  }

  // Tokens matched by a phrase ending just before tokens[end]; 0 if none.
  std::size_t MatchBefore(const std::vector<Token>& tokens, std::size_t end) const {
    if (end == 0 || end > tokens.size()) return 0;
    auto it = by_last_.find(tokens[end - 1].lower);
    if (it == by_last_.end()) return 0;
    for (const auto& p : it->second) {
      if (p.size() > end) continue;
      bool ok = true;
      for (std::size_t k = 0; k + 1 < p.size() && ok; ++k) ok = tokens[end - p.size() + k].lower == p[k];
      if (ok) return p.size();
    }
    return 0;
  }

  bool Contains(const std::string& word) const { return words_.count(word) > 0; }

  // True if any phrase occurs in tokens[b, e).
  bool AnyIn(const std::vector<Token>& tokens, std::size_t b, std::size_t e) const {
    for (std::size_t i = b; i < e; ++i) {
      std::size_t n = MatchAt(tokens, i);
      if (n > 0 && i + n <= e) return true;
    }
    return false;
  }

 private:
  // Phrases by their first and by their last word, each list longest first.
  std::unordered_map<std::string, std::vector<std::vector<std::string>>> by_first_, by_last_;
  std::unordered_set<std::string> words_;  // the one-word phrases
};

// Whether `s` ends with the word `w` after a space ("Maria Zakharova",
// "Zakharova"); not "Vanross" for "Ross".
bool EndsWithWord(std::string_view s, std::string_view w) {
  return s.size() > w.size() && s.substr(s.size() - w.size()) == w && s[s.size() - w.size() - 1] == ' ';
}

bool EndsWith(std::string_view w, std::string_view suffix) {
  return w.size() >= suffix.size() && w.substr(w.size() - suffix.size()) == suffix;
}

}  // namespace

struct ClaimExtractor::Impl {
  PhraseSet person_pronouns, organisation_pronouns, group_pronouns, speaker_pronouns, addressee_pronouns;
  PhraseSet hearer_cues, hearer_pronouns;
  PhraseSet female_words, male_words;
  PhraseSet person_roles, organisation_words, media_words, vague_words;
  PhraseSet adjuncts, pre_cue, np_words, noun_openers;
  std::unordered_set<std::string> claim_hedges;  // hedge types that make a claim: "It has been suggested"
  // Ways of writing one role, group by group, each way as its words.
  std::vector<std::vector<std::vector<std::string>>> role_synonyms;
  // Each list as one alternation: one scan per sentence, not one per pattern.
  std::unique_ptr<RE2> boilerplate, boilerplate_tail;

  bool IsPronoun(const Token& t) const {
    return person_pronouns.Contains(t.lower) || organisation_pronouns.Contains(t.lower) ||
           group_pronouns.Contains(t.lower);
  }

  // Tokens of pre-cue words ("has also", "is now") or a manner adverb
  // ("quickly", "repeatedly") ending just before tokens[end]; 0 if none.
  // A progressive cue ("is arguing", "were hoping") also skips a form of "be";
  // a participle after "was" is passive ("he was asked"), its subject no source.
  std::size_t PreCueBefore(const std::vector<Token>& tok, std::size_t end, bool progressive = false) const {
    if (std::size_t n = pre_cue.MatchBefore(tok, end)) return n;
    if (end == 0 || end > tok.size()) return 0;
    const Token& t = tok[end - 1];
    static const std::set<std::string, std::less<>> be = {"is", "are", "was", "were", "been", "be", "am"};
    if (progressive && be.count(t.lower)) return 1;
    if (t.punct || t.upper || t.lower.size() < 5 || t.lower.compare(t.lower.size() - 2, 2, "ly") != 0) return 0;
    static const std::set<std::string, std::less<>> nouns = {"family", "rally", "assembly", "supply", "monopoly",
                                                             "anomaly", "belly", "bully", "jelly", "italy"};
    if (nouns.count(t.lower) || IsNpWord(t)) return 0;
    return 1;
  }

  // The first token at or after `k` that is not part of an adjunct ("on
  // Wednesday", "in a statement").
  std::size_t SkipAdjuncts(const std::vector<Token>& tok, std::size_t k) const {
    while (k < tok.size())
      if (std::size_t n = adjuncts.MatchAt(tok, k)) k += n;
      else break;
    return k;
  }

  // Can this token be part of a source noun phrase?
  bool IsNpWord(const Token& t) const {
    if (t.punct) return false;
    if (t.upper || t.name_part) return true;
    if (std::isdigit(static_cast<unsigned char>(t.lower[0]))) return true;
    return IsNpNoun(t.lower) || (IsPossessive(t) && IsNpNoun(WithoutPossessive(t.lower)));  // "the union's president"
  }
  bool IsNpNoun(const std::string& w) const {
    return np_words.Contains(w) || person_roles.Contains(w) || organisation_words.Contains(w) ||
           media_words.Contains(w) || vague_words.Contains(w);
  }
};

ClaimExtractor::ClaimExtractor(const Pack& pack) : pack_(pack), impl_(std::make_unique<Impl>()) {
  const ClaimLexicon& lex = pack.lexicon;
  Impl& m = *impl_;
  m.person_pronouns = PhraseSet(lex.person_pronouns);
  m.organisation_pronouns = PhraseSet(lex.organisation_pronouns);
  m.group_pronouns = PhraseSet(lex.group_pronouns);
  m.speaker_pronouns = PhraseSet(lex.speaker_pronouns);
  m.addressee_pronouns = PhraseSet(lex.addressee_pronouns);
  m.hearer_cues = PhraseSet(lex.hearer_cues);
  m.hearer_pronouns = PhraseSet(lex.hearer_pronouns);
  m.female_words = PhraseSet(lex.female_words);
  m.male_words = PhraseSet(lex.male_words);
  m.person_roles = PhraseSet(lex.person_roles);
  m.organisation_words = PhraseSet(lex.organisation_words);
  m.media_words = PhraseSet(lex.media_words);
  m.vague_words = PhraseSet(lex.vague_words);
  m.claim_hedges.insert(lex.claim_hedges.begin(), lex.claim_hedges.end());
  for (const auto& group : lex.role_synonyms) {
    auto& ways = m.role_synonyms.emplace_back();
    for (const auto& way : group) {
      auto& words = ways.emplace_back();
      std::istringstream in(way);
      for (std::string w; in >> w;) words.push_back(w);
    }
  }
  m.adjuncts = PhraseSet(lex.adjuncts);
  m.pre_cue = PhraseSet(lex.pre_cue);
  m.np_words = PhraseSet(lex.np_words);
  m.noun_openers = PhraseSet(lex.noun_content_openers);
  RE2::Options opt;
  opt.set_case_sensitive(false);
  opt.set_log_errors(false);
  for (const auto& [patterns, compiled] : {std::pair{&lex.boilerplate, &m.boilerplate},
                                            std::pair{&lex.boilerplate_tail, &m.boilerplate_tail}}) {
    std::string alternation;
    for (const auto& p : *patterns) {
      RE2 one(p, opt);  // compiled alone first, so an error names its pattern
      if (!one.ok()) throw PackError({pack.dir}, "boilerplate pattern: " + one.error());
      alternation += (alternation.empty() ? "(?:" : "|(?:") + p + ")";
    }
    if (!alternation.empty()) *compiled = std::make_unique<RE2>(alternation, opt);
  }
}

ClaimExtractor::~ClaimExtractor() = default;

bool ClaimExtractor::IsFurniture(std::string_view text, const Sentence& s) const {
  const std::string_view sentence = text.substr(s.span.begin, s.span.size());
  if (impl_->boilerplate && RE2::PartialMatch(sentence, *impl_->boilerplate)) return true;
  // A whole line without final punctuation is a headline, byline or caption.
  const bool line_start = s.span.begin == 0 || text[s.span.begin - 1] == '\n' ||
                          text.find_last_not_of(" \t\r\xC2\xA0", s.span.begin - 1) == std::string_view::npos ||
                          text[text.find_last_not_of(" \t\r", s.span.begin - 1)] == '\n';
  std::size_t after = text.find_first_not_of(" \t\r", s.span.end);
  const bool line_end = after == std::string_view::npos || text[after] == '\n';
  if (line_start && line_end) {
    std::size_t i = s.span.end, prev = i;
    UChar32 c;
    U8_PREV_UNSAFE(reinterpret_cast<const std::uint8_t*>(text.data()), prev, c);
    while (IsQuoteChar(c) || c == ')') {
      i = prev;
      if (i <= s.span.begin) break;
      U8_PREV_UNSAFE(reinterpret_cast<const std::uint8_t*>(text.data()), prev, c);
    }
    const bool terminal = c == '.' || c == '!' || c == '?' || c == 0x2026;
    if (!terminal && c != ':') return true;
    const std::vector<Token> tokens = Tokenize(text, s.span.begin, s.span.end);
    // A line announcing the block below it ("The report detailed the
    // following:") is body text; a short one ("Watch:") is not.
    if (c == ':' && std::count_if(tokens.begin(), tokens.end(), [](const Token& t) { return !t.punct; }) < 3)
      return true;
    // A line in title case is a headline even with a full stop ("Don't Let
    // The Media Tell You He 'Won'."): at least four words of four letters
    // or more, and all of them capitalised.
    std::size_t long_words = 0, capitalised = 0;
    for (const Token& t : tokens) {
      if (t.punct || t.lower.size() < 4) continue;
      ++long_words;
      if (t.upper) ++capitalised;
    }
    if (long_words >= 4 && capitalised == long_words) return true;
  }
  return sentence.rfind("By ", 0) == 0 && sentence.size() < 80 && sentence.find('.') == std::string_view::npos;
}

namespace {

// Quotations of the text: from an opening mark to its closing mark,
// inclusive. Curly quotes nest; straight double quotes alternate; both reset
// at a line break (news paragraphs often leave a quote open at the end).
std::vector<Span> FindQuotes(std::string_view text) {
  std::vector<Span> out;
  std::vector<std::size_t> open;
  constexpr std::size_t kNone = std::string_view::npos;
  std::size_t straight = kNone;  // an open straight quote
  std::size_t doubled = kNone;   // an open '' quote
  std::size_t i = 0;
  while (i < text.size()) {
    std::size_t next;
    UChar32 c = CodePointAt(text, i, &next);
    if (c == '\n') {
      open.clear();
      straight = kNone;
      doubled = kNone;
    } else if (c == 0x201C) {
      open.push_back(i);
    } else if (c == 0x201D) {
      if (!open.empty()) {
        out.push_back({open.back(), next});
        open.pop_back();
      } else if (straight != kNone) {  // "...” : mixed marks, as converted text often has
        out.push_back({straight, next});
        straight = kNone;
      }
    } else if (c == '"') {
      if (straight != kNone) {
        out.push_back({straight, next});
        straight = kNone;
      } else if (!open.empty()) {  // “..." : a straight mark closes the curly one
        out.push_back({open.back(), next});
        open.pop_back();
      } else {
        straight = i;
      }
    } else if (c == '\'' && next < text.size() && text[next] == '\'') {
      // Two apostrophes standing for a double quote (''...'', as some
      // newspapers print them).
      ++next;
      if (doubled != kNone) {
        out.push_back({doubled, next});
        doubled = kNone;
      } else {
        doubled = i;
      }
    }
    i = next;
  }
  std::sort(out.begin(), out.end(), [](const Span& a, const Span& b) { return a.begin < b.begin; });
  // Keep outermost quotations only.
  std::vector<Span> outer;
  for (const Span& q : out)
    if (outer.empty() || q.begin >= outer.back().end) outer.push_back(q);
  return outer;
}

// Whether a span starts with an opening quotation mark (“, " or '').
bool OpensWithQuote(std::string_view text, const Span& s) {
  const std::string_view t = text.substr(s.begin, s.size());
  return t.starts_with("\u201C") || t.starts_with('"') || t.starts_with("''");
}

// Whether a source and cue are a speaker's label in a transcript or an
// interview ("A: ...", "JAKE TAPPER: ..."; rule attribution.speaker_label):
// the cue is the colon right after the source.
bool IsSpeakerLabel(std::string_view text, const Span& source, const Span& cue) {
  return !source.empty() && source.end == cue.begin && text.substr(cue.begin, cue.size()) == ":";
}

// Trims white space and the given trailing punctuation from a span.
Span TrimContent(std::string_view text, Span s) {
  auto is_space = [](unsigned char c) { return c == ' ' || c == '\t' || c == '\n' || c == '\r'; };
  while (s.begin < s.end && is_space(static_cast<unsigned char>(text[s.begin]))) ++s.begin;
  for (;;) {
    while (s.end > s.begin && is_space(static_cast<unsigned char>(text[s.end - 1]))) --s.end;
    // U+00A0 no-break space
    if (s.end >= s.begin + 2 && text.substr(s.end - 2, 2) == "\xC2\xA0") {
      s.end -= 2;
      continue;
    }
    if (s.end > s.begin && (text[s.end - 1] == '.' || text[s.end - 1] == ',' || text[s.end - 1] == ';' ||
                            text[s.end - 1] == ':')) {
      --s.end;
      continue;
    }
    break;
  }
  return s;
}

struct CueInfo {
  std::size_t annotation = 0;
  std::size_t first = 0, last = 0;  // token indexes of the cue, inclusive
};

}  // namespace

void ClaimExtractor::Extract(std::string_view text, const std::vector<Sentence>& sentences,
                             const std::vector<Annotation>& annotations, std::vector<Claim>* claims) const {
  claims->clear();
  const Impl& m = *impl_;
  const ClaimGrammar& g = pack_.lexicon.grammar;
  // Quotations come out of FindQuotes ordered by their end; `quotes_by_begin`
  // orders them by their start, so each cue looks only at the quotations
  // around its own sentence.
  const std::vector<Span> quotes = FindQuotes(text);
  std::vector<std::size_t> quotes_by_begin(quotes.size());
  for (std::size_t i = 0; i < quotes.size(); ++i) quotes_by_begin[i] = i;
  std::sort(quotes_by_begin.begin(), quotes_by_begin.end(),
            [&](std::size_t a, std::size_t b) { return quotes[a].begin < quotes[b].begin; });
  std::vector<std::size_t> near_quotes;
  std::vector<bool> furniture(sentences.size());
  bool tail = false;  // after a donation appeal's opening, everything is furniture
  for (const Sentence& s : sentences) {
    const std::string_view sentence = text.substr(s.span.begin, s.span.size());
    tail = tail || (m.boilerplate_tail && RE2::PartialMatch(sentence, *m.boilerplate_tail));
    furniture[s.index] = tail || IsFurniture(text, s);
  }

  for (const Sentence& s : sentences) {
    if (furniture[s.index]) continue;
    // Cues: attribution and denial annotations of the sentence, and hedges
    // that pass on a claim of no one in particular ("It has been suggested").
    std::vector<std::size_t> cue_ids;
    for (std::size_t i = s.first_annotation; i < s.first_annotation + s.num_annotations; ++i) {
      const Rule& r = pack_.rules[annotations[i].rule];
      if (r.category == Category::kAttribution || r.category == Category::kDenial ||
          (r.category == Category::kHedge && m.claim_hedges.count(r.type)))
        cue_ids.push_back(i);
    }
    if (cue_ids.empty()) continue;
    const std::vector<Token> tok = Tokenize(text, s.span.begin, s.span.end);
    auto token_at = [&](std::size_t byte) -> std::size_t {  // first token starting at or after byte
      std::size_t k = 0;
      while (k < tok.size() && tok[k].end <= byte) ++k;
      return k;
    };
    std::vector<CueInfo> cues;
    for (std::size_t id : cue_ids) {
      CueInfo c;
      c.annotation = id;
      c.first = token_at(annotations[id].span.begin);
      c.last = c.first;
      while (c.last + 1 < tok.size() && tok[c.last + 1].begin < annotations[id].span.end) ++c.last;
      if (c.first < tok.size()) cues.push_back(c);
    }

    // The noun phrase that ends just before token `end` (exclusive), skipping
    // pre-cue adverbs and quote marks, and jumping over ", which ... ,".
    // A clause may start at token `at`: the sentence start, or after a mark,
    // a clause opener ("When", "but") or a sentence adverb ("Yet").
    auto clause_starts_at = [&](std::size_t at) {
      return at == 0 || tok[at - 1].punct || g.clause_openers.count(tok[at - 1].lower) ||
             g.sentence_adverbs.count(tok[at - 1].lower);
    };
    // Whether token `k` is part of one of the sentence's cues.
    auto in_cue = [&](std::size_t k) {
      return std::any_of(cues.begin(), cues.end(), [&](const CueInfo& o) { return o.first <= k && k <= o.last; });
    };
    auto np_before = [&](std::size_t end) -> std::pair<std::size_t, std::size_t> {
      std::size_t j = end;
      while (j > 0 && IsQuoteToken(tok[j - 1])) --j;
      // "Rep. Hank Johnson (D-Ga.) said": a short parenthesis after the name
      // (and a stray comma after it: "Sen. Jack Reed (D-R.I.), said").
      if (j > 3 && tok[j - 1].lower == "," && tok[j - 2].lower == ")") --j;
      if (j > 2 && tok[j - 1].lower == ")") {
        std::size_t k = j - 1;
        while (k > 0 && j - k <= 8 && tok[k - 1].lower != "(" && tok[k - 1].lower != ")") --k;
        if (k > 1 && tok[k - 1].lower == "(" && m.IsNpWord(tok[k - 2])) j = k - 1;
      }
      const bool progressive = end < tok.size() && tok[end].lower.size() > 4 &&
                               tok[end].lower.compare(tok[end].lower.size() - 3, 3, "ing") == 0;
      for (std::size_t n; j > 0 && (n = m.PreCueBefore(tok, j, progressive)) > 0;) {
        // "Both said": a quantifier that is also a pre-cue word ("they both
        // said") is the subject when nothing stands before it in the clause.
        if (n == 1 && g.quantifier_subjects.count(tok[j - 1].lower) && clause_starts_at(j - 1)) return {j - 1, j};
        j -= n;
      }
      // "Beck on Wednesday called", "the campaign Monday reported".
      if (j > 1 && g.days.count(tok[j - 1].lower)) {
        --j;
        if (j > 1 && (tok[j - 1].lower == "on" || tok[j - 1].lower == "late" || tok[j - 1].lower == "early" ||
                      tok[j - 1].lower == "last" || tok[j - 1].lower == "this"))
          --j;
        for (std::size_t n; j > 0 && (n = m.PreCueBefore(tok, j, progressive)) > 0;) j -= n;
      }
      // "A Bloomberg poll in June showed": a month after a preposition.
      if (j > 2 && g.months.count(tok[j - 1].lower) &&
          (tok[j - 2].lower == "in" || tok[j - 2].lower == "since" || tok[j - 2].lower == "last" ||
           tok[j - 2].lower == "this" || tok[j - 2].lower == "early" || tok[j - 2].lower == "late")) {
        j -= 2;
        for (std::size_t n; j > 0 && (n = m.PreCueBefore(tok, j, progressive)) > 0;) j -= n;
      }
      // "a WBUR poll last week showed": a time phrase before the cue.
      // (Not before a participle cue: "sent a letter this week urging".)
      const bool participle_cue = end < tok.size() && EndsWith(tok[end].lower, "ing");
      if (!participle_cue && j > 2 && (tok[j - 2].lower == "last" || tok[j - 2].lower == "this") &&
          (tok[j - 1].lower == "week" || tok[j - 1].lower == "month" || tok[j - 1].lower == "year" ||
           tok[j - 1].lower == "weekend" || tok[j - 1].lower == "night" || tok[j - 1].lower == "fall" ||
           tok[j - 1].lower == "spring" || tok[j - 1].lower == "summer")) {
        j -= 2;
        for (std::size_t n; j > 0 && (n = m.PreCueBefore(tok, j, progressive)) > 0;) j -= n;
      }
      // "A new poll released Friday found", "a report published by the
      // institute last year estimated": the participle phrase after the
      // source; the source is the noun phrase before the participle.
      for (std::size_t k = j; !participle_cue && k > 0 && j - k < 10; --k) {
        const Token& t = tok[k - 1];
        if (t.lower == "released" || t.lower == "conducted" || t.lower == "published" || t.lower == "issued" ||
            t.lower == "commissioned" || t.lower == "carried") {
          if (k >= 2 && !tok[k - 2].punct && m.IsNpWord(tok[k - 2])) j = k - 1;
          break;
        }
        if (t.punct || IsQuoteToken(t) ||
            !(t.upper || g.days.count(t.lower) || m.adjuncts.Contains(t.lower) || t.lower == "by" ||
              t.lower == "out" || std::isdigit(static_cast<unsigned char>(t.lower[0])) || m.IsNpWord(t)))
          break;
      }
      // "Jason Sims — a teacher from Ohio — says": a description between dashes.
      if (j > 2 && (tok[j - 1].lower == "\xE2\x80\x94" || tok[j - 1].lower == "--")) {
        const std::string& dash = tok[j - 1].lower;
        for (std::size_t k = j - 1; k > 0 && j - k < 30; --k) {
          const std::string& w = tok[k - 1].lower;
          if (w == "." || w == ";" || w == ":" || IsQuoteToken(tok[k - 1])) break;
          if (w == dash) {
            if (k >= 2 && m.IsNpWord(tok[k - 2])) j = k - 1;
            break;
          }
        }
      }
      // "Coca-Cola and telling", "the process by suggesting": a cue after a
      // conjunction or preposition has no noun phrase of its own before it.
      if (j > 0 && (tok[j - 1].lower == "and" || tok[j - 1].lower == "or" || tok[j - 1].lower == "by" ||
                    tok[j - 1].lower == "of" || tok[j - 1].lower == "for" || tok[j - 1].lower == "to"))
        return {j, j};
      for (;;) {
        std::size_t stop = j;
        if (stop > 0 && m.IsPronoun(tok[stop - 1])) return {stop - 1, stop};
        // "the operator", "a local fire brigade": a determiner and up to three
        // lower-case words are a noun phrase even when the lexicon knows none.
        for (std::size_t back = 1; back <= 4 && back <= stop; ++back) {
          const Token& t = tok[stop - back];
          if (t.lower == "the" || t.lower == "a" || t.lower == "an") {
            if (back > 1) stop -= back;
            break;
          }
          if (t.punct || t.upper || m.IsPronoun(t) || g.clause_breaks.count(t.lower) || t.lower == "that") break;
        }
        while (stop > 0 && m.IsNpWord(tok[stop - 1]) && !m.IsPronoun(tok[stop - 1])) --stop;
        if (stop < j) {
          // Drop leading glue words.
          while (stop < j && (tok[stop].lower == "and" || tok[stop].lower == "of" || tok[stop].lower == "to" ||
                              tok[stop].lower == "for" || tok[stop].lower == "by"))
            ++stop;
          return {stop, j};
        }
        // "Syrian Ambassador to Russia, Bashar al-Jaafari, stated": an appositive.
        if (j > 1 && tok[j - 1].lower == ",") {
          std::size_t nb = j - 1;
          while (nb > 0 && m.IsNpWord(tok[nb - 1])) --nb;
          if (nb < j - 1 && nb > 1 && tok[nb - 1].lower == "," && m.IsNpWord(tok[nb - 2])) {
            std::size_t fb = nb - 1;
            while (fb > 0 && m.IsNpWord(tok[fb - 1])) --fb;
            const bool starts_clause = fb == 0 || tok[fb - 1].punct || g.clause_openers.count(tok[fb - 1].lower);
            // Start at a capitalised word, or at an article or possessive
            // ("the union's president, Mary Kay Henry, said").
            while (fb < nb - 1 && !tok[fb].upper && !g.determiners.count(tok[fb].lower) && !IsPossessive(tok[fb])) ++fb;
            if (fb < nb - 1 && starts_clause) return {fb, j - 1};
          }
        }
        // "Pete Seat, an Indiana consultant whose firm ... , said", "Ana Ruiz,
        // 35, a nurse from Ohio, said": a name, then a description of any
        // words between commas. The name starts the clause (sentence start or
        // after a comma or quotation mark); the description starts like a noun
        // phrase. A relative clause at its end is not part of the source.
        if (j > 2 && tok[j - 1].lower == ",") {
          for (std::size_t c = j - 2; c > 0 && j - c <= 45; --c) {
            const Token& t = tok[c];
            if (t.lower == ";" || t.lower == ":" || t.lower == "(" || t.lower == ")" || IsQuoteToken(t)) break;
            if (t.lower != ",") continue;
            std::size_t nb = c;
            // "Sen. Rob Portman (R-Ohio), another incumbent, said": the party tag.
            if (nb > 2 && tok[nb - 1].lower == ")") {
              std::size_t q = nb - 1;
              while (q > 0 && nb - q <= 8 && tok[q - 1].lower != "(" && tok[q - 1].lower != ")") --q;
              if (q > 1 && tok[q - 1].lower == "(" && m.IsNpWord(tok[q - 2])) nb = q - 1;
            }
            const std::size_t name_end = nb;
            while (nb > 0 && m.IsNpWord(tok[nb - 1]) && !m.IsPronoun(tok[nb - 1])) --nb;
            // "But Matt Ruiz, the group's director, said": a conjunction opens the clause.
            if (nb + 1 < name_end && g.clause_openers.count(tok[nb].lower)) ++nb;
            // ("Now Donald Trump, ...": a sentence adverb before the name;
            // "On Sunday, Sanders issued ...", "Meanwhile, ...": an opening
            // adjunct, no name.)
            if (nb + 1 < name_end && g.sentence_adverbs.count(tok[nb].lower) && tok[nb + 1].upper &&
                !g.days.count(tok[nb + 1].lower) && !g.months.count(tok[nb + 1].lower))
              ++nb;  // (not "Earlier Tuesday")
            if (nb == name_end || !tok[nb].upper || !tok[name_end - 1].upper || g.clause_openers.count(tok[nb].lower) ||
                g.prepositions.count(tok[nb].lower) || g.sentence_adverbs.count(tok[nb].lower))
              continue;
            // (Narrower than clause_starts_at, which takes any mark before the
            // name: on PolNeAR train that changes three sources, two for the worse.)
            const bool clause_start = nb == 0 || tok[nb - 1].lower == "," || IsQuoteToken(tok[nb - 1]) ||
                                      (nb == 1 && tok[0].punct) || g.clause_openers.count(tok[nb - 1].lower) ||
                                      g.sentence_adverbs.count(tok[nb - 1].lower);
            const Token& d = tok[c + 1];
            // "Clinton, during a town hall in Columbus, Ohio, said": an adjunct,
            // not a description; the name alone is the source.
            if (clause_start && !d.upper &&
                (g.prepositions.count(d.lower) || d.lower == "along" || d.lower == "including" ||
                 d.lower == "together" || EndsWith(d.lower, "ing")))
              return {nb, name_end};
            const bool described = !d.punct && (g.determiners.count(d.lower) || IsPossessive(d) || d.upper ||
                                                 std::isdigit(static_cast<unsigned char>(d.lower[0])) ||
                                                 d.lower == "another" || d.lower == "one" || d.lower == "both" ||
                                                 // "Ana Ruiz, president of the union,", "dean of the law school"
                                                 m.person_roles.Contains(d.lower) ||
                                                 // "Sarah Warbelow, legal director for the group,",
                                                 // "Bill Frelick, refugee rights program director"
                                                 m.person_roles.AnyIn(tok, c + 2, std::min(c + 5, j - 1)) ||
                                                 (c + 2 < j && (tok[c + 2].lower == "of" || tok[c + 2].lower == "at") &&
                                                  !g.not_in_noun_phrase.count(d.lower) && !EndsWith(d.lower, "ed") &&
                                                  !EndsWith(d.lower, "ing")));
            if (!clause_start || !described) continue;
            // "Donald J. Trump, the nominee, has been more scathing,
            // threatening": the clause's verb ends the description at the
            // comma before it (the subject is "Donald J. Trump, the
            // nominee"); a relative clause's verb is part of the description.
            std::size_t e = j - 1;
            std::size_t last_comma = 0;
            for (std::size_t k = c + 1; k + 1 < j; ++k) {
              if (g.relative_words.count(tok[k].lower) || tok[k].lower == "that") break;
              if (tok[k].lower == ",") last_comma = k;
              static const std::set<std::string, std::less<>> auxiliaries = {
                  "is", "are", "was", "were", "has", "have", "had", "will", "would", "can", "could", "does", "did"};
              if (!auxiliaries.count(tok[k].lower)) continue;
              e = last_comma;
              break;
            }
            if (e <= c + 1) continue;
            for (std::size_t k = c + 1; k + 1 < e; ++k)
              if (tok[k].lower == "," && g.relative_words.count(tok[k + 1].lower)) e = k;
            return {nb, e};
          }
        }
        // ", which announced ... this week, has accused": skip the relative
        // clause; likewise a participle or with-phrase between commas ("The
        // report, released on Tuesday, said", "the Kyiv Post report, with
        // the title Ukrainian Trained, Turkish Sponsored ..., detailed"),
        // which may hold commas of its own (up to three). Before a participle
        // cue the clause before is the main one ("Other members, including
        // Ana Ruiz, voted no, saying"): only a relative clause is skipped.
        if (j > 0 && tok[j - 1].lower == ",") {
          auto opens_parenthetical = [&](const Token& t) {
            if (g.relative_words.count(t.lower)) return true;
            if (participle_cue || t.upper || t.punct || t.lower.size() <= 3) return false;
            return t.lower == "with" || t.lower == "titled" || t.lower == "entitled" || t.lower == "headlined" ||
                   EndsWith(t.lower, "ed") || EndsWith(t.lower, "ing");
          };
          std::size_t k = j - 1;
          for (int segment = 0; segment < 3; ++segment) {
            while (k > 0 && tok[k - 1].lower != "," && !tok[k - 1].punct) --k;
            if (k == 0 || tok[k - 1].lower != "," || opens_parenthetical(tok[k])) break;
            --k;
          }
          if (k > 0 && k < j - 1 && tok[k - 1].lower == "," && opens_parenthetical(tok[k])) {
            j = k - 1;
            // "Sen. Ana Ruiz (D-Ore.), who ..., said": the party tag again.
            if (j > 2 && tok[j - 1].lower == ")") {
              std::size_t q = j - 1;
              while (q > 0 && j - q <= 8 && tok[q - 1].lower != "(" && tok[q - 1].lower != ")") --q;
              if (q > 1 && tok[q - 1].lower == "(" && m.IsNpWord(tok[q - 2])) j = q - 1;
            }
            continue;
          }
        }
        // "Corporate lobbyists describe", "some undecided conservatives
        // think": lower-case nouns the lexicon does not know, from the start
        // of the clause up to the cue.
        {
          std::size_t k = j;
          while (k > 0 && j - k < 6 && !tok[k - 1].punct && !IsQuoteToken(tok[k - 1]) &&
                 !g.not_in_noun_phrase.count(tok[k - 1].lower) && !m.pre_cue.Contains(tok[k - 1].lower) &&
                 !(tok[k - 1].lower.size() > 3 && !tok[k - 1].upper &&
                   (EndsWith(tok[k - 1].lower, "ed") || EndsWith(tok[k - 1].lower, "ing") ||
                    EndsWith(tok[k - 1].lower, "n't") || EndsWith(tok[k - 1].lower, "n\xE2\x80\x99t"))))
            --k;
          auto opens_clause = [&](std::size_t at) {  // (and after "that": "said that critics say")
            return clause_starts_at(at) || tok[at - 1].lower == "that";
          };
          // "This initiative called for": a demonstrative or possessive opens it
          // ("that" opens a clause instead).
          if (k > 0 && k < j && g.determiners.count(tok[k - 1].lower) && tok[k - 1].lower != "that" &&
              opens_clause(k - 1))
            --k;
          // "But hacking specialists say": a participle opening the clause is a modifier.
          if (k > 0 && k < j && !tok[k - 1].upper && tok[k - 1].lower.size() > 3 &&
              (EndsWith(tok[k - 1].lower, "ed") || EndsWith(tok[k - 1].lower, "ing")) && opens_clause(k - 1))
            --k;
          // "Both think", "Yet another said": a quantifier standing for people.
          if (k == j && j > 0 && g.quantifier_subjects.count(tok[j - 1].lower) && opens_clause(j - 1))
            return {j - 1, j};
          const bool boundary = opens_clause(k);
          while (k < j && g.determiners.count(tok[k].lower) == 0 && g.clause_openers.count(tok[k].lower)) ++k;
          bool content_word = false;
          for (std::size_t x = k; x < j; ++x) content_word = content_word || !g.determiners.count(tok[x].lower);
          if (k < j && boundary && content_word && !tok[j - 1].upper) return {k, j};
        }
        // "Democratic voters in all five states see", "some people in Trump
        // world believe", "A person familiar with the talks says": a noun
        // phrase with prepositional phrases after its head, from the start
        // of the clause up to the cue. (Not before a participle: "the drumbeat
        // of names from the past denouncing X" is a noun phrase, not a clause.)
        if (end < tok.size() && !EndsWith(tok[end].lower, "ing")) {
          std::size_t k = j;
          bool prep = false;
          while (k > 0 && j - k < 12) {
            const Token& t = tok[k - 1];
            if (t.punct) break;
            if (g.post_modifier_prepositions.count(t.lower)) {
              if (k == j) break;
              prep = true;
              --k;
              continue;
            }
            // "in all five states": a quantifier right after a preposition
            const bool quantifier = (t.lower == "all" || t.lower == "both" || t.lower == "each") && k >= 2 &&
                                    g.post_modifier_prepositions.count(tok[k - 2].lower);
            if (!quantifier && (g.not_in_noun_phrase.count(t.lower) || m.pre_cue.Contains(t.lower) || m.IsPronoun(t)))
              break;
            if (!t.upper && t.lower.size() > 3 &&
                (EndsWith(t.lower, "ed") || EndsWith(t.lower, "ing") || EndsWith(t.lower, "n't") ||
                 EndsWith(t.lower, "n\xE2\x80\x99t")))
              break;
            if (in_cue(k - 1)) break;
            --k;
          }
          while (k < j && g.clause_openers.count(tok[k].lower)) ++k;
          const bool boundary = k == 0 || tok[k - 1].punct || g.clause_openers.count(tok[k - 1].lower);
          if (prep && k < j && boundary && !g.post_modifier_prepositions.count(tok[k].lower) &&
              !g.prepositions.count(tok[k].lower) && !g.post_modifier_prepositions.count(tok[j - 1].lower))
            return {k, j};
        }
        return {j, j};
      }
    };
    // "Current and former officials who spoke with the Post said": the noun
    // phrase before the cue is the object inside a restrictive relative
    // clause; the source is the head the clause modifies. ("the bill that
    // the senator said": the noun phrase right after "that" is the subject.)
    auto source_before = [&](std::size_t end) -> std::pair<std::size_t, std::size_t> {
      auto [b, e] = np_before(end);
      if (b >= e) return {b, e};
      // "Exit polls taken in South Carolina found", "An earlier report in a
      // New Hampshire paper said": the noun phrase before the cue is the
      // object of a preposition after the source's head, which opens the
      // clause.
      while (b >= 2 && g.post_modifier_prepositions.count(tok[b - 1].lower)) {
        std::size_t h = b - 2;
        if (h > 0 && !tok[h].upper && tok[h].lower.size() > 3 &&
            (EndsWith(tok[h].lower, "ed") || EndsWith(tok[h].lower, "en")))
          --h;  // "polls taken in"
        if (g.not_in_noun_phrase.count(tok[h].lower) ||
            (!m.IsNpNoun(tok[h].lower) && !std::isdigit(static_cast<unsigned char>(tok[h].lower[0])) &&
             !g.number_words.count(tok[h].lower)))
          break;
        std::size_t hb = h;
        while (hb > 0 && h - hb < 5 && !tok[hb - 1].punct && !g.not_in_noun_phrase.count(tok[hb - 1].lower) &&
               !m.pre_cue.Contains(tok[hb - 1].lower) && !g.clause_openers.count(tok[hb - 1].lower) &&
               !g.prepositions.count(tok[hb - 1].lower) && !in_cue(hb - 1) &&
               !(!tok[hb - 1].upper && (EndsWith(tok[hb - 1].lower, "ing") || EndsWith(tok[hb - 1].lower, "ed"))) &&
               !(!tok[hb - 1].upper && EndsWith(tok[hb - 1].lower, "s") && !m.IsNpWord(tok[hb - 1])))  // "depicts"
          --hb;
        if (!clause_starts_at(hb) || g.prepositions.count(tok[hb].lower) || in_cue(hb)) break;
        b = hb;
      }
      for (std::size_t r = b; r > 0 && b - r < 12;) {
        --r;
        if (tok[r].punct || g.clause_openers.count(tok[r].lower)) break;
        if (tok[r].lower == "who" || tok[r].lower == "that" || tok[r].lower == "which") {
          if (r + 1 < b && r > 0 && (m.IsNpWord(tok[r - 1]) || !g.not_in_noun_phrase.count(tok[r - 1].lower)) &&
              !tok[r - 1].punct) {
            auto [hb, he] = np_before(r);
            if (he > hb) return {hb, he};
          }
          break;
        }
      }
      return {b, e};
    };
    auto np_after = [&](std::size_t from) -> std::pair<std::size_t, std::size_t> {
      if (from < tok.size() && tok[from].lower == "by") ++from;  // "..., opposed by X": the agent
      std::size_t e = from;
      while (e < tok.size() && m.IsNpWord(tok[e])) ++e;
      if (e == from && from < tok.size() && m.IsPronoun(tok[from])) e = from + 1;
      // "said one source who ...", "said master of ceremonies Asab Al-Tabchi":
      // lower-case words the lexicon does not know, then the rest of the name.
      if (e == from) {
        std::size_t k = from;
        // A participle ("said retired neurosurgeon Ben Carson", "said one
        // unaligned Florida Republican strategist") only before a name or a
        // known role.
        bool participle = false;
        while (k < tok.size() && k - from < 5 && !tok[k].punct && !g.not_in_noun_phrase.count(tok[k].lower) &&
               !m.pre_cue.Contains(tok[k].lower) &&
               ((!EndsWith(tok[k].lower, "ed") && !EndsWith(tok[k].lower, "ing")) ||
                ((k == from || EndsWith(tok[k].lower, "ed")) && k + 1 < tok.size() && !tok[k + 1].punct))) {
          participle = participle || EndsWith(tok[k].lower, "ed") || EndsWith(tok[k].lower, "ing");
          ++k;
        }
        while (k < tok.size() && m.IsNpWord(tok[k])) ++k;
        const bool known_head = k > from && (tok[k - 1].upper || m.person_roles.Contains(tok[k - 1].lower) ||
                                             m.organisation_words.Contains(tok[k - 1].lower));
        if (participle && (k <= from + 1 || !known_head)) k = from;
        const bool ends = k == tok.size() || tok[k].punct || g.relative_words.count(tok[k].lower) ||
                          tok[k].lower == "that" || m.adjuncts.MatchAt(tok, k) > 0;
        if (k > from && ends) e = k;
      }
      // "said the company's chief executive, John Ferriola": after a
      // determiner, possessives and lower-case nouns, then a name in apposition.
      if (e > from && g.determiners.count(tok[from].lower)) {
        std::size_t k = e;
        while (k < tok.size() && k - from < 8 && !tok[k].punct && !g.not_in_noun_phrase.count(tok[k].lower) &&
               !EndsWith(tok[k].lower, "ed") && !EndsWith(tok[k].lower, "ing"))
          ++k;
        e = k;
        if (e + 1 < tok.size() && tok[e].lower == "," && tok[e + 1].upper) {
          std::size_t n = e + 1;
          while (n < tok.size() && m.IsNpWord(tok[n])) ++n;
          if (n == tok.size() || tok[n].punct) e = n;
        }
      }
      return {from, e};
    };
    // The subject of the sentence's main clause, ending before token
    // `before`: the first noun phrase at the sentence start or after a comma
    // that a lower-case word (the verb) follows ("But a few days later, Trump
    // reversed himself" -> "Trump"). An opening participle ("Speaking in
    // Ohio, ...") and a lone determiner are no subject; ", who ... ," may
    // stand between the subject and its verb.
    auto subject_before = [&](std::size_t before) -> std::pair<std::size_t, std::size_t> {
      std::size_t p = 0;
      while (p < before) {
        std::size_t q = p;
        // "Yet she ...", "Still, Trump ...": a sentence adverb is no subject.
        // ("After the Paris attacks, Trump ...": an opener that is a
        // preposition is skipped with its phrase up to the comma, below; "If
        // Republicans choose to ..." has no comma, and its subject is next.)
        auto comma_before = [&](std::size_t from) {
          for (std::size_t k = from; k < before; ++k)
            if (tok[k].lower == ",") return true;
          return false;
        };
        while (q < before && (tok[q].punct || g.sentence_adverbs.count(tok[q].lower) ||
                              (g.clause_openers.count(tok[q].lower) &&
                               !(g.prepositions.count(tok[q].lower) && comma_before(q + 1)))))
          ++q;
        std::size_t sb = q, se = q;
        if (q < before && g.prepositions.count(tok[q].lower)) {  // "In response to X, Y said": not X
          std::size_t k = q;
          while (k < before && tok[k].lower != ",") ++k;
          p = k + 1;
          continue;
        }
        // ("His campaign": a possessive determiner, not the pronoun "his".)
        const bool determiner = q + 1 < before && g.determiners.count(tok[q].lower) && m.IsNpWord(tok[q + 1]);
        if (q < before && m.IsPronoun(tok[q]) && !determiner) se = q + 1;
        else
          while (se < before && m.IsNpWord(tok[se]) && !g.clause_openers.count(tok[se].lower)) ++se;
        bool content_word = false;
        for (std::size_t k = sb; k < se; ++k) content_word = content_word || !g.determiners.count(tok[k].lower);
        const bool participle = sb == q && se > sb && tok[sb].lower.size() > 4 &&
                                tok[sb].lower.compare(tok[sb].lower.size() - 3, 3, "ing") == 0;
        // "Sen. Mitch McConnell (R-Ky.) issued": the party tag after the name.
        if (se > sb && se + 2 < before && tok[se].lower == "(") {
          std::size_t k = se + 1;
          while (k < before && k - se <= 8 && tok[k].lower != ")" && tok[k].lower != "(") ++k;
          if (k + 1 < before && tok[k].lower == ")" && !tok[k + 1].punct && !tok[k + 1].upper) {
            if (!participle && content_word) return {sb, k + 1};
          }
        }
        if (se > sb && se < before && content_word && !participle) {
          const Token& v = tok[se];
          const bool verb_next = (!v.punct && !v.upper) || m.PreCueBefore(tok, se + 1) > 0;
          const bool relative_next = v.lower == "," && se + 1 < before &&
                                     (g.relative_words.count(tok[se + 1].lower) || tok[se + 1].lower == "including");
          // "Minutes later, the campaign ...", "Shortly after the vote, X ...":
          // a time phrase, not the subject.
          const bool time_phrase =
              v.lower == "after" || v.lower == "before" ||
              ((v.lower == "later" || v.lower == "earlier" || v.lower == "ago" || v.lower == "afterward" ||
                v.lower == "afterwards") &&
               se + 1 < before && tok[se + 1].lower == ",");
          if ((verb_next || relative_next) && !time_phrase) return {sb, se};
        }
        std::size_t k = std::max(q, se);
        while (k < before && tok[k].lower != ",") ++k;
        p = k + 1;
      }
      return {0, 0};
    };
    auto span_of = [&](std::size_t b, std::size_t e) -> Span {
      if (b >= e) return {};
      return {tok[b].begin, tok[e - 1].end};
    };

    std::vector<Claim> local;
    // "issued a statement saying ...": the statement is the channel (guide
    // §5.2), the speaker is the subject of "issued" ("released a statement
    // Wednesday saying": a day between; "sent a text message to supporters
    // saying": the one written to is not the source either; "wrote in a
    // statement to Wired explaining": the writer). [b, e) is the noun phrase
    // before the participle; nothing when it is no medium.
    auto speaker_through_medium = [&](std::size_t b, std::size_t e, std::size_t participle) -> std::optional<Span> {
      std::size_t medium_end = e;
      while (medium_end < participle && (g.days.count(tok[medium_end].lower) || tok[medium_end].lower == "on"))
        ++medium_end;
      if (e == participle) {
        for (std::size_t k = b > 1 ? b - 1 : b + 1; k < e; ++k)  // "to" inside the phrase or just before it
          if (tok[k].lower == "to" && k > 0 && g.medium_words.count(tok[k - 1].lower)) {
            b = std::min(b, k - 1);
            while (b > 0 && !tok[b - 1].punct && (g.determiners.count(tok[b - 1].lower) || m.IsNpWord(tok[b - 1])))
              --b;  // "in a statement to Wired": back to "a"
            e = k;
            medium_end = participle;
            break;
          }
      }
      if (medium_end != participle || e <= b || !g.medium_words.count(tok[e - 1].lower) || b == 0 ||
          tok[b - 1].punct || tok[b - 1].upper)
        return std::nullopt;
      if (tok[b - 1].lower == "in" && !local.empty() && !local.back().source.empty()) return local.back().source;
      // (Not "referring to Trump's first TV ad talking about": the ad talks.)
      if (g.prepositions.count(tok[b - 1].lower) || tok[b - 1].lower == "to") return std::nullopt;
      auto [sb, se] = subject_before(b);
      if (se > sb) return span_of(sb, se);
      return std::nullopt;
    };
    // A claim whose content comes before its cue ("..., X said"). A later
    // inverted claim of the sentence starts after its content; a claim with
    // its content after the cue ("Cruz promised to ..., Stovall said") is
    // nested in the later one's content instead.
    auto inverted = [](const Claim& c) { return c.content.end <= c.cue.begin; };
    for (std::size_t ci = 0; ci < cues.size(); ++ci) {
      const CueInfo& cue = cues[ci];
      // "refused to say", "declined to confirm": the second verb belongs to
      // the first cue's claim.
      if (ci > 0 && cues[ci - 1].last + 2 == cue.first && tok[cue.first - 1].lower == "to") continue;
      const Annotation& a = annotations[cue.annotation];
      const Rule& rule = pack_.rules[a.rule];
      Claim c;
      c.sentence = s.index;
      c.cue = a.span;
      c.cue_annotation = cue.annotation;
      if (rule.category == Category::kDenial) c.stance = "denial";
      Span source = a.source, content = a.content;
      // A speaker's label: all the sentence is the speaker's (the article
      // "A" is no one, but the label "A:" is the one who answers).
      const bool label = IsSpeakerLabel(text, source, c.cue);

      // Where this claim's content must stop: at a later cue that starts a
      // new clause (", adding that", "as Moscow accused").
      std::size_t limit_token = tok.size();
      for (std::size_t cj = ci + 1; cj < cues.size() && !label; ++cj) {
        auto [nb, ne] = np_before(cues[cj].first);
        (void)ne;
        std::size_t start = nb;
        if (start > 0 && g.clause_breaks.count(tok[start - 1].lower)) {
          limit_token = start - 1;
          while (limit_token > 0 && g.clause_breaks.count(tok[limit_token - 1].lower)) --limit_token;
          break;
        }
      }
      // "accused the groups of provoking ... and expressed Russia's
      // solidarity": an accusation's content ("X of Y") has no verb of its
      // own, so "and" + a past-tense verb with an object starts the
      // speaker's next predicate (unless a relative clause before it has one:
      // "mocking Rubio as a neophyte who memorized ... and lacked ...").
      if (rule.type == "accusing") {
        for (std::size_t k = cue.last + 1; k + 2 < limit_token; ++k) {
          if (g.relative_words.count(tok[k].lower) || tok[k].lower == "that") break;
          const Token& verb = tok[k + 1];
          const Token& object = tok[k + 2];
          if (tok[k].lower == "and" && !verb.upper && verb.lower.size() > 3 && EndsWith(verb.lower, "ed") &&
              (object.upper || IsPossessive(object) || g.determiners.count(object.lower))) {
            limit_token = k;
            break;
          }
        }
      }
      // "X, which announced ...," and "officials who said": the source is the
      // relative pronoun, standing for the noun phrase before it (kept as
      // the antecedent, so the claim resolves to it, as "she" does). After a
      // comma the content ends with the clause.
      bool relative_source = false;
      std::size_t rel = cue.first;
      for (std::size_t n; rel > 0 && (n = m.PreCueBefore(tok, rel)) > 0;) rel -= n;
      // "polls that showed": a restrictive "that" after a noun is a relative
      // pronoun too (not "so that", "now that").
      const bool relative_that = rel > 1 && tok[rel - 1].lower == "that" && !tok[rel - 2].punct &&
                                 !m.IsPronoun(tok[rel - 2]) && !g.not_in_noun_phrase.count(tok[rel - 2].lower) &&
                                 tok[rel - 2].lower != "such" && !in_cue(rel - 2);
      if (rel > 1 && (tok[rel - 1].lower == "who" || tok[rel - 1].lower == "which" || relative_that) &&
          source.empty()) {
        const bool comma = tok[rel - 2].lower == ",";
        auto [rb, re] = np_before(comma ? rel - 2 : rel - 1);
        // The relative pronoun is the source even when its antecedent is
        // not a plain noun phrase ("18% who say", "Sen. Ruiz this year, who").
        source = span_of(rel - 1, rel);
        relative_source = true;
        if (re > rb) c.antecedent = span_of(rb, re);
        if (comma)
          for (std::size_t k = cue.last + 1; k < limit_token; ++k)
            if (tok[k].lower == ",") limit_token = k;
      }
      const std::size_t limit = limit_token < tok.size() ? tok[limit_token].begin : s.span.end;

      const std::size_t after_cue = cue.last + 1;
      // 1. “...,” X said / “...,” said X: a quotation ends just before.
      std::optional<Span> quote_before, quote_after;
      const auto [np_b, np_e] = np_before(cue.first);  // "the engineer" in “...,” the engineer said
      // The quotations that can matter: closing between three bytes before
      // the sentence and the cue, or opening between the cue and the end of
      // the sentence; visited in FindQuotes order, as a scan of all would.
      near_quotes.clear();
      {
        const std::size_t from = s.span.begin >= 3 ? s.span.begin - 3 : 0;
        auto lo = std::lower_bound(quotes.begin(), quotes.end(), from,
                                   [](const Span& q, std::size_t v) { return q.end < v; });
        for (auto it = lo; it != quotes.end() && it->end <= a.span.begin; ++it)
          near_quotes.push_back(static_cast<std::size_t>(it - quotes.begin()));
        auto blo = std::lower_bound(quotes_by_begin.begin(), quotes_by_begin.end(), a.span.end,
                                    [&](std::size_t q, std::size_t v) { return quotes[q].begin < v; });
        for (auto it = blo; it != quotes_by_begin.end() && quotes[*it].begin < s.span.end; ++it)
          near_quotes.push_back(*it);
        std::sort(near_quotes.begin(), near_quotes.end());
        near_quotes.erase(std::unique(near_quotes.begin(), near_quotes.end()), near_quotes.end());
      }
      for (std::size_t qi : near_quotes) {
        const Span& q = quotes[qi];
        // A quotation closing the previous sentence counts when this one
        // only names its speaker (“... okay?” | Trump said.).
        bool ends_just_before = q.end <= s.span.begin && s.span.begin - q.end <= 3 &&
                                text.find_first_not_of(" \t", q.end) >= s.span.begin;
        // "said Donna Lages, 39, a waitress.": a cue opening the sentence
        // may name its speaker after it.
        bool cue_opens = true;
        for (std::size_t k = 0; k < cue.first; ++k) cue_opens = cue_opens && tok[k].punct;
        std::size_t speaker_end = cue.last + 1;
        if (cue_opens && ends_just_before) {
          speaker_end = np_after(cue.last + 1).second;
          // the speaker's description in apposition, up to the end
          if (speaker_end > cue.last + 1 && speaker_end < tok.size() && tok[speaker_end].lower == ",") {
            std::size_t k = speaker_end;
            while (k < tok.size() && !(tok[k].punct && tok[k].lower != "," && tok[k].lower != "-" &&
                                       tok[k].lower != "'" && !IsQuoteToken(tok[k])))
              ++k;
            speaker_end = k;
          }
        }
        for (std::size_t k = speaker_end; ends_just_before && k < tok.size();)  // nothing said after the cue
          if (tok[k].punct && !IsQuoteToken(tok[k])) ++k;
          else if (std::size_t n = m.adjuncts.MatchAt(tok, k)) k += n;
          else ends_just_before = false;
        if (q.end <= a.span.begin && (q.end > s.span.begin || ends_just_before)) {
          std::size_t qt = token_at(q.end);
          // (“...,” and condemned ...: a second verb of the speaker before, no quote frame)
          bool np_only = !(cue.first > qt && (tok[cue.first - 1].lower == "and" || tok[cue.first - 1].lower == "or"));
          for (std::size_t k = qt; k < cue.first; ++k)
            np_only = np_only && (tok[k].lower == "," || m.IsNpWord(tok[k]) || m.IsPronoun(tok[k]) ||
                                  m.pre_cue.MatchAt(tok, k) > 0 || (k >= np_b && k < np_e) ||
                                  // a modifier of the speaker: “...,” warm-hearted Trump said
                                  (!tok[k].punct && cue.first - qt <= 6 && !g.clause_openers.count(tok[k].lower) &&
                                   !g.relative_words.count(tok[k].lower) && tok[k].lower != "that" && !in_cue(k)));
          // “...,” X said: the quotation closes a clause, inside or after its mark.
          std::size_t inner = q.end;
          UChar32 mark;
          U8_PREV_UNSAFE(reinterpret_cast<const std::uint8_t*>(text.data()), inner, mark);
          std::size_t before_mark = inner;
          UChar32 last;
          U8_PREV_UNSAFE(reinterpret_cast<const std::uint8_t*>(text.data()), before_mark, last);
          if (mark == '\'' && last == '\'' && before_mark > q.begin)  // a closing ''
            U8_PREV_UNSAFE(reinterpret_cast<const std::uint8_t*>(text.data()), before_mark, last);
          while (last == ' ' && before_mark > q.begin + 1)  // “... today, ” with a space before the mark
            U8_PREV_UNSAFE(reinterpret_cast<const std::uint8_t*>(text.data()), before_mark, last);
          // “... the name ‘Clinton,’ ” : an inner quotation closes with the outer one.
          if ((last == '\'' || last == 0x2019) && before_mark > q.begin + 1) {
            U8_PREV_UNSAFE(reinterpret_cast<const std::uint8_t*>(text.data()), before_mark, last);
          }
          const bool closes = last == ',' || last == '.' || last == '!' || last == '?' || last == 0x2026 ||
                              (qt < tok.size() && tok[qt].lower == ",");
          // "called it a “ridiculous proposition,” adding that ...": a participle
          // with its own content after it does not introduce the quotation before.
          const bool own_content = EndsWith(tok[cue.first].lower, "ing") && cue.last + 1 < tok.size() &&
                                   !tok[cue.last + 1].punct && !m.adjuncts.MatchAt(tok, cue.last + 1);
          if (np_only && closes && cue.first - qt <= 10 && !own_content) quote_before = q;
        }
        if (q.begin >= a.span.end && q.begin < s.span.end && !quote_after) {
          std::size_t qt = token_at(q.begin);
          bool glue_only = true;
          for (std::size_t k = after_cue; k < qt; ++k)
            glue_only = glue_only && (tok[k].lower == ":" || tok[k].lower == "," || m.adjuncts.MatchAt(tok, k) > 0);
          if (glue_only && qt - after_cue <= 6) quote_after = q;
        }
      }
      const std::string cue_lower = tok[cue.first].lower;
      const bool hearer_cue = m.hearer_cues.Contains(cue_lower);  // "told (the mayor) that ..."
      // "according to X", "in a new poll": the source follows the
      // cue, the content is the rest of the sentence.
      const bool according = cue_lower == "according" ||
                             (cue_lower == "as" && cue.last > cue.first) ||
                             (!a.source.empty() && a.source.begin >= a.span.end);

      std::size_t opening_end = 0;  // "Declaring that X, the mayor ...": the content ends at the comma
      if (according) {
        if (source.empty()) {
          auto [b, e] = np_after(after_cue + (tok.size() > after_cue && tok[after_cue].lower == "to" ? 1 : 0));
          source = span_of(b, e);
        }
        const bool at_start = cue.first == 0 || (cue.first == 1 && tok[0].punct);
        if (content.empty()) {
          if (at_start) {
            std::size_t k = token_at(source.empty() ? a.span.end : source.end);
            while (k < tok.size() && tok[k].lower == ",") ++k;
            if (k < tok.size() && tok[k].begin < limit) content = TrimContent(text, {tok[k].begin, limit});
          } else {
            std::size_t from = s.span.begin;
            if (ci > 0 && !local.empty() && inverted(local.back())) from = std::max(from, local.back().content.end);
            // The previous claim's content may already run past this cue:
            // then nothing before the cue is left for this one.
            if (from < a.span.begin) content = TrimContent(text, {from, a.span.begin});
          }
        }
      } else if (quote_before && content.empty()) {
        content = *quote_before;
        if (source.empty()) {
          auto [b, e] = np_before(cue.first);
          std::size_t qt = token_at(quote_before->end);
          if (b < e && b >= qt) source = span_of(b, e);
          else if (!hearer_cue)  // "told The Daily Ledger": the one told
            source = span_of(np_after(after_cue).first, np_after(after_cue).second);
        }
      } else if (quote_after && content.empty()) {
        content = *quote_after;
        if (source.empty()) {
          auto [b, e] = source_before(cue.first);
          source = span_of(b, e);
          // "sent out a text message to supporters saying: “...”"
          if (!source.empty() && a.source.empty() && EndsWith(cue_lower, "ing"))
            if (auto speaker = speaker_through_medium(b, e, cue.first)) source = *speaker;
        }
        // "Lavrov expressed his dismay, stating: “...”": a participle after a
        // comma speaks for the subject (or the previous speaker).
        if (source.empty() && EndsWith(cue_lower, "ing") && cue.first > 0 && tok[cue.first - 1].lower == ",") {
          if (!local.empty()) source = local.back().source;
          if (source.empty()) {
            auto [sb, se] = subject_before(cue.first - 1);
            if (se > sb) source = span_of(sb, se);
          }
        }
      } else {
        auto [b, e] = source_before(cue.first);
        const bool noun_cue = g.noun_cues.count(cue_lower) > 0 && cue.first > 0 &&
                              (g.determiners.count(tok[cue.first - 1].lower) || IsPossessive(tok[cue.first - 1]));
        if (noun_cue) {
          // "Russia's claims about X", "its claim that X"; "these allegations" names no one.
          if (source.empty()) {
            if (IsPossessive(tok[cue.first - 1])) {
              std::size_t pb = cue.first - 1;
              while (pb > 0 && m.IsNpWord(tok[pb - 1]) && !IsPossessive(tok[pb - 1]) &&
                     !g.determiners.count(tok[pb - 1].lower))
                --pb;
              source = span_of(pb, cue.first);
              // Without the possessive ending.
              source.end -= PossessiveEnding(text.substr(source.begin, source.size()));
            } else if (m.IsPronoun(tok[cue.first - 1])) {
              source = span_of(cue.first - 1, cue.first);
              // "Nebenzia also turned his criticisms against ...": the
              // possessive stands for the subject of the clause's verb.
              if (cue.first >= 3 && !tok[cue.first - 2].punct && !tok[cue.first - 2].upper &&
                  !m.IsNpWord(tok[cue.first - 2]) && !g.not_in_noun_phrase.count(tok[cue.first - 2].lower)) {
                auto [sb, se] = np_before(cue.first - 2);
                if (se > sb && (sb == 0 || tok[sb - 1].punct)) source = span_of(sb, se);
              }
            } else if (after_cue + 1 < tok.size() && tok[after_cue].lower == "by") {
              auto [sb, se] = np_after(after_cue + 1);
              source = span_of(sb, se);
            }
          }
          if (source.empty() && a.source.empty()) continue;  // no one named: not a claim
          std::size_t k = after_cue;
          if (k < tok.size() && tok[k].lower == "by") k = np_after(k + 1).second;
          if (k < tok.size() && m.noun_openers.MatchAt(tok, k)) k += m.noun_openers.MatchAt(tok, k);
          if (content.empty() && k < tok.size() && tok[k].begin < limit) content = TrimContent(text, {tok[k].begin, limit});
        } else {
          // Inverted: "CONTENT, X said." / "CONTENT, said X."
          const bool comma_before_np = b < e && b > 0 && tok[b - 1].lower == ",";
          // ("..., citing X" is a participle of the subject, not inverted.)
          const bool comma_before_cue = b == e && cue.first > 0 && tok[cue.first - 1].lower == "," &&
                                        !EndsWith(cue_lower, "ing");
          std::size_t k = after_cue;
          if (comma_before_cue) k = np_after(k).second;
          k = m.SkipAdjuncts(tok, k);
          // "..., the engineer told The Daily Ledger.": the one told, then the end.
          if (hearer_cue && !comma_before_cue && k < tok.size() && !tok[k].punct) {
            k = m.hearer_pronouns.Contains(tok[k].lower) ? k + 1 : np_after(k).second;
            k = m.SkipAdjuncts(tok, k);
          }
          const bool clause_ends = k >= tok.size() || tok[k].lower == "," || tok[k].lower == "." ||
                                   (tok[k].punct && !IsQuoteToken(tok[k]));
          if ((comma_before_np || comma_before_cue) && clause_ends) {
            std::size_t comma = comma_before_np ? b - 1 : cue.first - 1;
            std::size_t from = s.span.begin;
            if (!local.empty() && inverted(local.back())) from = std::max(from, local.back().content.end);
            if (tok[comma].begin > from) content = TrimContent(text, {from, tok[comma].begin});
            // (After "told", "informed": the one told, never the speaker.)
            if (source.empty() && (comma_before_np || !hearer_cue))
              source = comma_before_np ? span_of(b, e) : span_of(np_after(after_cue).first, np_after(after_cue).second);
          } else {
            // "Rubio was asked by the moderator whether ...", "the bill, opposed
            // by House Republicans": the agent of a passive cue is the source.
            std::size_t agent_end = 0;
            // ("indicated that by the time ...": a cue ending in "that" is not passive.)
            if (source.empty() && after_cue + 1 < tok.size() && tok[after_cue].lower == "by" &&
                tok[cue.last].lower != "that" &&
                (EndsWith(cue_lower, "ed") || EndsWith(cue_lower, "en")) && !tok[after_cue + 1].punct &&
                !std::isdigit(static_cast<unsigned char>(tok[after_cue + 1].lower[0])) &&
                !g.agentless_by.count(tok[after_cue + 1].lower) && !EndsWith(tok[after_cue + 1].lower, "ing")) {
              auto [ab, ae] = np_after(after_cue + 1);
              if (ae > ab) {
                source = span_of(ab, ae);
                agent_end = ae;
              }
            }
            if (source.empty()) source = span_of(b, e);
            // "..., adding that ...": the speaker of the previous claim.
            // "..., adding that", "and said", "while noting": the speaker of
            // the previous claim of the sentence.
            // "and then tweeted", "but later said": adverbs between.
            std::size_t pc = cue.first;
            for (std::size_t n; pc > 0 && (n = m.PreCueBefore(tok, pc)) > 0;) pc -= n;
            // "In describing the plan, the senator said ...": a participle in an
            // adverbial phrase opening the sentence speaks for the subject of
            // the main clause.
            // ("Declaring that ..., the candidate said", "One month after
            // announcing X, Rubio ...": no punctuation before the participle.)
            bool opening = EndsWith(cue_lower, "ing") && a.source.empty();
            std::size_t first_word = 0;
            while (first_word < pc && tok[first_word].punct) ++first_word;
            for (std::size_t k = first_word; opening && k < pc; ++k)
              opening = !tok[k].punct && (k == first_word || (!tok[k].upper && !m.IsPronoun(tok[k])));
            opening = opening && (first_word == pc || (g.prepositions.count(tok[first_word].lower) &&
                                                       !std::isdigit(static_cast<unsigned char>(tok[first_word].lower[0]))));
            const bool opening_word =
                pc == 0 || (pc == 1 && tok[0].punct) ||
                (pc > 0 && (tok[pc - 1].lower == "in" || tok[pc - 1].lower == "by" || tok[pc - 1].lower == "after" ||
                            tok[pc - 1].lower == "before" || tok[pc - 1].lower == "while" ||
                            tok[pc - 1].lower == "when" || tok[pc - 1].lower == "upon" ||
                            tok[pc - 1].lower == "since" || (pc >= 2 && tok[pc - 1].lower == "of") ||
                            (pc >= 2 && tok[pc - 1].lower == "to" && tok[pc - 2].lower == "addition")));
            if (opening && opening_word) {
              std::size_t k = after_cue;
              while (k < tok.size() && tok[k].lower != "," && !(tok[k].punct && !IsQuoteToken(tok[k]))) ++k;
              if (k + 1 < tok.size() && tok[k].lower == ",") {
                auto [sb, se] = np_after(k + 1);
                if (se > sb && se < tok.size() && ((!tok[se].punct && !tok[se].upper) || tok[se].lower == ",")) {
                  source = span_of(sb, se);
                  opening_end = tok[k].begin;
                }
              }
            }
            const bool continues = pc > 0 && (tok[pc - 1].lower == "," || tok[pc - 1].lower == "and" ||
                                              (pc >= 2 && IsQuoteToken(tok[pc - 1]) && tok[pc - 2].lower == ",") ||
                                              tok[pc - 1].lower == "while" || tok[pc - 1].lower == "but" ||
                                              (tok[pc - 1].lower == "by" && EndsWith(cue_lower, "ing")) ||
                                              // "took the stage to acknowledge": the subject's purpose
                                              (tok[pc - 1].lower == "to" && pc >= 2 && !tok[pc - 2].punct));
            // "allow him to call for ...": an object pronoun is the one who speaks.
            if (source.empty() && pc >= 2 && tok[pc - 1].lower == "to" &&
                (tok[pc - 2].lower == "him" || tok[pc - 2].lower == "her" || tok[pc - 2].lower == "them" ||
                 tok[pc - 2].lower == "me" || tok[pc - 2].lower == "us"))
              source = span_of(pc - 2, pc - 1);
            // (Not a possessive standing for a noun cue's source: "over his call for
            // the ban and suggested" is the subject's.)
            if (source.empty() && continues && !local.empty()) {
              const std::string_view prev = text.substr(local.back().source.begin, local.back().source.size());
              if (prev != "his" && prev != "her" && prev != "its" && prev != "their") source = local.back().source;
            }
            if (!source.empty() && a.source.empty() && EndsWith(cue_lower, "ing"))
              if (auto speaker = speaker_through_medium(b, e, cue.first)) source = *speaker;
            // "X has defended its stance, arguing that ...", "Trump blasted the
            // instructor and then tweeted that ...": the subject of the sentence.
            if (source.empty() && continues) {
              auto [sb, se] = subject_before(pc - 1);
              if (se > sb) source = span_of(sb, se);
            }
            // Skip adjuncts up to "that" ("claimed Wednesday that"); otherwise
            // the content starts right after the cue.
            std::size_t start = agent_end > 0 ? agent_end : after_cue;
            std::size_t j = start;
            for (;;) {
              if (j < tok.size() && std::isdigit(static_cast<unsigned char>(tok[j].lower[0]))) {
                ++j;  // "in March 2022 that"
                continue;
              }
              const std::size_t n = j < tok.size() ? m.adjuncts.MatchAt(tok, j) : 0;
              if (n == 0) break;
              j += n;
            }
            // "said in a statement to the Security Council that": a
            // prepositional phrase (no punctuation, at most 12 words) before "that".
            const std::string_view first = after_cue < tok.size() ? std::string_view(tok[after_cue].lower) : "";
            if (j < tok.size() && tok[j].lower != "that" &&
                (first == "in" || first == "to" || first == "during" || first == "at" || first == "on" ||
                 first == "before")) {
              // Only to someone or through a medium ("to reporters that", "in a
              // letter to the board that"), so
              // "said in Paris the company that owns ..." keeps its content.
              bool medium = false;
              for (std::size_t k = after_cue + 1; k < tok.size() && k <= after_cue + 12 && !tok[k].punct; ++k) {
                medium = medium || g.medium_words.count(tok[k].lower) > 0;
                if (tok[k].lower == "that") {
                  if (medium || first == "to") j = k;
                  break;
                }
              }
            }
            // "told the mayor that ...", "told me the pumps work": the one told
            // is not the content.
            if (hearer_cue && start < tok.size() && (j >= tok.size() || tok[j].lower != "that")) {
              if (m.hearer_pronouns.Contains(tok[start].lower)) {
                j = ++start;
              } else {
                for (std::size_t k = start + 1; k < tok.size() && k <= start + 8 && !tok[k].punct; ++k) {
                  if (tok[k].lower != "that") continue;
                  j = k;
                  break;
                }
              }
            }
            if (j < tok.size() && tok[j].lower == "that") start = j + 1;
            else if (start < tok.size() && (tok[start].lower == "that" || tok[start].lower == ":")) ++start;
            // "there have been reports of X": a cue ending in a report noun opens like one.
            else if (start < tok.size() && (g.noun_cues.count(tok[cue.last].lower) || tok[cue.last].lower == "reports"))
              start += m.noun_openers.MatchAt(tok, start);
            while (start < tok.size() && tok[start].punct && !IsQuoteToken(tok[start])) ++start;
            if (content.empty() && start < tok.size() && tok[start].begin < limit)
              content = TrimContent(text, {tok[start].begin, limit});
          }
        }
      }
      if (opening_end > 0 && content.begin < opening_end && content.end > opening_end)
        content = TrimContent(text, {content.begin, opening_end});
      // A cue written inside quotation marks (“categorically rejected”) leaves
      // the closing mark at the front of the content.
      if (!content.empty() && content.begin == a.span.end) {
        std::size_t next;
        if (IsQuoteChar(CodePointAt(text, content.begin, &next)) && next < content.end)
          content = TrimContent(text, {next, content.end});
      }
      // Nothing after the cue: "..., Donald Trump's longtime confidant Roger
      // Stone stated." The content is the clause before the comma that opens
      // the speaker's noun phrase.
      if (content.empty() && quote_before == std::nullopt) {
        std::size_t k = m.SkipAdjuncts(tok, after_cue);
        const bool nothing_after = k >= tok.size() || (tok[k].punct && tok[k].lower != ":" && !IsQuoteToken(tok[k]));
        std::size_t c = cue.first;
        while (c > 0 && cue.first - c <= 10 && tok[c - 1].lower != "," && !tok[c - 1].punct &&
               (!g.not_in_noun_phrase.count(tok[c - 1].lower) || tok[c - 1].lower == "and") &&
               !EndsWith(tok[c - 1].lower, "ed"))
          --c;
        if (nothing_after && c > 1 && c < cue.first && tok[c - 1].lower == ",") {
          std::size_t from = s.span.begin;
          if (!local.empty() && inverted(local.back())) from = std::max(from, local.back().content.end);
          if (tok[c - 1].begin > from) {
            content = TrimContent(text, {from, tok[c - 1].begin});
            // The whole noun phrase after the comma, with its pre-modifiers.
            if (source.empty() || (source.begin >= tok[c].begin && source.end <= tok[cue.first].begin)) {
              const std::size_t sb = c;
              std::size_t se = cue.first;
              for (std::size_t n; se > sb && (n = m.PreCueBefore(tok, se)) > 0;) se -= n;
              if (se > sb) source = span_of(sb, se);
            }
          }
        }
      }
      // "As Western Journalism reported, Thor and Beck were ...": the main
      // clause is the content (like "as X put it").
      if (content.empty() && cue.first >= 2 && !source.empty()) {
        std::size_t sb = token_at(source.begin);
        std::size_t k = m.SkipAdjuncts(tok, after_cue);
        if (sb > 0 && tok[sb - 1].lower == "as" && tok[sb].lower != "i" && tok[sb].lower != "we") {
          if (k < tok.size() && tok[k].lower == ",") {  // "as X reported, the two men ..."
            // (to the end of the sentence: the clause holds any later cue)
            if (k + 1 < tok.size()) content = TrimContent(text, {tok[k + 1].begin, s.span.end});
          } else if ((k >= tok.size() || tok[k].lower == ".") && sb >= 2 && tok[sb - 2].lower == ",") {
            content = TrimContent(text, {s.span.begin, tok[sb - 2].begin});  // "..., as X reported."
          }
        }
      }
      // A cataphoric cue ending its sentence with a colon: "the Kyiv Post
      // report ... detailed the following:" or "Reporter Jomana Karadsheh
      // says:". The content is the block it announces: the next paragraph
      // (guide §5.3), not "the following".
      {
        std::size_t k = m.SkipAdjuncts(tok, after_cue);
        if (k < tok.size() && tok[k].lower == "the") ++k;  // (an adjunct word too: "the following")
        if (k < tok.size() && tok[k].lower == "following") ++k;
        else if (k + 1 < tok.size() && tok[k].lower == "as" && tok[k + 1].lower == "follows") k += 2;
        if (k + 1 == tok.size() && tok[k].lower == ":") {
          const std::size_t from = std::min(text.find_first_not_of(" \t\r\n", tok[k].end), text.size());
          // The block starts on a new line; its end is the end of its line.
          const bool new_line = text.substr(tok[k].end, from - tok[k].end).find('\n') != std::string_view::npos;
          const std::size_t end = std::min(text.find('\n', from), text.size());
          if (new_line && from < end) content = TrimContent(text, {from, end});
          else if (!content.empty() && content.end <= tok[k].begin && after_cue < k) content = {};
        }
      }
      if (content.empty()) continue;
      // "When asked ..., she said": no clause opener in the source; a lone
      // determiner ("The") names no one.
      // A demonstrative standing alone right before its cue ("That suggests
      // ...", "this explains") is a pronoun source, like "it".
      const std::size_t src_tok = source.empty() ? 0 : token_at(source.begin);
      const bool demonstrative = !source.empty() && src_tok < tok.size() && tok[src_tok].end == source.end &&
                                 (tok[src_tok].lower == "that" || tok[src_tok].lower == "this") && [&] {
                                   std::size_t j = cue.first;
                                   for (std::size_t n; j > 0 && (n = m.PreCueBefore(tok, j)) > 0;) j -= n;
                                   return j == src_tok + 1;
                                 }();
      if (!source.empty() && !relative_source && !demonstrative && !label && source.begin >= s.span.begin &&
          source.end <= s.span.end) {
        std::size_t k = token_at(source.begin);
        while (k < tok.size() && tok[k].end <= source.end && g.clause_openers.count(tok[k].lower)) ++k;
        std::size_t d = k;
        while (d < tok.size() && tok[d].end <= source.end &&
               (tok[d].lower == "the" || tok[d].lower == "a" || tok[d].lower == "an" || tok[d].lower == "this" ||
                tok[d].lower == "that" || tok[d].lower == "these" || tok[d].lower == "those"))
          ++d;
        if (d >= tok.size() || tok[d].begin >= source.end) source = {};
        else source.begin = tok[k].begin;
      }
      // "Yes we are, as I said, in touch ...": a speaker's parenthetical
      // reference to their own words has no content of its own (guide §4.3).
      if (!source.empty() && cue.first >= 2 && after_cue < tok.size() && tok[after_cue].lower == "," &&
          tok[cue.first - 2].lower == "as" &&
          (tok[cue.first - 1].lower == "i" || tok[cue.first - 1].lower == "we"))
        continue;
      // "The voters' worries about ...", "Sanders’ call for ...": a plural's
      // possessive right before the cue is the source without its mark.
      // (A singular's stays: "McDonald's said" is a name.)
      if (!source.empty() && cue.first > 0 && tok[cue.first - 1].end == source.end &&
          IsPossessive(tok[cue.first - 1])) {
        const std::size_t mark = PossessiveEnding(tok[cue.first - 1].lower);
        if (mark == 1 || mark == 3) source.end -= mark;
      }
      c.source = source;
      c.content = content;
      local.push_back(std::move(c));
    }
    for (auto& c : local) claims->push_back(std::move(c));
  }

  // Sentences the writer asserts without attribution: claims of the author,
  // unless they lie inside a claim's content (a quotation running over
  // several sentences).
  std::vector<Span> covered;
  std::set<std::size_t> with_claims;
  for (const Claim& c : *claims) {
    covered.push_back(c.content);
    with_claims.insert(c.sentence);
  }
  for (const Sentence& s : sentences) {
    if (furniture[s.index] || with_claims.count(s.index)) continue;
    bool inside = false;
    for (const Span& cv : covered) inside = inside || (cv.begin <= s.span.begin && s.span.end <= cv.end);
    if (inside) continue;
    bool has_cue = false;
    for (std::size_t i = s.first_annotation; i < s.first_annotation + s.num_annotations; ++i) {
      Category cat = pack_.rules[annotations[i].rule].category;
      has_cue = has_cue || cat == Category::kAttribution || cat == Category::kDenial;
    }
    if (has_cue) continue;  // a cue whose claim could not be assembled: not the writer's own
    Claim c;
    c.sentence = s.index;
    c.source_type = SourceType::kAuthor;
    c.content = TrimContent(text, s.span);
    if (!c.content.empty()) claims->push_back(std::move(c));
  }
  std::stable_sort(claims->begin(), claims->end(), [](const Claim& a, const Claim& b) {
    if (a.sentence != b.sentence) return a.sentence < b.sentence;
    const std::size_t pa = a.cue.empty() ? a.content.begin : a.cue.begin;
    const std::size_t pb = b.cue.empty() ? b.content.begin : b.cue.begin;
    return pa < pb;
  });

  // A participle opening a sentence has the main clause's subject: "Noting
  // that turnout fell, Ruiz said ..." is Ruiz noting. When a later cue
  // introduces the same words ("Adding, “...,” Ruiz said", the quotation
  // perhaps over two sentences) the participle makes no claim of its own.
  {
    std::vector<bool> drop(claims->size(), false);
    for (std::size_t i = 0; i < claims->size(); ++i) {
      Claim& p = (*claims)[i];
      if (!p.source.empty() || p.cue.empty()) continue;
      const std::size_t from = sentences[p.sentence].span.begin;
      std::string_view lead = text.substr(from, p.cue.begin - from);  // at most an opening quotation mark
      if (lead.starts_with("\u201C")) lead.remove_prefix(3);
      while (!lead.empty() && (lead.front() == ' ' || lead.front() == '"')) lead.remove_prefix(1);
      if (!lead.empty() || !EndsWith(text.substr(p.cue.begin, p.cue.size()), "ing")) continue;
      for (std::size_t k = i + 1; k < claims->size(); ++k) {
        const Claim& o = (*claims)[k];
        if (o.content.begin >= p.content.end && o.sentence != p.sentence) break;
        if (o.source.empty() || o.cue.empty() || o.source.begin < p.cue.end) continue;
        // (Only a quotation framed by the later cue: "Citing “obligations,”
        // the spokeswoman told POLITICO that ..." is two claims.)
        if (o.content.begin == p.content.begin && o.content.end == p.content.end && o.cue.begin >= p.content.end &&
            TrimContent(text, {o.cue.end, sentences[o.sentence].span.end}).empty() &&
            (o.source.end <= o.cue.begin || TrimContent(text, {o.source.end, sentences[o.sentence].span.end}).empty())) {
          drop[i] = true;  // the same words
          break;
        }
        if (o.sentence != p.sentence) continue;
        // The participle's clause ends at the comma before the subject (or
        // inside the quotation mark before it).
        const Span clause = TrimContent(text, {p.content.begin, std::min(p.content.end, o.source.begin)});
        std::string_view gap = text.substr(p.cue.end, o.source.begin - p.cue.end);
        for (bool trimmed = true; trimmed;) {
          trimmed = false;
          for (std::string_view end : {" ", "\u201D", "\"", "''"})
            if (gap.ends_with(end)) {
              gap.remove_suffix(end.size());
              trimmed = true;
            }
        }
        if (clause.empty() || !gap.ends_with(',')) continue;
        p.content = clause;
        p.source = o.source;
        p.antecedent = o.antecedent;
        break;
      }
    }
    std::size_t kept = 0;
    for (std::size_t i = 0; i < claims->size(); ++i) {
      if (drop[i]) continue;
      if (kept != i) (*claims)[kept] = std::move((*claims)[i]);
      ++kept;
    }
    claims->resize(kept);
  }

  // Claims quoted inside a quotation: “... my staff told me the wall is
  // cheap,” Clinton said. The words are the quoted speaker's, so the content
  // ends with the quotation, and `quoted_in` names the claim whose content
  // holds it (the nearest one; a quotation's speaker is a few claims away).
  constexpr std::size_t kQuoteWindow = 32;
  for (std::size_t i = 0; i < claims->size(); ++i) {
    Claim& c = (*claims)[i];
    if (c.cue.empty()) continue;
    auto q = std::lower_bound(quotes.begin(), quotes.end(), c.cue.end,
                              [](const Span& x, std::size_t v) { return x.end < v; });
    if (q == quotes.end() || q->begin >= c.cue.begin) continue;
    std::size_t open = q->begin, close = q->end;  // inside the marks
    if (text.compare(open, 2, "''") == 0) {
      open += 2;
      close -= 2;
    } else {
      CodePointAt(text, open, &open);
      UChar32 mark;
      U8_PREV_UNSAFE(reinterpret_cast<const std::uint8_t*>(text.data()), close, mark);
      (void)mark;
    }
    // (“categorically rejected” Russia's claims: the writer quotes the cue
    // alone, and the content outside is the writer's report.)
    if (c.content.begin >= close || c.content.end <= open) continue;
    c.quoted = true;
    if (c.content.end > close || c.content.begin < open) {
      c.content = TrimContent(text, {std::max(c.content.begin, open), std::min(c.content.end, close)});
    }
    std::optional<std::size_t> best;
    const std::size_t lo = i > kQuoteWindow ? i - kQuoteWindow : 0;
    const std::size_t hi = std::min(claims->size(), i + kQuoteWindow + 1);
    for (std::size_t d = lo; d < hi; ++d) {
      const Claim& o = (*claims)[d];
      if (d == i || o.cue.empty() || (o.cue.begin > q->begin && o.cue.end <= q->end)) continue;
      if (o.content.begin > c.cue.begin || o.content.end < c.cue.end) continue;
      if (!best || o.content.size() < (*claims)[*best].content.size()) best = d;
    }
    c.quoted_in = best;
  }

  // A speaker's turn in a transcript or an interview runs from the label to
  // the end of its paragraph ("A: It's a big mistake. I said so."): a claim
  // whose cue lies in it is the speaker's own attribution, quoted in the
  // label's claim as one inside a quotation is. (The turn's sentences
  // without a cue continue the label's claim: below.)
  auto same_paragraph_next = [&](std::size_t si) {  // sentence si + 1 is in sentence si's paragraph
    return si + 1 < sentences.size() &&
           text.substr(sentences[si].span.end, sentences[si + 1].span.begin - sentences[si].span.end).find('\n') ==
               std::string_view::npos;
  };
  for (std::size_t i = 0; i < claims->size(); ++i) {
    if (!IsSpeakerLabel(text, (*claims)[i].source, (*claims)[i].cue)) continue;
    std::size_t last = (*claims)[i].sentence;
    while (same_paragraph_next(last)) ++last;
    for (std::size_t k = i + 1; k < claims->size() && (*claims)[k].sentence <= last; ++k) {
      Claim& c = (*claims)[k];
      if (c.cue.empty() || c.quoted) continue;
      c.quoted = true;
      c.quoted_in = i;
    }
  }

  // Is a claim's cue inside another claim's content? For each content start
  // (sorted), the two largest content ends so far and whose the largest is,
  // so one binary search answers it.
  struct ContentReach {
    std::size_t begin;
    std::size_t end1, who1;  // the largest content end so far, and its claim
    bool has2;               // a second claim so far
    std::size_t end2;        // the largest end among the others
  };
  std::vector<ContentReach> reach;
  {
    std::vector<std::size_t> order(claims->size());
    for (std::size_t i = 0; i < order.size(); ++i) order[i] = i;
    std::sort(order.begin(), order.end(),
              [&](std::size_t a, std::size_t b) { return (*claims)[a].content.begin < (*claims)[b].content.begin; });
    ContentReach r{0, 0, 0, false, 0};
    for (std::size_t k = 0; k < order.size(); ++k) {
      const std::size_t i = order[k];
      const Span& content = (*claims)[i].content;
      if (k == 0) {
        r.end1 = content.end;
        r.who1 = i;
      } else if (content.end > r.end1) {
        r.end2 = r.end1;
        r.has2 = true;
        r.end1 = content.end;
        r.who1 = i;
      } else if (!r.has2 || content.end > r.end2) {
        r.end2 = content.end;
        r.has2 = true;
      }
      r.begin = content.begin;
      reach.push_back(r);
    }
  }
  // Whether another claim's content holds this claim's cue.
  auto cue_inside_other_content = [&](std::size_t index) {
    const Span& cue = (*claims)[index].cue;
    auto it = std::upper_bound(reach.begin(), reach.end(), cue.begin,
                               [](std::size_t v, const ContentReach& r) { return v < r.begin; });
    if (it == reach.begin()) return false;
    --it;
    if (it->who1 != index) return cue.end <= it->end1;
    return it->has2 && cue.end <= it->end2;
  };

  // Source types and resolution of pronouns and roles.
  struct Named {
    std::string name;      // "Maria Zakharova"
    std::string full;      // the whole noun phrase, lower-case
    SourceType type;
    char gender = 0;       // 'f' or 'm' when the text says ("Mrs. Clinton", "the spokeswoman"), else 0
    std::size_t at = 0;    // where the noun phrase starts
    bool has_name = false;  // a person's name, not a role alone ("the spokeswoman")
    std::size_t claim = 0;  // whose source it is
  };
  std::vector<Named> named;  // in text order
  // A person's role without a name ("the spokeswoman", "the Russian top
  // diplomat", "Moscow’s UN envoy") is a person the text names with that
  // role, or another way of writing it (claims.yaml role_synonyms: "the
  // senator" is "Sen. Ana Ruiz"), and with each capitalised word before the
  // role ("Russian", "UN"; a possessor such as "Moscow’s" is not required).
  struct Role {
    std::vector<std::vector<std::string>> ways;  // the role's last word, then its synonyms
    std::vector<std::string> modifiers;          // lower-case
    std::string possessor;                       // "moscow" in "Moscow’s UN envoy"
  };
  auto role_of = [&](const std::vector<Token>& st) -> std::optional<Role> {
    const Token& head = st.back();
    if (head.upper || head.punct || !m.person_roles.Contains(head.lower) ||
        (EndsWith(head.lower, "s") && !EndsWith(head.lower, "ss")))
      return std::nullopt;  // a name, or people ("the senators")
    if (std::any_of(st.begin(), st.end(), [](const Token& t) { return t.punct; }))
      return std::nullopt;  // "Jay DiPietro, the club's president": a name in apposition
    std::size_t from = 0;
    if (st[0].lower == "the") {
      from = 1;
    } else {
      for (std::size_t k = 0; k + 1 < st.size(); ++k)
        if (IsPossessive(st[k])) from = k + 1;
      if (from == 0) return std::nullopt;  // "a senator" is someone new
    }
    Role role;
    if (from > 0 && IsPossessive(st[from - 1])) role.possessor = WithoutPossessive(st[from - 1].lower);
    for (std::size_t k = from; k + 1 < st.size(); ++k) {
      if (st[k].upper && !m.person_roles.Contains(st[k].lower)) role.modifiers.push_back(st[k].lower);
    }
    if (st.size() - from >= 2 && g.role_prefixes.count(st[st.size() - 2].lower)) {
      role.ways.push_back({st[st.size() - 2].lower, head.lower});  // "the vice president": that role only
      return role;
    }
    role.ways.push_back({head.lower});
    for (const auto& group : m.role_synonyms) {
      const bool written = std::any_of(group.begin(), group.end(), [&](const std::vector<std::string>& way) {
        if (way.size() > st.size() - from) return false;
        for (std::size_t k = 0; k < way.size(); ++k)
          if (st[st.size() - way.size() + k].lower != way[k]) return false;
        return true;
      });
      if (written) role.ways.insert(role.ways.end(), group.begin(), group.end());
    }
    return role;
  };
  // The words of every noun phrase that named a person, by name, phrases
  // apart: "russian foreign minister sergei lavrov | lavrov".
  std::unordered_map<std::string, std::vector<std::string>> descriptions;
  auto describe = [&](const std::string& name, const std::vector<Token>& words) {
    std::vector<std::string>& d = descriptions[name];
    d.emplace_back();  // no phrase runs across two noun phrases
    for (const Token& t : words) d.push_back(t.lower);
  };
  // The words before a name wherever the text writes it ("GOP Sen. John
  // McCain" when only "McCain said"), looked up once per name, within 16 KB
  // either side of a mention: all of an article, and a long document is
  // not read once per name.
  std::unordered_map<std::string, std::vector<std::string>> titles;
  auto titles_of = [&](const std::string& name, std::size_t at) -> const std::vector<std::string>& {
    auto [entry, fresh] = titles.try_emplace(name);
    if (!fresh) return entry->second;
    constexpr std::size_t kTitleReach = 16 << 10;
    const std::size_t lo = at > kTitleReach ? at - kTitleReach : 0;
    const std::string_view region = text.substr(0, std::min(text.size(), at + kTitleReach));
    for (std::size_t pos = region.find(name, lo); pos != std::string_view::npos; pos = region.find(name, pos + 1)) {
      if (pos > 0 && std::isalnum(static_cast<unsigned char>(text[pos - 1]))) continue;
      constexpr std::size_t kReach = 60;  // bytes: four words
      std::size_t from = pos > kReach ? pos - kReach : 0;
      while (from > 0 && (static_cast<unsigned char>(text[from]) & 0xC0) == 0x80) --from;
      const std::vector<Token> before = Tokenize(text, from, pos);
      std::size_t b = before.size();
      auto title_word = [&](const Token& t) {  // not "Gov. Ruiz of" before "New Jersey"
        return m.IsNpWord(t) && !g.determiners.count(t.lower) && !g.post_modifier_prepositions.count(t.lower) &&
               !g.not_in_noun_phrase.count(t.lower);
      };
      const std::size_t whole = from > 0 ? 1 : 0;  // the first word may be cut
      while (b > whole && before.size() - b < 4 && title_word(before[b - 1])) --b;
      entry->second.emplace_back();
      for (std::size_t k = b; k < before.size(); ++k) entry->second.push_back(before[k].lower);
    }
    return entry->second;
  };
  auto described_as = [&](const std::string& name, std::size_t at, const Role& role) {
    auto d = descriptions.find(name);
    if (d == descriptions.end()) return false;
    const std::vector<std::string>& said = d->second;
    const std::vector<std::string>& written = titles_of(name, at);
    auto in = [&](const std::vector<std::string>& words, const std::vector<std::string>& phrase) {
      for (auto it = words.begin(); (it = std::search(it, words.end(), phrase.begin(), phrase.end())) != words.end();
           ++it)
        if (it == words.begin() || !g.role_prefixes.count(*(it - 1))) return true;  // not "vice president"
      return false;
    };
    auto has = [&](const std::vector<std::string>& phrase) { return in(said, phrase) || in(written, phrase); };
    // "Grayson's spokeswoman" is not "Murphy’s spokeswoman Galia Slayen".
    if (!role.possessor.empty()) {
      bool other = false, same = false;
      for (const auto* words : {&said, &written})
        for (const std::string& w : *words) {
          if (PossessiveEnding(w)) (WithoutPossessive(w) == role.possessor ? same : other) = true;
        }
      if (other && !same) return false;
    }
    return std::any_of(role.ways.begin(), role.ways.end(), has) &&
           std::all_of(role.modifiers.begin(), role.modifiers.end(),
                       [&](const std::string& w) { return has(std::vector<std::string>{w}); });
  };
  // Roles no one before fits, with a capitalised word to go by ("Moscow’s
  // UN envoy"), look ahead for their person ("Russian Ambassador to the UN
  // Vitaly Churkin"), among the named sources that follow.
  struct Ahead {
    std::size_t claim;
    Role role;
    char gender;
    std::size_t from;  // index into `named` of the first source after it
  };
  std::vector<Ahead> ahead;
  // "She" whose last person before is a role without a name ("Moscow’s UN
  // envoy") or no one: the person who speaks next in the same paragraph,
  // when nothing but the pronoun's quotations stands between ("She added,
  // “...” Adding, “...,” Samantha Power said.").
  struct PronounAhead {
    std::size_t claim;
    char gender;
    std::size_t from;  // index into `named` of the first source after it
  };
  std::vector<PronounAhead> pronouns_ahead;
  // Whether a person of gender `have` can be what words of gender `want`
  // refer to (0: the text does not say).
  auto gender_fits = [](char want, char have) { return !want || !have || want == have; };
  // The gender the text gave a name where it did ("Mr. Sanders ... Sanders said").
  std::unordered_map<std::string, char> gender_of_name;
  auto gender_of = [&](const std::vector<Token>& words) -> char {
    const bool female = m.female_words.AnyIn(words, 0, words.size());
    const bool male = m.male_words.AnyIn(words, 0, words.size());
    return female == male ? 0 : female ? 'f' : 'm';
  };
  // The gender the title before a surname gives it anywhere in the text
  // ("Mr. Rogan", "Ms. Tchen"), when all its titles agree; looked up once
  // per surname.
  std::unordered_map<std::string, char> titled_gender;
  auto gender_of_surname = [&](const std::string& surname) -> char {
    auto [entry, fresh] = titled_gender.try_emplace(surname, 0);
    if (!fresh || surname.empty()) return entry->second;
    bool female = false, male = false;
    for (std::size_t pos = text.find(surname); pos != std::string_view::npos; pos = text.find(surname, pos + 1)) {
      const std::size_t end = pos + surname.size();
      if (end < text.size() && std::isalpha(static_cast<unsigned char>(text[end]))) continue;
      if (pos < 2 || text[pos - 1] != ' ') continue;
      std::size_t b = pos - 1;
      while (b > 0 && (std::isalpha(static_cast<unsigned char>(text[b - 1])) || text[b - 1] == '.')) --b;
      std::string title(text.substr(b, pos - 1 - b));
      for (char& ch : title) ch = static_cast<char>(std::tolower(static_cast<unsigned char>(ch)));
      female = female || m.female_words.Contains(title);
      male = male || m.male_words.Contains(title);
    }
    entry->second = female == male ? 0 : female ? 'f' : 'm';
    return entry->second;
  };
  // Full names in the body ("Tad Devine", "Sen. Ted Cruz"). A surname or a
  // first name alone as a source ("Devine said", "Bernie said") is the person
  // named in full earlier, even when the full name was never a source; a
  // word met after a person's title ("President Obama") is a person too. A
  // full name is two to four capitalised words around the word, without
  // roles, articles, possessives, organisation or media words, outside
  // headlines and furniture. Each word is looked up once per document, at
  // its occurrences only.
  struct KnownName {
    std::size_t at;    // where it starts
    std::string name;  // "Tad Devine"
  };
  // The word as written -> {the full name it ends, the one it starts, the titled word}.
  std::unordered_map<std::string, std::array<std::optional<KnownName>, 3>> known_names;
  auto full_name_before = [&](std::string_view word, std::size_t before) -> const std::string* {
    auto [entry, fresh] = known_names.try_emplace(std::string(word));
    std::array<std::optional<KnownName>, 3>& found = entry->second;
    auto capital = [](const Token& t) { return !t.punct && (t.upper || t.name_part) && !IsPossessive(t); };
    for (std::size_t pos = fresh ? text.find(word) : std::string_view::npos;
         pos != std::string_view::npos && !found[0]; pos = text.find(word, pos + 1)) {
      auto after = std::upper_bound(sentences.begin(), sentences.end(), pos,
                                    [](std::size_t v, const Sentence& x) { return v < x.span.begin; });
      if (after == sentences.begin()) continue;
      const Sentence& s = *(after - 1);
      if (pos >= s.span.end || furniture[s.index]) continue;
      constexpr std::size_t kReach = 80;  // bytes either side: four words of any name
      const std::size_t from = std::max(s.span.begin, pos >= kReach ? pos - kReach : 0);
      const std::vector<Token> w = Tokenize(text, from, std::min(s.span.end, pos + word.size() + kReach));
      std::size_t i = 0;
      while (i < w.size() && w[i].begin < pos) ++i;
      if (i == w.size() || w[i].begin != pos || w[i].end != pos + word.size() || !capital(w[i]))
        continue;  // not a whole capitalised word
      std::size_t k = i, e = i + 1;
      while (k > 0 && capital(w[k - 1])) --k;
      while (e < w.size() && capital(w[e])) ++e;
      std::size_t b = k;
      while (b < e && (g.determiners.count(w[b].lower) || g.not_in_noun_phrase.count(w[b].lower) ||
                       g.question_auxiliaries.count(w[b].lower) || m.person_roles.Contains(w[b].lower)))
        ++b;
      for (std::size_t x = b; x < i; ++x)  // "GOP Sen. John McCain": the name after the title
        if (m.person_roles.Contains(w[x].lower)) b = x + 1;
      if (b > i || m.organisation_words.AnyIn(w, b, e) || m.media_words.AnyIn(w, b, e) ||
          m.person_roles.AnyIn(w, b, e))
        continue;
      if (e - b >= 2 && e - b <= 4) {
        KnownName n{w[b].begin, std::string(text.substr(w[b].begin, w[e - 1].end - w[b].begin))};
        if (i + 1 == e) found[0] = std::move(n);
        else if (i == b && !found[1]) found[1] = std::move(n);
      } else if (e - b == 1 && b > k && m.person_roles.Contains(w[b - 1].lower) && !found[2]) {
        found[2] = KnownName{pos, std::string(word)};
      }
    }
    for (const std::optional<KnownName>& f : found)
      if (f && f->at < before) return &f->name;
    return nullptr;
  };
  // A pronoun or role looks back at most this many named sources: enough for
  // any article, and a 100,000-claim document stays linear.
  constexpr std::size_t kResolveWindow = 256;
  auto named_limit = [&] {
    return named.size() > kResolveWindow ? named.rbegin() + static_cast<std::ptrdiff_t>(kResolveWindow) : named.rend();
  };
  auto lower = [](std::string_view s) {
    std::string out(s);
    for (char& ch : out) ch = static_cast<char>(std::tolower(static_cast<unsigned char>(ch)));
    return out;
  };
  for (Claim& c : *claims) {
    if (c.source.empty()) {
      if (c.cue_annotation) {
        // A cue without a named source: "It has been suggested", "there have been reports".
        c.source_type = SourceType::kVague;
      }
      continue;
    }
    // A relative pronoun is typed and named by its antecedent.
    Span named_span = c.antecedent.empty() ? c.source : c.antecedent;
    std::vector<Token> st = Tokenize(text, named_span.begin, named_span.end);
    // "Does Rubio think ...?": the auxiliary opening a question is not part of the name.
    if (c.antecedent.empty() && st.size() > 1 && st[0].upper && g.question_auxiliaries.count(st[0].lower) &&
        st[1].upper) {
      c.source.begin = named_span.begin = st[1].begin;
      st.erase(st.begin());
    }
    if (st.empty()) continue;
    // "The senator from Vermont", "Exit polls taken in South Carolina": a
    // prepositional phrase after the head says where or whose. The head
    // gives the type and the name ("Vermont" is no one's name), and the
    // phrase's capitalised words describe a role ("the senator" from
    // Vermont). Not when a role and a name follow: "The Council on
    // American-Islamic Relations National Executive Director Nihad Awad".
    std::vector<std::string> pp_modifiers;
    bool post_modified = false;
    for (std::size_t k = 1; k + 1 < st.size(); ++k) {
      if (st[k].punct) break;  // "Russell Wheeler, a fellow at ...": a name in apposition
      if (st[k].lower == "of" || st[k].lower == "for" || !g.post_modifier_prepositions.count(st[k].lower)) continue;
      auto noun = [&](const Token& t) { return m.IsNpNoun(t.lower) && !g.determiners.count(t.lower); };
      const bool after_head =
          noun(st[k - 1]) ||
          (k >= 2 && !st[k - 1].upper && (EndsWith(st[k - 1].lower, "ed") || EndsWith(st[k - 1].lower, "en")) &&
           noun(st[k - 2]));
      // (A preposition, not an adjective: "an inside source".)
      const Token& next = st[k + 1];
      const bool object = next.upper || g.determiners.count(next.lower) || g.quantifier_subjects.count(next.lower) ||
                          std::isdigit(static_cast<unsigned char>(next.lower[0]));
      if (after_head && object && !m.person_roles.AnyIn(st, k + 1, st.size())) {
        for (std::size_t x = k + 1; x < st.size(); ++x)
          if (st[x].upper) pp_modifiers.push_back(st[x].lower);
        st.resize(k);
        post_modified = true;
      }
      break;
    }
    // 1. A source annotation inside the source span says what kind it is.
    std::optional<SourceType> kind;
    const Sentence& s = sentences[c.sentence];
    // (A weasel counts only without one: "reports on some Islamist social
    // media sites" is social media.)
    bool weasel = false;
    for (std::size_t i = s.first_annotation; i < s.first_annotation + s.num_annotations && !kind; ++i) {
      const Annotation& an = annotations[i];
      if (an.span.begin >= named_span.end || named_span.begin >= an.span.end) continue;
      const Rule& r = pack_.rules[an.rule];
      weasel = weasel || r.category == Category::kWeasel;
      if (r.category != Category::kSource) continue;
      if (r.type == "rumor") kind = SourceType::kVague;
      else if (auto t = ParseSourceType(r.type)) kind = *t;
    }
    if (!kind && weasel) kind = SourceType::kVague;
    const Token& head = st.back();
    const char gender = gender_of(st);  // "she", "Mrs. Ruiz", "the spokesman"; 0 when the words do not say
    std::optional<std::string> resolved;
    if (st.size() == 1 && m.IsPronoun(head)) {
      const bool person = m.person_pronouns.Contains(head.lower);
      bool named_person = false;
      for (auto it = named.rbegin(); it != named_limit(); ++it) {
        if (!gender_fits(gender, it->gender)) continue;
        if (person ? it->type == SourceType::kPerson
                   : (it->type == SourceType::kOrganisation || it->type == SourceType::kMedia)) {
          resolved = it->name;
          named_person = it->has_name;
          if (!kind) kind = it->type;
          break;
        }
      }
      if (person && !named_person && !c.quoted_in)
        pronouns_ahead.push_back({static_cast<std::size_t>(&c - claims->data()), gender, named.size()});
      if (!kind) kind = person ? SourceType::kPerson : SourceType::kOrganisation;
    } else if (st.size() == 1 && m.speaker_pronouns.Contains(head.lower)) {
      if (!kind) kind = SourceType::kPerson;  // "I": a quotation's speaker resolves below
    } else if (st.size() == 1 && m.addressee_pronouns.Contains(head.lower)) {
      if (!kind) kind = SourceType::kVague;  // "You've been talking about ...": the text names no one
    } else {
      const bool all_lower_role = st.front().lower == "the" && std::none_of(st.begin() + 1, st.end(), [](const Token& t) {
                                    return t.upper;
                                  });
      // "Pete Lane, a consultant whose firm ...": a name, then a description
      // in apposition. The name is the part before the comma; a person role
      // in the description makes it a person.
      std::size_t name_end = st.size();
      for (std::size_t k = 1; k < st.size(); ++k) {
        if (st[k].lower != ",") continue;
        bool name = true;
        for (std::size_t x = 0; x < k; ++x) name = name && (st[x].upper || st[x].name_part);
        if (name) name_end = k;
        break;
      }
      if (!kind && name_end < st.size() && m.person_roles.AnyIn(st, name_end + 1, st.size()) &&
          !m.organisation_words.AnyIn(st, 0, name_end) && !m.media_words.AnyIn(st, 0, name_end))
        kind = SourceType::kPerson;
      if (!kind) {
        const bool name_after_role = m.person_roles.AnyIn(st, 0, st.size()) && head.upper &&
                                     !m.person_roles.Contains(head.lower) && !m.organisation_words.Contains(head.lower) &&
                                     !m.media_words.Contains(head.lower);
        if (name_after_role) kind = SourceType::kPerson;  // "Foreign Ministry spokeswoman Maria Zakharova"
        else if (m.person_roles.Contains(head.lower) && !m.organisation_words.Contains(head.lower) &&
                 (!EndsWith(head.lower, "s") || EndsWith(head.lower, "ss")))
          kind = SourceType::kPerson;  // the head noun is one person's role: "Moscow's UN envoy"
        else if (m.media_words.AnyIn(st, 0, st.size())) kind = SourceType::kMedia;
        else if (m.organisation_words.AnyIn(st, 0, st.size())) kind = SourceType::kOrganisation;
        else if (m.person_roles.AnyIn(st, 0, st.size())) kind = SourceType::kPerson;
        else if (m.vague_words.AnyIn(st, 0, st.size()) || (st.size() == 1 && g.quantifier_subjects.count(head.lower)))
          kind = SourceType::kVague;  // "critics", "Both"
        else if (st.size() == 1 && head.upper) {
          // "Moscow", "Russia": a place standing for its government; but a
          // speaker's label ("TAPPER:", "A:") is a person.
          kind = IsSpeakerLabel(text, c.source, c.cue) ? SourceType::kPerson : SourceType::kOrganisation;
          for (auto it = named.rbegin(); it != named_limit(); ++it) {
            if (it->type == SourceType::kPerson && EndsWithWord(lower(it->name), head.lower)) {
              kind = SourceType::kPerson;
              break;
            }
          }
          // "Devine said", with "Tad Devine" earlier in the text.
          const std::string_view word = text.substr(head.begin, head.end - head.begin);
          if (*kind != SourceType::kPerson && full_name_before(word, c.source.begin))
            kind = SourceType::kPerson;
        } else if (std::all_of(st.begin(), st.end(), [](const Token& t) { return t.upper || t.punct; })) {
          kind = st.front().lower == "the" ? SourceType::kOrganisation : SourceType::kPerson;
        } else if (st.front().lower == "the" &&
                   std::all_of(st.begin() + 1, st.end(), [](const Token& t) { return t.upper || t.punct; })) {
          kind = SourceType::kOrganisation;  // "the United States", "the Kremlin": people take no article
        } else if (st.size() >= 3 && !g.determiners.count(st.front().lower) && st[st.size() - 1].upper &&
                   st[st.size() - 2].upper && !st[st.size() - 2].punct) {
          kind = SourceType::kPerson;  // a description, then a full name: "retired neurosurgeon Ben Carson"
        } else {
          kind = SourceType::kVague;
        }
      }
      std::optional<Role> role = *kind == SourceType::kPerson ? role_of(st) : std::nullopt;
      if (role) role->modifiers.insert(role->modifiers.end(), pp_modifiers.begin(), pp_modifiers.end());
      const Named* fits = nullptr;
      for (auto it = named.rbegin(); role && it != named_limit() && !fits; ++it)
        if (it->has_name && it->type == SourceType::kPerson && gender_fits(gender, it->gender) &&
            described_as(it->name, it->at, *role))
          fits = &*it;
      if (fits) {
        resolved = fits->name;
        if (!cue_inside_other_content(static_cast<std::size_t>(&c - claims->data()))) {
          // The person is the last one named now, for a "she" that follows.
          Named again = *fits;
          again.full = lower(text.substr(named_span.begin, named_span.size()));
          again.at = named_span.begin;
          again.claim = static_cast<std::size_t>(&c - claims->data());
          if (!again.gender) again.gender = gender;
          describe(again.name, st);
          named.push_back(std::move(again));
        }
      } else if (all_lower_role) {
        // "the ministry", "the newspaper": the last named source with that
        // word, whose type it takes, as a pronoun does ("The report" of a
        // newspaper), or a person's role an unnamed source had ("a senior
        // official" ... "the official").
        for (auto it = named.rbegin(); it != named_limit() && !resolved; ++it) {
          if (role && it->has_name) continue;  // a person's name: the role did not fit
          if (it->full.find(head.lower) == std::string::npos) continue;
          if (!std::all_of(pp_modifiers.begin(), pp_modifiers.end(),  // "the government in Beijing"
                           [&](const std::string& w) { return it->full.find(w) != std::string::npos; }))
            continue;
          resolved = it->name;
          kind = it->type;
        }
      } else {
        // The name: trailing capitalised words that are not roles ("Maria Zakharova").
        std::size_t nb = name_end;
        if (*kind == SourceType::kPerson) {
          // (Title case is not a name: "Don't Let The Media And Marco Rubio"
          // ends at "And"; "Will Doyle" and "Theresa May" keep theirs.)
          auto function_word = [&g](const std::string& w) {
            return g.determiners.count(w) > 0 || (g.not_in_noun_phrase.count(w) > 0 && w != "will" && w != "may");
          };
          auto name_word = [&](const Token& t) {
            return (t.upper || t.name_part) && !m.person_roles.Contains(t.lower) &&
                   !m.organisation_words.Contains(t.lower) && !function_word(t.lower);
          };
          while (nb > 0 && name_word(st[nb - 1])) --nb;
          // "Sen. Ana Ruiz of Ohio", "Mayor Frank G. Jackson of Cleveland":
          // the name is before "of" and the place, after a title or role
          // (or two words or more before a place of at most two). Not "Half
          // of Vermont Democrats", nor "Supervisor of Elections Susan Bucher".
          if (nb >= 2 && nb < name_end && st[nb - 1].lower == "of" && name_word(st[nb - 2]) &&
              !m.IsNpNoun(st[nb - 2].lower)) {
            std::size_t b = nb - 1;
            while (b > 0 && name_word(st[b - 1]) && !m.IsNpNoun(st[b - 1].lower)) --b;
            const bool titled = b > 0 && m.person_roles.Contains(st[b - 1].lower);
            if (titled || (nb - 1 - b >= 2 && name_end - nb <= 2)) {
              name_end = nb - 1;
              nb = b;
            }
          }
        } else {
          nb = 0;
          while (nb < name_end && g.determiners.count(st[nb].lower)) ++nb;
        }
        if (nb == name_end) nb = 0;
        std::string name(text.substr(st[nb].begin, st[name_end - 1].end - st[nb].begin));
        // ("people in Ohio" is named by all its words; "The senator from
        // Vermont" has no name.)
        if (post_modified && !(*kind == SourceType::kPerson && st[name_end - 1].upper))
          name = std::string(text.substr(st[nb].begin, c.source.end - st[nb].begin));
        // A surname alone resolves to the full name met earlier.
        if (*kind == SourceType::kPerson && nb + 1 == name_end) {
          bool found = false;
          // ("Mrs. Clinton" is not a man named Clinton.)
          for (auto it = named.rbegin(); it != named_limit() && !found; ++it) {
            if (!gender_fits(gender, it->gender)) continue;
            // (A capitalised word is a surname, not the place ending "protest organizers in Cleveland".)
            if (it->type == SourceType::kPerson && (it->has_name || !std::isupper(static_cast<unsigned char>(name[0]))) &&
                EndsWithWord(it->name, name)) {
              name = it->name;
              found = true;
            }
          }
          if (!found) {
            const std::string_view surname = text.substr(st[nb].begin, st[nb].end - st[nb].begin);
            if (const std::string* full = full_name_before(surname, c.source.begin))
              name = *full;
          }
        }
        // A source inside another claim's content ("rejected Russia's claims")
        // is not what a later "it" or "she" refers to.
        const bool nested = cue_inside_other_content(static_cast<std::size_t>(&c - claims->data()));
        if (!nested) {
          char known = *kind == SourceType::kPerson ? gender : 0;
          if (known) gender_of_name[name] = known;
          else if (auto it = gender_of_name.find(name); it != gender_of_name.end()) known = it->second;
          else if (*kind == SourceType::kPerson && name.find(' ') != std::string::npos)
            known = gender_of_surname(name.substr(name.rfind(' ') + 1));
          const bool has_name = *kind == SourceType::kPerson && (st[name_end - 1].upper || st[name_end - 1].name_part);
          named.push_back({name, lower(text.substr(named_span.begin, named_span.size())), *kind, known,
                           named_span.begin, has_name, static_cast<std::size_t>(&c - claims->data())});
          if (has_name) describe(name, st);
          if (role && !role->modifiers.empty())
            ahead.push_back({static_cast<std::size_t>(&c - claims->data()), *role, gender, named.size()});
        }
        // ("The New York Times" is not resolved to "New York Times".)
        const bool only_determiner_dropped =
            name_end == st.size() && nb > 0 &&
            std::all_of(st.begin(), st.begin() + static_cast<std::ptrdiff_t>(nb),
                        [&g](const Token& t) { return g.determiners.count(t.lower) > 0; });
        if (name != text.substr(c.source.begin, c.source.size()) && !only_determiner_dropped) resolved = name;
      }
    }
    c.source_type = *kind;
    if (!resolved && !c.antecedent.empty()) resolved = std::string(text.substr(c.antecedent.begin, c.antecedent.size()));
    if (resolved) c.resolved = *resolved;
  }

  // A role named by a person who comes after: "Moscow’s UN envoy accused
  // ..." and, two paragraphs on, "Russian Ambassador to the UN Vitaly
  // Churkin". Within a few paragraphs and a window of named sources.
  constexpr std::size_t kAheadReach = 2000;  // bytes
  for (const Ahead& a : ahead) {
    Claim& c = (*claims)[a.claim];
    const std::size_t last = std::min(named.size(), a.from + kResolveWindow);
    for (std::size_t k = a.from; k < last; ++k) {
      const Named& n = named[k];
      if (n.at > c.source.begin + kAheadReach) break;
      if (!n.has_name || n.type != SourceType::kPerson || !gender_fits(a.gender, n.gender)) continue;
      if (!described_as(n.name, n.at, a.role)) continue;
      c.resolved = n.name;
      break;
    }
  }

  for (const PronounAhead& p : pronouns_ahead) {
    if (p.from >= named.size()) continue;
    const Named& n = named[p.from];  // the next speaker named, and no one between
    Claim& c = (*claims)[p.claim];
    const Claim& speaker = (*claims)[n.claim];
    if (!n.has_name || n.type != SourceType::kPerson || !gender_fits(p.gender, n.gender) ||
        n.at < c.source.end || text.substr(c.source.end, n.at - c.source.end).find('\n') != std::string_view::npos ||
        !OpensWithQuote(text, speaker.content) || speaker.cue.begin < speaker.content.end)
      continue;
    c.resolved = n.name;
  }

  // The first person inside a quotation is the quotation's speaker.
  for (Claim& c : *claims) {
    if (!c.quoted_in || c.source.empty()) continue;
    if (!m.speaker_pronouns.Contains(lower(text.substr(c.source.begin, c.source.size())))) continue;
    const Claim& speaker = (*claims)[*c.quoted_in];
    if (speaker.source.empty()) continue;
    c.source_type = speaker.source_type;
    c.resolved = speaker.resolved.empty() ? std::string(text.substr(speaker.source.begin, speaker.source.size()))
                                          : speaker.resolved;
  }

  // A quotation that opens a sentence with no cue of its own continues the
  // speaker of the sentence before in the same paragraph: “We will
  // rebuild,” she said. “It will take years.” The quotation must run to the
  // end of the sentence or beyond ("“Non-paper” is a diplomatic term" is the
  // writer's). The chain runs on through quotation after quotation and stops
  // at any other sentence or a paragraph break, where a new speaker often
  // begins. (Claims are in text order here.)
  auto continues_quotation = [&](const Claim& c) {
    if (!OpensWithQuote(text, c.content)) return false;
    const Sentence& s = sentences[c.sentence];
    if (c.sentence == 0 || text.substr(sentences[c.sentence - 1].span.end, s.span.begin - sentences[c.sentence - 1].span.end)
                                   .find('\n') != std::string_view::npos)
      return false;
    auto q = std::lower_bound(quotes.begin(), quotes.end(), c.content.begin,
                              [](const Span& x, std::size_t v) { return x.begin < v; });
    // Not closed in the sentence: it runs on (or stays open to the paragraph's end).
    if (q == quotes.end() || q->begin != c.content.begin || q->end >= s.span.end) return true;
    // What follows the closing mark in the sentence: at most a full stop.
    return TrimContent(text, {q->end, s.span.end}).empty();
  };
  {
    std::optional<std::size_t> speaker;  // of the sentence before the one being looked at
    std::size_t speaker_sentence = 0;
    std::optional<std::size_t> turn;  // a speaker's label whose paragraph goes on
    std::size_t i = 0;
    while (i < claims->size()) {
      const std::size_t sentence = (*claims)[i].sentence;
      std::size_t end = i;
      while (end < claims->size() && (*claims)[end].sentence == sentence) ++end;
      std::optional<std::size_t> next;
      if (turn && (speaker_sentence + 1 != sentence || !same_paragraph_next(speaker_sentence))) turn.reset();
      if (IsSpeakerLabel(text, (*claims)[i].source, (*claims)[i].cue)) turn = i;
      if (end == i + 1 && (*claims)[i].cue.empty() && turn) {
        // A sentence of a speaker's turn: “A: It's a big mistake. Everybody's making it.”
        Claim& c = (*claims)[i];
        const Claim& from = (*claims)[*turn];
        c.source = from.source;
        c.source_type = from.source_type;
        c.resolved = from.resolved;
        c.cue = from.cue;
        c.stance = from.stance;
        c.continues = turn;
        next = turn;
      } else if (end == i + 1 && (*claims)[i].cue.empty() && speaker && speaker_sentence + 1 == sentence &&
          continues_quotation((*claims)[i])) {
        Claim& c = (*claims)[i];
        const Claim& from = (*claims)[*speaker];
        c.source = from.source;
        c.source_type = from.source_type;
        c.resolved = from.resolved;
        c.antecedent = from.antecedent;
        c.cue = from.cue;
        c.stance = from.stance;
        c.continues = speaker;
        next = speaker;
      } else {
        // The speaker: a claim with a source, a cue and words of its own (not
        // one quoted inside someone's quotation). Of several, the last whose
        // content is a quotation (“...,” said Mr. Ekovich, who noted that
        // ...); when none is, two speakers leave it open.
        std::size_t speakers = 0;
        std::optional<std::size_t> quoting;
        for (std::size_t k = i; k < end; ++k) {
          const Claim& c = (*claims)[k];
          if (c.cue.empty() || c.source.empty() || c.quoted) continue;
          ++speakers;
          next = k;
          if (OpensWithQuote(text, c.content)) quoting = k;
        }
        if (quoting) next = quoting;
        else if (speakers > 1) next.reset();
      }
      speaker = next;
      speaker_sentence = sentence;
      i = end;
    }
  }

  // Denials that name whose claims they reject: "rejected Russia's claims".
  std::unordered_map<std::string, std::vector<std::size_t>> by_source;
  for (std::size_t d = 0; d < claims->size(); ++d) {
    Claim& denial = (*claims)[d];
    if (denial.stance != "denial") continue;
    const std::vector<Token> ct = Tokenize(text, denial.content.begin, denial.content.end);
    std::string target;
    for (std::size_t k = 0; k < ct.size(); ++k) {
      if (!g.noun_cues.count(ct[k].lower) && ct[k].lower != "reports" && ct[k].lower != "statements") continue;
      if (k > 0 && IsPossessive(ct[k - 1])) {
        target = WithoutPossessive(std::string(text.substr(ct[k - 1].begin, ct[k - 1].end - ct[k - 1].begin)));
      } else if (k + 2 < ct.size() && ct[k + 1].lower == "by") {
        auto e = k + 2;
        while (e < ct.size() && m.IsNpWord(ct[e])) ++e;
        if (e > k + 2) target = std::string(text.substr(ct[k + 2].begin, ct[e - 1].end - ct[k + 2].begin));
      }
      if (!target.empty()) break;
    }
    if (target.empty()) continue;
    if (by_source.empty()) {
      // Claims by their source and resolved name, lower-case, built once.
      for (std::size_t i = 0; i < claims->size(); ++i) {
        const Claim& c = (*claims)[i];
        if (c.source.empty() || c.stance == "denial") continue;
        const std::string src = lower(text.substr(c.source.begin, c.source.size()));
        by_source[src].push_back(i);
        const std::string res = lower(c.resolved);
        if (res != src) by_source[res].push_back(i);
      }
    }
    auto it = by_source.find(lower(target));
    if (it == by_source.end()) continue;
    for (std::size_t i : it->second)
      if (i != d) (*claims)[i].disputed_by.push_back(d);
  }
}

}  // namespace evident
