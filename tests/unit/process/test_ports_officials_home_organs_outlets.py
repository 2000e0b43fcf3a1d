"""Round (16), open17: a watched state's port names its state as a shipment's end; a bare official's
surname counts beside the other watched state; a Russian report's bare government organ is Russia's;
an independent outlet's country is no claimant and no party."""

from __future__ import annotations

from tests.unit.process.conftest import event, stage


def test_a_port_of_departure_gives_the_shipment(detect):
    title = "Freighter ferried artillery shells from the port of Najin to Russia, researchers say"
    found = event(detect(title, published="2025-01-14"), "arms_transfer")
    assert found is not None and found[2:4] == ("PRK", "RUS")


def test_two_ports_give_both_ends_of_the_shipment(detect):
    title = "Des conteneurs de munitions acheminés du port de Rajin vers Vladivostok"
    found = event(detect(title, lang="fr", published="2025-01-14"), "arms_transfer")
    assert found is not None and found[2:4] == ("PRK", "RUS")


def test_a_port_with_civilian_cargo_ships_no_arms(detect):
    title = "Tanker delivers diesel from Vladivostok to Nampo"
    assert stage(detect(title, published="2025-01-14"), "arms_transfer") is None


def test_a_bare_official_surname_counts_in_the_other_partys_capital(detect):
    title = "Ушаков прибыл в Пхеньян для подготовки переговоров"
    assert stage(detect(title, lang="ru", published="2025-02-10"), "visit") == "held"


def test_a_namesake_with_a_given_name_stays_another_person(detect):
    title = "Козлов выступит в Пхеньяне на турнире по настольному теннису"
    summary = "Теннисист Артем Козлов сыграет на международном турнире в столице КНДР."
    assert stage(detect(title, summary, lang="ru", published="2025-02-10"), "visit") is None


def test_a_bare_defence_ministry_in_a_russian_report_is_russias(detect):
    title = "Минобороны отправит в КНДР группу военных врачей"
    found = event(detect(title, lang="ru", published="2025-02-10"), "troop_deployment")
    assert found is not None and found[1:4] == ("announced", "RUS", "PRK")


def test_a_bare_cabinet_approves_a_russian_draft(detect):
    title = "Правительство утвердило проект соглашения с КНДР о морском сообщении"
    assert stage(detect(title, lang="ru", published="2025-02-10"), "agreement") == "announced"


def test_a_cabinet_named_with_its_state_is_that_states(detect):
    title = "Кабмин Киргизии одобрил проект соглашения с КНДР о торговле"
    assert stage(detect(title, lang="ru", published="2025-02-10"), "agreement") is None


def test_an_independent_russian_outlet_does_not_confirm_a_deployment(detect):
    title = "North Korean gunners spotted near Bryansk, Russia, an independent Russian website reports"
    found = event(detect(title, published="2025-02-10"), "troop_deployment")
    assert found is not None and found[1] == "reported" and found[4] is None


def test_an_independent_outlet_is_no_party(detect):
    title = "По данным независимого российского сайта, северокорейские рабочие прибыли на стройки"
    assert stage(detect(title, lang="ru", published="2025-02-10"), "troop_deployment") is None


def test_citizens_trips_eased_are_no_visit(detect):
    title = "Москва и Пхеньян упростят взаимные поездки граждан"
    assert stage(detect(title, lang="ru", published="2025-02-10"), "visit") is None
