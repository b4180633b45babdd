"""Rasa custom actions: one per question type, each a thin layer over the directory.

The knowledge file is loaded when the action server imports this module, and
reloaded when a trainer saves a change (actions/live_knowledge.py), so changed facts
are live without retraining. A broken file at start stops the action server with
exit code 1 and a message naming the file, the entry and the field: serving wrong or
partial facts is worse than not starting.

Every answer records the question type in the `last_question` slot, so that a
follow-up ("und vom Landesintegrationsrat?", "und in Siegen?") can ask the same
thing about another partner or city.
"""

from __future__ import annotations

import json
import logging
import sys
from abc import ABC, abstractmethod
from typing import Any, Dict, List, Optional, Text

from rasa_sdk import Action, Tracker
from rasa_sdk.events import SlotSet
from rasa_sdk.executor import CollectingDispatcher

from actions import answers
from actions.directory import PartnerDirectory
from actions.knowledge import KINDS, KnowledgeError, Partner
from actions.live_knowledge import LiveKnowledge
from actions.request import Request, read_request

logger = logging.getLogger(__name__)

PARTNER_SLOT = "partner"
LAST_QUESTION_SLOT = "last_question"
OFFERED_SLOT = "offered_partners"
MAX_BUTTONS = 5

INFO, LOCATION, CONTACT, GROUP, LIST = "info", "location", "contact", "group", "list"
PARTNER_INTENTS = ("ask_partner_info", "ask_partner_location", "ask_partner_contact")
Events = List[Dict[Text, Any]]


def load_live_knowledge() -> LiveKnowledge:
    """Load the knowledge file or stop the process with a message a trainer can act on."""
    try:
        return LiveKnowledge()
    except KnowledgeError as error:
        message = f"Die Wissensdatei ist fehlerhaft, der Action-Server startet nicht.\n{error}"
        logger.error(message)
        print(message, file=sys.stderr)
        raise SystemExit(1) from None


KNOWLEDGE = load_live_knowledge()


class UsesKnowledge:
    """Gives an action the knowledge file as it is now (reloaded after a trainer's edit)."""

    knowledge: LiveKnowledge = KNOWLEDGE

    @property
    def directory(self) -> PartnerDirectory:
        return self.knowledge.current()


def partner_buttons(partners: List[Partner], intent: str = "ask_partner_info") -> List[Dict[Text, Text]]:
    """At most five buttons, one per partner; the payload names the partner by id."""
    return [
        {"title": p.short_name or p.name, "payload": f"/{intent}{json.dumps({'partner': p.id})}"}
        for p in partners[:MAX_BUTTONS]
    ]


