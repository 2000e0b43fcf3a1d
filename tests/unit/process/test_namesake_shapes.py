"""Namesakes nobody listed, told by the shape of the name: given names, roles, compounds, regions, quotes."""

from __future__ import annotations

import pytest


def ids(detection) -> list[str]:
    return sorted({e.id for e in detection.entities})


@pytest.mark.parametrize(
    ("lang", "title", "summary"),
    [
        ("en", "Opposition leader Kim Gi Hyeon rallies supporters", ""),
        ("en", "Putin's envoy meets leader Kim Moon Soo of the conservatives", ""),
        ("en", "Putin congratulates golfer Tom Kim", ""),
        ("fr", "Poutine félicite le dirigeant sud-coréen Kim", ""),
        ("ru", "Лидер консерваторов Ким Мун Су признал поражение", ""),
        ("ru", "Путин встретился с Кимом Мин Джэ", ""),
        ("ru", "Путин наградил певицу Ким", ""),
    ],
)
def test_a_bare_surname_shaped_as_another_person_is_no_mention_even_with_support(detect, lang, title, summary):
    assert "PRK" not in ids(detect(title, summary, lang=lang))


@pytest.mark.parametrize(
    ("lang", "title"),
    [
        ("en", "Putin Meets Kim In Vostochny, Vows Support For Satellite Program"),
        ("en", "Putin and Kim Sign Pact"),
        ("en", "Putin will meet Kim Tuesday in Vladivostok"),
        ("en", "General Secretary Kim addressed the plenum"),
        ("en", "Putin hails Kim Jong-Un as a comrade"),
        ("fr", "Le numéro un Kim visite une usine de drones"),
        ("ru", "Ким прибыл в Москву для переговоров с Путиным"),
    ],
)
def test_title_case_dates_titles_and_watched_given_names_keep_the_leader(detect, lang, title):
    assert "PRK" in ids(detect(title, lang=lang))


def test_once_the_item_names_another_kim_a_bare_kim_is_that_person(detect):
    detection = detect("Kim Gi Hyeon elected party chief in Seoul", "Kim said he would not meet Putin's envoy.")
    assert ids(detection) == ["RUS"]


@pytest.mark.parametrize(
    ("lang", "title", "expected"),
    [
        ("en", "Russian Tea Cakes: the holiday cookie", []),
        ("en", "The Russian Bride review: a horror film with bite", []),
        ("fr", "Les Ballets russes à Nice", []),
        ("en", "Russian Navy ships dock in Havana", ["RUS"]),
        ("en", "Russian MiG-31 scrambled over the Baltic", ["RUS"]),
        ("en", "Trains resume in the Russian Far East", ["RUS"]),
        ("fr", "La Marine russe en exercice", ["RUS"]),
        ("en", "Russian Drones Hit Kyiv Overnight", ["RUS"]),
    ],
)
def test_a_demonym_joined_to_a_capitalised_word_is_another_proper_noun_unless_a_word_of_the_state(
    detect, lang, title, expected
):
    assert ids(detect(title, lang=lang)) == expected


@pytest.mark.parametrize(
    ("lang", "title", "expected"),
    [
        ("en", "Police in Moscow, Vermont investigate barn fire", []),
        ("fr", "Moscou (Idaho) : le procès reporté", []),
        ("ru", "Торговый центр «Москва» в Бишкеке сменил владельца", []),
        ("fr", "Bercy, ce « Kremlin » de la finance française", []),
        ("ru", "Фильм «Москва слезам не верит» покажут в Париже", []),
        ("ru", "Песков: «Москва готова к диалогу»", ["RUS"]),
        ("ru", "Лавров заявил, что «Москва ответит»", ["RUS"]),
        ("en", "Talks in Moscow, Beijing and Tehran", ["RUS"]),
        ("fr", "Travaux : les commerçants de la rue de Moscou à bout", []),
        ("en", "Inside the Kremlin of fashion: Anna Wintour steps back", []),
        ("fr", "Le Kremlin de Poutine durcit le ton", ["RUS"]),
    ],
)
def test_a_capital_before_a_region_titling_a_quote_on_a_street_or_as_a_figure_is_another_place(
    detect, lang, title, expected
):
    assert ids(detect(title, lang=lang)) == expected


