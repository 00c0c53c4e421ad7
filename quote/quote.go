// Package quote finds direct quotes (text between double quotation marks,
// straight or curly, including quotes that run over several paragraphs) and
// reported speech ("officials say ...", "according to ...", "X warned that
// ...", "X accused Y of ..."), each with its speaker, cue and medium.
//
// A speaker is only given when the text states it: in the quote's own
// sentence ("..., he said"), in an attributed quote of the same paragraph,
// or, for a paragraph that only continues a quote, in the previous
// paragraph. Otherwise Speaker is nil.
package quote

import (
	"context"
	"sort"
	"strings"

	"github.com/faultline-news/faultline"
)

// Stage is the "quote" pipeline stage.
type Stage struct{}

// New returns the quote stage.
func New() *Stage { return &Stage{} }

// Name returns "quote".
func (s *Stage) Name() string { return "quote" }

// Requires returns tokens, sentences and entities.
func (s *Stage) Requires() []faultline.Layer {
	return []faultline.Layer{faultline.LayerTokens, faultline.LayerSentences, faultline.LayerEntities}
}

// Assigns returns the quote layer.
func (s *Stage) Assigns() []faultline.Layer { return []faultline.Layer{faultline.LayerQuotes} }

// Process fills doc.Quotes.
func (s *Stage) Process(ctx context.Context, doc *faultline.Document) (err error) {
	defer func() {
		if p := recover(); p != nil {
			err = faultline.Errorf(faultline.EINTERNAL, "quote: document %q: recovered from panic: %v", doc.ID, p)
		}
	}()
	if err := ctx.Err(); err != nil {
		return faultline.Errorf(faultline.EUNAVAILABLE, "quote: document %q: %w", doc.ID, err)
	}
	for _, t := range doc.Tokens {
		if t.Start < 0 || t.End > len(doc.Text) || t.Start > t.End {
			return faultline.Errorf(faultline.EINVALID, "quote: document %q: token %d..%d lies outside the text; re-run the segment stage", doc.ID, t.Start, t.End)
		}
	}
	doc.Quotes = Find(doc)
	return nil
}

// cues are reporting verbs; the value says whether the verb may introduce
// reported (indirect) speech as well as direct quotes.
var cues = map[string]bool{
	"said": true, "says": true, "say": true, "told": true, "tells": true, "tell": true,
	"added": true, "adds": true, "asked": true, "asks": true, "warned": true, "warns": true, "warn": true,
	"wrote": true, "writes": true, "stated": true, "states": true, "explained": true, "explains": true,
	"noted": true, "notes": true, "argued": true, "argues": true, "argue": true, "insisted": true, "insists": true,
	"continued": false, "declared": true, "declares": true, "announced": true, "announces": true,
	"claimed": true, "claims": true, "claim": true, "replied": false, "responded": false, "recalled": true,
	"tweeted": true, "posted": false, "acknowledged": true, "acknowledges": true, "admitted": true, "admits": true,
	"conceded": true, "emphasized": true, "stressed": true, "suggested": true, "suggests": true,
	"urged": false, "predicted": true, "predicts": true, "vowed": true, "vows": false, "promised": true,
	"complained": true, "cautioned": true, "agreed": true, "observed": true, "remarked": true,
	"concluded": true, "joked": false, "quipped": false, "accused": true, "accuses": true,
	"believe": true, "believes": true, "believed": true, "reported": true, "reports": true,
	"confirmed": true, "confirms": true, "denied": true, "denies": true, "estimated": true,
	"testified": true, "asserted": true, "maintained": true, "contended": true, "alleged": true,
	"thinks": true, "think": true, "thought": true, "hopes": true, "hoped": true, "fears": true, "feared": true,
	"expects": true, "expected": false, "pointed": false, "charged": true, "countered": true, "announce": true,
	"exclaimed": false, "retorted": false, "reiterated": true, "write": true, "retaliated": false, "opined": true, "assured": true,
	"concedes": true, "concluded:": true, "lamented": true, "laments": true, "boasted": true, "bragged": true,
	"quipped:": false, "demanded": false, "pleaded": false, "begged": false, "whispered": false, "recounted": true, "chanted": false, "chant": false, "jokes": false, "jokingly": false,
	"shouts": false, "yells": false, "screamed": false, "replies": false, "answered": false, "answers": false,
	"interjected": false, "snapped": false, "barked": false, "mused": false, "scoffed": false, "sighed": false, "echoed": false, "shouted": false, "yelled": false, "read": false, "reads": false,
	"called": false, "calls": false, "labeled": false, "labeling": false, "described": false, "describes": false,
	"dubbed": false, "wrote:": false, "proclaimed": true, "proclaims": true, "sang": false, "sings": false, "recommended": true, "proposed": false, "indicated": true, "revealed": true, "explain": true, "added:": true,
}

// speakerStops end a speaker noun phrase when reading backwards from a cue.
var speakerStops = map[string]bool{
	"that": true, "which": true, "who": true, "and": true, "but": true, "because": true, "as": true,
	"if": true, "when": true, "while": true, "after": true, "before": true, "so": true, "or": true,
	"than": true, "where": true, "since": true, "although": true, "though": true, "also": false,
	"is": true, "are": true, "was": true, "were": true, "be": true, "to": true, "in": true, "on": true,
	"at": true, "for": true, "with": true, "by": true, "from": true, "about": true, "into": true,
	"said": true, "says": true, "it": false, "what": true, "how": true, "why": true,
}

// adverbs that may stand between a subject and its cue ("Hamasaeed also said").
var preCueAdverbs = map[string]bool{
	"also": true, "later": true, "then": true, "recently": true, "previously": true, "further": true,
	"repeatedly": true, "has": true, "have": true, "had": true, "would": true, "will": true, "once": true,
	"publicly": true, "privately": true, "reportedly": true, "often": true, "frequently": true,
	"again": true, "earlier": true, "flatly": true, "simply": true, "specifically": true, "not": true,
	"did": true, "does": true, "do": true, "may": true, "might": true, "could": true, "have:": true,
	"just": true, "still": true, "had:": true, "already": true, "even": true, "only": true,
}

var pronounWords = map[string]bool{
	"he": true, "she": true, "they": true, "it": true, "we": true, "i": true, "you": true,
}

// speakerEndPreps end a speaker phrase read forwards after a cue ("said
// Hamasaeed in Washington").
var speakerEndPreps = map[string]bool{
	"in": true, "during": true, "at": true, "on": true, "to": true, "after": true, "before": true,
	"while": true, "when": true, "from": true, "with": true, "last": true, "this": true, "that": true,
	"on.": true, "recently": true, "earlier": true, "later": true, "yesterday": true, "today": true,
	"monday": true, "tuesday": true, "wednesday": true, "thursday": true, "friday": true,
	"saturday": true, "sunday": true, "as": true, "of": false, "because": true, "and": true,
}

type tokenInfo struct {
	start, end int
	w, lw      string
	pos        string
	head       int // index into the document's tokens, -1 when unparsed
	dep        string
}

type finder struct {
	doc     *faultline.Document
	toks    []tokenInfo
	para    []int // token -> paragraph number
	paraEnd []int // paragraph -> one past its last token
	paraBeg []int
	sentOf  []int // token -> sentence index
	inQuote []int // token -> direct quote index, or -1
	mentAt  []int // token -> index into ments, or -1
	ments   []entMention
	usedCue map[int]bool
	direct  []draft // the direct quotes, once attributed
	// quoteOfCue maps a cue token to the first direct quote it attributes
	quoteOfCue map[int]int
	parsed     bool // some token has a head
}

