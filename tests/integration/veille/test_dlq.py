"""Poison records end on the dead-letter topic without stalling; ``veille dlq list/replay`` bring them back once."""

from __future__ import annotations

import threading
from datetime import UTC, datetime
from pathlib import Path

from tests.integration.veille.test_runner import _article, _produce
from veille.bus import Bus
from veille.cli import main
from veille.contracts import Article, topic_name
from veille.errors import PermanentError
from veille.runner import Outgoing, StageRunner


def _config(tmp_path: Path, servers: list[str], prefix: str, store_url: str) -> str:
    path = tmp_path / "veille.yaml"
    path.write_text(
        f"kafka: {{bootstrap_servers: [{servers[0]}], topic_prefix: {prefix}, session_timeout_ms: 6000}}\n"
        f"store: {{url: '{store_url}'}}\ndata_dir: {tmp_path}\n",
        encoding="utf-8",
    )
    return str(path)


def _veille(capsys, *args: str) -> tuple[int, str, str]:
    code = main(list(args))
    captured = capsys.readouterr()
    return code, captured.out, captured.err


def test_poison_goes_to_the_dlq_with_its_reason_and_replay_sends_each_dead_letter_back_once(
    broker, kafka_config, store_url, tmp_path, capsys
):
    bus = Bus(kafka_config, broker)
    prefix = kafka_config.topic_prefix
    src, out, dlq = (topic_name(prefix, t) for t in ("articles", "detections", "dlq"))
    bus.ensure_topics([src, out, dlq])
    ends = _produce(bus, src, [b"\xff not json", _article(1).to_bytes(), _article(2).to_bytes()])
    broken = {"a2"}
    handled: list[str] = []

    def handler(messages):
        for message in messages:
            if message.id in broken:
                raise PermanentError(f"cannot handle {message.id}")
        handled.extend(m.id for m in messages)
        return [Outgoing(out, m.id, m) for m in messages]

    runner = StageRunner("process", bus, group_id="g", source_topic=src, model=Article, handler=handler, dlq_topic=dlq)
    runner.drain(ends, threading.Event(), timeout=60)  # returns: the poison did not stall its partition
    runner.close()
    assert handled == ["a1"]

    config = _config(tmp_path, broker, prefix, store_url)
    code, listing, _ = _veille(capsys, "dlq", "list", "--config", config, "--stage", "process", "--since", "1h")
    assert code == 0
    lines = listing.splitlines()
    assert lines[-1] == "2 dead letters"
    assert any("not a valid Article" in line for line in lines)
    poisoned = next(line for line in lines if "PermanentError: cannot handle a2" in line)
    ident = poisoned.split("\t")[0]
    assert _veille(capsys, "dlq", "list", "--config", config, "--stage", "alerts")[1].splitlines() == ["0 dead letters"]

    broken.clear()  # the cause is fixed
    code, said, _ = _veille(capsys, "dlq", "replay", "--config", config, "--id", ident)
    assert (code, said) == (0, "replayed 1 dead letters; 0 were replayed before and were skipped\n")
    code, said, _ = _veille(capsys, "dlq", "replay", "--config", config, "--all")
    assert (code, said) == (0, "replayed 1 dead letters; 1 were replayed before and were skipped\n")
    code, said, _ = _veille(capsys, "dlq", "replay", "--config", config, "--all")
    assert (code, said) == (0, "replayed 0 dead letters; 2 were replayed before and were skipped\n")

    again = StageRunner("process", bus, group_id="g", source_topic=src, model=Article, handler=handler, dlq_topic=dlq)
    stop = threading.Event()
    deadline = datetime.now(UTC).timestamp() + 60
    while "a2" not in handled and datetime.now(UTC).timestamp() < deadline:
        again.step(stop)
    again.close()
    assert handled.count("a2") == 1


def test_dlq_replay_without_a_choice_is_refused_in_one_line(broker, kafka_config, tmp_path, capsys):
    config = _config(tmp_path, broker, kafka_config.topic_prefix, f"sqlite:///{tmp_path / 'v.db'}")
    code, _, err = _veille(capsys, "dlq", "replay", "--config", config)
    assert code == 2
    assert err == "config: dlq replay: name dead letters with --id PARTITION:OFFSET, or pass --all\n"
