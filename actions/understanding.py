"""One place that understands a message: the NLU result plus the conversation -> a Question.

Rasa's intent is the coarse guess (a greeting, a question about a partner, out of
scope …); this module does the fine reading once, and nothing after it re-reads the
text:

- the subject: partners named in the message (NLU entities first, then a
  typo-tolerant search of the text), else the one a reference points to ("die",
  "dort", "der erste", "von vorhin"), else the one talked about last;
- what is asked (`Asked`): one contact field, the place, a single fact of a given
  type ("seit wann" -> a date), a summary, a list, who helps, the source …;
- for a fact, the quoted sentence that answers it (actions.fact_index).

The decisions are one method per rule (`_rule_…`), tried in the order of
`Understanding._RULES` by `_decide`; the router
(actions.router) then maps each `Asked` to one answer.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from enum import Enum
from typing import Callable, Dict, FrozenSet, Iterable, List, Optional, Sequence, Set, Tuple

from rasa_sdk import Tracker

from actions.directory import PartnerDirectory
from actions.fact_index import CONCEPT_MARK, FactIndex, Hit, is_concept
from actions.knowledge import CONTACT_ATTRIBUTES, KINDS, Partner, Vocabulary
from actions.languages import UNKNOWN, LanguageDetector, TranslatedWords, detector_for
from actions.memory import Memory
from actions.mentions import MentionFinder, distinct_items, first_starts
from actions.safety import DangerReader
from actions.situations import Situations
from actions.spelling import fold, with_plain_vowels
from actions.wording import Wording, without_negated


class Asked(str, Enum):
    """What a message asks for; each value has one answer in actions.router."""

    EMERGENCY = "emergency"          # danger, violence, thoughts of suicide: 110/112 first
    PERSON = "person"                # "Kann ich mit jemandem sprechen?": the human contact
    LANGUAGES = "languages"          # a language the bot does not read: which ones it reads
    SMALL_TALK = "small_talk"        # a greeting, thanks, "bist du ein Bot?" and nothing else
    SOURCE = "source"                # where the information comes from
    FIELDS = "fields"                # phone, fax, e-mail, web, address
    LOCATION = "location"            # where a partner sits
    FACT = "fact"                    # one quoted sentence
    NOT_STATED = "not_stated"        # a fact the page does not state
    SUMMARY = "summary"              # what a partner is and does
    HELP = "help"                    # who helps a group / with a topic / in a situation
    LIST = "list"                    # partners of a kind, city, topic or all
    GENERAL = "general"              # the page's general facts
    WHICH_PARTNER = "which_partner"  # a partner question without any subject
    NOT_LISTED = "not_listed"        # "der dritte" of a list of two: which of those named
    UNCLEAR = "unclear"              # "Meinten Sie …?"
    OUT_OF_SCOPE = "out_of_scope"


# Feedback typed or sent by the 👍/👎 buttons: alone it gets its fixed reply, like small talk.
FEEDBACK_INTENTS = ("feedback_helpful", "feedback_not_helpful")
SMALL_TALK_INTENTS = ("greet", "thank", "goodbye", "bot_challenge", "ask_capabilities", *FEEDBACK_INTENTS)
# What a trainer's choice in the studio (knowledge file, `questions`) means as an answer.
ANSWER_FOR_TRAINER_CHOICE = {"summary": Asked.SUMMARY, "contact": Asked.FIELDS, "location": Asked.LOCATION}
# The fact-index term of the fact-word group "zielgruppe" ("richtet sich an", "wendet sich an"):
# the sentence that says whom a partner is for.
WHOM_TERM = f"{CONCEPT_MARK}zielgruppe"
# A word of the page shorter than this names no one by itself ("Rat", "Amt").
MIN_OWN_WORD = 6
# A sentence that names a thing of its own answers "wer macht sowas?" over the topic's partners
# when it scores at least this many times as high as their best sentence.
DOMINANT_SHARE = 2.0
# The intent-word group that asks whether such a partner exists ("gibt es ein Netzwerk für …?").
EXISTS = "exists"
PARTNER_QUESTION_INTENTS = ("ask_partner_info", "ask_partner_location", "ask_partner_contact", "follow_up")
# Answer types that a group word does not turn into "who helps" ("Wie viele Muslime …?").
FIGURE_TYPES = ("number", "share", "date", "expansion")
# An out-of-scope guess is overruled by a sentence of the page only if it matches this much better.
DOUBTED_FACTOR = 1.5
# Below this the classifier's guess stays "Meinten Sie …?", even with a partner named.
MIN_FALLBACK_CONFIDENCE = 0.3


# Small words around a bare name or city: "landesinitiative jungenarbait", "und in Bielefeld?"
_SMALL_WORDS = with_plain_vowels("und in im auch gibt gibts es das was ist mit wie sieht aus da dort denn noch bei so der "
                                 "die den dem des ein eine einen zu ueber nrw and what about also the a an is are")
# Words that point back to the subject: "dort", "deren"; and "die"/"der"/"das" used as a
# pronoun, i.e. followed by one of these small words or standing last ("wen berät der?").
_POINTERS = with_plain_vowels("dort da deren denen dessen ihnen dabei dafuer dazu davon darin drin daran dahin there "
                              "them their")
# "Papas mit Migrationsgeschichte": a "mit" phrase after a group's word describes the group.
_WITH = frozenset("mit with".split())
# "wie erreiche ich die?" asks how to reach them, not for a sentence with "erreichen".
_HOW = frozenset("wie wo wann".split())
# "gibts sowas in Köln?", "solche Büros": the kind of thing just talked about (not with a group).
_KIND_POINTERS = frozenset("sowas solche solchen solches".split())
_PRONOUNS = frozenset("die der das den dem diese dieser diesen dieses they it".split())
_AFTER_PRONOUN = with_plain_vowels("auch noch schon denn eigentlich wirklich ueberhaupt da dort mit was wen wem wer so "
                                   "gerade ein eine einen nicht immer jetzt hier bei in fuer vom von zu ne an auf aus ab "
                                   "vor sich konkret genau alles dann beiden")
# "gehören die JMD auch dazu?", "sind die dabei?": whether something belongs to the subject.
_BELONGING = frozenset("dazu dabei darin drin darunter deren dessen".split())
# "diese Stelle", "dieses Amt": a demonstrative and a noun point back to the subject.
_DEMONSTRATIVES = frozenset("diese dieser diesen dieses diesem jene jener jenen jenes".split())
# "ein Gremium, das sich … kümmert": after an indefinite article and a noun, "das" is relative.
_INDEFINITE = frozenset("ein eine einen einem einer eines".split())
# "Das Institut ist eine Stiftung …": a sentence that opens with what it calls its partner, then
# its verb (not a genitive or preposition that attaches: "Die Aufgaben des ZfTI …").
_SELF_NOUN = re.compile(r"(?:Das|Der|Die)\s+([A-ZÄÖÜ]\w+)\s+(\w+)")
_ATTACHED = frozenset("des der den dem die das von vom für und mit zu zur zum in im an bei aus".split())
# "ein Institut, das …", "eine Stelle, die …": the pronouns that open a relative clause.
_RELATIVE = frozenset("das die der den dem welche welcher welches welchen".split())
# The writer ("wer hilft mir?") and the writer's own people ("meine Mutter").
_ME = frozenset("ich mir mich".split())
_MY = frozenset("mein meine meiner meinem meinen meines".split())
# "die Träger", "den Eltern": a definite article before a group's word.
_DEFINITE = frozenset("die der den dem des deren dessen".split())
# Words before a group's word that make it the subject's own people ("die/solche/diese/ihre Träger").
_OF_THE_SUBJECT = _DEFINITE | _KIND_POINTERS | _DEMONSTRATIVES | frozenset(
    "ihre ihren ihrer ihrem seine seinen seiner seinem".split())
# "gibt es was für Väter?", "macht das Land etwas …?": something unnamed.
_SOMETHING = frozenset("was etwas irgendwas sowas".split())
# "etwas, das …": a thing a relative clause describes (not "was": "weißt du, was die machen?").
_THING = _SOMETHING - {"was"}
# Words before the one a question opens with.
_LEADING = frozenset("und aber also ok okay and but so".split())
# A message about oneself ("Ich arbeite im Sozialamt …", "Wir sind Eltern …") describes a
# situation: with a group or topic in it, it asks who helps, not for a sentence of the page.
_FIRST_PERSON = frozenset("ich wir mein meine meinen meinem meiner unser unsere unseren mir mich uns".split())
# First words after which "die"/"der" is an article, not a pronoun ("Wer berät die …?").
_QUESTION_OPENERS = frozenset("wer was wie wo wann welche welcher welchen welches warum wieso weshalb wofuer womit "
                              "woher wohin fuer an in mit von bei ueber auf und gibt gibts sind ist".split())
# A phrase that starts a new topic counts within the first words of a message only.
NEW_TOPIC_WITHIN = 2
# A message of a question phrase and at most one word more ("bis zu welchem Alter?") has at most this many words.
FRAGMENT_MAX_WORDS = 5
# An asking sentence with this many words the page knows is read without the story before it.
ASKING_SAYS_ENOUGH = 4
# "was ist mit Dortmund?", "wie sieht es bei den Vätern aus?": the question before, about something else.
_ELLIPTIC_OPENERS = frozenset({"was ist mit", "wie ist es mit", "wie ist es bei", "wie ist das mit", "wie ist das bei",
                               "wie sieht es", "wie siehts", "what about", "how about"})
# "und gibt es auch einen Verband?": another partner beside the subject.
_ALSO = frozenset("auch noch andere anderen weitere weiteren sonst".split())
# An age stated: "ich bin 19", "er ist 29", "mein Sohn, 15 Jahre", "17-jährig", "meine tochter 19"
# (not "seit 20 Jahren").
_AGE_STATED = re.compile(r"\b(?:bin|ist|wird|werde)\s+(?:jetzt\s+|schon\s+|erst\s+|fast\s+)?\d{1,2}\b"
                         r"|\b(?:sohn|tochter|kind|bruder|schwester|neffe|nichte|enkel|enkelin)\s*,?\s+\d{1,2}\b(?!\.\d)"
                         r"|(?<!seit )(?<!vor )\b\d{1,2}\s*(?:jahre\b(?!n)|-?j(?:ä|ae)hrig)", re.IGNORECASE)
# An age range of the page: "junge Menschen … von 12 bis 27 Jahren".
_AGE_RANGE = re.compile(r"\b(\d{1,2}) bis (\d{1,2}) Jahren\b")
# "die Eltern meiner Schüler": a genitive after a group's word.
_GENITIVE = frozenset("meiner meines deiner deines seiner seines ihrer ihres unserer unseres eurer der des".split())
# "Welche Einrichtungen …?" asks for every partner that fits.
_WHICH = frozenset("welche welcher welches welchen welchem".split())
# "Mit welchen Einrichtungen …?": a preposition before "welche" still opens a "welche" question.
_WHICH_PREPOSITIONS = frozenset("mit bei an von zu fuer in ueber aus".split())
# Where someone is from: "aus der Türkei", "aus Syrien", "den türkischen Pass" (folded text).
_ORIGIN = re.compile(r"\b(?:aus|from) (?:der |dem |den |the )?(\w+)"
                     r"|\b(\w+) (?:pass|reisepass|staatsangehoerigkeit|staatsbuergerschaft|passport|citizenship)\b")
# "In welcher Stadt war das?": the past (a founding), not today's address.
_PAST = frozenset("war waren wurde wurden gegruendet entstanden entstand zusammengeschlossen".split())
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
_CHECKS_A_CLAIM = frozenset("stimmt stimmts".split())
# "Letzte Frage: …", "Für das zweite Kapitel: …": the writer counts their own questions or
# text, not the partners named.
_OWN_TURNS = frozenset("frage fragen sache punkt thema anliegen kapitel teil abschnitt schritt mal".split())
# "Ziel Nummer 3", "Punkt Nr. 2": a number that counts the items of a list.
_NUMBER_MARKS = frozenset("nummer nr punkt".split())
_ORDINALS = {"erste": 0, "ersten": 0, "erster": 0, "erstes": 0, "zweite": 1, "zweiten": 1, "zweiter": 1,
             "dritte": 2, "dritten": 2, "dritter": 2, "vierte": 3, "vierten": 3, "letzte": -1, "letzten": -1,
             # "Zweitgenannter – wie entstanden?"
             "erstgenannte": 0, "erstgenannten": 0, "erstgenannter": 0, "erstgenanntes": 0,
             "zweitgenannte": 1, "zweitgenannten": 1, "zweitgenannter": 1, "zweitgenanntes": 1,
             "letztgenannte": -1, "letztgenannten": -1, "letztgenannter": -1, "letztgenanntes": -1,
             "first": 0, "second": 1, "third": 2, "last": -1}


@dataclass
class Question:
    """One message, understood: who or what it is about and what it asks for."""

    text: str
    intent: str
    asked: Asked
    sentences: List[str] = field(default_factory=list)  # the message split into its sentences, once
    partners: List[Partner] = field(default_factory=list)
    named: bool = False                    # the partners were named in this message
    groups: List[Vocabulary] = field(default_factory=list)
    topics: List[Vocabulary] = field(default_factory=list)
    cities: List[str] = field(default_factory=list)
    kinds: List[str] = field(default_factory=list)
    fields: List[str] = field(default_factory=list)
    answer_type: Optional[str] = None      # "date", "number", … (question_words ids)
    content: List[str] = field(default_factory=list)  # the words that select a fact (lemmas, no names)
    fact: Optional[Hit] = None
    # Who helps: per partner, its page sentence that shares most with the message (partner id -> text).
    reasons: Dict[str, str] = field(default_factory=dict)
    small_talk: Optional[str] = None       # the greeting/thanks intent that came with a question
    wants_all: bool = False
    ranking: List[str] = field(default_factory=list)  # the classifier's other guesses, best first
    refers_back: bool = False              # "die", "dort", "der erste", "und …?": about the conversation's subject
    points_back: bool = False              # a pronoun or pointer ("die", "dort", "der erste"), not only "und …?"
    counted: bool = False                  # an ordinal chose the partner ("und die erste?")
    only_names: bool = False               # nothing but a partner's name and small words ("KfI")
    language: str = "de"                   # the message's language (actions.languages), or "unknown"
    danger: Optional[str] = None           # actions.safety.DANGER or SELF_HARM
    simple: bool = False                   # a short German message: answered in simple language
    situation: bool = False                # a topic came from a described situation (actions.situations)
    told: List[Vocabulary] = field(default_factory=list)  # the topics of the situations told
    age: Optional[int] = None              # an age the message states ("mein Sohn ist 15")
    # The words of the story before the question, when the asking sentence alone chose the fact
    # ("ich schreibe über deutsch-türkische Migration. Gibt es ein Institut dafür?").
    story: List[str] = field(default_factory=list)

    @property
    def doubted(self) -> bool:
        """The classifier took the message as out of scope, or was unsure."""
        return self.intent in ("out_of_scope", "nlu_fallback")

    @property
    def partner(self) -> Optional[Partner]:
        return self.partners[0] if self.partners else None

    @property
    def in_simple_words(self) -> bool:
        """Answered in simple language: a short German message, and every partner has simple words."""
        return self.simple and all(p.simple for p in self.partners)


@dataclass
class _Turn:
    """A message as the rules of `Understanding._decide` see it: the Question they fill in,
    the conversation's memory, and what was read once for all of them."""

    q: Question
    memory: Memory
    intent_words: Set[str]  # the intent-word groups the text says ("help", "list", "source" …)
    words: List[str]        # the message's folded words
    asks_who_helps: bool    # "hilft", "wer", "welche Organisation", "ich …": who helps rather than a fact

    @property
    def subject_ids(self) -> List[str]:
        return [p.id for p in self.q.partners]

    @property
    def asks_for_list(self) -> bool:
        return self.q.intent == "ask_partner_list" or "list" in self.intent_words


