// match: which rules fire in a sentence, and where.
//
// A Matcher compiles a Pack once: one RE2 per rule and per except, and what
// picks the candidate rules of a sentence: an RE2::Set over the patterns
// without long loops, and for the others (a source noun phrase of up to 100
// characters, "[^.]{0,120}") an re2::FilteredRE2 with a Set of the literal
// strings their matches must contain, since such loops in one Set make its
// automaton blow up on real text. Only the candidates run their own RE2,
// to find every non-overlapping match with its named groups. A match
// overlapped by one of the rule's except: patterns is suppressed (and
// reported, for explain); a Set of the rule's exceptions runs once, on its
// first match in the sentence, and only the exceptions it finds are located.
// RE2 guarantees time linear in the sentence length whatever the patterns.
//
// The Matcher is immutable and safe to share between threads; per-thread
// working memory lives in a Matcher::Scratch.
//
//   evident::Matcher matcher(pack);
//   evident::Matcher::Scratch scratch;
//   std::vector<evident::Match> found;
//   matcher.FindAll(text, sentence_begin, sentence_end, &scratch, &found, nullptr);
#ifndef EVIDENT_MATCH_MATCH_H_
#define EVIDENT_MATCH_MATCH_H_

#include <cstddef>
#include <cstdint>
#include <memory>
#include <string_view>
#include <utility>
#include <vector>

#include <re2/stringpiece.h>

#include "rules/rules.h"

namespace re2 {
class RE2;
}

namespace evident {

// A byte span into the document text, end-exclusive. Empty when unset.
struct Span {
  std::size_t begin = 0;
  std::size_t end = 0;
  bool empty() const { return begin == end; }
  std::size_t size() const { return end - begin; }
  friend bool operator==(const Span&, const Span&) = default;
};

struct Match {
  std::uint32_t rule = 0;  // index into Pack::rules
  Span span;               // what the annotation covers: the `cue` group, else the match
  Span whole;              // the whole regex match
  Span source, cue, content;  // named groups, empty if absent
};

// A match dropped because an except: pattern overlapped it.
struct Suppression {
  Match match;
  std::uint32_t except_index = 0;  // into Rule::except
  Span except_span;
};

class Matcher {
 public:
  // Throws PackError if the patterns together exceed RE2's memory budget.
  explicit Matcher(const Pack& pack);
  ~Matcher();
  // Compiled regexes are large and immutable: share one Matcher, don't copy.
  Matcher(const Matcher&) = delete;
  Matcher& operator=(const Matcher&) = delete;

  struct Scratch {
    std::vector<int> candidates;  // rules that can fire in the sentence
    std::vector<int> found, potential;  // what the Sets and the filter report
    std::vector<int> excepts;     // except: patterns the except Set finds
    std::vector<re2::StringPiece> groups;
    std::vector<std::pair<Span, std::uint32_t>> except_hits;  // span, except index
  };

  // Appends to *out the matches in text[begin, end) (offsets are into
  // `text`), in rule order then position. Suppressed matches go to
  // *suppressed when it is not null.
  void FindAll(std::string_view text, std::size_t begin, std::size_t end, Scratch* scratch,
               std::vector<Match>* out, std::vector<Suppression>* suppressed) const;


 private:
  struct CompiledRule;
  std::vector<CompiledRule> rules_;
  struct SetHolder;
  std::unique_ptr<SetHolder> set_;
};

}  // namespace evident

#endif  // EVIDENT_MATCH_MATCH_H_
