"""Language tags: normalise declared ones, guess missing ones from stopwords (fr, en, de, es, ru).

The guess is deliberately small and offline: it counts the most frequent function words of each
language and answers only when one language clearly leads, otherwise None (better unknown than
wrong: downstream picks its pipeline by language).
"""

from __future__ import annotations

import re


def _wordset(text: str) -> frozenset[str]:
    """The space-separated words of ``text`` as a set (keeps long word lists readable)."""
    return frozenset(text.split())


_STOPWORDS: dict[str, frozenset[str]] = {
    "fr": _wordset(
        "le la les un une des du de et est sont dans pour par sur avec au aux ce cette ces qui que qu "
        "il elle ils elles nous vous pas ne plus ou mais été être avait selon lors entre"
    ),
    "en": _wordset(
        "the a an and of to in is are was were for on with by at from that this these which who has "
        "have had be been it its not or but will would said after"
    ),
    "de": _wordset(
        "der die das den dem des ein eine einen einem und ist sind war mit für auf von zu im in nicht "
        "auch sich dass wird wurde nach bei aus als oder aber"
    ),
    "es": _wordset(
        "el la los las un una unos unas y es son en de del por para con que se su sus al como más "
        "pero fue ha han este esta entre tras según"
    ),
    "ru": _wordset(
        "и в во не на что с со по к ко из за от для как это он она они мы вы был была были будет "
        "также его ее их но или после"
    ),
}
_TOKEN = re.compile(r"[^\W\d_]+", re.UNICODE)
_TAG = re.compile(r"[a-z]{2,3}")
_MIN_HITS = 2
_MIN_LEAD = 1.5


def normalize_lang(tag: str | None) -> str | None:
    """The primary subtag of a language tag, lowercase (``fr-FR`` -> ``fr``, ``EN_us`` -> ``en``); None if invalid."""
    if not tag:
        return None
    primary = re.split(r"[-_\s]", tag.strip(), maxsplit=1)[0].lower()
    return primary if _TAG.fullmatch(primary) else None


def detect_language(text: str) -> str | None:
    """Guess the language of ``text`` among fr, en, de, es, ru; None when the evidence is thin or mixed."""
    counts = dict.fromkeys(_STOPWORDS, 0)
    for token in _TOKEN.findall(text.lower()):
        for lang, words in _STOPWORDS.items():
            if token in words:
                counts[lang] += 1
    ranked = sorted(counts.items(), key=lambda item: item[1], reverse=True)
    (best, top), (_, second) = ranked[0], ranked[1]
    if top < _MIN_HITS or top < second * _MIN_LEAD:
        return None
    return best
