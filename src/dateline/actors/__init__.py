"""The ``actors`` stage: who every person, place and group in a text acts for.

Public API::

    resolve_doc(doc, published, memory=None)  -> list[ActorMention]
    resolve_span(span, published, memory, place=None)
                                               -> Actor | tuple[Actor, ...] | None
    ActorMemory                                people learned, kept across documents
    summarise(mentions)                        -> list[ActorSummary]   (for ``dateline actors``)

Requires a parsed ``Doc`` (tokens, POS, lemmas, dependencies, sentences,
entities); assigns nothing to it. Knowledge comes from the data files of
:mod:`dateline.knowledge` (countries, organisations, sectors, people).
"""

from __future__ import annotations

import bisect
from dataclasses import replace
from datetime import date
from functools import cache
from typing import TYPE_CHECKING

from ..knowledge import load_yaml
from ..places.gazetteer import gazetteer as place_gazetteer
from ..time.lexicon import lexicon as time_lexicon
from .gazetteer import match_cities, match_names
from .knowledge import UNKNOWN_CODE, ActorKnowledge, actor_knowledge
from .memory import NAME_PARTICLES, ActorMemory
from .people import PeopleIndex, people_from_rows
from .phrases import Phrase, find_phrases
from .pronouns import resolve_pronoun
from .resolver import fill_country, resolve_phrase
from .summary import ActorSummary, summarise
from .values import Actor, ActorMention, LearnedPerson, Person

if TYPE_CHECKING:
    from spacy.tokens import Doc, Span, Token

__all__ = [
    "Actor",
    "ActorMemory",
    "ActorKnowledge",
    "ActorMention",
    "ActorSummary",
    "LearnedPerson",
    "PeopleIndex",
    "Person",
    "UNKNOWN_CODE",
    "actor_knowledge",
    "people_from_rows",
    "resolve_doc",
    "resolve_pronoun",
    "resolve_span",
    "summarise",
]


# Entity kinds that make an unresolved span a name worth keeping.
_NAME_KINDS = frozenset({"PERSON", "ORG", "NORP", "GPE"})
_TIME_KINDS = frozenset({"DATE", "TIME"})
_PLACE_KINDS = frozenset({"GPE", "LOC", "FAC"})
# Gazetteer names that say which country (or region) a phrase belongs to.
_COUNTRY_KINDS = frozenset({"country", "adjective", "people", "capital"})


def resolve_doc(
    doc: Doc,
    published: date | None,
    memory: ActorMemory | None = None,
    *,
    source: str | None = None,
    knowledge: ActorKnowledge | None = None,
) -> list[ActorMention]:
    """Every actor mention of a parsed document, in text order.

    ``published`` dates the office holders ("the French president" in 2016
    is Hollande); ``memory`` carries people learned in earlier documents and
    learns this one's (``source`` names the document they came from).
    ``knowledge`` replaces the shipped knowledge files (for tests).
    """
    knowledge = knowledge or actor_knowledge()
    memory = memory if memory is not None else ActorMemory()
    memory.begin_document(source)
    mentions: list[ActorMention] = []
    for phrase in _phrases_of(doc, knowledge):
        for mention in resolve_phrase(doc, phrase, published, memory, knowledge):
            mentions.append(mention)
            memory.note(mention)
    return mentions


