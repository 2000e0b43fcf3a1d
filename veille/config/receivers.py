"""Config section ``receivers``: where alerts are delivered.

Owned by the alerting work (alerts/receivers). One model per channel, joined in a discriminated
union on ``type``, so a YAML mistake names the receiver and the field. Secrets are ``SecretStr``
(write them as ``${VAR}`` in the file). Every receiver may override its message templates
(``templates:``, inline Jinja2 source or ``{file: PATH}``); see docs/RECEIVERS.md.
"""

from __future__ import annotations

from datetime import timedelta
from pathlib import Path
from typing import Annotated, Any, Literal

from pydantic import AnyHttpUrl, Field, SecretStr, field_validator, model_validator

from veille.config.base import Duration, Section

_NAME = r"^[A-Za-z0-9][A-Za-z0-9._-]{0,63}$"
_HEADER = r"^[A-Za-z0-9-]{1,64}$"

TemplateName = Literal["headline", "text", "mrkdwn", "subject", "html"]
"""The templates a receiver renders: ``headline`` and ``text`` (plain text), ``mrkdwn`` (the body of
a Slack message), ``subject`` and ``html`` (email)."""


class TemplateFile(Section):
    """A template kept in a file (UTF-8 Jinja2 source)."""

    file: Path


TemplateSource = Annotated[str | TemplateFile, Field(description="inline Jinja2 source, or {file: PATH}")]


class ReceiverBase(Section):
    """Fields every receiver has: a unique ``name`` (used by rules and metrics) and its ``type``."""

    name: str = Field(pattern=_NAME)
    templates: dict[TemplateName, TemplateSource] = Field(
        default_factory=dict, description="per-receiver template overrides (sandboxed Jinja2)"
    )


class ConsoleReceiver(ReceiverBase):
    """Print alerts on the worker's standard output (control characters removed)."""

    type: Literal["console"]


class JsonlReceiver(ReceiverBase):
    """Append one JSON line per delivered notice to a file (relative: in the data directory)."""

    type: Literal["jsonl"]
    path: Path = Path("alerts.jsonl")
    fsync: bool = Field(True, description="fsync after every line (durable; slower on busy disks)")


class HttpOptions(Section):
    """What every HTTP receiver shares: a timeout and extra headers (secrets allowed)."""

    timeout: Duration = timedelta(seconds=10)
    headers: dict[Annotated[str, Field(pattern=_HEADER)], SecretStr] = Field(
        default_factory=dict, description="extra request headers, e.g. Authorization: Bearer ${TOKEN}"
    )

    @field_validator("headers")
    @classmethod
    def _no_line_breaks(cls, value: dict[str, SecretStr]) -> dict[str, SecretStr]:
        for key, secret in value.items():
            if any(c in secret.get_secret_value() for c in "\r\n\0"):
                raise ValueError(f"header {key} contains a line break")
        return value

    def http_options(self) -> dict[str, Any]:
        """``headers`` (secrets revealed) and ``timeout`` (seconds) as receiver keyword arguments."""
        return {
            "headers": {k: v.get_secret_value() for k, v in self.headers.items()},
            "timeout": self.timeout.total_seconds(),
        }


class WebhookReceiver(ReceiverBase, HttpOptions):
    """POST the alert as JSON, signed with HMAC-SHA256 over ``timestamp.body`` when a secret is set."""

    type: Literal["webhook"]
    url: AnyHttpUrl
    secret: SecretStr | None = Field(None, description="HMAC-SHA256 key; unset sends no signature header")


class AlertmanagerReceiver(ReceiverBase, HttpOptions):
    """POST to a Prometheus Alertmanager's ``/api/v2/alerts`` (``url`` is its base URL)."""

    type: Literal["alertmanager"]
    url: AnyHttpUrl
    active_for: Duration = Field(
        timedelta(hours=24), description="endsAt = startsAt + active_for; a retraction resolves at once"
    )
    labels: dict[Annotated[str, Field(pattern=r"^[A-Za-z_][A-Za-z0-9_]*$")], str] = Field(
        default_factory=dict, description="static labels added to every alert (e.g. team: analysts)"
    )
    generator_url: AnyHttpUrl | None = None


class SlackReceiver(ReceiverBase):
    """Slack: an incoming ``webhook_url``, or a bot ``token`` posting into ``channel``.

    The bot mode threads follow-ups under the first message, keeps its source count current with
    ``chat.update`` and never posts a notice twice (message metadata + a history check).
    """

    type: Literal["slack"]
    webhook_url: SecretStr | None = None
    token: SecretStr | None = Field(None, description="bot token (xoxb-…) with chat:write and channels:history")
    channel: str | None = Field(None, description="channel id (C…) for the bot mode")
    api_url: AnyHttpUrl = Field(AnyHttpUrl("https://slack.com/api/"), description="Web API base URL")
    timeout: Duration = timedelta(seconds=10)
    dedup_lookback: Duration = Field(
        timedelta(hours=1), description="how far back the bot looks for a message it may already have posted"
    )
    broadcast_retractions: bool = Field(True, description="also show a thread's retraction in the channel")

    @model_validator(mode="after")
    def _one_mode(self) -> SlackReceiver:
        if (self.webhook_url is None) == (self.token is None):
            raise ValueError("set exactly one of webhook_url (incoming webhook) or token + channel (bot)")
        if self.token is not None and not self.channel:
            raise ValueError("the bot mode (token) needs a channel id")
        return self


class EmailReceiver(ReceiverBase):
    """Email over SMTP: plain text + HTML, threaded with Message-ID / In-Reply-To / References."""

    type: Literal["email"]
    host: str = Field(min_length=1)
    port: int | None = Field(None, ge=1, le=65535, description="default: 465 for ssl, 587 for starttls, 25")
    security: Literal["starttls", "ssl", "none"] = "starttls"
    username: str | None = None
    password: SecretStr | None = None
    ca_file: Path | None = Field(None, description="CA bundle to trust instead of the system store")
    sender: str = Field(min_length=3, description="From: address, e.g. 'veille <alerts@example.org>'")
    to: tuple[str, ...] = Field(min_length=1)
    timeout: Duration = timedelta(seconds=30)
    message_id_domain: str | None = Field(None, description="right side of Message-IDs; default: sender's domain")

    @field_validator("sender", "to", "message_id_domain")
    @classmethod
    def _single_line(cls, value: str | tuple[str, ...] | None) -> str | tuple[str, ...] | None:
        for item in (value,) if isinstance(value, str) else value or ():
            if any(c in item for c in "\r\n\0"):
                raise ValueError("addresses cannot contain line breaks")
        return value

    @model_validator(mode="after")
    def _auth_pair(self) -> EmailReceiver:
        if (self.username is None) != (self.password is None):
            raise ValueError("username and password go together")
        if self.username is not None and self.security == "none":
            raise ValueError("a login over security: none would send the password in clear; use starttls or ssl")
        return self

    @property
    def effective_port(self) -> int:
        """The port to connect to: ``port`` or the usual one for ``security``."""
        return self.port or {"ssl": 465, "starttls": 587, "none": 25}[self.security]


ReceiverConfig = Annotated[
    ConsoleReceiver | JsonlReceiver | WebhookReceiver | AlertmanagerReceiver | SlackReceiver | EmailReceiver,
    Field(discriminator="type"),
]
"""One ``receivers:`` entry; ``type`` picks the model."""
