package quote

import (
	"strings"

	"github.com/faultline-news/faultline"
)

// Attributions read from the dependency parse of the quote's own sentence.

// clauseSubject reads the speaker of a quote that stands inside a clause
// of its sentence rather than after a reporting verb with a comma: "Moore
// thanked him for “stepping up”", "Some chanted “USA! USA!”", "A report
// found “no evidence of ...”". The quote's head word is governed by a word
// before the opening mark; the speaker is the nominal subject of the
// nearest verb above it (through participles, relative clauses and
// objects: "Trump posted a message reading “...”" is Trump). It is nil
// when the quote opens its sentence, when the parse is missing, or when
// the clause has no subject before the quote: no speaker is guessed from
// another sentence.
func (f *finder) clauseSubject(d *draft) *attribution {
	if !f.parsed || d.open <= 0 {
		return nil
	}
	sent := f.sentOf[d.open]
	lo := f.paraBeg[d.para]
	if d.open == lo || f.sentOf[d.open-1] != sent {
		return nil
	}
	last := d.close
	if last < 0 {
		last = d.te - 1
	}
	inside := func(k int) bool { return k >= d.open && k <= last }
	// the quote's head: climb from its first word while the head stays inside
	k := d.ts
	for n := 0; n < 64; n++ {
		h := f.toks[k].head
		if h < 0 || h == k || !inside(h) {
			break
		}
		k = h
	}
	v := f.toks[k].head
	if v < 0 || v >= d.open || v < lo || f.sentOf[v] != sent || f.inQuote[v] >= 0 {
		return nil
	}
	for n := 0; n < 6 && v >= lo && v < d.open && f.sentOf[v] == sent; n++ {
		if addressed[f.toks[v].lw] && f.passive(v) {
			// "Olsen was asked, “...”": the subject is addressed
			return nil
		}
		if s, e, ok := f.parseSubject(v); ok && e <= d.open {
			if f.inQuote[s] >= 0 || f.inQuote[e-1] >= 0 {
				return nil
			}
			lw := f.toks[s].lw
			if e-s == 1 && (lw == "it" || lw == "there" || lw == "this" || lw == "you") {
				return nil
			}
			if e-s == 1 && (lw == "that" || lw == "which" || lw == "who") {
				// "a headline that said “...”": the noun the clause describes
				h := f.toks[v].head
				if h < 0 || h >= s || f.toks[v].dep != "acl:relcl" {
					return nil
				}
				if s2, e2 := f.nounPhrase(h, lo); e2 > s2 {
					return &attribution{speakerTS: s2, speakerTE: e2, cue: f.toks[v].lw, cueTok: v}
				}
				return nil
			}
			if !f.nominalHead(e - 1) {
				return nil
			}
			return &attribution{speakerTS: s, speakerTE: e, cue: f.toks[v].lw, cueTok: v}
		}
		switch f.toks[v].dep {
		case "acl", "acl:relcl", "advcl", "xcomp", "conj", "obj", "obl", "nmod", "iobj", "ccomp", "nsubj", "appos":
		default:
			return nil
		}
		h := f.toks[v].head
		if h < 0 || h == v {
			return nil
		}
		v = h
	}
	return nil
}

// nounPhrase is the noun phrase headed by token h: its determiners,
// modifiers and compounds before it, the head itself and flat names after.
func (f *finder) nounPhrase(h, lo int) (int, int) {
	s := h
	for k := h - 1; k >= lo && h-k < 8; k-- {
		if f.toks[k].head != h && !f.dominates(h, k) {
			break
		}
		switch f.toks[k].dep {
		case "det", "amod", "compound", "nmod:poss", "nummod", "case", "flat", "det:poss", "advmod":
			s = k
			continue
		}
		if f.dominates(h, k) && s == k+1 {
			s = k
			continue
		}
		break
	}
	e := h + 1
	for e < len(f.toks) && f.toks[e].head == h && (f.toks[e].dep == "flat" || f.toks[e].dep == "compound" || f.toks[e].dep == "flat:name") {
		e++
	}
	if f.inQuote[s] >= 0 || e-s > 10 {
		return 0, 0
	}
	return s, e
}

