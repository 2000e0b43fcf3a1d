"""The process worker: finds watched entities and events in Articles, produces Detections."""