class Understanding:
    """Builds Questions against one snapshot of the knowledge file."""

    def __init__(self, directory: PartnerDirectory, wording: Wording, index: FactIndex,
                 detector: Optional[LanguageDetector] = None) -> None:
        self.directory = directory
        self.wording = wording
        self.index = index
        knowledge = directory.knowledge
        self.detector = detector or detector_for(tuple(knowledge.languages))
        self.danger = DangerReader(knowledge.safety, lambda text: [wording.lemma(w) for w in wording.words(text)])
        self.situations = Situations(knowledge, wording)
        # The ages a partner's page sentences name ("von 12 bis 27 Jahren"), for an age stated.
        self._ages: Dict[str, List[Tuple[int, int]]] = {
            p.id: [(int(low), int(high)) for s in p.quoted_sentences for low, high in _AGE_RANGE.findall(s)]
            for p in knowledge.partners}
        # Words of the other languages, matched only in messages of another language.
        self._translated_intents = TranslatedWords(
            (w, v.id) for v in knowledge.intent_words for words in v.translations.values() for w in words)
        self._translated_groups = TranslatedWords(
            (w, g) for g in knowledge.target_groups for words in g.translations.values() for w in words)
        self._translated_topics = TranslatedWords(
            (w, t) for t in knowledge.topics for words in t.translations.values() for w in words)
        self._translated_fields = TranslatedWords(
            (w, c.id) for c in knowledge.contact_words for words in c.translations.values() for w in words)
        # Question and intent words are matched as written (folded), never by a typo guess:
        # "woher kommen die" is no "woher kommen deine".
        self._question_types = MentionFinder((w, v.id) for v in knowledge.question_words for w in v.words)
        self._intent_words = MentionFinder((w, v.id) for v in knowledge.intent_words for w in v.words
                                           if v.id != EXISTS)
        # "gibt es" both asks who helps and whether such a partner exists: a phrase has one item
        # in a finder, so the existence words have their own.
        self._exists_words = MentionFinder((w, v.id) for v in knowledge.intent_words for w in v.words if v.id == EXISTS)
        # Words that never select a fact: those that ask for a summary, a place, a list, the
        # source. Question words stay: "Mitglieder?" is both the question and its subject.
        self._not_content: Set[str] = set()
        for vocabulary in knowledge.intent_words:
            if vocabulary.id == "help":  # "berät", "Unterstützung" also name what a partner does
                continue
            # Single words only, whole: "welche Vereine" must not make "Verein" a non-word,
            # nor "Standorte" "Ort".
            self._not_content.update(wording.lemma(word) for word in vocabulary.words if " " not in word)
            if vocabulary.id == "filler":  # "Nordrhein-Westfalen": "Nord" and "Rhein" select no fact either
                self._not_content.update(term for word in vocabulary.words for term in wording.terms(word))
        # The words of each partner's names (whole words, no compound parts: "Landesverband"
        # must not answer to "Land").
        # The head of a compound in the official name or short name counts too: "das Zentrum"
        # for the Kompetenzzentrum (not of aliases: "…beratung" would make every advice one).
        # Words the page uses everywhere ("Land" of "Deutsch|land", "NRW", "Integration") name
        # no one: "werden die vom Land bezahlt?" is about the subject, not about the DOMiD.
        everywhere = index.common(COMMON_WORD_SHARE)
        self._everywhere = everywhere
        # The fact-index terms of each contact field's words ("Internet" -> the "online" group),
        # and of each target group's and topic's words ("Lehrkräfte"): fixed per knowledge file.
        def index_terms(vocabularies: Sequence[Vocabulary]) -> Dict[str, Set[str]]:
            return {v.id: set(index.known([wording.lemma(w) for w in v.words])) for v in vocabularies}
        self._field_terms = index_terms(knowledge.contact_words)
        self._group_terms = index_terms(knowledge.target_groups)
        self._topic_terms = index_terms(knowledge.topics)
        # A hyphenated word counts by its last piece: "Jugend-Migrationsdienst" is a Dienst, and
        # "Jugend" alone does not name it ("Jugendsozialarbeit" is the LAG JSA's).
        self._name_terms: Dict[str, Set[str]] = {
            p.id: {term for name in p.names for whole in re.findall(r"[^\W_]+(?:-[^\W_]+)*", name)
                   for word in whole.split("-")[-1:]
                   for term in (wording.lemma(word), *(wording.parts(word)[1:] if name in (p.name, p.short_name) else ()))
                   if len(term) > 2 and term not in wording.stop_words and term not in everywhere}
            for p in knowledge.partners
        }
        # What a partner's own sentences call it when they open with it ("Das Institut ist eine
        # Stiftung …" of the ZfTI): "Fördert das Institut auch …?" names it among those talked about.
        self._self_nouns: Dict[str, Set[str]] = {
            p.id: {wording.lemma(m.group(1)) for s in p.quoted_sentences
                   if (m := _SELF_NOUN.match(s)) and m.group(2) not in _ATTACHED} - everywhere
            for p in knowledge.partners
        }
        # The same words as the fact index knows them: what a described partner is called.
        self._name_index_terms: Dict[str, Set[str]] = {
            pid: terms | set(index.known(list(terms))) for pid, terms in self._name_terms.items()}

    # --- reading the message --------------------------------------------------------

    def read(self, tracker: Tracker, memory: Memory) -> Question:
        message = tracker.latest_message or {}
        text = str(message.get("text") or "")
        intent = str((message.get("intent") or {}).get("name") or "")
        entities = message.get("entities") or []
        ranking = [r for r in message.get("intent_ranking") or [] if r.get("name") != "nlu_fallback"]
        if intent == "nlu_fallback" and ranking and ranking[0].get("name") in PARTNER_QUESTION_INTENTS \
                and float(ranking[0].get("confidence") or 0) >= MIN_FALLBACK_CONFIDENCE \
                and any(e.get("entity") == "partner" for e in entities):
            # A partner named exactly makes a weak partner question clear enough to answer.
            intent = str(ranking[0]["name"])
        question = Question(text=text, intent=intent, asked=Asked.UNCLEAR, sentences=_sentences(text),
                            ranking=[str(r.get("name")) for r in ranking])
        # The widget sends the page's or the chosen language; short messages and buttons keep it.
        metadata = message.get("metadata") if isinstance(message.get("metadata"), dict) else {}
        question.language = self.detector.detect(text, memory.language, str(metadata.get("language") or ""))
        values = _entity_values(entities)
        find = self.directory
        question.partners = _unique([find.find_partner(v) for v in values.get("partner", [])])
        question.groups = _unique([find.find_target_group(v) for v in values.get("target_group", [])])
        question.topics = _unique([find.find_topic(v) for v in values.get("topic", [])])
        # A city the page does not name is said back as a name ("bielefeld" -> "Bielefeld").
        question.cities = _unique([find.find_city(v) or (v[:1].upper() + v[1:] if v.islower() else v)
                                   for v in values.get("city", [])])
        question.kinds = _not_negated_kinds([k for k in values.get("kind", []) if k in KINDS], fold(text))
        question.fields = [f for f in values.get("contact_attribute", []) if f in CONTACT_ATTRIBUTES]
        if text.startswith("/"):  # a button: its payload names intent and entities exactly
            question.named = bool(question.partners)
            question.asked = self._from_button(question, memory)
            return question
        nlu_groups = list(question.groups)
        rest = self._find_in_text(question, entities)
        groups_in_text = [g for g in question.groups if g not in nlu_groups]
        words = fold(text).split()
        question.simple = question.language == "de" and len(words) <= SIMPLE_MAX_WORDS
        question_phrases = self._question_types.find(rest, exact_only=True)
        question.answer_type = question_phrases[0].item if question_phrases else None
        intent_words = set(self._intent_words.exact_items(text)) | set(self._exists_words.exact_items(text))
        if question.language not in ("de", UNKNOWN):
            intent_words |= set(self._translated_intents.items(text))
            question.groups = _unique([*question.groups, *self._translated_groups.items(rest)])
            question.topics = _unique([*question.topics, *self._translated_topics.items(rest)])
            question.fields = _unique([*question.fields, *self._translated_fields.items(rest)])
        # Safety first: danger decides before anything else, in every language.
        asks_about_page = bool(question.partners or question.answer_type
                               or intent_words & {"list", "summary", "location", "source"})
        question.danger = self.danger.read(text, asks_about_partners=asks_about_page)
        if question.danger:
            # Then the partner that fits what was said, else the one the conversation is about.
            subject = self.directory.knowledge.partner(memory.subject or "")
            question.partners = self._fitting(question) if (question.groups or question.topics) else (
                [subject] if subject else [])
            question.asked = Asked.EMERGENCY
            return question
        assigned = self.directory.assigned_question(text)
        if assigned is not None:  # a trainer said which partner answers this very question (studio inbox)
            question.partners, question.named = [assigned[0]], True
            question.asked = ANSWER_FOR_TRAINER_CHOICE[assigned[1]]
            return question
        question.wants_all = "list" in intent_words and bool({"alle", "alles", "all", "saemtliche"} & set(words))
        rest_words = rest.split()
        # "andere Frage: …" starts a new subject; "Frage" is no word of a partner's name.
        new_topic = [m for m in self._intent_words.find(rest, exact_only=True) if m.item == "new_topic"]
        phrase_words = [w for phrase in question_phrases for w in rest_words[phrase.start:phrase.end]]
        for phrase in [*question_phrases, *new_topic]:  # "in welcher Stadt" asks; "Stadt" is no subject
            rest_words[phrase.start:phrase.end] = [""] * (phrase.end - phrase.start)
        if question_phrases:
            # "Bei welcher Behörde angesiedelt?" asks for an organisation: a group word inside the
            # question phrase ("Behörde") names no group, unless the NLU found it.
            outside = self.directory.groups_in(" ".join(rest_words))
            question.groups = [g for g in question.groups if g not in groups_in_text or g in outside]
        # "wo sitzt diese Stelle?", "wo ist dieses Amt?": the noun after a demonstrative names the
        # subject, it is not what is asked about.
        # Not a group's or topic's word: "Angehörige dieser Minderheit" asks for the minority's partners.
        demonstrative = [i + 1 for i, (w, noun) in enumerate(zip(rest_words, rest_words[1:])) if w in _DEMONSTRATIVES
                         and not (self.directory.groups_in(noun) or self.directory.topics_in(noun))]
        for index in demonstrative:
            rest_words[index] = ""
        terms = [t for t in self.wording.terms(self.index.with_group_words(" ".join(rest_words)))
                 if t not in self._not_content]
        sentences = question.sentences
        # The words of the asking (last) sentence, when there is a story before it.
        asking = set(self.wording.terms(self.index.with_group_words(fold(sentences[-1])))) \
            if len(sentences) > 1 else set()
        if len(sentences) > 1:
            # "Ich arbeite in einer Jugendwerkstatt. Welcher Zusammenschluss vertritt die Träger …?":
            # when the asking sentence says enough itself, the story's plain words do not choose the
            # fact. Its words of a fact-word group stay: "Ich bin Italienerin. Darf ich wählen?" (EU).
            # An asking sentence that says much itself ("welches Gremium koordiniert die Integrationsräte
            # landesweit?") is chosen by its own words alone: the story's fact words ("politische
            # Teilhabe") would pick a sentence that fits the story, not the question.
            own = [t for t in terms if t in asking]
            asked_terms = own if len(self.index.known(own)) >= ASKING_SAYS_ENOUGH else \
                [t for t in terms if t in asking or any(is_concept(k) for k in self.index.known([t]))]
            if len(self.index.known(asked_terms)) >= 2:
                question.story = [t for t in terms if t not in asked_terms]
                terms = asked_terms
        if question.answer_type != "place" and not self.index.known(terms):
            # "Zu welcher Behörde gehört das?", "An welcher Uni …?": nothing else selects a fact,
            # so the question phrase's fact word does ("Behörde" finds "Bezirksregierung").
            # Not "in welcher Stadt": there the word is the place asked for.
            terms += [t for t in self.wording.terms(" ".join(phrase_words))
                      if any(is_concept(k) for k in self.index.known([t]))]
        age = _AGE_STATED.search(question.text)
        if age:
            # "mein Bruder ist 29, kann der auch hin?": an age stated asks about the age limit.
            terms.append(self.wording.lemma("Alter"))
            question.age = int(re.search(r"\d+", age.group()).group())
        question.content = terms
        question.named = bool(question.partners)
        question.counted = _ordinal(words) is not None
        explicit = question.counted or "earlier" in intent_words
        # "gibts sowas in Köln?" points back; "gibt es sowas für Eltern?" asks the same kind for others.
        of_kind = bool(_KIND_POINTERS & set(words)) and not (question.groups or question.topics)
        # "gibt es was für die Eltern, damit die sich einbringen?": a pronoun after the group's
        # word means the group; only one before it can point back to the subject.
        # So does one after a topic's word in the asking sentence: "und zwischen den Bundesländern,
        # wo stimmen die sich ab?" asks about the Länder, not the subject.
        said_at = [m.start for m in self.directory.group_mentions(" ".join(words))] \
            if question.groups and "help" in intent_words else []
        asking_from = len(words) - len(fold(question.sentences[-1]).split()) if question.sentences else 0
        said_at += [m.start for m in self.directory.topic_mentions(" ".join(words)) if m.start >= asking_from] \
            if question.topics else []
        group_at = min(said_at, default=None)
        question.points_back = explicit or _has_pointer(words, group_at, self.wording.is_noun) or bool(demonstrative) or of_kind
        # "bis zu welchem Alter?": a question phrase and hardly anything else asks about the subject,
        # whatever the classifier heard ("bis" sounds like "bis bald").
        # So does "mit welchem Ziel eigentlich?": "welche" and one word of the page.
        fragment = (bool(question_phrases) or _opens_with_which(words)) and len(words) <= FRAGMENT_MAX_WORDS \
            and len(self.index.known(terms)) <= 1 and not (question.groups or question.topics or question.cities)
        question.refers_back = question.points_back or _elliptic(words) or fragment
        # "andere Frage: …", "danke, noch was anderes: …" open the message; "machen die auch noch was
        # anderes?" asks about the subject.
        if any(m.start <= NEW_TOPIC_WITHIN for m in new_topic) and not explicit:
            memory = Memory(language=memory.language)  # nothing said before is the subject
        described = self._described_before(question, memory) if question.points_back and not question.partners else []
        if described:
            # "Ich suche ein Institut, das zur Türkei forscht. Was machen die konkret?": the partner
            # described is as good as named; the describing words chose it, the question is the rest.
            question.partners, question.named = described, True
            question.content = [t for t in question.content if t in asking]
        if not question.partners:
            # "Telefon von der Beratungsstelle?" after two partners: a word of one name only.
            # "gibt es auch was für mich als Vater?" asks who helps fathers: the group's word does
            # not name the listed Väterarbeit by a word of its name.
            helps = intent == "ask_target_group_help" or "help" in intent_words
            not_naming = {self.wording.lemma(w) for g in question.groups for w in g.words} if helps else set()
            # "gibt es für solche Lehrkräfte auch ein Netzwerk?" asks for some network for a group,
            # not the one talked about: a word after an indefinite article names no one. "so ein
            # Büro" is one like the subject.
            if question.groups or question.topics:
                not_naming |= {self.wording.lemma(w.strip("?!.,:;")) for before, a, w in zip(["", *words], words, words[1:])
                               if a in _INDEFINITE and before != "so"}
                # "Gibt es auch ein Forschungsinstitut, das sich mit türkeistämmiger Migration befasst?":
                # the relative clause after it describes what is sought too ("Migration" is no DOMiD).
                not_naming |= {t for clause in _relative_clauses(words) for w in clause for t in self.wording.terms(w)}
            # "Verbund von Elternvereinen mit Migrationsgeschichte": a word of a group or topic names
            # no partner by one of its parts ("Geschichte", as in "Lehrkräfte mit Zuwanderungsgeschichte").
            said = rest.split()
            not_naming |= {part for m in [*self.directory.group_mentions(rest), *self.directory.topic_mentions(rest)]
                           for word in said[m.start:m.end] for part in self.wording.terms(word)[1:]}
            # The words of the whole message name ("nochmal zu der Initiative für Jungs: tragen die
            # auch Projekte zusammen?"), its story's too.
            question.partners = self._named_by_word(
                memory, [t for t in [*terms, *question.story] if t not in not_naming])
            question.points_back = question.points_back or bool(question.partners)
            question.refers_back = question.refers_back or question.points_back
        if not question.partners and "earlier" in intent_words and not question.counted:
            # "nochmal zu dem Amt von vorhin": the one partner talked about whose page has the word.
            # "nochmal zu dem Elternverein von vorhin, helfen die auch, dass ich im Stadtteil mitmache?":
            # the words up to "von vorhin" name it; the words after it are the question.
            said_until = max((m.end for m in self._intent_words.find(" ".join(words), exact_only=True)
                              if m.item == "earlier"), default=len(words))
            naming = [t for t in self.wording.terms(self.index.with_group_words(" ".join(words[:said_until])))
                      if t in terms] if said_until < len(words) else []
            found, rest_terms = self._named_by_sentence(memory, naming) if naming else ([], [])
            if found:
                question.partners, question.content = found, [t for t in terms if t not in naming or t in rest_terms]
                # "das online ding von vorhin, bis wie alt darf man da hin?": a contact word that
                # named it is no contact field asked for.
                asked_fields = self.directory.fields_in(" ".join(words[said_until:]))
                question.fields = [f for f in question.fields if f in asked_fields]
            else:
                question.partners, question.content = self._named_by_sentence(memory, terms)
        if not question.partners and _ALSO & set(words):
            # "und gibt es auch einen Verband?" after the Beratungsstelle für Sinti und Roma: the
            # partner for the same people whose name has that word.
            question.partners = self._beside_subject(memory, terms)
            question.named = bool(question.partners)
        item = self._list_item(words, question.partners[0].id if len(question.partners) == 1 else
                               None if question.partners else memory.subject)
        if item is not None:  # "und was ist das dritte Ziel?": that item of the subject's list
            question.asked = self._answered_by(question, item)
            return question
        owner = self._subjects_own_group(words, memory, question) if not question.partners else None
        if owner is not None:
            # "Welche Einrichtungen haben die Träger vor Ort?" about the LAG JSA: its Träger.
            question.partners = [owner]
            question.points_back = question.refers_back = True
        if not question.partners and (question.refers_back or not (question.groups or question.topics or question.kinds)):
            question.partners = self._resolve_reference(words, memory, intent_words)
            if not question.partners and _counts_past_the_list(words, memory):
                # "und der dritte?" after two were named: honestly, which of those two.
                question.partners = [p for p in map(self.directory.knowledge.partner, memory.named) if p]
                question.asked = Asked.NOT_LISTED
                return question
        if "person" in intent_words or "talk" in intent_words and intent in ("bot_challenge", "ask_capabilities"):
            # A human to talk to ("ich will mit Mensch sprechen" sounds like "bist du ein Mensch?"):
            # the subject's contacts, else who advises people.
            if not question.named and (question.groups or question.topics):
                question.partners = self._fitting(question)
            question.asked = Asked.PERSON
            return question
        if question.language not in ("de", "en"):  # also UNKNOWN
            question.asked = self._decide_other_language(question, intent_words)
            return question
        question.asked = self._decide(question, memory, intent_words, words)
        if question.asked in (Asked.OUT_OF_SCOPE, Asked.UNCLEAR) or not self._in_scope(question, memory):
            question.asked = Asked.UNCLEAR if question.intent == "nlu_fallback" else Asked.OUT_OF_SCOPE
            if question.language == UNKNOWN:
                question.asked = Asked.LANGUAGES
        elif question.asked == Asked.FACT and self._asks_whether_it_exists(question, intent_words):
            # Decided after the scope check: the sentence found made the question one about the page.
            question.asked, question.fact = Asked.SUMMARY, None
        return question

    @staticmethod
    def _in_scope(q: Question, memory: Memory) -> bool:
        """An out-of-scope guess is overruled only by a partner named, an elliptic
        follow-up about the subject ("und in Bielefeld?", "Mitglieder?") or a fact of the page."""
        if not q.doubted:
            return True
        if q.only_names or q.asked == Asked.SOURCE or q.asked == Asked.FACT and q.fact is not None \
                or q.named and q.intent == "out_of_scope":
            return True
        # A partner named (or a word of its name, in the conversation) and a contact field
        # ("in welcher Straße ist das Kompetenzzentrum?").
        # The same when the classifier is only unsure ("wo finde ich mehr Infos online?" about the subject).
        if (q.named or q.points_back or q.intent == "nlu_fallback") and q.partners and q.asked == Asked.FIELDS \
                and q.fields:
            return True
        if q.refers_back and (memory.subject or memory.listed) and q.asked not in (Asked.LIST, Asked.HELP):
            return True
        # Unsure intent, but a group or topic of the page's partners ("Kopftuch") was named; or
        # a situation of the knowledge file was told, which the classifier's guess does not outweigh.
        # A group and a topic both named ("ich gehöre zu den Sinti, gibt es eine Beratungsstelle
        # extra für uns?") are two of the page's words: more than a guess outweighs.
        return q.asked == Asked.HELP and (q.intent == "nlu_fallback" and bool(q.topics or q.groups)
                                          or bool(q.topics and q.groups) or q.situation)

    def _find_in_text(self, question: Question, entities: Sequence[Dict]) -> str:
        """Typo-tolerant search of the text for what the NLU did not find; returns the
        text with partner names and city names cut out (what is left for the fact search)."""
        text = question.text
        spans = sorted(((e.get("start"), e.get("end")) for e in entities
                        if e.get("entity") in ("partner", "city") and isinstance(e.get("start"), int)
                        and isinstance(e.get("end"), int)), reverse=True)
        for start, end in spans:
            text = f"{text[:start]} {text[end:]}"
        words = fold(without_negated(text)).split()
        mentions = self.directory.partner_mentions(text)
        for mention in mentions:
            words[mention.start:mention.end] = [""] * (mention.end - mention.start)
        rest = " ".join(w for w in words if w)
        only_names = bool(mentions or question.partners) and all(w in _SMALL_WORDS for w in rest.split())
        question.only_names = only_names
        if not question.partners:
            # Out of scope or unsure: only a name written exactly, or a message that is
            # nothing but a name (typos allowed), makes it a question about that partner.
            if question.doubted and not only_names:
                question.partners = self.directory.partners_named_exactly_in(question.text)
            else:
                question.partners = _unique([m.item for m in mentions])
        # The group mentions of the whole text and of its last sentence, found once for the rules below.
        group_mentions = self.directory.group_mentions(rest)
        sentences = question.sentences
        # The questions at the end ("gibt es was für Eltern? und auch für Väter?") are what is asked.
        asked_at_end = _asked_at_end(sentences)
        last_mentions = self.directory.group_mentions(fold(" ".join(asked_at_end))) if sentences else []
        # The NLU may find one topic of two ("Migrationsgeschichte … wissenschaftlichen Einrichtungen"):
        # what the knowledge file's words find in the text is added.
        question.groups = _unique([*question.groups, *distinct_items(group_mentions)])
        # "… immer der Problemfall, sagen die Lehrer. Gibt es was speziell für Jungs?": the groups of
        # the questions at the end are the ones asked about; a group in the story before them is context.
        asked_groups = distinct_items(last_mentions) if len(sentences) > len(asked_at_end) else []
        if len(sentences) > len(asked_at_end) and not last_mentions:
            # "… meine Eltern kamen aus Griechenland. Eine Kollegin meinte, es gibt ein Landesprojekt für
            # Lehrkräfte wie mich. Was hat es damit auf sich?": questions that name no group ask about
            # the group of the sentence nearest before them that names one.
            nearest = next((found for s in reversed(sentences[:len(sentences) - len(asked_at_end)])
                            if (found := self.directory.group_mentions(fold(s)))), [])
            asked_groups = distinct_items(nearest)
        question.groups = [g for g in question.groups if g in asked_groups] or question.groups
        # "was für die Eltern meiner Schüler?": a group in the genitive right after another group's
        # word says whose; it is not asked about.
        folded = fold(rest).split()
        whose = {m.item for m in group_mentions if m.start >= 2 and folded[m.start - 1] in _GENITIVE
                 and any(o.end == m.start - 1 and o.item != m.item for o in group_mentions)}
        named = {m.item for m in group_mentions if m.item not in whose}
        question.groups = [g for g in question.groups if g not in whose or g in named]
        # "die Eltern meiner Schüler, die selbst zugewandert sind", "Lehrerin mit türkischen Wurzeln":
        # a group said after another whose label already says it ("Eltern mit
        # Zuwanderungsgeschichte") describes that group; it does not bring partners of its own.
        first_at = first_starts(group_mentions)
        described = {implied for g in question.groups if g in first_at
                     for implied in self.directory.groups_said_by_label[g.id]
                     if implied != g and first_at.get(implied, -1) > first_at[g]}
        question.groups = [g for g in question.groups if g not in described] or question.groups
        # "ich bin 16 … mit meiner Mutter hier. wer hilft mir?": a group said only as the writer's own
        # relative ("meine Mutter", "meine Eltern") is not whom a question about the writer asks for.
        if _ME & set(folded):
            mine = {m.item for m in group_mentions if m.start >= 1 and folded[m.start - 1] in _MY}
            said = {m.item for m in group_mentions if not (m.start >= 1 and folded[m.start - 1] in _MY)}
            question.groups = [g for g in question.groups if g not in mine or g in said]
        # "gibt es was für eltern und auch was für väter?": the groups in the order asked (the
        # list's heading names them so; its partners stay in the page's order).
        asked_at = first_starts(last_mentions)
        question.groups.sort(key=lambda g: asked_at.get(g, len(question.text)))
        question.topics = _unique([*question.topics, *self.directory.topics_in(rest)])
        # "Papas mit Migrationsgeschichte": the words of a "mit" phrase after a group's word describe
        # the group; they name no topic (unless said elsewhere too).
        describing = {i for m in group_mentions if m.end + 1 < len(folded) and folded[m.end] in _WITH
                      for i in range(m.end + 1, min(m.end + 3, len(folded)))}
        if describing:
            in_description = set(self.directory.topics_in(" ".join(folded[i] for i in sorted(describing))))
            elsewhere = set(self.directory.topics_in(" ".join(w for i, w in enumerate(folded) if i not in describing)))
            question.topics = [t for t in question.topics if t not in in_description or t in elsewhere]
        # "Hausarbeit über Migrationsgeschichte. Welche wissenschaftlichen Einrichtungen …?": a
        # "welche" question asks for all its own topic fits; the story before it is context.
        asking = fold(sentences[-1]).split() if len(sentences) > 1 else []
        if _opens_with_which(asking):
            asked_topics = self.directory.topics_in(" ".join(asking))
            question.topics = [t for t in question.topics if t in asked_topics] or question.topics
        # "Ich komme aus der Türkei …", "er hat den türkischen Pass" say where someone is from: the country names no topic
        # ("Türkei" is a research word of the ZfTI) unless the rest of the message names it too.
        origins = [m.group(1) or m.group(2) for m in _ORIGIN.finditer(rest)]
        if origins:
            by_origin = set(self.directory.topics_in(" ".join(origins)))
            elsewhere = set(self.directory.topics_in(_ORIGIN.sub(" ", rest)))
            question.topics = [t for t in question.topics if t not in by_origin or t in elsewhere]
        # "Der Vermieter gibt mir die Wohnung nicht, weil ich Ausländerin bin": a situation told.
        question.told = self.situations.topics_in(question.text)
        described = [t for t in question.told if t not in question.topics]
        question.topics += described
        question.situation = bool(described)
        question.cities = question.cities or self.directory.cities_in(rest)
        question.fields = self.directory.fields_in(rest) or question.fields
        for city in question.cities:
            rest = re.sub(rf"\b{re.escape(fold(city))}\b", " ", rest)
        return rest

    def _named_by_word(self, memory: Memory, terms: Sequence[str]) -> List[Partner]:
        """The one partner talked about whose name alone (or the noun its own sentences call it
        by: "das Institut") has a word of the message."""
        talked_about = list(dict.fromkeys([*memory.listed, *reversed(memory.mentioned)]))
        called = {pid: self._name_terms.get(pid, set()) | self._self_nouns.get(pid, set()) for pid in talked_about}
        by_word = [pid for pid in talked_about if set(terms) & (
            called[pid] - set().union(*(called[o] for o in talked_about if o != pid)))]
        found = self.directory.knowledge.partner(by_word[0]) if len(by_word) == 1 else None
        return [found] if found else []

    def _named_by_sentence(self, memory: Memory, terms: List[str]) -> Tuple[List[Partner], List[str]]:
        """The one partner talked about whose quoted sentences have a word of the message
        (a synonym counts: "Amt" meets "Bezirksregierung"), none of the others has; and the
        terms without the words that named it ("Amt" is not what is asked about). Else no
        partner and the terms unchanged."""
        talked_about = list(dict.fromkeys([*memory.listed, *reversed(memory.mentioned)]))
        known = [t for t in self.index.known(terms) if t not in self._everywhere]
        by_sentence = [pid for pid in talked_about if any(pid in self.index.partners_with(t) for t in known)]
        found = self.directory.knowledge.partner(by_sentence[0]) if len(by_sentence) == 1 else None
        if found is None:
            return [], terms
        naming = {t for t in known if found.id in self.index.partners_with(t)}
        return [found], [t for t in terms if not naming & set(self.index.known([t]))]

    def _beside_subject(self, memory: Memory, terms: Sequence[str]) -> List[Partner]:
        """The one other partner for a target group of the subject whose name has a word of the message."""
        subject = self.directory.knowledge.partner(memory.subject or "")
        if subject is None:
            return []
        beside = [p for p in self.directory.partners if p.id != subject.id
                  and set(p.target_groups) & set(subject.target_groups) and set(terms) & self._name_terms[p.id]]
        return beside if len(beside) == 1 else []

    def _resolve_reference(self, words: List[str], memory: Memory, intent_words: Set[str]) -> List[Partner]:
        """The partner(s) a message without a name is about, from the conversation."""
        partner = self.directory.knowledge.partner
        ordinal = _ordinal(words)
        if ordinal is not None and memory.named:
            found = memory.ordinal(ordinal)
            return [partner(found)] if found and partner(found) else []
        if "earlier" in intent_words and memory.earlier():
            earlier = partner(memory.earlier() or "")
            return [earlier] if earlier else []
        if memory.subject and partner(memory.subject):
            return [partner(memory.subject)]
        return [p for p in map(partner, memory.listed[:3]) if p]

    # --- deciding what is asked -------------------------------------------------------

    def _decide_other_language(self, q: Question, intent_words: Set[str]) -> Asked:
        """A message in a language Rasa's classifier was not trained on: decided by the
        words of the knowledge file alone (partner names stay German, so they are found
        as in German; groups, topics, contact words and intent words by language).
        A language the bot does not read gets the list of those it reads, whatever it names."""
        if q.language == UNKNOWN:
            return Asked.LANGUAGES
        if q.fields:
            return Asked.FIELDS if q.partners else Asked.WHICH_PARTNER
        if q.partners and (q.cities or q.named and ("location" in intent_words or q.answer_type == "place")):
            return Asked.LOCATION  # "Köln'de … var mı?", "Li Dortmundê jî heye?" after a partner
        if q.named:  # a partner's name is the subject, whatever group words come with it
            return Asked.SUMMARY
        if q.groups or q.topics:
            q.partners = self._fitting(q)
            return Asked.HELP
        if self.detector.unknown(q.text):
            return Asked.LANGUAGES
        if q.intent in SMALL_TALK_INTENTS and q.intent != "bot_challenge" and len(q.text.split()) <= 3:
            return Asked.SMALL_TALK
        if q.partners and q.refers_back and ("location" in intent_words or q.answer_type == "place"):
            return Asked.LOCATION
        return Asked.OUT_OF_SCOPE

    def _from_button(self, question: Question, memory: Memory) -> Asked:
        by_intent = {
            "ask_partner_info": Asked.SUMMARY, "ask_partner_location": Asked.LOCATION,
            "ask_partner_contact": Asked.FIELDS, "ask_target_group_help": Asked.HELP,
            "ask_partner_list": Asked.LIST, "ask_general_info": Asked.GENERAL, "out_of_scope": Asked.OUT_OF_SCOPE,
            "nlu_fallback": Asked.UNCLEAR,
        }
        asked = by_intent.get(question.intent, Asked.SMALL_TALK)
        if asked in (Asked.SUMMARY, Asked.LOCATION, Asked.FIELDS) and not question.partners:
            question.partners = self._resolve_reference([], memory, set())
            if not question.partners:
                return Asked.WHICH_PARTNER
        if asked == Asked.HELP:
            question.partners = self._fitting(question)
        return asked

    # --- deciding what was asked ------------------------------------------------------

    def _decide(self, q: Question, memory: Memory, intent_words: Set[str], words: List[str]) -> Asked:
        """What the message asks for. The rules in `_RULES` are tried in their order and the
        first that answers decides; a few only prepare the Question for the rules after them
        (a new subject, the figure asked again) and never answer."""
        asks_who_helps = "help" in intent_words or q.answer_type in ("person", "organisation") or bool(
            _FIRST_PERSON & set(words))
        turn = _Turn(q, memory, intent_words, words, asks_who_helps)
        for rule in Understanding._RULES:
            asked = rule(self, turn)
            if asked is not None:
                return asked
        return Asked.OUT_OF_SCOPE

    def _rule_source(self, t: _Turn) -> Optional[Asked]:
        """1. Where the information comes from.
        "Ist das offiziell oder nur ein Verein?" about the subject asks what it is, not for the source;
        "Quelle für Infos zur IntMK 2015/16?" asks for the named partner's sentence that says where."""
        q = t.q
        if "source" in t.intent_words and not (q.partners and any(is_concept(term) for term in self.index.known(q.content))) \
                and not (q.named and q.content and self._matched_of(q.content, t.subject_ids)):
            return Asked.SOURCE
        return None

    def _rule_small_talk(self, t: _Turn) -> Optional[Asked]:
        """2. Greeting or thanks alone is small talk; with a question, the question is answered.
        "vielen Dank, das hat geholfen" has words, but asks nothing: only a name, a contact
        field, a group, topic or city, or a question word make it a question."""
        q = t.q
        has_substance = bool(q.named or q.fields or q.groups or q.topics or q.cities or q.answer_type)
        # "ist das ein Verein?" may sound like "bist du ein Bot?": a question about the subject wins.
        # So does a contact word about the subject ("Wo kann ich mich genauer informieren?" sounds
        # like "was kannst du?"; "genauer informieren" is the web address).
        about_subject = bool(q.refers_back and q.partners and (q.content or q.answer_type)
                             or q.points_back and q.partners and t.intent_words & {"summary", "location"}
                             or q.intent == "ask_capabilities" and q.fields and q.partners)
        if q.intent in SMALL_TALK_INTENTS:
            if not (has_substance or about_subject) or (
                    q.intent in ("goodbye", "bot_challenge", "ask_capabilities") and not (q.named or about_subject)):
                return Asked.SMALL_TALK
            q.small_talk = q.intent
        return None

    def _new_subject_for_others(self, t: _Turn) -> None:
        """Prepares: a group or topic that the subject does not serve starts a new subject ("Und für
        Väter gibt es auch was?" after the Elternnetzwerk), unless a pronoun points back or the
        last answer was a fact about the subject ("und Spätaussiedler?" after the Wahlrecht).
        So does a kind the subject is not ("Gibt es ein eigenes Gremium für diese Gruppe?" after
        the KfI, a partner): "diese" points at the group, and the subject cannot be the answer."""
        q = t.q
        other_kind = bool(q.kinds) and not any(p.kind in q.kinds for p in q.partners)
        # A whole question of its own after a fact is no follow-up: "und zwischen den Bundesländern,
        # wo stimmen die sich bei Integration ab?" after the Wahlrecht asks about the Länder.
        follows_fact = t.memory.last_asked == Asked.FACT.value and len(t.words) <= FRAGMENT_MAX_WORDS
        if not q.named and q.partners and (q.groups or q.topics) and (other_kind or not q.points_back and (
                "help" in t.intent_words or not follows_fact
                and not any(self._serves(p, q) for p in q.partners))):
            q.partners = []

    def _rule_belongs_to_subject(self, t: _Turn) -> Optional[Asked]:
        """"gehören die Jugendmigrationsdienste auch dazu?" about the LAG JSA: a partner named in a
        question that points at the subject, whose page names that partner, is part of the subject."""
        inside = self._named_in_subject(t.q, t.memory)
        return self._answered_by(t.q, inside) if inside is not None else None

    def _figure_of_others_too(self, t: _Turn) -> None:
        """Prepares: "Wie viele Muslime leben in NRW?" -> "Und Menschen mit Einwanderungsgeschichte
        insgesamt?": "und" with a group or topic and no question word asks the last figure again,
        of them."""
        q, memory = t.q, t.memory
        if t.words and t.words[0] in ("und", "and") and not q.answer_type and not q.named and (q.groups or q.topics) \
                and memory.last_asked == Asked.FACT.value and memory.last_answer_type in FIGURE_TYPES \
                and not t.intent_words & {"help", "list", "summary", "location"}:
            q.answer_type = memory.last_answer_type

    def _rule_same_question_again(self, t: _Turn) -> Optional[Asked]:
        """3. The same question about another partner: "und das DOMiD?" after "Seit wann gibt es
        das ZfTI?" asks for the DOMiD's founding, after "Telefon KfI" for its phone number;
        "und der zweite?" the same of the partner counted.

        Only for a message that is "und" and a name or an ordinal: nothing else asked (no
        fact words, field, question word, group, topic, city or kind), another partner than
        the subject, and the last answer gave contact fields, places or a fact (or said the
        page has none).
        """
        q, memory, words = t.q, t.memory, t.words
        names = q.named or q.counted
        if not (names and words and words[0] in ("und", "and") and len(q.partners) == 1) or q.content or q.fields \
                or q.answer_type or q.groups or q.topics or q.cities or q.kinds or q.partners[0].id == memory.subject \
                or t.intent_words & {"summary", "location", "list", "help", "source"}:
            return None
        if memory.last_asked == Asked.FIELDS.value:
            q.fields = list(memory.last_fields)  # none: the whole contact card, as before
            return Asked.FIELDS
        if memory.last_asked == Asked.LOCATION.value:
            return Asked.LOCATION
        if memory.last_asked in (Asked.FACT.value, Asked.NOT_STATED.value) and (
                memory.last_answer_type or memory.last_terms):
            q.answer_type, q.content = memory.last_answer_type, list(memory.last_terms)
            hit = self.index.best(q.content, [q.partners[0].id], q.answer_type)
            if hit is not None and (hit.matched or q.answer_type):
                return self._answered_by(q, hit)
            return Asked.NOT_STATED
        return None

    def _rule_contact(self, t: _Turn) -> Optional[Asked]:
        """4. A contact field: for the subject, else ask which partner. "… meine Nummer ist …,
        wer berät junge Migranten?" names a group: who helps comes with the contacts."""
        q, words = t.q, t.words
        if q.fields and not (q.partners or q.groups or q.topics):
            # "Wo finde ich mehr Infos zum Lehrkräfteprojekt im Netz?": a group's word inside a
            # compound names the one partner for that group.
            q.partners = self._only_partner_of_compound(words)
        if q.fields and (q.partners or not (q.groups or q.topics)):
            # "kann er im Internet fragen, wer antwortet da?": a question word asks for a sentence
            # of the subject beyond the contact word; its www is added to the quote.
            # So does a question of its own beside the contact word's ("kostet das was? kann ich auch
            # im Internet fragen?"): a fact-word of a sentence that asks for no contact field.
            field_terms = set().union(*(self._field_terms.get(f, set()) for f in q.fields))
            beside = self._fact_words_beside_fields(q.sentences) - field_terms
            typed = self.index.best(q.content, t.subject_ids, q.answer_type) \
                if q.partners and (q.answer_type not in (None, "place") or beside) else None
            if typed is not None and (typed.has_evidence or beside & set(typed.matched)) \
                    and set(typed.matched) - field_terms:
                return self._answered_by(q, typed)
            # "Kann man sich beim JMD anonym im Internet beraten lassen?": the web address, and first
            # the subject's sentence that says the rest ("… eine anonyme und kostenlose Onlineberatung").
            # Not a word that names the subject ("Zurück zur Verteilstelle: haben die eine Homepage?").
            kinds = {term for term in self.index.known(q.content) if is_concept(term)} - field_terms - self._everywhere \
                - set().union(*(self._name_index_terms.get(pid, set()) for pid in t.subject_ids))
            rest = self.index.best(q.content, t.subject_ids, None) if q.partners and kinds else None
            if rest is not None and kinds & set(rest.matched):
                q.fact = rest
            return Asked.FIELDS if q.partners else Asked.WHICH_PARTNER
        # "Wie kann ich die kontaktieren?": the whole contact card. "Was wollen die erreichen?"
        # sounds like "wie erreiche ich die?", but "was" asks for a fact of the page.
        if q.intent == "ask_partner_contact" and q.partners and not q.answer_type and not (
                _opening(words) == "was" and self.index.known(q.content)) and not self._says_word_of(
                q, words, q.content, t.subject_ids):
            return Asked.FIELDS
        return None

    def _rule_city_of_subject(self, t: _Turn) -> Optional[Asked]:
        """"Gibt es so ein Büro in Dortmund?" about the subject: its places. A city of the story
        before the question is where the writer is ("Gesamtschule Duisburg-Marxloh. Netzwerk für
        Lehrkräfte mit Migrationsgeschichte – gibt's das?"), not what is asked."""
        q = t.q
        asking = fold(q.sentences[-1]) if q.sentences else ""
        asked_cities = [c for c in q.cities if re.search(rf"\b{re.escape(fold(c))}\b", asking)]
        if asked_cities and q.partners and q.refers_back and not _PAST & set(t.words):
            return Asked.LOCATION
        return None

    def _rule_fact_of_subject(self, t: _Turn) -> Optional[Asked]:
        """5. A single fact about the subject ("Seit wann …?", "Mitglieder?", "und das Alter?")."""
        q, memory, words, content = t.q, t.memory, t.words, t.q.content
        subject_ids = t.subject_ids
        if not (q.partners and (q.answer_type or content) and not self._only_place(q, t.intent_words, content)):
            return None
        hit = self.index.best(content, subject_ids, q.answer_type)
        law = self._law_of_the_page(q, content) if hit is None or not hit.has_evidence else None
        if law is not None:  # "auf welchem Gesetz beruht das alles?": the subject names none
            return self._answered_by(q, law)
        if q.points_back and memory.last_quote and q.answer_type and (hit is None or not hit.matched):
            # "woher kommen die?", "wann war das?" after a quote: that sentence, if it has the answer
            # and is about the subject ("und das dritte, das mit den jungs – von welchem Ministerium
            # kommt das?" is not about the partner quoted last).
            quoted = self.index.hit_for(memory.last_quote, q.answer_type)
            hit = quoted if quoted is not None and quoted.sentence.partner_id in subject_ids else hit
        if hit is None and q.answer_type and _PAST & set(words):
            hit = self.index.best([], subject_ids, q.answer_type)  # "wo wurde der gegründet?"
        # A hit that shares only words the page uses everywhere ("Land") is little on the subject:
        # a sentence about another partner that shares three words of its own answers instead.
        # So is one that shares only the words of a group the message names ("und wer setzt sich
        # für benachteiligte junge Leute ein?" after the Jungen-Initiative: "jung" is the group's).
        # Then another partner's sentence must share two words beyond the group's too.
        group_said = self._vocabulary_said(q, words) if not q.named and q.groups else set()
        weak = hit is not None and not set(hit.matched) - self._everywhere - group_said
        if not q.named and content and (hit is None or weak):
            # A subject from memory that has nothing on it yields to a sentence about another
            # partner that answers clearly ("dürfen die beiden gleich wählen?" about parents,
            # "die Bewegung, auf die sich der Landesverband … zurückführt" after another partner).
            # The conversation makes it a question about the page: the classifier's
            # "out of scope" is not doubted here ("ab wann dürfen die wählen?").
            # A message of a word or two ("Öffnungszeiten?") stays with the subject: the page
            # not saying it of the subject is the answer, not another partner's sentence. So does
            # one that points at it ("kostet das für mich?"): one word in common is no new subject.
            other = self._open_fact(content, q.answer_type, in_conversation=True,
                                    by_one_word=len(words) > 2 and not q.points_back)
            if other is not None and other.sentence.partner_id not in subject_ids and (
                    not weak or self._distinct_words([term for term in other.matched if term not in self._everywhere]) > 2
                    and len(set(other.matched) - self._everywhere - group_said) >= 2):
                return self._answered_by(q, other)
        # "wo is das …" (a typo left as a word): a place asked and no word matched is where
        # the partner sits (rule 6), not the first sentence that names some place.
        typed_place_only = q.answer_type == "place" and not _PAST & set(words)
        if hit is not None and (hit.matched or q.answer_type and not typed_place_only):
            return self._answered_by(q, hit)  # of the several shown, the one whose sentence answers
        # "Und die erste? Wer steht als Träger dahinter?": the partner counted is asked about,
        # whatever group a word of the question names.
        if q.answer_type and q.answer_type != "place" and (
                q.named or q.counted or not (q.groups or q.topics or q.cities)):
            return Asked.NOT_STATED
        return None

    def _rule_location(self, t: _Turn) -> Optional[Asked]:
        """6. Where a partner sits ("Wo sitzen die?", "und in Köln?"); not a city after a list,
        which asks for the list's partners there."""
        q = t.q
        if q.partners and ("location" in t.intent_words or q.answer_type == "place"
                           or q.intent == "ask_partner_location" or (q.cities and not q.named and not q.content)):
            if not (q.cities and not q.named and t.memory.last_asked == Asked.LIST.value):
                return Asked.LOCATION
        return None

    def _rule_summary(self, t: _Turn) -> Optional[Asked]:
        """7. A partner named (or a reference) and nothing more specific: what it is."""
        q = t.q
        if q.named and not (q.groups or q.topics or q.kinds or q.cities) or (
                q.partners and q.intent in ("ask_partner_info", "follow_up") and not (q.groups or q.topics)) or (
                q.partners and q.points_back and "summary" in t.intent_words):  # "was machen die da?"
            return Asked.SUMMARY if q.intent != "ask_partner_location" else Asked.LOCATION
        return None

    def _rule_only_partner_of_group(self, t: _Turn) -> Optional[Asked]:
        """8. A group or topic that only one partner serves, and a question about it beyond the
        group's own words ("Wer hat das Lehrkräfte-Projekt initiiert?"): its sentence."""
        q, content = t.q, t.q.content
        if not ((q.groups or q.topics) and content and "help" not in t.intent_words and not t.asks_for_list):
            return None
        fitting = self._fitting(q)
        hit = self.index.best(content, [fitting[0].id], q.answer_type) if len(fitting) == 1 else None
        if hit is not None and set(hit.matched) - self._vocabulary_terms(q):
            # …unless another partner's sentence answers better ("Teilhabegesetz" is the page's);
            # a higher score from fewer words in common is the answer type's bonus, not a better answer.
            other = self.index.best(content, None, q.answer_type)
            if other is None or other.sentence.partner_id == hit.sentence.partner_id or other.score <= hit.score \
                    or len(other.matched) < len(hit.matched):
                return self._answered_by(q, hit)
        return None

    def _rule_fact_of_page(self, t: _Turn) -> Optional[Asked]:
        """9. "Wie viele Muslime …?", "Nach welchem Motto …?": a sentence of the page answers it,
        unless the message asks who helps."""
        q, content = t.q, t.q.content
        if not (content and (q.answer_type in FIGURE_TYPES or not (t.asks_who_helps and (q.groups or q.topics))
                             and not t.asks_for_list)):
            return None
        other = self._open_fact(content, q.answer_type, q.doubted)
        # Not a sentence of a partner for others that shares only the topic's words: "Wo stimmen
        # sich die Bundesländer in der Integrationspolitik ab?" is not the KfI's "in anderen
        # Bundesländern praktizierten Direktverteilung".
        off_topic = other is not None and (q.groups or q.topics) and not set(other.matched) - self._everywhere \
            - self._vocabulary_said(q, t.words, topics=True) \
            and other.sentence.partner_id not in [p.id for p in self._fitting(q)]
        return self._answered_by(q, other) if other is not None and not off_topic else None

    def _rule_fact_about_oneself(self, t: _Turn) -> Optional[Asked]:
        """"Hab ich als Spätaussiedler sofort das volle Wahlrecht?" is about oneself, but asks
        for a fact: a sentence that shares two words beyond the group's own answers it."""
        q, content = t.q, t.q.content
        if content and t.asks_who_helps and not t.asks_for_list and "help" not in t.intent_words \
                and _yes_no_about_oneself(q.sentences):
            other = self._open_fact(content, q.answer_type, q.doubted)
            if other is not None and len(set(other.matched) - self._vocabulary_terms(q, topics=False)) >= 2:
                return self._answered_by(q, other)
        return None

    def _rule_figure_of_the_page(self, t: _Turn) -> Optional[Asked]:
        """"Wie viele Migranten leben in NRW?" and no sentence answered it: the page's introduction."""
        q = t.q
        if q.intent == "ask_general_info" and not q.partners and q.answer_type in FIGURE_TYPES:
            return Asked.GENERAL
        return None

    def _rule_list(self, t: _Turn) -> Optional[Asked]:
        """10. Lists: of a kind, a city, a topic, or everything."""
        q = t.q
        law = self._law_of_the_page(q, q.content) if not q.partners else None
        if law is not None:  # "gibt es dafür ein Gesetz?" sounds like a list question
            return self._answered_by(q, law)
        # "Um welche Themen geht es dort?" sounds like a list question, but points at the subject.
        if q.intent == "ask_partner_list" and q.partners and q.points_back and not (
                q.kinds or q.cities or q.groups or q.topics or q.wants_all):
            return Asked.SUMMARY
        if q.intent == "ask_partner_list" or (q.kinds and not (q.groups or q.topics)) or (
                q.cities and not q.partners and not (q.groups or q.topics)) or q.wants_all:
            return Asked.LIST
        return None

    def _rule_who_helps(self, t: _Turn) -> Optional[Asked]:
        """11. Who helps a group or with a topic; a described situation. When the message asks
        more than who ("wer nimmt die auf und verteilt die?") and one of them has the
        sentence that says it (two words beyond the group's own), the list quotes it."""
        q, content = t.q, t.q.content
        fitting = self._fitting(q) if q.groups or q.topics or q.age is not None and t.asks_who_helps else []
        if not (q.groups or q.topics or fitting):
            return None
        # "Er sagt, es gibt Jugendwerkstätten. Wer macht sowas?": a thing that only one partner's
        # page names makes that partner the first of the list, whatever the topic's list holds.
        maker = self._only_one_names(q, content, fitting) if not q.groups else None
        q.partners = [*([maker] if maker else []), *(p for p in fitting if p is not maker)]
        asks_more = content and q.partners and not q.simple and "help" not in t.intent_words
        hit = self.index.best(content, [p.id for p in q.partners], q.answer_type) if asks_more else None
        if hit is not None and len(set(hit.matched) - self._vocabulary_terms(q)) >= 2:
            q.fact = hit
        # A situation told is said in the teller's words; its topic's words find the sentence
        # that names it ("wer entscheidet, in welche Stadt" -> "Direktverteilung … Aufnahmekommunen").
        told = [self.wording.lemma(w) for told_topic in q.told for w in told_topic.words if " " not in w]
        reasons = self.index.best_of_each([*content, *told], [p.id for p in q.partners], q.answer_type)
        # A message that says only whom it is about ("gibt es was für mich als Vater?") gets the
        # sentence that says whom a partner is for ("… Projekte, die sich speziell an Väter …
        # richten"), if it has one; a sentence that shares only the group's own words ("Vätern")
        # is no reason to quote it: then its first sentence says what it is.
        # A single partner is shown with its description: its reason is a sentence beyond that,
        # the one that fits the whole message, its story too ("ich schreibe über deutsch-türkische
        # Migration. Gibt es ein Institut dafür?"). In a list, the question itself chooses.
        said = self._vocabulary_terms(q, topic_kinds=False)
        single = len(q.partners) == 1 and not q.in_simple_words
        shown = q.partners[0].description or "" if single else ""
        quoted_terms = [*content, *told, WHOM_TERM] if not set(self.index.known([*content, *told])) - said \
            else [*content, *(q.story if single else ()), *told]
        reasons_quoted = self.index.best_of_each(quoted_terms, [p.id for p in q.partners], q.answer_type,
                                                 shown=shown, beyond=said)
        q.reasons = {pid: h.sentence.text for pid, h in reasons_quoted.items()}  # each says more than `said`
        # Several groups asked for ("für Eltern, Väter und Lehrkräfte"): the page's order, the
        # one a reader of the page counts in ("der dritte"). Else the partner whose page says
        # most of what the message says comes first.
        if len(q.groups) < 2:
            q.partners.sort(key=lambda p: -reasons[p.id].score if p.id in reasons else 0.0)
        return Asked.HELP

    def _rule_best_sentence(self, t: _Turn) -> Optional[Asked]:
        """12. A fact of the page without a subject ("Dürfen EU-Bürger wählen?"): the best
        sentence of all, when it matches well; else a general question is the page's
        introduction ("der dritte – warum ist das wichtig?": a subject pointed at is asked about)."""
        q = t.q
        other = self._open_fact(q.content, q.answer_type, q.doubted) if q.content else None
        if other is not None:
            return self._answered_by(q, other)
        if q.intent == "ask_general_info":
            return Asked.SUMMARY if q.partners and q.points_back else Asked.GENERAL
        return None

    def _rule_by_intent(self, t: _Turn) -> Asked:
        """13. What the classifier's intent alone says: a question about a partner but no partner
        anywhere asks which one; an elliptic follow-up about the subject that the page does not
        answer ("ehrenamtlich?") or one that points at it ("kostet das für mich?") is not stated."""
        q, words = t.q, t.words
        if q.partners and q.intent in ("ask_partner_contact", "ask_partner_location", "ask_partner_info", "follow_up"):
            return Asked.LOCATION if q.intent == "ask_partner_location" else Asked.SUMMARY
        if q.intent in ("ask_partner_info", "ask_partner_location", "ask_partner_contact"):
            return Asked.WHICH_PARTNER
        if q.intent == "ask_target_group_help":
            q.partners = []  # no group or topic named: the router asks for whom
            return Asked.HELP
        if q.intent == "nlu_fallback":
            return Asked.UNCLEAR
        if q.content and q.partners and not q.named and (len(words) <= 2 or words[0] in ("und", "auch", "and")
                                                         or q.points_back):
            return Asked.NOT_STATED
        return Asked.OUT_OF_SCOPE

    # The order in which the rules are tried; `_decide` stops at the first that answers.
    _RULES: Tuple[Callable[["Understanding", _Turn], Optional[Asked]], ...] = (
        _rule_source,
        _rule_small_talk,
        _new_subject_for_others,
        _rule_belongs_to_subject,
        _figure_of_others_too,
        _rule_same_question_again,
        _rule_contact,
        _rule_city_of_subject,
        _rule_fact_of_subject,
        _rule_location,
        _rule_summary,
        _rule_only_partner_of_group,
        _rule_fact_of_page,
        _rule_fact_about_oneself,
        _rule_figure_of_the_page,
        _rule_list,
        _rule_who_helps,
        _rule_best_sentence,
        _rule_by_intent,
    )

    def _open_fact(self, content: List[str], answer_type: Optional[str], doubted: bool = False,
                   in_conversation: bool = False, by_one_word: bool = False) -> Optional[Hit]:
        """The best sentence of the whole page, if it matches well enough to be the answer.

        `doubted`: the classifier took the message as out of scope; then the sentence must
        match clearly more ("Wie viel Bürgergeld steht mir zu?" shares "zustehen" and little else).
        `in_conversation`: a follow-up in a conversation about the page ("ab wann dürfen die
        wählen?"): a sentence with the value asked for needs less in common; `by_one_word`:
        so does one with a word no other sentence has ("ECOSOC").
        """
        hit = self.index.best(content, None, answer_type)
        factor, words = (DOUBTED_FACTOR, 3) if doubted else (1.0, 2)
        # Two words in common, or one and the value asked for ("Wie viele Muslime …?" -> a number).
        if hit is None:
            return None
        typed = hit.has_evidence and answer_type in FIGURE_TYPES and not doubted
        # In a conversation about the page, one word that only one sentence of the page has
        # ("da steht was von ECOSOC, was ist das?") names that sentence.
        unique = by_one_word and in_conversation and not doubted and len(hit.matched) == 1 \
            and self.index.sentences_with(hit.matched[0]) == 1
        minimum = MIN_TYPED_FOLLOW_UP_SCORE if (typed or unique) and in_conversation else MIN_OPEN_SCORE * factor
        if hit.score < minimum:
            return None
        return hit if self._distinct_words(hit.matched) >= words or typed or unique else None

    def _law_of_the_page(self, q: Question, content: List[str]) -> Optional[Hit]:
        """A question for a law ("auf welchem Gesetz …?", "gibt es ein Gesetz?"): the page's
        sentence that names one, wherever it stands; None if another kind of fact is asked."""
        if q.answer_type != "law":
            return None
        hit = self.index.best(content, None, "law")
        return hit if hit is not None and hit.has_evidence else None

    def _distinct_words(self, matched: Sequence[str]) -> int:
        """How many words of the question a hit matched: "Öffnungszeiten" and its part
        "Öffnung" are one word, not two."""
        parts = {p for term in matched for p in self.wording.parts(term)}
        return sum(term not in parts for term in matched)

    def _list_item(self, words: List[str], subject_id: Optional[str]) -> Optional[Hit]:
        """"das dritte Ziel", "die zweite Aufgabe", "Ziel Nummer 3" of the partner asked about:
        that item of its quoted list whose lead-in has the noun counted ("folgende Ziele:");
        None otherwise."""
        subject = self.directory.knowledge.partner(subject_id or "")
        if subject is None:
            return None
        counted = [(_ORDINALS.get(word), words[index + 1]) for index, word in enumerate(words[:-1])]
        # "Ziel Nummer 3", "Aufgabe Nr. 2": the noun before the number.
        counted += [(int(number) - 1, noun) for noun, mark, number in zip(words, words[1:], words[2:])
                    if mark in _NUMBER_MARKS and number.isdigit() and 0 < int(number) < 10]
        for position, counted_noun in counted:
            if position is None:
                continue
            noun = self.wording.lemma(counted_noun.strip("?!.,:;"))
            for quoted in subject.lists:
                items = quoted.sentences()[1:] if quoted.items_stand_alone else quoted.sentences()
                if noun in self.wording.terms(quoted.lead) and -len(items) <= position < len(items):
                    return self.index.hit_for(items[position])
        return None

    def _answered_by(self, q: Question, hit: Hit) -> Asked:
        """A fact answer; its sentence's partner becomes the subject."""
        q.fact = hit
        partner = self.directory.knowledge.partner(hit.sentence.partner_id or "")
        q.partners = [partner] if partner else []
        return Asked.FACT

    def _fact_words_beside_fields(self, sentences: List[str]) -> Set[str]:
        """The fact-word groups ("~kosten") of the message's questions that ask for no contact
        field: "kostet das was?" beside "kann ich im Internet fragen?". A word in the sentence of
        the contact word names whose contact is asked ("Telefon der Verteilstelle")."""
        if len(sentences) < 2:
            return set()
        # Only a question of its own: "Zurück zu dem Lehrkräfte-Netzwerk: hat das eine Internetseite?"
        # names whose web address is asked, it asks nothing beside it.
        words = [w for s in sentences if not s.endswith((".", "!", ":")) and not self.directory.fields_in(fold(s))
                 for w in self.wording.terms(s)]
        return {t for t in self.index.known(words) if is_concept(t)} - self._everywhere

    def _matched_of(self, content: List[str], subject_ids: List[str]) -> bool:
        """Does a sentence of the subject share a word with the message?"""
        hit = self.index.best(content, subject_ids)
        return hit is not None and bool(hit.matched)

    def _named_in_subject(self, q: Question, memory: Memory) -> Optional[Hit]:
        """The subject's sentence that names the one partner this message names, when the message
        asks whether it belongs there ("sind da auch die JMD dabei?", "gehören die JMD auch zu dem,
        was deren Träger betreiben?"); not "und die JMD, was bieten die an?", which asks about them."""
        # The subject slot takes the name said (Rasa fills it from the entity): the subject before
        # this message is then the partner talked about before it.
        before = memory.earlier() if memory.subject in [p.id for p in q.partners] else memory.subject
        asked = q.partners
        if len(q.partners) == 2 and len(q.sentences) > 1:
            # "nochmal zur LAG von vorhin: gehören die JMD da auch dazu?": the partner named before the
            # asking sentence is the subject; the one named in it is asked about.
            in_last = distinct_items(self.directory.partner_mentions(q.sentences[-1]))
            earlier = distinct_items(self.directory.partner_mentions(" ".join(q.sentences[:-1])))
            if len(in_last) == 1 and len(earlier) == 1 and in_last != earlier:
                before, asked = earlier[0].id, in_last
        subject = self.directory.knowledge.partner(before or "")
        # Asked in the asking sentence: "Die JMD gehören da ja auch dazu. Wie viele gibt es davon?"
        # says they belong, and asks about them.
        asking = fold(q.sentences[-1]).split() if q.sentences else []
        if subject is None or not (q.named and _BELONGING & set(asking) and len(asked) == 1) \
                or asked[0] == subject \
                or q.fields or q.cities:
            return None
        names = [re.compile(rf"\b{re.escape(name)}\b") for name in asked[0].names if len(name) > 2]
        sentence = next((s for s in subject.quoted_sentences if any(n.search(s) for n in names)), None)
        return self.index.hit_for(sentence) if sentence else None

    def _described_before(self, q: Question, memory: Memory) -> List[Partner]:
        """The one partner that the sentences before the last describe by its groups or topics,
        when a pronoun in the last sentence points at it ("… suche ich ein Institut, das zur
        Türkei forscht. Was machen die konkret?"), rather than at the conversation's subject;
        [] when the subject is one for them, or the last sentence says whom it is about itself."""
        if len(q.sentences) < 2 or not (q.groups or q.topics):
            return []
        last = fold(q.sentences[-1])
        # A pronoun ("die"), not "da" ("macht das Land da was?" points at the matter told, not at a
        # partner); but a last sentence that asks nothing of its own points with "da" at what was
        # told ("… wo die Bundesländer gemeinsam über Integration entscheiden. Was sage ich da?").
        asks_nothing = not set(self.index.known(self.wording.terms(last))) - self._everywhere \
            and not self._exists_words.exact_items(last) and not self._intent_words.exact_items(last)
        if self.directory.groups_in(last) or self.directory.topics_in(last) or not _has_pointer(
                last.split(), is_noun=self.wording.is_noun, pointers=frozenset({"da"}) if asks_nothing else frozenset()):
            return []
        fitting = self._fitting(q)
        return fitting if len(fitting) == 1 and fitting[0].id != memory.subject else []

    def _subjects_own_group(self, words: List[str], memory: Memory, q: Question) -> Optional[Partner]:
        """The subject, when a definite article names a group of it ("die Träger" after the LAG
        JSA, whose page is about Träger): those are the subject's people, not a new question who
        helps them; "für Eltern" (no article) or a group the subject does not serve asks anew."""
        # After a list, the one listed partner whose people they are ("deren Träger" after the
        # LAG JSA, the JMD and others: the LAG's).
        candidates = [memory.subject] if memory.subject else memory.listed
        owners = _serving_all(q.groups, map(self.directory.knowledge.partner, candidates))
        subject = owners[0] if len(owners) == 1 else None
        if subject is None or not q.groups or q.topics or q.kinds or q.cities:
            return None
        mentions = self.directory.group_mentions(" ".join(words))
        # "solche Träger", "ihre Träger" are the subject's too.
        definite = bool(mentions) and all(m.start > 0 and words[m.start - 1] in _OF_THE_SUBJECT for m in mentions)
        return subject if definite else None

    def _asks_whether_it_exists(self, q: Question, intent_words: Set[str]) -> bool:
        """"Existiert ein Netzwerk für Lehrkräfte mit Migrationsgeschichte?", "Hat das Land eine
        Initiative für Jungs?": whether such a partner exists is answered by what it is (its
        description), not by one sentence that happens to share the group's or the name's words.

        The found sentence counts as the answer only when it matched a word beyond what names the
        partner (for a partner described: the group's, topic's and its names' words); for a
        partner described rather than named ("ein Gremium, das die Regierung berät"), also not
        when that sentence is part of the description anyway.
        """
        # "hat das Land das unterstützt?" asks a fact: something indefinite is asked to exist.
        some = _INDEFINITE | _SOMETHING
        if EXISTS not in intent_words or not some & set(fold(q.text).split()) or q.answer_type or q.points_back \
                or q.fields or q.fact is None:
            return False
        partner_id = q.fact.sentence.partner_id
        partner = self.directory.knowledge.partner(partner_id or "")
        if partner is None or [p.id for p in q.partners] != [partner.id]:
            return False
        # Named by its name (cut from the content already), every other word is what is asked to
        # exist there ("gibt es beim JMD eine Onlineberatung?"); described, the group's, topic's
        # and name's words are the partner itself.
        said = set() if q.named else self._vocabulary_terms(q) | self._name_index_terms[partner.id]
        beyond = set(q.fact.matched) - said - self._everywhere
        return not beyond or not q.named and q.fact.sentence.text in (partner.description or "")

    def _fitting(self, q: Question) -> List[Partner]:
        """The partners that fit most of what was said (groups, topics, kind): "Meine Eltern
        sind Spätaussiedler … ein Gremium" -> the Gremium for Spätaussiedler, not every
        partner for parents."""
        scores: Dict[str, int] = {}
        for partner in self.directory.partners:
            score = sum(g.id in partner.target_groups for g in q.groups)
            score += sum(t.id in partner.topics for t in q.topics)
            # A situation told ("wer entscheidet, in welche Stadt wir kommen") outweighs a group
            # named on the way ("mit Familie").
            score += sum(t.id in partner.topics for t in q.told)
            # "mein Sohn ist 15 und neu an der Schule": an age within the partner's stated ages fits too,
            # unless a group is said: "mein Junge ist 14 … gibt es was extra für Jungen?" asks for boys.
            score += q.age is not None and not q.groups and any(low <= q.age <= high
                                                                for low, high in self._ages.get(partner.id, ()))
            if score:
                scores[partner.id] = score + (partner.kind in q.kinds)
        best = max(scores.values(), default=0)
        return [p for p in self.directory.partners if best and scores.get(p.id) == best]

    def _only_one_names(self, q: Question, content: List[str], fitting: Sequence[Partner]) -> Optional[Partner]:
        """The partner whose sentence answers the message with a word of the page that no other
        partner's page has ("Jugendwerkstätten"): a word of its own, not of the topic asked about,
        nor a kind of fact, nor a word the page uses everywhere; and far better than any sentence
        of the partners for the topic (DOMINANT_SHARE)."""
        hit = self.index.best(content, None, None) if content else None
        if hit is None or hit.sentence.partner_id is None:
            return None
        # Named in the question ("Wer betreibt Jugendwerkstätten?") or pointed at from it ("sowas");
        # not a word of a story told before "wer kann mir helfen?".
        last = fold(q.sentences[-1]) if q.sentences else ""
        asked = set(self.index.known(self.wording.terms(last)))
        if not asked & set(hit.matched) and not _KIND_POINTERS & set(last.split()):
            return None
        said = self._vocabulary_terms(q)
        own = [t for t in hit.matched if not is_concept(t) and t not in said and t not in self._everywhere
               and len(t) >= MIN_OWN_WORD and self.index.partners_with(t) == {hit.sentence.partner_id}]
        if not own:
            return None
        best_fitting = self.index.best_of_each(content, [p.id for p in fitting if p.id != hit.sentence.partner_id])
        if any(h.score * DOMINANT_SHARE > hit.score for h in best_fitting.values()):
            return None
        return self.directory.knowledge.partner(hit.sentence.partner_id)

    def _vocabulary_terms(self, q: Question, topics: bool = True, topic_kinds: bool = True) -> Set[str]:
        """The fact-index terms of the message's group (and topic) words ("Lehrkräfte").
        Without `topic_kinds`, a topic counts with its own words only, not with the kinds of fact
        its words also belong to: "beschweren" is a word of the topic discrimination, but the
        page's "Anlaufstellen" (a kind of fact "beschweren" asks for) says more than the topic."""
        own = set().union(*(self._group_terms[g.id] for g in q.groups))
        if topics:
            own |= {t for v in q.topics for t in self._topic_terms[v.id] if topic_kinds or not is_concept(t)}
        return own

    def _only_partner_of_compound(self, words: List[str]) -> List[Partner]:
        """The one partner for the groups that the first part of a compound word names
        ("Lehrkräfteprojekt", "Väterprojekt"), or []."""
        groups = _unique([g for w in words for part in self.wording.parts(self.wording.lemma(w))[:1]
                          for g in self.directory.groups_in(part)])
        owners = _serving_all(groups, self.directory.partners)
        return owners if len(owners) == 1 else []

    def _vocabulary_said(self, q: Question, words: List[str], topics: bool = False) -> Set[str]:
        """The fact-index terms of the group (and topic) words as the message says them ("junge
        Leute" is "jung" and "Junge", "Bundesländer" is "Bund" and "Land"), and of their own words."""
        text = " ".join(words)
        mentions = [*self.directory.group_mentions(text), *(self.directory.topic_mentions(text) if topics else [])]
        said = " ".join(" ".join(words[m.start:m.end]) for m in mentions)
        own = self._vocabulary_terms(q, topics=topics)
        return own | set(self.index.known(self.wording.terms(self.index.with_group_words(said)))) if said else own

    def _says_word_of(self, q: Question, words: List[str], content: List[str], subject_ids: List[str]) -> bool:
        """"Der zweite – Ursprung?": a bare word that the subject's sentence has as a word of its
        own ("hat seinen Ursprung in …") asks for that sentence, even when the classifier heard a
        contact question in it. Not "wie erreiche ich die?" (how to reach them), and not a word
        that is only part of a compound there ("Kontakt" in "Kontaktdaten")."""
        if not content or (words and words[0] in _HOW):
            return False
        hit = self.index.best(content, subject_ids, None)
        if hit is None or not hit.matched:
            return False
        sentence = fold(hit.sentence.text)
        return any(len(w) >= 4 and re.search(rf"\b{re.escape(w)}\w{{0,3}}\b", sentence) for w in words
                   if w not in _SMALL_WORDS and self.wording.lemma(w) in content)  # not a word of a name

    @staticmethod
    def _serves(partner: Partner, q: Question) -> bool:
        """Is the partner one for a group or topic of the message?"""
        return any(g.id in partner.target_groups for g in q.groups) or any(t.id in partner.topics for t in q.topics)

    @staticmethod
    def _only_place(q: Question, intent_words: Set[str], content: List[str]) -> bool:
        """"Wo sitzt …?" asks for today's place, not for a sentence with a place in it."""
        past = bool(_PAST & set(fold(q.text).split()))
        return not content and not past and (q.answer_type == "place" or "location" in intent_words)


