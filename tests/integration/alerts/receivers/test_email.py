"""The email receiver against aiosmtpd on loopback: AUTH, STARTTLS, implicit TLS, threading headers."""

from __future__ import annotations

import email
import socket
import ssl
import subprocess
from collections.abc import Callable, Iterator
from email.message import EmailMessage
from email.policy import default
from pathlib import Path
from typing import Any

import pytest
from aiosmtpd.controller import Controller
from aiosmtpd.smtp import AuthResult, LoginPassword

from alerts.receivers.base import Notice
from alerts.receivers.email import Email
from alerts.render import Renderer
from tests.unit.alerts.receivers.factory import NAMES, hostile_alert, make_alert
from veille.config.receivers import EmailReceiver
from veille.errors import PermanentError, TransientError

USER, PASSWORD = "veille", "s3cret"


@pytest.fixture(scope="session")
def certificate(tmp_path_factory: pytest.TempPathFactory) -> tuple[Path, Path]:
    """A self-signed certificate for 127.0.0.1 made with the openssl CLI: (cert, key)."""
    folder = tmp_path_factory.mktemp("tls")
    cert, key = folder / "cert.pem", folder / "key.pem"
    request = ["openssl", "req", "-x509", "-newkey", "rsa:2048", "-nodes", "-days", "1", "-subj", "/CN=127.0.0.1"]
    subprocess.run(
        [*request, "-addext", "subjectAltName=IP:127.0.0.1", "-keyout", str(key), "-out", str(cert)],
        check=True,
        capture_output=True,
    )
    return cert, key


class Inbox:
    """The aiosmtpd handler: keeps what it accepts; ``refuse`` answers RCPT with a code."""

    def __init__(self) -> None:
        self.messages: list[tuple[str, list[str], EmailMessage]] = []
        self.refuse: dict[str, str] = {}
        self.logins: list[str] = []

    def authenticator(self, server: Any, session: Any, envelope: Any, mechanism: str, data: Any) -> AuthResult:
        ok = isinstance(data, LoginPassword) and data.login == USER.encode() and data.password == PASSWORD.encode()
        if ok:
            self.logins.append(data.login.decode())
        return AuthResult(success=ok, handled=False)

    async def handle_RCPT(self, server: Any, session: Any, envelope: Any, address: str, options: Any) -> str:
        if address in self.refuse:
            return self.refuse[address]
        envelope.rcpt_tos.append(address)
        return "250 OK"

    async def handle_DATA(self, server: Any, session: Any, envelope: Any) -> str:
        parsed = email.message_from_bytes(envelope.original_content, policy=default)
        self.messages.append((envelope.mail_from, list(envelope.rcpt_tos), parsed))
        return "250 Message accepted"


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


ServerFactory = Callable[[str], tuple[Inbox, int]]


@pytest.fixture
def smtp_server(certificate: tuple[Path, Path]) -> Iterator[ServerFactory]:
    """Start an aiosmtpd requiring AUTH over TLS, in ``starttls`` or ``ssl`` mode."""
    controllers: list[Controller] = []

    def start(security: str) -> tuple[Inbox, int]:
        context = ssl.create_default_context(ssl.Purpose.CLIENT_AUTH)
        context.load_cert_chain(*certificate)
        inbox, port = Inbox(), free_port()
        options: dict[str, Any] = {"authenticator": inbox.authenticator, "auth_required": True}
        if security == "ssl":
            # Implicit TLS: aiosmtpd cannot tell the session is encrypted, so AUTH is offered without
            # waiting for STARTTLS (and not required, which aiosmtpd warns about); the login still runs.
            options.update(auth_required=False, auth_require_tls=False)
            controller = Controller(inbox, hostname="127.0.0.1", port=port, ssl_context=context, **options)
        else:
            controller = Controller(
                inbox, hostname="127.0.0.1", port=port, tls_context=context, require_starttls=True, **options
            )
        controller.start()
        controllers.append(controller)
        return inbox, port

    yield start
    for controller in controllers:
        controller.stop()


def receiver(port: int, cert: Path, security: str = "starttls", **changes: Any) -> Email:
    fields: dict[str, Any] = {
        "type": "email",
        "name": "analysts",
        "host": "127.0.0.1",
        "port": port,
        "security": security,
        "username": USER,
        "password": PASSWORD,
        "ca_file": cert,
        "sender": "veille <alerts@veille.example>",
        "to": ("desk@example.org", "oncall@example.org"),
        "timeout": 10,
    }
    fields.update(changes)
    return Email(EmailReceiver(**fields), Renderer("analysts", names=NAMES))


