"""Score the time tagger on TimeML files, as the TempEval-3 scorer does.

For every ``.tml`` file the text inside ``<TEXT>`` is stripped of its tags
(the character offsets of the gold TIMEX3 tags are kept), tagged with the
document creation time as anchor, and compared with the gold:

- extent precision, recall and F1, strict (same offsets) and relaxed
  (overlapping);
- value F1: relaxed matches whose TIMEX3 value equals the gold value, over
  the predicted (precision) and the gold (recall) expressions;
- type accuracy: relaxed matches whose type equals the gold type.
"""

from __future__ import annotations

import xml.etree.ElementTree as ET
from collections.abc import Iterable
from dataclasses import asdict, dataclass
from datetime import date, datetime
from pathlib import Path
from typing import Any

from ..errors import EvaluationError
from ..settings import Settings

__all__ = ["GoldTimex", "TimeMLDocument", "TimexReport", "evaluate_timex", "read_timeml", "score"]


@dataclass(frozen=True)
class GoldTimex:
    """One gold (or predicted) TIMEX3: offsets into the stripped text, type and value."""

    start: int
    end: int
    type: str
    value: str


@dataclass(frozen=True)
class TimeMLDocument:
    """A TimeML file read: its creation time, plain text and gold expressions."""

    name: str
    creation_time: date | datetime
    text: str
    timexes: tuple[GoldTimex, ...]


def _f1(precision: float, recall: float) -> float:
    return 2 * precision * recall / (precision + recall) if precision + recall else 0.0


@dataclass(frozen=True)
class TimexReport:
    """Counts summed over all files, and the scores computed from them."""

    files: int
    gold: int
    predicted: int
    strict_predicted: int  # predicted expressions with an exactly matching gold one
    strict_gold: int
    relaxed_predicted: int  # predicted expressions overlapping a gold one
    relaxed_gold: int
    value_correct: int
    type_correct: int
    matched: int  # one-to-one relaxed pairs

    def _ratio(self, part: int, whole: int) -> float:
        return part / whole if whole else 0.0

    @property
    def strict_f1(self) -> float:
        precision = self._ratio(self.strict_predicted, self.predicted)
        return _f1(precision, self._ratio(self.strict_gold, self.gold))

    @property
    def relaxed_precision(self) -> float:
        return self._ratio(self.relaxed_predicted, self.predicted)

    @property
    def relaxed_recall(self) -> float:
        return self._ratio(self.relaxed_gold, self.gold)

    @property
    def relaxed_f1(self) -> float:
        return _f1(self.relaxed_precision, self.relaxed_recall)

    @property
    def value_precision(self) -> float:
        return self._ratio(self.value_correct, self.predicted)

    @property
    def value_recall(self) -> float:
        return self._ratio(self.value_correct, self.gold)

    @property
    def value_f1(self) -> float:
        return _f1(self.value_precision, self.value_recall)

    @property
    def type_accuracy(self) -> float:
        return self._ratio(self.type_correct, self.matched)

    def to_dict(self) -> dict[str, Any]:
        """Counts and scores, JSON-ready."""
        scores = {
            name: round(getattr(self, name), 4)
            for name in (
                "strict_f1",
                "relaxed_precision",
                "relaxed_recall",
                "relaxed_f1",
                "value_precision",
                "value_recall",
                "value_f1",
                "type_accuracy",
            )
        }
        return {"counts": asdict(self), "scores": scores}

    def table(self) -> str:
        """The scores as an aligned text table."""
        rows = [
            ("files", str(self.files)),
            ("gold / predicted", f"{self.gold} / {self.predicted}"),
            ("extent F1 (strict)", f"{self.strict_f1:.3f}"),
            (
                "extent P / R / F1 (relaxed)",
                self._triple(self.relaxed_precision, self.relaxed_recall),
            ),
            ("value P / R / F1", self._triple(self.value_precision, self.value_recall)),
            ("type accuracy", f"{self.type_accuracy:.3f}"),
        ]
        width = max(len(name) for name, _ in rows)
        return "\n".join(f"{name:<{width}}  {value}" for name, value in rows)

    @staticmethod
    def _triple(precision: float, recall: float) -> str:
        return f"{precision:.3f} / {recall:.3f} / {_f1(precision, recall):.3f}"


