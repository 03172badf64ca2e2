// eval: how close the pack's annotations come to human gold (brat standoff).
//
// Gold is one brat .ann file per text, offsets in Unicode code points. Two
// conventions are read as they are:
//   - evident's own (annotations/, docs/annotation-guide.md §8): the eight
//     category names as entity types, plus Source, Cue and Content, with
//     events `E1<TAB>Cue:T7 Source:T5 Content:T9`;
//   - PolNeAR's: Source, Cue, Content, and an `Attribution` trigger span that
//     duplicates each cue (`E1<TAB>Attribution:T4 Content:T3 Cue:T2 Source:T1`),
//     which is read and not scored.
//
// The whole command in one call:
//
//   evident::Annotator annotator(evident::LoadPack("rules/en"));
//   evident::EvalReport report = evident::Evaluate(annotator, {"annotations", {"corpus"}});
//   std::cout << evident::RenderEvalReport(report, {});
//   for (const evident::EvalMessage& m : report.messages) ...  // to standard error
//
// or piece by piece: ParseBrat() reads one .ann against its text,
// ScoreDocument() adds one annotated document to a report, CompareSpans()
// counts matches between two span lists.
//
// What is compared, per kind of span (EvalKindName):
//   - the eight categories: annotations of that category against gold spans
//     of the same type name;
//   - Cue: annotations of category `attribution` or `denial` (a denial is
//     a reporting cue too, annotation guide §4.6) against `Cue` spans;
//   - Source, Content: the source and content spans of the claims that have a
//     cue (author claims are left out: the gold has no unattributed claims)
//     against `Source` and `Content` spans.
// Spans are compared as sets per document: the same span twice counts once.
// exact: the same start and end. overlap: at least one code point in common.
#ifndef EVIDENT_EVAL_EVAL_H_
#define EVIDENT_EVAL_EVAL_H_

#include <array>
#include <cstddef>
#include <map>
#include <optional>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include "annotate/annotate.h"

namespace evident {

// ---------------------------------------------------------------------------
// brat standoff

// A text-bound annotation (T line). Offsets are code points, end-exclusive.
struct BratAnnotation {
  std::string id;    // "T7"
  std::string type;  // "hedge", "Cue", "Attribution", ...
  Span span;         // code points; a discontinuous span is min start..max end
  std::size_t fragments = 1;
  std::string text;     // as written after the offsets
  std::string subtype;  // the value of its `Type` attribute (A line), if any
  std::string source_type;  // a Source's `SourceType` attribute: "person", ...
  std::string note;         // its AnnotatorNotes (# line): for a Source, the name it resolves to
  std::size_t line = 0;
};

// An event (E line): a trigger and its arguments.
struct BratEvent {
  std::string id;       // "E1"
  std::string type;     // the trigger's type: "Cue" (evident), "Attribution" (PolNeAR)
  std::string trigger;  // "T3"
  std::vector<std::pair<std::string, std::string>> arguments;  // role ("Source"), id ("T1")
  std::size_t line = 0;
};

// A line that could not be used; it was skipped and the rest was read.
struct BratProblem {
  std::size_t line = 0;  // 1-based
  std::string message;
};

struct BratDocument {
  std::vector<BratAnnotation> annotations;  // in file order
  std::vector<BratEvent> events;
  std::vector<BratProblem> problems;        // in line order
};

// Reads the contents of a .ann file whose offsets refer to `text` (UTF-8).
// Reads T, A (and its old name M), E, R, N, * and # lines; every T line's
// text must equal the document text at its offsets (the fragments of a
// discontinuous span joined by one space, as brat writes them). A line that
// is malformed, of an unknown kind, out of range, does not match the text or
// refers to an id that does not exist is skipped and reported in `problems`.
// Never throws on bad input.
BratDocument ParseBrat(std::string_view ann, std::string_view text);

// The byte offset of every code point of a valid UTF-8 text, then its size:
// starts[k] is where code point k begins, so a brat span [b, e) is the bytes
// [starts[b], starts[e]).
std::vector<std::size_t> CodepointStarts(std::string_view text);

// ---------------------------------------------------------------------------
// Scoring

// The kinds of span scored: the eight categories in Category order, then the
// claim layer.
inline constexpr int kCueKind = kNumCategories;
inline constexpr int kSourceKind = kNumCategories + 1;
inline constexpr int kContentKind = kNumCategories + 2;
inline constexpr int kNumEvalKinds = kNumCategories + 3;

// "hedge", ..., "weasel", then "Cue", "Source", "Content": the claim layer
// keeps the brat type names, since `source` is also a category.
std::string_view EvalKindName(int kind);
// The kind a brat entity type is scored as: a category name, "Cue",
// "Source" or "Content" (case matters: `source` is the category, `Source` the
// speaker); nullopt for anything else ("Attribution", "Discuss", ...).
std::optional<int> EvalKindOfBratType(std::string_view type);

// Match counts for one kind of span.
struct SpanCounts {
  std::size_t gold = 0, predicted = 0;   // distinct spans
  std::size_t exact = 0;                 // spans in both lists
  std::size_t predicted_overlapping = 0; // predicted spans overlapping some gold span
  std::size_t gold_overlapped = 0;       // gold spans overlapped by some predicted span

