"""The word cues and thresholds by which a message is read: pointers ("die", "dort",
"davon"), ordinals ("der zweite"), the writer's own words ("ich", "meine Mutter"), the
phrases that open a question, and the small text functions that look for them.

They are German (and some English) function words and patterns, not partner facts: what
partners are called, whom they serve and what they say lives in the knowledge file.
Both the reading of a message (actions.understanding) and the rules that decide what it
asks (actions.deciding) use them.
"""

from __future__ import annotations

import re
from itertools import accumulate
from typing import Callable, Dict, FrozenSet, Iterable, List, Optional, Sequence, Set, Tuple

from actions.fact_index import CONCEPT_MARK
from actions.knowledge import KINDS, Partner, Vocabulary
from actions.memory import Memory
from actions.spelling import fold, with_plain_vowels

# The fact-index term of the fact-word group "zielgruppe" ("richtet sich an", "wendet sich an"):
# the sentence that says whom a partner is for.
WHOM_TERM = f"{CONCEPT_MARK}zielgruppe"
# A word of the page shorter than this names no one by itself ("Rat", "Amt").
MIN_OWN_WORD = 6
# A sentence that names a thing of its own answers "wer macht sowas?" over the topic's partners
# when it scores at least this many times as high as their best sentence.
DOMINANT_SHARE = 2.0
# "Welche Partner gibt es seit 1985?": a word the page says of at most this many partners chooses them.
MAX_SAID_OF = 3
# The intent-word group that asks whether such a partner exists ("gibt es ein Netzwerk für …?").
EXISTS = "exists"
# The intent-word group that goes back to the partner talked about longest ago ("vom Anfang").
FIRST = "first"
PARTNER_QUESTION_INTENTS = ("ask_partner_info", "ask_partner_location", "ask_partner_contact", "follow_up")
# Answer types that a group word does not turn into "who helps" ("Wie viele Muslime …?").
FIGURE_TYPES = ("number", "share", "date", "expansion")
# An out-of-scope guess is overruled by a sentence of the page only if it matches this much better.
DOUBTED_FACTOR = 1.5
# Below this the classifier's guess stays "Meinten Sie …?", even with a partner named.
MIN_FALLBACK_CONFIDENCE = 0.3
# The intents that ask about the bot itself ("Bist du ein Mensch?"). Their real questions were
# guessed at 0.87 and more on the trained model, follow-up questions about a partner that merely
# sound like them ("Ist da …?", "Habe ich …?") at about 0.6: below this floor it is no such question.
SELF_QUESTION_INTENTS = ("bot_challenge", "ask_capabilities")
SELF_QUESTION_MIN_CONFIDENCE = 0.8


# Small words around a bare name or city: "landesinitiative jungenarbait", "und in Bielefeld?"
SMALL_WORDS = with_plain_vowels("und in im auch gibt gibts es das was ist mit wie sieht aus da dort denn noch bei so der "
                                 "die den dem des ein eine einen zu ueber nrw and what about also the a an is are")
# Words that point back to the subject: "dort", "deren"; and "die"/"der"/"das" used as a
# pronoun, i.e. followed by one of these small words or standing last ("wen berät der?").
POINTERS = with_plain_vowels("dort da deren denen dessen ihnen dabei dafuer dazu davon darin drin daran dahin dahinter "
                              "there them their")
# "Is there also a body …?", "there are …": "there" with a form of "be" says that something
# exists; it points at no place talked about.
EXISTENTIAL = frozenset("is are was were isnt arent".split())
# "wir wohnen in Köln. gibt es da was?": after a city, these point at the city, not the subject.
PLACE_POINTERS = frozenset("dort da dahin there".split())
# "… und wie lautet dessen Faxnummer?" after "Welches Gremium …": whose, of the one sought.
SOUGHTS_GENITIVE = frozenset("dessen deren".split())
# "Papas mit Migrationsgeschichte": a "mit" phrase after a group's word describes the group.
WITH = frozenset("mit with".split())
# "wie erreiche ich die?" asks how to reach them, not for a sentence with "erreichen".
HOW = frozenset("wie wo wann".split())
# "gibts sowas in Köln?", "solche Büros": the kind of thing just talked about (not with a group).
KIND_POINTERS = frozenset("sowas solche solchen solches".split())
PRONOUNS = frozenset("die der das den dem diese dieser diesen dieses they it".split())
# "stützen die ihre Arbeit …": a possessive after "die" makes "die" the pronoun.
POSSESSIVES = frozenset("ihre ihren ihrem ihrer ihr seine seinen seinem seiner sein".split())
AFTER_PRONOUN = with_plain_vowels("auch noch schon denn eigentlich wirklich ueberhaupt da dort mit was wen wem wer so "
                                   "gerade ein eine einen nicht immer jetzt hier bei in fuer vom von zu ne an auf aus ab "
                                   "vor sich konkret genau alles dann beiden "
                                   # "sitzen die, und was …": a conjunction ends the clause, as the end does.
                                   "und oder aber sondern")
