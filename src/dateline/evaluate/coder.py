"""Score the event coder on labelled sentences (EVALUATION.md section 2b).

The labelled file is JSONL with at least ``sentence`` and ``type`` (the
fields of the PLV data set, Hu et al. 2024; ``id``, ``source`` and
``target`` are optional). Each sentence is coded on its own, as its own article with no
publication date; its prediction is the type of its most confident event
that is not negated, or none. Printed: per-type precision, recall and F1,
macro-F1 over the types present in the gold, accuracy (some event of the
sentence has the gold type), main-event accuracy (the most confident event has
it) and the share of sentences with no event.

A gold ``NONE`` marks a sentence that reports no political act (a flood, a
factory fire): such sentences are left out of the scores above and counted
apart, as the share of them that get some event.

A gold ``YIELD`` (PLOVER's older name) accepts ``CONCEDE`` or ``RETREAT``.

Reliability of the confidence (:func:`reliability`): every event scored
(not negated) is right when its type is the sentence's gold type (YIELD as
above) and wrong otherwise, so an event on a gold ``NONE`` sentence, or a
second act of a sentence labelled with another, is wrong. The events are
binned by confidence (tenths); each bin gives its count, mean confidence and
share right, and the expected calibration error (ECE) is the mean gap
between the two, weighted by count.

:func:`~dateline.coder.labels.development_split` is the one definition of
the fixed development fifth: training (``dateline coder train``) leaves it
out, ``--split dev`` scores only it.
"""

from __future__ import annotations

import math
from collections import Counter
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from tqdm import tqdm

from ..coder.labels import LabelledSentence, development_split, read_labels
from ..events.ontology import older_roots
from ..settings import Settings

__all__ = [
    "CoderReport",
    "LabelledSentence",
    "Reliability",
    "ReliabilityRow",
    "as_gold_type",
    "development_split",
    "evaluate_coder",
    "read_labels",
    "reliability",
    "score_coder",
]


NO_ACT = "NONE"  # the gold type of a sentence that reports no political act


def _share(part: float, whole: int) -> float:
    return part / whole if whole else 0.0


@dataclass(frozen=True)
class TypeScore:
    """Precision, recall and F1 of one gold type."""

    type: str
    gold: int
    predicted: int
    correct: int

    @property
    def precision(self) -> float:
        return _share(self.correct, self.predicted)

    @property
    def recall(self) -> float:
        return _share(self.correct, self.gold)

    @property
    def f1(self) -> float:
        p, r = self.precision, self.recall
        return 2 * p * r / (p + r) if p + r else 0.0


@dataclass(frozen=True)
class ReliabilityRow:
    """The events whose confidence lies in [low, high): how many, how sure, how often right."""

    low: float
    high: float
    count: int
    mean_confidence: float
    right: int

    @property
    def share_right(self) -> float:
        return _share(self.right, self.count)

    @property
    def gap(self) -> float:
        return abs(self.mean_confidence - self.share_right) if self.count else 0.0

    def to_dict(self) -> dict[str, Any]:
        return {
            "low": self.low,
            "high": self.high,
            "count": self.count,
            "mean_confidence": round(self.mean_confidence, 4),
            "share_right": round(self.share_right, 4),
        }


@dataclass(frozen=True)
class Reliability:
    """Confidence against correctness: one row per bin, the ECE, and the band
    around 0.8 (0.7 to 0.9) that "a confidence of 0.8" speaks of."""

    rows: tuple[ReliabilityRow, ...]
    near_08: ReliabilityRow

    @property
    def events(self) -> int:
        return sum(row.count for row in self.rows)

    @property
    def ece(self) -> float:
        """Expected calibration error: each bin's |mean confidence - share right|,
        weighted by its share of the events."""
        return sum(_share(row.count, self.events) * row.gap for row in self.rows)

    def to_dict(self) -> dict[str, Any]:
        return {
            "events": self.events,
            "ece": round(self.ece, 4),
            "near_0.8": self.near_08.to_dict(),
            "bins": [row.to_dict() for row in self.rows],
        }

    def table(self) -> str:
        lines = [f"{'confidence':<11} {'events':>6} {'mean':>6} {'right':>6}"]
        for row in (*self.rows, self.near_08):
            lines.append(
                f"{row.low:.1f}-{row.high:.1f}{'':<4} {row.count:>6} "
                f"{row.mean_confidence:>6.2f} {row.share_right:>6.2f}"
            )
        lines[-1] += "   (about 0.8)"
        lines.append(f"ECE {self.ece:.3f} over {self.events} events")
        return "\n".join(lines)


def reliability(judged: Sequence[tuple[float, bool]], bins: int = 10) -> Reliability:
    """The reliability table of (confidence, right) pairs, in ``bins`` equal bins of [0, 1]."""
    placed: list[list[tuple[float, bool]]] = [[] for _ in range(bins)]
    for confidence, right in judged:
        placed[min(math.floor(round(confidence * bins, 9)), bins - 1)].append((confidence, right))
    rows = tuple(_row(i / bins, (i + 1) / bins, pairs) for i, pairs in enumerate(placed))
    return Reliability(rows, _row(0.7, 0.9, [(c, r) for c, r in judged if 0.7 <= c < 0.9]))


def _row(low: float, high: float, pairs: Sequence[tuple[float, bool]]) -> ReliabilityRow:
    mean = _share(sum(c for c, _ in pairs), len(pairs))
    return ReliabilityRow(round(low, 2), round(high, 2), len(pairs), mean, sum(r for _, r in pairs))


