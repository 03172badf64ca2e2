#include "segment/segment.h"

#include <catch2/catch.hpp>

using evident::Segmenter;
using evident::SentenceSpan;

namespace {

std::vector<std::string> Sentences(const std::string& text, std::size_t max = 8192) {
  Segmenter seg({"en@ss=standard", max});
  std::vector<SentenceSpan> spans;
  seg.Segment(text, &spans);
  std::vector<std::string> out;
  for (const auto& s : spans) out.push_back(text.substr(s.begin, s.end - s.begin));
  return out;
}

}  // namespace

TEST_CASE("sentences, with abbreviations kept inside", "[segment]") {
  struct Case {
    const char* name;
    std::string text;
    std::vector<std::string> want;
  };
  const std::vector<Case> cases = {
      {"two sentences", "One here. Two there.", {"One here.", "Two there."}},
      {"U.S.", "The U.S. military said so. Then it left.", {"The U.S. military said so.", "Then it left."}},
      {"Sept.", "Lavrov spoke on Sept. 12 in Moscow. He left.", {"Lavrov spoke on Sept. 12 in Moscow.", "He left."}},
      {"Nov.", "Clashes broke out Nov. 27 in Aleppo.", {"Clashes broke out Nov. 27 in Aleppo."}},
      {"Mr.", "Mr. Smith said no. Ms. Jones agreed.", {"Mr. Smith said no.", "Ms. Jones agreed."}},
      {"headline and byline", "Russia accuses Ukraine\nBy Jane Doe // 2024-09-19\nThe body starts here. It ends.",
       {"Russia accuses Ukraine", "By Jane Doe // 2024-09-19", "The body starts here.", "It ends."}},
      {"quote closes sentence", "\u201CWe left.\u201D She said so.", {"\u201CWe left.\u201D", "She said so."}},
      {"white space trimmed", "  \u00A0Lead.\u00A0 \n\n  Next line  ", {"Lead.", "Next line"}},
      {"empty", "", {}},
      {"only space", " \n\u00A0\n ", {}},
  };
  for (const Case& c : cases) {
    INFO(c.name);
    CHECK(Sentences(c.text) == c.want);
  }
}

TEST_CASE("offsets are bytes of the original text", "[segment]") {
  const std::string text = "T\u00FCrkiye \u201Cyes.\u201D Next.";
  Segmenter seg;
  std::vector<SentenceSpan> spans;
  seg.Segment(text, &spans);
  REQUIRE(spans.size() == 2);
  CHECK(spans[0].begin == 0);
  CHECK(spans[0].end == text.find(" Next"));
  CHECK(spans[1].begin == text.find("Next"));
  CHECK(spans[1].end == text.size());
}

TEST_CASE("over-long sentences are cut at white space and marked split", "[segment]") {
  std::string text;
  for (int i = 0; i < 100; ++i) text += "word ";
  Segmenter seg({"en@ss=standard", 64});
  std::vector<SentenceSpan> spans;
  seg.Segment(text, &spans);
  REQUIRE(spans.size() > 1);
  std::size_t covered = 0;
  for (const auto& s : spans) {
    CHECK(s.split);
    CHECK(s.end - s.begin <= 64);
    CHECK(text[s.begin] == 'w');   // cut between words, never inside one
    CHECK(text[s.end - 1] == 'd');
    covered += s.end - s.begin;
  }
  CHECK(covered == 100 * 4 + 99 - (spans.size() - 1));
}

TEST_CASE("a long run without spaces is cut at code point boundaries", "[segment]") {
  std::string text;
  for (int i = 0; i < 100; ++i) text += "\u00FC";  // two bytes each
  Segmenter seg({"en@ss=standard", 33});
  std::vector<SentenceSpan> spans;
  seg.Segment(text, &spans);
  std::size_t total = 0;
  for (const auto& s : spans) {
    CHECK((s.end - s.begin) % 2 == 0);
    total += s.end - s.begin;
  }
  CHECK(total == text.size());
}

TEST_CASE("clones segment independently", "[segment]") {
  Segmenter proto;
  Segmenter a = proto.Clone(), b = proto.Clone();
  std::vector<SentenceSpan> sa, sb;
  a.Segment("One. Two.", &sa);
  b.Segment("Three.", &sb);
  a.Segment("One. Two.", &sa);
  CHECK(sa.size() == 2);
  CHECK(sb.size() == 1);
}
