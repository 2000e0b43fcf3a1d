"""The shape of a name in its text: what capitalisation, punctuation and neighbours say it names.

Namesakes nobody listed still have a shape. A bare surname (``Kim``) is another person when a
given name sits beside it: a capitalised word after it that is no watched person's given name
("Kim Gi Hyeon", "Ким Ён Гён") or a capitalised word before it in mid-sentence ("Tom Kim",
"Anthony Kim"). A demonym (``Russian``, ``russe``) is part of another proper noun when a
capitalised word that is no word of the state joins it ("Russian Tea Cakes", "les Ballets
russes"), and the language after ``le``/``du``/``en`` ("apprendre le russe"). A place
(``Moscow``, ``Москва``, ``«Россия»``) is another place when a region follows it, directly or
after link words ("Moscow, Vermont", "Moscou (Idaho)", "Москва в штате Айдахо"), or shares its
line when nothing else in the item names the state ("University of Idaho … in Moscow"); it is
another thing when alone in quotes, opening a quoted title after a noun or closing a short quoted
name ("гостиница «Москва»", "фильм «Москва слезам не верит»", "газета «Вечерняя Москва»", "the
series 'A Gentleman in Moscow'"), when a capitalised word that is no word of the state follows it
("Moscow Mills", "Moscow Dynamo"), when it stands in parentheses after a name ("«Динамо»
(Москва)") or carries a capitalised article in mid-sentence ("le restaurant Le Kremlin"), after a
street noun ("rue de Moscou") and as a figure ("the Kremlin of fashion").
Capitalisation says nothing in a title-cased line ("Putin Meets Kim In Vostochny"), so there
only the punctuation evidence (a hyphenated given name: "Kim Min-jae") counts.

The words these rules read (regions, link words, dates, streets, language cues) are config, the
``name_shapes`` section (``config/lexicon/name_shapes.yaml``), folded once into ``ShapeWords``.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, field

from process.lexicon import PhraseSet
from process.text import Token, fold_phrase
from veille.config.watchlist import NameShapesConfig

TITLE_CASE_SHARE = 0.7  # share of capitalised longer words (after the first) that makes a line title-cased
LONG_WORD = 3  # shorter words (of, in, à, в) are left out of the title-case count
REGION_LINKS = 4  # most link words between a place and its region ("in the state of Idaho")
APPOSITIVE_WORDS = 4  # most words between the article of an appositive and its noun ("a small farming community")
INDEFINITE = frozenset({"a", "an", "un", "une"})
OPENING_QUOTES = frozenset('«“"„')
CLOSING_QUOTES = frozenset('»”"“')
QUOTED_NAME_WORDS = 4  # most words of a quoted name that a place closes ("«Вечерняя Москва»")
SPACED_CLOSERS = frozenset("»”")  # closing quotes French typography sets after a space
NARROW_SPACES = " \u00a0\u202f"  # the spaces it uses: plain, no-break and narrow no-break
# single quotes open and close titles in English headlines ('A Gentleman in Moscow'); folding drops them
NAME_OPENERS = OPENING_QUOTES | {"'", "‘"}
NAME_CLOSERS = CLOSING_QUOTES | {"'", "’"}
# words that introduce reported speech, not a title: «заявил, что «Москва…»», "a dit que « Moscou… »"
SPEECH_LINKS = frozenset({"что", "как", "que", "qu", "that", "said", "says"})
# "the Kremlin of fashion", "le Kremlin de la finance": a place used as a figure for something else
OF = frozenset({"of", "de", "du", "des"})
LANGUAGE_NOUN_WORDS = 3  # longest noun of speech or text looked for beside a demonym ("sous-titres")
BIRTHPLACE_WORDS = 4  # longest birthplace phrase looked for right before a name ("born and raised in")
ARTICLES = frozenset({"the", "la", "l", "le", "les"})
# bare prepositions before a place name: a figure takes an article ("the Kremlin of fashion"), these do not
GOVERNING = frozenset({"a", "de", "par", "pour", "avec", "vers", "chez", "from", "to", "by", "with"})


@dataclass(frozen=True)
class ShapeWords:
    """The word lists of the ``name_shapes`` config section, folded (all languages together)."""

    regions: PhraseSet[bool] = field(default_factory=PhraseSet)
    region_links: frozenset[str] = frozenset()
    calendar: frozenset[str] = frozenset()
    streets: frozenset[str] = frozenset()
    municipalities: frozenset[str] = frozenset()
    language_before: frozenset[str] = frozenset()
    games: PhraseSet[bool] = field(default_factory=PhraseSet)
    openings: frozenset[str] = frozenset()
    honorifics: frozenset[str] = frozenset()
    independent: frozenset[str] = frozenset()
    attribute_after: frozenset[str] = frozenset()
    birthplace: PhraseSet[bool] = field(default_factory=PhraseSet)
    language_nouns: PhraseSet[bool] = field(default_factory=PhraseSet)
    shades: PhraseSet[bool] = field(default_factory=PhraseSet)
    community_nouns: frozenset[str] = frozenset()
    word_nouns: frozenset[str] = frozenset()

    @classmethod
    def from_config(cls, config: NameShapesConfig) -> ShapeWords:
        """Fold the section's words; regions keep their ``*`` prefixes and several words."""

        def words(lists: dict[str, tuple[str, ...]]) -> frozenset[str]:
            return frozenset(w for phrases in lists.values() for phrase in phrases for w in fold_phrase(phrase))

        regions: PhraseSet[bool] = PhraseSet((p, True) for phrases in config.regions.values() for p in phrases)
        return cls(
            regions,
            words(config.region_links),
            words(config.calendar),
            words(config.streets),
            words(config.municipalities),
            words(config.language_before),
            PhraseSet((p, True) for phrases in config.games.values() for p in phrases),
            words(config.openings),
            words(config.honorifics),
            words(config.independent),
            words(config.attribute_after),
            PhraseSet((p, True) for phrases in config.birthplace.values() for p in phrases),
            PhraseSet((p, True) for phrases in config.language_nouns.values() for p in phrases),
            PhraseSet((p, True) for phrases in config.shades.values() for p in phrases),
            words(config.community_nouns),
            words(config.word_nouns),
        )


