import errno
import io
import json
import os
import resource
import threading

import pytest

from dateline.errors import ConfigError, ExportError
from dateline.export import (
    BINARY_FORMATS,
    FORMATS,
    export_file,
    export_stream,
    is_binary,
    write_events,
)


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
        "text": None,  # the fixture's actors were not read from a text
        "start": None,
        "end": None,
    }
    assert records[1]["mentions"][2]["file"] == "reuters_2022-11-04.html"
    assert records[3]["magnitude"] == {"size": 3000, "arrested": 48}
    assert records[1]["place"] == {
        "name": "Pretoria",
        "country": "ZAF",
        "admin1": "ZA.06",
        "lat": -25.7449,
        "lon": 28.1878,
        "source": "sentence",
    }
    assert records[0]["place"] == dict.fromkeys(
        ("name", "country", "admin1", "lat", "lon", "source")
    )


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


@pytest.mark.skipif(not os.path.exists("/dev/full"), reason="no /dev/full on this system")
def test_files_a_device_is_written_into_and_its_failure_is_an_export_error(events):
    with pytest.raises(ExportError, match="cannot write /dev/full: No space left on device"):
        export_file(events, "/dev/full", "jsonl")
    assert os.path.exists("/dev/full") and not os.path.isfile("/dev/full")


def test_files_a_fifo_is_written_into_not_replaced(tmp_path, events):
    fifo = tmp_path / "events.pipe"
    os.mkfifo(fifo)
    received: list[bytes] = []
    reader = threading.Thread(target=lambda: received.append(fifo.read_bytes()))
    reader.start()
    assert export_file(events, fifo, "jsonl") == 4
    reader.join(timeout=10)
    assert len(received[0].decode().splitlines()) == 4
    assert fifo.is_fifo() and [p.name for p in tmp_path.iterdir()] == ["events.pipe"]


@pytest.mark.skipif(not os.path.isdir("/dev/fd"), reason="no /dev/fd on this system")
def test_files_an_open_descriptor_is_written_into(tmp_path, events):
    read_end, write_end = os.pipe()
    received: list[bytes] = []
    reader = threading.Thread(target=lambda: received.append(os.fdopen(read_end, "rb").read()))
    reader.start()
    try:
        assert export_file(events, f"/dev/fd/{write_end}", "jsonl") == 4
    finally:
        os.close(write_end)
    reader.join(timeout=10)
    assert len(received[0].decode().splitlines()) == 4


def test_files_a_symlink_is_followed_and_its_target_replaced(tmp_path, events):
    target = tmp_path / "exports" / "events.jsonl"
    target.parent.mkdir()
    target.write_text("old export\n")
    link = tmp_path / "latest.jsonl"
    link.symlink_to(target)
    assert export_file(events, link, "jsonl") == 4
    assert link.is_symlink() and link.resolve() == target
    assert "Redwan Hussien" in target.read_text() and "old export" not in target.read_text()
    assert [p.name for p in target.parent.iterdir()] == ["events.jsonl"]


def test_files_a_full_disk_is_one_export_error_and_keeps_the_old_file(
    tmp_path, events, monkeypatch
):
    path = tmp_path / "events.csv"
    path.write_text("old export\n")

    def full(events, stream, output_format):
        raise OSError(errno.ENOSPC, os.strerror(errno.ENOSPC))

    monkeypatch.setattr("dateline.export.files.write_events", full)
    with pytest.raises(ExportError, match="events.csv: No space left on device"):
        export_file(events, path, "csv")
    assert path.read_text() == "old export\n"
    assert [p.name for p in tmp_path.iterdir()] == ["events.csv"]


def test_files_a_file_size_limit_is_one_export_error(tmp_path, events):
    path = tmp_path / "events.jsonl"
    read_end, write_end = os.pipe()
    child = os.fork()
    if child == 0:  # the limit applies to this process only
        os.close(read_end)
        resource.setrlimit(resource.RLIMIT_FSIZE, (512, resource.RLIM_INFINITY))
        try:
            export_file(events, path, "jsonl")
            message = "no error"
        except ExportError as error:
            message = str(error)
        except BaseException as error:  # noqa: BLE001 - reported to the parent
            message = repr(error)
        os.write(write_end, message.encode())
        os._exit(0)
    os.close(write_end)
    with os.fdopen(read_end, "rb") as stream:
        message = stream.read().decode()
    os.waitpid(child, 0)
    assert message.endswith("events.jsonl: File too large"), message
    assert list(tmp_path.iterdir()) == []


def test_files_export_stream_turns_a_write_failure_into_an_export_error(events):
    class Full(io.StringIO):
        name = "<stdout>"

        def flush(self):
            raise OSError(errno.ENOSPC, os.strerror(errno.ENOSPC))

    with pytest.raises(ExportError, match="cannot write <stdout>: No space left on device"):
        export_stream(events, Full(), "jsonl")
