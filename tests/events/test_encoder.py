"""The coder that reads MiniLM vectors: which coder the settings pick, the gate that
spares the encoder, the numpy forward pass that codes (the vectors of the torch
model it was tuned in), and a tuned coder that survives saving and loading."""

from __future__ import annotations

import logging

import numpy as np
import pytest

import dateline.events.coder as coder_module
from dateline.events.coder import (
    SHIPPED_MODEL,
    SHIPPED_SPARSE_MODEL,
    EventCoder,
    _Gate,
    load_coder,
)
from dateline.events.encoder import ENCODER_FILE, Encoder, load_encoder
from dateline.events.minilm import MAX_PIECES, MiniLM
from dateline.events.training import TrainingExample, fit_tuned_coder
from dateline.extract import extract
from dateline.settings import Settings

pytestmark = pytest.mark.slow


@pytest.fixture
def encoded(monkeypatch):
    """The texts the encoder is asked for, in order."""
    asked: list[str] = []
    encode = MiniLM.encode

    def counting(self, texts):
        asked.extend(texts)
        return encode(self, texts)

    monkeypatch.setattr(MiniLM, "encode", counting)
    return asked


def test_the_numpy_forward_pass_gives_the_vectors_of_the_torch_model():
    """What codes (numpy) reads the shipped tuned layers as the torch model they were
    tuned in does: one sentence, a batch with padding, a text cut at MAX_PIECES."""
    with np.load(SHIPPED_MODEL / ENCODER_FILE) as archive:
        tuned = {name: archive[name] for name in archive.files}
    texts = [
        "Troops shelled rebel positions outside Goma overnight.",
        "Kenya's foreign minister said Nairobi would host talks between the two sides "
        "next month, and urged both to respect the ceasefire signed in Addis Ababa.",
        "Talks.",
        " ".join(["The delegations met again in Geneva on Tuesday."] * 20),
    ]
    numpy_vectors = load_encoder(SHIPPED_MODEL).encode(texts)
    torch_vectors = Encoder(6, tuned).encode(texts)
    assert numpy_vectors.shape == (4, 384)
    assert np.allclose(np.linalg.norm(numpy_vectors, axis=1), 1.0, atol=1e-5)
    assert np.allclose(numpy_vectors, torch_vectors, atol=1e-5)
    alone = load_encoder(SHIPPED_MODEL).encode(texts[:1])
    assert np.allclose(alone[0], numpy_vectors[0], atol=1e-5)  # padding changes nothing
    assert len(MiniLM.packaged()._tokenizer.encode(texts[3]).ids) == MAX_PIECES


def test_default_coder_reads_tuned_vectors():
    coder = load_coder(Settings())
    assert coder is not None and coder.reads_vectors
    assert coder.folder == SHIPPED_MODEL.resolve()
    assert (SHIPPED_MODEL / ENCODER_FILE).stat().st_size < 25 * 1024 * 1024


def test_sparse_coder_reads_no_vectors(encoded):
    coder = load_coder(Settings(coder_model="sparse"))
    assert coder is not None and not coder.reads_vectors
    assert coder.folder == SHIPPED_SPARSE_MODEL.resolve()
    events = extract(
        "Riot police fired tear gas at students marching on parliament in Dhaka on Monday.",
        settings=Settings(coder_model="sparse"),
    )
    assert events and not encoded


def test_default_coder_falls_back_to_sparse_without_torch(monkeypatch, caplog):
    monkeypatch.setattr(coder_module.importlib.util, "find_spec", lambda name: None)
    coder_module._can_read_vectors.cache_clear()
    try:
        with caplog.at_level(logging.WARNING, logger="dateline"):
            coder = load_coder(Settings())
    finally:
        coder_module._can_read_vectors.cache_clear()
    assert coder is not None and not coder.reads_vectors
    assert "embeddings extra is not installed" in caplog.text


def test_gate_never_encodes_a_sentence_that_reports_nothing(encoded):
    text = (
        "The weather in the capital was mild for the season, with light rain expected. "
        "Rebels ambushed an army convoy near the northern town of Kidal on Sunday, "
        "killing six soldiers."
    )
    events = extract(text)
    assert any(e.type == "ASSAULT" for e in events)
    assert not any("weather" in t for t in encoded)


CLASSES = ("ASSAULT", "CONSULT", "NONE")


