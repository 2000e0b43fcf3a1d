"""The watchlist matcher: every known entity's names as one phrase set, matched over folded tokens.

Longest match wins, so ``Corée du Sud`` (a context entity) is never read as ``Corée`` + something
watched, and ``Kim Jong Il`` is never ``Kim``. Namesakes and idioms (``Moscow Mule``, ``Kim
Kardashian``, ``roulette russe``) are phrases of the same set whose match is no mention at all.
People only count while in office on the article's date. A weak name (``~Kim``: a bare surname)
counts only when the item supports it: the same entity named by a strong name, a watched leader
named in full ("Putin, Kim sign pact"), or one of the entity's titles right before it ("leader
Kim"); never when its shape says another person (process/name_shape.py: a given name beside it,
"Kim Gi Hyeon", "Tom Kim"; another role or a context country right before it, "South Korean
golfer Kim", "South Korea's Kim", "певица Ким"), and once the item names another person with the
surname (so, in a namesake or in a context entity's name: "Kim Kardashian", "Kim Tae-hyo"), its
bare surname is that person unless a title says otherwise. A weak name of the entity itself ("the
North") also counts beside one of its ``supported_by`` entities ("Seoul says the North…"). A
demonym or place that the shape shows inside another proper noun ("Russian Tea Cakes", "Moscow
Mills", "гостиница «Москва»") is no mention either; a place the item shows to be another place
("Moscow, Vermont", listed or not) is that place in every use. Bare ``Korea``/``Corée`` is in no
lexicon: it names neither state.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from datetime import date

from process import name_shape
from process.lexicon import Match, PhraseSet
from process.text import Token, fold_phrase
from veille.config.watchlist import EntityConfig, NameShapesConfig, PersonConfig, PlacesConfig

TITLE_WORDS = 4  # longest title phrase looked for right before a weak name ("Supreme Leader")
FORENAME_STEM = 4  # letters that tell a watched given name in any spelling or case ("серг": Сергея, Sergueï)
INFLECTION = 2  # most letters a case ending adds to a surname written as a common noun ("путин" + "а")
ORGAN_STEM = 4  # first letters that tell one organ in all its cases ("прав": правительство, правительством)


@dataclass(frozen=True, slots=True)
class Mention:
    """An entity found over tokens ``[first, last)`` of a text, i.e. characters ``[start, end)``."""

    entity: str
    watched: bool
    first: int
    last: int
    start: int
    end: int
    person: bool = False  # a watched person's name ("Sergei Shoigu"), not a state, place or organ


@dataclass(frozen=True, slots=True)
class _Name:
    entity: str | None  # None: a namesake, which is no mention
    watched: bool
    person: PersonConfig | None
    exact: str | None = None
    weak: bool = False
    compound: bool = False  # a demonym that may head another proper noun ("Russian Tea Cakes")
    place: str = ""  # a place that may name another place or a venue ("Moscow, Vermont"): its config name
    stem: int = 0  # a one-word person name: letters before any inflection ("путин" of "Путин*"), else 0
    vetted: bool = False  # a listed region or city whose namesakes abroad were left out (config ``places``)


class Watchlist:
    """All entity names of a config, ready to match."""

    def __init__(
        self,
        entities: Iterable[EntityConfig],
        shapes: NameShapesConfig | None = None,
        regions: Iterable[PlacesConfig] = (),
    ) -> None:
        """``regions``: more names of the entities, each a place as ``place_heads`` are (regions, cities)."""
        entities = tuple(entities)
        self._shapes = name_shape.ShapeWords.from_config(shapes or NameShapesConfig())
        self._phrases: PhraseSet[_Name] = PhraseSet()
        self._places: PhraseSet[str] = PhraseSet()  # place_heads names, to find them inside listed namesakes
        self._titles: dict[str, PhraseSet[bool]] = {}  # payload: True for the entity's own titles
        self._supporters: dict[str, frozenset[str]] = {}
        self._given: dict[str, frozenset[str]] = {}  # weak surname -> first given-name words of its people
        # person (by id) -> the first letters of the words before the surname in their full names ("serg", "dmit")
        self._forenames: dict[int, frozenset[str]] = {}
        self._state_words: dict[str, frozenset[str]] = {}
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
                    titles.add(phrase, True)
            for names in entity.other_titles.values():
                for phrase in names:
                    titles.add(phrase, False)
            self._state_words[entity.id] = frozenset(
                word for names in entity.state_words.values() for phrase in names for word in fold_phrase(phrase)
            )
            compounds = _heads(entity.compound_heads)
            places = _heads(entity.place_heads)
            for person in entity.people:
                for name in person.names:
                    self._add(name, entity, person)
                self._forenames[id(person)] = frozenset(
                    word[:FORENAME_STEM] for name in person.names for word in _words(name)[:-1]
                )
            self._collect_given_names(entity)
            for names in entity.names.values():
                for name in names:
                    place = name if name.lstrip("~=") in places else ""
                    if place:
                        self._places.add(name.lstrip("~="), place)
                    self._add(name, entity, None, name.lstrip("~=") in compounds, place)
        by_id = {entity.id: entity for entity in entities}
        for entry in regions:
            for names in entry.names.values():
                for name in names:
                    self._places.add(name.lstrip("~="), name)
                    self._add(name, by_id[entry.id], None, False, name, vetted=True)
        self.watched: frozenset[str] = frozenset(watched)

    def _add(
        self,
        name: str,
        entity: EntityConfig,
        person: PersonConfig | None,
        compound: bool = False,
        place: str = "",
        vetted: bool = False,
    ) -> None:
        weak = name.startswith("~")
        name = name.lstrip("~")
        exact = name[1:] if name.startswith("=") else None
        words = _words(name)
        stem = len(words[0]) if person is not None and len(words) == 1 else 0
        self._phrases.add(
            exact or name, _Name(entity.id, entity.watch, person, exact, weak, compound, place, stem, vetted)
        )

    def _collect_given_names(self, entity: EntityConfig) -> None:
        """Remember, for each weak surname of the entity's people (``~Kim``), the words that follow it in
        their full names (``Jong``, ``Yo``…): those after a bare surname are a misspelt watched name."""
        names = [fold_phrase(name.lstrip("~=")) for person in entity.people for name in person.names]
        for person in entity.people:
            for name in person.names:
                if name.startswith("~") and len(surname := fold_phrase(name.lstrip("~="))) == 1:
                    given = {words[1] for words in names if len(words) > 1 and words[0] == surname[0]}
                    self._given[surname[0]] = self._given.get(surname[0], frozenset()) | given

    def find(self, text: str, tokens: Sequence[Token], day: date | None) -> list[Mention]:
        """Mentions of known entities in ``tokens`` of ``text``, left to right.

        People out of office on ``day`` are skipped, and so are case-sensitive names (``=US``)
        written in another case (``us``), namesakes, and weak names the item does not support.
        """
        forms = [t.form for t in tokens]
        matches = self._phrases.find(forms)
        taken = frozenset(i for match in matches for i in range(match.first, match.last))
        # entities the item names otherwise than by a place or a weak name: a region then says less
        evidence = {m.payload.entity for m in matches if not (m.payload.place or m.payload.weak)}
        # one-word names of unwatched states, by token: their adjective may make a place theirs ("American Moscow")
        foreign = {
            m.first: m.last for m in matches if m.payload.entity and not m.payload.watched and m.last - m.first == 1
        }
        elsewhere: set[str] = set()  # places the item shows to be another place, in all their uses
        towns: set[tuple[str, ...]] = set()  # a state's names (folded words) the item gives to a town abroad
        found: list[tuple[Mention, _Name]] = []
        for match in matches:
            name = match.payload
            if name.entity is None:
                elsewhere.update(self._listed_places_elsewhere(match, forms))
                continue
            if name.person is not None and not name.person.in_office(day):
                continue
            if name.stem and name_shape.adjective_of_a_noun(forms[match.first], name.stem):
                continue
            if name.exact is not None and text[tokens[match.first].start : tokens[match.last - 1].end] != name.exact:
                continue
            if name.place.endswith("*") and _no_form_of_the_place(text, tokens[match.last - 1]):
                continue
            if name.place and self._another_place(match, text, tokens, name.entity in evidence, foreign):
                elsewhere.add(name.place)
                continue
            if self._town_of_the_name(match, text, tokens):
                towns.add(tuple(forms[match.first : match.last]))
                continue
            if self._inside_other_proper_noun(match, text, tokens, taken):
                continue
            if name.person is None and name_shape.independent_of_state(
                forms, match.first, match.last, self._shapes.independent
            ):
                continue
            if name.person is None and name_shape.origin_or_language(
                text, tokens, match.first, match.last, self._shapes
            ):
                continue
            start, end = tokens[match.first].start, tokens[match.last - 1].end
            mention = Mention(name.entity, name.watched, match.first, match.last, start, end, name.person is not None)
            found.append((mention, name))
        found = [
            (m, name)
            for m, name in found
            if (not name.place or name.place not in elsewhere) and tuple(forms[m.first : m.last]) not in towns
        ]
        found = self._without_other_bearers(found, text, tokens, forms, taken)
        if not any(name.weak for _, name in found):
            return [mention for mention, _ in found]
        strong = {m.entity for m, name in found if not name.weak}
        leaders = any(m.watched and name.person is not None and not name.weak for m, name in found)
        counterparts = {m.entity for m, name in found if m.watched and not name.weak}
        context = frozenset(m.last for m, _ in found if not m.watched)
        shaped = {
            m.first
            for m, name in found
            if name.weak and name.person is not None and self._another_person(m, text, tokens, forms, context)
        }
        # surnames the item gives to another person: by shape, or inside a namesake or a context
        # entity's name ("Kim Kardashian", "Kim Tae-hyo" of South Korea)
        others = {forms[first] for first in shaped} | {
            forms[i]
            for match in matches
            if match.last - match.first > 1 and not (match.payload.entity and match.payload.watched)
            for i in range(match.first, match.last)
        }
        return [
            m
            for m, name in found
            if not name.weak
            or (name.person is None and bool(self._supporters.get(m.entity, frozenset()) & strong))
            or (
                m.first not in shaped
                and self._supported(
                    m, forms, others, strong, leaders or bool(name.person and counterparts - {m.entity})
                )
            )
        ]

    def _supported(
        self, mention: Mention, forms: Sequence[str], others: set[str], strong: set[str], leaders: bool
    ) -> bool:
        """Whether the item supports a bare surname: a title right before it, or (unless the item gives
        the surname to another person) the entity named in full, a watched leader ("Putin, Kim") or, for
        a watched official, another watched state, his counterpart ("Козлов прибыл в Пхеньян")."""
        if self._titled(mention, forms):
            return True
        return forms[mention.first] not in others and (mention.entity in strong or leaders)

    def _without_other_bearers(
        self,
        found: list[tuple[Mention, _Name]],
        text: str,
        tokens: Sequence[Token],
        forms: Sequence[str],
        taken: frozenset[int],
    ) -> list[tuple[Mention, _Name]]:
        """Drop the bare surnames of people the item shows to be something else: a common noun written in
        lower case ("la poutine", "лососевая путина") or, for a strong surname, another person, by a given
        name right before it ("Kirill Lavrov", "Василия Пескова"). One sense per item: every bare use of
        that surname goes, unless one of the entity's titles stands right before it ("Foreign Minister")."""
        others = {
            id(name.person)
            for m, name in found
            if name.stem
            and (
                self._common_noun(m, name, text, tokens)
                or (not name.weak and self._given_name_before(m, name, text, tokens, forms, taken))
            )
        }
        if not others:
            return found
        return [
            (m, name) for m, name in found if not name.stem or id(name.person) not in others or self._titled(m, forms)
        ]

    @staticmethod
    def _common_noun(mention: Mention, name: _Name, text: str, tokens: Sequence[Token]) -> bool:
        """Whether a one-word person name is written in lower case as an inflected noun, not a derived word
        ("путина", "poutine"; not "путинский", which still names the man)."""
        token = tokens[mention.first]
        return name_shape.lower_case_word(text, token) and len(token.form) - name.stem <= INFLECTION

    def _given_name_before(
        self,
        mention: Mention,
        name: _Name,
        text: str,
        tokens: Sequence[Token],
        forms: Sequence[str],
        taken: frozenset[int],
    ) -> bool:
        """Whether a capitalised word right before a strong surname is another person's given name: joined
        to it by a space, in mid-sentence, no form of address, word of the state (singular or plural:
        "Presidents Putin and Xi") or title, no verb of saying ("Ukraine Says Putin…"), no given name of
        the watched person, and in Russian in the surname's case ("Кирилла Лаврова"; not "Минобороны Белоусов").
        A patronymic defers to the word before it ("Сергея Викторовича Лаврова" is the minister)."""
        before = mention.first - 1
        cased = name_shape.title_cased(text, tokens, mention.first)
        if before in taken or not (
            name_shape.given_name_before(text, tokens, mention.first, cased)
            or name_shape.full_name_opens_line(text, tokens, mention.first, mention.last, cased)
        ):
            return False
        form = forms[before]
        forenames = self._forenames.get(id(name.person), frozenset())
        state = self._state_words.get(mention.entity, frozenset()) | self._shapes.honorifics
        if (
            not name_shape.joined(text, tokens[before], tokens[mention.first])
            or form in name_shape.SPEECH_LINKS
            or any(word in state for word in name_shape.singular_forms(form))
            or form[:FORENAME_STEM] in forenames
            or self._title_before(mention, forms) is not None
        ):
            return False
        if name_shape.patronymic(form):  # "Сергея Викторовича Лаврова": the given name is one word earlier
            return before == 0 or forms[before - 1][:FORENAME_STEM] not in forenames
        return not name_shape.cyrillic(form) or name_shape.same_case(form, forms[mention.first])

    def _listed_places_elsewhere(self, match: Match[_Name], forms: Sequence[str]) -> set[str]:
        """The places a listed namesake with a region inside puts elsewhere ("Moscow, Idaho": Moscow)."""
        span = forms[match.first : match.last]
        if not self._shapes.regions.find(span):
            return set()
        return {place.payload for place in self._places.find(span)}

    def _another_place(
        self, match: Match[_Name], text: str, tokens: Sequence[Token], evidenced: bool, foreign: dict[int, int]
    ) -> bool:
        """Whether a place is another place of the same name: a region right after it ("Moscow, Idaho",
        "Москва (штат Айдахо)"), an appositive that calls it a small local unit ("Kremlin, a farming
        community") or, when the item names its entity no other way, in its line or qualified by another
        state's adjective ("в американской Москве") — unless the place was listed without its namesakes
        abroad (``places``: "120 km from Petropavlovsk-Kamchatsky … from Japan to Hawaii").
        ``foreign``: the one-word names of unwatched states (first token -> end)."""
        return (
            name_shape.region_follows(tokens, match.last, self._shapes)
            or name_shape.appositive_municipality(tokens, match.last, self._shapes.municipalities)
            or (
                not evidenced
                and not match.payload.vetted
                and (
                    name_shape.region_in_line(text, tokens, match.first, self._shapes)
                    or name_shape.qualified_by_another_state(text, tokens, match.first, match.last, foreign)
                )
            )
        )

    def _town_of_the_name(self, match: Match[_Name], text: str, tokens: Sequence[Token]) -> bool:
        """Whether a state's own name (no person, place or demonym) is a small town's abroad: a region that ends
        its phrase right after a comma or a parenthesis ("the village of Russia, Ohio, celebrated", "Russia
        (Ohio)"), or an appositive that calls it a small local unit ("Russia, a village of 600 in Shelby
        County"). The item then uses the name for the town throughout ("Russia Raiders win the regional final")."""
        name = match.payload
        if name.person is not None or name.place or name.compound:
            return False
        return name_shape.region_closes(text, tokens, match.last, self._shapes) or (
            name_shape.appositive_municipality(tokens, match.last, self._shapes.municipalities)
        )

    def _inside_other_proper_noun(
        self, match: Match[_Name], text: str, tokens: Sequence[Token], taken: frozenset[int]
    ) -> bool:
        """Whether a demonym or place is, by its shape, part of another proper noun, a figure or a language."""
        name = match.payload
        if not (name.compound or name.place) or name.entity is None:
            return False
        state = self._state_words.get(name.entity, frozenset())
        if name.place and (
            name_shape.quoted_title(text, tokens, match.first, match.last)
            or name_shape.closes_quoted_name(text, tokens, match.first, match.last)
            or name_shape.named_with_article(text, tokens, match.first)
            or name_shape.street_before(tokens, match.first, self._shapes.streets)
            or (  # a listed region or city has no village namesake: "сёла Курганской области" are in it
                not name.vetted
                and name_shape.municipality(tokens, match.first, match.last, self._shapes.municipalities)
            )
            or name_shape.figure_of(text, tokens, match.first, match.last, taken)
            or name_shape.place_compound(text, tokens, match.first, match.last, state, taken, self._shapes.calendar)
        ):
            return True
        return name.compound and (
            name_shape.proper_compound(text, tokens, match.first, match.last, state, taken)
            or name_shape.language_sense(text, tokens, match.first, match.last, self._shapes.language_before)
            or name_shape.language_noun(text, tokens, match.first, match.last, self._shapes.language_nouns)
            or name_shape.opening_of_a_game([t.form for t in tokens], match.first, match.last, self._shapes)
            or name_shape.shade_name(text, tokens, match.first, match.last, self._shapes)
            or name_shape.community_abroad(text, tokens, match.first, match.last, self._shapes)
            or name_shape.cited_word(text, tokens, match.first, match.last, self._shapes.word_nouns)
        )

    def _title_before(self, mention: Mention, forms: Sequence[str]) -> Match[bool] | None:
        """The title or other role ending right before ``mention`` ("leader", "golfer"), if any."""
        titles = self._titles.get(mention.entity)
        before = forms[max(mention.first - TITLE_WORDS, 0) : mention.first]
        if not titles:
            return None
        found = [t for t in titles.find(before) if t.last == len(before)]
        return found[0] if found else None

    def _titled(self, mention: Mention, forms: Sequence[str]) -> bool:
        """Whether one of the entity's own titles sits right before a weak name ("leader Kim")."""
        title = self._title_before(mention, forms)
        return title is not None and title.payload

    def _another_person(
        self, mention: Mention, text: str, tokens: Sequence[Token], forms: Sequence[str], context: frozenset[int]
    ) -> bool:
        """Whether a weak surname's shape names another person: a given name beside it, another role
        right before it, or a context country right before it or its title ("South Korean leader Kim")."""
        cased = name_shape.title_cased(text, tokens, mention.first)
        given = self._given.get(forms[mention.first], frozenset())
        if name_shape.given_name_after(text, tokens, mention.last, given, cased, self._shapes.calendar):
            return True
        title = self._title_before(mention, forms)
        if title is not None and not title.payload:
            return True
        if title is None and name_shape.given_name_before(text, tokens, mention.first, cased):
            return True
        start = mention.first if title is None else mention.first - (title.last - title.first)
        return start in context or (start - 1 in context and forms[start - 1] == "s")  # "South Korea's Kim"


