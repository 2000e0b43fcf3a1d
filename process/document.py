"""An article cut into analysed sentences: folded tokens, lemmas, pending verbs, entity mentions.

Sentence 0 is always the headline; sentence 1 is the lead (the summary's first sentence).
"""

from __future__ import annotations

from dataclasses import dataclass

from process.nlp import Annotation
from process.text import Token
from process.watchlist import Mention


@dataclass(frozen=True)
class Sentence:
    """One sentence: tokens, their folded forms, lemmas, pending flags, part of speech and features
    (``"NOUN|Animacy=Inan|Case=Dat|…"``, empty where the pipeline tags none), mentions (sentence-relative)
    and which tokens the text writes title-cased."""

    index: int
    start: int
    end: int
    tokens: tuple[Token, ...]
    forms: tuple[str, ...]
    lemmas: tuple[str, ...]
    future: tuple[bool, ...]
    mentions: tuple[Mention, ...]
    morph: tuple[str, ...] = ()
    titled: frozenset[int] = frozenset()  # tokens written with a capital then lower case ("Ли", not "ли")

    def tag(self, index: int) -> str:
        """Part of speech and features of token ``index`` (``""`` when untagged or out of range)."""
        return self.morph[index] if 0 <= index < len(self.morph) else ""

    def adjective(self, index: int) -> bool:
        """Whether the tagger reads token ``index`` as an adjective: so tagged, or with a case and no
        animacy (pymorphy3 tags "северокорейских" PROPN; Russian nouns carry an animacy)."""
        tag = self.tag(index)
        return tag.startswith("ADJ|") or ("Case=" in tag and "Animacy=" not in tag)


@dataclass(frozen=True)
class Document:
    """An analysed article: its text, language, reference year and sentences, and the month and day of
    its publication when known (a deed dated another month is not the news)."""

    text: str
    lang: str
    year: int | None
    sentences: tuple[Sentence, ...]
    month: int | None = None
    day: int | None = None

    def evidence(self, sentence: Sentence) -> str:
        """The original text of ``sentence``, whitespace-trimmed."""
        return self.text[sentence.start : sentence.end].strip()


def split(
    text: str,
    title_length: int,
    tokens: list[Token],
    mentions: list[Mention],
    annotation: Annotation | None,
    lang: str,
    year: int | None,
    month: int | None = None,
    day: int | None = None,
) -> Document:
    """Cut ``tokens`` into sentences at the headline end and at ``annotation``'s sentence starts.

    ``annotation`` offsets index ``text`` (None: headline and summary are one sentence each).
    """
    starts = {0, title_length + 2} if title_length < len(text) else {0}
    if annotation is not None:
        starts.update(annotation.sentence_starts)
    lemma_of = annotation.lemmas if annotation else {}
    future_of = annotation.future if annotation else frozenset()
    morph_of = annotation.morph if annotation else {}
    groups: list[list[int]] = []
    for position, token in enumerate(tokens):
        if not groups or token.start in starts or _crossed(starts, tokens[position - 1].start, token.start):
            groups.append([])
        groups[-1].append(position)
    sentences = []
    for index, group in enumerate(groups):
        first, last = group[0], group[-1] + 1
        own = tuple(
            Mention(m.entity, m.watched, m.first - first, m.last - first, m.start, m.end, m.person)
            for m in mentions
            if first <= m.first < last
        )
        span = tokens[first:last]
        sentences.append(
            Sentence(
                index=index,
                start=span[0].start,
                end=span[-1].end,
                tokens=tuple(span),
                forms=tuple(t.form for t in span),
                lemmas=tuple(lemma_of.get(t.start, t.form) for t in span),
                future=tuple(t.start in future_of for t in span),
                mentions=own,
                morph=tuple(morph_of.get(t.start, "") for t in span),
                titled=frozenset(i for i, t in enumerate(span) if text[t.start : t.end].istitle()),
            )
        )
    return Document(text, lang, year, tuple(sentences), month, day)


def _crossed(starts: set[int], previous: int, current: int) -> bool:
    """Whether a sentence start lies strictly between two consecutive token offsets."""
    return any(previous < start < current for start in starts)
