from process.text import fold, fold_phrase, tokenize


def test_folding_ignores_case_accents_hyphens_and_apostrophes():
    assert fold_phrase("Corée-du-Nord") == fold_phrase("COREE DU NORD") == ("coree", "du", "nord")
    assert fold_phrase("l’accord") == fold_phrase("l'accord") == ("l", "accord")
    assert fold_phrase("Œuvre") == ("oeuvre",)


def test_tokens_point_back_into_the_original_text():
    text = "Poutine–Kim : l’accord signé à Pyongyang"
    for token in tokenize(text):
        assert fold(text[token.start : token.end])[0].strip() == token.form


def test_ligature_expansion_keeps_offsets_on_the_original_character():
    text = "cœur de Séoul"
    tokens = tokenize(text)
    assert [t.form for t in tokens] == ["coeur", "de", "seoul"]
    assert text[tokens[0].start : tokens[0].end] == "cœur"
    assert text[tokens[2].start : tokens[2].end] == "Séoul"


def test_cyrillic_words_are_whole_tokens_folded_like_latin_ones():
    text = "Ким Чен Ын, Пхеньян — Ёлка"
    tokens = tokenize(text)
    assert [t.form for t in tokens] == ["ким", "чен", "ын", ",", "пхеньян", "елка"]
    assert [text[t.start : t.end] for t in tokens][-1] == "Ёлка"
