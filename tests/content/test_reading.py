"""How the real knowledge file's words read a message: other languages, a story before the question,
a partner asked for by its name. The sentences are written for these tests (no evaluation sentences);
expected partners and sentences are read from the knowledge file and the fact index.
"""

from __future__ import annotations

from actions import actions
from actions.cues import WHOM_TERM
from actions.fact_index import ANSWER_EVIDENCE
from actions.memory import Memory
from actions.question import Asked
from tests.support.fixtures import ask, entity, make_tracker


def test_a_german_word_kept_in_another_language_is_read_as_german(directory) -> None:
    """"Gründungsdatum?" in a French conversation keeps French for the reply (two words or fewer), but
    the word is German: the subject's founding sentence answers, not "je n'ai pas compris"."""
    understanding = actions.UNDERSTANDING.get(directory)
    question = understanding.read(make_tracker(text="Gründungsdatum?", intent="ask_partner_info"),
                                  Memory(subject="landesintegrationsrat", mentioned=["landesintegrationsrat"],
                                         last_asked=Asked.HELP.value, language="fr"))
    assert question.language == "fr" and question.asked == Asked.FACT
    assert question.fact.sentence.partner_id == "landesintegrationsrat"
    assert ANSWER_EVIDENCE["date"].search(question.fact.sentence.text)


def test_a_named_partner_asked_for_with_only_its_names_words_is_what_it_is(directory) -> None:
    """"Gibt es irgendwas für Lehrkräfte mit Zuwanderungsgeschichte?": the sentence that shares only the
    name's words answers nothing asked; the project itself is the answer (its opening sentence)."""
    partner = directory.knowledge.partner("lehrkraefte")
    answer, _ = ask("Meine Tochter will Lehrerin werden. Gibt es irgendwas für Lehrkräfte mit Zuwanderungsgeschichte?",
                    intent="ask_target_group_help",
                    entities=[entity("partner", "lehrkraefte"), entity("target_group", "lehrkraefte")])
    assert partner.quoted_sentences[0] in answer, answer


def test_a_named_partner_asked_to_exist_by_what_it_is_called_is_what_it_is(directory) -> None:
    """"Existiert ein Netzwerk für Lehrkräfte mit Zuwanderungsgeschichte?": "Netzwerk" (a kind of partner)
    calls the partner named; it asks for no sentence of it. The answer is what it is (its description),
    not the sentence about the "Lehrernetzwerke" that shares the word."""
    partner = directory.knowledge.partner("lehrkraefte")
    understanding = actions.UNDERSTANDING.get(directory)
    question = understanding.read(make_tracker(
        text="Existiert in NRW eigentlich ein Netzwerk für Lehrkräfte mit Zuwanderungsgeschichte?",
        intent="ask_target_group_help",
        entities=[entity("partner", "lehrkraefte"), entity("target_group", "lehrkraefte"), entity("kind", "Netzwerk")]),
        Memory())
    assert question.asked == Asked.SUMMARY and question.fact is None, (question.asked, question.fact)
    assert [p.id for p in question.partners] == [partner.id]


def test_a_kind_of_fact_asked_of_a_group_in_another_language_is_the_pages_sentence(directory) -> None:
    """"Когда поздние переселенцы получают полные политические права?" (when do late repatriates get full
    political rights?) names no partner: the page's sentence that says the rights of that group
    answers, as in German, not who helps the group."""
    understanding = actions.UNDERSTANDING.get(directory)
    question = understanding.read(make_tracker(text="Когда поздние переселенцы получают полные политические права?",
                                               intent="nlu_fallback"), Memory())
    assert question.language == "ru" and question.asked == Asked.FACT, question.asked
    assert "~rechte" in question.fact.matched
    group = directory.knowledge.target_group("spaetaussiedler")
    assert any(word in question.fact.sentence.text for word in group.words), question.fact.sentence.text


def test_a_group_of_the_story_in_another_language_is_context_when_the_question_names_a_topic(directory) -> None:
    """"Oğlum okulda … alay ediliyor. Ayrımcılık için nereye başvurabilirim?": the son is the story's, the
    question asks about discrimination; the partners for it answer, not everyone for young people or
    for schools."""
    understanding = actions.UNDERSTANDING.get(directory)
    question = understanding.read(make_tracker(
        text="Oğlum okulda adı yüzünden alay konusu oluyor. Ayrımcılık için nereye başvurabilirim?",
        intent="nlu_fallback"), Memory())
    assert question.language == "tr" and question.asked == Asked.HELP
    assert [p.id for p in question.partners] == [p.id for p in directory.partners if "diskriminierung" in p.topics]


def test_a_story_situation_is_context_when_the_question_names_a_group_and_a_kind(directory) -> None:
    """Parents with a migration history who do not come to the class's evenings, then "Gibt es ein
    Netzwerk für Eltern?": the network for parents, not the offices against discrimination."""
    answer, _ = ask("In der Klasse meiner Tochter kommen Eltern mit Migrationshintergrund nie zum Elternabend. "
                    "Gibt es ein Netzwerk für Eltern?", intent="ask_target_group_help",
                    entities=[entity("target_group", "eltern"), entity("kind", "Netzwerk")])
    assert directory.knowledge.partner("elternnetzwerk").name in answer, answer
    assert directory.knowledge.partner("adb").name not in answer, answer


def test_a_partner_of_the_kind_asked_for_the_group_said_outweighs_a_sentence_of_another(directory) -> None:
    """"Welches Landesgremium berät die Landesregierung, wenn es um Vertriebene geht?": a Gremium serves
    them; the Beratungsstelle's sentence about the Landesregierung is not its answer."""
    answer, _ = ask("Welches Landesgremium berät die Landesregierung, wenn es um Vertriebene geht?",
                    intent="ask_target_group_help")
    assert directory.knowledge.partner("landesbeirat").name in answer, answer


def test_who_is_behind_it_which_authority_gets_the_authority_it_belongs_to(knowledge) -> None:
    """"Wer ist der Träger vom KfI, welche Behörde?": "welche Behörde" says an organisation is asked
    (over the bare "wer"), and its noun finds the contact block of the Bezirksregierung it belongs to,
    not the sentence about its website ("Träger" is no word of its page)."""
    answer, _ = ask("Wer ist der Träger vom KfI, welche Behörde?", intent="ask_partner_info",
                    entities=[entity("partner", "kfi")])
    label = next(place.label for place in knowledge.partner("kfi").places if place.label)
    assert all(line in answer for line in label.split(", ")), answer


