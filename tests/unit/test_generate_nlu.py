"""The generated NLU vocabulary: fresh, complete, unambiguous."""

from __future__ import annotations

from dataclasses import replace

import pytest
import yaml

from actions.knowledge import KnowledgeBase, KnowledgeError
from actions.spelling import spelling_variants
from scripts.build import generate_nlu


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


@pytest.mark.parametrize("which", ["OUTPUT_FILE", "STORIES_FILE"])
def test_check_mode_reports_a_stale_file(tmp_path, monkeypatch, capsys, which: str) -> None:
    for name in ("OUTPUT_FILE", "STORIES_FILE"):  # both generated afresh, then one edited by hand
        monkeypatch.setattr(generate_nlu, name, tmp_path / getattr(generate_nlu, name).name)
    monkeypatch.setattr(generate_nlu, "PROJECT_ROOT", tmp_path)
    assert generate_nlu.main([]) == 0
    assert generate_nlu.main(["--check"]) == 0
    stale = getattr(generate_nlu, which)
    stale.write_text(stale.read_text(encoding="utf-8") + "# von Hand geändert\n", encoding="utf-8")
    assert generate_nlu.main(["--check"]) == 1
    assert f"{stale.name} ist veraltet" in capsys.readouterr().err
    assert generate_nlu.main([]) == 0
    assert generate_nlu.main(["--check"]) == 0


def test_generated_stories_reach_every_partner(knowledge: KnowledgeBase) -> None:
    stories = yaml.safe_load(generate_nlu.render_stories(knowledge))["stories"]
    reached = {step["slot_was_set"][0]["partner"] for s in stories for step in s["steps"] if "slot_was_set" in step}
    assert reached == {p.id for p in knowledge.partners}


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


def test_contact_words_of_the_knowledge_file_become_lookup_and_synonyms(knowledge: KnowledgeBase) -> None:
    text = generate_nlu.render(knowledge)
    lookup, synonyms = _lookup(text, "contact_attribute"), _synonyms(text)
    assert {c.id for c in knowledge.contact_words} == {"phone", "fax", "email", "web", "address"}
    for vocabulary in knowledge.contact_words:
        for word in vocabulary.words:
            assert word in lookup
            assert synonyms.get(word.casefold(), vocabulary.id) == vocabulary.id
