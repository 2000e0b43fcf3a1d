"""Email receiver: SMTP (STARTTLS, SSL or plain) with AUTH, multipart plain text + HTML.

- Subject and bodies come from the ``subject``, ``text`` and ``html`` templates; the subject is one
  line and UTF-8 encoded as RFC 2047 when needed ("Corée du Nord" arrives intact).
- Headers are built with ``email.message.EmailMessage`` and the SMTP policy, which refuses CR/LF in
  a header value; feed text is folded onto one line before it gets there anyway.
- ``Message-ID`` is derived from the receiver, the alert id and the revision, so a resend after an
  ambiguous failure carries the same id (mail clients and many servers drop the repeat).
  Follow-ups carry ``In-Reply-To``/``References`` to the first notice's Message-ID (the
  ``thread_ref`` the outbox passes back); a new stage also refers to the previous alert's thread.
- SMTP replies: 4xx and connection problems are transient, 5xx (including a refused login) and an
  untrusted certificate permanent; recipients refused while others accepted are reported in
  ``Delivered.detail``.
"""

from __future__ import annotations

import hashlib
import logging
import re
import smtplib
import ssl
from email.message import EmailMessage
from email.policy import SMTP
from email.utils import format_datetime, parseaddr
from pathlib import Path

from alerts.receivers.base import Delivered, Notice, Receiver
from alerts.render import Renderer, clip
from veille.config.receivers import EmailReceiver
from veille.contracts import Alert
from veille.errors import PermanentError, TransientError

log = logging.getLogger(__name__)

SUBJECT_MAX = 200
_MESSAGE_ID = re.compile(r"^<[!-~]{1,250}@[A-Za-z0-9.-]{1,253}>$")


def message_id(receiver: str, alert_id: str, revision: int, domain: str) -> str:
    """The Message-ID of a notice: the same for every resend of it, unique per alert and revision."""
    digest = hashlib.sha256(f"{receiver}\0{alert_id}".encode()).hexdigest()[:32]
    return f"<veille.{digest}.r{revision}@{domain}>"


class Email(Receiver):
    """Send each notice as one email to ``to``."""

    def __init__(self, config: EmailReceiver, renderer: Renderer) -> None:
        self.name = config.name
        self.config = config
        self.renderer = renderer
        sender_address = parseaddr(config.sender)[1]
        self.domain = config.message_id_domain or sender_address.rpartition("@")[2] or "veille.invalid"
        self._tls = ssl.create_default_context(cafile=str(config.ca_file) if config.ca_file else None)

    @classmethod
    def from_config(cls, config: EmailReceiver, data_dir: Path, renderer: Renderer) -> Email:
        """The receiver for one ``type: email`` entry."""
        return cls(config, renderer)

    def compose(self, notice: Notice) -> EmailMessage:
        """The message for ``notice`` (headers, text part, HTML part)."""
        alert = notice.alert
        msg = EmailMessage(policy=SMTP)
        msg["From"] = self.config.sender
        msg["To"] = ", ".join(self.config.to)
        msg["Subject"] = clip(self.renderer.render("subject", alert), SUBJECT_MAX)
        msg["Date"] = format_datetime(alert.fired_at)
        msg["Message-ID"] = self._id(alert.alert_id, alert.revision)
        msg["Auto-Submitted"] = "auto-generated"
        msg["X-Veille-Alert"] = f"{self._id(alert.alert_id, 0)[1:-1]} {alert.kind} r{alert.revision}"
        references = self._references(alert, notice.thread_ref)
        if references:
            msg["In-Reply-To"] = references[-1]
            msg["References"] = " ".join(references)
        msg.set_content(self.renderer.render("text", alert), subtype="plain", charset="utf-8")
        msg.add_alternative(self.renderer.render("html", alert), subtype="html", charset="utf-8")
        return msg

    def send(self, notice: Notice) -> Delivered:
        """Compose and send the notice over one SMTP session."""
        msg = self.compose(notice)
        what = f"email {self.name} via {self.config.host}:{self.config.effective_port}"
        try:
            refused = self._deliver(msg)
        except smtplib.SMTPRecipientsRefused as exc:
            codes = [code for code, _ in exc.recipients.values()]
            detail = f"{what}: every recipient refused: " + _describe(exc.recipients)
            raise (TransientError(detail) if any(400 <= c < 500 for c in codes) else PermanentError(detail)) from None
        except smtplib.SMTPResponseException as exc:
            text = exc.smtp_error.decode("utf-8", "replace") if isinstance(exc.smtp_error, bytes) else exc.smtp_error
            detail = f"{what}: {exc.smtp_code} {clip(' '.join(str(text).split()), 200)}"
            raise (TransientError(detail) if 400 <= exc.smtp_code < 500 else PermanentError(detail)) from None
        except smtplib.SMTPNotSupportedError as exc:
            raise PermanentError(f"{what}: {exc}") from None
        except ssl.SSLCertVerificationError as exc:
            raise PermanentError(f"{what}: TLS certificate not trusted ({exc.verify_message})") from None
        except (smtplib.SMTPException, OSError) as exc:
            raise TransientError(f"{what}: {type(exc).__name__}: {exc}") from None
        detail = f"sent {msg['Message-ID']}"
        if refused:
            log.warning("%s: some recipients refused: %s", what, _describe(refused))
            detail += "; refused: " + _describe(refused)
        return Delivered(ref=str(msg["Message-ID"]), detail=detail)

    def _deliver(self, msg: EmailMessage) -> dict[str, tuple[int, bytes]]:
        config = self.config
        timeout = config.timeout.total_seconds()
        smtp: smtplib.SMTP
        if config.security == "ssl":
            smtp = smtplib.SMTP_SSL(config.host, config.effective_port, timeout=timeout, context=self._tls)
        else:
            smtp = smtplib.SMTP(config.host, config.effective_port, timeout=timeout)
        with smtp:
            smtp.ehlo()
            if config.security == "starttls":
                smtp.starttls(context=self._tls)
                smtp.ehlo()
            if config.username is not None and config.password is not None:
                smtp.login(config.username, config.password.get_secret_value())
            return smtp.send_message(msg)

    def _id(self, alert_id: str, revision: int) -> str:
        return message_id(self.name, alert_id, revision, self.domain)

    def _references(self, alert: Alert, thread_ref: str | None) -> list[str]:
        """Message-IDs this notice follows: the previous stage's thread, then this alert's first notice."""
        references = []
        if alert.previous_alert_id:
            references.append(self._id(alert.previous_alert_id, 0))
        if alert.revision > 0 or thread_ref:
            root = thread_ref if thread_ref and _MESSAGE_ID.match(thread_ref) else self._id(alert.alert_id, 0)
            references.append(root)
        return references


def _describe(recipients: dict[str, tuple[int, bytes]]) -> str:
    return ", ".join(f"{rcpt} ({code})" for rcpt, (code, _) in sorted(recipients.items()))
