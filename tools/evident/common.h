// Shared pieces of the evident CLI: exit codes, error printing, the default
// rule pack, and output files that never exist half-written.
#ifndef EVIDENT_TOOLS_COMMON_H_
#define EVIDENT_TOOLS_COMMON_H_

#include <boost/program_options.hpp>
#include <cstdio>
#include <memory>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "rules/rules.h"

namespace evident::cli {

// Exit status of every subcommand.
enum ExitCode : int {
  kExitOk = 0,      // everything done
  kExitFailed = 1,  // some document or rule test failed; the rest was done
  kExitUsage = 2,   // bad usage or an unusable rule pack; nothing was done
  kExitInterrupted = 130,  // Ctrl-C: stopped between batches, records so far complete
};

// Prints "evident: <message>" on standard error.
void PrintError(std::string_view message);

// Parses a subcommand's arguments into *vm. On a usage error prints
// "evident: COMMAND: problem (see evident COMMAND --help)" and returns false.
bool ParseOptions(const std::vector<std::string>& args, const boost::program_options::options_description& options,
                  const boost::program_options::positional_options_description& positional,
                  std::string_view command, boost::program_options::variables_map* vm);

// The same for a subcommand whose arguments that are not options all go to
// one hidden option: `name` takes up to `max_count` of them (-1: all) into
// `value`, e.g. ParseOptions(args, visible, "input", po::value(&inputs), -1,
// "annotate", &vm). Takes ownership of `value`, as Boost does.
bool ParseOptions(const std::vector<std::string>& args, const boost::program_options::options_description& visible,
                  const char* name, const boost::program_options::value_semantic* value, int max_count,
                  std::string_view command, boost::program_options::variables_map* vm);

// The default pack: <prefix>/share/evident/rules/en beside an installed
// binary, else rules/en of the source tree the binary was built from.
std::string DefaultRulesDir();

// Loads a pack, or several layered in order (`--rules A --rules B`; none:
// the default pack), printing "evident: FILE:LINE:COL: message" on failure.
// `extends: NAME` also looks for NAME beside the default pack.
std::optional<Pack> LoadPackOrReport(const std::vector<std::string>& dirs);
std::optional<Pack> LoadPackOrReport(const std::string& dir);

// Writes to standard output, or to a temporary file beside `path` that is
// renamed to `path` by Commit(); dropped unless committed. A `path` that is
// a device or FIFO (/dev/null) is written directly; a symlink's target is
// replaced, not the link.
class Output {
 public:
  // "-" or empty for standard output. Returns nullptr (after printing the
  // error) if the temporary file cannot be created.
  static std::unique_ptr<Output> Open(const std::string& path);
  ~Output();
  Output(const Output&) = delete;
  Output& operator=(const Output&) = delete;

  bool Write(std::string_view bytes);
  void Flush();
  // Flushes, closes and renames into place. Returns false (after printing
  // the error) if anything failed; the target is then left untouched.
  bool Commit();

 private:
  Output() = default;
  std::FILE* file_ = nullptr;
  std::string path_, temp_;
  bool failed_ = false;
  bool direct_ = false;  // a device or FIFO, written in place
};

// The folder of a per-document format (brat, webanno): created if missing;
// every file is written through Output, so it appears only when complete.
class FolderOutput {
 public:
  // Returns nullptr (after printing the error) if `dir` is not a folder and
  // cannot be made one.
  static std::unique_ptr<FolderOutput> Open(const std::string& dir);
  // Writes the files of a bundle (output/output.h), each named `stem` + its
  // name. False (after printing the error) if a file could not be written.
  bool WriteBundle(std::string_view bundle, std::string_view stem);

 private:
  std::string dir_;
};

}  // namespace evident::cli

#endif  // EVIDENT_TOOLS_COMMON_H_
