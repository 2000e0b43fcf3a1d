"""Round (29), pundit29: a commentator who opens a headline's part after a few words (« : un chercheur
sud-coréen s'inquiète », "Pour un chercheur, …") speaks as one after a colon does, and his guess is no news, for
the rules and the backstop alike; a launch a commentator forecasts is no news either unless the item shows signs
of it (satellite images, a notice to airmen), which the older sets label announced."""

from __future__ import annotations

from tests.unit.process.conftest import event, launch, told


def test_a_french_supply_a_researcher_worries_about_after_a_colon_is_no_transfer(detect):
    title = "« Pyongyang pourrait céder des drones à Moscou » : une chercheuse s'inquiète"
    assert event(detect(title, lang="fr", published="2025-05-10"), "arms_transfer") is None


def test_an_english_supply_a_researcher_warns_of_after_a_colon_is_no_transfer(detect):
    title = "Moscow could deliver fighter jets to Pyongyang: a Japanese researcher sounds the alarm"
    assert event(detect(title, published="2025-05-10"), "arms_transfer") is None


def test_a_russian_supply_a_researcher_warns_of_after_a_colon_is_no_transfer(detect):
    title = "«Москва может поставить Пхеньяну истребители»: японский исследователь бьет тревогу"
    assert event(detect(title, lang="ru", published="2025-05-10"), "arms_transfer") is None


def test_a_french_dispatch_for_a_researcher_is_no_deployment(detect):
    title = "Pour un chercheur, la Corée du Nord pourrait envoyer des ingénieurs militaires en Russie"
    assert event(detect(title, lang="fr", published="2025-05-10"), "troop_deployment") is None


def test_an_english_dispatch_for_one_researcher_is_no_deployment(detect):
    title = "For one researcher, North Korea could send more engineers to Russia"
    assert event(detect(title, published="2025-05-10"), "troop_deployment") is None


def test_a_supply_a_researcher_judges_done_stays_reported(detect):
    title = "La Russie a livré des missiles à Pyongyang, estime un chercheur"
    assert told(detect(title, lang="fr", published="2025-05-10"), "arms_transfer") == ("reported", "RUS", "PRK")


def test_an_english_launch_a_researcher_believes_possible_is_none(detect):
    title = "North Korea could fire an ICBM before the summer, a researcher believes"
    assert launch(detect(title, published="2025-05-10")) == (None, ())


def test_an_english_launch_a_researcher_calls_likely_is_none(detect):
    title = "A North Korean ICBM test before autumn is likely, a researcher says"
    assert launch(detect(title, published="2025-05-10")) == (None, ())


def test_a_french_launch_a_researcher_thinks_possible_is_none(detect):
    title = "Pyongyang pourrait tirer un missile intercontinental avant l'automne, estime une chercheuse"
    assert launch(detect(title, lang="fr", published="2025-05-10")) == (None, ())


def test_a_french_launch_called_probable_by_a_political_scientist_is_none(detect):
    title = "Un tir de missile balistique nord-coréen « probable » avant l'automne, estime une politologue"
    assert launch(detect(title, lang="fr", published="2025-05-10")) == (None, ())


def test_a_russian_launch_a_political_scientist_allows_for_is_none(detect):
    title = "Политолог допустил пуск северокорейской МБР до осени"
    assert launch(detect(title, lang="ru", published="2025-05-10")) == (None, ())


def test_a_russian_launch_a_political_scientist_thinks_possible_is_none(detect):
    title = "Северная Корея может провести пуск межконтинентальной ракеты до осени, считает политолог"
    assert launch(detect(title, lang="ru", published="2025-05-10")) == (None, ())


def test_an_english_launch_analysts_read_in_satellite_imagery_stays_announced(detect):
    title = "North Korea could fire an ICBM before the summer, analysts say"
    summary = "Satellite imagery shows fuel trucks at the Sohae site."
    assert launch(detect(title, summary, published="2025-05-10")) == ("announced", ("PRK",))


def test_a_french_launch_analysts_read_in_satellite_images_stays_announced(detect):
    title = "Pyongyang pourrait tirer un missile avant l'automne, selon des analystes"
    summary = "Des images satellites montrent des camions sur le site de Sohae."
    assert launch(detect(title, summary, lang="fr", published="2025-05-10")) == ("announced", ("PRK",))


def test_a_russian_launch_analysts_read_in_satellite_images_stays_announced(detect):
    title = "Аналитики: КНДР может провести пуск ракеты до осени"
    summary = "Спутниковые снимки показывают грузовики на полигоне Сохэ."
    assert launch(detect(title, summary, lang="ru", published="2025-05-10")) == ("announced", ("PRK",))