def _not_negated_kinds(kinds: List[str], folded: str) -> List[str]:
    """"Welche Partner gibt es, also nicht die Gremien und nicht die Netzwerke?": a kind said
    with "nicht", "ohne", "außer", "kein" is left out; when only left-out kinds were named,
    the others are asked for."""
    negated = [k for k in kinds if re.search(
        rf"\b(?:nicht|ohne|ausser|kein\w*)\s+(?:(?:die|den|der|das)\s+)?{fold(k)[:5]}", folded)]
    if not negated:
        return kinds
    return [k for k in kinds if k not in negated] or [k for k in KINDS if k not in negated]


def _sentences(text: str) -> List[str]:
    """The sentences of a message, split after ".", "!", "?" and ":", and at a dash between
    spaces ("Fall mit einer Roma-Familie – welche Stellen sind für Sinti und Roma da?")."""
    return [s for s in re.split(r"(?<=[.!?:])\s+|\s+[–—-]\s+", text.strip()) if s]


def _asked_at_end(sentences: List[str]) -> List[str]:
    """The last sentence and the questions right before it: "Ich habe zwei Kinder. Gibt es was
    für Eltern? Und für Väter?" asks the last two."""
    asked = sentences[-1:]
    for sentence in reversed(sentences[:-1]):
        if not sentence.endswith("?"):
            break
        asked.insert(0, sentence)
    return asked


