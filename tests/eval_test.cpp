#include "eval/eval.h"

#include <catch2/catch.hpp>
#include <fstream>
#include <memory>
#include <sstream>

using evident::BratDocument;
using evident::EvalReport;
using evident::Span;
using evident::SpanCounts;

namespace {

const evident::Annotator& TestAnnotator() {
  static const evident::Annotator annotator(evident::LoadPack(EVIDENT_TEST_DATA "/pack"));
  return annotator;
}

std::string ReadFile(const std::string& path) {
  std::ifstream in(path, std::ios::binary);
  std::ostringstream s;
  s << in.rdbuf();
  return s.str();
}

int Kind(std::string_view type) { return *evident::EvalKindOfBratType(type); }

std::vector<std::string> Messages(const EvalReport& r, evident::EvalMessage::Severity severity) {
  std::vector<std::string> out;
  for (const auto& m : r.messages)
    if (m.severity == severity) out.push_back(m.text);
  return out;
}

// tests/data/brat/ours/doc.txt annotated by the test pack, with its claims
// cleared for a test to make its own. `out.doc` points at `doc`, so the two
// stay together.
struct OursDoc {
  evident::Document doc;
  evident::AnnotatedDocument out;
};

std::unique_ptr<OursDoc> AnnotateOurs() {
  const std::string dir = EVIDENT_TEST_DATA "/brat/ours/";
  auto d = std::make_unique<OursDoc>();
  d->doc.id = "doc";
  d->doc.origin = dir + "doc.txt";
  d->doc.text = ReadFile(d->doc.origin);
  auto scratch = TestAnnotator().NewScratch();
  TestAnnotator().Annotate(d->doc, scratch.get(), &d->out);
  d->out.claims.clear();
  return d;
}

}  // namespace

TEST_CASE("brat: evident's own convention", "[eval]") {
  const std::string dir = EVIDENT_TEST_DATA "/brat/ours/";
  const BratDocument doc = evident::ParseBrat(ReadFile(dir + "doc.ann"), ReadFile(dir + "doc.txt"));
  CHECK(doc.problems.empty());
  REQUIRE(doc.annotations.size() == 7);
  CHECK(doc.annotations[0].id == "T1");
  CHECK(doc.annotations[0].type == "hedge");
  CHECK(doc.annotations[0].span == Span{8, 18});  // code points: "Türkiye" is 7, 8 bytes
  CHECK(doc.annotations[0].subtype == "adverb");
  CHECK(doc.annotations[2].subtype == "distancing");
  CHECK(doc.annotations[1].subtype.empty());
  // A Source's kind and the name it stands for (SourceType, AnnotatorNotes).
  CHECK(doc.annotations[1].source_type == "organisation");
  CHECK(doc.annotations[1].note == "the Russian government");
  CHECK(doc.annotations[0].note == "an adverb hedge");
  // A discontinuous span is scored from its first start to its last end.
  CHECK(doc.annotations[6].span == Span{0, 23});
  CHECK(doc.annotations[6].fragments == 2);
  CHECK(doc.annotations[6].text == "Türkiye left");
  REQUIRE(doc.events.size() == 1);
  CHECK(doc.events[0].type == "Cue");
  CHECK(doc.events[0].trigger == "T4");
  CHECK(doc.events[0].arguments ==
        std::vector<std::pair<std::string, std::string>>{{"Source", "T2"}, {"Content", "T5"}});
}

TEST_CASE("brat: PolNeAR's convention", "[eval]") {
  const std::string dir = EVIDENT_TEST_DATA "/brat/polnear/";
  const BratDocument doc =
      evident::ParseBrat(ReadFile(dir + "attributions/foo_ab12.ann"), ReadFile(dir + "text/foo.txt"));
  CHECK(doc.problems.empty());
  REQUIRE(doc.annotations.size() == 9);
  REQUIRE(doc.events.size() == 2);
  CHECK(doc.events[0].type == "Attribution");
  CHECK(doc.events[0].trigger == "T4");
  CHECK(doc.events[0].arguments.size() == 3);
  // Fragments out of order ("23 33;0 8"), text joined in the order written.
  CHECK(doc.annotations[6].span == Span{0, 33});
  CHECK(doc.annotations[6].text == "taxes rose The Post");
  // The trigger and PolNeAR's other types are read and not scored.
  CHECK_FALSE(evident::EvalKindOfBratType("Attribution"));
  CHECK_FALSE(evident::EvalKindOfBratType("Discuss"));
  CHECK(Kind("Cue") == evident::kCueKind);
  CHECK(Kind("Source") == evident::kSourceKind);
  CHECK(Kind("Content") == evident::kContentKind);
  CHECK(Kind("source") == static_cast<int>(evident::Category::kSource));  // case matters
  CHECK(evident::EvalKindName(evident::kSourceKind) == "Source");
  CHECK(evident::EvalKindName(static_cast<int>(evident::Category::kSource)) == "source");
}

