#include "annotate/annotate.h"

#include <chrono>
#include <limits>

namespace evident {

namespace {

std::uint64_t Now() {
  return static_cast<std::uint64_t>(
      std::chrono::duration_cast<std::chrono::nanoseconds>(std::chrono::steady_clock::now().time_since_epoch())
          .count());
}

}  // namespace

Annotator::Annotator(Pack pack, AnnotatorOptions options)
    : pack_(std::move(pack)),
      options_(std::move(options)),
      matcher_(pack_),
      segmenter_(options_.segmenter),
      claims_(pack_),
      scorer_(pack_) {}

Annotator::~Annotator() = default;

std::unique_ptr<Annotator::Scratch> Annotator::NewScratch() const {
  return std::make_unique<Scratch>(segmenter_.Clone());
}

void Annotator::Annotate(const Document& doc, Scratch* scratch, AnnotatedDocument* out) const {
  out->doc = &doc;
  out->sentences.clear();
  out->annotations.clear();
  out->claims.clear();
  out->errors = doc.errors;
  out->warnings.clear();
  out->trace.suppressed.clear();
  out->trace.overruled.clear();
  if (!doc.errors.empty()) return;
  // ICU break iterators index text with int32_t.
  if (doc.text.size() > static_cast<std::size_t>(std::numeric_limits<std::int32_t>::max())) {
    out->errors.push_back({doc.origin, doc.line, std::nullopt,
                           "document larger than 2 GiB; split it into smaller documents"});
    return;
  }

  const bool timing = scratch->time_stages;
  StageTimes& times = scratch->times;
  std::uint64_t t0 = timing ? Now() : 0, t1 = 0;
  scratch->segmenter.Segment(doc.text, &scratch->spans);
  if (timing) times.segment += Now() - t0;
  std::size_t num_split = 0;
  Trace* trace = options_.trace ? &out->trace : nullptr;
  for (const SentenceSpan& s : scratch->spans) {
    Sentence sentence;
    sentence.index = out->sentences.size();
    sentence.span = {s.begin, s.end};
    sentence.split = s.split;
    num_split += s.split;
    sentence.first_annotation = out->annotations.size();

    auto& matches = scratch->matches;
    matches.clear();
    if (timing) t0 = Now();
    matcher_.FindAll(doc.text, s.begin, s.end, &scratch->match, &matches,
                     trace ? &trace->suppressed : nullptr);
    if (timing) t1 = Now();
    ResolveOverlaps(pack_, doc.text, &matches, trace ? &trace->overruled : nullptr);
    if (timing) {
      times.match += t1 - t0;
      times.resolve += Now() - t1;
    }
    for (const Match& m : matches) {
      Annotation a;
      a.rule = m.rule;
      a.sentence = sentence.index;
      a.span = m.span;
      a.source = m.source;
      a.cue = m.cue;
      a.content = m.content;
      out->annotations.push_back(std::move(a));
    }
    sentence.num_annotations = out->annotations.size() - sentence.first_annotation;
    out->sentences.push_back(sentence);
  }
  if (pack_.has_claims) {
    if (timing) t0 = Now();
    claims_.Extract(doc.text, out->sentences, out->annotations, &out->claims);
    if (timing) t1 = Now();
    if (pack_.has_scoring) scorer_.Score(doc.text, out->sentences, out->annotations, &out->claims);
    if (timing) {
      times.attribute += t1 - t0;
      times.score += Now() - t1;
    }
  }
  if (num_split > 0) {
    out->warnings.push_back(std::to_string(num_split) + " pieces of over-long sentences (more than " +
                            std::to_string(options_.segmenter.max_sentence_bytes) +
                            " bytes) were cut at white space; see the sentences marked \"split\"");
  }
}

}  // namespace evident
