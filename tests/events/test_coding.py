"""Coded events: mentions with resolved actors, dates and places, on text about many conflicts."""

from __future__ import annotations

from datetime import date

import pytest

from dateline.actors import ActorMemory, resolve_doc
from dateline.events.coding import code_events
from dateline.models import Article, Event, article_id
from dateline.time import tag_doc

pytestmark = pytest.mark.slow


@pytest.fixture
def code(nlp):
    """Code the events of a text published on a day."""

    def run(text: str, published: str) -> list[Event]:
        article = Article(
            id=article_id(text),
            file="story.txt",
            source="story.txt",
            body=text,
            published=published,
            published_precision="day",
        )
        doc = nlp(text)
        day = date.fromisoformat(published)
        memory = ActorMemory()
        resolve_doc(doc, day, memory, source=article.id)
        return code_events(doc, article, memory, tag_doc(doc, day), anchor=day)

    return run


def _one(events: list[Event], type_name: str) -> Event:
    found = [e for e in events if e.type == type_name]
    assert len(found) == 1, [(e.type, e.mentions[0].trigger) for e in events]
    return found[0]


def _codes(actors) -> list[str]:
    return [a.code for a in actors]


def test_coding_host_is_the_recipient_and_the_guest_the_actor(code):
    events = code(
        "Kenyan President William Ruto hosted Somali President Hassan Sheikh Mohamud "
        "at State House in Nairobi on Friday.",
        "2023-06-10",
    )
    visit = _one(events, "CONSULT")
    assert _codes(visit.actors) == ["SOM"]
    assert _codes(visit.recipients) == ["KEN"]
    assert visit.date == "2023-06-09"


def test_coding_talks_held_in_a_capital_make_its_country_the_host(code):
    events = code(
        "Indonesian Foreign Minister Retno Marsudi held talks in Tokyo on Monday "
        "with officials on maritime security.",
        "2023-03-08",
    )
    visit = _one(events, "CONSULT")
    assert visit.place_name == "Tokyo" and visit.place_country == "JPN"
    assert "IDN" in _codes(visit.actors)
    assert "JPN" in _codes(visit.recipients)


def test_coding_date_written_inside_the_event_phrase(code):
    events = code(
        "The envoys met a day before the withdrawal of Malian troops from Kidal on 14 November.",
        "2023-11-10",
    )
    withdrawal = _one(events, "RETREAT")
    assert _codes(withdrawal.actors) == ["MLI"] and withdrawal.actors[0].sector == "MIL"
    assert withdrawal.date == "2023-11-14" and withdrawal.date_source == "expression"


def test_coding_undated_clause_falls_back_to_the_publication_day(code):
    events = code("Ukrainian troops withdrew from the town of Avdiivka.", "2024-02-17")
    withdrawal = _one(events, "RETREAT")
    assert withdrawal.date == "2024-02-17" and withdrawal.date_source == "published"


def test_coding_a_hypothetical_act_is_not_an_event(code):
    events = code(
        "The two foreign ministers discussed ways to provide humanitarian aid to Sudan.",
        "2023-05-02",
    )
    assert "AID" not in {e.type for e in events}


def test_coding_it_stands_for_the_last_country_named(code):
    events = code(
        "Colombia signed a ceasefire agreement with the ELN on Thursday. "
        "It also freed 20 prisoners on Friday.",
        "2023-06-10",
    )
    release = _one(events, "RETREAT")
    assert _codes(release.actors) == ["COL"]
    assert release.date == "2023-06-09"


def test_coding_an_old_war_is_historical_background(code):
    events = code(
        "Ethiopia and Eritrea fought a border war between 1998 and 2000 that killed "
        "tens of thousands of people.",
        "2018-07-09",
    )
    war = _one(events, "ASSAULT")
    assert war.status == "historical"
    assert war.date.startswith("1998")


def test_coding_apology_for_deaths_names_the_victims_country(code):
    events = code(
        "Israel apologized for the death of Egyptian soldiers killed near the border on Saturday.",
        "2023-06-05",
    )
    apology = _one(events, "CONCEDE")
    assert _codes(apology.actors) == ["ISR"]
    assert "EGY" in _codes(apology.recipients)


def test_coding_counts_the_killed_and_keeps_the_evidence(code):
    text = (
        "Russian missiles struck Kharkiv on Monday. "
        "At least 12 civilians were killed in Russian air strikes on the city."
    )
    events = code(text, "2024-05-28")
    strike = [e for e in events if e.type == "ASSAULT" and dict(e.magnitude).get("killed")]
    assert strike and dict(strike[0].magnitude)["killed"] == 12
    evidence = strike[0].mentions[0]
    assert text[evidence.start : evidence.end] == evidence.sentence
    assert evidence.file == "story.txt"
