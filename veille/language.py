"""Language identification: normalise declared tags, guess the language of a text, overrule.

The one place that decides what language a text is in. Ingest uses it to fill a missing tag
(``detect_language`` on raw text); process uses it to check a declared tag against the item's own
words (``resolve`` on folded words, as ``process.text.tokenize`` makes them).

Latin-script text: the most frequent function words of fr, en, de and es are counted (one table,
folded forms; no model). Cyrillic text (most of its words): Cyrillic alone does not make Russian,
so lingua-language-detector, restricted to the Cyrillic languages (ru, uk, be, bg, sr, mk) and in
its low-accuracy (trigram) mode, tells them apart: 71 of 72 news lines right in the measurement
of docs/WATCHING.md, where Russian stopwords took 22 of 60 non-Russian lines for Russian. Its
models ship in the wheel and load on the first Cyrillic text (about 18 MB).

``detect_language`` and ``guess_words`` answer only when one language clearly leads, otherwise
None: a tag stored on an Article is better unknown than wrong. ``resolve`` must pick a pipeline,
so without a declared tag it takes the most likely language even on thin evidence.
"""

from __future__ import annotations

import re
import unicodedata
from collections import Counter
from collections.abc import Iterable, Sequence
from functools import cache

from lingua import IsoCode639_1, LanguageDetector, LanguageDetectorBuilder

UNDETERMINED = "und"
OVERRULE_MIN = 4
OVERRULE_RATIO = 3
CYRILLIC_OVERRULE_MIN = 8


def _wordset(text: str) -> frozenset[str]:
    """The space-separated words of ``text`` as a set (keeps long word lists readable)."""
    return frozenset(text.split())


# Folded forms (lower case, no accents), the way both raw text and ``process.text`` tokens are compared.
_STOPWORDS: dict[str, frozenset[str]] = {
    "fr": _wordset(
        "le la les un une des du de et est sont ont dans pour par sur avec au aux ce cette ces qui que qu "
        "il elle ils elles nous vous se son sa ses leur pas ne plus ou mais ete etre avait selon apres lors entre"
    ),
    "en": _wordset(
        "the an and of to in is are was were for on with by at as from that this these which who has "
        "have had be been it its their not or but will would said after between"
    ),
    "de": _wordset(
        "der die das den dem des ein eine einen einem und ist sind war hat mit fur auf von zu im in nicht "
        "auch sich dass wird wurde nach bei aus als oder aber zwischen"
    ),
    "es": _wordset(
        "el la los las un una unos unas y es son en de del lo por para con que se su sus al como mas "
        "pero fue ha han este esta entre tras segun"
    ),
}
CYRILLIC_LANGUAGES = ("ru", "uk", "be", "bg", "sr", "mk")
_TOKEN = re.compile(r"[^\W\d_]+", re.UNICODE)
_CYRILLIC_WORD = re.compile(r"[\u0400-\u04ff]+")
_TAG = re.compile(r"[a-z]{2,3}")
_MIN_HITS = 2
_MIN_LEAD = 1.5


def normalize_lang(tag: str | None) -> str | None:
    """The primary subtag of a language tag, lowercase (``fr-FR`` -> ``fr``, ``EN_us`` -> ``en``); None if invalid."""
    if not tag:
        return None
    primary = re.split(r"[-_\s]", tag.strip(), maxsplit=1)[0].lower()
    return primary if _TAG.fullmatch(primary) else None


def _counts(words: Iterable[str]) -> dict[str, int]:
    """How many of ``words`` are stopwords of each language."""
    counts = Counter(words)
    return {lang: sum(counts[word] for word in stop.intersection(counts)) for lang, stop in _STOPWORDS.items()}


def _leader(counts: dict[str, int]) -> str | None:
    """The language with the most stopwords if it has enough and clearly leads the next one, else None."""
    ranked = sorted(counts.items(), key=lambda item: item[1], reverse=True)
    (best, top), (_, second) = ranked[0], ranked[1]
    if top < _MIN_HITS or top < second * _MIN_LEAD:
        return None
    return best


