"""The date a clause talks about, for the events stage.

Asked about a token or span, answer with the nearest dated expression
written inside the phrase it heads ("the withdrawal ... on 25 November",
"the statement signed ... dated November 10") or hanging off the same verb
without crossing into another clause; failing that, the last date the
passage named before it as the time of something (not a date inside a
name, "the 1950-53 Korean War", nor a boundary, "for the first time since
1998"; and never a past one for a clause in the future tense); failing
that, the publication date (none when the article has no date: no day is
invented). The answer says which.
"""

from __future__ import annotations

import bisect
from collections.abc import Sequence
from datetime import date
from typing import TYPE_CHECKING

from .anchoring import governing_verb
from .values import ClauseDate, TimeValue

if TYPE_CHECKING:
    from spacy.tokens import Doc, Span, Token

__all__ = ["clause_date"]


def clause_date(
    target: Span | Token, values: Sequence[TimeValue], published: date | None
) -> ClauseDate | None:
    """The date ``target``'s clause talks about, and where that date came from; None
    when nothing dates it and there is no publication day."""
    from spacy.tokens import Span  # at run time: spaCy loads only where documents are

    token = target.root if isinstance(target, Span) else target
    own = _inside_phrase(token, values)
    if own is not None:
        return _from_value(own, "expression")
    doc = token.doc
    verb = governing_verb(token)
    if verb is token and token.dep_ in _NOMINAL_DEPS and token.head.i != token.i:
        # A gerund used as a noun ("fighting resumed in May") is dated by its clause's verb.
        verb = governing_verb(token.head)
    sentence = token.sent
    best: tuple[int, TimeValue] | None = None
    for value in _starting_within(values, doc, sentence.start_char, sentence.end_char):
        if value.span_days is None or value.type == "SET":
            continue
        span = doc.char_span(value.start_char, value.end_char, alignment_mode="expand")
        if span is None or verb is None:
            continue
        governor = governing_verb(span.root)
        if governor is not None and governor.i == verb.i:
            distance = abs(span.start - token.i)
            if best is None or distance < best[0]:
                best = (distance, value)
    if best is not None:
        return _from_value(best[1], "expression")
    if verb is not None and verb.i != token.i:
        own = _inside_phrase(verb, values)
        if own is not None:
            return _from_value(own, "expression")
    paragraph_start = _paragraph_start(token)
    earlier = [
        v
        for v in _starting_within(values, doc, paragraph_start, token.idx)
        if v.span_days is not None and v.type != "SET" and _times_its_passage(v, doc)
    ]
    if earlier and not (
        published is not None and _in_future(verb or token) and _ends_before(earlier[-1], published)
    ):
        return _from_value(earlier[-1], "passage")
    if published is None:
        return None
    return ClauseDate(published, published, "day", "published")


# Dependencies by which an expression modifies a noun: it is part of a name or a
# description ("the 1950-53 Korean War", "the 2018 election"), not the time of a clause.
_NOUN_MODIFIER_DEPS = frozenset({"compound", "nummod", "amod", "nmod", "poss"})
# Prepositions that make an expression a boundary ("since 1998"), not the time of an act.
_BOUNDARY_PREPS = frozenset({"since", "until", "till", "before", "after"})
_FUTURE_AUXILIARIES = frozenset({"will", "shall", "'ll", "wo"})


def _times_its_passage(value: TimeValue, doc: Doc) -> bool:
    """Whether an expression says when its passage happens, so that the sentences after
    it may be dated by it: not when it is part of a name or description of a thing, nor
    a boundary of a span."""
    span = doc.char_span(value.start_char, value.end_char, alignment_mode="expand")
    if span is None:
        return True
    root = span.root
    head = root.head
    if (
        root.dep_ in _NOUN_MODIFIER_DEPS
        and head.pos_ in ("NOUN", "PROPN")
        and not span.start <= head.i < span.end
    ):
        return False
    return not (root.dep_ == "pobj" and head.lower_ in _BOUNDARY_PREPS)


def _in_future(token: Token) -> bool:
    """Whether ``token``'s clause is told in the future tense ("Pompeo will lead ...")."""
    return any(c.dep_ == "aux" and c.lower_ in _FUTURE_AUXILIARIES for c in token.children)


def _ends_before(value: TimeValue, day: date) -> bool:
    days = value.span_days
    return days is not None and days[1] < day


