"""Find event triggers: where a sentence names a PLOVER act.

The lexicon's entries become one spaCy ``Matcher`` per vocabulary, built once
and matched on lemmas, so "hosted", "hosts" and "will host" all match
"host". Matches then pass two checks that keep background out:

1. overlaps: a phrase beats the single words inside it, a verb beats the
   event noun that is its object ("signed the agreement" is one event);
2. anchoring: an event noun reports an event only when something makes it
   one (a light verb, a date, "took place", a verbless headline); "the peace
   agreement" on its own is a reference, not news; an event noun that only
   modifies another ("assault rifles", "attack helicopters") names none;
3. mishaps: an act done by a flood, a fire, a gas explosion or a crashing
   bus is a disaster or an accident, not a political event (:mod:`.doers`).

A violent act whose doers are protesters is a riot (PROTEST riot, :mod:`.doers`).
"""

from __future__ import annotations

import itertools
from dataclasses import dataclass, field, replace
from typing import TYPE_CHECKING, Any, cast

from .doers import as_riot, is_mishap
from .lexicon import GAP, Grammar, TriggerEntry, load_lexicon
from .values import EventTrigger

if TYPE_CHECKING:
    from spacy.matcher import Matcher
    from spacy.tokens import Doc, Span, Token
    from spacy.vocab import Vocab

__all__ = ["find_triggers", "is_anchored", "trigger_matcher"]

_GAP_SPEC: dict[str, Any] = {"IS_PUNCT": False, "OP": "{0,5}"}
_DATE_ENTS = frozenset({"DATE", "TIME"})
_MODIFIER_DEPS = frozenset({"amod", "compound", "nmod", "npadvmod", "nummod"})
_LENGTH_UNITS = frozenset({"year", "month", "week", "day", "hour", "decade", "minute"})
# Dependencies by which a noun is the thing a light verb does.
_LIGHT_OBJECT_DEPS = frozenset({"dobj", "nsubjpass", "attr", "pobj", "oprd", "conj"})


# Keyed by id(vocab); the vocab is kept alive beside its matcher so ids stay unique.
@dataclass(frozen=True)
class TriggerIndex:
    """The lexicon compiled for one vocabulary.

    One-word entries (most of the lexicon) are looked up by lemma in
    ``single``, which is far cheaper than running hundreds of one-token
    patterns through a Matcher. Multiword patterns are in ``patterns`` (key,
    token pattern); ``keys`` maps each key to the entry and the pattern
    positions that are gaps (so a match's own words can be told from skipped
    tokens); ``required`` lists, per pattern, the lemma sets a sentence must
    all contain for it to match. A sentence is run through a Matcher of only
    the patterns it could match, built once per such set.
    """

    vocab: Vocab
    patterns: tuple[tuple[str, list[dict[str, Any]]], ...]
    keys: dict[str, tuple[TriggerEntry, frozenset[int]]]
    single: dict[str, tuple[tuple[TriggerEntry, str | None], ...]]
    required: tuple[tuple[frozenset[str], ...], ...]
    # Each pattern under the lemmas of its first requirement (under "" when it needs
    # none), so that a sentence checks only the patterns one of its lemmas opens.
    opened_by: dict[str, tuple[int, ...]]
    _matchers: dict[tuple[int, ...], Matcher] = field(default_factory=dict)

    def matcher_for(self, lemmas: set[str]) -> Matcher | None:
        """A Matcher of the multiword patterns a sentence with these lemmas could match."""
        maybe = {n for lemma in (*lemmas, "") for n in self.opened_by.get(lemma, ())}
        ids = tuple(
            number
            for number in sorted(maybe)
            if all(forms & lemmas for forms in self.required[number])
        )
        if not ids:
            return None
        matcher = self._matchers.get(ids)
        if matcher is None:
            from spacy.matcher import Matcher

            matcher = self._matchers[ids] = Matcher(self.vocab)
            for number in ids:
                key, pattern = self.patterns[number]
                matcher.add(key, [pattern])
        return matcher


_INDEXES: dict[int, tuple[Vocab, TriggerIndex]] = {}


