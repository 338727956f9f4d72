"""``dateline eval tls`` from the command line: the busiest-days baseline beside the scores,
databases kept with --db-dir, and the leave-one-topic-out table for several topics."""

from __future__ import annotations

import json
import shutil
from pathlib import Path

import pytest

pytestmark = pytest.mark.slow
pytest.importorskip("tilse")

FIXTURE = Path(__file__).parents[1] / "fixtures" / "tls" / "tigray-peace"


def test_eval_tls_prints_the_busiest_days_beside_the_scores(dateline, tmp_path):
    result = dateline("eval", "tls", str(FIXTURE), "--db-dir", str(tmp_path / "dbs"))
    assert "busiest" in result.stdout
    assert "date F1" in result.stdout
    assert (tmp_path / "dbs" / "tigray-peace.db").exists()
    data = json.loads(
        dateline("eval", "tls", str(FIXTURE), "--db-dir", str(tmp_path / "dbs"), "--json").stdout
    )
    assert set(data["baseline"]) == {"date_f1", "rouge_1", "rouge_2"}
    assert data["chronologies"] == "kept" and data["ranker"] == "shipped"


def test_eval_tls_several_topics_leave_one_out(dateline, tmp_path):
    # Two copies of one small topic: each is ranked by weights learnt on the other.
    for name in ("first-topic", "second-topic"):
        shutil.copytree(FIXTURE, tmp_path / name)
    result = dateline("eval", "tls", str(tmp_path / "first-topic"), str(tmp_path / "second-topic"))
    lines = result.stdout.splitlines()
    assert lines[0].startswith("leave one topic out")
    rows = [line.split()[:2] for line in lines[2:-2]]
    assert rows == [
        ["first-topic", "kept"],
        ["first-topic", "removed"],
        ["second-topic", "kept"],
        ["second-topic", "removed"],
    ]
    assert lines[-2].split()[0] == "target"
    assert lines[-1] == "losing to the busiest days by more than 0.02 on date F1 or AR-1: none"
