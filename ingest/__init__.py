"""The ingest worker: polls RSS/Atom feeds and produces new Articles to the ``articles`` topic."""
