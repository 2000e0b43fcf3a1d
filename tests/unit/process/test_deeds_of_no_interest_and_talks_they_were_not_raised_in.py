"""Round (29), pundit29: a deed its actor is said to have no interest in (« n'a aucun intérêt à envoyer… », "has
little interest in sending…", «не заинтересована в отправке…») is judged unlikely, no deed nor plan; and one
said not to have been on the table or raised in talks ("arms supplies were not on the table", « pas sur la
table », «не обсуждался») is denied. The deed told plainly, or said to be on the table, stays."""

from __future__ import annotations

from tests.unit.process.conftest import event, told


def test_a_french_dispatch_of_no_interest_to_the_sender_is_no_deployment(detect):
    title = "Pour une spécialiste, Pyongyang n'a « aucun intérêt » à envoyer de nouveaux soldats en Russie"
    assert event(detect(title, lang="fr", published="2025-05-10"), "troop_deployment") is None


def test_an_english_dispatch_of_little_interest_to_the_sender_is_no_deployment(detect):
    title = "Researcher: Pyongyang has little interest in sending new troops to Russia"
    assert event(detect(title, published="2025-05-10"), "troop_deployment") is None


def test_a_russian_dispatch_the_sender_is_not_interested_in_is_no_deployment(detect):
    title = "Эксперт: КНДР «не заинтересована» в отправке новых войск в Россию"
    assert event(detect(title, lang="ru", published="2025-05-10"), "troop_deployment") is None


def test_troops_sent_as_a_state_says_stay_reported(detect):
    title = "North Korea has sent more soldiers to Russia, Seoul says"
    assert told(detect(title, published="2025-05-10"), "troop_deployment") == ("reported", "PRK", "RUS")


def test_english_arms_not_on_the_table_at_talks_are_no_transfer(detect):
    title = "Peskov says arms supplies were not on the table at Lavrov-Choe talks"
    assert event(detect(title, published="2025-05-10"), "arms_transfer") is None


def test_english_arms_that_did_not_come_up_in_talks_are_no_transfer(detect):
    title = "Arms deliveries did not come up in Shoigu's talks with Kim, Kremlin says"
    assert event(detect(title, published="2025-05-10"), "arms_transfer") is None


def test_french_arms_not_on_the_table_at_talks_are_no_transfer(detect):
    title = "Les livraisons d'armes n'étaient pas sur la table lors des entretiens Lavrov-Choe, selon Moscou"
    assert event(detect(title, lang="fr", published="2025-05-10"), "arms_transfer") is None


def test_russian_arms_not_discussed_at_talks_are_no_transfer(detect):
    title = "Песков: вопрос поставок вооружений на переговорах Лаврова и Цой Сон Хи не обсуждался"
    assert event(detect(title, lang="ru", published="2025-05-10"), "arms_transfer") is None


def test_arms_on_the_table_at_talks_stay(detect):
    title = "Arms supplies were on the table at Lavrov-Choe talks, Peskov says"
    assert told(detect(title, published="2025-05-10"), "arms_transfer")[0] == "reported"
