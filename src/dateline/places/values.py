"""The place of an event: a named point with its country, region and where it was read."""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass
from typing import Any, Literal

__all__ = ["NO_PLACE", "PLACE_FIELDS", "Place", "PlaceSource", "place_fields", "place_from_fields"]

# "sentence": the event's own sentence names it; "dateline": the article's dateline does.
PlaceSource = Literal["sentence", "dateline"]


@dataclass(frozen=True)
class Place:
    """Where an event happened, geocoded against GeoNames.

    ``country`` is ISO 3166-1 alpha-3; ``admin1`` the first-order region,
    its name where the gazetteer has one (US states), else its GeoNames code
    (``UA.07``); ``lat``/``lon`` the point (a country's is the centre of its
    cities); ``geonameid`` the GeoNames feature, None where the name is not in
    the gazetteer. A place the gazetteer does not know keeps the words of
    the text and, when its country is known, that country's point.
    """

    name: str
    country: str | None = None
    admin1: str | None = None
    lat: float | None = None
    lon: float | None = None
    source: PlaceSource | None = None
    geonameid: int | None = None

    def to_dict(self) -> dict[str, Any]:
        """The place as the JSONL export writes it (DESIGN.md)."""
        return {
            "name": self.name,
            "country": self.country,
            "admin1": self.admin1,
            "lat": self.lat,
            "lon": self.lon,
            "source": self.source,
        }


# The export's shape of an event with no place.
NO_PLACE: dict[str, Any] = dict.fromkeys(("name", "country", "admin1", "lat", "lon", "source"))


# The flat names of a place's fields, where a row or a table holds them beside others.
PLACE_FIELDS = (
    "place_name",
    "place_country",
    "place_admin1",
    "place_lat",
    "place_lon",
    "place_source",
    "place_geonameid",
)


def place_fields(place: Place | None) -> dict[str, Any]:
    """The place as flat ``place_*`` fields (a store row, a CSV or Parquet row); all None
    for an event with no place."""
    if place is None:
        return dict.fromkeys(PLACE_FIELDS)
    return {
        "place_name": place.name,
        "place_country": place.country,
        "place_admin1": place.admin1,
        "place_lat": place.lat,
        "place_lon": place.lon,
        "place_source": place.source,
        "place_geonameid": place.geonameid,
    }


def place_from_fields(cells: Mapping[str, Any]) -> Place | None:
    """The place of flat ``place_*`` fields (a store row): the inverse of
    :func:`place_fields`; None without a name."""
    if not cells["place_name"]:
        return None
    return Place(**{name.removeprefix("place_"): cells[name] for name in PLACE_FIELDS})
