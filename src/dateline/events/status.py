"""Did it happen? The status of an event mention, read from its clause.

Order of the checks, first match wins:

1. negated: "not", "never", "no talks"; or the complement of "refused to",
   "failed to", "cancelled";
2. hypothetical: an "if/unless" clause, a modal ("may", "could", "would"),
   a wish ("hopes to", "wants to"), an infinitive that hangs on a noun
   ("the issues to provide aid"), a question ("Who ordered the strike?");
3. future: "will", "is to", "plans to", "is set to", "the meeting to be
   held", "the upcoming summit";
4. occurred, with the speaker noted when the clause is reported speech
   ("X said that ...", "..., X said", "according to X").

Historical events need the event's date, which the time stage gives later:
:class:`StatusInfo` keeps the (plu)perfect and the years written in the
clause, and :func:`is_historical` decides once the date is known.

PLOVER recodes some acts by status (:func:`apply_plover_rules`): a future
meeting is AGREE, a promised withdrawal or ceasefire not yet carried out is
CONCEDE, promised aid or cooperation AGREE, and a future attack or sanction
announced by its author is THREATEN.
"""

from __future__ import annotations

from datetime import date
from typing import TYPE_CHECKING

from .lexicon import Grammar, load_lexicon
from .ontology import event_type
from .spans import participant_spans
from .values import EventTrigger, Status, StatusInfo

if TYPE_CHECKING:
    from spacy.tokens import Span, Token

__all__ = ["HISTORICAL_YEARS", "apply_plover_rules", "find_status", "is_historical"]

# An event dated this many years or more before its article is background.
HISTORICAL_YEARS = 2
_FUTURE_RECODES = {
    "CONSULT": "AGREE",
    "RETREAT": "CONCEDE",
    "AID": "AGREE",
    "COOPERATE": "AGREE",
    "ASSAULT": "THREATEN",
    "COERCE": "THREATEN",
    "SANCTION": "THREATEN",
}
_THREAT_MODES = {"ASSAULT": "assault", "COERCE": "coerce", "SANCTION": "sanction"}


def find_status(trigger: EventTrigger) -> StatusInfo:
    """Status, speaker, perfect aspect and written years of the trigger's clause."""
    grammar = load_lexicon().grammar
    anchor = trigger.anchor
    verb = anchor if anchor.pos_ in ("VERB", "AUX") else _clause_verb(anchor, grammar)
    status: Status = "occurred"
    if anchor.pos_ not in ("VERB", "AUX"):
        status = _noun_status(anchor, grammar)
    if status == "occurred" and verb is not None:
        status = _verb_status(verb, grammar)
    if status == "occurred" and _is_question(anchor):
        status = "hypothetical"
    clause = verb if verb is not None else anchor
    return StatusInfo(
        status=status,
        speaker=_speaker(clause, grammar) or _according_to(anchor),
        perfect=_is_perfect(clause),
        years=_years(clause),
    )


def _is_question(token: Token) -> bool:
    """Whether the sentence asks rather than tells: a question reports no act."""
    text = token.sent.text.rstrip(" \n\"'”’»)")
    return text.endswith("?")


def _clause_verb(noun: Token, grammar: Grammar) -> Token | None:
    """The verb whose tense tells an event noun's status: "will hold talks", "talks will take place"."""
    head = noun.head
    if noun.dep_ in ("dobj", "nsubjpass", "attr", "nsubj") and head.pos_ in ("VERB", "AUX"):
        lemma = head.lemma_.lower()
        if lemma in grammar.light_verbs or lemma in grammar.event_verbs:
            return head
    for child in noun.children:
        if child.dep_ in ("acl", "relcl") and child.pos_ == "VERB":
            return child
    return None


def _noun_status(noun: Token, grammar: Grammar) -> Status:
    children = list(noun.children)
    if any(c.dep_ in ("det", "neg") and c.lower_ in grammar.negators for c in children):
        return "negated"
    if any(
        c.lower_ in grammar.future_modifiers for c in children if c.dep_ in ("amod", "compound")
    ):
        return "future"
    for child in children:
        # "the meeting to be held in Geneva"
        if child.dep_ == "acl" and any(
            a.lower_ == "to" for a in child.children if a.dep_ in ("aux", "auxpass")
        ):
            return "future"
    return "occurred"