def test_counselling_asked_anonymous_and_on_the_internet_in_another_language_is_the_pages_sentence(
        directory) -> None:
    """"¿Se puede recibir asesoramiento anónimo por internet?": "internet" says how the counselling is
    given, not which address is asked; the sentence that says anonymous online counselling answers,
    not a question back for which partner's web address."""
    understanding = actions.UNDERSTANDING.get(directory)
    question = understanding.read(make_tracker(text="¿Se puede recibir asesoramiento anónimo por internet?",
                                               intent="nlu_fallback"), Memory())
    assert question.language == "es" and question.asked == Asked.FACT, question.asked
    assert {"~anonym", "~online"} <= set(question.fact.matched), question.fact


def _read_after(directory, text: str, subject: str, intent: str = "ask_target_group_help"):
    understanding = actions.UNDERSTANDING.get(directory)
    return understanding.read(make_tracker(text=text, intent=intent),
                              Memory(subject=subject, mentioned=[subject], last_asked=Asked.HELP.value))


def test_a_demonstrative_before_the_writers_circumstances_does_not_point_back(directory) -> None:
    """"… Gibt es etwas für Jungs in dieser Lage?" after the JMD: "dieser Lage" is the story's situation,
    not the partner talked about; the partners for boys answer."""
    question = _read_after(directory, "Mein Neffe ist 15 und weiß nicht, wie er als Junge sein soll. "
                                      "Gibt es etwas für Jungs in dieser Lage?", "jmd")
    assert not question.points_back
    assert "jungenarbeit" in [p.id for p in question.partners], [p.id for p in question.partners]


def test_a_pronoun_after_a_partner_asked_to_exist_is_that_partner(directory) -> None:
    """"Gibt es eigentlich auch einen Verband, der die Interessen vertritt? Wie heißt der?" after the ADB:
    "der" is the association asked for, not the offices talked about. Within the asking sentence a
    pronoun still points back: "Gibt es ein Büro von denen in Dortmund?"."""
    question = _read_after(directory, "Gibt es eigentlich auch einen Verband, der die Interessen vertritt? "
                                      "Wie heißt der?", "adb")
    assert not question.points_back
    assert _read_after(directory, "Gibt es ein Büro von denen in Dortmund?", "adb",
                       intent="ask_partner_location").points_back


def test_and_the_like_is_no_pointer(directory) -> None:
    """"Wir machen Theater, Musik und sowas.": "und sowas" is "and the like", not "such a partner" as
    in "gibts sowas in Köln?"."""
    assert not _read_after(directory, "Wir machen Theater, Musik und sowas. Wer gibt Geld für Projekte?",
                           "adb").points_back
    assert _read_after(directory, "gibts sowas auch in Köln?", "adb", intent="ask_partner_location").points_back


def test_and_they_before_a_verb_points_back(directory) -> None:
    """"und die sitzen wirklich in Bonn?" asks about the partner talked about, as "sitzen die …?" does;
    "und die Eltern?" names a group and "und die Beratung?" a thing: there "die" is an article."""
    assert _read_after(directory, "und die sitzen wirklich in Bonn?", "jmd", intent="ask_partner_location").points_back
    assert not _read_after(directory, "und die Beratung?", "jmd").points_back


def test_asked_whether_the_subject_is_for_a_group_its_page_does_not_name(directory) -> None:
    """"ist das auch für Spätaussiedler oder für alle?" after the KfI asks whom the KfI is for; its page
    names no Spätaussiedler, but says whom it addresses ("Es wendet sich an …"): that sentence answers,
    not the list of partners for late repatriates."""
    question = _read_after(directory, "ist das auch für Spätaussiedler oder für alle?", "kfi")
    assert question.points_back and question.asked == Asked.FACT, question.asked
    assert question.fact.sentence.partner_id == "kfi" and WHOM_TERM in question.fact.matched, question.fact


def test_a_demonstrative_in_another_languages_story_does_not_point_back(directory) -> None:
    """"Добрый вечер, это пишет коллега. … Есть ли совет для поздних переселенцев?" after the
    Landesintegrationsrat: "это пишет" is "this is … writing"; the asking sentence names its group, so
    the partner for late repatriates answers, not "the page says nothing about the Landesintegrationsrat"."""
    question = _read_after(directory, "Добрый вечер, это пишет коллега. Я приехала в 2001 году. "
                                      "Есть ли в земле совет для поздних переселенцев?", "landesintegrationsrat")
    assert question.language == "ru" and not question.points_back
    assert "landesbeirat" in [p.id for p in question.partners], [p.id for p in question.partners]


def test_da_taking_up_a_phrase_put_in_front_does_not_point_back(directory) -> None:
    """"Und zwischen den Ländern, gibt es da ein Gremium der Integrationsminister?" after the
    Landesintegrationsrat: "da" takes up "zwischen den Ländern"; the ministers' conference answers.
    "Und bei denen, gibt es da …?" still points back: the phrase in front does."""
    question = _read_after(directory, "Und zwischen den Ländern, gibt es da ein Gremium der Integrationsminister?",
                           "landesintegrationsrat", intent="ask_partner_info")
    assert not question.points_back
    assert [p.id for p in question.partners][:1] == ["intmk"], [p.id for p in question.partners]
    assert _read_after(directory, "Und bei denen, gibt es da auch Beratung?", "adb").points_back


def test_a_story_of_prejudice_asked_for_a_group_gets_the_groups_partner(directory) -> None:
    """"… Alle sagen, Jungs aus Einwandererfamilien machen nur Ärger. Gibt es etwas für Jungs, das sie
    nicht als Problem sieht?": the story is told as context; what is asked is something for boys, as
    "ein Netzwerk für solche Eltern" asks for the parents' network, not the offices against
    discrimination that the story's words would find."""
    question = _read_after(directory, "Meine Lehrerin sagt, ich bin nur laut, weil ich Araber bin. Alle sagen, "
                                      "Jungs aus Einwandererfamilien machen nur Ärger. Gibt es etwas für Jungs, "
                                      "das sie nicht als Problem sieht?", "dialog_muslime")
    assert not question.situation
    assert [p.id for p in question.partners] == ["jungenarbeit"], [p.id for p in question.partners]


