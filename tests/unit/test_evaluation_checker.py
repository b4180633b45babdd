"""The evaluation's answer checker (tools/evaluate.py) reads quotes as the source check does."""

from __future__ import annotations

import yaml

from actions.knowledge import PROJECT_ROOT
from tools.evaluate import Checker


def test_a_quote_with_the_pages_line_break_hyphen_meets_the_knowledge_files_word(directory) -> None:
    """The page prints "Migrati-onshintergrund"; the knowledge file quotes "Migrationshintergrund"
    (actions.sources.normalise). A quote of other words is still missing."""
    domain = yaml.safe_load((PROJECT_ROOT / "domain.yml").read_text(encoding="utf-8"))
    checker = Checker(directory, domain["responses"])
    answer = ("Jugendmigrationsdienste (JMD):\n„Über 450 Jugendmigrationsdienste (JMD) bundesweit begleiten junge "
              "Menschen mit Migrationshintergrund im Alter von 12 bis 27 Jahren …“")
    seen = checker.check({"partners": ["jmd"], "quote": "begleiten junge Menschen mit Migrati-onshintergrund im Alter"},
                         answer)
    assert "quoted fact missing" not in seen.problems
    other = checker.check({"partners": ["jmd"], "quote": "eine anonyme und kostenlose Onlineberatung"}, answer)
    assert "quoted fact missing" in other.problems


def test_a_missing_field_said_missing_in_the_users_language_is_honest(directory) -> None:
    """A phone number the page does not give, asked in Arabic: the answer that says "not in my documents"
    in Arabic (knowledge/replies.yml) is as honest as the German words; an answer that says nothing of it
    is not."""
    from actions.replies import Replies

    domain = yaml.safe_load((PROJECT_ROOT / "domain.yml").read_text(encoding="utf-8"))
    checker = Checker(directory, domain["responses"])
    partner = next(p for p in directory.partners if not p.contact_items("phone"))
    said = Replies().text("not_stated", "ar", site="chancen.nrw", name=partner.name)
    honest = checker.check({"partners": [partner.id], "field": "phone"}, f"{said}\n{partner.name}")
    assert not honest.problems, honest.problems
    silent = checker.check({"partners": [partner.id], "field": "phone"}, partner.name)
    assert silent.problems == ["no phone known, but the answer does not say so"], silent.problems
