-- A one-degree grid cell for each located event, and an index of cell,
-- flags, day and position: a small bounding box with a date range is then
-- a few short index ranges (one per cell it touches) instead of a scan of
-- every event in the date range. cell is row × 361 + column, row the
-- integer part of lat + 90 and column that of lon + 180 (both ≥ 0); NULL
-- when the event has no place. A trigger fills it for new events, so the
-- writers (and the schema-1 backfill, which runs before this migration)
-- need not know about it.
ALTER TABLE events ADD COLUMN cell INTEGER;
UPDATE events SET cell = CAST(lat + 90 AS INTEGER) * 361 + CAST(lon + 180 AS INTEGER)
    WHERE lat IS NOT NULL AND lon IS NOT NULL;
CREATE INDEX events_cell_date ON events (cell, negated, hypothetical, date, lon, lat) WHERE cell IS NOT NULL;
CREATE TRIGGER events_cell_insert AFTER INSERT ON events
    WHEN new.lat IS NOT NULL AND new.lon IS NOT NULL BEGIN
    UPDATE events SET cell = CAST(new.lat + 90 AS INTEGER) * 361 + CAST(new.lon + 180 AS INTEGER) WHERE id = new.id;
END;
