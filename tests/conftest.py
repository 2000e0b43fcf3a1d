"""Fixtures shared by the whole suite: state stores on SQLite and PostgreSQL.

``store_url`` / ``store_engine`` are parametrised over both backends. PostgreSQL runs against the
server that ``tests.pg_server`` picks (``VEILLE_TEST_PG_URL``, else the local one on 127.0.0.1:5432,
else a throwaway one outside CI); each test gets a fresh schema, selected through the connection's
``search_path``, dropped afterwards. Tests that need Debian binaries (Prometheus, Alertmanager) get
them from ``tests.debian``; the skips for missing ones are summed up in one line at the end.
"""

from __future__ import annotations

import uuid
from collections.abc import Iterator
from pathlib import Path

import pytest
import sqlalchemy as sa

from tests.debian import summarise_missing
from tests.pg_server import suite_server
from veille.store import create_engine


@pytest.fixture(scope="session")
def pg_server_url() -> Iterator[str]:
    """The URL of the session's PostgreSQL server (see ``tests.pg_server``)."""
    with suite_server() as url:
        yield url


@pytest.fixture(scope="session")
def pg_admin(pg_server_url: str) -> Iterator[sa.Engine]:
    """An engine on the test PostgreSQL server (fails loudly when it is not reachable)."""
    engine = sa.create_engine(pg_server_url, poolclass=sa.pool.NullPool)
    try:
        with engine.connect() as conn:
            conn.execute(sa.text("SELECT 1"))
    except sa.exc.OperationalError as exc:
        pytest.fail(f"PostgreSQL at {pg_server_url} is not reachable ({exc.orig}); start it or set VEILLE_TEST_PG_URL")
    yield engine
    engine.dispose()


@pytest.fixture
def pg_url(pg_server_url: str, pg_admin: sa.Engine) -> Iterator[str]:
    """A URL whose connections live in a fresh, empty schema of the test database."""
    schema = f"t_{uuid.uuid4().hex[:12]}"
    with pg_admin.begin() as conn:
        conn.execute(sa.text(f'CREATE SCHEMA "{schema}"'))
    separator = "&" if "?" in pg_server_url else "?"
    yield f"{pg_server_url}{separator}options=-csearch_path%3D{schema}"
    with pg_admin.begin() as conn:
        conn.execute(sa.text(f'DROP SCHEMA "{schema}" CASCADE'))


@pytest.fixture
def sqlite_url(tmp_path: Path) -> str:
    """A URL of a fresh SQLite file."""
    return f"sqlite:///{tmp_path / 'veille.db'}"


@pytest.fixture(params=["sqlite", "postgresql"])
def store_url(request: pytest.FixtureRequest) -> str:
    """A fresh, empty store on each backend in turn."""
    return request.getfixturevalue("sqlite_url" if request.param == "sqlite" else "pg_url")


@pytest.fixture
def store_engine(store_url: str) -> Iterator[sa.Engine]:
    """An engine (house settings) on a fresh store, on each backend in turn."""
    engine = create_engine(store_url)
    yield engine
    engine.dispose()


@pytest.fixture(scope="session")
def broker() -> Iterator[list[str]]:
    """The embedded Kafka-compatible broker (Tansu) for the whole session; yields bootstrap servers."""
    from veille.broker import EmbeddedBroker

    with EmbeddedBroker() as embedded:
        yield embedded.bootstrap_servers


@pytest.fixture
def kafka_config():
    """Kafka settings with a topic prefix of its own, so tests never see each other's records."""
    from veille.config.runtime import KafkaConfig

    return KafkaConfig(topic_prefix=f"t{uuid.uuid4().hex[:10]}", partitions=2, session_timeout_ms=6000)


def pytest_terminal_summary(terminalreporter: pytest.TerminalReporter) -> None:
    """One visible line for the tests skipped because Debian binaries are missing."""
    line = summarise_missing(terminalreporter.stats.get("skipped", []))
    if line:
        terminalreporter.write_line(line, yellow=True)
