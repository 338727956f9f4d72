"""Where an unnamed actor ("gunmen", "students", "the army") belongs.

A generic actor takes the country of a noun it is coordinated with
("Armenian troops and civilians"), else the one its sentence names nearest
it, a place first ("students protesting in Kano" are Nigerian). Used by
:mod:`.phrases` while it cuts a document into actor phrases.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Protocol

if TYPE_CHECKING:
    from spacy.tokens import Doc, Token

    from .gazetteer import NameMatch, WordMatch
    from .knowledge import ActorKnowledge

__all__ = ["NEAR", "PhraseReader", "modifies", "nearest_country", "shared_country"]


class PhraseReader(Protocol):
    """What the phrase grammar knows of a document (``phrases._Reader``)."""

    doc: Doc
    knowledge: ActorKnowledge
    names: dict[int, NameMatch]
    cities: list[tuple[int, int, str]]
    sentence_of: list[int]
    names_in: dict[int, list[NameMatch]]  # by sentence number
    cities_in: dict[int, list[tuple[int, int, str]]]

    def is_place(self, start: int) -> bool: ...


def modifies(token: Token, word: WordMatch) -> bool:
    """Whether ``token`` is a plain modifier of the generic noun: "suspected", "masked"."""
    return (
        token.dep_ in ("amod", "compound")
        and word.start <= token.head.i < word.end
        and (token.text.islower() or (bool(token.is_sent_start) and token.pos_ != "PROPN"))
        and token.is_alpha
        and not token.ent_type_
    )


def shared_country(reader: PhraseReader, noun: Token) -> str | None:
    """The country of the noun a generic one is coordinated with: "Armenian troops and civilians"."""
    if noun.dep_ != "conj":
        return None
    head = noun.head
    for token in (*head.lefts, head):
        match = reader.names.get(token.i)
        if match and match.entry.kind in ("adjective", "country"):
            return match.entry.actor.code
    return None


def nearest_country(reader: PhraseReader, start: int, end: int) -> str | None:
    """The country named nearest tokens ``start``-``end`` in their sentence, places first.

    A city, or a country or capital after a place preposition ("in Kano", "in
    Somalia"), says where the actor is; a demonym elsewhere in the sentence
    ("Nigerian troops killed militants") is the next best. A country that
    acts in the sentence says nothing of where the actor is ("Italy
    recognised the rebels"), and one far from it in a long sentence often
    belongs to another clause: past ``NEAR`` tokens the article decides.
    """
    sentence = reader.sentence_of[start]
    countries = reader.knowledge.country_names
    found: list[tuple[bool, int, str]] = []  # (not a place, distance, code)
    for match in reader.names_in.get(sentence, ()):
        code = match.entry.actor.code
        if code not in countries:
            continue
        demonym = match.entry.kind in ("adjective", "people")
        distance = _distance(match.start, match.end, start, end)
        if (demonym or reader.is_place(match.start)) and distance <= NEAR:
            found.append((demonym, distance, code))
    for city_start, city_end, code in reader.cities_in.get(sentence, ()):
        distance = _distance(city_start, city_end, start, end)
        if distance <= NEAR:
            found.append((False, distance, code))
    return min(found)[2] if found else None


# How many tokens from a generic actor a place or demonym may lie to say where it is.
NEAR = 12


def _distance(a_start: int, a_end: int, b_start: int, b_end: int) -> int:
    return max(a_start - b_end, b_start - a_end, 0)
