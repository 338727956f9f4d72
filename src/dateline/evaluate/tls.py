"""Score summary timelines on Timeline17-style topics (EVALUATION.md section 4).

A topic directory holds ``articles.jsonl`` (``id``, ``time`` = publication
day, ``text``) and ``timelines.jsonl`` (gold timelines, each a list of
``[date, [sentences]]``). For each gold timeline the summary is asked for
as many dates as the gold has, the gold's mean number of sentences per date
(rounded), between the gold's first and last date, and scored with tilse:

- date F1 between predicted and gold dates;
- alignment-based ROUGE-1 and ROUGE-2 F1
  (``align_date_content_costs_many_to_one``), with the Perl ROUGE-1.5.5
  that tilse ships.

Scores are averaged over the topic's gold timelines. Beside them, the
busiest-days baseline (:func:`~dateline.timeline.summary.busiest_days`) is
scored the same way, so that a summary no better than counting articles
shows at once: a topic whose date F1 or AR-1 falls more than
``BASELINE_SLACK`` below the baseline's is flagged as losing to it. With several topics (:func:`evaluate_topics`), each is
summarised by a date ranker trained on the others (leave one topic out),
with its chronology articles kept and removed.
"""

from __future__ import annotations

import time
from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from ..errors import EvaluationError
from ..settings import Settings
from ..timeline.summary import DateRanker, TimelineEntry, busiest_days, summarize
from .tls_topics import (
    GoldTimeline,
    Topic,
    TopicArticle,
    load_topic,
    read_articles,
    read_gold_timelines,
    train_on,
)

__all__ = [
    "GoldTimeline",
    "LeaveOneOutReport",
    "TimelineScore",
    "TlsReport",
    "TopicArticle",
    "evaluate_tls",
    "evaluate_topics",
    "read_articles",
    "read_gold_timelines",
    "score_timeline",
    "score_topic",
]

# The targets of EVALUATION.md section 4 (held-out topics, on average); the best
# published system (SUnSET, 2025) is at 0.576 / 0.136 / 0.044.
TARGETS = {"date_f1": 0.62, "rouge_1": 0.13, "rouge_2": 0.04}
MEASURES = (("date_f1", "date F1"), ("rouge_1", "AR-1 F1"), ("rouge_2", "AR-2 F1"))
# No topic may fall further than this below the busiest days on these measures.
BASELINE_SLACK = 0.02
NEVER_BELOW_BASELINE = ("date_f1", "rouge_1")


@dataclass(frozen=True)
class TimelineScore:
    """tilse's scores of one predicted timeline against one gold timeline."""

    date_f1: float
    rouge_1: float  # alignment-based ROUGE-1 F1, many-to-one date alignment
    rouge_2: float
    predicted_dates: int
    gold_dates: int


def _mean(scores: Sequence[TimelineScore], field: str) -> float:
    values = [getattr(score, field) for score in scores]
    return sum(values) / len(values) if values else 0.0


