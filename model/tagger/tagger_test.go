package tagger_test

import (
	"bytes"
	"context"
	"path/filepath"
	"strings"
	"syscall"
	"testing"
	"time"

	"github.com/faultline-news/faultline/conllu"
	"github.com/faultline-news/faultline/eval"
	"github.com/faultline-news/faultline/internal/sharedtest"
	"github.com/faultline-news/faultline/model/tagger"
	"github.com/faultline-news/faultline/tag"
)

// sharedDir is the shared data folder; the test skips without it.
func sharedDir(t testing.TB) string { return sharedtest.Dir(t) }

func TestLoad(t *testing.T) {
	start := time.Now()
	m, err := tagger.Load()
	if err != nil {
		t.Fatal(err)
	}
	t.Logf("loaded in %v", time.Since(start))
	if m2, _ := tagger.Load(); m2 != m {
		t.Error("Load decoded the model twice")
	}
	meta, err := tagger.Meta()
	if err != nil {
		t.Fatal(err)
	}
	if meta.Command == "" || len(meta.Data) == 0 || meta.Seed == 0 {
		t.Errorf("meta.json lacks provenance: %+v", meta)
	}
	up, xp := m.Tag([]string{"The", "talks", "ended", "."})
	if strings.Join(up, " ") != "DET NOUN VERB PUNCT" || xp[2] != "VBD" {
		t.Errorf("Tag = %v %v", up, xp)
	}
	if l := m.Lemma("talks", "NOUN", "NNS"); l != "talk" {
		t.Errorf("Lemma(talks) = %q", l)
	}
}

// Floors are ratchets: raise them when the model improves, never lower them.
func TestAccuracy(t *testing.T) {
	shared := sharedDir(t)
	if testing.Short() {
		t.Skip("accuracy test reads the treebanks; skipped in -short")
	}
	m, err := tagger.Load()
	if err != nil {
		t.Fatal(err)
	}
	tests := []struct {
		path             string
		upos, xpos, lema float64
	}{
		{"corpora/ud-english-ewt/en_ewt-ud-test.conllu", 0.950, 0.943, 0.963},
		{"corpora/ud-english-pud/en_pud-ud-test.conllu", 0.955, 0.950, 0.970},
	}
	for _, tt := range tests {
		r, err := eval.UD(context.Background(), filepath.Join(shared, tt.path), m, nil)
		if err != nil {
			t.Fatal(err)
		}
		t.Logf("%s: upos %.4f xpos %.4f lemma %.4f (%d words, %.0f words/s)", tt.path, r.UPOS, r.XPOS, r.Lemma, r.Tokens, r.TokensPerS)
		if r.UPOS < tt.upos || r.XPOS < tt.xpos || r.Lemma < tt.lema {
			t.Errorf("%s: below the floors upos %.3f xpos %.3f lemma %.3f", tt.path, tt.upos, tt.xpos, tt.lema)
		}
	}
}

// BenchmarkTag measures tagging + lemmatizing throughput on EWT test
// sentences (gold tokenization), reported as words/s.
func BenchmarkTag(b *testing.B) {
	shared := sharedDir(b)
	sents, err := conllu.ReadFile(context.Background(), filepath.Join(shared, "corpora/ud-english-ewt/en_ewt-ud-test.conllu"))
	if err != nil {
		b.Fatal(err)
	}
	m, err := tagger.Load()
	if err != nil {
		b.Fatal(err)
	}
	words := 0
	cpu0 := cpuSeconds()
	b.ResetTimer()
	for b.Loop() {
		for _, s := range sents {
			f := s.Forms()
			up, xp := m.Tag(f)
			for i, w := range f {
				m.Lemma(w, up[i], xp[i])
			}
			words += len(f)
		}
	}
	b.ReportMetric(float64(words)/b.Elapsed().Seconds(), "words/s")
	// CPU time of the process (all threads, GC included): the per-core
	// rate, honest even when other processes share the cores.
	b.ReportMetric(float64(words)/(cpuSeconds()-cpu0), "words/cpu-s")
}

// BenchmarkLoad measures decoding the embedded model (what the first
// Load costs; later calls are free).
func BenchmarkLoad(b *testing.B) {
	cpu0 := cpuSeconds()
	for b.Loop() {
		if _, err := tag.Load(bytes.NewReader(tagger.ModelData())); err != nil {
			b.Fatal(err)
		}
	}
	b.ReportMetric((cpuSeconds()-cpu0)*1000/float64(b.N), "cpu-ms/load")
}

func cpuSeconds() float64 {
	var ru syscall.Rusage
	if err := syscall.Getrusage(syscall.RUSAGE_SELF, &ru); err != nil {
		return 0
	}
	return time.Duration(ru.Utime.Nano() + ru.Stime.Nano()).Seconds()
}