def test_asked_whether_an_offer_exists_online_the_sentence_that_says_so_comes_with_the_address(directory) -> None:
    """"gibt es das auch online? ich arbeite bis spät" after the JMD asks whether their counselling is
    offered online: the page's sentence that says so ("… bieten die JMD auch eine anonyme und kostenlose
    Onlineberatung an"), then the web address; "online" is the contact word and the thing asked.
    "haben die eine Homepage?" asks for the address only."""
    question = _read_after(directory, "gibt es das auch online? ich arbeite bis spät", "jmd",
                           intent="ask_partner_contact")
    assert question.asked == Asked.FIELDS and question.fields == ["web"]
    assert question.fact is not None and "~online" in question.fact.matched, question.fact
    assert "www." not in question.fact.sentence.text  # the sentence that says it, not one naming the site
    assert _read_after(directory, "haben die eine Homepage?", "jmd", intent="ask_partner_contact").fact is None



def _read_with(directory, text: str, intent: str, confidence: float, memory: Memory):
    tracker = make_tracker(text=text, intent=intent)
    tracker.latest_message["intent"]["confidence"] = confidence
    return actions.UNDERSTANDING.get(directory).read(tracker, memory)


def test_a_weak_guess_that_the_bot_is_asked_about_itself_is_a_question_about_the_subject(directory) -> None:
    """"Bekomme ich mit der Einbürgerung eigentlich volle politische Rechte?" after the Landesintegrationsrat,
    guessed as "bist du ein Bot?" at 0.6: the page's sentence on full political rights answers, not "Ich bin
    ein Chatbot". Without a subject it is an unsure question. Guessed surely, it is the bot's question."""
    memory = Memory(subject="landesintegrationsrat", mentioned=["landesintegrationsrat"], last_asked=Asked.FACT.value)
    text = "Bekomme ich mit der Einbürgerung eigentlich volle politische Rechte?"
    question = _read_with(directory, text, "bot_challenge", 0.6, memory)
    assert question.asked == Asked.FACT, question.asked
    assert question.fact.sentence.partner_id == "landesintegrationsrat" and "~rechte" in question.fact.matched
    assert _read_with(directory, text, "bot_challenge", 0.6, Memory()).intent == "nlu_fallback"
    assert _read_with(directory, "Bist du ein Mensch?", "bot_challenge", 0.95, memory).asked == Asked.SMALL_TALK


def test_a_few_or_many_asks_for_a_number(directory) -> None:
    """"Sind das eher wenige oder viele?" after the JMD asks how many: the sentence with their number
    answers."""
    question = _read_after(directory, "Sind das eher wenige oder viele?", "jmd",
                           intent="nlu_fallback")
    assert question.answer_type == "number" and question.asked == Asked.FACT, (question.answer_type, question.asked)
    assert question.fact.sentence.partner_id == "jmd" and ANSWER_EVIDENCE["number"].search(question.fact.sentence.text)


def test_without_saying_ones_name_is_anonymous(directory) -> None:
    """"Darf sie da auch im Netz fragen, ohne ihren Namen zu sagen?" after the JMD: anonymously, as
    "ohne meinen Namen"; the sentence that says the JMD advise anonymously comes with the web address."""
    question = _read_after(directory, "Darf sie da auch im Netz fragen, ohne ihren Namen zu sagen?", "jmd",
                           intent="ask_partner_contact")
    assert question.asked == Asked.FIELDS and "web" in question.fields, (question.asked, question.fields)
    assert question.fact is not None and "~anonym" in question.fact.matched, question.fact


def test_going_back_runs_to_the_colon(directory) -> None:
    """"Nochmal zu den Vätern: Hat das Land das Thema schon lange im Blick?" after the Landesinitiative
    Jungenarbeit, with the Väterarbeit talked about before: the part up to the colon goes back to the
    fathers' partner; "das Thema" is theirs, not the boys' initiative's ("Land" is in its name)."""
    understanding = actions.UNDERSTANDING.get(directory)
    question = understanding.read(
        make_tracker(text="Nochmal zu den Vätern: Hat das Land das Thema schon lange im Blick?",
                     intent="ask_target_group_help"),
        Memory(subject="jungenarbeit", mentioned=["vaeterarbeit", "jungenarbeit"], last_asked=Asked.FACT.value))
    assert [p.id for p in question.partners] == ["vaeterarbeit"], [p.id for p in question.partners]


def test_a_sentence_sharing_only_the_words_of_the_partner_sought_is_no_answer(directory) -> None:
    """"Welche Landesstelle ist für die Verteilung zuständig?" asks which partner does the distribution:
    a sentence that shares only "Landes-" and "-stelle" ("Beratungsstelle … im Bundesland") is none of
    its answer; the partner for the distribution is."""
    question = _read_after(directory, "Welche Landesstelle ist für die Verteilung zuständig?", "landesintegrationsrat")
    assert [p.id for p in question.partners] == ["kfi"], ([p.id for p in question.partners], question.fact)


def test_an_association_asking_for_itself_is_one_of_the_institutions_addressed(directory) -> None:
    """"Unser Verein sucht Beratung vom Land. Gibt es eine Landesstelle für Vereine?": an association is
    one of the "Kommunen, Institutionen und Verbände" the KfI addresses; "Sind das Vereine?" about a
    partner still asks what it is, no group."""
    question = _read_after(directory, "Unser Verein sucht Beratung vom Land. Gibt es eine Landesstelle für Vereine?",
                           "adb")
    assert "kommunen" in [g.id for g in question.groups] and "kfi" in [p.id for p in question.partners], \
        ([g.id for g in question.groups], [p.id for p in question.partners])
    assert not _read_after(directory, "Sind das Vereine?", "adb").groups


def test_a_pronoun_after_a_noun_with_its_place_opens_a_relative_clause(directory) -> None:
    """"Gibt es eine Stelle beim Land, die auch Verbände berät?" after the ADB asks for some such office:
    "die" after "eine Stelle beim Land" opens a relative clause, as after "eine Stelle"; it does not
    point back at the ADB."""
    assert not _read_after(directory, "Gibt es eine Stelle beim Land, die auch Verbände berät?", "adb").points_back
    assert _read_after(directory, "Gibt es ein Büro von denen in Dortmund?", "adb").points_back


def test_a_kind_of_fact_that_found_the_partner_is_still_asked(directory) -> None:
    """"War NRW damit früh dabei, oder gab es das woanders zuerst?" after the ADB: "zuerst" sounds like going
    back to the first one, but closes no part that names it; "früh dabei" (a pioneer) found the partner and
    is still what is asked: the sentence that says the ADB are unique in Germany."""
    question = _read_after(directory, "War NRW damit früh dabei, oder gab es das woanders zuerst?", "adb")
    assert question.asked == Asked.FACT and "~vorreiter" in question.fact.matched, (question.asked, question.fact)


