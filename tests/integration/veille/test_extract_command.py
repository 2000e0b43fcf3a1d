"""``veille extract`` as a user runs it: bytes on stdin, whatever the locale's strictness."""

from __future__ import annotations

import json
import os
import subprocess
import sys

import pytest

pytestmark = pytest.mark.timeout(300)

GOOD = {
    "id": "a1",
    "title": "Putin and Kim sign treaty",
    "summary": "Russia and North Korea signed a pact.",
    "lang": "en",
}


def test_bad_bytes_and_a_2mb_summary_get_one_line_each_and_every_other_line_goes_through():
    huge = {**GOOD, "id": "huge", "summary": GOOD["summary"] + " filler" * 400_000}
    stdin = (
        b"\n".join([b"\xff\xfe not utf-8", json.dumps(huge).encode(), b"{not json", json.dumps(GOOD).encode()]) + b"\n"
    )
    assert len(stdin) > 2_000_000
    env = {**os.environ, "PYTHONIOENCODING": "utf-8:strict"}  # as on a machine whose locale is strict UTF-8
    done = subprocess.run(
        [sys.executable, "-m", "veille.cli", "extract"], input=stdin, capture_output=True, env=env, timeout=240
    )
    errors = done.stderr.decode().splitlines()
    assert done.returncode == 1
    assert errors == [
        "line 1: not UTF-8 text (at column 1)",
        "line 3: not JSON (Expecting property name enclosed in double quotes at column 2)",
    ]
    out = [json.loads(line) for line in done.stdout.decode().splitlines()]
    assert [o["id"] for o in out] == ["huge", "a1"]
    assert out[0]["events"] == out[1]["events"] != []
