import csv
import io

from dateline.export import write_events
from dateline.export.gdelt import GDELT_COLUMNS, action_geo_cells, gdelt_actor
from dateline.models import Actor
from dateline.places import Place


def _rows(events) -> list[dict[str, str]]:
    stream = io.StringIO()
    assert write_events(events, stream, "gdelt") == len(events)
    reader = csv.DictReader(io.StringIO(stream.getvalue()), delimiter="\t", quoting=csv.QUOTE_NONE)
    assert tuple(reader.fieldnames or ()) == GDELT_COLUMNS
    return list(reader)


def test_gdelt_multi_actor_event_exactly(pretoria_signing):
    [row] = _rows([pretoria_signing])
    assert row == {
        "GLOBALEVENTID": "a1b2c3d4e5f60718",
        "SQLDATE": "20221102",
        "MonthYear": "202211",
        "Year": "2022",
        "FractionDate": "2022.8384",
        "Actor1Code": "ETHGOV",
        "Actor1Name": "Redwan Hussien",
        "Actor1CountryCode": "ETH",
        "Actor1KnownGroupCode": "",
        "Actor1Type1Code": "GOV",
        "Actor2Code": "IGOAU",
        "Actor2Name": "African Union",
        "Actor2CountryCode": "",
        "Actor2KnownGroupCode": "AU",
        "Actor2Type1Code": "IGO",
        "IsRootEvent": "1",
        "EventCode": "050",
        "EventBaseCode": "050",
        "EventRootCode": "05",
        "QuadClass": "1",
        "GoldsteinScale": "3.5",
        "NumMentions": "3",
        "NumSources": "2",
        "NumArticles": "3",
        "AvgTone": "",
        "ActionGeo_Type": "4",
        "ActionGeo_FullName": "Pretoria, South Africa",
        "ActionGeo_CountryCode": "ZAF",
        "ActionGeo_ADM1Code": "SF06",
        "ActionGeo_Lat": "-25.7449",
        "ActionGeo_Long": "28.1878",
        "ActionGeo_FeatureID": "964137",
        "DATEADDED": "20221102",
        "SOURCEURL": "https://www.reuters.com/world/africa/ethiopia-tigray-truce",
        "Actor1All": "ETH:GOV:Redwan Hussien;ETH:REB:Tigray People's Liberation Front",
        "Actor2All": "AU:IGO:African Union",
        "PLOVERType": "SUPPORT",
        "PLOVERMode": "",
        "EndDate": "",
        "DatePrecision": "day",
        "Status": "occurred",
        "Confidence": "0.92",
    }


def test_gdelt_event_without_recipient_leaves_actor2_empty(nairobi_protest):
    [row] = _rows([nairobi_protest])
    assert [row[f"Actor2{f}"] for f in ("Code", "Name", "CountryCode", "Type1Code")] == [""] * 4
    assert row["Actor2All"] == ""
    # A body with no name is named after its country.
    assert (row["Actor1Code"], row["Actor1Name"], row["Actor1Type1Code"]) == (
        "KENCVL",
        "Kenya",
        "CVL",
    )
    assert (row["EventRootCode"], row["QuadClass"], row["GoldsteinScale"]) == ("14", "4", "-6.5")
    assert row["IsRootEvent"] == "1"  # told in the lead


def test_gdelt_range_date_writes_start_and_end(khartoum_strikes):
    [row] = _rows([khartoum_strikes])
    assert (row["SQLDATE"], row["EndDate"]) == ("20230415", "20230417")
    assert (row["Actor1Code"], row["Actor2Code"]) == ("SDNMIL", "SDNREB")
    assert row["IsRootEvent"] == "1"  # the second report has it in its lead
    assert row["DATEADDED"] == "20230417"  # the first day it was published
    assert (row["EventCode"], row["QuadClass"]) == ("180", "4")


def test_gdelt_without_url_falls_back_to_the_input_file(guterres_call):
    [row] = _rows([guterres_call])
    assert row["SOURCEURL"] == "kyiv_independent_march.txt"
    assert row["IsRootEvent"] == "0"  # far from the lead
    assert row["DATEADDED"] == ""  # no mention has a publication day
    assert (row["SQLDATE"], row["DatePrecision"]) == ("20220301", "month")
    assert (row["Actor1Code"], row["Actor1KnownGroupCode"], row["Actor1CountryCode"]) == (
        "IGOUNO",
        "UNO",
        "",
    )
    assert (row["Actor2Code"], row["Actor2Name"]) == ("UKRGOV", "Volodymyr Zelensky")


def test_gdelt_rows_never_hold_tabs_or_line_breaks(guterres_call):
    from dataclasses import replace

    odd = replace(guterres_call, place=Place("Kyiv\tOblast"), mode="phone\n")
    stream = io.StringIO()
    write_events([odd], stream, "gdelt")
    lines = stream.getvalue().split("\n")
    assert len(lines) == 3 and lines[-1] == ""
    assert all(line.count("\t") == len(GDELT_COLUMNS) - 1 for line in lines[:2])


def test_gdelt_writes_one_row_per_event_in_order(events):
    assert [r["GLOBALEVENTID"] for r in _rows(events)] == [e.id for e in events]


def test_gdelt_actor_codes_follow_cameo():
    assert gdelt_actor(Actor("FRA", "POL")).code == "FRACOP"  # CAMEO calls police COP
    assert gdelt_actor(Actor("NATO", "IGO", "NATO Secretary General")).code == "IGONATO"
    assert gdelt_actor(Actor("EU")).code == "IGOEU"  # a known body without a sector
    assert gdelt_actor(Actor("IRN")).code == "IRN"
    assert gdelt_actor(Actor("IRN")).name == "Iran"  # the English name from the knowledge files


def test_gdelt_every_column_is_documented():
    from pathlib import Path

    doc = (Path(__file__).resolve().parents[2] / "docs" / "export.md").read_text()
    # The Actor2 columns are documented as "the same for the second actor".
    missing = [c for c in GDELT_COLUMNS if f"`{c.replace('Actor2', 'Actor1')}`" not in doc]
    assert missing == []


def test_gdelt_action_geo_of_a_country_a_us_city_and_no_place():
    from dataclasses import replace

    from dateline.places import country_place, feature_place, find_feature

    ukraine = country_place("UKR", "eastern Ukraine", "sentence")
    assert action_geo_cells(ukraine)[:4] == ("1", "eastern Ukraine", "UKR", "UP")
    assert action_geo_cells(ukraine)[6] == "UP"  # GDELT's feature id of a country
    houston = feature_place(find_feature("Houston", article={"USA": 1.0}), "dateline")
    kind, name, country, adm1, *_ = action_geo_cells(houston)
    assert (kind, name, country, adm1) == ("3", "Houston, Texas, United States", "USA", "USTX")
    assert action_geo_cells(None) == ("",) * 7
    assert action_geo_cells(replace(houston, geonameid=None, lat=None, lon=None))[:6] == (
        "",
        "Houston, United States",
        "USA",
        "US",
        "",
        "",
    )
