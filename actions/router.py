"""One router from an understood Question to its answer; the routing rules in one file.

actions.understanding decides *what* is asked; here each `Asked` has exactly one
answer, composed from the knowledge file (actions.answers, knowledge/replies.yml),
and the conversation memory is written back (actions.memory) so that the next
message can say "die", "dort" or "der erste".
"""

from __future__ import annotations

import json
from typing import Any, Callable, Dict, List, Optional, Sequence, Text

from rasa_sdk.executor import CollectingDispatcher

from actions import answers
from actions.directory import PartnerDirectory
from actions.fact_index import Hit
from actions.knowledge import KINDS, Partner
from actions.memory import Memory
from actions.replies import Replies
from actions.understanding import Asked, Question

Events = List[Dict[Text, Any]]
MAX_BUTTONS = 5
MAX_SUBJECTS = 3
SMALL_TALK_RESPONSES = {
    "greet": "utter_greet", "goodbye": "utter_goodbye", "thank": "utter_you_are_welcome",
    "bot_challenge": "utter_iamabot", "ask_capabilities": "utter_capabilities",
}
PARTNER_INTENTS = ("ask_partner_info", "ask_partner_location", "ask_partner_contact")


def partner_buttons(partners: Sequence[Partner], intent: str = "ask_partner_info") -> List[Dict[Text, Text]]:
    """At most five buttons, one per partner; the payload names the partner by id."""
    return [
        {"title": p.short_name or p.name, "payload": f"/{intent}{json.dumps({'partner': p.id})}"}
        for p in partners[:MAX_BUTTONS]
    ]


