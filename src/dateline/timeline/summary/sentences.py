"""Which sentences tell a day: candidates, then the most central of them.

As in DATEWISE, a day's candidates are the sentences that name it and the
opening sentences of the articles published that day (those that name no
other day: a lead is about its own day unless it says otherwise); to them
Dateline adds the sentences its event coder read an event of that day in
(the events' evidence). Among them, the sentences closest to the
candidates' TF-IDF centroid say what most reports of that day say (where
two or more chronology entries list the day, the centroid of those
entries: what the journalists' timelines agree on), and
those naming the day are preferred (``NAMED_WEIGHT``), as are the leads of
the day's articles by their place among the article's prose
(``POSITION_WEIGHT``: news puts the event of the day first), and those that
open by pointing back ("He said ...", "But ...") give way to those that stand
alone (``POINTS_BACK_WEIGHT``); a sentence too
close to one already chosen (on any day) adds nothing and is passed over.

``EVENT_WEIGHT`` would prefer the evidence of the day's events, the more
so the more sources told them; it is 0 because on the development topics
any bonus lowered ROUGE (evidence sentences are body sentences, longer and
more quoted than a timeline's), while evidence as candidates helped.
"""

from __future__ import annotations

import bisect
import math
import re
from collections import defaultdict
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass, replace
from datetime import date

from ...models import DatedSentence
from ...query import DayEvent
from .chronology import entry_text, is_chronology_entry
from .features import mentioned_days
from .own_day import without_own_day
from .text import Vector, centroid, cosine, idf_of, tfidf, words_of

__all__ = ["Candidate", "SentencePicker", "candidates_by_day", "is_prose", "timeline_text"]

# The first sentences of an article summarise it (the inverted pyramid).
LEAD_SENTENCES = 5
# A summary sentence is a statement: neither a headline fragment nor a paragraph
# run together by a missing full stop.
MIN_WORDS = 6
MAX_WORDS = 45
# Two sentences this similar (cosine of TF-IDF vectors) tell the same thing.
REDUNDANCY = 0.5
# How much reporting an event of the day adds to a sentence's centrality (a
# cosine): the full weight for the day's best-sourced event, less for others.
# 0.1 and 0.3 lowered AR-1 on Libya CNN (0.136 -> 0.119, 0.085) for little
# gain on Libya Reuters (leave one topic out, docs/summaries.md).
EVENT_WEIGHT = 0.0
# How much naming the day adds (a sentence that says "on March 19" tells that
# day): AR-1 on Libya CNN 0.120 at 0, 0.136 at 0.3 and above.
NAMED_WEIGHT = 0.3
# News puts the event of the day first: how much a lead of an article published
# on the day gains by its place (the full weight for the article's first prose
# sentence, half for its second, ...). Leave one topic out, AR-1 at 0 -> 0.1:
# finance 0.101 -> 0.102, Libya CNN 0.138 -> 0.140, Libya Reuters without
# chronologies 0.085 -> 0.096 (tilse's fast ROUGE). Agreeing with the day's other
# leads (the cosine to their centroid, at 0.3) lowered Libya CNN's AR-1 by 0.003:
# the day's centroid already holds its leads.
POSITION_WEIGHT = 0.1
# A timeline sentence stands alone: one that opens by pointing back ("He said ...",
# "But the talks ...", "This was ...") needs the sentence before it, which the
# timeline does not print. Leave one topic out, AR-1 / AR-2 (tilse's fast ROUGE): Libya
# CNN 0.134 / 0.055 at 0 -> 0.149 / 0.073 at 0.05 (and up to 0.3); finance 0.100 /
# 0.018 -> 0.101 / 0.018 at 0.05, 0.100 / 0.017 at 0.1, 0.099 / 0.017 at 0.3; Libya
# Reuters unchanged.
POINTS_BACK_WEIGHT = 0.05

