"""The library's front door: :class:`Store`, what the CLI and the web app call."""

from __future__ import annotations

from collections.abc import Iterable, Iterator
from dataclasses import replace
from datetime import date
from functools import cached_property
from itertools import islice
from typing import TYPE_CHECKING, Any

from sqlalchemy import Engine

from . import pipeline
from .actors import ActorMention, LearnedPerson
from .export.flat import EVENT_COLUMNS, event_record
from .models import Article, DatedSentence, Event
from .scale import DaskOptions
from .settings import Settings, load_settings
from .sources import FieldMap
from .store import event_queries, open_engine, refuse_read_only
from .store.article_queries import Span, actor_mentions_within
from .store.event_queries import ArticleMentions
from .store.linking import RelinkReport, lock_links, relink
from .store.profile_queries import MonthCount, count_by_month_and_type, top_partners
from .store.queries import (
    count_articles,
    select_actor_mentions,
    select_articles,
    select_dated_sentences,
    select_failed,
    select_learned_people,
)
from .store.story_queries import MapPoint, Overview, place_points, select_overview
from .store.summary_queries import select_day_events, select_naming_sentences
from .timeline import TimelineEntry, TimelineQuery, summarize
from .timeline.summary.question import sentences_about

if TYPE_CHECKING:
    import pandas

__all__ = ["EVENT_COLUMNS", "Store", "event_record"]


