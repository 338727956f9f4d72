"""``dateline relink``."""

from __future__ import annotations

import json

import click

from ..api import Store
from .options import CONTEXT_SETTINGS, build_settings, db_option, json_option, settings_options

__all__ = ["relink"]


@click.command(context_settings=CONTEXT_SETTINGS)
@db_option
@settings_options
@json_option
def relink(db: str | None, setting_pairs: tuple[tuple[str, str], ...], as_json: bool) -> None:
    """Rebuild every event of the database from its stored mentions.

    Linking (which mentions tell of one event) follows the rules in
    knowledge/link.yaml; after changing them, relink applies them to what is
    stored, without parsing anything again. The events do not depend on the
    order articles arrived in, so relinking twice changes nothing. One
    transaction: interrupted, the database keeps its old events.

    \b
    Example:
        dateline relink --db news.db
    """
    report = Store(build_settings(db, setting_pairs), create=False).relink()
    if as_json:
        click.echo(json.dumps({"mentions": report.mentions, "events": report.events}))
    else:
        click.echo(f"relinked {report.mentions} mentions into {report.events} events")
