#include "claims/claims.h"

#include <catch2/catch.hpp>

#include "annotate/annotate.h"

using evident::AnnotatedDocument;
using evident::Annotator;
using evident::Claim;
using evident::Document;

namespace {

const Annotator& Default() {
  static const Annotator annotator(evident::LoadPack(EVIDENT_RULES_DIR));
  return annotator;
}

struct Got {
  std::string source, type, resolved, cue, content;
};

// A text annotated with the default pack, and the words of its spans.
// Neither copied nor moved: `out` points into `doc`.
struct Annotated {
  explicit Annotated(const std::string& text) {
    auto scratch = Default().NewScratch();
    doc.id = "t";
    doc.text = text;
    Default().Annotate(doc, scratch.get(), &out);
  }
  Annotated(const Annotated&) = delete;
  Annotated& operator=(const Annotated&) = delete;
  std::string part(evident::Span s) const { return doc.text.substr(s.begin, s.size()); }

  Document doc;
  AnnotatedDocument out;
};

std::vector<Got> Claims(const std::string& text) {
  const Annotated a(text);
  std::vector<Got> got;
  for (const Claim& c : a.out.claims)
    got.push_back({a.part(c.source), std::string(evident::SourceTypeName(c.source_type)), c.resolved,
                   a.part(c.cue), a.part(c.content)});
  return got;
}

// The claims that have a cue (not the writer's own sentences), in text order.
std::vector<Got> ClaimsWithCue(const std::string& text) {
  std::vector<Got> with_cue;
  for (const Got& g : Claims(text))
    if (!g.cue.empty()) with_cue.push_back(g);
  return with_cue;
}

}  // namespace

