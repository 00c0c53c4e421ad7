package quote

import (
	"strings"

	"github.com/faultline-news/faultline"
)

// Attributions read around a quote rather than in its own clause.

// asVerbs are the verbs of an "As X wrote, “...”" clause besides the cues.
var asVerbs = map[string]bool{
	"written": true, "sang": true, "sings": true, "put": true, "puts": true, "wrote": true, "said": true,
	"says": true, "noted": true, "notes": true, "observed": true, "reported": true, "reports": true,
	"explained": true, "explains": true, "argued": true, "argues": true, "joked": true, "quipped": true,
	"told": true, "tells": true, "stated": true, "declared": true, "asked": true, "warned": true,
}

// asClause reads "As the columnist Louella Parsons had written, “...”" and
// "As The Ledger's Nora Finch puts it, “...”": a sentence opening with
// "As", a speaker and a verb of saying, ending in a comma or colon right
// before the opening mark.
func (f *finder) asClause(d *draft) *attribution {
	if d.open < 3 {
		return nil
	}
	if w := f.toks[d.open-1].w; w != "," && w != ":" {
		return nil
	}
	lo := f.paraBeg[d.para]
	b := d.open - 1
	for b > lo && !f.sentStart(b) && f.inQuote[b-1] < 0 && d.open-b < 30 {
		b--
	}
	if f.toks[b].lw != "as" || !(b == lo || f.sentStart(b)) || f.toks[b+1].lw == "for" {
		return nil
	}
	for k := b + 2; k < d.open-1 && k-b <= 12; k++ {
		if w := f.toks[k].w; w == "," || w == ":" {
			return nil
		}
		if !asVerbs[f.toks[k].lw] && !f.isCue(k) {
			continue
		}
		for j := k + 1; j < d.open-1; j++ {
			if w := f.toks[j].w; w == "," || w == ":" || f.isCue(j) {
				return nil // "As for critics who claim ..., Bolton said, “"
			}
		}
		s, e := f.subjectBefore(k)
		if e <= s || s < b+1 || !f.namedSubject(s, e) && !f.nominalHead(e-1) {
			return nil
		}
		f.usedCue[k] = true
		return &attribution{speakerTS: s, speakerTE: e, cue: f.toks[k].lw, cueTok: k}
	}
	return nil
}

func isDash(w string) bool { return w == "-" || w == "—" || w == "–" || w == "--" }

// dashLine reads the speaker line of the fact-check layout: a paragraph
// holding only the quote, then a paragraph "- Bernie Sanders." or
// "-Mayor Ellen Varga, writing after the council's vote."
func (f *finder) dashLine(d *draft) *attribution {
	if d.close < 0 || d.open != f.paraBeg[d.para] {
		return nil
	}
	for k := d.close + 1; k < f.paraEnd[d.para]; k++ {
		if isWordToken(f.toks[k].w) {
			return nil
		}
	}
	np := d.para + 1
	if np >= len(f.paraBeg) {
		return nil
	}
	k := f.paraBeg[np]
	if k >= f.paraEnd[np] || !isDash(f.toks[k].w) {
		return nil
	}
	s := k + 1
	for e := s; e < f.paraEnd[np] && e-s < 6; e++ {
		if mi := f.mentAt[e]; mi >= 0 {
			m := f.ments[mi]
			if t := f.doc.Entities[m.entity].Type; t != faultline.EntityPerson && t != faultline.EntityOrg {
				return nil
			}
			return &attribution{speakerTS: s, speakerTE: m.te, cue: f.toks[k].w, cueTok: k}
		}
		if w := f.toks[e].w; w == "," || w == "." {
			break
		}
	}
	return nil
}

// dashAfter reads the signature after a quote in its own paragraph:
// "“...” — Donald Trump", "“...” —Hillary Clinton, at a rally in Iowa", the
// layout of epigraphs, quote lists and embedded posts. The name must start
// right after the dash.
func (f *finder) dashAfter(d *draft) *attribution {
	if d.close < 0 {
		return nil
	}
	end := f.paraEnd[d.para]
	k := d.close + 1
	for k < end && (f.toks[k].w == "," || f.toks[k].w == ".") {
		k++
	}
	if k >= end || !isDash(f.toks[k].w) {
		return nil
	}
	s := k + 1
	if s >= end {
		return nil
	}
	if mi := f.mentAt[s]; mi >= 0 && f.ments[mi].ts == s {
		m := f.ments[mi]
		if t := f.doc.Entities[m.entity].Type; t != faultline.EntityPerson && t != faultline.EntityOrg {
			return nil
		}
		return &attribution{speakerTS: s, speakerTE: m.te, cue: f.toks[k].w, cueTok: k}
	}
	// a name the ner stage missed: capitalised words up to a comma or "("
	e := s
	for e < end && e-s < 4 && startsUpper(f.toks[e].w) && isWordToken(f.toks[e].w) {
		e++
	}
	if e-s < 2 || e < end && f.toks[e].w != "," && f.toks[e].w != "(" && f.toks[e].w != "." {
		return nil
	}
	return &attribution{speakerTS: s, speakerTE: e, cue: f.toks[k].w, cueTok: k}
}

