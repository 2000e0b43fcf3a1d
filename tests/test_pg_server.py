"""The suite's choice of PostgreSQL server, and the throwaway server it starts when there is none."""

from __future__ import annotations

import socket
from pathlib import Path

import psutil
import pytest
import sqlalchemy as sa

from alerts.state import TABLES, alerts
from tests.pg_server import answers, embedded_server, start, suite_server
from veille.broker import free_port
from veille.store import create_engine, ensure_tables


def closed_local_url() -> str:
    return f"postgresql+psycopg://postgres@127.0.0.1:{free_port()}/test"


def socket_dir(url: str) -> Path:
    return Path(sa.make_url(url).query["host"])


def test_the_throwaway_server_holds_a_veille_store_and_is_deleted_afterwards():
    with embedded_server() as url:
        folder = socket_dir(url)
        postmaster = int((folder / "postmaster.pid").read_text().split()[0])
        engine = create_engine(url)
        try:
            ensure_tables(engine, TABLES)
            with engine.connect() as conn:
                assert conn.execute(sa.text("SHOW server_version")).scalar_one().startswith("18")
                assert conn.execute(sa.select(sa.func.count()).select_from(alerts)).scalar_one() == 0
                assert conn.execute(sa.text("SELECT current_database()")).scalar_one() == "test"
        finally:
            engine.dispose()
        assert psutil.pid_exists(postmaster)
    assert not folder.exists()
    assert not psutil.pid_exists(postmaster)


def test_nothing_answering_locally_brings_up_the_throwaway_server_outside_ci():
    local = closed_local_url()
    assert not answers(local)
    with suite_server({}, local_url=local) as url:
        assert url != local and socket_dir(url).is_dir()
        engine = sa.create_engine(url, poolclass=sa.pool.NullPool)
        with engine.connect() as conn:
            assert conn.execute(sa.text("SELECT 1")).scalar_one() == 1
        engine.dispose()
    assert not socket_dir(url).exists()


def test_ci_keeps_the_local_server_even_when_it_does_not_answer():
    local = closed_local_url()
    with suite_server({"CI": "true"}, local_url=local) as url:
        assert url == local


def test_a_configured_url_wins_and_an_answering_local_server_is_used():
    configured = "postgresql+psycopg://someone@db.example:6543/other"
    with suite_server({"VEILLE_TEST_PG_URL": configured}, local_url=closed_local_url()) as url:
        assert url == configured
    with socket.create_server(("127.0.0.1", 0)) as listener:
        local = f"postgresql+psycopg://postgres@127.0.0.1:{listener.getsockname()[1]}/test"
        with suite_server({}, local_url=local) as url:
            assert url == local


def test_a_server_that_cannot_start_fails_the_tests_in_one_line(tmp_path):
    with pytest.raises(pytest.fail.Exception, match=r"could not start a throwaway PostgreSQL in .*VEILLE_TEST_PG_URL"):
        start(tmp_path / "missing" / "pgdata")
