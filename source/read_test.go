package source

import (
	"bytes"
	"context"
	"errors"
	"fmt"
	"net"
	"net/http"
	"net/http/httptest"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"
	"unicode/utf8"

	"github.com/faultline-news/faultline"
	"github.com/faultline-news/faultline/internal/sharedtest"
)

// want describes one expected item. Empty fields are not checked.
type want struct {
	name      string // exact Name
	kind      Kind
	contains  string // substring of Data
	lacks     string // must not be in Data
	err       string // substring of the error message; "" means no error
	code      string // error code, when err is set
	title     string
	published string
	src       faultline.Source // non-empty fields are compared
}

func checkItems(t *testing.T, got []Item, wants []want) {
	t.Helper()
	if len(got) != len(wants) {
		for i, it := range got {
			t.Logf("item %d: name=%q kind=%q err=%v data=%.80q", i, it.Name, it.Kind, it.Err, it.Data)
		}
		t.Fatalf("got %d items, want %d", len(got), len(wants))
	}
	for i, w := range wants {
		it := got[i]
		if w.name != "" && it.Name != w.name {
			t.Errorf("item %d: Name = %q, want %q", i, it.Name, w.name)
		}
		if w.err != "" {
			if it.Err == nil {
				t.Errorf("item %d (%s): no error, want one containing %q", i, it.Name, w.err)
				continue
			}
			msg := faultline.ErrorMessage(it.Err)
			if !strings.Contains(msg, w.err) {
				t.Errorf("item %d: error %q, want it to contain %q", i, msg, w.err)
			}
			var fe *faultline.Error
			if !errors.As(it.Err, &fe) {
				t.Errorf("item %d: error %T is not a *faultline.Error", i, it.Err)
			}
			if w.code != "" && faultline.ErrorCode(it.Err) != w.code {
				t.Errorf("item %d: code %q, want %q", i, faultline.ErrorCode(it.Err), w.code)
			}
			if strings.Contains(msg, "\n") {
				t.Errorf("item %d: error message spans lines: %q", i, msg)
			}
			if len(it.Data) != 0 {
				t.Errorf("item %d: error item carries %d bytes of data", i, len(it.Data))
			}
			continue
		}
		if it.Err != nil {
			t.Errorf("item %d (%s): unexpected error %v", i, it.Name, it.Err)
			continue
		}
		if w.kind != "" && it.Kind != w.kind {
			t.Errorf("item %d: Kind = %q, want %q", i, it.Kind, w.kind)
		}
		if !utf8.Valid(it.Data) {
			t.Errorf("item %d: Data is not valid UTF-8", i)
		}
		if w.contains != "" && !bytes.Contains(it.Data, []byte(w.contains)) {
			t.Errorf("item %d: Data %.200q lacks %q", i, it.Data, w.contains)
		}
		if w.lacks != "" && bytes.Contains(it.Data, []byte(w.lacks)) {
			t.Errorf("item %d: Data %.200q contains %q", i, it.Data, w.lacks)
		}
		if w.title != "" && it.Title != w.title {
			t.Errorf("item %d: Title = %q, want %q", i, it.Title, w.title)
		}
		if w.published != "" && it.Published != w.published {
			t.Errorf("item %d: Published = %q, want %q", i, it.Published, w.published)
		}
		checkSource(t, i, it.Source, w.src)
	}
}

func checkSource(t *testing.T, i int, got, want faultline.Source) {
	t.Helper()
	pairs := [][3]string{
		{"URL", got.URL, want.URL}, {"Path", got.Path, want.Path}, {"Site", got.Site, want.Site},
		{"Feed", got.Feed, want.Feed}, {"Record", got.Record, want.Record},
	}
	for _, p := range pairs {
		if p[2] != "" && p[1] != p[2] {
			t.Errorf("item %d: Source.%s = %q, want %q", i, p[0], p[1], p[2])
		}
	}
}

