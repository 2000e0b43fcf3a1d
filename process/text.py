"""Folding and word tokens: the normalised view of a text that every lexicon is matched against.

Folding lower-cases, strips accents, spells out ligatures and turns hyphens, dashes and every kind
of apostrophe into spaces, so ``Corée du Nord``, ``COREE DU NORD`` and ``coree-du-nord`` read alike,
and ``l'accord`` / ``l’accord`` / ``Moscow's`` split into words. Each word token keeps the offsets
of the original text it came from, so matches are reported against ``Article.text``.
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Sequence
from typing import NamedTuple

_SPELLED = {"œ": "oe", "æ": "ae", "ß": "ss", "ø": "o", "ł": "l", "đ": "d", "ı": "i"}
_WORD = re.compile(r"[^\W_]+|[^\w\s]")
_ASCII_WORD = re.compile(r"[a-z0-9]+|[^\sa-z0-9]")  # the same on folded ASCII text (lower case, no "_"), faster
_SPACES = re.compile(r"[\s\-‐‑‒–—―'’ʼ`´‘‛_]")


def _fold_char(char: str) -> str:
    if _SPACES.fullmatch(char):
        return " "
    lowered = char.lower()
    if lowered in _SPELLED:
        return _SPELLED[lowered]
    if lowered.isascii():
        return lowered
    decomposed = unicodedata.normalize("NFKD", lowered)
    return "".join(c for c in decomposed if not unicodedata.combining(c)) or lowered


class _FoldTable(dict[int, str]):
    """``str.translate`` table filled on demand; remembers characters that do not fold to one character."""

    def __init__(self) -> None:
        super().__init__()
        self.irregular: set[str] = set()

    def __missing__(self, code: int) -> str:
        folded = _fold_char(chr(code))
        if len(folded) != 1:
            self.irregular.add(chr(code))
        if len(self) < 65536:
            self[code] = folded
        return folded


_TABLE = _FoldTable()


def fold(text: str) -> tuple[str, Sequence[int]]:
    """Fold ``text``; return the folded string and, for each of its characters, the original index."""
    folded = text.translate(_TABLE)
    if len(folded) == len(text) and _TABLE.irregular.isdisjoint(text):
        return folded, range(len(text))
    origin: list[int] = []
    for index, char in enumerate(text):
        origin.extend([index] * len(_TABLE[ord(char)]))
    return folded, origin


class Token(NamedTuple):
    """A word (letters/digits) or a single punctuation mark, folded, with its original offsets."""

    form: str
    start: int
    end: int

    @property
    def is_word(self) -> bool:
        """True for letters/digits, False for punctuation."""
        return self.form[0].isalnum()


def tokenize(text: str) -> list[Token]:
    """Split ``text`` into folded word and punctuation tokens carrying offsets into ``text``."""
    folded, origin = fold(text)
    pattern = _ASCII_WORD if folded.isascii() else _WORD
    if isinstance(origin, range):  # one folded character per original one: offsets are the match's own
        return [Token(m.group(), *m.span()) for m in pattern.finditer(folded)]
    return [Token(m.group(), origin[m.start()], origin[m.end() - 1] + 1) for m in pattern.finditer(folded)]


def fold_phrase(phrase: str) -> tuple[str, ...]:
    """The folded words of a lexicon phrase (``Kim Jong-un`` -> ``('kim', 'jong', 'un')``)."""
    folded, _ = fold(phrase)
    return tuple(_WORD.findall(folded))


def year_of(form: str) -> int | None:
    """The year a folded token spells (``1961``, ``2024``), or None."""
    if len(form) == 4 and form.isdigit() and 1900 <= (value := int(form)) <= 2099:
        return value
    return None
