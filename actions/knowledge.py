"""Load and validate the partner knowledge file (knowledge/partners.yml).

The knowledge file is the single source of every fact the bot states. This module
has no Rasa imports so that the action server, the NLU generator and the tests all
read the file the same way. Validation is strict (unknown keys, missing fields,
dangling references are errors) because a typo in a trainer's edit should stop the
action server with a message naming the file, the entry and the field, instead of
silently producing a wrong answer. Messages are in German: trainers read them.
"""

from __future__ import annotations

import os
import re
from dataclasses import dataclass, field
from pathlib import Path
from typing import AbstractSet, Any, Dict, List, Mapping, Optional, Sequence, Tuple

import yaml

import settings

PROJECT_ROOT = settings.PROJECT_ROOT
KNOWLEDGE_FILE_ENV = "INTEGRATIONSLOTSE_KNOWLEDGE_FILE"
DEFAULT_KNOWLEDGE_FILE = settings.path(KNOWLEDGE_FILE_ENV, environ={})

KINDS: Tuple[str, ...] = ("Partner", "Gremium", "Netzwerk")
CONTACT_FIELDS: Tuple[str, ...] = ("phone", "fax", "email", "web")
# What a question can ask for: a contact field or the postal address.
CONTACT_ATTRIBUTES: Tuple[str, ...] = (*CONTACT_FIELDS, "address")

_ID_PATTERN = re.compile(r"^[a-z][a-z0-9_]*$")
_PHONE_PATTERN = re.compile(r"^[0-9][0-9 /\-()+]*[0-9]$")
_EMAIL_PATTERN = re.compile(r"^[^@\s]+@[^@\s]+\.[a-z]{2,}$")
_WEB_PATTERN = re.compile(r"^(https?://)?(www\.)?[a-z0-9.-]+\.[a-z]{2,}(/\S*)?$")
_FIELD_PATTERNS: Dict[str, re.Pattern] = {
    "phone": _PHONE_PATTERN,
    "fax": _PHONE_PATTERN,
    "email": _EMAIL_PATTERN,
    "web": _WEB_PATTERN,
}


# A bullet that opens with one of these continues the sentence of the bullet before ("…, • sowie …").
CONTINUING_ITEM = frozenset({"sowie", "und", "oder"})
# A sentence ends at . ! ? before a capital letter, but not after an abbreviation or a
# number ("bzw. Integrations-", "z. B. Kindergarten", "Zum 1. Oktober").
_SENTENCE_END = re.compile(r"(?<!bzw\.)(?<!z\.B\.)(?<!z\. B\.)(?<!z\.)(?<!u\.a\.)(?<!\d\.)(?<=[.!?])\s+(?=[A-ZÄÖÜ„])")


def _split_sentences(text: str) -> List[str]:
    return [part for part in _SENTENCE_END.split(text) if part]


class KnowledgeError(ValueError):
    """The knowledge file is unreadable or breaks the schema.

    The message names the file, the entry and the field, so a trainer can fix it
    without reading code.
    """


@dataclass(frozen=True)
class ContactItem:
    """One phone number, fax number, e-mail or web address, with an optional note, and how the
    page prints it ("Tel.: …", "E-Mail: … [at] …"): an answer quotes that line as
    its source, while the value stays the form one can dial or copy."""

    value: str
    note: Optional[str] = None
    page: Optional[str] = None


@dataclass(frozen=True)
class Place:
    """Where a partner sits: a city, optionally an address and what is there."""

    city: Optional[str] = None
    address: Optional[str] = None
    label: Optional[str] = None


@dataclass(frozen=True)
class Vocabulary:
    """A target group or topic: an id, a label for answers and everyday words for NLU.

    `words` are German (and the English the NLU was trained with); `translations` are
    the words of the other languages the bot reads, by language code. The NLU is
    generated from `words` only; the understanding step matches `all_words`.
    """

    id: str
    label: str
    words: Tuple[str, ...]
    translations: Mapping[str, Tuple[str, ...]] = field(default_factory=dict, compare=False)
    # Fact-word groups only: other groups a question with a word of this one asks for too
    # ("Was bieten die an?" asks for the partner's tasks, "Aufgaben").
    asks_also: Tuple[str, ...] = ()
    # Target groups only: the groups that, said together, mean this one ("junge Leute" and
    # "Migranten" are the young migrants): a partner for this group fits both at once.
    combines: Tuple[str, ...] = ()

    @property
    def all_words(self) -> Tuple[str, ...]:
        return self.words + tuple(w for words in self.translations.values() for w in words)


