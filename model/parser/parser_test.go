package parser_test

import (
	"bytes"
	"context"
	"encoding/json"
	"flag"
	"os"
	"path/filepath"
	"runtime"
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

var (
	train   = flag.Bool("train", false, "retrain the embedded parser from ../shared/corpora and rewrite parser.gz and meta.json")
	rescore = flag.Bool("rescore", false, "re-measure the scores of the embedded parser and rewrite them in meta.json")
)

const (
	trainEpochs  = 15
	trainSeed    = 1
	jackknife    = 4
	taggerEpochs = 12
)

const scoring = "gold tokenization, predicted tags from model/tagger; UAS/LAS over all words, punctuation included (CoNLL 2018 convention); " +
	"las = full relations with subtypes, las_conll18 = subtypes ignored as in the CoNLL 2018 script; " +
	"(raw text) = # text segmented by package segment, F1 over words aligned by character span (eval.UDRaw)"

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

// TestTrainModel rewrites parser.gz and meta.json when run with -train.
func TestTrainModel(t *testing.T) {
	if !*train {
		t.Skip("run with -train to retrain the embedded model")
	}
	shared := sharedDir(t)
	corpora := filepath.Join(shared, "corpora")
	trainFiles, devFiles := tag.CorpusFiles(corpora)
	tm, err := tagger.Load()
	if err != nil {
		t.Fatal(err)
	}
	ctx := context.Background()
	start := time.Now()
	m, err := parse.Train(ctx, parse.TrainOptions{Train: trainFiles, Dev: devFiles, Epochs: trainEpochs, Seed: trainSeed,
		Log: os.Stderr, Jackknife: jackknife, TaggerEpochs: taggerEpochs, Tagger: tm})
	if err != nil {
		t.Fatal(err)
	}
	took := time.Since(start).Seconds()
	f, err := os.Create("parser.gz")
	if err != nil {
		t.Fatal(err)
	}
	if err := m.Save(f); err != nil {
		t.Fatal(err)
	}
	f.Close()
	st, _ := os.Stat("parser.gz")
	meta := tag.Meta{
		Model:        "parser.gz",
		Command:      "go test ./model/parser -run TestTrainModel -train -timeout 3h",
		Seed:         trainSeed,
		Epochs:       trainEpochs,
		Options:      map[string]any{"jackknife_folds": jackknife, "tagger_epochs": taggerEpochs, "dev_and_test_tags": "model/tagger (embedded)"},
		Trained:      time.Now().UTC().Format(time.RFC3339),
		TrainSeconds: took,
		Bytes:        int(st.Size()),
		GoVersion:    runtime.Version(),
		Scores:       map[string]map[string]float64{},
		Scoring:      scoring,
	}
	for _, p := range trainFiles {
		meta.Data = append(meta.Data, filepath.Base(p))
	}
	scoreInto(t, &meta, corpora, devFiles, tm, m)
	b, _ := json.MarshalIndent(meta, "", "  ")
	if err := os.WriteFile("meta.json", append(b, '\n'), 0o644); err != nil {
		t.Fatal(err)
	}
}

func cpuSeconds() float64 {
	var ru syscall.Rusage
	if err := syscall.Getrusage(syscall.RUSAGE_SELF, &ru); err != nil {
		return 0
	}
	return time.Duration(ru.Utime.Nano() + ru.Stime.Nano()).Seconds()
}

// scoreInto measures the models on EWT dev, EWT test and PUD (gold and raw
// text) and stores the scores in meta.
func scoreInto(t *testing.T, meta *tag.Meta, corpora string, devFiles []string, tm *tag.Model, m *parse.Model) {
	meta.Scores = map[string]map[string]float64{}
	tests := append(devFiles, filepath.Join(corpora, "ud-english-ewt/en_ewt-ud-test.conllu"), filepath.Join(corpora, "ud-english-pud/en_pud-ud-test.conllu"))
	for _, p := range tests {
		r, err := eval.UD(context.Background(), p, tm, m)
		if err != nil {
			t.Fatal(err)
		}
		meta.Scores[filepath.Base(p)] = map[string]float64{"upos": r.UPOS, "uas": r.UAS, "las": r.LAS, "las_conll18": r.LASUniversal,
			"tokens": float64(r.Tokens), "tokens_per_s": r.TokensPerS}
		t.Logf("%s: %+v", p, r)
		raw, err := eval.UDRaw(context.Background(), p, eval.Segmenter{Tokenize: segment.Tokenize, Sentences: segment.Sentences}, tm, m)
		if err != nil {
			t.Fatal(err)
		}
		meta.Scores[filepath.Base(p)+" (raw text)"] = map[string]float64{"tokens_f1": raw.Tokens, "sentences_f1": raw.Sentences,
			"words_f1": raw.Words, "upos_f1": raw.UPOS, "uas_f1": raw.UAS, "las_f1": raw.LAS}
		t.Logf("%s raw text: %+v", p, raw)
	}
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
	scoreInto(t, &meta, corpora, devFiles, tm, m)
	meta.Scoring = scoring
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
