package source

import (
	"bytes"
	"context"
	"errors"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"unicode/utf8"

	"github.com/faultline-news/faultline"
)

// readBytes runs Read on data given as standard input and checks the
// invariants every input must keep: no panic, no error from Read, error
// items carry a one-line *faultline.Error and no data, other items carry
// a kind and valid UTF-8 (record text excepted: it is kept as given).
func readBytes(t *testing.T, data []byte, opts Options) []Item {
	t.Helper()
	opts.Stdin = bytes.NewReader(data)
	var items []Item
	err := Read(context.Background(), []string{"-"}, opts, func(it Item) error {
		items = append(items, it)
		return nil
	})
	if err != nil {
		t.Fatalf("Read = %v", err)
	}
	for _, it := range items {
		if it.Err != nil {
			var fe *faultline.Error
			if !errors.As(it.Err, &fe) {
				t.Fatalf("%s: error %T is not a *faultline.Error", it.Name, it.Err)
			}
			if msg := fe.Message; msg == "" || strings.ContainsAny(msg, "\n\r") {
				t.Fatalf("%s: bad error message %q", it.Name, msg)
			}
			if len(it.Data) != 0 {
				t.Fatalf("%s: error item with data", it.Name)
			}
			continue
		}
		switch it.Kind {
		case KindHTML, KindText:
			if !utf8.Valid(it.Data) {
				t.Fatalf("%s: %s data is not valid UTF-8", it.Name, it.Kind)
			}
		case KindRecordText:
		default:
			t.Fatalf("%s: no kind", it.Name)
		}
		if it.Name == "" {
			t.Fatal("item without a name")
		}
	}
	return items
}

// addFixtures seeds f with every file under testdata, plain and gzipped.
func addFixtures(f *testing.F) {
	paths, _ := filepath.Glob(filepath.Join("testdata", "*"))
	for _, p := range paths {
		b, err := os.ReadFile(p)
		if err != nil {
			continue
		}
		f.Add(b)
		f.Add(gz(b))
	}
}

func FuzzSniff(f *testing.F) {
	addFixtures(f)
	f.Add([]byte("\x00\x01binary"))
	f.Add([]byte("\xff\xfe<\x00h\x00t\x00m\x00l\x00>\x00"))
	f.Add([]byte("  <!-- c --><!DOCTYPE html><p>x"))
	f.Fuzz(func(t *testing.T, data []byte) {
		head := data[:min(len(data), sniffLen)]
		f1 := sniff(head, "x", "")
		if f2 := sniff(head, "x", ""); f1 != f2 {
			t.Fatalf("sniff is not deterministic: %v then %v", f1, f2)
		}
		if len(data) == 0 && f1 != formatEmpty {
			t.Fatalf("empty input sniffed as %v", f1)
		}
		readBytes(t, data, Options{MaxBytes: 1 << 20})
	})
}

func FuzzJSONL(f *testing.F) {
	f.Add(readFixture(f, "records.jsonl"))
	f.Add([]byte(`{"id":1,"text":"a"}` + "\n" + `{"id":2,"html":"<p>b</p>"}`))
	f.Add([]byte("{\"id\":\"x\",\"text\":\"\xff\xfe\"}\n{bad\n"))
	f.Fuzz(func(t *testing.T, data []byte) {
		// Force the JSONL reader whatever the bytes look like.
		in := append([]byte(`{"id":"seed","text":"seed"}`+"\n"), data...)
		items := readBytes(t, in, Options{MaxBytes: 4096})
		if sniff(in[:min(len(in), sniffLen)], "-", "") != formatJSONL {
			return // control bytes in the seed line's wake: refused as binary
		}
		if len(items) == 0 || items[0].Err != nil || string(items[0].Data) != "seed" {
			t.Fatalf("first record lost: %+v", items)
		}
		lines := bytes.Count(in, []byte("\n")) + 1
		if len(items) > lines {
			t.Fatalf("%d items from %d lines", len(items), lines)
		}
	})
}

func FuzzFeed(f *testing.F) {
	for _, name := range []string{"rss.xml", "atom.xml", "broken-feed.xml"} {
		f.Add(readFixture(f, name))
	}
	f.Add([]byte(`{"version":"https://jsonfeed.org/version/1.1","title":"J","items":[{"id":"1","content_text":"hi"}]}`))
	f.Fuzz(func(t *testing.T, data []byte) {
		readBytes(t, data, Options{MaxBytes: 1 << 20})
	})
}

func FuzzWARC(f *testing.F) {
	plain, _ := buildWARC(false, sampleWARC()...)
	compressed, offsets := buildWARC(true, sampleWARC()...)
	f.Add(plain)
	f.Add(compressed)
	f.Add(compressed[:offsets[3]+17])
	f.Add(plain[:len(plain)/2])
	f.Add([]byte("WARC/1.1\r\nWARC-Type: response\r\nContent-Length: 5\r\n\r\nHTTP/"))
	f.Fuzz(func(t *testing.T, data []byte) {
		readBytes(t, data, Options{MaxBytes: 1 << 20})
	})
}
