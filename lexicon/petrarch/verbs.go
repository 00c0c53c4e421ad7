package petrarch

import (
	"io"
	"strconv"
	"strings"
)

// EventCode is the code of a verb, block or pattern. Reverse, when set, is
// the code of a second event with source and target swapped: "[042:043]"
// (a visit is also a hosting), "[:173]" (only the swapped event).
type EventCode struct {
	Code    string // CAMEO code such as "042"; "" for the null code "---"
	Reverse string
}

// IsNull reports whether the code yields no event.
func (c EventCode) IsNull() bool { return c.Code == "" && c.Reverse == "" }

func (c EventCode) String() string {
	code := c.Code
	if code == "" {
		code = "---"
	}
	if c.Reverse != "" {
		return code + ":" + c.Reverse
	}
	return code
}

// Synset is a named set of words or phrases (&CURRENCY, &MILITARY) that a
// pattern can use in place of a word.
type Synset struct {
	Name     string     // without '&' and trailing '_', uppercase ("MILITARY")
	Members  [][]string // normalized word sequences, plurals included
	Nested   []string   // names of synsets listed as members ("+&TIETYPES")
	File     string
	Line     int
	single   map[string]bool
	noPlural bool
}

// VerbBlock is one "--- NAME [CODE] ---" block: synonymous verbs sharing a
// default code and a list of patterns.
type VerbBlock struct {
	Name     string
	Code     EventCode
	Verbs    []*Verb
	Patterns []*Pattern
	File     string
	Line     int
}

// Verb is one verb of a block with its inflected forms.
type Verb struct {
	Lemma  string   // the verb word's base form, normalized ("ask")
	Before []string // words before the verb in a multi-word verb ("re" in RE_+ARREST)
	After  []string // particles after it ("for" in +ASK_FOR, "off" in +CORDON_OFF)
	Forms  []string // inflected forms of the verb word, the lemma first
	Code   EventCode
	Block  *VerbBlock
	Line   int
}

// ConstituentKind tells what a pattern constituent stands for.
type ConstituentKind uint8

const (
	// Noun is a single head word, synset or marker.
	Noun ConstituentKind = iota + 1
	// NounPhrase is "{MODIFIERS HEAD}": the last element is the head.
	NounPhrase
	// Prep is "(PREP OBJECT...)": a prepositional phrase.
	Prep
)

// ElementKind tells what one pattern element is.
type ElementKind uint8

const (
	Word     ElementKind = iota + 1 // a literal word
	SynsetEl                        // a synset reference (&NAME)
	Source                          // '$': the source actor goes here
	Target                          // '+': the target actor goes here
	Compound                        // '%': a compound actor, both source and target
	Skip                            // '^': skip a noun phrase
)

// Element is one word, synset or actor marker of a pattern.
type Element struct {
	Kind ElementKind
	Text string // the normalized word, or the synset name
	// Joined: a '_' ties this literal to the literal before it
	// ("THE_NEATEST_PLACE"); the two must be adjacent in the text
	Joined bool
}

// Constituent is one part of a pattern on either side of the verb.
type Constituent struct {
	Kind     ConstituentKind
	Prep     string // the preposition of a Prep constituent
	Elements []Element
}

// Pattern is one "- PRE * POST [CODE]" line of a verb block.
type Pattern struct {
	Pre     []Constituent // before the verb, in text order
	Post    []Constituent // after the verb
	Code    EventCode
	Comment string // text after '#', usually the verb the pattern came from
	Raw     string
	File    string
	Line    int
}

// Transformation is a "~ ..." line: a rule that rewrites nested events
// ("a (b . ATTACK) SAY = a b 112"). Kept as written.
type Transformation struct {
	Pattern string
	Result  string
	File    string
	Line    int
}

// VerbDict holds verb blocks, synsets and transformations, indexed by verb
// form and lemma.
type VerbDict struct {
	Blocks          []*VerbBlock
	Synsets         map[string]*Synset
	Transformations []Transformation
	Warnings        []Warning
	forms           map[string][]*Verb
	lemmas          map[string][]*Verb
}

// NewVerbDict returns an empty verb dictionary.
func NewVerbDict() *VerbDict {
	return &VerbDict{Synsets: map[string]*Synset{}, forms: map[string][]*Verb{}, lemmas: map[string][]*Verb{}}
}

// ByLemma returns the verbs whose base form is lemma (case-insensitive),
// multi-word verbs included; a lemma can be in several blocks.
func (d *VerbDict) ByLemma(lemma string) []*Verb {
	if d == nil {
		return nil
	}
	return d.lemmas[Normalize(lemma)]
}

