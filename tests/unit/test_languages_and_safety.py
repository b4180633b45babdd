"""Every resident: danger first, answers in the user's language, a person when asked.

Messages are played through action_answer with the intent Rasa gives a message it
was not trained for (out_of_scope), so the understanding step alone decides. Expected
numbers, names and words are read from the knowledge and reply files.
"""

from __future__ import annotations

import asyncio
from typing import List

import pytest
from rasa_sdk.executor import CollectingDispatcher

from actions import actions
from actions.languages import UNKNOWN, LanguageDetector, TranslatedWords, detector_for, points_back
from actions.replies import Replies
from actions.router import TRANSLATED_FRAMES
from actions.spelling import fold
from tests.support.fixtures import ask, entity, make_tracker

REPLIES = Replies()


def emergency_numbers(knowledge, crisis: bool = False) -> List[str]:
    return [n.number for n in knowledge.safety.numbers if n.crisis == crisis]


@pytest.mark.parametrize("text", [
    "Hilfe, mein Nachbar bedroht mich mit einem Messer",
    "Ich wurde gestern auf der Straße angegriffen, weil ich Ausländer bin",
    "ich habe angst mein mann hat mir gewalt angetan",
])
def test_danger_gets_the_emergency_numbers_first(knowledge, text: str) -> None:
    answer, _ = ask(text)
    numbers = emergency_numbers(knowledge)
    assert all(n in answer for n in numbers)
    first_partner = min([answer.find(p.display_name) for p in knowledge.partners if p.display_name in answer],
                        default=len(answer))
    assert max(answer.find(n) for n in numbers) < first_partner


def test_a_racist_attack_then_gets_the_anti_discrimination_partners(knowledge) -> None:
    answer, _ = ask("Ich wurde rassistisch beleidigt und angegriffen")
    discrimination = [p for p in knowledge.partners if "diskriminierung" in p.topics]
    assert discrimination and any(p.display_name in answer for p in discrimination)


def test_after_the_numbers_each_partner_comes_with_what_it_does(knowledge) -> None:
    """"… streit und schlagen in der schule … etwas für jungen?": after 110/112, the partner's
    sentence of what it does, also when the page gives it no phone or e-mail to list."""
    answer, _ = ask("mein sohn wird in der schule geschlagen, gibt es etwas speziell für jungen?")
    assert all(n in answer for n in emergency_numbers(knowledge))
    shown = [p for p in knowledge.partners if p.display_name in answer]
    assert shown and all(p.opening_sentence and p.opening_sentence in answer for p in shown), answer


def test_thoughts_of_suicide_get_the_crisis_line_with_its_source(knowledge) -> None:
    answer, _ = ask("ich will nicht mehr leben")
    crisis = [n for n in knowledge.safety.numbers if n.crisis]
    assert crisis and all(n.number in answer for n in crisis)
    assert all(n.source in answer for n in crisis)
    assert all(n in answer for n in emergency_numbers(knowledge))


@pytest.mark.parametrize("language,text", [
    ("tr", "Kocam beni dövüyor, çok korkuyorum"),
    ("ru", "Мне угрожают, я в опасности"),
    ("ar", "زوجي يضربني وأنا خائفة"),
])
def test_danger_in_another_language_is_answered_in_it(knowledge, language: str, text: str) -> None:
    answer, _ = ask(text)
    assert all(n in answer for n in emergency_numbers(knowledge))
    assert REPLIES.text("emergency_intro", language) in answer
    police = next(n for n in knowledge.safety.numbers if not n.crisis)
    assert police.names[language] in answer


@pytest.mark.parametrize("text,intent,entities", [
    ("Was macht das Antidiskriminierungsbüro gegen rassistische Gewalt?", "ask_partner_info", [entity("partner", "adb")]),
    ("Welche Stelle hilft bei Angst vor Diskriminierung?", "ask_target_group_help", [entity("topic", "diskriminierung")]),
    ("Ich bin mit dem Zug nach Köln gefahren, wo sitzt das DOMiD?", "ask_partner_location", [entity("partner", "domid")]),
])
def test_danger_words_in_a_question_about_partners_are_no_emergency(knowledge, text, intent, entities) -> None:
    answer, _ = ask(text, intent, entities)
    assert not any(n in answer for n in emergency_numbers(knowledge))


