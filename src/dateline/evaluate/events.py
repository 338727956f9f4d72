"""``dateline eval events``: predicted events against the gold ``events`` of a YAML file.

The rules are those of EVALUATION.md section 2:

1. A predicted event *fits* a gold event when its type is one of the gold
   ``types``, every gold ``participants`` code is among its actors' and
   recipients' codes, and one of its mentions comes from a gold ``docs``
   document (see :func:`~.event_records.doc_matches`).
2. The *best fit* of a gold event is, among the predictions that fit it, the
   one dated inside the gold window, then the one whose roles match, then the
   one with the most mentions from the gold docs, then the most confident;
   ties go to the earlier record.
3. Recall, date accuracy, source coverage and role accuracy are taken over
   *required* gold events (``required`` defaults to true); precision over the
   predictions whose status is not ``negated``, a fit to any gold event
   (required or not) counting as right.

Where a ratio has nothing to count: recall and precision are 0.0 (no gold
event found, no prediction made: nothing earned); the other measures are
None ("n/a"), as they only describe events that were found.

Fragmentation is read literally: the number of distinct predictions that fit
some required gold event and are dated inside its window, over the found
required gold events whose best fit is dated inside the window. Where gold
events overlap (same documents, types and participants, overlapping windows)
one real record may fit several, so even a perfect system can score above
1.0; each gold event's ``split into`` failure names the records that fit it
inside its window, and which of them are the best fit of another gold event.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping, Sequence
from dataclasses import asdict, dataclass
from pathlib import Path
from typing import Any

from .event_records import (
    GoldEvent,
    PredictedEvent,
    doc_matches,
    read_gold_events,
    read_predictions,
)

__all__ = ["EventReport", "GoldEventResult", "Target", "TARGETS", "evaluate_events"]


@dataclass(frozen=True)
class Target:
    """A measure's target from EVALUATION.md: at least (``>=``) or at most (``<=``) a value."""

    measure: str
    op: str
    value: float

    def met(self, score: float | None) -> bool | None:
        """Whether ``score`` meets the target; None when the measure is undefined."""
        if score is None:
            return None
        return score >= self.value if self.op == ">=" else score <= self.value


TARGETS = (
    Target("recall", ">=", 0.90),
    Target("precision", ">=", 0.85),
    Target("date_accuracy", ">=", 0.90),
    Target("fragmentation", "<=", 1.1),
    Target("source_coverage", ">=", 0.9),
    Target("role_accuracy", ">=", 0.85),
)


@dataclass(frozen=True)
class GoldEventResult:
    """How one gold event fared, with the reasons, for the person tuning the pipeline."""

    id: str
    required: bool
    found: bool
    fits: int  # predictions that fit it
    fits_in_window: int  # of those, dated inside the gold window
    best_id: str | None = None
    best_type: str | None = None
    best_date: str | None = None
    date_ok: bool | None = None  # None when not found
    roles_scored: int = 0
    roles_ok: int = 0
    docs_covered: tuple[str, ...] = ()
    docs_missing: tuple[str, ...] = ()
    failures: tuple[str, ...] = ()

    def to_dict(self) -> dict[str, Any]:
        """JSON-ready data: the fields, tuples as lists."""
        return {k: list(v) if isinstance(v, tuple) else v for k, v in asdict(self).items()}


