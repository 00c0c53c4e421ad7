package sqlite

import (
	"context"
	"database/sql"
	"errors"
	"strings"
	"time"

	"github.com/faultline-news/faultline/watch"
)

// The Store remembers polled feeds for package watch.
var _ watch.State = (*Store)(nil)

// FeedState returns what is remembered of feed, or a state with only URL
// set when the feed was never polled.
func (s *Store) FeedState(ctx context.Context, feed string) (watch.FeedState, error) {
	st := watch.FeedState{URL: feed}
	var polled string
	err := s.db.QueryRowContext(ctx, "SELECT etag, last_modified, last_polled, last_error, failures FROM feeds WHERE url = ?", feed).
		Scan(&st.ETag, &st.LastModified, &polled, &st.LastError, &st.Failures)
	if errors.Is(err, sql.ErrNoRows) {
		return st, nil
	}
	if err != nil {
		return st, s.readError("feed "+feed, err)
	}
	if polled != "" {
		st.LastPolled, _ = time.Parse(time.RFC3339Nano, polled)
	}
	return st, nil
}

// SetFeedState stores st, replacing what was remembered of st.URL.
func (s *Store) SetFeedState(ctx context.Context, st watch.FeedState) error {
	var polled string
	if !st.LastPolled.IsZero() {
		polled = st.LastPolled.UTC().Format(time.RFC3339Nano)
	}
	s.writeMu.Lock()
	defer s.writeMu.Unlock()
	_, err := s.db.ExecContext(ctx, `INSERT INTO feeds (url, etag, last_modified, last_polled, last_error, failures)
		VALUES (?, ?, ?, ?, ?, ?)
		ON CONFLICT (url) DO UPDATE SET etag = excluded.etag, last_modified = excluded.last_modified,
			last_polled = excluded.last_polled, last_error = excluded.last_error, failures = excluded.failures`,
		st.URL, st.ETag, st.LastModified, polled, st.LastError, st.Failures)
	if err != nil {
		return s.writeError("save feed "+st.URL, err)
	}
	return nil
}

// Feeds returns every remembered feed, by URL.
func (s *Store) Feeds(ctx context.Context) ([]watch.FeedState, error) {
	rows, err := s.db.QueryContext(ctx, "SELECT url FROM feeds ORDER BY url")
	if err != nil {
		return nil, s.readError("list feeds", err)
	}
	var urls []string
	for rows.Next() {
		var u string
		if err := rows.Scan(&u); err != nil {
			rows.Close()
			return nil, s.readError("list feeds", err)
		}
		urls = append(urls, u)
	}
	rows.Close()
	if err := rows.Err(); err != nil {
		return nil, s.readError("list feeds", err)
	}
	out := make([]watch.FeedState, 0, len(urls))
	for _, u := range urls {
		st, err := s.FeedState(ctx, u)
		if err != nil {
			return nil, err
		}
		out = append(out, st)
	}
	return out, nil
}

// seenChunk bounds the parameters of one lookup.
const seenChunk = 500

// SeenItems returns which of keys were marked seen for feed.
func (s *Store) SeenItems(ctx context.Context, feed string, keys []string) (map[string]bool, error) {
	seen := make(map[string]bool)
	for start := 0; start < len(keys); start += seenChunk {
		part := keys[start:min(start+seenChunk, len(keys))]
		args := make([]any, 0, len(part)+1)
		args = append(args, feed)
		for _, k := range part {
			args = append(args, k)
		}
		rows, err := s.db.QueryContext(ctx, "SELECT key FROM feed_items WHERE feed = ? AND key IN (?"+
			strings.Repeat(", ?", len(part)-1)+")", args...)
		if err != nil {
			return nil, s.readError("feed items of "+feed, err)
		}
		for rows.Next() {
			var k string
			if err := rows.Scan(&k); err != nil {
				rows.Close()
				return nil, s.readError("feed items of "+feed, err)
			}
			seen[k] = true
		}
		rows.Close()
		if err := rows.Err(); err != nil {
			return nil, s.readError("feed items of "+feed, err)
		}
	}
	return seen, nil
}

// MarkItemsSeen remembers keys as seen for feed.
func (s *Store) MarkItemsSeen(ctx context.Context, feed string, keys []string) error {
	if len(keys) == 0 {
		return nil
	}
	s.writeMu.Lock()
	defer s.writeMu.Unlock()
	tx, err := s.db.BeginTx(ctx, nil)
	if err != nil {
		return s.writeError("mark feed items", err)
	}
	defer tx.Rollback()
	st, err := tx.PrepareContext(ctx, "INSERT OR IGNORE INTO feed_items (feed, key, seen_at) VALUES (?, ?, ?)")
	if err != nil {
		return s.writeError("mark feed items", err)
	}
	defer st.Close()
	now := s.now().UTC().Format(time.RFC3339)
	for _, k := range keys {
		if _, err := st.ExecContext(ctx, feed, k, now); err != nil {
			return s.writeError("mark feed items", err)
		}
	}
	if err := tx.Commit(); err != nil {
		return s.writeError("mark feed items", err)
	}
	return nil
}
