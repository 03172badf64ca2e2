#include "rules/rules.h"

#include <re2/re2.h>

#include <catch2/catch.hpp>
#include <algorithm>
#include <filesystem>
#include <fstream>
#include <unistd.h>

namespace fs = std::filesystem;
using evident::Pack;
using evident::PackError;

TEST_CASE("typographic variants are widened without touching the rest", "[rules]") {
  struct Case {
    std::string pattern;
    std::vector<std::string> match;
    std::vector<std::string> no_match;
  };
  const std::vector<Case> cases = {
      {"it's", {"it's", "it\u2019s", "it\u2018s"}, {"its"}},
      {"\"x\"", {"\"x\"", "\u201Cx\u201D"}, {"x"}},
      {"well-known", {"well-known", "well\u2013known", "well\u2014known"}, {"wellknown"}},
      {"a b", {"a b", "a  b", "a\u00A0b", "a\tb"}, {"ab"}},
      {"a ?b", {"ab", "a b"}, {}},
      {"[a-c]x", {"bx"}, {"-x"}},
      {"[']s", {"\u2019s", "'s"}, {}},
      {"\\-", {"\u2013"}, {}},
      {"\\.", {"."}, {"x"}},
      {"(?P<cue>may) be", {"may be"}, {"maybe"}},
      {"(?-i:May)-day", {"May\u2013day"}, {"may-day"}},
      {"(?i)x-y", {"X-Y"}, {}},
  };
  for (const Case& c : cases) {
    const std::string p = evident::TolerateTypography(c.pattern);
    INFO(c.pattern << " => " << p);
    RE2 re(p);
    REQUIRE(re.ok());
    for (const auto& s : c.match) CHECK(RE2::FullMatch(s, re));
    for (const auto& s : c.no_match) CHECK_FALSE(RE2::FullMatch(s, re));
  }
}

TEST_CASE("terms are whole words, longest first, metacharacters literal", "[rules]") {
  const std::string p = evident::TolerateTypography(evident::TermsPattern({"may", "may have", "U.S.", "(sic)"}));
  RE2 re(p);
  REQUIRE(re.ok());
  re2::StringPiece m;
  REQUIRE(RE2::PartialMatch("they may have gone", "(" + p + ")", &m));
  CHECK(m == "may have");
  CHECK_FALSE(RE2::PartialMatch("dismayed", re));
  CHECK(RE2::PartialMatch("the U.S. said", re));
  CHECK_FALSE(RE2::PartialMatch("the UxSx said", re));
  CHECK(RE2::PartialMatch("it was (sic) there", re));
  CHECK_THROWS_AS(evident::TermsPattern({}), std::invalid_argument);
  CHECK_THROWS_AS(evident::TermsPattern({" "}), std::invalid_argument);
}

TEST_CASE("the test pack loads with macros, terms and excepts expanded", "[rules]") {
  Pack pack = evident::LoadPack(EVIDENT_TEST_DATA "/pack");
  CHECK(pack.name == "test");
  REQUIRE(pack.rules.size() == 10);
  const auto& claimed = pack.rules[3];
  CHECK(claimed.id == "attribution.claimed");
  CHECK(claimed.category == evident::Category::kAttribution);
  CHECK(claimed.case_sensitive);
  CHECK(claimed.pattern.find("{{") == std::string::npos);
  CHECK(claimed.where.line == 28);
  CHECK(pack.rules[1].except.size() == 1);
  CHECK(pack.rules[2].weight == Approx(-0.5));
  CHECK(pack.rules[0].match_tests.at(0).where.line == 11);
}