TEST_CASE("brat: bad lines are reported with their line and skipped", "[eval]") {
  // Line 1 is always good, so the bad line is line 2 and must not stop the rest.
  const std::string text = "T\u00FCrkiye reportedly left.\n";
  const std::string good = "T1\thedge 8 18\treportedly\n";
  struct Case {
    std::string line;
    std::string message;  // expected in the problem
  };
  const Case cases[] = {
      {"T2\thedge 8 18\treportedy", "text \"reportedy\" does not match the document at 8 18, which is \"reportedly\""},
      {"T2\thedge 0 7\tTurkiye", "does not match the document at 0 7"},
      {"T2\thedge 8\treportedly", "malformed offsets \"8\""},
      {"T2\thedge 8 x\treportedly", "malformed offsets"},
      {"T2\thedge 8 18;\treportedly", "malformed offsets"},
      {"T2\thedge 8 18", "malformed text-bound line"},
      {"T2 hedge 8 18 reportedly", "no TAB after the id"},
      {"T2\thedge 20 99\tx", "beyond the end of the text (25 code points)"},
      {"T2\thedge 9 8\tx", "ends before it starts"},
      {"T2\thedge 5 5\t", "empty span 5 5"},
      {"T1\thedge 0 7\tT\u00FCrkiye", "duplicate id 'T1' (first on line 1)"},
      {"X1\tsomething", "unknown line kind \"X1\""},
      {"\tsomething", "no id before the TAB"},
      {"T2\t 8 18\treportedly", "malformed text-bound line"},
      {"T2\thedge 8 18\trepor\x01ted\rly", "text \"repor\\x01ted\\rly\" does not match"},
      {"E1\tCue:T9 Content:T1", "unknown id 'T9'"},
      {"E1\tCue:T1", "the trigger 'T1' is a 'hedge', not a 'Cue'"},
      {"E1\tCue T1", "malformed event: \"Cue\" is not ROLE:ID"},
      {"E1\t", "malformed event"},
      {"A1\tType T8 adverb", "unknown id 'T8'"},
      {"A1\tType", "malformed attribute"},
      {"R1\tDenies Arg1:T1", "malformed relation"},
      {"R1\tDenies Arg1:T1 Arg2:T5", "unknown id 'T5'"},
  };
  for (const Case& c : cases) {
    INFO(c.line);
    const BratDocument doc = evident::ParseBrat(good + c.line + "\n", text);
    REQUIRE(doc.problems.size() == 1);
    CHECK(doc.problems[0].line == 2);
    CHECK_THAT(doc.problems[0].message, Catch::Contains(c.message));
    REQUIRE_FALSE(doc.annotations.empty());
    CHECK(doc.annotations[0].id == "T1");
  }
  // A line naming a skipped annotation says so, rather than "unknown id".
  const BratDocument skipped = evident::ParseBrat(good + "T2\tCue 0 7\tTurkiye\nE1\tCue:T2\n", text);
  REQUIRE(skipped.problems.size() == 2);
  CHECK(skipped.problems[1].line == 3);
  CHECK(skipped.problems[1].message == "refers to 'T2', whose line 2 was skipped");
  // What brat writes and evident accepts quietly: CRLF, blank lines, notes,
  // normalisations, binary attributes, a trailing space after an event.
  const BratDocument ok = evident::ParseBrat(
      good + "\r\n\nT2\tCue 8 18\treportedly\r\n#1\tAnnotatorNotes T1\tfree text\tand a tab\n"
             "N1\tReference T1 Wikipedia:1\treportedly\nA1\tNegated T1\nE1\tCue:T2 \nM2\tType T1 adverb\n",
      text);
  CHECK(ok.problems.empty());
  CHECK(ok.annotations.size() == 2);
  CHECK(ok.events.size() == 1);
  CHECK(ok.annotations[0].subtype == "adverb");
}

