"""`make validate`: the project's own consistency checks, with German messages for trainers.

`rasa data validate` checks Rasa's formats; this adds what makes this bot work:
  - every intent of domain.yml has at least 15 examples (fewer cannot be learnt
    reliably) and is used in a rule or story (otherwise the bot never reacts to it),
  - no example sentence is listed under two intents (the model cannot learn both),
  - no sentence of the held-out test sets (tests/nlu/test_nlu.yml, tests/evaluation/) is
    trained: they measure questions the model has never seen (one-word messages
    such as "Hallo" are exempt: they are vocabulary, not phrasings),
  - every response an action, rule, story or button names exists in domain.yml,
  - every partner of the knowledge file is reached by at least one test story,
  - every fact of every partner appears in one of the bot's answers about it,
  - every quote and contact value is in the seed page or a source text (the trainer
    studio runs the same check before it saves an entry),
  - no question a trainer assigned in the studio is a held-out sentence.
Each message names the file and line (or the knowledge entry) and what to do.
"""

from __future__ import annotations

import argparse
import re
import sys
from collections import defaultdict
from dataclasses import dataclass
from pathlib import Path
from typing import Dict, Iterable, Iterator, List, Optional, Sequence, Tuple

import yaml

from actions.answers import Answers
from actions.replies import Replies
from actions.sources import not_in_source, source_text
from actions.knowledge import CONTACT_ATTRIBUTES, PROJECT_ROOT, KnowledgeBase, KnowledgeError, Partner, load_knowledge

MIN_EXAMPLES = 15
DOMAIN = PROJECT_ROOT / "domain.yml"
DATA = PROJECT_ROOT / "data"
TEST_STORIES = PROJECT_ROOT / "tests" / "nlu" / "stories"
HELD_OUT_NLU = PROJECT_ROOT / "tests" / "nlu" / "test_nlu.yml"
EVALUATION = PROJECT_ROOT / "tests" / "evaluation"
ACTIONS = PROJECT_ROOT / "actions"
# Intents Rasa itself uses, never trained from examples.
RASA_INTENTS = {"nlu_fallback"}


@dataclass(frozen=True)
class Problem:
    """One finding: where (file:line or entry) and what to do, in German."""

    where: str
    message: str

    def __str__(self) -> str:
        return f"{self.where}: {self.message}"


@dataclass(frozen=True)
class Example:
    intent: str
    text: str
    where: str


def _relative(path: Path) -> str:
    try:
        return str(path.relative_to(PROJECT_ROOT))
    except ValueError:  # outside the checked copy (e.g. actions/ in the tests)
        return str(path)


def _yaml_files(folder: Path) -> List[Path]:
    return sorted(folder.rglob("*.yml"))


def _plain(example: str) -> str:
    """The example as a user types it: entity annotations removed."""
    return re.sub(r"\[([^\]]+)\](\([^)]*\)|\{[^}]*\})", r"\1", example).strip()


def _comparable(text: str) -> str:
    """Case, punctuation and spacing do not make two examples different (emoji do)."""
    return " ".join(re.sub(r"[^\w\s]", " ", text.casefold()).split()) or text.strip()


def read_examples(files: Iterable[Path]) -> Iterator[Example]:
    """Every NLU example with its file and line, read from the YAML node tree."""
    for path in files:
        root = yaml.compose(path.read_text(encoding="utf-8"))
        if root is None or not isinstance(root, yaml.MappingNode):
            continue
        for key, value in root.value:
            if key.value != "nlu" or not isinstance(value, yaml.SequenceNode):
                continue
            for block in value.value:
                fields = {k.value: v for k, v in block.value}
                if "intent" not in fields or "examples" not in fields:
                    continue
                node = fields["examples"]
                first_line = node.start_mark.line + (2 if node.style == "|" else 1)
                for offset, line in enumerate(node.value.splitlines()):
                    if line.strip().startswith("- "):
                        yield Example(fields["intent"].value, _plain(line.strip()[2:]),
                                      f"{_relative(path)}:{first_line + offset}")


def _line_of(path: Path, needle: str) -> str:
    for number, line in enumerate(path.read_text(encoding="utf-8").splitlines(), start=1):
        if needle in line:
            return f"{_relative(path)}:{number}"
    return _relative(path)