type entMention struct {
	ts, te int // tokens
	entity int
}

// attribution is a speaker, cue and medium read from the text.
type attribution struct {
	speakerTS, speakerTE int // tokens
	cue                  string
	cueTok               int
	medium               string
}

type draft struct {
	ts, te   int // content tokens [ts, te)
	open     int // opening mark token
	close    int // closing mark token, or -1 when unclosed
	direct   bool
	attr     *attribution
	para     int
	inherits bool
}

// Find returns the quotes of doc: direct quotes first in text order, then
// reported speech, all sorted by start offset.
func Find(doc *faultline.Document) []faultline.Quote {
	f := newFinder(doc)
	if len(f.toks) == 0 {
		return []faultline.Quote{}
	}
	direct := f.directQuotes()
	for i := range direct {
		if a := f.asClause(&direct[i]); a != nil {
			direct[i].attr = a
			continue
		}
		direct[i].attr = f.attributeDirect(&direct[i])
		if direct[i].attr == nil {
			direct[i].attr = f.dashLine(&direct[i])
		}
		if direct[i].attr == nil {
			direct[i].attr = f.dashAfter(&direct[i])
		}
	}
	for i := range direct {
		if direct[i].attr == nil {
			direct[i].attr = f.clauseSubject(&direct[i])
		}
	}
	f.shareWithinParagraph(direct)
	f.continueParagraphs(direct)
	f.continueBackwards(direct)
	for i := range direct {
		if direct[i].attr == nil {
			direct[i].attr = f.speechBefore(&direct[i])
		}
	}
	f.quoteOfCue = make(map[int]int, len(direct))
	for i, d := range direct {
		if d.attr != nil && !d.inherits {
			if _, dup := f.quoteOfCue[d.attr.cueTok]; !dup {
				f.quoteOfCue[d.attr.cueTok] = i
			}
		}
	}
	f.direct = direct
	reported := f.reportedSpeech()
	// a partial quote inside reported speech takes its speaker
	for i := range direct {
		if direct[i].attr != nil {
			continue
		}
		for _, r := range reported {
			if r.ts <= direct[i].open && direct[i].te <= r.te {
				direct[i].attr = r.attr
				break
			}
		}
	}
	out := make([]faultline.Quote, 0, len(direct)+len(reported))
	for _, d := range direct {
		if q, ok := f.quote(d); ok {
			out = append(out, q)
		}
	}
	for _, d := range reported {
		if q, ok := f.quote(d); ok {
			out = append(out, q)
		}
	}
	sort.SliceStable(out, func(i, j int) bool { return out[i].Start < out[j].Start })
	return out
}

func newFinder(doc *faultline.Document) *finder {
	f := &finder{doc: doc, usedCue: map[int]bool{}}
	f.toks = make([]tokenInfo, 0, len(doc.Tokens))
	for _, t := range doc.Tokens {
		if t.Start < 0 || t.End > len(doc.Text) || t.Start > t.End {
			return &finder{doc: doc}
		}
		w := doc.Text[t.Start:t.End]
		f.toks = append(f.toks, tokenInfo{start: t.Start, end: t.End, w: w, lw: strings.ToLower(w), pos: t.POS, head: t.Head, dep: t.Dep})
		if t.Head >= 0 {
			f.parsed = true
		}
	}
	n := len(f.toks)
	f.para = make([]int, n)
	p := 0
	f.paraBeg = append(f.paraBeg, 0)
	for i := 1; i < n; i++ {
		if strings.IndexByte(doc.Text[f.toks[i-1].end:f.toks[i].start], '\n') >= 0 {
			f.paraEnd = append(f.paraEnd, i)
			f.paraBeg = append(f.paraBeg, i)
			p++
		}
		f.para[i] = p
	}
	f.paraEnd = append(f.paraEnd, n)
	f.sentOf = make([]int, n)
	si := 0
	for i := range f.toks {
		for si < len(doc.Sentences) && doc.Sentences[si].End <= f.toks[i].start {
			si++
		}
		f.sentOf[i] = si
	}
	f.joinParenSentences()
	f.inQuote = make([]int, n)
	f.mentAt = make([]int, n)
	for i := range f.inQuote {
		f.inQuote[i] = -1
		f.mentAt[i] = -1
	}
	starts := make(map[int]int, n)
	ends := make(map[int]int, n)
	for i, t := range f.toks {
		starts[t.start] = i
		ends[t.end] = i
	}
	for ei, e := range doc.Entities {
		for _, m := range e.Mentions {
			ts, ok1 := starts[m.Start]
			te, ok2 := ends[m.End]
			if !ok1 || !ok2 || te < ts {
				continue
			}
			f.ments = append(f.ments, entMention{ts: ts, te: te + 1, entity: ei})
		}
	}
	sort.Slice(f.ments, func(i, j int) bool { return f.ments[i].ts < f.ments[j].ts })
	for mi, m := range f.ments {
		for t := m.ts; t < m.te; t++ {
			if f.mentAt[t] < 0 {
				f.mentAt[t] = mi
			}
		}
	}
	return f
}

func isOpen(w string) bool  { return w == "“" || w == "\"" || w == "``" || w == "«" || w == "''" }
func isClose(w string) bool { return w == "”" || w == "\"" || w == "''" || w == "»" }

// directQuotes pairs quotation marks paragraph by paragraph. A quote still
// open at the end of a paragraph ends there (the next paragraph reopens it).
func (f *finder) directQuotes() []draft {
	var out []draft
	for p := range f.paraBeg {
		open := -1
		nested := false // curly marks inside a straight quote: "... “Equal Justice” ..."
		for i := f.paraBeg[p]; i < f.paraEnd[p]; i++ {
			w := f.toks[i].w
			switch {
			case w == "\"" || w == "''":
				if open < 0 {
					open = i
				} else {
					out = f.addDirect(out, open, i, p)
					open = -1
				}
				nested = false
			case open >= 0 && f.toks[open].w == "\"" && (w == "“" && !f.misusedOpen(i) || w == "”" && nested):
				nested = w == "“"
			case isOpen(w):
				if open >= 0 && w == "“" && f.misusedOpen(i) {
					// “It's unusual,“ said Larry Noble: an opening mark typed as the closing one
					out = f.addDirect(out, open, i, p)
					open = -1
					continue
				}
				if open >= 0 {
					out = f.addDirect(out, open, -1, p)
				}
				open = i
			case isClose(w):
				if open >= 0 {
					out = f.addDirect(out, open, i, p)
					open = -1
				}
			}
		}
		if open >= 0 {
			out = f.addDirect(out, open, -1, p)
		}
	}
	return out
}

func (f *finder) addDirect(out []draft, open, close, p int) []draft {
	ts := open + 1
	te := close
	if close < 0 {
		te = f.paraEnd[p]
	}
	for te > ts && (f.toks[te-1].w == "," || f.toks[te-1].w == ";" || f.toks[te-1].w == ":") {
		te--
	}
	if te <= ts {
		return out
	}
	idx := len(out)
	end := close
	if end < 0 {
		end = f.paraEnd[p] - 1
	}
	for i := open; i <= end && i < len(f.toks); i++ {
		f.inQuote[i] = idx
	}
	return append(out, draft{ts: ts, te: te, open: open, close: close, direct: true, para: p})
}

// cueForm maps a verb form to its entry in cues: the form itself, or the
// past tense of a present-tense form ("concludes" -> "concluded").
func cueForm(lw string) (string, bool) {
	if _, ok := cues[lw]; ok {
		return lw, true
	}
	if strings.HasSuffix(lw, "s") && len(lw) > 3 {
		stem := lw[:len(lw)-1]
		for _, past := range []string{stem + "d", stem + "ed", strings.TrimSuffix(stem, "e") + "ed"} {
			if _, ok := cues[past]; ok {
				return past, true
			}
		}
	}
	if past, ok := baseCue(lw); ok {
		return past, true
	}
	return "", false
}

