package sqlite

import (
	"context"
	"crypto/sha256"
	"encoding/hex"
	"fmt"
	"math"
	"math/rand/v2"
	"os"
	"path/filepath"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/faultline-news/faultline"
)

const article = `The foreign ministers of the two countries met in Geneva on Tuesday for the first direct talks since the border clashes in March, officials said. The meeting, hosted by the Swiss government, lasted more than six hours and ended with a joint statement calling for the withdrawal of heavy weapons from the disputed valley. Both delegations described the talks as frank and constructive. A spokesman for the ministry of foreign affairs said the two sides had agreed to set up a joint commission to investigate the shelling of villages near the border, which killed at least twelve civilians. Aid agencies have warned that thousands of families remain displaced and that winter could worsen their situation. Observers from the regional security organisation will be allowed to visit the area next week, according to the statement. Diplomats said a second round of talks could take place in Vienna before the end of the year if the ceasefire holds.`

const otherArticle = `Heavy rain caused flooding in several northern provinces over the weekend, forcing the evacuation of more than three thousand residents, the national disaster agency said on Sunday. Rivers burst their banks after four days of storms, and landslides blocked the main highway linking the region with the capital. Rescue teams used boats to reach villages cut off by the water. The agency said two people had died and five were missing. Forecasters expect more rain in the coming days, and schools in the affected districts will stay closed until Wednesday. The government has released emergency funds to provide food, drinking water and temporary shelter for the displaced families.`

func docID(text string) string {
	sum := sha256.Sum256([]byte(text))
	return hex.EncodeToString(sum[:])
}

func newDoc(title, text string) *faultline.Document {
	return &faultline.Document{
		Schema: faultline.SchemaDocument,
		ID:     docID(text),
		Title:  title,
		Text:   text,
		Source: faultline.Source{URL: "https://example.org/" + docID(text)[:8], Site: "example.org"},
	}
}

func openTemp(t testing.TB) (*Store, string) {
	t.Helper()
	path := filepath.Join(t.TempDir(), "faultline.db")
	s, err := Open(context.Background(), path)
	if err != nil {
		t.Fatalf("Open: %v", err)
	}
	t.Cleanup(func() { s.Close() })
	return s, path
}

func TestMigrationsIdempotent(t *testing.T) {
	ctx := context.Background()
	path := filepath.Join(t.TempDir(), "sub", "dir", "f.db")
	for i := 0; i < 3; i++ {
		s, err := Open(ctx, path)
		if err != nil {
			t.Fatalf("open #%d: %v", i, err)
		}
		var version, applied int
		if err := s.db.QueryRow("PRAGMA user_version").Scan(&version); err != nil {
			t.Fatal(err)
		}
		if err := s.db.QueryRow("SELECT count(*) FROM schema_migrations").Scan(&applied); err != nil {
			t.Fatal(err)
		}
		if version != SchemaVersion() || applied != SchemaVersion() {
			t.Errorf("open #%d: user_version %d, %d migrations recorded, want %d", i, version, applied, SchemaVersion())
		}
		var mode string
		if err := s.db.QueryRow("PRAGMA journal_mode").Scan(&mode); err != nil || mode != "wal" {
			t.Errorf("journal_mode = %q, %v; want wal", mode, err)
		}
		var fk int
		if err := s.db.QueryRow("PRAGMA foreign_keys").Scan(&fk); err != nil || fk != 1 {
			t.Errorf("foreign_keys = %d, %v", fk, err)
		}
		s.Close()
	}
	if SchemaVersion() < 1 {
		t.Fatal("no embedded migrations")
	}
}

func TestReopenKeepsData(t *testing.T) {
	ctx := context.Background()
	s, path := openTemp(t)
	doc := newDoc("Talks in Geneva", article)
	doc.Reference = time.Date(2026, 3, 4, 5, 6, 7, 0, time.UTC)
	if _, err := s.Put(ctx, doc); err != nil {
		t.Fatal(err)
	}
	s.Close()

	s2, err := Open(ctx, path)
	if err != nil {
		t.Fatal(err)
	}
	defer s2.Close()
	got, err := s2.Get(ctx, doc.ID)
	if err != nil {
		t.Fatal(err)
	}
	if got.Title != doc.Title || got.Text != doc.Text || got.Source != doc.Source ||
		got.Fingerprint != doc.Fingerprint || got.Fingerprint == 0 || !got.Reference.Equal(doc.Reference) {
		t.Errorf("reopened document differs:\n got %+v\nwant %+v", got, doc)
	}
	// The near-duplicate index is rebuilt from the file.
	copyDoc := newDoc("Geneva talks end", article+"\n\nFollow us on Twitter for the latest news.")
	r, err := s2.Put(ctx, copyDoc)
	if err != nil || !r.Stored || r.DuplicateOf != doc.ID {
		t.Errorf("near-copy after reopen: %+v, %v; want DuplicateOf %s", r, err, doc.ID)
	}
}

