"""Round 24 (source24): a third state that says or finds in the headline is the claimant of the deployment the
headline names, not a reactor, unless the headline reacts, warns, denies or withdraws; a region is no speaker,
nor is a region's name before a comma; a negated reporting verb leaves its object unsaid, not denied; one who
can confirm a deed attests it; who discovers or tells is a source."""

from __future__ import annotations

import pytest

from tests.unit.process.conftest import stage


def _event(detection, event_type: str = "troop_deployment"):
    return next(e for e in detection.events if e.type == event_type and {"PRK", "RUS"} <= set(e.actors))


@pytest.mark.parametrize(
    ("title", "summary", "lang"),
    [
        (
            "More North Korean troops in the pipeline for Russia, according to Seoul",
            "North Korea will send another 3,000 soldiers to Russia before the summer, South Korea's spy agency told"
            " lawmakers.",
            "en",
        ),
        (
            "North Korean sappers head for Russia's Belgorod region, Seoul says",
            "North Korea will send about 1,000 sappers to Russia to clear mines in the Belgorod region, South"
            " Korea's spy agency told lawmakers on Wednesday.",
            "en",
        ),
        (
            "Nouveaux renforts nord-coréens en vue pour la Russie, selon Séoul",
            "La Corée du Nord va envoyer un millier de sapeurs en Russie pour déminer la région de Belgorod, a"
            " affirmé mercredi le renseignement sud-coréen devant les députés.",
            "fr",
        ),
        (
            "Новые северокорейские саперы для России, по данным Сеула",
            "КНДР направит в Россию около тысячи саперов для разминирования Белгородской области, заявили в"
            " разведке Южной Кореи.",
            "ru",
        ),
    ],
)
def test_a_headline_source_of_the_deployment_leaves_the_body_news(detect_rules, title, summary, lang):
    event = _event(detect_rules(title, summary, lang=lang))
    assert event.stage == "announced"
    assert (event.from_, event.to, event.claimed_by) == ("PRK", "RUS", "KOR")


@pytest.mark.parametrize(
    ("title", "summary", "lang"),
    [
        (
            "Seoul summons Russian envoy over North Korean troops",
            "North Korea has sent 3,000 more soldiers to Russia, officials said.",
            "en",
        ),
        (
            "Séoul condamne l'envoi de soldats nord-coréens en Russie",
            "La Corée du Nord a envoyé 3 000 soldats supplémentaires en Russie, selon le renseignement sud-coréen.",
            "fr",
        ),
        (
            "Сеул осудил отправку северокорейских солдат в Россию",
            "КНДР направила в Россию еще три тысячи военных, заявили в разведке Южной Кореи.",
            "ru",
        ),
        (
            "North Korean troops pulled back from Belgorod front, Kyiv says",
            "The units had lost dozens of men, Kyiv said.",
            "en",
        ),
        (
            "Les soldats nord-coréens retirés du front de Belgorod, selon Kiev",
            "Les unités auraient perdu des dizaines d'hommes.",
            "fr",
        ),
    ],
)
def test_a_headline_reaction_or_withdrawal_keeps_the_body_its_comment(detect_rules, title, summary, lang):
    assert stage(detect_rules(title, summary, lang=lang), "troop_deployment") is None


def test_a_region_after_a_possessive_is_no_speaker(detect_rules):
    event = _event(
        detect_rules(
            "Ukrainian medics working in Russia's Belgorod region say North Korean soldiers are still arriving"
        )
    )
    assert event.stage == "reported"
    assert event.claimed_by != "RUS"


def test_a_region_closing_a_name_is_no_speaker(detect_rules):
    event = _event(
        detect_rules("Ukrainian medics working in Russia's Kursk region say North Korean soldiers are still arriving")
    )
    assert event.stage == "reported"
    assert event.claimed_by != "RUS"


def test_what_a_party_has_not_acknowledged_is_not_denied(detect_rules):
    detection = detect_rules(
        "Moscow has not acknowledged the presence of North Korean engineers in the Belgorod region"
    )
    assert not [r for r in detection.retractions if r.type == "troop_deployment"]