def _gate(budget: int = 1, whole: int = 0) -> _Gate:
    return _Gate(np.zeros((3, 1)), np.zeros(3), 1.0, none=0.5, sure=0.9, budget=budget, whole=whole)


@pytest.mark.parametrize(
    ("row", "features", "settled"),
    [
        ((0.1, 0.1, 0.8), (), True),  # sure it reports nothing, and the lexicon agrees
        ((0.3, 0.3, 0.4), (), False),  # may report an act
        ((0.1, 0.1, 0.8), ("lex:ASSAULT",), False),  # the lexicon saw an act
        ((0.95, 0.0, 0.05), ("lex:ASSAULT",), True),  # sure of the lexicon's own type
        ((0.95, 0.0, 0.05), ("lex:CONSULT",), False),  # sure of another type
    ],
)
def test_gate_settles_only_sentences_it_is_sure_of(row, features, settled):
    assert _gate().settles(np.array(row), features, CLASSES) is settled


def test_gate_encodes_the_sentences_it_doubts_most_within_its_budget():
    rows = np.array([[0.9, 0.05, 0.05], [0.4, 0.3, 0.3], [0.6, 0.2, 0.2], [0.5, 0.5, 0.0]])
    assert _gate(budget=2).most_in_doubt([0, 1, 2, 3], rows) == [1, 3]
    assert _gate(budget=1).most_in_doubt([0], rows) == [0]  # a one-sentence text is read


def test_gate_reads_every_doubtful_sentence_of_a_short_text():
    rows = np.array([[0.9, 0.05, 0.05], [0.4, 0.3, 0.3], [0.6, 0.2, 0.2], [0.5, 0.5, 0.0]])
    assert _gate(budget=1, whole=4).most_in_doubt([0, 1, 2], rows) == [0, 1, 2]
    assert _gate(budget=1, whole=3).most_in_doubt([0, 1, 2], rows) == [1]


def test_a_short_record_gets_every_sentence_its_twin_doubts_encoded(encoded):
    """Beyond the budget of one: a record of a few sentences is read whole."""
    text = (
        "Farmers blocked the main road into Nairobi on Monday over the price of maize. "
        "The government said it would review the levy. Opposition leaders backed the "
        "farmers and asked parliament to scrap the tax."
    )
    extract(text)
    assert len(encoded) >= 2  # more than the budget of one: each sentence the twin doubts
    assert any("review the levy" in t for t in encoded)
    assert any("scrap the tax" in t for t in encoded)


EXAMPLES = [
    *(
        TrainingExample(
            (f"w:{w}", "w:meet"), f"The ministers {w} met in the capital.", (), "CONSULT"
        )
        for w in ("foreign", "finance", "trade", "defence", "energy", "health")
    ),
    *(
        TrainingExample(
            (f"w:{w}", "w:attack"), f"Gunmen attacked a {w} near the border.", (), "ASSAULT"
        )
        for w in ("village", "convoy", "market", "checkpoint", "church", "bus")
    ),
    *(
        TrainingExample((f"w:{w}", "w:weather"), f"The {w} was mild this week.", (), "NONE")
        for w in ("weather", "morning", "spring", "evening", "season", "winter")
    ),
]


def test_tuned_coder_survives_saving_and_loading(tmp_path):
    coder = fit_tuned_coder(EXAMPLES, depth=1, layers=1, epochs=1)
    coder.save(tmp_path)
    loaded = EventCoder.load(tmp_path)
    assert loaded.reads_vectors and (tmp_path / ENCODER_FILE).exists()
    assert loaded.meta["encoder"]["depth"] == 1
    before = coder.probabilities_of(EXAMPLES)
    after = loaded.probabilities_of(EXAMPLES)
    # Tuned layers are stored in half precision.
    assert np.allclose([r.values for r in before], [r.values for r in after], atol=0.02)
    assert [r.best()[0] for r in after[:6]].count("CONSULT") >= 4


def test_a_loaded_vector_coder_saved_elsewhere_keeps_its_tuned_layers(tmp_path):
    EventCoder.load(SHIPPED_MODEL).save(tmp_path)
    copied = (tmp_path / ENCODER_FILE).read_bytes()
    assert copied == (SHIPPED_MODEL / ENCODER_FILE).read_bytes()
    assert EventCoder.load(tmp_path).reads_vectors
