"""The generated NLU vocabulary: fresh, complete, unambiguous."""

from __future__ import annotations

from dataclasses import replace

import pytest
import yaml

from actions.knowledge import KnowledgeBase, KnowledgeError
from actions.spelling import spelling_variants
from scripts import generate_nlu


def _lookup(text: str, entity: str) -> set:
    data = yaml.safe_load(text)
    block = next(b for b in data["nlu"] if b.get("lookup") == entity)
    return {line[2:] for line in block["examples"].splitlines() if line.startswith("- ")}


def _synonyms(text: str) -> dict:
    data = yaml.safe_load(text)
    result = {}
    for block in data["nlu"]:
        if "synonym" in block:
            for line in block["examples"].splitlines():
                result[line[2:].casefold()] = block["synonym"]
    return result


def test_generated_file_on_disk_is_fresh(knowledge: KnowledgeBase) -> None:
    assert generate_nlu.OUTPUT_FILE.read_text(encoding="utf-8") == generate_nlu.render(knowledge), (
        "data/nlu/generated_vocabulary.yml ist veraltet: `make sync` ausführen"
    )


def test_check_mode_reports_a_stale_file(tmp_path, monkeypatch, capsys) -> None:
    stale = tmp_path / "generated_vocabulary.yml"
    stale.write_text("# von Hand geändert\n", encoding="utf-8")
    monkeypatch.setattr(generate_nlu, "OUTPUT_FILE", stale)
    monkeypatch.setattr(generate_nlu, "PROJECT_ROOT", tmp_path)
    assert generate_nlu.main(["--check"]) == 1
    assert "veraltet" in capsys.readouterr().err
    assert generate_nlu.main([]) == 0
    assert generate_nlu.main(["--check"]) == 0


def test_every_partner_name_and_umlaut_free_spelling_maps_to_its_id(knowledge: KnowledgeBase) -> None:
    text = generate_nlu.render(knowledge)
    lookup, synonyms = _lookup(text, "partner"), _synonyms(text)
    for partner in knowledge.partners:
        for name in partner.names:
            for variant in spelling_variants(name):
                assert variant in lookup
                assert synonyms.get(variant.casefold(), partner.id) == partner.id


def test_cities_of_all_places_are_in_the_city_lookup(knowledge: KnowledgeBase) -> None:
    cities = _lookup(generate_nlu.render(knowledge), "city")
    assert {c for p in knowledge.partners for c in p.cities} <= cities
    assert "Koeln" in cities and _synonyms(generate_nlu.render(knowledge))["koeln"] == "Köln"


def test_a_name_with_two_meanings_is_refused(knowledge: KnowledgeBase) -> None:
    first, second = knowledge.partners[0], knowledge.partners[1]
    clash = replace(second, aliases=(*second.aliases, first.name))
    broken = replace(knowledge, partners=(first, clash, *knowledge.partners[2:]))
    with pytest.raises(KnowledgeError, match=first.id):
        generate_nlu.render(broken)
