"""Round 29 (troops29): soldiers posted somewhere are stationed there; a headline that names a party only as the
maker of its weapons gives troops no article pair (the gunners its shells wound were not sent by it), while a
weapon word inside a troop word ("missile crews") names no maker; the Far Eastern region places.yaml leaves out
(Transbaikalia) names Russia; unnamed sources inside a state are not that state speaking. New sentences, not
corpus text."""

from __future__ import annotations

import pytest


def troops(detection) -> tuple[str, str | None, str | None] | None:
    """(stage, from, to) of the Russia–DPRK troop deployment found, or None."""
    for event in detection.events:
        if event.type == "troop_deployment" and {"PRK", "RUS"} <= set(event.actors):
            return event.stage, event.from_, event.to
    return None


def ids(detection) -> list[str]:
    """The watched entities the item mentions."""
    return sorted({e.id for e in detection.entities})


@pytest.mark.parametrize(
    ("title", "lang"),
    [
        ("North Korean gunners have been posted at Russian airfields", "en"),
        ("North Korean gunners were posted to Russian ports on the Black Sea, Seoul says", "en"),
        ("Des artilleurs nord-coréens postés sur des aérodromes russes, selon Kiev", "fr"),
        ("Des soldats nord-coréens postés dans des raffineries russes", "fr"),
    ],
)
def test_troops_posted_somewhere_are_stationed_there(detect, title, lang):
    assert troops(detect(title, lang=lang, published="2025-06-10")) == ("reported", "PRK", "RUS")


@pytest.mark.parametrize(
    ("title", "lang"),
    [
        ("A Russian soldier has posted at least ten videos from Pyongyang", "en"),
        ("Un soldat russe a posté une vidéo tournée à Pyongyang", "fr"),
    ],
)
def test_a_video_posted_online_is_no_posting(detect, title, lang):
    # a bare "posted" (put online) stays no deployment cue
    assert troops(detect(title, lang=lang, published="2025-06-10")) is None


def test_gunners_wounded_by_a_partys_shells_were_not_sent_by_it(detect_rules):
    assert troops(detect_rules("Faulty North Korean shells killed Russian gunners", published="2025-06-10")) is None


@pytest.mark.parametrize(
    ("title", "summary", "lang"),
    [
        (
            "North Korean rockets maim Russian gunners near Pokrovsk, bloggers say",
            "Russian military bloggers say at least five gunners were wounded when their launchers misfired.",
            "en",
        ),
        (
            "Des roquettes nord-coréennes blessent des artilleurs russes, selon des blogueurs",
            "Selon ces blogueurs, au moins cinq artilleurs russes ont été blessés près de Pokrovsk mardi dernier.",
            "fr",
        ),
        (
            "Северокорейские снаряды рвутся в стволах, жалуются военкоры",
            "По словам военкоров, не менее пяти российских артиллеристов получили ранения под Покровском.",
            "ru",
        ),
    ],
)
def test_a_headline_naming_a_party_only_on_its_weapons_still_gives_no_troops(detect_rules, title, summary, lang):
    # guards: these found no troops before either
    assert troops(detect_rules(title, summary, lang=lang, published="2025-06-10")) is None


@pytest.mark.parametrize(
    ("title", "summary", "lang"),
    [
        (
            "North Korean gunners fire North Korean shells at Ukrainian positions",
            "North Korean artillerymen were seen firing near Kursk, Kyiv says.",
            "en",
        ),
    ],
)
def test_a_party_also_named_as_troops_keeps_its_article_pair(detect_rules, title, summary, lang):
    assert troops(detect_rules(title, summary, lang=lang, published="2025-06-10")) == ("reported", "PRK", "RUS")


@pytest.mark.parametrize(
    ("title", "lang"),
    [
        ("Wildfires in Transbaikalia: North Korean soldiers arrive to dig firebreaks", "en"),
        ("Feux en Transbaïkalie : des militaires nord-coréens arrivés pour creuser des tranchées", "fr"),
        ("Пожары в Забайкалье: на помощь прибыли военные КНДР", "ru"),
    ],
)
def test_transbaikalia_is_where_the_troops_are_sent(detect, title, lang):
    assert troops(detect(title, lang=lang, published="2025-07-10"))[1:] == ("PRK", "RUS")


@pytest.mark.parametrize(
    ("title", "lang"),
    [
        ("Wildfires rage across Transbaikalia", "en"),
        ("Les incendies ravagent la Transbaïkalie", "fr"),
        ("В Забайкальском крае горят леса", "ru"),
    ],
)
def test_transbaikalia_names_russia(detect, title, lang):
    assert ids(detect(title, lang=lang, published="2025-07-10")) == ["RUS"]


@pytest.mark.parametrize(
    "title",
    [
        "North Korean anti-tank missile crews seen near Sudzha, Ukrainian brigade says",
        "North Korean artillery crews seen in Kursk region, Ukrainian brigade says",
    ],
)
def test_a_weapon_word_inside_a_troop_word_names_whose_troops_they_are(detect_rules, title):
    summary = (
        "Ukraine's 80th Air Assault Brigade said on Friday that radio intercepts and drone footage indicate the crews "
        "have been there for weeks."
    )
    assert troops(detect_rules(title, summary, lang="en", published="2025-06-10")) == ("reported", "PRK", "RUS")


def test_a_french_troop_word_with_its_weapon_after_still_names_the_sender(detect_rules):
    # « servants de mortiers nord-coréens »: the demonym follows the troops, it already named the sender
    title = "Des servants de mortiers nord-coréens repérés près de Koursk, selon une brigade ukrainienne"
    assert troops(detect_rules(title, lang="fr", published="2025-06-10")) == ("reported", "PRK", "RUS")


@pytest.mark.parametrize(
    ("title", "lang"),
    [
        ("Russian military engineers stationed near Wonsan, sources inside North Korea say", "en"),
        ("Des ingénieurs militaires russes stationnés près de Wonsan, selon des sources en Corée du Nord", "fr"),
        ("Российские военные инженеры размещены под Вонсаном, сообщили источники в КНДР", "ru"),
    ],
)
def test_unnamed_sources_inside_a_party_are_no_acknowledgement(detect, title, lang):
    assert troops(detect(title, lang=lang, published="2025-06-10")) == ("reported", "RUS", "PRK")


@pytest.mark.parametrize(
    ("title", "lang"),
    [
        ("Russian military engineers stationed near Wonsan, North Korea says", "en"),
        ("Российские военные инженеры размещены под Вонсаном, сообщили в КНДР", "ru"),
    ],
)
def test_the_party_itself_speaking_still_confirms(detect, title, lang):
    assert troops(detect(title, lang=lang, published="2025-06-10")) == ("confirmed", "RUS", "PRK")
