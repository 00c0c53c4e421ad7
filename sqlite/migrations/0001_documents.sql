-- Documents: the whole Document JSON plus the columns that lists, filters
-- and the near-duplicate index read without decoding it.
--
-- seq is the stable rowid (an INTEGER PRIMARY KEY survives VACUUM, an
-- implicit rowid does not); the full-text index points at it. It also
-- records insertion order: "the first copy" of a near-duplicate is the one
-- with the smallest seq.
CREATE TABLE documents (
    seq          INTEGER PRIMARY KEY,
    id           TEXT    NOT NULL UNIQUE,
    json         TEXT    NOT NULL,
    title        TEXT    NOT NULL DEFAULT '',
    published    TEXT    NOT NULL DEFAULT '',
    url          TEXT    NOT NULL DEFAULT '',
    path         TEXT    NOT NULL DEFAULT '',
    site         TEXT    NOT NULL DEFAULT '',
    feed         TEXT    NOT NULL DEFAULT '',
    record       TEXT    NOT NULL DEFAULT '',
    language     TEXT    NOT NULL DEFAULT '',
    duplicate_of TEXT,
    fingerprint  INTEGER NOT NULL,      -- dedupe.Fingerprint, uint64 bits stored as int64
    reference    TEXT    NOT NULL DEFAULT '', -- Document.Reference, RFC 3339
    ingested_at  TEXT    NOT NULL,      -- RFC 3339, UTC
    text         TEXT    NOT NULL
);

CREATE INDEX documents_published ON documents (published);
CREATE INDEX documents_site ON documents (site);
CREATE INDEX documents_duplicate_of ON documents (duplicate_of) WHERE duplicate_of IS NOT NULL;

-- Full-text index over title and text, external content: the text lives
-- once in documents, and the triggers below keep the index in sync.
CREATE VIRTUAL TABLE documents_fts USING fts5 (
    title,
    text,
    content = 'documents',
    content_rowid = 'seq',
    tokenize = 'unicode61 remove_diacritics 2'
);

CREATE TRIGGER documents_fts_insert AFTER INSERT ON documents BEGIN
    INSERT INTO documents_fts (rowid, title, text) VALUES (new.seq, new.title, new.text);
END;

CREATE TRIGGER documents_fts_delete AFTER DELETE ON documents BEGIN
    INSERT INTO documents_fts (documents_fts, rowid, title, text) VALUES ('delete', old.seq, old.title, old.text);
END;

CREATE TRIGGER documents_fts_update AFTER UPDATE OF title, text ON documents BEGIN
    INSERT INTO documents_fts (documents_fts, rowid, title, text) VALUES ('delete', old.seq, old.title, old.text);
    INSERT INTO documents_fts (rowid, title, text) VALUES (new.seq, new.title, new.text);
END;
