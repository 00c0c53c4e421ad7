// Package event codes who did what to whom: for each verbal predicate of a
// dependency-parsed sentence it finds the acting and acted-upon actors
// (subjects, objects, obliques, passive agents, coordinated and appositive
// actors), codes them with CAMEO actor codes from PETRARCH-format actor and
// agent dictionaries (plus faultline's own lexicon), codes the action by
// matching the verb lemma, its particles and the words of its dependents
// against PETRARCH verb patterns (and, optionally, a small verb lexicon of
// our own), and marks negation, hypothetical context and reported speech.
//
// Precision comes first: an event is coded only when both its source and its
// target resolve to actor codes inside the predicate's own clause.
//
// The coder reads a repaired copy of the parse (repair.go): attachments that
// no well-formed parse has, and that taggers and parsers retrained on other
// data produce now and then, are put back the way the grammar requires, so
// that the coding does not hang on one model's habits.
//
// Merge folds the events of many documents into happenings counted by
// mentions, sources and articles.
package event

import (
	"context"
	"fmt"
	"math"
	"slices"
	"sort"
	"strings"
	"time"
	"unicode"

	"github.com/faultline-news/faultline"
	"github.com/faultline-news/faultline/lexicon"
	"github.com/faultline-news/faultline/lexicon/cameo"
	"github.com/faultline-news/faultline/lexicon/petrarch"
)

// Options tune a Coder.
type Options struct {
	// OwnVerbs makes the coder consult faultline's own verb lexicon for
	// lemmas that the user's verb dictionaries do not hold. NewStage sets it
	// when the user gave no verb dictionary.
	OwnVerbs bool
	// OwnAgents makes the coder read faultline's own agent words ("leader",
	// "activists") beside the user's agents dictionary. NewStage sets it
	// when the user gave no agents dictionary: PETRARCH reads a role only
	// from the agents dictionary, so "the US leader" is USA with the
	// Phoenix dictionaries, which have no plain LEADER.
	OwnAgents bool
	// NoDefaultActors leaves faultline's embedded country/role lexicon out,
	// so that only the user's dictionaries code actors.
	NoDefaultActors bool
	// AgentOnly codes a noun phrase whose head is an agent word but which
	// names no country ("militias", "the police") as "---" plus the agent
	// code, the way PETRARCH writes unknown-country actors.
	AgentOnly bool
	// PetrarchNesting codes nested events as PETRARCH-2 does: the verb
	// dictionary's transformations replace the events nested under another
	// verb ("X claimed that Y attacked Z" is only X accusing Y), and an
	// intended act other than cooperation is coded as the act ("pledged to
	// expel X" is 174, not 137) unless a transformation says otherwise. By
	// default the nested event is kept beside the one the transformation
	// makes and every intention is coded as one (CAMEO 03 or 13).
	PetrarchNesting bool
}

// Coder is the event-coding stage.
type Coder struct {
	layers lexicon.Layers
	// codeAgents are the layers whose agents add their code to an actor:
	// the user's agents dictionary alone when there is one; faultline's
	// own agent words then only mark a role noun ("American forces" is
	// an actor, USA, where "Swiss francs" is none)
	codeAgents lexicon.Layers
	user       *petrarch.Dictionaries
	opts       Options
	rules      []nestRule // the user's verb-dictionary transformations
}

// NewStage returns the event coder over the user's dictionaries (nil for
// none: faultline's own actor lexicon and verb table are used). When the user
// gives verb patterns, our own verb table is not consulted.
func NewStage(user *petrarch.Dictionaries) *Coder {
	opts := Options{
		OwnVerbs:  user == nil || user.Verbs == nil || len(user.Verbs.Blocks) == 0,
		OwnAgents: user == nil || user.Agents == nil || len(user.Agents.Agents) == 0,
	}
	return New(user, opts)
}

// New returns a coder with explicit options.
func New(user *petrarch.Dictionaries, opts Options) *Coder {
	c := &Coder{user: user, opts: opts, rules: nestRules(user)}
	if opts.NoDefaultActors {
		c.layers = lexicon.Layers{user}
	} else {
		c.layers = lexicon.Default(user)
	}
	c.codeAgents = c.layers
	if !opts.OwnAgents && user != nil && user.Agents != nil && len(user.Agents.Agents) > 0 {
		c.codeAgents = lexicon.Layers{user}
	}
	return c
}

// Name returns "event".
func (c *Coder) Name() string { return "event" }

// Requires returns the layers the coder reads. Entities, times and places
// are used when an earlier stage filled them, but are not required.
func (c *Coder) Requires() []faultline.Layer {
	return []faultline.Layer{faultline.LayerTokens, faultline.LayerSentences, faultline.LayerPOS, faultline.LayerParse}
}

// Assigns returns the events layer.
func (c *Coder) Assigns() []faultline.Layer { return []faultline.Layer{faultline.LayerEvents} }

// Process codes the events of doc, replacing doc.Events.
func (c *Coder) Process(ctx context.Context, doc *faultline.Document) (err error) {
	defer func() {
		if r := recover(); r != nil {
			err = faultline.Errorf(faultline.EINTERNAL, "event: document %q: coder panic: %v (please report this input)", doc.ID, r)
		}
	}()
	doc.Events = doc.Events[:0]
	if len(doc.Tokens) == 0 {
		return nil
	}
	// the coder reads a repaired copy of the parse (repairParse); the
	// document's own tokens stay as the parser left them
	work := *doc
	work.Tokens = repairParse(doc.Tokens, doc.Sentences)
	defer func() { doc.Events = work.Events }()
	w := newDocWork(c, &work)
	if w.storyDiscarded() {
		return nil
	}
	for si, s := range doc.Sentences {
		if si%64 == 0 {
			if err := ctx.Err(); err != nil {
				return faultline.Errorf(faultline.EUNAVAILABLE, "event: document %q: %w", doc.ID, err)
			}
		}
		if s.TokenEnd <= s.TokenStart || s.TokenEnd > len(doc.Tokens) {
			continue
		}
		w.sentence(si, s.TokenStart, s.TokenEnd)
	}
	placeAtFocus(w)
	doc.Events = work.Events
	for i := range doc.Events {
		doc.Events[i].ID = fmt.Sprintf("V%d", i+1)
	}
	return nil
}

// docWork holds the per-document state of one Process call.
type docWork struct {
	c        *Coder
	doc      *faultline.Document
	words    []string // normalized token words
	lemmas   []string
	kids     [][]int
	day      petrarch.Date
	date     string
	entityAt map[int]int // token → entity index (first mention covering it)
}

func newDocWork(c *Coder, doc *faultline.Document) *docWork {
	n := len(doc.Tokens)
	w := &docWork{c: c, doc: doc, words: make([]string, n), lemmas: make([]string, n), kids: make([][]int, n)}
	for i, t := range doc.Tokens {
		if t.Start >= 0 && t.End <= len(doc.Text) && t.Start <= t.End {
			w.words[i] = petrarch.Normalize(doc.Text[t.Start:t.End])
		}
		w.lemmas[i] = strings.ToLower(t.Lemma)
		if w.lemmas[i] == "" {
			w.lemmas[i] = w.words[i]
		}
		if t.Head >= 0 && t.Head < n && t.Head != i {
			w.kids[t.Head] = append(w.kids[t.Head], i)
		}
	}
	// the publication date, else the reference date (the time the
	// document was read)
	ref := doc.Reference
	if doc.Published != "" {
		if t, err := time.Parse("2006-01-02", firstN(doc.Published, 10)); err == nil {
			ref = t
		}
	}
	if !ref.IsZero() {
		w.day = petrarch.DateOf(ref)
		w.date = ref.Format("2006-01-02")
	}
	if len(doc.Entities) > 0 {
		w.entityAt = map[int]int{}
		for ei, e := range doc.Entities {
			for _, m := range e.Mentions {
				// tokens are in text order: find the first at or after the
				// mention's start
				ti := sort.Search(n, func(i int) bool { return doc.Tokens[i].Start >= m.Start })
				for ; ti < n && doc.Tokens[ti].Start < m.End; ti++ {
					if doc.Tokens[ti].End <= m.End {
						if _, ok := w.entityAt[ti]; !ok {
							w.entityAt[ti] = ei
						}
					}
				}
			}
		}
	}
	return w
}

func firstN(s string, n int) string {
	if len(s) > n {
		return s[:n]
	}
	return s
}

// storyDiscarded reports whether a story-level discard phrase occurs.
func (w *docWork) storyDiscarded() bool {
	for _, s := range w.doc.Sentences {
		if s.TokenEnd <= s.TokenStart || s.TokenEnd > len(w.words) {
			continue
		}
		if d, ok := w.c.layers.Discarded(w.words[s.TokenStart:s.TokenEnd]); ok && d.Story {
			return true
		}
	}
	return false
}

// sentWork is the state of one sentence.
type sentWork struct {
	*docWork
	index      int
	lo, hi     int
	actorSpan  []int // token → index into actors, -1 none
	agentSpan  []int
	actors     []petrarch.ActorMatch
	agents     []petrarch.AgentMatch
	actorCodes []string
	first      int // index of the sentence's first event in doc.Events
	negSeen    bool
	recipSeen  bool   // the pattern being matched had a '%' before the verb
	inClause   []bool // tokens of the clause being matched (markClause)
	belowObl   []bool // tokens of the clause below a noun modifying an oblique
	// compoundSubject tells codeVerbNeg that the verb's subject is a
	// coordination of actors (for '%' pattern elements); reciprocalPattern
	// tells the caller that the chosen pattern had one before the verb.
	compoundSubject, reciprocalPattern bool
	// swappedPattern: the chosen pattern puts the target before the verb
	// ("- + * MONEY $"), so the subject is the target
	swappedPattern bool
	feats          []features // of the sentence's events, in order
	// lastResort lets resolve code an agent without a country ("militias"
	// as "---UAF"); set only after the normal resolution found nothing.
	lastResort bool
}

