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
	for _, r := range SentenceTokenRanges(doc) {
		if err := ctx.Err(); err != nil {
			return faultline.Errorf(faultline.EUNAVAILABLE, "tag: document %q: %w", doc.ID, err)
		}
		words, err := TokenWords(doc, r)
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

// TokenWords returns the text of doc.Tokens[r[0]:r[1]], or an error when
// a token lies outside the text.
func TokenWords(doc *faultline.Document, r [2]int) ([]string, error) {
	toks := doc.Tokens[r[0]:r[1]]
	words := make([]string, len(toks))
	for i, t := range toks {
		if t.Start < 0 || t.End > len(doc.Text) || t.Start > t.End {
			return nil, faultline.Errorf(faultline.EINVALID,
				"document %q: token %d [%d,%d) lies outside the text (%d bytes); re-run the segment stage",
				doc.ID, r[0]+i, t.Start, t.End, len(doc.Text))
		}
		words[i] = doc.Text[t.Start:t.End]
	}
	return words, nil
}

// SentenceTokenRanges returns one [start, end) range of doc.Tokens per
// sentence: the sentences' token indexes when set, else their byte
// offsets; with no sentences, all tokens form one sentence.
func SentenceTokenRanges(doc *faultline.Document) [][2]int {
	n := len(doc.Tokens)
	if n == 0 {
		return nil
	}
	if len(doc.Sentences) == 0 {
		return [][2]int{{0, n}}
	}
	indexed := false
	for _, s := range doc.Sentences {
		if s.TokenEnd > s.TokenStart {
			indexed = true
			break
		}
	}
	var out [][2]int
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
