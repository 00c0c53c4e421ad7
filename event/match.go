package event

import (
	"slices"
	"strings"

	"github.com/faultline-news/faultline/lexicon/petrarch"
)

// codeVerb codes verb token v: the dictionary verb (with its particles)
// that fits best, refined by the most specific of its block's patterns, else
// our own verb table. spec counts the literal words a pattern matched; last
// is the last token of the trigger (the verb or its particle).
func (sw *sentWork) codeVerb(v int) (code petrarch.EventCode, spec int, last int) {
	code, spec, last, _ = sw.codeVerbNeg(v)
	return code, spec, last
}

// codeVerbNeg is codeVerb also telling whether the chosen pattern spelled
// out a negation ("- &NEGATVAUXVRB * OVER EFFORTS"): its code already
// stands for the negated action.
func (sw *sentWork) codeVerbNeg(v int) (code petrarch.EventCode, spec int, last int, negCoded bool) {
	last = v
	for _, d := range sw.c.layers {
		if d == nil || d.Verbs == nil {
			continue
		}
		cands := d.Verbs.ByLemma(sw.lemmas[v])
		if len(cands) == 0 {
			cands = d.Verbs.ByForm(sw.words[v])
		} else if sw.words[v] != sw.lemmas[v] {
			// an entry written for this very form ("LEFT [032:033]"
			// beside "LEAVE [012]") competes with the lemma's
			for _, vb := range d.Verbs.ByForm(sw.words[v]) {
				if vb.Lemma == sw.words[v] {
					cands = append(cands, vb)
				}
			}
		}
		if len(cands) == 0 {
			continue
		}
		// the most particles win, then an entry for the very form
		var best *petrarch.Verb
		bestLen, bestLast := -1, v
		for _, vb := range cands {
			end, ok := sw.particlesMatch(v, vb)
			if !ok {
				continue
			}
			n := 2 * (len(vb.After) + len(vb.Before))
			if vb.Lemma == sw.words[v] && sw.words[v] != sw.lemmas[v] {
				n++
			}
			if n > bestLen {
				best, bestLen, bestLast = vb, n, end
			}
		}
		if best == nil {
			continue
		}
		code = best.Code
		if code.IsNull() && best.Block != nil {
			code = best.Block.Code
		}
		last = bestLast
		if best.Block != nil {
			if p, n, neg := sw.bestPattern(d.Verbs, best.Block.Patterns, v); p != nil {
				return p.Code, n, last, neg
			}
		}
		return code, 0, last, false
	}
	if !sw.c.opts.OwnVerbs {
		return petrarch.EventCode{}, 0, v, false
	}
	if cd := sw.ownObjectCode(v); cd != "" {
		return petrarch.EventCode{Code: cd}, 1, v, false
	}
	for _, ov := range ownIndex[sw.ownLemma(v)] {
		if ov.particle == "" {
			return petrarch.EventCode{Code: ov.code}, 0, v, false
		}
		if end, ok := sw.particleAfter(v, ov.particle); ok {
			return petrarch.EventCode{Code: ov.code}, 1, end, false
		}
	}
	return petrarch.EventCode{}, 0, v, false
}

// particlesMatch checks a multi-word verb's words around v.
func (sw *sentWork) particlesMatch(v int, vb *petrarch.Verb) (int, bool) {
	end := v
	for _, p := range vb.After {
		e, ok := sw.particleAfter(v, p)
		if !ok {
			return v, false
		}
		if e > end && e-v <= 3 {
			end = e
		}
	}
	for i, p := range vb.Before {
		k := v - len(vb.Before) + i
		if k < sw.lo || sw.words[k] != p {
			return v, false
		}
	}
	return end, true
}

