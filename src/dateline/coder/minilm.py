"""The sentence vectors a coder reads when it codes: its exported encoder on onnxruntime.

Training tunes the top layers of MiniLM with torch (:mod:`.encoder`) and
exports the whole encoder (the packaged ``all-MiniLM-L6-v2`` cut to a
coder's depth, its tuned layers over it, in float32) into the coder's folder
as ``encoder.onnx``, beside the ``tokenizer.json`` that cuts its word pieces.
Coding runs that graph with onnxruntime and needs neither torch nor
``transformers`` nor the packaged model: the vectors are the torch model's
(the mean of the last states over the word pieces, unit length; a test
compares them within 1e-4).

On 500 PLV sentences, one thread, this encoded 28 to 38 sentences a second
where the numpy forward pass it replaced encoded 15 to 19 (two cores shared
with other work, so noisy; docs/coder.md). It runs on one thread,
as the rest of coding does (:func:`~.coder.load_coder`): on two cores the
spaCy workers hold the other, and two threads that contend for one core
ran at a third of the speed.
"""

from __future__ import annotations

from collections.abc import Iterator, Sequence
from functools import lru_cache
from pathlib import Path
from typing import Any

import numpy as np

from ..errors import ConfigError

__all__ = [
    "MAX_PIECES",
    "MODEL_FILE",
    "TOKENIZER_FILE",
    "MiniLM",
    "batches_by_length",
    "load_encoder",
]

# The encoder reads at most this many word pieces of a sentence ([CLS] and [SEP] too).
MAX_PIECES = 96
# A coder's exported encoder and its tokenizer, in its model folder.
MODEL_FILE = "encoder.onnx"
TOKENIZER_FILE = "tokenizer.json"
# Sentences encoded together (:func:`batches_by_length`).
_BATCH = 32


class MiniLM:
    """An exported encoder: texts -> unit-length vectors (float32 rows)."""

    def __init__(self, session: Any, tokenizer: Any):
        self._session = session
        self._tokenizer = tokenizer
        self._width = int(session.get_outputs()[0].shape[-1])

    @classmethod
    def load(cls, folder: Path) -> MiniLM:
        """The encoder of a coder's model folder (``encoder.onnx`` and ``tokenizer.json``),
        run on one thread."""
        import onnxruntime
        from tokenizers import Tokenizer

        options = onnxruntime.SessionOptions()
        options.intra_op_num_threads = 1
        options.inter_op_num_threads = 1
        options.execution_mode = onnxruntime.ExecutionMode.ORT_SEQUENTIAL
        try:
            tokenizer = Tokenizer.from_file(str(folder / TOKENIZER_FILE))
            session = onnxruntime.InferenceSession(
                str(folder / MODEL_FILE), options, providers=["CPUExecutionProvider"]
            )
        except Exception as error:  # onnxruntime and tokenizers raise their own kinds
            raise ConfigError(
                f"unreadable sentence encoder ({str(error).splitlines()[0]}); a coder that "
                "reads vectors needs its encoder.onnx and tokenizer.json",
                source=str(folder),
            ) from None
        tokenizer.no_padding()
        tokenizer.enable_truncation(max_length=MAX_PIECES)
        return cls(session, tokenizer)

    def encode(self, texts: Sequence[str]) -> np.ndarray:
        """One unit-length vector per text (its first :data:`MAX_PIECES` word pieces)."""
        rows = np.zeros((len(texts), self._width), dtype=np.float32)
        for chosen in batches_by_length(texts):
            rows[chosen] = self._vectors([texts[i] for i in chosen])
        return rows

    def _vectors(self, texts: list[str]) -> np.ndarray:
        pieces = [encoding.ids for encoding in self._tokenizer.encode_batch(texts)]
        longest = max(len(ids) for ids in pieces)
        ids = np.zeros((len(texts), longest), dtype=np.int64)
        mask = np.zeros((len(texts), longest), dtype=np.int64)
        for row, found in enumerate(pieces):
            ids[row, : len(found)] = found
            mask[row, : len(found)] = 1
        (vectors,) = self._session.run(None, {"input_ids": ids, "attention_mask": mask})
        return np.asarray(vectors, dtype=np.float32)


def batches_by_length(texts: Sequence[str]) -> Iterator[list[int]]:
    """The positions of ``texts`` in batches of similar length, so little is padding."""
    order = sorted(range(len(texts)), key=lambda i: len(texts[i]))
    for start in range(0, len(order), _BATCH):
        yield order[start : start + _BATCH]


def load_encoder(folder: Path) -> MiniLM:
    """The exported encoder of a coder's model folder, loaded once per process."""
    return _cached_encoder(str(folder.resolve()))


@lru_cache(maxsize=4)
def _cached_encoder(folder: str) -> MiniLM:
    return MiniLM.load(Path(folder))
