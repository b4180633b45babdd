"""Compose the bot's German answers from knowledge-file entries and reply frames.

Every value in an answer (name, phone, address, web address, number) comes from
the knowledge file, and every word around the values is a frame of
knowledge/replies.yml (texts the bot says are data, not code); this module only
decides which frames an answer needs and lays them out (lines, bullets). When the
file has no value for what was asked, the answer says so and offers what the file
does have, because an invented phone number is worse than none.
"""

from __future__ import annotations

import re
from typing import Dict, Iterable, List, Mapping, Optional, Sequence

from actions.knowledge import ContactItem, GeneralInfo, Partner, Place, Vocabulary
from actions.replies import Replies

# The intents "Meinten Sie …?" may offer, in this order, and the frame of each button title.
MEANT_FRAMES: Dict[str, str] = {
    "ask_partner_info": "meant_partner_info",
    "ask_partner_location": "meant_partner_location",
    "ask_partner_contact": "meant_partner_contact",
    "ask_target_group_help": "meant_target_group_help",
    "ask_partner_list": "meant_partner_list",
    "ask_general_info": "meant_general_info",
    "ask_capabilities": "meant_capabilities",
    "bot_challenge": "meant_bot_challenge",
}
# Under every answer that offers no choice of its own: did it help? `make inbox` counts
# the replies and lists the questions whose answer did not help. (frame, payload) per button.
FEEDBACK_FRAMES = (
    ("feedback_helpful", "/feedback_helpful"),
    ("feedback_not_helpful", "/feedback_not_helpful"),
)


def feedback_buttons(replies: Replies) -> List[Dict[str, str]]:
    """The 👍/👎 buttons; their titles are frames so that a trainer can reword them."""
    return [{"title": replies.text(frame), "payload": payload} for frame, payload in FEEDBACK_FRAMES]


def _bullets(lines: Iterable[str]) -> str:
    return "\n".join(f"• {line}" for line in lines)


def _item_text(item: ContactItem) -> str:
    return f"{item.value} ({item.note})" if item.note else item.value


def _place_text(place: Place) -> str:
    parts = [part for part in (place.label, place.address) if part]
    if place.city and not (place.address and place.city in place.address):
        parts.append(place.city)
    return ", ".join(parts)


