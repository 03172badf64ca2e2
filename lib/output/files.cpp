// Bundles of files and safe file names, for the per-document formats.
#include <unicode/utf8.h>

#include <algorithm>
#include <charconv>
#include <cstdint>

#include "output/output.h"
#include "read/read.h"

namespace evident {

// A bundle is a sequence of `NAME<TAB>SIZE<LF>BYTES`: the size makes any
// bytes safe inside, and the names come from the writers, never from text.
void AppendFile(std::string_view name, std::string_view bytes, std::string* bundle) {
  bundle->append(name);
  bundle->push_back('\t');
  bundle->append(std::to_string(bytes.size()));
  bundle->push_back('\n');
  bundle->append(bytes);
}

bool SplitFiles(std::string_view bundle, std::vector<OutputFile>* files) {
  files->clear();
  while (!bundle.empty()) {
    const std::size_t tab = bundle.find('\t');
    const std::size_t lf = bundle.find('\n');
    if (tab == std::string_view::npos || lf == std::string_view::npos || tab > lf || tab == 0) return false;
    std::size_t size = 0;
    auto [end, ec] = std::from_chars(bundle.data() + tab + 1, bundle.data() + lf, size);
    if (ec != std::errc() || end != bundle.data() + lf || size > bundle.size() - lf - 1) return false;
    files->push_back({bundle.substr(0, tab), bundle.substr(lf + 1, size)});
    bundle.remove_prefix(lf + 1 + size);
  }
  return true;
}

std::string FileStems::Next(std::string_view id) {
  constexpr std::size_t kMax = 100;
  const bool utf8 = !FindInvalidText(id).has_value();
  std::string stem;
  for (char c : id) {
    const auto b = static_cast<std::uint8_t>(c);
    const bool keep = (b >= 'a' && b <= 'z') || (b >= 'A' && b <= 'Z') || (b >= '0' && b <= '9') || c == '-' ||
                      c == '_' || c == '.' || (b >= 0x80 && utf8);
    if (stem.empty() && c == '.') continue;  // no hidden files, no "." or ".."
    if (c == '.' && stem.back() == '.') {       // no ".." anywhere
      stem.push_back('_');
      continue;
    }
    stem.push_back(keep ? c : '_');
  }
  if (stem.size() > kMax) {
    std::int32_t cut = kMax;
    U8_SET_CP_START(reinterpret_cast<const std::uint8_t*>(stem.data()), 0, cut);  // whole code points
    stem.resize(static_cast<std::size_t>(cut));
  }
  if (stem.empty()) stem = "document";
  auto lower = [](std::string s) {
    for (char& c : s)
      if (c >= 'A' && c <= 'Z') c = static_cast<char>(c - 'A' + 'a');
    return s;
  };
  std::string name = stem;
  for (int n = 2;; ++n) {
    if (used_.insert(lower(name)).second) return name;
    name = stem + "-" + std::to_string(n);
  }
}

}  // namespace evident
