"""Round 24 (ru24c): a pair named together gives no direction, a later sentence does; a demonym after the noun a
preposition governs; a meeting's host in its own segment, a place whose people speak; an arrival of officers;
trips recalled by the sentence before, by "since", by the thing they produced; troops named beside the partner's."""

from __future__ import annotations


def arms(detection) -> tuple[str | None, str | None, str | None]:
    """``(stage, from, to)`` of the one arms transfer in ``detection``."""
    (event,) = [e for e in detection.events if e.type == "arms_transfer"]
    return event.stage, event.from_, event.to


def test_a_pair_named_together_gives_no_direction_a_later_sentence_does(detect):
    # the headline's "Москва и Пхеньян" shares the deal; the first named is no giver, Moscow's hope to get
    # the shells from Pyongyang two sentences on says who gives
    title = "Москва и Пхеньян договорились о новой партии снарядов"
    summary = (
        "Россия и КНДР согласовали поставки снарядов на следующий год. "
        "По данным разведки, Москва рассчитывает получить от Пхеньяна первые снаряды уже весной."
    )
    assert arms(detect(title, summary, lang="ru", published="2025-03-01")) == ("announced", "PRK", "RUS")


def test_a_trigger_less_sentence_after_the_lead_orients_the_pair(detect):
    # neither the headline nor the lead marks a side; who asks for help in the next sentence receives
    title = "Pyongyang et Moscou discutent d'un transfert de technologie spatiale"
    summary = (
        "La Corée du Nord et la Russie mènent des discussions sur ce transfert de technologies, selon Séoul. "
        "Pyongyang réclame notamment de l'aide pour ses moteurs."
    )
    assert arms(detect(title, summary, lang="fr", published="2025-03-01"))[1:] == ("RUS", "PRK")


def test_a_demonym_after_the_noun_a_preposition_governs_shares_its_mark(detect):
    # « à l'armée nord-coréenne » as "to the North Korean army": the army's state receives
    title = "La Russie et la Corée du Nord discutent de la fourniture de chars à l'armée nord-coréenne"
    assert arms(detect(title, "", lang="fr", published="2025-03-01")) == ("announced", "RUS", "PRK")


def visit(detection) -> str | None:
    """The stage of the Russia–DPRK visit in ``detection``, or None."""
    return next((e.stage for e in detection.events if e.type == "visit"), None)


def troops(detection) -> tuple[str | None, str | None]:
    """``(from, to)`` of the one troop deployment in ``detection``."""
    (event,) = [e for e in detection.events if e.type == "troop_deployment"]
    return event.from_, event.to


def test_a_meetings_host_is_the_place_in_its_own_segment(detect):
    # «в Россию» is where the engineers go, in another comma segment; «в Пхеньяне» hosts the talks: Shoigu came
    title = "Шойгу: Пхеньян пришлет инженеров для восстановления мостов"
    summary = (
        "КНДР направит в Россию группу военных инженеров для восстановления мостов, сообщил секретарь Совбеза "
        "Сергей Шойгу после переговоров с Ким Чен Ыном в Пхеньяне."
    )
    assert visit(detect(title, summary, lang="ru", published="2025-06-20")) == "held"


def test_a_place_whose_people_speak_hosts_no_meeting(detect):
    # «В Кремле не ждут»: the Kremlin's people expect, an indefinite-personal clause; no meeting is placed
    title = "В Кремле не ждут новых договоренностей на переговорах с Ким Чен Ыном"
    assert visit(detect(title, "", lang="ru", published="2025-06-20")) is None


def test_a_place_with_a_subject_after_its_verb_still_hosts(detect):
    # «прошли переговоры»: the talks are the subject; Moscow is where they were held
    title = "В Москве прошли переговоры Лаврова и министра иностранных дел КНДР"
    assert visit(detect(title, "", lang="ru", published="2025-06-20")) == "held"


def test_an_arrival_of_officers_named_with_their_state_is_no_visit(detect):
    # «о прибытии северокорейских офицеров»: the genitive after the trip noun, an adjective between, is who came
    title = "Минобороны России сообщило о прибытии северокорейских офицеров связи в Хабаровский край"
    assert visit(detect(title, "", lang="ru", published="2025-06-20")) is None


def test_a_trip_after_which_a_state_holds_is_no_news(detect):
    # «после визита … Пхеньян проявляет»: since the visit, a present state; no trip is told
    title = "Пхеньян присматривается к российским самолетам"
    summary = (
        "Аналитики считают, что КНДР хочет обновить авиацию. "
        "По их мнению, после визита Ким Чен Ына в Россию Пхеньян проявляет интерес к российским истребителям."
    )
    assert visit(detect(title, summary, lang="ru", published="2025-06-20")) is None


def test_a_trip_that_dates_what_a_participle_describes_is_no_news(detect):
    # «соглашений, подписанных в ходе … визита»: the visit says when the agreements were made
    title = "Лавров и глава МИД КНДР обсудили двусторонние связи"
    summary = (
        "Министры обсудили выполнение соглашений, подписанных в ходе сентябрьского визита министра иностранных "
        "дел КНДР в Москву."
    )
    assert visit(detect(title, summary, lang="ru", published="2024-09-25")) is None


def test_an_arrival_after_a_meeting_dated_to_an_earlier_year_is_that_meetings(detect):
    # the sentence before dates the talks to 2019; the arrival, undated, is that trip's
    title = "Во Владивостоке открылась выставка о первом саммите лидеров"
    summary = (
        "Путин и Ким Чен Ын провели переговоры во Владивостоке 25 апреля 2019 года. "
        "Среди экспонатов — фотографии прибытия бронепоезда северокорейского лидера на вокзал."
    )
    assert visit(detect(title, summary, lang="ru", published="2025-04-25")) is None


def test_the_year_of_the_last_time_makes_no_trip_old(detect):
    # «впервые с июня 2019 года»: the last time, not this arrival's date
    title = "Глава МИД России прибыл в Пхеньян — впервые с июня 2019 года"
    assert visit(detect(title, "", lang="ru", published="2025-06-20")) == "held"


def test_troops_beside_the_partners_units_are_the_ones_sent(detect):
    # «вместе с российскими подразделениями»: the partner's units; the North Korean soldiers are the ones sent
    title = "Герасимов доложил Путину о боях в Курской области"
    summary = "Он сообщил, что в боях за село вместе с российскими подразделениями участвовали военные КНДР."
    assert troops(detect(title, summary, lang="ru", published="2025-03-01")) == ("PRK", "RUS")


def test_who_is_paid_for_the_weapons_gives_them(detect):
    # the lead's «получить … долларов» is a price received: North Korea is paid, so it sold the shells the next
    # sentence names with no mark of its own
    title = "Доклад: КНДР заработала на войне миллиарды"
    summary = (
        "Пхеньян мог получить около 5 млрд долларов от военного сотрудничества с Москвой, говорится в докладе. "
        "Основную часть этой суммы принесли поставки артиллерийских снарядов."
    )
    assert arms(detect(title, summary, lang="ru", published="2025-03-01"))[1:] == ("PRK", "RUS")


def test_where_troops_are_made_ready_is_not_where_they_go(detect):
    # «в КНДР готовят саперов»: where the sappers are trained, at home; the front they leave for is Russia's
    title = "Разведка: в КНДР готовят саперов для отправки на российский фронт"
    assert troops(detect(title, "", lang="ru", published="2025-09-01")) == ("PRK", "RUS")
