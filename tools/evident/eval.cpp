// evident eval: score the pack against brat standoff gold (lib/eval).
#include <boost/program_options.hpp>
#include <filesystem>
#include <iostream>

#include "common.h"
#include "eval/eval.h"
#include "subcommands.h"

namespace evident::cli {

namespace po = boost::program_options;

int RunEval(const std::vector<std::string>& args) {
  EvalOptions req;
  std::vector<std::string> rules_dirs;
  std::string format, match;
  po::options_description visible(
      "Usage: evident eval --gold DIR [INPUT...] [OPTIONS]\n\n"
      "Annotates the texts of a brat standoff gold set and prints precision, recall\n"
      "and F1 per category, micro totals, and for the claim layer (cue, source,\n"
      "content), by exact and by overlapping span. The text of DIR/x.ann is x.txt\n"
      "beside it, else the INPUT document named x (files, folders of *.txt, JSON\n"
      "Lines); PolNeAR's x_<annotator>.ann is found for x.txt too. Gold lines that\n"
      "cannot be read are reported as FILE:LINE: message and skipped.\n\nOptions");
  visible.add_options()
      ("help,h", "show this help and exit")
      ("gold", po::value(&req.gold_dir)->value_name("DIR"), "folder of brat .ann files (required)")
      ("rules", po::value(&rules_dirs)->value_name("DIR"),
       "rule pack folder (default: the installed English pack rules/en); repeat to layer packs")
      ("format", po::value(&format)->default_value("table")->value_name("FMT"),
       "table (for people) or json (for programs)")
      ("match", po::value(&match)->default_value("both")->value_name("MODE"),
       "exact (same start and end), overlap (a character in common) or both")
      ("differences", po::bool_switch(&req.keep_differences),
       "also list every span missed, extra, or with other boundaries than the gold (tab-separated; "
       "in json as \"differences\")")
      ("skip-quoted", po::bool_switch(&req.skip_quoted),
       "leave claims flagged quoted (a cue inside a quotation: the quoted speaker's own attribution) out of "
       "the Cue, Source and Content rows, for gold such as PolNeAR that rarely annotates them");
  po::variables_map vm;
  if (!ParseOptions(args, visible, "input", po::value(&req.inputs), -1, "eval", &vm)) return kExitUsage;
  if (vm.count("help")) {
    std::cout << visible << "\nExit status: 0 the scores were measured; 1 some gold line or text could\n"
                            "not be read (the rest was scored); 2 bad usage or an unusable rule pack.\n";
    return kExitOk;
  }
  EvalRenderOptions render;
  render.differences = req.keep_differences;
  if (format == "table") render.format = EvalRenderOptions::kTable;
  else if (format == "json") render.format = EvalRenderOptions::kJson;
  else {
    PrintError("eval: --format must be table or json, not '" + format + "'");
    return kExitUsage;
  }
  if (match == "exact") render.overlap = false;
  else if (match == "overlap") render.exact = false;
  else if (match != "both") {
    PrintError("eval: --match must be exact, overlap or both, not '" + match + "'");
    return kExitUsage;
  }
  std::error_code ec;
  if (req.gold_dir.empty()) {
    PrintError("eval: --gold DIR is required (see evident eval --help)");
    return kExitUsage;
  }
  if (!std::filesystem::is_directory(req.gold_dir, ec)) {
    PrintError("eval: --gold " + req.gold_dir + ": not a folder");
    return kExitUsage;
  }
  std::optional<Pack> pack = LoadPackOrReport(rules_dirs);
  if (!pack) return kExitUsage;
  std::unique_ptr<Annotator> annotator;
  try {
    annotator = std::make_unique<Annotator>(std::move(*pack));
  } catch (const std::exception& e) {
    PrintError(e.what());
    return kExitUsage;
  }
  const EvalReport report = Evaluate(*annotator, req);
  for (const EvalMessage& m : report.messages)
    PrintError(m.severity == EvalMessage::kNote ? "note: " + m.text : m.text);
  std::cout << RenderEvalReport(report, render);
  return report.has_errors() ? kExitFailed : kExitOk;
}

}  // namespace evident::cli
