package parser_test

import (
	"bytes"
	"context"
	"encoding/json"
	"flag"
	"os"
	"path/filepath"
	"syscall"
	"testing"
	"time"

	"github.com/faultline-news/faultline"
	"github.com/faultline-news/faultline/conllu"
	"github.com/faultline-news/faultline/eval"
	"github.com/faultline-news/faultline/internal/sharedtest"
	"github.com/faultline-news/faultline/model/parser"
	"github.com/faultline-news/faultline/model/tagger"
	"github.com/faultline-news/faultline/parse"
	"github.com/faultline-news/faultline/pipeline"
	"github.com/faultline-news/faultline/segment"
	"github.com/faultline-news/faultline/tag"
)

var rescore = flag.Bool("rescore", false, "re-measure the scores of the embedded parser and rewrite them in meta.json")

// sharedDir is the shared data folder; the test skips without it.
func sharedDir(t testing.TB) string { return sharedtest.Dir(t) }

func TestLoad(t *testing.T) {
	start := time.Now()
	m, err := parser.Load()
	if err != nil {
		t.Fatal(err)
	}
	t.Logf("loaded in %v", time.Since(start))
	if m2, _ := parser.Load(); m2 != m {
		t.Error("Load decoded the model twice")
	}
	meta, err := parser.Meta()
	if err != nil {
		t.Fatal(err)
	}
	if meta.Command == "" || len(meta.Data) == 0 || meta.Seed == 0 {
		t.Errorf("meta.json lacks provenance: %+v", meta)
	}
	heads, deps := m.Parse([]string{"The", "talks", "ended", "."}, []string{"DET", "NOUN", "VERB", "PUNCT"}, []string{"DT", "NNS", "VBD", "."})
	want := []int{1, 2, -1, 2}
	for i := range want {
		if heads[i] != want[i] {
			t.Fatalf("heads = %v, want %v (deps %v)", heads, want, deps)
		}
	}
	if deps[1] != "nsubj" || deps[2] != "root" {
		t.Errorf("deps = %v", deps)
	}
}

// Floors are ratchets: raise them when the model improves, never lower them.
func TestAccuracy(t *testing.T) {
	shared := sharedDir(t)
	if testing.Short() {
		t.Skip("accuracy test reads the treebanks; skipped in -short")
	}
	tm, err := tagger.Load()
	if err != nil {
		t.Fatal(err)
	}
	pm, err := parser.Load()
	if err != nil {
		t.Fatal(err)
	}
	tests := []struct {
		path     string
		uas, las float64
	}{
		{"corpora/ud-english-ewt/en_ewt-ud-test.conllu", uasFloorEWT, lasFloorEWT},
		{"corpora/ud-english-pud/en_pud-ud-test.conllu", uasFloorPUD, lasFloorPUD},
	}
	for _, tt := range tests {
		r, err := eval.UD(context.Background(), filepath.Join(shared, tt.path), tm, pm)
		if err != nil {
			t.Fatal(err)
		}
		t.Logf("%s: upos %.4f uas %.4f las %.4f las_conll18 %.4f (%d words, %.0f words/s tag+parse)", tt.path, r.UPOS, r.UAS, r.LAS, r.LASUniversal, r.Tokens, r.TokensPerS)
		if r.UAS < tt.uas || r.LAS < tt.las {
			t.Errorf("%s: below the floors uas %.3f las %.3f", tt.path, tt.uas, tt.las)
		}
	}
}

// BenchmarkTagParse measures tagging + lemmatizing + parsing throughput on
// EWT test sentences (gold tokenization), reported as words/s.
func BenchmarkTagParse(b *testing.B) {
	shared := sharedDir(b)
	sents, err := conllu.ReadFile(context.Background(), filepath.Join(shared, "corpora/ud-english-ewt/en_ewt-ud-test.conllu"))
	if err != nil {
		b.Fatal(err)
	}
	tm, err := tagger.Load()
	if err != nil {
		b.Fatal(err)
	}
	pm, err := parser.Load()
	if err != nil {
		b.Fatal(err)
	}
	words := 0
	cpu0 := cpuSeconds()
	b.ResetTimer()
	for b.Loop() {
		for _, s := range sents {
			f := s.Forms()
			up, xp := tm.Tag(f)
			for i, w := range f {
				tm.Lemma(w, up[i], xp[i])
			}
			pm.Parse(f, up, xp)
			words += len(f)
		}
	}
	b.ReportMetric(float64(words)/b.Elapsed().Seconds(), "words/s")
	// CPU time of the process (all threads, GC included): the per-core
	// rate, honest even when other processes share the cores.
	b.ReportMetric(float64(words)/(cpuSeconds()-cpu0), "words/cpu-s")
	var ru syscall.Rusage
	if syscall.Getrusage(syscall.RUSAGE_SELF, &ru) == nil {
		b.ReportMetric(float64(ru.Maxrss)/1024, "MB-maxrss") // Linux reports KiB
	}
}

