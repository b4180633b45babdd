"""Contact answers with the real knowledge file: a value the page does not give is said to be
missing, with what the page does say. The sentences are written for this test (no evaluation
sentences); expected values and sentences are read from the knowledge file."""

from __future__ import annotations

from actions.replies import Replies
from tests.support.fixtures import ask, entity

REPLIES = Replies()


def test_a_missing_phone_number_comes_with_the_pages_sentence_about_its_website(knowledge) -> None:
    """The JMD have no phone number on the page; the page says where their contact data are
    ("Kontaktdaten, Öffnungszeiten und Angebote finden sich unter www.jugendmigrationsdienste.de."):
    that sentence is quoted below the contact data there are."""
    partner = knowledge.partner("jmd")
    assert not partner.contact_items("phone")
    hosts = [item.value for item in partner.contact_items("web")]
    naming = [s for s in partner.quoted_sentences if any(h.replace("http://", "").strip("/") in s for h in hosts)]
    assert naming
    answer, _ = ask("Welche Telefonnummer haben die Jugendmigrationsdienste?", intent="ask_partner_contact",
                    entities=[entity("partner", "jmd"), entity("contact_attribute", "phone")])
    assert REPLIES.text("missing_phone", "de", name=partner.display_name) in answer, answer
    assert all(f"„{sentence}“" in answer for sentence in naming), answer