func (w *docWork) sentence(si, lo, hi int) {
	words := w.words[lo:hi]
	if _, ok := w.c.layers.Discarded(words); ok {
		return
	}
	sw := &sentWork{docWork: w, index: si, lo: lo, hi: hi, first: len(w.doc.Events),
		actorSpan: make([]int, hi-lo), agentSpan: make([]int, hi-lo)}
	for i := range sw.actorSpan {
		sw.actorSpan[i], sw.agentSpan[i] = -1, -1
	}
	// words tied by '_' ("Dol_Amroth"), as the dictionaries write phrases,
	// are one token for the parser but several words for the actor phrases
	mw, mtok := words, []int(nil)
	for _, wd := range words {
		if strings.Contains(wd, "_") {
			mw = nil
			break
		}
	}
	if mw == nil {
		for i, wd := range words {
			parts := strings.FieldsFunc(wd, func(r rune) bool { return r == '_' })
			if len(parts) == 0 {
				parts = []string{wd}
			}
			for _, p := range parts {
				mw, mtok = append(mw, p), append(mtok, i)
			}
		}
	}
	for j := 0; j < len(mw); {
		m, ok := w.c.layers.MatchActor(mw, j)
		if !ok || m.Length <= 0 {
			j++
			continue
		}
		end := j + m.Length
		if mtok != nil {
			if (j > 0 && mtok[j-1] == mtok[j]) || (end < len(mw) && mtok[end] == mtok[end-1]) {
				// a phrase must start and end at token boundaries
				j++
				continue
			}
			m.Start, m.Length = mtok[j], mtok[end-1]-mtok[j]+1
		}
		if w.commonNounName(lo+m.Start, lo+m.Start+m.Length-1, lo, hi) {
			j++
			continue
		}
		code := ""
		if cd, ok := m.Actor.CodeAt(w.day); ok {
			code = cd
		}
		sw.actors = append(sw.actors, m)
		sw.actorCodes = append(sw.actorCodes, code)
		for k := m.Start; k < m.Start+m.Length && k < len(words); k++ {
			sw.actorSpan[k] = len(sw.actors) - 1
		}
		j = end
	}
	for i := 0; i < len(words); {
		if sw.actorSpan[i] >= 0 {
			i++
			continue
		}
		m, ok := w.c.codeAgents.MatchAgent(words, i)
		if !ok && len(w.c.codeAgents) < len(w.c.layers) {
			if m, ok = w.c.layers.MatchAgent(words, i); ok {
				m.Agent = &petrarch.Agent{Phrase: m.Agent.Phrase}
			}
		}
		if ok && m.Length > 0 && w.inPlaceName(lo+i, lo+i+m.Length) {
			// "the West Bank", "the Gold Coast": a word of a place's
			// name is no role
			ok = false
		}
		if ok && m.Length > 0 {
			sw.agents = append(sw.agents, m)
			for k := i; k < i+m.Length && k < len(words); k++ {
				if sw.actorSpan[k] < 0 {
					sw.agentSpan[k] = len(sw.agents) - 1
				}
			}
			i += m.Length
			continue
		}
		i++
	}
	for i := range words {
		// armed-group nouns that role lexicons often lack ("the Islamic
		// resistance of Iraq")
		if a, ok := groupNouns[w.lemmas[lo+i]]; ok && sw.actorSpan[i] < 0 && sw.agentSpan[i] < 0 && w.doc.Tokens[lo+i].POS == "NOUN" {
			sw.agents = append(sw.agents, petrarch.AgentMatch{Agent: a, Start: i, Length: 1})
			sw.agentSpan[i] = len(sw.agents) - 1
		}
	}
	if len(sw.actors) == 0 && len(w.entityAt) == 0 {
		return
	}
	for v := lo; v < hi; v++ {
		sw.predicate(v)
	}
	sw.transform()
	sw.score()
}

// inPlaceName reports whether tokens [a, b) lie inside the mention of a
// named place of two or more tokens.
func (w *docWork) inPlaceName(a, b int) bool {
	if w.entityAt == nil {
		return false
	}
	ei, ok := w.entityAt[a]
	if !ok {
		return false
	}
	e := &w.doc.Entities[ei]
	if e.Type != faultline.EntityGPE && e.Type != faultline.EntityLoc && e.Type != faultline.EntityFac {
		return false
	}
	for k := a; k < b; k++ {
		if w.entityAt[k] != ei {
			return false
		}
	}
	// the name has a word outside the role phrase
	if j, ok := w.entityAt[a-1]; ok && j == ei {
		return true
	}
	j, ok := w.entityAt[b]
	return ok && j == ei
}

// commonNounName reports whether the actor phrase of tokens [a, b] is
// written as a common noun: a name of several words whose last word, the
// phrase's head, is in lower case and takes an indefinite article ("a
// strict Islamic state" is no Islamic State).
func (w *docWork) commonNounName(a, b, lo, hi int) bool {
	if b <= a || b >= len(w.doc.Tokens) {
		return false
	}
	first, last := w.doc.Tokens[a], w.doc.Tokens[b]
	fw, lw := w.doc.Text[first.Start:first.End], w.doc.Text[last.Start:last.End]
	if fw == "" || !unicode.IsUpper([]rune(fw)[0]) || strings.ToLower(lw) != lw {
		return false
	}
	for k := lo; k < hi; k++ {
		t := w.doc.Tokens[k]
		if t.Head == b && t.Dep == "det" {
			switch strings.ToLower(w.doc.Text[t.Start:t.End]) {
			case "a", "an":
				return true
			}
		}
	}
	return false
}

// isVerbal reports whether token i can head a coded predicate.
func (w *docWork) isVerbal(i int) bool {
	switch w.doc.Tokens[i].POS {
	case "VERB":
		// a participle modifying a noun ("the affected villages",
		// "promoting" read as a modifier of "biofuels") describes the
		// thing; it heads no act of its own
		return w.doc.Tokens[i].Dep != "amod"
	}
	return false
}

// predicate codes the events headed by verb token v: the verb's own event,
// events named by nouns in its obliques ("said during a meeting with X"),
// and the accusation made by reporting a violent act ("X warned that Y
// are holding Z": X accuses Y).
func (sw *sentWork) predicate(v int) {
	if !sw.isVerbal(v) {
		return
	}
	passive := false
	for _, k := range sw.kids[v] {
		if d := sw.doc.Tokens[k].Dep; d == "nsubj:pass" || d == "aux:pass" {
			passive = true
		}
	}
	var srcHeads, tgtHeads []int
	var srcVia, nounIntent string
	trigStart := v
	if passive {
		for _, k := range sw.kids[v] {
			d := sw.doc.Tokens[k].Dep
			if d == "obl:agent" || (d == "obl" && sw.hasCase(k, "by")) {
				srcHeads = append(srcHeads, k)
			}
		}
		for _, k := range sw.kids[v] {
			if sw.doc.Tokens[k].Dep == "nsubj:pass" {
				tgtHeads = append(tgtHeads, k)
			}
		}
		srcVia = "agent"
	} else if heads, lemma, k := sw.nounReadVerb(v); heads != nil {
		// "the U.S. vows not to cooperate", with "vows" tagged a noun
		srcHeads, srcVia, nounIntent, trigStart = heads, "control", lemma, k
	} else {
		srcHeads, srcVia = sw.subjectOf(v)
	}
	srcs := sw.resolveAll(srcHeads)
	if len(srcs) == 0 && !attributionVerbs[sw.lemmas[v]] && (!speechVerbs[sw.lemmas[v]] || !sw.statementVerb(v)) {
		// "militias are holding men"; but an unnamed "official said" is
		// no actor to code, only the source of the news (a reporting
		// verb that codes more than a statement is: "clerics believe X
		// can cope")
		srcs = sw.resolveLastResort(srcHeads)
	}
	// a '%' pattern ("- % HAVE * [191]") needs coordinated subjects
	sw.compoundSubject = !passive && len(srcs) >= 2
	// set by bestPattern, which other verbs' coding also runs
	sw.reciprocalPattern, sw.swappedPattern = false, false
	code, spec, trigEnd, negCoded := sw.codeVerbNeg(v)
	if rc := sw.objectControlCode(v); rc != "" {
		// "X wants Y to attack Z": the dictionary's transformation
		// ("~ a (b . ATTACK) WANT = a b 021") says what X does to Y
		code, spec, negCoded = petrarch.EventCode{Code: rc}, 1, false
	}
	if code.Code == "020" && directiveVerbs[sw.lemmas[v]] {
		// "asked Y to help Z", "urged Y to release Z": an appeal for
		// what the complement does (CAMEO 021-026)
		if cd := sw.appealCode(v); cd != "" {
			code = petrarch.EventCode{Code: cd}
		}
	}
	reciprocal, swapped := sw.reciprocalPattern, sw.swappedPattern && !passive
	sw.compoundSubject, sw.reciprocalPattern, sw.swappedPattern = false, false, false
	neg, hyp, purposeNeg := sw.modalityScope(v)
	if negCoded {
		// the pattern's code already says "did not"
		neg = false
	}
	intent := ""
	if sw.conditional(v) {
		// "will target them if ...": a conditional act is a threat
		intent = "if"
	}
	if t := sw.doc.Tokens[v]; t.Dep == "xcomp" && t.Head >= sw.lo && t.Head < sw.hi && intentHeads[sw.lemmas[t.Head]] && srcVia == "control" {
		intent = sw.lemmas[t.Head]
		if t.Head < v {
			// the trigger is the expressed intention: "threatening to turn"
			trigStart = t.Head
		}
	}
	if nounIntent != "" {
		intent = nounIntent
	}
	reported := sw.reportedText(v)
	reporter := sw.reporter(v)
	clauseLo, clauseHi := sw.clauseSpan(v)
	date := sw.date
	if d := sw.timeIn(clauseLo, clauseHi); d != "" {
		date = d
	}
	place := sw.placeIn(clauseLo, clauseHi)
	base := faultline.Event{Sentence: sw.index, Negated: neg, Hypothetical: hyp, ReportedBy: reporter, Date: date, Place: place}
	f := features{specific: spec, srcVia: srcVia, neg: neg, hyp: hyp, reported: reporter != nil || reported, intent: intent, purposeNeg: purposeNeg, verb: v + 1}

	coded := false
	if !code.IsNull() && !passive && srcVia != "nsubj" {
		// "fighting between X and Y": the parties act on each other
		// (unless the verb has a subject of its own)
		for _, k := range sw.kids[v] {
			if sw.doc.Tokens[k].Dep != "obl" || !sw.hasCase(k, "between") {
				continue
			}
			if ps := sw.resolveAll([]int{k}); len(ps) >= 2 {
				g := f
				g.srcVia, g.tgtVia = "between", "between"
				for i, a := range ps {
					for j, b := range ps {
						if i != j {
							sw.emitAll(base, sw.mention(trigStart, trigEnd), []resolved{a}, []resolved{b}, code, g)
						}
					}
				}
				return
			}
		}
	}
	if !code.IsNull() {
		var tgts []resolved
		if passive {
			tgts = sw.resolveAll(tgtHeads)
			if len(tgts) == 0 {
				tgts = sw.resolveLastResort(tgtHeads)
			}
			f.tgtVia = "subjpass"
			if len(tgts) == 0 && len(srcs) > 0 {
				// "evidence against X was presented by Y": the
				// patient's modifier, as with an active object
				for _, h := range tgtHeads {
					if r, locOnly := sw.modTargetLoc(h, code.Code >= "09"); len(r) > 0 && !locOnly {
						tgts, f.tgtVia = r, "subjpassmod"
						break
					}
				}
			}
		} else {
			tgts, f.tgtVia = sw.targetOf(v, code.Code)
			if len(tgts) == 0 && len(srcs) > 0 {
				sw.lastResort = true
				tgts, f.tgtVia = sw.targetOf(v, code.Code)
				sw.lastResort = false
			}
			if code.Code == "043" && sw.lemmas[v] == "host" {
				tgts = sw.visitors(v, tgts)
			}
		}
		if len(tgts) > 0 {
			if swapped {
				// "X received money from Y": Y gives, X receives
				srcs, tgts = tgts, srcs
				f.srcVia, f.tgtVia = "swapped", "swapped"
			}
			sw.emitAll(base, sw.mention(trigStart, trigEnd), srcs, tgts, code, f)
			coded = true
		} else if len(srcs) >= 2 && (reciprocal || (code.Code >= "03" && code.Code < "07" && (sw.noObject(v) || sw.relationObject(v)) && !sw.codedComplement(v))) {
			// "X and Y agree/met": cooperation between the coordinated
			// subjects, each with the other; a '%' pattern of the
			// dictionary says the same of its verb ("X and Y have
			// postponed their meeting")
			g := f
			g.tgtVia = "reciprocal"
			for i, a := range srcs {
				for j, b := range srcs {
					if i != j {
						sw.emitAll(base, sw.mention(trigStart, trigEnd), []resolved{a}, []resolved{b}, petrarch.EventCode{Code: code.Code}, g)
					}
				}
			}
			coded = true
		}
	}
	if coded && !passive && !neg && !hyp && reporter != nil && sw.reporterByParse(v) == nil && cameo.QuadClassOf(code.Code) == cameo.MaterialConflict {
		// "Human Rights Watch warned in February that militias are
		// holding men ...", with the speech verb lost by the parse but
		// found by the quote stage: the speaker accuses the doer
		if q := sw.quoteOf(v); q != nil && !q.Direct {
			if cue := sw.quoteCue(q); cue >= 0 && accusingSpeech[sw.lemmas[cue]] {
				if spk := sw.speakerActor(q); len(spk) > 0 {
					b := base
					b.ReportedBy, b.Negated, b.Hypothetical = nil, false, false
					// the warning has its own time and place: "warned in
					// February that ..."
					lo, hi := sw.clauseSpan(cue)
					b.Date, b.Place = sw.date, sw.placeIn(lo, hi)
					if d := sw.timeIn(lo, hi); d != "" {
						b.Date = d
					}
					g := features{srcVia: "quote", tgtVia: "ccompsubj", srcExact: true}
					sw.emitAll(b, sw.mention(cue, cue), spk, srcs, petrarch.EventCode{Code: "112"}, g)
				}
			}
		}
	}
	if passive || neg || coded {
		return
	}
	// nouns that name an event: "during a meeting with X", "in talks with X"
	for _, k := range sw.kids[v] {
		if d := sw.doc.Tokens[k].Dep; d != "obl" && d != "obj" {
			continue
		}
		nc, ok := eventNouns[sw.lemmas[k]]
		if !ok || sw.doc.Tokens[k].POS != "NOUN" {
			continue
		}
		var tgts []resolved
		for _, c := range sw.kids[k] {
			if sw.doc.Tokens[c].Dep == "nmod" && (sw.hasCase(c, "with") || sw.hasCase(c, "against") || sw.hasCase(c, "on")) {
				tgts = append(tgts, sw.resolveAll([]int{c})...)
			}
		}
		if len(tgts) == 0 {
			continue
		}
		lo, hi := sw.clauseSpan(k)
		b := base
		if d := sw.timeIn(lo, hi); d != "" {
			b.Date = d
		}
		if p := sw.placeIn(lo, hi); p != nil {
			b.Place = p
		}
		g := f
		g.tgtVia, g.specific = "objmod", 1
		sw.emitAll(b, sw.mention(k, k), srcs, tgts, petrarch.EventCode{Code: nc}, g)
	}
	// reporting violence is accusing its doer
	if !accusingSpeech[sw.lemmas[v]] {
		return
	}
	for _, k := range sw.kids[v] {
		if d := sw.doc.Tokens[k].Dep; d != "ccomp" || !sw.isVerbal(k) {
			continue
		}
		inner, _, _ := sw.codeVerb(k)
		if inner.Code == "" || cameo.QuadClassOf(inner.Code) != cameo.MaterialConflict {
			continue
		}
		if neutralSpeech[sw.lemmas[v]] && inner.Code < "18" {
			// "an officer said a court issued warrants": telling of an
			// arrest or a blockade is no accusation; telling of an
			// attack is (PETRARCH's "~ a (b . ATTACK) SAY = a b 112")
			continue
		}
		if in, ih := sw.modality(k); in || ih {
			// a denial or a prediction is not an accusation
			continue
		}
		var heads []int
		for _, c := range sw.kids[k] {
			if sw.doc.Tokens[c].Dep == "nsubj" && sw.doc.Tokens[c].POS != "PRON" {
				heads = append(heads, c)
			}
		}
		tgts := sw.resolveAll(heads)
		if len(tgts) == 0 {
			tgts = sw.resolveLastResort(heads)
		}
		if len(tgts) == 0 {
			continue
		}
		g := f
		g.tgtVia = "ccompsubj"
		sw.emitAll(base, sw.mention(v, v), srcs, tgts, petrarch.EventCode{Code: "112"}, g)
	}
}