def word(text: str, token: Token) -> str:
    """The original spelling of ``token``."""
    return text[token.start : token.end]


def capitalised(text: str, token: Token) -> bool:
    """Whether ``token`` is a word written with a capital first letter."""
    return token.is_word and word(text, token)[:1].isupper()


def line_of(text: str, tokens: Sequence[Token], index: int) -> range:
    """Indexes of the tokens on the same line as token ``index`` (title and summary are lines)."""
    first = index
    while first > 0 and "\n" not in text[tokens[first - 1].end : tokens[first].start]:
        first -= 1
    last = index + 1
    while last < len(tokens) and "\n" not in text[tokens[last - 1].end : tokens[last].start]:
        last += 1
    return range(first, last)


def title_cased(text: str, tokens: Sequence[Token], index: int) -> bool:
    """Whether the line of token ``index`` capitalises most of its words ("Putin Meets Kim In…").

    Cyrillic lines never are: Russian headlines capitalise only names, so a short line full of
    them ("Путин встретился с Кимом Мин Джэ") still says who is named by its capitals.
    """
    line = line_of(text, tokens, index)
    words = [t for t in tokens[line.start + 1 : line.stop] if t.is_word and len(t.form) >= LONG_WORD]
    if len(words) < 2 or sum(cyrillic(t.form) for t in words) * 2 > len(words):
        return False
    return sum(capitalised(text, t) for t in words) >= TITLE_CASE_SHARE * len(words)


def cyrillic(form: str) -> bool:
    """Whether a word starts with a Cyrillic letter."""
    return "\u0400" <= form[:1] <= "\u04ff"


def sentence_initial(text: str, tokens: Sequence[Token], index: int) -> bool:
    """Whether token ``index`` opens its line or follows a sentence end (``.``, ``!``, ``?``, ``:``)."""
    if index == line_of(text, tokens, index).start:
        return True
    return tokens[index - 1].form in {".", "!", "?", ":", "«", '"', "“"}


def hyphenated_after(text: str, token: Token) -> bool:
    """Whether a hyphen and a letter follow ``token`` directly ("Min-jae", "Su-35")."""
    after = text[token.end : token.end + 2]
    return after[:1] == "-" and after[1:2].isalpha()


