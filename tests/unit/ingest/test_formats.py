"""Every feed format and its quirks end as the same Articles: RSS 0.9x/1.0/2.0, Atom 0.3/1.0, JSON Feed,
localised dates, xml:base, relative links, duplicate guids within a feed, repairable mojibake."""

from __future__ import annotations

import time
from datetime import UTC, datetime

import pytest

from ingest.dates import parse_localised_date
from ingest.digest import digest_body
from ingest.mojibake import repair_mojibake
from ingest.normalize import entry_id, normalize_entry
from ingest.parse import parse_feed
from tests.unit.ingest.test_parse import CORPUS, INDEX, needs_corpus
from veille.config.feeds import FeedConfig
from veille.errors import VeilleError

NOW = datetime(2026, 1, 1, tzinfo=UTC)
BASE = "https://wire.example/feeds/world.xml"
FEED = FeedConfig(id="wire", url=BASE)
WHEN = datetime(2025, 6, 18, 8, 0, tzinfo=UTC)

DOCUMENTS = {
    "rss-0.91": """<?xml version="1.0"?><!DOCTYPE rss PUBLIC "-//Netscape Communications//DTD RSS 0.91//EN"
        "http://my.netscape.com/publish/formats/rss-0.91.dtd"><rss version="0.91"><channel><title>Wire</title>
        <item><title>Treaty signed</title><link>https://wire.example/a</link><description>Text</description></item>
        </channel></rss>""",
    "rss-0.92": """<rss version="0.92"><channel><title>Wire</title><item><title>Treaty signed</title>
        <link>https://wire.example/a</link><description>Text</description></item></channel></rss>""",
    "rss-1.0": """<rdf:RDF xmlns:rdf="http://www.w3.org/1999/02/22-rdf-syntax-ns#" xmlns="http://purl.org/rss/1.0/"
        xmlns:dc="http://purl.org/dc/elements/1.1/"><channel rdf:about="https://wire.example/"><title>Wire</title>
        </channel><item rdf:about="https://wire.example/a"><title>Treaty signed</title><link>https://wire.example/a</link>
        <description>Text</description><dc:date>2025-06-18T10:00:00+02:00</dc:date></item></rdf:RDF>""",
    "rss-2.0": """<rss version="2.0"><channel><title>Wire</title><item><title>Treaty signed</title>
        <link>https://wire.example/a</link><guid>https://wire.example/a</guid><description>Text</description>
        <pubDate>Wed, 18 Jun 2025 08:00:00 GMT</pubDate></item></channel></rss>""",
    "atom-0.3": """<feed version="0.3" xmlns="http://purl.org/atom/ns#"><title>Wire</title>
        <entry><title>Treaty signed</title><link rel="alternate" type="text/html" href="https://wire.example/a"/>
        <id>https://wire.example/a</id><issued>2025-06-18T08:00:00Z</issued><summary>Text</summary></entry></feed>""",
    "atom-1.0": """<feed xmlns="http://www.w3.org/2005/Atom"><title>Wire</title><id>urn:wire</id>
        <entry><title>Treaty signed</title><link href="https://wire.example/a"/><id>https://wire.example/a</id>
        <published>2025-06-18T08:00:00Z</published><summary>Text</summary></entry></feed>""",
    "jsonfeed-1.0": """{"version": "https://jsonfeed.org/version/1", "title": "Wire", "items": [{"id":
        "https://wire.example/a", "url": "https://wire.example/a", "title": "Treaty signed", "content_text": "Text",
        "date_published": "2025-06-18T08:00:00Z"}]}""",
    "jsonfeed-1.1": """{"version": "https://jsonfeed.org/version/1.1", "title": "Wire", "items": [{"id":
        "https://wire.example/a", "url": "https://wire.example/a", "title": "Treaty signed", "summary": "Text",
        "date_published": "2025-06-18T10:00:00+02:00"}]}""",
}


def read(document: str | bytes, base: str | None = BASE):
    body = document.encode() if isinstance(document, str) else document
    return list(digest_body(body, None, base, FEED, NOW).articles)


@pytest.mark.parametrize("name", DOCUMENTS)
def test_every_format_gives_the_same_article(name):
    (article,) = read(DOCUMENTS[name])
    assert (article.title, article.summary, article.url, article.source) == (
        "Treaty signed",
        "Text",
        "https://wire.example/a",
        "Wire",
    )
    if not name.startswith("rss-0.9"):  # RSS 0.91/0.92 items carry no date
        assert article.published == WHEN


