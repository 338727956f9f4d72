"""The one place that loads spaCy and parses text.

Later stages (time, actors, events) all work on the ``Doc`` objects made
here; they never load a model themselves. Each parse is repaired where the
parser is known to go wrong in ways that matter for events (:mod:`.repair`).
Parses are not stored: parsing again is cheaper than keeping them.

A text longer than ``PIECE_CHARS`` is parsed in pieces cut at paragraph
breaks and joined back into one doc, so that the model's arrays for one
piece at a time keep memory bounded however long the text (one over the
model's ``max_length`` gets a note: spaCy alone would refuse it). Several processes parse large inputs (:mod:`.workers`): they
die with their parent, and a text that fails to parse fails alone.
"""

from __future__ import annotations

import re
from collections.abc import Generator, Iterable, Iterator
from functools import lru_cache, partial
from typing import TYPE_CHECKING

from ..errors import ParseError
from ..settings import Settings
from .repair import repair_parse
from .workers import BatchParser, Parsed, parse_in_workers

if TYPE_CHECKING:
    from spacy.language import Language
    from spacy.tokens import Doc

__all__ = ["PIECE_CHARS", "Parsed", "load_nlp", "parse", "parse_each", "parse_many", "split_text"]

# Texts longer than this (about 15,000 words) are parsed in pieces: whole, an 80,000-word
# text needs 1.8 GB for the model's arrays; in pieces, 0.7 GB.
PIECE_CHARS = 100_000


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
    """Parse one text (in pieces when it is longer than :data:`PIECE_CHARS`)."""
    nlp = load_nlp(settings.spacy_model)
    if len(text) <= _piece_limit(nlp):
        return repair_parse(nlp(text))
    return _parse_long(nlp, text)[0]


def parse_many(texts: Iterable[str], settings: Settings, *, size_hint: int = 0) -> Iterator[Doc]:
    """Parse texts in batches, in order, using several processes for large inputs.

    Raises :class:`~dateline.errors.ParseError` at the first text that cannot
    be parsed; :func:`parse_each` reports it and goes on.
    """
    for number, parsed in enumerate(parse_each(texts, settings, size_hint=size_hint)):
        if parsed.error is not None:
            raise ParseError(f"text {number} cannot be parsed: {parsed.error}")
        yield parsed.doc


def parse_each(
    texts: Iterable[str], settings: Settings, *, size_hint: int = 0
) -> Generator[Parsed, None, None]:
    """Parse texts in batches, in order: one :class:`Parsed` (a doc, or why there is none)
    per text.

    ``size_hint`` is the number of texts when known; multiprocessing only pays
    for itself above ``settings.multiprocess_min_texts``, since each worker
    needs its own copy of the model.
    """
    nlp = load_nlp(settings.spacy_model)  # here, so that a missing model is one clear error
    n_process = settings.n_process if size_hint >= settings.multiprocess_min_texts else 1
    if n_process <= 1:
        parse_batch = _batch_parser(settings.spacy_model, settings.batch_size, serialise=False)
        for batch in _batches(texts, settings.batch_size):
            yield from parse_batch(batch)
        return
    make_parser = partial(_batch_parser, settings.spacy_model, settings.batch_size)
    for parsed in parse_in_workers(
        texts, make_parser, n_process=n_process, batch_size=settings.batch_size
    ):
        if isinstance(parsed.doc, bytes):
            parsed = Parsed(_doc_from_bytes(nlp, parsed.doc), parsed.error, parsed.notes)
        yield parsed


def _batches(texts: Iterable[str], size: int) -> Iterator[list[str]]:
    batch: list[str] = []
    for text in texts:
        batch.append(text)
        if len(batch) >= size:
            yield batch
            batch = []
    if batch:
        yield batch


def _batch_parser(model: str, batch_size: int, serialise: bool = True) -> BatchParser:
    """A function parsing a batch of texts (in a worker, ``serialise`` sends docs as bytes)."""
    nlp = load_nlp(model)

    def parse_batch(texts: list[str]) -> list[Parsed]:
        results = _parse_batch(nlp, texts, batch_size)
        if not serialise:
            return results
        return [
            Parsed(r.doc.to_bytes() if r.doc is not None else None, r.error, r.notes)
            for r in results
        ]

    return parse_batch


def _parse_batch(nlp: Language, texts: list[str], batch_size: int) -> list[Parsed]:
    """Parse a batch at once when all goes well, else text by text, so that one text that
    spaCy cannot parse fails alone."""
    if all(len(text) <= _piece_limit(nlp) for text in texts):
        try:
            return [Parsed(repair_parse(doc)) for doc in nlp.pipe(texts, batch_size=batch_size)]
        except Exception:  # noqa: BLE001 - which text failed is found below
            pass
    return [_parse_one(nlp, text) for text in texts]


def _parse_one(nlp: Language, text: str) -> Parsed:
    try:
        if len(text) <= _piece_limit(nlp):
            return Parsed(repair_parse(nlp(text)))
        doc, note = _parse_long(nlp, text)
        return Parsed(doc, notes=(note,) if note else ())
    except Exception as error:  # noqa: BLE001 - any failure is this text's, reported with it
        return Parsed(error=f"{type(error).__name__}: {_one_line(str(error))}")


def _piece_limit(nlp: Language) -> int:
    """The most characters parsed at once."""
    return min(PIECE_CHARS, nlp.max_length)


def _parse_long(nlp: Language, text: str) -> tuple[Doc, str | None]:
    """Parse a long text in pieces and join them into one doc; a note when spaCy alone
    would have refused it (longer than ``max_length``)."""
    from spacy.tokens import Doc

    pieces = split_text(text, _piece_limit(nlp))
    doc = Doc.from_docs([nlp(piece) for piece in pieces], ensure_whitespace=False)
    note = None
    if len(text) > nlp.max_length:
        note = (
            f"a text of {len(text)} characters, longer than spaCy's max_length "
            f"({nlp.max_length}), was parsed in {len(pieces)} pieces"
        )
    return repair_parse(doc), note


_BREAKS = (
    re.compile(r"\n\s*\n"),
    re.compile(r"\n"),
    re.compile(r"(?<=[.!?])\s"),
    re.compile(r"\s"),
)


def split_text(text: str, limit: int) -> list[str]:
    """Cut ``text`` into pieces of at most ``limit`` characters that join back into it,
    at the last paragraph break (else line break, sentence end, space) before the limit."""
    pieces = []
    while len(text) > limit:
        cut = limit
        for pattern in _BREAKS:
            ends = [m.end() for m in pattern.finditer(text, limit // 2, limit)]
            if ends:
                cut = ends[-1]
                break
        pieces.append(text[:cut])
        text = text[cut:]
    return [*pieces, text] if text else pieces


def _doc_from_bytes(nlp: Language, data: bytes) -> Doc:
    from spacy.tokens import Doc

    return Doc(nlp.vocab).from_bytes(data)


def _one_line(text: str, width: int = 300) -> str:
    line = " ".join(text.split())
    return line if len(line) <= width else line[: width - 1] + "…"