// particleAfter finds word p as a particle of v: a compound:prt child, the
// case of an oblique of v, or one of the next three tokens.
func (sw *sentWork) particleAfter(v int, p string) (int, bool) {
	for _, k := range sw.kids[v] {
		d := sw.doc.Tokens[k].Dep
		if (d == "compound:prt" || d == "advmod") && sw.words[k] == p {
			return k, true
		}
		if d == "obl" || d == "obl:agent" {
			for _, c := range sw.kids[k] {
				if sw.doc.Tokens[c].Dep == "case" && sw.words[c] == p {
					return v, true
				}
			}
		}
	}
	for k := v + 1; k < sw.hi && k <= v+3; k++ {
		if sw.words[k] == p {
			return k, true
		}
	}
	return v, false
}

// bestPattern returns the pattern whose literal words and synsets all occur
// around v (pre-verb ones before it, post-verb ones after it, in order)
// with the most literal items; nil when none has any.
func (sw *sentWork) bestPattern(vd *petrarch.VerbDict, pats []*petrarch.Pattern, v int) (*petrarch.Pattern, int, bool) {
	var best *petrarch.Pattern
	bestN, bestNeg, bestRecip := 0, false, false
	sw.markClause(v)
	// a passive verb's subject is its logical object: the words a pattern
	// expects after the verb may stand in the subject ("evidence ... was
	// presented" for "* EVIDENCE")
	patientLo := -1
	for _, k := range sw.kids[v] {
		if sw.doc.Tokens[k].Dep == "nsubj:pass" && k < v {
			patientLo = sw.subtreeMin(k)
		}
	}
	for _, p := range pats {
		sw.negSeen, sw.recipSeen = false, false
		n1, ok := sw.matchSide(vd, p.Post, v+1, sw.hi, v)
		if !ok && patientLo >= 0 && len(p.Post) > 0 {
			n1, ok = sw.matchSide(vd, p.Post, patientLo, v, v)
		}
		if !ok {
			continue
		}
		n2, ok := sw.matchSide(vd, p.Pre, sw.lo, v, v)
		if !ok {
			continue
		}
		n := n1 + n2
		if n > bestN || (n == bestN && n > 0 && best != nil && (!ownVerbPattern(best, sw.lemmas[v]) && ownVerbPattern(p, sw.lemmas[v]) || samePattern(best, p))) {
			// the same pattern written again later replaces the first,
			// as in PETRARCH's pattern tree ("- * &INVESTIGATION" 091,
			// then 1014 under ORDER)
			best, bestN, bestNeg, bestRecip = p, n, sw.negSeen, sw.recipSeen
		}
	}
	sw.reciprocalPattern = best != nil && bestRecip
	sw.swappedPattern = best != nil && targetFirst(best)
	return best, bestN, bestNeg
}

// samePattern reports whether two patterns are written alike but for
// their codes and comments.
func samePattern(a, b *petrarch.Pattern) bool {
	key := func(p *petrarch.Pattern) string {
		r := p.Raw
		if i := strings.IndexByte(r, '['); i >= 0 {
			r = r[:i]
		}
		return strings.Join(strings.Fields(r), " ")
	}
	return a.Raw != "" && key(a) == key(b)
}

// subtreeMin returns the first token of k's subtree.
func (sw *sentWork) subtreeMin(k int) int {
	lo := k
	var walk func(n, depth int)
	walk = func(n, depth int) {
		if n < lo {
			lo = n
		}
		if depth > 12 {
			return
		}
		for _, c := range sw.kids[n] {
			walk(c, depth+1)
		}
	}
	walk(k, 0)
	if lo < sw.lo {
		lo = sw.lo
	}
	return lo
}

// targetFirst reports whether a pattern puts the target before the verb
// and the source after it ("- + * MONEY $": "X received money from Y" is Y
// giving to X).
func targetFirst(p *petrarch.Pattern) bool {
	has := func(cs []petrarch.Constituent, k petrarch.ElementKind) bool {
		for _, c := range cs {
			for _, e := range c.Elements {
				if e.Kind == k {
					return true
				}
			}
		}
		return false
	}
	return has(p.Pre, petrarch.Target) && !has(p.Pre, petrarch.Source) && !has(p.Post, petrarch.Target)
}

