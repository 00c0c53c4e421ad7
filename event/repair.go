package event

import (
	"sort"
	"strings"

	"github.com/faultline-news/faultline"
)

// repairParse returns a copy of the tokens with attachments that a
// statistical parser gets wrong now and then, in ways the coder cannot read
// around, put back the way the grammar requires. Each rule undoes a reading
// that no well-formed parse has (punctuation with dependents, an adverbial
// clause under a noun, a passive agent under an active verb, a noun
// coordinated with a verb, an oblique without a preposition right after
// another verb, a gerund with a "between" modifier read as a noun, a
// reported clause's subject read as the reporting verb's object), so a
// good parse passes through unchanged. The document's
// own tokens are not touched: only the coder reads the copy.
func repairParse(toks []faultline.Token, sents []faultline.Sentence) []faultline.Token {
	out := append([]faultline.Token(nil), toks...)
	for _, s := range sents {
		if s.TokenStart < 0 || s.TokenEnd > len(out) || s.TokenEnd <= s.TokenStart {
			continue
		}
		r := repairer{t: out, lo: s.TokenStart, hi: s.TokenEnd, kidx: make([][]int, s.TokenEnd-s.TokenStart)}
		for k := r.lo; k < r.hi; k++ {
			if h := out[k].Head; r.in(h) && h != k {
				r.kidx[h-r.lo] = append(r.kidx[h-r.lo], k)
			}
		}
		r.punctuationHeads()
		r.interjectionVerbs()
		r.subjectAdverbials()
		r.secondSubjects()
		r.activeAgents()
		r.nounConjuncts()
		r.bareObliques()
		r.gerundsBetween()
		r.gerundCompounds()
		r.intentInfinitives()
		r.reportedSubjects()
	}
	return out
}

type repairer struct {
	t      []faultline.Token
	lo, hi int
	kidx   [][]int // dependents of each token of the sentence, in text order
}

func (r *repairer) in(k int) bool { return k >= r.lo && k < r.hi }

// kids returns (a copy of) the dependents of h in text order.
func (r *repairer) kids(h int) []int {
	if !r.in(h) {
		return nil
	}
	return append([]int(nil), r.kidx[h-r.lo]...)
}

// setHead hangs k on h, keeping the dependents index in step. It does
// nothing when h lies below k, which would make a cycle of the tree.
func (r *repairer) setHead(k, h int) {
	for a, steps := h, 0; r.in(a) && steps <= r.hi-r.lo; a, steps = r.t[a].Head, steps+1 {
		if a == k {
			return
		}
	}
	if old := r.t[k].Head; r.in(old) {
		ks := r.kidx[old-r.lo]
		for i, c := range ks {
			if c == k {
				r.kidx[old-r.lo] = append(ks[:i:i], ks[i+1:]...)
				break
			}
		}
	}
	r.t[k].Head = h
	if r.in(h) && h != k {
		ks := r.kidx[h-r.lo]
		i := sort.SearchInts(ks, k)
		ks = append(ks, 0)
		copy(ks[i+1:], ks[i:])
		ks[i] = k
		r.kidx[h-r.lo] = ks
	}
}

func (r *repairer) hasKid(h int, deps ...string) bool {
	for _, k := range r.kids(h) {
		for _, d := range deps {
			if r.t[k].Dep == d {
				return true
			}
		}
	}
	return false
}

// punctBetween reports whether a punctuation mark lies between a and b.
func (r *repairer) punctBetween(a, b int) bool {
	for k := a + 1; k < b; k++ {
		if r.t[k].POS == "PUNCT" {
			return true
		}
	}
	return false
}

// span returns the first and last token of h's subtree (outside input may
// hold cycles: each token is visited once).
func (r *repairer) span(h int) (int, int) {
	lo, hi := h, h
	seen := map[int]bool{h: true}
	stack := []int{h}
	for len(stack) > 0 {
		k := stack[len(stack)-1]
		stack = stack[:len(stack)-1]
		lo, hi = min(lo, k), max(hi, k)
		if !r.in(k) {
			continue
		}
		for _, c := range r.kidx[k-r.lo] {
			if !seen[c] {
				seen[c] = true
				stack = append(stack, c)
			}
		}
	}
	return lo, hi
}

// first returns the first token of h's subtree.
func (r *repairer) first(h int) int { lo, _ := r.span(h); return lo }

// last returns the last token of h's subtree.
func (r *repairer) last(h int) int { _, hi := r.span(h); return hi }

func nominalPOS(p string) bool { return p == "NOUN" || p == "PROPN" }

