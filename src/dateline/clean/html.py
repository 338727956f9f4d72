"""HTML pages: the main text and metadata by trafilatura, the date by htmldate.

trafilatura keeps comments out (``include_comments=False``) and favours
precision, since the plain-text cleaner that runs on its output recovers
nothing it drops but can still remove furniture it lets through. When
trafilatura finds no main text, the page's whole visible text goes to the
plain-text cleaner instead (trafilatura's own baseline).

libxml2, under trafilatura and htmldate, stops building the tree at 256
levels of nesting and silently drops what lies deeper. A page nested deeper
than that is flattened first (:func:`flatten_deep_html`): inline tags go,
every other tag becomes a paragraph break, and its text is all there.

Code is never text: scripts and style sheets are taken out before
trafilatura reads the page (JSON-LD and other JSON data stay, for the
metadata), and a title that still holds markup or code loses it.
"""

from __future__ import annotations

import logging
import re
from dataclasses import dataclass

from .outlets import outlet_from_name, outlet_from_url
from .published import Published, parse_published
from .title import looks_like_code

__all__ = ["HtmlPage", "extract_html", "flatten_deep_html"]

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

    html = flatten_deep_html(html)
    document = trafilatura.bare_extraction(
        _without_code(html),
        with_metadata=True,
        include_comments=False,
        include_tables=False,
        favor_precision=True,
    )
    text = getattr(document, "text", None) if document is not None else None
    if not text:
        log.debug("trafilatura found no main text; using the page's whole text")
        text = trafilatura.baseline(_without_code(html))[1]
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


# Tags inside a line of text: removed when a page is flattened, so that words stay whole.
_INLINE_TAGS = frozenset(
    {
        "a", "abbr", "b", "bdi", "bdo", "big", "cite", "code", "data", "del", "dfn", "em",
        "font", "i", "ins", "kbd", "label", "mark", "nobr", "q", "s", "samp", "small", "span",
        "strike", "strong", "sub", "sup", "time", "tt", "u", "var",
    }
)  # fmt: skip
# Tags kept as they are when a page is flattened: they cannot nest, and the
# extractors read them (title, metadata, paragraphs, headings, scripts to drop).
_FLAT_TAGS = frozenset(
    {
        "html", "head", "body", "title", "meta", "link", "base", "p", "br",
        "h1", "h2", "h3", "h4", "h5", "h6", "script", "style", "noscript",
    }
)  # fmt: skip
_PARSER_DEPTH = 256  # libxml2's limit on nesting, without its "huge" option
_TAG = re.compile(r"<(/?)([A-Za-z][A-Za-z0-9:-]*)\b[^>]*>")


def flatten_deep_html(html: str) -> str:
    """``html`` as it is, or flattened when it nests deeper than the HTML parser builds."""
    if not _too_deep(html):
        return html
    log.debug("the page nests deeper than the parser goes; flattening it")

    def flat(tag: re.Match[str]) -> str:
        name = tag.group(2).casefold()
        if name in _FLAT_TAGS:
            return tag.group(0)
        return "" if name in _INLINE_TAGS else "<p>"

    return _TAG.sub(flat, html)


def _too_deep(html: str) -> bool:
    from lxml import etree
    from lxml import html as lxml_html

    if html.count("<") < _PARSER_DEPTH:
        return False  # too few tags to nest that deep: no need to parse

    parser = lxml_html.HTMLParser()
    try:
        lxml_html.document_fromstring(html, parser=parser)
    except (etree.LxmlError, ValueError):
        return False  # not a tree at all: the extractors say what they make of it
    return any("depth" in entry.message.casefold() for entry in parser.error_log)


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


_CODE_ELEMENT = re.compile(
    r"<(script|style)\b(?![^>]*\btype\s*=\s*[\"']?application/(?:ld\+)?json)[^>]*>.*?</\1\s*>",
    re.IGNORECASE | re.DOTALL,
)


def _without_code(html: str) -> str:
    """``html`` without its scripts and style sheets (JSON data kept)."""
    return _CODE_ELEMENT.sub(" ", html)


def _clean_title(title: str | None, site: str | None) -> str | None:
    if title:
        # A <title> is read as text, markup and all: "<script>...</script>Headline".
        title = re.sub(r"\s+", " ", _TAG.sub(" ", _without_code(title))).strip()
    if not title or looks_like_code(title):
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
