package main

import (
	"bytes"
	"compress/gzip"
	"context"
	"encoding/csv"
	"encoding/json"
	"flag"
	"net"
	"net/http"
	"net/http/httptest"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/faultline-news/faultline"
	"github.com/faultline-news/faultline/export"
)

var update = flag.Bool("update", false, "rewrite the golden files under testdata/")

// run executes the CLI in-process and returns its exit code and streams.
func run(t *testing.T, args ...string) (int, string, string) {
	t.Helper()
	var out, errb bytes.Buffer
	code := Run(context.Background(), args, strings.NewReader(""), &out, &errb)
	return code, out.String(), errb.String()
}

// decodeDocs reads a stream of JSON documents.
func decodeDocs(t *testing.T, s string) []faultline.Document {
	t.Helper()
	dec := json.NewDecoder(strings.NewReader(s))
	var docs []faultline.Document
	for dec.More() {
		var d faultline.Document
		if err := dec.Decode(&d); err != nil {
			t.Fatalf("decoding output: %v\n%s", err, s)
		}
		docs = append(docs, d)
	}
	return docs
}

// checkSpans asserts the offset invariant for every layer filled so far.
func checkSpans(t *testing.T, d faultline.Document) {
	t.Helper()
	n := len(d.Text)
	for i, s := range d.Sentences {
		if s.Start < 0 || s.End > n || s.Start >= s.End {
			t.Errorf("%s: sentence %d span [%d,%d) out of range", d.ID, i, s.Start, s.End)
		}
	}
	for i, tk := range d.Tokens {
		if tk.Start < 0 || tk.End > n || tk.Start >= tk.End {
			t.Errorf("%s: token %d span [%d,%d) out of range", d.ID, i, tk.Start, tk.End)
		}
	}
	for _, e := range d.Entities {
		for _, m := range e.Mentions {
			if m.Start < 0 || m.End > n || d.Text[m.Start:m.End] != m.Text {
				t.Errorf("%s: entity %s mention %q at [%d,%d) does not match the text", d.ID, e.ID, m.Text, m.Start, m.End)
			}
		}
	}
	for _, q := range d.Quotes {
		if q.Start < 0 || q.End > n || d.Text[q.Start:q.End] != q.Text {
			t.Errorf("%s: quote at [%d,%d) does not match the text", d.ID, q.Start, q.End)
		}
	}
	for _, tm := range d.Times {
		if tm.Start < 0 || tm.End > n || d.Text[tm.Start:tm.End] != tm.Text {
			t.Errorf("%s: time %q at [%d,%d) does not match the text", d.ID, tm.Text, tm.Start, tm.End)
		}
	}
	for _, q := range d.Quantities {
		if q.Start < 0 || q.End > n || d.Text[q.Start:q.End] != q.Text {
			t.Errorf("%s: quantity %q at [%d,%d) does not match the text", d.ID, q.Text, q.Start, q.End)
		}
	}
	for _, p := range d.Places {
		for _, m := range p.Mentions {
			if m.Start < 0 || m.End > n || d.Text[m.Start:m.End] != m.Text {
				t.Errorf("%s: place %s mention %q does not match the text", d.ID, p.ID, m.Text)
			}
		}
	}
	for _, ev := range d.Events {
		m := ev.Trigger
		if m.Start < 0 || m.End > n || d.Text[m.Start:m.End] != m.Text {
			t.Errorf("%s: event %s trigger %q does not match the text", d.ID, ev.ID, m.Text)
		}
	}
}

