"""``dateline eval articles``: extracted article metadata against a gold file.

The rules are those of EVALUATION.md section 1. Records (the fields of
``dateline articles --format jsonl``) are matched to the gold ``documents``
by ``file``; a gold document with no record fails every field it scores.
"""

from __future__ import annotations

import re
from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import yaml

from ..errors import EvaluationError

__all__ = ["ArticleReport", "Failure", "FieldScore", "evaluate_articles"]

FIELDS = ("title", "published", "outlet", "authors", "body")


@dataclass(frozen=True)
class FieldScore:
    """How many scored values of one field were right."""

    field: str
    correct: int
    scored: int


@dataclass(frozen=True)
class Failure:
    """One wrong value: which document, which field, what was expected and what came out."""

    file: str
    field: str
    expected: Any
    got: Any


@dataclass(frozen=True)
class ArticleReport:
    """Per-field scores and the failures behind them."""

    fields: tuple[FieldScore, ...]
    failures: tuple[Failure, ...]

    def score(self, field: str) -> FieldScore:
        """The score of one field ("title", "published", "outlet", "authors", "body")."""
        return next(score for score in self.fields if score.field == field)

    @property
    def perfect(self) -> bool:
        """Whether every scored value is right."""
        return not self.failures

    def to_dict(self) -> dict[str, Any]:
        """The report as JSON-ready data."""
        return {
            "fields": {s.field: {"correct": s.correct, "scored": s.scored} for s in self.fields},
            "failures": [
                {"file": f.file, "field": f.field, "expected": f.expected, "got": f.got}
                for f in self.failures
            ],
        }

    def table(self) -> str:
        """An aligned text table: one row per field, then the failures."""
        rows = [("field", "correct", "scored", "accuracy")]
        for s in self.fields:
            accuracy = f"{s.correct / s.scored:.2f}" if s.scored else "-"
            rows.append((s.field, str(s.correct), str(s.scored), accuracy))
        widths = [max(len(row[i]) for row in rows) for i in range(4)]
        lines = [
            "  ".join(
                cell.ljust(w) if i == 0 else cell.rjust(w)
                for i, (cell, w) in enumerate(zip(row, widths, strict=True))
            )
            for row in rows
        ]
        if self.failures:
            lines += ["", "failures:"]
            for f in self.failures:
                lines.append(
                    f"  {f.file}  {f.field}: expected {_short(f.expected)}, got {_short(f.got)}"
                )
        return "\n".join(lines)


def _short(value: Any, limit: int = 90) -> str:
    text = repr(value)
    return text if len(text) <= limit else text[: limit - 3] + "..."


def evaluate_articles(records: Sequence[Mapping[str, Any]], gold_file: Path) -> ArticleReport:
    """Score article records against the ``documents`` of ``gold_file``."""
    documents = _read_gold(Path(gold_file))
    by_file = {str(record.get("file")): record for record in records}
    correct = dict.fromkeys(FIELDS, 0)
    scored = dict.fromkeys(FIELDS, 0)
    failures: list[Failure] = []
    for gold in documents:
        record = by_file.get(gold["file"], {})
        for field, judge in _JUDGES.items():
            verdict = judge(gold, record)
            if verdict is None:
                continue
            ok, expected, got = verdict
            scored[field] += 1
            if ok:
                correct[field] += 1
            else:
                failures.append(Failure(gold["file"], field, expected, got))
    return ArticleReport(
        fields=tuple(FieldScore(f, correct[f], scored[f]) for f in FIELDS),
        failures=tuple(failures),
    )


def _read_gold(path: Path) -> list[dict[str, Any]]:
    try:
        data = yaml.safe_load(path.read_text(encoding="utf-8"))
    except OSError as error:
        raise EvaluationError(
            f"cannot read gold file: {error.strerror}", source=str(path)
        ) from None
    except yaml.YAMLError as error:
        raise EvaluationError(f"gold file is not valid YAML: {error}", source=str(path)) from None
    if not isinstance(data, dict) or not isinstance(data.get("documents"), list):
        raise EvaluationError(
            "gold file has no 'documents' list (see EVALUATION.md section 1)", source=str(path)
        )
    for number, document in enumerate(data["documents"], start=1):
        if not isinstance(document, dict) or not isinstance(document.get("file"), str):
            raise EvaluationError(f"gold document {number} has no 'file'", source=str(path))
    return data["documents"]


_SPACE = re.compile(r"\s+")
_TRAILING_TAG = re.compile(r"\s*[\[(][^\])]{1,30}[\])]$")
_LEADING_DATELINE = re.compile(
    r"^[A-Z][A-Z'’.\- ]+(?:,[^.!?\n]{1,60}?)?(?:\s*[(/][^)/]{1,30}[)/])?\s*[-–—:.]*\s*$"
)

Verdict = tuple[bool, Any, Any] | None


def _collapse(text: Any) -> str:
    return _SPACE.sub(" ", str(text or "")).strip()


def _judge_title(gold: Mapping[str, Any], record: Mapping[str, Any]) -> Verdict:
    expected, got = gold.get("title"), record.get("title")
    if not expected:
        return None
    want, have = _collapse(expected).casefold(), _collapse(got).casefold()
    return (want == have or want == _TRAILING_TAG.sub("", have), expected, got)


def _judge_published(gold: Mapping[str, Any], record: Mapping[str, Any]) -> Verdict:
    expected, got = gold.get("published"), record.get("published")
    if not expected:
        return None
    want, have = str(expected), str(got or "")
    ok = have[:10] == want[:10] and (len(want) <= 10 or have[11:16] == want[11:16])
    return (ok, expected, got)


def _judge_outlet(gold: Mapping[str, Any], record: Mapping[str, Any]) -> Verdict:
    expected, got = gold.get("outlet"), record.get("outlet")
    if not expected:
        return None
    choices = expected if isinstance(expected, list) else [expected]
    ok = _collapse(got).casefold() in {_collapse(c).casefold() for c in choices}
    return (ok, expected, got)


def _judge_authors(gold: Mapping[str, Any], record: Mapping[str, Any]) -> Verdict:
    expected, got = gold.get("authors"), record.get("authors") or []
    if not expected:
        return None
    want = sorted(_collapse(a).casefold() for a in expected)
    have = sorted(_collapse(a).casefold() for a in got)
    return (want == have, expected, got)


def _judge_body(gold: Mapping[str, Any], record: Mapping[str, Any]) -> Verdict:
    first, last, banned = gold.get("body_first"), gold.get("body_last"), gold.get("not_body") or []
    if not (first or last or banned):
        return None
    body = _collapse(record.get("body"))
    problems = []
    if first and not _starts_with(body, _collapse(first)):
        problems.append(f"does not start with {first!r}: {body[:80]!r}")
    if last and not body.endswith(_collapse(last)):
        problems.append(f"does not end with {last!r}: {body[-80:]!r}")
    problems += [f"contains {text!r}" for text in banned if _collapse(text) in body]
    return (not problems, "body rules", "; ".join(problems) or "ok")


def _starts_with(body: str, first: str) -> bool:
    if body.startswith(first):
        return True
    position = body.find(first)
    return 0 < position <= 80 and bool(_LEADING_DATELINE.match(body[:position]))


_JUDGES = {
    "title": _judge_title,
    "published": _judge_published,
    "outlet": _judge_outlet,
    "authors": _judge_authors,
    "body": _judge_body,
}