class Router:
    """Answers one Question: `answer()` sends the messages and returns the slot events."""

    def __init__(self, directory: PartnerDirectory, replies: Replies, dispatcher: CollectingDispatcher,
                 memory: Memory) -> None:
        self.directory = directory
        self.replies = replies
        self.dispatcher = dispatcher
        self.memory = memory
        self.prefix = ""

    def say(self, text: str, buttons: Optional[List[Dict[Text, Text]]] = None) -> None:
        self.dispatcher.utter_message(text=self.prefix + text, buttons=buttons or [])
        self.prefix = ""

    def answer(self, question: Question) -> Events:
        if question.small_talk == "greet":
            self.prefix = self.replies.text("greeting_prefix") + " "
        elif question.small_talk == "thank":
            self.prefix = self.replies.text("thanks_prefix") + " "
        route: Dict[Asked, Callable[[Question], Events]] = {
            Asked.SMALL_TALK: self.small_talk,
            Asked.SOURCE: self.source,
            Asked.FIELDS: self.fields,
            Asked.LOCATION: self.location,
            Asked.FACT: self.fact,
            Asked.NOT_STATED: self.not_stated,
            Asked.SUMMARY: self.summary,
            Asked.HELP: self.help,
            Asked.LIST: self.partner_list,
            Asked.GENERAL: self.general,
            Asked.WHICH_PARTNER: self.which_partner,
            Asked.UNCLEAR: self.unclear,
            Asked.OUT_OF_SCOPE: self.out_of_scope,
        }
        return route[question.asked](question)

    # --- one answer per Asked ------------------------------------------------------------

    def small_talk(self, q: Question) -> Events:
        self.dispatcher.utter_message(response=SMALL_TALK_RESPONSES.get(q.intent, "utter_default"))
        return []

    def source(self, q: Question) -> Events:
        knowledge = self.directory.knowledge
        text = self.replies.text("source", title=self._page_title(), site=knowledge.source_site,
                                 copied=knowledge.source_copied)
        if q.partner is not None:  # "Woher stammen diese Angaben?" about the subject: its section
            text += "\n" + self.replies.text("source_of", name=q.partner.display_name, section=q.partner.source)
        self.say(text)
        return []

    def fields(self, q: Question) -> Events:
        partners = q.partners[:MAX_SUBJECTS]
        for partner in partners:
            if q.fields:
                self.say("\n\n".join(answers.contact_field(partner, f) for f in q.fields))
            else:
                self.say(answers.contact_card(partner))
        return self._remember(q, partners, Asked.FIELDS, q.fields)

    def location(self, q: Question) -> Events:
        partners = q.partners[:MAX_SUBJECTS]
        for partner in partners:
            self.say(answers.location(partner, q.cities[0] if q.cities else None))
        return self._remember(q, partners, Asked.LOCATION)

    def fact(self, q: Question) -> Events:
        hit: Hit = q.fact  # type: ignore[assignment]
        partner = self.directory.knowledge.partner(hit.sentence.partner_id or "")
        self.say(self._quote(hit, partner))
        return self.memory.events([partner.id] if partner else [], Asked.FACT.value, quote=hit.sentence.text)

    def _quote(self, hit: Hit, partner: Optional[Partner]) -> str:
        knowledge = self.directory.knowledge
        if partner is not None:
            text = self.replies.text("fact", name=partner.display_name, quote=hit.sentence.text)
            if hit.also is not None:
                text += "\n" + self.replies.text("fact_also", quote=hit.also.text)
        else:
            # The page's introduction is four sentences: all of them, the asked one among them.
            text = answers.general_info(knowledge.general)
        source = self.replies.text("source_line", site=knowledge.source_site, title=self._page_title(),
                                   section=hit.sentence.source)
        return f"{text}\n{source}"

    def _page_title(self) -> str:
        """"Partner - Gremien - Netzwerke" from "chancen.nrw: Partner - Gremien - Netzwerke"."""
        return self.directory.knowledge.source_title.split(": ")[-1]

    def not_stated(self, q: Question) -> Events:
        """Honest: the page does not say it; then what it does say (summary and contact)."""
        knowledge = self.directory.knowledge
        partners = q.partners[:MAX_SUBJECTS]
        for partner in partners:
            text = self.replies.text("not_stated", site=knowledge.source_site, name=partner.display_name)
            self.say(f"{text} {self.replies.text('not_stated_offer', name=partner.display_name)}\n\n"
                     f"{answers.partner_info(partner)}")
        return self._remember(q, partners, Asked.SUMMARY)

    def summary(self, q: Question) -> Events:
        partners = q.partners[:MAX_SUBJECTS]
        for partner in partners:
            self.say(answers.partner_info(partner))
        return self._remember(q, partners, Asked.SUMMARY)

    def help(self, q: Question) -> Events:
        """Who helps a group or with a topic."""
        if q.wants_all:
            return self.partner_list(q)
        partners = q.partners  # those that fit most of what was said (Understanding._fitting)
        if not partners:
            self.say(answers.ask_which_group(self.directory.knowledge.target_groups))
            return self.memory.events([], Asked.HELP.value)
        matched = [g for g in q.groups if any(g.id in p.target_groups for p in partners)]
        label = matched[0].label if matched else "das Thema " + next(
            t.label for t in q.topics if any(t.id in p.topics for p in partners))
        text = answers.partners_for_group(label, partners)
        return self._list_reply(text, partners, Asked.HELP)

    def partner_list(self, q: Question) -> Events:
        """All partners, or those of a city, topic, target group or kind."""
        directory = self.directory
        if q.cities:
            city = q.cities[0]
            partners = directory.in_city(city) if directory.find_city(city) else []
            if not partners:
                self.say(answers.nothing_in_city(city, directory.knowledge.cities))
                return self.memory.events([], Asked.LIST.value)
            return self._list_reply(answers.partners_for(f"In {city}:", partners), partners, Asked.LIST, buttons=False)
        if q.topics:
            partners = directory.for_topic(q.topics[0].id)
            heading = f"Zum Thema {q.topics[0].label}:"
            return self._list_reply(answers.partners_for(heading, partners), partners, Asked.LIST, buttons=False)
        if q.groups:
            partners = directory.for_target_group(q.groups[0].id)
            text = answers.partners_for_group(q.groups[0].label, partners)
            return self._list_reply(text, partners, Asked.LIST, buttons=False)
        if q.kinds:
            partners = directory.of_kind(q.kinds[0])
            return self._list_reply(answers.partners_for(f"{q.kinds[0]}:", partners), partners, Asked.LIST,
                                    buttons=False)
        sections = [answers.partners_for(f"{k}:", directory.of_kind(k)) for k in KINDS if directory.of_kind(k)]
        self.say(answers.all_partners_heading() + "\n\n" + "\n\n".join(sections))
        partners = [p for k in KINDS for p in directory.of_kind(k)]
        return self.memory.events([], Asked.LIST.value, listed=[p.id for p in partners])

    def general(self, q: Question) -> Events:
        self.say(answers.general_info(self.directory.knowledge.general))
        return []

    def which_partner(self, q: Question) -> Events:
        self.say(answers.ask_which_partner(self.directory.partners))
        return []

    def unclear(self, q: Question) -> Events:
        """"Meinten Sie …?" with the two likeliest intents and "Nein, etwas anderes"."""
        ranking = q.ranking
        offered = PARTNER_INTENTS if q.partners else tuple(answers.INTENT_DESCRIPTIONS)
        candidates = [name for name in ranking if name in offered][:2] or list(offered[:2])
        entities = {"partner": q.partners[0].id} if q.partners else {}
        subject = (q.partners[0].short_name or q.partners[0].name) if q.partners else None
        buttons = [{"title": answers.describe_intent(intent, subject),
                    "payload": f"/{intent}{json.dumps(entities) if entities else ''}"} for intent in candidates]
        buttons.append({"title": answers.NOT_MEANT_BUTTON, "payload": "/out_of_scope"})
        self.dispatcher.utter_message(text=answers.did_you_mean(), buttons=buttons)
        return []

    def out_of_scope(self, q: Question) -> Events:
        self.dispatcher.utter_message(response="utter_out_of_scope")
        return []

    # --- memory -------------------------------------------------------------------------

    def _remember(self, q: Question, partners: Sequence[Partner], asked: Asked, fields: Sequence[str] = ()) -> Events:
        ids = [p.id for p in partners]
        if len(ids) > 1:  # several subjects at once (the list shown before): keep the list
            return self.memory.events(ids, asked.value, fields, listed=ids)
        return self.memory.events(ids, asked.value, fields)

    def _list_reply(self, text: str, partners: Sequence[Partner], asked: Asked, buttons: bool = True) -> Events:
        ids = [p.id for p in partners]
        if len(partners) == 1:
            self.say(text)
            return self.memory.events(ids, asked.value)
        if buttons:
            self.say(text + "\n\n" + answers.choose_prompt(), buttons=partner_buttons(partners))
        else:
            self.say(text)
        return self.memory.events([], asked.value, listed=ids)
