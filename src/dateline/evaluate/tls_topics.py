"""Timeline17-style topics as the summary sees them, and the date ranker's training data.

A :class:`Topic` is what one ingest of a topic's articles gives the summary
(the stored dated sentences and events) with the topic's gold timelines.
It can be read from a database ingested earlier (``--db``), so that
experiments do not pay for the analysis twice, and looked at without its
chronology articles (:meth:`Topic.without_chronologies`), as a corpus from
outlets that print none would be.

:func:`training_days` turns a topic into the ranker's training rows: each
candidate day between a gold timeline's first and last day, labelled by
whether the journalists put it in their timeline. Only evaluation and
``scripts/train_date_ranker.py`` read gold timelines.
"""

from __future__ import annotations

import json
import re
import tempfile
from collections.abc import Iterator, Sequence
from dataclasses import dataclass, replace
from datetime import date
from pathlib import Path
from typing import Any

from ..errors import EvaluationError
from ..models import DatedSentence
from ..query import DayEvent
from ..settings import Settings
from ..store.summary_queries import select_day_events
from ..timeline.summary import DateRanker, fit_ranker
from ..timeline.summary.chronology import chronologies
from ..timeline.summary.features import day_features

__all__ = [
    "GoldTimeline",
    "Topic",
    "TopicArticle",
    "chronology_articles",
    "load_topic",
    "read_articles",
    "read_gold_timelines",
    "train_on",
    "training_days",
]

# What the shipped ranker weighs, chosen by leaving one topic out (docs/summaries.md).
RANKER_FEATURES: tuple[str, ...] = (
    "published",
    "published_after",
    "mentioning",
    "mentioning_later",
    "mentioning_week_later",
    "mentioning_earlier",
    "lead_mentioning",
    "hindsight",
    "mention_sentences",
    "events",
    "mentioning_later_share",
    "peak_published",
)
# Strong shrinkage: three topics teach the direction of each signal better than its size.
RANKER_L2 = 100.0
# A day every chronology lists gains this much log-odds.
CHRONOLOGY_PRIOR = 3.0
# An article whose opening says it is one is a chronology, whatever its shape.
_CHRONOLOGY_TITLE = re.compile(r"\b(?:time ?line|chronology|factbox|key (?:dates|events))\b", re.I)
# How far into an article its headline and standfirst reach (characters).
_OPENING = 300


@dataclass(frozen=True)
class TopicArticle:
    """One article of a topic: its id, publication day and text."""

    id: str
    published: date
    text: str


@dataclass(frozen=True)
class GoldTimeline:
    """A gold timeline: days in order, each with its sentences."""

    entries: tuple[tuple[date, tuple[str, ...]], ...]

    @property
    def first(self) -> date:
        return self.entries[0][0]

    @property
    def last(self) -> date:
        return self.entries[-1][0]

    @property
    def sentences_per_date(self) -> int:
        """The mean number of sentences per date, rounded (at least one)."""
        total = sum(len(sentences) for _, sentences in self.entries)
        return max(1, round(total / len(self.entries)))


@dataclass(frozen=True)
class Topic:
    """One topic: its stored sentences and events, and its gold timelines."""

    name: str
    articles: int
    golds: tuple[GoldTimeline, ...]
    sentences: tuple[DatedSentence, ...]
    events: tuple[DayEvent, ...]
    chronologies: str = "kept"  # or "removed"

    def without_chronologies(self) -> Topic:
        """The topic without its chronology articles, their sentences and their evidence."""
        removed = chronology_articles(self.sentences)
        sentences = tuple(s for s in self.sentences if s.article_id not in removed)
        events = []
        for event in self.events:
            evidence = tuple(told for told in event.evidence if told[0] not in removed)
            if evidence:
                articles = len({article for article, _, _ in evidence})
                events.append(
                    replace(
                        event,
                        evidence=evidence,
                        mention_count=len(evidence),
                        sources=min(event.sources, articles),
                    )
                )
        return replace(
            self,
            articles=self.articles - len(removed),
            sentences=sentences,
            events=tuple(events),
            chronologies="removed",
        )


def chronology_articles(sentences: Sequence[DatedSentence]) -> set[str]:
    """Articles that are chronologies: by their shape (dated entries) or by their opening."""
    found = set(chronologies(sentences))
    opening: dict[str, list[str]] = {}
    for sentence in sentences:
        if sentence.start < _OPENING:
            opening.setdefault(sentence.article_id, []).append(sentence.text)
    for article, texts in opening.items():
        if _CHRONOLOGY_TITLE.search(" ".join(texts)[:_OPENING]):
            found.add(article)
    return found