@pytest.mark.parametrize(
    ("written", "expected"),
    [
        ("mer., 18 juin 2025 10:00:00 +0200", WHEN),
        ("Mi, 18. Jun 2025 10:00:00 MESZ", WHEN),
        ("18 июня 2025 11:00:00 +0300", WHEN),
        ("mié, 18 jun 2025 05:00:00 -0300", WHEN),
        ("Wed, 18 Jun 2025 08:00:00 GMT", WHEN),
    ],
)
def test_localised_rss_dates_are_read(written, expected):
    document = f"""<rss version="2.0"><channel><title>W</title><item><title>T</title><guid>urn:1</guid>
        <pubDate>{written}</pubDate></item></channel></rss>"""
    assert read(document)[0].published == expected


def test_localised_date_handler_declines_what_it_does_not_know():
    assert parse_localised_date("18 Foo 2025") is None
    assert parse_localised_date("2025-06-18T08:00:00Z") is None
    assert parse_localised_date("31 févr. 2025") is None
    assert parse_localised_date("18 déc. 2025 08:00 XYZ") is None
    assert parse_localised_date("x" * 500) is None
    assert time.strftime("%Y-%m-%d %H:%M", parse_localised_date("3 août 2025 à 14h05")) == "2025-08-03 14:05"


def test_xml_base_and_relative_links_resolve():
    atom = """<feed xmlns="http://www.w3.org/2005/Atom" xml:base="https://wire.example/news/"><title>W</title>
        <entry xml:base="2025/"><title>A</title><link href="a.html"/><id>urn:a</id></entry>
        <entry><title>B</title><link href="/b.html"/><id>urn:b</id></entry></feed>"""
    assert [a.url for a in read(atom)] == ["https://wire.example/news/2025/a.html", "https://wire.example/b.html"]
    rss = """<rss version="2.0"><channel><title>W</title><item><title>C</title><link>../c.html</link></item>
        </channel></rss>"""
    assert [a.url for a in read(rss)] == ["https://wire.example/c.html"]


def test_duplicate_guids_within_a_feed_give_one_article_the_first():
    document = """<rss version="2.0"><channel><title>W</title>
        <item><guid>urn:wire:1</guid><title>First</title></item>
        <item><guid>urn:wire:1</guid><title>Again</title></item>
        <item><guid>urn:wire:2</guid><title>Other</title></item></channel></rss>"""
    assert [a.title for a in read(document)] == ["First", "Other"]


@pytest.mark.parametrize(
    ("garbled", "clean"),
    [
        ("Ã‰lysÃ©e : lâ€™accord", "Élysée : l’accord"),
        ("ÃƒÂ©tÃƒÂ©", "été"),  # mangled twice
        ("æ—¥æœ¬", "日本"),
        ("podcast.Â You", "podcast. You"),
        ("í\x85\x8cì\x8a¤í\x8a¸", "테스트"),  # read as Latin-1, C1 controls kept
    ],
)
def test_repairable_mojibake_is_repaired(garbled, clean):
    assert repair_mojibake(garbled) == clean


@pytest.mark.parametrize("text", ["Déjà vu — “ok”", "ÂGE", "CÂMARA", "Ã", "Москва", "naïve café"])
def test_clean_text_is_left_alone(text):
    assert repair_mojibake(text) == text


def test_mojibake_in_a_feed_is_repaired_in_the_article():
    document = "<rss version='2.0'><channel><title>W</title><item><guid>urn:1</guid><title>CafÃ© â€“ Ã©tÃ©</title>"
    document += "</item></channel></rss>"
    assert read(document)[0].title == "Café – été"


@needs_corpus
@pytest.mark.parametrize("path", [row[0] for row in INDEX] or ["absent"])
def test_the_cheap_id_is_the_id_of_the_normalised_article(path):
    try:
        parsed = parse_feed((CORPUS / path).read_bytes(), None, BASE)
    except VeilleError:
        return
    for entry in parsed.entries:
        try:
            article = normalize_entry(entry, feed=FEED, feed_title=parsed.title, feed_lang=parsed.lang, fetched_at=NOW)
        except VeilleError:
            continue
        assert entry_id(entry, FEED.id, NOW) == article.id