TEST_CASE("span comparison: exact and overlap, counted by hand", "[eval]") {
  struct Case {
    const char* name;
    std::vector<Span> predicted, gold;
    SpanCounts want;  // gold, predicted, exact, predicted_overlapping, gold_overlapped
  };
  const Case cases[] = {
      {"nothing", {}, {}, {0, 0, 0, 0, 0}},
      {"mixed", {{0, 5}, {10, 15}}, {{0, 5}, {12, 20}, {30, 40}}, {3, 2, 1, 2, 2}},
      {"duplicates count once", {{0, 5}, {0, 5}}, {{0, 5}, {0, 5}}, {1, 1, 1, 1, 1}},
      {"touching is not overlapping", {{0, 5}}, {{5, 10}}, {1, 1, 0, 0, 0}},
      {"empty predicted spans are dropped", {{3, 3}}, {{0, 5}}, {1, 0, 0, 0, 0}},
      {"one long prediction covers two", {{0, 100}}, {{10, 20}, {30, 40}}, {2, 1, 0, 1, 2}},
      {"an early long span reaches past later starts", {{0, 50}, {60, 61}}, {{40, 45}}, {1, 2, 0, 1, 1}},
      {"unsorted input", {{30, 35}, {0, 2}}, {{1, 3}, {34, 40}}, {2, 2, 0, 2, 2}},
      {"nothing predicted", {}, {{0, 5}}, {1, 0, 0, 0, 0}},
  };
  for (const Case& c : cases) {
    INFO(c.name);
    const SpanCounts got = evident::CompareSpans(c.predicted, c.gold);
    CHECK(got.gold == c.want.gold);
    CHECK(got.predicted == c.want.predicted);
    CHECK(got.exact == c.want.exact);
    CHECK(got.predicted_overlapping == c.want.predicted_overlapping);
    CHECK(got.gold_overlapped == c.want.gold_overlapped);
  }
}

TEST_CASE("scores: precision, recall, F1 and their zeros", "[eval]") {
  // "mixed" above: exact P 1/2, R 1/3, F1 2/5; overlap P 2/2, R 2/3, F1 4/5.
  const SpanCounts c{3, 2, 1, 2, 2};
  const evident::Scores exact = evident::ExactScores(c), overlap = evident::OverlapScores(c);
  CHECK(exact.precision == Approx(0.5));
  CHECK(exact.recall == Approx(1.0 / 3));
  CHECK(exact.f1 == Approx(0.4));
  CHECK(overlap.precision == Approx(1.0));
  CHECK(overlap.recall == Approx(2.0 / 3));
  CHECK(overlap.f1 == Approx(0.8));
  const evident::Scores none = evident::ExactScores({5, 0, 0, 0, 0});
  CHECK(none.precision == 0.0);
  CHECK(none.recall == 0.0);
  CHECK(none.f1 == 0.0);
}

TEST_CASE("scoring a document: byte spans become code points", "[eval]") {
  const evident::Annotator& annotator = TestAnnotator();
  const std::string dir = EVIDENT_TEST_DATA "/brat/ours/";
  auto ours = AnnotateOurs();
  const evident::Document& doc = ours->doc;
  evident::AnnotatedDocument& out = ours->out;
  // A claim made by hand, as the claims stage would: only attributed claims count.
  evident::Claim claim;
  const std::size_t moscow = doc.text.find("Moscow"), rained = doc.text.find("it rained");
  claim.source = {moscow, moscow + 6};
  claim.cue = {moscow + 7, moscow + 14};
  claim.content = {rained, rained + 9};
  claim.source_type = evident::SourceType::kOrganisation;
  claim.resolved = "Russian Government";  // the gold's note, without article or case
  out.claims.push_back(claim);
  evident::Claim author;  // no cue: the writer's own sentence
  author.content = {0, doc.text.find('\n')};
  out.claims.push_back(author);

  EvalReport report;
  evident::ScoreDocument(annotator.pack(), out, evident::ParseBrat(ReadFile(dir + "doc.ann"), doc.text), &report);
  CHECK(report.documents == 1);
  auto counts = [&](std::string_view type) { return report.kinds[Kind(type)]; };
  // hedge: predicted "reportedly" 8-18; gold 8-18 and the discontinuous 0-23.
  CHECK(counts("hedge").gold == 2);
  CHECK(counts("hedge").predicted == 1);
  CHECK(counts("hedge").exact == 1);
  CHECK(counts("hedge").gold_overlapped == 2);
  CHECK(counts("attribution").exact == 1);
  CHECK(counts("weasel").gold == 1);
  CHECK(counts("weasel").predicted == 0);
  CHECK(counts("Cue").exact == 1);
  CHECK(counts("Cue").predicted == 1);  // the claim's cue; the author claim has none
  CHECK(counts("Source").exact == 1);
  CHECK(counts("Content").exact == 1);
  CHECK(counts("Content").predicted == 1);  // the author claim is left out
  CHECK_FALSE(report.annotated(Kind("booster")));
  const SpanCounts micro = report.Micro();  // hedge, attribution, weasel
  CHECK(micro.gold == 4);
  CHECK(micro.predicted == 2);
  CHECK(micro.exact == 2);
  CHECK(micro.gold_overlapped == 3);
  CHECK(report.unscored_types.empty());
  // The gold Source "Moscow" is typed and resolved; the claim's source agrees.
  CHECK(report.source_types.gold == 1);
  CHECK(report.source_types.matched == 1);
  CHECK(report.source_types.agree == 1);
  CHECK(report.resolutions.agree == 1);

  // A claim of another type that resolves elsewhere disagrees on both, and
  // the differences say so.
  out.claims[0].source_type = evident::SourceType::kPerson;
  out.claims[0].resolved.clear();
  EvalReport other;
  other.keep_differences = true;
  evident::ScoreDocument(annotator.pack(), out, evident::ParseBrat(ReadFile(dir + "doc.ann"), doc.text), &other, "doc");
  CHECK(other.source_types.matched == 1);
  CHECK(other.source_types.agree == 0);
  CHECK(other.resolutions.agree == 0);
  std::vector<std::string> seen;
  for (const evident::EvalDifference& d : other.differences)
    if (d.type == evident::EvalDifference::kSourceType || d.type == evident::EvalDifference::kResolved)
      seen.push_back(std::string(evident::EvalDifferenceName(d.type)) + " " + d.predicted_text);
  CHECK(seen == std::vector<std::string>{"type organisation | person", "resolved the Russian government | Moscow"});
}

