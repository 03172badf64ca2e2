// Reading brat standoff (.ann) against the text it annotates.
#include <unicode/utf8.h>

#include <algorithm>
#include <charconv>
#include <cstdio>
#include <cstdint>
#include <map>
#include <set>

#include "eval/eval.h"

namespace evident {

namespace {

std::vector<std::string_view> SplitOn(std::string_view s, char sep) {
  std::vector<std::string_view> parts;
  for (std::size_t from = 0;;) {
    const std::size_t at = s.find(sep, from);
    parts.push_back(s.substr(from, at == std::string_view::npos ? std::string_view::npos : at - from));
    if (at == std::string_view::npos) return parts;
    from = at + 1;
  }
}

std::optional<std::size_t> ParseOffset(std::string_view s) {
  std::size_t v = 0;
  if (s.empty()) return std::nullopt;
  auto [end, ec] = std::from_chars(s.data(), s.data() + s.size(), v);
  if (ec != std::errc() || end != s.data() + s.size()) return std::nullopt;
  return v;
}

// Quoted for a message, cut to keep the message on one readable line.
std::string Quote(std::string_view s) {
  constexpr std::size_t kMax = 60;
  std::string q = "\"";
  if (s.size() <= kMax) {
    q.append(s);
  } else {
    std::int32_t cut = kMax;
    U8_SET_CP_START(reinterpret_cast<const std::uint8_t*>(s.data()), 0, cut);  // whole code points
    q.append(s.substr(0, static_cast<std::size_t>(cut))).append("...");
  }
  return q + "\"";
}

// A message stays on one line of standard error whatever the .ann holds:
// control characters become escapes.
std::string Printable(std::string_view message) {
  std::string out;
  for (char c : message) {
    const auto b = static_cast<std::uint8_t>(c);
    if (c == '\t') {
      out += "\\t";
    } else if (c == '\r') {
      out += "\\r";
    } else if (b < 0x20 || b == 0x7F) {
      char buf[8];
      std::snprintf(buf, sizeof buf, "\\x%02X", b);
      out += buf;
    } else {
      out += c;
    }
  }
  return out;
}

// One .ann being read: the ids seen so far and the problems found.
class Reader {
 public:
  explicit Reader(std::string_view text) : text_(text), starts_(CodepointStarts(text)) {}

  void Line(std::size_t number, std::string_view line);
  BratDocument Finish();

 private:
  struct Attribute {
    std::string name, target, value;
    std::size_t line;
  };
  struct Reference {  // an id named on a line, checked once all lines are read
    std::string id;
    std::size_t line;
  };

  void Problem(std::size_t line, std::string message) { doc_.problems.push_back({line, Printable(message)}); }
  // Records a new id; false (and a problem) if it was seen before.
  bool NewId(std::size_t line, std::string_view id);
  void TextBound(std::size_t line, std::string_view id, std::string_view rest);
  void TextBoundLine(std::size_t line, std::string_view id, std::string_view rest);
  void Event(std::size_t line, std::string_view id, std::string_view rest);
  void Relation(std::size_t line, std::string_view id, std::string_view rest);
  void Attr(std::size_t line, std::string_view id, std::string_view rest);
  void Note(std::size_t line, std::string_view id, std::string_view rest);