// ByForm returns the verbs that have word as one of their inflected forms.
func (d *VerbDict) ByForm(word string) []*Verb {
	if d == nil {
		return nil
	}
	return d.forms[Normalize(word)]
}

// Lemmas returns the number of distinct verb lemmas.
func (d *VerbDict) Lemmas() int { return len(d.lemmas) }

// Patterns returns the number of patterns over all blocks.
func (d *VerbDict) Patterns() int {
	n := 0
	for _, b := range d.Blocks {
		n += len(b.Patterns)
	}
	return n
}

// Synset returns the synset named name ("&MILITARY", "military").
func (d *VerbDict) Synset(name string) (*Synset, bool) {
	s, ok := d.Synsets[synsetKey(name)]
	return s, ok
}

// InSynset reports whether word (one token) is a member of the synset,
// through nested synsets too.
func (d *VerbDict) InSynset(name, word string) bool {
	return d.inSynset(synsetKey(name), Normalize(word), 0)
}

func (d *VerbDict) inSynset(key, word string, depth int) bool {
	s := d.Synsets[key]
	if s == nil || depth > 8 {
		return false
	}
	if s.single[word] {
		return true
	}
	for _, n := range s.Nested {
		if d.inSynset(n, word, depth+1) {
			return true
		}
	}
	return false
}

// MatchSynset returns the length of the longest member of the synset that
// starts at tokens[start], 0 when none.
func (d *VerbDict) MatchSynset(name string, tokens []string, start int) int {
	return d.matchSynset(synsetKey(name), tokens, start, 0)
}

func (d *VerbDict) matchSynset(key string, tokens []string, start, depth int) int {
	s := d.Synsets[key]
	if s == nil || depth > 8 || start < 0 || start >= len(tokens) {
		return 0
	}
	best := 0
	var buf [64]byte
member:
	for _, m := range s.Members {
		if len(m) <= best || start+len(m) > len(tokens) {
			continue
		}
		for j, w := range m {
			tok := tokens[start+j]
			if k, ok := asciiLower(tok, &buf); ok {
				if string(buf[:k]) != w {
					continue member
				}
			} else if Normalize(tok) != w {
				continue member
			}
		}
		best = len(m)
	}
	for _, n := range s.Nested {
		if k := d.matchSynset(n, tokens, start, depth+1); k > best {
			best = k
		}
	}
	return best
}

func synsetKey(name string) string {
	return strings.ToUpper(strings.TrimRight(strings.TrimPrefix(strings.TrimSpace(name), "&"), "_"))
}

func (d *VerbDict) warn(file string, line int, msg string) {
	d.Warnings = append(d.Warnings, Warning{File: file, Line: line, Message: msg})
}

// Read adds the synsets, verb blocks and patterns of one PETRARCH verb
// file (CAMEO.2.0.txt and the validation verbs share the format):
//
//	&SYNSET           a synset label; '+WORD' lines follow
//	--- NAME [CODE] ---  a verb block
//	VERB {FORMS} [CODE]  a verb of the block; irregular forms in braces
//	+VERB_PARTICLE       a multi-word verb, '+' on the verb word
//	- PRE * POST [CODE]  a pattern; '*' is the verb
//	~ PATTERN = RESULT   a transformation
func (d *VerbDict) Read(r io.Reader, file string) error {
	var block *VerbBlock
	var synset *Synset
	return readLines(r, file, func(l sourceLine) {
		text := strings.TrimSpace(l.text)
		switch {
		case strings.HasPrefix(text, "---"):
			synset = nil
			block = d.readBlockHeader(text, file, l.n)
		case strings.HasPrefix(text, "-"):
			synset = nil
			if block == nil {
				d.warn(file, l.n, "pattern before any verb block; skipped")
				return
			}
			if p := d.readPattern(text[1:], l.comment, file, l.n); p != nil {
				block.Patterns = append(block.Patterns, p)
			}
		case strings.HasPrefix(text, "&"):
			name := strings.Fields(text)[0]
			key := synsetKey(name)
			if key == "" {
				d.warn(file, l.n, "synset label without a name; skipped")
				synset = nil
				return
			}
			synset = &Synset{Name: key, File: file, Line: l.n, single: map[string]bool{}}
			if old, ok := d.Synsets[key]; ok {
				synset = old // a label defined twice extends the first
			}
			d.Synsets[key] = synset
			synset.noPlural = strings.HasSuffix(name, "_")
		case strings.HasPrefix(text, "+") && synset != nil:
			d.addSynsetMember(synset, text[1:], file, l.n)
		case strings.HasPrefix(text, "~"):
			pat, res, ok := strings.Cut(text[1:], "=")
			if !ok {
				d.warn(file, l.n, "transformation lacks '='; skipped")
				return
			}
			d.Transformations = append(d.Transformations, Transformation{
				Pattern: strings.TrimSpace(pat), Result: strings.TrimSpace(res), File: file, Line: l.n})
		default:
			synset = nil
			if block == nil {
				d.warn(file, l.n, "verb "+strconv.Quote(clip(text))+" before any '--- NAME [CODE] ---' block; skipped")
				return
			}
			d.readVerb(block, text, file, l.n)
		}
	})
}

