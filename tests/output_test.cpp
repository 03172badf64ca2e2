#include "output/output.h"

#include <algorithm>
#include <map>
#include <set>
#include <tuple>

#include "eval/eval.h"

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

// ---------------------------------------------------------------------------
// Per-document formats, and every writer on hostile text.

namespace {

std::string ReadFile(const std::string& path) {
  std::ifstream in(path, std::ios::binary);
  return std::string(std::istreambuf_iterator<char>(in), {});
}

const evident::Annotator& DefaultAnnotator() {
  static const evident::Annotator annotator(evident::LoadPack(EVIDENT_RULES_DIR));
  return annotator;
}

// The corpus and tests/data/inputs/hostile.txt, as documents.
std::vector<evident::Document> TestDocuments() {
  evident::DocumentReader reader({EVIDENT_CORPUS_DIR, EVIDENT_TEST_DATA "/inputs/hostile.txt"},
                                 evident::InputFormat::kText);
  std::vector<evident::Document> docs;
  for (evident::Document doc; reader.Next(&doc);) docs.push_back(std::move(doc));
  return docs;
}

// Annotates TestDocuments() with the default pack and renders each with
// `writer`, calling f(document, annotated, rendered bytes).
template <class F>
void RenderEach(const evident::Writer& writer, F f) {
  const evident::Annotator& annotator = DefaultAnnotator();
  auto scratch = annotator.NewScratch();
  for (const evident::Document& doc : TestDocuments()) {
    INFO(doc.id);
    evident::AnnotatedDocument a;
    annotator.Annotate(doc, scratch.get(), &a);
    std::string bytes;
    writer.Render(a, &bytes);
    f(doc, a, bytes);
  }
}

std::map<std::string, std::string> Files(const std::string& bundle) {
  std::vector<evident::OutputFile> files;
  REQUIRE(evident::SplitFiles(bundle, &files));
  std::map<std::string, std::string> out;
  for (const auto& f : files) out[std::string(f.name)] = std::string(f.bytes);
  return out;
}

std::string HostileText() { return ReadFile(EVIDENT_TEST_DATA "/inputs/hostile.txt"); }

}  // namespace

TEST_CASE("bundles of files split back into their parts", "[output]") {
  std::string bundle;
  evident::AppendFile(".txt", "a\tb\nc", &bundle);
  evident::AppendFile(".ann", "", &bundle);
  evident::AppendFile("x.conf", "12\n34\t", &bundle);
  std::vector<evident::OutputFile> files;
  REQUIRE(evident::SplitFiles(bundle, &files));
  REQUIRE(files.size() == 3);
  CHECK(files[0].name == ".txt");
  CHECK(files[0].bytes == "a\tb\nc");
  CHECK(files[1].bytes.empty());
  CHECK(files[2].name == "x.conf");
  CHECK(files[2].bytes == "12\n34\t");
  CHECK_FALSE(evident::SplitFiles(".txt\t99\nabc", &files));
  CHECK_FALSE(evident::SplitFiles("no tab\n", &files));
  CHECK(evident::SplitFiles("", &files));
  CHECK(files.empty());
}

TEST_CASE("file names from document ids: safe, unique, in input order", "[output]") {
  struct Case {
    std::string id, name;
  };
  const Case cases[] = {
      {"002_35cf3b55e7a85a42", "002_35cf3b55e7a85a42"},
      {"../../etc/passwd", "_.__etc_passwd"},
      {"a/b", "a_b"},
      {"A_B", "A_B-2"},  // same name as a/b without case
      {"a_b-2", "a_b-2-2"},
      {".hidden", "hidden"},
      {"..", "document"},
      {"", "document-2"},
      {"<img src=x onerror=alert(1)>", "_img_src_x_onerror_alert_1__"},
      {"K\u00F6ln \u201Cnews\u201D", "K\u00F6ln_\u201Cnews\u201D"},
      {"bad\xFFutf8", "bad_utf8"},
      {"tab\there\nnl", "tab_here_nl"},
  };
  evident::FileStems stems;
  for (const Case& c : cases) {
    INFO(c.id);
    CHECK(stems.Next(c.id) == c.name);
  }
  const std::string longest = evident::FileStems().Next(std::string(300, 'x'));
  CHECK(longest.size() == 100);
}

