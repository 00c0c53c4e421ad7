package source

import (
	"bytes"
	"context"
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"testing"
)

// benchFile writes n copies of record to a file and returns its path and size.
func benchFile(b *testing.B, name string, record []byte, n int) (string, int64) {
	b.Helper()
	p := filepath.Join(b.TempDir(), name)
	f, err := os.Create(p)
	if err != nil {
		b.Fatal(err)
	}
	for range n {
		f.Write(record)
	}
	f.Close()
	return p, int64(len(record) * n)
}

func benchRead(b *testing.B, p string, size int64) {
	b.SetBytes(size)
	b.ReportAllocs()
	for b.Loop() {
		items := 0
		err := Read(context.Background(), []string{p}, Options{}, func(it Item) error {
			if it.Err != nil {
				return it.Err
			}
			items++
			return nil
		})
		if err != nil || items == 0 {
			b.Fatalf("Read = %v, %d items", err, items)
		}
	}
}

func BenchmarkReadJSONL(b *testing.B) {
	line := fmt.Sprintf(`{"id":"x","url":"https://e.example/a","title":"T","text":%q}`+"\n", strings.Repeat("A sentence about talks. ", 80))
	p, size := benchFile(b, "b.jsonl", []byte(line), 10000)
	benchRead(b, p, size)
}

func BenchmarkReadWARCGz(b *testing.B) {
	page := "<html><body>" + strings.Repeat("<p>A sentence about talks.</p>", 100) + "</body></html>"
	rec := warcRec{typ: "response", id: "00000000-0000-4000-8000-00000000000a", uri: "https://e.example/a", contentType: "application/http; msgtype=response",
		block: httpResponse("200 OK", map[string]string{"Content-Type": "text/html"}, page)}
	data, _ := buildWARC(true, rec)
	p, size := benchFile(b, "b.warc.gz", data, 5000)
	benchRead(b, p, size)
}

func BenchmarkReadHTML(b *testing.B) {
	page := bytes.Repeat([]byte("<p>Une phrase sur les n\xe9gociations.</p>\n"), 2000)
	p, size := benchFile(b, "b.html", page, 1)
	benchRead(b, p, size)
}