// punctuationHeads: a punctuation mark heads nothing. Words hung on one
// ("fired shells at New Zealand on Thursday" with "at" and "New" under the
// full stop) form a phrase of the mark's head: its first noun becomes an
// oblique of the mark's head (a nominal modifier under a noun), and the
// mark's other dependents hang on that noun.
func (r *repairer) punctuationHeads() {
	for p := r.lo; p < r.hi; p++ {
		if r.t[p].POS != "PUNCT" || !r.in(r.t[p].Head) {
			continue
		}
		var words []int
		n := -1
		for _, k := range r.kids(p) {
			if r.t[k].POS == "PUNCT" {
				continue
			}
			words = append(words, k)
			if n < 0 && nominalPOS(r.t[k].POS) {
				n = k
			}
		}
		if len(words) == 0 {
			continue
		}
		h := r.t[p].Head
		for _, k := range words {
			if n >= 0 && k != n {
				r.setHead(k, n)
				continue
			}
			r.setHead(k, h)
		}
		if n >= 0 {
			r.t[n].Dep = "nmod"
			if r.t[h].POS == "VERB" {
				r.t[n].Dep = "obl"
			}
		}
	}
}

// interjectionVerbs: an interjection does not take a determiner and a
// noun after it. A word tagged INTJ right before the determiner of the
// noun it hangs on ("X and Y welcome a resumption of ties", with "welcome"
// an interjection and X the subject of "resumption") is the verb of that
// noun: it takes the noun's place in the tree, the noun becomes its
// object and the noun's subject its subject.
func (r *repairer) interjectionVerbs() {
	for w := r.lo; w+1 < r.hi; w++ {
		n := r.t[w].Head
		if r.t[w].POS != "INTJ" || r.t[w+1].POS != "DET" || !r.in(n) || n <= w+1 || r.t[w+1].Head != n || !nominalPOS(r.t[n].POS) {
			continue
		}
		r.t[w].POS, r.t[w].Dep = "VERB", r.t[n].Dep
		r.setHead(w, r.t[n].Head)
		if r.t[w].XPOS == "UH" || r.t[w].XPOS == "" {
			r.t[w].XPOS = "VBP"
		}
		for _, k := range r.kids(n) {
			if r.t[k].Dep == "nsubj" {
				r.setHead(k, w)
			}
		}
		r.setHead(n, w)
		r.t[n].Dep = "obj"
	}
}

// subjectAdverbials: an adverbial clause modifies a predicate, not a noun.
// One hung on the subject noun it precedes ("If X refrain from leaving, the
// resistance will target them", with "refrain" under "resistance") belongs
// to the subject's verb.
func (r *repairer) subjectAdverbials() {
	for a := r.lo; a < r.hi; a++ {
		h := r.t[a].Head
		if r.t[a].Dep != "advcl" || !r.in(h) || a > h {
			continue
		}
		if p := r.t[h].POS; !nominalPOS(p) && p != "PRON" {
			continue
		}
		if d := r.t[h].Dep; (d == "nsubj" || d == "nsubj:pass") && r.in(r.t[h].Head) {
			r.setHead(a, r.t[h].Head)
		}
	}
}

// secondSubjects: a verb has one subject. When the parser gives it two,
// and the second directly continues the first's phrase ("X, centre of a
// row between Radagast the Brown, called ..." without the commas, with
// "the Brown" a second subject), the second is an apposition of the
// first's last noun. Words of time are left to the coder ("lawmakers
// Tuesday endorsed").
func (r *repairer) secondSubjects() {
	for v := r.lo; v < r.hi; v++ {
		var subj []int
		for _, k := range r.kids(v) {
			if r.t[k].Dep == "nsubj" {
				subj = append(subj, k)
			}
		}
		if len(subj) != 2 || timeWords[strings.ToLower(r.t[subj[1]].Lemma)] || !nominalPOS(r.t[subj[1]].POS) {
			continue
		}
		a, b := subj[0], subj[1]
		last := r.last(a)
		if last < a || r.first(b) != last+1 || !nominalPOS(r.t[last].POS) {
			continue
		}
		r.setHead(b, last)
		r.t[b].Dep = "appos"
	}
}

// activeAgents: only a passive verb has an agent. "by" phrases the parser
// labelled obl:agent under a verb with an active subject and no passive
// auxiliary ("X has received by courier money from Y") are obliques.
func (r *repairer) activeAgents() {
	for k := r.lo; k < r.hi; k++ {
		h := r.t[k].Head
		if r.t[k].Dep != "obl:agent" || !r.in(h) {
			continue
		}
		if r.hasKid(h, "nsubj") && !r.hasKid(h, "nsubj:pass", "aux:pass") {
			r.t[k].Dep = "obl"
		}
	}
}

