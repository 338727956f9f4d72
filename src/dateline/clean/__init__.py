"""The ``clean`` stage: a raw document in, an :class:`~dateline.models.Article` out.

Reads: ``RawDocument.text``, ``kind`` and the ``*_hint`` fields.
Writes: ``Article.body`` (the article without page furniture) and its
metadata: title, published (with precision and source), outlet, authors,
url, dateline place and language.

1. HTML goes through trafilatura and htmldate (:mod:`.html`); its text then
   takes the same road as plain text.
2. The plain-text cleaner (:mod:`.text`) removes furniture and reads the
   metadata the page prints.
3. Hints from the container win over what the page prints.
4. A page (HTML, WARC, a download, a page copied as text) whose body is
   shorter than ``min_body_chars`` holds no article; a text given as the
   article (``RawDocument.given``) is cleaned leniently and only refused when
   it is empty.
"""

from __future__ import annotations

from ..errors import CleanError
from ..models import Article, RawDocument, article_id
from ..settings import Settings
from .html import extract_html
from .language import detect_language
from .outlets import outlet_from_url
from .published import Published, parse_published
from .text import CleanText, clean_text

__all__ = ["clean"]


def clean(raw: RawDocument, settings: Settings) -> Article:
    """Body without page furniture plus metadata.

    Raises :class:`~dateline.errors.CleanError` ("no article text found")
    when the body is empty, or shorter than ``settings.min_body_chars`` for a
    text that had to be extracted from a page.
    """
    # Slashed dates are read month-first only on English pages (the American habit).
    month_first = detect_language(raw.text) == "en"
    if raw.kind == "html":
        page = extract_html(raw.text)
        cleaned = clean_text(page.text, month_first=month_first)
        cleaned = _prefer(
            cleaned,
            title=page.title,
            published=page.published,
            authors=page.authors,
            outlet=page.outlet,
            url=page.url,
        )
    else:
        cleaned = clean_text(
            raw.text, month_first=month_first, given=raw.given, title=raw.title_hint
        )

    hinted = raw.published_hint and parse_published(
        raw.published_hint, "hint", month_first=month_first
    )
    cleaned = _prefer(
        cleaned,
        title=raw.title_hint,
        published=hinted or None,
        authors=raw.authors_hint,
        outlet=raw.outlet_hint,
        url=raw.url_hint,
    )
    if not cleaned.body.strip() or (not raw.given and len(cleaned.body) < settings.min_body_chars):
        raise CleanError(
            f"no article text found (the cleaned body has {len(cleaned.body)} characters, "
            f"fewer than min_body_chars={settings.min_body_chars})",
            source=raw.source,
        )
    published = cleaned.published
    notes = cleaned.notes
    if raw.published_hint and raw.published_hint.strip() and not hinted:
        notes += (f"published {raw.published_hint!r} is no date that exists or can be read",)
    outlet = cleaned.outlet or (outlet_from_url(cleaned.url) if cleaned.url else None)
    return Article(
        id=article_id(cleaned.body),
        file=raw.file,
        source=raw.source,
        body=cleaned.body,
        title=cleaned.title,
        published=published.value if published else None,
        published_precision=published.precision if published else None,
        published_source=published.source if published else None,
        outlet=outlet,
        authors=cleaned.authors,
        url=cleaned.url,
        dateline_place=cleaned.dateline_place,
        language=detect_language(cleaned.body),
        notes=notes,
    )


def _prefer(
    cleaned: CleanText,
    *,
    title: str | None,
    published: Published | None,
    authors: tuple[str, ...],
    outlet: str | None,
    url: str | None,
) -> CleanText:
    """``cleaned`` with every given value put in place of what the text said."""
    return CleanText(
        body=cleaned.body,
        title=title.strip() if title and title.strip() else cleaned.title,
        published=published or cleaned.published,
        authors=tuple(authors) or cleaned.authors,
        outlet=outlet or cleaned.outlet,
        url=url or cleaned.url,
        dateline_place=cleaned.dateline_place,
        notes=cleaned.notes,
    )