@dataclass(frozen=True)
class EmergencyNumber:
    """A number the bot gives before anything else when someone is in danger.

    `names` by language code ("de": "Polizei"); `crisis`: for thoughts of suicide.
    """

    number: str
    names: Mapping[str, str]
    source: str
    crisis: bool = False


@dataclass(frozen=True)
class Safety:
    """Emergency numbers with their source, and the words that signal danger, by language.

    danger: always acute danger or violence ("bedroht mich"); self_harm: thoughts of
    suicide; weak: words that signal danger only when the writer speaks about
    themself ("Gewalt", "Angst"); self: the words of speaking about oneself ("ich", "mir").
    """

    numbers: Tuple[EmergencyNumber, ...]
    danger: Mapping[str, Tuple[str, ...]]
    self_harm: Mapping[str, Tuple[str, ...]]
    weak: Mapping[str, Tuple[str, ...]]
    self_words: Mapping[str, Tuple[str, ...]]


@dataclass(frozen=True)
class Situation:
    """A situation people describe instead of naming its topic ("Der Vermieter gibt mir die
    Wohnung nicht, weil ich Ausländerin bin"): a word from each cue list -> the topic."""

    topic: str
    label: str
    all_of: Tuple[Tuple[str, ...], ...]
    # The same cue lists in the other languages ({"es": (("decide", …), ("ciudad", …), …)}): list i of
    # a language adds to list i of `all_of`, so a message in that language (or mixed) is read too.
    languages: Mapping[str, Tuple[Tuple[str, ...], ...]] = field(default_factory=dict)
    # Cues too weak to tell the situation alone ("nicht", "kein"): "An unserer Schule gibt es keine
    # Lehrerin mit Kopftuch. Ist das überall so?" tells no refusal. A match that needs one of them counts only when
    # the asking sentences seek help with a word of `help_words` ("… wo kann ich mich melden?") or the
    # message asks nothing (a story told on its own).
    weak: Tuple[str, ...] = ()
    help_words: Tuple[str, ...] = ()
    # A remark quoted in the message ("… sagt 'X' zu mir") and a help word tell the situation too: an
    # insult is often told by quoting it, with no word of who one is.
    quoted_remark: bool = False

    def cue_lists(self, language: str) -> Tuple[Tuple[str, ...], ...]:
        """Each cue list with its German words and those of `language` (German only for "de" or a
        language without lists): a short word of one language is another word in the next (Kurmanji
        "na" is no, Portuguese "na" is in the; Spanish "mal" is badly, German "mal" is once)."""
        own = self.languages.get(language)
        return tuple(tuple(dict.fromkeys([*cues, *(own[i] if own else ())])) for i, cues in enumerate(self.all_of))


@dataclass(frozen=True)
class QuotedList:
    """A list of the page quoted as it stands: its lead-in ("Ziel der LAG JSA NRW ist")
    and its items, each a quote of its own, because the page prints them as bullets."""

    lead: str
    items: Tuple[str, ...]
    # The items are whole sentences ("Lehrkräfte … können … übernehmen:" announces the
    # sentences after it): the lead-in and each item are quoted on their own.
    items_stand_alone: bool = False

    def sentences(self) -> Tuple[str, ...]:
        """The sentences the bot can quote: each item read with its lead-in, or, when the
        items stand alone, the lead-in and the items as they are."""
        if self.items_stand_alone:
            return (self.lead, *self.items)
        return self._read_with_lead(self.parts())

    def own_words(self) -> Tuple[str, ...]:
        """For each of `sentences`, the words it is found by: its own item with the lead-in. An item
        quoted with the one it continues is found by its own words, not by the other's as well."""
        if self.items_stand_alone:
            return self.sentences()
        return self._read_with_lead(self.items)

    def _read_with_lead(self, items: Sequence[str]) -> Tuple[str, ...]:
        lead = self.lead.rstrip(":")
        return tuple(f"{lead}: {item}" for item in items)

    def parts(self) -> Tuple[str, ...]:
        """The items, each as a quote: an item that continues the one before comes with it. "Ziel …
        ist • die Interessen junger Menschen …, • sowie die … Anliegen … zu vertreten." is one
        sentence printed as two bullets; its second half alone ("Ziel … ist: sowie die …") is no
        quote. The first half stays an item of its own: it is what "das Ziel?" finds first."""
        parts: List[str] = []
        for item in self.items:
            continues = parts and parts[-1].endswith(",") and item.split(" ", 1)[0] in CONTINUING_ITEM
            parts.append(f"{parts[-1]} {item}" if continues else item)
        return tuple(parts)