# "gehören die JMD auch dazu?", "sind die dabei?": whether something belongs to the subject.
BELONGING = frozenset("dazu dabei darin drin darunter deren dessen".split())
# "diese Stelle", "dieses Amt": a demonstrative and a noun point back to the subject.
DEMONSTRATIVES = frozenset("diese dieser diesen dieses diesem jene jener jenen jenes".split())
# "in dieser Lage", "in diesem Fall": a demonstrative before the writer's circumstances points at
# the story, not at the partner talked about.
CIRCUMSTANCES = with_plain_vowels("lage situation fall faellen zusammenhang hinsicht weise moment zeit")
# English "this"/"these" point back only before the kind of thing a partner is ("with this network");
# "this year", "this problem" do not.
ENGLISH_DEMONSTRATIVES = frozenset("this these".split())
ENGLISH_KINDS = frozenset("network networks office offices organisation organization institute institution "
                          "centre center service project council committee initiative association museum".split())
# "ein Gremium, das sich … kümmert": after an indefinite article and a noun, "das" is relative.
INDEFINITE = frozenset("ein eine einen einem einer eines".split())
# "Das Institut ist eine Stiftung …": a sentence that opens with what it calls its partner, then
# its verb (not a genitive or preposition that attaches: "Die Aufgaben des ZfTI …").
SELF_NOUN = re.compile(r"(?:Das|Der|Die)\s+([A-ZÄÖÜ]\w+)\s+(\w+)")
ATTACHED = frozenset("des der den dem die das von vom für und mit zu zur zum in im an bei aus".split())
# "ein Institut, das …", "eine Stelle, die …": the pronouns that open a relative clause.
RELATIVE = frozenset("das die der den dem welche welcher welches welchen".split())
# The writer ("wer hilft mir?") and the writer's own people ("meine Mutter").
WRITER = frozenset("ich mir mich".split())
WRITERS_OWN = frozenset("mein meine meiner meinem meinen meines".split())
# "die Träger", "den Eltern": a definite article before a group's word.
DEFINITE = frozenset("die der den dem des deren dessen".split())
# "zu der/zum Kölner Büro": an article that makes what follows one known thing.
THE = DEFINITE | frozenset("das zum zur vom beim im".split())
# "Wer sitzt da drin?": the location words that also say who is a member.
SITTING = frozenset("sitzt sitzen".split())
# Words before a group's word that make it the subject's own people ("die/solche/diese/ihre Träger").
OF_THE_SUBJECT = DEFINITE | KIND_POINTERS | DEMONSTRATIVES | frozenset(
    "ihre ihren ihrer ihrem seine seinen seiner seinem".split())
# "gibt es was für Väter?", "macht das Land etwas …?": something unnamed.
SOMETHING = frozenset("was etwas irgendwas sowas".split())
# "etwas, das …": a thing a relative clause describes (not "was": "weißt du, was die machen?").
THING = SOMETHING - {"was"}
# Words before the one a question opens with.
LEADING = frozenset("und aber also ok okay and but so".split())
# "nochmal das Institut an meiner Uni – …", "zurück zur LAG: …": a sentence that opens so goes
# back to a partner talked about (not "nochmal danke", "zurück nach Syrien").
GOING_BACK = {"nochmal": frozenset("zu zum zur der die das den dem".split()),
              "zurueck": frozenset("zu zum zur".split())}
# A message about oneself ("Ich arbeite im Sozialamt …", "Wir sind Eltern …") describes a
# situation: with a group or topic in it, it asks who helps, not for a sentence of the page.
FIRST_PERSON = frozenset("ich wir mein meine meinen meinem meiner unser unsere unseren mir mich uns".split())
# A noun on more pages than this ("Stelle") is common: it names the subject when the subject's page has it.
COMMON_NOUN_PAGES = 2
# A quoted sentence that sends the reader to a web site (it says where to find a partner).
WEB_ADDRESS = re.compile(r"\bwww\.|https?://")
# The bot addressed ("Hast du dir diese Angaben selbst ausgedacht?"): a question about the bot's own words,
# not the subject's.
ADDRESSED = frozenset("du dir dich dein deine deinen deinem deiner you your".split())
# "für mich als Mutter", "für uns": what is asked for oneself (folded).
FOR = frozenset({"fuer", "for"})
ONESELF = frozenset({"mich", "uns", "me", "us"})
# Words that count out of a group: "einer der Lehrer", "viele der Eltern" (then "der" is an article).
PARTITIVE = frozenset("einer eine eines einem einen keiner keine keines viele einige manche alle jeder jede jedes "
                      "beide mehrere".split())
