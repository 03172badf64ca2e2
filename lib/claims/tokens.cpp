#include "claims/tokens.h"

#include <unicode/uchar.h>
#include <unicode/utf8.h>

#include <algorithm>
#include <cctype>
#include <cstdint>
#include <set>

namespace evident::claims_internal {

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

namespace {

// Character classes, with ASCII answered without a call into ICU (most of
// the text of English news is ASCII).
inline bool IsSpace(UChar32 c) { return c < 0x80 ? (c == ' ' || (c >= 0x09 && c <= 0x0D)) : u_isUWhiteSpace(c); }
inline bool IsAlnum(UChar32 c) {
  return c < 0x80 ? ((c | 0x20) >= 'a' && (c | 0x20) <= 'z') || (c >= '0' && c <= '9') : u_isalnum(c);
}
inline bool IsCapital(UChar32 c) { return c < 0x80 ? (c >= 'A' && c <= 'Z') : (u_isupper(c) || u_istitle(c)); }

// Abbreviations whose full stop belongs to the word: titles before a name
// ("Sen. Marco Rubio") and months ("Feb. 11").
bool IsKnownAbbreviation(std::string_view w) {
  static const std::set<std::string, std::less<>> abbreviations = {
      "Mr", "Mrs", "Ms", "Dr", "Prof", "Sen", "Rep", "Gov", "Lt", "Gen", "Col", "Maj", "Capt", "Sgt", "Adm",
      "Cmdr", "Cpl", "Pvt", "Rev", "Hon", "Pres", "Amb", "Atty", "Supt", "Insp", "Det", "Sec",
      "St", "Mt", "Fr", "Sr", "Jr", "Messrs", "Mme", "Mlle",
      "Jan", "Feb", "Aug", "Sep", "Sept", "Oct", "Nov", "Dec"};
  return abbreviations.count(w) > 0;
}

}  // namespace

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
      // A period closing an abbreviation: "U.S.", "J.", a title ("Mr.",
      // "Sen.") or a month ("Feb.") stays in the word.
      if (c == '.' && in_word) {
        std::string_view w = text.substr(cur.begin, i - cur.begin);
        const bool single_capital = w.size() == 1 && std::isupper(static_cast<unsigned char>(w[0]));
        if (single_capital || w.find('.') != std::string_view::npos || IsKnownAbbreviation(w)) {
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

bool IsQuoteToken(const Token& t) {
  if (!t.punct) return false;
  std::size_t next;
  return IsQuoteChar(CodePointAt(t.lower, 0, &next));
}

std::size_t PossessiveEnding(std::string_view w) {
  if (w.size() > 4 && w.substr(w.size() - 4) == "\xE2\x80\x99s") return 4;
  if (w.size() > 2 && w.substr(w.size() - 2) == "'s") return 2;
  if (w.size() > 4 && w.substr(w.size() - 4) == "s\xE2\x80\x99") return 3;
  if (w.size() > 2 && w.substr(w.size() - 2) == "s'") return 1;
  return 0;
}

bool IsPossessive(const Token& t) { return !t.punct && PossessiveEnding(t.lower) > 0; }

std::string WithoutPossessive(const std::string& w) { return w.substr(0, w.size() - PossessiveEnding(w)); }

bool EndsWithWord(std::string_view s, std::string_view w) {
  return s.size() > w.size() && s.substr(s.size() - w.size()) == w && s[s.size() - w.size() - 1] == ' ';
}

bool EndsWith(std::string_view w, std::string_view suffix) {
  return w.size() >= suffix.size() && w.substr(w.size() - suffix.size()) == suffix;
}

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
      // “...,“ said Jim Clyburn: an opening mark after a comma or a full
      // stop and before a space closes an open quotation (converted text).
      const char before = i > 0 ? text[i - 1] : ' ';
      const bool closes = !open.empty() && (before == ',' || before == '.' || before == '?' || before == '!') &&
                          (next >= text.size() || text[next] == ' ' || text[next] == '\n');
      if (closes) {
        out.push_back({open.back(), next});
        open.pop_back();
      } else {
        open.push_back(i);
      }
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
      // Three in a row are an inner quotation's mark and the outer one:
      // "''... the word 'old-school,''' said" closes after the third,
      // "'''Old-school' is the word,''" opens at the first.
      const bool third = next < text.size() && text[next] == '\'';
      if (doubled != kNone) {
        if (third) ++next;
        out.push_back({doubled, next});
        doubled = kNone;
      } else {
        doubled = i;
        if (third) ++next;
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

std::vector<Span>::const_iterator QuoteEndingFrom(const std::vector<Span>& quotes, std::size_t at) {
  return std::lower_bound(quotes.begin(), quotes.end(), at, [](const Span& q, std::size_t v) { return q.end < v; });
}

bool OpensWithQuote(std::string_view text, const Span& s) {
  const std::string_view t = text.substr(s.begin, s.size());
  return t.starts_with("\u201C") || t.starts_with('"') || t.starts_with("''");
}

bool IsSpeakerLabel(std::string_view text, const Span& source, const Span& cue) {
  if (source.empty() || source.end != cue.begin || text.substr(cue.begin, cue.size()) != ":") return false;
  // "Donald Trump: “...”": a colon that opens a quotation frames the quotation
  // (attribution.name_colon_quote); a label's turn is the unquoted rest.
  std::size_t k = cue.end;
  while (k < text.size() && text[k] == ' ') ++k;
  const std::string_view rest = text.substr(k);
  return !(rest.substr(0, 1) == "\"" || rest.substr(0, 3) == "\xE2\x80\x9C");
}

bool IsNameModal(std::string_view lower) { return lower == "will" || lower == "may"; }

bool IsFormOfBe(std::string_view lower) {
  return lower == "is" || lower == "are" || lower == "was" || lower == "were" || lower == "be" || lower == "been" ||
         lower == "being";
}

bool IsAllCapitals(std::string_view word) {
  return word.size() > 1 &&
         std::none_of(word.begin(), word.end(), [](char ch) { return std::islower(static_cast<unsigned char>(ch)); });
}

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
  // Marks alone ("”", "}", "…") say nothing: no content.
  for (std::size_t i = s.begin; i < s.end;) {
    UChar32 c;
    U8_NEXT(reinterpret_cast<const std::uint8_t*>(text.data()), i, s.end, c);
    if (c >= 0 && IsAlnum(c)) return s;
  }
  return {s.begin, s.begin};
}

std::string Lower(std::string_view s) {
  std::string out(s);
  for (char& ch : out) ch = static_cast<char>(std::tolower(static_cast<unsigned char>(ch)));
  return out;
}

bool SameParagraphNext(std::string_view text, const std::vector<Sentence>& sentences, std::size_t si) {
  return si + 1 < sentences.size() &&
         text.substr(sentences[si].span.end, sentences[si + 1].span.begin - sentences[si].span.end).find('\n') ==
             std::string_view::npos;
}

}  // namespace evident::claims_internal
