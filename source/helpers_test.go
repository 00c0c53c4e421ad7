package source

import (
	"bytes"
	"compress/gzip"
	"context"
	"fmt"
	"maps"
	"os"
	"path/filepath"
	"slices"
	"testing"
)

// collect runs Read and returns every emitted item.
func collect(t testing.TB, inputs []string, opts Options) []Item {
	t.Helper()
	var items []Item
	err := Read(context.Background(), inputs, opts, func(it Item) error {
		items = append(items, it)
		return nil
	})
	if err != nil {
		t.Fatalf("Read(%v) = %v, want nil", inputs, err)
	}
	return items
}

// gz compresses b as one gzip member.
func gz(b []byte) []byte {
	var buf bytes.Buffer
	w := gzip.NewWriter(&buf)
	w.Write(b)
	w.Close()
	return buf.Bytes()
}

// writeFile writes data under dir and returns the path.
func writeFile(t testing.TB, dir, name string, data []byte) string {
	t.Helper()
	p := filepath.Join(dir, name)
	if err := os.MkdirAll(filepath.Dir(p), 0o755); err != nil {
		t.Fatal(err)
	}
	if err := os.WriteFile(p, data, 0o644); err != nil {
		t.Fatal(err)
	}
	return p
}

func readFixture(t testing.TB, name string) []byte {
	t.Helper()
	b, err := os.ReadFile(filepath.Join("testdata", name))
	if err != nil {
		t.Fatal(err)
	}
	return b
}

// warcRec is one record for buildWARC.
type warcRec struct {
	typ, id, uri, contentType string
	block                     string
}

// httpResponse builds an HTTP response block with the given headers.
func httpResponse(status string, headers map[string]string, body string) string {
	var b bytes.Buffer
	fmt.Fprintf(&b, "HTTP/1.1 %s\r\n", status)
	for _, k := range slices.Sorted(maps.Keys(headers)) {
		fmt.Fprintf(&b, "%s: %s\r\n", k, headers[k])
	}
	b.WriteString("\r\n")
	b.WriteString(body)
	return b.String()
}

// warcBytes renders one record in WARC/1.1 syntax.
func warcBytes(r warcRec) []byte {
	var b bytes.Buffer
	b.WriteString("WARC/1.1\r\n")
	fmt.Fprintf(&b, "WARC-Type: %s\r\n", r.typ)
	fmt.Fprintf(&b, "WARC-Record-ID: <urn:uuid:%s>\r\n", r.id)
	b.WriteString("WARC-Date: 2026-11-24T10:00:00Z\r\n")
	if r.uri != "" {
		fmt.Fprintf(&b, "WARC-Target-URI: %s\r\n", r.uri)
	}
	fmt.Fprintf(&b, "Content-Type: %s\r\n", r.contentType)
	fmt.Fprintf(&b, "Content-Length: %d\r\n\r\n", len(r.block))
	b.WriteString(r.block)
	b.WriteString("\r\n\r\n")
	return b.Bytes()
}

// buildWARC renders records as a WARC file; compressed gives one gzip
// member per record, as .warc.gz files have. offsets are where each
// record starts.
func buildWARC(compressed bool, recs ...warcRec) (data []byte, offsets []int) {
	var out []byte
	for _, r := range recs {
		offsets = append(offsets, len(out))
		b := warcBytes(r)
		if compressed {
			b = gz(b)
		}
		out = append(out, b...)
	}
	return out, offsets
}

// sampleWARC has a warcinfo, a request, two HTML responses (the second
// chunked and gzip-encoded), a PNG response and a 404.
func sampleWARC() []warcRec {
	page1 := "<html><head><title>One</title></head><body><p>First archived page.</p></body></html>"
	page2 := "<html><head><meta charset=\"windows-1252\"></head><body><p>Second archived page.</p></body></html>"
	enc := gz([]byte(page2))
	chunked := fmt.Sprintf("%x\r\n%s\r\n0\r\n\r\n", len(enc), enc)
	return []warcRec{
		{typ: "warcinfo", id: "00000000-0000-4000-8000-000000000000", contentType: "application/warc-fields", block: "software: test\r\n"},
		{typ: "request", id: "00000000-0000-4000-8000-000000000001", uri: "https://archive.example.com/one", contentType: "application/http; msgtype=request", block: "GET /one HTTP/1.1\r\nHost: archive.example.com\r\n\r\n"},
		{typ: "response", id: "00000000-0000-4000-8000-000000000002", uri: "https://archive.example.com/one", contentType: "application/http; msgtype=response",
			block: httpResponse("200 OK", map[string]string{"Content-Type": "text/html; charset=utf-8"}, page1)},
		{typ: "response", id: "00000000-0000-4000-8000-000000000003", uri: "https://archive.example.com/logo.png", contentType: "application/http; msgtype=response",
			block: httpResponse("200 OK", map[string]string{"Content-Type": "image/png"}, "\x89PNG\r\n\x1a\n")},
		{typ: "response", id: "00000000-0000-4000-8000-000000000004", uri: "https://www.archive.example.com/two", contentType: "application/http; msgtype=response",
			block: httpResponse("200 OK", map[string]string{"Content-Type": "text/html", "Content-Encoding": "gzip", "Transfer-Encoding": "chunked"}, chunked)},
		{typ: "response", id: "00000000-0000-4000-8000-000000000005", uri: "https://archive.example.com/gone", contentType: "application/http; msgtype=response",
			block: httpResponse("404 Not Found", map[string]string{"Content-Type": "text/html"}, "<html>gone</html>")},
	}
}