// baseCue maps the base form of a cue verb to its past tense ("the Saudis
// state", "critics insist" -> "stated", "insisted").
func baseCue(lw string) (string, bool) {
	if len(lw) < 3 || strings.HasSuffix(lw, "s") || strings.HasSuffix(lw, "ed") {
		return "", false
	}
	for _, past := range []string{lw + "d", lw + "ed"} {
		if _, ok := cues[past]; ok {
			return past, true
		}
	}
	return "", false
}

func (f *finder) isCue(i int) bool {
	if i < 0 || i >= len(f.toks) {
		return false
	}
	if _, ok := cueForm(f.toks[i].lw); !ok {
		// "shot back", "fired back": a verb with "back" answers
		return backVerbs[f.toks[i].lw] && i+1 < len(f.toks) && f.toks[i+1].lw == "back"
	}
	p := f.toks[i].pos
	if _, ok := cues[f.toks[i].lw]; !ok {
		if _, base := baseCue(f.toks[i].lw); base {
			// a base form is a cue only as a finite verb: not "to state", "the state"
			if p == "NOUN" && f.pluralBefore(i) {
				// "the Saudis state in the paper": the tagger read a
				// compound noun where a plural subject and its verb stand
				return true
			}
			return p == "VERB" && (i == 0 || f.toks[i-1].lw != "to" && f.toks[i-1].pos != "VERB")
		}
	}
	return p == "" || p == "VERB" || p == "AUX" || p == "PROPN" || p == "NOUN"
}

// pluralBefore reports whether token i, a base form of a cue, stands
// between a plural noun ("the Saudis", "officials") and a preposition or
// the end of its clause, where only a verb can stand.
func (f *finder) pluralBefore(i int) bool {
	if i < 1 || i+1 >= len(f.toks) {
		return false
	}
	prev, next := f.toks[i-1], f.toks[i+1]
	if prev.pos != "NOUN" && prev.pos != "PROPN" || !strings.HasSuffix(prev.lw, "s") || strings.HasSuffix(prev.lw, "ss") || len(prev.lw) < 4 {
		return false
	}
	return next.pos == "ADP" || next.w == "." || next.w == "," || next.w == ":"
}

// attributeDirect looks for the speaker right after the closing mark
// ("...,” he said", "...,” said Sarhang Hamasaeed, director of ...") or
// right before the opening mark ("Hamasaeed said: “...").
func (f *finder) attributeDirect(d *draft) *attribution {
	p := d.para
	end := f.paraEnd[p]
	if d.close >= 0 {
		j := d.close + 1
		for j < end && (f.toks[j].w == "," || f.toks[j].w == "—" || f.toks[j].w == "-" || f.toks[j].w == "'" || f.toks[j].w == "’") {
			// a stray single mark: the inner quote closing with the outer one
			j++
		}
		comma := f.endsWithComma(d)
		a := f.afterQuote(j, end, comma)
		if a != nil && !comma && f.closesSentence(d) && f.reportsAfter(a, end) {
			// “... ongoing.” He said the FBI had not commented: the cue
			// reports the next content, not this quote
			delete(f.usedCue, a.cueTok)
			a = nil
		}
		if a != nil && (comma || !f.introducesNext(a)) {
			if comma || d.open == 0 || (f.toks[d.open-1].w != "," && f.toks[d.open-1].w != ":") {
				return a
			}
			// “...” closing its sentence after "Stevens reported, “": the
			// introduction speaks; the next sentence's cue is a fallback
			if b := f.attributeBefore(d); b != nil {
				return b
			}
			return a
		}
	}
	return f.attributeBefore(d)
}

// attributeBefore looks for the speaker before the opening mark, in the
// same sentence: "Hamasaeed said: “", "As they say about the doctor, “",
// "..., saying: “".
func (f *finder) attributeBefore(d *draft) *attribution {
	p := d.para
	lo := f.paraBeg[p]
	if d.open == lo && p > 0 && f.paraEnd[p-1] == d.open && d.open > 0 && f.toks[d.open-1].w == ":" {
		// "Cruz continued:" closing the previous paragraph
		lo = f.paraBeg[p-1]
	}
	colon := d.open > lo && f.toks[d.open-1].w == ":"
	if colon && d.open-2 >= lo {
		// "Lena Ortiz and Paul Ek: “", "Here's Clinton in 1992: “"
		last := d.open - 2
		if f.toks[last].w == ")" {
			// "Rep. Jane Doe (R-S.C.): “": the party tag is skipped, its
			// periods included
			for j := last - 1; j >= lo && last-j < 8; j-- {
				if f.toks[j].w == "(" {
					last = j - 1
					break
				}
			}
		}
		for k := last; k >= lo && last+2-k <= 5; k-- {
			if f.inQuote[k] >= 0 || f.toks[k].w == "." {
				break
			}
			if mi := f.mentAt[k]; mi >= 0 && startsUpper(f.toks[f.ments[mi].ts].w) && !pronounWords[f.toks[f.ments[mi].ts].lw] && (f.doc.Entities[f.ments[mi].entity].Type == faultline.EntityPerson || f.doc.Entities[f.ments[mi].entity].Type == faultline.EntityOrg) {
				m := f.ments[mi]
				if !f.verbBetween(m.te, d.open-1) && !f.inPrepPhrase(m.ts, lo) {
					return &attribution{speakerTS: m.ts, speakerTE: m.te, cue: ":", cueTok: d.open - 1}
				}
				break
			}
		}
	}
	if colon && d.open-2 >= lo {
		// "... are hard - Pew Research: “...”": a name signed between a
		// dash and the colon, whether or not it was recognised as an entity
		k := d.open - 2
		for k >= lo && d.open-2-k < 4 && f.inQuote[k] < 0 && f.toks[k].pos == "PROPN" && startsUpper(f.toks[k].w) && !dayWords[f.toks[k].lw] && !monthWords[f.toks[k].lw] {
			k--
		}
		place := false
		for t := k + 1; t < d.open-1; t++ {
			if mi := f.mentAt[t]; mi >= 0 {
				if ty := f.doc.Entities[f.ments[mi].entity].Type; ty != faultline.EntityPerson && ty != faultline.EntityOrg {
					place = true // "- Des Moines:" heads a dispatch
				}
			}
		}
		if k >= lo && k < d.open-2 && isDash(f.toks[k].w) && !place {
			return &attribution{speakerTS: k + 1, speakerTE: d.open - 1, cue: ":", cueTok: d.open - 1}
		}
	}
	window := 20
	if colon {
		window = 30
	} else if d.open-1 > lo && f.toks[d.open-1].w == "," && f.relativeBefore(d.open-1, lo) {
		// "Sanders was asked by host Bill Maher, who ..., “...”": a
		// relative clause between the cue and the quote
		window = 40
	}
	for i := d.open - 1; i >= lo && d.open-i <= window; i-- {
		if f.inQuote[i] >= 0 || f.toks[i].w == "." || f.toks[i].w == "?" || f.toks[i].w == "!" {
			break
		}
		lw := f.toks[i].lw
		if lw == "according" && i+2 < d.open && f.toks[i+1].lw == "to" {
			e := i + 2
			for e < d.open && f.toks[e].w != "," && f.toks[e].w != ":" {
				e++
			}
			if e > i+2 && e-(i+2) <= 10 {
				return &attribution{speakerTS: i + 2, speakerTE: e, cue: "according to", cueTok: i}
			}
			break
		}
		if s, e, ok := f.displaySubject(i, lo); ok && (participles[lw] || lw == "reading" || f.isCue(i)) {
			// "held up a sign saying “...”", "a headline that said, “...”"
			f.usedCue[i] = true
			return &attribution{speakerTS: s, speakerTE: e, cue: lw, cueTok: i}
		}
		if participles[lw] {
			if s, e, ok := f.participleSubject(i); ok {
				f.usedCue[i] = true
				return &attribution{speakerTS: s, speakerTE: e, cue: lw, cueTok: i, medium: f.medium(i+1, d.open)}
			}
			if s, e := f.sentenceSubject(i); e > s {
				f.usedCue[i] = true
				return &attribution{speakerTS: s, speakerTE: e, cue: lw, cueTok: i, medium: f.medium(i+1, d.open)}
			}
			break
		}
		near := d.open-i <= 2
		if lw == "quote" || lw == "unquote" {
			continue // "Trump said, and I quote, “...”"
		}
		if lw == "put" && i+1 < d.open && f.toks[i+1].lw == "it" {
			// "As Vulture put it, “..."
			if s, e := f.subjectBefore(i); e > s {
				f.usedCue[i] = true
				return &attribution{speakerTS: s, speakerTE: e, cue: "put it", cueTok: i}
			}
		}
		if !f.isCue(i) && !((colon || near) && f.toks[i].pos == "VERB") {
			continue
		}
		if a, passive := f.passiveCue(i, d.open); passive {
			return a
		}
		form, isCue := cueForm(lw)
		if s, e := f.subjectBefore(i); e > s && (isCue && cues[form] || f.namedSubject(s, e) || isCue && (!namingVerbs[lw] || !f.toks[e-1].isPlainNoun()) ||
			colon && f.toks[i].pos == "VERB" && f.toks[i].dep == "root" && !namingVerbs[lw] && (f.toks[e-1].pos == "NOUN" || f.toks[e-1].pos == "PROPN")) {
			// the last: "Article 33 affirms: “...”", "The crowd grew restless: “...”"
			f.usedCue[i] = true
			return &attribution{speakerTS: s, speakerTE: e, cue: lw, cueTok: i, medium: f.medium(i+1, d.open)}
		}
		if f.sentStart(i) || i == f.paraBeg[f.para[i]] {
			// "Stated Stone:", "Said Dorothy Poynter, who grew up with Ali, “"
			e := i + 1
			for e < d.open && e-i <= 6 && f.toks[e].w != "," && f.toks[e].w != ":" {
				e++
			}
			if e > i+1 && e-i <= 6 {
				f.usedCue[i] = true
				return &attribution{speakerTS: i + 1, speakerTE: e, cue: lw, cueTok: i}
			}
		}
		if s, e := f.sentenceSubject(i); e > s && !namingVerbs[lw] {
			f.usedCue[i] = true
			return &attribution{speakerTS: s, speakerTE: e, cue: lw, cueTok: i, medium: f.medium(i+1, d.open)}
		}
		if colon {
			if s, e := f.sentenceSubject(i); e > s {
				f.usedCue[i] = true
				return &attribution{speakerTS: s, speakerTE: e, cue: lw, cueTok: i, medium: f.medium(i+1, d.open)}
			}
		}
		break
	}
	return nil
}

