"""``dateline timeline``."""

from __future__ import annotations

import json
import shutil

import click

from ..api import Store
from ..timeline import TimelineQuery, render_events
from .event_filters import event_filter_options
from .options import CONTEXT_SETTINGS, build_settings, db_option, format_option, settings_options

__all__ = ["timeline"]


@click.command(context_settings=CONTEXT_SETTINGS)
@db_option
@settings_options
@format_option("text", "json", default="text")
@event_filter_options(negated_flag=True)
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
    query: TimelineQuery,
    limit: int | None,
    no_sources: bool,
    summarize: bool,
    n_dates: int,
    n_sentences: int,
) -> None:
    """Read the stored events in date order, each with every source that tells it.

    Filters combine (an event must meet them all); a repeated option means
    any of its values. --from and --to take a year, a month or a day and
    keep the events that touch that span: --from 2020-11 --to 2020-11 is
    every event of November 2020, including one that ran from October into
    it. Undated events come last, and never with --from or --to. Events
    the sources say did not happen are left out unless --negated.

    A date with * comes only from the article's publication day. Lines
    starting with ! say where sources disagree (dates, met or phoned).

    With --summarize, print the N most important dates of the story instead,
    K sentences each, the way a news desk writes a timeline; it works on any
    corpus, with or without coded events. --from and --to bound it; the
    other filters ask a question: --actor SYR gives the key dates of Syria,
    read from the sentences that tell its events or name it.

    \b
    Example:
        dateline timeline --dyad AZE,ARM --from 2020-11 --to 2020-11
        dateline timeline --actor RUS --type CONSULT --format json
        dateline timeline --sector MIL --quad material_conflict --limit 20
        dateline timeline --text "ceasefire" --outlet Reuters --no-sources
        dateline timeline --summarize --dates 10 --sentences 2 --format json
        dateline timeline --summarize --actor SYR --place Aleppo
    """
    store = Store(build_settings(db, setting_pairs), create=False)
    if summarize:
        entries = store.summary(query, dates=n_dates, sentences=n_sentences)
        if output_format == "json":
            click.echo(json.dumps([e.to_dict() for e in entries], indent=2, ensure_ascii=False))
        else:
            for entry in entries:
                click.echo(entry.date.isoformat())
                for sentence in entry.sentences:
                    click.echo(f"    {sentence}")
        return
    events = store.events(query, limit=limit)
    if output_format == "json":
        click.echo(json.dumps([e.to_dict() for e in events], indent=2, ensure_ascii=False))
    else:
        width = shutil.get_terminal_size().columns
        click.echo(render_events(events, width=width, sources=not no_sources))
