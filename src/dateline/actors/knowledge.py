"""Actor knowledge: countries, organisations, sector words and people, indexed once.

Everything here comes from the data files of :mod:`dateline.knowledge`
(``countries.yaml``, ``regions.yaml``, ``organisations.yaml``, ``sectors.yaml``,
``generic_actors.yaml``, ``cities.yaml`` and ``people/*.tsv``), read through
its loader. :func:`actor_knowledge` builds
the indexes the gazetteer and the resolver use; :mod:`.validate` checks the
files.
"""

from __future__ import annotations

import calendar
from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field
from datetime import date
from functools import cached_property, lru_cache
from typing import Any, Literal

from ..errors import KnowledgeError
from ..knowledge import knowledge_files, load_tsv, load_yaml
from .memory import surname_of
from .values import Actor, Person, Sector

__all__ = [
    "ActorKnowledge",
    "NameEntry",
    "PeopleIndex",
    "UNKNOWN_CODE",
    "WordEntry",
    "actor_knowledge",
    "parse_term_date",
    "people_from_rows",
]

NameKind = Literal[
    "country", "adjective", "people", "capital", "seat", "institution", "organisation",
    "armed_group",
]  # fmt: skip
# The code of an actor whose country nobody can tell (PETRARCH's "---GOV").
UNKNOWN_CODE = "---"
WordKind = Literal["office", "group", "context"]
PEOPLE_COLUMNS = ("name", "aliases", "country", "office", "role", "start", "end")
# Roles one person holds at a time; "official" is any other member of a government.
SINGLE_ROLES = frozenset({"head_of_state", "head_of_government", "foreign_minister"})
ROLES = SINGLE_ROLES | {"official"}
# Files written by scripts/build_actor_knowledge.py from the Phoenix dictionaries
# (MIT licence, PHOENIX-LICENSE): read after the hand-made files, which win.
PHOENIX_COUNTRIES = "phoenix_countries.yaml"
PHOENIX_CITIES = "phoenix_cities.yaml"
PHOENIX_ORGANISATIONS = "phoenix_organisations.yaml"
PHOENIX_AGENTS = "phoenix_agents.yaml"


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


# How far from a filed person's term a bare surname is still taken to be them.
SURNAME_YEARS = 4


def _nearest(rows: Iterable[Person], day: date) -> Person | None:
    """The person whose term lies nearest ``day``, if strictly nearer than any other's."""
    ranked = sorted(rows, key=lambda person: person.years_from_office(day))
    if not ranked:
        return None
    tied = len(ranked) > 1 and ranked[1].name != ranked[0].name
    if tied and ranked[1].years_from_office(day) == ranked[0].years_from_office(day):
        return None
    return ranked[0]


