"""Rebuild the shipped role model from the marked sources and targets of PLV.

    python scripts/train_roles.py [--data ../shared/data] [--c 0.5]

Each sentence of ``plover-train/plv_train.jsonl`` less its fixed
development fifth (the part ``dateline eval roles --split dev`` scores) is
parsed; its trigger is the lexicon's trigger of the gold type (else the
lexicon's main trigger, else the sentence's root); every candidate phrase
of the sentence (:func:`dateline.events.role_model.candidates`) is labelled
source, target or none by whether its head lies in a marked span. A
multinomial logistic regression (scikit-learn) learns the three classes;
the least probability at which the model gives the target the rules left
empty is chosen by five-fold cross-validation on the training part. Writes
``src/dateline/knowledge/roles/role_model.json``; about a minute on two
CPU cores. Seeded: the same data gives the same weights.
"""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

import numpy as np
from sklearn.feature_extraction import DictVectorizer
from sklearn.linear_model import LogisticRegression
from sklearn.model_selection import StratifiedKFold

from dateline.actors import resolve_doc
from dateline.coder.labels import LabelledSentence, development_split, read_labels
from dateline.events.lexicon import DEFAULT_PREPS
from dateline.events.role_model import CLASSES, ROLE_MODEL_FILE, RoleModel, candidates, features
from dateline.events.roles import find_roles
from dateline.events.triggers import find_triggers
from dateline.events.values import EventTrigger
from dateline.nlp import parse_many
from dateline.settings import load_settings

DATA = Path(__file__).resolve().parents[2] / "shared" / "data"
THRESHOLDS = [round(0.05 * k, 2) for k in range(2, 15)]
# PLV's older root and the type the lexicon gives its sentences.
OLDER = {"YIELD": ("CONCEDE", "RETREAT")}


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--data", type=Path, default=DATA)
    parser.add_argument("--c", type=float, default=0.5, help="inverse regularisation strength")
    args = parser.parse_args()
    items = development_split(read_labels(args.data / "plover-train" / "plv_train.jsonl"))[0]
    items = [item for item in items if item.source or item.target]
    settings = load_settings({"coder_model": "none"})
    rows: list[dict[str, int]] = []
    labels: list[int] = []
    groups: list[int] = []
    rule_labels: list[str] = []
    docs = parse_many((item.sentence for item in items), settings, size_hint=len(items))
    for number, (item, doc) in enumerate(zip(items, docs, strict=True)):
        resolve_doc(doc, None)  # the actor phrases the role features read
        trigger = _trigger(doc, item)
        if trigger is None:
            continue
        rules = find_roles(trigger)
        for token in candidates(trigger, rules):
            found = features(trigger, token, rules)
            rows.append(dict.fromkeys(found, 1))
            labels.append(_label(token, item))
            groups.append(number)
            rule_labels.append(next(f for f in found if f.startswith("rule="))[5:])
    vectorizer = DictVectorizer()
    x = vectorizer.fit_transform(rows)
    y = np.array(labels)
    print(f"{len(items)} sentences, {len(rows)} candidates; classes {np.bincount(y)}")
    probabilities = _cross_validated(x, y, np.array(groups), args.c)
    min_target = _best_threshold(probabilities, y, groups, rule_labels, 2)
    final = LogisticRegression(C=args.c, max_iter=5000)
    final.fit(x, y)
    names = vectorizer.get_feature_names_out()
    coefficients = final.coef_.T  # features x classes
    weights = {
        str(name): tuple(round(float(w), 5) for w in coefficients[k])
        for k, name in enumerate(names)
        if np.abs(coefficients[k]).max() >= 1e-4
    }
    model = RoleModel(
        weights=weights,  # type: ignore[arg-type]
        bias=tuple(round(float(b), 5) for b in final.intercept_),  # type: ignore[arg-type]
        min_target=min_target,
    )
    ROLE_MODEL_FILE.parent.mkdir(parents=True, exist_ok=True)
    ROLE_MODEL_FILE.write_text(model.to_json() + "\n", encoding="utf-8")
    print(
        f"wrote {ROLE_MODEL_FILE}: {len(weights)} features, least target probability {min_target}"
    )


def _trigger(doc, item: LabelledSentence) -> EventTrigger | None:  # type: ignore[no-untyped-def]
    wanted = OLDER.get(item.type, (item.type,))
    found = find_triggers(doc)
    typed = [t for t in found if t.type in wanted]
    pool = typed or found
    if pool:
        return min(pool, key=lambda t: _depth(t.anchor))
    root = next(iter(doc.sents)).root
    return EventTrigger(
        type=wanted[0],
        mode=None,
        kind="learned",
        anchor=root,
        start=root.i,
        end=root.i + 1,
        preps=DEFAULT_PREPS,
    )


def _depth(token) -> int:  # type: ignore[no-untyped-def]
    depth = 0
    while token.head.i != token.i:
        token, depth = token.head, depth + 1
    return depth


def _label(token, item: LabelledSentence) -> int:  # type: ignore[no-untyped-def]
    for label, spans in ((1, item.source), (2, item.target)):
        for span in spans:
            start = item.sentence.find(span)
            if start >= 0 and start <= token.idx < start + len(span):
                return label
    return 0


def _cross_validated(x, y, groups, c: float):  # type: ignore[no-untyped-def]
    """Out-of-fold probabilities, folds by sentence so no sentence is its own witness."""
    probabilities = np.zeros((len(y), len(CLASSES)))
    sentences = np.unique(groups)
    folds = StratifiedKFold(n_splits=5, shuffle=True, random_state=7)
    strata = np.zeros(len(sentences), dtype=int)
    for train, _ in folds.split(sentences, strata):
        train_rows = np.isin(groups, sentences[train])
        model = LogisticRegression(C=c, max_iter=5000)
        model.fit(x[train_rows], y[train_rows])
        probabilities[~train_rows] = model.predict_proba(x[~train_rows])
    return probabilities


def _best_threshold(probabilities, y, groups, rule_labels, k: int) -> float:  # type: ignore[no-untyped-def]
    """The least probability at which the model fills role ``k`` (1 source, 2 target)
    where the rules left it empty, for the best F1 of the heads chosen."""
    rule = "actor" if k == 1 else "recipient"
    by_sentence: dict[int, list[int]] = {}
    for row, group in enumerate(groups):
        by_sentence.setdefault(group, []).append(row)
    best, best_f1 = THRESHOLDS[-1], -1.0
    for threshold in THRESHOLDS:
        gold = predicted = right = 0
        for rows in by_sentence.values():
            gold += any(y[r] == k for r in rows)
            chosen = [r for r in rows if rule_labels[r] == rule]
            top = max(rows, key=lambda r: probabilities[r, k])
            if not chosen and probabilities[top, k] >= threshold:
                chosen = [top]
            predicted += bool(chosen)
            right += any(y[r] == k for r in chosen)
        precision = right / predicted if predicted else 0.0
        recall = right / gold if gold else 0.0
        f1 = 2 * precision * recall / (precision + recall) if right else 0.0
        print(f"  {CLASSES[k]} >= {threshold:.2f}: P {precision:.3f} R {recall:.3f} F1 {f1:.3f}")
        if f1 > best_f1:
            best, best_f1 = threshold, f1
    return best


if __name__ == "__main__":
    sys.exit(main())
