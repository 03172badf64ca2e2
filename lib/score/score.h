// score: how well the text supports each claim, with the reasons.
//
// A claim's score starts from the prior (log-odds) of its source type, adds
// the weight of every annotation in the claim's scope and the claim-level
// effects (disputed), and goes through a logistic into [0, 1]; the label is
// the highest one whose minimum the score reaches. Every number comes from
// the pack's scoring.yaml; every claim lists the factors that moved it.
// docs/scoring.md explains the model with a worked example.
//
// The scope of a claim is its stretch of the sentence: from its first span
// (source, cue or content) back to the previous claim of the sentence (or the
// sentence start), to the next claim (or the sentence end), plus its content
// when a quotation runs over several sentences. Source annotations inside the
// claim's own source span decided its source type, so they count once, as
// the prior, not again as factors.
#ifndef EVIDENT_SCORE_SCORE_H_
#define EVIDENT_SCORE_SCORE_H_

#include <string_view>
#include <vector>

#include "claims/claims.h"
#include "resolve/resolve.h"
#include "rules/rules.h"

namespace evident {

class Scorer {
 public:
  explicit Scorer(const Pack& pack) : pack_(pack) {}

  // Fills Claim::evidence for every claim.
  void Score(std::string_view text, const std::vector<Sentence>& sentences,
             const std::vector<Annotation>& annotations, std::vector<Claim>* claims) const;

  double Prior(SourceType type) const;
  // The label of a score in [0, 1].
  std::string_view Label(double score) const;

 private:
  const Pack& pack_;
};

}  // namespace evident

#endif  // EVIDENT_SCORE_SCORE_H_
