"""Console and JSONL receivers, the registry, and the test notification."""

from __future__ import annotations

import io
import json
import multiprocessing
from pathlib import Path

from alerts.receivers import build
from alerts.receivers.base import Notice
from alerts.receivers.console import Console
from alerts.receivers.jsonl import JsonlFile
from alerts.receivers.probe import send_test
from alerts.render import Renderer
from tests.unit.alerts.receivers.factory import NAMES, hostile_alert, make_alert
from veille.config.receivers import ConsoleReceiver, JsonlReceiver, SlackReceiver, TemplateFile

REQUIRED = {"alert_id", "rule", "event_type", "actors", "stage", "sources", "article_ids", "first_seen"}
REQUIRED |= {"fired_at", "title", "kind", "revision", "links"}


def test_console_prints_a_readable_block_without_terminal_escapes() -> None:
    out = io.StringIO()
    Console("console", Renderer("console", names=NAMES), out).send(Notice(hostile_alert(), "k"))

    printed = out.getvalue()
    assert "North Korea–Russia agreement: announced (2 sources)" in printed
    assert "\x1b" not in printed and "\x07" not in printed and "\r" not in printed


def test_jsonl_line_holds_the_contract_fields(tmp_path: Path) -> None:
    receiver = build(JsonlReceiver(type="jsonl", name="file", path=Path("out/alerts.jsonl")), tmp_path)

    receiver.send(Notice(make_alert(), "alert:0:file"))

    [line] = (tmp_path / "out" / "alerts.jsonl").read_text(encoding="utf-8").splitlines()
    record = json.loads(line)
    assert set(record) >= REQUIRED
    assert record["actors"] == ["PRK", "RUS"]
    assert record["first_seen"] == "2024-06-18T07:12:00Z"
    assert record["idempotency_key"] == "alert:0:file"


def _append_many(path: str, worker: int) -> None:
    receiver = JsonlFile("file", Path(path), fsync=False)
    for i in range(50):
        receiver.send(Notice(make_alert(alert_id=f"w{worker}-{i}", title="x" * 20000), f"k{worker}-{i}"))


def test_lines_from_several_processes_never_interleave(tmp_path: Path) -> None:
    path = tmp_path / "alerts.jsonl"
    context = multiprocessing.get_context("spawn")
    workers = [context.Process(target=_append_many, args=(str(path), w)) for w in range(4)]
    for process in workers:
        process.start()
    for process in workers:
        process.join()

    lines = path.read_text(encoding="utf-8").splitlines()
    assert sorted(json.loads(line)["alert_id"] for line in lines) == sorted(
        f"w{w}-{i}" for w in range(4) for i in range(50)
    )


def test_template_file_override_is_read_at_build(tmp_path: Path) -> None:
    template = tmp_path / "line.j2"
    template.write_text("ALERT {{ headline }}", encoding="utf-8")
    out = io.StringIO()
    config = ConsoleReceiver(type="console", name="c", templates={"text": TemplateFile(file=template)})
    receiver = build(config, tmp_path, names=NAMES)
    assert isinstance(receiver, Console)
    receiver.stream = out

    receiver.send(Notice(make_alert(), "k"))

    assert out.getvalue().endswith("ALERT North Korea–Russia agreement: announced (3 sources)\n")


def test_slack_config_builds_the_mode_it_names(tmp_path: Path) -> None:
    hook = build(SlackReceiver(type="slack", name="a", webhook_url="https://hooks.slack.com/services/T/B/X"), tmp_path)
    bot = build(SlackReceiver(type="slack", name="b", token="xoxb-1", channel="C1"), tmp_path)

    assert type(hook).__name__ == "SlackWebhook"
    assert type(bot).__name__ == "SlackBot"


def test_send_test_reports_the_receiver_answer(tmp_path: Path) -> None:
    receiver = build(JsonlReceiver(type="jsonl", name="file"), tmp_path)

    answer = send_test(receiver)

    assert answer.startswith("delivered: appended to ")
    [record] = [json.loads(line) for line in (tmp_path / "alerts.jsonl").read_text().splitlines()]
    assert record["kind"] == "test"
