"""How sure an event mention is: a calibrated map from what was read about it.

An event's ``confidence`` is meant to be read as a frequency: among events of
confidence about 0.8, about eight in ten have the right PLOVER type. It is
a logistic map (Platt scaling) of a few features of the mention::

    confidence = 1 / (1 + exp(-(intercept + sum(weight * feature))))

fitted on sentences that the map's coder never saw (out-of-fold, on the
training four fifths of PLV; ``scripts/calibrate_confidence.py``) and
measured on the development fifth (``dateline eval coder ... --split dev``
prints the reliability table). The features (:func:`mention_features`):

- ``coder``: the logit of the learned coder's probability of the type. A
  coder's map reads this alone, so it is strictly increasing in the
  coder's probability and never reorders the events of a sentence (the most
  confident event, and so the typing figures, stay what they were);
- ``phrase``, ``verb``, ``noun``: the kind of lexicon match, and ``actor``,
  ``recipient``: the roles found; the map of the rules alone (no coder)
  reads these;
- ``later``: 1 for an act told after the text's first act (an earlier
  sentence tells one that stands), else 0. News tells its main act first;
  later sentences tell background, reactions and what was said. Its weight
  is fitted apart, on texts of several sentences (the synthetic stories, an
  act being right when it is the story's act), with the map's other weights
  held (:func:`fit_later_weight`). A sentence alone, as in PLV, never has a
  later act: its confidence and the development fifth's table are as without.

A coder's map is ``calibration.json`` in its folder; a coder without one
(a user's, from ``dateline coder train``, or a shipped one not yet
calibrated) keeps its own probability (:data:`IDENTITY`). The rules' map is
``knowledge/rules_calibration.json``. Both are read here and nowhere else.
"""

from __future__ import annotations

import json
import math
from collections.abc import Mapping, Sequence
from dataclasses import dataclass, replace
from functools import lru_cache
from pathlib import Path
from typing import TYPE_CHECKING, Any

from ..errors import KnowledgeError
from ..knowledge import KNOWLEDGE_DIR

if TYPE_CHECKING:
    from ..events.values import EventMention

__all__ = [
    "CALIBRATION_FILE",
    "IDENTITY",
    "RULES_CALIBRATION",
    "ConfidenceMap",
    "coder_map",
    "fit_confidence_map",
    "fit_later_weight",
    "mention_features",
    "rules_map",
]

CALIBRATION_FILE = "calibration.json"  # in a coder's model folder
RULES_CALIBRATION = KNOWLEDGE_DIR / "rules_calibration.json"
# The features a map may read (see the module's docstring).
FEATURES = ("coder", "phrase", "verb", "noun", "actor", "recipient", "later")
# Confidence is never certainty either way.
_FLOOR, _CEILING = 0.01, 0.99
# The coder's probabilities are clipped before their logit is taken.
_EPSILON = 1e-4


@dataclass(frozen=True)
class ConfidenceMap:
    """A logistic map from a mention's features to its confidence."""

    weights: tuple[tuple[str, float], ...]
    intercept: float = 0.0

    def confidence(self, features: Mapping[str, float]) -> float:
        """The calibrated confidence of a mention with these features, rounded
        to three places and kept within [0.01, 0.99]."""
        probability = 1.0 / (1.0 + math.exp(-self.score(features)))
        return round(min(max(probability, _FLOOR), _CEILING), 3)

    def score(self, features: Mapping[str, float]) -> float:
        """The log-odds the map gives these features."""
        return self.intercept + sum(w * features.get(name, 0.0) for name, w in self.weights)

    def with_weight(self, name: str, weight: float) -> ConfidenceMap:
        """The same map with ``name`` weighed ``weight`` (added, or replacing its weight)."""
        kept = tuple((n, w) for n, w in self.weights if n != name)
        return replace(self, weights=(*kept, (name, weight)))

    def to_dict(self) -> dict[str, Any]:
        return {"weights": dict(self.weights), "intercept": self.intercept}

    @classmethod
    def from_dict(cls, data: Mapping[str, Any], source: str) -> ConfidenceMap:
        """A map from its JSON form; unknown features or a map that falls as the
        coder's probability rises raise :class:`KnowledgeError`."""
        try:
            weights = tuple((str(k), float(v)) for k, v in data["weights"].items())
            intercept = float(data["intercept"])
        except (KeyError, TypeError, ValueError, AttributeError) as error:
            raise KnowledgeError(f"not a confidence map ({error})", source=source) from None
        unknown = sorted({name for name, _ in weights} - set(FEATURES))
        if unknown:
            raise KnowledgeError(f"unknown confidence feature(s): {unknown}", source=source)
        if dict(weights).get("coder", 1.0) <= 0:
            raise KnowledgeError("confidence must rise with the coder's probability", source=source)
        return cls(weights, intercept)