// nounConjuncts: a verb is not coordinated with a common noun. A noun the
// parser made a conjunct of a verb that has no object, after it in the same
// stretch of text (no punctuation between) and with no subject or copula of
// its own ("will abandon full and formal ties",
// with "ties" conjoined to "abandon"), is the verb's object.
func (r *repairer) nounConjuncts() {
	for n := r.lo; n < r.hi; n++ {
		h := r.t[n].Head
		if r.t[n].Dep != "conj" || r.t[n].POS != "NOUN" || !r.in(h) || h > n || r.t[h].POS != "VERB" {
			continue
		}
		if r.hasKid(h, "obj") || r.hasKid(n, "nsubj", "nsubj:pass", "cop") || r.punctBetween(h, n) {
			continue
		}
		r.t[n].Dep = "obj"
	}
}

// bareObliques: an oblique noun phrase without a preposition (no "case")
// that directly follows another verb than its head is that verb's object:
// "X condemned the attack and promised aid to the villages", with "aid"
// parsed as a bare oblique of "condemned".
func (r *repairer) bareObliques() {
	for n := r.lo; n < r.hi; n++ {
		h := r.t[n].Head
		if r.t[n].Dep != "obl" || r.t[n].POS != "NOUN" || !r.in(h) || h > n || r.hasKid(n, "case") || timeWords[strings.ToLower(r.t[n].Lemma)] {
			continue
		}
		v := r.first(n) - 1
		if v <= h || r.t[v].POS != "VERB" || r.hasKid(v, "obj") {
			continue
		}
		r.setHead(n, v)
		r.t[n].Dep = "obj"
	}
}

// gerundsBetween: "fighting between X and Y" names a clash of the two
// parties whether the tagger read the -ing form as a verb or a noun; read
// as a noun, it becomes the verb it is (lemma without -ing) and its
// "between" modifier the verb's oblique, so that the coder's reading of
// "between" obliques codes it.
func (r *repairer) gerundsBetween() {
	for g := r.lo; g < r.hi; g++ {
		lemma := strings.ToLower(r.t[g].Lemma)
		if r.t[g].POS != "NOUN" || len(lemma) < 6 || !strings.HasSuffix(lemma, "ing") {
			continue
		}
		for _, k := range r.kids(g) {
			if r.t[k].Dep != "nmod" {
				continue
			}
			between := false
			for _, c := range r.kids(k) {
				if r.t[c].Dep == "case" && strings.EqualFold(r.t[c].Lemma, "between") {
					between = true
				}
			}
			if !between {
				continue
			}
			stem := lemma[:len(lemma)-3]
			if n := len(stem); n >= 3 && stem[n-1] == stem[n-2] && !strings.ContainsRune("aeiousl", rune(stem[n-1])) {
				// "bombing" keeps its b; "shopping" → "shop"
				stem = stem[:n-1]
			}
			r.t[g].POS, r.t[g].XPOS, r.t[g].Lemma = "VERB", "VBG", stem
			r.t[k].Dep = "obl"
			break
		}
	}
}

// gerundCompounds: "rescheduled his annual mushroom hunting trip" parsed
// with "mushroom" the object and "hunting trip" a clause of the verb: a
// singular noun object, an -ing form and a noun in a row, the -ing form an
// adverbial clause of the same verb without subject, marker or auxiliary,
// and the noun its object without a determiner, are one compound noun
// headed by the last word, which becomes the object.
func (r *repairer) gerundCompounds() {
	for g := r.lo + 1; g+1 < r.hi; g++ {
		n, m := g-1, g+1
		v := r.t[g].Head
		if r.t[g].XPOS != "VBG" || r.t[g].Dep != "advcl" || r.t[n].Dep != "obj" || r.t[n].Head != v || r.t[n].XPOS != "NN" {
			continue
		}
		if r.t[m].Dep != "obj" || r.t[m].Head != g || r.t[m].POS != "NOUN" || r.hasKid(m, "det", "nmod:poss") {
			continue
		}
		if r.hasKid(g, "nsubj", "mark", "aux", "aux:pass") || len(r.kids(g)) != 1 || r.last(n) != n {
			continue
		}
		r.setHead(m, v)
		r.setHead(g, m)
		r.t[m].Dep, r.t[g].Dep = "obj", "amod"
		for _, k := range r.kids(n) {
			r.setHead(k, m)
		}
		r.setHead(n, m)
		r.t[n].Dep = "compound"
	}
}

