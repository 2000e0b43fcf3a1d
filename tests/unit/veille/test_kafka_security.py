"""Kafka over SASL_SSL: the config keys, their checks, and what the clients are given."""

from __future__ import annotations

from pathlib import Path

import pytest

from veille.bus import Bus
from veille.config import load_config
from veille.errors import ConfigError

SASL_SSL = """kafka:
  bootstrap_servers: ["broker-1.example.net:9093"]
  security_protocol: SASL_SSL
  sasl_mechanism: SCRAM-SHA-512
  sasl_username: veille
  sasl_password: ${KAFKA_PASSWORD}
  ssl_cafile: certs/kafka-ca.pem
"""


def _load(tmp_path: Path, text: str, **env: str):
    path = tmp_path / "conf" / "c.yaml"
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(text, encoding="utf-8")
    return load_config(path, environ=env)


def test_sasl_ssl_settings_reach_the_kafka_clients_with_the_ca_resolved_against_the_config(tmp_path):
    config = _load(tmp_path, SASL_SSL, KAFKA_PASSWORD="pw")
    settings = Bus(config.kafka, config.kafka.bootstrap_servers)._common()
    assert settings == {
        "bootstrap_servers": ["broker-1.example.net:9093"],
        "client_id": "veille",
        "security_protocol": "SASL_SSL",
        "sasl_mechanism": "SCRAM-SHA-512",
        "sasl_plain_username": "veille",
        "sasl_plain_password": "pw",
        "ssl_cafile": str(tmp_path / "conf" / "certs" / "kafka-ca.pem"),
    }
    assert "pw" not in repr(config.kafka)


@pytest.mark.parametrize(
    ("kafka", "message"),
    [
        ("{bootstrap_servers: [k:9093], security_protocol: SASL_SSL}", "needs sasl_mechanism"),
        ("{bootstrap_servers: [k:9092], sasl_mechanism: PLAIN}", "sasl_mechanism needs security_protocol"),
        ("{bootstrap_servers: [k:9092], ssl_cafile: ca.pem}", "ssl_cafile needs"),
        ("{security_protocol: SSL}", "the embedded broker speaks PLAINTEXT only"),
        ("{bootstrap_servers: [k:9093], security_protocol: TLS}", "security_protocol"),
        ("{bootstrap_servers: [k:9093], security_protocol: SASL_SSL, sasl_mechanism: MD5}", "sasl_mechanism"),
    ],
)
def test_inconsistent_security_settings_are_one_line_naming_kafka(tmp_path, kafka, message):
    with pytest.raises(ConfigError) as caught:
        _load(tmp_path, f"kafka: {kafka}\n")
    (problem,) = caught.value.problems
    assert problem.startswith("kafka") and message in problem
