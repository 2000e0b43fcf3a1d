"""Families of reports the extractor used to miss: third-party attributions, indirect evidence of an
arms transfer, "the North", launches named by unit or missile, captures, meetings in a party's city."""

from __future__ import annotations

import pytest

from tests.unit.process.conftest import event


@pytest.mark.parametrize(
    ("title", "lang", "expected"),
    [
        ("North Korean-made missile debris found in Kharkiv, Ukrainian prosecutors say", "en", ("PRK", "RUS")),
        ("Missiles supplied by North Korea are failing in Ukraine, Kyiv says", "en", ("PRK", "RUS")),
        ("Russia fired North Korean ballistic missiles at Ukraine, White House says", "en", ("PRK", "RUS")),
        ("Half of Russia's artillery shells now come from North Korea, Kyiv says", "en", ("PRK", "RUS")),
        ("La moitié des obus tirés par l'armée russe proviennent de Corée du Nord, affirme Kiev", "fr", ("PRK", "RUS")),
        ("Буданов: половина снарядов российской армии поступает из КНДР", "ru", ("PRK", "RUS")),
        ("Украинская прокуратура: в Харькове найдены обломки ракеты производства КНДР", "ru", ("PRK", "RUS")),
    ],
)
def test_indirect_evidence_of_an_arms_transfer_names_maker_and_user(detect, title, lang, expected):
    found = event(detect(title, lang=lang, published="2024-11-20"), "arms_transfer")
    assert found is not None and found[0] == ("PRK", "RUS") and (found[2], found[3]) == expected


@pytest.mark.parametrize(
    ("title", "lang"),
    [
        ("Russia's missiles hit Kharkiv overnight", "en"),  # a front names the user, never the maker itself
        ("Iran sent more Shahed drones to Russia, Kyiv says", "en"),
        ("North Korea fires artillery shells into sea near western border", "en"),
        ("Le Kremlin dément avoir acheté des obus nord-coréens", "fr"),
    ],
)
def test_no_transfer_between_the_pair_without_both_ends(detect, title, lang):
    found = event(detect(title, lang=lang, published="2024-11-20"), "arms_transfer")
    assert found is None or found[0] != ("PRK", "RUS")


@pytest.mark.parametrize(
    ("title", "lang", "claimed_by"),
    [
        ("La Corée du Nord a fourni des missiles à Moscou, affirme le renseignement sud-coréen", "fr", "KOR"),
        ("North Korean troops fought in Kursk, said a senior South Korean lawmaker", "en", "KOR"),
    ],
)
def test_an_inverted_reporting_verb_belongs_to_the_words_after_it(detect, title, lang, claimed_by):
    events = detect(title, lang=lang, published="2024-11-20").events
    assert events and events[0].claimed_by == claimed_by


def test_a_deployment_told_by_a_third_party_inverted_stays_reported(detect):
    title = "Des soldats nord-coréens sont arrivés dans la région de Koursk, affirme le renseignement ukrainien"
    found = event(detect(title, lang="fr", published="2024-10-25"), "troop_deployment")
    assert found is not None and found[1] == "reported" and found[4] == "UKR"


@pytest.mark.parametrize(
    ("title", "lang"),
    [
        ("Ukraine captures two North Korean soldiers in Kursk region", "en"),
        ("L'Ukraine capture deux soldats nord-coréens dans la région de Koursk", "fr"),
    ],
)
def test_a_captor_named_before_the_troops_does_not_cancel_the_deployment(detect, title, lang):
    found = event(detect(title, lang=lang, published="2025-01-11"), "troop_deployment")
    assert found is not None and (found[2], found[3]) == ("PRK", "RUS")


def test_a_country_reacting_before_the_troops_still_cancels_them(detect):
    title = "Seoul summons Russian ambassador over North Korean troop deployment"
    assert event(detect(title, published="2024-10-30"), "troop_deployment") is None