TEST_CASE("attribution structures give source, cue and content", "[claims]") {
  struct Case {
    const char* name;
    std::string text;
    Got want;  // the first claim
  };
  const std::vector<Case> cases = {
      {"X said that", "The mayor said that the bridge would reopen in June.",
       {"The mayor", "person", "", "said", "the bridge would reopen in June"}},
      {"X claimed DAY that", "Russia claimed Wednesday that the strike hit a depot.",
       {"Russia", "organisation", "", "claimed", "the strike hit a depot"}},
      {"X accused Y of", "The ministry accused the rebels of shelling the town.",
       {"The ministry", "organisation", "", "accused", "the rebels of shelling the town"}},
      {"quote, X said", "\u201CWe will not leave,\u201D Health Minister Ana Ruiz said on Monday.",
       {"Health Minister Ana Ruiz", "person", "Ana Ruiz", "said", "\u201CWe will not leave,\u201D"}},
      {"quote, said X", "\u201CWe will not leave,\u201D said Ana Ruiz.",
       {"Ana Ruiz", "person", "", "said", "\u201CWe will not leave,\u201D"}},
      {"X said: quote", "The ministry said: \u201COur troops have withdrawn.\u201D",
       {"The ministry", "organisation", "", "said", "\u201COur troops have withdrawn.\u201D"}},
      {"inverted", "The bridge will reopen in June, the mayor said.",
       {"the mayor", "person", "", "said", "The bridge will reopen in June"}},
      // A relative clause with a claim of its own ends the content before it.
      {"X accused Y of Z, which W claimed", "Ana Ruiz faulted the council for rejecting a mission, which Diaz claimed "
       "had become a farce.",
       {"Ana Ruiz", "person", "", "faulted", "the council for rejecting a mission"}},
      // A participle between a subject and its verb ends before the verb.
      {"X, noting Y, said Z", "Sen. Ana Ruiz, noting the size of the crowd, said the talks failed.",
       {"Sen. Ana Ruiz", "person", "Ana Ruiz", "noting", "the size of the crowd"}},
      // So does an ellipsis before a participle cue.
      {"X said Y\u2026 saying", "Ana Ruiz said the council understands the concerns\u2026 saying that talks go on.",
       {"Ana Ruiz", "person", "", "said", "the council understands the concerns"}},
      // A relative pronoun is the source and resolves to the noun phrase before it.
      {"X, which said", "The agency, which said the dam was safe, closed the road.",
       {"which", "organisation", "The agency", "said", "the dam was safe"}},
      {"X who said", "It was the neighbours who said the water was rising.",
       {"who", "person", "the neighbours", "said", "the water was rising"}},
      // A title keeps its full stop, and a party tag in brackets is skipped.
      {"Sen. X said", "Sen. Ana Ruiz said the bill would pass.",
       {"Sen. Ana Ruiz", "person", "Ana Ruiz", "said", "the bill would pass"}},
      {"X (party) said", "Rep. Ana Ruiz (D-Ore.) said the bill would pass.",
       {"Rep. Ana Ruiz", "person", "Ana Ruiz", "said", "the bill would pass"}},
      // The medium between the cue and "that" is not content.
      {"said in a letter to Y that", "The mayor said in a letter to the council that the bridge was unsafe.",
       {"The mayor", "person", "", "said", "the bridge was unsafe"}},
      {"said to Y that", "The mayor said to reporters that the bridge was unsafe.",
       {"The mayor", "person", "", "said", "the bridge was unsafe"}},
      {"X concluded, quote", "The judge concluded, \u201CThere is no case to answer.\u201D",
       {"The judge", "person", "", "concluded", "\u201CThere is no case to answer.\u201D"}},
      {"According to X, ...", "According to the fire brigade, the blaze started at midnight.",
       {"the fire brigade", "vague", "", "According to", "the blaze started at midnight"}},
      {"..., according to X", "The blaze started at midnight, according to the fire brigade.",
       {"the fire brigade", "vague", "", "according to", "The blaze started at midnight"}},
      {"possessive noun claim", "Officials rejected Moscow's claims about the convoy.",
       {"Moscow", "organisation", "", "claims", "the convoy"}},
      {"noun claim with its agent", "There were claims by the ministry that the convoy carried arms.",
       {"the ministry", "organisation", "", "claims", "the convoy carried arms"}},
      {"... after another cue, the agent with lower-case nouns",
       "The agency rejected allegations by intelligence officials that the messages were classified.",
       {"intelligence officials", "person", "", "allegations", "the messages were classified"}},
      {"... and with 'from' before the clause", "The mayor faced criticism from rivals that the dam was unsafe.",
       {"rivals", "person", "", "criticism", "the dam was unsafe"}},
      {"a bare noun claim after another cue names no one",
       "The agency rejected allegations that the convoy carried arms.",
       {"", "vague", "", "allegations", "the convoy carried arms"}},
      {"author", "The river rose two metres overnight.", {"", "author", "", "", "The river rose two metres overnight"}},
      {"doubled apostrophes as quotes", "''The dam will hold,'' the spokesman said.",
       {"the spokesman", "person", "", "said", "''The dam will hold,''"}},
      {"an opening mark that closes", "\u201CThe dam will hold,\u201C said Ana Ruiz.",
       {"Ana Ruiz", "person", "", "said", "\u201CThe dam will hold,\u201C"}},
      {"an inner quotation closing with the doubled apostrophes", "''They call it 'the wall,''' the spokesman said.",
       {"the spokesman", "person", "", "said", "''They call it 'the wall,'''"}},
      {"in a poll", "The senator leads by six points in a new statewide poll.",
       {"a new statewide poll", "document", "", "in", "The senator leads by six points"}},
      {"day between source and cue", "The coach on Friday criticized the referees.",
       {"The coach", "person", "", "criticized", "the referees"}},
      {"parenthetical between source and cue", "The mayor, meanwhile, said the bridge would reopen.",
       {"The mayor", "person", "", "said", "the bridge would reopen"}},
      {"clause opener is not a source", "When asked about the delay, the mayor said the bridge would reopen.",
       {"the mayor", "person", "", "said", "the bridge would reopen"}},
      // Issue #4, second pass.
      {"name, description, said", "Pete Lane, a consultant whose firm works for the mayor, said the plan would fail.",
       {"Pete Lane, a consultant whose firm works for the mayor", "person", "Pete Lane", "said", "the plan would fail"}},
      {"contracted pronoun", "He's said the bridge is safe.", {"He", "person", "", "said", "the bridge is safe"}},
      {"progressive cue", "The mayor is arguing that the bridge is safe.",
       {"The mayor", "person", "", "arguing", "the bridge is safe"}},
      {"coordinated verb", "The mayor visited the site and later said the bridge was safe.",
       {"The mayor", "person", "", "said", "the bridge was safe"}},
      {"participle after an opening phrase", "In a speech on Monday, the mayor visited the crew, saying the bridge was safe.",
       {"the mayor", "person", "", "saying", "the bridge was safe"}},
      {"statement as channel", "The union issued a statement saying the strike would go on.",
       {"The union", "organisation", "", "saying", "the strike would go on"}},
      {"restrictive relative clause", "Officials who spoke with reporters said the talks had failed.",
       {"Officials", "person", "", "said", "the talks had failed"}},
      {"mixed quotation marks", "\"We will not leave,\u201D Ana Ruiz said.",
       {"Ana Ruiz", "person", "", "said", "\"We will not leave,\u201D"}},
      {"declined to comment", "A spokesman for the mayor declined to comment.",
       {"A spokesman for the mayor", "person", "", "declined", "to comment"}},
      {"citing", "The agency put turnout at 61 percent, citing the election commission.",
       {"The agency", "organisation", "", "citing", "the election commission"}},
      {"inverted with a nested cue", "The mayor promised to fix the road, the aide said.",
       {"the aide", "person", "", "said", "The mayor promised to fix the road"}},
      {"agent of a passive cue", "The senator was asked by the moderator whether she would run.",
       {"the moderator", "person", "", "asked", "whether she would run"}},
      {"inverted, speaker with modifiers", "Turnout will be low, the mayor's longtime adviser Ana Ruiz stated.",
       {"the mayor's longtime adviser Ana Ruiz", "person", "Ana Ruiz", "stated", "Turnout will be low"}},
      {"as X reported,", "Last week, as the paper reported, the council sold the land.",
       {"the paper", "media", "", "reported", "the council sold the land"}},
      {"unknown lower-case noun", "Corporate insurers describe the rule as a burden.",
       {"Corporate insurers", "vague", "", "describe", "the rule as a burden"}},
      // Issue #4, third pass.
      {"noun phrase with a prepositional phrase", "Farmers in all three counties say the drought is over.",
       {"Farmers in all three counties", "person", "", "say", "the drought is over"}},
      {"appositive role with of", "Ana Ruiz, president of the union, said the strike would go on.",
       {"Ana Ruiz, president of the union", "person", "Ana Ruiz", "said", "the strike would go on"}},
      {"appositive after a conjunction", "But Ana Ruiz, the union's deputy director, said the strike would go on.",
       {"Ana Ruiz, the union's deputy director", "person", "Ana Ruiz", "said", "the strike would go on"}},
      {"time phrase before the subject", "Hours later, the mayor visited the site and then said the plan was sound.",
       {"the mayor", "person", "", "said", "the plan was sound"}},
      {"sentence adverb before the subject", "Still, the mayor visited the site and then said the plan was sound.",
       {"the mayor", "person", "", "said", "the plan was sound"}},
      {"party tag before a statement", "Sen. Ana Ruiz (D-Ore.) issued a statement saying the bill would pass.",
       {"Sen. Ana Ruiz (D-Ore.)", "person", "", "saying", "the bill would pass"}},
      {"poll with a participle phrase", "A new poll released Friday found the mayor ahead by four points.",
       {"A new poll", "document", "", "found", "the mayor ahead by four points"}},
      {"poll with a time phrase", "A county poll last week showed the mayor ahead by four points.",
       {"A county poll", "document", "", "showed", "the mayor ahead by four points"}},
      {"description between dashes", "Ana Ruiz \u2014 a nurse from Ohio \u2014 says the clinic is short of staff.",
       {"Ana Ruiz", "person", "", "says", "the clinic is short of staff"}},
      {"opening participle phrase", "In describing the plan, the mayor said it would save money.",
       {"the mayor", "person", "", "describing", "the plan"}},
      {"participle opening the sentence", "Declaring that the plan was sound, the mayor opened the bridge.",
       {"the mayor", "person", "", "Declaring", "the plan was sound"}},
      {"participle after an opening phrase of", "After weeks of refusing to comment, the mayor said the plan was sound.",
       {"the mayor", "person", "", "refusing", "to comment"}},
      {"participle before a name after the cue", "\u201CWe will not leave,\u201D said retired nurse Ana Ruiz.",
       {"retired nurse Ana Ruiz", "person", "Ana Ruiz", "said", "\u201CWe will not leave,\u201D"}},
      {"statement with a day before the participle", "The union released a statement Wednesday saying the strike would go on.",
       {"The union", "organisation", "", "saying", "the strike would go on"}},
      {"possessive of a noun cue is not the next subject",
       "The mayor criticised the council over its plan for the bridge and suggested that the vote be delayed.",
       {"The mayor", "person", "", "suggested", "the vote be delayed"}},
      {"participle after a quotation", "The mayor called the plan a \u201Cbad idea,\u201D adding that it would cost too much.",
       {"The mayor", "person", "", "adding", "it would cost too much"}},
      {"including between subject and verb",
       "Other council members, including Ana Ruiz and Tom Lee, voted no, saying the plan was too costly.",
       {"Other council members", "organisation", "", "saying", "the plan was too costly"}},
      {"possessive description, then the name",
       "The union\u2019s president, Mary Kay Henry, said that some members could vote for him.",
       {"The union\u2019s president, Mary Kay Henry", "person", "Mary Kay Henry", "said",
        "some members could vote for him"}},
      {"a role inside the description", "\u201CWe will win,\u201D Sarah Warbelow, legal director for the group, said.",
       {"Sarah Warbelow, legal director for the group", "person", "Sarah Warbelow", "said", "\u201CWe will win,\u201D"}},
      {"a party tag and a stray comma", "Sen. Jack Reed (D-R.I.), said on Tuesday that he had not read it.",
       {"Sen. Jack Reed", "person", "Jack Reed", "said", "he had not read it"}},
      {"the one told is not the content", "The dam will hold, the engineer told The Daily Ledger.",
       {"the engineer", "person", "", "told", "The dam will hold"}},
      {"a participle phrase between subject and cue", "The report, released on Tuesday, said the dam was safe.",
       {"The report", "media", "", "said", "the dam was safe"}},
      {"a title with its own comma between subject and cue",
       "The Kyiv Post report, with the title Dams Crack, Towns Flood, said the dam was safe.",
       {"The Kyiv Post report", "media", "", "said", "the dam was safe"}},
      {"a participle opening the subject", "But hacking specialists say the files are out there.",
       {"hacking specialists", "vague", "", "say", "the files are out there"}},
      {"a demonstrative opening the subject", "This initiative called for the deportation of migrants.",
       {"This initiative", "vague", "", "called for", "the deportation of migrants"}},
      {"a quantifier as the subject", "Yet another said the race was close.",
       {"another", "vague", "", "said", "the race was close"}},
      {"a quantifier that is also a pre-cue word", "Both said the race was close.",
       {"Both", "vague", "", "said", "the race was close"}},
      {"a second verb after a quotation is no quote frame",
       "The mayor told reporters the dam needed a \u201Cquick fix,\u201D and condemned \u201Cthe council's delays.",
       {"The mayor", "person", "", "condemned", "\u201Cthe council's delays"}},
      {"an accusation ends before the speaker's next predicate",
       "The mayor accused the council of delaying the repairs and thanked the engineers for their work.",
       {"The mayor", "person", "", "accused", "the council of delaying the repairs"}},
      {"... but not inside a relative clause",
       "The mayor mocked Diaz as a novice who memorized talking points and lacked the experience to lead.",
       {"The mayor", "person", "", "mocked",
        "Diaz as a novice who memorized talking points and lacked the experience to lead"}},
      {"a past participle inside the speaker after the cue",
       "\u201CIt will pass,\u201D said one unaligned Florida Republican strategist.",
       {"one unaligned Florida Republican strategist", "person", "", "said", "\u201CIt will pass,\u201D"}},
      {"a description, then a full name", "\u201CIt will pass,\u201D said retired neurosurgeon Ben Carson.",
       {"retired neurosurgeon Ben Carson", "person", "Ben Carson", "said", "\u201CIt will pass,\u201D"}},
      {"a cue announcing the next paragraph", "The inspection report detailed the following:\n\nThe pumps failed twice.",
       {"The inspection report", "media", "", "detailed", "The pumps failed twice"}},
      {"a speaker introducing a quotation below", "Reporter Ana Ruiz says:\n\n\u201CThe town is calm.\u201D",
       {"Reporter Ana Ruiz", "person", "Ana Ruiz", "says", "\u201CThe town is calm.\u201D"}},
      {"a prepositional phrase after the source's head", "Exit polls taken in South Carolina found that turnout rose.",
       {"Exit polls taken in South Carolina", "document", "", "found", "turnout rose"}},
      {"... also after a number", "Six in 10 voters say the economy is weak.",
       {"Six in 10 voters", "person", "", "say", "the economy is weak"}},
      {"a word after a determiner heads the phrase", "His rivals for the nomination have said they will repeal it.",
       {"His rivals for the nomination", "person", "", "said", "they will repeal it"}},
      {"two phrases joined by 'and' open the clause", "Ruiz and his attorneys said the dam will hold.",
       {"Ruiz and his attorneys", "person", "", "said", "the dam will hold"}},
      {"a quantifier and 'of' after an opening phrase", "In the debate, most of his rivals said the dam will hold.",
       {"most of his rivals", "person", "", "said", "the dam will hold"}},
      {"a quantifier and a word the lexicon does not know", "Both sides have acknowledged that the dam will hold.",
       {"Both sides", "vague", "", "acknowledged", "the dam will hold"}},
      {"a quotation without its comma, then the verb and the speaker",
       "\u201CThe dam will hold\u201D said Ana Ruiz, a city engineer.",
       {"Ana Ruiz", "person", "", "said", "\u201CThe dam will hold\u201D"}},
      {"an aside before the comma, the speaker after the verb",
       "The dam will hold, which the town needs, said Ana Ruiz, a city engineer.",
       {"Ana Ruiz", "person", "", "said", "The dam will hold, which the town needs"}},
      {"a name in apposition after lower-case words",
       "First his wife, longtime city aide Ana Ruiz, announced the dam will hold.",
       {"his wife, longtime city aide Ana Ruiz", "person", "Ana Ruiz", "announced", "the dam will hold"}},
      // Sources from PolNeAR train's claims without one (2026-11-22).
      {"a second verb of the subject before a quotation",
       "The mayor noted that the dam was old, and added: \u201CIt will hold.\u201D",
       {"The mayor", "person", "", "added", "\u201CIt will hold.\u201D"}},
      {"a participle after 'before'", "The mayor said the dam was old, before clarifying that it would hold.",
       {"The mayor", "person", "", "clarifying", "it would hold"}},
      {"a party tag before pre-cue words", "Sen. Ana Ruiz (D-Vt.) has said the dam will hold.",
       {"Sen. Ana Ruiz", "person", "Ana Ruiz", "said", "the dam will hold"}},
      {"a description between spaced hyphens", "Ana Ruiz - a teacher from Ohio - says the dam will hold.",
       {"Ana Ruiz", "person", "", "says", "the dam will hold"}},
      {"a description between double hyphens", "Ana Ruiz -- a teacher from Ohio -- says the dam will hold.",
       {"Ana Ruiz", "person", "", "says", "the dam will hold"}},
      {"'Here' is no subject", "Here in Columbia, the mayor visited the dam, saying it would hold.",
       {"the mayor", "person", "", "saying", "it would hold"}},
      {"a number and a unit of time are no subject",
       "Eight years ago, the mayor visited the dam and said, \u201CIt will hold.\u201D",
       {"the mayor", "person", "", "said", "\u201CIt will hold.\u201D"}},
      {"an aside between the subject and the cue", "Mr. Sperling, then 38, said the dam would hold.",
       {"Mr. Sperling", "person", "Sperling", "said", "the dam would hold"}},
      {"an aside with a relative clause", "Ana Ruiz, meanwhile, who chairs the board, said the dam would hold.",
       {"Ana Ruiz", "person", "", "said", "the dam would hold"}},
      {"an aside, then a second verb", "Ana Ruiz, a former chairman, visited the dam and said it would hold.",
       {"Ana Ruiz", "person", "", "said", "it would hold"}},
      {"a day opening the sentence is no subject", "Tuesday, the dam held, officials said.",
       {"officials", "person", "", "said", "Tuesday, the dam held"}},
      {"pre-cue adverbs of place and habit", "Officials there often say the dam will hold.",
       {"Officials", "person", "", "say", "the dam will hold"}},
      {"a possessive determiner opening the source", "Her campaign workers said the dam would hold.",
       {"Her campaign workers", "organisation", "", "said", "the dam would hold"}},
      {"a capitalised opener is not part of the source", "What I am telling people is that the dam will hold.",
       {"I", "person", "", "telling", "the dam will hold"}},
      {"a quoted title before a cue with a 'that' clause of its own",
       "Ana Ruiz, the host of \"Night Talk,\" said in a statement that the dam would hold.",
       {"Ana Ruiz", "person", "", "said", "the dam would hold"}},
      {"a name, a colon and a quotation", "The vote is on Friday. Ana Ruiz: \u201CThe dam will hold.\u201D",
       {"Ana Ruiz", "person", "", ":", "\u201CThe dam will hold.\u201D"}},
      {"a name's possessive and words the lexicon does not know before the role, then the name",
       "Carson's business manager, Armstrong Williams, stated that he was sad.",
       {"Carson's business manager, Armstrong Williams", "person", "Armstrong Williams", "stated", "he was sad"}},
      {"... also after a dateline, before a participle phrase",
       "PARIS - France's far-right party leader, Marine Le Pen, voiced support for Trump, saying he was right.",
       {"France's far-right party leader, Marine Le Pen", "person", "Marine Le Pen", "saying", "he was right"}},
      {"a source cut after 'of' goes on with the words the lexicon does not know",
       "The mayor's chief of staff told reporters that the dam held.",
       {"The mayor's chief of staff", "person", "", "told reporters", "the dam held"}},
      {"a plural head before a prepositional phrase", "The heads of the firms told AP they had no obligation.",
       {"The heads of the firms", "vague", "", "told", "they had no obligation"}},
      {"the one told, a name, is not the content", "The mayor told AP the dam held.",
       {"The mayor", "person", "", "told", "the dam held"}},
      {"... nor a short noun phrase before a clause", "The mayor told his aides he was leaving.",
       {"The mayor", "person", "", "told", "he was leaving"}},
      {"... but what was told stays", "The mayor told the story of the dam.",
       {"The mayor", "person", "", "told", "the story of the dam"}},
      {"... unless the name is the clause's subject", "The mayor told reporters Ana Ruiz was right.",
       {"The mayor", "person", "", "told reporters", "Ana Ruiz was right"}},
      {"a second verb after a quoted title and its comma",
       "''It held,'' Mr. Ruiz told the hosts of ''Morning Joe,'' adding that his son is friendly.",
       {"Mr. Ruiz", "person", "Ruiz", "adding", "his son is friendly"}},
      {"the subject of a clause after a first person's opinion", "I think Ruiz's argument reveals a flaw.",
       {"Ruiz's argument", "vague", "", "reveals", "a flaw"}},
      {"a participle after a quantifier opening the clause", "And some undecided voters think the mayor should resign.",
       {"some undecided voters", "vague", "", "think", "the mayor should resign"}},
      {"a report the speaker interrupts runs over them to its end", "The dam, the mayor said, will hold until June.",
       {"the mayor", "person", "", "said", "The dam, the mayor said, will hold until June"}},
      {"... but not over a second claim of theirs", "The dam will hold, the mayor said, adding that it rained.",
       {"the mayor", "person", "", "said", "The dam will hold"}},
      {"a verb of stance right after a quotation does not frame it",
       "Ruiz called the plan \u201Cterrible,\u201D denounced its cost and said it would fail.",
       {"Ruiz", "person", "", "denounced", "its cost"}},
      {"a lone preposition names no one", "And Ruiz, to her credit, refuses to attack the council.",
       {"", "vague", "", "refuses", "to attack the council"}},
      {"the head of a 'who' clause before the cue", "Officials who spoke on condition of anonymity said the dam held.",
       {"Officials", "anonymous", "", "said", "the dam held"}},
      {"... also when a cue of the clause stands in it",
       "Even voters who have praised the mayor warned on Tuesday that the dam may fail.",
       {"Even voters", "person", "", "warned", "the dam may fail"}},
      {"... but not when the cue is the clause's own verb", "The mayor is a candidate who was lambasted as weak.",
       {"", "vague", "", "lambasted", "as weak"}},
      {"an agentless passive names no source", "The mayor was criticized for the delay.",
       {"", "vague", "", "criticized", "for the delay"}},
      {"a share of those polled", "53% describe themselves as liberal; 26% say they are conservative.",
       {"26%", "vague", "", "say", "they are conservative"}},
      {"... and of whom", "Some 42% of Ohioans say the state is on the wrong track.",
       {"Some 42% of Ohioans", "vague", "", "say", "the state is on the wrong track"}},
      {"a possessive after a common noun's preposition", "But many people at his rallies agreed with the mayor.",
       {"many people at his rallies", "vague", "", "agreed with", "the mayor"}},
      {"everyone, nobody: no one in particular", "Not everyone said the dam held.",
       {"Not everyone", "vague", "", "said", "the dam held"}},
      {"the occasion between the subject and its cue", "Ana Ruiz at a rally in Iowa said the dam held.",
       {"Ana Ruiz", "person", "", "said", "the dam held"}},
      {"... and the medium", "The senator in a statement said the dam held.",
       {"The senator", "person", "", "said", "the dam held"}},
      {"... but a place modifies the subject", "Voters in Iowa said the dam held.",
       {"Voters in Iowa", "person", "", "said", "the dam held"}},
      {"the occasion between the cue and 'that'", "The mayor said at a rally in Iowa that the dam held.",
       {"The mayor", "person", "", "said", "the dam held"}},
      {"adverbs between the subject and its cue", "Mr. Rubio only occasionally disagreed with the mayor.",
       {"Mr. Rubio", "person", "Rubio", "disagreed with", "the mayor"}},
      {"... and with 'them'", "One of them, UnitedHealth Group, has threatened to leave the exchanges.",
       {"One of them", "vague", "", "threatened to", "leave the exchanges"}},
      {"a verb of stance has no speaker after it; one person's role before 'of' is a person",
       "The head of the group backing the mayor for governor, Ana Ruiz, praised the plan of the council.",
       {"The head of the group", "person", "", "praised", "the plan of the council"}},
      {"a possessive role, then the name, after the content", "The dam will hold, his top aide, Tad Devine, said.",
       {"his top aide, Tad Devine", "person", "Tad Devine", "said", "The dam will hold"}},
      {"a role, then a name with a party tag", "Another lawmaker, Sen. Ana Ruiz (D-Vt.), also stated her view.",
       {"Another lawmaker, Sen. Ana Ruiz (D-Vt.)", "person", "", "stated", "her view"}},
      {"an inverted speaker with a relative clause", "The race is close, said two Democrats who asked not to be named.",
       {"two Democrats who asked not to be named", "anonymous", "", "said", "The race is close"}},
      {"a description between dashes after a common noun", "The farmers \u2014 mostly older men \u2014 said the dam held.",
       {"The farmers", "person", "", "said", "the dam held"}},
      {"a second verb after a day", "Ana Ruiz criticized the plan but on Tuesday wrote that the dam would hold.",
       {"Ana Ruiz", "person", "", "wrote", "the dam would hold"}},
      {"a dateline before the subject of a participle",
       "WASHINGTON \u2014 Sen. Ana Ruiz defended the plan, saying it would work.",
       {"Sen. Ana Ruiz", "person", "Ana Ruiz", "saying", "it would work"}},
      {"a dateline is not part of the content", "MYRTLE BEACH, S.C. - The dam will hold, the engineer said.",
       {"the engineer", "person", "", "said", "The dam will hold"}},
      {"a clause after a colon with no cue before it",
       "One notable trend: Democratic insiders were more likely to say the dam would hold.",
       {"Democratic insiders", "anonymous", "", "say", "the dam would hold"}},
      {"an adverb phrase opening the sentence is no subject",
       "Most recently, Ana Ruiz visited the dam, saying it would hold.",
       {"Ana Ruiz", "person", "", "saying", "it would hold"}},
      {"the one told is an institution", "The dam will hold, the minister told a Senate panel Wednesday.",
       {"the minister", "person", "", "told", "The dam will hold"}},
      {"a dateline is no name with a description",
       "LA CROSSE, Wisc. \u2014 Gov. Ana Ruiz blamed the council for the delay, saying it was avoidable.",
       {"Gov. Ana Ruiz", "person", "Ana Ruiz", "saying", "it was avoidable"}},
      {"the state after its town is no speaker",
       "At a rally in Ames, Iowa, on Sunday, Ana Ruiz visited the dam, saying it would hold.",
       {"Ana Ruiz", "person", "", "saying", "it would hold"}},
      {"a possessive after a preposition", "The mayor made an issue out of Donald Ruiz\u2019s claim that the dam leaked.",
       {"Donald Ruiz", "person", "", "claim", "the dam leaked"}},
      {"a record and the participle of its report", "Figures reported on Sunday suggest that the dam held.",
       {"Figures", "document", "", "suggest", "the dam held"}},
      {"a quotation, then a speaker with a long description",
       "\u201CWe will win,\u201D Ana Ruiz, the longtime president of the county water board, said in a statement.",
       {"Ana Ruiz, the longtime president of the county water board", "person", "Ana Ruiz", "said",
        "\u201CWe will win,\u201D"}},
      {"a quotation, a speaker with a role ending in -ing, and the one told",
       "''It is required,'' Robert Peck, managing director at SunTrust, told me this week.",
       {"Robert Peck, managing director at SunTrust", "person", "Robert Peck", "told", "''It is required,''"}},
      {"a time phrase between subject and cue", "Trump at the time said he would pay the fees.",
       {"Trump", "person", "", "said", "he would pay the fees"}},
      {"a pronoun coordinated with a name", "The dam held, he and Mr. Allen said.",
       {"he and Mr. Allen", "person", "", "said", "The dam held"}},
      {"a pronoun coordinated with a described person", "The dam held, she and another reporter said.",
       {"she and another reporter", "person", "", "said", "The dam held"}},
      {"two surnames are people, and neither is the source's name", "Ruiz and Diaz said the dam held.",
       {"Ruiz and Diaz", "person", "", "said", "the dam held"}},
      {"a record and who made it, after the content",
       "Students take 112 tests, a study by the Council of the Great City Schools found.",
       {"a study by the Council of the Great City Schools", "document", "", "found", "Students take 112 tests"}},
      {"a passive with its agent", "The meeting was first reported by Politico.",
       {"Politico", "media", "", "reported", "The meeting"}},
      {"a denial in the passive", "The claim was denied by the Kremlin on Monday.",
       {"the Kremlin", "organisation", "", "denied", "The claim"}},
      {"a passive with its agent and a clause", "It was reported by Politico that the meeting happened.",
       {"Politico", "media", "", "reported", "the meeting happened"}},
      {"a quotation without a comma before its speaker",
       "\u201CThe caucus is a battle of niches\u201D Ana Ruiz said.",
       {"Ana Ruiz", "person", "", "said", "\u201CThe caucus is a battle of niches\u201D"}},
      {"a party tag between a quotation and its cue",
       "\u201CThe dam will hold,\u201D Rep. Ana Ruiz (D-Ore.) said Tuesday.",
       {"Rep. Ana Ruiz", "person", "Ana Ruiz", "said", "\u201CThe dam will hold,\u201D"}},
      {"a record alone, with a participle phrase", "The dam was sold in secret, disclosures filed on Sunday revealed.",
       {"disclosures", "document", "", "revealed", "The dam was sold in secret"}},
      {"a participle after a preposition", "The mayor ended the meeting by saying \u201CThe dam will hold.\u201D",
       {"The mayor", "person", "", "saying", "\u201CThe dam will hold.\u201D"}},
      {"... and without a quotation", "The mayor erred in saying that the dam was new.",
       {"The mayor", "person", "", "saying", "the dam was new"}},
      {"a participle introducing the quotation after it, not the one before",
       "The mayor called it a \u201Cbreach of trust,\u201D adding: \u201CThe dam will hold.\u201D",
       {"The mayor", "person", "", "adding", "\u201CThe dam will hold.\u201D"}},
      {"a quoted word, then a cue with a clause of its own",
       "Ana Ruiz, who calls the dam a \u201Cwreck,\u201D said it would hold for now.",
       {"Ana Ruiz", "person", "", "said", "it would hold for now"}},
      {"time phrases between source and cue", "The engineers have in the past said the dam would hold.",
       {"The engineers", "person", "", "said", "the dam would hold"}},
      {"'of course' between commas", "The mayor's adviser, Ana Ruiz, of course, said that the dam would hold.",
       {"Ana Ruiz", "person", "", "said", "the dam would hold"}},
      {"the ones written to are not the speaker", "The mayor emailed residents saying: \u201CThe dam will hold.\u201D",
       {"The mayor", "person", "", "saying", "\u201CThe dam will hold.\u201D"}},
      // A finding's record is a document, whoever ran it.
      {"a poll is a document", "A new Quinnipiac poll found that the mayor leads.",
       {"A new Quinnipiac poll", "document", "", "found", "the mayor leads"}},
      {"records after an institution word", "Court records show that the firm paid.",
       {"Court records", "document", "", "show", "the firm paid"}},
      {"the head before a preposition", "A review of state records found that the firm paid.",
       {"A review of state records", "document", "", "found", "the firm paid"}},
      {"capitalised words before a document head", "The firm paid cash, a USA TODAY investigation found.",
       {"a USA TODAY investigation", "document", "", "found", "The firm paid cash"}},
      {"a document word after a preposition is not the head",
       "Advocates for stem cell research say the ban hurts patients.",
       {"Advocates for stem cell research", "person", "", "say", "the ban hurts patients"}},
      {"a capitalised document word inside a name", "The Institute for Policy Studies said the ban hurts patients.",
       {"The Institute for Policy Studies", "organisation", "", "said", "the ban hurts patients"}},
      {"an opening adjunct is no name in apposition",
       "On Sunday, Ana Ruiz issued a new attack, stating on television that the plan had failed.",
       {"Ana Ruiz", "person", "", "stating", "the plan had failed"}},
      {"a name, a description, then the clause's own verb",
       "Now Ana Ruiz, the mayor of the town, has praised the plan, calling it a success.",
       {"Ana Ruiz, the mayor of the town", "person", "Ana Ruiz", "calling", "it a success"}},
      {"a speaker's phrase after the cue ends before 'of the' and a common noun",
       "\u201CThe dam held,\u201D said Ruiz of the flood.", {"Ruiz", "person", "", "said", "\u201CThe dam held,\u201D"}},
      {"... and goes on after 'of' with a possessive",
       "The group was criticized by some of its rivals for ignoring the flood.",
       {"some of its rivals", "person", "", "criticized", "for ignoring the flood"}},
      {"the agent of a passive charge, and the charge", "The party was accused by the press of hiding the losses.",
       {"the press", "media", "", "accused", "hiding the losses"}},
      {"the channel between cue and content", "The mayor said by telephone that the bridge was safe.",
       {"The mayor", "person", "", "said", "the bridge was safe"}},
      {"a medium and the one written to before a participle",
       "His campaign sent out a text message to supporters saying the race was close.",
       {"His campaign", "organisation", "", "saying", "the race was close"}},
      {"... after an opening prepositional phrase",
       "After the storm, the mayor issued a statement saying the dam held.",
       {"the mayor", "person", "", "saying", "the dam held"}},
      {"... a day and its time between the medium and the participle",
       "The senator issued a statement Thursday night saying the bill was dead.",
       {"The senator", "person", "", "saying", "the bill was dead"}},
      {"... the subject before an aside", "Ana Ruiz, the director, released a statement confirming the dam held.",
       {"Ana Ruiz", "person", "", "confirming", "the dam held"}},
      {"a plural's possessive inside the source", "Jeff Weaver, Sanders\u2019 campaign manager, said the race was close.",
       {"Jeff Weaver, Sanders\u2019 campaign manager", "person", "Jeff Weaver", "said", "the race was close"}},
      {"a plural's possessive before a noun cue is the source", "The voters' worries about the border grew.",
       {"The voters", "person", "", "worries", "about the border grew"}},
      {"... names no one", "The senator from Vermont said the bill would pass.",
       {"The senator from Vermont", "person", "", "said", "the bill would pass"}},
      {"a cue in an opening subordinate clause reports up to the clause's comma",
       "While the mayor said the dam held, the town flooded.", {"the mayor", "person", "", "said", "the dam held"}},
      {"... not a clause later in the sentence",
       "The town flooded, since the mayor said the dam, the levee and the pumps were safe.",
       {"the mayor", "person", "", "said", "the dam, the levee and the pumps were safe"}},
      {"... nor a comma inside a number", "If the agency says there are 2,400 cases, the count is low.",
       {"the agency", "organisation", "", "says", "there are 2,400 cases"}},
      {"a clause opening the content after 'that,' is part of it",
       "The mayor said that, because the engineer checked the dam, the town is safe.",
       {"The mayor", "person", "", "said", "because the engineer checked the dam, the town is safe"}},
      {"... and after the source 'According to' names: the whole clause it reports",
       "According to the Daily Ledger, the mayor argued that the dam held.",
       {"the Daily Ledger", "media", "", "According to", "the mayor argued that the dam held"}},
      {"... while the clause's own cue reports its own content",
       "According to the Daily Ledger, the mayor argued that the dam held.",
       {"the mayor", "person", "", "argued", "the dam held"}},
      {"what describes a source after its cue runs to the comma",
       "In a poll conducted on Thursday by the clerk, 73 percent said the war was lost.",
       {"a poll", "document", "", "In", "73 percent said the war was lost"}},
      {"... with a preposition", "According to a survey of 500 voters, the mayor is popular.",
       {"a survey of 500 voters", "document", "", "According to", "the mayor is popular"}},
      {"... past a month's abbreviation", "In a poll conducted from Feb. 11 to Feb. 16, 60 percent said the mayor was right.",
       {"a poll", "document", "", "In", "60 percent said the mayor was right"}},
      {"'according to X' opening a 'that' clause reports the rest of it",
       "The poll showed that, according to the spokesman, turnout was low.",
       {"the spokesman", "person", "", "according to", "turnout was low"}},
      {"an impersonal hedge passes on a claim of no one in particular",
       "It has been suggested that the mayor knew about the contract.",
       {"", "vague", "", "It has been suggested", "the mayor knew about the contract"}},
      {"a participle opening the sentence: the main clause's subject",
       "Noting that turnout fell, Ana Ruiz said the vote was fair.",
       {"Ana Ruiz", "person", "", "Noting", "turnout fell"}},
      {"... also before a quotation's closing mark",
       "Citing \u201Cpressing duties,\u201D the mayor's spokeswoman said the mayor would not attend.",
       {"the mayor's spokeswoman", "person", "", "Citing", "\u201Cpressing duties,\u201D"}},
  };
  for (const Case& c : cases) {
    INFO(c.name << ": " << c.text);
    auto got = Claims(c.text);
    REQUIRE(!got.empty());
    // The possessive case yields the denial first; look for the claim whose cue matches.
    const Got* g = &got[0];
    for (const Got& x : got)
      if (x.cue == c.want.cue) g = &x;
    CHECK(g->source == c.want.source);
    CHECK(g->cue == c.want.cue);
    CHECK(g->content == c.want.content);
    CHECK(g->type == c.want.type);
    CHECK(g->resolved == c.want.resolved);
  }
  // A quantifier standing for people names no one in particular.
  CHECK(Claims("Both said the race was close.").front().type == "vague");
}

