"""The watchlist matcher: every known entity's names as one phrase set, matched over folded tokens.

Longest match wins, so ``Corée du Sud`` (a context entity) is never read as ``Corée`` + something
watched, and ``Kim Jong Il`` is never ``Kim``. Namesakes and idioms (``Moscow Mule``, ``Kim
Kardashian``, ``roulette russe``) are phrases of the same set whose match is no mention at all.
People only count while in office on the article's date. A weak name (``~Kim``: a bare surname)
counts only when the item supports it: the same entity named by a strong name, a watched leader
named in full ("Putin, Kim sign pact"), or one of the entity's titles right before it ("leader
Kim"); never before a hyphenated given name ("Kim Min-jae"). A weak name of the entity itself
("the North") also counts beside one of its ``supported_by`` entities ("Seoul says the North…").
Bare ``Korea``/``Corée`` is in no lexicon: it names neither state.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from datetime import date

from process.lexicon import PhraseSet
from process.text import Token
from veille.config.watchlist import EntityConfig, PersonConfig

TITLE_WORDS = 4  # longest title phrase looked for right before a weak name ("Supreme Leader")


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
    entity: str | None  # None: a namesake, which is no mention
    watched: bool
    person: PersonConfig | None
    exact: str | None = None
    weak: bool = False


class Watchlist:
    """All entity names of a config, ready to match."""

    def __init__(self, entities: Iterable[EntityConfig]) -> None:
        self._phrases: PhraseSet[_Name] = PhraseSet()
        self._titles: dict[str, PhraseSet[str]] = {}
        self._supporters: dict[str, frozenset[str]] = {}
        watched: set[str] = set()
        for entity in entities:
            if entity.watch:
                watched.add(entity.id)
            for names in entity.namesakes.values():
                for phrase in names:
                    self._phrases.add(phrase, _Name(None, False, None))
            self._supporters[entity.id] = frozenset(entity.supported_by)
            titles = self._titles.setdefault(entity.id, PhraseSet())
            for names in entity.titles.values():
                for phrase in names:
                    titles.add(phrase, entity.id)
            for person in entity.people:
                for name in person.names:
                    self._add(name, entity, person)
            for names in entity.names.values():
                for name in names:
                    self._add(name, entity, None)
        self.watched: frozenset[str] = frozenset(watched)

    def _add(self, name: str, entity: EntityConfig, person: PersonConfig | None) -> None:
        weak = name.startswith("~")
        name = name.lstrip("~")
        exact = name[1:] if name.startswith("=") else None
        self._phrases.add(exact or name, _Name(entity.id, entity.watch, person, exact, weak))

    def find(self, text: str, tokens: Sequence[Token], day: date | None) -> list[Mention]:
        """Mentions of known entities in ``tokens`` of ``text``, left to right.

        People out of office on ``day`` are skipped, and so are case-sensitive names (``=US``)
        written in another case (``us``), namesakes, and weak names the item does not support.
        """
        forms = [t.form for t in tokens]
        found: list[tuple[Mention, _Name]] = []
        for match in self._phrases.find(forms):
            name = match.payload
            if name.entity is None:
                continue
            if name.person is not None and not name.person.in_office(day):
                continue
            if name.exact is not None and text[tokens[match.first].start : tokens[match.last - 1].end] != name.exact:
                continue
            start, end = tokens[match.first].start, tokens[match.last - 1].end
            found.append((Mention(name.entity, name.watched, match.first, match.last, start, end), name))
        if not any(name.weak for _, name in found):
            return [mention for mention, _ in found]
        strong = {m.entity for m, name in found if not name.weak}
        leaders = any(m.watched and name.person is not None and not name.weak for m, name in found)
        return [
            m
            for m, name in found
            if not name.weak
            or self._supported(m, strong, leaders, text, tokens, forms)
            or (name.person is None and bool(self._supporters.get(m.entity, frozenset()) & strong))
        ]

    def _supported(
        self,
        mention: Mention,
        strong: set[str],
        leaders: bool,
        text: str,
        tokens: Sequence[Token],
        forms: Sequence[str],
    ) -> bool:
        """Whether the item supports a weak name: not a namesake's given name, and a title, the entity
        named in full, or a watched leader ("Putin, Kim sign pact")."""
        if _given_name_follows(text, tokens, mention.last):
            return False
        titles = self._titles.get(mention.entity)
        before = forms[max(mention.first - TITLE_WORDS, 0) : mention.first]
        if titles and any(t.last == len(before) for t in titles.find(before)):
            return True
        return mention.entity in strong or leaders


def _given_name_follows(text: str, tokens: Sequence[Token], index: int) -> bool:
    """Whether token ``index`` starts another person's given name: ``Min-jae`` (hyphenated, any
    script) or a capitalised Cyrillic word (``Ким Кардашьян``; Russian headlines are not title case)."""
    if index >= len(tokens) or not tokens[index].is_word:
        return False
    word = text[tokens[index].start : tokens[index].end]
    if not word[:1].isupper():
        return False
    if not word.isascii() and word.isalpha():
        return True
    after = text[tokens[index].end : tokens[index].end + 2]
    return after[:1] == "-" and after[1:2].isalpha()