// intentInfinitives: a verb of intending takes its infinitive as an open
// complement (xcomp), whose subject is its own. The -ing form of such a
// verb tagged an adjective or noun ("a militia threatening to turn
// against X", "threatening" an ADJ modifying "militia") is the verb, a
// participle modifying the noun (acl); and its infinitive attached as a
// clausal complement or adverbial clause without a subject of its own
// ("threatening to turn" with "turn" a ccomp or advcl) is its xcomp.
func (r *repairer) intentInfinitives() {
	for h := r.lo; h < r.hi; h++ {
		p := r.t[h].POS
		w := strings.ToLower(r.t[h].Lemma)
		if (p != "ADJ" && p != "NOUN") || !strings.HasSuffix(w, "ing") {
			continue
		}
		stem := w[:len(w)-3]
		if !intentHeads[stem] && intentHeads[stem+"e"] {
			stem += "e"
		}
		if !intentHeads[stem] || !r.hasInfinitive(h) {
			continue
		}
		r.t[h].POS, r.t[h].XPOS, r.t[h].Lemma = "VERB", "VBG", stem
		if r.t[h].Dep == "amod" {
			r.t[h].Dep = "acl"
		}
	}
	for v := r.lo; v < r.hi; v++ {
		h := r.t[v].Head
		if d := r.t[v].Dep; (d != "ccomp" && d != "advcl") || !r.in(h) || r.t[h].POS != "VERB" || !intentHeads[strings.ToLower(r.t[h].Lemma)] {
			continue
		}
		if r.toMarked(v) && !r.hasKid(v, "nsubj", "nsubj:pass", "csubj") {
			r.t[v].Dep = "xcomp"
		}
	}
}

// toMarked reports whether verb v is an infinitive with "to".
func (r *repairer) toMarked(v int) bool {
	if r.t[v].POS != "VERB" {
		return false
	}
	for _, k := range r.kids(v) {
		if k < v && r.t[k].Dep == "mark" && strings.EqualFold(r.t[k].Lemma, "to") {
			return true
		}
	}
	return false
}

// hasInfinitive reports whether h governs an infinitive with "to" after it.
func (r *repairer) hasInfinitive(h int) bool {
	for _, k := range r.kids(h) {
		if d := r.t[k].Dep; k > h && (d == "xcomp" || d == "ccomp" || d == "advcl" || d == "acl") && r.toMarked(k) {
			return true
		}
	}
	return false
}

// timeWords are nouns of time that stand as bare obliques ("met last
// week").
var timeWords = map[string]bool{
	"monday": true, "tuesday": true, "wednesday": true, "thursday": true, "friday": true, "saturday": true, "sunday": true,
	"yesterday": true, "today": true, "tomorrow": true, "tonight": true, "week": true, "month": true, "year": true, "day": true,
	"morning": true, "evening": true, "night": true, "weekend": true, "time": true,
}

// reportVerbs take a reported clause, not an object noun before it.
var reportVerbs = map[string]bool{
	"say": true, "claim": true, "report": true, "state": true, "announce": true, "insist": true,
	"allege": true, "add": true, "confirm": true, "believe": true,
}

// reportedSubjects: "police said raiders from across the border had
// stolen cattle", with "raiders" parsed as the object of "said" and the
// reported clause left without a subject: a noun object of a reporting
// verb followed by its subjectless clausal complement is that clause's
// subject, and the reporting verb's obliques between the two modify it.
func (r *repairer) reportedSubjects() {
	for v := r.lo; v < r.hi; v++ {
		if r.t[v].POS != "VERB" || !reportVerbs[strings.ToLower(r.t[v].Lemma)] {
			continue
		}
		obj, comp := -1, -1
		for _, k := range r.kids(v) {
			switch r.t[k].Dep {
			case "obj":
				if k > v && obj < 0 && nominalPOS(r.t[k].POS) {
					obj = k
				}
			case "ccomp":
				if comp < 0 {
					comp = k
				}
			}
		}
		if obj < 0 || comp < obj || r.hasKid(comp, "nsubj", "nsubj:pass", "expl", "csubj") || r.punctBetween(obj, r.first(comp)) {
			continue
		}
		if r.first(comp) <= obj {
			continue
		}
		r.setHead(obj, comp)
		r.t[obj].Dep = "nsubj"
		if r.hasKid(comp, "aux:pass") {
			r.t[obj].Dep = "nsubj:pass"
		}
		for _, k := range r.kids(v) {
			if r.t[k].Dep == "obl" && k > obj && k < comp {
				r.setHead(k, obj)
				r.t[k].Dep = "nmod"
			}
		}
	}
}
