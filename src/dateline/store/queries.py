"""Every query Dateline runs. Nothing else writes SQL."""

from __future__ import annotations

import json
from collections.abc import Iterable, Iterator, Sequence
from datetime import UTC, date, datetime, timedelta
from typing import Any

from sqlalchemy import Connection, Select, bindparam, func, select

from ..actors import Actor, ActorMention, LearnedPerson
from ..link import candidate_window, choose_event, merge_mentions, type_group
from ..models import Article, DatedSentence, Event, Evidence, day_of
from .schema import (
    actor_mentions,
    analyses,
    articles,
    event_mention_codes,
    event_mentions,
    learned_people,
    sentences,
)

__all__ = [
    "add_articles",
    "count_articles",
    "save_analysis",
    "select_actor_mentions",
    "select_dated_sentences",
    "select_events",
    "select_learned_people",
    "select_unanalysed",
]


def add_articles(connection: Connection, batch: Sequence[Article]) -> list[str]:
    """Insert the articles not stored yet; return the ids that were added.

    The same article twice in one batch is added once.
    """
    wanted = {article.id: article for article in batch}
    if not wanted:
        return []
    known = set(
        connection.execute(select(articles.c.id).where(articles.c.id.in_(wanted))).scalars()
    )
    new = [article for key, article in wanted.items() if key not in known]
    if not new:
        return []
    seq = connection.execute(select(func.coalesce(func.max(articles.c.seq), 0))).scalar_one()
    now = datetime.now(UTC)
    connection.execute(
        articles.insert(),
        [_row(article, now, seq + offset) for offset, article in enumerate(new, start=1)],
    )
    return [article.id for article in new]


def count_articles(connection: Connection) -> int:
    """How many articles are stored."""
    return connection.execute(select(func.count()).select_from(articles)).scalar_one()


def select_articles(
    connection: Connection,
    *,
    ids: Iterable[str] | None = None,
    since: str | None = None,
    until: str | None = None,
    outlet: str | None = None,
    limit: int | None = None,
) -> Iterator[Article]:
    """Stored articles in the order they were ingested, optionally filtered.

    ``since`` and ``until`` compare ISO dates, so "2020-11" selects all of
    November 2020 when given as both bounds.
    """
    query = select(articles).order_by(articles.c.seq)
    if ids is not None:
        query = query.where(articles.c.id.in_(list(ids)))
    if since:
        query = query.where(articles.c.published >= since)
    if until:
        query = query.where(articles.c.published <= until + "\uffff")
    if outlet:
        query = query.where(func.lower(articles.c.outlet) == outlet.lower())
    if limit is not None:
        query = query.limit(limit)
    for row in connection.execute(query).mappings():
        yield _article(row)


def _row(article: Article, now: datetime, seq: int) -> dict[str, Any]:
    data = article.to_dict()
    data["authors"] = json.dumps(data["authors"], ensure_ascii=False)
    data["ingested_at"] = now
    data["seq"] = seq
    return data


def _article(row: Any) -> Article:
    return Article(
        id=row["id"],
        file=row["file"],
        source=row["source"],
        body=row["body"],
        title=row["title"],
        published=row["published"],
        published_precision=row["published_precision"],
        published_source=row["published_source"],
        outlet=row["outlet"],
        authors=tuple(json.loads(row["authors"] or "[]")),
        url=row["url"],
        dateline_place=row["dateline_place"],
        language=row["language"],
    )


def select_unanalysed(connection: Connection) -> Iterator[Article]:
    """Stored articles whose analysis (parse, actors, ...) is not stored yet, in ingestion order."""
    done = select(analyses.c.article_id)
    query = select(articles).where(articles.c.id.not_in(done)).order_by(articles.c.seq)
    for row in connection.execute(query).mappings():
        yield _article(row)


def save_analysis(
    connection: Connection,
    article_id: str,
    mentions: Sequence[ActorMention],
    learned: Sequence[LearnedPerson],
    events: Sequence[Event] = (),
    dated: Sequence[DatedSentence] = (),
) -> None:
    """Store one article's actor mentions, the people it taught, its events (each linked to
    the event it tells of) and its dated sentences; mark it analysed."""
    if dated:
        connection.execute(sentences.insert(), [_sentence_row(s) for s in dated])
    for event in events:
        event_id = choose_event(event, _link_candidates(connection, event))
        if event_id is None:
            if not event.actors and not event.recipients:
                continue  # corroborates nothing stored: no event of its own
            event_id = event.id
        connection.execute(event_mentions.insert(), [_event_row(article_id, event, event_id)])
        codes = sorted({a.code for a in (*event.actors, *event.recipients)})
        if codes:
            last = event.date_end or event.date
            long = (
                last is not None
                and event.date is not None
                and (date.fromisoformat(last) - date.fromisoformat(event.date)).days
                > SHORT_EVENT_DAYS
            )
            connection.execute(
                event_mention_codes.insert(),
                [
                    {
                        "mention_id": event.id,
                        "code": c,
                        "date": event.date,
                        "last": last,
                        "long": long,
                    }
                    for c in codes
                ],
            )
    if mentions:
        connection.execute(actor_mentions.insert(), [_mention_row(article_id, m) for m in mentions])
    known = set(
        connection.execute(
            select(learned_people.c.name).where(
                learned_people.c.name.in_([p.name for p in learned])
            )
        ).scalars()
    )
    new = [person for person in learned if person.name not in known]
    if new:
        connection.execute(
            learned_people.insert(),
            [
                {
                    "name": person.name,
                    "record": json.dumps(person.to_record(), ensure_ascii=False),
                    "source_doc": person.source_doc,
                }
                for person in new
            ],
        )
    connection.execute(
        analyses.insert().values(article_id=article_id, analysed_at=datetime.now(UTC))
    )


