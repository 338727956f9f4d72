"""Actors nobody named: generic nouns resolve to a sector and the country of their sentence,
the dateline or the article; named groups, parties and bodies of every region resolve."""

from datetime import date

import pytest

from dateline.actors import UNKNOWN_CODE, ActorMemory, resolve_doc, resolve_span
from dateline.events.coding import code_events
from dateline.models import Article, article_id
from dateline.time import tag_doc

pytestmark = pytest.mark.slow

DAY = date(2024, 5, 6)


@pytest.fixture
def read(nlp):
    def read(text, memory=None):
        memory = memory if memory is not None else ActorMemory()
        return resolve_doc(nlp(text), DAY, memory, source="test")

    return read


@pytest.fixture
def code(nlp):
    """The coded events of a text, with an optional dateline place."""

    def run(text, place=None):
        article = Article(
            id=article_id(text),
            file="story.txt",
            source="story.txt",
            body=text,
            published=DAY.isoformat(),
            published_precision="day",
            dateline_place=place,
        )
        doc = nlp(text)
        memory = ActorMemory()
        resolve_doc(doc, DAY, memory, source=article.id)
        return code_events(doc, article, memory, tag_doc(doc, DAY), anchor=DAY)

    return run


def _actor(mentions, text):
    found = [m.actor for m in mentions if m.text == text]
    assert found, [(m.text, m.actor) for m in mentions]
    return found[0]


def _pairs(actors):
    return [(a.code, a.sector) for a in actors]


@pytest.mark.parametrize(
    ("text", "phrase", "code", "sector"),
    [
        # the country from a demonym elsewhere in the sentence
        ("Mozambican police arrested three journalists on Monday.", "journalists", "MOZ", "MED"),
        # from a city, which says where (and is never an actor itself)
        ("Protesters blocked the main road into Kharkiv on Sunday.", "Protesters", "UKR", "OPP"),
        ("Ethiopian soldiers detained dozens of students in Gondar.", "students", "ETH", "CVL"),
        # from a country named as the place
        ("Gunmen kidnapped eleven farmers in Burkina Faso on Wednesday.", "Gunmen", "BFA", "REB"),
        ("Gunmen kidnapped eleven farmers in Burkina Faso on Wednesday.", "eleven farmers", "BFA", "CVL"),
        # from a capital named in the sentence
        ("Security forces detained opposition supporters in Harare.", "Security forces", "ZWE", "POL"),
        ("Security forces detained opposition supporters in Harare.", "opposition supporters", "ZWE", "OPP"),
        # a treasury or finance ministry is its country's government
        ("The Kenyan Treasury froze the accounts of three companies.", "The Kenyan Treasury", "KEN", "GOV"),
        ("Ghana's finance ministry suspended the payments on Friday.", "Ghana's finance ministry", "GHA", "GOV"),
        # nothing in the sentence: the unknown code
        ("Unidentified gunmen shot dead a village chief on Saturday.", "Unidentified gunmen", UNKNOWN_CODE, "REB"),
        ("Riot police beat striking miners outside the mine.", "Riot police", UNKNOWN_CODE, "POL"),
        ("Suspected militants torched a school overnight.", "Suspected militants", UNKNOWN_CODE, "REB"),
        ("Thousands of refugees crossed the river on foot.", "refugees", UNKNOWN_CODE, "REF"),
        ("The defence ministry denied the report.", "The defence ministry", UNKNOWN_CODE, "MIL"),
        ("Villagers said the government had abandoned them.", "the government", UNKNOWN_CODE, "GOV"),
        ("Lawmakers voted to impeach the judges.", "Lawmakers", UNKNOWN_CODE, "LEG"),
        ("Lawmakers voted to impeach the judges.", "the judges", UNKNOWN_CODE, "JUD"),
        # the legislature many countries call Congress
        ("Colombia's president asked Congress to approve the budget in Bogota.", "Congress", "COL", "LEG"),
    ],
)  # fmt: skip
def test_generic_actor_takes_a_sector_and_the_country_of_its_sentence(
    read, text, phrase, code, sector
):
    actor = _actor(read(text), phrase)
    assert (actor.code, actor.sector) == (code, sector)