def _serving_all(groups: Sequence[Vocabulary], partners: Iterable[Optional[Partner]]) -> List[Partner]:
    """The partners (of those given) that are for every one of the groups; none without groups."""
    return [p for p in partners if p is not None and all(g.id in p.target_groups for g in groups)] if groups else []


def _yes_no_about_oneself(sentences: List[str]) -> bool:
    """"Hab ich … das volle Wahlrecht?", "Dürfen wir …?": the last sentence is a question
    that opens with a verb and "ich"/"wir", not a story of one's situation."""
    if not sentences or not sentences[-1].endswith("?"):
        return False
    last = fold(sentences[-1]).split()
    if len(last) > 2 and last[1] in ("ich", "wir") and last[0] not in _QUESTION_OPENERS:
        return True
    # "… ich darf gar nicht wählen. Stimmt das für Spätaussiedler?": a claim about oneself, checked.
    before = fold(" ".join(sentences[:-1])).split()
    return bool(last) and last[0] in _CHECKS_A_CLAIM and bool({"ich", "wir"} & set(before))


def _relative_clauses(words: List[str]) -> List[List[str]]:
    """The words after an indefinite article, its noun and a relative pronoun, to the end of
    the message: "ein Forschungsinstitut, das sich mit türkeistämmiger Migration befasst?"
    (folded words carry no commas, so the clause runs to the end)."""
    return [words[index + 3:] for index in range(len(words) - 2)
            if words[index] in _INDEFINITE and words[index + 2] in _RELATIVE]


