"""Fuzz: the cleaner turns any raw document into an article or a CleanError, nothing else.

Hostile documents are built from the shapes pages take (date lines, datelines,
bylines, furniture, HTML tags) mixed with arbitrary text. Each failure it
ever found is kept below as an ``@example``.
"""

import re

from hypothesis import HealthCheck, example, given, settings
from hypothesis import strategies as st

from dateline.clean import clean
from dateline.errors import CleanError
from dateline.models import RawDocument
from dateline.settings import Settings

_SETTINGS = Settings(min_body_chars=20)
_PIECES = st.sampled_from(
    [
        "ROME, 31 February 2021 - ",
        "WASHINGTON, Feb. 29 2023 (Reuters) - ",
        "NAIROBI, March 3 - ",
        "Date: 31.02.2021 25:61",
        "Published: 2021-13-45",
        "3/4/2024 10:15 am ET",
        "By Jane Doe",
        "Print version",
        "Views: 208",
        "© 2021 Example News",
        "URL: https://example.org/x",
        "Source: Reuters",
        "<div><p>",
        "</p></div>",
        "<script>var x = 1;</script>",
        "\n",
        "\n\n",
        "\t",
        "\u00a0",
        "The minister said on Tuesday that talks would resume.",
    ]
)
_TEXT = st.lists(st.one_of(_PIECES, st.text(max_size=80)), max_size=25).map("".join)
_HINTS = st.one_of(
    st.none(),
    st.sampled_from(["2021-02-30", "2021-13-45", "2021-02-03 25:61", "", "  ", "yesterday"]),
    st.text(max_size=30),
)


@settings(max_examples=150, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(text=_TEXT, kind=st.sampled_from(["text", "html"]), published=_HINTS, given_=st.booleans())
@example(
    text="ROME, 31 February 2021 - Police arrested ten protesters outside parliament.",
    kind="text",
    published=None,
    given_=False,
)
@example(
    text="Talks resumed on Tuesday in Geneva.", kind="text", published="2021-02-30", given_=True
)
def test_clean_fuzz_any_document_is_an_article_or_a_clean_error(text, kind, published, given_):
    raw = RawDocument(
        source="fuzz", file="fuzz", text=text, kind=kind, published_hint=published, given=given_
    )
    try:
        article = clean(raw, _SETTINGS)
    except CleanError:
        return
    assert article.body.strip()
    if article.published is not None:
        # Every date that reaches the store is a real calendar date.
        assert re.fullmatch(r"\d{4}(-\d\d(-\d\d(T\d\d:\d\d(:\d\d)?)?)?)?", article.published)
        if len(article.published) >= 10:
            from datetime import datetime

            datetime.fromisoformat(article.published)
