"""``--format gdelt``: a tab-separated table in the spirit of GDELT's event table.

One row per event under a header row, with GDELT 1.0/2.0 column names so
that GDELT-style analysis code (quad class counts, Goldstein sums by dyad)
runs on it. Only the columns Dateline can fill honestly are written;
docs/export.md maps every one to its GDELT meaning and says what is left
empty and why. The first actor is Actor1 and the first recipient Actor2;
``Actor1All`` / ``Actor2All`` list every one as ``CODE:SECTOR:name``.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from datetime import date
from functools import lru_cache
from typing import IO

from ..actors.values import Actor
from ..knowledge import load_yaml
from ..models import Event
from ..places import Feature, Place, gazetteer
from .flat import actor_labels, first_day_of, flat_event

__all__ = [
    "GDELT_COLUMNS",
    "GdeltActor",
    "action_geo_cells",
    "gdelt_actor",
    "gdelt_cells",
    "write_gdelt",
]

GDELT_COLUMNS = (
    "GLOBALEVENTID",
    "SQLDATE",
    "MonthYear",
    "Year",
    "FractionDate",
    *(
        f"Actor{n}{field}"
        for n in (1, 2)
        for field in ("Code", "Name", "CountryCode", "KnownGroupCode", "Type1Code")
    ),
    "IsRootEvent",
    "EventCode",
    "EventBaseCode",
    "EventRootCode",
    "QuadClass",
    "GoldsteinScale",
    "NumMentions",
    "NumSources",
    "NumArticles",
    "AvgTone",
    "ActionGeo_Type",
    "ActionGeo_FullName",
    "ActionGeo_CountryCode",
    "ActionGeo_ADM1Code",
    "ActionGeo_Lat",
    "ActionGeo_Long",
    "ActionGeo_FeatureID",
    "DATEADDED",
    "SOURCEURL",
    # Dateline's own, after GDELT's so that positional readers still work.
    "Actor1All",
    "Actor2All",
    "PLOVERType",
    "PLOVERMode",
    "EndDate",
    "DatePrecision",
    "Status",
    "Confidence",
)

# GDELT flags events told in an article's lead as root events; a sentence
# that starts within this many characters of the body is in the lead.
LEAD_CHARS = 400

# Dateline's sectors are CAMEO actor type codes, except that CAMEO calls
# police and security services COP.
_CAMEO_TYPES = {"POL": "COP"}


@dataclass(frozen=True)
class GdeltActor:
    """The five GDELT actor columns of one Dateline actor."""

    code: str  # CAMEO actor code: country + type ("AZEGOV"), or "IGO" + group ("IGOUNO")
    name: str
    country_code: str
    known_group_code: str
    type1_code: str


_NO_ACTOR = GdeltActor("", "", "", "", "")


def write_gdelt(events: Iterable[Event], stream: IO[str]) -> int:
    """Write the header and one tab-separated row per event; return how many."""
    stream.write("\t".join(GDELT_COLUMNS) + "\n")
    count = 0
    for event in events:
        stream.write("\t".join(gdelt_cells(event)) + "\n")
        count += 1
    return count


def gdelt_cells(event: Event) -> list[str]:
    """The event's cells in the order of ``GDELT_COLUMNS``; unknown values are empty."""
    flat = flat_event(event)
    first = gdelt_actor(event.actors[0]) if event.actors else _NO_ACTOR
    second = gdelt_actor(event.recipients[0]) if event.recipients else _NO_ACTOR
    day = flat.date
    cameo = flat.cameo or ""
    cells = [
        event.id,
        _yyyymmdd(day),
        f"{day:%Y%m}" if day else "",
        f"{day:%Y}" if day else "",
        _fraction_date(day),
        *_actor_cells(first),
        *_actor_cells(second),
        "1" if any(m.start < LEAD_CHARS for m in event.mentions) else "0",
        # Only the root is coded; CAMEO's "<root>0" is that root "not specified below".
        f"{cameo}0" if cameo else "",
        f"{cameo}0" if cameo else "",
        cameo,
        _text(flat.quad_class),
        _text(flat.goldstein),
        str(flat.num_mentions),
        str(flat.num_sources),
        str(flat.num_articles),
        "",  # AvgTone: Dateline does not score tone
        *action_geo_cells(event.place),
        _yyyymmdd(_first_published(event)),
        _source_url(event),
        actor_labels(event.actors),
        actor_labels(event.recipients),
        event.type,
        _text(event.mode),
        _yyyymmdd(flat.date_end),
        _text(flat.date_precision),
        event.status,
        _text(flat.confidence),
    ]
    return [_clean(cell) for cell in cells]


