package eval

import (
	"context"
	"encoding/json"
	"testing"

	"github.com/faultline-news/faultline/ner"
)

func TestNERSmall(t *testing.T) {
	ctx := context.Background()
	m, err := ner.Train(ctx, ner.TrainOptions{
		Train: []string{"../ner/testdata/tiny.iob2", "../ner/testdata/tiny.jsonl"}, HoldOut: -1,
		Seed: 3, Epochs: 5, MinCount: 1, Prune: 0.01,
	})
	if err != nil {
		t.Fatal(err)
	}
	tests := []struct {
		path      string
		format    string
		sentences int
	}{
		{"../ner/testdata/tiny.iob2", "iob2", 4},
		{"../ner/testdata/tiny.jsonl", "gmb", 1}, // the last 10% of 2 sentences
	}
	for _, tt := range tests {
		r, err := NER(ctx, tt.path, m)
		if err != nil {
			t.Fatalf("%s: %v", tt.path, err)
		}
		if r.Format != tt.format || r.Sentences != tt.sentences {
			t.Errorf("%s: format %s, %d sentences; want %s, %d", tt.path, r.Format, r.Sentences, tt.format, tt.sentences)
		}
		if r.F1 < 0.9 {
			t.Errorf("%s: F1 %.3f on training data, want ≥ 0.9 (%+v)", tt.path, r.F1, r)
		}
		b, _ := json.Marshal(r)
		var keys map[string]any
		json.Unmarshal(b, &keys)
		for _, k := range []string{"precision", "recall", "f1", "per_type", "tokens_per_s"} {
			if _, ok := keys[k]; !ok {
				t.Errorf("%s: JSON lacks %q: %s", tt.path, k, b)
			}
		}
	}
	if _, err := NER(ctx, "../ner/testdata/missing.iob2", m); err == nil {
		t.Error("missing file: no error")
	}
}
