"""A host receiving a guest in his own place is a visit held (lead28).

"Kim receives Sergei Shoigu in Pyongyang", « Kim Jong-un a reçu le ministre russe de la Défense à Pyongyang »,
«Ким Чен Ын принял в Пхеньяне министра обороны России»: the guest travelled. The reception counts only where
its object is a guest — a watched person's name or an official or a delegation by title — and where a watched
place names the host's ground; what a host receives that is no one (a limousine, a letter, oil, a parade, a
decision), a resident ambassador, or a guest of another state is no visit."""

from __future__ import annotations

import pytest

from tests.unit.process.conftest import stage


@pytest.mark.parametrize(
    ("title", "lang"),
    [
        ("Kim Jong Un receives Sergei Shoigu in Pyongyang", "en"),
        ("Kim Jong Un received Russian Defence Minister Andrei Belousov in Pyongyang", "en"),
        ("Putin hosts North Korean Foreign Minister Choe Son Hui at the Kremlin in Moscow", "en"),
        ("Kim Jong-un reçoit Sergueï Choïgou à Pyongyang", "fr"),
        ("Kim Jong-un a reçu le ministre russe de la Défense à Pyongyang", "fr"),
        ("Kim Jong-un reçoit une délégation militaire russe à Pyongyang", "fr"),
        ("Ким Чен Ын принял Шойгу в Пхеньяне", "ru"),
        ("Ким Чен Ын принял в Пхеньяне министра обороны России Белоусова", "ru"),
        ("Путин принял в Кремле министра иностранных дел КНДР", "ru"),
    ],
)
def test_a_host_receiving_a_guest_of_the_other_party_tells_a_visit_held(detect, title: str, lang: str) -> None:
    assert stage(detect(title, lang=lang, published="2025-06-18"), "visit") == "held"


@pytest.mark.parametrize(
    ("title", "lang"),
    [
        ("North Korea received Russian oil at Rajin port, Seoul says", "en"),
        ("Kim Jong Un receives a limousine from Putin in Pyongyang", "en"),
        ("Kim receives Putin's letter in Pyongyang", "en"),
        ("Kim Jong Un receives the Russian ambassador in Pyongyang", "en"),
        ("Russian embassy hosts Pyongyang reception for anniversary of ties", "en"),
        ("Kim Jong-un reçoit une berline offerte par Vladimir Poutine à Pyongyang", "fr"),
        ("Ким Чен Ын принял в Пхеньяне парад в честь годовщины договора с Россией", "ru"),
        ("Ким Чен Ын принял поздравление Путина в Пхеньяне", "ru"),
    ],
)
def test_a_host_receiving_no_guest_tells_no_visit(detect, title: str, lang: str) -> None:
    assert stage(detect(title, lang=lang, published="2025-06-18"), "visit") is None


def test_a_reception_of_a_third_state_guest_tells_no_visit_of_the_pair(detect) -> None:
    assert stage(detect("Kim Jong Un receives Chinese Premier Li Qiang in Pyongyang"), "visit") is None