# What a trainer can say a question asks for (the studio's choice, stored in `questions`).
TRAINER_ASKED: Tuple[str, ...] = ("summary", "contact", "location")


@dataclass(frozen=True)
class TrainerQuestion:
    """A resident's question a trainer assigned to this partner (studio inbox): no quote, never shown."""

    text: str
    asked: str


@dataclass(frozen=True)
class Partner:
    """One organisation, committee or network of the seed page."""

    id: str
    name: str
    kind: str
    summary: str
    description: str
    source: str
    short_name: Optional[str] = None
    aliases: Tuple[str, ...] = ()
    target_groups: Tuple[str, ...] = ()
    topics: Tuple[str, ...] = ()
    places: Tuple[Place, ...] = ()
    contact: Mapping[str, Tuple[ContactItem, ...]] = field(default_factory=dict)
    facts: Tuple[str, ...] = ()
    lists: Tuple[QuotedList, ...] = ()
    # The summary in simple language (short sentences, no new facts), for short questions.
    simple: Optional[str] = None
    # The description's sentence that says what the partner is, when the first sets the scene
    # ("Jungen werden … dargestellt." before "Vor diesem Hintergrund hat das Ministerium … eine
    # Initiative entwickelt …"): a list says this one of it.
    opening: Optional[str] = None
    # Questions from the inbox that a trainer assigned to this partner (answered without training).
    questions: Tuple[TrainerQuestion, ...] = ()

    @property
    def quoted_sentences(self) -> Tuple[str, ...]:
        """Every sentence the file quotes for this partner: description, facts, list items.

        The fact search indexes exactly these, so a question can only be answered
        with words the page itself says about the partner.
        """
        # "… übernehmen: Aktuell haben …" is one sentence of the description, but the list's lead
        # and item are quoted on their own: the joined one is not indexed a second time.
        listed = [s for quoted in self.lists for s in quoted.sentences()]
        sentences = [s for s in _split_sentences(self.description) if not any(l in s and l != s for l in listed)]
        sentences += [f for f in self.facts if not any(f in s or s in f for s in sentences)]
        sentences += listed
        return tuple(dict.fromkeys(sentences))

    def describes(self, sentence: str) -> bool:
        """The sentence is part of the description, which a single partner's answer shows whole:
        quoting it again after the description would say it twice."""
        return bool(sentence) and sentence in (self.description or "")

    @property
    def opening_sentence(self) -> Optional[str]:
        """The sentence that says what the partner is: `opening`, else its first quoted sentence."""
        return self.opening or next(iter(self.quoted_sentences), None)

    @property
    def display_name(self) -> str:
        """The official name followed by the short form, as counsellors know both."""
        if self.short_name and self.short_name not in self.name:
            return f"{self.name} ({self.short_name})"
        return self.name

    @property
    def names(self) -> Tuple[str, ...]:
        """Every name this partner is asked by: official, short form and aliases."""
        ordered = [self.name, *([self.short_name] if self.short_name else []), *self.aliases]
        return tuple(dict.fromkeys(ordered))

    @property
    def cities(self) -> Tuple[str, ...]:
        """Cities of all places, in file order, without repeats."""
        return tuple(dict.fromkeys(p.city for p in self.places if p.city))

    def contact_items(self, field_name: str) -> Tuple[ContactItem, ...]:
        """The items of one contact field, empty when the seed has none."""
        return tuple(self.contact.get(field_name, ()))


@dataclass(frozen=True)
class GeneralInfo:
    """Facts of the page that belong to no single partner."""

    summary: str
    facts: Tuple[str, ...]
    source: str


