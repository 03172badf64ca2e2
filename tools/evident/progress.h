// A progress line on standard error for long batches: documents, MB, MB/s
// and, when the input size is known, percent and ETA. Shown on a terminal,
// not on a pipe, unless --progress says otherwise.
#ifndef EVIDENT_TOOLS_PROGRESS_H_
#define EVIDENT_TOOLS_PROGRESS_H_

#include <chrono>
#include <cstdint>
#include <string>
#include <vector>

namespace evident::cli {

enum class ProgressMode { kAuto, kAlways, kNever };

class Progress {
 public:
  // `total_bytes` 0: unknown (standard input).
  Progress(ProgressMode mode, std::uint64_t total_bytes);
  ~Progress();  // clears the line

  // At most a few times a second it redraws; cheap to call per document.
  void Update(std::uint64_t documents, std::uint64_t bytes);
  bool enabled() const { return enabled_; }

 private:
  void Draw(std::uint64_t documents, std::uint64_t bytes);
  bool enabled_ = false;
  bool drawn_ = false;
  std::uint64_t total_ = 0;
  std::chrono::steady_clock::time_point start_, last_;
};

// Sum of the sizes of the inputs (folders: their *.txt files); 0 if any is
// standard input or cannot be measured.
std::uint64_t InputBytes(const std::vector<std::string>& inputs);

}  // namespace evident::cli

#endif  // EVIDENT_TOOLS_PROGRESS_H_