# The question words proper ("worauf", "wofür" …), without the prepositions that open questions too.
QUESTION_WORDS = frozenset("wer was wie wo wann warum wieso weshalb wofuer womit woher wohin worauf woran wozu "
                           "wodurch worueber wovon worum wogegen".split())
# First words after which "die"/"der" is an article, not a pronoun ("Wer berät die …?").
QUESTION_OPENERS = frozenset("wer was wie wo wann welche welcher welchen welches warum wieso weshalb wofuer womit "
                              "woher wohin fuer an in mit von bei ueber auf und gibt gibts sind ist".split())
# A phrase that starts a new topic counts within the first words of a message only.
NEW_TOPIC_WITHIN = 2
# A message of a question phrase and at most one word more ("bis zu welchem Alter?") has at most this many words.
FRAGMENT_MAX_WORDS = 5
# In another language a question word without a kind of fact asks about the subject in a message of
# at most this many words ("من الذي أطلق هذه المبادرة؟ أي وزارة بالضبط؟"); "who" alone in at most
# BARE_WHO_WORDS ("Kim?", "А кто?"): longer, it asks who helps.
OTHER_LANGUAGE_FRAGMENT_WORDS = 8
BARE_WHO_WORDS = 3
# An asking sentence with this many words the page knows is read without the story before it.
ASKING_SAYS_ENOUGH = 4
# Kinds of answer whose question phrase says the kind of fact itself ("wie viele", "seit wann", "wofür
# steht"): asked in the asking sentence, the story's words of a kind of fact ("Ich bin Vorsitzender …")
# are not asked. "wer", "wo", "warum" say too little of the fact to do that.
PHRASE_SAYS_THE_KIND = frozenset({"share", "date", "number", "expansion", "law"})
# "was ist mit Dortmund?", "wie sieht es bei den Vätern aus?": the question before, about something else.
ELLIPTIC_OPENERS = frozenset({"was ist mit", "wie ist es mit", "wie ist es bei", "wie ist das mit", "wie ist das bei",
                               "wie sieht es", "wie siehts", "what about", "how about"})
# "Welche der Partner …?", "welche von den Stellen …?": the words between "welche" and its noun.
OF_THE = frozenset("der den dem von vom".split())
# "und gibt es auch einen Verband?": another partner beside the subject.
ALSO = frozenset("auch noch andere anderen weitere weiteren sonst".split())
# "Ein Schüler (15)", "eine Jugendliche, 16": a group's word with the age of the one it names;
# "einer von den Jungs ist 15", "zwei meiner Schüler sind 15": the age of those the group's word names too.
_AGED_PERSON = (r"\b(?:schüler|schülerin|jugendliche[rn]?|junge|jungs|mädchen)\s*(?:\(\s*\d{1,2}\s*\)"
                r"|,\s*\d{1,2}\b(?!\.\d)|\s(?:ist|sind|wird|werden)\s+(?:jetzt\s+|schon\s+|erst\s+|fast\s+)?\d{1,2}\b(?!\.\d))")
