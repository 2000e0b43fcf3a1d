"""veille: the shared kernel (message contracts, config, Kafka bus, state store, telemetry, CLI)."""

__version__ = "0.1.0"