def check_examples(intents: Sequence[str], examples: List[Example]) -> List[Problem]:
    problems: List[Problem] = []
    by_intent: Dict[str, List[Example]] = defaultdict(list)
    for example in examples:
        by_intent[example.intent].append(example)
    for intent in intents:
        found = by_intent.get(intent, [])
        if len(found) < MIN_EXAMPLES:
            where = found[0].where if found else _line_of(DOMAIN, f"- {intent}")
            problems.append(Problem(where, f"Intent '{intent}' hat nur {len(found)} Beispielsätze, mindestens "
                                           f"{MIN_EXAMPLES} sind nötig. Bitte weitere Formulierungen ergänzen."))
    for intent in sorted(set(by_intent) - set(intents)):
        problems.append(Problem(by_intent[intent][0].where, f"Intent '{intent}' fehlt in domain.yml unter intents. "
                                                           "Bitte dort eintragen oder die Beispiele entfernen."))
    seen: Dict[str, Example] = {}
    for example in examples:
        key = _comparable(example.text)
        first = seen.setdefault(key, example)
        if first.intent != example.intent:
            problems.append(Problem(example.where, f"„{example.text}“ steht schon unter Intent '{first.intent}' "
                                                   f"({first.where}). Ein Satz darf nur zu einem Intent gehören: "
                                                   "bitte an einer Stelle löschen."))
    return problems


def held_out_sentences() -> Dict[str, str]:
    """Comparable form -> where it is held out, for every test and evaluation sentence."""
    held: Dict[str, str] = {}
    if HELD_OUT_NLU.exists():
        for example in read_examples([HELD_OUT_NLU]):
            held.setdefault(_comparable(example.text), example.where)
    for path in sorted(EVALUATION.glob("*.yml")):
        data = yaml.safe_load(path.read_text(encoding="utf-8")) or {}
        texts = [q.get("text", "") for q in data.get("questions") or []]
        texts += [t.get("text", "") for c in data.get("conversations") or [] for t in c.get("turns") or []]
        for text in texts:
            held.setdefault(_comparable(text), _relative(path))
    return held


def trainer_questions(knowledge: KnowledgeBase) -> List[Example]:
    """The questions trainers assigned to partners in the studio: held-out sentences must not be among them."""
    return [Example("", q.text, f"knowledge/partners.yml, Eintrag '{p.id}', Feld 'questions'")
            for p in knowledge.partners for q in p.questions]


def check_held_out(examples: List[Example]) -> List[Problem]:
    held = held_out_sentences()
    return [
        Problem(e.where, f"„{e.text}“ steht auch im Testsatz ({held[_comparable(e.text)]}). Testsätze messen "
                         "Fragen, die das Modell nie gesehen hat: bitte hier löschen oder anders formulieren.")
        for e in examples if len(_comparable(e.text).split()) > 1 and _comparable(e.text) in held
    ]


def _steps(files: Iterable[Path]) -> Iterator[Tuple[Path, dict]]:
    for path in files:
        data = yaml.safe_load(path.read_text(encoding="utf-8")) or {}
        for section in ("rules", "stories"):
            for entry in data.get(section) or []:
                for step in entry.get("steps") or []:
                    yield path, step


def domain_intents(domain: dict) -> List[str]:
    """The intents of domain.yml (an entry may be a name or a mapping with options)."""
    return [i if isinstance(i, str) else next(iter(i)) for i in domain.get("intents", [])]


def check_rules_and_responses(domain: dict, training_files: List[Path], test_files: List[Path]) -> List[Problem]:
    problems: List[Problem] = []
    intents = domain_intents(domain)
    used = {step["intent"] for _, step in _steps(training_files) if "intent" in step}
    for intent in intents:
        if intent not in used:
            problems.append(Problem(_line_of(DOMAIN, f"- {intent}"), f"Intent '{intent}' kommt in keiner Regel und "
                                    "keiner Story unter data/ vor; der Bot würde darauf nicht antworten. "
                                    "Bitte eine Regel in data/rules/ ergänzen."))
    responses = set(domain.get("responses") or {})
    named: List[Tuple[str, str]] = []
    for path, step in _steps(training_files + test_files):
        action = step.get("action", "")
        if action.startswith("utter_"):
            named.append((action, _line_of(path, f"action: {action}")))
    for path in sorted(ACTIONS.glob("*.py")):
        for name in re.findall(r"response=\"(utter_\w+)\"", path.read_text(encoding="utf-8")):
            named.append((name, _line_of(path, name)))
    for name in domain.get("actions") or []:
        if name.startswith("utter_"):
            named.append((name, _line_of(DOMAIN, f"- {name}")))
    for name, where in named:
        if name not in responses:
            problems.append(Problem(where, f"Antwort '{name}' gibt es in domain.yml unter responses nicht. "
                                           "Bitte dort anlegen oder den Namen korrigieren."))
    return problems


