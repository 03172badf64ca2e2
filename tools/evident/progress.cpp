#include "progress.h"

#include <unistd.h>

#include <cstdio>
#include <filesystem>

namespace evident::cli {

namespace fs = std::filesystem;

Progress::Progress(ProgressMode mode, std::uint64_t total_bytes)
    : enabled_(mode == ProgressMode::kAlways || (mode == ProgressMode::kAuto && isatty(STDERR_FILENO))),
      total_(total_bytes),
      start_(std::chrono::steady_clock::now()),
      last_(start_) {}

Progress::~Progress() {
  if (drawn_) std::fputs("\r\033[K", stderr);
}

void Progress::Update(std::uint64_t documents, std::uint64_t bytes) {
  if (!enabled_) return;
  const auto now = std::chrono::steady_clock::now();
  if (now - last_ < std::chrono::milliseconds(200)) return;
  last_ = now;
  Draw(documents, bytes);
}

void Progress::Draw(std::uint64_t documents, std::uint64_t bytes) {
  const double seconds = std::chrono::duration<double>(last_ - start_).count();
  const double mb = bytes / 1e6, rate = seconds > 0 ? mb / seconds : 0;
  char line[160];
  int n = std::snprintf(line, sizeof line, "\r\033[K%llu documents  %.1f MB", static_cast<unsigned long long>(documents), mb);
  if (total_ > 0) {
    const double total_mb = total_ / 1e6;
    n += std::snprintf(line + n, sizeof line - n, " of %.1f MB (%.0f%%)", total_mb, 100.0 * mb / total_mb);
  }
  n += std::snprintf(line + n, sizeof line - n, "  %.1f MB/s", rate);
  if (total_ > 0 && rate > 0 && bytes <= total_) {
    const auto eta = static_cast<long>((total_ - bytes) / 1e6 / rate);
    std::snprintf(line + n, sizeof line - n, "  ETA %ld:%02ld", eta / 60, eta % 60);
  }
  std::fputs(line, stderr);
  std::fflush(stderr);
  drawn_ = true;
}

std::uint64_t InputBytes(const std::vector<std::string>& inputs) {
  std::uint64_t total = 0;
  std::error_code ec;
  for (const auto& in : inputs) {
    if (in == "-") return 0;
    if (fs::is_directory(in, ec)) {
      for (fs::recursive_directory_iterator it(in, ec), end; !ec && it != end; it.increment(ec))
        if (it->is_regular_file(ec) && it->path().extension() == ".txt") total += it->file_size(ec);
    } else {
      total += fs::file_size(in, ec);
    }
    if (ec) return 0;
  }
  return total;
}

}  // namespace evident::cli
