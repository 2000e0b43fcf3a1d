"""Normalisation of feed entries into Articles: ids, links, dates, text, sources, languages."""

from __future__ import annotations

from datetime import UTC, datetime

import pytest

from ingest.errors import FeedPermanentError
from ingest.normalize import canonical_url, normalize_entry
from ingest.parse import parse_feed
from veille.config.feeds import FeedConfig
from veille.contracts import Article
from veille.fingerprint import simhash

NOW = datetime(2024, 6, 18, 12, 0, tzinfo=UTC)
FEED = FeedConfig(id="demo", url="/feeds/demo.xml", tags=("demo",))


def rss(items: str, channel: str = "<title>Demo wire</title>") -> bytes:
    head = '<?xml version="1.0" encoding="utf-8"?><rss version="2.0" xmlns:dc="http://purl.org/dc/elements/1.1/">'
    return f"{head}<channel>{channel}{items}</channel></rss>".encode()


def articles(body: bytes, feed: FeedConfig = FEED, now: datetime = NOW) -> list[Article]:
    parsed = parse_feed(body)
    return [
        normalize_entry(entry, feed=feed, feed_title=parsed.title, feed_lang=parsed.lang, fetched_at=now)
        for entry in parsed.entries
    ]


def one(item: str, **kwargs) -> Article:
    (article,) = articles(rss(f"<item>{item}</item>", **kwargs))
    return article


def test_id_is_stable_across_polls_and_is_short_hex():
    item = "<guid>https://example.org/a/1</guid><title>Treaty</title>"
    first, second = one(item), one(item)
    assert first.id == second.id
    assert len(first.id) == 32
    int(first.id, 16)


def test_url_guid_ignores_tracking_parameters_and_feed():
    plain = one("<guid>https://example.org/a/1</guid><title>T</title>")
    tracked = articles(
        rss(
            "<item><guid>https://EXAMPLE.org:443/a/1?utm_source=rss&amp;xtor=RSS-1#xtor=RSS-2</guid><title>T</title></item>"
        ),
        feed=FeedConfig(id="other", url="/other.xml"),
    )[0]
    assert plain.id == tracked.id


def test_bare_guids_are_scoped_by_feed():
    item = "<item><guid isPermaLink='false'>12345</guid><title>T</title></item>"
    a = articles(rss(item))[0]
    b = articles(rss(item), feed=FeedConfig(id="other", url="/other.xml"))[0]
    assert a.id != b.id


def test_without_guid_the_canonical_link_identifies_the_entry():
    a = one("<link>https://example.org/story?id=7&amp;utm_medium=feed&amp;fbclid=x</link><title>A</title>")
    b = one("<link>https://example.org/story?id=7</link><title>B (edited)</title>")
    assert a.id == b.id
    assert a.url == "https://example.org/story?id=7"


def test_without_guid_or_link_title_and_date_identify_the_entry():
    a = one("<title>Treaty</title><pubDate>Tue, 18 Jun 2024 08:00:00 GMT</pubDate>")
    again = one("<title>Treaty</title><pubDate>Tue, 18 Jun 2024 08:00:00 GMT</pubDate>")
    other_day = one("<title>Treaty</title><pubDate>Mon, 17 Jun 2024 08:00:00 GMT</pubDate>")
    assert a.id == again.id != other_day.id


def test_entry_without_anything_to_identify_it_is_refused_with_a_reason():
    parsed = parse_feed(rss("<item><category>x</category></item>"))
    with pytest.raises(FeedPermanentError, match="no guid, link, title or text"):
        normalize_entry(parsed.entries[0], feed=FEED, feed_title=None, feed_lang=None, fetched_at=NOW)


@pytest.mark.parametrize(
    ("url", "expected"),
    [
        ("HTTPS://Example.ORG:443/a?b=2&a=1&utm_campaign=x", "https://example.org/a?a=1&b=2"),
        ("http://example.org", "http://example.org/"),
        ("http://user:pw@example.org:8080/x#post-2", "http://example.org:8080/x#post-2"),
        ("https://example.org/x.html#xtor=RSS-3208", "https://example.org/x.html"),
        ("javascript:alert(1)", None),
        ("ftp://example.org/x", None),
        ("https://exa mple.org/", None),
        ("/relative/path", None),
        (None, None),
    ],
)
def test_canonical_url(url, expected):
    assert canonical_url(url) == expected