// relativeBefore reports whether a ", who" or ", which" clause ends at
// comma c, with no sentence end between.
func (f *finder) relativeBefore(c, lo int) bool {
	for k := c - 1; k > lo && c-k < 30; k-- {
		if w := f.toks[k].w; w == "." || w == "?" || w == "!" || f.inQuote[k] >= 0 {
			return false
		}
		if (f.toks[k].lw == "who" || f.toks[k].lw == "which") && f.toks[k-1].w == "," {
			return true
		}
	}
	return false
}

// participles introduce a quote whose speaker is the subject of the main
// clause ("Clinton's aide rallied supporters, saying: “...").
var participles = map[string]bool{
	"saying": true, "telling": true, "adding": true, "writing": true, "noting": true, "warning": true,
	"explaining": true, "arguing": true, "declaring": true, "insisting": true, "stating": true,
	"calling": true, "tweeting": true, "responding": true, "replying": true, "asking": true,
	"recalling": true, "joking": true, "quipping": true, "concluding": true, "promising": true,
	"chanting": true, "shouting": true, "yelling": true, "screaming": true, "interjecting": true,
	"proclaiming": true, "announcing": true, "vowing": true, "claiming": true, "suggesting": true,
}

// displayNouns carry written words that a quote reads from: the sign, not
// the one holding it, says them.
var displayNouns = setOf(`sign signs placard placards banner banners poster posters billboard billboards headline headlines hat hats shirt shirts t-shirt t-shirts sticker stickers`)

// displaySubject reads "a sign saying", "a hat reading", "a headline that
// said" before cue token i: the noun phrase of the display, with no comma
// between it and the cue.
func (f *finder) displaySubject(i, lo int) (int, int, bool) {
	k := i - 1
	if k >= lo && (f.toks[k].lw == "that" || f.toks[k].lw == "which") {
		k--
	}
	if k < lo || f.inQuote[k] >= 0 || !displayNouns[f.toks[k].lw] || f.toks[k].pos != "" && f.toks[k].pos != "NOUN" {
		return 0, 0, false
	}
	s, e := f.nounPhrase(k, lo)
	if e <= s || e != k+1 {
		return k, k + 1, true
	}
	for s < k && f.toks[s].pos == "ADP" {
		s++ // "under a headline"
	}
	return s, e, true
}

// backVerbs answer when followed by "back" ("Hillary shot back, “...”").
var backVerbs = map[string]bool{
	"shot": true, "fired": true, "hit": true, "struck": true, "pushed": true, "snapped": true,
	"shoots": true, "fires": true, "hits": true, "strikes": true, "pushes": true, "snaps": true, "wrote": true,
}

// sentenceSubject is the subject of the first verb of the sentence holding
// token i (before i).
func (f *finder) sentenceSubject(i int) (int, int) {
	b := i
	for b > 0 && f.sentOf[b-1] == f.sentOf[i] && f.para[b-1] == f.para[i] {
		b--
	}
	fs, fe := 0, 0 // the first subject found, when none is named
	for k := i - 1; k > b; k-- {
		if f.inQuote[k] >= 0 {
			continue
		}
		if p := f.toks[k].pos; p == "VERB" || p == "AUX" || f.isCue(k) {
			s, e := f.subjectBefore(k)
			if e > s && s >= b {
				if f.namedSubject(s, e) {
					return s, e
				}
				if fe <= fs {
					fs, fe = s, e
				}
			}
		}
	}
	return fs, fe
}

