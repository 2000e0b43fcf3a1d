"""A small stopword-based language guesser for items whose feed declares no language.

No model, no download: it counts very frequent function words. Good enough on a headline plus a
sentence for the languages veille handles (fr, en) and the ones it may add (de, es, ru).
"""

from __future__ import annotations

from collections.abc import Iterable

UNDETERMINED = "und"
OVERRULE_MIN = 4
OVERRULE_RATIO = 3


def _words(text: str) -> frozenset[str]:
    return frozenset(text.split())


_STOPWORDS: dict[str, frozenset[str]] = {
    "fr": _words(
        "le la les des du de et est une un au aux pour par dans sur qui que avec ce cette il elle ils se pas sont "
        "ont son sa ses leur mais ou selon apres entre lors"
    ),
    "en": _words(
        "the and of to in is was with for on that by from has have are its will said after an at as it be were "
        "this their but between"
    ),
    "de": _words(
        "der die das und ist nicht mit den dem des ein eine zu von auf fur sich im auch wird nach bei zwischen hat sind"
    ),
    "es": _words("el la los las y de del en un una por con para que se es su al lo como mas pero entre tras sus"),
    "ru": _words("и в не на что с по как это из за от к о для его она они был была будет между после"),
}


def normalise(tag: str | None) -> str | None:
    """The primary subtag of a language tag, lower-cased (``fr-FR`` -> ``fr``); None when empty."""
    if not tag or not tag.strip():
        return None
    return tag.strip().replace("_", "-").split("-")[0].lower() or None


def _counts(words: Iterable[str]) -> dict[str, int]:
    counts = dict.fromkeys(_STOPWORDS, 0)
    for word in words:
        for lang, stopwords in _STOPWORDS.items():
            if word in stopwords:
                counts[lang] += 1
    return counts


def guess(words: Iterable[str]) -> str:
    """The language whose stopwords occur most among folded ``words`` (``und`` when none occur)."""
    counts = _counts(words)
    best = max(counts, key=lambda lang: (counts[lang], lang == "en"))
    return best if counts[best] else UNDETERMINED


def resolve(declared: str | None, words: Iterable[str]) -> str:
    """The language of a text: ``declared`` (normalised) unless the text plainly says otherwise.

    Feeds often tag every item with the channel's language; an English item in a French feed has
    at least ``OVERRULE_MIN`` English stopwords and ``OVERRULE_RATIO`` times more than French ones.
    """
    tag = normalise(declared)
    folded = list(words)
    guessed = guess(folded)
    if tag is None or guessed in {tag, UNDETERMINED}:
        return tag or guessed
    counts = _counts(folded)
    if counts[guessed] >= OVERRULE_MIN and counts[guessed] >= OVERRULE_RATIO * counts.get(tag, 0):
        return guessed
    return tag