// participleSubject reads from the parse who does the act of a participle
// ("Clinton's aide rallied supporters, saying: “...”"): the subject of the
// verb the participle modifies, climbing through coordinated and adverbial
// clauses; a participle modifying a noun ("marchers chanting “...”") has
// that noun. ok is false without a parse or an answer before token i.
func (f *finder) participleSubject(i int) (int, int, bool) {
	if !f.parsed {
		return 0, 0, false
	}
	lo := f.paraBeg[f.para[i]]
	sent := f.sentOf[i]
	v := i
	for n := 0; n < 5; n++ {
		if v == i {
			// "with Kelso reportedly shouting: “...”": the participle's own
			// subject
			if s, e, ok := f.parseSubject(i); ok && e <= i && s >= lo && f.sentOf[s] == sent && f.namedSubject(s, e) && !f.punctBetween(e, i) {
				for s < e-1 && f.toks[s].pos == "ADP" {
					s++ // "with Kelso"
				}
				return s, e, true
			}
		}
		if v != i {
			if s, e, ok := f.parseSubject(v); ok && e <= i && s >= lo && f.sentOf[s] == sent {
				if c := f.reportingHead(v); c >= 0 && (sayParticiples[f.toks[i].lw] || f.toks[i].pos == "VERB" && f.isCue(i)) {
					// "Kelso said the plan was drafted by the council and
					// said, “...”", "X said Y must choose, saying, “...”":
					// a verb of saying attached inside the reported clause
					// still belongs to the one who reports it
					if cs, ce, ok := f.parseSubject(c); ok && ce <= i && cs >= lo && f.sentOf[cs] == sent {
						return cs, ce, true
					}
				}
				return s, e, true
			}
		}
		dep := f.toks[v].dep
		h := f.toks[v].head
		if h < lo || h == v || h >= len(f.toks) || f.sentOf[h] != sent || h > i {
			return 0, 0, false
		}
		switch dep {
		case "advcl", "conj", "xcomp":
			v = h
		case "acl":
			// "sent a statement saying “...”": the one who sent it
			if p := f.toks[h].pos; p != "NOUN" && p != "PROPN" && p != "PRON" {
				return 0, 0, false
			}
			if d := f.toks[h].dep; d != "obj" && d != "obl" && d != "nmod" {
				return 0, 0, false
			}
			v = h
		case "obj", "obl", "nmod":
			if v == i {
				return 0, 0, false
			}
			v = h
		default:
			return 0, 0, false
		}
	}
	return 0, 0, false
}

// punctBetween reports whether a punctuation token lies in [a, b): a
// subject the parse gives a participle across a comma is an object of the
// clause before ("urged women to vote for Smith, saying").
func (f *finder) punctBetween(a, b int) bool {
	for k := a; k < b; k++ {
		if isPunct(f.toks[k].w) {
			return true
		}
	}
	return false
}

// sayParticiples report speech itself, not a manner of it: inside a
// reported clause they still belong to its reporter.
var sayParticiples = setOf(`saying adding noting writing telling arguing explaining insisting stating declaring asking warning`)

// reportingHead is the cue verb whose reported clause holds verb v
// (through coordinated, open and adverbial clauses), or -1.
func (f *finder) reportingHead(v int) int {
	for n := 0; n < 6; n++ {
		h := f.toks[v].head
		if h < 0 || h == v || h >= len(f.toks) || f.sentOf[h] != f.sentOf[v] {
			return -1
		}
		switch f.toks[v].dep {
		case "ccomp":
			if f.toks[h].pos == "VERB" && f.isCue(h) {
				return h
			}
			return -1
		case "conj", "xcomp", "advcl":
			v = h
		default:
			return -1
		}
	}
	return -1
}

// addressed are verbs whose passive subject is spoken to, not speaking.
var addressed = setOf(`asked told questioned pressed challenged urged`)

