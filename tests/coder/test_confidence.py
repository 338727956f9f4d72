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
    fit_later_weight,
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


def _odds(rate: float) -> float:
    return rate / (1 - rate)


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


@pytest.mark.parametrize("folder", CALIBRATED, ids=["minilm", "sparse"])
def test_confidence_of_an_act_told_after_the_first_is_lower(folder):
    """The shipped maps read a later act as less likely the text's act, and only that."""
    mapping = coder_map(folder)
    first = _confidences(mapping)
    later = _confidences(mapping, acts_before=2)
    assert all(b <= a for a, b in zip(first, later, strict=True))
    assert sum(a - b for a, b in zip(first, later, strict=True)) > 0.05 * len(GRID)
    assert _confidences(mapping, acts_before=1) == later  # one step: first or not
    assert "later" not in mention_features(_mention(0.5))


def test_confidence_later_weight_is_fitted_on_top_of_the_map_and_its_base_rate():
    """Later acts right half as often as first ones, whatever the data's base rate: the
    fitted weight says so, and the map's other weights are held."""
    mapping = ConfidenceMap((("coder", 1.0),))
    for base in (0.8, 0.4):
        features, right = [], []
        for later in (0, 1):
            rate = base * (0.5 if later else 1.0)
            for n in range(400):
                features.append(mention_features(_mention(0.5, acts_before=later)))
                right.append(n < 400 * rate)
        weight = fit_later_weight(mapping, features, right)
        assert weight == pytest.approx(math.log(_odds(base / 2) / _odds(base)), abs=0.01)
    fitted = mapping.with_weight("later", -0.7)
    assert dict(fitted.weights) == {"coder": 1.0, "later": -0.7}
    assert dict(fitted.with_weight("later", -0.2).weights)["later"] == -0.2


@pytest.mark.slow
def test_confidence_counts_the_sentences_that_tell_an_act_before_each(nlp):
    doc = nlp(
        "Rebels attacked an army base in the north on Monday. "
        "The army said it had arrested 12 men. "
        "The minister condemned the attack and the army arrested three more."
    )
    mentions = find_mentions(doc)
    sentences = sorted({m.start for m in mentions})
    assert len(sentences) == 3
    assert [m.acts_before for m in mentions] == [sentences.index(m.start) for m in mentions]
    assert {m.type for m in mentions if m.acts_before == 0} == {"ASSAULT"}
    for mention in mentions:
        assert mention.confidence == rules_map().confidence(mention_features(mention))
