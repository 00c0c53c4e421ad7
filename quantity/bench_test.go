package quantity

import (
	"bufio"
	"encoding/json"
	"github.com/faultline-news/faultline"
	"os"
	"path/filepath"
	"strings"
	"testing"
)

// benchText returns about 1 MB of news text: the permissive article pool
// when ../shared is present, else a built-in paragraph repeated.
func benchText(b *testing.B) string {
	var sb strings.Builder
	if dir := findShared(); dir != "" {
		if f, err := os.Open(filepath.Join(dir, "eval", "news-text-pool", "permissive_articles.jsonl")); err == nil {
			defer f.Close()
			sc := bufio.NewScanner(f)
			sc.Buffer(nil, 1<<24)
			for sc.Scan() && sb.Len() < 1<<20 {
				var a struct{ Text string }
				if json.Unmarshal(sc.Bytes(), &a) == nil {
					sb.WriteString(a.Text)
					sb.WriteString("\n")
				}
			}
		}
	}
	para := "U.S. officials say there won't be a hasty withdrawal of more than 9,000 U.S. and coalition forces after Mosul's capture. " +
		"Trump said during a meeting at the White House on Monday that the Iraqi parliament last November passed a bill. " +
		"Human Rights Watch warned in February that militias are holding men fleeing Mosul, Iraq, March 23, 2017.\n"
	for sb.Len() < 1<<20 {
		sb.WriteString(para)
	}
	return sb.String()
}

func findShared() string {
	dir, err := filepath.Abs(".")
	if err != nil {
		return ""
	}
	for {
		parent := filepath.Dir(dir)
		if parent == dir {
			return ""
		}
		dir = parent
		if st, err := os.Stat(filepath.Join(dir, "shared", "eval")); err == nil && st.IsDir() {
			return filepath.Join(dir, "shared")
		}
	}
}

func BenchmarkFind(b *testing.B) {
	text := benchText(b)
	b.SetBytes(int64(len(text)))
	b.ReportAllocs()
	b.ResetTimer()
	for i := 0; i < b.N; i++ {
		Find(text, nil)
	}
}

// BenchmarkFindSentences measures the stage's usual input: text with
// sentence spans (here cut at ". ").
func BenchmarkFindSentences(b *testing.B) {
	text := benchText(b)
	var sents []faultline.Sentence
	start := 0
	for i := 0; i+1 < len(text); i++ {
		if text[i] == '.' && text[i+1] == ' ' {
			sents = append(sents, faultline.Sentence{Start: start, End: i + 1})
			start = i + 2
		}
	}
	sents = append(sents, faultline.Sentence{Start: start, End: len(text)})
	b.SetBytes(int64(len(text)))
	b.ReportAllocs()
	b.ResetTimer()
	for i := 0; i < b.N; i++ {
		Find(text, sents)
	}
}
