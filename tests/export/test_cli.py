"""``dateline export`` end to end: a store filled by the whole pipeline, then each format."""

import csv
import json
import subprocess
import sys
from pathlib import Path

import pytest
from click.testing import CliRunner

from dateline import Store
from dateline.cli import cli
from dateline.export.gdelt import GDELT_COLUMNS
from dateline.settings import Settings

ARTICLE = """\
Turkey and Greece agree to reopen talks on maritime dispute

March 16, 2023 10:15 am GMT

ANKARA (Reuters) - Turkish Foreign Minister Mevlut Cavusoglu met his Greek \
counterpart Nikos Dendias in Ankara on Thursday, the first visit by a Greek foreign minister \
to Turkey in more than a year.

The two ministers agreed to resume exploratory talks on their maritime dispute in the \
Aegean Sea, Cavusoglu told reporters after the meeting.

In southern Syria, an air strike killed 12 people in the town of Daraa on Wednesday, \
a monitoring group said.
"""


@pytest.fixture(scope="module")
def filled_db(tmp_path_factory) -> str:
    """A SQLite store holding one ingested article and its events."""
    folder = tmp_path_factory.mktemp("export_cli")
    db = f"sqlite:///{folder / 'dateline.db'}"
    article = folder / "reuters_turkey_greece.txt"
    article.write_text(ARTICLE, encoding="utf-8")
    store = Store(Settings(db=db))
    try:
        report = store.ingest([str(article)])
        assert report.analysed == 1
        assert store.events(), "the pipeline found no event in the test article"
    finally:
        store.close()
    return db


@pytest.mark.slow
def test_cli_export_gdelt_writes_a_table_of_the_stored_events(filled_db, tmp_path):
    out = tmp_path / "out.tsv"
    result = CliRunner().invoke(
        cli, ["export", "--format", "gdelt", "-o", str(out), "--db", filled_db]
    )
    assert result.exit_code == 0, result.output
    with out.open(encoding="utf-8", newline="") as stream:
        reader = csv.DictReader(stream, delimiter="\t", quoting=csv.QUOTE_NONE)
        assert tuple(reader.fieldnames or ()) == GDELT_COLUMNS
        rows = list(reader)
    events = Store(filled_db).events()
    assert [r["GLOBALEVENTID"] for r in rows] == [e.id for e in events]
    assert "wrote" in result.output and str(len(rows)) in result.output
    for row in rows:
        assert row["SOURCEURL"] == "reuters_turkey_greece.txt"  # no URL: the input file
        assert len(row["SQLDATE"]) == 8 and row["SQLDATE"].startswith("2023")
        assert row["QuadClass"] in {"1", "2", "3", "4"}
        assert row["EventCode"] == row["EventRootCode"] + "0"
    consults = [r for r in rows if r["PLOVERType"] == "CONSULT"]
    assert consults, rows
    codes = {consults[0]["Actor1CountryCode"], consults[0]["Actor2CountryCode"]}
    assert codes == {"TUR", "GRC"}


@pytest.mark.slow
def test_cli_export_csv_and_jsonl_agree(filled_db):
    runner = CliRunner()
    jsonl = runner.invoke(cli, ["export", "--db", filled_db])
    table = runner.invoke(cli, ["export", "--format", "csv", "--db", filled_db])
    assert jsonl.exit_code == 0 and table.exit_code == 0, (jsonl.output, table.output)
    records = [json.loads(line) for line in jsonl.output.splitlines()]
    rows = list(csv.DictReader(table.output.splitlines()))
    assert [r["id"] for r in rows] == [r["id"] for r in records]
    assert [r["type"] for r in rows] == [r["type"] for r in records]


@pytest.mark.slow
def test_cli_export_parquet_to_a_file(filled_db, tmp_path):
    pq = pytest.importorskip("pyarrow.parquet")
    out = tmp_path / "events.parquet"
    result = CliRunner().invoke(
        cli, ["export", "--format", "parquet", "-o", str(out), "--db", filled_db]
    )
    assert result.exit_code == 0, result.output
    table = pq.read_table(out)
    assert table.num_rows == len(Store(filled_db).events())
    assert all(
        m["file"] == "reuters_turkey_greece.txt"
        for ms in table.column("mentions").to_pylist()
        for m in ms
    )


def test_cli_export_parquet_needs_an_output_file(tmp_path: Path):
    result = CliRunner().invoke(
        cli, ["export", "--format", "parquet", "--db", str(tmp_path / "none.db")]
    )
    assert result.exit_code == 2
    assert "binary file" in result.output and "-o events.parquet" in result.output
    assert not (tmp_path / "none.db").exists()  # refused before opening the store


@pytest.mark.slow
@pytest.mark.skipif(not Path("/dev/full").exists(), reason="no /dev/full on this system")
def test_cli_export_to_a_full_device_is_one_line_of_error(filled_db):
    result = subprocess.run(
        [sys.executable, "-m", "dateline", "export", "-o", "/dev/full", "--db", filled_db],
        capture_output=True,
        text=True,
        timeout=120,
    )
    assert result.returncode == 1
    assert result.stderr == "Error: cannot write /dev/full: No space left on device\n"
    assert Path("/dev/full").is_char_device()
