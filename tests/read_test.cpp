#include "read/read.h"

#include <catch2/catch.hpp>
#include <filesystem>
#include <fstream>

namespace fs = std::filesystem;
using evident::Document;
using evident::DocumentReader;
using evident::InputFormat;

namespace {

// A temporary folder removed at the end of the test.
struct TempDir {
  fs::path path;
  TempDir() {
    path = fs::temp_directory_path() / ("evident-read-" + std::to_string(::getpid()) + "-" +
                                        std::to_string(reinterpret_cast<std::uintptr_t>(this)));
    fs::create_directories(path);
  }
  ~TempDir() { fs::remove_all(path); }
  std::string Write(const std::string& name, const std::string& bytes) const {
    fs::path p = path / name;
    fs::create_directories(p.parent_path());
    std::ofstream(p, std::ios::binary) << bytes;
    return p.string();
  }
};

std::vector<Document> ReadAll(std::vector<std::string> inputs, InputFormat format,
                              evident::ReaderOptions options = {}) {
  DocumentReader reader(std::move(inputs), format, options);
  std::vector<Document> docs;
  Document d;
  while (reader.Next(&d)) docs.push_back(d);
  return docs;
}

}  // namespace

TEST_CASE("FindInvalidText finds the first bad byte", "[read]") {
  struct Case {
    const char* name;
    std::string text;
    std::optional<std::size_t> bad;
  };
  const Case cases[] = {
      {"ascii", "plain text", std::nullopt},
      {"empty", "", std::nullopt},
      {"multibyte", "Türkiye \u201Cquote\u201D \U0001F600", std::nullopt},
      {"lone continuation", "ab\x80" "cd", 2},
      {"truncated at end", "abc\xE2\x80", 3},
      {"overlong", "x\xC0\x80", 1},
      {"surrogate", "xy\xED\xA0\x80", 2},
      {"NUL", std::string("ab\0cd", 5), 2},
      {"bad after multibyte", "\u00FC\xFF", 2},
  };
  for (const Case& c : cases) {
    INFO(c.name);
    CHECK(evident::FindInvalidText(c.text) == c.bad);
  }
}

TEST_CASE("text files: id is the file name without extension", "[read]") {
  TempDir dir;
  std::string a = dir.Write("a.txt", "Hello.");
  std::string missing = (dir.path / "missing.txt").string();
  auto docs = ReadAll({a, missing}, InputFormat::kAuto);
  REQUIRE(docs.size() == 2);
  CHECK(docs[0].id == "a");
  CHECK(docs[0].text == "Hello.");
  CHECK(docs[0].errors.empty());
  CHECK(docs[1].id == "missing");
  REQUIRE(docs[1].errors.size() == 1);
  CHECK_THAT(docs[1].errors[0].ToString(), Catch::Contains("cannot open"));
}

TEST_CASE("directories are read recursively, *.txt only, in sorted order", "[read]") {
  TempDir dir;
  dir.Write("b.txt", "B.");
  dir.Write("sub/a.txt", "A.");
  dir.Write("a.txt", "A0.");
  dir.Write("notes.md", "skip me");
  auto docs = ReadAll({dir.path.string()}, InputFormat::kAuto);
  REQUIRE(docs.size() == 3);
  CHECK(docs[0].text == "A0.");
  CHECK(docs[1].text == "B.");
  CHECK(docs[2].text == "A.");
}

TEST_CASE("bad text gets an error with the byte offset and no text", "[read]") {
  TempDir dir;
  std::string bad = dir.Write("bad.txt", "ok \xFF then");
  std::string nul = dir.Write("nul.txt", std::string("ab\0", 3));
  std::string empty = dir.Write("empty.txt", "");
  auto docs = ReadAll({bad, nul, empty}, InputFormat::kText);
  REQUIRE(docs.size() == 3);
  REQUIRE(docs[0].errors.size() == 1);
  CHECK(docs[0].errors[0].byte_offset == 3u);
  CHECK(docs[0].errors[0].message == "invalid UTF-8");
  CHECK(docs[0].text.empty());
  REQUIRE(docs[1].errors.size() == 1);
  CHECK(docs[1].errors[0].message == "NUL byte in text");
  CHECK(docs[1].errors[0].ToString() == nul + ": byte 2: NUL byte in text");
  CHECK(docs[2].errors.empty());
  CHECK(docs[2].text.empty());
}

TEST_CASE("JSON Lines: a bad line's message quotes at most the end of it", "[read]") {
  // An unterminated text: nlohmann quotes everything it read; the message
  // keeps the last 40 bytes, cut at a code point boundary.
  TempDir dir;
  std::string text;
  for (int i = 0; i < 2000; ++i) text += "\u00FC";  // 2 bytes each
  const std::string path = dir.Write("long.jsonl", "{\"id\":\"x\",\"text\":\"" + text + "\n");
  auto docs = ReadAll({path}, InputFormat::kAuto);
  REQUIRE(docs.size() == 1);
  REQUIRE(docs[0].errors.size() == 1);
  const std::string& message = docs[0].errors[0].message;
  CHECK_THAT(message, Catch::StartsWith("bad JSON") && Catch::Contains("last read: '...") && Catch::EndsWith("'"));
  CHECK(message.size() < 250);
  CHECK(evident::FindInvalidText(message) == std::nullopt);  // no code point cut in half
}

