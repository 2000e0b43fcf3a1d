"""Config sections for the infrastructure: Kafka, the SQL store and the metrics endpoints."""

from __future__ import annotations

from pathlib import Path
from typing import Literal

from pydantic import Field, SecretStr, model_validator

from veille.config.base import Section


class KafkaConfig(Section):
    """Where the topics live. No ``bootstrap_servers`` means: start the embedded broker.

    A managed cluster over SASL_SSL (docs/BROKER.md)::

        kafka:
          bootstrap_servers: ["broker-1.example.net:9093"]
          security_protocol: SASL_SSL
          sasl_mechanism: SCRAM-SHA-512
          sasl_username: veille
          sasl_password: ${KAFKA_PASSWORD}
          ssl_cafile: certs/kafka-ca.pem    # unset: the system trust store
    """

    bootstrap_servers: list[str] | None = Field(
        None, description="host:port list of a Kafka cluster; unset starts the embedded Tansu broker"
    )
    topic_prefix: str = Field("veille", pattern=r"^[A-Za-z0-9._-]*$")
    partitions: int = Field(4, ge=1, le=1024, description="partitions per topic when veille creates them")
    replication_factor: int = Field(1, ge=1)
    client_id: str = "veille"
    security_protocol: Literal["PLAINTEXT", "SSL", "SASL_PLAINTEXT", "SASL_SSL"] = "PLAINTEXT"
    sasl_mechanism: Literal["PLAIN", "SCRAM-SHA-256", "SCRAM-SHA-512"] | None = None
    sasl_username: str | None = None
    sasl_password: SecretStr | None = None
    ssl_cafile: Path | None = Field(None, description="CA bundle that signed the brokers' certificates")
    session_timeout_ms: int = Field(10_000, ge=1_000)
    heartbeat_interval_ms: int = Field(1_000, ge=100)
    compression_type: Literal["gzip", "lz4", "zstd", "snappy"] | None = Field(
        None,
        description="producer compression; none by default: on loopback and the embedded broker gzip costs "
        "~10 us of CPU per record and saves nothing (lz4/zstd/snappy need their Python package)",
    )
    client_wait_limit_ms: int = Field(
        60_000,
        ge=1_000,
        description="longest a consumer call (poll, commit, committed offsets, close) waits for the client's network "
        "thread before the client is given up and rebuilt; kafka-python's own default API timeout, far above any "
        "wait of a healthy client (veille/bounded_net.py)",
    )
    fetch_max_wait_ms: int = Field(
        20,
        ge=1,
        le=10_000,
        description="longest a fetch waits for records; the embedded broker is slow to answer a waiting fetch "
        "when records arrive (~80 ms per hop at 500), 20 costs an idle consumer ~5% of a core; Apache Kafka "
        "answers at once, so 500 (its default) suits it",
    )

    @model_validator(mode="after")
    def _security(self) -> KafkaConfig:
        sasl = self.security_protocol.startswith("SASL_")
        if sasl and not (self.sasl_mechanism and self.sasl_username and self.sasl_password):
            raise ValueError(
                f"security_protocol {self.security_protocol} needs sasl_mechanism, sasl_username and sasl_password"
            )
        if self.sasl_mechanism and not sasl:
            raise ValueError("sasl_mechanism needs security_protocol SASL_SSL (or SASL_PLAINTEXT)")
        if self.ssl_cafile is not None and not self.security_protocol.endswith("SSL"):
            raise ValueError("ssl_cafile needs security_protocol SSL or SASL_SSL")
        if self.bootstrap_servers is None and self.security_protocol != "PLAINTEXT":
            raise ValueError(
                f"the embedded broker speaks PLAINTEXT only: set bootstrap_servers to use {self.security_protocol}"
            )
        return self


class StoreConfig(Section):
    """The SQL state store (SQLAlchemy URL). Unset: a SQLite file in the data directory."""

    url: SecretStr | None = Field(
        None, description="e.g. postgresql+psycopg://veille@db/veille; unset: sqlite:///DATA_DIR/veille.db"
    )


class MetricsConfig(Section):
    """Prometheus ``/metrics`` endpoints, one port per worker (0 disables that worker's endpoint)."""

    host: str = "127.0.0.1"
    ingest_port: int = Field(9101, ge=0, le=65535)
    process_port: int = Field(9102, ge=0, le=65535)
    alerts_port: int = Field(9103, ge=0, le=65535)
