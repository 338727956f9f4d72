"""The learned event coder: how likely each PLOVER type is for a sentence.

:mod:`.model` holds the coder (a logistic regression over a sentence's
words and who-did-what pairs, :mod:`.features`, and, for the shipped one,
its MiniLM vector: :mod:`.minilm` runs the exported encoder on
onnxruntime); :mod:`.training` and :mod:`.encoder` (torch, the
``embeddings`` extra) train it from :mod:`.labels`, read as
:mod:`.examples`; :mod:`.confidence` maps what was read of a mention to a
calibrated confidence. The rule reader that asks it lives
in :mod:`dateline.events`.
"""

from .model import (
    NO_EVENT,
    SHIPPED_MODEL,
    SHIPPED_SPARSE_MODEL,
    EventCoder,
    TypeProbabilities,
    load_coder,
)

__all__ = [
    "NO_EVENT",
    "SHIPPED_MODEL",
    "SHIPPED_SPARSE_MODEL",
    "EventCoder",
    "TypeProbabilities",
    "load_coder",
]