  SpanCounts& operator+=(const SpanCounts& o);
};

struct Scores {
  double precision = 0.0;  // 0 when nothing was predicted
  double recall = 0.0;     // 0 when there is no gold
  double f1 = 0.0;         // harmonic mean; 0 when precision + recall is 0
};
Scores ExactScores(const SpanCounts& c);
Scores OverlapScores(const SpanCounts& c);

// Counts matches between two lists of spans in the same unit. Each list is
// made a set first, without empty spans (a claim without a source has an
// empty source span; ParseBrat rejects empty gold spans).
SpanCounts CompareSpans(std::vector<Span> predicted, std::vector<Span> gold);

// A line for standard error.
struct EvalMessage {
  enum Severity { kNote, kError };
  Severity severity = kNote;
  std::string text;  // "annotations/x.ann:12: text ... does not match ..."
};

// A span the pack and the gold disagree on (kept when asked for, to show a
// rule author what to fix). Spans are code points, like the gold.
struct EvalDifference {
  enum Type { kMissed, kExtra, kBoundary, kSourceType, kResolved };
  // gold not found / predicted not in gold / overlapping but not the same /
  // a found Source of another type / resolved to another name
  Type type = kMissed;
  std::string document; // the gold file's name without .ann
  int kind = 0;         // EvalKindName(kind)
  Span span;            // the gold span (missed, boundary) or the predicted one (extra)
  std::string text;
  std::string predicted_text;  // boundary: the overlapping predicted span's text; type, resolved: "gold | predicted"
};

// Agreement on a property of the gold Sources that were found: how many had
// the property in the gold, how many of those a predicted claim's source
// overlaps, and how many of those agree.
struct AgreementCounts {
  std::size_t gold = 0, matched = 0, agree = 0;
  AgreementCounts& operator+=(const AgreementCounts& o) {
    gold += o.gold;
    matched += o.matched;
    agree += o.agree;
    return *this;
  }
};
std::string_view EvalDifferenceName(EvalDifference::Type t);  // "missed", "extra", "boundary"

struct EvalReport {
  std::array<SpanCounts, kNumEvalKinds> kinds;
  bool keep_differences = false;            // set before scoring to fill `differences`
  // Set before scoring: claims flagged `quoted` (a cue inside a quotation,
  // the quoted speaker's own attribution) are left out of the claim rows,
  // for gold that does not annotate attributions nested in quotations.
  bool skip_quoted = false;
  // Gold Sources with a SourceType attribute: does the claim's source type
  // agree? With an AnnotatorNotes name: does the claim resolve to it (its
  // `resolved`, else its source text; compared without case, articles or
  // the kind of apostrophe)?
  AgreementCounts source_types, resolutions;
  // Per document: the span differences in kind and position order, then the
  // Source type and resolved ones.
  std::vector<EvalDifference> differences;
  std::size_t documents = 0;  // texts scored against gold
  // Gold entity types that are not scored, with how many spans had them.
  std::map<std::string, std::size_t> unscored_types;
  // Errors (gold lines that could not be read, texts that failed) and notes
  // (texts without gold, gold without text), in the order they happened.
  std::vector<EvalMessage> messages;

  // True when the gold has spans of this kind; a kind without gold is "not
  // annotated" and left out of the micro totals.
  bool annotated(int kind) const { return kinds[kind].gold > 0; }
  // The sum over the annotated categories (not Cue, Source, Content).
  SpanCounts Micro() const;
  bool has_errors() const;
};

// Adds one document to *report: `predicted` is the Annotator's output for the
// text (spans in bytes, converted here to code points), `gold` its parsed
// .ann. `pack` is the pack that annotated it (for the rules' categories).
// With report->keep_differences, each disagreement is also listed, under the
// name `document`.
void ScoreDocument(const Pack& pack, const AnnotatedDocument& predicted, const BratDocument& gold,
                   EvalReport* report, std::string_view document = {});

// ---------------------------------------------------------------------------
// The whole run

struct EvalOptions {
  std::string gold_dir;             // *.ann below it, recursively
  std::vector<std::string> inputs;  // texts: files, folders (*.txt below), JSON Lines
  bool keep_differences = false;    // fill EvalReport::differences
  bool skip_quoted = false;         // EvalReport::skip_quoted
};

// Pairs every gold .ann with its text, annotates the text and scores it.
// The text of `DIR/x.ann` is `DIR/x.txt` beside it, else the input document
// whose id (file name without extension) is `x`. A text `x` with no `x.ann`
// takes `x_*.ann` (PolNeAR's `<stem>_<annotator>.ann`; `*` has no `_`); when
// there are several, the first in sorted order, and one note names them.
// Problems never stop the run: they become messages.
EvalReport Evaluate(const Annotator& annotator, const EvalOptions& options);

struct EvalRenderOptions {
  enum Format { kTable, kJson };
  Format format = kTable;
  bool exact = true;    // show exact-match scores
  bool overlap = true;  // show overlap scores
  bool differences = false;  // table: list the differences after the scores (json: always, when kept)
};

// The table (rows: the eight categories, micro, Cue, Source, Content), or the
// same as JSON (one object; see docs/evaluation.md).
std::string RenderEvalReport(const EvalReport& report, const EvalRenderOptions& options);

}  // namespace evident

#endif  // EVIDENT_EVAL_EVAL_H_
