"""Checks of the actor knowledge files; each returns a list of problems (empty when sound).

The tests call these on the shipped files, so that a bad row is caught when
it is added, with a message that names the file and the row.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Iterable
from datetime import timedelta

import pycountry

from ..knowledge import load_yaml
from .knowledge import name_entries, word_entries
from .values import Person

__all__ = [
    "code_problems",
    "known_codes",
    "name_clashes",
    "people_problems",
    "sector_problems",
]

# A handover is often dated the same day at both ends; a day's overlap is not a clash.
_HANDOVER = timedelta(days=1)
# Offices held by several people at once by design.
_SHARED_OFFICES = (
    "co-prince",
    "captain regent",
    "member of the presidency",
    "chairman of the presidency",
)


def known_codes() -> set[str]:
    """Every code an actor may have: ISO 3166-1 and -3 countries and the organisations."""
    codes = {c.alpha_3 for c in pycountry.countries}
    codes |= {c.alpha_3 for c in pycountry.historic_countries}
    codes |= {org["code"] for org in load_yaml("organisations.yaml")["organisations"]}
    codes |= {c["code"] for c in load_yaml("countries.yaml") if c.get("assigned")}
    return codes


def code_problems() -> list[str]:
    """Countries or groups whose code is unknown, and ISO countries missing from the file."""
    codes = known_codes()
    listed = {c["code"] for c in load_yaml("countries.yaml")}
    problems = [f"countries.yaml: unknown code {code}" for code in sorted(listed - codes)]
    missing = {c.alpha_3 for c in pycountry.countries} - listed
    problems += [f"countries.yaml: ISO country {code} is missing" for code in sorted(missing)]
    for group in load_yaml("organisations.yaml").get("groups", ()):
        if group["code"] not in codes:
            problems.append(
                f"organisations.yaml: group {group['name']!r} has unknown code {group['code']}"
            )
    return problems


def sector_problems() -> list[str]:
    """Sector words, offices and institutions whose sector is not declared in sectors.yaml."""
    sectors = set(load_yaml("sectors.yaml")["sectors"])
    problems = [
        f"sectors.yaml: {' '.join(word.words)!r} has unknown sector {word.sector}"
        for word in word_entries()
        if word.sector not in sectors
    ]
    problems += [
        f"{entry.kind} {entry.name!r} has unknown sector {entry.actor.sector}"
        for entry in name_entries()
        if entry.actor.sector is not None and entry.actor.sector not in sectors
    ]
    return problems


def name_clashes() -> list[str]:
    """Names that point to two different countries or organisations."""
    codes: dict[str, set[str]] = defaultdict(set)
    for entry in name_entries():
        codes[entry.name].add(entry.actor.code)
    return [
        f"{name!r} names {', '.join(sorted(found))}"
        for name, found in sorted(codes.items())
        if len(found) > 1
    ]


def people_problems(people: Iterable[Person]) -> list[str]:
    """Unknown codes, inverted terms, overlapping terms of one office, ambiguous names.

    Two people may share a name or alias only if their terms never overlap,
    so that the publication date tells them apart.
    """
    people = list(people)
    codes = known_codes()
    problems = []
    for p in people:
        if p.country not in codes:
            problems.append(f"{p.source}: {p.name}: unknown country code {p.country}")
        if p.end is not None and p.end < p.start:
            problems.append(
                f"{p.source}: {p.name}: term ends ({p.end}) before it starts ({p.start})"
            )
    by_office: dict[tuple[str, str], list[Person]] = defaultdict(list)
    for p in people:
        if not any(shared in p.office.casefold() for shared in _SHARED_OFFICES):
            by_office[(p.country, p.role)].append(p)
    for (country, role), holders in by_office.items():
        for a, b in _overlapping(holders):
            if a.name != b.name:
                problems.append(f"{a.source}: {country} {role}: {a.name} and {b.name} overlap")
    by_name: dict[str, list[Person]] = defaultdict(list)
    for p in people:
        for name in {p.name, *p.aliases}:
            by_name[name].append(p)
    for name, holders in by_name.items():
        for a, b in _overlapping(holders):
            if a.name != b.name:
                problems.append(f"{a.source}: {name!r} names both {a.name} and {b.name} at once")
    return problems


def _overlapping(people: list[Person]) -> Iterable[tuple[Person, Person]]:
    ordered = sorted(people, key=lambda p: p.start)
    for i, a in enumerate(ordered):
        for b in ordered[i + 1 :]:
            if not (a.exact and b.exact):
                continue  # a term known only to the month or year cannot be said to overlap
            if a.end is None or b.start + _HANDOVER < a.end:
                yield a, b