TEST_CASE("brat: what eval's reader reads back is what was written", "[output][brat]") {
  const evident::Annotator& annotator = DefaultAnnotator();
  auto writer = evident::MakeWriter("brat", annotator.pack(), {});
  REQUIRE(writer);
  REQUIRE(writer->WritesFolder());
  std::string folder;
  writer->FolderFiles(&folder);
  const auto conf = Files(folder);
  REQUIRE(conf.count("annotation.conf"));
  REQUIRE(conf.count("visual.conf"));
  CHECK(conf.at("annotation.conf").find("Cue\tSource?:Source, Content:Content") != std::string::npos);
  CHECK(conf.at("visual.conf").find("hedge\tbgColor:#E69F00") != std::string::npos);

  std::size_t markers = 0, events = 0;
  RenderEach(*writer, [&](const evident::Document& doc, const evident::AnnotatedDocument& a,
                          const std::string& bundle) {
    const auto files = Files(bundle);
    REQUIRE(files.size() == 2);
    CHECK(files.at(".txt") == doc.text);
    const evident::BratDocument brat = evident::ParseBrat(files.at(".ann"), files.at(".txt"));
    for (const auto& p : brat.problems) FAIL_CHECK("line " << p.line << ": " << p.message);

    const OffsetConverter cp(doc.text, OffsetUnit::kCodepoint);
    auto span = [&](evident::Span s) { return std::make_pair(cp(s.begin), cp(s.end)); };
    using Marker = std::tuple<std::string, std::size_t, std::size_t, std::string>;
    std::multiset<Marker> written, read;
    for (const evident::Annotation& an : a.annotations) {
      const evident::Rule& rule = annotator.pack().rules[an.rule];
      const auto [b, e] = span(an.span);
      written.emplace(std::string(evident::CategoryName(rule.category)), b, e, rule.type);
    }
    std::map<std::string, const evident::BratAnnotation*> by_id;
    for (const auto& t : brat.annotations) {
      by_id[t.id] = &t;
      if (evident::ParseCategory(t.type)) read.emplace(t.type, t.span.begin, t.span.end, t.subtype);
    }
    CHECK(read == written);
    markers += written.size();

    // Claims with a cue: (cue, source, content) spans, sources optional.
    using Triple = std::tuple<std::pair<std::size_t, std::size_t>, std::pair<std::size_t, std::size_t>,
                              std::pair<std::size_t, std::size_t>>;
    std::multiset<Triple> claims, back;
    for (const evident::Claim& c : a.claims) {
      if (c.cue.empty()) continue;
      claims.emplace(span(c.cue), c.source.empty() ? std::make_pair(0ul, 0ul) : span(c.source), span(c.content));
    }
    for (const evident::BratEvent& e : brat.events) {
      CHECK(e.type == "Cue");
      Triple t;
      std::get<0>(t) = {by_id.at(e.trigger)->span.begin, by_id.at(e.trigger)->span.end};
      for (const auto& [role, id] : e.arguments) {
        const auto s = std::make_pair(by_id.at(id)->span.begin, by_id.at(id)->span.end);
        if (role == "Source") std::get<1>(t) = s;
        else if (role == "Content") std::get<2>(t) = s;
        else FAIL_CHECK("unexpected role " << role);
      }
      back.insert(t);
    }
    CHECK(back == claims);
    events += claims.size();
  });
  CHECK(markers > 100);
  CHECK(events > 50);
}

TEST_CASE("brat: spans across line breaks and tabs become fragments", "[output][brat]") {
  const evident::Annotator annotator(evident::LoadPack(EVIDENT_TEST_DATA "/pack"));
  auto scratch = annotator.NewScratch();
  evident::Document doc;
  doc.id = "d";
  doc.text = "It was\treportedly \"left\".";
  evident::AnnotatedDocument a;
  annotator.Annotate(doc, scratch.get(), &a);
  // Widen the marker over the tab, as a multi-line quotation would be.
  REQUIRE(a.annotations.size() == 1);
  a.annotations[0].span.begin = 3;
  std::string bundle;
  evident::MakeWriter("brat", annotator.pack(), {})->Render(a, &bundle);
  const auto files = Files(bundle);
  CHECK(files.at(".ann").find("T1\thedge 3 6;7 17\twas reportedly\n") != std::string::npos);
  const auto brat = evident::ParseBrat(files.at(".ann"), doc.text);
  CHECK(brat.problems.empty());
  REQUIRE(brat.annotations.size() == 1);
  CHECK(brat.annotations[0].span == evident::Span{3, 17});

  // A span of nothing but a tab cannot be written: it is left out, and its
  // attribute and note with it.
  a.annotations[0].span = {6, 7};
  bundle.clear();
  evident::MakeWriter("brat", annotator.pack(), {})->Render(a, &bundle);
  CHECK(Files(bundle).at(".ann").empty());
}