func TestReadFiles(t *testing.T) {
	dir := t.TempDir()
	td := func(name string) string { return filepath.Join("testdata", name) }
	warcPlain, _ := buildWARC(false, sampleWARC()...)
	warcGz, offsets := buildWARC(true, sampleWARC()...)
	truncated := warcGz[:offsets[4]+30] // cut inside the gzip member of record 5
	plainCut, plainOffsets := buildWARC(false, sampleWARC()...)
	plainCut = plainCut[:plainOffsets[4]+400]
	pageGz := gz(readFixture(t, "page.html"))
	binary := []byte("\x00\x01\x02\x03garbage\xff\xfe\x00\x10\x11\x12\x13\x14\x15\x16")

	warcWants := []want{
		{name: "W#urn:uuid:00000000-0000-4000-8000-000000000002", kind: KindHTML, contains: "First archived page.", lacks: "HTTP/1.1",
			src: faultline.Source{URL: "https://archive.example.com/one", Site: "archive.example.com", Record: "urn:uuid:00000000-0000-4000-8000-000000000002"}},
		{name: "W#urn:uuid:00000000-0000-4000-8000-000000000004", kind: KindHTML, contains: "Second archived page.",
			src: faultline.Source{URL: "https://www.archive.example.com/two", Site: "www.archive.example.com"}},
	}
	withName := func(ws []want, name string) []want {
		out := append([]want(nil), ws...)
		for i := range out {
			out[i].name = strings.Replace(out[i].name, "W#", name+"#", 1)
			out[i].src.Path = name
		}
		return out
	}

	tests := []struct {
		name   string
		inputs func() []string
		opts   Options
		wants  []want
	}{
		{
			name:   "html page",
			inputs: func() []string { return []string{td("page.html")} },
			wants:  []want{{name: td("page.html"), kind: KindHTML, contains: "third round of talks", src: faultline.Source{Path: td("page.html"), Site: "news.example.org"}}},
		},
		{
			name:   "plain text",
			inputs: func() []string { return []string{td("article.txt")} },
			wants:  []want{{kind: KindText, contains: "mediated by Türkiye"}},
		},
		{
			name:   "rss feed with content:encoded and description",
			inputs: func() []string { return []string{td("rss.xml")} },
			wants: []want{
				{name: "https://wire.example.com/world/envoys-meet-in-doha", kind: KindHTML, contains: "prisoner exchange", lacks: "Short summary",
					title: "Envoys meet in Doha", published: "2026-11-24T08:30:00Z",
					src: faultline.Source{URL: "https://wire.example.com/world/envoys-meet-in-doha", Site: "wire.example.com", Feed: td("rss.xml"), Path: td("rss.xml")}},
				{kind: KindRecordText, contains: "extended sanctions by six months", title: "Sanctions extended",
					src: faultline.Source{URL: "https://wire.example.com/world/sanctions-extended", Feed: td("rss.xml")}},
			},
		},
		{
			name:   "atom feed",
			inputs: func() []string { return []string{td("atom.xml")} },
			wants: []want{{kind: KindHTML, contains: "<p>The parliament ratified the treaty", title: "Parliament votes on treaty",
				published: "2026-11-24T12:00:00+01:00", src: faultline.Source{URL: "https://atom.example.net/treaty-vote", Site: "atom.example.net", Feed: td("atom.xml")}}},
		},
		{
			name:   "jsonl with a bad line and a record without body",
			inputs: func() []string { return []string{td("records.jsonl")} },
			wants: []want{
				{name: td("records.jsonl") + ":1", kind: KindRecordText, contains: "  Line one.\nLine two, kept byte for byte.  ", title: "First record", published: "2026-11-20",
					src: faultline.Source{Record: "r1", URL: "https://jsonl.example.org/a", Site: "jsonl.example.org", Path: td("records.jsonl")}},
				{name: td("records.jsonl") + ":2", kind: KindHTML, contains: `charset="utf-8"`, src: faultline.Source{Record: "2"}},
				{name: td("records.jsonl") + ":3", err: td("records.jsonl") + ":3: bad JSON record", code: faultline.EINVALID},
				{name: td("records.jsonl") + ":5", err: "no text and no html"},
				{name: td("records.jsonl") + ":6", kind: KindRecordText, contains: "still comes through"},
			},
		},
		{
			name:   "broken feed, then a good page",
			inputs: func() []string { return []string{td("broken-feed.xml"), td("page.html")} },
			wants: []want{
				{name: td("broken-feed.xml"), err: td("broken-feed.xml") + ": ", code: faultline.EINVALID},
				{kind: KindHTML, contains: "third round"},
			},
		},
		{
			name:   "latin1 bytes declared utf-8",
			inputs: func() []string { return []string{td("latin1-declared-utf8.html")} },
			wants:  []want{{kind: KindHTML, contains: "Délégation française à Genève – réunion."}},
		},
		{
			name:   "utf-8 bytes declared latin1",
			inputs: func() []string { return []string{td("utf8-declared-latin1.html")} },
			wants:  []want{{kind: KindHTML, contains: "Délégation française à Genève.", lacks: "iso-8859-1"}},
		},
		{
			name:   "windows-1252 text",
			inputs: func() []string { return []string{td("cp1252.txt")} },
			wants:  []want{{kind: KindText, contains: "Déclaration du ministère “officielle” à Bruxelles."}},
		},
		{
			name: "gzip html, gzip feed, gzip jsonl",
			inputs: func() []string {
				return []string{
					writeFile(t, dir, "page.html.gz", pageGz),
					writeFile(t, dir, "feed.xml.gz", gz(readFixture(t, "atom.xml"))),
					writeFile(t, dir, "records.jsonl.gz", gz(readFixture(t, "records.jsonl"))),
				}
			},
			wants: []want{
				{name: filepath.Join(dir, "page.html.gz"), kind: KindHTML, contains: "third round"},
				{kind: KindHTML, contains: "ratified", src: faultline.Source{Feed: filepath.Join(dir, "feed.xml.gz")}},
				{kind: KindRecordText}, {kind: KindHTML}, {err: ":3: bad JSON"}, {err: "no text"}, {kind: KindRecordText},
			},
		},
		{
			name: "page with a few stray NUL bytes is still HTML",
			inputs: func() []string {
				page := bytes.Replace(readFixture(t, "page.html"), []byte("<article>"), []byte("<article>\x00\x00\x00"), 1)
				return []string{writeFile(t, dir, "nul.html", page)}
			},
			wants: []want{{kind: KindHTML, contains: "<article>\n<h1>"}},
		},
		{
			name:   "content wins over extension",
			inputs: func() []string { return []string{writeFile(t, dir, "feed.txt", readFixture(t, "atom.xml"))} },
			wants:  []want{{kind: KindHTML, contains: "ratified"}},
		},
		{
			name: "truncated gzip page",
			inputs: func() []string {
				return []string{writeFile(t, dir, "cut.html.gz", pageGz[:len(pageGz)-20]), td("article.txt")}
			},
			wants: []want{
				{name: filepath.Join(dir, "cut.html.gz"), err: "gzip data is truncated or damaged after"},
				{kind: KindText},
			},
		},
		{
			name:   "warc",
			inputs: func() []string { return []string{writeFile(t, dir, "crawl.warc", warcPlain)} },
			wants:  withName(warcWants, filepath.Join(dir, "crawl.warc")),
		},
		{
			name:   "warc.gz",
			inputs: func() []string { return []string{writeFile(t, dir, "crawl.warc.gz", warcGz)} },
			wants:  withName(warcWants, filepath.Join(dir, "crawl.warc.gz")),
		},
		{
			name:   "warc gzipped as a whole",
			inputs: func() []string { return []string{writeFile(t, dir, "whole.warc.gz", gz(warcPlain))} },
			wants:  withName(warcWants, filepath.Join(dir, "whole.warc.gz")),
		},
		{
			name:   "truncated warc.gz keeps the records before the damage",
			inputs: func() []string { return []string{writeFile(t, dir, "cut.warc.gz", truncated), td("article.txt")} },
			wants: append(withName(warcWants[:1], filepath.Join(dir, "cut.warc.gz")),
				want{name: filepath.Join(dir, "cut.warc.gz"), err: fmt.Sprintf("at byte %d is truncated or damaged", offsets[4])},
				want{kind: KindText}),
		},
		{
			name:   "truncated plain warc",
			inputs: func() []string { return []string{writeFile(t, dir, "cut.warc", plainCut)} },
			wants: append(withName(warcWants[:1], filepath.Join(dir, "cut.warc")),
				want{err: fmt.Sprintf("at byte %d is truncated or damaged", plainOffsets[4])}),
		},
		{
			name: "binary junk, empty file, whitespace file, missing file, then a page",
			inputs: func() []string {
				return []string{
					writeFile(t, dir, "junk.bin", binary),
					writeFile(t, dir, "empty.txt", nil),
					writeFile(t, dir, "blank.txt", []byte(" \n\t\n")),
					filepath.Join(dir, "missing.html"),
					writeFile(t, dir, "image.png", []byte("\x89PNG\r\n\x1a\nIHDR")),
					td("page.html"),
				}
			},
			wants: []want{
				{err: filepath.Join(dir, "junk.bin") + ": not a text, HTML, feed, WARC or JSONL file (looks like binary data); remove it or pass a supported file", code: faultline.EINVALID},
				{err: filepath.Join(dir, "empty.txt") + ": empty file"},
				{err: filepath.Join(dir, "blank.txt") + ": empty file"},
				{err: filepath.Join(dir, "missing.html") + ": no such file or directory", code: faultline.ENOTFOUND},
				{err: "looks like binary data"},
				{kind: KindHTML},
			},
		},
		{
			name: "warc larger than MaxBytes is streamed record by record",
			inputs: func() []string {
				return []string{writeFile(t, dir, "stream.warc", bytes.Repeat(warcPlain, 3))}
			},
			opts:  Options{MaxBytes: 600},
			wants: repeatWant(want{kind: KindHTML}, 6),
		},
		{
			name:   "warc records over MaxBytes are reported one by one",
			inputs: func() []string { return []string{writeFile(t, dir, "small.warc", warcPlain)} },
			opts:   Options{MaxBytes: 50},
			wants: []want{
				{name: filepath.Join(dir, "small.warc") + "#urn:uuid:00000000-0000-4000-8000-000000000002", err: "is over the 50 bytes limit for one document; raise --max-bytes"},
				{name: filepath.Join(dir, "small.warc") + "#urn:uuid:00000000-0000-4000-8000-000000000004", err: "is over the 50 bytes limit"},
			},
		},
		{
			name: "json document, not json lines",
			inputs: func() []string {
				return []string{
					writeFile(t, dir, "doc.json", []byte("{\n  \"id\": 1,\n  \"text\": \"x\"\n}\n")),
					writeFile(t, dir, "array.txt", []byte(`[{"id":1,"text":"x"}]`)),
				}
			},
			wants: []want{{err: "doc.json: a JSON document, not JSON Lines"}, {err: "array.txt: a JSON document, not JSON Lines"}},
		},
		{
			name: "documents over MaxBytes, streams under it per record",
			inputs: func() []string {
				big := bytes.Repeat([]byte("<p>Lorem ipsum dolor sit amet.</p>\n"), 100)
				return []string{
					writeFile(t, dir, "big.html", big),
					writeFile(t, dir, "big.html.gz", gz(big)),
					writeFile(t, dir, "stream.jsonl", bytes.Repeat([]byte(`{"id":"x","text":"a record well under the limit"}`+"\n"), 100)),
					writeFile(t, dir, "longline.jsonl", []byte(`{"id":"a","text":"short"}`+"\n"+`{"id":"b","text":"`+strings.Repeat("x", 3000)+`"}`+"\n"+`{"id":"c","text":"after"}`+"\n")),
				}
			},
			opts: Options{MaxBytes: 2000},
			wants: append(append([]want{
				{err: filepath.Join(dir, "big.html") + ": 3.4 KB is over the 2 KB limit for one document; split it or raise --max-bytes"},
				{err: filepath.Join(dir, "big.html.gz") + ": more than 2 KB"},
			}, repeatWant(want{kind: KindRecordText, contains: "well under"}, 100)...),
				want{name: filepath.Join(dir, "longline.jsonl") + ":1", kind: KindRecordText},
				want{name: filepath.Join(dir, "longline.jsonl") + ":2", err: "longline.jsonl:2: line is over the 2 KB limit"},
				want{name: filepath.Join(dir, "longline.jsonl") + ":3", contains: "after"},
			),
		},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			got := collect(t, tc.inputs(), tc.opts)
			checkItems(t, got, tc.wants)
		})
	}
}

