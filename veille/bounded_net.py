"""A limit on how long a Kafka consumer call waits for the client's network thread.

kafka-python 3 runs each client's network I/O on a thread of its own. A consumer call (poll, commit,
committed, close) hands a coroutine to that thread and, in the pinned release 3.0.12, waits for it on
a ``threading.Event`` with no timeout. When the loop stops serving the coroutine, the caller waits
forever: seen in the chaos run, where after the broker was frozen (SIGSTOP) and thawed both process
workers sat in ``KafkaConsumer.poll`` for the rest of the run, out of reach of the runner's own
watchdog, which runs between polls. kafka-python's main line bounds that wait since (its issue 3121),
in no release yet; this module is the same bound for the pinned release.

A wait that outlives ``limit_ms`` raises ``ClientStalled``, a ``KafkaError`` but not a timeout (the
consumer's poll takes a timeout for "no records yet" and would return empty, forever): the runner drops
the consumer and builds a new one, and the client's network loop is told to stop, so a client that still
heartbeats does not keep its partitions in the group while its replacement joins. Every later call on
that client fails at once. The limit is far above any wait of a healthy loop: a poll returns within
its own timeout, a commit within the coordinator's answer.
"""

from __future__ import annotations

import threading
from collections.abc import Callable
from typing import Any

from kafka.errors import KafkaError
from kafka.net.compat import KafkaNetClient
from kafka.net.selector import NetworkSelector


class ClientStalled(KafkaError):
    """A Kafka client's network thread did not serve a call within the limit; the client is given up."""

    retriable = False


class BoundedSelector(NetworkSelector):
    """kafka-python's network loop, whose cross-thread ``run`` waits at most ``limit_ms``."""

    def __init__(self, limit_ms: int, **configs: Any) -> None:
        super().__init__(**configs)
        self.limit_ms = limit_ms
        self.stalled: str | None = None
        """Why the loop was given up (the call that waited too long), or None while it serves."""
        self.on_given_up: Callable[[], None] | None = None
        """Called on the network thread when a given-up loop ends: closes the client's sockets."""

    def run_forever(self) -> None:
        """kafka-python's loop; once given up and ended, the client is closed from this thread."""
        try:
            super().run_forever()
        finally:
            if self.stalled is not None and self.on_given_up is not None:
                self.on_given_up()

    def run(self, coro: Callable[..., Any], *args: Any) -> Any:
        """Run ``coro`` on the network thread and return its value, or raise ClientStalled past the limit.

        Calls from the network thread itself, or made before it started, are kafka-python's own.
        """
        if self.stalled is not None:
            raise ClientStalled(self.stalled)
        if self._io_thread is None or threading.current_thread() is self._io_thread or self._closed:
            return super().run(coro, *args)
        if self._exception is not None:
            raise self._exception from None
        event = threading.Event()
        state: dict[str, Any] = {"value": None, "exception": None}

        async def waiter() -> None:
            try:
                state["value"] = await self._invoke(coro, *args)
            except BaseException as exc:  # handed to the waiting thread, as kafka-python does
                if state["exception"] is None:
                    state["exception"] = exc
            finally:
                with self._pending_waiters_lock:
                    self._pending_waiters.pop(event, None)
                event.set()

        with self._pending_waiters_lock:
            self._pending_waiters[event] = state
        self.call_soon_threadsafe(waiter)
        if not event.wait(self.limit_ms / 1000):
            self._give_up(event, getattr(coro, "__name__", repr(coro)))
        if state["exception"] is not None:
            raise state["exception"]
        return state["value"]

    def _give_up(self, event: threading.Event, name: str) -> None:
        """Stop the loop for good and raise: ``name`` waited longer than the limit."""
        self.stalled = (
            f"the Kafka client's network thread did not complete {name} within {self.limit_ms} ms; "
            "the client was given up"
        )
        with self._pending_waiters_lock:
            self._pending_waiters.pop(event, None)
        self._stop = True
        self.wakeup()
        self._fail_pending_waiters(ClientStalled(self.stalled))
        raise ClientStalled(self.stalled)


def bounded_client(limit_ms: int) -> Callable[..., KafkaNetClient]:
    """A ``kafka_client`` factory for KafkaConsumer whose network loop is a ``BoundedSelector``."""

    def build(**configs: Any) -> KafkaNetClient:
        selector = BoundedSelector(limit_ms, **configs)
        client = KafkaNetClient(net=selector, **configs)
        selector.on_given_up = client.close
        return client

    return build
