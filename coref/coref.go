// Package coref resolves pronouns (he, she, they, it and their forms) and a
// few definite nominals ("the group", "the militia", "the city", "the
// agency", "the country") to the document-level entities of the actor
// stage, adding each resolved mention to its entity. Pronouns inside
// quotation marks are left alone: they belong to the quoted speaker's voice.
package coref

import (
	"context"
	"sort"
	"strings"

	"github.com/faultline-news/faultline"
	"github.com/faultline-news/faultline/actor"
)

// Stage is the "coref" pipeline stage.
type Stage struct{}

// New returns the coref stage.
func New() *Stage { return &Stage{} }

// Name returns "coref".
func (s *Stage) Name() string { return "coref" }

// Requires returns tokens, sentences and entities.
func (s *Stage) Requires() []faultline.Layer {
	return []faultline.Layer{faultline.LayerTokens, faultline.LayerSentences, faultline.LayerEntities}
}

// Assigns returns the entity layer (mentions are added to entities).
func (s *Stage) Assigns() []faultline.Layer { return []faultline.Layer{faultline.LayerEntities} }

type kind uint8

const (
	kindPerson kind = iota + 1
	kindGroup       // they: organisations and groups
	kindThing       // it: organisations and countries
	kindOrg         // the group, the militia, the organization
	kindCity
	kindCountry
	kindAgency
)

var pronouns = map[string]kind{
	"he": kindPerson, "him": kindPerson, "his": kindPerson, "himself": kindPerson,
	"she": kindPerson, "her": kindPerson, "hers": kindPerson, "herself": kindPerson,
	"it": kindThing, "its": kindThing, "itself": kindThing,
	"they": kindGroup, "them": kindGroup, "their": kindGroup, "themselves": kindGroup,
}

var nominals = map[string]kind{
	"group": kindOrg, "militia": kindOrg, "organization": kindOrg, "organisation": kindOrg,
	"movement": kindOrg, "alliance": kindOrg, "coalition": kindOrg,
	"city": kindCity, "town": kindCity, "capital": kindCity,
	"country": kindCountry, "nation": kindCountry,
	"agency": kindAgency,
}

// maxSentences is how far back (in sentences) an antecedent may be.
const maxSentences = 3

type entMention struct {
	start, end int
	entity     int
	sentence   int
	inQuote    bool
	subject    bool // the mention holds the head of a clause's subject
}

// offsets is a sorted list of byte offsets.
type offsets []int

// within reports whether some offset lies in [start, end).
func (o offsets) within(start, end int) bool {
	i := sort.SearchInts(o, start)
	return i < len(o) && o[i] < end
}

// subjectStarts are the start offsets of the tokens the parse marks as
// nominal subjects (empty without a parse).
func subjectStarts(doc *faultline.Document) offsets {
	var o offsets
	for _, t := range doc.Tokens {
		if t.Dep == "nsubj" || t.Dep == "nsubj:pass" {
			o = append(o, t.Start)
		}
	}
	return o
}

// Process resolves pronouns and nominals in doc.
func (s *Stage) Process(ctx context.Context, doc *faultline.Document) (err error) {
	defer func() {
		if p := recover(); p != nil {
			err = faultline.Errorf(faultline.EINTERNAL, "coref: document %q: recovered from panic: %v", doc.ID, p)
		}
	}()
	if err := ctx.Err(); err != nil {
		return faultline.Errorf(faultline.EUNAVAILABLE, "coref: document %q: %w", doc.ID, err)
	}
	Resolve(doc)
	return nil
}

// InQuotes marks, for each byte offset range of doc.Text, whether it lies
// between double quotation marks; it returns the sorted quoted ranges.
func InQuotes(text string) [][2]int {
	var out [][2]int
	open := -1
	for i := 0; i < len(text); i++ {
		c := text[i]
		switch {
		case c == '"':
			if open < 0 {
				open = i
			} else {
				out = append(out, [2]int{open, i + 1})
				open = -1
			}
		case c == 0xE2 && i+2 < len(text) && text[i+1] == 0x80 && text[i+2] == 0x9C: // “
			open = i
			i += 2
		case c == 0xE2 && i+2 < len(text) && text[i+1] == 0x80 && text[i+2] == 0x9D: // ”
			if open >= 0 {
				out = append(out, [2]int{open, i + 3})
			}
			open = -1
			i += 2
		case c == '\n' && i+1 < len(text) && text[i+1] == '\n':
			// a paragraph break ends an unclosed straight quote
			if open >= 0 && text[open] == '"' {
				open = -1
			}
		}
	}
	return out
}

func inRanges(rs [][2]int, pos int) bool {
	i := sort.Search(len(rs), func(i int) bool { return rs[i][1] > pos })
	return i < len(rs) && rs[i][0] <= pos
}

