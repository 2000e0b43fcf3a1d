"""The cue layout of one sentence: language cues matched once, clauses, comma segments, distances.

Clauses are cut at the profile's clause breaks ("but", ";", "as"…); segments also at commas and
dashes, except that a segment made only of names joins the next one ("Russia, North Korea sign…").
Distances between words skip names, so parties in between do not push a cue out of reach.
"""

from __future__ import annotations

from collections.abc import Sequence

from process.document import Sentence
from process.languages import LanguageProfile
from process.lexicon import Match

LIST_WORDS = frozenset({"and", "et", "s", "n", "y", "und", "then", "puis"})
DETERMINERS = frozenset({"the", "la", "le", "l", "les"})  # may sit between a preposition and a name
GERUND, GERUND_MIN = "ing", 4  # the English -ing form after a `gerund_break` ("while fighting"; not "king")


class SentenceCues:
    """The language cues of one sentence, matched once, with its clause and segment layout."""

    def __init__(self, sentence: Sentence, profile: LanguageProfile) -> None:
        self.profile = profile
        forms, lemmas = sentence.forms, sentence.lemmas
        self.found: dict[str, list[Match[str]]] = profile.cue_index.find(forms, lemmas)
        # "will never forget their feat", « n'oubliera jamais »: a promise of remembrance affirms; its
        # negation words negate nothing
        kept = {i for m in self.found["remembrance"] for i in range(m.first, m.last)}
        self.found["negation"] = [m for m in self.found["negation"] if m.first not in kept]
        # a question particle is written in lower case; a capitalised «Ли» is a Korean surname ("с министром
        # общественной безопасности КНДР Ли Тхэ Сопом"), which asks nothing
        self.found["question_particle"] = [m for m in self.found["question_particle"] if m.first not in sentence.titled]
        # A headline colon joins topic and statement ("Russia-DPRK treaty: signing set for Wednesday").
        # "dismissed as baseless claims that…": a break word right after a denial introduces what is
        # denied, in the denial's clause
        denials = {m.last for m in self.found["denial"]}
        breaks = {
            m.first
            for m in self.found["clause_break"]
            if (sentence.index or forms[m.first] != ":") and m.first not in denials
        }
        # "wounded while fighting for Russia": a break word before an -ing form opens a reduced clause whose
        # subject is the main clause's, no clause of its own
        breaks -= {
            m.first
            for m in self.found["gerund_break"]
            if m.last < len(forms) and len(forms[m.last]) > GERUND_MIN and forms[m.last].endswith(GERUND)
        }
        # "но" opens a clause at the sentence start or after a comma or dash; in mid-phrase it is a Korean
        # surname ("министр обороны Но Гван Чхоль", "министр Но")
        breaks |= {m.first for m in self.found["pause_break"] if m.first == 0 or not forms[m.first - 1].isalnum()}
        # "as many as 30,000 soldiers": a quantity's own words ("as") and a number's thousands comma split
        # nothing
        breaks -= {i for m in self.found["quantity"] for i in range(m.first, m.last)}
        unsplit = {  # a number's thousands comma
            i
            for i, form in enumerate(forms)
            if form == "," and 0 < i < len(forms) - 1 and forms[i - 1].isdigit() and forms[i + 1].isdigit()
        }
        # «после того, как», «с тех пор, как»: the comma inside a compound conjunction cuts no segment
        unsplit |= {i for m in self.found["joined_comma"] for i in range(m.first, m.last) if forms[i] == ","}
        self.clause: list[int] = []
        self.segment: list[int] = []
        clause = segment = count = 0
        resumed: list[int] = []  # "о ракете (KN-23), переданной Пхеньяном": the clause goes on after an aside
        for index, form in enumerate(forms):
            if index in breaks:
                count += 1
                segment += 1
                if form == "(":
                    resumed.append(clause)
                clause = resumed.pop() if form == ")" and resumed else count
            elif form in {",", "—", "-"} and index not in unsplit:
                segment += 1
            self.clause.append(clause)
            self.segment.append(segment)
        named = {i for m in sentence.mentions for i in range(m.first, m.last)}
        self._merge_name_lists(forms, named)
        self._words_before = [0]  # words outside names before each token: distances skip names
        for index in range(len(forms)):
            self._words_before.append(self._words_before[-1] + (index not in named))
        self.context_from: dict[int, int] = {}
        # "about half of the shells", "about 100 missiles": an approximation, not a topic
        quantities = {m.first for m in self.found["quantity"]}
        particles = {m.last - 1 for m in self.found["phrasal"]}  # "handed *over* … to North Korea": a particle
        for match in self.found["context"]:
            following = forms[match.last] if match.last < len(forms) else ""
            if following[:1].isdigit() or match.last in quantities or match.first in particles:
                continue
            self.context_from.setdefault(self.segment[match.first], match.first)

    def _merge_name_lists(self, forms: Sequence[str], named: set[int]) -> None:
        """Join a segment made only of names ("Russia, North Korea sign…") to the next one."""
        wordy = {
            self.segment[i]
            for i, form in enumerate(forms)
            if form.isalnum() and i not in named and form not in LIST_WORDS
        }
        clause_of = dict(zip(self.segment, self.clause, strict=True))
        target: dict[int, int] = {}
        for segment in sorted(clause_of, reverse=True):
            following = target.get(segment + 1)
            merge = segment not in wordy and following is not None and clause_of[segment + 1] == clause_of[segment]
            target[segment] = following if merge else segment
        self.segment = [target[s] for s in self.segment]

    def gap(self, start: int, end: int) -> int:
        """Words between tokens ``start`` and ``end`` (exclusive), not counting names."""
        return self._words_before[max(end, start)] - self._words_before[start]

    def near(self, kind: str, start: int, end: int) -> list[Match[str]]:
        """Cues of ``kind`` that overlap tokens ``[start, end)``."""
        return [m for m in self.found[kind] if m.first < end and m.last > start]

    def governing(self, kind: str, index: int, reach: int) -> list[Match[str]]:
        """Cues of ``kind`` ending before token ``index`` in its segment, at most ``reach`` words (names
        aside) before it: the preposition or phrase that governs it ("after months of *denials*")."""
        return [
            m
            for m in self.found[kind]
            if m.last <= index and self.segment[m.first] == self.segment[index] and self.gap(m.last, index) <= reach
        ]

    def in_clause(self, kind: str, index: int) -> list[Match[str]]:
        """Cues of ``kind`` in the clause of token ``index``."""
        return [m for m in self.found[kind] if self.clause[m.first] == self.clause[index]]

    def in_context(self, index: int) -> bool:
        """Whether token ``index`` follows a context preposition in its segment ("amid…")."""
        start = self.context_from.get(self.segment[index])
        return start is not None and index > start
