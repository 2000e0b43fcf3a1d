"""The prefilter (the cheap gate before spaCy) loses no recall on the labelled corpus.

Only the items it drops can differ from a run without it, so only those go through the full analysis:
a few seconds, where scoring the whole corpus twice took minutes.
"""

from __future__ import annotations

import io
import json

import pytest

from process.extract_cli import parse_line, run_extract
from process.extractor import Extractor
from tests.eval.score import CONFIG, CORPORA, EVENT_TYPES, predicted_event
from veille.config import load_config

# Two extractors are built (about 12 s of CPU); a loaded 2-core machine takes several times that.
pytestmark = pytest.mark.timeout(600)


def labelled_true_events() -> list[tuple[str, list[str]]]:
    """Each corpus line that labels a Russia–DPRK event, with the types it labels as having happened."""
    found = []
    for corpus in CORPORA:
        for line in corpus.read_text(encoding="utf-8").splitlines():
            item = json.loads(line) if line.strip() else {}
            types = [event_type for event_type in EVENT_TYPES if item.get(event_type)]
            if types:
                found.append((line, types))
    return found


def test_the_prefilter_drops_no_labelled_event_that_the_full_analysis_finds():
    config = load_config(CONFIG)
    labelled = labelled_true_events()
    assert len(labelled) >= 1000, "too few labelled events to mean anything"
    gate = Extractor.from_config(config)
    dropped = [(line, types) for line, types in labelled if not gate.prepare(parse_line(line)).candidate]
    stdin, stdout, stderr = io.StringIO("".join(line + "\n" for line, _ in dropped)), io.StringIO(), io.StringIO()
    code = run_extract(config, stdin, stdout, stderr, prefilter=False)
    assert code == 0, stderr.getvalue()
    outputs = [json.loads(line) for line in stdout.getvalue().splitlines()]
    lost = [
        f"{output['id']}/{event_type}"
        for (_, types), output in zip(dropped, outputs, strict=True)
        for event_type in types
        if predicted_event(output, event_type)
    ]
    assert not lost, f"the prefilter drops events the full analysis finds: {lost}"