// nounReadVerbs are -s forms of verbs of intention that taggers often read
// as plural nouns ("the U.S. vows not to cooperate"), with their lemmas.
var nounReadVerbs = map[string]string{
	"vows": "vow", "pledges": "pledge", "promises": "promise", "plans": "plan",
	"threatens": "threaten", "hopes": "hope", "aims": "aim", "intends": "intend",
}

// nounReadVerb recognises a verb of intention mis-tagged as the noun subject
// of v: "X vows not to V" parsed with "vows" as v's subject and "X" as its
// modifier. Only "to" and a negation may stand between the word and v, and
// the word must have an actor-like modifier before it; it returns the
// modifier heads (the real subject), the verb's lemma and its token.
func (sw *sentWork) nounReadVerb(v int) ([]int, string, int) {
	for _, k := range sw.kids[v] {
		if sw.doc.Tokens[k].Dep != "nsubj" || sw.doc.Tokens[k].POS != "NOUN" || k >= v {
			continue
		}
		lemma, ok := nounReadVerbs[sw.words[k]]
		if !ok {
			continue
		}
		to := false
		for i := k + 1; i < v; i++ {
			switch sw.words[i] {
			case "to":
				to = true
			case "not", "never":
			default:
				return nil, "", -1
			}
		}
		if !to {
			return nil, "", -1
		}
		var heads []int
		for _, c := range sw.kids[k] {
			if d := sw.doc.Tokens[c].Dep; c < k && (d == "compound" || d == "nmod:poss" || d == "amod") {
				heads = append(heads, c)
			}
		}
		if len(heads) > 0 {
			return heads, lemma, k
		}
	}
	return nil, "", -1
}

// conditional reports whether v heads a clause with an "if"/"unless"
// adverbial clause.
func (sw *sentWork) conditional(v int) bool {
	for _, k := range sw.kids[v] {
		if sw.doc.Tokens[k].Dep != "advcl" {
			continue
		}
		for _, c := range sw.kids[k] {
			if sw.doc.Tokens[c].Dep == "mark" && (sw.words[c] == "if" || sw.words[c] == "unless") {
				return true
			}
		}
	}
	return false
}

// isPassive reports whether v has a passive subject or auxiliary.
func (sw *sentWork) isPassive(v int) bool { return sw.hasKid(v, "nsubj:pass", "aux:pass") }

// hasObject reports whether v has an object or indirect object.
func (sw *sentWork) hasObject(v int) bool { return sw.hasKid(v, "obj", "iobj") }

// hasKid reports whether token v of the sentence has a dependent with one
// of the relations deps.
func (sw *sentWork) hasKid(v int, deps ...string) bool {
	if v < sw.lo || v >= sw.hi {
		return false
	}
	for _, k := range sw.kids[v] {
		if slices.Contains(deps, sw.doc.Tokens[k].Dep) {
			return true
		}
	}
	return false
}

// noObject reports whether v has no object and no oblique other than
// times and places.
func (sw *sentWork) noObject(v int) bool {
	for _, k := range sw.kids[v] {
		switch sw.doc.Tokens[k].Dep {
		case "obj", "iobj":
			return false
		case "obl":
			if !sw.isTemporal(k) && !locative[sw.caseOf(k)] {
				return false
			}
		}
	}
	return true
}

// codedComplement reports whether v governs an infinitive that codes an
// event of its own: "X and Y seek to deepen ties" is coded by "deepen",
// not also by "seek".
func (sw *sentWork) codedComplement(v int) bool {
	for _, k := range sw.kids[v] {
		if d := sw.doc.Tokens[k].Dep; (d == "xcomp" || d == "advcl") && sw.isVerbal(k) && sw.hasCase(k, "to") && sw.codesEvent(k, 0) {
			return true
		}
	}
	return false
}

// relationNouns name a relation between parties: "X and Y deepen a
// partnership" is between X and Y.
var relationNouns = map[string]bool{
	"partnership": true, "tie": true, "ties": true, "relation": true, "relations": true, "relationship": true,
	"cooperation": true, "co-operation": true, "alliance": true, "dialogue": true, "friendship": true,
}

// agreementNouns are relations once made: "X and Y signed an agreement" is
// between X and Y, "X and Y seek a deal" need not be.
var agreementNouns = map[string]bool{
	"agreement": true, "agreements": true, "accord": true, "accords": true, "deal": true, "deals": true,
	"treaty": true, "treaties": true, "pact": true, "pacts": true, "memorandum": true, "memoranda": true,
}

// concludeVerbs make an agreement.
var concludeVerbs = map[string]bool{"sign": true, "ink": true, "conclude": true, "reach": true, "strike": true, "seal": true}

// relationObject reports whether v's only objects are relation nouns
// (whose modifiers name no party) and it has no other oblique than where
// and when: the coordinated subjects are the parties.
func (sw *sentWork) relationObject(v int) bool {
	n := 0
	for _, k := range sw.kids[v] {
		switch sw.doc.Tokens[k].Dep {
		case "obj", "iobj":
			rel := relationNouns[sw.lemmas[k]] || (agreementNouns[sw.lemmas[k]] && concludeVerbs[sw.lemmas[v]])
			if !rel || len(sw.modTarget(k, false)) > 0 {
				return false
			}
			n++
		case "obl":
			if !sw.isTemporal(k) && !locative[sw.caseOf(k)] {
				return false
			}
		}
	}
	return n > 0
}

// mention is the trigger span from token a to token b.
func (sw *sentWork) mention(a, b int) faultline.Mention {
	m := faultline.Mention{Start: sw.doc.Tokens[a].Start, End: sw.doc.Tokens[b].End}
	if m.End < m.Start {
		m.End = sw.doc.Tokens[a].End
	}
	m.Text = sw.doc.Text[m.Start:m.End]
	return m
}

// emitAll appends one event per source and target pair (and the reversed
// event of a "[042:043]" code), skipping self-events and repeats.
func (sw *sentWork) emitAll(base faultline.Event, trig faultline.Mention, srcs, tgts []resolved, code petrarch.EventCode, f features) {
	for _, s := range srcs {
		for _, t := range tgts {
			if code.Code != "" {
				sw.emit(base, trig, s, t, code.Code, f)
			}
			if code.Reverse != "" && f.tgtVia != "objloc" && (f.tgtVia != "obj" || t.exact) {
				// "visited Gondor", "arrived in Gondor": Gondor hosts;
				// but "attend a summit in Switzerland" or "attend the
				// Gondor games" has no host: the actor names the thing
				// attended, it is not the object itself
				sw.emit(base, trig, t, s, code.Reverse, f)
			}
		}
	}
}

