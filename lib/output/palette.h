// palette: one colour per category, for every writer that draws them.
//
// The Okabe & Ito (2008) colour-blind-safe palette, in Category order, with
// whether text on the colour is white (else black). The HTML report and
// brat's visual.conf both use it, so a category looks the same in each.
#ifndef EVIDENT_OUTPUT_PALETTE_H_
#define EVIDENT_OUTPUT_PALETTE_H_

#include <array>

#include "rules/rules.h"

namespace evident {

struct CategoryColour {
  const char* background;  // "#E69F00"
  bool white_text;         // text on `background` is white, else black
};

inline constexpr std::array<CategoryColour, kNumCategories> kCategoryColours = {{
    {"#E69F00", false},  // hedge
    {"#D55E00", true},   // booster
    {"#0072B2", true},   // attribution
    {"#CC79A7", false},  // evidence_absent
    {"#009E73", true},   // evidence_present
    {"#000000", true},   // denial
    {"#56B4E9", false},  // source
    {"#F0E442", false},  // weasel
}};

inline const CategoryColour& ColourOf(Category c) { return kCategoryColours[static_cast<std::size_t>(c)]; }

}  // namespace evident

#endif  // EVIDENT_OUTPUT_PALETTE_H_
