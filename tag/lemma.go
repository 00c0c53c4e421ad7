package tag

import (
	"slices"
	"strings"
	"unicode/utf8"

	"github.com/faultline-news/faultline/conllu"
)

// lemmatizer looks a (form, XPOS) pair up in a table learned from the
// training treebank, and for unseen forms applies the most frequent suffix
// rewrite ("cut n bytes, append s") learned for the longest matching
// suffix of the lowercased form with that XPOS.
type lemmatizer struct {
	table map[string]string // form "\t" xpos -> lemma (exact and lowercased forms)
	rules map[string]rule   // xpos "\t" suffix -> rule
}

type rule struct {
	Cut    int
	Append string
}

const maxRuleSuffix = 6
const minRuleCount = 2

func lemmaKey(form, xpos string) string { return form + "\t" + xpos }

func trainLemmatizer(sents []conllu.Sentence) *lemmatizer {
	counts := map[string]map[string]int{}
	ruleCounts := map[string]map[rule]int{}
	inc := func(k, lemma string) {
		m := counts[k]
		if m == nil {
			m = map[string]int{}
			counts[k] = m
		}
		m[lemma]++
	}
	for _, s := range sents {
		for _, w := range s.Words {
			if w.Lemma == "" || w.Lemma == "_" && w.Form != "_" {
				continue
			}
			inc(lemmaKey(w.Form, w.XPOS), w.Lemma)
			lw := strings.ToLower(w.Form)
			if lw != w.Form {
				inc(lemmaKey(lw, w.XPOS), w.Lemma)
			}
			if w.UPOS == "PROPN" {
				continue
			}
			r, ok := ruleFor(lw, w.Lemma)
			if !ok {
				continue
			}
			for k := 0; k <= maxRuleSuffix && k <= utf8.RuneCountInString(lw); k++ {
				key := w.XPOS + "\t" + suffix(lw, k)
				m := ruleCounts[key]
				if m == nil {
					m = map[rule]int{}
					ruleCounts[key] = m
				}
				m[r]++
			}
		}
	}
	l := &lemmatizer{table: map[string]string{}, rules: map[string]rule{}}
	for k, m := range counts {
		l.table[k] = argmaxString(m)
	}
	for k, m := range ruleCounts {
		best, bestN, total := rule{}, -1, 0
		for r, n := range m {
			total += n
			if n > bestN || n == bestN && (r.Cut < best.Cut || r.Cut == best.Cut && r.Append < best.Append) {
				best, bestN = r, n
			}
		}
		if total >= minRuleCount {
			l.rules[k] = best
		}
	}
	return l
}

// ruleFor returns the rewrite turning form into lemma, if lemma shares a
// prefix with form.
func ruleFor(form, lemma string) (rule, bool) {
	p := 0
	for p < len(form) && p < len(lemma) && form[p] == lemma[p] {
		p++
	}
	for p > 0 && p < len(form) && !utf8.RuneStart(form[p]) {
		p--
	}
	if p == 0 && form != "" {
		return rule{}, false
	}
	return rule{Cut: len(form) - p, Append: lemma[p:]}, true
}

func argmaxString(m map[string]int) string {
	best, bestN := "", -1
	for s, n := range m {
		if n > bestN || n == bestN && s < best {
			best, bestN = s, n
		}
	}
	return best
}

func (l *lemmatizer) lemma(form, upos, xpos string) string {
	if v, ok := l.table[lemmaKey(form, xpos)]; ok {
		return v
	}
	lw := strings.ToLower(form)
	if v, ok := l.table[lemmaKey(lw, xpos)]; ok {
		return v
	}
	if upos == "PROPN" {
		return form
	}
	n := utf8.RuneCountInString(lw)
	for k := min(maxRuleSuffix, n); k >= 0; k-- {
		r, ok := l.rules[xpos+"\t"+suffix(lw, k)]
		if !ok || r.Cut > len(lw) {
			continue
		}
		return lw[:len(lw)-r.Cut] + r.Append
	}
	return lw
}

type lemmaEntry struct{ Key, Lemma string }
type ruleEntry struct {
	Key string
	R   rule
}

func (l *lemmatizer) export() ([]lemmaEntry, []ruleEntry) {
	var le []lemmaEntry
	for k, v := range l.table {
		le = append(le, lemmaEntry{k, v})
	}
	slices.SortFunc(le, func(a, b lemmaEntry) int { return strings.Compare(a.Key, b.Key) })
	var re []ruleEntry
	for k, v := range l.rules {
		re = append(re, ruleEntry{k, v})
	}
	slices.SortFunc(re, func(a, b ruleEntry) int { return strings.Compare(a.Key, b.Key) })
	return le, re
}

func importLemmatizer(le []lemmaEntry, re []ruleEntry) *lemmatizer {
	l := &lemmatizer{table: make(map[string]string, len(le)), rules: make(map[string]rule, len(re))}
	for _, e := range le {
		l.table[e.Key] = e.Lemma
	}
	for _, e := range re {
		l.rules[e.Key] = e.R
	}
	return l
}
