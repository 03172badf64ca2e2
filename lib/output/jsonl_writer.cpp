// JSON Lines, schema evident/1 (docs/formats.md): one object per document.
//
// The record is written straight into the output string (JsonStream), a
// sentence at a time, so memory follows the output rather than a DOM of it.
// What never changes between records — each rule's category, type, id and
// message — is rendered once, when the writer is made.
#include <stdlib.h>
#include <unistd.h>

#include <algorithm>
#include <cerrno>
#include <cstdio>
#include <cstring>
#include <stdexcept>

#include "output/json_stream.h"
#include "output/output.h"

namespace evident {

namespace {

// Where one piece of a record starts in the whole record's numbering: 0 for
// a document written whole; the counts of the earlier sections otherwise.
struct Bases {
  std::size_t sentence = 0, annotation = 0, claim = 0;
  std::size_t units = 0;  // offset units before the section
};

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
    const OffsetConverter to(a.doc->text, options_.offsets);
    JsonStream j(out);
    WriteHead(*a.doc, j);
    const Bases none;
    WriteSentences(a, to, none, j);
    j.Raw("],\"claims\":[");
    WriteClaims(a, to, none, j);
    WriteTail(a.errors, a.warnings, j);
  }

  bool WritesSections() const override { return true; }
  std::unique_ptr<SectionWriter> BeginSections() const override;

 private:
  friend class JsonlSectionWriter;

  // `{"schema":..,"id":..,"offset_unit":..,"sentences":[`
  void WriteHead(const Document& doc, JsonStream& j) const {
    j.Raw("{\"schema\":");
    j.String(kSchema);
    j.Raw(",\"id\":");
    j.String(doc.id);
    j.Raw(",\"offset_unit\":");
    j.String(OffsetUnitName(options_.offsets));
    j.Raw(",\"sentences\":[");
  }

  // `],"errors":[..],"warnings":[..]}` and the newline.
  static void WriteTail(const std::vector<DocumentError>& errors, const std::vector<std::string>& warnings,
                        JsonStream& j) {
    j.Raw("],\"errors\":[");
    for (std::size_t i = 0; i < errors.size(); ++i) {
      const DocumentError& e = errors[i];
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
    for (std::size_t i = 0; i < warnings.size(); ++i) {
      if (i > 0) j.Char(',');
      j.String(warnings[i]);
    }
    j.Raw("]}\n");
  }

  // A rule's constant parts, as JSON: `,"category":..,"type":..,"rule":..`,
  // the quoted id, and `,"message":..}`.
  struct RenderedRule {
    std::string head, id, tail;
  };

  // "start":N,"end":N,"text":"..." (no braces).
  static void WriteSpan(std::string_view text, Span s, const OffsetConverter& to, const Bases& b, JsonStream& j) {
    j.Raw("\"start\":");
    j.Number(b.units + to(s.begin));
    j.Raw(",\"end\":");
    j.Number(b.units + to(s.end));
    j.Raw(",\"text\":");
    j.String(text.substr(s.begin, s.size()));
  }

  // The sentences (or claims) of `a`, each after a comma unless it is the
  // record's first.
  void WriteSentences(const AnnotatedDocument& a, const OffsetConverter& to, const Bases& b, JsonStream& j) const {
    for (const Sentence& s : a.sentences) {
      if (b.sentence + s.index > 0) j.Char(',');
      WriteSentence(a, s, to, b, j);
    }
  }
  void WriteClaims(const AnnotatedDocument& a, const OffsetConverter& to, const Bases& b, JsonStream& j) const {
    for (std::size_t i = 0; i < a.claims.size(); ++i) {
      if (b.claim + i > 0) j.Char(',');
      WriteClaim(a, i, to, b, j);
    }
  }

  void WriteSentence(const AnnotatedDocument& a, const Sentence& s, const OffsetConverter& to, const Bases& b,
                     JsonStream& j) const {
    const std::string_view text = a.doc->text;
    j.Raw("{\"index\":");
    j.Number(b.sentence + s.index);
    j.Char(',');
    WriteSpan(text, s.span, to, b, j);
    if (s.split) j.Raw(",\"split\":true");
    j.Raw(",\"annotations\":[");
    for (std::size_t i = s.first_annotation; i < s.first_annotation + s.num_annotations; ++i) {
      const Annotation& an = a.annotations[i];
      const RenderedRule& rule = rules_[an.rule];
      j.Raw(i > s.first_annotation ? ",{\"id\":" : "{\"id\":");
      j.String(AnnotationId(b.annotation + i));
      j.Raw(rule.head);
      j.Char(',');
      WriteSpan(text, an.span, to, b, j);
      j.Raw(rule.tail);
    }
    j.Raw("]}");
  }

  void WriteClaim(const AnnotatedDocument& a, std::size_t index, const OffsetConverter& to, const Bases& b,
                  JsonStream& j) const {
    const std::string_view text = a.doc->text;
    const Claim& c = a.claims[index];
    j.Raw("{\"id\":");
    j.String(ClaimId(b.claim + index));
    j.Raw(",\"sentence\":");
    j.Number(b.sentence + c.sentence);
    // The source object always carries the type; start/end/text only when
    // the text names a source.
    j.Raw(",\"source\":{");
    if (!c.source.empty()) {
      WriteSpan(text, c.source, to, b, j);
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
      WriteSpan(text, c.cue, to, b, j);
      if (c.cue_annotation) {
        j.Raw(",\"annotation\":");
        j.String(AnnotationId(b.annotation + *c.cue_annotation));
      }
      j.Char('}');
    }
    j.Raw(",\"content\":{");
    WriteSpan(text, c.content, to, b, j);
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
        j.String(AnnotationId(b.annotation + *f.annotation));
      }
      j.Raw(",\"effect\":");
      j.Number(f.effect);
      j.Raw(",\"message\":");
      j.String(f.message);
      j.Char('}');
    }
    j.Raw("]},\"flags\":[");
    const std::vector<std::string_view> flags = ClaimFlags(c);
    for (std::size_t i = 0; i < flags.size(); ++i) {
      if (i > 0) j.Char(',');
      j.String(flags[i]);
    }
    j.Char(']');
    if (!c.disputed_by.empty()) {
      j.Raw(",\"disputed_by\":[");
      for (std::size_t i = 0; i < c.disputed_by.size(); ++i) {
        if (i > 0) j.Char(',');
        j.String(ClaimId(b.claim + c.disputed_by[i]));
      }
      j.Char(']');
    }
    if (c.quoted_in) {
      j.Raw(",\"quoted_in\":");
      j.String(ClaimId(b.claim + *c.quoted_in));
    }
    if (c.continues) {
      j.Raw(",\"continues\":");
      j.String(ClaimId(b.claim + *c.continues));
    }
    j.Char('}');
  }

  WriterOptions options_;
  std::vector<RenderedRule> rules_;
};

