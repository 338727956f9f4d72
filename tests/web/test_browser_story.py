"""The first page, the map and an actor page in a real browser (Debian's Chromium through
Playwright) on a few hundred synthetic events: the charts and the map have visible
marks inside the viewport. Screenshots go to the test's temporary folder.

Skips when /usr/bin/chromium is missing (``make system-deps`` installs it).
"""

from __future__ import annotations

import pytest

from dateline import Store

from .conftest import copy_store, served

pytestmark = pytest.mark.slow


@pytest.fixture(scope="module")
def server(story_db, tmp_path_factory):
    store = Store(copy_store(story_db, tmp_path_factory.mktemp("browser-story")))
    with served(store) as base:
        yield base, store
    store.close()


def _visible_inside(page, selector: str) -> int:
    """How many of ``selector`` have a box of some size inside the viewport."""
    return page.locator(selector).evaluate_all(
        """nodes => nodes.filter(n => {
            const r = n.getBoundingClientRect();
            return r.width > 0 && r.height > 0 && r.right > 0 && r.bottom > 0
                && r.left < window.innerWidth && r.top < window.innerHeight * 3;
        }).length"""
    )


def _in_view(page, selector: str) -> bool:
    box = page.locator(selector).first.bounding_box()
    width = page.viewport_size["width"]
    return (
        box is not None
        and box["width"] > 100
        and box["x"] >= 0
        and box["x"] + box["width"] <= width
    )


def test_browser_story_first_page_map_and_actor(server, page, tmp_path):
    base, store = server
    page.goto(base + "/")
    assert _in_view(page, "svg.time-chart")  # the chart fits the page, not a strip
    assert _visible_inside(page, "svg.time-chart rect.bar") >= 10
    assert _visible_inside(page, "svg.map circle.dot") >= 3
    assert _visible_inside(page, "svg.map path.land") >= 3
    assert page.locator("dl.summary dt").count() >= 1  # the key dates
    page.screenshot(path=str(tmp_path / "story.png"), full_page=True)

    page.locator("svg.time-chart a").first.click()  # a bar opens its days' timeline
    page.wait_for_url("**/timeline?since=*")
    assert page.locator("a.kind").count() >= 1

    page.goto(base + "/map")
    assert _in_view(page, "svg.map")
    dots = _visible_inside(page, "svg.map circle.dot")
    assert dots == len(store.places())
    page.screenshot(path=str(tmp_path / "map.png"), full_page=True)
    page.locator("svg.map a").first.click()  # a point opens its events
    page.wait_for_url("**/timeline?place=*")
    assert page.locator("a.kind").count() >= 1

    page.goto(base + "/actors/SYR")
    assert _in_view(page, "svg.time-chart")
    assert _visible_inside(page, "svg.time-chart rect.bar") >= 5
    page.screenshot(path=str(tmp_path / "actor.png"), full_page=True)
    assert list(tmp_path.glob("*.png"))