def test_earlier_than_the_other_states_asks_for_a_pioneer(directory) -> None:
    """"… früher als die anderen Bundesländer?" is "als andere Bundesländer" with its article."""
    question = _read_after(directory, "Hat NRW das früher gemacht als die anderen Bundesländer?", "adb")
    assert question.fact is not None and "~vorreiter" in question.fact.matched, question.fact


def test_one_like_the_subject_asked_to_exist_elsewhere_is_a_fact_of_it(directory) -> None:
    """"Gibt es so ein Netzwerk auch in anderen Bundesländern?" after the ADB: "so ein" is one like the ADB,
    not something sought; the page's sentence on other states answers, not the ADB's description."""
    question = _read_after(directory, "Gibt es so ein Netzwerk auch in anderen Bundesländern?", "adb")
    assert question.asked == Asked.FACT and "~vorreiter" in question.fact.matched, (question.asked, question.fact)


def test_a_contact_word_of_the_story_is_not_asked_when_the_question_asks_another_thing(directory) -> None:
    """"Ich schreibe gerade einen Artikel über Einwanderung. Welches Museum sammelt dazu Objekte?": "schreiben"
    is what the writer does, not an e-mail asked for. "Ich will denen schreiben. Wie geht das?" asks it."""
    question = _read_after(directory, "Ich schreibe gerade einen Artikel über Einwanderung. "
                                      "Welches Museum sammelt dazu Objekte?", "adb", intent="ask_partner_info")
    assert not question.fields and question.asked != Asked.FIELDS, (question.fields, question.asked)
    assert "email" in _read_after(directory, "Ich will denen schreiben. Wie geht das?", "adb",
                                  intent="ask_partner_contact").fields


def test_what_a_partner_emerged_from_is_its_origin(directory) -> None:
    """"Woraus ist der Verband eigentlich hervorgegangen?" after the Landesverband Deutscher Sinti und Roma:
    "hervorgegangen" asks for its origin, as "entstanden" does."""
    question = _read_after(directory, "Woraus ist der Verband eigentlich hervorgegangen?", "sinti_roma_landesverband",
                           intent="ask_partner_info")
    assert question.asked == Asked.FACT and "~gruendung" in question.fact.matched, (question.asked, question.fact)


def test_the_question_phrases_own_kind_of_fact_outweighs_the_storys(directory) -> None:
    """"Ich bin Vorsitzender eines Sportvereins. Wie viele Muslime leben in Nordrhein-Westfalen?": "wie viele"
    says the kind of fact asked; the story's "Vorsitz" (a kind of fact too) is what the writer is. The
    sentence with the number of Muslims answers, not the IntMK's chair."""
    understanding = actions.UNDERSTANDING.get(directory)
    question = understanding.read(make_tracker(
        text="Ich bin Vorsitzender eines Sportvereins. Wie viele Muslime leben in Nordrhein-Westfalen?",
        intent="ask_target_group_help"), Memory())
    assert question.fact is not None and "~vorsitz" not in question.fact.matched, question.fact
    assert ANSWER_EVIDENCE["number"].search(question.fact.sentence.text), question.fact


def test_an_english_ordinal_before_the_writers_own_part_counts_nothing(directory) -> None:
    """"Quick one for the third part of my talk: how many Muslims live in NRW?" after the IntMK: "the third
    part" is the writer's, as "der dritte Teil" is; the list of partners is not counted."""
    question = _read_after(directory, "Quick one for the third part of my talk: how many Muslims live in NRW?",
                           "intmk", intent="ask_general_info")
    assert not question.counted, question.counted


def test_just_because_of_what_someone_is_is_discrimination(directory) -> None:
    """"… nur weil sie …" says why someone was treated so, as "nur weil ich …" does: the topic is
    discrimination and its offices are among those who help."""
    question = _read_after(directory, "Meine Tante wurde im Café nicht bedient, nur weil sie anders aussieht. "
                                      "Wer kann sie beraten?", "jmd")
    assert "diskriminierung" in [t.id for t in question.topics], [t.id for t in question.topics]
    assert "adb" in [p.id for p in question.partners], [p.id for p in question.partners]


def test_a_member_of_our_association_told_of_is_no_association_asking(directory) -> None:
    """"Ein Mädchen aus unserem Verein …" tells of a member; it does not ask for the association (the
    KfI's "Verbände"). "Gibt es Beratung für Vereine?" still asks for associations."""
    told = _read_after(directory, "Ein Mädchen aus unserem Verein wurde im Laden beschimpft. Wo kann sie sich "
                                  "beraten lassen?", "jmd")
    assert "kommunen" not in [g.id for g in told.groups], [g.id for g in told.groups]
    asking = _read_after(directory, "Gibt es beim Land auch Beratung für Vereine?", "jmd")
    assert "kommunen" in [g.id for g in asking.groups], [g.id for g in asking.groups]


def test_a_noun_pointed_at_after_a_list_says_which_of_the_listed(directory) -> None:
    """"Und was macht diese Arbeitsgemeinschaft genau?" after a list of three partners (no subject): the
    one listed whose name has the noun, the Landesarbeitsgemeinschaft."""
    understanding = actions.UNDERSTANDING.get(directory)
    listed = ["kfi", "jmd", "lag_jsa"]
    question = understanding.read(make_tracker(text="Und was macht diese Arbeitsgemeinschaft genau?",
                                               intent="ask_partner_info"),
                                  Memory(listed=listed, mentioned=listed, last_asked=Asked.HELP.value))
    assert [p.id for p in question.partners] == ["lag_jsa"], [p.id for p in question.partners]


def test_for_such_a_thing_asks_who_helps_the_group_told_of(directory) -> None:
    """"Meine Klasse sind fast nur Jungs, im Lehrerzimmer gelten sie als schwierig. Gibt es für sowas was vom
    Land?" after the teachers' network: "für sowas" asks who helps; "Lehrer-" in the story names no
    partner talked about that does not serve the boys asked for."""
    question = _read_after(directory, "Meine Klasse sind fast nur Jungs, im Lehrerzimmer gelten sie als schwierig. "
                                      "Gibt es für sowas was vom Land?", "lehrkraefte")
    assert question.asked == Asked.HELP, question.asked
    assert "jungenarbeit" in [p.id for p in question.partners] and "lehrkraefte" not in [
        p.id for p in question.partners], [p.id for p in question.partners]