@dataclass(frozen=True)
class PeopleIndex:
    """People of the people files, by every name and alias they go by."""

    people: tuple[Person, ...] = ()
    by_name: Mapping[str, tuple[Person, ...]] = field(default_factory=dict)

    @classmethod
    def build(cls, people: Iterable[Person]) -> PeopleIndex:
        """Index ``people`` by full name and aliases."""
        people = tuple(people)
        by_name: dict[str, list[Person]] = {}
        for person in people:
            for name in (person.name, *person.aliases):
                by_name.setdefault(name, []).append(person)
        return cls(people, {name: tuple(rows) for name, rows in by_name.items()})

    def named(self, name: str, day: date | None) -> Person | None:
        """The person called ``name`` on ``day``: one in office then, else the only one.

        Without a date the most recent term wins. A name shared by two people
        neither of whom is in office on the day goes to the one whose term is
        nearest the day (a tie is left unresolved), and a bare surname whose only bearer held office more than
        ``SURNAME_YEARS`` from the day: "Carney" in a 2011 article is not the
        prime minister of 2025.
        """
        rows = self.by_name.get(name, ())
        if not rows:
            return None
        if day is None:
            return max(rows, key=lambda person: person.start)
        holding = {person.name: person for person in rows if person.in_office(day)}
        if len(holding) == 1:
            return next(iter(holding.values()))
        if holding:
            return None  # two people of that name in office at once: leave it to the text
        if " " not in name:
            rows = tuple(p for p in rows if p.years_from_office(day) <= SURNAME_YEARS)
        if rows and len({person.name for person in rows}) == 1:
            return max(rows, key=lambda person: person.start)
        return _nearest(rows, day)

    @cached_property
    def by_surname(self) -> dict[str, tuple[Person, ...]]:
        """The people of the files by the surname news uses alone ("Bush", "von der Leyen")."""
        grouped: dict[str, list[Person]] = {}
        for person in self.people:
            grouped.setdefault(surname_of(person.name), []).append(person)
        return {surname: tuple(people) for surname, people in grouped.items()}

    def in_office_by_surname(
        self, surname: str, day: date | None, countries: Iterable[str]
    ) -> Person | None:
        """The one person of ``countries`` (those the text names) in office on ``day`` who
        goes by ``surname``: "Bush" in a 2008 article naming the United States."""
        if day is None:
            return None
        wanted = set(countries)
        found = {
            person.name: person
            for person in self.by_surname.get(surname, ())
            if person.country in wanted and person.in_office(day)
        }
        return next(iter(found.values())) if len(found) == 1 else None

    @cached_property
    def by_country(self) -> dict[str, tuple[Person, ...]]:
        """The people of each country code."""
        grouped: dict[str, list[Person]] = {}
        for person in self.people:
            grouped.setdefault(person.country, []).append(person)
        return {code: tuple(people) for code, people in grouped.items()}

    def holder(self, country: str, office: WordEntry, day: date | None) -> Person | None:
        """Who held ``office`` for ``country`` on ``day``, if exactly one person did."""
        if day is None:
            return None
        found = {
            person.name: person
            for person in self.by_country.get(country, ())
            if person.in_office(day)
            and (
                person.office.casefold() == (office.title or "").casefold()
                or (office.role == "foreign_minister" and person.role == office.role)
            )
        }
        return next(iter(found.values())) if len(found) == 1 else None


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


def parse_term_date(text: str, *, end: bool = False, source: str = "") -> date | None:
    """A term boundary from ``YYYY``, ``YYYY-MM`` or ``YYYY-MM-DD``.

    A partial date stands for its first day as a start and its last as an end,
    so that a term known only to the year never looks shorter than it was.
    """
    text = text.strip()
    if not text:
        return None
    try:
        parts = [int(part) for part in text.split("-")]
        if len(parts) == 1:
            return date(parts[0], 12, 31) if end else date(parts[0], 1, 1)
        if len(parts) == 2:
            last = calendar.monthrange(parts[0], parts[1])[1]
            return date(parts[0], parts[1], last if end else 1)
        if len(parts) == 3:
            return date(parts[0], parts[1], parts[2])
    except ValueError:
        pass
    raise KnowledgeError(f"{text!r} is not a date (YYYY, YYYY-MM or YYYY-MM-DD)", source=source)


def people_from_rows(rows: Iterable[Mapping[str, str]], source: str = "") -> tuple[Person, ...]:
    """People from rows of a people file (the columns of ``PEOPLE_COLUMNS``)."""
    people = []
    for number, row in enumerate(rows, start=1):
        missing = [column for column in PEOPLE_COLUMNS if column not in row]
        if missing:
            raise KnowledgeError(
                f"row {number} lacks column(s) {', '.join(missing)}", source=source
            )
        if not row["name"] or not row["country"] or not row["start"]:
            raise KnowledgeError(f"row {number} needs a name, a country and a start", source=source)
        if row["role"] not in ROLES:
            raise KnowledgeError(
                f"row {number}: role {row['role']!r} is not one of {', '.join(sorted(ROLES))}",
                source=source,
            )
        aliases = tuple(alias.strip() for alias in row["aliases"].split("|") if alias.strip())
        people.append(
            Person(
                name=row["name"],
                aliases=aliases,
                country=row["country"],
                office=row["office"],
                role=row["role"],
                start=parse_term_date(row["start"], source=source),  # type: ignore[arg-type]
                end=parse_term_date(row["end"], end=True, source=source),
                source=source,
                exact=len(row["start"]) == 10 and len(row["end"]) in (0, 10),
            )
        )
    return tuple(people)


def people_files() -> list[str]:
    """Names of the shipped people files (``people/*.tsv``)."""
    return [
        name for name in knowledge_files() if name.startswith("people/") and name.endswith(".tsv")
    ]


def load_people() -> tuple[Person, ...]:
    """Every person of every shipped people file."""
    return tuple(
        person for name in people_files() for person in people_from_rows(load_tsv(name), name)
    )


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
