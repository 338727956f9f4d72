"""The Store's readers of events, on the hand-built events of the top conftest (e01..e10;
e06 negated, e10 undated)."""

import pytest

from dateline import Store
from dateline.api import EVENT_COLUMNS
from dateline.errors import ConfigError
from dateline.timeline import TimelineQuery

EVERY = ["e01", "e02", "e03", "e04", "e05", "e07", "e08", "e09", "e10"]


@pytest.fixture
def store(events_db):
    store = Store(events_db, create=False)
    yield store
    store.close()


def _ids(events) -> list[str]:
    return [e.id for e in events]


def test_api_events_take_a_query_or_its_fields_as_keywords(store):
    assert _ids(store.events()) == EVERY
    assert _ids(store.events(types=["CONSULT"], since="2020-12")) == ["e08", "e09"]
    assert _ids(store.events(TimelineQuery(dyad=("AZE", "ARM")))) == ["e02", "e03", "e04"]
    # Keywords are set over the query.
    query = TimelineQuery(dyad=("AZE", "ARM"))
    assert _ids(store.events(query, until="2020-10")) == ["e02", "e03"]
    assert _ids(store.timeline(query, until="2020-10")) == ["e02", "e03"]
    assert _ids(store.events(include_negated=True, actors="RUS")) == ["e04", "e06", "e07", "e09"]
    assert _ids(store.events(limit=2, descending=True)) == ["e10", "e09"]


def test_api_events_refuse_an_unknown_filter_and_a_malformed_date(store):
    with pytest.raises(ConfigError, match="unknown event filter actor"):
        store.events(actor="AZE")
    with pytest.raises(ConfigError, match="since '11/2020' is not a date"):
        store.events(since="11/2020")


def test_api_events_page_through_and_count(store):
    seen, after = [], None
    while True:
        page, after = store.events_page(limit=4, after=after, since="2020-10")
        seen += _ids(page)
        if after is None:
            break
    assert seen == _ids(store.events(since="2020-10"))
    assert store.count_events(since="2020-10") == len(seen) == 7
    assert store.count_events() == 9
    assert store.count_events(TimelineQuery(include_negated=True)) == 10
    assert _ids(store.iter_events(limit=3)) == EVERY[:3]


def test_api_event_and_article(store, stored_events):
    assert store.event("e09") == stored_events[8]
    assert store.event("missing") is None
    found = store.article("a4")
    assert found is not None
    assert found.article.outlet == "TASS"
    assert sorted(m.event_id for m in found.mentions) == ["e04", "e05", "e06"]
    assert store.article("missing") is None


def test_api_to_pandas_is_one_row_an_event(store):
    pytest.importorskip("pandas")
    frame = store.to_pandas()
    assert list(frame.columns) == list(EVENT_COLUMNS)
    assert list(frame["id"]) == EVERY
    row = frame.set_index("id").loc["e07"]
    assert row["type"] == "CONSULT" and row["quad_class"] == "verbal_cooperation"
    assert row["actors"] == ["AZE GOV Ilham Aliyev"]
    assert row["recipients"] == ["RUS GOV Vladimir Putin"]
    assert (row["date"], row["mentions"], row["sources"]) == ("2020-11-24", 2, 2)
    assert list(store.to_pandas(actors="TUR")["id"]) == ["e08"]
