"""The people files (``knowledge/people/*.tsv``): who held which office of which
country, and when; read into :class:`~dateline.actors.values.Person` and indexed
by the names, aliases and surnames news calls them by (:class:`PeopleIndex`).
"""

from __future__ import annotations

import calendar
from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field
from datetime import date
from functools import cached_property
from typing import TYPE_CHECKING

from ..errors import KnowledgeError
from ..knowledge import knowledge_files, load_tsv
from .memory import surname_of
from .values import Person

if TYPE_CHECKING:
    from .knowledge import WordEntry

__all__ = [
    "PEOPLE_COLUMNS",
    "PeopleIndex",
    "ROLES",
    "SINGLE_ROLES",
    "load_people",
    "parse_term_date",
    "people_files",
    "people_from_rows",
]

PEOPLE_COLUMNS = ("name", "aliases", "country", "office", "role", "start", "end")
# Roles one person holds at a time; "official" is any other member of a government.
SINGLE_ROLES = frozenset({"head_of_state", "head_of_government", "foreign_minister"})
ROLES = SINGLE_ROLES | {"official"}

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
