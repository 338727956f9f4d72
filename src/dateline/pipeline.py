"""Sequences the stages; does no work of its own.

Ingest, step by step:

1. ``sources.expand_inputs``: paths, folders, globs, URLs, ``-`` become locations;
2. ``sources.read_location``: each location yields raw documents (or errors);
3. ``clean.clean``: each raw document becomes an :class:`~dateline.models.Article`;
4. ``store.queries.add_articles``: articles are written in batches, one
   transaction a batch, so an interrupted run leaves whole batches behind and
   running it again adds exactly what is missing.

Errors of one input are collected in the report and the batch goes on.

Analyse, step by step, for every stored article not analysed yet (each on
its own: what one article teaches about people is proposed for the corpus,
never used in the next, so an article's analysis is the same whatever came
before it):

1. ``nlp.parse_each``: spaCy parses the bodies in batches (in worker processes
   that die with this one, for large inputs);
2. ``time.tag_doc``: every date in the text, read against the publication day
   (without one, only the dates the text spells out);
3. ``actors.resolve_doc``: actor mentions, learning the article's people as it goes;
4. ``events.coding.code_events``: PLOVER events with resolved actors and dates;
5. ``timeline.summary.build.dated_sentences_of``: each sentence with its days;
6. ``store.queries.save_analyses``: one transaction per batch of articles
   (their time expressions, actor mentions, event mentions, dated
   sentences), under the link lock: the ``link`` stage decides which stored
   events their mentions tell of (join, start, merge; the same events
   whatever the order of arrival, one article at a time or many at once)
   and the store applies that; the articles are marked analysed, so an
   interrupted run resumes with the articles not stored.

Any failure in steps 1 to 5 is the article's: it is reported, recorded
(``store.queries.record_failure``) and not tried again until asked, and the
run goes on. A failure of the configuration (a ``ConfigError`` or
``KnowledgeError``: a coder model that is not there, a broken knowledge file)
is no article's: the coder is loaded before the first parse, and such an
error stops the run, saying why, with nothing recorded against the articles.
"""

from __future__ import annotations

import logging
from collections.abc import Callable, Iterable, Sequence
from contextlib import closing
from dataclasses import dataclass, field
from datetime import date
from typing import TYPE_CHECKING

from sqlalchemy import Engine
from sqlalchemy.exc import IntegrityError, SQLAlchemyError
from tqdm import tqdm

from .actors import ActorMemory, LearnedPerson, resolve_doc
from .analysis import (
    Analysis,
    AnalysisInterrupted,
    ArticleAnalysis,
    Outcome,
    Tally,
    one_line,
    record_outcomes,
)
from .clean import clean
from .coder.model import load_coder
from .errors import (
    CleanError,
    ConfigError,
    DatelineError,
    KnowledgeError,
    ParseError,
    SourceError,
    StoreError,
)
from .events.coding import code_events
from .models import Article
from .nlp import parse_each
from .nlp.workers import Parsed
from .settings import Settings, load_settings
from .sources import FieldMap, expand_inputs, read_location
from .store.queries import add_articles, forget_failures, select_unanalysed
from .time import TimeValue, tag_doc
from .timeline.summary.build import dated_sentences_of

if TYPE_CHECKING:
    from spacy.tokens import Doc

__all__ = [
    "Analysis",
    "AnalysisInterrupted",
    "ArticleAnalysis",
    "IngestReport",
    "Outcome",
    "Progress",
    "analyse",
    "analyse_article",
    "analyse_batch",
    "ingest",
    "pending_articles",
    "record_outcomes",
]

log = logging.getLogger(__name__)

BATCH_SIZE = 50

# Told how far a run has gone: (step, done, total), the step "reading" (inputs read) or
# "analysing" (articles analysed); what the web app's progress bar shows.
Progress = Callable[[str, int, int], None]


def _silent(step: str, done: int, total: int) -> None:
    return None


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
    analysis_failures: tuple[str, ...] = ()  # "file: analysis failed: reason", one per article

    @property
    def failed(self) -> int:
        return len(self.failures)

    def summary(self) -> str:
        """One line: read, added, unchanged, failed, analysed (and failed to analyse)."""
        line = (
            f"read {self.read}, added {self.added}, unchanged {self.unchanged}, "
            f"failed {self.failed}; analysed {self.analysed}"
        )
        if self.analysis_failures:
            line += f", analysis failed {len(self.analysis_failures)}"
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
    on_progress: Progress | None = None,
) -> IngestReport:
    """Read, clean and store every article found in ``inputs`` (``on_progress`` is told
    each input read)."""
    fields = fields or FieldMap()
    tell = on_progress or _silent
    tally = _Tally()
    batch: list[Article] = []
    locations = list(expand_inputs(inputs))
    bar = tqdm(total=len(locations), unit="input", disable=not progress, leave=False)
    tell("reading", 0, len(locations))
    try:
        for number, location in enumerate(locations, start=1):
            if isinstance(location, SourceError):
                tally.failures.append(str(location))
            else:
                bar.set_postfix_str(_short(location), refresh=False)
                for article in _articles_of(location, settings, fields, tally):
                    batch.append(article)
                    if len(batch) >= BATCH_SIZE:
                        _flush(engine, batch, tally)
            bar.update(1)
            tell("reading", number, len(locations))
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
            article = clean(item, settings)
        except CleanError as error:
            tally.failures.append(str(error))
            continue
        except Exception as error:  # noqa: BLE001 - one hostile document never stops the batch
            log.debug("cleaning %s failed", item.source, exc_info=error)
            tally.failures.append(
                f"{item.source}: cannot be cleaned: {type(error).__name__}: {error}"
            )
            continue
        tally.notes.extend(f"{item.source}: {note}" for note in article.notes)
        yield article


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


