"""The poll cycle end to end over a local HTTP server, local files and the store on both backends."""

from __future__ import annotations

import logging
import threading
from datetime import UTC, datetime, timedelta

import pytest
from prometheus_client import REGISTRY

from ingest.poller import FeedPoller
from tests.integration.ingest.conftest import Reply, conditional
from veille.config import VeilleConfig
from veille.config.feeds import FeedConfig
from veille.errors import TransientError

NOW = datetime(2024, 6, 18, 12, 0, tzinfo=UTC)
LATER = NOW + timedelta(minutes=6)


def rss(*titles: str) -> bytes:
    items = "".join(
        f"<item><guid>https://news.example/{t.replace(' ', '-')}</guid><title>{t}</title>"
        f"<pubDate>Tue, 18 Jun 2024 08:00:00 GMT</pubDate></item>"
        for t in titles
    )
    return f'<rss version="2.0"><channel><title>Wire</title>{items}</channel></rss>'.encode()


def make_poller(engine, *feeds: FeedConfig, worker: str = "w1", **kwargs) -> FeedPoller:
    return FeedPoller(VeilleConfig(feeds=feeds), engine, worker, **kwargs)


@pytest.fixture
def poller_factory(store_engine):
    made: list[FeedPoller] = []

    def factory(*feeds: FeedConfig, **kwargs) -> FeedPoller:
        poller = make_poller(store_engine, *feeds, **kwargs)
        made.append(poller)
        return poller

    yield factory
    for poller in made:
        poller.close()


def feed(feed_id: str, url: str, **kwargs) -> FeedConfig:
    return FeedConfig(id=feed_id, url=url, interval=timedelta(minutes=5), **kwargs)


def sample(name: str, **labels: str) -> float:
    return REGISTRY.get_sample_value(name, labels or None) or 0.0


def test_first_poll_returns_normalised_articles_from_http_and_local_feeds(feed_server, tmp_path, poller_factory):
    url = feed_server.serve("/wire.xml", conditional(rss("Treaty announced", "Visit begins")))
    local = tmp_path / "demo.xml"
    local.write_bytes(rss("Demo story"))
    poller = poller_factory(feed("wire", url, source="Wire Agency", tags=("news",)), feed("demo", str(local)))
    results = {result.feed_id: result for result in poller.poll_due(NOW)}
    assert results["wire"].outcome == "ok"
    assert [a.title for a in results["wire"].articles] == ["Treaty announced", "Visit begins"]
    assert {a.source for a in results["wire"].articles} == {"Wire Agency"}
    assert results["wire"].articles[0].tags == ("news",)
    assert [a.title for a in results["demo"].articles] == ["Demo story"]
    assert poller.next_due(NOW) == NOW + timedelta(minutes=5)


def test_unpublished_articles_come_back_and_validators_wait_for_publication(feed_server, poller_factory):
    url = feed_server.serve("/wire.xml", conditional(rss("Treaty announced")))
    poller = poller_factory(feed("wire", url))
    (first,) = poller.poll_due(NOW)
    (again,) = poller.poll_due(LATER)  # the worker crashed before producing: nothing was marked
    assert [a.id for a in again.articles] == [a.id for a in first.articles]
    assert "if-none-match" not in feed_server.hits("/wire.xml")[1]
    assert poller.mark_published(again.articles) == 1
    (third,) = poller.poll_due(LATER + timedelta(minutes=6))
    assert third.outcome == "not_modified"
    assert third.articles == ()
    assert feed_server.hits("/wire.xml")[2]["if-none-match"] == '"v1"'


def test_publish_runs_before_anything_is_written_and_its_articles_are_marked_with_the_polls(
    feed_server, poller_factory
):
    url = feed_server.serve("/wire.xml", conditional(rss("Treaty announced", "Visit begins")))
    poller = poller_factory(feed("wire", url))
    handed = []

    def publish(articles):
        assert poller.state.unseen(articles) == articles  # not marked yet
        assert poller.next_due(NOW) > NOW + timedelta(minutes=6)  # still leased: the poll is not recorded
        handed.extend(articles)

    (result,) = poller.poll_due(NOW, publish=publish)
    assert [a.title for a in handed] == ["Treaty announced", "Visit begins"] == [a.title for a in result.articles]
    assert poller.state.unseen(handed) == []
    assert poller.next_due(NOW) == NOW + timedelta(minutes=5)
    (again,) = poller.poll_due(LATER, publish=handed.extend)
    assert again.outcome == "not_modified"  # the validators were saved with the articles
    assert feed_server.hits("/wire.xml")[1]["if-none-match"] == '"v1"'


