"""Turning an Alert into the text a receiver sends: sandboxed Jinja2 templates with safe defaults.

Feed text is hostile, so escaping is not left to template authors: every ``{{ value }}`` goes
through the format's ``finalize`` before it reaches the output.

- ``plain`` (``headline``, ``subject``, ``text``): control characters (terminal escapes, CR, bidi
  overrides) are removed; ``headline`` and ``subject`` are folded onto one line.
- ``mrkdwn`` (Slack): ``&``, ``<``, ``>`` are escaped, so feed text cannot make ``<!channel>``,
  ``<@U…>`` or ``<url|link>``; bare ``@channel``/``@here``/``@everyone`` get a zero-width space.
  The only links are those ``slack_link(url, label)`` builds from ``alert.links`` (http/https).
- ``html`` (email): Jinja2 autoescape; the default template has no script and no remote content.

Templates run in ``ImmutableSandboxedEnvironment`` with ``StrictUndefined``; overrides are compiled
and tried on a sample alert when the receiver is built, so a broken template fails at start-up.

Example::

    renderer = Renderer("ops-slack", names={"RUS": "Russia", "PRK": "North Korea"})
    renderer.render("headline", alert)   # 'North Korea–Russia agreement: announced (3 sources)'
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterable, Mapping
from datetime import UTC, datetime
from importlib import resources
from typing import Any, Literal
from urllib.parse import quote, urlsplit

from jinja2 import StrictUndefined, TemplateError
from jinja2.sandbox import ImmutableSandboxedEnvironment
from markupsafe import Markup

from veille.config.watchlist import EntityConfig
from veille.contracts import Alert, Cited
from veille.errors import ConfigError, PermanentError

Format = Literal["plain", "mrkdwn", "html"]
TEMPLATE_FORMATS: dict[str, Format] = {
    "headline": "plain",
    "subject": "plain",
    "text": "plain",
    "mrkdwn": "mrkdwn",
    "html": "html",
}
_ONE_LINE = frozenset({"headline", "subject"})

MAX_TITLE = 300
MAX_EVIDENCE = 1000
MAX_SOURCES = 20
MAX_SOURCE_NAME = 80
MAX_LINKS = 10
MAX_URL = 500
MAX_CITED_TITLE = 120

# C0 and C1 controls except TAB and LF, DEL, and the bidi embedding/override/isolate characters.
_CONTROLS = re.compile("[\x00-\x08\x0b-\x1f\x7f-\x9f\u202a-\u202e\u2066-\u2069]")
_SPACES = re.compile(r"\s+")
_BROADCAST = re.compile(r"@(?=(?:channel|here|everyone)\b)", re.IGNORECASE)
_ZWSP = "\u200b"


class Mrkdwn(str):
    """Slack mrkdwn built by veille itself (a link), passed through ``finalize`` unescaped."""

    __slots__ = ()


def strip_controls(text: str) -> str:
    """``text`` without control characters (keeps newlines and tabs); CRLF and CR become LF."""
    return _CONTROLS.sub("", text.replace("\r\n", "\n").replace("\r", "\n"))


def one_line(text: str) -> str:
    """``text`` folded onto one line: controls removed, every run of whitespace one space."""
    return _SPACES.sub(" ", _CONTROLS.sub(" ", text)).strip()


def clip(text: str, limit: int) -> str:
    """``text`` cut to at most ``limit`` characters, ending with ``…`` when cut.

    Never cuts inside a Slack entity (``&amp;``) or a link (``<url|label>``): the cut moves before it.
    """
    if len(text) <= limit:
        return text
    cut = text[: max(limit - 1, 0)]
    for opener, closer in (("<", ">"), ("&", ";")):
        start = cut.rfind(opener)
        if start != -1 and cut.find(closer, start) == -1:
            cut = cut[:start]
    return cut + "…"


def defuse_mentions(text: str) -> str:
    """``text`` with a zero-width space after the ``@`` of ``@channel``, ``@here``, ``@everyone``."""
    return _BROADCAST.sub("@" + _ZWSP, text)


def slack_escape(text: str) -> str:
    """``text`` made inert for Slack mrkdwn: controls removed, ``& < >`` escaped, broadcasts broken."""
    return defuse_mentions(strip_controls(text).replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;"))


def safe_url(url: str) -> str | None:
    """``url`` if it is an absolute http(s) URL, re-quoted so it cannot break out of a link; else None."""
    if not isinstance(url, str) or len(url) > MAX_URL or _CONTROLS.search(url) or any(c.isspace() for c in url):
        return None
    try:
        parts = urlsplit(url)
    except ValueError:
        return None
    if parts.scheme.lower() not in ("http", "https") or not parts.hostname:
        return None
    return quote(url, safe=":/?#[]@!$&'()*+,;=%~-._")


def host(url: str) -> str:
    """The host name of ``url`` (for a link label), or ``link`` when it has none."""
    try:
        return urlsplit(url).hostname or "link"
    except ValueError:
        return "link"


def slack_link(url: str, label: str) -> Mrkdwn:
    """A Slack link ``<url|label>`` to an http(s) ``url``; just the escaped label if the URL is unsafe."""
    checked = safe_url(url)
    text = slack_escape(one_line(label)).replace("|", "¦") or "link"
    if checked is None:
        return Mrkdwn(text)
    return Mrkdwn(f"<{checked.replace('&', '&amp;').replace('|', '%7C')}|{text}>")


def slack_links(urls: list[str], more: int = 0) -> Mrkdwn:
    """Slack links to ``urls`` labelled by host, separated by `` · ``, with "and N more" if ``more``."""
    line = " · ".join(slack_link(url, host(url)) for url in urls)
    return Mrkdwn(f"{line} (and {more} more)" if more else line)


def _finalize_plain(value: Any) -> Any:
    if value is None:
        return ""
    return strip_controls(value) if isinstance(value, str) else value


def _finalize_mrkdwn(value: Any) -> Any:
    if value is None:
        return ""
    if isinstance(value, Mrkdwn):
        return value
    return slack_escape(value if isinstance(value, str) else str(value))


def _finalize_html(value: Any) -> Any:
    if value is None:
        return ""
    if isinstance(value, str) and not isinstance(value, Markup):
        return strip_controls(value)
    return value


_FINALIZERS: dict[Format, Callable[[Any], Any]] = {
    "plain": _finalize_plain,
    "mrkdwn": _finalize_mrkdwn,
    "html": _finalize_html,
}


def _environment(fmt: Format) -> ImmutableSandboxedEnvironment:
    env = ImmutableSandboxedEnvironment(
        autoescape=fmt == "html",
        finalize=_FINALIZERS[fmt],
        undefined=StrictUndefined,
        keep_trailing_newline=False,
        trim_blocks=True,
        lstrip_blocks=True,
    )
    env.filters["host"] = host
    env.globals["slack_link"] = slack_link
    env.globals["slack_links"] = slack_links
    return env


def _default_source(name: str) -> str:
    return resources.files("alerts").joinpath("templates", f"{name}.j2").read_text(encoding="utf-8")


def format_time(value: datetime) -> str:
    """A UTC time as people read it in an alert: ``2024-06-18 07:12 UTC``."""
    return value.astimezone(UTC).strftime("%Y-%m-%d %H:%M UTC")


def display_names(entities: Iterable[EntityConfig], lang: str = "en") -> dict[str, str]:
    """Watchlist id -> the first name in ``lang`` (else in any language), for headlines."""
    names = {}
    for entity in entities:
        preferred = entity.names.get(lang) or next((n for n in entity.names.values() if n), [])
        if preferred:
            names[entity.id] = preferred[0]
    return names


def _cited(reports: Iterable[Cited], lang: str | None) -> list[dict[str, Any]]:
    """Cited reports as templates see them: outlet, headline, language when it differs, safe link, label."""
    shown = []
    for report in list(reports)[:MAX_LINKS]:
        other_lang = report.lang if report.lang and report.lang != lang else None
        title = clip(one_line(report.title), MAX_CITED_TITLE)
        source = clip(one_line(report.source), MAX_SOURCE_NAME)
        label = source + (f" — {title}" if title else "") + (f" ({other_lang})" if other_lang else "")
        shown.append(
            {
                "source": source,
                "title": title,
                "lang": other_lang,
                "url": safe_url(report.url) if report.url else None,
                "label": label,
            }
        )
    return shown


def template_context(alert: Alert, receiver: str, names: Mapping[str, str] | None = None) -> dict[str, Any]:
    """The variables every template sees (documented in docs/RECEIVERS.md); lengths are bounded."""
    names = names or {}
    lang = alert.reports[0].lang if alert.reports else alert.evidence_lang
    actors = tuple(one_line(names.get(a, a)) for a in alert.actors)
    links = [u for u in (safe_url(link) for link in alert.links) if u is not None]
    return {
        "alert_id": alert.alert_id,
        "kind": alert.kind,
        "is_new": alert.kind == "new",
        "is_update": alert.kind == "update",
        "is_retraction": alert.kind == "retraction",
        "is_test": alert.kind == "test",
        "revision": alert.revision,
        "rule": alert.rule,
        "event_type": alert.event_type,
        "stage": alert.stage,
        "actors": actors,
        "actors_label": "–".join(actors) or "(no actors)",
        "group_key": alert.group_key,
        "title": clip(one_line(alert.title), MAX_TITLE),
        "evidence": clip(one_line(alert.evidence), MAX_EVIDENCE),
        "evidence_lang": alert.evidence_lang,
        "sources": [clip(one_line(s), MAX_SOURCE_NAME) for s in alert.sources[:MAX_SOURCES]]
        + ([f"+{len(alert.sources) - MAX_SOURCES}"] if len(alert.sources) > MAX_SOURCES else []),
        "source_count": len(alert.sources),
        "article_count": len(alert.article_ids),
        "links": links[:MAX_LINKS],
        "more_links": max(len(links) - MAX_LINKS, 0),
        "first_seen": alert.first_seen,
        "first_seen_text": format_time(alert.first_seen),
        "fired_at": alert.fired_at,
        "fired_at_text": format_time(alert.fired_at),
        "previous_alert_id": alert.previous_alert_id,
        "receiver": receiver,
        "is_disputed": alert.kind == "disputed",
        "alert_lang": lang,
        "evidence_source": clip(one_line(alert.evidence_source), MAX_SOURCE_NAME) if alert.evidence_source else None,
        "reports": _cited(alert.reports, lang)
        or [{"source": host(u), "title": "", "lang": None, "url": u, "label": host(u)} for u in links[:MAX_LINKS]],
        "more_reports": max(len(alert.reports) - MAX_LINKS, 0) if alert.reports else max(len(links) - MAX_LINKS, 0),
        "denials": _cited(alert.denials, lang),
        "denied_by": [clip(one_line(s), MAX_SOURCE_NAME) for s in alert.denied_by[:MAX_SOURCES]],
        "denier_count": len(alert.denied_by),
    }


def sample_alert() -> Alert:
    """An alert with every field set, used to try templates at start-up and by the docs."""
    now = datetime(2024, 6, 18, 7, 12, tzinfo=UTC)
    return Alert(
        alert_id="sample",
        rule="rus-prk-agreements",
        event_type="agreement",
        actors=("PRK", "RUS"),
        stage="announced",
        group_key="agreement|PRK,RUS|announced",
        title="Russie et Corée du Nord : un traité de partenariat stratégique pourrait être signé",
        evidence="Un « traité de partenariat stratégique global » pourrait être signé.",
        evidence_lang="fr",
        sources=("Le Monde", "Yonhap", "TASS"),
        article_ids=("a1", "a2", "a3"),
        links=("https://example.org/a1",),
        first_seen=now,
        fired_at=now,
        evidence_source="Le Monde",
        reports=(
            Cited(source="Le Monde", title="Un traité pourrait être signé", lang="fr", url="https://example.org/a1"),
            Cited(source="Yonhap", title="Treaty may be signed", lang="en", url="https://example.org/a2"),
        ),
        denials=(Cited(source="TASS", title="Kremlin denies plans", lang="en", url="https://example.org/d1"),),
        denied_by=("TASS",),
    )


class Renderer:
    """The templates of one receiver: the defaults, with that receiver's overrides.

    ``overrides`` maps a template name (``headline``, ``text``, ``mrkdwn``, ``subject``, ``html``)
    to Jinja2 source. Raises ConfigError naming the receiver and template if one does not compile
    or fails on a sample alert. ``render`` raises PermanentError if a template fails at send time.
    """

    def __init__(
        self, receiver: str, overrides: Mapping[str, str] | None = None, names: Mapping[str, str] | None = None
    ) -> None:
        self.receiver = receiver
        self.names = dict(names or {})
        envs = {fmt: _environment(fmt) for fmt in ("plain", "mrkdwn", "html")}
        self._templates = {}
        problems: list[str] = []
        for name, fmt in TEMPLATE_FORMATS.items():
            source = (overrides or {}).get(name) or _default_source(name)
            try:
                self._templates[name] = envs[fmt].from_string(source)
            except TemplateError as exc:
                problems.append(f"receivers.{receiver}.templates.{name}: {one_line(str(exc))}")
        unknown = set(overrides or {}) - set(TEMPLATE_FORMATS)
        problems += [f"receivers.{receiver}.templates.{name}: no such template" for name in sorted(unknown)]
        if not problems:
            for name in overrides or {}:
                try:
                    self.render(name, sample_alert())
                except PermanentError as exc:
                    problems.append(f"receivers.{receiver}.templates.{name}: {exc}")
        if problems:
            raise ConfigError(problems)

    def render(self, name: str, alert: Alert) -> str:
        """Render template ``name`` for ``alert`` (``headline`` and ``subject`` on one line)."""
        context = template_context(alert, self.receiver, self.names)
        try:
            if name != "headline":
                context["headline"] = self._render("headline", context)
            return self._render(name, context)
        except TemplateError as exc:
            raise PermanentError(f"template {name} of receiver {self.receiver}: {one_line(str(exc))}") from None

    def _render(self, name: str, context: dict[str, Any]) -> str:
        text = self._templates[name].render(context)
        if name in _ONE_LINE:
            return one_line(text)
        return text.strip("\n") + "\n"
