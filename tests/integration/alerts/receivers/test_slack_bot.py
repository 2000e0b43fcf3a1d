"""The Slack bot-token receiver: threads, updates of the original, and no second post."""

from __future__ import annotations

import pytest

from alerts.receivers.base import Notice
from alerts.receivers.slack_bot import SlackBot
from alerts.render import Renderer
from tests.integration.alerts.receivers.fakeslack import TOKEN, FakeSlack, Scripted
from tests.unit.alerts.receivers.factory import NAMES, make_alert
from veille.errors import PermanentError, TransientError

POST = "/api/chat.postMessage"


def bot(slack: FakeSlack, token: str = TOKEN, channel: str = "C123") -> SlackBot:
    return SlackBot(
        "ops-bot",
        token,
        channel,
        Renderer("ops-bot", names=NAMES),
        api_url=slack.api_url,
        timeout=1,
        clock=lambda: 1718694000.0,
    )


def test_new_alert_is_posted_with_metadata_and_its_ts_is_the_thread_ref(slack: FakeSlack) -> None:
    delivered = bot(slack).send(Notice(make_alert(), "alert-1:0:ops-bot"))

    [message] = slack.top_level()
    assert delivered.ref == message["ts"]
    assert message["metadata"]["event_payload"]["idempotency_key"] == "alert-1:0:ops-bot"
    assert message["text"] == "North Korea–Russia agreement: announced (3 sources)"


def test_update_goes_in_the_thread_and_refreshes_the_source_count_of_the_original(slack: FakeSlack) -> None:
    receiver = bot(slack)
    first = receiver.send(Notice(make_alert(), "a:0"))
    seven = tuple(f"Outlet {i}" for i in range(7))

    receiver.send(Notice(make_alert(kind="update", revision=1, sources=seven), "a:1", thread_ref=first.ref))

    [original] = slack.top_level()
    [reply] = slack.replies(first.ref)
    assert reply["text"] == "North Korea–Russia agreement: announced, now 7 sources"
    assert original["edited"] is True
    assert original["text"] == "North Korea–Russia agreement: announced (7 sources)"


def test_retraction_is_threaded_broadcast_and_marks_the_original(slack: FakeSlack) -> None:
    receiver = bot(slack)
    first = receiver.send(Notice(make_alert(), "a:0"))

    receiver.send(Notice(make_alert(kind="retraction", revision=2), "a:2", thread_ref=first.ref))

    [reply] = slack.replies(first.ref)
    assert reply["reply_broadcast"] is True
    assert reply["text"].startswith("RETRACTED: North Korea–Russia agreement: announced")
    assert slack.top_level()[0]["text"].startswith("RETRACTED:")


def test_429_for_a_message_slack_did_post_does_not_lead_to_a_second_post(slack: FakeSlack) -> None:
    receiver = bot(slack)
    slack.script(POST, Scripted(429, {"ok": False, "error": "ratelimited"}, {"Retry-After": "3"}, then_work=True))

    with pytest.raises(TransientError) as caught:
        receiver.send(Notice(make_alert(), "a:0"))
    assert caught.value.retry_after == 3.0
    delivered = receiver.send(Notice(make_alert(), "a:0", attempt=2))

    [message] = slack.top_level()
    assert delivered.ref == message["ts"]
    assert "already posted" in delivered.detail
    assert len(slack.calls(POST)) == 1


def test_a_timeout_on_a_message_slack_did_post_does_not_lead_to_a_second_post(slack: FakeSlack) -> None:
    receiver = bot(slack)
    slack.script(POST, Scripted(200, {"ok": True}, then_work=True, delay=3.0))

    with pytest.raises(TransientError, match="no answer"):
        receiver.send(Notice(make_alert(), "a:0"))
    receiver.send(Notice(make_alert(), "a:0"))

    assert len(slack.top_level()) == 1
    assert len(slack.calls(POST)) == 1


def test_a_fresh_process_resuming_a_delivery_finds_the_posted_message(slack: FakeSlack) -> None:
    first = bot(slack).send(Notice(make_alert(), "a:0"))
    bot(slack).send(Notice(make_alert(kind="update", revision=1), "a:1", thread_ref=first.ref))

    again = bot(slack).send(Notice(make_alert(kind="update", revision=1), "a:1", thread_ref=first.ref, attempt=3))

    assert len(slack.replies(first.ref)) == 1
    assert again.ref == slack.replies(first.ref)[0]["ts"]


def test_a_retry_after_a_real_refusal_posts_once(slack: FakeSlack) -> None:
    receiver = bot(slack)
    slack.script(POST, Scripted(503, "upstream unavailable"))

    with pytest.raises(TransientError):
        receiver.send(Notice(make_alert(), "a:0"))
    receiver.send(Notice(make_alert(), "a:0", attempt=2))

    assert len(slack.top_level()) == 1


def test_wrong_token_is_permanent_with_slack_error(slack: FakeSlack) -> None:
    with pytest.raises(PermanentError, match="invalid_auth"):
        bot(slack, token="xoxb-wrong").send(Notice(make_alert(), "a:0"))


def test_unknown_channel_is_permanent_with_slack_error(slack: FakeSlack) -> None:
    with pytest.raises(PermanentError, match="channel_not_found"):
        bot(slack, channel="C999").send(Notice(make_alert(), "a:0"))


def test_original_that_cannot_be_edited_does_not_fail_the_follow_up(slack: FakeSlack) -> None:
    receiver = bot(slack)
    first = receiver.send(Notice(make_alert(), "a:0"))
    slack.script("/api/chat.update", Scripted(200, {"ok": False, "error": "cant_update_message"}))

    delivered = receiver.send(Notice(make_alert(kind="update", revision=1), "a:1", thread_ref=first.ref))

    assert "cant_update_message" in delivered.detail
    assert len(slack.replies(first.ref)) == 1


def test_requests_carry_the_bot_token(slack: FakeSlack) -> None:
    bot(slack).send(Notice(make_alert(), "a:0"))

    assert {h["authorization"] for _, h, _ in slack.requests} == {f"Bearer {TOKEN}"}
