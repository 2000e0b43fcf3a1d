"""Slack incoming-webhook receiver (the simplest setup: one URL per channel).

What this mode can and cannot guarantee: an incoming webhook has no message id, no thread, no
history to look into. A clear refusal (429, 4xx, 5xx with Slack's error string) means Slack did
not post, and the outbox retries (429, 5xx) or gives up (4xx) without a duplicate. A timeout or a
connection cut *after* the request left is ambiguous: Slack may have posted; the retry then
posts again. Follow-ups arrive as new messages (no thread, no update of the original). Use the bot
mode (``token`` + ``channel``) when duplicates or threading matter.
"""

from __future__ import annotations

import logging
from urllib.error import URLError

from slack_sdk.errors import SlackRequestError
from slack_sdk.webhook import WebhookClient

from alerts.receivers.base import Delivered, Notice, Receiver
from alerts.receivers.http import host_of
from alerts.receivers.slack_message import SDK_LOG, message_for, network_failure, slack_failure
from alerts.render import Renderer
from veille.errors import PermanentError

log = logging.getLogger(__name__)


class SlackWebhook(Receiver):
    """POST Block Kit messages to a Slack incoming webhook URL."""

    def __init__(self, name: str, url: str, renderer: Renderer, timeout: float = 10.0) -> None:
        self.name = name
        self.renderer = renderer
        self.client = WebhookClient(url=url, timeout=timeout, retry_handlers=[], logger=SDK_LOG)
        self._where = host_of(url)

    def send(self, notice: Notice) -> Delivered:
        """Post the notice; Slack answers ``200 ok`` when it did."""
        message = message_for(self.renderer, notice.alert)
        what = f"slack webhook {self.name}"
        try:
            response = self.client.send_dict(message)
        except SlackRequestError as exc:
            raise PermanentError(f"{what}: {exc}") from None
        except (URLError, TimeoutError, ConnectionError, OSError) as exc:
            raise network_failure(f"{what}: no answer from {self._where}", exc) from None
        if response.status_code == 200:
            return Delivered(detail=f"HTTP 200 {response.body[:20]}")
        raise slack_failure(what, response.status_code, response.body or "", response.headers)
