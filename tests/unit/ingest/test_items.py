"""A re-polled document is parsed only for the items it gained, and digests to what a full parse gives."""

from __future__ import annotations

from datetime import UTC, datetime

import pytest

import ingest.digest
from ingest.digest import Digest, digest_body
from ingest.errors import FeedPermanentError
from ingest.items import item_spans, without
from tests.unit.ingest.test_parse import CORPUS, INDEX, needs_corpus
from veille.config.feeds import FeedConfig

NOW = datetime(2026, 1, 1, tzinfo=UTC)
FEED = FeedConfig(id="wire", url="https://wire.example/feed.xml")
_ITEM = "<item><title>Story {n}</title>{ident}<pubDate>Tue, 18 Jun 2025 08:{n:02d}:00 GMT</pubDate>{extra}</item>"


def rss(numbers: range, *, ident: str = "<guid>story-{n}</guid>", extra: str = "") -> bytes:
    items = "".join(_ITEM.format(n=n, ident=ident.format(n=n), extra=extra) for n in reversed(numbers))
    return f'<?xml version="1.0"?><rss version="2.0"><channel><title>Wire</title>{items}</channel></rss>'.encode()


def repoll(before: bytes, after: bytes) -> tuple[Digest, Digest]:
    """The digest of ``after`` with what ``before``'s digest remembered, and without."""
    first = digest_body(before, None, None, FEED, NOW)
    known = frozenset(first.ids)
    with_memory = digest_body(after, None, None, FEED, NOW, known, first.items)
    return with_memory, digest_body(after, None, None, FEED, NOW, known)


def same(one: Digest, other: Digest) -> bool:
    fields = ("ids", "articles", "skipped", "bozo", "hint_seconds", "links", "oldest")
    return all(getattr(one, name) == getattr(other, name) for name in fields)


@pytest.fixture
def parsed_entries(monkeypatch):
    """How many entries each parse_feed call of the digest returned."""
    counts: list[int] = []
    real = ingest.digest.parse_feed

    def counting(*args):
        parsed = real(*args)
        counts.append(len(parsed.entries))
        return parsed

    monkeypatch.setattr(ingest.digest, "parse_feed", counting)
    return counts


def test_a_repolled_feed_parses_only_the_items_it_gained(parsed_entries):
    remembered, full = repoll(rss(range(60)), rss(range(64)))
    assert parsed_entries == [60, 4, 64]  # first poll, re-poll with what it remembered, re-poll without
    assert same(remembered, full)
    assert [a.title for a in remembered.articles] == ["Story 63", "Story 62", "Story 61", "Story 60"]
    assert len(remembered.ids) == 64 and len(remembered.items) == 64


def test_an_item_whose_id_is_not_known_is_parsed_again(parsed_entries):
    first = digest_body(rss(range(10)), None, None, FEED, NOW)
    known = frozenset(first.ids[1:])  # the newest was never published
    again = digest_body(rss(range(10)), None, None, FEED, NOW, known, first.items)
    assert parsed_entries == [10, 1]
    assert [a.title for a in again.articles] == ["Story 9"]


def test_items_identified_by_title_and_date_are_always_parsed(parsed_entries):
    remembered, full = repoll(rss(range(5), ident=""), rss(range(6), ident=""))
    assert parsed_entries == [5, 6, 6]
    assert remembered.items == {} and same(remembered, full)


def test_an_item_end_tag_inside_cdata_makes_the_whole_document_parsed(parsed_entries):
    tricky = "<description><![CDATA[quoting markup: </item> in the text]]></description>"
    remembered, full = repoll(rss(range(5), extra=tricky), rss(range(6), extra=tricky))
    assert same(remembered, full) and len(remembered.articles) == 1
    assert parsed_entries == [5, 6, 6]  # the item bounds are not known: parsed whole every time


def test_a_changed_channel_keeps_its_items_remembered(parsed_entries):
    before = rss(range(8))
    after = rss(range(9)).replace(b"<title>Wire</title>", b"<title>Wire</title><ttl>15</ttl>")
    remembered, full = repoll(before, after)
    assert parsed_entries[1] == 1
    assert same(remembered, full) and remembered.hint_seconds == 15 * 60


def test_without_cuts_the_spans_and_keeps_the_rest():
    body = rss(range(3))
    spans = item_spans(body)
    assert len(spans) == 3
    assert without(body, spans[:2]).count(b"<item>") == 1
    assert without(body, []) == body


@needs_corpus
@pytest.mark.parametrize(("path", "notes"), INDEX or [("-", "-")], ids=[row[0] for row in INDEX] or ["absent"])
def test_corpus_feed_that_gained_its_newest_item_digests_as_a_full_parse(path, notes):
    body = (CORPUS / path).read_bytes()
    spans = item_spans(body)
    # the same document one item earlier; one without item bounds (Atom, JSON Feed) is parsed whole
    before = without(body, spans[:1]) if spans else body
    try:
        digest_body(before, None, None, FEED, NOW)
    except FeedPermanentError:  # cutting the item left no readable document: re-poll the same one
        before = body
    try:
        remembered, full = repoll(before, body)
    except FeedPermanentError:  # an unreadable feed is refused whether or not items were remembered
        with pytest.raises(FeedPermanentError):
            digest_body(body, None, None, FEED, NOW)
        return
    assert same(remembered, full)
