// pipeline: many documents, annotated in parallel, written in input order.
//
// RunPipeline reads documents in batches (bounded in count and bytes, so
// memory stays bounded whatever the input), annotates and renders them on N
// threads sharing one Annotator, and hands the rendered bytes to a sink in
// input order. The output is the same bytes for every thread count. With
// read_ahead, one more thread reads the next batch meanwhile. A document
// that comes in sections (ReaderOptions::section_bytes) is annotated a
// section at a time and written by the Writer's SectionWriter; it is counted
// once in the stats, and the observer sees each section.
//
//   evident::PipelineOptions options;
//   options.threads = 4;
//   auto stats = evident::RunPipeline(reader, annotator, *writer,
//       [&](std::string_view bytes) { return fwrite(...) == bytes.size(); },
//       options);
#ifndef EVIDENT_PIPELINE_PIPELINE_H_
#define EVIDENT_PIPELINE_PIPELINE_H_

#include <atomic>
#include <cstddef>
#include <cstdint>
#include <functional>
#include <string>
#include <string_view>

#include "annotate/annotate.h"
#include "output/output.h"
#include "read/read.h"

namespace evident {

struct PipelineOptions {
  unsigned threads = 1;
  std::size_t batch_docs_per_thread = 64;
  std::size_t batch_bytes = 2u << 20;
  bool time_stages = false;  // fill PipelineStats::stages (costs a few clock reads per sentence)
  // Read (and parse) the next batch on a thread of its own while the current
  // one is annotated. For files; not for an interactive standard input,
  // where a reader blocked on input could not be stopped by Ctrl-C.
  bool read_ahead = false;
  // Called after each batch is written, so a consumer at the other end of a
  // pipe sees records as they are done (the streaming contract).
  std::function<void()> flush;
  // Checked before each batch is read: when it becomes true the run stops,
  // and every record already handed to the sink is complete.
  const std::atomic<bool>* cancel = nullptr;
};

struct PipelineStats {
  std::uint64_t documents = 0;
  std::uint64_t bytes = 0;          // document text bytes
  std::uint64_t failed = 0;         // documents with errors
  bool sink_failed = false;         // the sink refused bytes (or `error`); the run stopped
  std::string error;                // why the run stopped, when not the sink
  bool cancelled = false;           // options.cancel stopped the run
  StageTimes stages;                // summed over threads when time_stages
};

// Receives rendered output, in input order. Returns false to stop the run.
using Sink = std::function<bool(std::string_view bytes)>;
// Called, in input order, for every document after it was written.
using DocumentObserver = std::function<void(const AnnotatedDocument& doc)>;

PipelineStats RunPipeline(DocumentReader& reader, const Annotator& annotator, const Writer& writer,
                          const Sink& sink, const PipelineOptions& options,
                          const DocumentObserver& observer = nullptr);

}  // namespace evident

#endif  // EVIDENT_PIPELINE_PIPELINE_H_
