"""A loopback HTTP server that answers as Slack does, for the incoming webhook and the Web API.

It checks what Slack checks: the bot token, a JSON body with ``text`` or ``blocks``, Block Kit
limits (50 blocks, header 150 characters, section 3,000, context 10 elements), metadata shape. It
stores posted messages per channel (with thread replies and metadata), so tests can read what a
channel shows. ``script(...)`` queues answers for the next requests to a path, optionally *after*
doing the work (a 429 for a message Slack did post).
"""

from __future__ import annotations

import contextlib
import json
import re
import threading
from collections import deque
from dataclasses import dataclass, field
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from typing import Any
from urllib.parse import parse_qs

TOKEN = "xoxb-test-token"
WEBHOOK_PATH = "/services/T000/B000/XXXX"
_EVENT_TYPE = re.compile(r"^[A-Za-z0-9_]+$")


@dataclass
class Scripted:
    """One queued answer: HTTP ``status``, ``body`` (str or JSON-able), headers.

    ``then_work``: do the call first (Slack posted, then answered an error); ``delay``: seconds to
    wait before answering (a client timeout on a call that did its work).
    """

    status: int
    body: Any
    headers: dict[str, str] = field(default_factory=dict)
    then_work: bool = False
    delay: float = 0.0


def block_problems(payload: dict[str, Any]) -> list[str]:
    """What Slack would reject in a message payload (empty list: acceptable)."""
    problems = []
    blocks = payload.get("blocks")
    if not payload.get("text") and not blocks:
        problems.append("no_text")
    if len(payload.get("text") or "") > 40000:
        problems.append("msg_too_long")
    for block in blocks or []:
        kind = block.get("type")
        text = (block.get("text") or {}).get("text", "")
        if kind == "header" and (block["text"].get("type") != "plain_text" or not 0 < len(text) <= 150):
            problems.append("invalid_blocks: header")
        if kind == "section" and not 0 < len(text) <= 3000:
            problems.append("invalid_blocks: section text")
        if kind == "context" and not 0 < len(block.get("elements", [])) <= 10:
            problems.append("invalid_blocks: context")
    if blocks is not None and not 0 < len(blocks) <= 50:
        problems.append("invalid_blocks: count")
    metadata = payload.get("metadata")
    if metadata is not None and (
        not _EVENT_TYPE.match(str(metadata.get("event_type", "")))
        or not isinstance(metadata.get("event_payload"), dict)
    ):
        problems.append("invalid_metadata_format")
    return problems


