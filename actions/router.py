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

from actions.answers import MEANT_FRAMES, Answers
from actions.cues import WEB_ADDRESS
from actions.directory import PartnerDirectory
from actions.fact_index import Hit
from actions.knowledge import CONTACT_FIELDS, KINDS, EmergencyNumber, Partner
from actions.memory import Memory
from actions.replies import Replies
from actions.safety import SELF_HARM
from actions.question import FEEDBACK_INTENTS, Asked, Question

Events = List[Dict[Text, Any]]
MAX_BUTTONS = 5
MAX_SUBJECTS = 3
SMALL_TALK_RESPONSES = {
    "greet": "utter_greet", "goodbye": "utter_goodbye", "thank": "utter_you_are_welcome",
    "bot_challenge": "utter_iamabot", "ask_capabilities": "utter_capabilities",
    "feedback_helpful": "utter_feedback_thanks", "feedback_not_helpful": "utter_feedback_sorry",
}
PARTNER_INTENTS = ("ask_partner_info", "ask_partner_location", "ask_partner_contact")
# Frames said in the user's language; each needs a text in every language of the knowledge
# file (tests/unit/test_languages_and_safety.py). Other frames frame the page's German text.
TRANSLATED_FRAMES = (
    "emergency_intro", "crisis_intro", "emergency_then", "source_short", "person_intro", "person_which",
    "help_heading", "german_follows", "reach_heading", "languages_known", "not_understood", "no_contact", "intro",
    "greeting_prefix", "thanks_prefix", "bot", "language_name", "label_phone", "label_fax", "label_email", "label_web",
    "label_address", "label_place", "source", "source_of", "source_line", "not_stated", "places_heading",
    "no_place", "list_heading",
)


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
        self.answers = Answers(replies, directory.knowledge.source_site)
        self.dispatcher = dispatcher
        self.memory = memory
        self.prefix = ""
        self.language = "de"

    def say(self, text: str, buttons: Optional[List[Dict[Text, Text]]] = None) -> None:
        self.dispatcher.utter_message(text=self.prefix + text, buttons=buttons or [])
        self.prefix = ""

    def answer(self, question: Question) -> Events:
        self.language = question.language if question.language in self.directory.knowledge.languages else "de"
        if question.small_talk == "greet":
            self.prefix = self.replies.text("greeting_prefix", self.language) + " "
        elif question.small_talk == "thank":
            self.prefix = self.replies.text("thanks_prefix", self.language) + " "
        # Answers in every language: safety, a person, the languages the bot reads.
        route: Dict[Asked, Callable[[Question], Events]] = {
            Asked.EMERGENCY: self.emergency,
            Asked.PERSON: self.person,
            Asked.LANGUAGES: self.languages,
        }
        if self.language != "de":
            route.update({Asked.SMALL_TALK: self.small_talk_translated, Asked.HELP: self.help_translated,
                          Asked.FIELDS: self.fields_translated, Asked.OUT_OF_SCOPE: self.not_understood,
                          Asked.UNCLEAR: self.not_understood, Asked.WHICH_PARTNER: self.not_understood,
                          Asked.SOURCE: self.source, Asked.LOCATION: self.location_translated,
                          Asked.LIST: self.list_translated, Asked.NOT_STATED: self.not_stated_translated,
                          Asked.SUMMARY: self.summary_translated})
        if question.asked in route:
            return route[question.asked](question)
        if self.language != "de":  # the page's German text, announced as German in the user's language
            self.prefix += self._say_in("german_follows", site=self.directory.knowledge.source_site) + "\n"
        return self._route_german(question)

    def _route_german(self, question: Question) -> Events:
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
            Asked.NOT_LISTED: self.not_listed,
            Asked.UNCLEAR: self.unclear,
            Asked.OUT_OF_SCOPE: self.out_of_scope,
        }
        return route[question.asked](question)

    # --- answers in the user's language ----------------------------------------------------

    def _say_in(self, frame: str, **values: str) -> str:
        return self.replies.text(frame, self.language, **values)

    def _reach_lines(self, partner: Partner, fields: Sequence[str] = ()) -> List[str]:
        """How to reach a partner, labels in the user's language, values as on the page."""
        lines: List[str] = []
        wanted = list(fields) or ["address", *CONTACT_FIELDS]
        for name in wanted:
            if name == "address":
                lines += [f"{self._say_in('label_address')}: {p.address}" for p in partner.places if p.address]
            else:
                lines += [f"{self._say_in('label_' + name)}: {item.value}" for item in partner.contact_items(name)]
        if not lines and not fields:
            lines += [f"{self._say_in('label_place')}: {city}" for city in partner.cities]
        return lines

    def _partner_block(self, partner: Partner, fields: Sequence[str] = (), said: Sequence[str] = ()) -> str:
        """A partner's name, what the page says of it (`said`, quoted) and how to reach it."""
        lines = self._reach_lines(partner, fields)
        if not lines:
            lines = [self._say_in("no_contact", site=self.directory.knowledge.source_site, name=partner.display_name)]
        return "\n".join([f"{partner.display_name}", *said, *lines])

    def emergency(self, q: Question) -> Events:
        """Safety first: the emergency numbers before anything else, in the user's language."""
        safety = self.directory.knowledge.safety
        numbers = safety.numbers if safety else ()

        def line(number: EmergencyNumber) -> str:
            return f"{number.number} – {number.names.get(self.language, number.names['de'])}"

        text = self._say_in("emergency_intro") + "\n" + "\n".join(line(n) for n in numbers if not n.crisis)
        if q.danger == SELF_HARM:
            crisis = [n for n in numbers if n.crisis]
            text += "\n\n" + self._say_in("crisis_intro") + "\n" + "\n".join(line(n) for n in crisis)
            sources = sorted({n.source for n in crisis})
            text += "\n" + self._say_in("source_short", source=", ".join(sources))
        if q.partners:
            text += "\n\n" + self._say_in("emergency_then", site=self.directory.knowledge.source_site)
            # Each with the page's sentence that says what it does (or fits the message): the numbers
            # come first, and then the reader learns why this partner, even one without contact data.
            blocks = []
            for partner in q.partners[:MAX_SUBJECTS]:
                reason = self.answers.reason_for(partner, q.reasons)
                blocks.append(self._partner_block(partner, said=[self.answers.quoted(reason)] if reason else []))
            text += "\n\n" + "\n\n".join(blocks)
        self.say(text)
        return self.memory.events([p.id for p in q.partners[:MAX_SUBJECTS]] if len(q.partners) == 1 else [],
                                  Asked.EMERGENCY.value)

    def person(self, q: Question) -> Events:
        """A human to talk to: the subject's contacts, else the partners that advise people,
        and honestly what the bot cannot do."""
        site = self.directory.knowledge.source_site
        if q.partners:
            partners = q.partners[:MAX_SUBJECTS]
            self.say(self._say_in("person_intro", site=site) + "\n\n"
                     + "\n\n".join(self._partner_block(p) for p in partners))
            return self._remember(q, partners, Asked.PERSON)
        advising = [p for p in self.directory.partners if "beratung" in p.topics]
        self.say(self._say_in("person_intro", site=site) + "\n\n" + self._say_in("person_which") + "\n\n"
                 + "\n\n".join(self._partner_block(p) for p in advising))
        return self.memory.events([], Asked.PERSON.value, listed=[p.id for p in advising])

    def languages(self, q: Question) -> Events:
        """A language the bot does not read: German and English, with the languages it reads."""
        names = ", ".join(self.replies.text("language_name", code) for code in self.directory.knowledge.languages)
        self.say("\n\n".join(self.replies.text("languages_known", code, languages=names) for code in ("de", "en")))
        return []

    def not_understood(self, q: Question) -> Events:
        self.say(self._say_in("not_understood"))
        return []

    def small_talk_translated(self, q: Question) -> Events:
        if q.intent in FEEDBACK_INTENTS:  # the domain's reply, in the language of the slot
            return self.small_talk(q)
        frame = {"greet": "greeting_prefix", "thank": "thanks_prefix", "bot_challenge": "bot"}.get(q.intent)
        self.say((self._say_in(frame) + " " if frame else "") + self._say_in("intro"))
        return []

    def help_translated(self, q: Question) -> Events:
        """Who helps, in the user's language; each partner said in the page's words as in German
        (the first what it is, each the sentence that fits the message), announced as German once."""
        partners = q.partners
        if not partners:
            return self.not_understood(q)
        blocks = [self._partner_block(p, said=[self.answers.quoted(s) for s in self.answers.sentences_listed(
            p, q.reasons, first=position == 0)]) for position, p in enumerate(partners)]
        heading = "\n".join([self._say_in("help_heading"),
                             self._say_in("german_follows", site=self.directory.knowledge.source_site)])
        return self._list_reply(heading + "\n\n" + "\n\n".join(blocks), partners, Asked.HELP, buttons=False)

    def location_translated(self, q: Question) -> Events:
        site = self.directory.knowledge.source_site
        partners = q.partners[:MAX_SUBJECTS]
        for partner in partners:
            lines = self._reach_lines(partner, ["address"])
            lines += [f"{self._say_in('label_place')}: {c}" for c in partner.cities
                      if not any(p.address and c in p.address for p in partner.places)]
            said = self._place_said(partner, q.cities[0] if q.cities else None)
            if lines:
                self.say("\n".join([self._say_in("places_heading", name=partner.display_name), *lines, *said]))
            else:
                self.say(self._say_in("no_place", site=site, name=partner.display_name))
        return self._remember(q, partners, Asked.LOCATION)

    def _place_said(self, partner: Partner, city: Optional[str]) -> List[str]:
        """The page's sentence that says where a partner sits, verbatim and announced as German, with
        its source ("where is it located?" gets "… mit Sitz in Köln." besides "Place: Köln")."""
        quote = self._place_sentence(partner, city)
        return [self._say_in("german_follows", site=self.directory.knowledge.source_site),
                *self._quoted_with_source(partner, quote)] if quote else []

    def _quoted_with_source(self, partner: Partner, sentence: str) -> List[str]:
        """A sentence of the partner's section, quoted, and the source line under it."""
        return [self.answers.quoted(sentence), self._source_line(partner.source)]

    def list_translated(self, q: Question) -> Events:
        """The partners of a city, topic, group or kind (or all): names, as on the page."""
        directory = self.directory
        if q.cities and directory.find_city(q.cities[0]):
            partners = directory.in_city(q.cities[0])
        elif q.topics:
            partners = directory.for_topic(q.topics[0].id)
        elif q.groups:
            partners = directory.for_target_group(q.groups[0].id)
        elif q.kinds:
            partners = directory.of_kind(q.kinds[0])
        else:
            partners = list(directory.partners)
        self.say(self._say_in("list_heading") + "\n" + "\n".join(f"• {p.display_name}" for p in partners))
        return self.memory.events([], Asked.LIST.value, listed=[p.id for p in partners])

    def not_stated_translated(self, q: Question) -> Events:
        site = self.directory.knowledge.source_site
        partners = q.partners[:MAX_SUBJECTS]
        for partner in partners:
            self.say("\n\n".join([
                self._say_in("not_stated", site=site, name=partner.display_name),
                self._say_in("german_follows", site=site) + "\n" + partner.summary,
                self._partner_block(partner)]))
        return self._remember(q, partners, Asked.SUMMARY)

    def summary_translated(self, q: Question) -> Events:
        """What a partner is and does: the page's German text, announced in the user's language, and
        how to reach it with labels in that language (no German bot sentence in between)."""
        site = self.directory.knowledge.source_site
        partners = q.partners[:MAX_SUBJECTS]
        for partner in partners:
            self.say("\n\n".join([self._say_in("german_follows", site=site) + "\n" + self.answers.about(partner),
                                   self._partner_block(partner)]))
        self._say_fact_beyond_description(q, partners)
        return self._remember(q, partners, Asked.SUMMARY)

    def fields_translated(self, q: Question) -> Events:
        partners = q.partners[:MAX_SUBJECTS]
        for partner in partners:
            lines = self._reach_lines(partner, q.fields)
            said = self._place_said(partner, None) if "address" in q.fields else []
            if lines:
                self.say("\n".join([self._say_in("reach_heading", name=partner.display_name), *lines, *said]))
                continue
            block = "\n".join([self._partner_block(partner), *said])
            if q.fields:  # "their phone number?" where the page gives none: said so, then what it gives
                block = self._say_in("not_stated", site=self.directory.knowledge.source_site,
                                     name=partner.display_name) + "\n\n" + block
            self.say(block)
        return self._remember(q, partners, Asked.FIELDS, q.fields)

    # --- one answer per Asked ------------------------------------------------------------

    def small_talk(self, q: Question) -> Events:
        self.dispatcher.utter_message(response=SMALL_TALK_RESPONSES.get(q.intent, "utter_default"))
        return []

    def source(self, q: Question) -> Events:
        knowledge = self.directory.knowledge
        text = self._say_in("source", title=self._page_title(), site=knowledge.source_site,
                            copied=knowledge.source_copied)
        if q.partner is not None:  # "Woher stammen diese Angaben?" about the subject: its section
            text += "\n" + self._say_in("source_of", name=q.partner.display_name, section=q.partner.source)
        self.say(text)
        return []

    def fields(self, q: Question) -> Events:
        partners = q.partners[:MAX_SUBJECTS]
        for partner in partners:
            if q.fields:
                text = "\n\n".join(self.answers.contact_field(partner, f) for f in q.fields)
                # The source, with the line as the page prints it ("Tel.: …").
                printed = [self.answers.quoted(i.page) for f in q.fields for i in partner.contact_items(f) if i.page]
                if printed:
                    text += "\n" + self._source_line(f"{partner.source}: {', '.join(printed)}")
            else:
                text = self.answers.contact_card(partner)
            # "… anonym im Internet beraten lassen?": the sentence that says the rest comes first.
            self.say(self._fact_first(q, partner, text))
        return self._remember(q, partners, Asked.FIELDS, q.fields)

    def _fact_first(self, q: Question, partner: Partner, text: str) -> str:
        """`text` with the partner's sentence that answers the rest of the message in front of it (a sentence
        of the page's introduction is the partner's it names, as decided: Deciding._answered_by)."""
        if q.fact is not None and q.fact.sentence.partner_id in (partner.id, None) and q.fact.sentence.text not in text:
            return f"{self._quote(q.fact, partner)}\n\n{text}"
        return text

    def location(self, q: Question) -> Events:
        """Where a partner sits, with the page's sentence that says it (quoted, with its source)."""
        partners = q.partners[:MAX_SUBJECTS]
        city = q.cities[0] if q.cities else None
        for partner in partners:
            text = self.answers.location(partner, city)
            quote = self._place_sentence(partner, city)
            if quote:
                text += "\n" + "\n".join(self._quoted_with_source(partner, quote))
            if city is not None and city not in partner.cities and partner.contact_items("web"):
                # "wo finde ich die in Bochum?": none listed there; the web addresses, with the page's
                # sentences that name them ("Kontaktdaten, Öffnungszeiten und Angebote finden sich unter …").
                text += "\n\n" + self.answers.contact_field(partner, "web")
            # "Welches Institut …, und wo sitzt es?": the sentence that answers the first question comes first.
            self.say(self._fact_first(q, partner, text))
        return self._remember(q, partners, Asked.LOCATION)

    @staticmethod
    def _place_sentence(partner: Partner, city: Optional[str]) -> Optional[str]:
        """The partner's first quoted sentence that names the asked city, else one of its cities, else
        the place as the page calls it ("Das ZfTI ist Institut an der Universität Duisburg-Essen")."""
        names = [city] if city and city in partner.cities else list(partner.cities) or [
            place.label for place in partner.places if place.label]
        return next((s for s in partner.quoted_sentences if any(n in s for n in names)), None)

    def fact(self, q: Question) -> Events:
        hit: Hit = q.fact  # type: ignore[assignment]
        # A sentence of the introduction is the partner's it names, as decided (Deciding._answered_by).
        partner = self.directory.knowledge.partner(hit.sentence.partner_id or "") or (
            q.partners[0] if len(q.partners) == 1 else None)
        text = self._quote(hit, partner)
        if partner is not None and partner.contact_items("web") and WEB_ADDRESS.search(text):
            # "Öffnungszeiten … finden sich unter www…": the partner's web addresses, with what each offers.
            text += "\n\n" + self.answers.contact_field(partner, "web")
        elif partner is not None and hit.sentence.contact:
            # The block is quoted as the page prints it; the address follows as one line to copy.
            text += "\n\n" + self.answers.contact_field(partner, "address")
        self.say(text)
        return self.memory.events([partner.id] if partner else [], Asked.FACT.value, quote=hit.sentence.text,
                                  answer_type=q.answer_type, terms=q.content)

    def _quote(self, hit: Hit, partner: Optional[Partner]) -> str:
        knowledge = self.directory.knowledge
        if partner is not None and hit.whole is not None:
            # What the lead-in announces was asked: the lead-in, then every item as the page lists it.
            text = "\n".join([self.replies.text("fact", name=partner.display_name, quote=hit.whole.lead),
                               *(self.replies.text("fact_item", quote=item) for item in hit.whole.items)])
        elif partner is not None:
            # The sentences before first when this one opens with "Sie"/"Er" or "Vor diesem Hintergrund"
            # (unless one is the close second anyway); then a close second.
            quoted = [*hit.context, hit.sentence, *([hit.also] if hit.also and hit.also not in hit.context else [])]
            text = "\n".join([self.replies.text("fact", name=partner.display_name, quote=quoted[0].text),
                               *(self.answers.quoted(s.text) for s in quoted[1:])])
        else:
            # The page's introduction is four sentences: all of them, the asked one among them.
            text = self.answers.general_info(knowledge.general)
        return f"{text}\n{self._source_line(hit.sentence.source)}"

    def _source_line(self, section: str) -> str:
        """"Quelle: chancen.nrw, Seite „…“ (section)" in the user's language."""
        knowledge = self.directory.knowledge
        return self._say_in("source_line", site=knowledge.source_site, title=self._page_title(), section=section)

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
                     f"{self.answers.partner_info(partner)}")
        return self._remember(q, partners, Asked.NOT_STATED, with_question=True)

    def summary(self, q: Question) -> Events:
        """What a partner is; a partner asked to exist by what it does ("Gibt es Forschung zur
        Türkei?") with the page's sentence that says it, when its description does not."""
        partners = q.partners[:MAX_SUBJECTS]
        for partner in partners:
            self.say(self.answers.partner_info(partner))
        self._say_fact_beyond_description(q, partners)
        return self._remember(q, partners, Asked.SUMMARY)

    def _say_fact_beyond_description(self, q: Question, partners: Sequence[Partner]) -> None:
        """The sentence found for a partner asked to exist by what it does, quoted after what it is,
        unless its description (shown already) says it."""
        if q.fact is not None and len(partners) == 1 and not partners[0].describes(q.fact.sentence.text):
            self.say(self._quote(q.fact, partners[0]))

    def help(self, q: Question) -> Events:
        """Who helps a group or with a topic."""
        if q.wants_all:
            return self.partner_list(q)
        partners = q.partners  # those that fit most of what was said (Understanding._fitting)
        if not partners:
            self.say(self.answers.ask_which_group(self.directory.knowledge.target_groups))
            return self.memory.events([], Asked.HELP.value)
        # The sentence of one of them that answers what else was asked (Understanding, rule 10).
        # Not again when the list shows that very sentence already, and nothing around it.
        shown = q.fact is not None and q.fact.sentence.text in q.reasons.values() and not (
            q.fact.also or q.fact.context or q.fact.whole)
        quote = "" if q.fact is None or shown else "\n\n" + self._quote(
            q.fact, self.directory.knowledge.partner(q.fact.sentence.partner_id or ""))
        if q.in_simple_words:
            # The simple words first; then the page's sentence that fits the message (else its first
            # sentence, as in the full list), as the record.
            said = {p.id: self.answers.quoted(reason) for p in partners
                    if (reason := self.answers.reason_for(p, q.reasons))}
            blocks = ["\n".join([p.display_name, p.simple or "", *([said[p.id]] if p.id in said else []),
                                  *self.answers.contact_lines(p)]) for p in partners]
            return self._list_reply(self.replies.text("simple_help_heading") + "\n\n" + "\n\n".join(blocks) + quote,
                                    partners, Asked.HELP)
        # A situation told ("… weil ich Ausländerin bin") is about its topic, not about the group named in it.
        matched = [] if q.situation else [g for g in q.groups if any(g.id in p.target_groups for p in partners)]
        label = self.answers.enumerate_german([g.label for g in matched]) if matched else self.replies.text(
            "topic_as_group", topic=next(t.label for t in q.topics if any(t.id in p.topics for p in partners)))
        text = self.answers.partners_for_group(label, partners, q.reasons)
        return self._list_reply(text + quote, partners, Asked.HELP)

    def partner_list(self, q: Question) -> Events:
        """All partners, or those of a city, topic, target group or kind."""
        directory = self.directory
        if q.cities:
            city = q.cities[0]
            partners = directory.in_city(city) if directory.find_city(city) else []
            if not partners:
                self.say(self.answers.nothing_in_city(city, directory.knowledge.cities))
                return self.memory.events([], Asked.LIST.value)
            heading = self.replies.text("city_heading", city=city)
            return self._list_reply(self.answers.partners_for(heading, partners), partners, Asked.LIST, buttons=False)
        if q.topics:
            partners = directory.for_topic(q.topics[0].id)
            heading = self.replies.text("topic_heading", topic=q.topics[0].label)
            return self._list_reply(self.answers.partners_for(heading, partners), partners, Asked.LIST, buttons=False)
        if q.groups:
            partners = directory.for_target_group(q.groups[0].id)
            text = self.answers.partners_for_group(q.groups[0].label, partners, q.reasons)
            return self._list_reply(text, partners, Asked.LIST, buttons=False)
        if q.said_of:
            # "Welche Partner gibt es seit 1985?": those whose sentences say it, each with that sentence.
            heading = self.replies.text("said_of_heading_one" if len(q.partners) == 1 else "said_of_heading")
            text = self.answers.partners_with_reasons(heading, q.partners, q.reasons)
            return self._list_reply(text, q.partners, Asked.LIST)
        if q.kinds:
            partners = directory.of_kind(q.kinds[0])
            return self._list_reply(self.answers.partners_for(f"{q.kinds[0]}:", partners), partners, Asked.LIST,
                                    buttons=False)
        sections = [self.answers.partners_for(f"{k}:", directory.of_kind(k)) for k in KINDS if directory.of_kind(k)]
        self.say(self.answers.all_partners_heading() + "\n\n" + "\n\n".join(sections))
        partners = [p for k in KINDS for p in directory.of_kind(k)]
        return self.memory.events([], Asked.LIST.value, listed=[p.id for p in partners])

    def general(self, q: Question) -> Events:
        self.say(self.answers.general_info(self.directory.knowledge.general))
        return []

    def which_partner(self, q: Question) -> Events:
        self.say(self.answers.ask_which_partner(self.directory.partners))
        return []

    def not_listed(self, q: Question) -> Events:
        """"der dritte" of two: say how many were named, and which; the list stays as it was."""
        names = self.answers.enumerate_german([p.display_name for p in q.partners])
        self.say(self.replies.text("not_listed", count=str(len(q.partners)), names=names),
                 buttons=partner_buttons(q.partners))
        return []

    def unclear(self, q: Question) -> Events:
        """"Meinten Sie …?" with the two likeliest intents and "Nein, etwas anderes"."""
        ranking = q.ranking
        offered = PARTNER_INTENTS if q.partners else tuple(MEANT_FRAMES)
        candidates = [name for name in ranking if name in offered][:2] or list(offered[:2])
        entities = {"partner": q.partners[0].id} if q.partners else {}
        subject = (q.partners[0].short_name or q.partners[0].name) if q.partners else None
        buttons = [{"title": self.answers.describe_intent(intent, subject),
                    "payload": f"/{intent}{json.dumps(entities) if entities else ''}"} for intent in candidates]
        buttons.append({"title": self.answers.not_meant_button(), "payload": "/out_of_scope"})
        self.dispatcher.utter_message(text=self.answers.did_you_mean(), buttons=buttons)
        return []

    def out_of_scope(self, q: Question) -> Events:
        self.dispatcher.utter_message(response="utter_out_of_scope")
        return []

    # --- memory -------------------------------------------------------------------------

    def _remember(self, q: Question, partners: Sequence[Partner], asked: Asked, fields: Sequence[str] = (),
                  with_question: bool = False) -> Events:
        """`with_question`: also what a fact question asked, so that "und das DOMiD?" asks it again."""
        ids = [p.id for p in partners]
        question = {"answer_type": q.answer_type, "terms": q.content} if with_question else {}
        if len(ids) > 1:  # several subjects at once (the list shown before): keep the list
            return self.memory.events(ids, asked.value, fields, listed=ids, **question)
        return self.memory.events(ids, asked.value, fields, **question)

    def _list_reply(self, text: str, partners: Sequence[Partner], asked: Asked, buttons: bool = True) -> Events:
        ids = [p.id for p in partners]
        if len(partners) == 1:
            self.say(text)
            return self.memory.events(ids, asked.value)
        if buttons:
            self.say(text + "\n\n" + self.answers.choose_prompt(), buttons=partner_buttons(partners))
        else:
            self.say(text)
        # The partners shown are talked about: after a switch to another one, "nochmal zu der
        # Jungs-Initiative" still finds one of them.
        return self.memory.events(ids, asked.value, listed=ids)
