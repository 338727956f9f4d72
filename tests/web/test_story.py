"""The first page, the map, the key dates for a question and the background filter, on a
few hundred synthetic events (``story_db``: four months of news, a tenth background)."""

from __future__ import annotations

import re

import pytest
from click.testing import CliRunner
from fastapi.testclient import TestClient

from dateline import Store
from dateline.cli import cli
from dateline.timeline import TimelineQuery

from .conftest import STORY_START, copy_store


@pytest.fixture(scope="module")
def store(story_db, tmp_path_factory):
    opened = Store(copy_store(story_db, tmp_path_factory.mktemp("story-app")))
    yield opened
    opened.close()


@pytest.fixture(scope="module")
def client(store):
    from dateline.web import create_app

    with TestClient(create_app(store.settings, store=store)) as test_client:
        yield test_client


def test_story_first_page_tells_the_news_window(client, store):
    page = client.get("/")
    assert page.status_code == 200
    overview = store.overview()
    assert overview.first == STORY_START and overview.background == 30
    assert f"<strong>{STORY_START.isoformat()}</strong>" in page.text
    # The background is a count and a link, never drawn.
    assert f'href="/timeline?background=true">{overview.background} background' in page.text
    bars = re.findall(r'<a href="/timeline\?since=(\d{4}-\d\d-\d\d)[^"]*"><rect', page.text)
    assert bars and min(bars) >= "2011-01-30"  # nothing from 1938
    assert "counts top-actors" in page.text and 'href="/actors/SYR"' in page.text
    assert "counts top-dyads" in page.text
    assert "<circle" in page.text and 'href="/timeline?place=' in page.text
    assert '<dl class="summary">' in page.text  # the key dates


def test_story_old_timeline_urls_go_on_to_the_timeline(client):
    moved = client.get("/?actor=SYR", follow_redirects=False)
    assert moved.status_code == 307 and moved.headers["location"] == "/timeline?actor=SYR"


def test_story_background_filter_splits_the_events(client, store):
    every = store.count_events()
    background = store.count_events(background=True)
    assert store.count_events(background=False) == every - background
    assert all(
        e.status == "historical" or e.date < "2011-01-30" for e in store.events(background=True)
    )
    page = client.get("/timeline", params={"background": "true"})
    assert f'<strong class="count">{background}</strong>' in page.text


def test_story_place_filter_and_map(client, store):
    aleppo = store.events(place="aleppo")
    assert aleppo and all(e.place and e.place.name == "Aleppo" for e in aleppo)
    assert store.count_events(place="SYR") >= len(aleppo)  # a country code
    page = client.get("/map", params={"actor": "SYR"})
    assert page.status_code == 200
    located = sum(p.count for p in store.places(actors="SYR"))
    assert f'<strong class="count">{located}</strong>' in page.text
    assert page.text.count("<circle") == len(store.places(actors="SYR"))
    assert 'class="land"' in page.text and "Natural Earth" in page.text
    assert client.get("/map", params={"since": "yesterday"}).status_code == 400


def test_story_actor_page_shows_its_own_window(client):
    page = client.get("/actors/SYR")
    assert page.status_code == 200
    widths = re.findall(r'class="chart time-chart"[^>]*viewBox="0 0 (\d+) ', page.text)
    assert widths == ["900"]  # whatever its span
    assert "background=true" in page.text  # its background, a link


def test_story_key_dates_for_a_question(client, store):
    entries = store.summary(TimelineQuery(actors="SYR"), dates=5, sentences=1)
    assert entries
    assert all("SYR" in sentence for entry in entries for sentence in entry.sentences)
    answer = client.get("/api/summary", params={"actor": "SYR", "dates": 5}).json()
    assert [d["date"] for d in answer["dates"]] == [e.date.isoformat() for e in entries]
    page = client.get("/summary", params={"place": "Homs", "dates": 3})
    assert page.status_code == 200 and "Homs" in page.text
    assert client.get("/api/summary", params={"dyad": "SYR"}).status_code == 400


def test_story_cli_summarize_takes_the_filters(store):
    result = CliRunner().invoke(
        cli,
        ["timeline", "--db", store.settings.db, "--summarize", "--actor", "LBY", "--dates", "4"],
    )
    assert result.exit_code == 0, result.output
    sentences = [line.strip() for line in result.output.splitlines() if line.startswith(" ")]
    assert sentences and all("LBY" in sentence for sentence in sentences)


def test_story_event_page_marks_the_actors_words(client, store):
    [event] = store.events(limit=1, background=False)
    page = client.get(f"/events/{event.id}")
    assert page.status_code == 200
    assert '<em class="trigger">met</em>' in page.text
