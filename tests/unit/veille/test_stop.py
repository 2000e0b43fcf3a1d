"""How a worker takes signals: Ctrl-C then SIGTERM lets the batch finish; the same signal twice exits."""

from __future__ import annotations

import signal

import pytest

from veille import pipeline
from veille.pipeline import Stop


@pytest.fixture
def exits(monkeypatch) -> list[int]:
    codes: list[int] = []
    monkeypatch.setattr(pipeline.os, "_exit", codes.append)
    return codes


def test_ctrl_c_then_the_supervisors_sigterm_still_finishes_the_batch(exits):
    stop = Stop()
    stop.working()
    stop.handle(signal.SIGINT, None)
    stop.handle(signal.SIGTERM, None)
    assert stop.is_set() and exits == []


def test_the_same_signal_twice_exits_at_once(exits):
    stop = Stop()
    stop.working()
    stop.handle(signal.SIGINT, None)
    stop.handle(signal.SIGTERM, None)
    stop.handle(signal.SIGINT, None)
    assert exits == [128 + signal.SIGINT]


def test_a_signal_while_starting_ends_start_up_at_once(exits):
    with pytest.raises(SystemExit):
        Stop().handle(signal.SIGTERM, None)
