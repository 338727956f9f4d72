"""The plain-text cleaner: a page copied as text in, the article and its metadata out.

The steps, in order:

1. normalise white space and repair words broken across lines;
2. read and drop metadata lines anywhere (date lines, bylines, "URL:",
   "Source:", copyright footers, "follow us @handle") and furniture lines;
   everything from a tail marker ("Related news", a comment form) on is
   dropped once the article has begun;
3. in the head (before the first paragraph of prose): drop breadcrumbs,
   section labels and a site name glued to the headline, and take the
   first headline-like line as the title;
4. drop repeats of the headline, and read a dateline ("NAIROBI, March 3")
   off the first paragraph, inferring its year from the dates the article
   mentions when no date line gave one.

A text given as the article itself (``given``: a record's text field,
standard input) is read leniently: without prose there is no head, so every
line is body; a title given with it is not looked for in the text (only its
repeats are dropped), and without one only a short first line is taken for
its headline; and when cleaning would leave nothing, the text is kept whole.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from datetime import date

from .bylines import read_byline
from .datelines import find_dateline, infer_year
from .dehyphen import repair_broken_words
from .furniture import (
    is_breadcrumb,
    is_furniture,
    is_section_label,
    is_tail_start,
    split_glued_navigation,
)
from .outlets import (
    handles_in,
    outlet_from_copyright,
    outlet_from_handle,
    outlet_from_name,
    outlet_from_site_text,
    outlet_from_url,
)
from .published import Published, read_date_line
from .reference import furniture
from .title import is_body_like, is_headline_like, is_near_duplicate

__all__ = ["CleanText", "clean_text"]


@dataclass(frozen=True)
class CleanText:
    """What the plain-text cleaner read out of a page."""

    body: str
    title: str | None = None
    published: Published | None = None
    authors: tuple[str, ...] = ()
    outlet: str | None = None
    url: str | None = None
    dateline_place: str | None = None
    notes: tuple[str, ...] = ()  # what was read but left out, e.g. an impossible date


@dataclass
class _Found:
    """Metadata gathered while reading lines, best source per kind."""

    published: Published | None = None
    authors: list[str] = field(default_factory=list)
    url: str | None = None
    copyright: str | None = None
    site: str | None = None
    handle: str | None = None
    byline_organisation: str | None = None
    source_line: str | None = None
    notes: list[str] = field(default_factory=list)

    def outlet(self) -> str | None:
        return (
            self.copyright
            or self.site
            or self.handle
            or self.byline_organisation
            or self.source_line
            or (outlet_from_url(self.url) if self.url else None)
        )


_URL_LINE = re.compile(
    r"^(?:url|link|permalink|source url|article url)\s*:\s*(https?://\S+)$", re.I
)
_SOURCE_LINE = re.compile(
    r"^(?:source|sources|kaynak|источник|fuente|quelle)\s*:\s*(.{2,60})$", re.I
)
# The first line of a given text is its headline only when short: a longer one
# without final punctuation is its lead ("Forty rebels surrendered ..., the
# ministry said on Sunday").
_GIVEN_HEADLINE_WORDS = 14
_SPACE = re.compile(r"[ \t\u00a0\u2000-\u200b\u202f\u205f\u3000]+")


def clean_text(
    text: str, *, month_first: bool = False, given: bool = False, title: str | None = None
) -> CleanText:
    """Clean a page copied as plain text (see the module docstring for the steps).

    ``month_first`` says how to read slashed dates whose values leave the
    order open ("3/4/2024"): True for American English pages. ``given`` says
    the text is the article itself, not a page, and ``title`` is the title
    given with it, if any (see the module docstring).
    """
    lines = repair_broken_words([_SPACE.sub(" ", line).strip() for line in text.splitlines()])
    found = _Found()
    article_start = next(
        (i for i, line in enumerate(lines) if is_body_like(line) and not is_furniture(line)),
        len(lines),
    )
    content: list[tuple[int, str]] = []
    in_tail = False
    for index, line in enumerate(lines):
        if not line:
            continue
        in_tail = in_tail or (index > article_start and is_tail_start(line))
        if _read_metadata(line, found, month_first) or in_tail or is_furniture(line):
            continue
        content.append((index, line))

    body_start = next((i for i, line in content if is_body_like(line)), len(lines))
    if given and body_start == len(lines):
        body_start = 0  # no prose to tell a head from: every line of a given text is body
    if given and title:
        content = _take_title(content, body_start, found, take=False)[1]
    else:
        most = _GIVEN_HEADLINE_WORDS if given else None
        title, content = _take_title(content, body_start, found, max_words=most)
    paragraphs = [line for _, line in content if not (title and is_near_duplicate(line, title))]
    place, paragraphs = _take_dateline(paragraphs, found)
    if given and not paragraphs:
        paragraphs = [line for line in lines if line]  # a given text is never cleaned away
    return CleanText(
        body="\n\n".join(paragraphs),
        title=title,
        published=found.published,
        authors=tuple(dict.fromkeys(found.authors)),
        outlet=found.outlet(),
        url=found.url,
        dateline_place=place,
        notes=tuple(found.notes),
    )


def _read_metadata(line: str, found: _Found, month_first: bool) -> bool:
    """Record what a metadata line says; True when the line is only metadata."""
    url = _URL_LINE.match(line)
    if url:
        found.url = found.url or url.group(1)
        return True
    copyright_name = outlet_from_copyright(line) if is_furniture(line) else None
    if copyright_name:
        found.copyright = found.copyright or copyright_name
        return True
    if is_furniture(line):
        for handle in handles_in(line):
            found.handle = found.handle or outlet_from_handle(handle)
        return True
    source = _SOURCE_LINE.match(line)
    if source and len(source.group(1).split()) <= 5:
        name = source.group(1).strip(" .")
        if name.casefold() not in furniture().desks:
            found.source_line = found.source_line or outlet_from_name(name) or name
        return True
    date_line = read_date_line(line, month_first=month_first)
    if date_line:
        if found.published is None:
            found.published = Published(
                date_line.published.iso(), date_line.published.precision, "text:date-line"
            )
        if date_line.rest:
            _read_rest_of_date_line(date_line.rest, found)
        return True
    return _read_byline_line(line, found)


def _read_rest_of_date_line(rest: str, found: _Found) -> None:
    if _read_byline_line(rest, found):
        return
    # "By Jane Doe" may follow the date on the same line.
    by = re.search(r"\b(?:by|written by|author:)\s", rest, re.IGNORECASE)
    if by and _read_byline_line(rest[by.start() :], found):
        rest = rest[: by.start()]
    site = outlet_from_site_text(rest)
    if site:
        found.site = found.site or site


def _read_byline_line(line: str, found: _Found) -> bool:
    byline = read_byline(line)
    if byline is None:
        return False
    found.authors.extend(byline.authors)
    if byline.organisation:
        found.byline_organisation = found.byline_organisation or byline.organisation
    return True


def _take_title(
    content: list[tuple[int, str]],
    body_start: int,
    found: _Found,
    *,
    take: bool = True,
    max_words: int | None = None,
) -> tuple[str | None, list[tuple[int, str]]]:
    """Drop head navigation, pick the headline (when ``take``), and return it with the
    remaining lines."""
    title: str | None = None
    kept: list[tuple[int, str]] = []
    for index, line in content:
        if index >= body_start:
            kept.append((index, line))
            continue
        if is_section_label(line):
            continue
        if is_breadcrumb(line):
            found.site = found.site or outlet_from_site_text(line)
            continue
        glued = split_glued_navigation(line)
        if glued:
            found.site = found.site or outlet_from_site_text(glued[0])
            line = glued[1]
        if take and title is None and is_headline_like(line, max_words=max_words):
            title = line
            continue
        kept.append((index, line))
    return title, kept


def _take_dateline(paragraphs: list[str], found: _Found) -> tuple[str | None, list[str]]:
    """Read the dateline off the first paragraph; infer the day when no date line gave one."""
    if not paragraphs:
        return None, paragraphs
    dateline = find_dateline(paragraphs[0])
    if dateline is None:
        return None, paragraphs
    if dateline.agency and found.byline_organisation is None:
        found.byline_organisation = outlet_from_name(dateline.agency) or dateline.agency
    if found.published is None and dateline.month and dateline.day:
        year = dateline.year or infer_year(dateline.month, dateline.day, "\n".join(paragraphs))
        if year is not None and _is_real_day(year, dateline.month, dateline.day):
            day = f"{year:04d}-{dateline.month:02d}-{dateline.day:02d}"
            source = "text:dateline" if dateline.year else "text:dateline+inferred-year"
            found.published = Published(day, "day", source)
        elif year is not None:
            found.notes.append(
                f"the dateline's day {year:04d}-{dateline.month:02d}-{dateline.day:02d} "
                "does not exist; the article has no date from it"
            )
    rest = paragraphs[0][dateline.end :].strip()
    return dateline.place, ([rest] if rest else []) + paragraphs[1:]


def _is_real_day(year: int, month: int, day: int) -> bool:
    try:
        date(year, month, day)
    except ValueError:
        return False
    return True
