"""Compose the bot's German answers from knowledge-file entries.

Every value in an answer (name, phone, address, web address, number) comes from
the knowledge file; this module only adds the connecting words. When the file has
no value for what was asked, the answer says so and offers what the file does
have, because an invented phone number is worse than none.
"""

from __future__ import annotations

import re
from typing import Iterable, List, Mapping, Optional, Sequence

from actions.knowledge import ContactItem, GeneralInfo, Partner, Place, Vocabulary

# What each contact attribute is called in an answer, and in "no ... known".
FIELD_LABELS = {
    "phone": "Telefon",
    "fax": "Fax",
    "email": "E-Mail",
    "web": "Internet",
    "address": "Adresse",
}
_FIELD_NOUNS = {
    "phone": "Telefonnummer",
    "fax": "Faxnummer",
    "email": "E-Mail-Adresse",
    "web": "Internetadresse",
    "address": "Postadresse",
}


def _bullets(lines: Iterable[str]) -> str:
    return "\n".join(f"• {line}" for line in lines)


def _item_text(item: ContactItem) -> str:
    return f"{item.value} ({item.note})" if item.note else item.value


def _place_text(place: Place) -> str:
    parts = [part for part in (place.label, place.address) if part]
    if place.city and not (place.address and place.city in place.address):
        parts.append(place.city)
    return ", ".join(parts)


def enumerate_german(items: Sequence[str]) -> str:
    """'A', 'A und B', 'A, B und C': how a German sentence lists things."""
    if len(items) <= 1:
        return "".join(items)
    return f"{', '.join(items[:-1])} und {items[-1]}"


def contact_lines(partner: Partner) -> List[str]:
    """All contact data of a partner as labelled lines; addresses first."""
    lines = [f"{FIELD_LABELS['address']}: {place.address}" for place in partner.places if place.address]
    for field_name in ("phone", "fax", "email", "web"):
        lines.extend(f"{FIELD_LABELS[field_name]}: {_item_text(i)}" for i in partner.contact_items(field_name))
    return lines


def contact_card(partner: Partner) -> str:
    """The whole contact card, or an honest note that the page lists no contact data."""
    lines = contact_lines(partner)
    if not lines:
        return f"Für {partner.display_name} stehen keine Kontaktdaten in meinen Unterlagen."
    header = f"So erreichen Sie {partner.display_name}:"
    addressed = [p for p in partner.places if p.address and p.label]
    if addressed:
        header += f"\n{addressed[0].label}"
    return f"{header}\n{_bullets(lines)}"


def contact_field(partner: Partner, field_name: str) -> str:
    """One contact attribute (phone, fax, email, web, address) or what there is instead."""
    if field_name == "address":
        values = [_place_text(p) for p in partner.places if p.address]
    else:
        values = [_item_text(i) for i in partner.contact_items(field_name)]
    if values:
        label = FIELD_LABELS[field_name]
        said = _sentences_naming(partner, partner.contact_items(field_name)) if field_name == "web" else []
        if len(values) == 1:
            return "\n".join([f"{partner.display_name}\n{label}: {values[0]}", *said])
        return "\n".join([f"{partner.display_name}\n{label}:\n{_bullets(values)}", *said])
    missing = f"Für {partner.display_name} steht keine {_FIELD_NOUNS[field_name]} in meinen Unterlagen."
    others = contact_lines(partner)
    if others:
        return f"{missing} Das habe ich:\n{_bullets(others)}"
    return f"{missing} {_without_contact_hint(partner)}"


def _sentences_naming(partner: Partner, items: Sequence[ContactItem]) -> List[str]:
    """The page's sentences about a web address ("Unter www.jmd-onlineberatung.de (JMD4YOU)
    beraten …"), quoted: what the site is for, in the page's words."""
    hosts = [re.sub(r"^https?://", "", i.value).strip("/") for i in items]
    return [f"„{s}“" for s in partner.quoted_sentences if any(h and h in s for h in hosts)]


def _without_contact_hint(partner: Partner) -> str:
    """No contact data: the seat, with the page's sentence that names it ("… ein gemeinnütziger
    Verein mit Sitz in Köln"), so the answer gives what the page does say, in its words."""
    where = partner.cities
    if where:
        seat = next((s for s in partner.quoted_sentences if any(re.search(rf"\b{re.escape(c)}\b", s) for c in where)), None)
        return f"Bekannt ist nur der Sitz: {enumerate_german(list(where))}." + (f"\n„{seat}“" if seat else "")
    return "Auch sonst nennt die Seite chancen.nrw keine Kontaktdaten."


def location(partner: Partner, city: Optional[str] = None) -> str:
    """Where a partner sits, optionally answering for one asked-about city."""
    cities = list(partner.cities)
    if city and cities:
        if city in cities:
            places = [_place_text(p) for p in partner.places if p.city == city]
            return f"Ja, {partner.display_name} gibt es in {city}: {enumerate_german(places)}."
        return (
            f"Für {partner.display_name} nennen meine Unterlagen keinen Standort in {city}. "
            f"Standorte: {enumerate_german(cities)}."
        )
    places = [_place_text(p) for p in partner.places]
    if not places:
        return f"Für {partner.display_name} nennen meine Unterlagen weder Sitz noch Adresse. {_web_hint(partner)}".strip()
    if len(cities) > 1:
        text = f"{partner.display_name} haben ihren Sitz in {enumerate_german(cities)}."
        if not any(p.address for p in partner.places):
            text += " Genaue Adressen der einzelnen Standorte stehen nicht in meinen Unterlagen."
        return f"{text} {_web_hint(partner)}".strip()
    return f"{partner.display_name}:\n{_bullets(places)}"


