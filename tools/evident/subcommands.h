// The subcommands of the evident CLI. Each takes its arguments (without the
// program and subcommand names) and returns an ExitCode (common.h).
#ifndef EVIDENT_TOOLS_SUBCOMMANDS_H_
#define EVIDENT_TOOLS_SUBCOMMANDS_H_

#include <string>
#include <vector>

namespace evident::cli {

int RunAnnotate(const std::vector<std::string>& args);
int RunRules(const std::vector<std::string>& args);
int RunExplain(const std::vector<std::string>& args);
int RunEval(const std::vector<std::string>& args);

}  // namespace evident::cli

#endif  // EVIDENT_TOOLS_SUBCOMMANDS_H_