// passive reports whether verb v has a passive subject or auxiliary.
func (f *finder) passive(v int) bool {
	lo := f.paraBeg[f.para[v]]
	for k := v - 1; k >= lo && v-k < 40; k-- {
		if f.toks[k].head == v && (f.toks[k].dep == "nsubj:pass" || f.toks[k].dep == "aux:pass") {
			return true
		}
	}
	return false
}

// modifiedSubject corrects a speaker phrase [s, e) read right before cue c
// when the parse shows it inside a modifier of the cue's real subject: "a
// White House official who spoke anonymously to discuss internal strategy
// said", "Another source speaking to Fox News said". ok is false when the
// parse agrees or has no subject.
func (f *finder) modifiedSubject(c, s, e int) (int, int, bool) {
	if !useParse || !f.parsed || e-s == 1 && pronounWords[f.toks[s].lw] {
		return 0, 0, false
	}
	ps, pe, ok := f.parseSubject(c)
	if !ok || ps >= s || pe > s {
		return 0, 0, false
	}
	// the parse subject's head: the token of [ps, pe) whose head lies outside
	head := -1
	for k := ps; k < pe; k++ {
		if h := f.toks[k].head; h == c {
			head = k
		}
	}
	if head < 0 || !f.dominates(head, e-1) {
		return 0, 0, false
	}
	if mi := f.mentAt[e-1]; mi >= 0 && f.doc.Entities[f.ments[mi].entity].Type == faultline.EntityPerson {
		return 0, 0, false
	}
	// a relative clause or participle on the subject holds the phrase
	for k := pe; k < s; k++ {
		if f.toks[k].head == head && (f.toks[k].dep == "acl" || f.toks[k].dep == "acl:relcl") && f.dominates(k, e-1) {
			return ps, pe, true
		}
	}
	return 0, 0, false
}

// titleAbbrevs spell out the titles written before names.
var titleAbbrevs = map[string]string{
	"sen.": "senator", "rep.": "congressman", "gov.": "governor", "gen.": "general", "sec.": "secretary",
	"pres.": "president", "lt.": "lieutenant", "col.": "colonel", "maj.": "major", "capt.": "captain",
	"amb.": "ambassador", "atty.": "attorney", "supt.": "superintendent",
}

// titlePreps end the head of a title ("spokesman for the ministry").
var titlePreps = setOf(`of for at in to with from on`)

// titleHead is the word a title or a description is about: the word before
// a preposition ("secretary of state", "spokesman for the ministry"), else
// the last word, lower-cased and spelled out.
func titleHead(words []string) string {
	h := ""
	for i, w := range words {
		lw := strings.ToLower(w)
		if titlePreps[lw] && i > 0 {
			break
		}
		h = lw
	}
	if full, ok := titleAbbrevs[h]; ok {
		return full
	}
	return h
}

// titleAntecedent links a speaker described by a title ("the spokesman",
// "the Vermont senator", "the former secretary of state") to the person
// mentioned last before it with that title ("Jafar al-Hosseini, a
// spokesman ..."), or -1.
func (f *finder) titleAntecedent(s, e int) int {
	if e-s < 2 || e-s > 6 || f.toks[s].lw != "the" {
		return -1
	}
	words := make([]string, 0, e-s-1)
	for k := s + 1; k < e; k++ {
		if !isWordToken(f.toks[k].w) {
			return -1
		}
		words = append(words, f.toks[k].w)
	}
	head := titleHead(words)
	if head == "" || startsUpper(words[len(words)-1]) && len(words) == 1 {
		return -1
	}
	best, bestAt := -1, -1
	for ei := range f.doc.Entities {
		ent := &f.doc.Entities[ei]
		if ent.Type != faultline.EntityPerson {
			continue
		}
		match := false
		for _, t := range ent.Titles {
			if titleHead(strings.Fields(t)) == head {
				match = true
				break
			}
		}
		if !match {
			continue
		}
		for _, m := range ent.Mentions {
			if m.End <= f.toks[s].start && m.Start > bestAt {
				best, bestAt = ei, m.Start
			}
		}
	}
	return best
}
