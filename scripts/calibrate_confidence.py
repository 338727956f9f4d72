"""Fit the maps that make an event's confidence a frequency (dateline.coder.confidence).

    python scripts/calibrate_confidence.py [--data ../shared/data] [--only minilm|sparse|rules]

Everything is fitted on PLV's training four fifths; the development fifth
(``dateline eval coder ... --split dev``) is never read, so it measures the
maps. An event is right when its PLOVER type is its sentence's gold type
(YIELD accepts CONCEDE or RETREAT); every event that stands (not negated, not
hypothetical) is judged, so a second act read in a sentence labelled with
another type counts as wrong.

- The coders' maps (``knowledge/coder/calibration.json``,
  ``knowledge/coder_minilm/calibration.json``): the training sentences are
  cut into five seeded folds; for a fold, a draft coder is trained by the
  shipped recipe (``scripts/train_coder.py``) on the other folds, the
  codebook sentences and the sentences that report no act, and reads the
  fold's sentences; the map is fitted on these out-of-fold readings. The
  sparse coder takes all five folds (a minute each); the MiniLM coder, whose
  draft tunes the encoder (a quarter of an hour or more on two cores), the
  first ``--minilm-folds`` (1), with the shipped coder's temperature.
- The rules' map (``knowledge/rules_calibration.json``): the lexicon alone
  reads every training sentence (nothing in it was fitted on them).

- Every map's ``later`` weight (an act told after the text's first act): the
  synthetic stories' training part (less the development fifth, a seeded
  shuffle of their ids as for PLV, and less the CONCEDE and RETREAT stories,
  whose lead sentences train the coder) are read whole by the map's coder; an
  act is right when its type is the story's. ``--later-only`` fits these
  weights alone, on top of the maps as they are (a few minutes).

Seeded and reproducible: the same data gives the same maps on the same
machine. Rerun it after ``scripts/train_coder.py``.
"""

from __future__ import annotations

import argparse
import json
from collections.abc import Sequence
from pathlib import Path
from typing import Any

import numpy as np
from train_coder import CODEBOOK_EXAMPLES, CODEBOOK_WEIGHT, DATA, PARTS, _lead_sentences

from dateline.coder.confidence import (
    CALIBRATION_FILE,
    IDENTITY,
    RULES_CALIBRATION,
    ConfidenceMap,
    fit_confidence_map,
    fit_later_weight,
    mention_features,
    rules_map,
)
from dateline.coder.examples import TrainingExample, read_sentences
from dateline.coder.labels import LabelledSentence, development_split, read_labels
from dateline.coder.model import SHIPPED_MODEL, SHIPPED_SPARSE_MODEL, EventCoder
from dateline.coder.training import fit_coder, fit_tuned_coder, training_examples
from dateline.evaluate.coder import as_gold_type, reliability
from dateline.events import find_mentions
from dateline.nlp import parse_many
from dateline.settings import Settings, load_settings

FOLDS = 5
SEED = 2024
MINILM_FOLDS = 1
# What each map reads (dateline.coder.confidence): the coders' maps the
# coder's probability alone, so that they never reorder a sentence's events.
CODER_FEATURES = ("coder",)
RULES_FEATURES = ("phrase", "verb", "noun", "actor", "recipient")
# The events that stand: the pipeline drops hypothetical acts, the scores negated ones.
_JUDGED_OUT = ("negated", "hypothetical")

Judged = list[tuple[dict[str, float], bool]]


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--data", type=Path, default=DATA)
    parser.add_argument("--only", choices=("minilm", "sparse", "rules"))
    parser.add_argument("--minilm-folds", type=int, default=MINILM_FOLDS)
    parser.add_argument("--later-only", action="store_true", help="fit the later weights alone")
    args = parser.parse_args()
    settings = load_settings({"coder_model": "none"})
    if not args.later_only:
        _fit_maps(args, settings)
    _fit_later(args, settings)


def _fit_maps(args: argparse.Namespace, settings: Settings) -> None:
    """The maps' own weights, on PLV's training four fifths."""
    items = development_split(read_labels(args.data / "plover-train" / "plv_train.jsonl"))[0]
    docs = list(parse_many([item.sentence for item in items], settings, size_hint=len(items)))
    if args.only in (None, "rules"):
        judged = _judge(items, docs, range(len(items)), None)
        _write(
            RULES_CALIBRATION, judged, RULES_FEATURES, "all training sentences, the lexicon alone"
        )
    coders = [("sparse", SHIPPED_SPARSE_MODEL, FOLDS), ("minilm", SHIPPED_MODEL, args.minilm_folds)]
    coders = [c for c in coders if args.only in (None, c[0])]
    if not coders:
        return
    guides = read_sentences(*_lead_sentences(args.data), settings)
    examples = training_examples(
        items, settings, more=[CODEBOOK_EXAMPLES], more_weight=CODEBOOK_WEIGHT, guides=guides
    )
    fold_of = np.random.default_rng(SEED).permutation(len(items)) % FOLDS
    for name, folder, folds in coders:
        shipped = EventCoder.load(folder)
        judged = []
        for fold in range(folds):
            held = [i for i in range(len(items)) if fold_of[i] == fold]
            kept = [e for i, e in enumerate(examples) if i >= len(items) or fold_of[i] != fold]
            draft = _draft(kept, shipped)
            judged += _judge(items, docs, held, draft)
            print(f"{name}: fold {fold + 1} of {folds} read ({len(judged)} events so far)")
        what = f"out-of-fold readings of {folds} of {FOLDS} folds of the training sentences"
        _write(folder / CALIBRATION_FILE, judged, CODER_FEATURES, what)


