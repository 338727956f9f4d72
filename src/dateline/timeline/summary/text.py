"""Words, TF-IDF vectors and cosine similarity for choosing sentences.

Small and dependency-free on purpose: a summary of a few thousand sentences
needs nothing heavier than sparse dictionaries.
"""

from __future__ import annotations

import math
import re
from collections import Counter
from collections.abc import Iterable, Mapping, Sequence

__all__ = ["Vector", "centroid", "cosine", "idf_of", "tfidf", "words_of"]

Vector = Mapping[str, float]

# Penn Treebank bracket tokens (-LRB-, -RRB-, ...) are how tokenised corpora
# write brackets; they are punctuation, not words.
_TREEBANK_BRACKETS = re.compile(r"-[LR][RSC]B-")
_WORD = re.compile(r"[^\W_]+(?:['’.-][^\W_]+)*")


def words_of(text: str) -> list[str]:
    """The lower-cased words and numbers of ``text``, punctuation dropped."""
    return _WORD.findall(_TREEBANK_BRACKETS.sub(" ", text).casefold())


def idf_of(documents: Iterable[Sequence[str]]) -> dict[str, float]:
    """Smoothed inverse document frequency of every word of ``documents``."""
    frequency: Counter[str] = Counter()
    total = 0
    for words in documents:
        frequency.update(set(words))
        total += 1
    return {word: math.log((1 + total) / (1 + count)) + 1.0 for word, count in frequency.items()}


def tfidf(
    words: Sequence[str],
    idf: Mapping[str, float],
    stopwords: frozenset[str] = frozenset(),
    unseen: float | None = None,
) -> Vector:
    """The unit-length TF-IDF vector of one sentence's words.

    A word never seen weighs ``unseen``: by default as much as the rarest
    (pass it when calling many times; finding it reads all of ``idf``).
    """
    counts = Counter(word for word in words if word not in stopwords)
    default = unseen if unseen is not None else max(idf.values(), default=1.0)
    vector = {word: count * idf.get(word, default) for word, count in counts.items()}
    return _unit(vector)


def centroid(vectors: Iterable[Vector]) -> Vector:
    """The unit-length mean of ``vectors``."""
    total: dict[str, float] = {}
    for vector in vectors:
        for word, weight in vector.items():
            total[word] = total.get(word, 0.0) + weight
    return _unit(total)


def cosine(a: Vector, b: Vector) -> float:
    """Cosine similarity of two unit-length vectors."""
    if len(a) > len(b):
        a, b = b, a
    return sum(weight * b.get(word, 0.0) for word, weight in a.items())


def _unit(vector: dict[str, float]) -> dict[str, float]:
    norm = math.sqrt(sum(weight * weight for weight in vector.values()))
    return {word: weight / norm for word, weight in vector.items()} if norm else {}
