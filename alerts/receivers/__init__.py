"""Alert receivers, one module per channel; ``build`` turns a receiver config into a Receiver.

The registry below is the one list of channels. To add one: write ``alerts/receivers/<channel>.py``
with a ``Receiver`` subclass that has ``from_config(config, data_dir, renderer)``, add its config
model to ``veille.config.receivers.ReceiverConfig``, and register it here.

Example::

    receiver = build(config.receivers[0], config.data_dir, names={"RUS": "Russia"})
    receiver.send(Notice(alert, idempotency_key="…"))
"""

from __future__ import annotations

from collections.abc import Mapping
from pathlib import Path
from typing import Protocol

from alerts.receivers.alertmanager import Alertmanager
from alerts.receivers.base import Delivered, Notice, Receiver
from alerts.receivers.console import Console
from alerts.receivers.email import Email
from alerts.receivers.jsonl import JsonlFile
from alerts.receivers.slack_bot import SlackBot
from alerts.receivers.slack_webhook import SlackWebhook
from alerts.receivers.webhook import Webhook
from alerts.render import Renderer
from veille.config.receivers import ReceiverConfig, SlackReceiver, TemplateFile
from veille.errors import ConfigError

__all__ = ["RECEIVERS", "Delivered", "Notice", "Receiver", "build"]


class Configurable(Protocol):
    """A receiver class built from its config entry."""

    @classmethod
    def from_config(cls, config: ReceiverConfig, data_dir: Path, renderer: Renderer) -> Receiver:
        """Build the receiver for ``config``."""
        ...


class _Slack:
    """The ``slack`` type: the bot mode when a token is set, else the incoming webhook."""

    @classmethod
    def from_config(cls, config: SlackReceiver, data_dir: Path, renderer: Renderer) -> Receiver:
        timeout = config.timeout.total_seconds()
        if config.token is not None and config.channel:
            return SlackBot(
                config.name,
                config.token.get_secret_value(),
                config.channel,
                renderer,
                api_url=str(config.api_url),
                timeout=timeout,
                dedup_lookback=config.dedup_lookback.total_seconds(),
                broadcast_retractions=config.broadcast_retractions,
            )
        assert config.webhook_url is not None  # the config model requires one of the two
        return SlackWebhook(config.name, config.webhook_url.get_secret_value(), renderer, timeout=timeout)


RECEIVERS: dict[str, type[Configurable]] = {
    "console": Console,
    "jsonl": JsonlFile,
    "webhook": Webhook,
    "alertmanager": Alertmanager,
    "slack": _Slack,
    "email": Email,
}


def build(config: ReceiverConfig, data_dir: Path, names: Mapping[str, str] | None = None) -> Receiver:
    """The Receiver for one ``receivers:`` entry.

    ``data_dir`` anchors relative output paths (JSONL). ``names`` maps watchlist ids to display names
    for headlines (``{"PRK": "North Korea"}``); ids are shown as they are otherwise. Raises
    ConfigError (one line per problem) when a template override cannot be read or rendered.
    """
    overrides: dict[str, str] = {}
    for key, source in config.templates.items():
        if isinstance(source, TemplateFile):
            try:
                overrides[key] = source.file.read_text(encoding="utf-8")
            except (OSError, UnicodeDecodeError) as exc:
                raise ConfigError(
                    [f"receivers.{config.name}.templates.{key}: cannot read {source.file}: {exc}"]
                ) from None
        else:
            overrides[key] = source
    renderer = Renderer(config.name, overrides, names)
    return RECEIVERS[config.type].from_config(config, data_dir, renderer)