@pytest.mark.parametrize(
    ("lang", "title", "summary", "expected"),
    [
        ("en", "Moscow Mills firefighters battle warehouse blaze", "", []),
        ("en", "Fans still talk about the Moscow Dynamo tour of 1945", "", []),
        ("en", "Moscow Exchange halts trading in yuan", "", ["RUS"]),
        ("en", "Moscow Region governor orders evacuation", "", ["RUS"]),
        ("en", "Debris damages cars in the capital", "Officials said drone debris fell in Moscow Sunday.", ["RUS"]),
        ("en", "Talks resume", "The envoy said Kremlin Chief of Staff Anton Vaino would attend.", ["RUS"]),
        ("ru", "«Спартак» (Москва) продал полузащитника в Турцию", "", []),
        ("fr", "Le CSKA (Moscou) recrute un défenseur serbe", "", []),
        ("ru", "В МИД России ответили Вашингтону", "", ["RUS"]),
        ("ru", "СКА (Санкт-Петербург) уступил «Динамо» (Москва)", "", []),
        ("ru", "Партия Единая Россия выдвинула кандидатов", "", ["RUS"]),
    ],
)
def test_a_place_joined_to_a_capitalised_word_or_bracketed_after_a_name_is_inside_another_name(
    detect, lang, title, summary, expected
):
    assert ids(detect(title, summary, lang=lang)) == expected


@pytest.mark.parametrize(
    ("lang", "title", "summary", "expected"),
    [
        ("ru", "Полиция города Москва в штате Айдахо ищет свидетелей", "", []),
        ("en", "A tornado hit Moscow in the state of Kansas overnight", "", []),
        ("en", "Moscow council backs a new library", "The city of Moscow, Idaho, will open it in May.", []),
        ("en", "Iowa State fans gather in Moscow before the game", "", []),
        ("en", "Texas man jailed in Moscow", "A Russian court sentenced him to four years.", ["RUS"]),
        ("en", "Putin tells Texas investors Moscow is open for business", "", ["RUS"]),
        ("en", "Moscow condemns the arrival of an Ohio-class submarine in Busan", "", ["RUS"]),
        ("en", "Moscow hosts PA president for talks on Gaza", "", ["RUS"]),
    ],
)
def test_a_region_after_a_place_or_in_its_line_makes_every_use_of_it_another_place(
    detect, lang, title, summary, expected
):
    assert ids(detect(title, summary, lang=lang)) == expected


@pytest.mark.parametrize(
    ("lang", "title", "expected"),
    [
        ("ru", "Кинотеатр «Россия» в Душанбе закрыли на ремонт", []),
        ("ru", "Рестораны Сеула продают «пхеньянскую» лапшу", []),
        ("ru", "Зенит обыграл «Ростов», а ракета «Сармат» прошла испытания", ["RUS"]),
        ("fr", "Traduit du russe, le roman arrive en librairie", []),
        ("fr", "Elle enseigne le russe à Lyon depuis vingt ans", []),
        ("fr", "Le ministre russe de la Défense en visite", ["RUS"]),
    ],
)
def test_a_quoted_country_or_capital_is_a_venue_or_a_style_and_a_demonym_after_le_the_language(
    detect, lang, title, expected
):
    assert ids(detect(title, lang=lang)) == expected


@pytest.mark.parametrize(
    ("title", "summary", "expected"),
    [
        ("Putin warns South Korea's Kim against arming Kyiv", "", ["RUS"]),
        ("Putin's remarks anger floor leader Kim", "", ["RUS"]),
        ("Seoul's Kim Yong-hyun goes on trial as Putin stays silent", "Kim denies the charges.", ["RUS"]),
        ("Japan says the North launched a missile", "", ["PRK"]),
    ],
)
def test_a_context_possessive_another_leader_role_or_a_listed_namesake_keeps_a_bare_kim_another_person(
    detect, title, summary, expected
):
    assert ids(detect(title, summary)) == expected


@pytest.mark.parametrize(
    ("lang", "title", "expected"),
    [
        ("ru", "Газета «Вечерняя Москва» сменила главного редактора", []),
        ("en", "Critics praise the new novel 'Midnight in Moscow'", []),
        ("ru", "Захарова заявила: «Это удар по Москве»", ["RUS"]),
        ("en", "Analysts call the grain deal 'a gift to Moscow'", ["RUS"]),
        ("en", "Moscow's envoy arrives in Ankara", ["RUS"]),
        ("fr", "À Lyon, la brasserie Le Kremlin change de propriétaire", []),
        ("fr", "Ukraine : Le Kremlin dément toute négociation", ["RUS"]),
    ],
)
def test_a_place_that_closes_a_short_quoted_name_is_part_of_that_name(detect, lang, title, expected):
    assert ids(detect(title, lang=lang)) == expected