@dataclass(frozen=True)
class EventReport:
    """The measures of EVALUATION.md section 2, their counts, and one result per gold event."""

    recall: float
    precision: float
    date_accuracy: float | None
    fragmentation: float | None
    source_coverage: float | None
    role_accuracy: float | None
    required: int  # required gold events
    found: int  # of those, found
    predicted: int  # predictions not negated (the precision denominator)
    fitting: int  # of those, fitting some gold event
    negated: int  # predictions left out of precision
    fragments: int  # predictions fitting a required gold event inside its window
    events: tuple[GoldEventResult, ...]
    false_alarms: tuple[PredictedEvent, ...] = ()  # predictions that fit no gold event

    def measures(self) -> dict[str, float | None]:
        """Each measure by name, in the order of EVALUATION.md."""
        return {target.measure: getattr(self, target.measure) for target in TARGETS}

    def passed(self) -> bool:
        """Whether every defined measure meets its target."""
        return all(
            target.met(value) is not False
            for target, value in zip(TARGETS, self.measures().values(), strict=True)
        )

    def to_dict(self) -> dict[str, Any]:
        """JSON-ready data: measures (rounded), counts, gold events, false alarms."""
        return {
            "measures": {
                name: None if value is None else round(value, 4)
                for name, value in self.measures().items()
            },
            "counts": {
                "required": self.required,
                "found": self.found,
                "predicted": self.predicted,
                "fitting": self.fitting,
                "negated": self.negated,
                "fragments": self.fragments,
            },
            "events": [result.to_dict() for result in self.events],
            "false_alarms": [
                {
                    "id": p.id,
                    "type": p.type,
                    "date": p.date,
                    "codes": sorted(p.codes),
                    "files": sorted(set(p.files)),
                }
                for p in self.false_alarms
            ],
        }

    def table(self) -> str:
        """Measures against their targets, then one line per required gold event."""
        rows = [("measure", "value", "target", "")]
        for target, value in zip(TARGETS, self.measures().values(), strict=True):
            verdict = {True: "pass", False: "FAIL", None: "n/a"}[target.met(value)]
            shown = "n/a" if value is None else f"{value:.3f}"
            rows.append((target.measure, shown, f"{target.op} {target.value}", verdict))
        widths = [max(len(row[i]) for row in rows) for i in range(4)]
        lines = [
            "  ".join(cell.ljust(w) for cell, w in zip(row, widths, strict=True)).rstrip()
            for row in rows
        ]
        lines += [
            "",
            f"required {self.required}, found {self.found}; predicted {self.predicted} "
            f"(+{self.negated} negated), fitting {self.fitting}",
            "",
        ]
        width = max((len(r.id) for r in self.events if r.required), default=0)
        for result in self.events:
            if not result.required:
                continue
            best = f"{result.best_type} {result.best_date or 'undated'}" if result.found else "-"
            mark = "found" if result.found else "MISSED"
            problems = "; ".join(result.failures) or "ok"
            lines.append(f"{result.id:<{width}}  {mark:<6}  {best:<20}  {problems}")
        if self.false_alarms:
            lines += ["", f"false alarms ({len(self.false_alarms)}):"]
            for p in self.false_alarms:
                files = ", ".join(sorted(set(p.files))) or "no mentions"
                lines.append(
                    f"  {p.id}  {p.type} {p.date or 'undated'}  {' '.join(sorted(p.codes))}  [{files}]"
                )
        return "\n".join(lines)


def evaluate_events(records: Sequence[Mapping[str, Any]], gold_file: Path) -> EventReport:
    """Score predicted event records (the JSONL export) against the gold ``events``.

    Raises :class:`~dateline.errors.EvaluationError` when the gold file is
    missing or malformed.
    """
    gold_events = read_gold_events(Path(gold_file))
    predictions = read_predictions(records)
    fitting = {gold.id: [p for p in predictions if gold.fits(p)] for gold in gold_events}
    best = {g.id: _best_fit(fitting[g.id], g) for g in gold_events if fitting[g.id]}
    results = tuple(_judge(gold, fitting[gold.id], best, predictions) for gold in gold_events)
    fragments = sum(
        1
        for p in predictions
        if any(g.required and g.dated_inside(p) and g.fits(p) for g in gold_events)
    )
    scored = [p for p in predictions if not p.negated]
    alarms = tuple(p for p in scored if not any(gold.fits(p) for gold in gold_events))
    found = [r for r in results if r.required and r.found]
    in_window = [r for r in found if r.date_ok]
    roles_scored = sum(r.roles_scored for r in found)
    required = sum(1 for r in results if r.required)
    return EventReport(
        recall=_ratio(len(found), required) or 0.0,
        precision=_ratio(len(scored) - len(alarms), len(scored)) or 0.0,
        date_accuracy=_ratio(len(in_window), len(found)),
        fragmentation=_ratio(fragments, len(in_window)),
        source_coverage=_mean(
            len(r.docs_covered) / (len(r.docs_covered) + len(r.docs_missing)) for r in found
        ),
        role_accuracy=_ratio(sum(r.roles_ok for r in found), roles_scored),
        required=required,
        found=len(found),
        predicted=len(scored),
        fitting=len(scored) - len(alarms),
        negated=len(predictions) - len(scored),
        fragments=fragments,
        events=results,
        false_alarms=alarms,
    )


