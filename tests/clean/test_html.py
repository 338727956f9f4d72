"""HTML pages: deep nesting keeps its text, and code never reaches the title or the body."""

from dateline.clean.html import extract_html, flatten_deep_html

PARAGRAPH = (
    "Forty rebels surrendered to the army in the north of the province on Sunday, "
    "the defence ministry said in a statement issued in the capital after the talks."
)


def _nested(depth: int) -> str:
    return (
        "<html><head><title>Rebels surrender in the north</title></head><body>"
        + "<div class='wrap'><span>" * depth
        + f"<p>{PARAGRAPH}</p><p>{PARAGRAPH.replace('Forty', 'Sixty')}</p>"
        + "</span></div>" * depth
        + "</body></html>"
    )


def test_html_deeply_nested_page_keeps_its_text():
    for depth in (150, 400, 3000):
        page = extract_html(_nested(depth))
        assert PARAGRAPH in page.text and "Sixty rebels" in page.text, depth
        assert page.title == "Rebels surrender in the north"


def test_html_shallow_page_is_not_flattened():
    html = _nested(20)
    assert flatten_deep_html(html) is html


def test_html_script_text_never_reaches_the_title():
    pages = [
        "<html><head><title><script>document.write('Ad')</script>Rebels surrender</title>"
        f"</head><body><p>{PARAGRAPH}</p></body></html>",
        "<html><body><h1><script>var slot = googletag.defineSlot();</script>Rebels surrender"
        f"</h1><p>{PARAGRAPH}</p></body></html>",
        "<html><head><style>h1 { color: red }</style></head><body>"
        f"<h1>Rebels surrender</h1><p>{PARAGRAPH}</p></body></html>",
    ]
    for html in pages:
        page = extract_html(html)
        assert page.title == "Rebels surrender", html
        assert "googletag" not in page.text and "color" not in page.text


def test_html_a_title_of_code_is_no_title():
    html = (
        '<html><head><title>window.__STATE__ = {"id": 7};</title></head>'
        f"<body><p>{PARAGRAPH}</p></body></html>"
    )
    assert extract_html(html).title is None


def test_html_json_ld_still_gives_the_metadata():
    html = (
        '<html><head><script type="application/ld+json">{"@context": "https://schema.org", '
        '"@type": "NewsArticle", "headline": "Rebels surrender in the north", '
        '"datePublished": "2024-03-03T09:12:00+03:00", "author": {"@type": "Person", '
        '"name": "Amina Yusuf"}}</script></head>'
        f"<body><p>{PARAGRAPH}</p></body></html>"
    )
    page = extract_html(html)
    assert page.title == "Rebels surrender in the north"
    assert page.authors == ("Amina Yusuf",)
    assert "@context" not in page.text
