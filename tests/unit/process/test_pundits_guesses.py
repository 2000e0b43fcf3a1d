"""Round (28), pundit28: an outside commentator's guess (an expert, analyst, researcher, востоковед) about a deal, a
trip or a supply between two states is no news of it: a plan or a modal deed he tells, or the plans a body spells
out under a headline that tells his guess. What he counts as done, what a state's organ plans and a launch
analysts forecast stay."""

from __future__ import annotations

from tests.unit.process.conftest import event, launch, told


def test_a_jet_supply_a_researcher_thinks_possible_is_no_transfer(detect):
    title = "Think tank sees room for Russian jets in Pyongyang's air force"
    summary = "Russia could supply North Korea with modern fighter jets once the war ends, a researcher believes."
    assert event(detect(title, summary, published="2025-05-10"), "arms_transfer") is None


def test_a_conditional_handover_two_analysts_argue_about_is_no_transfer(detect):
    title = "The price of Pyongyang's help"
    summary = (
        "Giving North Korea air-defence missiles would anger Seoul, but Moscow may have little choice, "
        "two analysts argue."
    )
    assert event(detect(title, summary, published="2025-05-10"), "arms_transfer") is None


def test_shells_analysts_say_were_supplied_stay_reported(detect):
    title = "North Korea has supplied Russia with millions of shells, analysts say"
    assert told(detect(title, published="2025-05-10"), "arms_transfer") == ("reported", "PRK", "RUS")


def test_a_launch_analysts_forecast_from_signs_stays_announced(detect):
    # round 29: a commentator's launch forecast is news only over signs of it (satellite images, a notice)
    title = "North Korea could test a new ICBM before the US election, analysts say"
    summary = "Satellite images show activity at the Sohae launch site."
    assert launch(detect(title, summary, published="2025-05-10")) == ("announced", ("PRK",))


def test_french_drones_a_researcher_says_pyongyang_could_deliver_are_no_transfer(detect):
    title = "Des drones nord-coréens pour Moscou ?"
    summary = (
        "La Corée du Nord pourrait livrer des drones d'attaque à la Russie dès l'an prochain, estime une chercheuse."
    )
    assert event(detect(title, summary, lang="fr", published="2025-05-10"), "arms_transfer") is None


def test_french_shells_analysts_judge_delivered_stay_reported(detect):
    title = "La Corée du Nord a livré des obus à la Russie, estiment des analystes"
    assert told(detect(title, lang="fr", published="2025-05-10"), "arms_transfer") == ("reported", "PRK", "RUS")


def test_russian_agreement_a_political_scientist_foresees_is_none(detect):
    title = "Политолог: Москва и Пхеньян могут подписать соглашение о безвизовом режиме"
    assert event(detect(title, lang="ru", published="2025-05-10"), "agreement") is None


def test_russian_trip_an_orientalist_expects_is_no_visit(detect):
    title = "Кореевед: Ким Чен Ын, скорее всего, посетит Владивосток осенью"
    assert event(detect(title, lang="ru", published="2025-05-10"), "visit") is None


def test_russian_plan_the_body_spells_out_under_an_experts_guess_is_none(detect):
    title = "Эксперт допустил новое соглашение Москвы и Пхеньяна о торговле"
    summary = (
        "Стороны со временем могут расширить экономическое сотрудничество, считает научный сотрудник института. "
        "По его мнению, соглашение о торговле России и КНДР уже разрабатывается."
    )
    assert event(detect(title, summary, lang="ru", published="2025-05-10"), "agreement") is None


def test_russian_agreement_a_ministry_plans_stays_announced(detect):
    title = "Минтранс: Россия и КНДР могут подписать соглашение о судоходстве до конца года"
    assert told(detect(title, lang="ru", published="2025-05-10"), "agreement")[0] == "announced"


def test_russian_missiles_analysts_counted_stay_reported(detect):
    title = "Аналитики: КНДР передала России не менее 50 баллистических ракет"
    assert told(detect(title, lang="ru", published="2025-05-10"), "arms_transfer") == ("reported", "PRK", "RUS")
