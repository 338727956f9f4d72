"""Cut a parsed document into actor phrases.

A phrase is the stretch of tokens that names one actor or several:

- ``[det] ADJ-country ("," | "and" ADJ-country)* [filler] WORD [NAME]``:
  "the Ethiopian, Kenyan and Somali leaders", "Sudanese troops",
  "Kenyan Interior Minister Kithure Kindiki", "his Indonesian
  counterpart Retno Marsudi", "Russia's foreign minister";
- ``WORD [NAME]`` or ``WORD of COUNTRY ("," | "and" COUNTRY)*``:
  "President Cyril Ramaphosa", "the leaders of Ethiopia and Eritrea";
- ``(the | both | NUM) GROUP-WORD``: "the two presidents", "the sides";
- a known name alone: "Addis Ababa", "the Kremlin", "the UN Security Council";
- a generic actor alone, with its modifiers: "unidentified gunmen", "the
  government", "hundreds of students" (``generic_actors.yaml``), which takes
  the country the sentence names nearest it, a place first ("students
  protesting in Kano" are Nigerian);
- a run of proper nouns: "Ramaphosa", "Marsudi", with an apposition
  ("Olaf Scholz, the German chancellor,") when one follows.

The grammar reads tokens left to right rather than trusting the parse,
because the small model's noun chunks and labels are often wrong on news
prose ("the Ethiopian, Kenyan and Somali leaders" gets a ``preconj``).
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from typing import TYPE_CHECKING

from .gazetteer import NameMatch, WordMatch, match_cities, match_names, match_words
from .generic import modifies, nearest_country, shared_country
from .knowledge import ActorKnowledge, NameEntry, WordEntry
from .memory import NAME_PARTICLES

if TYPE_CHECKING:
    from spacy.tokens import Doc, Token

__all__ = ["Phrase", "find_phrases"]

_GROUP_DETERMINERS = frozenset({"the", "both", "these", "those", "all"})
_POSSESSIVES = frozenset({"his", "her", "their", "its"})
_LOCATIVE = frozenset(
    {"in", "at", "to", "from", "into", "near", "inside", "outside", "around", "across", "toward", "towards", "via", "through", "within"}
)  # fmt: skip
_NOT_NAMES = frozenset({"DATE", "TIME", "CARDINAL", "ORDINAL", "MONEY", "PERCENT", "QUANTITY"})
_COUNTERPART = frozenset({"counterpart", "counterparts", "opposite number"})
_NUMBERS = {"two": 2, "three": 3, "four": 4, "five": 5, "six": 6, "both": 2}


@dataclass(frozen=True)
class Phrase:
    """Tokens ``start`` to ``end`` that name an actor, and what the grammar saw in them."""

    start: int
    end: int
    kind: str  # "demonym", "office", "group", "name", "known", "generic"
    sentence: int
    countries: tuple[str, ...] = ()
    word: WordEntry | None = None
    group_kind: str | None = None
    count: int | None = None
    counterpart: bool = False
    name: str | None = None
    entry: NameEntry | None = None
    appositive: Phrase | None = None  # "the German chancellor" after "Olaf Scholz,"
    is_place: bool = False


class _Reader:
    """A cursor over one document's tokens with its name and word matches."""

    def __init__(self, doc: Doc, knowledge: ActorKnowledge) -> None:
        self.doc = doc
        self.knowledge = knowledge
        self.cities = match_cities(doc, knowledge)
        self.names: dict[int, NameMatch] = {m.start: m for m in match_names(doc, knowledge)}
        taken = {i for m in self.names.values() for i in range(m.start, m.end)}
        self.words: dict[int, WordMatch] = {
            m.start: m for m in match_words(doc, knowledge) if m.start not in taken
        }
        self.sentence_of = [0] * len(doc)
        for number, sentence in enumerate(doc.sents):
            for token in sentence:
                self.sentence_of[token.i] = number
        # Each sentence's names and cities, so that a phrase looks at its own sentence only.
        self.names_in: dict[int, list[NameMatch]] = {}
        for match in self.names.values():
            self.names_in.setdefault(self.sentence_of[match.start], []).append(match)
        self.cities_in: dict[int, list[tuple[int, int, str]]] = {}
        for city in self.cities:
            self.cities_in.setdefault(self.sentence_of[city[0]], []).append(city)

    def countries_at(self, i: int, kinds: tuple[str, ...]) -> tuple[tuple[str, ...], int]:
        """Country codes coordinated from token ``i`` ("Ethiopian, Kenyan and Somali")."""
        codes: list[str] = []
        while i in self.names and self.names[i].entry.kind in kinds:
            match = self.names[i]
            codes.append(match.entry.actor.code)
            i = match.end
            if i < len(self.doc) and self.doc[i].text == "'s" and "country" in kinds:
                i += 1
            nxt = i + 1 if i < len(self.doc) and self.doc[i].text in {",", "and"} else i
            if nxt < len(self.doc) and self.doc[nxt].text == "and":
                nxt += 1
            if nxt != i and nxt in self.names and self.names[nxt].entry.kind in kinds:
                i = nxt
            else:
                break
        return tuple(codes), i

    def name_run(self, i: int) -> int:
        """End of the run of proper-noun tokens starting at ``i`` (``i`` if none).

        A run goes on over particles, hyphens and middle initials between its
        names ("Bashar al-Assad", "Ursula von der Leyen", "Maite
        Nkoana-Mashabane", "George W. Bush"), not into a name known on its own
        ("the Putin-Xi talks" are two people).
        """
        j = i
        while j < len(self.doc):
            if self._is_run_name(j):
                j += 1
                continue
            joint = self._joint_end(j) if j > i else None
            if joint is None or not self._is_run_name(joint):
                break
            j = joint
        return j

    def _is_run_name(self, j: int) -> bool:
        return j < len(self.doc) and self.is_name_token(self.doc[j]) and j not in self.names

    def _joint_end(self, j: int) -> int | None:
        """Where the name goes on after the particles or hyphen at ``j``, if any."""
        k = j
        while k < len(self.doc) and k - j < 3:
            token = self.doc[k]
            if (
                token.text == "-"
                or (token.lower_ in NAME_PARTICLES and token.text.islower())
                or _INITIAL.fullmatch(token.text)
            ):
                k += 1
            else:
                break
        return k if k > j else None

    def is_name_token(self, token: Token) -> bool:
        return (
            # the small model tags unseen surnames as nouns ("Murkomen said"), and a
            # person's name before a noun as an adjective ("pro-Gaddafi forces")
            (
                token.pos_ in {"PROPN", "NOUN"}
                or (token.pos_ == "ADJ" and _is_adjectival_name(token))
            )
            and token.text[:1].isupper()
            and not token.is_upper
            and token.is_alpha
            and token.ent_type_ not in _NOT_NAMES
            and not (token.i in self.words and self.words[token.i].entry is not None)
        )

    def is_place(self, start: int) -> bool:
        """Whether the phrase is the object of a place preposition ("talks held in Doha")."""
        head = self.doc[start : start + 1].root
        while head.dep_ in {"compound", "conj", "amod", "det"} and head.head is not head:
            head = head.head
        return head.dep_ == "pobj" and head.head.lower_ in _LOCATIVE