func (sw *sentWork) emit(base faultline.Event, trig faultline.Mention, s, t resolved, cd string, f features) {
	if s.code == t.code || cd == "" {
		return
	}
	for _, e := range sw.doc.Events[sw.first:] {
		if e.SourceCode == s.code && e.TargetCode == t.code && e.CAMEO == cd && e.Trigger.Start == trig.Start {
			return
		}
	}
	ev := base
	if f.intent != "" && !ev.Negated && (!sw.c.opts.PetrarchNesting || cd >= "04" && cd < "09") {
		// "wants to attack X", "plans to visit X": the event is the
		// expressed intention, CAMEO 03 (cooperative) or 13 (threat).
		// PETRARCH-2 folds only intended cooperation into 03 codes; it
		// codes other intended acts as acts, but for the verb
		// dictionary's transformations ("~ a (_ b ATTACK) WANT = a b 138")
		cd = intentCode(cd)
	}
	if ev.Negated && cd >= "03" && cd < "09" && !f.purposeNeg {
		// not cooperating is rejecting: "vows not to cooperate with X"
		cd, ev.Negated = rejectCode(cd), false
	}
	ev.SourceText, ev.TargetText, ev.SourceCode, ev.TargetCode = s.text, t.text, s.code, t.code
	ev.Source, ev.Target = s.entity, t.entity
	ev.CAMEO, ev.Trigger = cd, trig
	ev.Plover = faultline.Plover{Context: []string{}}
	if info, ok := cameo.Lookup(cd); ok {
		ev.QuadClass = int(info.QuadClass)
		ev.Goldstein = info.Goldstein
		ev.Plover.Type = info.Plover.Type
		ev.Plover.Mode = info.Plover.Mode
		if info.Plover.Context != "" {
			ev.Plover.Context = strings.Split(info.Plover.Context, ";")
		}
	}
	f.srcExact, f.tgtExact = s.exact, t.exact
	f.srcEntity, f.tgtEntity = s.entity != nil, t.entity != nil
	f.srcBare, f.tgtBare = strings.HasPrefix(s.code, "---"), strings.HasPrefix(t.code, "---")
	f.quad = ev.QuadClass
	f.code, f.srcCode, f.tgtCode = cd, s.code, t.code
	sw.doc.Events = append(sw.doc.Events, ev)
	sw.feats = append(sw.feats, f)
}

// score sets the confidence of the sentence's events once all are coded
// (the number of events in the sentence is one of the features).
func (sw *sentWork) score() {
	evs := sw.doc.Events[sw.first:]
	for i := range evs {
		if i >= len(sw.feats) {
			break
		}
		f := sw.feats[i]
		f.sentEvents = len(evs)
		f.sentTokens = sw.hi - sw.lo
		evs[i].Confidence = confidence(f)
		if traceFeatures != nil {
			traceFeatures(&evs[i], f)
		}
	}
}

func (sw *sentWork) hasCase(k int, prep string) bool {
	for _, c := range sw.kids[k] {
		if d := sw.doc.Tokens[c].Dep; (d == "case" || d == "mark") && sw.words[c] == prep {
			return true
		}
	}
	return false
}

func (sw *sentWork) caseOf(k int) string {
	for _, c := range sw.kids[k] {
		if sw.doc.Tokens[c].Dep == "case" {
			return sw.words[c]
		}
	}
	return ""
}

// subjectOf finds the subject heads of v, climbing xcomp/conj/acl chains
// when v has none of its own.
func (sw *sentWork) subjectOf(v int) ([]int, string) {
	via := "nsubj"
	from := ""
	for hops := 0; hops < 4 && v >= 0; hops++ {
		var out []int
		for _, k := range sw.kids[v] {
			if d := sw.doc.Tokens[k].Dep; (d == "nsubj" || (hops > 0 && d == "nsubj:pass")) && !sw.timeWord(k) {
				// "lawmakers Tuesday endorsed": a day is no subject
				out = append(out, k)
			}
		}
		t := sw.doc.Tokens[v]
		if len(out) == 1 && t.Dep == "conj" && sw.coordinatedWithNoun(v, out[0]) {
			// "X, Y, and Z met", parsed with "met" conjoined to X and Z
			// its only subject: the coordination is the subject
			out = append([]int{t.Head}, out...)
		}
		if len(out) > 0 {
			return out, via
		}
		if n := sw.strandedSubject(v); n >= 0 {
			if hops == 0 {
				via = "stranded"
			}
			return []int{n}, via
		}
		if hops == 0 {
			if n := sw.adverbActor(v); n >= 0 {
				// "Fornost welcomed X" with the name tagged an adverb
				return []int{n}, "stranded"
			}
		}
		if t.Dep == "acl:relcl" && hops == 0 && sw.inSentence(t.Head) && !sw.hasRelativeWord(v) {
			// "lawmakers Tuesday endorsed an agreement" read as a
			// relative clause of "lawmakers" without a subject of its
			// own: the noun is its subject
			return []int{t.Head}, "acl"
		}
		if (t.Dep == "xcomp" || (t.Dep == "advcl" && sw.hasCase(v, "to"))) && t.Head >= sw.lo && t.Head < sw.hi &&
			directiveVerbs[sw.lemmas[t.Head]] && (sw.isPassive(t.Head) || sw.hasObject(t.Head)) {
			// "X is being pressured to help Y", "urged X to help Y"
			// (however the parser attached the infinitive): the act is
			// only asked for
			return nil, ""
		}
		switch t.Dep {
		case "xcomp", "conj":
			if t.Dep == "xcomp" && sw.hasObject(t.Head) {
				// "wants Putin to attack", "urged Bree to help": object
				// control; the act is only asked for, and the asking
				// verb codes it
				return nil, ""
			}

			via = "control"
			from = t.Dep
			v = t.Head
		case "acl":
			if from == "xcomp" {
				if directiveVerbs[sw.lemmas[v]] {
					return nil, ""
				}
				// "the leader prepared to attend X", with "prepared" a
				// participle modifying "leader": the noun is the
				// subject of the infinitive whatever the participle's
				// voice ("men forced to flee"), unless the participle
				// only asks for it ("soldiers ordered to attack")
				return []int{t.Head}, "control"
			}
			if t.XPOS == "VBN" && !sw.hasCase(v, "to") {
				// "soldiers killed in Ukraine": the noun a past
				// participle modifies is its patient, not its agent
				return nil, ""
			}
			return []int{t.Head}, "acl"
		default:
			// "is about to restore": the predicate hangs under an
			// adjective, adposition or auxiliary-like head.
			if t.Head < 0 || t.Dep == "ccomp" || (t.Dep == "advcl" && !sw.hasCase(v, "to")) {
				return nil, ""
			}
			via = "control"
			from = t.Dep
			v = t.Head
		}
		if v < sw.lo || v >= sw.hi {
			return nil, ""
		}
	}
	return nil, ""
}

func (sw *sentWork) inSentence(k int) bool { return k >= sw.lo && k < sw.hi }

// timeWord reports whether k is a bare word of time ("Tuesday",
// "yesterday") that the parser may have taken for a subject.
func (sw *sentWork) timeWord(k int) bool {
	return timeWords[sw.lemmas[k]] && len(sw.kids[k]) == 0
}

// hasRelativeWord reports whether relative clause v has a relative word
// ("who", "that", "which") of its own.
func (sw *sentWork) hasRelativeWord(v int) bool {
	for _, k := range sw.kids[v] {
		if sw.doc.Tokens[k].POS == "PRON" || sw.doc.Tokens[k].Dep == "mark" {
			return true
		}
		for _, c := range sw.kids[k] {
			if sw.doc.Tokens[c].POS == "PRON" && (sw.words[c] == "which" || sw.words[c] == "whom" || sw.words[c] == "whose") {
				return true
			}
		}
	}
	return false
}

// coordinatedWithNoun reports whether verb v, conjoined to a noun before
// its subject n, closes a coordination of nouns: "The US, Russia, and
// Switzerland met" parsed with "met" a conjunct of "US" and "Switzerland"
// its subject after the conjunction.
func (sw *sentWork) coordinatedWithNoun(v, n int) bool {
	h := sw.doc.Tokens[v].Head
	if !sw.inSentence(h) || h >= n || (sw.doc.Tokens[h].POS != "PROPN" && sw.doc.Tokens[h].POS != "NOUN") {
		return false
	}
	for _, k := range sw.kids[v] {
		if sw.doc.Tokens[k].Dep == "cc" && k < n && k > h {
			return true
		}
	}
	for _, k := range sw.kids[n] {
		if sw.doc.Tokens[k].Dep == "cc" && k > h {
			return true
		}
	}
	return false
}

// adverbActor finds an actor name that the tagger read as an adverb of v
// ("Fornost welcomed X" with "Fornost" an advmod): a capitalised word
// before v that starts the sentence, lies in an actor phrase and modifies
// v directly, when v has no subject. -1 when there is none.
func (sw *sentWork) adverbActor(v int) int {
	for _, k := range sw.kids[v] {
		if k != sw.lo || k >= v || sw.doc.Tokens[k].Dep != "advmod" || sw.actorSpan[k-sw.lo] < 0 {
			continue
		}
		t := sw.doc.Tokens[k]
		if w := sw.doc.Text[t.Start:t.End]; w == "" || !unicode.IsUpper([]rune(w)[0]) {
			continue
		}
		return k
	}
	return -1
}

// strandedSubject recovers the subject of a finite verb that the parser
// left without one because it attached the subject noun phrase elsewhere
// (",  a militia aligned with Iran is threatening to ...", with "militia"
// parsed as an apposition of the previous object). The noun phrase must end
// right before v's auxiliary; its head is found by climbing the phrase's
// internal relations from the word before the auxiliary. -1 when there is
// none.
func (sw *sentWork) strandedSubject(v int) int {
	if sw.doc.Tokens[v].POS != "VERB" {
		return -1
	}
	a := -1
	for _, k := range sw.kids[v] {
		d := sw.doc.Tokens[k].Dep
		if strings.HasPrefix(d, "nsubj") || d == "csubj" || d == "expl" {
			return -1
		}
		if d == "aux" && k < v && (a < 0 || k < a) {
			a = k
		}
	}
	if a <= sw.lo {
		return -1
	}
	// only auxiliaries and adverbs of v between the auxiliary and v
	for k := a + 1; k < v; k++ {
		t := sw.doc.Tokens[k]
		if t.Head != v || (t.Dep != "aux" && t.Dep != "advmod") {
			return -1
		}
	}
	n := a - 1
	for hops := 0; hops < 6; hops++ {
		t := sw.doc.Tokens[n]
		switch t.Dep {
		case "obl", "nmod", "compound", "flat", "amod", "acl", "nummod", "det", "case", "nmod:poss":
			if t.Head < sw.lo || t.Head >= a || t.Head == v {
				return -1
			}
			n = t.Head
			continue
		case "appos", "conj":
			if t.POS != "NOUN" && t.POS != "PROPN" {
				return -1
			}
			return n
		}
		return -1
	}
	return -1
}