// A record written a section at a time: the head and each section's
// sentences go out at once; claims, which the schema puts after all the
// sentences, wait in an unlinked temporary file (in $TMPDIR, else /tmp).
class JsonlSectionWriter final : public SectionWriter {
 public:
  explicit JsonlSectionWriter(const JsonlWriter& writer) : writer_(writer) {
    const char* dir = std::getenv("TMPDIR");
    std::string path = std::string(dir && *dir ? dir : "/tmp") + "/evident-claims-XXXXXX";
    const int fd = ::mkstemp(path.data());
    if (fd < 0 || ::unlink(path.c_str()) != 0 || !(claims_ = ::fdopen(fd, "w+b"))) {
      const int err = errno;
      if (fd >= 0) ::close(fd);
      throw std::runtime_error("cannot make a temporary file for a large document's claims (" + path +
                               "): " + std::strerror(err));
    }
  }
  ~JsonlSectionWriter() override {
    if (claims_) std::fclose(claims_);
  }

  bool Add(const AnnotatedDocument& a, const Sink& sink) override {
    std::string out;
    JsonStream j(&out);
    if (sections_ == 0) writer_.WriteHead(*a.doc, j);
    const OffsetConverter to(a.doc->text, writer_.options_.offsets);
    writer_.WriteSentences(a, to, bases_, j);
    std::string claims;
    JsonStream c(&claims);
    writer_.WriteClaims(a, to, bases_, c);
    if (!claims.empty() && std::fwrite(claims.data(), 1, claims.size(), claims_) != claims.size()) {
      spill_failed_ = true;
      errors_.push_back({a.doc->origin, 0, std::nullopt,
                         std::string("cannot write the temporary file of claims: ") + std::strerror(errno)});
    }
    errors_.insert(errors_.end(), a.errors.begin(), a.errors.end());
    for (const std::string& w : a.warnings) {
      if (std::find(warnings_.begin(), warnings_.end(), w) == warnings_.end()) warnings_.push_back(w);
    }
    origin_ = a.doc->origin;
    ++sections_;
    bases_.sentence += a.sentences.size();
    bases_.annotation += a.annotations.size();
    bases_.claim += a.claims.size();
    bases_.units += to(a.doc->text.size());
    return sink(out);
  }

  bool Finish(const Sink& sink, std::string_view interruption) override {
    if (!sink("],\"claims\":[")) return false;
    if (!spill_failed_) {
      std::rewind(claims_);
      std::string chunk(1 << 20, '\0');
      for (std::size_t n; (n = std::fread(chunk.data(), 1, chunk.size(), claims_)) > 0;) {
        if (!sink(std::string_view(chunk).substr(0, n))) return false;
      }
    }
    if (!interruption.empty()) errors_.push_back({origin_, 0, std::nullopt, std::string(interruption)});
    warnings_.push_back("the document was annotated in " + std::to_string(sections_) +
                        " sections, cut after blank lines, because it is too large to hold whole; "
                        "pronoun sources and disputes are found within a section only");
    std::string out;
    JsonStream j(&out);
    JsonlWriter::WriteTail(errors_, warnings_, j);
    return sink(out);
  }

 private:
  const JsonlWriter& writer_;
  std::FILE* claims_ = nullptr;
  bool spill_failed_ = false;
  Bases bases_;
  std::size_t sections_ = 0;
  std::string origin_;
  std::vector<DocumentError> errors_;
  std::vector<std::string> warnings_;
};

std::unique_ptr<SectionWriter> JsonlWriter::BeginSections() const {
  return std::make_unique<JsonlSectionWriter>(*this);
}

}  // namespace

std::unique_ptr<Writer> MakeJsonlWriter(const Pack& pack, WriterOptions options) {
  return std::make_unique<JsonlWriter>(pack, options);
}

}  // namespace evident
