from dateline.clean.title import (
    is_body_like,
    is_headline_like,
    is_near_duplicate,
    looks_like_code,
)


def test_title_headlines_are_short_and_unfinished():
    assert is_headline_like("Kenya and Somalia agree to reopen border crossings")
    assert is_headline_like("Ukraine war: drones hit Odesa port [UPDATE]")
    assert is_headline_like("Will Colombia's peace deal survive?")
    assert not is_headline_like("The army said it had repelled the attack.")
    assert not is_headline_like("Politics")
    assert not is_headline_like("the rest of a sentence cut off mid line")


def test_title_body_lines_are_prose():
    assert is_body_like("Mali's junta said on Tuesday it would leave the regional bloc.")
    assert is_body_like("NATO chief Rasmussen : `` We are there to protect civilians . ''")
    assert not is_body_like("Mali leaves regional bloc")


def test_title_near_duplicates_allow_small_differences():
    title = "Sri Lanka's president flees to the Maldives"
    assert is_near_duplicate("Sri Lankas president flees to the Maldives", title)
    assert is_near_duplicate("SRI LANKA'S PRESIDENT FLEES TO THE MALDIVES", title)
    assert not is_near_duplicate("Sri Lanka's parliament elects a new president", title)


def test_title_code_is_never_a_headline():
    assert looks_like_code("var dataLayer = window.dataLayer || [];")
    assert looks_like_code('{"@context": "https://schema.org", "@type": "NewsArticle"}')
    assert looks_like_code("body { color: red }")
    assert not is_headline_like("window.dataLayer.push(arguments)")
    assert not is_headline_like("Googletag cmd push function() display ad")
    assert not looks_like_code("Talks in Doha: Taliban and US envoys meet again")
