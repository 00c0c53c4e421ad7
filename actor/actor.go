// Package actor turns the per-mention entities of the ner stage into
// document-level entities: one entity per person, group or place with all its
// mentions, aliases (acronyms defined in the text, well-known alternative
// names, surnames), the fullest name as canonical name, titles and
// affiliations from pre-name titles and appositions, and a CAMEO-style actor
// code (country + roles, or an IGO/NGO/IMG code).
package actor

import (
	"context"
	"sort"
	"strconv"
	"strings"

	"github.com/faultline-news/faultline"
	teamlexicon "github.com/faultline-news/faultline/lexicon"
	"github.com/faultline-news/faultline/lexicon/petrarch"
)

// Stage is the "actor" pipeline stage.
type Stage struct {
	lx   *lexicon
	user *petrarch.Dictionaries
}

// New returns the actor stage with the built-in lexicon.
func New() *Stage { return &Stage{lx: defaultLexicon} }

// NewWithDictionaries returns the actor stage with user PETRARCH/TABARI
// dictionaries (as read by petrarch.Load from a --dict DIR): a code they
// give for one of an entity's names takes precedence over the built-in
// lexicon. user may be nil.
func NewWithDictionaries(user *petrarch.Dictionaries) *Stage {
	return &Stage{lx: defaultLexicon, user: user}
}

// Name returns "actor".
func (s *Stage) Name() string { return "actor" }

// Requires returns tokens, sentences and entities.
func (s *Stage) Requires() []faultline.Layer {
	return []faultline.Layer{faultline.LayerTokens, faultline.LayerSentences, faultline.LayerEntities}
}

// Assigns returns the entity layer, which the stage rewrites.
func (s *Stage) Assigns() []faultline.Layer { return []faultline.Layer{faultline.LayerEntities} }

// Process merges doc.Entities into document-level entities.
func (s *Stage) Process(ctx context.Context, doc *faultline.Document) (err error) {
	defer func() {
		if p := recover(); p != nil {
			err = faultline.Errorf(faultline.EINTERNAL, "actor: document %q: recovered from panic: %v", doc.ID, p)
		}
	}()
	if err := ctx.Err(); err != nil {
		return faultline.Errorf(faultline.EUNAVAILABLE, "actor: document %q: %w", doc.ID, err)
	}
	for _, t := range doc.Tokens {
		if t.Start < 0 || t.End > len(doc.Text) || t.Start > t.End {
			return faultline.Errorf(faultline.EINVALID, "actor: document %q: token %d..%d lies outside the text; re-run the segment stage", doc.ID, t.Start, t.End)
		}
	}
	for _, e := range doc.Entities {
		for _, m := range e.Mentions {
			if m.Start < 0 || m.End > len(doc.Text) || m.Start > m.End {
				return faultline.Errorf(faultline.EINVALID, "actor: document %q: mention %d..%d lies outside the text; re-run the ner stage", doc.ID, m.Start, m.End)
			}
		}
	}
	r := newResolver(doc, s.lx)
	r.user = s.user
	r.day = petrarch.DateOf(doc.Reference)
	if doc.Reference.IsZero() {
		r.day = 0
	}
	doc.Entities = r.run()
	return nil
}

// mention is one name mention being clustered.
type mention struct {
	start, end int // bytes
	ts, te     int // tokens [ts, te)
	text       string
	typ        string
	org        int // known organisation index or -1
	country    int // known country index or -1
	ckind      byte
	cluster    int
}

type cluster struct {
	mentions     []int
	typ          string
	org, country int
	titles       []string
	affil        []int // cluster indices
	affilSeen    map[int]bool
	actorCountry string
	roles        []string
	first        int
}

type resolver struct {
	user     *petrarch.Dictionaries
	day      petrarch.Date
	doc      *faultline.Document
	lx       *lexicon
	words    []string // token texts
	lower    []string
	ms       []mention
	clusters []*cluster
	keys     map[string]int
	tokAt    map[int]int // token start byte -> token index
	tokEnd   map[int]int // token end byte -> token index
	mAtTok   []int       // token -> mention index or -1
}