@dataclass(frozen=True)
class KnowledgeBase:
    """The whole knowledge file, validated."""

    path: Path
    source_title: str
    source_file: str
    # Where the page is published and when our copy was taken (answers "Woher stammt das?").
    source_site: str
    source_copied: str
    general: GeneralInfo
    partners: Tuple[Partner, ...]
    target_groups: Tuple[Vocabulary, ...]
    topics: Tuple[Vocabulary, ...]
    # Words for phone, fax, e-mail, web and address ("Telefonnummer", "Anschrift", …).
    contact_words: Tuple[Vocabulary, ...] = ()
    # Words that mean the same to the fact search ("gegründet", "Gründung", "entstanden").
    fact_words: Tuple[Vocabulary, ...] = ()
    # How people ask for one kind of fact ("seit wann" -> date); ids in fact_index.ANSWER_EVIDENCE.
    question_words: Tuple[Vocabulary, ...] = ()
    # Words of a message that ask for something other than a fact (source, a list, a place …).
    intent_words: Tuple[Vocabulary, ...] = ()
    # Described situations that lead to a topic (who one is, where, what happened).
    situations: Tuple[Situation, ...] = ()
    # The cities of the partners' places as other languages write them ({"Köln": ("Кёльн", "كولونيا")}).
    city_names: Mapping[str, Tuple[str, ...]] = field(default_factory=dict)
    # Language codes the file has words for; the first is the page's language (de).
    languages: Tuple[str, ...] = ("de",)
    # The small words of a language spaCy has no stop words for ({"ku": ("û", "ji", …)}): the
    # language detector counts them as it counts spaCy's stop words of the others.
    small_words: Mapping[str, Tuple[str, ...]] = field(default_factory=dict)
    safety: Optional[Safety] = None

    def partner(self, partner_id: str) -> Optional[Partner]:
        """The partner with this id, or None."""
        return next((p for p in self.partners if p.id == partner_id), None)

    def target_group(self, group_id: str) -> Optional[Vocabulary]:
        """The target group with this id, or None."""
        return next((g for g in self.target_groups if g.id == group_id), None)

    def topic(self, topic_id: str) -> Optional[Vocabulary]:
        """The topic with this id, or None."""
        return next((t for t in self.topics if t.id == topic_id), None)

    @property
    def cities(self) -> Tuple[str, ...]:
        """Every city any partner sits in, sorted."""
        return tuple(sorted({c for p in self.partners for c in p.cities}))


class _Reader:
    """Reads one mapping of the YAML file and reports errors with their location."""

    def __init__(self, path: Path, where: str, data: Any) -> None:
        self.path = path
        self.where = where
        if not isinstance(data, dict):
            self.fail("muss ein Abschnitt mit Feldern (key: value) sein")
        self.data: Dict[str, Any] = data

    def fail(self, problem: str, field_name: Optional[str] = None) -> None:
        location = f"{self.where}, Feld '{field_name}'" if field_name else self.where
        raise KnowledgeError(f"{self.path}: {location}: {problem}")

    def reject_unknown(self, allowed: Sequence[str]) -> None:
        for key in self.data:
            if key not in allowed:
                self.fail(f"unbekanntes Feld; erlaubt sind: {', '.join(allowed)}", str(key))

    def text(self, key: str, required: bool = True) -> Optional[str]:
        value = self.data.get(key)
        if value is None:
            if required:
                self.fail("fehlt (Pflichtfeld)", key)
            return None
        if not isinstance(value, str) or not value.strip():
            self.fail("muss ein nicht leerer Text sein", key)
        return " ".join(value.split())

    def texts(self, key: str) -> Tuple[str, ...]:
        value = self.data.get(key, [])
        if not isinstance(value, list) or not all(isinstance(v, str) and v.strip() for v in value):
            self.fail("muss eine Liste von Texten sein, z. B. [Wert 1, Wert 2]", key)
        return tuple(" ".join(v.split()) for v in value)


def _read_by_language(reader: _Reader, key: str, languages: Sequence[str]) -> Dict[str, Tuple[str, ...]]:
    """{language code: [words]} of one field; codes must be in the file's `languages`."""
    raw = reader.data.get(key) or {}
    if not isinstance(raw, dict):
        reader.fail("muss je Sprache eine Liste sein, z. B. {tr: [genç, gençler]}", key)
    result: Dict[str, Tuple[str, ...]] = {}
    for language, words in raw.items():
        if language not in languages:
            reader.fail(f"Sprache '{language}' steht nicht unter languages ({', '.join(languages)})", key)
        if not isinstance(words, list) or not all(isinstance(w, str) and w.strip() for w in words):
            reader.fail(f"'{language}' muss eine Liste von Texten sein", key)
        result[str(language)] = tuple(" ".join(w.split()) for w in words)
    return result


