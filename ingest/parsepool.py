"""Parse feeds on every core: a process pool for ``ingest.digest.digest_body``.

Threads cannot parse in parallel (feedparser is pure Python and holds the GIL), so the poller's
fetching threads hand each changed body to a pool of worker processes, one per usable core, and
wait for its Articles. The pool uses the ``spawn`` start method: forking a process that runs
fetching threads and a Kafka producer could copy a lock some thread holds. It is created on first
use and shared by every poller of the process (one per process is enough: it is sized to the
machine). ``workers=0`` parses in the calling thread (the ``veille feed parse`` command, tests).
A worker that dies (killed, out of memory) costs only the feed it was parsing: that feed fails with
a transient error and the pool is rebuilt. The pool adds CPU only where cores are free: on a
machine whose cores other processes already keep busy it only hands the work over.
"""

from __future__ import annotations

import atexit
import multiprocessing
import os
import signal
import threading
from concurrent.futures import ProcessPoolExecutor
from concurrent.futures.process import BrokenProcessPool
from datetime import datetime

from ingest.digest import Digest, digest_body
from ingest.errors import FeedTransientError
from ingest.items import ItemIndex
from veille.children import die_with_parent
from veille.config.feeds import FeedConfig


def machine_workers() -> int:
    """The number of cores this process may run on (at least 1)."""
    try:
        return max(1, len(os.sched_getaffinity(0)))
    except AttributeError:  # not on Linux
        return max(1, os.cpu_count() or 1)


class ParsePool:
    """Runs ``digest_body`` in ``workers`` processes (default: one per core, none on one core); thread-safe."""

    def __init__(self, workers: int | None = None) -> None:
        cores = machine_workers()
        # On one core a worker process could only add hand-offs: parse in the calling thread then.
        self.workers = (cores if cores > 1 else 0) if workers is None else workers
        self._executor: ProcessPoolExecutor | None = None
        self._lock = threading.Lock()

    def digest(
        self,
        body: bytes,
        content_type: str | None,
        base_url: str | None,
        feed: FeedConfig,
        fetched_at: datetime,
        known: frozenset[str],
        remembered: ItemIndex | None = None,
    ) -> Digest:
        """``digest_body`` of these arguments, in a worker process; raises what it raises.

        A dead worker becomes FeedTransientError (kind ``parse``) for this feed.
        """
        if self.workers == 0:
            return digest_body(body, content_type, base_url, feed, fetched_at, known, remembered)
        executor = self._ensure()
        try:
            return executor.submit(
                digest_body, body, content_type, base_url, feed, fetched_at, known, remembered
            ).result()
        except BrokenProcessPool:
            self._discard(executor)
            raise FeedTransientError("parse", "the parse worker process died; will retry") from None

    def warm(self) -> None:
        """Start the worker processes now, without waiting for them (they import feedparser and veille)."""
        if self.workers > 0:
            executor = self._ensure()
            for _ in range(self.workers):
                executor.submit(_ready)

    def close(self) -> None:
        """Stop the worker processes (the pool starts again if used later)."""
        with self._lock:
            executor, self._executor = self._executor, None
        if executor is not None:
            executor.shutdown(wait=True, cancel_futures=True)

    def _ensure(self) -> ProcessPoolExecutor:
        with self._lock:
            if self._executor is None:
                context = multiprocessing.get_context("spawn")
                self._executor = ProcessPoolExecutor(
                    max_workers=self.workers,
                    mp_context=context,
                    initializer=_init_worker,
                    initargs=(os.getpid(),),
                )
            return self._executor

    def _discard(self, broken: ProcessPoolExecutor) -> None:
        with self._lock:
            if self._executor is broken:
                self._executor = None
        broken.shutdown(wait=False, cancel_futures=True)


def _init_worker(parent: int) -> None:
    """In a worker: leave Ctrl-C (SIGINT to the process group) to the parent, which stops the pool,
    and die with the parent when it leaves without stopping the pool (SIGKILL, a second signal)."""
    signal.signal(signal.SIGINT, signal.SIG_IGN)
    die_with_parent(parent)


def _ready() -> bool:
    """A no-op task that makes the pool start a worker process."""
    return True


_shared: ParsePool | None = None
_shared_lock = threading.Lock()


def shared_pool() -> ParsePool:
    """The process-wide pool sized to the machine, stopped at interpreter exit."""
    global _shared
    with _shared_lock:
        if _shared is None:
            _shared = ParsePool()
            atexit.register(_shared.close)
        return _shared
