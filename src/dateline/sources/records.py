"""Exports of news databases: JSON Lines, JSON arrays and CSV/TSV tables.

Each record becomes one :class:`~dateline.models.RawDocument` whose ``file``
is the record's id, so that an event can be traced back to its record. A
:class:`FieldMap` says which fields hold the text, title, date, URL and id;
the defaults read the common shapes (Timeline17's ``id``/``time``/``text``,
news APIs' ``title``/``published``/``url``/``content``). Files are read a
record at a time, so a multi-gigabyte export streams; one bad record yields
one error and the others still come. No record is ever held whole when it
is over the ``max_file_mb`` limit (a gzipped export may unpack one line to
gigabytes): reading stops at the limit and skips to the record's end, and
the records after it still come.
"""

from __future__ import annotations

import csv
import io
import json
import os
from collections.abc import Iterator, Mapping, Sequence
from dataclasses import dataclass, replace
from typing import IO, Any

from ..errors import SourceError
from ..models import RawDocument
from ..settings import Settings
from .capped import RecordLines, RecordTooLong, capped_lines
from .decoding import check_size, decode_bytes, size_limit_bytes
from .formats import document_kind

__all__ = ["FieldMap", "read_csv", "read_json", "read_jsonl", "record_document"]

DEFAULT_FIELDS: dict[str, tuple[str, ...]] = {
    "id": ("id",),
    "text": ("text", "body", "content"),
    "title": ("title", "headline"),
    "date": ("published", "time", "date"),
    "url": ("url", "link"),
}
_OUTLET_FIELDS = ("outlet", "publisher", "site_name", "source")
_AUTHOR_FIELDS = ("authors", "author", "byline")
# Keys under which API responses wrap their list of articles.
_WRAPPER_KEYS = ("articles", "items", "documents", "results", "data", "records")


@dataclass(frozen=True)
class FieldMap:
    """Which fields of a JSONL/CSV record hold what. None means: try the defaults.

    A name may be dotted (``"source.name"``) to reach into nested JSON.
    """

    id: str | None = None  # default: "id" (missing -> "<file>:<line number>")
    text: str | None = None  # defaults tried in order: "text", "body", "content"
    title: str | None = None  # defaults: "title", "headline"
    date: str | None = None  # defaults: "published", "time", "date"
    url: str | None = None  # defaults: "url", "link"

    def candidates(self, role: str) -> tuple[str, ...]:
        """The field names to try, in order, for ``role`` ("text", "title", ...)."""
        chosen = getattr(self, role)
        return (chosen,) if chosen else DEFAULT_FIELDS[role]


def record_document(
    record: Mapping[str, Any], *, source: str, fallback_id: str, fields: FieldMap
) -> RawDocument | SourceError:
    """One record as a raw document, or the reason it has no text."""
    text_names = fields.candidates("text")
    text = _as_text(_first_value(record, text_names))
    if text is None:
        return SourceError(f"no {text_names[0]!r} field", source=source)
    if not text.strip():
        return SourceError(f"the {text_names[0]!r} field is empty", source=source)
    record_id = _as_text(_first_value(record, fields.candidates("id")))
    kind = document_kind(text)
    return RawDocument(
        source=source,
        file=record_id.strip() if record_id and record_id.strip() else fallback_id,
        text=text,
        kind=kind,
        given=kind == "text",  # the record's text is the article; HTML is a page to extract
        title_hint=_clean_hint(_first_value(record, fields.candidates("title"))),
        published_hint=_clean_hint(_first_value(record, fields.candidates("date"))),
        url_hint=_clean_hint(_first_value(record, fields.candidates("url"))),
        outlet_hint=_outlet(record),
        authors_hint=_authors(record),
    )


