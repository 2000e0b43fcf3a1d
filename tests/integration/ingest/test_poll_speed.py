"""The poller's shortcuts (unchanged bodies skipped, seen entries not normalised, parsing in processes), JSON Feed."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta

import pytest

from ingest import digest as digest_module
from ingest.bodyhash import feed_bodies
from ingest.parsepool import ParsePool
from ingest.poller import FeedPoller
from tests.integration.ingest.conftest import Reply, conditional
from tests.integration.ingest.test_poller import feed, rss
from veille.config import VeilleConfig

NOW = datetime(2024, 6, 18, 12, 0, tzinfo=UTC)


def at(minutes: int) -> datetime:
    return NOW + timedelta(minutes=minutes)


@pytest.fixture
def inline_pool():
    """Parsing in this process, so a test can watch what is normalised."""
    return ParsePool(workers=0)


@pytest.fixture
def make(store_engine):
    made: list[FeedPoller] = []

    def factory(*feeds, worker: str = "w1", **kwargs) -> FeedPoller:
        poller = FeedPoller(VeilleConfig(feeds=feeds), store_engine, worker, **kwargs)
        made.append(poller)
        return poller

    yield factory
    for poller in made:
        poller.close()


def test_an_unchanged_body_without_validators_is_not_parsed_again(feed_server, make, inline_pool, monkeypatch):
    url = feed_server.serve("/wire.xml", Reply(200, rss("Treaty announced")))
    poller = make(feed("wire", url), parse_pool=inline_pool)
    (first,) = poller.poll_due(NOW)
    poller.mark_published(first.articles)
    parsed: list[bytes] = []
    real = digest_module.parse_feed
    monkeypatch.setattr(digest_module, "parse_feed", lambda body, *a: parsed.append(body) or real(body, *a))
    (second,) = poller.poll_due(at(6))
    assert (second.outcome, second.articles, parsed) == ("unchanged", (), [])
    feed_server.serve("/wire.xml", Reply(200, rss("Treaty signed", "Treaty announced")))
    (third,) = poller.poll_due(at(12))
    assert [a.title for a in third.articles] == ["Treaty signed"]
    assert len(parsed) == 1


def test_a_body_whose_articles_were_not_published_is_parsed_again(feed_server, make, inline_pool):
    url = feed_server.serve("/wire.xml", Reply(200, rss("Treaty announced")))
    poller = make(feed("wire", url), parse_pool=inline_pool)
    (first,) = poller.poll_due(NOW)
    (again,) = poller.poll_due(at(6))  # nothing was marked published: the same body must give them again
    assert again.outcome == "ok"
    assert [a.id for a in again.articles] == [a.id for a in first.articles]


def test_seen_entries_are_dropped_before_normalisation(feed_server, make, inline_pool, monkeypatch):
    url = feed_server.serve("/wire.xml", Reply(200, rss("Treaty announced", "Visit begins")))
    poller = make(feed("wire", url), parse_pool=inline_pool)
    (first,) = poller.poll_due(NOW)
    poller.mark_published(first.articles)
    normalised: list[str] = []
    real = digest_module.normalize_entry
    monkeypatch.setattr(
        digest_module, "normalize_entry", lambda entry, **kw: normalised.append(entry["title"]) or real(entry, **kw)
    )
    feed_server.serve("/wire.xml", Reply(200, rss("Treaty signed", "Treaty announced", "Visit begins")))
    (second,) = poller.poll_due(at(6))
    assert [a.title for a in second.articles] == ["Treaty signed"]
    assert normalised == ["Treaty signed"]


def test_a_restarted_poller_loads_the_seen_ids_before_normalising(feed_server, make, inline_pool, monkeypatch):
    url = feed_server.serve("/wire.xml", Reply(200, rss("Treaty announced")))
    first = make(feed("wire", url), parse_pool=inline_pool)
    (result,) = first.poll_due(NOW)
    first.mark_published(result.articles)
    normalised: list[str] = []
    real = digest_module.normalize_entry
    monkeypatch.setattr(
        digest_module, "normalize_entry", lambda entry, **kw: normalised.append(entry["title"]) or real(entry, **kw)
    )
    feed_server.serve("/wire.xml", Reply(200, rss("Treaty signed", "Treaty announced")))
    restarted = make(feed("wire", url), worker="w2", parse_pool=inline_pool)
    (after,) = restarted.poll_due(at(6))
    assert [a.title for a in after.articles] == ["Treaty signed"]
    assert normalised == ["Treaty signed"]


def test_duplicate_guids_within_a_feed_give_one_article(feed_server, make, inline_pool):
    item = "<item><guid>urn:wire:1</guid><title>{}</title></item>"
    body = f"<rss version='2.0'><channel><title>W</title>{item.format('A')}{item.format('B')}</channel></rss>"
    url = feed_server.serve("/dup.xml", Reply(200, body.encode()))
    (result,) = make(feed("dup", url), parse_pool=inline_pool).poll_due(NOW)
    assert [a.title for a in result.articles] == ["A"]


def test_feeds_are_parsed_in_worker_processes(feed_server, make):
    urls = [feed_server.serve(f"/f{n}.xml", Reply(200, rss(f"Story {n}"))) for n in range(6)]
    pool = ParsePool(workers=2)
    try:
        poller = make(*(feed(f"f{n}", url) for n, url in enumerate(urls)), parse_pool=pool, per_host=6)
        results = poller.poll_due(NOW)
        assert sorted(a.title for r in results for a in r.articles) == [f"Story {n}" for n in range(6)]
        assert pool._executor is not None and len(pool._executor._processes) == 2
    finally:
        pool.close()


def test_a_json_feed_over_http_is_polled_like_any_feed(feed_server, make):
    document = (
        b'{"version": "https://jsonfeed.org/version/1.1", "title": "Wire", "language": "fr", "items": ['
        b'{"id": "1", "url": "/news/1", "title": "Trait\xc3\xa9 sign\xc3\xa9", "content_text": "Texte",'
        b' "date_published": "2024-06-18T10:00:00+02:00"}]}'
    )
    url = feed_server.serve("/feed.json", Reply(200, document, {"Content-Type": "application/feed+json"}))
    poller = make(feed("jf", url))
    (first,) = poller.poll_due(NOW)
    (article,) = first.articles
    assert (article.title, article.url, article.lang) == ("Traité signé", feed_server.url("/news/1"), "fr")
    assert article.published == datetime(2024, 6, 18, 8, 0, tzinfo=UTC)
    poller.mark_published(first.articles)
    (second,) = poller.poll_due(at(6))
    assert (second.outcome, second.articles) == ("unchanged", ())


def test_articles_given_back_after_a_broker_restart_are_published_again_by_a_running_poller(
    feed_server, make, inline_pool, store_engine
):
    from alerts.state import detections
    from veille.recovery import requeue_unprocessed
    from veille.store import ensure_tables

    ensure_tables(store_engine, [detections])
    url = feed_server.serve("/wire.xml", Reply(200, rss("Treaty announced", "Visit begins")))
    poller = make(feed("wire", url), parse_pool=inline_pool)
    (first,) = poller.poll_due(NOW)
    poller.mark_published(first.articles)
    assert poller.poll_due(at(6))[0].outcome == "unchanged"  # body hash saved, seen ids cached in memory

    requeued = requeue_unprocessed(store_engine, since=NOW - timedelta(minutes=1), now=at(7))  # the broker lost them
    assert requeued.articles == 2
    (again,) = poller.poll_due(at(7))
    assert sorted(a.title for a in again.articles) == ["Treaty announced", "Visit begins"]


def test_seen_ids_of_a_feed_answered_by_304s_without_a_saved_body_hash_are_read_once(feed_server, make, store_engine):
    url = feed_server.serve("/wire.xml", conditional(rss("Treaty announced")))
    first = make(feed("wire", url))
    (polled,) = first.poll_due(NOW)
    first.mark_published(polled.articles)
    with store_engine.begin() as conn:
        conn.execute(feed_bodies.delete())  # a store from before feed_bodies: validators, no body hash
    poller = make(feed("wire", url), worker="w2")  # a restart
    reads: list[list[str]] = []
    real = poller.state.seen_ids_by_feed
    poller.state.seen_ids_by_feed = lambda ids: reads.append(list(ids)) or real(ids)
    outcomes = [poller.poll_due(at(6 * n))[0].outcome for n in (1, 2, 3)]
    assert outcomes == ["not_modified"] * 3
    assert reads == [["wire"]]  # once after the restart, not on every poll
