"""Event mentions of one parsed document: the events stage's steps, in order.

Requires a parsed ``Doc`` (tagger, parser, lemmatizer, NER); assigns
nothing to it. For each sentence:

1. :mod:`.triggers` finds where an act is named (lexicon in
   ``knowledge/triggers.yaml``);
2. :mod:`.roles` reads actors, recipients and place from the parse (the
   learned :mod:`.role_model` fills, after step 6, the roles the rules left
   empty);
3. :mod:`.status` decides occurred / future / hypothetical / negated and the
   speaker, and applies PLOVER's recodings (future meeting -> AGREE, ...);
4. :mod:`.magnitude` counts the killed, injured, displaced, arrested and
   crowds;
5. with the learned coder (:mod:`dateline.coder`), every sentence's type
   probabilities: they arbitrate the lexicon's type and add the acts it
   missed;
6. mentions of one act in one sentence ("were killed ... in attacks") are
   merged, and each gets its CAMEO code, Goldstein score and confidence
   (:mod:`dateline.coder.confidence`: the coder's probability, or without a
   coder the kind of lexicon match and the roles found, through a
   calibrated map).

Dates (time stage) and resolved actors (actors stage) are added later by the
pipeline; :class:`EventMention` keeps role spans as text and offsets.
"""

from __future__ import annotations

from bisect import bisect_left
from dataclasses import dataclass, replace
from typing import TYPE_CHECKING

from ..coder import NO_EVENT, EventCoder, TypeProbabilities
from ..coder.confidence import mention_features, rules_map
from .doers import is_mishap
from .lexicon import DEFAULT_PREPS, load_lexicon
from .magnitude import find_magnitude
from .ontology import event_type
from .roles import fill_roles, find_roles
from .status import apply_plover_rules, find_status
from .triggers import find_triggers
from .values import EventMention, EventTrigger, Magnitude, RoleSpans, SpanRef, StatusInfo

if TYPE_CHECKING:
    from spacy.tokens import Doc, Span, Token

__all__ = ["find_mentions"]

# Shorter sentences are headlines or page text, too thin to type.
_MIN_TYPED_WORDS = 4
# How sure the learned coder must be to add an event the lexicon missed, and
# to overrule the lexicon's type (measured on the development fifth of PLV).
ADD_PROBABILITY = 0.35
OVERRULE_PROBABILITY = 0.4
# The statuses of an act that is coded (a hypothetical one is a topic, not an act).
_STANDING = frozenset({"occurred", "future", "historical", "negated"})


@dataclass(frozen=True)
class _Reading:
    """A trigger with everything read about it, before it becomes a mention."""

    trigger: EventTrigger
    roles: RoleSpans
    info: StatusInfo
    type: str
    mode: str | None
    probability: float | None = None  # the learned coder's, when it was asked


def find_mentions(doc: Doc, *, coder: EventCoder | None = None) -> list[EventMention]:
    """Every event mention of a parsed text, in text order.

    With an :class:`~dateline.coder.model.EventCoder`, the learned coder
    reads every sentence beside the lexicon (:func:`_consult`).
    """
    by_sentence: dict[int, list[_Reading]] = {}
    for trigger in find_triggers(doc):
        by_sentence.setdefault(trigger.anchor.sent.start, []).append(_read(trigger))
    if coder is not None:
        by_sentence = _consult(doc, coder, by_sentence)
    calibration = coder.calibration if coder is not None else rules_map()
    mentions: list[EventMention] = []
    for readings in by_sentence.values():
        sent = readings[0].trigger.anchor.sent
        magnitude = find_magnitude(sent)
        for reading in _merge_same_act(readings):
            filled = replace(reading, roles=fill_roles(reading.trigger, reading.roles))
            mentions.append(_mention(filled, sent, magnitude))
    mentions.sort(key=lambda m: (m.start, m.trigger_start))
    return [
        replace(m, confidence=calibration.confidence(mention_features(m)))
        for m in _counted_acts_before(mentions)
    ]


def _counted_acts_before(mentions: list[EventMention]) -> list[EventMention]:
    """The mentions (in text order), each with how many earlier sentences tell an act
    that stands: news tells its main act first, and the confidence map reads this."""
    told: list[int] = []  # the sentences (their start, ascending) that tell a standing act
    counted = []
    for mention in mentions:
        counted.append(replace(mention, acts_before=bisect_left(told, mention.start)))
        if mention.status in _STANDING and mention.start not in told[-1:]:
            told.append(mention.start)
    return counted