func (d *VerbDict) readBlockHeader(text, file string, line int) *VerbBlock {
	inner := strings.TrimSpace(strings.Trim(text, "-"))
	b := &VerbBlock{File: file, Line: line}
	if i := strings.IndexByte(inner, '['); i >= 0 {
		j := strings.IndexByte(inner[i:], ']')
		if j < 0 {
			d.warn(file, line, "block code lacks ']'; the block has the null code")
		} else {
			code, ok := parseEventCode(inner[i+1 : i+j])
			if !ok {
				d.warn(file, line, "block code "+strconv.Quote(inner[i+1:i+j])+" is not a CAMEO code; the block has the null code")
			} else {
				b.Code = code
			}
		}
		inner = inner[:i]
	}
	b.Name = strings.ToUpper(strings.TrimSpace(inner))
	if b.Name == "" {
		d.warn(file, line, "verb block without a name")
	}
	d.Blocks = append(d.Blocks, b)
	return b
}

// parseEventCode reads "042", "042:043", ":173", "---".
func parseEventCode(s string) (EventCode, bool) {
	s = strings.TrimSpace(s)
	a, b, paired := strings.Cut(s, ":")
	var c EventCode
	var ok1, ok2 = true, true
	c.Code, ok1 = cameoDigits(a, !paired)
	if paired {
		c.Reverse, ok2 = cameoDigits(b, false)
	}
	return c, ok1 && ok2
}

// cameoDigits accepts a CAMEO code (2 to 4 digits), the null code "---",
// and, as the PETRARCH validation dictionaries use them, other short
// alphanumeric codes ("174K") kept as written. "" is accepted when
// requireCode is false (the empty side of ":173").
func cameoDigits(s string, requireCode bool) (string, bool) {
	s = strings.TrimSpace(s)
	if s == "---" {
		return "", true
	}
	if s == "" {
		return "", !requireCode
	}
	if len(s) > 6 {
		return "", false
	}
	for i := 0; i < len(s); i++ {
		c := s[i]
		if !('0' <= c && c <= '9' || 'A' <= c && c <= 'Z' || 'a' <= c && c <= 'z') {
			return "", false
		}
	}
	return s, true
}

func (d *VerbDict) addSynsetMember(s *Synset, text, file string, line int) {
	text = strings.TrimSpace(text)
	if strings.HasPrefix(text, "&") {
		s.Nested = append(s.Nested, synsetKey(strings.Fields(text)[0]))
		return
	}
	words := splitPhrase(text)
	if len(words) == 0 {
		d.warn(file, line, "empty synset member; skipped")
		return
	}
	s.add(words)
	if !s.noPlural && !strings.HasSuffix(text, "_") {
		pl := append(append([]string(nil), words[:len(words)-1]...), PluralNoun(words[len(words)-1]))
		s.add(pl)
	}
}

func (s *Synset) add(words []string) {
	s.Members = append(s.Members, words)
	if len(words) == 1 {
		s.single[words[0]] = true
	}
}

