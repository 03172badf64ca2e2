// JSON Lines, schema evident/1 (docs/formats.md): one object per document.
#include <nlohmann/json.hpp>

#include "output/output.h"

namespace evident {

namespace {

using Json = nlohmann::ordered_json;

class JsonlWriter final : public Writer {
 public:
  JsonlWriter(const Pack& pack, WriterOptions options) : pack_(pack), options_(options) {}

  void Render(const AnnotatedDocument& a, std::string* out) const override {
    const Document& doc = *a.doc;
    const OffsetConverter to(doc.text, options_.offsets);
    // The record is serialized a sentence at a time, so memory follows the
    // largest sentence rather than the whole document: the head object is
    // dumped without its closing brace, the sentences follow as an array,
    // and the tail object is dumped without its opening brace.
    Json head;
    head["schema"] = kSchema;
    head["id"] = doc.id;
    head["offset_unit"] = OffsetUnitName(options_.offsets);
    std::string piece = Dump(head);
    piece.pop_back();
    out->append(piece);
    out->append(",\"sentences\":[");
    for (const Sentence& s : a.sentences) {
      if (s.index > 0) out->push_back(',');
      out->append(Dump(SentenceJson(a, s, to)));
    }
    out->append("],");
    Json tail;
    Json claims = Json::array();
    for (std::size_t i = 0; i < a.claims.size(); ++i) claims.push_back(ClaimJson(a, i, to));
    tail["claims"] = std::move(claims);
    Json errors = Json::array();
    for (const DocumentError& e : a.errors) {
      Json je;
      je["message"] = e.message;
      je["file"] = e.origin;
      if (e.line > 0) je["line"] = e.line;
      if (e.byte_offset) je["byte_offset"] = *e.byte_offset;
      errors.push_back(std::move(je));
    }
    tail["errors"] = std::move(errors);
    tail["warnings"] = a.warnings;
    piece = Dump(tail);
    out->append(piece, 1, std::string::npos);
    out->push_back('\n');
  }

 private:
  // Text is valid UTF-8 (the reader checks), so dumping cannot fail; keep
  // non-ASCII as UTF-8 rather than \u escapes.
  static std::string Dump(const Json& j) { return j.dump(-1, ' ', false, Json::error_handler_t::replace); }

  Json SpanJson(std::string_view text, Span s, const OffsetConverter& to) const {
    Json j;
    j["start"] = to(s.begin);
    j["end"] = to(s.end);
    j["text"] = text.substr(s.begin, s.size());
    return j;
  }

  Json ClaimJson(const AnnotatedDocument& a, std::size_t index, const OffsetConverter& to) const {
    const std::string_view text = a.doc->text;
    const Claim& c = a.claims[index];
    Json j;
    j["id"] = ClaimId(index);
    j["sentence"] = c.sentence;
    // The source object always carries the type; start/end/text only when
    // the text names a source.
    Json source = c.source.empty() ? Json::object() : SpanJson(text, c.source, to);
    source["type"] = SourceTypeName(c.source_type);
    if (!c.resolved.empty()) source["resolved"] = c.resolved;
    j["source"] = std::move(source);
    if (!c.cue.empty()) {
      Json cue = SpanJson(text, c.cue, to);
      if (c.cue_annotation) cue["annotation"] = AnnotationId(*c.cue_annotation);
      j["cue"] = std::move(cue);
    }
    j["content"] = SpanJson(text, c.content, to);
    j["stance"] = c.stance;
    Json factors = Json::array();
    for (const Factor& f : c.evidence.factors) {
      Json jf;
      jf["kind"] = f.kind;
      if (f.rule) jf["rule"] = pack_.rules[*f.rule].id;
      if (f.annotation) jf["annotation"] = AnnotationId(*f.annotation);
      jf["effect"] = f.effect;
      jf["message"] = f.message;
      factors.push_back(std::move(jf));
    }
    Json evidence;
    evidence["score"] = c.evidence.score;
    evidence["label"] = c.evidence.label;
    evidence["factors"] = std::move(factors);
    j["evidence"] = std::move(evidence);
    Json flags = Json::array();
    if (!c.disputed_by.empty()) flags.push_back("disputed");
    j["flags"] = std::move(flags);
    if (!c.disputed_by.empty()) {
      Json by = Json::array();
      for (std::size_t d : c.disputed_by) by.push_back(ClaimId(d));
      j["disputed_by"] = std::move(by);
    }
    return j;
  }

  Json SentenceJson(const AnnotatedDocument& a, const Sentence& s, const OffsetConverter& to) const {
    const std::string_view text = a.doc->text;
    Json js;
    js["index"] = s.index;
    js["start"] = to(s.span.begin);
    js["end"] = to(s.span.end);
    js["text"] = text.substr(s.span.begin, s.span.size());
    if (s.split) js["split"] = true;
    Json annotations = Json::array();
    for (std::size_t i = s.first_annotation; i < s.first_annotation + s.num_annotations; ++i) {
      const Annotation& an = a.annotations[i];
      const Rule& rule = pack_.rules[an.rule];
      Json ja;
      ja["id"] = AnnotationId(i);
      ja["category"] = CategoryName(rule.category);
      ja["type"] = rule.type;
      ja["rule"] = rule.id;
      ja["start"] = to(an.span.begin);
      ja["end"] = to(an.span.end);
      ja["text"] = text.substr(an.span.begin, an.span.size());
      ja["message"] = rule.message;
      annotations.push_back(std::move(ja));
    }
    js["annotations"] = std::move(annotations);
    return js;
  }

  const Pack& pack_;
  WriterOptions options_;
};

}  // namespace

std::unique_ptr<Writer> MakeJsonlWriter(const Pack& pack, WriterOptions options) {
  return std::make_unique<JsonlWriter>(pack, options);
}

}  // namespace evident
