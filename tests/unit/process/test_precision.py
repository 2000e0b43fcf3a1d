"""What must not become a Russia–DPRK agreement: the precision rules analysts insist on."""

from __future__ import annotations

import pytest

from tests.unit.process.conftest import agreement


@pytest.mark.parametrize(
    ("lang", "title", "summary"),
    [
        (
            "en",
            "Putin signs a dozen agreements with Vietnam",
            "The deals were signed in Hanoi, a day after his Pyongyang visit.",
        ),
        ("en", "Russia and South Korea sign fisheries deal", ""),
        ("fr", "Au Vietnam, Poutine signe une série d'accords", "Les textes ont été signés à Hanoï."),
        ("en", "North Korean troops sent to Russia under the treaty", ""),
        ("en", "Russia and North Korea mark anniversary of their treaty", ""),
        ("en", "The 1961 treaty between Moscow and Pyongyang", "It was signed in 1961 by the Soviet Union."),
        ("en", "Putin arrives in Hanoi after signing pact with Kim", ""),
        ("fr", "Des soldats nord-coréens en Russie en vertu du traité", ""),
        ("fr", "Le traité signé l'an dernier par Moscou et Pyongyang", ""),
        ("en", "Putin and Kim hold talks, pledge to deepen partnership", ""),
        ("en", "Kim Jong Un invites Putin to visit Pyongyang", ""),
        ("en", "US warns Russia and North Korea against any arms deal", ""),
        ("fr", "Washington met en garde Moscou et Pyongyang contre tout accord", ""),
        ("en", "North Korea shipped artillery shells to Russia, Seoul says", ""),
        (
            "en",
            "Seoul summons Russian envoy over pact with Pyongyang",
            "Seoul protested the treaty signed by Russia and North Korea.",
        ),
    ],
)
def test_not_a_new_russia_dprk_agreement(detect, lang, title, summary):
    assert agreement(detect(title, summary, lang=lang)) is None


@pytest.mark.parametrize(
    ("lang", "title"),
    [
        ("en", "Moscow denies any agreement with Pyongyang"),
        ("en", "Russia and North Korea did not sign an arms deal, Kremlin says"),
        ("en", "No agreement was signed between Russia and North Korea"),
        ("en", "Russia-North Korea treaty talks collapse"),
        ("fr", "La Russie n'a pas signé d'accord avec la Corée du Nord"),
        ("fr", "Le Kremlin dément tout accord avec Pyongyang"),
    ],
)
def test_denials_are_retractions_never_events(detect, lang, title):
    detection = detect(title, lang=lang)
    assert agreement(detection) is None
    assert [(e.type, e.actors) for e in detection.retractions if e.type == "agreement"] == [
        ("agreement", ("PRK", "RUS"))
    ]


def test_a_third_country_in_a_sentence_does_not_block_the_pair_when_it_is_context(detect):
    title = "Russia and North Korea sign defence pact amid the war in Ukraine"
    assert agreement(detect(title)) == "signed"


def test_arms_deliveries_are_their_own_event_type(detect):
    detection = detect("North Korea delivered artillery shells to Russia")
    assert agreement(detection) is None
    assert [(e.type, e.actors) for e in detection.events] == [("arms_transfer", ("PRK", "RUS"))]


def test_an_event_deeper_in_the_story_needs_its_parties_in_the_headline_or_lead(detect):
    detection = detect(
        "Putin leaves for the Far East",
        "The Russian president will tour the region. Mongolia and Russia are expected to sign deals. "
        "North Korea and Russia signed a treaty.",
    )
    assert agreement(detection) is None


@pytest.mark.parametrize(
    ("lang", "title", "summary"),
    [
        ("en", "One year on: Russia and North Korea", "Putin and Kim signed their partnership treaty in Pyongyang."),
        ("fr", "Chronologie : Moscou et Pyongyang", "Poutine et Kim Jong-un ont signé un traité de partenariat."),
    ],
)
def test_a_retrospective_headline_makes_the_body_a_recap(detect, lang, title, summary):
    assert agreement(detect(title, summary, lang=lang)) is None


@pytest.mark.parametrize(
    ("title", "summary", "stage"),
    [
        ("North Korean delegation in Moscow", "The visit comes a month after Putin and Kim signed their treaty.", None),
        ("Kim and Putin sign treaty hours after Putin's arrival in Pyongyang", "", "signed"),
        ("Russia and North Korea hold first talks under new treaty", "", None),
        ("Washington troubled as Putin and Kim sign defence pact", "", "signed"),
        ("Kim hails treaty with Russia", "Kim spoke after he and Vladimir Putin signed the treaty.", "signed"),
    ],
)
def test_a_time_span_or_since_makes_the_following_action_an_earlier_event(detect, title, summary, stage):
    assert agreement(detect(title, summary)) == stage


def test_an_itinerary_names_the_next_country_without_making_it_a_party(detect):
    detection = detect(
        "Kremlin confirms Putin will visit North Korea and Vietnam",
        "Putin will be in Pyongyang on Tuesday, where a partnership agreement may be signed, and then travel to Hanoi.",
    )
    assert agreement(detection) == "announced"


def test_a_third_country_named_as_an_actor_is_not_taken_for_a_source(detect):
    detection = detect(
        "Russia and Vietnam sign nuclear deal",
        "Rosatom and Vietnamese officials signed the agreement in Moscow, weeks after Putin's talks with Kim Jong Un.",
    )
    assert agreement(detection) is None
