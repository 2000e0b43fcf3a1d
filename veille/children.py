"""Child processes that never outlive their parent."""

from __future__ import annotations

import contextlib
import signal


def die_with_parent() -> None:
    """Ask Linux to send this process SIGTERM when its parent dies (no-op elsewhere).

    Call it in a child: between fork and exec (``preexec_fn``) or in a pool worker's initializer. A
    worker killed with SIGKILL, or one that leaves with ``os._exit``, then takes its children along
    instead of leaving them orphaned (holding its stdout, its ports, its memory).
    """
    import ctypes

    with contextlib.suppress(OSError, AttributeError):
        ctypes.CDLL("libc.so.6").prctl(1, signal.SIGTERM)  # PR_SET_PDEATHSIG