def _web_hint(partner: Partner) -> str:
    web = partner.contact_items("web")
    return f"Mehr im Internet: {web[0].value}" if web else ""


def partner_info(partner: Partner) -> str:
    """What a partner is and does, and how to reach it.

    The further quoted sentences (facts, lists) are not listed here: they answer the
    single questions that ask for them ("Seit wann …?").
    """
    parts = [f"{partner.display_name} – {partner.kind}", partner.description]
    if contact_lines(partner):
        parts.append(contact_card(partner))
    else:
        where = f"Sitz: {enumerate_german(list(partner.cities))}. " if partner.cities else ""
        parts.append(f"{where}Telefon, E-Mail oder Internetadresse stehen für {partner.display_name} nicht in meinen Unterlagen.")
    return "\n\n".join(parts)


def partner_line(partner: Partner) -> str:
    """One line per partner in a list: name, then the short summary."""
    return f"{partner.display_name}: {partner.summary}"


def partners_for(heading: str, partners: Sequence[Partner]) -> str:
    """A list answer; a single partner gets what the page says of it (its description, the
    page's own words, not our one-line summary) and its contact card, as people then call."""
    if len(partners) == 1:
        partner = partners[0]
        return f"{heading}\n{partner.description or partner.summary}\n\n{contact_card(partner)}"
    return f"{heading}\n{_bullets(partner_line(p) for p in partners)}"


def partners_for_group(group_label: str, partners: Sequence[Partner], reasons: Mapping[str, str]) -> str:
    """Who helps a target group: the matching partners, each with the page's sentence that
    fits the message best (`reasons`; else its first sentence), and how to reach them."""
    if not partners:
        return f"Für „{group_label}“ kenne ich keine passende Stelle."
    heading = f"Für {group_label} ist da:" if len(partners) == 1 else f"Für {group_label} sind da:"
    if len(partners) == 1:
        # The page's description, and first the sentence that fits the message if it says something else.
        said = reasons.get(partners[0].id)
        if said and said not in (partners[0].description or ""):
            heading += f"\n„{said}“"
        return partners_for(heading, partners)
    blocks = [heading]
    for partner in partners:
        reach = contact_lines(partner) or [f"Sitz: {c}" for c in partner.cities]
        said = reasons.get(partner.id) or next(iter(partner.quoted_sentences), None)
        block = f"• {partner.display_name}: „{said}“" if said else f"• {partner_line(partner)}"
        if reach:
            block += "\n  " + "\n  ".join(reach)
        blocks.append(block)
    return "\n".join(blocks)


def general_info(general: GeneralInfo) -> str:
    """The page's general facts: how many people, which law."""
    return f"{general.summary}\n{_bullets(general.facts)}"


def ask_which_partner(partners: Sequence[Partner]) -> str:
    """Asked when a question names no partner and none was talked about before."""
    names = [p.short_name or p.name for p in partners]
    return (
        "Zu welcher Stelle möchten Sie das wissen? Schreiben Sie bitte den Namen "
        "oder die Abkürzung dazu.\n"
        f"Ich kenne: {', '.join(names)}."
    )


def ask_which_group(groups: Sequence[Vocabulary]) -> str:
    """Asked when a 'who helps' question names neither a group nor a topic we know."""
    return (
        "Für wen suchen Sie Unterstützung? Ich kenne Stellen für: "
        f"{', '.join(group.label for group in groups)}."
    )


def choose_prompt() -> str:
    """Below a list of several fitting partners that come with buttons."""
    return "Zu welcher Stelle möchten Sie mehr wissen?"


def nothing_in_city(city: str, known_cities: Sequence[str]) -> str:
    """A list question about a city where no partner sits."""
    return (
        f"In {city} sitzt laut meinen Unterlagen keine der Stellen. "
        f"Orte, die ich kenne: {enumerate_german(list(known_cities))}."
    )


def all_partners_heading() -> str:
    return "Ich kenne diese Partner, Gremien und Netzwerke der Integration in NRW:"


# How "Meinten Sie …?" names what the bot understood (two-stage fallback).
INTENT_DESCRIPTIONS = {
    "ask_partner_info": "Was macht {subject}?",
    "ask_partner_location": "Wo ist {subject}?",
    "ask_partner_contact": "Kontakt zu {subject}",
    "ask_target_group_help": "Wer hilft mir?",
    "ask_partner_list": "Welche Stellen gibt es?",
    "ask_general_info": "Zahlen und Gesetz zur Integration in NRW",
    "ask_capabilities": "Was kann der Lotse?",
    "bot_challenge": "Bist du ein Mensch?",
}
NOT_MEANT_BUTTON = "Nein, etwas anderes"


def describe_intent(intent: str, subject: Optional[str]) -> str:
    """A button title for one intent, naming the partner when one was recognised."""
    return INTENT_DESCRIPTIONS[intent].format(subject=subject or "eine Stelle")


def did_you_mean() -> str:
    return "Ich bin nicht sicher, ob ich Sie richtig verstehe. Meinten Sie:"


# Under every answer that offers no choice of its own: did it help? `make inbox` counts
# the replies and lists the questions whose answer did not help.
FEEDBACK_BUTTONS = (
    {"title": "👍 Hat geholfen", "payload": "/feedback_helpful"},
    {"title": "👎 Hat nicht geholfen", "payload": "/feedback_not_helpful"},
)
