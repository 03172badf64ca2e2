// rules: a rule pack from YAML, validated.
//
// A pack is a folder with pack.yaml and the rule files it lists (see
// docs/rule-writing.md). LoadPack() reads and checks everything up front:
// unknown keys, missing fields, bad regexes (RE2's own message), undefined or
// cyclic {{MACRO}}s and duplicate ids are errors that carry FILE:LINE:COL.
//
//   try {
//     evident::Pack pack = evident::LoadPack("rules/en");
//   } catch (const evident::PackError& e) {
//     std::cerr << "evident: " << e.what() << "\n";  // rules/en/x.yaml:3:7: ...
//   }
//
// The result is plain data: each rule's pattern is already expanded (macros,
// terms, typographic variants) into the RE2 syntax the matcher compiles.
#ifndef EVIDENT_RULES_RULES_H_
#define EVIDENT_RULES_RULES_H_

#include <array>
#include <cstddef>
#include <cstdint>
#include <memory>
#include <optional>
#include <stdexcept>
#include <string>
#include <string_view>
#include <unordered_set>
#include <utility>
#include <vector>

namespace evident {

enum class Category {
  kHedge,
  kBooster,
  kAttribution,
  kEvidenceAbsent,
  kEvidencePresent,
  kDenial,
  kSource,
  kWeasel,
};
inline constexpr int kNumCategories = 8;

// "hedge", "evidence_absent", ...
std::string_view CategoryName(Category c);
std::optional<Category> ParseCategory(std::string_view name);

// A place in a file; line and column are 1-based, 0 when unknown.
struct SourceLocation {
  std::string file;
  int line = 0;
  int column = 0;

  std::string ToString() const;  // "file:line:col"
};

// Thrown by LoadPack; what() is "FILE:LINE:COL: message".
class PackError : public std::runtime_error {
 public:
  PackError(SourceLocation where, const std::string& message);
  const SourceLocation& where() const { return where_; }
  const std::string& message() const { return message_; }

 private:
  SourceLocation where_;
  std::string message_;
};

struct RuleTest {
  std::string text;
  SourceLocation where;
  // For match: tests of attribution rules, the claim the cue must produce
  // (empty: not checked).
  std::optional<std::string> source, cue, content;
};

}  // namespace evident

namespace re2 {
class RE2;
}  // namespace re2