namespace {

// A small WebAnno TSV 3.3 reader, after INCEpTION's Tsv3XDeserializer: enough
// to read back what evident writes, strict about the layout.
struct TsvSpan {
  std::size_t begin = 0, end = 0;  // UTF-16 units
  std::vector<std::string> values;
  bool operator<(const TsvSpan& o) const {
    return std::tie(begin, end, values) < std::tie(o.begin, o.end, o.values);
  }
  bool operator==(const TsvSpan& o) const { return !(*this < o) && !(o < *this); }
};
struct TsvDocument {
  std::vector<std::string> layers;  // the #T_SP lines
  std::vector<std::string> sentences;
  std::vector<std::multiset<TsvSpan>> spans;  // per layer
};

std::string UnescapeTsvText(std::string_view s) {
  std::string out;
  for (std::size_t i = 0; i < s.size(); ++i) {
    if (s[i] != '\\' || i + 1 == s.size()) {
      out += s[i];
      continue;
    }
    const char c = s[++i];
    out += c == 't' ? '\t' : c == 'n' ? '\n' : c == 'f' ? '\f' : c == 'r' ? '\r' : c == 'b' ? '\b' : c;
  }
  return out;
}

std::string UnescapeTsvValue(std::string_view s) {
  if (s == "*") return "";
  std::string out;
  for (std::size_t i = 0; i < s.size(); ++i) {
    if (s[i] != '\\' || i + 1 == s.size()) {
      out += s[i];
      continue;
    }
    const char c = s[++i];
    if (c == '-' && i + 1 < s.size() && s[i + 1] == '>') {
      out += "->";
      ++i;
    } else {
      out += c == 't' ? '\t' : c == 'n' ? '\n' : c;
    }
  }
  return out;
}

// Splits at `sep` where it is not escaped.
std::vector<std::string> SplitUnescaped(std::string_view s, char sep) {
  std::vector<std::string> parts(1);
  for (std::size_t i = 0; i < s.size(); ++i) {
    if (s[i] == '\\' && i + 1 < s.size()) {
      parts.back() += s.substr(i, 2);
      ++i;
    } else if (s[i] == sep) {
      parts.emplace_back();
    } else {
      parts.back() += s[i];
    }
  }
  return parts;
}

TsvDocument ReadTsv(const std::string& tsv, const icu::UnicodeString& text) {
  TsvDocument doc;
  std::vector<std::string> lines;
  for (std::size_t from = 0; from < tsv.size();) {
    const std::size_t lf = tsv.find('\n', from);
    REQUIRE(lf != std::string::npos);  // every line ends with LF
    lines.push_back(tsv.substr(from, lf - from));
    from = lf + 1;
  }
  REQUIRE(lines.size() >= 4);
  REQUIRE(lines[0] == "#FORMAT=WebAnno TSV 3.3");
  std::size_t n = 1;
  std::vector<int> features;
  for (; n < lines.size() && lines[n].rfind("#T_SP=", 0) == 0; ++n) {
    doc.layers.push_back(lines[n]);
    features.push_back(static_cast<int>(std::count(lines[n].begin(), lines[n].end(), '|')));
  }
  int columns = 0;
  for (int f : features) columns += f;
  doc.spans.resize(features.size());
  REQUIRE(n + 1 < lines.size());
  REQUIRE(lines[n] == "");
  ++n;
  // Spans being read: by disambiguation id, or one per token and stack slot.
  std::map<std::pair<std::size_t, int>, TsvSpan> by_id;  // (layer, id)
  std::size_t sentence = 0;
  while (n < lines.size()) {
    REQUIRE(lines[n] == "");  // a blank line before every sentence
    ++n;
    std::string sentence_text;
    for (; n < lines.size() && lines[n].rfind("#Text=", 0) == 0; ++n) {
      if (!sentence_text.empty()) sentence_text += '\n';
      sentence_text += UnescapeTsvText(std::string_view(lines[n]).substr(6));
    }
    doc.sentences.push_back(sentence_text);
    ++sentence;
    std::size_t token = 0, sentence_begin = 0;
    for (; n < lines.size() && !lines[n].empty(); ++n) {
      std::vector<std::string> fields;
      for (std::size_t from = 0;;) {
        const std::size_t tab = lines[n].find('\t', from);
        fields.push_back(lines[n].substr(from, tab == std::string::npos ? std::string::npos : tab - from));
        if (tab == std::string::npos) break;
        from = tab + 1;
      }
      INFO(lines[n]);
      REQUIRE(fields.size() == static_cast<std::size_t>(3 + columns + 1));
      CHECK(fields.back().empty());  // the trailing TAB
      ++token;
      CHECK(fields[0] == std::to_string(sentence) + "-" + std::to_string(token));
      const std::size_t dash = fields[1].find('-');
      const std::size_t begin = std::stoul(fields[1].substr(0, dash)), end = std::stoul(fields[1].substr(dash + 1));
      if (token == 1) sentence_begin = begin;
      std::string covered;
      text.tempSubStringBetween(static_cast<int32_t>(begin), static_cast<int32_t>(end)).toUTF8String(covered);
      CHECK(fields[2] == covered);
      int column = 3;
      for (std::size_t layer = 0; layer < features.size(); ++layer) {
        std::vector<std::vector<std::string>> stacks;
        for (int f = 0; f < features[layer]; ++f) stacks.push_back(SplitUnescaped(fields[column + f], '|'));
        column += features[layer];
        if (fields[column - features[layer]] == "_") {
          for (const auto& s : stacks) CHECK(s == std::vector<std::string>{"_"});
          continue;
        }
        for (std::size_t k = 0; k < stacks[0].size(); ++k) {
          TsvSpan span{begin, end, {}};
          std::optional<int> id;
          for (auto& s : stacks) {
            REQUIRE(s.size() == stacks[0].size());
            std::string raw = s[k];
            std::optional<int> this_id;
            if (!raw.empty() && raw.back() == ']' && (raw.size() < 2 || raw[raw.size() - 2] != '\\')) {
              const std::size_t open = raw.rfind('[');
              this_id = std::stoi(raw.substr(open + 1));
              raw.resize(open);
            }
            CHECK(this_id == (id ? id : this_id));
            if (!id) id = this_id;
            span.values.push_back(UnescapeTsvValue(raw));
          }
          if (!id) {
            doc.spans[layer].insert(span);
            continue;
          }
          auto [it, fresh] = by_id.emplace(std::make_pair(layer, *id), span);
          if (!fresh) {
            CHECK(it->second.values == span.values);
            it->second.end = end;  // an id goes on over the following tokens
          }
        }
      }
    }
    // The sentence text starts at its first token, as INCEpTION rebuilds it.
    std::string expected;
    text.tempSubStringBetween(static_cast<int32_t>(sentence_begin),
                              static_cast<int32_t>(sentence_begin + icu::UnicodeString::fromUTF8(sentence_text).length()))
        .toUTF8String(expected);
    CHECK(sentence_text == expected);
  }
  for (const auto& [key, span] : by_id) doc.spans[key.first].insert(span);
  return doc;
}

}  // namespace

