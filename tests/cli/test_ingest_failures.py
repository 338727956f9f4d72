"""An article whose analysis fails: one line, listed by articles --failed, retried on demand."""

import json
import os
import subprocess
import sys

import pytest

pytestmark = pytest.mark.slow

# The CLI with the time stage failing on articles that say EXPLODE, as any stage might.
_FAILING_CLI = """
import sys
from dateline import pipeline
from dateline.cli import main

tag_doc = pipeline.tag_doc

def failing(doc, anchor):
    if "EXPLODE" in doc.text:
        raise RuntimeError("boom")
    return tag_doc(doc, anchor)

pipeline.tag_doc = failing
main()
"""

STORY = (
    "The foreign minister of Armenia met the ambassador of France in Yerevan on Monday, "
    "officials said. {extra}"
)


def _cli(tmp_path, *args, failing=False):
    command = ["-c", _FAILING_CLI] if failing else ["-m", "dateline"]
    env = {**os.environ, "DATELINE_CODER_MODEL": "none"}
    return subprocess.run(
        [sys.executable, *command, *args, "--db", str(tmp_path / "t.db")],
        capture_output=True,
        text=True,
        env=env,
        timeout=300,
    )


def test_ingest_failures_are_reported_listed_and_retried_on_demand(tmp_path):
    inputs = tmp_path / "in.jsonl"
    records = [
        {"id": "calm", "time": "2021-03-01", "text": STORY.format(extra="Talks went well.")},
        {"id": "odd", "time": "2021-03-02", "text": STORY.format(extra="EXPLODE.")},
    ]
    inputs.write_text("\n".join(json.dumps(r) for r in records), encoding="utf-8")

    first = _cli(tmp_path, "ingest", str(inputs), failing=True)
    assert first.returncode == 0, first.stderr
    assert "failed: odd: analysis failed: RuntimeError: boom" in first.stderr.splitlines()
    assert "analysed 1, analysis failed 1" in first.stdout

    listed = _cli(tmp_path, "articles", "--failed", "--format", "jsonl")
    [failed] = [json.loads(line) for line in listed.stdout.splitlines()]
    assert (failed["file"], failed["failed_reason"]) == ("odd", "RuntimeError: boom")

    second = _cli(tmp_path, "ingest", str(inputs))
    assert "analysed 0" in second.stdout and "failed:" not in second.stderr

    retried = _cli(tmp_path, "ingest", "--retry-failed", str(inputs))
    assert retried.returncode == 0, retried.stderr
    assert "analysed 1" in retried.stdout
    table = _cli(tmp_path, "articles", "--failed")
    assert table.stdout.strip().endswith("0 failed articles")