TEST_CASE("scoring a document: quoted claims are left out when asked", "[eval]") {
  const evident::Annotator& annotator = TestAnnotator();
  const std::string dir = EVIDENT_TEST_DATA "/brat/ours/";
  auto ours = AnnotateOurs();
  const evident::Document& doc = ours->doc;
  evident::AnnotatedDocument& out = ours->out;
  evident::Claim claim;  // the gold's claim, flagged quoted by hand
  const std::size_t moscow = doc.text.find("Moscow"), rained = doc.text.find("it rained");
  claim.source = {moscow, moscow + 6};
  claim.cue = {moscow + 7, moscow + 14};
  claim.content = {rained, rained + 9};
  claim.quoted = true;
  out.claims.push_back(claim);
  const evident::BratDocument gold = evident::ParseBrat(ReadFile(dir + "doc.ann"), doc.text);
  EvalReport all, skipped;
  skipped.skip_quoted = true;
  evident::ScoreDocument(annotator.pack(), out, gold, &all);
  evident::ScoreDocument(annotator.pack(), out, gold, &skipped);
  CHECK(all.kinds[Kind("Source")].predicted == 1);
  CHECK(all.kinds[Kind("Content")].predicted == 1);
  CHECK(skipped.kinds[Kind("Source")].predicted == 0);
  CHECK(skipped.kinds[Kind("Content")].predicted == 0);
  CHECK(skipped.kinds[Kind("Source")].gold == 1);  // the gold is still counted
  // The categories do not change.
  CHECK(skipped.kinds[Kind("attribution")].predicted == all.kinds[Kind("attribution")].predicted);
}

TEST_CASE("scoring a document: the differences are listed when asked for", "[eval]") {
  const evident::Annotator& annotator = TestAnnotator();
  const std::string dir = EVIDENT_TEST_DATA "/brat/ours/";
  auto ours = AnnotateOurs();
  const evident::Document& doc = ours->doc;
  const evident::AnnotatedDocument& out = ours->out;
  EvalReport report;
  report.keep_differences = true;
  evident::ScoreDocument(annotator.pack(), out, evident::ParseBrat(ReadFile(dir + "doc.ann"), doc.text), &report,
                         "doc");
  // (kind, type, gold or predicted text), in kind then position order.
  std::vector<std::tuple<std::string, std::string, std::string>> got;
  for (const evident::EvalDifference& d : report.differences) {
    CHECK(d.document == "doc");
    got.emplace_back(std::string(evident::EvalKindName(d.kind)),
                     std::string(evident::EvalDifferenceName(d.type)), d.text);
  }
  using T = std::tuple<std::string, std::string, std::string>;
  const std::vector<T> want = {
      T{"hedge", "boundary", "T\u00FCrkiye reportedly left"},  // the discontinuous span, as min..max
      T{"weasel", "missed", "T\u00FCrkiye"},
      T{"Cue", "missed", "claimed"},  // the marker is found, but makes no claim here
      T{"Source", "missed", "Moscow"},
      T{"Content", "missed", "it rained"},
  };
  CHECK(got == want);
  const auto& hedge = report.differences.front();
  CHECK(hedge.predicted_text == "reportedly");
  CHECK(hedge.span.begin == 0);

  EvalReport quiet;  // not asked: nothing kept
  evident::ScoreDocument(annotator.pack(), out, evident::ParseBrat(ReadFile(dir + "doc.ann"), doc.text), &quiet);
  CHECK(quiet.differences.empty());
}

