"""The calibrated confidence of event mentions (dateline.coder.confidence)."""

from __future__ import annotations

import json
import math

import numpy as np
import pytest

from dateline.coder.confidence import (
    IDENTITY,
    ConfidenceMap,
    coder_map,
    fit_confidence_map,
    mention_features,
    rules_map,
)
from dateline.coder.model import SHIPPED_MODEL, SHIPPED_SPARSE_MODEL, EventCoder
from dateline.errors import KnowledgeError
from dateline.events import find_mentions
from dateline.events.values import EventMention

GRID = [i / 200 for i in range(1, 200)]
# The shipped coders with a fitted map (scripts/calibrate_confidence.py).
CALIBRATED = [SHIPPED_MODEL, SHIPPED_SPARSE_MODEL]


def _mention(probability: float | None = None, **fields) -> EventMention:
    return EventMention("ASSAULT", None, "s", 0, 1, "t", 0, 1, probability=probability, **fields)


def _confidences(mapping: ConfidenceMap, **fields) -> list[float]:
    return [mapping.confidence(mention_features(_mention(p, **fields))) for p in GRID]


@pytest.mark.parametrize("folder", [SHIPPED_MODEL, SHIPPED_SPARSE_MODEL], ids=["minilm", "sparse"])
def test_confidence_shipped_coder_maps_rise_with_the_probability_within_0_1(folder):
    mapping = coder_map(folder)
    values = _confidences(mapping, actor_spans=(("police", 0, 6),))
    assert all(0.0 <= v <= 1.0 for v in values)
    assert all(a <= b for a, b in zip(values, values[1:], strict=False))
    assert values[-1] - values[0] > 0.5  # it does rise, not sit flat


@pytest.mark.parametrize("folder", CALIBRATED)
def test_confidence_shipped_coder_has_its_own_map(folder):
    assert coder_map(folder) != IDENTITY


def test_confidence_shipped_rules_map_is_within_0_1_and_prefers_named_actors():
    mapping = rules_map()
    for kind in ("phrase", "verb", "noun"):
        alone = mapping.confidence(mention_features(_mention(trigger_kind=kind)))
        named = mapping.confidence(
            mention_features(_mention(trigger_kind=kind, actor_spans=(("police", 0, 6),)))
        )
        assert 0.0 <= alone < named <= 1.0


def test_confidence_fitted_map_is_monotone_and_honest():
    """On scores whose truth rate is known, the fitted map is increasing and near it."""
    features, right = [], []
    for p in (0.2, 0.5, 0.9):
        for n in range(100):
            features.append(mention_features(_mention(p)))
            right.append(n < 100 * (p * 0.8))  # the coder is overconfident: right 0.16, 0.4, 0.72
    mapping = fit_confidence_map(features, right, ["coder"])
    values = _confidences(mapping)
    assert all(a < b or a == b == 0.99 for a, b in zip(values, values[1:], strict=False))
    for p, share in ((0.2, 0.16), (0.5, 0.4), (0.9, 0.72)):
        assert mapping.confidence(mention_features(_mention(p))) == pytest.approx(share, abs=0.04)


def test_confidence_identity_map_keeps_the_coder_probability():
    assert [IDENTITY.confidence(mention_features(_mention(p))) for p in (0.3, 0.8)] == [0.3, 0.8]
    assert IDENTITY.confidence(mention_features(_mention(0.9999))) == 0.99  # never certain


def test_confidence_map_that_falls_with_the_probability_is_refused(tmp_path):
    (tmp_path / "calibration.json").write_text(
        json.dumps({"weights": {"coder": -1.0}, "intercept": 0})
    )
    with pytest.raises(KnowledgeError, match="rise"):
        coder_map(tmp_path)
    (tmp_path / "calibration.json").write_text(
        json.dumps({"weights": {"mood": 1.0}, "intercept": 0})
    )
    with pytest.raises(KnowledgeError, match="mood"):
        coder_map(tmp_path)
    assert coder_map(tmp_path / "nowhere") == IDENTITY


@pytest.mark.slow
def test_confidence_of_a_mention_comes_from_the_coder_map(nlp):
    doc = nlp("Police arrested 40 protesters in Nairobi on Tuesday after clashes.")
    coder = EventCoder.load(SHIPPED_SPARSE_MODEL)
    mentions = find_mentions(doc, coder=coder)
    assert mentions
    for mention in mentions:
        assert mention.probability is not None
        assert mention.confidence == coder.calibration.confidence(mention_features(mention))
    # Another map, another confidence: nothing else decides it.
    coder.calibration = ConfidenceMap((), math.log(0.37 / 0.63))
    assert {m.confidence for m in find_mentions(doc, coder=coder)} == {0.37}


@pytest.mark.slow
def test_confidence_of_a_mention_without_coder_comes_from_the_rules_map(nlp):
    mentions = find_mentions(nlp("Police arrested 40 protesters in Nairobi on Tuesday."))
    assert mentions
    for mention in mentions:
        assert mention.probability is None
        assert mention.confidence == rules_map().confidence(mention_features(mention))


def test_confidence_map_travels_with_its_coder_and_not_to_new_weights(tmp_path):
    coder = EventCoder.load(SHIPPED_SPARSE_MODEL)
    coder.save(tmp_path)
    assert EventCoder.load(tmp_path).calibration == coder.calibration != IDENTITY
    with np.load(SHIPPED_SPARSE_MODEL / "coder.npz") as archive:
        weights = {name: archive[name] for name in archive.files}
    EventCoder(coder.meta, weights).save(tmp_path)  # retrained: the old map does not fit it
    assert EventCoder.load(tmp_path).calibration == IDENTITY
