"""``dateline articles``."""

from __future__ import annotations

import json

import click

from ..api import Store
from ..models import Article
from .options import CONTEXT_SETTINGS, build_settings, db_option, format_option, settings_options

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
def articles(
    db: str | None,
    setting_pairs: tuple[tuple[str, str], ...],
    output_format: str,
    since: str | None,
    until: str | None,
    outlet: str | None,
    limit: int | None,
) -> None:
    """List the stored articles with their metadata.

    jsonl prints one article per line with file, title, published,
    published_precision, outlet, authors, url, dateline_place, language and
    body (plus id, source and published_source).

    \b
    Example:
        dateline articles --format table
        dateline articles --format jsonl --since 2020-11 > articles.jsonl
    """
    store = Store(build_settings(db, setting_pairs))
    found = store.articles(since=since, until=until, outlet=outlet, limit=limit)
    if output_format == "jsonl":
        for article in found:
            click.echo(json.dumps(article.to_dict(), ensure_ascii=False))
    else:
        click.echo(articles_table(found))


def articles_table(found: list[Article], width: int = 60) -> str:
    """An aligned table: published, file, outlet, title."""
    header = ("published", "file", "outlet", "title")
    rows = [
        (
            a.published or "?",
            _cut(a.file, 36, keep_end=True),
            _cut(a.outlet or "", 24),
            _cut(a.title or a.body.split("\n", 1)[0], width),
        )
        for a in found
    ]
    widths = [max(len(str(row[i])) for row in [header, *rows]) for i in range(3)]
    lines = [
        "  ".join(value.ljust(widths[i]) if i < 3 else value for i, value in enumerate(row))
        for row in [header, *rows]
    ]
    lines.insert(1, "  ".join("-" * w for w in widths) + "  " + "-" * 5)
    lines.append(f"{len(rows)} article{'s' if len(rows) != 1 else ''}")
    return "\n".join(lines)


def _cut(text: str, width: int, *, keep_end: bool = False) -> str:
    if len(text) <= width:
        return text
    return "…" + text[-(width - 1) :] if keep_end else text[: width - 1] + "…"
