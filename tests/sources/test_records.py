"""JSON Lines, JSON and CSV/TSV exports, with field mapping."""

from __future__ import annotations

import gzip
import json
import tracemalloc
from itertools import islice
from pathlib import Path

import pytest

from dateline.errors import SourceError
from dateline.models import RawDocument
from dateline.settings import Settings
from dateline.sources import FieldMap, read_location

MYANMAR = (
    "YANGON, Feb 1 (Reuters) - Myanmar's military seized power on Monday in a coup "
    "against the democratically elected government of Aung San Suu Kyi."
)
MALI = "BAMAKO, Aug 18 - Mutinying soldiers detained Mali's President Ibrahim Boubacar Keita."
HAITI = "PORT-AU-PRINCE - Gunmen assassinated Haitian President Jovenel Moise at his home."


def _jsonl(path: Path, *records: object) -> str:
    lines = [r if isinstance(r, str) else json.dumps(r, ensure_ascii=False) for r in records]
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")
    return str(path)


def _documents(items: list[RawDocument | SourceError]) -> list[RawDocument]:
    return [item for item in items if isinstance(item, RawDocument)]


def _errors(items: list[RawDocument | SourceError]) -> list[str]:
    return [str(item) for item in items if isinstance(item, SourceError)]


def test_records_timeline17_shape(tmp_path: Path, settings: Settings) -> None:
    location = _jsonl(
        tmp_path / "articles.jsonl",
        {"id": "297", "time": "2021-02-01", "text": MYANMAR},
        {"id": 298, "time": "2020-08-18", "text": MALI},
    )
    first, second = read_location(location, settings)
    assert isinstance(first, RawDocument) and isinstance(second, RawDocument)
    assert (first.file, first.published_hint, first.text) == ("297", "2021-02-01", MYANMAR)
    assert (second.file, second.published_hint) == ("298", "2020-08-18")
    assert first.kind == "text"
    assert first.source == f"{location}:1"


def test_records_news_api_shape(tmp_path: Path, settings: Settings) -> None:
    location = _jsonl(
        tmp_path / "export.ndjson",
        {
            "id": "hti-0707",
            "published": "2021-07-07T09:12:00-04:00",
            "title": "Haiti's president assassinated",
            "text": HAITI,
            "url": "https://news.example.com/haiti/moise",
            "source": {"id": "wire", "name": "Caribbean Wire"},
            "authors": ["Andre Paultre", "Sarah Marsh"],
        },
    )
    [doc] = read_location(location, settings)
    assert isinstance(doc, RawDocument)
    assert doc.file == "hti-0707"
    assert doc.title_hint == "Haiti's president assassinated"
    assert doc.published_hint == "2021-07-07T09:12:00-04:00"
    assert doc.url_hint == "https://news.example.com/haiti/moise"
    assert doc.outlet_hint == "Caribbean Wire"
    assert doc.authors_hint == ("Andre Paultre", "Sarah Marsh")


def test_records_malformed_line_does_not_stop_the_file(tmp_path: Path, settings: Settings) -> None:
    location = _jsonl(
        tmp_path / "mixed.jsonl",
        {"id": "a", "text": MYANMAR},
        '{"id": "b", "text": "Sri Lanka declared a state of emergency',
        {"id": "c", "text": MALI},
    )
    items = list(read_location(location, settings))
    assert [doc.file for doc in _documents(items)] == ["a", "c"]
    [error] = _errors(items)
    assert error.startswith(f"{location}:2: malformed JSON (")


def test_records_without_text_field(tmp_path: Path, settings: Settings) -> None:
    location = _jsonl(
        tmp_path / "partial.jsonl",
        {"id": "a", "title": "Protests in Tbilisi over foreign agents law"},
        {"id": "b", "text": HAITI},
        {"id": "c", "text": "   "},
    )
    items = list(read_location(location, settings))
    assert [doc.file for doc in _documents(items)] == ["b"]
    assert _errors(items) == [
        f"{location}:1: no 'text' field",
        f"{location}:3: the 'text' field is empty",
    ]


def test_records_default_text_fields_in_order(tmp_path: Path, settings: Settings) -> None:
    location = _jsonl(
        tmp_path / "bodies.jsonl",
        {"headline": "Coup in Niger", "body": "NIAMEY - Soldiers detained President Bazoum."},
        {"content": "KHARTOUM - Fighting spread to Omdurman.", "link": "https://e.org/sd"},
    )
    first, second = read_location(location, settings)
    assert isinstance(first, RawDocument) and isinstance(second, RawDocument)
    assert first.title_hint == "Coup in Niger"
    assert first.file == "bodies.jsonl:1"  # no id: file name and line number
    assert second.text == "KHARTOUM - Fighting spread to Omdurman."
    assert second.url_hint == "https://e.org/sd"


