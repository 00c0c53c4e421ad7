// Package segment splits news text into sentences and tokens.
//
// It is a rule-based, allocation-light byte scanner that follows the
// Universal Dependencies English tokenization conventions where they are
// reasonable for news: clitics are split ("don't" → "do" "n't", "Iraq's" →
// "Iraq" "'s"), abbreviations keep their period ("U.S.", "Maj.", "a.m."),
// "$" and "%" are their own tokens, quotes and dashes are their own tokens,
// URLs and e-mail addresses stay whole. Hyphenated words stay whole by
// default ("U.S.-led", "al-Hosseini"); Options.SplitHyphens splits them the
// way the current UD English treebanks do.
//
// The Stage returned by New is the interface the pipeline sees, so a trained
// segmenter can replace this one without changing its callers.
package segment

import (
	"context"

	"github.com/faultline-news/faultline"
)

// Options tune the segmenter. The zero value is the default.
type Options struct {
	// SplitHyphens splits hyphenated words at the hyphen, as the UD English
	// treebanks (EWT, PUD, GUM) do since v2: "U.S.-led" → "U.S." "-" "led".
	// Words with a common bound prefix ("co-", "re-", "non-", "e-mail", ...)
	// and digit groups ("853-7906") stay whole, as they do in UD.
	SplitHyphens bool
}

// Segmenter tokenizes text and splits it into sentences. It has no mutable
// state and is safe for concurrent use.
type Segmenter struct {
	opts Options
}

// NewSegmenter returns a Segmenter with the given options.
func NewSegmenter(opts Options) *Segmenter {
	return &Segmenter{opts: opts}
}

// New returns the default segmentation stage: Name "segment", Requires
// [text], Assigns [sentences, tokens].
func New() faultline.Stage {
	return NewSegmenter(Options{})
}

// NewStage returns a segmentation stage with the given options.
func NewStage(opts Options) faultline.Stage {
	return NewSegmenter(opts)
}

var defaultSegmenter = NewSegmenter(Options{})

// Tokenize splits text into tokens with the default options. Every token's
// text[Start:End] is non-empty and free of whitespace; tokens are in order
// and do not overlap. Head is -1, POS and Lemma are empty.
func Tokenize(text string) []faultline.Token {
	return defaultSegmenter.Tokenize(text)
}

// Sentences groups toks, the tokens of text in order (as Tokenize returns
// them), into sentences with the default options.
func Sentences(text string, toks []faultline.Token) []faultline.Sentence {
	return defaultSegmenter.Sentences(text, toks)
}

// Segment tokenizes text and splits it into sentences with the default
// options.
func Segment(text string) ([]faultline.Sentence, []faultline.Token) {
	toks := Tokenize(text)
	return Sentences(text, toks), toks
}

// Name implements faultline.Stage.
func (s *Segmenter) Name() string { return "segment" }

// Requires implements faultline.Stage.
func (s *Segmenter) Requires() []faultline.Layer {
	return []faultline.Layer{faultline.LayerText}
}

// Assigns implements faultline.Stage.
func (s *Segmenter) Assigns() []faultline.Layer {
	return []faultline.Layer{faultline.LayerSentences, faultline.LayerTokens}
}

// Process fills doc.Tokens and doc.Sentences from doc.Text, replacing what
// was there.
func (s *Segmenter) Process(ctx context.Context, doc *faultline.Document) error {
	if err := ctx.Err(); err != nil {
		return err
	}
	if doc == nil {
		return faultline.Errorf(faultline.EINVALID, "segment: nil document; pass a document with its text set")
	}
	toks := s.Tokenize(doc.Text)
	if err := ctx.Err(); err != nil {
		return err
	}
	doc.Tokens = toks
	doc.Sentences = s.Sentences(doc.Text, toks)
	return nil
}
