"""The Phoenix dictionaries as Dateline knowledge: the converter and what it wrote."""

import importlib.util
import sys
from datetime import date
from pathlib import Path

import pytest

from dateline.actors.knowledge import actor_knowledge
from dateline.actors.people import PeopleIndex, people_from_rows
from dateline.extract import extract

SCRIPT = Path(__file__).resolve().parents[2] / "scripts" / "build_actor_knowledge.py"


@pytest.fixture(scope="module")
def build():
    spec = importlib.util.spec_from_file_location("build_actor_knowledge", SCRIPT)
    module = importlib.util.module_from_spec(spec)
    sys.modules[spec.name] = module  # dataclasses look their module up
    spec.loader.exec_module(module)
    return module


DICTIONARY = """\
# a comment line
NORVANIA_  [NRV]
+NORVANIAN_
+PORT_ELSBY_   # the capital
ELLA_VAN_DORN_  # CountryInfo.txt
\t[NRVELI 830101-000101]
\t[NRVGOV >000717]
KAREEM_AL_HADDAD_
+HADDAD
\t[NRVGOV 19690901-20110823]
UNCODED_ENTRY_

RED_HAND_BRIGADE_ [NRVREB] #  kkl 21 Mar 13
+RED_HAND_
"""


def test_phoenix_parse_dictionary_reads_synonyms_codes_and_dates(build):
    entries = build.parse_dictionary(DICTIONARY.splitlines())
    assert [entry.phrases[0] for entry in entries] == [
        "NORVANIA_", "ELLA_VAN_DORN_", "KAREEM_AL_HADDAD_", "RED_HAND_BRIGADE_"
    ]  # fmt: skip
    assert entries[0].phrases[1:] == ["NORVANIAN_", "PORT_ELSBY_"]
    first, second = entries[1].codes
    assert (first.code, first.start, first.end) == ("NRVELI", date(1983, 1, 1), date(2000, 1, 1))
    assert (second.code, second.start, second.end) == ("NRVGOV", date(2000, 7, 17), None)
    assert entries[2].codes[0].start == date(1969, 9, 1)
    assert entries[2].codes[0].end == date(2011, 8, 23)
    assert entries[3].phrases == ["RED_HAND_BRIGADE_", "RED_HAND_"]


def test_phoenix_parse_code_rejects_an_unreadable_restriction(build):
    assert not build.parse_code("KORGOVBUS 2004017-20061201").valid
    assert build.parse_code("SYRGOV <990101").end == date(1999, 1, 1)
    assert not build.parse_code("SYRGOV").dated


def test_phoenix_news_case_writes_names_as_news_does(build):
    assert build.news_case("BASHAR_AL_ASSAD_") == ["Bashar al Assad", "Bashar al-Assad"]
    assert build.news_case("DEIR_EZ-ZOR") == ["Deir ez-Zor"]
    assert build.news_case("SEAN_O'BRIEN_") == ["Sean O'Brien"]
    assert build.news_case("U.N._") == ["U.N."]
    assert build.news_case("MR._ASSAD") == []
    assert build.news_case("NTC", acronyms=True) == ["NTC"]


def test_phoenix_is_common_refuses_words_and_keeps_names(build):
    common = {"bank", "free", "trade", "the"}
    assert build.is_common("Bank", common)
    assert build.is_common("Free Trade", common)
    assert build.is_common("Ox", common)
    assert not build.is_common("Homs", common)


COMPANIES = """\
NORVANIA_STEEL_CORP_\t[MNCCAN]\t# Steel\t$1,000,000,000
ELSBY_HOLDINGS_INC_\t[MNCUSA]
FARADAY_\t[MNCUSA]\t# a one-word name that is also a surname
HARBOUR_\t[MNCUSA]\t# a common word
BRIGHTWATER_\t[MNCGBR]
+BRIGHTWATER_\t[MNCUSA]
TARKOVIA_\t[MNCUSA]
+TARKOVIA_CORP_
OLD_TRADING_LINE_\t[MNCCAN 830101-000101]
"""