// targetOf finds the coded target of v: its objects first, then the
// obliques and the nominal modifiers of the object, in text order.
func (sw *sentWork) targetOf(v int, code string) ([]resolved, string) {
	var objs, obls []int
	for _, k := range sw.kids[v] {
		switch sw.doc.Tokens[k].Dep {
		case "obj", "iobj":
			objs = append(objs, k)
		case "obl", "obl:npmod":
			if sw.timeCase(k) {
				// "said on Saturday, five years after Calenardhon
				// crowds burned ...": a phrase of time, not a party
				continue
			}
			if !sw.isTemporal(k) {
				obls = append(obls, k)
			} else if c := sw.mergedPP(k); c >= 0 {
				obls = append(obls, c)
			}
		case "advmod":
			// "marched close to the border with X": the oblique of a
			// prepositional adverb is the verb's
			if nearAdverbs[sw.lemmas[k]] {
				for _, c := range sw.kids[k] {
					if sw.doc.Tokens[c].Dep == "obl" && !sw.isTemporal(c) {
						obls = append(obls, c)
					}
				}
			}
		}
	}
	for _, o := range objs {
		if r := sw.resolveAll([]int{o}); len(r) > 0 {
			return r, "obj"
		}
	}
	// modifiers of the object: "ties with Gondor", "resumption of ties with X"
	var loc []resolved
	locVia := "loc"
	for _, o := range objs {
		if code < "09" && conflictNoun(sw.eventCodeOf(o)) {
			// "discussed the fight against IS": IS is the topic, not
			// the one consulted
			continue
		}
		if r, locOnly := sw.modTargetLoc(o, code >= "09"); len(r) > 0 {
			if locOnly {
				// "celebrated Eid at X with Y": a place below the object
				// yields to a real oblique
				if loc == nil {
					// "attend a summit in Switzerland": the place of
					// the thing done, not a party to it
					loc, locVia = r, "objloc"
				}
				continue
			}
			return r, "objmod"
		}
	}
	for _, o := range objs {
		// "rejected the government's invitation", "praised Y's role":
		// the possessor of the thing acted on is the party
		for _, c := range sw.kids[o] {
			if sw.doc.Tokens[c].Dep == "nmod:poss" && sw.doc.Tokens[c].POS != "PRON" {
				if r := sw.resolveAll([]int{c}); len(r) > 0 {
					return r, "objposs"
				}
			}
		}
	}
	for _, o := range obls {
		r := sw.resolveAll([]int{o})
		via := "obl"
		if len(r) == 0 {
			r, via = sw.modTarget(o, code >= "09"), "oblmod"
		}
		if len(r) == 0 {
			continue
		}
		if locative[sw.caseOf(o)] && via == "obl" {
			// "at X with Y" where the parser hung "with Y" on X
			if r2, locOnly := sw.modTargetLoc(o, code >= "09"); len(r2) > 0 && !locOnly {
				return r2, "oblmod"
			}
			if loc == nil {
				loc, locVia = r, "loc"
			}
			continue
		}
		return r, via
	}
	if loc != nil && code >= "03" {
		// "fired shells at Seoul", "arrived in Gondor"; but "said in
		// Washington" is where, not to whom
		return loc, locVia
	}
	if r := sw.complementSubject(v); len(r) > 0 {
		return r, "ccomp"
	}
	if r := sw.purposeObject(v); len(r) > 0 {
		return r, "purpose"
	}
	return nil, ""
}

// unitNouns name a body, a line or a place of the agent named by their
// compound ("police lines", "an army post", "a police station"): acting on
// them is acting on the agent.
var unitNouns = map[string]bool{
	"line": true, "lines": true, "post": true, "posts": true, "position": true, "positions": true,
	"base": true, "bases": true, "station": true, "stations": true, "checkpoint": true, "checkpoints": true,
	"convoy": true, "convoys": true, "patrol": true, "patrols": true, "unit": true, "units": true,
	"barracks": true, "headquarters": true, "cordon": true, "cordons": true, "camp": true, "camps": true,
	"vehicle": true, "vehicles": true, "outpost": true, "outposts": true,
}

// armedRoles are the agent codes of armed bodies and police.
var armedRoles = map[string]bool{"MIL": true, "COP": true, "REB": true, "UAF": true, "INS": true, "SPY": true}

// unitOfAgent returns the agent compound of h when h is a unit noun ("the
// army post"), else -1.
func (sw *sentWork) unitOfAgent(h int) int {
	if !unitNouns[sw.lemmas[h]] || sw.doc.Tokens[h].POS != "NOUN" {
		return -1
	}
	for _, c := range sw.kids[h] {
		if sw.doc.Tokens[c].Dep != "compound" || c > h || !sw.inSentence(c) || sw.agentSpan[c-sw.lo] < 0 || sw.doc.Tokens[c].POS != "NOUN" {
			continue
		}
		// only armed bodies have lines and posts to attack: "a refugee
		// camp" is where refugees live, "a government post" a job
		if code := sw.agents[sw.agentSpan[c-sw.lo]].Agent.Code; armedRoles[code] {
			return c
		}
	}
	return -1
}

// commonNoun reports whether h is a common noun, or a role word that starts
// the sentence capitalised and that the tagger read as a name ("Gunmen
// attacked a village").
func (sw *sentWork) commonNoun(h int) bool {
	switch sw.doc.Tokens[h].POS {
	case "NOUN":
		return true
	case "PROPN":
		if _, named := sw.entityAt[h]; named {
			return false
		}
		return h == sw.lo && sw.agentSpan[0] >= 0 && sw.agents[sw.agentSpan[0]].Length == 1
	}
	return false
}

// appealCode is the CAMEO code of an appeal (02) by the directive verb v
// for what its infinitival complement does: material cooperation 021,
// diplomatic cooperation 022, aid 023, yielding 025, meeting or
// negotiating 026 (CAMEO 1.1b3); "" when the complement codes none of
// these.
func (sw *sentWork) appealCode(v int) string {
	for _, k := range sw.kids[v] {
		// an infinitive after the addressee is what is asked, however
		// the parser attached it ("urged the government to release")
		if d := sw.doc.Tokens[k].Dep; (d != "xcomp" && d != "ccomp" && (d != "advcl" || !sw.hasObject(v))) || !sw.isVerbal(k) || !sw.hasCase(k, "to") {
			continue
		}
		if neg, _ := sw.modality(k); neg {
			continue
		}
		inner, _, _ := sw.codeVerb(k)
		if len(inner.Code) < 2 {
			continue
		}
		switch inner.Code[:2] {
		case "04":
			return "026"
		case "05":
			return "022"
		case "06":
			return "021"
		case "07":
			return "023"
		case "08":
			return "025"
		}
	}
	return ""
}

// visitors keeps the targets of "host" that can be hosted on a visit (CAMEO
// 043): a person, a government, a country or an organisation; not a
// population ("hosts 600,000 refugees", "hosts thousands of families").
func (sw *sentWork) visitors(v int, tgts []resolved) []resolved {
	for _, k := range sw.kids[v] {
		if sw.doc.Tokens[k].Dep != "obj" {
			continue
		}
		if sw.doc.Tokens[k].POS == "NUM" || countNouns[sw.lemmas[k]] {
			return nil
		}
		for _, c := range sw.kids[k] {
			if sw.doc.Tokens[c].Dep == "nummod" {
				return nil
			}
		}
	}
	var out []resolved
	for _, t := range tgts {
		if len(t.code) >= 3 && t.code[:3] == "---" && t.entity == nil {
			continue
		}
		if role := t.code[min(3, len(t.code)):]; strings.Contains(role, "REF") || strings.Contains(role, "CVL") {
			continue
		}
		out = append(out, t)
	}
	return out
}

// countNouns head a phrase that counts people: "thousands of families".
var countNouns = map[string]bool{
	"hundred": true, "hundreds": true, "thousand": true, "thousands": true, "million": true, "millions": true,
	"dozen": true, "dozens": true, "number": true,
}

// mergedPP repairs "at X on Thursday" parsed as one phrase headed by the
// time word, with X a modifier of it between the two prepositions (or
// between the one preposition and the time word: "for X late Sunday"): it
// returns X, or -1.
func (sw *sentWork) mergedPP(k int) int {
	var cases []int
	for _, c := range sw.kids[k] {
		if sw.doc.Tokens[c].Dep == "case" {
			cases = append(cases, c)
		}
	}
	if len(cases) == 0 || len(cases) > 2 {
		return -1
	}
	end := k
	if len(cases) == 2 {
		end = cases[1]
	}
	for _, c := range sw.kids[k] {
		switch sw.doc.Tokens[c].Dep {
		case "nmod:unmarked", "compound", "nmod":
			// "at X on Thursday", and "for X late Sunday" parsed with
			// X a compound of the day
			if c > cases[0] && c < end && sw.doc.Tokens[c].POS == "PROPN" && !sw.isTemporal(c) {
				return c
			}
		}
	}
	return -1
}

// purposeObject is the target of a verb whose infinitival purpose or
// complement clause codes no event of its own: the clause's object is the
// party the act is for ("signed an accord to supply X with wheat").
func (sw *sentWork) purposeObject(v int) []resolved {
	for _, k := range sw.kids[v] {
		if d := sw.doc.Tokens[k].Dep; (d != "advcl" && d != "xcomp") || !sw.isVerbal(k) || !sw.hasCase(k, "to") {
			continue
		}
		if sw.codesEvent(k, 0) {
			continue
		}
		var heads []int
		for _, c := range sw.kids[k] {
			if d := sw.doc.Tokens[c].Dep; (d == "obj" || d == "iobj") && sw.doc.Tokens[c].POS != "PRON" {
				heads = append(heads, c)
			}
		}
		if r := sw.resolveAll(heads); len(r) > 0 {
			return r
		}
	}
	return nil
}

// codesEvent reports whether k or a predicate it governs by xcomp or conj
// ("is about to restore ties") is a coded verb; adverbial clauses ("a
// pleasant place to visit") do not count.
func (sw *sentWork) codesEvent(k, depth int) bool {
	if sw.isVerbal(k) {
		if inner, _, _ := sw.codeVerb(k); !inner.IsNull() {
			return true
		}
	}
	if depth >= 3 {
		return false
	}
	for _, c := range sw.kids[k] {
		if d := sw.doc.Tokens[c].Dep; (d == "xcomp" || d == "conj") && sw.codesEvent(c, depth+1) {
			return true
		}
	}
	return false
}

// complementSubject is the target of a verb whose clausal complement codes
// no event of its own ("X believes Y can cope", "X allowed that Y is no
// pleasant place"): the complement is what the verb says of its subject's
// actor. Pronoun subjects are not resolved here.
func (sw *sentWork) complementSubject(v int) []resolved {
	for _, k := range sw.kids[v] {
		if sw.doc.Tokens[k].Dep != "ccomp" {
			continue
		}
		if sw.codesEvent(k, 0) {
			continue
		}
		var heads []int
		for _, c := range sw.kids[k] {
			if d := sw.doc.Tokens[c].Dep; (d == "nsubj" || d == "nsubj:pass") && sw.doc.Tokens[c].POS != "PRON" {
				heads = append(heads, c)
			}
		}
		if r := sw.resolveAll(heads); len(r) > 0 {
			return r
		}
	}
	return nil
}

// nearAdverbs take an oblique that belongs to the verb they modify.
var nearAdverbs = map[string]bool{"close": true, "near": true, "next": true, "closer": true, "nearer": true}

// locative prepositions introduce places more often than targets; their
// obliques are the target only when no other oblique is.
var locative = map[string]bool{"in": true, "at": true, "near": true, "inside": true, "across": true, "throughout": true, "during": true}