def _read_vocabulary(path: Path, section: str, items: Any, languages: Sequence[str] = ("de",)) -> Tuple[Vocabulary, ...]:
    if not isinstance(items, list) or not items:
        raise KnowledgeError(f"{path}: Abschnitt '{section}' muss eine nicht leere Liste sein")
    result: List[Vocabulary] = []
    for index, item in enumerate(items, start=1):
        reader = _Reader(path, f"{section} Nr. {index}", item)
        own_keys = {"fact_words": ("asks_also",), "target_groups": ("combines",)}.get(section, ())
        reader.reject_unknown(("id", "label", "words", "languages", *own_keys))
        item_id = reader.text("id")
        reader.where = f"{section} '{item_id}'"
        if not _ID_PATTERN.match(item_id or ""):
            reader.fail("nur Kleinbuchstaben a-z, Ziffern und _ erlaubt", "id")
        words = reader.texts("words")
        if not words:
            reader.fail("braucht mindestens ein Wort", "words")
        result.append(Vocabulary(id=item_id or "", label=reader.text("label") or "", words=words,
                                 translations=_read_by_language(reader, "languages", languages),
                                 asks_also=reader.texts("asks_also"), combines=reader.texts("combines")))
        if result[-1].combines and len(set(result[-1].combines)) < 2:
            reader.fail("nennt mindestens zwei verschiedene Gruppen, die zusammen gesagt diese meinen", "combines")
    _reject_duplicate_ids(path, section, [v.id for v in result])
    ids = {v.id for v in result}
    for vocabulary in result:
        for key, listed in (("asks_also", vocabulary.asks_also), ("combines", vocabulary.combines)):
            unknown = [i for i in listed if i not in ids]
            if unknown:
                raise KnowledgeError(f"{path}: {section} '{vocabulary.id}', Feld '{key}': "
                                     f"{', '.join(unknown)} ist keine Gruppe aus '{section}'")
    return tuple(result)


def _cue_lists_ok(cues: Any) -> bool:
    return isinstance(cues, list) and all(
        isinstance(c, list) and c and all(isinstance(w, str) and w.strip() for w in c) for c in cues)


def _read_situations(path: Path, items: Any, topic_ids: Sequence[str],
                     languages: Sequence[str] = ("de",)) -> Tuple[Situation, ...]:
    if not isinstance(items, list):
        raise KnowledgeError(f"{path}: Abschnitt 'situations' muss eine Liste sein")
    result = []
    for index, item in enumerate(items, start=1):
        reader = _Reader(path, f"situations Nr. {index}", item)
        reader.reject_unknown(("topic", "label", "all_of", "languages", "weak", "help_words", "quoted_remark"))
        topic = reader.text("topic") or ""
        if topic not in topic_ids:
            reader.fail(f"'{topic}' ist kein Thema aus 'topics'", "topic")
        cues = reader.data.get("all_of")
        if not _cue_lists_ok(cues) or len(cues) < 2:
            reader.fail("braucht mindestens zwei nicht leere Wortlisten", "all_of")
        short = next((w for c in cues for w in c if w.strip().startswith("*") and len(w.strip()) < 4), None)
        if short is not None:
            reader.fail(f"'{short}': eine Wortendung (*…) braucht mindestens drei Buchstaben", "all_of")
        by_language = reader.data.get("languages") or {}
        if not isinstance(by_language, dict):
            reader.fail("muss je Sprache so viele Wortlisten haben wie all_of, z. B. {es: [[…], […]]}", "languages")
        for language, lists in by_language.items():
            if language not in languages:
                reader.fail(f"Sprache '{language}' steht nicht unter languages ({', '.join(languages)})", "languages")
            if not _cue_lists_ok(lists) or len(lists) != len(cues):
                reader.fail(f"'{language}' braucht {len(cues)} nicht leere Wortlisten, wie all_of", "languages")
        weak, help_words = reader.texts("weak"), reader.texts("help_words")
        all_cues = {w.strip() for c in cues for w in c}
        stray = next((w for w in weak if w not in all_cues), None)
        if stray is not None:
            reader.fail(f"'{stray}' steht in keiner Liste von all_of", "weak")
        quoted_remark = reader.data.get("quoted_remark", False)
        if not isinstance(quoted_remark, bool):
            reader.fail("muss true oder false sein", "quoted_remark")
        if (weak or quoted_remark) and not help_words:
            reader.fail("weak und quoted_remark brauchen Wörter einer Bitte um Hilfe (help_words)", "help_words")
        result.append(Situation(
            topic=topic, label=reader.text("label") or "", all_of=tuple(tuple(w.strip() for w in c) for c in cues),
            languages={str(lang): tuple(tuple(w.strip() for w in c) for c in lists)
                       for lang, lists in by_language.items()},
            weak=weak, help_words=help_words, quoted_remark=quoted_remark))
    return tuple(result)


