// claims/extract: the claim extractor's word lists and its stages. Internal
// to lib/claims. ClaimExtractor::Extract (claims.cpp) runs the stages in
// order: claims of each sentence's cues (sentence.cpp), the writer's own
// sentences, opening participles, quoted claims and speakers' turns, source
// types and resolution (sources.cpp), continuations, disputes.
#ifndef EVIDENT_CLAIMS_EXTRACT_H_
#define EVIDENT_CLAIMS_EXTRACT_H_

#include <re2/re2.h>

#include <cctype>
#include <memory>
#include <set>
#include <string>
#include <string_view>
#include <unordered_set>
#include <vector>

#include "claims/claims.h"
#include "claims/tokens.h"

namespace evident {

struct ClaimExtractor::Impl {
  using PhraseSet = claims_internal::PhraseSet;
  using Token = claims_internal::Token;

  explicit Impl(const Pack& p) : pack(p) {}

  const Pack& pack;
  PhraseSet person_pronouns, organisation_pronouns, group_pronouns, speaker_pronouns, addressee_pronouns;
  PhraseSet hearer_cues, hearer_pronouns;
  PhraseSet female_words, male_words;
  PhraseSet person_roles, organisation_words, media_words, document_words, vague_words;
  // claims.yaml `places` and `organisation_names` and ICU's English country
  // names, lower-case: names that are no person's.
  PhraseSet non_person_names;
  PhraseSet adjuncts, pre_cue, np_words, noun_openers, source_modifiers;
  std::unordered_set<std::string> claim_hedges;  // hedge types that make a claim: "It has been suggested"
  std::unordered_set<std::string> hearsay_hedges;  // ... and that make the writer's sentence one: "reportedly"
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
    // ("“...,” Will wrote": a capitalised modal inside the sentence is a name.)
    if (end >= 2 && end <= tok.size() && tok[end - 1].upper && claims_internal::IsNameModal(tok[end - 1].lower))
      return 0;
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
    return IsNpNoun(t.lower) ||  // "the union's president"
           (claims_internal::IsPossessive(t) && IsNpNoun(claims_internal::WithoutPossessive(t.lower)));
  }
  bool IsNpNoun(const std::string& w) const {
    return np_words.Contains(w) || person_roles.Contains(w) || organisation_words.Contains(w) ||
           media_words.Contains(w) || vague_words.Contains(w);
  }
  // The plural of such a word: "heads", "firms", "agencies".
  bool IsNpPlural(const std::string& w) const {
    if (w.size() <= 3 || w.back() != 's' || w.ends_with("ss")) return false;
    if (w.ends_with("ies") && IsNpNoun(w.substr(0, w.size() - 3) + "y")) return true;
    return IsNpNoun(w.substr(0, w.size() - 1));
  }

  class SentenceReader;  // one sentence's tokens, cues and claims (sentence.cpp)
  class SourceResolver;  // one document's named sources (sources.cpp)

  // The claims of each sentence's attribution and denial cues (and of the
  // hedges claims.yaml `claim_hedges` names), in text order, appended to
  // *claims: source, cue and content as the sentence gives them; types and
  // resolution come later. `quotes` are FindQuotes(text); furniture
  // sentences make none. (sentence.cpp)
  void FindAttributed(std::string_view text, const std::vector<Sentence>& sentences,
                      const std::vector<Annotation>& annotations, const std::vector<Span>& quotes,
                      const std::vector<bool>& furniture, std::vector<Claim>* claims) const;

  // Types every claim's source and resolves pronouns, roles and surnames
  // to the named source they stand for. (sources.cpp)
  void ResolveSources(std::string_view text, const std::vector<Sentence>& sentences,
                      const std::vector<Annotation>& annotations, const std::vector<bool>& furniture,
                      std::vector<Claim>* claims) const;
  // The first person ("I", "we") of a claim inside a quotation is the
  // quotation's speaker (`quoted_in`): its type and resolved name. (sources.cpp)
  void ResolveFirstPerson(std::string_view text, std::vector<Claim>* claims) const;
};

}  // namespace evident

#endif  // EVIDENT_CLAIMS_EXTRACT_H_
