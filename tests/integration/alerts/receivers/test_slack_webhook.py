"""The Slack incoming-webhook receiver against a server that answers as Slack does."""

from __future__ import annotations

import pytest

from alerts.receivers.base import Notice
from alerts.receivers.slack_webhook import SlackWebhook
from alerts.render import Renderer
from tests.integration.alerts.receivers.fakeslack import WEBHOOK_PATH, FakeSlack, Scripted
from tests.unit.alerts.receivers.factory import NAMES, hostile_alert, make_alert
from veille.contracts import Cited
from veille.errors import PermanentError, TransientError


def receiver(slack: FakeSlack) -> SlackWebhook:
    return SlackWebhook("ops-webhook", slack.webhook_url, Renderer("ops-webhook", names=NAMES), timeout=5)


def test_accepted_message_is_block_kit_with_fallback_text(slack: FakeSlack) -> None:
    delivered = receiver(slack).send(Notice(make_alert(), "k1"))

    assert "HTTP 200" in delivered.detail
    [message] = slack.webhook_messages
    assert message["text"] == "North Korea–Russia agreement: announced (3 sources)"
    assert [b["type"] for b in message["blocks"]] == ["header", "section", "context"]
    body = message["blocks"][1]["text"]["text"]
    assert "<https://en.yna.co.kr/a2?x=1&amp;y=2|Yonhap — Treaty may be signed (en)>" in body
    assert "> Un « traité de partenariat stratégique global » pourrait être signé.\n> — Le Monde _(fr)_" in body


def test_429_is_transient_with_slack_retry_after(slack: FakeSlack) -> None:
    slack.script(WEBHOOK_PATH, Scripted(429, "rate_limited", {"Retry-After": "30"}))

    with pytest.raises(TransientError) as caught:
        receiver(slack).send(Notice(make_alert(), "k1"))

    assert caught.value.retry_after == 30.0
    assert slack.webhook_messages == []


def test_500_is_transient(slack: FakeSlack) -> None:
    slack.script(WEBHOOK_PATH, Scripted(500, "internal_error"))

    with pytest.raises(TransientError, match="internal_error"):
        receiver(slack).send(Notice(make_alert(), "k1"))


@pytest.mark.parametrize(
    ("status", "error"),
    [(400, "invalid_payload"), (403, "action_prohibited"), (404, "no_service"), (410, "channel_is_archived")],
)
def test_client_errors_are_permanent_with_slack_error_string(slack: FakeSlack, status: int, error: str) -> None:
    slack.script(WEBHOOK_PATH, Scripted(status, error))

    with pytest.raises(PermanentError, match=error):
        receiver(slack).send(Notice(make_alert(), "k1"))


def test_unreachable_webhook_is_transient() -> None:
    gone = SlackWebhook("x", "http://127.0.0.1:9/services/T/B/X", Renderer("x"), timeout=2)

    with pytest.raises(TransientError, match="no answer"):
        gone.send(Notice(make_alert(), "k1"))


def test_hostile_feed_text_makes_no_mention_and_no_extra_link(slack: FakeSlack) -> None:
    receiver(slack).send(Notice(hostile_alert(), "k1"))

    [message] = slack.webhook_messages
    texts = [message["text"], *(b["text"]["text"] for b in message["blocks"] if "text" in b)]
    texts += [e["text"] for b in message["blocks"] for e in b.get("elements", [])]
    joined = "\n".join(texts)
    assert "<!" not in joined and "<@" not in joined
    assert "\x1b" not in joined and "\r" not in joined
    for broadcast in ("@channel", "@here", "@everyone"):
        assert broadcast not in joined
    section = message["blocks"][1]["text"]["text"]
    links = [part.split("|")[0] for part in section.split("<")[1:]]
    assert links == [
        "https://ok.example/b?a=1&amp;b=%3Cx%3E",
        "https://ok.example/a%7C%3C!channel%3E",
    ]  # denied, confirmed


def test_oversized_text_stays_within_slack_limits(slack: FakeSlack) -> None:
    long = "Très long & <texte> " * 400
    cited = tuple(
        Cited(source=f"{long[:70]} {i}", title=long, url=f"https://x.example/{i}?q={long[:300]}") for i in range(60)
    )
    alert = make_alert(title=long, evidence=long, sources=tuple(c.source for c in cited), reports=cited)

    receiver(slack).send(Notice(alert, "k1"))

    [message] = slack.webhook_messages
    assert len(message["blocks"][0]["text"]["text"]) < 150
    assert len(message["blocks"][1]["text"]["text"]) < 3000
    assert message["blocks"][1]["text"]["text"].endswith("…")
