"""stop_process: a process that ignores SIGTERM is killed after the grace, with the children of its session."""

from __future__ import annotations

import signal
import subprocess
import time
from pathlib import Path

from tests.processes import stop_process


def _gone(pid: int) -> bool:
    try:
        state = Path(f"/proc/{pid}/stat").read_text().rsplit(")", 1)[1].split()[0]
    except OSError:
        return True
    return state == "Z"


def test_a_process_that_exits_on_sigterm_returns_its_code():
    with subprocess.Popen(
        ["sh", "-c", "trap 'exit 3' TERM; echo ready; while :; do sleep 0.1; done"], stdout=subprocess.PIPE
    ) as process:
        assert process.stdout is not None and process.stdout.readline() == b"ready\n"
        assert stop_process(process, grace=30) == 3


def test_a_process_that_ignores_sigterm_is_killed_after_the_grace():
    with subprocess.Popen(["sh", "-c", "trap '' TERM; echo ready; exec sleep 60"], stdout=subprocess.PIPE) as process:
        assert process.stdout is not None and process.stdout.readline() == b"ready\n"
        assert stop_process(process, grace=0.5) == -signal.SIGKILL


def test_a_session_leader_that_will_not_stop_takes_the_children_of_its_session_along():
    with subprocess.Popen(
        ["sh", "-c", "trap '' TERM; sleep 60 & echo $!; wait"], stdout=subprocess.PIPE, start_new_session=True
    ) as process:
        assert process.stdout is not None
        child = int(process.stdout.readline())
        assert stop_process(process, grace=0.5) == -signal.SIGKILL
    deadline = time.monotonic() + 10
    while not _gone(child) and time.monotonic() < deadline:
        time.sleep(0.05)
    assert _gone(child), f"{child} outlived its session leader"
