"""Filters and pages read from the URL, on the hand-built events of the top conftest
(e01..e10, e06 negated, e10 undated): no model, so these run in ``make test-fast``."""

from __future__ import annotations

import re

import pytest
from fastapi.testclient import TestClient

from dateline import Store
from dateline.web import create_app
from dateline.web.params import cursor_of


@pytest.fixture
def client(events_db):
    store = Store(events_db)
    with TestClient(create_app(store.settings, store=store)) as client:
        yield client
    store.close()


def _ids(html: str) -> list[str]:
    return re.findall(r'class="kind" href="/events/(\w+)"', html)


def _link(html: str, rel: str) -> str | None:
    found = re.search(rf'rel="{rel}" href="([^"]+)"', html)
    return found.group(1).replace("&amp;", "&") if found else None


@pytest.mark.parametrize("order", ["asc", "desc"])
def test_params_pages_walk_forward_then_back(client, events_db, order):
    every = [e.id for e in Store(events_db).events()]
    if order == "desc":
        every.reverse()
    pages, url = [], f"/timeline?limit=3&order={order}"
    while url:
        html = client.get(url).text
        pages.append(_ids(html))
        url = _link(html, "next")
    assert [i for page in pages for i in page] == every
    back = []
    url = _link(
        client.get(f"/timeline?limit=3&order={order}&after={_cursor(events_db, every, 5)}").text,
        "prev",
    )
    while url:
        html = client.get(url).text
        back.insert(0, _ids(html))
        url = _link(html, "prev")
    assert back == [every[0:3], every[3:6]]  # the pages before the one after every[5]


def _cursor(events_db: str, every: list[str], position: int) -> str:
    [event] = [e for e in Store(events_db).events() if e.id == every[position]]
    return cursor_of(event)


def test_params_filters_match_the_store(client, events_db):
    store = Store(events_db)
    for params, filters in [
        ({"dyad": "AZE,ARM", "since": "2020-10"}, {"dyad": "AZE,ARM", "since": "2020-10"}),
        ({"actor": "tur"}, {"actors": ("TUR",)}),
        ({"sector": "GOV", "negated": "true"}, {"sectors": ("GOV",), "include_negated": True}),
        ({"status": "negated"}, {"statuses": ("negated",)}),
        ({"actor": "AZE ARM", "type": ""}, {"actors": ("AZE", "ARM")}),
    ]:
        answer = client.get("/api/events", params=params).json()
        expected = [e.id for e in store.events(**filters)]
        assert [e["id"] for e in answer["events"]] == expected, params
        assert answer["count"] == len(expected)
        assert _ids(client.get("/timeline", params=params).text) == expected


def test_params_undated_events_come_last_and_show_as_undated(client):
    html = client.get("/timeline").text
    assert _ids(html)[-1] == "e10" and "<h2>undated</h2>" in html


def test_params_an_unexpected_error_is_a_page_without_a_traceback(events_db, monkeypatch):
    store = Store(events_db)

    def broken(event_id):
        raise RuntimeError("secret internals")

    monkeypatch.setattr(store, "event", broken)
    client = TestClient(create_app(store.settings, store=store), raise_server_exceptions=False)
    page = client.get("/events/e01")
    assert page.status_code == 500
    assert "internal error" in page.text and "secret internals" not in page.text
    answer = client.get("/api/events/e01")
    assert answer.status_code == 500 and "secret" not in answer.text


def test_params_api_pages_back_with_before(client, events_db):
    every = [e.id for e in Store(events_db).events()]
    last = client.get("/api/events", params={"limit": 4, "after": _cursor(events_db, every, 4)})
    assert [e["id"] for e in last.json()["events"]] == every[5:9]
    back = client.get("/api/events", params={"limit": 4, "before": last.json()["previous"]})
    assert [e["id"] for e in back.json()["events"]] == every[1:5]
    first = client.get("/api/events", params={"limit": 4, "before": back.json()["previous"]})
    assert [e["id"] for e in first.json()["events"]] == every[0:1]
    assert first.json()["previous"] is None


def test_params_several_types_stay_in_the_filter_bar(client):
    html = client.get("/timeline", params={"type": ["consult", "ASSAULT"]}).text
    assert "<option selected>CONSULT</option>" in html
    assert '<input type="checkbox" name="type" value="ASSAULT" checked>' in html
