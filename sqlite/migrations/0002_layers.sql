-- Layers of each document as rows, for queries that do not decode the
-- document JSON: entities, quotes, places and events, each pointing at its
-- document by documents.seq (doc_seq). Filled in the same transaction as
-- the document (Put/PutBatch); a database made at schema 1 is backfilled
-- from the stored JSON right after this migration (see layers.go).
--
-- Dates are YYYY-MM-DD text (sortable); offsets are UTF-8 byte offsets
-- into documents.text, half-open.

-- What result rows show of their document, in a narrow table: reading
-- these columns from documents would walk past the JSON on every row.
CREATE TABLE document_meta (
    seq       INTEGER PRIMARY KEY REFERENCES documents (seq) ON DELETE CASCADE,
    id        TEXT NOT NULL,
    url       TEXT NOT NULL DEFAULT '',
    title     TEXT NOT NULL DEFAULT '',
    published TEXT NOT NULL DEFAULT ''
);

CREATE TABLE entities (
    doc_seq    INTEGER NOT NULL REFERENCES documents (seq) ON DELETE CASCADE,
    entity_id  TEXT    NOT NULL,
    name       TEXT    NOT NULL DEFAULT '',
    type       TEXT    NOT NULL DEFAULT '',
    actor_code TEXT    NOT NULL DEFAULT '',
    country    TEXT    NOT NULL DEFAULT '',
    aliases    TEXT    NOT NULL DEFAULT '[]', -- JSON array of strings
    mentions   INTEGER NOT NULL DEFAULT 0,
    PRIMARY KEY (doc_seq, entity_id)
);
CREATE INDEX entities_actor_code ON entities (actor_code) WHERE actor_code <> '';
CREATE INDEX entities_name ON entities (name COLLATE NOCASE, actor_code);
CREATE INDEX entities_country ON entities (country) WHERE country <> '';

CREATE TABLE quotes (
    id             INTEGER PRIMARY KEY,
    doc_seq        INTEGER NOT NULL REFERENCES documents (seq) ON DELETE CASCADE,
    ord            INTEGER NOT NULL,              -- index in Document.Quotes
    speaker_entity TEXT    NOT NULL DEFAULT '',
    speaker_name   TEXT    NOT NULL DEFAULT '',   -- the entity's name, else the speaker text
    speaker_text   TEXT    NOT NULL DEFAULT '',
    cue            TEXT    NOT NULL DEFAULT '',
    direct         INTEGER NOT NULL DEFAULT 0,
    medium         TEXT    NOT NULL DEFAULT '',
    text           TEXT    NOT NULL DEFAULT '',
    start          INTEGER NOT NULL DEFAULT 0,
    "end"          INTEGER NOT NULL DEFAULT 0,
    date           TEXT    NOT NULL DEFAULT '',   -- the document's publication day
    UNIQUE (doc_seq, ord)
);
CREATE INDEX quotes_date ON quotes (date);
CREATE INDEX quotes_speaker ON quotes (speaker_name COLLATE NOCASE);

CREATE VIRTUAL TABLE quotes_fts USING fts5 (
    text,
    speaker_name,
    content = 'quotes',
    content_rowid = 'id',
    tokenize = 'unicode61 remove_diacritics 2'
);
CREATE TRIGGER quotes_fts_insert AFTER INSERT ON quotes BEGIN
    INSERT INTO quotes_fts (rowid, text, speaker_name) VALUES (new.id, new.text, new.speaker_name);
END;
CREATE TRIGGER quotes_fts_delete AFTER DELETE ON quotes BEGIN
    INSERT INTO quotes_fts (quotes_fts, rowid, text, speaker_name) VALUES ('delete', old.id, old.text, old.speaker_name);
END;

CREATE TABLE places (
    doc_seq     INTEGER NOT NULL REFERENCES documents (seq) ON DELETE CASCADE,
    place_id    TEXT    NOT NULL,
    name        TEXT    NOT NULL DEFAULT '',
    lat         REAL,
    lon         REAL,
    country     TEXT    NOT NULL DEFAULT '',
    admin1      TEXT    NOT NULL DEFAULT '',
    kind        TEXT    NOT NULL DEFAULT '',
    geonames_id INTEGER NOT NULL DEFAULT 0,
    confidence  REAL    NOT NULL DEFAULT 0,
    mentions    INTEGER NOT NULL DEFAULT 0,
    PRIMARY KEY (doc_seq, place_id)
);
CREATE INDEX places_name ON places (name COLLATE NOCASE);
CREATE INDEX places_country ON places (country) WHERE country <> '';
CREATE INDEX places_lat_lon ON places (lat, lon) WHERE lat IS NOT NULL;