// eventCodeOf returns the CAMEO code of an event noun, "" for others.
func (sw *sentWork) eventCodeOf(k int) string { return eventNouns[sw.lemmas[k]] }

// conflictNoun reports whether an event noun's code is a conflict (root 14+).
func conflictNoun(code string) bool { return code >= "14" }

// modTarget searches the nominal modifiers below k, breadth first and at
// most three levels down, for the first that resolves to actors.
// Modifiers with "against" count only for conflictual codes (against);
// "discussed advances against IS" does not consult IS.
func (sw *sentWork) modTarget(k int, against bool) []resolved {
	r, _ := sw.modTargetLoc(k, against)
	return r
}

// modTargetLoc is modTarget also telling whether the result is only a
// locative modifier ("at X", "in X").
func (sw *sentWork) modTargetLoc(k int, against bool) ([]resolved, bool) {
	level := []int{k}
	var loc []resolved
	for depth := 0; depth < 3 && len(level) > 0; depth++ {
		var next []int
		for _, n := range level {
			for _, c := range sw.kids[n] {
				d := sw.doc.Tokens[c].Dep
				if d == "acl" && sw.doc.Tokens[c].POS == "VERB" {
					// a participle reducing a relative clause: "memos
					// sent by X", "the roads leading into X"; but
					// "forces aligned with X" are still the forces
					if n-sw.lo >= 0 && n-sw.lo < len(sw.agentSpan) && sw.agentSpan[n-sw.lo] < 0 {
						next = append(next, c)
					}
					continue
				}
				if n != k && sw.doc.Tokens[n].Dep == "acl" && (d == "obl" || d == "obl:agent") {
					// the participle's obliques stand for the noun's
					// modifiers, but not where it happened ("an attack
					// targeting civilians at a mall in X")
					if locative[sw.caseOf(c)] {
						continue
					}
				} else if d != "nmod" {
					continue
				}
				if sw.isTemporal(c) || sw.timeCase(c) || (!against && sw.caseOf(c) == "against") {
					continue
				}
				if r := sw.resolveAll([]int{c}); len(r) > 0 {
					if !locative[sw.caseOf(c)] {
						return r, false
					}
					if loc == nil {
						loc = r
					}
				}
				next = append(next, c)
			}
		}
		level = next
	}
	return loc, loc != nil
}

// timePreps introduce a phrase of time: what follows them is when, never
// a party to the act. "before" is left out: "testified before the
// Senate" names a party.
var timePreps = map[string]bool{"after": true, "since": true, "until": true, "till": true}

// timeCase reports whether k's phrase is introduced by a preposition of
// time ("after the crowds burned", "since the war"), or headed by one the
// tagger read as a noun ("the future of Iraq after IS is pushed out", with
// "Iraq" a compound of "after").
func (sw *sentWork) timeCase(k int) bool {
	if timePreps[sw.words[k]] {
		return true
	}
	for _, c := range sw.kids[k] {
		if d := sw.doc.Tokens[c].Dep; (d == "case" || d == "mark") && timePreps[sw.words[c]] {
			return true
		}
	}
	return false
}

func (sw *sentWork) isTemporal(k int) bool {
	if sw.doc.Tokens[k].Dep == "obl:tmod" {
		return true
	}
	switch sw.lemmas[k] {
	case "monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday",
		"yesterday", "today", "week", "month", "year", "day":
		return true
	}
	return false
}

// resolved is an actor found for a source or target head.
type resolved struct {
	code   string
	text   string
	entity *string
	exact  bool // the actor phrase covers the head word itself
}

// attributionVerbs attribute news to a source: their unnamed subject ("a
// senior official said") is never coded as an actor.
var attributionVerbs = map[string]bool{
	"say": true, "tell": true, "report": true, "state": true, "announce": true, "add": true, "note": true,
	"write": true, "confirm": true, "explain": true, "indicate": true, "reveal": true, "insist": true, "declare": true,
}

// statementVerb reports whether verb v codes no event or a public
// statement (CAMEO 01): saying, noting, reporting.
func (sw *sentWork) statementVerb(v int) bool {
	code, _, _ := sw.codeVerb(v)
	sw.reciprocalPattern, sw.swappedPattern = false, false
	return code.IsNull() || strings.HasPrefix(code.Code, "01")
}

// lowerInitial reports whether s starts with a lowercase letter.
func lowerInitial(s string) bool { return s != "" && s[0] >= 'a' && s[0] <= 'z' }

// bareAgentNoun reports whether h is a common noun naming a role (an agent
// word), not itself an actor or a document entity.
func (sw *sentWork) bareAgentNoun(h int) bool {
	if h < sw.lo || h >= sw.hi || sw.doc.Tokens[h].POS != "NOUN" || sw.agentSpan[h-sw.lo] < 0 || sw.actorSpan[h-sw.lo] >= 0 {
		return false
	}
	if sw.entityAt != nil {
		if _, ok := sw.entityAt[h]; ok {
			return false
		}
	}
	return true
}

// sharedHeadAgent returns the role of "activists" in "US and British
// activists", where the parse made the first country word the head and the
// role noun, with its own country word, its conjunct: X, the conjunction,
// a country word modifying the role noun, the role noun, in a row.
func (sw *sentWork) sharedHeadAgent(h int) *petrarch.Agent {
	if sw.actorSpan[h-sw.lo] < 0 || h+3 >= sw.hi {
		return nil
	}
	c := h + 3
	t := sw.doc.Tokens
	if t[c].Dep != "conj" || t[c].Head != h || t[h+1].Dep != "cc" || !sw.bareAgentNoun(c) {
		return nil
	}
	if m := t[h+2]; m.Head != c || (m.Dep != "amod" && m.Dep != "compound") || sw.actorSpan[h+2-sw.lo] < 0 {
		return nil
	}
	return sw.agents[sw.agentSpan[c-sw.lo]].Agent
}

// unmodified reports whether h has no modifier of its own but determiners
// ("the government", not "Islamic State militants") and follows its
// conjunction ("and the government": a word between, which the parse may
// have left out of h's phrase, could be its modifier).
func (sw *sentWork) unmodified(h int) bool {
	k := h - 1
	for k >= sw.lo && sw.doc.Tokens[k].Dep == "det" && sw.doc.Tokens[k].Head == h {
		k--
	}
	if k < sw.lo || (sw.doc.Tokens[k].Dep != "cc" && sw.words[k] != ",") {
		return false
	}
	for _, k := range sw.kids[h] {
		switch sw.doc.Tokens[k].Dep {
		case "det", "cc", "punct", "conj":
		default:
			return false
		}
	}
	return true
}

// namingVerbs introduce the name of what a noun phrase describes.
var namingVerbs = map[string]bool{"know": true, "call": true, "name": true, "dub": true}

// namedAs returns the name given to the noun phrase of h by a participle
// ("a group known as X", "the grouping of militias called X"), or -1.
func (sw *sentWork) namedAs(h int) int {
	for _, n := range append([]int{h}, sw.kids[h]...) {
		if n != h && sw.doc.Tokens[n].Dep != "nmod" {
			continue
		}
		for _, a := range sw.kids[n] {
			if t := sw.doc.Tokens[a]; t.Dep != "acl" || !namingVerbs[sw.lemmas[a]] {
				continue
			}
			for _, k := range sw.kids[a] {
				if k < sw.lo || k >= sw.hi {
					continue
				}
				d := sw.doc.Tokens[k].Dep
				if d == "obl" && !sw.hasCase(k, "as") || d != "obl" && d != "xcomp" && d != "obj" {
					// "known in X" names no one
					continue
				}
				if p := sw.doc.Tokens[k].POS; p == "PROPN" || p == "NOUN" {
					return k
				}
			}
		}
	}
	return -1
}

// npSkip are the dependents that leave the noun phrase of an actor.
var npSkip = map[string]bool{
	"conj": true, "cc": true, "acl": true, "acl:relcl": true, "appos": true, "parataxis": true,
	"punct": true, "advcl": true, "ccomp": true, "xcomp": true, "dep": true, "nsubj": true, "obj": true,
	"cop": true, "aux": true, "mark": true, "list": true, "orphan": true, "discourse": true,
}

// resolveAll resolves heads and their conjuncts (and appositions when the
// head itself has no code).
func (sw *sentWork) resolveAll(heads []int) []resolved {
	var out []resolved
	seen := map[string]bool{}
	var visit func(h int, depth int, shared []string)
	done := map[int]bool{}
	visit = func(h int, depth int, shared []string) {
		if depth > 8 || h < sw.lo || h >= sw.hi || done[h] {
			return
		}
		done[h] = true
		rs := sw.resolve(h)
		if len(rs) == 0 && len(shared) > 0 && sw.bareAgentNoun(h) && sw.unmodified(h) {
			// "Danish media and government", "lawmakers and officials
			// in X": the conjoined role shares the first one's country
			ag := sw.agents[sw.agentSpan[h-sw.lo]].Agent
			t := sw.doc.Tokens[h]
			for _, c := range shared {
				rs = append(rs, resolved{code: ag.Combine(c), text: sw.doc.Text[t.Start:t.End], exact: true})
			}
		}
		if depth == 0 && len(rs) == 1 && len(rs[0].code) == 3 {
			if ag := sw.sharedHeadAgent(h); ag != nil {
				// "US and British activists": both are activists
				rs[0].code = ag.Combine(rs[0].code)
			}
		}
		if depth == 0 && sw.bareAgentNoun(h) {
			// what the first conjunct's modifiers add to its role:
			// "Danish Islamist media" DNKMUSMED shares DNKMUS
			own := sw.agents[sw.agentSpan[h-sw.lo]].Agent.Code
			shared = nil
			for _, r := range rs {
				if len(r.code) < 3 || strings.HasPrefix(r.code, "---") {
					continue
				}
				c := r.code[:3]
				if t := strings.TrimSuffix(r.code, own); own != "" && len(t) >= 3 && t != r.code {
					c = t
				}
				shared = append(shared, c)
			}
		}
		if len(rs) == 0 {
			for _, k := range sw.kids[h] {
				if sw.doc.Tokens[k].Dep == "appos" {
					if rs = sw.resolve(k); len(rs) > 0 {
						break
					}
				}
			}
		}
		if len(rs) == 0 {
			// "the grouping of militias known as X": the group is X
			if k := sw.namedAs(h); k >= 0 {
				rs = sw.resolve(k)
			}
		}
		for _, r := range rs {
			if !seen[r.code] {
				seen[r.code] = true
				out = append(out, r)
			}
		}
		for _, k := range sw.kids[h] {
			if sw.doc.Tokens[k].Dep == "conj" {
				visit(k, depth+1, shared)
			}
		}
	}
	for _, h := range heads {
		visit(h, 0, nil)
	}
	if len(out) > 1 {
		// "Bree Prime Minister Romendacil" split by the parser into BRE
		// and BREGOV: keep the more specific code
		keep := out[:0]
		for i, r := range out {
			general := false
			for j, o := range out {
				if i != j && len(o.code) > len(r.code) && strings.HasPrefix(o.code, r.code) {
					general = true
				}
			}
			if !general {
				keep = append(keep, r)
			}
		}
		out = keep
	}
	return out
}

