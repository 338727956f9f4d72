from datetime import date

import pytest

from dateline.actors.knowledge import WordEntry
from dateline.actors.people import PeopleIndex, parse_term_date, people_from_rows
from dateline.errors import KnowledgeError

ROWS = [
    {"name": "François Hollande", "aliases": "Hollande|Francois Hollande", "country": "FRA",
     "office": "President", "role": "head_of_state", "start": "2012-05-15", "end": "2017-05-14"},
    {"name": "Emmanuel Macron", "aliases": "Macron", "country": "FRA", "office": "President",
     "role": "head_of_state", "start": "2017-05-14", "end": ""},
    {"name": "Sheikh Hasina", "aliases": "Hasina|Sheikh Hasina Wazed", "country": "BGD",
     "office": "Prime Minister", "role": "head_of_government", "start": "2009-01-06", "end": "2024-08-05"},
    {"name": "Antony Blinken", "aliases": "Blinken", "country": "USA", "office": "Secretary of State",
     "role": "foreign_minister", "start": "2021-01-26", "end": "2025-01-20"},
]  # fmt: skip


@pytest.fixture
def index():
    return PeopleIndex.build(people_from_rows(ROWS, "test.tsv"))


def test_knowledge_parse_term_date_widens_partial_dates():
    assert parse_term_date("2016") == date(2016, 1, 1)
    assert parse_term_date("2016", end=True) == date(2016, 12, 31)
    assert parse_term_date("2020-02", end=True) == date(2020, 2, 29)
    assert parse_term_date("") is None


def test_knowledge_parse_term_date_names_the_file_on_error():
    with pytest.raises(KnowledgeError, match="people/x.tsv: '12/2016' is not a date"):
        parse_term_date("12/2016", source="people/x.tsv")


def test_knowledge_people_from_rows_rejects_unknown_roles():
    bad = dict(ROWS[0], role="monarch")
    with pytest.raises(KnowledgeError, match="role 'monarch'"):
        people_from_rows([bad], "people/x.tsv")


def test_knowledge_office_holder_is_dated(index):
    president = WordEntry(("president",), "office", "GOV", "President", "head_of_state")
    assert index.holder("FRA", president, date(2016, 6, 1)).name == "François Hollande"
    assert index.holder("FRA", president, date(2020, 6, 1)).name == "Emmanuel Macron"
    assert index.holder("FRA", president, None) is None


def test_knowledge_foreign_minister_matches_secretary_of_state(index):
    minister = WordEntry(
        ("foreign", "minister"), "office", "GOV", "Foreign Minister", "foreign_minister"
    )
    assert index.holder("USA", minister, date(2022, 3, 1)).name == "Antony Blinken"


def test_knowledge_named_person_out_of_office_is_still_known(index):
    person = index.named("Hollande", date(2021, 1, 1))
    assert person.name == "François Hollande"
    assert not person.in_office(date(2021, 1, 1))
    assert person.actor(in_term=False).office is None
