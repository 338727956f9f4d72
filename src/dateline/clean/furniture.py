"""Page furniture: the lines a web page prints around an article.

Share and print widgets, view counters, comment forms, "follow us" lines,
copyright footers and navigation are recognised by the patterns of
``furniture.yaml``; these functions only apply them to one line at a time,
so that furniture is removed wherever it sits, between paragraphs too.
"""

from __future__ import annotations

import re

from .reference import furniture, outlet_book

__all__ = [
    "is_breadcrumb",
    "is_furniture",
    "is_section_label",
    "is_tail_start",
    "split_glued_navigation",
]

_MAX_BREADCRUMB_WORDS = 4  # per segment: "Home / World / Middle East"


def is_furniture(line: str) -> bool:
    """Whether a whole line is page furniture (a widget, counter, form, footer)."""
    text = line.strip()
    if not text:
        return False
    patterns = furniture()
    if any(pattern.fullmatch(text) for pattern in patterns.lines):
        return True
    return any(pattern.search(text) for pattern in patterns.contains)


def is_tail_start(line: str) -> bool:
    """Whether a line opens the page tail (related stories, comment form, ...)."""
    text = line.strip()
    return bool(text) and any(pattern.fullmatch(text) for pattern in furniture().tail)


def is_section_label(line: str) -> bool:
    """Whether a line is only a section label of a news site ("Politics", "World news")."""
    return line.strip().strip(":|/»").strip().casefold() in furniture().sections


def is_breadcrumb(line: str) -> bool:
    """Whether a line is breadcrumb navigation ("EXAMPLE.COM / Politics", "Home » World").

    Every segment between separators must be short and none may read as a
    sentence.
    """
    text = line.strip()
    separators = furniture().breadcrumb_separators
    pattern = "|".join(re.escape(sep) for sep in separators)
    parts = [part.strip() for part in re.split(rf"\s*(?:{pattern})\s*", text)]
    if len(parts) < 2 or not all(parts):
        return False
    if any(len(part.split()) > _MAX_BREADCRUMB_WORDS or part.endswith(".") for part in parts):
        return False
    return any(is_section_label(part) or _looks_like_site(part) for part in parts)


def _looks_like_site(text: str) -> bool:
    head, _, ending = text.rpartition(".")
    return bool(head) and ending.casefold() in outlet_book().domain_endings


def split_glued_navigation(line: str) -> tuple[str, str] | None:
    """Split a site name and section glued to a headline ("EXAMPLE.ruWorldTalks resume").

    Pages copied as text often lose the breaks between navigation items.
    Returns (navigation, rest) when the line starts with a domain, optionally
    followed by section labels, glued to a capitalised word.
    """
    match = re.match(r"^((?:www\.)?(?:[A-Za-z0-9-]+\.)+)([a-z]{2,6}|[A-Z]{2,6})(?=[A-Z])", line)
    if not match or match.group(2).casefold() not in outlet_book().domain_endings:
        return None
    position = match.end()
    sections = sorted(furniture().sections, key=len, reverse=True)
    moved = True
    while moved:
        moved = False
        for section in sections:
            label = line[position : position + len(section)]
            following = line[position + len(section) : position + len(section) + 1]
            if label.casefold() == section and label[:1].isupper() and following.isupper():
                position += len(section)
                moved = True
                break
    rest = line[position:].strip()
    return (line[:position], rest) if rest else None
