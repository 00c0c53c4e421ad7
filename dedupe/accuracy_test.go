package dedupe

import (
	"bufio"
	"encoding/json"
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/faultline-news/faultline/internal/sharedtest"
)

// sharedDir is the shared data folder; the test skips without it.
func sharedDir(t testing.TB) string { return sharedtest.Dir(t) }

type poolDoc struct {
	ID   string `json:"id"`
	Text string `json:"text"`
}

func readPool(t testing.TB, name string) []poolDoc {
	t.Helper()
	path := filepath.Join(sharedDir(t), "eval", "news-text-pool", name)
	f, err := os.Open(path)
	if err != nil {
		t.Skipf("news-text-pool file missing: %v", err)
	}
	defer f.Close()
	var docs []poolDoc
	sc := bufio.NewScanner(f)
	sc.Buffer(make([]byte, 1<<20), 1<<24)
	for line := 1; sc.Scan(); line++ {
		var d poolDoc
		if err := json.Unmarshal(sc.Bytes(), &d); err != nil {
			t.Fatalf("%s:%d: %v", path, line, err)
		}
		docs = append(docs, d)
	}
	if err := sc.Err(); err != nil {
		t.Fatalf("%s: %v", path, err)
	}
	return docs
}

// sentences splits text at ". " — rough, but enough to make edits.
func sentences(text string) []string {
	parts := strings.SplitAfter(text, ". ")
	var out []string
	for _, p := range parts {
		if strings.TrimSpace(p) != "" {
			out = append(out, p)
		}
	}
	return out
}

const boilerplate = "\n\nCopyright 2024 The Associated Press. All rights reserved. This material may not be published, broadcast, rewritten or redistributed.\nFollow us on Twitter and Facebook for the latest news."

// nearCopies returns edited copies of text, the way republishers change
// wire stories, keyed by the kind of edit.
func nearCopies(text string) map[string]string {
	s := sentences(text)
	mid := len(s) / 2
	out := map[string]string{}
	// Drop one sentence from the middle.
	if len(s) > 3 {
		out["drop-sentence"] = strings.Join(append(append([]string{}, s[:mid]...), s[mid+1:]...), "")
	}
	// Alter a few words of one sentence.
	{
		c := append([]string{}, s...)
		w := strings.Fields(c[mid])
		for i := 1; i < len(w) && i < 8; i += 3 {
			w[i] = "changed"
		}
		c[mid] = strings.Join(w, " ") + " "
		out["alter-sentence"] = strings.Join(c, "")
	}
	out["boilerplate"] = text + boilerplate
	out["headline"] = "Officials say the situation is under control\n\n" + text
	out["lowercase-punct"] = strings.ToLower(strings.NewReplacer(",", "", "\"", "'").Replace(text))
	if len(s) > 3 {
		c := append(append([]string{}, s[:mid]...), s[mid+1:]...)
		out["drop+boilerplate+headline"] = "Breaking: " + strings.Join(c, "") + boilerplate
	}
	return out
}

type accuracy struct {
	copies, found   int
	byKind          map[string][2]int // kind → found, total
	pairs, falsePos int
	falseExamples   []string
}

func measure(t testing.TB, articles, others []poolDoc, shingle, k int) accuracy {
	acc := accuracy{byKind: map[string][2]int{}}
	for _, d := range articles {
		if len(Words(d.Text)) < MinWords {
			continue
		}
		fp := fingerprint(Words(d.Text), shingle)
		for kind, c := range nearCopies(d.Text) {
			n := acc.byKind[kind]
			n[1]++
			acc.copies++
			if Distance(fp, fingerprint(Words(c), shingle)) <= k {
				acc.found++
				n[0]++
			}
			acc.byKind[kind] = n
		}
	}
	all := append(append([]poolDoc{}, articles...), others...)
	fps := make([]uint64, len(all))
	for i, d := range all {
		fps[i] = fingerprint(Words(d.Text), shingle)
	}
	for i := range all {
		for j := i + 1; j < len(all); j++ {
			acc.pairs++
			if d := Distance(fps[i], fps[j]); d <= k {
				acc.falsePos++
				if len(acc.falseExamples) < 5 {
					acc.falseExamples = append(acc.falseExamples, fmt.Sprintf("%s~%s (d=%d)", all[i].ID, all[j].ID, d))
				}
			}
		}
	}
	return acc
}

// TestAccuracyNewsPool measures near-copy recall and the false merge rate
// on the shared news-text pool, with floors for the defaults.
func TestAccuracyNewsPool(t *testing.T) {
	articles := readPool(t, "permissive_articles.jsonl")
	others := readPool(t, "gmb_voa_pseudodocs.jsonl")
	if testing.Short() {
		others = nil
	}
	acc := measure(t, articles, others, ShingleSize, DefaultMaxDistance)
	recall := float64(acc.found) / float64(acc.copies)
	fpr := float64(acc.falsePos) / float64(acc.pairs)
	t.Logf("shingle=%d K=%d: near copies found %d/%d (%.3f); distinct pairs merged %d/%d (%.2g) %v",
		ShingleSize, DefaultMaxDistance, acc.found, acc.copies, recall, acc.falsePos, acc.pairs, fpr, acc.falseExamples)
	for kind, n := range acc.byKind {
		t.Logf("  %-28s %d/%d", kind, n[0], n[1])
	}
	if recall < 0.85 {
		t.Errorf("near-copy recall %.3f below floor", recall)
	}
	if fpr > 1e-6 {
		t.Errorf("false merge rate %.2g above ceiling", fpr)
	}
}

// TestSweepParameters logs recall and false merges for other shingle sizes
// and distances; run with -v -run Sweep to retune.
func TestSweepParameters(t *testing.T) {
	if testing.Short() || os.Getenv("DEDUPE_SWEEP") == "" {
		t.Skip("set DEDUPE_SWEEP=1 to run the parameter sweep")
	}
	articles := readPool(t, "permissive_articles.jsonl")
	others := readPool(t, "gmb_voa_pseudodocs.jsonl")
	for _, sh := range []int{1, 2, 3, 4, 5} {
		for _, k := range []int{3, 6, 8, 10, 11, 12} {
			acc := measure(t, articles, others, sh, k)
			t.Logf("shingle=%d K=%2d recall %.3f (%d/%d) merged %d/%d %v", sh, k,
				float64(acc.found)/float64(acc.copies), acc.found, acc.copies, acc.falsePos, acc.pairs, acc.falseExamples)
		}
	}
}