def read_jsonl(
    stream: IO[bytes], *, source: str, name: str, fields: FieldMap, settings: Settings
) -> Iterator[RawDocument | SourceError]:
    """Every record of a JSON Lines stream, one line at a time."""
    base = os.path.basename(name)
    empty = True
    for number, (raw, size) in enumerate(capped_lines(stream, size_limit_bytes(settings)), 1):
        where = f"{source}:{number}"
        too_big = check_size(size, where, settings)
        if number == 1:
            raw = raw.removeprefix(b"\xef\xbb\xbf")
        if too_big is None and not raw.strip():
            continue
        empty = False
        if too_big:
            yield too_big
            continue
        try:
            line = decode_bytes(raw, where)
            record = json.loads(line.text)
        except SourceError as error:
            yield error
            continue
        except json.JSONDecodeError as error:
            yield SourceError(f"malformed JSON ({error.msg} at column {error.colno})", source=where)
            continue
        except RecursionError:
            yield SourceError(_TOO_DEEP, source=where)
            continue
        if not isinstance(record, dict):
            yield SourceError(f"not a JSON object (a {_json_type(record)})", source=where)
            continue
        item = record_document(record, source=where, fallback_id=f"{base}:{number}", fields=fields)
        if isinstance(item, RawDocument) and line.notes:
            item = _with_notes(item, line.notes)
        yield item
    if empty:
        yield SourceError("empty file", source=source)


def read_json(
    data: bytes, *, source: str, name: str, fields: FieldMap, settings: Settings
) -> Iterator[RawDocument | SourceError]:
    """Records of a JSON document: a list of objects, one object, or an API response
    that wraps its list (``{"articles": [...]}``). Falls back to JSON Lines."""
    try:
        decoded = decode_bytes(data, source)
    except SourceError as error:
        yield error
        return
    try:
        document = json.loads(decoded.text)
    except RecursionError:
        first = decoded.text.lstrip().split("\n", 1)[0].strip()
        if first.startswith("{") and first.endswith("}"):  # JSON Lines: the record fails alone
            yield from read_jsonl(
                io.BytesIO(data), source=source, name=name, fields=fields, settings=settings
            )
            return
        yield SourceError(_TOO_DEEP, source=source)
        return
    except json.JSONDecodeError as error:
        if error.msg == "Extra data":  # one object per line, named .json
            yield from read_jsonl(
                io.BytesIO(data), source=source, name=name, fields=fields, settings=settings
            )
            return
        yield SourceError(
            f"malformed JSON ({error.msg} at line {error.lineno} column {error.colno})",
            source=source,
        )
        return
    records = _records_of(document)
    if records is None:
        yield SourceError(
            f"a JSON {_json_type(document)}, not a list of articles or one article", source=source
        )
        return
    base = os.path.basename(name)
    for number, record in enumerate(records, start=1):
        where = f"{source}:{number}" if len(records) > 1 else source
        if not isinstance(record, dict):
            yield SourceError(f"not a JSON object (a {_json_type(record)})", source=where)
            continue
        item = record_document(record, source=where, fallback_id=f"{base}:{number}", fields=fields)
        yield _with_notes(item, decoded.notes) if isinstance(item, RawDocument) else item


def read_csv(
    stream: IO[bytes],
    *,
    source: str,
    name: str,
    fields: FieldMap,
    settings: Settings,
    delimiter: str | None = None,
) -> Iterator[RawDocument | SourceError]:
    """Every row of a CSV or TSV table with a header row, one row at a time.

    ``stream`` must be seekable: its head is read first to pick the encoding
    and the delimiter.
    """
    head = stream.read(64 * 1024)
    stream.seek(0)
    try:
        decoded = decode_bytes(head, source)
    except SourceError as error:
        yield error
        return
    # A head cut in the middle of a character still counts as UTF-8.
    encoding = "utf-8-sig" if decoded.encoding in ("utf-8", "utf-8-sig") else decoded.encoding
    text = io.TextIOWrapper(stream, encoding=encoding, errors="replace", newline="")
    dialect_delimiter = delimiter or _sniff_delimiter(decoded.text)
    limit = size_limit_bytes(settings)
    csv.field_size_limit(max(csv.field_size_limit(), limit + 1))
    lines = RecordLines(text, limit)
    reader = csv.DictReader(lines, delimiter=dialect_delimiter)
    try:
        columns = [c.strip() for c in reader.fieldnames or []]
    except RecordTooLong as error:
        yield _too_long(error.size, source, settings)
        return
    reader.fieldnames = columns
    missing = _missing_column(columns, fields)
    if missing:
        yield SourceError(f"{missing} (columns: {', '.join(columns)})", source=source)
        return
    base = os.path.basename(name)
    while True:
        # Physical lines: a row with quoted newlines spans several.
        line = lines.number + 1
        lines.start_record()
        try:
            row = next(reader)
        except StopIteration:
            return
        except RecordTooLong as error:
            yield _too_long(error.size, f"{source}:{line}", settings)
            continue
        except csv.Error as error:
            yield SourceError(f"malformed CSV ({error})", source=f"{source}:{lines.number}")
            return
        if not any(value.strip() for value in row.values() if isinstance(value, str)):
            continue
        where = f"{source}:{line}"
        item = record_document(row, source=where, fallback_id=f"{base}:{line}", fields=fields)
        yield _with_notes(item, decoded.notes) if isinstance(item, RawDocument) else item


