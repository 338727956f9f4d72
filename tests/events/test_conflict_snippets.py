"""The conflict snippets (tests/fixtures/conflict) are a labelled development set."""

import json
from pathlib import Path

from dateline.coder.examples import SHIPPED_NEGATIVES
from dateline.events.ontology import check_mode, event_type
from dateline.knowledge import KNOWLEDGE_DIR

SNIPPETS = Path(__file__).parents[1] / "fixtures" / "conflict" / "snippets.jsonl"


def _rows(path):
    return [json.loads(line) for line in path.read_text(encoding="utf-8").splitlines() if line]


def test_conflict_snippets_are_labelled_with_plover_types_and_modes():
    rows = _rows(SNIPPETS)
    assert len(rows) >= 200
    assert len({row["id"] for row in rows}) == len(rows)
    for row in rows:
        assert row["political"] == (row["type"] != "NONE")
        if row["political"]:
            event_type(row["type"])
            check_mode(row["type"], row["mode"], source=str(SNIPPETS))
    assert sum(not row["political"] for row in rows) >= 30


def test_conflict_snippets_are_not_training_sentences():
    snippets = {row["sentence"] for row in _rows(SNIPPETS)}
    codebook = KNOWLEDGE_DIR / "coder" / "codebook_examples.jsonl"
    for path in (codebook, SHIPPED_NEGATIVES):
        assert not snippets & {row["sentence"] for row in _rows(path)}
