"""``dateline serve``."""

from __future__ import annotations

import ipaddress

import click

from ..api import Store
from ..errors import ConfigError
from .options import CONTEXT_SETTINGS, build_settings, db_option, settings_options

__all__ = ["serve"]


@click.command(context_settings=CONTEXT_SETTINGS)
@db_option
@settings_options
@click.option(
    "--host",
    default="127.0.0.1",
    show_default=True,
    help="Address to listen on (0.0.0.0 opens the app to the network: it has no login).",
)
@click.option("--port", type=click.IntRange(0, 65535), default=8000, show_default=True)
@click.option(
    "--max-upload",
    "max_upload_mb",
    type=click.FloatRange(min=0, min_open=True),
    default=10.0,
    show_default=True,
    help="Largest ingest the browser may send, in MB.",
)
def serve(
    db: str | None,
    setting_pairs: tuple[tuple[str, str], ...],
    host: str,
    port: int,
    max_upload_mb: float,
) -> None:
    """Read the record in a browser: the timeline, each event with its sources, the
    articles, actor and dyad charts, downloads, an ingest form, and a JSON API
    (documented at /docs).

    The app listens on 127.0.0.1 unless told otherwise, and answers only
    requests addressed to that host (a page elsewhere cannot read it through
    a rebound DNS name). Needs the web extra: pip install 'dateline[web]'.

    \b
    Example:
        dateline serve --db demo.db
        dateline serve --db postgresql://localhost/news --port 8080
    """
    try:
        import uvicorn
        from starlette.middleware.trustedhost import TrustedHostMiddleware

        from ..web import create_app
    except ImportError as error:
        raise ConfigError(
            f"dateline serve needs the web extra ({error.name} is missing): "
            "pip install 'dateline[web]'"
        ) from None
    settings = build_settings(db, setting_pairs)
    store = Store(settings, create=False)
    store.engine  # noqa: B018  (a missing database fails here, before the server starts)
    app = create_app(settings, store=store, max_upload=int(max_upload_mb * 1024 * 1024))
    if _is_loopback(host):
        hosts = ["127.0.0.1", "localhost", "[::1]", "::1"]
        app.add_middleware(TrustedHostMiddleware, allowed_hosts=hosts)
    else:
        click.echo(
            f"warning: listening on {host}: whoever reaches this machine can read the "
            "database and ingest into it (the app has no login)",
            err=True,
        )
    shown = f"[{host}]" if ":" in host else host
    click.echo(f"Dateline at http://{shown}:{port}/ (Ctrl-C stops it)", err=True)
    uvicorn.run(app, host=host, port=port, log_level="warning")


def _is_loopback(host: str) -> bool:
    if host == "localhost":
        return True
    try:
        return ipaddress.ip_address(host).is_loopback
    except ValueError:
        return False
