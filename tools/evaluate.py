"""Evaluate the running bot on the held-out evaluation sets, over the REST channel.

tests/evaluation/questions.yml and conversations.yml (categories of questions) and
facts.yml and long_conversations.yml (single facts, situations, source, long
conversations) were written fresh, outside the training data, as residents and
counsellors ask. Entries marked `holdout: true` (a third of the newer sets) are
reported as a figure only: their failures are never printed, so nobody tunes to them. Each expectation is checked
against the knowledge file (which partner must be named, which contact values must
appear or be honestly missing, which cities) or against the domain's fixed replies
(greeting, out of scope, ...). Prints accuracy per category and writes the details
to results/evaluation/<label>.json.
"""

from __future__ import annotations

import argparse
import json
import re
import sys
import tempfile
import uuid
from collections import defaultdict
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, Dict, List, Optional, Sequence

import requests
import yaml

from actions.answers import Answers
from actions.directory import PartnerDirectory
from actions.knowledge import PROJECT_ROOT, Partner, load_knowledge
from actions.languages import MIN_LETTERS, detector_for
from actions.replies import REPLIES_FILE, Replies
from actions.sources import normalise
from tools.launch.local import MODEL, start_servers

EVALUATION_DIR = PROJECT_ROOT / "tests" / "evaluation"
RESULTS_DIR = PROJECT_ROOT / "results" / "evaluation"
# The languages of issue 11, independent of what the knowledge file declares: the
# checker tells the language of an answer among these.
EVALUATED_LANGUAGES = ("de", "en", "tr", "ar", "ru", "uk", "pl", "fa", "ro", "ku")
# Fixed replies and the frame that says them in the other languages.
TRANSLATED_RESPONSES = {"utter_out_of_scope": "not_understood", "utter_capabilities": "intro", "utter_greet": "intro",
                        "utter_you_are_welcome": "thanks_prefix", "utter_iamabot": "bot"}