func newResolver(doc *faultline.Document, lx *lexicon) *resolver {
	r := &resolver{doc: doc, lx: lx, tokAt: make(map[int]int, len(doc.Tokens)), tokEnd: make(map[int]int, len(doc.Tokens))}
	r.words = make([]string, len(doc.Tokens))
	r.lower = make([]string, len(doc.Tokens))
	for i, t := range doc.Tokens {
		r.words[i] = doc.Text[t.Start:t.End]
		r.lower[i] = strings.ToLower(r.words[i])
		r.tokAt[t.Start] = i
		r.tokEnd[t.End] = i
	}
	return r
}

func (r *resolver) run() []faultline.Entity {
	r.collect()
	r.matchKnown()
	r.indexTokens()
	r.cluster()
	r.surnames()
	r.attributes()
	r.codes()
	return r.output()
}

// collect reads the ner mentions, snapping them to token boundaries.
func (r *resolver) collect() {
	for _, e := range r.doc.Entities {
		for _, m := range e.Mentions {
			ts, ok1 := r.tokAt[m.Start]
			te, ok2 := r.tokEnd[m.End]
			if !ok1 || !ok2 || te < ts {
				continue
			}
			typ := e.Type
			if typ == "" {
				typ = faultline.EntityMisc
			}
			r.ms = append(r.ms, mention{start: m.Start, end: m.End, ts: ts, te: te + 1, text: r.doc.Text[m.Start:m.End], typ: typ, org: -1, country: -1})
		}
	}
	sort.SliceStable(r.ms, func(i, j int) bool { return r.ms[i].start < r.ms[j].start })
	// Drop overlapping duplicates, keeping the longer.
	out := r.ms[:0]
	for _, m := range r.ms {
		if n := len(out); n > 0 && m.ts < out[n-1].te {
			if m.te-m.ts > out[n-1].te-out[n-1].ts {
				out[n-1] = m
			}
			continue
		}
		out = append(out, m)
	}
	r.ms = out
}

// matchKnown finds lexicon names in the token stream. A match adds a mention
// or replaces the ner mentions it fully covers; it never cuts a longer ner
// mention ("U.S. Institute of Peace" stays whole).
func (r *resolver) matchKnown() {
	var added []mention
	n := len(r.words)
	capsSentence := r.capsSentences()
	for i := 0; i < n; i++ {
		node := r.lx.names
		best, bestEnd := trieEntry{}, -1
		for j := i; j < n && j < i+8; j++ {
			c := node.next[r.lower[j]]
			if c == nil {
				break
			}
			node = c
			for _, e := range node.entries {
				if e.exact != "" {
					if joinWords(r.words[i:j+1]) != e.exact || capsSentence[i] {
						continue
					}
				} else if !startsUpper(r.words[i]) && !(e.org >= 0 && strings.HasPrefix(r.lower[i], "al")) {
					continue
				}
				best, bestEnd = e, j+1
				break
			}
		}
		if bestEnd < 0 {
			continue
		}
		m := mention{ts: i, te: bestEnd, start: r.doc.Tokens[i].Start, end: r.doc.Tokens[bestEnd-1].End, org: best.org, country: best.country, ckind: best.kind}
		m.text = r.doc.Text[m.start:m.end]
		switch {
		case best.org >= 0:
			m.typ = r.lx.orgs[best.org].typ
		case best.kind == 'd' || best.kind == 'p':
			m.typ = faultline.EntityNORP
		default:
			m.typ = faultline.EntityGPE
		}
		added = append(added, m)
		i = bestEnd - 1
	}
	if len(added) == 0 {
		return
	}
	// Merge: a known match wins over ner mentions inside it; a ner mention
	// longer than the match wins (the match is then dropped), except that
	// the known attributes carry over when the spans are equal.
	var out []mention
	a, b := 0, 0
	for a < len(r.ms) || b < len(added) {
		switch {
		case b >= len(added) || (a < len(r.ms) && r.ms[a].te <= added[b].ts):
			out = append(out, r.ms[a])
			a++
		case a >= len(r.ms) || added[b].te <= r.ms[a].ts:
			out = append(out, added[b])
			b++
		default:
			k := added[b]
			// collect ner mentions overlapping k
			j := a
			covered := true
			for j < len(r.ms) && r.ms[j].ts < k.te {
				if r.ms[j].ts < k.ts || r.ms[j].te > k.te {
					covered = false
				}
				j++
			}
			if covered {
				if j == a+1 && r.ms[a].ts == k.ts && r.ms[a].te == k.te && k.org < 0 && r.ms[a].typ != "" {
					// same span: keep the ner type unless it is a NORP/GPE distinction from the lexicon
					k.typ = pickType(r.ms[a].typ, k)
				}
				out = append(out, k)
			} else {
				out = append(out, r.ms[a:j]...)
			}
			a = j
			b++
		}
	}
	r.ms = out
}

