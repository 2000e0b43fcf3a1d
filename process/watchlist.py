"""The watchlist matcher: every known entity's names as one phrase set, matched over folded tokens.

Longest match wins, so ``Corée du Sud`` (a context entity) is never read as ``Corée`` + something
watched, and ``Kim Jong Il`` is never ``Kim``. People only count while in office on the article's
date. Bare ``Korea``/``Corée`` is in no lexicon: it names neither state.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from datetime import date

from process.lexicon import PhraseSet
from process.text import Token
from veille.config.watchlist import EntityConfig, PersonConfig


@dataclass(frozen=True, slots=True)
class Mention:
    """An entity found over tokens ``[first, last)`` of a text, i.e. characters ``[start, end)``."""

    entity: str
    watched: bool
    first: int
    last: int
    start: int
    end: int


@dataclass(frozen=True, slots=True)
class _Name:
    entity: str
    watched: bool
    person: PersonConfig | None
    exact: str | None = None


class Watchlist:
    """All entity names of a config, ready to match."""

    def __init__(self, entities: Iterable[EntityConfig]) -> None:
        self._phrases: PhraseSet[_Name] = PhraseSet()
        self.watched: frozenset[str] = frozenset()
        watched: set[str] = set()
        for entity in entities:
            if entity.watch:
                watched.add(entity.id)
            for person in entity.people:
                for name in person.names:
                    self._phrases.add(name, _Name(entity.id, entity.watch, person))
            for names in entity.names.values():
                for name in names:
                    exact = name[1:] if name.startswith("=") else None
                    self._phrases.add(exact or name, _Name(entity.id, entity.watch, None, exact))
        self.watched = frozenset(watched)

    def find(self, text: str, tokens: Sequence[Token], day: date | None) -> list[Mention]:
        """Mentions of known entities in ``tokens`` of ``text``, left to right.

        People out of office on ``day`` are skipped, and so are case-sensitive names (``=US``)
        written in another case (``us``).
        """
        forms = [t.form for t in tokens]
        mentions = []
        for match in self._phrases.find(forms):
            name = match.payload
            if name.person is not None and not name.person.in_office(day):
                continue
            if name.exact is not None and text[tokens[match.first].start : tokens[match.last - 1].end] != name.exact:
                continue
            mentions.append(
                Mention(
                    name.entity,
                    name.watched,
                    match.first,
                    match.last,
                    tokens[match.first].start,
                    tokens[match.last - 1].end,
                )
            )
        return mentions
