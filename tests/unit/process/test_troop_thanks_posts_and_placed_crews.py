"""Round 26 (troops26a): troop directions told by who thanks, where an envoy serves, adjectives between the troops
and their demonym, and Russian troops "placed" (размещены) in the other state. New sentences, not corpus text."""

from __future__ import annotations

import pytest


def troops(detection):
    """(stage, from, to, trigger) of the troop deployment found, or None."""
    for event in detection.events:
        if event.type == "troop_deployment":
            return event.stage, event.from_, event.to, event.trigger
    return None


@pytest.mark.parametrize(
    ("title", "summary", "lang"),
    [
        (
            "Primorye governor thanks Korean sappers clearing fields near Khasan",
            "The governor toured farmland where a team of deminers from North Korea has been at work since April.",
            "en",
        ),
        (
            "Le gouverneur de Koursk remercie les sapeurs coréens pour le déminage des champs",
            "Venus de Corée du Nord au printemps, les démineurs ont dégagé plus de mille hectares, selon lui.",
            "fr",
        ),
        (
            "Губернатор Курской области поблагодарил корейских саперов за разминирование полей",
            "Саперы из КНДР очистили от мин более тысячи гектаров сельхозугодий, сообщил он.",
            "ru",
        ),
    ],
)
def test_who_thanks_troops_no_word_marks_received_them(detect, title, summary, lang):
    assert troops(detect(title, summary, lang=lang, published="2025-06-10"))[:3] == ("confirmed", "PRK", "RUS")


def test_a_sender_thanking_troops_the_lead_places_in_the_host_still_sent_them(detect):
    # the lead names Russia only as where the troops fought: the host received them, Kim may thank his own
    found = troops(
        detect(
            "Kim Jong Un thanks the soldiers back from the front",
            "The troops had fought in the Kursk region for months.",
            published="2025-06-10",
        )
    )
    assert found[1:3] == ("PRK", "RUS")


def test_thanks_from_an_outsider_still_report_nothing(detect):
    detection = detect(
        "Zelensky thanks Korean volunteers who helped Ukrainian soldiers",
        "He spoke after Russia and North Korea expanded their cooperation.",
        published="2025-06-10",
    )
    assert troops(detection) is None


@pytest.mark.parametrize(
    ("title", "lang"),
    [
        ("Посол России в КНДР рассказал о прибытии корейских саперов в Курскую область", "ru"),
        ("Посольство России в КНДР сообщило о скорой отправке корейских строителей в Курскую область", "ru"),
        ("Ambassador to North Korea says Korean sappers will arrive in the Kursk region in spring", "en"),
        ("Russia's ambassador in Pyongyang says Korean deminers will be sent to Kursk", "en"),
        ("L'ambassadeur en Corée du Nord annonce l'arrivée de sapeurs coréens à Koursk", "fr"),
    ],
)
def test_an_envoys_post_is_not_where_the_troops_go(detect, title, lang):
    assert troops(detect(title, lang=lang, published="2025-06-10"))[1:3] == ("PRK", "RUS")


def test_an_envoy_who_speaks_leaves_the_deed_its_direction(detect):
    found = troops(detect("North Korea sends troops to Russia, says Russian ambassador", published="2025-06-10"))
    assert found[1:3] == ("PRK", "RUS")


@pytest.mark.parametrize(
    "title",
    [
        "La Russie accueille des sapeurs militaires nord-coréens",
        "La Russie accueille des soldats supplémentaires nord-coréens",
        "Moscou salue des démineurs militaires nord-coréens",
    ],
)
def test_a_french_demonym_after_another_adjective_still_names_the_troops_sender(detect, title):
    assert troops(detect(title, lang="fr", published="2025-06-10"))[1:3] == ("PRK", "RUS")


@pytest.mark.parametrize(
    "title",
    [
        "Российские военные размещены на аэродроме под Вонсаном, сообщил Сеул",
        "Минобороны Южной Кореи: российские военнослужащие размещены в КНДР",
    ],
)
def test_russian_troops_placed_in_north_korea_are_deployed_there(detect, title):
    stage, source, target, trigger = troops(detect(title, lang="ru", published="2025-06-10"))
    assert (stage, source, target) == ("reported", "RUS", "PRK") and trigger


@pytest.mark.parametrize(
    "title",
    [
        "Северокорейские рабочие размещены в общежитиях Владивостока",
        "Россия разместила в КНДР заказ на поставку угля",
        "Посольство России в КНДР разместило на сайте объявление о приеме документов",
    ],
)
def test_placing_workers_orders_or_notices_is_no_deployment(detect, title):
    assert troops(detect(title, lang="ru", published="2025-06-10")) is None


@pytest.mark.parametrize(
    ("title", "summary", "lang"),
    [
        (
            "À Vladivostok, Choïgou transmet à Kim la gratitude du Kremlin pour les sapeurs coréens",
            "Les démineurs venus de Corée du Nord ont nettoyé la région de Koursk.",
            "fr",
        ),
        (
            "In Pyongyang, Shoigu conveys to Kim the Kremlin's gratitude for the Korean sappers",
            "The deminers from North Korea cleared the Kursk region.",
            "en",
        ),
    ],
)
def test_the_place_where_thanks_are_conveyed_is_not_who_thanks(detect, title, summary, lang):
    assert troops(detect(title, summary, lang=lang, published="2025-06-10"))[1:3] == ("PRK", "RUS")


def test_troops_lodging_told_as_a_noun_is_no_deed(detect):
    title = (
        "Губернатор: северокорейские военные строители прибудут в Курскую область, их размещение обеспечит Минобороны"
    )
    assert troops(detect(title, lang="ru", published="2025-06-10"))[:3] == ("announced", "PRK", "RUS")
