"""HTML pages: the main text and metadata by trafilatura, the date by htmldate.

trafilatura keeps comments out (``include_comments=False``) and favours
precision, since the plain-text cleaner that runs on its output recovers
nothing it drops but can still remove furniture it lets through. When
trafilatura finds no main text, the page's whole visible text goes to the
plain-text cleaner instead (trafilatura's own baseline).
"""

from __future__ import annotations

import logging
import re
from dataclasses import dataclass

from .outlets import outlet_from_name, outlet_from_url
from .published import Published, parse_published

__all__ = ["HtmlPage", "extract_html"]

log = logging.getLogger(__name__)


@dataclass(frozen=True)
class HtmlPage:
    """The text and metadata read out of one HTML page."""

    text: str
    title: str | None = None
    published: Published | None = None
    authors: tuple[str, ...] = ()
    outlet: str | None = None
    url: str | None = None


def extract_html(html: str) -> HtmlPage:
    """Main text, title, authors, site name, URL and publication date of a page."""
    import trafilatura

    document = trafilatura.bare_extraction(
        html,
        with_metadata=True,
        include_comments=False,
        include_tables=False,
        favor_precision=True,
    )
    text = getattr(document, "text", None) if document is not None else None
    if not text:
        log.debug("trafilatura found no main text; using the page's whole text")
        text = trafilatura.baseline(html)[1]
    url = getattr(document, "url", None) or None
    site = getattr(document, "sitename", None) or None
    return HtmlPage(
        text=text or "",
        title=_clean_title(getattr(document, "title", None), site),
        published=html_published(html, url),
        authors=_split_authors(getattr(document, "author", None)),
        outlet=(outlet_from_name(site) or site)
        if site
        else (outlet_from_url(url) if url else None),
        url=url,
    )


def html_published(html: str, url: str | None = None) -> Published | None:
    """The original publication date of a page, with its time when the page prints one."""
    import htmldate

    try:
        found = htmldate.find_date(
            html, original_date=True, outputformat="%Y-%m-%dT%H:%M:%S", url=url
        )
    except (ValueError, TypeError) as error:  # htmldate raises these on odd markup
        log.debug("htmldate failed: %s", error)
        return None
    if not found:
        return None
    # htmldate gives midnight when the page has no time: keep only the day then.
    if found.endswith("T00:00:00") and not re.search(r"T00:00|\b00:00\b", html):
        found = found[:10]
    return parse_published(found, "html:htmldate")


def _clean_title(title: str | None, site: str | None) -> str | None:
    if not title:
        return None
    # "Headline | Site" and "Headline - Site" are common in <title>.
    if site:
        for separator in (" | ", " - ", " – ", " — ", " :: "):
            head, found, tail = title.rpartition(separator)
            if found and site.casefold() in tail.casefold():
                return head.strip()
    return title.strip()


def _split_authors(author: str | None) -> tuple[str, ...]:
    if not author:
        return ()
    parts = re.split(r"\s*(?:;|,|\band\b|&)\s*", author)
    return tuple(part.strip() for part in parts if part.strip())
