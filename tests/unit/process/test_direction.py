"""Missile launches, troop deployments, who gives to whom, and who says so (fr/en/ru)."""

from __future__ import annotations

import pytest


def found(detection, event_type):
    """(actors, stage, from, to, claimed_by) of the first ``event_type`` event, or None."""
    for event in detection.events:
        if event.type == event_type:
            return event.actors, event.stage, event.from_, event.to, event.claimed_by
    return None


@pytest.mark.parametrize(
    ("title", "lang", "expected"),
    [
        ("Russia supplied air defence systems to North Korea", "en", ("RUS", "PRK")),
        ("North Korea shipped millions of artillery shells to Russia", "en", ("PRK", "RUS")),
        ("Russia bought millions of artillery shells from North Korea", "en", ("PRK", "RUS")),
        ("Russia is using missiles supplied by North Korea, Kyiv says", "en", ("PRK", "RUS")),
        ("Russia fired North Korean missiles at Kharkiv", "en", ("PRK", "RUS")),
        ("La Russie a livré des systèmes de défense aérienne à la Corée du Nord", "fr", ("RUS", "PRK")),
        ("La Russie utilise des missiles fournis par la Corée du Nord, selon Séoul", "fr", ("PRK", "RUS")),
        ("КНДР поставила России миллионы снарядов", "ru", ("PRK", "RUS")),
        ("Россия получила ракеты от КНДР", "ru", ("PRK", "RUS")),
    ],
)
def test_arms_transfers_go_from_the_supplier_to_the_receiver(detect, title, lang, expected):
    event = found(detect(title, lang=lang), "arms_transfer")
    assert event is not None and (event[2], event[3]) == expected


@pytest.mark.parametrize(
    ("title", "lang", "claimed_by"),
    [
        ("North Korea sends troops to Russia, Seoul's spy agency says", "en", "KOR"),
        ("Selon Séoul, Pyongyang a envoyé des missiles à Moscou", "fr", "KOR"),
        ("La Russie a reçu des missiles balistiques nord-coréens, affirme Washington", "fr", "USA"),
        ("КНДР отправила войска в Россию, по данным Киева", "ru", "UKR"),
        ("Russia bought millions of artillery shells from North Korea", "en", None),
        ("North Korean shells found in Russian arsenals, report says", "en", None),
    ],
)
def test_the_claimant_is_who_the_report_attributes_the_claim_to(detect, title, lang, claimed_by):
    events = detect(title, lang=lang).events
    assert events and events[0].claimed_by == claimed_by


@pytest.mark.parametrize(
    ("title", "lang", "stage"),
    [
        ("North Korea has sent 1,500 special forces to Russia, Seoul says", "en", "reported"),
        ("Moscow confirms North Korean troops fought in Kursk", "en", "confirmed"),
        ("Pyongyang confirme avoir envoyé des troupes combattre aux côtés de la Russie", "fr", "confirmed"),
        ("Шойгу: КНДР направит в Курскую область тысячу саперов", "ru", "announced"),
    ],
)
def test_a_deployment_is_reported_by_others_and_confirmed_by_a_party(detect, title, lang, stage):
    event = found(detect(title, lang=lang), "troop_deployment")
    assert event is not None and event[1] == stage and (event[2], event[3]) == ("PRK", "RUS")


def test_a_denied_deployment_is_a_retraction(detect):
    detection = detect("Kremlin denies North Korean troops are in Russia")
    assert not detection.events
    assert [e.type for e in detection.retractions] == ["troop_deployment"]


@pytest.mark.parametrize(
    ("title", "lang", "expected"),
    [
        ("North Korea fires ballistic missile toward Sea of Japan", "en", (("PRK",), "held")),
        ("North Korea preparing to launch spy satellite, Seoul warns", "en", (("PRK",), "announced")),
        ("La Russie teste son missile intercontinental Sarmat", "fr", (("RUS",), "held")),
        ("КНДР запустила межконтинентальную баллистическую ракету", "ru", (("PRK",), "held")),
    ],
)
def test_missile_launches_need_one_state(detect, title, lang, expected):
    event = found(detect(title, lang=lang), "missile_launch")
    assert event is not None and event[:2] == expected


