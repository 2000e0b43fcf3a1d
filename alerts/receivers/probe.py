"""``veille alerts test RECEIVER``: send a test notification and report the receiver's answer."""

from __future__ import annotations

import uuid
from datetime import UTC, datetime

from alerts.receivers.base import Notice, Receiver
from veille.contracts import Alert


def test_alert(receiver: str, now: datetime | None = None) -> Alert:
    """A ``kind="test"`` alert, unique per call so that no channel drops it as a repeat."""
    now = now or datetime.now(UTC)
    return Alert(
        alert_id=f"test-{uuid.uuid4().hex[:12]}",
        kind="test",
        rule="veille-test",
        event_type="test",
        actors=(),
        group_key="test",
        title=f"Test notification from veille to receiver {receiver}",
        first_seen=now,
        fired_at=now,
    )


def send_test(receiver: Receiver) -> str:
    """Send a test notice through ``receiver``; return its answer as one line (``delivered: …``).

    Raises TransientError or PermanentError as ``Receiver.send`` does; the CLI prints the message.
    """
    alert = test_alert(receiver.name)
    delivered = receiver.send(Notice(alert, idempotency_key=f"{alert.alert_id}:{receiver.name}"))
    ref = f" (ref {delivered.ref})" if delivered.ref else ""
    return f"delivered{ref}: {delivered.detail or 'ok'}"
