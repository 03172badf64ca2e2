#include "pipeline/pipeline.h"

#include <catch2/catch.hpp>
#include <unistd.h>

#include <filesystem>
#include <fstream>

namespace fs = std::filesystem;

namespace {

const evident::Annotator& Annotator() {
  static const evident::Annotator annotator(evident::LoadPack(EVIDENT_TEST_DATA "/pack"));
  return annotator;
}

// A JSON Lines file of `n` documents of different lengths and markers.
std::string MakeInput(std::size_t n) {
  const fs::path path = fs::temp_directory_path() / ("evident-pipeline-" + std::to_string(::getpid()) + ".jsonl");
  std::ofstream out(path, std::ios::trunc);
  for (std::size_t i = 0; i < n; ++i) {
    out << "{\"id\":\"d" << i << "\",\"text\":\"";
    for (std::size_t k = 0; k <= i % 7; ++k) out << "Officials reportedly said the plan may fail. ";
    out << "Document " << i << " ends here.\"}\n";
  }
  return path.string();
}

struct Run {
  std::string bytes;
  evident::PipelineStats stats;
};

Run RunOn(const std::string& input, unsigned threads, bool read_ahead, std::size_t docs_per_thread = 3,
          const std::atomic<bool>* cancel = nullptr, std::size_t sink_limit = 0) {
  evident::DocumentReader reader({input}, evident::InputFormat::kJsonl);
  auto writer = evident::MakeWriter("jsonl", Annotator().pack(), {});
  evident::PipelineOptions options;
  options.threads = threads;
  options.read_ahead = read_ahead;
  options.batch_docs_per_thread = docs_per_thread;
  options.cancel = cancel;
  Run run;
  std::size_t records = 0;
  run.stats = evident::RunPipeline(reader, Annotator(), *writer, [&](std::string_view bytes) {
    if (sink_limit && records == sink_limit) return false;
    ++records;
    run.bytes.append(bytes);
    return true;
  }, options);
  return run;
}

}  // namespace

TEST_CASE("pipeline: the same bytes at every thread count, with and without read-ahead", "[pipeline]") {
  const std::string input = MakeInput(101);  // not a multiple of any batch size below
  const Run reference = RunOn(input, 1, false);
  REQUIRE(reference.stats.documents == 101);
  CHECK(reference.stats.failed == 0);
  CHECK(std::count(reference.bytes.begin(), reference.bytes.end(), '\n') == 101);
  for (unsigned threads : {1u, 2u, 3u, 8u}) {
    for (bool read_ahead : {false, true}) {
      INFO("threads " << threads << ", read-ahead " << read_ahead);
      const Run run = RunOn(input, threads, read_ahead);
      CHECK(run.stats.documents == 101);
      CHECK(run.bytes == reference.bytes);
    }
  }
  fs::remove(input);
}

TEST_CASE("pipeline: records come out in input order", "[pipeline]") {
  const std::string input = MakeInput(40);
  const Run run = RunOn(input, 4, true, 1);
  std::size_t from = 0;
  for (int i = 0; i < 40; ++i) {
    const std::string id = "\"id\":\"d" + std::to_string(i) + "\"";
    const std::size_t at = run.bytes.find(id, from);
    INFO("document d" << i);
    REQUIRE(at != std::string::npos);
    from = at;
  }
  fs::remove(input);
}

TEST_CASE("pipeline: cancelling stops before the next batch; every record written is whole", "[pipeline]") {
  const std::string input = MakeInput(50);
  for (bool read_ahead : {false, true}) {
    INFO("read-ahead " << read_ahead);
    const std::atomic<bool> cancelled{true};
    const Run run = RunOn(input, 2, read_ahead, 3, &cancelled);
    CHECK(run.stats.cancelled);
    CHECK(run.stats.documents == 0);
    CHECK(run.bytes.empty());
  }
  fs::remove(input);
}

TEST_CASE("pipeline: a sink that refuses stops the run", "[pipeline]") {
  const std::string input = MakeInput(50);
  for (bool read_ahead : {false, true}) {
    INFO("read-ahead " << read_ahead);
    const Run run = RunOn(input, 2, read_ahead, 3, nullptr, 10);
    CHECK(run.stats.sink_failed);
    CHECK(std::count(run.bytes.begin(), run.bytes.end(), '\n') == 10);
    CHECK(run.bytes.back() == '\n');  // whole records only
  }
  fs::remove(input);
}