TEST_CASE("a speaker sentence after a closing quotation takes the quotation", "[claims]") {
  // The segmenter ends a sentence after “...?”; the next one only names the speaker.
  auto got = Claims("\u201CWill the dam hold?\u201D The engineer said.");
  REQUIRE(got.size() == 1);
  CHECK(got[0].source == "The engineer");
  CHECK(got[0].content == "\u201CWill the dam hold?\u201D");
  // A sentence with its own content after the cue does not.
  got = Claims("\u201CThe dam will hold.\u201D The engineer said the river was falling.");
  REQUIRE(!got.empty());
  CHECK(got.back().content == "the river was falling");
}

TEST_CASE("a speaker's parenthetical reference to their own words makes no claim", "[claims]") {
  auto got = Claims("\u201CYes, as I said, we are in touch with them.\u201D");
  for (const Got& g : got) CHECK(g.cue != "said");
}

TEST_CASE("a cue complementing another cue makes no second claim", "[claims]") {
  auto got = Claims("The minister refused to say whether he had met the lobbyist.");
  REQUIRE(got.size() == 1);
  CHECK(got[0].source == "The minister");
  CHECK(got[0].cue == "refused");
  // "Adding" and "said" frame the same quotation, here over two sentences.
  got = Claims("Adding, \u201CThe dam held. The pumps work,\u201D Ana Ruiz said.");
  REQUIRE(got.size() == 1);
  CHECK(got[0].source == "Ana Ruiz");
  CHECK(got[0].cue == "said");
}

