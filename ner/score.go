package ner

import (
	"context"
	"sort"
	"strings"

	"github.com/faultline-news/faultline"
)

// Result is an entity-level exact-match score (seqeval style: a predicted
// span counts only when its boundaries and class equal a gold span's).
type Result struct {
	Precision float64            `json:"precision"`
	Recall    float64            `json:"recall"`
	F1        float64            `json:"f1"`
	PerType   map[string]float64 `json:"per_type"`
	TP        int                `json:"tp"`
	FP        int                `json:"fp"`
	FN        int                `json:"fn"`
	Sentences int                `json:"sentences"`
	Tokens    int                `json:"tokens"`
}

type counts struct{ tp, fp, fn int }

// scoreClass maps an output type to the class it is scored as: GPE, LOC and
// FAC are one class, LOC.
func scoreClass(t string) string {
	switch t {
	case faultline.EntityGPE, faultline.EntityFac:
		return faultline.EntityLoc
	}
	return t
}

// goldClass maps a corpus label to a scored class; dontCare marks gold spans
// that are neither TP, FP nor FN (GMB gpe: mostly demonyms).
func goldClass(f Format, label string) (class string, dontCare bool) {
	switch f {
	case FormatIOB2, FormatGUM:
		switch label {
		case "PER":
			return faultline.EntityPerson, false
		case "ORG":
			return faultline.EntityOrg, false
		case "LOC":
			return faultline.EntityLoc, false
		}
	case FormatGMB:
		switch label {
		case "per":
			return faultline.EntityPerson, false
		case "org":
			return faultline.EntityOrg, false
		case "geo":
			return faultline.EntityLoc, false
		case "gpe":
			return "", true
		case "eve":
			return faultline.EntityEvent, false
		case "art", "nat":
			return faultline.EntityMisc, false
		}
	}
	return "", false
}

// predictedForScoring maps predictions to the gold scheme of format f. For
// IOB2 (UNER: PER, ORG, LOC only) types UNER does not annotate are left
// out. For GMB, person spans get back the leading titles GMB includes
// ("President Mahmoud Abbas").
func predictedForScoring(f Format, words []string, pred []Span) []Span {
	var out []Span
	for _, sp := range pred {
		c := scoreClass(sp.Label)
		switch f {
		case FormatIOB2, FormatGUM:
			if c != faultline.EntityPerson && c != faultline.EntityOrg && c != faultline.EntityLoc {
				continue
			}
		case FormatGMB:
			if c == faultline.EntityNORP || c == faultline.EntityLaw {
				continue // outside GMB's scheme; its nearest class, gpe, is don't-care
			}
			if c == faultline.EntityPerson {
				sp.Start = attachTitles(words, sp.Start)
			}
		}
		sp.Label = c
		out = append(out, sp)
	}
	return out
}

// gmbTitles are the title words GMB puts inside person spans more often
// than not (counted on the GMB train part); "Minister" only after "Prime".
var gmbTitles = map[string]bool{
	"mr.": true, "mrs.": true, "ms.": true, "dr.": true, "president": true, "prime": true,
	"general": true, "senator": true, "king": true, "queen": true, "chancellor": true,
	"mayor": true, "ayatollah": true, "sheikh": true, "prince": true, "judge": true, "vice": true,
}

// attachTitles moves a person span's start left over the capitalized title
// words GMB includes ("Prime Minister", "Mr.", "President").
func attachTitles(words []string, start int) int {
	for start > 0 {
		w := words[start-1]
		lw := strings.ToLower(w)
		if !isCapitalized(w) {
			break
		}
		if gmbTitles[lw] {
			start--
			continue
		}
		if lw == "minister" && start > 1 && strings.ToLower(words[start-2]) == "prime" {
			start -= 2
			continue
		}
		break
	}
	return start
}

// Score runs m over gold sentences of format f and scores the result.
// Pass m.ForCorpus(corpus.Name) to score a corpus the model was trained on
// with that corpus's own feature weights.
func Score(ctx context.Context, m *Model, f Format, sents []Sentence) (Result, error) {
	byType := map[string]*counts{}
	get := func(c string) *counts {
		if byType[c] == nil {
			byType[c] = &counts{}
		}
		return byType[c]
	}
	var res Result
	// Recognize document by document where the corpus marks documents.
	preds := make([][]Span, len(sents))
	for a := 0; a < len(sents); {
		if ctx.Err() != nil {
			return Result{}, faultline.Errorf(faultline.EINVALID, "ner: scoring stopped: %w", ctx.Err())
		}
		b := a + 1
		for sents[a].Doc != "" && b < len(sents) && sents[b].Doc == sents[a].Doc {
			b++
		}
		words := make([][]string, b-a)
		for i := range words {
			words[i] = sents[a+i].Words
		}
		copy(preds[a:b], m.RecognizeDocument(words))
		a = b
	}
	for n, s := range sents {
		res.Sentences++
		res.Tokens += len(s.Words)
		pred := predictedForScoring(f, s.Words, preds[n])
		type key struct {
			start, end int
			class      string
		}
		gold := map[key]bool{}
		dontCare := map[[2]int]bool{}
		for _, sp := range s.Spans {
			c, dc := goldClass(f, sp.Label)
			if dc {
				dontCare[[2]int{sp.Start, sp.End}] = true
				continue
			}
			if c == "" {
				continue
			}
			gold[key{sp.Start, sp.End, c}] = true
		}
		matched := map[key]bool{}
		for _, sp := range pred {
			k := key{sp.Start, sp.End, sp.Label}
			switch {
			case gold[k] && !matched[k]:
				matched[k] = true
				get(sp.Label).tp++
			case dontCare[[2]int{sp.Start, sp.End}]:
			default:
				get(sp.Label).fp++
			}
		}
		for k := range gold {
			if !matched[k] {
				get(k.class).fn++
			}
		}
	}
	res.PerType = map[string]float64{}
	types := make([]string, 0, len(byType))
	for t := range byType {
		types = append(types, t)
	}
	sort.Strings(types)
	for _, t := range types {
		c := byType[t]
		res.TP += c.tp
		res.FP += c.fp
		res.FN += c.fn
		_, _, res.PerType[t] = prf(c.tp, c.fp, c.fn)
	}
	res.Precision, res.Recall, res.F1 = prf(res.TP, res.FP, res.FN)
	return res, nil
}

func prf(tp, fp, fn int) (p, r, f float64) {
	if tp+fp > 0 {
		p = float64(tp) / float64(tp+fp)
	}
	if tp+fn > 0 {
		r = float64(tp) / float64(tp+fn)
	}
	if p+r > 0 {
		f = 2 * p * r / (p + r)
	}
	return p, r, f
}