func pickType(nerType string, k mention) string {
	if k.ckind == 'd' || k.ckind == 'p' {
		return faultline.EntityNORP
	}
	if k.ckind == 'c' {
		return faultline.EntityGPE
	}
	return k.typ
}

// capsSentences marks tokens in lines written in capitals or title case
// (headlines), where "IS" or "US" may be a word.
func (r *resolver) capsSentences() []bool {
	out := make([]bool, len(r.words))
	for _, s := range r.doc.Sentences {
		if s.TokenEnd <= s.TokenStart || s.TokenEnd > len(r.words) {
			continue
		}
		letters, upper := 0, 0
		for i := s.TokenStart; i < s.TokenEnd; i++ {
			if isWord(r.words[i]) {
				letters++
				if isAllCaps(r.words[i]) {
					upper++
				}
			}
		}
		if letters > 2 && upper*2 > letters {
			for i := s.TokenStart; i < s.TokenEnd; i++ {
				out[i] = true
			}
		}
	}
	return out
}

func (r *resolver) indexTokens() {
	r.mAtTok = make([]int, len(r.words))
	for i := range r.mAtTok {
		r.mAtTok[i] = -1
	}
	for mi, m := range r.ms {
		for t := m.ts; t < m.te && t < len(r.mAtTok); t++ {
			r.mAtTok[t] = mi
		}
		if m.org < 0 && m.country < 0 {
			key := strings.ToLower(m.text)
			if ci, ok := r.lx.byName[key]; ok {
				r.ms[mi].country = ci
				r.ms[mi].ckind = r.lx.kind[key]
			}
		}
	}
}

func joinWords(ws []string) string { return strings.Join(ws, " ") }

func startsUpper(w string) bool {
	return w != "" && w[0] >= 'A' && w[0] <= 'Z'
}

func isWord(w string) bool {
	for _, r := range w {
		if r >= 'a' && r <= 'z' || r >= 'A' && r <= 'Z' {
			return true
		}
	}
	return false
}

// cluster groups mentions into entities.
func (r *resolver) cluster() {
	keyCluster := map[string]int{}
	r.keys = keyCluster
	newCluster := func(mi int) int {
		c := &cluster{typ: r.ms[mi].typ, org: r.ms[mi].org, country: r.ms[mi].country, first: r.ms[mi].start, affilSeen: map[int]bool{}}
		r.clusters = append(r.clusters, c)
		return len(r.clusters) - 1
	}
	join := func(mi, ci int) {
		r.ms[mi].cluster = ci
		r.clusters[ci].mentions = append(r.clusters[ci].mentions, mi)
	}
	acronyms := r.acronymDefinitions()
	// Pass 1: everything but single-word person names and acronyms.
	var later []int
	for mi := range r.ms {
		m := &r.ms[mi]
		if target, ok := acronyms[mi]; ok {
			// the acronym joins its expansion's cluster (assigned already: expansions come first)
			join(mi, r.ms[target].cluster)
			keyCluster["A:"+m.text] = r.ms[target].cluster
			continue
		}
		if m.typ == faultline.EntityPerson && m.org < 0 && m.country < 0 {
			later = append(later, mi)
			continue
		}
		key := r.key(m)
		if ci, ok := keyCluster[key]; ok {
			join(mi, ci)
			continue
		}
		if isAcronym(m.text) {
			if ci, ok := keyCluster["A:"+m.text]; ok {
				join(mi, ci)
				continue
			}
		}
		ci := newCluster(mi)
		keyCluster[key] = ci
		join(mi, ci)
	}
	// Pass 2: person names. Longer names first, so that a bare surname
	// finds the full name even when it comes first in the text.
	sort.SliceStable(later, func(i, j int) bool {
		a, b := r.ms[later[i]], r.ms[later[j]]
		if la, lb := len(personParts(a.text)), len(personParts(b.text)); la != lb {
			return la > lb
		}
		return a.start < b.start
	})
	var persons []int // cluster indices of persons
	for _, mi := range later {
		m := &r.ms[mi]
		parts := personParts(m.text)
		found := -1
		for _, ci := range persons {
			for _, oj := range r.clusters[ci].mentions {
				if samePerson(parts, personParts(r.ms[oj].text)) {
					found = ci
					break
				}
			}
			if found >= 0 {
				break
			}
		}
		if found < 0 {
			// an organisation of the same name (ner type disagreement)
			if ci, ok := keyCluster[r.key(m)]; ok && len(parts) > 1 {
				found = ci
			}
		}
		if found < 0 {
			found = newCluster(mi)
			persons = append(persons, found)
		}
		join(mi, found)
	}
	for _, c := range r.clusters {
		sort.Ints(c.mentions)
		c.first = r.ms[c.mentions[0]].start
		// majority type
		count := map[string]int{}
		for _, mi := range c.mentions {
			count[r.ms[mi].typ]++
		}
		best := c.typ
		for t, n := range count {
			if n > count[best] || (n == count[best] && t < best) {
				best = t
			}
		}
		c.typ = best
		for _, mi := range c.mentions {
			if r.ms[mi].org >= 0 {
				c.org = r.ms[mi].org
			}
			if r.ms[mi].country >= 0 && c.country < 0 {
				c.country = r.ms[mi].country
			}
		}
	}
}

