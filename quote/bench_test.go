package quote_test

import (
	"context"
	"os"
	"path/filepath"
	"testing"
	"time"

	"github.com/faultline-news/faultline"
	"github.com/faultline-news/faultline/actor"
	"github.com/faultline-news/faultline/actor/actortest"
	"github.com/faultline-news/faultline/coref"
	"github.com/faultline-news/faultline/quote"
)

// BenchmarkActorCorefQuote times the three stages (not the models before
// them) on the sample article; tokens/s is reported as a metric.
func BenchmarkActorCorefQuote(b *testing.B) {
	shared := actortest.SharedDir()
	if shared == "" {
		b.Skip("../shared not found")
	}
	text, err := os.ReadFile(filepath.Join(shared, "samples", "000_e9c81a236e9288db.txt"))
	if err != nil {
		b.Skip(err)
	}
	base := actortest.Run(b, string(text), time.Date(2017, 3, 23, 0, 0, 0, 0, time.UTC))
	stages := []faultline.Stage{actor.New(), coref.New(), quote.New()}
	ctx := context.Background()
	b.ResetTimer()
	for i := 0; i < b.N; i++ {
		doc := *base
		doc.Entities = append([]faultline.Entity(nil), base.Entities...)
		for _, s := range stages {
			if err := s.Process(ctx, &doc); err != nil {
				b.Fatal(err)
			}
		}
	}
	b.ReportMetric(float64(len(base.Tokens)*b.N)/b.Elapsed().Seconds(), "tokens/s")
}