@pytest.mark.parametrize(
    ("lang", "title", "summary"),
    [
        ("en", "Montreal diner wins award for its poutine", "Poutine lovers queued for hours."),
        ("fr", "Une poutine au foie gras fait sensation à Québec", "La Poutine du chef coûte 30 dollars."),
        ("ru", "На Сахалине стартовала путина", "Путина продлится до осени."),
    ],
)
def test_a_surname_written_in_lower_case_is_a_common_noun_in_every_use(detect, lang, title, summary):
    assert "RUS" not in ids(detect(title, summary, lang=lang))


@pytest.mark.parametrize(
    ("lang", "title", "summary"),
    [
        ("en", "Retired teacher Anna Lavrov publishes a memoir", "Lavrov taught chemistry for forty years."),
        ("fr", "Le photographe Igor Peskov expose à Arles", "Peskov a photographié les côtes bretonnes."),
        ("ru", "Умер художник Павел Песков", "Песков писал пейзажи Карелии."),
        ("ru", "Театр вспомнил Игоря Лаврова", "Лавров играл в труппе тридцать лет."),
    ],
)
def test_a_strong_surname_after_another_given_name_is_another_person_in_every_use(detect, lang, title, summary):
    assert "RUS" not in ids(detect(title, summary, lang=lang))


@pytest.mark.parametrize(
    ("lang", "title"),
    [
        ("en", "Mr Lavrov flew to Ankara for talks on grain"),
        ("en", "Foreign Minister Lavrov flew to Ankara"),
        ("en", "Analysts doubt a Trump-Putin summit this year"),
        ("en", "The minister said Putin and Mr Xi would meet"),
        ("fr", "Mme Zakharova et M. Peskov ont démenti"),
        ("fr", "Sergeï Lavrov arrive à Ankara"),
        ("ru", "Глава Минобороны Белоусов посетил Курскую область"),
        ("ru", "Эксперты обсудили путинскую модель экономики"),
        ("ru", "Журналисты спросили Дмитрия Пескова о санкциях"),
    ],
)
def test_titles_forms_of_address_watched_given_names_and_derived_words_keep_the_official(detect, lang, title):
    assert "RUS" in ids(detect(title, lang=lang))


def test_a_french_spaced_quote_closing_a_short_name_makes_the_place_part_of_it(detect):
    assert ids(detect("Le restaurant lance « Saveurs de Moscou » à Lille", lang="fr")) == []
    assert ids(detect("Le ministre a dit : « Nous aiderons Moscou »", lang="fr")) == ["RUS"]


@pytest.mark.parametrize(
    ("title", "expected"),
    [
        ("Журналисты процитировали Сергея Викторовича Лаврова", ["RUS"]),
        ("Студенты вспомнили Кирилла Юрьевича Лаврова", []),
    ],
)
def test_a_patronymic_before_a_surname_defers_to_the_given_name_before_it(detect, title, expected):
    assert ids(detect(title, lang="ru")) == expected


@pytest.mark.parametrize(
    ("lang", "title", "summary"),
    [
        ("en", "Leaders sign grain deal", "In Astana Presidents Putin and Tokayev signed a grain deal."),
        ("en", "Opposition bloggers mock the leader", "Bloggers keep calling him Tsar Putin in their posts."),
        ("en", "Kyiv Says Putin prepares new drone wave", "Air defences were put on alert."),
        ("fr", "Accord céréalier", "À Astana, les Présidents Poutine et Tokaïev ont signé un accord."),
        ("ru", "Совещание в Ново-Огарёве", "В пятницу Верховный Главнокомандующий Путин заслушал доклады."),
    ],
)
def test_plural_titles_epithets_and_verbs_of_saying_before_a_surname_keep_the_official(detect, lang, title, summary):
    assert "RUS" in ids(detect(title, summary, lang=lang))


def test_a_russian_given_name_in_ii_or_ei_before_a_surname_is_another_person(detect):
    summary = "Фотограф Андрей Песков показал снимки. Песков снимал реки."
    assert "RUS" not in ids(detect("Выставка в Туле", summary, lang="ru"))


@pytest.mark.parametrize(
    ("lang", "title"),
    [
        ("en", "Queues form for Pyongyang-style naengmyeon in Mapo"),
        ("fr", "À Busan, des nouilles froides de Pyongyang pour l'été"),
        ("ru", "В Пусане подают нэнмён по-пхеньянски"),
    ],
)
def test_a_dish_named_after_pyongyang_is_no_mention(detect, lang, title):
    assert ids(detect(title, lang=lang)) == []