// key is the clustering key of a non-person mention.
func (r *resolver) key(m *mention) string {
	if m.org >= 0 {
		return "O:" + strconv.Itoa(m.org)
	}
	if m.country >= 0 {
		code := r.lx.countries[m.country].code
		switch m.ckind {
		case 'n', 'p':
			return "C:" + code
		case 'd':
			return "D:" + code
		case 'c':
			return "K:" + code + ":" + strings.ToLower(m.text)
		}
	}
	return "N:" + normName(m.text)
}

// normName lower-cases a name and drops a leading "the" and a trailing
// possessive.
func normName(s string) string {
	s = strings.ToLower(strings.TrimSpace(s))
	s = strings.TrimPrefix(s, "the ")
	s = strings.TrimSuffix(s, "'s")
	s = strings.TrimSuffix(s, "’s")
	return s
}

// personParts lower-cases the words of a person name, drops honorifics and
// the Arabic article prefix ("al-Abadi" and "Abadi" compare equal).
func personParts(s string) []string {
	f := strings.Fields(strings.ToLower(s))
	out := f[:0]
	for _, w := range f {
		if honorifics[w] {
			continue
		}
		w = strings.TrimSuffix(strings.TrimSuffix(w, "'s"), "’s")
		for _, p := range []string{"al-", "el-", "ad-", "as-", "ash-", "an-", "ar-"} {
			if strings.HasPrefix(w, p) && len(w) > len(p)+1 {
				w = w[len(p):]
				break
			}
		}
		out = append(out, w)
	}
	return out
}

// samePerson reports whether name a is a shorter form of name b (or equal):
// its last word is b's last word and its other words appear in b.
func samePerson(a, b []string) bool {
	if len(a) == 0 || len(b) == 0 || len(a) > len(b) {
		return false
	}
	if a[len(a)-1] != b[len(b)-1] {
		// a single word may be the first name only when b has two words? no: surnames only
		return false
	}
	j := 0
	for _, w := range a {
		for j < len(b) && b[j] != w {
			j++
		}
		if j == len(b) {
			return false
		}
		j++
	}
	return true
}

func isAcronym(s string) bool {
	if len(s) < 2 || len(s) > 8 {
		return false
	}
	upper := 0
	for i := 0; i < len(s); i++ {
		c := s[i]
		switch {
		case c >= 'A' && c <= 'Z':
			upper++
		case c == '.' || c == '-' || c >= '0' && c <= '9' || c == '&':
		default:
			return false
		}
	}
	return upper >= 2
}