# A prefix that makes a name an adjective of its side: "pro-Gadhafi forces" are his
# ("anti-Assad protesters" are not Assad's: that prefix is no such sign).
_NAME_PREFIXES = frozenset({"pro"})


def _is_adjectival_name(token: Token) -> bool:
    """Whether a token tagged as an adjective is a name: the tagger's person, or a name
    after "pro-"."""
    if token.ent_type_ == "PERSON":
        return True
    i = token.i
    return i >= 2 and _is_prefix(token.doc, i - 2)


def _is_prefix(doc: Doc, i: int) -> bool:
    return doc[i].lower_ in _NAME_PREFIXES and i + 1 < len(doc) and doc[i + 1].text == "-"


# A middle initial: "W." in "George W. Bush".
_INITIAL = re.compile(r"[A-Z]\.")


def find_phrases(doc: Doc, knowledge: ActorKnowledge) -> list[Phrase]:
    """Every actor phrase of ``doc``, in text order, not overlapping."""
    reader = _Reader(doc, knowledge)
    phrases: list[Phrase] = []
    i = 0
    while i < len(doc):
        phrase = _phrase_at(reader, i)
        if phrase is None:
            i += 1
            continue
        phrases.append(phrase)
        i = max(phrase.end, (phrase.appositive.end if phrase.appositive else phrase.end))
    return phrases


