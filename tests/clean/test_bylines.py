import pytest

from dateline.clean.bylines import read_byline


@pytest.mark.parametrize(
    ("line", "authors", "organisation"),
    [
        ("By Oksana Hrytsenko", ("Oksana Hrytsenko",), None),
        ("Written by Amira El-Masri in Cairo", ("Amira El-Masri",), None),
        ("Author: Kim Min-seo", ("Kim Min-seo",), None),
        ("By Jane Mwangi and Peter Otieno", ("Jane Mwangi", "Peter Otieno"), None),
        (
            "By Lucía Fernández, Tomás Ruiz and Ana Costa",
            ("Lucía Fernández", "Tomás Ruiz", "Ana Costa"),
            None,
        ),
        ("By Olena Kovalenko, Reuters", ("Olena Kovalenko",), "Reuters"),
        ("By The Associated Press", (), "AP"),
        ("By Dawnnews", (), "Dawnnews"),
    ],
)
def test_bylines_reads_people_and_organisations(line, authors, organisation):
    byline = read_byline(line)
    assert byline is not None
    assert byline.authors == authors
    assert byline.organisation == organisation


@pytest.mark.parametrize("line", ["By Staff", "By Agencies", "By Web Desk", "By Newsroom"])
def test_bylines_desks_are_not_authors(line):
    byline = read_byline(line)
    assert byline is not None
    assert byline.authors == ()
    assert byline.organisation is None


@pytest.mark.parametrize(
    "line",
    [
        "By the end of the year, inflation in Argentina had passed 200 percent.",
        "By contrast, Chile's central bank held rates steady.",
        "Bylaws of the assembly were amended",
    ],
)
def test_bylines_sentences_are_not_bylines(line):
    assert read_byline(line) is None


def test_bylines_editors_are_not_authors():
    byline = read_byline("Reporting by Jane Doe and Ali Khan; Editing by John Roe")
    assert byline is not None
    assert byline.authors == ("Jane Doe", "Ali Khan")