class Answerer:
    """Answers one question type for a request; shared by the actions and the follow-up."""

    def __init__(self, directory: PartnerDirectory, dispatcher: CollectingDispatcher) -> None:
        self.directory = directory
        self.dispatcher = dispatcher

    def say(self, text: str, buttons: Optional[List[Dict[Text, Text]]] = None) -> None:
        self.dispatcher.utter_message(text=text, buttons=buttons or [])

    def about_partner(self, question: str, request: Request) -> Events:
        """info / location / contact for the partner(s) of the request."""
        # Named now, else the one talked about, else those just offered as a choice (at most 3).
        partners = request.partners or ([request.previous_partner] if request.previous_partner else [])
        partners = partners or request.offered_partners[:3]
        if not partners:
            if request.groups or request.topics:
                return self.for_group(request)
            if request.cities and question == LOCATION:
                return self.partner_list(request)
            self.say(answers.ask_which_partner(self.directory.partners))
            return []
        fields = list(request.fields)
        for partner in partners[:3]:
            if question == INFO:
                self.say(answers.partner_info(partner))
            elif question == LOCATION and request.asks_about_past and answers.facts_with_figures(partner):
                self.say(answers.partner_figures(partner))  # "In welcher Stadt war das?" -> the founding
            elif question == LOCATION:
                self.say(answers.location(partner, request.cities[0] if request.cities else None))
            elif fields:
                self.say("\n\n".join(answers.contact_field(partner, f) for f in fields))
            else:
                self.say(answers.contact_card(partner))
        last = f"{CONTACT}:{','.join(fields)}" if question == CONTACT and fields else question
        if len(partners) > 1 and not request.partners:  # still talking about the offered ones
            return [SlotSet(LAST_QUESTION_SLOT, last)]
        return [SlotSet(PARTNER_SLOT, partners[0].id), SlotSet(LAST_QUESTION_SLOT, last), SlotSet(OFFERED_SLOT, None)]

    def figures(self, partners: List[Partner]) -> Events:
        """The numbers and dates of these partners (at most 3), quoted from the knowledge file."""
        for partner in partners[:3]:
            self.say(answers.partner_figures(partner))
        return [SlotSet(PARTNER_SLOT, partners[0].id), SlotSet(LAST_QUESTION_SLOT, INFO), SlotSet(OFFERED_SLOT, None)]

    def for_group(self, request: Request) -> Events:
        """Who helps a target group (or with a topic); buttons when several fit.

        A message may mention several groups and topics ("Meine Eltern sind
        Spätaussiedler ... ein Gremium"): the partners that fit the most of what was
        said (groups, topics, kind) are answered, not just those of the first word.
        """
        scores: Dict[str, int] = {}
        for partner in self.directory.partners:
            score = sum(g.id in partner.target_groups for g in request.groups)
            score += sum(t.id in partner.topics for t in request.topics)
            if score:
                scores[partner.id] = score + (partner.kind in request.kinds)
        if not scores:
            self.say(answers.ask_which_group(self.directory.knowledge.target_groups))
            return [SlotSet(LAST_QUESTION_SLOT, GROUP)]
        best = max(scores.values())
        partners = [p for p in self.directory.partners if scores.get(p.id) == best]
        matched = [g for g in request.groups if any(g.id in p.target_groups for p in partners)]
        label = matched[0].label if matched else "das Thema " + next(
            t.label for t in request.topics if any(t.id in p.topics for p in partners)
        )
        return self._group_reply(answers.partners_for_group(label, partners), partners)

    def _group_reply(self, text: str, partners: List[Partner]) -> Events:
        if len(partners) == 1:
            self.say(text)
            return [SlotSet(PARTNER_SLOT, partners[0].id), SlotSet(LAST_QUESTION_SLOT, GROUP), SlotSet(OFFERED_SLOT, None)]
        self.say(text + "\n\n" + answers.choose_prompt(), buttons=partner_buttons(partners))
        # The choice replaces the partner talked about before: "Geht das auch online?" is
        # now about the offered partners.
        return [SlotSet(LAST_QUESTION_SLOT, GROUP), SlotSet(PARTNER_SLOT, None),
                SlotSet(OFFERED_SLOT, [p.id for p in partners[:MAX_BUTTONS]])]

    def partner_list(self, request: Request) -> Events:
        """All partners, or those of a city, topic, target group or kind."""
        directory = self.directory
        if request.partners and not (request.cities or request.topics or request.groups or request.kinds):
            return self.about_partner(INFO, request)  # "gibts ein elternetzwerk in nrw"
        if request.cities:
            city = request.cities[0]
            if directory.find_city(city) is None:
                self.say(answers.nothing_in_city(city, directory.knowledge.cities))
            else:
                self.say(answers.partners_for(f"In {city}:", directory.in_city(city)))
        elif request.topics:
            topic = request.topics[0]
            self.say(answers.partners_for(f"Zum Thema {topic.label}:", directory.for_topic(topic.id)))
        elif request.groups:
            group = request.groups[0]
            self.say(answers.partners_for_group(group.label, directory.for_target_group(group.id)))
        elif request.kinds:
            self.say(answers.partners_for(f"{request.kinds[0]}:", directory.of_kind(request.kinds[0])))
        else:
            sections = [answers.partners_for(f"{k}:", directory.of_kind(k)) for k in KINDS if directory.of_kind(k)]
            self.say(answers.all_partners_heading() + "\n\n" + "\n\n".join(sections))
        return [SlotSet(LAST_QUESTION_SLOT, LIST)]


