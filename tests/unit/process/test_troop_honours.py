"""Round (11): troops a party honours, welcomes home or mourns were sent by the party whose soldiers
they are (their nationality, else the honouring party's own) to where they fought; the place of the
ceremony is no destination; plans to send, tributes and memorials; the two sides of a clash; a
headline speaker the lead introduces with his state."""

from __future__ import annotations

import pytest

from tests.unit.process.test_troop_acknowledgements import troops


@pytest.mark.parametrize(
    ("title", "lang"),
    [
        ("Ким Чен Ын наградил артиллерийский полк, вернувшийся из Курской области", "ru"),
        ("Ким Чен Ын наградил саперов, вернувшихся из Курской области", "ru"),
        ("Défilé à Pyongyang : Kim Jong-un salue les bataillons qui ont combattu aux côtés de l'armée russe", "fr"),
        ("В Пхеньяне Ким Чен Ын встретил бойцов, воевавших в Курской области", "ru"),
        ("Parade in Pyongyang: Kim Jong Un honours the battalions that fought in Kursk", "en"),
    ],
)
def test_a_party_honouring_its_own_returning_soldiers_sent_them(detect, title, lang):
    assert troops(detect(title, lang=lang, published="2025-10-11")) == (("PRK", "RUS"), "confirmed", "PRK", "RUS")


@pytest.mark.parametrize(
    ("title", "lang"),
    [
        ("Шойгу на встрече в Пхеньяне поблагодарил руководство за подвиг бойцов КНДР", "ru"),
        ("Sur la place de Pyongyang, Choïgou salue les soldats nord-coréens", "fr"),
    ],
)
def test_the_honoured_soldiers_nationality_outranks_the_place_of_the_ceremony(detect, title, lang):
    assert troops(detect(title, lang=lang, published="2025-07-12")) == (("PRK", "RUS"), "confirmed", "PRK", "RUS")


@pytest.mark.parametrize(
    ("title", "lang"),
    [
        ("Pyongyang inaugure un mémorial en l'honneur des soldats morts en Russie", "fr"),
        ("Kim Jong Un opens a museum in memory of the soldiers killed in Russia", "en"),
        ("В Пхеньяне заложили памятник в честь бойцов, погибших в России", "ru"),
    ],
)
def test_a_memorial_in_tribute_to_a_partys_fallen_soldiers_confirms(detect, title, lang):
    assert troops(detect(title, lang=lang, published="2025-10-24")) == (("PRK", "RUS"), "confirmed", "PRK", "RUS")


@pytest.mark.parametrize(
    "title",
    [
        "Буданов: Пхеньян готовит к переброске в Россию еще пять тысяч военных",
        "КНДР готовится к отправке новых подразделений в Россию, заявили в Сеуле",
    ],
)
def test_preparing_troops_for_dispatch_is_a_plan(detect, title):
    assert troops(detect(title, lang="ru", published="2024-12-01")) == (("PRK", "RUS"), "announced", "PRK", "RUS")


@pytest.mark.parametrize(
    ("title", "lang"),
    [
        ("Kyiv reports fierce clashes between Ukrainian and North Korean soldiers", "en"),
        ("L'armée signale des combats entre soldats ukrainiens et nord-coréens", "fr"),
        ("North Korean and Ukrainian troops clashed for the first time", "en"),
    ],
)
def test_the_two_sides_of_a_clash_are_no_third_state(detect, title, lang):
    assert troops(detect(title, lang=lang, published="2024-11-06")) == (("PRK", "RUS"), "reported", "PRK", "RUS")


@pytest.mark.parametrize(
    ("title", "summary", "lang", "claimed"),
    [
        (
            "Petrenko: North Korean builders are already working in Kursk",
            "The first North Korean construction workers arrived, Russia's envoy in Pyongyang, Ivan Petrenko, said.",
            "en",
            "confirmed",
        ),
        (
            "Петренко: северокорейские строители уже работают в Курской области",
            "Первые строители прибыли в регион, сообщил посол России в КНДР Иван Петренко.",
            "ru",
            "confirmed",
        ),
        (
            "Petrenko: North Korean builders are already working in Kursk",
            "The first North Korean construction workers have arrived, analyst Ivan Petrenko said.",
            "en",
            "reported",
        ),
    ],
)
def test_a_headline_speaker_takes_the_state_the_lead_gives_him(detect, title, summary, lang, claimed):
    found = troops(detect(title, summary, lang=lang, published="2025-09-15"))
    assert found is not None and found[1] == claimed
