"""Words broken across lines: "implemen-" + "tation", "A" + "t the meeting".

Text copied from pages and PDFs breaks words at line ends, with or without
a hyphen. A break is repaired only when the evidence is clear: the joined
word occurs elsewhere in the same text or is a common word, and the pieces
are not both words themselves ("in" + "to" stays apart). A hyphen is kept
when the hyphenated form is what the text uses elsewhere ("well-known").
"""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Sequence

from .reference import common_words

__all__ = ["repair_broken_words"]

_HYPHEN_END = re.compile(r"(?P<piece>[^\W\d_]+)-$")
_BARE_END = re.compile(r"(?:^|(?<=[\s\"“'‘(]))(?P<piece>[^\W\d_]{1,3})$")
_NEXT_START = re.compile(r"^(?P<piece>[^\W\d_]+)(?=[\s,.;:!?\"”'’)]|$)")


def _vocabulary(text: str) -> Counter[str]:
    words = re.findall(r"[^\W\d_]+(?:-[^\W\d_]+)*", text)
    return Counter(word.casefold() for word in words)


def repair_broken_words(lines: Sequence[str]) -> list[str]:
    """Join lines where a word was broken across the line break.

    The two lines become one (the break was inside a paragraph). Lines are
    returned unchanged where no break is evident.
    """
    text = "\n".join(lines)
    vocabulary = _vocabulary(text)
    common = common_words()
    result: list[str] = []
    for line in lines:
        joined = _join(result[-1], line, vocabulary, common) if result else None
        if joined is None:
            result.append(line)
        else:
            result[-1] = joined
    return result


def _is_word(
    piece: str, vocabulary: Counter[str], common: frozenset[str], *, seen: int = 2
) -> bool:
    """Whether ``piece`` is a word: a common one, or one the text uses ``seen`` times.

    A piece of the broken word occurs once in the text already (at the
    break), so it must occur twice to count as a word of its own.
    """
    folded = piece.casefold()
    return folded in common or (seen > 0 and vocabulary[folded] >= seen)


def _join(previous: str, line: str, vocabulary: Counter[str], common: frozenset[str]) -> str | None:
    previous, line = previous.rstrip(), line.lstrip()
    start = _NEXT_START.match(line)
    if not previous or not start or not start.group("piece")[0].islower():
        return None
    tail = start.group("piece")
    rest = line[start.end() :]
    hyphen = _HYPHEN_END.search(previous)
    if hyphen:
        head = hyphen.group("piece")
        joined = head + tail
        if vocabulary[f"{head}-{tail}".casefold()] >= 1:
            return previous + tail + rest
        head_word = _is_word(head, vocabulary, common)
        tail_word = _is_word(tail, vocabulary, common)
        if _is_word(joined, vocabulary, common, seen=1) or not (head_word and tail_word):
            return previous[: hyphen.end("piece")] + tail + rest
        return None
    bare = _BARE_END.search(previous)
    if not bare:
        return None
    head = bare.group("piece")
    joined = (head + tail).casefold()
    if not _is_word(joined, vocabulary, common, seen=1):
        return None
    # A one-letter tail is looked up in the common words only: the text's own
    # vocabulary holds it as a piece of contractions ("don't", "Macron's").
    if _is_word(tail, vocabulary, common, seen=2 if len(tail) > 1 else 0):
        return None
    return previous + tail + rest
