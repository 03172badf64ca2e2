#include "match/match.h"

#include <re2/filtered_re2.h>
#include <re2/re2.h>
#include <re2/set.h>

#include <algorithm>
#include <optional>

namespace evident {

namespace {

// RE2's budget for each Set's automaton: the compiled program and the cache
// of DFA states, which grows with the variety of the text. Measured on news
// text (PolNeAR train, 22 MB, -j 1): the same time with 256 or 32 MB, 20%
// more with 16 MB, when the cache starts to be emptied and refilled. 32 MB
// bounds memory on any input. A pack whose program does not fit fails to
// load with a clear message instead of matching slowly.
constexpr int64_t kSetMaxMem = 32 << 20;

// A repetition operator of a pattern, outside escapes and character
// classes: '*', '+', or a count "{m}", "{m,}", "{m,n}" at [begin, end).
struct Repeat {
  std::size_t begin = 0, end = 0;
  std::size_t comma = std::string_view::npos;  // of a count with one
  std::optional<std::size_t> max;  // nullopt: no upper bound
};

std::vector<Repeat> Repeats(std::string_view p) {
  std::vector<Repeat> out;
  bool in_class = false;
  auto digits = [&](std::size_t j) {
    while (j < p.size() && p[j] >= '0' && p[j] <= '9') ++j;
    return j;
  };
  for (std::size_t i = 0; i < p.size(); ++i) {
    const char c = p[i];
    if (c == '\\') {
      ++i;
    } else if (in_class) {
      in_class = c != ']';
    } else if (c == '[') {
      in_class = true;
      if (i + 1 < p.size() && p[i + 1] == '^') ++i;
      if (i + 1 < p.size() && p[i + 1] == ']') ++i;  // a literal ] first
    } else if (c == '*' || c == '+') {
      out.push_back({i, i + 1, std::string_view::npos, std::nullopt});
    } else if (c == '{') {
      const std::size_t m_end = digits(i + 1);
      if (m_end == i + 1 || m_end >= p.size()) continue;  // a literal brace
      if (p[m_end] == '}') {
        out.push_back({i, m_end + 1, std::string_view::npos, std::stoul(std::string(p.substr(i + 1, m_end - i - 1)))});
      } else if (p[m_end] == ',') {
        const std::size_t n_end = digits(m_end + 1);
        if (n_end >= p.size() || p[n_end] != '}') continue;
        std::optional<std::size_t> max;
        if (n_end > m_end + 1) max = std::stoul(std::string(p.substr(m_end + 1, n_end - m_end - 1)));
        out.push_back({i, n_end + 1, m_end, max});
      }
    }
  }
  return out;
}

// The Set only picks the rules to run on a sentence, so it may match more
// than the rules do, never less. A counted repetition "x{m,n}" with a large n
// makes n copies of x in the automaton, and with many rules in one DFA the
// copies multiply into more states than any cache holds (measured on news
// text: 0.5 MB/s and 300 MB). In the Set's copy of a pattern it becomes
// "x{m,}", a superset; each candidate rule's own RE2 keeps the exact count.
std::string RelaxCounts(std::string_view p) {
  constexpr std::size_t kMaxCount = 4;
  std::string out;
  std::size_t copied = 0;
  for (const Repeat& r : Repeats(p)) {
    if (r.comma == std::string_view::npos || !r.max || *r.max <= kMaxCount) continue;
    out.append(p.substr(copied, r.comma + 1 - copied));  // up to the comma
    copied = r.end - 1;                                  // the closing brace
  }
  out.append(p.substr(copied));
  return out;
}

RE2::Options RuleOptions(bool case_sensitive) {
  RE2::Options opt;
  opt.set_log_errors(false);
  opt.set_case_sensitive(case_sensitive);
  opt.set_max_mem(kRuleMaxMem);
  return opt;
}

// Whether a pattern can run on over many characters: a loop (*, +, {m,} or
// {m,n} with n > 3), other than the run of white space TolerateTypography
// writes for a space. Many such patterns in one DFA make the states multiply
// (each live loop of each rule, in every combination), so these rules are
// picked by their literals instead.
bool HasLongLoop(std::string_view p) {
  const std::size_t space_plus = kSpaceRun.find('+');
  for (const Repeat& r : Repeats(p)) {
    if (r.begin >= space_plus && p.substr(r.begin - space_plus, kSpaceRun.size()) == kSpaceRun) continue;
    if (r.comma == std::string_view::npos && r.max) continue;  // an exact count "{m}"
    if (!r.max || *r.max > 3) return true;
  }
  return false;
}

// RE2::Set::Match, but when the DFA runs out of memory (a huge pack on a
// pathological sentence) every pattern becomes a candidate: slower, never
// wrong, since each candidate is then matched by its own RE2.
bool SetMatch(const RE2::Set& set, int size, std::string_view text, std::vector<int>* v) {
  RE2::Set::ErrorInfo info;
  if (set.Match(text, v, &info)) return true;
  if (info.kind == RE2::Set::kNoError) return false;
  v->resize(static_cast<std::size_t>(size));
  for (int i = 0; i < size; ++i) (*v)[static_cast<std::size_t>(i)] = i;
  return size > 0;
}

}  // namespace

struct Matcher::CompiledRule {
  std::shared_ptr<const RE2> re;  // the loader's (Rule::compiled), or compiled here
  std::vector<std::shared_ptr<const RE2>> except;
  // The rule's except: patterns in one Set, so one scan tells which occur in
  // a sentence. One Set per rule: all exceptions in one DFA grew its cache
  // by 19 MB on 5.5 MB of news text, as the rules' Set does.
  std::unique_ptr<RE2::Set> except_set;
  int ngroups = 0;  // groups asked of RE2: the whole match and up to the last named one
  int source = -1, cue = -1, content = -1;  // group indexes
};

// Candidates come from two places. `set` holds the patterns of the rules
// without long loops (set_rules maps its indexes to rules). The rules with
// long loops (loop_rules) are in `filter`, which knows for each the literal
// strings ("atoms") one of which any match must contain; `atoms` finds those
// strings.
struct Matcher::SetHolder {
  SetHolder(const RE2::Options& o, const RE2::Options& atom_options)
      : set(o, RE2::UNANCHORED), atoms(atom_options, RE2::UNANCHORED) {}
  RE2::Set set;
  std::vector<int> set_rules;
  re2::FilteredRE2 filter{kMinAtomLength};
  std::vector<int> loop_rules;
  std::vector<bool> unfiltered;  // by filter index: always potential, so in `set` instead
  RE2::Set atoms;
  int num_atoms = 0;

