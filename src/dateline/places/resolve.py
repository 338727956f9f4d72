"""From a place name and the countries around it to a :class:`Place`.

Of the features a name may mean, the one that scores highest wins: a
country's own name before a region's before a city's; the countries the
text names nearby (``near``: "the Ukrainian city of Kharkiv") and in the
article (``article``: "Tripoli" in a story about Lebanon, in proportion to
the share of the article's country mentions that name it) count for a
place of theirs; then population. An alternate name ("Kiev") counts a
little less than a feature's own name. The weights are such that a country
named nearby decides between places of up to a thousand times the
population, and a country the whole article is about up to thirty times:
not between Paris and Paris, Texas, nor Geneva and Geneva, Illinois in a
story that names the United States now and then.
"""

from __future__ import annotations

import math
from collections.abc import Collection, Iterable, Mapping

from .gazetteer import Feature, gazetteer
from .values import Place, PlaceSource

__all__ = ["country_place", "feature_place", "find_feature", "resolve_place"]

_KIND_WEIGHT = {"country": 3.0, "region": 1.0, "city": 0.0}
# In log10 of population: named nearby, named by every country mention of the article,
# an alternate name.
_NEAR_WEIGHT = 3.0
_ARTICLE_WEIGHT = 1.5
_ALTERNATE_WEIGHT = -0.5


def find_feature(
    name: str, *, near: Collection[str] = (), article: Mapping[str, float] | None = None
) -> Feature | None:
    """The feature ``name`` most likely means, given the countries (ISO alpha-3) named
    ``near`` it and in the ``article`` (each with its share of the article's country
    mentions, 0 to 1); None when the gazetteer has no such name."""
    article = article or {}
    found = gazetteer().lookup(name)
    if not found:
        return None

    def score(item: tuple[Feature, bool]) -> tuple[float, int]:
        feature, own = item
        value = _KIND_WEIGHT[feature.kind] + math.log10(max(feature.population, 1))
        if feature.country in near:
            value += _NEAR_WEIGHT
        else:
            value += _ARTICLE_WEIGHT * article.get(feature.country, 0.0)
        if not own:
            value += _ALTERNATE_WEIGHT
        return value, -feature.geonameid  # ties: the older GeoNames entry

    return max(found, key=score)[0]


def resolve_place(
    names: Iterable[str],
    source: PlaceSource,
    *,
    near: Collection[str] = (),
    article: Mapping[str, float] | None = None,
) -> Place | None:
    """The place the first of ``names`` the gazetteer knows stands for (the names are
    readings of one phrase, most specific first: "Kharkiv region", "Kharkiv")."""
    for name in names:
        feature = find_feature(name, near=near, article=article)
        if feature is not None:
            return feature_place(feature, source)
    return None


def feature_place(feature: Feature, source: PlaceSource, name: str | None = None) -> Place:
    """A gazetteer feature as an event's place, called ``name`` if given."""
    return Place(
        name=name or feature.name,
        country=feature.country,
        admin1=feature.admin1,
        lat=feature.lat,
        lon=feature.lon,
        source=source,
        geonameid=feature.geonameid,
    )


def country_place(code: str, name: str, source: PlaceSource) -> Place:
    """A place the gazetteer does not know, in country ``code``: the country's point, or
    none when the gazetteer has no such country (an organisation's code)."""
    country = gazetteer().country(code)
    if country is None:
        return Place(name=name, country=code, source=source)
    return feature_place(country, source, name)
