"""Config section ``watchlist``: the entities veille knows, with their names per language.

Owned by the extraction work (process/); see docs/WATCHING.md for how to add an entity.

Each entry is a country (ISO 3166 alpha-3 id), a person or an organisation. ``names`` maps a
language code (``fr``, ``en``…, or ``any``) to the ways it is written: official and short names,
abbreviations, demonyms and adjectives, capitals and metonyms, role phrases. Matching ignores case,
accents, hyphens and apostrophes, so ``Corée du Nord`` also covers ``COREE DU NORD`` and
``coree-du-nord``; a trailing ``*`` matches any word ending (``nord-coréen*``); a leading ``=``
makes a name case-sensitive (``=US`` is not the pronoun "us"); a leading ``~`` makes it *weak*
(a bare surname such as ``~Kim``): it counts only when the item supports it, i.e. names the same
entity with a strong name too, or a watched person ("Putin, Kim sign pact"), or puts one of the
entity's ``titles`` right before it ("leader Kim"), and it never counts when a hyphenated given
name follows ("Kim Min-jae") or the name's shape says another person (``other_titles``, see
process/name_shape.py). A weak name of the entity itself (not of a person: ``~=North``) also
counts when the item names one of its ``supported_by`` entities ("Seoul says the North fired…").
``namesakes``
are phrases that contain a name but mean something else ("Moscow Mule", "Kim Kardashian",
"roulette russe"): matched like names, longest first, and never a mention. Unlisted namesakes
are told by shape: a ``compound_heads`` demonym joined to a capitalised word that is not one of the
``state_words`` ("Russian Tea Cakes", but "Russian Navy"), a ``place_heads`` place before a region
or alone in quotes ("Moscow, Vermont", "гостиница «Москва»"). ``people`` are
leaders and officials whose names stand for the entity only while they hold office (the article's
date decides).

``watch: false`` marks a *context* entity: never reported, never an actor, but recognised so that
an event between a watched party and that country (Putin's agreements with Vietnam) is not
attributed to the watched pair.
"""

from __future__ import annotations

from datetime import date
from typing import Literal

from pydantic import Field, model_validator

from veille.config.base import Section


class PersonConfig(Section):
    """A person whose name stands for the entity between ``since`` and ``until`` (open ends allowed)."""

    names: tuple[str, ...] = Field(min_length=1, description="spellings, including common misspellings")
    since: date | None = None
    until: date | None = None
    role: str = Field("", description="what office links the person to the entity (documentation only)")

    @model_validator(mode="after")
    def _ordered(self) -> PersonConfig:
        if self.since and self.until and self.until < self.since:
            raise ValueError(f"until {self.until} is before since {self.since}")
        return self

    def in_office(self, day: date | None) -> bool:
        """Whether the person held the office on ``day`` (unknown day: yes)."""
        if day is None:
            return True
        return (self.since is None or self.since <= day) and (self.until is None or day <= self.until)


class EntityConfig(Section):
    """A known entity: a country (ISO 3166 alpha-3 id), a person or an organisation."""

    id: str = Field(pattern=r"^[A-Za-z0-9_-]{1,32}$")
    kind: Literal["country", "person", "organisation"] = "country"
    watch: bool = Field(True, description="false: a context entity, recognised but never reported")
    names: dict[str, tuple[str, ...]] = Field(default_factory=dict, description="language (or 'any') -> names")
    people: tuple[PersonConfig, ...] = ()
    namesakes: dict[str, tuple[str, ...]] = Field(
        default_factory=dict, description="language (or 'any') -> phrases that are never this entity"
    )
    titles: dict[str, tuple[str, ...]] = Field(
        default_factory=dict, description="language (or 'any') -> titles that make a weak (~) name count"
    )
    other_titles: dict[str, tuple[str, ...]] = Field(
        default_factory=dict, description="language (or 'any') -> roles that make a weak (~) name another person"
    )
    compound_heads: dict[str, tuple[str, ...]] = Field(
        default_factory=dict,
        description="language (or 'any') -> demonyms that a capitalised word joins into another proper noun",
    )
    place_heads: dict[str, tuple[str, ...]] = Field(
        default_factory=dict,
        description="language (or 'any') -> places that name another place before a region, or a venue in quotes",
    )
    state_words: dict[str, tuple[str, ...]] = Field(
        default_factory=dict, description="language (or 'any') -> capitalised words that keep a compound the state"
    )
    supported_by: tuple[str, ...] = Field(
        (), description="entity ids whose mention makes the entity's own weak names count ('the North' beside Seoul)"
    )

    @model_validator(mode="after")
    def _has_names(self) -> EntityConfig:
        if not any(self.names.values()) and not self.people:
            raise ValueError(f"entity {self.id!r} has no names and no people: nothing could ever match it")
        return self


class PlacesConfig(Section):
    """Config section ``places``: one watched entity's regions and cities, per language.

    Generated from GeoNames and ISO 3166-2 into ``config/lexicon/places.yaml`` by
    ``python -m tests.eval.places_build``, so that no list of hundreds of names is kept by hand. Each name
    is the entity's and a place as its ``place_heads`` are: another place before a region, a venue alone in
    quotes, part of another proper noun before a capitalised word (process/name_shape.py).
    """

    id: str = Field(pattern=r"^[A-Za-z0-9_-]{1,32}$", description="the watchlist entity the places belong to")
    names: dict[str, tuple[str, ...]] = Field(default_factory=dict, description="language (or 'any') -> names")