TEST_CASE("a claim inside a quotation is the quoted speaker's, and stays inside it", "[claims]") {
  const std::string text =
      "\u201CI told the mayor that the levee will hold, and my staff told me the pumps work,\u201D said Senator "
      "Ana Ruiz in Iowa. The ministry \u201Ccategorically rejected\u201D the report.";
  const Annotated a(text);
  const AnnotatedDocument& out = a.out;
  auto part = [&](evident::Span s) { return a.part(s); };
  auto find = [&](std::string_view cue) -> const Claim& {
    for (const Claim& c : out.claims)
      if (part(c.cue) == cue) return c;
    FAIL("no claim with cue " << cue);
    return out.claims.front();
  };
  const Claim& speaker = find("said");
  CHECK_FALSE(speaker.quoted);
  CHECK(speaker.resolved == "Ana Ruiz");
  const Claim& first = out.claims[0];
  CHECK(part(first.cue) == "told");
  CHECK(first.quoted);
  REQUIRE(first.quoted_in);
  CHECK(&out.claims[*first.quoted_in] == &speaker);
  CHECK(part(first.source) == "I");
  CHECK(first.resolved == "Ana Ruiz");          // the first person is the quotation's speaker
  CHECK(part(first.content) == "the levee will hold");  // the one told is not the content
  const Claim& second = out.claims[1];
  CHECK(second.quoted);
  CHECK(part(second.source) == "my staff");
  CHECK(part(second.content) == "the pumps work");  // ends with the quotation
  CHECK(part(second.scope).find("Iowa") == std::string::npos);
  // Quoting the cue alone ("scare quotes") leaves the claim the writer's report.
  CHECK_FALSE(find("categorically rejected").quoted);
  CHECK(evident::ClaimFlags(first) == std::vector<std::string_view>{"quoted"});
  CHECK(evident::ClaimFlags(speaker).empty());
}