func TestCanonicalURL(t *testing.T) {
	tests := []struct{ page, want string }{
		{`<link rel="canonical" href="https://a.example/x">`, "https://a.example/x"},
		{`<LINK HREF='https://b.example/y' REL='alternate canonical'>`, "https://b.example/y"},
		{`<meta property="og:url" content="https://c.example/z"><link rel=canonical href=/relative>`, "https://c.example/z"},
		{`<meta content="https://d.example/?a=1&amp;b=2" property="og:url">`, "https://d.example/?a=1&b=2"},
		{`<link rel="stylesheet" href="https://e.example/s.css">`, ""},
		{`<link`, ""},
	}
	for _, tc := range tests {
		if got := canonicalURL([]byte(tc.page)); got != tc.want {
			t.Errorf("canonicalURL(%q) = %q, want %q", tc.page, got, tc.want)
		}
	}
}

func repeatWant(w want, n int) []want {
	out := make([]want, n)
	for i := range out {
		out[i] = w
	}
	return out
}

func TestReadWARCStats(t *testing.T) {
	data, _ := buildWARC(true, sampleWARC()...)
	p := writeFile(t, t.TempDir(), "s.warc.gz", data)
	var stats Stats
	items := collect(t, []string{p}, Options{Stats: &stats})
	if len(items) != 2 || stats.Items != 2 || stats.SkippedRecords != 4 || stats.Errors != 0 || stats.Inputs != 1 {
		t.Errorf("got %d items, stats %+v; want 2 items, 4 skipped records, 1 input", len(items), stats)
	}
}