namespace evident {

// RE2's memory budget for one rule's pattern (its default, set explicitly so
// the loader's check and the matcher compile alike).
inline constexpr std::int64_t kRuleMaxMem = 8 << 20;

struct Rule {
  std::string id;
  Category category = Category::kHedge;
  std::string type;
  std::string source_pattern;   // as written: `pattern:`, or the terms joined
  std::string pattern;          // expanded RE2 pattern the matcher compiles
  std::vector<std::string> except;  // expanded RE2 patterns
  bool case_sensitive = false;
  int priority = 0;
  double weight = 0.0;
  std::string message;
  std::vector<RuleTest> match_tests;
  std::vector<RuleTest> no_match_tests;
  SourceLocation where;  // the rule's `id:` line
  // `pattern` and `except` as the loader compiled them to check them (log
  // errors off, case as above, kRuleMaxMem), so the matcher need not compile
  // them again; null for a rule made by hand.
  std::shared_ptr<const re2::RE2> compiled;
  std::vector<std::shared_ptr<const re2::RE2>> compiled_except;
};

// The grammar words the claims stage reads noun phrases and clauses with
// (claims.yaml `grammar:`), one lower-case word each. A pack for another
// language brings its own; a pack without them finds fewer sources.
struct ClaimGrammar {
  using Words = std::unordered_set<std::string>;
  Words clause_breaks;               // end a content clause: ",", "while", "because"
  Words noun_cues;                   // "claims", "allegations": cues that are nouns
  Words determiners;                 // "the", "its", "any"
  Words question_auxiliaries;        // "Does Rubio think ...?"
  Words days;                        // "Beck on Wednesday called"
  Words months;                      // "a poll in June showed"
  Words clause_openers;              // "When asked, ...": not a source
  Words medium_words;                // "said in a statement to the council that"
  Words not_in_noun_phrase;          // end a noun phrase read backwards from a cue
  Words agentless_by;                // "said by phone": no agent after "by"
  Words prepositions;                // open an adverbial phrase before the subject
  Words post_modifier_prepositions;  // "voters in Ohio"
  Words sentence_adverbs;            // "Yet she said"
  Words relative_words;              // "which", "who"
  Words quantifier_subjects;         // "Both think", "Yet another said"
  Words role_prefixes;               // "vice" president: another role than the one after it
  Words number_words;                // "Six in 10 say": a number heading a source
  Words inverting_verbs;             // "..., said the minister": verbs whose speaker may follow them
  Words subordinators;               // "If the mayor said X, Y": a clause whose content ends at its comma
};

// Each grammar list with its key under claims.yaml `grammar:`.
inline constexpr std::array<std::pair<std::string_view, ClaimGrammar::Words ClaimGrammar::*>, 19>
    kClaimGrammarLists = {{{"clause_breaks", &ClaimGrammar::clause_breaks},
                           {"noun_cues", &ClaimGrammar::noun_cues},
                           {"determiners", &ClaimGrammar::determiners},
                           {"question_auxiliaries", &ClaimGrammar::question_auxiliaries},
                           {"days", &ClaimGrammar::days},
                           {"months", &ClaimGrammar::months},
                           {"clause_openers", &ClaimGrammar::clause_openers},
                           {"medium_words", &ClaimGrammar::medium_words},
                           {"not_in_noun_phrase", &ClaimGrammar::not_in_noun_phrase},
                           {"agentless_by", &ClaimGrammar::agentless_by},
                           {"prepositions", &ClaimGrammar::prepositions},
                           {"post_modifier_prepositions", &ClaimGrammar::post_modifier_prepositions},
                           {"sentence_adverbs", &ClaimGrammar::sentence_adverbs},
                           {"relative_words", &ClaimGrammar::relative_words},
                           {"quantifier_subjects", &ClaimGrammar::quantifier_subjects},
                           {"role_prefixes", &ClaimGrammar::role_prefixes},
                           {"number_words", &ClaimGrammar::number_words},
                           {"inverting_verbs", &ClaimGrammar::inverting_verbs},
                           {"subordinators", &ClaimGrammar::subordinators}}};

// Word lists of the pack's language for the claims stage (claims.yaml).
// Entries are lower-case words or phrases; `boilerplate` holds expanded RE2
// patterns.
struct ClaimLexicon {
  std::vector<std::string> person_pronouns, organisation_pronouns, group_pronouns;
  std::vector<std::string> speaker_pronouns;  // "I": inside a quotation, its speaker
  std::vector<std::string> addressee_pronouns;  // "you": the one spoken to, whom the text does not name
  std::vector<std::string> person_roles, organisation_words, media_words, document_words, vague_words;
  // Places that stand for their governments ("Moscow said"), beside the
  // country names ICU knows: a capitalised name alone that is none of them
  // is taken for a person ("Trump said").
  std::vector<std::string> places;
  // Companies and platforms named alone ("Twitter said", "Gallup found").
  std::vector<std::string> organisation_names;
  std::vector<std::string> adjuncts, pre_cue, np_words, noun_content_openers;
  std::vector<std::string> source_modifiers;  // "close to", "familiar with": a source's head, then its object
  std::vector<std::string> hearer_cues, hearer_pronouns;  // "told (me|the mayor that) ..."
  // Words that mark a person as female or male ("she", "Mrs.", "spokeswoman"):
  // "she" does not resolve to "Mr. Ruiz".
  std::vector<std::string> female_words, male_words;
  // Ways of writing one role, group by group: "the senator" is "Sen. Ana
  // Ruiz", "the top diplomat" a foreign minister.
  std::vector<std::vector<std::string>> role_synonyms;
  // Hedge types whose marker passes on a claim of no one in particular:
  // "It has been suggested that ..." (annotation guide §5).
  std::vector<std::string> claim_hedges;
  // Hedge types that pass on what unnamed others say ("reportedly", "is
  // expected to"): a sentence the writer would otherwise assert is a claim of
  // no one in particular, its cue the hedge's words.
  std::vector<std::string> hearsay_hedges;
  ClaimGrammar grammar;
  std::vector<std::string> boilerplate;       // a sentence matching one makes no claim
  std::vector<std::string> boilerplate_tail;  // ... nor does anything after it
};

// The numbers of the evidence score (scoring.yaml).
struct ScoringModel {
  std::vector<std::pair<std::string, double>> priors;  // source type name -> log-odds
  double disputed = 0.0;
  double scale = 1.0;
  std::vector<std::pair<std::string, double>> labels;  // label -> minimum score, ascending
};

// Something worth a rule author's attention that does not stop the pack
// from loading (reported by `evident rules lint`).
struct PackNote {
  SourceLocation where;
  std::string message;
};

struct Pack {
  std::string name;
  std::string language;
  std::string version;
  std::string description;
  std::vector<std::string> references;
  std::string dir;  // the folder it was loaded from
  std::vector<Rule> rules;  // in pack order: files as listed, rules as written
  ClaimLexicon lexicon;     // empty when pack.yaml names no `claims:` file
  ScoringModel scoring;     // all zero when pack.yaml names no `scoring:` file
  bool has_claims = false;
  bool has_scoring = false;
  std::vector<PackNote> notes;  // warnings found while loading
  // Category pairs whose overlapping matches are both kept (pack.yaml
  // `coexist:`); symmetric. All other overlapping matches compete, and one
  // annotation wins (see resolve.h).
  std::array<std::array<bool, kNumCategories>, kNumCategories> coexist{};

  bool Coexist(Category a, Category b) const {
    return coexist[static_cast<std::size_t>(a)][static_cast<std::size_t>(b)];
  }
};

struct PackOptions {
  // Where `extends: NAME` looks when NAME is not a folder beside the pack:
  // the folder holding the installed packs (the CLI passes the parent of the
  // default pack).
  std::string search_path;
};

// Loads and validates the pack in `dir`, and the packs it extends. A pack
// that `extends:` another starts from all of its rules, scoring and word
// lists; a rule with an id of the base replaces it in place; `weights:`
// changes weights by id; `disable:` drops rules by id or category. Throws
// PackError.
Pack LoadPack(const std::string& dir, const PackOptions& options = {});

// Loads dirs[0], then each further pack on top of the result, as if it
// extended it (`--rules A --rules B`).
Pack LoadPacks(const std::vector<std::string>& dirs, const PackOptions& options = {});

// Loads one rule file and appends its rules to pack->rules (ids must be new
// to the pack). Used by LoadPack and by tests. Throws PackError.
void LoadRuleFile(const std::string& path, Pack* pack);

// Pattern building, exposed for tests. Both throw std::invalid_argument with
// a message that does not include the location.
//
// Makes a pattern tolerant of typographic variants: ' matches ’ ‘, " matches
// “ ”, - matches – —, a space matches any run of white space (kSpaceRun).
std::string TolerateTypography(std::string_view pattern);
// What TolerateTypography writes for a space.
inline constexpr std::string_view kSpaceRun = "(?:[\\s\\p{Zs}]+)";
// A whole-word alternation of literal terms, longest first.
std::string TermsPattern(const std::vector<std::string>& terms);

}  // namespace evident

#endif  // EVIDENT_RULES_RULES_H_
