"""Each language's spaCy pipeline is built once per process and shared by every extractor."""

from __future__ import annotations

from process import nlp
from process.extractor import Extractor


def test_extractors_of_one_process_share_each_language_pipeline(
    extractor: Extractor, rules_extractor: Extractor
) -> None:
    assert extractor._pipelines.keys() == rules_extractor._pipelines.keys()
    for code, pipeline in extractor._pipelines.items():
        assert rules_extractor._pipelines[code] is pipeline is nlp.pipeline(code)


def test_the_french_pipeline_keeps_only_what_the_rules_read() -> None:
    assert nlp.pipeline("fr").pipe_names == ["tok2vec", "morphologizer", "senter", "attribute_ruler", "lemmatizer"]