# A sentence ends with a full stop, a question or exclamation mark, or a closing
# quotation mark or bracket after one; headlines and page furniture do not.
_SENTENCE_END = re.compile(r"""[.!?]\s*(?:["'”’»)]|''|-RRB-)*\s*$""")
# Pipes and runs of capitals are page furniture ("World | Sat Oct 1, 2011 | BRUSSELS").
_FURNITURE = re.compile(r"\|")
# What a sentence splitter leaves before a sentence: a bracket closed in the
# sentence before, an agency's tag ("(CNN) --"), a time stamp in brackets
# ("(2:58 p.m. ET)"); Penn Treebank text writes brackets as -LRB- and -RRB-.
_OPEN, _CLOSE = r"(?:\(|-LRB-)", r"(?:\)|-RRB-)"
_LEFTOVER_OPENING = re.compile(
    rf"^(?:\s|{_CLOSE}|--|[—–:])+"
    rf"|^{_OPEN}?\s*[A-Z][\w.]{{0,15}}(?:\s+[\w.]{{1,15}}){{0,3}}\s*{_CLOSE}\s*(?:--|[-—–:])\s*"
    rf"|^{_OPEN}[^()]{{1,80}}?{_CLOSE}\s*(?:--|[—–:])?\s*(?=[A-Z])"
    # "TRIPOLI, Libya (CNN) --": a dateline the splitter cut after the city.
    rf"|^[A-Z][\w.]*(?:,?\s+[\w.]+){{0,3}}\s*{_OPEN}\s*[A-Z]{{2,10}}\s*{_CLOSE}\s*(?:--|[-—–:])\s*"
)
_BRACKET = re.compile(rf"{_OPEN}|{_CLOSE}")
# A photo's caption ("Jeff Pachoud - AP)", "REUTERS/Goran Tomasevic") describes a picture.
_PHOTO_CREDIT = re.compile(
    rf"(?:^|\s)[-–]\s+(?:AP|AFP|Reuters|REUTERS|Getty Images|EPA)\s*{_CLOSE}|\b(?:REUTERS|AP Photo)/"
)
# Words that open a sentence by pointing back to the one before it.
_POINTS_BACK = re.compile(r"^(?:He|She|It|They|This|That|These|Those|We|I|But|And|So)\b")
# A sentence opens with a capital, a digit or a quotation mark; anything else is
# the tail of a sentence cut in two ("-RRB- , the senior Republican on ...").
_SENTENCE_START = re.compile(r"""^(?:[A-Z0-9"'“‘]|``)""")


@dataclass(frozen=True)
class Candidate:
    """A sentence that may tell a day, with its words counted once."""

    sentence: DatedSentence
    words: tuple[str, ...]
    mentions_day: bool  # it names the day (rather than being a lead published on it)
    event_sources: int = 0  # sources of the day's events it is evidence of
    lead: int | None = None  # its place among the prose of an article published on the day


def is_prose(sentence: DatedSentence, words: Sequence[str]) -> bool:
    """True when a sentence reads as a statement fit for a timeline."""
    return (
        MIN_WORDS <= len(words) <= MAX_WORDS
        and _SENTENCE_END.search(sentence.text) is not None
        and _FURNITURE.search(sentence.text) is None
        and _PHOTO_CREDIT.search(sentence.text) is None
        and _SENTENCE_START.match(timeline_text(sentence.text)) is not None
    )


def _after_stray_bracket(text: str) -> str:
    """What follows the last bracket closed that the sentence never opened: the
    text after a photo credit or a comment's numbering ("... Bloomberg News) Market
    turbulence continued ...")."""
    depth, cut = 0, 0
    for bracket in _BRACKET.finditer(text):
        if bracket.group() in ("(", "-LRB-"):
            depth += 1
        elif depth:
            depth -= 1
        else:
            cut = bracket.end()
    return text[cut:]


def timeline_text(text: str) -> str:
    """A sentence as a timeline prints it: without what the sentence splitter left
    before it, nor the date of a chronology entry (the timeline shows it)."""
    text = _without_leftovers(_after_stray_bracket(text))
    # "Sept. 18 : -- The Fed ...": an entry's date may be followed by a dash.
    return _without_leftovers(entry_text(text))


def _without_leftovers(text: str) -> str:
    for _ in range(3):  # "-RRB- (CNN) --": leftovers come in layers
        stripped = _LEFTOVER_OPENING.sub("", text, count=1)
        if stripped == text:
            break
        text = stripped
    return text.strip()


def candidates_by_day(
    sentences: Sequence[DatedSentence],
    days: Iterable[date],
    events: Iterable[DayEvent] = (),
) -> dict[date, list[Candidate]]:
    """For each of ``days``, the prose sentences that name it, lead an article of it, or
    report one of its events."""
    wanted = set(days)
    leads = lead_places(sentences)
    found: dict[date, dict[tuple[str, int], Candidate]] = defaultdict(dict)
    for sentence in sentences:
        named = mentioned_days(sentence)
        key = (sentence.article_id, sentence.number)
        place = leads.get(key)
        is_lead = (
            sentence.number < LEAD_SENTENCES
            and not named
            and sentence.published in wanted
            and not _names_other_days(sentence)
        )
        if not (named & wanted) and not is_lead:
            continue
        words = tuple(words_of(sentence.text))
        if not is_prose(sentence, words):
            continue
        for day in named & wanted:
            lead = place if day == sentence.published else None
            found[day][key] = Candidate(sentence, words, mentions_day=True, lead=lead)
        if is_lead and sentence.published is not None:
            found[sentence.published][key] = Candidate(
                sentence, words, mentions_day=False, lead=place
            )
    for day, sentence, sources in _evidence(sentences, wanted, events):
        key = (sentence.article_id, sentence.number)
        known = found[day].get(key)
        if known is not None:
            found[day][key] = replace(known, event_sources=known.event_sources + sources)
            continue
        words = tuple(words_of(sentence.text))
        if is_prose(sentence, words):
            lead = leads.get(key) if sentence.published == day else None
            found[day][key] = Candidate(
                sentence, words, mentions_day=False, event_sources=sources, lead=lead
            )
    return {day: list(candidates.values()) for day, candidates in found.items()}


