"""The actor knowledge files: codes exist, sectors are declared, names and terms do not clash."""

from datetime import date

import pycountry
import pytest

from dateline.actors.knowledge import actor_knowledge
from dateline.actors.people import load_people, people_from_rows
from dateline.actors.validate import (
    alias_problems,
    city_problems,
    code_problems,
    generic_problems,
    name_clashes,
    people_problems,
    sector_problems,
)
from dateline.knowledge import load_yaml


def _row(name, country, office, role, start, end="", aliases=""):
    return {"name": name, "aliases": aliases, "country": country, "office": office,
            "role": role, "start": start, "end": end}  # fmt: skip


def test_actor_knowledge_codes_exist_and_every_iso_country_is_listed():
    assert code_problems() == []


def test_actor_knowledge_sectors_are_declared():
    assert sector_problems() == []


def test_actor_knowledge_no_name_points_to_two_actors():
    assert name_clashes() == []


def test_actor_knowledge_no_group_name_is_claimed_twice_or_a_common_word():
    assert alias_problems() == []


def test_actor_knowledge_cities_have_one_known_country_and_are_no_actor_names():
    assert city_problems() == []


def test_actor_knowledge_generic_nouns_agree_with_the_sector_words():
    assert generic_problems() == []


def test_actor_knowledge_names_a_few_hundred_groups_parties_and_bodies():
    data = load_yaml("organisations.yaml")
    assert len(data["organisations"]) + len(data["groups"]) >= 250
    sectors = {group["sector"] for group in data["groups"]}
    assert {"REB", "PTY", "OPP", "MIL"} <= sectors
    assert {org.get("sector", "IGO") for org in data["organisations"]} == {"IGO", "NGO"}


@pytest.mark.parametrize(
    ("name", "code", "sector"),
    [("Al-Shabaab", "SOM", "REB"), ("Boko Haram", "NGA", "REB"), ("ISWAP", "NGA", "REB"),
     ("Daesh", "IRQ", "REB"), ("al-Qaeda", "AFG", "REB"), ("AQIM", "DZA", "REB"),
     ("JNIM", "MLI", "REB"), ("TTP", "PAK", "REB"), ("Ansar Allah", "YEM", "REB"),
     ("Islamic Jihad", "PSE", "REB"), ("YPG", "SYR", "REB"), ("SDF", "SYR", "REB"),
     ("ELN", "COL", "REB"), ("M23", "COD", "REB"), ("ADF", "COD", "REB"), ("RSF", "SDN", "REB"),
     ("SAF", "SDN", "MIL"), ("Wagner", "RUS", "MIL"), ("TPLF", "ETH", "REB"), ("Fano", "ETH", "REB"),
     ("KIA", "MMR", "REB"), ("NPA", "PHL", "REB"), ("Abu Sayyaf", "PHL", "REB"),
     ("Lashkar-e-Taiba", "PAK", "REB"), ("Baloch Liberation Army", "PAK", "REB"),
     ("Muslim Brotherhood", "EGY", "OPP"), ("ANC", "ZAF", "PTY"), ("BJP", "IND", "PTY"),
     ("Indian National Congress", "IND", "PTY"), ("CCP", "CHN", "PTY"),
     ("United Russia", "RUS", "PTY"), ("Likud", "ISR", "PTY"), ("AKP", "TUR", "PTY"),
     ("CHP", "TUR", "OPP"), ("PTI", "PAK", "OPP"), ("PML-N", "PAK", "PTY"),
     ("AU", "AU", "IGO"), ("ECOWAS", "ECOWAS", "IGO"), ("SADC", "SADC", "IGO"),
     ("IGAD", "IGAD", "IGO"), ("EAC", "EAC", "IGO"), ("NATO", "NATO", "IGO"),
     ("ASEAN", "ASEAN", "IGO"), ("Arab League", "ARL", "IGO"), ("GCC", "GCC", "IGO"),
     ("OIC", "OIC", "IGO"), ("OAS", "OAS", "IGO"), ("CSTO", "CSTO", "IGO"), ("SCO", "SCO", "IGO"),
     ("BRICS", "BRICS", "IGO"), ("G7", "G7", "IGO"), ("G20", "G20", "IGO"), ("IMF", "IMF", "IGO"),
     ("World Bank", "WB", "IGO"), ("WTO", "WTO", "IGO"), ("ICC", "ICC", "IGO"),
     ("ICRC", "ICRC", "NGO"), ("MSF", "MSF", "NGO"), ("Amnesty International", "AMN", "NGO"),
     ("Human Rights Watch", "HRW", "NGO"), ("OPEC", "OPEC", "IGO"), ("Interpol", "INTERPOL", "IGO")],
)  # fmt: skip
def test_actor_knowledge_knows_the_groups_and_bodies_of_the_whole_world(name, code, sector):
    actor = actor_knowledge().names[name].actor
    assert (actor.code, actor.sector) == (code, sector)


