"""A text signed in the host's capital by the other state's resident ambassador names no one who travelled:
the agreement is signed, no visit is held; a minister signing beside the ambassador still travelled."""

from __future__ import annotations

import pytest

from tests.unit.process.conftest import stage


@pytest.mark.parametrize(
    ("lang", "title", "summary"),
    [
        (
            "en",
            "Russia and North Korea sign memorandum on veterinary inspections",
            "The memorandum was signed in Pyongyang by North Korea's agriculture minister and Russian Ambassador "
            "Alexander Matsegora on Monday.",
        ),
        (
            "fr",
            "Moscou et Pyongyang signent un accord sur les archives",
            "L'accord a été signé à Pyongyang par le ministre nord-coréen de la Culture et l'ambassadeur de Russie "
            "lundi.",
        ),
        (
            "ru",
            "Россия и КНДР подписали соглашение о сотрудничестве архивов",
            "Документ подписали в Пхеньяне министр культуры КНДР и посол России Александр Мацегора.",
        ),
    ],
)
def test_a_text_signed_by_a_resident_ambassador_is_no_visit(detect_rules, lang, title, summary):
    detection = detect_rules(title, summary, lang=lang, published="2025-03-12")
    assert stage(detection, "agreement") == "signed"
    assert stage(detection, "visit") is None


def test_a_minister_signing_beside_the_ambassador_still_travelled(detect_rules):
    detection = detect_rules(
        "Russia and North Korea sign memorandum on veterinary inspections",
        "The memorandum was signed in Pyongyang by North Korea's agriculture minister and Russia's agriculture "
        "minister Oksana Lut, with the Russian ambassador attending.",
        published="2025-03-12",
    )
    assert stage(detection, "visit") == "held"