_TOO_DEEP = "JSON nested too deeply to read"


def _too_long(size: int, where: str, settings: Settings) -> SourceError:
    return check_size(size, where, settings) or SourceError("record too long", source=where)


def _missing_column(columns: Sequence[str], fields: FieldMap) -> str | None:
    """Why a table cannot be read with ``fields``, or None when it can."""
    present = {c.casefold() for c in columns}
    for role in ("id", "text", "title", "date", "url"):
        chosen = getattr(fields, role)
        if chosen and chosen.casefold() not in present:
            return f"no column {chosen!r}"
    if not any(name in present for name in DEFAULT_FIELDS["text"]):
        tried = ", ".join(repr(n) for n in DEFAULT_FIELDS["text"])
        return f"no text column (tried {tried}; name it with a text field)"
    return None


def _sniff_delimiter(head: str) -> str:
    first = head.split("\n", 1)[0]
    counts = {d: first.count(d) for d in (",", "\t", ";", "|")}
    best = max(counts, key=lambda d: counts[d])
    return best if counts[best] else ","


def _records_of(document: Any) -> list[Any] | None:
    if isinstance(document, list):
        return document
    if isinstance(document, dict):
        for key in _WRAPPER_KEYS:
            if isinstance(document.get(key), list):
                return list(document[key])
        return [document]
    return None


def _lookup(record: Mapping[str, Any], name: str) -> Any:
    if name in record:
        return record[name]
    folded = name.casefold()
    for key, value in record.items():
        if isinstance(key, str) and key.casefold() == folded:
            return value
    if "." in name:
        head, _, rest = name.partition(".")
        inner = _lookup(record, head)
        if isinstance(inner, Mapping):
            return _lookup(inner, rest)
    return None


def _first_value(record: Mapping[str, Any], names: Sequence[str]) -> Any:
    for name in names:
        value = _lookup(record, name)
        if value is not None and value != "":
            return value
    # An empty value is still "there": report it as empty rather than missing.
    for name in names:
        if _lookup(record, name) == "":
            return ""
    return None


def _as_text(value: Any) -> str | None:
    if value is None or isinstance(value, (dict, bool)):
        return None
    if isinstance(value, list):
        # Some exports store the body as a list of paragraphs.
        parts = [str(v) for v in value if isinstance(v, (str, int, float))]
        return "\n\n".join(parts) if parts else None
    return str(value)


def _clean_hint(value: Any) -> str | None:
    text = _as_text(value)
    return text.strip() or None if text else None


def _outlet(record: Mapping[str, Any]) -> str | None:
    for name in _OUTLET_FIELDS:
        value = _lookup(record, name)
        if isinstance(value, Mapping):  # NewsAPI: {"source": {"id": ..., "name": ...}}
            value = value.get("name")
        hint = _clean_hint(value) if isinstance(value, str) else None
        if hint:
            return hint
    return None


def _authors(record: Mapping[str, Any]) -> tuple[str, ...]:
    for name in _AUTHOR_FIELDS:
        value = _lookup(record, name)
        if isinstance(value, str) and value.strip():
            return (value.strip(),)
        if isinstance(value, list):
            names = [v.get("name") if isinstance(v, Mapping) else v for v in value]
            found = tuple(n.strip() for n in names if isinstance(n, str) and n.strip())
            if found:
                return found
    return ()


def _with_notes(document: RawDocument, notes: tuple[str, ...]) -> RawDocument:
    if not notes:
        return document
    return replace(document, notes=document.notes + notes)


def _json_type(value: Any) -> str:
    return {dict: "object", list: "list", str: "string", bool: "boolean"}.get(
        type(value), "number" if isinstance(value, (int, float)) else "null"
    )