def select_learned_people(connection: Connection) -> list[LearnedPerson]:
    """Every person learned from the corpus so far, with the article that taught it."""
    rows = connection.execute(select(learned_people.c.record)).scalars()
    return [LearnedPerson.from_record(json.loads(record)) for record in rows]


def select_actor_mentions(connection: Connection) -> Iterator[dict[str, Any]]:
    """Every stored actor mention that names an actor (not a place), as a record."""
    query = (
        select(actor_mentions)
        .where(actor_mentions.c.is_place.is_(False))
        .order_by(actor_mentions.c.id)
    )
    for row in connection.execute(query).mappings():
        record = dict(row)
        record["contexts"] = json.loads(record["contexts"] or "[]")
        yield record


def _mention_row(article_id: str, mention: ActorMention) -> dict[str, Any]:
    actor = mention.actor
    return {
        "article_id": article_id,
        "start": mention.start,
        "end": mention.end,
        "text": mention.text,
        "sentence": mention.sentence,
        "code": actor.code,
        "sector": actor.sector,
        "name": actor.name,
        "office": actor.office,
        "contexts": json.dumps(list(actor.contexts)),
        "how": mention.how,
        "is_place": mention.is_place,
    }


def select_events(
    connection: Connection,
    *,
    since: str | None = None,
    until: str | None = None,
    types: Iterable[str] | None = None,
) -> Iterator[Event]:
    """Stored events (each merged from all its mentions) in date order, undated last."""
    grouped: dict[str, list[Event]] = {}
    for row in connection.execute(
        _mentions_query().order_by(articles.c.seq, event_mentions.c.start)
    ).mappings():
        grouped.setdefault(row["event_id"], []).append(_event(row))
    wanted = set(types) if types else None
    events = [merge_mentions(mentions) for mentions in grouped.values()]
    events.sort(key=lambda e: (e.date is None, e.date or "", e.id))
    for event in events:
        if wanted is not None and event.type not in wanted:
            continue
        if since and (event.date_end or event.date or "") < since:
            continue
        if until and (event.date or "\uffff") > until + "\uffff":
            continue
        yield event


def _mentions_query() -> Select[Any]:
    return select(
        event_mentions,
        articles.c.file,
        articles.c.url,
        articles.c.published,
        articles.c.outlet,
    ).join(articles, articles.c.id == event_mentions.c.article_id)


def _link_candidates(connection: Connection, mention: Event) -> dict[str, list[Event]]:
    """Stored mentions an event could share with ``mention``: a shared actor code, a
    compatible type, nearby dates.

    Codes, dates and types are indexed, so this reads a handful of rows
    whatever the size of the store.
    """
    window = candidate_window(mention)
    codes = sorted({a.code for a in (*mention.actors, *mention.recipients)})
    if window is None:
        return {}
    if not codes:
        return _same_day_candidates(connection, mention)
    parameters = {
        "codes": codes,
        "types": sorted(type_group(mention.type)),
        "start": window[0],
        "end": window[1],
        "earliest": (date.fromisoformat(window[0]) - timedelta(days=SHORT_EVENT_DAYS)).isoformat(),
    }
    grouped: dict[str, list[Event]] = {}
    seen: set[str] = set()
    for query in (_CANDIDATES_BY_CODE, _LONG_CANDIDATES_BY_CODE):
        for row in connection.execute(query, parameters).mappings():
            if row["id"] not in seen:  # a mention sharing two codes comes twice
                seen.add(row["id"])
                grouped.setdefault(row["event_id"], []).append(_event(row))
    return grouped


# Mentions spanning more than this many days are "long": few, and looked up apart,
# so that the common short ones are found by a narrow scan of the index.
SHORT_EVENT_DAYS = 7

