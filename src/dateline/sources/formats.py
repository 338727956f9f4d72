"""Deciding what an input holds: from its name, its content type, or its first bytes.

The name wins when it is clear (``.jsonl``, ``.warc.gz``); otherwise the
first few kilobytes are sniffed, which is also how standard input and URLs
served as ``application/octet-stream`` are recognised.
"""

from __future__ import annotations

import json
import re
from typing import Literal

from ..models import DocumentKind
from .decoding import text_encoding_of

__all__ = [
    "Format",
    "SNIFF_BYTES",
    "format_from_content_type",
    "document_kind",
    "format_from_name",
    "looks_like_html",
    "sniff_format",
]

Format = Literal["text", "html", "jsonl", "json", "csv", "tsv", "warc", "feed", "binary"]

SNIFF_BYTES = 16 * 1024

_SUFFIXES: dict[str, Format] = {
    ".txt": "text",
    ".text": "text",
    ".md": "text",
    ".html": "html",
    ".htm": "html",
    ".xhtml": "html",
    ".jsonl": "jsonl",
    ".ndjson": "jsonl",
    ".json": "json",
    ".csv": "csv",
    ".tsv": "tsv",
    ".tab": "tsv",
    ".warc": "warc",
    ".warc.gz": "warc",
    ".rss": "feed",
    ".atom": "feed",
    ".xml": "feed",
}

_GZIP_MAGIC = b"\x1f\x8b"

# Tags that page markup has and prose almost never has; two of them make HTML.
_HTML_TAG = re.compile(
    r"<(?:html|head|body|div|p|br|article|section|span|a|h[1-6]|ul|ol|li|table|meta|script|"
    r"figure|img|strong|em|blockquote)\b[^>]*>",
    re.IGNORECASE,
)
_HTML_START = re.compile(
    r"^\s*(?:<\?xml[^>]*>\s*)?(?:<!--.*?-->\s*)*<(?:!doctype\s+html|html)\b", re.I | re.S
)
_FEED_ROOT = re.compile(r"<(?:rss|feed|rdf:RDF)\b", re.IGNORECASE)


def format_from_name(name: str) -> Format | None:
    """The format a file name announces, or None when only its content can tell."""
    lower = name.lower()
    # Longest suffix first, so "x.warc.gz" is WARC rather than an unknown ".gz".
    for suffix in sorted(_SUFFIXES, key=len, reverse=True):
        if lower.endswith(suffix):
            return _SUFFIXES[suffix]
    return None


def format_from_content_type(content_type: str | None) -> Format | None:
    """The format an HTTP Content-Type announces, or None when it is vague or missing."""
    if not content_type:
        return None
    media = content_type.split(";", 1)[0].strip().lower()
    if media in ("text/html", "application/xhtml+xml"):
        return "html"
    if media in ("application/rss+xml", "application/atom+xml", "application/rdf+xml"):
        return "feed"
    if media in ("application/x-ndjson", "application/jsonl", "application/x-jsonlines"):
        return "jsonl"
    if media == "application/json":
        return "json"
    if media == "text/csv":
        return "csv"
    if media == "text/tab-separated-values":
        return "tsv"
    if media == "application/warc":
        return "warc"
    if media in ("text/plain", "text/markdown"):
        return "text"
    if media in ("application/xml", "text/xml", "application/octet-stream") or not media:
        return None  # generic: let the bytes decide
    if media.startswith(("image/", "audio/", "video/", "font/")) or media.startswith(
        "application/"
    ):
        return "binary"
    return None


def sniff_format(head: bytes) -> Format:
    """Guess the format of content from its first bytes."""
    if head.startswith(_GZIP_MAGIC):
        return "binary"  # a gzipped WARC is recognised by the caller, which can look inside
    if head.startswith(b"WARC/"):
        return "warc"
    # UTF-16 and UTF-32 are read as such (zero bytes would hide the markup), the rest as UTF-8.
    encoding = text_encoding_of(head) or "utf-8"
    text = head.decode(encoding, errors="ignore").lstrip("\ufeff \t\r\n")
    start = text[:2048]
    if _HTML_START.match(start):
        return "html"
    if start.startswith("<") and _FEED_ROOT.search(start):
        return "feed"
    if start.startswith("{"):
        first_line = text.split("\n", 1)[0].strip()
        if _is_json_object(first_line):
            return "jsonl"
        return "json"
    if start.startswith("["):
        return "json"
    if looks_like_html(start):
        return "html"
    return "text"


def looks_like_html(text: str) -> bool:
    """Whether a text is markup (a page, or a record body stored as HTML) rather than prose."""
    head = text[:4096]
    if _HTML_START.match(head):
        return True
    return len(_HTML_TAG.findall(head, 0, 4096)) >= 2


def document_kind(text: str) -> DocumentKind:
    """ "html" for markup, "text" for prose: what the clean stage must do with a text."""
    return "html" if looks_like_html(text) else "text"


def _is_json_object(line: str) -> bool:
    try:
        return isinstance(json.loads(line), dict)
    except ValueError:
        return False
    except RecursionError:  # nested thousands deep: an object by its look
        return line.startswith("{") and line.endswith("}")
