"""Reading one location (a file, a URL or standard input) into raw documents.

The steps:

1. decide the format: from the file name, else the Content-Type of a URL,
   else the first bytes (:mod:`.formats`);
2. containers that may be huge (JSON Lines, CSV/TSV, WARC) are streamed a
   record at a time; anything else is size-checked and read whole;
3. hand the bytes to the reader of that format (:mod:`.records`,
   :mod:`.warc`, :mod:`.feeds`) or decode them as one page (:mod:`.decoding`).

Errors are yielded in place of documents, never raised, so one bad input
(or one bad record) costs only itself.
"""

from __future__ import annotations

import gzip
import io
import os
import sys
from collections.abc import Iterator
from typing import IO, cast

from ..errors import SourceError
from ..models import RawDocument
from ..settings import Settings
from .decoding import check_size, declared_charset, decode_bytes, is_binary, size_limit_bytes
from .feeds import read_feed
from .formats import SNIFF_BYTES, Format, format_from_name, sniff_format
from .locations import STDIN, expand_inputs, is_url
from .records import FieldMap, read_csv, read_json, read_jsonl
from .warc import read_warc, starts_like_warc
from .web import fetch, fetched_format, page_document

__all__ = ["read_location"]

STDIN_NAME = "<stdin>"
_STREAMED: frozenset[Format] = frozenset({"jsonl", "csv", "tsv", "warc"})


def read_location(
    location: str, settings: Settings, fields: FieldMap | None = None
) -> Iterator[RawDocument | SourceError]:
    """Every document in one location.

    Errors are yielded, never raised, so a batch goes on; one bad record of a
    JSONL file yields one SourceError and the other records still come.
    """
    fields = fields or FieldMap()
    try:
        if location == STDIN:
            yield from _read_stdin(settings, fields)
        elif is_url(location):
            yield from _read_url(location, settings, fields)
        else:
            yield from _read_path(location, settings, fields)
    except SourceError as error:
        yield error
    except OSError as error:
        reason = error.strerror or str(error)
        yield SourceError(f"cannot read ({reason})", source=location)


def _read_path(
    path: str, settings: Settings, fields: FieldMap
) -> Iterator[RawDocument | SourceError]:
    if os.path.isdir(path):
        for item in expand_inputs([path]):
            if isinstance(item, SourceError):
                yield item
            else:
                yield from _read_path(item, settings, fields)
        return
    if not os.path.exists(path):
        raise SourceError("no such file or directory", source=path)
    if os.path.getsize(path) == 0:
        raise SourceError("empty file", source=path)
    name = os.path.basename(path)
    with _open(path) as stream:
        head = stream.read(SNIFF_BYTES)
        stream.seek(0)
        fmt = format_from_name(name.removesuffix(".gz")) or _sniff_path(path, head)
        if fmt in _STREAMED:
            yield from _read_stream(
                stream, fmt, head, source=path, name=name, settings=settings, fields=fields
            )
            return
        size = os.path.getsize(path)
        too_big = check_size(size, path, settings)
        if too_big:
            raise too_big
        data = stream.read(size_limit_bytes(settings) + 1)
    too_big = check_size(len(data), path, settings)  # a .gz may unpack to more than it weighs
    if too_big:
        raise too_big
    yield from _read_bytes(data, fmt, source=path, name=name, settings=settings, fields=fields)


def _read_stdin(settings: Settings, fields: FieldMap) -> Iterator[RawDocument | SourceError]:
    data = sys.stdin.buffer.read(size_limit_bytes(settings) + 1)
    too_big = check_size(len(data), STDIN_NAME, settings)
    if too_big:
        raise too_big
    if not data.strip():
        raise SourceError("empty input", source=STDIN_NAME)
    fmt = sniff_format(data[:SNIFF_BYTES])
    if fmt == "binary" and starts_like_warc(data[:4096]):
        fmt = "warc"
    yield from _read_bytes(
        data, fmt, source=STDIN_NAME, name="stdin", settings=settings, fields=fields
    )


def _read_url(
    url: str, settings: Settings, fields: FieldMap
) -> Iterator[RawDocument | SourceError]:
    fetched = fetch(url, settings)
    fmt = fetched_format(fetched)
    if fmt in ("html", "text"):
        yield page_document(fetched, settings)
        return
    if fmt == "binary":
        raise SourceError(f"not text (content type {fetched.content_type})", source=url)
    name = fetched.final_url.rstrip("/").rsplit("/", 1)[-1] or url
    yield from _read_bytes(
        fetched.body, fmt, source=url, name=name, settings=settings, fields=fields
    )


def _read_stream(
    stream: IO[bytes],
    fmt: Format,
    head: bytes,
    *,
    source: str,
    name: str,
    settings: Settings,
    fields: FieldMap,
) -> Iterator[RawDocument | SourceError]:
    if fmt == "warc":
        yield from read_warc(stream, source=source, settings=settings)
        return
    if is_binary(head):
        raise SourceError("binary file, not text", source=source)
    if fmt == "jsonl":
        yield from read_jsonl(stream, source=source, name=name, fields=fields, settings=settings)
    else:
        delimiter = "\t" if fmt == "tsv" else None
        yield from read_csv(
            stream, source=source, name=name, fields=fields, settings=settings, delimiter=delimiter
        )


def _read_bytes(
    data: bytes,
    fmt: Format,
    *,
    source: str,
    name: str,
    settings: Settings,
    fields: FieldMap,
) -> Iterator[RawDocument | SourceError]:
    """The documents in a whole input held in memory."""
    if fmt in _STREAMED:
        yield from _read_stream(
            io.BytesIO(data),
            fmt,
            data[:SNIFF_BYTES],
            source=source,
            name=name,
            settings=settings,
            fields=fields,
        )
    elif fmt == "json":
        yield from read_json(data, source=source, name=name, fields=fields, settings=settings)
    elif fmt == "feed":
        yield from read_feed(data, source=source, settings=settings)
    elif fmt == "binary":
        raise SourceError("binary file, not text", source=source)
    else:
        declared = declared_charset(None, data) if fmt == "html" else None
        decoded = decode_bytes(data, source, declared=declared)
        yield RawDocument(
            source=source,
            file=name,
            text=decoded.text,
            kind="html" if fmt == "html" else "text",
            notes=decoded.notes,
            given=fmt != "html" and source == STDIN_NAME,  # text typed or piped in is the article
        )


def _open(path: str) -> IO[bytes]:
    # A gzipped WARC is read as is: warcio unpacks each record itself.
    if path.lower().endswith(".gz") and not path.lower().endswith(".warc.gz"):
        return cast(IO[bytes], gzip.open(path, "rb"))
    return open(path, "rb")  # noqa: SIM115 - closed by the caller's with-block


def _sniff_path(path: str, head: bytes) -> Format:
    fmt = sniff_format(head)
    # Common Crawl file names vary; a gzipped WARC is known by what it holds.
    return "warc" if fmt == "binary" and starts_like_warc(head) else fmt
