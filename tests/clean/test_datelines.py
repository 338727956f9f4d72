import pytest

from dateline.clean.datelines import find_dateline, infer_year


@pytest.mark.parametrize(
    ("paragraph", "place", "month", "day", "agency"),
    [
        (
            "WASHINGTON, March 3 (Reuters) - The U.S. Senate voted on Sunday",
            "Washington",
            3,
            3,
            "Reuters",
        ),
        (
            "KYIV, Ukraine (AP) — Russian drones struck energy facilities overnight",
            "Kyiv",
            None,
            None,
            "AP",
        ),
        (
            "NEW YORK, 5 March — The UN Security Council met behind closed doors",
            "New York",
            3,
            5,
            None,
        ),
        (
            "MOSCOW, Nov. 12 /TASS/. Russia's Foreign Ministry summoned the envoy",
            "Moscow",
            11,
            12,
            "TASS",
        ),
        (
            "ADDIS ABABA, June 30 Ethiopian and Tigrayan negotiators resumed talks",
            "Addis Ababa",
            6,
            30,
            None,
        ),
    ],
)
def test_datelines_finds_place_day_and_agency(paragraph, place, month, day, agency):
    found = find_dateline(paragraph)
    assert found is not None
    assert (found.place, found.month, found.day, found.agency) == (place, month, day, agency)
    assert paragraph[found.end :][0].isupper()


@pytest.mark.parametrize(
    "paragraph",
    [
        "The UN said on Tuesday that aid convoys had reached Gaza City.",
        "NATO foreign ministers met in Brussels on Thursday to discuss air defence.",
        "EU leaders, meeting in Brussels, agreed to a new sanctions package.",
    ],
)
def test_datelines_leaves_ordinary_openings_alone(paragraph):
    assert find_dateline(paragraph) is None


def test_datelines_infers_year_from_nearest_past_dates():
    text = (
        "Protests began on February 28, 2024 after the election results were announced. "
        "Parliament will reconvene on April 15, 2024."
    )
    assert infer_year(3, 3, text) == 2024


def test_datelines_prefers_dates_in_the_past_of_the_article():
    # A report filed on 6 November looks back at an offensive of September 19
    # and ahead to a dissolution on January 1: the filing year is 2022.
    text = (
        "On September 19, 2022, the army launched an offensive in the north. "
        "The rebel administration said it would dissolve itself from January 1, 2023."
    )
    assert infer_year(11, 6, text) == 2022


def test_datelines_falls_back_on_month_and_year_mentions():
    text = "The ceasefire agreed in July 2021 has largely held, monitors said."
    assert infer_year(8, 2, text) == 2021


def test_datelines_gives_no_year_without_any_dates():
    assert infer_year(8, 2, "Talks resumed on Tuesday, officials said.") is None


def test_datelines_a_printed_year_is_read_not_inferred():
    text = (
        "ANKARA, March 16, 2023 (Reuters) - Turkish President Tayyip Erdogan said on Thursday "
        "that Turkey would start ratifying Finland's application to join NATO, a day after "
        "meeting Finnish President Sauli Niinisto in Ankara. Sweden's bid remains stalled.\n"
    )
    found = find_dateline(text)
    assert (found.place, found.month, found.day, found.year) == ("Ankara", 3, 16, 2023)
    assert found.agency == "Reuters"
    assert text[found.end :].startswith("Turkish President")


def test_datelines_an_impossible_day_gives_no_date_and_a_note():
    from dateline.clean.text import clean_text

    for opening in ("ROME, 31 February 2021 -", "ROME, Feb. 29 2023 -"):
        cleaned = clean_text(
            f"{opening} Italian police arrested ten protesters outside parliament on "
            "Tuesday, the interior ministry said in a statement."
        )
        assert cleaned.published is None
        assert cleaned.dateline_place == "Rome"
        assert any("does not exist" in note for note in cleaned.notes)
