package eval

import (
	"context"
	"time"

	"github.com/faultline-news/faultline"
	"github.com/faultline-news/faultline/conllu"
	"github.com/faultline-news/faultline/parse"
	"github.com/faultline-news/faultline/tag"
)

// UDResult holds the scores of the tagger, lemmatizer and parser on a UD
// CoNLL-U file with gold tokenization. Every syntactic word counts,
// punctuation included, as in the CoNLL 2018 shared task; LAS compares the
// full relation (with subtypes such as nmod:poss).
type UDResult struct {
	File        string  `json:"file"`
	UPOS        float64 `json:"upos"`
	XPOS        float64 `json:"xpos"`
	Lemma       float64 `json:"lemma"`
	UAS         float64 `json:"uas"`
	LAS         float64 `json:"las"`
	Sentences   int     `json:"sentences"`
	Tokens      int     `json:"tokens"`
	TokensPerS  float64 `json:"tokens_per_s"`
	ParseTagged bool    `json:"parse_on_predicted_tags"`
}

// UD tags (and lemmatizes) the words of the CoNLL-U file at path with
// tagger and parses them with parser on the predicted tags. Either model
// may be nil: a nil tagger leaves upos/xpos/lemma at 0 and gives the
// parser gold tags; a nil parser leaves uas/las at 0. tokens_per_s is the
// throughput of tagging + lemmatizing + parsing on one goroutine.
func UD(ctx context.Context, path string, tagger *tag.Model, parser *parse.Model) (UDResult, error) {
	sents, err := conllu.ReadFile(ctx, path)
	if err != nil {
		return UDResult{}, err
	}
	if len(sents) == 0 {
		return UDResult{}, faultline.Errorf(faultline.EINVALID, "eval: %s has no sentences; pass a CoNLL-U file", path)
	}
	res := UDResult{File: path, Sentences: len(sents), ParseTagged: tagger != nil}
	var upos, xpos, lemma, uas, las int
	var spent time.Duration
	for i, s := range sents {
		if i%64 == 0 {
			if err := ctx.Err(); err != nil {
				return UDResult{}, err
			}
		}
		words := s.Forms()
		up, xp := make([]string, len(words)), make([]string, len(words))
		for j, w := range s.Words {
			up[j], xp[j] = w.UPOS, w.XPOS
		}
		start := time.Now()
		var lemmas []string
		if tagger != nil {
			up, xp = tagger.Tag(words)
			lemmas = make([]string, len(words))
			for j, w := range words {
				lemmas[j] = tagger.Lemma(w, up[j], xp[j])
			}
		}
		var heads []int
		var deps []string
		if parser != nil {
			heads, deps = parser.Parse(words, up, xp)
		}
		spent += time.Since(start)
		for j, w := range s.Words {
			res.Tokens++
			if tagger != nil {
				if up[j] == w.UPOS {
					upos++
				}
				if xp[j] == w.XPOS {
					xpos++
				}
				if lemmas[j] == w.Lemma {
					lemma++
				}
			}
			if parser != nil && heads[j]+1 == w.Head {
				uas++
				if deps[j] == w.Deprel {
					las++
				}
			}
		}
	}
	n := float64(res.Tokens)
	res.UPOS, res.XPOS, res.Lemma = float64(upos)/n, float64(xpos)/n, float64(lemma)/n
	res.UAS, res.LAS = float64(uas)/n, float64(las)/n
	if spent > 0 {
		res.TokensPerS = n / spent.Seconds()
	}
	return res, nil
}
