#include "rules/rules.h"

#include <re2/re2.h>
#include <yaml-cpp/depthguard.h>
#include <yaml-cpp/yaml.h>

#include <algorithm>
#include <array>
#include <cctype>
#include <filesystem>
#include <fstream>
#include <map>
#include <set>
#include <sstream>
#include <unordered_map>

namespace evident {

namespace fs = std::filesystem;

namespace {

constexpr std::array<std::string_view, kNumCategories> kCategoryNames = {
    "hedge", "booster", "attribution", "evidence_absent",
    "evidence_present", "denial", "source", "weasel"};

// Hostile packs: a rule file larger than this is refused before parsing.
constexpr std::uintmax_t kMaxRuleFileBytes = 4u << 20;
// Macro expansion that goes deeper than this is treated as a cycle.
constexpr int kMaxMacroDepth = 32;
// An expanded pattern longer than this is refused (RE2 would refuse it too,
// later and with a vaguer message).
constexpr std::size_t kMaxPatternBytes = 1u << 20;

}  // namespace

std::string_view CategoryName(Category c) {
  return kCategoryNames[static_cast<std::size_t>(c)];
}

std::optional<Category> ParseCategory(std::string_view name) {
  for (std::size_t i = 0; i < kCategoryNames.size(); ++i)
    if (kCategoryNames[i] == name) return static_cast<Category>(i);
  return std::nullopt;
}

std::string SourceLocation::ToString() const {
  std::string s = file;
  if (line > 0) {  // appended piece by piece: GCC 12 warns wrongly on ":" + ... (-Wrestrict)
    s += ':';
    s += std::to_string(line);
    if (column > 0) {
      s += ':';
      s += std::to_string(column);
    }
  }
  return s;
}

PackError::PackError(SourceLocation where, const std::string& message)
    : std::runtime_error(where.ToString() + ": " + message),
      where_(std::move(where)),
      message_(message) {}

namespace {

// Reads one YAML file with positions, and turns every problem into a
// PackError at the node concerned.
class FileReader {
 public:
  explicit FileReader(std::string path) : path_(std::move(path)) {}

  YAML::Node Load() {
    std::error_code ec;
    auto size = fs::file_size(path_, ec);
    if (ec) throw PackError({path_}, "cannot read: " + ec.message());
    if (size > kMaxRuleFileBytes) {
      throw PackError({path_}, "file is " + std::to_string(size) + " bytes; rule files are limited to " +
                                   std::to_string(kMaxRuleFileBytes) + " bytes");
    }
    try {
      return YAML::LoadFile(path_);
    } catch (const YAML::DeepRecursion& e) {
      // yaml-cpp's own message for this is "bad file".
      throw PackError(At(e.mark), "YAML nests too deeply (" + std::to_string(e.depth()) + " levels)");
    } catch (const YAML::Exception& e) {
      throw PackError(At(e.mark), e.msg);
    }
  }

  SourceLocation At(const YAML::Mark& m) const {
    if (m.is_null()) return {path_};
    return {path_, m.line + 1, m.column + 1};
  }
  SourceLocation At(const YAML::Node& n) const { return At(n.Mark()); }

  [[noreturn]] void Fail(const YAML::Node& n, const std::string& msg) const {
    throw PackError(At(n), msg);
  }

  void ExpectMap(const YAML::Node& n, std::string_view what) const {
    if (!n.IsMap()) Fail(n, std::string(what) + " must be a mapping");
  }

  // Every key of `n` must be in `allowed`.
  void CheckKeys(const YAML::Node& n, std::initializer_list<std::string_view> allowed,
                 std::string_view what) const {
    CheckKeys(n, std::vector<std::string_view>(allowed), what);
  }
  void CheckKeys(const YAML::Node& n, const std::vector<std::string_view>& allowed, std::string_view what) const {
    for (const auto& kv : n) {
      const std::string key = kv.first.Scalar();
      bool ok = false;
      for (auto a : allowed) ok = ok || a == key;
      if (!ok) {
        std::string list;
        for (auto a : allowed) list += (list.empty() ? "" : ", ") + std::string(a);
        Fail(kv.first, "unknown key '" + key + "' in " + std::string(what) + " (expected one of: " + list + ")");
      }
    }
  }

