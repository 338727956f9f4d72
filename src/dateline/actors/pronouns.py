"""Pronouns as actors: the nearest fitting actor named before them.

"he" and "she" stand for the last person named, "it" for the last country
or body, "they" for the last group ("the two presidents", "the sides") or
else the last people named. Only what the document named before the
pronoun counts, and only within a few sentences: an old antecedent is a
guess a coder would not make.
"""

from __future__ import annotations

import bisect
from typing import TYPE_CHECKING

from .knowledge import UNKNOWN_CODE
from .memory import ActorMemory
from .values import Actor, ActorMention

if TYPE_CHECKING:
    from spacy.tokens import Doc, Span

__all__ = ["resolve_pronoun"]

_PERSON = frozenset({"he", "him", "his", "she", "her"})
_THING = frozenset({"it", "its"})
_PLURAL = frozenset({"they", "them", "their"})
_WINDOW = 3  # sentences back


def resolve_pronoun(span: Span, memory: ActorMemory) -> tuple[Actor, ...]:
    """The actors a one-word pronoun span stands for, or () when it is not one or none fits;
    each carries the words of the antecedent that named it."""
    if len(span) != 1:
        return ()
    word = span[0].lower_
    if word not in _PERSON | _THING | _PLURAL:
        return ()
    sentence = _sentence_index(span)
    window_start = span.doc[_sentence_starts(span.doc)[max(sentence - _WINDOW, 0)]].idx
    before = [
        m
        for m in memory.mentions_within(window_start, span.start_char)
        if not m.is_place and m.sentence >= sentence - _WINDOW
    ]
    if word in _PERSON:
        people = [_named(m) for m in before if m.actor.is_person]
        return (people[-1],) if people else ()
    if word in _THING:
        # "it" is a country or a body the text named, not an unnamed group ("gunmen").
        bodies = [
            _named(m)
            for m in before
            if not m.actor.is_person and m.actor.name is None and m.actor.code != UNKNOWN_CODE
        ]
        return (bodies[-1],) if bodies else ()
    return _plural(before)


def _plural(before: list[ActorMention]) -> tuple[Actor, ...]:
    groups = [m for m in before if m.how == "group"]
    if groups:
        last = groups[-1]
        return tuple(dict.fromkeys(_named(m) for m in before if m.start == last.start))
    people = list(dict.fromkeys(_named(m) for m in before if m.actor.is_person))
    return tuple(people[-2:]) if len(people) >= 2 else ()


def _named(mention: ActorMention) -> Actor:
    """The antecedent's actor, with the words that named it."""
    return mention.actor.read_from(mention.text, mention.start, mention.end)


def _sentence_index(span: Span) -> int:
    """The number of ``span``'s sentence in its doc (sentence starts are read once a doc:
    counting them again for each pronoun made long articles quadratic)."""
    return bisect.bisect_left(_sentence_starts(span.doc), span.sent.start)


def _sentence_starts(doc: Doc) -> list[int]:
    """The first token of each sentence of ``doc``, read once a doc."""
    starts = doc.user_data.get(_SENTENCE_STARTS)
    if starts is None:
        starts = doc.user_data[_SENTENCE_STARTS] = [sent.start for sent in doc.sents]
    return starts


_SENTENCE_STARTS = "dateline.sentence_starts"
