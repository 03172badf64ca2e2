// evident explain: for a person, what evident sees in a sentence or a file.
#include <boost/program_options.hpp>
#include <filesystem>
#include <iostream>

#include "annotate/annotate.h"
#include "common.h"
#include "output/output.h"
#include "read/read.h"
#include "subcommands.h"

namespace evident::cli {

namespace po = boost::program_options;

int RunExplain(const std::vector<std::string>& args) {
  std::vector<std::string> inputs;
  std::vector<std::string> rules_dirs;
  po::options_description visible(
      "Usage: evident explain [--rules DIR] TEXT|FILE...\n\n"
      "Shows, sentence by sentence, which rules fired and why, which matches were\n"
      "dropped (an exception applied, or a longer match won), and each claim with\n"
      "its source, cue, content, score and the factors behind the score. An\n"
      "argument that names an existing file or folder is read; anything else is\n"
      "taken as the text itself:\n\n"
      "  evident explain \"Officials reportedly said the talks may resume.\"\n"
      "  evident explain corpus/000_ed2385bf9a5e7465.txt\n\nOptions");
  visible.add_options()("help,h", "show this help and exit")(
      "rules", po::value(&rules_dirs)->value_name("DIR"),
      "rule pack folder (default: rules/en); repeat to layer packs");
  po::variables_map vm;
  if (!ParseOptions(args, visible, "input", po::value(&inputs), -1, "explain", &vm)) return kExitUsage;
  if (vm.count("help")) {
    std::cout << visible;
    return kExitOk;
  }
  if (inputs.empty()) {
    PrintError("explain: give a sentence or a file (see evident explain --help)");
    return kExitUsage;
  }
  std::optional<Pack> pack = LoadPackOrReport(rules_dirs);
  if (!pack) return kExitUsage;
  AnnotatorOptions options;
  options.trace = true;
  Annotator annotator(std::move(*pack), options);
  auto scratch = annotator.NewScratch();
  auto writer = MakeWriter("explain", annotator.pack(), {});
  bool failed = false;
  auto explain = [&](const Document& doc) {
    AnnotatedDocument out;
    annotator.Annotate(doc, scratch.get(), &out);
    std::string rendered;
    writer->Render(out, &rendered);
    std::cout << rendered;
    for (const DocumentError& e : out.errors) {
      PrintError(e.ToString());
      failed = true;
    }
  };
  for (const std::string& input : inputs) {
    std::error_code ec;
    if (input == "-" || std::filesystem::exists(input, ec)) {
      DocumentReader reader({input}, InputFormat::kAuto);
      for (Document doc; reader.Next(&doc);) explain(doc);
    } else {
      Document doc;
      doc.id = "text";
      doc.origin = "argument";
      doc.text = input;
      if (auto bad = FindInvalidText(doc.text)) {
        doc.errors.push_back({"argument", 0, *bad, "invalid UTF-8 or NUL byte"});
        doc.text.clear();
      }
      explain(doc);
    }
  }
  return failed ? kExitFailed : kExitOk;
}

}  // namespace evident::cli
