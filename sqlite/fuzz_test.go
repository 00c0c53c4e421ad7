package sqlite

import (
	"bufio"
	"context"
	"encoding/json"
	"os"
	"path/filepath"
	"testing"

	"github.com/faultline-news/faultline"
)

// FuzzSearch checks that no user query makes Search fail with anything but
// EINVALID, or panic.
func FuzzSearch(f *testing.F) {
	for _, q := range []string{"ceasefire", `"joint commission`, "AND", "a OR", "title:x", "NEAR(a b", "(((", "*", "-x", "^a", `x:"`, "\x00", "géné*", "a + b"} {
		f.Add(q)
	}
	ctx := context.Background()
	s, _ := openTemp(f)
	for _, d := range []*faultline.Document{newDoc("Talks in Geneva", article), newDoc("Floods", otherArticle)} {
		if _, err := s.Put(ctx, d); err != nil {
			f.Fatal(err)
		}
	}
	f.Fuzz(func(t *testing.T, q string) {
		_, err := s.Search(ctx, q, 5)
		if err != nil && faultline.ErrorCode(err) != faultline.EINVALID {
			t.Fatalf("Search(%q): %v (code %s)", q, err, faultline.ErrorCode(err))
		}
	})
}

// readNewsPool loads the shared news-text pool as documents, or skips.
func readNewsPool(tb testing.TB) []*faultline.Document {
	tb.Helper()
	dir, err := os.Getwd()
	if err != nil {
		tb.Fatal(err)
	}
	for {
		if st, err := os.Stat(filepath.Join(dir, "..", "shared")); err == nil && st.IsDir() {
			break
		}
		parent := filepath.Dir(dir)
		if parent == dir {
			tb.Skip("shared data directory ../shared not found beside the repository")
		}
		dir = parent
	}
	var docs []*faultline.Document
	for _, name := range []string{"permissive_articles.jsonl", "gmb_voa_pseudodocs.jsonl"} {
		path := filepath.Join(dir, "..", "shared", "eval", "news-text-pool", name)
		f, err := os.Open(path)
		if err != nil {
			tb.Skipf("news-text-pool: %v", err)
		}
		sc := bufio.NewScanner(f)
		sc.Buffer(make([]byte, 1<<20), 1<<24)
		for sc.Scan() {
			var rec struct{ ID, URL, Title, Text string }
			if err := json.Unmarshal(sc.Bytes(), &rec); err != nil {
				tb.Fatalf("%s: %v", path, err)
			}
			d := newDoc(rec.Title, rec.Text)
			d.Source.URL = rec.URL
			d.Source.Record = rec.ID
			docs = append(docs, d)
		}
		f.Close()
	}
	return docs
}

// TestNewsPoolIngest stores the whole pool and then an edited copy of each
// article: every copy must be marked, no original.
func TestNewsPoolIngest(t *testing.T) {
	if testing.Short() {
		t.Skip("short")
	}
	ctx := context.Background()
	docs := readNewsPool(t)
	s, _ := openTemp(t)
	rs, err := s.PutBatch(ctx, docs)
	if err != nil {
		t.Fatal(err)
	}
	stored, dups := 0, 0
	for _, r := range rs {
		if r.Stored {
			stored++
		}
		if r.DuplicateOf != "" {
			dups++
		}
	}
	t.Logf("pool: %d documents, %d stored, %d marked near-duplicate", len(docs), stored, dups)
	if dups != 0 {
		t.Errorf("%d distinct pool documents were marked as near-duplicates", dups)
	}
	var copies []*faultline.Document
	for _, d := range docs[:317] {
		copies = append(copies, newDoc("Copy: "+d.Title, d.Text+"\n\nThis story was first published by a partner site. Follow us for more."))
	}
	rs, err = s.PutBatch(ctx, copies)
	if err != nil {
		t.Fatal(err)
	}
	found := 0
	for i, r := range rs {
		if r.DuplicateOf == docs[i].ID {
			found++
		}
	}
	t.Logf("copies with a boilerplate line added: %d/%d marked as duplicates of their original", found, len(copies))
	if float64(found) < 0.8*float64(len(copies)) {
		t.Errorf("only %d/%d copies marked", found, len(copies))
	}
}

func BenchmarkPutBatchNewsPool(b *testing.B) {
	ctx := context.Background()
	docs := readNewsPool(b)
	for b.Loop() {
		b.StopTimer()
		s, err := Open(ctx, filepath.Join(b.TempDir(), "bench.db"))
		if err != nil {
			b.Fatal(err)
		}
		fresh := make([]*faultline.Document, len(docs))
		for i, d := range docs {
			c := *d
			fresh[i] = &c
		}
		b.StartTimer()
		if _, err := s.PutBatch(ctx, fresh); err != nil {
			b.Fatal(err)
		}
		b.StopTimer()
		s.Close()
		b.StartTimer()
	}
	b.ReportMetric(float64(b.N*len(docs))/b.Elapsed().Seconds(), "docs/s")
}
