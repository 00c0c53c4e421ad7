package eval

import (
	"bufio"
	"bytes"
	"compress/gzip"
	"context"
	"encoding/json"
	"io"
	"os"
	"path/filepath"
	"runtime"
	"sort"
	"strings"
	"sync"
	"time"
	"unicode"

	"github.com/faultline-news/faultline"
	"github.com/faultline-news/faultline/extract"
	"github.com/faultline-news/faultline/source"
)

// Extraction suite names, as detected from a directory's contents.
const (
	SuiteZyte        = "zyte-article-extraction"
	SuiteTrafilatura = "trafilatura-eval"
)

// ExtractionOptions tunes Extraction.
type ExtractionOptions struct {
	// Limit scores only the first Limit documents (in the suite's own
	// order: sorted ids for Zyte, file order for trafilatura-eval); 0 = all.
	Limit int
	// Workers is the number of documents extracted at once; 0 means
	// GOMAXPROCS.
	Workers int
	// Extract overrides the options given to extract.Extract.
	Extract extract.Options
}

// ExtractionResult is the score of main-text extraction on one suite.
// Metrics are fractions in [0,1].
type ExtractionResult struct {
	Suite     string  `json:"suite"`
	Precision float64 `json:"precision"`
	Recall    float64 `json:"recall"`
	F1        float64 `json:"f1"`
	// Accuracy is, for Zyte, the share of documents whose token sequence
	// equals the gold exactly; for trafilatura-eval, (TP+TN)/all snippets.
	Accuracy float64 `json:"accuracy"`
	Docs     int     `json:"docs"`
	// Failed counts documents Extract returned an error for; they are
	// scored as an empty extraction.
	Failed   int     `json:"failed"`
	DocsPerS float64 `json:"docs_per_s"`
	Seconds  float64 `json:"seconds"`
	// Snippet counts (trafilatura-eval only).
	TP int `json:"tp,omitempty"`
	FN int `json:"fn,omitempty"`
	FP int `json:"fp,omitempty"`
	TN int `json:"tn,omitempty"`
}

// Extraction scores extract.Extract on the extraction suite in dir, which
// is recognised by its files: ground-truth.json + html/ (the Zyte article
// extraction benchmark) or gold.jsonl (trafilatura's evaluation set).
//
// Zyte follows the benchmark's evaluate.py: texts are tokenised into runs
// of word characters (\w), each document's 4-token shingles are compared
// as multisets, the document's TP/FP/FN are normalised to sum to 1, and
// precision and recall are averaged over documents (F1 from the averages).
//
// trafilatura-eval follows trafilatura's tests: each `with` snippet found
// in the text is a TP (else FN), each `without` snippet found is an FP
// (else TN), summed over all pages. Whitespace runs are collapsed and soft
// hyphens dropped in both the snippet and the text before matching, as
// faultline separates paragraphs by a blank line where trafilatura prints
// one newline, and removes soft hyphens from text.
func Extraction(ctx context.Context, dir string, opts ExtractionOptions) (ExtractionResult, error) {
	switch {
	case suiteFileExists(filepath.Join(dir, "ground-truth.json")):
		return zyteExtraction(ctx, dir, opts)
	case suiteFileExists(filepath.Join(dir, "gold.jsonl")):
		return trafilaturaExtraction(ctx, dir, opts)
	}
	return ExtractionResult{}, faultline.Errorf(faultline.ENOTFOUND,
		"eval extraction: %s holds neither ground-truth.json (Zyte benchmark) nor gold.jsonl (trafilatura-eval); pass one of those suite directories with --data",
		dir)
}

func suiteFileExists(path string) bool {
	st, err := os.Stat(path)
	return err == nil && !st.IsDir()
}

// extractionCase is one page to extract; score turns its text into counts.
type extractionCase struct {
	name string
	path string
	url  string
}