AGED_PERSON = re.compile(_AGED_PERSON, re.IGNORECASE)
# An age stated: "ich bin 19", "er ist 29", "mein Sohn, 15 Jahre", "17-jährig", "meine tochter 19"
# (not "seit 20 Jahren"); in the other languages the bot reads, only forms that say an age, not a
# time or an amount: "oğlum 15 yaşında", "мій син 17 років", "my son is 16", "16 years old",
# "syn ma 17 lat", "عمره 16 سنة" (not "мне 5 минут", "I'm 5 minutes late", "firma ma 20 lat").
_RELATIVES = "sohn|tochter|kind|bruder|schwester|neffe|nichte|enkel|enkelin"
_CHILD_WORDS = r"(?:son|daughter|brother|sister|nephew|niece|grandson|granddaughter|child|kid)"
_CYRILLIC_CHILD = r"(?<!\w)(?:син|сину|сина|донька|доньці|дочка|дочці|сын|сыну|дочь|дочке|дочери|внук|внучка|брат|сестра)"
AGE_STATED = re.compile(r"\b(?:bin|ist|wird|werde)\s+(?:jetzt\s+|schon\s+|erst\s+|fast\s+)?\d{1,2}\b"
                         r"|\b(?:" + _RELATIVES + r")\s*,?\s+\d{1,2}\b(?!\.\d)"
                         r"|\b(?:" + _RELATIVES + r"|cousin|cousine)\s*\(\s*\d{1,2}\s*\)"
                         r"|" + _AGED_PERSON +
                         r"|(?<!seit )(?<!vor )\b\d{1,2}\s*(?:jahre\b(?!n)|-?j(?:ä|ae)hrig)"
                         r"|\b\d{1,2}\s*(?:years?|yrs?)[\s-]*old\b|\b" + _CHILD_WORDS + r"\s+(?:is\s+)?\d{1,2}\b(?!\s*(?:min|hour|day|week|month|km))"
                         r"|\b\d{1,2}\s*ya[şs][ıi]nda"
                         r"|" + _CYRILLIC_CHILD + r"\s*,?\s*\d{1,2}\s*(?:років|роки|рік|лет|года|год)\b"
                         r"|(?<!\w)(?:йому|їй|ему|ей)\s+(?:(?:буде|будет|вже|уже|скоро|всего|только|лише|тільки"
                         r"|исполнится|исполнилось|виповниться|виповнилося)\s+){0,2}\d{1,2}\b(?!\s*(?:-\d|хв|мин|час"
                         r"|годин|дн|тиж|нед|міс|мес|км|€|\$|евро|євро|грн|руб|долл|долар|%|раз|числ|сообщ|повідом"
                         r"|январ|феврал|март|апрел|ма[яй]|июн|июл|август|сентябр|октябр|ноябр|декабр"
                         r"|січ|лют|берез|квіт|трав|черв|лип|серп|верес|жовт|листопад|груд))"
                         r"|\b(?:syn|córka|corka)\s*,?\s*(?:ma\s+)?\d{1,2}\s+lat"
                         r"|(?:عمره|عمرها|عمري)\s*\d{1,2}\s*(?:سنة|سنوات|عام|سنين)", re.IGNORECASE)
# A sentence that opens with one of these requests something ("Zeig mir alle Stellen."), though it
# ends with a full stop like a sentence that tells.
REQUEST_VERBS = frozenset({"zeig", "zeige", "zeigen", "nenn", "nenne", "nennen", "gib", "gebt", "geben", "sag",
                           "sage", "sagen", "liste", "listen", "schreib", "schreibe", "show", "list", "tell", "give",
                           "name"})
# What a group said counts for a partner of a group that combines it with another group said
# (Deciding._fitting): more than nothing, less than a group or topic of its own.
COMBINED_WEIGHT = 0.5
# The word of the page an age stated asks about (its fact-word group holds the rest).
AGE_WORD = "Alter"
# An age range of the page: "junge Menschen … von 12 bis 27 Jahren".
AGE_RANGE = re.compile(r"\b(\d{1,2}) bis (\d{1,2}) Jahren\b")
# "die Eltern meiner Schüler": a genitive after a group's word.
GENITIVE = frozenset("meiner meines deiner deines seiner seines ihrer ihres unserer unseres eurer der des".split())
# "Welche Einrichtungen …?" asks for every partner that fits.
WHICH = frozenset("welche welcher welches welchen welchem".split())
# Question words that ask for something other than a way to reach someone ("wie", "wo", "wohin"
# may ask how or where to write): "Ich schreibe eine Hausarbeit. Welche Institute …?" asks no e-mail.
ASKS_ANOTHER_THING = WHICH | frozenset("wer was wann warum wieso weshalb woraus wofuer worauf woran wozu worum seit".split())
# "eine Stelle beim Land, die …", "ein Büro in Köln, das …": prepositions (folded) that attach a
# place or owner to a noun without an article of their own.
NOUN_PREPOSITIONS = frozenset("beim im in vom fuer aus zum zur am".split())
# "Mit welchen Einrichtungen …?": a preposition before "welche" still opens a "welche" question.
WHICH_PREPOSITIONS = frozenset("mit bei an von zu fuer in ueber aus".split())
# Where someone is from: "aus der Türkei", "aus Syrien", "den türkischen Pass" (folded text).
ORIGIN = re.compile(r"\b(?:aus|from) (?:der |dem |den |the )?(\w+)"
                     r"|\b(\w+) (?:pass|reisepass|staatsangehoerigkeit|staatsbuergerschaft|passport|citizenship)\b")