def _consult(
    doc: Doc, coder: EventCoder, by_sentence: dict[int, list[_Reading]]
) -> dict[int, list[_Reading]]:
    """The lexicon's readings with the learned coder's word on each sentence.

    - A reading gets the coder's probability of its type, which its
      confidence is read from, so that among several acts of a sentence the
      likeliest leads.
    - Where the coder is sure of a type the lexicon did not find as an act that
      stands (not at all, or only as a hypothetical one), the sentence's main
      reading that stands takes that type (its roles, status and date stay
      what the rules read).
    - A sentence where the lexicon read no act that stands (none, or only
      hypothetical ones: "called X to discuss") gets one at its main verb
      when the coder is sure enough that it reports an act, and of which type.
    """
    sentences = [sent for sent in doc.sents if sent.start in by_sentence or _may_report_act(sent)]
    consulted: dict[int, list[_Reading]] = {}
    triggers = [[r.trigger for r in by_sentence.get(sent.start, ())] for sent in sentences]
    for sent, found in zip(sentences, coder.probabilities(sentences, triggers), strict=True):
        readings = _arbitrate(by_sentence.get(sent.start, []), found)
        if not any(r.info.status in _STANDING for r in readings):
            # Nothing the lexicon read stands: the act, if any, is the main verb's.
            readings += _main_verb_reading(sent, found, {r.trigger.anchor.i for r in readings})
        if readings:
            consulted[sent.start] = readings
    return dict(sorted(consulted.items()))


def _may_report_act(sent: Span) -> bool:
    """A sentence with a verb and a few words: a headline fragment or a caption reports nothing."""
    words = sum(not t.is_punct and not t.is_space for t in sent)
    return words >= _MIN_TYPED_WORDS and any(t.pos_ in ("VERB", "AUX") for t in sent)


def _main_verb_reading(sent: Span, found: TypeProbabilities, taken: set[int]) -> list[_Reading]:
    """The learned coder's act at the sentence's main verb, when it is sure enough: the
    clause the root reports where that reading stands ("officials said [the talks
    will resume]", "it is envisaged that [the group will carry out the work]"),
    else the root; none where a disaster or an accident acts (the lexicon's
    rule: :func:`~.doers.is_mishap`)."""
    name, probability = found.best()
    if probability < ADD_PROBABILITY or found.of(NO_EVENT) >= probability:
        return []
    grammar = load_lexicon().grammar
    chosen = None
    for verb in _main_verbs(sent.root):
        if is_mishap(verb, grammar):
            return []  # "an earthquake struck": a disaster acts, nobody does
        if verb.i not in taken:
            chosen = _read(_learned_trigger(verb, name, probability))
            if chosen.info.status in _STANDING:
                break
    if chosen is None:
        return []
    if found.of("REJECT") >= OVERRULE_PROBABILITY:
        chosen = _as_refusal(chosen)
    return [replace(chosen, probability=found.of(chosen.type) or probability)]


def _main_verbs(root: Token) -> list[Token]:
    """The clauses a root reports, innermost first, then the root."""
    verbs = [root]
    while (clause := _reported_clause(verbs[-1])) is not None:
        verbs.append(clause)
    return verbs[::-1]


def _reported_clause(verb: Token) -> Token | None:
    return next((c for c in verb.children if c.dep_ == "ccomp" and c.pos_ in ("VERB", "AUX")), None)


def _arbitrate(readings: list[_Reading], found: TypeProbabilities) -> list[_Reading]:
    if not readings:
        return []
    name, probability = found.best()
    standing = [r for r in readings if r.info.status in _STANDING]
    known = {r.type for r in standing}
    if name not in known and standing and probability >= OVERRULE_PROBABILITY:
        # The lexicon missed the act the coder is sure of ("complained that they had
        # to work with ...": cooperation read, a complaint made): the main act that
        # stands is it.
        main = min(standing, key=lambda r: _depth(r.trigger.anchor))
        retyped = _read(replace(main.trigger, type=name, mode=None, kind="learned"))
        readings = [retyped if r is main else r for r in readings]
    if found.of("REJECT") >= OVERRULE_PROBABILITY:
        readings = [_as_refusal(r) if r.type == "REJECT" else r for r in readings]
    return [replace(r, probability=found.of(r.type)) for r in readings]


