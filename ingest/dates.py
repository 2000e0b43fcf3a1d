"""Dates written in the publisher's language: ``mar., 18 juin 2024 08:00:00 +0200``, ``18. März 2024``.

RFC 822 wants English day and month names; many French, German, Spanish, Italian, Portuguese,
Dutch and Russian feeds localise them, and feedparser then gives no date at all. ``parse_localised_date``
is registered as a feedparser date handler (``ingest.parse``): it reads "[weekday,] day month
year [time] [zone]" with the month in any of those languages (accents and case ignored, full names
or abbreviations), and returns None for anything else, so feedparser's own handlers still run.
"""

from __future__ import annotations

import re
import time
import unicodedata
from datetime import UTC, datetime, timedelta

_MONTH_PREFIXES = (  # per month, the 3-letter prefixes (accents removed) used in the supported languages
    "jan ene gen янв",
    "feb fev фев",
    "mar maa mrt мар",
    "apr avr abr апр",
    "mai may mag mei мая май",
    "jun jui giu июн",
    "jul lug июл",
    "aug aou ago авг",
    "sep set сен",
    "oct okt ott out окт",
    "nov ноя",
    "dec dez dic дек",
)
_MONTHS = {prefix: number for number, names in enumerate(_MONTH_PREFIXES, 1) for prefix in names.split()}
_JUILLET = re.compile(r"^juil")  # French "juillet" shares "jui" with "juin"
_ZONES = {
    "": 0, "z": 0, "ut": 0, "utc": 0, "gmt": 0, "wet": 0, "bst": 60, "cet": 60, "mez": 60, "cest": 120,
    "mesz": 120, "eet": 120, "eest": 180, "msk": 180, "est": -300, "edt": -240, "cst": -360, "cdt": -300,
    "mst": -420, "mdt": -360, "pst": -480, "pdt": -420,
}  # fmt: skip
_DATE = re.compile(
    r"^\s*(?:[^\W\d]+\.?,?\s+)?(\d{1,2})\.?\s+([^\W\d]{3,12})\.?,?\s+(\d{4})"
    r"(?:,?\s+(?:um\s+|à\s+|a\s+las\s+|в\s+)?(\d{1,2})[:h.](\d{2})(?:[:.](\d{2}))?)?"
    r"\s*(?:([+-])(\d{2}):?(\d{2})|([A-Za-z]{1,4}))?\s*$",
    re.IGNORECASE,
)


def _fold(word: str) -> str:
    decomposed = unicodedata.normalize("NFKD", word.lower())
    return "".join(char for char in decomposed if not unicodedata.combining(char))


def _month(word: str) -> int | None:
    folded = _fold(word)
    if _JUILLET.match(folded):
        return 7
    return _MONTHS.get(folded[:3])


def parse_localised_date(value: str) -> time.struct_time | None:
    """The UTC time of a "[weekday,] day month year [hh:mm[:ss]] [zone]" date in a supported language."""
    match = _DATE.match(value) if isinstance(value, str) and len(value) < 80 else None
    if match is None:
        return None
    day, month_word, year, hour, minute, second, sign, zone_h, zone_m, zone_name = match.groups()
    month = _month(month_word)
    if month is None:
        return None
    if zone_name is not None:
        if zone_name.lower() not in _ZONES:
            return None
        offset = _ZONES[zone_name.lower()]
    elif sign is not None:
        offset = (int(zone_h) * 60 + int(zone_m)) * (1 if sign == "+" else -1)
    else:
        offset = 0
    try:
        local = datetime(int(year), month, int(day), int(hour or 0), int(minute or 0), int(second or 0), tzinfo=UTC)
    except ValueError:
        return None
    return (local - timedelta(minutes=offset)).timetuple()