TEST_CASE("WebAnno TSV 3.3: read back, every marker and claim part is there", "[output][webanno]") {
  const evident::Annotator& annotator = DefaultAnnotator();
  auto writer = evident::MakeWriter("webanno", annotator.pack(), {});
  REQUIRE(writer);
  REQUIRE(writer->WritesFolder());
  std::size_t spans = 0;
  RenderEach(*writer, [&](const evident::Document& doc, const evident::AnnotatedDocument& a,
                          const std::string& bundle) {
    const auto files = Files(bundle);
    REQUIRE(files.size() == 1);
    const icu::UnicodeString text = icu::UnicodeString::fromUTF8(doc.text);
    const TsvDocument tsv = ReadTsv(files.at(".tsv"), text);
    REQUIRE(tsv.layers.size() == 2);
    CHECK(tsv.layers[0] == "#T_SP=webanno.custom.Evident|category|subtype|rule|message");
    REQUIRE(tsv.sentences.size() == a.sentences.size());

    const OffsetConverter u16(doc.text, OffsetUnit::kUtf16);
    std::multiset<TsvSpan> markers, parts;
    for (const evident::Annotation& an : a.annotations) {
      const evident::Rule& rule = annotator.pack().rules[an.rule];
      markers.insert({u16(an.span.begin), u16(an.span.end),
                      {std::string(evident::CategoryName(rule.category)), rule.type, rule.id, rule.message}});
    }
    for (std::size_t i = 0; i < a.claims.size(); ++i) {
      const evident::Claim& c = a.claims[i];
      if (c.cue.empty()) continue;
      char score[32];
      std::snprintf(score, sizeof score, "%.2f", c.evidence.score);
      for (auto [span, role] : {std::pair{c.source, "Source"}, {c.cue, "Cue"}, {c.content, "Content"}})
        if (!span.empty())
          parts.insert({u16(span.begin), u16(span.end), {evident::ClaimId(i), role, score, c.evidence.label}});
    }
    CHECK(tsv.spans[0] == markers);
    CHECK(tsv.spans[1] == parts);
    spans += markers.size() + parts.size();
  });
  CHECK(spans > 250);
}