class NameShapesConfig(Section):
    """Config section ``name_shapes``: the words the shape rules of process/name_shape.py read, per language.

    They are about languages and places, not about one entity, so they live in their own lexicon
    file (``config/lexicon/name_shapes.yaml``). A config without the section gets none of these
    words: regions, dates, streets and language cues then say nothing about a name.
    """

    regions: dict[str, tuple[str, ...]] = Field(
        default_factory=dict,
        description="language (or 'any') -> regions that make a place_heads place another place "
        "('Moscow, Idaho', 'Moscou (Idaho)', 'Москва в штате Айдахо')",
    )
    region_links: dict[str, tuple[str, ...]] = Field(
        default_factory=dict,
        description="language (or 'any') -> words that may stand between such a place and its region "
        "(',', '(', 'in', 'state', 'штате')",
    )
    calendar: dict[str, tuple[str, ...]] = Field(
        default_factory=dict,
        description="language (or 'any') -> dates that are no given name after a bare surname ('Kim Tuesday')",
    )
    streets: dict[str, tuple[str, ...]] = Field(
        default_factory=dict,
        description="language (or 'any') -> street and square nouns before a place name ('rue de Moscou')",
    )
    municipalities: dict[str, tuple[str, ...]] = Field(
        default_factory=dict,
        description="language (or 'any') -> nouns of a small local unit right after or before a place name, "
        "which no capital is ('Moscow borough council', 'the village of Moscow', 'деревня Москва')",
    )
    language_before: dict[str, tuple[str, ...]] = Field(
        default_factory=dict,
        description="language (or 'any') -> words after which a lower-case compound_heads demonym is the "
        "language ('apprendre le russe', 'traduit du russe')",
    )
    games: dict[str, tuple[str, ...]] = Field(
        default_factory=dict,
        description="language (or 'any') -> words naming a board game whose openings carry demonyms "
        "('chess', 'échecs', 'шахматы'): in an item that names one, see ``openings``",
    )
    openings: dict[str, tuple[str, ...]] = Field(
        default_factory=dict,
        description="language (or 'any') -> nouns of a game's opening; a compound_heads demonym right after or "
        "before one, in an item naming a ``games`` word, is the opening, not the state ('la défense russe', "
        "'the Russian Game')",
    )
    honorifics: dict[str, tuple[str, ...]] = Field(
        default_factory=dict,
        description="language (or 'any') -> capitalised forms of address that are no given name before a "
        "surname ('Mr Peskov', 'Mme Zakharova')",
    )
    independent: dict[str, tuple[str, ...]] = Field(
        default_factory=dict,
        description="language (or 'any') -> words that, right before or after a state's name, make it the home "
        "of a body free of the state, not the state ('an independent Russian outlet', 'un média russe "
        "indépendant', 'независимого российского издания')",
    )
    attribute_after: dict[str, tuple[str, ...]] = Field(
        default_factory=dict,
        description="language (or 'any') -> words joined by a hyphen right after a state's name or demonym that "
        "make it a language or an origin, not the state ('Russian-speaking', 'Russian-language', 'Moscow-born')",
    )
    language_nouns: dict[str, tuple[str, ...]] = Field(
        default_factory=dict,
        description="language (or 'any') -> nouns of speech or text that make a compound_heads demonym joined to "
        "them the language, not the state: right after it ('Russian speakers', 'Russian surtitles') or right "
        "before a lower-case one ('des sous-titres russes', 'les locuteurs russes')",
    )
    birthplace: dict[str, tuple[str, ...]] = Field(
        default_factory=dict,
        description="language (or 'any') -> phrases right before a watched place or state that make it someone's "
        "birthplace, not the state ('born in Russia', 'né en Russie', 'уроженка Москвы')",
    )
    shades: dict[str, tuple[str, ...]] = Field(
        default_factory=dict,
        description="language (or 'any') -> words naming a product sold in named shades ('lipstick', 'nail "
        "polish', 'rouge à lèvres'): in an item that names one, a capitalised compound_heads demonym joined to a "
        "capitalised word is the shade's name, even a word of the state ('Russian Red', 'Russian Navy')",
    )
    word_nouns: dict[str, tuple[str, ...]] = Field(
        default_factory=dict,
        description="language (or 'any') -> nouns of words and names ('word', 'adjective', 'mot', 'adjectif'): "
        "a compound_heads demonym alone in quotes right after one is the word cited, not the state "
        "('sans l'adjectif « russe »', 'dropped the word \"Russian\"')",
    )
    community_nouns: dict[str, tuple[str, ...]] = Field(
        default_factory=dict,
        description="language (or 'any') -> a community's own institutions and the community itself ('theatre', "
        "'school', 'minority', 'théâtre', 'communauté'): qualified by a compound_heads demonym and placed in a "
        "named place ('le théâtre russe de Riga', \"Riga's Russian theatre\", 'the Russian school in Narva'), "
        "the Russian speakers of another state, not the state",
    )
