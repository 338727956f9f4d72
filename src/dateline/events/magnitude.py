"""How many: killed, injured, displaced, arrested and crowd sizes.

A number is read in digits or words ("94", "1,200", "Ninety-four", "100
thousand", "1.5 million", "hundreds of thousands"), then counted under the
heading of the nearest word the lexicon's ``magnitude`` section knows: the
verb or clause it belongs to ("civilians were killed", "hundreds of others
injured"), or the counted noun itself ("3,000 protesters", "48 thousand
refugees").

Conventions: vague plurals are two of their unit ("dozens" 24, "hundreds"
200, "thousands" 2000, "tens of thousands" 20000); bounds count as the
bound ("at least 12", "more than 100"); several numbers under one heading
keep the largest, since news tends to repeat a total with its parts.
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from typing import TYPE_CHECKING

from .lexicon import Lexicon, load_lexicon
from .values import Magnitude

if TYPE_CHECKING:
    from spacy.tokens import Span, Token

__all__ = ["find_magnitude", "quantities", "read_number"]

# Numbers inside these entities are dates, money or shares, not people.
_NOT_COUNTS = frozenset({"DATE", "TIME", "MONEY", "PERCENT", "ORDINAL"})
# Counting words that only count when a scale follows: "a dozen", "several hundred".
_WEAK_UNITS = frozenset({"a", "an", "several", "few", "couple"})
_DIGITS = re.compile(r"^\d{1,3}(,\d{3})+$|^\d+(\.\d+)?$")


def read_number(words: Iterable[str], lexicon: Lexicon | None = None) -> int | None:
    """The value of a number written in digits and/or words, or ``None``.

    >>> read_number(["Ninety", "-", "four"])
    94
    >>> read_number(["hundreds", "of", "thousands"])
    200000
    """
    lexicon = lexicon or load_lexicon()
    total = current = 0.0
    seen = False
    for raw in words:
        word = raw.lower()
        if word in ("-", "of", "and"):
            continue
        if _DIGITS.match(word):
            current += float(word.replace(",", ""))
        elif word in lexicon.number_units:
            current += lexicon.number_units[word]
        elif word in lexicon.number_scales:
            current = max(current, 1) * lexicon.number_scales[word]
            if lexicon.number_scales[word] >= 1000:
                total, current = total + current, 0
        elif word in lexicon.number_vague:
            value = lexicon.number_vague[word]
            if current or total:
                # "hundreds of thousands": the plural scales what came before.
                current = (current + total) * (value // 2)
                total = 0
            else:
                current = value
        else:
            return None
        seen = True
    return int(total + current) if seen else None


def quantities(sent: Span, lexicon: Lexicon | None = None) -> list[tuple[Token, int]]:
    """Each number of people in the sentence: its last token and its value."""
    lexicon = lexicon or load_lexicon()
    found: list[tuple[Token, int]] = []
    group: list[Token] = []
    for token in [*sent, None]:
        if token is not None and _is_number_word(token, lexicon, group):
            group.append(token)
            continue
        while group and (group[-1].text in ("-", "of", "and") or group[-1].lower_ in _WEAK_UNITS):
            group.pop()
        if group:
            value = read_number([t.text for t in group], lexicon)
            if value:
                found.append((group[-1], value))
        group = []
    return found


def _is_number_word(token: Token, lexicon: Lexicon, group: list[Token]) -> bool:
    if token.ent_type_ in _NOT_COUNTS:
        return False
    word = token.lower_
    if group and word in ("-", "of", "and"):
        # Joins "Ninety-four", "hundreds of thousands"; checked when the group ends.
        return True
    if word in _WEAK_UNITS:
        return True
    if (
        group
        and group[-1].lower_ in ("of", "and")
        and word not in lexicon.number_scales
        and word not in lexicon.number_vague
    ):
        return False
    return bool(
        _DIGITS.match(word)
        or word in lexicon.number_units
        or word in lexicon.number_scales
        or word in lexicon.number_vague
    )


def find_magnitude(sent: Span) -> Magnitude:
    """The magnitude a sentence reports (empty when it gives no counted people)."""
    lexicon = load_lexicon()
    values: dict[str, int] = {}
    for token, value in quantities(sent, lexicon):
        heading = _heading(token, lexicon)
        if heading is not None:
            values[heading] = max(value, values.get(heading, 0))
    return Magnitude(**values)


def _heading(quantity: Token, lexicon: Lexicon) -> str | None:
    for candidate in _candidates(quantity):
        for heading, words in lexicon.magnitude_words.items():
            if candidate.lemma_.lower() in words or candidate.lower_ in words:
                return heading
    return None


def _candidates(quantity: Token) -> list[Token]:
    """Words that may say what a number counts, nearest first."""
    counted = _counted_noun(quantity)
    walk = quantity if counted is quantity else counted
    if counted.dep_ == "pobj" and counted.head.lower_ == "of" and counted.head.head.i == quantity.i:
        walk = quantity  # "hundreds of others": the group noun carries the clause
    candidates = [c for c in counted.children if c.dep_ in ("acl", "amod", "relcl")]
    head = walk.head
    chain = []
    for _ in range(3):
        chain.append(head)
        if head.pos_ in ("VERB", "AUX") or head.head.i == head.i:
            break
        head = head.head
    verb = chain[-1]
    candidates += [c for c in chain if c.pos_ in ("VERB", "ADJ")]
    candidates.append(counted)
    candidates += [c for c in chain if c.pos_ not in ("VERB", "ADJ")]
    if verb.pos_ in ("VERB", "AUX"):
        candidates += [c for c in verb.children if c.dep_ in ("nsubj", "nsubjpass", "dobj")]
        candidates += [c for c in verb.children if c.dep_ == "conj" and c.pos_ == "VERB"]
    return candidates


def _counted_noun(quantity: Token) -> Token:
    """The noun a number counts: "94 civilians", "hundreds of others", or the number itself."""
    token = quantity
    while token.dep_ in ("nummod", "quantmod", "compound", "amod") and token.head.i != token.i:
        token = token.head
        if token.pos_ in ("NOUN", "PROPN", "PRON"):
            return token
    for child in quantity.children:
        if child.dep_ == "prep" and child.lower_ == "of":
            objects = [c for c in child.children if c.dep_ == "pobj"]
            if objects:
                return objects[0]
    return quantity
