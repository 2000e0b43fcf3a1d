"""Round (29), pundit29: the European Union's institutions (its Parliament, Commission, Council) are the Union,
so a headline where they demand sanctions reacts as "EU demands…" does; and a body sentence whose event is the
subject of a comment verb («договор…, вступивший в силу…, угрожает…», "the treaty, which entered into force this
month, undermines…") judges an event told before, under a headline that tells no deed of the type. A Union
institution that reports a deed, and a headline's own entry into force, stay."""

from __future__ import annotations

from tests.unit.process.conftest import agreement, event, told


def test_an_english_parliament_demanding_sanctions_reacts(detect):
    title = "European Parliament demands new sanctions on Pyongyang for its military support to Moscow"
    summary = "MEPs described the presence of North Korean soldiers alongside the Russian army as a direct threat."
    assert event(detect(title, summary, published="2025-05-10"), "troop_deployment") is None


def test_a_french_parliament_demanding_sanctions_reacts(detect):
    title = "Le Parlement européen exige de nouvelles sanctions contre Pyongyang pour son aide militaire à Moscou"
    summary = "Les députés qualifient la présence de soldats nord-coréens aux côtés de l'armée russe de menace."
    assert event(detect(title, summary, lang="fr", published="2025-05-10"), "troop_deployment") is None


def test_a_french_commission_proposing_sanctions_reacts(detect):
    title = "La Commission européenne propose de sanctionner Pyongyang pour l'envoi de ses soldats en Russie"
    assert event(detect(title, lang="fr", published="2025-05-10"), "troop_deployment") is None


def test_a_russian_parliament_demanding_sanctions_reacts(detect):
    title = "Европарламент потребовал новых санкций против Пхеньяна за военную поддержку Москвы"
    summary = "Депутаты назвали присутствие северокорейских солдат на стороне российской армии прямой угрозой."
    assert event(detect(title, summary, lang="ru", published="2025-05-10"), "troop_deployment") is None


def test_a_commission_reporting_troops_stays_a_report(detect):
    title = "European Commission says North Korea sent 2,000 more soldiers to Russia"
    assert told(detect(title, published="2025-05-10"), "troop_deployment") == ("reported", "PRK", "RUS")


def test_an_english_treaty_in_force_a_minister_judges_is_no_entry(detect):
    title = "Seoul: the alliance shows Moscow's weakness"
    summary = (
        "South Korea's foreign minister said the treaty between Russia and North Korea, which entered into force "
        "this month, undermines regional security."
    )
    assert agreement(detect(title, summary, published="2025-05-10")) is None


def test_a_french_treaty_in_force_a_minister_judges_is_no_entry(detect):
    title = "Séoul : l'alliance montre la faiblesse de Moscou"
    summary = (
        "Le ministre sud-coréen a estimé que le traité entre la Russie et la Corée du Nord, entré en vigueur ce "
        "mois-ci, menace la sécurité régionale."
    )
    assert agreement(detect(title, summary, lang="fr", published="2025-05-10")) is None


def test_a_russian_treaty_in_force_a_minister_judges_is_no_entry(detect):
    title = "Сеул: союз показывает слабость Москвы"
    summary = (
        "Министр иностранных дел Южной Кореи заявил, что договор между Россией и КНДР, вступивший в силу в этом "
        "месяце, угрожает безопасности региона."
    )
    assert agreement(detect(title, summary, lang="ru", published="2025-05-10")) is None


def test_a_headline_entry_into_force_stays_in_force(detect):
    title = "Russia-North Korea treaty takes effect"
    summary = "The treaty between Russia and North Korea, which entered into force on Wednesday, threatens Europe."
    assert agreement(detect(title, summary, published="2025-05-10")) == "in_force"
