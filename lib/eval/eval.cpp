// Scoring annotated documents against brat gold, and the whole eval run.
#include "eval/eval.h"

#include <algorithm>
#include <array>
#include <cstdio>
#include <filesystem>
#include <fstream>
#include <nlohmann/json.hpp>
#include <set>
#include <sstream>
#include <tuple>

#include "output/output.h"

namespace evident {

namespace fs = std::filesystem;

namespace {

// The claim layer keeps the brat type names: `source` is a category, `Source`
// the speaker of a claim (docs/annotation-guide.md §8.1).
constexpr std::array<std::string_view, 3> kClaimBratTypes = {"Cue", "Source", "Content"};

bool ByPosition(const Span& a, const Span& b) { return std::tie(a.begin, a.end) < std::tie(b.begin, b.end); }

// Sorted by position, without empty spans or duplicates.
void MakeSet(std::vector<Span>* spans) {
  std::erase_if(*spans, [](const Span& s) { return s.empty(); });
  std::sort(spans->begin(), spans->end(), ByPosition);
  spans->erase(std::unique(spans->begin(), spans->end()), spans->end());
}

// How many of `spans` share at least one position with some span of
// `others` (both sets). For each span, the others that start before it ends
// are a prefix of `others`; one of them overlaps iff the largest end in that
// prefix is past the span's start.
std::size_t CountOverlapping(const std::vector<Span>& spans, const std::vector<Span>& others) {
  std::vector<std::size_t> max_end(others.size());
  for (std::size_t i = 0; i < others.size(); ++i) max_end[i] = std::max(others[i].end, i ? max_end[i - 1] : 0);
  std::size_t n = 0;
  for (const Span& s : spans) {
    auto k = std::partition_point(others.begin(), others.end(), [&](const Span& o) { return o.begin < s.end; }) -
             others.begin();
    if (k > 0 && max_end[k - 1] > s.begin) ++n;
  }
  return n;
}

double Ratio(std::size_t num, std::size_t den) { return den == 0 ? 0.0 : static_cast<double>(num) / den; }

Scores Make(double p, double r) { return {p, r, p + r == 0.0 ? 0.0 : 2 * p * r / (p + r)}; }

std::string Where(const Document& doc) {
  return doc.line > 0 ? doc.origin + ":" + std::to_string(doc.line) : doc.origin;
}

// The rows of the report in display order: categories, micro, claim layer.
// -1 stands for the micro row.
constexpr std::array<int, kNumEvalKinds + 1> kRows = {0, 1, 2, 3, 4, 5, 6, 7, -1, kCueKind, kSourceKind, kContentKind};
static_assert(kNumCategories == 8, "kRows lists the categories");

}  // namespace

std::string_view EvalKindName(int kind) {
  if (kind >= 0 && kind < kNumCategories) return CategoryName(static_cast<Category>(kind));
  if (kind >= kCueKind && kind < kNumEvalKinds) return kClaimBratTypes[kind - kCueKind];
  return "?";
}

std::optional<int> EvalKindOfBratType(std::string_view type) {
  if (auto c = ParseCategory(type)) return static_cast<int>(*c);
  for (std::size_t i = 0; i < kClaimBratTypes.size(); ++i)
    if (kClaimBratTypes[i] == type) return kCueKind + static_cast<int>(i);
  return std::nullopt;
}

SpanCounts& SpanCounts::operator+=(const SpanCounts& o) {
  gold += o.gold;
  predicted += o.predicted;
  exact += o.exact;
  predicted_overlapping += o.predicted_overlapping;
  gold_overlapped += o.gold_overlapped;
  return *this;
}

Scores ExactScores(const SpanCounts& c) { return Make(Ratio(c.exact, c.predicted), Ratio(c.exact, c.gold)); }

Scores OverlapScores(const SpanCounts& c) {
  return Make(Ratio(c.predicted_overlapping, c.predicted), Ratio(c.gold_overlapped, c.gold));
}

SpanCounts CompareSpans(std::vector<Span> predicted, std::vector<Span> gold) {
  MakeSet(&predicted);
  MakeSet(&gold);
  SpanCounts c;
  c.gold = gold.size();
  c.predicted = predicted.size();
  for (const Span& p : predicted) c.exact += std::binary_search(gold.begin(), gold.end(), p, ByPosition);
  c.predicted_overlapping = CountOverlapping(predicted, gold);
  c.gold_overlapped = CountOverlapping(gold, predicted);
  return c;
}

SpanCounts EvalReport::Micro() const {
  SpanCounts sum;
  for (int k = 0; k < kNumCategories; ++k)
    if (annotated(k)) sum += kinds[k];
  return sum;
}

bool EvalReport::has_errors() const {
  return std::any_of(messages.begin(), messages.end(),
                     [](const EvalMessage& m) { return m.severity == EvalMessage::kError; });
}

std::string_view EvalDifferenceName(EvalDifference::Type t) {
  switch (t) {
    case EvalDifference::kMissed: return "missed";
    case EvalDifference::kExtra: return "extra";
    case EvalDifference::kBoundary: return "boundary";
    case EvalDifference::kSourceType: return "type";
    case EvalDifference::kResolved: return "resolved";
  }
  return "?";
}

namespace {

bool Overlaps(const Span& a, const Span& b) { return a.begin < b.end && b.begin < a.end; }

// Appends the differences between two span sets (MakeSet) of one kind; `starts`
// is CodepointStarts(text).
void ListDifferences(std::string_view document, int kind, std::string_view text,
                     const std::vector<std::size_t>& starts, const std::vector<Span>& pred,
                     const std::vector<Span>& gold, std::vector<EvalDifference>* out) {
  auto slice = [&](Span s) { return std::string(text.substr(starts[s.begin], starts[s.end] - starts[s.begin])); };
  const std::size_t first = out->size();
  for (const Span& g : gold) {
    if (std::binary_search(pred.begin(), pred.end(), g, ByPosition)) continue;
    auto hit = std::find_if(pred.begin(), pred.end(), [&](const Span& p) { return Overlaps(p, g); });
    EvalDifference d;
    d.type = hit == pred.end() ? EvalDifference::kMissed : EvalDifference::kBoundary;
    d.document = std::string(document);
    d.kind = kind;
    d.span = g;
    d.text = slice(g);
    if (hit != pred.end()) d.predicted_text = slice(*hit);
    out->push_back(std::move(d));
  }
  for (const Span& p : pred) {
    if (std::any_of(gold.begin(), gold.end(), [&](const Span& g) { return Overlaps(p, g); })) continue;
    out->push_back({EvalDifference::kExtra, std::string(document), kind, p, slice(p), {}});
  }
  std::stable_sort(out->begin() + static_cast<std::ptrdiff_t>(first), out->end(),
                   [](const EvalDifference& a, const EvalDifference& b) { return ByPosition(a.span, b.span); });
}

}  // namespace

void ScoreDocument(const Pack& pack, const AnnotatedDocument& predicted, const BratDocument& gold,
                   EvalReport* report, std::string_view document) {
  std::array<std::vector<Span>, kNumEvalKinds> pred, want;
  const std::string_view text = predicted.doc ? std::string_view(predicted.doc->text) : std::string_view();
  const OffsetConverter codepoint(text, OffsetUnit::kCodepoint);
  auto convert = [&](const Span& s) { return Span{codepoint(s.begin), codepoint(s.end)}; };
  for (const Annotation& a : predicted.annotations)
    pred[static_cast<int>(pack.rules[a.rule].category)].push_back(convert(a.span));
  // The claim layer: what evident gives as claims. (An attribution marker
  // that makes no claim, like "allegations" with neither a source nor a
  // clause, or one in a headline, is scored in its category row only.)
  for (const Claim& c : predicted.claims) {
    if (c.cue.empty()) continue;  // an author claim: the gold has none
    if (c.quoted && report->skip_quoted) continue;
    pred[kCueKind].push_back(convert(c.cue));
    pred[kSourceKind].push_back(convert(c.source));
    pred[kContentKind].push_back(convert(c.content));
  }
  for (const BratAnnotation& a : gold.annotations) {
    if (auto kind = EvalKindOfBratType(a.type)) {
      want[*kind].push_back(a.span);
    } else {
      ++report->unscored_types[a.type];
    }
  }
  const std::vector<std::size_t> starts = report->keep_differences ? CodepointStarts(text) : std::vector<std::size_t>();
  for (int k = 0; k < kNumEvalKinds; ++k) {
    if (report->keep_differences) {
      MakeSet(&pred[k]);
      MakeSet(&want[k]);
      ListDifferences(document, k, text, starts, pred[k], want[k], &report->differences);
    }
    report->kinds[k] += CompareSpans(std::move(pred[k]), std::move(want[k]));
  }
  // Source types and resolution, for the gold Sources a claim's source
  // overlaps (their differences follow the span differences of the document).
  auto normal = [](std::string_view s) {
    std::string out;
    for (std::size_t i = 0; i < s.size(); ++i) {
      if (s.compare(i, 3, "\xE2\x80\x99") == 0) {  // ’ as '
        out += '\'';
        i += 2;
      } else if (s[i] == ' ' || s[i] == '\t' || s[i] == '\n') {
        if (!out.empty() && out.back() != ' ') out += ' ';
      } else {
        out += static_cast<char>(std::tolower(static_cast<unsigned char>(s[i])));
      }
    }
    while (!out.empty() && out.back() == ' ') out.pop_back();
    for (std::string_view article : {"the ", "a ", "an "})
      if (out.compare(0, article.size(), article) == 0) out.erase(0, article.size());
    return out;
  };
  for (const BratAnnotation& a : gold.annotations) {
    if (a.type != "Source" || (a.source_type.empty() && a.note.empty())) continue;
    const Claim* best = nullptr;
    std::size_t best_overlap = 0;
    for (const Claim& c : predicted.claims) {
      if (c.cue.empty() || c.source.empty() || (c.quoted && report->skip_quoted)) continue;
      const Span s = convert(c.source);
      const std::size_t overlap = std::min(s.end, a.span.end) > std::max(s.begin, a.span.begin)
                                      ? std::min(s.end, a.span.end) - std::max(s.begin, a.span.begin)
                                      : 0;
      if (overlap > best_overlap) {
        best = &c;
        best_overlap = overlap;
      }
    }
    auto count = [&](AgreementCounts* counts, const std::string& want, const std::string& got,
                     EvalDifference::Type type, bool agree) {
      ++counts->gold;
      if (!best) return;
      ++counts->matched;
      if (agree) {
        ++counts->agree;
      } else if (report->keep_differences) {
        report->differences.push_back({type, std::string(document), kSourceKind, a.span, a.text, want + " | " + got});
      }
    };
    if (!a.source_type.empty()) {
      const std::string got = best ? std::string(SourceTypeName(best->source_type)) : "";
      count(&report->source_types, a.source_type, got, EvalDifference::kSourceType, got == a.source_type);
    }
    if (!a.note.empty()) {
      const std::string got = !best ? "" : !best->resolved.empty() ? best->resolved
                                                                    : std::string(text.substr(best->source.begin,
                                                                                              best->source.size()));
      count(&report->resolutions, a.note, got, EvalDifference::kResolved, normal(got) == normal(a.note));
    }
  }
  ++report->documents;
}

EvalReport Evaluate(const Annotator& annotator, const EvalOptions& options) {
  EvalReport report;
  report.keep_differences = options.keep_differences;
  report.skip_quoted = options.skip_quoted;
  auto error = [&](std::string m) { report.messages.push_back({EvalMessage::kError, std::move(m)}); };
  auto note = [&](std::string m) { report.messages.push_back({EvalMessage::kNote, std::move(m)}); };

  // The gold files, sorted, so "the first" of several is the same everywhere.
  std::vector<fs::path> anns;
  std::error_code ec;
  if (!fs::is_directory(options.gold_dir, ec)) {
    error(options.gold_dir + ": not a folder");
    return report;
  }
  for (fs::recursive_directory_iterator it(options.gold_dir, ec), end; !ec && it != end; it.increment(ec)) {
    if (it->path().extension() == ".ann" && it->is_regular_file(ec)) anns.push_back(it->path());
  }
  if (ec) error(options.gold_dir + ": " + ec.message());
  std::sort(anns.begin(), anns.end());

  // stem -> gold files named `stem.ann`, and `stem_X.ann` (X without '_').
  std::map<std::string, std::vector<std::size_t>> exact, annotator_named;
  for (std::size_t i = 0; i < anns.size(); ++i) {
    const std::string stem = anns[i].stem().string();
    exact[stem].push_back(i);
    const std::size_t us = stem.rfind('_');
    if (us != std::string::npos && us > 0 && us + 1 < stem.size()) annotator_named[stem.substr(0, us)].push_back(i);
  }
  std::vector<std::string> scored_with(anns.size());  // the text each gold file was scored with
  std::vector<bool> passed_over(anns.size());         // another annotator's file of a scored text
  std::vector<std::string> several;                   // notes for texts with several gold files
  std::set<std::string> several_seen;

  auto scratch = annotator.NewScratch();
  AnnotatedDocument out;
  auto score = [&](const Document& doc, std::size_t gold_index) {
    const fs::path& path = anns[gold_index];
    scored_with[gold_index] = Where(doc);
    if (!doc.errors.empty()) {
      for (const DocumentError& e : doc.errors) error(e.ToString());
      return;
    }
    std::ifstream in(path, std::ios::binary);
    std::ostringstream content;
    content << in.rdbuf();
    if (!in || in.bad()) {
      error(path.string() + ": cannot read");
      return;
    }
    const std::string ann = content.str();
    if (auto bad = FindInvalidText(ann)) {
      error(path.string() + ": byte " + std::to_string(*bad) + ": invalid UTF-8 or NUL byte");
      return;
    }
    const BratDocument gold = ParseBrat(ann, doc.text);
    for (const BratProblem& p : gold.problems) error(path.string() + ":" + std::to_string(p.line) + ": " + p.message);
    annotator.Annotate(doc, scratch.get(), &out);
    if (!out.errors.empty()) {
      for (const DocumentError& e : out.errors) error(e.ToString());
      return;
    }
    ScoreDocument(annotator.pack(), out, gold, &report, path.stem().string());
  };

  // Texts beside their gold, as brat keeps them.
  Document doc;
  for (std::size_t i = 0; i < anns.size(); ++i) {
    fs::path text = anns[i];
    text.replace_extension(".txt");
    if (!fs::is_regular_file(text, ec)) continue;
    DocumentReader reader({text.string()}, InputFormat::kText);
    if (reader.Next(&doc)) score(doc, i);
  }

  // Texts among the inputs, by stem.
  if (!options.inputs.empty()) {
    DocumentReader reader(options.inputs, InputFormat::kAuto);
    while (reader.Next(&doc)) {
      const std::vector<std::size_t>* candidates = nullptr;
      if (auto it = exact.find(doc.id); it != exact.end()) {
        candidates = &it->second;
      } else if (auto it2 = annotator_named.find(doc.id); it2 != annotator_named.end()) {
        candidates = &it2->second;
      }
      if (!candidates) {
        for (const DocumentError& e : doc.errors) error(e.ToString());
        note(Where(doc) + ": no gold (" + doc.id + ".ann or " + doc.id + "_*.ann) in " + options.gold_dir +
             "; skipped");
        continue;
      }
      const std::size_t first = candidates->front();
      if (!scored_with[first].empty()) {
        // The same file given twice (or the gold folder given as input too)
        // is quietly the same text; anything else is worth a note.
        const bool same = fs::weakly_canonical(scored_with[first], ec) == fs::weakly_canonical(doc.origin, ec);
        if (!same || doc.line > 0)
          note(Where(doc) + ": skipped: its gold " + anns[first].string() + " was already scored with " +
               scored_with[first]);
        continue;
      }
      if (candidates->size() > 1 && several_seen.insert(doc.id).second) {
        several.push_back(doc.id + " (" + anns[first].filename().string() + " of " +
                          std::to_string(candidates->size()) + ")");
        for (std::size_t other : *candidates)
          if (other != first) passed_over[other] = true;
      }
      score(doc, first);
    }
  }

  for (std::size_t i = 0; i < anns.size(); ++i) {
    if (!scored_with[i].empty() || passed_over[i]) continue;
    note(anns[i].string() + ": no text (no " + anns[i].stem().string() + ".txt beside it or among the inputs); "
         "not scored");
  }
  if (!several.empty()) {
    std::string list;
    for (const std::string& s : several) list += (list.empty() ? "" : ", ") + s;
    note(std::to_string(several.size()) + (several.size() == 1 ? " text has" : " texts have") +
         " several gold files; the first in sorted order was used: " + list);
  }
  if (!report.unscored_types.empty()) {
    std::string list;
    for (const auto& [type, n] : report.unscored_types)
      list += (list.empty() ? "" : ", ") + type + " (" + std::to_string(n) + ")";
    note("gold types not scored: " + list);
  }
  return report;
}

namespace {

std::string Fixed(double v) {
  char buf[16];
  std::snprintf(buf, sizeof buf, "%.3f", v);
  return buf;
}

std::string Pad(std::string_view s, std::size_t width, bool right) {
  std::string pad(s.size() < width ? width - s.size() : 0, ' ');
  return right ? pad + std::string(s) : std::string(s) + pad;
}

nlohmann::ordered_json ScoresJson(const Scores& s, bool annotated) {
  if (!annotated) return {{"precision", nullptr}, {"recall", nullptr}, {"f1", nullptr}};
  return {{"precision", s.precision}, {"recall", s.recall}, {"f1", s.f1}};
}

// The agreement lines on the Sources found: table name, JSON key, counts.
struct AgreementLine {
  const char* name;
  const char* key;
  const AgreementCounts& counts;
};
std::array<AgreementLine, 2> AgreementLines(const EvalReport& report) {
  return {AgreementLine{"Source type", "source_types", report.source_types},
          AgreementLine{"Source resolved", "resolutions", report.resolutions}};
}

std::string RenderJson(const EvalReport& report, const EvalRenderOptions& options) {
  nlohmann::ordered_json rows = nlohmann::ordered_json::array();
  for (int kind : kRows) {
    const SpanCounts c = kind < 0 ? report.Micro() : report.kinds[kind];
    const bool annotated = kind < 0 ? c.gold > 0 : report.annotated(kind);
    nlohmann::ordered_json row = {{"kind", kind < 0 ? "micro" : EvalKindName(kind)},
                                  {"annotated", annotated},
                                  {"gold", c.gold},
                                  {"predicted", c.predicted}};
    if (options.exact) {
      nlohmann::ordered_json e = {{"matched", c.exact}};
      e.update(ScoresJson(ExactScores(c), annotated));
      row["exact"] = std::move(e);
    }
    if (options.overlap) {
      nlohmann::ordered_json o = {{"predicted_matched", c.predicted_overlapping},
                                  {"gold_matched", c.gold_overlapped}};
      o.update(ScoresJson(OverlapScores(c), annotated));
      row["overlap"] = std::move(o);
    }
    rows.push_back(std::move(row));
  }
  nlohmann::ordered_json unscored = nlohmann::ordered_json::object();
  for (const auto& [type, n] : report.unscored_types) unscored[type] = n;
  nlohmann::ordered_json j = {{"documents", report.documents},
                              {"rows", std::move(rows)},
                              {"unscored_types", std::move(unscored)}};
  if (report.skip_quoted) j["skip_quoted"] = true;
  for (const AgreementLine& a : AgreementLines(report)) {
    const AgreementCounts& c = a.counts;
    if (c.gold > 0) j[a.key] = {{"gold", c.gold}, {"matched", c.matched}, {"agree", c.agree}};
  }
  if (report.keep_differences) {
    nlohmann::ordered_json diffs = nlohmann::ordered_json::array();
    for (const EvalDifference& d : report.differences) {
      nlohmann::ordered_json jd = {{"document", d.document},
                                   {"kind", EvalKindName(d.kind)},
                                   {"type", EvalDifferenceName(d.type)},
                                   {"start", d.span.begin},
                                   {"end", d.span.end},
                                   {"text", d.text}};
      if (d.type != EvalDifference::kMissed && d.type != EvalDifference::kExtra)
        jd["predicted_text"] = d.predicted_text;
      diffs.push_back(std::move(jd));
    }
    j["differences"] = std::move(diffs);
  }
  return j.dump(2) + "\n";
}

// Line breaks and tabs of a span's text as spaces, for a one-line listing.
std::string OneLine(std::string_view text) {
  std::string s(text);
  for (char& c : s)
    if (c == '\n' || c == '\r' || c == '\t') c = ' ';
  return s;
}

std::string RenderTable(const EvalReport& report, const EvalRenderOptions& options) {
  constexpr std::size_t kKind = 18, kCount = 6, kScore = 7;
  const std::size_t block = 3 * kScore;
  // Two title lines: the match mode over each block of P, R, F1.
  std::string head1 = Pad("", kKind + 2 * kCount, false);
  std::string head2 = Pad("", kKind, false) + Pad("gold", kCount, true) + Pad("pred", kCount, true);
  std::vector<std::string> modes;
  if (options.exact) modes.push_back("exact");
  if (options.overlap) modes.push_back("overlap");
  for (const std::string& m : modes) {
    head1 += "  | " + Pad(m, block, false);
    head2 += "  | " + Pad("P", kScore, true) + Pad("R", kScore, true) + Pad("F1", kScore, true);
  }
  const std::string rule(head2.size(), '-');
  std::string out = "documents scored: " + std::to_string(report.documents) + "\n";
  if (report.skip_quoted) out += "claims inside quotations (flag quoted) left out of Cue, Source, Content\n";
  out += "\n";
  while (head1.back() == ' ') head1.pop_back();
  out += head1 + "\n" + head2 + "\n" + rule + "\n";
  for (int kind : kRows) {
    const SpanCounts c = kind < 0 ? report.Micro() : report.kinds[kind];
    const bool annotated = kind < 0 ? c.gold > 0 : report.annotated(kind);
    if (kind == -1 || kind == kCueKind) out += rule + "\n";
    std::string line = Pad(kind < 0 ? "micro (categories)" : EvalKindName(kind), kKind, false) +
                       Pad(std::to_string(c.gold), kCount, true) + Pad(std::to_string(c.predicted), kCount, true);
    if (!annotated) {
      line += "  | not annotated";
    } else {
      for (const std::string& m : modes) {
        const Scores s = m == "exact" ? ExactScores(c) : OverlapScores(c);
        line += "  | " + Pad(Fixed(s.precision), kScore, true) + Pad(Fixed(s.recall), kScore, true) +
                Pad(Fixed(s.f1), kScore, true);
      }
    }
    out += line + "\n";
  }
  // Agreement on the Sources found, when the gold says what they are.
  for (const AgreementLine& a : AgreementLines(report)) {
    const AgreementCounts& c = a.counts;
    if (c.gold == 0) continue;
    out += Pad(a.name, kKind, false) + Pad(std::to_string(c.gold), kCount, true) +
           Pad(std::to_string(c.matched), kCount, true) + "  | agree " + std::to_string(c.agree) + " of " +
           std::to_string(c.matched) + " found: " + Fixed(c.matched ? double(c.agree) / double(c.matched) : 0.0) + "\n";
  }
  if (options.differences) {
    out += "\ndifferences (document, kind, what, code points, gold text | predicted text):\n";
    for (const EvalDifference& d : report.differences) {
      out += d.document + "\t" + std::string(EvalKindName(d.kind)) + "\t" +
             std::string(EvalDifferenceName(d.type)) + "\t" + std::to_string(d.span.begin) + "-" +
             std::to_string(d.span.end) + "\t" + OneLine(d.text);
      if (d.type == EvalDifference::kBoundary) out += "\t| " + OneLine(d.predicted_text);
      if (d.type == EvalDifference::kSourceType || d.type == EvalDifference::kResolved) {
        out += '\t';
        out += OneLine(d.predicted_text);
      }
      out += "\n";
    }
  }
  return out;
}

}  // namespace

std::string RenderEvalReport(const EvalReport& report, const EvalRenderOptions& options) {
  return options.format == EvalRenderOptions::kJson ? RenderJson(report, options) : RenderTable(report, options);
}

}  // namespace evident
