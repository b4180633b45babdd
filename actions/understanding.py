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

The decisions are one method per rule in actions.deciding (`Deciding._RULES`); the
router (actions.router) then maps each `Asked` to one answer. The typed question is in
actions.question, the word cues both halves use in actions.cues.
"""

from __future__ import annotations

import re
from itertools import product
from typing import Dict, FrozenSet, List, Optional, Sequence, Set, Tuple

from rasa_sdk import Tracker

from actions.cues import (
    ATTRIBUTIVE_ORDINAL,
    AGE_RANGE,
    AGE_WORD,
    AGE_STATED,
    AGED_PERSON,
    CHECKS_A_CLAIM,
    ALSO,
    ASKS_ANOTHER_THING,
    ASKING_SAYS_ENOUGH,
    ATTACHED,
    COMMON_NOUN_PAGES,
    COMMON_WORD_SHARE,
    COMPOUND_KINDS,
    DEFINITE,
    DEMONSTRATIVES,
    ENGLISH_DEMONSTRATIVES,
    CIRCUMSTANCES,
    ENGLISH_KINDS,
    EXISTS,
    FIRST,
    FOR,
    FRAGMENT_MAX_WORDS,
    GENITIVE,
    INDEFINITE,
    KIND_POINTERS,
    MIN_FALLBACK_CONFIDENCE,
    NEW_TOPIC_WITHIN,
    NUMBER_MARKS,
    OF_THE_SUBJECT,
    ONESELF,
    ORDINALS,
    ORIGIN,
    PARTNER_QUESTION_INTENTS,
    PHRASE_SAYS_THE_KIND,
    PLACE_POINTERS,
    POINTERS,
    PRONOUNS,
    RELATIVE,
    REQUEST_VERBS,
    SELF_NOUN,
    SELF_QUESTION_INTENTS,
    SELF_QUESTION_MIN_CONFIDENCE,
    SIMPLE_MAX_WORDS,
    SITTING,
    SMALL_WORDS,
    THE,
    SOMETHING,
    WITH,
    WRITER,
    WRITERS_OWN,
    counts_past_the_list,
    entity_values,
    goes_back,
    has_pointer,
    is_elliptic,
    not_negated_kinds,
    opening_word,
    opens_with_which,
    ordinal_in,
    part_ends,
    question_last,
    relative_clauses,
    relative_where,
    resumes_phrase_in_front,
    sentence_ends,
    sought_after_article,
    serving_all,
    split_sentences,
    unique,
    which_noun,
    which_of_all,
)
from actions.deciding import Deciding
from actions.directory import PartnerDirectory
from actions.fact_index import CONCEPT_MARK, REASON, FactIndex, Hit, is_concept
from actions.knowledge import CONTACT_ATTRIBUTES, KINDS, Partner, Vocabulary
from actions.languages import UNKNOWN, LanguageDetector, TranslatedWords, detector_for, points_back
from actions.memory import Memory
from actions.mentions import Mention, MentionFinder, distinct_items, first_starts
from actions.question import ANSWER_FOR_TRAINER_CHOICE, Asked, Question
from actions.safety import DangerReader
from actions.shortened import ShortenedNames
from actions.situations import Situations
from actions.spelling import fold
from actions.wording import Wording, without_negated

# Marks a topic's id among the words a partner is called by (`Understanding._called`).
_TOPIC_MARK = "#"


def _head_noun(name: str) -> str:
    """The first noun of a name: its first capitalised word, past an adjective that opens it
    ("Interkulturelle Väterarbeit" → "Väterarbeit") and short forms ("LAG", "ZfTI")."""
    nouns = [w for w in re.findall(r"[^\W\d_]+", name) if w[:1].isupper() and w[1:].islower()
             and not w.endswith(("ische", "ischen", "elle", "ellen", "liche", "lichen"))]
    return nouns[0] if nouns else ""


# The answer types that ask for a value a sentence states ("wie viel Prozent", "seit wann").
VALUE_TYPES = frozenset({"share", "number", "date", "law", "expansion"})
# The kind every partner may be called by ("der Partner").
GENERIC_KIND = "Partner"
# The intent words whose translations point at the subject ("bu", "этот", "ces").
POINTING = "this"
# A noun this short ("Amt", "Rat") is still a word of its own at the end of a compound.
MIN_SAID_BEFORE = 3


class Understanding(Deciding):
    """Builds Questions against one snapshot of the knowledge file."""

    def __init__(self, directory: PartnerDirectory, wording: Wording, index: FactIndex,
                 detector: Optional[LanguageDetector] = None) -> None:
        self.directory = directory
        self.wording = wording
        self.index = index
        knowledge = directory.knowledge
        self.detector = detector or detector_for(tuple(knowledge.languages), tuple(
            (code, words) for v in knowledge.question_words for code, words in v.translations.items()),
            tuple(knowledge.small_words.items()))
        self.danger = DangerReader(knowledge.safety, lambda text: [wording.lemma(w) for w in wording.words(text)])
        self.situations = Situations(knowledge, wording)
        self._shortened = ShortenedNames(knowledge.partners, wording, index.uses)
        # The ages a partner's page sentences name ("von 12 bis 27 Jahren"), for an age stated.
        self._ages: Dict[str, List[Tuple[int, int]]] = {
            p.id: [(int(low), int(high)) for s in p.quoted_sentences for low, high in AGE_RANGE.findall(s)]
            for p in knowledge.partners}
        # The groups that, said together, mean one of a partner's groups (`combines`), for _fitting.
        self._combines: Dict[str, List[Set[str]]] = {
            p.id: [set(g.combines) for gid in p.target_groups
                   if (g := knowledge.target_group(gid)) is not None and g.combines] for p in knowledge.partners}
        # The kinds said as the last part of a compound ("Landesgremium"), by that part's lemma.
        self._compound_kinds: Dict[str, str] = {wording.lemma(k): k for k in COMPOUND_KINDS}
        # Words of the other languages, matched only in messages of another language.
        self._translated_intents = TranslatedWords(
            (w, v.id) for v in knowledge.intent_words for words in v.translations.values() for w in words)
        # "bu enstitü", "этот совет": the demonstratives of each other language, matched only in it.
        self._pointers: Dict[str, FrozenSet[str]] = {
            code: frozenset(fold(w) for w in words) for v in knowledge.intent_words if v.id == POINTING
            for code, words in v.translations.items()}
        self._translated_groups = TranslatedWords(
            (w, g) for g in knowledge.target_groups for words in g.translations.values() for w in words)
        self._translated_topics = TranslatedWords(
            (w, t) for t in knowledge.topics for words in t.translations.values() for w in words)
        self._translated_fields = TranslatedWords(
            (w, c.id) for c in knowledge.contact_words for words in c.translations.values() for w in words)
        # A kind of fact ("kuruldu": founded) stands for its group as the fact index knows it;
        # a question word ("ne zaman": when) is matched whole.
        self._translated_facts = TranslatedWords(
            (w, CONCEPT_MARK + v.id) for v in knowledge.fact_words for words in v.translations.values() for w in words)
        self._translated_types = TranslatedWords(
            ((w, v.id) for v in knowledge.question_words for words in v.translations.values() for w in words),
            endings=False)
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
            # "Nordrhein-Westfalen": "Nord" and "Rhein" select no fact either; nor does the "Anfang" of "vom Anfang".
            if vocabulary.id in ("filler", FIRST):
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
        # The words of a partner's name and short name as written, by lemma and a compound's first
        # part ("Spätaussiedlerfragen" -> "spaetaussiedler"), not of its aliases ("…beratung"). Not a
        # compound's last part: "Landes|integrationsrat" does not make the "Integrationsräte" it
        # works for a word of its name. No small word ("für"), and no short form looked up as a word
        # ("LAG" is no "liegen").
        self._own_words: Dict[str, Set[str]] = {
            p.id: {t for name in (p.name, p.short_name) if name for w in wording.words(name) if not w.isupper()
                   for t in (wording.lemma(w), *wording.parts(w)[:1])
                   if len(t) > 2 and t not in wording.stop_words}
            for p in knowledge.partners}
        # The topics only one partner has ("Türkei": the ZfTI): said, they call it as its name does.
        self._own_topics: Dict[str, Set[str]] = {
            p.id: {_TOPIC_MARK + t for t in p.topics if len(directory.for_topic(t)) == 1} for p in knowledge.partners}
        # What a partner's own sentences call it when they open with it ("Das Institut ist eine
        # Stiftung …" of the ZfTI): "Fördert das Institut auch …?" names it among those talked about.
        self._self_nouns: Dict[str, Set[str]] = {
            p.id: {wording.lemma(m.group(1)) for s in p.quoted_sentences
                   if (m := SELF_NOUN.match(s)) and m.group(2) not in ATTACHED} - everywhere
            for p in knowledge.partners
        }
        # The nouns a partner is called by (its own sentences' "Institut", a name's head noun) and
        # the kinds ("Gremium"): after "welches" such a noun asks which partner it is ("Welches
        # Institut forscht …?"); "Welche Studie hat das Institut …?" does not.
        # A name's head is its first noun's last part ("Kompetenz|zentrum" → "zentrum").
        self._kind_lemmas: Set[str] = {wording.lemma(k) for k in KINDS}  # "Gremium", "Netzwerk", "Partner"
        self._partner_nouns: Set[str] = set().union(*self._self_nouns.values(), self._kind_lemmas, {
            (wording.parts(head) or (wording.lemma(head),))[-1]
            for p in knowledge.partners for name in (p.name, p.short_name) if name
            for head in [_head_noun(name)] if head})
        # The same words as the fact index knows them: what a described partner is called.
        self._name_index_terms: Dict[str, Set[str]] = {
            pid: terms | set(index.known(list(terms))) for pid, terms in self._name_terms.items()}

    # --- reading the message --------------------------------------------------------

    def _value_of_subject_asked(self, question: Question, memory: Memory, intent_words: Set[str]) -> bool:
        """"Quel pourcentage des élèves … ont un parcours migratoire ?" after the teachers' project: in
        another language a question for a value (a share, a number, a date) whose words find a
        sentence of that kind of the subject asks about the subject. Its group words ("élèves") are
        what the sentence is about, not whom to find partners for. German names the subject by the
        page's words instead; "who"/"where" and help ask for partners."""
        if question.language in ("de", UNKNOWN) or question.answer_type not in VALUE_TYPES or not memory.subject \
                or "help" in intent_words or question.named:
            return False
        kinds = [t for t in question.content if is_concept(t)]
        hit = self.index.best(kinds, [memory.subject], question.answer_type) if kinds else None
        return hit is not None and hit.has_evidence and bool(hit.matched)

    def _back_until(self, words: List[str], text: str) -> int:
        """Where the words that go back ("nochmal zu der Stelle von vorhin") end: after the last
        "earlier" (or "first": "vom Anfang") phrase, or at the colon or full stop that closes its part
        before the question ("Nochmal zu den Vätern: hat das Land das Thema schon lange im Blick?" goes back to the
        fathers, "das Thema" is theirs); the whole message when there is none."""
        end = max((m.end for m in self._intent_words.find(" ".join(words), exact_only=True)
                   if m.item in ("earlier", FIRST)), default=None)
        if end is None:
            return len(words)
        return next((stop for stop in part_ends(text) if end <= stop < len(words)), end)

    def _introduced_at(self, words: List[str], text: str, intent_words: Set[str]) -> Optional[int]:
        """Where the sentences after one that asks for a partner to exist begin ("Gibt es eigentlich auch
        einen Verband, der die Interessen vertritt? Wie heißt der?"): a pronoun there is the
        partner asked for. None when no sentence asks so with an indefinite article and what a partner
        is called ("einen Verband", "ein Institut"), or when that sentence is the last. Within that
        sentence a pronoun still points back ("gibt es ein Büro von denen in Köln?")."""
        if EXISTS not in intent_words:  # found once already; its position is looked up only then
            return None
        exists_end = min((m.end for m in self._exists_words.find(" ".join(words), exact_only=True)), default=None)
        if exists_end is None:
            return None
        introduced = next((i for i in range(exists_end, len(words) - 1) if words[i] in INDEFINITE
                           and self.wording.lemma(words[i + 1].capitalize()) in self._partner_nouns), None)
        ends = [end for end, _ in sentence_ends(text)]
        if introduced is None or not ends or ends[-1] != len(words):
            return None
        return next((end for end in ends[:-1] if end > introduced), None)

    def _names_a_thing(self, word: str) -> bool:
        """A noun typed in any case ("stelle", "Büro"), or what a partner is called."""
        return self.wording.is_noun(word) or self.wording.lemma(word.capitalize()) in self._partner_nouns

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
        if intent in SELF_QUESTION_INTENTS \
                and float((message.get("intent") or {}).get("confidence") or 0) < SELF_QUESTION_MIN_CONFIDENCE:
            # A weak guess that the bot is asked about itself is no guess: in a conversation about
            # a partner it is a question about that partner, else an unsure one.
            intent = "follow_up" if memory.subject else "nlu_fallback"
        question = Question(text=text, intent=intent, asked=Asked.UNCLEAR,
                            sentences=question_last(split_sentences(text)),
                            ranking=[str(r.get("name")) for r in ranking])
        # The widget sends the page's or the chosen language; short messages and buttons keep it.
        metadata = message.get("metadata") if isinstance(message.get("metadata"), dict) else {}
        question.language = self.detector.detect(text, memory.language, str(metadata.get("language") or ""))
        values = entity_values(entities)
        find = self.directory
        question.partners = unique([find.find_partner(v) for v in values.get("partner", [])])
        question.groups = unique([find.find_target_group(v) for v in values.get("target_group", [])])
        question.topics = unique([find.find_topic(v) for v in values.get("topic", [])])
        # A city the page does not name is said back as a name ("bielefeld" -> "Bielefeld").
        question.cities = unique([find.find_city(v) or (v[:1].upper() + v[1:] if v.islower() else v)
                                   for v in values.get("city", [])])
        question.kinds = not_negated_kinds([k for k in values.get("kind", []) if k in KINDS], fold(text))
        question.fields = [f for f in values.get("contact_attribute", []) if f in CONTACT_ATTRIBUTES]
        if text.startswith("/"):  # a button: its payload names intent and entities exactly
            question.named = bool(question.partners)
            question.asked = self._from_button(question, memory)
            return question
        nlu_groups = list(question.groups)
        rest = self._find_in_text(question, entities)
        self._drop_fields_of_the_story(question)
        # "ein Landesgremium" is a Gremium: the kind as the last part of a compound counts as said
        # (not in a partner's name, even misspelt: "elternetzwerk" is the Elternnetzwerk).
        compound_kinds = [self._compound_kinds[part] for w in rest.split()
                          for part in self.wording.parts(w.capitalize())[-1:] if part in self._compound_kinds]
        question.kinds = unique([*question.kinds, *not_negated_kinds(compound_kinds, fold(text))])
        groups_in_text = [g for g in question.groups if g not in nlu_groups]
        words = fold(text).split()
        question.simple = question.language == "de" and len(words) <= SIMPLE_MAX_WORDS
        # "gibt es eine Stelle, wo man sowas melden kann?": a relative "wo" asks no place.
        where_clause = relative_where(rest.split(), self._names_a_thing)
        question_phrases = [p for p in self._question_types.find(rest, exact_only=True)
                            if not (p.end - p.start == 1 and p.start in where_clause)]
        # "wer ist Träger, welche Behörde?": a phrase of several words says the kind of answer more
        # exactly than a bare question word; among equals, the first.
        question.answer_type = max(question_phrases, key=lambda p: p.end - p.start).item if question_phrases \
            else None
        intent_words = set(self._intent_words.exact_items(text)) | set(self._exists_words.exact_items(text))
        if FIRST in intent_words:
            intent_words.add("earlier")  # "das Netzwerk ganz am Anfang" goes back, to the one talked about first
        where_in_text = relative_where(words, self._names_a_thing)  # positions in the whole text's words
        if where_in_text and all(m.end - m.start == 1 and m.start in where_in_text
                                for m in self._intent_words.find(text, exact_only=True) if m.item == "location"):
            intent_words.discard("location")
        if question.answer_type == "person" and words[:1] == ["wer"] and all(
                set(words[m.start:m.end]) <= SITTING for m in self._intent_words.find(text, exact_only=True)
                if m.item == "location"):
            # "Wer sitzt da drin?" asks who its members are: "sitzen" after "wer" is no place
            # ("Wer ist das und in welcher Stadt sitzen die?" still asks where).
            intent_words.discard("location")
        foreign_facts: List[str] = []
        if question.language not in ("de", UNKNOWN):
            intent_words |= set(self._translated_intents.items(text))
            translated = self._translated_groups.find(rest)  # (start, end, group), found once
            question.groups = unique([*question.groups, *(group for _, _, group in translated)])
            # "للآباء المهاجرين", "pères immigrés": a group whose label says another ("Väter mit
            # Migrationshintergrund") is described by it when said right beside it, as in German; the
            # describing word comes first or last. Said apart ("Familia … pentru migranți ca noi") both count.
            described = {implied for g in question.groups for implied in self.directory.groups_said_by_label[g.id]
                         if implied != g and any(ga == g and gb == implied and (ea == sb or eb == sa)
                                                 for (sa, ea, ga), (sb, eb, gb) in product(translated, translated))}
            question.groups = [g for g in question.groups if g not in described] or question.groups
            question.topics = unique([*question.topics, *self._translated_topics.items(rest)])
            self._story_groups_in_other_language(question)
            question.fields = unique([*question.fields, *self._translated_fields.items(rest)])
            foreign_facts = unique(self._translated_facts.items(rest))
            question.answer_type = question.answer_type or next(iter(self._translated_types.items(rest)), None)
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
        # "alle" of the story ("alle sehen die nur als Problem. Gibt es was für Jungs?") is no list of all;
        # in a question ("Kannst du mir alle Partner zeigen? Das wäre nett.") or a request it is.
        question.wants_all = "list" in intent_words and bool({"alle", "alles", "all", "saemtliche"} & {
            w for sentence in question.sentences if not self._tells(sentence) for w in fold(sentence).split()})
        rest_words = rest.split()
        # "andere Frage: …" starts a new subject; "Frage" is no word of a partner's name.
        new_topic = [m for m in self._intent_words.find(rest, exact_only=True) if m.item == "new_topic"]
        phrase_words = [w for phrase in question_phrases for w in rest_words[phrase.start:phrase.end]]
        # "welche Behörde?" asks for an organisation: its noun, a kind of fact ("Behörde" finds the
        # "Bezirksregierung … Dezernat" the partner belongs to), stays to be searched for.
        searched = {i: rest_words[i] for phrase in question_phrases if phrase.item == "organisation"
                    for i in range(phrase.start, phrase.end) if self._noun_concepts([rest_words[i]])}
        for phrase in [*question_phrases, *new_topic]:  # "in welcher Stadt" asks; "Stadt" is no subject
            rest_words[phrase.start:phrase.end] = [""] * (phrase.end - phrase.start)
        if question_phrases:
            # "Bei welcher Behörde angesiedelt?" asks for an organisation: a group word inside the
            # question phrase ("Behörde") names no group, unless the NLU found it.
            outside = self.directory.groups_in(" ".join(rest_words))
            question.groups = [g for g in question.groups if g not in groups_in_text or g in outside]
        for i, word in searched.items():
            rest_words[i] = word
        # "wo sitzt diese Stelle?", "wo ist dieses Amt?": the noun after a demonstrative names the
        # subject, it is not what is asked about.
        # Not a group's or topic's word: "Angehörige dieser Minderheit" asks for the minority's partners.
        # Nor a noun the message said before: "Meine Frau sitzt im Integrationsrat. Gibt es eine landesweite
        # Vertretung für diese Räte?" points at the Integrationsrat told, not back at the subject.
        # Nor the writer's circumstances: "Gibt es etwas für Jungs in dieser Lage?" asks anew.
        demonstrative = [i + 1 for i, (w, noun) in enumerate(zip(rest_words, rest_words[1:]))
                         if (w in DEMONSTRATIVES or w in ENGLISH_DEMONSTRATIVES and noun in ENGLISH_KINDS)
                         and noun not in CIRCUMSTANCES
                         and not (self.directory.groups_in(noun) or self.directory.topics_in(noun)
                                  or self._said_before(noun, rest_words[:i]))]
        # They may name another partner talked about ("zurück zu meinem Problem: auf welcher Grundlage
        # arbeiten diese Büros?" after the Jungen-Initiative means the offices): kept to name it.
        pointed = [t for index in demonstrative for t in self.wording.terms(rest_words[index])]
        for index in demonstrative:
            rest_words[index] = ""
        # "Landesbeirat Vertriebene/Flüchtlinge/Spätaussiedler – Aufgabe?", "Was macht der Landesbeirat
        # für Spätaussiedler?": words of the named partner's own name, said beside it, say which one
        # it is; they do not choose its fact ("… Spätaussiedler" is in every sentence of it).
        # Looked for after the fact-word phrases are read ("nicht aus der EU" stays one).
        own = self._own_words_of(question.partners)
        asked_words = [w for w in self.index.with_group_words(" ".join(rest_words)).split()
                       if not (own and self.wording.lemma(w) in own)]
        if own and question.groups:
            # Nor is a group said only by such words asked about ("Landesbeirat Spätaussiedler - Themen?"),
            # unless another word says it too ("… für Spätaussiedler auch Aussiedlern?").
            said = rest.split()
            mentions = self.directory.group_mentions(rest)
            by_other = {m.item for m in mentions if not all(self.wording.lemma(w) in own for w in said[m.start:m.end])}
            by_name = {m.item for m in mentions} - by_other
            question.groups = [g for g in question.groups if g not in by_name]
        terms = [t for t in self.wording.terms(" ".join(asked_words)) if t not in self._not_content]
        terms += [t for t in self._small_nouns(asked_words) if t not in terms]
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
            # So is one whose own question phrase says the kind of fact ("Ich bin Vorsitzender eines
            # Sportvereins. Wie viele Muslime leben in Nordrhein-Westfalen?" asks a number, not the chair).
            own = [t for t in terms if t in asking]
            phrase_says = question.answer_type in PHRASE_SAYS_THE_KIND and question.answer_type in \
                self._question_types.exact_items(fold(sentences[-1]))
            asked_terms = own if len(self.index.known(own)) >= ASKING_SAYS_ENOUGH or (
                phrase_says and self.index.known(own)) else \
                [t for t in terms if t in asking or self._is_fact_kind(t)]
            if len(self.index.known(asked_terms)) >= 2:
                question.story = [t for t in terms if t not in asked_terms]
                terms = asked_terms
        # A sentence that goes back to a partner ("nochmal das Institut an meiner Uni – wer ist da der
        # Träger?") may describe it: its words ("Uni") choose the fact only if the rest finds nothing
        # (Deciding._rule_fact_of_subject). They name the partner talked about too (below).
        back = [s for s in sentences[:-1] if goes_back(fold(s))]
        if back:
            back_terms = set(self.wording.terms(self.index.with_group_words(fold(" ".join(back)))))
            rest_terms = set(self.wording.terms(self.index.with_group_words(
                fold(" ".join(s for s in sentences if s not in back)))))
            question.back_words = [t for t in terms if t in back_terms - rest_terms]
        if question.answer_type != "place" and (not self.index.known(terms) or question.answer_type == "number"):
            # "Zu welcher Behörde gehört das?", "An welcher Uni …?": nothing else selects a fact,
            # so the question phrase's fact word does ("Behörde" finds "Bezirksregierung").
            # Not "in welcher Stadt": there the word is the place asked for.
            # A number is always a number of the phrase's noun: "bis zu welchem Alter sind die zuständig?"
            # asks the age, whatever else the page says "zuständig" of.
            # The phrase's noun is written small as often as not ("welchem alter"): read as a noun.
            terms += [t for t in self._noun_concepts(phrase_words) if t not in terms]
        if question.answer_type == REASON and self.index.known(terms):
            # "Warum ist das wichtig für die Kinder?": the words asked choose the sentence; the page says
            # few reasons with "aufgrund" or "damit". "Warum gerade dieses Prinzip?" (nothing else asked
            # once "dieses Prinzip" points back) and "warum hat man die gestartet?" (no word the page
            # uses) get the sentence that gives one.
            question.answer_type = None
        age = AGE_STATED.search(question.text)
        if age:
            # "mein Bruder ist 29, kann der auch hin?": an age stated asks about the age limit.
            question.age = int(re.search(r"\d+", age.group()).group())
            # The age is no figure to find: "Meine Enkelin ist 15 …" is not "aus 15 … Mitgliedern".
            # Nor does an age of the story ask for an age limit when the asking sentence names its group and
            # no partner for that group has one: "Mein Sohn ist 15. … Macht das Land etwas speziell für Jungen?"
            # asks for boys (as in `_fitting`); "… ist 17. … Wer hilft jungen Leuten?" still counts the age.
            asked_groups = {g.id for g in self.directory.groups_in(question.asking)} \
                if len(question.sentences) > 1 else set()
            for_group = bool(asked_groups) and not AGE_STATED.search(question.sentences[-1]) and not any(
                self._ages.get(p.id) for p in self.directory.partners if asked_groups & set(p.target_groups))
            terms = [t for t in terms if t != str(question.age)] + ([] if for_group else [self.wording.lemma(AGE_WORD)])
            question.story = [t for t in question.story if t != str(question.age)]
        # A kind of fact said in another language is asked as in German.
        question.content = unique([*foreign_facts, *terms])
        question.named = bool(question.partners)
        ordinal = self._ordinal(words, question.sentences)
        question.counted = ordinal is not None
        explicit = question.counted or "earlier" in intent_words
        # "gibts sowas in Köln?" points back; "gibt es sowas für Eltern?" asks the same kind for others.
        # "Wir machen Theater, Musik und sowas.": "und sowas" is "and the like", no pointer.
        of_kind = any(w in KIND_POINTERS and (i == 0 or words[i - 1] not in ("und", "oder"))
                      for i, w in enumerate(words)) and not (question.groups or question.topics)
        # "gibt es was für die Eltern, damit die sich einbringen?": a pronoun after the group's
        # word means the group; only one before it can point back to the subject.
        # So does one after a topic's word in the asking sentence: "und zwischen den Bundesländern,
        # wo stimmen die sich ab?" asks about the Länder, not the subject.
        # So does one after a group asked for oneself: "und für mich als Mutter? Verein mit anderen Eltern,
        # die auch eingewandert sind?" asks for the parents' partners, not about the subject.
        for_oneself = any(a in FOR and b in ONESELF for a, b in zip(words, words[1:]))
        said_at = [m.start for m in self.directory.group_mentions(" ".join(words))] \
            if question.groups and ("help" in intent_words or for_oneself) else []
        asking_from = len(words) - len(question.asking.split())
        # Not a verb that opens the question before its subject: in "Beraten die auch?" the pronoun is who
        # advises (the subject talked about), not the topic. Nor a group's word read from such a verb:
        # "Worüber forschen die zurzeit?" after an institute asks what it researches, not who researches.
        def opens_before_pronoun(m: Mention) -> bool:
            return 0 <= m.start - asking_from < 2 and m.end < len(words) and words[m.end] in PRONOUNS
        topics_at = [m.start for m in self.directory.topic_mentions(" ".join(words)) if not opens_before_pronoun(m)] \
            if question.topics else []
        if memory.subject:
            verbs = {m.item for m in self.directory.group_mentions(" ".join(words)) if opens_before_pronoun(m)}
            question.groups = [g for g in question.groups if g not in verbs]
        # A topic of the story counts when the asking sentence names none and asks who helps: "… hat zu
        # mir gesagt, geh zurück in dein Land. Ist das Diskriminierung? Wer hilft mir da?" – "da" is that case.
        asked_at = [at for at in topics_at if at >= asking_from]
        said_at += asked_at or (topics_at if "help" in intent_words else [])
        group_at = min(said_at, default=None)
        # "wir wohnen in Köln. gibt es da was?": "da" after the city said is the city.
        # Not one before it: "gibt es dort in Köln eine Anlaufstelle?" is there where the subject is.
        # Nor after a city of the subject: "ich wohne in Dortmund, kann ich da vorbeikommen?" after the
        # offices means theirs there.
        subject = self.directory.knowledge.partner(memory.subject or "")
        city_words = {fold(c).split()[0] for c in question.cities if not (subject and c in subject.cities)}
        city_at = min((i for i, w in enumerate(words) if w in city_words), default=None)
        # "Und über den Ländern, gibt es da …?": "da" takes up the phrase put in front.
        place_said = city_at is not None and not PLACE_POINTERS & set(words[:city_at]) \
            or resumes_phrase_in_front(question.sentences[-1] if question.sentences else "")
        pointers = POINTERS - PLACE_POINTERS if place_said else POINTERS
        # In another language, an asking sentence that names its group says whom it is about: a
        # demonstrative in the story before it ("Здравствуйте, это пишет сосед." – "this is the
        # neighbour writing") is no pointer at the partner talked about.
        foreign_words = words[asking_from:] if len(question.sentences) > 1 and question.language not in (
            "de", UNKNOWN) and self._translated_groups.items(question.asking) else words
        foreign_pointer = question.language not in ("de", UNKNOWN) and points_back(
            foreign_words, self._pointers.get(question.language, frozenset()), question.language)
        # "Gibt es auch einen Verband, der …? Wie heißt der?": a pronoun after the thing the
        # message asks to exist is that thing, not the partner talked about.
        introduced_at = self._introduced_at(words, text, intent_words)
        pointer_until = min((at for at in (group_at, introduced_at) if at is not None), default=None)
        # "… dabei ist er eigentlich hilfsbereit. Hat das Land ein eigenes Angebot für Jungen?": an asking sentence
        # that says whom it asks for is not pointed back by a word of the story before it ("dabei").
        pointer_words = words
        if 0 < asking_from < len(words) and self._groups_asked_for(words[asking_from:]):
            pointer_words = words[asking_from:]
            pointer_until = None if pointer_until is None else max(pointer_until - asking_from, 0)
        question.points_back = explicit or has_pointer(pointer_words, pointer_until, self.wording.is_noun, pointers) \
            or bool(demonstrative) or of_kind or foreign_pointer
        # "bis zu welchem Alter?": a question phrase and hardly anything else asks about the subject,
        # whatever the classifier heard ("bis" sounds like "bis bald").
        # So does "mit welchem Ziel eigentlich?": "welche" and one word of the page.
        fragment = (bool(question_phrases) or opens_with_which(words)) and len(words) <= FRAGMENT_MAX_WORDS \
            and len(self.index.known(terms)) <= 1 and not (question.groups or question.topics or question.cities)
        question.refers_back = question.points_back or is_elliptic(words) or fragment
        # "andere Frage: …", "danke, noch was anderes: …" open the message; "machen die auch noch was
        # anderes?" asks about the subject.
        if any(m.start <= NEW_TOPIC_WITHIN for m in new_topic) and not explicit:
            memory = Memory(language=memory.language)  # nothing said before is the subject
            # Nor does a pronoun of the new topic's story point at one: "Anderes Thema: mein Bruder ist Vater
            # geworden, er will …" – "er" is the brother.
            question.points_back = question.refers_back = False
        which_partner = False
        described = self._described_before(question, memory) if question.points_back and not question.partners else []
        if described:
            # "Ich suche ein Institut, das zur Türkei forscht. Was machen die konkret?": the partner
            # described is as good as named; the describing words chose it, the question is the rest.
            question.partners, question.named = described, True
            question.content = [t for t in question.content if t in asking]
            # So did their question word: "…, wo die Bundesländer über Integration entscheiden. Was sage
            # ich da?" describes the IntMK by "wo"; it does not ask where it sits.
            asked_types = self._question_types.find(question.asking, exact_only=True)
            question.answer_type = asked_types[0].item if asked_types else None
            if not any(m.item == "location" for m in self._intent_words.find(question.asking, exact_only=True)):
                intent_words.discard("location")
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
                not_naming |= {self.wording.lemma(w) for before, a, w in zip(["", *words], words, words[1:])
                               if a in INDEFINITE and before != "so"}
                # Nor one that "gibt es" asks for without an article and a relative clause describes, nor
                # its parts ("Gibt es Fachstellen, die …?" names no Beratungsstelle).
                not_naming |= self._sought_by_relative(words)
                # "Gibt es auch ein Forschungsinstitut, das sich mit türkeistämmiger Migration befasst?":
                # the relative clause after it describes what is sought too ("Migration" is no DOMiD).
                not_naming |= {t for clause in relative_clauses(words) for w in clause for t in self.wording.terms(w)}
            # "Welches Institut forscht zu Migration …?", "Welches Netzwerk könnte helfen?": the asking
            # sentence asks which partner it is; its words describe the one sought ("Migration" is no
            # DOMiD talked about), unless it points back ("welches Büro davon …?").
            asking_words = question.asking.split()
            sought = which_noun(asking_words)
            # The noun sought and its compound parts ("Integrations|partner").
            sought_lemma = self.wording.lemma(sought) if sought else ""
            sought_parts = self.wording.parts(sought) if sought else ()
            sought_terms = {sought_lemma, *sought_parts} if sought else set()
            if sought and {sought_lemma, *sought_parts[-1:]} & self._partner_nouns \
                    and not DEMONSTRATIVES & set(asking_words) and not has_pointer(asking_words, None, self.wording.is_noun):
                not_naming |= {t for w in asking_words for t in self.wording.terms(w)}
                # "Welche der Integrationspartner gibt es seit 1985?" asks among all of them, not about the
                # subject; "Welches Büro ist das nächste?" about the offices is about the subject.
                called = self._called(memory.subject) if memory.subject else set()
                which_partner = which_of_all(asking_words) and not sought_terms & called
            # The words of the whole message name ("nochmal zu der Initiative für Jungs: tragen die
            # auch Projekte zusammen?"), its story's too.
            # A noun pointed at names another partner only in a message that goes back ("zurück zu …")
            # and where the subject is not called so: "wo sitzt diese Stelle?" means the subject.
            # After a list (no subject), it says which of the listed: "und was macht diese
            # Arbeitsgemeinschaft?".
            listed_only = not memory.subject and bool(memory.listed)
            if "earlier" not in intent_words and not listed_only or memory.subject and any(
                    t in self._kind_lemmas or t in self._called(memory.subject) or memory.subject in self.index.partners_with(t)
                    for t in pointed):
                pointed = []
            # "… viele Mütter und Väter kommen nie. Gibt es einen Verbund für Eltern, die eingewandert sind?"
            # asks for some partner for a group: neither the story nor the words describing what is
            # sought name one talked about (the Väternetzwerk, the teachers' "Zuwanderungsgeschichte").
            sought_one = sought_after_article(asking_words) if question.groups else []
            story = [] if sought_one else question.story
            not_naming |= {t for w in sought_one for t in self.wording.terms(w)}
            # "Wo ist die Stelle, bei der man sich melden kann?" after the JMD ("… Beratungsstellen"): a common
            # noun of several pages that the subject's page has too names no other partner talked about
            # ("Beratungsstelle für Sinti und Roma"), unless the message goes back ("nochmal zu …"). One
            # the subject is called by still names it ("Wie nennt sich das Netzwerk?" after the Väternetzwerk).
            if memory.subject and "earlier" not in intent_words:
                subject_called = self._called(memory.subject)
                not_naming |= {t for t in terms if t not in subject_called
                               and memory.subject in (pages := self.index.partners_with(t))
                               and len(pages - {None}) > COMMON_NOUN_PAGES}
            naming = [t for t in [*terms, *story, *pointed] if t not in not_naming]
            # "Nur türkische Migration oder breiter?" after DOMiD and the ZfTI: a topic of the message
            # (not of the words that describe what is sought) that only one partner has names it.
            # Not when the message asks who helps ("wer hilft bei Diskriminierung?" asks for everyone), nor
            # when it points at the subject ("Machen die auch was zur Türkei?" asks the subject).
            said = rest.split()
            topic_mentions = self.directory.topic_mentions(rest)
            naming += [_TOPIC_MARK + m.item.id for m in topic_mentions
                       if {t for w in said[m.start:m.end] for t in self.wording.terms(w)} - not_naming] \
                if "help" not in intent_words and not question.points_back else []
            if set(naming) & set().union(*(self._called(pid) for pid in self._talked_about(memory))):
                # "Verbund von Elternvereinen mit Migrationsgeschichte": a word of a group or topic names
                # no partner by one of its parts ("Geschichte", as in "Lehrkräfte mit Zuwanderungs-
                # geschichte"). Looked up only when a word could name someone: most messages cannot.
                parts = {part for m in [*self.directory.group_mentions(rest), *topic_mentions]
                         for word in said[m.start:m.end] for part in self.wording.terms(word)[1:]}
                naming = [t for t in naming if t not in parts]
            # "nochmal zu der roma stelle von vorhin: reden die auch mit … deutschen?": the words up to
            # "von vorhin" name it before the question's words do ("deutschen" is in the Verband's name).
            said_until = self._back_until(words, text) if "earlier" in intent_words else len(words)
            back = set(self.wording.terms(" ".join(words[:said_until]))) if said_until < len(words) else set()
            question.partners = (self._named_by_word(memory, [t for t in naming if t in back], question.groups)
                                 if back else []) \
                or self._named_by_word(memory, naming, question.groups) \
                or (self._named_by_kind(memory, words, FIRST in intent_words)
                    or self._named_by_group(memory, words[:said_until] if back else [])
                    if "earlier" in intent_words else []) \
                or self._named_by_city(memory, question, words)
            if "help" in intent_words and question.groups and len(question.sentences) > 1:
                # "Meine Klasse sind fast nur Jungs, im Lehrerzimmer gelten sie als schwierig. Gibt es für
                # sowas was vom Land?" after the teachers' network asks who helps the boys: a word of the
                # story ("Lehrer-") names no partner talked about that does not serve the group asked for.
                # A word of the questions themselves still names it (the offices' "Büros" in a question
                # about the cities they are in).
                in_questions = set(self.wording.terms(" ".join(question.asking_sentences)))
                if not any(g.id in p.target_groups or self._called(p.id) & in_questions
                           for p in question.partners for g in question.groups):
                    question.partners = []
            question.points_back = question.points_back or bool(question.partners)
            question.refers_back = question.refers_back or question.points_back
        if not question.partners and "earlier" in intent_words and not question.counted:
            # "nochmal zu dem Amt von vorhin": the one partner talked about whose page has the word.
            # "nochmal zu dem Elternverein von vorhin, helfen die auch, dass ich im Stadtteil mitmache?":
            # the words up to "von vorhin" name it; the words after it are the question.
            said_until = self._back_until(words, text)
            naming = [t for t in self.wording.terms(self.index.with_group_words(" ".join(words[:said_until])))
                      if t in terms] if said_until < len(words) else []
            found, rest_terms = self._named_by_sentence(memory, naming) if naming else ([], [])
            if found:
                question.partners, question.content = found, [t for t in terms if t not in naming or t in rest_terms]
                # "das online ding von vorhin, bis wie alt darf man da hin?": a contact word that
                # named it is no contact field asked for.
                # Not one that is asked of it ("die Telefonnummer vom Amt von vorhin?").
                named_by = set(naming) - set(rest_terms)
                naming_fields = self.directory.fields_in(" ".join(
                    w for w in words[:said_until] if named_by & set(self.wording.terms(w))))
                asked_fields = self.directory.fields_in(" ".join(words[said_until:]))
                question.fields = [f for f in question.fields if f not in naming_fields or f in asked_fields]
            else:
                # "War NRW damit früh dabei, oder gab es das woanders zuerst?": "zuerst" closes no part that
                # goes back; a kind of fact that found the partner ("früh dabei") is still what is asked,
                # not a group's word ("zurück zu den Lehrern, wozu …?").
                question.partners, rest_terms = self._named_by_sentence(memory, terms)
                groups_said = self._vocabulary_terms(question)
                question.content = [t for t in terms if t in rest_terms
                                    or self._is_fact_kind(t) and not set(self.index.known([t])) & groups_said]
        if not question.partners and ALSO & set(words):
            # "und gibt es auch einen Verband?" after the Beratungsstelle für Sinti und Roma: the
            # partner for the same people whose name has that word. Not a noun a relative clause
            # describes ("Gibt es Fachstellen, die sich gegen Rassismus engagieren?" asks for any).
            sought = self._sought_by_relative(words)
            question.partners = self._beside_subject(memory, [t for t in terms if t not in sought], words)
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
        if not question.partners and not question.refers_back and self._value_of_subject_asked(question, memory, intent_words):
            question.refers_back = question.points_back = True
        # "Meine Nichte ist 15 und neu hier. Gibt es für so jemanden was, gern online?" names no one and
        # does not point back: an age and a question for help ask who helps at that age (Deciding._fitting),
        # not the subject's web address.
        asks_help_at_age = question.age is not None and "help" in intent_words and not question.refers_back
        if not question.partners and not which_partner and not asks_help_at_age and (
                question.refers_back or not (question.groups or question.topics or question.kinds)):
            question.partners = self._resolve_reference(ordinal, memory, intent_words)
            # "was bieten die für mütter?" after a list: those of the list for the group asked "für"
            # (not a group a word of a name says: "die jugend migration dienst").
            for_groups = self._groups_asked_for(words) if len(question.partners) > 1 else set()
            serving = serving_all([g for g in question.groups if g in for_groups], question.partners)
            if serving and ordinal is None:
                question.partners = serving
            # "Im Verein fallen die Jungs auf. Tut das Land da etwas extra für Jungs?": "da" is the matter told,
            # and a group asked "für" that the subject does not serve asks who helps it (one it serves keeps
            # the subject: "Gibt es da auch etwas für junge Menschen?" after the LAG JSA). A pronoun
            # ("Haben die auch was für Väter?") or "dort" (at the subject) still asks the subject.
            # Tried and not kept: any group of the asking sentence, without "für" (measured: one dev turn
            # more, one held-out turn less).
            asking_words = question.asking.split()
            asked_groups = {g.id for g in self._groups_asked_for(asking_words)}
            if len(question.partners) == 1 and asked_groups and ordinal is None and not explicit \
                    and "da" in asking_words and "dort" not in asking_words \
                    and not has_pointer(asking_words, is_noun=self.wording.is_noun, pointers=frozenset()) \
                    and not asked_groups & set(question.partners[0].target_groups):
                question.partners = []
                question.points_back = question.refers_back = False
            if not question.partners and counts_past_the_list(ordinal, memory):
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
            question.asked = self._decide_other_language(question, intent_words, memory)
            # "Mitglieder?" in a French conversation keeps French for the reply, but its word is
            # German: what the other-language words do not understand is read as German.
            if question.asked != Asked.OUT_OF_SCOPE or not self.detector.surely(question.text, "de"):
                return question
        question.asked = self._decide(question, memory, intent_words, words)
        if question.asked in (Asked.OUT_OF_SCOPE, Asked.UNCLEAR) or not self._in_scope(question, memory):
            question.asked = Asked.UNCLEAR if question.intent == "nlu_fallback" else Asked.OUT_OF_SCOPE
            if question.language == UNKNOWN:
                question.asked = Asked.LANGUAGES
        elif question.asked == Asked.FACT and (asked_to_exist := self._asked_to_exist(question, intent_words)):
            # Decided after the scope check: the sentence found made the question one about the page.
            if self._asks_whether_it_exists(question, asked_to_exist):
                question.asked, question.fact = Asked.SUMMARY, None
            elif asked_to_exist.id != memory.subject and asked_to_exist not in \
                    self.directory.partners_named_exactly_in(question.text):
                # "Gibt es in NRW auch Forschung zur Türkei und zur Einwanderung von dort?": a partner
                # described, not talked about yet, is said what it is, with the sentence found when it
                # says more than the words that describe the partner.
                if self._names_only(question, asked_to_exist):
                    question.fact = None
                question.asked = Asked.SUMMARY
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

    def _story_groups_in_other_language(self, question: Question) -> None:
        """"پسرم را در کلاس … مسخره می‌کنند. کجا می‌توانم برای تبعیض مشاوره بگیرم؟": when the questions
        at the end name a topic (discrimination) and no people, a group or topic said only in the story
        before them ("my son", "at school") is context: the partners for the asked topic answer.
        People named in the question ("… pentru familia noastră?" after "Suntem romi") keep the
        story's people with them."""
        if len(question.sentences) < 2:
            return
        asking = question.asking_sentences
        asked = " ".join(asking)
        asked_topics = set(self._translated_topics.items(asked))
        if self._translated_groups.items(asked) or not asked_topics:
            return
        story = " ".join(question.sentences[:-len(asking)])
        told_only = set(self._translated_groups.items(story))  # the question names no group
        question.groups = [g for g in question.groups if g not in told_only]
        # So is a topic of the story only ("okulda", at school): the question's topic is asked.
        told_only_topics = set(self._translated_topics.items(story)) - asked_topics
        question.topics = [t for t in question.topics if t not in told_only_topics]

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
        # "die Jugend-Dienste": a name without the middle of its compound.
        shortened = [m for m in self._shortened.find(text) if all(m.end <= o.start or m.start >= o.end for o in mentions)]
        mentions += shortened
        for mention in mentions:
            words[mention.start:mention.end] = [""] * (mention.end - mention.start)
        rest = " ".join(w for w in words if w)
        # "Landesbeirat Spätaussiedler?": a word of the partner's own name beside it is part of naming it.
        own = self._own_words_of(question.partners or [m.item for m in mentions])
        only_names = bool(mentions or question.partners) and all(
            w in SMALL_WORDS or own and self.wording.lemma(w) in own for w in rest.split())
        question.only_names = only_names
        if not question.partners:
            # Out of scope or unsure: only a name written exactly, or a message that is
            # nothing but a name (typos allowed), makes it a question about that partner.
            if question.doubted and not only_names:
                # A shortened name is written out in whole words: as sure as an exact name.
                question.partners = unique([*self.directory.partners_named_exactly_in(question.text),
                                            *(m.item for m in shortened)])
            else:
                question.partners = unique([m.item for m in mentions])
        # The group mentions of the whole text and of its last sentence, found once for the rules below.
        group_mentions = self.directory.group_mentions(rest)
        sentences = question.sentences
        # The questions at the end ("gibt es was für Eltern? und auch für Väter?") are what is asked.
        asked_at_end = question.asking_sentences
        last_mentions = self.directory.group_mentions(fold(" ".join(asked_at_end))) if sentences else []
        # The NLU may find one topic of two ("Migrationsgeschichte … wissenschaftlichen Einrichtungen"):
        # what the knowledge file's words find in the text is added.
        question.groups = unique([*question.groups, *distinct_items(group_mentions)])
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
        asked_words = fold(" ".join(asked_at_end)).split()
        if asked_groups and any(m.start >= 1 and asked_words[m.start - 1] in KIND_POINTERS for m in last_mentions):
            # "… als Spätaussiedler gekommen. Gibt es ein Gremium, das sich um solche Familien kümmert?":
            # "solche" says the families are the story's; its groups are asked for too.
            asked_groups = unique([*asked_groups, *distinct_items(
                [m for m in group_mentions if m.item not in asked_groups])])
            question.such_as_told = True
        question.groups = [g for g in question.groups if g in asked_groups] or question.groups
        # "Ein Schüler (15) ist vor drei Wochen angekommen … Gibt es dafür eine Anlaufstelle?": a group's
        # word with an age after it says who the story is about; the age says whom a partner must serve
        # (Deciding._fitting). Asked for at the end ("gibt es was für Schüler?"), the group stays.
        aged = {m.item for span in AGED_PERSON.finditer(question.text)
                for m in self.directory.group_mentions(fold(span.group()))}
        question.groups = [g for g in question.groups if g not in aged or g in distinct_items(last_mentions)]
        # "was für die Eltern meiner Schüler?": a group in the genitive right after another group's
        # word says whose; it is not asked about.
        folded = fold(rest).split()
        whose = {m.item for m in group_mentions if m.start >= 2 and folded[m.start - 1] in GENITIVE
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
        # "Ich suche Hilfe für meine Eltern" asks for them.
        if WRITER & set(folded):
            def own(m) -> bool:
                return m.start >= 1 and folded[m.start - 1] in WRITERS_OWN \
                    and not (m.start >= 2 and folded[m.start - 2] in ("fuer", "for"))
            mine = {m.item for m in group_mentions if own(m)}
            said = {m.item for m in group_mentions if not own(m)}
            question.groups = [g for g in question.groups if g not in mine or g in said]
        # "gibt es was für eltern und auch was für väter?": the groups in the order asked (the
        # list's heading names them so; its partners stay in the page's order).
        asked_at = first_starts(last_mentions)
        question.groups.sort(key=lambda g: asked_at.get(g, len(question.text)))
        # A topic's word inside a phrase of a fact-word group is that fact, no topic: "gibt es sowas in
        # anderen Bundesländern?" asks whether the subject is unique ("Vorreiter"), not about the
        # Länder's integration policy ("mit anderen Bundesländern" is no such phrase).
        # So is a topic the classifier found there.
        outside_phrases = self.directory.topics_in(self.index.with_group_words(rest))
        in_phrases = set(self.directory.topics_in(rest)) - set(outside_phrases)
        question.topics = unique([*(t for t in question.topics if t not in in_phrases), *outside_phrases])
        # "Wer redet mit Politikern im Namen von Jugendlichen? Ich meine nicht die Beratung vor Ort.": a topic
        # said only right after "nicht" (or "nicht die") is what is not asked for.
        def negated(m: Mention) -> bool:
            return m.start >= 1 and folded[m.start - 1] == "nicht" \
                or m.start >= 2 and folded[m.start - 2] == "nicht" and folded[m.start - 1] in DEFINITE
        topic_mentions = self.directory.topic_mentions(" ".join(folded))
        not_asked = {m.item for m in topic_mentions if negated(m)} - {m.item for m in topic_mentions if not negated(m)}
        question.topics = [t for t in question.topics if t not in not_asked]
        # "Papas mit Migrationsgeschichte": the words of a "mit" phrase after a group's word describe
        # the group; they name no topic (unless said elsewhere too).
        describing = {i for m in group_mentions if m.end + 1 < len(folded) and folded[m.end] in WITH
                      for i in range(m.end + 1, min(m.end + 3, len(folded)))}
        if describing:
            in_description = set(self.directory.topics_in(" ".join(folded[i] for i in sorted(describing))))
            elsewhere = set(self.directory.topics_in(" ".join(w for i, w in enumerate(folded) if i not in describing)))
            question.topics = [t for t in question.topics if t not in in_description or t in elsewhere]
        # "Hausarbeit über Migrationsgeschichte. Welche wissenschaftlichen Einrichtungen …?": a
        # "welche" question asks for all its own topic fits; the story before it is context.
        asking = fold(sentences[-1]).split() if len(sentences) > 1 else []
        if opens_with_which(asking):
            asked_topics = self.directory.topics_in(" ".join(asking))
            question.topics = [t for t in question.topics if t in asked_topics] or question.topics
        # "Ich komme aus der Türkei …", "er hat den türkischen Pass" say where someone is from: the country names no topic
        # ("Türkei" is a research word of the ZfTI) unless the rest of the message names it too.
        origins = [m.group(1) or m.group(2) for m in ORIGIN.finditer(rest)]
        if origins:
            by_origin = set(self.directory.topics_in(" ".join(origins)))
            elsewhere = set(self.directory.topics_in(ORIGIN.sub(" ", rest)))
            question.topics = [t for t in question.topics if t not in by_origin or t in elsewhere]
        # "Der Vermieter gibt mir die Wohnung nicht, weil ich Ausländerin bin": a situation told.
        question.told = self._told_not_asked_past(question)
        described = [t for t in question.told if t not in question.topics]
        question.topics += described
        question.situation = bool(described)
        question.cities = question.cities or self.directory.cities_in(rest)
        question.fields = self.directory.fields_in(rest) or question.fields
        for city in question.cities:
            rest = re.sub(rf"\b{re.escape(fold(city))}\b", " ", rest)
        return rest

    def _groups_asked_for(self, words: Sequence[str]) -> Set[Vocabulary]:
        """The groups said right after "für" ("was bieten die für Mütter?"): whom something is asked for."""
        return {m.item for m in self.directory.group_mentions(" ".join(words)) if m.start and words[m.start - 1] in FOR}

    def _told_not_asked_past(self, question: Question) -> List[Vocabulary]:
        """The situations the message tells. "Die Väter aus Syrien kommen nie zum Elternabend [in der
        Schule]. Gibt es einen Verein für diese Väter?": when the questions at the end name
        a group and a kind of partner (or "für" the group, or a topic of their own), and tell no situation themselves, a
        situation of the story before them is context, not what is asked; the partner of that kind
        for that group is."""
        asking = question.asking_sentences
        told = self.situations.topics_in(question.text, question.language, " ".join(asking))
        if not told or len(asking) == len(question.sentences):
            return told
        asked = " ".join(asking)
        folded = fold(asked)
        words = folded.split()
        # "… gibt es in NRW etwas für Jungs, das …?" says whom it is for as clearly as a kind does;
        # so does a topic of its own: "… er sagt, er findet eh keine Arbeit. Wer berät junge Migranten
        # zu Schule und Beruf?" asks for that, not about the story's bare "keine".
        for_group = any(FOR & set(words[max(0, m.start - 2):m.start]) for m in self.directory.group_mentions(folded))
        asked_groups = self.directory.groups_in(folded) or self._translated_groups.items(asked)
        own_topics = [t for t in [*self.directory.topics_in(folded), *self._translated_topics.items(asked)]
                      if t not in told]
        if asked_groups and (for_group or own_topics or any(fold(k) in folded for k in question.kinds)) \
                and not self.situations.topics_in(asked, question.language):
            return []
        return told

    def _drop_fields_of_the_story(self, question: Question) -> None:
        """"Ich schreibe eine Seminararbeit über Minderheiten. Woraus ist der Verband hervorgegangen?":
        a contact word of the story before the question ("schreiben") is what the writer does; when the
        asking sentences say none and ask for another thing, no contact field is asked. A question that
        says whom or what it is about ("… meinte am Telefon … Trifft das auch auf Rentner zu?")
        asks another thing too; "Können Sie mir helfen?" after "Ich brauche die Nummer" does not."""
        asking = question.asking_sentences
        if not question.fields or len(asking) == len(question.sentences):
            return
        asked = fold(" ".join(asking))
        if self.directory.fields_in(asked):
            return
        if opening_word(asked.split()) in ASKS_ANOTHER_THING or self.directory.groups_in(asked) \
                or self.directory.topics_in(asked):
            question.fields = []

    def _is_fact_kind(self, term: str) -> bool:
        """Is the term a word of a fact-word group ("früh dran" -> Vorreiter): what a question asks."""
        return any(is_concept(k) for k in self.index.known([term]))

    def _noun_concepts(self, words: Sequence[str]) -> List[str]:
        """The terms of these words read as nouns (capitalised) that are words of a fact-word group."""
        return [t for t in self.wording.terms(" ".join(w.capitalize() for w in words))
                if self._is_fact_kind(t)]

    def _small_nouns(self, words: Sequence[str]) -> List[str]:
        """"Passt er vom alter her?": the text is read folded, and a noun written small may read as
        another word ("alter" -> "altern"). A word that finds nothing so, but whose capitalised form is
        a word of a fact-word group, counts as that noun. Most words read the same either way: only
        those that do not are looked up in the index (every message passes here)."""
        found: List[str] = []
        for word in words:
            if not word or self.wording.terms(word) == self.wording.terms(word.capitalize()) \
                    or self.index.known(self.wording.terms(word)):
                continue
            found += self._noun_concepts([word])
        return found

    def _own_words_of(self, partners: Sequence[Partner]) -> Set[str]:
        """The words of these partners' own names (lemmas), see `_own_words`."""
        return set().union(*(self._own_words[p.id] for p in partners))

    def _sought_by_relative(self, words: List[str]) -> Set[str]:
        """The terms of a noun that "gibt es" asks for without an article and a relative clause
        describes, with its parts ("Gibt es Fachstellen, die …?": any such, no Beratungsstelle)."""
        return {t for before, a, w, after in zip(["", *words], words, words[1:], words[2:])
                if {before, a} == {"gibt", "es"} and after in RELATIVE for t in self.wording.terms(w)}

    @staticmethod
    def _talked_about(memory: Memory) -> List[str]:
        """The partners talked about: the list shown first, then the others, latest first."""
        return list(dict.fromkeys([*memory.listed, *reversed(memory.mentioned)]))

    def _called(self, partner_id: str) -> Set[str]:
        """The words a partner is called by: its names' words, what its own sentences call it, and
        the topics only it has (marked, so no word of a message is mistaken for one)."""
        return self._name_terms.get(partner_id, set()) | self._self_nouns.get(partner_id, set()) \
            | self._own_topics.get(partner_id, set())

    def _named_by_word(self, memory: Memory, terms: Sequence[str], groups: Sequence[Vocabulary] = ()) -> List[Partner]:
        """The one partner talked about whose name alone (or the noun its own sentences call it
        by: "das Institut") has a word of the message. Else, among those talked about that serve a
        group said with it, the one so called: "die Roma-Stelle" is the Beratungsstelle of the two
        partners for Sinti und Roma, although the KfI's "Verteilstelle" has the word too."""
        talked_about = self._talked_about(memory)
        serving = [pid for pid in talked_about if (p := self.directory.knowledge.partner(pid)) is not None
                   and any(g.id in p.target_groups for g in groups)]
        for pool in (talked_about, serving if len(serving) > 1 else []):
            called = {pid: self._called(pid) for pid in pool}
            by_word = [pid for pid in pool if set(terms) & (
                called[pid] - set().union(*(called[o] for o in pool if o != pid)))]
            found = self.directory.knowledge.partner(by_word[0]) if len(by_word) == 1 else None
            if found:
                return [found]
        return []

    def _named_by_kind(self, memory: Memory, words: List[str], first: bool = False) -> List[Partner]:
        """"Zurück zu dem Gremium: wen berät das?": going back, a kind after a definite article names
        the one partner talked about of that kind ("der Partner" names none: every one is one).
        `first` ("das Netzwerk ganz am Anfang"): of several, the one talked about longest ago."""
        said = {kind for kind in KINDS if kind != GENERIC_KIND for before, word in zip(words, words[1:])
                if before in THE and self.wording.lemma(word.capitalize()) == self.wording.lemma(kind)}
        of_kind = [p for p in map(self.directory.knowledge.partner, self._talked_about(memory))
                   if p is not None and p.kind in said]
        if len(of_kind) == 1:
            return of_kind
        # Of several, "vom Anfang" means the one talked about longest ago (the memory keeps partners by
        # when they were last talked about); else it is unclear which.
        mentioned = [p for p in of_kind if p.id in memory.mentioned]
        return [min(mentioned, key=lambda p: memory.mentioned.index(p.id))] if first and mentioned else []

    def _named_by_group(self, memory: Memory, back_words: List[str]) -> List[Partner]:
        """"Zurück zu dem Projekt für Lehrer von vorhin": going back, a group said in the words up to
        "von vorhin" names the one partner talked about that serves it (the group's word names no
        partner by itself). Not a group of the question after it ("Die erste – vermittelt die auch
        zwischen den Familien und Behörden?" counts in the list). Of several, none: "vom Anfang" does not
        choose among a group's partners, as they often came up together in one list."""
        groups = {m.item.id for m in self.directory.group_mentions(" ".join(back_words))}
        serving = [p for p in map(self.directory.knowledge.partner, self._talked_about(memory))
                   if p is not None and groups & set(p.target_groups)]
        return serving if len(serving) == 1 else []

    def _named_by_city(self, memory: Memory, question: Question, words: List[str]) -> List[Partner]:
        """"Nochmal zu der Kölner Einrichtung von vorhin", "Und die Einrichtung in Arnsberg, …?": a city's adjective
        after a definite article, or the city after a noun with one, names the one partner talked about
        that sits there ("in Köln" alone does not: it asks for the city; "Gibt es noch eine andere Kölner
        Beratungsstelle?" asks for another)."""
        said = {m.item for m in self.directory.city_adjective_mentions(" ".join(words))
                if m.start and words[m.start - 1] in THE}
        said |= {city for at in range(2, len(words) - 1) if words[at] == "in" and words[at - 2] in THE
                 and self.wording.is_noun(words[at - 1]) for city in self.directory.cities_in(words[at + 1])}
        there = [p for p in map(self.directory.knowledge.partner, self._talked_about(memory))
                 if p is not None and said & set(p.cities)]
        return there if len(there) == 1 else []

    def _named_by_sentence(self, memory: Memory, terms: List[str]) -> Tuple[List[Partner], List[str]]:
        """The one partner talked about whose quoted sentences have a word of the message
        (a synonym counts: "Amt" meets "Bezirksregierung"), none of the others has; and the
        terms without the words that named it ("Amt" is not what is asked about). Else no
        partner and the terms unchanged."""
        talked_about = self._talked_about(memory)
        known = [t for t in self.index.known(terms) if t not in self._everywhere]
        by_sentence = [pid for pid in talked_about if any(pid in self.index.partners_with(t) for t in known)]
        found = self.directory.knowledge.partner(by_sentence[0]) if len(by_sentence) == 1 else None
        if found is None:
            return [], terms
        naming = {t for t in known if found.id in self.index.partners_with(t)}
        return [found], [t for t in terms if not naming & set(self.index.known([t]))]

    def _beside_subject(self, memory: Memory, terms: Sequence[str], words: Sequence[str]) -> List[Partner]:
        """The one other partner for a target group of the subject whose name has a word of the
        message ("auch einen Verband?", "auch ein Museum?"); not a word that the page's synonyms
        make a kind of fact ("oder auch ganz Deutschland" asks how far, not for "… in Deutschland"),
        unless it is the thing sought after "ein" ("auch eine Stiftung?")."""
        subject = self.directory.knowledge.partner(memory.subject or "")
        if subject is None:
            return []
        # A word after "ein"/"eine" names the kind sought ("auch eine Stiftung?"), synonym or not.
        sought = {self.wording.lemma(w) for a, w in zip(words, words[1:]) if a in INDEFINITE}
        naming = {t for t in terms if t in sought or not all(is_concept(k) for k in self.index.known([t]) or [t])}
        beside = [p for p in self.directory.partners if p.id != subject.id
                  and set(p.target_groups) & set(subject.target_groups) and naming & self._name_terms[p.id]]
        return beside if len(beside) == 1 else []

    def _said_before(self, noun: str, before: List[str]) -> bool:
        """Is the noun (as lemma) a word said before, or the last part of one ("Räte" after
        "Integrationsrat", a compound the splitter leaves whole)? A part only when what comes before
        it is a word too (with a linking "s"): "insgesamt" ends in "amt" but is no "Amt"."""
        lemma = self.wording.lemma(noun.capitalize())

        def ends_in_it(word: str) -> bool:
            said = self.wording.lemma(word.capitalize())
            head = said[:-len(lemma)]
            heads = (head, head[:-1]) if head.endswith("s") else (head,)
            return said == lemma or said.endswith(lemma) and any(
                len(h) >= MIN_SAID_BEFORE and self.wording.is_word(h) for h in heads)
        return len(lemma) >= MIN_SAID_BEFORE and any(w and ends_in_it(w) for w in before)

    def _ordinal(self, words: List[str], sentences: List[str]) -> Optional[int]:
        """The position a message counts in a list ("die zweite davon"). In a story told before the
        question, an ordinal right before a noun (written capitalised) that the page never uses
        counts something of the writer's ("Beim letzten Turnier wurde … beleidigt. An wen …?"); in
        the asking sentence it counts the list ("Was ist mit dem zweiten Vorschlag?"), as it does
        before a contact word ("die erste Adresse") or without a noun ("Die erste: Standort?")."""
        after = {fold(m.group(1)) for m in ATTRIBUTIVE_ORDINAL.finditer(" ".join(sentences[:-1]))}
        return ordinal_in(words, lambda word: word in after and not self.directory.fields_in(word)
                          and not self.index.known(self.wording.terms(word)))

    def _resolve_reference(self, ordinal: Optional[int], memory: Memory, intent_words: Set[str]) -> List[Partner]:
        """The partner(s) a message without a name is about, from the conversation (`ordinal`:
        the position the message counts, see `_ordinal`)."""
        partner = self.directory.knowledge.partner
        if ordinal is not None and memory.named:
            found = memory.ordinal(ordinal)
            return [partner(found)] if found and partner(found) else []
        if FIRST in intent_words and memory.mentioned and partner(memory.mentioned[0]):
            # "nochmal zu denen vom Anfang": the partner talked about longest ago.
            return [partner(memory.mentioned[0])]
        if "earlier" in intent_words and memory.earlier():
            earlier = partner(memory.earlier() or "")
            return [earlier] if earlier else []
        if memory.subject and partner(memory.subject):
            return [partner(memory.subject)]
        return [p for p in map(partner, memory.listed[:3]) if p]

    def _from_button(self, question: Question, memory: Memory) -> Asked:
        by_intent = {
            "ask_partner_info": Asked.SUMMARY, "ask_partner_location": Asked.LOCATION,
            "ask_partner_contact": Asked.FIELDS, "ask_target_group_help": Asked.HELP,
            "ask_partner_list": Asked.LIST, "ask_general_info": Asked.GENERAL, "out_of_scope": Asked.OUT_OF_SCOPE,
            "nlu_fallback": Asked.UNCLEAR,
        }
        asked = by_intent.get(question.intent, Asked.SMALL_TALK)
        if asked in (Asked.SUMMARY, Asked.LOCATION, Asked.FIELDS) and not question.partners:
            question.partners = self._resolve_reference(None, memory, set())
            if not question.partners:
                return Asked.WHICH_PARTNER
        if asked == Asked.HELP:
            question.partners = self._fitting(question)
        return asked

    def _list_item(self, words: List[str], subject_id: Optional[str]) -> Optional[Hit]:
        """"das dritte Ziel", "die zweite Aufgabe", "Ziel Nummer 3" of the partner asked about:
        that item of its quoted list whose lead-in has the noun counted ("folgende Ziele:");
        None otherwise."""
        subject = self.directory.knowledge.partner(subject_id or "")
        if subject is None:
            return None
        counted = [(ORDINALS.get(word), words[index + 1]) for index, word in enumerate(words[:-1])]
        # "Ziel Nummer 3", "Aufgabe Nr. 2": the noun before the number.
        counted += [(int(number) - 1, noun) for noun, mark, number in zip(words, words[1:], words[2:])
                    if mark in NUMBER_MARKS and number.isdecimal() and 0 < int(number) < 10]
        for position, counted_noun in counted:
            if position is None:
                continue
            noun = self.wording.lemma(counted_noun)
            for quoted in subject.lists:
                items = quoted.sentences()[1:] if quoted.items_stand_alone else quoted.sentences()
                if noun in self.wording.terms(quoted.lead) and -len(items) <= position < len(items):
                    return self.index.hit_for(items[position])
        return None

    def _described_before(self, q: Question, memory: Memory) -> List[Partner]:
        """The one partner that the sentences before the last describe by its groups or topics,
        when a pronoun in the last sentence points at it ("… suche ich ein Institut, das zur
        Türkei forscht. Was machen die konkret?"), rather than at the conversation's subject;
        [] when the subject is one for them, or the last sentence says whom it is about itself."""
        if len(q.sentences) < 2 or not (q.groups or q.topics):
            return []
        last = q.asking
        # A pronoun ("die"), not "da" ("macht das Land da was?" points at the matter told, not at a
        # partner); but a last sentence that asks nothing of its own points with "da" at what was
        # told ("… wo die Bundesländer gemeinsam über Integration entscheiden. Was sage ich da?").
        asks_nothing = not set(self.index.known(self.wording.terms(last))) - self._everywhere \
            and not self._exists_words.exact_items(last) and not self._intent_words.exact_items(last)
        # "… wir Spätaussiedler dürfen sofort wählen. Stimmt das?" asks whether the claim told is
        # true: "das" is the claim, not a partner it describes ("Stimmt es, dass die …?" points).
        checks_claim = bool(last) and len(last.split()) <= 2 and last.split()[0] in CHECKS_A_CLAIM
        # "Mein Vater würde gern freiwillig helfen. Interessiert das auch den Beirat?" names the partner talked
        # about by a word of its name: the story is about the matter, not a partner it describes.
        said = set(self.wording.terms(last))
        names_talked_about = any(said & self._called(pid) for pid in self._talked_about(memory))
        if self.directory.groups_in(last) or self.directory.topics_in(last) or checks_claim or names_talked_about \
                or not has_pointer(last.split(), is_noun=self.wording.is_noun,
                                   pointers=frozenset({"da"}) if asks_nothing else frozenset()):
            return []
        # "Die Eltern wollen später selbst helfen. Passt das dazu?": people said with a definite article
        # are the ones the conversation is about (the family told before), not a partner described.
        # Said so as the sentence's subject, at its start; "das mit den Jungs" describes one.
        told = [(words, self.directory.group_mentions(" ".join(words)))
                for words in (fold(s).split() for s in q.sentences[:-1])]
        if any(mentions for _, mentions in told) and not q.topics and not q.kinds and all(
                m.start == 1 and words[0] in THE for words, mentions in told for m in mentions):
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
        owners = serving_all(q.groups, map(self.directory.knowledge.partner, candidates))
        subject = owners[0] if len(owners) == 1 else None
        if subject is None or not q.groups or q.topics or q.kinds or q.cities:
            return None
        mentions = self.directory.group_mentions(" ".join(words))
        # "solche Träger", "ihre Träger" are the subject's too.
        definite = bool(mentions) and all(m.start > 0 and words[m.start - 1] in OF_THE_SUBJECT for m in mentions)
        return subject if definite else None

    @staticmethod
    def _tells(sentence: str) -> bool:
        """A sentence that tells (a story, a statement) rather than asks or requests: it ends with
        a full stop (not "?" or "!") and its first word is no verb of a request ("Zeig mir alle Stellen.")."""
        words = fold(sentence).split()
        return sentence.rstrip().endswith(".") and bool(words) and words[0] not in REQUEST_VERBS

    def _asked_to_exist(self, q: Question, intent_words: Set[str]) -> Optional[Partner]:
        """The partner of the sentence found, when the message asks whether something exists
        ("Gibt es ein Netzwerk …?", "Welches Gremium …?") and it is the one answering. Not "wer …?":
        its answer is mostly someone else ("Wer hat 2016 den Vorsitz übernommen?": Baden-Württemberg)."""
        if EXISTS not in intent_words or q.answer_type or q.points_back or q.fields or q.fact is None:
            return None
        partner = self.directory.knowledge.partner(q.fact.sentence.partner_id or "")
        return partner if partner is not None and [p.id for p in q.partners] == [partner.id] else None

    def _asks_whether_it_exists(self, q: Question, partner: Partner) -> bool:
        """"Existiert ein Netzwerk für Lehrkräfte mit Migrationsgeschichte?", "Hat das Land eine
        Initiative für Jungs?": whether such a partner exists is answered by what it is (its
        description), not by one sentence that happens to share the group's or the name's words.

        The found sentence counts as the answer only when it matched a word beyond what names the
        partner (for a partner described: the group's, topic's and its names' words); for a
        partner described rather than named ("ein Gremium, das die Regierung berät"), also not
        when that sentence is part of the description anyway.
        """
        # "hat das Land das unterstützt?" asks a fact: something indefinite is asked to exist. "so ein
        # Netz" is one like the partner talked about ("Gibt es so ein Netzwerk auch in anderen Ländern?").
        words = fold(q.text).split()
        indefinite = any(w in INDEFINITE | SOMETHING and (i == 0 or words[i - 1] != "so") for i, w in enumerate(words))
        return indefinite and self._names_only(q, partner)

    def _names_only(self, q: Question, partner: Partner) -> bool:
        """The sentence found shares only what names the partner, or is part of its description."""
        assert q.fact is not None
        # Named by its name (cut from the content already), a word of its groups or a kind of partner
        # still calls it ("Existiert ein Netzwerk für Lehrkräfte mit Zuwanderungsgeschichte?"); every
        # other word is what is asked to exist there ("gibt es beim JMD eine Onlineberatung?").
        # Described, the group's, topic's and name's words are the partner itself.
        if q.named:
            said = self._vocabulary_terms(q, topics=False) | self._kind_lemmas | self._self_nouns[partner.id]
        else:
            said = self._vocabulary_terms(q) | self._name_index_terms[partner.id]
        beyond = set(q.fact.matched) - said - self._everywhere
        return not beyond or not q.named and partner.describes(q.fact.sentence.text)
