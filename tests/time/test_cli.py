import json

import pytest
from click.testing import CliRunner

from dateline.cli.time import tag_time


@pytest.mark.slow
def test_cli_tag_time_prints_json_with_offsets():
    text = "Voters in Chile go to the polls on Sunday, two weeks after the debate."
    result = CliRunner().invoke(tag_time, ["--anchor", "2021-11-19"], input=text)
    assert result.exit_code == 0, result.output
    records = json.loads(result.output)
    sunday = next(r for r in records if r["text"] == "Sunday")
    assert sunday["type"] == "DATE" and sunday["value"] == "2021-11-21"
    assert text[sunday["start"] : sunday["end"]] == "Sunday"


def test_cli_tag_time_rejects_a_bad_anchor():
    result = CliRunner().invoke(tag_time, ["--anchor", "yesterday"], input="x")
    assert result.exit_code != 0
    assert "YYYY-MM-DD" in result.output