TEST_CASE("a paragraph a colon announces is the speaker's, not the writer's", "[claims]") {
  // Every sentence of the block lies in the speaker's content, its last one
  // too (whose full stop the content leaves out).
  // A short line ("Ruiz continued:") is no heading when its cue ends it.
  for (const char* text : {"Then Ana Ruiz said:\n\nThe dam held. Nobody saw it coming.\n",
                           "Ana Ruiz said the following:\n\nThe dam held.\n",
                           "The dam held.\n\nRuiz continued:\n\n\u201CWe will rebuild. It will take years.\u201D\n"}) {
    CAPTURE(text);
    const std::vector<Got> got = ClaimsWithCue(text);
    REQUIRE(got.size() == 1);
    CHECK(got[0].source.ends_with("Ruiz"));
    for (const Got& g : Claims(text)) CHECK((!g.cue.empty() || g.content == "The dam held"));
  }
}

TEST_CASE("a quotation opening the next sentence continues its speaker", "[claims]") {
  struct Case {
    std::string text;
    std::string continued;  // the sentence after the speaker's
    std::string source;     // its source ("" when it stays the writer's)
  };
  const std::vector<Case> cases = {
      // a quotation after a quoted speaker, and the chain that goes on
      {"\u201CWe will rebuild,\u201D said Mayor Ana Ruiz. \u201CIt will take years.\u201D \u201CBut we will.\u201D",
       "\u201CIt will take years.\u201D", "Mayor Ana Ruiz"},
      {"\u201CWe will rebuild,\u201D said Mayor Ana Ruiz. \u201CIt will take years.\u201D \u201CBut we will.\u201D",
       "\u201CBut we will.\u201D", "Mayor Ana Ruiz"},
      // straight quotes, and a quotation still open at the sentence's end
      {"\"The dam held,\" the engineer said. \"The river fell. Then it rose.\"", "\"The river fell", "the engineer"},
      // a sentence inside a quotation that an earlier one opened, also
      // after the speaker's own sentence and after one the speaker reports
      {"\u201CWe will rebuild,\u201D said Ruiz. \u201CIt will take years. Then we will see.\u201D",
       "Then we will see", "Ruiz"},
      {"\u201CThe dam held,\u201D she said, \u201Cand the pumps work. We will rebuild.\u201D", "We will rebuild",
       "she"},
      {"\u201CWe will rebuild,\u201D Ruiz said. \u201CIt will take years. They told me so. Then we will see.\u201D",
       "Then we will see", "Ruiz"},
      {"\u201CWe will rebuild,\u201D Ruiz said. \u201CI hate to say it. But it will take years.\u201D",
       "But it will take years", "Ruiz"},
      // an interrupted quotation: the second part, in the same sentence
      {"\u201CThe dam held,\u201D she said, \u201Cand the pumps work.\u201D", "\u201Cand the pumps work", "she"},
      {"\u201CThe dam held,\u201D said Ruiz of the flood, \u201Cand the pumps work.\u201D", "\u201Cand the pumps work",
       "Ruiz"},
      // after reported speech
      {"The council claimed the funds were lost. \u201CWe found them.\u201D", "\u201CWe found them.\u201D",
       "The council"},
      // a paragraph break: a new speaker often begins
      {"\u201CWe will rebuild,\u201D Ruiz said.\n\n\u201CIt is too late.\u201D", "\u201CIt is too late.\u201D", ""},
      // a quoted term the writer goes on to explain
      {"\u201CWe will rebuild,\u201D Ruiz said. \u201CNon-paper\u201D is a diplomatic term.",
       "\u201CNon-paper\u201D is a diplomatic term", ""},
      // two speakers before, neither quoted: whose words these are is open
      {"Ruiz praised the plan, while Diaz accused the council of delay. \u201CIt is too late.\u201D",
       "\u201CIt is too late.\u201D", ""},
      // a sentence that does not open with a quotation stays the writer's
      {"\u201CWe will rebuild,\u201D Ruiz said. The bridge fell in May.", "The bridge fell in May", ""},
      // a speaker's turn in an interview or a transcript goes on to the end of its paragraph
      {"Q: Will the dam hold?\n\nA: It will hold. The river is falling.", "The river is falling", "A"},
      {"JAKE TAPPER: Welcome back. The vote is today.\n\nMARY FALLIN: Thank you.", "The vote is today",
       "JAKE TAPPER"},
      {"Q: Will it hold?\n\nA: It will hold.\n\nThe river fell in May.", "The river fell in May", ""},
      // a label in the same paragraph starts the next turn
      {"Q: Will the dam hold? A: It will hold. The river is falling.", "The river is falling", "A"},
  };
  for (const Case& k : cases) {
    CAPTURE(k.text);
    const Annotated a(k.text);
    const AnnotatedDocument& out = a.out;
    auto part = [&](evident::Span s) { return a.part(s); };
    const Claim* found = nullptr;
    for (const Claim& c : out.claims)
      if (part(c.content).starts_with(k.continued)) found = &c;
    REQUIRE(found != nullptr);
    CHECK(part(found->source) == k.source);
    CHECK(found->continues.has_value() == !k.source.empty());
    if (!found->continues) continue;
    const Claim& speaker = out.claims[*found->continues];
    CHECK(part(speaker.source) == k.source);
    CHECK(found->cue == speaker.cue);
    CHECK_FALSE(found->cue_annotation);  // the cue annotation stays with the speaker's claim
    CHECK(evident::ClaimFlags(*found) == std::vector<std::string_view>{"continuation"});
  }
}