def acronym_or_designation(text: str, token: Token) -> bool:
    """Whether ``token`` is all capitals ("ICBM") or the head of a designation ("MiG-31", "Su-35")."""
    spelt = word(text, token)
    return (len(spelt) > 1 and spelt.isupper()) or not spelt.isalpha() or text[token.end : token.end + 1] == "-"


def given_name_after(
    text: str, tokens: Sequence[Token], index: int, watched_given: frozenset[str], cased: bool, calendar: frozenset[str]
) -> bool:
    """Whether token ``index`` (right after a bare surname) starts another person's given name.

    A hyphenated word always does ("Min-jae"); in a line that is not title-cased, so does any
    capitalised word that is no watched person's given name and no date of ``calendar`` ("Kim Gi
    Hyeon", "Ким Ён Гён", "Kim Gordon"; not "Kim Jong Un" misspelt, not "Kim Tuesday").
    """
    if index >= len(tokens) or index not in line_of(text, tokens, index - 1) or not capitalised(text, tokens[index]):
        return False
    token = tokens[index]
    if hyphenated_after(text, token):
        return True
    return not cased and token.form not in watched_given and token.form not in calendar


def given_name_before(text: str, tokens: Sequence[Token], index: int, cased: bool) -> bool:
    """Whether the word before a bare surname at ``index`` is a given name: capitalised in mid-sentence
    in a line that is not title-cased ("Tom Kim", "golfer Anthony Kim")."""
    before = index - 1
    if cased or before < line_of(text, tokens, index).start or not capitalised(text, tokens[before]):
        return False
    return not sentence_initial(text, tokens, before) and not acronym_or_designation(text, tokens[before])


def full_name_opens_line(text: str, tokens: Sequence[Token], index: int, last: int, cased: bool) -> bool:
    """Whether the capitalised word that opens the line right before a surname at ``index`` is a given name
    because an appositive follows the surname (a comma and an article): a person introduced by full name and
    then described ("Antoine Volodine, l'inclassable père du post-exotisme", "Ellen Peskov, a retired
    teacher"), where a headline's first word before a surname is otherwise any word ("Sommet Poutine-Kim")."""
    before = index - 1
    if cased or before != line_of(text, tokens, index).start or not capitalised(text, tokens[before]):
        return False
    if acronym_or_designation(text, tokens[before]) or last + 1 >= len(tokens):
        return False
    return tokens[last].form == "," and tokens[last + 1].form in ARTICLES | INDEFINITE


# Russian case endings of a surname -> endings its given name takes in the same case ("Кирилла
# Лаврова", "Василием Песковым"); a surname ending otherwise (nominative: "Кирилл Лавров") takes a
# given name ending in a consonant or й. "главы Минобороны Белоусов" does not agree: no given name.
CASE_AGREEMENT = (
    (("ым", "им"), ("ом", "ем")),
    (("а", "я"), ("а", "я")),
    (("у", "ю"), ("у", "ю")),
    (("е",), ("е",)),
)
VOWELS = frozenset("аеиоуыэюяaeiouy")


def same_case(given: str, surname: str) -> bool:
    """Whether a Cyrillic word before a surname is in the surname's case, as a given name is (folded forms).

    Folding writes й as и, so a nominative given name in -ий, -ей, -ай ("Василий", "Андрей") ends in a
    vowel and и: it still ends in й, a consonant."""
    for surname_endings, given_endings in CASE_AGREEMENT:
        if surname.endswith(surname_endings):
            return given.endswith(given_endings)
    return given[-1:] not in VOWELS or (given[-1:] == "и" and given[-2:-1] in VOWELS)


PLURAL_ENDINGS = ("s", "x", "ы", "и")  # Presidents, généraux, Президенты, министры → singular by one letter


def singular_forms(form: str) -> tuple[str, ...]:
    """A folded word and, if it ends like a plural, the word without that ending ("presidents": "president")."""
    return (form, form[:-1]) if form.endswith(PLURAL_ENDINGS) and len(form) > LONG_WORD else (form,)


