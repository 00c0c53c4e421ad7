// Package sqlite is faultline's embedded store: one SQLite file (WAL mode)
// on the pure-Go driver modernc.org/sqlite, with the schema in numbered
// migrations embedded from migrations/.
//
// To change the schema, add the next numbered file to migrations/ (for
// example 0002_entities.sql); Open applies each missing one once, in its
// own transaction, and records it in PRAGMA user_version and the
// schema_migrations table. Never edit a migration that has been released.
//
// Writes are serialised inside the Store (SQLite has one writer at a time);
// reads run concurrently. A Store is safe for use by many goroutines.
package sqlite

import (
	"context"
	"database/sql"
	"embed"
	"errors"
	"fmt"
	"io/fs"
	"os"
	"path/filepath"
	"sort"
	"strconv"
	"strings"
	"sync"
	"time"

	"github.com/faultline-news/faultline"
	"github.com/faultline-news/faultline/dedupe"
	sqlitedriver "modernc.org/sqlite"
	sqlite3 "modernc.org/sqlite/lib"
)

//go:embed migrations/*.sql
var migrationFiles embed.FS

// busyTimeout is how long a connection waits for another process's write
// lock before failing with "database is locked".
const busyTimeout = 10 * time.Second

// Store is an open faultline database.
type Store struct {
	db   *sql.DB
	path string

	// writeMu serialises writers and guards index.
	writeMu sync.Mutex
	index   *dedupe.Index // loaded on first Put; nil until then

	// reads admits layer queries (Events, Quotes...) in arrival order, a
	// few at a time: see readSlots.
	reads chan struct{}
	// rdb is a small pool of read-only connections for those queries,
	// one per read slot, reading the file through mmap: in WAL mode every
	// commit empties the readers' page caches, and re-reading pages with
	// read(2) cost more than the queries themselves under a running ingest.
	rdb *sql.DB
	// stmts caches prepared read statements by their SQL text (see
	// readQuery); stmtsMu guards it.
	stmtsMu sync.Mutex
	stmts   map[string]*sql.Stmt

	now func() time.Time
}

// maxStmts is the most read statements the Store keeps prepared. The
// layer queries have a few dozen shapes (which filters are set, how many
// grid cells a box touches); a query beyond the cap is prepared afresh.
const maxStmts = 256

// readStmt returns the prepared read statement for query, preparing it on
// first use, or nil when the cache is full. database/sql prepares it
// again on each pooled connection it runs on, once, and keeps it there:
// the pure-Go SQLite spends as long parsing and planning a query as
// stepping through a page of results.
func (s *Store) readStmt(ctx context.Context, query string) (*sql.Stmt, error) {
	s.stmtsMu.Lock()
	defer s.stmtsMu.Unlock()
	if st, ok := s.stmts[query]; ok {
		return st, nil
	}
	if len(s.stmts) >= maxStmts {
		return nil, nil
	}
	st, err := s.rdb.PrepareContext(ctx, query)
	if err != nil {
		return nil, err
	}
	if s.stmts == nil {
		s.stmts = make(map[string]*sql.Stmt)
	}
	s.stmts[query] = st
	return st, nil
}

// readQuery runs a read query on the read pool through a cached prepared
// statement.
func (s *Store) readQuery(ctx context.Context, query string, args ...any) (*sql.Rows, error) {
	st, err := s.readStmt(ctx, query)
	if err != nil {
		return nil, err
	}
	if st == nil {
		return s.rdb.QueryContext(ctx, query, args...)
	}
	return st.QueryContext(ctx, args...)
}

// readQueryRow is readQuery for a query of one row.
func (s *Store) readQueryRow(ctx context.Context, query string, args ...any) *sql.Row {
	st, err := s.readStmt(ctx, query)
	if err != nil || st == nil {
		// A statement that does not prepare fails again here, with
		// its error.
		return s.rdb.QueryRowContext(ctx, query, args...)
	}
	return st.QueryRowContext(ctx, args...)
}

// migration is one numbered schema step.
type migration struct {
	version int
	name    string
	sql     string
}

