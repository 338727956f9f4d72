"""``dateline export`` reads the events through the query layer: the filters of
``dateline timeline``, every status kept, a page at a time (hand-built events of the top
conftest: e01..e10, e06 negated, e10 undated)."""

import csv
import json

import pytest
from click.testing import CliRunner

from dateline.cli import cli
from dateline.store import event_queries


def _export(db: str, *options: str) -> list[str]:
    result = CliRunner().invoke(cli, ["export", "--db", db, *options])
    assert result.exit_code == 0, result.output
    return [json.loads(line)["id"] for line in result.output.splitlines()]


def test_export_writes_every_event_whatever_its_status(events_db):
    assert _export(events_db) == [f"e{n:02}" for n in range(1, 11)]
    assert _export(events_db, "--status", "negated") == ["e06"]


@pytest.mark.parametrize(
    "options,expected",
    [
        (("--dyad", "AZE,ARM", "--since", "2020-10"), ["e03", "e04"]),
        (("--from", "2020-11", "--to", "2020-11", "--type", "ASSAULT"), ["e06"]),
        (("--sector", "GOV", "--limit", "3"), ["e02", "e04", "e06"]),
        (("--actor", "TUR"), ["e08"]),
    ],
)
def test_export_filters(events_db, options, expected):
    assert _export(events_db, *options) == expected


def test_export_reads_a_page_at_a_time(events_db, monkeypatch):
    monkeypatch.setattr(event_queries, "PAGE_SIZE", 3)
    pages = []
    original = event_queries._events_of

    def counted(connection, rows):
        pages.append(len(rows))
        return original(connection, rows)

    monkeypatch.setattr(event_queries, "_events_of", counted)
    assert _export(events_db) == [f"e{n:02}" for n in range(1, 11)]
    assert pages == [3, 3, 3, 1]


def test_export_csv_to_a_file_counts_what_it_wrote(events_db, tmp_path):
    out = tmp_path / "events.csv"
    result = CliRunner().invoke(
        cli, ["export", "--db", events_db, "--format", "csv", "-o", str(out), "--actor", "RUS"]
    )
    assert result.exit_code == 0, result.output
    assert "wrote 4 events" in result.output
    with out.open(encoding="utf-8", newline="") as stream:
        assert [row["id"] for row in csv.DictReader(stream)] == ["e04", "e06", "e07", "e09"]


def test_export_a_malformed_date_is_a_usage_error(events_db):
    result = CliRunner().invoke(cli, ["export", "--db", events_db, "--until", "2020-02-30"])
    assert result.exit_code == 2
    assert "until '2020-02-30' is not a date: day is out of range for month" in result.output