PATRONYMIC_MARKS = ("ович", "евич", "ьич", "овн", "евн", "ovich", "evich")  # Викторович, Сергеевна, Viktorovich


def patronymic(form: str) -> bool:
    """Whether a folded word is a Russian patronymic in any case ("викторовича", "сергеевной", "viktorovich")."""
    return any(mark in form for mark in PATRONYMIC_MARKS)


# Russian surnames in -ов/-ев/-ин are old possessive adjectives, and the adjective lives on as a common word
# ("лавровый лист", bay leaf): its long endings (folded: й is и) are no case of the surname, whose declension never
# takes them
POSSESSIVE_SUFFIXES = ("ов", "ев", "ин", "ын")
ADJECTIVE_ENDINGS = frozenset({"ыи", "ого", "ому", "ом", "ая", "ую", "ое", "ые"})


def adjective_of_a_noun(form: str, stem: int) -> bool:
    """Whether a folded word that starts with a one-word surname of ``stem`` letters is the common adjective the
    surname comes from ("лаврового" of "Лавров", "лавровая"), not a case of it ("Лаврова", "Лавровым")."""
    return form[:stem].endswith(POSSESSIVE_SUFFIXES) and form[stem:] in ADJECTIVE_ENDINGS


def lower_case_word(text: str, token: Token) -> bool:
    """Whether ``token`` is a word written all in lower case ("poutine", "путина"), as no surname is."""
    spelt = word(text, token)
    return token.is_word and spelt.islower()


def independent_of_state(forms: Sequence[str], first: int, last: int, independent: frozenset[str]) -> bool:
    """Whether a word of ``independent`` stands right before or after the name over ``[first, last)``
    ("an independent Russian outlet", "un média russe indépendant", "независимого российского издания"):
    the name is the home of a body free of the state, which neither speaks for it nor is a party."""
    return (first > 0 and forms[first - 1] in independent) or (last < len(forms) and forms[last] in independent)


def region_follows(tokens: Sequence[Token], last: int, words: ShapeWords) -> bool:
    """Whether a region follows a place name ending before ``last``, directly or after a few link words:
    "Moscow, Vermont", "Moscou (Idaho)", "Москва (штат Айдахо)", "Moscow in the state of Idaho"."""
    index = last
    while index < len(tokens) and index - last <= REGION_LINKS:
        if words.regions.match_at([t.form for t in tokens[index : index + 4]], 0) is not None:
            return True
        if tokens[index].form not in words.region_links:
            return False
        index += 1
    return False


def region_closes(text: str, tokens: Sequence[Token], last: int, words: ShapeWords) -> bool:
    """Whether a comma or a parenthesis, then a region that ends its phrase, follow a name ending before ``last``:
    "the village of Russia, Ohio, cheered", "Russia (Ohio)". A state's own name is a small town's there; a word
    after the region makes it the start of another clause ("Asked about Russia, Ohio's governor said",
    "Russia, Ohio lawmakers say"), so only punctuation or the line's end may follow it."""
    if last + 1 >= len(tokens) or tokens[last].form not in {",", "("}:
        return False
    found = words.regions.match_at([t.form for t in tokens[last + 1 : last + 5]], 0)
    if found is None or not capitalised(text, tokens[last + 1]):
        return False
    end = last + 1 + found.last
    return end >= len(tokens) or end not in line_of(text, tokens, last + 1) or not tokens[end].is_word


def region_in_line(text: str, tokens: Sequence[Token], index: int, words: ShapeWords) -> bool:
    """Whether the line of token ``index`` names a region of ``words`` anywhere, written as a name
    ("University of Idaho unveils a memorial garden in Moscow"; not an abbreviation, "PA", nor a
    designation, "Ohio-class submarines")."""
    line = line_of(text, tokens, index)
    forms = [tokens[i].form for i in line]
    for region in words.regions.find(forms):
        head, end = tokens[line.start + region.first], tokens[line.start + region.last - 1]
        spelt = word(text, head)
        if capitalised(text, head) and not spelt.isupper() and text[end.end : end.end + 1] != "-":
            return True
    return False


# endings of English demonyms ("American", "Canadian", "Japanese", "British", "French"): adjectives, not capitals
DEMONYM_ENDINGS = ("an", "ese", "ish", "ch")


