package quote

// reportedSpeech finds indirect attributions sentence by sentence:
// "SUBJECT CUE (that) CONTENT", "CONTENT, SUBJECT CUE.", "according to X,
// CONTENT" and "CONTENT, according to X". Cues already used by a direct
// quote and content inside quotation marks are skipped.
func (f *finder) reportedSpeech() []draft {
	var out []draft
	n := len(f.toks)
	sentEnd := func(i int) int {
		j := i
		for j < n && f.sentOf[j] == f.sentOf[i] && f.para[j] == f.para[i] {
			j++
		}
		return j
	}
	sentBeg := func(i int) int {
		j := i
		for j > 0 && f.sentOf[j-1] == f.sentOf[i] && f.para[j-1] == f.para[i] {
			j--
		}
		return j
	}
	out = append(out, f.headlines()...)
	for i := 0; i < n; i++ {
		if f.inQuote[i] >= 0 || f.usedCue[i] {
			continue
		}
		lw := f.toks[i].lw
		if lw == "according" && i+1 < n && f.toks[i+1].lw == "to" {
			if d, ok := f.accordingTo(i, sentBeg(i), sentEnd(i)); ok {
				out = append(out, d)
			}
			continue
		}
		if participles[lw] && i > 0 && (f.toks[i-1].w == "," || f.toks[i-1].lw == "while") {
			if d, ok := f.participleReport(i, sentBeg(i), sentEnd(i)); ok {
				out = append(out, d)
			}
			continue
		}
		form, ok := cueForm(lw)
		indirect := ok && cues[form]
		if !ok && thatVerbs[lw] && i+1 < n && f.toks[i+1].lw == "that" && f.toks[i].pos != "NOUN" && f.toks[i].pos != "ADJ" {
			indirect, ok = true, true
		}
		if !ok && evidenceVerbs[lw] && f.toks[i].pos == "VERB" && f.parsed && f.clauseAfter(i+1, sentEnd(i)) && f.toks[i].dep == "root" {
			// "The latest poll showed Trump leading the field": a clause
			// after a verb of evidence, no "that"
			indirect, ok = true, true
		}
		if !ok || !indirect || !(f.isCue(i) || thatVerbs[lw]) {
			continue
		}
		beg, end := sentBeg(i), sentEnd(i)
		s, e := f.subjectBefore(i)
		if e <= s && i > beg && (f.toks[i-1].lw == "and" || f.toks[i-1].lw == "but") {
			// "Graham called both ... “crazy” and said ..."
			s, e = f.sentenceSubject(i - 1)
		}
		if e <= s && i > beg+2 && f.toks[i-1].w == "," {
			// "CONTENT, said Wilcox, an Orlando Republican."
			if d, ok := f.invertedReport(i, beg, end); ok {
				out = append(out, d)
			}
			continue
		}
		if e <= s {
			continue
		}
		if s < beg {
			continue
		}
		attr := &attribution{speakerTS: s, speakerTE: e, cue: lw, cueTok: i}
		// content after the cue
		cs := i + 1
		if lw == "told" || lw == "tells" || lw == "accused" || lw == "accuses" || lw == "warned" || lw == "warns" || lw == "asked" || lw == "asks" {
			// "told reporters that", "warned in February that": skip to "that" if near
			found := false
			for k := cs; k < end && k-cs < 8; k++ {
				if w := f.toks[k].lw; w == "that" || w == "whether" || (lw == "asked" || lw == "asks") && (w == "if" || w == "about") {
					cs = k
					found = true
					break
				}
			}
			if !found && lw != "accused" && lw != "accuses" {
				cs = f.skipObject(cs, end)
			}
		} else {
			for k := cs; k < end && k-cs < 8; k++ {
				if f.toks[k].lw == "that" && k > cs && (f.toks[cs].lw == "in" || f.toks[cs].lw == "on" || f.toks[cs].lw == "during" || f.toks[cs].pos == "ADV") {
					cs = k
					break
				}
			}
		}
		if cs < end && (f.toks[cs].lw == "that" || f.toks[cs].w == "," || f.toks[cs].w == ":") {
			cs++
		}
		ce := f.cutAtAttribution(cs, end, s, e)
		for ce > cs && isPunct(f.toks[ce-1].w) {
			ce--
		}
		if ce-cs <= 4 && s > beg && f.toks[s-1].w == "," && (lw == "told" || lw == "tells") {
			// "CONTENT, his aide told The Huffington Post."
			cs = ce
		}
		if ce-cs >= 3 && !f.quoted(cs, ce) {
			out = append(out, draft{ts: cs, te: ce, attr: attr, para: f.para[i], open: cs, close: -1})
			continue
		}
		// content before the subject: "CONTENT, officials said."
		if ce-cs <= 1 && s > beg && f.toks[s-1].w == "," {
			cs2, ce2 := beg, s-1
			if ce2-cs2 >= 3 && !f.quoted(cs2, ce2) {
				out = append(out, draft{ts: cs2, te: ce2, attr: attr, para: f.para[i], open: cs2, close: -1})
			}
		}
	}
	return out
}