def _read_city_names(path: Path, raw: Any, cities: AbstractSet[str]) -> Dict[str, Tuple[str, ...]]:
    """{city of a partner's place: [the names other languages write it by]}."""
    reader = _Reader(path, "city_names", raw)
    if not isinstance(raw, dict):
        reader.fail("muss je Stadt eine Liste von Namen sein, z. B. {Köln: [Кёльн, Cologne]}")
    result: Dict[str, Tuple[str, ...]] = {}
    for city, names in raw.items():
        if city not in cities:
            reader.fail(f"'{city}' ist keine Stadt aus den Orten der Partner ({', '.join(sorted(cities))})", str(city))
        if not isinstance(names, list) or not all(isinstance(n, str) and n.strip() for n in names):
            reader.fail("muss eine Liste von Namen sein", str(city))
        result[str(city)] = tuple(n.strip() for n in names)
    return result


def _reject_duplicate_ids(path: Path, section: str, ids: Sequence[str]) -> None:
    seen = set()
    for item_id in ids:
        if item_id in seen:
            raise KnowledgeError(f"{path}: {section}: die id '{item_id}' kommt mehrfach vor")
        seen.add(item_id)


def _read_contact(reader: _Reader) -> Dict[str, Tuple[ContactItem, ...]]:
    raw = reader.data.get("contact") or {}
    contact_reader = _Reader(reader.path, reader.where + ", contact", raw)
    contact_reader.reject_unknown(CONTACT_FIELDS)
    contact: Dict[str, Tuple[ContactItem, ...]] = {}
    for field_name, values in raw.items():
        if not isinstance(values, list) or not values:
            contact_reader.fail("muss eine nicht leere Liste sein", field_name)
        items = []
        for value in values:
            if isinstance(value, dict):
                item_reader = _Reader(reader.path, f"{contact_reader.where}.{field_name}", value)
                item_reader.reject_unknown(("value", "note", "page"))
                item = ContactItem(item_reader.text("value") or "", item_reader.text("note", False),
                                   item_reader.text("page", False))
            elif isinstance(value, str):
                item = ContactItem(value.strip())
            else:
                contact_reader.fail("Einträge müssen Text oder {value, note, page} sein", field_name)
            if not _FIELD_PATTERNS[field_name].match(item.value):
                contact_reader.fail(f"'{item.value}' hat nicht die Form eines Werts für {field_name}", field_name)
            items.append(item)
        contact[field_name] = tuple(items)
    return contact


def _item_readers(reader: _Reader, key: str, what: str, allowed: Sequence[str]) -> List[_Reader]:
    """One reader per entry of a list field (places, lists), unknown keys rejected."""
    raw = reader.data.get(key) or []
    if not isinstance(raw, list):
        reader.fail(f"muss eine Liste von {what} sein", key)
    readers = [_Reader(reader.path, f"{reader.where}, {key} Nr. {index}", item) for index, item in enumerate(raw, 1)]
    for item_reader in readers:
        item_reader.reject_unknown(allowed)
    return readers


def _read_places(reader: _Reader) -> Tuple[Place, ...]:
    places = []
    for place_reader in _item_readers(reader, "places", "Orten", ("city", "address", "label")):
        place = Place(
            city=place_reader.text("city", False),
            address=place_reader.text("address", False),
            label=place_reader.text("label", False),
        )
        if not (place.city or place.label):
            place_reader.fail("braucht mindestens 'city' oder 'label'")
        if place.address and place.city and place.city not in place.address:
            place_reader.fail(f"die Adresse muss die Stadt '{place.city}' enthalten", "address")
        places.append(place)
    return tuple(places)


def _read_partner(
    path: Path, index: int, item: Any, group_ids: Sequence[str], topic_ids: Sequence[str]
) -> Partner:
    reader = _Reader(path, f"partners Nr. {index}", item)
    partner_id = reader.text("id") or ""
    reader.where = f"Partner '{partner_id}' (Nr. {index})"
    reader.reject_unknown(
        (
            "id", "name", "short_name", "aliases", "kind", "summary", "simple", "description", "opening",
            "target_groups", "topics", "places", "contact", "facts", "lists", "source", "questions",
        )
    )
    if not _ID_PATTERN.match(partner_id):
        reader.fail("nur Kleinbuchstaben a-z, Ziffern und _ erlaubt", "id")
    kind = reader.text("kind") or ""
    if kind not in KINDS:
        reader.fail(f"'{kind}' ist keine erlaubte Art; erlaubt sind: {', '.join(KINDS)}", "kind")
    groups = reader.texts("target_groups")
    for group in groups:
        if group not in group_ids:
            reader.fail(f"'{group}' steht nicht unter target_groups", "target_groups")
    topics = reader.texts("topics")
    for topic in topics:
        if topic not in topic_ids:
            reader.fail(f"'{topic}' steht nicht unter topics", "topics")
    description = reader.text("description") or ""
    opening = reader.text("opening", False)
    if opening and opening not in _split_sentences(description):
        reader.fail("muss ein ganzer Satz aus `description` sein, wörtlich", "opening")
    return Partner(
        id=partner_id,
        name=reader.text("name") or "",
        short_name=reader.text("short_name", False),
        aliases=reader.texts("aliases"),
        kind=kind,
        summary=reader.text("summary") or "",
        simple=reader.text("simple", False),
        description=description,
        opening=opening,
        target_groups=groups,
        topics=topics,
        places=_read_places(reader),
        contact=_read_contact(reader),
        facts=reader.texts("facts"),
        lists=_read_lists(reader),
        source=reader.text("source") or "",
        questions=_read_questions(reader),
    )