def test_a_weak_word_that_describes_others_is_no_emergency(knowledge) -> None:
    """"die verfolgten Sinti und Roma" of a memorial tells of others; "ich werde verfolgt" of the writer."""
    answer, _ = ask("Ich plane eine Gedenkfeier für die verfolgten Sinti und Roma, wen kann ich fragen?", "greet")
    assert not any(n in answer for n in emergency_numbers(knowledge))
    answer, _ = ask("Ich werde verfolgt, ich habe Angst", "greet")
    assert all(n in answer for n in emergency_numbers(knowledge))
    answer, _ = ask("Ich bin eine bedrohte Frau und brauche Hilfe", "greet")  # of the writer, after "bin"
    assert all(n in answer for n in emergency_numbers(knowledge))


@pytest.mark.parametrize("language,text", [
    ("tr", "Gençlere danışmanlık yapan bir yer var mı?"),
    ("ru", "Где молодёжь может получить консультацию?"),
    ("pl", "Gdzie młodzież może dostać poradę?"),
])
def test_a_question_in_another_language_gets_its_partners_in_that_language(knowledge, language, text) -> None:
    """Young people + advice: the partners that serve both, as in German, each said in the page's
    words (announced as German) as in German."""
    answer, slots = ask(text)
    young = [p for p in knowledge.partners if "junge_menschen" in p.target_groups]
    fitting = [p for p in young if "beratung" in p.topics] or young
    assert fitting and all(p.display_name in answer for p in fitting)
    assert all(any(f"„{s}“" in answer for s in p.quoted_sentences) for p in fitting), answer
    assert REPLIES.text("help_heading", language) in answer
    assert REPLIES.text("german_follows", language, site=knowledge.source_site) in answer
    assert slots.get("language") == language
    # The first is said what it is, as in German: every sentence of its description.
    first = min(fitting, key=lambda p: answer.index(p.display_name))
    assert all(f"„{s}“" in answer for s in first.quoted_sentences if s in first.description), answer


def test_a_short_message_keeps_the_conversations_language(knowledge) -> None:
    _, slots = ask("Gençlere danışmanlık yapan bir yer var mı?")
    answer, after = ask("tamam", "greet", slots=slots)
    assert after.get("language") == "tr"
    assert REPLIES.text("intro", "tr") in answer


def test_a_language_the_bot_does_not_read_gets_the_list_of_its_languages(knowledge) -> None:
    answer, _ = ask("Dove posso trovare un consultorio per i giovani stranieri nella mia città?")
    for code in knowledge.languages:
        assert REPLIES.text("language_name", code) in answer
    assert REPLIES.text("languages_known", "en", languages="").split(":")[0] in answer


def test_a_message_full_of_a_served_languages_small_words_is_in_that_language(knowledge) -> None:
    """Russian with a place name the all-language model takes for Serbian ("Казахстана") is
    Russian; Serbian itself, with few Russian small words, stays a language the bot does not read."""
    detector = detector_for(tuple(knowledge.languages))
    assert detector.detect("А её муж из Казахстана, у него нет немецкого паспорта. Когда у него будут такие права?") == "ru"
    assert detector.detect("Мој брат живи у Београду и тражи посао, ко може да му помогне?") == UNKNOWN


def test_a_question_word_of_the_knowledge_file_counts_as_a_small_word_of_its_language() -> None:
    """spaCy's Portuguese stop words lack "quantos" and "destes": the knowledge file's question word
    says the message is Portuguese, not German; German with no such word stays German, and a
    language without spaCy stop words (Kurmanji) is not held to them."""
    languages = ("de", "en", "pt", "ku")
    detector = LanguageDetector(languages, (("pt", ("quantos", "qual número")), ("ku", ("kengî",))))
    assert detector.detect("Quantos destes serviços existem?", previous="de") == "pt"
    assert LanguageDetector(languages).detect("Quantos destes serviços existem?", previous="de") == "de"
    assert detector.detect("wie viele Mitglieder hat der Rat?", previous="de") == "de"
    assert detector.detect("Li Dortmundê jî heye?", previous="de") == "ku"


def test_small_words_of_a_language_without_stop_words_outvote_german_look_alikes(knowledge) -> None:
    """spaCy has no Kurmanji stop words: a Kurmanji message with German look-alikes ("in", "an",
    "hin") was taken for German. Small words given for it (the knowledge file's `small_words`) count as
    stop words; German stays German."""
    text = ("Silav, ez li Hammê dijîm û sê sal in em li Almanyayê ne. Keça min dixwaze an Abitur an jî "
            "pîşeyek hîn bibe. Kî dikare alîkariya wê bike?")
    assert LanguageDetector(knowledge.languages).detect(text, previous="de") == "de"
    detector = LanguageDetector(knowledge.languages, small_words=(("ku", ("ji", "li", "ez", "min", "kî", "jî")),))
    assert detector.detect(text, previous="de") == "ku"
    assert detector.detect("Meine Tochter ist 17 und will in eine Ausbildung, wer hilft ihr dabei?", previous="de") == "de"


