// output: annotated documents out, in a format other tools read.
//
// Every format is a Writer: it renders one AnnotatedDocument into bytes and
// knows nothing about matching. Rendering is const and thread-safe, so
// workers render in parallel and the driver writes the pieces in input order.
//
//   auto writer = evident::MakeWriter("jsonl", pack, {evident::OffsetUnit::kCodepoint});
//   std::string bytes;
//   writer->Begin(&bytes);
//   writer->Render(annotated, &bytes);   // one record per document
//   writer->End(&bytes);
//
// Offsets are bytes everywhere inside evident; a writer converts them to the
// unit asked for, in one pass over the text.
//
// Formats whose tools expect one file per document (brat: NAME.txt and
// NAME.ann; WebAnno: NAME.tsv) say so with WritesFolder(). Their Render()
// appends a bundle of files (AppendFile), each named by a suffix; whoever
// writes the folder names them after the document (FileStems) and splits the
// bundle with SplitFiles(). FolderFiles() gives the files the folder needs
// once (brat's annotation.conf and visual.conf).
#ifndef EVIDENT_OUTPUT_OUTPUT_H_
#define EVIDENT_OUTPUT_OUTPUT_H_

#include <cstddef>
#include <functional>
#include <memory>
#include <optional>
#include <set>
#include <string>
#include <string_view>
#include <vector>

#include "annotate/annotate.h"

namespace evident {

inline constexpr std::string_view kSchema = "evident/1";

enum class OffsetUnit { kByte, kCodepoint, kUtf16 };
std::string_view OffsetUnitName(OffsetUnit u);  // "byte", "codepoint", "utf16"
std::optional<OffsetUnit> ParseOffsetUnit(std::string_view name);

// Converts byte offsets of one text into code points or UTF-16 code units.
// Built in one pass over the text; each conversion then scans at most a few
// hundred bytes, and only the bytes since the previous conversion when
// offsets come in increasing order. The text must be valid UTF-8 and outlive
// the converter. One converter serves one thread (it remembers its last
// answer).
class OffsetConverter {
 public:
  OffsetConverter(std::string_view text, OffsetUnit unit);
  // `byte` must be a code point boundary in [0, text.size()].
  std::size_t operator()(std::size_t byte) const;

 private:
  std::size_t Count(std::size_t from, std::size_t to) const;
  std::string_view text_;
  OffsetUnit unit_;
  std::vector<std::size_t> checkpoints_;  // units before byte k * kStride
  mutable std::size_t last_byte_ = 0, last_units_ = 0;  // the previous answer
};

struct WriterOptions {
  OffsetUnit offsets = OffsetUnit::kCodepoint;
};

// Writes one document's record from its sections (Document::section), in
// order, holding no more than one section: a document too large to hold is
// written as it is annotated. Numbering (sentences, annotations, claims) and
// offsets run on across sections as if the document had been annotated
// whole; what the claims stage links (pronoun sources, disputes) does not
// reach across a section boundary, and the record's warnings say so.
class SectionWriter {
 public:
  // Receives output bytes, in order; false stops the writing.
  using Sink = std::function<bool(std::string_view bytes)>;
  virtual ~SectionWriter() = default;
  // Writes what can be written of the next section.
  virtual bool Add(const AnnotatedDocument& section, const Sink& sink) = 0;
  // Writes the rest of the record. `interruption`, when not empty, is
  // recorded as an error: the record stops at the sections written so far.
  virtual bool Finish(const Sink& sink, std::string_view interruption = {}) = 0;
};

class Writer {
 public:
  virtual ~Writer() = default;
  // Bytes that open and close the whole output (empty for JSON Lines).
  virtual void Begin(std::string* out) const { (void)out; }
  virtual void End(std::string* out) const { (void)out; }
  // Appends the rendering of one document to *out.
  virtual void Render(const AnnotatedDocument& doc, std::string* out) const = 0;

  // True for per-document formats: Render() appends a bundle (AppendFile)
  // of the document's files, named by suffix (".txt", ".ann"); a document
  // with errors renders as an empty bundle.
  virtual bool WritesFolder() const { return false; }
  // For per-document formats: a bundle of the files the folder needs once,
  // named in full ("annotation.conf").
  virtual void FolderFiles(std::string* bundle) const { (void)bundle; }

  // Whether a document may come in sections (BeginSections); when false the
  // reader must hand over whole documents.
  virtual bool WritesSections() const { return false; }
  // Starts the record of a document that comes in sections. Throws
  // std::runtime_error if the writer cannot make the temporary file it
  // needs.
  virtual std::unique_ptr<SectionWriter> BeginSections() const { return nullptr; }
};

// Bundles: several named files in one string, as per-document writers
// render them. A name is a suffix or a file name, without '/' or newline.
void AppendFile(std::string_view name, std::string_view bytes, std::string* bundle);
struct OutputFile {
  std::string_view name;
  std::string_view bytes;  // into the bundle
};
// Splits a bundle made by AppendFile; false if it is malformed.
bool SplitFiles(std::string_view bundle, std::vector<OutputFile>* files);

// File names for documents, from their ids: safe in any folder and unique.
// A name keeps ASCII letters, digits, '-', '_', '.' and (if the id is valid
// UTF-8) non-ASCII characters; everything else becomes '_'; leading dots go
// (no hidden files), a dot after a dot becomes '_' (no "..") and it is cut to
// 100 bytes; an empty name becomes "document". A name already
// given (compared without case, for case-insensitive file systems) gets
// "-2", "-3", ...: the first document keeps its name, so the result depends
// only on the input order.
class FileStems {
 public:
  std::string Next(std::string_view document_id);

 private:
  std::set<std::string> used_;  // lower-cased
};

// The names MakeWriter knows, for help texts.
std::vector<std::string> WriterNames();
// Whether a format needs the Annotator's trace (dropped matches) to render.
bool WriterNeedsTrace(std::string_view format);
// Returns nullptr for an unknown format name.
std::unique_ptr<Writer> MakeWriter(std::string_view format, const Pack& pack, WriterOptions options);

// The writers, one per format (output/<format>_writer.cpp).
std::unique_ptr<Writer> MakeJsonlWriter(const Pack& pack, WriterOptions options);
std::unique_ptr<Writer> MakeExplainWriter(const Pack& pack);
std::unique_ptr<Writer> MakeCsvWriter(const Pack& pack);
std::unique_ptr<Writer> MakeBratWriter(const Pack& pack);
std::unique_ptr<Writer> MakeW3cWriter(const Pack& pack);
std::unique_ptr<Writer> MakeHtmlWriter(const Pack& pack);
std::unique_ptr<Writer> MakeWebannoWriter(const Pack& pack);

}  // namespace evident

#endif  // EVIDENT_OUTPUT_OUTPUT_H_
