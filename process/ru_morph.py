"""spaCy components for Russian morphology from pymorphy3, on one ``MorphAnalyzer`` per process.

spaCy's Russian models are not on PyPI, so the ``ru`` pipeline is blank:

- ``veille_pymorphy3_tagger`` gives each token the part of speech and features of pymorphy3's most
  probable parse (OpenCorpora tags mapped to Universal Dependencies by spaCy's own ``oc2ud``);
- ``veille_pymorphy3_lemmatizer`` is spaCy's ``ru`` lemmatizer in ``pymorphy3`` mode, which then
  picks the lemma that agrees with that POS; the event rules read ``Tense=Fut`` (``подпишут``,
  ``посетит``) as a pending action.

Both use ``analyzer()``: spaCy's own lemmatizer factory would load a second copy of the
dictionaries (about 21 MB of the process worker's memory). ``participles`` serves the lexicons on
the same analyzer: a one-word verb entry (``прибыл``, ``отправил*``) also stands for the
participles and gerunds of its verb (``прибывший``, ``отправленные``, ``находящийся``), as word
forms, so that triggers (probed before spaCy runs) and cues need not list them. The dictionaries
ship in the ``pymorphy3-dicts-ru`` wheel: nothing is downloaded.
"""

from __future__ import annotations

from functools import cache, lru_cache

from pymorphy3 import MorphAnalyzer
from pymorphy3.analyzer import Parse
from spacy.lang.ru.lemmatizer import RussianLemmatizer, oc2ud
from spacy.language import Language
from spacy.tokens import Doc

NAME = "veille_pymorphy3_tagger"
LEMMATIZER = "veille_pymorphy3_lemmatizer"
VERB_TAGS = frozenset({"VERB", "INFN", "PRTF", "PRTS", "GRND"})  # OpenCorpora: finite, infinitive, participles, gerund
PARTICIPLE_TAGS = frozenset({"PRTF", "PRTS", "GRND"})
# Two-aspect verbs that pymorphy3's dictionary lists as perfective only, so that their present reads
# as a future ("саперы разминируют поля"); the others tie a perfective future with an imperfective
# present and are read by ``_present_first``.
TWO_ASPECT = frozenset({"разминировать"})


@cache
def analyzer() -> MorphAnalyzer:
    """The process's one Russian ``MorphAnalyzer`` (built on first use)."""
    return MorphAnalyzer(lang="ru")


def participles(entry: str) -> tuple[str, ...]:
    """Every participle and gerund form of the verb that the lexicon ``entry`` spells.

    ``entry`` is one word, or a prefix ending in ``*`` that is itself a form (``отправил*``): its
    participles (``отправленные``, ``отправивший``…) in every case, number and gender. Finite forms
    are left as the lexicon lists them (a writer may have left one out on purpose: ``упала``, not
    ``упали``). Empty when pymorphy3's likeliest parse is not a dictionary verb form (``прибыли``
    reads as "profits", ``переда*`` is no word), and for names (capitalised, ``=``/``~`` marks).
    """
    word = entry.rstrip("*")
    if not word.isalpha() or not word[0].islower():
        return ()
    parse = analyzer().parse(word)[0]
    if not parse.is_known or parse.tag.POS not in VERB_TAGS:
        return ()
    return tuple(dict.fromkeys(form.word for form in parse.lexeme if form.tag.POS in PARTICIPLE_TAGS))


@lru_cache(maxsize=4096)
def known_word(word: str) -> bool:
    """Whether pymorphy3's dictionary knows ``word`` (any case) in some parse, rather than guessing it
    from its ending ("Кремля", "кремлёвский" are known; "Кремлен", of "Кремлен-Бисетр", is not)."""
    return any(parse.is_known for parse in analyzer().parse(word.lower()))


@lru_cache(maxsize=4096)
def geographic(word: str) -> bool:
    """Whether pymorphy3's dictionary knows ``word`` as a place's name in some parse ("Россия", "РФ", "Пхеньян",
    "Хабаровск"; not "Росавиация", "Роскосмос", "Газпром", which name bodies)."""
    return any(parse.is_known and "Geox" in parse.tag for parse in analyzer().parse(word.lower()))


def attributive(word: str, noun: str) -> bool:
    """Whether ``word`` may be an adjective that agrees in case and number with ``noun`` read as a noun
    ("военные заводы", "военные поставки"; not "солдаты армии"), over all of pymorphy3's parses. A
    ``noun`` that also reads as a finite verb of the adjective's number is the predicate of a
    substantivised adjective ("военные *прибыли*": arrived, not profits; "военные стали")."""
    morph = analyzer()
    parses = morph.parse(noun.lower())
    nouns = {(p.tag.case, p.tag.number) for p in parses if p.tag.POS == "NOUN"}
    verbs = {p.tag.number for p in parses if p.tag.POS == "VERB"}
    return any(
        p.is_known and p.tag.POS == "ADJF" and (p.tag.case, p.tag.number) in nouns and p.tag.number not in verbs
        for p in morph.parse(word.lower())
    )


class Pymorphy3Tagger:
    """Sets ``pos_`` and ``morph`` of Cyrillic words from their most probable pymorphy3 parse."""

    def __init__(self) -> None:
        self.analyzer = analyzer()
        parse = self.analyzer.parse

        @lru_cache(maxsize=65536)
        def tag(word: str) -> tuple[str, str]:
            pos, features = oc2ud(_present_first(parse(word)))
            return pos, "|".join(f"{k}={v}" for k, v in sorted(features.items()))

        self._tag = tag

    def __call__(self, doc: Doc) -> Doc:
        """Tag ``doc`` in place (tokens without Cyrillic letters keep their empty tags)."""
        for token in doc:
            text = token.text
            if text.isalpha() and not text.isascii():
                pos, morph = self._tag(text)
                token.pos_ = pos
                token.set_morph(morph or None)
        return doc


def _present_first(parses: list[Parse]) -> str:
    """The OpenCorpora tag of the likeliest parse, except that a two-aspect verb reads as a present:
    when a future parse ties with a present one of the same verb ("атакуют", "дислоцируют",
    "экспортируют"), or the verb is in ``TWO_ASPECT``. News tell what is being done; a plan has its
    own words ("будут", "планируют")."""
    best = parses[0]
    if "futr" not in best.tag:
        return str(best.tag)
    for other in parses[1:]:
        if "pres" in other.tag and other.normal_form == best.normal_form and other.score >= best.score:
            return str(other.tag)
    return str(best.tag).replace("futr", "pres") if best.normal_form in TWO_ASPECT else str(best.tag)


class SharedAnalyzerLemmatizer(RussianLemmatizer):
    """spaCy's ``ru`` lemmatizer in ``pymorphy3`` mode on ``analyzer()`` instead of a copy of its own."""

    def __init__(self, nlp: Language, name: str) -> None:
        # RussianLemmatizer builds a MorphAnalyzer only when it finds no ``_morph`` already set.
        self._morph = analyzer()
        super().__init__(nlp.vocab, None, name, mode="pymorphy3")


@Language.factory(NAME)
def make_pymorphy3_tagger(nlp: Language, name: str) -> Pymorphy3Tagger:
    """Factory registered under ``veille_pymorphy3_tagger``."""
    return Pymorphy3Tagger()


@Language.factory(LEMMATIZER, assigns=["token.lemma"])
def make_pymorphy3_lemmatizer(nlp: Language, name: str) -> SharedAnalyzerLemmatizer:
    """Factory registered under ``veille_pymorphy3_lemmatizer``."""
    return SharedAnalyzerLemmatizer(nlp, name)