// runCases extracts every case with a pool of workers and hands each text
// (empty on failure) to score, serialised, in any order.
func runCases(ctx context.Context, cases []extractionCase, opts ExtractionOptions, score func(i int, text string, failed bool)) error {
	workers := opts.Workers
	if workers <= 0 {
		workers = runtime.GOMAXPROCS(0)
	}
	jobs := make(chan int)
	var mu sync.Mutex
	var wg sync.WaitGroup
	var firstErr error
	for w := 0; w < workers; w++ {
		wg.Add(1)
		go func() {
			defer wg.Done()
			for i := range jobs {
				text, err := extractCase(ctx, cases[i], opts.Extract)
				mu.Lock()
				if err != nil && faultline.ErrorCode(err) == faultline.ENOTFOUND && firstErr == nil {
					firstErr = err
				}
				score(i, text, err != nil)
				mu.Unlock()
			}
		}()
	}
	for i := range cases {
		select {
		case jobs <- i:
		case <-ctx.Done():
		}
		if ctx.Err() != nil {
			break
		}
	}
	close(jobs)
	wg.Wait()
	if err := ctx.Err(); err != nil {
		return faultline.Errorf(faultline.EUNAVAILABLE, "eval extraction: cancelled: %w", err)
	}
	return firstErr
}

func extractCase(ctx context.Context, c extractionCase, opts extract.Options) (string, error) {
	data, err := readMaybeGzip(c.path)
	if err != nil {
		return "", err
	}
	it := source.Item{
		Name:   c.path,
		Source: faultline.Source{URL: c.url, Path: c.path},
		Kind:   source.KindHTML,
		Data:   data,
	}
	doc, err := extract.Extract(ctx, it, opts)
	if err != nil {
		return "", err
	}
	return doc.Text, nil
}

func readMaybeGzip(path string) ([]byte, error) {
	data, err := os.ReadFile(path)
	if err != nil {
		return nil, faultline.Errorf(faultline.ENOTFOUND, "eval extraction: cannot read page %s: %w; check the suite directory is complete", path, err)
	}
	if bytes.HasPrefix(data, []byte{0x1f, 0x8b}) {
		zr, err := gzip.NewReader(bytes.NewReader(data))
		if err != nil {
			return nil, faultline.Errorf(faultline.EINVALID, "eval extraction: %s: bad gzip: %w", path, err)
		}
		defer zr.Close()
		out, err := io.ReadAll(zr)
		if err != nil {
			return nil, faultline.Errorf(faultline.EINVALID, "eval extraction: %s: bad gzip: %w", path, err)
		}
		return out, nil
	}
	return data, nil
}

// ---- Zyte article-extraction benchmark ----

type zyteGold struct {
	ArticleBody string `json:"articleBody"`
	URL         string `json:"url"`
}

func zyteExtraction(ctx context.Context, dir string, opts ExtractionOptions) (ExtractionResult, error) {
	goldPath := filepath.Join(dir, "ground-truth.json")
	raw, err := os.ReadFile(goldPath)
	if err != nil {
		return ExtractionResult{}, faultline.Errorf(faultline.ENOTFOUND, "eval extraction: cannot read %s: %w", goldPath, err)
	}
	gold := map[string]zyteGold{}
	if err := json.Unmarshal(raw, &gold); err != nil {
		return ExtractionResult{}, faultline.Errorf(faultline.EINVALID, "eval extraction: %s is not the benchmark's {id: {articleBody, url}} JSON: %w", goldPath, err)
	}
	ids := make([]string, 0, len(gold))
	for id := range gold {
		ids = append(ids, id)
	}
	sort.Strings(ids)
	if opts.Limit > 0 && opts.Limit < len(ids) {
		ids = ids[:opts.Limit]
	}
	cases := make([]extractionCase, len(ids))
	for i, id := range ids {
		cases[i] = extractionCase{name: id, path: filepath.Join(dir, "html", id+".html.gz"), url: gold[id].URL}
	}

	counts := make([]shingleCounts, len(cases))
	exact := make([]bool, len(cases))
	failed := 0
	start := time.Now()
	err = runCases(ctx, cases, opts, func(i int, text string, fail bool) {
		if fail {
			failed++
		}
		want := gold[ids[i]].ArticleBody
		counts[i] = compareShingles(want, text, 4)
		exact[i] = equalTokens(want, text)
	})
	if err != nil {
		return ExtractionResult{}, err
	}
	elapsed := time.Since(start).Seconds()

	r := ExtractionResult{Suite: SuiteZyte, Docs: len(cases), Failed: failed, Seconds: elapsed}
	r.Precision, r.Recall, r.F1 = averageShingleScores(counts)
	nExact := 0
	for _, e := range exact {
		if e {
			nExact++
		}
	}
	if len(cases) > 0 {
		r.Accuracy = float64(nExact) / float64(len(cases))
	}
	if elapsed > 0 {
		r.DocsPerS = float64(len(cases)) / elapsed
	}
	return r, nil
}

