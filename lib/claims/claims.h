// claims: who says what, assembled from a sentence's annotations.
//
// A Claim is a proposition the text puts forward: attributed content (source +
// cue + content), or a sentence the writer asserts without attribution
// (source type kAuthor). Spans are bytes into the document text.
#ifndef EVIDENT_CLAIMS_CLAIMS_H_
#define EVIDENT_CLAIMS_CLAIMS_H_

#include <cstddef>
#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "match/match.h"

namespace evident {

enum class SourceType {
  kAuthor,        // the writer, asserting without attribution
  kPerson,        // a named person, or a pronoun resolved to one
  kOrganisation,  // a ministry, a government, a company, a country
  kMedia,         // a newspaper, an agency, a broadcaster
  kAnonymous,     // "a source", "officials who spoke on condition of anonymity"
  kSocialMedia,   // "posts on Telegram"
  kDocument,      // "court records", "a leaked memo"
  kVague,         // "reports", "some say", "critics"
};
inline constexpr int kNumSourceTypes = 8;
std::string_view SourceTypeName(SourceType t);  // "author", "person", ...
std::optional<SourceType> ParseSourceType(std::string_view name);

// One thing that moved a claim's evidence score.
struct Factor {
  std::string kind;    // "prior", "annotation", "disputed", ...
  std::optional<std::uint32_t> rule;        // index into Pack::rules
  std::optional<std::size_t> annotation;    // index into the document's annotations
  double effect = 0.0;
  std::string message;  // why, in plain words
};

struct Evidence {
  double score = 0.0;   // in [0, 1]
  std::string label;    // "unsupported", "weak", "moderate", "strong"
  std::vector<Factor> factors;
};

struct Claim {
  std::size_t sentence = 0;
  Span source;                 // empty when the text names no source
  SourceType source_type = SourceType::kAuthor;
  std::string resolved;        // the named source a pronoun or role refers to
  Span cue;                    // empty for author claims
  std::optional<std::size_t> cue_annotation;  // index into the annotations
  Span content;
  std::string stance = "asserted";
  std::vector<std::size_t> disputed_by;  // indexes of denial claims
  Evidence evidence;
};

}  // namespace evident

#endif  // EVIDENT_CLAIMS_CLAIMS_H_