def _phrase_at(reader: _Reader, i: int) -> Phrase | None:
    doc = reader.doc
    start = i
    if doc[i].lower_ in _GROUP_DETERMINERS | _POSSESSIVES:
        i += 1
    count = None
    if i < len(doc) and (doc[i].like_num or doc[i].lower_ in _NUMBERS):
        count = _NUMBERS.get(doc[i].lower_) or _as_int(doc[i].text)
        i += 1
    if i >= len(doc):
        return None
    sentence = reader.sentence_of[i]
    if doc[start].lower_ == "both":
        count = count or 2

    word = reader.words.get(i)
    if word and word.group_kind and (start != i or count):
        of = _of_countries(reader, word.end)
        if of and word.entry:  # "the leaders of Ethiopia and Eritrea"
            return Phrase(start, of[1], "demonym", sentence, countries=of[0], word=word.entry)
        # "the two presidents", "the sides", "both leaders"
        return Phrase(
            start,
            word.end,
            "group",
            sentence,
            group_kind=word.group_kind,
            count=count,
            word=word.entry,
        )
    if count is not None:  # a number only belongs to a group reference: "March 3 Kenyan ..."
        start = i

    match = reader.names.get(i)
    if match is None and start < i and start in reader.names:
        # A name that opens with its article ("the Taliban") was matched from it.
        return _known(reader, start, reader.names[start], sentence)
    if match and match.entry.kind in {"adjective", "country"}:
        countries, j = reader.countries_at(
            i, ("adjective",) if match.entry.kind == "adjective" else ("country",)
        )
        possessive = match.entry.kind == "country"
        if possessive and not (j > 0 and doc[j - 1].text == "'s") and not _sector_noun(reader, j):
            return _known(reader, start if doc[start].lower_ == "the" else i, match, sentence)
        return _demonym(reader, start, j, countries, sentence) or (
            _known(reader, i, match, sentence) if possessive else None
        )
    if match:
        return _known(reader, start if doc[start].lower_ == "the" else i, match, sentence)

    if word and word.entry and word.entry.kind == "office" and doc[i].text[:1].isupper():
        end = reader.name_run(word.end)
        if end > word.end:
            name = doc[word.end : end].text
            return Phrase(start, end, "office", sentence, word=word.entry, name=name)
    if word and word.entry:
        of = _of_countries(reader, word.end)
        if of:  # "the police of Kenya"
            return Phrase(start, of[1], "demonym", sentence, countries=of[0], word=word.entry)
        return _generic(reader, start, word, sentence)

    if _is_prefix(doc, i):  # "Pro-Gaddafi forces": the name after the prefix
        return None
    if reader.is_name_token(doc[i]):
        end = reader.name_run(i)
        return Phrase(
            i, end, "name", sentence, name=doc[i:end].text, appositive=_appositive(reader, end)
        )
    return None


def _sector_noun(reader: _Reader, i: int) -> bool:
    """Whether a sector noun follows a country name at ``i``: "U.S. troops", "Kenya police"."""
    word = reader.words.get(i)
    return bool(word and word.entry and word.entry.kind in ("group", "context"))


