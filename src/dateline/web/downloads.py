"""Downloads of a view: its events in any export format (:mod:`dateline.export`).

The export is written to a temporary file (in memory while small), read a
page of events at a time, then sent: the same writers as ``dateline
export``, so a download and an export of the same filters are the same file.
"""

from __future__ import annotations

import io
import tempfile
from collections.abc import Iterator
from typing import IO, Annotated, Any

from fastapi import APIRouter, Depends, Path
from fastapi.responses import StreamingResponse

from ..api import Store
from ..export import FORMATS, is_binary, write_events
from .params import Filters, filters, store_of

__all__ = ["router"]

router = APIRouter(tags=["downloads"])

MEDIA_TYPES = {
    "jsonl": "application/x-ndjson; charset=utf-8",
    "csv": "text/csv; charset=utf-8",
    "gdelt": "text/tab-separated-values; charset=utf-8",
    "parquet": "application/vnd.apache.parquet",
}
SUFFIXES = {"gdelt": "tsv"}
_IN_MEMORY = 16 * 1024 * 1024


@router.get(
    "/download/{output_format}",
    response_class=StreamingResponse,
    responses={400: {"description": "An unknown format, or parquet without pyarrow"}},
)
def download(
    output_format: Annotated[str, Path(description=f"One of {', '.join(FORMATS)}.")],
    chosen: Annotated[Filters, Depends(filters)],
    store: Annotated[Store, Depends(store_of)],
) -> StreamingResponse:
    """Every event answering the filters as a file: jsonl, csv, gdelt (a GDELT-style
    TSV) or parquet (with pyarrow installed)."""
    spool = tempfile.SpooledTemporaryFile(max_size=_IN_MEMORY)  # noqa: SIM115  (closed by _chunks)
    try:
        _write(store, chosen, output_format, spool)
    except BaseException:
        spool.close()
        raise
    spool.seek(0)
    name = f"events.{SUFFIXES.get(output_format, output_format)}"
    return StreamingResponse(
        _chunks(spool),
        media_type=MEDIA_TYPES.get(output_format, "application/octet-stream"),
        headers={"Content-Disposition": f'attachment; filename="{name}"'},
    )


def _write(store: Store, chosen: Filters, output_format: str, spool: IO[bytes]) -> None:
    events = store.iter_events(chosen.query())
    if is_binary(output_format):
        write_events(events, spool, output_format)
        return
    # Text formats go through a wrapper that keeps each format's own line ends.
    text = io.TextIOWrapper(spool, encoding="utf-8", newline="")
    try:
        write_events(events, text, output_format)
        text.flush()
    finally:
        text.detach()


def _chunks(spool: Any) -> Iterator[bytes]:
    try:
        while chunk := spool.read(64 * 1024):
            yield chunk
    finally:
        spool.close()
