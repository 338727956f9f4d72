"""Who does an act: the doer of a trigger's clause, and what the doer makes of it.

- An act done by a disaster or an accident (a flood, a fire, a gas
  explosion, a crashing bus) is no political event (:func:`is_mishap`); the
  lexicon's readings and the learned coder's both follow this rule.
- Violence by protesters is a riot (:func:`as_riot`).
"""

from __future__ import annotations

from dataclasses import replace
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from spacy.tokens import Token

    from .lexicon import Grammar
    from .values import EventTrigger

__all__ = ["as_riot", "doer_of", "is_mishap"]


def doer_of(anchor: Token) -> Token | None:
    """The subject of a trigger's clause, or of the clause it hangs from
    ("a fire broke out ..., killing 12 workers": the fire)."""
    token = anchor
    for _ in range(3):
        subjects = [c for c in token.children if c.dep_ in ("nsubj", "agent", "csubj")]
        if subjects:
            # The nearest, where the parse split one subject in two ("A magnitude |
            # 6.3 earthquake struck"): its head noun is next to the verb.
            subject = min(subjects, key=lambda c: abs(c.i - token.i))
            if subject.dep_ == "agent":  # "killed by lightning"
                objects = [c for c in subject.children if c.dep_ == "pobj"]
                return objects[0] if objects else None
            return subject
        if token.dep_ not in ("advcl", "conj", "xcomp", "acl", "relcl") or token.head is token:
            return None
        token = token.head
    return None


def is_mishap(anchor: Token, grammar: Grammar) -> bool:
    """True when the act at ``anchor`` is done by a natural or industrial
    disaster or an accident ("a gas explosion injured three workers", "a bus
    collided with a tanker, killing 21"), not by anyone."""
    causes = grammar.mishap_causes
    clause = anchor
    for _ in range(3):
        if clause.lemma_ in grammar.mishap_verbs:
            return True
        if clause.dep_ not in ("advcl", "conj", "xcomp") or clause.head is clause:
            break
        clause = clause.head
    for token in (anchor, doer_of(anchor)):
        if token is None:
            continue
        modifiers = {c.lemma_.lower() for c in token.children if c.dep_ in ("compound", "amod")}
        if modifiers & grammar.weapon_nouns:
            continue  # "artillery fire", "rocket blast"
        if (token is not anchor and token.lemma_.lower() in causes) or modifiers & causes:
            return True
    return False


def as_riot(trigger: EventTrigger, grammar: Grammar) -> EventTrigger:
    """Violence by protesters is a riot: "demonstrators attacked a police post"."""
    if trigger.type != "ASSAULT":
        return trigger
    doer = doer_of(trigger.anchor)
    if doer is not None and doer.lemma_.lower() in grammar.rioters:
        return replace(trigger, type="PROTEST", mode="riot")
    return trigger
