"""The actor knowledge files: codes exist, sectors are declared, names and terms do not clash."""

from datetime import date

import pycountry

from dateline.actors.knowledge import actor_knowledge, load_people, people_from_rows
from dateline.actors.validate import (
    code_problems,
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
