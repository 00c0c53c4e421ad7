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
	ranges := sentenceTokenRanges(doc)
	sents := make([][]string, 0, len(ranges))
	for _, r := range ranges {
		if err := ctx.Err(); err != nil {
			return faultline.Errorf(faultline.EUNAVAILABLE, "ner: document %q: %w", doc.ID, err)
		}
		toks := doc.Tokens[r[0]:r[1]]
		words := make([]string, len(toks))
		ok := true
		for i, t := range toks {
			if t.Start < 0 || t.End > len(doc.Text) || t.Start > t.End {
				ok = false
				break
			}
			words[i] = doc.Text[t.Start:t.End]
		}
		if !ok {
			return faultline.Errorf(faultline.EINVALID, "ner: document %q: a token in tokens %d..%d lies outside the text; re-run the segment stage", doc.ID, r[0], r[1])
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

// sentenceTokenRanges returns [start, end) token index ranges, one per
// sentence, using the sentences' token indexes when set and their byte
// offsets otherwise; with no sentences, all tokens form one.
func sentenceTokenRanges(doc *faultline.Document) [][2]int {
	n := len(doc.Tokens)
	if n == 0 {
		return nil
	}
	if len(doc.Sentences) == 0 {
		return [][2]int{{0, n}}
	}
	var out [][2]int
	indexed := false
	for _, s := range doc.Sentences {
		if s.TokenEnd > s.TokenStart {
			indexed = true
		}
	}
	if indexed {
		for _, s := range doc.Sentences {
			a, b := max(0, s.TokenStart), min(n, s.TokenEnd)
			if b > a {
				out = append(out, [2]int{a, b})
			}
		}
		return out
	}
	i := 0
	for _, s := range doc.Sentences {
		for i < n && doc.Tokens[i].Start < s.Start {
			i++
		}
		j := i
		for j < n && doc.Tokens[j].End <= s.End {
			j++
		}
		if j > i {
			out = append(out, [2]int{i, j})
		}
		i = j
	}
	return out
}
