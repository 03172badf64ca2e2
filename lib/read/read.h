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
};

enum class InputFormat {
  kAuto,   // *.jsonl and *.ndjson files are JSON Lines, everything else text
  kText,   // each file (or standard input) is one document
  kJsonl,  // each line of each file (or of standard input) is one document
};

// Returns the byte offset of the first byte of `text` that is not part of
// well-formed UTF-8, or of the first NUL byte; nullopt if there is none.
std::optional<std::size_t> FindInvalidText(std::string_view text);

class DocumentReader {
 public:
  // `inputs` are paths of files or directories, or "-" for standard input.
  // Directories are expanded lazily to their *.txt files, sorted by path.
  DocumentReader(std::vector<std::string> inputs, InputFormat format);
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
  void ParseJsonLine(std::string_view line, Document* doc);

  InputFormat format_;
  std::vector<std::string> pending_;  // inputs not yet opened, reversed
  std::unique_ptr<std::istream> jsonl_;  // open JSON Lines stream, if any
  std::string jsonl_origin_;
  std::size_t jsonl_line_ = 0;
  int jsonl_fd_ = -1;  // the descriptor behind jsonl_ when it is standard input
  std::uint64_t bytes_read_ = 0;
};

}  // namespace evident

#endif  // EVIDENT_READ_READ_H_