class Answers:
    """The German answers, their words read from a `Replies` (knowledge/replies.yml).

    A class so that the frames (and the site's name, which one answer says) are given
    once and the call sites stay `answers.contact_card(partner)`.
    """

    def __init__(self, replies: Replies, site: str) -> None:
        self.replies = replies
        self.site = site

    def _say(self, frame: str, **values: str) -> str:
        """One German frame, filled in."""
        return self.replies.text(frame, **values)

    def label(self, field_name: str) -> str:
        """What a contact line is called ("Telefon", "Adresse", "Sitz": frames label_…)."""
        return self._say(f"label_{field_name}")

    def quoted(self, sentence: str) -> str:
        """A sentence of the page, quoted as the other quotes are (frame fact_also)."""
        return self._say("fact_also", quote=sentence)

    def enumerate_german(self, items: Sequence[str]) -> str:
        """'A', 'A und B', 'A, B und C': how a German sentence lists things."""
        if len(items) <= 1:
            return "".join(items)
        return self._say("enumeration_last", items=", ".join(items[:-1]), last=items[-1])

    def contact_lines(self, partner: Partner) -> List[str]:
        """All contact data of a partner as labelled lines; addresses first."""
        lines = [f"{self.label('address')}: {place.address}" for place in partner.places if place.address]
        for field_name in ("phone", "fax", "email", "web"):
            lines.extend(f"{self.label(field_name)}: {_item_text(i)}" for i in partner.contact_items(field_name))
        return lines

    def contact_card(self, partner: Partner) -> str:
        """The whole contact card, or an honest note that the page lists no contact data."""
        lines = self.contact_lines(partner)
        if not lines:
            return self._say("no_contact_details", name=partner.display_name)
        header = self._say("reach_heading", name=partner.display_name)
        addressed = [p for p in partner.places if p.address and p.label]
        if addressed:
            header += f"\n{addressed[0].label}"
        return f"{header}\n{_bullets(lines)}"

    def contact_field(self, partner: Partner, field_name: str) -> str:
        """One contact attribute (phone, fax, email, web, address) or what there is instead."""
        if field_name == "address":
            values = [_place_text(p) for p in partner.places if p.address]
        else:
            values = [_item_text(i) for i in partner.contact_items(field_name)]
        if values:
            label = self.label(field_name)
            said = self._sentences_naming(partner, partner.contact_items(field_name)) if field_name == "web" else []
            if len(values) == 1:
                return "\n".join([f"{partner.display_name}\n{label}: {values[0]}", *said])
            return "\n".join([f"{partner.display_name}\n{label}:\n{_bullets(values)}", *said])
        missing = self._say(f"missing_{field_name}", name=partner.display_name)
        others = self.contact_lines(partner)
        if others:
            # The page's sentences about its websites say where the rest is ("Kontaktdaten, Öffnungszeiten
            # und Angebote finden sich unter www.jugendmigrationsdienste.de."): what the page does say.
            said = self._sentences_naming(partner, partner.contact_items("web"))
            return "\n".join([f"{missing} {self._say('contact_instead')}\n{_bullets(others)}", *said])
        return f"{missing} {self._without_contact_hint(partner, field_name == 'web')}"

    def _sentences_naming(self, partner: Partner, items: Sequence[ContactItem]) -> List[str]:
        """The page's sentences about a web address ("Unter www.jmd-onlineberatung.de (JMD4YOU)
        beraten …"), quoted: what the site is for, in the page's words."""
        hosts = [re.sub(r"^https?://", "", i.value).strip("/") for i in items]
        return [self.quoted(s) for s in partner.quoted_sentences if any(h and h in s for h in hosts)]

    def _without_contact_hint(self, partner: Partner, to_look_up: bool = False) -> str:
        """No contact data: the seat, with the page's sentence that names it ("… ein gemeinnütziger
        Verein mit Sitz in Köln"), so the answer gives what the page does say, in its words. Asked for
        a website (`to_look_up`), else the sentence with its fullest name: the name to search for."""
        where = partner.cities
        if where:
            seat = next((s for s in partner.quoted_sentences
                         if any(re.search(rf"\b{re.escape(c)}\b", s) for c in where)), None)
            known = self._say("only_seat_known", cities=self.enumerate_german(list(where)))
            return known + (f"\n{self.quoted(seat)}" if seat else "")
        # Nor a seat, and a website asked: the page's sentence with the longest of its names ("… in einem
        # Väternetzwerk, der Arbeitsgruppe Väter mit Migrationshintergrund in NRW, …"), to search for.
        names = sorted(partner.names, key=len, reverse=True) if to_look_up else []
        naming = next((s for name in names for s in partner.quoted_sentences if name in s), None)
        return self._say("no_contact_on_page", site=self.site) + (f"\n{self.quoted(naming)}" if naming else "")

    def location(self, partner: Partner, city: Optional[str] = None) -> str:
        """Where a partner sits, optionally answering for one asked-about city."""
        name = partner.display_name
        cities = list(partner.cities)
        if city and cities:
            if city in cities:
                places = [_place_text(p) for p in partner.places if p.city == city]
                return self._say("location_in_city", name=name, city=city, places=self.enumerate_german(places))
            return self._say("location_not_in_city", name=name, city=city, cities=self.enumerate_german(cities))
        places = [_place_text(p) for p in partner.places]
        if not places:
            return f"{self._say('location_unknown', name=name)} {self._web_hint(partner)}".strip()
        if len(cities) > 1:
            text = self._say("location_several", name=name, cities=self.enumerate_german(cities))
            if not any(p.address for p in partner.places):
                text += " " + self._say("location_no_addresses")
            return f"{text} {self._web_hint(partner)}".strip()
        return f"{name}:\n{_bullets(places)}"

    def _web_hint(self, partner: Partner) -> str:
        web = partner.contact_items("web")
        return self._say("more_online", web=web[0].value) if web else ""

    def partner_info(self, partner: Partner) -> str:
        """What a partner is and does, and how to reach it.

        The further quoted sentences (facts, lists) are not listed here: they answer the
        single questions that ask for them ("Seit wann …?").
        """
        parts = [self.about(partner)]
        if self.contact_lines(partner):
            parts.append(self.contact_card(partner))
        else:
            cities = self.enumerate_german(list(partner.cities))
            where = f"{self.label('seat')}: {cities}. " if partner.cities else ""
            parts.append(where + self._say("info_no_contact", name=partner.display_name))
        return "\n\n".join(parts)

    @staticmethod
    def about(partner: Partner) -> str:
        """Its name and kind, then what the page says of it (the description, as on the page)."""
        return f"{partner.display_name} – {partner.kind}\n\n{partner.description or partner.summary}"

    @staticmethod
    def partner_line(partner: Partner) -> str:
        """One line per partner in a list: name, then the short summary."""
        return f"{partner.display_name}: {partner.summary}"

    def partners_for(self, heading: str, partners: Sequence[Partner]) -> str:
        """A list answer; a single partner gets what the page says of it (its description, the
        page's own words, not our one-line summary) and its contact card, as people then call."""
        if len(partners) == 1:
            partner = partners[0]
            return f"{heading}\n{partner.description or partner.summary}\n\n{self.contact_card(partner)}"
        return f"{heading}\n{_bullets(self.partner_line(p) for p in partners)}"

    def partners_for_group(self, group_label: str, partners: Sequence[Partner], reasons: Mapping[str, str]) -> str:
        """Who helps a target group: the matching partners, each with the page's sentence that
        fits the message best (`reasons`; else its first sentence), and how to reach them."""
        if not partners:
            return self._say("no_partner_for_group", group=group_label)
        heading = self._say("group_heading_one" if len(partners) == 1 else "group_heading_many", group=group_label)
        return self.partners_with_reasons(heading, partners, reasons)

    def partners_with_reasons(self, heading: str, partners: Sequence[Partner], reasons: Mapping[str, str]) -> str:
        """Partners under a heading, each with the page's sentence that fits the message best
        (`reasons`; else its first sentence), and how to reach them."""
        if len(partners) == 1:
            # The page's description, and first the sentence that fits the message if it says something else.
            said = reasons.get(partners[0].id)
            if said and not partners[0].describes(said):
                heading += f"\n{self.quoted(said)}"
            return self.partners_for(heading, partners)
        blocks = [heading]
        for position, partner in enumerate(partners):
            reach = self.contact_lines(partner) or [f"{self.label('seat')}: {c}" for c in partner.cities]
            said = " ".join(self.quoted(s) for s in self.sentences_listed(partner, reasons, position == 0)) or None
            block = f"• {partner.display_name}: {said}" if said else f"• {self.partner_line(partner)}"
            if reach:
                block += "\n  " + "\n  ".join(reach)
            blocks.append(block)
        return "\n".join(blocks)

    def sentences_listed(self, partner: Partner, reasons: Mapping[str, str], first: bool) -> List[str]:
        """The page's sentences a list says of a partner: the one that fits the message (its
        reason). The first of the list fits the message best: it is said what it is, as a single
        partner is (its description, the page's own words: "… unterstützt die kommunalen
        Migrantenvertretungen, koordiniert ihre Arbeit …" is the Landesintegrationsrat's second
        sentence), before its reason, when that is another sentence."""
        said = self.reason_for(partner, reasons)
        if not first:
            return [said] if said else []
        opening = self.reason_for(partner, {})
        described = [t for t in partner.quoted_sentences if partner.describes(t)]
        described = sorted(described, key=(partner.description or "").index) or (
            [opening] if opening else [])
        return [*described, *([said] if said and said not in described else [])]

    @staticmethod
    def reason_for(partner: Partner, reasons: Mapping[str, str]) -> Optional[str]:
        """The page's sentence quoted for a partner in a list: the one that fits the message
        (`reasons`), else the one that says what it is, so every listed partner is said in the page's words."""
        return reasons.get(partner.id) or partner.opening_sentence

    @staticmethod
    def general_info(general: GeneralInfo) -> str:
        """The page's general facts: how many people, which law."""
        return f"{general.summary}\n{_bullets(general.facts)}"

    def ask_which_partner(self, partners: Sequence[Partner]) -> str:
        """Asked when a question names no partner and none was talked about before."""
        return self._say("ask_which_partner", names=", ".join(p.short_name or p.name for p in partners))

    def ask_which_group(self, groups: Sequence[Vocabulary]) -> str:
        """Asked when a 'who helps' question names neither a group nor a topic we know."""
        return self._say("ask_which_group", groups=", ".join(group.label for group in groups))

    def choose_prompt(self) -> str:
        """Below a list of several fitting partners that come with buttons."""
        return self._say("choose_partner")

    def nothing_in_city(self, city: str, known_cities: Sequence[str]) -> str:
        """A list question about a city where no partner sits."""
        return self._say("nothing_in_city", city=city, cities=self.enumerate_german(list(known_cities)))

    def all_partners_heading(self) -> str:
        """Above the list of every partner, grouped by kind."""
        return self._say("all_partners_heading")

    def describe_intent(self, intent: str, subject: Optional[str]) -> str:
        """A "Meinten Sie …?" button title for one intent, naming the partner when one was recognised."""
        return self._say(MEANT_FRAMES[intent], subject=subject or self._say("meant_any_partner"))

    def not_meant_button(self) -> str:
        """The "Meinten Sie …?" button for "none of these"."""
        return self._say("meant_something_else")

    def did_you_mean(self) -> str:
        """The question above the "Meinten Sie …?" buttons (two-stage fallback)."""
        return self._say("did_you_mean")