// quoted reports whether most of tokens [s, e) are inside a direct quote.
func (f *finder) quoted(s, e int) bool {
	in := 0
	for k := s; k < e; k++ {
		if f.inQuote[k] >= 0 {
			in++
		}
	}
	return in*2 > e-s
}

func isPunct(w string) bool {
	return w == "." || w == "," || w == ";" || w == ":" || w == "?" || w == "!" || w == "”" || w == "\""
}

// accordingTo reads "according to X, CONTENT" and "CONTENT, according to X".
func (f *finder) accordingTo(i, beg, end int) (draft, bool) {
	s := i + 2
	e := s
	for e < end && e-s < 10 {
		w := f.toks[e].w
		if w == "," || w == "." || w == ";" || isOpen(w) {
			break
		}
		e++
	}
	if e <= s {
		return draft{}, false
	}
	attr := &attribution{speakerTS: s, speakerTE: e, cue: "according to", cueTok: i}
	var cs, ce int
	if i == beg || i-1 >= beg && f.toks[i-1].w == "," && i-1 == beg {
		cs, ce = e, end
		if cs < ce && f.toks[cs].w == "," {
			cs++
		}
	} else {
		cs, ce = beg, i
		if e < end && f.toks[e].w == "," {
			// "CONTENT, according to X, CONTENT"
			cs, ce = beg, end
		}
	}
	for ce > cs && isPunct(f.toks[ce-1].w) {
		ce--
	}
	if ce-cs < 3 || f.quoted(cs, ce) {
		return draft{}, false
	}
	// keep the attribution phrase out of content that spans both sides
	if cs < i && ce > e {
		ce = i
		for ce > cs && isPunct(f.toks[ce-1].w) {
			ce--
		}
	}
	return draft{ts: cs, te: ce, attr: attr, para: f.para[i], open: cs, close: -1}, true
}

// invertedReport reads "CONTENT, said NAME(, apposition)." with the cue at
// token i.
func (f *finder) invertedReport(i, beg, end int) (draft, bool) {
	s := i + 1
	e := f.speakerPhraseEnd(s, end)
	if e <= s || !(startsUpper(f.toks[s].w) || f.toks[s].lw == "the" || f.toks[s].lw == "a" || f.mentAt[s] >= 0) {
		return draft{}, false
	}
	cs, ce := beg, i-1
	for ce > cs && isPunct(f.toks[ce-1].w) {
		ce--
	}
	if ce-cs < 3 || f.quoted(cs, ce) {
		return draft{}, false
	}
	f.usedCue[i] = true
	attr := &attribution{speakerTS: s, speakerTE: e, cue: f.toks[i].lw, cueTok: i}
	return draft{ts: cs, te: ce, attr: attr, para: f.para[i], open: cs, close: -1}, true
}

// skipObject skips the listener after "told": a named mention, an object
// pronoun or "reporters"; it returns the first token of the content.
func (f *finder) skipObject(cs, end int) int {
	if cs >= end {
		return cs
	}
	if mi := f.mentAt[cs]; mi >= 0 && f.ments[mi].ts == cs {
		return f.ments[mi].te
	}
	switch f.toks[cs].lw {
	case "me", "him", "her", "us", "them", "you", "reporters", "journalists", "supporters":
		return cs + 1
	}
	k := cs
	for k < end && k-cs < 5 && startsUpper(f.toks[k].w) {
		k++
	}
	if k > cs && k < end && !startsUpper(f.toks[k].w) {
		return k
	}
	return cs
}

// participleReport reads "..., saying (that) CONTENT" with the speaker
// the subject of the main clause.
func (f *finder) participleReport(i, beg, end int) (draft, bool) {
	s, e := f.sentenceSubject(i)
	if e <= s {
		return draft{}, false
	}
	cs := i + 1
	if f.toks[i].lw == "telling" {
		cs = f.skipObject(cs, end)
	}
	if cs < end && (f.toks[cs].lw == "that" || f.toks[cs].w == "," || f.toks[cs].w == ":") {
		cs++
	}
	ce := end
	for ce > cs && isPunct(f.toks[ce-1].w) {
		ce--
	}
	if ce-cs < 3 || f.quoted(cs, ce) {
		return draft{}, false
	}
	attr := &attribution{speakerTS: s, speakerTE: e, cue: f.toks[i].lw, cueTok: i}
	return draft{ts: cs, te: ce, attr: attr, para: f.para[i], open: cs, close: -1}, true
}

