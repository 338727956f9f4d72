"""What ``dateline eval events`` compares: gold events and predicted event records.

Both sides are read into frozen dataclasses before any scoring, so that the
scorer in :mod:`.events` works on checked, typed values:

- :func:`read_gold_events` reads the ``events`` of a gold YAML file
  (EVALUATION.md section 2) and raises :class:`~dateline.errors.EvaluationError`
  naming the event and the field that is wrong;
- :func:`read_predictions` reads records in the export format of DESIGN.md
  (``dateline export --format jsonl``), leniently: a missing field counts as
  empty, so a half-built exporter still gets a score.
"""

from __future__ import annotations

import calendar
import re
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass
from datetime import date, datetime
from pathlib import Path
from typing import Any

import yaml

from ..errors import EvaluationError

__all__ = [
    "GoldEvent",
    "Period",
    "PredictedEvent",
    "doc_matches",
    "period_of",
    "read_gold_events",
    "read_predictions",
]


@dataclass(frozen=True)
class Period:
    """The days a date value may stand for: one day, a whole month or a whole year."""

    first: date
    last: date

    def within(self, earliest: date, latest: date) -> bool:
        """Whether every day of the period lies inside ``[earliest, latest]``."""
        return earliest <= self.first and self.last <= latest


@dataclass(frozen=True)
class GoldEvent:
    """One entry of the gold ``events`` list."""

    id: str
    types: tuple[str, ...]
    participants: tuple[str, ...]
    earliest: date
    latest: date
    docs: tuple[str, ...]
    required: bool = True
    actor: tuple[str, ...] = ()  # empty: the role is not scored
    recipient: tuple[str, ...] = ()

    @property
    def window(self) -> str:
        """The date window as people write it: ``[2020-11-09, 2020-11-10]``."""
        return f"[{self.earliest.isoformat()}, {self.latest.isoformat()}]"

    def fits(self, prediction: PredictedEvent) -> bool:
        """Whether a prediction fits: one of the types, every participant, a mention from the docs."""
        return (
            prediction.type in self.types
            and not self.missing_participants(prediction)
            and self.mentions_from_docs(prediction) > 0
        )

    def missing_participants(self, prediction: PredictedEvent) -> tuple[str, ...]:
        """The gold participant codes that are neither actor nor recipient of the prediction."""
        return tuple(code for code in self.participants if code not in prediction.codes)

    def mentions_from_docs(self, prediction: PredictedEvent) -> int:
        """How many of the prediction's mentions come from the gold documents."""
        return sum(1 for file in prediction.files if any(doc_matches(d, file) for d in self.docs))

    def dated_inside(self, prediction: PredictedEvent) -> bool:
        """Whether the prediction's date (a range's start) lies inside the gold window."""
        period = prediction.period
        return period is not None and period.within(self.earliest, self.latest)


@dataclass(frozen=True)
class PredictedEvent:
    """The parts of an exported event record that the scorer looks at."""

    id: str
    type: str
    actors: frozenset[str]  # country or organisation codes
    recipients: frozenset[str]
    date: str | None
    period: Period | None  # of the date (for a range, of its start)
    status: str | None
    confidence: float
    files: tuple[str, ...]  # the ``file`` of each mention, in order

    @property
    def codes(self) -> frozenset[str]:
        """Every participant code, actor or recipient."""
        return self.actors | self.recipients

    @property
    def negated(self) -> bool:
        """Whether the record says the event did not happen (left out of precision)."""
        return (self.status or "").lower() == "negated"


def doc_matches(doc: str, file: str) -> bool:
    """Whether a gold document id names a mention's input file.

    ``"000"`` names ``"000"``, ``"000.txt"`` and ``"000_6414ef0f6e107aab.txt"``
    but not ``"0001.txt"``: gold files name documents by a prefix that ends at
    an underscore or a dot.
    """
    name = re.split(r"[\\/]", file)[-1]
    return name == doc or (name.startswith(doc) and name[len(doc) : len(doc) + 1] in ("_", "."))


_DATE = re.compile(r"^(\d{4})(?:-(\d{2})(?:-(\d{2}))?)?(?:[T ].*)?$")
_PRECISION_PARTS = {"year": 1, "month": 2}  # finer precisions keep the day


def period_of(value: Any, precision: str | None = None) -> Period | None:
    """The days a date value stands for, or None when it is not a calendar date.

    ``"2020-09-27"`` is one day, ``"2020-09"`` the 30 days of September,
    ``"2020"`` the year; a coarser ``precision`` ("month", "year") widens a full
    date to its month or year. Values the year of which is unknown
    (``"XXXX-11-06"``) or that are not ISO dates give None.
    """
    if isinstance(value, datetime):
        value = value.date()
    if isinstance(value, date):
        value = value.isoformat()
    if not isinstance(value, str):
        return None
    match = _DATE.match(value.strip())
    if not match:
        return None
    parts = [int(part) for part in match.groups() if part is not None]
    parts = parts[: _PRECISION_PARTS.get(precision or "", 3)]
    try:
        if len(parts) == 1:
            return Period(date(parts[0], 1, 1), date(parts[0], 12, 31))
        if len(parts) == 2:
            last_day = calendar.monthrange(parts[0], parts[1])[1]
            return Period(date(parts[0], parts[1], 1), date(parts[0], parts[1], last_day))
        day = date(parts[0], parts[1], parts[2])
    except ValueError:
        return None  # "2020-13-01", "2021-02-30"
    return Period(day, day)