// acronymDefinitions finds "NAME, or ACR", "NAME (ACR)" and "NAME, known as
// ACR" and maps the acronym mention index to the name mention index.
func (r *resolver) acronymDefinitions() map[int]int {
	out := map[int]int{}
	for mi := 1; mi < len(r.ms); mi++ {
		m := r.ms[mi]
		if !isAcronym(m.text) || m.te-m.ts != 1 {
			continue
		}
		t := m.ts
		var nameEnd int // token index one past the name
		switch {
		case t >= 3 && r.lower[t-1] == "or" && r.words[t-2] == ",":
			nameEnd = t - 2
		case t >= 2 && r.words[t-1] == "(" && t+1 < len(r.words) && r.words[t+1] == ")":
			nameEnd = t - 1
		default:
			continue
		}
		prev := mi - 1
		if r.ms[prev].te != nameEnd || isAcronym(r.ms[prev].text) {
			continue
		}
		if r.ms[prev].typ == faultline.EntityPerson || r.ms[prev].country >= 0 && r.ms[prev].ckind != 'n' {
			continue
		}
		out[mi] = prev
		// A known acronym keeps its own organisation identity; the
		// expansion inherits it so that both share one cluster.
		if m.org >= 0 && r.ms[prev].org < 0 {
			r.ms[prev].org = m.org
		}
		if m.org < 0 {
			r.ms[mi].org = r.ms[prev].org
		}
	}
	return out
}

// attributes reads titles and affiliations around person mentions.
func (r *resolver) attributes() {
	for mi := range r.ms {
		m := r.ms[mi]
		if r.clusters[m.cluster].typ != faultline.EntityPerson {
			continue
		}
		c := r.clusters[m.cluster]
		r.preNameTitles(m, c)
		r.apposition(m, c)
	}
}

func (r *resolver) addTitle(c *cluster, t string) {
	t = strings.TrimSpace(t)
	if t == "" {
		return
	}
	for _, x := range c.titles {
		if strings.EqualFold(x, t) {
			return
		}
	}
	c.titles = append(c.titles, t)
}

func (r *resolver) addAffil(c *cluster, mi int) {
	ci := r.ms[mi].cluster
	if m := r.ms[mi]; m.ckind == 'd' && m.country >= 0 {
		// "Iraqi Prime Minister": affiliated with Iraq when Iraq is an entity
		if k, ok := r.keys["C:"+r.lx.countries[m.country].code]; ok {
			ci = k
		}
	}
	if r.clusters[ci] == c || c.affilSeen[ci] {
		return
	}
	c.affilSeen[ci] = true
	c.affil = append(c.affil, ci)
}

// sentenceStart returns the first token of the sentence holding token t.
func (r *resolver) sentenceBounds(t int) (int, int) {
	ss := r.doc.Sentences
	i := sort.Search(len(ss), func(i int) bool { return ss[i].TokenEnd > t })
	if i < len(ss) && ss[i].TokenStart <= t {
		return ss[i].TokenStart, ss[i].TokenEnd
	}
	return 0, len(r.words)
}

// preNameTitles reads "U.S. President Donald Trump", "Marine Maj. Adrian
// Rankine-Galloway", "Iraqi Prime Minister Haider al-Abadi".
func (r *resolver) preNameTitles(m mention, c *cluster) {
	sentStart, _ := r.sentenceBounds(m.ts)
	k := m.ts - 1
	var words []string
	for k >= sentStart && titleWords[r.lower[k]] && r.mAtTok[k] < 0 {
		words = append(words, r.words[k])
		k--
	}
	// reverse
	for i, j := 0, len(words)-1; i < j; i, j = i+1, j-1 {
		words[i], words[j] = words[j], words[i]
	}
	var title []string
	for _, w := range words {
		lw := strings.ToLower(w)
		if honorifics[lw] {
			continue
		}
		if lw == "marine" || lw == "army" || lw == "navy" {
			c.roles = appendRole(c.roles, "MIL")
			continue
		}
		title = append(title, w)
	}
	if len(title) > 0 {
		r.addTitle(c, joinWords(title))
	}
	if len(words) == 0 {
		return
	}
	// a country, demonym or organisation right before the title
	if k >= sentStart && r.mAtTok[k] >= 0 {
		a := r.mAtTok[k]
		if r.ms[a].te == k+1 && r.ms[a].typ != faultline.EntityPerson {
			r.addAffil(c, a)
			if r.ms[a].country >= 0 && c.actorCountry == "" {
				c.actorCountry = r.lx.countries[r.ms[a].country].code
			}
		}
	}
}

var appositionPreps = map[string]bool{"of": true, "at": true, "for": true, "with": true, "from": true}

