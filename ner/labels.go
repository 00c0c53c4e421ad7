package ner

import (
	"strings"
	"unicode"
	"unicode/utf8"

	"github.com/faultline-news/faultline"
)

// trainTypes are the entity types the statistical model predicts. GPE and
// FAC are split off LOC afterwards (gazetteer, head nouns); LAW is not
// predicted yet (no training data has it).
var trainTypes = []string{
	faultline.EntityPerson, faultline.EntityOrg, faultline.EntityLoc,
	faultline.EntityNORP, faultline.EntityEvent, faultline.EntityMisc,
}

// BILOU tag layout: tag 0 is O; type k has B=1+4k, I=2+4k, L=3+4k, U=4+4k.
const (
	tagB = 1
	tagI = 2
	tagL = 3
	tagU = 4
)

func tagOf(typeIdx, part int) int { return 1 + 4*typeIdx + (part - 1) }

func tagPart(t int) int {
	if t == 0 {
		return 0
	}
	return (t-1)%4 + 1
}

func tagType(t int) int { return (t - 1) / 4 }

// allowed reports whether tag b may follow tag a (a = -1 for the start).
func allowed(a, b int) bool {
	pa, pb := 0, tagPart(b)
	if a >= 0 {
		pa = tagPart(a)
	}
	open := pa == tagB || pa == tagI
	if open {
		return (pb == tagI || pb == tagL) && tagType(a) == tagType(b)
	}
	return pb == 0 || pb == tagB || pb == tagU
}

// allowedEnd reports whether a sentence may end with tag a.
func allowedEnd(a int) bool {
	p := tagPart(a)
	return p != tagB && p != tagI
}

// personTitles are words that GMB puts inside person spans ("President
// Mahmoud Abbas", "Mr. Bush") and UNER leaves out. Training strips them so
// the model learns names alone; the GMB scorer re-attaches them.
var personTitles = func() map[string]bool {
	m := map[string]bool{}
	for _, w := range strings.Split(titleWords, "|") {
		m[w] = true
	}
	for _, w := range []string{"of", "and", "general", "state", "affairs", "u.n.", "nations", "secretary-general", "defense", "foreign"} {
		m[w] = true
	}
	return m
}()

func isPersonTitle(w string) bool {
	return personTitles[strings.ToLower(w)]
}

// looksLikeDemonym guesses whether one capitalized word names a people
// rather than a place: listed demonyms and religious groups, or an
// adjective suffix on a word that is not a listed country.
func looksLikeDemonym(w string) bool {
	lw := strings.ToLower(w)
	if isDemonym(lw) {
		return true
	}
	if hasClass(lw, gazCountry) || hasClass(lw, gazCity) {
		return false
	}
	r, _ := utf8.DecodeRuneInString(w)
	if !unicode.IsUpper(r) {
		return false
	}
	for _, suf := range []string{"ans", "ian", "ese", "ish", "is", "an", "i", "ic"} {
		if strings.HasSuffix(lw, suf) && len(lw) > len(suf)+2 {
			return true
		}
	}
	return false
}

// trainSpans maps a gold sentence's corpus labels to the model's types for
// training. GMB person spans lose their leading titles; GMB time spans and
// unknown labels are dropped.
func trainSpans(f Format, s Sentence) []Span {
	var out []Span
	for _, sp := range s.Spans {
		label := ""
		switch f {
		case FormatIOB2, FormatGUM:
			switch sp.Label {
			case "PER":
				label = faultline.EntityPerson
			case "ORG":
				label = faultline.EntityOrg
			case "LOC":
				label = faultline.EntityLoc
			case "OTH":
				label = faultline.EntityMisc
				if sp.End-sp.Start == 1 && looksLikeDemonym(s.Words[sp.Start]) {
					label = faultline.EntityNORP
				}
			}
		case FormatGMB:
			switch sp.Label {
			case "per":
				label = faultline.EntityPerson
				for sp.End-sp.Start > 1 && isPersonTitle(s.Words[sp.Start]) {
					sp.Start++
				}
				if isPersonTitle(s.Words[sp.Start]) {
					continue // a title alone ("Prime"): GMB noise
				}
			case "org":
				label = faultline.EntityOrg
			case "geo":
				label = faultline.EntityLoc
			case "gpe":
				label = faultline.EntityNORP
				if sp.End-sp.Start > 1 || !looksLikeDemonym(s.Words[sp.Start]) {
					label = faultline.EntityLoc
				}
			case "eve":
				label = faultline.EntityEvent
			case "art", "nat":
				label = faultline.EntityMisc
			}
		}
		if f == FormatGUM && label == faultline.EntityPerson {
			// GUM keeps titles inside names ("Justice Scalia") and marks bare
			// titles ("the Secretary") and peoples ("Americans") as persons.
			for sp.End-sp.Start > 1 && isPersonTitle(s.Words[sp.Start]) {
				sp.Start++
			}
			if isPersonTitle(s.Words[sp.Start]) {
				continue
			}
			if sp.End-sp.Start == 1 && looksLikeDemonym(s.Words[sp.Start]) {
				label = faultline.EntityNORP
			}
		}
		if label != "" {
			sp.Label = label
			out = append(out, sp)
		}
	}
	return out
}

// spansToTags writes BILOU tags for spans over n tokens. Overlapping spans
// keep the first.
func spansToTags(n int, spans []Span, types []string) []int {
	tags := make([]int, n)
	for _, sp := range spans {
		k := -1
		for i, t := range types {
			if t == sp.Label {
				k = i
			}
		}
		if k < 0 || sp.Start < 0 || sp.End > n || sp.Start >= sp.End {
			continue
		}
		free := true
		for i := sp.Start; i < sp.End; i++ {
			if tags[i] != 0 {
				free = false
			}
		}
		if !free {
			continue
		}
		if sp.End-sp.Start == 1 {
			tags[sp.Start] = tagOf(k, tagU)
			continue
		}
		tags[sp.Start] = tagOf(k, tagB)
		for i := sp.Start + 1; i < sp.End-1; i++ {
			tags[i] = tagOf(k, tagI)
		}
		tags[sp.End-1] = tagOf(k, tagL)
	}
	return tags
}

// tagsToSpans reads spans back from a valid BILOU sequence.
func tagsToSpans(tags []int, types []string) []Span {
	var out []Span
	start := -1
	for i, t := range tags {
		switch tagPart(t) {
		case tagU:
			out = append(out, Span{Start: i, End: i + 1, Label: types[tagType(t)]})
			start = -1
		case tagB:
			start = i
		case tagL:
			if start >= 0 {
				out = append(out, Span{Start: start, End: i + 1, Label: types[tagType(t)]})
			}
			start = -1
		case 0:
			start = -1
		}
	}
	return out
}