// afterQuote reads "he said", "said Hamasaeed", "Jafar al-Hosseini, a
// spokesman ..., said in an interview with X" from token j.
func (f *finder) afterQuote(j, end int, comma bool) *attribution {
	if j >= end || f.inQuote[j] >= 0 {
		return nil
	}
	if f.toks[j].lw == "according" && j+2 < end && f.toks[j+1].lw == "to" {
		// "“...,” according to a court document filed by X"
		e := j + 2
		for e < end && e-j <= 12 && f.inQuote[e] < 0 {
			if w := f.toks[e].w; w == "," || w == "." || w == ";" || w == ":" {
				break
			}
			e++
		}
		if e > j+2 && e-j <= 12 {
			return &attribution{speakerTS: j + 2, speakerTE: e, cue: "according to", cueTok: j}
		}
		return nil
	}
	if f.isCue(j) && (comma || !f.clauseAfter(j+1, end)) || comma && f.toks[j].pos == "VERB" && j+1 < end && f.mentAt[j+1] >= 0 && f.ments[f.mentAt[j+1]].ts == j+1 &&
		f.doc.Entities[f.ments[f.mentAt[j+1]].entity].Type == faultline.EntityPerson {
		// cue first: "said Sarhang Hamasaeed, director ...", "beamed Donald Hartley"
		s := j + 1
		e := f.speakerPhraseEnd(s, end)
		if e > s {
			f.usedCue[j] = true
			return &attribution{speakerTS: s, speakerTE: e, cue: f.toks[j].lw, cueTok: j, medium: f.medium(e, end)}
		}
		return nil
	}
	// subject first, any speech verb right after a short subject:
	// "..., Trump barked", "..., he demanded"
	if se := f.shortSubjectEnd(j, end); comma && se > j && se < end && f.toks[se].pos == "VERB" && !f.isCue(se) {
		f.usedCue[se] = true
		return &attribution{speakerTS: j, speakerTE: se, cue: f.toks[se].lw, cueTok: se, medium: f.medium(se+1, end)}
	}
	// subject first: find the cue within the sentence
	k := j
	commas := 0
	paren := 0
	for k < end && k-j < 30 {
		w := f.toks[k].w
		switch w {
		case "(":
			paren++
		case ")":
			paren--
		}
		if f.inQuote[k] >= 0 || paren <= 0 && (w == "." && !f.abbrevStop(k) || w == ";" || w == "?" || w == "!") {
			return nil
		}
		if w == "," {
			commas++
		}
		if f.isCue(k) {
			break
		}
		k++
	}
	if k >= end || k-j >= 30 || !f.isCue(k) {
		return nil
	}
	// the speaker is the phrase before the first comma (an apposition may follow)
	s, e := j, j
	if k == j+1 && startsUpper(f.toks[j].w) && comma && isWordToken(f.toks[j].w) && !pronounWords[f.toks[j].lw] {
		// "“...,” Will wrote", "“...,” From said": a name that is also a
		// common word, whatever its tag
		f.usedCue[k] = true
		return &attribution{speakerTS: j, speakerTE: k, cue: f.toks[k].lw, cueTok: k, medium: f.medium(k+1, end)}
	}
	if p := f.toks[j].pos; p == "ADP" || p == "" && speakerEndPreps[f.toks[j].lw] {
		// "“...” in the legislature, he said": the speaker follows the last comma
		c := k - 1
		for c > j && f.toks[c].w != "," {
			c--
		}
		if c <= j {
			return nil
		}
		s, e = c+1, k
		for e > s && preCueAdverbs[f.toks[e-1].lw] {
			e--
		}
		if e == s && c == k-1 {
			// "“...” like the recent volatility, said Richard Curtin"
			return f.tailAttribution(j, k, end)
		}
		if e <= s || e-s > 6 {
			return nil
		}
		f.usedCue[k] = true
		return &attribution{speakerTS: s, speakerTE: e, cue: f.toks[k].lw, cueTok: k, medium: f.medium(k+1, end)}
	}
	if speakerStops[f.toks[j].lw] {
		// "“What a Super Tuesday!” and said": the clause subject speaks
		s, e = f.sentenceSubject(k)
		if e <= s {
			// "“...” and against the gun law, Clinton said"
			return f.tailAttribution(j, k, end)
		}
		f.usedCue[k] = true
		return &attribution{speakerTS: s, speakerTE: e, cue: f.toks[k].lw, cueTok: k, medium: f.medium(k+1, end)}
	}
	for e < k && f.toks[e].w != "," {
		e++
	}
	if e < k && e == j+1 && f.toks[j].pos == "ADV" {
		// "Reluctantly, Brafman said"
		s, e = e+1, e+1
		for e < k && f.toks[e].w != "," {
			e++
		}
	}
	for e > s && preCueAdverbs[f.toks[e-1].lw] {
		e--
	}
	if e <= s || e-s > 16 {
		return nil
	}
	f.usedCue[k] = true
	return &attribution{speakerTS: s, speakerTE: e, cue: f.toks[k].lw, cueTok: k, medium: f.medium(k+1, end)}
}

// introducesNext reports whether the attribution read after a quote
// ends in a colon or an opening mark, so it introduces the next quote
// ("“We are refugees.” Mr. Zahed said: “...”") rather than closing this one.
func (f *finder) introducesNext(a *attribution) bool {
	k := a.cueTok + 1
	if a.speakerTE > k {
		k = a.speakerTE
	}
	for k < len(f.toks) && k-a.cueTok < 4 && f.inQuote[k] < 0 && f.para[k] == f.para[a.cueTok] {
		if w := f.toks[k].w; w == ":" {
			return true
		} else if w == "," || w == "." || w == ";" {
			return false
		}
		k++
	}
	return k < len(f.toks) && k-a.cueTok < 4 && f.inQuote[k] >= 0 && f.para[k] == f.para[a.cueTok]
}

// subjectBefore reads the speaker phrase that ends before cue token c:
// a named mention, a pronoun, or a short noun phrase ("U.S. officials").
// An apposition between commas is skipped ("Hamasaeed, director of ...,
// said").
func (f *finder) subjectBefore(c int) (int, int) {
	k := c - 1
	for k >= 0 && preCueAdverbs[f.toks[k].lw] {
		k--
	}
	if k > 0 && (f.toks[k].lw == "and" || f.toks[k].lw == "but") && f.para[k] == f.para[c] {
		// "De Blasio said ... and said": the first verb's subject
		if s, e, ok := f.participleSubject(c); ok {
			return s, e
		}
		return f.sentenceSubject(k)
	}
	if s, e := f.subjectBeforeHeuristic(c); e > s && f.nominalHead(e-1) {
		if ps, pe, ok := f.modifiedSubject(c, s, e); ok {
			return ps, pe
		}
		return s, e
	}
	if useParse && f.parsed {
		if s, e, ok := f.parseSubject(c); ok && f.nominalHead(e-1) {
			return s, e
		}
	}
	return 0, 0
}

// useParse switches the dependency-parse reading of subjects on.
var useParse = true

// parseSubject reads the nominal subject of cue c from the parse: the
// subject's subtree up to its head word (appositions and relative clauses
// after the head are left out). ok is false when the parse has none
// before c in the same sentence.
func (f *finder) parseSubject(c int) (int, int, bool) {
	lo := f.paraBeg[f.para[c]]
	subj := -1
	for k := c - 1; k >= lo && c-k < 40; k-- {
		if f.toks[k].head == c && (f.toks[k].dep == "nsubj" || f.toks[k].dep == "nsubj:pass") {
			subj = k
			break
		}
	}
	if subj < 0 || f.inQuote[subj] >= 0 {
		return 0, 0, false
	}
	// leftmost descendant of subj
	s := subj
	for k := subj - 1; k >= lo; k-- {
		if f.dominates(subj, k) {
			s = k
		} else if f.toks[k].w == "," || f.inQuote[k] >= 0 {
			break
		}
	}
	e := subj + 1
	for e < c && (f.toks[e].head == subj || f.toks[e].head == e-1) && (f.toks[e].dep == "flat" || f.toks[e].dep == "compound" || f.toks[e].dep == "flat:name" ||
		f.toks[e].dep == "appos" && f.toks[e].pos == "PROPN") {
		// "The union leader Marta Olsen": a name in apposition with no comma
		e++
	}
	if mi := f.mentAt[subj]; mi >= 0 {
		if m := f.ments[mi]; m.te > e && m.te <= c {
			e = m.te
		}
		if m := f.ments[mi]; m.ts < s {
			s = m.ts
		}
	}
	if s < lo || e <= s || e-s > 12 {
		return 0, 0, false
	}
	return s, e, true
}

