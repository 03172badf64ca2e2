// WebAnno TSV 3.3, the tab-separated format WebAnno and INCEpTION import and
// export: one NAME.tsv per document. Written the way INCEpTION's own writer
// (Tsv3XSerializer) writes it, since that is what its reader expects:
//
//   #FORMAT=WebAnno TSV 3.3
//   #T_SP=webanno.custom.Evident|category|subtype|rule|message
//   #T_SP=webanno.custom.EvidentClaim|claim|role|score|label
//   <blank>
//   <blank>
//   #Text=<the sentence, escaped>
//   1-1<TAB>0-7<TAB>Zakharova<TAB>_<TAB>...<TAB>*[3]<TAB>Source<TAB>...<TAB>
//   <blank line between sentences>
//
// Offsets count UTF-16 code units (Java's char), whatever --offsets says.
// Tokens are the sentence's runs of non-space characters, also cut where a
// marker or claim part begins or ends, so every annotation covers whole
// tokens. An annotation over several tokens, or stacked with another of its
// layer on one token, carries a disambiguation id `[n]` (unique in the
// document). Feature values escape \ [ ] | _ -> ; * tab and newline with a
// backslash; #Text lines escape tab, CR, backslash and control characters.
// Token text is written as is (it holds no tab or line break).
//
// Layers, which must exist (as custom span layers with these string features)
// in the INCEpTION project before importing (docs/formats.md):
//   webanno.custom.Evident: one span per marker;
//   webanno.custom.EvidentClaim: one span per part (Source, Cue, Content) of
//     each attributed claim, with its claim id, score and label. Author claims
//     (whole sentences without a cue) are left out, as in brat.
#include <algorithm>
#include <array>
#include <cstdio>
#include <optional>

#include "output/output.h"

namespace evident {

namespace {

constexpr int kFeatures = 4;
constexpr std::array<std::string_view, 2> kLayerHeaders = {
    "#T_SP=webanno.custom.Evident|category|subtype|rule|message\n",
    "#T_SP=webanno.custom.EvidentClaim|claim|role|score|label\n",
};

bool IsSpace(char c) { return c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == '\f' || c == '\v'; }

// Escaping.escapeValue of INCEpTION, after turning control characters (which
// its reader would split lines at, or not read back) into spaces.
void EscapeValue(std::string_view v, std::string* out) {
  if (v.empty()) {
    out->push_back('*');  // a null feature value
    return;
  }
  for (std::size_t i = 0; i < v.size(); ++i) {
    const char c = v[i];
    if (c == '\t') {
      out->append("\\t");
    } else if (c == '\n') {
      out->append("\\n");
    } else if (static_cast<unsigned char>(c) < 0x20 || c == 0x7F) {
      out->push_back(' ');
    } else if (c == '-' && i + 1 < v.size() && v[i + 1] == '>') {
      out->append("\\->");
      ++i;
    } else {
      if (std::string_view("\\[]|_;*").find(c) != std::string_view::npos) out->push_back('\\');
      out->push_back(c);
    }
  }
}

// Escaping.escapeText of INCEpTION, for #Text lines.
void EscapeText(std::string_view line, std::string* out) {
  for (char c : line) {
    const auto b = static_cast<unsigned char>(c);
    switch (c) {
      case '\t': out->append("\\t"); break;
      case '\n': out->append("\\n"); break;
      case '\f': out->append("\\f"); break;
      case '\r': out->append("\\r"); break;
      case '\b': out->append("\\b"); break;
      case '\\': out->append("\\\\"); break;
      default:
        if (b < 0x20 && !(b > 7 && b < 14)) out->push_back('\\');
        out->push_back(c);
    }
  }
}

class WebannoWriter final : public Writer {
 public:
  explicit WebannoWriter(const Pack& pack) : pack_(pack) {}

  bool WritesFolder() const override { return true; }

  void Render(const AnnotatedDocument& a, std::string* out) const override {
    if (!a.errors.empty() || a.doc == nullptr) return;
    AppendFile(".tsv", Tsv(a), out);
  }

 private:
  struct Item {
    Span span;
    std::array<std::string, kFeatures> values;
    std::size_t first = 0, last = 0;  // tokens [first, last)
    std::optional<std::size_t> id;
  };
  struct Token {
    Span span;
    std::size_t sentence = 0, index = 0;  // 1-based
  };

