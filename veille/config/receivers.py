"""Config section ``receivers``: where alerts are delivered.

Owned by the alerting work (alerts/receivers). One model per channel, joined in a discriminated
union on ``type``.
"""

from __future__ import annotations

from pathlib import Path
from typing import Annotated, Literal

from pydantic import Field, SecretStr

from veille.config.base import Section

_NAME = r"^[A-Za-z0-9][A-Za-z0-9._-]{0,63}$"


class ConsoleReceiver(Section):
    """Print alerts on the worker's standard output."""

    type: Literal["console"]
    name: str = Field(pattern=_NAME)


class JsonlReceiver(Section):
    """Append one JSON line per delivered alert to a file (relative: in the data directory)."""

    type: Literal["jsonl"]
    name: str = Field(pattern=_NAME)
    path: Path


class SlackReceiver(Section):
    """Slack incoming webhook."""

    type: Literal["slack"]
    name: str = Field(pattern=_NAME)
    webhook_url: SecretStr


class EmailReceiver(Section):
    """Email over SMTP."""

    type: Literal["email"]
    name: str = Field(pattern=_NAME)
    host: str
    port: int = 25
    sender: str
    to: tuple[str, ...]


ReceiverConfig = Annotated[ConsoleReceiver | JsonlReceiver | SlackReceiver | EmailReceiver, Field(discriminator="type")]