# "In welcher Stadt war das?": the past (a founding), not today's address.
PAST = frozenset("war waren wurde wurden gegruendet entstanden entstand zusammengeschlossen".split())
# A German message of at most this many words ("hilfe rassismus", "wo beratung jung migrant")
# gets who-helps answers in simple language (Partner.simple).
SIMPLE_MAX_WORDS = 8
# A follow-up's sentence of another partner with the value asked for ("ab wann …?") needs this.
MIN_TYPED_FOLLOW_UP_SCORE = 1.5
# A word in at least this share of the page's sentences is no word of a partner's name.
COMMON_WORD_SHARE = 0.12
# A fact found for all partners at once must match this well to be the subject.
MIN_OPEN_SCORE = 2.0
# "Stimmt das?" asks whether what was said before is true.
CHECKS_A_CLAIM = frozenset("stimmt stimmts".split())
# "Letzte Frage: …", "Für das zweite Kapitel: …": the writer counts their own questions or
# text, not the partners named.
OWN_TURNS = frozenset("frage fragen sache punkt thema anliegen kapitel teil abschnitt schritt mal "
                      "question thing point topic chapter part section segment step".split())
# "letzte Woche", "im ersten Jahr": an ordinal before a time counts time, not partners.
TIMES = frozenset("woche wochen wochenende monat monate monaten jahr jahre jahren jahres tag tage tagen zeit sommer "
                  "winter nacht stunde montag dienstag mittwoch donnerstag freitag samstag sonntag "
                  "time week weekend month year day night".split())
# "die als erste genannte Stelle": participles that say an ordinal after "als" counts what was said.
SAID = frozenset("genannt genannte genannten genannter erwaehnt erwaehnte erwaehnten erwaehnter".split())
# "Ziel Nummer 3", "Punkt Nr. 2": a number that counts the items of a list.
NUMBER_MARKS = frozenset("nummer nr punkt".split())
# An ordinal written right before a capitalised noun ("beim letzten Turnier"): the noun.
ATTRIBUTIVE_ORDINAL = re.compile(r"\b(?i:erst|zweit|dritt|viert|letzt)e[nrs]?\s+([A-ZÄÖÜ][\wäöüß]*)")
ORDINALS = {"erste": 0, "ersten": 0, "erster": 0, "erstes": 0, "zweite": 1, "zweiten": 1, "zweiter": 1,
             "dritte": 2, "dritten": 2, "dritter": 2, "vierte": 3, "vierten": 3, "letzte": -1, "letzten": -1,
             # "Zweitgenannter – wie entstanden?"
             "erstgenannte": 0, "erstgenannten": 0, "erstgenannter": 0, "erstgenanntes": 0,
             "zweitgenannte": 1, "zweitgenannten": 1, "zweitgenannter": 1, "zweitgenanntes": 1,
             "letztgenannte": -1, "letztgenannten": -1, "letztgenannter": -1, "letztgenanntes": -1,
             "first": 0, "second": 1, "third": 2, "last": -1}


# Kinds of partner (knowledge.KINDS) that name the kind as the last part of a compound ("Landesgremium",
# "Fachnetzwerk"); not "…partner" ("Kooperationspartner" are those a partner works with).
COMPOUND_KINDS = ("Gremium", "Netzwerk")


def not_negated_kinds(kinds: List[str], folded: str) -> List[str]:
    """"Welche Partner gibt es, also nicht die Gremien und nicht die Netzwerke?": a kind said
    with "nicht", "ohne", "außer", "kein" is left out; when only left-out kinds were named,
    the others are asked for."""
    negated = [k for k in kinds if re.search(
        rf"\b(?:nicht|ohne|ausser|kein\w*)\s+(?:(?:die|den|der|das)\s+)?{fold(k)[:5]}", folded)]
    if not negated:
        return kinds
    return [k for k in kinds if k not in negated] or [k for k in KINDS if k not in negated]


# The question marks of the languages the bot reads: Arabic and Persian write "؟".
QUESTION_MARKS = ("?", "؟")


def split_sentences(text: str) -> List[str]:
    """The sentences of a message, split after ".", "!", "?" ("؟") and ":", and at a dash between
    spaces ("Fall mit einer Roma-Familie – welche Stellen sind für Sinti und Roma da?")."""
    return [s for s in re.split(r"(?<=[.!?؟:])\s+|\s+[–—-]\s+", text.strip()) if s]


def sentence_ends(text: str) -> List[Tuple[int, str]]:
    """Each sentence of a message with where it ends, counted in the folded words of the message."""
    sentences = split_sentences(text)
    return list(zip(accumulate(len(fold(sentence).split()) for sentence in sentences), sentences))


