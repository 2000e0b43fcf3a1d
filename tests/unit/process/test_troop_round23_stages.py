"""Round 23 (troops24): a passive promise of remembrance and a monument are tributes; a plural French
expectation and "expected to be deployed" are plans; the Immortal Regiment march is no unit."""

from __future__ import annotations

from tests.unit.process.conftest import stage


def _direction(detection):
    event = next(e for e in detection.events if e.type == "troop_deployment")
    return event.from_, event.to


def test_a_feat_that_will_never_be_forgotten_acknowledges_the_troops_in_russian(detect_rules):
    detection = detect_rules(
        "Подвиг северокорейских артиллеристов в Курской области никогда не будет забыт, отметил министр", lang="ru"
    )
    assert stage(detection, "troop_deployment") == "confirmed"
    assert not detection.retractions


def test_a_feat_that_will_never_be_forgotten_acknowledges_the_troops_in_english(detect_rules):
    detection = detect_rules("The courage of the North Korean gunners near Sudzha will never be forgotten in Russia")
    assert stage(detection, "troop_deployment") == "confirmed"
    assert not detection.retractions


def test_a_monument_to_the_troops_acknowledges_them_in_russian(detect_rules):
    detection = detect_rules(
        "В Судже открыли памятник северокорейским артиллеристам, погибшим в Курской области", lang="ru"
    )
    assert stage(detection, "troop_deployment") == "confirmed"


def test_a_region_expecting_troops_in_the_plural_is_a_plan_in_french(detect_rules):
    detection = detect_rules(
        "Les autorités de la région russe de Briansk s'attendent à recevoir des sapeurs nord-coréens cet été",
        lang="fr",
    )
    assert stage(detection, "troop_deployment") == "announced"
    assert _direction(detection) == ("PRK", "RUS")


def test_troops_expected_to_be_deployed_are_a_plan(detect_rules):
    detection = detect_rules("North Korean engineers are expected to be deployed to Russia's Belgorod region next year")
    assert stage(detection, "troop_deployment") == "announced"


def test_the_immortal_regiment_march_is_no_unit_in_russian(detect_rules):
    detection = detect_rules(
        "Дипломаты России прошли в Пхеньяне шествием Бессмертного полка с портретами ветеранов", lang="ru"
    )
    assert stage(detection, "troop_deployment") is None


def test_the_immortal_regiment_march_is_no_unit_in_english(detect_rules):
    detection = detect_rules(
        "Russian diplomats in Pyongyang marched in the Immortal Regiment procession with portraits of relatives"
    )
    assert stage(detection, "troop_deployment") is None
