"""Alert receivers, one module per channel; ``build`` turns a receiver config into a Receiver."""
