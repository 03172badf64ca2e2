// brat standoff: NAME.txt and NAME.ann per document, plus annotation.conf
// and visual.conf for the folder. The scheme is the gold's
// (docs/annotation-guide.md §8), so `evident eval --gold` reads it back:
//   - one text-bound annotation per marker, typed with its category, its
//     subtype in the attribute `Type`, its rule and message in a note;
//   - per claim with a cue, an event `Cue` whose trigger is the cue span,
//     with the arguments Source (when named) and Content; its score in a note;
//   - `Denies` relations from a denial's marker to the denied claim's cue;
//   - each Source's type in the attribute `SourceType`, and the name it
//     resolves to in a note.
// Offsets count code points, as brat does. brat keeps a span on one line, so
// a span across line breaks (or tabs) is written as fragments around them.
// Author claims (no cue) are left out: they are sentences, not markup.
#include <algorithm>
#include <cstdio>
#include <map>
#include <tuple>

#include "output/output.h"
#include "output/palette.h"

namespace evident {

namespace {

constexpr std::string_view kSeparators = "\t\n\r\f\v";

// A note or attribute value stays on its line.
std::string OneLine(std::string_view s) {
  std::string out(s);
  for (char& c : out)
    if (kSeparators.find(c) != std::string_view::npos) c = ' ';
  return out;
}

// An attribute value is one token for brat.
std::string Token(std::string_view s) {
  std::string out(s);
  for (char& c : out)
    if (c == ' ' || kSeparators.find(c) != std::string_view::npos) c = '_';
  return out;
}

class BratWriter final : public Writer {
 public:
  explicit BratWriter(const Pack& pack) : pack_(pack) {
    std::vector<std::string> values;
    for (const Rule& rule : pack.rules) {
      if (rule.type.empty()) continue;
      const std::string v = Token(rule.type);
      if (std::find(values.begin(), values.end(), v) == values.end()) values.push_back(v);
    }
    std::string categories, value_list, glyphs;
    for (int c = 0; c < kNumCategories; ++c) {
      if (c) categories += '|';
      categories += CategoryName(static_cast<Category>(c));
    }
    for (std::size_t i = 0; i < values.size(); ++i) value_list += (i ? "|" : "") + values[i];
    conf_ = "# brat configuration written by evident for the rule pack '" + OneLine(pack.name) +
            "'.\n"
            "# The scheme of annotations/annotation.conf (docs/annotation-guide.md, section 8):\n"
            "# markers typed by category (subtype in the attribute Type), claims as Cue events\n"
            "# with Source and Content. Rule ids, messages and scores are annotator notes.\n\n"
            "[entities]\n\n";
    for (int c = 0; c < kNumCategories; ++c) conf_ += std::string(CategoryName(static_cast<Category>(c))) + "\n";
    conf_ +=
        "----------------------------------------\n"
        "Source\nContent\n\n"
        "[relations]\n\n"
        "# a denial marker -> the cue of the claim it denies\n"
        "Denies\tArg1:denial, Arg2:attribution|denial\n"
        "<OVERLAP>\tArg1:<ENTITY>, Arg2:<ENTITY>, <OVL-TYPE>:<ANY>\n\n"
        "[events]\n\n"
        "# trigger = the cue span\n"
        "Cue\tSource?:Source, Content:Content\n\n"
        "[attributes]\n\n";
    if (!values.empty()) conf_ += "Type\tArg:" + categories + ", Value:" + value_list + "\n";
    conf_ += "SourceType\tArg:Source, Value:";
    for (int t = 0; t < kNumSourceTypes; ++t) {
      if (static_cast<SourceType>(t) == SourceType::kAuthor) continue;  // the writer has no Source span
      conf_ += std::string(conf_.back() == ':' ? "" : "|") + std::string(SourceTypeName(static_cast<SourceType>(t)));
    }
    conf_ += "\n";

    visual_ =
        "# brat visual configuration written by evident. Colours: the Okabe & Ito (2008)\n"
        "# colour-blind-safe palette for the categories; greys for Source / Cue / Content.\n\n"
        "[labels]\n\n"
        "hedge | hedge | hdg | H\n"
        "booster | booster | bst | B\n"
        "attribution | attribution | attr | A\n"
        "evidence_absent | evidence absent | ev-absent | E-\n"
        "evidence_present | evidence present | ev-present | E+\n"
        "denial | denial | den | D\n"
        "source | source kind | src-kind | SK\n"
        "weasel | weasel | wsl | W\n"
        "Source | Source | Src | S\n"
        "Cue | Cue | C\n"
        "Content | Content | Cnt\n"
        "Denies | denies | den\n"
        "Type | Type | T\n\n"
        "[drawing]\n\n"
        "SPAN_DEFAULT\tfgColor:black, bgColor:lightgreen, borderColor:darken\n"
        "ARC_DEFAULT\tcolor:black, arrowHead:triangle-5\n"
        "ATTRIBUTE_DEFAULT\tglyph:*\n\n";
    for (int c = 0; c < kNumCategories; ++c) {
      const auto category = static_cast<Category>(c);
      const CategoryColour& colour = ColourOf(category);
      visual_ += std::string(CategoryName(category)) + "\tbgColor:" + colour.background +
                 ", fgColor:" + (colour.white_text ? "white" : "black") + ", borderColor:darken\n";
    }
    visual_ +=
        "\n"
        "Source\tbgColor:#BBBBBB, fgColor:black, borderColor:darken\n"
        "Cue\tbgColor:#FFFFFF, fgColor:black, borderColor:" +
        std::string(ColourOf(Category::kAttribution).background) +  // a cue is attribution's
        "\n"
        "Content\tbgColor:#EEEEEE, fgColor:black, borderColor:darken\n";
    if (!values.empty()) {
      // The subtype itself is the glyph, in the order of the Value list.
      visual_ += "\nType\tglyph:" + value_list + "\n";
    }
  }