def _ordinal(words: List[str]) -> Optional[int]:
    """The position a message counts ("der zweite" -> 1, "der letzte" -> -1), if any; not
    the count of the writer's own questions ("Letzte Frage: …", "erste Sache: …")."""
    return next((_ORDINALS[w] for i, w in enumerate(words)
                 if w in _ORDINALS and not (i + 1 < len(words) and words[i + 1] in _OWN_TURNS)), None)


def _counts_past_the_list(words: List[str], memory: Memory) -> bool:
    """An ordinal beyond the partners named: "der dritte" when the last answer named two."""
    ordinal = _ordinal(words)
    return ordinal is not None and bool(memory.named) and memory.ordinal(ordinal) is None


def _opens_with_which(words: List[str]) -> bool:
    """"Welche Einrichtungen …?", "Mit welchem Ziel …?": a "welche" question, after a preposition too."""
    opener = words[1:2] if words[:1] and words[0] in _WHICH_PREPOSITIONS else words[:1]
    return bool(opener) and opener[0] in _WHICH


def _elliptic(words: List[str]) -> bool:
    """"und …?", "nur …?", "was ist mit …?", or a message of one or two words ("Mitglieder?")."""
    return len(words) <= 2 or bool(words) and words[0] in ("und", "auch", "nur", "and") \
        or " ".join(words[:3]) in _ELLIPTIC_OPENERS or " ".join(words[:2]) in _ELLIPTIC_OPENERS