  // Shorter atoms ("of", "a") occur in nearly every sentence and pick nearly
  // every rule; with 3 the default pack's loop rules give about 5
  // candidates per sentence.
  static constexpr int kMinAtomLength = 3;
};

Matcher::Matcher(const Pack& pack) {
  RE2::Options set_options;
  set_options.set_log_errors(false);
  set_options.set_max_mem(kSetMaxMem);
  RE2::Options atom_options = set_options;
  atom_options.set_case_sensitive(false);  // atoms are lower case; a superset is fine
  set_ = std::make_unique<SetHolder>(set_options, atom_options);
  rules_.reserve(pack.rules.size());
  for (std::size_t i = 0; i < pack.rules.size(); ++i) {
    const Rule& rule = pack.rules[i];
    CompiledRule c;
    c.re = rule.compiled ? rule.compiled : std::make_shared<const RE2>(rule.pattern, RuleOptions(rule.case_sensitive));
    if (!c.re->ok()) throw PackError(rule.where, "rule '" + rule.id + "': " + c.re->error());
    const auto& names = c.re->NamedCapturingGroups();
    auto index = [&](const char* name) {
      auto it = names.find(name);
      return it == names.end() ? -1 : it->second;
    };
    c.source = index("source");
    c.cue = index("cue");
    c.content = index("content");
    // Only the groups read below: with none, RE2 finds the match with its
    // automata alone and runs no submatch engine.
    c.ngroups = 1 + std::max({0, c.source, c.cue, c.content});
    if (!rule.except.empty()) c.except_set = std::make_unique<RE2::Set>(RuleOptions(rule.case_sensitive), RE2::UNANCHORED);
    for (std::size_t e = 0; e < rule.except.size(); ++e) {
      const std::string& ex = rule.except[e];
      c.except.push_back(e < rule.compiled_except.size() && rule.compiled_except[e]
                             ? rule.compiled_except[e]
                             : std::make_shared<const RE2>(ex, RuleOptions(rule.case_sensitive)));
      if (!c.except.back()->ok())
        throw PackError(rule.where, "rule '" + rule.id + "': except: " + c.except.back()->error());
      std::string error;
      if (c.except_set->Add(RelaxCounts(ex), &error) != static_cast<int>(c.except.size()) - 1)
        throw PackError(rule.where, "rule '" + rule.id + "': except: " + error);
    }
    if (c.except_set && !c.except_set->Compile())
      throw PackError(rule.where, "rule '" + rule.id + "': its except: patterns exceed RE2's memory budget");
    rules_.push_back(std::move(c));
  }
  // A rule with long loops goes to the filter, unless the filter has no
  // literal to pick it by ("@\\w{2,}": "@" is shorter than an atom) and
  // would run it on every sentence: then the Set takes it after all, and
  // the filter's answer for it is ignored.
  std::vector<bool> in_set(pack.rules.size(), true);
  for (std::size_t i = 0; i < pack.rules.size(); ++i) {
    const Rule& rule = pack.rules[i];
    int id = 0;
    if (HasLongLoop(rule.pattern) &&
        set_->filter.Add(rule.pattern, RuleOptions(rule.case_sensitive), &id) == RE2::NoError) {
      set_->loop_rules.push_back(static_cast<int>(i));
      in_set[i] = false;
    }
  }
  if (!set_->loop_rules.empty()) {
    std::vector<std::string> atoms;
    set_->filter.Compile(&atoms);
    for (const std::string& atom : atoms) {
      std::string error;
      if (set_->atoms.Add(RE2::QuoteMeta(atom), &error) != set_->num_atoms++)
        throw PackError({pack.dir}, "literal '" + atom + "' of the pack's patterns: " + error);
    }
    std::vector<int> always;
    set_->filter.AllPotentials({}, &always);
    set_->unfiltered.resize(set_->loop_rules.size());
    for (int k : always) {
      set_->unfiltered[static_cast<std::size_t>(k)] = true;
      in_set[static_cast<std::size_t>(set_->loop_rules[static_cast<std::size_t>(k)])] = true;
    }
  }
  for (std::size_t i = 0; i < pack.rules.size(); ++i) {
    if (!in_set[i]) continue;
    // One Set with case-sensitive options; each case-insensitive rule says
    // so with an inline flag.
    const Rule& rule = pack.rules[i];
    std::string error;
    const std::string set_pattern = (rule.case_sensitive ? "" : "(?i)") + RelaxCounts(rule.pattern);
    if (set_->set.Add(set_pattern, &error) != static_cast<int>(set_->set_rules.size()))
      throw PackError(rule.where, "rule '" + rule.id + "': " + error);
    set_->set_rules.push_back(static_cast<int>(i));
  }
  if ((!set_->set_rules.empty() && !set_->set.Compile()) || (set_->num_atoms > 0 && !set_->atoms.Compile()))
    throw PackError({pack.dir}, "the pack's patterns exceed RE2's memory budget (" +
                                    std::to_string(kSetMaxMem >> 20) + " MiB); split or simplify them");
}

Matcher::~Matcher() = default;

void Matcher::FindAll(std::string_view text, std::size_t begin, std::size_t end, Scratch* scratch,
                      std::vector<Match>* out, std::vector<Suppression>* suppressed) const {
  const std::string_view sentence = text.substr(begin, end - begin);
  auto& candidates = scratch->candidates;
  candidates.clear();
  auto& found = scratch->found;
  if (!set_->set_rules.empty() && SetMatch(set_->set, static_cast<int>(set_->set_rules.size()), sentence, &found)) {
    for (int k : found) candidates.push_back(set_->set_rules[static_cast<std::size_t>(k)]);
  }
  if (!set_->loop_rules.empty()) {
    found.clear();
    if (set_->num_atoms > 0) SetMatch(set_->atoms, set_->num_atoms, sentence, &found);
    auto& potential = scratch->potential;
    set_->filter.AllPotentials(found, &potential);  // rules without atoms are always potential
    for (int k : potential) {
      if (!set_->unfiltered[static_cast<std::size_t>(k)]) candidates.push_back(set_->loop_rules[static_cast<std::size_t>(k)]);
    }
  }
  if (candidates.empty()) return;
  std::sort(candidates.begin(), candidates.end());
  auto& excepts = scratch->excepts;

  auto to_span = [&](re2::StringPiece g) -> Span {
    if (g.data() == nullptr) return {};
    std::size_t b = begin + static_cast<std::size_t>(g.data() - sentence.data());
    return {b, b + g.size()};
  };

  for (int index : candidates) {
    const CompiledRule& rule = rules_[static_cast<std::size_t>(index)];
    auto& groups = scratch->groups;
    groups.assign(static_cast<std::size_t>(rule.ngroups), re2::StringPiece());
    bool excepts_found = false;
    std::size_t pos = 0;
    while (pos <= sentence.size() &&
           rule.re->Match(sentence, pos, sentence.size(), RE2::UNANCHORED, groups.data(), rule.ngroups)) {
      Match m;
      m.rule = static_cast<std::uint32_t>(index);
      m.whole = to_span(groups[0]);
      if (rule.source > 0) m.source = to_span(groups[static_cast<std::size_t>(rule.source)]);
      if (rule.cue > 0) m.cue = to_span(groups[static_cast<std::size_t>(rule.cue)]);
      if (rule.content > 0) m.content = to_span(groups[static_cast<std::size_t>(rule.content)]);
      m.span = m.cue.empty() ? m.whole : m.cue;
      // Continue after the match; step over one byte after an empty match.
      std::size_t next = m.whole.end - begin;
      pos = next > pos ? next : pos + 1;
      if (m.span.empty()) continue;  // an empty match annotates nothing

      if (!rule.except.empty()) {
        auto& hits = scratch->except_hits;
        if (!excepts_found) {
          // Except patterns run once per sentence and rule, only when needed.
          hits.clear();
          excepts.clear();
          SetMatch(*rule.except_set, static_cast<int>(rule.except.size()), sentence, &excepts);
          std::sort(excepts.begin(), excepts.end());
          for (int k : excepts) {
            const std::size_t e = static_cast<std::size_t>(k);
            re2::StringPiece g;
            std::size_t p = 0;
            while (p <= sentence.size() &&
                   rule.except[e]->Match(sentence, p, sentence.size(), RE2::UNANCHORED, &g, 1)) {
              Span s = to_span(g);
              if (!s.empty()) hits.push_back({s, static_cast<std::uint32_t>(e)});
              std::size_t n = s.end - begin;
              p = n > p ? n : p + 1;
            }
          }
          excepts_found = true;
        }
        bool dropped = false;
        for (const auto& [s, e] : hits) {
          if (s.begin < m.whole.end && m.whole.begin < s.end) {
            if (suppressed) suppressed->push_back({m, e, s});
            dropped = true;
            break;
          }
        }
        if (dropped) continue;
      }
      out->push_back(m);
    }
  }
}

}  // namespace evident
