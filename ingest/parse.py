"""Parse fetched feed bytes: JSON Feed with ``ingest.jsonfeed``, XML with feedparser after refusing hostile XML.

feedparser only ever sees bytes (handed a string that looks like a URL, it would fetch it itself).
Before it does, ``check_xml_prolog`` runs the document's prolog through defusedxml's expat parser
up to the root element (where every DTD declaration must have appeared) and refuses entity
declarations (billion laughs, quadratic blowup) and external references (XXE, DTD fetches). An
external DTD *reference* alone (RSS 0.91's Netscape DTD) is harmless: nothing fetches it.

Bozo feeds (not well-formed, wrong encoding…) are accepted when they still yield entries; the
reason is kept in ``ParsedFeed.bozo`` for one log line. A document with neither entries nor a feed
element is refused with a one-line reason.
"""

from __future__ import annotations

import logging
import re
import xml.etree.ElementTree as ET
from dataclasses import dataclass, field
from typing import Any

import feedparser
from defusedxml import DefusedXmlException, ExternalReferenceForbidden
from defusedxml.ElementTree import DefusedXMLParser

from ingest.dates import parse_localised_date
from ingest.errors import FeedPermanentError, one_line
from ingest.hints import feed_interval_hint, feed_links
from ingest.jsonfeed import looks_like_json, parse_json_feed

log = logging.getLogger(__name__)

feedparser.registerDateHandler(parse_localised_date)  # tried before feedparser's own (English) handlers

_ENTITY_DECL = re.compile(rb"<!ENTITY", re.IGNORECASE)


class _RootReached(Exception):
    """Raised from the parse target at the first element: the prolog has been checked."""


class _StopAtRoot:
    """An ElementTree parser target that stops parsing at the root element."""

    def start(self, _tag: str, _attrib: dict[str, str]) -> None:
        raise _RootReached

    def close(self) -> None:
        """Nothing to build."""


@dataclass(frozen=True, slots=True)
class ParsedFeed:
    """A parsed feed: its title and language (if declared), its entries, and why it was bozo (if it was)."""

    title: str | None
    lang: str | None
    entries: list[Any] = field(default_factory=list)
    bozo: str | None = None
    hint_seconds: float | None = None
    links: tuple[tuple[str, str], ...] = ()


def check_xml_prolog(body: bytes) -> None:
    """Refuse XML whose DTD declares entities or external references (FeedPermanentError ``hostile``).

    Documents expat cannot read up to the root element (an encoding it does not know, broken
    markup) pass only if their raw bytes hold no ``<!ENTITY``; feedparser deals with the rest of
    their faults.
    """
    parser = DefusedXMLParser(target=_StopAtRoot(), forbid_dtd=False, forbid_entities=True, forbid_external=True)
    try:
        parser.feed(body)
        parser.close()
    except _RootReached:
        return
    except DefusedXmlException as exc:
        what = "references an external resource" if isinstance(exc, ExternalReferenceForbidden) else "declares entities"
        raise FeedPermanentError("hostile", f"refused XML that {what} (entity expansion / XXE guard)") from None
    except (ET.ParseError, ValueError, LookupError):  # encodings expat cannot read: ValueError, LookupError
        if _ENTITY_DECL.search(body):
            raise FeedPermanentError(
                "hostile", "refused XML that declares entities (entity expansion / XXE guard)"
            ) from None


def parse_feed(body: bytes, content_type: str | None = None, base_url: str | None = None) -> ParsedFeed:
    """Parse ``body``: the feed's bytes, ``content_type`` as the server sent it (for its charset),
    ``base_url`` the http(s) address it came from (relative links resolve against it).

    Raises FeedPermanentError (``hostile`` or ``parse``) with a one-line reason; never lets a
    parser exception escape.
    """
    if looks_like_json(body):
        title, lang, entries = parse_json_feed(body, base_url)
        return ParsedFeed(title=title, lang=lang, entries=entries)
    body = _bomless_utf16_to_utf8(body)
    check_xml_prolog(body)
    headers = {"content-type": content_type} if content_type else {}
    if base_url:
        headers["content-location"] = base_url
    try:
        # No HTML sanitising or URI rewriting inside HTML: ingest.text reduces every field to plain
        # text (scripts and styles dropped), so both would be wasted (about a third of the parse time).
        # Entry links still resolve against xml:base and the feed's address.
        result = feedparser.parse(body, response_headers=headers, sanitize_html=False, resolve_relative_uris=False)
    except Exception as exc:  # feedparser is meant to never raise; a bug in it must not stop the poller
        raise FeedPermanentError("parse", f"feed parser failed: {type(exc).__name__}: {one_line(exc)}") from None
    bozo = _bozo_reason(result) if result.get("bozo") else None
    feed = result.get("feed") or {}
    entries = list(result.get("entries") or [])
    if not entries and bozo and not feed.get("title"):
        raise FeedPermanentError("parse", f"not a readable feed: {bozo}")
    return ParsedFeed(
        title=feed.get("title") or None,
        lang=feed.get("language") or None,
        entries=entries,
        bozo=bozo,
        hint_seconds=feed_interval_hint(feed),
        links=feed_links(feed),
    )


def _bomless_utf16_to_utf8(body: bytes) -> bytes:
    """Re-encode UTF-16 that lacks both BOM and declaration (``<\\0`` or ``\\0<`` first) as UTF-8.

    Such documents are not well-formed XML, but the text is unambiguous and feedparser reads none of it.
    """
    for start, codec in ((b"<\x00", "utf-16-le"), (b"\x00<", "utf-16-be")):
        if body.startswith(start):
            try:
                text = body.decode(codec)
            except UnicodeDecodeError:
                return body
            return body if text.startswith("<?xml") else text.encode("utf-8")
    return body


def _bozo_reason(result: Any) -> str:
    """One line saying why feedparser flagged the document."""
    exc = result.get("bozo_exception")
    if exc is None:
        return "malformed feed"
    return f"{type(exc).__name__}: {one_line(exc)}" if one_line(exc) else type(exc).__name__