# Absolute dates read the same against any day; an undated article is tagged against this
# one and keeps only those, so that nothing depends on the day it is ingested.
_ANY_DAY = date(2000, 1, 1)


def analyse(
    settings: Settings,
    engine: Engine,
    *,
    progress: bool = False,
    retry_failed: bool = False,
    on_progress: Progress | None = None,
) -> Analysis:
    """Parse, date, resolve and code every stored article not analysed yet
    (``on_progress`` is told each article done).

    Any failure inside one article's analysis is that article's: it is
    recorded with its reason, left out of later analyses (until
    ``retry_failed``) and the run goes on. Raises :class:`AnalysisInterrupted` (a
    KeyboardInterrupt) after keeping the articles already done, saying how many.
    """
    tell = on_progress or _silent
    pending = pending_articles(engine, retry_failed=retry_failed)
    tell("analysing", 0, len(pending))
    if not pending:
        return Analysis()
    load_coder(settings)  # a coder that cannot be loaded stops the run here (ConfigError)
    parses = parse_each((article.body for article in pending), settings, size_hint=len(pending))
    tally = Tally()
    bar = tqdm(total=len(pending), unit="article", disable=not progress, leave=False)
    # Closing the parses at once, however the loop ends, ends their worker processes;
    # the analyses already made are stored then, even when the run was interrupted.
    with bar, closing(parses):
        try:
            for number, (article, parsed) in enumerate(zip(pending, parses, strict=True), 1):
                tally.record(engine, article, _outcome(article, parsed, settings))
                bar.update(1)
                tell("analysing", number, len(pending))
        except KeyboardInterrupt:
            tally.flush(engine)
            raise AnalysisInterrupted(tally.analysis()) from None
        finally:
            tally.flush(engine)
    return tally.analysis()


def pending_articles(engine: Engine, *, retry_failed: bool = False) -> list[Article]:
    """The stored articles not analysed yet, in ingestion order (with ``retry_failed``,
    those whose analysis failed too)."""
    if retry_failed:
        with engine.begin() as connection:
            forget_failures(connection)
    with engine.connect() as connection:
        return list(select_unanalysed(connection))


def analyse_batch(articles: Sequence[Article], settings: Settings) -> list[Outcome]:
    """Parse (in this process) and analyse ``articles``: one outcome each, in order.
    Touches no database: what a cluster worker runs."""
    local = settings.replace(n_process=1)
    parses = parse_each((article.body for article in articles), local, size_hint=len(articles))
    with closing(parses):
        return [
            _outcome(article, parsed, local)
            for article, parsed in zip(articles, parses, strict=True)
        ]


def _outcome(article: Article, parsed: Parsed, settings: Settings) -> Outcome:
    try:
        if parsed.error is not None:
            raise ParseError(parsed.error)
        analysis = analyse_article(article, parsed.doc, settings=settings)
    except (ConfigError, KnowledgeError):
        raise  # the configuration's failure, not the article's: it stops the run
    except Exception as error:  # noqa: BLE001 - no failure of one article stops the run
        log.debug("analysis of %s failed", article.file, exc_info=error)
        reason = one_line(f"{type(error).__name__}: {error}")
        return Outcome(article.id, None, reason, parsed.notes)
    return Outcome(article.id, analysis, None, parsed.notes)


def analyse_article(
    article: Article,
    doc: Doc,
    known_people: Iterable[LearnedPerson] = (),
    settings: Settings | None = None,
) -> ArticleAnalysis:
    """Date, resolve and code one parsed article: a function of its arguments alone.

    ``known_people`` are people to recognise beside those of the knowledge
    files (the pipeline passes none, so that no article's analysis depends on
    another's); the people the article itself teaches are in the result.
    ``settings`` chooses the event coder (``coder_model``).
    """
    coder = load_coder(settings or load_settings())
    memory = ActorMemory(known_people)
    published = article.published_date
    if published is None:
        # No day to read relative dates against: keep only the dates the text spells out.
        time_values = _absolute(tag_doc(doc, _ANY_DAY))
    else:
        time_values = tag_doc(doc, published)
    actor_mentions = resolve_doc(doc, published, memory, source=article.id)
    people = memory.taught_here()
    events = code_events(doc, article, memory, time_values, anchor=published, coder=coder)
    dated = dated_sentences_of(doc, article.id, published, time_values)
    return ArticleAnalysis(events, actor_mentions, dated, people, list(time_values))


def _absolute(values: Sequence[TimeValue]) -> list[TimeValue]:
    return [value for value in values if value.anchoring == "absolute"]


def _short(location: str, width: int = 40) -> str:
    return location if len(location) <= width else "…" + location[-(width - 1) :]