def demonym_shape(text: str, token: Token) -> bool:
    """Whether a word that names another state reads as its adjective: written in lower case, as French and
    Russian write them ("américaine", "американской"), or capitalised with an English demonym's ending
    ("American"; not "Washington", "Trump", "US")."""
    if lower_case_word(text, token):
        return True
    spelt = word(text, token)
    return capitalised(text, token) and not spelt.isupper() and token.form.endswith(DEMONYM_ENDINGS)


def qualified_by_another_state(
    text: str, tokens: Sequence[Token], first: int, last: int, others: dict[int, int]
) -> bool:
    """Whether another state's adjective qualifies the place over ``[first, last)``, so that it is that
    state's namesake: right before it ("the American Moscow", "в американской Москве") or, a lower-case
    Latin adjective, right after it ("la Moscou américaine"; a Russian one there opens the clause's
    subject: «в Москве американские дипломаты»). ``others``: the one-word mentions of unwatched states,
    by their token index."""
    before = first - 1
    if before in others and joined(text, tokens[before], tokens[first]) and demonym_shape(text, tokens[before]):
        return True
    return (
        last in others
        and joined(text, tokens[last - 1], tokens[last])
        and lower_case_word(text, tokens[last])
        and not cyrillic(tokens[last].form)
    )


def quoted_title(text: str, tokens: Sequence[Token], first: int, last: int) -> bool:
    """Whether the name over ``[first, last)`` is alone in quotes ("«Москва»", "« Kremlin »") or opens a
    quoted title after a noun ("фильм «Москва слезам не верит»"), rather than a quoted statement."""
    line = line_of(text, tokens, first)
    if first == line.start or word(text, tokens[first - 1]) not in OPENING_QUOTES:
        return False
    if last < line.stop and word(text, tokens[last]) in CLOSING_QUOTES:
        return True
    noun = first - 2
    return noun >= line.start and tokens[noun].is_word and tokens[noun].form not in SPEECH_LINKS


def closes_quoted_name(text: str, tokens: Sequence[Token], first: int, last: int) -> bool:
    """Whether the place over ``[first, last)`` ends a short quoted name that starts with a capital
    after a word ("газета «Вечерняя Москва»", "радио «Эхо Москвы»", "the series 'A Gentleman in
    Moscow'", "le parfum « Cuir de Russie »"), rather than a quoted statement (after a colon or "said") or an
    apostrophe ("Moscow's")."""
    end = tokens[last - 1].end
    spaced = len(text[end:]) - len(text[end:].lstrip(NARROW_SPACES))  # French: « Cuir de Russie »
    if spaced:
        end += spaced
        if text[end : end + 1] not in SPACED_CLOSERS:
            return False
    if text[end : end + 1] not in NAME_CLOSERS or text[end + 1 : end + 2].isalnum():
        return False
    line = line_of(text, tokens, first)
    start = first  # the first word inside the quotes
    while start > line.start and first - start < QUOTED_NAME_WORDS:
        before = tokens[start - 1]
        if word(text, before) in OPENING_QUOTES:
            return _names_a_thing(text, tokens, start, start - 2, line)
        gap = text[before.end : tokens[start].start]
        if gap.endswith(("'", "‘")) and gap[:1].isspace():
            return _names_a_thing(text, tokens, start, start - 1, line)
        start -= 1
    return False


def _names_a_thing(text: str, tokens: Sequence[Token], start: int, noun: int, line: range) -> bool:
    """Whether a quoted span opening at token ``start`` is a name after the word ``noun`` (not a statement)."""
    return (
        noun >= line.start
        and tokens[noun].is_word
        and tokens[noun].form not in SPEECH_LINKS
        and capitalised(text, tokens[start])
    )


