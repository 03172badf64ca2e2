#include "output/output.h"

#include <unicode/unistr.h>

#include <catch2/catch.hpp>
#include <filesystem>
#include <fstream>
#include <nlohmann/json.hpp>

using evident::OffsetConverter;
using evident::OffsetUnit;

TEST_CASE("offset conversion: bytes to code points and UTF-16 units", "[output]") {
  // a (1 byte), ü (2), “ (3), 😀 (4 bytes, 2 UTF-16 units), b
  const std::string text = "a\u00FC\u201C\U0001F600b";
  struct Case {
    std::size_t byte, codepoint, utf16;
  };
  const Case cases[] = {{0, 0, 0}, {1, 1, 1}, {3, 2, 2}, {6, 3, 3}, {10, 4, 5}, {11, 5, 6}};
  OffsetConverter cp(text, OffsetUnit::kCodepoint), u16(text, OffsetUnit::kUtf16), b(text, OffsetUnit::kByte);
  for (const Case& c : cases) {
    INFO("byte " << c.byte);
    CHECK(b(c.byte) == c.byte);
    CHECK(cp(c.byte) == c.codepoint);
    CHECK(u16(c.byte) == c.utf16);
  }
}

TEST_CASE("offset conversion across checkpoints", "[output]") {
  std::string text;
  for (int i = 0; i < 1000; ++i) text += "\u00FC";
  OffsetConverter cp(text, OffsetUnit::kCodepoint);
  for (std::size_t byte = 0; byte <= text.size(); byte += 2) CHECK(cp(byte) == byte / 2);
}

TEST_CASE("offset conversion in any order of questions", "[output]") {
  // The converter counts on from its previous answer; going backwards or
  // jumping across checkpoints must give the same answers.
  std::string text;
  for (int i = 0; i < 700; ++i) text += (i % 3 == 0) ? "\U0001F600" : "a";  // 4 bytes / 2 units, 1 / 1
  auto expected = [&](std::size_t byte, bool utf16) {
    std::size_t n = 0;
    for (std::size_t i = 0; i < byte; ++i) {
      const auto b = static_cast<unsigned char>(text[i]);
      if ((b & 0xC0) != 0x80) n += (utf16 && b >= 0xF0) ? 2 : 1;
    }
    return n;
  };
  OffsetConverter cp(text, OffsetUnit::kCodepoint), u16(text, OffsetUnit::kUtf16);
  // Code point boundaries (every 6 bytes: the emoji at 0, 'a' at 4 and 5), in
  // an order that goes forward, back, and across checkpoints.
  const std::size_t bytes[] = {0, 6, 5, 600, 604, 605, 300, 1398, 1396, 256, 257, 10, 0, text.size()};
  for (std::size_t byte : bytes) {
    INFO("byte " << byte);
    CHECK(cp(byte) == expected(byte, false));
    CHECK(u16(byte) == expected(byte, true));
  }
}

TEST_CASE("offset unit names", "[output]") {
  CHECK(evident::ParseOffsetUnit("utf16") == OffsetUnit::kUtf16);
  CHECK(evident::ParseOffsetUnit("codepoint") == OffsetUnit::kCodepoint);
  CHECK(evident::ParseOffsetUnit("byte") == OffsetUnit::kByte);
  CHECK_FALSE(evident::ParseOffsetUnit("chars"));
}

TEST_CASE("JSONL record follows evident/1", "[output]") {
  const evident::Annotator annotator(evident::LoadPack(EVIDENT_TEST_DATA "/pack"));
  auto scratch = annotator.NewScratch();
  evident::Document doc;
  doc.id = "d1";
  doc.text = "T\u00FCrkiye <script>x</script> reportedly \"left\".\nNext.";
  evident::AnnotatedDocument a;
  annotator.Annotate(doc, scratch.get(), &a);
  for (OffsetUnit unit : {OffsetUnit::kCodepoint, OffsetUnit::kByte}) {
    auto writer = evident::MakeWriter("jsonl", annotator.pack(), {unit});
    REQUIRE(writer);
    std::string line;
    writer->Render(a, &line);
    REQUIRE(line.back() == '\n');
    CHECK(line.find('\n') == line.size() - 1);  // exactly one line
    auto j = nlohmann::json::parse(line);
    CHECK(j["schema"] == "evident/1");
    CHECK(j["id"] == "d1");
    CHECK(j["offset_unit"] == evident::OffsetUnitName(unit));
    REQUIRE(j["sentences"].size() == 2);
    auto ann = j["sentences"][0]["annotations"][0];
    CHECK(ann["id"] == "a1");
    CHECK(ann["category"] == "hedge");
    CHECK(ann["type"] == "adverb");
    CHECK(ann["rule"] == "hedge.reportedly");
    CHECK(ann["text"] == "reportedly");
    CHECK(ann["message"] == "The writer does not vouch for it.");
    const std::size_t byte_start = doc.text.find("reportedly");
    CHECK(ann["start"] == (unit == OffsetUnit::kByte ? byte_start : byte_start - 1));
    CHECK(j["sentences"][0]["text"] == "T\u00FCrkiye <script>x</script> reportedly \"left\".");
    CHECK(j["claims"].empty());
    CHECK(j["errors"].empty());
  }
  CHECK(evident::MakeWriter("nope", annotator.pack(), {}) == nullptr);
}

