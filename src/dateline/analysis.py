"""The results of analysing articles, and storing them one article at a time.

What :mod:`dateline.pipeline` (in this process) and :mod:`dateline.scale` (on a
cluster) compute is an :class:`Outcome` per article; :class:`Tally` stores each
(the analysis, or the failure and its reason) and counts what happened.
"""

from __future__ import annotations

import logging
from collections.abc import Iterable
from dataclasses import dataclass, field

from sqlalchemy import Engine
from sqlalchemy.exc import IntegrityError, OperationalError, SQLAlchemyError
from tqdm import tqdm

from .actors import ActorMention, LearnedPerson
from .errors import StoreError
from .models import Article, DatedSentence, Event
from .store.queries import record_failure, save_analysis
from .time import TimeValue

__all__ = ["Analysis", "ArticleAnalysis", "Outcome", "Tally", "one_line", "record_outcomes"]

log = logging.getLogger(__name__)


@dataclass(frozen=True)
class Analysis:
    """What an analysis did: how many articles it analysed, and each failure ("file: reason")."""

    analysed: int = 0
    failures: tuple[str, ...] = ()
    notes: tuple[str, ...] = ()


@dataclass(frozen=True)
class ArticleAnalysis:
    """What the analysis of one article found, before it is stored: its event mentions
    (one coded sentence each, not yet linked), actor mentions, dated sentences, the
    people it proposes (learned from titles and appositions) and its time expressions
    (what the article page marks)."""

    events: list[Event]
    actor_mentions: list[ActorMention]
    dated: list[DatedSentence]
    people: list[LearnedPerson]
    times: list[TimeValue] = field(default_factory=list)


@dataclass(frozen=True)
class Outcome:
    """What became of one article's analysis: the analysis, or why there is none."""

    article_id: str
    analysis: ArticleAnalysis | None
    error: str | None = None
    notes: tuple[str, ...] = ()


@dataclass
class Tally:
    """Counts, failures and notes of an analysis, as its outcomes are stored."""

    done: int = 0
    failures: list[str] = field(default_factory=list)
    notes: list[str] = field(default_factory=list)

    def record(self, engine: Engine, article: Article, outcome: Outcome) -> None:
        """Store an outcome: the analysis, or the failure and its reason. Raises StoreError
        when the database cannot be written."""
        self.notes.extend(f"{article.file}: {note}" for note in outcome.notes)
        if outcome.analysis is not None:
            try:
                _save(engine, article, outcome.analysis)
                self.done += 1
                return
            except StoreError:
                raise  # the database, not the article: nothing more can be stored
            except Exception as error:  # noqa: BLE001 - data of the article the store refused
                reason = one_line(f"{type(error).__name__}: {error}")
        else:
            reason = outcome.error or "no analysis"
        self.failures.append(_fail(engine, article, reason))

    def analysis(self) -> Analysis:
        return Analysis(self.done, tuple(self.failures), tuple(self.notes))


def record_outcomes(
    engine: Engine,
    results: Iterable[tuple[Article, Outcome]],
    *,
    progress: bool = False,
    total: int = 0,
) -> Analysis:
    """Store outcomes computed elsewhere (a cluster), in the order they come."""
    tally = Tally()
    bar = tqdm(total=total, unit="article", disable=not progress, leave=False)
    with bar:
        for article, outcome in results:
            tally.record(engine, article, outcome)
            bar.update(1)
    return tally.analysis()


def _save(engine: Engine, article: Article, result: ArticleAnalysis) -> None:
    """Store one article's analysis. A database that cannot be written raises StoreError;
    data of the article that cannot be stored raises SQLAlchemy's error."""
    try:
        with engine.begin() as connection:
            stored = save_analysis(
                connection,
                article.id,
                result.actor_mentions,
                result.people,
                result.events,
                result.dated,
                result.times,
            )
        if not stored:
            log.info("%s was analysed by another process meanwhile", article.id)
    except IntegrityError:
        log.info("%s was analysed by another process meanwhile", article.id)
    except OperationalError as error:
        raise StoreError(f"cannot write the analysis of {article.file}: {error}") from None


def _fail(engine: Engine, article: Article, reason: str) -> str:
    """Record that ``article``'s analysis failed, and why; return the line that reports it."""
    try:
        with engine.begin() as connection:
            record_failure(connection, article.id, reason)
    except IntegrityError:
        pass  # another process recorded it meanwhile
    except SQLAlchemyError as store_error:
        raise StoreError(f"cannot record that {article.file} failed: {store_error}") from None
    return f"{article.file}: analysis failed: {reason}"


def one_line(text: str, width: int = 300) -> str:
    line = " ".join(text.split())
    return line if len(line) <= width else line[: width - 1] + "…"