def load_topic(directory: Path, settings: Settings, *, db: str | None = None) -> Topic:
    """Ingest a topic's articles (into ``db``, else a throw-away SQLite file) and read it back.

    An existing ``db`` is reused: articles it already holds are not analysed again.
    """
    from ..api import Store

    directory = Path(directory)
    golds = tuple(read_gold_timelines(directory / "timelines.jsonl"))
    articles = sum(1 for _ in read_articles(directory / "articles.jsonl"))
    with tempfile.TemporaryDirectory(prefix="dateline-tls-") as folder:
        url = db or f"sqlite:///{Path(folder) / 'topic.db'}"
        if "://" not in url:
            url = f"sqlite:///{url}"
        store = Store(settings.replace(db=url))
        store.ingest([str(directory / "articles.jsonl")])
        sentences = tuple(store.dated_sentences())
        with store.engine.connect() as connection:
            events = tuple(select_day_events(connection))
        store.engine.dispose()  # let the folder go on every platform
    return Topic(directory.name, articles, golds, sentences, events)


def read_articles(path: Path) -> Iterator[TopicArticle]:
    """The articles of a topic's ``articles.jsonl``."""
    for number, record in _json_lines(path):
        try:
            yield TopicArticle(
                id=str(record["id"]),
                published=date.fromisoformat(str(record["time"])[:10]),
                text=str(record["text"]),
            )
        except (KeyError, TypeError, ValueError) as error:
            raise EvaluationError(
                f"line {number}: an article needs 'id', 'time' (YYYY-MM-DD) and 'text' ({error})",
                source=str(path),
            ) from None


def read_gold_timelines(path: Path) -> list[GoldTimeline]:
    """The gold timelines of a topic's ``timelines.jsonl`` (one list of timelines, or one a line)."""
    records: list[Any] = []
    for _, record in _json_lines(path):
        # Timeline17 writes all timelines as one JSON list; one timeline a line is read too.
        is_many = isinstance(record, list) and record and _is_timeline(record[0])
        records.extend(record if is_many else [record])
    timelines = []
    for number, record in enumerate(records, start=1):
        try:
            entries = tuple(
                sorted(
                    (date.fromisoformat(str(day)[:10]), tuple(str(s) for s in sentences))
                    for day, sentences in record
                )
            )
        except (TypeError, ValueError) as error:
            raise EvaluationError(
                f"timeline {number}: expected [[date, [sentences]], ...] ({error})",
                source=str(path),
            ) from None
        if entries:
            timelines.append(GoldTimeline(entries))
    if not timelines:
        raise EvaluationError("no gold timelines found", source=str(path))
    return timelines


def training_days(topic: Topic) -> tuple[list[tuple[float, ...]], list[bool]]:
    """Feature rows and labels: the candidate days within each gold timeline's span."""
    rows: list[tuple[float, ...]] = []
    labels: list[bool] = []
    for gold in topic.golds:
        wanted = {day for day, _ in gold.entries}
        for features in day_features(
            topic.sentences, topic.events, since=gold.first, until=gold.last
        ):
            rows.append(features.values)
            labels.append(features.day in wanted)
    return rows, labels


def train_on(
    topics: Sequence[Topic],
    *,
    features: Sequence[str] = RANKER_FEATURES,
    l2: float = RANKER_L2,
    prior: float = CHRONOLOGY_PRIOR,
    **about: object,
) -> DateRanker:
    """A date ranker fitted to the gold days of ``topics`` (defaults: what ships)."""
    rows: list[tuple[float, ...]] = []
    labels: list[bool] = []
    for topic in topics:
        more_rows, more_labels = training_days(topic)
        rows += more_rows
        labels += more_labels
    about = {"trained_on": sorted({t.name for t in topics}), "l2": l2, **about}
    return fit_ranker(rows, labels, features=features, l2=l2, prior=prior, about=about)


def _json_lines(path: Path) -> Iterator[tuple[int, Any]]:
    try:
        lines = path.read_text(encoding="utf-8").splitlines()
    except FileNotFoundError:
        raise EvaluationError(
            "missing; a topic directory needs articles.jsonl and timelines.jsonl",
            source=str(path),
        ) from None
    for number, line in enumerate(lines, start=1):
        if not line.strip():
            continue
        try:
            yield number, json.loads(line)
        except json.JSONDecodeError as error:
            raise EvaluationError(
                f"line {number}: not valid JSON ({error.msg})", source=str(path)
            ) from None


def _is_timeline(value: Any) -> bool:
    # A timeline is a list of [date, [sentences]] pairs; a pair starts with a date string.
    return isinstance(value, list) and bool(value) and isinstance(value[0], list)
