package event_test

import (
	"context"
	"os"
	"path/filepath"
	"testing"
	"time"

	"github.com/faultline-news/faultline"
	"github.com/faultline-news/faultline/event"
	"github.com/faultline-news/faultline/lexicon/petrarch"
)

// BenchmarkCoder measures coding alone (parsing done once beforehand) on
// the sample article with the Phoenix dictionaries; it reports
// sentences/s per core.
func BenchmarkCoder(b *testing.B) {
	ev := sharedEval(b)
	text, err := os.ReadFile(filepath.Join(filepath.Dir(ev), "samples", "000_e9c81a236e9288db.txt"))
	if err != nil {
		b.Skipf("sample not found: %v", err)
	}
	dicts, err := petrarch.Load(context.Background(), filepath.Join(ev, "cameo"))
	if err != nil {
		b.Fatal(err)
	}
	doc := &faultline.Document{ID: "bench", Text: string(text), Reference: time.Date(2017, 3, 23, 0, 0, 0, 0, time.UTC)}
	for _, s := range pre(b) {
		if err := s.Process(context.Background(), doc); err != nil {
			b.Fatal(err)
		}
	}
	c := event.NewStage(dicts)
	ctx := context.Background()
	b.ReportAllocs()
	b.ResetTimer()
	for i := 0; i < b.N; i++ {
		if err := c.Process(ctx, doc); err != nil {
			b.Fatal(err)
		}
	}
	b.ReportMetric(float64(len(doc.Sentences)*b.N)/b.Elapsed().Seconds(), "sentences/s")
}
