from dateline.clean.reference import common_words, furniture, month_numbers, outlet_book, stopwords


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
    assert month_numbers()["sept"] == 9 and month_numbers()["ноября"] == 11
    assert len(stopwords()) >= 15 and "the" in stopwords()["en"]
    assert "at" in common_words()