TEST_CASE("a claim in a quotation that goes on after its speaker is quoted in the speaker's words", "[claims]") {
  for (const std::string text :
       {"\u201CWe will rebuild,\u201D said Ana Ruiz. \u201CI told the council so. It will take years.\u201D",
        "\u201CWe will rebuild,\u201D said Ana Ruiz. \u201CIt will take years. I told the council so.\u201D"}) {
    CAPTURE(text);
    const Annotated a(text);
    const Claim* told = nullptr;
    for (const Claim& c : a.out.claims)
      if (a.part(c.cue) == "told") told = &c;
    REQUIRE(told != nullptr);
    CHECK(told->quoted);
    REQUIRE(told->quoted_in);
    CHECK(a.part(a.out.claims[*told->quoted_in].source) == "Ana Ruiz");
    CHECK(told->resolved == "Ana Ruiz");  // "I" is the speaker
  }
}

TEST_CASE("a speaker's label in a transcript is a person, and their turn quotes what they report", "[claims]") {
  const std::string text =
      "JAKE TAPPER: Governor, welcome.\n\nMARY FALLIN: Thank you. I told him the state needs calm.\n\n"
      "TAPPER: Is he a healer?\n\nTrump: 35 percent.";
  const Annotated a(text);
  const AnnotatedDocument& out = a.out;
  auto part = [&](evident::Span s) { return a.part(s); };
  std::vector<const Claim*> labels;
  const Claim* told = nullptr;
  for (const Claim& c : out.claims) {
    if (part(c.cue) == ":" && !c.continues) labels.push_back(&c);
    if (part(c.cue) == "told") told = &c;
  }
  REQUIRE(labels.size() == 3);  // "Trump: 35 percent." is a list's entry, not a turn
  for (const Claim* l : labels) CHECK_FALSE(l->quoted);  // a turn is no one else's quotation
  CHECK(part(labels[0]->source) == "JAKE TAPPER");
  CHECK(part(labels[0]->content) == "Governor, welcome");
  CHECK(part(labels[1]->source) == "MARY FALLIN");
  CHECK(part(labels[2]->source) == "TAPPER");
  CHECK(labels[2]->resolved == "JAKE TAPPER");
  for (const Claim* l : labels) CHECK(l->source_type == evident::SourceType::kPerson);
  REQUIRE(told != nullptr);
  CHECK(told->quoted);
  REQUIRE(told->quoted_in);
  CHECK(&out.claims[*told->quoted_in] == labels[1]);
  CHECK(told->resolved == "MARY FALLIN");  // the first person is the turn's speaker

  // One label alone is no turn: a dateline stays the writer's sentence.
  const std::vector<Got> dateline = Claims("NEW DELHI: The cabinet approved the bill on Monday.");
  REQUIRE(dateline.size() == 1);
  CHECK(dateline[0].type == "author");
  CHECK(dateline[0].cue.empty());

  // A label in the same paragraph ends the turn before it.
  const Annotated qa("Q: Will the dam hold? A: It will hold.");
  REQUIRE(qa.out.claims.size() == 2);
  CHECK(qa.part(qa.out.claims[1].source) == "A");
  CHECK_FALSE(qa.out.claims[1].quoted);
}

TEST_CASE("the writer's comment on a claim's support is not its content", "[claims]") {
  struct Case {
    std::string text, content;
  };
  const std::vector<Case> cases = {
      {"Nebenzia said Ukraine had supported the group, without presenting any evidence.",
       "Ukraine had supported the group"},
      {"It has been suggested that advisors are helping but there has been no independent verification of any "
       "such involvement.",
       "advisors are helping"},
      // the marker opens the content: it is what the speaker says
      {"Ruiz said there was no evidence of fraud.", "there was no evidence of fraud"},
      // inside a quotation the words are the speaker's own
      {"\u201CThey acted without presenting any evidence,\u201D Ruiz said.",
       "\u201CThey acted without presenting any evidence,\u201D"},
  };
  for (const Case& k : cases) {
    CAPTURE(k.text);
    const std::vector<Got> got = ClaimsWithCue(k.text);
    REQUIRE(got.size() == 1);
    CHECK(got[0].content == k.content);
  }
}

