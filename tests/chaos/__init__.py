"""The chaos run (``make chaos``): the pipeline under faults, with a ledger of what got through."""