# Dependencies by which a verb form stands as a noun in its clause.
_NOMINAL_DEPS = frozenset({"nsubj", "nsubjpass", "dobj", "pobj"})


def _paragraph_start(token: Token) -> int:
    """Character offset where ``token``'s paragraph (text after the last line break) starts."""
    doc = token.doc
    breaks = doc.user_data.get(_BREAKS)
    if breaks is None:  # read once a doc: looking back from each token made long texts quadratic
        breaks = doc.user_data[_BREAKS] = [t.i for t in doc if "\n" in t.text_with_ws]
    k = bisect.bisect_left(breaks, token.i)
    if k == 0:
        return 0
    before = doc[breaks[k - 1]]
    return before.idx + len(before.text_with_ws)


def _starting_within(
    values: Sequence[TimeValue], doc: Doc, start: int, end: int
) -> Sequence[TimeValue]:
    """The values that start in characters ``start`` to ``end`` (exclusive), in text order;
    the values are ordered once a doc, and each question is a bisection."""
    cached = doc.user_data.get(_STARTS)
    if cached is None or cached[0] is not values:
        ordered = sorted(values, key=lambda v: v.start_char)
        cached = doc.user_data[_STARTS] = (values, ordered, [v.start_char for v in ordered])
    _, ordered, starts = cached
    return ordered[bisect.bisect_left(starts, start) : bisect.bisect_left(starts, end)]


_BREAKS = "dateline.line_breaks"
_STARTS = "dateline.time_value_starts"


def _inside_phrase(token: Token, values: Sequence[TimeValue]) -> TimeValue | None:
    """The nearest dated expression inside the phrase ``token`` heads, within its own clause.

    A participle modifying a noun speaks for the noun's whole phrase: in
    "the statement signed by the parties dated November 10" the signing is
    dated by "dated November 10".
    """
    head = token.head if token.dep_ == "acl" and token.head.pos_ in ("NOUN", "PROPN") else token
    doc = head.doc
    left, right = head.left_edge.idx, head.right_edge.idx + len(head.right_edge)
    best: tuple[int, TimeValue] | None = None
    for value in _starting_within(values, doc, left, right):
        if value.span_days is None or value.type == "SET" or value.end_char > right:
            continue
        span = doc.char_span(value.start_char, value.end_char, alignment_mode="expand")
        if span is None or not _reaches_without_new_clause(span.root, head):
            continue
        distance = abs(span.start - token.i)
        if best is None or distance < best[0]:
            best = (distance, value)
    return best[1] if best else None


def _reaches_without_new_clause(start: Token, head: Token) -> bool:
    """Whether ``head`` is reached from ``start`` up the parse without entering another clause.

    A verb with a subject of its own starts another clause, with its own
    time, unless its subject is a relative pronoun standing for ``head``
    ("the conversation that took place on November 24"). A participle that
    modifies some other noun describes that noun ("the statement dated
    November 10" inside the object of "focused on").
    """
    token = start
    for _ in range(12):
        if token.i == head.i:
            return True
        if token.pos_ in ("VERB", "AUX"):
            subjects = [c for c in token.children if c.dep_ in ("nsubj", "nsubjpass", "csubj")]
            own_relative = token.dep_ == "relcl" and token.head.i == head.i
            if subjects and not (own_relative and all(_is_relative(c) for c in subjects)):
                return False
            if (
                token.dep_ in ("acl", "relcl")
                and token.head.i != head.i
                and not _elided(token, head)
            ):
                return False
        if token.head.i == token.i:
            return False
        token = token.head
    return False


def _elided(verb: Token, head: Token) -> bool:
    """Whether ``verb`` is the participle of a conjunct with its verb left out: in
    "civilians were killed and hundreds of others injured in attacks on May 3",
    "injured" hangs off "others", in the conjunct "hundreds" of "killed"."""
    token = verb.head
    for _ in range(6):
        if token.dep_ == "conj" and token.head.i == head.i:
            return True
        if token.head.i == token.i or token.pos_ in ("VERB", "AUX"):
            return False
        token = token.head
    return False


def _is_relative(token: Token) -> bool:
    return token.lower_ in ("that", "which", "who")


def _from_value(value: TimeValue, source: str) -> ClauseDate:
    days = value.span_days
    assert days is not None
    return ClauseDate(days[0], days[1], value.precision or "day", source, value)  # type: ignore[arg-type]