def test_a_failed_publish_writes_nothing_and_the_feed_waits_for_its_lease_release(feed_server, poller_factory):
    url = feed_server.serve("/wire.xml", conditional(rss("Treaty announced")))
    poller = poller_factory(feed("wire", url))

    def failing(_articles):
        raise TransientError("kafka down")

    with pytest.raises(TransientError):
        poller.poll_due(NOW, publish=failing)
    assert poller.poll_due(NOW) == []  # leased by the failed batch
    assert poller.release_leases() == 1
    handed = []
    (result,) = poller.poll_due(NOW, publish=handed.extend)
    assert [a.title for a in handed] == ["Treaty announced"] == [a.title for a in result.articles]


def test_a_restarted_worker_does_not_resend_published_articles(feed_server, poller_factory):
    url = feed_server.serve("/wire.xml", Reply(200, rss("Treaty announced")))  # no validators: full body each time
    first = poller_factory(feed("wire", url))
    (result,) = first.poll_due(NOW)
    first.mark_published(result.articles)
    restarted = poller_factory(feed("wire", url), worker="w2")
    (after,) = restarted.poll_due(LATER)
    assert (after.outcome, after.articles) == ("unchanged", ())  # the same bytes: not even parsed


def test_only_new_items_are_returned_when_a_feed_grows(feed_server, poller_factory):
    feed_server.serve("/wire.xml", conditional(rss("Treaty announced"), etag='"v1"'))
    poller = poller_factory(feed("wire", feed_server.url("/wire.xml")))
    (first,) = poller.poll_due(NOW)
    poller.mark_published(first.articles)
    feed_server.serve("/wire.xml", conditional(rss("Treaty signed", "Treaty announced"), etag='"v2"'))
    (second,) = poller.poll_due(LATER)
    assert [a.title for a in second.articles] == ["Treaty signed"]


def test_failures_become_outcomes_with_a_reason_and_back_off(feed_server, poller_factory):
    broken = feed_server.serve("/500.xml", Reply(500, b"oops"))
    hostile = feed_server.serve(
        "/bomb.xml", Reply(200, b'<!DOCTYPE r [<!ENTITY a "x"><!ENTITY b "&a;&a;">]><rss><channel><title>&b;</title>')
    )
    poller = poller_factory(feed("broken", broken), feed("hostile", hostile))
    errors_before = sample("veille_ingest_feed_errors_total", kind="hostile")
    results = {result.feed_id: result for result in poller.poll_due(NOW)}
    assert (results["broken"].outcome, results["broken"].error) == ("transient_error", "HTTP 500 Internal Server Error")
    assert results["hostile"].outcome == "permanent_error"
    assert "XXE guard" in results["hostile"].error
    assert sample("veille_ingest_feed_errors_total", kind="hostile") == errors_before + 1
    assert poller.poll_due(NOW + timedelta(minutes=1)) == []
    assert poller.next_due(NOW) >= NOW + timedelta(minutes=4)


def test_429_retry_after_delays_the_next_poll(feed_server, poller_factory):
    url = feed_server.serve("/busy.xml", Reply(429, b"", {"Retry-After": "3600"}))
    poller = poller_factory(feed("busy", url))
    (result,) = poller.poll_due(NOW)
    assert result.outcome == "transient_error"
    assert poller.next_due(NOW) == NOW + timedelta(hours=1)


