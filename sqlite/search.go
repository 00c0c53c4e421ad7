package sqlite

import (
	"context"
	"strings"
	"unicode"

	"github.com/faultline-news/faultline"
)

// Hit is one search result.
type Hit struct {
	ID        string
	Title     string
	Published string
	URL       string
	Path      string
	Site      string
	// Snippet is a short extract of the best matching column with the
	// matched terms between the highlight markers.
	Snippet string
	// Rank is the BM25 relevance: higher is better.
	Rank float64
}

// SearchOption changes how Search formats its hits.
type SearchOption func(*searchOptions)

type searchOptions struct {
	start, end, ellipsis string
	tokens               int
}

// Highlight sets the markers put around matched terms in snippets, for
// example "\x1b[1m" and "\x1b[0m" on a terminal or "<mark>" and "</mark>"
// in HTML. The default is "[" and "]".
func Highlight(start, end string) SearchOption {
	return func(o *searchOptions) { o.start, o.end = start, end }
}

// SnippetTokens sets the length of snippets in tokens (1 to 64; default 16).
func SnippetTokens(n int) SearchOption {
	return func(o *searchOptions) { o.tokens = max(1, min(n, 64)) }
}

// DefaultSearchLimit is used when Search is given a limit of zero or less.
const DefaultSearchLimit = 20

// Search finds documents matching query, best first, at most limit. The
// query uses SQLite FTS5 syntax (words, "phrases", AND/OR/NOT, prefix*,
// NEAR(...), title: column filters); a query that is not valid FTS5 syntax
// is retried as plain words that must all appear, so user input never
// fails on syntax. An EINVALID error says what is wrong with a query that
// still cannot run (for example, one without any word).
func (s *Store) Search(ctx context.Context, query string, limit int, opts ...SearchOption) ([]Hit, error) {
	o := searchOptions{start: "[", end: "]", ellipsis: "…", tokens: 16}
	for _, opt := range opts {
		opt(&o)
	}
	if limit <= 0 {
		limit = DefaultSearchLimit
	}
	if strings.TrimSpace(query) == "" {
		return nil, faultline.Errorf(faultline.EINVALID, "search: empty query; give one or more words to look for")
	}
	hits, err := s.search(ctx, query, limit, o)
	if err == nil {
		return hits, nil
	}
	if ctx.Err() != nil {
		return nil, faultline.Errorf(faultline.EUNAVAILABLE, "search %q: %w", query, ctx.Err())
	}
	if !isQueryError(err) {
		return nil, s.readError("search", err)
	}
	plain := quoteTerms(query)
	if plain == "" {
		return nil, faultline.Errorf(faultline.EINVALID,
			"search %q: the query has no words to look for (%w); use words, \"a phrase\", AND, OR, NOT or prefix*", query, err)
	}
	hits, err2 := s.search(ctx, plain, limit, o)
	if err2 != nil {
		if isQueryError(err2) {
			return nil, faultline.Errorf(faultline.EINVALID,
				"search %q: not a valid query (%w); use words, \"a phrase\", AND, OR, NOT or prefix*", query, err)
		}
		return nil, s.readError("search", err2)
	}
	return hits, nil
}

const searchSQL = `SELECT d.id, d.title, d.published, d.url, d.path, d.site,
		snippet(documents_fts, -1, ?, ?, ?, ?), -bm25(documents_fts)
	FROM documents_fts JOIN documents d ON d.seq = documents_fts.rowid
	WHERE documents_fts MATCH ?
	ORDER BY bm25(documents_fts)
	LIMIT ?`

func (s *Store) search(ctx context.Context, match string, limit int, o searchOptions) ([]Hit, error) {
	rows, err := s.db.QueryContext(ctx, searchSQL, o.start, o.end, o.ellipsis, o.tokens, match, limit)
	if err != nil {
		return nil, err
	}
	defer rows.Close()
	hits := []Hit{}
	for rows.Next() {
		var h Hit
		if err := rows.Scan(&h.ID, &h.Title, &h.Published, &h.URL, &h.Path, &h.Site, &h.Snippet, &h.Rank); err != nil {
			return nil, err
		}
		hits = append(hits, h)
	}
	return hits, rows.Err()
}

// isQueryError reports whether err is FTS5 rejecting the query text rather
// than a failure of the store.
func isQueryError(err error) bool {
	msg := err.Error()
	return strings.Contains(msg, "fts5:") || strings.Contains(msg, "no such column") ||
		strings.Contains(msg, "unterminated string") || strings.Contains(msg, "syntax error") ||
		strings.Contains(msg, "unknown special query")
}

// quoteTerms turns free text into an FTS5 query of quoted words, all of
// which must match: `"word1" "word2"`. Quotes and punctuation lose their
// meaning, and the operator words AND, OR, NOT and NEAR (upper case, as
// FTS5 spells them) are dropped, since they were misplaced; they are kept
// only when nothing else is left.
func quoteTerms(query string) string {
	words := strings.FieldsFunc(query, func(r rune) bool {
		return !(unicode.IsLetter(r) || unicode.IsDigit(r) || unicode.IsMark(r))
	})
	var terms []string
	for _, w := range words {
		switch w {
		case "AND", "OR", "NOT", "NEAR":
			continue
		}
		terms = append(terms, `"`+w+`"`)
	}
	if len(terms) == 0 {
		for _, w := range words {
			terms = append(terms, `"`+w+`"`)
		}
	}
	return strings.Join(terms, " ")
}
