"""The rules that decide what a read message asks for (`Asked`), one method per rule.

`Deciding._decide` tries the rules in the order of `Deciding._RULES`; the first that
answers decides. A few rules only prepare the question for the rules after them (a new
subject, the figure asked again) and never answer. The rules work on what
actions.understanding read (the `Question`) and on the conversation's memory; they do not
read the text again, except through the fact index.

`Deciding` is the half of `Understanding` that decides: it uses the knowledge-file
snapshot `Understanding.__init__` prepares (the attributes declared below).
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from typing import Callable, Dict, Iterable, List, Optional, Sequence, Set, Tuple

from actions.cues import (
    ADDRESSED,
    AGE_WORD,
    BARE_WHO_WORDS,
    BELONGING,
    COMBINED_WEIGHT,
    DEFINITE,
    DEMONSTRATIVES,
    DOMINANT_SHARE,
    DOUBTED_FACTOR,
    EXISTS,
    HERE,
    FIGURE_TYPES,
    FIRST_PERSON,
    FOR,
    FRAGMENT_MAX_WORDS,
    HOW,
    KIND_POINTERS,
    MAX_SAID_OF,
    MIN_OPEN_SCORE,
    MIN_OWN_WORD,
    MIN_TYPED_FOLLOW_UP_SCORE,
    OTHER_LANGUAGE_FRAGMENT_WORDS,
    PAST,
    SMALL_WORDS,
    THE,
    WEB_ADDRESS,
    WHOM_TERM,
    opening_word,
    serving_all,
    unique,
    which_noun,
    yes_no_about_oneself,
)
from actions.directory import PartnerDirectory
from actions.fact_index import CLOSE_SHARE, CONCEPT_MARK, FactIndex, Hit, is_concept
from actions.knowledge import Partner
from actions.languages import UNKNOWN, LanguageDetector
from actions.memory import Memory
from actions.mentions import distinct_items
from actions.question import SMALL_TALK_INTENTS, Asked, Question
from actions.spelling import fold
from actions.wording import Wording

# "die Büros", "das Institut": the definite articles that make a noun one thing already known.
ARTICLES = DEFINITE | frozenset({"das"})


@dataclass
class _Turn:
    """A message as the rules of `Deciding._decide` see it: the Question they fill in,
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

    @property
    def classifier_says_where(self) -> bool:
        """The classifier heard a place question, and no word asks what a partner does ("what do
        they do there?": "there" is the partner's place, not the question)."""
        return self.q.intent == "ask_partner_location" and "summary" not in self.intent_words


