// Rule tests: every rule's match:/no_match: sentences, run through the whole
// pack so that a rule shadowed by a longer match of another rule fails.
#include "annotate/annotate.h"

namespace evident {

namespace {

std::string Describe(const Pack& pack, const Annotation& a, std::string_view text) {
  return "'" + pack.rules[a.rule].id + "' on \"" + std::string(text.substr(a.span.begin, a.span.size())) + "\"";
}

}  // namespace

RuleTestReport RunRuleTests(const Annotator& annotator) {
  const Pack& pack = annotator.pack();
  auto scratch = annotator.NewScratch();
  RuleTestReport report;
  AnnotatedDocument out;
  for (std::uint32_t r = 0; r < pack.rules.size(); ++r) {
    const Rule& rule = pack.rules[r];
    ++report.rules;
    auto run = [&](const RuleTest& t, bool want) {
      ++report.cases;
      Document doc;
      doc.id = rule.id;
      doc.origin = t.where.file;
      doc.text = t.text;
      annotator.Annotate(doc, scratch.get(), &out);
      if (!out.errors.empty()) {
        report.failures.push_back({rule.id, t.where, t.text, out.errors.front().message});
        return;
      }
      std::string fired;  // this rule's annotations
      std::string others;
      for (const Annotation& a : out.annotations) {
        std::string& list = a.rule == r ? fired : others;
        if (!list.empty()) list += ", ";
        list += Describe(pack, a, doc.text);
      }
      if (want && !fired.empty() && (t.source || t.cue || t.content)) {
        // The claim this rule's cue produced must have the expected parts.
        auto part = [&](Span sp) { return doc.text.substr(sp.begin, sp.size()); };
        std::string got = "no claim from this rule's cue";
        bool ok = false;
        for (const Claim& c : out.claims) {
          if (!c.cue_annotation || out.annotations[*c.cue_annotation].rule != r) continue;
          ok = (!t.source || part(c.source) == *t.source) && (!t.cue || part(c.cue) == *t.cue) &&
               (!t.content || part(c.content) == *t.content);
          got = "source \"" + part(c.source) + "\", cue \"" + part(c.cue) + "\", content \"" + part(c.content) + "\"";
          if (ok) break;
        }
        if (!ok) {
          std::string want_s = "expected";
          if (t.source) want_s += " source \"" + *t.source + "\"";
          if (t.cue) want_s += " cue \"" + *t.cue + "\"";
          if (t.content) want_s += " content \"" + *t.content + "\"";
          report.failures.push_back({rule.id, t.where, t.text, want_s + "; got " + got});
        }
      }
      if (want && fired.empty()) {
        report.failures.push_back({rule.id, t.where, t.text,
                                   "expected a match, got none" +
                                       (others.empty() ? std::string() : " (the sentence got: " + others + ")")});
      } else if (!want && !fired.empty()) {
        report.failures.push_back({rule.id, t.where, t.text, "expected no match, got " + fired});
      }
    };
    for (const RuleTest& t : rule.match_tests) run(t, true);
    for (const RuleTest& t : rule.no_match_tests) run(t, false);
  }
  return report;
}

}  // namespace evident
