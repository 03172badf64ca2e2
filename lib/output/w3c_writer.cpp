// W3C Web Annotation (https://www.w3.org/TR/annotation-model/), JSON-LD: one
// line per document, an AnnotationPage whose items are one Annotation per
// marker (motivation "classifying") and one per claim ("assessing"). Each
// targets a span of the document with a TextQuoteSelector (exact, prefix,
// suffix) and a TextPositionSelector (code points, as the model requires,
// whatever --offsets says). The evident-specific values (category, subtype,
// rule, score, label, factors...) are terms of a small vocabulary declared in
// the page's @context, under urn:evident:ns#.
//
// A document is `urn:evident:doc:<id>` (the id percent-encoded); its
// annotations are `<document>:a1`, `<document>:c1`, ...
#include <unicode/utf8.h>

#include <cstdint>
#include <nlohmann/json.hpp>

#include "output/output.h"

namespace evident {

namespace {

using Json = nlohmann::ordered_json;

constexpr std::size_t kContext = 32;  // code points of prefix and suffix

std::string PercentEncode(std::string_view s) {
  static constexpr char kHex[] = "0123456789ABCDEF";
  std::string out;
  for (char c : s) {
    const auto b = static_cast<unsigned char>(c);
    const bool unreserved = (b >= 'a' && b <= 'z') || (b >= 'A' && b <= 'Z') || (b >= '0' && b <= '9') || c == '-' ||
                            c == '.' || c == '_' || c == '~';
    if (unreserved) {
      out.push_back(c);
    } else {
      out.push_back('%');
      out.push_back(kHex[b >> 4]);
      out.push_back(kHex[b & 15]);
    }
  }
  return out;
}

Json Context() {
  Json terms = {{"evident", "urn:evident:ns#"},
                {"category", "evident:category"},
                {"subtype", "evident:subtype"},
                {"rule", "evident:rule"},
                {"claim", "evident:claim"},
                {"score", "evident:score"},
                {"label", "evident:label"},
                {"stance", "evident:stance"},
                {"sourceType", "evident:sourceType"},
                {"sourceText", "evident:sourceText"},
                {"resolved", "evident:resolved"},
                {"cueText", "evident:cueText"},
                {"flags", "evident:flags"},
                {"factors", "evident:factors"},
                {"kind", "evident:kind"},
                {"effect", "evident:effect"},
                {"message", "evident:message"}};
  return Json::array({"http://www.w3.org/ns/anno.jsonld", std::move(terms)});
}

class W3cWriter final : public Writer {
 public:
  explicit W3cWriter(const Pack& pack) : pack_(pack), context_(Context()) {}

