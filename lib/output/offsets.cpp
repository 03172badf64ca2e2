#include <unicode/utf8.h>

#include "output/output.h"

namespace evident {

namespace {
constexpr std::size_t kStride = 256;
}

std::string_view OffsetUnitName(OffsetUnit u) {
  switch (u) {
    case OffsetUnit::kByte: return "byte";
    case OffsetUnit::kCodepoint: return "codepoint";
    case OffsetUnit::kUtf16: return "utf16";
  }
  return "?";
}

std::optional<OffsetUnit> ParseOffsetUnit(std::string_view name) {
  for (OffsetUnit u : {OffsetUnit::kByte, OffsetUnit::kCodepoint, OffsetUnit::kUtf16})
    if (OffsetUnitName(u) == name) return u;
  return std::nullopt;
}

OffsetConverter::OffsetConverter(std::string_view text, OffsetUnit unit) : text_(text), unit_(unit) {
  if (unit_ == OffsetUnit::kByte) return;
  checkpoints_.reserve(text.size() / kStride + 1);
  std::size_t units = 0;
  for (std::size_t k = 0; k * kStride <= text.size(); ++k) {
    checkpoints_.push_back(units);
    units += Count(k * kStride, std::min(text.size(), (k + 1) * kStride));
  }
}

// Units in text[from, to): a code point per lead byte; UTF-16 needs a second
// unit for the four-byte sequences (outside the BMP).
std::size_t OffsetConverter::Count(std::size_t from, std::size_t to) const {
  std::size_t n = 0;
  for (std::size_t i = from; i < to; ++i) {
    const auto b = static_cast<std::uint8_t>(text_[i]);
    if (U8_IS_TRAIL(b)) continue;
    n += (unit_ == OffsetUnit::kUtf16 && b >= 0xF0) ? 2 : 1;
  }
  return n;
}

std::size_t OffsetConverter::operator()(std::size_t byte) const {
  if (unit_ == OffsetUnit::kByte) return byte;
  const std::size_t k = byte / kStride;
  // Writers ask in (nearly) increasing order: count on from the last answer
  // when it is closer than the checkpoint.
  if (byte >= last_byte_ && last_byte_ > k * kStride) {
    last_units_ += Count(last_byte_, byte);
  } else {
    last_units_ = checkpoints_[k] + Count(k * kStride, byte);
  }
  last_byte_ = byte;
  return last_units_;
}

}  // namespace evident