  std::string_view text_;
  std::vector<std::size_t> starts_;
  std::map<std::string, std::size_t, std::less<>> ids_;  // id -> line
  std::map<std::string, std::size_t, std::less<>> skipped_;  // id -> line, of T lines skipped
  std::vector<Attribute> attributes_;
  std::vector<std::vector<Reference>> event_refs_;  // per event: trigger, then arguments
  std::vector<std::pair<std::size_t, std::vector<Reference>>> other_refs_;  // R lines
  BratDocument doc_;
};

bool Reader::NewId(std::size_t line, std::string_view id) {
  auto [it, fresh] = ids_.emplace(std::string(id), line);
  if (!fresh) Problem(line, "duplicate id '" + std::string(id) + "' (first on line " + std::to_string(it->second) + ")");
  return fresh;
}

void Reader::Line(std::size_t number, std::string_view line) {
  if (!line.empty() && line.back() == '\r') line.remove_suffix(1);
  if (line.find_first_not_of(" \t") == std::string_view::npos) return;  // blank
  const std::size_t tab = line.find('\t');
  if (tab == std::string_view::npos) {
    Problem(number, "malformed line: no TAB after the id " + Quote(line));
    return;
  }
  const std::string_view id = line.substr(0, tab), rest = line.substr(tab + 1);
  if (id.empty()) {
    Problem(number, "malformed line: no id before the TAB");
    return;
  }
  switch (line[0]) {
    case 'T': return TextBound(number, id, rest);
    case 'E': return Event(number, id, rest);
    case 'R': return Relation(number, id, rest);
    case 'A':
    case 'M': return Attr(number, id, rest);
    case '#': return Note(number, id, rest);
    case 'N':   // normalisation (a link to a knowledge base)
    case '*':   // equivalence
      return;   // read, and nothing to score
    default:
      Problem(number, "unknown line kind " + Quote(id) + " (expected T, A, E, R, N, * or #)");
  }
}

void Reader::TextBound(std::size_t line, std::string_view id, std::string_view rest) {
  // An id whose line is skipped is remembered, so that the lines naming it
  // say why it is missing.
  const std::size_t problems = doc_.problems.size();
  TextBoundLine(line, id, rest);
  if (doc_.problems.size() > problems && !ids_.count(id)) skipped_.emplace(std::string(id), line);
}

void Reader::TextBoundLine(std::size_t line, std::string_view id, std::string_view rest) {
  const std::size_t tab = rest.find('\t');
  const std::size_t space = rest.find(' ');
  if (tab == std::string_view::npos || space == std::string_view::npos || space == 0 || space > tab) {
    Problem(line, "malformed text-bound line: expected 'T<n><TAB>TYPE START END<TAB>TEXT'");
    return;
  }
  BratAnnotation a;
  a.id = id;
  a.type = rest.substr(0, space);
  a.text = rest.substr(tab + 1);
  a.line = line;
  const std::string_view offsets = rest.substr(space + 1, tab - space - 1);
  std::string expected;
  const std::vector<std::string_view> fragments = SplitOn(offsets, ';');
  a.fragments = fragments.size();
  for (std::size_t f = 0; f < fragments.size(); ++f) {
    const std::vector<std::string_view> se = SplitOn(fragments[f], ' ');
    std::optional<std::size_t> start, end;
    if (se.size() == 2) {
      start = ParseOffset(se[0]);
      end = ParseOffset(se[1]);
    }
    if (!start || !end) {
      Problem(line, "malformed offsets " + Quote(offsets) + ": expected 'START END' or 'START END;START END...'");
      return;
    }
    if (*start > *end) {
      Problem(line, "span " + std::to_string(*start) + "-" + std::to_string(*end) + " ends before it starts");
      return;
    }
    const std::size_t length = starts_.size() - 1;  // code points in the text
    if (*end > length) {
      Problem(line, "span " + std::to_string(*start) + "-" + std::to_string(*end) +
                        " is beyond the end of the text (" + std::to_string(length) + " code points)");
      return;
    }
    if (f == 0) a.span = {*start, *end};
    a.span.begin = std::min(a.span.begin, *start);
    a.span.end = std::max(a.span.end, *end);
    if (f > 0) expected += ' ';
    expected += text_.substr(starts_[*start], starts_[*end] - starts_[*start]);
  }
  if (a.span.empty()) {
    Problem(line, "empty span " + std::string(offsets));
    return;
  }
  if (expected != a.text) {
    Problem(line, "text " + Quote(a.text) + " does not match the document at " + std::string(offsets) + ", which is " +
                      Quote(expected));
    return;
  }
  if (!NewId(line, id)) return;
  doc_.annotations.push_back(std::move(a));
}

void Reader::Event(std::size_t line, std::string_view id, std::string_view rest) {
  BratEvent e;
  e.id = id;
  e.line = line;
  std::vector<Reference> refs;
  for (std::string_view token : SplitOn(rest, ' ')) {
    if (token.empty()) continue;  // brat writes a trailing space after some events
    const std::size_t colon = token.find(':');
    if (colon == std::string_view::npos || colon == 0 || colon + 1 == token.size()) {
      Problem(line, "malformed event: " + Quote(token) + " is not ROLE:ID");
      return;
    }
    const std::string role(token.substr(0, colon)), ref(token.substr(colon + 1));
    if (refs.empty()) {
      e.type = role;
      e.trigger = ref;
    } else {
      e.arguments.emplace_back(role, ref);
    }
    refs.push_back({ref, line});
  }
  if (refs.empty()) {
    Problem(line, "malformed event: expected 'E<n><TAB>TYPE:T<n> ROLE:T<n> ...'");
    return;
  }
  if (!NewId(line, id)) return;
  event_refs_.push_back(std::move(refs));
  doc_.events.push_back(std::move(e));
}

void Reader::Relation(std::size_t line, std::string_view id, std::string_view rest) {
  const std::vector<std::string_view> tokens = SplitOn(rest, ' ');
  std::vector<Reference> refs;
  for (std::size_t i = 1; i < tokens.size(); ++i) {
    const std::size_t colon = tokens[i].find(':');
    if (tokens[i].empty()) continue;
    if (colon == std::string_view::npos || colon == 0 || colon + 1 == tokens[i].size()) {
      refs.clear();
      break;
    }
    refs.push_back({std::string(tokens[i].substr(colon + 1)), line});
  }
  if (tokens[0].empty() || refs.size() != 2) {
    Problem(line, "malformed relation: expected 'R<n><TAB>TYPE Arg1:T<n> Arg2:T<n>'");
    return;
  }
  if (!NewId(line, id)) return;
  other_refs_.emplace_back(line, std::move(refs));
}

void Reader::Attr(std::size_t line, std::string_view id, std::string_view rest) {
  const std::vector<std::string_view> tokens = SplitOn(rest, ' ');
  // NAME TARGET [VALUE]; a binary attribute has no value.
  if (tokens.size() < 2 || tokens.size() > 3 || tokens[0].empty() || tokens[1].empty()) {
    Problem(line, "malformed attribute: expected 'A<n><TAB>NAME T<n> [VALUE]'");
    return;
  }
  if (!NewId(line, id)) return;
  attributes_.push_back(
      {std::string(tokens[0]), std::string(tokens[1]), tokens.size() == 3 ? std::string(tokens[2]) : "", line});
}

// "#1<TAB>AnnotatorNotes T14<TAB>Maria Zakharova": kept as an attribute
// named AnnotatorNotes whose value is the note. Other note kinds are read and
// left alone.
void Reader::Note(std::size_t line, std::string_view id, std::string_view rest) {
  const std::size_t tab = rest.find('\t');
  const std::vector<std::string_view> head = SplitOn(rest.substr(0, tab), ' ');
  if (head.size() != 2 || head[0] != "AnnotatorNotes") return;
  if (!NewId(line, id)) return;
  attributes_.push_back({std::string(head[0]), std::string(head[1]),
                         tab == std::string_view::npos ? "" : std::string(rest.substr(tab + 1)), line});
}

// References are checked at the end: brat does not require an id to be
// defined before the line that names it.
BratDocument Reader::Finish() {
  std::map<std::string_view, BratAnnotation*> by_id;
  for (BratAnnotation& a : doc_.annotations) by_id[a.id] = &a;
  auto known = [&](const Reference& r) {
    if (ids_.count(r.id)) return true;
    auto skipped = skipped_.find(r.id);
    if (skipped != skipped_.end()) {
      Problem(r.line, "refers to '" + r.id + "', whose line " + std::to_string(skipped->second) + " was skipped");
    } else {
      Problem(r.line, "unknown id '" + r.id + "'");
    }
    return false;
  };
  std::vector<BratEvent> events;
  for (std::size_t i = 0; i < doc_.events.size(); ++i) {
    BratEvent& e = doc_.events[i];
    if (!std::all_of(event_refs_[i].begin(), event_refs_[i].end(), known)) continue;
    auto trigger = by_id.find(e.trigger);
    if (trigger == by_id.end()) {
      Problem(e.line, "the trigger '" + e.trigger + "' is not a text-bound annotation");
      continue;
    }
    if (trigger->second->type != e.type) {
      Problem(e.line, "the trigger '" + e.trigger + "' is a '" + trigger->second->type + "', not a '" + e.type + "'");
      continue;
    }
    events.push_back(std::move(e));
  }
  doc_.events = std::move(events);
  for (const auto& [line, refs] : other_refs_)
    for (const Reference& r : refs) known(r);
  for (const Attribute& attr : attributes_) {
    if (!known({attr.target, attr.line})) continue;
    auto target = by_id.find(attr.target);
    if (target == by_id.end()) continue;
    if (attr.name == "Type") target->second->subtype = attr.value;
    else if (attr.name == "SourceType") target->second->source_type = attr.value;
    else if (attr.name == "AnnotatorNotes") target->second->note = attr.value;
  }
  std::stable_sort(doc_.problems.begin(), doc_.problems.end(),
                   [](const BratProblem& a, const BratProblem& b) { return a.line < b.line; });
  return std::move(doc_);
}

}  // namespace

std::vector<std::size_t> CodepointStarts(std::string_view text) {
  std::vector<std::size_t> starts;
  starts.reserve(text.size() + 1);
  for (std::size_t i = 0; i < text.size(); ++i)
    if ((static_cast<std::uint8_t>(text[i]) & 0xC0) != 0x80) starts.push_back(i);
  starts.push_back(text.size());
  return starts;
}

BratDocument ParseBrat(std::string_view ann, std::string_view text) {
  Reader reader(text);
  std::size_t number = 0;
  for (std::string_view line : SplitOn(ann, '\n')) {
    ++number;
    reader.Line(number, line);
  }
  return reader.Finish();
}

}  // namespace evident
