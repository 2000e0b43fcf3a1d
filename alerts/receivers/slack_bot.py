"""Slack bot-token receiver: ``chat.postMessage`` into one channel, threads, updates, no duplicates.

- A new alert is a message in the channel; its ``ts`` is returned as ``Delivered.ref``, which the
  outbox hands back as ``Notice.thread_ref`` for every later notice of that alert.
- A follow-up (update, retraction) is a reply in that thread (a retraction is also shown in the
  channel unless ``broadcast_retractions`` is off), and ``chat.update`` rewrites the original so its
  source count stays current (or shows the retraction).
- No second post: every message carries its notice's idempotency key in ``metadata``. Before
  posting a notice that may already have reached Slack (``Notice.attempt > 1``, or an earlier
  attempt in this process failed after sending), the receiver reads the channel's recent history
  (or the thread's replies) for the last ``dedup_lookback`` and, if the key is there, reuses that
  message instead of posting again. A 429 or a timeout on a message Slack did post therefore never
  yields a second message.

Scopes: ``chat:write``, and ``channels:history`` (``groups:history`` for a private channel) for
the duplicate check. Slack's own retries are off: the outbox owns retries and backoff.
"""

from __future__ import annotations

import logging
import time
from collections.abc import Callable
from typing import Any
from urllib.error import URLError

from slack_sdk import WebClient
from slack_sdk.errors import SlackApiError, SlackRequestError

from alerts.receivers.base import Delivered, Notice, Receiver
from alerts.receivers.http import host_of
from alerts.receivers.slack_message import METADATA_EVENT, SDK_LOG, message_for, network_failure, slack_failure
from alerts.render import Renderer
from veille.contracts import Alert
from veille.errors import PermanentError

log = logging.getLogger(__name__)

HISTORY_PAGE = 200
HISTORY_PAGES = 5


class SlackBot(Receiver):
    """Post notices to ``channel`` with a bot token."""

    def __init__(
        self,
        name: str,
        token: str,
        channel: str,
        renderer: Renderer,
        api_url: str = "https://slack.com/api/",
        timeout: float = 10.0,
        dedup_lookback: float = 3600.0,
        broadcast_retractions: bool = True,
        clock: Callable[[], float] = time.time,
    ) -> None:
        self.name = name
        self.channel = channel
        self.renderer = renderer
        self.dedup_lookback = dedup_lookback
        self.broadcast_retractions = broadcast_retractions
        self.clock = clock
        self.client = WebClient(
            token=token, base_url=api_url, timeout=max(int(timeout), 1), retry_handlers=[], logger=SDK_LOG
        )
        self._uncertain: set[str] = set()
        self._where = host_of(api_url)

    def send(self, notice: Notice) -> Delivered:
        """Post (or find) the notice, then refresh the original message for a follow-up."""
        alert, key, thread_ts = notice.alert, notice.idempotency_key, notice.thread_ref
        try:
            ts = self._find(key, thread_ts) if notice.attempt > 1 or key in self._uncertain else None
            found = ts is not None
            if ts is None:
                self._uncertain.add(key)
                ts = self._post(notice)
            detail = f"{'already posted' if found else 'posted'} ts={ts}"
            if thread_ts is not None and alert.kind in ("update", "retraction"):
                detail += self._refresh_original(thread_ts, alert)
        except PermanentError:
            self._uncertain.discard(key)
            raise
        self._uncertain.discard(key)
        return Delivered(ref=ts, detail=detail)

    def _post(self, notice: Notice) -> str:
        """Post the notice (in its thread, if any); return the new message's ts."""
        alert, thread_ts = notice.alert, notice.thread_ref
        message = message_for(self.renderer, alert, notice.idempotency_key)
        broadcast = thread_ts is not None and alert.kind == "retraction" and self.broadcast_retractions
        response = self._call(
            "chat.postMessage",
            self.client.chat_postMessage,
            channel=self.channel,
            thread_ts=thread_ts,
            reply_broadcast=broadcast or None,
            **message,
        )
        return str(response.get("ts"))

    def _refresh_original(self, ts: str, alert: Alert) -> str:
        """Rewrite the first message of the alert; a message Slack will not edit is only logged."""
        shown = alert if alert.kind == "retraction" else alert.model_copy(update={"kind": "new"})
        message = message_for(self.renderer, shown)
        try:
            self._call(
                "chat.update",
                self.client.chat_update,
                channel=self.channel,
                ts=ts,
                text=message["text"],
                blocks=message["blocks"],
            )
        except PermanentError as exc:
            log.warning("%s: original message %s not updated: %s", self.name, ts, exc)
            return f"; original not updated ({exc})"
        return "; original updated"

    def _find(self, key: str, thread_ts: str | None) -> str | None:
        """The ts of a recent message carrying ``key`` in its metadata, or None."""
        args: dict[str, Any] = {
            "channel": self.channel,
            "oldest": f"{self.clock() - self.dedup_lookback:.6f}",
            "include_all_metadata": True,
            "limit": HISTORY_PAGE,
        }
        if thread_ts is not None:
            method, call = "conversations.replies", self.client.conversations_replies
            args["ts"] = thread_ts
        else:
            method, call = "conversations.history", self.client.conversations_history
        for _ in range(HISTORY_PAGES):
            response = self._call(method, call, **args)
            for message in response.get("messages") or []:
                metadata = message.get("metadata") or {}
                payload = metadata.get("event_payload") or {}
                if metadata.get("event_type") == METADATA_EVENT and payload.get("idempotency_key") == key:
                    log.info("%s: notice %s already in Slack (ts=%s), not posting again", self.name, key, message["ts"])
                    return str(message["ts"])
            cursor = (response.get("response_metadata") or {}).get("next_cursor")
            if not response.get("has_more") or not cursor:
                return None
            args["cursor"] = cursor
        return None

    def _call(self, method: str, call: Callable[..., Any], **kwargs: Any) -> Any:
        """Call a Web API method; Slack's failures become TransientError or PermanentError."""
        what = f"slack {self.name} {method}"
        try:
            return call(**{k: v for k, v in kwargs.items() if v is not None})
        except SlackApiError as exc:
            response = exc.response
            error = response.get("error") if isinstance(response.data, dict) else None
            raise slack_failure(what, response.status_code, str(error or ""), response.headers) from None
        except SlackRequestError as exc:
            raise PermanentError(f"{what}: {exc}") from None
        except (URLError, TimeoutError, ConnectionError, OSError) as exc:
            raise network_failure(f"{what}: no answer from {self._where}", exc) from None
