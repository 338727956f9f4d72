"""``dateline coder train`` and ``dateline eval coder`` from the command line, and a
one-line record coded end to end."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

pytestmark = pytest.mark.slow

# Labels written for this test: two types, in PLV's fields.
LABELS = [
    ("Rebels shelled the northern town overnight, killing three civilians.", "ASSAULT"),
    ("Militants bombed a market in the provincial capital on Friday.", "ASSAULT"),
    ("Gunmen attacked a police post near the border, killing two officers.", "ASSAULT"),
    ("Fighter jets struck insurgent positions in the hills on Sunday.", "ASSAULT"),
    ("Troops shelled villages held by the separatists for a third day.", "ASSAULT"),
    ("A suicide bomber attacked a crowded bus station in the city.", "ASSAULT"),
    ("The foreign minister met his Kenyan counterpart in Nairobi on Monday.", "CONSULT"),
    ("The two presidents held talks by telephone on Tuesday.", "CONSULT"),
    ("The envoy visited Khartoum for talks with the army chief.", "CONSULT"),
    ("Negotiators from both sides met in Doha for a second round of talks.", "CONSULT"),
    ("The prime minister spoke by phone with the German chancellor.", "CONSULT"),
    ("The mediator held talks with rebel leaders in the capital.", "CONSULT"),
]


def _write_labels(path: Path) -> Path:
    rows = [{"id": f"t{n}", "sentence": s, "type": t} for n, (s, t) in enumerate(LABELS)]
    path.write_text("".join(json.dumps(row) + "\n" for row in rows))
    return path


def test_coder_train_writes_a_model_that_eval_and_ingest_use(dateline, tmp_path):
    labels = _write_labels(tmp_path / "labels.jsonl")
    model = tmp_path / "my-coder"
    trained = dateline("coder", "train", str(labels), "-o", str(model), "--all-sentences")
    assert "wrote" in trained.stdout and (model / "coder.json").exists()
    meta = json.loads((model / "coder.json").read_text())
    assert meta["examples"]["ASSAULT"] == 6 and meta["examples"]["NONE"] > 100

    scored = dateline(
        "eval", "coder", str(labels), "--json", "--setting", "coder_model", str(model)
    )
    report = json.loads(scored.stdout)
    assert report["sentences"] == 12 and report["macro_f1"] >= 0.8


def test_coder_eval_refuses_a_model_folder_that_is_not_one(dateline, tmp_path):
    labels = _write_labels(tmp_path / "labels.jsonl")
    result = dateline(
        "eval", "coder", str(labels), "--setting", "coder_model", str(tmp_path), check=False
    )
    assert result.returncode == 1
    assert "not a Dateline coder model" in result.stderr and "Traceback" not in result.stderr


def test_coder_codes_a_record_of_one_short_line(dateline, tmp_path):
    record = {"id": "r1", "text": "Gunmen killed four passengers on a minibus near the border"}
    (tmp_path / "one.jsonl").write_text(json.dumps(record) + "\n")
    dateline("ingest", "one.jsonl", "--db", dateline.db)
    exported = dateline("export", "--format", "jsonl", "--db", dateline.db).stdout
    events = [json.loads(line) for line in exported.splitlines()]
    assert [e["type"] for e in events] == ["ASSAULT"]
    assert events[0]["mentions"][0]["file"] == "r1"