func TestAnalyzeExamplesGolden(t *testing.T) {
	code, out, stderr := run(t, "analyze", "--format", "jsonl", "--tokens", "../../examples/news")
	if code != 0 {
		t.Fatalf("exit %d: %s", code, stderr)
	}
	docs := decodeDocs(t, out)
	if len(docs) != 9 {
		t.Fatalf("got %d documents, want 9 (html, 4 txt, 2 feed items, 2 jsonl records)", len(docs))
	}
	var dups int
	for _, d := range docs {
		checkSpans(t, d)
		if d.DuplicateOf != nil {
			dups++
		}
		if d.Title == "" || d.Text == "" || len(d.Sentences) == 0 || len(d.Tokens) == 0 {
			t.Errorf("%s: empty title, text, sentences or tokens", d.Source.Path)
		}
	}
	if dups != 1 {
		t.Errorf("got %d near-duplicates, want 1 (the republished JSONL copy of the HTML article)", dups)
	}
	// The golden file holds a readable summary, not the whole JSON, so it
	// stays stable when later layers are added.
	var sum strings.Builder
	for _, d := range docs {
		dup := ""
		if d.DuplicateOf != nil {
			dup = " duplicate_of=" + *d.DuplicateOf
		}
		sum.WriteString(d.Source.Path + " " + d.Source.Record + " id=" + d.ID + dup + "\n")
		sum.WriteString("  title: " + d.Title + "\n  published: " + d.Published + " (" + d.PublishedFrom + ") language: " + d.Language + "\n")
		for _, s := range d.Sentences {
			sum.WriteString("  | " + strings.ReplaceAll(d.Text[s.Start:s.End], "\n", " ") + "\n")
		}
		for _, r := range d.Removed {
			sum.WriteString("  removed " + r.Kind + ": " + strings.ReplaceAll(r.Text, "\n", " ") + "\n")
		}
	}
	golden(t, "testdata/examples.golden", sum.String())
}

