// resolve: overlapping matches become one deterministic set of annotations.
//
// Where matches of competing rules overlap, the longest span (in characters)
// wins; on equal length the rule with the higher priority, then the rule that
// comes first in the pack. Losers are dropped (and reported, for explain).
// Rules of one category always compete; rules of two categories compete
// unless the pack lets them coexist (pack.yaml `coexist:`), as in "damning
// evidence" (booster) around "evidence" (evidence_present). The winners come back
// sorted by (begin, end, rule id), so the same input gives the same output on
// any machine and any thread count.
#ifndef EVIDENT_RESOLVE_RESOLVE_H_
#define EVIDENT_RESOLVE_RESOLVE_H_

#include <cstddef>
#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

#include "match/match.h"
#include "rules/rules.h"

namespace evident {

// Annotations are numbered in document order; the i-th (from 0) has the id
// AnnotationId(i), "a1", "a2", ...
struct Annotation {
  std::uint32_t rule = 0;  // index into Pack::rules
  std::size_t sentence = 0;
  Span span;               // bytes into the document text
  Span source, cue, content;  // named groups of the rule, if any
};

std::string AnnotationId(std::size_t index);

struct Sentence {
  std::size_t index = 0;
  Span span;
  bool split = false;      // cut because it exceeded max_sentence_bytes
  std::size_t first_annotation = 0;  // its annotations are
  std::size_t num_annotations = 0;   // annotations[first, first + num)
};

// A match that lost an overlap, and the rule it lost to.
struct Overruled {
  Match match;
  std::uint32_t winner_rule = 0;
};

// Replaces *matches (spans into `text`) with the winners, sorted by (begin,
// end, rule id). Losers go to *overruled when it is not null.
void ResolveOverlaps(const Pack& pack, std::string_view text, std::vector<Match>* matches,
                     std::vector<Overruled>* overruled);

}  // namespace evident

#endif  // EVIDENT_RESOLVE_RESOLVE_H_
