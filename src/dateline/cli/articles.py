"""``dateline articles``."""

from __future__ import annotations

import json

import click

from ..api import Store
from ..models import Article
from .options import CONTEXT_SETTINGS, build_settings, db_option, format_option, settings_options
from .tables import aligned_table, cut

__all__ = ["articles"]


@click.command(context_settings=CONTEXT_SETTINGS)
@db_option
@settings_options
@format_option("table", "jsonl", default="table")
@click.option(
    "--since", metavar="DATE", help="Only articles published on or after DATE (YYYY[-MM[-DD]])."
)
@click.option("--until", metavar="DATE", help="Only articles published on or before DATE.")
@click.option("--outlet", metavar="NAME", help="Only articles of this outlet (case-insensitive).")
@click.option("--limit", type=click.IntRange(min=1), help="At most this many articles.")
@click.option(
    "--failed",
    is_flag=True,
    help="Only the articles whose analysis failed, each with the reason.",
)
def articles(
    db: str | None,
    setting_pairs: tuple[tuple[str, str], ...],
    output_format: str,
    since: str | None,
    until: str | None,
    outlet: str | None,
    limit: int | None,
    failed: bool,
) -> None:
    """List the stored articles with their metadata.

    jsonl prints one article per line with file, title, published,
    published_precision, outlet, authors, url, dateline_place, language and
    body (plus id, source and published_source). With --failed, only the
    articles whose analysis failed are listed, with the reason
    (failed_reason in jsonl); dateline ingest --retry-failed tries them
    again.

    \b
    Example:
        dateline articles --format table
        dateline articles --format jsonl --since 2020-11 > articles.jsonl
        dateline articles --failed
    """
    store = Store(build_settings(db, setting_pairs), create=False)
    if failed:
        _print_failed(store, output_format)
        return
    found = store.articles(since=since, until=until, outlet=outlet, limit=limit)
    if output_format == "jsonl":
        for article in found:
            click.echo(json.dumps(article.to_dict(), ensure_ascii=False))
    else:
        click.echo(articles_table(found))


def _print_failed(store: Store, output_format: str) -> None:
    found = store.failed_articles()
    if output_format == "jsonl":
        for article, reason in found:
            record = {**article.to_dict(), "failed_reason": reason}
            click.echo(json.dumps(record, ensure_ascii=False))
        return
    rows = [(cut(a.file, 36, keep_end=True), cut(reason, 90)) for a, reason in found]
    click.echo(aligned_table(("file", "reason"), rows, "failed article"))


def articles_table(found: list[Article], width: int = 60) -> str:
    """An aligned table: published, file, outlet, title."""
    rows = [
        (
            a.published or "?",
            cut(a.file, 36, keep_end=True),
            cut(a.outlet or "", 24),
            cut(a.title or a.body.split("\n", 1)[0], width),
        )
        for a in found
    ]
    return aligned_table(("published", "file", "outlet", "title"), rows, "article")