// shingleCounts are one document's TP/FP/FN, normalised to sum to 1.
type shingleCounts struct{ tp, fp, fn float64 }

// wordTokens splits text into maximal runs of word characters: letters,
// numbers and the underscore (Python's Unicode \w, which the benchmark's
// tokeniser uses; combining marks are not word characters there either).
func wordTokens(text string) []string {
	return strings.FieldsFunc(text, func(r rune) bool {
		return !(unicode.IsLetter(r) || unicode.IsNumber(r) || r == '_')
	})
}

func equalTokens(a, b string) bool {
	ta, tb := wordTokens(a), wordTokens(b)
	if len(ta) != len(tb) {
		return false
	}
	for i := range ta {
		if ta[i] != tb[i] {
			return false
		}
	}
	return true
}

// shingles counts the n-token windows of text. A text shorter than n
// tokens gives a single shorter shingle, an empty text none.
func shingles(text string, n int) map[string]int {
	toks := wordTokens(text)
	out := map[string]int{}
	windows := len(toks) - n + 1
	if windows < 1 {
		windows = 1
	}
	for i := 0; i < windows; i++ {
		end := i + n
		if end > len(toks) {
			end = len(toks)
		}
		if end <= i {
			continue
		}
		// The unit separator cannot occur inside a \w token.
		out[strings.Join(toks[i:end], "\x1f")]++
	}
	return out
}

func compareShingles(want, got string, n int) shingleCounts {
	ws, gs := shingles(want, n), shingles(got, n)
	var c shingleCounts
	for k, w := range ws {
		g := gs[k]
		c.tp += float64(min(w, g))
		c.fn += float64(max(0, w-g))
	}
	for k, g := range gs {
		c.fp += float64(max(0, g-ws[k]))
	}
	if s := c.tp + c.fp + c.fn; s > 0 {
		c.tp, c.fp, c.fn = c.tp/s, c.fp/s, c.fn/s
	}
	return c
}

// averageShingleScores averages precision over documents with a
// prediction (tp+fp > 0) and recall over documents with gold (tp+fn > 0).
func averageShingleScores(counts []shingleCounts) (precision, recall, f1 float64) {
	var pSum, rSum float64
	var pN, rN int
	for _, c := range counts {
		if c.tp+c.fp > 0 {
			pSum += ratioScore(c.tp, c.fp, c.fn, c.fp)
			pN++
		}
		if c.tp+c.fn > 0 {
			rSum += ratioScore(c.tp, c.fp, c.fn, c.fn)
			rN++
		}
	}
	if pN > 0 {
		precision = pSum / float64(pN)
	}
	if rN > 0 {
		recall = rSum / float64(rN)
	}
	return precision, recall, extractionF1(precision, recall)
}

// ratioScore is tp/(tp+miss), 1 when there are no errors at all, 0 when
// there is neither a hit nor a miss of this kind.
func ratioScore(tp, fp, fn, miss float64) float64 {
	if fp == 0 && fn == 0 {
		return 1
	}
	if tp == 0 && miss == 0 {
		return 0
	}
	return tp / (tp + miss)
}