@pytest.mark.parametrize(
    "title",
    [
        "A North Korean missile hit Kharkiv, Kyiv says",  # no firer named: an arms transfer, not a launch
        "Japan protests North Korea's missile launch",  # a reaction
        "South Korea test-fires Hyunmoo ballistic missile",  # another state
    ],
)
def test_other_states_launches_and_reactions_are_not_launches(detect, title):
    assert found(detect(title), "missile_launch") is None


@pytest.mark.parametrize(
    ("title", "lang", "expected"),
    [
        ("Россия передала Пхеньяну зенитные комплексы", "ru", ("RUS", "PRK")),
        ("Москва поставила КНДР системы ПВО", "ru", ("RUS", "PRK")),
        ("Поставленные Пхеньяном Москве снаряды применяются под Курском", "ru", ("PRK", "RUS")),
        ("Russia gave Pyongyang fighter jets, lawmakers say", "en", ("RUS", "PRK")),
        ("North Korea shipped Russia more artillery shells", "en", ("PRK", "RUS")),
    ],
)
def test_a_dative_or_indirect_object_before_the_weapon_is_its_receiver(detect, title, lang, expected):
    event = found(detect(title, lang=lang), "arms_transfer")
    assert event is not None and (event[2], event[3]) == expected


def test_a_party_thanked_for_its_troops_is_not_their_receiver(detect):
    event = found(detect("Putin thanks Kim Jong Un for North Korean troops' help in Kursk"), "troop_deployment")
    assert event is not None and (event[2], event[3]) == ("PRK", "RUS")


def test_a_headline_party_takes_its_host_from_a_place_named_in_the_lead(detect):
    detection = detect(
        "Letters of a captured North Korean soldier published",
        "He was taken prisoner in the Kursk region, Kyiv says.",
        published="2025-02-10",
    )
    event = found(detection, "troop_deployment")
    assert event is not None and (event[0], event[2], event[3]) == (("PRK", "RUS"), "PRK", "RUS")


def test_a_party_named_in_the_lead_but_not_as_a_place_is_no_host(detect):
    detection = detect(
        "North Korean soldiers rehearse for army day parade",
        "Russia's defence minister is expected to attend.",
        published="2025-04-20",
    )
    assert found(detection, "troop_deployment") is None


@pytest.mark.parametrize(
    ("title", "lang"),
    [
        ("Russian soldiers guard new trenches along the border with North Korea", "en"),
        ("Des soldats russes gardent des tranchées le long de la frontière avec la Corée du Nord", "fr"),
    ],
)
def test_a_state_named_only_beyond_a_border_is_no_host_of_the_troops(detect, title, lang):
    assert found(detect(title, lang=lang), "troop_deployment") is None


def test_a_phrasal_verb_particle_is_no_context_word(detect):
    event = found(detect("Russia handed over air defence systems to North Korea, Seoul says"), "arms_transfer")
    assert event is not None and (event[2], event[3]) == ("RUS", "PRK")


@pytest.mark.parametrize(
    ("title", "launcher"),
    [
        ("Pendant les manœuvres américano-sud-coréennes, Pyongyang tire un missile balistique", ("PRK",)),
        ("Pendant les manœuvres du Nord, la Corée du Sud tire un missile balistique", None),
    ],
)
def test_a_country_qualifying_an_opening_phrase_is_a_circumstance_of_a_launch(detect, title, launcher):
    event = found(detect(title, lang="fr", published="2025-03-10"), "missile_launch")
    assert (event[0] if event else None) == launcher


@pytest.mark.parametrize(
    ("title", "lang", "expected"),
    [
        ("Pyongyang supplies a third of Moscow's rockets", "en", ("PRK", "RUS")),
        ("Selon Séoul, Pyongyang fournit un tiers des roquettes de l'armée russe", "fr", ("PRK", "RUS")),
        ("Russia delivers North Korea's army new air defence systems", "en", ("RUS", "PRK")),
    ],
)
def test_the_subject_of_a_giving_action_outranks_a_possessive_on_the_weapons(detect, title, lang, expected):
    event = found(detect(title, lang=lang), "arms_transfer")
    assert event is not None and (event[2], event[3]) == expected