def trigger_matcher(vocab: Vocab) -> TriggerIndex:
    """The lexicon compiled for ``vocab`` (built once per vocabulary)."""
    cached = _INDEXES.get(id(vocab))
    if cached is None:
        patterns: list[tuple[str, list[dict[str, Any]]]] = []
        keys: dict[str, tuple[TriggerEntry, frozenset[int]]] = {}
        single: dict[str, list[tuple[TriggerEntry, str | None]]] = {}
        required: list[tuple[frozenset[str], ...]] = []
        for number, entry in enumerate(load_lexicon().entries):
            for variant, pattern in enumerate(_patterns(entry)):
                if len(pattern) == 1 and "OP" not in pattern[0]:
                    for form in pattern[0]["LEMMA"]["IN"]:
                        single.setdefault(form, []).append((entry, pattern[0].get("POS")))
                    continue
                key = f"event-{number}-{variant}"
                gaps = frozenset(i for i, spec in enumerate(pattern) if spec is _GAP_SPEC)
                patterns.append((key, pattern))
                keys[key] = (entry, gaps)
                required.append(_required_lemmas(pattern))
        index = TriggerIndex(
            vocab,
            tuple(patterns),
            keys,
            {form: tuple(entries) for form, entries in single.items()},
            tuple(required),
            _opened_by(required),
        )
        cached = _INDEXES[id(vocab)] = (vocab, index)
    return cached[1]


def _opened_by(required: list[tuple[frozenset[str], ...]]) -> dict[str, tuple[int, ...]]:
    found: dict[str, list[int]] = {}
    for number, needed in enumerate(required):
        for lemma in needed[0] if needed else ("",):
            found.setdefault(lemma, []).append(number)
    return {lemma: tuple(numbers) for lemma, numbers in found.items()}


def _required_lemmas(pattern: list[dict[str, Any]]) -> tuple[frozenset[str], ...]:
    return tuple(
        frozenset(spec["LEMMA"]["IN"])
        for spec in pattern
        if "LEMMA" in spec and spec.get("OP") != "?"
    )


def _patterns(entry: TriggerEntry) -> list[list[dict[str, Any]]]:
    """Token patterns for an entry; hyphenated words ("cease-fire") are three tokens."""
    position_variants: list[list[list[dict[str, Any]]]] = []
    for alternatives in entry.words:
        if alternatives == (GAP,):
            position_variants.append([[_GAP_SPEC]])
            continue
        optional = alternatives[0].startswith("?")
        words = [word.lstrip("?") for word in alternatives]
        plain = [word for word in words if "-" not in word]
        variants = [[_word_spec(plain, entry, optional)]] if plain else []
        for word in words:
            if "-" in word:
                parts = word.split("-")
                specs = [_word_spec([parts[0]], None, optional)]
                for part in parts[1:]:
                    specs += [{"ORTH": "-"}, _word_spec([part], None, optional)]
                variants.append(specs)
        position_variants.append(variants)
    return [
        [spec for chunk in combination for spec in chunk]
        for combination in itertools.product(*position_variants)
    ]


def _word_spec(words: list[str], entry: TriggerEntry | None, optional: bool) -> dict[str, Any]:
    # spaCy keeps the case of some lemmas ("Talks" at a sentence start), so
    # both spellings are accepted.
    forms = sorted({form for word in words for form in (word, word.capitalize())})
    spec: dict[str, Any] = {"LEMMA": {"IN": forms}}
    if entry is not None and entry.kind == "verb":
        spec["POS"] = "VERB"
    elif entry is not None and entry.kind == "noun":
        spec["POS"] = "NOUN"
    if optional:
        spec["OP"] = "?"
    return spec


