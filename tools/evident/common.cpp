#include "common.h"

#include <sys/stat.h>
#include <unistd.h>

#include <cerrno>
#include <cstring>
#include <filesystem>
#include <iostream>

#include "output/output.h"

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

bool ParseOptions(const std::vector<std::string>& args, const boost::program_options::options_description& visible,
                  const char* name, const boost::program_options::value_semantic* value, int max_count,
                  std::string_view command, boost::program_options::variables_map* vm) {
  namespace po = boost::program_options;
  po::options_description all;
  all.add(visible).add_options()(name, value);
  po::positional_options_description positional;
  positional.add(name, max_count);
  return ParseOptions(args, all, positional, command, vm);
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
  std::string name = ".";
  name += target.filename().string();
  name += ".tmp.XXXXXX";
  std::string templ = (dir / name).string();
  int fd = mkstemp(templ.data());
  if (fd < 0) {
    PrintError(path + ": cannot create a temporary file beside it: " + std::strerror(errno));
    return nullptr;
  }
  // mkstemp makes the file private (0600); the result should get the mode
  // any new file gets (0666 less the umask), so that a brat server or a
  // colleague can read it. The umask is read once, before any worker runs.
  static const mode_t mask = [] {
    const mode_t m = ::umask(0);
    ::umask(m);
    return m;
  }();
  ::fchmod(fd, 0666 & ~mask);
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

std::unique_ptr<FolderOutput> FolderOutput::Open(const std::string& dir) {
  std::error_code ec;
  if (fs::exists(dir, ec) && !fs::is_directory(dir, ec)) {
    PrintError(dir + ": exists and is not a folder");
    return nullptr;
  }
  fs::create_directories(dir, ec);
  if (ec) {
    PrintError(dir + ": cannot create the folder: " + ec.message());
    return nullptr;
  }
  std::unique_ptr<FolderOutput> out(new FolderOutput());
  out->dir_ = dir;
  return out;
}

bool FolderOutput::WriteBundle(std::string_view bundle, std::string_view stem) {
  std::vector<OutputFile> files;
  if (!SplitFiles(bundle, &files)) {
    PrintError(dir_ + ": internal error: a malformed bundle of files");
    return false;
  }
  for (const OutputFile& f : files) {
    auto out = Output::Open((fs::path(dir_) / (std::string(stem) + std::string(f.name))).string());
    if (!out || !out->Write(f.bytes) || !out->Commit()) return false;
  }
  return true;
}

}  // namespace evident::cli