def _opening(words: List[str]) -> Optional[str]:
    """The word a question opens with, after "und", "aber", "also" ("und was wollen die erreichen?")."""
    return next((w for w in words if w not in _LEADING), None)


def _has_pointer(words: List[str], until: Optional[int] = None,
                 is_noun: Callable[[str], bool] = lambda word: False, pointers: FrozenSet[str] = _POINTERS) -> bool:
    """"dort", "deren" (`pointers`), or a pronoun "die"/"der": before a small word or last
    ("machen die auch …?", "wen berät der?"), or right after the verb that opens a question
    ("fördern die den Austausch …?"), but not as the article of a noun ("hat das Land auch was …?").
    Only the words before `until` count, if given."""
    if len(words) > 2 and words[1] in _PRONOUNS and words[0] not in _QUESTION_OPENERS and (until is None or until > 1) \
            and not is_noun(words[2]):
        return True
    for index, word in enumerate(words[:until]):
        following = words[index + 1] if index + 1 < len(words) else None
        # "ein Gremium, das sich … kümmert": after "ein" and a noun, "das" opens a relative clause;
        # so it does after "irgendwas", "etwas", "sowas" ("gibt es irgendwas, das sich um Jungs kümmert?").
        relative = index >= 2 and words[index - 2] in _INDEFINITE or index >= 1 and words[index - 1] in _THING
        # "wer setzt sich dafür ein, dass …": "dafür" announces the clause that follows.
        announces = "dass" in words[index + 1:index + 3]
        if word in pointers and not announces or word in _PRONOUNS and not relative and (
                following is None or following in _AFTER_PRONOUN):
            return True
    return False


def _entity_values(entities: Sequence[Dict]) -> Dict[str, List[str]]:
    values: Dict[str, List[str]] = {}
    for entity in entities:
        value = entity.get("value")
        if isinstance(value, str) and value:
            values.setdefault(str(entity.get("entity")), [])
            if value not in values[str(entity.get("entity"))]:
                values[str(entity.get("entity"))].append(value)
    return values


def _unique(items: Sequence) -> List:
    result: List = []
    for item in items:
        if item is not None and item not in result:
            result.append(item)
    return result
