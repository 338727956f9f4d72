"""The pieces of the pages that need no store: safe links, triggers, charts, upload
names, the docs page's reading of OpenAPI (an article's marked body: test_marks.py)."""

from __future__ import annotations

from datetime import date

import pytest

from dateline.models import Evidence
from dateline.store.story_queries import MapPoint
from dateline.web.charts import time_chart
from dateline.web.docs import operations
from dateline.web.profiles import profile
from dateline.web.uploads import upload_name
from dateline.web.views import _passage, _split_trigger, safe_link
from dateline.web.world import map_view


@pytest.mark.parametrize(
    ("url", "shown"),
    [
        ("https://example.org/a?b=1", "https://example.org/a?b=1"),
        ("http://example.org", "http://example.org"),
        ("javascript:alert(1)", None),
        (" JavaScript:alert(1)", None),
        ("data:text/html,<script>", None),
        ("//evil.test/x", None),
        ("http:///nohost", None),
        (None, None),
    ],
)
def test_views_safe_link_allows_only_web_addresses(url, shown):
    assert safe_link(url) == shown


def test_views_trigger_is_found_as_a_whole_word():
    assert _split_trigger("The summit met. They met.", "met") == (
        "The summit ",
        "met",
        ". They met.",
    )
    assert _split_trigger("Comets came.", "met") == ("Comets came.", "", "")
    assert _split_trigger("No trigger.", "") == ("No trigger.", "", "")


def test_views_passage_reads_the_paragraph_from_the_body():
    from dateline.models import Article

    body = "Title line\nFirst. They met in Moscow. After.\nNext paragraph."
    start = body.index("They")
    end = body.index("After") - 1
    evidence = Evidence("d", "f", "They met in Moscow.", start, end, trigger="met")
    shown = _passage(evidence, Article(id="d", file="f", source="s", body=body))
    assert shown.found and (shown.before, shown.after) == ("First. ", " After.")
    assert (shown.lead, shown.trigger, shown.tail) == ("They ", "met", " in Moscow.")
    moved = Evidence("d", "f", "Not what the offsets say.", start, end)
    assert not _passage(moved, Article(id="d", file="f", source="s", body=body)).found


def test_views_profile_arranges_the_stores_counts():
    counts = [
        (None, "PROTEST", 2),  # undated, or dated only to a year: no bar
        ("2020-09", "CONSULT", 1),
        ("2020-11", "ASSAULT", 1),
        ("2020-11", "CONSULT", 1),
        ("2020-11", "RETIRED", 1),  # a type the codebook has dropped
    ]
    days = [
        (date(2020, 9, 30), "verbal_cooperation", 1),
        (date(2020, 11, 3), "material_conflict", 1),
        (date(2020, 11, 9), "verbal_cooperation", 1),
        (date(2020, 11, 9), None, 1),
    ]
    shown = profile(counts, [("ARM", 3), ("RUS", 1)], days, background=2)
    assert shown.count == 6 and shown.background == 2
    assert shown.by_type == [("CONSULT", 2), ("PROTEST", 2), ("ASSAULT", 1), ("RETIRED", 1)]
    assert dict(shown.by_quad) == {
        "verbal_cooperation": 2,
        "material_conflict": 3,
        "unknown": 1,
    }
    assert shown.partners == [("ARM", 3), ("RUS", 1)]
    # Its own window: from the first day counted to the last, a bar a day.
    assert (shown.chart.first, shown.chart.last) == (date(2020, 9, 30), date(2020, 11, 9))
    assert shown.chart.unit == "day" and shown.chart.top == 2 and len(shown.chart.bars) == 4
    assert all(40 <= bar.x <= shown.chart.width for bar in shown.chart.bars)
    assert profile([]).chart.bars == [] and profile([]).count == 0


@pytest.mark.parametrize(
    ("first", "last", "unit"),
    [
        (date(2011, 3, 1), date(2011, 3, 1), "day"),
        (date(2011, 3, 1), date(2011, 5, 30), "day"),
        (date(2011, 1, 1), date(2012, 6, 30), "week"),
        (date(2001, 1, 1), date(2011, 12, 31), "month"),
        (date(1938, 1, 1), date(2011, 12, 31), "year"),
    ],
)
def test_views_time_chart_fits_any_window(first, last, unit):
    counts = [(first, "verbal_conflict", 3), (last, "material_conflict", 5)]
    chart = time_chart(counts, first, last, link=lambda a, b: f"/timeline?since={a}&until={b}")
    assert chart.unit == unit and chart.width == 900  # the same width whatever the span
    assert 1 <= len(chart.ticks) <= 9  # readable ticks
    xs = [x for x, _ in chart.ticks]
    assert xs == sorted(xs) and all(40 <= x <= 900 for x in xs)
    assert len(chart.bars) == 2 and all(bar.x + bar.width <= 900 for bar in chart.bars)
    assert chart.bars[0].href.startswith(f"/timeline?since={first.isoformat()[:4]}")
    assert time_chart([], first, last).bars == []


def test_views_map_frames_the_places_and_links_each():
    aleppo = MapPoint("Aleppo", "SYR", 36.2, 37.16, (("material_conflict", 3),))
    homs = MapPoint("Homs", "SYR", 34.73, 36.72, (("verbal_cooperation", 1),))
    view = map_view([aleppo, homs], lambda p: f"/timeline?place={p.name}")
    framed = view.frame
    for dot in view.dots:
        assert framed.x <= dot.cx <= framed.x + framed.width
        assert framed.y <= dot.cy <= framed.y + framed.height
    assert [d.href for d in view.dots] == ["/timeline?place=Aleppo", "/timeline?place=Homs"]
    assert view.dots[0].quad == "material_conflict" and view.dots[0].r > view.dots[1].r
    assert "Syria" in [name for name, _ in view.countries]
    assert "Brazil" not in [name for name, _ in view.countries]  # outside the frame
    world = map_view([], str)
    assert len(world.countries) > 150 and world.frame.width == 360


def test_views_upload_names_are_the_users_base_names():
    assert upload_name("../../etc/passwd") == "passwd"
    assert upload_name("C:\\Users\\me\\a b (2).txt") == "a b (2).txt"
    assert upload_name("<script>.html") == "<script>.html"  # escaped where shown
    assert upload_name("new\nline\x00.txt") == "newline.txt"
    for nothing in ("", "..", ".", "-", "dir/", " \t"):
        assert upload_name(nothing) == "upload"
    long = upload_name("é" * 300 + ".jsonl")
    assert long.endswith("é.jsonl") and len(long.encode()) <= 200


def test_views_docs_read_every_operation():
    schema = {
        "paths": {
            "/api/x": {
                "get": {
                    "summary": "X",
                    "parameters": [
                        {"name": "limit", "in": "query", "schema": {"type": "integer"}},
                        {
                            "name": "a",
                            "in": "query",
                            "schema": {
                                "anyOf": [
                                    {"type": "array", "items": {"type": "string"}},
                                    {"type": "null"},
                                ]
                            },
                        },
                    ],
                    "responses": {"200": {"description": "OK"}},
                }
            }
        }
    }
    [op] = operations(schema)
    assert (op.method, op.path, op.summary) == ("GET", "/api/x", "X")
    assert [p["type"] for p in op.parameters] == ["integer", "list of string"]
