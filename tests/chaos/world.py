"""The chaos run's news: seeded articles over several feeds, among them a known set that must alert.

Twelve invented countries are watched; a *signal* article reports that two of them signed an
agreement. The rule groups by actors, so each chosen pair must raise exactly one alert, however
many outlets report it. Every other article is filler that mentions no watched entity.
"""

from __future__ import annotations

import itertools
import random
from dataclasses import dataclass
from datetime import UTC, datetime
from email.utils import format_datetime
from pathlib import Path
from xml.sax.saxutils import escape

COUNTRIES = {
    "ARV": "Arvania",
    "BEL": "Belmora",
    "COR": "Corvalia",
    "DUN": "Dunmark",
    "EST": "Estoria",
    "FEN": "Fennovia",
    "GAL": "Galvora",
    "IST": "Istrana",
    "KAL": "Kaltania",
    "LUM": "Lumeria",
    "MOR": "Morvenia",
    "NOV": "Novaris",
}

_FILLER_SUBJECTS = ("The river festival", "A local bakery", "The city library", "The harbour ferry", "A choir")
_FILLER_VERBS = ("opens", "closes early", "celebrates its anniversary", "moves to a new site", "wins a prize")
_FILLER_WHEN = ("on Monday", "this weekend", "after the holidays", "in the spring", "next month")


@dataclass(frozen=True, slots=True)
class Item:
    """One article as a feed item."""

    guid: str
    feed: int
    title: str
    summary: str
    pair: tuple[str, str] | None  # the watched pair it reports, None for filler


@dataclass(frozen=True, slots=True)
class World:
    """Every item to publish, in publication order, and the pairs that must alert."""

    items: list[Item]
    pairs: list[tuple[str, str]]
    feeds: int


def make_world(seed: int, articles: int, alerts: int, feeds: int) -> World:
    """``articles`` items over ``feeds`` feeds, of which 1–3 reports for each of ``alerts`` pairs."""
    rng = random.Random(seed)
    all_pairs = list(itertools.combinations(sorted(COUNTRIES), 2))
    if alerts > len(all_pairs):
        raise ValueError(f"at most {len(all_pairs)} alerts")
    pairs = sorted(rng.sample(all_pairs, alerts))
    signals = [pair for pair in pairs for _ in range(rng.randint(1, 3))]
    if len(signals) > articles:
        raise ValueError(f"{articles} articles cannot carry {len(signals)} reports")
    kinds: list[tuple[str, str] | None] = signals + [None] * (articles - len(signals))
    rng.shuffle(kinds)
    items = []
    for number, pair in enumerate(kinds):
        feed = rng.randrange(feeds)
        if pair is None:
            title = f"{rng.choice(_FILLER_SUBJECTS)} {rng.choice(_FILLER_VERBS)} {rng.choice(_FILLER_WHEN)} ({number})"
            summary = f"Story {number}: residents were told about it {rng.choice(_FILLER_WHEN)}."
        else:
            first, second = (COUNTRIES[code] for code in pair)
            title = f"{first} and {second} sign a trade agreement"
            summary = f"{first} and {second} signed a trade agreement on Tuesday, officials said (report {number})."
        items.append(Item(f"chaos-{seed}-{number:05d}", feed, title, summary, pair))
    return World(items, pairs, feeds)


def rss(feed: int, items: list[Item], published: dict[str, datetime]) -> bytes:
    """The RSS document of ``feed`` listing ``items`` (every item published so far on it)."""
    entries = "".join(
        f'<item><title>{escape(item.title)}</title><guid isPermaLink="false">{item.guid}</guid>'
        f"<link>https://chaos.example.org/{item.guid}</link><description>{escape(item.summary)}</description>"
        f"<pubDate>{format_datetime(published.get(item.guid, datetime.now(UTC)))}</pubDate></item>"
        for item in items
    )
    return (
        f'<?xml version="1.0" encoding="UTF-8"?><rss version="2.0"><channel><title>Chaos Wire {feed:02d}</title>'
        f"<link>https://chaos.example.org/{feed}</link><description>chaos</description>{entries}</channel></rss>"
    ).encode()


def write_config(
    path: Path,
    *,
    feed_urls: list[str],
    webhook_url: str,
    smtp_port: int,
    store_url: str,
    data_dir: Path,
    bootstrap: str,
    prefix: str,
    repo: Path,
) -> Path:
    """The chaos run's config: the invented watchlist, one ``any`` rule, a webhook and an email receiver."""
    watchlist = "\n".join(
        f"  - {{id: {code}, kind: country, names: {{en: [{name}]}}}}" for code, name in COUNTRIES.items()
    )
    feeds = "\n".join(
        f"  - {{id: f{n:02d}, url: '{url}', source: Chaos Wire {n:02d}, lang: en, interval: 2s}}"
        for n, url in enumerate(feed_urls)
    )
    path.write_text(
        f"""include:
  - {repo / "config" / "lexicon" / "events.yaml"}
data_dir: {data_dir}
store: {{url: '{store_url}'}}
kafka: {{bootstrap_servers: [{bootstrap}], topic_prefix: {prefix}, partitions: 4, session_timeout_ms: 6000}}
metrics: {{ingest_port: 0, process_port: 0, alerts_port: 0}}
watchlist:
{watchlist}
feeds:
{feeds}
rules:
  - name: chaos-agreements
    type: any
    event_type: agreement
    group_by: [actors]
    realert: 24h
    receivers: [hook, mail]
receivers:
  - {{name: hook, type: webhook, url: '{webhook_url}'}}
  - {{name: mail, type: email, host: 127.0.0.1, port: {smtp_port}, security: none,
     sender: 'veille <veille@example.org>', to: [ops@example.org]}}
""",
        encoding="utf-8",
    )
    return path
