// evident annotate: read documents, annotate them, write one record each.
#include <algorithm>
#include <atomic>
#include <csignal>
#include <boost/program_options.hpp>
#include <iostream>
#include <thread>

#include "annotate/annotate.h"
#include "common.h"
#include "output/output.h"
#include "pipeline/pipeline.h"
#include "progress.h"
#include "read/read.h"
#include "subcommands.h"

namespace evident::cli {

namespace po = boost::program_options;

namespace {

// The settings `annotate` runs with, validated from the raw flags.
struct AnnotateRequest {
  std::vector<std::string> inputs;
  std::vector<std::string> rules_dirs;  // empty: the default pack
  InputFormat input_format = InputFormat::kAuto;
  std::string format = "jsonl";
  OffsetUnit offsets = OffsetUnit::kCodepoint;
  std::string output;
  unsigned threads = 1;
  ProgressMode progress = ProgressMode::kAuto;
  bool document_errors_ok = false;  // --document-errors-ok: exit 0 when only documents failed
};

// Set by SIGINT: the run stops after the current batch, with every record
// already written complete. A signal handler can only set a flag.
std::atomic<bool> g_interrupted{false};

extern "C" void OnInterrupt(int) { g_interrupted.store(true); }

int Run(const AnnotateRequest& req) {
  std::optional<Pack> pack = LoadPackOrReport(req.rules_dirs);
  if (!pack) return kExitUsage;
  std::unique_ptr<Annotator> annotator;
  try {
    AnnotatorOptions options;
    options.trace = WriterNeedsTrace(req.format);
    annotator = std::make_unique<Annotator>(std::move(*pack), options);
  } catch (const std::exception& e) {
    PrintError(e.what());
    return kExitUsage;
  }
  auto writer = MakeWriter(req.format, annotator->pack(), {req.offsets});
  // A per-document format writes a folder: the pipeline's bytes for each
  // document are a bundle of its files, named after the document when the
  // observer sees it (in input order, so names are the same at any -j).
  std::unique_ptr<Output> out;
  std::unique_ptr<FolderOutput> folder;
  std::string pending;
  FileStems stems;
  bool folder_failed = false;
  if (writer->WritesFolder()) {
    if (req.output.empty() || req.output == "-") {
      PrintError("annotate: --format " + req.format + " writes one file per document: give a folder with -o DIR");
      return kExitUsage;
    }
    folder = FolderOutput::Open(req.output);
    std::string files;
    writer->FolderFiles(&files);
    if (!folder || !folder->WriteBundle(files, "")) return kExitFailed;
  } else {
    out = Output::Open(req.output);
    if (!out) return kExitFailed;
  }
  const Sink sink = [&](std::string_view bytes) {
    if (!folder) return out->Write(bytes);
    pending.assign(bytes);
    return !folder_failed;
  };

  // A plain-text file over 256 KB is annotated and written a section at a time
  // when the format can write a record in parts (JSON Lines), so a document
  // of any size fits in the memory of a small one.
  ReaderOptions reader_options;
  if (writer->WritesSections()) reader_options.section_bytes = 256u << 10;
  DocumentReader reader(req.inputs, req.input_format, reader_options);
  PipelineOptions options;
  options.threads = req.threads;
  // Standard input may be a person typing: no reader thread that Ctrl-C could not stop.
  options.read_ahead = std::find(req.inputs.begin(), req.inputs.end(), "-") == req.inputs.end();
  options.flush = [&] {
    if (out) out->Flush();
  };
  options.cancel = &g_interrupted;
  std::signal(SIGINT, OnInterrupt);
  std::uint64_t documents = 0;
  PipelineStats stats;
  {
    Progress progress(req.progress, req.progress == ProgressMode::kNever ? 0 : InputBytes(req.inputs));
    stats = RunPipeline(
        reader, *annotator, *writer, sink, options,
        [&](const AnnotatedDocument& doc) {
          for (const DocumentError& e : doc.errors) PrintError(e.ToString());
          if (folder && !pending.empty() && !folder_failed)
            folder_failed = !folder->WriteBundle(pending, stems.Next(doc.doc->id));
          if (!doc.doc->more_sections) ++documents;
          progress.Update(documents, reader.bytes_read());
        });
  }
  std::signal(SIGINT, SIG_DFL);
  if (!stats.error.empty()) PrintError("annotate: " + stats.error);
  // A sink failure is reported by Commit(), which also drops the partial file.
  if ((out && !out->Commit()) || folder_failed || stats.sink_failed) return kExitFailed;
  if (stats.cancelled) {
    PrintError("interrupted: " + std::to_string(stats.documents) + " complete records written");
    return kExitInterrupted;
  }
  return stats.failed > 0 && !req.document_errors_ok ? kExitFailed : kExitOk;
}

}  // namespace

int RunAnnotate(const std::vector<std::string>& args) {
  std::string input_format, format, offsets, progress;
  int jobs = 0;
  AnnotateRequest req;
  po::options_description visible(
      "Usage: evident annotate [OPTIONS] [INPUT...]\n\n"
      "Annotates news text and writes one evident/1 record per document, in input\n"
      "order. INPUT is a .txt file, a folder (all *.txt below it, sorted by path),\n"
      "a JSON Lines file (*.jsonl: {\"id\":..,\"text\":..} per line) or - for\n"
      "standard input (the default).\n\nOptions");
  visible.add_options()
      ("help,h", "show this help and exit")
      ("rules", po::value(&req.rules_dirs)->value_name("DIR"),
       "rule pack folder (default: the installed English pack rules/en); repeat to layer packs, "
       "each over the ones before")
      ("input-format", po::value(&input_format)->default_value("auto")->value_name("FMT"),
       "auto: *.jsonl/*.ndjson are JSON Lines, the rest plain text;\n"
       "text: every input is one document;\njsonl: every input line is one document")
      ("format", po::value(&format)->default_value("jsonl")->value_name("FMT"),
       "output format: jsonl (schema evident/1); csv (one row per claim, for spreadsheets); "
       "explain (plain text for a person: every marker, dropped match and claim with its score and reasons); "
       "html (one self-contained report: highlights, legend, claims); w3c (W3C Web Annotation JSON-LD, one "
       "AnnotationPage per document and line); brat (NAME.txt + NAME.ann per document, and annotation.conf, "
       "visual.conf) and webanno (NAME.tsv per document, WebAnno TSV 3.3) into the folder -o DIR")
      ("offsets", po::value(&offsets)->default_value("codepoint")->value_name("UNIT"),
       "unit of every offset in the output: codepoint (as Python and brat count), "
       "byte, or utf16 (as JavaScript counts). brat and w3c always count code points, webanno UTF-16 units, "
       "as their tools do")
      ("output,o", po::value(&req.output)->value_name("PATH"),
       "write to PATH instead of standard output; PATH appears only when complete. "
       "brat and webanno need a folder (created if missing): files are named after the document ids")
      ("jobs,j", po::value(&jobs)->default_value(0)->value_name("N"),
       "annotate with N threads (0: one per core); output is identical for any N")
      ("progress", po::value(&progress)->default_value("auto")->value_name("WHEN"),
       "a progress line on standard error: auto (on a terminal only), always, never")
      ("document-errors-ok", po::bool_switch(&req.document_errors_ok),
       "exit 0 even when some documents failed (their records and the messages on standard error still "
       "say so): for frameworks that fail a whole task on any non-zero status");
  po::variables_map vm;
  if (!ParseOptions(args, visible, "input", po::value(&req.inputs), -1, "annotate", &vm)) return kExitUsage;
  if (vm.count("help")) {
    std::cout << visible << "\nExit status: 0 all documents annotated; 1 some document failed\n"
                            "(its record carries the error; the others are complete; 0 with\n"
                            "--document-errors-ok); 2 bad usage\n"
                            "or an unusable rule pack; 130 interrupted (Ctrl-C): the records written\n"
                            "so far are complete.\n";
    return kExitOk;
  }
  if (input_format == "auto") req.input_format = InputFormat::kAuto;
  else if (input_format == "text") req.input_format = InputFormat::kText;
  else if (input_format == "jsonl") req.input_format = InputFormat::kJsonl;
  else {
    PrintError("annotate: --input-format must be auto, text or jsonl, not '" + input_format + "'");
    return kExitUsage;
  }
  auto unit = ParseOffsetUnit(offsets);
  if (!unit) {
    PrintError("annotate: --offsets must be codepoint, byte or utf16, not '" + offsets + "'");
    return kExitUsage;
  }
  req.offsets = *unit;
  auto names = WriterNames();
  if (std::find(names.begin(), names.end(), format) == names.end()) {
    std::string known;
    for (const std::string& n : names) known += (known.empty() ? "" : ", ") + n;
    PrintError("annotate: unknown --format '" + format + "' (known: " + known + ")");
    return kExitUsage;
  }
  req.format = format;
  if (progress == "auto") req.progress = ProgressMode::kAuto;
  else if (progress == "always") req.progress = ProgressMode::kAlways;
  else if (progress == "never") req.progress = ProgressMode::kNever;
  else {
    PrintError("annotate: --progress must be auto, always or never, not '" + progress + "'");
    return kExitUsage;
  }
  if (jobs < 0) {
    PrintError("annotate: -j must be 0 or more");
    return kExitUsage;
  }
  req.threads = jobs > 0 ? static_cast<unsigned>(jobs) : std::max(1u, std::thread::hardware_concurrency());
  if (req.inputs.empty()) req.inputs.push_back("-");
  return Run(req);
}

}  // namespace evident::cli