func TestReadLargeFileIsRefusedWithoutReading(t *testing.T) {
	p := filepath.Join(t.TempDir(), "huge.txt")
	f, err := os.Create(p)
	if err != nil {
		t.Fatal(err)
	}
	// Text first, so the file is sniffed as text, then a sparse tail.
	f.Write(bytes.Repeat([]byte("plain text line\n"), sniffLen/16+1))
	if err := f.Truncate(200 << 20); err != nil {
		t.Fatal(err)
	}
	f.Close()
	got := collect(t, []string{p}, Options{})
	checkItems(t, got, []want{{err: p + ": 200 MB is over the 50 MB limit for one document; split it or raise --max-bytes"}})
}

func TestReadDirectory(t *testing.T) {
	dir := t.TempDir()
	writeFile(t, dir, "b/2.txt", []byte("second file"))
	writeFile(t, dir, "b/1.html", []byte("<html><body><p>first file</p></body></html>"))
	writeFile(t, dir, "a.txt", []byte("top file"))
	writeFile(t, dir, ".hidden/secret.txt", []byte("hidden dir"))
	writeFile(t, dir, "b/.dot.txt", []byte("hidden file"))
	writeFile(t, dir, "faultline.db", []byte("SQLite format 3\x00"))
	writeFile(t, dir, "faultline.db-wal", []byte("wal"))
	writeFile(t, dir, "c/store.sqlite", []byte("SQLite format 3\x00"))
	if err := os.Symlink(dir, filepath.Join(dir, "c", "loop")); err != nil {
		t.Logf("no symlink: %v", err)
	}
	got := collect(t, []string{dir}, Options{})
	checkItems(t, got, []want{
		{name: filepath.Join(dir, "a.txt"), contains: "top file", src: faultline.Source{Path: filepath.Join(dir, "a.txt")}},
		{name: filepath.Join(dir, "b/1.html"), kind: KindHTML},
		{name: filepath.Join(dir, "b/2.txt"), kind: KindText},
	})
}

