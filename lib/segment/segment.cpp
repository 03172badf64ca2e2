#include "segment/segment.h"

#include <unicode/brkiter.h>
#include <unicode/filteredbrk.h>
#include <unicode/locid.h>
#include <unicode/uchar.h>
#include <unicode/utext.h>
#include <unicode/utf8.h>

#include <algorithm>
#include <stdexcept>

namespace evident {

struct Segmenter::Impl {
  std::unique_ptr<icu::BreakIterator> breaker;
  bool join_abbreviations = false;
};

namespace {

// ICU's "ss=standard" list for English holds single capitals ("F.", "G.",
// "O.", "Q.", "T.", "X.", "Z.") and matches every entry as the end of a word,
// not as a whole word: "He joined NATO. Then he left." stayed one sentence.
// With join_abbreviations, the iterator is built without the keyword and
// wrapped in a filter from the same list minus the single capitals;
// JoinsAcross then keeps initials only where a whole word is one capital.
// Returns null if ICU cannot do it (the caller then uses the plain locale).
icu::BreakIterator* CreateWithoutSingleCapitals(const icu::Locale& locale) {
  UErrorCode status = U_ZERO_ERROR;
  char ss[32] = {0};
  int32_t n = locale.getKeywordValue("ss", ss, sizeof ss - 1, status);
  if (U_FAILURE(status) || n <= 0 || std::string_view(ss, n) != "standard") return nullptr;
  icu::Locale base(locale);
  base.setKeywordValue("ss", nullptr, status);
  std::unique_ptr<icu::BreakIterator> plain(icu::BreakIterator::createSentenceInstance(base, status));
  std::unique_ptr<icu::FilteredBreakIteratorBuilder> builder(
      icu::FilteredBreakIteratorBuilder::createInstance(locale, status));
  if (U_FAILURE(status) || !plain || !builder) return nullptr;
  for (char c = 'A'; c <= 'Z'; ++c) {
    const char letter[3] = {c, '.', 0};
    builder->unsuppressBreakAfter(icu::UnicodeString(letter, -1, US_INV), status);
  }
  if (U_FAILURE(status)) return nullptr;
  icu::BreakIterator* filtered = builder->wrapIteratorWithFilter(plain.release(), status);
  if (U_FAILURE(status)) {
    delete filtered;
    return nullptr;
  }
  return filtered;
}

}  // namespace

Segmenter::Segmenter(SegmenterOptions options) : options_(std::move(options)) {
  UErrorCode status = U_ZERO_ERROR;
  impl_ = std::make_unique<Impl>();
  const icu::Locale locale(options_.locale.c_str());
  impl_->join_abbreviations =
      options_.join_abbreviations && std::string_view(locale.getLanguage()) == "en";
  if (impl_->join_abbreviations) impl_->breaker.reset(CreateWithoutSingleCapitals(locale));
  if (!impl_->breaker) impl_->breaker.reset(icu::BreakIterator::createSentenceInstance(locale, status));
  if (U_FAILURE(status) || !impl_->breaker) {
    throw std::runtime_error("cannot create ICU sentence break iterator for '" +
                             options_.locale + "': " + u_errorName(status));
  }
  if (options_.max_sentence_bytes < 16) options_.max_sentence_bytes = 16;
}

Segmenter::Segmenter(SegmenterOptions options, std::unique_ptr<Impl> impl)
    : options_(std::move(options)), impl_(std::move(impl)) {}
Segmenter::~Segmenter() = default;
Segmenter::Segmenter(Segmenter&&) noexcept = default;
Segmenter& Segmenter::operator=(Segmenter&&) noexcept = default;

Segmenter Segmenter::Clone() const {
  auto impl = std::make_unique<Impl>();
  impl->breaker.reset(impl_->breaker->clone());
  impl->join_abbreviations = impl_->join_abbreviations;
  return Segmenter(options_, std::move(impl));
}

namespace {

const std::uint8_t* Bytes(std::string_view s) {
  return reinterpret_cast<const std::uint8_t*>(s.data());
}

bool IsSpace(UChar32 c) { return u_isUWhiteSpace(c) || c == 0xFEFF; }

// Narrows [begin, end) to exclude white space at both ends.
void Trim(std::string_view text, std::size_t* begin, std::size_t* end) {
  const auto* s = Bytes(text);
  while (*begin < *end) {
    std::size_t i = *begin;
    UChar32 c;
    U8_NEXT_UNSAFE(s, i, c);
    if (!IsSpace(c)) break;
    *begin = i;
  }
  while (*end > *begin) {
    std::size_t i = *end;
    UChar32 c;
    U8_PREV_UNSAFE(s, i, c);
    if (!IsSpace(c)) break;
    *end = i;
  }
}

// Appends [begin, end) to *out, cut into pieces of at most `max` bytes at the
// last white space before the limit (or at a code point boundary if none).
void AppendBounded(std::string_view text, std::size_t begin, std::size_t end,
                   std::size_t max, std::vector<SentenceSpan>* out) {
  Trim(text, &begin, &end);
  if (begin == end) return;
  if (end - begin <= max) {
    out->push_back({begin, end, false});
    return;
  }
  const auto* s = Bytes(text);
  while (begin < end) {
    if (end - begin <= max) {
      out->push_back({begin, end, true});
      return;
    }
    std::size_t cut = begin + max;
    while (cut > begin && U8_IS_TRAIL(s[cut])) --cut;
    std::size_t at_space = cut;
    while (at_space > begin + max / 2 && s[at_space - 1] != ' ' && s[at_space - 1] != '\t')
      --at_space;
    if (at_space > begin + max / 2) cut = at_space;
    std::size_t piece_end = cut;
    std::size_t piece_begin = begin;
    Trim(text, &piece_begin, &piece_end);
    if (piece_begin < piece_end) out->push_back({piece_begin, piece_end, true});
    begin = cut;
    Trim(text, &begin, &end);
  }
}


// ---- Abbreviations ICU breaks after ---------------------------------------
//
// ICU's "en@ss=standard" list keeps "Mr.", "Sept." or "e.g." inside a
// sentence, but not the titles and initials that news text puts before names.
// Measured on the PolNeAR train texts (840 files, 2026-11-21), ICU ended a
// sentence inside a line after "Sen." 486 times, after a single initial
// ("Donald J. Trump") 471 times, after "Gov." 225 times, "U.S." 114, "Dr." 29,
// "St." 28, "v." 19, "H.W." 12, ... (1,538 in all); 891 of these breaks cut a
// gold Source, Cue or Content span in two. With the table below: 80 breaks
// after such words are left (20 after "Iowa.", 9 after "U.S." before "He",
// "The" ...), 21 cutting a gold span. The break is removed when the word
// before it is one of those below and the word after it is what the entry
// asks for. A break at a line end is never removed (headlines, bylines).
//
// Words that often end a sentence are left out on purpose: "Inc.", "Corp.",
// "Co.", "Ltd.", "Jr.", "Sr." ("... said Acme Inc. The company ..."), state
// abbreviations ("Tampa, Fla. The ..."). Trade-offs, each measured on the
// same texts:
// - "U.S." and "U.N." are followed by a proper noun ("the U.S. Senate", "U.S.
//   Ambassador ...") far more often than they end a sentence ("... in the
//   U.S. He says ..."): the break stays only before a word that usually opens
//   a sentence (kSentenceOpeners: pronouns, articles, conjunctions ...). A
//   sentence after "U.S." that opens with a name is joined to it, wrongly.
// - a single capital and a full stop is a middle initial ("George W. Bush")
//   unless it is "I." (a pronoun or a Roman numeral), or a sentence opener
//   follows ("... Plan B. The plan ...").
// - two dotted capitals before a capitalised word are initials ("George
//   H.W. Bush", "J.J. Smith"), three only after a capitalised name ("F.B.I."
//   may end a sentence), and never the places or bodies in kPlaceInitials
//   ("Washington, D.C. Mayor ...", "U.K.").
// - months and "No." are joined only before a number ("Oct. 3", "No. 2");
//   "a.m."/"p.m." only before a time zone ("9 p.m. EST").

enum class Next {
  kWord,       // any word that begins with a letter
  kNumber,     // a number
  kNonOpener,  // a capitalised word that is not in kSentenceOpeners
  kTimeZone,   // a time zone: "EST", "Eastern"
};

struct Abbreviation {
  std::string_view word;  // with its full stop; as written or all in capitals
  Next next;
};

constexpr Abbreviation kAbbreviations[] = {
    // Titles before a name.
    {"Sen.", Next::kWord}, {"Sens.", Next::kWord}, {"Rep.", Next::kWord},
    {"Reps.", Next::kWord}, {"Gov.", Next::kWord}, {"Govs.", Next::kWord},
    {"Lt.", Next::kWord}, {"Gen.", Next::kWord}, {"Gens.", Next::kWord},
    {"Col.", Next::kWord}, {"Maj.", Next::kWord}, {"Sgt.", Next::kWord},
    {"Capt.", Next::kWord}, {"Cpl.", Next::kWord}, {"Pvt.", Next::kWord},
    {"Adm.", Next::kWord}, {"Cmdr.", Next::kWord}, {"Dr.", Next::kWord},
    {"Drs.", Next::kWord}, {"Prof.", Next::kWord}, {"Pres.", Next::kWord},
    {"Rev.", Next::kWord}, {"Hon.", Next::kWord}, {"Atty.", Next::kWord},
    {"Supt.", Next::kWord}, {"Amb.", Next::kWord}, {"Msgr.", Next::kWord},
    {"Mr.", Next::kWord}, {"Mrs.", Next::kWord}, {"Ms.", Next::kWord},
    {"Messrs.", Next::kWord},
    // Places and case names.
    {"St.", Next::kWord}, {"Ste.", Next::kWord}, {"Mt.", Next::kWord},
    {"Ft.", Next::kWord}, {"v.", Next::kWord}, {"vs.", Next::kWord},
    // Before a number.
    {"No.", Next::kNumber}, {"Nos.", Next::kNumber}, {"Jan.", Next::kNumber},
    {"Feb.", Next::kNumber}, {"Mar.", Next::kNumber}, {"Apr.", Next::kNumber},
    {"Jun.", Next::kNumber}, {"Jul.", Next::kNumber}, {"Aug.", Next::kNumber},
    {"Sep.", Next::kNumber}, {"Sept.", Next::kNumber}, {"Oct.", Next::kNumber},
    {"Nov.", Next::kNumber}, {"Dec.", Next::kNumber}, {"Art.", Next::kNumber},
    {"Vol.", Next::kNumber},
    // Before a proper noun.
    {"U.S.", Next::kNonOpener}, {"U.N.", Next::kNonOpener},
    // Before a time zone.
    {"a.m.", Next::kTimeZone}, {"p.m.", Next::kTimeZone},
    {"A.M.", Next::kTimeZone}, {"P.M.", Next::kTimeZone},
};

// Capitalised words that usually open a sentence rather than continue a
// name: after "U.S." or an initial, a break before them stays.
constexpr std::string_view kSentenceOpeners[] = {
    "The", "A", "An", "He", "She", "It", "They", "We", "I", "You", "His", "Her",
    "Its", "Their", "Our", "My", "Your", "This", "That", "These", "Those",
    "There", "Here", "But", "And", "Or", "Nor", "So", "Yet", "Still", "Also",
    "As", "While", "When", "Whether", "If", "In", "On", "At", "For", "From",
    "With", "Without", "After", "Before", "Since", "Until", "Although",
    "Though", "However", "Meanwhile", "Now", "Then", "Instead", "Indeed",
    "Initially", "Many", "Some", "Most", "Few", "All", "Both", "Each", "Every",
    "No", "Not", "What", "Why", "How", "Who", "Where", "Which", "Yes", "Mr.",
    "Mrs.", "Ms.", "Asked", "According", "Even", "Only", "Just", "To", "By",
    "Under", "During", "Despite", "Because", "Like", "Unlike", "Among"};

constexpr std::string_view kTimeZones[] = {
    "EST", "EDT", "ET", "CST", "CDT", "CT", "MST", "MDT", "MT", "PST", "PDT",
    "PT", "GMT", "UTC", "BST", "CET", "CEST", "Eastern", "Central", "Mountain",
    "Pacific", "local"};

// Dotted capitals that name places or bodies, not a person's initials.
constexpr std::string_view kPlaceInitials[] = {
    "U.S.", "U.N.", "U.K.", "E.U.", "D.C.", "L.A.", "N.Y.", "N.J.", "N.H.",
    "N.C.", "S.C.", "N.D.", "S.D.", "N.M.", "R.I.", "P.R.", "U.A.E.", "U.S.A.",
    "U.S.S.R.", "A.M.", "P.M."};

template <std::size_t N>
bool In(const std::string_view (&list)[N], std::string_view w) {
  return std::find(std::begin(list), std::end(list), w) != std::end(list);
}

bool IsLineBreak(UChar32 c) {
  return c == '\n' || c == '\r' || c == 0x0B || c == 0x0C || c == 0x85 ||
         c == 0x2028 || c == 0x2029;
}

// Opening punctuation a word may start with: ( [ " ' “ ‘.
std::string_view StripOpening(std::string_view w) {
  for (;;) {
    if (!w.empty() && (w[0] == '(' || w[0] == '[' || w[0] == '"' || w[0] == '\'')) {
      w.remove_prefix(1);
    } else if (w.size() >= 3 && w.substr(0, 2) == "\xE2\x80" &&
               (w[2] == '\x9C' || w[2] == '\x98')) {
      w.remove_prefix(3);
    } else {
      return w;
    }
  }
}

// Closing punctuation a word may end with: , ; : ) ] " ' ” ’ (not the full
// stop, which belongs to "Mr.").
std::string_view StripClosing(std::string_view w) {
  for (;;) {
    if (!w.empty() && std::string_view(",;:)]\"'!?").find(w.back()) != std::string_view::npos) {
      w.remove_suffix(1);
    } else if (w.size() >= 3 && w.substr(w.size() - 3, 2) == "\xE2\x80" &&
               (w.back() == '\x9D' || w.back() == '\x99')) {
      w.remove_suffix(3);
    } else {
      return w;
    }
  }
}

// The word (a run of non-space) that ends at `end`; *begin is where it begins.
std::string_view WordBefore(std::string_view text, std::size_t end, std::size_t* begin) {
  const auto* s = Bytes(text);
  std::size_t b = end;
  while (b > 0) {
    std::size_t i = b;
    UChar32 c;
    U8_PREV_UNSAFE(s, i, c);
    if (IsSpace(c)) break;
    b = i;
  }
  *begin = b;
  return text.substr(b, end - b);
}

// Moves `*pos` back over white space; false if the space holds a line break.
bool BackOverSpace(std::string_view text, std::size_t* pos) {
  const auto* s = Bytes(text);
  while (*pos > 0) {
    std::size_t i = *pos;
    UChar32 c;
    U8_PREV_UNSAFE(s, i, c);
    if (!IsSpace(c)) break;
    if (IsLineBreak(c)) return false;
    *pos = i;
  }
  return true;
}

// True if `w` is `entry` in capitals: "ST." for "St.", "SEN." for "Sen."
// (datelines and headlines).
bool IsUpperCaseOf(std::string_view w, std::string_view entry) {
  if (w.size() != entry.size()) return false;
  for (std::size_t i = 0; i < w.size(); ++i) {
    const char e = entry[i];
    const char up = (e >= 'a' && e <= 'z') ? static_cast<char>(e - 'a' + 'A') : e;
    if (w[i] != up) return false;
  }
  return true;
}

bool IsDottedCapitals(std::string_view w, std::size_t min, std::size_t max) {
  if (w.size() % 2 != 0 || w.size() < 2 * min || w.size() > 2 * max) return false;
  for (std::size_t i = 0; i < w.size(); i += 2) {
    if (w[i] < 'A' || w[i] > 'Z' || w[i + 1] != '.') return false;
  }
  return true;
}

bool IsCapitalisedName(std::string_view w) {
  if (w.size() < 2 || w[0] < 'A' || w[0] > 'Z') return false;
  for (std::size_t i = 1; i < w.size(); ++i) {
    char c = w[i];
    if (!((c >= 'a' && c <= 'z') || c == '-' || c == '\'' || (c & 0x80))) return false;
  }
  return true;
}

// True if ICU's break at `pos` (after the white space that follows a
// sentence) falls after an abbreviation and should be removed.
bool JoinsAcross(std::string_view text, std::size_t pos) {
  if (pos == 0 || pos >= text.size()) return false;
  const auto* s = Bytes(text);
  // The next word, after any white space; no line break on the way.
  std::size_t n = pos;
  while (n < text.size()) {
    std::size_t i = n;
    UChar32 c;
    U8_NEXT_UNSAFE(s, i, c);
    if (!IsSpace(c)) break;
    if (IsLineBreak(c)) return false;
    n = i;
  }
  std::size_t n_end = n;
  while (n_end < text.size()) {
    std::size_t i = n_end;
    UChar32 c;
    U8_NEXT_UNSAFE(s, i, c);
    if (IsSpace(c)) break;
    n_end = i;
  }
  if (n == n_end) return false;
  std::string_view next = text.substr(n, n_end - n);
  UChar32 first;
  {
    std::size_t i = 0;
    U8_NEXT_UNSAFE(Bytes(next), i, first);
  }
  std::string_view next_word = StripClosing(next);
  if (next_word.size() > 1 && next_word.back() == '.' && !IsDottedCapitals(next_word, 1, 4) &&
      next_word != "Mr." && next_word != "Mrs." && next_word != "Ms.") {
    next_word.remove_suffix(1);
  }
  const bool upper = u_isupper(first);
  const bool opener = In(kSentenceOpeners, next_word);

  // The word before the break.
  std::size_t e = pos;
  if (!BackOverSpace(text, &e) || e == 0) return false;
  std::size_t w_begin = 0;
  std::string_view word = StripOpening(WordBefore(text, e, &w_begin));
  if (word.empty() || word.back() != '.') return false;

  for (const Abbreviation& a : kAbbreviations) {
    if (a.word != word && !IsUpperCaseOf(word, a.word)) continue;
    switch (a.next) {
      case Next::kWord: return u_isalpha(first);
      case Next::kNumber: return u_isdigit(first);
      case Next::kNonOpener: return upper && !opener;
      case Next::kTimeZone: return In(kTimeZones, next_word);
    }
  }
  // A middle initial: "Donald J. Trump", "J. K. Rowling", but not "I.".
  if (IsDottedCapitals(word, 1, 1)) return word != "I." && upper && !opener;
  // Two dotted initials before a name ("J.J. Goldberg"); three only after a
  // name ("George H.W.B. Smith"), since "F.B.I." may end a sentence.
  if (IsDottedCapitals(word, 2, 3) && !In(kPlaceInitials, word) && upper && !opener) {
    if (word.size() == 4) return true;
    std::size_t p = w_begin;
    if (!BackOverSpace(text, &p) || p == 0) return false;
    std::size_t p_begin = 0;
    return IsCapitalisedName(StripOpening(WordBefore(text, p, &p_begin)));
  }
  return false;
}

}  // namespace

void Segmenter::Segment(std::string_view text, std::vector<SentenceSpan>* out) {
  out->clear();
  if (text.empty()) return;
  UErrorCode status = U_ZERO_ERROR;
  // UText over the UTF-8 bytes: ICU's "native" indices are then byte offsets
  // into the original text, with no copy and no UTF-16 conversion.
  UText* ut = utext_openUTF8(nullptr, text.data(), static_cast<int64_t>(text.size()), &status);
  if (U_FAILURE(status)) {
    throw std::runtime_error(std::string("ICU cannot open text: ") + u_errorName(status));
  }
  icu::BreakIterator& bi = *impl_->breaker;
  bi.setText(ut, status);
  if (U_FAILURE(status)) {
    utext_close(ut);
    throw std::runtime_error(std::string("ICU cannot set text: ") + u_errorName(status));
  }
  std::int32_t prev = bi.first();
  for (std::int32_t pos = bi.next(); pos != icu::BreakIterator::DONE; pos = bi.next()) {
    if (impl_->join_abbreviations && JoinsAcross(text, static_cast<std::size_t>(pos))) continue;
    AppendBounded(text, static_cast<std::size_t>(prev), static_cast<std::size_t>(pos),
                  options_.max_sentence_bytes, out);
    prev = pos;
  }
  // Detach the iterator from the text before the UText goes away.
  bi.setText(icu::UnicodeString());
  utext_close(ut);
}

}  // namespace evident
