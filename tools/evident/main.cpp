// evident: who claims what in news text, how hedged, on what evidence.
//
// Exit status (every subcommand):
//   0  success
//   1  some document or rule test failed; everything else was done
//   2  bad usage, or a rule pack that does not load; nothing was done
#include <iostream>
#include <string>
#include <vector>

#include "common.h"
#include "subcommands.h"

namespace {

constexpr const char* kUsage =
    "Usage: evident COMMAND [OPTIONS]\n"
    "\n"
    "Reads news text and shows, sentence by sentence, who claims what, how hedged\n"
    "it is, and what evidence the text itself offers.\n"
    "\n"
    "Commands:\n"
    "  annotate [INPUT...]   tag documents, one evident/1 JSON record per document\n"
    "  explain TEXT|FILE...  for a person: each marker, claim, score and why\n"
    "  rules test|lint|list  check or list a rule pack\n"
    "  eval --gold DIR ...   P/R/F1 against brat gold, exact and overlap\n"
    "\n"
    "Options:\n"
    "  -h, --help            show this help (evident COMMAND --help for a command)\n"
    "  --version             show the version\n"
    "\n"
    "Exit status: 0 success; 1 some document or rule test failed (the rest is\n"
    "done); 2 bad usage or a rule pack that does not load.\n";

}  // namespace

int main(int argc, char** argv) {
  using namespace evident::cli;
  std::vector<std::string> args(argv + 1, argv + argc);
  if (args.empty()) {
    std::cerr << kUsage;
    return kExitUsage;
  }
  const std::string command = args.front();
  args.erase(args.begin());
  if (command == "-h" || command == "--help" || command == "help") {
    std::cout << kUsage;
    return kExitOk;
  }
  if (command == "--version") {
    std::cout << "evident " << EVIDENT_VERSION << "\n";
    return kExitOk;
  }
  try {
    if (command == "annotate") return RunAnnotate(args);
    if (command == "rules") return RunRules(args);
    if (command == "explain") return RunExplain(args);
    if (command == "eval") return RunEval(args);
  } catch (const std::exception& e) {
    PrintError(std::string("internal error: ") + e.what());
    return kExitFailed;
  }
  PrintError("unknown command '" + command + "' (see evident --help)");
  return kExitUsage;
}
