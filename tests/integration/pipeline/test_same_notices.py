"""Issue 10 end to end: the same feed through ``veille run --once``, again and again, makes the same notices.

One feed dated ten minutes ago: three outlets report that Putin and Kim Jong Un signed a
partnership treaty (en, fr), one reports Moscow denying a plan to sign a *military pact*, one
reports Russia–Vietnam agreements; titles carry Slack and email injection attempts. Each run, on a
fresh data directory, must send exactly one notice per receiver (the Slack stand-in and aiosmtpd):
"signed (3 sources)", never a retraction.
"""

from __future__ import annotations

import os
import subprocess
import sys
from datetime import UTC, datetime, timedelta
from email.header import decode_header, make_header
from email.utils import format_datetime
from pathlib import Path

import pytest

from tests.integration.alerts.receivers.fakeslack import FakeSlack
from tests.integration.pipeline.support import LEXICON, FeedServer, SmtpSink

pytestmark = pytest.mark.timeout(900)

RUNS = 3
ITEMS = [
    ("s1", "AP", "Putin and Kim Jong Un sign comprehensive strategic partnership treaty <!channel> @here"),
    ("s2", "Le Monde", "Poutine et Kim Jong-un signent un traité de partenariat stratégique global"),
    ("s3", "Reuters", "Russia and North Korea sign partnership treaty in Pyongyang <https://evil.example|click>"),
    ("d1", "Kommersant", "Moscow denies any plan to sign a military pact with Pyongyang"),
    ("v1", "VnExpress", "Russia and Vietnam sign agreements on energy and education\r\nBcc: victim@evil.example"),
]


def feed(published: datetime) -> bytes:
    items = "".join(
        f"<item><title><![CDATA[{title}]]></title><link>https://news.example/{guid}</link>"
        f'<guid isPermaLink="false">{guid}</guid><source url="https://news.example/rss">{outlet}</source>'
        f"<pubDate>{format_datetime(published)}</pubDate></item>"
        for guid, outlet, title in ITEMS
    )
    head = '<?xml version="1.0" encoding="UTF-8"?><rss version="2.0"><channel><title>t</title>'
    return f"{head}{items}</channel></rss>".encode()


def config(path: Path, feed_url: str, slack_url: str, smtp_port: int) -> Path:
    includes = "\n".join(f"  - {p}" for p in LEXICON)
    path.write_text(
        f"""include:
{includes}
feeds:
  - {{id: world, url: "{feed_url}", source: World Feed, interval: 2s}}
rules:
  - name: rus-prk-agreements
    type: threshold
    event_type: agreement
    actors: [RUS, PRK]
    min_count: 2
    count: sources
    window: 12h
receivers:
  - {{type: slack, name: slack-ops, webhook_url: "{slack_url}"}}
  - {{type: email, name: mail-analysts, host: 127.0.0.1, port: {smtp_port}, security: none,
      sender: veille@test.example, to: [analysts@test.example]}}
metrics: {{ingest_port: 0, process_port: 0, alerts_port: 0}}
""",
        encoding="utf-8",
    )
    return path


def test_run_once_repeated_sends_one_signed_notice_per_receiver_every_time(tmp_path: Path) -> None:
    server = FeedServer({"/world.xml": feed(datetime.now(UTC) - timedelta(minutes=10))}).start()
    slack = FakeSlack().start()
    smtp = SmtpSink().start()
    try:
        path = config(tmp_path / "veille.yaml", server.url("/world.xml"), slack.webhook_url, smtp.port)
        for run in range(RUNS):
            before_slack, before_mail = len(slack.webhook_messages), len(smtp.messages)
            result = subprocess.run(
                [sys.executable, "-m", "veille.cli", "run", "--once", "--config", str(path)],
                capture_output=True,
                text=True,
                env={**os.environ, "VEILLE_DATA_DIR": str(tmp_path / f"data-{run}")},
                timeout=600,
                check=False,
            )
            assert result.returncode == 0, result.stderr[-2000:]
            [message] = slack.webhook_messages[before_slack:]
            [mail] = smtp.messages[before_mail:]
            assert message["text"] == "North Korea–Russia agreement: signed (3 sources)", run
            subject = str(make_header(decode_header(mail["Subject"])))
            assert subject == "[veille] North Korea–Russia agreement: signed (3 sources)"
            assert mail["Bcc"] is None
            body = message["blocks"][1]["text"]["text"]
            assert "<!channel>" not in body and "<https://evil.example" not in body
            for outlet in ("AP", "Le Monde", "Reuters"):
                assert f"|{outlet} — " in body  # each link labelled with its outlet and headline
            assert "Kommersant" not in body and "RETRACTED" not in message["text"]
    finally:
        smtp.stop()
        slack.stop()
        server.stop()
