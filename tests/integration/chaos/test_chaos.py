"""The chaos run at reduced size: 500 articles through killed workers, a frozen broker and cut DB connections;
and a run whose workers cannot start, which must stop at once instead of waiting out its timeout."""

from __future__ import annotations

import re
from pathlib import Path
from typing import Any

import pytest

from tests.chaos import harness
from tests.chaos.harness import Options, run
from tests.chaos.world import write_config

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


@pytest.mark.timeout(90)  # the run's own timeout is 600 s: only a run that notices the crash gets done in time
def test_a_chaos_run_whose_workers_cannot_start_stops_at_once_naming_the_worker_its_exit_code_and_its_log(
    tmp_path: Path, pg_server_url: str, monkeypatch: pytest.MonkeyPatch
) -> None:
    def unreadable_config(path: Path, **fields: Any) -> Path:
        written = write_config(path, **fields)
        written.write_text(written.read_text().replace("interval: 2s", "interval: sometimes"))
        return written

    monkeypatch.setattr(harness, "write_config", unreadable_config)
    options = Options(
        seed=7,
        articles=50,
        alerts=2,
        feeds=2,
        publish_seconds=40.0,
        timeout=600.0,
        workdir=tmp_path,
        pg_url=pg_server_url,
    )
    ledger = run(options, say=lambda _line: None)
    assert not ledger.ok
    assert len(ledger.problems) == 1, ledger.problems
    assert re.fullmatch(
        r"fleet crashed: (ingest|process|alerts)-\d exited with 2: "
        r"config: feeds\.0\.interval: 'sometimes' is not a duration.*",
        ledger.problems[0],
    ), ledger.problems[0]
    assert ledger.events[-1].endswith("s fleet crashed")