TEST_CASE("bad rule files give FILE:LINE:COL and the expected message", "[rules]") {
  // Each file's first line is "# expect: LINE:COL: message".
  std::vector<fs::path> files;
  for (const auto& e : fs::directory_iterator(EVIDENT_TEST_DATA "/bad_rules")) files.push_back(e.path());
  std::sort(files.begin(), files.end());
  REQUIRE(files.size() >= 10);
  for (const auto& f : files) {
    std::ifstream in(f);
    std::string first;
    std::getline(in, first);
    const std::string prefix = "# expect: ";
    REQUIRE(first.rfind(prefix, 0) == 0);
    const std::string want = f.string() + ":" + first.substr(prefix.size());
    INFO(f.filename().string());
    Pack pack;
    try {
      evident::LoadRuleFile(f.string(), &pack);
      FAIL("no error for " << f);
    } catch (const PackError& e) {
      CHECK_THAT(e.what(), Catch::StartsWith(want));
    }
  }
}

TEST_CASE("pack.yaml problems name the manifest", "[rules]") {
  CHECK_THROWS_WITH(evident::LoadPack("/nonexistent/pack"), Catch::Contains("rule pack folder not found"));
  CHECK_THROWS_WITH(evident::LoadPack(EVIDENT_TEST_DATA "/bad_rules"), Catch::Contains("no pack.yaml"));
}

TEST_CASE("category names round-trip", "[rules]") {
  for (int i = 0; i < evident::kNumCategories; ++i) {
    auto c = static_cast<evident::Category>(i);
    CHECK(evident::ParseCategory(evident::CategoryName(c)) == c);
  }
  CHECK_FALSE(evident::ParseCategory("hedges"));
}

TEST_CASE("hostile rule packs fail to load with a clear message", "[rules]") {
  // Generated here rather than stored: some are megabytes.
  auto rule = [](const std::string& pattern) {
    return "category: hedge\nrules:\n  - id: hedge.x\n    type: t\n    message: m\n    tests: {match: [x]}\n"
           "    pattern: '" + pattern + "'\n";
  };
  auto repeat = [](const std::string& s, int n) {
    std::string out;
    for (int i = 0; i < n; ++i) out += s;
    return out;
  };
  std::string alternation;
  for (int i = 0; i < 40000; ++i) alternation += (i ? "|" : "") + std::string("(?:w") + std::to_string(i) + "x\\s+\\w+)";
  struct Case {
    const char* name;
    std::string body;
    const char* error;
  };
  const std::vector<Case> cases = {
      {"huge alternation", rule(alternation), "exceeds RE2's memory budget"},
      {"nested repetition", rule("((((a*)*)*)*)*b{1000}{1000}"), "bad repetition operator"},
      {"repetition too large", rule("(?:[a-z]{1000}){1000}"), "invalid repetition size"},
      {"10 MB pattern", rule(std::string(10'000'000, 'a')), "rule files are limited to"},
      {"1 MB pattern", rule(std::string(1'100'000, 'a')), "the limit is 1048576"},
      {"deep nesting", "rules: " + repeat("[", 5000) + repeat("]", 5000) + "\n", "YAML nests too deeply"},
      {"alias bomb", "category: hedge\nrules:\n  - &a {id: hedge.x, type: t, message: m, tests: {match: [x]}, terms: [x]}\n"
                     "  - *a\n", "duplicate rule id"},
      {"macro bomb", "category: hedge\ndefine:\n" + [] {
         std::string d = "  M0: 'aaaaaaaaaa'\n";
         for (int i = 1; i < 30; ++i)
           d += "  M" + std::to_string(i) + ": '{{M" + std::to_string(i - 1) + "}}{{M" + std::to_string(i - 1) + "}}'\n";
         return d;
       }() + "rules: []\n", "pattern too large after macro expansion"},
  };
  const fs::path dir = fs::temp_directory_path() / ("evident-hostile-" + std::to_string(::getpid()));
  fs::create_directories(dir);
  for (const Case& c : cases) {
    INFO(c.name);
    const std::string path = (dir / "r.yaml").string();
    std::ofstream(path, std::ios::binary | std::ios::trunc) << c.body;
    Pack pack;
    try {
      evident::LoadRuleFile(path, &pack);
      FAIL("loaded");
    } catch (const PackError& e) {
      CHECK_THAT(e.what(), Catch::Contains(c.error));
      CHECK_THAT(e.what(), Catch::StartsWith(path));
    }
  }
  fs::remove_all(dir);
}