// speechBefore reads a speaker from the sentence just before a quote that
// has none of its own, when that sentence ends in its act of speaking:
// "Lakeside College's Ruth Amari agreed. “...”", "Sam Lau said in
// a statement. “...”". A sentence that does not report speech gives no
// speaker.
func (f *finder) speechBefore(d *draft) *attribution {
	end := d.open - 1 // the full stop ending the previous sentence
	lo := f.paraBeg[d.para]
	if d.open == lo && d.para > 0 {
		lo = f.paraBeg[d.para-1]
	}
	if end <= lo || f.toks[end].w != "." || f.inQuote[end] >= 0 {
		return nil
	}
	if a := f.mannerBefore(end, lo); a != nil {
		return a
	}
	if a := f.statementBefore(end, lo); a != nil {
		return a
	}
	for k := end - 1; k > lo && end-k <= 6; k-- {
		if f.inQuote[k] >= 0 {
			return nil
		}
		w := f.toks[k].w
		if w == "," || w == ";" || w == ":" || w == "." {
			return nil
		}
		if !f.isCue(k) || f.toks[k].pos != "VERB" && f.toks[k].pos != "" {
			continue
		}
		// nothing but a medium or a time after the cue
		for j := k + 1; j < end; j++ {
			if p := f.toks[j].pos; p == "VERB" || p == "AUX" || p == "SCONJ" || f.toks[j].lw == "that" {
				return nil
			}
		}
		s, e := f.subjectBefore(k)
		if e <= s || !f.namedSubject(s, e) || f.pronounOnly(s, e) {
			return nil
		}
		f.usedCue[k] = true
		return &attribution{speakerTS: s, speakerTE: e, cue: f.toks[k].lw, cueTok: k, medium: f.medium(k+1, end)}
	}
	return nil
}

// pronounOnly reports whether the phrase is a lone pronoun that stands for
// nobody in particular ("it", "you", "we").
func (f *finder) pronounOnly(s, e int) bool {
	if e-s != 1 {
		return false
	}
	switch f.toks[s].lw {
	case "it", "you", "we", "i", "which", "who":
		return true
	}
	return false
}

// inPrepPhrase reports whether the mention starting at token s is the
// object of a preposition ("said on Twitter:", "in an interview with CNN
// on Tuesday:", "wrote of Ms. Merkel:"): a medium or a topic, not a speaker.
func (f *finder) inPrepPhrase(s, lo int) bool {
	if mi := f.mentAt[s]; mi >= 0 {
		if e := f.ments[mi].te; e < len(f.toks) && (f.toks[e].w == "'s" || f.toks[e].w == "’s") {
			return false // "From Bush's Facebook post:": the owner speaks
		}
	}
	for k := s - 1; k >= lo && s-k <= 4; k-- {
		t := f.toks[k]
		if t.lw == "of" && k > lo && (f.toks[k-1].pos == "NOUN" || f.toks[k-1].pos == "PROPN") {
			return false // "Former foreign minister Ana Ruiz:"
		}
		if t.lw == "told" || t.lw == "tells" || t.lw == "telling" || t.lw == "tell" {
			return true // "told The Huffington Post:": the addressee
		}
		if t.pos == "ADP" || t.pos == "" && speakerEndPreps[t.lw] || t.lw == "of" || t.lw == "by" || t.lw == "for" || t.lw == "into" {
			return t.lw != "according" // "according to X:" names the source
		}
		if p := t.pos; p != "DET" && p != "ADJ" && p != "PROPN" && p != "NOUN" && p != "NUM" && !(p == "" && isWordToken(t.w)) || t.w == "'s" || t.w == "’s" {
			return false
		}
	}
	return false
}

// passiveCue reads "Blumenthal was asked, “...”" and "Sanders was asked by
// host Bill Maher, who ..., “...”": the subject of a passive cue is
// addressed, not speaking. The speaker is the agent after "by", or nobody.
// passive is false when cue token i is not a passive "asked" or "told".
func (f *finder) passiveCue(i, open int) (*attribution, bool) {
	lw := f.toks[i].lw
	if lw != "asked" && lw != "told" || i == 0 {
		return nil, false
	}
	switch f.toks[i-1].lw {
	case "was", "were", "is", "are", "been", "being":
	default:
		return nil, false
	}
	if i+2 < open && f.toks[i+1].lw == "by" {
		e := i + 2
		for e < open && e-i <= 8 && f.toks[e].w != "," && f.toks[e].w != ":" && f.toks[e].lw != "who" {
			e++
		}
		if e > i+2 && e-i <= 8 {
			f.usedCue[i] = true
			return &attribution{speakerTS: i + 2, speakerTE: e, cue: lw, cueTok: i}, true
		}
	}
	return nil, true
}

