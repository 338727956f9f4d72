"""``dateline timeline`` over the hand-built events of the top conftest (e01..e10; e06
negated, e10 undated): each filter option, dates as prefixes, bad values in one line."""

import json

import pytest
from click.testing import CliRunner

from dateline.cli import cli


def _timeline(db: str, *options: str) -> list[str]:
    result = CliRunner().invoke(cli, ["timeline", "--db", db, "--format", "json", *options])
    assert result.exit_code == 0, result.output
    return [record["id"] for record in json.loads(result.output)]


@pytest.mark.parametrize(
    "options,expected",
    [
        ((), ["e01", "e02", "e03", "e04", "e05", "e07", "e08", "e09", "e10"]),
        (("--dyad", "AZE,ARM"), ["e02", "e03", "e04"]),
        (("--dyad", "arm, aze"), ["e02", "e03", "e04"]),
        (("--actor", "TUR", "--actor", "UNO"), ["e05", "e08"]),
        (("--type", "CONSULT", "--from", "2021"), ["e09"]),
        (("--quad", "verbal_conflict"), ["e02"]),
        (("--sector", "MIL"), ["e01", "e03"]),
        (("--status", "negated"), ["e06"]),
        (("--negated", "--actor", "RUS"), ["e04", "e06", "e07", "e09"]),
        (("--from", "2020-11", "--to", "2020-11"), ["e01", "e04", "e05", "e07"]),
        (("--since", "2020-12-31", "--until", "2020-12-31"), ["e08"]),
        (("--to", "2020-09"), ["e01", "e02"]),
        (("--outlet", "daily sabah"), ["e08"]),
        (("--text", "Ganja"), ["e03"]),
        (("--limit", "2"), ["e01", "e02"]),
        (("--dyad", "AZE,ARM", "--limit", "2", "--from", "2020-10"), ["e03", "e04"]),
    ],
    ids=lambda v: " ".join(v) if isinstance(v, tuple) else None,
)
def test_timeline_filters(events_db, options, expected):
    assert _timeline(events_db, *options) == expected


def test_timeline_text_shows_each_event_and_its_sources(events_db):
    result = CliRunner().invoke(cli, ["timeline", "--db", events_db, "--dyad", "AZE,RUS"])
    assert result.exit_code == 0, result.output
    assert "CONSULT" in result.output and "2020-11-24" in result.output
    assert "Aliyev and Putin discussed the ceasefire by phone." in result.output


@pytest.mark.parametrize(
    "options,message",
    [
        (("--from", "2020-13"), "Invalid value for '--from' / '--since': since '2020-13'"),
        (("--to", "last week"), "until 'last week' is not a date: give YYYY, YYYY-MM"),
        (("--dyad", "AZE"), "a dyad is two actor codes"),
        (("--status", "rumoured"), "'rumoured' is not one of"),
    ],
)
def test_timeline_a_bad_filter_is_a_usage_error(events_db, options, message):
    result = CliRunner().invoke(cli, ["timeline", "--db", events_db, *options])
    assert result.exit_code == 2
    assert message in result.output


def test_timeline_bounds_the_wrong_way_round_are_one_line(dateline, events_db):
    result = dateline("timeline", "--db", events_db, "--from", "2021", "--to", "2020", check=False)
    assert result.returncode == 1
    assert result.stderr == "Error: since 2021 is after until 2020: no day is in that range\n"


def test_timeline_summary_takes_month_bounds(events_db):
    result = CliRunner().invoke(
        cli,
        ["timeline", "--db", events_db, "--summarize", "--from", "2020-11", "--to", "2020-11"],
    )
    assert result.exit_code == 0, result.output


def test_timeline_words_beyond_the_limit_are_one_line_of_error(events_db):
    result = CliRunner().invoke(cli, ["timeline", "--db", events_db, "--text", "x" * 60_000])
    assert result.exit_code == 2
    assert "at most 1000 characters" in result.output
    assert "LIKE" not in result.output and "Traceback" not in result.output