// apposition reads ", a spokesman and a senior commander of the PMF," and
// ", director of Middle East Programs at the U.S. Institute of Peace".
func (r *resolver) apposition(m mention, c *cluster) {
	_, sentEnd := r.sentenceBounds(m.ts)
	t := m.te
	if t >= sentEnd || r.words[t] != "," {
		return
	}
	t++
	if t >= sentEnd {
		return
	}
	first := r.lower[t]
	if first == "who" || first == "which" || first == "whose" || first == "and" || first == "but" || first == "said" || first == "says" {
		return
	}
	if !(first == "a" || first == "an" || first == "the" || !startsUpper(r.words[t]) || r.mAtTok[t] >= 0) {
		return
	}
	end := t
	for end < sentEnd && end-t < 16 {
		w := r.words[end]
		if w == "," || w == ";" || w == "." || w == "”" || w == "“" || w == "\"" || w == "(" || w == ")" {
			break
		}
		if p := r.doc.Tokens[end].POS; p == "VERB" || p == "AUX" {
			return
		}
		end++
	}
	if end-t < 1 || end-t >= 16 {
		return
	}
	// split on "and" before a determiner or a lower-case word
	parts := [][2]int{}
	s := t
	for k := t; k < end; k++ {
		if r.lower[k] == "and" && k+1 < end && (r.lower[k+1] == "a" || r.lower[k+1] == "an" || r.lower[k+1] == "the") {
			parts = append(parts, [2]int{s, k})
			s = k + 1
		}
	}
	parts = append(parts, [2]int{s, end})
	for _, p := range parts {
		a, b := p[0], p[1]
		for a < b && (r.lower[a] == "a" || r.lower[a] == "an" || r.lower[a] == "the") {
			a++
		}
		// a leading organisation or country: "a Pentagon spokesman"
		for a < b && r.mAtTok[a] >= 0 {
			mi := r.mAtTok[a]
			if r.ms[mi].typ == faultline.EntityPerson {
				return
			}
			r.addAffil(c, mi)
			a = r.ms[mi].te
		}
		titleEnd := b
		for k := a; k < b; k++ {
			if !appositionPreps[r.lower[k]] {
				continue
			}
			j := k + 1
			if j < b && r.lower[j] == "the" {
				j++
			}
			if j < b && r.mAtTok[j] >= 0 {
				mi := r.mAtTok[j]
				typ := r.ms[mi].typ
				if typ == faultline.EntityOrg || typ == faultline.EntityGPE || r.ms[mi].org >= 0 {
					r.addAffil(c, mi)
					if titleEnd == b {
						titleEnd = k
					}
				}
			}
		}
		if titleEnd > a && titleEnd-a <= 7 {
			words := r.words[a:titleEnd]
			if startsUpper(words[0]) && r.mAtTok[a] < 0 && !titleWords[r.lower[a]] {
				continue
			}
			r.addTitle(c, joinWords(words))
		}
	}
}

func appendRole(roles []string, role string) []string {
	if role == "" {
		return roles
	}
	for _, x := range roles {
		if x == role {
			return roles
		}
	}
	return append(roles, role)
}

// codes assigns actor codes: organisations and places first, then persons
// (who inherit from their affiliations).
func (r *resolver) codes() {
	for _, c := range r.clusters {
		if c.typ == faultline.EntityPerson {
			continue
		}
		switch {
		case c.org >= 0:
			o := r.lx.orgs[c.org]
			c.actorCountry = o.country
			c.roles = append([]string(nil), o.roles...)
		case c.country >= 0:
			c.actorCountry = r.lx.countries[c.country].code
			for _, mi := range c.mentions {
				if r.ms[mi].ckind == 'c' {
					c.roles = appendRole(c.roles, "GOV")
					break
				}
			}
		default:
			a := r.phraseActor(r.longestMention(c))
			if a != nil {
				c.actorCountry = a.Country
				c.roles = a.Roles
				if c.actorCountry == "" && c.typ != faultline.EntityGPE && c.typ != faultline.EntityNORP {
					// "Syria's Free Army", "the Iraqi Free Army": the
					// country that owns the group in the text
					c.actorCountry = r.ownerCountry(c)
				}
			}
		}
	}
	for _, c := range r.clusters {
		if c.typ != faultline.EntityPerson {
			continue
		}
		for _, t := range c.titles {
			for _, w := range strings.Fields(strings.ToLower(t)) {
				if role, ok := roleWords[w]; ok {
					c.roles = appendRole(c.roles, role)
				}
				if ci, ok := r.lx.byName[w]; ok && c.actorCountry == "" {
					c.actorCountry = r.lx.countries[ci].code
				}
			}
		}
		for _, ai := range c.affil {
			a := r.clusters[ai]
			if c.actorCountry == "" {
				c.actorCountry = a.actorCountry
			}
			if a.typ != faultline.EntityGPE && a.typ != faultline.EntityNORP {
				for _, role := range a.roles {
					if role == "NGO" || role == "IGO" {
						continue
					}
					if len(c.roles) == 0 || role == "MIL" && !hasRole(c.roles, "MIL") && hasRole(a.roles, "MIL") {
						c.roles = appendRole(c.roles, role)
					}
				}
			}
		}
		if len(c.roles) > 1 && hasRole(c.roles, "MIL") && hasRole(c.roles, "GOV") {
			// "a Pentagon spokesman": the military organisation decides
			c.roles = removeRole(c.roles, "GOV")
		}
	}
}

