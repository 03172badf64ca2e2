#include "match/match.h"

#include <catch2/catch.hpp>

using evident::Match;
using evident::Matcher;
using evident::Pack;

namespace {

const Pack& TestPack() {
  static const Pack pack = evident::LoadPack(EVIDENT_TEST_DATA "/pack");
  return pack;
}

std::string RuleOf(const Match& m) { return TestPack().rules[m.rule].id; }

}  // namespace

TEST_CASE("matches: rule, annotated span, named groups", "[match]") {
  Matcher matcher(TestPack());
  Matcher::Scratch scratch;
  struct Case {
    std::string text;
    std::vector<std::pair<std::string, std::string>> want;  // rule id, annotated text
  };
  const std::vector<Case> cases = {
      {"They MAY HAVE left.", {{"hedge.may", "MAY"}}},
      {"It rained in May.", {}},
      {"It could rain, could it not?", {{"hedge.could", "could"}, {"hedge.could", "could"}}},
      {"She could not be reached for comment.", {}},
      {"He Reportedly and allegedly left.", {{"hedge.reportedly", "Reportedly"}, {"hedge.reportedly", "allegedly"}}},
      {"It\u2019s clear now.", {{"booster.its_clear", "It\u2019s clear"}}},
      {"It is well\u2014known.", {{"weasel.well_known", "well\u2014known"}}},
      {"no independent verification",
       {{"evidence_absent.no_verification", "no independent verification"},
        {"evidence_present.verification", "independent verification"}}},
  };
  for (const Case& c : cases) {
    INFO(c.text);
    std::vector<Match> found;
    matcher.FindAll(c.text, 0, c.text.size(), &scratch, &found, nullptr);
    std::vector<std::pair<std::string, std::string>> got;
    for (const Match& m : found) got.emplace_back(RuleOf(m), c.text.substr(m.span.begin, m.span.size()));
    std::sort(got.begin(), got.end());
    auto want = c.want;
    std::sort(want.begin(), want.end());
    CHECK(got == want);
  }
}

TEST_CASE("named groups give source, cue and content spans", "[match]") {
  Matcher matcher(TestPack());
  Matcher::Scratch scratch;
  const std::string text = "Intro. Foreign Ministry claimed that it rained. End.";
  const std::size_t b = text.find("Foreign"), e = text.find(" End");
  std::vector<Match> found;
  matcher.FindAll(text, b, e, &scratch, &found, nullptr);
  REQUIRE(found.size() == 1);
  auto part = [&](evident::Span s) { return text.substr(s.begin, s.size()); };
  CHECK(part(found[0].source) == "Foreign Ministry");
  CHECK(part(found[0].cue) == "claimed");
  CHECK(part(found[0].span) == "claimed");
  CHECK(part(found[0].content) == "it rained");
}

TEST_CASE("case_sensitive rules keep case", "[match]") {
  Matcher matcher(TestPack());
  Matcher::Scratch scratch;
  const std::string text = "moscow CLAIMED that it rained.";
  std::vector<Match> found;
  matcher.FindAll(text, 0, text.size(), &scratch, &found, nullptr);
  CHECK(found.empty());
}

TEST_CASE("except: suppressed matches are reported", "[match]") {
  Matcher matcher(TestPack());
  Matcher::Scratch scratch;
  const std::string text = "He could not be reached, but it could rain.";
  std::vector<Match> found;
  std::vector<evident::Suppression> suppressed;
  matcher.FindAll(text, 0, text.size(), &scratch, &found, &suppressed);
  REQUIRE(found.size() == 1);
  CHECK(found[0].span.begin == text.rfind("could"));
  REQUIRE(suppressed.size() == 1);
  CHECK(suppressed[0].match.span.begin == text.find("could"));
  CHECK(text.substr(suppressed[0].except_span.begin, suppressed[0].except_span.size()) == "could not be reached");
}

TEST_CASE("offsets are into the whole text, not the sentence", "[match]") {
  Matcher matcher(TestPack());
  Matcher::Scratch scratch;
  const std::string text = "First. He reportedly left.";
  std::vector<Match> found;
  matcher.FindAll(text, 7, text.size(), &scratch, &found, nullptr);
  REQUIRE(found.size() == 1);
  CHECK(found[0].span.begin == text.find("reportedly"));
}

TEST_CASE("counted repetitions keep their bounds (the Set's copy of a rule is looser)", "[match]") {
  // The Set that picks candidate rules replaces x{m,n} (n > 4) by x{m,}; the
  // rule's own RE2 must still hold the count, in patterns and in except:.
  Pack pack;
  auto add = [&](std::string id, std::string pattern, std::vector<std::string> except = {}) {
    evident::Rule r;
    r.id = std::move(id);
    r.category = evident::Category::kHedge;
    r.pattern = std::move(pattern);
    r.except = std::move(except);
    pack.rules.push_back(r);
  };
  add("gap", R"(\bsaid\b[^.]{0,10}\bclaim\b)");
  add("words", R"(\bas(?: \w+){1,5} put it\b)");
  add("brace", R"(x\{0,9\}|[{]0,99})");  // escaped and bracketed braces are literal
  add("cue", R"(\bcue\b)", {R"(\bcue[^.]{0,6}end\b)"});
  Matcher matcher(pack);
  Matcher::Scratch scratch;
  struct Case {
    std::string text;
    std::vector<std::string> want;  // rule ids
  };
  const std::vector<Case> cases = {
      {"He said the claim.", {"gap"}},
      {"He said, at length and again, the claim.", {}},  // 11+ characters between
      {"as the minister put it", {"words"}},
      {"as one two three four five six put it", {}},
      {"x{0,9} and {0,99}", {"brace", "brace"}},
      {"x{0,5}", {}},
      {"a cue at end", {}},            // the exception covers it
      {"a cue and then the end", {"cue"}},  // too far for the exception
  };
  for (const Case& c : cases) {
    INFO(c.text);
    std::vector<Match> found;
    matcher.FindAll(c.text, 0, c.text.size(), &scratch, &found, nullptr);
    std::vector<std::string> got;
    for (const Match& m : found) got.push_back(pack.rules[m.rule].id);
    CHECK(got == c.want);
  }
}