def lead_places(sentences: Iterable[DatedSentence]) -> dict[tuple[str, int], int]:
    """(article, sentence number) -> place among the article's prose sentences, for the
    first ``LEAD_SENTENCES`` prose sentences of every article (headlines and page
    furniture do not count)."""
    places: dict[tuple[str, int], int] = {}
    counted: dict[str, int] = defaultdict(int)
    for sentence in sorted(sentences, key=lambda s: (s.article_id, s.number)):
        place = counted[sentence.article_id]
        if place < LEAD_SENTENCES and is_prose(sentence, words_of(sentence.text)):
            places[(sentence.article_id, sentence.number)] = place
            counted[sentence.article_id] = place + 1
    return places


def _evidence(
    sentences: Sequence[DatedSentence], days: set[date], events: Iterable[DayEvent]
) -> Iterable[tuple[date, DatedSentence, int]]:
    """(day, sentence, sources) for each sentence an event of one of ``days`` was read in."""
    by_article: dict[str, list[DatedSentence]] = defaultdict(list)
    for sentence in sentences:
        by_article[sentence.article_id].append(sentence)
    starts: dict[str, list[int]] = {}
    for article, told in by_article.items():
        told.sort(key=lambda sentence: sentence.start)
        starts[article] = [sentence.start for sentence in told]
    for event in events:
        if event.first_day not in days:
            continue
        seen: set[tuple[str, int]] = set()
        for article, start, _ in event.evidence:
            if article not in starts:
                continue
            index = bisect.bisect_right(starts[article], start) - 1
            if index < 0:
                continue
            sentence = by_article[article][index]
            if start < sentence.end and (article, sentence.number) not in seen:
                seen.add((article, sentence.number))
                yield event.first_day, sentence, event.sources


class SentencePicker:
    """Chooses sentences for the days of one timeline, never telling the same thing twice.

    IDF weights come from all the sentences given, so that words every
    article repeats (the story's own name) weigh little and the words of
    what happened weigh much.
    """

    def __init__(self, sentences: Sequence[DatedSentence]) -> None:
        self._idf = idf_of(words_of(sentence.text) for sentence in sentences)
        self._unseen = max(self._idf.values(), default=1.0)
        self._chosen: list[Vector] = []

    def pick(self, candidates: Sequence[Candidate], count: int, day: date) -> tuple[str, ...]:
        """Up to ``count`` sentences from ``candidates`` to tell ``day``, most central first,
        each printed without naming ``day`` again (:func:`~.own_day.without_own_day`)."""
        vectors = [
            tfidf(candidate.words, self._idf, unseen=self._unseen) for candidate in candidates
        ]
        # A journalist's chronology entry for the day is already a timeline sentence,
        # and where two or more list the day, what they agree on is what it says: the
        # reports and event evidence around them do not move that choice.
        entries = [c.mentions_day and is_chronology_entry(c.sentence.text) for c in candidates]
        listed = [vector for vector, entry in zip(vectors, entries, strict=True) if entry]
        middle = centroid(listed if len(listed) >= 2 else vectors)
        most = max((candidate.event_sources for candidate in candidates), default=0)

        def worth(candidate: Candidate, vector: Vector) -> float:
            sourced = math.log1p(candidate.event_sources) / math.log1p(most) if most else 0.0
            named = NAMED_WEIGHT if candidate.mentions_day else 0.0
            place = 1.0 / (1 + candidate.lead) if candidate.lead is not None else 0.0
            back = POINTS_BACK_WEIGHT if _points_back(candidate.sentence.text) else 0.0
            return (
                cosine(vector, middle)
                + EVENT_WEIGHT * sourced
                + named
                + POSITION_WEIGHT * place
                - back
            )

        ranked = sorted(
            zip(candidates, vectors, entries, strict=True),
            key=lambda row: (not row[2], -worth(row[0], row[1]), row[0].sentence.text),
        )
        picked: list[str] = []
        for candidate, vector, _ in ranked:
            if len(picked) == count:
                break
            if not vector or self._repeats(vector):
                continue
            picked.append(without_own_day(timeline_text(candidate.sentence.text), day))
            self._chosen.append(vector)
        return tuple(picked)

    def _repeats(self, vector: Mapping[str, float]) -> bool:
        return any(cosine(vector, earlier) > REDUNDANCY for earlier in self._chosen)


def _points_back(text: str) -> bool:
    return _POINTS_BACK.match(timeline_text(text)) is not None


def _names_other_days(sentence: DatedSentence) -> bool:
    return any(
        first != sentence.published or last != sentence.published
        for first, last, _ in sentence.dates
    )