def part_ends(text: str) -> List[int]:
    """Where the parts of a message that ask nothing end, counted in folded words: after a
    sentence or part closed by ".", "!", ":" or a dash ("Nochmal zu den Vätern: hat …?" -> [4])."""
    return [end for end, sentence in sentence_ends(text) if not sentence.endswith(QUESTION_MARKS)]


def question_last(sentences: List[str]) -> List[str]:
    """The sentences with the statements after the last question moved before it: "Bu hizmet
    kaç yaşına kadar geçerli? Ağabeyi de 26 yaşında." asks the first; the age told after it is
    context, like a story told before. Everything that reads "the last sentence asks" holds then."""
    last_question = max((i for i, s in enumerate(sentences) if s.endswith(QUESTION_MARKS)), default=None)
    if last_question is None or not all(s.endswith(".") for s in sentences[last_question + 1:]):
        return sentences
    return [*sentences[:last_question], *sentences[last_question + 1:], sentences[last_question]]


def questions_at_end(sentences: List[str]) -> List[str]:
    """The last sentence and the questions right before it: "Ich habe zwei Kinder. Gibt es was
    für Eltern? Und für Väter?" asks the last two."""
    asked = sentences[-1:]
    for sentence in reversed(sentences[:-1]):
        if not sentence.endswith(QUESTION_MARKS):
            break
        asked.insert(0, sentence)
    return asked


def serving_all(groups: Sequence[Vocabulary], partners: Iterable[Optional[Partner]]) -> List[Partner]:
    """The partners (of those given) that are for every one of the groups; none without groups."""
    return [p for p in partners if p is not None and all(g.id in p.target_groups for g in groups)] if groups else []


def yes_no_about_oneself(sentences: List[str]) -> bool:
    """"Hab ich … das volle Wahlrecht?", "Dürfen wir …?": the last sentence is a question
    that opens with a verb and "ich"/"wir", not a story of one's situation."""
    if not sentences or not sentences[-1].endswith(QUESTION_MARKS):
        return False
    last = fold(sentences[-1]).split()
    if len(last) > 2 and last[1] in ("ich", "wir") and last[0] not in QUESTION_OPENERS:
        return True
    # "… ich darf gar nicht wählen. Stimmt das für Spätaussiedler?": a claim about oneself, checked.
    before = fold(" ".join(sentences[:-1])).split()
    return bool(last) and last[0] in CHECKS_A_CLAIM and bool({"ich", "wir"} & set(before))


def relative_clauses(words: List[str]) -> List[List[str]]:
    """The words after an indefinite article, its noun and a relative pronoun, to the end of
    the message: "ein Forschungsinstitut, das sich mit türkeistämmiger Migration befasst?"
    (folded words carry no commas, so the clause runs to the end)."""
    return [words[index + 1:] for index in range(2, len(words))
            if after_indefinite_noun(words, index) and words[index] in RELATIVE]


# Words that point at a place said before ("wo finde ich die Stelle hier vor Ort?").
HERE = frozenset({"hier", "dort"})
# The subject that follows a relative "wo" ("eine Stelle, wo man …", "ein Büro, wo ich …").
WHERE_CLAUSE_SUBJECTS = frozenset("man ich wir du er sie ihr jemand mein meine unser unsere".split())


def relative_where(words: List[str], names_a_thing: Callable[[str], bool]) -> Set[int]:
    """The positions of a "wo" that opens a relative clause: after a noun (`names_a_thing`) and before
    the clause's subject ("gibt es eine Stelle, wo man sowas melden kann?" asks for one, not where).
    After a verb or pronoun it still asks where ("weiß jemand, wo man das melden kann?")."""
    return {i for i, word in enumerate(words) if word == "wo" and 0 < i < len(words) - 1
            and words[i + 1] in WHERE_CLAUSE_SUBJECTS and names_a_thing(words[i - 1])}


def after_indefinite_noun(words: List[str], index: int) -> bool:
    """Is the word at `index` right after an indefinite article and its noun ("ein Gremium,
    das …"), with a place or owner after it ("eine Stelle beim Land, die …"), or after a noun that
    "gibt es" asks for ("gibt es Fachstellen, die …")? There a pronoun opens a relative clause; it
    does not point back."""
    return index >= 2 and words[index - 2] in INDEFINITE \
        or index >= 4 and words[index - 4] in INDEFINITE and words[index - 2] in NOUN_PREPOSITIONS \
        or index >= 3 and {*words[index - 3:index - 1]} == {"gibt", "es"}


