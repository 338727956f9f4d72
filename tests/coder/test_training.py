"""The coder's training recipe on hand-made examples (no spaCy needed)."""

from __future__ import annotations

import numpy as np
import pytest

from dateline.coder.examples import TrainingExample
from dateline.coder.model import EventCoder
from dateline.coder.training import fit_coder, resolve_older_roots
from dateline.errors import ConfigError


def _example(words: str, label: str, lexicon: tuple[str, ...] = ()) -> TrainingExample:
    features = tuple(f"w:{word}" for word in words.split())
    return TrainingExample(features, words, lexicon, label)


EXAMPLES = [
    *(_example(f"shell town {n} kill", "ASSAULT") for n in range(6)),
    *(_example(f"bomb market {n} kill", "ASSAULT") for n in range(6)),
    *(_example(f"meet talk {n} minister", "CONSULT") for n in range(6)),
    *(_example(f"talk phone {n} president", "CONSULT") for n in range(6)),
    *(_example(f"weather rain {n} sunny", "NONE") for n in range(5)),
    _example("weather rain zebra sunny", "NONE"),
]


def test_training_fits_a_coder_that_types_unseen_sentences():
    coder = fit_coder(EXAMPLES)
    shelling, call = coder.probabilities_of(
        [_example("shell kill village", "?"), _example("phone talk leaders", "?")]
    )
    assert shelling.best()[0] == "ASSAULT"
    assert call.best()[0] == "CONSULT"
    assert shelling.of("ASSAULT") > 0.5
    assert abs(sum(shelling.values) - 1.0) < 1e-5


def test_training_best_never_names_no_event():
    coder = fit_coder(EXAMPLES)
    (rain,) = coder.probabilities_of([_example("rain sunny weather", "?")])
    assert rain.of("NONE") > 0.5
    assert rain.best()[0] != "NONE"


def test_training_calibrates_a_temperature_and_records_what_it_saw():
    coder = fit_coder(EXAMPLES)
    assert 0.3 <= coder.meta["temperature"] <= 3.0
    assert coder.meta["examples"] == {"ASSAULT": 12, "CONSULT": 12, "NONE": 6}
    assert "w:shell" in coder.meta["vocabulary"]
    assert "w:zebra" not in coder.meta["vocabulary"]  # seen in fewer than two sentences


def test_training_round_trips_through_its_folder(tmp_path):
    coder = fit_coder(EXAMPLES)
    coder.save(tmp_path / "model")
    again = EventCoder.load(tmp_path / "model")
    example = [_example("bomb kill market", "?")]
    assert np.allclose(
        coder.probabilities_of(example)[0].values, again.probabilities_of(example)[0].values
    )


def test_training_refuses_a_single_type():
    with pytest.raises(ConfigError, match="two types"):
        fit_coder([_example("meet talk", "CONSULT"), _example("talk meet", "CONSULT")])


def test_training_splits_an_older_root_by_the_lexicon_then_by_the_model():
    pending = [
        _example("troops withdraw town", "YIELD", lexicon=("RETREAT",)),
        _example("ceasefire declare promise", "YIELD"),
    ]
    guides = [
        *(_example(f"ceasefire declare {n}", "CONCEDE") for n in range(5)),
        *(_example(f"troops pull out {n}", "RETREAT") for n in range(5)),
    ]
    withdrawn, declared = resolve_older_roots(pending, guides)
    assert withdrawn.label == "RETREAT"
    assert declared.label == "CONCEDE"