@pytest.mark.parametrize("security", ["starttls", "ssl"])
def test_alert_arrives_as_multipart_with_utf8_subject(smtp_server: ServerFactory, certificate, security) -> None:
    inbox, port = smtp_server(security)

    delivered = receiver(port, certificate[0], security).send(Notice(make_alert(title="Corée du Nord"), "k"))

    [(sender, rcpts, msg)] = inbox.messages
    assert inbox.logins == [USER]
    assert sender == "alerts@veille.example"
    assert rcpts == ["desk@example.org", "oncall@example.org"]
    assert msg["Subject"] == "[veille] North Korea–Russia agreement: announced (3 sources)"
    assert msg["Message-ID"] == delivered.ref
    assert msg.get_content_type() == "multipart/alternative"
    plain = msg.get_body(("plain",)).get_content()
    html = msg.get_body(("html",)).get_content()
    assert "Title:      Corée du Nord" in plain
    assert "<b>Corée du Nord</b>" in html


def test_follow_up_threads_under_the_first_notice(smtp_server: ServerFactory, certificate) -> None:
    inbox, port = smtp_server("starttls")
    mail = receiver(port, certificate[0])
    first = mail.send(Notice(make_alert(), "k0"))

    mail.send(Notice(make_alert(kind="update", revision=1, sources=("a", "b", "c", "d")), "k1", thread_ref=first.ref))

    follow_up = inbox.messages[1][2]
    assert follow_up["In-Reply-To"] == first.ref
    assert follow_up["References"] == first.ref
    assert follow_up["Subject"] == "[veille] North Korea–Russia agreement: announced, now 4 sources"
    assert follow_up["Message-ID"] != first.ref


def test_hostile_text_injects_no_header_and_no_script(smtp_server: ServerFactory, certificate) -> None:
    inbox, port = smtp_server("starttls")
    rule = "rus-prk\r\nBcc: victim@example.org"
    mail = receiver(port, certificate[0], templates={})
    mail.renderer = Renderer("analysts", {"subject": "{{ title }}"})

    mail.send(Notice(hostile_alert(rule=rule), "k"))

    [(_, rcpts, msg)] = inbox.messages
    assert rcpts == ["desk@example.org", "oncall@example.org"]
    assert msg["Bcc"] is None
    assert "\n" not in msg["Subject"] and "\x1b" not in msg["Subject"]
    html = msg.get_body(("html",)).get_content()
    assert "<script" not in html and "<img" not in html
    assert "&lt;script&gt;" in html


def test_wrong_password_is_permanent(smtp_server: ServerFactory, certificate) -> None:
    _, port = smtp_server("starttls")

    with pytest.raises(PermanentError, match="535"):
        receiver(port, certificate[0], password="wrong").send(Notice(make_alert(), "k"))


def test_untrusted_certificate_is_permanent(smtp_server: ServerFactory, certificate) -> None:
    _, port = smtp_server("starttls")

    with pytest.raises(PermanentError, match="certificate"):
        receiver(port, None).send(Notice(make_alert(), "k"))


def test_temporary_refusal_of_every_recipient_is_transient(smtp_server: ServerFactory, certificate) -> None:
    inbox, port = smtp_server("starttls")
    inbox.refuse = {"desk@example.org": "451 try later", "oncall@example.org": "452 full"}

    with pytest.raises(TransientError, match="every recipient refused"):
        receiver(port, certificate[0]).send(Notice(make_alert(), "k"))


def test_one_refused_recipient_is_reported_and_the_others_get_it(smtp_server: ServerFactory, certificate) -> None:
    inbox, port = smtp_server("starttls")
    inbox.refuse = {"oncall@example.org": "550 no such user"}

    delivered = receiver(port, certificate[0]).send(Notice(make_alert(), "k"))

    assert "oncall@example.org (550)" in delivered.detail
    assert inbox.messages[0][1] == ["desk@example.org"]


def test_closed_port_is_transient(certificate) -> None:
    with pytest.raises(TransientError):
        receiver(free_port(), certificate[0]).send(Notice(make_alert(), "k"))
