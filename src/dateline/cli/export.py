"""``dateline export``."""

from __future__ import annotations

import os
import sys
import tempfile
from pathlib import Path

import click

from ..api import Store
from ..export import FORMATS, write_events
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
    help="Write to this file (default: standard output).",
)
@click.option("--since", metavar="DATE", help="Only events on or after DATE (YYYY[-MM[-DD]]).")
@click.option("--until", metavar="DATE", help="Only events on or before DATE.")
@click.option(
    "--type",
    "types",
    multiple=True,
    metavar="TYPE",
    help="Only events of this PLOVER type (repeatable).",
)
def export(
    db: str | None,
    setting_pairs: tuple[tuple[str, str], ...],
    output_format: str,
    output: Path | None,
    since: str | None,
    until: str | None,
    types: tuple[str, ...],
) -> None:
    """Write the coded events, one per line, with their evidence.

    Each line holds the PLOVER type and mode, actors and recipients
    ({code, sector, name, office}), date with its precision and where it
    came from, status, place, magnitude, confidence, CAMEO root code,
    Goldstein score, and every mention (article, file, URL, sentence and
    character offsets in the body). A file is written whole or not at all.

    \b
    Example:
        dateline export --format jsonl -o events.jsonl
        dateline export --type ASSAULT --since 2023-09 | jq .date
    """
    store = Store(build_settings(db, setting_pairs))
    events = store.events(since=since, until=until, types=types or None)
    if output is None:
        write_events(events, sys.stdout, output_format)
        return
    # Write beside the target, then rename: a failed export leaves no half file.
    folder = output.resolve().parent
    with tempfile.NamedTemporaryFile("w", encoding="utf-8", dir=folder, delete=False) as stream:
        count = write_events(events, stream, output_format)
    os.replace(stream.name, output)
    click.echo(f"wrote {count} events to {output}", err=True)
