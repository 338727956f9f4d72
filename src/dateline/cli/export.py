"""``dateline export``."""

from __future__ import annotations

import sys
from pathlib import Path

import click

from ..api import Store
from ..export import FORMATS, export_file, export_stream, is_binary
from ..query import TimelineQuery
from .event_filters import event_filter_options
from .options import CONTEXT_SETTINGS, build_settings, db_option, format_option, settings_options

__all__ = ["export"]


@click.command(context_settings=CONTEXT_SETTINGS)
@db_option
@settings_options
@format_option(*FORMATS, default="jsonl")
@click.option(
    "-o",
    "--output",
    type=click.Path(dir_okay=False, path_type=Path),
    help="Write to this file (default: standard output; parquet needs a file).",
)
@event_filter_options(negated_flag=False)
def export(
    db: str | None,
    setting_pairs: tuple[tuple[str, str], ...],
    output_format: str,
    output: Path | None,
    query: TimelineQuery,
    limit: int | None,
) -> None:
    """Write the coded events with their evidence, as JSONL, CSV, Parquet or a GDELT-style table.

    jsonl (the default) writes one event per line: PLOVER type and mode,
    actors and recipients ({code, sector, name, office}), date with its
    precision and where it came from, status, place, magnitude, confidence,
    CAMEO root code, Goldstein score, and every mention (article, file,
    URL, sentence and character offsets in the body). csv writes one row
    per event with flat columns; parquet the same columns typed, with the
    mentions (it needs -o FILE and pyarrow); gdelt a tab-separated table
    with GDELT's event columns (actor codes, CAMEO codes, quad class,
    Goldstein, sources, URL). docs/export.md explains every column. A file
    is written whole or not at all; a link is followed, and a device or a
    named pipe is written into.

    The filters are those of dateline timeline, but every status is
    exported, negated included (the status field says which; --status
    narrows). Events are read from the store a page at a time, so an export
    of millions holds one page in memory.

    \b
    Example:
        dateline export --format jsonl -o events.jsonl
        dateline export --type ASSAULT --since 2023-09 | jq .date
        dateline export --dyad ETH,ERI --from 2018 --to 2018 --format csv
        dateline export --format gdelt -o events.tsv
        dateline export --format parquet -o events.parquet
    """
    if output is None and is_binary(output_format):
        raise click.UsageError(
            f"--format {output_format} writes a binary file: "
            f"give one with -o, e.g. -o events.{output_format}"
        )
    store = Store(build_settings(db, setting_pairs), create=False)
    events = store.iter_events(query, limit=limit)
    if output is None:
        export_stream(events, sys.stdout, output_format)
        return
    count = export_file(events, output, output_format)
    click.echo(f"wrote {count} events to {output}", err=True)
