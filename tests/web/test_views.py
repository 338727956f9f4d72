"""The pieces of the pages that need no store: safe links, triggers, charts, upload
names, the docs page's reading of OpenAPI (an article's marked body: test_marks.py)."""

from __future__ import annotations

import pytest

from dateline.models import Evidence
from dateline.web.docs import operations
from dateline.web.profiles import profile
from dateline.web.uploads import upload_name
from dateline.web.views import _passage, _split_trigger, safe_link


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
    shown = profile(counts, [("ARM", 3), ("RUS", 1)])
    assert shown.count == 6
    assert shown.by_type == [("CONSULT", 2), ("PROTEST", 2), ("ASSAULT", 1), ("RETIRED", 1)]
    assert dict(shown.by_quad) == {
        "verbal_cooperation": 2,
        "material_conflict": 3,
        "unknown": 1,
    }
    assert shown.partners == [("ARM", 3), ("RUS", 1)]
    months = [month for _, month in shown.chart.ticks]
    assert months == ["2020-09", "2020-10", "2020-11"]  # the empty month kept
    assert shown.chart.top == 3 and len(shown.chart.bars) == 4
    assert profile([]).chart.bars == [] and profile([]).count == 0


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