def test_two_replicas_poll_each_feed_once(feed_server, poller_factory):
    feeds = [feed(f"f{i}", feed_server.serve(f"/f{i}.xml", Reply(200, rss(f"story {i}")))) for i in range(6)]
    one, two = poller_factory(*feeds, worker="a"), poller_factory(*feeds, worker="b")
    results: list = []
    threads = [threading.Thread(target=lambda p=p: results.extend(p.poll_due(NOW))) for p in (one, two)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    assert sorted(result.feed_id for result in results) == [f"f{i}" for i in range(6)]
    assert all(len(feed_server.hits(f"/f{i}.xml")) == 1 for i in range(6))


def test_at_most_per_host_fetches_run_at_once(feed_server, poller_factory):
    in_flight = 0
    peak = 0
    lock = threading.Lock()

    def slow(_headers):
        nonlocal in_flight, peak
        with lock:
            in_flight += 1
            peak = max(peak, in_flight)
        feed_server.stop.wait(0.2)
        with lock:
            in_flight -= 1
        return Reply(200, rss("x"))

    feeds = [feed(f"f{i}", feed_server.serve(f"/f{i}.xml", slow)) for i in range(6)]
    poller = poller_factory(*feeds, max_workers=6, per_host=2)
    assert len(poller.poll_due(NOW)) == 6
    assert 1 <= peak <= 2


def test_a_bozo_feed_is_read_and_its_reason_logged_once(feed_server, poller_factory, caplog):
    body = b'<rss version="2.0"><channel><title>t</title><item><guid>g1</guid><title>A &nbsp broken</title></item>'
    url = feed_server.serve("/bozo.xml", Reply(200, body))
    poller = poller_factory(feed("bozo", url))
    with caplog.at_level(logging.WARNING, logger="ingest.poller"):
        (first,) = poller.poll_due(NOW)
        poller.poll_due(LATER)
    assert len(first.articles) == 1
    assert caplog.text.count("malformed, read anyway") == 1


def test_metrics_count_polls_and_new_articles(feed_server, poller_factory):
    url = feed_server.serve("/wire.xml", conditional(rss("a", "b")))
    poller = poller_factory(feed("wire", url))
    ok, articles = sample("veille_ingest_polls_total", outcome="ok"), sample("veille_ingest_articles_total")
    (result,) = poller.poll_due(NOW)
    poller.mark_published(result.articles)
    poller.poll_due(LATER)
    assert sample("veille_ingest_polls_total", outcome="ok") == ok + 1
    assert sample("veille_ingest_articles_total") == articles + 2
    assert sample("veille_ingest_polls_total", outcome="not_modified") >= 1


def test_disabled_feeds_are_never_polled(feed_server, poller_factory):
    url = feed_server.serve("/off.xml", Reply(200, rss("x")))
    poller = poller_factory(feed("off", url, enabled=False))
    assert poller.poll_due(NOW) == []
    assert poller.next_due(NOW) is None
    assert feed_server.requests == []


def test_relative_links_resolve_against_the_feed_address(feed_server, poller_factory):
    item = b"<item><title>A</title><link>/news/a.html</link></item>"
    body = b'<rss version="2.0"><channel><title>t</title>' + item + b"</channel></rss>"
    url = feed_server.serve("/rel/feed.xml", Reply(200, body))
    (result,) = poller_factory(feed("rel", url)).poll_due(NOW)
    assert result.articles[0].url == feed_server.url("/news/a.html")


def test_one_batch_claims_a_bounded_number_of_feeds_per_host(feed_server, poller_factory):
    feeds = [feed(f"f{i}", feed_server.serve(f"/f{i}.xml", Reply(200, rss(f"s{i}")))) for i in range(8)]
    poller = poller_factory(*feeds, per_host=1)
    assert len(poller.poll_due(NOW)) == 5  # the one slot fetches 5 in a row at most: 5 x 100 s + one spare < lease
    assert len(poller.poll_due(NOW)) == 3


def test_a_story_in_two_feeds_is_returned_once_and_both_feeds_become_conditional(feed_server, poller_factory):
    feeds = [
        feed("world", feed_server.serve("/world.xml", conditional(rss("Treaty announced", "World only")))),
        feed("asia", feed_server.serve("/asia.xml", conditional(rss("Treaty announced")))),
    ]
    poller = poller_factory(*feeds)
    results = poller.poll_due(NOW)
    ids = [article.id for result in results for article in result.articles]
    assert len(ids) == len(set(ids)) == 2
    poller.mark_published(article for result in results for article in result.articles)
    assert {result.outcome for result in poller.poll_due(LATER)} == {"not_modified"}