def home_organs(
    text: str,
    tokens: Sequence[Token],
    mentions: list[Mention],
    organs: PhraseSet[str],
    home: str | None,
    places: PhraseSet[str] | None = None,
) -> list[Mention]:
    """``mentions`` with the bare organs of the language's home state (``home``, a watched id) added as
    mentions of it: a Russian report's «Минобороны сообщило…», «Правительство одобрило…»,
    «Кабмин…» is Russia's ministry or cabinet. Only where nothing names another state the item's organs
    may belong to: no unwatched state anywhere in the item (Seoul's court, Japan's ministry), and no use of
    an organ qualified by a name or a capitalised word («Минобороны Японии», «Правительство Монголии»,
    «японское Минобороны»): one sense per item. An organ qualified by a watched state's name is that state's
    own («соглашения с правительством КНДР», «российское правительство»): the report names the other party's
    organs so, and they leave the bare ones home's («Правительство одобрило проект соглашения с
    правительством КНДР»); they add nothing themselves, and a later bare use of the same organ is theirs again
    («Правительство КНДР одобрило закон… Правительство также утвердило…»). An organ right after a place word
    (``places``: «сообщили в Минобороны») is where a report comes from, not a state acting, and adds nothing."""
    if home is None or any(not m.watched for m in mentions):
        return mentions
    forms = [t.form for t in tokens]
    found = organs.find(forms)
    starts, ends = {m.first for m in mentions}, {m.last for m in mentions}
    owned: set[int] = set()  # organs a watched name qualifies: their state's own
    for organ in found:
        if organ.first in ends or organ.last in starts:
            owned.add(organ.first)
            continue
        after = organ.last < len(tokens) and tokens[organ.last].is_word
        if after and name_shape.capitalised(text, tokens[organ.last]):
            return mentions
    governed = {m.last for m in places.find(forms)} if places is not None else set()

    def recalled(organ: Match[str]) -> bool:  # a bare organ after the same organ owned by a watched state
        stem = forms[organ.first][:ORGAN_STEM]
        return any(first < organ.first and forms[first][:ORGAN_STEM] == stem for first in owned)

    added = [
        Mention(home, True, o.first, o.last, tokens[o.first].start, tokens[o.last - 1].end)
        for o in found
        if o.first not in governed and o.first not in owned and not recalled(o)
    ]
    return sorted(mentions + added, key=lambda m: m.first)


