"""Arms transfers (arms26a): a tally told in the present ("Seoul's generals tally…", « recense », «насчитали»)
and a recovery on a front (« les Ukrainiens récupèrent… », "Ukrainian troops recover…") are findings, so the
finder in the headline is a source, not another country's story; ships that shuttle the cargo ("shuttle", « font
la navette », «курсируют») come to fetch it, so their state receives; weapons that arrive were sent, when they
are the verb's subject (« ces munitions arrivent de Corée du Nord »), people arriving move no weapon; who
abandoned weapons held them (« abandonnés par les troupes russes », "abandoned by Russian troops")."""

from __future__ import annotations

import pytest

from tests.unit.process.test_arms_families import arms


@pytest.mark.parametrize(
    ("title", "summary", "lang"),
    [
        (
            "Kyiv's military planners tally North Korean rockets delivered to Russia at 2,000",
            "The estimate covers the period since last spring, the planners wrote.",
            "en",
        ),
        (
            "L'état-major sud-coréen recense 200 lance-roquettes livrés à la Russie par Pyongyang",
            "Le décompte couvre les douze derniers mois, précise le document remis aux députés.",
            "fr",
        ),
        (
            "В Сеуле насчитали 200 реактивных систем залпового огня, переданных КНДР России",
            "Подсчёт охватывает последние двенадцать месяцев, говорится в документе.",
            "ru",
        ),
    ],
)
def test_a_tally_in_the_headline_is_a_finding(detect_rules, title, summary, lang):
    found = arms(detect_rules(title, summary, lang=lang))
    assert found is not None and found[1:] == ("reported", "PRK", "RUS")


@pytest.mark.parametrize(
    ("title", "summary", "lang"),
    [
        (
            "Près de Lyman, des soldats ukrainiens récupèrent des roquettes dans un entrepôt russe",
            "Selon le commandant de la brigade, ces roquettes proviennent de Corée du Nord.",
            "fr",
        ),
        (
            "Near Lyman, Ukrainian soldiers recover rockets from a Russian storage site",
            "The rockets came from North Korea, the brigade commander said.",
            "en",
        ),
    ],
)
def test_a_recovery_on_a_front_is_a_finding(detect_rules, title, summary, lang):
    found = arms(detect_rules(title, summary, lang=lang))
    assert found is not None and found[1:] == ("reported", "PRK", "RUS")


@pytest.mark.parametrize(
    ("title", "summary", "lang"),
    [
        (
            "Russian tankers shuttle North Korean rockets across the Sea of Japan, analysts find",
            "The vessels sail weekly, the study said.",
            "en",
        ),
        (
            "Des cargos russes font la navette pour acheminer des roquettes nord-coréennes",
            "Les navires partent chaque semaine, selon l'étude.",
            "fr",
        ),
        (
            "Российские суда курсируют с северокорейскими снарядами через Японское море",
            "Рейсы выполняются еженедельно, говорится в исследовании.",
            "ru",
        ),
    ],
)
def test_ships_that_shuttle_the_cargo_carry_it_for_their_state(detect_rules, title, summary, lang):
    found = arms(detect_rules(title, summary, lang=lang))
    assert found is not None and found[1:] == ("reported", "PRK", "RUS")


def test_a_diplomats_shuttle_carries_no_weapon(detect_rules):
    title = "Lavrov's shuttle diplomacy between Moscow and Pyongyang turns to missiles"
    assert arms(detect_rules(title, "The minister flew back on Friday.", lang="en")) is None


@pytest.mark.parametrize(
    ("title", "summary", "lang"),
    [
        (
            "Sur le front de Pokrovsk, les roquettes nord-coréennes « arrivent chaque semaine »",
            "Un officier ukrainien cité par l'AFP affirme que les troupes russes en manquent rarement. Ces roquettes "
            "arrivent par convois entiers, dit-il.",
            "fr",
        ),
        (
            "North Korean rockets arriving by the trainload for Russian gunners, Ukrainian officer says",
            "The officer spoke to reporters near Pokrovsk on Monday.",
            "en",
        ),
    ],
)
def test_weapons_that_arrive_were_sent(detect_rules, title, summary, lang):
    found = arms(detect_rules(title, summary, lang=lang))
    assert found is not None and found[1] == "reported" and found[2:] == ("PRK", "RUS")


@pytest.mark.parametrize(
    ("title", "summary", "lang"),
    [
        (
            "Des officiers nord-coréens arrivent en Russie, où ils verront des missiles",
            "La délégation doit rester une semaine, selon l'agence TASS.",
            "fr",
        ),
        (
            "North Korean generals arrive in Russia ahead of a missile symposium",
            "The delegation will stay a week, TASS reported.",
            "en",
        ),
        (
            "Генералы КНДР прибыли в Россию на симпозиум по ракетам",
            "Делегация пробудет неделю, сообщил ТАСС.",
            "ru",
        ),
    ],
)
def test_people_arriving_move_no_weapon(detect_rules, title, summary, lang):
    assert arms(detect_rules(title, summary, lang=lang)) is None


@pytest.mark.parametrize(
    ("title", "summary", "lang"),
    [
        (
            "Près de Lyman, des soldats ukrainiens ont découvert des roquettes abandonnées par les troupes russes",
            "La brigade a diffusé une vidéo de la prise. Selon son commandant, ces roquettes ont été expédiées en "
            "masse de Corée du Nord.",
            "fr",
        ),
        (
            "Near Lyman, Ukrainian soldiers find a rocket depot",
            "The soldiers found hundreds of rockets abandoned by Russian troops in a barn. Their commander said the "
            "rockets had been shipped in bulk out of North Korea.",
            "en",
        ),
    ],
)
def test_who_abandoned_the_weapons_held_them(detect_rules, title, summary, lang):
    found = arms(detect_rules(title, summary, lang=lang))
    assert found is not None and found[2:] == ("PRK", "RUS")