def _parse_creation_time(value: str, name: str) -> date | datetime:
    try:
        return datetime.fromisoformat(value) if "T" in value else date.fromisoformat(value[:10])
    except ValueError:
        raise EvaluationError(f"creation time {value!r} is not an ISO date", source=name) from None


def read_timeml(path: Path) -> TimeMLDocument:
    """Read one TempEval-3 TimeML file; raise :class:`EvaluationError` if malformed."""
    name = str(path)
    try:
        root = ET.parse(path).getroot()
    except (ET.ParseError, OSError) as error:
        raise EvaluationError(f"not a readable TimeML file ({error})", source=name) from None
    creation = next(
        (t for t in root.iter("TIMEX3") if t.get("functionInDocument") == "CREATION_TIME"), None
    )
    if creation is None or not creation.get("value"):
        raise EvaluationError(
            'no TIMEX3 with functionInDocument="CREATION_TIME" and a value', source=name
        )
    body = root.find("TEXT")
    if body is None:
        raise EvaluationError("no <TEXT> element", source=name)
    pieces: list[str] = []
    timexes: list[GoldTimex] = []

    def walk(element: ET.Element) -> None:
        pieces.append(element.text or "")
        for child in element:
            start = sum(map(len, pieces))
            walk(child)
            if child.tag == "TIMEX3":
                end = sum(map(len, pieces))
                kind, value = child.get("type"), child.get("value")
                if not kind or value is None:
                    raise EvaluationError(
                        f"TIMEX3 {child.get('tid')!r} has no type or value", source=name
                    )
                timexes.append(GoldTimex(start, end, kind, value))
            pieces.append(child.tail or "")

    walk(body)
    return TimeMLDocument(
        name=path.name,
        creation_time=_parse_creation_time(creation.get("value", ""), name),
        text="".join(pieces),
        timexes=tuple(timexes),
    )


def score(gold: Iterable[GoldTimex], predicted: Iterable[GoldTimex]) -> TimexReport:
    """Compare the expressions of one document (``files`` is 1)."""
    gold, predicted = list(gold), list(predicted)

    def overlaps(a: GoldTimex, b: GoldTimex) -> bool:
        return a.start < b.end and b.start < a.end

    exact = {(g.start, g.end) for g in gold}
    found = {(p.start, p.end) for p in predicted}
    used: set[int] = set()
    value_correct = type_correct = matched = 0
    for g in gold:
        pair = next((i for i, p in enumerate(predicted) if i not in used and overlaps(g, p)), None)
        if pair is None:
            continue
        used.add(pair)
        matched += 1
        value_correct += predicted[pair].value == g.value
        type_correct += predicted[pair].type == g.type
    return TimexReport(
        files=1,
        gold=len(gold),
        predicted=len(predicted),
        strict_predicted=sum((p.start, p.end) in exact for p in predicted),
        strict_gold=sum((g.start, g.end) in found for g in gold),
        relaxed_predicted=sum(any(overlaps(p, g) for g in gold) for p in predicted),
        relaxed_gold=sum(any(overlaps(g, p) for p in predicted) for g in gold),
        value_correct=value_correct,
        type_correct=type_correct,
        matched=matched,
    )


def _add(a: TimexReport, b: TimexReport) -> TimexReport:
    return TimexReport(**{k: getattr(a, k) + getattr(b, k) for k in asdict(a)})


def evaluate_timex(directory: Path | str, settings: Settings) -> TimexReport:
    """Tag every ``.tml`` file of ``directory`` and score it against its gold."""
    from ..nlp import parse_many
    from ..time import tag_doc

    paths = sorted(Path(directory).glob("*.tml"))
    if not paths:
        raise EvaluationError("no .tml files found", source=str(directory))
    documents = [read_timeml(path) for path in paths]
    total = TimexReport(0, 0, 0, 0, 0, 0, 0, 0, 0, 0)
    docs = parse_many((d.text for d in documents), settings, size_hint=len(documents))
    for document, doc in zip(documents, docs, strict=True):
        predicted = [
            GoldTimex(v.start_char, v.end_char, v.type, v.value)
            for v in tag_doc(doc, document.creation_time)
        ]
        total = _add(total, score(document.timexes, predicted))
    return total
