"""``dateline ingest``."""

from __future__ import annotations

import signal
import sys
from types import FrameType

import click

from ..api import Store
from ..scale import DaskOptions
from ..sources import FieldMap
from .options import CONTEXT_SETTINGS, build_settings, db_option, settings_options

__all__ = ["ingest"]


@click.command(context_settings=CONTEXT_SETTINGS)
@click.argument("inputs", nargs=-1, required=True, metavar="PATH...")
@db_option
@settings_options
@click.option("--id-field", metavar="NAME", help="JSONL/CSV field with the record id [id].")
@click.option(
    "--text-field",
    metavar="NAME",
    help="JSONL/CSV field with the article text [text, body, content].",
)
@click.option(
    "--title-field", metavar="NAME", help="JSONL/CSV field with the title [title, headline]."
)
@click.option(
    "--date-field",
    metavar="NAME",
    help="JSONL/CSV field with the publication date [published, time, date].",
)
@click.option("--url-field", metavar="NAME", help="JSONL/CSV field with the URL [url, link].")
@click.option(
    "--progress/--no-progress",
    default=None,
    help="Show a progress bar (default: only when stderr is a terminal).",
)
@click.option(
    "--retry-failed",
    is_flag=True,
    help="Analyse again the articles whose analysis failed before (see articles --failed).",
)
@click.option(
    "--engine",
    "runner",
    type=click.Choice(["local", "dask"]),
    default="local",
    show_default=True,
    help="Where articles are analysed: this process (and its parse workers), or a Dask "
    "cluster (the same results).",
)
@click.option(
    "--scheduler",
    metavar="ADDRESS",
    help="With --engine dask: a running Dask scheduler (tcp://HOST:8786); "
    "without it, a local cluster is started.",
)
@click.option(
    "--workers",
    type=click.IntRange(min=1),
    default=2,
    show_default=True,
    help="With --engine dask and no --scheduler: worker processes of the local cluster.",
)
def ingest(
    inputs: tuple[str, ...],
    db: str | None,
    setting_pairs: tuple[tuple[str, str], ...],
    id_field: str | None,
    text_field: str | None,
    title_field: str | None,
    date_field: str | None,
    url_field: str | None,
    progress: bool | None,
    retry_failed: bool,
    runner: str,
    scheduler: str | None,
    workers: int,
) -> None:
    """Read articles into the database.

    PATH can be a text file, an HTML page, a JSONL or CSV export, a WARC or
    WARC.gz file, an RSS/Atom feed, an http(s) URL (of a page or a feed), a
    folder (read recursively) or - for standard input. Each article gets an
    id from its cleaned text, so ingesting the same thing twice adds nothing.

    Inputs that cannot be read are reported, one line each, and the rest
    of the batch goes on. The exit status is 1 only when every input failed.
    An article whose analysis fails is reported and recorded (dateline
    articles --failed) and not tried again unless --retry-failed is given.
    An interrupted run (Ctrl-C, SIGTERM) keeps what it stored; run it again
    to finish.

    \b
    Example:
        dateline ingest ../shared/seeds
        dateline ingest export.csv --text-field body --date-field pub_date
        curl -s https://example.org/feed.xml | dateline ingest -
        dateline ingest --retry-failed ../shared/seeds
        dateline ingest corpus/ --engine dask --workers 4
        dateline ingest corpus/ --engine dask --scheduler tcp://10.0.0.5:8786 \\
            --db postgresql://user@dbhost/news
    """
    # SIGTERM stops the run as Ctrl-C does: what is stored is kept, the workers are ended.
    signal.signal(signal.SIGTERM, _interrupt)
    store = Store(build_settings(db, setting_pairs))
    fields = FieldMap(
        id=id_field, text=text_field, title=title_field, date=date_field, url=url_field
    )
    show_progress = sys.stderr.isatty() if progress is None else progress
    if scheduler and runner != "dask":
        raise click.UsageError("--scheduler needs --engine dask")
    dask = DaskOptions(scheduler=scheduler, workers=workers) if runner == "dask" else None
    report = store.ingest(
        inputs, fields=fields, progress=show_progress, retry_failed=retry_failed, dask=dask
    )

    for note in report.notes:
        click.echo(f"note: {note}", err=True)
    for failure in (*report.failures, *report.analysis_failures):
        click.echo(f"failed: {failure}", err=True)
    click.echo(report.summary())
    if report.interrupted:
        click.echo(
            "Interrupted: what was stored is kept; run the same command to finish.", err=True
        )
        sys.exit(130)
    if report.failed and not report.read:
        sys.exit(1)


def _interrupt(signum: int, frame: FrameType | None) -> None:
    raise KeyboardInterrupt
