"""``veille feed parse``: articles as JSON lines, or one ``error:`` line and exit 1, on every corpus file."""

from __future__ import annotations

import json
import subprocess
import sys

import pytest

from tests.integration.ingest.conftest import Reply
from tests.unit.ingest.test_parse import CORPUS, INDEX, needs_corpus
from veille.cli import main
from veille.contracts import Article


def run(capsys, *args: str) -> tuple[int, list[str], list[str]]:
    code = main(["feed", "parse", *args])
    captured = capsys.readouterr()
    return code, captured.out.splitlines(), captured.err.splitlines()


@needs_corpus
@pytest.mark.parametrize("path", [row[0] for row in INDEX] or ["absent"])
def test_every_corpus_file_gives_articles_or_one_error_line(capsys, path):
    code, out, err = run(capsys, str(CORPUS / path))
    if code == 0:
        for line in out:
            Article.model_validate_json(line)
        assert all(line.startswith("skipped: ") for line in err)
    else:
        assert code == 1 and out == []
        assert len(err) == 1 and err[0].startswith("error: ")
    if path.endswith(".json") and "invalid" not in path:
        assert code == 0 and out, "a JSON Feed file must give articles"


@needs_corpus
def test_hostile_xml_is_one_error_line(capsys):
    code, out, err = run(capsys, str(CORPUS / "hostile-defusedxml" / "xmlbomb.xml"))
    assert (code, out) == (1, [])
    assert err == ["error: refused XML that declares entities (entity expansion / XXE guard)"]


def test_a_url_is_fetched_and_relative_links_resolve_against_it(capsys, feed_server):
    body = b"<rss version='2.0'><channel><title>W</title><item><title>A</title><link>/a</link></item></channel></rss>"
    url = feed_server.serve("/news/rss.xml", Reply(200, body, {"Content-Type": "application/rss+xml"}))
    code, out, _err = run(capsys, url, "--source", "Wire", "--lang", "fr")
    article = json.loads(out[0])
    assert code == 0
    assert (article["url"], article["source"], article["lang"]) == (feed_server.url("/a"), "Wire", "fr")
    assert article["feed_id"].startswith("127.0.0.1-")  # named after the host and port


def test_http_errors_missing_files_and_bad_options_are_one_line(capsys, feed_server, tmp_path):
    assert run(capsys, feed_server.url("/missing"))[1:] == ([], ["error: HTTP 404 Not Found"])
    assert run(capsys, str(tmp_path / "nope.xml"))[1:] == ([], [f"error: no such file: {tmp_path / 'nope.xml'}"])
    (tmp_path / "f.xml").write_bytes(b"<rss version='2.0'><channel><title>t</title></channel></rss>")
    code, out, err = run(capsys, str(tmp_path / "f.xml"), "--id", "bad id")
    assert (code, out, len(err)) == (1, [], 1) and err[0].startswith("error: id: ")


def test_the_installed_command_prints_no_traceback(tmp_path):
    bad = tmp_path / "bad.json"
    bad.write_bytes(b'{"items": [')
    done = subprocess.run(
        [sys.executable, "-m", "veille.cli", "feed", "parse", str(bad)], capture_output=True, text=True, timeout=120
    )
    assert done.returncode == 1
    assert done.stdout == "" and done.stderr.startswith("error: invalid JSON") and done.stderr.count("\n") == 1
