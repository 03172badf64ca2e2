#include "score/score.h"

#include <algorithm>
#include <cmath>

namespace evident {

double Scorer::Prior(SourceType type) const {
  for (const auto& [name, value] : pack_.scoring.priors)
    if (name == SourceTypeName(type)) return value;
  return 0.0;
}

std::string_view Scorer::Label(double score) const {
  std::string_view label;
  for (const auto& [name, min] : pack_.scoring.labels)
    if (score >= min) label = name;
  return label;
}

namespace {

// Rounded so that output does not carry floating-point noise.
double Round(double x) { return std::round(x * 1000.0) / 1000.0; }

// The stretch a claim's cue and content cover, with its source unless
// `with_source` is false.
Span Extent(const Claim& c, bool with_source = true) {
  Span e = c.content;
  auto widen = [&](const Span& s) {
    if (s.empty()) return;
    e.begin = std::min(e.begin, s.begin);
    e.end = std::max(e.end, s.end);
  };
  widen(c.cue);
  if (with_source) widen(c.source);
  return e;
}

std::string SourceMessage(SourceType t) {
  switch (t) {
    case SourceType::kAuthor: return "The writer states this without naming a source.";
    case SourceType::kPerson: return "A named person is the source.";
    case SourceType::kOrganisation: return "A named institution is the source.";
    case SourceType::kMedia: return "Another news outlet is the source: the claim is second-hand.";
    case SourceType::kAnonymous: return "The source is not named, so the reader cannot judge it.";
    case SourceType::kSocialMedia: return "The source is social media posts, which are rarely verified.";
    case SourceType::kDocument: return "The source is a document the reader could consult.";
    case SourceType::kVague: return "No one in particular is named as the source.";
  }
  return "";
}

}  // namespace

void Scorer::Score(std::string_view text, const std::vector<Sentence>& sentences,
                   const std::vector<Annotation>& annotations, std::vector<Claim>* claims) const {
  const ScoringModel& model = pack_.scoring;
  // Which claim each cue annotation belongs to, computed once.
  std::vector<std::size_t> cue_of(annotations.size(), claims->size());
  for (std::size_t k = 0; k < claims->size(); ++k)
    if (const auto& cue = (*claims)[k].cue_annotation) cue_of[*cue] = k;
  for (std::size_t ci = 0; ci < claims->size(); ++ci) {
    Claim& c = (*claims)[ci];
    const Sentence& s = sentences[c.sentence];
    // The claim's stretch of its sentence. (A quotation continuing the
    // sentence before has its source and cue there.)
    const Span extent = c.continues ? c.content : Extent(c);
    Span scope = {s.span.begin, s.span.end};
    // Claims come in text order (claims.h), so the sentence's other claims
    // are found by binary search: a document with many claims stays linear.
    const auto [same_begin, same_end] =
        std::equal_range(claims->begin(), claims->end(), c, [](const Claim& a, const Claim& b) {
          return a.sentence < b.sentence;
        });
    // Two claims of one subject ("Zakharova claimed that X, and said Y";
    // "“X,” she said, adding that Y") part where their cues and contents
    // do; the subject they share then belongs to neither stretch.
    const Span core = Extent(c, false);  // without the source, for a subject two claims share
    bool shared_source = false;
    for (auto it = same_begin; it != same_end; ++it) {
      const Claim& o = *it;
      if (&o == &c) continue;
      const bool shared = !c.continues && !o.continues && !c.source.empty() && o.source.begin == c.source.begin &&
                          o.source.end == c.source.end;
      shared_source = shared_source || shared;
      const Span own = shared ? core : extent;
      // (A quotation going on after its speaker in the same sentence,
      // “...,” she said, “...”, has only its content here.)
      const Span oe = o.continues ? o.content : Extent(o, !shared);
      if (oe.end <= own.begin) scope.begin = std::max(scope.begin, oe.end);
      if (oe.begin >= own.end) scope.end = std::min(scope.end, oe.begin);
    }
    // A claim inside a quotation: its markers stay inside too. (The
    // quotation may be the speaker's earlier one, in another sentence, when
    // the quotation runs on: “... . I told them so.”)
    if (c.quoted_in) {
      const Span& quotation = (*claims)[*c.quoted_in].content;
      if (quotation.begin < scope.end && scope.begin < quotation.end) {
        scope.begin = std::max(scope.begin, quotation.begin);
        scope.end = std::min(scope.end, quotation.end);
      }
    }
    const Span own = shared_source ? core : extent;
    scope.begin = std::min(scope.begin, own.begin);
    scope.end = std::max(scope.end, own.end);
    // (Without the spaces and commas where it meets the next claim's.)
    auto edge = [&](char ch) { return ch == ' ' || ch == '\t' || ch == ','; };
    while (scope.begin < own.begin && edge(text[scope.begin])) ++scope.begin;
    while (scope.end > own.end && edge(text[scope.end - 1])) --scope.end;
    c.scope = scope;

    Evidence& ev = c.evidence;
    ev.factors.clear();
    double z = Prior(c.source_type);
    ev.factors.push_back({"prior", std::nullopt, std::nullopt, Round(z),
                          "Starting point for a source of type '" + std::string(SourceTypeName(c.source_type)) +
                              "'. " + SourceMessage(c.source_type)});
    auto add = [&](std::size_t i) {  // annotation i's weight, as a factor
      const Rule& r = pack_.rules[annotations[i].rule];
      z += r.weight;
      ev.factors.push_back({"annotation", annotations[i].rule, i, Round(r.weight), r.message});
    };
    // “...,” she claimed. “More.”: the cue that introduced the quotation
    // weighs on its continuation too.
    if (c.continues) {
      if (const auto& i = (*claims)[*c.continues].cue_annotation) {
        const Rule& r = pack_.rules[annotations[*i].rule];
        if (r.weight != 0.0 && r.category != Category::kDenial) add(*i);
      }
    }
    // Annotations are sorted by start and never overlap, so their ends are
    // sorted too: the first one ending after the scope starts is found by
    // binary search, and the walk stops past the scope.
    auto first = std::partition_point(annotations.begin(), annotations.end(),
                                      [&](const Annotation& a) { return a.span.end <= scope.begin; });
    for (std::size_t i = static_cast<std::size_t>(first - annotations.begin()); i < annotations.size(); ++i) {
      const Annotation& a = annotations[i];
      if (a.span.begin >= scope.end) break;
      const Rule& r = pack_.rules[a.rule];
      if (r.weight == 0.0) continue;
      // A cue belongs to its own claim only ("rejected Russia's claims": the
      // denial's cue is not a factor of the claim it names, nor the reverse),
      // and a denial's own cue does not weaken the denier: it reaches the
      // claims it disputes through the `disputed` effect.
      if (cue_of[i] != claims->size() && cue_of[i] != ci) continue;
      if (c.cue_annotation == i && r.category == Category::kDenial) continue;
      const bool in_source = !c.source.empty() && a.span.begin < c.source.end && c.source.begin < a.span.end;
      if (in_source && r.category == Category::kSource) continue;  // counted in the prior
      add(i);
    }
    if (!c.disputed_by.empty() && model.disputed != 0.0) {
      z += model.disputed;
      ev.factors.push_back({"disputed", std::nullopt, std::nullopt, Round(model.disputed),
                            "Another source in the text denies this claim."});
    }
    ev.score = Round(1.0 / (1.0 + std::exp(-model.scale * z)));
    ev.label = std::string(Label(ev.score));
  }
}

}  // namespace evident
