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
    const std::string_view text = doc.text;
    const OffsetConverter to(text, options_.offsets);
    Json record;
    record["schema"] = kSchema;
    record["id"] = doc.id;
    record["offset_unit"] = OffsetUnitName(options_.offsets);
    Json sentences = Json::array();
    for (const Sentence& s : a.sentences) {
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
        ja["id"] = an.id;
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
      sentences.push_back(std::move(js));
    }
    record["sentences"] = std::move(sentences);
    record["claims"] = Json::array();
    Json errors = Json::array();
    for (const DocumentError& e : a.errors) {
      Json je;
      je["message"] = e.message;
      je["file"] = e.origin;
      if (e.line > 0) je["line"] = e.line;
      if (e.byte_offset) je["byte_offset"] = *e.byte_offset;
      errors.push_back(std::move(je));
    }
    record["errors"] = std::move(errors);
    record["warnings"] = a.warnings;
    // Input text is valid UTF-8 (the reader checks), so dump cannot throw on
    // it; keep non-ASCII as UTF-8 rather than \u escapes.
    out->append(record.dump(-1, ' ', false, Json::error_handler_t::replace));
    out->push_back('\n');
  }

 private:
  const Pack& pack_;
  WriterOptions options_;
};

}  // namespace

std::vector<std::string> WriterNames() { return {"jsonl"}; }

std::unique_ptr<Writer> MakeWriter(std::string_view format, const Pack& pack, WriterOptions options) {
  if (format == "jsonl") return std::make_unique<JsonlWriter>(pack, options);
  return nullptr;
}

}  // namespace evident
