"""Participant phrases: the noun phrase a role's head token stands for.

The span of a head keeps its modifiers and "of" phrases ("the leaders of
Ethiopia and Eritrea") and cuts relative clauses, appositions and other
prepositional tails, so that it names the participant, not what is said of
it; conjuncts are split into a span each ("Ruto and Abiy"). The role rules
(:mod:`.roles`), the places and the speaker (:mod:`.status`) read phrases
through :func:`participant_spans`.
"""

from __future__ import annotations

from collections.abc import Iterable
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from spacy.tokens import Span, Token

__all__ = ["participant_spans", "spans_of", "unique_spans"]

# Parts of a noun phrase that are not the participant itself.
_CUT_DEPS = frozenset({"relcl", "acl", "cc", "preconj", "punct", "appos", "advcl", "prep"})


def participant_spans(token: Token) -> tuple[Span, ...]:
    """The noun phrase headed by ``token``, split at its conjuncts.

    "Kenyan President William Ruto and Ethiopian Prime Minister Abiy Ahmed"
    gives two spans; relative clauses and prepositional tails are
    cut so the span names the participant, not what is said about it.
    """
    heads = [token, *(c for c in token.conjuncts if c.i > token.i)]
    spans: list[Span] = []
    for head in heads:
        if head.pos_ not in ("CCONJ", "PUNCT"):
            spans += _split_misparsed_coordination(_head_span(head), head)
    return tuple(spans)


def _split_misparsed_coordination(span: Span, head: Token) -> list[Span]:
    """Split "President X and commander Y" that the parser read as one name.

    The parser sometimes hangs a coordination of two names inside the
    compound before the second name's head; a coordination of adjectives
    ("the Colombian and Venezuelan ministers") is left alone.
    """
    for token in span:
        if token.i >= head.i or token.dep_ != "cc":
            continue
        first = token.head
        if first.pos_ in ("PROPN", "NOUN") and any(
            c.dep_ == "conj" and c.pos_ in ("PROPN", "NOUN") for c in first.children
        ):
            left = _trim(span.doc[span.start : token.i])
            right = _trim(span.doc[token.i + 1 : span.end])
            if len(left) and len(right):
                return [left, right]
    return [span]


def _trim(span: Span) -> Span:
    while len(span) > 1 and (span[-1].is_punct or span[-1].is_space):
        span = span[:-1]
    while len(span) > 1 and (span[0].is_punct or span[0].is_space):
        span = span[1:]
    return span


def _head_span(head: Token) -> Span:
    kept = [head.i]
    stack = [c for c in head.children if _is_part_of_name(c)]
    while stack:
        token = stack.pop()
        kept.append(token.i)
        # Below the top level a coordination belongs to the phrase:
        # "the leaders of Ethiopia and Eritrea".
        stack += [c for c in token.children if c.dep_ not in ("relcl", "acl", "appos")]
    # Keep the words next to the head only, so a split coordination cannot
    # swallow its neighbour, and never run across a line break.
    kept_set = set(kept)
    start = end = head.i
    while start - 1 in kept_set and "\n" not in head.doc[start - 1].text_with_ws:
        start -= 1
    while end + 1 in kept_set and "\n" not in head.doc[end].text_with_ws:
        end += 1
    span = head.doc[start : end + 1]
    while len(span) > 1 and (span[-1].is_punct or span[-1].is_space or span[-1].dep_ == "case"):
        span = span[:-1]
    while len(span) > 1 and (
        span[0].is_punct or span[0].is_space or span[0].lower_ in ("and", "or")
    ):
        span = span[1:]
    return span


def _is_part_of_name(child: Token) -> bool:
    if child.dep_ == "prep":
        # "the leaders of Ethiopia", not "Gaddafi's forces [of shelling Misrata]".
        return child.lower_ == "of" and not any(c.tag_ == "VBG" for c in child.children)
    return child.dep_ not in _CUT_DEPS and child.dep_ not in ("conj", "case")


def spans_of(tokens: Iterable[Token]) -> tuple[Span, ...]:
    spans: list[Span] = []
    for token in tokens:
        spans += participant_spans(token)
    return tuple(spans)


def unique_spans(spans: Iterable[Span]) -> tuple[Span, ...]:
    seen: set[tuple[int, int]] = set()
    kept = []
    for span in spans:
        if (span.start, span.end) not in seen:
            seen.add((span.start, span.end))
            kept.append(span)
    return tuple(kept)
