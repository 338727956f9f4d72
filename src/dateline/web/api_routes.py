"""The JSON API: the records of the pages, in the export format of DESIGN.md.

Events are written as :meth:`~dateline.models.Event.to_dict` writes them
(the JSONL export's lines), so that a client reads the API and an export
the same way.
"""

from __future__ import annotations

from typing import Annotated, Any

from fastapi import APIRouter, Depends, HTTPException, Query

from ..api import Store
from .params import Filters, Paging, filters, paging, store_of
from .views import page_of

__all__ = ["router"]

router = APIRouter(prefix="/api", tags=["api"])

_NOT_FOUND: dict[int | str, dict[str, Any]] = {404: {"description": "No such record"}}
_BAD: dict[int | str, dict[str, Any]] = {
    400: {"description": "A filter or cursor the store cannot answer (the message says why)"},
    422: {"description": "A parameter of the wrong form"},
}


@router.get("/events", responses=_BAD)
def list_events(
    chosen: Annotated[Filters, Depends(filters)],
    page: Annotated[Paging, Depends(paging)],
    store: Annotated[Store, Depends(store_of)],
) -> dict[str, Any]:
    """Events answering the filters in date order (`order=desc`: newest first), a page
    at a time: pass `next` back as `after` for the next page, `previous` as
    `before` for the one before (null: there is none).

    `count` is how many events answer the filters in all."""
    query = chosen.query()
    found, after, previous = page_of(store, query, page)
    return {
        "count": store.count_events(query),
        "events": [event.to_dict() for event in found],
        "next": after,
        "previous": previous,
    }


@router.get("/summary", responses=_BAD)
def get_summary(
    chosen: Annotated[Filters, Depends(filters)],
    store: Annotated[Store, Depends(store_of)],
    dates: Annotated[int, Query(ge=1, le=100, description="How many key dates.")] = 10,
    sentences: Annotated[int, Query(ge=1, le=10, description="Sentences a date.")] = 1,
) -> dict[str, Any]:
    """The key dates of the stored story, in date order, a few sentences each
    (`dateline timeline --summarize`). The timeline's filters ask a question:
    `actor=SYR` gives the key dates of Syria, read from the sentences that tell
    its events or name it; `since` and `until` bound the days."""
    entries = store.summary(chosen.query(), dates=dates, sentences=sentences)
    return {"dates": [entry.to_dict() for entry in entries]}


@router.get("/events/{event_id}", responses=_NOT_FOUND)
def get_event(event_id: str, store: Annotated[Store, Depends(store_of)]) -> dict[str, Any]:
    """One event with every mention (article, sentence, offsets, trigger)."""
    event = store.event(event_id)
    if event is None:
        raise HTTPException(404, f"no event {event_id!r} in this database")
    return event.to_dict()


@router.get("/articles/{article_id}", responses=_NOT_FOUND)
def get_article(article_id: str, store: Annotated[Store, Depends(store_of)]) -> dict[str, Any]:
    """One article (metadata and clean body) with the event mentions coded in it, each
    with the id of the event it tells of (null: linked to none), its actor mentions
    (`how`: the way the actor was recognised; `is_place`: where something happened)
    and its time expressions (`value`: the TIMEX3 value), each in text order, with
    character offsets into the body."""
    found = store.article(article_id)
    if found is None:
        raise HTTPException(404, f"no article {article_id!r} in this database")
    mentions = []
    for linked in found.mentions:
        record = linked.mention.to_dict()
        record["event_id"] = linked.event_id
        mentions.append(record)
    actors = [
        {
            "start": m.start,
            "end": m.end,
            "text": m.text,
            **m.actor.to_dict(),
            "how": m.how,
            "is_place": m.is_place,
        }
        for m in found.actors
    ]
    times = [{**t.to_dict(), "precision": t.precision} for t in found.times]
    return {
        **found.article.to_dict(),
        "mentions": mentions,
        "actors": actors,
        "time_expressions": times,
    }
