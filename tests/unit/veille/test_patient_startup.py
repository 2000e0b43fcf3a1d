"""A worker's start-up steps wait out an unreachable store or broker instead of exiting with a traceback."""

from __future__ import annotations

import logging

import pytest
import sqlalchemy as sa

from veille.errors import TransientError
from veille.pipeline import Stop, _patiently


def _refused() -> sa.exc.OperationalError:
    """The error SQLAlchemy really raises when the database does not answer (nothing listens on port 1)."""
    engine = sa.create_engine("postgresql+psycopg://veille@127.0.0.1:1/veille", connect_args={"connect_timeout": 2})
    try:
        with engine.connect():
            pass
    except sa.exc.OperationalError as exc:
        return exc
    finally:
        engine.dispose()
    raise AssertionError("a connection to port 1 succeeded")


def test_a_start_up_step_is_retried_while_the_store_is_unreachable_and_said_once_in_one_line(caplog):
    failures = [_refused(), TransientError("cannot reach Kafka at 127.0.0.1:9092: timed out")]

    def build() -> str:
        if failures:
            raise failures.pop(0)
        return "worker"

    with caplog.at_level(logging.DEBUG, logger="veille.pipeline"):
        assert _patiently(build, Stop()) == "worker"
    said = [r for r in caplog.records if r.levelno >= logging.WARNING]
    assert len(said) == 1  # the first failure of the streak; the rest at DEBUG
    assert said[0].getMessage().startswith("database unavailable: ")
    assert "\n" not in said[0].getMessage() and said[0].exc_info is None


def test_an_error_that_is_no_outage_is_raised_at_once():
    calls = []

    def build() -> None:
        calls.append(1)
        raise sa.exc.ProgrammingError("SELECT nope", {}, Exception("syntax error"))

    with pytest.raises(sa.exc.ProgrammingError):
        _patiently(build, Stop())
    assert calls == [1]


def test_a_stopped_worker_gives_up_waiting():
    stop = Stop()
    calls = []

    def build() -> None:
        calls.append(1)
        stop.set()
        raise TransientError("database unavailable: the database system is starting up")

    assert _patiently(build, stop) is None
    assert calls == [1]
