// evident-bench: end-to-end throughput of the default pack, as a table.
//
// Generates a deterministic corpus of N MB of JSON Lines from the sentences
// of corpus/ (shuffled with a fixed seed), then runs the whole pipeline (read,
// segment, match, resolve, attribute, score, write JSONL) at -j 1 and at -j
// <cores>, writing to a null sink and to a file. Each run happens in a child
// process so that its peak RSS is its own. This is a benchmark, not a test:
// it asserts nothing and prints numbers.
//
//   build/bin/evident-bench --size 64
#include <sys/resource.h>
#include <sys/wait.h>
#include <unistd.h>

#include <boost/program_options.hpp>
#include <chrono>
#include <cstdio>
#include <filesystem>
#include <fstream>
#include <iostream>
#include <nlohmann/json.hpp>
#include <random>
#include <thread>

#include "annotate/annotate.h"
#include "output/output.h"
#include "pipeline/pipeline.h"
#include "read/read.h"
#include "segment/segment.h"

namespace fs = std::filesystem;
namespace po = boost::program_options;

namespace {

// Writes about `megabytes` of JSON Lines built from shuffled corpus sentences.
std::uint64_t Generate(const std::string& corpus, double megabytes, unsigned seed, const std::string& path) {
  std::vector<std::string> sentences;
  evident::Segmenter segmenter;
  evident::DocumentReader reader({corpus}, evident::InputFormat::kText);
  evident::Document doc;
  std::vector<evident::SentenceSpan> spans;
  while (reader.Next(&doc)) {
    segmenter.Segment(doc.text, &spans);
    for (const auto& s : spans) sentences.push_back(doc.text.substr(s.begin, s.end - s.begin));
  }
  if (sentences.empty()) throw std::runtime_error("no sentences in " + corpus);
  std::mt19937 rng(seed);
  std::uniform_int_distribution<std::size_t> pick(0, sentences.size() - 1), length(8, 40), para(2, 5);
  std::ofstream out(path, std::ios::binary);
  const auto target = static_cast<std::uint64_t>(megabytes * 1e6);
  std::uint64_t bytes = 0;
  for (std::size_t id = 0; bytes < target; ++id) {
    std::string text;
    const std::size_t n = length(rng);
    for (std::size_t i = 0; i < n; ++i) {
      text += sentences[pick(rng)];
      text += (i + 1) % para(rng) == 0 ? "\n\n" : " ";
    }
    nlohmann::json j = {{"id", "bench-" + std::to_string(id)}, {"text", text}};
    const std::string line = j.dump() + "\n";
    out << line;
    bytes += line.size();
  }
  return bytes;
}

struct Result {
  double seconds = 0;
  std::uint64_t documents = 0, bytes = 0;
  evident::StageTimes stages;
  long max_rss_kb = 0;
};

// Runs one configuration in this process (the child).
Result RunOne(const std::string& input, const std::string& rules, unsigned threads, const std::string& sink_path) {
  evident::Annotator annotator(evident::LoadPack(rules));
  auto writer = evident::MakeWriter("jsonl", annotator.pack(), {});
  std::FILE* sink = sink_path.empty() ? nullptr : std::fopen(sink_path.c_str(), "wb");
  evident::DocumentReader reader({input}, evident::InputFormat::kJsonl);
  evident::PipelineOptions options;
  options.threads = threads;
  options.read_ahead = true;
  options.time_stages = true;
  const auto start = std::chrono::steady_clock::now();
  auto stats = evident::RunPipeline(reader, annotator, *writer, [&](std::string_view b) {
    return !sink || std::fwrite(b.data(), 1, b.size(), sink) == b.size();
  }, options);
  if (sink) std::fclose(sink);
  Result r;
  r.seconds = std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count();
  r.documents = stats.documents;
  r.bytes = reader.bytes_read();
  r.stages = stats.stages;
  return r;
}

// Runs one configuration in a child process; its peak RSS is its own.
Result RunChild(const std::string& input, const std::string& rules, unsigned threads, const std::string& sink) {
  int fds[2];
  if (pipe(fds) != 0) throw std::runtime_error("pipe failed");
  pid_t pid = fork();
  if (pid == 0) {
    close(fds[0]);
    Result r = RunOne(input, rules, threads, sink);
    if (write(fds[1], &r, sizeof r) != static_cast<ssize_t>(sizeof r)) _exit(1);
    _exit(0);
  }
  close(fds[1]);
  Result r;
  const bool ok = read(fds[0], &r, sizeof r) == static_cast<ssize_t>(sizeof r);
  close(fds[0]);
  int status = 0;
  rusage usage{};
  wait4(pid, &status, 0, &usage);
  if (!ok || !WIFEXITED(status) || WEXITSTATUS(status) != 0) throw std::runtime_error("benchmark child failed");
  r.max_rss_kb = usage.ru_maxrss;
  return r;
}

}  // namespace