@dataclass(frozen=True)
class TlsReport:
    """Scores for every gold timeline of a topic, Dateline's and the baseline's, and their means."""

    topic: str
    articles: int
    timelines: tuple[TimelineScore, ...]
    seconds: float
    baseline: tuple[TimelineScore, ...] = ()  # the busiest-days baseline, timeline by timeline
    chronologies: str = "kept"  # or "removed": the topic without its chronology articles
    ranker: str = "shipped"  # or "trained on ...": the date ranker that chose the days

    @property
    def date_f1(self) -> float:
        return _mean(self.timelines, "date_f1")

    @property
    def rouge_1(self) -> float:
        return _mean(self.timelines, "rouge_1")

    @property
    def rouge_2(self) -> float:
        return _mean(self.timelines, "rouge_2")

    def baseline_mean(self, field: str) -> float:
        """The busiest-days baseline's mean of one measure."""
        return _mean(self.baseline, field)

    @property
    def loses_to_baseline(self) -> tuple[str, ...]:
        """The measures on which the summary falls more than ``BASELINE_SLACK`` below the
        busiest days (of date F1 and AR-1, which no topic may lose)."""
        return tuple(
            name
            for name in NEVER_BELOW_BASELINE
            if getattr(self, name) < self.baseline_mean(name) - BASELINE_SLACK
        )

    def to_dict(self) -> dict[str, Any]:
        """The report as JSON-ready data: means, baseline, targets and each timeline's scores."""
        return {
            "topic": self.topic,
            "articles": self.articles,
            "chronologies": self.chronologies,
            "ranker": self.ranker,
            **{name: round(getattr(self, name), 4) for name, _ in MEASURES},
            "baseline": {name: round(self.baseline_mean(name), 4) for name, _ in MEASURES},
            "loses_to_baseline": list(self.loses_to_baseline),
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
        """The means beside the busiest-days baseline and the targets, one measure a line."""
        lines = [
            f"topic {self.topic}: {self.articles} articles, {len(self.timelines)} gold "
            f"timeline(s), chronologies {self.chronologies}, ranker {self.ranker}, "
            f"{self.seconds:.1f} s",
            f"{'measure':<10} {'score':>7} {'busiest':>8} {'target':>7}",
        ]
        for name, label in MEASURES:
            value, target, baseline = getattr(self, name), TARGETS[name], self.baseline_mean(name)
            marks = ["ok" if value >= target else "below target"]
            if name in self.loses_to_baseline:
                marks.append(f"LOSES to the busiest days by {baseline - value:.3f}")
            elif value <= baseline:
                marks.append("not above the busiest days")
            lines.append(
                f"{label:<10} {value:>7.3f} {baseline:>8.3f} {target:>7.2f}  {', '.join(marks)}"
            )
        return "\n".join(lines)


@dataclass(frozen=True)
class LeaveOneOutReport:
    """Each topic scored with a ranker trained on the others, chronologies kept and removed."""

    reports: tuple[TlsReport, ...]

    def to_dict(self) -> dict[str, Any]:
        """Every report, as :meth:`TlsReport.to_dict` gives it."""
        return {"leave_one_topic_out": [report.to_dict() for report in self.reports]}

    def table(self) -> str:
        """One line per topic and chronology setting: Dateline's means, then the baseline's."""
        head = (
            f"{'topic':<28} {'chronol.':<8} "
            + " ".join(f"{label:>8}" for _, label in MEASURES)
            + " | busiest: "
            + " ".join(f"{label:>8}" for _, label in MEASURES)
        )
        lines = ["leave one topic out (each topic ranked by a ranker trained on the others)", head]
        for report in self.reports:
            ours = " ".join(f"{getattr(report, name):>8.3f}" for name, _ in MEASURES)
            theirs = " ".join(f"{report.baseline_mean(name):>8.3f}" for name, _ in MEASURES)
            short = [name for name, _ in MEASURES if getattr(report, name) < TARGETS[name]]
            losing = report.loses_to_baseline
            behind = [
                name
                for name, _ in MEASURES
                if getattr(report, name) <= report.baseline_mean(name) and name not in losing
            ]
            note = "".join(
                [
                    f"  below target: {', '.join(short)}" if short else "",
                    f"  LOSES to busiest: {', '.join(losing)}" if losing else "",
                    f"  not above busiest: {', '.join(behind)}" if behind else "",
                ]
            )
            lines.append(
                f"{report.topic:<28} {report.chronologies:<8} {ours} |          {theirs}{note}"
            )
        targets = " ".join(f"{TARGETS[name]:>8.2f}" for name, _ in MEASURES)
        lines.append(f"{'target':<28} {'':<8} {targets}")
        losers = [f"{r.topic} ({r.chronologies})" for r in self.reports if r.loses_to_baseline]
        lines.append(
            f"losing to the busiest days by more than {BASELINE_SLACK} on date F1 or AR-1: "
            + (", ".join(losers) if losers else "none")
        )
        return "\n".join(lines)


def score_timeline(
    predicted: Sequence[TimelineEntry], gold: GoldTimeline, *, exact: bool = True
) -> TimelineScore:
    """Date F1 and alignment-based ROUGE-1/2 F1 of ``predicted``, as tilse computes them.

    ``exact=False`` uses tilse's Python approximation of ROUGE instead of
    the Perl script: a hundred times faster, close but not equal, for
    experiments only.
    """
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
    evaluator = tilse_rouge.TimelineRougeEvaluator(
        measures=["rouge_1", "rouge_2"], rouge_computation="original" if exact else "reimpl"
    )
    rouge = evaluator.evaluate_align_date_content_costs_many_to_one(prediction, truth)
    return TimelineScore(
        date_f1=tilse_dates.evaluate_dates(prediction, truth)["f_score"],
        rouge_1=rouge["rouge_1"]["f_score"],
        rouge_2=rouge["rouge_2"]["f_score"],
        predicted_dates=len(predicted),
        gold_dates=gold_dates,
    )


def score_topic(
    topic: Topic, *, ranker: DateRanker | None = None, seconds: float = 0.0, exact: bool = True
) -> TlsReport:
    """Summarise ``topic`` for each of its gold timelines; score it and the busiest days
    (``exact=False``: with tilse's fast approximation of ROUGE, see :func:`score_timeline`)."""
    started = time.perf_counter()
    ours, baseline = [], []
    for gold in topic.golds:
        dates, per_date = len(gold.entries), gold.sentences_per_date
        predicted = summarize(
            topic.sentences,
            dates=dates,
            per_date=per_date,
            since=gold.first,
            until=gold.last,
            events=topic.events,
            ranker=ranker,
        )
        ours.append(score_timeline(predicted, gold, exact=exact))
        busiest = busiest_days(
            topic.sentences, dates=dates, per_date=per_date, since=gold.first, until=gold.last
        )
        baseline.append(score_timeline(busiest, gold, exact=exact))
    about = ranker.about.get("trained_on") if ranker is not None else None
    return TlsReport(
        topic=topic.name,
        articles=topic.articles,
        timelines=tuple(ours),
        seconds=seconds + time.perf_counter() - started,
        baseline=tuple(baseline),
        chronologies=topic.chronologies,
        ranker=f"trained on {', '.join(about)}" if about else "shipped",
    )


def evaluate_tls(
    directory: Path,
    settings: Settings,
    *,
    db: str | None = None,
    without_chronologies: bool = False,
) -> TlsReport:
    """Summarise a Timeline17-style topic for each of its gold timelines and score the results.

    The articles are ingested into ``db`` (reused when it holds them
    already) or a temporary SQLite store, as a user's corpus would be; the
    summary reads the store's dated sentences and events, and days are
    ranked by the shipped ranker.
    """
    started = time.perf_counter()
    topic = load_topic(Path(directory), settings, db=db)
    if without_chronologies:
        topic = topic.without_chronologies()
    return score_topic(topic, seconds=time.perf_counter() - started)


def evaluate_topics(
    directories: Sequence[Path], settings: Settings, *, dbs: Sequence[str | None] = ()
) -> LeaveOneOutReport:
    """Leave one topic out: each topic summarised with a ranker trained on the others.

    Each topic is scored with its chronology articles kept and removed; the
    ranker is trained on the other topics in both forms.
    """
    if len(directories) < 2:
        raise EvaluationError("leaving one topic out needs two topic folders or more")
    dbs = list(dbs) + [None] * (len(directories) - len(dbs))
    topics = [
        load_topic(Path(directory), settings, db=db)
        for directory, db in zip(directories, dbs, strict=True)
    ]
    forms = [(topic, topic.without_chronologies()) for topic in topics]
    reports = []
    for held, (kept, removed) in enumerate(forms):
        others = [form for index, pair in enumerate(forms) if index != held for form in pair]
        ranker = train_on(others)
        reports += [score_topic(kept, ranker=ranker), score_topic(removed, ranker=ranker)]
    return LeaveOneOutReport(tuple(reports))