// dominates reports whether token a is an ancestor of token b.
func (f *finder) dominates(a, b int) bool {
	for k, n := b, 0; k >= 0 && k < len(f.toks) && n < 64; n++ {
		h := f.toks[k].head
		if h == a {
			return true
		}
		if h < 0 || h == k {
			return false
		}
		k = h
	}
	return false
}

func (f *finder) subjectBeforeHeuristic(c int) (int, int) {
	lo := f.paraBeg[f.para[c]]
	k := c - 1
	for k >= lo && (preCueAdverbs[f.toks[k].lw] || mannerAdverb(f.toks[k])) {
		k--
	}
	if k < lo {
		return 0, 0
	}
	// a day or time between subject and cue: "Beck on Wednesday called"
	for k-1 >= lo && (dayWords[f.toks[k].lw] || f.toks[k].lw == "week" || f.toks[k].lw == "month") {
		k--
		if f.toks[k].lw == "on" || f.toks[k].lw == "last" || f.toks[k].lw == "this" {
			k--
		}
		for k >= lo && preCueAdverbs[f.toks[k].lw] {
			k--
		}
	}
	if k < lo {
		return 0, 0
	}
	if f.toks[k].w == "," && k-1 >= lo {
		// "Gov. John Kasich (R-OH), said": a person right before the comma
		j := k - 1
		if f.toks[j].w == ")" {
			for j > lo && k-j < 8 && f.toks[j].w != "(" {
				j--
			}
			j--
		}
		if j >= lo {
			if mi := f.mentAt[j]; mi >= 0 && f.ments[mi].te == j+1 && f.doc.Entities[f.ments[mi].entity].Type == faultline.EntityPerson {
				return f.extendBack(f.ments[mi].ts, lo), j + 1
			}
		}
	}
	if f.toks[k].w == ")" {
		// "Rep. Paul Ryan (R-WI) said"
		j := k - 1
		for j >= lo && k-j < 8 && f.toks[j].w != "(" {
			j--
		}
		if j < lo || f.toks[j].w != "(" {
			return 0, 0
		}
		k = j - 1
		if k < lo {
			return 0, 0
		}
	}
	if lw := f.toks[k].lw; lw == "which" || lw == "who" {
		return k, k + 1
	}
	appositive := false
	if f.toks[k].w == "," {
		appositive = true
		// apposition: find the comma before it within 20 tokens
		j := k - 1
		for j >= lo && k-j < 20 && f.toks[j].w != "," && f.toks[j].w != "." && f.inQuote[j] < 0 {
			j--
		}
		if j < lo || f.toks[j].w != "," {
			return 0, 0
		}
		k = j - 1
		if k < lo {
			return 0, 0
		}
	}
	if f.inQuote[k] >= 0 {
		return 0, 0
	}
	if mi := f.mentAt[k]; mi >= 0 && f.ments[mi].te == k+1 {
		s := f.ments[mi].ts
		if appositive && s > lo && f.toks[s-1].lw == "or" {
			// "known as X, or PMF, many linked to Iran, says": a chain of
			// appositions whose head lies further back
			return 0, 0
		}
		return f.extendBack(s, lo), k + 1
	}
	if pronounWords[f.toks[k].lw] {
		return k, k + 1
	}
	if quantifiers[f.toks[k].lw] && (k == lo || f.sentStart(k) || !isWordToken(f.toks[k-1].w) || speakerStops[f.toks[k-1].lw]) {
		// "Some chanted", "Others say", "Another tweeted"
		return k, k + 1
	}
	// a common noun phrase
	e := k + 1
	s := k + 1
	for s > lo && e-s < 7 {
		t := f.toks[s-1]
		if speakerStops[t.lw] || f.inQuote[s-1] >= 0 || !isWordToken(t.w) {
			break
		}
		if p := t.pos; (p == "VERB" || p == "AUX" || p == "ADV" || p == "SCONJ" || p == "CCONJ" || p == "ADP") && !f.taggedName(s-1) {
			break
		}
		s--
	}
	if s >= e {
		return 0, 0
	}
	// the head must be a noun-like word
	head := f.toks[e-1]
	if p := head.pos; p != "" && p != "NOUN" && p != "PROPN" && p != "PRON" && !f.taggedName(e-1) {
		return 0, 0
	}
	if head.pos == "" && !startsUpper(head.w) && !strings.HasSuffix(head.lw, "s") {
		return 0, 0
	}
	return s, e
}

// extendBack adds determiners, titles and modifiers written before a
// named mention ("U.S. President Donald Trump", "the agency").
func (f *finder) extendBack(s, lo int) int {
	for s > lo && s-1 >= 0 {
		t := f.toks[s-1]
		if f.inQuote[s-1] >= 0 || !isWordToken(t.w) || speakerStops[t.lw] {
			break
		}
		if !startsUpper(t.w) && t.lw != "the" {
			break
		}
		if p := t.pos; p == "VERB" || p == "AUX" || p == "ADP" || p == "SCONJ" || p == "CCONJ" {
			break
		}
		if s-1 == f.paraBeg[f.para[s-1]] || f.sentStart(s-1) {
			s--
			break
		}
		s--
	}
	return s
}

// taggedName reports whether token k is a name the tagger took for an
// adverb ("And Skelly said", "Priebus added"): capitalised,
// inside its sentence, and not a word a sentence may open with.
func (f *finder) taggedName(k int) bool {
	t := f.toks[k]
	if t.pos != "ADV" || !startsUpper(t.w) || !isWordToken(t.w) || f.sentStart(k) || k == f.paraBeg[f.para[k]] {
		return false
	}
	if preCueAdverbs[t.lw] || dayWords[t.lw] || k > 0 && (f.toks[k-1].w == ":" || isOpen(f.toks[k-1].w)) {
		return false
	}
	return true
}

// mannerAdverb reports whether a token is an adverb of manner that may
// stand between a subject and its cue ("Kelso emphatically proclaimed").
func mannerAdverb(t tokenInfo) bool {
	return t.pos == "ADV" && len(t.lw) > 4 && strings.HasSuffix(t.lw, "ly") && !startsUpper(t.w)
}

// joinParenSentences undoes a sentence break inside a short parenthesis
// ("Rep. Jane Doe (D-N.Y.) reacted, saying: “"): the tokens after the
// break up to the end of that sentence join the sentence of the "(".
func (f *finder) joinParenSentences() {
	for a := range f.toks {
		if f.toks[a].w != "(" {
			continue
		}
		for b := a + 1; b < len(f.toks) && b-a <= 8 && f.para[b] == f.para[a]; b++ {
			if f.toks[b].w == "(" {
				break
			}
			if f.toks[b].w != ")" {
				continue
			}
			if from, to := f.sentOf[b], f.sentOf[a]; from != to {
				for k := a + 1; k < len(f.toks) && (k <= b || f.sentOf[k] == from); k++ {
					f.sentOf[k] = to
				}
			}
			break
		}
	}
}

func (f *finder) sentStart(i int) bool {
	return i == 0 || f.sentOf[i] != f.sentOf[i-1]
}

func isWordToken(w string) bool {
	if w == "'s" || w == "’s" {
		return true
	}
	for _, r := range w {
		if r >= 'a' && r <= 'z' || r >= 'A' && r <= 'Z' || r >= 0x80 {
			return r != '“' && r != '”' && r != '’' && r != '‘' && r != '—' && r != '–'
		}
	}
	return false
}