// resolve codes the noun phrase headed by h: country-level actors from the
// actor dictionaries (or the entity covering the head), with the agent codes
// of the phrase attached. Nominal modifiers ("soldiers from X", "the
// government of X") are entered only below agent or actor words, so that
// "the resumption of ties with X" does not make X the resumption's actor.
// Conjoined actors inside the phrase ("ambassadors of A, B and C") and
// compound codes ("A/B") give one result each.
func (sw *sentWork) resolve(h int) []resolved {
	if h < sw.lo || h >= sw.hi {
		return nil
	}
	var np []int
	var walk func(k, depth int)
	visited := map[int]bool{}
	walk = func(k, depth int) {
		if visited[k] {
			return
		}
		visited[k] = true
		np = append(np, k)
		if depth > 6 {
			return
		}
		nominal := sw.actorSpan[k-sw.lo] >= 0 || sw.agentSpan[k-sw.lo] >= 0
		for _, c := range sw.kids[k] {
			if c < sw.lo || c >= sw.hi {
				continue
			}
			d := sw.doc.Tokens[c].Dep
			switch {
			case d == "case" && k == h:
				continue
			case d == "appos":
				if !sw.adjacent(k, c) {
					continue
				}
			case npSkip[d]:
				continue
			case d == "nmod" && !nominal:
				continue
			case (d == "nmod" || d == "obl") && sw.timeCase(c):
				// "the official, after Calenardhon crowds burned ...":
				// a phrase of time is no part of the actor
				continue
			}
			walk(c, depth+1)
		}
	}
	walk(h, 0)
	in := make(map[int]bool, len(np))
	minT, maxT := h, h
	for _, k := range np {
		in[k] = true
		minT, maxT = min(minT, k), max(maxT, k)
	}
	var codes []string
	exact := false
	actorTok := -1
	var entity *string
	// a document entity with an actor code covering the head (the actor
	// stage's reading of names, titles and coreferent pronouns) comes first
	if sw.entityAt != nil {
		if ei, ok := sw.entityAt[h]; ok {
			e := &sw.doc.Entities[ei]
			id := e.ID
			entity = &id
			if e.Actor != nil && e.Actor.Code != "" && sw.agentSpan[h-sw.lo] < 0 {
				codes, exact, actorTok = []string{e.Actor.Code}, true, h
			}
		}
	}
	if len(codes) == 0 && sw.doc.Tokens[h].POS == "PRON" && personal[sw.words[h]] {
		// "X said it would ...": without coreference, a subject pronoun
		// of a reported clause is the reporting subject
		if r := sw.antecedent(h); len(r) > 0 {
			return r
		}
		return sw.conditionAntecedent(h)
	}
	if len(codes) > 0 {
		// the entity code already carries its roles
	} else if a := sw.actorSpan[h-sw.lo]; a >= 0 && sw.actorCodes[a] != "" {
		codes, exact, actorTok = []string{sw.actorCodes[a]}, true, h
	} else {
		headNominal := sw.agentSpan[h-sw.lo] >= 0 || sw.doc.Tokens[h].POS == "PROPN" || sw.unitOfAgent(h) >= 0
		for k := minT; k <= maxT; k++ {
			if !in[k] {
				continue
			}
			if d := sw.doc.Tokens[k].Dep; !headNominal && (d == "amod" || d == "compound" && k != h && lowerInitial(sw.doc.Text[sw.doc.Tokens[k].Start:sw.doc.Tokens[k].End])) {
				// "swiss francs", "Iraqi territory": a demonym describing
				// a thing is not an actor (a lowercase one even when the
				// parser reads it as a compound noun)
				continue
			}
			if a := sw.actorSpan[k-sw.lo]; a >= 0 && sw.actorCodes[a] != "" {
				codes, actorTok = []string{sw.actorCodes[a]}, k
				break
			}
			if sw.entityAt != nil && k != h {
				if ei, ok := sw.entityAt[k]; ok {
					if e := &sw.doc.Entities[ei]; e.Actor != nil && e.Actor.Code != "" && len(e.Actor.Code) >= 3 {
						code := e.Actor.Code
						if e.Type != faultline.EntityOrg {
							// "Iraqi forces", "Washington officials": the
							// place gives the country, the head the role
							code = code[:3]
						}
						codes, actorTok = []string{code}, k
						break
					}
				}
			}
		}
	}
	if actorTok >= 0 && actorTok != h && sw.actorSpan[actorTok-sw.lo] >= 0 {
		// conjoined actors of the modifier: "of Arnor, Osgiliath and Gondor"
		at := sw.actors[sw.actorSpan[actorTok-sw.lo]]
		for k := sw.lo + at.Start; k < sw.lo+at.Start+at.Length; k++ {
			for _, c := range sw.kids[k] {
				if sw.doc.Tokens[c].Dep != "conj" || c < sw.lo || c >= sw.hi {
					continue
				}
				if a := sw.actorSpan[c-sw.lo]; a >= 0 && sw.actorCodes[a] != "" {
					codes = append(codes, sw.actorCodes[a])
				}
			}
		}
	}
	if len(codes) == 0 && sw.lastResort && sw.agentSpan[h-sw.lo] < 0 && sw.doc.Tokens[h].POS == "NOUN" {
		if role, ok := peopleNouns[sw.lemmas[h]]; ok {
			// "men fleeing Mosul": people without a country or role
			t := sw.doc.Tokens[h]
			return []resolved{{code: "---" + role, text: sw.doc.Text[t.Start:t.End], entity: entity, exact: true}}
		}
	}
	if len(codes) == 0 && (sw.c.opts.AgentOnly || (sw.lastResort && sw.commonNoun(h))) && sw.agentSpan[h-sw.lo] >= 0 {
		// "militias", "police": an agent without a country, coded "---MIL"
		codes, actorTok = []string{"---"}, h
	}
	if len(codes) == 0 && sw.lastResort && sw.doc.Tokens[h].POS == "NOUN" {
		if c := sw.unitOfAgent(h); c >= 0 {
			// "police lines", "an army post": the agent's own
			codes, actorTok = []string{"---"}, c
		}
	}
	var agents []*petrarch.Agent
	seenAgent := map[int]bool{}
	for k := minT; k <= maxT; k++ {
		if !in[k] {
			continue
		}
		g := sw.agentSpan[k-sw.lo]
		if g < 0 || seenAgent[g] {
			continue
		}
		seenAgent[g] = true
		if sw.agents[g].Agent.Code != "" {
			// a role word without a code marks the role only
			agents = append(agents, sw.agents[g].Agent)
		}
		if k == h {
			exact = true
		}
	}
	if len(agents) > 0 && sw.formerRole(np) {
		// "former security officials": people who held a role are
		// elites (CAMEO ELI), not the role's holders
		agents = []*petrarch.Agent{eliteAgent}
	}
	t0, t1 := sw.doc.Tokens[minT], sw.doc.Tokens[maxT]
	text := ""
	if t0.Start <= t1.End && t1.End <= len(sw.doc.Text) {
		text = sw.doc.Text[t0.Start:t1.End]
	}
	var out []resolved
	for _, cs := range codes {
		for _, code := range strings.Split(cs, "/") {
			code = strings.TrimSpace(code)
			if code == "" || (strings.HasPrefix(code, "---") && (code != "---" || len(agents) == 0)) {
				continue
			}
			for _, ag := range agents {
				if strings.Contains(code[min(3, len(code)):], ag.Code) {
					continue
				}
				code = ag.Combine(code)
			}
			out = append(out, resolved{code: code, text: text, entity: entity, exact: exact})
		}
	}
	return out
}

// eliteAgent is CAMEO's agent code for former office holders and other
// elites.
var eliteAgent = &petrarch.Agent{Phrase: "former", Code: "ELI"}

// formerRole reports whether an agent word of the noun phrase np is
// modified by "former" or "ex-" ("former Gondor prosecutors").
func (sw *sentWork) formerRole(np []int) bool {
	for _, k := range np {
		if k < sw.lo || k >= sw.hi || sw.agentSpan[k-sw.lo] < 0 {
			continue
		}
		for _, c := range sw.kids[k] {
			if d := sw.doc.Tokens[c].Dep; (d == "amod" || d == "advmod") && (sw.words[c] == "former" || sw.words[c] == "ex" || sw.words[c] == "ex-") {
				return true
			}
		}
	}
	return false
}

// resolveLastResort is resolveAll letting agents without a country stand
// for their actor ("militias" as "---UAF", "men" as "---CVL"), for heads
// that resolved to nothing otherwise.
func (sw *sentWork) resolveLastResort(heads []int) []resolved {
	if len(heads) == 0 {
		return nil
	}
	sw.lastResort = true
	defer func() { sw.lastResort = false }()
	return sw.resolveAll(heads)
}

// peopleNouns are nouns for people in general that the role lexicon does not
// hold; as a last resort they are coded with the role given here.
var peopleNouns = map[string]string{
	"man": "CVL", "woman": "CVL", "child": "CVL", "people": "CVL", "person": "CVL",
	"boy": "CVL", "girl": "CVL", "family": "CVL", "civilian": "CVL",
}

// groupNouns are nouns for armed groups, with the CAMEO agent code (REB
// rebels), used when the actor and agent dictionaries do not know them.
var groupNouns = map[string]*petrarch.Agent{
	"resistance": {Phrase: "resistance", Code: "REB", File: "faultline event coder"},
}

// personal are the pronouns that can stand for an actor.
var personal = map[string]bool{"it": true, "they": true, "he": true, "she": true, "we": true, "them": true}

// conditionAntecedent resolves a third-person pronoun to the subject of an
// adverbial clause that precedes it in the same sentence and modifies the
// pronoun's own verb, when number agrees: "If American forces refrain from
// leaving, the resistance will target them".
func (sw *sentWork) conditionAntecedent(h int) []resolved {
	plural := false
	switch sw.words[h] {
	case "they", "them":
		plural = true
	case "it":
	default:
		return nil
	}
	g := sw.doc.Tokens[h].Head
	if g < sw.lo || g >= sw.hi {
		return nil
	}
	for _, a := range sw.kids[g] {
		if sw.doc.Tokens[a].Dep != "advcl" || a > h {
			continue
		}
		for _, c := range sw.kids[a] {
			ct := sw.doc.Tokens[c]
			if ct.Dep != "nsubj" || c > h || (ct.POS != "NOUN" && ct.POS != "PROPN") {
				continue
			}
			if isPlural := ct.XPOS == "NNS" || ct.XPOS == "NNPS"; isPlural != plural {
				continue
			}
			if r := sw.resolveAll([]int{c}); len(r) > 0 {
				return r
			}
		}
	}
	return nil
}

// antecedent resolves a subject pronoun of a clause complement to the
// subject of the verb that governs the clause.
func (sw *sentWork) antecedent(h int) []resolved {
	t := sw.doc.Tokens[h]
	if !strings.HasPrefix(t.Dep, "nsubj") || t.Head < sw.lo || t.Head >= sw.hi {
		return nil
	}
	v := sw.doc.Tokens[t.Head]
	if v.Dep != "ccomp" || v.Head < sw.lo || v.Head >= sw.hi {
		return nil
	}
	for _, k := range sw.kids[v.Head] {
		if sw.doc.Tokens[k].Dep == "nsubj" && sw.doc.Tokens[k].POS != "PRON" {
			return sw.resolveAll([]int{k})
		}
	}
	return nil
}

