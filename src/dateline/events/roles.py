"""Who acted and on whom: actor and recipient spans from the dependency parse.

The rules read the parse around a trigger's anchor:

- verbs: the subject acts; the object is the recipient when the lexicon says
  so ("met Macron") and a theme otherwise ("discussed the situation"); a
  passive's "by" phrase acts and its subject receives ("were killed by"),
  and with no "by" phrase, the attack it happened in acts ("were killed in
  Russian air strikes");
  "with/to/against" phrases (per entry) add recipients;
- nouns: a possessive acts ("Egypt's mediation"), so does the "of" phrase of
  an intransitive act ("the withdrawal of troops"), a "by" phrase, or the
  subject of the light verb or clause the noun sits in ("held talks",
  "in a phone call, the two presidents discussed");
- "between A and B" makes every side an actor; so does a mutual frame;
- hosts: "X hosted Y" makes the visitor Y the actor and the host X the
  recipient; visits and trips make the place visited the recipient;
- conjuncts stay together: "Ruto and Abiy" are two spans of one role;
- a phrase trigger's own words are no participant ("lodged a protest"), unless
  the actors stage read an actor in them ("summoned the Turkish ambassador").
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import replace
from functools import cache
from typing import TYPE_CHECKING

from ..places import gazetteer, is_place_word
from .lexicon import load_lexicon
from .role_model import actor_kind, load_role_model, target_of
from .spans import participant_spans, spans_of, unique_spans
from .values import EventTrigger, RoleSpans

if TYPE_CHECKING:
    from spacy.tokens import Span, Token

__all__ = ["fill_roles", "find_roles", "place_span"]

_SUBJECT_DEPS = frozenset({"nsubj", "csubj"})
_RELATIVE_PRONOUNS = frozenset({"that", "which", "who", "whom", "whose"})
_PLACE_ENTS = frozenset({"GPE", "LOC", "FAC"})
_PLACE_PREPS = ("in", "at", "near", "outside", "around", "inside")
# Entities a proper noun the gazetteer knows is not a place as ("at Reuters").
_NOT_PLACE_ENTS = frozenset({"PERSON", "ORG", "NORP", "DATE", "TIME", "MONEY", "WORK_OF_ART"})
# Acts whose direct object may be the place they struck: "shelled Kharkiv".
_PLACE_OBJECT_TYPES = frozenset({"ASSAULT", "FIGHT"})


def fill_roles(trigger: EventTrigger, roles: RoleSpans) -> RoleSpans:
    """``roles`` with the recipient the rules left empty filled by the learned role model
    (:mod:`.role_model`), where they read an actor and the model is sure of a target.

    Where the rules read a role, their reading stands: they know constructions
    ("the withdrawal of Russian troops", a passive's agent) that a few hundred
    labelled sentences do not teach. Nor does the model name an actor the rules
    found none for: an act nobody is said to do ("fighting resumed", "the
    agreement stipulated") stays a mention that corroborates others, as in news
    it mostly is (given actors there, the seeds' precision fell from 0.87 to 0.76).
    """
    model = load_role_model()
    if (
        model is None
        or not roles.actors
        or roles.recipients
        or trigger.frame != "default"
        or _is_participle_clause(trigger.anchor)
    ):
        return roles
    target = target_of(trigger, roles, model)
    if target is None or _covers(roles.actors, target):
        return roles
    return replace(
        roles, recipients=unique_spans(r for r in spans_of([target]) if r not in roles.actors)
    )


def _is_participle_clause(anchor: Token) -> bool:
    """ "marched ... demanding lower fees": the participle tells how its head's act was
    done, by the head's participants, as the rules read them."""
    return anchor.dep_ == "advcl" and anchor.tag_ == "VBG"


def _covers(spans: Iterable[Span], token: Token) -> bool:
    return any(span.start <= token.i < span.end for span in spans)


def find_roles(trigger: EventTrigger) -> RoleSpans:
    """Actor and recipient spans, and the place, for one trigger, as the rules read them."""
    anchor = trigger.anchor
    if anchor.pos_ in ("VERB", "AUX"):
        actors, recipients = _verb_roles(anchor, trigger)
    else:
        actors, recipients = _noun_roles(anchor, trigger)
    between = [t for t in _prep_objects(_role_holders(trigger), ("between", "among", "amongst"))]
    between_spans = spans_of(between)
    if between_spans:
        if actors:
            recipients += between_spans
        else:
            actors = between_spans
    if trigger.frame == "mutual":
        actors, recipients = actors + recipients, ()
    if trigger.frame == "visit" and not recipients:
        place = place_span(trigger)
        recipients = (place,) if place is not None else ()
    inside = range(trigger.start, trigger.end)
    actors = tuple(a for a in actors if a.root.i not in inside)
    # A phrase's own words are no participant ("lodged a protest"), unless the actors
    # stage read an actor in them: "summoned the Turkish ambassador".
    recipients = tuple(
        r
        for r in recipients
        if (r.root.i not in inside or actor_kind(r.root) != "-") and r not in actors
    )
    return RoleSpans(
        actors=unique_spans(actors),
        recipients=unique_spans(recipients),
        place=place_span(trigger),
    )


def _verb_roles(verb: Token, trigger: EventTrigger) -> tuple[tuple[Span, ...], tuple[Span, ...]]:
    subject, passive_subject, agent = _subjects(verb)
    objects = [c for c in verb.children if c.dep_ in ("dobj", "dative")]
    if trigger.frame == "host":
        # "X hosted Y": the visitor is the actor, the host the recipient.
        return spans_of(objects), spans_of(subject)
    if passive_subject:
        attacks = _attacks_of(verb)
        actors = spans_of(agent) or spans_of(_owners(attacks) or attacks)
        recipients = spans_of(passive_subject) if trigger.object_role == "recipient" else ()
    else:
        actors = spans_of(subject)
        recipients = spans_of(objects) if trigger.object_role == "recipient" else ()
    if trigger.frame == "visit" and objects:
        recipients = spans_of(objects)
    recipients += _prep_recipients(trigger)
    if not actors:
        actors = spans_of(_by_phrase(verb))
    return actors, recipients


def _is_cause_of(noun: Token) -> bool:
    """Whether the noun is what another act answers ("apologized for the death of ..."):
    the one who apologizes did not do the killing."""
    prep = noun.head
    return (
        noun.dep_ == "pobj"
        and prep.lower_ in ("for", "over")
        and prep.head.lemma_.lower() in load_lexicon().grammar.done_act_heads
    )


def _attacks_of(verb: Token) -> list[Token]:
    """Attack nouns a passive happened in or from: "killed in Russian air strikes"."""
    return [
        pobj
        for prep in verb.children
        if prep.dep_ == "prep" and prep.lower_ in ("in", "from", "during")
        for pobj in prep.children
        if pobj.dep_ == "pobj" and pobj.lemma_.lower() in _attack_nouns()
    ]


@cache
def _attack_nouns() -> frozenset[str]:
    lexicon = load_lexicon()
    nouns = {
        word
        for entry in lexicon.entries
        if entry.kind == "noun" and entry.type == "ASSAULT"
        for alternatives in entry.words
        for word in alternatives
    }
    return frozenset(nouns | lexicon.grammar.weapon_nouns)


def _noun_roles(noun: Token, trigger: EventTrigger) -> tuple[tuple[Span, ...], tuple[Span, ...]]:
    actors = spans_of(c for c in noun.children if c.dep_ == "poss")
    recipients: tuple[Span, ...] = ()
    of_phrase = _prep_objects([noun], ("of",))
    if trigger.object_role == "actor":
        actors += spans_of(of_phrase)
    elif trigger.object_role == "recipient":
        recipients += spans_of(of_phrase)
    actors += spans_of(_by_phrase(noun))
    recipients += _prep_recipients(trigger)
    if not actors:
        actors = spans_of(
            c
            for c in noun.children
            if c.dep_ in ("amod", "compound") and c.ent_type_ in ("NORP", "GPE")
        )
    if not actors:
        # A verbless predicate the parser made the root: "X and Y [held] a phone call".
        actors = spans_of(c for c in noun.children if c.dep_ == "nsubj")
    if not actors and not _is_cause_of(noun):
        actors = spans_of(_governing_subject(noun))
    return actors, recipients


def _subjects(verb: Token) -> tuple[list[Token], list[Token], list[Token]]:
    """Active subjects, passive subjects and passive agents, inherited where elided."""
    subject = [c for c in verb.children if c.dep_ in _SUBJECT_DEPS]
    passive = [c for c in verb.children if c.dep_ in ("nsubjpass", "csubjpass")]
    agent = _by_phrase(verb)
    if subject or passive:
        return _resolve_relatives(subject), _resolve_relatives(passive), agent
    head = verb.head
    if verb.dep_ == "conj" and head.i != verb.i:
        # "left Mosul and will leave Raqqa": the subject is shared.
        return _subjects(head)
    if verb.dep_ == "xcomp" and head.i != verb.i:
        # "obliged Serbia to withdraw": object control; "agreed to withdraw": subject control.
        controller = [c for c in head.children if c.dep_ == "dobj"]
        outer_subject, outer_passive, _ = _subjects(head)
        # "is set to visit": the passive subject of "set" is the visitor.
        return controller or outer_subject or outer_passive, [], agent
    root = verb.sent.root
    if (
        verb.dep_ == "acl"
        and _is_nominal_root(root)
        and root.i not in (head.i, verb.i)
        and root.i < verb.i
    ):
        # A finite verb the parser hung under a noun of a verbless-looking
        # sentence ("X, at a press conference in Y, called on Z ..."): the
        # sentence's nominal root is its subject.
        return [root], [], agent
    has_object = any(c.dep_ == "dobj" for c in verb.children)
    if verb.dep_ == "acl" and _is_nominal_root(head) and has_object:
        # "Air strikes killed 40 people" parsed as a verbless headline.
        return [head], [], agent
    if verb.dep_ == "acl" and head.i != verb.i and verb.tag_ == "VBN":
        # "the statement signed by the three leaders": the noun is the passive subject.
        return [], [head], agent
    if verb.dep_ == "relcl" and head.i != verb.i:
        return [head], [], agent
    return [], [], agent


def _is_nominal_root(token: Token) -> bool:
    return token.dep_ == "ROOT" and token.pos_ in ("PROPN", "NOUN", "PRON")


def _by_phrase(token: Token) -> list[Token]:
    objects: list[Token] = []
    for child in token.children:
        if child.dep_ == "agent" or (child.dep_ == "prep" and child.lower_ == "by"):
            objects += [c for c in child.children if c.dep_ == "pobj"]
    return objects


def _governing_subject(noun: Token) -> list[Token]:
    """The subject of the clause an event noun sits in: "held talks", "in a call, X said"."""
    head = noun.head
    if noun.dep_ == "appos":
        return [head]
    if noun.dep_ == "pobj" and head.dep_ == "prep":
        head = head.head
    elif noun.dep_ not in ("dobj", "nsubjpass", "attr", "oprd"):
        return []
    if _is_nominal_root(head):
        return [head]
    if head.pos_ not in ("VERB", "AUX"):
        return []
    subject, passive, agent = _subjects(head)
    return subject or agent


def _role_holders(trigger: EventTrigger) -> list[Token]:
    """Tokens whose prepositions may carry participants: the anchor, the phrase's words,
    and the light verb or participle clause around an event noun."""
    doc = trigger.anchor.doc
    holders = [
        trigger.anchor,
        *(t for t in doc[trigger.start : trigger.end] if t.i != trigger.anchor.i),
    ]
    anchor = trigger.anchor
    if anchor.pos_ not in ("VERB", "AUX"):
        holders += [c for c in anchor.children if c.dep_ in ("acl", "relcl")]
        if anchor.dep_ in ("dobj", "nsubjpass") and anchor.head.pos_ == "VERB":
            holders.append(anchor.head)
    else:
        holders += [c for c in anchor.children if c.dep_ == "dobj"]
    return holders


def _prep_recipients(trigger: EventTrigger) -> tuple[Span, ...]:
    """Recipients from the entry's prepositions. A "for" phrase names what the act is
    for, so only the owners inside it are recipients: "apologized for the death of
    Egyptian soldiers" is to Egypt, "for the strike" to nobody."""
    holders = _role_holders(trigger)
    plain = [prep for prep in trigger.preps if prep != "for"]
    spans = spans_of(_prep_objects(holders, plain))
    if "for" in trigger.preps:
        spans += spans_of(_owners(_prep_objects(holders, ("for",))))
    return spans


def _owners(nouns: Iterable[Token]) -> list[Token]:
    """Who a noun belongs to: its possessive and its "of" phrase."""
    owners: list[Token] = []
    for noun in nouns:
        owners += [c for c in noun.children if c.dep_ == "poss"]
        owners += _prep_objects([noun], ("of",))
    return owners


def _prep_objects(holders: Iterable[Token], preps: Iterable[str]) -> list[Token]:
    wanted = set(preps)
    objects: list[Token] = []
    for holder in holders:
        for child in holder.children:
            if child.dep_ in ("prep", "dative") and child.lower_ in wanted:
                # "on September 19" is a date, not a participant.
                objects += [
                    c
                    for c in child.children
                    if c.dep_ == "pobj" and c.ent_type_ not in ("DATE", "TIME")
                ]
    return objects


def place_span(trigger: EventTrigger) -> Span | None:
    """Where the event happened: the first "in/at/near/outside/around" place (city,
    region, building, or "the city of X"), else, for an attack or a battle, the
    place it struck ("shelled the city of Kharkiv")."""
    # "to" names a place only for trips: "travelled to Riyadh", not "aid to Ukraine".
    preps = (*_PLACE_PREPS, "to") if trigger.frame == "visit" else _PLACE_PREPS
    holders = _role_holders(trigger)
    if trigger.object_role == "theme":
        # "discussed the situation in Darfur": a place inside the topic is not where.
        holders = [h for h in holders if h.dep_ != "dobj" or h.i == trigger.anchor.i]
    # "clashed with rebels near Zintan": the parser hangs the place on the participant.
    holders += [
        c
        for p in trigger.anchor.children
        if p.dep_ == "prep"
        for c in p.children
        if c.dep_ == "pobj"
    ]
    for preposition in preps:
        for token in _prep_objects(holders, (preposition,)):
            place = _place_phrase(token)
            if place is not None:
                return place
    if trigger.type in _PLACE_OBJECT_TYPES and trigger.anchor.pos_ in ("VERB", "AUX"):
        for token in trigger.anchor.children:
            if token.dep_ == "dobj" and (place := _place_phrase(token)) is not None:
                return place
    return None


def _place_phrase(token: Token) -> Span | None:
    """The place ``token`` heads: a place name, or a kind of place "of" one ("the
    Ukrainian city of Kharkiv", "the outskirts of Sirte")."""
    if _is_place_name(token):
        return participant_spans(token)[0]
    if is_place_word(token.lower_):
        for prep in token.children:
            if (
                prep.dep_ == "prep"
                and prep.lower_ == "of"
                and any(c.dep_ == "pobj" and _is_place_name(c) for c in prep.children)
            ):
                return participant_spans(token)[0]
    return None


def _is_place_name(token: Token) -> bool:
    """A place entity, or a proper noun the gazetteer knows that the tagger left unlabelled
    ("near Zintan")."""
    if token.ent_type_ in _PLACE_ENTS:
        return True
    if token.pos_ != "PROPN" or token.ent_type_ in _NOT_PLACE_ENTS or not token.is_title:
        return False
    name = [t for t in token.lefts if t.dep_ == "compound" and t.pos_ == "PROPN"]
    words = " ".join(t.text for t in (*name, token))
    return gazetteer().knows(words) or gazetteer().knows(token.text)


def _resolve_relatives(tokens: list[Token]) -> list[Token]:
    """Replace "that/which/who" by the noun the relative clause is about."""
    resolved = []
    for token in tokens:
        if token.lower_ in _RELATIVE_PRONOUNS and token.head.dep_ == "relcl":
            resolved.append(token.head.head)
        else:
            resolved.append(token)
    return resolved
