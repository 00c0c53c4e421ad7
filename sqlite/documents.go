package sqlite

import (
	"context"
	"database/sql"
	"encoding/json"
	"errors"
	"fmt"
	"time"

	"github.com/faultline-news/faultline"
	"github.com/faultline-news/faultline/dedupe"
	sqlitedriver "modernc.org/sqlite"
	sqlite3 "modernc.org/sqlite/lib"
)

// BatchSize is the largest number of documents PutBatch writes in one
// transaction; longer slices are written in several.
const BatchSize = 500

// PutResult says what Put did with one document.
type PutResult struct {
	// Stored is true when the document was written.
	Stored bool
	// Existing is true when a document with the same ID was already
	// stored; nothing was changed.
	Existing bool
	// DuplicateOf is the ID of the first stored near-duplicate, when the
	// document is one (it is stored all the same, marked).
	DuplicateOf string
	// Err is why this document was not stored (PutBatch only; Put returns
	// it as its error).
	Err error
}

// Put stores doc unless a document with the same ID is already stored
// (then it returns Existing and changes nothing: re-ingesting is a no-op).
// It sets doc.Fingerprint when zero, and doc.DuplicateOf, when nil, to the
// ID of the earliest stored near-duplicate (see package dedupe). A failing
// Put leaves the store as it was.
func (s *Store) Put(ctx context.Context, doc *faultline.Document) (PutResult, error) {
	rs, err := s.PutBatch(ctx, []*faultline.Document{doc})
	if err != nil {
		return PutResult{}, err
	}
	return rs[0], rs[0].Err
}

// PutBatch stores docs as Put does, BatchSize documents per transaction,
// which is much faster than one Put per document. The result for docs[i]
// is at index i. A document that fails is rolled back alone and its result
// carries the error; the others are stored. The returned error is non-nil
// only when a whole transaction failed (cancellation, disk full): then the
// results of its documents carry that error too, and documents of earlier
// transactions stay stored.
func (s *Store) PutBatch(ctx context.Context, docs []*faultline.Document) ([]PutResult, error) {
	results := make([]PutResult, len(docs))
	for start := 0; start < len(docs); start += BatchSize {
		end := min(start+BatchSize, len(docs))
		if err := s.putChunk(ctx, docs[start:end], results[start:end]); err != nil {
			for i := start; i < len(docs); i++ {
				results[i] = PutResult{Err: err}
			}
			return results, err
		}
	}
	return results, nil
}

// putChunk writes docs in one transaction.
func (s *Store) putChunk(ctx context.Context, docs []*faultline.Document, results []PutResult) error {
	if err := ctx.Err(); err != nil {
		return faultline.Errorf(faultline.EUNAVAILABLE, "store %s: %w", s.path, err)
	}
	s.writeMu.Lock()
	defer s.writeMu.Unlock()
	if err := s.loadIndexLocked(ctx); err != nil {
		return err
	}
	tx, err := s.db.BeginTx(ctx, nil)
	if err != nil {
		return s.writeError("begin transaction", err)
	}
	defer tx.Rollback()
	insert, err := tx.PrepareContext(ctx, insertDocument)
	if err != nil {
		return s.writeError("prepare insert", err)
	}
	defer insert.Close()
	exists, err := tx.PrepareContext(ctx, "SELECT 1 FROM documents WHERE id = ?")
	if err != nil {
		return s.writeError("prepare lookup", err)
	}
	defer exists.Close()
	layers, err := prepareLayerWriter(ctx, tx)
	if err != nil {
		return s.writeError("prepare layer inserts", err)
	}
	defer layers.Close()

	for i, doc := range docs {
		r, err := s.putOne(ctx, tx, insert, exists, layers, doc)
		if err != nil && isTxFatal(ctx, err) {
			s.index = nil // pending additions never happened; reload later
			return s.writeError("write", err)
		}
		r.Err = err
		results[i] = r
		if r.Stored {
			// Later documents of this transaction must see this one.
			// If the transaction fails later, s.index is reset and
			// reloaded from the database on next use.
			s.index.Add(doc.ID, doc.Fingerprint)
		}
	}
	if err := tx.Commit(); err != nil {
		s.index = nil
		return s.writeError("commit", err)
	}
	return nil
}

const insertDocument = `INSERT INTO documents
	(id, json, title, published, url, path, site, feed, record, language,
	 duplicate_of, fingerprint, reference, ingested_at, text)
	VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`

