"""Every config key the extractor reads is described in docs/WATCHING.md's Configuration section.

A cue kind of the language profiles or a key of an event type that the docs do not name is a knob
no one can find; these tests fail when code grows one without a line in the docs.
"""

from __future__ import annotations

import dataclasses
import re
from pathlib import Path

import pytest
import yaml

from process.languages import _CUE_KINDS, PipelineSpec
from veille.config.events import EventTypeConfig, StageConfig

ROOT = Path(__file__).resolve().parents[3]
PROFILES = ROOT / "process" / "languages"
PROFILE_KEYS = {"pipeline", "adjective_endings", "months", "weekdays", "home_state", *_CUE_KINDS}
PIPELINE_KEYS = {"future_morph", *(f.name for f in dataclasses.fields(PipelineSpec))}


def _configuration_section() -> str:
    """The text of docs/WATCHING.md from '## Configuration' up to the next level-2 heading."""
    text = (ROOT / "docs" / "WATCHING.md").read_text(encoding="utf-8")
    start = text.index("\n## Configuration\n")
    end = text.find("\n## ", start + 1)
    return text[start : end if end > 0 else None]


def _undocumented(keys: set[str]) -> list[str]:
    """The keys that appear in the Configuration section neither as `key` nor as a YAML `key:`."""
    section = _configuration_section()
    return sorted(k for k in keys if f"`{k}`" not in section and not re.search(rf"^\s*-?\s*{k}:", section, re.M))


@pytest.mark.parametrize("keys", [PROFILE_KEYS, PIPELINE_KEYS], ids=["profile", "pipeline"])
def test_every_language_profile_key_is_described(keys: set[str]) -> None:
    assert _undocumented(keys) == []


def test_every_event_type_and_stage_key_is_described() -> None:
    assert _undocumented(set(EventTypeConfig.model_fields) | set(StageConfig.model_fields)) == []


def test_the_shipped_event_lexicon_uses_only_described_keys() -> None:
    raw = yaml.safe_load((ROOT / "config" / "lexicon" / "events.yaml").read_text(encoding="utf-8"))
    keys = {key for event in raw["events"] for key in event}
    keys |= {key for event in raw["events"] for stage in event.get("stages", ()) for key in stage}
    assert _undocumented(keys) == []


@pytest.mark.parametrize("path", sorted(PROFILES.glob("*.yaml")), ids=lambda p: p.stem)
def test_a_language_profile_has_no_key_the_loader_ignores(path: Path) -> None:
    raw = yaml.safe_load(path.read_text(encoding="utf-8"))
    assert set(raw) - PROFILE_KEYS == set()
    assert set(raw.get("pipeline") or {}) - PIPELINE_KEYS == set()