def proper_compound(
    text: str, tokens: Sequence[Token], first: int, last: int, state_words: frozenset[str], taken: frozenset[int]
) -> bool:
    """Whether the one-word demonym over ``[first, last)`` joins a capitalised word into another proper
    noun: after a capitalised demonym ("Russian Tea Cakes") or before a lower-case one ("Ballets russes").

    Words of the state ("Russian Navy", "la Marine russe"), acronyms and designations ("Russian
    MiG-31"), words of other matches (``taken``) and title-cased lines do not count. A capitalised word
    after a lower-case demonym joins nothing: French puts the adjective after its noun, so the name that
    follows is in apposition to that noun ("le gazier russe Novatek", "l'agence russe Tass").
    """
    if title_cased(text, tokens, first):
        return False

    def joins(index: int) -> bool:
        token = tokens[index]
        return (
            capitalised(text, token)
            and token.form not in state_words
            and index not in taken
            and not acronym_or_designation(text, token)
        )

    line = line_of(text, tokens, first)
    head_lower = not capitalised(text, tokens[first])
    if not head_lower and last < line.stop and joins(last):
        return True
    before = first - 1
    return head_lower and before >= line.start and not sentence_initial(text, tokens, before) and joins(before)


def shade_name(text: str, tokens: Sequence[Token], first: int, last: int, words: ShapeWords) -> bool:
    """Whether a capitalised demonym over ``[first, last)`` heads a capitalised word joined to it, in an item that
    names a product sold in shades (``words.shades``: "MAC's Russian Red is still the lipstick", "OPI's Russian
    Navy nail polish"): the shade's name, even when the word is one of the state's (Red, Navy). A word in capitals
    or a designation ("Russian MiG-31") is no shade."""
    if last >= len(tokens) or not capitalised(text, tokens[first]) or not joined(text, tokens[last - 1], tokens[last]):
        return False
    after = tokens[last]
    if not capitalised(text, after) or acronym_or_designation(text, after):
        return False
    return bool(words.shades.find([t.form for t in tokens]))


def cited_word(text: str, tokens: Sequence[Token], first: int, last: int, word_nouns: frozenset[str]) -> bool:
    """Whether a demonym over ``[first, last)`` stands alone in quotes right after a noun of words (``word_nouns``):
    the word cited, not the state (« sans l'adjectif « russe » », 'dropped the word "Russian" from its name')."""
    line = line_of(text, tokens, first)
    if first - 2 < line.start or last >= line.stop:
        return False
    if word(text, tokens[first - 1]) not in NAME_OPENERS or word(text, tokens[last]) not in NAME_CLOSERS:
        return False
    return tokens[first - 2].form in word_nouns


POSSESSIVE_MARKS = frozenset({"'", "’"})  # the apostrophe of "Riga's", which tokens drop


def community_abroad(text: str, tokens: Sequence[Token], first: int, last: int, words: ShapeWords) -> bool:
    """Whether a demonym over ``[first, last)`` qualifies a community's own institution, or the community, in a
    named place (``words.community_nouns``): « le théâtre russe de Riga », « l'école russe de Narva » (noun,
    lower-case demonym, « de »/« à » and a capitalised name), "the Russian school in Narva", "the Russian theatre
    of Riga" (demonym, noun, "in"/"of" and a capitalised name) or "Riga's Russian theatre", "Latvia's Russian
    minority" (a capitalised possessive before). The Russian speakers of another state, not the state; a watched
    place named there ("le théâtre russe de Moscou") is a mention of its own."""
    line = line_of(text, tokens, first)

    def named(index: int) -> bool:
        return index in line and capitalised(text, tokens[index]) and not acronym_or_designation(text, tokens[index])

    if not capitalised(text, tokens[first]):  # French: the noun before, the place after
        noun = first - 1
        place = last + 1
        return (
            noun in line
            and tokens[noun].form in words.community_nouns
            and last < len(tokens)
            and tokens[last].form in {"de", "d", "a"}
            and named(place)
        )
    if last >= len(tokens) or last not in line or tokens[last].form not in words.community_nouns:
        return False
    if last + 2 < len(tokens) and tokens[last + 1].form in {"in", "of"} and named(last + 2):
        return True
    owner, mark = first - 2, first - 1
    return (
        owner in line
        and tokens[mark].form == "s"
        and text[tokens[owner].end : tokens[mark].start] in POSSESSIVE_MARKS
        and named(owner)
    )


def street_before(tokens: Sequence[Token], first: int, streets: frozenset[str]) -> bool:
    """Whether a street or square noun of ``streets`` comes right before the place name ("rue de Moscou")."""
    before = first - 1
    if before >= 0 and tokens[before].form in {"de", "d"}:
        before -= 1
    return before >= 0 and tokens[before].form in streets


