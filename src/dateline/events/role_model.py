"""Who acted and on whom, learned from marked spans.

The rules of :mod:`.roles` read the parse around a trigger; this model,
trained on news sentences whose source and target people marked
(``scripts/train_roles.py``), scores every noun phrase of the sentence as
the trigger's source, its target or neither. Its features are the
dependency path from the phrase to the trigger, the preposition that
introduces it, its side and distance, its entity kind and part of speech,
the event type, the actors stage's reading of it, and what the rules said
of it. The rules stay first: the model gives the target of an act whose
actor the rules read and whose recipient they did not
(:func:`dateline.events.roles.fill_roles`).

The weights are a multinomial logistic regression kept as plain JSON in
``knowledge/roles/role_model.json`` (feature -> one weight per class), so
reading them needs neither scikit-learn nor numpy.
"""

from __future__ import annotations

import bisect
import json
import math
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from functools import cache
from typing import TYPE_CHECKING, Any

from ..errors import KnowledgeError
from ..knowledge import KNOWLEDGE_DIR

if TYPE_CHECKING:
    from spacy.tokens import Doc, Span, Token

    from .values import EventTrigger, RoleSpans

__all__ = [
    "CLASSES",
    "ROLE_MODEL_FILE",
    "RoleModel",
    "actor_kind",
    "candidates",
    "features",
    "load_role_model",
    "target_of",
]

CLASSES = ("none", "source", "target")
ROLE_MODEL_FILE = KNOWLEDGE_DIR / "roles" / "role_model.json"
# Words that head a phrase which may be a participant.
_CANDIDATE_POS = frozenset({"NOUN", "PROPN", "PRON"})
# Inside a name: the head of the phrase is the candidate, not its parts.
_PART_DEPS = frozenset({"compound", "flat", "det", "case", "punct"})
_NAME_ENTS = frozenset({"NORP", "GPE"})
_ACTOR_ENTS = frozenset({"NORP", "GPE", "ORG", "PERSON"})
_NOT_PARTICIPANTS = frozenset({"DATE", "TIME", "CARDINAL", "MONEY", "PERCENT", "QUANTITY"})
_LONGEST_PATH = 5


@dataclass(frozen=True)
class RoleModel:
    """Weights of the role scorer: one per class for each feature, and the biases."""

    weights: dict[str, tuple[float, float, float]]
    bias: tuple[float, float, float]
    min_target: float

    def probabilities(self, found: Iterable[str]) -> tuple[float, float, float]:
        """P(none), P(source), P(target) of a phrase with the features ``found``."""
        totals = list(self.bias)
        for name in found:
            weights = self.weights.get(name)
            if weights is not None:
                for k in range(3):
                    totals[k] += weights[k]
        top = max(totals)
        exps = [math.exp(t - top) for t in totals]
        whole = sum(exps)
        return exps[0] / whole, exps[1] / whole, exps[2] / whole

    def to_json(self) -> str:
        return json.dumps(
            {
                "classes": CLASSES,
                "bias": self.bias,
                "min_target": self.min_target,
                "weights": self.weights,
            },
            sort_keys=True,
            indent=0,
        )


@cache
def load_role_model() -> RoleModel | None:
    """The shipped role model, or None where none is shipped (the rules alone decide)."""
    if not ROLE_MODEL_FILE.exists():
        return None
    try:
        data = json.loads(ROLE_MODEL_FILE.read_text(encoding="utf-8"))
        return RoleModel(
            weights={k: (v[0], v[1], v[2]) for k, v in data["weights"].items()},
            bias=(data["bias"][0], data["bias"][1], data["bias"][2]),
            min_target=float(data["min_target"]),
        )
    except (ValueError, KeyError, IndexError, TypeError) as error:
        raise KnowledgeError(f"not a role model: {error}", source=str(ROLE_MODEL_FILE)) from None


def candidates(trigger: EventTrigger, rules: RoleSpans) -> list[Token]:
    """Heads of the noun phrases of the trigger's sentence that may be participants:
    the rules' phrases, pronouns, and phrases that name someone (a proper name, or a
    phrase the actors stage read: "the police", "Syrian troops")."""
    inside = range(trigger.start, trigger.end)
    ruled = {span.root.i for span in (*rules.actors, *rules.recipients)}
    return [
        token
        for token in trigger.anchor.sent
        if token.i in ruled or (token.i not in inside and _may_take_part(token))
    ]


def _may_take_part(token: Token) -> bool:
    heads_a_phrase = (token.pos_ in _CANDIDATE_POS and token.dep_ not in _PART_DEPS) or (
        token.dep_ == "amod" and token.ent_type_ in _NAME_ENTS
    )
    return (
        heads_a_phrase
        and not token.like_num
        and token.ent_type_ not in _NOT_PARTICIPANTS
        and (token.pos_ == "PRON" or _names_someone(token))
    )


def _names_someone(token: Token) -> bool:
    """Whether the phrase ``token`` heads holds a proper name or an actor phrase."""
    words = [token, *(t for child in token.lefts for t in child.subtree)]
    return any(
        t.pos_ == "PROPN" or t.ent_type_ in _ACTOR_ENTS or actor_kind(t) != "-" for t in words
    )


