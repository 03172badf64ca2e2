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

TEST_CASE("no break after titles, initials and other abbreviations", "[segment]") {
  // ICU's own list misses these; segment.cpp removes its breaks after them
  // (issue #4). Each case says whether the break stays.
  struct Case {
    const char* name;
    std::string text;
    std::vector<std::string> want;
  };
  const std::vector<Case> cases = {
      {"Sen.", "Former Sen. Ada Park said the bill would pass.", {"Former Sen. Ada Park said the bill would pass."}},
      {"Gov. and Lt. Gov.", "Lt. Gov. Ben Ruiz met Gov. Ann Lee.", {"Lt. Gov. Ben Ruiz met Gov. Ann Lee."}},
      {"Rep. Reps. Sens.", "Reps. Lo and Ng joined Sens. Kay and Orr.", {"Reps. Lo and Ng joined Sens. Kay and Orr."}},
      {"military ranks", "Gen. Ivo Marsh and Col. Rita Vance briefed Sgt. Tom Ode and Adm. Lee Yu.",
       {"Gen. Ivo Marsh and Col. Rita Vance briefed Sgt. Tom Ode and Adm. Lee Yu."}},
      {"Dr. Prof. Capt.", "Dr. Nia Holt and Prof. Sam Eze praised Capt. Lou Finn.",
       {"Dr. Nia Holt and Prof. Sam Eze praised Capt. Lou Finn."}},
      {"middle initial", "The council heard Mary K. Dunn on Monday.", {"The council heard Mary K. Dunn on Monday."}},
      {"two initials", "J. K. Lind wrote back. H.W. Cole did not.", {"J. K. Lind wrote back.", "H.W. Cole did not."}},
      {"initials after a name", "A letter from George H.W. Moss arrived.", {"A letter from George H.W. Moss arrived."}},
      {"St. and Mt.", "They drove from St. Paul to Mt. Hood.", {"They drove from St. Paul to Mt. Hood."}},
      {"in capitals", "ST. PAUL — SEN. ADA PARK SPOKE.", {"ST. PAUL — SEN. ADA PARK SPOKE."}},
      {"an acronym ending in a listed capital", "He joined NATO. Then he left the CEO. Later he wrote.",
       {"He joined NATO.", "Then he left the CEO.", "Later he wrote."}},
      {"case name", "The court cited Doe v. Roberts in its ruling.", {"The court cited Doe v. Roberts in its ruling."}},
      {"U.S. before a name", "She spoke to the U.S. Senate on Friday.", {"She spoke to the U.S. Senate on Friday."}},
      {"U.N. before a name", "The U.N. Security Council met.", {"The U.N. Security Council met."}},
      {"U.S. ends a sentence", "He moved to the U.S. He said he liked it.", {"He moved to the U.S.", "He said he liked it."}},
      {"U.S. then a conjunction", "Talks stalled in the U.S. But they resumed.", {"Talks stalled in the U.S.", "But they resumed."}},
      {"No. before a number", "He is the No. 2 official.", {"He is the No. 2 official."}},
      {"No. as an answer", "Did it work? No. It failed.", {"Did it work?", "No.", "It failed."}},
      {"month before a number", "The vote is set for Oct. 4 in the capital.", {"The vote is set for Oct. 4 in the capital."}},
      {"p.m. before a time zone", "Polls close at 8 p.m. EST on Tuesday.", {"Polls close at 8 p.m. EST on Tuesday."}},
      {"p.m. ends a sentence", "Polls close at 8 p.m. Results follow.", {"Polls close at 8 p.m.", "Results follow."}},
      {"pronoun I.", "Neither do I. The rest agree.", {"Neither do I.", "The rest agree."}},
      {"initial then a sentence opener", "They chose Plan B. The plan failed.", {"They chose Plan B.", "The plan failed."}},
      {"Inc. may end a sentence", "She sold it to Acme Inc. The buyer paid cash.", {"She sold it to Acme Inc.", "The buyer paid cash."}},
      {"acronym ends a sentence", "He joined the FBI. Then he left.", {"He joined the FBI.", "Then he left."}},
      {"place initials", "She lives in Washington, D.C. Her office is near.", {"She lives in Washington, D.C.", "Her office is near."}},
      {"quote after a title", "\u201CWe agree,\u201D said Sen. Ola Reyes.", {"\u201CWe agree,\u201D said Sen. Ola Reyes."}},
      {"line break after a title stays", "Meet the Gov.\nBen Ruiz spoke first.", {"Meet the Gov.", "Ben Ruiz spoke first."}},
  };
  for (const Case& c : cases) {
    INFO(c.name);
    CHECK(Sentences(c.text) == c.want);
  }
}

TEST_CASE("join_abbreviations can be turned off", "[segment]") {
  evident::SegmenterOptions options;
  options.join_abbreviations = false;
  Segmenter seg(options);
  std::vector<SentenceSpan> spans;
  seg.Segment("Sen. Ada Park spoke.", &spans);
  CHECK(spans.size() == 2);
  Segmenter clone = seg.Clone();
  clone.Segment("Sen. Ada Park spoke.", &spans);
  CHECK(spans.size() == 2);
  Segmenter on;
  on.Clone().Segment("Sen. Ada Park spoke.", &spans);
  CHECK(spans.size() == 1);
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
