"""Alerts for receiver tests: the Russia–DPRK story, and hostile variants of it."""

from __future__ import annotations

from datetime import UTC, datetime
from typing import Any

from veille.contracts import Alert, Cited

NAMES = {"RUS": "Russia", "PRK": "North Korea"}

HOSTILE = (
    "<!channel> <!here|here> <!everyone> @channel @here @everyone <@U024BE7LH> "
    "<https://evil.example|click me> & \x1b]0;pwned\x07\x1b[31mred\x1b[0m\r\nBcc: victim@example.org "
    "<script>alert(1)</script> <img src=https://tracker.example/p.gif>"
)


def make_alert(**changes: Any) -> Alert:
    """The announced Russia–DPRK treaty alert with three sources, with ``changes`` applied."""
    when = datetime(2024, 6, 18, 7, 12, tzinfo=UTC)
    fields: dict[str, Any] = {
        "alert_id": "agreement-PRK,RUS-announced-r1",
        "rule": "rus-prk-agreements",
        "event_type": "agreement",
        "actors": ("PRK", "RUS"),
        "stage": "announced",
        "group_key": "agreement|PRK,RUS|announced",
        "title": "Russie et Corée du Nord : un traité pourrait être signé",
        "evidence": "Un « traité de partenariat stratégique global » pourrait être signé.",
        "evidence_lang": "fr",
        "sources": ("Le Monde", "Yonhap", "TASS"),
        "article_ids": ("a1", "a2", "a3"),
        "links": ("https://www.lemonde.fr/a1", "https://en.yna.co.kr/a2?x=1&y=2", "https://tass.com/a3"),
        "first_seen": when,
        "fired_at": when,
        "evidence_source": "Le Monde",
        "reports": (
            Cited(
                source="Le Monde",
                title="Russie et Corée du Nord : un traité",
                lang="fr",
                url="https://www.lemonde.fr/a1",
            ),
            Cited(source="Yonhap", title="Treaty may be signed", lang="en", url="https://en.yna.co.kr/a2?x=1&y=2"),
            Cited(source="TASS", title="Treaty talks", lang="en", url="https://tass.com/a3"),
        ),
    }
    fields.update(changes)
    return Alert(**fields)


def hostile_alert(**changes: Any) -> Alert:
    """An alert whose every feed-derived text field carries injection attempts."""
    fields: dict[str, Any] = {
        "title": HOSTILE,
        "evidence": HOSTILE,
        "sources": (HOSTILE, "Yonhap"),
        "links": ("javascript:alert(1)", "https://ok.example/a|<!channel>", "https://ok.example/b?a=1&b=<x>"),
        "evidence_source": HOSTILE,
        "reports": (
            Cited(
                source=HOSTILE, title=HOSTILE, lang="xx\r\nBcc: x@evil.example", url="https://ok.example/a|<!channel>"
            ),
            Cited(source="Yonhap", title=HOSTILE, url="javascript:alert(1)"),
        ),
        "denials": (Cited(source=HOSTILE, title=HOSTILE, url="https://ok.example/b?a=1&b=<x>"),),
        "denied_by": (HOSTILE,),
    }
    fields.update(changes)
    return make_alert(**fields)
