import io
import json

import pytest

from dateline.errors import ConfigError
from dateline.export import BINARY_FORMATS, FORMATS, export_file, is_binary, write_events


def test_files_formats_are_the_four_of_the_issue():
    assert FORMATS == ("jsonl", "csv", "parquet", "gdelt")
    assert set(BINARY_FORMATS) == {"parquet"}
    assert is_binary("parquet") and not is_binary("csv")


def test_files_jsonl_keeps_the_contract(events):
    stream = io.StringIO()
    assert write_events(events, stream) == 4
    records = [json.loads(line) for line in stream.getvalue().splitlines()]
    assert records[1]["actors"][0] == {
        "code": "ETH",
        "sector": "GOV",
        "name": "Redwan Hussien",
        "office": "Presidential Aide",
    }
    assert records[1]["mentions"][2]["file"] == "reuters_2022-11-04.html"
    assert records[3]["magnitude"] == {"size": 3000, "arrested": 48}


@pytest.mark.parametrize("output_format", ["jsonl", "csv", "gdelt"])
def test_files_export_file_replaces_the_target_whole(tmp_path, events, output_format):
    path = tmp_path / f"events.{output_format}"
    path.write_text("old export\n")
    assert export_file(events, path, output_format) == 4
    text = path.read_text(encoding="utf-8")
    assert "old export" not in text and "Redwan Hussien" in text
    assert [p.name for p in tmp_path.iterdir()] == [path.name]


def test_files_failed_export_leaves_the_old_file(tmp_path, events):
    path = tmp_path / "events.csv"
    path.write_text("old export\n")

    def failing():
        yield from events[:2]
        raise RuntimeError("the database went away")

    with pytest.raises(RuntimeError):
        export_file(failing(), path, "csv")
    assert path.read_text() == "old export\n"
    assert [p.name for p in tmp_path.iterdir()] == ["events.csv"]


def test_files_unknown_format_and_missing_folder_are_config_errors(tmp_path, events):
    with pytest.raises(ConfigError, match="unknown export format 'xlsx'; known: jsonl, csv"):
        export_file(events, tmp_path / "events.xlsx", "xlsx")
    with pytest.raises(ConfigError, match="does not exist"):
        export_file(events, tmp_path / "missing" / "events.csv", "csv")


def test_files_text_format_refuses_a_binary_stream(events):
    with pytest.raises(ConfigError, match="text"):
        write_events(events, io.BytesIO(), "gdelt")