  std::string String(const YAML::Node& n, std::string_view what) const {
    if (!n.IsScalar()) Fail(n, std::string(what) + " must be a string");
    return n.Scalar();
  }

  std::vector<std::string> StringList(const YAML::Node& n, std::string_view what) const {
    if (!n.IsSequence()) Fail(n, std::string(what) + " must be a list of strings");
    std::vector<std::string> out;
    for (const auto& item : n) out.push_back(String(item, what));
    return out;
  }

  template <typename T>
  T Number(const YAML::Node& n, std::string_view what) const {
    if (!n.IsScalar()) Fail(n, std::string(what) + " must be a number");
    try {
      return n.as<T>();
    } catch (const YAML::Exception&) {
      Fail(n, std::string(what) + " must be a number, got '" + n.Scalar() + "'");
    }
  }

  bool Bool(const YAML::Node& n, std::string_view what) const {
    if (!n.IsScalar()) Fail(n, std::string(what) + " must be true or false");
    try {
      return n.as<bool>();
    } catch (const YAML::Exception&) {
      Fail(n, std::string(what) + " must be true or false, got '" + n.Scalar() + "'");
    }
  }

  const std::string& path() const { return path_; }

 private:
  std::string path_;
};

bool IsMacroName(std::string_view s) {
  if (s.empty() || !(s[0] >= 'A' && s[0] <= 'Z')) return false;
  for (char c : s)
    if (!((c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || c == '_')) return false;
  return true;
}

bool IsIdent(std::string_view s, std::string_view extra) {
  if (s.empty()) return false;
  for (char c : s)
    if (!((c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || c == '_' ||
          extra.find(c) != std::string_view::npos))
      return false;
  return true;
}

// Expands {{NAME}} in `pattern` from `defines`. Throws std::invalid_argument.
std::string ExpandMacros(std::string_view pattern, const std::map<std::string, std::string>& defines,
                         int depth = 0, std::set<std::string>* used = nullptr) {
  if (depth > kMaxMacroDepth) throw std::invalid_argument("macros nest too deeply (a cycle?)");
  std::string out;
  std::size_t i = 0;
  while (i < pattern.size()) {
    std::size_t open = pattern.find("{{", i);
    if (open == std::string_view::npos) {
      out.append(pattern.substr(i));
      break;
    }
    out.append(pattern.substr(i, open - i));
    std::size_t close = pattern.find("}}", open + 2);
    if (close == std::string_view::npos) throw std::invalid_argument("unclosed {{ in pattern");
    std::string name(pattern.substr(open + 2, close - open - 2));
    auto it = defines.find(name);
    if (it == defines.end()) throw std::invalid_argument("undefined macro {{" + name + "}}");
    out += "(?:";
    if (used) used->insert(name);
    out += ExpandMacros(it->second, defines, depth + 1, used);
    out += ')';
    if (out.size() > kMaxPatternBytes) throw std::invalid_argument("pattern too large after macro expansion");
    i = close + 2;
  }
  return out;
}

// Checks that RE2 accepts `pattern` and that its named groups are ones we
// know. Returns an empty string if fine, else the problem. With `compiled`,
// the compiled pattern is kept there for the matcher.
std::string CheckRegex(const std::string& pattern, bool case_sensitive,
                       std::shared_ptr<const RE2>* compiled = nullptr) {
  if (pattern.size() > kMaxPatternBytes)
    return "pattern is " + std::to_string(pattern.size()) + " bytes; the limit is " +
           std::to_string(kMaxPatternBytes);
  RE2::Options opt;
  opt.set_log_errors(false);
  opt.set_case_sensitive(case_sensitive);
  opt.set_max_mem(kRuleMaxMem);
  auto re = std::make_shared<const RE2>(pattern, opt);
  if (re->error_code() == RE2::ErrorPatternTooLarge)
    return "pattern exceeds RE2's memory budget; split it into several rules";
  if (!re->ok()) return "bad pattern: " + re->error();
  for (const auto& [name, index] : re->NamedCapturingGroups()) {
    (void)index;
    if (name != "cue" && name != "source" && name != "content")
      return "unknown named group '" + name + "' (allowed: cue, source, content)";
  }
  if (compiled) *compiled = std::move(re);
  return "";
}

void LoadTests(const FileReader& r, const YAML::Node& n, Rule* rule) {
  r.ExpectMap(n, "tests");
  r.CheckKeys(n, {"match", "no_match"}, "tests");
  auto load = [&](const char* key, std::vector<RuleTest>* out) {
    if (auto list = n[key]) {
      if (!list.IsSequence()) r.Fail(list, std::string("tests.") + key + " must be a list of sentences");
      for (const auto& item : list) {
        RuleTest t;
        t.where = r.At(item);
        if (item.IsMap()) {
          // {text: ..., source: ..., cue: ..., content: ...}: the claim expected too.
          if (std::string_view(key) != "match") r.Fail(item, "only match: tests can expect a claim");
          r.CheckKeys(item, {"text", "source", "cue", "content"}, "a test");
          if (!item["text"]) r.Fail(item, "a test needs 'text'");
          t.text = r.String(item["text"], "text");
          if (item["source"]) t.source = r.String(item["source"], "source");
          if (item["cue"]) t.cue = r.String(item["cue"], "cue");
          if (item["content"]) t.content = r.String(item["content"], "content");
        } else {
          t.text = r.String(item, "a test sentence");
        }
        if (t.text.find_first_not_of(" \t\n") == std::string::npos) r.Fail(item, "a test sentence is empty: it asserts nothing");
        out->push_back(std::move(t));
      }
    }
  };
  load("match", &rule->match_tests);
  load("no_match", &rule->no_match_tests);
  if (rule->match_tests.empty() && rule->no_match_tests.empty())
    r.Fail(n, "rule '" + rule->id + "': tests assert nothing (give match: or no_match: sentences)");
}

}  // namespace

namespace {

// Loads a rule file into *pack. Rules whose id is among the first
// `base_rules` rules (those of an extended pack) replace that rule in place;
// any other repeated id is an error.
void LoadRuleFileOver(const std::string& path, Pack* pack, std::size_t base_rules);

}  // namespace

void LoadRuleFile(const std::string& path, Pack* pack) { LoadRuleFileOver(path, pack, 0); }

namespace {

void LoadRuleFileOver(const std::string& path, Pack* pack, std::size_t base_rules) {
  FileReader r(path);
  YAML::Node root = r.Load();
  r.ExpectMap(root, "a rule file");
  r.CheckKeys(root, {"category", "define", "rules"}, "a rule file");

  std::optional<Category> file_category;
  if (auto c = root["category"]) {
    file_category = ParseCategory(r.String(c, "category"));
    if (!file_category) r.Fail(c, "unknown category '" + c.Scalar() + "'");
  }

  std::map<std::string, std::string> defines;
  std::set<std::string> used_macros;
  if (auto d = root["define"]) {
    r.ExpectMap(d, "define");
    for (const auto& kv : d) {
      const std::string name = kv.first.Scalar();
      if (!IsMacroName(name)) r.Fail(kv.first, "macro name '" + name + "' must match [A-Z][A-Z0-9_]*");
      defines[name] = r.String(kv.second, "a macro");
    }
    // Expand every macro once so that undefined names and cycles are found
    // even in macros no rule uses.
    for (const auto& kv : d) {
      try {
        std::string expanded = ExpandMacros("{{" + kv.first.Scalar() + "}}", defines);
        std::string problem = CheckRegex(TolerateTypography(expanded), false);
        if (!problem.empty()) r.Fail(kv.second, "macro " + kv.first.Scalar() + ": " + problem);
      } catch (const std::invalid_argument& e) {
        r.Fail(kv.second, "macro " + kv.first.Scalar() + ": " + e.what());
      }
    }
  }

  YAML::Node rules = root["rules"];
  if (!rules) r.Fail(root, "a rule file needs a 'rules:' list");
  if (!rules.IsSequence()) r.Fail(rules, "'rules' must be a list");

  std::map<std::string, std::size_t> seen;  // id -> index in pack->rules
  for (std::size_t i = 0; i < pack->rules.size(); ++i) seen[pack->rules[i].id] = i;

  for (const auto& n : rules) {
    r.ExpectMap(n, "a rule");
    r.CheckKeys(n, {"id", "category", "type", "pattern", "terms", "except", "case_sensitive",
                    "priority", "weight", "message", "tests"},
                "a rule");
    Rule rule;
    if (!n["id"]) r.Fail(n, "rule without 'id'");
    rule.id = r.String(n["id"], "id");
    rule.where = r.At(n["id"]);
    if (!IsIdent(rule.id, ".-")) r.Fail(n["id"], "rule id '" + rule.id + "' must match [a-z0-9_.-]+");
    std::optional<std::size_t> replaces;
    if (auto it = seen.find(rule.id); it != seen.end()) {
      if (it->second >= base_rules) r.Fail(n["id"], "duplicate rule id '" + rule.id + "'");
      replaces = it->second;
      seen.erase(it);  // a second override of the same id is a duplicate
    }
    const std::string who = "rule '" + rule.id + "': ";

    if (auto c = n["category"]) {
      auto parsed = ParseCategory(r.String(c, "category"));
      if (!parsed) r.Fail(c, who + "unknown category '" + c.Scalar() + "'");
      rule.category = *parsed;
    } else if (file_category) {
      rule.category = *file_category;
    } else {
      r.Fail(n, who + "no category (set it on the rule or at the top of the file)");
    }

    if (!n["type"]) r.Fail(n, who + "missing 'type'");
    rule.type = r.String(n["type"], "type");
    if (!IsIdent(rule.type, "")) r.Fail(n["type"], who + "type '" + rule.type + "' must match [a-z_]+");

    if (!n["message"]) r.Fail(n, who + "missing 'message'");
    rule.message = r.String(n["message"], "message");
    if (rule.message.empty()) r.Fail(n["message"], who + "empty message");

    if (auto v = n["case_sensitive"]) rule.case_sensitive = r.Bool(v, "case_sensitive");
    if (auto v = n["priority"]) rule.priority = r.Number<int>(v, "priority");
    if (auto v = n["weight"]) rule.weight = r.Number<double>(v, "weight");

    YAML::Node pat = n["pattern"], terms = n["terms"];
    if (pat && terms) r.Fail(terms, who + "give either 'pattern' or 'terms', not both");
    if (!pat && !terms) r.Fail(n, who + "needs 'pattern' or 'terms'");
    try {
      if (pat) {
        rule.source_pattern = r.String(pat, "pattern");
        if (rule.source_pattern.empty()) r.Fail(pat, who + "empty pattern");
        rule.pattern = TolerateTypography(ExpandMacros(rule.source_pattern, defines, 0, &used_macros));
      } else {
        auto list = r.StringList(terms, "terms");
        if (list.empty()) r.Fail(terms, who + "empty terms list");
        rule.source_pattern = TermsPattern(list);
        rule.pattern = TolerateTypography(rule.source_pattern);
      }
    } catch (const std::invalid_argument& e) {
      r.Fail(pat ? pat : terms, who + e.what());
    }
    if (std::string problem = CheckRegex(rule.pattern, rule.case_sensitive, &rule.compiled); !problem.empty())
      r.Fail(pat ? pat : terms, who + problem);

    if (auto ex = n["except"]) {
      if (!ex.IsSequence()) r.Fail(ex, who + "'except' must be a list of patterns");
      for (const auto& e : ex) {
        std::string expanded;
        try {
          expanded = TolerateTypography(ExpandMacros(r.String(e, "an except pattern"), defines, 0, &used_macros));
        } catch (const std::invalid_argument& err) {
          r.Fail(e, who + err.what());
        }
        std::shared_ptr<const RE2> compiled;
        if (std::string problem = CheckRegex(expanded, rule.case_sensitive, &compiled); !problem.empty())
          r.Fail(e, who + "except: " + problem);
        rule.except.push_back(std::move(expanded));
        rule.compiled_except.push_back(std::move(compiled));
      }
    }

    if (!n["tests"]) r.Fail(n, who + "no tests (every rule carries match:/no_match: sentences)");
    LoadTests(r, n["tests"], &rule);
    if (replaces) {
      pack->rules[*replaces] = std::move(rule);
    } else {
      seen[rule.id] = pack->rules.size();
      pack->rules.push_back(std::move(rule));
    }
  }
  if (auto d = root["define"]) {
    for (const auto& kv : d)
      if (!used_macros.count(kv.first.Scalar()))
        pack->notes.push_back({r.At(kv.first), "macro " + kv.first.Scalar() + " is never used"});
  }
}

}  // namespace

namespace {

std::vector<std::string> LowerList(const FileReader& r, const YAML::Node& n, std::string_view what) {
  std::vector<std::string> out = r.StringList(n, what);
  for (auto& w : out)
    for (auto& c : w) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
  return out;
}

void LoadLexicon(const std::string& path, ClaimLexicon* lex) {
  FileReader r(path);
  YAML::Node root = r.Load();
  r.ExpectMap(root, "claims.yaml");
  r.CheckKeys(root, {"pronouns", "person_roles", "organisation_words", "media_words", "document_words",
                     "vague_words", "places", "organisation_names", "adjuncts", "pre_cue", "np_words",
                     "noun_content_openers", "source_modifiers",
                     "hearer_cues", "hearer_pronouns", "gender", "role_synonyms", "claim_hedges", "hearsay_hedges", "grammar",
                     "boilerplate", "boilerplate_tail"},
              "claims.yaml");
  if (auto p = root["pronouns"]) {
    r.ExpectMap(p, "pronouns");
    r.CheckKeys(p, {"person", "organisation", "group", "speaker", "addressee"}, "pronouns");
    if (p["person"]) lex->person_pronouns = LowerList(r, p["person"], "pronouns.person");
    if (p["organisation"]) lex->organisation_pronouns = LowerList(r, p["organisation"], "pronouns.organisation");
    if (p["group"]) lex->group_pronouns = LowerList(r, p["group"], "pronouns.group");
    if (p["speaker"]) lex->speaker_pronouns = LowerList(r, p["speaker"], "pronouns.speaker");
    if (p["addressee"]) lex->addressee_pronouns = LowerList(r, p["addressee"], "pronouns.addressee");
  }
  const std::pair<const char*, std::vector<std::string>*> lists[] = {
      {"person_roles", &lex->person_roles}, {"organisation_words", &lex->organisation_words},
      {"media_words", &lex->media_words},   {"vague_words", &lex->vague_words},
      {"adjuncts", &lex->adjuncts},         {"pre_cue", &lex->pre_cue},
      {"np_words", &lex->np_words},         {"noun_content_openers", &lex->noun_content_openers},
      {"hearer_cues", &lex->hearer_cues},   {"hearer_pronouns", &lex->hearer_pronouns},
      {"source_modifiers", &lex->source_modifiers}, {"document_words", &lex->document_words},
      {"places", &lex->places}, {"organisation_names", &lex->organisation_names}};
  for (const auto& [key, list] : lists)
    if (auto n = root[key]) *list = LowerList(r, n, key);
  if (auto gn = root["gender"]) {
    r.ExpectMap(gn, "gender");
    r.CheckKeys(gn, {"female", "male"}, "gender");
    if (gn["female"]) lex->female_words = LowerList(r, gn["female"], "gender.female");
    if (gn["male"]) lex->male_words = LowerList(r, gn["male"], "gender.male");
  }
  if (auto ch = root["claim_hedges"]) lex->claim_hedges = LowerList(r, ch, "claim_hedges");
  if (auto hh = root["hearsay_hedges"]) lex->hearsay_hedges = LowerList(r, hh, "hearsay_hedges");
  if (auto rs = root["role_synonyms"]) {
    if (!rs.IsSequence()) r.Fail(rs, "role_synonyms must be a list of lists of words");
    for (const auto& group : rs) {
      std::vector<std::string> ways = LowerList(r, group, "a role_synonyms group");
      if (ways.size() < 2) r.Fail(group, "a role_synonyms group needs at least two ways of writing the role");
      lex->role_synonyms.push_back(std::move(ways));
    }
  }
  if (auto g = root["grammar"]) {
    r.ExpectMap(g, "grammar");
    std::vector<std::string_view> keys;
    for (const auto& [key, list] : kClaimGrammarLists) keys.push_back(key);
    r.CheckKeys(g, keys, "grammar");
    for (const auto& [key, list] : kClaimGrammarLists) {
      if (auto n = g[std::string(key)]) {
        std::vector<std::string> words = LowerList(r, n, "grammar." + std::string(key));
        (lex->grammar.*list).insert(words.begin(), words.end());
      }
    }
  }

  for (const auto& [key, list] : {std::pair{"boilerplate", &lex->boilerplate},
                                  std::pair{"boilerplate_tail", &lex->boilerplate_tail}}) {
    auto b = root[key];
    if (!b) continue;
    if (!b.IsSequence()) r.Fail(b, std::string(key) + " must be a list of patterns");
    for (const auto& item : b) {
      std::string p = TolerateTypography(r.String(item, "a boilerplate pattern"));
      if (std::string problem = CheckRegex(p, false); !problem.empty()) r.Fail(item, std::string(key) + ": " + problem);
      list->push_back(std::move(p));
    }
  }
}

void LoadScoring(const std::string& path, ScoringModel* model) {
  FileReader r(path);
  YAML::Node root = r.Load();
  r.ExpectMap(root, "scoring.yaml");
  r.CheckKeys(root, {"priors", "effects", "logistic", "labels"}, "scoring.yaml");
  for (const char* key : {"priors", "labels"})
    if (!root[key]) r.Fail(root, std::string("scoring.yaml needs '") + key + "'");
  r.ExpectMap(root["priors"], "priors");
  for (const auto& kv : root["priors"])
    model->priors.emplace_back(kv.first.Scalar(), r.Number<double>(kv.second, "a prior"));
  if (auto e = root["effects"]) {
    r.ExpectMap(e, "effects");
    r.CheckKeys(e, {"disputed"}, "effects");
    if (e["disputed"]) model->disputed = r.Number<double>(e["disputed"], "effects.disputed");
  }
  if (auto l = root["logistic"]) {
    r.ExpectMap(l, "logistic");
    r.CheckKeys(l, {"scale"}, "logistic");
    if (l["scale"]) model->scale = r.Number<double>(l["scale"], "logistic.scale");
    if (model->scale <= 0) r.Fail(l["scale"], "logistic.scale must be positive");
  }
  r.ExpectMap(root["labels"], "labels");
  for (const auto& kv : root["labels"]) {
    double min = r.Number<double>(kv.second, "a label's minimum score");
    if (min < 0 || min > 1) r.Fail(kv.second, "a label's minimum score must be in [0, 1]");
    model->labels.emplace_back(kv.first.Scalar(), min);
  }
  std::sort(model->labels.begin(), model->labels.end(),
            [](const auto& a, const auto& b) { return a.second < b.second; });
  if (model->labels.empty() || model->labels.front().second != 0.0)
    r.Fail(root["labels"], "one label must start at 0, so every score gets a label");
}

}  // namespace

namespace {

constexpr int kMaxExtendsDepth = 8;

Pack LoadPackOver(const std::string& dir, const PackOptions& options, const Pack* base, int depth) {
  const std::string manifest = (fs::path(dir) / "pack.yaml").string();
  std::error_code ec;
  if (!fs::is_directory(dir, ec)) throw PackError({dir}, "rule pack folder not found");
  if (!fs::exists(manifest, ec)) throw PackError({dir}, "not a rule pack: no pack.yaml");
  FileReader r(manifest);
  YAML::Node root = r.Load();
  r.ExpectMap(root, "pack.yaml");
  r.CheckKeys(root, {"name", "language", "version", "description", "files", "references", "claims", "scoring",
                     "extends", "disable", "weights", "coexist"},
              "pack.yaml");
  for (const char* key : {"name", "version"})
    if (!root[key]) r.Fail(root, std::string("pack.yaml needs '") + key + "'");

  Pack pack;
  if (auto e = root["extends"]) {
    if (base) r.Fail(e, "this pack extends another, so it cannot also be layered over one with --rules");
    if (depth >= kMaxExtendsDepth) r.Fail(e, "packs extend each other too deeply (a cycle?)");
    const std::string name = r.String(e, "extends");
    fs::path target = fs::path(dir) / name;
    if (!fs::is_directory(target, ec) && !options.search_path.empty()) target = fs::path(options.search_path) / name;
    if (!fs::is_directory(target, ec)) r.Fail(e, "extended pack '" + name + "' not found");
    try {
      pack = LoadPackOver(target.string(), options, nullptr, depth + 1);
    } catch (const PackError& err) {
      throw PackError(err.where(), err.message() + " (in the pack extended by " + manifest + ")");
    }
  } else if (base) {
    pack = *base;
  } else {
    for (const char* key : {"language", "files"})
      if (!root[key]) r.Fail(root, std::string("pack.yaml needs '") + key + "'");
  }
  const std::size_t base_rules = pack.rules.size();
  const bool extending = base_rules > 0;
  pack.dir = dir;
  pack.name = r.String(root["name"], "name");
  pack.version = r.String(root["version"], "version");
  if (auto l = root["language"]) {
    std::string lang = r.String(l, "language");
    if (extending && lang != pack.language) r.Fail(l, "language '" + lang + "' differs from the extended pack's '" + pack.language + "'");
    pack.language = lang;
  }
  if (auto d = root["description"]) pack.description = r.String(d, "description");
  if (auto refs = root["references"]) {
    auto more = r.StringList(refs, "references");
    pack.references.insert(pack.references.end(), more.begin(), more.end());
  }
  if (auto files = root["files"]) {
    if (!files.IsSequence() || (!extending && files.size() == 0)) r.Fail(files, "'files' must be a non-empty list");
    for (const auto& f : files) {
      std::string name = r.String(f, "a file name");
      fs::path p = fs::path(dir) / name;
      if (!fs::is_regular_file(p, ec)) r.Fail(f, "rule file '" + name + "' not found in " + dir);
      LoadRuleFileOver(p.string(), &pack, base_rules);
    }
  }
  if (auto w = root["weights"]) {
    r.ExpectMap(w, "weights");
    for (const auto& kv : w) {
      const std::string id = kv.first.Scalar();
      auto it = std::find_if(pack.rules.begin(), pack.rules.end(), [&](const Rule& x) { return x.id == id; });
      if (it == pack.rules.end()) r.Fail(kv.first, "weights: no rule '" + id + "' in the pack");
      it->weight = r.Number<double>(kv.second, "a weight");
    }
  }
  if (auto d = root["disable"]) {
    for (const std::string& what : r.StringList(d, "disable")) {
      auto category = ParseCategory(what);
      auto before = pack.rules.size();
      std::erase_if(pack.rules, [&](const Rule& x) { return category ? x.category == *category : x.id == what; });
      if (pack.rules.size() == before && !category) r.Fail(d, "disable: no rule '" + what + "' in the pack");
    }
  }
  if (auto c = root["coexist"]) {
    // A list of category pairs: [[booster, evidence_present], ...]. A layered
    // or extending pack adds pairs to its base's.
    if (!c.IsSequence()) r.Fail(c, "coexist must be a list of category pairs, e.g. [[booster, evidence_present]]");
    for (const auto& pair : c) {
      if (!pair.IsSequence() || pair.size() != 2)
        r.Fail(pair, "each coexist entry must be a pair of categories, e.g. [booster, evidence_present]");
      std::optional<Category> cat[2];
      for (std::size_t k = 0; k < 2; ++k) {
        const std::string name = r.String(pair[k], "a category");
        cat[k] = ParseCategory(name);
        if (!cat[k]) r.Fail(pair[k], "coexist: unknown category '" + name + "'");
      }
      if (*cat[0] == *cat[1]) r.Fail(pair, "coexist: a category always competes with itself");
      const auto a = static_cast<std::size_t>(*cat[0]), b = static_cast<std::size_t>(*cat[1]);
      pack.coexist[a][b] = pack.coexist[b][a] = true;
    }
  }
  if (pack.rules.empty()) r.Fail(root, "the pack has no rules");
  auto load_extra = [&](const char* key, auto loader, auto* target, bool* flag) {
    if (auto n = root[key]) {
      fs::path p = fs::path(dir) / r.String(n, key);
      if (!fs::is_regular_file(p, ec)) r.Fail(n, std::string(key) + " file '" + n.Scalar() + "' not found in " + dir);
      *target = {};
      loader(p.string(), target);
      *flag = true;
    }
  };
  load_extra("claims", LoadLexicon, &pack.lexicon, &pack.has_claims);
  load_extra("scoring", LoadScoring, &pack.scoring, &pack.has_scoring);
  if (root["claims"]) {
    // The claims stage runs without its grammar words, but finds fewer
    // sources and contents: worth a rule author's attention.
    std::string missing;
    for (const auto& [key, list] : kClaimGrammarLists)
      if ((pack.lexicon.grammar.*list).empty()) missing += (missing.empty() ? "" : ", ") + std::string(key);
    if (!missing.empty())
      pack.notes.push_back({r.At(root["claims"]), "claims file has no grammar words for: " + missing +
                                                       " (claims find fewer sources; see rules/en/claims.yaml)"});
    // A claim_hedges or hearsay_hedges type no hedge rule has makes no claim.
    for (const auto& [key, types] : {std::pair{"claim_hedges", &pack.lexicon.claim_hedges},
                                     std::pair{"hearsay_hedges", &pack.lexicon.hearsay_hedges}})
      for (const std::string& type : *types) {
        const bool used = std::any_of(pack.rules.begin(), pack.rules.end(), [&](const Rule& rule) {
          return rule.category == Category::kHedge && rule.type == type;
        });
        if (!used)
          pack.notes.push_back({r.At(root["claims"]), "claims file: " + std::string(key) + " type '" + type +
                                                          "' is the type of no hedge rule"});
      }
  }
  return pack;
}

}  // namespace

Pack LoadPack(const std::string& dir, const PackOptions& options) { return LoadPackOver(dir, options, nullptr, 0); }

Pack LoadPacks(const std::vector<std::string>& dirs, const PackOptions& options) {
  if (dirs.empty()) throw PackError({}, "no rule pack given");
  Pack pack = LoadPack(dirs.front(), options);
  for (std::size_t i = 1; i < dirs.size(); ++i) pack = LoadPackOver(dirs[i], options, &pack, 0);
  return pack;
}

}  // namespace evident
