"""Language tags: declared tags are normalised, missing ones guessed from stopwords or left unknown."""

from __future__ import annotations

import pytest

from veille.language import detect_language, normalize_lang


@pytest.mark.parametrize(
    ("tag", "expected"),
    [
        ("fr-FR", "fr"),
        ("EN_us", "en"),
        (" de ", "de"),
        ("ru", "ru"),
        ("", None),
        (None, None),
        ("x", None),
        ("12", None),
    ],
)
def test_declared_tags_are_reduced_to_their_primary_subtag(tag, expected):
    assert normalize_lang(tag) == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Vladimir Poutine est arrivé à Pyongyang pour signer un traité avec la Corée du Nord", "fr"),
        ("Putin arrived in Pyongyang to sign a treaty with North Korea, the Kremlin said", "en"),
        ("Putin ist in Pjöngjang eingetroffen, um mit Nordkorea einen Vertrag zu unterzeichnen", "de"),
        ("Putin llegó a Pyongyang para firmar un tratado con Corea del Norte, según el Kremlin", "es"),
        ("Путин прибыл в Пхеньян, чтобы подписать договор с КНДР, как сообщил Кремль", "ru"),
    ],
)
def test_stopwords_identify_the_five_languages(text, expected):
    assert detect_language(text) == expected


@pytest.mark.parametrize("text", ["", "Putin Pyongyang Kim", "12 345 678", "le the"])
def test_thin_or_mixed_evidence_gives_no_language(text):
    assert detect_language(text) is None
