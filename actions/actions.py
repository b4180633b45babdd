"""Rasa custom actions: one per question type, each a thin layer over the directory.

The knowledge file is loaded once, when the action server imports this module.
A broken file stops the action server with exit code 1 and a message naming the
file, the entry and the field: serving wrong or partial facts is worse than not
starting.
"""

from __future__ import annotations

import logging
import sys
from abc import ABC, abstractmethod
from typing import Any, Dict, List, Optional, Text

from rasa_sdk import Action, Tracker
from rasa_sdk.events import SlotSet
from rasa_sdk.executor import CollectingDispatcher

from actions import answers
from actions.directory import PartnerDirectory
from actions.knowledge import KINDS, KnowledgeError, Partner, load_knowledge

logger = logging.getLogger(__name__)

PARTNER_SLOT = "partner"


def load_directory() -> PartnerDirectory:
    """Load the knowledge file or stop the process with a message a trainer can act on."""
    try:
        return PartnerDirectory(load_knowledge())
    except KnowledgeError as error:
        message = f"Die Wissensdatei ist fehlerhaft, der Action-Server startet nicht.\n{error}"
        logger.error(message)
        print(message, file=sys.stderr)
        raise SystemExit(1) from None


DIRECTORY = load_directory()


def latest_values(tracker: Tracker, entity: str) -> List[Text]:
    """The values of one entity type in the latest user message, without repeats."""
    return list(dict.fromkeys(str(v) for v in tracker.get_latest_entity_values(entity)))


class PartnerAction(Action, ABC):
    """Shared lookup of the partner a question is about: named now, or talked about before.

    Abstract, so that rasa-sdk does not register it as an action of its own.
    """

    directory: PartnerDirectory = DIRECTORY

    @abstractmethod
    def name(self) -> Text:
        """The action name used in domain.yml."""

    def mentioned_partner(self, tracker: Tracker) -> Optional[Partner]:
        for value in latest_values(tracker, "partner"):
            partner = self.directory.find_partner(value)
            if partner:
                return partner
        return self.directory.find_partner(tracker.get_slot(PARTNER_SLOT))

    @abstractmethod
    def answer(self, partner: Partner, tracker: Tracker) -> Text:
        """The German answer about this partner."""

    async def run(
        self, dispatcher: CollectingDispatcher, tracker: Tracker, domain: Dict[Text, Any]
    ) -> List[Dict[Text, Any]]:
        partner = self.mentioned_partner(tracker)
        if partner is None:
            dispatcher.utter_message(text=answers.ask_which_partner(self.directory.partners))
            return []
        dispatcher.utter_message(text=self.answer(partner, tracker))
        return [SlotSet(PARTNER_SLOT, partner.id)]


class ActionPartnerInfo(PartnerAction):
    """'Was ist / was macht X?'"""

    def name(self) -> Text:
        return "action_partner_info"

    def answer(self, partner: Partner, tracker: Tracker) -> Text:
        return answers.partner_info(partner)


class ActionPartnerLocation(PartnerAction):
    """'Wo ist X?', optionally 'in <Stadt>'."""

    def name(self) -> Text:
        return "action_partner_location"

    def answer(self, partner: Partner, tracker: Tracker) -> Text:
        cities = [self.directory.find_city(v) or v for v in latest_values(tracker, "city")]
        return answers.location(partner, cities[0] if cities else None)


class ActionPartnerContact(PartnerAction):
    """'Wie erreiche ich X?': the asked attribute(s), or the whole contact card."""

    def name(self) -> Text:
        return "action_partner_contact"

    def answer(self, partner: Partner, tracker: Tracker) -> Text:
        fields = [v for v in latest_values(tracker, "contact_attribute") if v in answers.CONTACT_ATTRIBUTES]
        if not fields:
            return answers.contact_card(partner)
        return "\n\n".join(answers.contact_field(partner, field) for field in fields)


class ActionTargetGroupHelp(Action):
    """'Wer hilft <Zielgruppe>?' (or a topic: 'Wer hilft bei Diskriminierung?')."""

    directory: PartnerDirectory = DIRECTORY

    def name(self) -> Text:
        return "action_target_group_help"

    async def run(
        self, dispatcher: CollectingDispatcher, tracker: Tracker, domain: Dict[Text, Any]
    ) -> List[Dict[Text, Any]]:
        for value in latest_values(tracker, "target_group"):
            group = self.directory.find_target_group(value)
            if group:
                partners = self.directory.for_target_group(group.id)
                return self._reply(dispatcher, answers.partners_for_group(group.label, partners), partners)
        for value in latest_values(tracker, "topic"):
            topic = self.directory.find_topic(value)
            if topic:
                partners = self.directory.for_topic(topic.id)
                return self._reply(dispatcher, answers.partners_for_group(f"das Thema {topic.label}", partners), partners)
        dispatcher.utter_message(text=answers.ask_which_group(self.directory.knowledge.target_groups))
        return []

    @staticmethod
    def _reply(
        dispatcher: CollectingDispatcher, text: Text, partners: List[Partner]
    ) -> List[Dict[Text, Any]]:
        dispatcher.utter_message(text=text)
        # Only one partner is unambiguous enough to be "the one we talk about".
        return [SlotSet(PARTNER_SLOT, partners[0].id)] if len(partners) == 1 else []


class ActionPartnerList(Action):
    """'Welche Partner gibt es?', by kind, topic, target group or city."""

    directory: PartnerDirectory = DIRECTORY

    def name(self) -> Text:
        return "action_partner_list"

    async def run(
        self, dispatcher: CollectingDispatcher, tracker: Tracker, domain: Dict[Text, Any]
    ) -> List[Dict[Text, Any]]:
        dispatcher.utter_message(text=self._list_text(tracker))
        return []

    def _list_text(self, tracker: Tracker) -> Text:
        directory = self.directory
        for value in latest_values(tracker, "city"):
            city = directory.find_city(value)
            if city is None:
                known = answers.enumerate_german(list(directory.knowledge.cities))
                return f"In {value} sitzt laut meinen Unterlagen keine der Stellen. Orte, die ich kenne: {known}."
            return answers.partners_for(f"In {city}:", directory.in_city(city))
        for value in latest_values(tracker, "topic"):
            topic = directory.find_topic(value)
            if topic:
                return answers.partners_for(f"Zum Thema {topic.label}:", directory.for_topic(topic.id))
        for value in latest_values(tracker, "target_group"):
            group = directory.find_target_group(value)
            if group:
                return answers.partners_for_group(group.label, directory.for_target_group(group.id))
        kinds = [k for k in latest_values(tracker, "kind") if k in KINDS]
        if kinds:
            return answers.partners_for(f"{kinds[0]}:", directory.of_kind(kinds[0]))
        sections = [
            answers.partners_for(f"{kind}:", directory.of_kind(kind)) for kind in KINDS if directory.of_kind(kind)
        ]
        return "Ich kenne diese Partner, Gremien und Netzwerke der Integration in NRW:\n\n" + "\n\n".join(sections)


class ActionGeneralInfo(Action):
    """'Wie viele Menschen mit Einwanderungsgeschichte ...?', 'Welches Gesetz ...?'"""

    directory: PartnerDirectory = DIRECTORY

    def name(self) -> Text:
        return "action_general_info"

    async def run(
        self, dispatcher: CollectingDispatcher, tracker: Tracker, domain: Dict[Text, Any]
    ) -> List[Dict[Text, Any]]:
        dispatcher.utter_message(text=answers.general_info(self.directory.knowledge.general))
        return []