TEST_CASE("JSON Lines: one document per line, a bad line is a record with an error", "[read]") {
  TempDir dir;
  std::string path = dir.Write("in.jsonl",
                               "{\"id\":\"one\",\"text\":\"First.\"}\n"
                               "\n"
                               "{\"id\":7,\"text\":\"Second.\"}\r\n"
                               "{not json}\n"
                               "{\"text\":\"no id\"}\n"
                               "{\"id\":\"nul\",\"text\":\"a\\u0000b\"}\n"
                               "[1,2]\n"
                               "{\"id\":\"last\",\"text\":\"Last.\"}");
  auto all = ReadAll({path}, InputFormat::kAuto);
  REQUIRE(all.size() == 8);
  // Line 2 is blank: it keeps its place with an error.
  CHECK(all[1].line == 2);
  CHECK(all[1].id == "in:2");
  REQUIRE(all[1].errors.size() == 1);
  CHECK(all[1].errors[0].message == "blank line");
  std::vector<Document> docs = all;
  docs.erase(docs.begin() + 1);
  CHECK(docs[0].id == "one");
  CHECK(docs[0].text == "First.");
  CHECK(docs[0].line == 1);
  CHECK(docs[1].id == "7");
  CHECK(docs[1].line == 3);
  CHECK(docs[1].errors.empty());
  CHECK(docs[2].id == "in:4");
  REQUIRE(docs[2].errors.size() == 1);
  CHECK_THAT(docs[2].errors[0].message, Catch::StartsWith("bad JSON"));
  CHECK(docs[2].errors[0].byte_offset == 2u);
  CHECK(docs[3].errors.at(0).message == "missing \"id\"");
  REQUIRE(docs[4].errors.size() == 1);
  CHECK(docs[4].errors[0].message == "NUL byte in text");
  CHECK(docs[4].errors[0].byte_offset == 1u);
  CHECK(docs[5].errors.at(0).message == "expected a JSON object with \"id\" and \"text\"");
  CHECK(docs[6].id == "last");
  CHECK(docs[6].text == "Last.");
}

TEST_CASE("a large text file comes in sections that join up to the file", "[read]") {
  TempDir dir;
  // Paragraphs of different lengths; a line without blank lines; a long
  // run without any white space; multi-byte characters at every position.
  std::string text;
  for (int i = 0; i < 40; ++i) text += std::string(static_cast<std::size_t>(i * 7 % 50), 'x') + " “é” said.\n\n";
  for (int i = 0; i < 30; ++i) text += "one line ü\n";
  for (int i = 0; i < 100; ++i) text += "ñ€";
  text += " end.";
  const std::string path = dir.Write("big.txt", text);

  struct Case {
    std::size_t section_bytes;
    bool sectioned;
  };
  for (const Case& c : {Case{0, false}, Case{text.size(), false}, Case{64, true}, Case{100, true}, Case{257, true}}) {
    INFO("section_bytes " << c.section_bytes);
    const std::vector<Document> docs = ReadAll({path}, InputFormat::kText, {c.section_bytes});
    if (!c.sectioned) {
      REQUIRE(docs.size() == 1);
      CHECK_FALSE(docs[0].IsSection());
      CHECK(docs[0].text == text);
      continue;
    }
    REQUIRE(docs.size() > 2);
    std::string joined;
    for (std::size_t i = 0; i < docs.size(); ++i) {
      const Document& d = docs[i];
      CHECK(d.id == "big");
      CHECK(d.errors.empty());
      CHECK(d.section == i);
      CHECK(d.more_sections == (i + 1 < docs.size()));
      CHECK(d.section_offset == joined.size());
      CHECK(d.text.size() <= c.section_bytes);
      CHECK_FALSE(evident::FindInvalidText(d.text).has_value());  // never cut inside a character
      joined += d.text;
    }
    CHECK(joined == text);
    // Where there are blank lines, a section ends after one.
    CHECK(docs[0].text.size() >= 2);
    CHECK(docs[0].text.substr(docs[0].text.size() - 2) == "\n\n");
  }
}

TEST_CASE("a large text file with a bad byte anywhere fails whole, before any section", "[read]") {
  TempDir dir;
  std::string text;
  for (int i = 0; i < 200; ++i) text += "Officials said the plan may fail.\n\n";
  const std::size_t bad_at = text.size() - 40;
  text[bad_at] = '\xff';
  const std::string path = dir.Write("bad.txt", text);
  const std::vector<Document> docs = ReadAll({path}, InputFormat::kText, {128});
  REQUIRE(docs.size() == 1);
  CHECK_FALSE(docs[0].IsSection());
  CHECK(docs[0].text.empty());
  REQUIRE(docs[0].errors.size() == 1);
  CHECK(docs[0].errors[0].byte_offset == bad_at);
  CHECK(docs[0].errors[0].message == "invalid UTF-8");
}
