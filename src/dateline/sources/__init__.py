"""The ``sources`` stage: every kind of input read into raw documents.

What it reads, and where:

- plain text and HTML files (:mod:`.reader`, decoded by :mod:`.decoding`);
- JSON Lines, JSON and CSV/TSV exports, with a :class:`FieldMap` (:mod:`.records`);
- WARC and WARC.gz web archives (:mod:`.warc`);
- RSS and Atom feeds, from a file or a URL (:mod:`.feeds`);
- http(s) URLs (:mod:`.web`) and standard input (``-``).

Usage::

    inputs = collect_inputs(["articles/", "export.jsonl", "https://example.org/feed.xml"])
    for location in inputs.locations:
        for item in read_location(location, settings):
            ...  # a RawDocument, or a SourceError to report

Errors are yielded in place of documents, never raised: a batch goes on.
"""

from __future__ import annotations

from .locations import STDIN, Inputs, collect_inputs, expand_inputs, is_url
from .reader import read_location
from .records import FieldMap

__all__ = [
    "STDIN",
    "FieldMap",
    "Inputs",
    "collect_inputs",
    "expand_inputs",
    "is_url",
    "read_location",
]
