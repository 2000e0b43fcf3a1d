"""Ending a process a test started, whatever state it is in: the teardown half of ``subprocess.Popen``."""

from __future__ import annotations

import contextlib
import os
import signal
import subprocess
from typing import Any


def stop_process(process: subprocess.Popen[Any], grace: float = 60.0, signum: int = signal.SIGTERM) -> int:
    """Send ``signum``, wait up to ``grace`` seconds, then SIGKILL and reap; the exit code (negative: the signal).

    Never raises for a process that will not stop, so the rest of a ``finally`` block still runs. A process
    that leads its own session (``start_new_session=True``) gets the SIGKILL with its whole process group.
    """
    if process.poll() is not None:
        return process.returncode
    process.send_signal(signum)
    try:
        return process.wait(timeout=grace)
    except subprocess.TimeoutExpired:
        with contextlib.suppress(ProcessLookupError):
            if os.getpgid(process.pid) == process.pid:
                os.killpg(process.pid, signal.SIGKILL)
            else:
                process.kill()
        return process.wait()
