"""Options shared by several commands, so that they mean the same everywhere."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any, TypeVar

import click

from ..settings import Settings, load_settings, setting_help

__all__ = [
    "CONTEXT_SETTINGS",
    "db_option",
    "format_option",
    "json_option",
    "settings_options",
    "build_settings",
]

F = TypeVar("F", bound=Callable[..., Any])

CONTEXT_SETTINGS = {"help_option_names": ["-h", "--help"], "max_content_width": 100}


def db_option(function: F) -> F:
    """``--db URL``: the database; falls back to DATELINE_DB, then dateline.db."""
    return click.option(
        "--db",
        metavar="URL",
        default=None,
        help="Database URL or SQLite file path (default: $DATELINE_DB or dateline.db).",
    )(function)


def settings_options(function: F) -> F:
    """``--setting NAME VALUE`` (repeatable): override any setting for this run."""
    names = ", ".join(sorted(setting_help()))
    return click.option(
        "--setting",
        "setting_pairs",
        type=(str, str),
        multiple=True,
        metavar="NAME VALUE",
        help=f"Override a setting for this run (repeatable). Settings: {names}.",
    )(function)


def json_option(function: F) -> F:
    """``--json``: print scores as JSON instead of a table."""
    return click.option("--json", "as_json", is_flag=True, help="Print the scores as JSON.")(
        function
    )


def format_option(*choices: str, default: str) -> Callable[[F], F]:
    """``--format``: how results are printed."""
    return click.option(
        "--format",
        "output_format",
        type=click.Choice(choices),
        default=default,
        show_default=True,
        help="Output format.",
    )


def build_settings(db: str | None, setting_pairs: tuple[tuple[str, str], ...] = ()) -> Settings:
    """Settings from file and environment, with this command line's overrides."""
    overrides: dict[str, Any] = dict(setting_pairs)
    if db:
        overrides["db"] = db
    return load_settings(overrides)