// ownerCountry is the country named right before a mention of the group
// c, as a possessive ("Syria's Free Army") or a demonym ("Iraqi Free
// Army"), or "".
func (r *resolver) ownerCountry(c *cluster) string {
	for _, mi := range c.mentions {
		m := r.ms[mi]
		k := m.ts - 1
		if k >= 0 && (r.lower[k] == "'s" || r.lower[k] == "’s" || r.lower[k] == "'") {
			k--
		}
		if k < 0 || r.mAtTok[k] < 0 {
			continue
		}
		o := r.ms[r.mAtTok[k]]
		if o.te != k+1 || o.country < 0 || o.ckind == 'c' || o.cluster == m.cluster {
			continue
		}
		if s, _ := r.sentenceBounds(m.ts); k < s {
			continue
		}
		return r.lx.countries[o.country].code
	}
	return ""
}

func hasRole(roles []string, role string) bool {
	for _, x := range roles {
		if x == role {
			return true
		}
	}
	return false
}

func removeRole(roles []string, role string) []string {
	out := roles[:0]
	for _, x := range roles {
		if x != role {
			out = append(out, x)
		}
	}
	return out
}

func (r *resolver) longestMention(c *cluster) string {
	best := ""
	for _, mi := range c.mentions {
		t := trimPossessive(r.ms[mi].text)
		if len(t) > len(best) {
			best = t
		}
	}
	return best
}

func trimPossessive(s string) string {
	s = strings.TrimSuffix(s, "'s")
	s = strings.TrimSuffix(s, "’s")
	return s
}

// name picks the canonical name: the fullest form among the mentions.
func (r *resolver) name(c *cluster) string {
	if c.country >= 0 && c.org < 0 {
		// the country's own name when mentioned, else the longest mention
		best := ""
		for _, mi := range c.mentions {
			if r.ms[mi].ckind == 'n' || r.ms[mi].ckind == 'c' {
				if t := trimPossessive(r.ms[mi].text); len(t) > len(best) {
					best = t
				}
			}
		}
		if best != "" {
			return best
		}
	}
	best, bestWords := "", 0
	for _, mi := range c.mentions {
		t := trimPossessive(r.ms[mi].text)
		n := len(strings.Fields(t))
		if n > bestWords || n == bestWords && len(t) > len(best) {
			best, bestWords = t, n
		}
	}
	return best
}

func (r *resolver) output() []faultline.Entity {
	order := make([]int, len(r.clusters))
	for i := range order {
		order[i] = i
	}
	sort.SliceStable(order, func(i, j int) bool { return r.clusters[order[i]].first < r.clusters[order[j]].first })
	ids := make([]string, len(r.clusters))
	for rank, ci := range order {
		ids[ci] = "E" + strconv.Itoa(rank+1)
	}
	out := make([]faultline.Entity, 0, len(order))
	for _, ci := range order {
		c := r.clusters[ci]
		e := faultline.Entity{ID: ids[ci], Name: r.name(c), Type: c.typ, Mentions: []faultline.Mention{},
			Aliases: []string{}, Titles: append([]string{}, c.titles...), Affiliations: []string{}}
		seen := map[string]bool{e.Name: true}
		for _, mi := range c.mentions {
			m := r.ms[mi]
			e.Mentions = append(e.Mentions, faultline.Mention{Start: m.start, End: m.end, Text: m.text})
			a := trimPossessive(m.text)
			if !seen[a] {
				seen[a] = true
				e.Aliases = append(e.Aliases, a)
			}
		}
		for _, ai := range c.affil {
			e.Affiliations = append(e.Affiliations, ids[ai])
		}
		e.Actor = buildActor(c.actorCountry, c.roles, c.org, r.lx)
		if a := r.dictionaryActor(c, e.Actor == nil); a != nil {
			e.Actor = a
		}
		out = append(out, e)
	}
	return out
}

