package sqlite

import (
	"context"
	"math/rand/v2"
	"testing"

	"github.com/faultline-news/faultline"
	"github.com/faultline-news/faultline/sqlite/synthetic"
)

// fillSynthetic stores docs documents of perDoc events each.
func fillSynthetic(tb testing.TB, s *Store, docs, perDoc int, seed uint64) {
	tb.Helper()
	rng := rand.New(rand.NewPCG(seed, 7))
	batch := make([]*faultline.Document, 0, BatchSize)
	for i := range docs {
		batch = append(batch, synthetic.Document(i, perDoc, rng))
		if len(batch) == BatchSize || i == docs-1 {
			if _, err := s.PutBatch(context.Background(), batch); err != nil {
				tb.Fatalf("PutBatch: %v", err)
			}
			batch = batch[:0]
		}
	}
}