TEST_CASE("a pack extends another: override, add, reweight, disable", "[rules]") {
  Pack base = evident::LoadPack(EVIDENT_TEST_DATA "/pack");
  Pack pack = evident::LoadPack(EVIDENT_TEST_DATA "/extend_pack");
  CHECK(pack.name == "extended");
  CHECK(pack.language == "en");  // inherited
  auto find = [&](const std::string& id) -> const evident::Rule* {
    for (const auto& r : pack.rules)
      if (r.id == id) return &r;
    return nullptr;
  };
  REQUIRE(find("hedge.could"));
  CHECK(find("hedge.could")->message == "'Could' and 'might' mark a possibility.");
  CHECK(pack.rules[1].id == "hedge.could");  // in the base rule's place
  CHECK(find("hedge.perhaps"));
  CHECK(find("hedge.reportedly")->weight == Approx(-0.9));
  CHECK_FALSE(find("hedge.low_a"));
  CHECK_FALSE(find("weasel.well_known"));
  CHECK(pack.rules.size() == base.rules.size() - 2 + 1);
}

TEST_CASE("packs layer in order", "[rules]") {
  Pack pack = evident::LoadPacks({EVIDENT_TEST_DATA "/pack", EVIDENT_TEST_DATA "/overlay_pack"});
  CHECK(pack.name == "overlay");
  for (const auto& r : pack.rules) {
    CHECK(r.category != evident::Category::kBooster);
    if (r.id == "hedge.may") CHECK(r.weight == Approx(-1.5));
  }
}

TEST_CASE("coexist pairs are symmetric and add up over layers", "[rules]") {
  const fs::path dir = fs::temp_directory_path() / ("evident-coexist-" + std::to_string(::getpid()));
  fs::create_directories(dir);
  std::ofstream(dir / "pack.yaml") << "name: x\nversion: '1'\nextends: " << EVIDENT_TEST_DATA
                                   << "/pack\ncoexist:\n  - [booster, evidence_present]\n";
  const Pack pack = evident::LoadPack(dir.string());
  using evident::Category;
  CHECK(pack.Coexist(Category::kBooster, Category::kEvidencePresent));
  CHECK(pack.Coexist(Category::kEvidencePresent, Category::kBooster));
  CHECK_FALSE(pack.Coexist(Category::kHedge, Category::kBooster));
  CHECK_FALSE(evident::LoadPack(EVIDENT_TEST_DATA "/pack").Coexist(Category::kBooster, Category::kEvidencePresent));
  fs::remove_all(dir);
}

TEST_CASE("extension mistakes are errors with a place", "[rules]") {
  const fs::path dir = fs::temp_directory_path() / ("evident-extend-" + std::to_string(::getpid()));
  fs::create_directories(dir);
  struct Case {
    const char* name;
    std::string manifest;
    const char* error;
  };
  const std::string base = std::string("extends: ") + EVIDENT_TEST_DATA + "/pack\n";
  const std::vector<Case> cases = {
      {"unknown id in weights", "name: x\nversion: '1'\n" + base + "weights: {hedge.nope: 1}\n", "weights: no rule 'hedge.nope'"},
      {"unknown id in disable", "name: x\nversion: '1'\n" + base + "disable: [hedge.nope]\n", "disable: no rule 'hedge.nope'"},
      {"missing base", "name: x\nversion: '1'\nextends: nowhere\n", "extended pack 'nowhere' not found"},
      {"self", "name: x\nversion: '1'\nextends: .\n", "too deeply"},
      {"everything disabled", "name: x\nversion: '1'\n" + base + "disable: [hedge, booster, attribution, evidence_absent, evidence_present, weasel]\n", "no rules"},
      {"coexist not a list", "name: x\nversion: '1'\n" + base + "coexist: hedge\n", "coexist must be a list of category pairs"},
      {"coexist not a pair", "name: x\nversion: '1'\n" + base + "coexist: [[hedge]]\n", "pair of categories"},
      {"coexist unknown category", "name: x\nversion: '1'\n" + base + "coexist: [[hedge, hedges]]\n", "unknown category 'hedges'"},
      {"coexist with itself", "name: x\nversion: '1'\n" + base + "coexist: [[hedge, hedge]]\n", "always competes with itself"},
  };
  for (const Case& c : cases) {
    INFO(c.name);
    std::ofstream(dir / "pack.yaml", std::ios::trunc) << c.manifest;
    CHECK_THROWS_WITH(evident::LoadPack(dir.string()), Catch::Contains(c.error));
  }
  fs::remove_all(dir);
}

