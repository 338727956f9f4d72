"""What a request asks: the timeline filters and the page, read from the URL.

The same parameters serve the timeline page, the JSON API and the
downloads, so that a view's URL can be turned into any of them by changing
its path. A filter reaches the database only through
:class:`~dateline.timeline.TimelineQuery` (bound parameters), and a bad one
is a :class:`~dateline.errors.ConfigError` that the app shows as a 400.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from typing import Annotated, Literal
from urllib.parse import urlencode

from fastapi import Query, Request

from ..api import Store
from ..models import Event
from ..query import MAX_TEXT_CHARS, TimelineQuery, day_range

__all__ = ["MAX_LIMIT", "Filters", "Paging", "cursor_of", "filters", "paging", "store_of"]

MAX_LIMIT = 500
_SEPARATORS = re.compile(r"[\s,;]+")


@dataclass(frozen=True)
class Filters:
    """The filters of a view, as given in its URL."""

    actor: tuple[str, ...] = ()
    dyad: str | None = None
    type: tuple[str, ...] = ()
    quad: tuple[str, ...] = ()
    sector: tuple[str, ...] = ()
    status: tuple[str, ...] = ()
    since: str | None = None
    until: str | None = None
    outlet: str | None = None
    text: str | None = None
    negated: bool = False
    place: str | None = None
    background: bool | None = None
    pairs: tuple[tuple[str, str], ...] = field(default=(), compare=False)

    def query(self) -> TimelineQuery:
        """The timeline query these filters ask (a bad one raises ConfigError)."""
        return TimelineQuery.of(
            None,
            actors=self.actor,
            dyad=self.dyad,
            types=self.type,
            quad_classes=self.quad,
            sectors=self.sector,
            statuses=self.status,
            since=self.since,
            until=self.until,
            outlet=self.outlet,
            text=self.text,
            include_negated=self.negated,
            place=self.place,
            background=self.background,
        )

    @property
    def active(self) -> bool:
        """Whether any filter is set."""
        return bool(self.pairs)

    def url(self, path: str, **more: str | int | None) -> str:
        """``path`` with these filters and ``more`` (None values left out) as its query."""
        pairs = list(self.pairs) + [(k, str(v)) for k, v in more.items() if v is not None]
        return f"{path}?{urlencode(pairs)}" if pairs else path


def _words(values: list[str] | None) -> tuple[str, ...]:
    """Repeated parameters, each of which may also hold several words ("AZE, ARM")."""
    found: list[str] = []
    for value in values or ():
        found += [word for word in _SEPARATORS.split(value) if word]
    return tuple(dict.fromkeys(found))


def _text(value: str | None) -> str | None:
    value = (value or "").strip()
    return value or None


def filters(
    actor: Annotated[
        list[str] | None, Query(description="Actor codes, any of which takes part (AZE, UNO).")
    ] = None,
    dyad: Annotated[
        str | None, Query(description="Two actor codes, one on each side: AZE,ARM.")
    ] = None,
    type: Annotated[list[str] | None, Query(description="PLOVER types (CONSULT).")] = None,
    quad: Annotated[
        list[str] | None, Query(description="Quad classes (verbal_cooperation, ...).")
    ] = None,
    sector: Annotated[list[str] | None, Query(description="Actor sectors (GOV, MIL, REB).")] = None,
    status: Annotated[
        list[str] | None, Query(description="Statuses (occurred, planned, ...).")
    ] = None,
    since: Annotated[
        str | None, Query(description="Events on or after this date: YYYY[-MM[-DD]].")
    ] = None,
    until: Annotated[
        str | None, Query(description="Events on or before this date: YYYY[-MM[-DD]].")
    ] = None,
    outlet: Annotated[str | None, Query(description="Reported by this outlet.")] = None,
    text: Annotated[
        str | None,
        Query(
            description="Words that all appear in one evidence sentence.",
            max_length=MAX_TEXT_CHARS,
        ),
    ] = None,
    negated: Annotated[
        bool, Query(description="Also events the sources say did not happen.")
    ] = False,
    place: Annotated[
        str | None, Query(description="Happened at this place (Aleppo) or in this country (SYR).")
    ] = None,
    background: Annotated[
        bool | None,
        Query(
            description="true: only the background (historical, or dated over a month "
            "before the first article); false: none of it."
        ),
    ] = None,
) -> Filters:
    """The filters of the request (empty form fields ask nothing)."""
    given = {
        "actor": _words(actor),
        "dyad": _text(dyad),
        "type": _words(type),
        "quad": _words(quad),
        "sector": _words(sector),
        "status": _words(status),
        "since": _text(since),
        "until": _text(until),
        "outlet": _text(outlet),
        "text": _text(text),
        "place": _text(place),
    }
    pairs: list[tuple[str, str]] = []
    for name, value in given.items():
        if isinstance(value, tuple):
            pairs += [(name, item) for item in value]
        elif value is not None:
            pairs.append((name, value))
    if negated:
        pairs.append(("negated", "true"))
    if background is not None:
        pairs.append(("background", "true" if background else "false"))
    chosen = Filters(**given, negated=negated, background=background, pairs=tuple(pairs))  # type: ignore[arg-type]
    chosen.query()  # a bad filter is a 400 now, before any page is drawn
    return chosen


@dataclass(frozen=True)
class Paging:
    """Which page: ``limit`` events after (or before) a cursor, in date order or reversed."""

    limit: int = 50
    after: str | None = None
    before: str | None = None
    order: Literal["asc", "desc"] = "asc"

    @property
    def descending(self) -> bool:
        return self.order == "desc"


def paging(
    limit: Annotated[int, Query(ge=1, le=MAX_LIMIT, description="Events a page.")] = 50,
    after: Annotated[
        str | None, Query(description="The cursor of the next page (from the last page).")
    ] = None,
    before: Annotated[
        str | None, Query(description="The cursor of the previous page (instead of after).")
    ] = None,
    order: Annotated[
        Literal["asc", "desc"], Query(description="asc: oldest first; desc: newest first.")
    ] = "asc",
) -> Paging:
    """The page the request asks for."""
    return Paging(limit=limit, after=_text(after), before=_text(before), order=order)


def store_of(request: Request) -> Store:
    """The app's store."""
    store: Store = request.app.state.store
    return store


def cursor_of(event: Event) -> str:
    """The page cursor just at ``event``: what :meth:`Store.events_page` returns for the
    last event of a page (its first day and id), for the links to earlier pages."""
    first = day_range(event.date[:10], None).first if event.date else None
    return f"{(first.isoformat() if first else '9999-12-31')}:{event.id}"