def _as_refusal(reading: _Reading) -> _Reading:
    """A refusal is the act itself: "will not lift the embargo", read as REJECT by a
    coder sure of it, is a rejection that occurred, not a negated one."""
    if reading.info.status != "negated":
        return reading
    return replace(reading, info=replace(reading.info, status="occurred"))


def _depth(token: Token) -> int:
    depth = 0
    while token.head.i != token.i:
        token, depth = token.head, depth + 1
    return depth


def _learned_trigger(verb: Token, name: str, probability: float) -> EventTrigger:
    """A trigger at a verb of a sentence only the learned coder typed."""
    return EventTrigger(
        type=name,
        mode=None,
        kind="learned",
        anchor=verb,
        start=verb.i,
        end=verb.i + 1,
        preps=DEFAULT_PREPS,
        label=f"learned:{probability:.2f}",
    )


def _read(trigger: EventTrigger) -> _Reading:
    roles = find_roles(trigger)
    info = find_status(trigger)
    type_name, mode = apply_plover_rules(trigger.type, trigger.mode, info.status)
    if type_name == "CONSULT" and mode is None and roles.place is not None:
        # A meeting somewhere named: someone travelled there.
        mode = "visit"
    return _Reading(trigger, roles, info, type_name, mode)


def _merge_same_act(readings: list[_Reading]) -> list[_Reading]:
    """Fold mentions of one act into one: "were killed and hundreds injured in attacks"."""
    kept = list(readings)
    changed = True
    while changed:
        changed = False
        for keeper in kept:
            for other in kept:
                if other is keeper or other.type != keeper.type:
                    continue
                if _is_part_of(other.trigger.anchor, keeper.trigger.anchor):
                    kept[kept.index(keeper)] = _combine(keeper, other)
                    kept.remove(other)
                    changed = True
                    break
            if changed:
                break
    return kept


def _is_part_of(part: Token, whole: Token) -> bool:
    """True when ``part`` names the same act as ``whole``: its conjunct, or an
    event noun inside its clause ("killed in attacks", "during the call, discussed")."""
    if part.i == whole.i:
        return False
    if not whole.is_ancestor(part):
        return False
    if part.pos_ == "NOUN":
        return True
    # "were killed and hundreds of others injured": a conjunct or participle,
    # never a separate clause ("after Hamas attacked", an advcl); "fought a war that
    # killed thousands": a relative clause whose subject is the act itself.
    return (
        part.dep_ == "conj"
        or (part.dep_ == "acl" and part.tag_ == "VBN")
        or (
            part.dep_ == "relcl"
            and any(c.dep_ == "nsubj" and c.tag_ == "WDT" for c in part.children)
        )
    )


def _combine(keeper: _Reading, other: _Reading) -> _Reading:
    roles = RoleSpans(
        actors=keeper.roles.actors or other.roles.actors,
        recipients=keeper.roles.recipients or other.roles.recipients,
        place=keeper.roles.place or other.roles.place,
    )
    probabilities = [p for p in (keeper.probability, other.probability) if p is not None]
    stands = keeper if keeper.info.status in _STANDING else other
    return replace(
        keeper,
        info=stands.info,
        roles=roles,
        mode=keeper.mode or other.mode,
        probability=max(probabilities) if probabilities else None,
    )


def _mention(reading: _Reading, sent: Span, magnitude: Magnitude) -> EventMention:
    trigger, roles, info = reading.trigger, reading.roles, reading.info
    kind = event_type(reading.type)
    words = trigger.anchor.doc[trigger.start : trigger.end]
    return EventMention(
        type=reading.type,
        mode=reading.mode,
        sentence=sent.text,
        start=sent.start_char,
        end=sent.end_char,
        trigger=words.text,
        trigger_start=words.start_char,
        trigger_end=words.end_char,
        status=info.status,
        actor_spans=tuple(_ref(s) for s in roles.actors),
        recipient_spans=tuple(_ref(s) for s in roles.recipients),
        speaker=_ref(info.speaker) if info.speaker is not None else None,
        place=_ref(roles.place) if roles.place is not None else None,
        magnitude=magnitude.of_type(reading.type),
        perfect=info.perfect,
        years=info.years,
        cameo=kind.cameo,
        goldstein=kind.goldstein,
        trigger_kind=trigger.kind,
        probability=reading.probability,
    )


def _ref(span: Span) -> SpanRef:
    return (span.text, span.start_char, span.end_char)
