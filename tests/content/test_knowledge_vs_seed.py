"""The real knowledge file against the seed: complete, every fact traceable to it.

Content tests: they read knowledge/partners.yml and the seed page and name the entry
and field that are wrong. The code that reads the file is tested in tests/unit on a
fixture file (tests/support/knowledge/partners.yml).
"""

from __future__ import annotations

import json
import re

import pytest
import yaml

from actions.knowledge import PROJECT_ROOT, KnowledgeBase, _split_sentences as split_sentences, load_knowledge
from actions.fact_index import points_to_sentence_before
from actions.sources import SEED_FILE, normalise, not_in_source, quoted_texts
from tests.support.fixtures import REAL_KNOWLEDGE_FILE

# Every organisation, committee and network the seed page describes, as a resident
# might name it. Each must resolve to exactly one knowledge-file entry.
SEED_ORGANISATIONS = [
    "Zentrum für Türkeistudien und Integrationsforschung",
    "DOMiD",
    "Elternnetzwerk NRW",
    "Kompetenzzentrum für Integration",
    "Lehrkräfte mit Zuwanderungsgeschichte",
    "Landesintegrationsrat",
    "Integrationsministerkonferenz",
    "Interkulturelle Väterarbeit NRW",
    "Arbeitsgruppe Väter mit Migrationshintergrund",
    "Landesbeirat für Vertriebenen-, Flüchtlings- und Spätaussiedlerfragen",
    "Jugendmigrationsdienste",
    "JMD4YOU",
    "Servicebüro Jugendmigrationsdienste",
    "LAG Jugendsozialarbeit NRW",
    "Landesinitiative Jungenarbeit NRW",
    "Antidiskriminierungsbüros NRW",
    "Beratungsstelle für Sinti und Roma",
    "Landesverband Deutscher Sinti und Roma NRW",
    "Dialog mit muslimischen Verbänden",
]


@pytest.mark.parametrize("name", SEED_ORGANISATIONS)
def test_every_seed_organisation_has_an_entry(directory, name: str) -> None:
    assert directory.find_partner(name) is not None, f"{name} fehlt in knowledge/partners.yml"


def test_seed_organisations_map_to_distinct_entries(directory, knowledge: KnowledgeBase) -> None:
    found = {directory.find_partner(name).id for name in SEED_ORGANISATIONS}
    # JMD4YOU and the Servicebüro belong to the JMD entry, the Väter-AG to Väterarbeit.
    # Trainers may add partners from further sources (knowledge/sources/), so more is fine.
    assert len(found) == len(SEED_ORGANISATIONS) - 3
    assert found <= {p.id for p in knowledge.partners}


def test_repo_seed_is_the_shared_seed() -> None:
    shared = PROJECT_ROOT.parent / "shared" / "seed" / SEED_FILE.name
    if not shared.exists():
        pytest.skip("no ../shared/seed on this machine")
    assert shared.read_bytes() == SEED_FILE.read_bytes()


@pytest.mark.parametrize("partner_id", [p.id for p in load_knowledge(REAL_KNOWLEDGE_FILE).partners])
def test_contact_values_places_and_quotes_are_verbatim_in_the_sources(knowledge, seed_text, partner_id) -> None:
    """The same check `make validate` and the studio make (actions/sources.py)."""
    missing = not_in_source(knowledge.partner(partner_id), seed_text)
    assert not missing, f"{partner_id}: steht nicht in der Quelle: {missing}"


def test_general_facts_are_quotes_from_the_seed(knowledge, seed_text) -> None:
    assert not [f for f in knowledge.general.facts if normalise(f) not in normalise(seed_text)]


# Lines of the page that state nothing a resident could ask about: headings, link
# texts, an image caption, an editor's note. Contact lines are checked above as
# contact values; everything else the page says must be quoted in the knowledge file.
_NOT_STATEMENTS = re.compile(
    r"^(Mehr Informationen|Zur Website|Kontakt|Zu sehen ist das Logo|Die referenzierte Medienquelle fehlt"
    r"|E-Mail:|Tel\.|Fax:|\d)"
)
_SEED_SENTENCE_END = re.compile(r"(?<!bzw\.)(?<!\d\.)(?<=[.!?:])\s+(?=[A-ZÄÖÜ„0-9])")


def _seed_statements(seed_text: str):
    """Sentences (ending in . ! ? :) and list items (bullets) of the page; headings,
    which end without punctuation, are left out."""
    for line in seed_text.splitlines():
        line = normalise(line)
        is_item = bool(re.match(r"^(•|\d\.)\s", line))
        for sentence in _SEED_SENTENCE_END.split(re.sub(r"^(•|\d\.)\s+", "", line)):
            complete = is_item or sentence.endswith((".", "!", "?", ":"))
            if complete and len(sentence.split()) >= 4 and not _NOT_STATEMENTS.match(sentence):
                yield sentence


def test_every_statement_of_the_seed_is_quoted(knowledge: KnowledgeBase, seed_text: str) -> None:
    """The fact search can only find what the file quotes: every sentence of the page
    that states something is under its partner or the general section."""
    texts = [p.description for p in knowledge.partners] + [text for p in knowledge.partners for _, text in quoted_texts(p)]
    texts += list(knowledge.general.facts)
    quoted = " | ".join(normalise(text) for text in texts)
    missing = [s for s in _seed_statements(seed_text) if s not in quoted]
    assert not missing, "Diese Sätze der Quelle fehlen in knowledge/partners.yml (facts):\n" + "\n".join(missing)