def _read_questions(reader: _Reader) -> Tuple[TrainerQuestion, ...]:
    result = []
    for question_reader in _item_readers(reader, "questions", "{text, asked}", ("text", "asked")):
        asked = question_reader.text("asked") or ""
        if asked not in TRAINER_ASKED:
            question_reader.fail(f"'{asked}' ist nicht erlaubt; erlaubt sind: {', '.join(TRAINER_ASKED)}", "asked")
        result.append(TrainerQuestion(text=question_reader.text("text") or "", asked=asked))
    return tuple(result)


def _read_lists(reader: _Reader) -> Tuple[QuotedList, ...]:
    result = []
    for list_reader in _item_readers(reader, "lists", "{lead, items}", ("lead", "items", "items_stand_alone")):
        items = list_reader.texts("items")
        if not items:
            list_reader.fail("braucht mindestens einen Eintrag", "items")
        stand_alone = list_reader.data.get("items_stand_alone", False)
        if not isinstance(stand_alone, bool):
            list_reader.fail("muss true oder false sein", "items_stand_alone")
        result.append(QuotedList(lead=list_reader.text("lead") or "", items=items, items_stand_alone=stand_alone))
    return tuple(result)


def _read_safety(path: Path, data: Any, languages: Sequence[str]) -> Safety:
    reader = _Reader(path, "safety", data)
    reader.reject_unknown(("numbers", "danger", "self_harm", "weak", "self"))
    numbers = []
    for number_reader in _item_readers(reader, "numbers", "Notrufnummern", ("number", "names", "source", "crisis")):
        number = number_reader.text("number") or ""
        if not _PHONE_PATTERN.match(number):
            number_reader.fail(f"'{number}' hat nicht die Form einer Telefonnummer", "number")
        names = number_reader.data.get("names")
        if not isinstance(names, dict) or not isinstance(names.get(languages[0]), str):
            number_reader.fail(f"braucht je Sprache einen Namen, mindestens '{languages[0]}'", "names")
        unknown = [code for code in names if code not in languages]
        if unknown:
            number_reader.fail(f"Sprache {unknown[0]} steht nicht unter languages", "names")
        numbers.append(EmergencyNumber(number=number, names={str(k): str(v) for k, v in names.items()},
                                       source=number_reader.text("source") or "",
                                       crisis=bool(number_reader.data.get("crisis", False))))
    if not any(not n.crisis for n in numbers):
        reader.fail("braucht mindestens eine Notrufnummer (110, 112)", "numbers")
    return Safety(numbers=tuple(numbers), danger=_read_by_language(reader, "danger", languages),
                  self_harm=_read_by_language(reader, "self_harm", languages),
                  weak=_read_by_language(reader, "weak", languages),
                  self_words=_read_by_language(reader, "self", languages))


def _reject_shared_names(path: Path, partners: Sequence[Partner]) -> None:
    """Two partners answering to the same name would make the bot guess."""
    owner: Dict[str, str] = {}
    for partner in partners:
        for name in partner.names:
            key = name.casefold()
            if key in owner and owner[key] != partner.id:
                raise KnowledgeError(
                    f"{path}: Partner '{partner.id}', Feld 'aliases': der Name '{name}' "
                    f"gehört schon zu Partner '{owner[key]}'"
                )
            owner[key] = partner.id


