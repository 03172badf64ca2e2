#include "pipeline/pipeline.h"

#include <algorithm>
#include <atomic>
#include <chrono>
#include <condition_variable>
#include <deque>
#include <mutex>
#include <thread>

namespace evident {

namespace {

struct Slot {
  Document doc;
  AnnotatedDocument annotated;
  std::string rendered;
};

struct Batch {
  std::vector<Slot> slots;
  std::size_t n = 0;  // slots in use
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
  std::vector<std::uint64_t> write_ns(threads);

  // Batches go round: free -> filled by the reader -> annotated and written
  // -> free. With read-ahead a reader thread fills the next batch (reading
  // and parsing JSON) while the current one is annotated; two batches in all
  // bound the memory.
  const bool read_ahead = options.read_ahead;
  std::vector<Batch> batches(read_ahead ? 2 : 1);
  for (Batch& b : batches) b.slots.resize(options.batch_docs_per_thread * threads);
  std::uint64_t read_ns = 0;  // written by whoever reads; summed at the end
  auto fill = [&](Batch& b) {
    const std::uint64_t start = options.time_stages ? Now() : 0;
    std::size_t bytes = 0;
    bool more = true;
    b.n = 0;
    // A batch takes what has arrived: it stops early rather than wait for
    // more standard input while it holds documents.
    while (b.n < b.slots.size() && bytes < options.batch_bytes && (b.n == 0 || reader.InputWaiting()) &&
           (more = reader.Next(&b.slots[b.n].doc))) {
      bytes += b.slots[b.n].doc.text.size();
      ++b.n;
    }
    if (options.time_stages) read_ns += Now() - start;
    return more;
  };

  std::mutex mu;
  std::condition_variable cv;
  std::deque<Batch*> free_batches, filled;
  bool reader_done = false, stop_reader = false;
  std::thread reader_thread;
  if (read_ahead) {
    for (Batch& b : batches) free_batches.push_back(&b);
    reader_thread = std::thread([&] {
      for (;;) {
        Batch* b = nullptr;
        {
          std::unique_lock lock(mu);
          cv.wait(lock, [&] { return stop_reader || !free_batches.empty(); });
          if (stop_reader) break;
          b = free_batches.front();
          free_batches.pop_front();
        }
        const bool more = fill(*b);
        {
          std::lock_guard lock(mu);
          if (b->n > 0) filled.push_back(b);
          else free_batches.push_back(b);
          reader_done = !more;
        }
        cv.notify_all();
        if (!more) break;
      }
    });
  }
  bool input_left = true;  // without read-ahead
  auto next_batch = [&]() -> Batch* {
    if (!read_ahead) {
      if (!input_left) return nullptr;
      input_left = fill(batches[0]);
      return batches[0].n > 0 ? &batches[0] : nullptr;
    }
    std::unique_lock lock(mu);
    cv.wait(lock, [&] { return !filled.empty() || reader_done; });
    if (filled.empty()) return nullptr;
    Batch* b = filled.front();
    filled.pop_front();
    return b;
  };
  auto release = [&](Batch* b) {
    if (!read_ahead) return;
    {
      std::lock_guard lock(mu);
      free_batches.push_back(b);
    }
    cv.notify_all();
  };

  // The record of a document that comes in sections, while it is written.
  std::unique_ptr<SectionWriter> sections;
  bool section_failed = false;
  std::uint64_t section_end = 0;
  // Closes the record; a non-empty `interruption` is recorded as its error.
  auto finish_section = [&](std::string_view interruption) {
    const bool ok = sections->Finish(sink, interruption);
    sections.reset();
    ++stats.documents;
    if (section_failed || !interruption.empty()) ++stats.failed;
    return ok;
  };
  auto write_section = [&](const Slot& slot) {
    if (slot.doc.section == 0) {
      section_failed = false;
      try {
        sections = writer.BeginSections();
      } catch (const std::exception& e) {
        stats.error = e.what();
        return false;
      }
      if (!sections) {
        stats.error = "this output format cannot write a document in sections";
        return false;
      }
    }
    section_failed |= !slot.annotated.errors.empty();
    section_end = slot.doc.section_offset + slot.doc.text.size();
    if (!sections->Add(slot.annotated, sink)) return false;
    return slot.doc.more_sections || finish_section({});
  };

  std::string bytes;
  writer.Begin(&bytes);
  if (!bytes.empty() && !sink(bytes)) stats.sink_failed = true;
  while (!stats.sink_failed) {
    if (options.cancel && options.cancel->load()) {
      stats.cancelled = true;
      // A record half written is closed, saying where it stops.
      if (sections && !finish_section("interrupted: the record covers bytes 0-" + std::to_string(section_end) +
                                      " of the document only"))
        stats.sink_failed = true;
      break;
    }
    Batch* batch = next_batch();
    if (!batch) break;
    const std::size_t n = batch->n;
    std::vector<Slot>& slots = batch->slots;
    std::atomic<std::size_t> next{0};
    auto work = [&](unsigned t) {
      for (std::size_t i; (i = next.fetch_add(1)) < n;) {
        Slot& slot = slots[i];
        annotator.Annotate(slot.doc, scratch[t].get(), &slot.annotated);
        if (slot.doc.IsSection()) continue;  // rendered in order, below, with the sections before it
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
      const Slot& slot = slots[i];
      stats.bytes += slot.doc.text.size();
      bool written;
      if (slot.doc.IsSection()) {
        written = write_section(slot);
      } else {
        ++stats.documents;
        if (!slot.annotated.errors.empty()) ++stats.failed;
        written = sink(slot.rendered);
      }
      if (!written) {
        stats.sink_failed = true;
        break;
      }
      if (observer) observer(slot.annotated);
    }
    if (options.flush) options.flush();
    if (options.time_stages) stats.stages.write += Now() - sink_start;
    // Rendered records are several times their text: give them back once
    // written, so the batch being read does not hold the last batch's output.
    // A slot keeps its other buffers, unless it held a long document.
    constexpr std::size_t kKeep = 1 << 18;
    for (std::size_t i = 0; i < n; ++i) {
      Slot& slot = slots[i];
      std::string().swap(slot.rendered);
      if (slot.doc.text.capacity() > kKeep) std::string().swap(slot.doc.text);
    }
    release(batch);
  }
  if (reader_thread.joinable()) {
    {
      std::lock_guard lock(mu);
      stop_reader = true;
    }
    cv.notify_all();
    reader_thread.join();  // finishes the batch it is filling, then stops
  }
  if (!stats.sink_failed && !stats.cancelled) {
    bytes.clear();
    writer.End(&bytes);
    if (!bytes.empty() && !sink(bytes)) stats.sink_failed = true;
  }
  stats.stages.read += read_ns;
  for (unsigned t = 0; t < threads; ++t) {
    stats.stages.write += write_ns[t];
    stats.stages.Add(scratch[t]->times);
  }
  return stats;
}

}  // namespace evident