def test_events_asked_in_another_language_find_the_pages_events(directory) -> None:
    """"Est-ce qu'ils organisent aussi des événements ?" after the Elternnetzwerk: "événements" is a word of
    the kind of fact "Veranstaltungen"; the sentence on its joint events answers."""
    question = _read_after(directory, "Est-ce qu'ils organisent aussi des événements ?", "elternnetzwerk",
                           intent="ask_partner_info")
    assert question.fact is not None and "~veranstaltungen" in question.fact.matched, question.fact


def test_asked_for_its_abbreviation_the_sentence_with_it_answers(directory) -> None:
    """"Wie wird die Arbeitsgemeinschaft abgekürzt?" after the LAG JSA asks for the abbreviation, as "wofür
    steht …" asks for the long form: the sentence with the name and its abbreviation in brackets answers."""
    question = _read_after(directory, "Wie wird die Arbeitsgemeinschaft abgekürzt?", "lag_jsa",
                           intent="ask_partner_info")
    assert question.answer_type == "expansion" and question.asked == Asked.FACT, (question.answer_type, question.asked)
    assert "(LAG JSA NRW)" in question.fact.sentence.text, question.fact


def test_the_service_is_no_form_of_serving(directory) -> None:
    """"Wo finde ich die Öffnungszeiten von dem Dienst?" after a list of other partners: "Dienst" is the
    noun (the lemma table reads it as "dienen"), and the JMD's sentence on opening hours answers, not
    the Landesintegrationsrat's "dient der Durchsetzung"."""
    understanding = actions.UNDERSTANDING.get(directory)
    listed = ["elternnetzwerk", "lehrkraefte", "vaeterarbeit"]
    question = understanding.read(make_tracker(text="Wo finde ich die Öffnungszeiten von dem Dienst?",
                                               intent="ask_partner_location"),
                                  Memory(listed=listed, mentioned=listed, last_asked=Asked.HELP.value))
    assert question.fact is not None and question.fact.sentence.partner_id == "jmd", question.fact


def test_a_contact_field_the_page_does_not_give_is_said_missing_in_the_users_language(directory) -> None:
    """"What is their phone number?" about the JMD, whose page gives no phone: the answer says so in
    English (knowledge/replies.yml), then how the page does reach them."""
    from actions.replies import Replies

    partner = directory.knowledge.partner("jmd")
    assert not partner.contact_items("phone")
    answer, _ = ask("What is their phone number? I would like to call them myself.", intent="ask_partner_contact",
                    slots={"partner": "jmd", "mentioned_partners": ["jmd"], "language": "en"})
    missing = Replies().text("not_stated", "en", site="", name="").split(":")[0]
    assert missing in answer and partner.contact_items("email")[0].value in answer, answer


def test_something_beforehand_does_not_go_back(directory) -> None:
    """"Machen die nur Beratung danach oder auch etwas vorher?" after the ADB: "vorher" is a time, not "die
    von vorher"; the question is about the ADB's counselling and prevention, not about someone talked of
    before."""
    question = _read_after(directory, "Machen die nur Beratung danach oder auch etwas vorher?", "adb",
                           intent="ask_partner_info")
    assert [p.id for p in question.partners] == ["adb"] and question.asked == Asked.FACT, (
        [p.id for p in question.partners], question.asked)


def test_the_first_state_to_do_something_is_a_rank_not_a_count(directory) -> None:
    """"Stimmt es, dass NRW als erstes Land damit begonnen hat?" after the ADB: "als erstes Land" ranks NRW;
    it does not count the first partner named. "die als erste genannte Stelle" counts."""
    question = _read_after(directory, "Stimmt es, dass NRW als erstes Land damit begonnen hat?", "adb",
                           intent="ask_partner_info")
    assert not question.counted and [p.id for p in question.partners] == ["adb"], (
        question.counted, [p.id for p in question.partners])
    assert _read_after(directory, "Wo sitzt die als erste genannte Stelle?", "adb").counted


def test_in_which_cities_in_another_language_is_where_the_subject_sits(directory) -> None:
    """"Bu bürolar hangi şehirlerde?" (in which cities are these offices?) after the ADB asks where they are;
    the word for city is no kind of fact the page would have to state."""
    understanding = actions.UNDERSTANDING.get(directory)
    question = understanding.read(make_tracker(text="Bu bürolar hangi şehirlerde?", intent="ask_partner_location"),
                                  Memory(subject="adb", mentioned=["adb"], last_asked=Asked.HELP.value))
    assert question.language == "tr" and question.asked == Asked.LOCATION, (question.language, question.asked)


def test_a_topics_verb_that_opens_the_question_leaves_the_pronoun_to_the_subject(directory) -> None:
    """"Beraten die auch?" after the ADB: "die" after the opening verb is the ADB, as in "machen die auch
    …?"; the verb is a topic's word (counselling), but the pronoun does not take it up. The ADB's sentence
    on counselling answers, not the list of all who advise."""
    question = _read_after(directory, "Beraten die auch?", "adb", intent="ask_partner_info")
    assert question.points_back and question.asked == Asked.FACT, (question.points_back, question.asked)
    assert [p.id for p in question.partners] == ["adb"], [p.id for p in question.partners]


def test_a_pronoun_of_a_new_topics_story_points_at_no_one_talked_about(directory) -> None:
    """"Anderes Thema: mein Bruder ist Vater geworden, er will …" after the JMD: a new topic makes nothing
    said before the subject, and the story's "er" is the brother, no pointer at the JMD."""
    question = _read_after(directory, "Anderes Thema: mein Bruder ist Vater geworden, er will sich mehr um sein "
                                      "Kind kümmern. Macht das Land da was?", "jmd")
    assert not question.points_back and not question.refers_back, (question.points_back, question.refers_back)
    assert "jmd" not in [p.id for p in question.partners], [p.id for p in question.partners]


def test_an_age_of_the_story_asks_for_no_age_limit_when_the_question_names_its_group(directory) -> None:
    """"Mein Sohn ist 15. … Macht das Land auch etwas speziell für Jungen?" asks for boys: the age told is
    no word of the question (the JMD's "im Alter von 12 bis 27" would answer it). Asked without a group,
    the age asks for the age limit."""
    from actions.cues import AGE_WORD

    understanding = actions.UNDERSTANDING.get(directory)
    age_term = understanding.wording.lemma(AGE_WORD)
    for_boys = _read_after(directory, "Mein Sohn ist 15. Er ist in der Schule oft wütend. Macht das Land auch "
                                      "etwas speziell für Jungen?", "adb")
    assert for_boys.age == 15 and age_term not in for_boys.content, for_boys.content
    assert [p.id for p in for_boys.partners] == ["jungenarbeit"], [p.id for p in for_boys.partners]
    alone = _read_after(directory, "Mein Sohn ist 15. Wer kann ihm helfen?", "adb")
    assert age_term in alone.content, alone.content
    # A group whose partner has an age limit (the JMD's young people) still asks about the age told.
    for_young = _read_after(directory, "Mein Sohn ist 17. Er findet keine Lehrstelle. Wer hilft jungen Leuten?", "adb")
    assert age_term in for_young.content, for_young.content


