"""Reading whole locations: plain files, sniffing, stdin, and a batch of good and bad inputs."""

from __future__ import annotations

import gzip
import io
import json
import sys
from pathlib import Path

import pytest

from dateline.errors import SourceError
from dateline.models import RawDocument
from dateline.settings import Settings
from dateline.sources import expand_inputs, read_location

VENEZUELA = """CARACAS, July 29 (AP) - Venezuela's electoral council declared President
Nicolas Maduro the winner of Sunday's election, a result the opposition rejected.
Thousands of protesters marched in Caracas on Monday."""
PHILIPPINES_HTML = """<!doctype html><html><head><title>Manila protests Chinese water cannon</title>
</head><body><p>MANILA - The Philippines summoned China's envoy after coast guard vessels
fired water cannon at a supply boat near Second Thomas Shoal.</p></body></html>"""
UKRAINIAN_CP1251 = (
    "Київ, 24 лютого. Президент України звернувся до громадян після обстрілу енергетичних об'єктів."
)
FRENCH = "Bamako, le 18 août. Des militaires ont arrêté le président malien. « La situation est calme », a déclaré l'état-major à l'AFP."


def _only(items: list) -> RawDocument:
    [item] = items
    assert isinstance(item, RawDocument), item
    return item


def test_reader_text_file(tmp_path: Path, settings: Settings) -> None:
    path = tmp_path / "000_venezuela.txt"
    path.write_text(VENEZUELA, encoding="utf-8")
    doc = _only(list(read_location(str(path), settings)))
    assert (doc.source, doc.file, doc.kind, doc.text) == (
        str(path),
        "000_venezuela.txt",
        "text",
        VENEZUELA,
    )
    assert doc.notes == ()


def test_reader_html_file_and_sniffed_html(tmp_path: Path, settings: Settings) -> None:
    (tmp_path / "manila.htm").write_text(PHILIPPINES_HTML)
    (tmp_path / "manila-page").write_text(PHILIPPINES_HTML)
    assert _only(list(read_location(str(tmp_path / "manila.htm"), settings))).kind == "html"
    sniffed = _only(list(read_location(str(tmp_path / "manila-page"), settings)))
    assert sniffed.kind == "html" and sniffed.text == PHILIPPINES_HTML


def test_reader_unknown_extension_sniffed_as_text(tmp_path: Path, settings: Settings) -> None:
    path = tmp_path / "wire.story"
    path.write_text(VENEZUELA)
    assert _only(list(read_location(str(path), settings))).kind == "text"


def test_reader_cp1251_and_latin1_files_are_decoded(tmp_path: Path, settings: Settings) -> None:
    (tmp_path / "kyiv.txt").write_bytes(UKRAINIAN_CP1251.encode("cp1251"))
    (tmp_path / "bamako.txt").write_bytes(FRENCH.encode("latin-1"))
    kyiv = _only(list(read_location(str(tmp_path / "kyiv.txt"), settings)))
    bamako = _only(list(read_location(str(tmp_path / "bamako.txt"), settings)))
    assert kyiv.text == UKRAINIAN_CP1251
    assert kyiv.notes == ("not UTF-8; read as cp1251",)
    assert bamako.text == FRENCH
    assert bamako.notes[0].startswith("not UTF-8; read as ")