  bool WritesFolder() const override { return true; }

  void FolderFiles(std::string* bundle) const override {
    AppendFile("annotation.conf", conf_, bundle);
    AppendFile("visual.conf", visual_, bundle);
  }

  void Render(const AnnotatedDocument& a, std::string* out) const override {
    if (!a.errors.empty() || a.doc == nullptr) return;  // the error is reported elsewhere
    AppendFile(".txt", a.doc->text, out);
    AppendFile(".ann", Ann(a), out);
  }

 private:
  // Layer order of the text-bound types after the categories.
  enum : int { kSource = kNumCategories, kCue, kContent };

  struct Entity {
    Span span;  // bytes
    int type;   // a Category, or kSource, kCue, kContent
    std::size_t seq;
  };

  std::string TypeName(int type) const {
    if (type < kNumCategories) return std::string(CategoryName(static_cast<Category>(type)));
    return type == kSource ? "Source" : type == kCue ? "Cue" : "Content";
  }

  std::string Ann(const AnnotatedDocument& a) const {
    const std::string_view text = a.doc->text;
    const OffsetConverter cp(text, OffsetUnit::kCodepoint);

    // brat cannot hold a span of nothing but separators; such a span (none
    // comes from the default pack) is left out, with what refers to it.
    auto visible = [&](Span s) {
      for (std::size_t i = s.begin; i < s.end; ++i)
        if (kSeparators.find(text[i]) == std::string_view::npos) return true;
      return false;
    };

    // Text-bound annotations: every marker; the claim layer's spans once each.
    // Markers are entities 0..n-1 (kept in place, with an empty span when
    // left out, so that entity i is annotation i).
    std::vector<Entity> entities;
    for (std::size_t i = 0; i < a.annotations.size(); ++i) {
      const Span s = a.annotations[i].span;
      entities.push_back({visible(s) ? s : Span{}, static_cast<int>(pack_.rules[a.annotations[i].rule].category), i});
    }
    std::map<std::tuple<int, std::size_t, std::size_t>, std::size_t> claim_spans;  // (type, begin, end) -> entity
    auto claim_span = [&](int type, Span s) {
      if (!visible(s)) return;
      auto [it, fresh] = claim_spans.emplace(std::make_tuple(type, s.begin, s.end), entities.size());
      if (fresh) entities.push_back({s, type, entities.size()});
    };
    for (const Claim& c : a.claims) {
      if (c.cue.empty()) continue;
      claim_span(kCue, c.cue);
      claim_span(kSource, c.source);
      claim_span(kContent, c.content);
    }
    std::erase_if(entities, [](const Entity& e) { return e.span.empty(); });
    std::vector<std::size_t> order(entities.size());
    for (std::size_t i = 0; i < order.size(); ++i) order[i] = i;
    std::sort(order.begin(), order.end(), [&](std::size_t x, std::size_t y) {
      const Entity &p = entities[x], &q = entities[y];
      return std::make_tuple(p.span.begin, q.span.end, p.type, p.seq) <
             std::make_tuple(q.span.begin, p.span.end, q.type, q.seq);
    });
    // T numbers, by the entity's seq (its index before left-out ones went).
    std::vector<std::size_t> tid(a.annotations.size() + 3 * a.claims.size());  // 0: none
    std::string ann;
    for (std::size_t n = 0; n < order.size(); ++n) {
      const Entity& e = entities[order[n]];
      tid[e.seq] = n + 1;
      ann += "T" + std::to_string(n + 1) + "\t" + TypeName(e.type) + " ";
      // Fragments: the span without the separators brat cannot hold.
      std::string offsets, covered;
      std::size_t at = e.span.begin;
      while (at < e.span.end) {
        while (at < e.span.end && kSeparators.find(text[at]) != std::string_view::npos) ++at;
        std::size_t end = at;
        while (end < e.span.end && kSeparators.find(text[end]) == std::string_view::npos) ++end;
        if (end == at) break;
        if (!offsets.empty()) {
          offsets += ';';
          covered += ' ';
        }
        offsets += std::to_string(cp(at)) + " " + std::to_string(cp(end));
        covered.append(text.substr(at, end - at));
        at = end;
      }
      ann += offsets + "\t" + covered + "\n";
    }
    const std::vector<std::size_t> of_annotation(tid.begin(), tid.begin() + a.annotations.size());
    auto claim_t = [&](int type, Span s) -> std::size_t {
      auto it = claim_spans.find(std::make_tuple(type, s.begin, s.end));
      return it == claim_spans.end() ? 0 : tid[it->second];
    };

    // Events, by cue position; their notes wait for the end.
    std::vector<std::size_t> with_cue;
    for (std::size_t i = 0; i < a.claims.size(); ++i)
      if (claim_t(kCue, a.claims[i].cue) != 0) with_cue.push_back(i);
    std::stable_sort(with_cue.begin(), with_cue.end(), [&](std::size_t x, std::size_t y) {
      return std::make_pair(a.claims[x].cue.begin, a.claims[x].cue.end) <
             std::make_pair(a.claims[y].cue.begin, a.claims[y].cue.end);
    });
    std::vector<std::string> notes;
    for (std::size_t n = 0; n < with_cue.size(); ++n) {
      const Claim& c = a.claims[with_cue[n]];
      const std::string e = "E" + std::to_string(n + 1);
      ann += e + "\tCue:T" + std::to_string(claim_t(kCue, c.cue));
      if (const std::size_t t = claim_t(kSource, c.source)) ann += " Source:T" + std::to_string(t);
      if (const std::size_t t = claim_t(kContent, c.content)) ann += " Content:T" + std::to_string(t);
      ann += "\n";
      char score[32];
      std::snprintf(score, sizeof score, "%.2f", c.evidence.score);
      std::string note = ClaimId(with_cue[n]) + ": evidence " + score + " (" + c.evidence.label + "), source " +
                         std::string(SourceTypeName(c.source_type));
      if (!c.resolved.empty()) note += " = " + c.resolved;
      if (c.stance != "asserted") note += ", " + c.stance;
      if (!c.disputed_by.empty()) note += ", disputed";
      if (c.quoted) note += c.quoted_in ? ", quoted in " + ClaimId(*c.quoted_in) : std::string(", quoted");
      if (c.continues) note += ", continues " + ClaimId(*c.continues);
      notes.push_back(e + "\t" + OneLine(note));
    }

    // Denies: the denying claim's marker -> the denied claim's cue marker.
    std::vector<std::pair<std::size_t, std::size_t>> denies;
    for (const Claim& c : a.claims) {
      if (!c.cue_annotation) continue;
      for (std::size_t d : c.disputed_by) {
        const auto& by = a.claims[d].cue_annotation;
        if (!by) continue;
        std::pair<std::size_t, std::size_t> r{of_annotation[*by], of_annotation[*c.cue_annotation]};
        if (r.first && r.second && std::find(denies.begin(), denies.end(), r) == denies.end()) denies.push_back(r);
      }
    }
    for (std::size_t n = 0; n < denies.size(); ++n) {
      ann += "R" + std::to_string(n + 1) + "\tDenies Arg1:T" + std::to_string(denies[n].first) + " Arg2:T" +
             std::to_string(denies[n].second) + "\n";
    }

    // Attributes and notes of the markers, in T order.
    std::vector<std::size_t> by_t(a.annotations.size());
    for (std::size_t i = 0; i < by_t.size(); ++i) by_t[i] = i;
    std::sort(by_t.begin(), by_t.end(), [&](std::size_t x, std::size_t y) { return of_annotation[x] < of_annotation[y]; });
    std::size_t attr = 0;
    std::vector<std::string> marker_notes;
    for (std::size_t i : by_t) {
      if (of_annotation[i] == 0) continue;  // left out
      const Rule& rule = pack_.rules[a.annotations[i].rule];
      const std::string t = "T" + std::to_string(of_annotation[i]);
      if (!rule.type.empty()) ann += "A" + std::to_string(++attr) + "\tType " + t + " " + Token(rule.type) + "\n";
      marker_notes.push_back(t + "\t" + OneLine(rule.id + ": " + rule.message));
    }
    // Each Source's kind, and the name a pronoun, role or surname stands for,
    // as the gold writes them (docs/annotation-guide.md §5.2).
    std::vector<std::size_t> typed;
    for (std::size_t i : with_cue) {
      const Claim& c = a.claims[i];
      const std::size_t s = claim_t(kSource, c.source);
      if (s == 0 || std::find(typed.begin(), typed.end(), s) != typed.end()) continue;
      typed.push_back(s);
      const std::string t = "T" + std::to_string(s);
      ann += "A" + std::to_string(++attr) + "\tSourceType " + t + " " + std::string(SourceTypeName(c.source_type)) +
             "\n";
      if (!c.resolved.empty()) marker_notes.push_back(t + "\t" + OneLine(c.resolved));
    }
    std::size_t note_id = 0;
    for (const std::string& n : marker_notes) ann += "#" + std::to_string(++note_id) + "\tAnnotatorNotes " + n + "\n";
    for (const std::string& n : notes) ann += "#" + std::to_string(++note_id) + "\tAnnotatorNotes " + n + "\n";
    return ann;
  }

  const Pack& pack_;
  std::string conf_, visual_;
};

}  // namespace

std::unique_ptr<Writer> MakeBratWriter(const Pack& pack) { return std::make_unique<BratWriter>(pack); }

}  // namespace evident
