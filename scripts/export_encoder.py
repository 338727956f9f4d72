"""Export a saved vector coder's encoder again, without training it again.

    python scripts/export_encoder.py [FOLDER]   # default: knowledge/coder_minilm

Writes ``encoder.onnx`` (the packaged MiniLM cut to the coder's depth, its
tuned layers from ``encoder.npz`` over it, float32) and ``tokenizer.json``
into the folder: what coding reads, on onnxruntime. Training does the same
when it saves a coder (``dateline.coder.encoder.save_tuned``); this is for
a folder saved before, or after a change of the export. Needs the
``embeddings`` extra (torch and the packaged MiniLM).
"""

from __future__ import annotations

import argparse
from pathlib import Path

from dateline.coder.encoder import DEPTH, export_encoder
from dateline.coder.minilm import MODEL_FILE
from dateline.coder.model import SHIPPED_MODEL, EventCoder


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("folder", type=Path, nargs="?", default=SHIPPED_MODEL)
    args = parser.parse_args()
    coder = EventCoder.load(args.folder)
    if not coder.reads_vectors:
        parser.error(f"{args.folder}: a coder that reads no vectors has no encoder")
    export_encoder(args.folder, int(coder.meta.get("encoder", {}).get("depth", DEPTH)))
    size = (args.folder / MODEL_FILE).stat().st_size / 1e6
    print(f"{args.folder / MODEL_FILE}: {size:.1f} MB")


if __name__ == "__main__":
    main()