def test_actor_knowledge_every_country_has_a_name_and_most_have_adjectives_and_capitals():
    countries = load_yaml("countries.yaml")
    members = [c for c in countries if not c.get("historic")]
    assert len(members) >= len(pycountry.countries)
    assert all(c["name"] for c in countries)
    with_adjective = [c for c in members if c["adjectives"]]
    with_capital = [c for c in members if c["capitals"]]
    assert len(with_adjective) >= 200
    assert len(with_capital) >= 200


def test_actor_knowledge_knows_metonyms_of_several_continents():
    names = actor_knowledge().names
    for name, code in [("Kremlin", "RUS"), ("White House", "USA"), ("Downing Street", "GBR"),
                       ("Baku", "AZE"), ("Nairobi", "KEN"), ("Brasilia", "BRA"), ("Canberra", "AUS"),
                       ("Pentagon", "USA"), ("Brussels", "EU")]:  # fmt: skip
        assert names[name].actor.code == code, name


def test_actor_knowledge_organisation_bodies_keep_their_organisation_code():
    names = actor_knowledge().names
    assert names["UN Security Council"].actor.code == "UNO"
    assert names["UN Security Council"].actor.name == "UN Security Council"
    assert names["Minsk Group"].actor.code == "OSCE"
    assert names["African Union"].actor.sector == "IGO"


def test_actor_knowledge_shipped_people_are_sound():
    people = load_people()
    assert people_problems(people) == []


def test_actor_knowledge_shipped_people_date_an_office_holder():
    index = actor_knowledge().people
    if not index.by_name.get("Hollande"):
        return  # the European people file is not there yet
    assert index.named("Hollande", date(2016, 3, 1)).country == "FRA"


def test_actor_knowledge_people_problems_catch_overlapping_terms_and_bad_codes():
    people = people_from_rows(
        [
            _row("Ana Pop", "ROU", "President", "head_of_state", "2014-12-21", "2019-12-20"),
            _row("Ion Pop", "ROU", "President", "head_of_state", "2018-01-01", ""),
            _row(
                "Ali Zed", "XYZ", "Prime Minister", "head_of_government", "2015-01-01", "2014-01-01"
            ),
        ],
        "test.tsv",
    )
    problems = "\n".join(people_problems(people))
    assert "Ana Pop and Ion Pop overlap" in problems
    assert "unknown country code XYZ" in problems
    assert "ends (2014-01-01) before it starts" in problems


def test_actor_knowledge_people_problems_catch_an_alias_shared_at_the_same_time():
    people = people_from_rows(
        [
            _row(
                "Juan Perez",
                "ARG",
                "President",
                "head_of_state",
                "2015-01-01",
                "2019-12-31",
                "Perez",
            ),
            _row(
                "Maria Perez",
                "ARG",
                "Foreign Minister",
                "foreign_minister",
                "2016-01-01",
                "2018-12-31",
                "Perez",
            ),
        ],
        "test.tsv",
    )
    assert any("'Perez' names both" in p for p in people_problems(people))


def test_actor_knowledge_people_problems_allow_a_handover_day():
    people = people_from_rows(
        [
            _row("Ana Pop", "ROU", "President", "head_of_state", "2014-12-21", "2019-12-21"),
            _row("Ion Pop", "ROU", "President", "head_of_state", "2019-12-21", ""),
        ],
        "test.tsv",
    )
    assert people_problems(people) == []


def test_actor_knowledge_alias_problems_catch_a_shared_name_and_a_common_word(monkeypatch):
    import dateline.actors.validate as validate

    shipped = validate.load_yaml

    def fake(name):
        if name != "organisations.yaml":
            return shipped(name)
        return {
            "organisations": [{"code": "AU", "name": "African Union", "names": ["AU"]}],
            "groups": [
                {"name": "Congress", "names": ["INC"], "code": "IND", "sector": "PTY"},
                {"name": "Indian Congress", "names": ["INC"], "code": "IND", "sector": "PTY"},
                {
                    "name": "Rebels of the North",
                    "names": ["rebels"],
                    "code": "MLI",
                    "sector": "REB",
                },
            ],
        }

    monkeypatch.setattr(validate, "load_yaml", fake)
    problems = "\n".join(validate.alias_problems())
    assert "'INC' is claimed by group Congress and group Indian Congress" in problems
    assert "'Congress' is a common English word" in problems
    assert "'rebels' is a common English word" in problems
    assert "AU" not in problems