// adjacent reports whether no comma or bracket separates tokens a and b.
func (sw *sentWork) adjacent(a, b int) bool {
	if a > b {
		a, b = b, a
	}
	for k := a + 1; k < b; k++ {
		if sw.doc.Tokens[k].POS == "PUNCT" {
			return false
		}
	}
	return true
}

// clauseSpan returns the byte span of v's subtree.
func (sw *sentWork) clauseSpan(v int) (int, int) {
	lo, hi := sw.doc.Tokens[v].Start, sw.doc.Tokens[v].End
	var walk func(k, depth int)
	visited := map[int]bool{}
	walk = func(k, depth int) {
		if visited[k] {
			return
		}
		visited[k] = true
		t := sw.doc.Tokens[k]
		if t.Start < lo {
			lo = t.Start
		}
		if t.End > hi {
			hi = t.End
		}
		if depth > 12 {
			return
		}
		for _, c := range sw.kids[k] {
			walk(c, depth+1)
		}
	}
	walk(v, 0)
	return lo, hi
}

// timeIn returns the day of the first day-grain time expression inside
// [lo, hi), else the month of the first month-grain one ("warned in
// February": "2017-02"), else "".
func (sw *sentWork) timeIn(lo, hi int) string {
	month := ""
	for _, t := range sw.doc.Times {
		if t.Start < lo || t.End > hi || len(t.Value) < 7 || t.Value[4] != '-' {
			continue
		}
		if len(t.Value) >= 10 && t.Value[7] == '-' {
			return t.Value[:10]
		}
		if len(t.Value) == 7 && month == "" {
			month = t.Value
		}
	}
	return month
}

// modality reads negation and hypothetical context off v and the chain of
// heads that governs it.
func (sw *sentWork) modality(v int) (neg, hyp bool) {
	neg, hyp, _ = sw.modalityScope(v)
	return neg, hyp
}

// modalityScope is modality also telling whether the negation belongs to
// a verb that governs v through a purpose clause ("would not give
// permission to X to help Y": the help is not denied, only not asserted).
func (sw *sentWork) modalityScope(v int) (neg, hyp, purposeNeg bool) {
	viaAdvcl := false
	for hops, k := 0, v; hops < 4 && k >= sw.lo && k < sw.hi; hops++ {
		for _, c := range sw.kids[k] {
			t := sw.doc.Tokens[c]
			switch {
			case t.Dep == "advmod" && (sw.words[c] == "not" || sw.words[c] == "n't" || sw.words[c] == "never"):
				if hops == 0 || sw.doc.Tokens[k].Dep != "xcomp" {
					neg = !neg || hops > 0
					if hops > 0 && viaAdvcl {
						purposeNeg = true
					}
				}
			case strings.HasPrefix(t.Dep, "aux") && hedgeAux[sw.words[c]]:
				hyp = true
			case t.Dep == "mark" && (sw.words[c] == "if" || sw.words[c] == "unless"):
				hyp = true
			}
		}
		if hops > 0 {
			if negHeads[sw.lemmas[k]] {
				neg = true
			}
			if hedgeHeads[sw.lemmas[k]] {
				hyp = true
			}
		}
		d := sw.doc.Tokens[k].Dep
		if d != "xcomp" && d != "advcl" && d != "conj" {
			break
		}
		if d == "advcl" {
			viaAdvcl = true
		}
		k = sw.doc.Tokens[k].Head
	}
	return neg, hyp, purposeNeg
}

// reporter returns the entity id of the speaker when v is the complement of
// a speech verb.
func (sw *sentWork) reporter(v int) *string {
	if id := sw.reporterByParse(v); id != nil {
		return id
	}
	if q := sw.quoteOf(v); q != nil {
		id := *q.Speaker
		return &id
	}
	return nil
}

// reporterByParse is the speaker of a speech verb whose clausal complement
// is v.
func (sw *sentWork) reporterByParse(v int) *string {
	t := sw.doc.Tokens[v]
	if (t.Dep != "ccomp" && t.Dep != "parataxis") || t.Head < sw.lo || t.Head >= sw.hi {
		return nil
	}
	h := t.Head
	if !speechVerbs[sw.lemmas[h]] {
		return nil
	}
	for _, k := range sw.kids[h] {
		if sw.doc.Tokens[k].Dep == "nsubj" && sw.entityAt != nil {
			if ei, ok := sw.entityAt[k]; ok {
				id := sw.doc.Entities[ei].ID
				return &id
			}
		}
	}
	return nil
}

// quoteOf returns the attributed quote (the quote stage's reading of who
// said what, which survives parses that miss the speech verb) whose content
// v heads: v lies inside the quote and its head does not. Only quotes with
// a speaker entity count.
func (sw *sentWork) quoteOf(v int) *faultline.Quote {
	t := sw.doc.Tokens[v]
	for i := range sw.doc.Quotes {
		q := &sw.doc.Quotes[i]
		if q.Speaker == nil || t.Start < q.Start || t.End > q.End {
			continue
		}
		if t.Head >= 0 && t.Head < len(sw.doc.Tokens) {
			if h := sw.doc.Tokens[t.Head]; h.Start >= q.Start && h.End <= q.End {
				continue
			}
		}
		return q
	}
	return nil
}

// quoteCue finds the cue verb of q in the sentence ("warned"), -1 when it
// is not there.
func (sw *sentWork) quoteCue(q *faultline.Quote) int {
	best := -1
	for k := sw.lo; k < sw.hi; k++ {
		t := sw.doc.Tokens[k]
		if t.Start >= q.Start && t.End <= q.End {
			continue
		}
		if sw.doc.Text[t.Start:t.End] != q.Cue {
			continue
		}
		// the nearest occurrence to the quote
		if best < 0 || dist(t, q) < dist(sw.doc.Tokens[best], q) {
			best = k
		}
	}
	return best
}

func dist(t faultline.Token, q *faultline.Quote) int {
	if t.End <= q.Start {
		return q.Start - t.End
	}
	return t.Start - q.End
}

// speakerActor codes the speaker entity of a quote, nil when it has no
// actor code.
func (sw *sentWork) speakerActor(q *faultline.Quote) []resolved {
	for i := range sw.doc.Entities {
		e := &sw.doc.Entities[i]
		if e.ID != *q.Speaker || e.Actor == nil || e.Actor.Code == "" {
			continue
		}
		id := e.ID
		return []resolved{{code: e.Actor.Code, text: q.SpeakerText, entity: &id, exact: true}}
	}
	return nil
}

func (sw *sentWork) reportedText(v int) bool {
	t := sw.doc.Tokens[v]
	return (t.Dep == "ccomp" || t.Dep == "parataxis") && t.Head >= sw.lo && t.Head < sw.hi && speechVerbs[sw.lemmas[t.Head]]
}

// traceFeatures, when set (by the calibration test), sees every event with
// the features of its confidence.
var traceFeatures func(*faultline.Event, features)

// features feed the confidence score.
type features struct {
	specific           int // literal words matched by the verb pattern
	srcVia, tgtVia     string
	srcExact, tgtExact bool
	neg, hyp, reported bool
	intent             string // the verb of intention governing the event
	verb               int    // 1 + the token of the coded verb; 0 when the event has none
	purposeNeg         bool   // negated only through the verb its purpose clause serves
	// actors found by the entity stage rather than the dictionaries, and
	// actors without a country ("---MIL")
	srcEntity, tgtEntity bool
	srcBare, tgtBare     bool
	quad                 int    // QuadClass of the code
	sentEvents           int    // events coded in the sentence
	sentTokens           int    // tokens of the sentence
	code                 string // the CAMEO code
	srcCode, tgtCode     string
}

// featureNames name the entries of featureVector, for the calibration
// report.
var featureNames = []string{"bias", "specific pattern", "source nsubj", "source control", "source passive agent",
	"target obj", "target obl", "target loc", "target objloc", "target objmod", "target oblmod", "target reciprocal",
	"target ccomp", "target ccompsubj", "target subjpass", "source exact", "target exact", "hypothetical", "reported",
	"intent", "source countryless", "target countryless", "quad 2", "quad 3", "quad 4", "log events in sentence",
	"sentence tokens/20", "4-digit code", "source agent code", "target agent code", "conflict code (14+)"}

// featureVector turns the evidence for an event into the inputs of the
// confidence map (see featureNames).
func featureVector(f features) []float64 {
	x := make([]float64, len(featureNames))
	b := func(i int, ok bool) {
		if ok {
			x[i] = 1
		}
	}
	x[0] = 1
	b(1, f.specific > 0)
	b(2, f.srcVia == "nsubj")
	b(3, f.srcVia == "control")
	b(4, f.srcVia == "agent")
	for i, via := range []string{"obj", "obl", "loc", "objloc", "objmod", "oblmod", "reciprocal", "ccomp", "ccompsubj", "subjpass"} {
		b(5+i, f.tgtVia == via)
	}
	b(15, f.srcExact)
	b(16, f.tgtExact)
	b(17, f.hyp)
	b(18, f.reported)
	b(19, f.intent != "")
	b(20, f.srcBare)
	b(21, f.tgtBare)
	b(22, f.quad == 2)
	b(23, f.quad == 3)
	b(24, f.quad == 4)
	if f.sentEvents > 0 {
		x[25] = math.Log(float64(f.sentEvents))
	}
	x[26] = float64(f.sentTokens) / 20
	b(27, len(f.code) == 4)
	b(28, len(f.srcCode) > 3)
	b(29, len(f.tgtCode) > 3)
	b(30, f.code >= "14")
	return x
}

// confWeights are the weights of the confidence map, one per entry of
// featureVector. They were fitted by TestCalibrationFeatures (run it with
// -calibrate FILE): L2-regularised logistic regression (λ=20, the bias
// unpenalised) on the correctness of every coded event of both gold
// suites, PETRARCH2's unit tests and UniversalPetrarch's real-news set,
// each suite weighted equally. Fitted on one suite alone, the map does not
// carry over to the other (their accuracies differ, 0.94 and 0.81, with
// similar features), hence the pooled fit; the strong regularisation keeps
// it from learning either suite's records. ScoreSuite reports the
// reliability table.
var confWeights = []float64{2.11, 0.184, 0.00755, -0.0447, 0.0569, -0.314, -0.101, 0.0854, -0.0053, 0.241, -0.134, 0.108, 0.00706, 0.0736, 0.0465, 0.118, -0.0243, -0.15, -0.142, -0.142, 0.0748, 0.00996, 0.188, -0.0559, -0.477, -0.0387, 0.0533, 0.0918, -0.127, -0.138, -0.318}

// confidence is a logistic function of the evidence (confWeights); a
// negated event, which the suites do not score, is marked down by one unit.
func confidence(f features) float64 {
	z := 0.0
	for i, x := range featureVector(f) {
		if i < len(confWeights) {
			z += confWeights[i] * x
		}
	}
	if f.neg {
		z--
	}
	return math.Round(1/(1+math.Exp(-z))*1000) / 1000
}