  void Render(const AnnotatedDocument& a, std::string* out) const override {
    const std::string_view text = a.doc->text;
    const OffsetConverter cp(text, OffsetUnit::kCodepoint);
    const auto* bytes = reinterpret_cast<const std::uint8_t*>(text.data());
    const auto length = static_cast<std::int32_t>(text.size());
    const std::string source = "urn:evident:doc:" + PercentEncode(a.doc->id);
    auto target = [&](Span s) {
      // kContext code points either side (ICU's macros index with int32_t;
      // documents are under 2 GiB, Annotator::Annotate says so).
      std::int32_t before = static_cast<std::int32_t>(s.begin), after = static_cast<std::int32_t>(s.end);
      U8_BACK_N(bytes, 0, before, kContext);
      U8_FWD_N(bytes, after, length, kContext);
      Json quote = {{"type", "TextQuoteSelector"},
                    {"exact", text.substr(s.begin, s.size())},
                    {"prefix", text.substr(static_cast<std::size_t>(before), s.begin - static_cast<std::size_t>(before))},
                    {"suffix", text.substr(s.end, static_cast<std::size_t>(after) - s.end)}};
      Json position = {{"type", "TextPositionSelector"}, {"start", cp(s.begin)}, {"end", cp(s.end)}};
      return Json{{"type", "SpecificResource"},
                  {"source", source},
                  {"selector", Json::array({std::move(quote), std::move(position)})}};
    };

    Json items = Json::array();
    for (std::size_t i = 0; i < a.annotations.size(); ++i) {
      const Annotation& an = a.annotations[i];
      const Rule& rule = pack_.rules[an.rule];
      const std::string category(CategoryName(rule.category));
      Json body = Json::array(
          {Json{{"type", "TextualBody"}, {"purpose", "tagging"}, {"value", category}},
           Json{{"type", "TextualBody"},
                {"purpose", "describing"},
                {"format", "text/plain"},
                {"language", pack_.language.empty() ? "en" : pack_.language},
                {"value", rule.message},
                {"category", category},
                {"subtype", rule.type},
                {"rule", rule.id}}});
      items.push_back(Json{{"id", source + ":" + AnnotationId(i)},
                           {"type", "Annotation"},
                           {"motivation", "classifying"},
                           {"body", std::move(body)},
                           {"target", target(an.span)}});
    }
    for (std::size_t i = 0; i < a.claims.size(); ++i) {
      const Claim& c = a.claims[i];
      Json factors = Json::array();
      for (const Factor& f : c.evidence.factors) {
        Json factor = {{"kind", f.kind}};
        if (f.rule) factor["rule"] = pack_.rules[*f.rule].id;
        if (f.annotation) factor["annotation"] = source + ":" + AnnotationId(*f.annotation);
        factor["effect"] = f.effect;
        factor["message"] = f.message;
        factors.push_back(std::move(factor));
      }
      char score[32];
      std::snprintf(score, sizeof score, "%.2f", c.evidence.score);
      std::string summary = "Evidence " + std::string(score) + " (" + c.evidence.label + "): ";
      summary += c.source.empty() ? std::string(SourceTypeName(c.source_type))
                                  : std::string(text.substr(c.source.begin, c.source.size()));
      if (!c.cue.empty()) {
        summary += ' ';
        summary += text.substr(c.cue.begin, c.cue.size());
      }
      Json body = {{"type", "TextualBody"},
                   {"purpose", "assessing"},
                   {"format", "text/plain"},
                   {"value", summary},
                   {"claim", ClaimId(i)},
                   {"score", c.evidence.score},
                   {"label", c.evidence.label},
                   {"stance", c.stance},
                   {"sourceType", SourceTypeName(c.source_type)}};
      if (!c.source.empty()) body["sourceText"] = text.substr(c.source.begin, c.source.size());
      if (!c.resolved.empty()) body["resolved"] = c.resolved;
      if (!c.cue.empty()) body["cueText"] = text.substr(c.cue.begin, c.cue.size());
      Json flags = Json::array();
      for (std::string_view f : ClaimFlags(c)) flags.push_back(f);
      body["flags"] = std::move(flags);
      body["factors"] = std::move(factors);
      items.push_back(Json{{"id", source + ":" + ClaimId(i)},
                           {"type", "Annotation"},
                           {"motivation", "assessing"},
                           {"body", std::move(body)},
                           {"target", target(c.content)}});
    }
    Json page = {{"@context", context_},
                 {"id", source + ":annotations"},
                 {"type", "AnnotationPage"},
                 {"label", a.doc->id},
                 {"items", std::move(items)}};
    if (!a.errors.empty()) {
      Json errors = Json::array();
      for (const DocumentError& e : a.errors) errors.push_back(e.ToString());
      page["evident:errors"] = std::move(errors);
    }
    out->append(page.dump(-1, ' ', false, Json::error_handler_t::replace));
    out->push_back('\n');
  }

 private:
  const Pack& pack_;
  const Json context_;
};

}  // namespace

std::unique_ptr<Writer> MakeW3cWriter(const Pack& pack) { return std::make_unique<W3cWriter>(pack); }

}  // namespace evident