@cache
def _cyrillic_detector() -> LanguageDetector:
    """lingua restricted to the Cyrillic languages, trigram models only (built once, on first use)."""
    codes = [getattr(IsoCode639_1, code.upper()) for code in CYRILLIC_LANGUAGES]
    return LanguageDetectorBuilder.from_iso_codes_639_1(*codes).with_low_accuracy_mode().build()


def _cyrillic(words: Sequence[str], text: str | None) -> str | None:
    """The Cyrillic language of ``words`` when most of them are Cyrillic, else None.

    The detector reads the Cyrillic words of ``text`` as written when it is given: folding drops
    the marks of the letters that tell these languages apart (й, ё, ї, ў, ѓ, ќ), and without them a
    Russian headline reads as Macedonian."""
    cyrillic = sum(1 for word in words if "\u0400" <= word[:1] <= "\u04ff")
    if not cyrillic or cyrillic * 2 < len(words):
        return None
    sample = " ".join(_CYRILLIC_WORD.findall(text.lower())) if text is not None else " ".join(words)
    found = _cyrillic_detector().detect_language_of(sample)
    return found.iso_code_639_1.name.lower() if found is not None else None


def guess_words(words: Iterable[str], text: str | None = None) -> str | None:
    """Guess the language of folded ``words`` (lower case, no accents) from ``text`` when given; None
    when the evidence is thin or mixed."""
    listed = list(words)
    cyrillic = _cyrillic(listed, text)
    if cyrillic is not None:
        return cyrillic if len(listed) >= _MIN_HITS else None
    return _leader(_counts(listed))


def _folded_words(text: str) -> list[str]:
    """The letter-only words of raw ``text``, lower-cased and stripped of accents."""
    decomposed = unicodedata.normalize("NFKD", text.lower())
    return _TOKEN.findall("".join(c for c in decomposed if not unicodedata.combining(c)))


def detect_language(text: str) -> str | None:
    """Guess the language of raw ``text`` (fr, en, de, es or a Cyrillic one); None on thin or mixed evidence."""
    return guess_words(_folded_words(text), text)


def _most_likely(counts: dict[str, int]) -> str | None:
    """The language with the most stopwords (English on a tie), however thin the lead; None when there are none."""
    best = max(counts, key=lambda lang: (counts[lang], lang == "en"))
    return best if counts[best] else None


def resolve(declared: str | None, words: Iterable[str], text: str | None = None) -> str:
    """The language to process folded ``words`` in: ``declared`` (normalised) unless the text plainly says otherwise.

    Feeds often tag every item with the channel's language; an English item in a French feed has
    at least ``OVERRULE_MIN`` English stopwords and ``OVERRULE_RATIO`` times more than French ones.
    With no valid declared tag it takes the most likely language even on thin evidence (a pipeline
    must be picked), or ``UNDETERMINED`` when no stopword occurs at all. ``text``, the raw text the
    words come from, is what a Cyrillic language is told from (see ``_cyrillic``); the detector
    overrules a declared tag from ``CYRILLIC_OVERRULE_MIN`` words on (on the 72 sample lines cut to
    six words it names 65 right, to twelve 71: a short headline is better read as its feed says).
    """
    tag = normalize_lang(declared)
    listed = list(words)
    cyrillic = _cyrillic(listed, text)
    if cyrillic is not None:
        return cyrillic if tag is None or len(listed) >= CYRILLIC_OVERRULE_MIN else tag
    counts = _counts(listed)
    likely = _most_likely(counts)
    if tag is None or likely is None or likely == tag:
        return tag or likely or UNDETERMINED
    if counts[likely] >= OVERRULE_MIN and counts[likely] >= OVERRULE_RATIO * counts.get(tag, 0):
        return likely
    return tag
