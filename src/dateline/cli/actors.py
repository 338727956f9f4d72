"""``dateline actors``."""

from __future__ import annotations

import json
from typing import TYPE_CHECKING

import click

from .options import CONTEXT_SETTINGS, build_settings, db_option, format_option, settings_options
from .tables import aligned_table

if TYPE_CHECKING:
    from ..actors import ActorSummary

__all__ = ["actors", "actors_table"]


@click.command(context_settings=CONTEXT_SETTINGS)
@db_option
@settings_options
@format_option("table", "jsonl", default="table")
def actors(db: str | None, setting_pairs: tuple[tuple[str, str], ...], output_format: str) -> None:
    """List the actors in the store with their mention counts and how each was resolved.

    "how" counts the ways the actor was recognised: knowledge (people
    files), title, counterpart, apposition, learned, group, demonym,
    country, metonym, organisation, ...

    \b
    Example:
        dateline actors --format table
        dateline actors --format jsonl > actors.jsonl
    """
    from ..actors import summarise
    from ..api import Store

    store = Store(build_settings(db, setting_pairs), create=False)
    rows = summarise(store.actor_mentions())
    if output_format == "jsonl":
        for row in rows:
            click.echo(json.dumps(row.to_dict(), ensure_ascii=False))
    else:
        click.echo(actors_table(rows))


def actors_table(rows: list[ActorSummary]) -> str:
    """An aligned table: code, sector, name, office, mentions, how."""
    header = ("code", "sector", "name", "office", "mentions", "how")
    body = [
        (
            row.actor.code,
            row.actor.sector or "",
            row.actor.name or "",
            row.actor.office or "",
            str(row.mentions),
            ", ".join(f"{how} {count}" for how, count in row.how),
        )
        for row in rows
    ]
    return aligned_table(header, body, "actor")
