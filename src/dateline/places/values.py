"""The place of an event: a named point with its country, region and where it was read."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any, Literal

__all__ = ["NO_PLACE", "Place", "PlaceSource"]

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
