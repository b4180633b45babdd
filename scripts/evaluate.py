"""Evaluate the running bot on the held-out evaluation set, over the REST channel.

tests/evaluation/questions.yml and conversations.yml were written fresh, outside
the training data, as residents and counsellors ask. Each expectation is checked
against the knowledge file (which partner must be named, which contact values must
appear or be honestly missing, which cities) or against the domain's fixed replies
(greeting, out of scope, ...). Prints accuracy per category and writes the details
to results/evaluation/<label>.json.
"""

from __future__ import annotations

import argparse
import json
import sys
import tempfile
import uuid
from collections import defaultdict
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, Dict, List, Sequence

import requests
import yaml

from actions.answers import did_you_mean
from actions.directory import PartnerDirectory
from actions.knowledge import PROJECT_ROOT, Partner, load_knowledge
from scripts.local_servers import MODEL, start_servers

EVALUATION_DIR = PROJECT_ROOT / "tests" / "evaluation"
RESULTS_DIR = PROJECT_ROOT / "results" / "evaluation"
HONEST_MISSING = ("keine", "nicht in meinen Unterlagen", "nennen meine Unterlagen")
BEHAVIOUR_RESPONSES = {
    "greet": ["utter_greet"],
    "goodbye": ["utter_goodbye"],
    "thanks": ["utter_you_are_welcome"],
    "bot": ["utter_iamabot"],
    "capabilities": ["utter_capabilities"],
    "no_answer": ["utter_out_of_scope", "utter_default", "utter_ask_rephrase"],
}


@dataclass
class Verdict:
    """The outcome of one checked answer."""

    ok: bool
    problems: List[str] = field(default_factory=list)


class Checker:
    """Checks one answer against one expectation of the evaluation set."""

    def __init__(self, directory: PartnerDirectory, responses: Dict[str, List[Dict[str, Any]]]) -> None:
        self.directory = directory
        self.responses = {name: [v.get("text", "").strip() for v in variants] for name, variants in responses.items()}
        # The German "Meinten Sie …?" of the two-stage fallback also answers nothing wrong.
        self.responses["utter_out_of_scope"].append(did_you_mean())

    @staticmethod
    def names(partner: Partner) -> List[str]:
        return [n for n in (partner.name, partner.short_name) if n]

    def named(self, partner: Partner, answer: str) -> bool:
        return any(name in answer for name in self.names(partner))

    def check(self, expect: Dict[str, Any], answer: str) -> Verdict:
        problems: List[str] = []
        partners = [self.directory.knowledge.partner(pid) for pid in expect.get("partners", [])]
        for partner_id, partner in zip(expect.get("partners", []), partners):
            if partner is None:
                problems.append(f"unknown partner id {partner_id} in the evaluation set")
            elif not self.named(partner, answer):
                problems.append(f"{partner_id} not named")
        field_name = expect.get("field")
        if field_name and partners and partners[0]:
            problems += self._field_problems(partners[0], field_name, answer)
        for city in expect.get("cities", []):
            if city not in answer:
                problems.append(f"city {city} missing")
        behaviour = expect.get("behaviour")
        if behaviour:
            problems += self._behaviour_problems(behaviour, answer, bool(expect.get("partners")))
        return Verdict(not problems, problems)

    def _field_problems(self, partner: Partner, field_name: str, answer: str) -> List[str]:
        if field_name == "address":
            values = [p.address for p in partner.places if p.address]
        else:
            values = [i.value for i in partner.contact_items(field_name)]
        if values:
            return [f"{field_name} {v} missing" for v in values if v not in answer]
        if not any(marker in answer for marker in HONEST_MISSING):
            return [f"no {field_name} known, but the answer does not say so"]
        return []

    def _behaviour_problems(self, behaviour: str, answer: str, expect_partners: bool) -> List[str]:
        if behaviour in BEHAVIOUR_RESPONSES:
            expected = [t for name in BEHAVIOUR_RESPONSES[behaviour] for t in self.responses.get(name, [])]
            if not any(text and text in answer for text in expected):
                return [f"expected the {behaviour} reply"]
            if behaviour == "no_answer":
                rest = answer
                for text in expected:  # the fixed reply itself gives example partner names
                    rest = rest.replace(text, "")
                named = [p.id for p in self.directory.partners if self.named(p, rest)]
                return [f"names partner(s) {named}"] if named else []
            return []
        if behaviour == "general":
            facts = self.directory.knowledge.general.facts
            return [] if all(f in answer for f in facts[:2]) else ["general facts missing"]
        if behaviour == "list":
            if expect_partners:  # e.g. a city with one partner: naming it is the list
                return []
            count = sum(self.named(p, answer) for p in self.directory.partners)
            return [] if count >= 2 else ["not a list of partners"]
        return [f"unknown behaviour {behaviour}"]