def municipality(tokens: Sequence[Token], first: int, last: int, municipalities: frozenset[str]) -> bool:
    """Whether a noun of a small local unit sits right after the place name ("Moscow borough council")
    or right before it, an "of" aside ("the village of Moscow", "деревня Москва"): no capital is one."""
    before = first - 1
    if before >= 0 and tokens[before].form in OF:
        before -= 1
    return (last < len(tokens) and tokens[last].form in municipalities) or (
        before >= 0 and tokens[before].form in municipalities
    )


def appositive_municipality(tokens: Sequence[Token], last: int, municipalities: frozenset[str]) -> bool:
    """Whether an appositive after the place name ending before ``last`` calls it a small local unit: a
    comma, an indefinite article and, within ``APPOSITIVE_WORDS`` words, such a noun ("Kremlin, a small
    farming community west of Havre", "Moscou, un village de l'Ohio"). No capital is one."""
    if last + 1 >= len(tokens) or tokens[last].form != "," or tokens[last + 1].form not in INDEFINITE:
        return False
    for token in tokens[last + 2 : last + 2 + APPOSITIVE_WORDS]:
        if not token.is_word:
            return False
        if token.form in municipalities:
            return True
    return False


def opening_of_a_game(forms: Sequence[str], first: int, last: int, words: ShapeWords) -> bool:
    """Whether a demonym over ``[first, last)`` names a game's opening: a noun of ``words.openings`` right
    before or after it, in an item that names a game of ``words.games`` ("une défense russe" in a chess
    report, "the Russian Game"; not "la défense russe" of a story about the army)."""
    beside = (first > 0 and forms[first - 1] in words.openings) or (last < len(forms) and forms[last] in words.openings)
    return beside and bool(words.games.find(forms))


def joined(text: str, left: Token, right: Token) -> bool:
    """Whether only spaces separate two tokens (not a hyphen: "Paris-Moscou" is a route, not a name)."""
    gap = text[left.end : right.start]
    return bool(gap) and gap.isspace() and "\n" not in gap


def place_compound(
    text: str,
    tokens: Sequence[Token],
    first: int,
    last: int,
    state_words: frozenset[str],
    taken: frozenset[int],
    calendar: frozenset[str],
) -> bool:
    """Whether a place over ``[first, last)`` is part of another proper noun in a line that is not
    title-cased: a capitalised word right after it ("Moscow Mills", "Moscow Dynamo"), or a name
    before it in parentheses ("«Динамо» (Москва)", "«Зенит» (Санкт-Петербург)"). Words of the state
    ("Moscow Region", "Moscow Exchange"), words of other matches, dates ("in Moscow Tuesday"),
    acronyms and designations do not count; nor does a capitalised word before the place, which in
    Russian is mostly a genitive's head ("МИД России", "в Минобороны России")."""
    if title_cased(text, tokens, first):
        return False
    line = line_of(text, tokens, first)

    def other_name(index: int) -> bool:
        token = tokens[index]
        return capitalised(text, token) and token.form not in state_words and index not in taken

    if last < line.stop and other_name(last) and joined(text, tokens[last - 1], tokens[last]):
        if full_name_at(text, tokens, last, line):
            return False  # "Вице-премьер России Алексей Оверчук": the state's official, named in full
        return tokens[last].form not in calendar and not acronym_or_designation(text, tokens[last])
    before = first - 1
    if before - 1 < line.start or last >= line.stop or (tokens[before].form, tokens[last].form) != ("(", ")"):
        return False
    named = before - 1
    return word(text, tokens[named]) in CLOSING_QUOTES or other_name(named)


def full_name_at(text: str, tokens: Sequence[Token], index: int, line: range) -> bool:
    """Whether a Russian given name and surname start at token ``index``: two capitalised Cyrillic words
    joined by a space, in one case ("России *Алексей Оверчук*", "КНДР *Чве Сон Хи*" aside): a genitive
    place before them is the state whose official they are, not part of another proper noun."""
    if index + 1 >= line.stop or not joined(text, tokens[index], tokens[index + 1]):
        return False
    given, surname = tokens[index], tokens[index + 1]
    return all(
        cyrillic(t.form) and capitalised(text, t) and not acronym_or_designation(text, t) for t in (given, surname)
    ) and same_case(given.form, surname.form)