def test_generic_noun_qualifying_another_is_no_actor(read):
    mentions = read("Insurgents stormed a police station and an army post on Monday.")
    assert [(m.text, m.actor.sector) for m in mentions] == [("Insurgents", "REB")]


def test_generic_noun_owned_by_someone_is_left_to_the_owner(read):
    mentions = read("Kenya said its troops would stay in Somalia under the sanctions regime.")
    assert [m for m in mentions if m.how == "generic"] == []


def test_generic_actor_coordinated_with_a_demonym_shares_its_country(read):
    mentions = read("Sudanese soldiers and civilians fled across the border into Chad.")
    civilians = _actor(mentions, "civilians")
    assert (civilians.code, civilians.sector) == ("SDN", "CVL")


def test_generic_actor_country_name_before_a_sector_noun_is_a_demonym(read):
    mentions = read("U.S. troops and Kenya police raided a camp near Lamu, killing militants.")
    assert _pairs(m.actor for m in mentions) == [("USA", "MIL"), ("KEN", "POL"), ("KEN", "REB")]


def test_generic_actor_takes_no_country_from_one_that_acts(read):
    mentions = read("Italy and Qatar recognised the rebels as the legitimate authority.")
    assert _actor(mentions, "the rebels").code == UNKNOWN_CODE


def test_generic_actor_beside_a_named_one_adds_nothing(nlp):
    doc = nlp("Al-Shabaab fighters ambushed a convoy near Kismayo.")
    memory = ActorMemory()
    resolve_doc(doc, DAY, memory)
    actor = resolve_span(doc[0:3], DAY, memory)
    assert (actor.code, actor.sector, actor.name) == ("SOM", "REB", "al-Shabaab")


def test_generic_actor_takes_the_country_the_article_names_most(nlp):
    doc = nlp(
        "Chad's government said on Monday it would reopen the border with Sudan. "
        "N'Djamena also promised aid to Chad's eastern provinces. "
        "Rebels seized a town near the frontier overnight."
    )
    memory = ActorMemory()
    resolve_doc(doc, DAY, memory)
    rebels = next(span for span in doc.noun_chunks if span.text == "Rebels")
    actor = resolve_span(rebels, DAY, memory)
    assert (actor.code, actor.sector) == ("TCD", "REB")


def test_generic_actor_takes_the_dateline_before_the_article(nlp):
    doc = nlp("Militants attacked a checkpoint on Friday, killing two policemen.")
    memory = ActorMemory()
    resolve_doc(doc, DAY, memory)
    actor = resolve_span(doc[0:1], DAY, memory, place="Peshawar")
    assert (actor.code, actor.sector) == ("PAK", "REB")
    assert resolve_span(doc[0:1], DAY, memory, place="Nairobi").code == "KEN"
    assert resolve_span(doc[0:1], DAY, memory).code == UNKNOWN_CODE


def test_generic_sides_still_mean_the_countries_named(read):
    mentions = read(
        "Kenya and Somalia signed a border pact as gunmen attacked a market. "
        "The two sides agreed to meet again."
    )
    assert [m.actor.code for m in mentions if m.text == "The two sides"] == ["KEN", "SOM"]


