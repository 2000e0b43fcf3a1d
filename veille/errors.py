"""One error vocabulary for every stage.

- ``TransientError``: worth retrying (network, broker, database busy); carries ``retry_after``.
- ``PermanentError``: the same input will fail again (a 4xx from a receiver, a poison record);
  the record goes to the dead-letter topic, or the delivery ends ``failed``, with the reason.
- ``DecodeError``: a record on a topic is not the contract it should be (a kind of permanent).
- ``ConfigError``: the configuration is wrong; carries one line per problem.

Messages are one line and name what is wrong; they never carry a traceback to the user.
"""

from __future__ import annotations


class VeilleError(Exception):
    """Base of every error veille raises on purpose."""


class TransientError(VeilleError):
    """A failure that may pass: retry after ``retry_after`` seconds (None: use the backoff)."""

    def __init__(self, message: str, retry_after: float | None = None) -> None:
        super().__init__(message)
        self.retry_after = retry_after


class PermanentError(VeilleError):
    """A failure that retrying will not fix."""


class DecodeError(PermanentError):
    """A record that is not the message its topic carries."""


class ConfigError(VeilleError):
    """An invalid configuration; ``problems`` holds one line per problem."""

    def __init__(self, problems: list[str]) -> None:
        super().__init__("; ".join(problems))
        self.problems = problems