def test_who_thought_of_it_asks_who_started_the_subject_not_where_the_bot_has_it(directory) -> None:
    """"Wer hat sich das Projekt ausgedacht?" about the teachers' project asks who started it (its sentence
    with the ministry); "Hast du dir diese Angaben selbst ausgedacht?" and "Woher stammen diese Informationen?"
    ask the bot for its source."""
    started = _read_after(directory, "Wer hat sich das Projekt ausgedacht?", "lehrkraefte", intent="ask_partner_info")
    assert started.asked == Asked.FACT and "Schulministerium" in started.fact.sentence.text, (
        started.asked, started.fact)
    for asks_the_bot in ("Hast du dir diese Angaben selbst ausgedacht?", "Woher stammen diese Informationen?"):
        bots = _read_after(directory, asks_the_bot, "lehrkraefte", intent="ask_partner_info")
        assert bots.asked == Asked.SOURCE, (asks_the_bot, bots.asked)


def test_a_noun_with_the_city_of_a_partner_talked_about_names_it(directory) -> None:
    """"Und die Einrichtung in Arnsberg, hat die ein Fax?" after the KfI and then the JMD: the KfI sits in
    Arnsberg, so its fax is asked, not the JMD's."""
    understanding = actions.UNDERSTANDING.get(directory)
    kfi = directory.knowledge.partner("kfi")
    city = kfi.cities[0]
    question = understanding.read(make_tracker(text=f"Und die Einrichtung in {city}, hat die ein Fax?",
                                               intent="ask_partner_contact"),
                                  Memory(subject="jmd", mentioned=["kfi", "jmd"], last_asked=Asked.FACT.value))
    assert [p.id for p in question.partners] == ["kfi"] and question.asked == Asked.FIELDS, (
        [p.id for p in question.partners], question.asked)


def test_a_fact_and_where_asked_together_get_the_sentence_and_the_place(directory) -> None:
    """"Welches Institut forscht zur Türkei, und wo sitzt es?": the sentence that answers the first
    question, then where the ZfTI is."""
    text = "Welches Institut forscht zur Türkei, und wo sitzt es?"
    question = actions.UNDERSTANDING.get(directory).read(make_tracker(text=text, intent="ask_partner_info"), Memory())
    assert question.asked == Asked.LOCATION and question.fact is not None, (question.asked, question.fact)
    assert [p.id for p in question.partners] == ["zfti"], [p.id for p in question.partners]
    answer, _ = ask(text, intent="ask_partner_info")
    place = next(p.label for p in question.partners[0].places if p.label)
    assert 0 <= answer.find(question.fact.sentence.text) < answer.find(place), answer


def test_a_common_noun_the_subjects_page_has_names_no_other_partner_talked_about(directory) -> None:
    """"Wo ist die Stelle, bei der man sich melden kann?" after the Sinti and Roma counselling and then the
    JMD: "Stelle" is on several pages, the JMD's among them ("Beratungsstellen vor Ort"); it does not name
    the "Beratungsstelle für Sinti und Roma" talked about before."""
    understanding = actions.UNDERSTANDING.get(directory)
    question = understanding.read(make_tracker(text="Wo ist die Stelle, bei der man sich melden kann?",
                                               intent="ask_partner_location"),
                                  Memory(subject="jmd", mentioned=["sinti_roma_beratung", "jmd"],
                                         last_asked=Asked.FIELDS.value))
    assert [p.id for p in question.partners] == ["jmd"], [p.id for p in question.partners]
    # A common noun the subject is called by still names it: "Netzwerk" after the Väternetzwerk.
    network = understanding.read(make_tracker(text="Wie nennt sich das Netzwerk offiziell?", intent="ask_partner_info"),
                                 Memory(subject="vaeterarbeit", mentioned=["vaeterarbeit"], last_asked=Asked.HELP.value))
    assert [p.id for p in network.partners] == ["vaeterarbeit"], [p.id for p in network.partners]


def test_a_contact_word_of_the_story_is_not_asked_when_the_question_names_its_group(directory) -> None:
    """"Ein Bekannter meinte am Telefon, … Trifft das auch auf Spätaussiedler zu?": the telephone is how the
    story was told; a question that says whom it is about asks no phone number."""
    understanding = actions.UNDERSTANDING.get(directory)
    question = understanding.read(make_tracker(
        text="Ein Bekannter meinte gestern am Telefon, Zugewanderte dürften erst mit deutschem Pass abstimmen. "
             "Trifft das auch auf Spätaussiedler zu?", intent="ask_target_group_help",
        entities=[entity("contact_attribute", "phone"), entity("target_group", "spaetaussiedler")]),
        Memory(subject="landesbeirat", mentioned=["landesbeirat"], last_asked=Asked.FACT.value))
    assert not question.fields and question.asked != Asked.FIELDS, (question.fields, question.asked)
    # Asked in the question itself, the field stays: "Wie ist seine Telefonnummer?"
    asked = understanding.read(make_tracker(
        text="Ein Bekannter meinte das am Telefon. Wie ist die Telefonnummer?", intent="ask_partner_contact",
        entities=[entity("contact_attribute", "phone")]),
        Memory(subject="kfi", mentioned=["kfi"], last_asked=Asked.FACT.value))
    assert asked.fields == ["phone"]


def test_a_bare_no_of_the_story_is_no_situation_when_the_question_names_its_group_and_topic(directory) -> None:
    """"Mein Neffe ist Flüchtling, er bekommt einfach keine Arbeit. Wer berät junge Geflüchtete zur Ausbildung?":
    the question says whom and what for; the story's "keine" is no refusal told (the offices against
    discrimination do not lead the list)."""
    understanding = actions.UNDERSTANDING.get(directory)
    question = understanding.read(make_tracker(
        text="Mein Neffe ist Flüchtling, er bekommt einfach keine Arbeit. Wer berät junge Geflüchtete zur Ausbildung?",
        intent="ask_target_group_help", entities=[entity("topic", "ausbildung_beruf"), entity("target_group", "junge_migranten")]),
        Memory())
    assert not question.told, question.told
    assert question.partners and question.partners[0].id != "adb", [p.id for p in question.partners]


