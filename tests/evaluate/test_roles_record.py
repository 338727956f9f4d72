"""Scoring roles on marked spans (EVALUATION.md 2c) and the record's slots (2e), without a model."""

from __future__ import annotations

import pytest

from dateline.actors import Actor
from dateline.coder.labels import LabelledSentence
from dateline.evaluate.record import is_junk, score_record
from dateline.evaluate.roles import content_words, score_roles
from dateline.models import Event


def _event(kind: str, actors: list[str], recipients: list[str], confidence: float = 0.8) -> Event:
    def named(words: list[str]) -> tuple[Actor, ...]:
        return tuple(Actor("---", text=w) for w in words)

    return Event(
        id=kind,
        type=kind,
        mode=None,
        actors=named(actors),
        recipients=named(recipients),
        date=None,
        date_end=None,
        date_precision=None,
        date_source=None,
        status="occurred",
        mentions=(),
        confidence=confidence,
    )


SENTENCE = "Kenyan police arrested two Somali journalists in Nairobi on Sunday."


def test_roles_score_matches_words_that_share_a_content_word():
    item = LabelledSentence(
        "1", SENTENCE, "COERCE", ("Kenyan police",), ("two Somali journalists",)
    )
    right = [_event("COERCE", ["police"], ["Somali journalists"])]
    report = score_roles([item], lambda texts: [right])
    assert (report.source.recall, report.target.recall, report.dyad_accuracy) == (1, 1, 1)


def test_roles_score_refuses_words_outside_the_sentence_and_function_words_alone():
    item = LabelledSentence(
        "1", SENTENCE, "COERCE", ("Kenyan police",), ("two Somali journalists",)
    )
    wrong = [_event("COERCE", ["Kenyan army"], ["the"])]  # not in the sentence; no content word
    report = score_roles([item], lambda texts: [wrong])
    assert report.source.recall == 0 and report.source.precision == 0
    assert report.target.recall == 0 and report.dyad_accuracy == 0


def test_roles_score_judges_the_event_of_the_gold_type_and_needs_it_for_a_dyad():
    item = LabelledSentence(
        "1", SENTENCE, "COERCE", ("Kenyan police",), ("two Somali journalists",)
    )
    events = [
        _event("ASSAULT", ["journalists"], ["police"], confidence=0.9),
        _event("COERCE", ["Kenyan police"], [], confidence=0.4),
    ]
    report = score_roles([item], lambda texts: [events])
    assert report.source.recall == 1  # the COERCE, though less confident
    assert report.target.recall == 0 and report.dyad_accuracy == 0


def test_roles_content_words_leave_out_function_words():
    assert content_words("the leaders of Ethiopia and Eritrea") == {
        "leaders",
        "ethiopia",
        "eritrea",
    }


@pytest.mark.parametrize("words", ["Tuesday", "-RRB-", "Reuters", "al", "-", "March", "moon", "\\"])
def test_record_junk_is_never_an_actor(words):
    assert is_junk(words, {"code": "---", "sector": None})


@pytest.mark.parametrize(
    ("words", "slot"),
    [
        ("Gaddafi", {"code": "---"}),
        ("protesters", {"code": "LBY", "sector": "OPP"}),
        ("Syrian troops", {"code": "SYR", "sector": "MIL"}),
    ],
)
def test_record_names_and_generic_agents_are_not_junk(words, slot):
    assert not is_junk(words, slot)


def test_record_shares_count_slots_and_places():
    events = [
        {
            "actors": [{"code": "SYR", "sector": "MIL", "text": "Syrian troops"}],
            "recipients": [{"code": "---", "name": "Syria", "text": "Syria"}],
            "place": {"name": "Homs", "country": "SYR", "lat": 34.7, "lon": 36.7},
        },
        {
            "actors": [{"code": "---", "name": "Tuesday", "text": "Tuesday"}],
            "recipients": [{"code": "USA", "sector": "GOV"}],
            "place": {"name": None, "country": None, "lat": None, "lon": None},
        },
    ]
    report = score_record(events)
    assert (report.events, report.slots) == (2, 4)
    assert report.unresolved == 2 and report.country_unresolved == 1
    assert report.junk == 1 and report.without_words == 1
    assert (report.with_place, report.with_coordinates) == (1, 1)
    assert "unresolved slots" in report.table()
