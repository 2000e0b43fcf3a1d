"""``veille feed`` management end to end: the real CLI, a local HTTP server, the store on both backends."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta

import pytest
import yaml

from ingest.catalog import FeedCatalog
from ingest.poller import FeedPoller
from tests.integration.ingest.conftest import Reply
from veille.cli import main
from veille.config import load_config
from veille.store import create_engine

RSS = b'<rss version="2.0"><channel><title>Le Monde International</title><item><guid>https://lemonde.example/a</guid><title>A</title></item></channel></rss>'
PAGE = b"""<!DOCTYPE html><html><head><title>Le Monde</title>
<link rel="alternate" type="application/rss+xml" title="International" href="/rss/international.xml">
<link rel="alternate" type="application/atom+xml" href="https://lemonde.example/atom.xml">
<link rel="stylesheet" href="/style.css">
</head><body>news</body></html>"""
OPML = b"""<?xml version="1.0"?>
<opml version="2.0"><head><title>subscriptions</title></head><body>
  <outline text="Wires">
    <outline type="rss" text="Reuters World" xmlUrl="https://reuters.example/world.rss"/>
    <outline type="rss" text="TASS" title="TASS English" xmlUrl="https://tass.example/rss/v2.xml"/>
  </outline>
  <outline type="rss" text="Bad one" xmlUrl="gopher://old.example/feed"/>
  <outline type="rss" text="Dup" xmlUrl="https://reuters.example/world.rss"/>
