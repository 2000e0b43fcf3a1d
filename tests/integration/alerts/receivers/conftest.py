"""Fixtures for receiver integration tests: a fake Slack on loopback."""

from __future__ import annotations

from collections.abc import Iterator

import pytest

from tests.integration.alerts.receivers.fakeslack import FakeSlack


@pytest.fixture
def slack() -> Iterator[FakeSlack]:
    """A running fake Slack (webhook + Web API) with one channel, ``C123``."""
    server = FakeSlack().start()
    yield server
    server.stop()
