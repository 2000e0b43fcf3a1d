"""Arms transfers (arms26b): infantry grenade launchers and missile air defence are weapons; a front named under a
place preposition is where the weapons were found, not a third party; weapons captured from one side's troops were
in its hands; a side that agreed to give has promised (announced); a transfer judged unlikely is no news; a report
called slander is denied."""

from __future__ import annotations

import pytest

from tests.unit.process.test_arms_families import arms


@pytest.mark.parametrize(
    ("title", "summary", "lang", "expected"),
    [
        (
            "Сеул: Россия передала КНДР несколько ЗРК",
            "Комплексы прикрывают столицу, говорится в докладе.",
            "ru",
            ("reported", "RUS", "PRK"),
        ),
        (
            "Разведка Южной Кореи: КНДР получила из России радиолокационное оборудование",
            "Оборудование уже установлено на позициях, сообщили военные.",
            "ru",
            ("reported", "RUS", "PRK"),
        ),
        (
            "North Korean grenade launchers supplied to Russian units, Kyiv says",
            "Ukrainian officers said the first batch arrived over the winter.",
            "en",
            ("reported", "PRK", "RUS"),
        ),
        (
            "Seoul: Russia delivered surface-to-air missile systems to North Korea",
            "The systems guard the capital, lawmakers said.",
            "en",
            ("reported", "RUS", "PRK"),
        ),
        (
            "Des lance-grenades nord-coréens livrés à la Russie, affirme Kiev",
            "Le premier lot est arrivé cet hiver, selon des officiers ukrainiens.",
            "fr",
            ("reported", "PRK", "RUS"),
        ),
        (
            "Séoul : la Russie a livré des systèmes sol-air à la Corée du Nord",
            "Les batteries protègent la capitale, selon des députés.",
            "fr",
            ("reported", "RUS", "PRK"),
        ),
    ],
)
def test_grenade_launchers_and_missile_air_defence_are_weapons(detect_rules, title, summary, lang, expected):
    found = arms(detect_rules(title, summary, lang=lang))
    assert found is not None and found[1:] == expected


def test_grenadiers_are_people_not_grenade_launchers(detect_rules):
    found = arms(
        detect_rules(
            "Северокорейские гранатомётчики воюют на стороне России, заявил Киев",
            "По данным разведки, они прибыли осенью.",
            lang="ru",
        )
    )
    assert found is None


@pytest.mark.parametrize(
    ("title", "summary", "lang"),
    [
        (
            "Под Харьковом у российских десантников нашли северокорейские снаряды",
            "Маркировка указывает на завод в КНДР, сообщили украинские военные.",
            "ru",
        ),
        (
            "À Kharkiv, des obus nord-coréens retrouvés dans les positions russes",
            "Le marquage désigne une usine de Corée du Nord, selon l'armée ukrainienne.",
            "fr",
        ),
    ],
)
def test_a_front_under_a_place_preposition_is_where_not_who(detect_rules, title, summary, lang):
    found = arms(detect_rules(title, summary, lang=lang))
    assert found is not None and found[1:] == ("reported", "PRK", "RUS")


@pytest.mark.parametrize(
    ("title", "summary", "lang"),
    [
        (
            "ВСУ показали захваченную у российских войск северокорейскую гаубицу",
            "Орудие брошено расчётом после удара дрона, рассказал командир.",
            "ru",
        ),
        (
            "North Korean howitzer captured from Russian forces near Kursk, Ukraine says",
            "The crew abandoned the gun after a drone strike, a commander said.",
            "en",
        ),
        (
            "L'armée ukrainienne exhibe un obusier nord-coréen pris aux forces russes",
            "L'équipage a abandonné la pièce après une frappe de drone, selon un commandant.",
            "fr",
        ),
    ],
)
def test_weapons_captured_from_one_side_were_supplied_to_it(detect_rules, title, summary, lang):
    found = arms(detect_rules(title, summary, lang=lang))
    assert found is not None and found[1:] == ("reported", "PRK", "RUS")


@pytest.mark.parametrize(
    ("title", "summary", "lang"),
    [
        (
            "Сеул: Москва согласилась оказать Пхеньяну помощь в создании спутников",
            "Об этом рассказали депутаты после закрытого брифинга разведки.",
            "ru",
        ),
        (
            "Séoul : Moscou a accepté de livrer des systèmes de défense aérienne à Pyongyang",
            "Des députés l'ont affirmé après une réunion à huis clos avec le renseignement.",
            "fr",
        ),
    ],
)
def test_a_side_that_agreed_to_give_has_promised(detect_rules, title, summary, lang):
    found = arms(detect_rules(title, summary, lang=lang))
    assert found is not None and found[1:] == ("announced", "RUS", "PRK")


def test_agreeing_with_a_claim_promises_nothing(detect_rules):
    found = arms(
        detect_rules(
            "Эксперт согласился с тем, что КНДР поставила России снаряды",
            "По его словам, поставки шли морем.",
            lang="ru",
        )
    )
    assert found is not None and found[1:] == ("reported", "PRK", "RUS")


@pytest.mark.parametrize(
    ("title", "summary", "lang"),
    [
        (
            "Эксперт: поставки российских истребителей в КНДР пока маловероятны",
            "Москва опасается реакции соседей, считает востоковед.",
            "ru",
        ),
        (
            "Analyst: a transfer of Russian fighter jets to North Korea remains unlikely",
            "Moscow fears the reaction of Beijing, the scholar said.",
            "en",
        ),
        (
            "Pour un chercheur, la livraison de chasseurs russes à la Corée du Nord reste peu probable",
            "Moscou redoute la réaction de Pékin, estime-t-il.",
            "fr",
        ),
    ],
)
def test_a_transfer_judged_unlikely_is_no_news(detect_rules, title, summary, lang):
    assert arms(detect_rules(title, summary, lang=lang)) is None


def test_an_unlikely_next_step_leaves_the_reported_deed(detect_rules):
    found = arms(
        detect_rules(
            "Russia has delivered air defence systems to North Korea; fighter jets are unlikely to follow, Seoul says",
            "Lawmakers cited the intelligence service.",
            lang="en",
        )
    )
    assert found is not None and found[1:] == ("reported", "RUS", "PRK")


@pytest.mark.parametrize(
    ("title", "summary", "lang"),
    [
        (
            "МИД КНДР назвал клеветой сообщения о поставках снарядов России",
            "В заявлении министерства говорится, что Пхеньян не нарушает резолюций.",
            "ru",
        ),
        (
            "North Korea calls reports of shell deliveries to Russia 'slander'",
            "The foreign ministry said Pyongyang respects its obligations.",
            "en",
        ),
        (
            "Pyongyang qualifie de calomnie les informations sur des livraisons d'obus à la Russie",
            "Le ministère nord-coréen des affaires étrangères dit respecter ses engagements.",
            "fr",
        ),
    ],
)
def test_a_report_called_slander_is_denied(detect_rules, title, summary, lang):
    assert arms(detect_rules(title, summary, lang=lang)) is None
