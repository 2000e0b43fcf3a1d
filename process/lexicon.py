"""Phrase sets: folded multi-word phrases matched over token sequences, longest match first.

A phrase is a sequence of folded words; a ``*`` after a word makes it a prefix (``negoci*`` matches
``negociations``, ``взят* в плен`` matches ``взятых в плен``). Each phrase carries a payload (an
entity id, a stage…).
Lookup is a dictionary probe per token and phrase length, so a few thousand phrases cost the same
as a few: this is what makes the prefilter cheap.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass
from typing import Generic, TypeVar

from process.text import fold_phrase

T = TypeVar("T")
_Pattern = tuple[int, tuple[str, ...], tuple[bool, ...], T]  # insertion order, words, prefix flags, payload


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
        self._sizes: dict[str, tuple[int, ...]] = {}  # first word -> the lengths of its phrases, longest first
        self._firsts: set[str] = set()
        # phrases with a prefix word before the last ("взят* в плен"), by length, then by their first word (a
        # stem when it is a prefix): (insertion order, words, prefix flags, payload). Russian participles copy a
        # verb's phrase two dozen times, so a token probes only the phrases its own first word may open.
        self._patterns: dict[int, dict[str, list[_Pattern[T]]]] = {}
        self._pattern_stems: dict[int, dict[str, list[_Pattern[T]]]] = {}
        self._pattern_stem_sizes: dict[int, tuple[int, ...]] = {}
        self._pattern_count = 0
        self._gate_stems: set[str] = set()  # prefixes a phrase may start with: one-word ones and patterns' first words
        self._stems: re.Pattern[str] | None = None
        self._stem_initials: frozenset[str] = frozenset()  # first letters of the gate stems: skips the regex
        self._gated_sizes: tuple[int, ...] = ()  # the lengths of the phrases a gate stem starts, longest first
        for phrase, payload in phrases:
            self.add(phrase, payload)

    def add(self, phrase: str, payload: T) -> None:
        """Add ``phrase`` (an earlier phrase with the same words keeps its payload)."""
        words, prefixes = _words(phrase)
        if not words:
            return
        if any(prefixes[:-1]):
            pattern = (self._pattern_count, words, prefixes, payload)
            self._pattern_count += 1
            if prefixes[0]:
                stems = self._pattern_stems.setdefault(len(words), {})
                stems.setdefault(words[0], []).append(pattern)
                self._pattern_stem_sizes[len(words)] = tuple(sorted({len(stem) for stem in stems}))
            else:
                self._patterns.setdefault(len(words), {}).setdefault(words[0], []).append(pattern)
        elif prefixes[-1]:
            heads = self._prefix.setdefault(words[:-1], {})
            heads.setdefault(words[-1], (len(heads), payload))
            self._stem_sizes[words[:-1]] = tuple(sorted({len(stem) for stem in heads}))
        else:
            self._exact.setdefault(words, payload)
        if prefixes[0]:
            self._gate(words[0], len(words))
        else:
            self._firsts.add(words[0])
            self._sizes[words[0]] = tuple(sorted({*self._sizes.get(words[0], ()), len(words)}, reverse=True))

    def _gate(self, stem: str, size: int) -> None:
        """Let tokens starting with ``stem`` past the first-word check of ``match_at``, for ``size``-word phrases."""
        self._gate_stems.add(stem)
        self._gated_sizes = tuple(sorted({*self._gated_sizes, size}, reverse=True))
        stems = sorted(self._gate_stems)
        self._stems = re.compile("|".join(re.escape(s) for s in stems))
        self._stem_initials = frozenset(s[:1] for s in stems)

    def __bool__(self) -> bool:
        return bool(self._exact or self._prefix or self._patterns or self._pattern_stems)

    def match_at(self, forms: Sequence[str], index: int) -> Match[T] | None:
        """The longest phrase starting at token ``index`` of ``forms``, if any."""
        form = forms[index]
        sizes = self._sizes.get(form, ())
        if self._stems is not None and form[:1] in self._stem_initials and self._stems.match(form):
            sizes = tuple(sorted({*sizes, *self._gated_sizes}, reverse=True))
        room = len(forms) - index
        for size in sizes:
            if size > room:
                continue
            key = tuple(forms[index : index + size])
            if key in self._exact:
                return Match(index, index + size, self._exact[key])
            heads = self._prefix.get(key[:-1])
            if heads:
                last = key[-1]
                found = [heads[last[:n]] for n in self._stem_sizes[key[:-1]] if last[:n] in heads]
                if found:
                    return Match(index, index + size, min(found, key=lambda entry: entry[0])[1])
            pattern = self._pattern_at(key)
            if pattern is not None:
                return Match(index, index + size, pattern[3])
        return None

    def _pattern_at(self, key: tuple[str, ...]) -> _Pattern[T] | None:
        """The earliest added prefix phrase of ``len(key)`` words that ``key`` matches, if any."""
        size, first = len(key), key[0]
        stems = self._pattern_stems.get(size, {})
        candidates = [
            *self._patterns.get(size, {}).get(first, ()),
            *(p for n in self._pattern_stem_sizes.get(size, ()) for p in stems.get(first[:n], ())),
        ]
        matching = [
            p
            for p in candidates
            if all(f == w or (q and f.startswith(w)) for f, w, q in zip(key, p[1], p[2], strict=True))
        ]
        return min(matching, key=lambda p: p[0]) if matching else None

    def find(self, forms: Sequence[str], alternatives: Sequence[str] | None = None) -> list[Match[T]]:
        """Non-overlapping longest matches over ``forms``, else over ``alternatives`` from that token on.

        ``alternatives`` (same length as ``forms``) holds a second reading of each token, e.g. its
        lemma, so that ``signer`` in a lexicon matches ``signeront`` in a French text and
        ``находиться с визитом`` matches ``находящийся с визитом`` in a Russian one. Only the tokens
        a phrase may start with are probed (``match_at`` finds nothing elsewhere).
        """
        starts = self._starts(forms)
        if alternatives is not None and alternatives is not forms:
            starts = sorted(set(starts).union(self._starts(alternatives)))
        return self.find_from(forms, alternatives, starts)

    def find_from(
        self, forms: Sequence[str], alternatives: Sequence[str] | None, starts: Iterable[int]
    ) -> list[Match[T]]:
        """``find`` probing only ``starts`` (ascending): the indexes where a phrase of the set may start."""
        if alternatives is forms:
            alternatives = None
        found: list[Match[T]] = []
        index = 0
        for start in starts:
            if start < index:
                continue
            match = self.match_at(forms, start)
            if match is None and alternatives is not None and alternatives[start] != forms[start]:
                match = self.match_at(alternatives, start)
            if match is not None:
                found.append(match)
                index = match.last
        return found

    def openers(self) -> tuple[frozenset[str], frozenset[str]]:
        """The words a phrase starts with and the stems a starting token may begin with (see ``match_at``)."""
        return frozenset(self._firsts), frozenset(self._gate_stems)

    def _starts(self, forms: Sequence[str]) -> list[int]:
        """The indexes of ``forms`` a phrase may start at: a phrase's first word or a gate stem's prefix."""
        firsts = self._firsts
        if self._stems is None:
            return [index for index, form in enumerate(forms) if form in firsts]
        initials, stem = self._stem_initials, self._stems.match
        return [index for index, form in enumerate(forms) if form in firsts or (form[:1] in initials and stem(form))]


class PhraseIndex(Generic[T]):
    """Named phrase sets matched over one token sequence at a time: a set no token may open is skipped.

    A sentence is searched for some seventy cue kinds; most of them start with none of its words, and
    one dictionary probe per token (and per stem length) tells which ones may match at all.
    """

    def __init__(self, sets: Mapping[str, PhraseSet[T]]) -> None:
        self._sets = dict(sets)
        self._by_first: dict[str, set[str]] = {}
        self._by_stem: dict[str, set[str]] = {}
        for name, phrases in self._sets.items():
            firsts, stems = phrases.openers()
            for word in firsts:
                self._by_first.setdefault(word, set()).add(name)
            for stem in stems:
                self._by_stem.setdefault(stem, set()).add(name)
        self._stem_sizes = tuple(sorted({len(stem) for stem in self._by_stem}))

    def find(self, forms: Sequence[str], alternatives: Sequence[str] | None = None) -> dict[str, list[Match[T]]]:
        """Each set's ``PhraseSet.find`` over ``forms`` (and ``alternatives``), by name."""
        starts: dict[str, set[int]] = {}
        for sequence in (forms, alternatives) if alternatives is not None and alternatives is not forms else (forms,):
            for index, form in enumerate(sequence):
                for name in self._opened(form):
                    starts.setdefault(name, set()).add(index)
        return {
            name: phrases.find_from(forms, alternatives, sorted(starts[name])) if name in starts else []
            for name, phrases in self._sets.items()
        }

    def _opened(self, form: str) -> frozenset[str] | set[str]:
        """The names of the sets a phrase of which may start at a token ``form``."""
        opened = self._by_first.get(form, _NONE)
        for size in self._stem_sizes:
            if size > len(form):
                break
            names = self._by_stem.get(form[:size])
            if names:
                opened = opened | names
        return opened


_NONE: frozenset[str] = frozenset()


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
