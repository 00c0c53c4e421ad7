package segment_test

import (
	"flag"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/faultline-news/faultline/segment"
)

var update = flag.Bool("update", false, "rewrite the golden files under testdata")

// TestGolden segments testdata/news.txt, tricky news sentences written for
// this test, and compares one sentence per line (tokens separated by
// spaces) with testdata/news.golden. Run with -update to rewrite it after a
// reviewed change.
func TestGolden(t *testing.T) {
	in, err := os.ReadFile(filepath.Join("testdata", "news.txt"))
	if err != nil {
		t.Fatal(err)
	}
	text := string(in)
	sents, toks := segment.Segment(text)
	checkInvariants(t, text, toks, sents)
	var b strings.Builder
	for _, s := range sents {
		b.WriteString(tokenTexts(text, toks[s.TokenStart:s.TokenEnd]))
		b.WriteByte('\n')
	}
	got := b.String()
	golden := filepath.Join("testdata", "news.golden")
	if *update {
		if err := os.WriteFile(golden, []byte(got), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	want, err := os.ReadFile(golden)
	if err != nil {
		t.Fatalf("%v (run go test -run TestGolden -update to create it)", err)
	}
	if got != string(want) {
		gl, wl := strings.Split(got, "\n"), strings.Split(string(want), "\n")
		for i := 0; i < max(len(gl), len(wl)); i++ {
			var g, w string
			if i < len(gl) {
				g = gl[i]
			}
			if i < len(wl) {
				w = wl[i]
			}
			if g != w {
				t.Errorf("line %d differs\n got %s\nwant %s", i+1, g, w)
				break
			}
		}
	}

	// Stability: each sentence segmented on its own is one sentence with
	// the same tokens.
	for _, s := range sents {
		st := text[s.Start:s.End]
		again, againToks := segment.Segment(st)
		if len(again) != 1 {
			t.Errorf("sentence %q segments on its own into %d sentences", st, len(again))
			continue
		}
		if a, b := tokenTexts(st, againToks), tokenTexts(text, toks[s.TokenStart:s.TokenEnd]); a != b {
			t.Errorf("sentence %q tokenizes on its own as\n%s\nnot\n%s", st, a, b)
		}
	}
}
