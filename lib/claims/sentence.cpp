// The claims of one sentence's cues: source, cue and content from the
// sentence's tokens (ClaimExtractor::Impl::FindAttributed, claims/extract.h).
#include <unicode/utf8.h>

#include <algorithm>
#include <optional>
#include <set>
#include <string>
#include <tuple>
#include <vector>

#include "claims/extract.h"

namespace evident {

using namespace claims_internal;  // NOLINT: the stage's own helpers

namespace {

struct CueInfo {
  std::size_t annotation = 0;
  std::size_t first = 0, last = 0;  // token indexes of the cue, inclusive
};

// Prepositions a participle cue may follow and still speak for the
// clause's subject: "by saying", "erred in saying", "before clarifying",
// "of denouncing", "without explaining", "upon hearing".
bool IsParticiplePreposition(const std::string& w) {
  return w == "by" || w == "in" || w == "of" || w == "before" || w == "after" || w == "without" || w == "upon";
}

// A part of the day that may follow a day's name: "Thursday night".
bool IsTimeOfDay(const std::string& w) {
  return w == "night" || w == "morning" || w == "afternoon" || w == "evening";
}

}  // namespace

// One sentence of FindAttributed: its tokens and cues, the noun phrases
// around them, and the claims they make. The members keep the names the
// stage's code gives them (`m` the extractor, `g` its grammar, `s` the
// sentence, `tok` its tokens, `cues` its cues in text order).
class ClaimExtractor::Impl::SentenceReader {
 public:
  SentenceReader(const Impl& impl, std::string_view text_, const Sentence& sentence,
                 const std::vector<Annotation>& annotations_, const std::vector<std::size_t>& cue_ids,
                 const std::vector<Span>& quotes_, const std::vector<std::size_t>& quotes_by_begin_,
                 std::vector<std::size_t>* near_quotes_)
      : m(impl),
        g(impl.pack.lexicon.grammar),
        pack(impl.pack),
        text(text_),
        s(sentence),
        annotations(annotations_),
        quotes(quotes_),
        quotes_by_begin(quotes_by_begin_),
        near_quotes(*near_quotes_),
        tok(Tokenize(text_, sentence.span.begin, sentence.span.end)) {
    for (std::size_t id : cue_ids) {
      CueInfo c;
      c.annotation = id;
      c.first = TokenAt(annotations[id].span.begin);
      c.last = c.first;
      while (c.last + 1 < tok.size() && tok[c.last + 1].begin < annotations[id].span.end) ++c.last;
      if (c.first < tok.size()) cues.push_back(c);
    }
    dateline = DatelineEnd();
  }

  // Appends the claims of the sentence's cues to *claims, in cue order.
  void Build(std::vector<Claim>* claims);

 private:
  // The source phrase with its cut edges mended: a phrase that ends in "of"
  // or an article goes on to the cue, else ends before it; nothing when
  // what is left names no one (a lone grammar word, a subject before a
  // passive's "was").
  Span TidySource(Span source) const;
  // The first token that ends after `byte` (the one at or after it).
  std::size_t TokenAt(std::size_t byte) const;
  // A clause may start at token `at`: the sentence start, or after a mark,
  // a clause opener ("When", "but") or a sentence adverb ("Yet").
  bool ClauseStartsAt(std::size_t at) const;
  // Whether token `k` is part of one of the sentence's cues.
  bool InCue(std::size_t k) const;
  // A possessive determiner: "his", "their", "its".
  bool IsPossessiveDeterminer(const Token& t) const { return g.determiners.count(t.lower) && m.IsPronoun(t); }
  // Token `k` ends a source named after its cue; what describes the source
  // runs on to a comma within ten words ("In a CNN poll conducted on
  // Thursday, ...", "According to a survey of 500 voters, ..."): that
  // comma's index if so, else `k`.
  std::size_t PastSourceModifier(std::size_t k) const;
  // The noun phrase that ends just before token `end` (exclusive), skipping
  // pre-cue adverbs and quote marks, and jumping over ", which ... ,".
  std::pair<std::size_t, std::size_t> NpBefore(std::size_t end) const;
  // The first token after a dateline opening the sentence ("WASHINGTON —",
  // "MYRTLE BEACH, S.C. -", "CAMBRIDGE, Mass., Dec. 11 (UPI) —"); 0 if none.
  std::size_t DatelineEnd() const;
  // "Current and former officials who spoke with the Post said": the noun
  // phrase before the cue is the object inside a restrictive relative
  // clause; the source is the head the clause modifies. ("the bill that
  // the senator said": the noun phrase right after "that" is the subject.)
  std::pair<std::size_t, std::size_t> SourceBefore(std::size_t end) const;
  // The noun phrase that starts at token `from` (after "by", the agent):
  // "..., said the finance minister", "said one source who ...".
  std::pair<std::size_t, std::size_t> NpAfter(std::size_t from) const;
  // Whether token `at` - 1 is a participle after a determiner or a
  // quantifier, modifying the noun at `at`: "some [undecided] voters", "the
  // [embattled] governor". (Whether that determiner opens the clause is the
  // caller's question.)
  bool ParticipleAfterDeterminer(std::size_t at) const;
  // The subject of the sentence's main clause, ending before token
  // `before`: the first noun phrase at the sentence start or after a comma
  // that a lower-case word (the verb) follows ("But a few days later, Trump
  // reversed himself" -> "Trump"). An opening participle ("Speaking in
  // Ohio, ...") and a lone determiner are no subject; ", who ... ," may
  // stand between the subject and its verb.
  std::pair<std::size_t, std::size_t> SubjectBefore(std::size_t before) const;
  // The subject of a clause whose verb comes after an aside between
  // commas, ending before token `before` (the comma or "and" before the
  // verb): "Mr. Sperling, then 38, said", "Sanders, meanwhile, who sits at
  // zero endorsements, said", "House Democrats, looking for a way out,
  // seized the floor and said". The first noun phrase of the clause, right
  // before a comma; nothing when there is none.
  std::pair<std::size_t, std::size_t> SubjectBeforeAside(std::size_t before) const;
  // The bytes of tokens [b, e).
  Span SpanOf(std::size_t b, std::size_t e) const;
  // Where the noun phrase [b, e) starts with the number before it, not
  // before token `floor`: "one person tweeted", "one Trump campaign source
  // said" (a number the phrase readers above leave out).
  std::size_t WithNumberBefore(std::size_t b, std::size_t e, std::size_t floor) const {
    return b > floor && b < e && g.number_words.count(tok[b - 1].lower) && m.IsNpWord(tok[e - 1]) ? b - 1 : b;
  }
  // "issued a statement saying ...": the statement is the channel (guide
  // §5.2), the speaker is the subject of "issued" ("released a statement
  // Wednesday saying": a day between; "sent a text message to supporters
  // saying": the one written to is not the source either; "wrote in a
  // statement to Wired explaining": the writer). [b, e) is the noun phrase
  // before the participle; nothing when it is no medium.
  std::optional<Span> SpeakerThroughMedium(std::size_t b, std::size_t e, std::size_t participle) const;