# Built once, so that SQLAlchemy compiles it once: linking runs it for every mention.
# The (code, long, date) index narrows to one actor's mentions of a few days, plus
# its few long ones; the queries start from that index so the planner uses it.
_CODES = event_mention_codes.c
_CANDIDATES_BY_CODE = (
    _mentions_query()
    .join(event_mention_codes, _CODES.mention_id == event_mentions.c.id)
    .where(
        _CODES.code.in_(bindparam("codes", expanding=True)),
        _CODES.long.is_(False),
        _CODES.date.between(bindparam("earliest"), bindparam("end")),
        _CODES.last >= bindparam("start"),
        event_mentions.c.type.in_(bindparam("types", expanding=True)),
    )
)
_LONG_CANDIDATES_BY_CODE = (
    _mentions_query()
    .join(event_mention_codes, _CODES.mention_id == event_mentions.c.id)
    .where(
        _CODES.code.in_(bindparam("codes", expanding=True)),
        _CODES.long.is_(True),
        _CODES.date <= bindparam("end"),
        _CODES.last >= bindparam("start"),
        event_mentions.c.type.in_(bindparam("types", expanding=True)),
    )
)


def _same_day_candidates(connection: Connection, mention: Event) -> dict[str, list[Event]]:
    """Stored mentions of a compatible type dated the very day ``mention`` is (by index)."""
    query = _mentions_query().where(
        event_mentions.c.date == mention.date,
        event_mentions.c.type.in_(sorted(type_group(mention.type))),
    )
    grouped: dict[str, list[Event]] = {}
    for row in connection.execute(query).mappings():
        grouped.setdefault(row["event_id"], []).append(_event(row))
    return grouped


def _event_row(article_id: str, event: Event, event_id: str) -> dict[str, Any]:
    [evidence] = event.mentions
    return {
        "id": event.id,
        "event_id": event_id,
        "article_id": article_id,
        "type": event.type,
        "mode": event.mode,
        "contexts": json.dumps(list(event.contexts)),
        "actors": json.dumps([a.to_dict() for a in event.actors], ensure_ascii=False),
        "recipients": json.dumps([a.to_dict() for a in event.recipients], ensure_ascii=False),
        "date": event.date,
        "date_end": event.date_end,
        "date_precision": event.date_precision,
        "date_source": event.date_source,
        "status": event.status,
        "speaker": event.speaker,
        "place_name": event.place_name,
        "place_country": event.place_country,
        "magnitude": json.dumps(dict(event.magnitude)),
        "confidence": event.confidence,
        "cameo": event.cameo,
        "goldstein": event.goldstein,
        "sentence": evidence.sentence,
        "start": evidence.start,
        "end": evidence.end,
        "trigger": evidence.trigger,
    }


def _event(row: Any) -> Event:
    evidence = Evidence(
        doc=row["article_id"],
        file=row["file"],
        sentence=row["sentence"],
        start=row["start"],
        end=row["end"],
        trigger=row["trigger"],
        url=row["url"],
        published=row["published"],
        outlet=row["outlet"],
    )
    return Event(
        id=row["id"],
        type=row["type"],
        mode=row["mode"],
        actors=tuple(Actor.from_dict(a) for a in json.loads(row["actors"])),
        recipients=tuple(Actor.from_dict(a) for a in json.loads(row["recipients"])),
        date=row["date"],
        date_end=row["date_end"],
        date_precision=row["date_precision"],
        date_source=row["date_source"],
        status=row["status"],
        mentions=(evidence,),
        contexts=tuple(json.loads(row["contexts"])),
        speaker=row["speaker"],
        place_name=row["place_name"],
        place_country=row["place_country"],
        magnitude=tuple(json.loads(row["magnitude"]).items()),
        confidence=row["confidence"],
        cameo=row["cameo"],
        goldstein=row["goldstein"],
    )


def select_dated_sentences(
    connection: Connection, *, since: str | None = None, until: str | None = None
) -> list[DatedSentence]:
    """Every stored sentence with its dates, for articles published within the range
    (articles without a publication day are always included)."""
    query = (
        select(sentences, articles.c.body, articles.c.published)
        .join(articles, articles.c.id == sentences.c.article_id)
        .order_by(articles.c.seq, sentences.c.number)
    )
    found = []
    for row in connection.execute(query).mappings():
        published = day_of(row["published"])
        if published and since and published.isoformat() < since:
            continue
        if published and until and published.isoformat()[: len(until)] > until:
            continue
        found.append(
            DatedSentence(
                article_id=row["article_id"],
                published=published,
                number=row["number"],
                text=row["body"][row["start"] : row["end"]],
                start=row["start"],
                end=row["end"],
                dates=tuple(
                    (date.fromisoformat(a), date.fromisoformat(b), p)
                    for a, b, p in json.loads(row["dates"])
                ),
            )
        )
    return found


def _sentence_row(sentence: DatedSentence) -> dict[str, Any]:
    return {
        "article_id": sentence.article_id,
        "number": sentence.number,
        "start": sentence.start,
        "end": sentence.end,
        "dates": json.dumps([[a.isoformat(), b.isoformat(), p] for a, b, p in sentence.dates]),
    }
