"""JSON Feed 1.0 / 1.1: read to the spec into the entries the normaliser reads; hostile input refused in one line."""

from __future__ import annotations

import json
from datetime import UTC, datetime

import pytest

from ingest import jsonfeed
from ingest.errors import FeedPermanentError
from ingest.normalize import normalize_entry
from ingest.parse import parse_feed
from tests.unit.ingest.test_parse import CORPUS, needs_corpus
from veille.config.feeds import FeedConfig

NOW = datetime(2026, 1, 1, tzinfo=UTC)
FEED = FeedConfig(id="jf", url="https://example.org/feed.json")


def doc(**fields: object) -> bytes:
    return json.dumps({"version": "https://jsonfeed.org/version/1.1", "title": "Wire", **fields}).encode()


def articles(body: bytes, base: str | None = None):
    parsed = parse_feed(body, "application/feed+json", base)
    return [
        normalize_entry(e, feed=FEED, feed_title=parsed.title, feed_lang=parsed.lang, fetched_at=NOW)
        for e in parsed.entries
    ]


def test_json_feed_1_1_items_become_articles():
    body = doc(
        language="fr",
        items=[
            {
                "id": "https://wire.example/1",
                "url": "https://wire.example/1?utm_source=x",
                "title": "Traité signé",
                "content_html": "<p>Le <b>traité</b> est signé.</p>",
                "date_published": "2025-03-04T10:00:00+01:00",
            }
        ],
    )
    (article,) = articles(body)
    assert article.url == "https://wire.example/1"
    assert (article.title, article.summary, article.lang) == ("Traité signé", "Le traité est signé.", "fr")
    assert article.published == datetime(2025, 3, 4, 9, 0, tzinfo=UTC)
    assert article.source == "Wire"


def test_json_feed_1_0_numeric_ids_summary_and_text_content_are_read():
    body = json.dumps(
        {
            "version": "https://jsonfeed.org/version/1",
            "items": [
                {"id": 7, "summary": "Short", "content_text": "Longer text", "date_modified": "2025-01-02T03:04:05Z"}
            ],
        }
    ).encode()
    (article,) = articles(body)
    assert (article.summary, article.published) == ("Short", datetime(2025, 1, 2, 3, 4, 5, tzinfo=UTC))


def test_relative_item_urls_resolve_against_the_feed_url_or_the_fetch_address():
    body = doc(feed_url="https://wire.example/feeds/all.json", items=[{"id": "a", "url": "../news/a", "title": "A"}])
    assert articles(body)[0].url == "https://wire.example/news/a"
    bare = doc(items=[{"id": "b", "url": "/news/b", "title": "B"}])
    assert articles(bare, "https://other.example/f.json")[0].url == "https://other.example/news/b"


def test_fields_of_the_wrong_type_are_ignored_not_trusted():
    body = doc(
        items=[
            {"id": ["x"], "url": {"a": 1}, "title": 5, "summary": "Kept", "date_published": 12},
            "not an item",
            None,
        ]
    )
    parsed = parse_feed(body)
    assert parsed.entries == [{"summary": "Kept"}]


def test_a_bom_and_leading_whitespace_are_accepted():
    assert len(parse_feed(b"\xef\xbb\xbf \n" + doc(items=[{"id": "1", "title": "T"}])).entries) == 1


@pytest.mark.parametrize(
    ("body", "reason"),
    [
        (b'{"version": "https://jsonfeed.org/version/1.1", "items": [', "invalid JSON"),
        (b"[1, 2, 3]", "not a JSON Feed"),
        (b'{"title": "no items"}', "not a JSON Feed"),
        (b'{"items": "nope"}', "not a JSON Feed"),
        (b"[" * 100_000 + b"]" * 100_000, "invalid JSON"),
        (b'{"items": [], "title": "\xff\xfe"}', "not UTF-8"),
    ],
    ids=["truncated", "array", "no-items", "items-not-list", "deep-nesting", "not-utf8"],
)
def test_hostile_or_broken_json_is_refused_with_one_line(body, reason):
    with pytest.raises(FeedPermanentError, match=reason) as caught:
        parse_feed(body)
    assert "\n" not in str(caught.value)


def test_oversized_json_is_refused(monkeypatch):
    monkeypatch.setattr(jsonfeed, "MAX_BYTES", 100)
    with pytest.raises(FeedPermanentError, match="larger than 100 bytes"):
        parse_feed(doc(items=[{"id": str(n)} for n in range(20)]))


def test_items_beyond_the_cap_are_not_read(monkeypatch):
    monkeypatch.setattr(jsonfeed, "MAX_ITEMS", 3)
    assert len(parse_feed(doc(items=[{"id": str(n)} for n in range(10)])).entries) == 3


@needs_corpus
@pytest.mark.parametrize(
    "name",
    [
        "feedparser/json_example.json",
        "feedjira/json_feed.json",
        "feedjira/json_feed_with_escaped_uris.json",
        "gofeed/universal_json10_feed.json",
        "gofeed/universal_json11_feed.json",
        "feed-rs/jsonfeed_elastic_1.1.json",
        "feed-rs/jsonfeed_example_1.json",
        "feed-rs/jsonfeed_spec_1.json",
    ],
)
def test_corpus_json_feeds_give_articles(name):
    found = articles((CORPUS / name).read_bytes())
    assert found and all(article.title or article.summary for article in found)
