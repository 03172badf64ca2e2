#include "annotate/annotate.h"

#include <algorithm>
#include <catch2/catch.hpp>
#include <fstream>
#include <iterator>
#include <thread>

using evident::AnnotatedDocument;
using evident::Annotator;
using evident::Document;

namespace {

const Annotator& TestAnnotator() {
  static const Annotator annotator(evident::LoadPack(EVIDENT_TEST_DATA "/pack"));
  return annotator;
}

Document Doc(std::string text) {
  Document d;
  d.id = "t";
  d.origin = "t.txt";
  d.text = std::move(text);
  return d;
}

}  // namespace

TEST_CASE("sentences own their annotations, ids follow document order", "[annotate]") {
  const Annotator& annotator = TestAnnotator();
  auto scratch = annotator.NewScratch();
  Document doc = Doc("Headline without stop\nHe reportedly left. There was no independent verification.");
  AnnotatedDocument out;
  annotator.Annotate(doc, scratch.get(), &out);
  REQUIRE(out.sentences.size() == 3);
  CHECK(out.sentences[0].num_annotations == 0);
  CHECK(out.sentences[1].num_annotations == 1);
  CHECK(out.sentences[2].num_annotations == 1);
  REQUIRE(out.annotations.size() == 2);
  CHECK(evident::AnnotationId(0) == "a1");
  CHECK(out.annotations[0].sentence == 1);
  CHECK(annotator.pack().rules[out.annotations[1].rule].id == "evidence_absent.no_verification");
  CHECK(out.errors.empty());
}

TEST_CASE("trace keeps what except and overlaps removed", "[annotate]") {
  evident::AnnotatorOptions options;
  options.trace = true;
  Annotator annotator(evident::LoadPack(EVIDENT_TEST_DATA "/pack"), options);
  auto scratch = annotator.NewScratch();
  Document doc = Doc("She could not be reached. A tie. No independent verification.");
  AnnotatedDocument out;
  annotator.Annotate(doc, scratch.get(), &out);
  CHECK(out.trace.suppressed.size() == 1);
  REQUIRE(out.trace.overruled.size() == 2);  // tie (priority) and the shorter verification
}

TEST_CASE("a document with read errors passes through without sentences", "[annotate]") {
  const Annotator& annotator = TestAnnotator();
  auto scratch = annotator.NewScratch();
  Document doc = Doc("");
  doc.errors.push_back({"t.txt", 0, 3, "invalid UTF-8"});
  AnnotatedDocument out;
  annotator.Annotate(doc, scratch.get(), &out);
  CHECK(out.sentences.empty());
  REQUIRE(out.errors.size() == 1);
  CHECK(out.errors[0].byte_offset == 3u);
}

TEST_CASE("over-long sentences are split and the record says so", "[annotate]") {
  evident::AnnotatorOptions options;
  options.segmenter.max_sentence_bytes = 100;
  Annotator annotator(evident::LoadPack(EVIDENT_TEST_DATA "/pack"), options);
  auto scratch = annotator.NewScratch();
  std::string text;
  for (int i = 0; i < 50; ++i) text += "it reportedly went on ";
  Document doc = Doc(text);
  AnnotatedDocument out;
  annotator.Annotate(doc, scratch.get(), &out);
  CHECK(out.sentences.size() > 5);
  CHECK(out.annotations.size() == 50);
  REQUIRE(out.warnings.size() == 1);
  CHECK_THAT(out.warnings[0], Catch::Contains("split"));
}

TEST_CASE("one Annotator shared by threads gives the same result as one thread", "[annotate]") {
  const Annotator& annotator = TestAnnotator();
  std::vector<Document> docs;
  for (int i = 0; i < 40; ++i)
    docs.push_back(Doc(std::string(i % 7, 'x') + " It could rain. He reportedly left; it's clear."));
  auto run = [&](std::size_t from, std::size_t step, std::vector<std::size_t>* counts) {
    auto scratch = annotator.NewScratch();
    AnnotatedDocument out;
    for (std::size_t i = from; i < docs.size(); i += step) {
      annotator.Annotate(docs[i], scratch.get(), &out);
      (*counts)[i] = out.annotations.size() * 1000 + out.annotations.back().span.begin;
    }
  };
  std::vector<std::size_t> serial(docs.size()), parallel(docs.size());
  run(0, 1, &serial);
  std::thread a(run, 0, 2, &parallel), b(run, 1, 2, &parallel);
  a.join();
  b.join();
  CHECK(serial == parallel);
}

TEST_CASE("rule tests of the test pack pass", "[annotate]") {
  auto report = evident::RunRuleTests(TestAnnotator());
  CHECK(report.rules == 10);
  for (const auto& f : report.failures) FAIL_CHECK(f.where.ToString() << ": " << f.rule_id << ": " << f.problem);
}

