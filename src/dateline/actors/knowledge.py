"""Actor knowledge: countries, organisations, sector words and people, indexed once.

Everything here comes from the data files of :mod:`dateline.knowledge`
(``countries.yaml``, ``regions.yaml``, ``organisations.yaml``, ``sectors.yaml``,
``generic_actors.yaml``, ``cities.yaml``; the people files through
:mod:`.people`), read through its loader. :func:`actor_knowledge` builds
the indexes the gazetteer and the resolver use; :mod:`.validate` checks the
files.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, field
from functools import cached_property, lru_cache
from typing import Any, Literal

from ..knowledge import load_yaml
from .people import PeopleIndex, load_people
from .values import Actor, Sector

__all__ = [
    "ActorKnowledge",
    "NameEntry",
    "UNKNOWN_CODE",
    "WordEntry",
    "actor_knowledge",
]

NameKind = Literal[
    "country", "adjective", "people", "capital", "seat", "institution", "organisation",
    "armed_group", "company",
]  # fmt: skip
# The code of an actor whose country nobody can tell (PETRARCH's "---GOV").
UNKNOWN_CODE = "---"
WordKind = Literal["office", "group", "context"]
# Files written by scripts/build_actor_knowledge.py from the Phoenix dictionaries
# (MIT licence, PHOENIX-LICENSE): read after the hand-made files, which win.
PHOENIX_COUNTRIES = "phoenix_countries.yaml"
PHOENIX_CITIES = "phoenix_cities.yaml"
PHOENIX_ORGANISATIONS = "phoenix_organisations.yaml"
PHOENIX_AGENTS = "phoenix_agents.yaml"
PHOENIX_COMPANIES = "phoenix_companies.yaml"


@dataclass(frozen=True)
class NameEntry:
    """A proper name in the gazetteer and the actor it stands for."""

    name: str
    kind: NameKind
    actor: Actor


@dataclass(frozen=True)
class WordEntry:
    """A lower-case sector word or office title."""

    words: tuple[str, ...]
    kind: WordKind
    sector: Sector
    title: str | None = None  # for offices: "Prime Minister"
    role: str | None = None  # for offices linked to the people files
    context: str | None = None  # for context words: "peacekeeping"


@dataclass(frozen=True)
class ActorKnowledge:
    """Every index the actors stage reads, built once per process."""

    names: Mapping[str, NameEntry]
    words: Mapping[tuple[str, ...], WordEntry]
    group_references: Mapping[tuple[str, ...], str]  # words -> "people" | "countries"
    people: PeopleIndex
    country_names: Mapping[str, str]  # code -> usual English name
    # nouns that are an actor on their own ("gunmen", "riot police") -> sector
    generic: Mapping[tuple[str, ...], Sector] = field(default_factory=dict)
    cities: Mapping[str, str] = field(default_factory=dict)  # "Kharkiv" -> "UKR"

    @cached_property
    def longest_name(self) -> int:
        """Tokens in the longest gazetteer name, a bound for matching."""
        return max(len(name.split()) for name in self.names) + 2

    @cached_property
    def longest_city(self) -> int:
        """Tokens in the longest city name, a bound for matching."""
        return max((len(city.split()) for city in self.cities), default=0) + 2

    @cached_property
    def sorted_names(self) -> list[str]:
        """The gazetteer's names in order, for prefix search."""
        return sorted(self.names)

    @cached_property
    def sorted_cities(self) -> list[str]:
        """The city names in order, for prefix search."""
        return sorted(self.cities)

    @cached_property
    def first_words(self) -> frozenset[str]:
        """Words a sector phrase or group reference can start with (a quick filter)."""
        return frozenset(words[0] for words in (*self.words, *self.group_references))

    @cached_property
    def title_words(self) -> frozenset[str]:
        """The head word of every office title ("minister" of "Foreign Minister")."""
        return frozenset(e.title.lower().split()[-1] for e in self.words.values() if e.title)

    @property
    def longest_words(self) -> int:
        """Tokens in the longest sector phrase."""
        return max(len(words) for words in (*self.words, *self.group_references))


def _country_entries() -> list[NameEntry]:
    entries = []
    extra = load_yaml(PHOENIX_COUNTRIES)["countries"]
    for country in load_yaml("countries.yaml"):
        code = country["code"]
        gov = Actor(code, "GOV")
        for name in (country["name"], *country.get("names", ())):
            entries.append(NameEntry(name, "country", gov))
        for name in country.get("adjectives", ()):
            entries.append(NameEntry(name, "adjective", Actor(code)))
        for name in country.get("people", ()):
            entries.append(NameEntry(name, "people", Actor(code, "CVL")))
        for name in country.get("capitals", ()):
            entries.append(NameEntry(name, "capital", gov))
        for name in country.get("seats", ()):
            entries.append(NameEntry(name, "seat", gov))
        for sector, names in (country.get("institutions") or {}).items():
            for name in names:
                entries.append(NameEntry(name, "institution", Actor(code, sector, name)))
        more = extra.get(code) or {}
        entries += [NameEntry(name, "country", gov) for name in more.get("names", ())]
        entries += [NameEntry(n, "adjective", Actor(code)) for n in more.get("adjectives", ())]
        entries += [NameEntry(n, "people", Actor(code, "CVL")) for n in more.get("people", ())]
    return entries + _region_entries()


