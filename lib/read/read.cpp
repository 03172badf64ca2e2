#include "read/read.h"

#include <unicode/utf8.h>
#include <poll.h>
#include <unistd.h>

#include <ext/stdio_filebuf.h>

#include <algorithm>
#include <filesystem>
#include <iostream>
#include <iterator>
#include <nlohmann/json.hpp>
#include <sstream>
#include <system_error>

namespace evident {

namespace fs = std::filesystem;

std::string DocumentError::ToString() const {
  std::string s = origin;
  if (line > 0) s += ":" + std::to_string(line);
  s += ": ";
  if (byte_offset) s += "byte " + std::to_string(*byte_offset) + ": ";
  s += message;
  return s;
}

std::optional<std::size_t> FindInvalidText(std::string_view text) {
  const auto* s = reinterpret_cast<const std::uint8_t*>(text.data());
  // ICU's U8_NEXT takes int32 lengths; walk in chunks so huge inputs work.
  std::size_t base = 0;
  while (base < text.size()) {
    std::size_t chunk = std::min<std::size_t>(text.size() - base, 1u << 30);
    // Never cut a chunk inside a sequence: back up to a lead byte.
    if (base + chunk < text.size()) {
      while (chunk > 0 && U8_IS_TRAIL(s[base + chunk])) --chunk;
    }
    const std::uint8_t* p = s + base;
    std::int32_t i = 0;
    const std::int32_t n = static_cast<std::int32_t>(chunk);
    while (i < n) {
      std::int32_t start = i;
      UChar32 c;
      U8_NEXT(p, i, n, c);
      if (c < 0) return base + static_cast<std::size_t>(start);
      if (c == 0) return base + static_cast<std::size_t>(start);
    }
    base += chunk;
  }
  return std::nullopt;
}

namespace {

// An input stream over a file descriptor it owns (a dup of standard input).
class FdStream : public std::istream {
 public:
  explicit FdStream(int fd) : std::istream(nullptr), buf_(fd, std::ios::in, 1 << 16) { rdbuf(&buf_); }

