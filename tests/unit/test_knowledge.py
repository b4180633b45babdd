"""The knowledge file: complete against the seed, every fact traceable to it, strict schema."""

from __future__ import annotations

import json
import re
import subprocess
import sys
from pathlib import Path
from typing import Any, Dict

import pytest
import yaml

from actions.knowledge import PROJECT_ROOT, KnowledgeBase, KnowledgeError, load_knowledge
from tests.conftest import SEED_FILE, normalise

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


@pytest.mark.parametrize("partner_id,field_name,value", list(_contact_values(load_knowledge())))
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


@pytest.mark.parametrize("entry,field_name,text", list(_quoted_texts(load_knowledge())))
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


# --- schema: a broken file names the file, the entry and the field -----------------

def _raw() -> Dict[str, Any]:
    return yaml.safe_load((PROJECT_ROOT / "knowledge" / "partners.yml").read_text(encoding="utf-8"))


def _partner(data: Dict[str, Any], partner_id: str) -> Dict[str, Any]:
    return next(p for p in data["partners"] if p["id"] == partner_id)


BREAKAGES: Dict[str, tuple] = {
    "missing name": (lambda d: _partner(d, "kfi").pop("name"), ["'kfi'", "'name'", "Pflichtfeld"]),
    "unknown field": (lambda d: _partner(d, "kfi").update(telefon="1"), ["'kfi'", "'telefon'", "unbekannt"]),
    "bad kind": (lambda d: _partner(d, "intmk").update(kind="Verein"), ["'intmk'", "'kind'", "Verein"]),
    "unknown group": (lambda d: _partner(d, "jmd").update(target_groups=["senioren"]), ["'jmd'", "target_groups", "senioren"]),
    "bad phone": (lambda d: _partner(d, "kfi")["contact"].update(phone=["02931 / 82-29OO"]), ["'kfi'", "'phone'"]),
    "bad email": (lambda d: _partner(d, "kfi")["contact"].update(email=["poststelle [at] x.de"]), ["'kfi'", "'email'"]),
    "duplicate id": (lambda d: _partner(d, "domid").update(id="zfti"), ["partners", "'zfti'", "mehrfach"]),
    "shared alias": (lambda d: _partner(d, "domid")["aliases"].append("KfI"), ["'domid'", "aliases", "KfI"]),
    "address without city": (
        lambda d: _partner(d, "kfi")["places"][0].update(address="Seibertzstr. 1"), ["'kfi'", "address", "Arnsberg"]
    ),
}


@pytest.mark.parametrize("breakage", list(BREAKAGES))
def test_broken_file_is_rejected_with_file_entry_and_field(tmp_path: Path, breakage: str) -> None:
    change, expected = BREAKAGES[breakage]
    data = _raw()
    change(data)
    broken = tmp_path / "partners.yml"
    broken.write_text(yaml.safe_dump(data, allow_unicode=True), encoding="utf-8")
    with pytest.raises(KnowledgeError) as error:
        load_knowledge(broken)
    message = str(error.value)
    assert str(broken) in message
    for part in expected:
        assert part in message


def test_invalid_yaml_names_the_line(tmp_path: Path) -> None:
    broken = tmp_path / "partners.yml"
    broken.write_text("partners:\n  - id: x\n    name: [unclosed\n", encoding="utf-8")
    with pytest.raises(KnowledgeError, match=r"partners\.yml, Zeile \d+"):
        load_knowledge(broken)


def test_action_server_refuses_to_start_with_broken_file(tmp_path: Path) -> None:
    data = _raw()
    _partner(data, "kfi").pop("kind")
    broken = tmp_path / "partners.yml"
    broken.write_text(yaml.safe_dump(data, allow_unicode=True), encoding="utf-8")
    result = subprocess.run(
        [sys.executable, "-c", "import actions.actions"],
        cwd=PROJECT_ROOT,
        env={"INTEGRATIONSLOTSE_KNOWLEDGE_FILE": str(broken), "PATH": "/usr/bin:/bin"},
        capture_output=True,
        text=True,
        timeout=120,
    )
    assert result.returncode == 1
    assert str(broken) in result.stderr and "'kfi'" in result.stderr and "'kind'" in result.stderr
    assert "Traceback" not in result.stderr


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
