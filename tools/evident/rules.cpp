// evident rules test|list: check and show a rule pack.
#include <boost/program_options.hpp>
#include <iomanip>
#include <iostream>
#include <nlohmann/json.hpp>
#include <sstream>

#include "annotate/annotate.h"
#include "common.h"
#include "subcommands.h"

namespace evident::cli {

namespace po = boost::program_options;

namespace {

constexpr const char* kRulesUsage =
    "Usage: evident rules test [--rules DIR]\n"
    "       evident rules lint [--rules DIR] [--corpus PATH]... [--max-share X]\n"
    "       evident rules list [--rules DIR] [--category CAT] [--format table|json]\n"
    "\n"
    "  test   run every rule's tests (match:/no_match: sentences) through the whole\n"
    "         pack; exit 1 if any fails, naming FILE:LINE:COL of the case\n"
    "  lint   report FILE:LINE:COL: error|warning: for patterns that match the empty\n"
    "         string, rules whose own examples another rule takes (shadowed) or\n"
    "         their own except: drops, unused macros, and rules that fire in more\n"
    "         than --max-share of the --corpus sentences; exit 1 on any error\n"
    "  list   one line per rule: id, category, type, weight, file:line, message\n";

int Test(const Pack& pack) {
  Annotator annotator(pack);
  RuleTestReport report = RunRuleTests(annotator);
  for (const RuleTestFailure& f : report.failures) {
    std::cout << f.where.ToString() << ": rule '" << f.rule_id << "': \"" << f.text << "\": " << f.problem
              << "\n";
  }
  const std::size_t failed = report.failures.size();
  std::cout << "rules test: " << report.rules << " rules, " << report.cases << " cases\n"
            << (report.cases - failed) << " passed, " << failed << " failed\n";
  return failed == 0 ? kExitOk : kExitFailed;
}

int Lint(const Pack& pack, const LintOptions& options) {
  Annotator annotator(pack);
  LintReport report = LintPack(annotator, options);
  for (const LintIssue& i : report.issues) {
    std::cout << i.where.ToString() << ": " << (i.severity == LintIssue::kError ? "error" : "warning") << ": "
              << (i.rule_id.empty() ? "" : "rule '" + i.rule_id + "': ") << i.message << "\n";
  }
  std::cout << "rules lint: " << pack.rules.size() << " rules";
  if (report.corpus_sentences) std::cout << ", " << report.corpus_sentences << " corpus sentences";
  std::cout << ": " << report.errors << " errors, " << report.warnings << " warnings\n";
  return report.errors == 0 ? kExitOk : kExitFailed;
}

int List(const Pack& pack, const std::string& category, const std::string& format) {
  if (format == "json") {
    nlohmann::ordered_json rules = nlohmann::ordered_json::array();
    for (const Rule& r : pack.rules) {
      if (!category.empty() && CategoryName(r.category) != category) continue;
      rules.push_back({{"id", r.id},
                       {"category", CategoryName(r.category)},
                       {"type", r.type},
                       {"weight", r.weight},
                       {"priority", r.priority},
                       {"message", r.message},
                       {"file", r.where.file},
                       {"line", r.where.line}});
    }
    std::cout << rules.dump(2) << "\n";
    return kExitOk;
  }
  std::cout << std::left << std::setw(36) << "ID" << std::setw(18) << "CATEGORY" << std::setw(14) << "TYPE"
            << std::setw(8) << "WEIGHT" << "WHERE / MESSAGE\n";
  for (const Rule& r : pack.rules) {
    if (!category.empty() && CategoryName(r.category) != category) continue;
    std::ostringstream weight;
    weight << r.weight;
    std::cout << std::left << std::setw(36) << r.id << std::setw(18) << CategoryName(r.category)
              << std::setw(14) << r.type << std::setw(8) << weight.str() << r.where.ToString() << "\n"
              << std::string(76, ' ') << r.message << "\n";
  }
  return kExitOk;
}

}  // namespace

int RunRules(const std::vector<std::string>& args) {
  std::string action, category, format;
  std::vector<std::string> rules_dirs;
  LintOptions lint;
  po::options_description visible("Options");
  visible.add_options()
      ("help,h", "show this help and exit")
      ("rules", po::value(&rules_dirs)->value_name("DIR"),
      "rule pack folder (default: rules/en); repeat to layer packs")
      ("category", po::value(&category)->value_name("CAT"), "list: only rules of this category")
      ("corpus", po::value(&lint.corpus)->value_name("PATH"),
       "lint: texts for the too-broad check (files, folders, *.jsonl); repeatable")
      ("max-share", po::value(&lint.max_share)->value_name("X")->default_value(0.25),
       "lint: a rule firing in more than this share of corpus sentences is too broad")
      ("format", po::value(&format)->default_value("table")->value_name("FMT"), "list: table or json");
  po::variables_map vm;
  if (!ParseOptions(args, visible, "action", po::value(&action), 1, "rules", &vm)) return kExitUsage;
  if (vm.count("help")) {
    std::cout << kRulesUsage << "\n" << visible;
    return kExitOk;
  }
  if (action != "test" && action != "list" && action != "lint") {
    PrintError(action.empty() ? "rules: say test, lint or list (see evident rules --help)"
                              : "rules: unknown action '" + action + "' (test, lint or list)");
    return kExitUsage;
  }
  if (!category.empty() && !ParseCategory(category)) {
    PrintError("rules: unknown category '" + category + "'");
    return kExitUsage;
  }
  if (format != "table" && format != "json") {
    PrintError("rules: --format must be table or json");
    return kExitUsage;
  }
  std::optional<Pack> pack = LoadPackOrReport(rules_dirs);
  if (!pack) return kExitUsage;
  try {
    if (action == "test") return Test(*pack);
    if (action == "lint") return Lint(*pack, lint);
    return List(*pack, category, format);
  } catch (const PackError& e) {
    PrintError(e.what());
    return kExitUsage;
  }
}

}  // namespace evident::cli
