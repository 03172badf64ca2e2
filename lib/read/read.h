// read: documents in, one at a time.
//
// A Document is an id and UTF-8 text. DocumentReader streams documents from
// plain-text files, directories (recursively, *.txt, in sorted path order),
// JSON Lines files ({"id":..,"text":..} per line) and standard input ("-"),
// holding at most one document in memory:
//
//   evident::DocumentReader reader({"corpus/", "-"}, evident::InputFormat::kText);
//   evident::Document doc;
//   while (reader.Next(&doc)) {
//     if (!doc.errors.empty()) { /* report; the batch goes on */ }
//   }
//
// A document that cannot be used (unreadable file, bad or blank JSON line,
// invalid UTF-8, a NUL byte) still comes out, with its errors filled in and its text
// empty, so that the output keeps one record per input document.
//
// A plain-text file larger than ReaderOptions::section_bytes comes out in
// sections (Document::section, more_sections), each cut after a blank line
// where there is one, so that a document of any size is annotated in bounded
// memory; a Writer that can write a record in parts (Writer::BeginSections)
// joins them into one. The whole file is checked for valid UTF-8 first, so
// a bad byte anywhere still fails the document before any of it is written.
#ifndef EVIDENT_READ_READ_H_
#define EVIDENT_READ_READ_H_

#include <cstddef>
#include <cstdint>
#include <fstream>
#include <memory>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace evident {

// Something wrong with one document. `origin` is the file ("-" for standard
// input), `line` the 1-based JSON Lines line (0 for whole files), and
// `byte_offset` the offset of the offending byte in the document text (or in
// the JSON line), when there is one.
struct DocumentError {
  std::string origin;
  std::size_t line = 0;
  std::optional<std::size_t> byte_offset;
  std::string message;

  // "corpus/a.txt: byte 12: invalid UTF-8", "in.jsonl:3: ...".
  std::string ToString() const;
};

struct Document {
  std::string id;      // file name without extension, or the JSONL "id"
  std::string text;    // valid UTF-8 without NUL bytes, or empty on error
  std::string origin;  // the input file, "-" for standard input
  std::size_t line = 0;  // JSON Lines line number, 0 for whole files
  std::vector<DocumentError> errors;
  // A section of a larger document: its number (0, 1, ...), whether more
  // follow, and where it starts in the document, in bytes. A document read
  // whole is section 0 with no more sections.
  std::size_t section = 0;
  bool more_sections = false;
  std::uint64_t section_offset = 0;

  bool IsSection() const { return section > 0 || more_sections; }
};

enum class InputFormat {
  kAuto,   // *.jsonl and *.ndjson files are JSON Lines, everything else text
  kText,   // each file (or standard input) is one document
  kJsonl,  // each line of each file (or of standard input) is one document
};

// Returns the byte offset of the first byte of `text` that is not part of
// well-formed UTF-8, or of the first NUL byte; nullopt if there is none.
std::optional<std::size_t> FindInvalidText(std::string_view text);

struct ReaderOptions {
  // Plain-text files larger than this come in sections of about this size
  // (never more than twice it); 0 reads every file whole. Standard input and
  // JSON Lines records are always read whole.
  std::size_t section_bytes = 0;
};

class DocumentReader {
 public:
  // `inputs` are paths of files or directories, or "-" for standard input.
  // Directories are expanded lazily to their *.txt files, sorted by path.
  DocumentReader(std::vector<std::string> inputs, InputFormat format, ReaderOptions options = {});
  ~DocumentReader();
  DocumentReader(const DocumentReader&) = delete;
  DocumentReader& operator=(const DocumentReader&) = delete;

  // Fills *doc with the next document; returns false at the end.
  bool Next(Document* doc);

  // False when the next document would have to wait for input that has not
  // arrived: standard input with nothing buffered and nothing in the pipe.
  // True for files. A batch stops filling then, so a client that writes a
  // line and waits for its record gets it.
  bool InputWaiting() const;

  // Bytes of input consumed so far (for progress reports).
  std::uint64_t bytes_read() const { return bytes_read_; }

 private:
  bool NextPath(std::string* path);
  void ReadWholeFile(const std::string& path, Document* doc);
  // For a file over section_bytes: checks it and opens it for NextSection.
  // False (with *doc filled) when it is read whole or failed.
  bool OpenSections(const std::string& path, Document* doc);
  void NextSection(Document* doc);
  void ParseJsonLine(std::string_view line, Document* doc);

  InputFormat format_;
  ReaderOptions options_;
  std::vector<std::string> pending_;  // inputs not yet opened, reversed
  std::unique_ptr<std::istream> jsonl_;  // open JSON Lines stream, if any
  std::string jsonl_origin_;
  std::size_t jsonl_line_ = 0;
  int jsonl_fd_ = -1;  // the descriptor behind jsonl_ when it is standard input
  std::uint64_t bytes_read_ = 0;
  // The file being read in sections, if any.
  std::unique_ptr<std::ifstream> section_in_;
  std::string section_origin_;
  std::string section_carry_;  // read, not yet handed out
  std::size_t section_next_ = 0;
  std::uint64_t section_offset_ = 0;
};

}  // namespace evident

#endif  // EVIDENT_READ_READ_H_
