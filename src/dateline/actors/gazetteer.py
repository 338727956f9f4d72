"""Find known names and sector words in a parsed document.

Names (countries, capitals, seats of power, organisations, armed groups,
and the cities that only say where something happened) are matched on the exact text of token spans, longest first, whatever label
the entity recogniser gave them: the small English model calls some capitals a
person, and the gazetteer knows better. Sector words and titles are matched
on lower-cased tokens, with the last word also tried as its lemma so that
"presidents" finds "president".
"""

from __future__ import annotations

import bisect
from collections.abc import Mapping
from dataclasses import dataclass
from typing import TYPE_CHECKING, TypeVar

from .knowledge import ActorKnowledge, NameEntry, WordEntry

if TYPE_CHECKING:
    from spacy.tokens import Doc, Span

__all__ = ["NameMatch", "WordMatch", "match_cities", "match_names", "match_words"]

_T = TypeVar("_T")


@dataclass(frozen=True)
class NameMatch:
    """A known name over tokens ``start`` to ``end`` (exclusive)."""

    start: int
    end: int
    entry: NameEntry


@dataclass(frozen=True)
class WordMatch:
    """A sector word, title or group reference over tokens ``start`` to ``end``."""

    start: int
    end: int
    entry: WordEntry | None = None
    group_kind: str | None = None  # "people" or "countries" for a group reference


def match_names(doc: Doc | Span, knowledge: ActorKnowledge) -> list[NameMatch]:
    """Known names in ``doc``, longest first, not overlapping, in text order."""
    found = _longest(
        doc, knowledge.names, knowledge.sorted_names, knowledge.longest_name, knowledge
    )
    return [NameMatch(start, end, entry) for start, end, entry in found]


def match_cities(doc: Doc | Span, knowledge: ActorKnowledge) -> list[tuple[int, int, str]]:
    """Cities of ``cities.yaml`` in ``doc``: (start, end, country code), in text order."""
    if not knowledge.cities:
        return []
    return _longest(
        doc, knowledge.cities, knowledge.sorted_cities, knowledge.longest_city, knowledge
    )


def _longest(
    doc: Doc | Span,
    table: Mapping[str, _T],
    keys: list[str],
    limit: int,
    knowledge: ActorKnowledge,
) -> list[tuple[int, int, _T]]:
    """Spans of ``doc`` whose exact text is a key of ``table`` (``keys``: its keys in
    order), longest first, not overlapping."""
    matches: list[tuple[int, int, _T]] = []
    # Plain lists: building candidate strings from them is far cheaper than slicing spans.
    texts = [token.text for token in doc]
    spaces = [token.whitespace_ for token in doc]
    i, n = 0, len(doc)
    while i < n:
        found = None
        first = texts[i]
        if first[:1].isupper() or first[:1].isdigit() or first.lower() in ("the", "al"):
            candidates = [first]
            for j in range(i + 1, min(n, i + limit)):
                if not _begins_a_key(keys, candidates[-1]):
                    break  # no key goes on from here, so none is longer
                candidates.append(candidates[-1] + spaces[j - 1] + texts[j])
            for length in range(len(candidates), 0, -1):
                entry = table.get(candidates[length - 1])
                if entry is not None and not _inside_longer_name(doc, i, i + length, knowledge):
                    found = (doc[i].i, doc[i].i + length, entry)
                    break
        if found:
            matches.append(found)
            i += found[1] - found[0]
        else:
            i += 1
    return matches


def _begins_a_key(keys: list[str], text: str) -> bool:
    """Whether some key starts with ``text`` (``keys`` sorted)."""
    position = bisect.bisect_left(keys, text)
    return position < len(keys) and keys[position].startswith(text)


def _inside_longer_name(doc: Doc | Span, start: int, end: int, knowledge: ActorKnowledge) -> bool:
    """Whether the span is only part of a longer proper name ("New Jersey", "Jordan Peterson").

    A country adjective is never rejected: "Russian" in "Russian Peacekeeping
    Force" is still Russia.
    """
    first, last = doc[start], doc[end - 1]
    if first.ent_iob_ == "I" and start > 0 and doc[start - 1].pos_ == "PROPN":
        before = doc[start - 1]
        return (
            before.text[:1].isupper()
            and not before.is_sent_start
            and before.lower_ not in knowledge.title_words
        )
    if end < len(doc) and last.ent_type_ == "PERSON" and doc[end].ent_iob_ == "I":
        return doc[end].pos_ == "PROPN" and end - start == 1 and first.ent_iob_ == "B"
    return False


def match_words(doc: Doc | Span, knowledge: ActorKnowledge) -> list[WordMatch]:
    """Sector words, titles and group references in ``doc``, longest first, in text order."""
    matches: list[WordMatch] = []
    limit = knowledge.longest_words
    lower = [token.lower_ for token in doc]
    lemmas = [token.lemma_.lower() for token in doc]
    starts = knowledge.first_words
    offset = doc[0].i if len(doc) else 0
    i, n = 0, len(doc)
    while i < n:
        found = None
        if lower[i] in starts or lemmas[i] in starts:
            for j in range(min(n, i + limit), i, -1):
                found = _word_at(lower, lemmas, i, j, offset, knowledge)
                if found:
                    break
        if found:
            matches.append(found)
            i += found.end - found.start
        else:
            i += 1
    return matches


def _word_at(
    lower: list[str], lemmas: list[str], i: int, j: int, offset: int, knowledge: ActorKnowledge
) -> WordMatch | None:
    words = tuple(lower[i:j])
    kind = knowledge.group_references.get(words)
    entry = knowledge.words.get(words) or knowledge.words.get((*words[:-1], lemmas[j - 1]))
    if kind or entry:
        return WordMatch(offset + i, offset + j, entry, kind)
    return None
