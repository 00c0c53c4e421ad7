package segment_test

import (
	"bufio"
	"encoding/json"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/faultline-news/faultline/segment"
)

// benchTexts returns the article texts of
// ../shared/eval/news-text-pool/permissive_articles.jsonl, or a synthetic
// news text when that file is absent.
func benchTexts(b *testing.B) (texts []string, source string) {
	b.Helper()
	wd, _ := os.Getwd()
	for dir := wd; ; dir = filepath.Dir(dir) {
		path := filepath.Join(dir, "..", "shared", "eval", "news-text-pool", "permissive_articles.jsonl")
		if f, err := os.Open(path); err == nil {
			defer f.Close()
			sc := bufio.NewScanner(f)
			sc.Buffer(make([]byte, 1<<20), 1<<26)
			for sc.Scan() {
				var rec struct {
					Text string `json:"text"`
				}
				if json.Unmarshal(sc.Bytes(), &rec) == nil && rec.Text != "" {
					texts = append(texts, rec.Text)
				}
			}
			if len(texts) > 0 {
				return texts, "news-text-pool"
			}
		}
		if filepath.Dir(dir) == dir {
			break
		}
	}
	return []string{syntheticText()}, "synthetic"
}

// syntheticText is news-like text with the tricky cases, about 100 KB.
func syntheticText() string {
	para := "U.S. officials say there won't be a hasty withdrawal of more than 9,000 U.S. and coalition forces after Mosul's capture. " +
		"“If American forces refrain from leaving Iraqi territories, the Islamic resistance of Iraq will target them,” Jafar al-Hosseini said on Jan. 5 at 10 a.m. " +
		"Marine Maj. Adrian J.T. Rankine-Galloway, a Pentagon spokesman, said the $5bn plan — about 50% of the budget — was on track... See https://www.example.org/a.\n\n"
	return strings.Repeat(para, 200)
}

// BenchmarkSegment reports tokens/s for tokenizing and sentence splitting
// whole articles on one core.
func BenchmarkSegment(b *testing.B) {
	texts, source := benchTexts(b)
	b.Logf("%d texts from %s", len(texts), source)
	benchmarkSegment(b, texts)
}

// BenchmarkSegmentSynthetic measures the same on the synthetic text only,
// so that runs with and without ../shared can be compared.
func BenchmarkSegmentSynthetic(b *testing.B) {
	benchmarkSegment(b, []string{syntheticText()})
}

func benchmarkSegment(b *testing.B, texts []string) {
	var bytes, tokens int64
	for _, t := range texts {
		bytes += int64(len(t))
		tokens += int64(len(segment.Tokenize(t)))
	}
	b.SetBytes(bytes)
	b.ReportAllocs()
	b.ResetTimer()
	for b.Loop() {
		for _, t := range texts {
			toks := segment.Tokenize(t)
			segment.Sentences(t, toks)
		}
	}
	b.ReportMetric(float64(tokens)*float64(b.N)/b.Elapsed().Seconds(), "tokens/s")
}
