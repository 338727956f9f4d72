"""The README's console examples run, and print what the README shows.

Every ```console block of README.md is run, in order, against one fresh
database, from a folder where ``../shared`` and the repository's ``src/`` and
``tests/`` are where the README expects them. A line ``$ command`` is run
with bash (``dateline`` is this checkout's); the lines after it, up to the
next command, are what it must print ("..." stands for any text, as in a
doctest). A block that cannot run here (it needs the network, a server, or
minutes of training data) says why in an HTML comment just above it:
``<!-- not run: ... -->``. The layout tree names every package and module.
"""

from __future__ import annotations

import doctest
import os
import re
import subprocess
import sys
from dataclasses import dataclass
from pathlib import Path

import pytest

REPO = Path(__file__).resolve().parent.parent
README = REPO / "README.md"
NOT_RUN = re.compile(r"<!-- not run: [^>]+ -->\s*$")


@dataclass(frozen=True)
class Example:
    """One ``$ command`` of a console block and the lines it must print."""

    line: int  # of the command in README.md
    command: str
    expected: str


def console_blocks(text: str) -> list[tuple[int, list[str]]]:
    """The ```console blocks of ``text`` that are run: (line of the fence, the lines inside)."""
    lines = text.splitlines()
    blocks: list[tuple[int, list[str]]] = []
    i = 0
    while i < len(lines):
        if lines[i].strip() == "```console":
            end = lines.index("```", i + 1)
            before = next((line for line in reversed(lines[:i]) if line.strip()), "")
            if not NOT_RUN.match(before):
                blocks.append((i + 1, lines[i + 1 : end]))
            i = end
        i += 1
    return blocks


def examples(text: str) -> list[Example]:
    """Every command of the run blocks, with its expected output."""
    found: list[Example] = []
    for fence, block in console_blocks(text):
        i = 0
        while i < len(block):
            if not block[i].startswith("$ "):
                raise AssertionError(f"README.md:{fence + i + 1}: output before any command")
            start, command = i, block[i][2:]
            while command.endswith("\\"):
                i += 1
                command += "\n" + block[i]
            i += 1
            output: list[str] = []
            while i < len(block) and not block[i].startswith("$ "):
                output.append(block[i])
                i += 1
            found.append(Example(fence + start + 1, command, "".join(f"{o}\n" for o in output)))
    return found


@pytest.fixture(scope="module")
def console(shared_dir: Path, tmp_path_factory: pytest.TempPathFactory) -> dict[str, str]:
    """The environment of a reader's console: ``dateline`` on the PATH, a fresh folder."""
    root = tmp_path_factory.mktemp("readme")
    (root / "shared").symlink_to(shared_dir)
    work = root / "repo"
    work.mkdir()
    for name in ("src", "tests"):
        (work / name).symlink_to(REPO / name)
    bin_dir = root / "bin"
    bin_dir.mkdir()
    wrapper = bin_dir / "dateline"
    wrapper.write_text(f'#!/bin/sh\nexec "{sys.executable}" -m dateline "$@"\n')
    wrapper.chmod(0o755)
    return {
        **os.environ,
        "PATH": f"{bin_dir}{os.pathsep}{os.environ['PATH']}",
        "PYTHONPATH": os.pathsep.join(
            p for p in (str(REPO / "src"), os.environ.get("PYTHONPATH")) if p
        ),
        "DATELINE_DB": str(work / "dateline.db"),
        "PWD": str(work),
        "COLUMNS": "200",
    }


@pytest.mark.slow
def test_readme_console_examples_print_what_the_readme_shows(console):
    checker = doctest.OutputChecker()
    drifted = []
    for example in examples(README.read_text(encoding="utf-8")):
        result = subprocess.run(
            ["bash", "-c", example.command],
            cwd=console["PWD"],
            env=console,
            capture_output=True,
            text=True,
            timeout=600,
        )
        got = result.stdout + result.stderr
        if result.returncode != 0 or not checker.check_output(
            example.expected, got, doctest.ELLIPSIS
        ):
            drifted.append(
                f"README.md:{example.line}: $ {example.command} (exit {result.returncode})\n"
                f"--- the README shows:\n{example.expected}--- it prints:\n{got}"
            )
    assert not drifted, "\n".join(drifted)


def test_readme_examples_are_read_with_their_output():
    text = "\n".join(
        [
            "```console",
            "$ dateline ingest a \\",
            "    b",
            "read 1",
            "$ dateline relink",
            "```",
            "<!-- not run: needs the network -->",
            "```console",
            "$ dateline ingest https://example.org/",
            "```",
        ]
    )
    assert examples(text) == [
        Example(2, "dateline ingest a \\\n    b", "read 1\n"),
        Example(5, "dateline relink", ""),
    ]


def test_readme_layout_names_every_package_and_module():
    readme = README.read_text(encoding="utf-8")
    layout = readme[readme.index("## Layout") :]
    layout = layout[: layout.index("## ", 3)]
    package = REPO / "src" / "dateline"
    names = [
        f"{path.name}/" if path.is_dir() else path.name
        for path in package.iterdir()
        if (path.is_dir() and not path.name.startswith(("_", ".")))
        or (path.suffix == ".py" and path.stem not in ("__init__", "__main__"))
    ]
    missing = [
        name for name in sorted(names) if not re.search(rf"(?<![\w/]){re.escape(name)}", layout)
    ]
    assert not missing, f"README.md's layout does not name {', '.join(missing)}"
