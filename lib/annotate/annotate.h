// annotate: the pipeline for one document, read → segment → match → resolve.
//
// An Annotator is built once from a rule pack and is immutable: share one
// between threads, and give each thread its own Annotator::Scratch (which
// holds that thread's ICU break iterator and match buffers).
//
//   evident::Annotator annotator(evident::LoadPack("rules/en"));
//   auto scratch = annotator.NewScratch();
//   evident::AnnotatedDocument out;
//   annotator.Annotate(doc, scratch.get(), &out);
//
// When the pack has claims.yaml and scoring.yaml, claims are extracted
// (claims/claims.h) and scored (score/score.h); otherwise
// AnnotatedDocument::claims stays empty.
#ifndef EVIDENT_ANNOTATE_ANNOTATE_H_
#define EVIDENT_ANNOTATE_ANNOTATE_H_

#include <cstddef>
#include <memory>
#include <string>
#include <vector>

#include "claims/claims.h"
#include "match/match.h"
#include "read/read.h"
#include "resolve/resolve.h"
#include "rules/rules.h"
#include "score/score.h"
#include "segment/segment.h"

namespace evident {

// What explain shows: matches that did not become annotations.
struct Trace {
  std::vector<Suppression> suppressed;
  std::vector<Overruled> overruled;
};

struct AnnotatedDocument {
  const Document* doc = nullptr;  // borrowed: id, text, origin
  std::vector<Sentence> sentences;
  std::vector<Annotation> annotations;
  std::vector<Claim> claims;           // in text order; ids c1, c2, ...
  std::vector<DocumentError> errors;   // the document's own errors
  std::vector<std::string> warnings;   // e.g. over-long sentences cut
  Trace trace;                         // filled only when asked for
};

// Time spent per pipeline stage, in nanoseconds (when asked for).
struct StageTimes {
  std::uint64_t read = 0, segment = 0, match = 0, resolve = 0, attribute = 0, score = 0, write = 0;
  void Add(const StageTimes& o) {
    read += o.read;
    segment += o.segment;
    match += o.match;
    resolve += o.resolve;
    attribute += o.attribute;
    score += o.score;
    write += o.write;
  }
};

struct AnnotatorOptions {
  SegmenterOptions segmenter;
  bool trace = false;  // keep suppressed and overruled matches
};

class Annotator {
 public:
  // Throws PackError if the pack does not compile, std::runtime_error if ICU
  // cannot segment the pack's language.
  explicit Annotator(Pack pack, AnnotatorOptions options = {});
  ~Annotator();
  Annotator(const Annotator&) = delete;
  Annotator& operator=(const Annotator&) = delete;

  class Scratch;
  std::unique_ptr<Scratch> NewScratch() const;

  // Annotates `doc` into *out (reusing its buffers). A document that arrives
  // with errors is passed through with no sentences.
  void Annotate(const Document& doc, Scratch* scratch, AnnotatedDocument* out) const;

  const Pack& pack() const { return pack_; }
  const AnnotatorOptions& options() const { return options_; }

 private:
  Pack pack_;
  AnnotatorOptions options_;
  Matcher matcher_;
  Segmenter segmenter_;  // prototype; cloned into each Scratch
  ClaimExtractor claims_;
  Scorer scorer_;
};

class Annotator::Scratch {
 public:
  explicit Scratch(Segmenter segmenter) : segmenter(std::move(segmenter)) {}
  Segmenter segmenter;
  Matcher::Scratch match;
  std::vector<SentenceSpan> spans;
  std::vector<Match> matches;
  bool time_stages = false;  // add to `times` as documents are annotated
  StageTimes times;
};

// One failed rule test: the rule, the test sentence and where it is written,
// what was expected and what happened.
struct RuleTestFailure {
  std::string rule_id;
  SourceLocation where;
  std::string text;
  std::string problem;  // "expected a match, got none (lost to 'x.y')"
};

struct RuleTestReport {
  std::size_t rules = 0;
  std::size_t cases = 0;
  std::vector<RuleTestFailure> failures;
};

// Runs every rule's match:/no_match: sentences through the whole pack.
RuleTestReport RunRuleTests(const Annotator& annotator);

// Lint: what a rule author should look at. Load-time problems (unknown keys,
// bad regexes, undefined macros, duplicate ids) are already PackErrors; lint
// adds the checks that need the matcher or a corpus.
struct LintIssue {
  enum Severity { kWarning, kError } severity = kWarning;
  SourceLocation where;
  std::string rule_id;  // empty for file-level issues
  std::string message;
};

struct LintOptions {
  std::vector<std::string> corpus;  // inputs for the "too broad" check; none: skip it
  double max_share = 0.25;          // a rule firing in more sentences than this is too broad
};

struct LintReport {
  std::vector<LintIssue> issues;
  std::size_t errors = 0, warnings = 0;
  std::size_t corpus_sentences = 0;
};

// Errors: a pattern that matches the empty string; a rule whose own match:
// example is taken by another rule (shadowed) or dropped by its own except:.
// Warnings: unused macros; a rule firing in more than max_share of the
// corpus sentences.
LintReport LintPack(const Annotator& annotator, const LintOptions& options);

}  // namespace evident

#endif  // EVIDENT_ANNOTATE_ANNOTATE_H_
