"""The chaos run at reduced size: 500 articles through killed workers, a frozen broker and cut DB connections."""

from __future__ import annotations

from pathlib import Path

import pytest

from tests.chaos.harness import Options, run

pytestmark = pytest.mark.timeout(900)


def test_reduced_chaos_run_loses_nothing_sends_nothing_twice_and_dead_letters_nothing(
    tmp_path: Path, pg_server_url: str
) -> None:
    options = Options(
        seed=1234,
        articles=500,
        alerts=12,
        feeds=8,
        publish_seconds=40.0,
        freeze=20.0,
        timeout=600.0,
        workdir=tmp_path,
        pg_url=pg_server_url,
    )
    ledger = run(options, say=lambda _line: None)
    details = "\n".join(ledger.events + ledger.problems + ledger.mismatches)
    assert ledger.ok, f"{ledger.line()}\n{details}\nworker logs under {tmp_path}"
    assert ledger.line() == "chaos: articles 500/500 processed, alerts 12/12 delivered, duplicates 0, dlq 0, seed 1234"