def _no_form_of_the_place(text: str, token: Token) -> bool:
    """Whether a Russian word that a place's stem matches (``Кремл*``, ``Москв*``) is no word of the
    dictionary, so no form of the place nor a word made from it: another name that begins with the same
    letters, a foreign one transliterated («Кремлен-Бисетр», a Paris suburb). The first part of a compound
    adjective («российско-корейский») is no dictionary word either, yet the state's: it ends in «о» before a
    hyphen. Latin names are matched whole, so only Cyrillic words are looked up."""
    spelt = name_shape.word(text, token)
    if not name_shape.cyrillic(token.form) or not spelt.isalpha():
        return False
    if spelt.endswith(("о", "О")) and text[token.end : token.end + 1] == "-":
        return False
    from process import ru_morph  # only here: a watchlist without Russian names never loads the dictionaries

    return not ru_morph.known_word(spelt)


def _heads(names: dict[str, tuple[str, ...]]) -> frozenset[str]:
    """The names of a ``compound_heads``/``place_heads`` mapping, as written in ``names``."""
    return frozenset(name for phrases in names.values() for name in phrases)


def _words(name: str) -> tuple[str, ...]:
    """The folded words of a configured name, without its marks (``~``, ``=``, a prefix ``*``)."""
    return tuple(word for word in fold_phrase(name.lstrip("~=")) if word != "*")
