"""Find the quoted sentence that answers a single-fact question.

Every sentence the knowledge file quotes (partners' descriptions, facts and list
items, and the page's general facts) is indexed once with BM25 over lemma terms
(bm25s: a maintained, numpy-only BM25 implementation; the index of ~100 sentences is
built in milliseconds and answers in well under a millisecond). Three things carry
what plain word overlap misses:

- synonyms: the knowledge file's `fact_words` groups ("gegründet", "Gründung",
  "entstanden" …) widen a question term to its group;
- the expected answer type from the question word (`question_words`: "seit wann" ->
  a date, "wie viele" -> a number …): sentences that carry such a value rank first,
  and with a known subject an elliptic "seit wann?" still finds its sentence;
- typos: a question term that is no index term is replaced by the closest index
  term (rapidfuzz), from six letters on.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, replace
from typing import AbstractSet, Dict, Iterable, List, Optional, Sequence, Set, Tuple

import bm25s
import numpy as np
from rapidfuzz import fuzz, process

from actions.knowledge import KnowledgeBase, QuotedList
from actions.wording import Wording, fold

# A year or a day: the exact answer to "seit wann?".
_EXACT_DATE = re.compile(r"\b(1[89]\d\d|20\d\d)(er)?\b|\b\d{1,2}\.\s?\d{1,2}\.|\b\d{1,2}\. [A-ZÄÖÜ][a-zä]+ \d{4}")
# The answer type of "warum?" (question_words id).
REASON = "reason"
# What a sentence must contain to carry an answer of a type (question_words ids).
# Types not listed here (yes_no) accept any sentence.
ANSWER_EVIDENCE: Dict[str, re.Pattern] = {
    # Without a year, what the page says of the time: "seit", "in den vergangenen Jahren", "frühzeitig",
    # and how it began, in the past ("ist das erste Bundesland gewesen, das …").
    "date": re.compile(_EXACT_DATE.pattern + r"|\bseit\b|Jahrzehnt|Jahren\b|frühzeitig|jahrelang|Zeitpunkt|\bgewesen\b",
                       re.IGNORECASE),
    # A count, not a share: "31 Prozent" and "fünf Prozent" answer "wie viel Prozent"; nor a
    # year: "im Jahr 2007" does not answer "wie viele?".
    "number": re.compile(r"((?<![\w.,])(?!(?:1[89]|20)\d\d(?![\d.,]))\d[\d.,]*(?![\w.,])|\b(eins|zwei|drei|vier|fünf|sechs|sieben|acht|neun|zehn|elf|zwölf|hundert"
                         r"|tausend|Millionen?)\b)(?!\s*(Prozent|%))", re.IGNORECASE),
    "share": re.compile(r"Prozent|%"),
    "place": re.compile(r"\b(in|nach|mit Sitz in|an der)\s+(?:der\s+)?[A-ZÄÖÜ][\wäöüß-]+|\bSitz\b|Institut an"),
    "organisation": re.compile(r"Universität|Hochschule|Ministeri|Stiftung|Verein|Verband|Verbände|Institut"
                               r"|Vereinten Nationen|Schulen\b|Behörden|Kammern|Träger|Bezirksregierung"),
    "person": re.compile(r"Mitglied|Minister|Senator|Sozialpädagog|Ausländerbeiräte|Landesregierung|Ministerium"
                         r"|Bürger|Migrant|Eltern|Väter|Lehrkräfte|Schulministerium|Vertreter|Entscheidungsträger|Verwaltung"),
    # "… (ZfTI)", "… (kurz: IntMK)", or the short form with the long one after it ("DOMiD, das
    # Dokumentationszentrum …").
    "expansion": re.compile(r"\((?:kurz: ?)?[A-Za-zÄÖÜ][A-Za-zÄÖÜäöü ]{1,15}\)|\([A-Z]{2,}\)"
                           r"|\b(?=[A-Za-z]*[a-z])[A-Z][A-Za-z]*[A-Z][A-Za-z]*, (?:das|der|die) [A-ZÄÖÜ]"),
    # "Auf welchem Gesetz beruht …?": a sentence that names a law.
    "law": re.compile(r"\bGesetz(es)?\b"),
    # "Warum …?" (REASON): a sentence that gives a reason or a purpose; one that draws it from the sentence
    # before ("Auch aufgrund dieser Unterschiede …") is quoted with that one (_ANAPHORIC).
    REASON: re.compile(r"\b(aufgrund|wegen|weil|Hintergrund|Damit)\b|, um\b"),
}
# Answer types a contact block's digits (house number, postcode) do not carry.
_NO_FIGURES = ("number", "date", "share")
# Sentences that open with a pronoun ("Sie selbst …", "Damit werden …"): the words of the sentence
# before say whom or what it means, so they count for it in the search (CONTEXT_WEIGHT).
_ANAPHORIC = re.compile(r"(Sie|Er|Es|Dies|Diese|Dieser|Dieses|Seine|Ihre)\b")
# Sentences that draw a conclusion from the sentence before ("Vor diesem Hintergrund …", "Auch
# aufgrund dieser Unterschiede …"): quoted after it, but its words are not theirs.
_DRAWS_ON = re.compile(r"(Damit|Deshalb|Daher)\b|Vor diesem Hintergrund\b|(Auch )?(aufgrund|wegen) (dieser|dieses|diesem)\b")

# How much the sentence before counts for a sentence that opens with a pronoun.
CONTEXT_WEIGHT = 0.5
# Below this BM25 score a hit shares too little with the question to be its answer.
MIN_SCORE = 1.2
# Within the sentences of a known subject, one shared word is enough ("Mitglieder?"): the
# subject already narrows the search to a handful of sentences.
MIN_SUBJECT_SCORE = 0.3
# A sentence of the expected type is preferred if it scores at least this share of the best.
TYPED_SHARE = 0.6
# Answer types whose evidence (ANSWER_EVIDENCE) lists only some of the ways to name the answer.
NAMED_IN_MANY_WAYS = ("person", "organisation")
# A second sentence scoring at least this share of the best is quoted with it.
CLOSE_SHARE = 0.75
# A sentence that carries the expected type of answer counts this much more.
EVIDENCE_BOOST = 1.6
# Verb ending → noun ending of the same stem ("beraten" → "Beratung", "sammeln" → "Sammlung").
_DERIVATIONS: Tuple[Tuple[str, str], ...] = (("eln", "lung"), ("ern", "erung"), ("en", "ung"))
# Verbs whose "-ung" noun is another thing ("sich bilden" is no "Bildung", "beziehen" no "Beziehung").
_OTHER_MEANING = frozenset("bilden beziehen bewegen meinen wohnen stellen halten richten sitzen leben".split())
_MIN_FUZZY_TERM = 6
# A phrase's last word of at least this many letters ending in "-en" is taken as a verb (`_inflected`).
_MIN_VERB = 5
_FUZZY_CUTOFF = 86.0
_MIN_TWIN_TERM = 10
_TWIN_CUTOFF = 94.0


@dataclass(frozen=True)
class QuotedSentence:
    """One sentence of the page, the partner it is about (None: the page in general), where."""

    partner_id: Optional[str]
    text: str
    source: str
    # A place's contact block ("Servicebüro …" / street / postcode), not a sentence of prose.
    contact: bool = False


@dataclass(frozen=True)
class Hit:
    """A sentence found for a question: how well it matched, which terms, the right type?"""

    sentence: QuotedSentence
    score: float
    matched: Tuple[str, ...]
    has_evidence: bool
    # A second sentence of the same partner that answers nearly as well: both are quoted
    # rather than guessing between them ("Ist das ZfTI eine Stiftung?" has two).
    also: Optional[QuotedSentence] = None
    # The sentences before, in page order, when this one opens with a pronoun or a pointer ("Sie
    # selbst sehen sich …", "Vor diesem Hintergrund …"): quoted first, so the answer says what it means.
    context: Tuple[QuotedSentence, ...] = ()
    # The whole list this item belongs to, when the question matched only its lead-in
    # ("Was sind die Aufgaben?" -> "Zu den Aufgaben … zählen:" and every item, not one of them).
    whole: Optional[QuotedList] = None


# The index term of a fact-word group ("~gruendung"), as opposed to a word's lemma ("gründung").
CONCEPT_MARK = "~"


def points_to_sentence_before(text: str) -> bool:
    """The sentence opens with a pronoun or a pointer: alone, it does not say what it is about."""
    return bool(_ANAPHORIC.match(text) or _DRAWS_ON.match(text))


def is_concept(term: str) -> bool:
    """Is this index term a fact-word group's (a kind of fact), not a word's?"""
    return term.startswith(CONCEPT_MARK)


class FactIndex:
    """BM25 over every quoted sentence, searchable for one partner, several, or all."""

    def __init__(self, knowledge: KnowledgeBase, wording: Wording) -> None:
        self.wording = wording
        self.sentences: List[QuotedSentence] = [
            QuotedSentence(partner.id, text, partner.source)
            for partner in knowledge.partners
            for text in partner.quoted_sentences
        ]
        # The contact block of a place ("Bezirksregierung Arnsberg, Dezernat 36 - …, Seibertzstr. 1,
        # 59821 Arnsberg") answers "Zu welcher Behörde gehört das?". It is quoted as the page
        # prints it, one line per part ("Seibertzstr. 1" / "59821 Arnsberg"), so the quote is verbatim.
        # A block that one of the partner's sentences says whole ("Institut an der Universität
        # Duisburg-Essen" in "Das ZfTI ist Institut an der Universität Duisburg-Essen.") is that sentence's.
        self.sentences += [QuotedSentence(partner.id, block, partner.source, contact=True)
                           for partner in knowledge.partners for place in partner.places if place.label
                           for block in ["\n".join(part for value in (place.label, place.address) if value
                                                   for part in value.split(", "))]
                           if not any(block in sentence for sentence in partner.quoted_sentences)]
        self.sentences += [QuotedSentence(None, fact, knowledge.general.source) for fact in knowledge.general.facts]
        # Synonym groups become one concept: every word of a group counts as the group's
        # token, on both sides, so a sentence that uses three words of one group does not
        # outscore one that matches three different things the question asked about.
        # Single words only, by their lemma: "ins Leben gerufen" must not make "leben" a
        # synonym of "gegründet", nor "EU-Bürger" every "Bürger" one of "EU".
        self._concepts: Dict[str, Tuple[str, ...]] = {}
        # What a question with a word of a group asks for too (query side only): "bieten" -> the tasks.
        self._asks_also: Dict[str, Tuple[str, ...]] = {
            f"{CONCEPT_MARK}{group.id}": tuple(f"{CONCEPT_MARK}{other}" for other in group.asks_also)
            for group in knowledge.fact_words if group.asks_also}
        for group in knowledge.fact_words:
            for word in group.words:
                if " " in word or "-" in word:
                    continue
                term = wording.lemma(word)
                concept = f"{CONCEPT_MARK}{group.id}"
                self._concepts[term] = tuple(dict.fromkeys(self._concepts.get(term, ()) + (concept,)))
        # A phrase of a group in a question ("kein EU", "ohne Namen") stands for the group's first
        # single word: its words alone would mean something else ("EU"). The page's own sentences
        # say a phrase of a group too ("das erste Bundesland" ~ "Vorreiter"): the same replacement,
        # on the text as printed. Longest phrases first.
        self._phrases: List[Tuple[re.Pattern, str]] = []
        self._page_phrases: List[Tuple[re.Pattern, str]] = []
        for group in knowledge.fact_words:
            single = next((w for w in group.words if " " not in w and "-" not in w), None)
            if single is not None:
                phrases = [w for w in group.words if " " in w]
                self._phrases += [(re.compile(rf"\b{_inflected(fold(w))}\b"), fold(single)) for w in phrases]
                self._page_phrases += [(re.compile(rf"\b{_inflected(w)}\b", re.IGNORECASE), single) for w in phrases]
        self._phrases.sort(key=lambda p: -len(p[0].pattern))
        self._page_phrases.sort(key=lambda p: -len(p[0].pattern))
        self._terms = [set(self._conceptual(wording.terms(_replaced(s.text, self._page_phrases)))) for s in self.sentences]
        # A sentence that opens with a pronoun is about what the sentence before named ("Jungen
        # werden … dargestellt. Sie selbst sehen sich … konfrontiert."): when it matches a word of
        # its own, the words of that one count too (CONTEXT_WEIGHT).
        self._before = self._opening_with(_ANAPHORIC)
        # A sentence that draws on the one before ("Vor diesem Hintergrund …") is quoted after it.
        self._draws_on = self._opening_with(_DRAWS_ON)
        # Each list item (read with its lead-in) -> its list, and the terms of the lead-in alone.
        self._lists: Dict[int, Tuple[QuotedList, Set[str]]] = {}
        self._list_sentences: Set[QuotedSentence] = set()  # every item of a list (with its lead-in)
        for partner in knowledge.partners:
            for quoted in partner.lists:
                lead_terms = set(self._conceptual(wording.terms(quoted.lead)))
                indices = [self.sentences.index(QuotedSentence(partner.id, text, partner.source))
                           for text in quoted.sentences()]
                for index, own in zip(indices, quoted.own_words()):
                    self._terms[index] = set(self._conceptual(wording.terms(_replaced(own, self._page_phrases))))
                self._list_sentences.update(self.sentences[index] for index in indices)
                if not quoted.items_stand_alone:
                    self._lists.update((index, (quoted, lead_terms)) for index in indices)
                    continue
                # Items that stand alone are sentences of their own: only the lead-in stands for
                # the list, and it says whom an item's "Sie" means ("Sie können … beitragen").
                self._lists[indices[0]] = (quoted, lead_terms)
                self._before.update((index, indices[0]) for index in indices[1:]
                                    if _ANAPHORIC.match(self.sentences[index].text))
        self._vocabulary = set().union(*self._terms)
        # The page's words as written, not as compound parts ("Vertretung", not "Koordinierung" of
        # "Koordinierungsstelle").
        self._whole_words = {wording.lemma(w) for s in self.sentences for w in wording.words(s.text)}
        # Plain words of the index, for rapidfuzz's closest-word search on typos.
        self._words = sorted(t for t in self._vocabulary if not is_concept(t))
        # Which sentences carry each answer type: fixed per index, not re-matched per question.
        # House numbers and postcodes are no answer to "wie viele?" or "seit wann?".
        self._evidence = {kind: tuple(bool(p.search(s.text)) and not (kind in _NO_FIGURES and s.contact)
                                      for s in self.sentences)
                          for kind, p in ANSWER_EVIDENCE.items()}
        # Which partners' sentences have each term: "nochmal zu dem Amt von vorhin" asks it per word.
        self._partners_of: Dict[str, Set[Optional[str]]] = {}
        for sentence, terms in zip(self.sentences, self._terms):
            for term in terms:
                self._partners_of.setdefault(term, set()).add(sentence.partner_id)
        self._bm25 = bm25s.BM25()
        self._bm25.index([sorted(terms) for terms in self._terms], show_progress=False)

    def with_group_words(self, folded: str) -> str:
        """A folded question with each phrase of a synonym group replaced by the group's word."""
        return _replaced(folded, self._phrases)

    def _conceptual(self, terms: Sequence[str]) -> List[str]:
        """Each term, or the synonym group(s) it belongs to. A word of a group stands for
        itself whole: its compound parts ("Migrations|geschichte") are not terms of their own."""
        parts = {p for t in terms if t in self._concepts for p in self.wording.parts(t)}
        return [c for term in terms if term in self._concepts or term not in parts
                for c in self._concepts.get(term, (term,))]

    def expand(self, terms: Iterable[str]) -> List[str]:
        """Question terms with typos corrected towards the index and synonyms as their group."""
        terms = list(terms)
        # A part of a group's word is no term to correct: "zusammen|geschlossen" is "Gründung", its
        # "schließen" no misspelt "angeschlossen". The parts are found as the message's word was
        # split (beside it in the terms): the lemma "zusammenschliessen" does not split again, so
        # `_conceptual` (which splits the lemma) may keep such a part as a plain term.
        group_parts = {p for p in terms for t in terms if t != p and t in self._concepts
                       and (t.startswith(p) or t.endswith(p))}
        corrected: List[str] = []
        for term in terms:
            if term in group_parts and term not in self._concepts:
                corrected.append(term)
                continue
            noun = self._derived(term)
            if term not in self._vocabulary:
                term = noun
            elif noun != term and noun not in self._whole_words:
                # A verb the page uses: "koordiniert" finds the LIR's "koordiniert" and the KfI's
                # "Koordinierungsstelle", the noun inside a compound, which the verb never meets. A noun
                # the page writes alone ("die Vertretung") is another wording; the verb's sentences answer.
                corrected.append(noun)
            if term not in self._concepts and term not in self._vocabulary and len(term) >= _MIN_FUZZY_TERM \
                    and not self._page_compound(term):
                match = process.extractOne(term, self._words, scorer=fuzz.ratio, score_cutoff=_FUZZY_CUTOFF)
                term = match[0] if match else term
            corrected.append(term)
            # The page has typos too ("institutioneller Diskriminieung"): a long word also
            # finds its misspelt twin in the index.
            if len(term) >= _MIN_TWIN_TERM and term not in self._concepts:
                corrected += [w for w, _, _ in process.extract(term, self._words, scorer=fuzz.ratio,
                                                                score_cutoff=_TWIN_CUTOFF, limit=3)
                              if not (w.startswith(term) or term.startswith(w))]  # not "integration|s"
        concepts = self._conceptual(corrected)
        return list(dict.fromkeys([*concepts, *(also for c in concepts for also in self._asks_also.get(c, ()))]))

    def _derived(self, term: str) -> str:
        """The page's noun of a verb's stem: "forscht" finds "Forschung", "vermitteln" the
        "Vermittlung" inside a compound. German makes the noun from the stem with "-ung" ("sammeln"
        → "Sammlung", "fördern" → "Förderung"). Not the other way ("Sitzung" is no "mit Sitz in"),
        and not for verbs whose noun means something else. `expand` decides whether the noun replaces
        the verb (the page does not use it) or is searched beside it."""
        if term in self._concepts:
            return term
        if term in _OTHER_MEANING:
            return term
        for verb, noun in _DERIVATIONS:
            if term.endswith(verb) and len(term) > len(verb) + 2:
                other = term[:-len(verb)] + noun
                if other in self._vocabulary or other in self._concepts:
                    return other
                break
        return term

    def _page_compound(self, term: str) -> bool:
        """A compound whose parts the page uses is a word of its own, no typo: "Integrationspolitik"
        is not "integrationspolitisch" (its parts "Integration", "Politik" are searched)."""
        parts = self.wording.parts(term)
        return bool(parts) and all(p in self._vocabulary or p in self._concepts for p in parts)

    def hit_for(self, text: str, answer_type: Optional[str] = None) -> Optional[Hit]:
        """The indexed sentence with this text as a Hit, if it carries the asked type."""
        for index, sentence in enumerate(self.sentences):
            if sentence.text == text:
                return Hit(sentence, 0.0, (), True, context=self._context(index)) \
                    if self._carries(index, answer_type) else None
        return None

    def _carries(self, index: int, answer_type: Optional[str]) -> bool:
        """Does sentence `index` hold a value of the asked type (any sentence if no type)?"""
        return self._evidence[answer_type][index] if answer_type in self._evidence else True

    def common(self, share: float) -> Set[str]:
        """Terms that occur in at least this share of the page's sentences ("land", "nrw")."""
        counts: Dict[str, int] = {}
        for terms in self._terms:
            for term in terms:
                counts[term] = counts.get(term, 0) + 1
        return {t for t, n in counts.items() if n >= share * len(self.sentences)}

    def sentences_with(self, term: str) -> int:
        """How many indexed sentences have this term (a word, or a synonym group's token)."""
        return sum(term in terms for terms in self._terms)

    def partners_with(self, term: str) -> Set[Optional[str]]:
        """The partners with a sentence that has this term (a word, or a synonym group's token)."""
        return self._partners_of.get(term, set())

    def uses(self, term: str) -> bool:
        """Does a sentence of the page have this plain term (no typo correction)? A word of a synonym
        group is indexed as its group, so it is no plain term."""
        return term in self._vocabulary

    def known(self, terms: Sequence[str]) -> List[str]:
        """The question's terms (corrected, with synonyms) that the page uses somewhere."""
        return [t for t in self.expand(terms) if t in self._vocabulary]

    def _scored(
        self, known: Sequence[str], partner_ids: Optional[Sequence[Optional[str]]], answer_type: Optional[str]
    ) -> List[Hit]:
        scores = self._bm25.get_scores(known) if known else np.zeros(len(self.sentences))
        own = scores.copy()
        for index, before in self._before.items():
            if own[index] > 0:
                scores[index] += CONTEXT_WEIGHT * own[before]
        hits: List[Hit] = []
        for index, sentence in enumerate(self.sentences):
            if partner_ids is not None and sentence.partner_id not in partner_ids:
                continue
            evidence = self._carries(index, answer_type)
            score = float(scores[index]) * (EVIDENCE_BOOST if evidence and answer_type in ANSWER_EVIDENCE else 1.0)
            context = self._terms[self._before[index]] if index in self._before and own[index] > 0 else set()
            matched = tuple(t for t in known if t in self._terms[index] or t in context)
            hits.append(Hit(sentence, score, matched, evidence))
        # Ties (no term matched) keep the page's order: the first dated sentence of a partner.
        return sorted(hits, key=lambda h: (-h.score, -h.has_evidence))

    def _whole_list(self, index: int, matched: Sequence[str]) -> Optional[QuotedList]:
        """The list of item `index` when every matched term is a word of its lead-in: the
        question asked what the lead-in announces ("die Ziele"), so one item is not the answer."""
        if index not in self._lists or not matched:
            return None
        quoted, lead_terms = self._lists[index]
        return quoted if set(matched) <= lead_terms else None

    def best_of_each(
        self, terms: Sequence[str], partner_ids: Sequence[str], answer_type: Optional[str] = None,
        shown: str = "",
        beyond: AbstractSet[str] = frozenset(),
    ) -> Dict[str, Hit]:
        """Per partner, its sentence that shares most with the question (one word is enough:
        the partners were chosen already), scored once for all of them. Partners whose
        sentences share nothing are left out. A sentence in `shown` (text the answer shows
        anyway) is passed over: quoting it again says nothing new; so is one that shares only
        terms in `beyond` (the group's or topic's own words, which say nothing about the partner)."""
        hits: Dict[str, Hit] = {}
        for hit in self._scored(self.known(terms), partner_ids, answer_type):  # best first
            if hit.matched and hit.score >= MIN_SUBJECT_SCORE and not (shown and hit.sentence.text in shown) \
                    and set(hit.matched) - beyond:
                hits.setdefault(hit.sentence.partner_id or "", hit)
        return hits

    def best(
        self,
        terms: Sequence[str],
        partner_ids: Optional[Sequence[Optional[str]]] = None,
        answer_type: Optional[str] = None,
    ) -> Optional[Hit]:
        """The answering sentence, or None when nothing matched well enough.

        A sentence of the expected type wins over a better-matching one without it, unless
        that one scores far higher (TYPED_SHARE); a close second is attached (CLOSE_SHARE). With a
        subject and nothing asked but the type ("seit wann?"), the subject's first sentence
        of that type is the answer; a word that matches nothing ("Mitglieder?" where the
        page names none) gives None, so the bot says the page does not state it.
        """
        known = self.known(terms)
        hits = self._scored(known, partner_ids, answer_type)
        min_score = MIN_SCORE if partner_ids is None else MIN_SUBJECT_SCORE
        scored = [h for h in hits if h.score >= min_score and h.matched]
        if answer_type in ANSWER_EVIDENCE:
            # A sentence of the expected type wins unless another matches far better
            # ("ab Oktober 2016 den Vorsitz" is about the chair, whoever is named).
            typed = [h for h in scored if h.has_evidence]
            # "Wo finde ich Öffnungszeiten?" asks where to look, not for a sentence with a place.
            # Who is asked for is named in too many ways for the evidence to know them all: a sentence
            # of that type that shares only some of the words the better one shares loses ("Wer hat
            # 2016 den Vorsitz?" is "Zum 1. Oktober 2016 hat Baden-Württemberg … den Vorsitz
            # … übernommen", not a sentence with "2016" and a ministry).
            if typed and answer_type != "place" and typed[0].score >= TYPED_SHARE * scored[0].score \
                    and not (answer_type in NAMED_IN_MANY_WAYS and set(typed[0].matched) < set(scored[0].matched)):
                scored = typed
            # "Wann wurde der Zusammenschluss gegründet?" over the whole page: a sentence with a date
            # ("am 26.10.1996") answers it better than one that only says how long ("jahrelang").
            dated = [h for h in scored if _EXACT_DATE.search(h.sentence.text)] if answer_type == "date" \
                and partner_ids is None else []
            if dated and dated[0] is not scored[0] and dated[0].score >= TYPED_SHARE * scored[0].score:
                scored = dated
        if scored:
            top = scored[0]
            # Of the close seconds, the one that shares most of the question's words, and a sentence
            # of prose before a list item ("Als … Zusammenschluss … vertritt die LAG JSA die
            # Interessen …" beside the item "die Bündelung und Vertretung der gemeinsamen Interessen").
            close = sorted((h for h in scored[1:] if h.sentence.partner_id == top.sentence.partner_id
                            and h.score >= CLOSE_SHARE * top.score),
                           key=lambda h: (-len(h.matched), h.sentence in self._list_sentences))
            index = self.sentences.index(top.sentence)
            whole = self._whole_list(index, top.matched)
            if whole is not None:
                return replace(top, whole=whole)
            top = replace(top, context=self._context(index))
            return replace(top, also=close[0].sentence) if close else top
        if partner_ids is not None and answer_type in ANSWER_EVIDENCE and not known:
            # Nothing but the question word ("seit wann?"), or words the page never uses
            # ("angesiedelt"): the partner's first sentence of that type. A word the page
            # does use elsewhere ("Mitglieder") but not for this partner gives None.
            typed = [h for h in hits if h.has_evidence]
            own = [h for h in typed if h.sentence.partner_id == typed[0].sentence.partner_id]
            if answer_type == "date" and own and not any(_EXACT_DATE.search(h.sentence.text) for h in own):
                # No year for the partner: its sentences that say when, as far as the page does (two).
                return replace(own[0], also=own[1].sentence) if len(own) > 1 else own[0]
            return replace(typed[0], context=self._context(self.sentences.index(typed[0].sentence))) if typed else None
        return None

    def _opening_with(self, pattern: re.Pattern) -> Dict[int, int]:
        """Sentence index -> the sentence before it, for sentences that open with `pattern` and follow
        a sentence of the same partner and section."""
        return {index: index - 1 for index, sentence in enumerate(self.sentences)
                if index and pattern.match(sentence.text) and self.sentences[index - 1].partner_id == sentence.partner_id
                and self.sentences[index - 1].source == sentence.source}

    def _context(self, index: int) -> Tuple[QuotedSentence, ...]:
        """The sentences that sentence `index` points back to, in page order: a chain ("Vor diesem
        Hintergrund …" after "Sie selbst sehen sich …" after "Jungen werden … dargestellt")."""
        chain: List[QuotedSentence] = []
        while index in self._before or index in self._draws_on:
            index = self._before[index] if index in self._before else self._draws_on[index]
            chain.insert(0, self.sentences[index])
        return tuple(chain)


def _inflected(phrase: str) -> str:
    """A phrase's pattern: a verb that ends it is met in its present and past forms too ("auf die
    Ausgrenzung aufmerksam macht" is "aufmerksam machen")."""
    head, _, last = phrase.rpartition(" ")
    if not head or not last.endswith("en") or len(last) < _MIN_VERB:
        return re.escape(phrase)
    return rf"{re.escape(head)} {re.escape(last[:-2])}(?:en|e|st|t|te|ten)"


def _replaced(text: str, phrases: Sequence[Tuple[re.Pattern, str]]) -> str:
    """The text with each phrase of a synonym group replaced by the group's word, longest first."""
    for pattern, word in phrases:
        text = pattern.sub(word, text)
    return text