TEST_CASE("claims.yaml grammar words load, and a pack without them is noted", "[rules]") {
  const Pack en = evident::LoadPack(EVIDENT_RULES_DIR);
  for (const auto& [key, list] : evident::kClaimGrammarLists) {
    INFO(key);
    CHECK_FALSE((en.lexicon.grammar.*list).empty());
  }
  CHECK(en.lexicon.grammar.determiners.count("the"));
  CHECK(en.lexicon.grammar.clause_breaks.count(","));
  CHECK(en.notes.empty());

  const fs::path dir = fs::temp_directory_path() / ("evident-grammar-" + std::to_string(::getpid()));
  fs::create_directories(dir);
  const std::string manifest = std::string("name: x\nversion: '1'\nextends: ") + EVIDENT_TEST_DATA +
                               "/pack\nclaims: claims.yaml\n";
  std::ofstream(dir / "pack.yaml", std::ios::trunc) << manifest;
  std::ofstream(dir / "claims.yaml", std::ios::trunc) << "grammar:\n  determiners: [The, a]\n";
  const Pack partial = evident::LoadPack(dir.string());
  CHECK(partial.lexicon.grammar.determiners == evident::ClaimGrammar::Words{"the", "a"});  // lower-cased
  REQUIRE(partial.notes.size() == 1);
  CHECK_THAT(partial.notes[0].message, Catch::Contains("no grammar words for: clause_breaks, noun_cues"));
  CHECK_THAT(partial.notes[0].message, !Catch::Contains("determiners"));

  std::ofstream(dir / "claims.yaml", std::ios::trunc) << "grammar:\n  determiner: [the]\n";
  CHECK_THROWS_WITH(evident::LoadPack(dir.string()), Catch::Contains("unknown key 'determiner' in grammar"));

  // role_synonyms: groups of two ways or more; claim_hedges: types a hedge rule has.
  CHECK(en.lexicon.claim_hedges == std::vector<std::string>{"impersonal"});
  CHECK(en.lexicon.hearsay_hedges == std::vector<std::string>{"hearsay"});
  CHECK_FALSE(en.lexicon.role_synonyms.empty());
  // source_modifiers are phrases; addressee pronouns a list of words.
  CHECK(std::count(en.lexicon.source_modifiers.begin(), en.lexicon.source_modifiers.end(), "close to") == 1);
  CHECK(en.lexicon.addressee_pronouns == std::vector<std::string>{"you"});
  std::ofstream(dir / "claims.yaml", std::ios::trunc) << "role_synonyms:\n  - [senator]\n";
  CHECK_THROWS_WITH(evident::LoadPack(dir.string()), Catch::Contains("at least two ways"));
  std::ofstream(dir / "claims.yaml", std::ios::trunc) << "claim_hedges: [no_such_type]\n";
  const Pack hedges = evident::LoadPack(dir.string());
  bool noted = false;
  for (const auto& note : hedges.notes) noted = noted || note.message.find("'no_such_type'") != std::string::npos;
  CHECK(noted);
  std::ofstream(dir / "claims.yaml", std::ios::trunc) << "hearsay_hedges: [rumour_type]\n";
  const Pack hearsay = evident::LoadPack(dir.string());
  noted = false;
  for (const auto& note : hearsay.notes)
    noted = noted || note.message.find("hearsay_hedges type 'rumour_type'") != std::string::npos;
  CHECK(noted);
  fs::remove_all(dir);
}