def test_records_field_map_names_fields(tmp_path: Path, settings: Settings) -> None:
    location = _jsonl(
        tmp_path / "gdelt.jsonl",
        {"doc_id": "x9", "article": {"body": MALI}, "pubdate": "20200818", "headline_en": "Mali"},
    )
    fields = FieldMap(id="doc_id", text="article.body", date="pubdate", title="headline_en")
    [doc] = read_location(location, settings, fields)
    assert isinstance(doc, RawDocument)
    assert (doc.file, doc.text, doc.published_hint, doc.title_hint) == (
        "x9",
        MALI,
        "20200818",
        "Mali",
    )


def test_records_html_text_is_kind_html(tmp_path: Path, settings: Settings) -> None:
    html = "<p>KYIV - Russian drones struck energy facilities overnight.</p><p>Power was cut.</p>"
    location = _jsonl(tmp_path / "ua.jsonl", {"id": "ua1", "text": html})
    [doc] = read_location(location, settings)
    assert isinstance(doc, RawDocument)
    assert doc.kind == "html"


def test_records_json_list_and_wrapped_list(tmp_path: Path, settings: Settings) -> None:
    plain = tmp_path / "list.json"
    plain.write_text(json.dumps([{"id": "m1", "text": MYANMAR}, {"id": "m2", "text": MALI}]))
    wrapped = tmp_path / "api.json"
    wrapped.write_text(json.dumps({"status": "ok", "articles": [{"content": HAITI, "id": "h"}]}))
    assert [d.file for d in _documents(list(read_location(str(plain), settings)))] == ["m1", "m2"]
    [doc] = read_location(str(wrapped), settings)
    assert isinstance(doc, RawDocument) and doc.text == HAITI


def test_records_json_file_with_one_object_per_line(tmp_path: Path, settings: Settings) -> None:
    location = _jsonl(
        tmp_path / "lines.json", {"id": "1", "text": MALI}, {"id": "2", "text": HAITI}
    )
    assert [d.file for d in _documents(list(read_location(location, settings)))] == ["1", "2"]


def test_records_csv_with_quoted_newlines(tmp_path: Path, settings: Settings) -> None:
    path = tmp_path / "export.csv"
    path.write_text(
        "id,title,published,text\n"
        f'n1,Coup in Myanmar,2021-02-01,"{MYANMAR}\n\nThe army declared a year-long emergency."\n'
        f"n2,Mali mutiny,2020-08-18,{MALI.replace(',', '')}\n",
        encoding="utf-8",
    )
    first, second = read_location(str(path), settings)
    assert isinstance(first, RawDocument) and isinstance(second, RawDocument)
    assert first.file == "n1" and first.text.endswith("year-long emergency.")
    assert first.title_hint == "Coup in Myanmar"
    assert second.source == f"{path}:5"  # the first row spans lines 2-4


def test_records_tsv_and_missing_cell(tmp_path: Path, settings: Settings) -> None:
    path = tmp_path / "export.tsv"
    path.write_text(f"id\ttext\nt1\t{HAITI}\nt2\t\n", encoding="utf-8")
    items = list(read_location(str(path), settings))
    assert [d.file for d in _documents(items)] == ["t1"]
    assert _errors(items) == [f"{path}:3: the 'text' field is empty"]


def test_records_csv_without_named_column(tmp_path: Path, settings: Settings) -> None:
    path = tmp_path / "export.csv"
    path.write_text(f'id,title,content\n1,Niger,"{MALI}"\n', encoding="utf-8")
    [error] = read_location(str(path), settings, FieldMap(text="body"))
    assert isinstance(error, SourceError)
    assert str(error) == f"{path}: no column 'body' (columns: id, title, content)"


def test_records_csv_in_cp1251(tmp_path: Path, settings: Settings) -> None:
    path = tmp_path / "tass.csv"
    text = "Президент Казахстана Касым-Жомарт Токаев объявил чрезвычайное положение в Алма-Ате"
    path.write_bytes(f"id;text\nk1;{text}\n".encode("cp1251"))
    [doc] = read_location(str(path), settings)
    assert isinstance(doc, RawDocument)
    assert doc.text == text
    assert doc.notes == ("not UTF-8; read as cp1251",)


