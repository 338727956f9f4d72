from dateline.clean.outlets import (
    handles_in,
    outlet_from_copyright,
    outlet_from_handle,
    outlet_from_site_text,
    outlet_from_url,
)


def test_outlets_copyright_footer_without_corporate_words():
    line = "Dhaka Courier Publishing Group Ltd. All Rights Reserved © 2010-2024 - Reproduction prohibited"
    assert outlet_from_copyright(line) == "Dhaka Courier"


def test_outlets_copyright_tolerates_a_one_letter_typo():
    line = "Lagos Herald Puplishing Group All Rights Reserved © 2000-2016 Tel : +234 1 555 0100"
    assert outlet_from_copyright(line) == "Lagos Herald"


def test_outlets_copyright_with_the_sign_first():
    assert outlet_from_copyright("© 2024 The Kyiv Independent. All rights reserved.") == (
        "Kyiv Independent"
    )
    assert outlet_from_copyright("Copyright © 2023 Reuters. All rights reserved.") == "Reuters"


def test_outlets_site_text_reads_domains_as_printed():
    assert outlet_from_site_text("TRTWORLD.COM") == "TRT World"
    assert outlet_from_site_text("NOVOSTI-KAVKAZA.ruWorld") == "NOVOSTI-KAVKAZA.ru"
    assert outlet_from_site_text("Al Jazeera") == "Al Jazeera"
    assert outlet_from_site_text("Monday evening") is None


def test_outlets_handles_known_and_unknown():
    assert handles_in("Follow us on Twitter @AJEnglish and @dwnews") == ["AJEnglish", "dwnews"]
    assert outlet_from_handle("@AJEnglish") == "Al Jazeera"
    assert outlet_from_handle("AzerNewsAz") == "AzerNews"
    assert outlet_from_handle("@ExampleTimesKe") == "ExampleTimes"
    assert outlet_from_handle("@harbourgazette") == "harbourgazette"


def test_outlets_from_url():
    assert outlet_from_url("https://www.bbc.co.uk/news/world-africa-123") == "BBC"
    assert outlet_from_url("https://english.elpais.com/international/") == "El País"
    assert outlet_from_url("http://www.smalltown-news.example/story/1") == "smalltown-news.example"
