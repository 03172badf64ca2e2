#include "pipeline/pipeline.h"

#include <algorithm>
#include <atomic>
#include <chrono>
#include <thread>

namespace evident {

namespace {

struct Slot {
  Document doc;
  AnnotatedDocument annotated;
  std::string rendered;
};

std::uint64_t Now() {
  return static_cast<std::uint64_t>(
      std::chrono::duration_cast<std::chrono::nanoseconds>(std::chrono::steady_clock::now().time_since_epoch())
          .count());
}

}  // namespace

PipelineStats RunPipeline(DocumentReader& reader, const Annotator& annotator, const Writer& writer,
                          const Sink& sink, const PipelineOptions& options, const DocumentObserver& observer) {
  PipelineStats stats;
  const unsigned threads = std::max(1u, options.threads);
  std::vector<std::unique_ptr<Annotator::Scratch>> scratch;
  for (unsigned t = 0; t < threads; ++t) {
    scratch.push_back(annotator.NewScratch());
    scratch.back()->time_stages = options.time_stages;
  }
  std::vector<Slot> batch(options.batch_docs_per_thread * threads);
  std::vector<std::uint64_t> write_ns(threads);

  std::string bytes;
  writer.Begin(&bytes);
  if (!bytes.empty() && !sink(bytes)) stats.sink_failed = true;
  for (bool more = !stats.sink_failed; more;) {
    if (options.cancel && options.cancel->load()) {
      stats.cancelled = true;
      break;
    }
    std::size_t n = 0, batch_bytes = 0;
    const std::uint64_t read_start = options.time_stages ? Now() : 0;
    while (n < batch.size() && batch_bytes < options.batch_bytes && (more = reader.Next(&batch[n].doc))) {
      batch_bytes += batch[n].doc.text.size();
      ++n;
    }
    if (options.time_stages) stats.stages.read += Now() - read_start;
    if (n == 0) break;
    std::atomic<std::size_t> next{0};
    auto work = [&](unsigned t) {
      for (std::size_t i; (i = next.fetch_add(1)) < n;) {
        Slot& slot = batch[i];
        annotator.Annotate(slot.doc, scratch[t].get(), &slot.annotated);
        const std::uint64_t w = options.time_stages ? Now() : 0;
        slot.rendered.clear();
        writer.Render(slot.annotated, &slot.rendered);
        if (options.time_stages) write_ns[t] += Now() - w;
      }
    };
    if (threads == 1 || n == 1) {
      work(0);
    } else {
      std::vector<std::jthread> pool;
      for (unsigned t = 1; t < threads; ++t) pool.emplace_back(work, t);
      work(0);
    }
    const std::uint64_t sink_start = options.time_stages ? Now() : 0;
    for (std::size_t i = 0; i < n; ++i) {
      ++stats.documents;
      stats.bytes += batch[i].doc.text.size();
      if (!batch[i].annotated.errors.empty()) ++stats.failed;
      if (!sink(batch[i].rendered)) {
        stats.sink_failed = true;
        more = false;
        break;
      }
      if (observer) observer(batch[i].annotated);
    }
    if (options.flush) options.flush();
    if (options.time_stages) stats.stages.write += Now() - sink_start;
  }
  if (!stats.sink_failed && !stats.cancelled) {
    bytes.clear();
    writer.End(&bytes);
    if (!bytes.empty() && !sink(bytes)) stats.sink_failed = true;
  }
  for (unsigned t = 0; t < threads; ++t) {
    stats.stages.write += write_ns[t];
    stats.stages.Add(scratch[t]->times);
  }
  return stats;
}

}  // namespace evident
