"""Round (10) families of launches and troop deployments: targets named before the launcher, weapons'
makers, launches told by "hit"/"tirant", possibilities and promises, "no sign of", artillery drills,
"on the eve of", compound adjectives in an opening clause, headline speakers, pending verbs that
govern a place, partisans and hearsay, publications by a party."""

from __future__ import annotations

import pytest

from tests.unit.process.conftest import event


def launch(detection):
    """(launcher, stage) of the first launch, or None."""
    found = event(detection, "missile_launch")
    return (found[0], found[1]) if found else None


@pytest.mark.parametrize(
    ("title", "lang"),
    [
        ("Massive strike against Ukraine: Russia fired 40 missiles overnight", "en"),
        ("Frappe massive contre l'Ukraine : la Russie a tiré 40 missiles dans la nuit", "fr"),
        ("По объектам энергетики Украины нанесен удар ракетами «Калибр»", "ru"),
    ],
)
def test_a_target_named_before_the_launcher_is_no_other_states_story(detect, title, lang):
    assert launch(detect(title, lang=lang, published="2025-03-08")) == (("RUS",), "held")


@pytest.mark.parametrize(
    ("title", "lang"),
    [
        ("Prosecutors say the missile that hit Odesa was North Korean-made", "en"),
        ("Le missile qui a frappé Odessa était fabriqué en Corée du Nord, selon le parquet", "fr"),
    ],
)
def test_the_maker_of_a_weapon_is_not_its_launcher(detect, title, lang):
    assert launch(detect(title, lang=lang, published="2024-02-10")) is None


def test_hit_with_a_missile_is_a_launch(detect):
    title = "Putin says Russian forces hit a Ukrainian airbase with Kinzhal missiles"
    assert launch(detect(title, published="2024-05-02")) == (("RUS",), "held")


def test_a_present_participle_fires_the_missiles(detect):
    detection = detect(
        "Kiev : l'armée de l'air fait état d'une nuit d'attaques",
        "La Russie a visé la capitale pendant plusieurs heures, tirant notamment quatre missiles Kinjal, "
        "selon l'armée de l'air ukrainienne.",
        lang="fr",
        published="2024-03-21",
    )
    assert launch(detection) == (("RUS",), "held")


@pytest.mark.parametrize(
    ("title", "lang"),
    [
        ("Kim Jong Un vows to launch more spy satellites this year", "en"),
        ("Le Japon estime qu'un tir de missile nord-coréen est possible cette semaine", "fr"),
        ("В Токио не исключают пуска северокорейской ракеты в ближайшие дни", "ru"),
        ("В Сеуле допустили запуск спутника КНДР до конца месяца", "ru"),
    ],
)
def test_a_possible_or_promised_launch_is_announced(detect, title, lang):
    assert launch(detect(title, lang=lang, published="2024-05-20")) == (("PRK",), "announced")


@pytest.mark.parametrize(
    ("title", "lang"),
    [
        ("Pas d'indice de tir imminent de missile nord-coréen, selon Tokyo", "fr"),
        ("No sign of imminent missile launch by North Korea, Seoul says", "en"),
    ],
)
def test_no_sign_of_a_launch_reports_none(detect, title, lang):
    assert launch(detect(title, lang=lang, published="2024-05-20")) is None


def test_an_artillery_drill_is_no_missile_launch(detect):
    title = "КНДР выпустила десятки артиллерийских снарядов в сторону пограничных островов"
    assert launch(detect(title, lang="ru", published="2024-01-06")) is None


def test_on_the_eve_of_another_event_is_no_earlier_launch(detect):
    title = "Tir de missile nord-coréen à la veille d'un sommet entre Séoul et Tokyo"
    assert launch(detect(title, lang="fr", published="2024-05-25")) == (("PRK",), "held")


def test_a_compound_adjective_in_an_opening_clause_is_a_circumstance(detect):
    title = "As US-Japanese exercises start, the North launches ballistic missiles"
    detection = detect(title, "Seoul's military said the missiles flew about 300 km.", published="2024-06-26")
    assert launch(detection) == (("PRK",), "held")


def test_a_failed_launch_told_by_a_noun_is_held(detect):
    title = "Nouvel échec pour le lancement d'une fusée nord-coréenne"
    assert launch(detect(title, lang="fr", published="2024-05-28")) == (("PRK",), "held")


def test_a_third_states_spokesman_before_a_headline_colon_is_a_speaker(detect):
    found = event(
        detect("EU's Borrell: North Korean troops deployed to Russia", published="2024-11-05"), "troop_deployment"
    )
    assert found is not None and found[1] == "reported" and (found[2], found[3]) == ("PRK", "RUS")


def test_a_pending_verb_governs_the_place_after_the_troops(detect):
    title = "Pyongyang va dépêcher des sapeurs dans la région de Koursk"
    found = event(detect(title, lang="fr", published="2025-06-20"), "troop_deployment")
    assert found is not None and found[1] == "announced" and (found[2], found[3]) == ("PRK", "RUS")


def test_partisans_of_a_party_are_not_the_party(detect):
    title = "Pro-Russian channels post footage said to show North Korean soldiers near Kursk"
    found = event(detect(title, published="2024-11-30"), "troop_deployment")
    assert found is not None and found[1] == "reported" and found[4] is None


def test_a_party_publishing_images_of_the_troops_confirms_them(detect):
    title = "Moscou publie des images de soldats nord-coréens dans la région de Koursk"
    found = event(detect(title, lang="fr", published="2025-05-02"), "troop_deployment")
    assert found is not None and found[1] == "confirmed" and found[4] == "RUS"