def check_test_stories(knowledge: KnowledgeBase, test_files: List[Path]) -> List[Problem]:
    text = "\n".join(p.read_text(encoding="utf-8") for p in test_files)
    reached = set(re.findall(r'"entity": "partner", "value": "(\w+)"', text))
    reached |= set(re.findall(r"^\s*-\s*partner:\s*(\w+)\s*$", text, flags=re.MULTILINE))
    return [Problem(f"knowledge/partners.yml, Eintrag '{p.id}'", "Keine Test-Story erreicht diese Stelle. "
                    "Bitte `make sync` ausführen (erzeugt tests/nlu/stories/generated_partners.yml).")
            for p in knowledge.partners if p.id not in reached]


def facts_of(partner: Partner) -> List[Tuple[str, str]]:
    """(field, value) of every fact the knowledge file holds about a partner."""
    found = [("name", partner.name), ("summary", partner.summary), ("description", partner.description)]
    found += [("facts", fact) for fact in partner.facts]
    found += [(f"places.{key}", value) for place in partner.places
              for key, value in (("city", place.city), ("address", place.address), ("label", place.label)) if value]
    found += [(f"contact.{name}", item.value) for name in partner.contact for item in partner.contact_items(name)]
    return found


def check_facts_answerable(knowledge: KnowledgeBase) -> List[Problem]:
    problems: List[Problem] = []
    answers = Answers(Replies(), knowledge.source_site)
    for partner in knowledge.partners:
        said = "\n".join([
            answers.partner_info(partner), answers.location(partner), answers.contact_card(partner),
            answers.partner_line(partner),
            *(answers.contact_field(partner, f) for f in CONTACT_ATTRIBUTES),
            # Facts and list items are said one at a time, quoted, when a question asks for them.
            *partner.quoted_sentences,
        ])
        for field_name, value in facts_of(partner):
            if value not in said:
                problems.append(Problem(f"knowledge/partners.yml, Eintrag '{partner.id}', Feld '{field_name}'",
                                        f"„{value[:60]}“ kommt in keiner Antwort des Bots vor. Bitte melden: "
                                        "die Antworten in actions/answers.py zeigen dieses Feld nicht."))
    return problems


def run_checks(knowledge: Optional[KnowledgeBase] = None) -> List[Problem]:
    knowledge = knowledge or load_knowledge()
    domain = yaml.safe_load(DOMAIN.read_text(encoding="utf-8"))
    intents = domain_intents(domain)
    training = _yaml_files(DATA)
    tests = _yaml_files(TEST_STORIES)
    examples = list(read_examples(_yaml_files(DATA / "nlu")))
    return [
        *check_examples([i for i in intents if i not in RASA_INTENTS], examples),
        *check_held_out(examples + trainer_questions(knowledge)),
        *check_rules_and_responses(domain, training, tests),
        *check_test_stories(knowledge, tests),
        *check_facts_answerable(knowledge),
        *check_quotes(knowledge),
    ]


def check_quotes(knowledge: KnowledgeBase) -> List[Problem]:
    """Every quote and contact value is in the seed page or a source text (actions/sources.py)."""
    source = source_text()
    return [Problem(f"knowledge/partners.yml, Eintrag '{partner.id}', Feld '{field_name}'",
                    f"„{text[:80]}“ steht so nicht in der Quelle (knowledge/seed/, knowledge/sources/). "
                    "Bitte wörtlich aus der Quelle übernehmen.")
            for partner in knowledge.partners for field_name, text in not_in_source(partner, source)]


def main(argv: Optional[List[str]] = None) -> int:
    argparse.ArgumentParser(description=__doc__.splitlines()[0]).parse_args(argv)
    try:
        problems = run_checks()
    except KnowledgeError as error:
        print(f"FEHLER: {error}", file=sys.stderr)
        return 2
    for problem in problems:
        print(f"FEHLER: {problem}", file=sys.stderr)
    if problems:
        print(f"{len(problems)} Problem(e) gefunden; bitte beheben und `make validate` erneut ausführen.",
              file=sys.stderr)
        return 1
    print("Eigene Prüfungen: alles in Ordnung (Beispiele, Regeln, Antworten, Test-Stories, Fakten).")
    return 0


if __name__ == "__main__":
    sys.exit(main())
