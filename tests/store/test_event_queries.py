"""Reading events: each filter in SQL, the one meaning of since/until, keyset paging,
one event and one article. The events are the hand-built ones of the top conftest
(e01..e10; e06 negated, e10 undated)."""

import pytest

from dateline.errors import ConfigError
from dateline.query import TimelineQuery
from dateline.store import event_plan, open_engine
from dateline.store.event_queries import (
    article,
    count_events,
    cursor_of,
    event,
    events_page,
    iter_events,
    select_events,
)

EVERY = ["e01", "e02", "e03", "e04", "e05", "e07", "e08", "e09", "e10"]  # all but negated e06


@pytest.fixture(params=["index", "walk"])
def plan(request, monkeypatch):
    """Actor filters answered from the index of actors, or by walking the events."""
    if request.param == "walk":
        monkeypatch.setattr(event_plan, "FEW", 0)
    return request.param


@pytest.fixture(params=["sqlite", pytest.param("postgres", marks=pytest.mark.postgres)])
def engine(request, tmp_path, fill_events, plan):
    """A store of each backend holding the hand-built events, read by each plan."""
    if request.param == "sqlite":
        url = f"sqlite:///{tmp_path / 'events.db'}"
    else:
        url = request.getfixturevalue("postgres_url")
    engine = open_engine(url)
    fill_events(engine)
    yield engine
    engine.dispose()


@pytest.fixture
def sqlite_engine(events_db):
    engine = open_engine(events_db)
    yield engine
    engine.dispose()


def _ids(engine, **filters) -> list[str]:
    query = TimelineQuery(**filters)
    with engine.connect() as connection:
        found = [e.id for e in select_events(connection, query)]
        assert count_events(connection, query) == len(found)
    return found


FILTERS = [
    ({}, EVERY),
    ({"actors": ["ARM"]}, ["e02", "e03", "e04", "e09", "e10"]),
    ({"actors": ["arm", "TUR"]}, ["e02", "e03", "e04", "e08", "e09", "e10"]),
    ({"dyad": ("AZE", "ARM")}, ["e02", "e03", "e04"]),
    ({"dyad": ("ARM", "AZE")}, ["e02", "e03", "e04"]),
    ({"dyad": ("RUS", "AZE")}, ["e04", "e07", "e09"]),
    ({"dyad": ("ARM", "ARM")}, ["e04", "e10"]),
    ({"dyad": ("UNO", "AZE")}, []),
    ({"types": ["CONSULT"]}, ["e07", "e08", "e09"]),
    ({"quad_classes": ["material_conflict"]}, ["e01", "e03", "e10"]),
    ({"sectors": ["MIL"]}, ["e01", "e03"]),
    ({"sectors": ["IGO", "CVL"]}, ["e03", "e05", "e10"]),
    ({"statuses": ["negated"]}, ["e06"]),
    ({"include_negated": True, "actors": ["RUS"]}, ["e04", "e06", "e07", "e09"]),
    ({"outlet": "tass"}, ["e04", "e05", "e09", "e10"]),
    ({"outlet": "TREND"}, ["e01", "e02", "e07"]),
    ({"text": "ceasefire"}, ["e05", "e07"]),
    ({"text": "CEASEFIRE Phone"}, ["e07"]),
    ({"text": "signed fighting"}, []),  # each word is told, but in two sentences
    ({"text": "100%"}, []),  # LIKE's wildcards are words like any other
    ({"actors": ["AZE"], "types": ["CONSULT"], "since": "2020-12"}, ["e08", "e09"]),
]


@pytest.mark.parametrize("filters,expected", FILTERS, ids=lambda v: str(v))
def test_event_queries_filter_in_sql(engine, filters, expected):
    assert _ids(engine, **filters) == expected


DATES = [
    ({"since": "2020-11", "until": "2020-11"}, ["e01", "e04", "e05", "e07"]),
    ({"until": "2020-10"}, ["e01", "e02", "e03"]),
    ({"until": "2020-10-01"}, ["e01", "e02", "e03"]),  # e03 starts that day
    ({"until": "2020-09-30"}, ["e01", "e02"]),
    ({"since": "2020-10-03"}, ["e01", "e03", "e04", "e05", "e07", "e08", "e09"]),
    ({"since": "2020-10-04"}, ["e01", "e04", "e05", "e07", "e08", "e09"]),  # e03 has ended
    ({"since": "2020-11-11", "until": "2020-11-23"}, ["e01"] * 0),  # e01 ended the 10th
    ({"since": "2021"}, ["e09"]),
    ({"until": "2020"}, ["e01", "e02", "e03", "e04", "e05", "e07", "e08"]),
    ({"since": "2020-12-31", "until": "2020-12-31"}, ["e08"]),
    ({"since": "2020-02", "until": "2020-02"}, []),
]


@pytest.mark.parametrize("filters,expected", DATES, ids=lambda v: str(v))
def test_event_queries_since_until_touch_the_days_of_their_prefixes(
    sqlite_engine, filters, expected
):
    assert _ids(sqlite_engine, **filters) == expected