func startsUpper(w string) bool { return w != "" && w[0] >= 'A' && w[0] <= 'Z' }

// medium reads "in an interview with the Iranian official Islamic Republic
// News Agency", "told the Iranian news agency", "during an interview with
// VOA", "in a statement", "on Twitter" from token i up to end.
func (f *finder) medium(i, end int) string {
	limit := i + 16
	if limit > end {
		limit = end
	}
	if i > 0 && i < limit && (f.toks[i-1].lw == "told" || f.toks[i-1].lw == "tells") {
		return f.mediumPhrase(i, limit)
	}
	for k := i; k < limit; k++ {
		w := f.toks[k].lw
		if w == "." || w == ";" || isOpen(f.toks[k].w) || f.inQuote[k] >= 0 {
			return ""
		}
		if w == "with" && k > i && (f.toks[k-1].lw == "interview" || f.toks[k-1].lw == "conversation") ||
			w == "told" || w == "to" && k > i && (f.toks[k-1].lw == "interview" || f.toks[k-1].lw == "statement") {
			return f.mediumPhrase(k+1, limit)
		}
		if (w == "on" || w == "in") && k+1 < limit {
			nx := f.toks[k+1]
			if nx.lw == "twitter" || nx.lw == "facebook" || nx.lw == "television" || nx.lw == "radio" {
				return nx.w
			}
		}
	}
	return ""
}

func (f *finder) mediumPhrase(s, limit int) string {
	e := s
	for e < limit {
		w := f.toks[e].lw
		if w == "," || w == "." || w == ";" || w == "this" || w == "last" || w == "on" || w == "that" || w == "in" || w == "about" || isOpen(f.toks[e].w) {
			break
		}
		e++
	}
	// the last named organisation in the phrase, else the phrase
	for k := e - 1; k >= s; k-- {
		if mi := f.mentAt[k]; mi >= 0 {
			ent := f.doc.Entities[f.ments[mi].entity]
			if ent.Type == faultline.EntityOrg || ent.Type == faultline.EntityMisc {
				m := f.ments[mi]
				return f.doc.Text[f.toks[m.ts].start:f.toks[m.te-1].end]
			}
		}
	}
	for s < e && (f.toks[s].lw == "the" || f.toks[s].lw == "a" || f.toks[s].lw == "an") {
		s++
	}
	if e <= s || e-s > 8 {
		return ""
	}
	return f.doc.Text[f.toks[s].start:f.toks[e-1].end]
}

// shareWithinParagraph gives unattributed quotes the attribution of another
// quote in the same paragraph (nearest before, else nearest after).
func (f *finder) shareWithinParagraph(ds []draft) {
	for i := range ds {
		if ds[i].attr != nil {
			continue
		}
		for j := i - 1; j >= 0 && ds[j].para == ds[i].para; j-- {
			if ds[j].attr != nil {
				ds[i].attr = ds[j].attr
				ds[i].inherits = true
				break
			}
		}
		if ds[i].attr != nil {
			continue
		}
		for j := i + 1; j < len(ds) && ds[j].para == ds[i].para; j++ {
			if ds[j].attr != nil && !ds[j].inherits {
				ds[i].attr = ds[j].attr
				ds[i].inherits = true
				break
			}
		}
	}
}

// continueParagraphs carries a speaker into a paragraph that is nothing but
// a quote continuing the previous paragraph's attributed quote.
func (f *finder) continueParagraphs(ds []draft) {
	for i := range ds {
		if ds[i].attr != nil || i == 0 {
			continue
		}
		p := ds[i].para
		if ds[i].open != f.paraBeg[p] {
			continue
		}
		// the previous paragraph with a quote must be the one just before
		prev := ds[i-1]
		if prev.para != p-1 || prev.attr == nil {
			continue
		}
		// and it must end with that quote (or leave it open)
		last := prev.close
		if last < 0 || f.paraEnd[p-1]-last <= 3 || f.quoteEndsParagraph(prev) {
			ds[i].attr = prev.attr
			ds[i].inherits = true
		}
	}
}

// continueBackwards gives an unclosed quote (the paragraph ends without a
// closing mark, so the quotation runs on) the attribution of its
// continuation in the next paragraph.
func (f *finder) continueBackwards(ds []draft) {
	for i := len(ds) - 2; i >= 0; i-- {
		if ds[i].attr != nil || ds[i].close >= 0 {
			continue
		}
		next := ds[i+1]
		if next.para == ds[i].para+1 && next.open == f.paraBeg[next.para] && next.attr != nil {
			ds[i].attr = next.attr
			ds[i].inherits = true
		}
	}
}

func (f *finder) quoteEndsParagraph(d draft) bool {
	// only an attribution ("he said.") after the closing mark
	if d.close < 0 {
		return true
	}
	a := d.attr
	if a == nil || a.cueTok <= d.close {
		return false
	}
	// the attribution sentence is the paragraph's last ("..., said Murphy,
	// who thinks often about ...")
	return f.paraEnd[d.para]-a.cueTok <= 12 || f.sentOf[f.paraEnd[d.para]-1] == f.sentOf[a.cueTok]
}

// quote turns a draft into a faultline.Quote.
func (f *finder) quote(d draft) (faultline.Quote, bool) {
	if d.te <= d.ts || d.te > len(f.toks) {
		return faultline.Quote{}, false
	}
	start, end := f.toks[d.ts].start, f.toks[d.te-1].end
	q := faultline.Quote{Text: f.doc.Text[start:end], Start: start, End: end, Direct: d.direct}
	if d.direct && d.attr == nil && d.te-d.ts < 3 {
		// scare quotes and titles: not a quote without a speaker
		return q, false
	}
	if d.attr != nil {
		a := d.attr
		q.Cue = a.cue
		q.Medium = a.medium
		for a.speakerTS < a.speakerTE && !isWordToken(f.toks[a.speakerTS].w) {
			a.speakerTS++
		}
		if a.speakerTE > a.speakerTS {
			q.SpeakerText = f.doc.Text[f.toks[a.speakerTS].start:f.toks[a.speakerTE-1].end]
			ei := f.speakerEntity(a.speakerTS, a.speakerTE)
			if ei < 0 && a.speakerTE-a.speakerTS == 1 {
				ei = f.relativeAntecedent(a.speakerTS)
			}
			if ei < 0 {
				ei = f.titleAntecedent(a.speakerTS, a.speakerTE)
			}
			if ei >= 0 {
				id := f.doc.Entities[ei].ID
				q.Speaker = &id
			}
		}
	}
	return q, true
}

// speakerEntity is the entity whose mention ends the speaker phrase (its
// head): "U.S. President Donald Trump" is Trump, "U.S. officials" is no
// entity. A person mention anywhere in a phrase cut short also counts.
func (f *finder) speakerEntity(s, e int) int {
	best := -1
	for _, m := range f.ments {
		if m.ts < s || m.te > e {
			continue
		}
		if m.te == e {
			return m.entity
		}
		if f.doc.Entities[m.entity].Type == faultline.EntityPerson && best < 0 {
			// "Jafar al-Hosseini" followed by words we kept in the phrase
			if !f.hasNounAfter(m.te, e) {
				best = m.entity
			}
		}
	}
	return best
}

func (f *finder) hasNounAfter(s, e int) bool {
	for k := s; k < e; k++ {
		if p := f.toks[k].pos; p == "NOUN" || p == "PROPN" {
			return true
		}
		if f.toks[k].pos == "" && isWordToken(f.toks[k].w) {
			return true
		}
	}
	return false
}