def test_a_regiment_welcomed_back_by_a_party_is_confirmed(detect):
    title = "Kim Jong Un welcomes artillery regiment back from Kursk"
    found = event(detect(title, published="2025-08-22"), "troop_deployment")
    assert found is not None and found[1] == "confirmed" and (found[2], found[3]) == ("PRK", "RUS")


@pytest.mark.parametrize(
    ("title", "lang"),
    [
        ("Tokyo says North Korea launched a possible ballistic missile toward the sea", "en"),
        ("South Korea's navy detected a ballistic missile launch from North Korea", "en"),
        ("L'armée japonaise a détecté un tir de missile balistique nord-coréen", "fr"),
        ("Японские военные зафиксировали пуск северокорейской ракеты", "ru"),
    ],
)
def test_a_suspected_or_detected_launch_is_held(detect, title, lang):
    assert launch(detect(title, lang=lang, published="2024-09-12")) == (("PRK",), "held")


@pytest.mark.parametrize(
    ("title", "lang"),
    [
        ("North Korea sends navigational warning to Japan ahead of rocket launch", "en"),
        ("La Corée du Nord émet un avertissement de navigation avant le lancement d'une fusée", "fr"),
    ],
)
def test_a_navigational_warning_announces_a_launch(detect, title, lang):
    assert launch(detect(title, lang=lang, published="2024-05-27")) == (("PRK",), "announced")


@pytest.mark.parametrize(
    ("title", "lang", "expected"),
    [
        ("Ukrainian air force says it shot down 14 Russian cruise missiles overnight", "en", (("RUS",), "held")),
        ("La défense ukrainienne a intercepté cinq missiles russes au-dessus de Kiev", "fr", (("RUS",), "held")),
        ("Силы ПВО Украины сбили восемь российских ракет", "ru", (("RUS",), "held")),
        ("Russian air defences intercepted Ukrainian missiles over Kursk", "en", None),
        ("Russia says it shot down missiles over Belgorod", "en", None),
    ],
)
def test_intercepted_missiles_were_launched_by_the_state_that_qualifies_them(detect, title, lang, expected):
    assert launch(detect(title, lang=lang, published="2024-12-13")) == expected


def test_a_future_the_tagger_misses_keeps_a_partys_plan_announced(detect):
    title = "Pyongyang enverra des milliers de bâtisseurs militaires à Koursk, annonce Moscou"
    found = event(detect(title, lang="fr", published="2025-06-18"), "troop_deployment")
    assert found is not None and found[1] == "announced" and found[4] == "RUS"


@pytest.mark.parametrize(
    ("title", "lang"),
    [
        ("Moscow confirms North Korean engineers are working in the Kursk region", "en"),
        ("Moscou affirme que des démineurs nord-coréens sont à l'œuvre à Koursk", "fr"),
    ],
)
def test_troops_at_work_on_a_partys_soil_confirmed_by_that_party(detect, title, lang):
    found = event(detect(title, lang=lang, published="2025-05-02"), "troop_deployment")
    assert found is not None and found[1] == "confirmed" and (found[2], found[3]) == ("PRK", "RUS")


@pytest.mark.parametrize(
    ("title", "lang"),
    [
        ("Pyongyang slams US missile test as provocation", "en"),
        ("Pyongyang dénonce un essai de missile américain", "fr"),
    ],
)
def test_another_states_weapon_is_no_launch_by_the_one_who_reacts(detect, title, lang):
    assert launch(detect(title, lang=lang, published="2025-02-11")) is None


@pytest.mark.parametrize(
    ("title", "lang"),
    [
        ("Министерство обороны Японии: КНДР запустила две баллистические ракеты", "ru"),
        ("KCNA: North Korea tests new tactical weapon system", "en"),
        ("La Corée du Nord a testé une nouvelle arme tactique, selon KCNA", "fr"),
        ("A North Korean missile flew over northern Japan on Friday", "en"),
    ],
)
def test_launches_told_by_an_organ_a_weapon_or_a_flight_are_held(detect, title, lang):
    assert launch(detect(title, lang=lang, published="2025-02-11")) == (("PRK",), "held")


def test_a_payloads_owner_is_not_its_launcher(detect):
    title = "Russia launches two Iranian satellites from Vostochny"
    assert launch(detect(title, published="2025-07-25")) == (("RUS",), "held")


def test_a_front_publishing_a_video_of_a_captive_reports_the_deployment(detect):
    title = "L'Ukraine diffuse la vidéo d'un soldat nord-coréen capturé"
    found = event(detect(title, lang="fr", published="2025-01-13"), "troop_deployment")
    assert found is not None and found[1] == "reported" and (found[2], found[3]) == ("PRK", "RUS")


@pytest.mark.parametrize(
    ("title", "lang", "stage"),
    [
        ("Séoul s'attend à un nouvel envoi de soldats nord-coréens en Russie", "fr", "announced"),
        ("Putin and Kim hail North Korean troops' role in Kursk", "en", "confirmed"),
    ],
)
def test_expectations_are_plans_and_parties_hailing_troops_confirm(detect, title, lang, stage):
    found = event(detect(title, lang=lang, published="2025-05-02"), "troop_deployment")
    assert found is not None and found[1] == stage and (found[2], found[3]) == ("PRK", "RUS")


def test_an_action_word_inside_a_weapon_name_fires_nothing(detect):
    # "огня" is an action word (fire), here inside the weapon's own name: the weapons are on show
    title = "Лидер КНДР осмотрел в Пхеньяне новые реактивные системы залпового огня на оружейной выставке"
    assert launch(detect(title, lang="ru", published="2025-10-12")) is None