def ordinal_in(words: List[str], counts_else: Callable[[str], bool] = lambda word: False) -> Optional[int]:
    """The position a message counts ("der zweite" -> 1, "der letzte" -> -1), if any; not
    the count of the writer's own questions ("Letzte Frage: …", "erste Sache: …"), nor a time
    ("letzte Woche haben Zuschauer …"), nor a thing of the writer's own (`counts_else`: "beim
    letzten Turnier wurde einer meiner Jungs beleidigt"), nor one more of a kind ("noch eine zweite
    Organisation" asks for another, it does not count back), nor a rank ("NRW hat als erstes Bundesland
    …"; "die als erste genannte Stelle" still counts)."""
    return next((ORDINALS[w] for i, w in enumerate(words)
                 if w in ORDINALS and not (i + 1 < len(words) and (words[i + 1] in OWN_TURNS | TIMES
                                                                   or counts_else(words[i + 1])))
                 and not (i and words[i - 1] in INDEFINITE)
                 and not (i and words[i - 1] == "als" and i + 1 < len(words) and words[i + 1] not in SAID)),
                None)


def counts_past_the_list(ordinal: Optional[int], memory: Memory) -> bool:
    """An ordinal beyond the partners named: "der dritte" when the last answer named two."""
    return ordinal is not None and bool(memory.named) and memory.ordinal(ordinal) is None


# "von der Beratungsstelle", "beim Amt": a preposition and a definite article name one talked about.
OF = frozenset("von bei mit zu an in ueber".split())
ARTICLE_AFTER_PREPOSITION = frozenset("vom beim zum zur im".split())


def sought_after_article(words: List[str]) -> List[str]:
    """"Gibt es (auch) einen Verbund für Eltern, die eingewandert sind?": after "gibt es" and an
    indefinite article, the words describe some partner sought, not one talked about; the words
    after a definite article still name one ("… eine Nummer von der Beratungsstelle?")."""
    start = next((i + 1 for i in range(2, len(words)) if words[i] in INDEFINITE and words[i - 2:i] == ["gibt", "es"]
                  or i >= 3 and words[i] in INDEFINITE and words[i - 1] in ALSO and words[i - 3:i - 1] == ["gibt", "es"]),
                 None)
    if start is None:
        return []
    return [w for i, w in enumerate(words[start:], start)
            if not (words[i - 1] in ARTICLE_AFTER_PREPOSITION or words[i - 1] in THE and words[i - 2] in OF)]


def opens_with_which(words: List[str]) -> bool:
    """"Welche Einrichtungen …?", "Mit welchem Ziel …?": a "welche" question, after a preposition too."""
    opener = words[1:2] if words[:1] and words[0] in WHICH_PREPOSITIONS else words[:1]
    return bool(opener) and opener[0] in WHICH


def which_noun(words: List[str]) -> Optional[str]:
    """The word after the opening "welche" ("Welches Institut …?" → "institut", "An welcher
    Hochschule …?" → "hochschule"); None when the words do not open with "welche"."""
    start = 1 if words[:1] and words[0] in WHICH_PREPOSITIONS else 0
    if not opens_with_which(words):
        return None
    # "Welche der Partner …?", "welche von den Stellen …?": the noun after the article.
    rest = words[start + 1:]
    while rest[:1] and rest[0] in OF_THE:
        rest = rest[1:]
    return rest[0] if rest else None


# "Und über den Ländern, gibt es da ein Gremium …?": a phrase put in front, a comma, then the verb
# and "da": "da" takes up that phrase ("as for the Länder, is there …"), not the partner talked about.
_FRONT_PREPOSITIONS = "für|über|in|im|bei|beim|mit|zu|zum|zur|auf|an|am|von|vom|zwischen|unter|nach|aus"
_RESUMED = re.compile(rf"^(?:und |aber |also )?(?P<front>(?:{_FRONT_PREPOSITIONS}) [^,;:?!.]{{2,60}}),\s*"
                      r"(?:gibt(?:'s| es|s)?|ist|sind|hat|haben|macht|machen)\s+(?:es\s+)?(?:da|dort)\b")


def resumes_phrase_in_front(sentence: str) -> bool:
    """Does "da"/"dort" of this sentence (as written) take up the phrase with a preposition before
    its comma? Not when that phrase points back itself ("und bei denen, gibt es da …?")."""
    match = _RESUMED.match(sentence.strip().lower())
    return match is not None and not POINTERS & set(match.group("front").split())


def goes_back(sentence: str) -> bool:
    """Does this sentence (folded) open, past "und"/"ok", with words that go back to a partner
    ("nochmal zu …", "noch mal das …", "zurück zur …")?"""
    words = sentence.replace("noch mal", "nochmal").split()
    while words[:1] and words[0] in LEADING:
        words = words[1:]
    return len(words) > 1 and words[1] in GOING_BACK.get(words[0], ())


