"""The pages that read the record: the timeline, an event, an article, the key dates.

Each route parses its parameters, asks the store once (or once per
source), and hands plain records to a template.
"""

from __future__ import annotations

from importlib.util import find_spec
from typing import Annotated

from fastapi import APIRouter, Depends, HTTPException, Query, Request
from fastapi.responses import HTMLResponse

from ..api import Store
from ..events.ontology import event_types
from ..export import FORMATS
from ..query import QUAD_CLASSES, STATUSES
from .marks import marked_body
from .params import Filters, Paging, filters, paging, store_of
from .templating import render
from .views import actor_words, passages, recognised, timeline_view

__all__ = ["router"]

router = APIRouter(include_in_schema=False)


def download_formats() -> tuple[str, ...]:
    """The export formats this installation can write (parquet needs pyarrow)."""
    return tuple(f for f in FORMATS if f != "parquet" or find_spec("pyarrow") is not None)


@router.get("/timeline", response_class=HTMLResponse)
def timeline_page(
    request: Request,
    chosen: Annotated[Filters, Depends(filters)],
    page: Annotated[Paging, Depends(paging)],
    store: Annotated[Store, Depends(store_of)],
) -> HTMLResponse:
    """The timeline: events by day, filtered and paged."""
    view = timeline_view(store, chosen, page)
    keep = {"limit": page.limit if page.limit != 50 else None, "order": _order(page)}
    return render(
        request,
        "timeline.html",
        view=view,
        filters=chosen,
        query=chosen.query(),
        paging=page,
        next_url=(
            chosen.url("/timeline", after=view.next_cursor, **keep) if view.next_cursor else None
        ),
        previous_url=(
            chosen.url("/timeline", before=view.previous_cursor, **keep)
            if view.previous_cursor
            else None
        ),
        downloads=[(f, chosen.url(f"/download/{f}")) for f in download_formats()],
        api_url=chosen.url("/api/events", **keep),
        types=sorted(event_types()),
        quads=QUAD_CLASSES,
        statuses=STATUSES,
    )


def _order(page: Paging) -> str | None:
    return "desc" if page.descending else None


@router.get("/events/{event_id}", response_class=HTMLResponse)
def event_page(
    request: Request, event_id: str, store: Annotated[Store, Depends(store_of)]
) -> HTMLResponse:
    """One event with every source that tells it."""
    event = store.event(event_id)
    if event is None:
        raise HTTPException(404, f"no event {event_id!r} in this database")
    within = actor_words(store, event)
    actors, recipients = recognised(store, event, within)
    return render(
        request,
        "event.html",
        event=event,
        passages=passages(store, event, within),
        actors=actors,
        recipients=recipients,
    )


@router.get("/articles/{article_id}", response_class=HTMLResponse)
def article_page(
    request: Request, article_id: str, store: Annotated[Store, Depends(store_of)]
) -> HTMLResponse:
    """One article, its event mentions, actors and time expressions marked (triggers linked
    to their events, actors to their pages)."""
    found = store.article(article_id)
    if found is None:
        raise HTTPException(404, f"no article {article_id!r} in this database")
    runs = marked_body(found.article.body, found.mentions, found.actors, found.times)
    return render(request, "article.html", article=found.article, found=found, runs=runs)


@router.get("/summary", response_class=HTMLResponse)
def summary_page(
    request: Request,
    chosen: Annotated[Filters, Depends(filters)],
    store: Annotated[Store, Depends(store_of)],
    dates: Annotated[int, Query(ge=1, le=100)] = 10,
    sentences: Annotated[int, Query(ge=1, le=10)] = 1,
) -> HTMLResponse:
    """The key dates of the stored story, a few sentences each; the timeline's filters
    ask a question (``actor=SYR``: the key dates of Syria)."""
    entries = store.summary(chosen.query(), dates=dates, sentences=sentences)
    return render(
        request,
        "summary.html",
        entries=entries,
        dates=dates,
        sentences=sentences,
        filters=chosen,
        query=chosen.query(),
        timeline_url=chosen.url("/timeline"),
    )