# A coder's probability as it is: the map of a coder that has no calibration file.
IDENTITY = ConfidenceMap((("coder", 1.0),))


def mention_features(mention: EventMention) -> dict[str, float]:
    """What a confidence map reads of a mention (the module's docstring lists it)."""
    features = {
        "actor": float(bool(mention.actor_spans)),
        "recipient": float(bool(mention.recipient_spans)),
    }
    if mention.acts_before:
        features["later"] = 1.0
    if mention.trigger_kind != "learned":
        features[mention.trigger_kind] = 1.0
    if mention.probability is not None:
        p = min(max(mention.probability, _EPSILON), 1.0 - _EPSILON)
        features["coder"] = math.log(p / (1.0 - p))
    return features


def coder_map(folder: Path | None) -> ConfidenceMap:
    """The map of the coder in ``folder`` (its ``calibration.json``), or :data:`IDENTITY`."""
    path = folder / CALIBRATION_FILE if folder is not None else None
    if path is None or not path.exists():
        return IDENTITY
    return _read_map(path)


@lru_cache(maxsize=1)
def rules_map() -> ConfidenceMap:
    """The map of the lexicon's readings when no learned coder reads the sentences."""
    return _read_map(RULES_CALIBRATION)


def _read_map(path: Path) -> ConfidenceMap:
    try:
        data = json.loads(path.read_text(encoding="utf-8"))
    except (OSError, ValueError) as error:
        raise KnowledgeError(
            f"cannot read the confidence map ({error})", source=str(path)
        ) from None
    return ConfidenceMap.from_dict(data, str(path))


def fit_later_weight(
    mapping: ConfidenceMap, features: Sequence[Mapping[str, float]], right: Sequence[bool]
) -> float:
    """The weight of ``later`` that best predicts ``right`` on top of ``mapping``'s
    score (log loss, Newton's method), with an intercept of its own that absorbs how
    far the data's base rate lies from the map's and is then dropped."""
    import numpy as np

    if len(set(right)) < 2:
        raise KnowledgeError("calibration needs both right and wrong events")
    offset = np.array([mapping.score({**f, "later": 0.0}) for f in features])
    later = np.array([f.get("later", 0.0) for f in features])
    design = np.column_stack([np.ones_like(later), later])
    target = np.array(right, dtype=float)
    params = np.zeros(2)
    for _ in range(100):
        p = 1.0 / (1.0 + np.exp(-(offset + design @ params)))
        hessian = design.T @ (design * (p * (1.0 - p))[:, None]) + 1e-6 * np.eye(2)
        step = np.linalg.solve(hessian, design.T @ (target - p))
        params += step
        if np.abs(step).max() < 1e-8:
            break
    return round(float(params[1]), 4)


def fit_confidence_map(
    features: Sequence[Mapping[str, float]], right: Sequence[bool], names: Sequence[str]
) -> ConfidenceMap:
    """The logistic map of ``names`` that best predicts ``right`` (log loss, barely
    regularised), fitted with scikit-learn (the ``train`` extra); deterministic."""
    import numpy as np
    from sklearn.linear_model import LogisticRegression

    if len(set(right)) < 2:
        raise KnowledgeError("calibration needs both right and wrong events")
    matrix = np.array([[row.get(name, 0.0) for name in names] for row in features])
    model = LogisticRegression(C=1e4, max_iter=5000).fit(matrix, np.array(right, dtype=int))
    weights = tuple(
        (name, round(float(w), 4)) for name, w in zip(names, model.coef_[0], strict=True)
    )
    return ConfidenceMap(weights, round(float(model.intercept_[0]), 4))