class FakeSlack:
    """The server state: requests seen, messages per channel, scripted answers per path."""

    def __init__(self) -> None:
        self.requests: list[tuple[str, dict[str, str], Any]] = []
        self.channels: dict[str, list[dict[str, Any]]] = {"C123": []}
        self.webhook_messages: list[dict[str, Any]] = []
        self._scripts: dict[str, deque[Scripted]] = {}
        self._ts = 1718694720
        self._lock = threading.Lock()
        self._stopping = threading.Event()
        self._server = ThreadingHTTPServer(("127.0.0.1", 0), self._handler())
        self._thread = threading.Thread(target=self._server.serve_forever, args=(0.05,), daemon=True)

    @property
    def base(self) -> str:
        """``http://127.0.0.1:PORT``."""
        host, port = self._server.server_address[:2]
        return f"http://{host}:{port}"

    @property
    def api_url(self) -> str:
        """The Web API base URL to give WebClient."""
        return self.base + "/api/"

    @property
    def webhook_url(self) -> str:
        """The incoming webhook URL."""
        return self.base + WEBHOOK_PATH

    def start(self) -> FakeSlack:
        """Serve in a background thread."""
        self._thread.start()
        return self

    def stop(self) -> None:
        """Stop serving and close the socket."""
        self._stopping.set()
        self._server.shutdown()
        self._server.server_close()
        self._thread.join()

    def script(self, path: str, *answers: Scripted) -> None:
        """Queue ``answers`` for the next requests to ``path`` (e.g. ``/api/chat.postMessage``)."""
        self._scripts.setdefault(path, deque()).extend(answers)

    def calls(self, path: str) -> list[Any]:
        """The parsed bodies of the requests made to ``path``, in order."""
        return [body for p, _, body in self.requests if p == path]

    def top_level(self, channel: str = "C123") -> list[dict[str, Any]]:
        """The messages a channel shows (thread replies only when broadcast)."""
        return [m for m in self.channels[channel] if "thread_ts" not in m or m.get("reply_broadcast")]

    def replies(self, thread_ts: str, channel: str = "C123") -> list[dict[str, Any]]:
        """The replies in the thread of ``thread_ts``."""
        return [m for m in self.channels[channel] if m.get("thread_ts") == thread_ts]

    # -- the API --------------------------------------------------------------------------------

    def _answer(self, path: str, headers: dict[str, str], body: Any) -> tuple[Scripted, float]:
        with self._lock:
            self.requests.append((path, headers, body))
            queued = self._scripts.get(path)
            scripted = queued.popleft() if queued else None
            if scripted is not None and not scripted.then_work:
                return scripted, scripted.delay
            status, answer = self._work(path, headers, body)
            if scripted is not None:
                return scripted, scripted.delay
            return Scripted(status, answer), 0.0

    def _work(self, path: str, headers: dict[str, str], body: Any) -> tuple[int, Any]:
        if path == WEBHOOK_PATH:
            if not isinstance(body, dict):
                return 400, "invalid_payload"
            if block_problems(body):
                return 400, "invalid_blocks" if any("blocks" in p for p in block_problems(body)) else "invalid_payload"
            self.webhook_messages.append(body)
            return 200, "ok"
        if headers.get("authorization") != f"Bearer {TOKEN}":
            return 200, {"ok": False, "error": "invalid_auth"}
        method = path.removeprefix("/api/")
        handler = getattr(self, "_" + method.replace(".", "_"), None)
        if handler is None or not isinstance(body, dict):
            return 404, {"ok": False, "error": "unknown_method"}
        return 200, handler(body)

    def _chat_postMessage(self, body: dict[str, Any]) -> dict[str, Any]:
        messages = self.channels.get(body.get("channel", ""))
        if messages is None:
            return {"ok": False, "error": "channel_not_found"}
        if problems := block_problems(body):
            return {"ok": False, "error": problems[0].split(":")[0]}
        self._ts += 1
        message = {"type": "message", "ts": f"{self._ts}.000100", **body}
        messages.append(message)
        return {"ok": True, "channel": body["channel"], "ts": message["ts"], "message": message}

    def _chat_update(self, body: dict[str, Any]) -> dict[str, Any]:
        for message in self.channels.get(body.get("channel", ""), []):
            if message["ts"] == body.get("ts"):
                if problems := block_problems(body):
                    return {"ok": False, "error": problems[0].split(":")[0]}
                message.update(text=body.get("text"), blocks=body.get("blocks"), edited=True)
                return {"ok": True, "channel": body["channel"], "ts": message["ts"], "text": body.get("text")}
        return {"ok": False, "error": "message_not_found"}

    def _listing(self, body: dict[str, Any], messages: list[dict[str, Any]]) -> dict[str, Any]:
        oldest = float(body.get("oldest", 0))
        shown = []
        for m in reversed(messages):
            if float(m["ts"]) < oldest:
                continue
            m = dict(m)
            if body.get("include_all_metadata") not in ("1", "true", True):
                m.pop("metadata", None)
            shown.append(m)
        return {"ok": True, "messages": shown, "has_more": False, "response_metadata": {"next_cursor": ""}}

    def _conversations_history(self, body: dict[str, Any]) -> dict[str, Any]:
        if body.get("channel") not in self.channels:
            return {"ok": False, "error": "channel_not_found"}
        return self._listing(body, self.top_level(body["channel"]))

    def _conversations_replies(self, body: dict[str, Any]) -> dict[str, Any]:
        if body.get("channel") not in self.channels:
            return {"ok": False, "error": "channel_not_found"}
        return self._listing(body, self.replies(body.get("ts", ""), body["channel"]))

    def _handler(self) -> type[BaseHTTPRequestHandler]:
        fake = self

        class Handler(BaseHTTPRequestHandler):
            def do_POST(self) -> None:
                raw = self.rfile.read(int(self.headers.get("Content-Length") or 0)).decode("utf-8")
                kind = self.headers.get("Content-Type", "")
                body: Any
                if kind.startswith("application/json"):
                    try:
                        body = json.loads(raw)
                    except ValueError:
                        body = None
                else:
                    body = {k: v[-1] for k, v in parse_qs(raw).items()}
                headers = {k.lower(): v for k, v in self.headers.items()}
                scripted, delay = fake._answer(self.path, headers, body)
                if delay and fake._stopping.wait(delay):
                    return
                answer = scripted.body
                data = (answer if isinstance(answer, str) else json.dumps(answer)).encode("utf-8")
                self.send_response(scripted.status)
                self.send_header("Content-Type", "text/plain" if isinstance(answer, str) else "application/json")
                self.send_header("Content-Length", str(len(data)))
                for key, value in scripted.headers.items():
                    self.send_header(key, value)
                self.end_headers()
                with contextlib.suppress(OSError):  # the client may have given up waiting (a timeout test)
                    self.wfile.write(data)

            def log_message(self, format: str, *args: object) -> None:
                pass

        return Handler
