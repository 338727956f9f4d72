"""From names and the countries around them to places."""

from dateline.models import Article
from dateline.places import (
    Place,
    country_place,
    dateline_place,
    dateline_place_names,
    find_feature,
    resolve_place,
)


def test_resolve_the_most_populous_place_without_context():
    assert find_feature("Tripoli").country == "LBY"
    assert find_feature("Paris").country == "FRA"


def test_resolve_the_countries_named_decide_between_places_of_one_name():
    assert find_feature("Tripoli", article={"LBN": 0.8, "SYR": 0.2}).country == "LBN"
    assert find_feature("Tripoli", near=("LBN",), article={"LBY": 1.0}).country == "LBN"
    # A story about the United States does not move Paris to Texas, and one that names
    # it now and then does not move Geneva to Illinois.
    assert find_feature("Paris", article={"USA": 1.0}).country == "FRA"
    assert find_feature("Geneva", article={"LBY": 0.7, "USA": 0.3}).country == "CHE"


def test_resolve_a_country_name_is_the_country_before_a_city_or_state_of_that_name():
    georgia = find_feature("Georgia")
    assert (georgia.kind, georgia.country) == ("country", "GEO")


def test_resolve_place_tries_the_names_in_order():
    place = resolve_place(["the Ukrainian city of Kharkiv", "Kharkiv"], "sentence")
    assert place == Place("Kharkiv", "UKR", "UA.07", place.lat, place.lon, "sentence", 706483)
    assert resolve_place(["Nowhere Town"], "sentence") is None


def test_resolve_a_place_known_by_its_country_only_gets_the_countrys_point():
    place = country_place("UKR", "eastern Ukraine", "sentence")
    assert (place.name, place.country, place.admin1) == ("eastern Ukraine", "UKR", None)
    assert place.lat is not None and place.geonameid == 690791
    assert country_place("UNO", "the UN", "sentence").lat is None


def _article(body: str, dateline: str | None = None) -> Article:
    return Article(id="a", file="a.txt", source="a.txt", body=body, dateline_place=dateline)


def test_resolve_the_dateline_cleaning_read():
    place = dateline_place(_article("Jordan's king met ...", "Amman"))
    assert (place.name, place.country, place.source) == ("Amman", "JOR", "dateline")


def test_resolve_an_agency_dateline_left_in_a_tokenised_lead():
    body = (
        "ZARQA , Jordan | Tue May 2 , 2017 4:15 pm EDT ZARQA , Jordan -LRB- Reuters -RRB- - "
        "Police said on Tuesday that a fire had closed the refinery ."
    )
    assert dateline_place_names(_article(body)) == ("Edt Zarqa", "Zarqa")
    place = dateline_place(_article(body))
    assert (place.name, place.country) == ("Zarqa", "JOR")


def test_resolve_no_dateline_no_place():
    assert dateline_place(_article("Ministers met on Tuesday to talk about grain.")) is None
    assert dateline_place_names(_article("THE LEAD (in capitals) without an agency.")) == ()
