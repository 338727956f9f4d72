import pytest

from dateline.clean import clean
from dateline.errors import CleanError
from dateline.models import RawDocument, article_id
from dateline.settings import Settings

PAGE = """\
World / Asia

Typhoon Gaemi makes landfall in eastern China

Date: 26.7.2024 08:40

Typhoon Gaemi made landfall in Fujian province on Thursday evening after killing at least 25 people in the Philippines and Taiwan, China's weather agency said.

email Print zoom+ zoom-
Authorities evacuated more than 150,000 people from coastal areas and suspended ferry services across the Taiwan Strait, state media reported.

Asia Daily Media Group All Rights Reserved © 2005-2024
"""


def _raw(text: str, **hints) -> RawDocument:
    return RawDocument(source="inbox/gaemi.txt", file="gaemi.txt", text=text, **hints)


def test_clean_builds_an_article_from_a_text_page():
    article = clean(_raw(PAGE), Settings())
    assert article.id == article_id(article.body)
    assert (article.file, article.source) == ("gaemi.txt", "inbox/gaemi.txt")
    assert article.title == "Typhoon Gaemi makes landfall in eastern China"
    assert article.published == "2024-07-26T08:40"
    assert article.published_precision == "minute"
    assert article.published_source == "text:date-line"
    assert article.outlet == "Asia Daily"
    assert article.language == "en"
    assert article.body.startswith("Typhoon Gaemi made landfall")
    assert "zoom" not in article.body and "Rights" not in article.body


def test_clean_hints_win_over_the_text():
    article = clean(
        _raw(
            PAGE,
            title_hint="Gaemi hits Fujian",
            published_hint="2024-07-25T21:05:00+08:00",
            url_hint="https://www.scmp.com/news/china/article/3272000",
            outlet_hint="South China Morning Post",
            authors_hint=("Li Wei",),
        ),
        Settings(),
    )
    assert article.title == "Gaemi hits Fujian"
    assert (article.published, article.published_precision) == ("2024-07-25T21:05:00", "second")
    assert article.published_source == "hint"
    assert article.outlet == "South China Morning Post"
    assert article.authors == ("Li Wei",)
    assert article.url == "https://www.scmp.com/news/china/article/3272000"
    assert article.body.startswith("Typhoon Gaemi made landfall")


def test_clean_outlet_falls_back_on_the_url():
    text = (
        "Floods in Bavaria\n\n"
        + "Heavy rain flooded towns across Bavaria on Sunday, and the army was called in to help. "
        * 3
    )
    article = clean(_raw(text, url_hint="https://www.dw.com/en/floods/a-69201"), Settings())
    assert article.outlet == "DW"


def test_clean_refuses_a_page_without_article_text():
    page = "Home / World\n\nPrint version\n\nViews: 12\n\nPlease enter your comment!\n"
    with pytest.raises(CleanError, match="inbox/gaemi.txt: no article text found"):
        clean(_raw(page), Settings())


HTML = """<html><head><title>Kenya and Somalia agree to reopen border crossings | Example Daily</title>
<meta property="og:site_name" content="Example Daily">
<meta property="article:published_time" content="2024-03-03T09:12:00+03:00">
<meta name="author" content="Amina Yusuf">
<link rel="canonical" href="https://www.exampledaily.co.ke/news/kenya-somalia-border">
</head><body>
<nav><a href="/">Home</a> / <a href="/news">News</a></nav>
<article><h1>Kenya and Somalia agree to reopen border crossings</h1>
<p>NAIROBI, March 3 (Example Daily) - Kenya and Somalia agreed on Sunday to reopen three border crossings closed since 2011, the two foreign ministers said after talks in Nairobi.</p>
<p>The crossings at Mandera, Elwak and Liboi will reopen in stages over the next ninety days, Kenyan Foreign Minister Musalia Mudavadi told reporters at a joint news conference.</p>
<p>Share on Facebook</p>
<p>Somalia's foreign minister said the agreement would let traders and families move freely again after more than a decade of closures imposed over security fears.</p>
</article>
<div class="comments"><h3>Leave a Reply</h3><p>Your email address will not be published.</p></div>
<footer>&copy; 2024 Example Daily Media Group. All rights reserved.</footer>
</body></html>"""


def test_clean_html_uses_trafilatura_and_htmldate_then_the_text_cleaner():
    raw = RawDocument(source="page.html", file="page.html", text=HTML, kind="html")
    article = clean(raw, Settings())
    assert article.title == "Kenya and Somalia agree to reopen border crossings"
    assert article.published is not None and article.published.startswith("2024-03-03T09:12")
    assert article.published_source == "html:htmldate"
    assert article.authors == ("Amina Yusuf",)
    assert article.outlet == "Example Daily"
    assert article.url == "https://www.exampledaily.co.ke/news/kenya-somalia-border"
    assert article.dateline_place == "Nairobi"
    assert article.body.startswith("Kenya and Somalia agreed on Sunday")
    assert "Share on Facebook" not in article.body
    assert "Leave a Reply" not in article.body and "rights reserved" not in article.body


SURRENDER = (
    "Forty rebels surrendered to the army in the north of the province, "
    "the defence ministry said on Sunday"
)


def test_clean_keeps_a_given_sentence_without_final_punctuation_whole():
    article = clean(_raw(SURRENDER, given=True), Settings())
    assert article.body == SURRENDER
    assert article.title is None


def test_clean_never_refuses_a_given_text_for_its_length():
    article = clean(
        _raw("Police fired tear gas at students in the capital.", given=True), Settings()
    )
    assert article.body == "Police fired tear gas at students in the capital."


def test_clean_keeps_a_given_lead_when_the_title_is_given_too():
    text = (
        SURRENDER + "\n\nThe army said the rebels would be disarmed and sent home within a month."
    )
    article = clean(_raw(text, given=True, title_hint="Rebels surrender"), Settings())
    assert article.title == "Rebels surrender"
    assert article.body.startswith(SURRENDER)


def test_clean_keeps_a_long_unpunctuated_lead_of_a_given_text_without_a_title():
    lead = SURRENDER + "\n\nThe army said the rebels would be disarmed within a month."
    article = clean(_raw(lead, given=True), Settings())
    assert article.body.startswith(SURRENDER) and article.title is None
    headed = clean(_raw("Rebels surrender in the north\n\n" + lead, given=True), Settings())
    assert headed.title == "Rebels surrender in the north"
    assert headed.body.startswith(SURRENDER)


def test_clean_drops_the_repeated_title_of_a_given_text():
    text = "Rebels surrender in the north\n\n" + SURRENDER + "."
    article = clean(_raw(text, given=True, title_hint="Rebels surrender in the north"), Settings())
    assert article.body == SURRENDER + "."


def test_clean_still_removes_furniture_around_given_prose():
    text = "Share on Facebook\n\n" + SURRENDER + ".\n\nAll rights reserved © 2024 Example News"
    article = clean(_raw(text, given=True), Settings())
    assert article.body == SURRENDER + "."


def test_clean_refuses_a_short_page():
    with pytest.raises(CleanError, match="no article text found"):
        clean(_raw(SURRENDER), Settings())