def _demonym(
    reader: _Reader, start: int, i: int, countries: tuple[str, ...], sentence: int
) -> Phrase | None:
    doc = reader.doc
    for _ in range(3):  # a filler or two: "Nigerian military personnel", "Sudanese armed forces"
        if i >= len(doc):
            return None
        if doc[i].lower_ in _COUNTERPART:
            end = reader.name_run(i + 1)
            name = doc[i + 1 : end].text if end > i + 1 else None
            return Phrase(
                start, end, "demonym", sentence, countries=countries, counterpart=True, name=name
            )
        word = reader.words.get(i)
        if word and word.entry:
            end = reader.name_run(word.end)
            name = doc[word.end : end].text if end > word.end else None
            return Phrase(
                start, end, "demonym", sentence, countries=countries, word=word.entry, name=name
            )
        if (
            doc[i].pos_ not in {"ADJ", "NOUN", "VERB"}
            or doc[i].text[:1].isupper()
            or i in reader.names
        ):
            return None
        i += 1
    return None


# Dependencies of a word that modifies the noun after it: "police station", "army post".
_MODIFIER_DEPS = frozenset({"compound", "amod", "nmod", "poss"})


def _generic(reader: _Reader, start: int, word: WordMatch, sentence: int) -> Phrase | None:
    """A generic actor ("gunmen", "the government", "suspected militants") with its country;
    an office no one is named to is one too ("the prime minister resigned")."""
    entry, doc = word.entry, reader.doc
    if entry is None or (entry.words not in reader.knowledge.generic and entry.kind != "office"):
        return None
    last = doc[word.end - 1]
    if last.dep_ in _MODIFIER_DEPS and last.head.i >= word.end:
        return None  # the noun only qualifies another: "a police station", "the army post"
    if doc[start].lower_ in _POSSESSIVES or any(c.dep_ == "poss" for c in last.children):
        return None  # "its troops" are someone's named before: a pronoun's work
    while start > 0 and modifies(doc[start - 1], word):  # "unidentified attackers"
        start -= 1
    code = shared_country(reader, last) or nearest_country(reader, word.start, word.end)
    return Phrase(
        start,
        word.end,
        "generic",
        sentence,
        countries=(code,) if code else (),
        word=entry,
        is_place=reader.is_place(word.start),
    )


def _of_countries(reader: _Reader, i: int) -> tuple[tuple[str, ...], int] | None:
    """Countries after "of" at token ``i``, and the end of the phrase."""
    if i + 1 < len(reader.doc) and reader.doc[i].lower_ == "of" and i + 1 in reader.names:
        countries, end = reader.countries_at(i + 1, ("country",))
        if countries:
            return countries, end
    return None


def _known(reader: _Reader, start: int, match: NameMatch, sentence: int) -> Phrase:
    return Phrase(
        start,
        match.end,
        "known",
        sentence,
        entry=match.entry,
        is_place=reader.is_place(match.start),
    )


def _appositive(reader: _Reader, end: int) -> Phrase | None:
    """The phrase after "Name," when it is an untitled office: "Olaf Scholz, the German chancellor"."""
    doc = reader.doc
    if end + 1 < len(doc) and doc[end].text == ",":
        phrase = _phrase_at(reader, end + 1)
        if (
            phrase
            and phrase.kind == "demonym"
            and phrase.word
            and phrase.word.kind == "office"
            and not phrase.name
            and len(phrase.countries) == 1
            and not _starts_a_clause(doc, phrase)
        ):
            return phrase
    return None


# Finite verb forms: "the prime minister of Qatar said" starts a clause.
_FINITE_TAGS = frozenset({"VBD", "VBZ", "VBP", "MD"})


def _starts_a_clause(doc: Doc, phrase: Phrase) -> bool:
    """Whether the phrase after "Name," is the subject of what follows, not an apposition.

    In "how to deal with Gaddafi, the prime minister of Qatar said ..." the
    office is someone else, who speaks: the comma closes the clause before.
    """
    root = doc[phrase.start : phrase.end].root
    if root.dep_ in ("nsubj", "nsubjpass"):
        return True
    return phrase.end < len(doc) and doc[phrase.end].tag_ in _FINITE_TAGS


def _as_int(text: str) -> int | None:
    return int(text) if text.isdecimal() else None