def find_triggers(doc: Doc | Span) -> list[EventTrigger]:
    """Every anchored, non-overlapping trigger in ``doc`` (or one sentence), in text order."""
    index = trigger_matcher(doc.vocab)
    grammar = load_lexicon().grammar
    candidates: list[tuple[EventTrigger, frozenset[int]]] = []
    for token in doc:
        for entry, pos in index.single.get(token.lemma_, ()):
            if entry.kind == "noun" and token.dep_ == "compound":
                continue  # "assault rifles", "attack helicopters"
            if pos is None or token.pos_ == pos:
                trigger = _trigger(doc, entry, frozenset((token.i,)))
                if trigger is not None:
                    candidates.append((trigger, frozenset((token.i,))))
    from spacy.tokens import Doc

    sentences = doc.sents if isinstance(doc, Doc) else [doc]
    for sentence in sentences:
        matcher = index.matcher_for({token.lemma_ for token in sentence})
        if matcher is not None:
            candidates += _phrase_candidates(sentence, matcher, index)
    found = _resolve_overlaps(candidates, grammar)
    return [as_riot(t, grammar) for t in found if not is_mishap(t.anchor, grammar)]


def _phrase_candidates(
    sentence: Span, matcher: Matcher, index: TriggerIndex
) -> list[tuple[EventTrigger, frozenset[int]]]:
    found = []
    matches = cast(list[tuple[int, int, int, list[int]]], matcher(sentence, with_alignments=True))
    for match_id, start, _end, alignment in matches:
        entry, gaps = index.keys[sentence.vocab.strings[match_id]]
        words = frozenset(
            sentence.start + start + i
            for i, position in enumerate(alignment)
            if position not in gaps
        )
        trigger = _trigger(sentence, entry, words)
        if trigger is not None:
            found.append((trigger, words))
    return found


def _trigger(doc: Doc | Span, entry: TriggerEntry, words: frozenset[int]) -> EventTrigger | None:
    tokens = [doc.doc[i] for i in sorted(words)]
    heads = [t for t in tokens if t.head.i not in words or t.head.i == t.i]
    anchor = heads[0]
    # A phrase whose words are not one piece of syntax is a coincidence of
    # word order ("launched ... operation" across two clauses).
    subtree = {t.i for t in anchor.subtree}
    if not words <= subtree:
        return None
    return EventTrigger(
        type=entry.type,
        mode=entry.mode,
        kind=entry.kind,
        anchor=anchor,
        start=min(words),
        end=max(words) + 1,
        object_role=entry.object_role,
        preps=entry.preps,
        frame=entry.frame,
        label=entry.label,
    )


def _resolve_overlaps(
    candidates: list[tuple[EventTrigger, frozenset[int]]], grammar: Grammar
) -> list[EventTrigger]:
    def priority(item: tuple[EventTrigger, frozenset[int]]) -> tuple[int, int, int, int, int]:
        trigger, words = item
        return (
            trigger.kind != "phrase",
            -len(words),
            trigger.start - trigger.end,
            trigger.anchor.pos_ != "VERB",
            trigger.start,
        )

    taken: dict[int, int] = {}  # token -> index of the chosen trigger holding it
    chosen: list[EventTrigger] = []
    for trigger, words in sorted(candidates, key=priority):
        holders = {taken[i] for i in words if i in taken}
        if holders:
            # A more specific entry inside a chosen one lends it its mode:
            # "provided ... military aid" is military aid.
            for index in holders:
                winner = chosen[index]
                if winner.mode is None and winner.type == trigger.type and trigger.mode:
                    chosen[index] = replace(winner, mode=trigger.mode)
            continue
        chosen.append(trigger)
        taken.update(dict.fromkeys(words, len(chosen) - 1))
    verb_anchors = {t.anchor.i for t in chosen if t.anchor.pos_ in ("VERB", "AUX")}
    kept = [
        trigger
        for trigger in chosen
        if (trigger.anchor.pos_ in ("VERB", "AUX") and not _is_modifier_or_command(trigger.anchor))
        or (
            not _is_object_of(trigger.anchor, verb_anchors) and is_anchored(trigger.anchor, grammar)
        )
    ]
    return sorted(kept, key=lambda t: t.start)


def _is_modifier_or_command(verb: Token) -> bool:
    """Participles that describe ("the occupied territories") and page commands
    ("Leave a comment", "Share this article") name no event."""
    if verb.dep_ in _MODIFIER_DEPS:
        return True
    return (
        verb.dep_ == "ROOT"
        and verb.tag_ == "VB"
        and not any(c.dep_ in ("nsubj", "nsubjpass", "aux") for c in verb.children)
    )