TEST_CASE("names: a question's auxiliary, title case and a dropped article are not names", "[claims]") {
  auto got = Claims("Does Marco Rubio think the plan works? Rubio said it would.");
  REQUIRE(got.size() >= 2);
  CHECK(got[0].source == "Marco Rubio");
  CHECK(got.back().resolved == "Marco Rubio");
  got = Claims("The Daily Ledger reported that the dam failed.");
  REQUIRE(got.size() == 1);
  CHECK(got[0].source == "The Daily Ledger");
  CHECK(got[0].resolved.empty());  // only "The" would be dropped: nothing to resolve
}

TEST_CASE("a surname or first name alone is the person named in full earlier", "[claims]") {
  // The full name was never a source; it is in the text all the same.
  const std::vector<Got> with_cue = ClaimsWithCue(
      "Campaign manager Tad Devine met donors on Monday. Devine said the race was tight. "
      "President Obama spoke in Ohio. Obama said the plan would pass. Bernie Sanders spoke next. Bernie said no. "
      "Russia said it would respond.");
  REQUIRE(with_cue.size() == 4);
  CHECK(with_cue[0].type == "person");
  CHECK(with_cue[0].resolved == "Tad Devine");
  CHECK(with_cue[1].type == "person");  // after a person's title
  CHECK(with_cue[1].resolved.empty());
  CHECK(with_cue[2].resolved == "Bernie Sanders");
  CHECK(with_cue[3].type == "organisation");  // a country standing for its government
}

TEST_CASE("source types: the head noun, the article, the source marker and the referent decide", "[claims]") {
  const std::vector<Got> with_cue = ClaimsWithCue(
      "The United States said the talks failed. Moscow\u2019s UN envoy said it was hard. According to reports on "
      "some Islamist social media sites, the group trained there. A report by the Turkish newspaper Daily Star "
      "revealed that the deal was signed. The report said the talks went on. You said the dam held.");
  REQUIRE(with_cue.size() == 6);
  CHECK(with_cue[0].type == "organisation");  // "the" + a capitalised name: not a person
  CHECK(with_cue[1].type == "person");        // the head noun "envoy" is a role
  CHECK(with_cue[2].type == "social_media");  // the source marker, not the weasel "reports"
  CHECK(with_cue[3].type == "media");
  CHECK(with_cue[4].type == "media");  // "The report" takes its referent's type
  CHECK(with_cue[4].resolved == "report by the Turkish newspaper Daily Star");
  CHECK(with_cue[5].type == "vague");  // "You": the one spoken to, not a capitalised name
  CHECK(with_cue[5].resolved.empty());
}

TEST_CASE("source types: a capitalised name alone is a person unless it names no one", "[claims]") {
  struct Case {
    std::string text, type;
  };
  const std::vector<Case> cases = {
      {"Blackwell said the deal was good.", "person"},  // no full name earlier: still a person
      {"Obama said the deal was good.", "person"},
      {"Moscow said the deal was good.", "organisation"},     // a capital (claims.yaml places)
      {"Iowa said the deal was good.", "organisation"},       // a state
      {"Ukraine said the deal was good.", "organisation"},    // a country ICU names
      {"North Korea said the deal was good.", "organisation"},  // the same, in two words
      {"NATO said the deal was good.", "organisation"},       // an acronym
      {"Democrats said the deal was good.", "organisation"},  // a plural: a group
      // a surname that looks plural, with the full name later in the text
      {"Sanders said the deal was good. Bernie Sanders is a senator.", "person"},
      // (not a group written in the singular too, nor one a place heads)
      {"Democrats said the deal was good. Iowa Democrats and a Democratic mayor agreed.", "organisation"},
      {"BuzzFeed reported that the deal was good.", "organisation"},  // a capital inside the word
      {"McCain said the deal was good.", "person"},                   // (not after Mc)
      {"Twitter said the deal was good.", "organisation"},            // claims.yaml organisation_names
      {"Moscow's said the deal was good.", "organisation"},           // without the possessive ending
      {"\u201CThe deal will fail,\u201D Will wrote.", "person"},  // a modal inside the sentence is a name
      // A word the text also writes in lower case opens the sentence only.
      {"Pretty much everyone agrees, and pretty soon it will pass. Pretty said the deal was good.", "organisation"},
  };
  for (const Case& c : cases) {
    CAPTURE(c.text);
    const std::vector<Got> got = ClaimsWithCue(c.text);
    REQUIRE(got.size() == 1);
    CHECK(got[0].type == c.type);
  }
}

TEST_CASE("source types: people named by what they do or what befell them are persons", "[claims]") {
  for (const char* text : {"The engineer said the dam held.", "Neighbors said the dam held.",
                           "One survivor said the dam held.", "A farmer said the dam held."}) {
    CAPTURE(text);
    const std::vector<Got> got = ClaimsWithCue(text);
    REQUIRE(got.size() == 1);
    CHECK(got[0].type == "person");
  }
}

TEST_CASE("an unnamed source keeps what describes it", "[claims]") {
  struct Case {
    std::string text, source, type;
  };
  const std::vector<Case> cases = {
      {"Cruz will change course, a source close to him said.", "a source close to him", "anonymous"},
      {"A source close to the campaign said Cruz will change course.", "A source close to the campaign",
       "anonymous"},
      {"People familiar with the matter said the talks failed.", "People familiar with the matter", "anonymous"},
      {"The talks failed, two officials familiar with the talks said.", "two officials familiar with the talks",
       "anonymous"},
      {"Two officials briefed on the talks said they failed.", "Two officials briefed on the talks", "anonymous"},
      // (Chained phrases: the source starts where the chain reaches the start of the clause.)
      {"People familiar with the planning for the meeting said it failed.",
       "People familiar with the planning for the meeting", "anonymous"},
      {"The talks failed, one official said.", "one official", "person"},
      {"\u201CBlink twice,\u201D one person tweeted.", "one person", "person"},
  };
  for (const Case& k : cases) {
    CAPTURE(k.text);
    const std::vector<Got> got = ClaimsWithCue(k.text);
    REQUIRE(got.size() == 1);
    CHECK(got[0].source == k.source);
    CHECK(got[0].type == k.type);
  }
}

TEST_CASE("pronouns and surnames resolve to the last named source", "[claims]") {
  auto got = Claims(
      "Foreign Ministry spokeswoman Maria Lind said the talks had failed. She said a new round was planned. "
      "Lind added that no date was set.");
  REQUIRE(got.size() == 3);
  CHECK(got[0].resolved == "Maria Lind");
  CHECK(got[1].source == "She");
  CHECK(got[1].resolved == "Maria Lind");
  CHECK(got[1].type == "person");
  CHECK(got[2].resolved == "Maria Lind");
}

TEST_CASE("a role without a name is the person the text names with that role", "[claims]") {
  struct Case {
    std::string text;
    std::string resolved;  // of the last claim
  };
  const std::vector<Case> cases = {
      // the role word itself, then another way of writing it (role_synonyms)
      {"Foreign Ministry spokeswoman Ana Ruiz said the dam held. Tom Diaz said it leaked. The spokeswoman said "
       "repairs began.",
       "Ana Ruiz"},
      {"Sen. Ana Ruiz said the dam held. Tom Diaz said it leaked. The senator said repairs began.", "Ana Ruiz"},
      {"Russian Foreign Minister Sergei Lavrov said the talks failed. Tom Diaz said they went well. The Russian "
       "top diplomat said a new round was planned.",
       "Sergei Lavrov"},
      // the words before the name anywhere in the text, not only in a source
      {"GOP Sen. John McCain met Tom Diaz. McCain said the bill failed. Diaz said it passed. The senator said "
       "no.",
       "John McCain"},
      // each capitalised word before the role must fit
      {"Sen. Ana Ruiz said the dam held. The Florida senator said it leaked.", ""},
      // a prepositional phrase after the role describes it too
      {"Sen. Ana Ruiz of Ohio said the dam held. Sen. Tom Diaz said it leaked. The senator from Ohio said repairs "
       "began.",
       "Ana Ruiz"},
      // a vice president is not "the president"
      {"Vice President Ana Ruiz said the dam held. The president said it leaked.", ""},
      // another possessor: not the same spokeswoman
      {"Diaz\u2019s spokeswoman Ana Ruiz said the dam held. Lee\u2019s spokeswoman said it leaked.", ""},
      // a capitalised role named after: "Moscow's UN envoy" ... "Ambassador to the UN Vitaly Churkin"
      {"Moscow\u2019s UN envoy accused the council of bias. Later, Russian Ambassador to the UN Vitaly Churkin "
       "said the vote was unfair.",
       "Vitaly Churkin"},
  };
  for (const Case& c : cases) {
    INFO(c.text);
    auto got = Claims(c.text);
    REQUIRE(!got.empty());
    const Got& role = c.text.find("envoy") != std::string::npos ? got.front() : got.back();
    CHECK(role.resolved == c.resolved);
  }
}