</body></opml>"""


@pytest.fixture
def config_file(tmp_path, store_url):
    def write(feeds: list[dict] | None = None, **extra: object):
        path = tmp_path / "veille.yaml"
        data = {"data_dir": str(tmp_path / "data"), "store": {"url": store_url}, "feeds": feeds or [], **extra}
        path.write_text(yaml.safe_dump(data))
        return str(path)

    return write


def veille(config: str, *args: str) -> int:
    return main(["feed", *args, "--config", config])


def test_add_checks_the_url_and_stores_the_feed_with_its_options(feed_server, config_file, capsys):
    url = feed_server.serve("/int.xml", Reply(200, RSS, {"Content-Type": "application/rss+xml"}))
    config = config_file()
    code = veille(config, "add", url, "--interval", "10m", "--lang", "fr", "--tag", "press", "--source", "Le Monde")
    assert code == 0
    out = capsys.readouterr().out
    assert "added feed 127.0.0.1-le-monde-international (Le Monde International): 1 items now" in out
    loaded = load_config(config)
    engine = create_engine(loaded.store_url)
    try:
        (feed,) = FeedCatalog(loaded, engine).stored()
    finally:
        engine.dispose()
    assert (feed.url, feed.interval, feed.lang, feed.tags, feed.source) == (
        url,
        timedelta(minutes=10),
        "fr",
        ("press",),
        "Le Monde",
    )
    assert veille(config, "add", url) == 2
    assert "already polled as feed '127.0.0.1-le-monde-international'" in capsys.readouterr().err


def test_an_html_page_is_not_added_and_the_feeds_it_advertises_are_listed(feed_server, config_file, capsys):
    url = feed_server.serve("/", Reply(200, PAGE, {"Content-Type": "text/html; charset=utf-8"}))
    config = config_file()
    assert veille(config, "add", url) == 1
    err = capsys.readouterr().err
    assert "is an HTML page, not a feed; it advertises:" in err
    assert f"{feed_server.base}/rss/international.xml  (International)" in err
    assert "https://lemonde.example/atom.xml" in err
    assert "style.css" not in err
    assert veille(config, "list") == 0
    assert capsys.readouterr().out == ""


def test_a_feed_served_as_text_html_is_still_added(feed_server, config_file, capsys):
    url = feed_server.serve("/mislabelled", Reply(200, RSS, {"Content-Type": "text/html"}))
    assert veille(config_file(), "add", url, "--id", "mislabelled") == 0
    assert "added feed mislabelled" in capsys.readouterr().out


def test_hostile_page_text_cannot_drive_the_terminal(feed_server, config_file, capsys):
    page = b'<html><link rel="alternate" type="application/rss+xml" title="\x1b[2J\xe2\x80\xaeevil" href="/f">'
    url = feed_server.serve("/", Reply(200, page, {"Content-Type": "text/html"}))
    assert veille(config_file(), "add", url) == 1
    err = capsys.readouterr().err
    assert "\x1b" not in err and "\u202e" not in err and "?[2J?evil" in err


def test_add_refuses_what_is_not_a_feed_in_one_line(feed_server, config_file, capsys):
    config = config_file()
    assert veille(config, "add", feed_server.serve("/missing", Reply(404, b"gone"))) == 1
    assert veille(config, "add", feed_server.serve("/junk", Reply(200, b"\x00\x01 not xml"))) == 1
    err = capsys.readouterr().err.strip().splitlines()
    assert len(err) == 2 and "HTTP 404 Not Found" in err[0] and err[1].startswith("error: ")


def test_opml_import_then_export_round_trips_and_reports_what_it_skipped(config_file, tmp_path, capsys):
    opml = tmp_path / "subs.opml"
    opml.write_bytes(OPML)
    config = config_file([{"id": "cfg", "url": "https://config.example/feed.xml", "tags": ["conf"]}])
    assert veille(config, "import", str(opml)) == 0
    out = capsys.readouterr().out
    assert "imported 2 feeds" in out and "(2 skipped)" in out
    assert "gopher://old.example/feed" in out and "already polled as feed 'reuters.example-reuters-world'" in out
    assert veille(config, "export") == 0
    exported = capsys.readouterr().out
    assert 'xmlUrl="https://config.example/feed.xml"' in exported
    assert 'category="Wires"' in exported and 'title="TASS English"' in exported
    again = tmp_path / "again.opml"
    again.write_text(exported)
    assert veille(config, "import", str(again)) == 0
    assert "imported 0 feeds" in capsys.readouterr().out
    assert veille(config, "list") == 0
    lines = capsys.readouterr().out.splitlines()
    assert [line.split("\t")[:2] for line in lines] == [
        ["cfg", "config"],
        ["reuters.example-reuters-world", "store"],
        ["tass.example-tass-english", "store"],
    ]


def test_a_broken_opml_file_is_one_clear_line(config_file, tmp_path, capsys):
    bad = tmp_path / "bad.opml"
    bad.write_bytes(b'<!DOCTYPE x [<!ENTITY a "aaaa">]><opml><body>&a;</body></opml>')
    assert veille(config_file(), "import", str(bad)) == 2
    (line,) = capsys.readouterr().err.strip().splitlines()
    assert line.startswith("config: ") and "not readable OPML" in line


def test_remove_deletes_a_stored_feed_but_not_a_config_one(feed_server, config_file, capsys):
    url = feed_server.serve("/int.xml", Reply(200, RSS))
    config = config_file([{"id": "cfg", "url": "https://config.example/feed.xml"}])
    assert veille(config, "add", url, "--id", "mine") == 0
    assert veille(config, "remove", "cfg") == 2
    assert veille(config, "remove", "mine") == 0
    assert veille(config, "remove", "mine") == 1
    assert "removed feed mine" in capsys.readouterr().out
    assert veille(config, "list") == 0
    assert [line.split("\t")[0] for line in capsys.readouterr().out.splitlines()] == ["cfg"]


def test_status_reports_success_errors_items_schedule_and_websub(feed_server, config_file, capsys):
    good = feed_server.serve("/good.xml", Reply(200, RSS))
    bad = feed_server.serve("/bad.xml", Reply(500, b"oops"))
    config_path = config_file([{"id": "good", "url": good}, {"id": "bad", "url": bad}])
    config = load_config(config_path)
    engine = create_engine(config.store_url)
    poller = FeedPoller(config, engine, "w1")
    try:
        results = {r.feed_id: r for r in poller.poll_due(datetime.now(UTC))}
        poller.mark_published(results["good"].articles)
    finally:
        poller.close()
        engine.dispose()
    assert veille(config_path, "status") == 0
    out = capsys.readouterr().out
    good_part, bad_part = out.split("bad: ")[0], out.split("bad: ")[1]
    assert good_part.startswith("good: alive") and "items seen    1" in good_part
    assert "failing" in bad_part and "HTTP 500 Internal Server Error" in bad_part and "1 in a row" in bad_part
    assert "websub        -" in out
    assert veille(config_path, "status", "nosuch") == 1