@dataclass(frozen=True)
class CoderReport:
    """Per-type scores, macro-F1, accuracy and the share of sentences with no event."""

    sentences: int
    per_type: tuple[TypeScore, ...]
    accurate: int  # sentences with some event of the gold type
    without_event: int
    main_correct: int = 0  # sentences whose most confident event has the gold type
    non_political: int = 0  # gold NONE sentences, left out of the scores above
    non_political_with_event: int = 0
    reliability: Reliability = field(default_factory=lambda: reliability(()))

    @property
    def macro_f1(self) -> float:
        return _share(sum(s.f1 for s in self.per_type), len(self.per_type))

    @property
    def accuracy(self) -> float:
        return _share(self.accurate, self.sentences)

    @property
    def no_event(self) -> float:
        return _share(self.without_event, self.sentences)

    @property
    def main_accuracy(self) -> float:
        return _share(self.main_correct, self.sentences)

    @property
    def spurious(self) -> float:
        """The share of gold NONE sentences that get some event."""
        return _share(self.non_political_with_event, self.non_political)

    def to_dict(self) -> dict[str, Any]:
        return {
            "sentences": self.sentences,
            "macro_f1": round(self.macro_f1, 4),
            "accuracy": round(self.accuracy, 4),
            "no_event": round(self.no_event, 4),
            "main_accuracy": round(self.main_accuracy, 4),
            "non_political": self.non_political,
            "non_political_with_event": round(self.spurious, 4),
            "reliability": self.reliability.to_dict(),
            "types": {
                s.type: {
                    "gold": s.gold,
                    "predicted": s.predicted,
                    "precision": round(s.precision, 4),
                    "recall": round(s.recall, 4),
                    "f1": round(s.f1, 4),
                }
                for s in self.per_type
            },
        }

    def table(self) -> str:
        lines = [f"{'type':<10} {'gold':>5} {'pred':>5} {'prec':>6} {'recall':>6} {'F1':>6}"]
        for s in self.per_type:
            lines.append(
                f"{s.type:<10} {s.gold:>5} {s.predicted:>5} "
                f"{s.precision:>6.2f} {s.recall:>6.2f} {s.f1:>6.2f}"
            )
        lines += [
            "",
            f"sentences {self.sentences}",
            f"macro-F1  {self.macro_f1:.3f}   [dev target >= 0.75]",
            f"accuracy  {self.accuracy:.3f}",
            f"main event {self.main_accuracy:.3f}",
            f"no event  {self.no_event:.3f}   [dev target <= 0.10]",
        ]
        if self.non_political:
            lines.append(
                f"events on {self.spurious:.3f} of {self.non_political} sentences labelled NONE"
            )
        lines += ["", "confidence (an event is right when its type is the gold type):"]
        lines.append(self.reliability.table())
        return "\n".join(lines)


def score_coder(
    items: Sequence[LabelledSentence],
    code: Callable[[list[str]], Iterable[Sequence[tuple[str, float]]]],
) -> CoderReport:
    """Score ``code``, which gives for each sentence its non-negated events as
    (type, confidence) pairs, against the gold types of ``items`` (``NONE``:
    no political act, counted apart)."""
    gold_types = {item.type for item in items} - {NO_ACT}
    gold: Counter[str] = Counter()
    predicted: Counter[str] = Counter()
    correct: Counter[str] = Counter()
    accurate = without = non_political = spurious = 0
    judged: list[tuple[float, bool]] = []
    for item, events in zip(items, code([item.sentence for item in items]), strict=True):
        judged += [
            (confidence, item.type != NO_ACT and as_gold_type(kind, gold_types) == item.type)
            for kind, confidence in events
        ]
        if item.type == NO_ACT:
            non_political += 1
            spurious += bool(events)
            continue
        gold[item.type] += 1
        types = [as_gold_type(kind, gold_types) for kind, _ in events]
        if not events:
            without += 1
            continue
        if item.type in types:
            accurate += 1
        best = as_gold_type(max(events, key=lambda event: event[1])[0], gold_types)
        predicted[best] += 1
        if best == item.type:
            correct[best] += 1
    per_type = tuple(
        TypeScore(kind, gold[kind], predicted[kind], correct[kind]) for kind in sorted(gold_types)
    )
    return CoderReport(
        sum(gold.values()),
        per_type,
        accurate,
        without,
        main_correct=sum(correct.values()),
        non_political=non_political,
        non_political_with_event=spurious,
        reliability=reliability(judged),
    )


def as_gold_type(kind: str, gold_types: set[str]) -> str:
    """A predicted type in the gold's vocabulary (CONCEDE is YIELD where the gold says YIELD)."""
    if kind in gold_types:
        return kind
    for root, parts in older_roots().items():
        if kind in parts and root in gold_types:
            return root
    return kind


def evaluate_coder(
    path: Path, settings: Settings, *, split: str = "all", progress: bool = False
) -> CoderReport:
    """Read a labelled file, code its sentences (all, or the development fifth), score them."""
    from ..extract import extract_many

    items = read_labels(path)
    if split == "dev":
        items = development_split(items)[1]

    def code(sentences: list[str]) -> Iterable[Sequence[tuple[str, float]]]:
        events = extract_many(sentences, settings=settings)
        bar = tqdm(events, total=len(sentences), unit="sentence", disable=not progress, leave=False)
        return [
            [(event.type, event.confidence) for event in found if event.status != "negated"]
            for found in bar
        ]

    return score_coder(items, code)
