// Lint: checks of a loaded pack that need the matcher or a corpus.
#include <re2/re2.h>

#include <map>

#include "annotate/annotate.h"

namespace evident {

namespace {

// True if the rule's pattern can match the empty string somewhere in a few
// small texts: such a rule would tag nothing or everything.
bool MatchesEmpty(const Rule& rule) {
  RE2::Options opt;
  opt.set_case_sensitive(rule.case_sensitive);
  opt.set_log_errors(false);
  RE2 re(rule.pattern, opt);
  if (!re.ok()) return false;
  for (std::string_view text : {"", "a", " ", "a b.", "The end."}) {
    re2::StringPiece input(text.data(), text.size()), m;
    for (std::size_t pos = 0; pos <= text.size(); ++pos)
      if (re.Match(input, pos, text.size(), RE2::UNANCHORED, &m, 1) && m.empty()) return true;
  }
  return false;
}

}  // namespace

LintReport LintPack(const Annotator& annotator, const LintOptions& options) {
  const Pack& pack = annotator.pack();
  LintReport report;
  for (const PackNote& n : pack.notes) report.issues.push_back({LintIssue::kWarning, n.where, "", n.message});

  AnnotatorOptions traced = annotator.options();
  traced.trace = true;
  Annotator tracer(pack, traced);
  auto scratch = tracer.NewScratch();
  AnnotatedDocument out;
  for (std::uint32_t r = 0; r < pack.rules.size(); ++r) {
    const Rule& rule = pack.rules[r];
    if (MatchesEmpty(rule))
      report.issues.push_back({LintIssue::kError, rule.where, rule.id, "the pattern can match the empty string"});
    for (const RuleTest& t : rule.match_tests) {
      Document doc;
      doc.text = t.text;
      tracer.Annotate(doc, scratch.get(), &out);
      bool fired = false;
      for (const Annotation& a : out.annotations) fired = fired || a.rule == r;
      if (fired) continue;
      for (const Overruled& o : out.trace.overruled) {
        if (o.match.rule != r) continue;
        report.issues.push_back({LintIssue::kError, t.where, rule.id,
                                 "shadowed: its own example is taken by rule '" + pack.rules[o.winner_rule].id + "'"});
        break;
      }
      for (const Suppression& x : out.trace.suppressed) {
        if (x.match.rule != r) continue;
        report.issues.push_back({LintIssue::kError, t.where, rule.id,
                                 "its own example is suppressed by its except: pattern " +
                                     std::to_string(x.except_index + 1)});
        break;
      }
    }
  }

  if (!options.corpus.empty()) {
    DocumentReader reader(options.corpus, InputFormat::kAuto);
    std::vector<std::size_t> fired(pack.rules.size());
    Document doc;
    while (reader.Next(&doc)) {
      annotator.Annotate(doc, scratch.get(), &out);
      report.corpus_sentences += out.sentences.size();
      for (const Sentence& s : out.sentences) {
        std::vector<bool> seen(pack.rules.size());
        for (std::size_t i = s.first_annotation; i < s.first_annotation + s.num_annotations; ++i) {
          const std::uint32_t rr = out.annotations[i].rule;
          if (!seen[rr]) ++fired[rr];
          seen[rr] = true;
        }
      }
    }
    if (report.corpus_sentences > 0) {
      for (std::size_t r = 0; r < pack.rules.size(); ++r) {
        const double share = static_cast<double>(fired[r]) / static_cast<double>(report.corpus_sentences);
        if (share > options.max_share) {
          char buf[128];
          std::snprintf(buf, sizeof buf, "too broad: fires in %.0f%% of %zu corpus sentences (limit %.0f%%)",
                        share * 100, report.corpus_sentences, options.max_share * 100);
          report.issues.push_back({LintIssue::kWarning, pack.rules[r].where, pack.rules[r].id, buf});
        }
      }
    }
  }
  for (const LintIssue& i : report.issues) (i.severity == LintIssue::kError ? report.errors : report.warnings)++;
  return report;
}

}  // namespace evident
