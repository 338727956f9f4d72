"""Web archives (WARC and WARC.gz), the format of Common Crawl News.

Every successful ``response`` record that holds an HTML page becomes a raw
HTML document whose ``url_hint`` is the record's target URI. Requests,
metadata, redirects and images are skipped without a word: a crawl is full
of them and none is an article. The WARC-Date is when the page was crawled,
not when it was published, so it is not given as a date hint; the clean
stage finds the publication date in the page itself.
"""

from __future__ import annotations

import logging
import zlib
from collections.abc import Iterator
from typing import IO, Any

from warcio.archiveiterator import ArchiveIterator
from warcio.exceptions import ArchiveLoadFailed

from ..errors import SourceError
from ..models import RawDocument
from ..settings import Settings
from .decoding import declared_charset, decode_bytes, size_limit_bytes
from .formats import format_from_content_type, sniff_format

__all__ = ["read_warc", "starts_like_warc"]

log = logging.getLogger(__name__)

_PAGE_RECORDS = ("response", "resource")


def read_warc(
    stream: IO[bytes], *, source: str, settings: Settings
) -> Iterator[RawDocument | SourceError]:
    """Every HTML page archived in a WARC stream (gzipped or not), one record at a time.

    ``stream`` must be seekable: its head is checked first, since warcio reads
    many things that are not WARC files without complaint.
    """
    # A gzip member's Huffman tables can take hundreds of bytes before any output.
    head = stream.read(4096)
    stream.seek(0)
    if not starts_like_warc(head):
        yield SourceError(
            "not a readable WARC file (it does not start with 'WARC/')", source=source
        )
        return
    pages = 0
    try:
        for record in ArchiveIterator(stream):
            if record.rec_type not in _PAGE_RECORDS:
                continue
            item = _page_of(record, source, settings)
            if item is not None:
                pages += 1
                yield item
    except ArchiveLoadFailed as error:
        yield SourceError(f"not a readable WARC file ({_first_line(error)})", source=source)
        return
    except (OSError, EOFError, ValueError) as error:
        # A truncated download: what came before the damage has been yielded.
        yield SourceError(f"WARC file is damaged after {pages} pages ({error})", source=source)
        return
    if pages == 0:
        log.info("%s: no HTML pages in this WARC file", source)


def _page_of(record: Any, source: str, settings: Settings) -> RawDocument | SourceError | None:
    """The page a record holds, an error if it cannot be read, or None if it is no page."""
    uri = record.rec_headers.get_header("WARC-Target-URI") or ""
    if record.rec_type == "response":
        if record.http_headers is None:
            return None
        status = record.http_headers.get_statuscode() or ""
        if not status.startswith("2"):
            return None
        content_type = record.http_headers.get_header("Content-Type")
    else:
        content_type = record.rec_headers.get_header("Content-Type")
    where = f"{source} {uri}" if uri else source
    limit = size_limit_bytes(settings)
    body = record.content_stream().read(limit + 1)
    kind = format_from_content_type(content_type)
    if kind is None and body:
        kind = sniff_format(body[:4096])
    if kind != "html":
        return None
    if len(body) > limit:
        return SourceError(
            f"page is over the {settings.max_file_mb:g} MB limit (setting max_file_mb)",
            source=where,
        )
    try:
        decoded = decode_bytes(body, where, declared=declared_charset(content_type, body))
    except SourceError as error:
        return error
    return RawDocument(
        source=uri or source,
        file=uri or source,
        text=decoded.text,
        kind="html",
        url_hint=uri or None,
        notes=decoded.notes,
    )


def starts_like_warc(head: bytes) -> bool:
    """Whether bytes (gzipped or not) begin with a WARC record."""
    if head.startswith(b"\x1f\x8b"):
        try:
            head = zlib.decompressobj(wbits=31).decompress(head, 16)  # partial input is fine
        except zlib.error:
            return False
    return head.startswith(b"WARC/")


def _first_line(error: Exception) -> str:
    return str(error).strip().splitlines()[0] if str(error).strip() else type(error).__name__
