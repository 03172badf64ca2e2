// The registry of output formats: one line per writer.
#include "output/output.h"

namespace evident {

std::vector<std::string> WriterNames() { return {"jsonl", "csv", "explain", "brat", "w3c", "html", "webanno"}; }

bool WriterNeedsTrace(std::string_view format) { return format == "explain"; }

std::unique_ptr<Writer> MakeWriter(std::string_view format, const Pack& pack, WriterOptions options) {
  if (format == "jsonl") return MakeJsonlWriter(pack, options);
  if (format == "explain") return MakeExplainWriter(pack);
  if (format == "csv") return MakeCsvWriter(pack);
  if (format == "brat") return MakeBratWriter(pack);
  if (format == "w3c") return MakeW3cWriter(pack);
  if (format == "html") return MakeHtmlWriter(pack);
  if (format == "webanno") return MakeWebannoWriter(pack);
  return nullptr;
}

}  // namespace evident
