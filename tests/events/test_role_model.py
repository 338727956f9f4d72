"""The learned role model: what it fills, what it leaves to the rules, and the words it keeps."""

from __future__ import annotations

import pytest

from dateline.events.role_model import CLASSES, load_role_model
from dateline.extract import extract


def test_role_model_is_shipped_and_gives_probabilities():
    model = load_role_model()
    assert model is not None
    assert len(CLASSES) == 3
    found = model.probabilities(["path=nsubj<", "type=ASSAULT", "rule=none"])
    assert sum(found) == pytest.approx(1.0)
    assert 0 < model.min_target < 1


def _by_type(text: str, published: str = "2024-03-05") -> dict:
    return {e.type: e for e in extract(text, published=published)}


@pytest.mark.slow
def test_role_model_every_actor_keeps_its_words_and_their_offsets():
    text = "Kenyan police arrested two Somali journalists in Nairobi on Sunday."
    [event] = [e for e in extract(text, published="2024-03-05") if e.type == "COERCE"]
    for actor in (*event.actors, *event.recipients):
        assert actor.text and text[actor.start : actor.end] == actor.text
    assert [a.code for a in event.actors] == ["KEN"]
    assert [a.code for a in event.recipients] == ["SOM"]


@pytest.mark.slow
def test_role_model_a_place_in_a_role_acts_for_its_country():
    events = _by_type(
        "Venezuela complained to the United Nations on Thursday over Guyanese border patrols."
    )
    accuse = events["ACCUSE"]
    assert [a.code for a in accuse.actors] == ["VEN"]
    assert "UNO" in {a.code for a in accuse.recipients}


@pytest.mark.slow
@pytest.mark.parametrize(
    "text",
    [
        "BOGOTA (Reuters) - Rebels attacked a police post on Tuesday, the army said.",
        "MOMBASA - Port workers and the government signed a wage deal on Friday.",
        "On Monday -LRB- local time -RRB- , Reuters reported that gunmen kidnapped al Saturday.",
    ],
)
def test_role_model_never_makes_an_actor_of_junk(text):
    junk = {"Tuesday", "Monday", "Reuters", "-RRB-", "-LRB-", "al", "BOGOTA", "MOMBASA"}
    for event in extract(text, published="2024-03-05"):
        for actor in (*event.actors, *event.recipients):
            assert actor.name not in junk and (actor.text or "") not in junk
