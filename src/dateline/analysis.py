"""The results of analysing articles, and storing them in batches.

What :mod:`dateline.pipeline` (in this process) and :mod:`dateline.scale` (on a
cluster) compute is an :class:`Outcome` per article; :class:`Tally` stores them
(the analyses in batches, each failure and its reason at once) and counts what
happened.
"""

from __future__ import annotations

import logging
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field

from sqlalchemy import Engine
from sqlalchemy.exc import IntegrityError, OperationalError, SQLAlchemyError
from tqdm import tqdm

from .errors import StoreError
from .models import Article, ArticleAnalysis
from .store.queries import record_failure, save_analyses

__all__ = [
    "SAVE_BATCH",
    "Analysis",
    "AnalysisInterrupted",
    "ArticleAnalysis",
    "Outcome",
    "Tally",
    "one_line",
    "record_outcomes",
]

log = logging.getLogger(__name__)


@dataclass(frozen=True)
class Analysis:
    """What an analysis did: how many articles it analysed, and each failure ("file: reason")."""

    analysed: int = 0
    failures: tuple[str, ...] = ()
    notes: tuple[str, ...] = ()


class AnalysisInterrupted(KeyboardInterrupt):
    """Ctrl-C (or SIGTERM) during an analysis, carrying what it had stored by then."""

    def __init__(self, analysis: Analysis) -> None:
        super().__init__()
        self.analysis = analysis


@dataclass(frozen=True)
class Outcome:
    """What became of one article's analysis: the analysis, or why there is none."""

    article_id: str
    analysis: ArticleAnalysis | None
    error: str | None = None
    notes: tuple[str, ...] = ()


# Analyses are stored this many articles at a time, in one transaction, their mentions
# linked in one step (an article that the store refuses is then stored alone).
SAVE_BATCH = 50


@dataclass
class Tally:
    """Counts, failures and notes of an analysis, as its outcomes are stored.

    Analyses are kept until :data:`SAVE_BATCH` of them have come, then stored
    together (:meth:`flush`): whatever the database refuses of one article is
    that article's failure, and the others are stored. Call :meth:`flush` when
    the outcomes end, however they end.
    """

    done: int = 0
    failures: list[str] = field(default_factory=list)
    notes: list[str] = field(default_factory=list)
    batch_size: int = SAVE_BATCH
    _waiting: list[tuple[Article, ArticleAnalysis]] = field(default_factory=list)

    def record(self, engine: Engine, article: Article, outcome: Outcome) -> None:
        """Take an outcome: its analysis is stored with the next batch, its failure and
        reason at once. Raises StoreError when the database cannot be written."""
        self.notes.extend(f"{article.file}: {note}" for note in outcome.notes)
        if outcome.analysis is None:
            self.failures.append(_fail(engine, article, outcome.error or "no analysis"))
            return
        self._waiting.append((article, outcome.analysis))
        if len(self._waiting) >= self.batch_size:
            self.flush(engine)

    def flush(self, engine: Engine) -> None:
        """Store the analyses waiting: all in one transaction, or, when the database
        refuses the data of one, each alone. Raises StoreError when the database
        cannot be written."""
        waiting, self._waiting = self._waiting, []
        if not waiting:
            return
        try:
            _save(engine, waiting)
            self.done += len(waiting)
            return
        except StoreError:
            raise  # the database, not an article: nothing more can be stored
        except Exception as error:  # noqa: BLE001 - found below: which article it was
            log.debug("a batch of %d analyses was refused; storing each alone", len(waiting))
            if len(waiting) == 1:
                self.failures.append(_refused(engine, waiting[0][0], error))
                return
        for article, analysis in waiting:
            try:
                _save(engine, [(article, analysis)])
                self.done += 1
            except StoreError:
                raise
            except Exception as error:  # noqa: BLE001 - data of the article the store refused
                self.failures.append(_refused(engine, article, error))

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
        try:
            for article, outcome in results:
                tally.record(engine, article, outcome)
                bar.update(1)
        finally:
            tally.flush(engine)
    return tally.analysis()


def _save(engine: Engine, analysed: Sequence[tuple[Article, ArticleAnalysis]]) -> None:
    """Store analyses in one transaction. A database that cannot be written raises
    StoreError; data of an article that cannot be stored raises SQLAlchemy's error."""
    try:
        with engine.begin() as connection:
            stored = set(save_analyses(connection, [(a.id, found) for a, found in analysed]))
        for article, _ in analysed:
            if article.id not in stored:
                log.info("%s was analysed by another process meanwhile", article.id)
    except IntegrityError:
        if len(analysed) > 1:
            raise  # stored one by one, to find which
        log.info("%s was analysed by another process meanwhile", analysed[0][0].id)
    except OperationalError as error:
        files = ", ".join(article.file for article, _ in analysed[:3])
        more = f" and {len(analysed) - 3} more" if len(analysed) > 3 else ""
        raise StoreError(f"cannot write the analysis of {files}{more}: {error}") from None


def _refused(engine: Engine, article: Article, error: Exception) -> str:
    return _fail(engine, article, one_line(f"{type(error).__name__}: {error}"))


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