@pytest.mark.parametrize(
    ("text", "name", "code", "sector"),
    [
        ("Jaish al-Adl claimed the attack on the border post.", "Jaish al-Adl", "IRN", "REB"),
        ("The Haqqani network denied any role.", "The Haqqani network", "AFG", "REB"),
        ("ISWAP fighters overran a base in Yobe.", "ISWAP", "NGA", "REB"),
        ("AQAP said it had carried out the raid.", "AQAP", "YEM", "REB"),
        ("The Houthis fired a missile at a tanker.", "The Houthis", "YEM", "REB"),
        ("The Tamil Tigers laid down their arms in 2009.", "The Tamil Tigers", "LKA", "REB"),
        ("The Arakan Army captured the town.", "The Arakan Army", "MMR", "REB"),
        ("The Polisario Front rejected the plan.", "The Polisario Front", "ESH", "REB"),
        ("The Jalisco New Generation Cartel blocked roads.", "The Jalisco New Generation Cartel", "MEX", "REB"),
        ("The Bharatiya Janata Party won the state election.", "The Bharatiya Janata Party", "IND", "PTY"),
        ("ZANU-PF rejected the result.", "ZANU-PF", "ZWE", "PTY"),
        ("The CHP called for early elections.", "The CHP", "TUR", "OPP"),
        ("United Russia nominated him.", "United Russia", "RUS", "PTY"),
        ("ECOWAS suspended the country.", "ECOWAS", "ECOWAS", "IGO"),
        ("IGAD called a summit.", "IGAD", "IGAD", "IGO"),
        ("The OPCW sent inspectors.", "The OPCW", "OPCW", "IGO"),
        ("Doctors Without Borders evacuated its staff.", "Doctors Without Borders", "MSF", "NGO"),
        ("Human Rights Watch documented the killings.", "Human Rights Watch", "HRW", "NGO"),
        ("The Red Cross visited the detainees.", "The Red Cross", "ICRC", "NGO"),
        ("The Quds Force trained the militia.", "The Quds Force", "IRN", "MIL"),
    ],
)  # fmt: skip
def test_generic_named_groups_parties_and_bodies_resolve(read, text, name, code, sector):
    actor = _actor(read(text), name)
    assert (actor.code, actor.sector) == (code, sector)


def test_generic_event_with_only_unnamed_actors_is_kept(code):
    events = code("Masked gunmen stormed a wedding party in a village on Saturday night.")
    assault = [e for e in events if e.type == "ASSAULT"]
    assert assault, [(e.type, e.actors) for e in events]
    assert _pairs(assault[0].actors) == [(UNKNOWN_CODE, "REB")]


def test_generic_event_actors_take_the_dateline_country(code):
    events = code("Militants attacked a checkpoint on Friday.", place="Quetta")
    assault = [e for e in events if e.type == "ASSAULT"]
    assert assault and _pairs(assault[0].actors) == [("PAK", "REB")]


def test_generic_event_between_unnamed_actors_has_both_roles(code):
    events = code("Mozambican police arrested three journalists in Pemba on Monday.")
    arrest = [e for e in events if e.type == "COERCE"]
    assert arrest, [(e.type, e.actors) for e in events]
    assert _pairs(arrest[0].actors) == [("MOZ", "POL")]
    assert _pairs(arrest[0].recipients) == [("MOZ", "MED")]


@pytest.mark.parametrize(
    ("text", "phrase", "code", "office"),
    [
        ("The prime minister resigned on Tuesday after weeks of protests.", "The prime minister", UNKNOWN_CODE, "Prime Minister"),
        ("In Kenya, the prime minister resigned on Tuesday.", "the prime minister", "KEN", "Prime Minister"),
        ("Protesters in Lima demanded that the president step down.", "the president", "PER", "President"),
    ],
)  # fmt: skip
def test_generic_office_nobody_is_named_to_is_an_actor_of_the_sentences_country(
    read, text, phrase, code, office
):
    actor = _actor(read(text), phrase)
    assert (actor.code, actor.sector, actor.office, actor.name) == (code, "GOV", office, None)


def test_generic_office_takes_the_articles_country_and_acts(code):
    events = code("The prime minister resigned on Tuesday after weeks of protests.", "Lima")
    assert [(e.type, [(a.code, a.office) for a in e.actors]) for e in events] == [
        ("RETREAT", [("PER", "Prime Minister")])
    ]
