// claims/tokens: the words of a sentence and the quotations of a text, as
// the claims stage reads them. Internal to lib/claims: the extractor's
// stages (claims.cpp, sentence.cpp, sources.cpp) share these.
#ifndef EVIDENT_CLAIMS_TOKENS_H_
#define EVIDENT_CLAIMS_TOKENS_H_

#include <unicode/umachine.h>

#include <algorithm>
#include <cstddef>
#include <sstream>
#include <string>
#include <string_view>
#include <unordered_map>
#include <unordered_set>
#include <vector>

#include "match/match.h"
#include "resolve/resolve.h"

namespace evident::claims_internal {

// ---------------------------------------------------------------------------
// Tokens: words and punctuation marks of a stretch of text, as byte spans.

struct Token {
  std::size_t begin = 0, end = 0;
  std::string lower;  // ASCII-lowered text, for lexicon look-ups
  bool punct = false;
  bool upper = false;  // starts with an upper-case letter
  bool name_part = false;  // a capital after a hyphen: "al-Jaafari", "bin-Salman"
};

// The code point at byte i of UTF-8 text; *next is the byte after it.
UChar32 CodePointAt(std::string_view text, std::size_t i, std::size_t* next);

// Whether c is a quotation mark or an apostrophe (straight, curly, guillemet).
bool IsQuoteChar(UChar32 c);

// Splits text[begin, end) into words and punctuation. Apostrophes, hyphens and
// periods between letters stay inside a word ("Ukraine’s", "al-Sham", "U.S."),
// so do a period after a single capital or an internal-period word ("U.S.").
std::vector<Token> Tokenize(std::string_view text, std::size_t begin, std::size_t end);

// A punctuation token that is a quotation mark.
bool IsQuoteToken(const Token& t);

// The bytes of a possessive ending: 4 for "’s", 2 for "'s", 3 for a
// plural's "’" ("voters’", joined by Tokenize), 1 for its "'", else 0.
std::size_t PossessiveEnding(std::string_view w);

bool IsPossessive(const Token& t);

// The word without its possessive ending ("union's" -> "union").
std::string WithoutPossessive(const std::string& w);

// A set of words and phrases; phrases match runs of tokens.
class PhraseSet {
 public:
  PhraseSet() = default;
  explicit PhraseSet(const std::vector<std::string>& entries) {
    std::vector<std::vector<std::string>> phrases;
    for (const auto& e : entries) {
      std::vector<std::string> words;
      std::istringstream in(e);
      for (std::string w; in >> w;) words.push_back(w);
      if (!words.empty()) phrases.push_back(std::move(words));
    }
    // Longest first, so "prime minister" wins over "minister".
    std::stable_sort(phrases.begin(), phrases.end(),
                     [](const auto& a, const auto& b) { return a.size() > b.size(); });
    for (const auto& p : phrases) {
      by_first_[p.front()].push_back(p);
      by_last_[p.back()].push_back(p);
      if (p.size() == 1) words_.insert(p[0]);
    }
  }

  // Tokens matched by a phrase starting at tokens[i]; 0 if none.
  std::size_t MatchAt(const std::vector<Token>& tokens, std::size_t i) const {
    if (i >= tokens.size()) return 0;
    auto it = by_first_.find(tokens[i].lower);
    if (it == by_first_.end()) return 0;
    for (const auto& p : it->second) {
      if (i + p.size() > tokens.size()) continue;
      bool ok = true;
      for (std::size_t k = 1; k < p.size() && ok; ++k) ok = tokens[i + k].lower == p[k];
      if (ok) return p.size();
    }
    return 0;
  }

  // Tokens matched by a phrase ending just before tokens[end]; 0 if none.
  std::size_t MatchBefore(const std::vector<Token>& tokens, std::size_t end) const {
    if (end == 0 || end > tokens.size()) return 0;
    auto it = by_last_.find(tokens[end - 1].lower);
    if (it == by_last_.end()) return 0;
    for (const auto& p : it->second) {
      if (p.size() > end) continue;
      bool ok = true;
      for (std::size_t k = 0; k + 1 < p.size() && ok; ++k) ok = tokens[end - p.size() + k].lower == p[k];
      if (ok) return p.size();
    }
    return 0;
  }

  bool Contains(const std::string& word) const { return words_.count(word) > 0; }

  // True if any phrase occurs in tokens[b, e).
  bool AnyIn(const std::vector<Token>& tokens, std::size_t b, std::size_t e) const {
    for (std::size_t i = b; i < e; ++i) {
      std::size_t n = MatchAt(tokens, i);
      if (n > 0 && i + n <= e) return true;
    }
    return false;
  }

 private:
  // Phrases by their first and by their last word, each list longest first.
  std::unordered_map<std::string, std::vector<std::vector<std::string>>> by_first_, by_last_;
  std::unordered_set<std::string> words_;  // the one-word phrases
};

// Whether `s` ends with the word `w` after a space ("Maria Zakharova",
// "Zakharova"); not "Vanross" for "Ross".
bool EndsWithWord(std::string_view s, std::string_view w);

bool EndsWith(std::string_view w, std::string_view suffix);

// ASCII lower case.
std::string Lower(std::string_view s);

// ---------------------------------------------------------------------------
// Quotations and spans of a text.

// Quotations of the text: from an opening mark to its closing mark,
// inclusive, ordered by their end. Curly quotes nest; straight double quotes
// alternate; both reset at a line break (news paragraphs often leave a quote
// open at the end).
std::vector<Span> FindQuotes(std::string_view text);

// The first of FindQuotes' quotations that ends at or after byte `at` (the
// one holding `at`, if any, or the next), by binary search.
std::vector<Span>::const_iterator QuoteEndingFrom(const std::vector<Span>& quotes, std::size_t at);

// Whether a span starts with an opening quotation mark (“, " or '').
bool OpensWithQuote(std::string_view text, const Span& s);

// Whether a source and cue are a speaker's label in a transcript or an
// interview ("A: ...", "JAKE TAPPER: ..."; rule attribution.speaker_label):
// the cue is the colon right after the source.
bool IsSpeakerLabel(std::string_view text, const Span& source, const Span& cue);

// Whether a lower-case word is a modal that is also a name: "Will Doyle",
// "Theresa May", "“...,” Will wrote".
bool IsNameModal(std::string_view lower);

// Whether a lower-case word is a form of "be" that makes a passive: is,
// are, was, were, be, been, being.
bool IsFormOfBe(std::string_view lower);

// Whether a word of two characters or more has no lower-case letter
// ("NATO", "WASHINGTON", "S.C.").
bool IsAllCapitals(std::string_view word);

// Trims white space and the given trailing punctuation from a span; empty
// when no letter or digit is left (a closing quotation mark alone).
Span TrimContent(std::string_view text, Span s);

// Whether sentence si + 1 is in sentence si's paragraph (no line break
// between them).
bool SameParagraphNext(std::string_view text, const std::vector<Sentence>& sentences, std::size_t si);

}  // namespace evident::claims_internal

#endif  // EVIDENT_CLAIMS_TOKENS_H_
