"""Fixtures for receiver integration tests: a fake Slack and a recording HTTP server on loopback."""

from __future__ import annotations

from collections.abc import Iterator

import pytest

from tests.integration.alerts.receivers.fakeslack import FakeSlack
from tests.integration.alerts.receivers.recorder import Recorder


@pytest.fixture
def slack() -> Iterator[FakeSlack]:
    """A running fake Slack (webhook + Web API) with one channel, ``C123``."""
    server = FakeSlack().start()
    yield server
    server.stop()


@pytest.fixture
def peer() -> Iterator[Recorder]:
    """A running recording server; answers 200 unless told otherwise through ``answers``."""
    recorder = Recorder()
    recorder.thread.start()
    yield recorder
    recorder.server.shutdown()
    recorder.server.server_close()
