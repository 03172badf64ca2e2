// Source types and the resolution of pronouns, roles and surnames
// (ClaimExtractor::Impl::ResolveSources, claims/extract.h).
#include <algorithm>
#include <map>
#include <optional>
#include <set>
#include <string>
#include <unordered_map>
#include <vector>

#include "claims/extract.h"

namespace evident {

using namespace claims_internal;  // NOLINT: the stage's own helpers

// Types every claim's source and resolves pronouns, roles and surnames
// (ClaimExtractor::Impl::ResolveSources): one document's named sources, in
// text order, and what the text says of each. The members keep the names
// the stage's code gives them (`m` the extractor, `g` its grammar).
class ClaimExtractor::Impl::SourceResolver {
 public:
  SourceResolver(const Impl& impl, std::string_view text_, const std::vector<Sentence>& sentences_,
                 const std::vector<Annotation>& annotations_, const std::vector<bool>& furniture_,
                 std::vector<Claim>* claims_)
      : m(impl),
        g(impl.pack.lexicon.grammar),
        pack(impl.pack),
        text(text_),
        sentences(sentences_),
        annotations(annotations_),
        furniture(furniture_),
        claims(claims_) {
    // The reach of the contents, for CueInsideOtherContent.
    std::vector<std::size_t> order(claims->size());
    for (std::size_t i = 0; i < order.size(); ++i) order[i] = i;
    std::sort(order.begin(), order.end(),
              [&](std::size_t a, std::size_t b) { return (*claims)[a].content.begin < (*claims)[b].content.begin; });
    ContentReach r{0, 0, 0, false, 0};
    for (std::size_t k = 0; k < order.size(); ++k) {
      const std::size_t i = order[k];
      const Span& content = (*claims)[i].content;
      if (k == 0) {
        r.end1 = content.end;
        r.who1 = i;
      } else if (content.end > r.end1) {
        r.end2 = r.end1;
        r.has2 = true;
        r.end1 = content.end;
        r.who1 = i;
      } else if (!r.has2 || content.end > r.end2) {
        r.end2 = content.end;
        r.has2 = true;
      }
      r.begin = content.begin;
      reach.push_back(r);
    }
  }

  // Types and resolves every claim's source, in place.
  void Run();

 private:
  // Is a claim's cue inside another claim's content? For each content start
  // (sorted), the two largest content ends so far and whose the largest is,
  // so one binary search answers it.
  struct ContentReach {
    std::size_t begin;
    std::size_t end1, who1;  // the largest content end so far, and its claim
    bool has2;               // a second claim so far
    std::size_t end2;        // the largest end among the others
  };
  // A noun phrase that named a source, for the pronouns and roles after it.
  struct Named {
    std::string name;      // "Maria Zakharova"
    std::string full;      // the whole noun phrase, lower-case
    SourceType type;
    char gender = 0;       // 'f' or 'm' when the text says ("Mrs. Clinton", "the spokeswoman"), else 0
    std::size_t at = 0;    // where the noun phrase starts
    bool has_name = false;  // a person's name, not a role alone ("the spokeswoman")
    std::size_t claim = 0;  // whose source it is
  };
  // A person's role without a name ("the spokeswoman", "the Russian top
  // diplomat", "Moscow’s UN envoy") is a person the text names with that
  // role, or another way of writing it (claims.yaml role_synonyms: "the
  // senator" is "Sen. Ana Ruiz"), and with each capitalised word before the
  // role ("Russian", "UN"; a possessor such as "Moscow’s" is not required).
  struct Role {
    std::vector<std::vector<std::string>> ways;  // the role's last word, then its synonyms
    std::vector<std::string> modifiers;          // lower-case
    std::string possessor;                       // "moscow" in "Moscow’s UN envoy"
  };
  // Roles no one before fits, with a capitalised word to go by ("Moscow’s
  // UN envoy"), look ahead for their person ("Russian Ambassador to the UN
  // Vitaly Churkin"), among the named sources that follow.
  struct Ahead {
    std::size_t claim;
    Role role;
    char gender;
    std::size_t from;  // index into `named` of the first source after it
  };
  // "She" whose last person before is a role without a name ("Moscow’s UN
  // envoy") or no one: the person who speaks next in the same paragraph,
  // when nothing but the pronoun's quotations stands between ("She added,
  // “...” Adding, “...,” Samantha Power said.").
  struct PronounAhead {
    std::size_t claim;
    char gender;
    std::size_t from;  // index into `named` of the first source after it
  };
  // A full name met in the body, and where it starts.
  struct KnownName {
    std::size_t at;    // where it starts
    std::string name;  // "Tad Devine"
  };