def test_every_sentence_of_the_seed_that_names_a_web_address_is_quoted(knowledge: KnowledgeBase,
                                                                       seed_text: str) -> None:
    """"Weitere Informationen zum Projekt unter http://www.lmz-nrw.de/" ends without a full stop, yet it
    says what the address is for: the answer for a web address quotes such a sentence of its partner."""
    quoted = " | ".join(normalise(s) for p in knowledge.partners for s in p.quoted_sentences)
    naming = [s.rstrip(".") for line in seed_text.splitlines() for s in _SEED_SENTENCE_END.split(normalise(line))
              if re.search(r"\bunter (?:https?://|www\.)\S+", s)]
    missing = [s for s in naming if s not in quoted]
    assert naming and not missing, "Diese Sätze der Quelle fehlen in knowledge/partners.yml (facts):\n" + \
        "\n".join(missing)


def test_every_description_is_one_passage_of_the_seed(knowledge: KnowledgeBase, seed_text: str) -> None:
    """A description is shown as what the page says of a partner (its summary, the first of a
    list): its sentences stand on the page one after the other, none of the page's left out
    between them (the ZfTI's "Seitdem hat es sich zu einem wichtigen … Kompetenzzentrum …
    entwickelt" was missing between its first and its third)."""
    seed = re.sub(r"\s+", " ", normalise(seed_text))
    gaps = []
    for partner in knowledge.partners:
        sentences = [re.sub(r"\s+", " ", normalise(s)) for s in split_sentences(partner.description or "")]
        starts = [seed.find(s) for s in sentences]
        for (sentence, start), next_start in zip(zip(sentences, starts), starts[1:]):
            between = seed[start + len(sentence):next_start].strip() if start >= 0 <= next_start else "?"
            if between:
                gaps.append(f"{partner.id}: nach „{sentence[:60]}…“ fehlt „{between[:80]}…“")
    assert not gaps, "Beschreibungen lassen Sätze der Seite aus (description):\n" + "\n".join(gaps)


def test_no_description_opens_with_a_sentence_that_points_back(knowledge: KnowledgeBase) -> None:
    """A description is quoted on its own: its first sentence must say what it is about. The
    Jungen-Initiative's opened with "Vor diesem Hintergrund hat das Ministerium …" and left out
    the background it meant (boys shown as "defizitär und problembeladen")."""
    pointing = [f"{p.id}: „{split_sentences(p.description)[0][:70]}…“" for p in knowledge.partners
                if p.description and points_to_sentence_before(split_sentences(p.description)[0])]
    assert not pointing, "Beschreibung beginnt mit einem Verweis auf den Satz davor:\n" + "\n".join(pointing)


def test_a_sentence_that_points_back_follows_the_one_it_points_to(knowledge: KnowledgeBase, seed_text: str) -> None:
    """An answer quotes the sentence before a "Sie …", "Damit …" or "Vor diesem Hintergrund …"
    with it (actions.fact_index): the one before it among the partner's quoted sentences must be
    the one before it on the page ("Damit werden die MSO … unterstützt" follows the Veranstaltungen,
    not the Austausch of the networks)."""
    seed = re.sub(r"\s+", " ", normalise(seed_text))
    wrong = []
    for partner in knowledge.partners:
        quoted = [re.sub(r"\s+", " ", normalise(s)) for s in partner.quoted_sentences]
        for before, sentence in zip(quoted, quoted[1:]):
            at = seed.find(sentence)
            if points_to_sentence_before(sentence) and at > 0 and not seed[:at].rstrip().endswith(before):
                wrong.append(f"{partner.id}: vor „{sentence[:50]}…“ steht „{before[:50]}…“")
    assert not wrong, "Sätze mit Verweis stehen nicht nach ihrem Vorgänger:\n" + "\n".join(wrong)


def test_numbers_in_summaries_appear_in_seed(knowledge: KnowledgeBase, seed_text: str) -> None:
    for partner in knowledge.partners:
        for number in re.findall(r"\d[\d.,]*", partner.summary):
            assert number.rstrip(".,") in seed_text, f"{partner.id}: Zahl {number} nicht in der Quelle"


def test_every_partner_is_named_as_in_seed(knowledge: KnowledgeBase, seed_text: str) -> None:
    seed = normalise(seed_text).casefold()
    for partner in knowledge.partners:
        assert any(normalise(n).casefold() in seed for n in partner.names), partner.id


def test_general_facts_name_the_law_and_the_population(knowledge: KnowledgeBase) -> None:
    facts = " ".join(knowledge.general.facts)
    assert "vier Millionen Menschen mit Einwanderungsgeschichte" in facts
    assert "Gesetz zur Förderung der gesellschaftlichen Teilhabe und Integration" in facts


def test_buttons_in_domain_responses_name_existing_intents_and_ids(knowledge: KnowledgeBase) -> None:
    domain = yaml.safe_load((PROJECT_ROOT / "domain.yml").read_text(encoding="utf-8"))
    ids = {"partner": {p.id for p in knowledge.partners}, "target_group": {g.id for g in knowledge.target_groups},
           "topic": {t.id for t in knowledge.topics}}
    payloads = [b["payload"] for variants in domain["responses"].values() for v in variants for b in v.get("buttons", [])]
    assert payloads
    for payload in payloads:
        match = re.fullmatch(r"/(\w+)(\{.*\})?", payload)
        assert match and match.group(1) in domain["intents"], payload
        for entity_name, value in json.loads(match.group(2) or "{}").items():
            assert value in ids[entity_name], f"{payload}: '{value}' gibt es in knowledge/partners.yml nicht"
