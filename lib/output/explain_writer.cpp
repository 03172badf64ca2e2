// The explain format: for a person, sentence by sentence, which rules fired
// and why, which matches were dropped (except: or an overlap), and how each
// claim's score was formed. Plain text, meant to be read, not parsed.
#include <cstdio>

#include "output/output.h"

namespace evident {

namespace {

std::string Quote(std::string_view text, Span s) {
  std::string q = "\"";
  q.append(text.substr(s.begin, s.size()));
  q += '"';
  return q;
}

std::string Signed(double x) {
  char buf[32];
  std::snprintf(buf, sizeof buf, "%+.2f", x);
  return buf;
}

std::string Article(std::string_view word) {
  return (!word.empty() && std::string_view("aeiou").find(word[0]) != std::string_view::npos) ? "an" : "a";
}

class ExplainWriter final : public Writer {
 public:
  explicit ExplainWriter(const Pack& pack) : pack_(pack) {}

  void Render(const AnnotatedDocument& a, std::string* out) const override {
    const std::string_view text = a.doc->text;
    std::string& o = *out;
    o += "== " + a.doc->id + " ==\n";
    for (const DocumentError& e : a.errors) o += "error: " + e.ToString() + "\n";
    for (const std::string& w : a.warnings) o += "warning: " + w + "\n";
    for (const Sentence& s : a.sentences) {
      std::vector<std::size_t> claims;
      for (std::size_t i = 0; i < a.claims.size(); ++i)
        if (a.claims[i].sentence == s.index) claims.push_back(i);
      std::vector<const Suppression*> suppressed;
      for (const auto& x : a.trace.suppressed)
        if (x.match.span.begin >= s.span.begin && x.match.span.end <= s.span.end) suppressed.push_back(&x);
      std::vector<const Overruled*> overruled;
      for (const auto& x : a.trace.overruled)
        if (x.match.span.begin >= s.span.begin && x.match.span.end <= s.span.end) overruled.push_back(&x);
      if (s.num_annotations == 0 && claims.empty() && suppressed.empty() && overruled.empty()) continue;

      o += "\nSentence " + std::to_string(s.index + 1) + ": " + Quote(text, s.span) + "\n";
      if (s.num_annotations > 0) o += "  Markers:\n";
      for (std::size_t i = s.first_annotation; i < s.first_annotation + s.num_annotations; ++i) {
        const Annotation& an = a.annotations[i];
        const Rule& r = pack_.rules[an.rule];
        o += "    " + AnnotationId(i) + " " + Quote(text, an.span) + " is " + Article(r.type) + " " + r.type + " " +
             std::string(CategoryName(r.category)) + " (rule " + r.id + ").\n";
        o += "       " + r.message + "\n";
      }
      for (const Suppression* x : suppressed) {
        const Rule& r = pack_.rules[x->match.rule];
        o += "  Not a marker here: " + Quote(text, x->match.span) + " (rule " + r.id + ") because the exception " +
             Quote(text, x->except_span) + " applies.\n";
      }
      for (const Overruled* x : overruled) {
        o += "  Overlap: " + Quote(text, x->match.span) + " (rule " + pack_.rules[x->match.rule].id +
             ") gave way to the longer or stronger match of rule " + pack_.rules[x->winner_rule].id + ".\n";
      }
      for (std::size_t ci : claims) RenderClaim(a, ci, &o);
    }
    o += "\n";
  }

 private:
  void RenderClaim(const AnnotatedDocument& a, std::size_t index, std::string* out) const {
    const std::string_view text = a.doc->text;
    const Claim& c = a.claims[index];
    std::string& o = *out;
    o += "  Claim " + ClaimId(index) + (c.stance == "denial" ? " (a denial)" : "") + ":\n";
    std::string who;
    if (c.source_type == SourceType::kAuthor) {
      who = "the writer, without naming a source";
    } else if (c.source.empty()) {
      who = "no one named (" + std::string(SourceTypeName(c.source_type)) + " source)";
    } else {
      who = Quote(text, c.source) + ", " + Article(SourceTypeName(c.source_type)) + " " +
            std::string(SourceTypeName(c.source_type)) + " source";
      if (!c.resolved.empty()) who += ", taken to mean " + c.resolved;
    }
    o += "    who:   " + who + "\n";
    if (!c.cue.empty()) o += "    cue:   " + Quote(text, c.cue) + "\n";
    o += "    what:  " + Quote(text, c.content) + "\n";
    if (!c.scope.empty() && c.scope != c.content)
      o += "    scope: " + Quote(text, c.scope) + " (markers here count for this claim)\n";
    if (c.quoted) {
      o += "    quoted: the cue is inside a quotation or a speaker's turn, so these are the quoted speaker's words";
      o += c.quoted_in ? " (the quotation of " + ClaimId(*c.quoted_in) + ")\n" : std::string("\n");
    }
    if (c.continues)
      o += "    continues: the speaker's words go on from " + ClaimId(*c.continues) +
           ", so its speaker and cue are that claim's\n";
    if (!c.disputed_by.empty()) {
      o += "    disputed by:";
      for (std::size_t d : c.disputed_by) {
        o += ' ';
        o += ClaimId(d);
      }
      o += "\n";
    }
    char score[16];
    std::snprintf(score, sizeof score, "%.2f", c.evidence.score);
    o += "    score: " + std::string(score) + " (" + c.evidence.label + "), from these factors:\n";
    for (const Factor& f : c.evidence.factors) {
      o += "      " + Signed(f.effect) + "  " + f.message;
      if (f.annotation) o += " [" + AnnotationId(*f.annotation) + " " + Quote(text, a.annotations[*f.annotation].span) + "]";
      o += "\n";
    }
  }

  const Pack& pack_;
};

}  // namespace

std::unique_ptr<Writer> MakeExplainWriter(const Pack& pack) { return std::make_unique<ExplainWriter>(pack); }

}  // namespace evident
