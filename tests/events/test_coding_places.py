"""Where events happened: the sentence's place, else the dateline's, geocoded."""

from __future__ import annotations

import pytest

from dateline.extract import extract
from dateline.models import Event

pytestmark = pytest.mark.slow


def _places(text: str, published: str) -> dict[str, Event]:
    return {e.type: e for e in extract(text, published=published)}


def test_coding_places_a_struck_city_named_by_its_kind():
    events = extract(
        "Russian troops shelled the Ukrainian city of Kharkiv on Monday, killing three civilians.",
        published="2022-03-08",
    )
    event = next(e for e in events if e.mentions[0].trigger == "shelled")
    place = event.place
    assert (place.name, place.country, place.source) == ("Kharkiv", "UKR", "sentence")
    assert abs(place.lat - 49.98) < 0.05 and abs(place.lon - 36.25) < 0.05
    assert event.place_name == "Kharkiv" and event.place_country == "UKR"


def test_coding_places_near_a_town_the_tagger_may_not_label():
    events = extract(
        "Government forces clashed with rebels near Zintan on Friday, a local commander said.",
        published="2011-06-04",
    )
    assert any(e.place and e.place.name == "Zintan" and e.place.country == "LBY" for e in events)


def test_coding_places_the_dateline_when_the_sentence_names_no_place():
    text = (
        "AMMAN (Reuters) - Jordan's foreign minister met his Egyptian counterpart on Sunday "
        "to discuss water supplies, officials said."
    )
    [event] = extract(text, published="2023-05-07")
    assert event.place is not None
    assert (event.place.name, event.place.country, event.place.source) == (
        "Amman",
        "JOR",
        "dateline",
    )


def test_coding_places_the_article_decides_which_tripoli():
    lebanon = (
        "Lebanese soldiers clashed with gunmen in Tripoli on Saturday. Lebanon's army said "
        "the fighting in the northern Lebanese port had ended."
    )
    libya = (
        "Rebels clashed with Gaddafi loyalists in Tripoli on Saturday as Libya's rebel "
        "council met in Benghazi."
    )
    in_lebanon = [e.place for e in extract(lebanon, published="2014-03-22") if e.place]
    in_libya = [e.place for e in extract(libya, published="2011-08-21") if e.place]
    assert in_lebanon and in_lebanon[0].name == "Tripoli" and in_lebanon[0].country == "LBN"
    assert in_libya and in_libya[0].name == "Tripoli" and in_libya[0].country == "LBY"


def test_coding_places_a_visits_host_is_the_sentence_place_not_the_dateline():
    text = (
        "CAIRO (Reuters) - Turkey's foreign minister arrived in Doha on Tuesday for talks "
        "on the ceasefire."
    )
    events = extract(text, published="2024-01-09")
    visit = next(e for e in events if e.mode == "visit" or e.place_name == "Doha")
    assert visit.place.country == "QAT" and visit.place.source == "sentence"