def _ratio(part: int, whole: int) -> float | None:
    return part / whole if whole else None


def _mean(values: Iterable[float]) -> float | None:
    numbers = list(values)
    return sum(numbers) / len(numbers) if numbers else None


def _role_failures(prediction: PredictedEvent, gold: GoldEvent) -> list[str]:
    """One message per gold role (actor, recipient) the prediction gets wrong."""
    failures = []
    for role, want, have in (
        ("actor", gold.actor, prediction.actors),
        ("recipient", gold.recipient, prediction.recipients),
    ):
        if want and not set(want) <= have:
            failures.append(
                f"{role}: expected {', '.join(want)}, got {', '.join(sorted(have)) or 'none'}"
            )
    return failures


def _best_fit(fitting: list[PredictedEvent], gold: GoldEvent) -> PredictedEvent:
    # max() keeps the first of equals, so ties go to the earlier record.
    return max(
        fitting,
        key=lambda p: (
            gold.dated_inside(p),
            not _role_failures(p, gold),
            gold.mentions_from_docs(p),
            p.confidence,
        ),
    )


def _judge(
    gold: GoldEvent,
    fitting: list[PredictedEvent],
    best_fits: Mapping[str, PredictedEvent],
    predictions: tuple[PredictedEvent, ...],
) -> GoldEventResult:
    """The verdict on one gold event, given the predictions that fit it and every best fit."""
    if not fitting:
        return GoldEventResult(
            gold.id,
            gold.required,
            found=False,
            fits=0,
            fits_in_window=0,
            docs_missing=gold.docs,
            failures=(_why_not_found(gold, predictions),),
        )
    best = best_fits[gold.id]
    date_ok = gold.dated_inside(best)
    in_window = [p for p in fitting if gold.dated_inside(p)]
    role_failures = _role_failures(best, gold)
    roles_scored = bool(gold.actor) + bool(gold.recipient)
    covered = tuple(d for d in gold.docs if any(doc_matches(d, f) for f in best.files))
    missing = tuple(d for d in gold.docs if d not in covered)
    failures = []
    if not date_ok:
        failures.append(f"date {best.date or 'missing'} outside {gold.window}")
    failures += role_failures
    if missing:
        failures.append(f"sources {len(covered)}/{len(gold.docs)}: missing {', '.join(missing)}")
    if len(in_window) > 1:
        records = [_with_claims(p, gold, best_fits) for p in in_window]
        failures.append(f"split into {len(in_window)} records: {', '.join(records)}")
    return GoldEventResult(
        gold.id,
        gold.required,
        found=True,
        fits=len(fitting),
        fits_in_window=len(in_window),
        best_id=best.id,
        best_type=best.type,
        best_date=best.date,
        date_ok=date_ok,
        roles_scored=roles_scored,
        roles_ok=roles_scored - len(role_failures),
        docs_covered=covered,
        docs_missing=missing,
        failures=tuple(failures),
    )


def _with_claims(
    prediction: PredictedEvent, gold: GoldEvent, best_fits: Mapping[str, PredictedEvent]
) -> str:
    """A record's id, with the other gold events it is the best fit of."""
    others = [i for i, p in best_fits.items() if p is prediction and i != gold.id]
    return f"{prediction.id} (best fit of {', '.join(others)})" if others else prediction.id


def _why_not_found(gold: GoldEvent, predictions: tuple[PredictedEvent, ...]) -> str:
    """The fit checks failed by the closest prediction, or why there is none to show."""
    from_docs = [p for p in predictions if gold.mentions_from_docs(p)]
    if not from_docs:
        return f"no prediction has a mention from {', '.join(gold.docs)}"
    closest = min(
        from_docs,
        key=lambda p: (
            (p.type not in gold.types) + bool(gold.missing_participants(p)),
            len(gold.missing_participants(p)),
            not gold.dated_inside(p),
        ),
    )
    reasons = []
    if closest.type not in gold.types:
        reasons.append(f"type {closest.type or 'missing'} not in {', '.join(gold.types)}")
    missing = gold.missing_participants(closest)
    if missing:
        reasons.append(f"participants missing {', '.join(missing)}")
    return f"not found; closest {closest.id} ({closest.date or 'undated'}): {'; '.join(reasons)}"
