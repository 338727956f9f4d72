"""The ``dateline`` command: a thin shell over the library.

Each command parses its options, calls one library function and prints the
result. Library errors (:class:`~dateline.errors.DatelineError`) become one
line on stderr and exit status 1; so does output that cannot be written (a
full disk behind ``> file``), while a reader that went away (``| head``)
ends the command quietly.
"""

from __future__ import annotations

import errno
import os
import sys

import click

from ..errors import DatelineError
from ..log import configure
from .articles import articles
from .coder import coder
from .evaluate import evaluate
from .export import export
from .ingest import ingest
from .options import CONTEXT_SETTINGS
from .relink import relink
from .serve import serve
from .timeline import timeline

__all__ = ["cli", "main"]


@click.group(context_settings=CONTEXT_SETTINGS)
@click.version_option(package_name="dateline")
@click.option("-v", "--verbose", count=True, help="Log more (repeat for debug output).")
def cli(verbose: int) -> None:
    """Dateline: a sourced, deduplicated, dated record of political events.

    \b
    Example:
        dateline ingest articles/ feed.xml https://example.org/story.html
        dateline articles --format table
    """
    configure(verbose)


for command in (ingest, articles, timeline, export, relink, evaluate, coder, serve):
    cli.add_command(command)


def _register_optional_commands() -> None:
    # Commands of later stages register themselves here once their module exists.
    from importlib import import_module

    for module, name in (("time", "tag_time"), ("actors", "actors")):
        try:
            command = getattr(import_module(f"{__name__}.{module}"), name)
        except (ImportError, AttributeError):
            continue
        cli.add_command(command)


_register_optional_commands()


def main() -> None:
    """Entry point: run the CLI, turning Dateline errors into one line and exit 1."""
    try:
        cli.main(standalone_mode=False)
    except click.exceptions.Abort:
        click.echo("Aborted.", err=True)
        sys.exit(130)
    except click.ClickException as error:
        error.show()
        sys.exit(error.exit_code)
    except click.exceptions.Exit as done:
        sys.exit(done.exit_code)
    except DatelineError as error:
        click.echo(f"Error: {error}", err=True)
        sys.exit(1)
    except KeyboardInterrupt:
        click.echo("Interrupted.", err=True)
        sys.exit(130)
    except BrokenPipeError:
        _drop_stdout()
        sys.exit(0)
    except OSError as error:
        if error.errno not in _OUTPUT_FULL:
            raise
        _drop_stdout()
        click.echo(f"Error: cannot write the output: {error.strerror}", err=True)
        sys.exit(1)


# Errors of an output that cannot take more (a full disk or quota, a file too big).
_OUTPUT_FULL = {errno.ENOSPC, errno.EDQUOT, errno.EFBIG}


def _drop_stdout() -> None:
    """Point stdout at /dev/null, so that the flush at exit does not fail a second time."""
    try:
        devnull = os.open(os.devnull, os.O_WRONLY)
        os.dup2(devnull, sys.stdout.fileno())
        os.close(devnull)
    except (OSError, ValueError):  # no stdout file descriptor (tests capture it)
        pass