def test_a_possessive_subject_stays_the_maker_of_its_weapons(detect):
    event = found(detect("North Korea's shells are used in Russia", lang="en"), "arms_transfer")
    assert event is not None and (event[2], event[3]) == ("PRK", "RUS")


@pytest.mark.parametrize(
    ("title", "lang", "claimed_by"),
    [
        ("Seoul accuses Pyongyang of shipping rockets to Moscow", "en", "KOR"),
        ("Kyiv accuses Russia of firing North Korean missiles at Kharkiv", "en", "UKR"),
        ("Tokyo accuse Pyongyang de livrer des obus à Moscou", "fr", "JPN"),
    ],
)
def test_an_accusation_attributes_the_transfer_to_the_accuser(detect, title, lang, claimed_by):
    event = found(detect(title, lang=lang), "arms_transfer")
    assert event is not None and event[4] == claimed_by and event[1] == "reported"


@pytest.mark.parametrize(
    ("title", "stage", "expected"),
    [
        ("Selon Kiev, la Russie a utilisé un missile balistique nord-coréen contre Odessa", "reported", ("PRK", "RUS")),
        ("Selon Séoul, Moscou pourrait livrer des avions de combat à Pyongyang", "announced", ("RUS", "PRK")),
        ("Selon Tokyo, la Russie va envoyer des chasseurs à la Corée du Nord", "announced", ("RUS", "PRK")),
    ],
)
def test_a_single_missile_or_combat_aircraft_is_a_weapon_in_french(detect, title, stage, expected):
    event = found(detect(title, lang="fr"), "arms_transfer")
    assert event is not None and event[1] == stage and (event[2], event[3]) == expected


@pytest.mark.parametrize(
    ("title", "lang", "claimed_by"),
    [
        ("Japanese intelligence: Russia handed North Korea air defence systems", "en", "JPN"),
        ("Японская разведка: Россия передала КНДР зенитные комплексы", "ru", "JPN"),
    ],
)
def test_a_third_country_body_before_the_headline_colon_is_its_speaker_not_a_party(detect, title, lang, claimed_by):
    event = found(detect(title, lang=lang), "arms_transfer")
    assert event is not None and (event[2], event[3], event[4]) == ("RUS", "PRK", claimed_by)


def test_a_claim_called_unproven_is_no_transfer(detect):
    detection = detect("Кремль назвал бездоказательными сообщения о покупке снарядов у КНДР", lang="ru")
    assert found(detection, "arms_transfer") is None


def _troops(detection):
    """(stage, from, to) of the first troop deployment, or None."""
    event = found(detection, "troop_deployment")
    return (event[1], event[2], event[3]) if event else None


def test_where_a_speaker_spoke_is_not_where_the_troops_go(detect_rules):
    detection = detect_rules(
        "Russian Foreign Minister Sergei Lavrov said in Pyongyang on Friday that North Korea"
        " would send 2,000 more military engineers to rebuild Russia's border villages"
    )
    assert _troops(detection)[1:] == ("PRK", "RUS")


def test_a_relative_possessing_the_troops_names_their_sender_in_french(detect_rules):
    detection = detect_rules(
        "Le ministre russe a rendu hommage à Pyongyang et au peuple nord-coréen, dont les soldats ont,"
        " d'après lui, tenu la ligne aux côtés des unités russes",
        lang="fr",
    )
    assert _troops(detection)[1:] == ("PRK", "RUS")


def test_a_country_noun_after_a_possessive_names_where_the_troops_are(detect_rules):
    detection = detect_rules("Seoul: Pyongyang reinforced its Russia contingent with 2,000 fresh soldiers in April")
    assert _troops(detection)[1:] == ("PRK", "RUS")


def test_a_relative_clause_after_the_deed_places_another_deed(detect_rules):
    detection = detect_rules(
        "The Kremlin said the Korean People's Army's combat engineers had returned home,"
        " where crowds cheered them in Pyongyang"
    )
    assert _troops(detection)[1:] == ("PRK", "RUS")
