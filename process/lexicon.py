"""Phrase sets: folded multi-word phrases matched over token sequences, longest match first.

A phrase is a sequence of folded words; a ``*`` after a word makes it a prefix (``negoci*`` matches
``negociations``, ``взят* в плен`` matches ``взятых в плен``). Each phrase carries a payload (an
entity id, a stage…).
Lookup is a dictionary probe per token and phrase length, so a few thousand phrases cost the same
as a few: this is what makes the prefilter cheap.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from typing import Generic, TypeVar

from process.text import fold_phrase

T = TypeVar("T")


@dataclass(frozen=True, slots=True)
class Match(Generic[T]):
    """Phrase ``payload`` found over tokens ``[first, last)``."""

    first: int
    last: int
    payload: T


class PhraseSet(Generic[T]):
    """Folded phrases with payloads; ``find`` returns non-overlapping longest matches, left to right."""

    def __init__(self, phrases: Iterable[tuple[str, T]] = ()) -> None:
        self._exact: dict[tuple[str, ...], T] = {}
        # words before the last -> {stem of the last word: (insertion order, payload)}, and the stem lengths
        self._prefix: dict[tuple[str, ...], dict[str, tuple[int, T]]] = {}
        self._stem_sizes: dict[tuple[str, ...], tuple[int, ...]] = {}
        self._longest = 0
        self._firsts: set[str] = set()
        # phrases with a prefix word before the last ("взят* в плен"), by length: (words, prefix flags, payload)
        self._patterns: dict[int, list[tuple[tuple[str, ...], tuple[bool, ...], T]]] = {}
        self._gate_stems: set[str] = set()  # prefixes a phrase may start with: one-word ones and patterns' first words
        self._stems: re.Pattern[str] | None = None
        self._stem_initials: frozenset[str] = frozenset()  # first letters of the gate stems: skips the regex
        for phrase, payload in phrases:
            self.add(phrase, payload)

    def add(self, phrase: str, payload: T) -> None:
        """Add ``phrase`` (an earlier phrase with the same words keeps its payload)."""
        words, prefixes = _words(phrase)
        if not words:
            return
        self._longest = max(self._longest, len(words))
        if any(prefixes[:-1]):
            self._patterns.setdefault(len(words), []).append((words, prefixes, payload))
            if prefixes[0]:
                self._gate(words[0])
            else:
                self._firsts.add(words[0])
        elif prefixes[-1]:
            heads = self._prefix.setdefault(words[:-1], {})
            heads.setdefault(words[-1], (len(heads), payload))
            self._stem_sizes[words[:-1]] = tuple(sorted({len(stem) for stem in heads}))
            if len(words) == 1:
                self._gate(words[0])
            else:
                self._firsts.add(words[0])
        else:
            self._firsts.add(words[0])
            self._exact.setdefault(words, payload)

    def _gate(self, stem: str) -> None:
        """Let tokens starting with ``stem`` past the first-word check of ``match_at``."""
        self._gate_stems.add(stem)
        stems = sorted(self._gate_stems)
        self._stems = re.compile("|".join(re.escape(s) for s in stems))
        self._stem_initials = frozenset(s[:1] for s in stems)

    def __bool__(self) -> bool:
        return bool(self._exact or self._prefix or self._patterns)

    def match_at(self, forms: Sequence[str], index: int) -> Match[T] | None:
        """The longest phrase starting at token ``index`` of ``forms``, if any."""
        form = forms[index]
        stem = form[:1] in self._stem_initials and self._stems is not None and self._stems.match(form)
        if form not in self._firsts and not stem:
            return None
        for size in range(min(self._longest, len(forms) - index), 0, -1):
            key = tuple(forms[index : index + size])
            if key in self._exact:
                return Match(index, index + size, self._exact[key])
            heads = self._prefix.get(key[:-1])
            if heads:
                last = key[-1]
                found = [heads[last[:n]] for n in self._stem_sizes[key[:-1]] if last[:n] in heads]
                if found:
                    return Match(index, index + size, min(found, key=lambda entry: entry[0])[1])
            for words, prefixes, payload in self._patterns.get(size, ()):
                if all(f == w or (p and f.startswith(w)) for f, w, p in zip(key, words, prefixes, strict=True)):
                    return Match(index, index + size, payload)
        return None

    def find(self, forms: Sequence[str], alternatives: Sequence[str] | None = None) -> list[Match[T]]:
        """Non-overlapping longest matches over ``forms``, else over ``alternatives`` from that token on.

        ``alternatives`` (same length as ``forms``) holds a second reading of each token, e.g. its
        lemma, so that ``signer`` in a lexicon matches ``signeront`` in a French text and
        ``находиться с визитом`` matches ``находящийся с визитом`` in a Russian one.
        """
        found: list[Match[T]] = []
        index = 0
        while index < len(forms):
            match = self.match_at(forms, index)
            if match is None and alternatives is not None and alternatives[index] != forms[index]:
                match = self.match_at(alternatives, index)
            if match is None:
                index += 1
            else:
                found.append(match)
                index = match.last
        return found


def _words(phrase: str) -> tuple[tuple[str, ...], tuple[bool, ...]]:
    """The folded words of ``phrase`` and, for each, whether a ``*`` after it makes it a prefix."""
    words: list[str] = []
    prefixes: list[bool] = []
    for token in fold_phrase(phrase):
        if token == "*":
            if prefixes:
                prefixes[-1] = True
        else:
            words.append(token)
            prefixes.append(False)
    return tuple(words), tuple(prefixes)