TEST_CASE("JSONL error record carries file and byte offset", "[output]") {
  const evident::Annotator annotator(evident::LoadPack(EVIDENT_TEST_DATA "/pack"));
  auto scratch = annotator.NewScratch();
  evident::Document doc;
  doc.id = "bad";
  doc.origin = "in/bad.txt";
  doc.errors.push_back({"in/bad.txt", 0, 17, "invalid UTF-8"});
  evident::AnnotatedDocument a;
  annotator.Annotate(doc, scratch.get(), &a);
  std::string line;
  evident::MakeWriter("jsonl", annotator.pack(), {})->Render(a, &line);
  auto j = nlohmann::json::parse(line);
  CHECK(j["sentences"].empty());
  REQUIRE(j["errors"].size() == 1);
  CHECK(j["errors"][0]["message"] == "invalid UTF-8");
  CHECK(j["errors"][0]["file"] == "in/bad.txt");
  CHECK(j["errors"][0]["byte_offset"] == 17);
}

TEST_CASE("every span of the corpus slices exactly, in every unit", "[output]") {
  // Sentences alone give hundreds of spans, many after curly quotes and
  // no-break spaces; the annotations add a few more.
  const evident::Annotator annotator(evident::LoadPack(EVIDENT_TEST_DATA "/pack"));
  auto scratch = annotator.NewScratch();
  std::size_t checked = 0;
  for (const auto& entry : std::filesystem::directory_iterator(EVIDENT_CORPUS_DIR)) {
    std::ifstream in(entry.path(), std::ios::binary);
    evident::Document doc;
    doc.id = entry.path().stem().string();
    doc.text.assign(std::istreambuf_iterator<char>(in), {});
    evident::AnnotatedDocument a;
    annotator.Annotate(doc, scratch.get(), &a);
    const icu::UnicodeString utf16 = icu::UnicodeString::fromUTF8(doc.text);
    std::vector<UChar32> utf32(static_cast<std::size_t>(utf16.countChar32()) + 1);
    UErrorCode status = U_ZERO_ERROR;
    utf16.toUTF32(utf32.data(), static_cast<int32_t>(utf32.size()), status);
    REQUIRE(U_SUCCESS(status));
    for (OffsetUnit unit : {OffsetUnit::kByte, OffsetUnit::kCodepoint, OffsetUnit::kUtf16}) {
      std::string line;
      evident::MakeWriter("jsonl", annotator.pack(), {unit})->Render(a, &line);
      auto j = nlohmann::json::parse(line);
      auto slice = [&](std::size_t b, std::size_t e) -> std::string {
        std::string s;
        if (unit == OffsetUnit::kByte) return doc.text.substr(b, e - b);
        if (unit == OffsetUnit::kUtf16) {
          utf16.tempSubStringBetween(static_cast<int32_t>(b), static_cast<int32_t>(e)).toUTF8String(s);
          return s;
        }
        icu::UnicodeString::fromUTF32(utf32.data() + b, static_cast<int32_t>(e - b)).toUTF8String(s);
        return s;
      };
      for (const auto& s : j["sentences"]) {
        CHECK(slice(s["start"], s["end"]) == s["text"].get<std::string>());
        ++checked;
        for (const auto& an : s["annotations"]) {
          CHECK(slice(an["start"], an["end"]) == an["text"].get<std::string>());
          ++checked;
        }
      }
    }
  }
  CHECK(checked > 300);
}

TEST_CASE("CSV: one row per claim, RFC 4180 quoting, formulas inert", "[output]") {
  const evident::Annotator annotator(evident::LoadPack(EVIDENT_RULES_DIR));
  auto scratch = annotator.NewScratch();
  evident::Document doc;
  doc.id = "=SUM(A1),\n2";  // JSON Lines ids may hold anything
  doc.text = "The mayor said =HYPERLINK(\"x\") was \"yes, now\"\tor later.";
  evident::AnnotatedDocument a;
  annotator.Annotate(doc, scratch.get(), &a);
  auto writer = evident::MakeWriter("csv", annotator.pack(), {});
  REQUIRE(writer);
  std::string out;
  writer->Begin(&out);
  writer->Render(a, &out);
  REQUIRE(out.rfind("\xEF\xBB\xBF" "document,sentence,claim,", 0) == 0);
  // Parse it back the RFC 4180 way.
  std::vector<std::vector<std::string>> rows(1, std::vector<std::string>(1));
  bool quoted = false;
  for (std::size_t i = 3; i < out.size(); ++i) {
    const char c = out[i];
    if (quoted) {
      if (c == '"' && i + 1 < out.size() && out[i + 1] == '"') {
        rows.back().back() += '"';
        ++i;
      } else if (c == '"') {
        quoted = false;
      } else {
        rows.back().back() += c;
      }
    } else if (c == '"') {
      quoted = true;
    } else if (c == ',') {
      rows.back().emplace_back();
    } else if (c == '\r' && out[i + 1] == '\n') {
      ++i;
      rows.emplace_back(1);
    } else {
      rows.back().back() += c;
    }
  }
  rows.pop_back();  // after the last CRLF
  REQUIRE(rows.size() == 1 + a.claims.size());
  for (const auto& r : rows) CHECK(r.size() == 13);
  REQUIRE(rows.size() == 2);
  CHECK(rows[1][0] == "'=SUM(A1),\n2");
  CHECK(rows[1][3] == "The mayor");
  CHECK(rows[1][7] == "HYPERLINK(\"x\") was \"yes, now\"\tor later");
}
