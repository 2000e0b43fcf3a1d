"""Composing alert emails: encoded subjects, stable Message-IDs, threading, no header injection."""

from __future__ import annotations

from email import message_from_bytes
from email.policy import default

from alerts.receivers.base import Notice
from alerts.receivers.email import Email
from alerts.render import Renderer
from tests.unit.alerts.receivers.factory import NAMES, hostile_alert, make_alert
from veille.config.receivers import EmailReceiver


def mailer(**changes) -> Email:
    fields = {"type": "email", "name": "analysts", "host": "smtp.example.org", "sender": "veille <alerts@ex.org>"}
    fields |= {"to": ("desk@example.org",)}
    fields |= changes
    return Email(EmailReceiver(**fields), Renderer("analysts", names={"PRK": "Corée du Nord", "RUS": "Russie"}))


def test_utf8_subject_is_encoded_and_decodes_intact() -> None:
    raw = mailer().compose(Notice(make_alert(), "k")).as_bytes()

    subject_line = next(line for line in raw.split(b"\r\n") if line.startswith(b"Subject:"))
    assert subject_line.isascii() and b"=?utf-8?" in subject_line
    assert message_from_bytes(raw, policy=default)["Subject"].startswith("[veille] Corée du Nord–Russie agreement")


def test_message_id_is_the_same_for_a_resend_and_differs_per_revision() -> None:
    first = mailer().compose(Notice(make_alert(), "k"))["Message-ID"]
    again = mailer().compose(Notice(make_alert(), "k"))["Message-ID"]
    update = mailer().compose(Notice(make_alert(kind="update", revision=1), "k1"))["Message-ID"]

    assert first == again
    assert update != first
    assert first.endswith("@ex.org>")


def test_follow_up_without_thread_ref_still_threads_on_the_derived_root() -> None:
    root = mailer().compose(Notice(make_alert(), "k"))["Message-ID"]

    follow_up = mailer().compose(Notice(make_alert(kind="update", revision=1), "k1"))

    assert follow_up["In-Reply-To"] == root


def test_new_stage_refers_to_the_previous_alert_thread() -> None:
    announced = mailer().compose(Notice(make_alert(), "k"))["Message-ID"]

    signed = mailer().compose(
        Notice(make_alert(alert_id="signed-1", stage="signed", previous_alert_id=make_alert().alert_id), "k")
    )

    assert signed["References"] == announced
    assert signed["In-Reply-To"] == announced


def test_cr_lf_in_feed_text_or_thread_ref_never_reaches_a_header() -> None:
    notice = Notice(hostile_alert(kind="update", revision=1), "k", thread_ref="<x@y>\r\nBcc: victim@example.org")

    raw = mailer().compose(notice).as_bytes()

    headers = raw.split(b"\r\n\r\n", 1)[0]
    assert b"Bcc:" not in headers and b"victim" not in headers
    parsed = message_from_bytes(raw, policy=default)
    assert parsed["Bcc"] is None


def test_html_part_has_no_script_and_no_remote_content() -> None:
    msg = mailer().compose(Notice(hostile_alert(), "k"))

    html = msg.get_body(("html",)).get_content()
    assert "<script" not in html and "<img" not in html
    assert "&lt;img src=https://tracker.example/p.gif&gt;" in html
    assert msg.get_body(("plain",)).get_content().startswith("Corée du Nord–Russie agreement")


def test_names_default_to_entity_ids() -> None:
    plain = Email(mailer().config, Renderer("analysts", names=NAMES)).compose(Notice(make_alert(), "k"))

    assert plain["Subject"] == "[veille] North Korea–Russia agreement: announced (3 sources)"