func TestOpenRejects(t *testing.T) {
	ctx := context.Background()
	dir := t.TempDir()
	write := func(name string, data []byte) string {
		p := filepath.Join(dir, name)
		if err := os.WriteFile(p, data, 0o644); err != nil {
			t.Fatal(err)
		}
		return p
	}
	garbage := make([]byte, 8192)
	for i := range garbage {
		garbage[i] = byte(i*7 + 3)
	}
	tests := []struct {
		name string
		path string
		want string // substring of the message
	}{
		{"text file", write("notes.txt", []byte(strings.Repeat("this is not a database\n", 300))), "not a SQLite database"},
		{"binary garbage", write("blob.db", garbage), "not a SQLite database"},
		{"directory", dir, "directory"},
		{"empty path", "", "empty path"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			before, _ := os.ReadFile(tt.path)
			s, err := Open(ctx, tt.path)
			if after, _ := os.ReadFile(tt.path); string(after) != string(before) {
				t.Error("Open changed the file it rejected")
			}
			if err == nil {
				s.Close()
				t.Fatal("Open succeeded")
			}
			if faultline.ErrorCode(err) != faultline.EINVALID {
				t.Errorf("code %q, want %q: %v", faultline.ErrorCode(err), faultline.EINVALID, err)
			}
			if !strings.Contains(err.Error(), tt.path) || !strings.Contains(err.Error(), tt.want) {
				t.Errorf("message %q should name %q and say %q", err, tt.path, tt.want)
			}
		})
	}
	// An empty file is a valid, empty SQLite database.
	s, err := Open(ctx, write("empty.db", nil))
	if err != nil {
		t.Fatalf("empty file: %v", err)
	}
	s.Close()
}

func TestOpenNewerSchema(t *testing.T) {
	ctx := context.Background()
	s, path := openTemp(t)
	if _, err := s.db.Exec(fmt.Sprintf("PRAGMA user_version = %d", SchemaVersion()+1)); err != nil {
		t.Fatal(err)
	}
	s.Close()
	_, err := Open(ctx, path)
	if faultline.ErrorCode(err) != faultline.EINVALID || !strings.Contains(err.Error(), "newer faultline") || !strings.Contains(err.Error(), path) {
		t.Errorf("Open of newer schema: %v", err)
	}
}

func TestPut(t *testing.T) {
	ctx := context.Background()
	s, _ := openTemp(t)
	first := newDoc("Talks in Geneva", article)
	edited := strings.Replace(article, "lasted more than six hours", "lasted almost seven hours", 1) +
		"\n\nCopyright 2026 Example Wire. All rights reserved."
	tests := []struct {
		name string
		doc  *faultline.Document
		want PutResult
	}{
		{"new", first, PutResult{Stored: true}},
		{"same id again", newDoc("Another title", article), PutResult{Existing: true}},
		{"near copy", newDoc("Geneva talks: ministers agree on commission", edited), PutResult{Stored: true, DuplicateOf: first.ID}},
		{"distinct", newDoc("Floods", otherArticle), PutResult{Stored: true}},
		{"short text is not a near copy", newDoc("Brief", "Ministers met in Geneva on Tuesday."), PutResult{Stored: true}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			got, err := s.Put(ctx, tt.doc)
			if err != nil {
				t.Fatal(err)
			}
			if got != tt.want {
				t.Errorf("Put = %+v, want %+v", got, tt.want)
			}
			if tt.want.DuplicateOf != "" && (tt.doc.DuplicateOf == nil || *tt.doc.DuplicateOf != tt.want.DuplicateOf) {
				t.Errorf("doc.DuplicateOf = %v", tt.doc.DuplicateOf)
			}
		})
	}
	if n, err := s.Count(ctx); err != nil || n != 4 {
		t.Errorf("Count = %d, %v; want 4", n, err)
	}
	// Re-ingest changed nothing: the stored title is the first one's.
	got, err := s.Get(ctx, first.ID)
	if err != nil || got.Title != "Talks in Geneva" {
		t.Errorf("Get after re-ingest: %v, %v", got, err)
	}
	dup, err := s.Get(ctx, docID(edited))
	if err != nil || dup.DuplicateOf == nil || *dup.DuplicateOf != first.ID {
		t.Errorf("stored duplicate: %+v, %v", dup, err)
	}
}