// putOne writes one document in tx. A *faultline.Error concerns this
// document only; any other error ends the transaction.
func (s *Store) putOne(ctx context.Context, tx *sql.Tx, insert, exists *sql.Stmt, layers *layerWriter, doc *faultline.Document) (PutResult, error) {
	if doc == nil {
		return PutResult{}, faultline.Errorf(faultline.EINVALID, "store %s: nil document", s.path)
	}
	if doc.ID == "" {
		return PutResult{}, faultline.Errorf(faultline.EINVALID, "store %s: document %q has no id; set it from the normalised text before storing", s.path, doc.Source.URL+doc.Source.Path)
	}
	var one int
	switch err := exists.QueryRowContext(ctx, doc.ID).Scan(&one); {
	case err == nil:
		return PutResult{Existing: true}, nil
	case !errors.Is(err, sql.ErrNoRows):
		return PutResult{}, err
	}

	if doc.Fingerprint == 0 {
		doc.Fingerprint = dedupe.Fingerprint(doc.Text)
	}
	if doc.DuplicateOf == nil {
		if first, _, ok := s.index.Near(doc.Fingerprint); ok {
			doc.DuplicateOf = &first
		}
	}
	body, err := json.Marshal(doc)
	if err != nil {
		return PutResult{}, faultline.Errorf(faultline.EINVALID, "store %s: document %s cannot be encoded as JSON: %w", s.path, doc.ID, err)
	}
	var dup any
	var dupID string
	if doc.DuplicateOf != nil {
		dup, dupID = *doc.DuplicateOf, *doc.DuplicateOf
	}
	var ref string
	if !doc.Reference.IsZero() {
		ref = doc.Reference.Format(time.RFC3339Nano)
	}

	// One INSERT statement (with its full-text trigger) per document: if
	// it fails on a constraint, SQLite undoes that statement alone and the
	// transaction goes on. (Savepoints would do the same but make FTS5
	// flush its index at every release, which halves batch throughput.)
	res, err := insert.ExecContext(ctx, doc.ID, string(body), doc.Title, doc.Published,
		doc.Source.URL, doc.Source.Path, doc.Source.Site, doc.Source.Feed, doc.Source.Record,
		doc.Language, dup, int64(doc.Fingerprint), ref,
		s.now().UTC().Format(time.RFC3339Nano), doc.Text)
	if err != nil {
		var se *sqlitedriver.Error
		if errors.As(err, &se) && se.Code()&0xff == sqlite3.SQLITE_CONSTRAINT {
			return PutResult{}, faultline.Errorf(faultline.ECONFLICT, "store %s: document %s not stored: %w", s.path, doc.ID, err)
		}
		return PutResult{}, err // ends the transaction
	}
	// The layer rows ignore conflicts, so any error here ends the
	// transaction rather than leaving a document without its rows.
	seq, err := res.LastInsertId()
	if err != nil {
		return PutResult{}, err
	}
	if err := layers.write(ctx, seq, doc); err != nil {
		return PutResult{}, fmt.Errorf("document %s: %w", doc.ID, err)
	}
	return PutResult{Stored: true, DuplicateOf: dupID}, nil
}

// isTxFatal reports whether err ends the whole transaction: anything that
// is not a *faultline.Error about one document.
func isTxFatal(ctx context.Context, err error) bool {
	if ctx.Err() != nil {
		return true
	}
	var fe *faultline.Error
	return !errors.As(err, &fe)
}

// writeError wraps a failed write.
func (s *Store) writeError(what string, err error) error {
	var fe *faultline.Error
	if errors.As(err, &fe) {
		return err
	}
	if errors.Is(err, context.Canceled) || errors.Is(err, context.DeadlineExceeded) {
		return faultline.Errorf(faultline.EUNAVAILABLE, "store %s: %s: %w; nothing from this batch was stored", s.path, what, err)
	}
	return faultline.Errorf(faultline.EUNAVAILABLE, "store %s: %s: %w; nothing from this batch was stored (check free disk space and that no other process holds the file)", s.path, what, err)
}

// loadIndexLocked fills the near-duplicate index from the stored
// fingerprints, in insertion order, on first use. s.writeMu must be held.
func (s *Store) loadIndexLocked(ctx context.Context) error {
	if s.index != nil {
		return nil
	}
	rows, err := s.db.QueryContext(ctx, "SELECT id, fingerprint FROM documents ORDER BY seq")
	if err != nil {
		return s.readError("load fingerprints", err)
	}
	defer rows.Close()
	x := dedupe.NewIndex(dedupe.DefaultMaxDistance)
	for rows.Next() {
		var id string
		var fp int64
		if err := rows.Scan(&id, &fp); err != nil {
			return s.readError("load fingerprints", err)
		}
		x.Add(id, uint64(fp))
	}
	if err := rows.Err(); err != nil {
		return s.readError("load fingerprints", err)
	}
	s.index = x
	return nil
}