func cpuSeconds() float64 {
	var ru syscall.Rusage
	if err := syscall.Getrusage(syscall.RUSAGE_SELF, &ru); err != nil {
		return 0
	}
	return time.Duration(ru.Utime.Nano() + ru.Stime.Nano()).Seconds()
}

// TestRescore rewrites the scores in meta.json when run with -rescore.
func TestRescore(t *testing.T) {
	if !*rescore {
		t.Skip("run with -rescore to re-measure the embedded model")
	}
	corpora := filepath.Join(sharedDir(t), "corpora")
	_, devFiles := tag.CorpusFiles(corpora)
	tm, err := tagger.Load()
	if err != nil {
		t.Fatal(err)
	}
	m, err := parser.Load()
	if err != nil {
		t.Fatal(err)
	}
	meta, err := parser.Meta()
	if err != nil {
		t.Fatal(err)
	}
	seg := eval.Segmenter{Tokenize: segment.Tokenize, Sentences: segment.Sentences}
	if meta.Scores, err = eval.UDScores(context.Background(), append(devFiles, tag.TestFiles(corpora)...), seg, tm, m); err != nil {
		t.Fatal(err)
	}
	b, _ := json.MarshalIndent(meta, "", "  ")
	if err := os.WriteFile("meta.json", append(b, '\n'), 0o644); err != nil {
		t.Fatal(err)
	}
}

// BenchmarkLoad measures decoding the embedded model (what the first
// Load costs; later calls are free).
func BenchmarkLoad(b *testing.B) {
	cpu0 := cpuSeconds()
	for b.Loop() {
		if _, err := parse.Load(bytes.NewReader(parser.ModelData())); err != nil {
			b.Fatal(err)
		}
	}
	b.ReportMetric((cpuSeconds()-cpu0)*1000/float64(b.N), "cpu-ms/load")
}

// TestPipeline runs segment → tag → parse on a news sentence through the
// pipeline package and checks the spans and the main arcs.
func TestPipeline(t *testing.T) {
	tm, err := tagger.Load()
	if err != nil {
		t.Fatal(err)
	}
	pm, err := parser.Load()
	if err != nil {
		t.Fatal(err)
	}
	p, err := pipeline.New(segment.New(), tag.NewStage(tm), parse.NewStage(pm))
	if err != nil {
		t.Fatal(err)
	}
	text := "The foreign minister met rebel leaders in Geneva on Tuesday. They agreed to a ceasefire."
	doc := &faultline.Document{Text: text}
	if err := p.Process(context.Background(), doc); err != nil {
		t.Fatal(err)
	}
	byText := map[string]faultline.Token{}
	for i, tok := range doc.Tokens {
		if tok.Start < 0 || tok.End > len(text) || tok.Start >= tok.End {
			t.Fatalf("token %d span [%d,%d) outside the text", i, tok.Start, tok.End)
		}
		if tok.POS == "" || tok.Lemma == "" || tok.Dep == "" || tok.Head < -1 || tok.Head >= len(doc.Tokens) {
			t.Errorf("token %d %q not filled: %+v", i, text[tok.Start:tok.End], tok)
		}
		byText[text[tok.Start:tok.End]] = tok
	}
	headText := func(w string) string {
		h := byText[w].Head
		if h < 0 {
			return "ROOT"
		}
		return text[doc.Tokens[h].Start:doc.Tokens[h].End]
	}
	checks := []struct{ word, head, dep, pos, lemma string }{
		{"met", "ROOT", "root", "VERB", "meet"},
		{"minister", "met", "nsubj", "NOUN", "minister"},
		{"leaders", "met", "obj", "NOUN", "leader"},
		{"Geneva", "met", "obl", "PROPN", "Geneva"},
		{"agreed", "ROOT", "root", "VERB", "agree"},
	}
	for _, c := range checks {
		tok := byText[c.word]
		if got := headText(c.word); got != c.head || tok.Dep != c.dep || tok.POS != c.pos || tok.Lemma != c.lemma {
			t.Errorf("%s: head %s dep %s pos %s lemma %s, want %s %s %s %s", c.word, got, tok.Dep, tok.POS, tok.Lemma, c.head, c.dep, c.pos, c.lemma)
		}
	}
}