TEST_CASE("W3C Web Annotation: selectors quote the text they point at", "[output][w3c]") {
  const evident::Annotator& annotator = DefaultAnnotator();
  auto writer = evident::MakeWriter("w3c", annotator.pack(), {});
  REQUIRE(writer);
  std::size_t checked = 0;
  RenderEach(*writer, [&](const evident::Document& doc, const evident::AnnotatedDocument& a,
                          const std::string& line) {
    REQUIRE(line.find('\n') == line.size() - 1);
    const auto page = nlohmann::json::parse(line);
    CHECK(page["@context"][0] == "http://www.w3.org/ns/anno.jsonld");
    CHECK(page["type"] == "AnnotationPage");
    REQUIRE(page["items"].size() == a.annotations.size() + a.claims.size());
    const icu::UnicodeString text = icu::UnicodeString::fromUTF8(doc.text);
    std::vector<UChar32> cps(static_cast<std::size_t>(text.countChar32()) + 1);
    UErrorCode status = U_ZERO_ERROR;
    text.toUTF32(cps.data(), static_cast<int32_t>(cps.size()), status);
    auto slice = [&](std::size_t b, std::size_t e) {
      std::string s;
      icu::UnicodeString::fromUTF32(cps.data() + b, static_cast<int32_t>(e - b)).toUTF8String(s);
      return s;
    };
    for (std::size_t i = 0; i < page["items"].size(); ++i) {
      const auto& item = page["items"][i];
      CHECK(item["type"] == "Annotation");
      CHECK(item["motivation"] == (i < a.annotations.size() ? "classifying" : "assessing"));
      const auto& selectors = item["target"]["selector"];
      REQUIRE(selectors.size() == 2);
      const std::size_t start = selectors[1]["start"], end = selectors[1]["end"];
      CHECK(selectors[0]["exact"].get<std::string>() == slice(start, end));
      const std::string prefix = selectors[0]["prefix"], suffix = selectors[0]["suffix"];
      CHECK(slice(start - icu::UnicodeString::fromUTF8(prefix).countChar32(), start) == prefix);
      CHECK(slice(end, end + icu::UnicodeString::fromUTF8(suffix).countChar32()) == suffix);
      if (i < a.annotations.size()) {
        const evident::Rule& rule = annotator.pack().rules[a.annotations[i].rule];
        CHECK(item["body"][0]["value"] == evident::CategoryName(rule.category));
        CHECK(item["body"][1]["rule"] == rule.id);
        CHECK(item["body"][1]["value"] == rule.message);
      } else {
        CHECK(item["body"]["score"] == a.claims[i - a.annotations.size()].evidence.score);
      }
      ++checked;
    }
  });
  CHECK(checked > 200);
}

namespace {

// The text an HTML fragment shows: tags dropped, the five entities evident
// writes decoded, the tooltips (which repeat rule messages) left out.
std::string HtmlText(std::string_view html) {
  std::string out;
  for (std::size_t i = 0; i < html.size();) {
    if (html.compare(i, 18, "<span class=\"tip\" ") == 0) {
      i = html.find("</span>", i) + 7;
    } else if (html[i] == '<') {
      i = html.find('>', i) + 1;
    } else if (html[i] == '&') {
      const std::size_t semi = html.find(';', i);
      const std::string_view e = html.substr(i, semi + 1 - i);
      out += e == "&amp;" ? "&" : e == "&lt;" ? "<" : e == "&gt;" ? ">" : e == "&quot;" ? "\"" : e == "&#39;" ? "'" : "?";
      i = semi + 1;
    } else {
      out += html[i++];
    }
  }
  return out;
}

}  // namespace

