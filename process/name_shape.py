"""The shape of a name in its text: what capitalisation, punctuation and neighbours say it names.

Namesakes nobody listed still have a shape. A bare surname (``Kim``) is another person when a
given name sits beside it: a capitalised word after it that is no watched person's given name
("Kim Gi Hyeon", "Ким Ён Гён") or a capitalised word before it in mid-sentence ("Tom Kim",
"Anthony Kim"). A place or demonym (``Moscow``, ``Russian``, ``russe``) is part of another proper
noun when a capitalised word that is no word of the state joins it ("Russian Tea Cakes", "les
Ballets russes"), when a US state or other region follows it ("Moscow, Vermont", "Moscou
(Idaho)"), when it is alone in quotes, or opens a quoted title after a noun ("гостиница
«Москва»", "ce « Kremlin » de la finance", "фильм «Москва слезам не верит»"), when a street noun
comes before it ("rue de Moscou") and when it is a figure ("the Kremlin of fashion").
Capitalisation says nothing in a title-cased line ("Putin Meets Kim In Vostochny"), so there
only the punctuation evidence (a hyphenated given name: "Kim Min-jae") counts.
"""

from __future__ import annotations

from collections.abc import Sequence

from process.text import Token

TITLE_CASE_SHARE = 0.7  # share of capitalised longer words (after the first) that makes a line title-cased
LONG_WORD = 3  # shorter words (of, in, à, в) are left out of the title-case count
OPENING_QUOTES = frozenset('«“"„')
CLOSING_QUOTES = frozenset('»”"“')
# words that introduce reported speech, not a title: «заявил, что «Москва…»», "a dit que « Moscou… »"
SPEECH_LINKS = frozenset({"что", "как", "que", "qu", "that", "said", "says"})
# a capitalised word after a bare surname that is a date, not a given name: "Putin meets Kim Tuesday"
CALENDAR = frozenset(
    {
        "monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday",
        "january", "february", "march", "april", "may", "june", "july", "august", "september",
        "october", "november", "december",
    }
)  # fmt: skip
# places that follow "Moscow, …" / "Moscou (…)" when it is another Moscow: US states and the regions
# of other countries that have one (not Washington or Georgia: "Moscow, Washington and Beijing")
REGIONS = frozenset(
    {
        "alabama", "alaska", "arizona", "arkansas", "california", "colorado", "connecticut", "delaware",
        "florida", "hawaii", "idaho", "illinois", "indiana", "iowa", "kansas", "kentucky",
        "louisiana", "maine", "maryland", "massachusetts", "michigan", "minnesota", "mississippi",
        "missouri", "montana", "nebraska", "nevada", "ohio", "oklahoma", "oregon", "pennsylvania",
        "tennessee", "texas", "utah", "vermont", "virginia", "wisconsin", "wyoming",
        "pa", "vt", "tenn", "tx", "ks", "ontario", "quebec", "scotland",
        "айдахо", "пенсильвания", "вермонт", "теннесси", "техас", "огайо", "канзас", "айова",
    }
)  # fmt: skip


# nouns of a street or square before a place name: "rue de Moscou", "Moscow Road" is a compound already
STREETS = frozenset({"rue", "avenue", "boulevard", "quai", "place", "street", "улица", "улице", "улицу", "проспект"})
# "the Kremlin of fashion", "le Kremlin de la finance": a place used as a figure for something else
OF = frozenset({"of", "de", "du", "des"})
ARTICLES = frozenset({"the", "la", "l", "le", "les"})


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
    """Whether the line of token ``index`` capitalises most of its words ("Putin Meets Kim In…")."""
    line = line_of(text, tokens, index)
    words = [t for t in tokens[line.start + 1 : line.stop] if t.is_word and len(t.form) >= LONG_WORD]
    if len(words) < 2:
        return False
    return sum(capitalised(text, t) for t in words) >= TITLE_CASE_SHARE * len(words)


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
    text: str, tokens: Sequence[Token], index: int, watched_given: frozenset[str], cased: bool
) -> bool:
    """Whether token ``index`` (right after a bare surname) starts another person's given name.

    A hyphenated word always does ("Min-jae"); in a line that is not title-cased, so does any
    capitalised word that is no watched person's given name and no date ("Kim Gi Hyeon", "Ким Ён
    Гён", "Kim Gordon"; not "Kim Jong Un" misspelt, not "Kim Tuesday").
    """
    if index >= len(tokens) or index not in line_of(text, tokens, index - 1) or not capitalised(text, tokens[index]):
        return False
    token = tokens[index]
    if hyphenated_after(text, token):
        return True
    return not cased and token.form not in watched_given and token.form not in CALENDAR


def given_name_before(text: str, tokens: Sequence[Token], index: int, cased: bool) -> bool:
    """Whether the word before a bare surname at ``index`` is a given name: capitalised in mid-sentence
    in a line that is not title-cased ("Tom Kim", "golfer Anthony Kim")."""
    before = index - 1
    if cased or before < line_of(text, tokens, index).start or not capitalised(text, tokens[before]):
        return False
    return not sentence_initial(text, tokens, before) and not acronym_or_designation(text, tokens[before])


def region_follows(tokens: Sequence[Token], last: int) -> bool:
    """Whether "``, <region>``" or "``(<region>)``" follows a place name ending before ``last``."""
    if last + 1 >= len(tokens) or tokens[last].form not in {",", "("}:
        return False
    return tokens[last + 1].form in REGIONS


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


def proper_compound(
    text: str, tokens: Sequence[Token], first: int, last: int, state_words: frozenset[str], taken: frozenset[int]
) -> bool:
    """Whether the one-word demonym over ``[first, last)`` joins a capitalised word into another proper
    noun: after it ("Russian Tea Cakes") or, for a lower-case adjective, before it ("Ballets russes").

    Words of the state ("Russian Navy", "la Marine russe"), acronyms and designations ("Russian
    MiG-31"), words of other matches (``taken``) and title-cased lines do not count.
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
    if last < line.stop and joins(last):
        return True
    head_lower = not capitalised(text, tokens[first])
    before = first - 1
    return head_lower and before >= line.start and not sentence_initial(text, tokens, before) and joins(before)


def street_before(tokens: Sequence[Token], first: int) -> bool:
    """Whether a street or square noun comes right before the place name ("rue de Moscou")."""
    before = first - 1
    if before >= 0 and tokens[before].form in {"de", "d"}:
        before -= 1
    return before >= 0 and tokens[before].form in STREETS


def figure_of(text: str, tokens: Sequence[Token], last: int, taken: frozenset[int]) -> bool:
    """Whether "of"/"de" and a lower-case word that names nothing follow the place name, as in "the
    Kremlin of fashion", "le Kremlin de la finance" (not "the Kremlin of Vladimir Putin")."""
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
