"""An actor's and a dyad's counts in SQL: events by month and type, an actor's partners;
on the hand-built events of the top conftest (e01..e10; e06 negated, e10 undated), on
SQLite and PostgreSQL, with actor filters read from the index and by walking."""

from __future__ import annotations

from collections import Counter

import pytest

from dateline.query import TimelineQuery
from dateline.store import event_plan, open_engine
from dateline.store.event_queries import select_events
from dateline.store.profile_queries import count_by_month_and_type, top_partners

CODES = ("AZE", "ARM", "RUS", "TUR", "UNO")


@pytest.fixture(params=["index", "walk"])
def plan(request, monkeypatch):
    if request.param == "walk":
        monkeypatch.setattr(event_plan, "FEW", 0)
    return request.param


@pytest.fixture(params=["sqlite", pytest.param("postgres", marks=pytest.mark.postgres)])
def connection(request, tmp_path, fill_events, plan):
    if request.param == "sqlite":
        url = f"sqlite:///{tmp_path / 'events.db'}"
    else:
        url = request.getfixturevalue("postgres_url")
    engine = open_engine(url)
    fill_events(engine)
    with engine.connect() as connection:
        yield connection
    engine.dispose()


def test_profile_queries_an_actor_by_month_and_type(connection):
    assert count_by_month_and_type(connection, TimelineQuery(actors=("AZE",))) == [
        ("2020-09", "ACCUSE", 1),
        ("2020-09", "MOBILIZE", 1),
        ("2020-10", "ASSAULT", 1),
        ("2020-11", "AGREE", 1),
        ("2020-11", "CONSULT", 1),
        ("2020-12", "CONSULT", 1),
        ("2021-01", "CONSULT", 1),
    ]
    # The undated protest has no month; the negated assault is left out unless asked.
    assert count_by_month_and_type(connection, TimelineQuery(actors=("ARM",)))[0] == (
        None,
        "PROTEST",
        1,
    )
    negated = TimelineQuery(actors=("RUS",), include_negated=True)
    assert ("2020-11", "ASSAULT", 1) in count_by_month_and_type(connection, negated)


def test_profile_queries_a_dyad_either_way_round(connection):
    expected = [("2020-09", "ACCUSE", 1), ("2020-10", "ASSAULT", 1), ("2020-11", "AGREE", 1)]
    for pair in (("AZE", "ARM"), ("ARM", "AZE")):
        assert count_by_month_and_type(connection, TimelineQuery(dyad=pair)) == expected


def test_profile_queries_partners_on_the_other_side(connection):
    every = TimelineQuery()
    # e02 (AZE acts on ARM), e03 (ARM on AZE's civilians), e04 (AZE, ARM and RUS agree,
    # no recipients), e07 (AZE calls RUS), e08 (TUR visits AZE), e09 (RUS hosts AZE).
    assert top_partners(connection, "AZE", every) == [("ARM", 3), ("RUS", 3), ("TUR", 1)]
    assert top_partners(connection, "AZE", every, limit=1) == [("ARM", 3)]
    # Armenian protesters against Armenia's prime minister are no partner of Armenia.
    assert top_partners(connection, "ARM", every) == [("AZE", 3), ("RUS", 2)]
    negated = TimelineQuery(include_negated=True)
    assert top_partners(connection, "ARM", negated) == [("AZE", 3), ("RUS", 3)]
    assert top_partners(connection, "UNO", every) == []


def test_profile_queries_count_what_reading_every_event_counts(connection):
    for code in CODES:
        query = TimelineQuery(actors=(code,))
        told = select_events(connection, query)
        expected = Counter(
            (e.date[:7] if e.date and len(e.date) >= 7 else None, e.type) for e in told
        )
        counted = count_by_month_and_type(connection, query)
        assert {(m, t): n for m, t, n in counted} == dict(expected)
        partners: Counter[str] = Counter()
        for event in told:
            actors = {a.code for a in event.actors}
            recipients = {a.code for a in event.recipients}
            other = (recipients or actors) if code in actors else set()
            other |= actors if code in recipients else set()
            partners.update(other - {code})
        assert dict(top_partners(connection, code, TimelineQuery())) == dict(partners)
