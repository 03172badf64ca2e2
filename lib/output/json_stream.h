// json_stream: JSON written straight into a string, without building a DOM.
//
// The JSON Lines writer emits millions of small objects; building an
// nlohmann::json tree for each costs more than everything else evident does.
// JsonStream appends keys and values directly. Escaping and number formatting
// are nlohmann's own (its serializer), so the bytes are exactly what
// json::dump() would write; a string with nothing to escape is copied as is.
//
//   std::string out;
//   evident::JsonStream j(&out);
//   j.Raw("{\"id\":");  j.String(doc.id);  j.Raw(",\"score\":");  j.Number(0.25);  j.Raw("}");
#ifndef EVIDENT_OUTPUT_JSON_STREAM_H_
#define EVIDENT_OUTPUT_JSON_STREAM_H_

#include <charconv>
#include <cstddef>
#include <string>
#include <string_view>

#include <nlohmann/json.hpp>

namespace evident {

class JsonStream {
 public:
  explicit JsonStream(std::string* out)
      : out_(out),
        serializer_(nlohmann::detail::output_adapter<char>(*out), ' ',
                    nlohmann::json::error_handler_t::replace) {}

  // Appends bytes that are already JSON (punctuation, keys, pre-rendered parts).
  void Raw(std::string_view json) { out_->append(json); }
  void Char(char c) { out_->push_back(c); }

  // Appends s as a JSON string. s must be valid UTF-8 (the reader checks
  // every document), so escaping cannot fail; non-ASCII stays UTF-8.
  void String(std::string_view s) {
    out_->push_back('"');
    if (NeedsEscape(s)) {
      // dump() of a string value writes it quoted; the held string is
      // reused, so escaping allocates only while it grows.
      out_->pop_back();
      scratch_.get_ref<std::string&>().assign(s);
      serializer_.dump(scratch_, false, false, 0);
    } else {
      out_->append(s);
      out_->push_back('"');
    }
  }

  void Number(std::size_t n) {
    char buf[24];
    auto r = std::to_chars(buf, buf + sizeof buf, n);
    out_->append(buf, r.ptr);
  }

  // Doubles as json::dump() writes them (shortest round-trip form).
  void Number(double d) { serializer_.dump(nlohmann::json(d), false, false, 0); }

  // What nlohmann escapes when ensure_ascii is off: '"', '\\' and controls.
  static bool NeedsEscape(std::string_view s) {
    for (char c : s)
      if (c == '"' || c == '\\' || static_cast<unsigned char>(c) < 0x20) return true;
    return false;
  }

 private:
  std::string* out_;
  nlohmann::detail::serializer<nlohmann::json> serializer_;
  nlohmann::json scratch_ = std::string();
};

}  // namespace evident

#endif  // EVIDENT_OUTPUT_JSON_STREAM_H_