def _verb_status(verb: Token, grammar: Grammar) -> Status:
    chain = _clause_chain(verb)
    for token in chain:
        children = list(token.children)
        if any(c.dep_ == "neg" or (c.dep_ == "advmod" and c.lower_ == "never") for c in children):
            return "negated"
        if token is not verb and token.lemma_.lower() in grammar.refusal_verbs:
            return "negated"
    for token in chain:
        if any(c.dep_ == "mark" and c.lower_ in grammar.conditional_marks for c in token.children):
            return "hypothetical"
        if token.dep_ == "advcl" and any(
            c.lower_ in grammar.conditional_marks for c in token.children
        ):
            return "hypothetical"
    own_aux = [c.lower_ for c in verb.children if c.dep_ in ("aux", "auxpass")]
    if any(a in grammar.modals for a in own_aux):
        return "hypothetical"
    if any(a in grammar.future_aux for a in own_aux):
        return "future"
    if verb.dep_ == "conj" and not own_aux:
        return _verb_status(verb.head, grammar) if verb.head.pos_ in ("VERB", "AUX") else "occurred"
    if "to" in own_aux:
        head = verb.head
        lemma = head.lemma_.lower()
        if verb.dep_ == "acl" or head.pos_ in ("NOUN", "PROPN"):
            return "hypothetical"
        if head.i == verb.i:  # a root with its own "to": a headline fragment ("To be decided")
            return "hypothetical"
        planned = head.pos_ in ("VERB", "AUX") and (lemma in grammar.future_verbs or lemma == "be")
        if not planned and (lemma in grammar.wish_verbs or head.lower_ in grammar.wish_verbs):
            return "hypothetical"
        if planned:
            # "plans to visit", "is to visit"; the plan's own status carries over.
            outer = _verb_status(head, grammar) if head.pos_ in ("VERB", "AUX") else "occurred"
            return outer if outer in ("negated", "hypothetical") else "future"
        return "hypothetical"
    return "occurred"


def _clause_chain(verb: Token) -> list[Token]:
    """The verb and the verbs it is the complement of ("refused to [attend]")."""
    chain = [verb]
    token = verb
    while token.dep_ in ("xcomp", "conj") and token.head.i != token.i and len(chain) < 4:
        token = token.head
        if token.pos_ not in ("VERB", "AUX", "ADJ"):
            break
        chain.append(token)
    return chain


def _speaker(verb: Token, grammar: Grammar) -> Span | None:
    """Who is quoted: "X said that ...", "..., X said", "according to X"."""
    token = verb
    for _ in range(4):
        if (
            token.dep_ in ("ccomp", "parataxis", "xcomp", "advcl")
            and token.head.lemma_.lower() in grammar.speech_verbs
        ):
            return _subject_span(token.head)
        if token.head.i == token.i:
            break
        token = token.head
    for child in verb.children:
        if (
            child.dep_ in ("parataxis", "advcl", "ccomp")
            and child.lemma_.lower() in grammar.speech_verbs
        ):
            return _subject_span(child)
    return _according_to(verb)


def _according_to(token: Token) -> Span | None:
    """The source of an "according to X" on the token or the clauses above it."""
    for holder in [token, *token.ancestors]:
        for child in holder.children:
            if child.dep_ == "prep" and child.lower_ == "according":
                for grandchild in child.subtree:
                    if grandchild.dep_ == "pobj":
                        return participant_spans(grandchild)[0]
    return None


def _subject_span(speech: Token) -> Span | None:
    for child in speech.children:
        if child.dep_ == "nsubj" and child.lower_ not in ("it",):
            return participant_spans(child)[0]
        if child.dep_ == "agent":
            objects = [c for c in child.children if c.dep_ == "pobj"]
            if objects:
                return participant_spans(objects[0])[0]
    return None


def _is_perfect(verb: Token) -> bool:
    return verb.tag_ == "VBN" and any(
        c.dep_ == "aux" and c.lemma_.lower() == "have" for c in verb.children
    )


def _years(verb: Token) -> tuple[int, ...]:
    """Four-digit years written in the clause's dates ("in 1994", "May 2023")."""
    years = []
    for token in verb.subtree:
        if (
            token.ent_type_ == "DATE"
            and token.text.isascii()
            and token.text.isdigit()
            and len(token.text) == 4
        ):
            years.append(int(token.text))
    return tuple(sorted(set(years)))


def is_historical(event_day: date, published: date, *, years: int = HISTORICAL_YEARS) -> bool:
    """True when an event lies ``years`` or more before its article: background, not news."""
    return (published - event_day).days >= 365 * years


def apply_plover_rules(type_name: str, mode: str | None, status: Status) -> tuple[str, str | None]:
    """PLOVER's recoding by status: future meetings are AGREE, promised
    withdrawals and ceasefires CONCEDE, announced attacks THREATEN."""
    if status != "future" or type_name not in _FUTURE_RECODES:
        return type_name, mode
    new_type = _FUTURE_RECODES[type_name]
    if new_type == "THREATEN":
        return new_type, _THREAT_MODES[type_name]
    new_mode = mode if mode in event_type(new_type).modes else None
    return new_type, new_mode
