"""``dateline tag-time``: the time stage on text from stdin."""

from __future__ import annotations

import json
import sys
from datetime import date, datetime

import click

from .options import CONTEXT_SETTINGS, build_settings, settings_options

__all__ = ["tag_time"]


def _parse_anchor(ctx: click.Context, param: click.Parameter, value: str) -> date | datetime:
    try:
        return datetime.fromisoformat(value) if "T" in value else date.fromisoformat(value)
    except ValueError:
        raise click.BadParameter(
            f"{value!r} is not a date; use YYYY-MM-DD or YYYY-MM-DDTHH:MM"
        ) from None


@click.command("tag-time", context_settings=CONTEXT_SETTINGS)
@click.option(
    "--anchor",
    required=True,
    callback=_parse_anchor,
    metavar="YYYY-MM-DD[THH:MM]",
    help="The article's date: relative and year-less dates are read against it.",
)
@settings_options
def tag_time(anchor: date | datetime, setting_pairs: tuple[tuple[str, str], ...]) -> None:
    """Find the time expressions of the text on stdin and print them as JSON.

    Each is {"start", "end", "text", "type", "value"}: character offsets
    into the input, the TIMEX3 type (DATE, TIME, DURATION, SET) and value.

    \b
    Example:
        echo "Voting ends on Tuesday, two days after the debate." \\
            | dateline tag-time --anchor 2022-08-05
    """
    from ..time import tag_text

    text = sys.stdin.read()
    values = tag_text(text, anchor, build_settings(None, setting_pairs))
    click.echo(json.dumps([value.to_dict() for value in values], indent=2, ensure_ascii=False))
