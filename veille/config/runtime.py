"""Config sections for the infrastructure: Kafka, the SQL store and the metrics endpoints."""

from __future__ import annotations

from typing import Literal

from pydantic import Field, SecretStr

from veille.config.base import Section


class KafkaConfig(Section):
    """Where the topics live. No ``bootstrap_servers`` means: start the embedded broker."""

    bootstrap_servers: list[str] | None = Field(
        None, description="host:port list of a Kafka cluster; unset starts the embedded Tansu broker"
    )
    topic_prefix: str = Field("veille", pattern=r"^[A-Za-z0-9._-]*$")
    partitions: int = Field(4, ge=1, le=1024, description="partitions per topic when veille creates them")
    replication_factor: int = Field(1, ge=1)
    client_id: str = "veille"
    security_protocol: str = "PLAINTEXT"
    sasl_mechanism: str | None = None
    sasl_username: str | None = None
    sasl_password: SecretStr | None = None
    session_timeout_ms: int = Field(10_000, ge=1_000)
    heartbeat_interval_ms: int = Field(1_000, ge=100)
    compression_type: Literal["gzip", "lz4", "zstd", "snappy"] | None = Field(
        None,
        description="producer compression; none by default: on loopback and the embedded broker gzip costs "
        "~10 us of CPU per record and saves nothing (lz4/zstd/snappy need their Python package)",
    )
    fetch_max_wait_ms: int = Field(
        20,
        ge=1,
        le=10_000,
        description="longest a fetch waits for records; the embedded broker is slow to answer a waiting fetch "
        "when records arrive (~80 ms per hop at 500), 20 costs an idle consumer ~5% of a core; Apache Kafka "
        "answers at once, so 500 (its default) suits it",
    )


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
