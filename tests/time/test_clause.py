from datetime import date

import pytest

from dateline.nlp import parse
from dateline.settings import Settings
from dateline.time import clause_date, tag_doc

pytestmark = pytest.mark.slow

TEXT = (
    "Ethiopian troops withdrew from Mekelle on June 28 and will leave Shire on July 10.\n"
    "In March 2021, fighting spread to Afar. Aid convoys were blocked.\n"
    "The foreign minister met his Kenyan counterpart."
)


@pytest.fixture(scope="module")
def parsed():
    doc = parse(TEXT, Settings())
    return doc, tag_doc(doc, date(2021, 7, 2))


def _token(doc, word):
    return next(t for t in doc if t.text == word)


def test_clause_date_takes_the_expression_of_its_verb(parsed):
    doc, values = parsed
    withdrew = clause_date(_token(doc, "withdrew"), values, date(2021, 7, 2))
    assert (withdrew.start, withdrew.source) == (date(2021, 6, 28), "expression")
    leave = clause_date(_token(doc, "leave"), values, date(2021, 7, 2))
    assert leave.start == date(2021, 7, 10)


def test_clause_date_falls_back_to_the_passage(parsed):
    doc, values = parsed
    blocked = clause_date(_token(doc, "blocked"), values, date(2021, 7, 2))
    assert blocked.source == "passage"
    assert blocked.start == date(2021, 3, 1)


def test_clause_date_falls_back_to_publication(parsed):
    doc, values = parsed
    met = clause_date(doc[-6:-1], values, date(2021, 7, 2))
    assert (met.start, met.source, met.value) == (date(2021, 7, 2), "published", None)


def test_clause_date_of_a_gerund_subject_is_its_clauses(parsed):
    """ "In March 2021, fighting spread": the fighting is dated by "spread"'s expression."""
    doc, values = parsed
    fighting = clause_date(_token(doc, "fighting"), values, date(2021, 7, 2))
    assert (fighting.start, fighting.end, fighting.source) == (
        date(2021, 3, 1),
        date(2021, 3, 31),
        "expression",
    )


HISTORY = (
    "The sides agreed to recover the remains of soldiers from the 1950-53 Korean War. "
    "The envoy will lead follow-up talks at the earliest possible date.\n"
    "Phone lines reopened for the first time since 1998. Families called each other."
)


def test_clause_date_no_passage_date_from_a_name_a_boundary_or_the_past_of_a_future_act():
    """A year inside a name ("the 1950-53 Korean War") or after "since" is no time of the
    passage, and a clause in the future takes no past day: the publication day stands."""
    doc = parse(HISTORY, Settings())
    published = date(2018, 6, 12)
    values = tag_doc(doc, published)
    for word in ("lead", "called"):
        found = clause_date(_token(doc, word), values, published)
        assert (found.start, found.source) == (published, "published"), word
