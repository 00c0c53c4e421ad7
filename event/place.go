package event

import (
	"sort"

	"github.com/faultline-news/faultline"
)

// placeAtFocus gives every event that no place governs the document's
// focus place, as issue 6 asks ("the one that governs its clause, else
// the article's focus place") and as GDELT's action geography does.
func placeAtFocus(w *docWork) {
	doc := w.doc
	var focus *string
	for i := range doc.Events {
		if doc.Events[i].Place != nil {
			continue
		}
		if focus == nil {
			focus = w.focusPlace()
			if focus == nil {
				return
			}
		}
		id := *focus
		doc.Events[i].Place = &id
	}
}

// focusPlace returns the id of the place the document is about: the one
// with the most mentions read as a location (placeScore: "in Mosul"
// counts, "U.S. forces" does not), the earlier first mention winning a
// tie. Nil when no place is read as a location.
func (w *docWork) focusPlace() *string {
	doc := w.doc
	best, bestScore, bestStart := -1, 0, 0
	for pi, p := range doc.Places {
		score, start := 0, -1
		for _, m := range p.Mentions {
			si := sort.Search(len(doc.Sentences), func(i int) bool { return doc.Sentences[i].End > m.Start })
			if si == len(doc.Sentences) || doc.Sentences[si].Start > m.Start {
				continue
			}
			s := doc.Sentences[si]
			sw := &sentWork{docWork: w, lo: s.TokenStart, hi: min(s.TokenEnd, len(doc.Tokens))}
			if v := sw.placeScore(m, p.Kind); v > 0 {
				score += v
				if start < 0 || m.Start < start {
					start = m.Start
				}
			}
		}
		if score > bestScore || score > 0 && score == bestScore && start < bestStart {
			best, bestScore, bestStart = pi, score, start
		}
	}
	if best < 0 {
		return nil
	}
	id := doc.Places[best].ID
	return &id
}

// placeIn returns the place that governs the clause spanning bytes
// [lo, hi): of the place mentions in it, the one read as a location
// ("in Nairobi", "near the town of Menaka") rather than as a party
// ("Kenya's president", "Niger signed"), a city or facility before a
// country, the first one on a tie. Nil when the clause names no place.
func (sw *sentWork) placeIn(lo, hi int) *string {
	best, bestScore := -1, 0
	for pi, p := range sw.doc.Places {
		for _, m := range p.Mentions {
			if m.Start < lo || m.End > hi {
				continue
			}
			// a place read only as a party ("Niger signed", "aligned with
			// Tehran") or a country not after a preposition of place is no
			// location
			if s := sw.placeScore(m, p.Kind); s > 0 && (best < 0 || s > bestScore) {
				best, bestScore = pi, s
			}
		}
	}
	if best < 0 {
		return nil
	}
	id := sw.doc.Places[best].ID
	return &id
}

// locativeCase are the prepositions that make a place where something
// happens.
var locativeCase = map[string]bool{"in": true, "at": true, "near": true, "outside": true, "inside": true, "across": true,
	"around": true, "along": true, "into": true, "within": true, "throughout": true, "on": true, "over": true, "off": true}

// placeScore rates a place mention as the location of its clause.
func (sw *sentWork) placeScore(m faultline.Mention, kind string) int {
	score := 0
	if kind != "country" && kind != "region" {
		score++
	}
	h := -1
	for k := sw.lo; k < sw.hi; k++ {
		t := sw.doc.Tokens[k]
		if t.Start >= m.Start && t.End <= m.End && (t.Head < sw.lo || t.Head >= sw.hi || sw.doc.Tokens[t.Head].Start < m.Start || sw.doc.Tokens[t.Head].End > m.End) {
			h = k
			break
		}
	}
	if h < 0 {
		return score
	}
	c := sw.caseOf(h)
	parent := sw.doc.Tokens[h].Head
	switch {
	case locativeCase[c]:
		score += 2
	case c == "of" && parent >= sw.lo && parent < sw.hi && locativeCase[sw.caseOf(parent)]:
		// "near the town of Menaka"
		score += 2
	case c != "" && c != "from":
		// "aligned with Tehran", "talks with Moscow": a party
		score -= 2
	}
	switch sw.doc.Tokens[h].Dep {
	case "nmod:poss", "compound", "amod":
		// "Kenya's president", "Kenyan police": a party's country
		score -= 2
	case "nsubj", "nsubj:pass", "obj", "iobj":
		// "Niger signed": the country acts
		score--
	}
	return score
}
