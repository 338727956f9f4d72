"""Score summary timelines on a Timeline17-style topic (EVALUATION.md section 4).

A topic directory holds ``articles.jsonl`` (``id``, ``time`` = publication
day, ``text``) and ``timelines.jsonl`` (gold timelines, each a list of
``[date, [sentences]]``). For each gold timeline the summary is asked for
as many dates as the gold has, the gold's mean number of sentences per date
(rounded), between the gold's first and last date, and scored with tilse:

- date F1 between predicted and gold dates;
- alignment-based ROUGE-1 and ROUGE-2 F1
  (``align_date_content_costs_many_to_one``), with the Perl ROUGE-1.5.5
  that tilse ships.

Scores are averaged over the topic's gold timelines.
"""

from __future__ import annotations

import json
import tempfile
import time
from collections.abc import Iterator, Sequence
from dataclasses import dataclass
from datetime import date
from pathlib import Path
from typing import Any

from ..errors import EvaluationError
from ..models import DatedSentence
from ..settings import Settings
from ..timeline.summary import TimelineEntry, dated_sentences_of, summarize

__all__ = [
    "GoldTimeline",
    "TimelineScore",
    "TlsReport",
    "TopicArticle",
    "evaluate_tls",
    "read_articles",
    "read_gold_timelines",
    "score_timeline",
]

# The targets of EVALUATION.md; DATEWISE, the best published method, is just below.
TARGETS = {"date_f1": 0.60, "rouge_1": 0.13, "rouge_2": 0.04}


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
class TimelineScore:
    """tilse's scores of one predicted timeline against one gold timeline."""

    date_f1: float
    rouge_1: float  # alignment-based ROUGE-1 F1, many-to-one date alignment
    rouge_2: float
    predicted_dates: int
    gold_dates: int


@dataclass(frozen=True)
class TlsReport:
    """Scores for every gold timeline of a topic, and their means."""

    topic: str
    articles: int
    timelines: tuple[TimelineScore, ...]
    seconds: float

    def _mean(self, field: str) -> float:
        values = [getattr(score, field) for score in self.timelines]
        return sum(values) / len(values) if values else 0.0

    @property
    def date_f1(self) -> float:
        return self._mean("date_f1")

    @property
    def rouge_1(self) -> float:
        return self._mean("rouge_1")

    @property
    def rouge_2(self) -> float:
        return self._mean("rouge_2")

    def to_dict(self) -> dict[str, Any]:
        """The report as JSON-ready data: means, targets and each timeline's scores."""
        return {
            "topic": self.topic,
            "articles": self.articles,
            "date_f1": round(self.date_f1, 4),
            "rouge_1": round(self.rouge_1, 4),
            "rouge_2": round(self.rouge_2, 4),
            "targets": dict(TARGETS),
            "seconds": round(self.seconds, 1),
            "timelines": [
                {
                    "date_f1": round(score.date_f1, 4),
                    "rouge_1": round(score.rouge_1, 4),
                    "rouge_2": round(score.rouge_2, 4),
                    "predicted_dates": score.predicted_dates,
                    "gold_dates": score.gold_dates,
                }
                for score in self.timelines
            ],
        }

    def table(self) -> str:
        """The means against their targets, one measure a line."""
        lines = [
            f"topic {self.topic}: {self.articles} articles, {len(self.timelines)} gold "
            f"timeline(s), {self.seconds:.1f} s",
            f"{'measure':<10} {'score':>7} {'target':>7}",
        ]
        for name, label in (("date_f1", "date F1"), ("rouge_1", "AR-1 F1"), ("rouge_2", "AR-2 F1")):
            value, target = getattr(self, name), TARGETS[name]
            mark = "ok" if value >= target else "below"
            lines.append(f"{label:<10} {value:>7.3f} {target:>7.2f}  {mark}")
        return "\n".join(lines)


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


def score_timeline(predicted: Sequence[TimelineEntry], gold: GoldTimeline) -> TimelineScore:
    """Date F1 and alignment-based ROUGE-1/2 F1 of ``predicted``, as tilse computes them."""
    try:
        from tilse.data.timelines import GroundTruth, Timeline
        from tilse.evaluation import dates as tilse_dates
        from tilse.evaluation import rouge as tilse_rouge
    except ImportError:
        raise EvaluationError(
            "scoring timelines needs tilse: pip install 'dateline[eval]' (and Debian's libxml-parser-perl)"
        ) from None
    gold_dates = len(gold.entries)
    if not predicted:
        return TimelineScore(0.0, 0.0, 0.0, 0, gold_dates)
    prediction = Timeline({entry.date: list(entry.sentences) for entry in predicted})
    truth = GroundTruth([Timeline({day: list(sentences) for day, sentences in gold.entries})])
    evaluator = tilse_rouge.TimelineRougeEvaluator(measures=["rouge_1", "rouge_2"])
    rouge = evaluator.evaluate_align_date_content_costs_many_to_one(prediction, truth)
    return TimelineScore(
        date_f1=tilse_dates.evaluate_dates(prediction, truth)["f_score"],
        rouge_1=rouge["rouge_1"]["f_score"],
        rouge_2=rouge["rouge_2"]["f_score"],
        predicted_dates=len(predicted),
        gold_dates=gold_dates,
    )


def evaluate_tls(directory: Path, settings: Settings, *, through_store: bool = True) -> TlsReport:
    """Summarise a Timeline17-style topic for each of its gold timelines and score the results.

    The articles are ingested into a temporary SQLite store, as a user's
    corpus would be, and the summary reads the store's dated sentences;
    ``through_store=False`` parses them directly instead (faster: no event
    coding), for experiments on the summary alone.
    """
    directory = Path(directory)
    started = time.perf_counter()
    golds = read_gold_timelines(directory / "timelines.jsonl")
    articles = list(read_articles(directory / "articles.jsonl"))
    if through_store:
        sentences = stored_sentences(directory / "articles.jsonl", settings)
    else:
        sentences = topic_sentences(articles, settings)
    scores = []
    for gold in golds:
        predicted = summarize(
            sentences,
            dates=len(gold.entries),
            per_date=gold.sentences_per_date,
            since=gold.first,
            until=gold.last,
        )
        scores.append(score_timeline(predicted, gold))
    return TlsReport(
        topic=directory.name,
        articles=len(articles),
        timelines=tuple(scores),
        seconds=time.perf_counter() - started,
    )


def stored_sentences(articles_file: Path, settings: Settings) -> list[DatedSentence]:
    """Ingest a topic's articles into a throw-away SQLite store and read its dated sentences."""
    from ..api import Store

    with tempfile.TemporaryDirectory(prefix="dateline-tls-") as folder:
        store = Store(settings.replace(db=f"sqlite:///{Path(folder) / 'topic.db'}"))
        store.ingest([str(articles_file)])
        sentences = store.dated_sentences()
        store.engine.dispose()  # let the folder go on every platform
        return sentences


def topic_sentences(articles: Sequence[TopicArticle], settings: Settings) -> list[DatedSentence]:
    """Parse and date-tag a topic's articles into the sentences the summary reads.

    The same records the analysis stage stores; built here directly so that
    scoring a topic needs no database.
    """
    from ..nlp import parse_many

    texts = (article.text for article in articles)
    docs = parse_many(texts, settings, size_hint=len(articles))
    sentences: list[DatedSentence] = []
    for article, doc in zip(articles, docs, strict=True):
        sentences.extend(dated_sentences_of(doc, article.id, article.published))
    return sentences


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
