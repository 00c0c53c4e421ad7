package extract

import (
	"context"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"unicode/utf8"

	"github.com/faultline-news/faultline"
	"github.com/faultline-news/faultline/source"
)

// fuzzSeeds adds the testdata fixtures and a few awkward inputs.
func fuzzSeeds(f *testing.F, names ...string) {
	for _, name := range names {
		data, err := os.ReadFile(filepath.Join("testdata", name))
		if err != nil {
			f.Fatal(err)
		}
		f.Add(data)
	}
	for _, s := range []string{
		"", "\n", "\xff\xfe\x00", "<", "<html><body><p>x</p>", "By \n\n",
		"WASHINGTON — ", "Popular posts from this blog", "March 23, 2017\n\nMarch 23, 2017",
		"<p>a</p><p>a</p><table><tr><td>1<td>2</table><br><br>",
		"<meta charset=\"shift_jis\"><p>\x82\xa0\x82\xa2</p>",
	} {
		f.Add([]byte(s))
	}
}

// checkFuzzDocument checks what must hold for any input that extracts.
func checkFuzzDocument(t *testing.T, doc *faultline.Document) {
	t.Helper()
	if !utf8.ValidString(doc.Text) || !utf8.ValidString(doc.Title) {
		t.Fatal("invalid UTF-8 in text or title")
	}
	if strings.TrimSpace(doc.Text) == "" {
		t.Fatal("empty text without an error")
	}
	if doc.ID != TextID(doc.Text) {
		t.Fatal("id does not match text")
	}
	// Extract sets no spans itself; any that a later change adds must
	// index the text.
	for _, s := range doc.Sentences {
		if s.Start < 0 || s.End > len(doc.Text) || s.Start > s.End {
			t.Fatalf("sentence span %d:%d outside text of %d bytes", s.Start, s.End, len(doc.Text))
		}
	}
	for _, r := range doc.Removed {
		if r.Kind == "" || r.Text == "" {
			t.Fatalf("removed piece without kind or text: %+v", r)
		}
	}
}

func FuzzExtractHTML(f *testing.F) {
	fuzzSeeds(f, "harbour.html")
	f.Fuzz(func(t *testing.T, data []byte) {
		doc, err := Extract(context.Background(), source.Item{Name: "fuzz.html", Kind: source.KindHTML, Data: data}, Options{})
		if err != nil {
			if faultline.ErrorCode(err) == faultline.EINTERNAL {
				t.Fatalf("internal error (recovered panic?): %v", err)
			}
			return
		}
		checkFuzzDocument(t, doc)
	})
}

func FuzzExtractText(f *testing.F) {
	fuzzSeeds(f, "wire.txt", "wrapped.txt")
	f.Fuzz(func(t *testing.T, data []byte) {
		doc, err := Extract(context.Background(), source.Item{Name: "fuzz.txt", Kind: source.KindText, Data: data}, Options{})
		if err != nil {
			if faultline.ErrorCode(err) != faultline.EINVALID {
				t.Fatalf("unexpected error: %v", err)
			}
			return
		}
		checkFuzzDocument(t, doc)
		for _, p := range strings.Split(doc.Text, "\n\n") {
			if p == "" || p != strings.TrimSpace(p) {
				t.Fatalf("paragraph %q is empty or not trimmed", p)
			}
		}
	})
}
