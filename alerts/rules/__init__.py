"""Alert rule types, one module per type."""