func (s *Store) readError(what string, err error) error {
	return faultline.Errorf(faultline.EUNAVAILABLE, "store %s: %s: %w", s.path, what, err)
}

// Get returns the stored document with the given id, or an ENOTFOUND error.
func (s *Store) Get(ctx context.Context, id string) (*faultline.Document, error) {
	var body, ref string
	var fp int64
	var dup sql.NullString
	err := s.db.QueryRowContext(ctx, "SELECT json, fingerprint, reference, duplicate_of FROM documents WHERE id = ?", id).
		Scan(&body, &fp, &ref, &dup)
	if errors.Is(err, sql.ErrNoRows) {
		return nil, faultline.Errorf(faultline.ENOTFOUND, "store %s: no document with id %q", s.path, id)
	}
	if err != nil {
		return nil, s.readError(fmt.Sprintf("get document %s", id), err)
	}
	doc := new(faultline.Document)
	if err := json.Unmarshal([]byte(body), doc); err != nil {
		return nil, faultline.Errorf(faultline.EINTERNAL, "store %s: document %s: stored JSON does not decode: %w", s.path, id, err)
	}
	doc.Fingerprint = uint64(fp)
	if ref != "" {
		if t, err := time.Parse(time.RFC3339Nano, ref); err == nil {
			doc.Reference = t
		}
	}
	if dup.Valid {
		doc.DuplicateOf = &dup.String
	}
	return doc, nil
}

// Count returns the number of stored documents, duplicates included.
func (s *Store) Count(ctx context.Context) (int, error) {
	var n int
	if err := s.db.QueryRowContext(ctx, "SELECT count(*) FROM documents").Scan(&n); err != nil {
		return 0, s.readError("count documents", err)
	}
	return n, nil
}

// Documents calls yield for every stored document in the order they were
// stored, streaming them from the database; it stops at yield's first
// error and returns it. With skipDuplicates, near-duplicate copies are left
// out.
func (s *Store) Documents(ctx context.Context, skipDuplicates bool, yield func(*faultline.Document) error) error {
	return s.documents(ctx, skipDuplicates, -1, 0, yield)
}

// DocumentsPage is Documents for one page: at most limit documents after
// skipping offset, in stored order, without reading the skipped ones.
func (s *Store) DocumentsPage(ctx context.Context, skipDuplicates bool, limit, offset int, yield func(*faultline.Document) error) error {
	if limit < 0 || offset < 0 {
		return faultline.Errorf(faultline.EINVALID, "store %s: page limit %d and offset %d must not be negative", s.path, limit, offset)
	}
	return s.documents(ctx, skipDuplicates, limit, offset, yield)
}

// documents streams stored documents in stored order; limit -1 means all.
func (s *Store) documents(ctx context.Context, skipDuplicates bool, limit, offset int, yield func(*faultline.Document) error) error {
	q := "SELECT id, json, fingerprint, reference, duplicate_of FROM documents"
	if skipDuplicates {
		q += " WHERE duplicate_of IS NULL OR duplicate_of = ''"
	}
	rows, err := s.db.QueryContext(ctx, q+" ORDER BY seq LIMIT ? OFFSET ?", limit, offset)
	if err != nil {
		return s.readError("list documents", err)
	}
	defer rows.Close()
	for rows.Next() {
		var id, body, ref string
		var fp int64
		var dup sql.NullString
		if err := rows.Scan(&id, &body, &fp, &ref, &dup); err != nil {
			return s.readError("list documents", err)
		}
		doc := new(faultline.Document)
		if err := json.Unmarshal([]byte(body), doc); err != nil {
			return faultline.Errorf(faultline.EINTERNAL, "store %s: document %s: stored JSON does not decode: %w", s.path, id, err)
		}
		doc.Fingerprint = uint64(fp)
		if ref != "" {
			if t, err := time.Parse(time.RFC3339Nano, ref); err == nil {
				doc.Reference = t
			}
		}
		if dup.Valid && dup.String != "" {
			doc.DuplicateOf = &dup.String
		}
		if err := yield(doc); err != nil {
			return err
		}
	}
	if err := rows.Err(); err != nil {
		return s.readError("list documents", err)
	}
	return nil
}
