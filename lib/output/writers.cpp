// The registry of output formats: one line per writer.
#include "output/output.h"

namespace evident {

std::vector<std::string> WriterNames() { return {"jsonl", "csv", "explain"}; }

bool WriterNeedsTrace(std::string_view format) { return format == "explain"; }

std::unique_ptr<Writer> MakeWriter(std::string_view format, const Pack& pack, WriterOptions options) {
  if (format == "jsonl") return MakeJsonlWriter(pack, options);
  if (format == "explain") return MakeExplainWriter(pack);
  if (format == "csv") return MakeCsvWriter(pack);
  return nullptr;
}

}  // namespace evident
