"""The one place that loads spaCy and parses text.

Later stages (time, actors, events) all work on the ``Doc`` objects made
here; they never load a model themselves. Each parse is repaired where the
parser is known to go wrong in ways that matter for events (:mod:`.repair`).
Parses are not stored: parsing again is cheaper than keeping them.
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator
from functools import lru_cache
from typing import TYPE_CHECKING

from ..errors import ParseError
from ..settings import Settings
from .repair import repair_parse

if TYPE_CHECKING:
    from spacy.language import Language
    from spacy.tokens import Doc

__all__ = ["load_nlp", "parse", "parse_many"]


@lru_cache(maxsize=4)
def load_nlp(model: str) -> Language:
    """Load (once per process) the spaCy pipeline named by the ``spacy_model`` setting."""
    import spacy

    try:
        return spacy.load(model)
    except OSError:
        raise ParseError(
            f"spaCy model {model!r} is not installed; install it with "
            f"'pip install {model.replace('_', '-')}' or set spacy_model to an installed one"
        ) from None


def parse(text: str, settings: Settings) -> Doc:
    """Parse one text."""
    return repair_parse(load_nlp(settings.spacy_model)(text))


def parse_many(texts: Iterable[str], settings: Settings, *, size_hint: int = 0) -> Iterator[Doc]:
    """Parse texts in batches, in order, using several processes for large inputs.

    ``size_hint`` is the number of texts when known; multiprocessing only pays
    for itself above ``settings.multiprocess_min_texts``, since each worker
    loads its own copy of the model.
    """
    nlp = load_nlp(settings.spacy_model)
    n_process = settings.n_process if size_hint >= settings.multiprocess_min_texts else 1
    for doc in nlp.pipe(texts, batch_size=settings.batch_size, n_process=max(1, n_process)):
        yield repair_parse(doc)