def action_geo_cells(place: Place | None) -> tuple[str, ...]:
    """GDELT's seven ActionGeo cells of an event's place: type (1 country, 2 US state, 3 US
    city, 4 world city, 5 world region), full name, country (ISO alpha-3, not FIPS),
    ADM1 code (FIPS country + GeoNames region code), latitude, longitude, feature id
    (GeoNames id; a country's FIPS code)."""
    if place is None:
        return ("",) * 7
    feature = gazetteer().feature(place.geonameid) if place.geonameid is not None else None
    country = gazetteer().country(place.country) if place.country else None
    fips = country.fips if country and country.fips else ""
    names = [place.name]
    if feature is not None and feature.kind == "city" and feature.admin1 != feature.admin1_code:
        names.append(feature.admin1 or "")  # a US state's name
    if place.country and (feature is None or feature.kind != "country"):
        names.append(_code_names().get(place.country, place.country))
    kind = _geo_type(feature)
    region = feature.admin1_code.partition(".")[2] if feature and feature.admin1_code else ""
    return (
        kind,
        ", ".join(n for n in names if n),
        _text(place.country),
        fips + region if fips and kind != "1" else fips,
        _text(place.lat),
        _text(place.lon),
        (fips or _text(place.country)) if kind == "1" else _text(place.geonameid),
    )


def _geo_type(feature: Feature | None) -> str:
    if feature is None:
        return ""
    if feature.kind == "country":
        return "1"
    us = feature.country == "USA"
    if feature.kind == "region":
        return "2" if us else "5"
    return "3" if us else "4"


def gdelt_actor(actor: Actor) -> GdeltActor:
    """An actor in GDELT's terms: a country with a type, or an international group."""
    kind = _CAMEO_TYPES.get(actor.sector or "", actor.sector or "")
    name = actor.name or _code_names().get(actor.code, "")
    if _is_organisation(actor):
        # CAMEO writes international bodies as their type then their group code.
        return GdeltActor(f"{kind or 'IGO'}{actor.code}", name, "", actor.code, kind or "IGO")
    return GdeltActor(f"{actor.code}{kind}", name, actor.code, "", kind)


def _is_organisation(actor: Actor) -> bool:
    if actor.code in _country_codes():
        return False
    return actor.code in _organisation_codes() or actor.sector == "IGO"


@lru_cache(maxsize=1)
def _country_codes() -> frozenset[str]:
    return frozenset(entry["code"] for entry in load_yaml("countries.yaml"))


@lru_cache(maxsize=1)
def _organisation_codes() -> frozenset[str]:
    return frozenset(org["code"] for org in load_yaml("organisations.yaml")["organisations"])


@lru_cache(maxsize=1)
def _code_names() -> dict[str, str]:
    """The English name of every country and international organisation code."""
    names = {entry["code"]: entry["name"] for entry in load_yaml("countries.yaml")}
    for org in load_yaml("organisations.yaml")["organisations"]:
        names.setdefault(org["code"], org["name"])
    return names


def _actor_cells(actor: GdeltActor) -> tuple[str, ...]:
    return (actor.code, actor.name, actor.country_code, actor.known_group_code, actor.type1_code)


def _yyyymmdd(day: date | None) -> str:
    return f"{day:%Y%m%d}" if day else ""


def _fraction_date(day: date | None) -> str:
    # GDELT's FractionDate: the year plus the share of it gone, to four places.
    if day is None:
        return ""
    return f"{day.year + day.timetuple().tm_yday / 365:.4f}"


def _first_published(event: Event) -> date | None:
    days = [d for d in (first_day_of(m.published) for m in event.mentions) if d]
    return min(days) if days else None


def _source_url(event: Event) -> str:
    # GDELT gives the URL of the first article; without one, the input file traces it.
    for mention in event.mentions:
        if mention.url:
            return mention.url
    return event.mentions[0].file if event.mentions else ""


def _text(value: object) -> str:
    return "" if value is None else str(value)


def _clean(cell: str) -> str:
    # The table has no quoting: a tab or line break inside a cell would split it.
    return " ".join(cell.split()) if any(c in cell for c in "\t\r\n") else cell
