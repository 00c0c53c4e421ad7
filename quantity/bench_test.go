package quantity

import (
	"testing"

	"github.com/faultline-news/faultline"
	"github.com/faultline-news/faultline/internal/sharedtest"
)

// benchText returns about 1 MB of news text: the shared news pool when it
// is there, else a paragraph of the sample article's phrasing repeated.
func benchText(b *testing.B) string {
	return sharedtest.NewsText(1<<20, benchParagraph)
}

const benchParagraph = "U.S. officials say there won't be a hasty withdrawal of more than 9,000 U.S. and coalition forces after Mosul's capture. " +
	"Trump said during a meeting at the White House on Monday that the Iraqi parliament last November passed a bill. " +
	"Human Rights Watch warned in February that militias are holding men fleeing Mosul, Iraq, March 23, 2017.\n"

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