def _is_object_of(noun: Token, verb_anchors: set[int]) -> bool:
    """True when the noun is what another trigger's verb acts on ("signed the deal").

    A dated noun is its own event: "welcomed the withdrawal of troops on 11 May".
    """
    return (
        noun.dep_ in ("dobj", "nsubjpass", "attr")
        and noun.head.i in verb_anchors
        and not _has_date(noun)
    )


def is_anchored(noun: Token, grammar: Grammar) -> bool:
    """True when an event noun reports an event rather than naming a topic.

    "held talks", "talks took place", "the attack on 3 May", "talks held in
    Oslo", "the upcoming summit" are anchored; "the peace agreement" and
    "the conflict" on their own are not.
    """
    head = noun.head
    if noun.dep_ in _LIGHT_OBJECT_DEPS and head.lemma_.lower() in grammar.light_verbs:
        return True
    if noun.dep_ in ("nsubj", "nsubjpass") and head.lemma_.lower() in grammar.event_verbs:
        return True
    if any(
        child.dep_ in ("acl", "relcl")
        and child.lemma_.lower() in (grammar.light_verbs | grammar.event_verbs)
        for child in noun.children
    ):
        return True
    if any(
        child.lower_ in grammar.future_modifiers for child in noun.children if child.dep_ == "amod"
    ):
        return True
    if any(
        child.dep_ == "agent" or (child.dep_ == "prep" and child.lower_ == "by")
        for child in noun.children
    ):
        return True
    if (
        noun.dep_ == "pobj"
        and noun.head.lower_ in ("for", "over")
        and noun.head.head.lemma_.lower() in grammar.done_act_heads
    ):
        return True
    if noun.dep_ == "pobj" and noun.head.lower_ in grammar.setting_prepositions:
        setting_of = noun.head.head
        # "at the summit, X said": the setting of a past act took place. A
        # nominal root means the parser missed the sentence's verb.
        if setting_of.tag_ == "VBD" or (
            setting_of.dep_ == "ROOT" and setting_of.pos_ in ("PROPN", "NOUN")
        ):
            return True
    if _has_date(noun):
        return True
    return not any(t.pos_ in ("VERB", "AUX") for t in noun.sent)


def _has_date(noun: Token) -> bool:
    """A calendar date inside the noun phrase itself ("the attack on 3 May").

    Dates of a clause inside the phrase ("the deal that they signed in May")
    belong to that clause, and a length ("the 44-day war") is not a date.
    """
    for token in noun.subtree:
        if token.ent_type_ not in _DATE_ENTS or token.i == noun.i:
            continue
        path = token.head
        clause = False
        while path.i != noun.i and path.head.i != path.i:
            clause = clause or path.pos_ in ("VERB", "AUX")
            path = path.head
        if clause or path.i != noun.i:
            continue
        if token.head.i == noun.i and token.dep_ in _MODIFIER_DEPS:
            continue
        if _is_length(token):
            continue
        return True
    return False


def _is_length(token: Token) -> bool:
    """True for durations written as modifiers: "31-year", "months-long", "44-day"."""
    ent = _entity_of(token)
    if ent is None:
        return False
    last = ent[-1].lemma_.lower()
    hyphenated = any(t.text == "-" for t in ent) and last in _LENGTH_UNITS
    return hyphenated or last in ("long", "old") or ent.root.dep_ in _MODIFIER_DEPS


def _entity_of(token: Token) -> Span | None:
    """The entity holding ``token``, read from the IOB tags around it (``doc.ents``
    would build every entity of the text, each time)."""
    if token.ent_iob_ not in ("B", "I"):
        return None
    doc = token.doc
    start = token.i
    while start > 0 and doc[start].ent_iob_ == "I":
        start -= 1
    end = token.i + 1
    while end < len(doc) and doc[end].ent_iob_ == "I":
        end += 1
    return doc[start:end]
