package eval

import (
	"bytes"
	"compress/gzip"
	"context"
	"encoding/json"
	"flag"
	"math"
	"os"
	"path/filepath"
	"strings"
	"testing"
)

var longSuites = flag.Bool("long", false, "score all 990 trafilatura-eval pages (20-100 s) instead of the first 150")

// sharedEvalDir finds ../shared/eval by walking up from the package
// directory, or skips the test.
func sharedSuiteDir(t testing.TB, suite string) string {
	t.Helper()
	dir, err := os.Getwd()
	if err != nil {
		t.Fatal(err)
	}
	for {
		cand := filepath.Join(dir, "..", "shared", "eval", suite)
		if st, err := os.Stat(cand); err == nil && st.IsDir() {
			return cand
		}
		parent := filepath.Dir(dir)
		if parent == dir {
			t.Skipf("suite %s not found under ../shared/eval beside the repository; clone the shared data there to run this test", suite)
		}
		dir = parent
	}
}

func TestWordTokens(t *testing.T) {
	tests := []struct {
		in   string
		want []string
	}{
		{"Hello, world!", []string{"Hello", "world"}},
		{"U.S.-led 9,000 snake_case", []string{"U", "S", "led", "9", "000", "snake_case"}},
		{"Ünïcödé — 東京", []string{"Ünïcödé", "東京"}},
		{"", nil},
	}
	for _, tt := range tests {
		got := wordTokens(tt.in)
		if len(got) != len(tt.want) {
			t.Errorf("wordTokens(%q) = %q, want %q", tt.in, got, tt.want)
			continue
		}
		for i := range got {
			if got[i] != tt.want[i] {
				t.Errorf("wordTokens(%q) = %q, want %q", tt.in, got, tt.want)
				break
			}
		}
	}
}

func TestCompareShingles(t *testing.T) {
	tests := []struct {
		name       string
		want, got  string
		tp, fp, fn float64
	}{
		{"identical", "a b c d e", "a b c d e", 1, 0, 0},
		{"both empty", "", "", 0, 0, 0},
		{"nothing predicted", "a b c d e", "", 0, 0, 1},
		// gold shingles: abcd, bcde; predicted: abcd, bcdx → 1 tp, 1 fp, 1 fn.
		{"half", "a b c d e", "a b c d x", 1.0 / 3, 1.0 / 3, 1.0 / 3},
		{"short texts", "a b", "a b", 1, 0, 0},
	}
	for _, tt := range tests {
		c := compareShingles(tt.want, tt.got, 4)
		if math.Abs(c.tp-tt.tp) > 1e-9 || math.Abs(c.fp-tt.fp) > 1e-9 || math.Abs(c.fn-tt.fn) > 1e-9 {
			t.Errorf("%s: got %+v, want tp=%v fp=%v fn=%v", tt.name, c, tt.tp, tt.fp, tt.fn)
		}
	}
}

func TestAverageShingleScores(t *testing.T) {
	counts := []shingleCounts{
		{tp: 1},               // perfect
		{tp: 0.5, fp: 0.5},    // precision 0.5, recall 1
		{fn: 1},               // nothing predicted: recall 0, no precision
		{tp: 0, fp: 0, fn: 0}, // empty gold and prediction: ignored
	}
	p, r, f := averageShingleScores(counts)
	if math.Abs(p-0.75) > 1e-9 || math.Abs(r-2.0/3) > 1e-9 {
		t.Errorf("p=%v r=%v, want 0.75 and 0.667", p, r)
	}
	if want := 2 * p * r / (p + r); math.Abs(f-want) > 1e-9 {
		t.Errorf("f1=%v, want %v", f, want)
	}
}

func TestExtractionUnknownDir(t *testing.T) {
	if _, err := Extraction(context.Background(), t.TempDir(), ExtractionOptions{}); err == nil {
		t.Fatal("want an error for a directory without a suite")
	}
}

// Accuracy floors (extraction_floors_test.go) sit slightly below the scores
// measured when they were set; a drop below them is a regression.
func TestExtractionAccuracyZyte(t *testing.T) {
	dir := sharedSuiteDir(t, "zyte-article-extraction")
	opts := ExtractionOptions{}
	floorF1 := zyteFloorF1
	if testing.Short() {
		opts.Limit = 40
		floorF1 = zyteSubsetFloorF1
	}
	r, err := Extraction(context.Background(), dir, opts)
	if err != nil {
		t.Fatal(err)
	}
	logResult(t, r)
	if r.F1 < floorF1 {
		t.Errorf("Zyte F1 %.4f below floor %.4f", r.F1, floorF1)
	}
}