def _fit_later(args: argparse.Namespace, settings: Settings) -> None:
    """Each chosen map's ``later`` weight, on the synthetic stories' training part."""
    stories = _later_stories(args.data)
    docs = list(parse_many([s.sentence for s in stories], settings, size_hint=len(stories)))
    maps: list[tuple[Path, EventCoder | None]] = []
    if args.only in (None, "rules"):
        maps.append((RULES_CALIBRATION, None))
    for name, folder in (("sparse", SHIPPED_SPARSE_MODEL), ("minilm", SHIPPED_MODEL)):
        if args.only in (None, name):
            maps.append((folder / CALIBRATION_FILE, EventCoder.load(folder)))
    for path, coder in maps:
        mapping = coder.calibration if coder is not None else rules_map()
        judged = _judge(stories, docs, range(len(stories)), coder)
        features, right = [f for f, _ in judged], [r for _, r in judged]
        weight = fit_later_weight(mapping, features, right)
        data = json.loads(path.read_text(encoding="utf-8"))
        data["weights"] = mapping.with_weight("later", weight).to_dict()["weights"]
        data["later_fitted_on"] = (
            f"{len(stories)} synthetic stories (their training part, less CONCEDE and "
            f"RETREAT): {len(judged)} events, {sum(f.get('later', 0.0) for f in features):.0f} "
            "of them later acts"
        )
        path.write_text(json.dumps(data, indent=1) + "\n", encoding="utf-8")
        print(f"{path}: later {weight} ({data['later_fitted_on']})")


def _later_stories(data: Path) -> list[LabelledSentence]:
    """The synthetic stories that fit the later weights, each as one labelled text."""
    path = data / "plover-synthetic" / "synthetic_stories.jsonl"
    stories = [
        LabelledSentence(id=str(s["id"]), sentence=str(s["text"]).strip(), type=str(s["type"]))
        for s in map(json.loads, path.read_text(encoding="utf-8").splitlines())
    ]
    training = development_split(stories)[0]
    return [s for s in training if s.type not in PARTS]


def _draft(examples: Sequence[TrainingExample], shipped: EventCoder) -> EventCoder:
    """A coder trained by the shipped coder's recipe (its temperature, for a MiniLM one)."""
    if shipped.reads_vectors:
        return fit_tuned_coder(examples, temperature=float(shipped.meta["temperature"]))
    return fit_coder(examples)


def _judge(
    items: Sequence[LabelledSentence],
    docs: Sequence[Any],
    indices: Sequence[int] | range,
    coder: EventCoder | None,
) -> Judged:
    """Each standing event of the sentences at ``indices``: its features, and whether
    its type is the sentence's gold type."""
    gold_types = {item.type for item in items}
    judged = []
    for i in indices:
        for mention in find_mentions(docs[i], coder=coder):
            if mention.status not in _JUDGED_OUT:
                right = as_gold_type(mention.type, gold_types) == items[i].type
                judged.append((mention_features(mention), right))
    return judged


def _write(path: Path, judged: Judged, names: Sequence[str], what: str) -> None:
    features = [row for row, _ in judged]
    right = [r for _, r in judged]
    fitted = fit_confidence_map(features, right, names)
    # Before: a coder's probability as it is (the rules had no such map).
    ece = {"calibrated": round(_ece(fitted, features, right), 4)}
    if "coder" in names:
        ece["coder_probability"] = round(_ece(IDENTITY, features, right), 4)
    data = {
        **fitted.to_dict(),
        "fitted_on": f"PLV plv_train.jsonl less its development fifth: {what}",
        "events": len(judged),
        "right": sum(right),
        "ece_on_these_events": ece,
        "rebuild": "python scripts/calibrate_confidence.py",
    }
    path.write_text(json.dumps(data, indent=1) + "\n", encoding="utf-8")
    print(f"{path}: {len(judged)} events, ECE {ece}: {fitted.to_dict()}")


def _ece(
    mapping: ConfidenceMap, features: Sequence[dict[str, float]], right: Sequence[bool]
) -> float:
    pairs = [(mapping.confidence(f), r) for f, r in zip(features, right, strict=True)]
    return reliability(pairs).ece


if __name__ == "__main__":
    main()