func TestGetNotFound(t *testing.T) {
	s, _ := openTemp(t)
	_, err := s.Get(context.Background(), "nope")
	if faultline.ErrorCode(err) != faultline.ENOTFOUND || !strings.Contains(err.Error(), "nope") {
		t.Errorf("Get missing: %v", err)
	}
}

func TestPutBatchFailureRollsBackOnlyThatDocument(t *testing.T) {
	ctx := context.Background()
	s, _ := openTemp(t)
	bad := newDoc("Bad", otherArticle)
	bad.Quantities = []faultline.Quantity{{Text: "x", Value: math.NaN()}} // JSON cannot encode NaN
	docs := []*faultline.Document{
		newDoc("Good", article),
		bad,
		nil,
		{Text: "no id"},
		newDoc("Also good", "A short one."),
	}
	rs, err := s.PutBatch(ctx, docs)
	if err != nil {
		t.Fatalf("PutBatch: %v", err)
	}
	for i, wantStored := range []bool{true, false, false, false, true} {
		if rs[i].Stored != wantStored || (rs[i].Err == nil) != wantStored {
			t.Errorf("result %d = %+v, want stored %v", i, rs[i], wantStored)
		}
		if !wantStored && faultline.ErrorCode(rs[i].Err) != faultline.EINVALID {
			t.Errorf("result %d error code %q: %v", i, faultline.ErrorCode(rs[i].Err), rs[i].Err)
		}
	}
	if n, _ := s.Count(ctx); n != 2 {
		t.Errorf("Count = %d, want 2", n)
	}
	if _, err := s.Put(ctx, bad); faultline.ErrorCode(err) != faultline.EINVALID {
		t.Errorf("Put of unencodable doc: %v", err)
	}
	// A cancelled context stores nothing and says so.
	cctx, cancel := context.WithCancel(ctx)
	cancel()
	if _, err := s.PutBatch(cctx, []*faultline.Document{newDoc("Floods", otherArticle)}); err == nil {
		t.Error("PutBatch with cancelled context succeeded")
	}
	if n, _ := s.Count(ctx); n != 2 {
		t.Errorf("Count after cancelled batch = %d, want 2", n)
	}
}

func TestPutBatchSeesItsOwnDocuments(t *testing.T) {
	ctx := context.Background()
	s, _ := openTemp(t)
	first := newDoc("A", article)
	rs, err := s.PutBatch(ctx, []*faultline.Document{
		first,
		newDoc("A again", article),
		newDoc("A copy", article+"\nRead more at example.org."),
	})
	if err != nil {
		t.Fatal(err)
	}
	want := []PutResult{{Stored: true}, {Existing: true}, {Stored: true, DuplicateOf: first.ID}}
	for i := range want {
		if rs[i] != want[i] {
			t.Errorf("result %d = %+v, want %+v", i, rs[i], want[i])
		}
	}
}