@pytest.mark.parametrize(
    ("title", "lang", "launcher"),
    [
        ("South Korea's military says North fired a ballistic missile into the East Sea", "en", "PRK"),
        ("Séoul affirme que le Nord a tiré un missile balistique", "fr", "PRK"),
        ("В Сеуле заявили, что Север запустил баллистическую ракету", "ru", "PRK"),
        ("Strategic Rocket Forces launch Yars ICBM from Plesetsk", "en", "RUS"),
        ("Pacific Fleet submarine test-fires Kalibr cruise missiles", "en", "RUS"),
        ("Фрегат «Адмирал Головко» выполнил стрельбу ракетой «Циркон»", "ru", "RUS"),
        ("KCNA says Hwasong-19 launch was a success", "en", "PRK"),
    ],
)
def test_a_launch_named_by_the_north_a_unit_or_a_missile_has_its_state(detect, title, lang, launcher):
    found = event(detect(title, lang=lang, published="2024-11-01"), "missile_launch")
    assert found is not None and found[0] == (launcher,)


@pytest.mark.parametrize(
    ("title", "lang"),
    [
        ("Storm batters the North of England", "en"),
        ("South Korean shipbuilders win North Sea wind farm contracts", "en"),
        ("US Pacific Fleet holds drills with 29 nations", "en"),
        ("Снаряд калибра 152 мм нашли на пляже", "ru"),
        ("Tempête sur le Nord : la SNCF suspend ses trains", "fr"),
    ],
)
def test_namesakes_of_the_north_and_of_russian_systems_are_no_mention(detect, title, lang):
    assert detect(title, lang=lang).entities == ()


@pytest.mark.parametrize(
    ("title", "lang", "stage"),
    [
        ("Ким Чен Ын встретился с Лавровым в Вонсане", "ru", "held"),
        ("Kim Jong Un meets Lavrov in Wonsan", "en", "held"),
        ("Poutine et Kim s'entretiendront à Pyongyang mercredi", "fr", "announced"),
    ],
)
def test_a_meeting_in_a_partys_city_is_a_visit(detect, title, lang, stage):
    found = event(detect(title, lang=lang, published="2025-07-12"), "visit")
    assert found is not None and found[1] == stage


@pytest.mark.parametrize(
    ("title", "lang"),
    [
        ("Лавров провел телефонные переговоры с Чхве Сон Хи", "ru"),
        ("Lavrov met the ambassador of North Korea in Moscow", "en"),
        ("Lavrov met North Korea's foreign minister on the sidelines of a summit in Laos", "en"),
    ],
)
def test_talks_by_phone_elsewhere_or_with_an_envoy_are_no_visit(detect, title, lang):
    assert event(detect(title, lang=lang, published="2024-11-02"), "visit") is None


@pytest.mark.parametrize(
    ("title", "lang", "launcher"),
    [
        ("Poutine confirme avoir frappé Dnipro avec un nouveau missile balistique", "fr", ("RUS",)),
        ("South Korea says North Korea fired a ballistic missile into the sea", "en", ("PRK",)),
        ("Japan says it detected a North Korean ballistic missile launch", "en", ("PRK",)),
        ("Ukraine says it fired Neptune missiles at Russian ship in Crimea", "en", None),
        ("Kiev affirme avoir frappé un navire russe avec des missiles Neptune", "fr", None),
    ],
)
def test_a_target_after_the_action_is_no_launcher_and_a_speakers_own_strike_is_no_launch(detect, title, lang, launcher):
    found = event(detect(title, lang=lang, published="2024-11-21"), "missile_launch")
    assert (found[0] if found else None) == launcher


def test_russias_security_council_secretary_is_russia_not_the_un(detect):
    found = event(
        detect("Security Council Secretary Sergei Shoigu arrives in Pyongyang", published="2025-06-04"), "visit"
    )
    assert found is not None and found[0] == ("PRK", "RUS")


def test_the_mineral_zircon_is_no_mention_of_russia(detect):
    assert detect("Zircon jewellery sales soar in Japan").entities == ()
