"""Every Prometheus alert veille ships has a runbook entry (docs/RELIABILITY.md) saying what to do."""

from __future__ import annotations

import re
from pathlib import Path

import yaml

ROOT = Path(__file__).resolve().parents[3]


def _alerts() -> list[str]:
    rules = yaml.safe_load((ROOT / "deploy" / "prometheus" / "veille.rules.yml").read_text())
    return [rule["alert"] for group in rules["groups"] for rule in group["rules"] if "alert" in rule]


def _runbook() -> dict[str, str]:
    text = (ROOT / "docs" / "RELIABILITY.md").read_text()
    section = text.split("\n## Runbook\n", 1)[1].split("\n## ", 1)[0]
    parts = re.split(r"^### (\S+)\s*$", section, flags=re.M)
    return dict(zip(parts[1::2], parts[2::2], strict=True))


def test_each_prometheus_alert_has_a_runbook_entry_with_meaning_what_to_look_at_and_what_to_do():
    runbook = _runbook()
    assert _alerts()
    for alert in _alerts():
        assert alert in runbook, f"docs/RELIABILITY.md has no runbook entry for {alert}"
        entry = runbook[alert]
        for part in ("**Means**", "**Look at**", "**Do**"):
            assert part in entry, f"{alert}: runbook entry lacks {part}"


def test_the_runbook_documents_no_alert_that_does_not_exist():
    assert set(_runbook()) <= set(_alerts())


def test_every_test_the_bad_input_section_cites_exists():
    text = (ROOT / "docs" / "RELIABILITY.md").read_text()
    section = text.split("\n## Bad input and security\n", 1)[1].split("\n## ", 1)[0]
    cited = 0
    for row in section.splitlines():
        path = None
        for token in re.findall(r"`([^`]+)`", row):
            if token.startswith("tests/"):
                path, _, name = token.partition("::")
                assert (ROOT / path).is_file(), token
            elif token.startswith("::") and path:
                name = token[2:]
            else:
                continue
            if name:
                name = name.split("[", 1)[0]
                assert re.search(rf"^def {re.escape(name)}\(", (ROOT / path).read_text(), re.M), token
                cited += 1
    assert cited >= 10