func TestSearch(t *testing.T) {
	ctx := context.Background()
	s, _ := openTemp(t)
	for _, d := range []*faultline.Document{newDoc("Talks in Geneva", article), newDoc("Floods in the north", otherArticle)} {
		if _, err := s.Put(ctx, d); err != nil {
			t.Fatal(err)
		}
	}
	tests := []struct {
		name      string
		query     string
		wantFirst string // title of the first hit; "" for no hits
		wantErr   string // error code
	}{
		{"word", "ceasefire", "Talks in Geneva", ""},
		{"title word", "floods", "Floods in the north", ""},
		{"phrase", `"joint commission"`, "Talks in Geneva", ""},
		{"prefix", "evacuat*", "Floods in the north", ""},
		{"boolean", "rain NOT geneva", "Floods in the north", ""},
		{"column filter", "title:geneva", "Talks in Geneva", ""},
		{"no match", "volcano", "", ""},
		{"diacritics folded", "génèva", "Talks in Geneva", ""},
		{"unbalanced quote", `"joint commission`, "Talks in Geneva", ""},
		{"stray operator", "AND ceasefire", "Talks in Geneva", ""},
		{"trailing operator", "ceasefire OR", "Talks in Geneva", ""},
		{"unknown column", "author:smith", "", ""},
		{"parenthesis", "(rain", "Floods in the north", ""},
		{"hyphenated", "cease-fire", "", ""},
		{"only punctuation", `"" ( *`, "", faultline.EINVALID},
		{"empty", "   ", "", faultline.EINVALID},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			hits, err := s.Search(ctx, tt.query, 10)
			if code := faultline.ErrorCode(err); code != tt.wantErr {
				t.Fatalf("Search(%q) error %v, want code %q", tt.query, err, tt.wantErr)
			}
			if err != nil {
				return
			}
			got := ""
			if len(hits) > 0 {
				got = hits[0].Title
			}
			if got != tt.wantFirst {
				t.Errorf("Search(%q) first hit %q, want %q (%d hits)", tt.query, got, tt.wantFirst, len(hits))
			}
		})
	}

	hits, err := s.Search(ctx, "withdrawal weapons", 5, Highlight("\x1b[1m", "\x1b[0m"), SnippetTokens(10))
	if err != nil || len(hits) != 1 {
		t.Fatalf("Search: %v %v", hits, err)
	}
	h := hits[0]
	if !strings.Contains(h.Snippet, "\x1b[1mwithdrawal\x1b[0m") || !strings.Contains(h.Snippet, "\x1b[1mweapons\x1b[0m") {
		t.Errorf("snippet %q lacks highlighted terms", h.Snippet)
	}
	if h.ID != docID(article) || h.Site != "example.org" || h.URL == "" || h.Rank <= 0 {
		t.Errorf("hit fields: %+v", h)
	}
	hits, _ = s.Search(ctx, "ceasefire", 5)
	if len(hits) != 1 || !strings.Contains(hits[0].Snippet, "[ceasefire]") {
		t.Errorf("default markers: %+v", hits)
	}
}

func TestConcurrentPut(t *testing.T) {
	ctx := context.Background()
	s, _ := openTemp(t)
	docs := syntheticDocs(60, 1)
	var wg sync.WaitGroup
	var mu sync.Mutex
	stored := map[string]int{}
	for g := 0; g < 4; g++ {
		wg.Add(1)
		go func(g int) {
			defer wg.Done()
			for i := range docs {
				d := *docs[(i+g*15)%len(docs)] // each goroutine its own copy
				var r PutResult
				var err error
				if i%2 == 0 {
					r, err = s.Put(ctx, &d)
				} else {
					var rs []PutResult
					rs, err = s.PutBatch(ctx, []*faultline.Document{&d})
					if err == nil {
						r, err = rs[0], rs[0].Err
					}
				}
				if err != nil {
					t.Error(err)
					return
				}
				if r.Stored {
					mu.Lock()
					stored[d.ID]++
					mu.Unlock()
				}
				if _, err := s.Search(ctx, "word", 3); err != nil {
					t.Error(err)
				}
			}
		}(g)
	}
	wg.Wait()
	if len(stored) != len(docs) {
		t.Errorf("%d distinct documents stored, want %d", len(stored), len(docs))
	}
	for id, n := range stored {
		if n != 1 {
			t.Errorf("%s stored %d times", id, n)
		}
	}
	if n, _ := s.Count(ctx); n != len(docs) {
		t.Errorf("Count = %d, want %d", n, len(docs))
	}
}

// syntheticDocs makes n distinct article-length documents of random words.
func syntheticDocs(n int, seed uint64) []*faultline.Document {
	vocab := strings.Fields(article + " " + otherArticle)
	r := rand.New(rand.NewPCG(seed, 7))
	docs := make([]*faultline.Document, n)
	for i := range docs {
		var b strings.Builder
		for w := 0; w < 300; w++ {
			b.WriteString(vocab[r.IntN(len(vocab))])
			b.WriteByte(' ')
		}
		fmt.Fprintf(&b, "word%d.", i)
		docs[i] = newDoc(fmt.Sprintf("Document %d", i), b.String())
	}
	return docs
}

func BenchmarkPut(b *testing.B) {
	ctx := context.Background()
	s, _ := openTemp(b)
	docs := syntheticDocs(b.N, 2)
	b.ResetTimer()
	for i := 0; i < b.N; i++ {
		if _, err := s.Put(ctx, docs[i]); err != nil {
			b.Fatal(err)
		}
	}
	b.ReportMetric(float64(b.N)/b.Elapsed().Seconds(), "docs/s")
}

func BenchmarkPutBatch(b *testing.B) {
	ctx := context.Background()
	s, _ := openTemp(b)
	docs := syntheticDocs(b.N, 3)
	b.ResetTimer()
	if _, err := s.PutBatch(ctx, docs); err != nil {
		b.Fatal(err)
	}
	b.ReportMetric(float64(b.N)/b.Elapsed().Seconds(), "docs/s")
}
