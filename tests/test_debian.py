"""Tests that need Debian binaries: skipped outside CI with one line saying what to install, failed in CI."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pytest

from tests.debian import INSTALL, binary

ROOT = Path(__file__).resolve().parents[1]


def test_a_present_binary_is_found_on_path():
    assert Path(binary("no-such-veille-tool", "sh")).name == "sh"


def test_a_missing_binary_skips_outside_ci_naming_the_packages(monkeypatch):
    monkeypatch.delenv("CI", raising=False)
    with pytest.raises(pytest.skip.Exception, match=INSTALL):
        binary("no-such-veille-tool")


def test_a_missing_binary_fails_in_ci(monkeypatch):
    monkeypatch.setenv("CI", "true")
    with pytest.raises(pytest.fail.Exception, match="no-such-veille-tool not found on PATH; CI needs it"):
        binary("no-such-veille-tool")


def test_the_suite_sums_up_the_skips_in_one_visible_line():
    env = {k: v for k, v in os.environ.items() if k != "CI"}
    env["PATH"] = str(Path(sys.executable).parent)  # the venv only: no promtool, no prometheus
    result = subprocess.run(
        [sys.executable, "-m", "pytest", "-q", "-p", "no:cacheprovider", "tests/integration/deploy/test_prometheus.py"],
        cwd=ROOT,
        env=env,
        capture_output=True,
        text=True,
        timeout=120,
        check=False,
    )
    assert result.returncode == 0, result.stdout + result.stderr
    lines = [line for line in result.stdout.splitlines() if INSTALL in line]
    assert lines == [f"3 tests skipped, prometheus, promtool not installed: {INSTALL}"]