func golden(t *testing.T, path, got string) {
	t.Helper()
	if *update {
		if err := os.MkdirAll(filepath.Dir(path), 0o755); err != nil {
			t.Fatal(err)
		}
		if err := os.WriteFile(path, []byte(got), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	want, err := os.ReadFile(path)
	if err != nil {
		t.Fatalf("%v (run go test -update to create it)", err)
	}
	if got != string(want) {
		t.Errorf("output differs from %s (run go test -update and review the diff):\n%s", path, got)
	}
}

func TestIngestTwiceAndBadInputs(t *testing.T) {
	dir := t.TempDir()
	db := filepath.Join(dir, "test.db")
	code, _, stderr := run(t, "ingest", "--db", db, "../../examples/news")
	if code != 0 {
		t.Fatalf("first ingest exit %d: %s", code, stderr)
	}
	if !strings.Contains(stderr, "9 read, 9 stored, 1 duplicates, 0 already stored, 0 failed") {
		t.Errorf("first ingest summary: %s", stderr)
	}
	code, _, stderr = run(t, "ingest", "--db", db, "../../examples/news")
	if code != 0 {
		t.Fatalf("second ingest exit %d: %s", code, stderr)
	}
	if !strings.Contains(stderr, "9 read, 0 stored, 0 duplicates, 9 already stored, 0 failed") {
		t.Errorf("second ingest should store nothing new: %s", stderr)
	}

	// Bad inputs beside a good one: each fails with a one-line message
	// naming it, the good one is stored, nothing stored before is lost.
	bad := t.TempDir()
	write := func(name string, data []byte) string {
		p := filepath.Join(bad, name)
		if err := os.WriteFile(p, data, 0o644); err != nil {
			t.Fatal(err)
		}
		return p
	}
	empty := write("empty.txt", nil)
	junk := write("junk.bin", []byte("\x00\x01\x02\xff\xfe\x00binary\x00\x00\x89PNG\x00\x00"))
	brokenFeed := write("broken.xml", []byte(`<?xml version="1.0"?><rss version="2.0"><channel><title>x</title><item><title>a</ti`))
	var gz bytes.Buffer
	zw := gzip.NewWriter(&gz)
	zw.Write(bytes.Repeat([]byte("WARC/1.0\r\nWARC-Type: response\r\n"), 200))
	zw.Close()
	truncated := write("cut.warc.gz", gz.Bytes()[:gz.Len()/2])
	good := write("good.txt", []byte("A Good Headline About Talks\n\nDiplomats met in Vienna on Monday to discuss a new agreement on border crossings, officials said. The talks will continue next week.\n"))
	ln, err := net.Listen("tcp", "127.0.0.1:0")
	if err != nil {
		t.Fatal(err)
	}
	unreachable := "http://" + ln.Addr().String() + "/article"
	ln.Close()

	code, _, stderr = run(t, "ingest", "--db", db, empty, junk, brokenFeed, truncated, unreachable, good)
	if code == 0 {
		t.Errorf("ingest with bad inputs exited 0")
	}
	for _, name := range []string{empty, junk, brokenFeed, truncated, unreachable} {
		found := false
		for _, line := range strings.Split(stderr, "\n") {
			if strings.Contains(line, name) {
				found = true
			}
		}
		if !found {
			t.Errorf("no error line names %s:\n%s", name, stderr)
		}
	}
	if !strings.Contains(stderr, "1 stored") {
		t.Errorf("the good input was not stored: %s", stderr)
	}
	code, out, stderr := run(t, "search", "--db", db, "--json", "ceasefire")
	if code != 0 || !strings.Contains(out, "Geneva") {
		t.Errorf("search after bad inputs: exit %d, out %q, err %q", code, out, stderr)
	}
	code, out, _ = run(t, "search", "--db", db, "--json", "Vienna")
	if code != 0 || !strings.Contains(out, "Good Headline") {
		t.Errorf("the good input is not searchable: %q", out)
	}
}

func TestAnalyzeFlagsErrors(t *testing.T) {
	tests := []struct {
		args []string
		code int
		msg  string
	}{
		{[]string{"analyze", "--date", "23/03/2017", "x"}, 2, "--date"},
		{[]string{"analyze", "--format", "xml", "x"}, 2, "--format"},
		{[]string{"analyze"}, 2, "requires at least 1 arg"},
		{[]string{"analyze", "/nonexistent/file.txt"}, 2, "/nonexistent/file.txt"},
	}
	for _, tt := range tests {
		code, _, stderr := run(t, tt.args...)
		if code != tt.code || !strings.Contains(stderr, tt.msg) {
			t.Errorf("%v: exit %d, stderr %q; want exit %d and %q", tt.args, code, stderr, tt.code, tt.msg)
		}
	}
}

// TestExportFormats exports the examples in every format, to standard
// output and with --out, and reads each back as the tools researchers use
// would: GDELT files with a strict tab-separated reader (encoding/csv,
// LazyQuotes off, a fixed number of fields), PLOVER against the field
// table of export/PLOVER.md, CSV with a header, GeoJSON and JSONL as JSON.
func TestExportFormats(t *testing.T) {
	dir := t.TempDir()
	db := filepath.Join(dir, "x.db")
	if code, _, stderr := run(t, "ingest", "-q", "--db", db, "../../examples/news"); code != 0 {
		t.Fatalf("ingest: %s", stderr)
	}
	cols := map[string]int{"gdelt": 61, "gdelt-mentions": 16}
	rowsOf := map[string]int{}
	for _, f := range []string{"jsonl", "csv", "gdelt", "gdelt-mentions", "plover", "geojson"} {
		code, out, stderr := run(t, "export", "--db", db, "--format", f)
		if code != 0 {
			t.Errorf("export %s: exit %d: %s", f, code, stderr)
			continue
		}
		file := filepath.Join(dir, "out."+f)
		if code, _, stderr := run(t, "export", "--db", db, "--format", f, "--out", file); code != 0 || !strings.Contains(stderr, "wrote "+file) {
			t.Errorf("export %s --out: exit %d: %s", f, code, stderr)
		} else if b, err := os.ReadFile(file); err != nil || strings.Count(string(b), "\n") != strings.Count(out, "\n") {
			t.Errorf("export %s --out wrote %d lines (%v), standard output had %d", f, strings.Count(string(b), "\n"), err, strings.Count(out, "\n"))
		} else if fi, err := os.Stat(file); err != nil {
			t.Error(err)
		} else if fi.Mode().Perm()&0o044 == 0 {
			t.Errorf("export %s --out: mode %v, want readable by others like any file", f, fi.Mode())
		}
		switch f {
		case "gdelt", "gdelt-mentions":
			r := csv.NewReader(strings.NewReader(out))
			r.Comma, r.LazyQuotes, r.FieldsPerRecord = '\t', false, cols[f]
			recs, err := r.ReadAll()
			if err != nil {
				t.Errorf("%s: a strict tab-separated reader fails: %v", f, err)
			}
			if len(recs) != strings.Count(out, "\n") {
				t.Errorf("%s: %d records for %d lines", f, len(recs), strings.Count(out, "\n"))
			}
			rowsOf[f] = len(recs)
		case "csv":
			recs, err := csv.NewReader(strings.NewReader(out)).ReadAll()
			if err != nil || len(recs) < 2 || recs[0][0] == "" {
				t.Errorf("csv: %d records, %v", len(recs), err)
			}
			rowsOf[f] = len(recs) - 1
		case "plover":
			n, err := export.ValidatePLOVER(strings.NewReader(out))
			if err != nil {
				t.Errorf("plover: %v", err)
			}
			rowsOf[f] = n
		case "geojson":
			var fc struct {
				Type     string            `json:"type"`
				Features []json.RawMessage `json:"features"`
			}
			if err := json.Unmarshal([]byte(out), &fc); err != nil || fc.Type != "FeatureCollection" {
				t.Errorf("geojson: %v, type %q", err, fc.Type)
			}
		case "jsonl":
			if len(decodeDocs(t, out)) != 8 {
				t.Errorf("jsonl export: want the 8 documents that are not near-duplicates")
			}
		}
	}
	if rowsOf["gdelt"] == 0 || rowsOf["plover"] != rowsOf["gdelt"] || rowsOf["csv"] != rowsOf["gdelt"] || rowsOf["gdelt-mentions"] < rowsOf["gdelt"] {
		t.Errorf("rows per format %v: want as many gdelt, csv and plover events, at least as many mentions", rowsOf)
	}
	if code, _, stderr := run(t, "export", "--db", db, "--format", "xml"); code != 2 || !strings.Contains(stderr, "xml") {
		t.Errorf("unknown format: exit %d, %q", code, stderr)
	}
	if code, _, _ := run(t, "export", "--db", db, "--format", "gdelt", "--out", filepath.Join(dir, "missing", "x.tsv")); code == 0 {
		t.Errorf("--out into a missing directory succeeded")
	}
}

func TestWatchOnceIngestsNewItemsOnly(t *testing.T) {
	feed, err := os.ReadFile("../../examples/news/wire.xml")
	if err != nil {
		t.Fatal(err)
	}
	srv := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		w.Header().Set("Content-Type", "application/rss+xml")
		w.Header().Set("ETag", `"v1"`)
		if r.Header.Get("If-None-Match") == `"v1"` {
			w.WriteHeader(http.StatusNotModified)
			return
		}
		w.Write(feed)
	}))
	defer srv.Close()
	db := filepath.Join(t.TempDir(), "w.db")
	code, _, stderr := run(t, "watch", "--once", "--db", db, srv.URL+"/feed.xml")
	if code != 0 || !strings.Contains(stderr, "2 items, 2 new") || !strings.Contains(stderr, "2 stored") {
		t.Fatalf("first poll: exit %d: %s", code, stderr)
	}
	code, _, stderr = run(t, "watch", "--once", "--db", db, srv.URL+"/feed.xml")
	if code != 0 || !strings.Contains(stderr, "not modified") {
		t.Fatalf("second poll should be a conditional GET answered 304: exit %d: %s", code, stderr)
	}
	code, out, _ := run(t, "search", "--db", db, "--json", "embassies")
	if code != 0 || !strings.Contains(out, "Reopen Embassies") {
		t.Errorf("feed item not searchable: %s", out)
	}
	if code, _, stderr := run(t, "events", "--db", db, "--format", "jsonl"); code != 0 {
		t.Errorf("events after watch: exit %d: %s", code, stderr)
	}
}

func TestWatchTimeoutFlag(t *testing.T) {
	release := make(chan struct{})
	srv := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		select {
		case <-release:
		case <-r.Context().Done():
		}
	}))
	defer srv.Close()
	defer close(release)
	db := filepath.Join(t.TempDir(), "w.db")
	code, _, stderr := run(t, "watch", "--once", "--timeout", "300ms", "--db", db, srv.URL+"/feed.xml")
	if code == 0 || !strings.Contains(stderr, "1 of 1 feeds failed") || !strings.Contains(stderr, "backoff") {
		t.Fatalf("hung feed with --timeout 300ms: exit %d: %s", code, stderr)
	}
}
