package tag

import (
	"context"

	"github.com/faultline-news/faultline"
)

// Stage is the pipeline stage that fills Token.POS, Token.XPOS and
// Token.Lemma.
type Stage struct{ m *Model }

// NewStage returns the "tag" stage using m.
func NewStage(m *Model) *Stage { return &Stage{m: m} }

// Name returns "tag".
func (s *Stage) Name() string { return "tag" }

// Requires returns the token and sentence layers.
func (s *Stage) Requires() []faultline.Layer {
	return []faultline.Layer{faultline.LayerTokens, faultline.LayerSentences}
}

// Assigns returns the pos layer.
func (s *Stage) Assigns() []faultline.Layer { return []faultline.Layer{faultline.LayerPOS} }

// Process tags each sentence of doc.
func (s *Stage) Process(ctx context.Context, doc *faultline.Document) (err error) {
	defer func() {
		if p := recover(); p != nil {
			err = faultline.Errorf(faultline.EINTERNAL, "tag: document %q: recovered from panic: %v", doc.ID, p)
		}
	}()
	if s.m == nil {
		return faultline.Errorf(faultline.EINTERNAL, "tag: stage built without a model; pass the model from model/tagger.Load")
	}
	for _, r := range doc.SentenceTokenRanges() {
		if err := ctx.Err(); err != nil {
			return faultline.Errorf(faultline.EUNAVAILABLE, "tag: document %q: %w", doc.ID, err)
		}
		words, err := doc.TokenWords(r)
		if err != nil {
			return err
		}
		upos, xpos := s.m.Tag(words)
		for i, w := range words {
			t := &doc.Tokens[r[0]+i]
			t.POS, t.XPOS = upos[i], xpos[i]
			t.Lemma = s.m.Lemma(w, upos[i], xpos[i])
		}
	}
	return nil
}
