"""What the learned event coder reads of a sentence: words, lemmas and who-did-what pairs.

The same function serves training and coding, so a model never sees
features made another way than the ones it was trained on. Features are
strings (a linear model weighs each one):

- ``w:`` lemma unigrams and ``b:`` lemma bigrams of the content words, with
  negation kept ("not", "never" are the difference between AGREE and REJECT);
- ``v:`` the lemma of every verb, ``r:`` the sentence's main verb;
- ``vo:`` a verb with its object or its preposition's object ("fire|gas",
  "fire_at|minibus"), the pairs that name an act most plainly;
- ``e:`` the kinds of named entity present (a GPE acting on an ORG);
- ``lex:`` the types the trigger lexicon matched in the sentence, and
  ``lexroot:`` the one matched at its main verb: the lexicon's word, which
  the model learns to weigh (measured on PLV's training part, five folds:
  macro-F1 0.67 without, 0.69 with).

Numbers, punctuation and proper names are left to the entity kinds: the
coder must learn what was done, not who did it.
"""

from __future__ import annotations

from collections.abc import Iterable
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from spacy.tokens import Span, Token

    from ..events.values import EventTrigger

__all__ = ["sentence_features"]

_KEEP_STOP = frozenset({"not", "no", "never", "against", "off", "out", "down", "up", "back"})
_OBJECT_DEPS = frozenset({"dobj", "obj", "attr", "oprd", "nsubjpass", "xcomp", "ccomp"})
_CONTENT_POS = frozenset({"NOUN", "VERB", "ADJ", "ADV", "ADP", "PART", "AUX"})


def sentence_features(sent: Span, triggers: Iterable[EventTrigger] = ()) -> list[str]:
    """The feature strings of one parsed sentence (or any span of a parsed doc), with
    the lexicon's ``triggers`` in it."""
    lemmas = [_lemma(token) for token in sent if _is_content(token)]
    features = [f"w:{lemma}" for lemma in lemmas]
    features += [f"b:{first}_{second}" for first, second in zip(lemmas, lemmas[1:], strict=False)]
    for token in sent:
        if token.pos_ != "VERB":
            continue
        verb = _lemma(token)
        features.append(f"v:{verb}")
        if token.dep_ == "ROOT" or token is sent.root:
            features.append(f"r:{verb}")
        for child in token.children:
            if child.dep_ in _OBJECT_DEPS:
                features.append(f"vo:{verb}|{_head_word(child)}")
            elif child.dep_ == "prep":
                for grandchild in child.children:
                    if grandchild.dep_ == "pobj":
                        features.append(f"vo:{verb}_{child.lower_}|{_head_word(grandchild)}")
            elif child.dep_ == "neg":
                features.append(f"neg:{verb}")
            elif child.dep_ == "prt":
                features.append(f"v:{verb}_{child.lower_}")
    # Read from the tokens: ``sent.ents`` walks every entity of the whole doc.
    features += sorted({f"e:{token.ent_type_}" for token in sent if token.ent_iob_ == "B"})
    for trigger in triggers:
        features.append(f"lex:{trigger.type}")
        if trigger.anchor.i == sent.root.i:
            features.append(f"lexroot:{trigger.type}")
    return features


def _is_content(token: Token) -> bool:
    if token.is_punct or token.is_space or token.like_num or token.pos_ == "PROPN":
        return False
    if token.is_stop and token.lower_ not in _KEEP_STOP:
        return False
    return token.pos_ in _CONTENT_POS or token.lower_ in _KEEP_STOP


def _head_word(token: Token) -> str:
    """The word that stands for a phrase: its lemma, or its entity kind for a name."""
    if token.ent_type_:
        return token.ent_type_
    if token.pos_ == "PROPN":
        return "PROPN"
    return _lemma(token)


def _lemma(token: Token) -> str:
    return (token.lemma_ or token.text).lower()
