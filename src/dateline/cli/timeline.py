"""``dateline timeline``."""

from __future__ import annotations

import json
import shutil
from datetime import date

import click

from ..api import Store
from ..timeline import TimelineQuery, render_events
from ..timeline.filters import QUAD_CLASSES
from .options import CONTEXT_SETTINGS, build_settings, db_option, format_option, settings_options

__all__ = ["timeline"]


def _day(value: str | None) -> date | None:
    if value is None:
        return None
    try:
        return date.fromisoformat(value)
    except ValueError:
        raise click.BadParameter(f"{value!r} is not a date (YYYY-MM-DD)") from None


@click.command(context_settings=CONTEXT_SETTINGS)
@db_option
@settings_options
@format_option("text", "json", default="text")
@click.option(
    "--actor",
    "actors",
    multiple=True,
    metavar="CODE",
    help="Events involving this actor code, e.g. AZE or UNO (repeatable).",
)
@click.option(
    "--dyad",
    metavar="A,B",
    help="Events between two actor codes, either way round: --dyad AZE,ARM.",
)
@click.option(
    "--type", "types", multiple=True, metavar="TYPE", help="PLOVER type, e.g. CONSULT (repeatable)."
)
@click.option(
    "--quad",
    "quads",
    multiple=True,
    type=click.Choice(QUAD_CLASSES),
    help="Quad class (repeatable).",
)
@click.option("--from", "since", metavar="DATE", help="Events on or after DATE (YYYY[-MM[-DD]]).")
@click.option("--to", "until", metavar="DATE", help="Events on or before DATE.")
@click.option("--outlet", metavar="NAME", help="Events reported by this outlet.")
@click.option("--text", metavar="WORDS", help="Events whose evidence holds all these words.")
@click.option("--negated", is_flag=True, help="Also show events the sources say did not happen.")
@click.option("--no-sources", is_flag=True, help="One line an event, without its sources.")
@click.option(
    "--summarize",
    is_flag=True,
    help="The most important dates of the story instead, with sentences.",
)
@click.option(
    "--dates",
    "n_dates",
    type=click.IntRange(min=1),
    default=10,
    show_default=True,
    help="With --summarize: how many dates.",
)
@click.option(
    "--sentences",
    "n_sentences",
    type=click.IntRange(min=1),
    default=1,
    show_default=True,
    help="With --summarize: sentences per date.",
)
def timeline(
    db: str | None,
    setting_pairs: tuple[tuple[str, str], ...],
    output_format: str,
    actors: tuple[str, ...],
    dyad: str | None,
    types: tuple[str, ...],
    quads: tuple[str, ...],
    since: str | None,
    until: str | None,
    outlet: str | None,
    text: str | None,
    negated: bool,
    no_sources: bool,
    summarize: bool,
    n_dates: int,
    n_sentences: int,
) -> None:
    """Read the stored events in date order, each with every source that tells it.

    A date with * comes only from the article's publication day. Lines
    starting with ! say where sources disagree (dates, met or phoned).

    With --summarize, print the N most important dates of the story instead,
    K sentences each, the way a news desk writes a timeline; it works on any
    corpus, with or without coded events (--from and --to bound it; other
    filters do not apply).

    \b
    Example:
        dateline timeline --dyad AZE,ARM --from 2020-11
        dateline timeline --actor RUS --type CONSULT --format json
        dateline timeline --summarize --dates 10 --sentences 2 --format json
    """
    store = Store(build_settings(db, setting_pairs), create=False)
    if summarize:
        entries = store.summary(
            dates=n_dates, sentences=n_sentences, since=_day(since), until=_day(until)
        )
        if output_format == "json":
            click.echo(json.dumps([e.to_dict() for e in entries], indent=2, ensure_ascii=False))
        else:
            for entry in entries:
                click.echo(entry.date.isoformat())
                for sentence in entry.sentences:
                    click.echo(f"    {sentence}")
        return
    pair = None
    if dyad:
        codes = [code.strip() for code in dyad.split(",") if code.strip()]
        if len(codes) != 2:
            raise click.BadParameter(
                "give two actor codes separated by a comma, e.g. AZE,ARM", param_hint="--dyad"
            )
        pair = (codes[0], codes[1])
    query = TimelineQuery(
        actors=actors,
        dyad=pair,
        types=types,
        quad_classes=quads,
        since=since,
        until=until,
        outlet=outlet,
        text=text,
        include_negated=negated,
    )
    events = store.timeline(query)
    if output_format == "json":
        click.echo(json.dumps([e.to_dict() for e in events], indent=2, ensure_ascii=False))
    else:
        width = shutil.get_terminal_size().columns
        click.echo(render_events(events, width=width, sources=not no_sources))
