"""The library's front door: :class:`Store`, what the CLI and the web app call."""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import replace
from datetime import date
from functools import cached_property
from typing import TYPE_CHECKING, Any

from sqlalchemy import Engine

from . import pipeline
from .actors import LearnedPerson
from .models import Article, DatedSentence, Event
from .settings import Settings, load_settings
from .sources import FieldMap
from .store import open_engine
from .store.event_queries import select_events
from .store.queries import (
    count_articles,
    select_actor_mentions,
    select_articles,
    select_dated_sentences,
    select_failed,
    select_learned_people,
)
from .timeline import TimelineEntry, TimelineQuery, select, summarize

if TYPE_CHECKING:
    import pandas

__all__ = ["Store"]


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
    ) -> pipeline.IngestReport:
        """Read, clean and store the articles in ``inputs`` (paths, folders, URLs, ``-``), then analyse them.

        Articles already stored (same cleaned text) are counted as unchanged.
        Analysis (parse, actors) runs on every stored article that lacks it,
        so an interrupted run is completed by the next one. An article whose
        analysis failed is reported and recorded, and not tried again unless
        ``retry_failed``.
        """
        if isinstance(inputs, str):
            inputs = [inputs]
        report = pipeline.ingest(
            inputs, self.settings, self.engine, fields=fields, progress=progress
        )
        if report.interrupted:
            return report
        try:
            analysis = pipeline.analyse(
                self.settings, self.engine, progress=progress, retry_failed=retry_failed
            )
        except KeyboardInterrupt:
            return replace(report, interrupted=True)
        return replace(
            report,
            analysed=analysis.analysed,
            analysis_failures=analysis.failures,
            notes=report.notes + analysis.notes,
        )

    def analyse(self, *, progress: bool = False, retry_failed: bool = False) -> int:
        """Analyse the stored articles that lack it; return how many were analysed (failures
        are recorded: see :meth:`failed_articles`)."""
        analysis = pipeline.analyse(
            self.settings, self.engine, progress=progress, retry_failed=retry_failed
        )
        return analysis.analysed

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

    def events(self, **filters: Any) -> list[Event]:
        """Stored events in date order; filters: since, until, types."""
        with self.engine.connect() as connection:
            return list(select_events(connection, **filters))

    def timeline(self, query: TimelineQuery | None = None, **filters: Any) -> list[Event]:
        """Events in date order that answer ``query`` (or the same fields as keywords:
        actors, dyad, types, quad_classes, since, until, outlet, text)."""
        query = query or TimelineQuery(**filters)
        return list(select(self.events(), query))

    def summary(
        self,
        *,
        dates: int,
        sentences: int,
        since: date | None = None,
        until: date | None = None,
    ) -> list[TimelineEntry]:
        """The ``dates`` most important days of the stored story, ``sentences`` sentences each."""
        dated = self.dated_sentences()
        return summarize(dated, dates=dates, per_date=sentences, since=since, until=until)

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

    def to_pandas(self) -> pandas.DataFrame:
        """The stored articles as a pandas DataFrame (needs the ``pandas`` extra)."""
        try:
            import pandas
        except ImportError:
            from .errors import ConfigError

            raise ConfigError("to_pandas needs pandas: pip install 'dateline[pandas]'") from None
        return pandas.DataFrame([article.to_dict() for article in self.articles()])

    def close(self) -> None:
        """Release the database connections."""
        if "engine" in self.__dict__:
            self.engine.dispose()
