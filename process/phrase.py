"""The noun phrase of a trigger: the words that qualify it, the noun it qualifies, where an action's
object begins, and a partner or place phrase between a plan and its object.

A trigger word may only qualify another noun ("*военные* заводы": no troops); the words right
before it (or after it, in languages that put adjectives after the noun) are its object's qualifiers
("military pact", "pacte militaire"); an action's noun phrase starts back over its determiners
("d'un transfert"); and "with Pyongyang" may stand between a plan and what it is about ("discussed
with Pyongyang the supply"), and so may a place (« négocier à Vladivostok la vente »).
"""

from __future__ import annotations

from process import languages
from process.cues import DETERMINERS, SentenceCues
from process.direction import POSTPOSED
from process.document import Document, Sentence

TRIGGER_WINDOW = 3  # tokens around a trigger for "under the", "any", years
PARTNER_WORDS = (
    3  # words of a partner phrase between a plan and its object ("обсуждал с северокорейской стороной поставки")
)
PARTNER = frozenset({"with", "avec", "с", "со", "от"})
ARTICLES = DETERMINERS | {"a", "an", "un", "une", "des", "d"}  # "discussing a technology transfer", « d'un transfert »


def qualifies_noun(doc: Document, sentence: Sentence, cues: SentenceCues, t0: int, t1: int) -> bool:
    """Whether a one-word trigger qualifies the common noun right after it, agreeing with it in case and
    number: a substantivised adjective used as one ("*военные* заводы", "*военные* поставки"), not the
    people it names ("военные КНДР", "военные из Северной Кореи"), nor a word before a ``formation`` of troops,
    which names troops whichever word heads the phrase ("военнослужащих *сил* специальных операций"); where
    adjectives follow the noun, a trigger tagged as an adjective right after a common noun qualifies that noun
    ("des avions *militaires* russes", "des blogueurs *militaires*"; the people are a noun: « des militaires
    russes »)."""
    if t1 - t0 != 1:
        return False
    if doc.lang in POSTPOSED:
        return t0 > 0 and sentence.tag(t0).startswith("ADJ|") and sentence.tag(t0 - 1).startswith("NOUN|")
    if t1 >= len(sentence.forms) or any(m.first <= t1 < m.last for m in sentence.mentions):
        return False
    if any(m.first == t1 for m in cues.found["formation"]):
        return False
    if not sentence.tag(t1).startswith("NOUN|"):
        return False
    word, noun = (doc.text[sentence.tokens[i].start : sentence.tokens[i].end] for i in (t0, t1))
    return languages.attributive(doc.lang)(word, noun)


_FUNCTION_WORDS = frozenset(
    [
        "with",
        "from",
        "between",
        "that",
        "this",
        "these",
        "those",
        "their",
        "about",
        "into",
        "over",
        "after",
        "before",
        "under",
        "among",
        "against",
        "avec",
        "entre",
        "pour",
        "dans",
        "sous",
        "vers",
        "chez",
        "cette",
        "leur",
        "leurs",
        "sans",
        "selon",
        "contre",
        "mit",
        "zwischen",
        "über",
        "unter",
        "gegen",
        "sobre",
        "para",
    ]
)
MODIFIERS = 2  # words next to a trigger that may qualify it ("military pact", "pacte militaire")


def object_phrase(sentence: Sentence, cues: SentenceCues, t0: int, t1: int, lang: str) -> str:
    """The trigger and the words that qualify it, lower case: "military pact", "pacte militaire".

    Qualifiers are plain words (no names, no cue words, no function words) right before the
    trigger, or right after it in languages that put adjectives after the noun.
    """
    cued = {i for matches in cues.found.values() for m in matches for i in range(m.first, m.last)}
    named = {i for m in sentence.mentions for i in range(m.first, m.last)}

    def qualifier(index: int) -> bool:
        form = sentence.forms[index] if 0 <= index < len(sentence.forms) else ""
        return form.isalpha() and len(form) > 3 and index not in cued | named and form.lower() not in _FUNCTION_WORDS

    before = t0
    while before > 0 and t0 - before < MODIFIERS and qualifier(before - 1):
        before -= 1
    after = t1
    if lang in POSTPOSED:
        while after - t1 < MODIFIERS and qualifier(after):
            after += 1
    return " ".join(sentence.forms[before:after]).lower()


def object_start(sentence: Sentence, trigger_start: int, action: int) -> int:
    """Where the noun phrase of the action at token ``action`` begins: the trigger it is part of ("a
    technology *transfer*", "передачу технологий"), then back over determiners ("d'un transfert")."""
    start = trigger_start if trigger_start < action and trigger_start >= action - TRIGGER_WINDOW else action
    while start > 0 and sentence.forms[start - 1] in ARTICLES:
        start -= 1
    return start


def partner_between(sentence: Sentence, end: int, start: int) -> bool:
    """Whether only a partner phrase ("with", « avec », «с» and at most ``PARTNER_WORDS`` words, no
    punctuation) separates a plan ending at ``end`` from its object at ``start``: "обсуждал с
    северокорейским руководством закупку", "discussed with Pyongyang the supply"."""
    words = sentence.forms[end:start]
    return 1 < len(words) <= PARTNER_WORDS + 1 and words[0] in PARTNER and all(w.isalnum() for w in words)


def place_phrase(sentence: Sentence, cues: SentenceCues, start: int, end: int) -> bool:
    """Whether tokens ``[start, end)`` are only a place phrase: a `place_before` word and the proper nouns
    or names it governs (« négocier *à Vladivostok* la vente », «обсудить *в Москве* поставки»). Untagged
    languages have no proper nouns: only a name counts there."""
    if end - start < 2 or not any(m.first == start and m.last == start + 1 for m in cues.found["place_before"]):
        return False
    named = {i for m in sentence.mentions for i in range(m.first, m.last)}
    return all(i in named or sentence.tag(i).startswith("PROPN|") for i in range(start + 1, end))