func TestReadStdin(t *testing.T) {
	got := collect(t, []string{"-", "-"}, Options{Stdin: strings.NewReader("<rss version=\"2.0\"><channel><item><title>T</title><description>Plain words.</description></item></channel></rss>")})
	checkItems(t, got, []want{
		{name: "stdin#1", kind: KindRecordText, contains: "Plain words.", title: "T", src: faultline.Source{Feed: "stdin"}},
		{name: "stdin", err: "stdin: empty file"},
	})
}

func TestReadURLs(t *testing.T) {
	var gotUA string
	mux := http.NewServeMux()
	srv := httptest.NewServer(mux)
	defer srv.Close()
	mux.HandleFunc("/page", func(w http.ResponseWriter, r *http.Request) {
		gotUA = r.Header.Get("User-Agent")
		w.Header().Set("Content-Type", "text/html; charset=iso-8859-1")
		w.Write([]byte("<html><body><p>Caf\xe9 diplomacy.</p></body></html>"))
	})
	mux.HandleFunc("/feed", func(w http.ResponseWriter, r *http.Request) {
		w.Header().Set("Content-Type", "application/rss+xml")
		fmt.Fprintf(w, `<?xml version="1.0"?><rss version="2.0"><channel><title>F</title><link>%s/</link>
<item><title>Linked</title><link>/article</link><description>teaser only</description></item>
<item><title>Dead link</title><link>%s/missing</link><description>fallback teaser</description></item>
</channel></rss>`, srv.URL, srv.URL)
	})
	mux.HandleFunc("/article", func(w http.ResponseWriter, r *http.Request) {
		w.Header().Set("Content-Type", "text/html")
		w.Write([]byte("<html><body><p>The full article.</p></body></html>"))
	})
	mux.HandleFunc("/redirect", func(w http.ResponseWriter, r *http.Request) {
		http.Redirect(w, r, "/page", http.StatusFound)
	})
	mux.HandleFunc("/warc", func(w http.ResponseWriter, r *http.Request) {
		data, _ := buildWARC(true, sampleWARC()...)
		w.Header().Set("Content-Type", "application/warc")
		w.Write(data)
	})
	ln, err := net.Listen("tcp", "127.0.0.1:0")
	if err != nil {
		t.Fatal(err)
	}
	closed := "http://" + ln.Addr().String() + "/nothing"
	ln.Close()
	host := strings.Split(strings.TrimPrefix(srv.URL, "http://"), ":")[0]

	t.Run("page, 404, unreachable, feed, warc", func(t *testing.T) {
		got := collect(t, []string{srv.URL + "/redirect", srv.URL + "/missing", closed, srv.URL + "/feed", srv.URL + "/warc"}, Options{})
		checkItems(t, got, []want{
			{name: srv.URL + "/redirect", kind: KindHTML, contains: "Café diplomacy.", src: faultline.Source{URL: srv.URL + "/page", Site: host}},
			{err: srv.URL + "/missing: cannot fetch: HTTP 404 Not Found; check the address or your network", code: faultline.ENOTFOUND},
			{err: closed + ": cannot fetch: ", code: faultline.EUNAVAILABLE},
			{kind: KindRecordText, contains: "teaser only", src: faultline.Source{URL: srv.URL + "/article", Feed: srv.URL + "/feed"}},
			{kind: KindRecordText, contains: "fallback teaser"},
			{kind: KindHTML, contains: "First archived page."},
			{kind: KindHTML, contains: "Second archived page."},
		})
		if gotUA != DefaultUserAgent {
			t.Errorf("User-Agent = %q, want %q", gotUA, DefaultUserAgent)
		}
	})
	t.Run("follow links", func(t *testing.T) {
		got := collect(t, []string{srv.URL + "/feed"}, Options{FollowLinks: true, HTTPClient: srv.Client()})
		checkItems(t, got, []want{
			{kind: KindHTML, contains: "The full article.", title: "Linked", src: faultline.Source{URL: srv.URL + "/article", Feed: srv.URL + "/feed"}},
			{err: srv.URL + "/missing: cannot fetch: HTTP 404"},
			{kind: KindRecordText, contains: "fallback teaser"},
		})
	})
}

