"""Find the time expressions of a parsed text.

Candidates come from spaCy's DATE and TIME entities, plus a
:class:`~spacy.matcher.Matcher` built from the time words for what the
statistical model leaves out ("now", "recently", "daily", "12.1.2021").
Entities are then reshaped to TimeML extents: "the night" + "of November
10" is one expression, "September 27 - November 10" is two, joined as a
range, and "a day" + "later" is one.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import TYPE_CHECKING

from .grammar import numeric_date, split_words
from .lexicon import Lexicon

if TYPE_CHECKING:
    from spacy.matcher import Matcher
    from spacy.tokens import Doc, Span, Token
    from spacy.vocab import Vocab

__all__ = ["Candidate", "find_candidates"]

_LABELS = {"DATE", "TIME"}
_YEAR_SHAPE = r"^(1[5-9]|20)\d\d$"
_DAY_SHAPE = r"^(0?[1-9]|[12]\d|3[01])(st|nd|rd|th)?$"
_NUMERIC_SHAPE = r"^(\d{4}-\d{1,2}-\d{1,2}|\d{1,4}[./]\d{1,2}[./]\d{2,4})$"


@dataclass(frozen=True)
class Candidate:
    """A stretch of tokens that may be one time expression.

    ``group`` ties together the ends of one range; ``None`` for a lone
    expression.
    """

    start: int  # token index
    end: int  # token index, exclusive
    words: tuple[str, ...]
    group: int | None = None


_matchers: dict[int, Matcher] = {}


def _matcher(vocab: Vocab, lex: Lexicon) -> Matcher:
    # One compiled Matcher per vocabulary, built once from the time words.
    key = id(vocab)
    if key not in _matchers:
        from spacy.matcher import Matcher

        matcher = Matcher(vocab)
        phrases = [*lex.references, *lex.frequencies]
        matcher.add(
            "TIME_WORD", [[{"LOWER": word} for word in phrase.split()] for phrase in phrases]
        )
        matcher.add("NUMERIC_DATE", [[{"TEXT": {"REGEX": _NUMERIC_SHAPE}}]])
        units = [*lex.units, *(u + "s" for u in lex.units)]
        matcher.add(
            "EVERY_UNIT", [[{"LOWER": {"IN": sorted(lex.set_words)}}, {"LOWER": {"IN": units}}]]
        )
        # Holidays the model reads as events: "New Year's Day" is a day.
        matcher.add(
            "HOLIDAY",
            [
                [
                    {"LOWER": word, "IS_TITLE": True} if word.isalpha() else {"LOWER": word}
                    for word in name.replace("'s", " 's").split()
                ]
                for name in lex.holidays
            ],
            greedy="LONGEST",
        )
        # Calendar dates the model swallows into a place name: a photo caption's
        # "in Sirte October 9, 2011" comes back as one entity, not a DATE.
        month = {"LOWER": {"IN": sorted(lex.months)}, "IS_TITLE": True}
        day = {"TEXT": {"REGEX": _DAY_SHAPE}}
        year = {"TEXT": {"REGEX": _YEAR_SHAPE}}
        comma = {"TEXT": ",", "OP": "?"}
        matcher.add(
            "CALENDAR_DATE",
            [[month, day, comma, year], [month, day], [day, month, year], [day, month]],
            greedy="LONGEST",
        )
        # Years the model leaves untagged: "the period 2020-2022", "since 2013".
        matcher.add("YEAR_RANGE", [[year, {"TEXT": {"IN": ["-", "–", "—"]}}, year]])
        matcher.add("YEAR", [[{"LOWER": {"IN": sorted(lex.year_prepositions)}}, year]])
        # The far end of a range whose near end the model found: "1990 to 1994".
        ends = sorted(lex.range_connectors - {"and"})
        matcher.add("RANGE_END", [[{"LOWER": {"IN": ends}}, year]])
        _matchers[key] = matcher
    return _matchers[key]


def _words(span: Span) -> list[str]:
    return [piece.lower() for token in span for piece in split_words(token.text)]


def _is_anchor_word(word: str, lex: Lexicon) -> bool:
    return any(ch.isdigit() for ch in word) or word in lex.months or word in lex.weekdays


def _split_range(doc: Doc, start: int, end: int, lex: Lexicon) -> list[tuple[int, int]]:
    """Cut "late September to early November" at its connector, if both sides name a date."""
    span = doc[start:end]
    if numeric_date(span.text.replace(" ", "")) is not None:
        return [(start, end)]
    for i in range(start + 1, end - 1):
        word = doc[i].lower_
        if word not in lex.range_connectors or (word == "and" and not _opens_between(doc, start)):
            continue
        left, right = _words(doc[start:i]), _words(doc[i + 1 : end])
        if any(_is_anchor_word(w, lex) for w in left) and any(
            _is_anchor_word(w, lex) for w in right
        ):
            # "between" and "from" open the range; they are not part of its first end.
            first = start + (doc[start].lower_ in ("between", "from"))
            return [(first, i), *_split_range(doc, i + 1, end, lex)]
    return [(start, end)]


def _is_numbered_thing(doc: Doc, start: int, end: int, lex: Lexicon) -> bool:
    """A number after a noun that numbers things: "resolution 1973" is no year (the
    model tags the number alone, or the noun with it: "Flight 2019")."""
    if not doc[end - 1].like_num or end - start > 2:
        return False
    noun = doc[start] if end - start == 2 else (doc[start - 1] if start > 0 else None)
    return noun is not None and noun.lower_ in lex.numbered_nouns


def _opens_between(doc: Doc, start: int) -> bool:
    """Whether "between" opens the expression at ``start`` (inside it or just before)."""
    return doc[start].lower_ == "between" or (start > 0 and doc[start - 1].lower_ == "between")


def _raw_spans(doc: Doc, lex: Lexicon) -> list[tuple[int, int]]:
    spans = [
        (ent.start, ent.end)
        for ent in doc.ents
        if ent.label_ in _LABELS and not _is_numbered_thing(doc, ent.start, ent.end, lex)
    ]
    taken = {i for start, end in spans for i in range(start, end)}
    matcher = _matcher(doc.vocab, lex)
    for match_id, start, end in matcher(doc):
        label = doc.vocab.strings[match_id]
        if label == "YEAR":
            start += 1  # the preposition is not part of the expression
        elif label == "RANGE_END":
            # "from 1990 to 1994" when the model tags 1990 alone: the far end is a
            # year of its own, joined to the near one as a range (see _joins).
            if start - 1 not in taken:
                continue
            start += 1
        if not taken.intersection(range(start, end)):
            spans.append((start, end))
            taken.update(range(start, end))
    spans.sort()
    merged: list[tuple[int, int]] = []
    for start, end in spans:
        if merged and start < merged[-1][1]:
            continue  # taken in by the expression before: "Saturday" took "night"
        # "24" + "November 2020": the model sometimes leaves the day outside.
        follows = not merged or merged[-1][1] < start
        if start > 0 and follows and doc[start].lower_ in lex.months:
            start -= _is_day_number(doc[start - 1])
        # "late September to early November" + "in 2020": the year belongs to the range.
        if (
            merged
            and start == merged[-1][1] + 1
            and doc[start - 1].lower_ in ("in", "of", ",")
            and end - start == 1
            and doc[start].like_num
            and len(doc[start].text) == 4
            and any(doc[i].lower_ in lex.range_connectors for i in range(*merged[-1]))
        ):
            merged[-1] = (merged[-1][0], end)
            continue
        # "the night" + "of" + "November 10", "4:40 a.m." + "on" + "Friday" and
        # "10:30 a.m." + "yesterday" are one expression.
        joined = merged and (
            start == merged[-1][1] + 1
            and doc[start - 1].lower_ in ("of", "on")
            or start == merged[-1][1]
        )
        if joined:
            last = doc[merged[-1][0] : merged[-1][1]]
            if last.root.lower_ in lex.day_parts or any(_is_clock(t) for t in last):
                merged[-1] = (merged[-1][0], end)
                continue
        # "Saturday" + "night": the model splits a day from its part; TimeML keeps
        # "Saturday night" one expression (a TIME: the Saturday's night).
        end += _day_part_follows(doc, start, end, lex)
        if (
            end < len(doc)
            and doc[end].lower_ in lex.trailing_directions
            and doc[end - 1].like_num is False
        ):
            end += 1
        # "the year" + "3000": the model leaves out a year it finds unlikely.
        if end < len(doc) and doc[end - 1].lower_ == "year" and doc[end].text.isdecimal():
            end += 1
        merged.append((start, end))
    return merged


def _day_part_follows(doc: Doc, start: int, end: int, lex: Lexicon) -> bool:
    """True when ``doc[start:end]`` ends with a weekday or a calendar day and a part
    of the day comes next: "Saturday night", "March 3 evening"."""
    if end >= len(doc) or doc[end].lower_ not in lex.day_parts:
        return False
    last = doc[end - 1]
    return last.lower_ in lex.weekdays or (
        _is_day_number(last) and any(t.lower_ in lex.months for t in doc[start:end])
    )


def _is_clock(token: Token) -> bool:
    return ":" in token.text or token.lower_ in ("a.m.", "p.m.", "am", "pm")


def _is_day_number(token: Token) -> bool:
    return token.text.isdecimal() and 1 <= int(token.text) <= 31


def _joins(doc: Doc, left: tuple[int, int], right: tuple[int, int], lex: Lexicon) -> bool:
    """True when two expressions are the ends of one range: "from May 3 until June"."""
    between = [t.lower_ for t in doc[left[1] : right[0]]]
    if len(between) != 1 or between[0] not in lex.range_connectors:
        return False
    if between[0] == "and":
        return left[0] > 0 and doc[left[0] - 1].lower_ == "between"
    return True


def find_candidates(doc: Doc, lex: Lexicon) -> list[Candidate]:
    """Every candidate time expression of ``doc``, in text order."""
    pieces: list[tuple[int, int, int | None]] = []
    for group, (start, end) in enumerate(_raw_spans(doc, lex)):
        parts = _split_range(doc, start, end, lex)
        previous = pieces[-1] if pieces else None
        if previous and _joins(doc, (previous[0], previous[1]), parts[0], lex):
            shared = previous[2] if previous[2] is not None else group
            pieces[-1] = (previous[0], previous[1], shared)
        elif len(parts) > 1:
            shared = group
        else:
            shared = None
        pieces.extend((s, e, shared) for s, e in parts)
    return [Candidate(s, e, tuple(_words(doc[s:e])), g) for s, e, g in pieces if e > s]
