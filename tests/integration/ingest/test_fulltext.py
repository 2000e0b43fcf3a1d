"""Full text of article pages: extracted from a local page when allowed, refused toward private addresses."""

from __future__ import annotations

import ipaddress
from datetime import UTC, datetime

import pytest
from prometheus_client import REGISTRY

from ingest import netguard
from ingest.poller import FeedPoller
from tests.integration.ingest.conftest import Reply
from veille.config import VeilleConfig
from veille.config.feeds import FeedConfig
from veille.config.ingest import FullTextConfig, IngestConfig

NOW = datetime(2024, 6, 18, 12, 0, tzinfo=UTC)
BODY = " ".join(
    f"Paragraph {n}: the two delegations met in the capital and signed the long-negotiated agreement on trade."
    for n in range(12)
)
PAGE = f"""<!DOCTYPE html><html><head><title>Treaty signed</title></head><body>
<nav><a href="/">Home</a> <a href="/world">World</a></nav>
<article><h1>Treaty signed</h1>{"".join(f"<p>{p}.</p>" for p in BODY.split(". "))}</article>
<footer>Copyright the newspaper</footer></body></html>""".encode()


def rss(*links: str) -> bytes:
    items = "".join(
        f"<item><guid>{link}</guid><link>{link}</link><title>Treaty {n}</title>"
        f"<description>Short summary {n}.</description></item>"
        for n, link in enumerate(links)
    )
    return f'<rss version="2.0"><channel><title>Wire</title>{items}</channel></rss>'.encode()


def samples(outcome: str) -> float:
    return REGISTRY.get_sample_value("veille_ingest_full_text_total", {"outcome": outcome}) or 0.0


@pytest.fixture
def poll(store_engine):
    made: list[FeedPoller] = []

    def run(feed_url: str, **full_text: object):
        config = VeilleConfig(
            feeds=(FeedConfig(id="wire", url=feed_url, full_text=True),),
            ingest=IngestConfig(full_text=FullTextConfig(**full_text)),
        )
        poller = FeedPoller(config, store_engine, "w1")
        made.append(poller)
        (result,) = poller.poll_due(NOW)
        return result.articles

    yield run
    for poller in made:
        poller.close()


def test_full_text_of_a_local_page_replaces_the_summary_when_the_config_allows_it(feed_server, poll):
    page = feed_server.serve("/treaty.html", Reply(200, PAGE, {"Content-Type": "text/html; charset=utf-8"}))
    feed = feed_server.serve("/feed.xml", Reply(200, rss(page)))
    (article,) = poll(feed, allow_private=True)
    assert "Paragraph 11: the two delegations met" in article.summary
    assert "Copyright" not in article.summary and "Home" not in article.summary
    assert article.title == "Treaty 0"
    assert len(feed_server.hits("/robots.txt")) == 1


def test_an_item_link_to_a_loopback_address_is_refused_with_the_default_config(feed_server, poll):
    page = feed_server.serve("/treaty.html", Reply(200, PAGE, {"Content-Type": "text/html"}))
    feed = feed_server.serve("/feed.xml", Reply(200, rss(page)))
    refused = samples("refused")
    (article,) = poll(feed)
    assert article.summary == "Short summary 0."
    assert feed_server.hits("/treaty.html") == [] and feed_server.hits("/robots.txt") == []
    assert samples("refused") == refused + 1


def test_a_redirect_to_a_private_address_is_refused_at_the_hop(feed_server, poll, monkeypatch):
    original = netguard.is_public
    loopback = ipaddress.ip_address("127.0.0.1")
    monkeypatch.setattr(netguard, "is_public", lambda address: address == loopback or original(address))
    page = feed_server.serve("/treaty.html", Reply(302, headers={"Location": "http://10.0.0.7/admin"}))
    feed = feed_server.serve("/feed.xml", Reply(200, rss(page)))
    refused = samples("refused")
    (article,) = poll(feed)  # 127.0.0.1 counts as public here; the redirect target does not
    assert len(feed_server.hits("/treaty.html")) == 1
    assert article.summary == "Short summary 0."
    assert samples("refused") == refused + 1


def test_robots_txt_and_the_per_host_rate_keep_the_summary(feed_server, poll):
    allowed = feed_server.serve("/news/a.html", Reply(200, PAGE, {"Content-Type": "text/html"}))
    also = feed_server.serve("/news/b.html", Reply(200, PAGE, {"Content-Type": "text/html"}))
    private = feed_server.serve("/private/c.html", Reply(200, PAGE, {"Content-Type": "text/html"}))
    feed_server.serve("/robots.txt", Reply(200, b"User-agent: *\nDisallow: /private/\n"))
    feed = feed_server.serve("/feed.xml", Reply(200, rss(private, allowed, also)))
    articles = poll(feed, allow_private=True, per_host_per_minute=1)
    assert ["delegations met" in a.summary for a in articles] == [False, True, False], [
        a.summary[:80] for a in articles
    ]
    assert feed_server.hits("/private/c.html") == [] and len(feed_server.hits("/news/b.html")) == 0


def test_at_most_per_poll_pages_are_fetched_in_one_poll(feed_server, poll):
    pages = [feed_server.serve(f"/p{n}.html", Reply(200, PAGE, {"Content-Type": "text/html"})) for n in range(3)]
    articles = poll(feed_server.serve("/feed.xml", Reply(200, rss(*pages))), allow_private=True, per_poll=2)
    assert ["delegations met" in a.summary for a in articles] == [True, True, False]
    assert feed_server.hits("/p2.html") == []


def test_a_page_too_large_or_not_html_keeps_the_summary(feed_server, poll):
    big = feed_server.serve("/big.html", Reply(200, PAGE * 100, {"Content-Type": "text/html"}))
    pdf = feed_server.serve("/doc.pdf", Reply(200, b"%PDF-1.4", {"Content-Type": "application/pdf"}))
    feed = feed_server.serve("/feed.xml", Reply(200, rss(big, pdf)))
    articles = poll(feed, allow_private=True, max_bytes=10_000)
    assert [a.summary for a in articles] == ["Short summary 0.", "Short summary 1."]
