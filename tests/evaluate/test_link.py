"""The linking evaluation: pair and B-cubed scores, false merges, crowded roles."""

from __future__ import annotations

import json

import pytest

from dateline.actors import Actor
from dateline.errors import SourceError
from dateline.evaluate.link import read_link_records, score_link
from dateline.models import Event, Evidence


def _event(key: str, actors=(), recipients=()) -> Event:
    return Event(
        id=key,
        type="CONSULT",
        mode=None,
        actors=tuple(actors),
        recipients=tuple(recipients),
        date="2023-03-06",
        date_end=None,
        date_precision="day",
        date_source="expression",
        status="occurred",
        mentions=(Evidence(key, f"{key}.txt", "", 0, 0),),
    )


def test_link_scores_pairs_bcubed_and_false_merges():
    clusters = {"a": "call", "b": "call", "c": "visit", "d": "strike"}
    events = [_event("e1"), _event("e2"), _event("e3")]
    # e1 joins both reports of the call and, wrongly, the visit; the strike is apart.
    told = {"e1": ["a", "b", "c"], "e2": ["d"], "e3": ["d"]}
    report = score_link(events, told, clusters)
    assert report.records_with_event == 4 and report.gold_pairs == 1
    assert report.pairs.recall == 1.0
    assert report.pairs.precision == pytest.approx(1 / 3)
    assert report.false_merges == 1 and report.false_merge_share == pytest.approx(1 / 3)
    # B-cubed: a, b see {a, b, c} (2/3 right), c sees {a, b, c} (1/3), d sees {d}.
    assert report.bcubed.precision == pytest.approx((2 / 3 + 2 / 3 + 1 / 3 + 1) / 4)
    assert report.bcubed.recall == 1.0
    assert "false merges" in report.table() and report.to_dict()["false_merges"] == 1


def test_link_crowded_roles_count_only_crowds_no_sentence_gives():
    three = [Actor("SYR", "MIL"), Actor("TUR", "MIL"), Actor("IRN", "MIL")]
    events = [_event("gathered", three), _event("told", three), _event("pair", three[:2])]
    told = {"gathered": ["a", "b"], "told": ["c"], "pair": ["d"]}
    report = score_link(
        events, told, {k: k for k in "abcd"}, {"gathered": (1, 0), "told": (3, 0), "pair": (2, 0)}
    )
    assert report.three_or_more == 2
    assert report.crowded == 1  # "told": its own sentence names the three


def test_link_reads_labelled_records_and_rejects_bad_lines(tmp_path):
    path = tmp_path / "labels.jsonl"
    rows = [
        {
            "id": "r1",
            "text": "Kenya and Ethiopia talked.",
            "published": "2023-03-06",
            "cluster": "c",
        },
        {"id": "r2", "text": "They spoke by phone.", "published": "2023-03-06", "cluster": "c"},
        {"id": "r3", "text": "A lone sentence."},
    ]
    path.write_text("\n".join(json.dumps(row) for row in rows) + "\n")
    records = read_link_records(path)
    assert [r.cluster for r in records] == ["c", "c", "r3"]
    assert records[2].published is None
    path.write_text(json.dumps({"id": "x"}) + "\n")
    with pytest.raises(SourceError, match="text"):
        read_link_records(path)