func (d *VerbDict) readVerb(b *VerbBlock, text, file string, line int) {
	code := b.Code
	if i := strings.LastIndexByte(text, '['); i >= 0 && strings.HasSuffix(text, "]") {
		c, ok := parseEventCode(text[i+1 : len(text)-1])
		if ok {
			code = c
		} else {
			d.warn(file, line, "verb code "+strconv.Quote(text[i:])+" is not a CAMEO code; the block code is used")
		}
		text = strings.TrimSpace(text[:i])
	}
	head, forms := text, []string(nil)
	hasBraces := false
	if i := strings.IndexByte(text, '{'); i >= 0 {
		j := strings.IndexByte(text[i:], '}')
		if j < 0 {
			d.warn(file, line, "irregular forms lack '}'; regular forms are generated")
		} else {
			forms = strings.Fields(text[i+1 : i+j])
			hasBraces = true
		}
		head = strings.TrimSpace(text[:i])
	}
	if strings.ContainsAny(head, " \t") {
		d.warn(file, line, "verb "+strconv.Quote(clip(head))+" has blanks; only its first word is read")
		head = strings.Fields(head)[0]
	}
	before, lemma, after, ok := splitVerbPhrase(head)
	if !ok {
		d.warn(file, line, "multi-word verb "+strconv.Quote(head)+" must mark its verb with '+' on the first or last word; skipped")
		return
	}
	v := &Verb{Lemma: lemma, Before: before, After: after, Code: code, Block: b, Line: line}
	v.Forms = []string{lemma}
	if hasBraces {
		for _, f := range forms {
			_, w, _, ok := splitVerbPhrase(f)
			if !ok || w == "" {
				d.warn(file, line, "form "+strconv.Quote(f)+" of "+strings.ToUpper(lemma)+" does not mark its verb word; skipped")
				continue
			}
			v.Forms = appendUnique(v.Forms, w)
		}
	} else {
		for _, w := range RegularVerbForms(lemma) {
			v.Forms = appendUnique(v.Forms, w)
		}
	}
	b.Verbs = append(b.Verbs, v)
	d.lemmas[lemma] = append(d.lemmas[lemma], v)
	for _, f := range v.Forms {
		d.forms[f] = append(d.forms[f], v)
	}
}

// splitVerbPhrase reads "ASK", "+ASK_FOR", "RE_+ARREST", "WIRE_+TAP".
func splitVerbPhrase(s string) (before []string, verb string, after []string, ok bool) {
	if !strings.ContainsAny(s, "_+") {
		w := Normalize(s)
		return nil, w, nil, w != ""
	}
	parts := strings.Split(s, "_")
	at := -1
	for i, p := range parts {
		if strings.HasPrefix(p, "+") {
			at = i
			break
		}
	}
	if at < 0 {
		if len(parts) == 1 || (len(parts) == 2 && parts[1] == "") {
			// "XXXX_": TABARI's exact-word mark on a single word.
			w := Normalize(parts[0])
			return nil, w, nil, w != ""
		}
		return nil, "", nil, false
	}
	for i, p := range parts {
		p = Normalize(strings.TrimPrefix(p, "+"))
		switch {
		case p == "":
		case i < at:
			before = append(before, p)
		case i == at:
			verb = p
		default:
			after = append(after, p)
		}
	}
	return before, verb, after, verb != ""
}

// RegularVerbForms returns the third-person, past and -ing forms of a
// regular English verb (lowercase).
func RegularVerbForms(v string) []string {
	n := len(v)
	if n == 0 {
		return nil
	}
	vowel := func(c byte) bool { return strings.IndexByte("aeiou", c) >= 0 }
	var s, ed, ing string
	switch {
	case strings.HasSuffix(v, "s"), strings.HasSuffix(v, "x"), strings.HasSuffix(v, "z"),
		strings.HasSuffix(v, "ch"), strings.HasSuffix(v, "sh"):
		s = v + "es"
	case n > 1 && v[n-1] == 'y' && !vowel(v[n-2]):
		s = v[:n-1] + "ies"
	default:
		s = v + "s"
	}
	switch {
	case v[n-1] == 'e':
		ed = v + "d"
	case n > 1 && v[n-1] == 'y' && !vowel(v[n-2]):
		ed = v[:n-1] + "ied"
	default:
		ed = v + "ed"
	}
	switch {
	case strings.HasSuffix(v, "ie"):
		ing = v[:n-2] + "ying"
	case n > 2 && v[n-1] == 'e' && !vowel(v[n-2]):
		ing = v[:n-1] + "ing"
	default:
		ing = v + "ing"
	}
	return []string{s, ed, ing}
}

func appendUnique(list []string, w string) []string {
	for _, x := range list {
		if x == w {
			return list
		}
	}
	return append(list, w)
}

// PatternsFor returns the patterns of every block that holds a verb with
// this lemma, block by block in file order (a block's patterns apply to all
// of its verbs).
func (d *VerbDict) PatternsFor(lemma string) []*Pattern {
	var out []*Pattern
	var seen []*VerbBlock
	for _, v := range d.ByLemma(lemma) {
		dup := false
		for _, b := range seen {
			if b == v.Block {
				dup = true
			}
		}
		if dup {
			continue
		}
		seen = append(seen, v.Block)
		out = append(out, v.Block.Patterns...)
	}
	return out
}