def resolve_span(
    span: Span,
    published: date | None,
    memory: ActorMemory,
    *,
    place: str | None = None,
    target: bool = False,
) -> Actor | tuple[Actor, ...] | None:
    """The actor (or actors) one noun phrase or entity stands for.

    After :func:`resolve_doc` has read the document, the mentions it found
    inside the span are used (else a pronoun's antecedent, else a mention the
    span overlaps), so that "the two presidents" keeps the
    people it stood for at that point of the text. Otherwise the span is
    read on its own.

    A name the knowledge and the document leave unknown is an actor of
    unknown country (``---``) with that name. A generic actor ("gunmen") counts only where the span names nobody else
    ("al-Shabaab fighters" are al-Shabaab); when its sentence named no
    country it takes the dateline ``place``'s, else the one the document
    names most, else keeps the unknown code. A ``target`` span may be a place nobody
    knows ("shelled Ras Lanuf"); an actor may not.
    """
    knowledge = actor_knowledge()
    mentions = memory.mentions_within(span.start_char, span.end_char)
    if not mentions:
        mentions = [
            mention
            for phrase in _phrases_within(span, knowledge)
            for mention in resolve_phrase(span.doc, phrase, published, memory, knowledge)
        ]
    # A place the role names acts for its country ("complained to the United Nations",
    # "shelled the city of Kharkiv"), when the span names no one else.
    mentions = [m for m in mentions if not m.is_place] or mentions
    if any(m.how != "generic" for m in mentions):
        mentions = [m for m in mentions if m.how != "generic"]
    person = _person_of_a_country(span, mentions)
    if person is not None:
        return person
    actors = tuple(
        dict.fromkeys(
            _with_country(m, place, memory, knowledge).read_from(m.text, m.start, m.end)
            for m in mentions
        )
    )
    if not actors:
        # A pronoun stands for an actor named before it: the antecedent's words where
        # its sentence names it ("Obama said he would ..."), else its own. A phrase the
        # parse cut short ("his Romanian counterpart" without the name after it) stands
        # for the mention it overlaps, and keeps its own words.
        sentence_start = span.sent.start_char
        actors = tuple(
            a if a.start is not None and a.start >= sentence_start else _words_of(a, span)
            for a in resolve_pronoun(span, memory)
        )
        if not actors:
            found = _overlapping(span, memory) or _country_named_in(span, knowledge)
            actors = tuple(_words_of(a, span) for a in found)
    if not actors:
        return _unknown_name(span, place, target=target)
    return actors[0] if len(actors) == 1 else actors


def _words_of(actor: Actor, span: Span) -> Actor:
    return actor.read_from(span.text, span.start_char, span.end_char)


def _person_of_a_country(span: Span, mentions: list[ActorMention]) -> Actor | None:
    """An unknown person named after their country ("former Germany defender Christoph
    Metzelder"): a civilian of the country, with the person's name; not the country's
    government."""
    root = span.root
    if (
        len(mentions) != 1
        or mentions[0].how not in ("country", "demonym")
        or root.pos_ != "PROPN"
        or root.ent_type_ != "PERSON"
        or mentions[0].start <= root.idx < mentions[0].end
    ):
        return None
    name = [t for t in span if t.ent_type_ == "PERSON" and t.pos_ == "PROPN" and t.i <= root.i]
    words = span.doc[name[0].i : root.i + 1]
    if words.start_char < mentions[0].end:
        return None
    return Actor(mentions[0].actor.code, "CVL", name=words.text).read_from(
        span.text, span.start_char, span.end_char
    )


def _country_named_in(span: Span, knowledge: ActorKnowledge) -> tuple[Actor, ...]:
    """The country (or region) of a place or adjective the span holds, when nothing
    else in it names an actor: "the Ukrainian city of Kharkiv" is Ukraine's, "Western
    powers" the West's."""
    for match in match_names(span, knowledge):
        if match.entry.kind in _COUNTRY_KINDS:
            return (Actor(match.entry.actor.code, None, match.entry.actor.name),)
    for _start, _end, code in match_cities(span, knowledge):
        return (Actor(code),)
    return ()


def _unknown_name(span: Span, place: str | None = None, *, target: bool = False) -> Actor | None:
    """A name nobody knows ("Reliance Jio", "Nirmal Jain") is an actor of unknown country.

    What is never an actor is left out of the name: dates, weekdays and a month alone,
    bracket tokens and punctuation, a possessive's "'s", lower-case words and
    particles at its ends ("pro-", "al"); nothing is left of an outlet's name
    or of the article's dateline place.
    """
    names = [t for t in span if t.pos_ == "PROPN" or t.ent_type_ in _NAME_KINDS]
    names = [t for t in names if not _never_a_name(t)]
    while names and not _opens_a_name(names[0]):
        names.pop(0)
    while names and not _opens_a_name(names[-1]):
        names.pop()
    if not names:
        return None
    words = span.doc[names[0].i : names[-1].i + 1]
    text = words.text
    if target:
        # A town the gazetteer places in one country: that country is the target
        # ("rebels advanced on Ajdabiyah").
        countries = {feature.country for feature, _ in place_gazetteer().lookup(text)}
        if len(countries) == 1:
            return Actor(countries.pop()).read_from(span.text, span.start_char, span.end_char)
    elif all(t.ent_type_ in _PLACE_KINDS for t in words):
        return None  # a place nobody knows ("Ras Lanuf") does not act; it may be a target
    if len(words) == 1 and words[0].lower_ in time_lexicon().months:
        return None  # "May" alone is the month more often than the surname
    if text.casefold() in _outlet_names() or (place and text.casefold() == place.casefold()):
        return None
    if _opens_the_article(words):
        return None  # the dateline's city, "BELFAST -", even where no dateline was read
    return Actor(UNKNOWN_CODE, None, name=text).read_from(text, words.start_char, words.end_char)


