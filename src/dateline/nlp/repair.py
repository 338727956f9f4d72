"""Repairs of parser mistakes that later stages would otherwise inherit.

Small statistical parsers make a few mistakes often enough to matter for
event coding. The one repaired here is the reduced relative clause read as
a clause of the main verb: in "X drew attention to the terms of the deal
with Y reached on 19 January, and said ..." the parser makes "reached" an
adverbial clause of "drew" (often tagged as a past tense), so the deal
loses both the verb that reports it and its date. A subjectless past
form directly after a noun phrase, with no auxiliary and no subordinating
word of its own, modifies that noun phrase.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from spacy.tokens import Doc, Token

__all__ = ["repair_parse", "reattach_reduced_relatives"]

_PAST_FORMS = frozenset({"VBD", "VBN"})
# Dependents that give a verb a clause of its own.
_CLAUSE_DEPS = frozenset({"nsubj", "nsubjpass", "csubj", "expl", "aux", "auxpass", "mark"})
# Relations by which a noun phrase continues to the right: "the deal with Y".
_NP_CONTINUATIONS = frozenset({"prep", "pobj", "compound", "appos", "nmod", "poss"})


def repair_parse(doc: Doc) -> Doc:
    """``doc`` with the repairs of this module applied (in place)."""
    reattach_reduced_relatives(doc)
    return doc


def reattach_reduced_relatives(doc: Doc) -> int:
    """Attach misread reduced relative clauses to their noun; return how many were moved."""
    moved = 0
    for token in doc:
        noun = _modified_noun(token)
        if noun is None:
            continue
        token.head = noun
        token.dep_ = "acl"
        token.tag_ = "VBN"
        moved += 1
    return moved


def _modified_noun(verb: Token) -> Token | None:
    """The noun a misattached participle modifies, or None when ``verb`` is parsed right."""
    if verb.dep_ != "advcl" or verb.tag_ not in _PAST_FORMS or verb.i == 0:
        return None
    if verb.head.i > verb.i or any(child.dep_ in _CLAUSE_DEPS for child in verb.children):
        return None
    before = verb.doc[verb.i - 1]
    if before.pos_ not in ("NOUN", "PROPN") or before.is_sent_start:
        return None
    # Climb from the word before the participle through the phrase it ends; the
    # lowest common noun whose phrase ends there is what the participle describes
    # ("the agreement on Kosovo reached ...": the agreement, not Kosovo).
    token = before
    for _ in range(8):
        if verb.is_ancestor(token):
            return None  # a phrase inside the participle's own clause
        if token.pos_ == "NOUN" and token.right_edge.i == before.i:
            return token
        if token.dep_ not in _NP_CONTINUATIONS or token.head.i == token.i:
            return None
        token = token.head
        if token.pos_ in ("VERB", "AUX") or token.i == verb.head.i:
            return None
    return None
