"""Every query Dateline runs but those of events (:mod:`.event_queries`). Nothing else
writes SQL."""

from __future__ import annotations

import json
from collections import Counter
from collections.abc import Iterable, Iterator, Sequence
from datetime import UTC, date, datetime
from typing import Any

from sqlalchemy import Connection, func, select

from ..actors import ActorMention, LearnedPerson
from ..models import Article, ArticleAnalysis, DatedSentence, Event, day_of
from ..query import day_range
from ..time.values import TimeValue
from .dates import iso_text_touches
from .linking import lock_links, save_mentions
from .rows import article_from_row, time_row
from .schema import (
    actor_mentions,
    analyses,
    analysis_failures,
    articles,
    proposed_people,
    sentences,
    time_expressions,
)

__all__ = [
    "add_articles",
    "count_articles",
    "forget_failures",
    "record_failure",
    "save_analyses",
    "save_analysis",
    "select_actor_mentions",
    "select_dated_sentences",
    "select_failed",
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

    ``since`` and ``until`` mean what they mean for events (:mod:`.dates`):
    articles published on a day from the first day of ``since`` through the
    last of ``until``, so "2020-11" as both selects all of November 2020; an
    article without a publication date never matches.
    """
    query = select(articles).order_by(articles.c.seq)
    if ids is not None:
        query = query.where(articles.c.id.in_(list(ids)))
    query = query.where(*iso_text_touches(articles.c.published, day_range(since, until)))
    if outlet:
        query = query.where(func.lower(articles.c.outlet) == outlet.lower())
    if limit is not None:
        query = query.limit(limit)
    for row in connection.execute(query).mappings():
        yield article_from_row(row)


def _row(article: Article, now: datetime, seq: int) -> dict[str, Any]:
    data = article.to_dict()
    data["authors"] = json.dumps(data["authors"], ensure_ascii=False)
    data["ingested_at"] = now
    data["seq"] = seq
    return data


def select_unanalysed(connection: Connection) -> Iterator[Article]:
    """Stored articles whose analysis (parse, actors, ...) is not stored yet, in ingestion
    order; those whose analysis failed are left out (see :func:`forget_failures`)."""
    done = select(analyses.c.article_id)
    failed = select(analysis_failures.c.article_id)
    query = (
        select(articles)
        .where(articles.c.id.not_in(done), articles.c.id.not_in(failed))
        .order_by(articles.c.seq)
    )
    for row in connection.execute(query).mappings():
        yield article_from_row(row)


def record_failure(connection: Connection, article_id: str, reason: str) -> None:
    """Note that the analysis of an article failed, and why (the latest reason wins)."""
    known = connection.execute(
        select(analysis_failures.c.article_id).where(analysis_failures.c.article_id == article_id)
    ).first()
    values = {"reason": reason, "failed_at": datetime.now(UTC)}
    if known:
        connection.execute(
            analysis_failures.update()
            .where(analysis_failures.c.article_id == article_id)
            .values(**values)
        )
    else:
        connection.execute(analysis_failures.insert().values(article_id=article_id, **values))


def forget_failures(connection: Connection) -> int:
    """Forget every failed analysis, so that the next one tries those articles again;
    return how many."""
    return connection.execute(analysis_failures.delete()).rowcount


def select_failed(connection: Connection) -> Iterator[tuple[Article, str]]:
    """Stored articles whose analysis failed, with the reason, in ingestion order."""
    query = (
        select(articles, analysis_failures.c.reason)
        .join(analysis_failures, analysis_failures.c.article_id == articles.c.id)
        .order_by(articles.c.seq)
    )
    for row in connection.execute(query).mappings():
        yield article_from_row(row), row["reason"]


def save_analysis(
    connection: Connection,
    article_id: str,
    mentions: Sequence[ActorMention],
    people: Sequence[LearnedPerson],
    events: Sequence[Event] = (),
    dated: Sequence[DatedSentence] = (),
    times: Sequence[TimeValue] = (),
) -> bool:
    """Store one article's actor mentions, the people it taught, its event mentions (each
    linked to the event it tells of), its dated sentences and its time expressions; mark
    it analysed.

    Takes the link lock first, so writers take turns. Returns False, writing
    nothing, when another process stored the article's analysis meanwhile.
    """
    found = ArticleAnalysis(list(events), list(mentions), list(dated), list(people), list(times))
    return bool(save_analyses(connection, [(article_id, found)]))


def save_analyses(
    connection: Connection, analysed: Sequence[tuple[str, ArticleAnalysis]]
) -> list[str]:
    """Store the analyses of several articles (article id, its analysis) as
    :func:`save_analysis` stores one, their event mentions linked in one step; return
    the ids of the articles stored (not those another process stored meanwhile)."""
    lock_links(connection)
    wanted = [article_id for article_id, _ in analysed]
    done = set(
        connection.execute(
            select(analyses.c.article_id).where(analyses.c.article_id.in_(wanted))
        ).scalars()
    )
    fresh = [(article_id, found) for article_id, found in analysed if article_id not in done]
    for article_id, found in fresh:
        _write_article(connection, article_id, found)
    save_mentions(connection, {article_id: found.events for article_id, found in fresh})
    if fresh:
        stamp = datetime.now(UTC)
        connection.execute(
            analyses.insert(), [{"article_id": key, "analysed_at": stamp} for key, _ in fresh]
        )
    return [article_id for article_id, _ in fresh]


def _write_article(connection: Connection, article_id: str, found: ArticleAnalysis) -> None:
    """Everything of one article's analysis but its event mentions."""
    if found.dated:
        connection.execute(sentences.insert(), [_sentence_row(s) for s in found.dated])
    if found.times:
        connection.execute(
            time_expressions.insert(), [time_row(article_id, t) for t in found.times]
        )
    if found.actor_mentions:
        connection.execute(
            actor_mentions.insert(), [_mention_row(article_id, m) for m in found.actor_mentions]
        )
    taught = {person.name: person for person in found.people}
    if taught:
        connection.execute(
            proposed_people.insert(),
            [
                {
                    "article_id": article_id,
                    "name": name,
                    "record": json.dumps(person.to_record(), ensure_ascii=False),
                }
                for name, person in taught.items()
            ],
        )


