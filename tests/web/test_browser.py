"""The app in a real browser (Debian's Chromium, driven by Playwright): click through
the record, filter, upload, download, and open every page of a hostile article
without a dialog ever opening. Each page's screenshot goes to tests/web/screenshots/.

Skips when /usr/bin/chromium is missing (``make system-deps`` installs it).
"""

from __future__ import annotations

import csv
import io
import re
from pathlib import Path

import pytest

from dateline import Store

from .conftest import HOSTILE_TEXT, HOSTILE_TITLE, copy_store, served

pytestmark = pytest.mark.slow

SCREENSHOTS = Path(__file__).parent / "screenshots"

NEW_ARTICLE = """\
Turkey and Russia agree on monitoring centre

Published: 01.12.2020 09:00

ANKARA - Turkish Foreign Minister Mevlut Cavusoglu met Russian Foreign Minister Sergei \
Lavrov in Sochi on Monday, November 30, 2020, to discuss a joint monitoring centre in \
Azerbaijan. The two ministers agreed to open the centre within weeks.
"""


@pytest.fixture(scope="module")
def server(corpus_db, tmp_path_factory):
    """The app over a copy of the web corpus, served by uvicorn; yields its address."""
    store = Store(copy_store(corpus_db, tmp_path_factory.mktemp("browser")))
    with served(store) as base:
        yield base, store
    store.close()


def _shot(page, name: str) -> None:
    SCREENSHOTS.mkdir(exist_ok=True)
    page.screenshot(path=str(SCREENSHOTS / f"{name}.png"), full_page=True)


def test_browser_click_from_timeline_to_event_to_article_and_back(server, page):
    base, _ = server
    page.goto(base + "/timeline")
    _shot(page, "timeline")
    page.locator("a.kind").first.click()
    page.wait_for_url("**/events/*")
    assert page.locator("mark.evidence").count() >= 1
    assert page.locator("em.trigger").count() >= 1
    _shot(page, "event")
    page.locator("a.article").first.click()
    page.wait_for_url("**/articles/*")
    assert page.locator(".body a.trigger").count() >= 1
    # Time expressions show their value on hover; actors link to their pages.
    titles = page.locator(".body .timex").evaluate_all("nodes => nodes.map(n => n.title)")
    assert "2020-11-09 (DATE, to the day)" in titles  # "Monday"
    assert all(re.match(r"\d{4}-\d\d-\d\d\S* \((DATE|TIME)\b", t) for t in titles)
    assert page.locator(".body a.actor-mention[href^='/actors/']").count() >= 2
    _shot(page, "article")
    page.locator(".body a.trigger").first.click()
    page.wait_for_url("**/events/*")
    page.go_back()
    page.go_back()
    page.go_back()
    page.wait_for_url(base + "/timeline")
    assert page.locator("a.kind").count() >= 1
    page.locator("a.actor", has_text="AZE").first.click()
    page.wait_for_url("**/actors/AZE")
    assert page.locator("svg.chart rect").count() >= 1
    _shot(page, "actor")
    page.goto(base + "/dyads/AZE/ARM")
    _shot(page, "dyad")
    for path, name in (("/summary", "summary"), ("/docs", "docs"), ("/ingest", "ingest")):
        page.goto(base + path)
        _shot(page, name)
    page.goto(base + "/events/no-such-event")
    assert "404" in page.inner_text("h1")
    _shot(page, "not-found")


def test_browser_filter_by_dyad_and_date_range(server, page):
    base, store = server
    page.goto(base + "/timeline")
    page.fill("input[name=dyad]", "AZE,ARM")
    page.fill("input[name=since]", "2020-11-12")
    page.fill("input[name=until]", "2020-11-30")
    page.click("form.filters button[type=submit]")
    page.wait_for_url("**dyad=AZE%2CARM**")
    expected = store.events(dyad="AZE,ARM", since="2020-11-12", until="2020-11-30")
    assert page.inner_text("strong.count") == str(len(expected))
    assert page.locator("a.kind").count() == len(expected)
    assert page.input_value("input[name=dyad]") == "AZE,ARM"  # the state is in the URL
    _shot(page, "timeline-filtered")
    page.fill("input[name=since]", "not a date")
    page.click("form.filters button[type=submit]")
    assert "since" in page.inner_text(".error-message")


def test_browser_upload_a_file_and_see_its_events(server, page, tmp_path):
    base, _ = server
    upload = tmp_path / "sochi-talks.txt"
    upload.write_text(NEW_ARTICLE, encoding="utf-8")
    page.goto(base + "/ingest")
    page.set_input_files("input[name=files]", str(upload))
    page.click("form.ingest button[type=submit]")
    # The post sends the browser to the ingest's page, which reloads itself (a progress
    # bar) until the report is there.
    page.wait_for_selector(".report-summary, .error-message", timeout=60_000)
    assert re.search(r"/ingest/[\w-]+$", page.url)
    assert "added 1" in page.inner_text(".report-summary")
    assert "Inputs: sochi-talks.txt" in page.inner_text("main")
    _shot(page, "ingest-report")
    assert page.locator("ul.added-events a").count() >= 1  # its events, in the report
    page.locator("ul.added > li > a").first.click()
    page.wait_for_url("**/articles/*")
    assert "Sochi" in page.inner_text(".body")
    assert page.locator(".body a.trigger").count() >= 1
    page.locator(".body a.trigger").first.click()
    page.wait_for_url("**/events/*")
    assert "sochi-talks.txt" in page.inner_text("ol.passages")


def test_browser_download_a_view(server, page):
    base, store = server
    page.goto(base + "/timeline?dyad=AZE,ARM")
    with page.expect_download() as download:
        page.click(".downloads a:text-is('csv')")
    rows = list(csv.DictReader(io.StringIO(Path(download.value.path()).read_text())))
    assert download.value.suggested_filename == "events.csv"
    assert [row["id"] for row in rows] == [e.id for e in store.events(dyad="AZE,ARM")]


def test_browser_hostile_article_never_runs_script(server, page):
    base, store = server
    [hostile] = [a for a in store.articles() if a.file == "hostile-1"]
    events = [e for e in store.events() if any(m.doc == hostile.id for m in e.mentions)]
    assert events
    page.goto(f"{base}/articles/{hostile.id}")
    assert page.inner_text("h1") == HOSTILE_TITLE
    body = page.inner_text(".body")
    assert "<script>alert('text')</script>" in body and "</textarea>" in body
    assert page.locator("a[href^='javascript']").count() == 0
    assert page.locator(".unsafe-url").inner_text() == "javascript:alert('url')"
    _shot(page, "hostile-article")
    for event in events:
        page.goto(f"{base}/events/{event.id}")
        assert page.locator("a[href^='javascript']").count() == 0
        assert HOSTILE_TITLE in page.inner_text("ol.passages")
    _shot(page, "hostile-event")
    for path in (
        "/",
        "/timeline?text=Banners",
        "/map",
        "/actors/ARM",
        "/summary?dates=20&sentences=3",
    ):
        page.goto(base + path)
        assert page.locator("script").count() == 0
    assert "Banners read" in HOSTILE_TEXT