func buildActor(country string, roles []string, org int, lx *lexicon) *faultline.Actor {
	if org >= 0 && lx.orgs[org].code != "" {
		return &faultline.Actor{Code: lx.orgs[org].code, Country: lx.orgs[org].country, Roles: append([]string{}, lx.orgs[org].roles...)}
	}
	if country == "" && len(roles) == 0 {
		return nil
	}
	code := country
	for _, role := range roles {
		code += role
	}
	return &faultline.Actor{Code: code, Country: country, Roles: append([]string{}, roles...)}
}

// surnames adds mentions the ner stage missed: a capitalised word equal to
// the last name of a person already named in full ("Abadi" after "Haider
// al-Abadi", "Al-Hosseini's").
func (r *resolver) surnames() {
	last := map[string]int{} // surname -> cluster
	for ci, c := range r.clusters {
		if c.typ != faultline.EntityPerson {
			continue
		}
		for _, mi := range c.mentions {
			parts := personParts(r.ms[mi].text)
			if len(parts) < 2 {
				continue
			}
			sn := parts[len(parts)-1]
			if prev, ok := last[sn]; ok && prev != ci {
				last[sn] = -1 // two people share it: leave it alone
				continue
			}
			last[sn] = ci
		}
	}
	if len(last) == 0 {
		return
	}
	for t, w := range r.words {
		if r.mAtTok[t] >= 0 || !startsUpper(w) {
			continue
		}
		parts := personParts(w)
		if len(parts) != 1 {
			continue
		}
		ci, ok := last[parts[0]]
		if !ok || ci < 0 {
			continue
		}
		// not the first word of a longer capitalised name we do not know
		if t+1 < len(r.words) && startsUpper(r.words[t+1]) && r.mAtTok[t+1] < 0 {
			continue
		}
		tk := r.doc.Tokens[t]
		m := mention{start: tk.Start, end: tk.End, ts: t, te: t + 1, text: w, typ: faultline.EntityPerson, org: -1, country: -1, cluster: ci}
		r.ms = append(r.ms, m)
		mi := len(r.ms) - 1
		r.mAtTok[t] = mi
		r.clusters[ci].mentions = append(r.clusters[ci].mentions, mi)
	}
	for _, c := range r.clusters {
		sort.Slice(c.mentions, func(i, j int) bool { return r.ms[c.mentions[i]].start < r.ms[c.mentions[j]].start })
	}
}

// dictionaryActor looks the entity's names up in the user dictionaries
// (which take precedence) and, when the built-in tables gave no code
// (fallback), in the team lexicon's PETRARCH-style dictionaries.
func (r *resolver) dictionaryActor(c *cluster, fallback bool) *faultline.Actor {
	if r.user == nil && !fallback {
		return nil
	}
	names := make([]string, 0, len(c.mentions))
	seen := map[string]bool{}
	for _, mi := range c.mentions {
		n := trimPossessive(r.ms[mi].text)
		if !seen[n] && isWord(n) {
			seen[n] = true
			names = append(names, n)
		}
	}
	sort.SliceStable(names, func(i, j int) bool { return len(names[i]) > len(names[j]) })
	look := func(d *petrarch.Dictionaries) *faultline.Actor {
		if d == nil {
			return nil
		}
		for _, n := range names {
			if code, ok := d.Actors.CodeAt(n, r.day); ok && code != "" && code != "---" {
				return actorFromCode(code)
			}
		}
		return nil
	}
	if a := look(r.user); a != nil {
		return a
	}
	if fallback && c.typ != faultline.EntityPerson {
		return look(teamlexicon.Dictionaries())
	}
	return nil
}

// actorFromCode splits a CAMEO actor code into country and 3-letter roles.
func actorFromCode(code string) *faultline.Actor {
	a := &faultline.Actor{Code: code, Roles: []string{}}
	rest := code
	if len(code) >= 3 {
		if _, ok := teamlexicon.CountryByCode(code[:3]); ok {
			a.Country = code[:3]
			rest = code[3:]
		}
	}
	for len(rest) >= 3 {
		a.Roles = append(a.Roles, rest[:3])
		rest = rest[3:]
	}
	return a
}
