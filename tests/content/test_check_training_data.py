"""The project's own checks of `make validate` find what they promise, with file and line."""

from __future__ import annotations

import shutil
from dataclasses import replace
from pathlib import Path

import pytest

from actions.knowledge import KnowledgeBase, Place
from tools import check_training_data as checks


def test_the_project_passes_its_own_checks(knowledge: KnowledgeBase) -> None:
    assert [str(p) for p in checks.run_checks(knowledge)] == []


@pytest.fixture()
def project_copy(tmp_path: Path, monkeypatch) -> Path:
    """data/, domain.yml and the test stories copied, and the checks pointed at the copy."""
    for name in ("data", "tests/nlu/stories"):
        shutil.copytree(checks.PROJECT_ROOT / name, tmp_path / name)
    shutil.copy(checks.DOMAIN, tmp_path / "domain.yml")
    monkeypatch.setattr(checks, "PROJECT_ROOT", tmp_path)
    monkeypatch.setattr(checks, "DATA", tmp_path / "data")
    monkeypatch.setattr(checks, "DOMAIN", tmp_path / "domain.yml")
    monkeypatch.setattr(checks, "TEST_STORIES", tmp_path / "tests" / "nlu" / "stories")
    return tmp_path


def _messages(knowledge: KnowledgeBase) -> str:
    return "\n".join(str(p) for p in checks.run_checks(knowledge))


def test_new_intent_with_few_examples_and_no_rule_is_reported(project_copy: Path, knowledge) -> None:
    nlu = project_copy / "data" / "nlu" / "oeffnungszeiten.yml"
    nlu.write_text('version: "3.1"\nnlu:\n- intent: ask_opening_hours\n  examples: |\n'
                   "    - Wann hat das KfI geöffnet?\n    - Öffnungszeiten ADB\n", encoding="utf-8")
    domain = project_copy / "domain.yml"
    domain.write_text(domain.read_text(encoding="utf-8").replace("intents:\n", "intents:\n  - ask_opening_hours\n", 1),
                      encoding="utf-8")
    text = _messages(knowledge)
    assert "data/nlu/oeffnungszeiten.yml:5: Intent 'ask_opening_hours' hat nur 2 Beispielsätze" in text
    assert "domain.yml:8: Intent 'ask_opening_hours' kommt in keiner Regel" in text


def test_same_sentence_under_two_intents_names_both_lines(project_copy: Path, knowledge) -> None:
    chitchat = project_copy / "data" / "nlu" / "chitchat.yml"
    lines = chitchat.read_text(encoding="utf-8").splitlines()
    first = next(i for i, line in enumerate(lines) if line.strip() == "- Hallo Bot")
    lines.append("- intent: thank\n  examples: |\n    - hallo bot!")
    chitchat.write_text("\n".join(lines) + "\n", encoding="utf-8")
    text = _messages(knowledge)
    assert f"„hallo bot!“ steht schon unter Intent 'greet' (data/nlu/chitchat.yml:{first + 1})" in text


def test_missing_response_and_unreached_partner_are_reported(project_copy: Path, knowledge) -> None:
    rules = project_copy / "data" / "rules" / "conversation.yml"
    rules.write_text(rules.read_text(encoding="utf-8").replace("utter_goodbye", "utter_tschuess"), encoding="utf-8")
    stories = project_copy / "tests" / "nlu" / "stories"
    (stories / "generated_partners.yml").unlink()
    kept = "\n".join(line for line in (stories / "conversations.yml").read_text(encoding="utf-8").splitlines()
                     if '"value": "kfi"' not in line and "partner: kfi" not in line)
    (stories / "conversations.yml").write_text(kept, encoding="utf-8")
    text = _messages(knowledge)
    assert "Antwort 'utter_tschuess' gibt es in domain.yml unter responses nicht" in text
    assert "Eintrag 'kfi': Keine Test-Story" in text


def test_a_fact_no_answer_shows_is_reported(knowledge: KnowledgeBase, monkeypatch) -> None:
    partner = knowledge.partners[0]
    monkeypatch.setattr(checks, "facts_of", lambda p: [("places.label", "Geheimes Büro")] if p is partner else [])
    text = "\n".join(str(p) for p in checks.check_facts_answerable(knowledge))
    assert f"Eintrag '{partner.id}', Feld 'places.label'" in text and "Geheimes Büro" in text
    # A place label the file really has is shown in an answer.
    labelled = replace(partner, places=(*partner.places, Place(city="Hamm", label="Außenstelle Hamm")))
    assert checks.check_facts_answerable(replace(knowledge, partners=(labelled,))) == []


def test_a_held_out_sentence_copied_into_training_data_is_reported(project_copy: Path, knowledge) -> None:
    held_out = next(s for s in checks.held_out_sentences() if len(s.split()) > 1)  # a test/evaluation sentence
    nlu = project_copy / "data" / "nlu" / "partner_info.yml"
    nlu.write_text(nlu.read_text(encoding="utf-8").replace("  examples: |\n", f"  examples: |\n    - {held_out}\n", 1),
                   encoding="utf-8")
    text = _messages(knowledge)
    assert "data/nlu/partner_info.yml:5:" in text and "steht auch im Testsatz" in text
