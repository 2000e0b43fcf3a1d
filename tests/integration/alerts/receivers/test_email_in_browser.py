"""The HTML email as a person sees it: rendered by headless Chromium, its visible text checked part by part.

The retraction notice of the issue-10 story (three outlets confirmed a signing, two deny it) is
composed by the email receiver; its HTML part is opened in Chromium (Debian ``chromium``) inside a
page that copies the rendered ``innerText`` (what is visible, as laid out) into the DOM Chromium dumps.
"""

from __future__ import annotations

import html
import re
import shutil
import subprocess
from datetime import UTC, datetime
from pathlib import Path

import pytest

from alerts.receivers.base import Notice
from alerts.receivers.email import Email
from alerts.render import Renderer
from tests.unit.alerts.receivers.factory import HOSTILE, NAMES
from veille.config.receivers import EmailReceiver
from veille.contracts import Alert, Cited

CHROMIUM = shutil.which("chromium") or shutil.which("chromium-browser")
FLAGS = [
    "--headless",
    "--no-sandbox",
    "--disable-gpu",
    "--disable-quic",
    "--no-first-run",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
    "--allow-file-access-from-files",
    "--virtual-time-budget=5000",
]
WRAPPER = """<!DOCTYPE html><html><body>
<iframe id="mail" src="mail.html" width="900" height="1400"
 onload="document.getElementById('seen').textContent = this.contentDocument.body.innerText"></iframe>
<pre id="seen"></pre></body></html>"""

pytestmark = pytest.mark.skipif(CHROMIUM is None, reason="Debian package chromium is not installed")


def retraction() -> Alert:
    when = datetime(2026, 12, 1, 19, 0, tzinfo=UTC)
    return Alert(
        alert_id="rus-prk:abc:0",
        kind="retraction",
        rule="rus-prk",
        event_type="agreement",
        actors=("PRK", "RUS"),
        stage="signed",
        group_key="k",
        title="Putin and Kim sign partnership treaty",
        evidence="Moscow denies that any treaty was signed",
        evidence_lang="en",
        evidence_source="Kommersant",
        sources=("AP", "Le Monde", "Yonhap"),
        article_ids=("a1", "a2", "a3", "d1", "d2"),
        links=("https://ap.example/a1",),
        first_seen=when,
        fired_at=when,
        revision=1,
        reports=(
            Cited(source="AP", title="Putin and Kim sign partnership treaty", lang="en", url="https://ap.example/a1"),
            Cited(source="Le Monde", title="Poutine et Kim signent un traité", lang="fr", url="https://lm.example/a2"),
            Cited(source="Yonhap", title=HOSTILE, lang="en", url="https://yna.example/a3"),
        ),
        denials=(
            Cited(source="TASS", title="No treaty was signed, Kremlin says", lang="en", url="https://tass.example/d1"),
            Cited(source="Kommersant", title="Moscow denies signing", lang="en", url=None),
        ),
        denied_by=("TASS", "Kommersant"),
    )


def visible_text(page: Path, folder: Path) -> str:
    """The text Chromium shows for ``page`` (the email's HTML part)."""
    (folder / "mail.html").write_bytes(page.read_bytes())
    (folder / "wrapper.html").write_text(WRAPPER, encoding="utf-8")
    profile = folder / "profile"
    run = subprocess.run(
        [CHROMIUM, *FLAGS, f"--user-data-dir={profile}", "--dump-dom", (folder / "wrapper.html").as_uri()],
        capture_output=True,
        text=True,
        timeout=120,
        check=True,
    )
    match = re.search(r'<pre id="seen">(.*?)</pre>', run.stdout, re.DOTALL)
    assert match, f"chromium printed no rendered text: {run.stdout[:300]!r} {run.stderr[-300:]!r}"
    return html.unescape(match.group(1))


def test_the_retraction_email_shows_who_confirmed_who_denied_and_whose_quote_it_is(tmp_path: Path) -> None:
    config = EmailReceiver(
        type="email", name="analysts", host="127.0.0.1", sender="veille@x.example", to=["a@x.example"]
    )
    message = Email(config, Renderer("analysts", names=NAMES)).compose(Notice(retraction(), "k"))
    text_part = message.get_body(("plain",)).get_content()
    page = tmp_path / "part.html"
    page.write_text(message.get_body(("html",)).get_content(), encoding="utf-8")

    seen = visible_text(page, tmp_path)
    lines = [line.strip() for line in seen.splitlines() if line.strip()]

    headline = "RETRACTED: North Korea–Russia agreement: signed (denied by 2 outlets; 3 sources had confirmed)"
    assert lines[0] == headline
    assert "Retracted: 2 outlet(s) deny what this alert reported." in lines
    quote = lines.index("Moscow denies that any treaty was signed")
    assert lines[quote + 1] == "— Kommersant (en)"
    denied, confirmed = lines.index("Denied by (2)"), lines.index("Confirmed by (3)")
    assert lines[denied + 1 : denied + 3] == [
        "TASS — No treaty was signed, Kremlin says",
        "Kommersant — Moscow denies signing",
    ]
    assert lines[confirmed + 1 : confirmed + 3] == [
        "AP — Putin and Kim sign partnership treaty",
        "Le Monde — Poutine et Kim signent un traité (fr)",
    ]
    assert lines[confirmed + 3].startswith("Yonhap — <!channel> <!here|here>")  # feed markup shown as text
    assert "pwned" in seen and "\x1b" not in seen and "click me" in seen
    # The text part says the same, in the same order.
    assert text_part.index("Denied by (2):") < text_part.index("Confirmed by (3):")
    assert 'Kommersant: "Moscow denies that any treaty was signed"' in text_part
    assert "  - TASS — No treaty was signed, Kremlin says <https://tass.example/d1>" in text_part