def test_dates_are_utc():
    article = one("<title>T</title><pubDate>Tue, 18 Jun 2024 10:30:00 +0200</pubDate>")
    assert article.published == datetime(2024, 6, 18, 8, 30, tzinfo=UTC)


def atom(entry: str) -> bytes:
    return f'<feed xmlns="http://www.w3.org/2005/Atom"><title>A</title><entry>{entry}</entry></feed>'.encode()


def test_updated_date_is_used_when_published_is_missing():
    body = atom("<id>urn:x:1</id><title>T</title><updated>2024-06-18T06:00:00Z</updated>")
    assert articles(body)[0].published == datetime(2024, 6, 18, 6, 0, tzinfo=UTC)


def test_slightly_future_dates_are_clamped_and_far_future_or_ancient_dates_dropped():
    soon = one("<title>T</title><pubDate>Tue, 18 Jun 2024 18:00:00 GMT</pubDate>")
    far = one("<title>T</title><pubDate>Tue, 18 Jun 2030 18:00:00 GMT</pubDate>")
    ancient = one("<title>T</title><pubDate>Thu, 01 Jan 1970 00:00:00 GMT</pubDate>")
    assert soon.published == NOW
    assert far.published is None
    assert ancient.published is None


def test_html_and_entities_become_plain_text():
    article = one(
        "<title>Kim &amp;amp; Putin</title>"
        "<description>&lt;p&gt;Un &lt;b&gt;traité&lt;/b&gt; &amp;quot;global&amp;quot;&lt;/p&gt;"
        "&lt;script&gt;steal()&lt;/script&gt;</description>"
    )
    assert article.title == "Kim & Putin"
    assert article.summary == 'Un traité "global"'


def test_summary_falls_back_to_content():
    body = atom('<id>urn:x:2</id><title>T</title><content type="html">&lt;p&gt;Body text&lt;/p&gt;</content>')
    assert articles(body)[0].summary == "Body text"


def test_source_prefers_the_item_source_then_config_then_feed_title():
    item_source = one("<title>T</title><source url='https://reuters.com/rss'>Reuters</source>")
    publisher = one("<title>T</title><dc:publisher>AFP</dc:publisher>")
    configured = articles(rss("<item><title>T</title></item>"), feed=FeedConfig(id="x", url="/x", source="Le Monde"))
    from_title = one("<title>T</title>")
    assert item_source.source == "Reuters"
    assert publisher.source == "AFP"
    assert configured[0].source == "Le Monde"
    assert from_title.source == "Demo wire"


def test_source_falls_back_to_the_feed_id_when_nothing_names_it():
    assert one("<title>T</title>", channel="").source == "demo"


def test_language_prefers_item_then_configured_hint_then_feed_then_guess():
    body = rss(
        "<item><title>Hello</title><dc:language>de-DE</dc:language></item><item><title>T</title></item>",
        channel="<title>W</title><language>en-us</language>",
    )
    hinted = FeedConfig(id="x", url="/x", lang="fr-FR")
    assert [a.lang for a in articles(body)] == ["de", "en"]
    assert [a.lang for a in articles(body, feed=hinted)] == ["de", "fr"]
    guessed = one("<title>Poutine est arrivé à Pyongyang pour la signature du traité</title>")
    assert guessed.lang == "fr"


def test_fingerprint_tags_feed_and_fetch_time_are_filled():
    article = one("<title>Treaty</title><description>Signed in Pyongyang.</description>")
    assert article.fingerprint == simhash("Treaty\n\nSigned in Pyongyang.")
    assert article.tags == ("demo",)
    assert article.feed_id == "demo"
    assert article.fetched_at == NOW


def test_oversized_text_is_capped():
    article = one(f"<title>{'mot ' * 400}</title><description>{'phrase ' * 2000}</description>")
    assert len(article.title) <= 500
    assert len(article.summary) <= 5000
