#include "segment/segment.h"

#include <unicode/brkiter.h>
#include <unicode/uchar.h>
#include <unicode/utext.h>
#include <unicode/utf8.h>

#include <stdexcept>

namespace evident {

struct Segmenter::Impl {
  std::unique_ptr<icu::BreakIterator> breaker;
};

Segmenter::Segmenter(SegmenterOptions options) : options_(std::move(options)) {
  UErrorCode status = U_ZERO_ERROR;
  impl_ = std::make_unique<Impl>();
  impl_->breaker.reset(icu::BreakIterator::createSentenceInstance(
      icu::Locale(options_.locale.c_str()), status));
  if (U_FAILURE(status) || !impl_->breaker) {
    throw std::runtime_error("cannot create ICU sentence break iterator for '" +
                             options_.locale + "': " + u_errorName(status));
  }
  if (options_.max_sentence_bytes < 16) options_.max_sentence_bytes = 16;
}

Segmenter::Segmenter(SegmenterOptions options, std::unique_ptr<Impl> impl)
    : options_(std::move(options)), impl_(std::move(impl)) {}
Segmenter::~Segmenter() = default;
Segmenter::Segmenter(Segmenter&&) noexcept = default;
Segmenter& Segmenter::operator=(Segmenter&&) noexcept = default;

Segmenter Segmenter::Clone() const {
  auto impl = std::make_unique<Impl>();
  impl->breaker.reset(impl_->breaker->clone());
  return Segmenter(options_, std::move(impl));
}

namespace {

const std::uint8_t* Bytes(std::string_view s) {
  return reinterpret_cast<const std::uint8_t*>(s.data());
}

bool IsSpace(UChar32 c) { return u_isUWhiteSpace(c) || c == 0xFEFF; }

// Narrows [begin, end) to exclude white space at both ends.
void Trim(std::string_view text, std::size_t* begin, std::size_t* end) {
  const auto* s = Bytes(text);
  while (*begin < *end) {
    std::size_t i = *begin;
    UChar32 c;
    U8_NEXT_UNSAFE(s, i, c);
    if (!IsSpace(c)) break;
    *begin = i;
  }
  while (*end > *begin) {
    std::size_t i = *end;
    UChar32 c;
    U8_PREV_UNSAFE(s, i, c);
    if (!IsSpace(c)) break;
    *end = i;
  }
}

// Appends [begin, end) to *out, cut into pieces of at most `max` bytes at the
// last white space before the limit (or at a code point boundary if none).
void AppendBounded(std::string_view text, std::size_t begin, std::size_t end,
                   std::size_t max, std::vector<SentenceSpan>* out) {
  Trim(text, &begin, &end);
  if (begin == end) return;
  if (end - begin <= max) {
    out->push_back({begin, end, false});
    return;
  }
  const auto* s = Bytes(text);
  while (begin < end) {
    if (end - begin <= max) {
      out->push_back({begin, end, true});
      return;
    }
    std::size_t cut = begin + max;
    while (cut > begin && U8_IS_TRAIL(s[cut])) --cut;
    std::size_t at_space = cut;
    while (at_space > begin + max / 2 && s[at_space - 1] != ' ' && s[at_space - 1] != '\t')
      --at_space;
    if (at_space > begin + max / 2) cut = at_space;
    std::size_t piece_end = cut;
    std::size_t piece_begin = begin;
    Trim(text, &piece_begin, &piece_end);
    if (piece_begin < piece_end) out->push_back({piece_begin, piece_end, true});
    begin = cut;
    Trim(text, &begin, &end);
  }
}

}  // namespace

void Segmenter::Segment(std::string_view text, std::vector<SentenceSpan>* out) {
  out->clear();
  if (text.empty()) return;
  UErrorCode status = U_ZERO_ERROR;
  // UText over the UTF-8 bytes: ICU's "native" indices are then byte offsets
  // into the original text, with no copy and no UTF-16 conversion.
  UText* ut = utext_openUTF8(nullptr, text.data(), static_cast<int64_t>(text.size()), &status);
  if (U_FAILURE(status)) {
    throw std::runtime_error(std::string("ICU cannot open text: ") + u_errorName(status));
  }
  icu::BreakIterator& bi = *impl_->breaker;
  bi.setText(ut, status);
  if (U_FAILURE(status)) {
    utext_close(ut);
    throw std::runtime_error(std::string("ICU cannot set text: ") + u_errorName(status));
  }
  std::int32_t prev = bi.first();
  for (std::int32_t pos = bi.next(); pos != icu::BreakIterator::DONE; pos = bi.next()) {
    AppendBounded(text, static_cast<std::size_t>(prev), static_cast<std::size_t>(pos),
                  options_.max_sentence_bytes, out);
    prev = pos;
  }
  // Detach the iterator from the text before the UText goes away.
  bi.setText(icu::UnicodeString());
  utext_close(ut);
}

}  // namespace evident