def test_a_city_of_the_story_asks_for_no_list_of_that_city(directory) -> None:
    """"Ich putze in einem Hotel in Hamm, … Gibt es in NRW jemanden für so etwas?": the city is
    where the story happens; the question asks for no list of the partners in Hamm."""
    understanding = actions.UNDERSTANDING.get(directory)
    question = understanding.read(make_tracker(
        text="Ich putze in einem Hotel in Hamm, und der Chef verspottet meine Aussprache. "
             "Gibt es in NRW jemanden für so etwas?", intent="ask_target_group_help",
        entities=[entity("city", "Hamm")]), Memory())
    assert question.asked != Asked.LIST, question.asked
    # Asked in the question, the city's list stays: "Zeig mir die Stellen in Hamm."
    listed = understanding.read(make_tracker(text="Zeig mir die Stellen in Hamm.", intent="ask_partner_list",
                                             entities=[entity("city", "Hamm")]), Memory())
    assert listed.asked == Asked.LIST


def test_a_groups_word_as_the_verb_before_a_pronoun_asks_the_subject(directory) -> None:
    """"Worüber forschen die zurzeit?" after the ZfTI: "forschen" reads as the group of researchers, but
    before "die" it is what the subject does; its sentence answers, not who does research (the
    classifier may call such a question out of scope)."""
    understanding = actions.UNDERSTANDING.get(directory)
    question = understanding.read(make_tracker(text="Worüber forschen die zurzeit?", intent="out_of_scope"),
                                  Memory(subject="zfti", mentioned=["zfti"], last_asked=Asked.FACT.value))
    assert question.asked == Asked.FACT and [p.id for p in question.partners] == ["zfti"], question.asked
    # In a story, a group's word before a relative pronoun still counts: "zwölf Jungs, die …".
    story = understanding.read(make_tracker(text="Unser Trainer hat zwölf Jungs, die kaum Deutsch sprechen. Hat das Land dafür ein Programm?",
                                            intent="ask_target_group_help", entities=[entity("target_group", "jungen")]),
                               Memory(subject="lag_jsa", mentioned=["lag_jsa"], last_asked=Asked.FACT.value))
    assert [g.id for g in story.groups] == ["jungen"], story.groups


def test_there_and_a_group_asked_for_that_the_subject_does_not_serve_ask_who_helps(directory) -> None:
    """"Im Verein fallen die Jungs oft negativ auf. Tut das Land da etwas extra für Jungs?" after
    the LAG JSA: "da" is the matter told; the boys' partner answers, not the subject."""
    understanding = actions.UNDERSTANDING.get(directory)
    question = understanding.read(make_tracker(
        text="Im Verein fallen die Jungs oft negativ auf. Tut das Land da etwas extra für Jungs?",
        intent="ask_target_group_help", entities=[entity("target_group", "jungen")]),
        Memory(subject="lag_jsa", mentioned=["lag_jsa"], last_asked=Asked.FACT.value))
    assert [p.id for p in question.partners] == ["jungenarbeit"], [p.id for p in question.partners]


def test_a_story_describes_no_partner_when_the_question_names_the_one_talked_about(directory) -> None:
    """"Mein Vater ist pensioniert und würde Neuankömmlingen gern freiwillig helfen. Interessiert das auch den
    Beirat?" after the Landesbeirat: "Beirat" names it; the father does not make it a question about
    the fathers' network."""
    understanding = actions.UNDERSTANDING.get(directory)
    question = understanding.read(make_tracker(
        text="Mein Vater ist pensioniert und würde Neuankömmlingen gern freiwillig helfen. Interessiert das auch den Beirat?",
        intent="ask_target_group_help", entities=[entity("target_group", "vaeter")]),
        Memory(subject="landesbeirat", mentioned=["kfi", "landesbeirat"], last_asked=Asked.FACT.value))
    assert [p.id for p in question.partners] == ["landesbeirat"], [p.id for p in question.partners]


def test_a_pointer_of_the_story_does_not_make_a_question_for_a_group_one_about_the_subject(directory) -> None:
    """"… dabei ist er eigentlich hilfsbereit. Hat das Land ein eigenes Angebot für Jungen?" after the parents'
    network: "dabei" belongs to the story; the asking sentence says whom it asks for."""
    understanding = actions.UNDERSTANDING.get(directory)
    question = understanding.read(make_tracker(
        text="Mein Ältester gilt im Sportverein als Störenfried, dabei ist er eigentlich hilfsbereit. "
             "Hat das Land ein eigenes Angebot für Jungen?",
        intent="ask_target_group_help", entities=[entity("target_group", "jungen")]),
        Memory(subject="elternnetzwerk", mentioned=["elternnetzwerk"], last_asked=Asked.FACT.value))
    assert not question.points_back and [p.id for p in question.partners] == ["jungenarbeit"], \
        (question.points_back, [p.id for p in question.partners])


def test_there_and_a_group_the_subject_serves_still_ask_the_subject(directory) -> None:
    """"Gibt es da auch etwas für junge Menschen?" after the LAG JSA: the subject serves young people, so
    "da" is the subject, not the matter of a new search for all who serve them (the groups were
    compared with the subject's group ids as objects, so no group ever counted as served)."""
    understanding = actions.UNDERSTANDING.get(directory)
    question = understanding.read(make_tracker(
        text="Gibt es da auch etwas für junge Menschen?",
        intent="ask_target_group_help", entities=[entity("target_group", "junge_menschen")]),
        Memory(subject="lag_jsa", mentioned=["lag_jsa"], last_asked=Asked.FACT.value))
    assert [p.id for p in question.partners] == ["lag_jsa"], [p.id for p in question.partners]

def test_a_help_question_about_the_subject_the_page_does_not_answer_is_no_question_for_whom(directory) -> None:
    """"Geht das auch mit Videotelefonie am Wochenende?" after the JMD points at
    the subject: the page does not say it in those words, so the reply says that and what the page
    does say, not "Für wen suchen Sie Unterstützung?"."""
    understanding = actions.UNDERSTANDING.get(directory)
    question = understanding.read(make_tracker(
        text="Sie ist schüchtern. Geht das auch mit Videotelefonie am Wochenende?",
        intent="ask_target_group_help"),
        Memory(subject="jmd", mentioned=["jmd"], last_asked=Asked.SUMMARY.value))
    assert question.asked == Asked.NOT_STATED and [p.id for p in question.partners] == ["jmd"], \
        (question.asked, [p.id for p in question.partners])


