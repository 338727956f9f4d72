"""``dateline eval ...``: the measures of EVALUATION.md."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any, Protocol

import click

from .options import CONTEXT_SETTINGS, build_settings, db_option, json_option, settings_options

__all__ = ["evaluate"]


@click.group("eval", context_settings=CONTEXT_SETTINGS)
def evaluate() -> None:
    """Score Dateline's output against gold annotations.

    Each subcommand prints a table, or JSON with --json.
    """


class Report(Protocol):
    """What every evaluation returns."""

    def to_dict(self) -> dict[str, Any]: ...

    def table(self) -> str: ...


def _print_report(report: Report, as_json: bool) -> None:
    if as_json:
        click.echo(json.dumps(report.to_dict(), indent=2, ensure_ascii=False))
    else:
        click.echo(report.table())


@evaluate.command("articles", context_settings=CONTEXT_SETTINGS)
@click.argument("gold", type=click.Path(exists=True, dir_okay=False, path_type=Path))
@db_option
@settings_options
@json_option
def evaluate_articles_command(
    gold: Path, db: str | None, setting_pairs: tuple[tuple[str, str], ...], as_json: bool
) -> None:
    """Compare the stored articles with the documents of a gold YAML file.

    Articles are matched to gold documents by file name; EVALUATION.md
    section 1 gives the rules.

    \b
    Example:
        dateline ingest ../shared/seeds
        dateline eval articles ../shared/gold/seeds.yaml
    """
    from ..api import Store
    from ..evaluate.articles import evaluate_articles

    store = Store(build_settings(db, setting_pairs), create=False)
    records = [article.to_dict() for article in store.articles()]
    _print_report(evaluate_articles(records, gold), as_json)


@evaluate.command("timex", context_settings=CONTEXT_SETTINGS)
@click.argument("directory", type=click.Path(exists=True, file_okay=False, path_type=Path))
@settings_options
@json_option
def evaluate_timex_command(
    directory: Path, setting_pairs: tuple[tuple[str, str], ...], as_json: bool
) -> None:
    """Score the time tagger on the TimeML (.tml) files of DIRECTORY.

    Extent F1 (strict and relaxed), value F1 and type accuracy as the
    TempEval-3 scorer computes them; EVALUATION.md section 3.

    \b
    Example:
        dateline eval timex tests/fixtures/timeml
    """
    from ..evaluate.timex import evaluate_timex

    _print_report(evaluate_timex(directory, build_settings(None, setting_pairs)), as_json)


@evaluate.command("events", context_settings=CONTEXT_SETTINGS)
@click.argument("gold", type=click.Path(exists=True, dir_okay=False, path_type=Path))
@db_option
@settings_options
@json_option
def evaluate_events_command(
    gold: Path, db: str | None, setting_pairs: tuple[tuple[str, str], ...], as_json: bool
) -> None:
    """Compare the stored events with the events of a gold YAML file.

    Recall, precision, date accuracy, fragmentation, source coverage and
    role accuracy against their targets, then why each gold event was
    missed or judged wrong; EVALUATION.md section 2 gives the rules.

    \b
    Example:
        dateline ingest ../shared/seeds
        dateline eval events ../shared/gold/seeds.yaml --json
    """
    from ..api import Store
    from ..evaluate.events import evaluate_events

    store = Store(build_settings(db, setting_pairs), create=False)
    # Every event, negated ones too: the report counts them apart from precision.
    records = [event.to_dict() for event in store.iter_events(include_negated=True)]
    _print_report(evaluate_events(records, gold), as_json)


@evaluate.command("tls", context_settings=CONTEXT_SETTINGS)
@click.argument(
    "directories",
    metavar="DIRECTORY...",
    nargs=-1,
    required=True,
    type=click.Path(exists=True, file_okay=False, path_type=Path),
)
@click.option(
    "--db-dir",
    type=click.Path(file_okay=False, path_type=Path),
    help="Keep each topic's database as DIR/<topic>.db and reuse it (default: a temporary one).",
)
@click.option(
    "--without-chronologies",
    is_flag=True,
    help="Remove the topic's chronology articles first (one topic; several are scored both ways).",
)
@settings_options
@json_option
def evaluate_tls_command(
    directories: tuple[Path, ...],
    db_dir: Path | None,
    without_chronologies: bool,
    setting_pairs: tuple[tuple[str, str], ...],
    as_json: bool,
) -> None:
    """Score summary timelines on Timeline17-style topics, each in a DIRECTORY.

    A DIRECTORY holds articles.jsonl (id, time, text) and timelines.jsonl
    (gold timelines). Date F1 and alignment-based ROUGE-1/2 F1 (tilse),
    averaged over the gold timelines, beside the busiest-days baseline (the
    days with the most articles, each told by its first sentences); a topic
    more than 0.02 below the baseline on date F1 or AR-1 is flagged as
    losing to it. EVALUATION.md section 4. With several DIRECTORY, leave one topic out:
    each topic is summarised by a date ranker trained on the others, with
    its chronology articles kept and removed.

    \b
    Example:
        dateline eval tls ../shared/data/t17-libya-reuters --json
        dateline eval tls ../shared/data/t17-* --db-dir /tmp/tls
    """
    from ..evaluate.tls import evaluate_tls, evaluate_topics

    settings = build_settings(None, setting_pairs)
    if db_dir is not None:
        db_dir.mkdir(parents=True, exist_ok=True)
    dbs = [str(db_dir / f"{folder.name}.db") if db_dir else None for folder in directories]
    if len(directories) == 1:
        report = evaluate_tls(
            directories[0], settings, db=dbs[0], without_chronologies=without_chronologies
        )
        _print_report(report, as_json)
    else:
        _print_report(evaluate_topics(directories, settings, dbs=dbs), as_json)


# Labelled sentences: all, or the fixed development fifth (coder and roles alike).
split_option = click.option(
    "--split",
    type=click.Choice(["all", "dev"]),
    default="all",
    show_default=True,
    help="Score every sentence, or only the fixed development fifth that training leaves out.",
)


@evaluate.command("coder", context_settings=CONTEXT_SETTINGS)
@click.argument("labels", type=click.Path(exists=True, dir_okay=False, path_type=Path))
@split_option
@settings_options
@json_option
def evaluate_coder_command(
    labels: Path, split: str, setting_pairs: tuple[tuple[str, str], ...], as_json: bool
) -> None:
    """Score the event coder on a labelled JSONL file (sentence, type; source, target optional).

    Each sentence is coded on its own; its prediction is the type of its
    most confident event that is not negated. Per-type precision, recall and
    F1, macro-F1, accuracy and the share of sentences with no event;
    EVALUATION.md section 2b. A gold YIELD accepts CONCEDE or RETREAT.
    Then how far confidence can be trusted: every event not negated is right
    when its type is the gold type (an event on a NONE sentence is wrong);
    per tenth of confidence, the events, their mean confidence and the share
    right, the band around 0.8, and the expected calibration error (ECE).

    \b
    Example:
        dateline eval coder labels.jsonl --split dev
        dateline eval coder my_labels.jsonl --setting coder_model none
    """
    from ..evaluate.coder import evaluate_coder

    settings = build_settings(None, setting_pairs)
    _print_report(evaluate_coder(labels, settings, split=split, progress=True), as_json)


@evaluate.command("roles", context_settings=CONTEXT_SETTINGS)
@click.argument("labels", type=click.Path(exists=True, dir_okay=False, path_type=Path))
@split_option
@settings_options
@json_option
def evaluate_roles_command(
    labels: Path, split: str, setting_pairs: tuple[tuple[str, str], ...], as_json: bool
) -> None:
    """Score who acted and on whom on a labelled JSONL file (sentence, type, source, target).

    Each sentence is coded on its own. An actor matches the marked source
    when its words lie in the sentence and share a content word with the
    source (recipients and the target alike). Source and target span recall
    and precision, and dyad accuracy (an event of the gold type with both
    roles right); EVALUATION.md section 2c.

    \b
    Example:
        dateline eval roles labels.jsonl --split dev
    """
    from ..evaluate.roles import evaluate_roles

    settings = build_settings(None, setting_pairs)
    _print_report(evaluate_roles(labels, settings, split=split, progress=True), as_json)


@evaluate.command("link", context_settings=CONTEXT_SETTINGS)
@click.argument("labels", type=click.Path(exists=True, dir_okay=False, path_type=Path))
@settings_options
@json_option
def evaluate_link_command(
    labels: Path, setting_pairs: tuple[tuple[str, str], ...], as_json: bool
) -> None:
    """Score linking on a labelled JSONL file (id, text, published, cluster).

    The records are ingested into a temporary store; pair and B-cubed
    precision and recall of the stored events against the clusters, the
    share of events joining records of different clusters (false merges)
    and of events listing three or more actors in one role that none of
    their mentions lists; EVALUATION.md section 2d.

    \b
    Example:
        dateline eval link tests/fixtures/link/plover_dev.jsonl
        dateline eval link tests/fixtures/link/libya.jsonl --json
    """
    from ..evaluate.link import evaluate_link

    settings = build_settings(None, setting_pairs)
    _print_report(evaluate_link(labels, settings, progress=not as_json), as_json)


@evaluate.command("record", context_settings=CONTEXT_SETTINGS)
@db_option
@settings_options
@json_option
def evaluate_record_command(
    db: str | None, setting_pairs: tuple[tuple[str, str], ...], as_json: bool
) -> None:
    """Actors and places of the stored events, with no labels needed.

    Shares of actor and recipient slots that are unresolved (no country or
    organisation code), junk (weekdays, months, bracket tokens, outlets,
    lone particles, lower-case words that are not a generic agent) or
    without the words they were read from; country names and demonyms left
    unresolved; events with a place, and with coordinates; EVALUATION.md
    section 2e.

    \b
    Example:
        dateline ingest ../shared/data/t17-libya-reuters/articles.jsonl --db libya.db
        dateline eval record --db libya.db
    """
    from ..api import Store
    from ..evaluate.record import score_record

    store = Store(build_settings(db, setting_pairs), create=False)
    _print_report(score_record(event.to_dict() for event in store.iter_events()), as_json)
