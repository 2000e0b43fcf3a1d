"""A farm of synthetic news feeds on one loopback HTTP server, for ``bench.ingest``.

``python -m bench.feedfarm FEEDS`` serves ``/feed/<n>`` for n < FEEDS on 127.0.0.1 (a free port,
printed on the first line of stdout) until killed. Feeds have 20 items of RSS-length news
(headline, 2-4 sentences of HTML, English and French), alternately RSS 2.0 and Atom 1.0, and
follow the realistic mix of ``bench.ingest``, advanced one polling round by ``GET /round/<r>``:

- ``etag`` (30 %): the same body with an ETag; a request carrying it gets 304;
- ``same`` (50 %): the same body on every request, no validators (the server ignores conditional GET);
- ``grows`` (20 %): 1-3 new items on top at each round, no validators; the newest 20 are shown.

It runs in its own process so that the benchmarked client and the server do not share a GIL.
"""

from __future__ import annotations

import random
import sys
from html import escape
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer

ITEMS_SHOWN = 20
_WORDS = {
    "en": (
        "government minister talks border trade energy agreement summit election court ruling "
        "protest economy budget inflation harbour shipment sanctions delegation report council "
        "parliament vote weather storm hospital school strike market exports rail bridge"
    ),
    "fr": (
        "gouvernement ministre frontière accord énergie sommet élection tribunal décision "
        "manifestation économie budget inflation port cargaison sanctions délégation rapport conseil "
        "parlement vote météo tempête hôpital école grève marché exportations rail pont"
    ),
}


def kind_of(feed: int) -> str:
    """The feed's behaviour in the mix: ``etag`` (30 %), ``same`` (50 %) or ``grows`` (20 %)."""
    slot = feed % 10
    return "etag" if slot < 3 else "same" if slot < 8 else "grows"


def new_items(feed: int, round_no: int) -> int:
    """How many items a ``grows`` feed adds at ``round_no`` (1-3; none at round 0)."""
    return 0 if round_no == 0 or kind_of(feed) != "grows" else 1 + (feed + round_no) % 3


def item_count(feed: int, round_no: int) -> int:
    """How many items ``feed`` has published by ``round_no``."""
    return ITEMS_SHOWN + sum(new_items(feed, r) for r in range(1, round_no + 1))


def item_link(feed: int, item: int) -> str:
    """The canonical link (and guid) of one item."""
    return f"https://outlet{feed}.example/news/{item}"


def _sentence(rng: random.Random, lang: str) -> str:
    words = rng.choices(_WORDS[lang].split(), k=rng.randint(9, 16))
    return " ".join(words).capitalize() + "."


def _item(feed: int, item: int, lang: str) -> tuple[str, str, str]:
    """(title, HTML description, date) of one item, the same on every request."""
    rng = random.Random(feed * 100_003 + item)
    title = " ".join(rng.choices(_WORDS[lang].split(), k=rng.randint(6, 10))).capitalize()
    text = " ".join(_sentence(rng, lang) for _ in range(rng.randint(2, 4)))
    html = f'<p>{escape(text)} <a href="/more/{item}">&#8230;</a></p><img src="/img/{item}.jpg" alt="">'
    day = 1 + item % 28
    return title, html, f"2026-11-{day:02d}T{item % 24:02d}:{item % 60:02d}:00Z"


def body(feed: int, round_no: int) -> bytes:
    """The document ``feed`` serves at ``round_no``."""
    lang = "fr" if feed % 3 == 0 else "en"
    total = item_count(feed, round_no)
    items = [(item_link(feed, n), *_item(feed, n, lang)) for n in range(total - 1, total - 1 - ITEMS_SHOWN, -1)]
    if feed % 2:
        entries = "".join(
            f"<entry><id>{link}</id><title>{escape(title)}</title><link href='{link}'/>"
            f"<updated>{date}</updated><summary type='html'>{escape(html)}</summary></entry>"
            for link, title, html, date in items
        )
        return (
            f"<?xml version='1.0' encoding='utf-8'?><feed xmlns='http://www.w3.org/2005/Atom' xml:lang='{lang}'>"
            f"<title>Outlet {feed}</title><id>urn:outlet:{feed}</id><updated>2026-11-30T00:00:00Z</updated>"
            f"{entries}</feed>"
        ).encode()
    rss_items = "".join(
        f"<item><guid>{link}</guid><title>{escape(title)}</title><link>{link}</link>"
        f"<pubDate>{date}</pubDate><description>{escape(html)}</description></item>"
        for link, title, html, date in items
    )
    return (
        f"<?xml version='1.0' encoding='utf-8'?><rss version='2.0'><channel><title>Outlet {feed}</title>"
        f"<link>https://outlet{feed}.example/</link><language>{lang}</language>{rss_items}</channel></rss>"
    ).encode()


class _Farm(ThreadingHTTPServer):
    daemon_threads = True

    def __init__(self, feeds: int) -> None:
        super().__init__(("127.0.0.1", 0), _Handler)
        self.feeds = feeds
        self.round_no = 0
        self.cache: dict[tuple[int, int], bytes] = {}


class _Handler(BaseHTTPRequestHandler):
    protocol_version = "HTTP/1.1"  # keep-alive, as real servers do
    # Headers and body go out in two writes: with Nagle's algorithm on, the body waited for the
    # client's delayed ACK (40 ms) on every reused connection; servers set TCP_NODELAY (nginx does).
    disable_nagle_algorithm = True
    server: _Farm

    def do_GET(self) -> None:
        parts = self.path.strip("/").split("/")
        if len(parts) == 2 and parts[0] == "round" and parts[1].isdigit():
            self.server.round_no = int(parts[1])
            self._send(200, b"ok", {})
            return
        if len(parts) != 2 or parts[0] != "feed" or not parts[1].isdigit() or int(parts[1]) >= self.server.feeds:
            self._send(404, b"not found", {})
            return
        feed = int(parts[1])
        kind = kind_of(feed)
        round_no = self.server.round_no if kind == "grows" else 0
        if kind == "etag" and self.headers.get("If-None-Match") == '"v0"':
            self._send(304, b"", {"ETag": '"v0"'})
            return
        key = (feed, round_no)
        if key not in self.server.cache:
            self.server.cache[key] = body(feed, round_no)
        headers = {"Content-Type": "application/atom+xml" if feed % 2 else "application/rss+xml"}
        if kind == "etag":
            headers["ETag"] = '"v0"'
        self._send(200, self.server.cache[key], headers)

    def _send(self, status: int, payload: bytes, headers: dict[str, str]) -> None:
        self.send_response(status)
        for name, value in headers.items():
            self.send_header(name, value)
        self.send_header("Content-Length", str(0 if status == 304 else len(payload)))
        self.end_headers()
        if status != 304:
            self.wfile.write(payload)

    def log_message(self, *_args: object) -> None:
        pass


def main(argv: list[str]) -> int:
    """Serve ``argv[0]`` feeds until killed; print the port first."""
    farm = _Farm(int(argv[0]))
    print(farm.server_address[1], flush=True)
    farm.serve_forever()
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
