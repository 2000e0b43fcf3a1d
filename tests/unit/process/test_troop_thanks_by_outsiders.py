"""Round 13: thanks, praise or a confirmation of a troop deployment confirm it only when a party speaks.
A named outsider's acknowledgement ("Kyiv thanks allies…", "Zelensky remercie Séoul…", "Киев выразил
благодарность…") leaves the deployment reported; a party's, or an acknowledgement that names no
speaker, still confirms it."""

from __future__ import annotations

import pytest

from tests.unit.process.test_troop_acknowledgements import troops


@pytest.mark.parametrize(
    ("title", "lang"),
    [
        ("Kyiv thanks partners for tracking North Korean soldiers sent to Russia", "en"),
        ("Zelensky praises drone units that stopped North Korean troops fighting for Russia", "en"),
        ("Washington confirmed the deployment of North Korean troops to Russia", "en"),
        ("Zelensky remercie ses alliés d'avoir suivi les soldats nord-coréens envoyés en Russie", "fr"),
        ("Kiev salue les unités qui ont repoussé les soldats nord-coréens déployés en Russie", "fr"),
        ("Киев выразил благодарность союзникам за данные об отправке военных КНДР в Россию", "ru"),
        ("Зеленский поблагодарил партнеров за сведения о переброске войск КНДР в Россию", "ru"),
    ],
)
def test_an_outsiders_thanks_do_not_confirm_the_deployment(detect, title, lang):
    assert troops(detect(title, lang=lang, published="2025-05-02"))[:2] == (("PRK", "RUS"), "reported")


@pytest.mark.parametrize(
    ("title", "lang"),
    [
        ("Lavrov thanks North Korean soldiers who fought alongside Russian units", "en"),
        ("Kim Jong Un grateful to Russia for honouring North Korean soldiers who fell in Kursk", "en"),
        ("Le Kremlin remercie les soldats nord-coréens pour leur rôle dans la région de Koursk", "fr"),
        ("Шойгу поблагодарил северокорейских военнослужащих за участие в боях за Россию", "ru"),
        ("Seoul says Putin thanked North Korean soldiers for fighting in Kursk", "en"),
    ],
)
def test_a_partys_thanks_still_confirm_it(detect, title, lang):
    assert troops(detect(title, lang=lang, published="2025-05-02"))[:2] == (("PRK", "RUS"), "confirmed")