  // Whether another claim's content holds this claim's cue.
  bool CueInsideOtherContent(std::size_t index);
  // The role a source noun phrase names without a name ("the spokeswoman",
  // "Moscow’s UN envoy"), or nothing.
  std::optional<Role> RoleOf(const std::vector<Token>& st);
  // Adds a noun phrase that named `name` to its descriptions.
  void Describe(const std::string& name, const std::vector<Token>& words);
  // The words before `name` wherever the text writes it near `at` (cached
  // in `titles`), phrases apart.
  const std::vector<std::string>& TitlesOf(const std::string& name, std::size_t at);
  // Whether the text describes `name` with the role: its last word or a
  // synonym, each capitalised modifier, and no other possessor.
  bool DescribedAs(const std::string& name, std::size_t at, const Role& role);
  // Whether the phrase's head, its last word before a preposition, is the
  // record of a finding (claims.yaml document_words): "A new poll", "FEC
  // records", "a POLITICO analysis of FEC records", "Exit polls taken in
  // Ohio"; not "advocates for stem cell research" nor "the Center for
  // Nonproliferation Studies".
  bool DocumentHead(const std::vector<Token>& st) const;
  // Whether a person of gender `have` can be what words of gender `want`
  // refer to (0: the text does not say).
  static bool GenderFits(char want, char have) { return !want || !have || want == have; }
  // The gender the words say ("Mrs.", "the spokesman"): 'f', 'm', or 0 when
  // they say neither or both.
  char GenderOf(const std::vector<Token>& words);
  // The gender the titles before `surname` give it (cached in `titled_gender`).
  char GenderOfSurname(const std::string& surname);
  // Full names in the body ("Tad Devine", "Sen. Ted Cruz"). A surname or a
  // first name alone as a source ("Devine said", "Bernie said") is the person
  // named in full earlier, even when the full name was never a source; a
  // word met after a person's title ("President Obama") is a person too. A
  // full name is two to four capitalised words around the word, without
  // roles, articles, possessives, organisation or media words, outside
  // headlines and furniture. Each word is looked up once per document, at
  // its occurrences only.
  // The full name `word` (as written) is part of, met before byte `before`;
  // nullptr when there is none.
  const std::string* FullNameBefore(std::string_view word, std::size_t before);
  // Whether a capitalised word alone is an ordinary word, not a name: a
  // function word, day or month the grammar lists ("This", "Friday"), or,
  // when it opens its sentence and may be capitalised for that alone
  // ("There", "Having", "Sources"), a word the text also writes in lower
  // case. ("“...,” Will wrote": a modal inside the sentence is a name.)
  bool CommonWord(const Token& t, bool opens_sentence);
  // Whether the text never writes the plural-looking `word` without its
  // final "s", alone or in a longer word ("Sander" for "Sanders"; not
  // "Democrat", "Democratic" for "Democrats"). Looked up once per word.
  bool SingularUnwritten(std::string_view word);
  // Where a look back over `named` stops: kResolveWindow sources back.
  std::vector<Named>::reverse_iterator NamedLimit();

