"""The alerts worker: evaluates rules over Detections, stores fired alerts, delivers them."""
