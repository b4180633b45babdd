"""Reading the knowledge file: a strict schema; a broken file names the file, the entry and the field.

Runs on the fixture file (tests/support/knowledge/partners.yml), not on the real one.
"""

from __future__ import annotations

import re
import subprocess
import sys
from pathlib import Path
from typing import Any, Dict

import pytest
import yaml

from actions.knowledge import PROJECT_ROOT, KnowledgeError, load_knowledge
from tests.support.fixtures import FIXTURE_KNOWLEDGE_FILE

# --- schema: a broken file names the file, the entry and the field -----------------

def _raw() -> Dict[str, Any]:
    return yaml.safe_load(FIXTURE_KNOWLEDGE_FILE.read_text(encoding="utf-8"))


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
    "list flag not yes/no": (
        lambda d: _partner(d, "jungenarbeit")["lists"][0].update(items_stand_alone="ja"),
        ["'jungenarbeit'", "items_stand_alone", "true oder false"]),
    "situation of no topic": (lambda d: d["situations"][0].update(topic="wohnen"), ["situations", "'wohnen'", "topic"]),
    "fact words asking also for no group": (
        lambda d: next(g for g in d["fact_words"] if g["id"] == "angebot").update(asks_also=["leistung"]),
        ["fact_words 'angebot'", "asks_also", "leistung"]),
    "target group combining an unknown group": (
        lambda d: next(g for g in d["target_groups"] if g["id"] == "junge_migranten").update(
            combines=["junge_menschen", "senioren"]), ["target_groups 'junge_migranten'", "combines", "senioren"]),
    "target group combining one group": (
        lambda d: next(g for g in d["target_groups"] if g["id"] == "junge_migranten").update(combines=["migranten"]),
        ["target_groups 'junge_migranten'", "combines", "zwei"]),
    "situation with one cue list": (lambda d: d["situations"][0].update(all_of=[["Wohnung"]]), ["situations", "all_of"]),
    "situation with a word ending too short to mean anything": (
        lambda d: d["situations"][0]["all_of"][0].append("*er"), ["situations", "'*er'", "all_of"]),
    "situation with fewer cue lists in another language": (
        lambda d: d["situations"][0].update(languages={"tr": [["yabancı"], ["ev"]]}),
        ["situations", "languages", "'tr'", "3"]),
    "situation with a language the file does not serve": (
        lambda d: d["situations"][0].update(languages={"xx": [["a"], ["b"], ["c"]]}),
        ["situations", "languages", "'xx'"]),
    "situation with a weak word of no cue list": (
        lambda d: d["situations"][0].update(weak=["vielleicht"], help_words=["melden"]),
        ["situations", "weak", "'vielleicht'"]),
    "situation with weak words but no help words": (
        lambda d: d["situations"][0].update(weak=[d["situations"][0]["all_of"][-1][0]]), ["situations", "help_words"]),
    "situation with quoted_remark not true or false": (
        lambda d: d["situations"][0].update(quoted_remark="ja"), ["situations", "quoted_remark", "true oder false"]),
    "small words of a language the file does not serve": (
        lambda d: d.update(small_words={"xx": ["a", "b"]}), ["small_words", "'xx'"]),
    "small words not a list": (lambda d: d.update(small_words={"de": "und"}), ["small_words", "'de'", "Liste"]),
    "city name of no partner's city": (
        lambda d: d.setdefault("city_names", {}).update({"Essen": ["Эссен"]}), ["city_names", "'Essen'", "Köln"]),
    "opening not a sentence of the description": (
        lambda d: _partner(d, "jungenarbeit").update(opening="Die Initiative hilft Jungen."),
        ["'jungenarbeit'", "'opening'", "description"]),
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


def test_a_sentence_does_not_end_at_an_abbreviation() -> None:
    """"(z. B. Kindergarten, Schule …)" stays inside its sentence: a sentence cut there
    would be quoted as a fragment ("Kindergarten, Schule …) den spezifischen Belangen …")."""
    knowledge = load_knowledge(FIXTURE_KNOWLEDGE_FILE)
    descriptions = [p for p in knowledge.partners if "z. B. " in p.description]
    assert descriptions, "the fixture has a description with 'z. B.'"
    for partner in knowledge.partners:
        for sentence in partner.quoted_sentences:
            assert not re.search(r"\b(z\. ?B|bzw|u\.a)\.$", sentence), (partner.id, sentence)


def test_a_description_sentence_joining_a_lists_lead_and_item_is_not_quoted_twice() -> None:
    """The page writes "… übernehmen: Aktuell haben …" as one sentence; the file quotes the lead-in
    and the item as a list. The joined sentence of the description is not a third quote, which
    would win the fact search over the list and cut it off."""
    import dataclasses

    from actions.knowledge import QuotedList

    partner = next(p for p in load_knowledge(FIXTURE_KNOWLEDGE_FILE).partners if len(p.facts) >= 2)
    lead, item = partner.facts[0].rstrip(".") + ":", partner.facts[1]
    quoted = QuotedList(lead=lead, items=(item,), items_stand_alone=True)
    joined = f"{lead} {item}"
    changed = dataclasses.replace(partner, description=f"{partner.description} {joined}", facts=(), lists=(quoted,))
    assert joined not in changed.quoted_sentences
    assert lead in changed.quoted_sentences and item in changed.quoted_sentences


def test_a_bullet_that_continues_the_one_before_is_quoted_with_it() -> None:
    """The page prints "Ziel … ist • die Interessen …, • sowie die … Anliegen … zu vertreten." as two
    bullets of one sentence: the second half alone ("Ziel … ist: sowie die …") is no quote; it comes
    with the first. The first half stays an item of its own, and items that stand apart stay apart."""
    from actions.knowledge import QuotedList

    quoted = QuotedList(lead="Ziel ist", items=("die Interessen der Eltern,", "sowie die der Kinder zu vertreten."))
    assert quoted.sentences() == ("Ziel ist: die Interessen der Eltern,",
                                  "Ziel ist: die Interessen der Eltern, sowie die der Kinder zu vertreten.")
    apart = QuotedList(lead="Aufgaben sind", items=("die Beratung,", "die Förderung,"))
    assert apart.sentences() == ("Aufgaben sind: die Beratung,", "Aufgaben sind: die Förderung,")