class Store:
    """A Dateline database and the operations on it.

    ``Store()`` opens ``dateline.db`` (or ``$DATELINE_DB``); ``Store("x.db")``
    or ``Store("postgresql://...")`` open another; ``Store(settings)`` uses a
    full :class:`~dateline.settings.Settings`. ``create=False`` opens only a
    database that exists (what read-only commands want: a mistyped path is
    a :class:`~dateline.errors.StoreError`, "no such database", never a new
    empty database).

    >>> store = Store("sqlite:///:memory:")
    >>> store.count_articles()
    0
    """

    def __init__(self, settings: Settings | str | None = None, *, create: bool = True) -> None:
        self.create = create
        if isinstance(settings, Settings):
            self.settings = settings
        else:
            self.settings = load_settings({"db": settings} if settings else None)

    @cached_property
    def engine(self) -> Engine:
        """The database, created when missing unless the store was opened with ``create=False``."""
        return open_engine(self.settings.db, create=self.create)

    def ingest(
        self,
        inputs: Iterable[str] | str,
        *,
        fields: FieldMap | None = None,
        progress: bool = False,
        retry_failed: bool = False,
        dask: DaskOptions | None = None,
        on_progress: pipeline.Progress | None = None,
    ) -> pipeline.IngestReport:
        """Read, clean and store the articles in ``inputs`` (paths, folders, URLs, ``-``), then analyse them.

        With ``dask`` (:class:`~dateline.scale.DaskOptions`), the articles are
        analysed on a Dask cluster, with the same results.
        Articles already stored (same cleaned text) are counted as unchanged.
        Analysis (parse, actors) runs on every stored article that lacks it,
        so an interrupted run is completed by the next one. An article whose
        analysis failed is reported and recorded, and not tried again unless
        ``retry_failed``. ``on_progress(step, done, total)`` is told each input read
        (step "reading") and, without ``dask``, each article analysed ("analysing").
        """
        if isinstance(inputs, str):
            inputs = [inputs]
        report = pipeline.ingest(
            inputs,
            self.settings,
            self.engine,
            fields=fields,
            progress=progress,
            on_progress=on_progress,
        )
        if report.interrupted:
            return report
        try:
            analysis = self._analyse(
                progress=progress, retry_failed=retry_failed, dask=dask, on_progress=on_progress
            )
        except KeyboardInterrupt as stop:
            # What was analysed before the interruption is stored: count it.
            done = stop.analysis if isinstance(stop, pipeline.AnalysisInterrupted) else None
            analysis = done or pipeline.Analysis()
            report = replace(report, interrupted=True)
        return replace(
            report,
            analysed=analysis.analysed,
            analysis_failures=analysis.failures,
            notes=report.notes + analysis.notes,
        )

    def analyse(
        self, *, progress: bool = False, retry_failed: bool = False, dask: DaskOptions | None = None
    ) -> int:
        """Analyse the stored articles that lack it; return how many were analysed (failures
        are recorded: see :meth:`failed_articles`)."""
        return self._analyse(progress=progress, retry_failed=retry_failed, dask=dask).analysed

    def _analyse(
        self,
        *,
        progress: bool,
        retry_failed: bool,
        dask: DaskOptions | None,
        on_progress: pipeline.Progress | None = None,
    ) -> pipeline.Analysis:
        if dask is None:
            return pipeline.analyse(
                self.settings,
                self.engine,
                progress=progress,
                retry_failed=retry_failed,
                on_progress=on_progress,
            )
        from .scale import analyse_on_dask

        return analyse_on_dask(
            self.settings, self.engine, dask, progress=progress, retry_failed=retry_failed
        )

    def failed_articles(self) -> list[tuple[Article, str]]:
        """Stored articles whose analysis failed, each with the reason."""
        with self.engine.connect() as connection:
            return list(select_failed(connection))

    def articles(self, **filters: Any) -> list[Article]:
        """Stored articles in ingestion order; filters: ids, since, until, outlet, limit."""
        with self.engine.connect() as connection:
            return list(select_articles(connection, **filters))

    def count_articles(self) -> int:
        """How many articles are stored."""
        with self.engine.connect() as connection:
            return count_articles(connection)

    def events(
        self,
        query: TimelineQuery | None = None,
        *,
        limit: int | None = None,
        descending: bool = False,
        **filters: Any,
    ) -> list[Event]:
        """Stored events answering ``query`` in date order (undated last; the reverse with
        ``descending``), each with all its mentions; at most ``limit``.

        Filters are the fields of :class:`~dateline.timeline.TimelineQuery`, as a
        query or as keywords (keywords win): actors, dyad, types, quad_classes,
        sectors, statuses, since, until, outlet, text, include_negated. Negated
        events are left out unless asked for.

        >>> Store("sqlite:///:memory:").events(dyad="AZE,ARM", since="2020-11")
        []
        """
        query = TimelineQuery.of(query, **filters)
        with self.engine.connect() as connection:
            return event_queries.select_events(
                connection, query, limit=limit, descending=descending
            )

    def timeline(
        self,
        query: TimelineQuery | None = None,
        *,
        limit: int | None = None,
        descending: bool = False,
        **filters: Any,
    ) -> list[Event]:
        """The events of a timeline: the same as :meth:`events`."""
        return self.events(query, limit=limit, descending=descending, **filters)

    def events_page(
        self,
        query: TimelineQuery | None = None,
        *,
        limit: int = 50,
        after: str | None = None,
        descending: bool = False,
        **filters: Any,
    ) -> tuple[list[Event], str | None]:
        """One page of :meth:`events` and the cursor of the next (None after the last).

        Pass the cursor back as ``after`` for the next page; pages never repeat or
        skip an event, however deep.

        >>> store = Store("sqlite:///:memory:")
        >>> page, after = store.events_page(limit=50)
        >>> while after:                                  # doctest: +SKIP
        ...     page, after = store.events_page(limit=50, after=after)
        """
        query = TimelineQuery.of(query, **filters)
        with self.engine.connect() as connection:
            return event_queries.events_page(
                connection, query, limit=limit, after=after, descending=descending
            )

    def iter_events(
        self, query: TimelineQuery | None = None, *, limit: int | None = None, **filters: Any
    ) -> Iterator[Event]:
        """The events of :meth:`events`, read a page at a time (for exports of any size)."""
        query = TimelineQuery.of(query, **filters)
        with self.engine.connect() as connection:
            found = event_queries.iter_events(connection, query)
            yield from found if limit is None else islice(found, limit)

    def count_events(self, query: TimelineQuery | None = None, **filters: Any) -> int:
        """How many stored events answer ``query`` (the filters of :meth:`events`)."""
        query = TimelineQuery.of(query, **filters)
        with self.engine.connect() as connection:
            return event_queries.count_events(connection, query)

    def event_counts(self, query: TimelineQuery | None = None, **filters: Any) -> list[MonthCount]:
        """How many events answer ``query`` (the filters of :meth:`events`), by month of
        their first day and by type: ``(month, type, count)``, the month ``None`` for
        events undated or dated only to a year; counted in the database.

        >>> Store("sqlite:///:memory:").event_counts(actors="AZE")
        []
        """
        query = TimelineQuery.of(query, **filters)
        with self.engine.connect() as connection:
            return count_by_month_and_type(connection, query)

    def partners(
        self, code: str, query: TimelineQuery | None = None, *, limit: int = 15, **filters: Any
    ) -> list[tuple[str, int]]:
        """The actors most often on the other side of ``code``'s events (among those
        answering the filters of :meth:`events`), with how many events each: the
        recipients when it acts (the other actors when an event has no recipients), the
        actors when it receives; the most frequent first, at most ``limit``."""
        query = TimelineQuery.of(query, **filters)
        with self.engine.connect() as connection:
            return top_partners(connection, code, query, limit=limit)

    def overview(self, query: TimelineQuery | None = None, **filters: Any) -> Overview:
        """What the story of the events answering the filters of :meth:`events` looks like:
        the news window (first and last publication days), the news by day and quad
        class, the most active actors and dyads, and how many events are background;
        counted in the database."""
        query = TimelineQuery.of(query, **filters)
        with self.engine.connect() as connection:
            return select_overview(connection, query)

    def places(
        self, query: TimelineQuery | None = None, *, limit: int = 2000, **filters: Any
    ) -> list[MapPoint]:
        """The geocoded places of the events answering the filters of :meth:`events`, each
        with its events by quad class, the busiest ``limit``; counted in the database."""
        query = TimelineQuery.of(query, **filters)
        with self.engine.connect() as connection:
            return place_points(connection, query, limit=limit)

    def event(self, event_id: str) -> Event | None:
        """The stored event ``event_id`` with all its mentions, or None."""
        with self.engine.connect() as connection:
            return event_queries.event(connection, event_id)

    def article(self, article_id: str) -> ArticleMentions | None:
        """The stored article ``article_id`` with the event mentions coded in it (each
        with the id of the event it tells of), its actor mentions and its time
        expressions, or None."""
        with self.engine.connect() as connection:
            return event_queries.article(connection, article_id)

    def actor_mentions_within(self, spans: Iterable[Span]) -> dict[Span, list[ActorMention]]:
        """The actor mentions (not places) inside each ``(article id, start, end)`` span
        of a body, in text order: how the actors of an event's sentences were recognised."""
        with self.engine.connect() as connection:
            return actor_mentions_within(connection, spans)

    def summary(
        self,
        query: TimelineQuery | None = None,
        *,
        dates: int,
        sentences: int,
        since: date | None = None,
        until: date | None = None,
        **filters: Any,
    ) -> list[TimelineEntry]:
        """The ``dates`` most important days of the stored story, ``sentences`` sentences each
        (days ranked by the learnt date ranker, over what the articles and the events
        dated on each day say of it).

        The timeline's filters (``query``, or the keywords of :meth:`events`) ask a
        question: ``actors="SYR"`` gives the key dates of Syria, read only from the
        sentences about it (those telling an event that answers the filters, naming an
        actor asked, or holding the words or the place asked)."""
        query = TimelineQuery.of(query, **filters)
        days = query.days
        since, until = since or days.first, until or days.last
        dated = self.dated_sentences()
        with self.engine.connect() as connection:
            if query.asks_only_dates:
                told = select_day_events(connection, since=since, until=until)
            else:
                told = select_day_events(connection, since=since, until=until, question=query)
                named = _naming(connection, query)
                words = [*(query.text or "").split(), *([query.place] if query.place else [])]
                dated = sentences_about(dated, told, named=named, words=words)
        return summarize(
            dated, dates=dates, per_date=sentences, since=since, until=until, events=told
        )

    def dated_sentences(
        self, since: str | None = None, until: str | None = None
    ) -> list[DatedSentence]:
        """Every stored sentence with the days it names (for timeline summaries)."""
        with self.engine.connect() as connection:
            return select_dated_sentences(connection, since=since, until=until)

    def actor_mentions(self) -> list[dict[str, Any]]:
        """Every stored actor mention, as records with the actor's fields and ``how``."""
        with self.engine.connect() as connection:
            return list(select_actor_mentions(connection))

    def learned_people(self) -> list[LearnedPerson]:
        """People learned from titles and appositions, with the article that taught each."""
        with self.engine.connect() as connection:
            return select_learned_people(connection)

    def to_pandas(self, query: TimelineQuery | None = None, **filters: Any) -> pandas.DataFrame:
        """The stored events (the filters of :meth:`events`) as a pandas DataFrame, one row
        an event (needs the ``pandas`` extra).

        Actors and recipients are lists of ``"CODE SECTOR name"`` labels; ``sources``
        counts outlets, ``mentions`` sentences.

        >>> frame = Store("sqlite:///:memory:").to_pandas()
        >>> len(frame), list(frame.columns)  # doctest: +NORMALIZE_WHITESPACE
        (0, ['id', 'type', 'mode', 'quad_class', 'date', 'date_end', 'date_precision',
             'date_source', 'status', 'actors', 'recipients', 'speaker', 'place_name',
             'place_country', 'place_admin1', 'place_lat', 'place_lon', 'place_source',
             'place_geonameid', 'magnitude', 'confidence', 'cameo', 'goldstein', 'sources', 'mentions',
             'disagreements'])
        """
        try:
            import pandas
        except ImportError:
            from .errors import ConfigError

            raise ConfigError("to_pandas needs pandas: pip install 'dateline[pandas]'") from None
        rows = [event_record(e) for e in self.iter_events(query, **filters)]
        return pandas.DataFrame(rows, columns=list(EVENT_COLUMNS))

    def relink(self) -> RelinkReport:
        """Rebuild every event from the stored mentions (after a change of the link rules),
        in one transaction; relinking again changes nothing."""
        refuse_read_only(self.engine, "relink")
        with self.engine.begin() as connection:
            lock_links(connection)
            return relink(connection)

    def close(self) -> None:
        """Release the database connections."""
        if "engine" in self.__dict__:
            self.engine.dispose()


def _naming(connection: Any, query: TimelineQuery) -> set[tuple[str, int]]:
    """The sentences naming the actors a question asks (both sides of its dyad), when it
    asks nothing else of the events that a sentence naming them would not answer."""
    narrower = (query.types, query.quad_classes, query.sectors, query.statuses, query.outlet)
    if any(narrower) or query.place or not (query.actors or query.dyad):
        return set()
    named = select_naming_sentences(connection, query.actors) if query.actors else None
    for code in query.dyad or ():
        side = select_naming_sentences(connection, [code])
        named = side if named is None else named & side
    return named or set()
