"""Fixtures shared by every test folder.

The PostgreSQL server is real: the session starts one from the installed
binaries (``make test`` installs Debian's postgresql) on a free port in a
temporary folder, and stops it at the end.
"""

from __future__ import annotations

import glob
import os
import pwd
import shutil
import socket
import subprocess
import tempfile
import uuid
from pathlib import Path

import pytest
from hypothesis import settings as hypothesis_settings
from sqlalchemy import create_engine, text

from dateline.settings import Settings

REPO = Path(__file__).resolve().parent.parent
SHARED = REPO.parent / "shared"

# The fuzz tests draw the same cases on every run, so a suite that passed
# here passes in CI; ``HYPOTHESIS_PROFILE=explore`` draws fresh ones
# to hunt for new failures, which then become ``@example``s.
hypothesis_settings.register_profile("repeatable", derandomize=True, print_blob=True)
hypothesis_settings.register_profile("explore", print_blob=True)
hypothesis_settings.load_profile(os.environ.get("HYPOTHESIS_PROFILE", "repeatable"))


@pytest.fixture(scope="session")
def shared_dir() -> Path:
    """../shared beside the repository (seeds, gold, data); tests skip without it."""
    if not (SHARED / "seeds").is_dir():
        pytest.skip(f"{SHARED} with seeds/ and gold/ is not beside the repository")
    return SHARED


@pytest.fixture
def settings(tmp_path: Path) -> Settings:
    """Settings with a fresh SQLite database in a temporary folder."""
    return Settings(db=f"sqlite:///{tmp_path / 'test.db'}")


def _postgres_binary(name: str) -> str | None:
    found = sorted(glob.glob(f"/usr/lib/postgresql/*/bin/{name}"))
    return found[-1] if found else shutil.which(name)


def _free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


@pytest.fixture(scope="session")
def postgres_server():
    """URL of a PostgreSQL server started for this test session."""
    initdb, pg_ctl = _postgres_binary("initdb"), _postgres_binary("pg_ctl")
    if not initdb or not pg_ctl:
        pytest.skip("PostgreSQL is not installed (run 'make test', which installs it with apt-get)")
    folder = Path(tempfile.mkdtemp(prefix="dateline-pg-"))
    data = folder / "data"
    prefix: list[str] = []
    if os.geteuid() == 0:
        # The server refuses to run as root.
        user = pwd.getpwnam("postgres")
        os.chown(folder, user.pw_uid, user.pw_gid)
        prefix = ["runuser", "-u", "postgres", "--"]
    port = _free_port()
    subprocess.run(
        [*prefix, initdb, "-D", str(data), "-A", "trust", "-U", "dateline", "--no-sync"],
        check=True,
        capture_output=True,
    )
    options = f"-p {port} -k {folder} -c listen_addresses=127.0.0.1 -c fsync=off"
    subprocess.run(
        [*prefix, pg_ctl, "-D", str(data), "-o", options, "-l", str(folder / "log"), "-w", "start"],
        check=True,
        capture_output=True,
    )
    try:
        yield f"postgresql+psycopg://dateline@127.0.0.1:{port}"
    finally:
        subprocess.run(
            [*prefix, pg_ctl, "-D", str(data), "-m", "immediate", "stop"], capture_output=True
        )
        shutil.rmtree(folder, ignore_errors=True)


@pytest.fixture
def postgres_url(postgres_server: str) -> str:
    """URL of a new, empty PostgreSQL database."""
    name = "test_" + uuid.uuid4().hex[:12]
    admin = create_engine(f"{postgres_server}/postgres", isolation_level="AUTOCOMMIT")
    with admin.connect() as connection:
        connection.execute(text(f'CREATE DATABASE "{name}"'))
    admin.dispose()
    return f"{postgres_server}/{name}"