// ownVerbPattern reports whether a pattern was written for this verb of its
// block (the "# STAGE" comment of PETRARCH's dictionaries).
func ownVerbPattern(p *petrarch.Pattern, lemma string) bool {
	return strings.EqualFold(strings.TrimSpace(firstWord(p.Comment)), lemma)
}

func firstWord(s string) string {
	s = strings.TrimSpace(s)
	if i := strings.IndexAny(s, " \t"); i >= 0 {
		return s[:i]
	}
	return s
}

// markClause marks the tokens of v's own clause: its subtree without the
// subtrees of coordinated and subordinate clauses.
func (sw *sentWork) markClause(v int) {
	if cap(sw.inClause) < sw.hi-sw.lo {
		sw.inClause = make([]bool, sw.hi-sw.lo)
	}
	sw.inClause = sw.inClause[:sw.hi-sw.lo]
	if cap(sw.belowObl) < sw.hi-sw.lo {
		sw.belowObl = make([]bool, sw.hi-sw.lo)
	}
	sw.belowObl = sw.belowObl[:sw.hi-sw.lo]
	for i := range sw.inClause {
		sw.inClause[i], sw.belowObl[i] = false, false
	}
	var walk func(k, depth int, below bool)
	walk = func(k, depth int, below bool) {
		if k < sw.lo || k >= sw.hi || sw.inClause[k-sw.lo] || depth > 20 {
			return
		}
		sw.inClause[k-sw.lo] = true
		sw.belowObl[k-sw.lo] = below
		for _, c := range sw.kids[k] {
			b := below
			if depth == 1 && sw.doc.Tokens[k].Dep == "obl" && sw.doc.Tokens[c].Dep == "nmod" && sw.hasCase(c, "of") {
				// "at the start of a regional trip": the oblique's head
				// noun is matched, not the noun it is a part of
				b = true
			}
			switch sw.doc.Tokens[c].Dep {
			case "ccomp":
				if depth == 0 && sw.doc.Tokens[c].POS != "VERB" {
					// a copular complement has no verb to code: its
					// words describe v's content ("allowed that X is
					// not the neatest place")
					break
				}
				continue
			case "conj", "advcl", "parataxis", "acl:relcl", "csubj", "list":
				continue
			}
			walk(c, depth+1, b)
		}
	}
	walk(v, 0, false)
}

// negWord reports whether a token is a negation.
func negWord(w string) bool { return w == "not" || w == "n't" || w == "never" || w == "no" }

// matchSide matches the literal elements of constituents in order over
// tokens [lo, hi); the words after the verb must lie in v's subtree.
func (sw *sentWork) matchSide(vd *petrarch.VerbDict, cs []petrarch.Constituent, lo, hi, v int) (int, bool) {
	k, n := lo, 0
	for _, c := range cs {
		if c.Kind == petrarch.Prep && c.Prep != "" {
			j := sw.find(k, hi, func(i int) int {
				if i > v && !sw.inClause[i-sw.lo] {
					return 0
				}
				if sw.words[i] == c.Prep {
					return 1
				}
				return 0
			})
			if j < 0 {
				return 0, false
			}
			k, n = j, n+1
		}
		for _, e := range c.Elements {
			switch e.Kind {
			case petrarch.Compound:
				if hi > v {
					// '%' after the verb ("* WITH %") is not checked
					continue
				}
				// '%' before the verb: the subject is a coordination of
				// actors, each acting on the others
				if !sw.compoundSubject {
					return 0, false
				}
				n++
				sw.recipSeen = true
			case petrarch.Word:
				w := e.Text
				j := sw.find(k, joinedEnd(e, k, hi), func(i int) int {
					if i > v && (!sw.inClause[i-sw.lo] || sw.belowObl[i-sw.lo]) {
						return 0
					}
					if sw.words[i] == w || sw.lemmas[i] == w {
						return 1
					}
					return 0
				})
				if j < 0 {
					return 0, false
				}
				k, n = j, n+1
			case petrarch.SynsetEl:
				name := e.Text
				j := sw.find(k, joinedEnd(e, k, hi), func(i int) int {
					if i > v && !sw.inClause[i-sw.lo] {
						return 0
					}
					return vd.MatchSynset(name, sw.words[:sw.hi], i)
				})
				if j < 0 {
					return 0, false
				}
				k, n = j, n+1
			}
		}
	}
	return n, true
}

