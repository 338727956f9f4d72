"""Labelled sentences: what the event coder learns from and is scored on.

A labels file is JSONL with at least ``sentence`` and ``type`` per line (the
fields of the PLV data set, Hu et al. 2024; ``id``, ``source`` and
``target`` are optional). :func:`development_split` is the one definition of the fixed
development fifth that training leaves out and ``eval coder --split dev``
scores.
"""

from __future__ import annotations

import json
import random
from collections.abc import Iterator, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from ..errors import SourceError

__all__ = ["LabelledSentence", "development_split", "json_records", "read_labels"]

SPLIT_SEED = 2024
DEV_FRACTION = 0.2


@dataclass(frozen=True)
class LabelledSentence:
    """One sentence with the type a person gave it (and its roles, when marked)."""

    id: str
    sentence: str
    type: str
    source: tuple[str, ...] = ()
    target: tuple[str, ...] = ()


def read_labels(path: Path) -> list[LabelledSentence]:
    """The labelled sentences of a JSONL file; a bad line raises with its number."""
    items = []
    for number, where, record in json_records(path, "labels"):
        sentence, kind = record.get("sentence"), record.get("type")
        if not isinstance(sentence, str) or not sentence.strip():
            raise SourceError("no 'sentence' text", source=where)
        if not isinstance(kind, str) or not kind.strip():
            raise SourceError("no 'type'", source=where)
        items.append(
            LabelledSentence(
                id=str(record.get("id") or number),
                sentence=sentence.strip(),
                type=kind.strip().upper(),
                source=_strings(record.get("source")),
                target=_strings(record.get("target")),
            )
        )
    if not items:
        raise SourceError("no labelled sentences", source=str(path))
    return items


def json_records(path: Path, what: str) -> Iterator[tuple[int, str, dict[str, Any]]]:
    """(line number, "path:line", record) for each JSON object of a labelled JSONL file;
    a file that cannot be read, or a line that is not a JSON object, raises SourceError
    naming it (``what`` says what the file holds: "labels")."""
    try:
        lines = path.read_text(encoding="utf-8").splitlines()
    except (OSError, UnicodeDecodeError) as error:
        raise SourceError(f"cannot read {what}: {error}", source=str(path)) from None
    for number, line in enumerate(lines, start=1):
        if not line.strip():
            continue
        where = f"{path}:{number}"
        try:
            record = json.loads(line)
        except json.JSONDecodeError as error:
            raise SourceError(f"malformed JSON ({error.msg})", source=where) from None
        if not isinstance(record, dict):
            raise SourceError("expected a JSON object", source=where)
        yield number, where, record


def _strings(value: Any) -> tuple[str, ...]:
    if isinstance(value, str):
        return (value,) if value.strip() else ()
    if isinstance(value, list):
        return tuple(str(v) for v in value if str(v).strip())
    return ()


def development_split(
    items: Sequence[LabelledSentence],
) -> tuple[list[LabelledSentence], list[LabelledSentence]]:
    """(training part, development fifth): a seeded shuffle of the ids, the same every run."""
    ids = sorted({item.id for item in items})
    random.Random(SPLIT_SEED).shuffle(ids)
    held = set(ids[: round(len(ids) * DEV_FRACTION)])
    return (
        [item for item in items if item.id not in held],
        [item for item in items if item.id in held],
    )
