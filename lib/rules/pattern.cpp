// Pattern building: typographic tolerance and literal term lists.
#include <algorithm>
#include <cctype>
#include <stdexcept>
#include <string>
#include <vector>

#include "rules/rules.h"

namespace evident {

namespace {

constexpr std::string_view kApostrophes = "['\u2018\u2019]";
constexpr std::string_view kQuotes = "[\"\u201C\u201D]";
constexpr std::string_view kDashes = "[-\u2013\u2014]";

// Length of the UTF-8 sequence starting with byte c (1 for bad bytes; RE2
// reports those later).
std::size_t SeqLen(unsigned char c) {
  if (c < 0x80) return 1;
  if ((c >> 5) == 0x6) return 2;
  if ((c >> 4) == 0xE) return 3;
  if ((c >> 3) == 0x1E) return 4;
  return 1;
}

bool StartsWith(std::string_view s, std::size_t i, std::string_view what) {
  return s.substr(i, what.size()) == what;
}

}  // namespace

std::string TolerateTypography(std::string_view p) {
  std::string out;
  out.reserve(p.size() * 2);
  bool in_class = false;
  std::size_t i = 0;
  while (i < p.size()) {
    const unsigned char c = static_cast<unsigned char>(p[i]);
    if (c == '\\') {
      if (i + 1 >= p.size()) throw std::invalid_argument("trailing \\ in pattern");
      const char next = p[i + 1];
      if (!in_class && next == '-') { out += kDashes; i += 2; continue; }
      if (!in_class && next == '\'') { out += kApostrophes; i += 2; continue; }
      if (!in_class && next == '"') { out += kQuotes; i += 2; continue; }
      if (!in_class && next == ' ') { out += kSpaceRun; i += 2; continue; }
      std::size_t n = 1 + SeqLen(static_cast<unsigned char>(next));
      out.append(p.substr(i, n));
      i += n;
      continue;
    }
    if (in_class) {
      if (c == ']') { in_class = false; out += ']'; ++i; continue; }
      if (c == '[' && StartsWith(p, i, "[:")) {  // [:alpha:]
        std::size_t close = p.find(":]", i + 2);
        if (close == std::string_view::npos) throw std::invalid_argument("unclosed [: in class");
        out.append(p.substr(i, close + 2 - i));
        i = close + 2;
        continue;
      }
      if (c == '\'') { out += "'\u2018\u2019"; ++i; continue; }
      if (c == '"') { out += "\"\u201C\u201D"; ++i; continue; }
      std::size_t n = SeqLen(c);
      out.append(p.substr(i, n));
      i += n;
      continue;
    }
    if (c == '(' && StartsWith(p, i, "(?") && i + 2 < p.size() && p[i + 2] != 'P' && p[i + 2] != '<') {
      // A flag group, "(?i)" or "(?-i:": its '-' is an operator, not a dash.
      std::size_t j = i + 2;
      while (j < p.size() && (std::isalpha(static_cast<unsigned char>(p[j])) || p[j] == '-')) ++j;
      out.append(p.substr(i, j - i));
      i = j;
      continue;
    }
    if (c == '[') {
      in_class = true;
      out += '[';
      ++i;
      if (i < p.size() && p[i] == '^') { out += '^'; ++i; }
      if (i < p.size() && p[i] == ']') { out += ']'; ++i; }  // literal ] first
      continue;
    }
    if (c == '\'' || StartsWith(p, i, "\u2018") || StartsWith(p, i, "\u2019")) {
      out += kApostrophes;
      i += SeqLen(c);
      continue;
    }
    if (c == '"' || StartsWith(p, i, "\u201C") || StartsWith(p, i, "\u201D")) {
      out += kQuotes;
      i += SeqLen(c);
      continue;
    }
    if (c == '-' || StartsWith(p, i, "\u2013") || StartsWith(p, i, "\u2014")) {
      out += kDashes;
      i += SeqLen(c);
      continue;
    }
    if (c == ' ') {
      out += kSpaceRun;
      while (i < p.size() && p[i] == ' ') ++i;  // "a  b" is still one gap
      continue;
    }
    std::size_t n = SeqLen(c);
    out.append(p.substr(i, n));
    i += n;
  }
  return out;
}

std::string TermsPattern(const std::vector<std::string>& terms) {
  if (terms.empty()) throw std::invalid_argument("empty terms list");
  std::vector<std::string> sorted = terms;
  // Longest first: RE2 alternation is leftmost-first, so "may have" must come
  // before "may" to be found at all.
  std::stable_sort(sorted.begin(), sorted.end(),
                   [](const std::string& a, const std::string& b) { return a.size() > b.size(); });
  auto is_word = [](char c) {
    return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || c == '_';
  };
  std::string out = "(?:";
  for (std::size_t t = 0; t < sorted.size(); ++t) {
    const std::string& term = sorted[t];
    if (term.find_first_not_of(" \t") == std::string::npos)
      throw std::invalid_argument("empty term");
    if (t > 0) out += '|';
    if (is_word(term.front())) out += "\\b";
    for (char c : term) {
      // Escape RE2 metacharacters; quotes, dashes and spaces stay as they are
      // so that TolerateTypography widens them.
      if (std::string_view("\\^$.|?*+()[]{}").find(c) != std::string_view::npos) out += '\\';
      out += c;
    }
    if (is_word(term.back())) out += "\\b";
  }
  out += ')';
  return out;
}

}  // namespace evident
