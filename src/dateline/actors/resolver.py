"""Turn actor phrases into actors.

The order of evidence, strongest first: a name the text itself taught
(titles, appositions, counterparts), a person in the people files who held
the office on the publication date, a known name in the gazetteer, and a
country with a sector word. A generic actor ("gunmen", "the police") has
the country its sentence names, else the unknown code until
:func:`fill_country` gives it the article's. The entity label of the model is never used to
decide what a name is.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Iterable, Iterator
from datetime import date
from typing import TYPE_CHECKING

from .knowledge import UNKNOWN_CODE, ActorKnowledge, WordEntry
from .memory import ActorMemory, surname_of
from .phrases import Phrase
from .values import Actor, ActorMention, How, Person

if TYPE_CHECKING:
    from spacy.tokens import Doc

__all__ = ["fill_country", "resolve_phrase"]

_Resolved = list[tuple[Actor, How]]


def resolve_phrase(
    doc: Doc, phrase: Phrase, published: date | None, memory: ActorMemory, knowledge: ActorKnowledge
) -> Iterator[ActorMention]:
    """The mentions of one phrase, learning any person it introduces."""
    span = doc[phrase.start : phrase.end]
    if phrase.kind == "group":
        resolved = _group(phrase, memory)
    elif phrase.kind == "known":
        resolved = _known(phrase)
    elif phrase.kind == "name":
        resolved = _name(doc, phrase, published, memory, knowledge)
        if phrase.appositive and resolved:
            span = doc[phrase.start : phrase.end]
    elif phrase.kind == "generic":
        resolved = _generic(phrase)
    elif phrase.kind == "office":
        resolved = _titled(phrase, None, phrase.word, published, memory, knowledge, span.text)
    else:
        resolved = _demonym(phrase, published, memory, knowledge, span.text)
    for actor, how in resolved:
        yield ActorMention(
            span.text, span.start_char, span.end_char, actor, how, phrase.sentence, phrase.is_place
        )


def _known(phrase: Phrase) -> _Resolved:
    assert phrase.entry is not None
    how: How = {
        "country": "country",
        "capital": "metonym",
        "seat": "metonym",
        "institution": "institution",
        "organisation": "organisation",
        "armed_group": "armed_group",
        "company": "company",
        "people": "demonym",
    }.get(phrase.entry.kind, "country")  # type: ignore[assignment]
    if phrase.entry.kind == "seat" and phrase.entry.actor.sector == "IGO":
        how = "organisation"
    return [(phrase.entry.actor, how)]


def _generic(phrase: Phrase) -> _Resolved:
    assert phrase.word is not None
    code = phrase.countries[0] if phrase.countries else UNKNOWN_CODE
    contexts = (phrase.word.context,) if phrase.word.context else ()
    actor = Actor(code, phrase.word.sector, office=phrase.word.title, contexts=contexts)
    return [(actor, "generic")]


def fill_country(named: Counter[str], place: str | None, knowledge: ActorKnowledge) -> str | None:
    """The country of generic actors whose sentence names none: the dateline
    ``place``'s, else the country the article names most (``named``: how often it
    named each code, generic actors aside)."""
    if place:
        entry = knowledge.names.get(place)
        if entry is not None and entry.actor.code in knowledge.country_names:
            return entry.actor.code
        if place in knowledge.cities:
            return knowledge.cities[place]
    return next((c for c, _ in named.most_common() if c in knowledge.country_names), None)


def _group(phrase: Phrase, memory: ActorMemory) -> _Resolved:
    if phrase.group_kind == "people":
        office = phrase.word.title if phrase.word and phrase.word.title != "Leader" else None
        people = memory.recent_people(phrase.count, office)
        if people:
            return [(actor, "group") for actor in people]
    countries = memory.recent_countries(phrase.count, phrase.sentence)
    return [(actor, "group") for actor in countries]


def _demonym(
    phrase: Phrase,
    published: date | None,
    memory: ActorMemory,
    knowledge: ActorKnowledge,
    evidence: str,
) -> _Resolved:
    resolved: _Resolved = []
    for code in phrase.countries:
        if phrase.counterpart:
            office = _counterpart_office(memory, phrase.sentence)
            word = WordEntry((), "office", "GOV", office) if office else None
            resolved += _titled(
                phrase, code, word, published, memory, knowledge, evidence, "counterpart"
            )
        elif phrase.word and phrase.word.kind == "office":
            resolved += _titled(phrase, code, phrase.word, published, memory, knowledge, evidence)
        elif phrase.word:
            contexts = (phrase.word.context,) if phrase.word.context else ()
            resolved.append((Actor(code, phrase.word.sector, contexts=contexts), "demonym"))
    return resolved


def _titled(
    phrase: Phrase,
    code: str | None,
    word: WordEntry | None,
    published: date | None,
    memory: ActorMemory,
    knowledge: ActorKnowledge,
    evidence: str,
    how: How = "title",
) -> _Resolved:
    """A person introduced by a title, with or without a country and a name."""
    sector = word.sector if word else "GOV"
    title = word.title if word else None
    holder = knowledge.people.holder(code, word, published) if code and word else None
    name = phrase.name
    if name is None:
        if holder:
            return [(holder.actor(sector), "office")]
        return [(Actor(code, sector, None, title), "demonym")] if code else []
    if holder and _same_person(holder, name):
        return [(holder.actor(sector), "knowledge")]
    # "President Bush" as "Bush": of the title's country, else of the countries named.
    person = _filed_person(name, published, [code] if code else memory.named_codes(), knowledge)
    if person and (code is None or person.country == code):
        return [(person.actor(sector, in_term=_in_term(person, published)), "knowledge")]
    known = memory.recall(name)
    if known and (code is None or known.actor.code == code):
        return [(known.actor, "learned")]
    if code is None:
        return []
    known = memory.recall_written(code, name)
    if known:
        return [(known.actor, "learned")]
    if code is None:
        return []
    actor = Actor(code, sector, name, title)
    memory.learn(name, actor, evidence, how)
    return [(actor, how)]


def _name(
    doc: Doc, phrase: Phrase, published: date | None, memory: ActorMemory, knowledge: ActorKnowledge
) -> _Resolved:
    """A bare name: taught by this text, a known person, or a person named earlier."""
    assert phrase.name is not None
    name = phrase.name
    if phrase.appositive:
        found = _titled(
            phrase.appositive.__class__(
                phrase.start,
                phrase.end,
                "office",
                phrase.sentence,
                word=phrase.appositive.word,
                name=name,
            ),
            phrase.appositive.countries[0],
            phrase.appositive.word,
            published,
            memory,
            knowledge,
            doc[phrase.start : phrase.appositive.end].text,
            "apposition",
        )
        if found:
            return found
    known = memory.recall(name) if memory.recall(name) and _taught_here(memory, name) else None
    if known:
        return [(known.actor, "learned")]
    person = _filed_person(name, published, memory.named_codes(), knowledge)
    if person:
        return [(person.actor("GOV", in_term=_in_term(person, published)), "knowledge")]
    known = memory.recall(name) or memory.recall(surname_of(name))
    return [(known.actor, "learned")] if known else []


def _filed_person(
    name: str, published: date | None, countries: Iterable[str], knowledge: ActorKnowledge
) -> Person | None:
    """The person of the people files ``name`` is: by full name or alias; a full name
    by its surname when the given names agree ("Jay Carney" is not the filed Mark
    Carney); a bare surname, the one of ``countries`` in office on ``published``
    ("Bush" in a 2008 article naming the United States)."""
    person = knowledge.people.named(name, published)
    if person is not None:
        return person
    if " " not in name:
        return knowledge.people.in_office_by_surname(name, published, countries)
    person = knowledge.people.named(surname_of(name), published)
    return person if person and person.name.split()[0] == name.split()[0] else None


def _taught_here(memory: ActorMemory, name: str) -> bool:
    person = memory.recall(name)
    return person is not None and person.source_doc == memory.source


def _counterpart_office(memory: ActorMemory, sentence: int) -> str | None:
    """The office of the person whose counterpart is meant: the last one named nearby."""
    people = memory.recent_people(1)
    return people[0].office if people else None


def _same_person(person: Person, name: str) -> bool:
    """Whether ``name`` as written refers to ``person`` (tolerating glued words: "Ramaphosaheld")."""
    text = name.casefold()
    return any(
        form.casefold() in text for form in (person.name, *person.aliases, surname_of(person.name))
    )


def _in_term(person: Person, published: date | None) -> bool:
    return published is None or person.in_office(published)
