import pytest

from dateline.extract import extract

from .conftest import only, texts

pytestmark = pytest.mark.slow


def test_roles_host_is_recipient_and_visitor_is_actor(mentions_of):
    mention = only(
        mentions_of(
            "Chinese President Xi Jinping hosted Brazilian President Luiz Inacio Lula da Silva "
            "in the Great Hall of the People."
        ),
        "CONSULT",
    )
    assert texts(mention.actor_spans) == ["Brazilian President Luiz Inacio Lula da Silva"]
    assert texts(mention.recipient_spans) == ["Chinese President Xi Jinping"]
    assert mention.mode == "visit"


def test_roles_visit_makes_the_place_visited_the_recipient(mentions_of):
    mention = only(
        mentions_of("Ukrainian Foreign Minister Dmytro Kuleba arrived in Warsaw."), "CONSULT"
    )
    assert texts(mention.actor_spans) == ["Ukrainian Foreign Minister Dmytro Kuleba"]
    assert texts(mention.recipient_spans) == ["Warsaw"]


def test_roles_passive_agent_is_the_actor(mentions_of):
    mention = only(
        mentions_of("Seven aid workers were killed by Israeli forces in central Gaza."), "ASSAULT"
    )
    assert texts(mention.actor_spans) == ["Israeli forces"]
    assert texts(mention.recipient_spans) == ["Seven aid workers"]


def test_roles_compound_actors_stay_one_event(mentions_of):
    mentions = mentions_of(
        "Ethiopian Prime Minister Abiy Ahmed and Eritrean President Isaias Afwerki met in Asmara."
    )
    mention = only(mentions, "CONSULT")
    assert texts(mention.actor_spans) == [
        "Ethiopian Prime Minister Abiy Ahmed",
        "Eritrean President Isaias Afwerki",
    ]
    assert mention.place is not None and mention.place[0] == "Asmara"


def test_roles_between_a_and_b_makes_both_sides_actors(mentions_of):
    mention = only(
        mentions_of(
            "Talks between the Colombian government and the ELN took place in Caracas on Monday."
        ),
        "CONSULT",
    )
    assert texts(mention.actor_spans) == ["the Colombian government", "the ELN"]


def test_roles_with_phrase_is_the_recipient(mentions_of):
    mention = only(
        mentions_of("South Korean envoys held talks with North Korean officials at Panmunjom."),
        "CONSULT",
    )
    assert texts(mention.actor_spans) == ["South Korean envoys"]
    assert texts(mention.recipient_spans) == ["North Korean officials"]


def test_roles_called_on_names_the_recipient(mentions_of):
    mention = only(
        mentions_of("Senegal called on Mali's junta to release the detained soldiers."), "REQUEST"
    )
    assert texts(mention.actor_spans) == ["Senegal"]
    assert texts(mention.recipient_spans) == ["Mali's junta"]


def test_roles_of_phrase_of_a_withdrawal_is_the_actor(mentions_of):
    mention = only(
        mentions_of("Kyiv welcomed the withdrawal of Russian troops from Kherson on 11 November."),
        "RETREAT",
    )
    assert texts(mention.actor_spans) == ["Russian troops"]


def test_roles_possessive_of_an_event_noun_is_the_actor(mentions_of):
    mention = only(
        mentions_of("Egypt's mediation between Hamas and Israel began on Sunday in Cairo."),
        "CONSULT",
    )
    assert texts(mention.actor_spans)[0] == "Egypt"
    assert mention.mode == "third-party"


def test_roles_subject_of_the_clause_holds_a_phone_call(mentions_of):
    mention = only(
        mentions_of(
            "In a phone conversation on Tuesday, Joe Biden and Benjamin Netanyahu discussed "
            "the hostage deal."
        ),
        "CONSULT",
    )
    assert texts(mention.actor_spans) == ["Joe Biden", "Benjamin Netanyahu"]
    assert mention.mode == "phone"


def test_roles_split_two_names_the_parser_joined(mentions_of):
    mention = only(
        mentions_of(
            "Colombian President Juan Manuel Santos and FARC commander Rodrigo Londono "
            "signed a peace agreement on Monday."
        ),
        "SUPPORT",
    )
    assert texts(mention.actor_spans) == [
        "Colombian President Juan Manuel Santos",
        "FARC commander Rodrigo Londono",
    ]


def test_roles_headline_style_strikes_killed_people(mentions_of):
    mention = only(
        mentions_of(
            "Israeli air strikes killed at least 40 people in Rafah overnight, according to "
            "Gaza's health ministry."
        ),
        "ASSAULT",
    )
    assert mention.mode == "aerial"
    assert texts(mention.recipient_spans) == ["at least 40 people"]
    assert mention.magnitude.killed == 40
    assert mention.speaker is not None and mention.speaker[0] == "Gaza's health ministry"


def test_roles_an_actor_inside_a_phrase_trigger_is_its_recipient():
    """ "summon * ambassador" matches the ambassador too; the actors stage reads an actor
    there, so it is the recipient. "lodge * protest" holds no actor: the protest is none."""
    [summons] = extract(
        "German officials summoned the Egyptian ambassador in Berlin on Monday.",
        published="2024-03-04",
    )
    assert [(a.code, a.sector) for a in summons.actors] == [("DEU", "GOV")]
    assert [(r.text, r.code) for r in summons.recipients] == [("the Egyptian ambassador", "EGY")]
    [protest] = extract(
        "Egypt lodged a protest with the German foreign ministry on Monday.",
        published="2024-03-04",
    )
    assert "a protest" not in [r.text for r in protest.recipients]
