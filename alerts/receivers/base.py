"""The contract between the delivery outbox and a receiver (one channel: Slack, email, …).

The outbox (``alerts.outbox``) owns retries, backoff and the "sent once" promise; a receiver only
turns one Notice into one attempt at delivery and says how it went:

- return ``Delivered`` when the channel accepted the message;
- raise ``TransientError(retry_after=…)`` when it may pass (timeouts, 5xx, Slack 429 with its
  ``Retry-After``); the outbox retries with capped exponential backoff and jitter;
- raise ``PermanentError`` when retrying cannot help (invalid webhook, 4xx other than 429); the
  delivery ends ``failed`` with that one-line reason.

A receiver must be safe with hostile feed text: everything in ``notice.alert`` comes from feeds.
"""

from __future__ import annotations

from abc import ABC, abstractmethod
from dataclasses import dataclass

from veille.contracts import Alert


@dataclass(frozen=True, slots=True)
class Notice:
    """One notification to send.

    ``thread_ref`` is the ``Delivered.ref`` this receiver returned for the first notice of the same
    alert (None for that first notice): follow-ups, updates and retractions thread under it.
    ``idempotency_key`` is stable across retries of this notice (alert id, revision, receiver).
    ``attempt`` is 1 on the first try; the outbox passes more when an earlier attempt may have
    reached the channel (a retry, or a delivery resumed after a crash), so that a receiver able to
    look (Slack bot mode) checks whether the channel already has the notice before posting again.
    """

    alert: Alert
    idempotency_key: str
    thread_ref: str | None = None
    attempt: int = 1


@dataclass(frozen=True, slots=True)
class Delivered:
    """The channel accepted the notice; ``ref`` identifies the posted message for threading."""

    ref: str | None = None
    detail: str = ""


class Receiver(ABC):
    """A delivery channel built from one ``receivers:`` entry of the config."""

    name: str

    @abstractmethod
    def send(self, notice: Notice) -> Delivered:
        """Deliver ``notice`` once. Raises TransientError or PermanentError (see module doc)."""

    def close(self) -> None:  # noqa: B027 - optional hook
        """Release connections; called once when the worker stops."""
