// JSON Lines, schema evident/1 (docs/formats.md): one object per document.
//
// The record is written straight into the output string (JsonStream), a
// sentence at a time, so memory follows the output rather than a DOM of it.
// What never changes between records — each rule's category, type, id and
// message — is rendered once, when the writer is made.
#include "output/json_stream.h"
#include "output/output.h"

namespace evident {

namespace {

class JsonlWriter final : public Writer {
 public:
  JsonlWriter(const Pack& pack, WriterOptions options) : options_(options) {
    rules_.reserve(pack.rules.size());
    for (const Rule& rule : pack.rules) {
      RenderedRule r;
      JsonStream j(&r.head);
      j.Raw(",\"category\":");
      j.String(CategoryName(rule.category));
      j.Raw(",\"type\":");
      j.String(rule.type);
      j.Raw(",\"rule\":");
      j.String(rule.id);
      JsonStream(&r.id).String(rule.id);
      JsonStream t(&r.tail);
      t.Raw(",\"message\":");
      t.String(rule.message);
      t.Char('}');
      rules_.push_back(std::move(r));
    }
  }

  void Render(const AnnotatedDocument& a, std::string* out) const override {
    const Document& doc = *a.doc;
    const OffsetConverter to(doc.text, options_.offsets);
    JsonStream j(out);
    j.Raw("{\"schema\":");
    j.String(kSchema);
    j.Raw(",\"id\":");
    j.String(doc.id);
    j.Raw(",\"offset_unit\":");
    j.String(OffsetUnitName(options_.offsets));
    j.Raw(",\"sentences\":[");
    for (const Sentence& s : a.sentences) {
      if (s.index > 0) j.Char(',');
      WriteSentence(a, s, to, j);
    }
    j.Raw("],\"claims\":[");
    for (std::size_t i = 0; i < a.claims.size(); ++i) {
      if (i > 0) j.Char(',');
      WriteClaim(a, i, to, j);
    }
    j.Raw("],\"errors\":[");
    for (std::size_t i = 0; i < a.errors.size(); ++i) {
      const DocumentError& e = a.errors[i];
      j.Raw(i > 0 ? ",{\"message\":" : "{\"message\":");
      j.String(e.message);
      j.Raw(",\"file\":");
      j.String(e.origin);
      if (e.line > 0) {
        j.Raw(",\"line\":");
        j.Number(e.line);
      }
      if (e.byte_offset) {
        j.Raw(",\"byte_offset\":");
        j.Number(*e.byte_offset);
      }
      j.Char('}');
    }
    j.Raw("],\"warnings\":[");
    for (std::size_t i = 0; i < a.warnings.size(); ++i) {
      if (i > 0) j.Char(',');
      j.String(a.warnings[i]);
    }
    j.Raw("]}\n");
  }

 private:
  // A rule's constant parts, as JSON: `,"category":..,"type":..,"rule":..`,
  // the quoted id, and `,"message":..}`.
  struct RenderedRule {
    std::string head, id, tail;
  };

  // "start":N,"end":N,"text":"..." (no braces).
  static void WriteSpan(std::string_view text, Span s, const OffsetConverter& to, JsonStream& j) {
    j.Raw("\"start\":");
    j.Number(to(s.begin));
    j.Raw(",\"end\":");
    j.Number(to(s.end));
    j.Raw(",\"text\":");
    j.String(text.substr(s.begin, s.size()));
  }

  void WriteSentence(const AnnotatedDocument& a, const Sentence& s, const OffsetConverter& to,
                     JsonStream& j) const {
    const std::string_view text = a.doc->text;
    j.Raw("{\"index\":");
    j.Number(s.index);
    j.Char(',');
    WriteSpan(text, s.span, to, j);
    if (s.split) j.Raw(",\"split\":true");
    j.Raw(",\"annotations\":[");
    for (std::size_t i = s.first_annotation; i < s.first_annotation + s.num_annotations; ++i) {
      const Annotation& an = a.annotations[i];
      const RenderedRule& rule = rules_[an.rule];
      j.Raw(i > s.first_annotation ? ",{\"id\":" : "{\"id\":");
      j.String(AnnotationId(i));
      j.Raw(rule.head);
      j.Char(',');
      WriteSpan(text, an.span, to, j);
      j.Raw(rule.tail);
    }
    j.Raw("]}");
  }

  void WriteClaim(const AnnotatedDocument& a, std::size_t index, const OffsetConverter& to, JsonStream& j) const {
    const std::string_view text = a.doc->text;
    const Claim& c = a.claims[index];
    j.Raw("{\"id\":");
    j.String(ClaimId(index));
    j.Raw(",\"sentence\":");
    j.Number(c.sentence);
    // The source object always carries the type; start/end/text only when
    // the text names a source.
    j.Raw(",\"source\":{");
    if (!c.source.empty()) {
      WriteSpan(text, c.source, to, j);
      j.Char(',');
    }
    j.Raw("\"type\":");
    j.String(SourceTypeName(c.source_type));
    if (!c.resolved.empty()) {
      j.Raw(",\"resolved\":");
      j.String(c.resolved);
    }
    j.Char('}');
    if (!c.cue.empty()) {
      j.Raw(",\"cue\":{");
      WriteSpan(text, c.cue, to, j);
      if (c.cue_annotation) {
        j.Raw(",\"annotation\":");
        j.String(AnnotationId(*c.cue_annotation));
      }
      j.Char('}');
    }
    j.Raw(",\"content\":{");
    WriteSpan(text, c.content, to, j);
    j.Raw("},\"stance\":");
    j.String(c.stance);
    j.Raw(",\"evidence\":{\"score\":");
    j.Number(c.evidence.score);
    j.Raw(",\"label\":");
    j.String(c.evidence.label);
    j.Raw(",\"factors\":[");
    for (std::size_t i = 0; i < c.evidence.factors.size(); ++i) {
      const Factor& f = c.evidence.factors[i];
      j.Raw(i > 0 ? ",{\"kind\":" : "{\"kind\":");
      j.String(f.kind);
      if (f.rule) {
        j.Raw(",\"rule\":");
        j.Raw(rules_[*f.rule].id);
      }
      if (f.annotation) {
        j.Raw(",\"annotation\":");
        j.String(AnnotationId(*f.annotation));
      }
      j.Raw(",\"effect\":");
      j.Number(f.effect);
      j.Raw(",\"message\":");
      j.String(f.message);
      j.Char('}');
    }
    j.Raw("]},\"flags\":[");
    if (!c.disputed_by.empty()) j.Raw("\"disputed\"");
    j.Char(']');
    if (!c.disputed_by.empty()) {
      j.Raw(",\"disputed_by\":[");
      for (std::size_t i = 0; i < c.disputed_by.size(); ++i) {
        if (i > 0) j.Char(',');
        j.String(ClaimId(c.disputed_by[i]));
      }
      j.Char(']');
    }
    j.Char('}');
  }

  WriterOptions options_;
  std::vector<RenderedRule> rules_;
};

}  // namespace

std::unique_ptr<Writer> MakeJsonlWriter(const Pack& pack, WriterOptions options) {
  return std::make_unique<JsonlWriter>(pack, options);
}

}  // namespace evident