 private:
  __gnu_cxx::stdio_filebuf<char> buf_;
};


std::string IdFromPath(const std::string& path) {
  if (path == "-") return "stdin";
  return fs::path(path).stem().string();
}

bool IsJsonl(const std::string& path, InputFormat format) {
  if (format != InputFormat::kAuto) return format == InputFormat::kJsonl;
  const auto ext = fs::path(path).extension();
  return ext == ".jsonl" || ext == ".ndjson";
}

// The error for the first byte of `text` that is not text (invalid UTF-8 or
// NUL), if any; `base` is where `text` starts in the document.
std::optional<DocumentError> TextError(std::string_view text, const std::string& origin, std::size_t line,
                                       std::uint64_t base = 0) {
  const auto bad = FindInvalidText(text);
  if (!bad) return std::nullopt;
  return DocumentError{origin, line, base + *bad, text[*bad] == '\0' ? "NUL byte in text" : "invalid UTF-8"};
}

void CheckText(Document* doc) {
  if (auto error = TextError(doc->text, doc->origin, doc->line)) {
    doc->errors.push_back(std::move(*error));
    doc->text.clear();
  }
}

// Where the last UTF-8 sequence of `s` starts: its lead byte, backing over
// at most three continuation bytes (a longer run is invalid anyway).
std::size_t LastSequenceStart(std::string_view s) {
  if (s.empty()) return 0;
  std::size_t i = s.size() - 1;
  for (int k = 0; k < 3 && i > 0 && U8_IS_TRAIL(static_cast<std::uint8_t>(s[i])); ++k) --i;
  return i;
}

}  // namespace

DocumentReader::DocumentReader(std::vector<std::string> inputs, InputFormat format, ReaderOptions options)
    : format_(format), options_(options), pending_(std::move(inputs)) {
  std::reverse(pending_.begin(), pending_.end());
}

DocumentReader::~DocumentReader() = default;

bool DocumentReader::NextPath(std::string* path) {
  while (!pending_.empty()) {
    std::string p = std::move(pending_.back());
    pending_.pop_back();
    std::error_code ec;
    if (p != "-" && fs::is_directory(p, ec)) {
      std::vector<std::string> files;
      for (fs::recursive_directory_iterator it(p, ec), end; !ec && it != end;
           it.increment(ec)) {
        if (it->is_regular_file(ec) && it->path().extension() == ".txt")
          files.push_back(it->path().string());
      }
      // Sorted so that the same folder gives the same output everywhere.
      std::sort(files.begin(), files.end());
      pending_.insert(pending_.end(), files.rbegin(), files.rend());
      continue;
    }
    *path = std::move(p);
    return true;
  }
  return false;
}

void DocumentReader::ReadWholeFile(const std::string& path, Document* doc) {
  doc->origin = path;
  doc->id = IdFromPath(path);
  if (path == "-") {
    doc->text.assign(std::istreambuf_iterator<char>(std::cin), {});
  } else {
    std::ifstream in(path, std::ios::binary);
    if (!in) {
      std::error_code ec(errno, std::generic_category());
      doc->errors.push_back({path, 0, std::nullopt, "cannot open: " + ec.message()});
      return;
    }
    in.seekg(0, std::ios::end);
    const auto size = in.tellg();
    in.seekg(0, std::ios::beg);
    if (size > 0) doc->text.resize(static_cast<std::size_t>(size));
    in.read(doc->text.data(), static_cast<std::streamsize>(doc->text.size()));
    if (in.bad()) {
      doc->errors.push_back({path, 0, std::nullopt, "read error"});
      doc->text.clear();
      return;
    }
    doc->text.resize(static_cast<std::size_t>(in.gcount()));
  }
  bytes_read_ += doc->text.size();
  CheckText(doc);
}

bool DocumentReader::OpenSections(const std::string& path, Document* doc) {
  std::error_code ec;
  const auto size = fs::file_size(path, ec);
  if (ec || size <= options_.section_bytes) return false;
  auto in = std::make_unique<std::ifstream>(path, std::ios::binary);
  if (!*in) return false;  // ReadWholeFile reports it
  doc->origin = path;
  doc->id = IdFromPath(path);
  // Check every byte before any section goes out: a bad byte fails the
  // document as it would if it were read whole. A chunk ends before its last
  // (possibly incomplete) UTF-8 sequence, which begins the next chunk.
  constexpr std::size_t kChunk = 1 << 20;
  std::string buf;
  std::uint64_t base = 0;
  for (;;) {
    const std::size_t kept = buf.size();
    buf.resize(kept + kChunk);
    in->read(buf.data() + kept, static_cast<std::streamsize>(kChunk));
    buf.resize(kept + static_cast<std::size_t>(in->gcount()));
    if (in->bad()) {
      doc->errors.push_back({path, 0, std::nullopt, "read error"});
      return true;
    }
    const bool eof = in->eof();
    const std::size_t end = eof ? buf.size() : LastSequenceStart(buf);
    if (auto error = TextError(std::string_view(buf).substr(0, end), path, 0, base)) {
      doc->errors.push_back(std::move(*error));
      bytes_read_ += base + buf.size();
      return true;
    }
    if (eof) break;
    buf.erase(0, end);
    base += end;
  }
  in->clear();
  in->seekg(0);
  section_in_ = std::move(in);
  section_origin_ = path;
  section_carry_.clear();
  section_next_ = 0;
  section_offset_ = 0;
  NextSection(doc);
  return true;
}

void DocumentReader::NextSection(Document* doc) {
  const std::size_t limit = std::max<std::size_t>(options_.section_bytes, 64);
  std::string& buf = section_carry_;
  if (buf.size() < limit) {
    const std::size_t kept = buf.size();
    buf.resize(limit);
    section_in_->read(buf.data() + kept, static_cast<std::streamsize>(limit - kept));
    buf.resize(kept + static_cast<std::size_t>(section_in_->gcount()));
  }
  doc->origin = section_origin_;
  doc->id = IdFromPath(section_origin_);
  doc->section = section_next_++;
  doc->section_offset = section_offset_;
  if (section_in_->bad()) {
    doc->errors.push_back({section_origin_, 0, section_offset_, "read error"});
    section_in_.reset();
    return;
  }
  const bool last = buf.size() < limit;  // the file ended
  std::size_t cut = buf.size();
  if (!last) {
    // After the last blank line in the second half, else the last line
    // break, else the last space, else the last whole code point.
    const std::string_view tail = std::string_view(buf).substr(limit / 2);
    std::size_t at = std::string_view::npos;
    if (auto p = tail.rfind("\n\n"); p != std::string_view::npos) at = p + 2;
    if (auto p = tail.rfind("\n\r\n"); p != std::string_view::npos && (at == std::string_view::npos || p + 3 > at))
      at = p + 3;
    if (at == std::string_view::npos) {
      if (auto p = tail.find_last_of('\n'); p != std::string_view::npos) at = p + 1;
      else if (auto q = tail.find_last_of(' '); q != std::string_view::npos) at = q + 1;
    }
    if (at != std::string_view::npos) {
      cut = limit / 2 + at;
    } else {
      cut = LastSequenceStart(buf);
    }
  }
  doc->text.assign(buf, 0, cut);
  buf.erase(0, cut);
  section_offset_ += cut;
  bytes_read_ += cut;
  doc->more_sections = !last;
  if (!doc->more_sections) section_in_.reset();
}

void DocumentReader::ParseJsonLine(std::string_view line, Document* doc) {
  doc->origin = jsonl_origin_;
  doc->line = jsonl_line_;
  // Until the id is known, the record is named after its place.
  doc->id = IdFromPath(jsonl_origin_) + ":" + std::to_string(jsonl_line_);
  if (line.find_first_not_of(" \t") == std::string_view::npos) {
    doc->errors.push_back({jsonl_origin_, jsonl_line_, std::nullopt, "blank line"});
    return;
  }
  nlohmann::json j;
  try {
    j = nlohmann::json::parse(line);
  } catch (const nlohmann::json::parse_error& e) {
    // e.byte is 1-based and points one past the offending character.
    std::optional<std::size_t> at;
    if (e.byte > 0) at = e.byte - 1;
    std::string msg = e.what();
    // Drop nlohmann's "[json.exception.parse_error.101] " prefix.
    if (auto pos = msg.find("] "); pos != std::string::npos) msg = msg.substr(pos + 2);
    // nlohmann quotes the whole token it was reading ("last read: '...'"),
    // which for an unterminated text is the rest of the line: keep its end.
    constexpr std::string_view kLastRead = "last read: '";
    constexpr std::size_t kKeep = 40;
    if (auto lr = msg.find(kLastRead); lr != std::string::npos) {
      const std::size_t from = lr + kLastRead.size();
      const std::size_t to = msg.rfind('\'');
      if (to != std::string::npos && to > from && to - from > kKeep) {
        std::size_t cut = to - kKeep;
        while (cut < to && U8_IS_TRAIL(static_cast<std::uint8_t>(msg[cut]))) ++cut;  // whole code points
        msg = msg.substr(0, from) + "..." + msg.substr(cut);
      }
    }
    doc->errors.push_back({jsonl_origin_, jsonl_line_, at, "bad JSON: " + msg});
    return;
  }
  if (!j.is_object()) {
    doc->errors.push_back({jsonl_origin_, jsonl_line_, std::nullopt,
                           "expected a JSON object with \"id\" and \"text\""});
    return;
  }
  if (auto it = j.find("id"); it != j.end()) {
    if (it->is_string()) doc->id = it->get<std::string>();
    else if (it->is_number_integer()) doc->id = it->dump();
    else doc->errors.push_back({jsonl_origin_, jsonl_line_, std::nullopt,
                                "\"id\" must be a string or an integer"});
  } else {
    doc->errors.push_back({jsonl_origin_, jsonl_line_, std::nullopt, "missing \"id\""});
  }
  auto it = j.find("text");
  if (it == j.end() || !it->is_string()) {
    doc->errors.push_back({jsonl_origin_, jsonl_line_, std::nullopt,
                           "missing or non-string \"text\""});
    return;
  }
  if (!doc->errors.empty()) return;
  doc->text = std::move(it->get_ref<std::string&>());
  CheckText(doc);  // "\u0000" decodes to a NUL byte
}

bool DocumentReader::InputWaiting() const {
  if (!jsonl_ || jsonl_fd_ < 0) return true;  // files never keep a reader waiting
  if (jsonl_->rdbuf()->in_avail() != 0) return true;  // buffered (or at its end)
  pollfd p{jsonl_fd_, POLLIN, 0};
  return ::poll(&p, 1, 0) > 0;  // bytes in the pipe, or the writer has closed it
}

bool DocumentReader::Next(Document* doc) {
  *doc = Document{};
  if (section_in_) {
    NextSection(doc);
    return true;
  }
  for (;;) {
    if (jsonl_) {
      std::string line;
      if (std::getline(*jsonl_, line)) {
        ++jsonl_line_;
        bytes_read_ += line.size() + 1;
        if (!line.empty() && line.back() == '\r') line.pop_back();
        // Every line gets a record, a blank one too (with an error): stream
        // consumers pair output line i with input line i.
        ParseJsonLine(line, doc);
        return true;
      }
      if (jsonl_->bad()) {
        doc->origin = jsonl_origin_;
        doc->id = IdFromPath(jsonl_origin_);
        doc->errors.push_back({jsonl_origin_, jsonl_line_, std::nullopt, "read error"});
        jsonl_.reset();
        return true;
      }
      jsonl_.reset();
    }
    std::string path;
    if (!NextPath(&path)) return false;
    if (!IsJsonl(path, format_)) {
      if (path != "-" && options_.section_bytes > 0 && OpenSections(path, doc)) return true;
      ReadWholeFile(path, doc);
      return true;
    }
    jsonl_origin_ = path;
    jsonl_line_ = 0;
    if (path == "-") {
      // Standard input through a buffer of its own: std::cin, synchronised
      // with C stdio, hands over a character at a time.
      const int fd = ::dup(STDIN_FILENO);
      if (fd < 0) {
        std::error_code ec(errno, std::generic_category());
        doc->origin = path;
        doc->id = IdFromPath(path);
        doc->errors.push_back({path, 0, std::nullopt, "cannot read standard input: " + ec.message()});
        return true;
      }
      jsonl_ = std::make_unique<FdStream>(fd);
      jsonl_fd_ = fd;
    } else {
      auto in = std::make_unique<std::ifstream>(path, std::ios::binary);
      if (!*in) {
        std::error_code ec(errno, std::generic_category());
        doc->origin = path;
        doc->id = IdFromPath(path);
        doc->errors.push_back({path, 0, std::nullopt, "cannot open: " + ec.message()});
        return true;
      }
      jsonl_ = std::move(in);
      jsonl_fd_ = -1;
    }
  }
}

}  // namespace evident