@pytest.mark.parametrize(
    ("title", "lang"),
    [
        ("Рютте: альянс может подтвердить отправку северокорейских саперов в Россию", "ru"),
        ("L'Otan peut confirmer l'envoi de sapeurs nord-coréens en Russie", "fr"),
    ],
)
def test_who_can_confirm_a_deployment_attests_it(detect_rules, title, lang):
    assert stage(detect_rules(title, lang=lang), "troop_deployment") == "reported"


def test_who_discovers_the_weapons_is_their_source(detect_rules):
    event = _event(
        detect_rules(
            "Belgorod : des sapeurs ukrainiens découvrent des obus nord-coréens abandonnés par les Russes",
            "Des sapeurs ukrainiens ont ramassé des dizaines d'obus d'artillerie de fabrication nord-coréenne dans des"
            " tranchées abandonnées par l'armée russe, a indiqué mardi la police régionale.",
            lang="fr",
        ),
        "arms_transfer",
    )
    assert (event.stage, event.from_, event.to, event.claimed_by) == ("reported", "PRK", "RUS", "UKR")


def test_who_tells_of_the_fighting_is_its_source(detect_rules):
    event = _event(
        detect_rules(
            "Украинские артиллеристы рассказали о боях с северокорейцами под Курском",
            "Артиллеристы украинской бригады в феврале вели бои с северокорейскими подразделениями в Курской области,"
            " рассказали они журналистам.",
            lang="ru",
        )
    )
    assert (event.stage, event.from_, event.to, event.claimed_by) == ("reported", "PRK", "RUS", "UKR")


def test_a_captive_from_a_party_speaks_for_himself(detect_rules):
    detection = detect_rules(
        "Дезертир из КНДР рассказал о потерях своей роты",
        "Северокорейские военные, переброшенные в Курскую область, несли большие потери, утверждает дезертир.",
        lang="ru",
    )
    assert stage(detection, "troop_deployment") == "reported"


@pytest.mark.parametrize(
    ("title", "summary", "lang"),
    [
        (
            "Captured North Korean sapper says he was sent to Russia to clear mines",
            "One of three North Korean sappers captured by Ukraine in the Kursk region said during an interrogation"
            " that he believed he was going to Russia to clear fields, according to a video released by Kyiv.",
            "en",
        ),
        (
            "Un sapeur nord-coréen capturé raconte avoir été envoyé en Russie pour déminer",
            "L'un des trois sapeurs nord-coréens capturés par l'Ukraine dans la région de Koursk a affirmé lors d'un"
            " interrogatoire qu'il croyait partir en Russie pour déminer des champs, selon une vidéo publiée par Kiev.",
            "fr",
        ),
    ],
)
def test_a_soldier_who_speaks_in_the_headline_is_not_his_state(detect_rules, title, summary, lang):
    assert stage(detect_rules(title, summary, lang=lang), "troop_deployment") == "reported"


def test_a_third_state_concerned_by_a_sending_reacts_to_it_in_russian(detect_rules):
    detection = detect_rules(
        "Токио выразил обеспокоенность отправкой в Россию северокорейских сапёров",
        "В японском МИД призвали Москву и Пхеньян прекратить военное сотрудничество.",
        lang="ru",
    )
    assert stage(detection, "troop_deployment") is None


def test_a_speakers_post_before_the_reporting_verb_is_a_source_not_a_party(detect_rules):
    detection = detect_rules(
        "Drone know-how flows to Pyongyang, Kyiv says",
        "Ukraine says Moscow is sharing drone expertise with North Korea. Oleh Petrenko, a spokesman for "
        "Ukraine's border guard service, wrote on Facebook that Russian instructors are stationed near "
        "Pyongyang to teach drone tactics.",
    )
    event = _event(detection)
    assert (event.stage, event.from_, event.to) == ("reported", "RUS", "PRK")


def test_a_headline_state_that_estimated_is_a_source_in_the_past_tense_too(detect_rules):
    detection = detect_rules(
        "Токио оценил число северокорейских военных в России в 12 тысяч",
        "Около 12 тысяч военнослужащих КНДР по-прежнему находятся в России, заявили в японском МИД.",
        lang="ru",
        published="2025-06-10",
    )
    assert stage(detection, "troop_deployment") == "reported"
