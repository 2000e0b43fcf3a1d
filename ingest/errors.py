"""Feed failures with a bounded ``kind``, so metrics and logs can classify them.

Both classes are the kernel's ``TransientError`` / ``PermanentError`` (``veille.errors``): the rest of
veille handles them as such. ``kind`` is one of ``ERROR_KINDS`` and becomes the ``kind`` label of
``veille_ingest_feed_errors_total``; the message is one line naming the feed problem.
"""

from __future__ import annotations

from typing import Any, Literal, get_args

from veille.errors import PermanentError, TransientError

ErrorKind = Literal[
    "timeout", "connection", "http", "rate_limited", "too_large", "redirects", "file", "hostile", "parse"
]
ERROR_KINDS: tuple[ErrorKind, ...] = get_args(ErrorKind)


class FeedTransientError(TransientError):
    """A feed failure that may pass (timeout, 5xx, 429); ``retry_after`` comes from the server if it said."""

    def __init__(self, kind: ErrorKind, message: str, retry_after: float | None = None) -> None:
        super().__init__(message, retry_after)
        self.kind: ErrorKind = kind

    def __reduce__(self) -> tuple[Any, ...]:
        # rebuilt from its real arguments when it crosses from a parse worker process
        return type(self), (self.kind, str(self), self.retry_after)


class FeedPermanentError(PermanentError):
    """A feed failure that the next poll will most likely repeat (404, not a feed, hostile XML)."""

    def __init__(self, kind: ErrorKind, message: str) -> None:
        super().__init__(message)
        self.kind: ErrorKind = kind

    def __reduce__(self) -> tuple[Any, ...]:
        # rebuilt from its real arguments when it crosses from a parse worker process
        return type(self), (self.kind, str(self))


FeedError = FeedTransientError | FeedPermanentError
"""Either feed failure: what fetch and parse raise on purpose."""


def one_line(exc: BaseException, limit: int = 200) -> str:
    """The first line of ``exc``'s message, at most ``limit`` characters ("" when it has none)."""
    lines = str(exc).strip().splitlines()
    return lines[0][:limit] if lines else ""