// misusedOpen reports whether the opening mark at token i closes the open
// quote instead: it follows a comma, question or exclamation mark and an
// attribution follows ("“It's unusual,“ said Larry Noble", "“Apparently
// not,“ he said").
func (f *finder) misusedOpen(i int) bool {
	if i == 0 || i+1 >= len(f.toks) {
		return false
	}
	switch f.toks[i-1].w {
	case ",", "?", "!":
	default:
		return false
	}
	if f.isCue(i + 1) {
		return true
	}
	return i+2 < len(f.toks) && pronounWords[f.toks[i+1].lw] && f.toks[i+1].w == f.toks[i+1].lw && f.isCue(i+2)
}

// relativeAntecedent is the entity a relative pronoun at token k stands
// for: "Mr. Ekovich, who noted" is Ekovich. It is -1 when token k is not
// "who" or "which" right after a person or organisation and a comma.
func (f *finder) relativeAntecedent(k int) int {
	if lw := f.toks[k].lw; lw != "who" && lw != "which" || k < 2 || f.toks[k-1].w != "," {
		return -1
	}
	mi := f.mentAt[k-2]
	if mi < 0 || f.ments[mi].te != k-1 {
		return -1
	}
	if t := f.doc.Entities[f.ments[mi].entity].Type; t != faultline.EntityPerson && t != faultline.EntityOrg {
		return -1
	}
	return f.ments[mi].entity
}

// mannerWords describe how someone spoke ("Smith was blunt.").
var mannerWords = setOf(`blunt blunter direct defiant emphatic unapologetic adamant unequivocal candid frank succinct terse
	brief clear optimistic pessimistic skeptical sceptical dismissive confident upbeat sanguine cautious circumspect
	philosophical undeterred unmoved unimpressed diplomatic measured critical harsh scathing effusive gracious
	defensive forthright categorical firm insistent incredulous indignant unrepentant unfazed unconvinced`)

var mannerAdverbs = setOf(`more less even equally just also far much somewhat rather quite very no`)

func setOf(s string) map[string]bool {
	m := map[string]bool{}
	for _, w := range strings.Fields(s) {
		m[w] = true
	}
	return m
}

// mannerBefore reads "Smith was blunt." ending right before a quote: a
// named speaker, a copula and a word for the manner of speaking.
func (f *finder) mannerBefore(end, lo int) *attribution {
	k := end - 1
	if k <= lo || !mannerWords[f.toks[k].lw] {
		return nil
	}
	c := k - 1
	for c > lo && mannerAdverbs[f.toks[c].lw] {
		c--
	}
	switch f.toks[c].lw {
	case "was", "were", "is", "are":
	default:
		return nil
	}
	s, e := f.subjectBefore(c)
	if e <= s || !f.namedSubject(s, e) || f.pronounOnly(s, e) {
		return nil
	}
	return &attribution{speakerTS: s, speakerTE: e, cue: f.toks[k].lw, cueTok: k}
}

var issueVerbs = setOf(`issued released posted published sent tweeted wrote put`)
var statementNouns = setOf(`statement tweet message letter memo post note apology response`)

// statementBefore reads "the DNC issued a statement apologizing to
// Sanders." right before a quote: the quote is that statement, and the
// one who issued it speaks.
func (f *finder) statementBefore(end, lo int) *attribution {
	b := end - 1
	for b > lo && !f.sentStart(b) {
		b--
	}
	for k := b; k < end-1; k++ {
		if f.inQuote[k] >= 0 || !issueVerbs[f.toks[k].lw] {
			continue
		}
		found := false
		for j := k + 1; j < end && j-k <= 4; j++ {
			if statementNouns[f.toks[j].lw] {
				found = true
				break
			}
		}
		if !found {
			continue
		}
		s, e := f.subjectBefore(k)
		if e <= s || s < b || !f.namedSubject(s, e) || f.pronounOnly(s, e) {
			return nil
		}
		return &attribution{speakerTS: s, speakerTE: e, cue: f.toks[k].lw, cueTok: k}
	}
	return nil
}

// speechManners are verbs of speaking not in cues that follow a common
// noun speaker after a quote ("“Nooooo!” the crowd cried out").
var speechManners = setOf(`cried riffed wondered laughed gushed fumed marveled marvelled thundered sniffed deadpanned
	groused chimed roared cheered booed shrieked muttered grumbled boomed explained`)
