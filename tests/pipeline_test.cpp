#include "pipeline/pipeline.h"

#include <catch2/catch.hpp>
#include <unistd.h>

#include <filesystem>
#include <fstream>
#include <nlohmann/json.hpp>

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

namespace {

// The default English pack: it has claims, so they are compared too.
const evident::Annotator& English() {
  static const evident::Annotator annotator(evident::LoadPack(EVIDENT_RULES_DIR));
  return annotator;
}

std::string RunText(const std::string& path, std::size_t section_bytes, unsigned threads,
                    evident::PipelineStats* stats = nullptr, const std::atomic<bool>* cancel = nullptr) {
  evident::DocumentReader reader({path}, evident::InputFormat::kText, {section_bytes});
  auto writer = evident::MakeWriter("jsonl", English().pack(), {});
  evident::PipelineOptions options;
  options.threads = threads;
  options.read_ahead = true;
  options.batch_docs_per_thread = 2;
  options.cancel = cancel;
  std::string out;
  auto s = evident::RunPipeline(reader, English(), *writer, [&](std::string_view b) {
    out.append(b);
    return true;
  }, options);
  if (stats) *stats = s;
  return out;
}

}  // namespace

TEST_CASE("pipeline: a document in sections is one record, numbered as if read whole", "[pipeline]") {
  const fs::path path = fs::temp_directory_path() / ("evident-sections-" + std::to_string(::getpid()) + ".txt");
  {
    std::ofstream out(path, std::ios::binary);
    for (int i = 0; i < 60; ++i)
      out << "Paragraph " << i << ": officials reportedly said the plan “may fail”. Ministers denied it.\n\n";
  }
  const std::string whole = RunText(path.string(), 0, 1);
  evident::PipelineStats stats;
  for (unsigned threads : {1u, 3u}) {
    INFO("threads " << threads);
    const std::string sectioned = RunText(path.string(), 300, threads, &stats);
    CHECK(stats.documents == 1);
    CHECK(stats.bytes == fs::file_size(path));
    REQUIRE(std::count(sectioned.begin(), sectioned.end(), '\n') == 1);
    const auto a = nlohmann::json::parse(whole), b = nlohmann::json::parse(sectioned);
    // Sentences, annotations and their ids and offsets are the same; so are
    // the claims, as none reaches across a paragraph here.
    CHECK(a["sentences"] == b["sentences"]);
    CHECK(a["claims"] == b["claims"]);
    CHECK(a["warnings"].empty());
    REQUIRE(b["warnings"].size() == 1);
    CHECK(b["warnings"][0].get<std::string>().find("annotated in ") != std::string::npos);
  }
  // Interrupted between sections: the record is closed and says where it stops.
  std::atomic<bool> cancel{false};
  evident::DocumentReader reader({path.string()}, evident::InputFormat::kText, {300});
  auto writer = evident::MakeWriter("jsonl", English().pack(), {});
  evident::PipelineOptions options;
  options.batch_docs_per_thread = 2;
  options.cancel = &cancel;
  std::string out;
  stats = evident::RunPipeline(reader, English(), *writer, [&](std::string_view b) {
    out.append(b);
    cancel = true;  // after the first bytes
    return true;
  }, options);
  CHECK(stats.cancelled);
  CHECK(stats.documents == 1);
  const auto cut = nlohmann::json::parse(out);
  REQUIRE(cut["errors"].size() == 1);
  CHECK(cut["errors"][0]["message"].get<std::string>().rfind("interrupted: the record covers bytes 0-", 0) == 0);
  CHECK(cut["sentences"].size() < nlohmann::json::parse(whole)["sentences"].size());
  fs::remove(path);
}