@cache
def _outlet_names() -> frozenset[str]:
    """Names and other spellings of the news outlets and agencies of ``outlets.yaml``."""
    return frozenset(
        name.casefold()
        for outlet in load_yaml("outlets.yaml")["outlets"]
        for name in (outlet["name"], *outlet.get("aliases", ()))
    )


def _opens_the_article(words: Span) -> bool:
    """Whether ``words`` are capitals opening the article before a dash, comma or
    bracket: the place a story was filed from ("BELFAST -", "GAZA CITY, May 3")."""
    doc = words.doc
    # Token by token, not through doc.text: that would join the whole text each time.
    if not words.text.isupper() or not all(token.is_space for token in doc[: words.start]):
        return False
    after = doc.text[words.end_char : words.end_char + 3].lstrip()
    return after[:1] in ("-", "–", "—", ",", "(")


def _never_a_name(token: Token) -> bool:
    """Tokens no name is made of: dates, brackets ("-RRB-"), the possessive "'s"."""
    return (
        token.ent_type_ in _TIME_KINDS
        or token.tag_ in ("POS", "-LRB-", "-RRB-")
        or (len(token.text) > 3 and token.lower_ in time_lexicon().weekdays)
        or not any(c.isalpha() for c in token.text)
        or token.text.startswith("-")
    )


def _opens_a_name(token: Token) -> bool:
    """Whether a name may begin or end with the token: a capitalised word, not a particle."""
    return token.text[:1].isupper() and token.lower_ not in NAME_PARTICLES and len(token.text) > 1


def _with_country(
    mention: ActorMention, place: str | None, memory: ActorMemory, knowledge: ActorKnowledge
) -> Actor:
    """The mention's actor, with the article's country where its sentence gave none."""
    if mention.actor.code != UNKNOWN_CODE:
        return mention.actor
    code = fill_country(memory.named_codes(), place, knowledge)
    return replace(mention.actor, code=code) if code else mention.actor


def _overlapping(span: Span, memory: ActorMemory) -> tuple[Actor, ...]:
    """Actors of the document's mentions that overlap ``span`` (places excepted)."""
    return tuple(
        dict.fromkeys(
            m.actor
            for m in memory.mentions_overlapping(span.start_char, span.end_char)
            if not m.is_place
        )
    )


def _phrases_within(span: Span, knowledge: ActorKnowledge) -> list[Phrase]:
    """The document's actor phrases inside ``span`` (phrases are in text order and do not
    overlap, so a bisection finds them)."""
    phrases = _phrases_of(span.doc, knowledge)
    starts = span.doc.user_data.get(_PHRASE_STARTS)
    if starts is None or starts[0] is not phrases:
        starts = span.doc.user_data[_PHRASE_STARTS] = (phrases, [p.start for p in phrases])
    first = bisect.bisect_left(starts[1], span.start)
    last = bisect.bisect_left(starts[1], span.end, lo=first)
    return [p for p in phrases[first:last] if p.end <= span.end]


_PHRASE_STARTS = "dateline.actor_phrase_starts"


def _phrases_of(doc: Doc, knowledge: ActorKnowledge) -> list[Phrase]:
    """The document's actor phrases, found once and kept under ``doc._.actor_phrases``."""
    # Registered on the document's class: importing spaCy here would load it (and
    # torch) for every command that only reads the store.
    if not type(doc).has_extension("actor_phrases"):
        type(doc).set_extension("actor_phrases", default=None)
    phrases = doc._.actor_phrases
    if phrases is None or phrases[0] is not knowledge:
        phrases = doc._.actor_phrases = (knowledge, list(find_phrases(doc, knowledge)))
    return phrases[1]