def parse_knowledge(data: Any, path: Path) -> KnowledgeBase:
    """Validate already-parsed YAML data and build the knowledge base."""
    top = _Reader(path, "Datei", data)
    top.reject_unknown(("source", "languages", "general", "target_groups", "topics", "contact_words", "fact_words",
                        "question_words", "intent_words", "situations", "safety", "partners", "city_names",
                        "small_words"))
    languages = top.texts("languages") if "languages" in data else ("de",)
    if not languages or languages[0] != "de":
        top.fail("die erste Sprache muss de sein (die Sprache der Seite)", "languages")
    source = _Reader(path, "source", data.get("source"))
    source.reject_unknown(("title", "file", "site", "copied"))
    general = _Reader(path, "general", data.get("general"))
    general.reject_unknown(("summary", "facts", "source"))
    target_groups = _read_vocabulary(path, "target_groups", data.get("target_groups"), languages)
    topics = _read_vocabulary(path, "topics", data.get("topics"), languages)
    contact_words = _read_vocabulary(path, "contact_words", data.get("contact_words"), languages)
    for vocabulary in contact_words:
        if vocabulary.id not in CONTACT_ATTRIBUTES:
            raise KnowledgeError(f"{path}: contact_words '{vocabulary.id}', Feld 'id': erlaubt sind "
                                 f"{', '.join(CONTACT_ATTRIBUTES)}")
    raw_partners = data.get("partners")
    if not isinstance(raw_partners, list) or not raw_partners:
        raise KnowledgeError(f"{path}: Abschnitt 'partners' muss eine nicht leere Liste sein")
    group_ids = [g.id for g in target_groups]
    topic_ids = [t.id for t in topics]
    partners = tuple(
        _read_partner(path, i, item, group_ids, topic_ids) for i, item in enumerate(raw_partners, 1)
    )
    _reject_duplicate_ids(path, "partners", [p.id for p in partners])
    _reject_shared_names(path, partners)
    city_names = _read_city_names(path, data.get("city_names") or {}, {c for p in partners for c in p.cities})
    return KnowledgeBase(
        path=path,
        source_title=source.text("title") or "",
        source_file=source.text("file") or "",
        source_site=source.text("site") or "",
        source_copied=source.text("copied") or "",
        general=GeneralInfo(
            summary=general.text("summary") or "",
            facts=general.texts("facts"),
            source=general.text("source") or "",
        ),
        partners=partners,
        target_groups=target_groups,
        topics=topics,
        contact_words=contact_words,
        fact_words=_read_vocabulary(path, "fact_words", data.get("fact_words"), languages),
        question_words=_read_vocabulary(path, "question_words", data.get("question_words"), languages),
        intent_words=_read_vocabulary(path, "intent_words", data.get("intent_words"), languages),
        situations=_read_situations(path, data.get("situations") or [], topic_ids, languages),
        languages=tuple(languages),
        small_words=_read_by_language(top, "small_words", languages),
        city_names=city_names,
        safety=_read_safety(path, data["safety"], languages) if data.get("safety") is not None else None,
    )


def knowledge_file_path() -> Path:
    """The knowledge file to use: $INTEGRATIONSLOTSE_KNOWLEDGE_FILE or the project's."""
    return settings.path(KNOWLEDGE_FILE_ENV) if os.environ.get(KNOWLEDGE_FILE_ENV) else DEFAULT_KNOWLEDGE_FILE


Stamp = Tuple[int, int]


def file_stamp(path: Path) -> Optional[Stamp]:
    """The file's modification time and size, None when it cannot be read: a file whose
    stamp is unchanged need not be parsed again (parsing the knowledge file takes time)."""
    try:
        stat = path.stat()
    except OSError:
        return None
    return stat.st_mtime_ns, stat.st_size


def parse_yaml(text: str) -> Any:
    """YAML as plain data, with libyaml's C parser when PyYAML has it (its wheels do).

    The same data as `yaml.safe_load`, about nine times faster on the knowledge file
    (0.3 s instead of 2.5 s): the action server reloads it after every trainer save,
    and the studio shows it on every page.
    """
    return yaml.load(text, Loader=getattr(yaml, "CSafeLoader", yaml.SafeLoader))


def load_knowledge(path: Optional[Path] = None) -> KnowledgeBase:
    """Read and validate the knowledge file; raise KnowledgeError naming what is wrong."""
    path = Path(path) if path else knowledge_file_path()
    try:
        text = path.read_text(encoding="utf-8")
    except OSError as error:
        raise KnowledgeError(f"{path}: Datei kann nicht gelesen werden ({error.strerror})") from None
    try:
        data = parse_yaml(text)
    except yaml.YAMLError as error:
        mark = getattr(error, "problem_mark", None)
        line = f", Zeile {mark.line + 1}" if mark else ""
        raise KnowledgeError(f"{path}{line}: kein gültiges YAML ({getattr(error, 'problem', error)})") from None
    return parse_knowledge(data, path)
