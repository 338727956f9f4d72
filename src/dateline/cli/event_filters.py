"""The event filters of ``dateline timeline`` and ``dateline export``: one set of
options meaning the same in both, handed to the command as one
:class:`~dateline.timeline.TimelineQuery` (``query``) and ``limit``."""

from __future__ import annotations

import functools
from collections.abc import Callable
from typing import Any, TypeVar, cast

import click

from ..errors import ConfigError
from ..query import MAX_TEXT_CHARS, QUAD_CLASSES, STATUSES, TimelineQuery, day_range

__all__ = ["event_filter_options"]

F = TypeVar("F", bound=Callable[..., Any])


def _words(_context: click.Context, _param: click.Parameter, value: str | None) -> str | None:
    if value is not None and len(value) > MAX_TEXT_CHARS:
        raise click.BadParameter(f"at most {MAX_TEXT_CHARS} characters of words to look for")
    return value


def _since(_context: click.Context, _param: click.Parameter, value: str | None) -> str | None:
    return _checked(lambda: day_range(value, None), value)


def _until(_context: click.Context, _param: click.Parameter, value: str | None) -> str | None:
    return _checked(lambda: day_range(None, value), value)


def _dyad(_context: click.Context, _param: click.Parameter, value: str | None) -> str | None:
    return _checked(lambda: TimelineQuery(dyad=value), value)  # type: ignore[arg-type]


def _checked(check: Callable[[], object], value: str | None) -> str | None:
    try:
        check()
    except ConfigError as error:
        raise click.BadParameter(str(error)) from None
    return value


_OPTIONS = (
    click.option(
        "--actor",
        "actors",
        multiple=True,
        metavar="CODE",
        help="Events with this actor code among actors or recipients, e.g. AZE or UNO "
        "(repeatable: any of them).",
    ),
    click.option(
        "--dyad",
        metavar="A,B",
        callback=_dyad,
        help="Events between two actor codes, either way round: --dyad AZE,ARM "
        "(without recipients, both among the actors).",
    ),
    click.option(
        "--type",
        "types",
        multiple=True,
        metavar="TYPE",
        help="PLOVER type, e.g. CONSULT (repeatable).",
    ),
    click.option(
        "--quad",
        "quad_classes",
        multiple=True,
        type=click.Choice(QUAD_CLASSES),
        help="Quad class (repeatable).",
    ),
    click.option(
        "--sector",
        "sectors",
        multiple=True,
        metavar="SECTOR",
        help="Events with an actor or recipient of this sector, e.g. MIL or REB (repeatable).",
    ),
    click.option(
        "--status",
        "statuses",
        multiple=True,
        type=click.Choice(STATUSES),
        help="Only events of this status (repeatable).",
    ),
    click.option(
        "--from",
        "--since",
        "since",
        metavar="DATE",
        callback=_since,
        help="Events on or after the first day of DATE: YYYY, YYYY-MM or YYYY-MM-DD.",
    ),
    click.option(
        "--to",
        "--until",
        "until",
        metavar="DATE",
        callback=_until,
        help="Events on or before the last day of DATE (--to 2020-11: through 30 November).",
    ),
    click.option("--outlet", metavar="NAME", help="Events reported by this outlet."),
    click.option(
        "--text",
        metavar="WORDS",
        callback=_words,
        help="Events with an evidence sentence holding all these words.",
    ),
    click.option(
        "--place",
        metavar="NAME",
        help="Events that happened at this place (a name, Aleppo) or in this country (SYR).",
    ),
    click.option(
        "--background/--no-background",
        default=None,
        help="Only the background (historical, or dated over a month before the first "
        "article), or none of it (default: both).",
    ),
    click.option(
        "--limit",
        type=click.IntRange(min=1),
        metavar="N",
        help="At most N events (the first in date order).",
    ),
)

_FIELDS = (
    "actors",
    "dyad",
    "types",
    "quad_classes",
    "sectors",
    "statuses",
    "since",
    "until",
    "outlet",
    "text",
    "place",
    "background",
)


def event_filter_options(*, negated_flag: bool) -> Callable[[F], F]:
    """The filter options, gathered into ``query`` and ``limit`` for the command.

    With ``negated_flag``, ``--negated`` adds events the sources say did not
    happen, left out otherwise; without it, every status is kept (``--status``
    narrows).
    """

    def decorate(function: F) -> F:
        @functools.wraps(function)
        def command(*args: Any, **kwargs: Any) -> Any:
            filters = {name: kwargs.pop(name) for name in _FIELDS}
            negated = kwargs.pop("negated") if negated_flag else True
            kwargs["query"] = TimelineQuery(**filters, include_negated=negated)
            return function(*args, **kwargs)

        decorated: Any = command
        if negated_flag:
            decorated = click.option(
                "--negated", is_flag=True, help="Also events the sources say did not happen."
            )(decorated)
        for option in reversed(_OPTIONS):
            decorated = option(decorated)
        return cast(F, decorated)

    return decorate