int main(int argc, char** argv) {
  double size_mb = 64;
  unsigned seed = 42, jobs = std::max(1u, std::thread::hardware_concurrency());
  std::string corpus = EVIDENT_SOURCE_DIR "/corpus", rules = EVIDENT_SOURCE_DIR "/rules/en", input, workdir;
  po::options_description opts("Usage: evident-bench [OPTIONS]\n\nOptions");
  opts.add_options()("help,h", "show this help")
      ("size", po::value(&size_mb)->default_value(size_mb), "MB of JSON Lines to generate")
      ("seed", po::value(&seed)->default_value(seed), "shuffle seed")
      ("jobs", po::value(&jobs)->default_value(jobs), "threads for the parallel runs")
      ("corpus", po::value(&corpus)->default_value(corpus), "where the sentences come from")
      ("rules", po::value(&rules)->default_value(rules), "rule pack")
      ("input", po::value(&input), "use this JSON Lines file instead of generating one")
      ("workdir", po::value(&workdir), "where to put generated files (default: a temporary folder)");
  po::variables_map vm;
  try {
    po::store(po::parse_command_line(argc, argv, opts), vm);
    po::notify(vm);
  } catch (const po::error& e) {
    std::cerr << "evident-bench: " << e.what() << "\n";
    return 2;
  }
  if (vm.count("help")) {
    std::cout << opts;
    return 0;
  }
  try {
    fs::path dir = workdir.empty() ? fs::temp_directory_path() / ("evident-bench-" + std::to_string(getpid())) : fs::path(workdir);
    fs::create_directories(dir);
    if (input.empty()) {
      input = (dir / "input.jsonl").string();
      const auto bytes = Generate(corpus, size_mb, seed, input);
      std::printf("input: %.1f MB of JSON Lines from %s (seed %u)\n", bytes / 1e6, corpus.c_str(), seed);
    }
    std::printf("\n| run | threads | sink | MB/s | docs/s | peak RSS MB | read | segment | match | resolve | attribute | score | write |\n");
    std::printf("|---|---|---|---|---|---|---|---|---|---|---|---|---|\n");
    const std::string file_sink = (dir / "output.jsonl").string();
    int run = 0;
    for (unsigned threads : {1u, jobs}) {
      for (const std::string& sink : {std::string(), file_sink}) {
        Result r = RunChild(input, rules, threads, sink);
        const auto& s = r.stages;
        const double total = static_cast<double>(s.read + s.segment + s.match + s.resolve + s.attribute + s.score + s.write);
        auto pct = [&](std::uint64_t x) { return total > 0 ? 100.0 * static_cast<double>(x) / total : 0.0; };
        std::printf("| %d | %u | %s | %.1f | %.0f | %.1f | %.0f%% | %.0f%% | %.0f%% | %.0f%% | %.0f%% | %.0f%% | %.0f%% |\n",
                    ++run, threads, sink.empty() ? "null" : "file", r.bytes / 1e6 / r.seconds, r.documents / r.seconds,
                    r.max_rss_kb / 1024.0, pct(s.read), pct(s.segment), pct(s.match), pct(s.resolve), pct(s.attribute),
                    pct(s.score), pct(s.write));
        std::fflush(stdout);
      }
      if (jobs == 1) break;
    }
    std::printf("\nStage shares are of the summed time of all threads; write = rendering JSON plus the sink.\n");
    if (workdir.empty()) fs::remove_all(dir);
  } catch (const std::exception& e) {
    std::cerr << "evident-bench: " << e.what() << "\n";
    return 1;
  }
  return 0;
}
