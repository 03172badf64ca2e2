// claims: who says what, assembled from a sentence's annotations.
//
// A Claim is a proposition the text puts forward: attributed content (source +
// cue + content), or a sentence the writer asserts without attribution
// (source type kAuthor). Spans are bytes into the document text.
//
// The ClaimExtractor turns each attribution or denial annotation into a claim:
// the source is the noun phrase before the cue (or after it: "..., said X"),
// or the speaker named beside a quotation; the content is what follows the
// cue (without "that"), the quotation, or what precedes an inverted
// "..., X said". Pronouns and roles ("she", "the ministry") resolve to the
// last compatible named source. A denial that names whose claims it rejects
// ("rejected Russia's claims") marks that source's claims as disputed.
// Headlines, bylines and boilerplate (the pack's claims.yaml) make no claims.
//
//   evident::ClaimExtractor extractor(pack);  // immutable, share it
//   extractor.Extract(text, sentences, annotations, &claims);
#ifndef EVIDENT_CLAIMS_CLAIMS_H_
#define EVIDENT_CLAIMS_CLAIMS_H_

#include <cstddef>
#include <cstdint>
#include <memory>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "resolve/resolve.h"
#include "rules/rules.h"

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

// The id of the i-th claim (from 0) of a document: "c1", "c2", ...
std::string ClaimId(std::size_t index);
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
  Span antecedent;             // for a relative pronoun source ("who"): the noun phrase it stands for
  Span cue;                    // empty for author claims
  std::optional<std::size_t> cue_annotation;  // index into the annotations
  Span content;
  std::string stance = "asserted";
  std::vector<std::size_t> disputed_by;  // indexes of denial claims
  bool quoted = false;         // the cue lies inside a quotation: a quoted speaker's own attribution
  std::optional<std::size_t> quoted_in;  // index of the claim whose content holds that quotation
  // For a sentence that opens with a quotation and has no cue of its own,
  // right after a sentence with a speaker (“...,” she said. “More.”): the
  // index of the claim whose speaker it continues. Source and cue are that
  // claim's; the cue annotation stays with that claim.
  std::optional<std::size_t> continues;
  Span scope;                  // the text whose markers count for the claim (set by the scorer)
  Evidence evidence;
};

// The claim's flags, in this order: "disputed" (another source in the text
// denies it), "quoted" (its cue lies inside a quotation), "continuation"
// (a quotation going on from the sentence before, under its speaker).
std::vector<std::string_view> ClaimFlags(const Claim& c);

class ClaimExtractor {
 public:
  // Throws PackError if a boilerplate pattern does not compile.
  explicit ClaimExtractor(const Pack& pack);
  ~ClaimExtractor();
  ClaimExtractor(const ClaimExtractor&) = delete;
  ClaimExtractor& operator=(const ClaimExtractor&) = delete;

  // Replaces *claims with the claims of one document, in text order.
  // Evidence is left for the scorer.
  void Extract(std::string_view text, const std::vector<Sentence>& sentences,
               const std::vector<Annotation>& annotations, std::vector<Claim>* claims) const;

  // True when the sentence is a headline, byline or boilerplate: no claims.
  // (`annotations` are the document's: a short line whose cue ends it
  // before a colon introduces the block below.)
  bool IsFurniture(std::string_view text, const Sentence& sentence, const std::vector<Annotation>& annotations) const;

 private:
  // Furniture by its words and shape alone.
  bool FurnitureShape(std::string_view text, const Sentence& sentence) const;

  struct Impl;
  const Pack& pack_;
  std::unique_ptr<Impl> impl_;
};

}  // namespace evident

#endif  // EVIDENT_CLAIMS_CLAIMS_H_
