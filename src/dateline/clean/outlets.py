"""Which outlet published an article, from what its page prints.

Sources, best first: a copyright footer ("X Publishing Group. All Rights
Reserved"), a site name or domain printed in the header ("KYIVPOST.COM",
"EXAMPLE.ru"), a social-media handle ("Follow us @AJEnglish"), a one-word
byline ("By Reuters"), and the domain of the article's URL. Known outlets
(``outlets.yaml``) are reported under their usual name; unknown ones as
printed.
"""

from __future__ import annotations

import re
from urllib.parse import urlsplit

import pycountry

from .reference import outlet_book

__all__ = [
    "outlet_from_copyright",
    "outlet_from_handle",
    "outlet_from_name",
    "outlet_from_site_text",
    "outlet_from_url",
    "handles_in",
]

_RESERVED = re.compile(
    r"all rights reserved|tüm hakları saklıdır|все права защищены", re.IGNORECASE
)
_MARKER = re.compile(r"copyright|©|\(c\)", re.IGNORECASE)
_YEARS = re.compile(r"\b(?:19|20)\d\d(?:\s*[-–]\s*(?:19|20)?\d\d)?\b")
_EDGES = re.compile(r"^[\s\W_]+|[\s\W_]+$")
_DOMAIN = re.compile(
    r"(?<![\w@.])((?:[A-Za-z0-9][A-Za-z0-9\-]*\.)+)([a-z]{2,6}|[A-Z]{2,6})(?![a-z])"
)
_HANDLE = re.compile(r"(?<![\w@])@([A-Za-z0-9_]{2,30})\b")


def outlet_from_name(name: str) -> str | None:
    """The usual name of a known outlet called ``name`` ("Associated Press" -> "AP")."""
    outlet = outlet_book().from_name(name)
    return outlet.name if outlet else None


def outlet_from_copyright(line: str) -> str | None:
    """The publisher named in a copyright footer, without corporate words.

    "Example Times Publishing Group Ltd. All Rights Reserved © 2024" ->
    "Example Times"; a one-letter misspelling of a corporate word
    ("Puplication") is still recognised.
    """
    if not (_RESERVED.search(line) or _MARKER.search(line)):
        return None
    before, found, after = _split_reserved(line)
    candidates = []
    marker = list(_MARKER.finditer(before))
    candidates.append(before[marker[-1].end() :] if marker else before)
    if found:
        after_marker = _MARKER.search(after)
        if after_marker:
            candidates.append(re.split(r"[.!|;]| - ", after[after_marker.end() :])[0])
    for candidate in candidates:
        name = _strip_corporate(_EDGES.sub("", _YEARS.sub(" ", candidate)))
        if name and 1 <= len(name.split()) <= 6:
            return outlet_from_name(name) or outlet_from_name(name.removeprefix("The ")) or name
    return None


def _split_reserved(line: str) -> tuple[str, bool, str]:
    match = _RESERVED.search(line)
    if not match:
        return line, False, ""
    # A footer often prints other notices first: keep the last sentence before
    # the words, unless it is only a corporate word ("... Group Ltd.").
    pieces = re.split(r"[.!|]\s+|\s[-–]\s", line[: match.start()].rstrip(" .,|-–"))
    before = pieces.pop() if pieces else ""
    while pieces and _only_corporate(before):
        before = f"{pieces.pop()} {before}"
    return before, True, line[match.end() :]


def _strip_corporate(name: str) -> str:
    words = name.split()
    corporate = outlet_book().corporate_words
    while len(words) > 1 and _is_corporate(words[-1].strip(".,").casefold(), corporate):
        words.pop()
    return " ".join(words).strip(" ,.")


def _only_corporate(text: str) -> bool:
    corporate = outlet_book().corporate_words
    return all(_is_corporate(word.strip(".,").casefold(), corporate) for word in text.split())


def _is_corporate(word: str, corporate: frozenset[str]) -> bool:
    if word in corporate:
        return True
    return len(word) >= 5 and any(
        abs(len(word) - len(known)) <= 1 and _within_one_edit(word, known) for known in corporate
    )


def _within_one_edit(a: str, b: str) -> bool:
    if a == b:
        return True
    if len(a) == len(b):
        return sum(x != y for x, y in zip(a, b, strict=True)) == 1
    short, long = sorted((a, b), key=len)
    return any(long[:i] + long[i + 1 :] == short for i in range(len(long)))


def outlet_from_site_text(text: str) -> str | None:
    """A site name printed as a domain ("KYIVPOST.COM", "EXAMPLE.ruWorld" -> "EXAMPLE.ru")."""
    book = outlet_book()
    for match in _DOMAIN.finditer(text):
        ending = match.group(2)
        if ending.casefold() not in book.domain_endings:
            continue
        domain = (match.group(1) + ending).removeprefix("www.").removeprefix("WWW.")
        known = book.from_domain(domain)
        return known.name if known else domain
    return outlet_from_name(text.strip()) if text.strip() else None


def handles_in(text: str) -> list[str]:
    """The social-media handles (without "@") printed in ``text``."""
    return _HANDLE.findall(text)


def outlet_from_handle(handle: str) -> str:
    """The outlet behind a handle: known ones by name, others by the handle itself.

    An unknown handle loses a trailing country code written in camel case
    ("ExampleNewsKe" -> "ExampleNews"), which outlets add to tell apart
    their national accounts.
    """
    handle = handle.lstrip("@")
    known = outlet_book().from_handle(handle)
    if known:
        return known.name
    tail = re.search(r"(?<=[a-z])([A-Z][a-z])$", handle)
    if tail and pycountry.countries.get(alpha_2=tail.group(1).upper()):
        return handle[: tail.start()]
    return handle


def outlet_from_url(url: str) -> str | None:
    """The outlet of a URL: a known outlet's name, or the host without "www."."""
    host = urlsplit(url if "//" in url else f"//{url}").hostname
    if not host:
        return None
    known = outlet_book().from_domain(host)
    return known.name if known else host.removeprefix("www.")
