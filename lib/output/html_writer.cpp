// HTML: one self-contained report for a class or a newsroom. Every document
// is an <article>: its text with a highlight per marker (colour, category
// letter and underline style, so colour is never the only cue), the rule's
// message on hover and on keyboard focus, the list of markers, and a table of
// claims with source, cue, content, score, label and factors. The table
// sorts by score with a small inline script; without it everything is shown
// in text order. No external assets, so it works offline; @media print
// drops the interactive parts.
//
// Untrusted text stays text: every character of a document that HTML could
// read as markup is an entity; attributes carry only values evident makes.
// The Content-Security-Policy allows the report's own script (by hash) and
// no other, so even a mistake here could not run an article's script.
//
// Render() knows one document, never its place in the run: the table of
// contents is one link per document, in input order, lifted above the
// articles by CSS flexbox `order`.
#include <algorithm>
#include <array>
#include <cstdint>
#include <cstdio>
#include <tuple>

#include "output/output.h"
#include "output/palette.h"

namespace evident {

namespace {

// How a category is drawn besides its colour (palette.h).
struct CategoryStyle {
  const char* letter;       // the non-colour cue
  const char* tint;         // the highlight's background: the colour, light
  const char* underline;    // text-decoration-style, the second non-colour cue
  const char* description;  // SPEC section 3
};

constexpr std::array<CategoryStyle, kNumCategories> kStyles = {{
    {"H", "rgba(230,159,0,.25)", "wavy", "uncertainty about a proposition (may, reportedly, allegedly)"},
    {"B", "rgba(213,94,0,.2)", "double", "certainty or intensity claimed without support (clearly, proves)"},
    {"A", "rgba(0,114,178,.18)", "solid", "a reporting cue that ties content to a source (said, claimed, accused)"},
    {"E\u2212", "rgba(204,121,167,.3)", "dashed", "the text says evidence is missing or unverified"},
    {"E+", "rgba(0,158,115,.22)", "dotted", "the text points to evidence (documents seen by, video shows)"},
    {"D", "rgba(0,0,0,.14)", "double", "a source rejects a claim (denied, categorically rejected)"},
    {"S", "rgba(86,180,233,.3)", "solid", "the kind of source: anonymous, social media, media, document, rumour"},
    {"W", "rgba(240,228,66,.45)", "wavy", "vague or unattributed attribution (some say, critics claim)"},
}};

// The report's only script. Its SHA-256 is in the Content-Security-Policy
// (kScriptHash); tests/browser/run_browser.sh fails if they disagree.
constexpr std::string_view kScript =
    "document.documentElement.className='js';"
    "document.querySelectorAll('table.claims').forEach(function(t){"
    "var th=t.querySelector('th.score'),b=th.querySelector('button'),s=0,"
    "names=['none','descending','ascending'],marks=['','\\u00a0\\u25bc','\\u00a0\\u25b2'];"
    "b.addEventListener('click',function(){"
    "s=(s+1)%3;th.setAttribute('aria-sort',names[s]);b.lastChild.textContent=marks[s];"
    "var body=t.tBodies[0],rows=Array.prototype.slice.call(body.rows);"
    "rows.sort(function(x,y){var o=x.dataset.order-y.dataset.order;"
    "if(s===0)return o;var d=x.dataset.score-y.dataset.score;return (s===1?-d:d)||o;});"
    "rows.forEach(function(r){body.appendChild(r);});});});";
constexpr std::string_view kScriptHash = "sha256-dWSeB5mqSgRDDgkV+XnV5OyqOfkXMcvhjwJQZjVNmV8=";

void Escape(std::string_view s, std::string* out) {
  for (char c : s) {
    switch (c) {
      case '&': out->append("&amp;"); break;
      case '<': out->append("&lt;"); break;
      case '>': out->append("&gt;"); break;
      case '"': out->append("&quot;"); break;
      case '\'': out->append("&#39;"); break;
      default: out->push_back(c);
    }
  }
}

// "<b>category (type)</b> message": how a marker is explained, in its tooltip
// and in the list under the article.
void AppendRuleLabel(const Rule& rule, std::string* out) {
  out->append("<b>");
  Escape(CategoryName(rule.category), out);
  if (!rule.type.empty()) {
    out->append(" (");
    Escape(rule.type, out);
    out->append(")");
  }
  out->append("</b> ");
  Escape(rule.message, out);
}

std::string Escaped(std::string_view s) {
  std::string out;
  Escape(s, &out);
  return out;
}

std::string Format(const char* format, double value) {
  char buf[32];
  std::snprintf(buf, sizeof buf, format, value);
  return buf;
}

// A signed effect with a real minus sign.
std::string Effect(double e) {
  std::string s = Format("%+.2f", e);
  if (s[0] == '-') s.replace(0, 1, "\u2212");
  return s;
}

// An id for the document's elements, the same for the same document in any
// run: FNV-1a over id and text. (Two identical documents share it; the first
// one's anchors win, which shows the same thing.)
std::string Anchor(const Document& doc) {
  std::uint64_t h = 14695981039346656037ull;
  auto mix = [&](std::string_view s) {
    for (char c : s) h = (h ^ static_cast<unsigned char>(c)) * 1099511628211ull;
  };
  mix(doc.id);
  mix(std::string_view("\0", 1));
  mix(doc.text);
  char buf[24];
  std::snprintf(buf, sizeof buf, "d%012llx", static_cast<unsigned long long>(h & 0xFFFFFFFFFFFFull));
  return buf;
}

constexpr std::string_view kStyleSheet = R"css(
:root{color-scheme:light;--ink:#1a1a1a;--muted:#555;--line:#ccc}
*{box-sizing:border-box}
body{margin:0;font:16px/1.55 system-ui,-apple-system,"Segoe UI",Roboto,"Noto Sans",sans-serif;color:var(--ink);background:#fff}
.report{display:flex;flex-direction:column;max-width:62rem;margin:0 auto;padding:1rem 1.25rem 3rem}
.top,.legend{order:0}.toc,.toc-entry{order:1}.doc{order:2}.foot{order:3}
h1{font-size:1.7rem;margin:.5rem 0}h2{font-size:1.3rem;margin:1.5rem 0 .5rem}h3{font-size:1.05rem;margin:1.25rem 0 .4rem}
.note,.meta{color:var(--muted)}
.legend ul{list-style:none;padding:0;display:grid;grid-template-columns:repeat(auto-fill,minmax(18rem,1fr));gap:.35rem 1rem}
.toc h2{margin-bottom:.25rem}
.toc-entry{display:block;padding:.15rem 0 .15rem 1rem;color:#0b57a4}
.toc-entry .n{color:var(--muted)}
.doc{border-top:2px solid var(--ink);margin-top:2rem}
.text{white-space:pre-wrap;overflow-wrap:anywhere;font-family:Georgia,"Noto Serif",serif;font-size:1.05rem;line-height:1.9;background:#fcfcfa;border:1px solid var(--line);padding:1rem}
.hl{position:relative;border-radius:2px;padding:0 1px;text-decoration-line:underline;text-decoration-thickness:2px;text-underline-offset:3px;text-decoration-skip-ink:none;color:inherit}
.hl::before{content:attr(data-letter);display:inline-block;font:700 .62rem/1 system-ui,sans-serif;padding:2px 3px;margin-right:2px;border-radius:2px;vertical-align:.35em}
.hl:focus{outline:3px solid #0b57a4;outline-offset:2px}
.hl.cont::before{content:none}
.tip{display:none;position:absolute;left:0;top:calc(100% + 6px);z-index:10;width:max-content;max-width:22rem;padding:.45rem .6rem;border-radius:4px;background:#1a1a1a;color:#fff;font:400 .85rem/1.4 system-ui,sans-serif;white-space:normal;text-align:left;box-shadow:0 2px 8px rgba(0,0,0,.3)}
.tip b{color:#fff}
.hl:hover>.tip,.hl:focus>.tip,.hl:target>.tip{display:block}
.hl:target{outline:3px solid #0b57a4;outline-offset:2px}
table{border-collapse:collapse;width:100%;font-size:.92rem}
th,td{border-bottom:1px solid var(--line);padding:.35rem .4rem;text-align:left;vertical-align:top}
thead th{border-bottom:2px solid var(--ink);white-space:nowrap}
td{overflow-wrap:anywhere}
td.num{font-variant-numeric:tabular-nums;white-space:nowrap;overflow-wrap:normal}
meter{width:4.5rem;display:block}
.sort{display:none;font:inherit;font-weight:700;background:none;border:1px solid var(--line);border-radius:3px;padding:0 .3rem;cursor:pointer}
.js .sort{display:inline}.js .plain{display:none}
.label{display:inline-block;padding:0 .35rem;border-radius:3px;font-weight:600;border:1px solid currentColor}
.label.unsupported{color:#a23b00}.label.weak{color:#8a5a00}.label.moderate{color:#0b57a4}.label.strong{color:#00694d}
.flag{display:inline-block;margin-top:.2rem;font-size:.8rem;font-weight:700;text-transform:uppercase;letter-spacing:.03em}
.factors{margin:0;padding-left:1rem}.factors li{margin:.1rem 0}
.eff{font-variant-numeric:tabular-nums;font-weight:600}
.type{color:var(--muted);font-size:.85rem}
.markers{padding-left:1.5rem}.markers li{margin:.2rem 0}
.errors{color:#a23b00}
.foot{margin-top:2.5rem;color:var(--muted);font-size:.85rem;border-top:1px solid var(--line)}
@media print{
  body{font-size:11pt}.report{max-width:none;padding:0}
  .tip,.sort,.toc-entry::after{display:none!important}.plain{display:inline!important}
  .doc{break-before:page;border-top:none}
  .hl,.hl::before,.label{-webkit-print-color-adjust:exact;print-color-adjust:exact}
  tr,li{break-inside:avoid}
  a{color:inherit;text-decoration:none}
  .text{border:none;background:none;padding:0}
}
)css";

class HtmlWriter final : public Writer {
 public:
  explicit HtmlWriter(const Pack& pack) : pack_(pack) {
    for (int c = 0; c < kNumCategories; ++c) {
      const CategoryStyle& s = kStyles[c];
      const std::string name(CategoryName(static_cast<Category>(c)));
      const CategoryColour& colour = ColourOf(static_cast<Category>(c));
      css_ += ".c-" + name + "{background:" + s.tint + ";text-decoration-color:" + colour.background +
              ";text-decoration-style:" + s.underline + "}.c-" + name + "::before{background:" + colour.background +
              ";color:" + (colour.white_text ? "#fff" : "#000") + "}\n";
    }
  }

  void Begin(std::string* out) const override {
    out->append(
        "<!DOCTYPE html>\n<html lang=\"en\">\n<head>\n<meta charset=\"utf-8\">\n"
        "<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n"
        "<meta http-equiv=\"Content-Security-Policy\" content=\"default-src 'none'; style-src 'unsafe-inline'; "
        "script-src '");
    out->append(kScriptHash);
    out->append(
        "'; base-uri 'none'; form-action 'none'\">\n"
        "<meta name=\"generator\" content=\"evident\">\n<title>evident report</title>\n<style>");
    out->append(kStyleSheet);
    out->append(css_);
    out->append(
        "</style>\n</head>\n<body>\n<main class=\"report\">\n"
        "<header class=\"top\"><h1>evident report</h1>\n"
        "<p class=\"note\">How each article marks its claims: who says what, how hedged it is, and what evidence "
        "the text itself offers. A score measures how the <em>text</em> supports a claim, never whether the claim "
        "is true.</p></header>\n"
        "<section class=\"legend\" aria-labelledby=\"legend-h\"><h2 id=\"legend-h\">Legend</h2>\n<ul>\n");
    for (int c = 0; c < kNumCategories; ++c) {
      const std::string name(CategoryName(static_cast<Category>(c)));
      out->append("<li><span class=\"hl c-" + name + "\" data-letter=\"" + kStyles[c].letter + "\">" + name +
                  "</span> " + Escaped(kStyles[c].description) + "</li>\n");
    }
    out->append(
        "</ul>\n<p class=\"note\">Each highlight shows its category by colour, by letter and by underline style. "
        "Point at a highlight or move to it with the Tab key to read why it matters; the list under each article "
        "says the same.</p></section>\n"
        "<nav class=\"toc\" aria-labelledby=\"toc-h\"><h2 id=\"toc-h\">Documents</h2></nav>\n");
  }

  void End(std::string* out) const override {
    out->append("<footer class=\"foot\"><p>Written by evident with the rule pack ");
    Escape(pack_.name.empty() ? "(unnamed)" : pack_.name, out);
    if (!pack_.version.empty()) {
      out->append(" ");
      Escape(pack_.version, out);
    }
    out->append(". Scores come from the pack's scoring model; every claim lists the factors that moved it.</p>"
                "</footer>\n</main>\n<script>");
    out->append(kScript);
    out->append("</script>\n</body>\n</html>\n");
  }

  void Render(const AnnotatedDocument& a, std::string* out) const override {
    const Document& doc = *a.doc;
    const std::string anchor = Anchor(doc);
    std::size_t claims_with_cue = 0;
    for (const Claim& c : a.claims) claims_with_cue += !c.cue.empty();

    out->append("<a class=\"toc-entry\" href=\"#" + anchor + "\">");
    Escape(doc.id, out);
    out->append(" <span class=\"n\">(" + std::to_string(a.annotations.size()) + " markers, " +
                std::to_string(a.claims.size()) + " claims)</span></a>\n");
    out->append("<article class=\"doc\" id=\"" + anchor + "\" aria-labelledby=\"" + anchor + "-h\">\n<h2 id=\"" +
                anchor + "-h\">");
    Escape(doc.id, out);
    out->append("</h2>\n<p class=\"meta\">" + std::to_string(a.sentences.size()) + " sentences · " +
                std::to_string(a.annotations.size()) + " markers · " + std::to_string(a.claims.size()) +
                " claims (" + std::to_string(claims_with_cue) + " attributed)</p>\n");
    if (!a.errors.empty()) {
      out->append("<ul class=\"errors\">\n");
      for (const DocumentError& e : a.errors) {
        out->append("<li>");
        Escape(e.ToString(), out);
        out->append("</li>\n");
      }
      out->append("</ul>\n</article>\n");
      return;
    }
    for (const std::string& w : a.warnings) {
      out->append("<p class=\"note\">");
      Escape(w, out);
      out->append("</p>\n");
    }
    out->append("<div class=\"text\">");
    Highlight(a, anchor, out);
    out->append("</div>\n");
    Claims(a, anchor, out);
    Markers(a, anchor, out);
    out->append("</article>\n");
  }

 private:
  void OpenMark(const AnnotatedDocument& a, std::size_t i, bool first, const std::string& anchor,
                std::string* out) const {
    const Rule& rule = pack_.rules[a.annotations[i].rule];
    const std::string name(CategoryName(rule.category));
    const std::string id = anchor + "-" + AnnotationId(i);
    out->append("<mark class=\"hl c-" + name + (first ? "" : " cont") + "\" data-letter=\"" +
                kStyles[static_cast<int>(rule.category)].letter + "\"");
    if (!first) {
      out->append(">");
      return;
    }
    out->append(" id=\"" + id + "\" tabindex=\"0\" aria-describedby=\"" + id + "-tip\">");
    out->append("<span class=\"tip\" role=\"tooltip\" id=\"" + id + "-tip\">");
    AppendRuleLabel(rule, out);
    out->append(" <i>");
    Escape(rule.id, out);
    out->append("</i></span>");
  }

  // The text with a <mark> per marker. Markers that nest nest; one that
  // crosses another's end is cut there and goes on in a second piece.
  void Highlight(const AnnotatedDocument& a, const std::string& anchor, std::string* out) const {
    const std::string_view text = a.doc->text;
    std::vector<std::size_t> points = {0, text.size()};
    for (const Annotation& an : a.annotations) {
      points.push_back(an.span.begin);
      points.push_back(an.span.end);
    }
    std::sort(points.begin(), points.end());
    points.erase(std::unique(points.begin(), points.end()), points.end());
    std::vector<std::size_t> order(a.annotations.size());
    for (std::size_t i = 0; i < order.size(); ++i) order[i] = i;
    std::sort(order.begin(), order.end(), [&](std::size_t x, std::size_t y) {
      const Span &p = a.annotations[x].span, &q = a.annotations[y].span;
      return std::make_tuple(p.begin, q.end, x) < std::make_tuple(q.begin, p.end, y);
    });
    std::vector<std::size_t> open;    // annotation indexes, outermost first
    std::vector<std::size_t> want;    // the markers covering this piece, in `order`
    std::vector<bool> started(a.annotations.size());
    std::size_t next = 0;             // into `order`
    for (std::size_t k = 0; k + 1 < points.size(); ++k) {
      const std::size_t from = points[k], to = points[k + 1];
      // Markers start and end only at points, so the ones covering [from, to)
      // are those begun by `from` and not ended there; begun in `order`, they
      // stay in `order`.
      std::erase_if(want, [&](std::size_t i) { return a.annotations[i].span.end <= from; });
      for (; next < order.size() && a.annotations[order[next]].span.begin <= from; ++next)
        if (a.annotations[order[next]].span.end > from) want.push_back(order[next]);
      std::size_t keep = 0;
      while (keep < open.size() && keep < want.size() && open[keep] == want[keep]) ++keep;
      for (std::size_t n = open.size(); n > keep; --n) out->append("</mark>");
      open.resize(keep);
      for (std::size_t n = keep; n < want.size(); ++n) {
        OpenMark(a, want[n], !started[want[n]], anchor, out);
        started[want[n]] = true;
        open.push_back(want[n]);
      }
      Escape(text.substr(from, to - from), out);
    }
    for (std::size_t n = open.size(); n > 0; --n) out->append("</mark>");
  }

  void Claims(const AnnotatedDocument& a, const std::string& anchor, std::string* out) const {
    const std::string_view text = a.doc->text;
    auto part = [&](Span s) { return text.substr(s.begin, s.size()); };
    out->append("<h3 id=\"" + anchor + "-claims\">Claims</h3>\n");
    if (a.claims.empty()) {
      out->append("<p class=\"note\">No claims.</p>\n");
      return;
    }
    out->append("<table class=\"claims\" aria-labelledby=\"" + anchor +
                "-claims\">\n<thead><tr><th scope=\"col\">#</th><th scope=\"col\">Source</th>"
                "<th scope=\"col\">Cue</th><th scope=\"col\">Content</th>"
                "<th scope=\"col\" class=\"score\" aria-sort=\"none\"><button type=\"button\" class=\"sort\" "
                "title=\"Sort by score\">Score<span></span></button><span class=\"plain\">Score</span></th>"
                "<th scope=\"col\">Label</th><th scope=\"col\">Factors</th></tr></thead>\n<tbody>\n");
    for (std::size_t i = 0; i < a.claims.size(); ++i) {
      const Claim& c = a.claims[i];
      out->append("<tr data-order=\"" + std::to_string(i) + "\" data-score=\"" + Format("%.6f", c.evidence.score) +
                  "\"><td>" + ClaimId(i) + "</td><td>");
      if (c.source.empty()) {
        out->append(c.source_type == SourceType::kAuthor ? "<i>the writer</i>" : "<i>unnamed</i>");
      } else {
        Escape(part(c.source), out);
      }
      if (!c.resolved.empty()) {
        out->append(" = ");
        Escape(c.resolved, out);
      }
      out->append("<br><span class=\"type\">");
      Escape(SourceTypeName(c.source_type), out);
      out->append("</span></td><td>");
      if (!c.cue.empty()) {
        if (c.cue_annotation) out->append("<a href=\"#" + anchor + "-" + AnnotationId(*c.cue_annotation) + "\">");
        Escape(part(c.cue), out);
        if (c.cue_annotation) out->append("</a>");
      }
      out->append("</td><td>");
      Escape(part(c.content), out);
      out->append("</td><td class=\"num\">" + Format("%.2f", c.evidence.score) +
                  "<meter min=\"0\" max=\"1\" value=\"" + Format("%.3f", c.evidence.score) +
                  "\" aria-hidden=\"true\"></meter></td><td><span class=\"label ");
      Escape(c.evidence.label, out);
      out->append("\">");
      Escape(c.evidence.label, out);
      out->append("</span>");
      if (c.stance != "asserted") {
        out->append("<br><span class=\"flag\">");
        Escape(c.stance, out);
        out->append("</span>");
      }
      if (c.quoted) {
        out->append("<br><span class=\"flag\">quoted");
        if (c.quoted_in) out->append(" in " + ClaimId(*c.quoted_in));
        out->append("</span>");
      }
      if (c.continues) out->append("<br><span class=\"flag\">continues " + ClaimId(*c.continues) + "</span>");
      if (!c.disputed_by.empty()) {
        out->append("<br><span class=\"flag\">disputed by ");
        for (std::size_t k = 0; k < c.disputed_by.size(); ++k) out->append((k ? ", " : "") + ClaimId(c.disputed_by[k]));
        out->append("</span>");
      }
      out->append("</td><td><ul class=\"factors\">");
      for (const Factor& f : c.evidence.factors) {
        out->append("<li><span class=\"eff\">" + Effect(f.effect) + "</span> ");
        if (f.rule) {
          if (f.annotation) out->append("<a href=\"#" + anchor + "-" + AnnotationId(*f.annotation) + "\">");
          Escape(pack_.rules[*f.rule].id, out);
          if (f.annotation) out->append("</a>");
        } else {
          Escape(f.kind, out);
        }
        out->append(": ");
        Escape(f.message, out);
        out->append("</li>");
      }
      out->append("</ul></td></tr>\n");
    }
    out->append("</tbody>\n</table>\n");
  }

  void Markers(const AnnotatedDocument& a, const std::string& anchor, std::string* out) const {
    out->append("<h3>Markers</h3>\n");
    if (a.annotations.empty()) {
      out->append("<p class=\"note\">No markers.</p>\n");
      return;
    }
    out->append("<ol class=\"markers\">\n");
    const std::string_view text = a.doc->text;
    for (std::size_t i = 0; i < a.annotations.size(); ++i) {
      const Annotation& an = a.annotations[i];
      const Rule& rule = pack_.rules[an.rule];
      const std::string name(CategoryName(rule.category));
      out->append("<li><a class=\"hl c-" + name + "\" data-letter=\"" + kStyles[static_cast<int>(rule.category)].letter +
                  "\" href=\"#" + anchor + "-" + AnnotationId(i) + "\">");
      Escape(text.substr(an.span.begin, an.span.size()), out);
      out->append("</a> ");
      AppendRuleLabel(rule, out);
      out->append(" <span class=\"type\">");
      Escape(rule.id, out);
      out->append("</span></li>\n");
    }
    out->append("</ol>\n");
  }

  const Pack& pack_;
  std::string css_;
};

}  // namespace

std::unique_ptr<Writer> MakeHtmlWriter(const Pack& pack) { return std::make_unique<HtmlWriter>(pack); }

}  // namespace evident