class DirectoryAction(UsesKnowledge, Action, ABC):
    """Base of all answering actions: reads the request and answers one question type.

    Abstract (no name), so that rasa-sdk does not register it as an action of its own.
    """

    question = INFO

    @abstractmethod
    def name(self) -> Text:
        """The action name used in domain.yml."""

    def answer(self, answerer: Answerer, request: Request, tracker: Tracker) -> Events:
        return answerer.about_partner(self.question, request)

    def named_by_name(self, directory: PartnerDirectory, request: Request, tracker: Tracker) -> bool:
        """Keep only the partners named by a name, not guessed; True if there are any.

        Used where the intent says "no partner" (out of scope, general facts) but the
        message names one: a name the NLU recognised, or a name written exactly in the
        text (a partner added to the knowledge file after the last training), overrides
        the intent; a fuzzy guess from the text never does.
        """
        found = {p.id for p in map(directory.find_partner, tracker.get_latest_entity_values("partner")) if p}
        found |= {p.id for p in directory.partners_named_exactly_in(request.text)}
        request.partners = [p for p in request.partners if p.id in found]
        return bool(request.partners)

    async def run(self, dispatcher: CollectingDispatcher, tracker: Tracker, domain: Dict[Text, Any]) -> Events:
        # One snapshot of the knowledge file per answer: one check for a trainer's edit,
        # and the request and the answer read the same version.
        directory = self.directory
        request = read_request(tracker, directory, PARTNER_SLOT)
        events = self.answer(Answerer(directory, dispatcher), request, tracker)
        ask_for_feedback(dispatcher)
        return events


def ask_for_feedback(dispatcher: CollectingDispatcher) -> None:
    """Put the 👍/👎 buttons under the last answer, unless it already offers a choice."""
    if dispatcher.messages and dispatcher.messages[-1].get("text") and not dispatcher.messages[-1].get("buttons"):
        dispatcher.messages[-1]["buttons"] = [dict(b) for b in answers.FEEDBACK_BUTTONS]


class ActionPartnerInfo(DirectoryAction):
    """'Was ist / was macht X?'"""

    question = INFO

    def name(self) -> Text:
        return f"action_partner_{self.question}"


class ActionPartnerLocation(DirectoryAction):
    """'Wo ist X?', optionally 'in <Stadt>'."""

    question = LOCATION

    def name(self) -> Text:
        return f"action_partner_{self.question}"


class ActionPartnerContact(DirectoryAction):
    """'Wie erreiche ich X?': the asked attribute(s), or the whole contact card."""

    question = CONTACT

    def name(self) -> Text:
        return f"action_partner_{self.question}"


class ActionTargetGroupHelp(DirectoryAction):
    """'Wer hilft <Zielgruppe>?', 'Wer hilft bei Diskriminierung?', or a described situation."""

    def name(self) -> Text:
        return "action_target_group_help"

    def answer(self, answerer: Answerer, request: Request, tracker: Tracker) -> Events:
        if not (request.groups or request.topics):
            if request.partners:
                return answerer.about_partner(INFO, request)
            if request.fields and (request.previous_partner or request.offered_partners):  # "Geht das auch online?"
                return answerer.about_partner(CONTACT, request)
        elif request.asks_for_all:  # "Wer beschäftigt sich alles mit der Aufnahme …?"
            return answerer.partner_list(request)
        return answerer.for_group(request)


class ActionPartnerList(DirectoryAction):
    """'Welche Partner gibt es?', by kind, topic, target group or city."""

    def name(self) -> Text:
        return "action_partner_list"

    def answer(self, answerer: Answerer, request: Request, tracker: Tracker) -> Events:
        return answerer.partner_list(request)


class ActionFollowUp(DirectoryAction):
    """'und vom Landesintegrationsrat?' / 'und in Siegen?': the last question, new subject."""

    def name(self) -> Text:
        return "action_follow_up"

    def answer(self, answerer: Answerer, request: Request, tracker: Tracker) -> Events:
        last = str(tracker.get_slot(LAST_QUESTION_SLOT) or INFO)
        question, _, fields = last.partition(":")
        if not request.fields and fields:
            request.fields = fields.split(",")
        if question == LIST and (request.cities or request.topics or request.groups or request.kinds):
            return answerer.partner_list(request)
        if question == GROUP and (request.groups or request.topics) and not request.partners:
            return answerer.for_group(request)
        if request.cities and not request.partners:
            if request.previous_partner or request.offered_partners:
                return answerer.about_partner(LOCATION, request)
            return answerer.partner_list(request)
        if question not in (INFO, LOCATION, CONTACT):
            question = INFO
        return answerer.about_partner(question, request)