  std::string Tsv(const AnnotatedDocument& a) const {
    const std::string_view text = a.doc->text;
    std::array<std::vector<Item>, 2> layers;
    for (const Annotation& an : a.annotations) {
      const Rule& rule = pack_.rules[an.rule];
      Item it;
      it.span = an.span;
      it.values = {std::string(CategoryName(rule.category)), rule.type, rule.id, rule.message};
      layers[0].push_back(std::move(it));
    }
    for (std::size_t i = 0; i < a.claims.size(); ++i) {
      const Claim& c = a.claims[i];
      if (c.cue.empty()) continue;
      char score[32];
      std::snprintf(score, sizeof score, "%.2f", c.evidence.score);
      auto part = [&](Span s, const char* role) {
        if (s.empty()) return;
        Item it;
        it.span = s;
        it.values = {ClaimId(i), role, score, c.evidence.label};
        layers[1].push_back(std::move(it));
      };
      part(c.source, "Source");
      part(c.cue, "Cue");
      part(c.content, "Content");
    }
    std::stable_sort(layers[1].begin(), layers[1].end(), [](const Item& x, const Item& y) {
      return std::make_pair(x.span.begin, x.span.end) < std::make_pair(y.span.begin, y.span.end);
    });

    // Tokens: non-space runs of each sentence, cut at every annotation edge.
    std::vector<std::size_t> cuts;
    for (const auto& layer : layers)
      for (const Item& it : layer) {
        cuts.push_back(it.span.begin);
        cuts.push_back(it.span.end);
      }
    std::sort(cuts.begin(), cuts.end());
    cuts.erase(std::unique(cuts.begin(), cuts.end()), cuts.end());
    std::vector<Token> tokens;
    std::vector<std::size_t> first_token(a.sentences.size() + 1);
    for (std::size_t s = 0; s < a.sentences.size(); ++s) {
      first_token[s] = tokens.size();
      const Span span = a.sentences[s].span;
      std::size_t index = 0;
      auto cut = std::lower_bound(cuts.begin(), cuts.end(), span.begin);
      for (std::size_t at = span.begin; at < span.end;) {
        if (IsSpace(text[at])) {
          ++at;
          continue;
        }
        std::size_t end = at;
        while (end < span.end && !IsSpace(text[end])) ++end;
        while (cut != cuts.end() && *cut <= at) ++cut;
        if (cut != cuts.end() && *cut < end) end = *cut;
        tokens.push_back({{at, end}, s + 1, ++index});
        at = end;
      }
    }
    first_token[a.sentences.size()] = tokens.size();

    // Which tokens each annotation covers; which need a disambiguation id.
    std::array<std::vector<std::vector<std::size_t>>, 2> cover;
    std::size_t next_id = 0;
    for (int l = 0; l < 2; ++l) {
      cover[l].resize(tokens.size());
      for (std::size_t i = 0; i < layers[l].size(); ++i) {
        Item& it = layers[l][i];
        it.first = std::partition_point(tokens.begin(), tokens.end(),
                                        [&](const Token& t) { return t.span.end <= it.span.begin; }) -
                   tokens.begin();
        it.last = std::partition_point(tokens.begin(), tokens.end(),
                                       [&](const Token& t) { return t.span.begin < it.span.end; }) -
                  tokens.begin();
        for (std::size_t t = it.first; t < it.last; ++t) cover[l][t].push_back(i);
      }
      std::vector<bool> needs(layers[l].size());
      for (std::size_t i = 0; i < layers[l].size(); ++i) needs[i] = layers[l][i].last - layers[l][i].first > 1;
      for (const auto& on : cover[l])
        if (on.size() > 1)
          for (std::size_t i : on) needs[i] = true;
      for (std::size_t i = 0; i < layers[l].size(); ++i)
        if (needs[i]) layers[l][i].id = ++next_id;
    }

    const OffsetConverter u16(text, OffsetUnit::kUtf16);
    std::string tsv = "#FORMAT=WebAnno TSV 3.3\n";
    for (std::string_view h : kLayerHeaders) tsv.append(h);
    tsv.push_back('\n');
    for (std::size_t s = 0; s < a.sentences.size(); ++s) {
      tsv.push_back('\n');
      std::string_view sentence = text.substr(a.sentences[s].span.begin, a.sentences[s].span.size());
      for (std::size_t from = 0;;) {
        const std::size_t lf = sentence.find('\n', from);
        tsv.append("#Text=");
        EscapeText(sentence.substr(from, lf == std::string_view::npos ? std::string_view::npos : lf - from), &tsv);
        tsv.push_back('\n');
        if (lf == std::string_view::npos) break;
        from = lf + 1;
      }
      for (std::size_t t = first_token[s]; t < first_token[s + 1]; ++t) {
        const Token& tok = tokens[t];
        tsv.append(std::to_string(tok.sentence) + "-" + std::to_string(tok.index) + "\t" +
                   std::to_string(u16(tok.span.begin)) + "-" + std::to_string(u16(tok.span.end)) + "\t");
        tsv.append(text.substr(tok.span.begin, tok.span.size()));
        tsv.push_back('\t');
        for (int l = 0; l < 2; ++l) {
          for (int f = 0; f < kFeatures; ++f) {
            const auto& on = cover[l][t];
            if (on.empty()) tsv.push_back('_');
            for (std::size_t k = 0; k < on.size(); ++k) {
              const Item& it = layers[l][on[k]];
              if (k > 0) tsv.push_back('|');
              EscapeValue(it.values[f], &tsv);
              if (it.id) {
                tsv += '[';
                tsv += std::to_string(*it.id);
                tsv += ']';
              }
            }
            tsv.push_back('\t');
          }
        }
        tsv.push_back('\n');
      }
    }
    return tsv;
  }

  const Pack& pack_;
};

}  // namespace

std::unique_ptr<Writer> MakeWebannoWriter(const Pack& pack) { return std::make_unique<WebannoWriter>(pack); }

}  // namespace evident
