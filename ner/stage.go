package ner

import (
	"context"
	"strconv"

	"github.com/faultline-news/faultline"
)

// Stage is the pipeline stage that fills Document.Entities.
type Stage struct {
	m *Model
}

// NewStage returns the "ner" stage using m.
func NewStage(m *Model) *Stage { return &Stage{m: m} }

// Name returns "ner".
func (s *Stage) Name() string { return "ner" }

// Requires returns the token and sentence layers.
func (s *Stage) Requires() []faultline.Layer {
	return []faultline.Layer{faultline.LayerTokens, faultline.LayerSentences}
}

// Assigns returns the entity layer.
func (s *Stage) Assigns() []faultline.Layer { return []faultline.Layer{faultline.LayerEntities} }

// Process replaces doc.Entities with one entity per recognized mention (no
// coreference yet): IDs E1, E2, ... in text order, Name = the mention text.
func (s *Stage) Process(ctx context.Context, doc *faultline.Document) (err error) {
	defer func() {
		if p := recover(); p != nil {
			err = faultline.Errorf(faultline.EINTERNAL, "ner: document %q: recovered from panic: %v", doc.ID, p)
		}
	}()
	if s.m == nil {
		return faultline.Errorf(faultline.EINTERNAL, "ner: stage built without a model; pass the model from model/ner.Load")
	}
	doc.Entities = []faultline.Entity{}
	ranges := doc.SentenceTokenRanges()
	sents := make([][]string, 0, len(ranges))
	for _, r := range ranges {
		if err := ctx.Err(); err != nil {
			return faultline.Errorf(faultline.EUNAVAILABLE, "ner: document %q: %w", doc.ID, err)
		}
		words, err := doc.TokenWords(r)
		if err != nil {
			return faultline.Errorf(faultline.EINVALID, "ner: %w", err)
		}
		sents = append(sents, words)
	}
	for si, spans := range s.m.RecognizeDocument(sents) {
		toks := doc.Tokens[ranges[si][0]:ranges[si][1]]
		for _, sp := range spans {
			start, end := toks[sp.Start].Start, toks[sp.End-1].End
			text := doc.Text[start:end]
			doc.Entities = append(doc.Entities, faultline.Entity{
				ID:           "E" + strconv.Itoa(len(doc.Entities)+1),
				Name:         text,
				Type:         sp.Label,
				Mentions:     []faultline.Mention{{Start: start, End: end, Text: text}},
				Aliases:      []string{},
				Titles:       []string{},
				Affiliations: []string{},
			})
		}
	}
	return nil
}