def read_predictions(records: Iterable[Mapping[str, Any]]) -> tuple[PredictedEvent, ...]:
    """Predicted events from export records (DESIGN.md), in the order given."""
    events = []
    for number, record in enumerate(records, start=1):
        if not isinstance(record, Mapping):
            raise EvaluationError(
                f"predicted event {number} is a {type(record).__name__}, not a record",
                source="predicted events",
            )
        date_value = record.get("date")
        events.append(
            PredictedEvent(
                id=str(record.get("id") or f"#{number}"),
                type=str(record.get("type") or "").upper(),
                actors=_codes(record.get("actors")),
                recipients=_codes(record.get("recipients")),
                date=None if date_value is None else str(date_value),
                period=period_of(date_value, record.get("date_precision")),
                status=record.get("status"),
                confidence=_number(record.get("confidence")),
                files=tuple(_mention_files(record.get("mentions"))),
            )
        )
    return tuple(events)


def _codes(participants: Any) -> frozenset[str]:
    # Actors are {"code": ...} records in the export; bare codes are accepted
    # so that hand-written predictions stay short.
    codes = set()
    for participant in participants or ():
        code = participant.get("code") if isinstance(participant, Mapping) else participant
        if isinstance(code, str) and code:
            codes.add(code.upper())
    return frozenset(codes)


def _mention_files(mentions: Any) -> list[str]:
    files = []
    for mention in mentions or ():
        if isinstance(mention, Mapping):
            file = mention.get("file") or mention.get("doc")
        else:
            file = mention
        if isinstance(file, str) and file:
            files.append(file)
    return files


def _number(value: Any) -> float:
    try:
        return float(value)
    except (TypeError, ValueError):
        return 0.0


def read_gold_events(path: Path) -> tuple[GoldEvent, ...]:
    """The ``events`` of a gold YAML file, checked field by field."""
    source = str(path)
    try:
        data = yaml.safe_load(Path(path).read_text(encoding="utf-8"))
    except OSError as error:
        raise EvaluationError(f"cannot read gold file: {error.strerror}", source=source) from None
    except yaml.YAMLError as error:
        raise EvaluationError(f"gold file is not valid YAML: {error}", source=source) from None
    if not isinstance(data, dict) or not isinstance(data.get("events"), list):
        raise EvaluationError(
            "gold file has no 'events' list (see EVALUATION.md section 2)", source=source
        )
    events = []
    seen: set[str] = set()
    for number, entry in enumerate(data["events"], start=1):
        event = _gold_event(entry, number, source)
        if event.id in seen:
            raise EvaluationError(f"gold event id {event.id!r} is used twice", source=source)
        seen.add(event.id)
        events.append(event)
    return tuple(events)


def _gold_event(entry: Any, number: int, source: str) -> GoldEvent:
    if not isinstance(entry, dict):
        raise EvaluationError(f"gold event {number} is not a mapping", source=source)
    name = f"gold event {number}"
    if not isinstance(entry.get("id"), str) or not entry["id"]:
        raise EvaluationError(f"{name} has no 'id'", source=source)
    name = f"gold event {number} ({entry['id']!r})"
    types = _strings(entry.get("types"), f"{name}: 'types'", source, allow_empty=False)
    docs = _strings(entry.get("docs"), f"{name}: 'docs'", source, allow_empty=False)
    required = entry.get("required", True)
    if not isinstance(required, bool):
        raise EvaluationError(f"{name}: 'required' must be true or false", source=source)
    earliest, latest = _window(entry.get("date"), name, source)
    return GoldEvent(
        id=entry["id"],
        types=tuple(t.upper() for t in types),
        participants=_codes_of(entry.get("participants"), f"{name}: 'participants'", source),
        earliest=earliest,
        latest=latest,
        docs=docs,
        required=required,
        actor=_codes_of(entry.get("actor"), f"{name}: 'actor'", source),
        recipient=_codes_of(entry.get("recipient"), f"{name}: 'recipient'", source),
    )


def _strings(value: Any, what: str, source: str, *, allow_empty: bool) -> tuple[str, ...]:
    if isinstance(value, str):
        value = [value]
    if not isinstance(value, list) or (not value and not allow_empty):
        raise EvaluationError(f"{what} must be a non-empty list, got {value!r}", source=source)
    for item in value:
        if not isinstance(item, str):
            # YAML reads an unquoted 000 as the number 0, losing the prefix.
            raise EvaluationError(
                f'{what} must hold strings, got {item!r}: quote it, e.g. "000"', source=source
            )
    return tuple(value)


def _codes_of(value: Any, what: str, source: str) -> tuple[str, ...]:
    if value is None:
        return ()
    return tuple(code.upper() for code in _strings(value, what, source, allow_empty=True))


def _window(value: Any, name: str, source: str) -> tuple[date, date]:
    problem = f"{name}: 'date' must be [earliest, latest] as ISO dates, got {value!r}"
    if not isinstance(value, Sequence) or isinstance(value, str) or len(value) != 2:
        raise EvaluationError(problem, source=source)
    bounds = [period_of(bound) for bound in value]
    if any(bound is None or bound.first != bound.last for bound in bounds):
        raise EvaluationError(problem, source=source)
    earliest, latest = (bound.first for bound in bounds if bound is not None)
    if earliest > latest:
        raise EvaluationError(f"{name}: 'date' window ends before it starts", source=source)
    return earliest, latest