// Resolve adds pronoun and nominal mentions to doc.Entities.
func Resolve(doc *faultline.Document) {
	if len(doc.Tokens) == 0 || len(doc.Entities) == 0 {
		return
	}
	quoted := InQuotes(doc.Text)
	sentOf := func(pos int) int {
		ss := doc.Sentences
		return sort.Search(len(ss), func(i int) bool { return ss[i].End > pos })
	}
	subjects := subjectStarts(doc)
	var ms []entMention
	for ei, e := range doc.Entities {
		for _, m := range e.Mentions {
			ms = append(ms, entMention{start: m.Start, end: m.End, entity: ei, sentence: sentOf(m.Start), inQuote: inRanges(quoted, m.Start), subject: subjects.within(m.Start, m.End)})
		}
	}
	sort.Slice(ms, func(i, j int) bool { return ms[i].start < ms[j].start })
	genders := entityGenders(doc)
	taken := map[int]bool{}
	for _, m := range ms {
		taken[m.start] = true
	}
	var added []struct {
		entity int
		m      faultline.Mention
	}
	mi := 0 // ms[:mi] start before the current token
	for ti, t := range doc.Tokens {
		for mi < len(ms) && ms[mi].start < t.Start {
			mi++
		}
		if taken[t.Start] || t.End > len(doc.Text) {
			continue
		}
		w := strings.ToLower(doc.Text[t.Start:t.End])
		k, isPronoun := pronouns[w]
		end := t.End
		if !isPronoun {
			if w != "the" || ti+1 >= len(doc.Tokens) {
				continue
			}
			n := doc.Tokens[ti+1]
			nk, ok := nominals[strings.ToLower(doc.Text[n.Start:n.End])]
			if !ok {
				continue
			}
			// "the group's" is fine; "the city council" is not the city
			if ti+2 < len(doc.Tokens) {
				nx := doc.Tokens[ti+2]
				nw := doc.Text[nx.Start:nx.End]
				if p := nx.POS; p == "NOUN" || p == "PROPN" || (p == "" && isLowerWord(nw) && strings.HasSuffix(nw, "s") && !strings.HasSuffix(nw, "ss")) {
					continue
				}
			}
			k, end = nk, n.End
		}
		if inRanges(quoted, t.Start) {
			continue
		}
		sent := sentOf(t.Start)
		ante, subj := -1, -1
		for j := mi - 1; j >= 0; j-- {
			a := ms[j]
			if sent-a.sentence > maxSentences || ante >= 0 && (k != kindPerson || sent-a.sentence > 1) {
				break
			}
			if a.inQuote {
				continue
			}
			if compatible(k, &doc.Entities[a.entity]) && genderFits(w, genders[a.entity]) {
				if ante < 0 {
					ante = a.entity
				}
				if a.subject && sent-a.sentence <= 1 {
					subj = a.entity
					break
				}
			}
		}
		if subj >= 0 {
			// "Wilkerson started Maher's rant when he ...": a person pronoun
			// prefers the nearest subject of its own or the previous sentence
			ante = subj
		}
		if ante < 0 {
			continue
		}
		if g := pronounGender(w); g != genderUnknown && genders[ante] == genderUnknown {
			// the pronoun tells the gender of a person the names did not
			genders[ante] = g
		}
		added = append(added, struct {
			entity int
			m      faultline.Mention
		}{ante, faultline.Mention{Start: t.Start, End: end, Text: doc.Text[t.Start:end]}})
	}
	for _, a := range added {
		e := &doc.Entities[a.entity]
		e.Mentions = append(e.Mentions, a.m)
	}
	for i := range doc.Entities {
		ms := doc.Entities[i].Mentions
		sort.SliceStable(ms, func(a, b int) bool { return ms[a].Start < ms[b].Start })
	}
}

// genderFits reports whether pronoun w may refer to a person of gender g.
func genderFits(w string, g gender) bool {
	pg := pronounGender(w)
	return pg == genderUnknown || g == genderUnknown || pg == g
}

func isLowerWord(w string) bool {
	return w != "" && w[0] >= 'a' && w[0] <= 'z'
}

func compatible(k kind, e *faultline.Entity) bool {
	switch k {
	case kindPerson:
		return e.Type == faultline.EntityPerson
	case kindGroup:
		return e.Type == faultline.EntityOrg
	case kindThing:
		return e.Type == faultline.EntityOrg || e.Type == faultline.EntityGPE && actor.IsCountry(e.Name)
	case kindOrg:
		return e.Type == faultline.EntityOrg && (e.Actor == nil || !hasRole(e.Actor.Roles, "MED"))
	case kindCity:
		return e.Type == faultline.EntityGPE && !actor.IsCountry(e.Name)
	case kindCountry:
		return e.Type == faultline.EntityGPE && actor.IsCountry(e.Name)
	case kindAgency:
		return e.Type == faultline.EntityOrg && strings.Contains(strings.ToLower(e.Name), "agency")
	}
	return false
}

func hasRole(roles []string, r string) bool {
	for _, x := range roles {
		if x == r {
			return true
		}
	}
	return false
}