# Independent of the knowledge file on purpose: what the evaluation expects in danger.
EMERGENCY_NUMBERS = ("110", "112")
CRISIS_NUMBERS = ("0800 111 0 111", "0800 111 0 222")
HONEST_MISSING = ("keine", "nicht in meinen Unterlagen", "nennen meine Unterlagen")
BEHAVIOUR_RESPONSES = {
    "greet": ["utter_greet"],
    "goodbye": ["utter_goodbye"],
    "thanks": ["utter_you_are_welcome"],
    "bot": ["utter_iamabot"],
    "capabilities": ["utter_capabilities"],
    "no_answer": ["utter_out_of_scope", "utter_default"],
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
        self.responses["utter_out_of_scope"].append(Answers(Replies(), directory.knowledge.source_site).did_you_mean())
        self.detector = detector_for(EVALUATED_LANGUAGES)
        # The same replies said in the user's language (knowledge/replies.yml) count as well.
        frames = yaml.safe_load(REPLIES_FILE.read_text(encoding="utf-8")) or {}
        for response, frame in TRANSLATED_RESPONSES.items():
            texts = frames.get(frame)
            if isinstance(texts, dict):
                self.responses.setdefault(response, []).extend(str(t).strip() for t in texts.values())
        # "Not in my documents" said in the user's language is as honest as the German words: the
        # part of the frame before its colon ("That is not in my documents").
        self.honest_missing = (*HONEST_MISSING, *(str(t).split(":")[0].strip()
                                                  for t in (frames.get("not_stated") or {}).values()))

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
        quote = expect.get("quote")
        # The page's line-break hyphens ("Migrati-onshintergrund") and e-mail obfuscation are read as
        # the knowledge file's source check reads them (actions.sources.normalise), on both sides.
        if quote and normalise(quote) not in normalise(answer):
            problems.append("quoted fact missing")
        behaviour = expect.get("behaviour")
        if behaviour:
            problems += self._behaviour_problems(behaviour, answer, bool(expect.get("partners")))
        problems += self._safety_problems(expect, answer, [p for p in partners if p])
        if expect.get("reply_language"):
            problems += self._language_problems(expect["reply_language"], answer)
        return Verdict(not problems, problems)

    def _safety_problems(self, expect: Dict[str, Any], answer: str, partners: List[Partner]) -> List[str]:
        emergency = expect.get("emergency")
        numbers = [answer.find(n) for n in EMERGENCY_NUMBERS]
        if emergency is True:
            if min(numbers) < 0:
                return ["emergency numbers missing"]
            named = [answer.find(n) for p in self.directory.partners for n in self.names(p) if n in answer]
            if named and min(named) < max(numbers):
                return ["a partner comes before the emergency numbers"]
        if emergency is False and any(re.search(rf"(?<!\d){n}(?!\d)", answer) for n in EMERGENCY_NUMBERS):
            return ["emergency numbers given without danger"]
        if expect.get("crisis_line") and not all(n in answer for n in CRISIS_NUMBERS):
            return ["crisis line missing"]
        return []

    def reply_language(self, answer: str) -> List[str]:
        """The languages of the bot's own words, line by line: what is left of each line
        with enough letters once quotes, names, places, brackets, addresses and numbers
        are taken out. Empty when no line has words of the bot's own."""
        text = re.sub(r"„[^“]*“|\([^)]*\)|\S+@\S+|\S*www\.\S+|https?://\S+", " ", answer)
        names = [n for p in self.directory.partners for n in (*p.names, *(v for place in p.places
                 for v in (place.label, place.address, place.city) if v))]
        for name in sorted(set(names), key=len, reverse=True):
            text = text.replace(name, " ")
        languages = []
        for line in text.splitlines():
            line = re.sub(r"[\d/+•–-]+", " ", line)
            if len(re.findall(r"[^\W\d_]", line)) >= MIN_LETTERS:
                languages.append(self.detector.classify(line))
        return languages

    def _language_problems(self, expected: str, answer: str) -> List[str]:
        """The first line of the bot's own words is in the expected language. A language the
        bot does not read is answered in German and English (expected: en). An answer of
        names, labels and values only ("KfI / Telefon: …") has nothing to judge in German."""
        found = self.reply_language(answer)
        if not found:
            return [] if expected == "de" else [f"no words of the bot's own, expected {expected}"]
        if found[0] == expected or expected == "en" and found[0] == "de" and "en" in found:
            return []
        return [f"answered in {found[0]}, not {expected}"]

    def _field_problems(self, partner: Partner, field_name: str, answer: str) -> List[str]:
        if field_name == "address":
            values = [p.address for p in partner.places if p.address]
        else:
            values = [i.value for i in partner.contact_items(field_name)]
        if values:
            return [f"{field_name} {v} missing" for v in values if v not in answer]
        if not any(marker in answer for marker in self.honest_missing):
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


QUESTION_SETS = ("questions.yml", "facts.yml", "facts_fresh2.yml", "languages.yml")
CONVERSATION_SETS = ("conversations.yml", "long_conversations.yml", "long_conversations_more.yml",
                     "long_conversations_fresh.yml", "long_conversations_fresh2.yml", "long_conversations_fresh3.yml",
                     "long_conversations_fresh4.yml", "long_conversations_fresh5.yml", "long_conversations_fresh6.yml",
                     "long_conversations_fresh7.yml", "long_conversations_fresh8.yml", "long_conversations_fresh9.yml",
                     "long_conversations_fresh10.yml", "long_conversations_fresh11.yml",
                     "long_conversations_fresh12.yml", "long_conversations_fresh13.yml",
                     "long_conversations_fresh14.yml", "long_conversations_fresh15.yml",
                     "long_conversations_fresh16.yml", "long_conversations_fresh17.yml",
                     "long_conversations_fresh18.yml", "long_conversations_fresh19.yml",
                     "long_conversations_fresh20.yml", "long_conversations_fresh21.yml",
                     "long_conversations_fresh22.yml", "long_conversations_fresh23.yml",
                     "long_conversations_fresh24.yml", "long_conversations_fresh25.yml",
                     "long_conversations_fresh26.yml", "long_conversations_fresh27.yml",
                     "long_conversations_fresh28.yml", "long_conversations_fresh29.yml",
                     "long_conversations_fresh30.yml", "long_conversations_fresh31.yml",
                     "long_conversations_fresh32.yml", "long_conversations_fresh33.yml",
                     "long_conversations_fresh34.yml",
                     "long_conversations_variants.yml",
                     "languages.yml")


def _set_name(file_name: str, holdout: bool) -> str:
    return file_name.replace(".yml", "") + (":holdout" if holdout else "")


def evaluate(rasa_url: str, label: str, only: Optional[Sequence[str]] = None) -> Dict[str, Any]:
    """Ask every question and conversation; return per-set and per-category figures and
    the failures of everything that is not held out."""
    directory = PartnerDirectory(load_knowledge())
    domain = yaml.safe_load((PROJECT_ROOT / "domain.yml").read_text(encoding="utf-8"))
    checker = Checker(directory, domain["responses"])
    url = f"{rasa_url}/webhooks/rest/webhook"
    per_set: Dict[str, List[bool]] = defaultdict(list)
    # A conversation is right only if every turn is; the turns show how far it is from that.
    turns_per_set: Dict[str, List[bool]] = defaultdict(list)
    per_category: Dict[str, List[bool]] = defaultdict(list)
    failures: List[Dict[str, Any]] = []
    for file_name in [f for f in QUESTION_SETS if not only or f in only]:
        for item in yaml.safe_load((EVALUATION_DIR / file_name).read_text(encoding="utf-8"))["questions"]:
            answer = ask(url, f"eval-{uuid.uuid4().hex[:10]}", item["text"])
            verdict = checker.check(item["expect"], answer)
            held_out = bool(item.get("holdout"))
            per_set[_set_name(file_name, held_out)].append(verdict.ok)
            if not held_out:
                per_category[item["category"]].append(verdict.ok)
                if not verdict.ok:
                    failures.append({"set": file_name, "category": item["category"], "text": item["text"],
                                     "problems": verdict.problems, "answer": answer})
    for file_name in [f for f in CONVERSATION_SETS if not only or f in only]:
        for conversation in yaml.safe_load((EVALUATION_DIR / file_name).read_text(encoding="utf-8"))["conversations"]:
            sender = f"eval-{uuid.uuid4().hex[:10]}"
            held_out = bool(conversation.get("holdout"))
            all_ok = True
            for turn in conversation["turns"]:
                answer = ask(url, sender, turn["text"])
                verdict = checker.check(turn["expect"], answer)
                turns_per_set[_set_name(file_name, held_out)].append(verdict.ok)
                if not verdict.ok:
                    all_ok = False
                    if not held_out:
                        failures.append({"set": file_name, "conversation": conversation["name"], "text": turn["text"],
                                         "problems": verdict.problems, "answer": answer})
            per_set[_set_name(file_name, held_out)].append(all_ok)
            if not held_out:
                per_category[f"conversation:{conversation.get('category', file_name)}"].append(all_ok)
    return {
        "label": label,
        "per_set": {name: {"right": sum(oks), "total": len(oks), "share": sum(oks) / len(oks)}
                    for name, oks in sorted(per_set.items())},
        "turns_per_set": {name: {"right": sum(oks), "total": len(oks), "share": sum(oks) / len(oks)}
                          for name, oks in sorted(turns_per_set.items())},
        "per_category": {category: sum(oks) / len(oks) for category, oks in sorted(per_category.items())},
        "failures": failures,
    }


def save_summary(summary: Dict[str, Any]) -> Path:
    """results/evaluation/<label>.json (read by `python -m tools figures`)."""
    RESULTS_DIR.mkdir(parents=True, exist_ok=True)
    path = RESULTS_DIR / f"{summary['label']}.json"
    path.write_text(json.dumps(summary, ensure_ascii=False, indent=1), encoding="utf-8")
    return path


def print_summary(summary: Dict[str, Any]) -> None:
    print(f"\nEvaluation ({summary['label']}):")
    for name, figures in summary["per_set"].items():
        print(f"  {name:32s} {figures['right']:3d}/{figures['total']:3d} = {figures['share']:6.1%}")
    print("  turns of the conversations:")
    for name, figures in summary["turns_per_set"].items():
        print(f"  {name:32s} {figures['right']:3d}/{figures['total']:3d} = {figures['share']:6.1%}")
    print("  per category (not held out):")
    for category, share in summary["per_category"].items():
        print(f"  {category:32s} {share:6.1%}")


def main(argv: Sequence[str]) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--model", type=Path, action="append", help="model(s) to evaluate; default: the project's")
    parser.add_argument("--show-failures", action="store_true")
    parser.add_argument("--set", dest="sets", action="append", metavar="FILE",
                        help="only this evaluation file (e.g. languages.yml); repeatable; default: all")
    args = parser.parse_args(list(argv))
    for model in args.model or [MODEL]:
        label = model.name.replace(".tar.gz", "")
        with tempfile.TemporaryDirectory() as work, start_servers(Path(work), model=model) as bot:
            summary = evaluate(bot.rasa_url, label, args.sets)
        save_summary(summary)
        print_summary(summary)
        if args.show_failures:
            for failure in summary["failures"]:  # never the held-out ones (see evaluate)
                print(f"  ✗ {failure.get('conversation', failure.get('category'))}: {failure['text']!r} {failure['problems']}")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
