"""The ``receivers:`` config section: one model per type, errors that name the field."""

from __future__ import annotations

from pathlib import Path

import pytest
import yaml

from veille.config import load_config
from veille.errors import ConfigError

RECEIVERS = """
receivers:
  - {name: console, type: console}
  - {name: file, type: jsonl, path: out/alerts.jsonl}
  - {name: ops-webhook, type: slack, webhook_url: "${SLACK_WEBHOOK_URL}"}
  - {name: ops-bot, type: slack, token: "${SLACK_BOT_TOKEN}", channel: C0123456789}
  - name: analysts
    type: email
    host: smtp.example.org
    security: starttls
    username: veille
    password: "${SMTP_PASSWORD}"
    sender: "veille <alerts@example.org>"
    to: [desk@example.org]
  - {name: hook, type: webhook, url: "https://hooks.example.org/veille", secret: "${HOOK_SECRET}"}
  - {name: am, type: alertmanager, url: "http://alertmanager:9093", labels: {team: analysts}}
"""
ENV = {"SLACK_WEBHOOK_URL": "https://hooks.slack.com/services/T/B/X", "SLACK_BOT_TOKEN": "xoxb-1"}
ENV |= {"SMTP_PASSWORD": "pw", "HOOK_SECRET": "s"}


def load(tmp_path: Path, text: str, env: dict[str, str] | None = None):
    path = tmp_path / "veille.yaml"
    path.write_text(text, encoding="utf-8")
    return load_config(path, environ=env if env is not None else ENV)


def test_every_receiver_type_loads_with_secrets_from_the_environment(tmp_path: Path) -> None:
    config = load(tmp_path, RECEIVERS)

    assert [r.type for r in config.receivers] == [
        "console",
        "jsonl",
        "slack",
        "slack",
        "email",
        "webhook",
        "alertmanager",
    ]
    email = config.receivers[4]
    assert email.effective_port == 587
    assert email.password.get_secret_value() == "pw"
    assert "pw" not in repr(email)


@pytest.mark.parametrize(
    ("entry", "problem"),
    [
        ({"name": "s", "type": "slack"}, "receivers.0.slack: set exactly one of webhook_url"),
        ({"name": "s", "type": "slack", "token": "x"}, "needs a channel id"),
        ({"name": "e", "type": "email", "host": "h", "sender": "a@b", "to": []}, "receivers.0.email.to"),
        ({"name": "e", "type": "email", "host": "h", "sender": "a@b\r\nBcc: x@y", "to": ["t@x"]}, "line breaks"),
        ({"name": "w", "type": "webhook", "url": "ftp://x"}, "receivers.0.webhook.url"),
        (
            {"name": "e", "type": "email", "host": "h", "sender": "a@b", "to": ["t@x"], "security": "none"}
            | {"username": "u", "password": "p"},
            "password in clear",
        ),
        ({"name": "x", "type": "pager"}, "receivers.0: Input tag 'pager' found"),
        ({"name": "c", "type": "console", "colour": True}, "receivers.0.console.colour: Extra inputs"),
        ({"name": "c", "type": "console", "templates": {"body": "x"}}, "receivers.0.console.templates.body"),
    ],
)
def test_a_bad_entry_is_one_line_naming_the_field(tmp_path: Path, entry, problem) -> None:
    with pytest.raises(ConfigError) as caught:
        load(tmp_path, yaml.safe_dump({"receivers": [entry]}))

    assert any(problem in line for line in caught.value.problems), caught.value.problems
