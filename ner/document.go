package ner

import (
	"sort"
	"strings"

	"github.com/faultline-news/faultline"
)

// RecognizeDocument recognizes the entities of each sentence of one
// document, then makes the document consistent: a capitalized word
// sequence that the model left out but recognized elsewhere in the same
// document as a name gets that name's type, and so does the surname alone
// of a recognized full person name ("Hamasaeed" after "Sarhang
// Hamasaeed").
func (m *Model) RecognizeDocument(sents [][]string) [][]Span {
	out := make([][]Span, len(sents))
	for i, s := range sents {
		out[i] = m.Recognize(s)
	}
	if len(sents) < 2 {
		return out
	}
	type name struct {
		toks  []string
		label string
	}
	votes := map[string]map[string]int{}
	toksOf := map[string][]string{}
	add := func(toks []string, label string) {
		key := strings.Join(toks, " ")
		if votes[key] == nil {
			votes[key] = map[string]int{}
			toksOf[key] = toks
		}
		votes[key][label]++
	}
	for i, s := range sents {
		for _, sp := range out[i] {
			if sp.Label == faultline.EntityNORP {
				continue
			}
			add(s[sp.Start:sp.End], sp.Label)
			if sp.Label == faultline.EntityPerson && sp.End-sp.Start >= 2 {
				last := s[sp.End-1]
				if isCapitalized(last) && len(last) > 2 && !hasClass(strings.ToLower(last), gazTitle) {
					add([]string{last}, faultline.EntityPerson)
				}
			}
		}
	}
	byFirst := map[string][]name{}
	keys := make([]string, 0, len(votes))
	for k := range votes {
		keys = append(keys, k)
	}
	sort.Strings(keys)
	for _, k := range keys {
		best, n := "", 0
		for _, l := range []string{faultline.EntityPerson, faultline.EntityOrg, faultline.EntityGPE, faultline.EntityLoc, faultline.EntityFac, faultline.EntityEvent, faultline.EntityMisc} {
			if votes[k][l] > n {
				best, n = l, votes[k][l]
			}
		}
		t := toksOf[k]
		if best == "" || !isCapitalized(t[0]) {
			continue
		}
		byFirst[t[0]] = append(byFirst[t[0]], name{t, best})
	}
	for i, s := range sents {
		covered := make([]bool, len(s))
		for _, sp := range out[i] {
			for k := sp.Start; k < sp.End; k++ {
				covered[k] = true
			}
		}
		var extra []Span
		for j := 0; j < len(s); j++ {
			if covered[j] {
				continue
			}
			best := -1
			label := ""
			for _, nm := range byFirst[s[j]] {
				L := len(nm.toks)
				if L <= best || j+L > len(s) {
					continue
				}
				ok := true
				for k := 0; k < L; k++ {
					if covered[j+k] || s[j+k] != nm.toks[k] {
						ok = false
						break
					}
				}
				// a single word only when it does not continue a capitalized run
				if ok && L == 1 && ((j+1 < len(s) && isCapitalized(s[j+1]) && !covered[j+1]) || (j == 0 && m.caseVocab[strings.ToLower(s[j])] == caseMostlyLower)) {
					ok = false
				}
				if ok {
					best, label = L, nm.label
				}
			}
			if best > 0 {
				extra = append(extra, Span{Start: j, End: j + best, Label: label})
				j += best - 1
			}
		}
		if len(extra) > 0 {
			out[i] = append(out[i], extra...)
			sort.Slice(out[i], func(a, b int) bool { return out[i][a].Start < out[i][b].Start })
		}
	}
	return out
}