def test_a_language_the_bot_does_not_read_is_not_outvoted_by_english_look_alikes() -> None:
    """Italian that the model of the served languages reads as Spanish has English look-alikes ("in",
    "per", "i"): the all-language model is sure it is Italian, a language the bot does not read."""
    detector = LanguageDetector(("de", "en", "tr", "ar", "ru", "uk", "pl", "fa", "ro", "ku", "fr", "es", "pt"))
    assert detector.detect("Buongiorno, in quale città si trova questo ufficio per i giovani? Grazie mille",
                           previous="de") == UNKNOWN



def test_small_words_count_typed_with_or_without_accents() -> None:
    """spaCy writes Albanian stop words without accents ("cfare", "im"); people type "Çfarë" and
    "më": compared without accents, the message is Albanian, not German."""
    detector = LanguageDetector(("de", "en", "sq"))
    assert detector.detect("Çfarë bën Landesintegrationsrat?", previous="de") == "sq"
    assert detector.detect("Më kërcënon burri im, kam frikë", previous="de") == "sq"
    assert detector.detect("Was macht der Landesintegrationsrat?", previous="de") == "de"


def test_asking_for_a_person_after_a_partner_gives_its_human_contact(knowledge) -> None:
    kfi = knowledge.partner("kfi")
    _, slots = ask("Was macht das KfI?", "ask_partner_info", [entity("partner", "kfi")])
    answer, _ = ask("Kann ich da mit jemandem sprechen?", "bot_challenge", slots=slots)
    assert REPLIES.text("person_intro", "de", site=knowledge.source_site) in answer
    assert all(item.value in answer for item in kfi.contact_items("phone"))


def test_asking_for_a_person_without_a_subject_lists_who_advises(knowledge) -> None:
    answer, _ = ask("Ich möchte mit einem echten Menschen sprechen", "bot_challenge")
    advising = [p for p in knowledge.partners if "beratung" in p.topics]
    assert advising and all(p.display_name in answer for p in advising)


def test_short_messages_keep_the_language_the_widget_sends(knowledge) -> None:
    detector = detector_for(tuple(knowledge.languages))
    assert detector.detect("ok", previous=None, metadata="ar") == "ar"
    assert detector.detect("danke", previous="tr", metadata="ar") == "tr"
    assert detector.detect("ok") == "de"


def test_the_words_of_a_phrase_of_another_language_match_with_their_endings() -> None:
    """"li kîjan bajaran" (in which cities) is the phrase "kîjan bajar" with a plural ending; a word of
    four letters or fewer takes none ("cu cine" is not "cu cineva", someone)."""
    assert TranslatedWords([("kîjan bajar", "location")]).items("Ev nivîsgeh li kîjan bajaran in?") == ["location"]
    assert TranslatedWords([("cu cine", "organisation")]).items("Pot vorbi cu cineva?") == []
    assert TranslatedWords([("kîjan bajar", "location")], endings=False).items("li kîjan bajaran") == []


def test_words_of_other_languages_match_with_their_endings() -> None:
    words = TranslatedWords([("gençler", "young"), ("شباب", "young"), ("danışmanlık", "advice")])
    assert words.items("gençlere danışmanlık") == ["young", "advice"]
    assert words.items("للشباب") == ["young"]
    assert TranslatedWords([("gefahr", "danger")], endings=False).items("ich bin gefahren") == []


def test_every_translated_frame_has_every_language(knowledge) -> None:
    missing = [m for m in REPLIES.missing(list(knowledge.languages)) if m.split(":")[0] in TRANSLATED_FRAMES]
    assert not missing, f"knowledge/replies.yml: Texte fehlen: {missing}"


def test_every_emergency_number_has_a_name_in_every_language(knowledge) -> None:
    for number in knowledge.safety.numbers:
        assert set(knowledge.languages) <= set(number.names), number.number


@pytest.mark.parametrize("asked,frame", [("source", "source_of"), ("location", "places_heading"),
                                         ("list", "list_heading"), ("not_stated", "not_stated")])
