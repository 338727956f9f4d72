from datetime import date

import pytest

from dateline.events.status import apply_plover_rules, is_historical

from .conftest import only, texts


def test_status_future_meeting_is_recoded_as_agree():
    assert apply_plover_rules("CONSULT", "visit", "future") == ("AGREE", None)
    assert apply_plover_rules("CONSULT", "visit", "occurred") == ("CONSULT", "visit")


def test_status_future_withdrawal_is_recoded_as_concede():
    assert apply_plover_rules("RETREAT", "withdraw", "future") == ("CONCEDE", "withdraw")


def test_status_is_historical_compares_with_publication():
    assert is_historical(date(1994, 5, 12), date(2023, 11, 6))
    assert not is_historical(date(2023, 9, 19), date(2023, 11, 6))


@pytest.mark.slow
def test_status_will_meet_is_a_future_agree(mentions_of):
    mention = only(
        mentions_of("Sudan's army chief will meet the RSF commander in Jeddah next week."), "AGREE"
    )
    assert mention.status == "future"
    assert texts(mention.actor_spans) == ["Sudan's army chief"]


@pytest.mark.slow
def test_status_upcoming_summit_is_future(mentions_of):
    mention = only(
        mentions_of("Officials prepared the upcoming summit of ECOWAS leaders in Abuja."), "AGREE"
    )
    assert mention.status == "future"


@pytest.mark.slow
def test_status_declared_ceasefire_is_concede(mentions_of):
    mention = only(
        mentions_of(
            "The Myanmar junta declared a unilateral ceasefire in Rakhine State on Friday."
        ),
        "CONCEDE",
    )
    assert mention.mode == "ceasefire"
    assert texts(mention.actor_spans) == ["The Myanmar junta"]


@pytest.mark.slow
def test_status_signing_an_agreement_is_support(mentions_of):
    mention = only(
        mentions_of("Ethiopia and the TPLF signed a peace deal in Pretoria on 2 November."),
        "SUPPORT",
    )
    assert texts(mention.actor_spans) == ["Ethiopia", "the TPLF"]
    assert mention.cameo == "05"


@pytest.mark.slow
def test_status_apology_is_concede(mentions_of):
    mention = only(
        mentions_of(
            "Israel's prime minister apologized to Qatar for the strike on Hamas negotiators in Doha."
        ),
        "CONCEDE",
    )
    assert mention.mode == "apologize"
    assert texts(mention.actor_spans) == ["Israel's prime minister"]
    assert texts(mention.recipient_spans) == ["Qatar"]


@pytest.mark.slow
def test_status_did_not_attend_is_negated(mentions_of):
    mention = only(
        mentions_of("Venezuela's president did not attend the summit in Bogota."), "CONSULT"
    )
    assert mention.status == "negated"


@pytest.mark.slow
def test_status_refused_to_withdraw_is_negated(mentions_of):
    mentions = mentions_of("The M23 rebels refused to withdraw from Goma.")
    retreat = only(mentions, "RETREAT")
    assert retreat.status == "negated"
    assert only(mentions, "REJECT").status == "occurred"


@pytest.mark.slow
def test_status_modal_and_conditional_are_hypothetical(mentions_of):
    modal = only(mentions_of("Pyongyang could launch a missile strike on Seoul."), "ASSAULT")
    assert modal.status == "hypothetical"
    conditional = only(
        mentions_of("Tehran will retaliate if Israel attacks Iranian nuclear sites."), "ASSAULT"
    )
    assert conditional.status == "hypothetical"


@pytest.mark.slow
def test_status_reported_speech_stays_occurred_with_the_speaker(mentions_of):
    mention = only(
        mentions_of(
            "The Sudanese army shelled markets in Omdurman on Saturday, a spokesman for the "
            "Emergency Lawyers group said."
        ),
        "ASSAULT",
    )
    assert mention.status == "occurred"
    assert mention.speaker is not None
    assert mention.speaker[0].startswith("a spokesman")


@pytest.mark.slow
def test_status_said_that_names_the_speaker(mentions_of):
    mention = only(
        mentions_of("Colombia's defence minister said that the ELN had attacked an oil pipeline."),
        "ASSAULT",
    )
    assert mention.status == "occurred"
    assert mention.speaker is not None and mention.speaker[0] == "Colombia's defence minister"
    assert mention.perfect


@pytest.mark.slow
def test_status_keeps_old_years_for_the_historical_decision(mentions_of):
    mention = only(
        mentions_of("Iraq invaded Kuwait in August 1990, the documentary recalls."), "ASSAULT"
    )
    assert mention.years == (1990,)


@pytest.mark.slow
def test_status_is_set_to_visit_is_a_future_agree_with_the_visitor(mentions_of):
    mention = only(
        mentions_of("Indian Prime Minister Narendra Modi is set to visit Kyiv in August."), "AGREE"
    )
    assert mention.status == "future"
    assert texts(mention.actor_spans) == ["Indian Prime Minister Narendra Modi"]
    assert texts(mention.recipient_spans) == ["Kyiv"]


@pytest.mark.slow
def test_status_meeting_to_be_held_is_future(mentions_of):
    mention = only(
        mentions_of("Delegates prepared for the meeting to be held in Geneva next month."), "AGREE"
    )
    assert mention.status == "future"
    assert mention.place is not None and mention.place[0] == "Geneva"


@pytest.mark.slow
def test_status_promised_aid_is_agree(mentions_of):
    mention = only(
        mentions_of("The United States will provide $2 billion in military aid to Ukraine."),
        "AGREE",
    )
    assert texts(mention.recipient_spans) == ["Ukraine"]


@pytest.mark.slow
def test_status_a_question_reports_no_act(mentions_of):
    # Real reader comments under Reuters stories (Timeline17 Libya).
    asked = only(mentions_of("Have you seen anyone burning US flags ?"), "ASSAULT")
    assert asked.status == "hypothetical"
    quoted = only(
        mentions_of('"Who ordered the shelling of Misrata?" a rebel spokesman asked.'), "ASSAULT"
    )
    assert quoted.status == "hypothetical"
    told = only(mentions_of("Gaddafi's forces shelled Misrata on Sunday."), "ASSAULT")
    assert told.status == "occurred"


@pytest.mark.slow
def test_status_root_with_its_own_to_is_no_endless_plan(nlp):
    # Found ingesting Timeline17: a fragment whose root carries its own "to" was read
    # as a plan of itself, over and over (RecursionError), once the learned coder put
    # an act at that root.
    from dateline.coder.model import load_coder
    from dateline.events import find_mentions
    from dateline.settings import Settings

    doc = nlp("To always be good Muslims .")
    assert isinstance(find_mentions(doc, coder=load_coder(Settings())), list)
