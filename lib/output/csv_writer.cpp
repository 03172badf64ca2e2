// CSV: one row per claim, for spreadsheets (RFC 4180: comma-separated, CRLF
// line ends, fields with commas, quotes or line breaks in double quotes, a
// quote doubled). UTF-8 with a byte-order mark, so spreadsheet programs do
// not guess another encoding. A text cell that starts with = + - @ or a tab
// would be taken for a formula: it gets a leading apostrophe, as OWASP
// advises, and stays inert.
#include <cstdio>

#include "output/output.h"

namespace evident {

namespace {

constexpr std::string_view kHeader =
    "document,sentence,claim,source,source_type,resolved,cue,content,stance,score,label,flags,factors";

void Cell(std::string_view value, std::string* out) {
  std::string v(value);
  if (!v.empty() && std::string_view("=+-@\t\r").find(v[0]) != std::string_view::npos) v.insert(0, 1, '\'');
  const bool quote = v.find_first_of(",\"\r\n") != std::string::npos || (!v.empty() && (v.front() == ' ' || v.back() == ' '));
  if (!quote) {
    out->append(v);
    return;
  }
  out->push_back('"');
  for (char c : v) {
    if (c == '"') out->push_back('"');
    out->push_back(c);
  }
  out->push_back('"');
}

class CsvWriter final : public Writer {
 public:
  explicit CsvWriter(const Pack& pack) : pack_(pack) {}

  void Begin(std::string* out) const override {
    out->append("\xEF\xBB\xBF");
    out->append(kHeader);
    out->append("\r\n");
  }

  void Render(const AnnotatedDocument& a, std::string* out) const override {
    const std::string_view text = a.doc->text;
    auto part = [&](Span s) { return text.substr(s.begin, s.size()); };
    for (std::size_t i = 0; i < a.claims.size(); ++i) {
      const Claim& c = a.claims[i];
      std::string flags, factors;
      for (std::string_view f : ClaimFlags(c)) {
        if (!flags.empty()) flags += ' ';
        flags += f;
      }
      for (const Factor& f : c.evidence.factors) {
        char effect[16];
        std::snprintf(effect, sizeof effect, "%+.2f", f.effect);
        if (!factors.empty()) factors += "; ";
        factors += (f.rule ? pack_.rules[*f.rule].id : f.kind) + " " + effect;
      }
      char score[16];
      std::snprintf(score, sizeof score, "%.3f", c.evidence.score);
      const std::string fields[] = {a.doc->id,
                                    std::to_string(c.sentence),
                                    ClaimId(i),
                                    std::string(part(c.source)),
                                    std::string(SourceTypeName(c.source_type)),
                                    c.resolved,
                                    std::string(part(c.cue)),
                                    std::string(part(c.content)),
                                    c.stance,
                                    score,
                                    c.evidence.label,
                                    flags,
                                    factors};
      for (std::size_t k = 0; k < std::size(fields); ++k) {
        if (k) out->push_back(',');
        Cell(fields[k], out);
      }
      out->append("\r\n");
    }
  }

 private:
  const Pack& pack_;
};

}  // namespace

std::unique_ptr<Writer> MakeCsvWriter(const Pack& pack) { return std::make_unique<CsvWriter>(pack); }

}  // namespace evident