// joinedEnd limits the search for a literal tied to the one before by '_'
// to the token right after it.
func joinedEnd(e petrarch.Element, k, hi int) int {
	if e.Joined && k+1 < hi {
		return k + 1
	}
	return hi
}

// find returns the index after the first match at or after from (before
// hi), -1 when none; match returns the number of tokens matched at i. It
// notes in sw.negSeen whether a matched token is a negation.
func (sw *sentWork) find(from, hi int, match func(i int) int) int {
	for i := from; i < hi; i++ {
		if l := match(i); l > 0 {
			for k := i; k < i+l && k < len(sw.words); k++ {
				if negWord(sw.words[k]) {
					sw.negSeen = true
				}
			}
			return i + l
		}
	}
	return -1
}

// ownObjectCode codes v by ownObjectVerbs: "" unless v is one of their
// verbs with one of their objects.
func (sw *sentWork) ownObjectCode(v int) string {
	for _, ov := range ownObjectVerbs {
		if !slices.Contains(ov.lemmas, sw.lemmas[v]) {
			continue
		}
		for _, k := range sw.kids[v] {
			if d := sw.doc.Tokens[k].Dep; d != "obj" && d != "nsubj:pass" {
				continue
			}
			obj := sw.lemmas[k]
			word := strings.ToLower(sw.words[k])
			for _, c := range sw.kids[k] {
				if sw.doc.Tokens[c].Dep == "compound" && c == k-1 {
					obj, word = sw.lemmas[c]+" "+obj, strings.ToLower(sw.words[c])+" "+word
				}
			}
			if !slices.Contains(ov.objects, obj) && !slices.Contains(ov.objects, word) {
				continue
			}
			if ov.code == "145" && !sw.protestSubject(v) {
				// "settlers threw stones at a car": an assault
				return "182"
			}
			return ov.code
		}
	}
	return ""
}

// protestSubject reports whether v's subject is a protester-like noun
// ("protesters threw stones").
func (sw *sentWork) protestSubject(v int) bool {
	heads, _ := sw.subjectOf(v)
	for _, h := range heads {
		if protestSubjects[strings.ToLower(sw.words[h])] || protestSubjects[sw.lemmas[h]] {
			return true
		}
	}
	return false
}

// ownLemma is v's lemma, or when our verb table does not know it, the
// lemma of a regular inflection of the word that it knows: the lemmatizer
// reads "raided" as "raide".
func (sw *sentWork) ownLemma(v int) string {
	l := sw.lemmas[v]
	if _, ok := ownIndex[l]; ok {
		return l
	}
	w := strings.ToLower(sw.words[v])
	var cands []string
	switch {
	case strings.HasSuffix(w, "ied"):
		cands = []string{w[:len(w)-3] + "y"}
	case strings.HasSuffix(w, "ed"):
		cands = []string{w[:len(w)-1], w[:len(w)-2]}
		if n := len(w) - 2; n >= 2 && w[n-1] == w[n-2] {
			cands = append(cands, w[:n-1])
		}
	case strings.HasSuffix(w, "ing"):
		cands = []string{w[:len(w)-3], w[:len(w)-3] + "e"}
	case strings.HasSuffix(w, "es"):
		cands = []string{w[:len(w)-1], w[:len(w)-2]}
	case strings.HasSuffix(w, "s"):
		cands = []string{w[:len(w)-1]}
	}
	for _, c := range cands {
		if _, ok := ownIndex[c]; ok {
			return c
		}
	}
	return l
}