// headlines reads "Lynch: No outside influence on FBI probe." paragraphs:
// a short name, a colon and the claim.
func (f *finder) headlines() []draft {
	var out []draft
	for p := range f.paraBeg {
		b, e := f.paraBeg[p], f.paraEnd[p]
		if e-b > 30 || e-b < 5 {
			continue
		}
		colon := -1
		for k := b + 1; k < b+5 && k < e; k++ {
			if f.toks[k].w == ":" {
				colon = k
				break
			}
		}
		if colon < 0 || f.inQuote[colon] >= 0 {
			continue
		}
		ok := true
		for k := b; k < colon; k++ {
			if !startsUpper(f.toks[k].w) && f.toks[k].w != "." {
				ok = false
			}
		}
		if !ok {
			continue
		}
		cs, ce := colon+1, e
		for ce > cs && isPunct(f.toks[ce-1].w) {
			ce--
		}
		if ce-cs < 3 || f.quoted(cs, ce) {
			continue
		}
		attr := &attribution{speakerTS: b, speakerTE: colon, cue: ":", cueTok: colon}
		out = append(out, draft{ts: cs, te: ce, attr: attr, para: p, open: cs, close: -1})
	}
	return out
}

// thatVerbs report speech or belief only when a "that" clause follows
// ("a poll found that ...", "he knows that ...").
var thatVerbs = map[string]bool{
	"show": true, "shows": true, "showed": true, "shown": true, "found": true, "finds": true, "find": true,
	"know": true, "knows": true, "knew": true, "feel": true, "feels": true, "felt": true, "see": true, "sees": true,
	"saw": true, "acknowledge": true, "understand": true, "understands": true, "realize": true, "realized": true,
	"recognize": true, "recognized": true, "worry": true, "worried": true, "worries": true, "learned": true,
	"heard": true, "insist": true, "agree": true, "agrees": true, "indicate": true, "indicates": true,
	"doubt": true, "doubted": true, "assume": true, "assumed": true, "emphasize": true, "mean": true,
	"means": true, "meant": true, "hope": true, "fear": true, "expect": true, "suspect": true, "suspected": true,
	"guess": true, "imagine": true, "conclude": true, "determined": true, "ruled": true, "decided": true,
	"signaled": true, "signalled": true, "implied": true, "implies": true, "stress": true, "stresses": true,
	"argued": true, "contend": true, "contends": true, "maintain": true, "maintains": true, "promise": true,
	"promises": true, "pledged": true, "vowed": true, "swore": true, "boasted": true, "bragged": true,
	"reminded": true, "informed": true, "assured": true, "convinced": true, "persuaded": true, "showing": false,
}

// cutAtAttribution ends reported content [cs, end) before a direct quote
// it would swallow together with that quote's own attribution: in "...,
// Lopez-Cantera said about the movement, “...”" the quote and its cue do
// not belong to the content of an earlier cue. The cut falls on the last
// comma before the other attribution's cue.
func (f *finder) cutAtAttribution(cs, end, s, e int) int {
	for k := cs + 1; k < end; k++ {
		if _, ok := f.quoteOfCue[k]; !ok || !f.attributesQuoteIn(k, cs, end, s, e) {
			continue
		}
		for c := k - 1; c > cs; c-- {
			if f.toks[c].w == "," {
				return c
			}
		}
		return end
	}
	return end
}

// attributesQuoteIn reports whether cue token k is the cue of a direct
// quote lying in tokens [cs, end) whose speaker is not the phrase [s, e).
func (f *finder) attributesQuoteIn(k, cs, end, s, e int) bool {
	for i := f.quoteOfCue[k]; i < len(f.direct); i++ {
		d := f.direct[i]
		if d.attr == nil || d.attr.cueTok != k || d.open < cs || d.open >= end {
			if d.open >= end {
				return false
			}
			continue
		}
		a := d.attr
		if a.speakerTS == s && a.speakerTE == e {
			return false
		}
		if x, y := f.speakerEntity(a.speakerTS, a.speakerTE), f.speakerEntity(s, e); x >= 0 && x == y {
			return false
		}
		return true
	}
	return false
}

// evidenceVerbs report what a poll, record or study shows, with or without
// "that".
var evidenceVerbs = setOf(`show shows showed shown suggest suggests suggested indicate indicates indicated found finds reveal reveals revealed`)

// speakerPhraseEnd returns where a speaker phrase starting at token s ends:
// before a comma, full stop, semicolon, opening quote or a preposition that
// ends a speaker phrase, at the sentence end, or after 8 tokens at most.
func (f *finder) speakerPhraseEnd(s, end int) int {
	e := s
	for e < end && e-s < 8 {
		w := f.toks[e].lw
		if w == "," || w == "." || w == ";" || isOpen(f.toks[e].w) || speakerEndPreps[w] {
			break
		}
		e++
	}
	return e
}
