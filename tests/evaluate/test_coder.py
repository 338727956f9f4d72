"""Scoring the event coder on labelled sentences (EVALUATION.md 2b), without a model."""

from __future__ import annotations

import json

import pytest

from dateline.coder.labels import LabelledSentence, development_split, read_labels
from dateline.errors import SourceError
from dateline.evaluate.coder import reliability, score_coder


def _items(*pairs: tuple[str, str]) -> list[LabelledSentence]:
    return [LabelledSentence(str(n), text, kind) for n, (text, kind) in enumerate(pairs)]


def test_coder_score_takes_the_most_confident_event_and_counts_silence():
    items = _items(("a", "ASSAULT"), ("b", "CONSULT"), ("c", "CONSULT"), ("d", "ASSAULT"))
    answers = {
        "a": [("CONSULT", 0.3), ("ASSAULT", 0.9)],
        "b": [("CONSULT", 0.8)],
        "c": [],
        "d": [("CONSULT", 0.7), ("ASSAULT", 0.2)],
    }
    report = score_coder(items, lambda texts: [answers[t] for t in texts])
    scores = {s.type: s for s in report.per_type}
    assert scores["ASSAULT"].predicted == 1 and scores["ASSAULT"].correct == 1
    assert scores["CONSULT"].predicted == 2 and scores["CONSULT"].correct == 1
    assert report.no_event == 0.25
    assert report.accuracy == 0.75  # "d" has an ASSAULT, though not its most confident
    assert report.macro_f1 == pytest.approx((2 / 3 + 1 / 2) / 2)


def test_coder_score_lets_a_gold_yield_accept_concede_or_retreat():
    items = _items(("a", "YIELD"), ("b", "YIELD"), ("c", "REJECT"))
    answers = {"a": [("RETREAT", 0.9)], "b": [("CONCEDE", 0.6)], "c": [("CONCEDE", 0.6)]}
    report = score_coder(items, lambda texts: [answers[t] for t in texts])
    scores = {s.type: s for s in report.per_type}
    assert scores["YIELD"].correct == 2
    assert scores["REJECT"].correct == 0
    assert "CONCEDE" not in scores


def test_coder_development_split_is_a_fixed_fifth():
    items = _items(*((f"s{n}", "ASSAULT") for n in range(100)))
    train, dev = development_split(items)
    assert len(dev) == 20 and len(train) == 80
    assert {i.id for i in dev} == {i.id for i in development_split(list(reversed(items)))[1]}
    assert not {i.id for i in dev} & {i.id for i in train}


def test_coder_labels_read_with_optional_roles(tmp_path):
    path = tmp_path / "labels.jsonl"
    rows = [
        {
            "id": "x1",
            "sentence": "Rebels shelled the town.",
            "type": "assault",
            "source": ["Rebels"],
        },
        {"sentence": "The envoy met the king.", "type": "CONSULT", "target": "the king"},
    ]
    path.write_text("\n".join(json.dumps(r) for r in rows) + "\n\n")
    first, second = read_labels(path)
    assert (first.id, first.type, first.source) == ("x1", "ASSAULT", ("Rebels",))
    assert (second.id, second.target) == ("2", ("the king",))


@pytest.mark.parametrize(
    ("line", "reason"),
    [
        ('{"sentence": "x"', "malformed JSON"),
        ('["a list"]', "JSON object"),
        ('{"type": "ASSAULT"}', "sentence"),
        ('{"sentence": "Troops fired."}', "type"),
    ],
)
def test_coder_labels_name_the_bad_line(tmp_path, line, reason):
    path = tmp_path / "labels.jsonl"
    path.write_text('{"sentence": "ok", "type": "AID"}\n' + line + "\n")
    with pytest.raises(SourceError, match=reason) as error:
        read_labels(path)
    assert "labels.jsonl:2" in str(error.value)


def test_coder_score_counts_no_act_sentences_apart():
    items = _items(("a", "ASSAULT"), ("b", "ASSAULT"), ("flood", "NONE"), ("fire", "NONE"))
    answers = {
        "a": [("ASSAULT", 0.9)],
        "b": [("COERCE", 0.8), ("ASSAULT", 0.4)],
        "flood": [],
        "fire": [("ASSAULT", 0.5)],
    }
    report = score_coder(items, lambda texts: [answers[t] for t in texts])
    assert report.sentences == 2 and "NONE" not in {s.type for s in report.per_type}
    assert report.accuracy == 1.0 and report.main_accuracy == 0.5
    assert report.non_political == 2 and report.spurious == 0.5


def test_coder_reliability_bins_a_hand_made_example():
    judged = [(0.05, False), (0.15, False), (0.15, True), (0.85, True), (0.82, True), (0.8, False)]
    table = reliability(judged, bins=5)
    counts = [(row.low, row.high, row.count, row.right) for row in table.rows]
    assert counts == [
        (0.0, 0.2, 3, 1),
        (0.2, 0.4, 0, 0),
        (0.4, 0.6, 0, 0),
        (0.6, 0.8, 0, 0),
        (0.8, 1.0, 3, 2),
    ]
    low, high = table.rows[0], table.rows[4]
    assert low.mean_confidence == pytest.approx(0.35 / 3)
    assert high.mean_confidence == pytest.approx(2.47 / 3) and high.share_right == pytest.approx(
        2 / 3
    )
    # ECE: each bin's |mean confidence - share right|, weighted by its share of events.
    expected = 0.5 * abs(0.35 / 3 - 1 / 3) + 0.5 * abs(2.47 / 3 - 2 / 3)
    assert table.ece == pytest.approx(expected)
    assert (table.near_08.count, table.near_08.right) == (3, 2)  # 0.7 <= c < 0.9


def test_coder_reliability_of_perfect_confidence_has_no_error():
    table = reliability([(0.95, True), (0.05, False)] * 3)
    assert table.ece == pytest.approx(0.05) and table.events == 6
    assert reliability([(1.0, True), (0.0, False)]).ece == 0.0


def test_coder_score_judges_each_event_against_the_gold_type():
    """An event is right when its type is the sentence's; one on a NONE sentence is wrong."""
    items = _items(("a", "ASSAULT"), ("b", "NONE"), ("c", "YIELD"))
    answers = {
        "a": [("ASSAULT", 0.9), ("ACCUSE", 0.3)],
        "b": [("ASSAULT", 0.6)],
        "c": [("RETREAT", 0.8)],
    }
    report = score_coder(items, lambda texts: [answers[t] for t in texts])
    rows = {row.low: row for row in report.reliability.rows if row.count}
    assert {low: (row.count, row.right) for low, row in rows.items()} == {
        0.3: (1, 0),
        0.6: (1, 0),
        0.8: (1, 1),
        0.9: (1, 1),
    }
    assert report.to_dict()["reliability"]["events"] == 4
    assert "ECE" in report.table()