// shortSubjectEnd returns the end of a pronoun or named mention starting at
// token j (with an optional adverb after it), or j when there is none.
func (f *finder) shortSubjectEnd(j, end int) int {
	e := j
	if pronounWords[f.toks[j].lw] && f.toks[j].lw != "it" && f.toks[j].lw != "you" && f.toks[j].lw != "i" && f.toks[j].lw != "we" {
		e = j + 1
	} else if mi := f.mentAt[j]; mi >= 0 && f.ments[mi].ts == j {
		if f.doc.Entities[f.ments[mi].entity].Type != faultline.EntityPerson {
			return j
		}
		e = f.ments[mi].te
	} else if lw := f.toks[j].lw; (lw == "the" || lw == "a" || lw == "an") && f.parsed {
		// "“Nooooo!” the crowd cried out", "“...,” the nominee riffed"
		e = j + 1
		for e < end && e-j <= 4 && (f.toks[e].pos == "ADJ" || f.toks[e].pos == "NOUN" || f.toks[e].pos == "PROPN") {
			e++
		}
		if e == j+1 || f.toks[e-1].pos != "NOUN" || e >= end || !speechManners[f.toks[e].lw] {
			return j
		}
		return e
	} else if f.toks[j].pos == "PROPN" {
		// a name the ner stage missed: "Trump shot back"
		e = j
		for e < end && e-j < 3 && f.toks[e].pos == "PROPN" && f.mentAt[e] < 0 {
			e++
		}
	}
	if e == j {
		return j
	}
	if e < end && f.toks[e].pos == "ADV" {
		return e // "he said sarcastically" is handled by cues; "he then added" is not a subject end
	}
	return e
}

func (f *finder) verbBetween(a, b int) bool {
	for k := a; k < b; k++ {
		if p := f.toks[k].pos; p == "VERB" || f.isCue(k) {
			return true
		}
	}
	return false
}

// namedSubject reports whether tokens [s, e) are a pronoun or end with a
// person or organisation mention.
func (f *finder) namedSubject(s, e int) bool {
	if e-s == 1 && (pronounWords[f.toks[s].lw] || f.toks[s].lw == "which" || f.toks[s].lw == "who") {
		return true
	}
	if mi := f.mentAt[e-1]; mi >= 0 && f.ments[mi].te == e {
		t := f.doc.Entities[f.ments[mi].entity].Type
		return t == faultline.EntityPerson || t == faultline.EntityOrg
	}
	return false
}

// isPlainNoun reports whether a token is a common noun (tagged NOUN, or an
// untagged lower-case word).
func (t tokenInfo) isPlainNoun() bool {
	return t.pos == "NOUN" || t.pos == "" && t.w != "" && t.w[0] >= 'a' && t.w[0] <= 'z'
}

// monthWords are not names signed under a quote.
var monthWords = setOf(`january february march april may june july august september october november december update updated editor's note`)

var dayWords = map[string]bool{
	"monday": true, "tuesday": true, "wednesday": true, "thursday": true, "friday": true, "saturday": true,
	"sunday": true, "today": true, "yesterday": true, "tonight": true, "earlier": true, "later": true,
}

// namingVerbs name or describe rather than quote ("a class called
// “Perception”"): their subject must be a person, group or pronoun.
var namingVerbs = map[string]bool{
	"called": true, "calls": true, "titled": true, "entitled": true, "dubbed": true, "labeled": true,
	"labeling": true, "named": true, "reading": true, "read": true, "reads": true, "described": true,
	"describes": true, "known": true,
}

// nominalHead reports whether token k can end a speaker phrase: not a
// verb or auxiliary ("its mission of routing").
func (f *finder) nominalHead(k int) bool {
	if startsUpper(f.toks[k].w) {
		return true // names mis-tagged as verbs
	}
	p := f.toks[k].pos
	return p != "VERB" && p != "AUX" && p != "ADP" && p != "CCONJ" && p != "SCONJ" && p != "PUNCT"
}

// endsWithComma reports whether a quote ends in a comma, question or
// exclamation mark or dash (“...,” he said), inside or right after the
// closing mark: the sign that an attribution follows.
func (f *finder) endsWithComma(d *draft) bool {
	if d.close < 0 {
		return false
	}
	if k := d.close - 1; k >= 0 {
		switch f.toks[k].w {
		case ",", "?", "!", "—", "-", "–":
			return true
		}
	}
	if k := d.close + 1; k < len(f.toks) {
		switch f.toks[k].w {
		case ",", "—", "–":
			return true
		}
	}
	return false
}

// clauseAfter reports whether tokens from s read as a clause (a verb or
// auxiliary before the next punctuation) rather than a speaker's name.
func (f *finder) clauseAfter(s, end int) bool {
	for k := s; k < end && k-s < 8; k++ {
		if w := f.toks[k].w; w == "," || w == "." || w == ";" {
			return false
		}
		if p := f.toks[k].pos; p == "VERB" || p == "AUX" {
			return true
		}
	}
	return false
}

// abbrevStop reports whether the full stop at token k ends an abbreviation
// inside a sentence rather than the sentence: a comma follows ("Mitch
// McConnell, R-Ky., said").
func (f *finder) abbrevStop(k int) bool {
	return k > 0 && k+1 < len(f.toks) && f.toks[k+1].w == "," && f.toks[k].start == f.toks[k-1].end && startsUpper(f.toks[k-1].w)
}

// closesSentence reports whether a quote ends with a full stop inside or
// right after its closing mark.
func (f *finder) closesSentence(d *draft) bool {
	if d.close < 0 {
		return false
	}
	if k := d.close - 1; k >= 0 && f.toks[k].w == "." {
		return true
	}
	return d.close+1 < len(f.toks) && f.toks[d.close+1].w == "."
}

// reportsAfter reports whether the cue of attribution a, read after a
// quote, goes on with content of its own ("He said the FBI had not
// commented", "Smith said that ..."), so it attributes that content.
func (f *finder) reportsAfter(a *attribution, end int) bool {
	k := a.cueTok + 1
	if a.speakerTS > a.cueTok {
		return false // "said Smith, ...": a name after the cue
	}
	if k >= end || f.inQuote[k] >= 0 {
		return false
	}
	if f.toks[k].lw == "that" {
		return true
	}
	return f.parsed && f.clauseAfter(k, end)
}

// quantifiers stand alone for people as subjects ("Many say ...").
var quantifiers = setOf(`some many others another several few most both one`)

// tailAttribution reads the attribution that closes a sentence opened by a
// partial quote and continued in the writer's words: "“We're happy” about
// the decision, said RoseAnn DeMoro, ...", "“...” and against the law,
// Clinton said." Cue k must follow a comma (cue first) or a short subject
// that follows one; nil otherwise.
func (f *finder) tailAttribution(j, k, end int) *attribution {
	if k-1 <= j {
		return nil
	}
	if f.toks[k-1].w == "," {
		s := k + 1
		e := f.speakerPhraseEnd(s, end)
		if e <= s || !(startsUpper(f.toks[s].w) || f.mentAt[s] >= 0 || f.toks[s].lw == "the" || f.toks[s].lw == "a") {
			return nil
		}
		f.usedCue[k] = true
		return &attribution{speakerTS: s, speakerTE: e, cue: f.toks[k].lw, cueTok: k, medium: f.medium(e, end)}
	}
	s, e := f.subjectBefore(k)
	if e <= s || s <= j+1 || f.toks[s-1].w != "," || e-s > 8 {
		return nil
	}
	f.usedCue[k] = true
	return &attribution{speakerTS: s, speakerTE: e, cue: f.toks[k].lw, cueTok: k, medium: f.medium(k+1, end)}
}
