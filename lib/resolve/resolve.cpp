#include "resolve/resolve.h"

#include <algorithm>
#include <array>
#include <iterator>
#include <map>

namespace evident {

namespace {

// Code points in text[span]: every byte that is not a UTF-8 continuation byte.
std::size_t Characters(std::string_view text, Span span) {
  std::size_t n = 0;
  for (std::size_t i = span.begin; i < span.end; ++i) n += (static_cast<unsigned char>(text[i]) & 0xC0) != 0x80;
  return n;
}

}  // namespace

std::string AnnotationId(std::size_t index) {
  std::string id = "a";  // appended, not "a" + ...: GCC 12 warns wrongly on that (-Wrestrict, bug 105329)
  id += std::to_string(index + 1);
  return id;
}

void ResolveOverlaps(const Pack& pack, std::string_view text, std::vector<Match>* matches,
                     std::vector<Overruled>* overruled) {
  auto& m = *matches;
  // Best first: longest (in characters, so a curly quote counts as much as a
  // straight one), then priority, then pack order, then position.
  std::sort(m.begin(), m.end(), [&](const Match& a, const Match& b) {
    const std::size_t la = Characters(text, a.span), lb = Characters(text, b.span);
    if (la != lb) return la > lb;
    const int pa = pack.rules[a.rule].priority, pb = pack.rules[b.rule].priority;
    if (pa != pb) return pa > pb;
    if (a.rule != b.rule) return a.rule < b.rule;
    return a.span.begin < b.span.begin;
  });
  // Accepted spans of one category never overlap, so keyed by begin they are
  // also ordered by end: an overlap with [b, e) can only be the neighbour on
  // either side. A match is checked against every category it competes with.
  std::array<std::map<std::size_t, std::size_t>, kNumCategories> taken;  // begin -> index into winners
  std::vector<Match> winners;
  winners.reserve(m.size());
  auto clash_in = [&](const std::map<std::size_t, std::size_t>& spans, const Match& x) -> const Match* {
    auto after = spans.lower_bound(x.span.begin);
    if (after != spans.end() && winners[after->second].span.begin < x.span.end) return &winners[after->second];
    if (after != spans.begin()) {
      const Match& before = winners[std::prev(after)->second];
      if (before.span.end > x.span.begin) return &before;
    }
    return nullptr;
  };
  for (const Match& x : m) {
    const Category cx = pack.rules[x.rule].category;
    const Match* clash = nullptr;
    for (int c = 0; c < kNumCategories && !clash; ++c) {
      const auto other = static_cast<Category>(c);
      if (other != cx && pack.Coexist(cx, other)) continue;
      clash = clash_in(taken[static_cast<std::size_t>(c)], x);
    }
    if (clash) {
      if (overruled) overruled->push_back({x, clash->rule});
      continue;
    }
    taken[static_cast<std::size_t>(cx)].emplace(x.span.begin, winners.size());
    winners.push_back(x);
  }
  std::sort(winners.begin(), winners.end(), [&](const Match& a, const Match& b) {
    if (a.span.begin != b.span.begin) return a.span.begin < b.span.begin;
    if (a.span.end != b.span.end) return a.span.end < b.span.end;
    return pack.rules[a.rule].id < pack.rules[b.rule].id;
  });
  m = std::move(winners);
}

}  // namespace evident
