package parse

import (
	"context"

	"github.com/faultline-news/faultline"
)

// Stage is the pipeline stage that fills Token.Head (an index into
// Document.Tokens, −1 for a sentence root) and Token.Dep.
type Stage struct{ m *Model }

// NewStage returns the "parse" stage using m.
func NewStage(m *Model) *Stage { return &Stage{m: m} }

// Name returns "parse".
func (s *Stage) Name() string { return "parse" }

// Requires returns the pos layer (tokens and sentences come before it).
func (s *Stage) Requires() []faultline.Layer {
	return []faultline.Layer{faultline.LayerTokens, faultline.LayerSentences, faultline.LayerPOS}
}

// Assigns returns the parse layer.
func (s *Stage) Assigns() []faultline.Layer { return []faultline.Layer{faultline.LayerParse} }

// Process parses each sentence of doc.
func (s *Stage) Process(ctx context.Context, doc *faultline.Document) (err error) {
	defer func() {
		if p := recover(); p != nil {
			err = faultline.Errorf(faultline.EINTERNAL, "parse: document %q: recovered from panic: %v", doc.ID, p)
		}
	}()
	if s.m == nil {
		return faultline.Errorf(faultline.EINTERNAL, "parse: stage built without a model; pass the model from model/parser.Load")
	}
	for _, r := range doc.SentenceTokenRanges() {
		if err := ctx.Err(); err != nil {
			return faultline.Errorf(faultline.EUNAVAILABLE, "parse: document %q: %w", doc.ID, err)
		}
		words, err := doc.TokenWords(r)
		if err != nil {
			return err
		}
		upos, xpos := make([]string, len(words)), make([]string, len(words))
		for i := range words {
			t := doc.Tokens[r[0]+i]
			upos[i], xpos[i] = t.POS, t.XPOS
		}
		heads, deps := s.m.Parse(words, upos, xpos)
		for i := range words {
			t := &doc.Tokens[r[0]+i]
			t.Head, t.Dep = -1, deps[i]
			if heads[i] >= 0 {
				t.Head = r[0] + heads[i]
			}
		}
	}
	return nil
}