def features(trigger: EventTrigger, token: Token, rules: RoleSpans) -> list[str]:
    """The features of ``token`` as a participant of ``trigger``."""
    anchor = trigger.anchor
    path = _path(token, anchor)
    side = "before" if token.i < anchor.i else "after"
    prep = token.head.lower_ if token.dep_ == "pobj" else "-"
    listed = prep in trigger.preps
    prep_inside = token.dep_ == "pobj" and trigger.start <= token.head.i < trigger.end
    rule = _rule_role(token, rules)
    kind = token.ent_type_ or "-"
    actor = actor_kind(token)
    found = [
        f"path={path}",
        f"type={trigger.type}",
        f"type_path={trigger.type}|{path}",
        f"dep={token.dep_}",
        f"pos={token.pos_}",
        f"ent={kind}",
        f"prep={prep}",
        f"prep_type={prep}|{trigger.type}",
        f"prep_head={prep}|{token.head.head.i == anchor.i}",
        f"side={side}",
        f"side_dep={side}|{token.dep_}",
        f"dist={_bucket(abs(token.i - anchor.i))}",
        f"anchor={anchor.pos_}",
        f"object={trigger.object_role}",
        f"frame={trigger.frame}",
        f"rule={rule}",
        f"rule_path={rule}|{path}",
        f"rule_type={rule}|{trigger.type}",
        f"cap={token.text[:1].isupper()}",
        f"ent_side={kind}|{side}",
        f"passive={_is_passive(anchor)}|{side}",
        f"listed={listed}|{side}",
        f"listed_type={listed}|{trigger.type}",
        f"prep_inside={prep_inside}",
        f"actor={actor}",
        f"actor_side={actor}|{side}",
        f"actor_rule={actor}|{rule}",
    ]
    if token.pos_ in ("PRON", "NOUN"):
        found.append(f"lemma={token.lemma_.lower()}")
    return found


def target_of(trigger: EventTrigger, rules: RoleSpans, model: RoleModel) -> Token | None:
    """The head of the likeliest target of the trigger, other than the rules' actors,
    where the model is sure enough of it (None otherwise)."""
    taken = {span.root.i for span in rules.actors}
    scored = [
        (token, model.probabilities(features(trigger, token, rules)))
        for token in candidates(trigger, rules)
        if token.i not in taken
    ]
    return _pick(scored, CLASSES.index("target"), model.min_target)


def _pick(
    scored: Sequence[tuple[Token, tuple[float, float, float]]], k: int, least: float
) -> Token | None:
    best = max(scored, key=lambda pair: pair[1][k], default=None)
    return best[0] if best is not None and best[1][k] >= least else None


def actor_kind(token: Token) -> str:
    """The kind of actor phrase of the actors stage the token lies in ("known", "name",
    "generic", ...), or "-"; read from what :func:`dateline.actors.resolve_doc` left on
    the document, when it ran."""
    doc = token.doc
    found = doc._.actor_phrases if type(doc).has_extension("actor_phrases") else None
    if not found:
        return "-"
    phrases = found[1]
    starts = _phrase_starts(doc, phrases)
    k = bisect.bisect_right(starts, token.i) - 1
    if k >= 0 and token.i < phrases[k].end:
        return str(phrases[k].kind)
    return "-"


def _phrase_starts(doc: Doc, phrases: Sequence[Any]) -> list[int]:
    """The start of each phrase, in order; computed once per document."""
    if not type(doc).has_extension("actor_phrase_starts"):
        type(doc).set_extension("actor_phrase_starts", default=None)
    cached = doc._.actor_phrase_starts
    if cached is None or cached[0] is not phrases:
        cached = doc._.actor_phrase_starts = (phrases, [p.start for p in phrases])
    return cached[1]


def _rule_role(token: Token, rules: RoleSpans) -> str:
    if _within(token, rules.actors):
        return "actor"
    if _within(token, rules.recipients):
        return "recipient"
    return "none"


def _within(token: Token, spans: Sequence[Span]) -> bool:
    return any(span.start <= token.i < span.end for span in spans)


def _is_passive(anchor: Token) -> bool:
    return any(c.dep_ in ("nsubjpass", "auxpass") for c in anchor.children)


def _path(token: Token, anchor: Token) -> str:
    """The dependency path from ``token`` up to the lowest common ancestor, then down
    to ``anchor``: "nsubj<" for a subject, "pobj<prep<" for a prepositional object."""
    above = {t.i: n for n, t in enumerate([anchor, *anchor.ancestors])}
    up: list[str] = []
    node = token
    while node.i not in above:
        up.append(node.dep_)
        if node.head.i == node.i:
            return "far"
        node = node.head
    down = [t.dep_ for t in [anchor, *anchor.ancestors][: above[node.i]]]
    if len(up) + len(down) > _LONGEST_PATH:
        return "long"
    return "<".join(up) + "<" + ">".join(reversed(down)) if up else ">".join(reversed(down))


def _bucket(distance: int) -> str:
    for limit in (1, 2, 4, 8):
        if distance <= limit:
            return str(limit)
    return "far"