TEST_CASE("a pronoun after a role without a name is the speaker named next in the paragraph", "[claims]") {
  auto find = [](const std::vector<Got>& got, const std::string& source) {
    for (const Got& g : got)
      if (g.source == source) return g;
    return Got{};
  };
  // corpus 004: "She" is not the envoy; her quotations end with her name.
  auto got = Claims(
      "Moscow\u2019s UN envoy accused the council of bias. She added, \u201CThe town is ruined.\u201D Adding, "
      "\u201CWe will act,\u201D Samantha Power said.");
  CHECK(find(got, "She").resolved == "Samantha Power");
  // Not across a paragraph, nor after a person with a name.
  got = Claims(
      "Moscow\u2019s UN envoy accused the council of bias. She added, \u201CThe town is ruined.\u201D\n\n"
      "\u201CWe will act,\u201D Samantha Power said.");
  CHECK(find(got, "She").resolved == "Moscow\u2019s UN envoy");
  got = Claims(
      "Ana Ruiz accused the council of bias. She added, \u201CThe town is ruined.\u201D Adding, \u201CWe will "
      "act,\u201D Samantha Power said.");
  CHECK(find(got, "She").resolved == "Ana Ruiz");
}

TEST_CASE("a pronoun or title skips a person the text gives the other gender", "[claims]") {
  struct Case {
    std::string text;
    std::string resolved;  // of the last claim
  };
  const std::vector<Case> cases = {
      // the title in the source itself
      {"Mr. Tom Diaz said the dam held. Ms. Ana Ruiz said it leaked. He said repairs began.", "Tom Diaz"},
      {"The spokeswoman Ana Ruiz said the dam held. Mr. Tom Diaz said it leaked. She said repairs began.", "Ana Ruiz"},
      // a title elsewhere in the text ("Ms. Ruiz" is not a source)
      {"Tom Diaz said the dam held. Ana Ruiz said it leaked. We met Ms. Ruiz at noon. He said repairs began.",
       "Tom Diaz"},
      // "Mrs. Ruiz" is not the man named Ruiz
      {"Mr. Ruiz said the dam held. Mrs. Ruiz said it leaked.", "Ruiz"},
      // nothing known: the last person, as before (a person of unknown gender
      // is taken for either)
      {"Tom Diaz said the dam held. Ana Ruiz said it leaked. He said repairs began.", "Ana Ruiz"},
  };
  for (const Case& c : cases) {
    INFO(c.text);
    auto got = Claims(c.text);
    REQUIRE(!got.empty());
    CHECK(got.back().resolved == c.resolved);
  }
}

TEST_CASE("headlines, bylines and boilerplate make no claims", "[claims]") {
  auto got = Claims("Minister accuses rivals of fraud\nBy Jane Roe\nRelated: Minister says more\n"
                    "The vote was held on Sunday.\nA Message from The Daily:\nWe need your help to continue.");
  REQUIRE(got.size() == 1);
  CHECK(got[0].type == "author");
  CHECK(got[0].content == "The vote was held on Sunday");
  // A title-case line is a headline even with a full stop.
  got = Claims("Minister Says Rivals Rigged The Election.\nThe vote was held on Sunday.");
  REQUIRE(got.size() == 1);
  CHECK(got[0].type == "author");
  // A short line ending in a colon is furniture; a longer one announces the block below.
  got = Claims("Watch:\nThe vote was held on Sunday.");
  REQUIRE(got.size() == 1);
  CHECK(got[0].content == "The vote was held on Sunday");
  got = Claims("The count went as follows:\nThe vote was held on Sunday.");
  REQUIRE(got.size() == 2);
  CHECK(got[0].content == "The count went as follows");
}

TEST_CASE("a denial that names the source disputes its claims", "[claims]") {
  const std::string text =
      "Russia claimed that the convoy carried weapons. Ukraine's ministry categorically rejected Russia's claims "
      "about the convoy.";
  const Annotated a(text);
  const AnnotatedDocument& out = a.out;
  REQUIRE(out.claims.size() >= 2);
  CHECK(out.claims[0].disputed_by.size() == 1);
  const Claim& denial = out.claims[out.claims[0].disputed_by[0]];
  CHECK(denial.stance == "denial");
  CHECK(text.substr(denial.source.begin, denial.source.size()) == "Ukraine's ministry");
}

TEST_CASE("a sentence whose cue makes no claim is the writer's unless its words may be the speaker's", "[claims]") {
  struct Case {
    std::string text;
    bool writers;  // the sentence is a claim of the writer's
  };
  const std::vector<Case> cases = {
      {"The mayor did not respond to a request for comment.", true},  // the cue's claim has no content
      {"I know what she said.", true},
      {"The mayor was asked.", true},
      {"The dam is the best in the state Ruiz argues.", false},  // no comma: the cue ends it all the same
      {"In 2016, the dam is going to hold,\u201D Ruiz says.", false},  // a quotation mark
  };
  for (const Case& c : cases) {
    CAPTURE(c.text);
    bool writers = false;
    for (const Got& g : Claims(c.text)) writers = writers || (g.cue.empty() && g.type == "author");
    CHECK(writers == c.writers);
  }
}

TEST_CASE("a sentence passing on hearsay is a claim of no one in particular, unless a source is named", "[claims]") {
  struct Case {
    std::string text;
    std::vector<Got> want;  // every claim of the text
  };
  const std::vector<Case> cases = {
      {"The bill is expected to pass the senate next week.",
       {{"", "vague", "", "is expected to", "The bill is expected to pass the senate next week"}}},
      {"The general reportedly fled the capital on Sunday.",
       {{"", "vague", "", "reportedly", "The general reportedly fled the capital on Sunday"}}},
      // The source named: the hedge weakens its claim and makes none.
      {"The minister reportedly resigned, according to state media.",
       {{"state media", "media", "", "according to", "The minister reportedly resigned"}}},
      // Inside a speaker's words: the speaker's claim.
      {"\u201CThe dam is said to be safe,\u201D the mayor said.",
       {{"the mayor", "person", "", "said", "\u201CThe dam is said to be safe,\u201D"}}},
  };
  for (const Case& c : cases) {
    CAPTURE(c.text);
    const std::vector<Got> got = Claims(c.text);
    REQUIRE(got.size() == c.want.size());
    for (std::size_t i = 0; i < got.size(); ++i) {
      CHECK(got[i].source == c.want[i].source);
      CHECK(got[i].type == c.want[i].type);
      CHECK(got[i].cue == c.want[i].cue);
      CHECK(got[i].content == c.want[i].content);
    }
  }
}

TEST_CASE("adjuncts alone after a cue are no content", "[claims]") {
  // "responded on Twitter" reports nothing; the participle after it does.
  const std::vector<Got> got = ClaimsWithCue("The mayor responded on Twitter, calling the plan \u201Cpathetic.\u201D");
  REQUIRE(got.size() == 1);
  CHECK(got[0].cue == "calling");
  CHECK(got[0].source == "The mayor");
}

TEST_CASE("a content of marks alone is no content", "[claims]") {
  // A cue ending a quotation has only the closing mark after it; a line of
  // a brace makes no writer's claim.
  for (const char* text : {"Ana Ruiz spoke. \u201CNo one has disputed a word I said.\u201D", "The dam held.\n\n}.\n"}) {
    CAPTURE(text);
    for (const Got& g : Claims(text)) {
      CAPTURE(g.cue);
      CHECK(g.content.find_first_of("abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ") != std::string::npos);
    }
  }
}

TEST_CASE("claim spans are never inverted", "[claims]") {
  // "According to X, Y has stated ...": the second cue's clause starts at the
  // comma after X; the first claim reports that whole clause, and a claim
  // left without content would be dropped, never written with start > end.
  const std::vector<std::string> texts = {
      "According to the Daily Ledger, the mayor has stated she will not run again.",
      "Turnout rose in the new county poll, the clerk said, in a poll of 500 voters.",
  };
  for (const std::string& text : texts) {
    const Annotated a(text);
    const AnnotatedDocument& out = a.out;
    for (const Claim& c : out.claims) {
      INFO(text);
      for (const evident::Span& s : {c.source, c.cue, c.content}) {
        CHECK(s.begin <= s.end);
        CHECK(s.end <= text.size());
      }
      CHECK_FALSE(c.content.empty());
    }
  }
  auto got = Claims(texts[0]);
  REQUIRE(got.size() == 2);
  CHECK(got[0].cue == "According to");
  CHECK(got[0].content == "the mayor has stated she will not run again");
  CHECK(got[1].cue == "stated");
  CHECK(got[1].content == "she will not run again");
}

TEST_CASE("source type names round-trip", "[claims]") {
  for (int i = 0; i < evident::kNumSourceTypes; ++i) {
    auto t = static_cast<evident::SourceType>(i);
    CHECK(evident::ParseSourceType(evident::SourceTypeName(t)) == t);
  }
  CHECK(evident::ClaimId(0) == "c1");
}
