"""What a coder learns from: labelled sentences read as the pipeline reads them.

Each sentence is parsed once and kept as its sparse features
(:mod:`.features`), its text (for the embedding) and, for a label that is an
older PLOVER root, the types the trigger lexicon codes in it
(:func:`dateline.coder.training.resolve_older_roots` splits the root by them).
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from typing import TYPE_CHECKING

from ..events.ontology import older_roots
from .features import sentence_features
from .model import SHIPPED_SPARSE_MODEL

if TYPE_CHECKING:
    from ..settings import Settings

__all__ = ["SHIPPED_NEGATIVES", "TrainingExample", "read_sentences"]

# Sentences of news English that report no act, written for Dateline.
SHIPPED_NEGATIVES = SHIPPED_SPARSE_MODEL / "no_event.jsonl"


@dataclass(frozen=True)
class TrainingExample:
    """One sentence as the coder reads it, with its label and weight."""

    features: tuple[str, ...]
    text: str
    lexicon_types: tuple[str, ...]  # read only where the label is an older root (YIELD)
    label: str
    weight: float = 1.0


def read_sentences(
    texts: Sequence[str],
    labels: Sequence[str],
    settings: Settings,
    *,
    weights: Sequence[float] | None = None,
    progress: bool = False,
) -> list[TrainingExample]:
    """Parse labelled sentences and read them as the coder will: features and text (each
    sentence its own text); for a label that is an older root, the types the lexicon
    codes, which :func:`resolve_older_roots` splits it by."""
    from tqdm import tqdm

    from ..events import find_mentions
    from ..events.triggers import find_triggers
    from ..nlp import parse_many

    weights = weights if weights is not None else [1.0] * len(texts)
    docs = parse_many(texts, settings, size_hint=len(texts))
    bar = tqdm(docs, total=len(texts), unit="sentence", disable=not progress, leave=False)
    examples = []
    roots = older_roots()
    for doc, label, weight in zip(bar, labels, weights, strict=True):
        coded = {m.type for m in find_mentions(doc)} if label in roots else set()
        examples.append(
            TrainingExample(
                features=tuple(sentence_features(doc[:], find_triggers(doc))),
                text=doc.text,
                lexicon_types=tuple(sorted(coded)),
                label=label,
                weight=weight,
            )
        )
    return examples