CREATE TABLE events (
    id             INTEGER PRIMARY KEY,
    doc_seq        INTEGER NOT NULL REFERENCES documents (seq) ON DELETE CASCADE,
    ord            INTEGER NOT NULL,              -- index in Document.Events
    event_id       TEXT    NOT NULL DEFAULT '',
    source_entity  TEXT    NOT NULL DEFAULT '',
    target_entity  TEXT    NOT NULL DEFAULT '',
    source_text    TEXT    NOT NULL DEFAULT '',
    target_text    TEXT    NOT NULL DEFAULT '',
    source_code    TEXT    NOT NULL DEFAULT '',
    target_code    TEXT    NOT NULL DEFAULT '',
    cameo          TEXT    NOT NULL DEFAULT '',
    cameo_root     TEXT    NOT NULL DEFAULT '',   -- first two digits of cameo
    plover_type    TEXT    NOT NULL DEFAULT '',
    plover_mode    TEXT    NOT NULL DEFAULT '',
    quad_class     INTEGER NOT NULL DEFAULT 0,
    goldstein      REAL    NOT NULL DEFAULT 0,
    date           TEXT    NOT NULL DEFAULT '',   -- the event's day, else the document's
    place_id       TEXT    NOT NULL DEFAULT '',
    place_name     TEXT    NOT NULL DEFAULT '',
    lat            REAL,
    lon            REAL,
    country        TEXT    NOT NULL DEFAULT '',   -- ISO 3166-1 alpha-2 of the place
    confidence     REAL    NOT NULL DEFAULT 0,
    negated        INTEGER NOT NULL DEFAULT 0,
    hypothetical   INTEGER NOT NULL DEFAULT 0,
    sentence       INTEGER NOT NULL DEFAULT -1,
    sentence_start INTEGER NOT NULL DEFAULT 0,
    sentence_end   INTEGER NOT NULL DEFAULT 0,
    sentence_text  TEXT    NOT NULL DEFAULT '',
    trigger_start  INTEGER NOT NULL DEFAULT 0,
    trigger_end    INTEGER NOT NULL DEFAULT 0,
    trigger_text   TEXT    NOT NULL DEFAULT '',
    reported_by    TEXT    NOT NULL DEFAULT '',
    UNIQUE (doc_seq, ord)
);
-- Date-ordered scans filter on place and flags inside the index.
CREATE INDEX events_date ON events (negated, hypothetical, date, lon, lat);
CREATE INDEX events_root_date ON events (cameo_root, date);
CREATE INDEX events_cameo ON events (cameo);
CREATE INDEX events_plover_date ON events (plover_type, date);
CREATE INDEX events_country_date ON events (country, negated, hypothetical, date);
CREATE INDEX events_place_name ON events (place_name COLLATE NOCASE);
CREATE INDEX events_source_code ON events (source_code) WHERE source_code <> '';
CREATE INDEX events_target_code ON events (target_code) WHERE target_code <> '';

-- Bounding-box index of located events: id is events.id.
CREATE VIRTUAL TABLE events_rtree USING rtree (id, min_lon, max_lon, min_lat, max_lat);
CREATE TRIGGER events_rtree_delete AFTER DELETE ON events BEGIN
    DELETE FROM events_rtree WHERE id = old.id;
END;

-- Feeds polled by package watch: conditional-GET validators and errors.
CREATE TABLE feeds (
    url           TEXT PRIMARY KEY,
    etag          TEXT    NOT NULL DEFAULT '',
    last_modified TEXT    NOT NULL DEFAULT '',
    last_polled   TEXT    NOT NULL DEFAULT '',  -- RFC 3339, UTC
    last_error    TEXT    NOT NULL DEFAULT '',
    failures      INTEGER NOT NULL DEFAULT 0    -- consecutive failed polls
);

-- Feed items already handed to ingest, by item key (its link, else its
-- name and title), so that no item is fetched twice.
CREATE TABLE feed_items (
    feed    TEXT NOT NULL,
    key     TEXT NOT NULL,
    seen_at TEXT NOT NULL,
    PRIMARY KEY (feed, key)
) WITHOUT ROWID;
