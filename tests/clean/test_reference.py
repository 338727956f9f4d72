from dateline.clean.reference import common_words, furniture, outlet_book, stopwords
from dateline.knowledge import month_names


def test_reference_outlets_cover_the_worlds_agencies():
    book = outlet_book()
    for name in (
        "Reuters",
        "AP",
        "AFP",
        "BBC",
        "Al Jazeera",
        "TASS",
        "RIA Novosti",
        "Xinhua",
        "Anadolu Agency",
        "APA",
        "Trend",
        "Azertag",
        "Armenpress",
        "DW",
        "France 24",
        "Kyodo",
        "Yonhap",
        "PTI",
    ):
        assert book.from_name(name) is not None, name
    assert len({outlet.name for outlet in book.by_name.values()}) >= 250
    assert book.from_domain("news.bbc.co.uk").name == "BBC"
    assert book.from_handle("@XHNews").name == "Xinhua"


def test_reference_other_files_load_with_their_shapes():
    assert furniture().lines and "staff" in furniture().desks
    assert month_names()["sept"] == 9 and month_names()["ноября"] == 11
    # Prose is read with the English names only: "Mart" there is a name, not March.
    english = month_names(english_only=True)
    assert english["sept"] == 9 and "ноября" not in english and "mart" not in english
    assert len(stopwords()) >= 15 and "the" in stopwords()["en"]
    assert "at" in common_words()