// loadMigrations reads the embedded migrations/NNNN_name.sql files, which
// must be numbered 1, 2, 3... without gaps.
func loadMigrations() ([]migration, error) {
	entries, err := fs.ReadDir(migrationFiles, "migrations")
	if err != nil {
		return nil, err
	}
	var ms []migration
	for _, e := range entries {
		name := e.Name()
		num, _, ok := strings.Cut(name, "_")
		v, err := strconv.Atoi(num)
		if !ok || err != nil || !strings.HasSuffix(name, ".sql") {
			return nil, fmt.Errorf("migration file %q is not named NNNN_name.sql", name)
		}
		body, err := migrationFiles.ReadFile("migrations/" + name)
		if err != nil {
			return nil, err
		}
		ms = append(ms, migration{version: v, name: name, sql: string(body)})
	}
	sort.Slice(ms, func(i, j int) bool { return ms[i].version < ms[j].version })
	for i, m := range ms {
		if m.version != i+1 {
			return nil, fmt.Errorf("migration %s: expected version %d (migrations must be numbered without gaps)", m.name, i+1)
		}
	}
	return ms, nil
}

// SchemaVersion is the schema version this build creates and understands:
// the number of embedded migrations.
func SchemaVersion() int {
	ms, err := loadMigrations()
	if err != nil {
		return 0
	}
	return len(ms)
}

// Open opens the store at path, creating the file (and its directory) if
// missing, and applies any migrations it lacks, each once, in its own
// transaction. Data already in the file is kept. A file that is not a
// SQLite database, or one written by a newer faultline, gives an EINVALID
// error naming the file.
func Open(ctx context.Context, path string) (*Store, error) {
	if path == "" {
		return nil, faultline.Errorf(faultline.EINVALID, "open store: empty path; give the path of a .db file")
	}
	if st, err := os.Stat(path); err == nil && st.IsDir() {
		return nil, faultline.Errorf(faultline.EINVALID, "open store %s: it is a directory; give the path of a .db file", path)
	}
	if dir := filepath.Dir(path); dir != "" {
		if err := os.MkdirAll(dir, 0o755); err != nil {
			return nil, faultline.Errorf(faultline.EINVALID, "open store %s: cannot create its directory: %w", path, err)
		}
	}
	// The writer's page cache is 64 MiB instead of 2: inserting a batch
	// touches pages all over the nine event indexes, and with the small
	// cache it read many of them again (an ingest took ~11% more CPU on
	// a database of 100,000 events). It grows only as pages are used.
	db, err := sql.Open("sqlite", dsn(path)+"&_pragma=cache_size(-65536)")
	if err != nil {
		return nil, openError(path, err)
	}
	db.SetMaxOpenConns(8)
	db.SetMaxIdleConns(8)
	s := &Store{db: db, path: path, now: time.Now, reads: make(chan struct{}, readSlots())}
	if err := s.migrate(ctx); err != nil {
		db.Close()
		return nil, err
	}
	rdb, err := sql.Open("sqlite", dsn(path)+"&_pragma=query_only(1)&_pragma=mmap_size(1073741824)")
	if err != nil {
		db.Close()
		return nil, openError(path, err)
	}
	rdb.SetMaxOpenConns(readSlots())
	rdb.SetMaxIdleConns(readSlots())
	rdb.SetConnMaxIdleTime(0)
	s.rdb = rdb
	return s, nil
}

// dsn builds a file: URI for the driver with the connection pragmas. Every
// pooled connection runs them when it opens.
func dsn(path string) string {
	escaped := strings.NewReplacer("%", "%25", "?", "%3f", "#", "%23").Replace(path)
	q := []string{
		"_pragma=busy_timeout(" + strconv.Itoa(int(busyTimeout/time.Millisecond)) + ")",
		"_pragma=foreign_keys(1)",
		"_pragma=journal_mode(WAL)",
		"_pragma=synchronous(NORMAL)",
		"_txlock=immediate",
	}
	return "file:" + escaped + "?" + strings.Join(q, "&")
}