def test_reader_binary_file(tmp_path: Path, settings: Settings) -> None:
    path = tmp_path / "scan.txt"
    path.write_bytes(b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR" + bytes(range(256)))
    [error] = read_location(str(path), settings)
    assert str(error) == f"{path}: binary file, not text"


def test_reader_empty_and_blank_files(tmp_path: Path, settings: Settings) -> None:
    (tmp_path / "empty.txt").write_bytes(b"")
    (tmp_path / "blank.html").write_text("  \n\n \t")
    (tmp_path / "blank.jsonl").write_text("\n\n")
    for name in ("empty.txt", "blank.html", "blank.jsonl"):
        [error] = read_location(str(tmp_path / name), settings)
        assert str(error) == f"{tmp_path / name}: empty file"


def test_reader_file_over_size_limit(tmp_path: Path, settings: Settings) -> None:
    path = tmp_path / "dump.txt"
    with open(path, "wb") as stream:
        stream.truncate(60 * 1024 * 1024)  # sparse: costs no disk
    [error] = read_location(str(path), settings.replace(max_file_mb=50))
    assert str(error) == f"{path}: 60.0 MB is over the 50 MB limit (setting max_file_mb)"


def test_reader_missing_file(tmp_path: Path, settings: Settings) -> None:
    path = tmp_path / "gone.txt"
    [error] = read_location(str(path), settings)
    assert str(error) == f"{path}: no such file or directory"


def test_reader_gzipped_jsonl(tmp_path: Path, settings: Settings) -> None:
    path = tmp_path / "export.jsonl.gz"
    with gzip.open(path, "wt", encoding="utf-8") as stream:
        stream.write(json.dumps({"id": "ve-1", "text": VENEZUELA}) + "\n")
    assert _only(list(read_location(str(path), settings))).file == "ve-1"


@pytest.mark.parametrize(
    ("data", "kind", "file"),
    [
        (VENEZUELA.encode(), "text", "stdin"),
        (PHILIPPINES_HTML.encode(), "html", "stdin"),
        (json.dumps({"id": "ve-9", "text": VENEZUELA}).encode() + b"\n", "text", "ve-9"),
    ],
)
def test_reader_stdin_is_sniffed(
    monkeypatch: pytest.MonkeyPatch, settings: Settings, data: bytes, kind: str, file: str
) -> None:
    monkeypatch.setattr(sys, "stdin", io.TextIOWrapper(io.BytesIO(data)))
    doc = _only(list(read_location("-", settings)))
    assert (doc.kind, doc.file) == (kind, file)


def test_reader_empty_stdin(monkeypatch: pytest.MonkeyPatch, settings: Settings) -> None:
    monkeypatch.setattr(sys, "stdin", io.TextIOWrapper(io.BytesIO(b"\n")))
    [error] = read_location("-", settings)
    assert str(error) == "<stdin>: empty input"


def test_reader_mixed_folder_yields_every_good_file_and_each_error(
    tmp_path: Path, settings: Settings
) -> None:
    (tmp_path / "a_venezuela.txt").write_text(VENEZUELA)
    (tmp_path / "b_manila.html").write_text(PHILIPPINES_HTML)
    (tmp_path / "c_report.pdf").write_bytes(b"%PDF-1.7\n\x00\x00\x00\x01binary")
    (tmp_path / "d_empty.txt").write_text("")
    (tmp_path / "e_wire.jsonl").write_text(
        json.dumps({"id": "w1", "text": FRENCH})
        + "\n{broken\n"
        + json.dumps({"id": "w3", "title": "x"})
        + "\n"
    )
    (tmp_path / "f_kyiv.txt").write_bytes(UKRAINIAN_CP1251.encode("cp1251"))
    documents: list[RawDocument] = []
    errors: list[str] = []
    for location in expand_inputs([str(tmp_path)]):
        items = (
            [location] if isinstance(location, SourceError) else read_location(location, settings)
        )
        for item in items:
            (documents.append(item) if isinstance(item, RawDocument) else errors.append(str(item)))
    assert [d.file for d in documents] == ["a_venezuela.txt", "b_manila.html", "w1", "f_kyiv.txt"]
    jsonl = tmp_path / "e_wire.jsonl"
    assert errors[0] == f"{tmp_path / 'c_report.pdf'}: binary file, not text"
    assert errors[1] == f"{tmp_path / 'd_empty.txt'}: empty file"
    assert errors[2].startswith(f"{jsonl}:2: malformed JSON (")
    assert errors[3] == f"{jsonl}:3: no 'text' field"
    assert len(errors) == 4


def test_reader_folder_location_reads_its_files(tmp_path: Path, settings: Settings) -> None:
    (tmp_path / "one.txt").write_text(VENEZUELA)
    (tmp_path / "two.txt").write_text(FRENCH)
    assert [d.file for d in read_location(str(tmp_path), settings)] == ["one.txt", "two.txt"]


def test_reader_seed_articles_are_plain_text(shared_dir: Path, settings: Settings) -> None:
    seeds = sorted((shared_dir / "seeds").glob("*.txt"))
    documents = [_only(list(read_location(str(path), settings))) for path in seeds]
    assert len(documents) == 5
    assert all(
        d.kind == "text" and d.file == p.name and not d.notes
        for d, p in zip(documents, seeds, strict=True)
    )