TEST_CASE("evaluate: texts beside their gold", "[eval]") {
  const EvalReport report = evident::Evaluate(TestAnnotator(), {EVIDENT_TEST_DATA "/brat/ours", {}});
  CHECK(report.messages.empty());
  CHECK(report.documents == 1);
  CHECK(report.kinds[Kind("hedge")].exact == 1);
  // The test pack has no claims.yaml: no claims, so Source and Content recall is 0.
  CHECK(report.kinds[Kind("Source")].predicted == 0);
  CHECK(evident::ExactScores(report.kinds[Kind("Source")]).recall == 0.0);

  const std::string table = evident::RenderEvalReport(report, {});
  for (const char* row : {"hedge ", "booster ", "attribution ", "evidence_absent ", "evidence_present ", "denial ",
                          "source ", "weasel ", "micro (categories) ", "Cue ", "Source ", "Content "})
    CHECK_THAT(table, Catch::Contains(std::string("\n") + row));
  CHECK_THAT(table, Catch::Contains("not annotated"));
  evident::EvalRenderOptions json;
  json.format = evident::EvalRenderOptions::kJson;
  json.overlap = false;
  const std::string rendered = evident::RenderEvalReport(report, json);
  CHECK_THAT(rendered, Catch::Contains("\"kind\": \"micro\""));
  CHECK_THAT(rendered, Catch::Contains("\"exact\"") && !Catch::Contains("\"overlap\""));
}

TEST_CASE("evaluate: PolNeAR names, texts among the inputs", "[eval]") {
  const std::string dir = EVIDENT_TEST_DATA "/brat/polnear";
  const EvalReport report = evident::Evaluate(TestAnnotator(), {dir + "/attributions", {dir + "/text"}});
  CHECK_FALSE(report.has_errors());
  CHECK(report.documents == 1);
  // foo_ab12.ann is first of two: its two cues, not foo_cd34's one.
  CHECK(report.kinds[Kind("Cue")].gold == 2);
  CHECK(report.kinds[Kind("Source")].gold == 2);
  CHECK(report.unscored_types == std::map<std::string, std::size_t>{{"Attribution", 2}, {"Discuss", 1}});
  for (int k = 0; k < evident::kNumCategories; ++k) CHECK_FALSE(report.annotated(k));
  const auto notes = Messages(report, evident::EvalMessage::kNote);
  REQUIRE(notes.size() == 4);
  CHECK_THAT(notes[0], Catch::Contains("nogold.txt: no gold (nogold.ann or nogold_*.ann)"));
  CHECK_THAT(notes[1], Catch::Contains("orphan_ab12.ann: no text"));
  CHECK_THAT(notes[2], Catch::Contains("1 text has several gold files; the first in sorted order was used: "
                                       "foo (foo_ab12.ann of 2)"));
  CHECK_THAT(notes[3], Catch::EndsWith("gold types not scored: Attribution (2), Discuss (1)"));
}

TEST_CASE("evaluate: bad gold lines are errors, the rest is scored", "[eval]") {
  const std::string dir = EVIDENT_TEST_DATA "/brat/bad";
  const EvalReport report = evident::Evaluate(TestAnnotator(), {dir, {}});
  CHECK(report.has_errors());
  const auto errors = Messages(report, evident::EvalMessage::kError);
  REQUIRE(errors.size() == 2);
  CHECK_THAT(errors[0], Catch::StartsWith(dir + "/bad.ann:2: text \"Turkiye\" does not match"));
  CHECK_THAT(errors[1], Catch::StartsWith(dir + "/bad.ann:3: unknown line kind \"X1\""));
  CHECK(report.documents == 1);
  CHECK(report.kinds[Kind("hedge")].gold == 1);
  CHECK(report.kinds[Kind("weasel")].gold == 1);
}

TEST_CASE("evaluate: a missing gold folder is an error, not a crash", "[eval]") {
  const EvalReport report = evident::Evaluate(TestAnnotator(), {EVIDENT_TEST_DATA "/brat/none", {}});
  CHECK(report.has_errors());
  CHECK(report.documents == 0);
}