def test_a_topic_said_after_nicht_is_not_asked_for(directory) -> None:
    """"Wer redet mit Politikern im Namen von Jugendlichen, die eine Lehrstelle suchen? Ich meine nicht
    die Beratung vor Ort.": the message says what it does not ask for; counselling is no topic of the question."""
    understanding = actions.UNDERSTANDING.get(directory)
    question = understanding.read(make_tracker(
        text="Wer redet mit Politikern im Namen von Jugendlichen, die eine Lehrstelle suchen? "
             "Ich meine nicht die Beratung vor Ort.",
        intent="ask_target_group_help", entities=[entity("topic", "beratung")]), Memory())
    assert "beratung" not in [t.id for t in question.topics], [t.id for t in question.topics]


def test_a_kurmanji_message_with_german_look_alikes_is_read_as_kurmanji(directory) -> None:
    """The knowledge file's Kurmanji `small_words` reach the detector: a Kurmanji message with "in",
    "an" and "hîn" is Kurmanji, not German."""
    understanding = actions.UNDERSTANDING.get(directory)
    question = understanding.read(make_tracker(
        text="Silav, ez li Hammê dijîm û sê sal in em li Almanyayê ne. Keça min dixwaze an Abitur an jî "
             "pîşeyek hîn bibe. Li NRWê kî alîkariya ciwanan dike?", intent="ask_target_group_help"), Memory())
    assert question.language == "ku", question.language


def test_the_kind_talked_about_longest_ago_is_the_one_from_the_beginning(directory) -> None:
    """"Was ist mit dem Netzwerk ganz am Anfang?" after three networks goes back to the one talked about
    longest ago; "von vorhin" goes back to the one before the current."""
    understanding = actions.UNDERSTANDING.get(directory)
    memory = Memory(subject="elternnetzwerk", mentioned=["vaeterarbeit", "adb", "elternnetzwerk"])
    beginning = make_tracker(text="Was ist mit dem Netzwerk ganz am Anfang – hat das eine Webseite?",
                             intent="follow_up")
    assert [p.id for p in understanding.read(beginning, memory).partners] == ["vaeterarbeit"]
    before = make_tracker(text="Was ist mit dem Netzwerk von vorhin – hat das eine Webseite?", intent="follow_up")
    assert [p.id for p in understanding.read(before, memory).partners] == ["adb"]


def test_the_partner_from_the_beginning_is_the_one_talked_about_longest_ago(directory) -> None:
    """"und die zu Beginn, wo sitzen die?" without a kind or name: the partner talked about longest ago,
    not the one before the current ("von vorhin")."""
    understanding = actions.UNDERSTANDING.get(directory)
    memory = Memory(subject="kfi", mentioned=["adb", "jmd", "kfi"])
    question = understanding.read(make_tracker(text="Nochmal zu denen zu Beginn: wo sitzen die?", intent="follow_up"),
                                  memory)
    assert [p.id for p in question.partners] == ["adb"]
    question = understanding.read(make_tracker(text="Nochmal zu denen von vorhin: wo sitzen die?", intent="follow_up"),
                                  memory)
    assert [p.id for p in question.partners] == ["jmd"]


def test_near_me_asks_where_the_subject_is(directory) -> None:
    """"Ich wohne in Remscheid, ist eins davon in meiner Nähe?" asks where the subject's offices are,
    as "wo" does; the city told is the writer's, not one the page names."""
    understanding = actions.UNDERSTANDING.get(directory)
    tracker = make_tracker(text="Ich wohne in Remscheid, ist eins davon in meiner Nähe?", intent="nlu_fallback")
    question = understanding.read(tracker, Memory(subject="adb", mentioned=["adb"]))
    assert question.asked == Asked.LOCATION and [p.id for p in question.partners] == ["adb"]


def test_a_fact_of_a_group_in_another_language_is_found_when_the_subjects_page_lacks_it(directory) -> None:
    """"Этот совет знает, когда поздние переселенцы получают политические права?" (does this council know
    when late resettlers get political rights?) after the Landesbeirat: its page says nothing of it; the
    sentence that says it of late resettlers (the Landesintegrationsrat's) answers, as in German."""
    understanding = actions.UNDERSTANDING.get(directory)
    tracker = make_tracker(text="Этот совет знает, когда поздние переселенцы получают политические права?",
                           intent="nlu_fallback")
    question = understanding.read(tracker, Memory(subject="landesbeirat", mentioned=["landesbeirat"]))
    assert question.asked == Asked.FACT and question.fact.sentence.partner_id == "landesintegrationsrat"
    assert "Spätaussiedler" in question.fact.sentence.text


def test_an_age_and_a_question_for_help_ask_who_helps_at_that_age_not_the_subjects_address(directory) -> None:
    """"Meine Nichte ist 15 und neu hier. Gibt es für so jemanden was, vielleicht online und anonym?" after
    the Beratungsstelle für Sinti und Roma names no one and does not point back: the partner for her age
    answers, with what it offers online, not the subject's (missing) web address."""
    understanding = actions.UNDERSTANDING.get(directory)
    memory = Memory(subject="sinti_roma_beratung", mentioned=["adb", "sinti_roma_beratung"])
    niece = make_tracker(text="Meine Nichte ist 15 und neu hier. Gibt es für so jemanden was, vielleicht online und anonym?",
                         intent="ask_target_group_help")
    question = understanding.read(niece, memory)
    assert [p.id for p in question.partners] == ["jmd"]
    assert question.fact is not None and "online" in question.fact.sentence.text.lower()


def test_when_over_the_whole_page_is_answered_by_a_sentence_with_a_date(directory) -> None:
    """"Die Integrationsräte in NRW bilden einen Zusammenschluss. Wann ist der entstanden?" names no partner:
    of the page's sentences that say something of time, the one with a date answers, not one that only says
    how long ("jahrelang")."""
    understanding = actions.UNDERSTANDING.get(directory)
    tracker = make_tracker(text="Die Integrationsräte in NRW bilden einen Zusammenschluss. Wann ist der entstanden?",
                           intent="ask_partner_info")
    question = understanding.read(tracker, Memory())
    assert question.asked == Asked.FACT and question.fact.sentence.partner_id == "landesintegrationsrat"
    assert ANSWER_EVIDENCE["date"].search(question.fact.sentence.text) and "1996" in question.fact.sentence.text