def select_learned_people(connection: Connection) -> list[LearnedPerson]:
    """Every person the stored articles taught, one per name, whatever order they came in.

    Where articles disagree on who a name is, the reading most of them give
    wins (ties: the one of the smallest article id), with that article as
    its evidence.
    """
    query = select(
        proposed_people.c.article_id, proposed_people.c.name, proposed_people.c.record
    ).order_by(proposed_people.c.name, proposed_people.c.article_id)
    readings: dict[str, list[LearnedPerson]] = {}
    for _article_id, name, record in connection.execute(query):
        readings.setdefault(name, []).append(LearnedPerson.from_record(json.loads(record)))
    return [_agreed(found) for found in readings.values()]


def _agreed(readings: list[LearnedPerson]) -> LearnedPerson:
    votes = Counter(person.actor for person in readings)
    return next(person for person in readings if votes[person.actor] == max(votes.values()))


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


def select_dated_sentences(
    connection: Connection, *, since: str | None = None, until: str | None = None
) -> list[DatedSentence]:
    """Every stored sentence with its dates, for articles published within the range
    (articles without a publication day are always included)."""
    # Each body is read once and cut into its sentences, not once per sentence.
    days = day_range(since, until)
    bodies: dict[str, tuple[str, date | None]] = {}
    everything = select(articles.c.id, articles.c.body, articles.c.published)
    for article_id, body, stamp in connection.execute(everything):
        published = day_of(stamp)
        if published and days.first and published < days.first:
            continue
        if published and days.last and published > days.last:
            continue
        bodies[article_id] = (body, published)
    query = (
        select(sentences)
        .join(articles, articles.c.id == sentences.c.article_id)
        .order_by(articles.c.seq, sentences.c.number)
    )
    found = []
    for row in connection.execute(query).mappings():
        if row["article_id"] not in bodies:
            continue
        body, published = bodies[row["article_id"]]
        found.append(
            DatedSentence(
                article_id=row["article_id"],
                published=published,
                number=row["number"],
                text=body[row["start"] : row["end"]],
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