def test_records_timeline17_articles_stream(shared_dir: Path, settings: Settings) -> None:
    location = str(shared_dir / "data" / "t17-libya-reuters" / "articles.jsonl")
    docs = list(islice(read_location(location, settings), 3))
    assert len(docs) == 3
    assert all(isinstance(d, RawDocument) and d.published_hint for d in docs)
    assert isinstance(docs[0], RawDocument) and docs[0].file == "297"


def test_records_are_read_lazily(tmp_path: Path, settings: Settings) -> None:
    location = _jsonl(tmp_path / "big.jsonl", *({"id": str(n), "text": MALI} for n in range(1000)))
    items = read_location(location, settings)
    first = next(items)
    assert isinstance(first, RawDocument) and first.file == "0"


def test_records_line_over_size_limit(tmp_path: Path, settings: Settings) -> None:
    huge = "Flooding in Libya's Derna. " * 50_000
    location = _jsonl(
        tmp_path / "dump.jsonl", {"id": "big", "text": huge}, {"id": "ok", "text": MALI}
    )
    items = list(read_location(location, settings.replace(max_file_mb=1)))
    assert [d.file for d in _documents(items)] == ["ok"]
    [error] = _errors(items)
    assert error == f"{location}:1: 1.3 MB is over the 1 MB limit (setting max_file_mb)"


def test_records_text_is_given_as_the_article_and_html_is_a_page(
    tmp_path: Path, settings: Settings
) -> None:
    location = _jsonl(
        tmp_path / "mixed.jsonl",
        {"id": "t", "text": "Rebels surrendered in the north"},
        {"id": "h", "text": "<html><body><p>Rebels surrendered in the north.</p></body></html>"},
    )
    documents = {d.file: d for d in _documents(list(read_location(location, settings)))}
    assert documents["t"].given and documents["t"].kind == "text"
    assert not documents["h"].given and documents["h"].kind == "html"


def _peak_bytes(items) -> tuple[list[RawDocument | SourceError], int]:
    tracemalloc.start()
    try:
        found = list(items)
        return found, tracemalloc.get_traced_memory()[1]
    finally:
        tracemalloc.stop()


def test_records_gzipped_line_over_the_limit_is_never_held_whole(
    tmp_path: Path, settings: Settings
) -> None:
    path = tmp_path / "bomb.jsonl.gz"
    with gzip.open(path, "wb") as out:
        out.write(b'{"id": "bomb", "text": "' + b"a" * 24_000_000 + b'"}\n')
        out.write(json.dumps({"id": "ok", "text": MALI}).encode() + b"\n")
    assert path.stat().st_size < 100_000
    items, peak = _peak_bytes(read_location(str(path), settings.replace(max_file_mb=1)))
    assert [d.file for d in _documents(items)] == ["ok"]
    assert _errors(items) == [f"{path}:1: 22.9 MB is over the 1 MB limit (setting max_file_mb)"]
    assert peak < 6_000_000


@pytest.mark.slow  # 22 MB through tracemalloc: a minute of CPU
def test_records_csv_row_over_the_limit_fails_alone(tmp_path: Path, settings: Settings) -> None:
    path = tmp_path / "bomb.csv.gz"
    with gzip.open(path, "wb") as out:
        out.write(b"id,text\n")
        out.write(b'big,"' + b"Derna flooded.\n" * 1_500_000 + b'"\n')  # 22.5 MB, many lines
        out.write(f"ok,{MALI.replace(',', '')}\n".encode())
    items, peak = _peak_bytes(read_location(str(path), settings.replace(max_file_mb=1)))
    assert [(d.file, d.source) for d in _documents(items)] == [("ok", f"{path}:1500003")]
    assert _errors(items) == [f"{path}:2: 21.5 MB is over the 1 MB limit (setting max_file_mb)"]
    assert peak < 6_000_000


def test_records_jsonl_nested_thousands_deep_fails_alone(
    tmp_path: Path, settings: Settings
) -> None:
    deep = '{"a": ' * 5000 + "1" + "}" * 5000
    for name in ("deep.jsonl", "deep"):  # by its name, and sniffed
        location = _jsonl(tmp_path / name, deep, {"id": "ok", "text": MALI})
        items = list(read_location(location, settings))
        assert [d.file for d in _documents(items)] == ["ok"]
        assert _errors(items) == [f"{location}:1: JSON nested too deeply to read"]