TEST_CASE("HTML: the article is all there, as text, with a highlight per marker", "[output][html]") {
  const evident::Annotator& annotator = DefaultAnnotator();
  auto writer = evident::MakeWriter("html", annotator.pack(), {});
  REQUIRE(writer);
  std::string report;
  writer->Begin(&report);
  RenderEach(*writer, [&](const evident::Document& doc, const evident::AnnotatedDocument& a,
                          const std::string& html) {
    const std::size_t open = html.find("<div class=\"text\">"), close = html.find("</div>", open);
    REQUIRE(open != std::string::npos);
    REQUIRE(close != std::string::npos);
    CHECK(HtmlText(std::string_view(html).substr(open, close - open)) == doc.text);
    std::size_t marks = 0, claims = 0;
    for (std::size_t at = 0; (at = html.find(" tabindex=\"0\" aria-describedby=", at)) != std::string::npos; ++at) ++marks;
    for (std::size_t at = 0; (at = html.find("<tr data-order=", at)) != std::string::npos; ++at) ++claims;
    CHECK(marks == a.annotations.size());
    CHECK(claims == a.claims.size());
    report += html;
  });
  writer->End(&report);
  // One script, the report's own; nothing from an article became markup.
  std::size_t scripts = 0;
  for (std::size_t at = 0; (at = report.find("<script", at)) != std::string::npos; ++at) ++scripts;
  CHECK(scripts == 1);
  CHECK(report.find("<img") == std::string::npos);
  CHECK(report.find("</textarea>") == std::string::npos);
  CHECK(report.find("&lt;script&gt;document.title=&#39;PWNED&#39;&lt;/script&gt;") != std::string::npos);
  CHECK(report.find("Content-Security-Policy") != std::string::npos);
  CHECK(report.rfind("</html>\n") == report.size() - 8);
}

TEST_CASE("every writer: hostile text is written inert and intact", "[output]") {
  const evident::Annotator& annotator = DefaultAnnotator();
  auto scratch = annotator.NewScratch();
  evident::Document doc;
  doc.id = "=cmd|' /C calc'!A0 <script>alert(1)</script>\t\"../x\"";
  doc.text = HostileText();
  evident::AnnotatedDocument a;
  annotator.Annotate(doc, scratch.get(), &a);
  REQUIRE(a.claims.size() >= 5);
  for (const std::string& format : evident::WriterNames()) {
    INFO(format);
    auto writer = evident::MakeWriter(format, annotator.pack(), {});
    REQUIRE(writer);
    std::string out;
    writer->Begin(&out);
    writer->Render(a, &out);
    writer->End(&out);
    if (format == "jsonl" || format == "w3c") {
      const auto j = nlohmann::json::parse(out);  // one line, valid JSON
      CHECK(out.find('\n') == out.size() - 1);
      const std::string text = j.dump();  // the strings, unescaped and re-escaped the same way
      CHECK(text.find(format == "jsonl" ? "<script>document.title='PWNED'</script>" : "<script>document.title=") !=
            std::string::npos);
    } else if (format == "csv") {
      // No cell starts with a formula character; quoted cells are whole.
      for (std::string_view bad : {"\n=", ",=", "\n+", ",+", "\n-", ",-", "\n@", ",@", ",\"=", ",\"+", ",\"-", ",\"@"})
        CHECK(out.find(bad) == std::string::npos);
      CHECK(out.find(",'=1+2 was the total,") != std::string::npos);
      CHECK(out.find(",'-2+3 was the other total,") != std::string::npos);
      CHECK(out.find(",'@SUM(A1) is a formula,") != std::string::npos);
      CHECK(out.find("\"'=cmd|' /C calc'!A0 <script>alert(1)</script>\t\"\"../x\"\"\"") != std::string::npos);
    } else if (format == "explain") {
      CHECK(out.find("<script>document.title='PWNED'</script>") != std::string::npos);
    } else if (format == "brat") {
      const auto files = Files(out);
      CHECK(files.at(".txt") == doc.text);
      CHECK(evident::ParseBrat(files.at(".ann"), doc.text).problems.empty());
    } else if (format == "webanno") {
      const auto files = Files(out);
      const std::string& tsv = files.at(".tsv");
      CHECK(tsv.find("#Text=Critics claim\\tthe\\ttabs are a trick: \\\\ backslash") != std::string::npos);
      ReadTsv(tsv, icu::UnicodeString::fromUTF8(doc.text));
    } else if (format == "html") {
      CHECK(out.find("<script>alert") == std::string::npos);
      CHECK(out.find("&lt;script&gt;alert(1)&lt;/script&gt;") != std::string::npos);
      CHECK(out.find("<img") == std::string::npos);
    } else {
      FAIL("a writer without a hostile-text check: " << format);
    }
  }
}
