#include "resolve/resolve.h"

#include <catch2/catch.hpp>

using evident::Match;
using evident::Pack;

namespace {

Pack ThreeRules() {
  Pack pack;
  for (const char* id : {"b.first", "a.second", "c.third"}) {
    evident::Rule r;
    r.id = id;
    pack.rules.push_back(r);
  }
  pack.rules[2].priority = 5;
  return pack;
}

// Long enough for every span below; ASCII, so characters are bytes.
const std::string kText(64, 'x');

Match M(std::uint32_t rule, std::size_t b, std::size_t e) {
  Match m;
  m.rule = rule;
  m.span = m.whole = {b, e};
  return m;
}

}  // namespace

TEST_CASE("overlaps: longest, then priority, then pack order", "[resolve]") {
  const Pack pack = ThreeRules();
  struct Case {
    const char* name;
    std::vector<Match> in;
    std::vector<std::pair<std::uint32_t, std::size_t>> want;  // rule, begin
    std::size_t overruled;
  };
  const std::vector<Case> cases = {
      {"no overlap", {M(0, 10, 12), M(1, 0, 5)}, {{1, 0}, {0, 10}}, 0},
      {"longest wins", {M(0, 0, 5), M(1, 2, 10)}, {{1, 2}}, 1},
      {"priority breaks a tie", {M(0, 0, 5), M(2, 1, 6)}, {{2, 1}}, 1},
      {"pack order breaks a tie", {M(1, 1, 6), M(0, 0, 5)}, {{0, 0}}, 1},
      {"nested", {M(0, 0, 20), M(1, 5, 8), M(1, 25, 30)}, {{0, 0}, {1, 25}}, 1},
      {"touching is not overlapping", {M(0, 0, 5), M(1, 5, 9)}, {{0, 0}, {1, 5}}, 0},
      {"chain", {M(0, 0, 4), M(1, 3, 9), M(0, 8, 12)}, {{1, 3}}, 2},
  };
  for (const Case& c : cases) {
    INFO(c.name);
    auto matches = c.in;
    std::vector<evident::Overruled> lost;
    evident::ResolveOverlaps(pack, kText, &matches, &lost);
    std::vector<std::pair<std::uint32_t, std::size_t>> got;
    for (const Match& m : matches) got.emplace_back(m.rule, m.span.begin);
    CHECK(got == c.want);
    CHECK(lost.size() == c.overruled);
  }
}

TEST_CASE("length is counted in characters, not bytes", "[resolve]") {
  const Pack pack = ThreeRules();
  // "\u201Cab\u201D" is 4 characters in 8 bytes; "ab\u201Dxy" is 5 characters in 7.
  const std::string text = "\u201Cab\u201Dxy";
  std::vector<Match> matches = {M(0, 0, 8), M(1, 3, 10)};
  evident::ResolveOverlaps(pack, text, &matches, nullptr);
  REQUIRE(matches.size() == 1);
  CHECK(matches[0].rule == 1);
}

TEST_CASE("the overruled match names its winner", "[resolve]") {
  const Pack pack = ThreeRules();
  std::vector<Match> matches = {M(0, 0, 3), M(2, 0, 10)};
  std::vector<evident::Overruled> lost;
  evident::ResolveOverlaps(pack, kText, &matches, &lost);
  REQUIRE(lost.size() == 1);
  CHECK(lost[0].match.rule == 0);
  CHECK(lost[0].winner_rule == 2);
}

TEST_CASE("categories that coexist keep both overlapping matches", "[resolve]") {
  Pack pack;
  for (auto [id, category] : {std::pair{"booster.x", evident::Category::kBooster},
                              std::pair{"evidence_present.x", evident::Category::kEvidencePresent},
                              std::pair{"hedge.x", evident::Category::kHedge},
                              std::pair{"booster.y", evident::Category::kBooster}}) {
    evident::Rule r;
    r.id = id;
    r.category = category;
    pack.rules.push_back(r);
  }
  const auto booster = static_cast<std::size_t>(evident::Category::kBooster);
  const auto present = static_cast<std::size_t>(evident::Category::kEvidencePresent);
  pack.coexist[booster][present] = pack.coexist[present][booster] = true;
  struct Case {
    const char* name;
    std::vector<Match> in;
    std::vector<std::pair<std::uint32_t, std::size_t>> want;  // rule, begin
  };
  const std::vector<Case> cases = {
      // "damning evidence" (booster) around "evidence" (evidence_present): both stay.
      {"nested, coexisting", {M(0, 0, 16), M(1, 8, 16)}, {{0, 0}, {1, 8}}},
      // A hedge competes with both; the longest of all wins.
      {"a competing third", {M(0, 0, 16), M(1, 8, 16), M(2, 4, 10)}, {{0, 0}, {1, 8}}},
      // The same category always competes, whatever coexists.
      {"same category", {M(0, 0, 16), M(3, 8, 12)}, {{0, 0}}},
      // The shorter coexisting match still loses to its own category's winner.
      {"chain", {M(1, 0, 6), M(0, 4, 12), M(1, 10, 14)}, {{1, 0}, {0, 4}, {1, 10}}},
  };
  for (const Case& c : cases) {
    INFO(c.name);
    auto matches = c.in;
    evident::ResolveOverlaps(pack, kText, &matches, nullptr);
    std::vector<std::pair<std::uint32_t, std::size_t>> got;
    for (const Match& m : matches) got.emplace_back(m.rule, m.span.begin);
    CHECK(got == c.want);
  }
}