def which_of_all(words: List[str]) -> bool:
    """"Welche der Partner …?", "welche von den Stellen …?": which among all of them (an article
    between "welche" and the noun)."""
    return opens_with_which(words) and len(words) > 2 and words[1] in OF_THE


def is_elliptic(words: List[str]) -> bool:
    """"und …?", "nur …?", "was ist mit …?", or a message of one or two words ("Mitglieder?")."""
    return len(words) <= 2 or bool(words) and words[0] in ("und", "auch", "nur", "and") \
        or " ".join(words[:3]) in ELLIPTIC_OPENERS or " ".join(words[:2]) in ELLIPTIC_OPENERS


def opening_word(words: List[str]) -> Optional[str]:
    """The word a question opens with, after "und", "aber", "also" ("und was wollen die erreichen?")."""
    return next((w for w in words if w not in LEADING), None)


def has_pointer(words: List[str], until: Optional[int] = None,
                 is_noun: Callable[[str], bool] = lambda word: False, pointers: FrozenSet[str] = POINTERS) -> bool:
    """"dort", "deren" (`pointers`), or a pronoun "die"/"der": before a small word or last
    ("machen die auch …?", "wen berät der?"), or right after the verb that opens a question
    ("fördern die den Austausch …?") or that follows its question word ("worauf stützen die ihre
    Arbeit?"), but not as the article of a noun ("hat das Land auch was …?").
    Only the words before `until` count, if given."""
    # Not the article of the group's word at `until` ("Jetzt die Eltern: …"). After "und" too: "und die
    # sitzen wirklich hier?" ("und die Eltern?" is a group's word, "und die Beratung?" a noun).
    # Nor after a word that counts out of a group: "Einer der Lehrer hat gesagt …" is one of them.
    if len(words) > 2 and words[1] in PRONOUNS and (words[0] not in QUESTION_OPENERS or words[0] == "und") \
            and words[0] not in PARTITIVE and (until is None or until > 2) and not is_noun(words[2]):
        return True
    # "Worauf stützen die ihre Arbeit?", "wofür setzen die sich ein?": after a question word and its
    # verb, before a possessive or a small word ("Wer berät die Eltern?" is an article).
    if len(words) > 3 and words[0] in QUESTION_WORDS and words[2] in PRONOUNS and (until is None or until > 2) \
            and words[3] in AFTER_PRONOUN | POSSESSIVES:
        return True
    # "worauf stützt sich ihre Arbeit?", "wie ist ihre Adresse?": a possessive in that place is theirs.
    owner = 3 if len(words) > 3 and words[2] == "sich" else 2
    if len(words) > owner + 1 and words[0] in QUESTION_WORDS and words[owner] in POSSESSIVES \
            and (until is None or until > owner):
        return True
    # "Welches Gremium bündelt …, und wie lautet dessen Faxnummer?": a genitive pronoun after the noun
    # that "welche" asks for is that one's, not the subject's.
    of_sought = opens_with_which(words)
    for index, word in enumerate(words[:until]):
        if of_sought and index > 1 and word in SOUGHTS_GENITIVE:
            continue
        following = words[index + 1] if index + 1 < len(words) else None
        # "ein Gremium, das sich … kümmert": after "ein" and a noun, "das" opens a relative clause;
        # so it does after "irgendwas", "etwas", "sowas" ("gibt es irgendwas, das sich um Jungs kümmert?").
        relative = after_indefinite_noun(words, index) or index >= 1 and words[index - 1] in THING
        # "wer setzt sich dafür ein, dass …": "dafür" announces the clause that follows.
        announces = "dass" in words[index + 1:index + 3]
        existential = word == "there" and EXISTENTIAL & {following, words[index - 1] if index else None}
        if word in pointers and not announces and not existential or word in PRONOUNS and not relative and (
                following is None or following in AFTER_PRONOUN):
            return True
    return False


def entity_values(entities: Sequence[Dict]) -> Dict[str, List[str]]:
    values: Dict[str, List[str]] = {}
    for entity in entities:
        value = entity.get("value")
        if isinstance(value, str) and value:
            values.setdefault(str(entity.get("entity")), [])
            if value not in values[str(entity.get("entity"))]:
                values[str(entity.get("entity"))].append(value)
    return values


def unique(items: Sequence) -> List:
    result: List = []
    for item in items:
        if item is not None and item not in result:
            result.append(item)
    return result
