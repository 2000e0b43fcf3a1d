"""Feed autodiscovery in HTML pages and OPML reading/writing, for ``veille feed add|import|export``.

An HTML page given to ``veille feed add`` is not a feed: ``advertised_feeds`` lists what it
advertises with ``<link rel="alternate" type="application/rss+xml|atom+xml|feed+json" href=…>``.
OPML files are read with defusedxml (no entities, no external references): every ``<outline>``
with an ``xmlUrl``, at any depth, is a feed.
"""

from __future__ import annotations

import re
import xml.etree.ElementTree as ET
from dataclasses import dataclass
from html.parser import HTMLParser
from urllib.parse import urljoin

from defusedxml import DefusedXmlException
from defusedxml.ElementTree import fromstring

from ingest.text import clean_text
from veille.config.feeds import FeedConfig
from veille.errors import ConfigError

_FEED_TYPES = frozenset(
    {"application/rss+xml", "application/atom+xml", "application/rdf+xml", "application/feed+json", "application/json"}
)
_HTML_START = re.compile(rb"\A(?:\xef\xbb\xbf)?\s*(?:<!--.*?-->\s*)*<(?:!doctype\s+html|html)\b", re.I | re.S)
_FEED_ROOT = re.compile(rb"<(?:rss|feed|rdf:RDF)\b|\A(?:\xef\xbb\xbf)?\s*\{", re.I)
_MAX_ADVERTISED = 50


@dataclass(frozen=True, slots=True)
class Advertised:
    """A feed a page advertises: its absolute URL, its title and MIME type."""

    url: str
    title: str
    kind: str


class _AlternateLinks(HTMLParser):
    def __init__(self, base: str) -> None:
        super().__init__(convert_charrefs=True)
        self.base = base
        self.found: list[Advertised] = []

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        if tag not in ("link", "a") or len(self.found) >= _MAX_ADVERTISED:
            return
        values = {name: (value or "") for name, value in attrs}
        rels = values.get("rel", "").lower().split()
        kind = values.get("type", "").lower().split(";")[0].strip()
        href = values.get("href", "").strip()
        if "alternate" in rels and kind in _FEED_TYPES and href:
            self.found.append(Advertised(urljoin(self.base, href), values.get("title", "").strip()[:200], kind))


def looks_like_html(body: bytes, content_type: str | None) -> bool:
    """True for an HTML page: its first tag is ``<html>`` / ``<!DOCTYPE html>``, or the server calls it
    HTML and no feed root element shows up early (many servers label real feeds ``text/html``)."""
    if _HTML_START.match(body[:4096]):
        return True
    kind = (content_type or "").lower()
    return ("text/html" in kind or "application/xhtml" in kind) and not _FEED_ROOT.search(body[:4096])


def advertised_feeds(body: bytes, base_url: str) -> list[Advertised]:
    """The feeds an HTML page advertises, in page order, without repeats."""
    parser = _AlternateLinks(base_url)
    parser.feed(body[: 2 * 1024 * 1024].decode("utf-8", errors="replace"))
    parser.close()
    unique: dict[str, Advertised] = {}
    for feed in parser.found:
        unique.setdefault(feed.url, feed)
    return list(unique.values())


@dataclass(frozen=True, slots=True)
class Outline:
    """One feed of an OPML file."""

    url: str
    title: str
    categories: tuple[str, ...]


def read_opml(data: bytes, where: str) -> list[Outline]:
    """The feeds of an OPML document; ConfigError with one line when it is not readable OPML."""
    try:
        root = fromstring(data)
    except (ET.ParseError, DefusedXmlException) as exc:
        raise ConfigError([f"{where}: not readable OPML: {type(exc).__name__}: {str(exc)[:200]}"]) from None
    if root.tag.lower() != "opml":
        raise ConfigError([f"{where}: not OPML (root element <{root.tag[:40]}>)"])
    outlines: list[Outline] = []

    def walk(node: ET.Element, path: tuple[str, ...]) -> None:
        for child in node:
            if child.tag.lower() != "outline":
                continue
            url = (child.get("xmlUrl") or child.get("xmlurl") or "").strip()
            title = clean_text(child.get("title") or child.get("text"), 200)
            if url:
                outlines.append(Outline(url, title, path))
            walk(child, (*path, title) if not url and title else path)

    body = next((child for child in root if child.tag.lower() == "body"), None)
    if body is None:
        raise ConfigError([f"{where}: OPML without a <body>"])
    walk(body, ())
    return outlines


def write_opml(feeds: list[FeedConfig], title: str = "veille feeds") -> str:
    """An OPML 2.0 document listing ``feeds`` (id as text, source as title, tags as category)."""
    root = ET.Element("opml", version="2.0")
    head = ET.SubElement(root, "head")
    ET.SubElement(head, "title").text = title
    body = ET.SubElement(root, "body")
    for feed in feeds:
        attrs = {"type": "rss", "text": feed.id, "title": feed.source or feed.id, "xmlUrl": feed.url}
        if feed.tags:
            attrs["category"] = ",".join(feed.tags)
        if feed.lang:
            attrs["language"] = feed.lang
        ET.SubElement(body, "outline", attrs)
    ET.indent(root)
    return '<?xml version="1.0" encoding="UTF-8"?>\n' + ET.tostring(root, encoding="unicode") + "\n"