func TestReadURLTimeout(t *testing.T) {
	release := make(chan struct{})
	srv := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		select {
		case <-r.Context().Done():
		case <-release:
		}
	}))
	defer srv.Close()
	defer close(release)
	got := collect(t, []string{srv.URL + "/slow", filepath.Join("testdata", "article.txt")}, Options{Timeout: 200 * time.Millisecond})
	checkItems(t, got, []want{
		{err: srv.URL + "/slow: cannot fetch: timed out", code: faultline.EUNAVAILABLE},
		{kind: KindText},
	})
}

func TestReadCancelInsideAStream(t *testing.T) {
	data, _ := buildWARC(true, sampleWARC()...)
	p := writeFile(t, t.TempDir(), "c.warc.gz", bytes.Repeat(data, 10))
	ctx, cancel := context.WithCancel(context.Background())
	defer cancel()
	n := 0
	err := Read(ctx, []string{p, p}, Options{}, func(Item) error {
		n++
		if n == 3 {
			cancel()
		}
		return nil
	})
	if !errors.Is(err, context.Canceled) || n != 3 {
		t.Errorf("Read = %v after %d items, want context.Canceled after 3", err, n)
	}
}

func TestReadStopsOnEmitErrorAndCancel(t *testing.T) {
	inputs := []string{filepath.Join("testdata", "page.html"), filepath.Join("testdata", "article.txt")}
	stop := errors.New("stop")
	n := 0
	err := Read(context.Background(), inputs, Options{}, func(Item) error { n++; return stop })
	if !errors.Is(err, stop) || n != 1 {
		t.Errorf("Read = %v after %d items, want stop after 1", err, n)
	}
	ctx, cancel := context.WithCancel(context.Background())
	cancel()
	err = Read(ctx, inputs, Options{}, func(Item) error { t.Error("emit called after cancel"); return nil })
	if !errors.Is(err, context.Canceled) {
		t.Errorf("Read with cancelled ctx = %v, want context.Canceled", err)
	}
}

// sharedDir is the shared data folder; the test skips without it.
func sharedDir(t testing.TB) string { return sharedtest.Dir(t) }

func TestReadSharedSamples(t *testing.T) {
	shared := sharedDir(t)
	sample := filepath.Join(shared, "samples", "000_e9c81a236e9288db.txt")
	if _, err := os.Stat(sample); err != nil {
		t.Skipf("%s absent", sample)
	}
	got := collect(t, []string{sample}, Options{})
	checkItems(t, got, []want{{kind: KindText, name: sample}})

	pages, _ := filepath.Glob(filepath.Join(shared, "eval", "zyte-article-extraction", "html", "*.html.gz"))
	if len(pages) == 0 {
		t.Skip("no zyte pages in ../shared/eval")
	}
	if len(pages) > 8 {
		pages = pages[:8]
	}
	got = collect(t, pages, Options{})
	wants := make([]want, len(pages))
	for i, p := range pages {
		wants[i] = want{name: p, kind: KindHTML, contains: "<"}
	}
	checkItems(t, got, wants)
}