def named_with_article(text: str, tokens: Sequence[Token], first: int) -> bool:
    """Whether a place name starting with its article over ``first`` writes the article capitalised in
    mid-sentence, as establishments are named ("le restaurant Le Kremlin"; not "Le Kremlin dément")."""
    token = tokens[first]
    return (
        token.form in ARTICLES
        and capitalised(text, token)
        and not sentence_initial(text, tokens, first)
        and not title_cased(text, tokens, first)
    )


def language_sense(text: str, tokens: Sequence[Token], first: int, last: int, language_before: frozenset[str]) -> bool:
    """Whether a lower-case demonym over ``[first, last)`` names the language: right after a word of
    ``language_before`` and before no capitalised word ("apprendre le russe", "traduit du russe"; not
    "le russe Gazprom")."""
    if first == 0 or capitalised(text, tokens[first]) or tokens[first - 1].form not in language_before:
        return False
    line = line_of(text, tokens, first)
    return last >= line.stop or not capitalised(text, tokens[last])


def language_noun(text: str, tokens: Sequence[Token], first: int, last: int, nouns: PhraseSet[bool]) -> bool:
    """Whether a demonym over ``[first, last)`` names the language, joined to a noun of speech or text of
    ``nouns``: right after it, by a space or a hyphen ("Israel's Russian speakers", "Russian surtitles",
    "Russian-speakers"), or, for a lower-case demonym (French writes it after its noun), right before it
    ("des sous-titres russes"). A capitalised demonym after such a noun starts another phrase ("translation
    Russian officials rejected"), so only the lower-case one looks back."""
    line = line_of(text, tokens, first)
    after = [t.form for t in tokens[last : min(line.stop, last + LANGUAGE_NOUN_WORDS)]]
    if after and text[tokens[last - 1].end : tokens[last].start] in {" ", "-"} and nouns.match_at(after, 0):
        return True
    if capitalised(text, tokens[first]) or first == line.start or not joined(text, tokens[first - 1], tokens[first]):
        return False
    before = [t.form for t in tokens[max(line.start, first - LANGUAGE_NOUN_WORDS) : first]]
    return any(found.last == len(before) for found in nouns.find(before))


def origin_or_language(text: str, tokens: Sequence[Token], first: int, last: int, words: ShapeWords) -> bool:
    """Whether a state's name or demonym over ``[first, last)`` names a language or where someone comes from,
    not the state: joined by a hyphen to a word of ``attribute_after`` ("the Russian-speaking border town",
    "Russian-language lessons", "a Moscow-born pianist"), or right after a ``birthplace`` phrase that no other
    name ends ("born in Russia", « né en Russie », «уроженка Москвы»)."""
    if (
        last < len(tokens)
        and tokens[last].form in words.attribute_after
        and text[tokens[last - 1].end : tokens[last].start] == "-"
    ):
        return True
    if first == 0:
        return False
    before = [t.form for t in tokens[max(first - BIRTHPLACE_WORDS, 0) : first]]
    return any(found.last == len(before) for found in words.birthplace.find(before))


def figure_of(text: str, tokens: Sequence[Token], first: int, last: int, taken: frozenset[int]) -> bool:
    """Whether "of"/"de" and a lower-case word that names nothing follow the place name, as in "the
    Kremlin of fashion", "le Kremlin de la finance" (not "the Kremlin of Vladimir Putin"). A place that
    a bare preposition governs is a party or a place, no figure: « acheter à Moscou des obus », « obtenir
    de Moscou des technologies », where « des » is the article of the object that follows."""
    if first > 0 and tokens[first - 1].form in GOVERNING:
        return False
    index = last
    if index >= len(tokens) or tokens[index].form not in OF:
        return False
    index += 1
    if index < len(tokens) and tokens[index].form in ARTICLES:
        index += 1
    return (
        index < len(tokens)
        and tokens[index].is_word
        and not capitalised(text, tokens[index])
        and index not in taken
        and not tokens[index].form[:1].isdigit()
    )