class Deciding:
    """What a message asks for, from the Question read and the memory (mixed into Understanding)."""

    # Prepared by Understanding.__init__ from one snapshot of the knowledge file.
    directory: PartnerDirectory
    wording: Wording
    index: FactIndex
    detector: LanguageDetector
    _everywhere: Set[str]
    _ages: Dict[str, List[Tuple[int, int]]]
    _combines: Dict[str, List[Set[str]]]
    _field_terms: Dict[str, Set[str]]
    _group_terms: Dict[str, Set[str]]
    _topic_terms: Dict[str, Set[str]]
    _name_index_terms: Dict[str, Set[str]]

    def _decide_other_language(self, q: Question, intent_words: Set[str], memory: Memory) -> Asked:
        """A message in a language Rasa's classifier was not trained on: decided by the
        words of the knowledge file alone (partner names stay German, so they are found
        as in German; groups, topics, contact words and intent words by language).
        A language the bot does not read gets the list of those it reads, whatever it names."""
        if q.language == UNKNOWN:
            return Asked.LANGUAGES
        if q.fields and not q.partners:
            # "Se poate primi consiliere anonim, pe internet?": "internet" is here how the counselling is
            # given, not an address asked for. A message with three kinds of fact or more is answered by
            # a page sentence that clearly shares them (two words at least, `_open_fact`: "anonyme und
            # kostenlose Onlineberatung"), as the German words would find it.
            kinds = [t for t in q.content if is_concept(t)]
            hit = self._open_fact(kinds, q.answer_type) if len(kinds) > 2 else None
            if hit is not None:
                return self._answered_by(q, hit)
        if q.fields and (q.partners or not q.groups):
            # "¿hay asesoría por internet para jóvenes?" names whom it is for: who helps them answers, not a
            # question back for which partner's web address. A topic alone ("consiliere … pe internet") is
            # no such group: every partner that advises would answer.
            return Asked.FIELDS if q.partners else Asked.WHICH_PARTNER
        if q.partners and (q.cities or q.named and ("location" in intent_words or q.answer_type == "place")):
            return Asked.LOCATION  # "Köln'de … var mı?", "Li Dortmundê jî heye?" after a partner
        if q.partners and q.answer_type == "place" and not (q.groups or q.topics):
            # "Bu bürolar hangi şehirlerde?" about the subject: the word of the place question ("şehir",
            # a city) is no kind of fact the page would have to state ("kommunal").
            return Asked.LOCATION
        asked = self._fact_asked_in_other_language(q, intent_words)
        if asked == Asked.NOT_STATED and q.groups and not q.named:
            # "Этот совет знает, когда поздние переселенцы получают политические права?" (does this council
            # know when late resettlers get political rights?) about the Landesbeirat: its page says nothing
            # of it; the sentence that says it of the group answers (the Landesintegrationsrat's), as in
            # German, not "not stated".
            asked = self._fact_of_group_in_other_language(q, intent_words) or asked
        if asked is not None:
            return asked
        if q.named:  # a partner's name is the subject, whatever group words come with it
            return Asked.SUMMARY
        of_group = self._fact_of_group_in_other_language(q, intent_words)
        if of_group is not None:
            return of_group
        of_subject = self._fact_of_subject_in_other_language(q, memory) if "help" not in intent_words else None
        if of_subject is not None:
            return of_subject
        if q.groups or q.topics:
            q.partners = self._fitting(q)
            return Asked.HELP
        fitting = self._fitting(q) if q.age is not None and "help" in intent_words else []
        if fitting:  # "oğlum 15 yaşında, yardım ederler mi?": who helps at that age, as in German
            q.partners = fitting
            return Asked.HELP
        if self.detector.unknown(q.text):
            return Asked.LANGUAGES
        if q.intent in SMALL_TALK_INTENTS and q.intent != "bot_challenge" and len(q.text.split()) <= 3:
            return Asked.SMALL_TALK
        if q.partners and q.refers_back and ("location" in intent_words or q.answer_type == "place"):
            return Asked.LOCATION
        return Asked.OUT_OF_SCOPE

    def _fact_asked_in_other_language(self, q: Question, intent_words: Set[str]) -> Optional[Asked]:
        """"Ne zaman kuruldu?" about one partner: its sentence of that kind, quoted in German (a
        kind of fact of the knowledge file's translations, with its question word; an age stated asks
        for the age limit). Not when the message asks who helps. When the page says no such thing
        of it: that, honestly. Pointed at a list ("Bu hizmet kaç yaşına kadar geçerli?" after the
        partners for young people), the listed partner whose sentence of that kind it is answers."""
        one = len(q.partners) == 1
        if not q.partners or not one and not q.points_back:
            return None
        kinds = [t for t in q.content if is_concept(t)]
        if "help" in intent_words and not kinds:  # "Кто может мне помочь?" asks who helps
            return None  # "Et l'État soutient ça ?" asks whether the state funds the subject
        if q.age is not None:
            kinds += [t for t in self.index.known([self.wording.lemma(AGE_WORD)]) if is_concept(t)]
        # A question word alone ("Kiedy?", "Hangi bakanlık?") asks about the subject only as a short
        # follow-up that names no partner, group or topic; "who" only as a bare "Kim?" ("Кто может мне
        # помочь?" asks who helps).
        words = len(q.text.split())
        elliptic = q.answer_type not in (None, "place") and not (q.named or q.groups or q.topics) and (
            words <= OTHER_LANGUAGE_FRAGMENT_WORDS if q.answer_type != "person" else words <= BARE_WHO_WORDS)
        if not (kinds or elliptic):
            return None
        hit = self.index.best(kinds, [p.id for p in q.partners], q.answer_type)
        if hit is not None and (hit.matched or q.answer_type and one):
            return self._answered_by(q, hit)
        return Asked.NOT_STATED if one else None

    def _fact_of_group_in_other_language(self, q: Question, intent_words: Set[str]) -> Optional[Asked]:
        """"Чи мають пізні переселенці повні політичні права …?": a kind of fact asked of a group,
        not of a partner, is the page's sentence that says that kind of fact of that group (the
        Landesintegrationsrat's "Volle politische Rechte genießen Spätaussiedlerinnen …"), as the
        German path finds it; who helps the group only when no such sentence shares both. Only a value
        asked ("gleich nach dem Umzug?" asks when): "existe-t-il des projets pour les pères immigrés ?"
        or "where can they learn more" ask for partners."""
        if not q.groups or "help" in intent_words or q.answer_type in (None, "place"):
            return None
        group_terms = self._vocabulary_terms(q, topics=False)
        # Not a kind of fact that is also a service a partner offers ("συμβουλευτική", counselling):
        # that asks who offers it.
        services = {CONCEPT_MARK + topic.id for topic in self.directory.knowledge.topics}
        kinds = {t for t in q.content if is_concept(t)} - group_terms - services
        if not kinds:
            return None
        hit = self.index.best([*sorted(kinds), *sorted(group_terms)], None, q.answer_type)
        if hit is None or not (kinds & set(hit.matched) and group_terms & set(hit.matched)):
            return None
        return self._answered_by(q, hit)

    def _fact_of_subject_in_other_language(self, q: Question, memory: Memory) -> Optional[Asked]:
        """"А консультацию можно получить и онлайн?" (can one get counselling online too?) after the JMD: a
        topic (or group) the subject serves, with a kind of fact beyond it ("online"), asks how the subject
        does it, as "Kann man da auch online Beratung bekommen?" does in German; the subject's sentence that
        has that kind answers, not everyone who advises. Not a question who helps ("oğlum 15 yaşında, ona
        yardım ederler mi?" asks who helps at that age)."""
        subject = self.directory.knowledge.partner(memory.subject or "")
        if subject is None or q.partners or not (q.groups or q.topics) \
                or any(topic.id not in subject.topics for topic in q.topics) \
                or any(group.id not in subject.target_groups for group in q.groups):
            return None
        concepts = sorted(t for t in q.content if is_concept(t))
        # The topic's own words only: "Onlineberatung" makes "online" a word of counselling too.
        own = self._vocabulary_terms(q, topic_kinds=False) | {CONCEPT_MARK + topic.id for topic in q.topics}
        kinds = set(concepts) - own
        hit = self.index.best(concepts, [subject.id], q.answer_type) if kinds else None
        if hit is None or not kinds & set(hit.matched):
            return None
        return self._answered_by(q, hit)

    def _decide(self, q: Question, memory: Memory, intent_words: Set[str], words: List[str]) -> Asked:
        """What the message asks for. The rules in `_RULES` are tried in their order and the
        first that answers decides; a few only prepare the Question for the rules after them
        (a new subject, the figure asked again) and never answer. One adjustment follows: a fact
        asked together with "und wo …?" is answered as the location, its sentence first (`_where_too`)."""
        asks_who_helps = "help" in intent_words or q.answer_type in ("person", "organisation") or bool(
            FIRST_PERSON & set(words))
        turn = _Turn(q, memory, intent_words, words, asks_who_helps)
        for rule in Deciding._RULES:
            asked = rule(self, turn)
            if asked is not None:
                return Asked.LOCATION if asked == Asked.FACT and self._where_too(q, words) else asked
        return Asked.OUT_OF_SCOPE

    def _where_too(self, q: Question, words: List[str]) -> bool:
        """"Welches Institut forscht zur Türkei, und wo sitzt es?" asks two things: the
        fact's sentence answers the first, where the partner sits the second (the location answer quotes
        the sentence first). Only when "und wo" adds the question, the sentence names no place of the
        partner, and the page says where it is."""
        partner = q.partners[0] if len(q.partners) == 1 else None
        if q.answer_type != "place" or q.fact is None or partner is None \
                or not any(a == "und" and b == "wo" for a, b in zip(words, words[1:])):
            return False
        places = [*partner.cities, *(place.label for place in partner.places if place.label)]
        return bool(places) and not any(place in q.fact.sentence.text for place in places) \
            and not WEB_ADDRESS.search(q.fact.sentence.text)  # "… finden sich unter www…" says where

    def _rule_source(self, t: _Turn) -> Optional[Asked]:
        """Where the information comes from.
        "Ist das offiziell oder nur ein Verein?" about the subject asks what it is, not for the source;
        "Quelle für Infos zur IntMK 2015/16?" asks for the named partner's sentence that says where."""
        q = t.q
        # "Ist belegt, dass es den Kindern etwas bringt, wenn die Väter sich beteiligen?" asks whether the
        # page says the claim of its "dass" clause, not where the bot's last answer came from.
        claim = "dass" in t.words and len(self.index.known(q.content)) >= 2
        # "Wer hat sich das Projekt ausgedacht?" about the subject asks who started it; "Hast du dir diese
        # Angaben selbst ausgedacht?" asks the bot, and "Woher stammen diese Informationen?" where they come from.
        whose = q.answer_type in ("organisation", "person") and bool(q.partners) \
            and not ADDRESSED & set(t.words) and "woher" not in t.words
        if "source" in t.intent_words and not whose and not (q.partners and any(is_concept(term) for term in self.index.known(q.content))) \
                and not (q.named and q.content and self._matched_of(q.content, t.subject_ids)) and not claim:
            return Asked.SOURCE
        return None

    def _rule_small_talk(self, t: _Turn) -> Optional[Asked]:
        """Greeting or thanks alone is small talk; with a question, the question is answered.
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
        """The same question about another partner: "und das DOMiD?" after "Seit wann gibt es
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
        """A contact field: for the subject, else ask which partner. "… meine Nummer ist …,
        wer berät junge Migranten?" names a group: who helps comes with the contacts."""
        q, words = t.q, t.words
        if q.fields and not q.partners and q.age is not None and "help" in t.intent_words:
            # "Meine Nichte ist 15. Gibt es für so jemanden was, gern online?": the contact word says how the
            # help is wanted; who helps at that age answers (`_rule_who_helps`), not "whose web address?".
            return None
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
            not_asked = self._everywhere | self._names_terms(t.subject_ids) | field_terms
            if EXISTS in t.intent_words:
                # "Gibt es das auch online?" asks whether the offer exists that way: the manner the contact
                # word says ("online") is asked too, not only the address, even where a name of the
                # subject has that word ("JMD-Onlineberatung").
                not_asked = self._everywhere | (self._names_terms(t.subject_ids) - field_terms)
            kinds = {term for term in self.index.known(q.content) if is_concept(term)} - not_asked
            rest = self.index.best(q.content, t.subject_ids, None) if q.partners and kinds else None
            if rest is not None and kinds & set(rest.matched):
                q.fact = rest
            return Asked.FIELDS if q.partners else Asked.WHICH_PARTNER
        # "Wie kann ich die kontaktieren?": the whole contact card. "Was wollen die erreichen?"
        # sounds like "wie erreiche ich die?", but "was" asks for a fact of the page.
        if q.intent == "ask_partner_contact" and q.partners and not q.answer_type and not (
                opening_word(words) == "was" and self.index.known(q.content)) and not self._says_word_of(
                q, words, q.content, t.subject_ids):
            return Asked.FIELDS
        return None

    def _rule_city_of_subject(self, t: _Turn) -> Optional[Asked]:
        """"Gibt es so ein Büro in Dortmund?" about the subject: its places. A city of the story
        before the question is where the writer is ("Gesamtschule Duisburg-Marxloh. Netzwerk für
        Lehrkräfte mit Migrationsgeschichte – gibt's das?"), not what is asked."""
        q = t.q
        asked_cities = self._asked_cities(q)
        if asked_cities and q.partners and q.refers_back and not PAST & set(t.words) \
                and not self._city_says_which(q, asked_cities):
            return Asked.LOCATION
        return None

    def _names_terms(self, partner_ids: Iterable[str]) -> Set[str]:
        """The index terms of these partners' names: words that call a partner, not what is asked."""
        return set().union(*(self._name_index_terms.get(pid, set()) for pid in partner_ids))

    def _city_says_which(self, q: Question, cities: Sequence[str]) -> bool:
        """"Kann die Stelle in Düsseldorf auch vermitteln?": the city after "the <noun> in" says which
        partner is meant (it sits there); the rest of the message is what is asked, when the page
        knows its words. "Gibt es so ein Büro in Dortmund?" asks whether one is there."""
        words = q.asking.split()
        says_which = all(any(
            words[i] == fold(city) and words[i - 1] == "in" and words[i - 3] in THE | DEMONSTRATIVES
            for i in range(3, len(words))) for city in cities)
        if not says_which or not all(city in p.cities for p in q.partners for city in cities):
            return False
        calling = self._names_terms(p.id for p in q.partners)
        city_terms = {t for city in cities for t in self.wording.terms(city)}
        return bool(self.index.known([t for t in q.content if t not in calling | city_terms]))

    def _rule_fact_of_subject(self, t: _Turn) -> Optional[Asked]:
        """A single fact about the subject ("Seit wann …?", "Mitglieder?", "und das Alter?")."""
        q, memory, words, content = t.q, t.memory, t.words, t.q.content
        subject_ids = t.subject_ids
        if not (q.partners and (q.answer_type or content) and not self._only_place(q, t.intent_words, content)):
            return None
        # "was machen die Büros sonst noch?" after the ADB: a word the subject is called by, after an
        # article ("die Büros"), points at it; it is in many of its sentences and does not choose one.
        # The rest does, when it says a kind of fact ("beraten"). "zur Migration" after the DOMiD is asked.
        # A word that picks one of the partners talked about ("Wofür setzt sich der Verband ein?" after the
        # Beratungsstelle) names it, as a name does: it may choose.
        calling = set() if q.named or subject_ids != [memory.subject] else self._names_terms(subject_ids)
        pointing = {term for article, word in zip(words, words[1:]) if article in ARTICLES | DEMONSTRATIVES
                    for term in self.wording.terms(word)} & calling
        asked = [term for term in content if term not in pointing]
        content = asked if asked != content and any(is_concept(t) for t in self.index.known(asked)) else content
        hit = self.index.best(content, subject_ids, q.answer_type)
        if len(subject_ids) > 1 and not q.named and q.answer_type:
            # "welches Jahrzehnt war das?" after a list: the first of the list, when its page says it.
            first = self.index.best(content, subject_ids[:1], q.answer_type)
            hit = first if first is not None and first.has_evidence else hit
        if (hit is None or not set(hit.matched) - pointing) and q.story and pointing:
            # "Wir wollen mehr Leute fürs Ehrenamt gewinnen. Ist das auch ein Thema für den Beirat?": what
            # is asked of the subject it calls by name is the story before; its words choose the subject's
            # sentence. Not "Gibt es dazu eine Forschungseinrichtung?" after the DOMiD: that asks for another.
            told = self.index.best([*content, *q.story], subject_ids, q.answer_type)
            hit = told if told is not None and told.matched else hit
        if (hit is None or not hit.matched) and q.points_back and q.groups and FOR & set(words):
            # "ist das nur für Spätaussiedler oder auch für andere?": whom the subject is for, when its
            # page does not name the group: the sentence that says whom it addresses.
            whom = self.index.best([WHOM_TERM, *content], subject_ids, None)
            hit = whom if whom is not None and WHOM_TERM in whom.matched else hit
        asked_only = [term for term in content if term not in q.back_words]
        if q.back_words and self.index.known(asked_only):
            # "nochmal das Institut an meiner Uni – wer ist da der Träger?": the asking words choose,
            # if they find a sentence; "nochmal zu der Onlineberatung: wer antwortet da?" finds none
            # without "Onlineberatung".
            own = self.index.best(asked_only, subject_ids, q.answer_type)
            hit = own if own is not None and own.matched else hit
        if hit is not None and q.answer_type and not hit.has_evidence and hit.matched and not q.named \
                and not any(is_concept(term) for term in hit.matched) \
                and set(hit.matched) <= self._names_terms(subject_ids):
            # "seit welchem Jahr gibt's die Büros schon?" after the ADB: "Büros" is how the message calls
            # the subject, not what it asks; the subject's sentence of the asked type answers.
            hit = self.index.best([term for term in content if term not in hit.matched], subject_ids,
                                  q.answer_type) or hit
        if hit is not None and q.named and not q.answer_type and hit.matched \
                and set(self.index.known(content)) <= self._vocabulary_said(q, words):
            # "Gibt es irgendwas für Lehrkräfte mit Zuwanderungsgeschichte?": the page knows no word of the
            # message but those of the group the name says; nothing is asked of the partner ("Ist das
            # ZfTI eine Stiftung?" asks a word of its name: "Stiftung" is no group).
            return None
        law = self._law_of_the_page(q, content) if hit is None or not hit.has_evidence else None
        if law is not None:  # "auf welchem Gesetz beruht das alles?": the subject names none
            return self._answered_by(q, law)
        if q.points_back and memory.last_quote and q.answer_type and (hit is None or not hit.matched):
            # "woher kommen die?", "wann war das?" after a quote: that sentence, if it has the answer
            # and is about the subject ("und das dritte, das mit den jungs – von welchem Ministerium
            # kommt das?" is not about the partner quoted last).
            quoted = self.index.hit_for(memory.last_quote, q.answer_type)
            hit = quoted if quoted is not None and quoted.sentence.partner_id in subject_ids else hit
        if hit is None and q.answer_type and PAST & set(words):
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
        # "und wer spricht mit der Politik für junge Leute …?" after the JMD: who does it, for a group
        # the subject serves; a sentence of the subject with only the group's or topic's words does
        # not say the subject does it: who helps them answers, with the sentence that says it.
        # "Und wer ist der Träger?" after the ZfTI, which serves no "Träger": the group's word is what
        # is asked of the subject ("Träger" is a kind of fact too), not whom someone helps.
        if hit is not None and not q.named and not q.points_back and (q.groups or q.topics) \
                and q.answer_type in ("person", "organisation") \
                and not set(hit.matched) - self._everywhere - self._vocabulary_said(q, words, topics=True) \
                and any(self._serves(p, q) for p in q.partners):
            return None
        # "wo is das …" (a typo left as a word): a place asked and no word matched is where
        # the partner sits (rule 6), not the first sentence that names some place.
        typed_place_only = q.answer_type == "place" and not PAST & set(words)
        if hit is not None and (hit.matched or q.answer_type and not typed_place_only):
            return self._answered_by(q, hit)  # of the several shown, the one whose sentence answers
        # "Und die erste? Wer steht als Träger dahinter?": the partner counted is asked about,
        # whatever group a word of the question names.
        if q.answer_type and q.answer_type != "place" and (
                q.named or q.counted or not (q.groups or q.topics or q.cities)):
            return Asked.NOT_STATED
        return None

    def _rule_location(self, t: _Turn) -> Optional[Asked]:
        """Where a partner sits ("Wo sitzen die?", "und in Köln?"); not a city after a list,
        which asks for the list's partners there."""
        q = t.q
        if q.partners and ("location" in t.intent_words or q.answer_type == "place"
                           or t.classifier_says_where or (q.cities and not q.named and not q.content)):
            if not (q.cities and not q.named and t.memory.last_asked == Asked.LIST.value):
                return Asked.LOCATION
        return None

    @staticmethod
    def _asked_cities(q: Question) -> List[str]:
        """The cities of the asking sentence, and of the questions before it when it points at a place
        ("gibt das auch in paderborn? wo finde ich die stelle hier vor ort"): one of the story before
        them is where the writer is."""
        here = bool(HERE & set(q.asking.split())) and len(q.sentences) > 1
        asked = fold(" ".join(q.asking_sentences)) if here else q.asking
        return [c for c in q.cities if re.search(rf"\b{re.escape(fold(c))}\b", asked)]

    def _rule_summary(self, t: _Turn) -> Optional[Asked]:
        """A partner named (or a reference) and nothing more specific: what it is. A city of the
        story before the question is no more specific ("Ich mache Stadtführungen in Köln. Gibt es
        hier ein Migrationsmuseum?")."""
        q = t.q
        # A group of the story before the question is the writer's people ("fast alle Jungs kommen aus
        # muslimischen Familien. Arbeitet das Land mit muslimischen Verbänden zusammen?"), not what is asked
        # of the partner named.
        asked_groups = [g for g in q.groups if g in self.directory.groups_in(q.asking)] \
            if len(q.sentences) > 1 else q.groups
        if q.named and not (asked_groups or q.topics or q.kinds or self._asked_cities(q)) or (
                q.partners and q.intent in ("ask_partner_info", "follow_up") and not (q.groups or q.topics)) or (
                q.partners and q.points_back and "summary" in t.intent_words):  # "was machen die da?"
            return Asked.LOCATION if t.classifier_says_where else Asked.SUMMARY
        return None

    def _rule_only_partner_of_group(self, t: _Turn) -> Optional[Asked]:
        """A group or topic that only one partner serves, and a question about it beyond the
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
        """"Wie viele Muslime …?", "Nach welchem Motto …?": a sentence of the page answers it,
        unless the message asks who helps."""
        q, content = t.q, t.q.content
        if not (content and (q.answer_type in FIGURE_TYPES or not (t.asks_who_helps and (q.groups or q.topics))
                             and not t.asks_for_list)):
            return None
        other = self._open_fact(content, q.answer_type, q.doubted)
        # Not a sentence of a partner for others that shares only the topic's words: "Wo stimmen
        # sich die Bundesländer in der Integrationspolitik ab?" is not the KfI's "in anderen
        # Bundesländern praktizierten Direktverteilung".
        fitting = [p.id for p in self._fitting(q)] if other is not None and (q.groups or q.topics) else []
        off_topic = other is not None and (q.groups or q.topics) and not set(other.matched) - self._everywhere \
            - self._vocabulary_said(q, t.words, topics=True) \
            and other.sentence.partner_id not in fitting
        # "Für Spätaussiedler: welches Landesgremium berät die Landesregierung?": a partner of the kind
        # asked serves the group said; another partner's sentence with the same verb is not its answer.
        other_kind = other is not None and bool(q.kinds and q.groups) and other.sentence.partner_id not in fitting \
            and any(p.kind in q.kinds for p in map(self.directory.knowledge.partner, fitting) if p)
        # "Welche Landesstelle ist für die Verteilung zuständig?": a sentence that shares only the words
        # of the partner sought ("… Beratungsstelle … im Bundesland …") says nothing of what is asked.
        sought = which_noun(q.asking.split()) if other is not None else None
        only_sought = sought is not None and not set(other.matched) - self._everywhere - set(self.wording.terms(sought))
        if other is None or off_topic or other_kind or only_sought:
            return None
        asked = self._answered_by(q, other)
        # "Welches Gremium bündelt die Migrantenvertretungen, und wie lautet dessen Faxnummer?": the
        # partner whose sentence answers, and the contact field asked of it, after that sentence.
        return Asked.FIELDS if q.fields and q.partners else asked

    def _rule_fact_about_oneself(self, t: _Turn) -> Optional[Asked]:
        """"Hab ich als Spätaussiedler sofort das volle Wahlrecht?" is about oneself, but asks
        for a fact: a sentence that shares two words beyond the group's own answers it."""
        q, content = t.q, t.q.content
        if content and t.asks_who_helps and not t.asks_for_list and "help" not in t.intent_words \
                and yes_no_about_oneself(q.sentences):
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
        """Lists: of a kind, a city, a topic, or everything."""
        q = t.q
        law = self._law_of_the_page(q, q.content) if not q.partners else None
        if law is not None:  # "gibt es dafür ein Gesetz?" sounds like a list question
            return self._answered_by(q, law)
        # "Um welche Themen geht es dort?" sounds like a list question, but points at the subject.
        if q.intent == "ask_partner_list" and q.partners and q.points_back and not (
                q.kinds or q.cities or q.groups or q.topics or q.wants_all):
            return Asked.SUMMARY
        # A city of the story only ("Ich putze in einem Hotel in Hamm … Gibt es in NRW jemanden dafür?") asks
        # for no list of that city.
        if q.intent == "ask_partner_list" or (q.kinds and not (q.groups or q.topics)) or (
                self._asked_cities(q) and not q.partners and not (q.groups or q.topics)) or q.wants_all:
            said_of = self._said_of_few(q) if not (q.partners or q.kinds or q.cities or q.groups or q.topics
                                                   or q.wants_all) else {}
            if said_of:
                q.partners = [p for p in self.directory.partners if p.id in said_of]
                q.reasons = {pid: hit.sentence.text for pid, hit in said_of.items()}
                q.said_of = True
            return Asked.LIST
        return None

    def _said_of_few(self, q: Question) -> Dict[str, Hit]:
        """"Welche der Partner gibt es seit 1985?": a figure of the question (a year, a number) that the
        page says of a few partners only chooses them, each with its sentence that says it. Only a
        figure: a word ("heute", "ehrenamtlich") is said of a partner in passing, not as what it is."""
        rare = [term for term in self.index.known(q.content) if term.isdigit()
                and 0 < len(self.index.partners_with(term) - {None}) <= MAX_SAID_OF]
        if not rare:
            return {}
        ids = sorted({pid for term in rare for pid in self.index.partners_with(term) if pid})
        return {pid: hit for pid, hit in self.index.best_of_each(q.content, ids, q.answer_type).items()
                if set(hit.matched) & set(rare)}

    def _rule_who_helps(self, t: _Turn) -> Optional[Asked]:
        """Who helps a group or with a topic; a described situation. When the message asks
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
        """A fact of the page without a subject ("Dürfen EU-Bürger wählen?"): the best
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
        """What the classifier's intent alone says: a question about a partner but no partner
        anywhere asks which one; an elliptic follow-up about the subject that the page does not
        answer ("ehrenamtlich?") or one that points at it ("kostet das für mich?") is not stated."""
        q, words = t.q, t.words
        if q.partners and q.intent in ("ask_partner_contact", "ask_partner_location", "ask_partner_info", "follow_up"):
            return Asked.LOCATION if t.classifier_says_where else Asked.SUMMARY
        if q.intent in ("ask_partner_info", "ask_partner_location", "ask_partner_contact"):
            return Asked.WHICH_PARTNER
        if q.intent == "ask_target_group_help":
            if q.partners and q.points_back and q.content and not q.named:
                # "Geht das auch mit Videotelefonie am Wochenende?" points at the subject: the page does
                # not say it; what it says of the subject follows, not "für wen?".
                return Asked.NOT_STATED
            q.partners = []  # no group or topic named: the router asks for whom
            return Asked.HELP
        # "Woraus ist die zweite hervorgegangen?": a partner counted in the list is clearly asked about;
        # words the page does not use make it a question the page does not answer, not a guess.
        if q.intent == "nlu_fallback" and not (q.counted and q.partners and q.content):
            return Asked.UNCLEAR
        if q.content and q.partners and not q.named and (len(words) <= 2 or words[0] in ("und", "auch", "and")
                                                         or q.points_back):
            return Asked.NOT_STATED
        return Asked.OUT_OF_SCOPE

    # The order in which the rules are tried; `_decide` stops at the first that answers.
    _RULES: Tuple[Callable[["Deciding", _Turn], Optional[Asked]], ...] = (
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
        one_word = by_one_word and in_conversation and not doubted and len(hit.matched) == 1 \
            and self.index.sentences_with(hit.matched[0]) == 1
        minimum = MIN_TYPED_FOLLOW_UP_SCORE if (typed or one_word) and in_conversation else MIN_OPEN_SCORE * factor
        if hit.score < minimum:
            return None
        return hit if self._distinct_words(hit.matched) >= words or typed or one_word else None

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

    def _answered_by(self, q: Question, hit: Hit) -> Asked:
        """A fact answer; its sentence's partner becomes the subject. A sentence of the page's
        introduction that names one partner ("Die Stiftung Zentrum für Türkeistudien … ist ein
        wichtiges … Kompetenzzentrum …") is about that one; its own section says it in more
        detail, so the section's sentence answers when it fits nearly as well (CLOSE_SHARE)."""
        named = self.directory.partners_named_exactly_in(hit.sentence.text) if hit.sentence.partner_id is None else []
        named_one = named[0] if len(named) == 1 else None
        if named_one is not None:
            own = self.index.best(q.content, [named_one.id], q.answer_type)
            hit = own if own is not None and own.matched and own.score >= CLOSE_SHARE * hit.score else hit
        q.fact = hit
        partner = self.directory.knowledge.partner(hit.sentence.partner_id or "") or named_one
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
        asking = q.asking.split()
        if subject is None or not (q.named and BELONGING & set(asking) and len(asked) == 1) \
                or asked[0] == subject \
                or q.fields or q.cities:
            return None
        names = [re.compile(rf"\b{re.escape(name)}\b") for name in asked[0].names if len(name) > 2]
        sentence = next((s for s in subject.quoted_sentences if any(n.search(s) for n in names)), None)
        return self.index.hit_for(sentence) if sentence else None

    def _fitting(self, q: Question) -> List[Partner]:
        """The partners that fit most of what was said (groups, topics, kind): "Meine Eltern
        sind Spätaussiedler … ein Gremium" -> the Gremium for Spätaussiedler, not every
        partner for parents."""
        # "Meine Enkelin ist 15 und kommt aus Russland … Wer kann ihr helfen?": a group of the story
        # does not silence the age; one in the asking sentence does.
        # "Zwei meiner Schüler sind 15 … Wer berät solche Jugendlichen?" asks for the story's people: their age counts.
        by_age = q.age is not None and (q.such_as_told or not (
            q.groups and (len(q.sentences) < 2 or self.directory.groups_in(q.asking))))
        scores: Dict[str, float] = {}
        said = {g.id for g in q.groups}
        for partner in self.directory.partners:
            # "junge Leute mit Migration": a partner for the group those two said together mean
            # (`combines`: the young migrants) fits better than one for young people or migrants
            # only, but not as well as one for a group and a topic said ("junge Migranten, die
            # diskriminiert werden" are for the anti-discrimination offices).
            served = said & set(partner.target_groups)
            combined = set().union(*(c for c in self._combines[partner.id] if c <= said))
            score: float = len(served) + COMBINED_WEIGHT * len(combined - served)
            score += sum(t.id in partner.topics for t in q.topics)
            # A situation told ("wer entscheidet, in welche Stadt wir kommen") outweighs a group
            # named on the way ("mit Familie").
            score += sum(t.id in partner.topics for t in q.told)
            # "mein Sohn ist 15 und neu an der Schule": an age within the partner's stated ages fits too,
            # unless the asking sentence says a group: "mein Junge ist 14 … gibt es was extra für
            # Jungen?" asks for boys.
            score += by_age and any(low <= q.age <= high for low, high in self._ages.get(partner.id, ()))
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
        last = q.asking
        asked = set(self.index.known(self.wording.terms(last)))
        if not asked & set(hit.matched) and not KIND_POINTERS & set(last.split()):
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
        groups = unique([g for w in words for part in self.wording.parts(self.wording.lemma(w))[:1]
                          for g in self.directory.groups_in(part)])
        owners = serving_all(groups, self.directory.partners)
        return owners if len(owners) == 1 else []

    def _vocabulary_said(self, q: Question, words: List[str], topics: bool = False) -> Set[str]:
        """The fact-index terms of the group (and topic) words as the message says them, both as
        the group's own words and as typed ("junge Leute" is "jung" and "Junge", "Bundesländer"
        is "Bund" and "Land"), and of their own words."""
        text = " ".join(words)
        mentions = [*self.directory.group_mentions(text), *(self.directory.topic_mentions(text) if topics else [])]
        said = " ".join(" ".join(words[m.start:m.end]) for m in mentions)
        own = self._vocabulary_terms(q, topics=topics)
        if not said:
            return own
        return own | set(self.index.known([*self.wording.terms(self.index.with_group_words(said)),
                                           *self.wording.terms(said)]))

    def _says_word_of(self, q: Question, words: List[str], content: List[str], subject_ids: List[str]) -> bool:
        """"Der zweite – Ursprung?": a bare word that the subject's sentence has as a word of its
        own ("hat seinen Ursprung in …") asks for that sentence, even when the classifier heard a
        contact question in it. Not "wie erreiche ich die?" (how to reach them), and not a word
        that is only part of a compound there ("Kontakt" in "Kontaktdaten")."""
        if not content or (words and words[0] in HOW):
            return False
        hit = self.index.best(content, subject_ids, None)
        if hit is None or not hit.matched:
            return False
        sentence = fold(hit.sentence.text)
        return any(len(w) >= 4 and re.search(rf"\b{re.escape(w)}\w{{0,3}}\b", sentence) for w in words
                   if w not in SMALL_WORDS and self.wording.lemma(w) in content)  # not a word of a name

    @staticmethod
    def _serves(partner: Partner, q: Question) -> bool:
        """Is the partner one for a group or topic of the message?"""
        return any(g.id in partner.target_groups for g in q.groups) or any(t.id in partner.topics for t in q.topics)

    @staticmethod
    def _only_place(q: Question, intent_words: Set[str], content: List[str]) -> bool:
        """"Wo sitzt …?" asks for today's place, not for a sentence with a place in it."""
        past = bool(PAST & set(fold(q.text).split()))
        return not content and not past and (q.answer_type == "place" or "location" in intent_words)