  const Impl& m;
  const ClaimGrammar& g;
  const Pack& pack;
  const std::string_view text;
  const Sentence& s;
  const std::vector<Annotation>& annotations;
  const std::vector<Span>& quotes;  // FindQuotes order (by their end)
  const std::vector<std::size_t>& quotes_by_begin;
  std::vector<std::size_t>& near_quotes;  // scratch, shared by the sentences
  const std::vector<Token> tok;
  std::size_t dateline = 0;  // DatelineEnd(): the first token after one, or 0
  std::vector<CueInfo> cues;
  std::vector<Claim> local;  // the sentence's claims so far
};

Span ClaimExtractor::Impl::SentenceReader::TidySource(Span source) const {
  if (source.empty()) return source;
  // A source does not end in an article, "of" or "and": the reader cut the
  // phrase ("The head of the major Super PAC backing ..., Mike Murphy,
  // praised" gave "The head of the"). What stands before them is kept.
  auto glue = [&](std::size_t k) {
    return tok[k].lower == "the" || tok[k].lower == "a" || tok[k].lower == "an" || tok[k].lower == "of" ||
           tok[k].lower == "and";
  };
  const std::size_t first = TokenAt(source.begin);
  std::size_t last = TokenAt(source.end - 1);
  if (first >= tok.size() || last >= tok.size()) return source;
  if (last > first && glue(last)) {
    // First try the words after it, up to the cue or a mark ("California
    // Rep. Duncan Hunter's chief of staff"): lower-case nouns the lexicon
    // does not know.
    std::size_t n = last + 1;
    // ("One of them, UnitedHealth Group, has threatened")
    if (n < tok.size() && tok[last].lower == "of" && (tok[n].lower == "them" || tok[n].lower == "us")) ++n;
    while (n < tok.size() && n - last <= 4 && !tok[n].punct && !InCue(n) && !IsQuoteToken(tok[n]) &&
           !g.not_in_noun_phrase.count(tok[n].lower) && !g.prepositions.count(tok[n].lower) &&
           !m.pre_cue.Contains(tok[n].lower) && !g.days.count(tok[n].lower) &&
           !g.relative_words.count(tok[n].lower) && tok[n].lower != "that" &&
           !(!tok[n].upper && (EndsWith(tok[n].lower, "ed") || EndsWith(tok[n].lower, "ing"))))
      ++n;
    const bool ends = n >= tok.size() || tok[n].punct || InCue(n) || m.pre_cue.Contains(tok[n].lower) ||
                      g.days.count(tok[n].lower) || g.relative_words.count(tok[n].lower);
    if (n > last + 1 && ends && !glue(n - 1)) {
      source.end = tok[n - 1].end;
      last = n - 1;
    } else {
      while (last > first && (glue(last) || tok[last].lower == ",")) source.end = tok[--last].end;
    }
  }
  // A source that ends in a form of "be" read the one a passive cue is about
  // as its speaker ("The mayor was criticized for the delay" gave "The mayor
  // was"): an agentless passive names no source.
  if (IsFormOfBe(tok[last].lower)) return {};
  // A lone preposition or grammar word names no one ("And Sanders, to his
  // credit, refuses" gave "to"; "Is the", "Even the" before the words after
  // an article were dropped). Pronouns, relative ones too, stay.
  const std::string& w = tok[first].lower;
  if (first == last && !m.IsPronoun(tok[first]) && !m.speaker_pronouns.Contains(w) &&
      !m.addressee_pronouns.Contains(w) && !m.hearer_pronouns.Contains(w) && !g.quantifier_subjects.count(w) &&
      !g.determiners.count(w) && !g.relative_words.count(w) && w != "we" && w != "us" &&
      !(tok[first].upper && IsNameModal(w)) &&
      (g.prepositions.count(w) || g.not_in_noun_phrase.count(w) || g.sentence_adverbs.count(w) || w == "even"))
    return {};
  return source;
}

std::size_t ClaimExtractor::Impl::SentenceReader::TokenAt(std::size_t byte) const {
  std::size_t k = 0;
  while (k < tok.size() && tok[k].end <= byte) ++k;
  return k;
}

bool ClaimExtractor::Impl::SentenceReader::ClauseStartsAt(std::size_t at) const {
  return at == 0 || tok[at - 1].punct || g.clause_openers.count(tok[at - 1].lower) ||
         g.sentence_adverbs.count(tok[at - 1].lower);
}

bool ClaimExtractor::Impl::SentenceReader::InCue(std::size_t k) const {
  return std::any_of(cues.begin(), cues.end(), [&](const CueInfo& o) { return o.first <= k && k <= o.last; });
}

std::size_t ClaimExtractor::Impl::SentenceReader::PastSourceModifier(std::size_t k) const {
  // (The describing words open with a participle or a preposition.)
  if (k >= tok.size() || tok[k].punct || tok[k].upper ||
      !(EndsWith(tok[k].lower, "ed") || EndsWith(tok[k].lower, "ing") || g.post_modifier_prepositions.count(tok[k].lower)))
    return k;
  std::size_t c = k + 1;
  while (c < tok.size() && c < k + 10 && tok[c].lower != "," && !IsQuoteToken(tok[c]) &&
         (!tok[c].punct || tok[c].lower == "-") && !InCue(c))
    ++c;
  return c < tok.size() && c < k + 10 && tok[c].lower == "," ? c : k;
}

std::pair<std::size_t, std::size_t> ClaimExtractor::Impl::SentenceReader::NpBefore(std::size_t end) const {
  std::size_t j = end;
  while (j > 0 && IsQuoteToken(tok[j - 1])) --j;
  // "Rep. Hank Johnson (D-Ga.) said": a short parenthesis after the name is
  // skipped when a noun phrase word stands before it.
  auto skip_party_tag = [&](std::size_t at) {
    if (at <= 2 || tok[at - 1].lower != ")") return at;
    std::size_t k = at - 1;
    while (k > 0 && at - k <= 8 && tok[k - 1].lower != "(" && tok[k - 1].lower != ")") --k;
    return k > 1 && tok[k - 1].lower == "(" && m.IsNpWord(tok[k - 2]) ? k - 1 : at;
  };
  // (And a stray comma after it: "Sen. Jack Reed (D-R.I.), said".)
  if (j > 3 && tok[j - 1].lower == "," && tok[j - 2].lower == ")") --j;
  j = skip_party_tag(j);
  const bool progressive = end < tok.size() && tok[end].lower.size() > 4 &&
                           tok[end].lower.compare(tok[end].lower.size() - 3, 3, "ing") == 0;
  for (std::size_t n; j > 0 && (n = m.PreCueBefore(tok, j, progressive)) > 0;) {
    // "Both said": a quantifier that is also a pre-cue word ("they both
    // said") is the subject when nothing stands before it in the clause.
    if (n == 1 && g.quantifier_subjects.count(tok[j - 1].lower) && ClauseStartsAt(j - 1)) return {j - 1, j};
    j -= n;
  }
  // "Beck on Wednesday called", "the campaign Monday reported", "a
  // statement Thursday night condemning".
  if (j > 2 && g.days.count(tok[j - 2].lower) && IsTimeOfDay(tok[j - 1].lower)) --j;
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
  // "Sen. Bernie Sanders (Vt.) have said", "Dianne Feinstein (D-Calif.)
  // last week said": the parenthesis before pre-cue words or a time.
  if (j < end) j = skip_party_tag(j);
  // "A new poll released Friday found", "a report published by the
  // institute last year estimated": the participle phrase after the
  // source; the source is the noun phrase before the participle.
  for (std::size_t k = j; !participle_cue && k > 0 && j - k < 10; --k) {
    const Token& t = tok[k - 1];
    if (t.lower == "released" || t.lower == "conducted" || t.lower == "published" || t.lower == "issued" ||
        t.lower == "commissioned" || t.lower == "carried" || t.lower == "filed" || t.lower == "obtained" ||
        t.lower == "reviewed" || t.lower == "reported" || t.lower == "compiled" || t.lower == "collected" ||
        t.lower == "gathered") {
      // ("Figures reported on Sunday suggest": after a record only; "CNN
      // reported that night X testifies" is CNN's report.)
      if (k >= 2 && !tok[k - 2].punct && (m.IsNpWord(tok[k - 2]) || m.document_words.Contains(tok[k - 2].lower)) &&
          (t.lower != "reported" || m.document_words.Contains(tok[k - 2].lower)))
        j = k - 1;
      break;
    }
    if (t.punct || IsQuoteToken(t) ||
        !(t.upper || g.days.count(t.lower) || m.adjuncts.Contains(t.lower) || t.lower == "by" ||
          t.lower == "out" || std::isdigit(static_cast<unsigned char>(t.lower[0])) || m.IsNpWord(t)))
      break;
  }
  // "Jason Sims — a teacher from Ohio — says": a description between dashes.
  // In plain-text news " - " and " -- " stand for a dash ("--" is two
  // tokens, a run read as one dash); "co-host" holds none.
  auto dash_at = [&](std::size_t k) {
    const std::string& w = tok[k].lower;
    if (w == "\xE2\x80\x94") return true;
    if (w != "-") return false;
    const char before = tok[k].begin > 0 ? text[tok[k].begin - 1] : ' ';
    const char after = tok[k].end < text.size() ? text[tok[k].end] : ' ';
    return (before == ' ' || before == '-') && (after == ' ' || after == '-') && (before == ' ' || after == ' ');
  };
  // The first token of the run of dash tokens ending at token k.
  auto run_start = [&](std::size_t k) {
    while (k > 0 && tok[k - 1].lower == tok[k].lower && tok[k - 1].end == tok[k].begin) --k;
    return k;
  };
  if (j > 2 && dash_at(j - 1)) {
    const std::string dash = tok[j - 1].lower;
    const std::size_t close = run_start(j - 1);
    for (std::size_t k = close; k > 0 && close - k < 30; --k) {
      const std::string& w = tok[k - 1].lower;
      if (w == "." || w == ";" || w == ":" || IsQuoteToken(tok[k - 1])) break;
      if (w == dash && dash_at(k - 1)) {
        const std::size_t open = run_start(k - 1);
        if (open >= 1 && !tok[open - 1].punct && !IsQuoteToken(tok[open - 1])) j = open;
        break;
      }
    }
  }
  auto glue = [&](const Token& t) {
    return t.lower == "and" || t.lower == "of" || t.lower == "to" || t.lower == "for" || t.lower == "by";
  };
  // "Coca-Cola and telling", "the process by suggesting": a cue after a
  // conjunction or preposition has no noun phrase of its own before it.
  // ("erred in saying", "before explaining": a participle's preposition.)
  if (j > 0 && (glue(tok[j - 1]) || tok[j - 1].lower == "or" ||
                (progressive && IsParticiplePreposition(tok[j - 1].lower))))
    return {j, j};
  for (;;) {
    std::size_t stop = j;
    if (stop > 0 && m.IsPronoun(tok[stop - 1])) return {stop - 1, stop};
    // "26% say": a share of those polled. ("About 26% say": with the word
    // before it that opens the clause.)
    if (stop >= 2 && tok[stop - 1].lower == "%" && std::isdigit(static_cast<unsigned char>(tok[stop - 2].lower[0]))) {
      std::size_t b = stop - 2;
      if (b > 0 && !tok[b - 1].punct && ClauseStartsAt(b - 1)) --b;
      return {b, stop};
    }
    // "the operator", "a local fire brigade": a determiner and up to three
    // lower-case words are a noun phrase even when the lexicon knows none.
    // ("most of his competitors called": a possessive determiner after "of".)
    bool function_word = false;  // ("Some may say": no phrase of "Some may")
    for (std::size_t back = 1; back <= 4 && back <= stop; ++back) {
      const Token& t = tok[stop - back];
      const bool possessive_after_of =
          stop - back >= 1 && tok[stop - back - 1].lower == "of" && IsPossessiveDeterminer(t);
      // ("Both sides have acknowledged", "Even my own folks say": a
      // quantifier or a possessive opening the clause.)
      const bool opens_clause =
          back > 1 && !function_word &&
          (g.quantifier_subjects.count(t.lower) || IsPossessiveDeterminer(t)) &&
          (ClauseStartsAt(stop - back) || (stop - back >= 1 && tok[stop - back - 1].lower == "even" &&
                                           ClauseStartsAt(stop - back - 1)));
      if (t.lower == "the" || t.lower == "a" || t.lower == "an" || possessive_after_of || opens_clause) {
        if (back > 1) stop -= back;
        break;
      }
      if (t.punct || t.upper || m.IsPronoun(t) || g.clause_breaks.count(t.lower) || t.lower == "that") break;
      function_word = function_word || g.not_in_noun_phrase.count(t.lower) > 0 ||
                      (!t.upper && EndsWith(t.lower, "ly"));
    }
    // (A finding's record may head the phrase when the words before it
    // belong to one: "a USA TODAY investigation found", "FBI statistics
    // show", "The filings show"; not "the FDIC's internal investigation",
    // nor "A review of state records", whose head the words before it name.)
    if (stop == j && stop > 1 && m.document_words.Contains(tok[stop - 1].lower) && tok[stop - 2].lower == ",") {
      --stop;  // ", disclosures filed on Sunday revealed": the record alone
    } else if (stop == j && stop > 1 && m.document_words.Contains(tok[stop - 1].lower) && m.IsNpWord(tok[stop - 2]) &&
               !m.IsPronoun(tok[stop - 2]) && !g.clause_breaks.count(tok[stop - 2].lower) && !glue(tok[stop - 2])) {
      std::size_t b = stop - 1;
      while (b > 0 && m.IsNpWord(tok[b - 1]) && !m.IsPronoun(tok[b - 1])) --b;
      if (!glue(tok[b])) stop = b;
    }
    while (stop > 0 && m.IsNpWord(tok[stop - 1]) && !m.IsPronoun(tok[stop - 1])) --stop;
    // "some undecided voters think", "the embattled governor says": a
    // participle between a determiner or quantifier opening the clause and
    // the noun. (Not before a name: "A teary-eyed Bush" is Bush.)
    if (stop < j && !tok[stop].upper && ParticipleAfterDeterminer(stop) && ClauseStartsAt(stop - 2)) stop -= 2;
    // "a study by the Council of the Great City Schools found": a record
    // and who made it; the phrase starts at the record's article.
    if (stop < j && stop >= 2 && tok[stop].lower == "by" && m.document_words.Contains(tok[stop - 1].lower)) {
      for (std::size_t back = 2; back <= 4 && back <= stop; ++back) {
        const Token& t = tok[stop - back];
        if (t.lower == "a" || t.lower == "an" || t.lower == "the") {
          stop -= back;
          break;
        }
        if (t.punct || t.upper || m.IsPronoun(t) || g.clause_breaks.count(t.lower)) break;
      }
    }
    if (stop < j) {
      // "he and Mr. Allen said", "she and another reporter said": a
      // pronoun opening the clause, coordinated with the phrase.
      {
        std::size_t k = stop;
        if (k > 0 && (g.determiners.count(tok[k - 1].lower) || g.quantifier_subjects.count(tok[k - 1].lower))) --k;
        if (k < j && tok[k].lower == "and") ++k;  // (the phrase began at "and")
        if (k >= 2 && tok[k - 1].lower == "and" && m.person_pronouns.Contains(tok[k - 2].lower) &&
            !g.determiners.count(tok[k - 2].lower) && ClauseStartsAt(k - 2))
          return {k - 2, j};
      }
      // "Bush and his rivals have said", "Politicians and even some
      // technologists say": two phrases joined by "and" at the start of the
      // clause are one subject. (The first holds a noun or a name and opens
      // the clause; "he and Mr. Allen" is above.)
      {
        std::size_t k = stop;
        if (k < j && g.determiners.count(tok[k].lower) == 0 && k > 0 && IsPossessiveDeterminer(tok[k - 1]))
          --k;  // ("and his rivals": the possessive opens the second phrase)
        if (k < j && k > 0 && g.quantifier_subjects.count(tok[k - 1].lower)) --k;  // "and some technologists"
        if (k >= 2 && (tok[k - 1].lower == "even" || tok[k - 1].lower == "also" || tok[k - 1].lower == "other") &&
            tok[k - 2].lower == "and")
          --k;
        if (k >= 2 && tok[k - 1].lower == "and") {
          std::size_t fb = k - 1;
          bool noun = false;
          while (fb > 0 && (m.IsNpWord(tok[fb - 1]) || g.determiners.count(tok[fb - 1].lower)) &&
                 !m.IsPronoun(tok[fb - 1]) && !InCue(fb - 1)) {
            noun = noun || m.IsNpWord(tok[fb - 1]);
            --fb;
          }
          if (fb > 0 && IsPossessiveDeterminer(tok[fb - 1])) --fb;  // "His aides and"
          // (Not the object of a preposition: "If you're in the Senate and
          // another senator says".)
          if (noun && fb < k - 1 && ClauseStartsAt(fb) && !g.clause_openers.count(tok[fb].lower) &&
              (fb == 0 || !g.prepositions.count(tok[fb - 1].lower)))
            return {fb, j};
        }
      }
      // Drop leading glue words and a capitalised opener ("What I'm reminding people is").
      while (stop < j && (glue(tok[stop]) || g.clause_openers.count(tok[stop].lower) ||
                          g.relative_words.count(tok[stop].lower) || tok[stop].lower == "what" ||
                          tok[stop].lower == "how" || tok[stop].lower == "why"))
        ++stop;
      // "Her campaign workers here said": a possessive determiner opening
      // the clause belongs to the phrase.
      if (stop < j && stop > 0 && IsPossessiveDeterminer(tok[stop - 1]) &&
          (stop == 1 || tok[stop - 2].punct || g.clause_openers.count(tok[stop - 2].lower)))
        --stop;
      return {stop, j};
    }
    // "Syrian Ambassador to Russia, Bashar al-Jaafari, stated": an appositive.
    // ("Another lawmaker, Sen. Joe Lieberman (I-Conn.), also stated": a party tag.)
    // ("his wife, longtime Clinton aide Huma Abedin, announced": up to two
    // lower-case words before the name; "Their school, Leaders' College,
    // confirmed": a first phrase of lower-case words after a determiner.)
    auto plain_word = [&](const Token& t) {
      return !t.punct && !t.upper && !IsPossessive(t) && !g.determiners.count(t.lower) &&
             !g.not_in_noun_phrase.count(t.lower) && !g.prepositions.count(t.lower) && !m.IsPronoun(t) &&
             !EndsWith(t.lower, "ed") && !EndsWith(t.lower, "ing");
    };
    auto after_determiner = [&](std::size_t last) {
      for (std::size_t k = last + 1; k > 0 && last + 1 - k < 3; --k) {
        if (!plain_word(tok[k - 1]) || InCue(k - 1)) return false;
        if (k >= 2 && g.determiners.count(tok[k - 2].lower) && tok[k - 2].lower != "that") return true;
      }
      return false;
    };
    if (j > 1 && tok[j - 1].lower == ",") {
      std::size_t nb = skip_party_tag(j - 1);
      while (nb > 0 && m.IsNpWord(tok[nb - 1])) --nb;
      for (std::size_t k = nb, n = 0; nb < j - 1 && k > 1 && n < 2 && plain_word(tok[k - 1]) && !InCue(k - 1); --k, ++n)
        if (tok[k - 2].lower == ",") nb = k - 1;
      if (nb < j - 1 && nb > 1 && tok[nb - 1].lower == "," &&
          (m.IsNpWord(tok[nb - 2]) || after_determiner(nb - 2))) {
        std::size_t fb = nb - 1;
        while (fb > 0 && m.IsNpWord(tok[fb - 1])) --fb;
        // ("His business manager, Armstrong Williams, stated", "Carson's
        // business manager, ...": up to three lower-case words the lexicon
        // does not know after a determiner or a possessive.)
        {
          std::size_t k = fb;
          while (k > 0 && fb - k < 3 && plain_word(tok[k - 1]) && !InCue(k - 1)) --k;
          if (k < fb && k > 0 && (g.determiners.count(tok[k - 1].lower) || IsPossessive(tok[k - 1]))) fb = k;
        }
        // ("Carson's manager": the name before the possessive.)
        if (fb > 0 && IsPossessive(tok[fb - 1]) && tok[fb - 1].upper) {
          --fb;
          while (fb > 0 && tok[fb - 1].upper && m.IsNpWord(tok[fb - 1]) && !IsPossessive(tok[fb - 1])) --fb;
        }
        // ("his top aide, Tad Devine, said": a possessive determiner.)
        if (fb > 0 && fb < nb - 1 && IsPossessiveDeterminer(tok[fb - 1])) --fb;
        const bool starts_clause = ClauseStartsAt(fb);
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
        // (Not back into a dateline: "LA CROSSE, Wisc. — Gov. Mike Pence ...".)
        if (c < dateline || t.lower == ";" || t.lower == ":" || t.lower == "(" || t.lower == ")" ||
            IsQuoteToken(t))
          break;
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
        // (The state after its town is no speaker: "At an event in Ames,
        // Iowa, on Sunday, Mrs. Clinton ..., saying"; "Friday, Texas,
        // leading a coalition of 13 states, asked" is Texas.)
        const bool town_state = nb >= 2 && tok[nb - 1].lower == "," && tok[nb - 2].upper &&
                                !g.days.count(tok[nb - 2].lower) && !g.months.count(tok[nb - 2].lower) &&
                                m.non_person_names.MatchAt(tok, nb) == name_end - nb;
        if (nb == name_end || !tok[nb].upper || !tok[name_end - 1].upper || g.clause_openers.count(tok[nb].lower) ||
            g.prepositions.count(tok[nb].lower) || g.sentence_adverbs.count(tok[nb].lower) || town_state)
          continue;
        // (Narrower than ClauseStartsAt, which takes any mark before the
        // name: on PolNeAR train that changes three sources, two for the worse.)
        const bool clause_start = nb == 0 || tok[nb - 1].lower == "," || IsQuoteToken(tok[nb - 1]) ||
                                  (nb == 1 && tok[0].punct) || g.clause_openers.count(tok[nb - 1].lower) ||
                                  g.sentence_adverbs.count(tok[nb - 1].lower);
        const Token& d = tok[c + 1];
        // "Clinton, during a town hall in Columbus, Ohio, said": an adjunct,
        // not a description; the name alone is the source.
        if (clause_start && !d.upper &&
            (g.prepositions.count(d.lower) || d.lower == "along" || d.lower == "including" ||
             d.lower == "together" ||
             // ("Robert Peck, managing director at SunTrust,": a role.)
             (EndsWith(d.lower, "ing") && !(c + 2 < j && m.person_roles.Contains(tok[c + 2].lower)))))
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
    // "Corporate insurers describe", "some undecided conservatives
    // think": lower-case nouns the lexicon does not know, from the start
    // of the clause up to the cue.
    {
      // ("I think Shapiro's argument reveals": a first person's verb of
      // opinion opens the clause, whose subject follows it.)
      auto opinion_verb = [&](std::size_t at) {
        static const std::set<std::string, std::less<>> verbs = {"think", "believe", "guess", "suppose",
                                                                 "feel", "know", "hope", "fear", "doubt"};
        if (at < 2 || !verbs.count(tok[at - 1].lower)) return false;
        const std::string& who = tok[at - 2].lower;
        return !g.determiners.count(who) && (m.IsPronoun(tok[at - 2]) || who == "i" || who == "we" || who == "you");
      };
      std::size_t k = j;
      while (k > 0 && j - k < 6 && !tok[k - 1].punct && !IsQuoteToken(tok[k - 1]) && !opinion_verb(k) &&
             !g.not_in_noun_phrase.count(tok[k - 1].lower) && !m.pre_cue.Contains(tok[k - 1].lower) &&
             !(tok[k - 1].lower.size() > 3 && !tok[k - 1].upper &&
               (EndsWith(tok[k - 1].lower, "ed") || EndsWith(tok[k - 1].lower, "ing") ||
                EndsWith(tok[k - 1].lower, "n't") || EndsWith(tok[k - 1].lower, "n\xE2\x80\x99t"))))
        --k;
      auto opens_clause = [&](std::size_t at) {  // (and after "that": "said that critics say")
        return ClauseStartsAt(at) || tok[at - 1].lower == "that" || opinion_verb(at);
      };
      // "This initiative called for": a demonstrative or possessive opens it
      // ("that" opens a clause instead).
      if (k > 0 && k < j && g.determiners.count(tok[k - 1].lower) && tok[k - 1].lower != "that" &&
          opens_clause(k - 1))
        --k;
      // "some undecided conservatives think", "the embattled governor says":
      // a participle after a determiner or quantifier opening the clause.
      if (k < j && ParticipleAfterDeterminer(k) && opens_clause(k - 2)) k -= 2;
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
        // ("many people at his rallies": a possessive after the preposition
        // of a common noun; "Trump in his speech" is an adjunct)
        const bool possessive = m.IsPronoun(t) && g.determiners.count(t.lower) && k >= 3 &&
                                g.post_modifier_prepositions.count(tok[k - 2].lower) && !tok[k - 3].upper &&
                                !tok[k - 3].punct;
        if (!quantifier && !possessive &&
            (g.not_in_noun_phrase.count(t.lower) || m.pre_cue.Contains(t.lower) || m.IsPronoun(t)))
          break;
        if (!t.upper && t.lower.size() > 3 &&
            (EndsWith(t.lower, "ed") || EndsWith(t.lower, "ing") || EndsWith(t.lower, "n't") ||
             EndsWith(t.lower, "n\xE2\x80\x99t")))
          break;
        if (InCue(k - 1)) break;
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
}

bool ClaimExtractor::Impl::SentenceReader::ParticipleAfterDeterminer(std::size_t at) const {
  if (at < 2 || at >= tok.size()) return false;
  const Token& p = tok[at - 1];
  const std::string& d = tok[at - 2].lower;
  return !p.upper && p.lower.size() > 3 && (EndsWith(p.lower, "ed") || EndsWith(p.lower, "ing")) &&
         (g.determiners.count(d) || g.quantifier_subjects.count(d)) && d != "that";
}

std::pair<std::size_t, std::size_t> ClaimExtractor::Impl::SentenceReader::SourceBefore(std::size_t end) const {
  auto [b, e] = NpBefore(end);
  // "Officials who spoke on condition of anonymity said", "Even Republicans
  // who have praised his candidacy warned": no noun phrase right before
  // the cue, but a "who" clause whose head is the subject.
  // (Not when the cue is the clause's own verb, "a candidate who was
  // lambasted", "Democrats who at least said": then only auxiliaries and
  // adverbs stand between; nor an infinitive, "the decision to endorse".)
  if (b >= e && end > 0 && end < tok.size() && !g.noun_cues.count(tok[end].lower) &&
      !EndsWith(tok[end].lower, "ing")) {
    static const std::set<std::string, std::less<>> function_words = {
        "is",  "are",  "was", "were",   "be",    "been",  "being", "has",   "have",  "had",  "will",
        "would", "can", "could", "may", "might", "must", "should", "do",    "does",  "did",  "not",
        "also", "at",  "least", "just", "still", "ever", "never", "even",  "no",    "longer", "to",
        "only", "already", "once", "often", "now", "then", "reportedly", "allegedly", "publicly"};
    std::size_t j = end;
    for (std::size_t n; j > 0 && (n = m.PreCueBefore(tok, j, false)) > 0;) j -= n;
    for (std::size_t r = j; r > 0 && end - r < 14;) {
      --r;
      if (tok[r].punct || g.clause_openers.count(tok[r].lower)) break;
      if (tok[r].lower != "who") continue;
      bool own_verb = true;  // the relative clause has a verb of its own before the cue
      for (std::size_t k = r + 1; k < end && own_verb; ++k) own_verb = function_words.count(tok[k].lower) > 0;
      if (r > 0 && r + 1 < j && !own_verb && tok[end - 1].lower != "to" && !tok[r - 1].punct) {
        auto [hb, he] = NpBefore(r);
        if (he > hb) return {hb, he};
      }
      break;
    }
  }
  if (b >= e) return {b, e};
  // "Clinton in a statement said", "Sanders at a rally in Iowa said", "the
  // senator during the debate said": a prepositional phrase of the occasion
  // or medium (claims.yaml medium_words) between the subject and its cue.
  // The source is the noun phrase before it. (Not "Voters in Iowa said".)
  auto occasion = [&](std::size_t pb, std::size_t pe) {
    for (std::size_t k = pb; k < pe; ++k)
      if (g.medium_words.count(tok[k].lower)) return true;
    return false;
  };
  auto adjunct_preposition = [&](const Token& t) {
    return t.lower == "in" || t.lower == "at" || t.lower == "during" || t.lower == "on" || t.lower == "after" ||
           t.lower == "before" || t.lower == "via" || t.lower == "through";
  };
  for (int hop = 0; hop < 3 && b >= 2 && adjunct_preposition(tok[b - 1]); ++hop) {
    auto [pb, pe] = NpBefore(b - 1);
    if (pe <= pb) break;
    // ("at a rally in Iowa": the place after the occasion.)
    if (!occasion(b, e)) {
      if (!occasion(pb, pe) || pb < 2 || !adjunct_preposition(tok[pb - 1])) break;
      std::tie(pb, pe) = NpBefore(pb - 1);
      if (pe <= pb) break;
    }
    b = pb;
    e = pe;
  }
  // "Exit polls taken in South Carolina found", "An earlier report in a
  // New Hampshire paper said": the noun phrase before the cue is the
  // object of a preposition after the source's head, which opens the
  // clause. So is one after the head's modifier: "a source close to him
  // said", "people familiar with the matter said" (claims.yaml
  // source_modifiers). The phrases may be chained ("a person familiar with
  // the planning for the meeting said", which gave "the meeting"): the
  // source starts where the chain reaches the start of the clause. (A chain
  // broken on the way, at a word that heads no phrase, leaves the phrase
  // before the cue, as one hop does.)
  for (std::size_t at = b, hop = 0; hop < 4; ++hop) {
    const std::size_t modifier = m.source_modifiers.MatchBefore(tok, at);
    if (at < 2 || (!modifier && !g.post_modifier_prepositions.count(tok[at - 1].lower)) || modifier >= at) break;
    std::size_t h = at - 1 - (modifier ? modifier : 1);
    if (!modifier && h > 0 && !tok[h].upper && tok[h].lower.size() > 3 &&
        (EndsWith(tok[h].lower, "ed") || EndsWith(tok[h].lower, "en")))
      --h;  // "polls taken in"
    // (A word after a determiner is a noun the lexicon need not know: "his
    // rivals for the nomination", "the planning for".)
    const bool after_determiner = h > 0 && g.determiners.count(tok[h - 1].lower) && tok[h - 1].lower != "that" &&
                                  !tok[h].upper && !tok[h].punct && !m.pre_cue.Contains(tok[h].lower);
    const bool quantifier = !modifier && tok[at - 1].lower == "of" && g.quantifier_subjects.count(tok[h].lower);
    if ((g.not_in_noun_phrase.count(tok[h].lower) && !quantifier) ||
        (!after_determiner && !quantifier && !m.IsNpNoun(tok[h].lower) && !m.IsNpPlural(tok[h].lower) && tok[h].lower != "%" &&
         !std::isdigit(static_cast<unsigned char>(tok[h].lower[0])) &&
         !g.number_words.count(tok[h].lower)))
      break;
    std::size_t hb = h;
    while (hb > 0 && h - hb < 5 && !tok[hb - 1].punct && !g.not_in_noun_phrase.count(tok[hb - 1].lower) &&
           !m.pre_cue.Contains(tok[hb - 1].lower) && !g.clause_openers.count(tok[hb - 1].lower) &&
           !g.prepositions.count(tok[hb - 1].lower) && !InCue(hb - 1) &&
           !(!tok[hb - 1].upper && (EndsWith(tok[hb - 1].lower, "ing") || EndsWith(tok[hb - 1].lower, "ed"))) &&
           !(!tok[hb - 1].upper && EndsWith(tok[hb - 1].lower, "s") && !m.IsNpWord(tok[hb - 1])))  // "depicts"
      --hb;
    if (g.prepositions.count(tok[hb].lower) || InCue(hb)) break;
    at = hb;  // (the next hop, if a preposition or modifier stands before)
    if (ClauseStartsAt(hb)) b = hb;
  }
  b = WithNumberBefore(b, e, 0);
  for (std::size_t r = b; r > 0 && b - r < 12;) {
    --r;
    if (tok[r].punct || g.clause_openers.count(tok[r].lower)) break;
    if (tok[r].lower == "who" || tok[r].lower == "that" || tok[r].lower == "which") {
      if (r + 1 < b && r > 0 && (m.IsNpWord(tok[r - 1]) || !g.not_in_noun_phrase.count(tok[r - 1].lower)) &&
          !tok[r - 1].punct) {
        auto [hb, he] = NpBefore(r);
        if (he > hb) return {hb, he};
      }
      break;
    }
  }
  // A phrase that ends in an article or "of" ("the longtime owner of the"
  // before a quoted title) was cut in the middle: no source.
  const std::string& last = tok[e - 1].lower;
  if (last == "the" || last == "a" || last == "an" || last == "of") return {e, e};
  return {b, e};
}

std::pair<std::size_t, std::size_t> ClaimExtractor::Impl::SentenceReader::NpAfter(std::size_t from) const {
  // "..., opposed by X": the agent ("said by telephone" has none).
  if (from < tok.size() && tok[from].lower == "by") {
    if (from + 1 < tok.size() && g.agentless_by.count(tok[from + 1].lower)) return {from, from};
    ++from;
  }
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
  // "some of his rivals": a possessive after "of" goes on with the phrase.
  if (e > from + 1 && e + 1 < tok.size() && tok[e - 1].lower == "of" && g.determiners.count(tok[e].lower) &&
      m.IsPronoun(tok[e])) {
    std::size_t n = e + 1;
    while (n < tok.size() && !g.prepositions.count(tok[n].lower) &&
           (m.IsNpWord(tok[n]) || (!tok[n].punct && !tok[n].upper && !g.not_in_noun_phrase.count(tok[n].lower) &&
                                   !EndsWith(tok[n].lower, "ing") && n - e < 3)))
      ++n;
    if (n > e + 1) e = n;
  }
  // "said Ruiz of the flood": a phrase does not end in "of" or an article
  // (the words after them were no name).
  while (e > from + 1 && (tok[e - 1].lower == "of" || tok[e - 1].lower == "the" || tok[e - 1].lower == "a" ||
                          tok[e - 1].lower == "an" || tok[e - 1].lower == "and"))
    --e;
  return {from, e};
}

std::pair<std::size_t, std::size_t> ClaimExtractor::Impl::SentenceReader::SubjectBeforeAside(
    std::size_t before) const {
  std::size_t q = 0;
  for (;;) {
    while (q < before && (tok[q].punct || g.sentence_adverbs.count(tok[q].lower) ||
                          (g.clause_openers.count(tok[q].lower) && !g.prepositions.count(tok[q].lower))))
      ++q;
    if (q >= before || !g.prepositions.count(tok[q].lower)) break;
    // "In a statement to the Observer, ...": an opening phrase up to its comma.
    while (q < before && tok[q].lower != ",") ++q;
  }
  std::size_t se = q;
  if (q < before && m.IsPronoun(tok[q])) se = q + 1;
  else
    while (se < before && m.IsNpWord(tok[se]) && !g.clause_openers.count(tok[se].lower)) ++se;
  bool content_word = false;
  for (std::size_t k = q; k < se; ++k) content_word = content_word || !g.determiners.count(tok[k].lower);
  if (!content_word || se >= before || tok[se].lower != "," || InCue(q)) return {0, 0};
  // ("Tuesday, ...", "Recently, ...", "OK, ...": a time, an adverb or an
  // answer opening the sentence.)
  const std::string& w = tok[q].lower;
  if (se - q == 1 && (g.days.count(w) || g.months.count(w) || (EndsWith(w, "ly") && w.size() > 4) || w == "ok" ||
                      w == "okay" || w == "no" || w == "yes" || w == "well" || w == "so"))
    return {0, 0};
  // The aside holds no end of a sentence or clause.
  for (std::size_t k = se + 1; k < before; ++k)
    if (tok[k].lower == ";" || tok[k].lower == ":" || tok[k].lower == "." || InCue(k)) return {0, 0};
  return {q, se};
}

std::size_t ClaimExtractor::Impl::SentenceReader::DatelineEnd() const {
  auto capitals = [&](const Token& t) { return IsAllCapitals(text.substr(t.begin, t.end - t.begin)); };
  auto dash = [](const Token& t) {
    return t.lower == "\xE2\x80\x94" || t.lower == "\xE2\x80\x93" || t.lower == "-";
  };
  // (A place in capitals, alone or before a comma: not "NATO Secretary
  // General Jens Stoltenberg — ... — said".)
  std::size_t k = 0;
  while (k < tok.size() && tok[k].upper && capitals(tok[k])) ++k;
  if (k == 0 || k >= tok.size() || !(dash(tok[k]) || tok[k].lower == ",")) return 0;
  while (k < tok.size() && k < 12 && !dash(tok[k]) &&
         (tok[k].upper || tok[k].lower == "," || tok[k].lower == "." || tok[k].lower == "(" || tok[k].lower == ")" ||
          std::isdigit(static_cast<unsigned char>(tok[k].lower[0]))))
    ++k;
  if (k >= tok.size() || !dash(tok[k])) return 0;
  while (k < tok.size() && dash(tok[k])) ++k;
  return k < tok.size() ? k : 0;
}

std::pair<std::size_t, std::size_t> ClaimExtractor::Impl::SentenceReader::SubjectBefore(std::size_t before) const {
  std::size_t p = std::min(dateline, before);
  // "One notable trend: Democratic insiders ... say", "...; and her
  // communications seem to show": a clause after a colon or semicolon
  // with no cue before it.
  for (std::size_t k = before; k > p; --k) {
    if (tok[k - 1].lower != ":" && tok[k - 1].lower != ";") continue;
    if (tok[k - 1].end < text.size() && text[tok[k - 1].end] != ' ') continue;  // "3:1-5"
    bool cue_before = false;
    for (std::size_t x = 0; x + 1 < k && !cue_before; ++x) cue_before = InCue(x) || IsQuoteToken(tok[x]);
    if (!cue_before) p = k;
    break;
  }
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
    for (;;) {
      while (q < before && (tok[q].punct || g.sentence_adverbs.count(tok[q].lower) ||
                            (g.clause_openers.count(tok[q].lower) &&
                             !(g.prepositions.count(tok[q].lower) && comma_before(q + 1)))))
        ++q;
      // ("Most recently, Rubio ...", "More importantly, ...": an adverb phrase.)
      if (q + 2 < before && (tok[q].lower == "most" || tok[q].lower == "more") && EndsWith(tok[q + 1].lower, "ly") &&
          tok[q + 2].lower == ",") {
        q += 3;
        continue;
      }
      break;
    }
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
      // ("Eight years ago, he ...": a number and a unit of time.)
      const std::string& unit = v.lower;
      const bool time_unit = unit == "years" || unit == "months" || unit == "weeks" || unit == "days" ||
                             unit == "hours" || unit == "minutes" || unit == "decades";
      const bool time_phrase =
          v.lower == "after" || v.lower == "before" ||
          (time_unit && se + 1 < before &&
           (tok[se + 1].lower == "ago" || tok[se + 1].lower == "later" || tok[se + 1].lower == "earlier")) ||
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
}

Span ClaimExtractor::Impl::SentenceReader::SpanOf(std::size_t b, std::size_t e) const {
  if (b >= e) return {};
  return {tok[b].begin, tok[e - 1].end};
}

std::optional<Span> ClaimExtractor::Impl::SentenceReader::SpeakerThroughMedium(std::size_t b, std::size_t e,
                                                                                std::size_t participle) const {
  // "The senator emailed supporters saying: “...”": the ones written to are
  // not the speaker; the subject of the verb is.
  for (std::size_t k = b > 0 ? b - 1 : 0; e == participle && k < e; ++k) {
    const std::string& verb = tok[k].lower;
    if (k == 0 || (verb != "emailed" && verb != "e-mailed" && verb != "texted" && verb != "messaged")) continue;
    auto [sb, se] = SubjectBefore(k + 1);
    if (se > sb) return SpanOf(sb, se);
  }
  std::size_t medium_end = e;
  while (medium_end < participle &&
         (g.days.count(tok[medium_end].lower) || tok[medium_end].lower == "on" ||
          (medium_end > e && g.days.count(tok[medium_end - 1].lower) && IsTimeOfDay(tok[medium_end].lower))))
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
  auto [sb, se] = SubjectBefore(b);
  if (se > sb) return SpanOf(sb, se);
  // "Carr, the committee's director, released a statement confirming ...":
  // the subject before an aside.
  if (b >= 3 && tok[b - 2].lower == ",") {
    auto [ab, ae] = SubjectBeforeAside(b - 2);
    if (ae > ab) return SpanOf(ab, ae);
  }
  return std::nullopt;
}

void ClaimExtractor::Impl::SentenceReader::Build(std::vector<Claim>* claims) {
  // A claim whose content comes before its cue ("..., X said"). A later
  // inverted claim of the sentence starts after its content; a claim with
  // its content after the cue ("Cruz promised to ..., Stovall said") is
  // nested in the later one's content instead.
  auto inverted = [](const Claim& c) { return c.content.end <= c.cue.begin; };
  // Where a content running from the sentence's start begins: after a
  // dateline ("WASHINGTON — ..."), which no one says.
  const std::size_t sentence_from = dateline > 0 ? tok[dateline].begin : s.span.begin;
  for (std::size_t ci = 0; ci < cues.size(); ++ci) {
    const CueInfo& cue = cues[ci];
    // "refused to say", "declined to confirm": the second verb belongs to
    // the first cue's claim.
    if (ci > 0 && cues[ci - 1].last + 2 == cue.first && tok[cue.first - 1].lower == "to") continue;
    const Annotation& a = annotations[cue.annotation];
    const Rule& rule = pack.rules[a.rule];
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
      auto [nb, ne] = NpBefore(cues[cj].first);
      std::size_t start = nb;
      if (start > 0 && g.clause_breaks.count(tok[start - 1].lower)) {
        limit_token = start - 1;
        while (limit_token > 0 && g.clause_breaks.count(tok[limit_token - 1].lower)) --limit_token;
        break;
      }
      // ", which Lavrov claimed has become ...": a relative clause after a
      // comma that holds a claim of its own describes the content's last
      // noun; it is not part of what the first cue reports.
      if (start > 1 && g.relative_words.count(tok[start - 1].lower) && tok[start - 2].lower == "," && ne > nb) {
        limit_token = start - 2;
        break;
      }
      // "Durbin, noting the size of the crowd, said ...": the later cue's
      // subject stands before this cue, so this content ends before it.
      if (ne > nb && nb <= cue.first && tok[cues[cj].first - 1].lower == ",") {
        limit_token = cues[cj].first - 1;
        while (limit_token > cue.last + 1 && g.clause_breaks.count(tok[limit_token - 1].lower)) --limit_token;
        break;
      }
    }
    // "She went on to say that, because Comey testified that ..., her
    // statements were true", "According to GMA News, Salceda said ...": a
    // clause that opens the content is part of it. (Only after "that" or
    // the source the rule found after its cue: "saying that and saying ..."
    // is two claims.)
    if (limit_token < tok.size()) {
      std::optional<std::size_t> opening;  // the token after "that" or after the source
      if (!a.source.empty() && a.source.begin >= a.span.end)
        opening = PastSourceModifier(TokenAt(a.source.end));
      else if (cue.last + 1 < limit_token && tok[cue.last + 1].lower == "that")
        opening = cue.last + 2;
      // (The limit may be the comma itself or the word after it.)
      if (opening && *opening <= limit_token) {
        std::size_t k = *opening;
        while (k < tok.size() && tok[k].lower == ",") ++k;
        if (k >= limit_token && k < tok.size() && !tok[k].punct && tok[k].lower != "and" && tok[k].lower != "or" &&
            tok[k].lower != "but")
          limit_token = tok.size();
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
                               tok[rel - 2].lower != "such" && !InCue(rel - 2);
    if (rel > 1 && (tok[rel - 1].lower == "who" || tok[rel - 1].lower == "which" || relative_that) &&
        source.empty()) {
      const bool comma = tok[rel - 2].lower == ",";
      auto [rb, re] = NpBefore(comma ? rel - 2 : rel - 1);
      // The relative pronoun is the source even when its antecedent is
      // not a plain noun phrase ("18% who say", "Sen. Ruiz this year, who").
      source = SpanOf(rel - 1, rel);
      relative_source = true;
      if (re > rb) c.antecedent = SpanOf(rb, re);
      if (comma)
        for (std::size_t k = cue.last + 1; k < limit_token; ++k)
          if (tok[k].lower == ",") limit_token = k;
    }
    const std::size_t limit = limit_token < tok.size() ? tok[limit_token].begin : s.span.end;

    const std::size_t after_cue = cue.last + 1;
    // The agent of a passive cue: "reported by MSNBC", "opposed by House
    // Republicans". None for "indicated that by the time ..." (a cue ending
    // in "that" is not passive), "by far", "by phone", "by 2020", "by saying".
    std::pair<std::size_t, std::size_t> agent{0, 0};
    if (after_cue + 1 < tok.size() && tok[after_cue].lower == "by" && tok[cue.last].lower != "that" &&
        (EndsWith(tok[cue.first].lower, "ed") || EndsWith(tok[cue.first].lower, "en")) &&
        !tok[after_cue + 1].punct && !std::isdigit(static_cast<unsigned char>(tok[after_cue + 1].lower[0])) &&
        !g.agentless_by.count(tok[after_cue + 1].lower) && !EndsWith(tok[after_cue + 1].lower, "ing"))
      agent = NpAfter(after_cue + 1);
    // A passive with its agent: "O'Malley's move was first reported by
    // MSNBC", "The claim was denied by the Kremlin". The source is the
    // agent; the content is the subject ("It was reported by X that Y": the
    // clause after the agent).
    // (Not a charge or a question: "Freddy was berated by his father for
    // ...", "Sanders was asked by the host whether ...": the one charged or
    // asked is not what was said.)
    if (source.empty() && content.empty() && !label && agent.second > agent.first && rule.type != "accusing" &&
        tok[cue.first].lower != "asked") {
      std::size_t aux = cue.first;
      for (std::size_t n; aux > 0 && (n = m.PreCueBefore(tok, aux)) > 0;) aux -= n;
      if (aux > 0 && IsFormOfBe(tok[aux - 1].lower)) {
        const auto [ab, ae] = agent;
        std::size_t subject_end = aux - 1;
        for (std::size_t n; subject_end > 0 && ((n = m.pre_cue.MatchBefore(tok, subject_end)) > 0 ||
                                                IsFormOfBe(tok[subject_end - 1].lower));)
          subject_end -= std::max<std::size_t>(1, n);
        auto [sb, se] = NpBefore(subject_end);
        const std::size_t k = m.SkipAdjuncts(tok, ae);
        if (k < tok.size() && tok[k].lower == "that" && k + 1 < tok.size() && tok[k + 1].begin < limit) {
          source = SpanOf(ab, ae);
          content = TrimContent(text, {tok[k + 1].begin, limit});
        } else if (se > sb && (sb == 0 || tok[sb - 1].punct || g.clause_openers.count(tok[sb - 1].lower)) &&
                   !(k < tok.size() && tok[k].lower == "as")) {  // ("dismissed by voters as a bumbler")
          source = SpanOf(ab, ae);
          content = SpanOf(sb, se);
        }
      }
    }
    // 1. “...,” X said / “...,” said X: a quotation ends just before.
    std::optional<Span> quote_before, quote_after;
    const auto [np_b, np_e] = NpBefore(cue.first);  // "the engineer" in “...,” the engineer said
    // The quotations that can matter: closing between three bytes before
    // the sentence and the cue, or opening between the cue and the end of
    // the sentence; visited in FindQuotes order, as a scan of all would.
    near_quotes.clear();
    {
      const std::size_t from = s.span.begin >= 3 ? s.span.begin - 3 : 0;
      auto lo = QuoteEndingFrom(quotes, from);
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
        speaker_end = NpAfter(cue.last + 1).second;
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
        std::size_t qt = TokenAt(q.end);
        // (“...,” and condemned ...: a second verb of the speaker before, no quote frame)
        bool np_only = !(cue.first > qt && (tok[cue.first - 1].lower == "and" || tok[cue.first - 1].lower == "or"));
        // (Right after the quotation, only a verb of saying frames it: in
        // 'summed up Clinton as “terrible,” denounced her record' the
        // record is no speaker; claims.yaml inverting_verbs.)
        if (cue.first <= qt && !g.inverting_verbs.count(tok[cue.first].lower)) np_only = false;
        // ("Rep. Earl Blumenauer (D-Ore.) said": a party tag in parentheses.)
        bool in_parens = false;
        for (std::size_t k = qt; k < cue.first; ++k) {
          if (tok[k].lower == "(" || tok[k].lower == ")") {
            in_parens = tok[k].lower == "(";
            continue;
          }
          if (in_parens) continue;
          np_only = np_only && (tok[k].lower == "," || m.IsNpWord(tok[k]) || m.IsPronoun(tok[k]) ||
                                m.pre_cue.MatchAt(tok, k) > 0 || (k >= np_b && k < np_e) ||
                                // a modifier of the speaker: “...,” warm-hearted Trump said
                                (!tok[k].punct && cue.first - qt <= 6 && !g.clause_openers.count(tok[k].lower) &&
                                 !g.relative_words.count(tok[k].lower) && tok[k].lower != "that" && !InCue(k)));
        }
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
        // ('“The caucus is a battle of niches” Grubbs said.': without the
        // comma, when the quotation opens the sentence and the speaker and
        // cue end it.)
        // ('“... a cloak of anonymity” said Nick Merrill, a Clinton campaign
        // spokesman.': so, too, a verb of saying right after the mark, then
        // the speaker and a description to the end.)
        bool bare = q.begin <= tok[0].begin;
        std::size_t rest = m.SkipAdjuncts(tok, cue.last + 1);
        if (bare && cue.first == qt && g.inverting_verbs.count(tok[cue.first].lower)) {
          const std::size_t np_end = NpAfter(rest).second;
          if (np_end > rest) rest = np_end;
          if (np_end > cue.last + 1 && rest < tok.size() && tok[rest].lower == ",")
            while (rest < tok.size() && !IsQuoteToken(tok[rest]) && tok[rest].lower != "." && tok[rest].lower != ":" &&
                   tok[rest].lower != ";")
              ++rest;
        }
        for (std::size_t k = rest; bare && k < tok.size(); ++k)
          bare = tok[k].punct && !IsQuoteToken(tok[k]) && tok[k].lower != ":";
        const bool closes = last == ',' || last == '.' || last == '!' || last == '?' || last == 0x2026 ||
                            (qt < tok.size() && tok[qt].lower == ",") || bare;
        // "called it a “ridiculous proposition,” adding that ...": a participle
        // with its own content after it does not introduce the quotation before.
        // Nor does a cue with a "that" clause of its own: 'Trump, star of
        // the show "The Apprentice," said in a statement that ...'.
        const std::size_t after_adjuncts = m.SkipAdjuncts(tok, cue.last + 1);
        // ('..., “a breach of trust,” adding: “I am ...”': a participle
        // whose colon or comma opens a quotation introduces that one.)
        const bool quote_next = cue.last + 2 < tok.size() &&
                                (tok[cue.last + 1].lower == ":" || tok[cue.last + 1].lower == ",") &&
                                IsQuoteToken(tok[cue.last + 2]);
        // ('Humphrey, who calls Trump a “sociopath,” said he doubts it': a
        // clause of the cue's own, its subject a pronoun.)
        // ("told me this week": the one told, no clause.)
        const bool clause_next = cue.last + 2 < tok.size() && m.IsPronoun(tok[cue.last + 1]) &&
                                 !g.determiners.count(tok[cue.last + 1].lower) && !tok[cue.last + 2].punct &&
                                 !(m.hearer_cues.Contains(tok[cue.first].lower) &&
                                   m.hearer_pronouns.Contains(tok[cue.last + 1].lower));
        const bool participle_content =
            EndsWith(tok[cue.first].lower, "ing") && cue.last + 1 < tok.size() &&
            ((!tok[cue.last + 1].punct && !m.adjuncts.MatchAt(tok, cue.last + 1)) || quote_next);
        const bool own_content = clause_next || participle_content ||
                                 (after_adjuncts < tok.size() && tok[after_adjuncts].lower == "that");
        // (Further than ten words when the speaker's phrase fills the gap:
        // '“...,” Ana Ruiz, the longtime president of the county water
        // board, said in a statement'.)
        const bool np_fills = np_e > np_b && np_b <= qt + 1;
        if (np_only && closes && (cue.first - qt <= 10 || np_fills) && !own_content) quote_before = q;
      }
      if (q.begin >= a.span.end && q.begin < s.span.end && !quote_after) {
        std::size_t qt = TokenAt(q.begin);
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
        auto [b, e] = NpAfter(after_cue + (tok.size() > after_cue && tok[after_cue].lower == "to" ? 1 : 0));
        source = SpanOf(b, e);
      }
      // ("The poll showed that, according to X, the remarks were ugly": at
      // the start of a "that" clause, which is what X reports.)
      const bool at_start = cue.first == 0 || (cue.first == 1 && tok[0].punct) ||
                            (cue.first >= 2 && tok[cue.first - 1].lower == "," && tok[cue.first - 2].lower == "that");
      if (content.empty()) {
        if (at_start) {
          std::size_t k = source.empty() ? TokenAt(a.span.end) : PastSourceModifier(TokenAt(source.end));
          while (k < tok.size() && tok[k].lower == ",") ++k;
          if (k < tok.size() && tok[k].begin < limit) content = TrimContent(text, {tok[k].begin, limit});
        } else {
          std::size_t from = sentence_from;
          if (ci > 0 && !local.empty() && inverted(local.back())) from = std::max(from, local.back().content.end);
          // The previous claim's content may already run past this cue:
          // then nothing before the cue is left for this one.
          if (from < a.span.begin) content = TrimContent(text, {from, a.span.begin});
        }
      }
    } else if (quote_before && content.empty()) {
      content = *quote_before;
      if (source.empty()) {
        auto [b, e] = NpBefore(cue.first);
        std::size_t qt = TokenAt(quote_before->end);
        b = WithNumberBefore(b, e, qt);
        if (b < e && b >= qt) source = SpanOf(b, e);
        else if (!hearer_cue)  // "told The Daily Ledger": the one told
          source = SpanOf(NpAfter(after_cue).first, NpAfter(after_cue).second);
      }
    } else if (quote_after && content.empty()) {
      content = *quote_after;
      if (source.empty()) {
        auto [b, e] = SourceBefore(cue.first);
        source = SpanOf(b, e);
        // "sent out a text message to supporters saying: “...”"
        if (!source.empty() && a.source.empty() && EndsWith(cue_lower, "ing"))
          if (auto speaker = SpeakerThroughMedium(b, e, cue.first)) source = *speaker;
      }
      // "Lavrov expressed his dismay, stating: “...”": a participle after a
      // comma speaks for the subject (or the previous speaker); so does a
      // second verb of the subject ("noted that ... and added: “...”").
      std::size_t pc = cue.first;
      for (std::size_t n; pc > 0 && (n = m.PreCueBefore(tok, pc)) > 0;) pc -= n;
      const bool second_verb =
          pc > 1 && (tok[pc - 1].lower == "and" || tok[pc - 1].lower == "but") && !IsQuoteToken(tok[pc - 2]);
      // (", adding:" also after a quotation's closing mark: '... “a major
      // breach of trust,” adding: “...”'.)
      const bool comma_before = pc > 0 && (tok[pc - 1].lower == "," ||
                                           (pc > 1 && IsQuoteToken(tok[pc - 1]) && tok[pc - 2].lower == ","));
      // ("punctuated his list by saying “Too many.”": after a preposition.)
      const bool after_preposition = pc > 1 && EndsWith(cue_lower, "ing") &&
                                     (tok[pc - 1].lower == "by" || tok[pc - 1].lower == "before" ||
                                      tok[pc - 1].lower == "after" || tok[pc - 1].lower == "in") &&
                                     !tok[pc - 2].punct;
      if (source.empty() && ((EndsWith(cue_lower, "ing") && comma_before) || second_verb || after_preposition)) {
        if (!local.empty()) source = local.back().source;
        if (source.empty()) {
          auto [sb, se] = SubjectBefore(pc - 1);
          if (se > sb) source = SpanOf(sb, se);
        }
      }
      // "In a statement, his adviser, Jake Sullivan, said: “...”".
      if (source.empty() && pc > 0 && (tok[pc - 1].lower == "," || second_verb)) {
        auto [sb, se] = SubjectBeforeAside(pc - 1);
        if (se > sb) source = SpanOf(sb, se);
      }
    } else {
      auto [b, e] = SourceBefore(cue.first);
      // The agent of a noun cue, "claims by the ministry that": a noun
      // phrase, and lower-case nouns up to the clause ("by intelligence
      // agencies that").
      auto noun_agent = [&]() {
        auto [sb, se] = NpAfter(after_cue + 1);
        std::size_t x = se;
        while (x < tok.size() && x - se < 3 && !tok[x].punct && !tok[x].upper && tok[x].lower != "that" &&
               !g.prepositions.count(tok[x].lower) && !g.not_in_noun_phrase.count(tok[x].lower) &&
               !EndsWith(tok[x].lower, "ing") && !EndsWith(tok[x].lower, "ed"))
          ++x;
        if (x > se && x < tok.size() && tok[x].lower == "that") se = x;
        return std::pair{sb, se};
      };
      // ("criticism from rivals that ...": "from" names the one who made it
      // too, when the clause follows.)
      const bool agent_after =
          after_cue + 1 < tok.size() &&
          (tok[after_cue].lower == "by" ||
           (tok[after_cue].lower == "from" && g.noun_cues.count(cue_lower) > 0 && [&] {
             const auto [sb, se] = noun_agent();
             return se > sb && se < tok.size() && tok[se].lower == "that";
           }()));
      // A noun after a determiner or possessive ("the allegations", "Russia's
      // claims") or with its agent ("Allegations by the ministry that",
      // "rejected claims by X that").
      const bool noun_cue = g.noun_cues.count(cue_lower) > 0 &&
                            (agent_after || (cue.first > 0 && (g.determiners.count(tok[cue.first - 1].lower) ||
                                                                IsPossessive(tok[cue.first - 1]))));
      // A bare noun right after another cue ("rejected allegations that")
      // names no source: the words before are the other cue's.
      if (!noun_cue && g.noun_cues.count(cue_lower) > 0 && cue.first > 0 && InCue(cue.first - 1)) b = e;
      if (noun_cue) {
        // "Russia's claims about X", "its claim that X"; "these allegations" names no one.
        if (source.empty()) {
          if (IsPossessive(tok[cue.first - 1])) {
            std::size_t pb = cue.first - 1;
            while (pb > 0 && m.IsNpWord(tok[pb - 1]) && !IsPossessive(tok[pb - 1]) &&
                   !g.determiners.count(tok[pb - 1].lower))
              --pb;
            // ("an issue out of Donald Trump's claim": not "of Donald Trump".)
            while (pb + 1 < cue.first && (g.prepositions.count(tok[pb].lower) || tok[pb].lower == "of" ||
                                          tok[pb].lower == "and" || tok[pb].lower == "to"))
              ++pb;
            source = SpanOf(pb, cue.first);
            // Without the possessive ending.
            source.end -= PossessiveEnding(text.substr(source.begin, source.size()));
          } else if (m.IsPronoun(tok[cue.first - 1])) {
            source = SpanOf(cue.first - 1, cue.first);
            // "Nebenzia also turned his criticisms against ...": the
            // possessive stands for the subject of the clause's verb.
            if (cue.first >= 3 && !tok[cue.first - 2].punct && !tok[cue.first - 2].upper &&
                !m.IsNpWord(tok[cue.first - 2]) && !g.not_in_noun_phrase.count(tok[cue.first - 2].lower)) {
              auto [sb, se] = NpBefore(cue.first - 2);
              if (se > sb && (sb == 0 || tok[sb - 1].punct)) source = SpanOf(sb, se);
            }
          } else if (agent_after) {
            const auto [sb, se] = noun_agent();
            source = SpanOf(sb, se);
          }
        }
        if (source.empty() && a.source.empty()) continue;  // no one named: not a claim
        std::size_t k = after_cue;
        if (agent_after) {
          k = noun_agent().second;
          if (k < tok.size() && tok[k].lower == "of") ++k;  // "accused by X of Y": the charge
        }
        if (k < tok.size() && m.noun_openers.MatchAt(tok, k)) k += m.noun_openers.MatchAt(tok, k);
        if (content.empty() && k < tok.size() && tok[k].begin < limit) content = TrimContent(text, {tok[k].begin, limit});
      } else {
        // Inverted: "CONTENT, X said." / "CONTENT, said X."
        const bool comma_before_np = b < e && b > 0 && tok[b - 1].lower == ",";
        // ("..., citing X" is a participle of the subject, not inverted.)
        // (Only a verb of saying: "..., Ana Ruiz, praised the plan" has no
        // speaker after its cue; claims.yaml inverting_verbs.)
        // ("He could lose Congress, whom he has alienated, said Larry Sabato,
        // director of ...": a phrase and its aside before the comma, and a
        // speaker after the cue that ends the clause; the speaker is the one
        // after.)
        auto speaker_ends_clause = [&] {
          if (after_cue >= tok.size() || m.SkipAdjuncts(tok, after_cue) != after_cue || !tok[after_cue].upper)
            return false;
          const std::size_t x = NpAfter(after_cue).second;
          return x > after_cue && (x >= tok.size() || tok[x].lower == "," || tok[x].lower == ".");
        };
        // (The cheap tests first: the speaker after the cue is read only
        // after a comma and a verb of saying.)
        const bool comma_before_cue = cue.first > 0 && tok[cue.first - 1].lower == "," &&
                                      !EndsWith(cue_lower, "ing") && g.inverting_verbs.count(tok[cue.first].lower) > 0 &&
                                      (b == e || (!comma_before_np && !hearer_cue && speaker_ends_clause()));
        std::size_t k = after_cue;
        if (comma_before_cue) k = NpAfter(k).second;
        // "..., said two Democrats who asked not to be named.": the
        // relative clause describes the speaker, to the end of the sentence.
        std::size_t speaker_end = k;
        if (comma_before_cue && k > after_cue && k < tok.size() &&
            (tok[k].lower == "who" || tok[k].lower == "whose" || tok[k].lower == "whom")) {
          while (k < tok.size() && !(tok[k].punct && !IsQuoteToken(tok[k]) && tok[k].lower != "," &&
                                     tok[k].lower != "-" && tok[k].lower != "'"))
            ++k;
          speaker_end = k;
          while (speaker_end > after_cue && tok[speaker_end - 1].punct) --speaker_end;
        }
        k = m.SkipAdjuncts(tok, k);
        // "..., the engineer told The Daily Ledger.": the one told, then the end.
        if (hearer_cue && !comma_before_cue && k < tok.size() && !tok[k].punct) {
          k = m.hearer_pronouns.Contains(tok[k].lower) ? k + 1 : NpAfter(k).second;
          k = m.SkipAdjuncts(tok, k);
        }
        const bool clause_ends = k >= tok.size() || tok[k].lower == "," || tok[k].lower == "." ||
                                 (tok[k].punct && !IsQuoteToken(tok[k]));
        if ((comma_before_np || comma_before_cue) && clause_ends) {
          std::size_t comma = comma_before_np ? b - 1 : cue.first - 1;
          std::size_t from = sentence_from;
          if (!local.empty() && inverted(local.back())) from = std::max(from, local.back().content.end);
          if (tok[comma].begin > from) content = TrimContent(text, {from, tok[comma].begin});
          // "The dam, the mayor said, will hold until June": the report goes
          // on after the speaker, so the content runs over them to its end
          // (one span; the speaker and cue stay inside it). Not a quotation
          // (“...,” she said, “...”: two claims), nor a clause that opens
          // with a participle or holds a cue of its own ("..., the mayor
          // said, adding that ...").
          if (comma_before_np && k + 1 < limit_token && tok[k].lower == "," && !content.empty() &&
              !OpensWithQuote(text, content) && !tok[k + 1].upper && !tok[k + 1].punct &&
              !IsQuoteToken(tok[k + 1]) && !EndsWith(tok[k + 1].lower, "ing") &&
              !g.clause_openers.count(tok[k + 1].lower) && tok[k + 1].lower != "and" &&
              tok[k + 1].lower != "but") {
            bool cue_after = false;
            for (std::size_t x = k + 1; x < limit_token && !cue_after; ++x) cue_after = InCue(x);
            if (!cue_after) content = TrimContent(text, {content.begin, limit});
          }
          // (After "told", "informed": the one told, never the speaker.)
          if (source.empty() && (comma_before_np || !hearer_cue))
            source = comma_before_np ? SpanOf(b, e) : SpanOf(NpAfter(after_cue).first, speaker_end);
        } else {
          // "Rubio was asked by the moderator whether ...", "the bill, opposed
          // by House Republicans": the agent of a passive cue is the source.
          std::size_t agent_end = 0;
          if (source.empty() && agent.second > agent.first) {
            source = SpanOf(agent.first, agent.second);
            agent_end = agent.second;
          }
          if (source.empty()) source = SpanOf(b, e);
          // "..., adding that ...": the speaker of the previous claim.
          // "..., adding that", "and said", "while noting": the speaker of
          // the previous claim of the sentence.
          // "and then tweeted", "but later said": adverbs between.
          std::size_t pc = cue.first;
          for (std::size_t n; pc > 0 && (n = m.PreCueBefore(tok, pc)) > 0;) pc -= n;
          // ("criticized Trump but on Tuesday wrote that": a day between.)
          if (pc > 2 && g.days.count(tok[pc - 1].lower)) {
            std::size_t d = pc - 1;
            if (tok[d - 1].lower == "on" || tok[d - 1].lower == "last" || tok[d - 1].lower == "this") --d;
            if (d > 0 && (tok[d - 1].lower == "and" || tok[d - 1].lower == "but")) pc = d;
          }
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
              auto [sb, se] = NpAfter(k + 1);
              if (se > sb && se < tok.size() && ((!tok[se].punct && !tok[se].upper) || tok[se].lower == ",")) {
                source = SpanOf(sb, se);
                opening_end = tok[k].begin;
              }
            }
          }
          // (The quotation marks after a comma: ",'' adding", ",” adding".)
          std::size_t unquoted = pc;
          while (unquoted > 1 && IsQuoteToken(tok[unquoted - 1])) --unquoted;
          const bool continues = pc > 0 && (tok[pc - 1].lower == "," || tok[pc - 1].lower == "and" ||
                                            // "said he would win, before clarifying that ...",
                                            // "punctuated his list by saying", "erred in saying"
                                            (EndsWith(cue_lower, "ing") && IsParticiplePreposition(tok[pc - 1].lower)) ||
                                            (unquoted < pc && tok[unquoted - 1].lower == ",") ||
                                            tok[pc - 1].lower == "while" || tok[pc - 1].lower == "but" ||
                                            // "took the stage to acknowledge": the subject's purpose
                                            (tok[pc - 1].lower == "to" && pc >= 2 && !tok[pc - 2].punct));
          // "allow him to call for ...": an object pronoun is the one who speaks.
          if (source.empty() && pc >= 2 && tok[pc - 1].lower == "to" &&
              (tok[pc - 2].lower == "him" || tok[pc - 2].lower == "her" || tok[pc - 2].lower == "them" ||
               tok[pc - 2].lower == "me" || tok[pc - 2].lower == "us"))
            source = SpanOf(pc - 2, pc - 1);
          // (Not a possessive standing for a noun cue's source: "over his call for
          // the ban and suggested" is the subject's.)
          if (source.empty() && continues && !local.empty()) {
            const std::string_view prev = text.substr(local.back().source.begin, local.back().source.size());
            if (prev != "his" && prev != "her" && prev != "its" && prev != "their") source = local.back().source;
            // "Humphrey, who calls Trump a “sociopath,” said ...": the main
            // verb's subject is what the relative pronoun stands for.
            if ((prev == "who" || prev == "which") && !local.back().antecedent.empty() &&
                tok[pc - 1].lower != "and" && tok[pc - 1].lower != "but")
              source = local.back().antecedent;
          }
          if (!source.empty() && a.source.empty() && EndsWith(cue_lower, "ing"))
            if (auto speaker = SpeakerThroughMedium(b, e, cue.first)) source = *speaker;
          // "X has defended its stance, arguing that ...", "Trump blasted the
          // instructor and then tweeted that ...": the subject of the sentence.
          if (source.empty() && continues) {
            auto [sb, se] = SubjectBefore(pc - 1);
            if (se > sb) source = SpanOf(sb, se);
          }
          if (source.empty() && continues) {
            auto [sb, se] = SubjectBeforeAside(pc - 1);
            if (se > sb) source = SpanOf(sb, se);
          }
          // Skip adjuncts up to "that" ("claimed Wednesday that"); otherwise
          // the content starts right after the cue.
          std::size_t start = agent_end > 0 ? agent_end : after_cue;
          if (agent_end > 0 && start < tok.size() && tok[start].lower == "of") ++start;  // "accused by X of Y": the charge
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
              bool that = false;
              for (std::size_t k = start + 1; k < tok.size() && k <= start + 8 && !tok[k].punct; ++k) {
                if (tok[k].lower != "that") continue;
                j = k;
                that = true;
                break;
              }
              // "told the council the dam would hold", "told his aides he
              // was leaving": the one told, a short noun phrase, then the
              // clause or what was told, opening with an article or a pronoun.
              if (!that && !tok[start].upper && g.determiners.count(tok[start].lower) &&
                  tok[start].lower != "that") {
                std::size_t k = start + 1;
                while (k < tok.size() && k - start <= 4 && !tok[k].punct && !IsQuoteToken(tok[k]) &&
                       !g.determiners.count(tok[k].lower) && !m.IsPronoun(tok[k]) &&
                       !g.not_in_noun_phrase.count(tok[k].lower) && !g.prepositions.count(tok[k].lower) &&
                       !g.post_modifier_prepositions.count(tok[k].lower) &&
                       !(!tok[k].upper && (EndsWith(tok[k].lower, "ed") || EndsWith(tok[k].lower, "ing"))))
                  ++k;
                if (k > start + 1 && k < tok.size() && !tok[k].upper &&
                    (g.determiners.count(tok[k].lower) || m.IsPronoun(tok[k])) && tok[k].lower != "that")
                  j = start = k;
              }
              // "told AP the dam held", "told Ana Ruiz it was over": a name,
              // then the clause (which starts lower-case).
              if (!that && tok[start].upper) {
                std::size_t k = start;
                while (k < tok.size() &&
                       (tok[k].upper || ((tok[k].lower == "of" || tok[k].lower == "the" || tok[k].lower == "and") &&
                                         k + 1 < tok.size() && tok[k + 1].upper)))
                  ++k;
                // (The clause opens with an article or a pronoun: in "told
                // reporters Perez was", "Perez" is the clause's subject.)
                if (k < tok.size() && k > start && !tok[k].upper && !IsPossessive(tok[k - 1]) &&
                    (g.determiners.count(tok[k].lower) || m.IsPronoun(tok[k]) || tok[k].lower == "there"))
                  j = start = k;
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
    // Adjuncts alone after the cue are no content: "Trump shot back in a
    // statement, saying ...", "O'Malley said at a press conference,
    // according to ...", "he responded on Twitter".
    if (!content.empty() && content.begin >= a.span.end) {
      bool adjuncts_only = true;
      for (std::size_t k = TokenAt(content.begin); k < tok.size() && tok[k].begin < content.end && adjuncts_only; ++k)
        adjuncts_only = m.adjuncts.Contains(tok[k].lower);
      if (adjuncts_only) content = {};
    }
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
        std::size_t from = sentence_from;
        if (!local.empty() && inverted(local.back())) from = std::max(from, local.back().content.end);
        if (tok[c - 1].begin > from) {
          content = TrimContent(text, {from, tok[c - 1].begin});
          // The whole noun phrase after the comma, with its pre-modifiers.
          if (source.empty() || (source.begin >= tok[c].begin && source.end <= tok[cue.first].begin)) {
            const std::size_t sb = c;
            std::size_t se = cue.first;
            for (std::size_t n; se > sb && (n = m.PreCueBefore(tok, se)) > 0;) se -= n;
            if (se > sb) source = SpanOf(sb, se);
          }
        }
      }
    }
    // "As Western Journalism reported, Thor and Beck were ...": the main
    // clause is the content (like "as X put it").
    if (content.empty() && cue.first >= 2 && !source.empty()) {
      std::size_t sb = TokenAt(source.begin);
      std::size_t k = m.SkipAdjuncts(tok, after_cue);
      if (sb > 0 && tok[sb - 1].lower == "as" && tok[sb].lower != "i" && tok[sb].lower != "we") {
        if (k < tok.size() && tok[k].lower == ",") {  // "as X reported, the two men ..."
          // (to the end of the sentence: the clause holds any later cue)
          if (k + 1 < tok.size()) content = TrimContent(text, {tok[k + 1].begin, s.span.end});
        } else if ((k >= tok.size() || tok[k].lower == ".") && sb >= 2 && tok[sb - 2].lower == ",") {
          content = TrimContent(text, {sentence_from, tok[sb - 2].begin});  // "..., as X reported."
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
    const std::size_t src_tok = source.empty() ? 0 : TokenAt(source.begin);
    const bool demonstrative = !source.empty() && src_tok < tok.size() && tok[src_tok].end == source.end &&
                               (tok[src_tok].lower == "that" || tok[src_tok].lower == "this") && [&] {
                                 std::size_t j = cue.first;
                                 for (std::size_t n; j > 0 && (n = m.PreCueBefore(tok, j)) > 0;) j -= n;
                                 return j == src_tok + 1;
                               }();
    if (!source.empty() && !relative_source && !demonstrative && !label && source.begin >= s.span.begin &&
        source.end <= s.span.end) {
      std::size_t k = TokenAt(source.begin);
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
    // "If the mayor said the dam held, the town is safe": a cue in a clause a
    // subordinator opens reports up to that clause's comma; what follows is
    // the main clause. (Not inside a quotation, where the comma is the
    // speaker's.)
    if (!source.empty() && content.begin >= c.cue.end) {
      std::size_t k = TokenAt(source.begin);
      if (k < tok.size() && !g.subordinators.count(tok[k].lower) && k > 0) --k;
      // (At the sentence's start, after a short opener, "After all, while
      // ...", or after "that"; a clause later in the sentence, "..., since
      // most have proposed new, deep tax cuts", runs to its end.)
      const bool opens_clause = k < tok.size() && g.subordinators.count(tok[k].lower) &&
                                (k == 0 || k == dateline || tok[k - 1].lower == "that" ||
                                 (tok[k - 1].lower == "," && k <= dateline + 3));
      if (opens_clause) {
        for (std::size_t j = TokenAt(content.begin); j < tok.size() && tok[j].end <= content.end; ++j) {
          if (tok[j].lower != ",") continue;
          // ("2,400": a comma inside a number.)
          if (j > 0 && j + 1 < tok.size() && tok[j - 1].end == tok[j].begin && tok[j].end == tok[j + 1].begin &&
              std::isdigit(static_cast<unsigned char>(tok[j - 1].lower.back())) &&
              std::isdigit(static_cast<unsigned char>(tok[j + 1].lower[0])))
            continue;
          auto q = QuoteEndingFrom(quotes, tok[j].end);
          if (q != quotes.end() && q->begin < tok[j].begin) break;  // a comma inside a quotation
          const Span kept = TrimContent(text, {content.begin, tok[j].begin});
          if (!kept.empty() && j + 1 < tok.size() && tok[j].end < content.end) content = kept;
          break;
        }
      }
    }
    c.source = TidySource(source);
    c.content = content;
    local.push_back(std::move(c));
  }
  // "Sen. Ana Ruiz, noting the size of the crowd, said ...": a participle
  // between a subject and its verb has that subject, which the later cue
  // found before it.
  for (std::size_t i = 0; i < local.size(); ++i) {
    Claim& p = local[i];
    const std::size_t k = TokenAt(p.cue.begin);
    if (!p.source.empty() || k == 0 || tok[k - 1].lower != "," || !EndsWith(tok[k].lower, "ing")) continue;
    for (std::size_t j = i + 1; j < local.size(); ++j) {
      const Claim& o = local[j];
      if (o.source.empty() || o.source.end > p.cue.begin || o.cue.begin < p.content.end) continue;
      if (TrimContent(text, {o.source.end, tok[k - 1].end}).size() > 1) continue;  // only the comma between
      p.source = o.source;
      p.antecedent = o.antecedent;
      break;
    }
  }
  for (auto& c : local) claims->push_back(std::move(c));
}

void ClaimExtractor::Impl::FindAttributed(std::string_view text, const std::vector<Sentence>& sentences,
                                          const std::vector<Annotation>& annotations, const std::vector<Span>& quotes,
                                          const std::vector<bool>& furniture, std::vector<Claim>* claims) const {
  const Impl& m = *this;
  // Quotations come out of FindQuotes ordered by their end; `quotes_by_begin`
  // orders them by their start, so each cue looks only at the quotations
  // around its own sentence.
  std::vector<std::size_t> quotes_by_begin(quotes.size());
  for (std::size_t i = 0; i < quotes.size(); ++i) quotes_by_begin[i] = i;
  std::sort(quotes_by_begin.begin(), quotes_by_begin.end(),
            [&](std::size_t a, std::size_t b) { return quotes[a].begin < quotes[b].begin; });
  std::vector<std::size_t> near_quotes;

  for (const Sentence& s : sentences) {
    if (furniture[s.index]) continue;
    // Cues: attribution and denial annotations of the sentence, and hedges
    // that pass on a claim of no one in particular ("It has been suggested").
    std::vector<std::size_t> cue_ids;
    for (std::size_t i = s.first_annotation; i < s.first_annotation + s.num_annotations; ++i) {
      const Rule& r = pack.rules[annotations[i].rule];
      if (r.category == Category::kAttribution || r.category == Category::kDenial ||
          (r.category == Category::kHedge && m.claim_hedges.count(r.type)))
        cue_ids.push_back(i);
    }
    if (cue_ids.empty()) continue;
    SentenceReader(m, text, s, annotations, cue_ids, quotes, quotes_by_begin, &near_quotes).Build(claims);
  }
}

}  // namespace evident