def test_event_queries_undated_events_never_match_a_date(sqlite_engine):
    assert "e10" in _ids(sqlite_engine)
    assert "e10" not in _ids(sqlite_engine, since="1900")
    assert "e10" not in _ids(sqlite_engine, until="9999")


@pytest.mark.parametrize(
    "since,until,message",
    [
        ("2020-13", None, "since '2020-13' is not a date: month must be in 1..12"),
        ("Nov 2020", None, "give YYYY, YYYY-MM or YYYY-MM-DD"),
        (None, "2021-02-30", "until '2021-02-30' is not a date"),
        ("2021", "2020", "since 2021 is after until 2020"),
    ],
)
def test_event_queries_a_malformed_bound_is_a_config_error(since, until, message):
    with pytest.raises(ConfigError, match=message):
        TimelineQuery(since=since, until=until)


@pytest.mark.parametrize("descending", [False, True])
@pytest.mark.parametrize("limit", [1, 2, 3, 4, 9, 10])
def test_event_queries_pages_give_every_event_once_in_order(sqlite_engine, limit, descending):
    query = TimelineQuery(include_negated=True)
    with sqlite_engine.connect() as connection:
        everything = [e.id for e in select_events(connection, query, descending=descending)]
        seen, after, pages = [], None, 0
        while True:
            page, after = events_page(
                connection, query, limit=limit, after=after, descending=descending
            )
            assert len(page) <= limit
            seen += [e.id for e in page]
            pages += 1
            if after is None:
                break
    expected = [f"e{n:02}" for n in range(1, 11)]
    assert everything == (expected[::-1] if descending else expected)
    assert seen == everything
    assert pages == -(-len(expected) // limit)  # no empty last page


@pytest.mark.parametrize("descending", [False, True])
@pytest.mark.parametrize("limit", [1, 2, 3])
def test_event_queries_pages_run_on_from_events_begun_before_the_range(engine, limit, descending):
    # e01 and e03 began before 2 October and still ran on it: they come first.
    query = TimelineQuery(since="2020-10-02", actors=["AZE", "ARM", "TUR"])
    expected = ["e01", "e03", "e04", "e07", "e08", "e09"]
    seen, after = [], None
    with engine.connect() as connection:
        while True:
            page, after = events_page(
                connection, query, limit=limit, after=after, descending=descending
            )
            seen += [e.id for e in page]
            if after is None:
                break
            assert after == cursor_of(page[-1])
    assert seen == (expected[::-1] if descending else expected)


def test_event_queries_iterate_and_limit_through_pages(sqlite_engine):
    query = TimelineQuery()
    with sqlite_engine.connect() as connection:
        assert [e.id for e in iter_events(connection, query, page_size=2)] == EVERY
        assert [e.id for e in select_events(connection, query, limit=3)] == EVERY[:3]
        after = events_page(connection, query, limit=3)[1]
        assert [e.id for e in select_events(connection, query, after=after, limit=2)] == [
            "e04",
            "e05",
        ]


def test_event_queries_a_malformed_cursor_is_a_config_error(sqlite_engine):
    with sqlite_engine.connect() as connection, pytest.raises(ConfigError, match="cursor"):
        events_page(connection, TimelineQuery(), after="yesterday")


def test_event_queries_events_come_whole_with_their_mentions(sqlite_engine, stored_events):
    with sqlite_engine.connect() as connection:
        read = select_events(connection, TimelineQuery(include_negated=True))
    assert read == list(stored_events)


def test_event_queries_one_event_with_every_mention(sqlite_engine, stored_events):
    with sqlite_engine.connect() as connection:
        found = event(connection, "e07")
        negated = event(connection, "e06")
        missing = event(connection, "nope")
    assert found == stored_events[6]
    assert [(m.doc, m.outlet) for m in found.mentions] == [("a5", "Trend"), ("a6", None)]
    assert negated is not None and negated.status == "negated"
    assert missing is None


def test_event_queries_one_article_with_its_mentions_and_their_events(sqlite_engine):
    with sqlite_engine.connect() as connection:
        found = article(connection, "a1")
        missing = article(connection, "nope")
    assert found is not None and missing is None
    assert found.article.id == "a1" and found.article.outlet == "Trend"
    linked = {(m.mention.id, m.event_id) for m in found.mentions}
    assert linked == {("e01m0", "e01"), ("e02m0", "e02"), ("loose", None)}
    assert [m.mention.mentions[0].start for m in found.mentions] == [0, 0, 50]


def test_event_queries_a_page_reads_only_its_own_mentions(sqlite_engine):
    statements: list[str] = []

    from sqlalchemy import event as sqlalchemy_event

    @sqlalchemy_event.listens_for(sqlite_engine, "before_cursor_execute")
    def _seen(conn, cursor, statement, parameters, context, executemany):
        statements.append(statement)

    with sqlite_engine.connect() as connection:
        page, _ = events_page(connection, TimelineQuery(), limit=2)
    mentions = [s for s in statements if "FROM event_mentions" in s]
    assert [e.id for e in page] == ["e01", "e02"]
    assert len(statements) == 3  # the page, its actors, its mentions
    assert len(mentions) == 1 and "event_mentions.event_id IN" in mentions[0]
