"""``python -m dateline`` runs the command line."""

from .cli import main

main()
