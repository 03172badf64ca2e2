// segment: text in, sentence spans out.
//
// Sentences come from ICU's sentence BreakIterator with the locale
// "en@ss=standard", whose suppression list keeps "U.S.", "Mr." or "Sept. 12"
// inside a sentence. ICU ends a sentence at every line break, so a headline or
// a byline without final punctuation is a sentence of its own. Spans are byte
// offsets into the original text, without surrounding white space (including
// no-break spaces); empty sentences are dropped.
//
// ICU's English suppression list misses the abbreviations that news text
// puts before names ("Sen. Ted Cruz", "Gov. Chris Christie", "Donald J.
// Trump", "Roe v. Wade", "the U.S. Senate"), and ICU breaks after each of
// them when a capital letter follows, cutting a speaker from the verb. With
// `join_abbreviations` (the default, for English locales) such a break is
// removed when the word before it and the word after it say it is an
// abbreviation, not a full stop: the table in segment.cpp says which words,
// and what must follow each (any word, a number, not a pronoun ...).
//
// A sentence longer than `max_sentence_bytes` (say, 50 MB without a full
// stop) is cut into pieces at white space, each marked `split`, so the later
// stages work in bounded memory and time.
//
//   evident::Segmenter seg;                 // expensive: build once
//   evident::Segmenter mine = seg.Clone();  // one per thread
//   std::vector<evident::SentenceSpan> out;
//   mine.Segment(text, &out);
#ifndef EVIDENT_SEGMENT_SEGMENT_H_
#define EVIDENT_SEGMENT_SEGMENT_H_

#include <cstddef>
#include <memory>
#include <string>
#include <string_view>
#include <vector>

namespace evident {

struct SentenceSpan {
  std::size_t begin = 0;  // byte offsets, end-exclusive
  std::size_t end = 0;
  bool split = false;     // cut because the sentence was too long
};

struct SegmenterOptions {
  std::string locale = "en@ss=standard";
  std::size_t max_sentence_bytes = 8192;
  // Remove ICU's breaks after "Sen.", "Gov.", middle initials and the like
  // (see above and segment.cpp). Only for locales whose language is "en".
  bool join_abbreviations = true;
};

// Not thread-safe (ICU break iterators keep state): Clone() one per thread.
class Segmenter {
 public:
  // Throws std::runtime_error if ICU cannot create the break iterator.
  explicit Segmenter(SegmenterOptions options = {});
  ~Segmenter();
  Segmenter(Segmenter&&) noexcept;
  Segmenter& operator=(Segmenter&&) noexcept;
  Segmenter(const Segmenter&) = delete;
  Segmenter& operator=(const Segmenter&) = delete;

  Segmenter Clone() const;

  // Replaces *out with the sentences of `text`, which must be valid UTF-8.
  void Segment(std::string_view text, std::vector<SentenceSpan>* out);

  const SegmenterOptions& options() const { return options_; }

 private:
  struct Impl;
  Segmenter(SegmenterOptions options, std::unique_ptr<Impl> impl);
  SegmenterOptions options_;
  std::unique_ptr<Impl> impl_;
};

}  // namespace evident

#endif  // EVIDENT_SEGMENT_SEGMENT_H_
