"""``dateline coder ...``: train the learned event coder on your own labels."""

from __future__ import annotations

from pathlib import Path

import click

from .options import CONTEXT_SETTINGS, build_settings, settings_options

__all__ = ["coder"]


@click.group("coder", context_settings=CONTEXT_SETTINGS)
def coder() -> None:
    """The learned event coder: train one on your own labelled sentences.

    \b
    Example:
        dateline coder train my_labels.jsonl -o models/my-coder
        dateline ingest articles/ --setting coder_model models/my-coder
    """


@coder.command("train", context_settings=CONTEXT_SETTINGS)
@click.argument("labels", type=click.Path(exists=True, dir_okay=False, path_type=Path))
@click.option(
    "-o",
    "--output",
    type=click.Path(file_okay=False, path_type=Path),
    required=True,
    help="Folder to write the model to (created; an existing model there is replaced).",
)
@click.option(
    "--negatives",
    type=click.Path(exists=True, dir_okay=False, path_type=Path),
    multiple=True,
    help="JSONL of sentences that report no act (type NONE); repeatable. "
    "Default: the ones shipped with Dateline.",
)
@click.option(
    "--embeddings/--no-embeddings",
    default=False,
    show_default=True,
    help="Also read MiniLM sentence vectors, its top layers tuned on LABELS, as the "
    "default coder does (needs the 'embeddings' extra; about ten minutes for 2,000 "
    "sentences on two cores).",
)
@click.option(
    "--all-sentences",
    is_flag=True,
    help="Train on every sentence; by default the development fifth "
    "('dateline eval coder --split dev') is left out.",
)
@settings_options
def train_command(
    labels: Path,
    output: Path,
    negatives: tuple[Path, ...],
    embeddings: bool,
    all_sentences: bool,
    setting_pairs: tuple[tuple[str, str], ...],
) -> None:
    """Train the event classifier on LABELS, JSONL with 'sentence' and 'type' per line.

    The fields are those of the PLV data set ('source' and 'target'
    are optional); types are PLOVER's (YIELD, the older root, is split into
    CONCEDE and RETREAT). Point Dateline at the model with the setting
    coder_model.

    \b
    Example:
        dateline coder train labels.jsonl -o models/my-coder
        dateline eval coder labels.jsonl --split dev --setting coder_model models/my-coder
    """
    from ..coder.training import examples_from_files, train

    settings = build_settings(None, setting_pairs)
    examples = examples_from_files(
        labels,
        settings,
        negatives=negatives or None,
        leave_out_dev=not all_sentences,
        progress=True,
    )
    trained = train(
        examples,
        labels=labels,
        leave_out_dev=not all_sentences,
        embeddings=embeddings,
        progress=True,
    )
    trained.save(output)
    counts = ", ".join(f"{name} {n}" for name, n in trained.meta["examples"].items())
    click.echo(f"wrote {output} ({counts})")
