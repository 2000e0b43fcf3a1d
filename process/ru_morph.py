"""spaCy component ``veille_pymorphy3_tagger``: Russian POS and morphology from pymorphy3.

spaCy's Russian models are not on PyPI, so the ``ru`` pipeline is blank. This component gives each
token the part of speech and features of pymorphy3's most probable parse (OpenCorpora tags mapped
to Universal Dependencies by spaCy's own ``oc2ud``). It runs before spaCy's ``ru`` lemmatizer in
``pymorphy3`` mode, which then picks the lemma that agrees with that POS; the event rules read
``Tense=Fut`` (``подпишут``, ``посетит``) as a pending action.
The dictionaries ship in the ``pymorphy3-dicts-ru`` wheel: nothing is downloaded.
"""

from __future__ import annotations

from functools import lru_cache

from pymorphy3 import MorphAnalyzer
from spacy.lang.ru.lemmatizer import oc2ud
from spacy.language import Language
from spacy.tokens import Doc

NAME = "veille_pymorphy3_tagger"


class Pymorphy3Tagger:
    """Sets ``pos_`` and ``morph`` of Cyrillic words from their most probable pymorphy3 parse."""

    def __init__(self) -> None:
        analyzer = MorphAnalyzer(lang="ru")

        @lru_cache(maxsize=65536)
        def tag(word: str) -> tuple[str, str]:
            pos, features = oc2ud(str(analyzer.parse(word)[0].tag))
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


@Language.factory(NAME)
def make_pymorphy3_tagger(nlp: Language, name: str) -> Pymorphy3Tagger:
    """Factory registered under ``veille_pymorphy3_tagger``."""
    return Pymorphy3Tagger()
