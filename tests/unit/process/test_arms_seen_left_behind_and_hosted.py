"""Arms transfers (arms27b): weapons found, captured or seen in the other's hands. A weapon system's name keeps the
demonym before it ("Russian Tor launchers"); mortars, machine guns, armoured cars and guidance know-how are weapons;
weapons left behind by a side's troops or seized when retaking its position were in its hands; a unit that seizes or
lifts weapons found them; a weapon seen in images was spotted; an official received in the other's capital is a
guest, no receiver of weapons."""

from __future__ import annotations

import pytest

from tests.unit.process.test_arms_families import arms


@pytest.mark.parametrize(
    ("title", "summary", "lang"),
    [
        (
            "Russian Pantsir systems seen at a North Korean airfield",
            "Satellite images show at least three launchers near the runway.",
            "en",
        ),
        (
            "Russian Buk air defence systems sighted near Pyongyang, analysts say",
            "The batteries appeared in imagery taken last month.",
            "en",
        ),
    ],
)
def test_a_weapon_systems_name_keeps_the_demonym_before_it(detect_rules, title, summary, lang):
    found = arms(detect_rules(title, summary, lang=lang))
    assert found is not None and found[1:] == ("reported", "RUS", "PRK")


def test_a_capitalised_word_that_names_no_weapon_still_makes_another_proper_noun(detect_rules):
    # guard: "Russian Tea Room" is a restaurant, no Russian deed
    found = arms(
        detect_rules(
            "Russian Tea Room diners see North Korean missiles on the news",
            "The restaurant screened the parade.",
        )
    )
    assert found is None


@pytest.mark.parametrize(
    ("title", "summary", "lang", "expected"),
    [
        (
            "Engineers find North Korean mortars near Vuhledar",
            "The mortars were left behind by Russian troops retreating from the village, officers said.",
            "en",
            ("reported", "PRK", "RUS"),
        ),
        (
            "Une mitrailleuse nord-coréenne saisie lors de la reprise d'une position russe",
            "Des soldats ukrainiens ont filmé l'arme près de Pokrovsk.",
            "fr",
            ("reported", "PRK", "RUS"),
        ),
        (
            "Des mortiers nord-coréens abandonnés par les troupes russes près de Koupiansk",
            "Les marquages coréens ont été photographiés par une brigade ukrainienne.",
            "fr",
            ("reported", "PRK", "RUS"),
        ),
        (
            "Под Купянском ВСУ взяли трофеями северокорейские пулемёты",
            "Пулемёты захвачены на позиции российских войск, сообщили военные.",
            "ru",
            ("reported", "PRK", "RUS"),
        ),
        (
            "На кадрах с парада в Пхеньяне видны российские бронемашины",
            "Южнокорейские военные считают, что их поставили этой весной.",
            "ru",
            ("reported", "RUS", "PRK"),
        ),
        (
            "На снимках аэродрома под Пхеньяном разглядели российские вертолёты Ми-8",
            "Ранее таких машин у КНДР не было.",
            "ru",
            ("reported", "RUS", "PRK"),
        ),
    ],
)
def test_weapons_left_captured_or_seen_in_the_others_hands(detect_rules, title, summary, lang, expected):
    found = arms(detect_rules(title, summary, lang=lang))
    assert found is not None and found[1:] == expected


@pytest.mark.parametrize(
    ("title", "summary", "lang"),
    [
        (
            "Ukrainian deminers lift North Korean-made mines near Kupiansk",
            "Sappers said the anti-tank mines left behind by Russian units bore Korean markings.",
            "en",
        ),
        (
            "Une brigade ukrainienne s'empare de mortiers nord-coréens",
            "Les mortiers de fabrication nord-coréenne ont été saisis lors de la reprise d'une position russe.",
            "fr",
        ),
    ],
)
def test_a_unit_that_lifts_or_seizes_weapons_found_them(detect_rules, title, summary, lang):
    found = arms(detect_rules(title, summary, lang=lang))
    assert found is not None and found[1:] == ("reported", "PRK", "RUS")


@pytest.mark.parametrize(
    ("title", "summary", "lang"),
    [
        (
            "Séoul : la Russie a fourni à Pyongyang des technologies de guidage",
            "Elles auraient servi au dernier missile testé, selon le renseignement sud-coréen.",
            "fr",
        ),
        (
            "Seoul says Russia transferred guidance technology to North Korea",
            "Lawmakers cited the intelligence service.",
            "en",
        ),
    ],
)
def test_guidance_know_how_is_a_weapon(detect_rules, title, summary, lang):
    found = arms(detect_rules(title, summary, lang=lang))
    assert found is not None and found[1:] == ("reported", "RUS", "PRK")


def test_mortar_crews_are_people_not_mortars(detect_rules):
    # guard: «миномётчики» are gunners, as «гранатомётчики» are
    found = arms(
        detect_rules(
            "Северокорейские минометчики воюют на стороне России, заявил Киев",
            "По данным разведки, они прибыли осенью.",
            lang="ru",
        )
    )
    assert found is None


def test_an_official_received_in_the_capital_is_a_guest(detect_rules):
    found = arms(
        detect_rules(
            "Coopération militaire : Moscou et Pyongyang fixent un calendrier",
            "La Russie fournira à la Corée du Nord des équipements pour ses unités de drones, "
            "a annoncé un général russe reçu à Pyongyang.",
            lang="fr",
        )
    )
    assert found is not None and found[1:] == ("announced", "RUS", "PRK")
