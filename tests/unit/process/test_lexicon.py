from process.lexicon import PhraseSet
from process.text import fold_phrase


def forms(text: str) -> list[str]:
    return list(fold_phrase(text))


def test_longest_phrase_wins_at_a_position():
    phrases = PhraseSet([("Corée", "X"), ("Corée du Sud", "KOR"), ("Corée du Nord", "PRK")])
    found = phrases.find(forms("la Corée du Sud et la Corée du Nord"))
    assert [m.payload for m in found] == ["KOR", "PRK"]


def test_trailing_star_matches_word_endings_only_on_the_last_word():
    phrases = PhraseSet([("négoci*", "n"), ("nord-coréen*", "prk")])
    assert [m.payload for m in phrases.find(forms("négociations nord-coréennes"))] == ["n", "prk"]
    assert phrases.find(forms("nordcoreen")) == []


def test_alternatives_let_one_word_phrases_match_a_lemma():
    phrases = PhraseSet([("signer", "signed")])
    assert phrases.find(["signeront"]) == []
    assert [m.payload for m in phrases.find(["signeront"], ["signer"])] == ["signed"]


def test_an_earlier_phrase_keeps_its_payload():
    phrases = PhraseSet([("Kim", "PRK"), ("kim", "other")])
    assert phrases.find(["kim"])[0].payload == "PRK"


def test_among_overlapping_prefixes_the_first_listed_wins_in_any_script():
    phrases = PhraseSet([("подписа*", "signed"), ("подп*", "other"), ("Северной Коре*", "PRK")])
    found = phrases.find(forms("подписали в Северной Корее подпись"))
    assert [(m.payload, m.first, m.last) for m in found] == [("signed", 0, 1), ("PRK", 2, 4), ("other", 4, 5)]


def test_a_star_inside_a_phrase_makes_that_word_a_prefix():
    phrases = PhraseSet([("взят* в плен", "captured"), ("ракетн* технолог*", "tech")])
    found = phrases.find(forms("взятых в плен и ракетные технологии"))
    assert [(m.payload, m.first, m.last) for m in found] == [("captured", 0, 3), ("tech", 4, 6)]
    assert phrases.find(forms("взять в руки")) == []


def test_alternatives_let_multi_word_phrases_match_lemmas():
    phrases = PhraseSet([("находиться с визит*", "visit")])
    found = phrases.find(["находящиися", "с", "визитом"], ["находиться", "с", "визит"])
    assert [(m.payload, m.first, m.last) for m in found] == [("visit", 0, 3)]


def test_among_prefix_phrases_of_one_length_the_first_listed_wins_whatever_its_first_word():
    phrases = PhraseSet([("испыта* ракетн* двигател*", None), ("испытали ракет* двигател*", "test")])
    assert phrases.find(forms("испытали ракетные двигатели"))[0].payload is None
    phrases = PhraseSet([("испытали ракет* двигател*", "test"), ("испыта* ракетн* двигател*", None)])
    assert phrases.find(forms("испытали ракетные двигатели"))[0].payload == "test"
    assert phrases.find(forms("испытания ракетных двигателей"))[0].payload is None
