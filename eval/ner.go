package eval

import (
	"context"
	"time"

	"github.com/faultline-news/faultline/ner"
)

// NERResult is the named-entity score printed by `faultline eval ner --json`.
// Metrics are fractions in [0,1]; PerType maps each scored class to its F1.
type NERResult struct {
	Precision  float64            `json:"precision"`
	Recall     float64            `json:"recall"`
	F1         float64            `json:"f1"`
	PerType    map[string]float64 `json:"per_type"`
	TP         int                `json:"tp"`
	FP         int                `json:"fp"`
	FN         int                `json:"fn"`
	Format     string             `json:"format"`
	Sentences  int                `json:"sentences"`
	Tokens     int                `json:"tokens"`
	TokensPerS float64            `json:"tokens_per_s"`
	Scoring    string             `json:"scoring"`
}

// NER scores m on the gold file at path: a UNER .iob2 file (all its
// sentences) or the GMB .jsonl(.gz) file (its test slice, the last 10% of
// the sentences, only). Scoring is entity-level exact match with GPE, LOC
// and FAC counted as one class; see ner.ScoringNote for the conventions.
// A corpus the model was trained on (en_ewt, gmb_ner, en_gum) is recognized
// with its own feature weights plus the shared ones, any other (en_pud)
// with the shared weights only, as news is at run time.
func NER(ctx context.Context, path string, m *ner.Model) (NERResult, error) {
	c, err := ner.ReadCorpus(ctx, path)
	if err != nil {
		return NERResult{}, err
	}
	sents := c.Sentences
	if c.Format == ner.FormatGMB {
		_, sents = ner.GMBSplit(sents)
	}
	start := time.Now()
	r, err := ner.Score(ctx, m.ForCorpus(c.Name), c.Format, sents)
	if err != nil {
		return NERResult{}, err
	}
	secs := time.Since(start).Seconds()
	out := NERResult{
		Precision: r.Precision, Recall: r.Recall, F1: r.F1, PerType: r.PerType,
		TP: r.TP, FP: r.FP, FN: r.FN, Format: string(c.Format),
		Sentences: r.Sentences, Tokens: r.Tokens, Scoring: ner.ScoringNote,
	}
	if secs > 0 {
		out.TokensPerS = float64(r.Tokens) / secs
	}
	return out, nil
}