class ActionOutOfScope(DirectoryAction):
    """Out of scope, unless the message names a partner (see `named_by_name`).

    A message that names a partner of the knowledge file ("zentrum fur turkeistudien
    wan gegrundet") is about that partner, whatever the intent classifier thought;
    only a name found by the NLU counts here, never a fuzzy guess from the text.
    """

    def name(self) -> Text:
        return "action_out_of_scope"

    def answer(self, answerer: Answerer, request: Request, tracker: Tracker) -> Events:
        # A bare name, even misspelt ("landesinitiative jungenarbait"), asks about that partner.
        if request.only_partner_names or self.named_by_name(answerer.directory, request, tracker):
            return answerer.about_partner(INFO, request)
        # "und in Bielefeld?" after an answer is a follow-up, not a question about Bielefeld.
        if request.only_a_city and tracker.get_slot(LAST_QUESTION_SLOT):
            return ActionFollowUp().answer(answerer, request, tracker)
        answerer.dispatcher.utter_message(response="utter_out_of_scope")
        return []


class ActionGeneralInfo(DirectoryAction):
    """'Wie viele Menschen mit Einwanderungsgeschichte ...?', 'Welches Gesetz ...?'

    A question that names a partner ("Was macht der Landesintegrationsrat
    Nordrhein-Westfalen?") is about that partner, even if "Nordrhein-Westfalen" made
    the classifier think of the general facts; a figure question about a partner just
    talked about, or about a group the general facts do not cover, gets the
    partners' own figures.
    """

    def name(self) -> Text:
        return "action_general_info"

    def answer(self, answerer: Answerer, request: Request, tracker: Tracker) -> Events:
        # An in-scope question: a partner found in the text, even misspelt, is the subject.
        if request.partners:
            return answerer.about_partner(INFO, request)
        partner = request.previous_partner
        # "Um wie viele Menschen geht es da?" after a partner: its figures, not the page's.
        if partner and request.refers_back and answers.facts_with_figures(partner):
            return answerer.figures([partner])
        # "Wie viele Musliminnen und Muslime …?": a group the page's general facts do not
        # cover is answered with the figures of the partners for that group.
        general = answerer.directory.knowledge.general
        for group in request.groups:
            if not answers.covers(general, group):
                partners = [p for p in answerer.directory.for_target_group(group.id) if answers.facts_with_figures(p)]
                if partners:
                    return answerer.figures(partners)
        answerer.say(answers.general_info(general))
        return []


class ActionAskAffirmation(UsesKnowledge, Action):
    """First stage of Rasa's two-stage fallback, in German: 'Meinten Sie …?' with buttons.

    Replaces Rasa's English default ("Did you mean '<intent>'?"). Offers the two
    likeliest intents (with the entities found) and 'Nein, etwas anderes'.
    """

    def name(self) -> Text:
        return "action_default_ask_affirmation"

    async def run(self, dispatcher: CollectingDispatcher, tracker: Tracker, domain: Dict[Text, Any]) -> Events:
        ranking = tracker.latest_message.get("intent_ranking") or []
        request = read_request(tracker, self.directory, PARTNER_SLOT)
        # With a partner named, only questions about a partner make sense to offer.
        offered = PARTNER_INTENTS if request.partners else tuple(answers.INTENT_DESCRIPTIONS)
        candidates = [r["name"] for r in ranking if r.get("name") in offered][:2]
        entities = {}
        if request.partners:
            entities["partner"] = request.partners[0].id
        subject = request.partners[0].short_name or request.partners[0].name if request.partners else None
        buttons = [
            {"title": answers.describe_intent(intent, subject), "payload": f"/{intent}{json.dumps(entities) if entities else ''}"}
            for intent in candidates
        ]
        buttons.append({"title": answers.NOT_MEANT_BUTTON, "payload": "/out_of_scope"})
        dispatcher.utter_message(text=answers.did_you_mean(), buttons=buttons)
        return []