  const Impl& m;
  const ClaimGrammar& g;
  const Pack& pack;
  const std::string_view text;
  const std::vector<Sentence>& sentences;
  const std::vector<Annotation>& annotations;
  const std::vector<bool>& furniture;
  std::vector<Claim>* claims;
  std::vector<ContentReach> reach;
  std::vector<Named> named;  // in text order
  // The words of every noun phrase that named a person, by name, phrases
  // apart: "russian foreign minister sergei lavrov | lavrov".
  std::unordered_map<std::string, std::vector<std::string>> descriptions;
  std::unordered_map<std::string, bool> singular_unwritten;  // SingularUnwritten's answers
  // The words before a name wherever the text writes it ("GOP Sen. John
  // McCain" when only "McCain said"), looked up once per name, within 16 KB
  // either side of a mention: all of an article, and a long document is
  // not read once per name.
  std::unordered_map<std::string, std::vector<std::string>> titles;
  std::vector<Ahead> ahead;
  std::vector<PronounAhead> pronouns_ahead;
  // The gender the text gave a name where it did ("Mr. Sanders ... Sanders said").
  std::unordered_map<std::string, char> gender_of_name;
  // The gender the title before a surname gives it anywhere in the text
  // ("Mr. Rogan", "Ms. Tchen"), when all its titles agree; looked up once
  // per surname.
  std::unordered_map<std::string, char> titled_gender;
  // The word as written -> {the full name it ends, the one it starts, the titled word}.
  std::unordered_map<std::string, std::array<std::optional<KnownName>, 3>> known_names;
  std::unordered_map<std::string, bool> lower_case_words;  // CommonWord's look-ups, per word
  // A pronoun or role looks back at most this many named sources: enough for
  // any article, and a 100,000-claim document stays linear.
  static constexpr std::size_t kResolveWindow = 256;
};

bool ClaimExtractor::Impl::SourceResolver::CueInsideOtherContent(std::size_t index) {
  const Span& cue = (*claims)[index].cue;
  auto it = std::upper_bound(reach.begin(), reach.end(), cue.begin,
                             [](std::size_t v, const ContentReach& r) { return v < r.begin; });
  if (it == reach.begin()) return false;
  --it;
  if (it->who1 != index) return cue.end <= it->end1;
  return it->has2 && cue.end <= it->end2;
}

auto ClaimExtractor::Impl::SourceResolver::RoleOf(const std::vector<Token>& st) -> std::optional<Role> {
  const Token& head = st.back();
  if (head.upper || head.punct || !m.person_roles.Contains(head.lower) ||
      (EndsWith(head.lower, "s") && !EndsWith(head.lower, "ss")))
    return std::nullopt;  // a name, or people ("the senators")
  if (std::any_of(st.begin(), st.end(), [](const Token& t) { return t.punct; }))
    return std::nullopt;  // "Jay DiPietro, the club's president": a name in apposition
  std::size_t from = 0;
  if (st[0].lower == "the") {
    from = 1;
  } else {
    for (std::size_t k = 0; k + 1 < st.size(); ++k)
      if (IsPossessive(st[k])) from = k + 1;
    if (from == 0) return std::nullopt;  // "a senator" is someone new
  }
  Role role;
  if (from > 0 && IsPossessive(st[from - 1])) role.possessor = WithoutPossessive(st[from - 1].lower);
  for (std::size_t k = from; k + 1 < st.size(); ++k) {
    if (st[k].upper && !m.person_roles.Contains(st[k].lower)) role.modifiers.push_back(st[k].lower);
  }
  if (st.size() - from >= 2 && g.role_prefixes.count(st[st.size() - 2].lower)) {
    role.ways.push_back({st[st.size() - 2].lower, head.lower});  // "the vice president": that role only
    return role;
  }
  role.ways.push_back({head.lower});
  for (const auto& group : m.role_synonyms) {
    const bool written = std::any_of(group.begin(), group.end(), [&](const std::vector<std::string>& way) {
      if (way.size() > st.size() - from) return false;
      for (std::size_t k = 0; k < way.size(); ++k)
        if (st[st.size() - way.size() + k].lower != way[k]) return false;
      return true;
    });
    if (written) role.ways.insert(role.ways.end(), group.begin(), group.end());
  }
  return role;
}

void ClaimExtractor::Impl::SourceResolver::Describe(const std::string& name, const std::vector<Token>& words) {
  std::vector<std::string>& d = descriptions[name];
  d.emplace_back();  // no phrase runs across two noun phrases
  for (const Token& t : words) d.push_back(t.lower);
}

const std::vector<std::string>& ClaimExtractor::Impl::SourceResolver::TitlesOf(const std::string& name,
                                                                                std::size_t at) {
  auto [entry, fresh] = titles.try_emplace(name);
  if (!fresh) return entry->second;
  constexpr std::size_t kTitleReach = 16 << 10;
  const std::size_t lo = at > kTitleReach ? at - kTitleReach : 0;
  const std::string_view region = text.substr(0, std::min(text.size(), at + kTitleReach));
  for (std::size_t pos = region.find(name, lo); pos != std::string_view::npos; pos = region.find(name, pos + 1)) {
    if (pos > 0 && std::isalnum(static_cast<unsigned char>(text[pos - 1]))) continue;
    constexpr std::size_t kReach = 60;  // bytes: four words
    std::size_t from = pos > kReach ? pos - kReach : 0;
    while (from > 0 && (static_cast<unsigned char>(text[from]) & 0xC0) == 0x80) --from;
    const std::vector<Token> before = Tokenize(text, from, pos);
    std::size_t b = before.size();
    auto title_word = [&](const Token& t) {  // not "Gov. Ruiz of" before "New Jersey"
      return m.IsNpWord(t) && !g.determiners.count(t.lower) && !g.post_modifier_prepositions.count(t.lower) &&
             !g.not_in_noun_phrase.count(t.lower);
    };
    const std::size_t whole = from > 0 ? 1 : 0;  // the first word may be cut
    while (b > whole && before.size() - b < 4 && title_word(before[b - 1])) --b;
    entry->second.emplace_back();
    for (std::size_t k = b; k < before.size(); ++k) entry->second.push_back(before[k].lower);
  }
  return entry->second;
}

bool ClaimExtractor::Impl::SourceResolver::DescribedAs(const std::string& name, std::size_t at, const Role& role) {
  auto d = descriptions.find(name);
  if (d == descriptions.end()) return false;
  const std::vector<std::string>& said = d->second;
  const std::vector<std::string>& written = TitlesOf(name, at);
  auto in = [&](const std::vector<std::string>& words, const std::vector<std::string>& phrase) {
    for (auto it = words.begin(); (it = std::search(it, words.end(), phrase.begin(), phrase.end())) != words.end();
         ++it)
      if (it == words.begin() || !g.role_prefixes.count(*(it - 1))) return true;  // not "vice president"
    return false;
  };
  auto has = [&](const std::vector<std::string>& phrase) { return in(said, phrase) || in(written, phrase); };
  // "Grayson's spokeswoman" is not "Murphy’s spokeswoman Galia Slayen".
  if (!role.possessor.empty()) {
    bool other = false, same = false;
    for (const auto* words : {&said, &written})
      for (const std::string& w : *words) {
        if (PossessiveEnding(w)) (WithoutPossessive(w) == role.possessor ? same : other) = true;
      }
    if (other && !same) return false;
  }
  return std::any_of(role.ways.begin(), role.ways.end(), has) &&
         std::all_of(role.modifiers.begin(), role.modifiers.end(),
                     [&](const std::string& w) { return has(std::vector<std::string>{w}); });
}

bool ClaimExtractor::Impl::SourceResolver::DocumentHead(const std::vector<Token>& st) const {
  std::size_t end = st.size();
  for (std::size_t k = 1; k < st.size(); ++k)
    if (g.prepositions.count(st[k].lower) || g.post_modifier_prepositions.count(st[k].lower)) {
      end = k;
      break;
    }
  // "Exit polls taken in South Carolina": a participle after the head.
  while (end > 1 && !st[end - 1].upper && (EndsWith(st[end - 1].lower, "ed") || EndsWith(st[end - 1].lower, "en")))
    --end;
  if (end == 0) return false;
  const Token& head = st[end - 1];
  // A capitalised head is part of a name ("Census Bureau", "... Studies"),
  // unless it opens the sentence's phrase ("Polls show").
  return m.document_words.Contains(head.lower) && (!head.upper || end == 1);
}

char ClaimExtractor::Impl::SourceResolver::GenderOf(const std::vector<Token>& words) {
  const bool female = m.female_words.AnyIn(words, 0, words.size());
  const bool male = m.male_words.AnyIn(words, 0, words.size());
  return female == male ? 0 : female ? 'f' : 'm';
}

char ClaimExtractor::Impl::SourceResolver::GenderOfSurname(const std::string& surname) {
  auto [entry, fresh] = titled_gender.try_emplace(surname, 0);
  if (!fresh || surname.empty()) return entry->second;
  bool female = false, male = false;
  for (std::size_t pos = text.find(surname); pos != std::string_view::npos; pos = text.find(surname, pos + 1)) {
    const std::size_t end = pos + surname.size();
    if (end < text.size() && std::isalpha(static_cast<unsigned char>(text[end]))) continue;
    if (pos < 2 || text[pos - 1] != ' ') continue;
    std::size_t b = pos - 1;
    while (b > 0 && (std::isalpha(static_cast<unsigned char>(text[b - 1])) || text[b - 1] == '.')) --b;
    const std::string title = Lower(text.substr(b, pos - 1 - b));
    female = female || m.female_words.Contains(title);
    male = male || m.male_words.Contains(title);
  }
  entry->second = female == male ? 0 : female ? 'f' : 'm';
  return entry->second;
}

bool ClaimExtractor::Impl::SourceResolver::CommonWord(const Token& t, bool opens_sentence) {
  const std::string& w = t.lower;
  if (!opens_sentence && IsNameModal(w)) return false;  // "Will", "Theresa May"
  if (g.determiners.count(w) || g.not_in_noun_phrase.count(w) || g.clause_openers.count(w) ||
      g.sentence_adverbs.count(w) || g.quantifier_subjects.count(w) || g.number_words.count(w) ||
      g.prepositions.count(w) || g.question_auxiliaries.count(w) || g.days.count(w) || g.months.count(w) ||
      m.vague_words.Contains(w) || (m.pre_cue.Contains(w) && opens_sentence))
    return true;
  if (!opens_sentence) return false;
  auto [entry, fresh] = lower_case_words.try_emplace(w, false);
  if (!fresh) return entry->second;
  auto word_char = [](char ch) { return std::isalnum(static_cast<unsigned char>(ch)) || (ch & 0x80) != 0; };
  for (std::size_t pos = text.find(w); pos != std::string_view::npos; pos = text.find(w, pos + 1)) {
    const std::size_t end = pos + w.size();
    if ((pos == 0 || !word_char(text[pos - 1])) && (end == text.size() || !word_char(text[end]))) {
      entry->second = true;
      break;
    }
  }
  return entry->second;
}

bool ClaimExtractor::Impl::SourceResolver::SingularUnwritten(std::string_view word) {
  auto [entry, fresh] = singular_unwritten.try_emplace(std::string(word), true);
  if (!fresh) return entry->second;
  const std::string_view one = word.substr(0, word.size() - 1);
  for (std::size_t pos = text.find(one); pos != std::string_view::npos; pos = text.find(one, pos + 1)) {
    const std::size_t after = pos + one.size();
    if (after >= text.size() || text[after] != 's') return entry->second = false;
  }
  return true;
}

const std::string* ClaimExtractor::Impl::SourceResolver::FullNameBefore(std::string_view word, std::size_t before) {
  auto [entry, fresh] = known_names.try_emplace(std::string(word));
  std::array<std::optional<KnownName>, 3>& found = entry->second;
  auto capital = [](const Token& t) { return !t.punct && (t.upper || t.name_part) && !IsPossessive(t); };
  for (std::size_t pos = fresh ? text.find(word) : std::string_view::npos;
       pos != std::string_view::npos && !found[0]; pos = text.find(word, pos + 1)) {
    auto after = std::upper_bound(sentences.begin(), sentences.end(), pos,
                                  [](std::size_t v, const Sentence& x) { return v < x.span.begin; });
    if (after == sentences.begin()) continue;
    const Sentence& s = *(after - 1);
    if (pos >= s.span.end || furniture[s.index]) continue;
    constexpr std::size_t kReach = 80;  // bytes either side: four words of any name
    const std::size_t from = std::max(s.span.begin, pos >= kReach ? pos - kReach : 0);
    const std::vector<Token> w = Tokenize(text, from, std::min(s.span.end, pos + word.size() + kReach));
    std::size_t i = 0;
    while (i < w.size() && w[i].begin < pos) ++i;
    if (i == w.size() || w[i].begin != pos || w[i].end != pos + word.size() || !capital(w[i]))
      continue;  // not a whole capitalised word
    std::size_t k = i, e = i + 1;
    while (k > 0 && capital(w[k - 1])) --k;
    while (e < w.size() && capital(w[e])) ++e;
    std::size_t b = k;
    while (b < e && (g.determiners.count(w[b].lower) || g.not_in_noun_phrase.count(w[b].lower) ||
                     g.question_auxiliaries.count(w[b].lower) || m.person_roles.Contains(w[b].lower)))
      ++b;
    for (std::size_t x = b; x < i; ++x)  // "GOP Sen. John McCain": the name after the title
      if (m.person_roles.Contains(w[x].lower)) b = x + 1;
    if (b > i || m.organisation_words.AnyIn(w, b, e) || m.media_words.AnyIn(w, b, e) ||
        m.person_roles.AnyIn(w, b, e))
      continue;
    if (e - b >= 2 && e - b <= 4) {
      KnownName n{w[b].begin, std::string(text.substr(w[b].begin, w[e - 1].end - w[b].begin))};
      if (i + 1 == e) found[0] = std::move(n);
      else if (i == b && !found[1]) found[1] = std::move(n);
    } else if (e - b == 1 && b > k && m.person_roles.Contains(w[b - 1].lower) && !found[2]) {
      found[2] = KnownName{pos, std::string(word)};
    }
  }
  for (const std::optional<KnownName>& f : found)
    if (f && f->at < before) return &f->name;
  return nullptr;
}

auto ClaimExtractor::Impl::SourceResolver::NamedLimit() -> std::vector<Named>::reverse_iterator {
  return named.size() > kResolveWindow ? named.rbegin() + static_cast<std::ptrdiff_t>(kResolveWindow) : named.rend();
}

void ClaimExtractor::Impl::SourceResolver::Run() {
  for (Claim& c : *claims) {
    if (c.source.empty()) {
      if (c.cue_annotation) {
        // A cue without a named source: "It has been suggested", "there have been reports".
        c.source_type = SourceType::kVague;
      }
      continue;
    }
    // A relative pronoun is typed and named by its antecedent.
    Span named_span = c.antecedent.empty() ? c.source : c.antecedent;
    std::vector<Token> st = Tokenize(text, named_span.begin, named_span.end);
    // "Does Rubio think ...?": the auxiliary opening a question is not part of the name.
    if (c.antecedent.empty() && st.size() > 1 && st[0].upper && g.question_auxiliaries.count(st[0].lower) &&
        st[1].upper) {
      c.source.begin = named_span.begin = st[1].begin;
      st.erase(st.begin());
    }
    if (st.empty()) continue;
    // "The senator from Vermont", "Exit polls taken in South Carolina": a
    // prepositional phrase after the head says where or whose. The head
    // gives the type and the name ("Vermont" is no one's name), and the
    // phrase's capitalised words describe a role ("the senator" from
    // Vermont). Not when a role and a name follow: "The Council on
    // American-Islamic Relations National Executive Director Nihad Awad".
    std::vector<std::string> pp_modifiers;
    bool post_modified = false;
    for (std::size_t k = 1; k + 1 < st.size(); ++k) {
      if (st[k].punct) break;  // "Russell Wheeler, a fellow at ...": a name in apposition
      if (st[k].lower == "of" || st[k].lower == "for" || !g.post_modifier_prepositions.count(st[k].lower)) continue;
      auto noun = [&](const Token& t) { return m.IsNpNoun(t.lower) && !g.determiners.count(t.lower); };
      const bool after_head =
          noun(st[k - 1]) ||
          (k >= 2 && !st[k - 1].upper && (EndsWith(st[k - 1].lower, "ed") || EndsWith(st[k - 1].lower, "en")) &&
           noun(st[k - 2]));
      // (A preposition, not an adjective: "an inside source".)
      const Token& next = st[k + 1];
      const bool object = next.upper || g.determiners.count(next.lower) || g.quantifier_subjects.count(next.lower) ||
                          std::isdigit(static_cast<unsigned char>(next.lower[0]));
      if (after_head && object && !m.person_roles.AnyIn(st, k + 1, st.size())) {
        for (std::size_t x = k + 1; x < st.size(); ++x)
          if (st[x].upper) pp_modifiers.push_back(st[x].lower);
        st.resize(k);
        post_modified = true;
      }
      break;
    }
    // 1. A source annotation inside the source span says what kind it is.
    std::optional<SourceType> kind;
    const Sentence& s = sentences[c.sentence];
    // (A weasel counts only without one: "reports on some Islamist social
    // media sites" is social media.)
    bool weasel = false;
    for (std::size_t i = s.first_annotation; i < s.first_annotation + s.num_annotations && !kind; ++i) {
      const Annotation& an = annotations[i];
      if (an.span.begin >= named_span.end || named_span.begin >= an.span.end) continue;
      const Rule& r = pack.rules[an.rule];
      weasel = weasel || r.category == Category::kWeasel;
      if (r.category != Category::kSource) continue;
      if (r.type == "rumor") kind = SourceType::kVague;
      else if (auto t = ParseSourceType(r.type)) kind = *t;
    }
    if (!kind && weasel) kind = SourceType::kVague;
    const Token& head = st.back();
    const char gender = GenderOf(st);  // "she", "Mrs. Ruiz", "the spokesman"; 0 when the words do not say
    std::optional<std::string> resolved;
    if (st.size() == 1 && m.IsPronoun(head)) {
      const bool person = m.person_pronouns.Contains(head.lower);
      bool named_person = false;
      for (auto it = named.rbegin(); it != NamedLimit(); ++it) {
        if (!GenderFits(gender, it->gender)) continue;
        if (person ? it->type == SourceType::kPerson
                   : (it->type == SourceType::kOrganisation || it->type == SourceType::kMedia)) {
          resolved = it->name;
          named_person = it->has_name;
          if (!kind) kind = it->type;
          break;
        }
      }
      if (person && !named_person && !c.quoted_in)
        pronouns_ahead.push_back({static_cast<std::size_t>(&c - claims->data()), gender, named.size()});
      if (!kind) kind = person ? SourceType::kPerson : SourceType::kOrganisation;
    } else if (st.size() == 1 && m.speaker_pronouns.Contains(head.lower)) {
      if (!kind) kind = SourceType::kPerson;  // "I": a quotation's speaker resolves below
    } else if (st.size() == 1 && m.addressee_pronouns.Contains(head.lower)) {
      if (!kind) kind = SourceType::kVague;  // "You've been talking about ...": the text names no one
    } else {
      // "he and Mr. Allen", "Ruiz and Diaz": two people. (Not "Ana Ruiz, the
      // president and founder": one person described.)
      const bool coordinated =
          st.size() >= 3 && ((m.person_pronouns.Contains(st[0].lower) && st[1].lower == "and") ||
                             (std::any_of(st.begin(), st.end(), [](const Token& t) { return t.lower == "and"; }) &&
                              std::all_of(st.begin(), st.end(), [](const Token& t) {
                                return t.upper || t.lower == "and" || t.lower == ",";
                              })));
      const bool all_lower_role = st.front().lower == "the" && std::none_of(st.begin() + 1, st.end(), [](const Token& t) {
                                    return t.upper;
                                  });
      // "Pete Lane, a consultant whose firm ...": a name, then a description
      // in apposition. The name is the part before the comma; a person role
      // in the description makes it a person.
      std::size_t name_end = st.size();
      for (std::size_t k = 1; k < st.size(); ++k) {
        if (st[k].lower != ",") continue;
        bool name = true;
        for (std::size_t x = 0; x < k; ++x) name = name && (st[x].upper || st[x].name_part);
        if (name) name_end = k;
        break;
      }
      if (!kind && name_end < st.size() && m.person_roles.AnyIn(st, name_end + 1, st.size()) &&
          !m.organisation_words.AnyIn(st, 0, name_end) && !m.media_words.AnyIn(st, 0, name_end))
        kind = SourceType::kPerson;
      if (!kind) {
        const bool name_after_role = m.person_roles.AnyIn(st, 0, st.size()) && head.upper &&
                                     !m.person_roles.Contains(head.lower) && !m.organisation_words.Contains(head.lower) &&
                                     !m.media_words.Contains(head.lower);
        // "The president of the union", "the head of the group": the head
        // before "of" is one person's role.
        auto one_role = [&](const Token& t) {
          return m.person_roles.Contains(t.lower) && !m.organisation_words.Contains(t.lower) &&
                 (!EndsWith(t.lower, "s") || EndsWith(t.lower, "ss"));
        };
        const auto of = std::find_if(st.begin() + 1, st.end(), [](const Token& t) { return t.lower == "of"; });
        if (name_after_role) kind = SourceType::kPerson;  // "Foreign Ministry spokeswoman Maria Zakharova"
        else if (one_role(head) || (of != st.end() && one_role(*(of - 1)) &&
                                    // (not "the secretary of state's website")
                                    std::none_of(of, st.end(), [](const Token& t) { return IsPossessive(t); })))
          kind = SourceType::kPerson;  // the head noun is one person's role: "Moscow's UN envoy"
        else if (DocumentHead(st))
          kind = SourceType::kDocument;  // a finding's record: "A new poll", "FEC records"
        else if (m.media_words.AnyIn(st, 0, st.size())) kind = SourceType::kMedia;
        else if (m.organisation_words.AnyIn(st, 0, st.size())) kind = SourceType::kOrganisation;
        else if (m.person_roles.AnyIn(st, 0, st.size())) kind = SourceType::kPerson;
        else if (m.vague_words.AnyIn(st, 0, st.size()) || (st.size() == 1 && g.quantifier_subjects.count(head.lower)))
          kind = SourceType::kVague;  // "critics", "Both"
        else if (st.size() == 1 && head.upper) {
          // "Moscow", "Russia": a place standing for its government; "NATO",
          // "CBS": an acronym; "Democrats", "Americans": a group. Any other
          // name alone is a person's ("Trump said"), and so is a speaker's
          // label ("TAPPER:", "A:").
          // (Without a possessive ending: "Trump's" is Trump's.)
          std::string_view word = text.substr(head.begin, head.end - head.begin);
          word.remove_suffix(PossessiveEnding(word));
          const std::string bare = Lower(word);
          const bool acronym = IsAllCapitals(word);
          // (A plural: "Democrats", "Millennials"; not "Ross", "Cyrus", "Louis".
          // "Sanders" is a person when the text named him in full before.)
          const bool group = EndsWith(bare, "s") && !EndsWith(bare, "ss") && !EndsWith(bare, "us") &&
                             !EndsWith(bare, "is");
          // ("BuzzFeed", "HuffPost": a capital inside the word, not after
          // Mc, Mac, De, Di, La or Le as in "McCain", "DeSantis".)
          bool camel = false;
          for (std::size_t k = 2; k < word.size() && !camel; ++k) {
            if (!std::isupper(static_cast<unsigned char>(word[k])) ||
                !std::islower(static_cast<unsigned char>(word[k - 1])))
              continue;
            const std::string_view prefix = word.substr(0, k);
            camel = prefix != "Mc" && prefix != "Mac" && prefix != "De" && prefix != "Di" && prefix != "La" &&
                    prefix != "Le" && prefix != "Van" && prefix != "Von";
          }
          // (A word capitalised only because it opens the sentence, "There",
          // "Sources" or "Having", names no one.)
          const std::size_t sentence_begin = sentences[c.sentence].span.begin;
          const bool opens_sentence =
              sentence_begin <= head.begin &&
              std::all_of(text.begin() + static_cast<std::ptrdiff_t>(sentence_begin),
                          text.begin() + static_cast<std::ptrdiff_t>(head.begin), [](char ch) {
                            return !std::isalnum(static_cast<unsigned char>(ch));
                          });
          // (What names no one whatever the text says elsewhere; a plural
          // may still be a surname, below.)
          const bool not_a_name = m.non_person_names.Contains(bare) || acronym || camel || EndsWith(bare, "ing") ||
                                  m.IsPronoun(head) || CommonWord(head, opens_sentence);
          kind = IsSpeakerLabel(text, c.source, c.cue) || !(not_a_name || group) ? SourceType::kPerson
                                                                                 : SourceType::kOrganisation;
          for (auto it = named.rbegin(); it != NamedLimit(); ++it) {
            if (it->type == SourceType::kPerson && EndsWithWord(Lower(it->name), head.lower)) {
              kind = SourceType::kPerson;
              break;
            }
          }
          // "Devine said", with "Tad Devine" earlier in the text; a name
          // that looks plural ("Sanders said") also with the full name later,
          // when the text never writes its singular, alone or in a longer
          // word ("Republican", "Democratic"), and no place heads it ("New
          // Hampshire Democrats").
          if (*kind != SourceType::kPerson && FullNameBefore(word, c.source.begin))
            kind = SourceType::kPerson;
          if (*kind != SourceType::kPerson && group && !not_a_name) {
            const std::string* full = FullNameBefore(word, text.size());
            if (full && SingularUnwritten(word)) {
              const std::vector<Token> fw = Tokenize(*full, 0, full->size());
              if (!fw.empty() && !m.non_person_names.MatchAt(fw, 0) && !m.organisation_words.AnyIn(fw, 0, fw.size()))
                kind = SourceType::kPerson;
            }
          }
        } else if (std::all_of(st.begin(), st.end(), [](const Token& t) { return t.upper || t.punct; })) {
          // ("North Korea", "New Hampshire": a place.)
          const bool place = m.non_person_names.MatchAt(st, 0) == st.size();
          kind = st.front().lower == "the" || place ? SourceType::kOrganisation : SourceType::kPerson;
        } else if (st.front().lower == "the" &&
                   std::all_of(st.begin() + 1, st.end(), [](const Token& t) { return t.upper || t.punct; })) {
          kind = SourceType::kOrganisation;  // "the United States", "the Kremlin": people take no article
        } else if (coordinated) {
          // "he and Brafman", "Ruiz and Diaz": people, unless a place or a
          // company is among them ("Russia and China").
          kind = std::any_of(st.begin(), st.end(), [this](const Token& t) {
                   return m.non_person_names.Contains(t.lower);
                 })
                     ? SourceType::kOrganisation
                     : SourceType::kPerson;
        } else if (st.size() >= 3 && !g.determiners.count(st.front().lower) && st[st.size() - 1].upper &&
                   st[st.size() - 2].upper && !st[st.size() - 2].punct) {
          kind = SourceType::kPerson;  // a description, then a full name: "retired neurosurgeon Ben Carson"
        } else {
          kind = SourceType::kVague;
        }
      }
      std::optional<Role> role = *kind == SourceType::kPerson ? RoleOf(st) : std::nullopt;
      if (role) role->modifiers.insert(role->modifiers.end(), pp_modifiers.begin(), pp_modifiers.end());
      const Named* fits = nullptr;
      for (auto it = named.rbegin(); role && it != NamedLimit() && !fits; ++it)
        if (it->has_name && it->type == SourceType::kPerson && GenderFits(gender, it->gender) &&
            DescribedAs(it->name, it->at, *role))
          fits = &*it;
      if (fits) {
        resolved = fits->name;
        if (!CueInsideOtherContent(static_cast<std::size_t>(&c - claims->data()))) {
          // The person is the last one named now, for a "she" that follows.
          Named again = *fits;
          again.full = Lower(text.substr(named_span.begin, named_span.size()));
          again.at = named_span.begin;
          again.claim = static_cast<std::size_t>(&c - claims->data());
          if (!again.gender) again.gender = gender;
          Describe(again.name, st);
          named.push_back(std::move(again));
        }
      } else if (all_lower_role) {
        // "the ministry", "the newspaper": the last named source with that
        // word, whose type it takes, as a pronoun does ("The report" of a
        // newspaper), or a person's role an unnamed source had ("a senior
        // official" ... "the official").
        for (auto it = named.rbegin(); it != NamedLimit() && !resolved; ++it) {
          if (role && it->has_name) continue;  // a person's name: the role did not fit
          if (m.person_roles.Contains(Lower(it->name))) continue;  // "Witnesses" names no one
          if (it->full.find(head.lower) == std::string::npos) continue;
          if (!std::all_of(pp_modifiers.begin(), pp_modifiers.end(),  // "the government in Beijing"
                           [&](const std::string& w) { return it->full.find(w) != std::string::npos; }))
            continue;
          resolved = it->name;
          kind = it->type;
        }
      } else if (*kind == SourceType::kPerson && coordinated) {
        // No one name stands for both, and a later "he" means neither.
      } else {
        // The name: trailing capitalised words that are not roles ("Maria Zakharova").
        std::size_t nb = name_end;
        if (*kind == SourceType::kPerson) {
          // (Title case is not a name: "Don't Let The Media And Marco Rubio"
          // ends at "And"; "Will Doyle" and "Theresa May" keep theirs.)
          auto function_word = [this](const std::string& w) {
            return g.determiners.count(w) > 0 || (g.not_in_noun_phrase.count(w) > 0 && !IsNameModal(w));
          };
          auto name_word = [&](const Token& t) {
            return (t.upper || t.name_part) && !m.person_roles.Contains(t.lower) &&
                   !m.organisation_words.Contains(t.lower) && !function_word(t.lower);
          };
          while (nb > 0 && name_word(st[nb - 1])) --nb;
          // "Sen. Ana Ruiz of Ohio", "Mayor Frank G. Jackson of Cleveland":
          // the name is before "of" and the place, after a title or role
          // (or two words or more before a place of at most two). Not "Half
          // of Vermont Democrats", nor "Supervisor of Elections Susan Bucher".
          if (nb >= 2 && nb < name_end && st[nb - 1].lower == "of" && name_word(st[nb - 2]) &&
              !m.IsNpNoun(st[nb - 2].lower)) {
            std::size_t b = nb - 1;
            while (b > 0 && name_word(st[b - 1]) && !m.IsNpNoun(st[b - 1].lower)) --b;
            const bool titled = b > 0 && m.person_roles.Contains(st[b - 1].lower);
            if (titled || (nb - 1 - b >= 2 && name_end - nb <= 2)) {
              name_end = nb - 1;
              nb = b;
            }
          }
        } else {
          nb = 0;
          while (nb < name_end && g.determiners.count(st[nb].lower)) ++nb;
        }
        if (nb == name_end) nb = 0;
        // Whether the head is a name: a capital that is no role ("Farmers in
        // all three counties say", capitalised as the sentence opens, name no one).
        const Token& last = st[name_end - 1];
        const bool head_named = (last.upper || last.name_part) && !m.person_roles.Contains(last.lower);
        std::string name(text.substr(st[nb].begin, st[name_end - 1].end - st[nb].begin));
        // ("people in Ohio" is named by all its words; "The senator from
        // Vermont" has no name.)
        if (post_modified && !(*kind == SourceType::kPerson && head_named))
          name = std::string(text.substr(st[nb].begin, c.source.end - st[nb].begin));
        // A surname alone resolves to the full name met earlier.
        if (*kind == SourceType::kPerson && nb + 1 == name_end) {
          bool found = false;
          // ("Mrs. Clinton" is not a man named Clinton.)
          for (auto it = named.rbegin(); it != NamedLimit() && !found; ++it) {
            if (!GenderFits(gender, it->gender)) continue;
            // (A capitalised word is a surname, not the place ending "protest organizers in Cleveland".)
            if (it->type == SourceType::kPerson && (it->has_name || !std::isupper(static_cast<unsigned char>(name[0]))) &&
                EndsWithWord(it->name, name)) {
              name = it->name;
              found = true;
            }
          }
          if (!found) {
            const std::string_view surname = text.substr(st[nb].begin, st[nb].end - st[nb].begin);
            if (const std::string* full = FullNameBefore(surname, c.source.begin))
              name = *full;
          }
        }
        // A source inside another claim's content ("rejected Russia's claims")
        // is not what a later "it" or "she" refers to.
        const bool nested = CueInsideOtherContent(static_cast<std::size_t>(&c - claims->data()));
        if (!nested) {
          char known = *kind == SourceType::kPerson ? gender : 0;
          if (known) gender_of_name[name] = known;
          else if (auto it = gender_of_name.find(name); it != gender_of_name.end()) known = it->second;
          else if (*kind == SourceType::kPerson && name.find(' ') != std::string::npos)
            known = GenderOfSurname(name.substr(name.rfind(' ') + 1));
          const bool has_name = *kind == SourceType::kPerson && head_named;
          named.push_back({name, Lower(text.substr(named_span.begin, named_span.size())), *kind, known,
                           named_span.begin, has_name, static_cast<std::size_t>(&c - claims->data())});
          if (has_name) Describe(name, st);
          if (role && !role->modifiers.empty())
            ahead.push_back({static_cast<std::size_t>(&c - claims->data()), *role, gender, named.size()});
        }
        // ("The New York Times" is not resolved to "New York Times".)
        const bool only_determiner_dropped =
            name_end == st.size() && nb > 0 &&
            std::all_of(st.begin(), st.begin() + static_cast<std::ptrdiff_t>(nb),
                        [this](const Token& t) { return g.determiners.count(t.lower) > 0; });
        if (name != text.substr(c.source.begin, c.source.size()) && !only_determiner_dropped) resolved = name;
      }
    }
    c.source_type = *kind;
    if (!resolved && !c.antecedent.empty()) resolved = std::string(text.substr(c.antecedent.begin, c.antecedent.size()));
    if (resolved) c.resolved = *resolved;
  }

  // A role named by a person who comes after: "Moscow’s UN envoy accused
  // ..." and, two paragraphs on, "Russian Ambassador to the UN Vitaly
  // Churkin". Within a few paragraphs and a window of named sources.
  constexpr std::size_t kAheadReach = 2000;  // bytes
  for (const Ahead& a : ahead) {
    Claim& c = (*claims)[a.claim];
    const std::size_t last = std::min(named.size(), a.from + kResolveWindow);
    for (std::size_t k = a.from; k < last; ++k) {
      const Named& n = named[k];
      if (n.at > c.source.begin + kAheadReach) break;
      if (!n.has_name || n.type != SourceType::kPerson || !GenderFits(a.gender, n.gender)) continue;
      if (!DescribedAs(n.name, n.at, a.role)) continue;
      c.resolved = n.name;
      break;
    }
  }

  for (const PronounAhead& p : pronouns_ahead) {
    if (p.from >= named.size()) continue;
    const Named& n = named[p.from];  // the next speaker named, and no one between
    Claim& c = (*claims)[p.claim];
    const Claim& speaker = (*claims)[n.claim];
    if (!n.has_name || n.type != SourceType::kPerson || !GenderFits(p.gender, n.gender) ||
        n.at < c.source.end || text.substr(c.source.end, n.at - c.source.end).find('\n') != std::string_view::npos ||
        !OpensWithQuote(text, speaker.content) || speaker.cue.begin < speaker.content.end)
      continue;
    c.resolved = n.name;
  }
  // (The first person inside a quotation is resolved by Extract, once the
  // quotations that run on have their speakers: ResolveFirstPerson.)
}

void ClaimExtractor::Impl::ResolveFirstPerson(std::string_view text, std::vector<Claim>* claims) const {
  for (Claim& c : *claims) {
    if (!c.quoted_in || c.source.empty()) continue;
    if (!speaker_pronouns.Contains(Lower(text.substr(c.source.begin, c.source.size())))) continue;
    const Claim& speaker = (*claims)[*c.quoted_in];
    if (speaker.source.empty()) continue;
    c.source_type = speaker.source_type;
    c.resolved = speaker.resolved.empty() ? std::string(text.substr(speaker.source.begin, speaker.source.size()))
                                          : speaker.resolved;
  }
}

void ClaimExtractor::Impl::ResolveSources(std::string_view text, const std::vector<Sentence>& sentences,
                                          const std::vector<Annotation>& annotations,
                                          const std::vector<bool>& furniture, std::vector<Claim>* claims) const {
  SourceResolver(*this, text, sentences, annotations, furniture, claims).Run();
}


}  // namespace evident
