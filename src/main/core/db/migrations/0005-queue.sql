-- The Today queue: what stopped or paused an enrollment today ("changed overnight") without scanning every event.
CREATE INDEX events_stops ON events (at) WHERE type IN ('finished', 'paused');
