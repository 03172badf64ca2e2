#include "score/score.h"

#include <catch2/catch.hpp>
#include <cmath>

#include "annotate/annotate.h"

using evident::AnnotatedDocument;
using evident::Annotator;

namespace {

const Annotator& Default() {
  static const Annotator annotator(evident::LoadPack(EVIDENT_RULES_DIR));
  return annotator;
}

AnnotatedDocument Run(const evident::Document& doc) {
  auto scratch = Default().NewScratch();
  AnnotatedDocument out;
  Default().Annotate(doc, scratch.get(), &out);
  return out;
}

}  // namespace

TEST_CASE("the score is the logistic of the prior plus the factors", "[score]") {
  const std::vector<std::string> texts = {
      "The mayor said the bridge would reopen in June.",
      "The mayor claimed, without presenting any evidence, that the bridge was safe.",
      "According to a source familiar with the matter, the deal reportedly collapsed.",
      "Court records show that the firm paid the fine.",
      "The river rose two metres overnight.",
  };
  const evident::ScoringModel& model = Default().pack().scoring;
  for (const auto& t : texts) {
    INFO(t);
    evident::Document doc;
    doc.text = t;
    auto out = Run(doc);
    REQUIRE(!out.claims.empty());
    for (const auto& c : out.claims) {
      double z = 0;
      REQUIRE(!c.evidence.factors.empty());
      CHECK(c.evidence.factors.front().kind == "prior");
      for (const auto& f : c.evidence.factors) z += f.effect;
      CHECK(c.evidence.score == Approx(1.0 / (1.0 + std::exp(-model.scale * z))).margin(0.002));
      CHECK(c.evidence.score >= 0.0);
      CHECK(c.evidence.score <= 1.0);
      CHECK(!c.evidence.label.empty());
    }
  }
}

TEST_CASE("evidence markers move the score the right way", "[score]") {
  auto score = [](const std::string& t) {
    evident::Document doc;
    doc.text = t;
    auto out = Run(doc);
    REQUIRE(!out.claims.empty());
    return out.claims.front().evidence.score;
  };
  const double plain = score("The mayor said the bridge was safe.");
  CHECK(score("The mayor said, without presenting any evidence, that the bridge was safe.") < plain);
  CHECK(score("The mayor claimed the bridge was safe.") < plain);
  CHECK(score("Court records show that the bridge was safe.") > plain);
}

TEST_CASE("labels come from the thresholds in scoring.yaml", "[score]") {
  evident::Scorer scorer(Default().pack());
  CHECK(scorer.Label(0.0) == "unsupported");
  CHECK(scorer.Label(0.36) == "weak");
  CHECK(scorer.Label(0.6) == "moderate");
  CHECK(scorer.Label(0.99) == "strong");
  CHECK(scorer.Prior(evident::SourceType::kDocument) > scorer.Prior(evident::SourceType::kAnonymous));
}

TEST_CASE("a disputed claim gets the disputed factor", "[score]") {
  evident::Document doc;
  doc.text = "Russia claimed that the convoy carried weapons. Ukraine categorically rejected Russia's claims.";
  auto out = Run(doc);
  REQUIRE(!out.claims.empty());
  bool found = false;
  for (const auto& f : out.claims.front().evidence.factors) found = found || f.kind == "disputed";
  CHECK(found);
}

TEST_CASE("a continued quotation is weighed by its speaker's cue, and only that", "[score]") {
  evident::Document doc;
  doc.text =
      "\u201CThe funds were lost,\u201D the council claimed, without presenting any evidence. "
      "\u201CWe will find them.\u201D";
  auto out = Run(doc);
  REQUIRE(out.claims.size() == 2);
  const auto& speaker = out.claims[0];
  const auto& continued = out.claims[1];
  REQUIRE(continued.continues == std::optional<std::size_t>(0));
  REQUIRE(speaker.cue_annotation);
  std::vector<std::size_t> annotations;
  for (const auto& f : continued.evidence.factors)
    if (f.annotation) annotations.push_back(*f.annotation);
  // 'claimed' counts; the missing evidence stays with the sentence that says so.
  CHECK(annotations == std::vector<std::size_t>{*speaker.cue_annotation});
  CHECK(continued.evidence.score > speaker.evidence.score);
}

TEST_CASE("two claims of one subject part where their cues and contents do", "[score]") {
  struct Case {
    std::string text;
    std::string first_scope, second_scope;  // their scopes' text
  };
  const std::vector<Case> cases = {
      // "alleged" in the first content does not weaken the second claim
      {"Ruiz claimed that the alleged funds were lost, and said the council had resigned.",
       "Ruiz claimed that the alleged funds were lost, and", "and said the council had resigned."},
      {"\u201CThe dam held,\u201D she said, adding that the pumps reportedly failed.",
       "\u201CThe dam held,\u201D she said", "adding that the pumps reportedly failed."},
      // an interrupted quotation: the second part is a claim of its own
      {"\u201CThe dam held,\u201D she said, \u201Cbut the pumps reportedly failed.\u201D",
       "\u201CThe dam held,\u201D she said", "\u201Cbut the pumps reportedly failed.\u201D"},
      // different subjects: each keeps its own, as before
      {"Ruiz claimed the funds were lost, as anonymous officials said the council had resigned.",
       "Ruiz claimed the funds were lost, as", "as anonymous officials said the council had resigned."},
  };
  for (const Case& k : cases) {
    CAPTURE(k.text);
    evident::Document doc;
    doc.text = k.text;
    const auto out = Run(doc);
    REQUIRE(out.claims.size() == 2);
    auto part = [&](evident::Span s) { return k.text.substr(s.begin, s.end - s.begin); };
    CHECK(part(out.claims[0].scope) == k.first_scope);
    CHECK(part(out.claims[1].scope) == k.second_scope);
    // Each marker counts for the claim whose stretch holds it, and once.
    for (const auto& c : out.claims)
      for (const auto& f : c.evidence.factors)
        if (f.annotation) {
          const evident::Span at = out.annotations[*f.annotation].span;
          CHECK(at.begin >= c.scope.begin);
          CHECK(at.end <= c.scope.end);
        }
  }
}
