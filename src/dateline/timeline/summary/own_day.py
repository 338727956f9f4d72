"""A chosen sentence as its entry prints it: without naming the entry's own day.

A timeline prints each sentence under its date, so "on Saturday", "early
Monday" or "March 19, 2011" naming that same day tells the reader nothing
the heading has not; a journalist's timeline leaves it out ("Gadhafi
appears on television ..."). :func:`without_own_day` drops such an
expression, with the preposition and time of day that belong to it, and
mends the commas around it:

>>> from datetime import date
>>> without_own_day("On Saturday, the Arab League voted to back a no-fly zone.", date(2011, 3, 12))
'The Arab League voted to back a no-fly zone.'
>>> without_own_day("Obama said Friday he approved the flights .", date(2011, 3, 4))
'Obama said he approved the flights .'

It leaves alone an expression that names another day, one that is part of a
range or a relation ("from Monday", "since March 19", "Monday and
Tuesday"), a possessive ("Monday 's vote"), and a day in a name ("Black
Monday", "Good Friday"). Weekdays are read by their full names only, months
by their English names and abbreviations (``month_names.yaml``), and both
only capitalised, as prose prints them.
"""

from __future__ import annotations

import re
from datetime import date
from functools import cache

from ...knowledge import load_yaml, month_names

__all__ = ["without_own_day"]

# A sentence trimmed to fewer words than this has lost its sense: keep it whole.
MIN_WORDS_LEFT = 4
# Words before a date that tie it to something else: the date is then not a
# mere "when" ("from Monday", "the vote of March 19", "Monday and Tuesday",
# "a statement dated November 10", "the vote scheduled for Monday").
_TIED_BEFORE = re.compile(
    r"from|since|until|till|by|before|after|between|and|or|through|to|of|than|for"
    r"|next|last|this|every|each|following|previous"
    r"|dated|due|effective|starting|beginning|ending|as",
    re.IGNORECASE,
)
# After it: a possessive ("Monday 's vote"), the other end of a range ("Monday to
# Wednesday", "March 19-20"), or an apposition that needs it ("Friday, the day of rage").
_TIED_AFTER = re.compile(
    r"^(?:\s*(?:'s|’s|'|’)(?!\w)"
    r"|\s*(?:and|or|to|through|until|till|-{1,2}|–|—)\s*(?:[A-Z][a-z]+day|[A-Z][a-z]{2,8}\.?\s+\d|\d)"
    r"|\s*,\s*(?:the|a|an)\s+(?:\w+\s+){0,2}(?:day|date|anniversary|eve|deadline)\b)"
)
_WORD_BEFORE = re.compile(r"([\w’']+)\W*$")
_OPENING = re.compile(r"""^[\s"'“‘`]*$""")


@cache
def _expression() -> re.Pattern[str]:
    months = sorted(month_names(english_only=True), key=len, reverse=True)
    month = "|".join(re.escape(name.capitalize()) for name in months)
    weekday_names = load_yaml("time_words.yaml")["weekdays"]
    weekday = "|".join(str(names[0]).capitalize() for names in weekday_names.values())
    day = r"\d{1,2}(?:st|nd|rd|th)?"

    def month_day(tag: str) -> str:  # "March 19", "19 March", "Mar. 19, 2011"
        return (
            rf"(?:(?P<month{tag}>{month})\.?\s+(?P<day{tag}>{day})"
            rf"|(?P<dayfirst{tag}>{day})\s+(?P<monthlast{tag}>{month})\.?)"
            rf"(?:\s*,?\s*(?P<year{tag}>\d{{4}}))?"
        )

    part = r"(?:\s+(?:morning|afternoon|evening|night))"
    return re.compile(
        rf"(?<![\w-])(?:(?:[Oo]n|[Ee]arly|[Ll]ate|[Ee]arlier|[Ll]ater)(?:\s+on)?\s+)?"
        rf"(?:(?P<weekday>{weekday}){part}?(?:\s*,?\s*{month_day('a')})?|{month_day('b')}{part}?)"
        r"(?![\w-])"
    )


def without_own_day(text: str, day: date) -> str:
    """``text`` without the expressions that name ``day`` as the time of what it tells."""
    trimmed = text
    for match in reversed(list(_expression().finditer(text))):
        if _names(match, day) and not _tied(text, match):
            bare = match.group()[:1].isupper() and " " not in match.group().strip()
            trimmed = _cut(trimmed, match.start(), match.end(), match_is_bare=bare)
    if trimmed == text or len(trimmed.split()) < MIN_WORDS_LEFT:
        return text
    return trimmed


def _names(match: re.Match[str], day: date) -> bool:
    """True when the expression names ``day`` (and no other day)."""
    if match["weekday"] and match["weekday"] != day.strftime("%A"):
        return False
    found = {
        name[:-1]: value  # the group names end with their tag
        for name, value in match.groupdict().items()
        if value is not None and name != "weekday"
    }
    month_name = found.get("month") or found.get("monthlast")
    if month_name is None:
        return True
    number = month_names(english_only=True)[month_name.casefold()]
    digits = re.match(r"\d+", found.get("day") or found.get("dayfirst") or "")
    year = found.get("year")
    return (
        number == day.month
        and digits is not None
        and int(digits.group()) == day.day
        and (year is None or int(year) == day.year)
    )


def _tied(text: str, match: re.Match[str]) -> bool:
    """True when the expression belongs to a range, a relation, a possessive or a name."""
    if _TIED_AFTER.match(text[match.end() :]):
        return True
    before = text[: match.start()]
    word = _WORD_BEFORE.search(before)
    if word is None:
        return False
    if _TIED_BEFORE.fullmatch(word.group(1)):
        return True
    # "Black Monday", "Good Friday": a capitalised word just before the day (not the
    # sentence's first word, nor one a comma or a preposition parts from it).
    return (
        match.group()[:1].isupper()
        and word.end(1) == len(before.rstrip())
        and word.group(1)[0].isupper()
        and not _OPENING.match(before[: word.start()])
    )


def _cut(text: str, start: int, end: int, *, match_is_bare: bool) -> str:
    """``text`` without ``text[start:end]``, its commas mended."""
    before, after = text[:start], text[end:]
    if _OPENING.match(before):
        # "On Saturday, the League ..." -> "The League ..."; but "Friday prayers drew
        # ..." opens with a day that qualifies the noun after it: keep it.
        if not re.match(r"^\s*,", after) and match_is_bare:
            return text
        after = re.sub(r"^\s*,?\s*", "", after)
        return before + after[:1].upper() + after[1:]
    stripped = before.rstrip()
    if stripped.endswith(","):
        if re.match(r"^\s*,", after):
            # "Libya, on Monday, said" -> "Libya, said".
            after = re.sub(r"^\s*,", "", after)
        elif re.match(r"^\s*[.!?;:]", after):
            # "Ras Lanuf, Libya, on Monday." -> "Ras Lanuf, Libya."
            return stripped[:-1].rstrip() + after
    elif re.match(r"^\s*,", after):
        # "clashed again Thursday, stepping up" -> "clashed again, stepping up".
        return stripped + after
    return stripped + (" " if after[:1].isspace() or after[:1].isalnum() else "") + after.lstrip()