// openError turns a driver error met while opening path into a user error.
func openError(path string, err error) error {
	var se *sqlitedriver.Error
	if errors.As(err, &se) {
		switch se.Code() & 0xff {
		case sqlite3.SQLITE_NOTADB, sqlite3.SQLITE_CORRUPT:
			return faultline.Errorf(faultline.EINVALID, "open store %s: the file is not a SQLite database or is damaged (%w); give a new path or the path of a faultline store", path, err)
		case sqlite3.SQLITE_CANTOPEN, sqlite3.SQLITE_READONLY, sqlite3.SQLITE_PERM:
			return faultline.Errorf(faultline.EINVALID, "open store %s: cannot open the file for writing (%w); check the path and its permissions", path, err)
		case sqlite3.SQLITE_BUSY, sqlite3.SQLITE_LOCKED:
			return faultline.Errorf(faultline.EUNAVAILABLE, "open store %s: the database is locked by another process (%w); try again when it is done", path, err)
		}
	}
	if errors.Is(err, context.Canceled) || errors.Is(err, context.DeadlineExceeded) {
		return faultline.Errorf(faultline.EUNAVAILABLE, "open store %s: %w", path, err)
	}
	return faultline.Errorf(faultline.EINTERNAL, "open store %s: %w", path, err)
}

// migrate brings the schema up to SchemaVersion. PRAGMA user_version holds
// the number of applied migrations; the schema_migrations table records
// when each was applied.
func (s *Store) migrate(ctx context.Context) error {
	ms, err := loadMigrations()
	if err != nil {
		return faultline.Errorf(faultline.EINTERNAL, "open store %s: embedded migrations: %w", s.path, err)
	}
	s.writeMu.Lock()
	defer s.writeMu.Unlock()
	for {
		done, err := s.migrateOne(ctx, ms)
		if err != nil || done {
			return err
		}
	}
}

// migrateOne applies the next missing migration in a transaction, reading
// the version inside it so that two processes opening the same file do not
// both apply it. It reports done when nothing was left to apply.
func (s *Store) migrateOne(ctx context.Context, ms []migration) (done bool, err error) {
	tx, err := s.db.BeginTx(ctx, nil)
	if err != nil {
		return false, openError(s.path, err)
	}
	defer tx.Rollback()
	var version int
	if err := tx.QueryRowContext(ctx, "PRAGMA user_version").Scan(&version); err != nil {
		return false, openError(s.path, err)
	}
	if version > len(ms) {
		return false, faultline.Errorf(faultline.EINVALID,
			"open store %s: the database has schema version %d but this faultline build knows only up to %d; use a newer faultline to open it",
			s.path, version, len(ms))
	}
	if version == len(ms) {
		return true, nil
	}
	m := ms[version]
	if version == 0 {
		// The bookkeeping table comes with the first migration.
		if _, err := tx.ExecContext(ctx, `CREATE TABLE IF NOT EXISTS schema_migrations (
			version    INTEGER PRIMARY KEY,
			name       TEXT NOT NULL,
			applied_at TEXT NOT NULL)`); err != nil {
			return false, openError(s.path, err)
		}
	}
	if _, err := tx.ExecContext(ctx, m.sql); err != nil {
		return false, faultline.Errorf(faultline.EINTERNAL, "open store %s: migration %s failed: %w", s.path, m.name, err)
	}
	if step := afterMigration[m.version]; step != nil {
		if err := step(ctx, tx); err != nil {
			return false, faultline.Errorf(faultline.EINTERNAL, "open store %s: upgrading the data after migration %s failed: %w; the database is unchanged, try again", s.path, m.name, err)
		}
	}
	if _, err := tx.ExecContext(ctx, "INSERT INTO schema_migrations (version, name, applied_at) VALUES (?, ?, ?)",
		m.version, m.name, s.now().UTC().Format(time.RFC3339)); err != nil {
		return false, openError(s.path, err)
	}
	// PRAGMA takes no bound parameters; the value is our own integer.
	if _, err := tx.ExecContext(ctx, "PRAGMA user_version = "+strconv.Itoa(m.version)); err != nil {
		return false, openError(s.path, err)
	}
	if err := tx.Commit(); err != nil {
		return false, openError(s.path, err)
	}
	return false, nil
}

// Path returns the file the store was opened from.
func (s *Store) Path() string { return s.path }

// Close closes the database. The Store must not be used afterwards.
func (s *Store) Close() error {
	s.stmtsMu.Lock()
	for _, st := range s.stmts {
		st.Close()
	}
	s.stmts = nil
	s.stmtsMu.Unlock()
	if s.rdb != nil {
		s.rdb.Close()
	}
	if err := s.db.Close(); err != nil {
		return faultline.Errorf(faultline.EINTERNAL, "close store %s: %w", s.path, err)
	}
	return nil
}