func extractionF1(p, r float64) float64 {
	if p+r == 0 {
		return 0
	}
	return 2 * p * r / (p + r)
}

// ---- trafilatura-eval ----

type trafilaturaGold struct {
	ID      string   `json:"id"`
	URL     string   `json:"url"`
	HTML    string   `json:"html"`
	With    []string `json:"with"`
	Without []string `json:"without"`
}

func trafilaturaExtraction(ctx context.Context, dir string, opts ExtractionOptions) (ExtractionResult, error) {
	goldPath := filepath.Join(dir, "gold.jsonl")
	f, err := os.Open(goldPath)
	if err != nil {
		return ExtractionResult{}, faultline.Errorf(faultline.ENOTFOUND, "eval extraction: cannot open %s: %w", goldPath, err)
	}
	defer f.Close()
	var golds []trafilaturaGold
	sc := bufio.NewScanner(f)
	sc.Buffer(make([]byte, 1<<20), 64<<20)
	line := 0
	for sc.Scan() {
		line++
		if len(bytes.TrimSpace(sc.Bytes())) == 0 {
			continue
		}
		var g trafilaturaGold
		if err := json.Unmarshal(sc.Bytes(), &g); err != nil {
			return ExtractionResult{}, faultline.Errorf(faultline.EINVALID, "eval extraction: %s:%d: not a gold record: %w", goldPath, line, err)
		}
		golds = append(golds, g)
		if opts.Limit > 0 && len(golds) >= opts.Limit {
			break
		}
	}
	if err := sc.Err(); err != nil {
		return ExtractionResult{}, faultline.Errorf(faultline.EINVALID, "eval extraction: reading %s: %w", goldPath, err)
	}
	cases := make([]extractionCase, len(golds))
	for i, g := range golds {
		if g.HTML == "" {
			return ExtractionResult{}, faultline.Errorf(faultline.EINVALID, "eval extraction: %s: record %q has no html path", goldPath, g.ID)
		}
		cases[i] = extractionCase{name: g.ID, path: filepath.Join(dir, filepath.FromSlash(g.HTML)), url: g.URL}
	}

	r := ExtractionResult{Suite: SuiteTrafilatura, Docs: len(cases)}
	start := time.Now()
	err = runCases(ctx, cases, opts, func(i int, text string, fail bool) {
		if fail {
			r.Failed++
		}
		flat := snippetForm(text)
		for _, s := range golds[i].With {
			if strings.Contains(flat, snippetForm(s)) {
				r.TP++
			} else {
				r.FN++
			}
		}
		for _, s := range golds[i].Without {
			if strings.Contains(flat, snippetForm(s)) {
				r.FP++
			} else {
				r.TN++
			}
		}
	})
	if err != nil {
		return ExtractionResult{}, err
	}
	r.Seconds = time.Since(start).Seconds()
	if r.TP+r.FP > 0 {
		r.Precision = float64(r.TP) / float64(r.TP+r.FP)
	}
	if r.TP+r.FN > 0 {
		r.Recall = float64(r.TP) / float64(r.TP+r.FN)
	}
	r.F1 = extractionF1(r.Precision, r.Recall)
	if all := r.TP + r.FN + r.FP + r.TN; all > 0 {
		r.Accuracy = float64(r.TP+r.TN) / float64(all)
	}
	if r.Seconds > 0 {
		r.DocsPerS = float64(r.Docs) / r.Seconds
	}
	return r, nil
}

// snippetForm prepares text and snippets for matching: soft hyphens
// (U+00AD, invisible hyphenation hints that faultline drops from text) are
// removed and whitespace runs collapsed to one space.
func snippetForm(s string) string {
	return strings.Join(strings.Fields(strings.ReplaceAll(s, "\u00ad", "")), " ")
}