func TestExtractionAccuracyTrafilatura(t *testing.T) {
	dir := sharedSuiteDir(t, "trafilatura-eval")
	opts := ExtractionOptions{Limit: 150}
	floorF1 := trafilaturaSubsetFloorF1
	if *longSuites {
		opts.Limit = 0
		floorF1 = trafilaturaFloorF1
	}
	if testing.Short() {
		opts.Limit = 40
		floorF1 = trafilaturaShortFloorF1
	}
	r, err := Extraction(context.Background(), dir, opts)
	if err != nil {
		t.Fatal(err)
	}
	logResult(t, r)
	if r.F1 < floorF1 {
		t.Errorf("trafilatura-eval F1 %.4f below floor %.4f (%d docs)", r.F1, floorF1, r.Docs)
	}
}

func logResult(t *testing.T, r ExtractionResult) {
	t.Helper()
	b, _ := json.Marshal(r)
	t.Logf("%s", b)
	for _, v := range []float64{r.Precision, r.Recall, r.F1, r.Accuracy} {
		if v < 0 || v > 1 {
			t.Errorf("metric %v outside [0,1]", v)
		}
	}
}

func TestExtractionResultJSONKeys(t *testing.T) {
	b, err := json.Marshal(ExtractionResult{Suite: SuiteZyte, Docs: 3})
	if err != nil {
		t.Fatal(err)
	}
	var m map[string]any
	if err := json.Unmarshal(b, &m); err != nil {
		t.Fatal(err)
	}
	for _, k := range []string{"precision", "recall", "f1", "docs", "suite", "accuracy", "docs_per_s", "failed"} {
		if _, ok := m[k]; !ok {
			t.Errorf("key %q missing from %s", k, b)
		}
	}
}

// miniPage is a small article page for the synthetic suites below.
const miniPage = `<html><head><title>Harbour talks resume</title></head><body>
<nav><a href="/">Home</a> <a href="/world">World</a></nav>
<article><h1>Harbour talks resume</h1>
<p>Negotiators for the dock workers and the harbour authority met again on Monday, three weeks after talks broke down over night-shift pay.</p>
<p>The authority's negotiator said both sides had agreed to a two-week timetable and that a mediator would chair the sessions from now on.</p>
<p>The union wants a guarantee that no permanent jobs will be cut when the new cranes enter service next spring, its secretary said.</p>
</article><footer>Imprint and privacy policy</footer></body></html>`

func writeFile(t *testing.T, path string, data []byte) {
	t.Helper()
	if err := os.MkdirAll(filepath.Dir(path), 0o755); err != nil {
		t.Fatal(err)
	}
	if err := os.WriteFile(path, data, 0o644); err != nil {
		t.Fatal(err)
	}
}

func TestExtractionSyntheticSuites(t *testing.T) {
	ctx := context.Background()

	zyte := t.TempDir()
	var gz bytes.Buffer
	zw := gzip.NewWriter(&gz)
	zw.Write([]byte(miniPage))
	zw.Close()
	writeFile(t, filepath.Join(zyte, "html", "abc.html.gz"), gz.Bytes())
	gold := `{"abc": {"url": "https://example.org/a", "articleBody": "Negotiators for the dock workers and the harbour authority met again on Monday, three weeks after talks broke down over night-shift pay.\nThe authority's negotiator said both sides had agreed to a two-week timetable and that a mediator would chair the sessions from now on.\nThe union wants a guarantee that no permanent jobs will be cut when the new cranes enter service next spring, its secretary said."}}`
	writeFile(t, filepath.Join(zyte, "ground-truth.json"), []byte(gold))
	r, err := Extraction(ctx, zyte, ExtractionOptions{Workers: 1})
	if err != nil {
		t.Fatal(err)
	}
	if r.Suite != SuiteZyte || r.Docs != 1 || r.F1 < 0.99 || r.Accuracy != 1 {
		t.Errorf("zyte mini suite: %+v", r)
	}

	traf := t.TempDir()
	writeFile(t, filepath.Join(traf, "html", "0000.html"), []byte(miniPage))
	rec := `{"id": "0000", "url": "https://example.org/a", "html": "html/0000.html", "with": ["met again on Monday", "no permanent jobs"], "without": ["Imprint and privacy policy", "World"]}` + "\n"
	writeFile(t, filepath.Join(traf, "gold.jsonl"), []byte(rec))
	r, err = Extraction(ctx, traf, ExtractionOptions{})
	if err != nil {
		t.Fatal(err)
	}
	if r.Suite != SuiteTrafilatura || r.TP != 2 || r.FN != 0 || r.FP != 0 || r.TN != 2 || r.F1 != 1 || r.Accuracy != 1 {
		t.Errorf("trafilatura mini suite: %+v", r)
	}

	// A page listed in the gold but missing is an error naming it.
	writeFile(t, filepath.Join(traf, "gold.jsonl"), []byte(rec+`{"id": "0001", "html": "html/0001.html", "with": ["x"], "without": []}`+"\n"))
	if _, err := Extraction(ctx, traf, ExtractionOptions{}); err == nil || !strings.Contains(err.Error(), "0001.html") {
		t.Errorf("missing page: err = %v, want an error naming html/0001.html", err)
	}
}