TEST_CASE("rule tests report shadowed and misfiring rules", "[annotate]") {
  evident::Pack pack = evident::LoadPack(EVIDENT_TEST_DATA "/pack");
  // Make hedge.low_a's test claim a match it cannot get (it loses the tie).
  for (auto& r : pack.rules)
    if (r.id == "hedge.low_a") r.match_tests.push_back({"A tie.", {"x.yaml", 1, 1}});
  Annotator annotator(std::move(pack));
  auto report = evident::RunRuleTests(annotator);
  REQUIRE(report.failures.size() == 1);
  CHECK(report.failures[0].rule_id == "hedge.low_a");
  CHECK_THAT(report.failures[0].problem, Catch::Contains("hedge.low_b"));
}

TEST_CASE("the default pack tags the required markers and not their look-alikes", "[annotate][pack]") {
  const Annotator annotator(evident::LoadPack(EVIDENT_RULES_DIR));
  auto scratch = annotator.NewScratch();
  std::ifstream table(EVIDENT_TEST_DATA "/required_markers.tsv");
  std::string line;
  int rows = 0;
  while (std::getline(table, line)) {
    if (line.empty() || line[0] == '#') continue;
    const auto t1 = line.find('\t'), t2 = line.find('\t', t1 + 1);
    const std::string where = line.substr(0, t1), text = line.substr(t1 + 1, t2 - t1 - 1),
                      category = line.substr(t2 + 1);
    Document doc;
    if (where.front() == '"') {
      doc = Doc(where.substr(1, where.size() - 2));
    } else {
      std::ifstream in(std::string(EVIDENT_CORPUS_DIR) + "/" + where, std::ios::binary);
      doc = Doc(std::string(std::istreambuf_iterator<char>(in), {}));
    }
    REQUIRE(!doc.text.empty());
    AnnotatedDocument out;
    annotator.Annotate(doc, scratch.get(), &out);
    std::vector<std::string> got;  // categories of annotations whose text is exactly `text`
    std::vector<std::string> touching;  // any annotation overlapping an occurrence of `text`
    for (const auto& a : out.annotations) {
      const std::string s = doc.text.substr(a.span.begin, a.span.size());
      const std::string c(evident::CategoryName(annotator.pack().rules[a.rule].category));
      if (s == text) got.push_back(c);
      for (std::size_t at = doc.text.find(text); at != std::string::npos; at = doc.text.find(text, at + 1))
        if (a.span.begin < at + text.size() && at < a.span.end) touching.push_back(c + ":" + s);
    }
    INFO(where << " | " << text << " | " << category);
    if (category == "none") {
      CHECK(touching.empty());
    } else {
      CHECK(std::find(got.begin(), got.end(), category) != got.end());
    }
    ++rows;
  }
  CHECK(rows == 19);
}

TEST_CASE("lint finds each kind of problem", "[annotate][lint]") {
  const Annotator annotator(evident::LoadPack(EVIDENT_TEST_DATA "/lint_pack"));
  evident::LintOptions options;
  options.corpus = {EVIDENT_CORPUS_DIR};
  const auto report = evident::LintPack(annotator, options);
  struct Want {
    evident::LintIssue::Severity severity;
    const char* rule;
    const char* message;
    int line;
  };
  const Want wants[] = {
      {evident::LintIssue::kWarning, "", "macro UNUSED is never used", 4},
      {evident::LintIssue::kError, "hedge.empty", "the pattern can match the empty string", 6},
      {evident::LintIssue::kError, "hedge.short", "shadowed: its own example is taken by rule 'hedge.long'", 23},
      {evident::LintIssue::kError, "hedge.self", "its own example is suppressed by its except: pattern 1", 30},
      {evident::LintIssue::kWarning, "hedge.the", "too broad: fires in", 31},
  };
  for (const Want& w : wants) {
    INFO(w.message);
    bool found = false;
    for (const auto& i : report.issues)
      found = found || (i.severity == w.severity && i.rule_id == w.rule &&
                        i.message.find(w.message) != std::string::npos && i.where.line == w.line);
    CHECK(found);
  }
  CHECK(report.errors == 3);
  CHECK(report.warnings == 2);
  CHECK(report.corpus_sentences > 100);

  // The default pack is clean.
  const Annotator en(evident::LoadPack(EVIDENT_RULES_DIR));
  const auto clean = evident::LintPack(en, options);
  for (const auto& i : clean.issues) FAIL_CHECK(i.where.ToString() << ": " << i.rule_id << ": " << i.message);
}

TEST_CASE("rule tests check the claim an attribution rule produces", "[annotate]") {
  evident::Pack pack = evident::LoadPack(EVIDENT_RULES_DIR);
  for (auto& r : pack.rules) {
    if (r.id != "attribution.say") continue;
    evident::RuleTest good{"The mayor said the bridge was safe.", {"t.yaml", 1, 1}, "The mayor", "said", "the bridge was safe"};
    evident::RuleTest bad{"The mayor said the bridge was safe.", {"t.yaml", 2, 1}, "The governor", std::nullopt, std::nullopt};
    r.match_tests = {good, bad};
    r.no_match_tests.clear();
  }
  Annotator annotator(std::move(pack));
  auto report = evident::RunRuleTests(annotator);
  REQUIRE(report.failures.size() == 1);
  CHECK(report.failures[0].where.line == 2);
  CHECK(report.failures[0].problem ==
        "expected source \"The governor\"; got source \"The mayor\", cue \"said\", content \"the bridge was safe\"");
}
