#include "claims/claims.h"

#include <re2/re2.h>
#include <unicode/locid.h>
#include <unicode/unistr.h>
#include <unicode/utf8.h>

#include <algorithm>
#include <array>
#include <set>
#include <unordered_map>

#include "claims/extract.h"

namespace evident {

namespace {

constexpr std::array<std::string_view, kNumSourceTypes> kSourceTypeNames = {
    "author", "person", "organisation", "media", "anonymous", "social_media", "document", "vague"};

// The English names of the countries ICU knows ("Russia", "North Korea"),
// lower-cased as tokens are (ASCII letters only).
std::vector<std::string> CountryNames() {
  std::vector<std::string> names;
  for (const char* const* code = icu::Locale::getISOCountries(); *code; ++code) {
    icu::UnicodeString display;
    icu::Locale("", *code).getDisplayCountry(icu::Locale::getEnglish(), display);
    std::string name;
    display.toUTF8String(name);
    names.push_back(claims_internal::Lower(name));
  }
  return names;
}

}  // namespace

std::string_view SourceTypeName(SourceType t) { return kSourceTypeNames[static_cast<std::size_t>(t)]; }

std::string ClaimId(std::size_t index) {
  std::string id = "c";  // (not "c" + std::to_string(): GCC 12 warns -Wrestrict at -O3, wrongly)
  id += std::to_string(index + 1);
  return id;
}

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

using namespace claims_internal;  // NOLINT: the stage's own helpers

ClaimExtractor::ClaimExtractor(const Pack& pack) : pack_(pack), impl_(std::make_unique<Impl>(pack)) {
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
  m.document_words = PhraseSet(lex.document_words);
  m.vague_words = PhraseSet(lex.vague_words);
  std::vector<std::string> names = CountryNames();
  names.insert(names.end(), lex.places.begin(), lex.places.end());
  names.insert(names.end(), lex.organisation_names.begin(), lex.organisation_names.end());
  m.non_person_names = PhraseSet(names);
  m.claim_hedges.insert(lex.claim_hedges.begin(), lex.claim_hedges.end());
  m.hearsay_hedges.insert(lex.hearsay_hedges.begin(), lex.hearsay_hedges.end());
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
  m.source_modifiers = PhraseSet(lex.source_modifiers);
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

bool ClaimExtractor::IsFurniture(std::string_view text, const Sentence& s,
                                 const std::vector<Annotation>& annotations) const {
  if (!FurnitureShape(text, s)) return false;
  // A short line whose cue ends it before a colon ("Cruz continued:",
  // "Hewitt writes:") introduces the block below; "Watch:" has no cue.
  const std::size_t colon = text.find_last_not_of(" \t\r\n", s.span.end - 1);
  if (colon == std::string_view::npos || text[colon] != ':') return true;
  for (std::size_t i = s.first_annotation; i < s.first_annotation + s.num_annotations; ++i) {
    const Annotation& a = annotations[i];
    if (pack_.rules[a.rule].category == Category::kAttribution && text.find_first_not_of(" \t", a.span.end) == colon)
      return false;
  }
  return true;
}

bool ClaimExtractor::FurnitureShape(std::string_view text, const Sentence& s) const {
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

// Makes *c a continuation of the claim `speaker` (at index `from`): the
// speaker's words go on, under its source and cue (flag `continuation`).
void GoOnWith(Claim* c, const Claim& speaker, std::size_t from) {
  c->source = speaker.source;
  c->source_type = speaker.source_type;
  c->resolved = speaker.resolved;
  c->antecedent = speaker.antecedent;
  c->cue = speaker.cue;
  c->stance = speaker.stance;
  c->continues = from;
}

}  // namespace

void ClaimExtractor::Extract(std::string_view text, const std::vector<Sentence>& sentences,
                             const std::vector<Annotation>& annotations, std::vector<Claim>* claims) const {
  claims->clear();
  const Impl& m = *impl_;
  const ClaimGrammar& g = pack_.lexicon.grammar;
  const std::vector<Span> quotes = FindQuotes(text);
  std::vector<bool> furniture(sentences.size());
  bool tail = false;  // after a donation appeal's opening, everything is furniture
  for (const Sentence& s : sentences) {
    const std::string_view sentence = text.substr(s.span.begin, s.span.size());
    tail = tail || (m.boilerplate_tail && RE2::PartialMatch(sentence, *m.boilerplate_tail));
    furniture[s.index] = tail || IsFurniture(text, s, annotations);
  }

  m.FindAttributed(text, sentences, annotations, quotes, furniture, claims);

  // A transcript or an interview has turns: one label alone ("NEW DELHI: The
  // cabinet approved ...", a dateline) is no speaker, and its sentence stays
  // the writer's (below).
  const auto is_label = [&](const Claim& c) { return IsSpeakerLabel(text, c.source, c.cue); };
  if (std::count_if(claims->begin(), claims->end(), is_label) == 1)
    claims->erase(std::remove_if(claims->begin(), claims->end(), is_label), claims->end());

  // The writer's comment on what supports a claim is not its content: "X
  // said Y, without presenting any evidence", "It has been suggested that
  // Y but there has been no independent verification of it" (annotation
  // guide §5.3). The content ends before the comma or "but" that opens the
  // comment, when at most four words stand between it and the
  // evidence_absent marker. A marker inside a quotation is the speaker's
  // own. The marker stays in the claim's scope, so the score is the same.
  for (Claim& c : *claims) {
    if (c.cue.empty() || c.content.empty()) continue;
    const Sentence& s = sentences[c.sentence];
    for (std::size_t i = s.first_annotation; i < s.first_annotation + s.num_annotations; ++i) {
      const Annotation& a = annotations[i];
      if (pack_.rules[a.rule].category != Category::kEvidenceAbsent) continue;
      if (a.span.begin <= c.content.begin || a.span.end > c.content.end) continue;
      // (The quotations do not overlap and come by their end: the first
      // that ends at or after the marker is the only one that can hold it.)
      auto q = QuoteEndingFrom(quotes, a.span.end);
      if (q != quotes.end() && q->begin < a.span.begin) continue;
      const std::string_view before = text.substr(c.content.begin, a.span.begin - c.content.begin);
      std::size_t cut = before.rfind(',');
      const std::size_t but = before.rfind(" but ");
      if (but != std::string_view::npos && (cut == std::string_view::npos || but > cut)) cut = but;
      if (cut == std::string_view::npos || cut == 0) continue;
      const std::string_view between = before.substr(cut + 1);
      if (std::count(between.begin(), between.end(), ' ') > 5) continue;  // at most four words
      const Span kept = TrimContent(text, {c.content.begin, c.content.begin + cut});
      if (!kept.empty()) c.content = kept;
      break;
    }
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
    // (Both without the closing full stop, which a content leaves out.)
    const Span words = TrimContent(text, s.span);
    bool inside = false;
    for (const Span& cv : covered) inside = inside || (cv.begin <= words.begin && words.end <= cv.end);
    if (inside) continue;
    // A cue whose claim could not be assembled leaves words that may be its
    // speaker's: when the sentence holds a quotation mark, or a comma opens
    // a short last clause holding the cue ("..., Viguerie says."). Those
    // are not the writer's own. Otherwise the writer asserts the sentence
    // with the cue inside it: "Trump did not respond to a request for
    // comment.", "I know what she said.", "Mr. Sanders was asked."
    const std::string_view sentence = text.substr(s.span.begin, s.span.size());
    bool has_cue = false, someone_elses = false;
    for (std::size_t i = s.first_annotation; i < s.first_annotation + s.num_annotations && !someone_elses; ++i) {
      const Annotation& a = annotations[i];
      if (IsSpeakerLabel(text, a.source, a.span)) continue;  // a label that made no claim: a dateline
      Category cat = pack_.rules[a.rule].category;
      if (cat != Category::kAttribution && cat != Category::kDenial) continue;
      if (!has_cue) {  // what holds for the whole sentence, looked at once
        has_cue = true;
        // (The quotations do not overlap and come by their end. A mark left
        // unpaired counts too: '"What we have seen is that ...'.)
        auto q = QuoteEndingFrom(quotes, s.span.begin + 1);
        someone_elses =
            (q != quotes.end() && q->begin < s.span.end) || sentence.find('"') != std::string_view::npos ||
            sentence.find("\u201C") != std::string_view::npos ||
            sentence.find("\u201D") != std::string_view::npos || sentence.find("''") != std::string_view::npos;
        if (someone_elses) break;
      }
      const std::size_t comma = sentence.rfind(',', a.span.begin - s.span.begin);
      const std::string_view last_clause =
          comma == std::string_view::npos ? std::string_view() : sentence.substr(comma + 1);
      // (A name and the cue ending the sentence without a comma: "... the
      // most able candidate Viguerie argues.")
      std::size_t w = a.span.begin - s.span.begin;
      while (w > 0 && sentence[w - 1] == ' ') --w;
      std::size_t name = w;
      while (name > 0 && std::isalpha(static_cast<unsigned char>(sentence[name - 1]))) --name;
      const bool named_at_end = name < w && std::isupper(static_cast<unsigned char>(sentence[name])) && name > 0 &&
                                TrimContent(text, {a.span.end, s.span.end}).empty();
      someone_elses = named_at_end ||
                      (!last_clause.empty() && std::count(last_clause.begin(), last_clause.end(), ' ') <= 6);
    }
    if (someone_elses) continue;
    Claim c;
    c.sentence = s.index;
    c.source_type = SourceType::kAuthor;
    c.content = words;
    // "The bill is expected to pass", "The general reportedly fled": the
    // writer passes on what unnamed others say or expect. The sentence is
    // their claim (source vague), its cue the first such hedge's words.
    for (std::size_t i = s.first_annotation; i < s.first_annotation + s.num_annotations; ++i) {
      const Rule& r = pack_.rules[annotations[i].rule];
      if (r.category != Category::kHedge || !m.hearsay_hedges.count(r.type)) continue;
      c.cue = annotations[i].span;
      c.cue_annotation = i;
      c.source_type = SourceType::kVague;
      break;
    }
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

  // An interrupted quotation: “The dam held,” she said, “and the pumps
  // work.” The second part goes on with the speaker's words, as a quotation
  // opening the next sentence does (below): a claim of the same source and
  // cue, flagged `continuation`, right after the speaker's. Only a few words
  // ("of the Clinton campaign", "again using ...") and a comma may stand
  // between the speaker and the second quotation, which no claim holds.
  {
    std::vector<Claim> with;
    with.reserve(claims->size());
    for (std::size_t i = 0; i < claims->size(); ++i) {
      with.push_back(std::move((*claims)[i]));
      const Claim& c = with.back();
      if (c.cue.empty() || c.source.empty() || !OpensWithQuote(text, c.content) || c.content.end > c.cue.begin)
        continue;
      const Sentence& s = sentences[c.sentence];
      const std::size_t after = std::max(c.cue.end, c.source.end);
      auto q = QuoteEndingFrom(quotes, after + 1);
      if (q == quotes.end() || q->begin < after || q->begin >= s.span.end || q->begin - after > 80) continue;
      std::string_view gap = text.substr(after, q->begin - after);
      while (gap.ends_with(' ')) gap.remove_suffix(1);
      if (!gap.ends_with(',') || gap.find_first_of(".;:!?\"") != std::string_view::npos) continue;
      const Span part = TrimContent(text, {q->begin, std::min(q->end, s.span.end)});
      bool held = part.empty();
      for (std::size_t k = i + 1; !held && k < claims->size() && (*claims)[k].sentence == c.sentence; ++k)
        held = (*claims)[k].content.begin <= part.begin && part.end <= (*claims)[k].content.end;
      if (held) continue;
      Claim more;
      more.sentence = c.sentence;
      more.content = part;
      GoOnWith(&more, c, with.size() - 1);
      with.push_back(std::move(more));
    }
    claims->swap(with);
  }

  // Claims quoted inside a quotation: “... my staff told me the wall is
  // cheap,” Clinton said. The words are the quoted speaker's, so the content
  // ends with the quotation, and `quoted_in` names the claim whose content
  // holds it (the nearest one; a quotation's speaker is a few claims away).
  constexpr std::size_t kQuoteWindow = 32;
  for (std::size_t i = 0; i < claims->size(); ++i) {
    Claim& c = (*claims)[i];
    if (c.cue.empty()) continue;
    auto q = QuoteEndingFrom(quotes, c.cue.end);
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
  for (std::size_t i = 0; i < claims->size(); ++i) {
    if (!IsSpeakerLabel(text, (*claims)[i].source, (*claims)[i].cue)) continue;
    std::size_t last = (*claims)[i].sentence;
    while (SameParagraphNext(text, sentences, last)) ++last;
    for (std::size_t k = i + 1; k < claims->size() && (*claims)[k].sentence <= last; ++k) {
      Claim& c = (*claims)[k];
      if (IsSpeakerLabel(text, c.source, c.cue)) break;  // the next speaker's turn ("Q: ... A: ...")
      if (c.cue.empty() || c.quoted) continue;
      c.quoted = true;
      c.quoted_in = i;
    }
  }

  m.ResolveSources(text, sentences, annotations, furniture, claims);

  // A quotation that opens a sentence with no cue of its own continues the
  // speaker of the sentence before in the same paragraph: “We will
  // rebuild,” she said. “It will take years.” The quotation must run to the
  // end of the sentence or beyond ("“Non-paper” is a diplomatic term" is the
  // writer's). The chain runs on through quotation after quotation and stops
  // at any other sentence or a paragraph break, where a new speaker often
  // begins. (Claims are in text order here.)
  // A sentence may also start inside a quotation an earlier one opened
  // (“The pumps work. We will rebuild.”: the second sentence).
  auto inside_quotation = [&](std::size_t sentence) {
    const std::size_t at = sentences[sentence].span.begin;
    auto q = QuoteEndingFrom(quotes, at + 1);
    return q != quotes.end() && q->begin < at;
  };
  auto continues_quotation = [&](const Claim& c) {
    const Sentence& s = sentences[c.sentence];
    if (c.sentence == 0 || text.substr(sentences[c.sentence - 1].span.end, s.span.begin - sentences[c.sentence - 1].span.end)
                                   .find('\n') != std::string_view::npos)
      return false;
    if (inside_quotation(c.sentence)) return true;
    if (!OpensWithQuote(text, c.content)) return false;
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
      if (turn && (speaker_sentence + 1 != sentence || !SameParagraphNext(text, sentences, speaker_sentence))) turn.reset();
      if (IsSpeakerLabel(text, (*claims)[i].source, (*claims)[i].cue)) turn = i;
      // Whose words a sentence with no cue of its own goes on with: the
      // speaker of a turn ("A: It's a big mistake. Everybody's making it."),
      // or of the quotation before (“...,” she said. “More.”).
      std::optional<std::size_t> from;
      if (end == i + 1 && (*claims)[i].cue.empty()) {
        if (turn) from = turn;
        else if (speaker && speaker_sentence + 1 == sentence && continues_quotation((*claims)[i])) from = speaker;
      }
      if (from) {
        GoOnWith(&(*claims)[i], (*claims)[*from], *from);
        next = from;
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
        if (quoting) next = (*claims)[*quoting].continues ? (*claims)[*quoting].continues : quoting;
        else if (speakers > 1) next.reset();
        // (A sentence of the quotation whose cues are all the quoted
        // speaker's own, “... They told me so. ...” or “I hate to say it.
        // ...”, keeps the speaker.)
        else if (speakers == 0 && speaker && speaker_sentence + 1 == sentence &&
                 (inside_quotation(sentence) || OpensWithQuote(text, sentences[sentence].span))) {
          next = speaker;
          // Its claims are quoted in the speaker's words ("I" is the speaker).
          for (std::size_t k = i; k < end; ++k)
            if ((*claims)[k].quoted && !(*claims)[k].quoted_in) (*claims)[k].quoted_in = speaker;
        }
      }
      speaker = next;
      speaker_sentence = sentence;
      i = end;
    }
  }

  m.ResolveFirstPerson(text, claims);

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
        const std::string src = Lower(text.substr(c.source.begin, c.source.size()));
        by_source[src].push_back(i);
        const std::string res = Lower(c.resolved);
        if (res != src) by_source[res].push_back(i);
      }
    }
    auto it = by_source.find(Lower(target));
    if (it == by_source.end()) continue;
    for (std::size_t i : it->second)
      if (i != d) (*claims)[i].disputed_by.push_back(d);
  }
}

}  // namespace evident