def _region_entries() -> list[NameEntry]:
    """World regions named as actors ("the West", "Arab states"): the region, no sector."""
    entries = []
    for region in load_yaml("regions.yaml")["regions"]:
        actor = Actor(region["code"], None, region["name"])
        entries += [NameEntry(n, "country", actor) for n in (region["name"], *region["names"])]
        entries += [NameEntry(n, "adjective", actor) for n in region["adjectives"]]
    return entries


def _organisation_entries() -> list[NameEntry]:
    data = load_yaml("organisations.yaml")
    entries = []
    for org in data["organisations"]:
        actor = Actor(org["code"], org.get("sector", "IGO"), org["name"])
        for name in (org["name"], *org.get("names", ())):
            entries.append(NameEntry(name, "organisation", actor))
        for name in org.get("seats", ()):
            entries.append(NameEntry(name, "seat", actor))
        for body in org.get("bodies", ()):
            body_actor = Actor(org["code"], org.get("sector", "IGO"), body["name"])
            for name in (body["name"], *body.get("names", ())):
                entries.append(NameEntry(name, "organisation", body_actor))
    for group in data.get("groups", ()):
        actor = Actor(group["code"], group["sector"], group["name"])
        for name in (group["name"], *group.get("names", ())):
            entries.append(NameEntry(name, "armed_group", actor))
    sectors = {org["code"]: org.get("sector", "IGO") for org in data["organisations"]}
    phoenix = load_yaml(PHOENIX_ORGANISATIONS)
    for body in phoenix["bodies"]:
        actor = Actor(body["code"], sectors[body["code"]], body["name"])
        entries += [NameEntry(name, "organisation", actor) for name in body["names"]]
    for group in phoenix["groups"]:
        actor = Actor(group["code"], group["sector"], group["name"])
        entries += [NameEntry(name, "armed_group", actor) for name in group["names"]]
    for company in load_yaml(PHOENIX_COMPANIES)["companies"]:
        actor = Actor(company["code"], "BUS", company["name"])
        entries += [NameEntry(name, "company", actor) for name in company["names"]]
    return entries


def name_entries() -> list[NameEntry]:
    """Every gazetteer name, duplicates included (the validator looks for clashes)."""
    return _country_entries() + _organisation_entries()


def word_entries() -> list[WordEntry]:
    """Every sector word and office title of ``sectors.yaml``."""
    data = load_yaml("sectors.yaml")
    entries = []
    for office in data["offices"]:
        for text in (office["title"], *office.get("words", ())):
            entries.append(
                WordEntry(
                    tuple(text.lower().split()),
                    "office",
                    office["sector"],
                    office["title"],
                    office.get("role"),
                )
            )
    for sector, words in data["groups"].items():
        entries.extend(WordEntry(tuple(text.lower().split()), "group", sector) for text in words)
    for context, spec in data["contexts"].items():
        for text in spec["words"]:
            entries.append(
                WordEntry(tuple(text.lower().split()), "context", spec["sector"], context=context)
            )
    return entries


def generic_entries() -> list[WordEntry]:
    """Every noun of ``generic_actors.yaml``: an actor of one sector on its own."""
    return [
        WordEntry(tuple(text.lower().split()), "group", sector)
        for name in ("generic_actors.yaml", PHOENIX_AGENTS)
        for sector, words in load_yaml(name)["actors"].items()
        for text in words
    ]


def city_entries() -> list[tuple[str, str]]:
    """Every (city, country code) of ``cities.yaml`` and the Phoenix cities, duplicates included."""
    return [
        (city, code)
        for name in ("cities.yaml", PHOENIX_CITIES)
        for code, cities in load_yaml(name)["cities"].items()
        for city in cities
    ]


def _group_references(data: Mapping[str, Any]) -> dict[tuple[str, ...], str]:
    return {
        tuple(text.lower().split()): kind
        for kind, words in data["group_references"].items()
        for text in words
    }


@lru_cache(maxsize=1)
def actor_knowledge() -> ActorKnowledge:
    """The indexes of every actor knowledge file (built once per process).

    Where a name or phrase appears twice the first wins; the validator
    reports such clashes in the shipped files.
    """
    names: dict[str, NameEntry] = {}
    for entry in name_entries():
        names.setdefault(entry.name, entry)
    words: dict[tuple[str, ...], WordEntry] = {}
    for word in word_entries():
        words.setdefault(word.words, word)
    generic: dict[tuple[str, ...], Sector] = {}
    for word in generic_entries():
        words.setdefault(word.words, word)
        generic.setdefault(word.words, word.sector)
    return ActorKnowledge(
        names=names,
        words=words,
        group_references=_group_references(load_yaml("sectors.yaml")),
        people=PeopleIndex.build(load_people()),
        country_names={c["code"]: c["name"] for c in load_yaml("countries.yaml")},
        generic=generic,
        cities=dict(city_entries()),
    )
