"""The real knowledge file against the seed: complete, every fact traceable to it.

Content tests: they read knowledge/partners.yml and the seed page and name the entry
and field that are wrong. The code that reads the file is tested in tests/unit on a
fixture file (tests/support/knowledge/partners.yml).
"""

from __future__ import annotations

import json
import re
from pathlib import Path

import pytest
import yaml

from actions.knowledge import PROJECT_ROOT, KnowledgeBase, load_knowledge
from tests.support.fixtures import REAL_KNOWLEDGE_FILE, SEED_FILE, normalise

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


def _contact_values(knowledge: KnowledgeBase):
    for partner in knowledge.partners:
        for field_name, items in partner.contact.items():
            for item in items:
                yield partner.id, field_name, item.value
                if item.note:
                    yield partner.id, f"{field_name}.note", item.note
        for place in partner.places:
            for value in (place.address, place.city, place.label):
                if value:
                    yield partner.id, "places", value


@pytest.mark.parametrize("partner_id,field_name,value", list(_contact_values(load_knowledge(REAL_KNOWLEDGE_FILE))))
def test_contact_and_place_values_are_verbatim_in_seed(seed_text, partner_id, field_name, value) -> None:
    seed = normalise(seed_text)
    # An address is one line per part in the seed ("Seibertzstr. 1\n59821 Arnsberg");
    # a note may join two phrases of the seed with a dash.
    for part in re.split(r", | – ", value):
        assert normalise(part) in seed, f"{partner_id} {field_name}: '{part}' steht nicht in der Quelle"


def _quoted_texts(knowledge: KnowledgeBase):
    for partner in knowledge.partners:
        for sentence in re.split(r"(?<=[.!?])\s+", partner.description):
            yield partner.id, "description", sentence
        for fact in partner.facts:
            yield partner.id, "facts", fact
        for quoted in partner.lists:
            for text in (quoted.lead, *quoted.items):
                yield partner.id, "lists", text
    for fact in knowledge.general.facts:
        yield "general", "facts", fact


@pytest.mark.parametrize("entry,field_name,text", list(_quoted_texts(load_knowledge(REAL_KNOWLEDGE_FILE))))
def test_descriptions_and_facts_are_quotes_from_seed(seed_text, entry, field_name, text) -> None:
    assert normalise(text) in normalise(seed_text), f"{entry} {field_name}: kein Zitat der Quelle: {text}"


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
    texts = [p.description for p in knowledge.partners] + [text for _, _, text in _quoted_texts(knowledge)]
    quoted = " | ".join(normalise(text) for text in texts)
    missing = [s for s in _seed_statements(seed_text) if s not in quoted]
    assert not missing, "Diese Sätze der Quelle fehlen in knowledge/partners.yml (facts):\n" + "\n".join(missing)


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