def test_phoenix_companies_by_home_country_with_and_without_their_suffix(build):
    hand = build.Hand(
        names={}, canonical={}, cities={}, country_names={}, words={}, people={},
        org_codes=set(), common={"harbour", "steel"},
    )  # fmt: skip
    entries = build.parse_dictionary(COMPANIES.splitlines())
    found = build.build_companies(entries, hand, taken=set(), surnames={"faraday"})
    by_name = {company["name"]: company for company in found}
    assert by_name["Norvania Steel Corp"]["code"] == "CAN"
    assert by_name["Norvania Steel Corp"]["names"] == ["Norvania Steel Corp", "Norvania Steel"]
    # "Elsby Holdings": two words are left once "Inc" goes, and "Holdings" stays.
    assert by_name["Elsby Holdings Inc"]["names"] == ["Elsby Holdings Inc", "Elsby Holdings"]
    assert by_name["Tarkovia"]["names"] == ["Tarkovia", "Tarkovia Corp"]
    # A surname, a common word, a name of two countries' companies, a dated code: none.
    assert set(by_name) == {"Norvania Steel Corp", "Elsby Holdings Inc", "Tarkovia"}


def test_phoenix_people_two_bearers_of_a_surname_are_told_apart_by_date():
    rows = [
        {"name": "Ella Van Dorn", "aliases": "Van Dorn", "country": "NRV", "office": "President",
         "role": "head_of_state", "start": "1971-03-14", "end": "2000-06-10"},
        {"name": "Piet Van Dorn", "aliases": "Van Dorn", "country": "NRV", "office": "President",
         "role": "head_of_state", "start": "2000-07-17", "end": "2010-01-01"},
    ]  # fmt: skip
    index = PeopleIndex.build(people_from_rows(rows, "test.tsv"))
    assert index.named("Van Dorn", date(1982, 5, 1)).name == "Ella Van Dorn"
    assert index.named("Van Dorn", date(2005, 5, 1)).name == "Piet Van Dorn"
    # out of both terms: the nearer one
    assert index.named("Van Dorn", date(2011, 5, 1)).name == "Piet Van Dorn"
    assert index.named("Van Dorn", date(1965, 5, 1)).name == "Ella Van Dorn"


def test_phoenix_shipped_knowledge_resolves_countries_people_and_groups():
    knowledge = actor_knowledge()
    for name, code in [("Syrian", "SYR"), ("U.S.", "USA"), ("US", "USA"), ("America", "USA"),
                       ("Americans", "USA"), ("British", "GBR"), ("U.K.", "GBR"),
                       ("Libyan", "LBY"), ("Israeli", "ISR")]:  # fmt: skip
        assert knowledge.names[name].actor.code == code, name
    assert knowledge.cities["Misrata"] == "LBY"
    people = knowledge.people
    assert people.named("Assad", date(1982, 2, 1)).name == "Hafez al-Assad"
    assert people.named("Assad", date(2012, 2, 1)).name == "Bashar al-Assad"
    assert people.named("Gaddafi", date(2011, 3, 1)).country == "LBY"
    assert len(people.people) > 10_000
    assert len(knowledge.cities) > 2_000


@pytest.mark.slow
@pytest.mark.parametrize(
    ("text", "published", "actor"),
    [
        ("Syrian troops shelled the northern districts on Monday.", "2012-02-03",
         ("SYR", "MIL", None)),
        ("Hafez al-Assad received the visiting envoy in Damascus.", "1982-02-03",
         ("SYR", "GOV", "Hafez al-Assad")),
        ("Assad received the visiting envoy in Damascus.", "1982-02-03",
         ("SYR", "GOV", "Hafez al-Assad")),
        ("Assad received the visiting envoy in Damascus.", "2012-02-03",
         ("SYR", "GOV", "Bashar al-Assad")),
        ("Citigroup agreed on Monday to buy the banking operations of a rival.", "2008-09-29",
         ("USA", "BUS", "Citigroup")),
        ("Toyota apologised to its customers on Tuesday.", "2010-02-01",
         ("JPN", "BUS", "Toyota")),
    ],
)  # fmt: skip
def test_phoenix_extract_finds_the_actor_of_the_day(text, published, actor):
    events = extract(text, published=published)
    assert actor in [(a.code, a.sector, a.name) for e in events for a in e.actors]
