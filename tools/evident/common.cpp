#include "common.h"

#include <unistd.h>

#include <cerrno>
#include <cstring>
#include <filesystem>
#include <iostream>

namespace evident::cli {

namespace fs = std::filesystem;

void PrintError(std::string_view message) { std::cerr << "evident: " << message << "\n"; }

bool ParseOptions(const std::vector<std::string>& args, const boost::program_options::options_description& options,
                  const boost::program_options::positional_options_description& positional,
                  std::string_view command, boost::program_options::variables_map* vm) {
  namespace po = boost::program_options;
  try {
    po::store(po::command_line_parser(args).options(options).positional(positional).run(), *vm);
    po::notify(*vm);
    return true;
  } catch (const po::error& e) {
    const std::string c(command);
    PrintError(c + ": " + e.what() + " (see evident " + c + " --help)");
    return false;
  }
}

std::string DefaultRulesDir() {
  std::error_code ec;
  fs::path exe = fs::read_symlink("/proc/self/exe", ec);
  if (!ec) {
    fs::path installed = exe.parent_path().parent_path() / EVIDENT_INSTALL_DATADIR / "evident" / "rules" / "en";
    if (fs::exists(installed / "pack.yaml", ec)) return installed.string();
  }
  return (fs::path(EVIDENT_SOURCE_RULES_DIR) / "en").string();
}

std::optional<Pack> LoadPackOrReport(const std::vector<std::string>& dirs) {
  const std::string default_dir = DefaultRulesDir();
  PackOptions options;
  options.search_path = fs::path(default_dir).parent_path().string();
  try {
    return dirs.empty() ? LoadPack(default_dir, options) : LoadPacks(dirs, options);
  } catch (const PackError& e) {
    PrintError(e.what());
    return std::nullopt;
  }
}

std::optional<Pack> LoadPackOrReport(const std::string& dir) {
  return LoadPackOrReport(dir.empty() ? std::vector<std::string>{} : std::vector<std::string>{dir});
}

std::unique_ptr<Output> Output::Open(const std::string& path) {
  std::unique_ptr<Output> out(new Output());
  if (path.empty() || path == "-") {
    out->file_ = stdout;
    return out;
  }
  fs::path target(path);
  std::error_code ec;
  const fs::file_status st = fs::status(target, ec);  // follows symlinks
  if (fs::is_directory(st)) {
    PrintError(path + ": is a folder");
    return nullptr;
  }
  if (fs::exists(st) && !fs::is_regular_file(st)) {
    // A device, FIFO or socket (/dev/null, a pipe): write to it directly.
    // Renaming a temporary file over it would replace it.
    out->file_ = std::fopen(path.c_str(), "wb");
    if (!out->file_) {
      PrintError(path + ": " + std::strerror(errno));
      return nullptr;
    }
    out->direct_ = true;
    return out;
  }
  // A symlink: the temporary file goes beside its target and replaces the
  // target, so the link stays a link.
  if (fs::is_symlink(fs::symlink_status(target, ec))) target = fs::weakly_canonical(target, ec);
  out->path_ = target.string();
  fs::path dir = target.has_parent_path() ? target.parent_path() : fs::path(".");
  std::string templ = (dir / ("." + target.filename().string() + ".tmp.XXXXXX")).string();
  int fd = mkstemp(templ.data());
  if (fd < 0) {
    PrintError(path + ": cannot create a temporary file beside it: " + std::strerror(errno));
    return nullptr;
  }
  out->temp_ = templ;
  out->file_ = fdopen(fd, "wb");
  if (!out->file_) {
    PrintError(path + ": " + std::strerror(errno));
    ::close(fd);
    ::unlink(templ.c_str());
    return nullptr;
  }
  return out;
}

Output::~Output() {
  if (direct_ && file_) std::fclose(file_);
  if (!temp_.empty()) {  // not committed: drop the partial file
    if (file_) std::fclose(file_);
    ::unlink(temp_.c_str());
  }
}

bool Output::Write(std::string_view bytes) {
  if (failed_) return false;
  if (std::fwrite(bytes.data(), 1, bytes.size(), file_) != bytes.size()) failed_ = true;
  return !failed_;
}

void Output::Flush() {
  if (std::fflush(file_) != 0) failed_ = true;
}

bool Output::Commit() {
  Flush();
  if (direct_) {
    const bool ok = std::fclose(file_) == 0 && !failed_;
    file_ = nullptr;
    return ok;
  }
  if (temp_.empty()) return !failed_;
  bool ok = !failed_ && fsync(fileno(file_)) == 0;
  ok = (std::fclose(file_) == 0) && ok;
  file_ = nullptr;
  if (ok && std::rename(temp_.c_str(), path_.c_str()) != 0) ok = false;
  if (!ok) {
    PrintError(path_ + ": cannot write: " + std::strerror(errno));
    ::unlink(temp_.c_str());
  }
  temp_.clear();
  return ok;
}

}  // namespace evident::cli
