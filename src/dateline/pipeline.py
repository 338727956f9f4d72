"""Sequences the stages; does no work of its own.

Ingest, step by step:

1. ``sources.expand_inputs``: paths, folders, globs, URLs, ``-`` become locations;
2. ``sources.read_location``: each location yields raw documents (or errors);
3. ``clean.clean``: each raw document becomes an :class:`~dateline.models.Article`;
4. ``store.queries.add_articles``: articles are written in batches, one
   transaction a batch, so an interrupted run leaves whole batches behind and
   running it again adds exactly what is missing.

Errors of one input are collected in the report and the batch goes on.

Analyse, step by step (for every stored article not analysed yet, in
ingestion order, so that people learned in one article are known in the
next):

1. ``nlp.parse_many``: spaCy parses the bodies in batches;
2. ``time.tag_doc``: every date in the text, read against the publication day;
3. ``actors.resolve_doc``: actor mentions, learning new people as it goes;
4. ``events.coding.code_events``: PLOVER events with resolved actors and dates;
5. ``timeline.summary.build.dated_sentences_of``: each sentence with its days;
6. ``store.queries.save_analysis``: one transaction per article, which links
   each event to the event it tells of (``link``) and marks the article
   analysed; an interrupted run resumes with the next article.
"""

from __future__ import annotations

import logging
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from datetime import date
from typing import TYPE_CHECKING

from sqlalchemy import Engine
from sqlalchemy.exc import IntegrityError, SQLAlchemyError
from tqdm import tqdm

if TYPE_CHECKING:
    from .events.similarity import SentenceTyper

from .actors import ActorMemory, resolve_doc
from .clean import clean
from .errors import CleanError, DatelineError, SourceError, StoreError
from .events.coding import code_events
from .models import Article
from .nlp import parse_many
from .settings import Settings
from .sources import FieldMap, expand_inputs, read_location
from .store.queries import (
    add_articles,
    save_analysis,
    select_learned_people,
    select_unanalysed,
)
from .time import TimeValue, tag_doc
from .timeline.summary.build import dated_sentences_of

__all__ = ["IngestReport", "analyse", "ingest"]

log = logging.getLogger(__name__)

BATCH_SIZE = 50


@dataclass(frozen=True)
class IngestReport:
    """What an ingest did: counts, and every failure with its reason."""

    read: int = 0
    added: int = 0
    unchanged: int = 0
    failures: tuple[str, ...] = ()
    notes: tuple[str, ...] = ()
    added_ids: tuple[str, ...] = ()
    analysed: int = 0
    interrupted: bool = False

    @property
    def failed(self) -> int:
        return len(self.failures)

    def summary(self) -> str:
        """One line: read, added, unchanged, failed, analysed."""
        line = (
            f"read {self.read}, added {self.added}, unchanged {self.unchanged}, "
            f"failed {self.failed}; analysed {self.analysed}"
        )
        return line + " (interrupted)" if self.interrupted else line


@dataclass
class _Tally:
    read: int = 0
    unchanged: int = 0
    failures: list[str] = field(default_factory=list)
    notes: list[str] = field(default_factory=list)
    added_ids: list[str] = field(default_factory=list)

    def report(self, interrupted: bool) -> IngestReport:
        return IngestReport(
            read=self.read,
            added=len(self.added_ids),
            unchanged=self.unchanged,
            failures=tuple(self.failures),
            notes=tuple(self.notes),
            added_ids=tuple(self.added_ids),
            interrupted=interrupted,
        )


def ingest(
    inputs: Iterable[str],
    settings: Settings,
    engine: Engine,
    *,
    fields: FieldMap | None = None,
    progress: bool = False,
) -> IngestReport:
    """Read, clean and store every article found in ``inputs``."""
    fields = fields or FieldMap()
    tally = _Tally()
    batch: list[Article] = []
    locations = list(expand_inputs(inputs))
    bar = tqdm(total=len(locations), unit="input", disable=not progress, leave=False)
    try:
        for location in locations:
            if isinstance(location, SourceError):
                tally.failures.append(str(location))
                bar.update(1)
                continue
            bar.set_postfix_str(_short(location), refresh=False)
            for article in _articles_of(location, settings, fields, tally):
                batch.append(article)
                if len(batch) >= BATCH_SIZE:
                    _flush(engine, batch, tally)
            bar.update(1)
        _flush(engine, batch, tally)
    except KeyboardInterrupt:
        log.warning("interrupted: the batch being written was rolled back")
        return tally.report(interrupted=True)
    finally:
        bar.close()
    return tally.report(interrupted=False)


def _articles_of(
    location: str, settings: Settings, fields: FieldMap, tally: _Tally
) -> Iterable[Article]:
    for item in read_location(location, settings, fields):
        if isinstance(item, DatelineError):
            tally.failures.append(str(item))
            continue
        tally.read += 1
        tally.notes.extend(f"{item.source}: {note}" for note in item.notes)
        try:
            yield clean(item, settings)
        except CleanError as error:
            tally.failures.append(str(error))


def _flush(engine: Engine, batch: list[Article], tally: _Tally) -> None:
    if not batch:
        return
    for attempt in (1, 2):
        try:
            with engine.begin() as connection:
                added = add_articles(connection, batch)
            break
        except IntegrityError:
            # Another process stored some of these meanwhile; look again once.
            if attempt == 2:
                raise
        except SQLAlchemyError as error:
            raise StoreError(f"cannot write articles: {error}") from None
    tally.added_ids.extend(added)
    tally.unchanged += len(batch) - len(added)
    batch.clear()


def analyse(settings: Settings, engine: Engine, *, progress: bool = False) -> int:
    """Parse, date, resolve and code every stored article not analysed yet; return how many.

    Raises KeyboardInterrupt after keeping the articles already done.
    """
    with engine.connect() as connection:
        pending = list(select_unanalysed(connection))
        memory = ActorMemory(select_learned_people(connection))
    if not pending:
        return 0
    typer = _sentence_typer(settings)
    docs = parse_many((article.body for article in pending), settings, size_hint=len(pending))
    done = 0
    with tqdm(total=len(pending), unit="article", disable=not progress, leave=False) as bar:
        for article, doc in zip(pending, docs, strict=True):
            anchor = article.published_date or date.today()
            time_values = tag_doc(doc, anchor)
            mentions = resolve_doc(doc, article.published_date, memory, source=article.id)
            learned = memory.taught_here()
            events = code_events(doc, article, memory, time_values, anchor=anchor, typer=typer)
            # Without a publication day, relative dates were read against today: keep only
            # the dates the text spells out.
            trusted = time_values if article.published_date else _absolute(time_values)
            dated = dated_sentences_of(doc, article.id, article.published_date, trusted)
            try:
                with engine.begin() as connection:
                    save_analysis(connection, article.id, mentions, learned, events, dated)
            except IntegrityError:
                log.info("%s was analysed by another process meanwhile", article.id)
            except SQLAlchemyError as error:
                raise StoreError(f"cannot write the analysis of {article.file}: {error}") from None
            done += 1
            bar.update(1)
    return done


def _absolute(values: Sequence[TimeValue]) -> list[TimeValue]:
    return [value for value in values if value.anchoring == "absolute"]


def _sentence_typer(settings: Settings) -> SentenceTyper | None:
    if not settings.event_embeddings:
        return None
    from .events.similarity import SentenceTyper

    return SentenceTyper()


def _short(location: str, width: int = 40) -> str:
    return location if len(location) <= width else "…" + location[-(width - 1) :]
