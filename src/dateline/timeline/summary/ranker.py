"""The date ranker: a logistic regression over the features of each day.

Trained (``scripts/train_date_ranker.py``) to predict the days journalists
put in their timelines, from the Timeline17 topics in ``../shared/data``;
what ships is its weights, ``knowledge/date_ranker.jsonl``: a first line
with the intercept and what it was trained on, then one line per feature
with its mean, scale and weight. Scoring is a dot product, so the summary
needs neither scikit-learn nor the data it was trained on.

:func:`fit_ranker` is the training itself (Newton's method on the L2-
penalised, class-balanced log loss; numpy only, deterministic), shared by
the script and by ``dateline eval tls``'s leave-one-topic-out scoring.
"""

from __future__ import annotations

import math
from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from functools import cache
from typing import Any

from ...errors import KnowledgeError
from ...knowledge import load_jsonl
from .features import FEATURES

__all__ = ["RANKER_FILE", "DateRanker", "fit_ranker", "shipped_ranker"]

RANKER_FILE = "date_ranker.jsonl"
_SHARE = FEATURES.index("chronology_share")
# The L2 penalty on the standardised weights: the topics are few, so the
# weights are kept small and close to what every topic agrees on.
L2 = 1.0


@dataclass(frozen=True)
class DateRanker:
    """Standardisation and weights of a logistic regression over some of :data:`FEATURES`.

    ``prior`` adds a fixed weight on the chronology share, the journalists'
    own choice of days: few training topics hold chronologies, too few to
    learn how much to trust them, so the script sets it (0: none).
    """

    features: tuple[str, ...]
    mean: tuple[float, ...]
    scale: tuple[float, ...]
    weights: tuple[float, ...]
    intercept: float
    about: Mapping[str, Any]
    prior: float = 0.0

    def __post_init__(self) -> None:
        unknown = set(self.features) - set(FEATURES)
        if unknown:
            raise ValueError(f"unknown features {sorted(unknown)}")

    @property
    def _columns(self) -> tuple[int, ...]:
        return tuple(FEATURES.index(name) for name in self.features)

    def score(self, values: Sequence[float]) -> float:
        """The log-odds that a day with these values (of all :data:`FEATURES`) is a timeline day."""
        learnt = sum(
            weight * (values[column] - mean) / scale
            for weight, column, mean, scale in zip(
                self.weights, self._columns, self.mean, self.scale, strict=True
            )
        )
        return self.intercept + learnt + self.prior * values[_SHARE]

    def to_records(self) -> list[dict[str, Any]]:
        """The ranker as the lines of :data:`RANKER_FILE`."""
        head = {
            "model": "logistic",
            "intercept": round(self.intercept, 6),
            "chronology_prior": self.prior,
            **self.about,
        }
        return [head] + [
            {
                "feature": name,
                "mean": round(mean, 6),
                "scale": round(scale, 6),
                "weight": round(weight, 6),
            }
            for name, mean, scale, weight in zip(
                self.features, self.mean, self.scale, self.weights, strict=True
            )
        ]

    @classmethod
    def from_records(cls, records: Sequence[Mapping[str, Any]], source: str) -> DateRanker:
        """Read the lines of :data:`RANKER_FILE`, checking they weigh today's features."""
        try:
            head, rows = records[0], records[1:]
            names = tuple(str(row["feature"]) for row in rows)
            ranker = cls(
                features=names,
                mean=tuple(float(row["mean"]) for row in rows),
                scale=tuple(float(row["scale"]) or 1.0 for row in rows),
                weights=tuple(float(row["weight"]) for row in rows),
                intercept=float(head["intercept"]),
                prior=float(head.get("chronology_prior", 0.0)),
                about={
                    key: value
                    for key, value in head.items()
                    if key not in ("intercept", "chronology_prior", "model")
                },
            )
        except ValueError as error:
            if "unknown features" not in str(error):
                raise KnowledgeError(f"not a date ranker ({error!r})", source=source) from None
            raise KnowledgeError(
                f"it weighs features the summary does not compute ({error}); "
                "run scripts/train_date_ranker.py again",
                source=source,
            ) from None
        except (IndexError, KeyError, TypeError) as error:
            raise KnowledgeError(f"not a date ranker ({error!r})", source=source) from None
        return ranker


@cache
def shipped_ranker() -> DateRanker:
    """The ranker that ships with Dateline (read once per process)."""
    return DateRanker.from_records(load_jsonl(RANKER_FILE), RANKER_FILE)


def fit_ranker(
    rows: Sequence[Sequence[float]],
    labels: Sequence[bool],
    *,
    features: Sequence[str] = FEATURES,
    l2: float = L2,
    prior: float = 0.0,
    about: Mapping[str, Any] | None = None,
) -> DateRanker:
    """A logistic regression of ``labels`` on ``features`` of ``rows`` (values of all
    :data:`FEATURES`), both classes weighed equally; ``prior`` as :class:`DateRanker` says."""
    import numpy as np

    x = np.asarray(rows, dtype=float)
    y = np.asarray(labels, dtype=float)
    if x.ndim != 2 or x.shape[1] != len(FEATURES) or len(y) != len(x):
        raise ValueError(f"expected rows of {len(FEATURES)} features, one label each")
    # The prior is an offset: the weights are learnt beside it, not in its place.
    offset = prior * x[:, _SHARE]
    x = x[:, [FEATURES.index(name) for name in features]]
    if not 0 < y.sum() < len(y):
        raise ValueError("training needs days of both kinds, in timelines and not")
    mean = x.mean(axis=0)
    scale = x.std(axis=0)
    scale[scale == 0] = 1.0
    z = np.hstack([(x - mean) / scale, np.ones((len(x), 1))])
    # Balanced classes: each class adds up to half the weight.
    sample = np.where(y == 1, 0.5 / y.sum(), 0.5 / (len(y) - y.sum())) * len(y)
    penalty = np.full(z.shape[1], l2)
    penalty[-1] = 0.0  # the intercept is not shrunk
    beta = np.zeros(z.shape[1])
    for _ in range(100):
        p = 1.0 / (1.0 + np.exp(-(z @ beta + offset)))
        gradient = z.T @ (sample * (p - y)) + penalty * beta
        hessian = (z * (sample * p * (1 - p))[:, None]).T @ z + np.diag(penalty)
        step = np.linalg.solve(hessian, gradient)
        beta -= step
        if float(np.abs(step).max()) < 1e-10:
            break
    return DateRanker(
        features=tuple(features),
        mean=tuple(float(v) for v in mean),
        scale=tuple(float(v) for v in scale),
        weights=tuple(float(v) for v in beta[:-1]),
        intercept=float(beta[-1]),
        about=dict(about or {}),
        prior=prior,
    )


def probability(log_odds: float) -> float:
    """The probability of the log-odds (for showing a ranking)."""
    return 1.0 / (1.0 + math.exp(-log_odds))
