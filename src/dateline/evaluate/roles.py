"""Score who acted and on whom on labelled sentences (EVALUATION.md section 2c).

The labelled file is JSONL as for the coder (``sentence``, ``type``) with
``source`` and ``target``: the marked words of each relation, lists of
strings. Each sentence is coded on its own (its own article, no
publication date). A predicted actor matches the gold source when the words
it carries (``text``) lie in the sentence and share a content word with a
gold source span; the same for recipients and the target.

Per sentence, the event judged is the most confident event of the gold
type, else the most confident event (negated ones aside):

- source recall: sentences with a marked source whose judged event has an
  actor matching it; source precision: actors of judged events that match
  the gold source (the same for targets and recipients);
- dyad accuracy: sentences where some event of the gold type has an actor
  matching the source and a recipient matching the target.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from tqdm import tqdm

from ..coder.labels import LabelledSentence, development_split, read_labels
from ..knowledge import load_yaml
from ..models import Event
from ..settings import Settings
from .coder import as_gold_type

__all__ = ["RoleReport", "evaluate_roles", "score_roles"]

_WORD = re.compile(r"\w+")


@dataclass(frozen=True)
class RoleCount:
    """Matches of one role: gold spans found, predicted spans right."""

    gold: int = 0
    found: int = 0
    predicted: int = 0
    correct: int = 0

    @property
    def recall(self) -> float:
        return self.found / self.gold if self.gold else 0.0

    @property
    def precision(self) -> float:
        return self.correct / self.predicted if self.predicted else 0.0

    def add(self, gold: bool, found: bool, predicted: int, correct: int) -> RoleCount:
        return RoleCount(
            self.gold + gold,
            self.found + (gold and found),
            self.predicted + predicted,
            self.correct + correct,
        )


@dataclass(frozen=True)
class RoleReport:
    """Source and target span recall and precision, and dyad accuracy."""

    sentences: int
    source: RoleCount
    target: RoleCount
    dyads: int  # sentences with both roles marked
    dyads_right: int

    @property
    def dyad_accuracy(self) -> float:
        return self.dyads_right / self.dyads if self.dyads else 0.0

    def to_dict(self) -> dict[str, Any]:
        return {
            "sentences": self.sentences,
            "source_recall": round(self.source.recall, 4),
            "source_precision": round(self.source.precision, 4),
            "target_recall": round(self.target.recall, 4),
            "target_precision": round(self.target.precision, 4),
            "dyad_accuracy": round(self.dyad_accuracy, 4),
            "dyads": self.dyads,
        }

    def table(self) -> str:
        rows = [
            ("source recall", self.source.recall, ">= 0.75"),
            ("source precision", self.source.precision, ""),
            ("target recall", self.target.recall, ">= 0.60"),
            ("target precision", self.target.precision, ""),
            ("dyad accuracy", self.dyad_accuracy, ">= 0.40"),
        ]
        lines = [f"{'measure':<17} value  held-out target"]
        lines += [f"{name:<17} {value:.3f}  {target}" for name, value, target in rows]
        lines.append(f"sentences {self.sentences}, with source and target {self.dyads}")
        return "\n".join(lines)


def content_words(text: str) -> frozenset[str]:
    """The words of ``text`` that say who, lower-cased: function words left out."""
    return frozenset(w for w in _WORD.findall(text.casefold()) if w not in _function_words())


def _function_words() -> frozenset[str]:
    return frozenset(load_yaml("stopwords.yaml")["en"]) | {"a", "s"}


def _matches(words: str | None, sentence: str, gold: Sequence[str]) -> bool:
    if not words or words not in sentence:
        return False
    mine = content_words(words)
    return any(mine & content_words(span) for span in gold)


def _judged(events: Sequence[Event], gold_type: str, gold_types: set[str]) -> Event | None:
    standing = [e for e in events if e.status != "negated"]
    typed = [e for e in standing if as_gold_type(e.type, gold_types) == gold_type]
    pool = typed or standing
    return max(pool, key=lambda e: e.confidence) if pool else None


def score_roles(
    items: Sequence[LabelledSentence], code: Callable[[list[str]], Iterable[Sequence[Event]]]
) -> RoleReport:
    """Score ``code``, which gives the events of each sentence, against the marked roles."""
    gold_types = {item.type for item in items}
    source, target = RoleCount(), RoleCount()
    dyads = right = 0
    for item, events in zip(items, code([item.sentence for item in items]), strict=True):
        judged = _judged(events, item.type, gold_types)
        actors = judged.actors if judged else ()
        recipients = judged.recipients if judged else ()
        hits = [_matches(a.text, item.sentence, item.source) for a in actors]
        source = source.add(bool(item.source), any(hits), len(hits), sum(hits))
        hits = [_matches(r.text, item.sentence, item.target) for r in recipients]
        target = target.add(bool(item.target), any(hits), len(hits), sum(hits))
        if item.source and item.target:
            dyads += 1
            right += any(
                as_gold_type(e.type, gold_types) == item.type
                and e.status != "negated"
                and any(_matches(a.text, item.sentence, item.source) for a in e.actors)
                and any(_matches(r.text, item.sentence, item.target) for r in e.recipients)
                for e in events
            )
    return RoleReport(len(items), source, target, dyads, right)


def evaluate_roles(
    path: Path, settings: Settings, *, split: str = "all", progress: bool = False
) -> RoleReport:
    """Read a labelled file, code its sentences (all, or the development fifth), score roles."""
    from ..extract import extract_many

    items = read_labels(path)
    if split == "dev":
        items = development_split(items)[1]  # the same fifth the coder is scored on
    items = [item for item in items if item.source or item.target]

    def code(sentences: list[str]) -> Iterable[Sequence[Event]]:
        found = extract_many(sentences, settings=settings)
        return list(
            tqdm(found, total=len(sentences), unit="sentence", disable=not progress, leave=False)
        )

    return score_roles(items, code)