def test_answers_other_than_quotes_are_in_the_users_language(knowledge, asked: str, frame: str) -> None:
    """Source, places, lists and "not on the page" are said in the user's language; the
    names and the page's section stay as on the page."""
    from actions.directory import PartnerDirectory
    from actions.memory import Memory
    from actions.router import Router
    from actions.question import Asked, Question

    kfi = knowledge.partner("kfi")
    dispatcher = CollectingDispatcher()
    question = Question(text="…", intent="out_of_scope", asked=Asked(asked), partners=[kfi], named=True,
                        language="ru")
    Router(PartnerDirectory(knowledge), REPLIES, dispatcher, Memory()).answer(question)
    answer = "\n".join(m.get("text") or "" for m in dispatcher.messages)
    values = {"name": kfi.display_name, "site": knowledge.source_site, "section": kfi.source}
    expected = REPLIES.text(frame, "ru", **values)
    assert expected.split("{")[0] in answer
    assert REPLIES.text(frame, "de", **values) not in answer
    if asked in ("location", "list"):
        assert kfi.display_name in answer


def test_a_message_full_of_one_languages_stop_words_is_in_that_language(knowledge) -> None:
    """Romanian typed without diacritics ("unde pot sa ma plang …") looks German to the model
    (it names "Siegen" and says "am", "in"); its stop words say Romanian. German stays German."""
    detector = detector_for(tuple(knowledge.languages))
    romanian = "unde pot sa ma plang daca am fost discriminat cand am cautat apartament? stau in Siegen"
    assert detector.detect(romanian, None, "") == "ro"
    assert detector.detect("gibt es in Köln eine Stelle für mich, wenn ich diskriminiert wurde?", None, "") == "de"


@pytest.mark.parametrize("asked,fields", [("location", []), ("fields", ["address"])])
def test_where_a_partner_sits_quotes_the_pages_sentence_in_every_language(knowledge, asked: str, fields) -> None:
    """"ok and the museum about migration, where is it located?": "Place: Köln" and the page's German
    sentence that says it, announced as German, with its source."""
    from actions.directory import PartnerDirectory
    from actions.memory import Memory
    from actions.router import Router
    from actions.question import Asked, Question

    domid = knowledge.partner("domid")
    dispatcher = CollectingDispatcher()
    question = Question(text="…", intent="ask_partner_location", asked=Asked(asked), partners=[domid], named=True,
                        language="en", fields=fields)
    Router(PartnerDirectory(knowledge), REPLIES, dispatcher, Memory()).answer(question)
    answer = "\n".join(m.get("text") or "" for m in dispatcher.messages)
    sentence = next(s for s in domid.quoted_sentences if "Köln" in s)
    assert f"„{sentence}“" in answer and REPLIES.text("german_follows", "en", site=knowledge.source_site) in answer


def test_what_a_partner_does_in_another_language_has_no_german_bot_sentence(directory) -> None:
    """"what do they do there exactly" after the DOMiD: what it is (not where), the page's German
    text announced in English, the contact lines labelled in English."""
    from actions.memory import Memory
    from actions.question import Asked

    understanding = actions.UNDERSTANDING.get(directory)
    memory = Memory(subject="domid", mentioned=["domid"], last_asked=Asked.FACT.value, language="en")
    tracker = make_tracker(text="what do they do there exactly", intent="ask_partner_location")
    question = understanding.read(tracker, memory)
    assert question.asked == Asked.SUMMARY
    dispatcher = CollectingDispatcher()
    tracker = make_tracker(text="what do they do there exactly", intent="ask_partner_location",
                           slots={"partner": "domid", "mentioned_partners": ["domid"], "last_asked": "fact",
                                  "language": "en"})
    asyncio.run(actions.ActionAnswer().run(dispatcher, tracker, {}))
    answer = "\n".join(m.get("text") or "" for m in dispatcher.messages)
    assert "This is what" in answer and "nicht in meinen Unterlagen" not in answer and "Place: Köln" in answer


def test_a_turkish_capital_dotted_i_keeps_its_word_whole() -> None:
    """"İsmim" folds to "ismim": casefold makes "i" and a combining dot, which is no word character and
    would split the word ("i smim"), so no Turkish word written with a capital "İ" matched."""
    assert fold("İsmim İbrahim, İstanbul'dan") == "ismim ibrahim istanbul dan"


def test_a_greek_demonstrative_points_back_across_its_article() -> None:
    """Greek says "αυτό το γραφείο" (this the office): the article is a small word, the noun after it counts."""
    pointers = frozenset(["αυτό", "αυτη", "αυτή"])
    assert points_back(fold("Πού είναι αυτό το γραφείο;").split(), pointers, "el")
    assert not points_back(fold("ce que fait le bureau").split(), frozenset(["ce"]), "fr")
