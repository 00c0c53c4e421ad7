package ner_test

import (
	"context"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"unicode"

	"github.com/faultline-news/faultline/internal/sharedtest"
	modelner "github.com/faultline-news/faultline/model/ner"
	"github.com/faultline-news/faultline/ner"
)

// sharedDir is the shared data folder; the test skips without it.
func sharedDir(t testing.TB) string { return sharedtest.Dir(t) }

func TestLoad(t *testing.T) {
	m, err := modelner.Load()
	if err != nil {
		t.Fatal(err)
	}
	m2, _ := modelner.Load()
	if m != m2 {
		t.Error("Load decoded the model twice")
	}
	meta, err := modelner.Meta()
	if err != nil {
		t.Fatal(err)
	}
	if meta.Seed == 0 && meta.Command == "" || len(meta.Data) == 0 {
		t.Errorf("meta.json lacks provenance: %+v", meta)
	}
}

// Floors are ratchets: raise them when the model improves, never lower them.
func TestAccuracy(t *testing.T) {
	shared := sharedDir(t)
	if testing.Short() {
		t.Skip("accuracy test reads the gold sets; skipped in -short")
	}
	m, err := modelner.Load()
	if err != nil {
		t.Fatal(err)
	}
	tests := []struct {
		path  string
		floor float64
	}{
		{"corpora/uner-english-pud/en_pud-ud-test.iob2", pudFloor},
		{"corpora/uner-english-ewt/en_ewt-ud-test.iob2", ewtFloor},
		{"eval/gmb-ner/gmb_ner.jsonl.gz", gmbFloor},
	}
	for _, tt := range tests {
		// Same scoring as eval.NER (kept free of package eval so that this
		// test does not depend on the other scorers building).
		c, err := ner.ReadCorpus(context.Background(), filepath.Join(shared, tt.path))
		if err != nil {
			t.Fatal(err)
		}
		sents := c.Sentences
		if c.Format == ner.FormatGMB {
			_, sents = ner.GMBSplit(sents)
		}
		r, err := ner.Score(context.Background(), m.ForCorpus(c.Name), c.Format, sents)
		if err != nil {
			t.Fatal(err)
		}
		t.Logf("%s: P %.4f R %.4f F1 %.4f per type %v (%d sentences)", tt.path, r.Precision, r.Recall, r.F1, r.PerType, r.Sentences)
		if r.F1 < tt.floor {
			t.Errorf("%s: F1 %.4f below the floor %.4f", tt.path, r.F1, tt.floor)
		}
	}
}

// tokenize is a small UD-style tokenizer for the tests: punctuation split
// off words, "'s" split off, abbreviations ("U.S.", "Maj.", "J.T.") kept.
func tokenize(line string) []string {
	var out []string
	for _, f := range strings.Fields(line) {
		var pre, post []string
		for len(f) > 0 && strings.ContainsRune("\"“‘'(", firstRune(f)) {
			r := firstRune(f)
			pre = append(pre, string(r))
			f = f[len(string(r)):]
		}
		for len(f) > 0 {
			r := lastRune(f)
			if strings.ContainsRune("\"”’),;:?!", r) && !(r == '’' && strings.HasSuffix(f, "s’")) {
				post = append([]string{string(r)}, post...)
				f = f[:len(f)-len(string(r))]
				continue
			}
			if r == '.' && strings.Count(f, ".") == 1 && !(len(f) <= 4 && unicode.IsUpper(firstRune(f))) {
				post = append([]string{"."}, post...)
				f = f[:len(f)-1]
				continue
			}
			break
		}
		out = append(out, pre...)
		for _, suf := range []string{"'s", "’s"} {
			if strings.HasSuffix(f, suf) && len(f) > len(suf) {
				out = append(out, f[:len(f)-len(suf)])
				f = suf
			}
		}
		if f != "" {
			out = append(out, f)
		}
		out = append(out, post...)
	}
	return out
}

func firstRune(s string) rune {
	for _, r := range s {
		return r
	}
	return 0
}

func lastRune(s string) rune {
	r := []rune(s)
	return r[len(r)-1]
}

// sentences splits tokens after ".", "?" and "!" (and a closing quote).
func sentences(toks []string) [][]string {
	var out [][]string
	start := 0
	for i, t := range toks {
		if t == "." || t == "?" || t == "!" {
			end := i + 1
			if end < len(toks) && (toks[end] == "”" || toks[end] == "\"") {
				end++
			}
			if end > start {
				out = append(out, toks[start:end])
			}
			start = end
		}
	}
	if start < len(toks) {
		out = append(out, toks[start:])
	}
	return out
}

func TestSampleNames(t *testing.T) {
	shared := sharedDir(t)
	data, err := os.ReadFile(filepath.Join(shared, "samples", "000_e9c81a236e9288db.txt"))
	if err != nil {
		t.Fatal(err)
	}
	m, err := modelner.Load()
	if err != nil {
		t.Fatal(err)
	}
	found := map[string]map[string]int{}
	for _, line := range strings.Split(string(data), "\n") {
		for _, s := range sentences(tokenize(line)) {
			for _, sp := range m.Recognize(s) {
				name := strings.Join(s[sp.Start:sp.End], " ")
				if found[name] == nil {
					found[name] = map[string]int{}
				}
				found[name][sp.Label]++
			}
		}
	}
	want := []struct{ name, typ string }{
		{"Islamic State", "ORG"},
		{"Popular Mobilization Units", "ORG"},
		{"Human Rights Watch", "ORG"},
		{"Haider al-Abadi", "PERSON"},
		{"Jafar al-Hosseini", "PERSON"},
		{"Adrian J.T. Rankine-Galloway", "PERSON"},
		{"Shi'ite", "NORP"},
		{"Sunni", "NORP"},
		{"Iraqi", "NORP"},
		{"Qayyarah airfield", "FAC"},
	}
	for _, w := range want {
		if found[w.name][w.typ] == 0 {
			t.Errorf("%q not found as %s (found as %v)", w.name, w.typ, found[w.name])
		}
	}
	if t.Failed() {
		t.Logf("all found: %v", found)
	}
}

func BenchmarkRecognize(b *testing.B) {
	shared := sharedDir(b)
	c, err := ner.ReadCorpus(context.Background(), filepath.Join(shared, "corpora/uner-english-ewt/en_ewt-ud-dev.iob2"))
	if err != nil {
		b.Fatal(err)
	}
	m, err := modelner.Load()
	if err != nil {
		b.Fatal(err)
	}
	tokens := 0
	b.ResetTimer()
	for i := 0; i < b.N; i++ {
		s := c.Sentences[i%len(c.Sentences)]
		m.Recognize(s.Words)
		tokens += len(s.Words)
	}
	b.ReportMetric(float64(tokens)/b.Elapsed().Seconds(), "tokens/s")
}
