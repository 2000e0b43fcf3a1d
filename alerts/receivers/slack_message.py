"""What both Slack modes share: the Block Kit message and the reading of Slack's errors.

Message layout (each text under Slack's limits, with a margin for how Slack counts characters
outside the Basic Multilingual Plane: header 150, section 3,000, top-level ``text`` 40,000)::

    header   the headline (plain text)
    section  the ``mrkdwn`` template: title, stage, actors, sources with links, evidence quote in
             its original language, first seen, rule
    context  veille · alert id · revision

The ``text`` fallback (notifications, screen readers) is the escaped headline. ``metadata`` carries
the notice's idempotency key (``event_type: veille_notice``), which the bot mode looks for before
posting again. Errors: HTTP 429 and ``ratelimited`` are transient with Slack's ``Retry-After``;
5xx, timeouts and Slack's own ``internal_error``-like answers are transient; everything else
(``invalid_payload``, ``no_service``, ``channel_is_archived``, ``invalid_auth``…) is permanent and
keeps Slack's error string. A network failure is transient, except an untrusted TLS certificate,
which is permanent (retrying cannot fix it; the outbox records the failed delivery).
"""

from __future__ import annotations

import logging
import ssl
from collections.abc import Mapping
from typing import Any

from alerts.receivers.http import retry_after
from alerts.render import Renderer, clip, defuse_mentions, one_line, slack_escape
from veille.contracts import Alert
from veille.errors import PermanentError, TransientError

HEADER_MAX = 140
SECTION_MAX = 2900
TEXT_MAX = 2900
METADATA_EVENT = "veille_notice"

SDK_LOG = logging.getLogger("alerts.receivers.slack_sdk")
"""Given to slack-sdk clients: they log every failure at ERROR, which the receivers already turn into
one-line TransientError/PermanentError messages; raise its level to see the SDK's own output."""
SDK_LOG.setLevel(logging.CRITICAL)

TRANSIENT_ERRORS = frozenset(
    {"ratelimited", "rate_limited", "internal_error", "fatal_error", "service_unavailable", "request_timeout"}
)


def plain_text(text: str) -> str:
    """Text for a ``plain_text`` object: one line, no broadcast mention (Slack parses none there)."""
    return defuse_mentions(one_line(text))


def blocks_for(renderer: Renderer, alert: Alert) -> list[dict[str, Any]]:
    """The Block Kit blocks for ``alert``."""
    header = clip(plain_text(renderer.render("headline", alert)), HEADER_MAX)
    body = clip(renderer.render("mrkdwn", alert).strip(), SECTION_MAX)
    context = slack_escape(f"veille · alert {alert.alert_id} · revision {alert.revision}")
    return [
        {"type": "header", "text": {"type": "plain_text", "text": header or "veille alert", "emoji": True}},
        {"type": "section", "text": {"type": "mrkdwn", "text": body or "-"}},
        {"type": "context", "elements": [{"type": "mrkdwn", "text": clip(context, SECTION_MAX)}]},
    ]


def message_for(renderer: Renderer, alert: Alert, idempotency_key: str | None = None) -> dict[str, Any]:
    """``text`` + ``blocks`` (+ ``metadata`` with the idempotency key) for ``alert``."""
    message: dict[str, Any] = {
        "text": clip(slack_escape(renderer.render("headline", alert)), TEXT_MAX),
        "blocks": blocks_for(renderer, alert),
        "unfurl_links": False,
        "unfurl_media": False,
    }
    if idempotency_key is not None:
        message["metadata"] = {
            "event_type": METADATA_EVENT,
            "event_payload": {
                "idempotency_key": idempotency_key,
                "alert_id": alert.alert_id,
                "revision": alert.revision,
                "kind": alert.kind,
            },
        }
    return message


def slack_failure(
    what: str, status: int, error: str, headers: Mapping[str, str] | None = None
) -> TransientError | PermanentError:
    """The error to raise for a failed Slack call: ``status`` is HTTP, ``error`` Slack's string."""
    headers = {k.lower(): v for k, v in (headers or {}).items()}
    detail = f"{what}: {clip(one_line(error), 200) or 'no error string'} (HTTP {status})"
    if status == 429 or error in TRANSIENT_ERRORS:
        return TransientError(detail, retry_after=retry_after(headers.get("retry-after")))
    if status >= 500 or status in (408, 425):
        return TransientError(detail)
    return PermanentError(detail)


def network_failure(what: str, exc: OSError) -> TransientError | PermanentError:
    """The error to raise when a Slack call got no HTTP answer (``exc`` from urllib or the socket)."""
    reason = getattr(exc, "reason", exc)
    if isinstance(reason, ssl.SSLCertVerificationError):
        return PermanentError(f"{what}: TLS certificate not trusted ({reason.verify_message})")
    return TransientError(f"{what}: {reason}")
