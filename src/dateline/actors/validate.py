"""Checks of the actor knowledge files; each returns a list of problems (empty when sound).

The tests call these on the shipped files, so that a bad row is caught when
it is added, with a message that names the file and the row.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Iterable
from datetime import timedelta
from typing import Any

import pycountry

from ..knowledge import load_yaml
from .knowledge import (
    PHOENIX_ORGANISATIONS,
    city_entries,
    generic_entries,
    name_entries,
    word_entries,
)
from .people import SINGLE_ROLES
from .values import Person

__all__ = [
    "alias_problems",
    "city_problems",
    "code_problems",
    "generic_problems",
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
    iso = {c.alpha_3 for c in (*pycountry.countries, *pycountry.historic_countries)}
    organisations = load_yaml("organisations.yaml")["organisations"]
    problems += [
        f"organisations.yaml: {org['name']!r} takes the country code {org['code']}"
        for org in organisations
        if org["code"] in iso
    ]
    seen: dict[str, str] = {}
    for org in organisations:
        if org["code"] in seen:
            problems.append(
                f"organisations.yaml: {org['name']!r} and {seen[org['code']]!r} share {org['code']}"
            )
        seen[org["code"]] = org["name"]
    problems += [
        f"organisations.yaml: {org['name']!r} has sector {org['sector']}, not IGO or NGO"
        for org in organisations
        if org.get("sector", "IGO") not in ("IGO", "NGO")
    ]
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


def alias_problems() -> list[str]:
    """Names of organisations and groups claimed by two entries, or that are common words.

    A name is a common word when news writes it as one: in lower case, or
    capitalised, a word of ``common_words.yaml``, ``stopwords.yaml`` or the
    sector words ("Congress", "Labour"); an acronym ("WHO", "AU") is not.
    """
    data = load_yaml("organisations.yaml")
    claims: dict[str, set[str]] = defaultdict(set)
    for country in load_yaml("countries.yaml"):
        for name in _country_names(country):
            claims[name].add(f"country {country['code']}")
    for org in data["organisations"]:
        for name in (org["name"], *org.get("names", ())):
            claims[name].add(f"organisation {org['code']}")
        for body in org.get("bodies", ()):
            for name in (body["name"], *body.get("names", ())):
                claims[name].add(f"{org['code']} body {body['name']}")
    for group in data.get("groups", ()):
        for name in (group["name"], *group.get("names", ())):
            claims[name].add(f"group {group['name']}")
    phoenix = load_yaml(PHOENIX_ORGANISATIONS)
    for body in phoenix["bodies"]:
        for name in body["names"]:
            claims[name].add(f"{body['code']} body {body['name']}")
    for group in phoenix["groups"]:
        for name in group["names"]:
            claims[name].add(f"group {group['name']}")
    problems = [
        f"{name!r} is claimed by {' and '.join(sorted(owners))}"
        for name, owners in sorted(claims.items())
        if len(owners) > 1 and any(not owner.startswith("country") for owner in owners)
    ]
    common = _common_words()
    own = set(claims) - {n for c in load_yaml("countries.yaml") for n in _country_names(c)}
    problems += [
        f"organisations.yaml: {name!r} is a common English word"
        for name in sorted(own)
        if not name.isupper() and (name.lower() in common or (name.islower() and " " not in name))
    ]
    return problems


def _country_names(country: dict[str, Any]) -> list[str]:
    names = [country["name"]]
    for key in ("names", "adjectives", "people", "capitals", "seats"):
        names += country.get(key) or []
    for sector_names in (country.get("institutions") or {}).values():
        names += sector_names
    return names


def _common_words() -> set[str]:
    words = set(load_yaml("common_words.yaml")["en"]) | set(load_yaml("stopwords.yaml")["en"])
    words |= {" ".join(entry.words) for entry in (*word_entries(), *generic_entries())}
    return {str(word).lower() for word in words}


def city_problems() -> list[str]:
    """Cities with an unknown code, listed for two countries, or that are gazetteer names."""
    codes = known_codes()
    names = {entry.name for entry in name_entries()}
    countries: dict[str, set[str]] = defaultdict(set)
    problems = []
    for city, code in city_entries():
        countries[city].add(code)
        if code not in codes:
            problems.append(f"cities.yaml: {city!r} has unknown code {code}")
        if city in names:
            problems.append(f"cities.yaml: {city!r} is already a name of the gazetteer")
    problems += [
        f"cities.yaml: {city!r} is listed for {', '.join(sorted(found))}"
        for city, found in sorted(countries.items())
        if len(found) > 1
    ]
    return problems


def generic_problems() -> list[str]:
    """Generic nouns of an undeclared sector, listed twice, or of another sector in sectors.yaml."""
    sectors = set(load_yaml("sectors.yaml")["sectors"])
    words = {entry.words: entry.sector for entry in word_entries() if entry.kind != "office"}
    seen: dict[tuple[str, ...], str] = {}
    problems = []
    for entry in generic_entries():
        text = " ".join(entry.words)
        if entry.sector not in sectors:
            problems.append(f"generic_actors.yaml: {text!r} has unknown sector {entry.sector}")
        if entry.words in seen:
            problems.append(f"generic_actors.yaml: {text!r} is listed twice")
        seen[entry.words] = entry.sector
        if entry.words in words and words[entry.words] != entry.sector:
            problems.append(
                f"generic_actors.yaml: {text!r} is {entry.sector} but {words[entry.words]}"
                " in sectors.yaml"
            )
    return problems


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
        if p.role in SINGLE_ROLES and not any(s in p.office.casefold() for s in _SHARED_OFFICES):
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