def ask(url: str, sender: str, text: str) -> str:
    response = requests.post(url, json={"sender": sender, "message": text}, timeout=60)
    response.raise_for_status()
    return "\n".join(m.get("text", "") for m in response.json())


def evaluate(rasa_url: str, label: str) -> Dict[str, Any]:
    """Ask every question and conversation; return per-category figures and failures."""
    directory = PartnerDirectory(load_knowledge())
    domain = yaml.safe_load((PROJECT_ROOT / "domain.yml").read_text(encoding="utf-8"))
    checker = Checker(directory, domain["responses"])
    url = f"{rasa_url}/webhooks/rest/webhook"
    questions = yaml.safe_load((EVALUATION_DIR / "questions.yml").read_text(encoding="utf-8"))["questions"]
    conversations = yaml.safe_load((EVALUATION_DIR / "conversations.yml").read_text(encoding="utf-8"))["conversations"]
    per_category: Dict[str, List[bool]] = defaultdict(list)
    failures: List[Dict[str, Any]] = []
    for item in questions:
        answer = ask(url, f"eval-{uuid.uuid4().hex[:10]}", item["text"])
        verdict = checker.check(item["expect"], answer)
        per_category[item["category"]].append(verdict.ok)
        if not verdict.ok:
            failures.append({"category": item["category"], "text": item["text"], "problems": verdict.problems, "answer": answer})
    conversation_results: List[bool] = []
    for conversation in conversations:
        sender = f"eval-{uuid.uuid4().hex[:10]}"
        all_ok = True
        for turn in conversation["turns"]:
            answer = ask(url, sender, turn["text"])
            verdict = checker.check(turn["expect"], answer)
            if not verdict.ok:
                all_ok = False
                failures.append({"conversation": conversation["name"], "text": turn["text"], "problems": verdict.problems, "answer": answer})
        conversation_results.append(all_ok)
        per_category[f"conversation:{conversation['category']}"].append(all_ok)
    figures = {category: sum(oks) / len(oks) for category, oks in sorted(per_category.items())}
    summary = {
        "label": label,
        "questions": len(questions),
        "questions_right": sum(ok for c, oks in per_category.items() if not c.startswith("conversation:") for ok in oks),
        "conversations": len(conversations),
        "conversations_right": sum(conversation_results),
        "per_category": figures,
        "failures": failures,
    }
    return summary


def print_summary(summary: Dict[str, Any]) -> None:
    print(f"\nEvaluation ({summary['label']}):")
    print(f"  questions      {summary['questions_right']}/{summary['questions']} "
          f"= {summary['questions_right'] / summary['questions']:.1%}")
    print(f"  conversations  {summary['conversations_right']}/{summary['conversations']} "
          f"= {summary['conversations_right'] / summary['conversations']:.1%}")
    for category, share in summary["per_category"].items():
        print(f"  {category:32s} {share:6.1%}")


def main(argv: Sequence[str]) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--model", type=Path, action="append", help="model(s) to evaluate; default: the project's")
    parser.add_argument("--show-failures", action="store_true")
    args = parser.parse_args(list(argv))
    RESULTS_DIR.mkdir(parents=True, exist_ok=True)
    for model in args.model or [MODEL]:
        label = model.name.replace(".tar.gz", "")
        with tempfile.TemporaryDirectory() as work, start_servers(Path(work), model=model) as bot:
            summary = evaluate(bot.rasa_url, label)
        (RESULTS_DIR / f"{label}.json").write_text(json.dumps(summary, ensure_ascii=False, indent=1), encoding="utf-8")
        print_summary(summary)
        if args.show_failures:
            for failure in summary["failures"]:
                print(f"  ✗ {failure.get('conversation', failure.get('category'))}: {failure['text']!r} {failure['problems']}")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
