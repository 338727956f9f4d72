"""The vector coder's second opinion: how its nearest training sentences vote."""

from __future__ import annotations

import numpy as np
import pytest

from dateline.coder.model import SHIPPED_MODEL, EventCoder
from dateline.coder.neighbours import Neighbours


def _unit(rows: list[list[float]]) -> np.ndarray:
    matrix = np.array(rows, dtype=np.float32)
    return matrix / np.linalg.norm(matrix, axis=1, keepdims=True)


# Three training sentences of class 0 around one direction, two of class 1 around another.
_TRAINING = _unit([[1, 0.1, 0], [1, -0.1, 0], [1, 0, 0.1], [0, 1, 0.1], [0, 1, -0.1]])
_LABELS = np.array([0, 0, 0, 1, 1])


def _neighbours(k: int = 3, temperature: float = 0.1, weight: float = 0.5) -> Neighbours:
    return Neighbours(_TRAINING, _LABELS, k, temperature, weight)


def test_a_sentence_worded_like_one_class_gets_its_vote():
    votes = _neighbours().votes(_unit([[1, 0, 0], [0.1, 1, 0]]), classes=3)
    assert votes[0].argmax() == 0 and votes[0, 0] == pytest.approx(1.0)
    assert votes[1].argmax() == 1
    assert votes.sum(axis=1) == pytest.approx([1.0, 1.0])


def test_nearer_sentences_weigh_more_among_the_k():
    # Between the two directions, a little nearer class 1: its two sentences outvote
    # the farther three of class 0 when the temperature is low.
    between = _unit([[0.8, 1, 0]])
    sharp = _neighbours(k=5, temperature=0.01).votes(between, classes=2)
    flat = _neighbours(k=5, temperature=100.0).votes(between, classes=2)
    assert sharp[0, 1] > 0.9
    assert flat[0] == pytest.approx([0.6, 0.4], abs=0.01)


def test_the_blend_moves_the_regression_toward_the_votes_by_its_weight():
    regression = np.array([[0.2, 0.8, 0.0]])
    blended = _neighbours(weight=0.25).blend(regression, _unit([[1, 0, 0]]))
    assert blended[0] == pytest.approx([0.4, 0.6, 0.0])


def test_neighbours_survive_saving_and_loading(tmp_path):
    meta = {"neighbours": {"k": 3, "temperature": 0.1, "weight": 0.5}}
    kept = _neighbours().weights()
    loaded = Neighbours.of(meta, kept)
    assert loaded is not None and (loaded.k, loaded.weight) == (3, 0.5)
    assert np.allclose(loaded.vectors, _TRAINING, atol=1e-3)
    assert Neighbours.of({}, {}) is None


@pytest.mark.slow
def test_the_shipped_coder_keeps_its_training_sentences_as_neighbours():
    coder = EventCoder.load(SHIPPED_MODEL)
    kept = coder.meta["neighbours"]
    assert kept["sentences"] > 1500 and kept["k"] >= 1
    neighbours = coder._neighbours
    assert neighbours is not None
    assert len(neighbours.labels) == kept["sentences"]
    assert set(neighbours.labels.tolist()) == set(range(len(coder.classes)))
