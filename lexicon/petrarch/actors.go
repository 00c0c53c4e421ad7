package petrarch

import (
	"io"
	"strconv"
	"strings"
	"time"
	"unicode/utf8"
)

// Date is a calendar day written as the integer YYYYMMDD (20090120); 0 means
// unknown or unbounded.
type Date int32

// DateOf returns the Date of t (in t's location); the zero time gives 0.
func DateOf(t time.Time) Date {
	if t.IsZero() {
		return 0
	}
	y, m, d := t.Date()
	return Date(y*10000 + int(m)*100 + d)
}

// ActorCode is one code of an actor with the days it applies to; From and
// Until are inclusive and 0 when open.
type ActorCode struct {
	Code  string // e.g. "USAGOV"; "---" marks a deliberately null actor
	From  Date
	Until Date
}

// Restricted reports whether the code carries a date restriction.
func (c ActorCode) Restricted() bool { return c.From != 0 || c.Until != 0 }

// ValidAt reports whether the code applies on day d (0 = any day).
func (c ActorCode) ValidAt(d Date) bool {
	if d == 0 {
		return true
	}
	return (c.From == 0 || d >= c.From) && (c.Until == 0 || d <= c.Until)
}

// Actor is one actor entry: its primary phrase, synonyms and codes.
type Actor struct {
	Name     string   // primary phrase, normalized words joined by spaces
	Kind     string   // free tag set by embedded lexicons ("country", "demonym", "capital", "organisation"); "" from files
	Synonyms []string // the '+' phrases, same form
	Codes    []ActorCode
	File     string
	Line     int
}

// CodeAt returns the code that applies on day d. Among the codes valid on
// d, a date-restricted one wins over an open one (it is the more specific
// statement), and the later-starting among restricted ones. With d == 0 the
// first open code is returned, else the latest-starting code.
func (a *Actor) CodeAt(d Date) (string, bool) {
	best := -1
	for i, c := range a.Codes {
		if d == 0 {
			if !c.Restricted() {
				return c.Code, true
			}
			if best < 0 || c.From > a.Codes[best].From {
				best = i
			}
			continue
		}
		if !c.ValidAt(d) {
			continue
		}
		if best < 0 {
			best = i
			continue
		}
		b := a.Codes[best]
		switch {
		case c.Restricted() && !b.Restricted():
			best = i
		case c.Restricted() && b.Restricted() && c.From > b.From:
			best = i
		}
	}
	if best < 0 {
		return "", false
	}
	return a.Codes[best].Code, true
}

// ActorDict holds actor entries from one or more files, indexed by phrase.
type ActorDict struct {
	Actors     []*Actor
	Warnings   []Warning
	Duplicates int // phrases defined again by a later entry (the later one wins if it has codes)
	phrases    trie[actorEntry]
}

// actorEntry is what a phrase leads to; exact, when set, holds the words
// as they must be written (letter case included), e.g. "US" but not "us".
type actorEntry struct {
	actor *Actor
	exact []string
}

func acceptActor(e actorEntry, matched []string) bool {
	if e.exact == nil {
		return true
	}
	for i, w := range e.exact {
		if matched[i] != w {
			return false
		}
	}
	return true
}

// NewActorDict returns an empty actor dictionary.
func NewActorDict() *ActorDict { return &ActorDict{} }

// Phrases returns the number of distinct phrases indexed.
func (d *ActorDict) Phrases() int { return d.phrases.count }

// ActorMatch is the result of matching actors over tokens.
type ActorMatch struct {
	Actor  *Actor
	Start  int // index of the first token
	Length int // number of tokens
}

// Match returns the actor with the longest phrase starting at tokens[start]
// (case-insensitive). ok is false when no phrase starts there.
func (d *ActorDict) Match(tokens []string, start int) (m ActorMatch, ok bool) {
	if d == nil || start < 0 || start >= len(tokens) {
		return m, false
	}
	e, n := d.phrases.longestWhere(tokens, start, acceptActor)
	if n == 0 {
		return m, false
	}
	return ActorMatch{Actor: e.actor, Start: start, Length: n}, true
}

// FindAll scans tokens left to right and returns non-overlapping longest
// matches.
func (d *ActorDict) FindAll(tokens []string) []ActorMatch {
	var out []ActorMatch
	for i := 0; i < len(tokens); {
		if m, ok := d.Match(tokens, i); ok {
			out = append(out, m)
			i += m.Length
			continue
		}
		i++
	}
	return out
}

// Lookup returns the actor stored under a phrase given as text ("United
// States", "UNITED_STATES").
func (d *ActorDict) Lookup(phrase string) (*Actor, bool) {
	if d == nil {
		return nil, false
	}
	e, ok := d.phrases.get(splitPhrase(phrase))
	return e.actor, ok
}

// CodeAt is a shortcut: the code on day day of the actor named phrase.
func (d *ActorDict) CodeAt(phrase string, day Date) (string, bool) {
	a, ok := d.Lookup(phrase)
	if !ok {
		return "", false
	}
	return a.CodeAt(day)
}

// Add indexes an actor built in code (used for embedded lexicons) under its
// Name and Synonyms, case-insensitively.
func (d *ActorDict) Add(a *Actor) {
	d.Actors = append(d.Actors, a)
	d.index(a, a.Name)
	for _, s := range a.Synonyms {
		d.index(a, s)
	}
}

// AddExact indexes a under phrase (words separated by blanks) so that it
// matches only when written with exactly this letter case: "US", "IS".
// The phrase is also appended to a.Synonyms; a must already be added.
func (d *ActorDict) AddExact(a *Actor, phrase string) {
	exact := strings.Fields(phrase)
	if len(exact) == 0 {
		return
	}
	words := make([]string, len(exact))
	for i, w := range exact {
		words[i] = Normalize(w)
	}
	a.Synonyms = append(a.Synonyms, strings.Join(words, " "))
	if old, existed := d.phrases.get(words); existed && old.actor != a {
		d.Duplicates++
	}
	d.phrases.insert(words, actorEntry{actor: a, exact: exact})
}

func (d *ActorDict) index(a *Actor, phrase string) {
	words := splitPhrase(phrase)
	if len(words) == 0 {
		return
	}
	if old, existed := d.phrases.get(words); existed && old.actor != a {
		d.Duplicates++
		if len(a.Codes) == 0 && len(old.actor.Codes) > 0 {
			return
		}
	}
	d.phrases.insert(words, actorEntry{actor: a})
}

// Read adds the actors of one PETRARCH actor file. Format: an entry starts
// with a phrase line ("UNITED_STATES_ [USA]"), continues with synonym lines
// ("+AMERICAN_") and code lines ("[USAGOV >20090120]", "[AFGELI
// 320101-331108]"); codes may also follow the phrase on its line, several
// in a row. Dates are YYYYMMDD or YYMMDD (YY <= 30 is 20YY). Read returns
// an error only when r fails; bad lines become d.Warnings.
func (d *ActorDict) Read(r io.Reader, file string) error {
	var cur *Actor
	var curPhrases []string
	// A run of phrase lines without codes ("IVO_JOSIPOVIC_" then
	// "PRESIDENT_JOSIPOVIC_" then "JOSIPOVIC_" then "[HRVGOV ...]") names one
	// actor: the phrases wait in pending and become synonyms of the next
	// entry that has codes.
	var pending []*Actor
	flush := func() {
		if cur == nil {
			return
		}
		if len(cur.Codes) == 0 {
			pending = append(pending, cur)
			cur, curPhrases = nil, nil
			return
		}
		for _, p := range pending {
			for _, ph := range append([]string{p.Name}, p.Synonyms...) {
				cur.Synonyms = append(cur.Synonyms, ph)
				curPhrases = append(curPhrases, ph)
			}
		}
		pending = pending[:0]
		d.Actors = append(d.Actors, cur)
		for _, p := range curPhrases {
			d.index(cur, p)
		}
		cur, curPhrases = nil, nil
	}
	err := readLines(r, file, func(l sourceLine) {
		text := strings.TrimSpace(l.text)
		switch {
		case strings.HasPrefix(text, "["):
			if cur == nil {
				d.warn(file, l.n, "code line before any actor phrase; skipped")
				return
			}
			cur.Codes = append(cur.Codes, d.parseCodes(text, file, l.n)...)
		case strings.HasPrefix(text, "+"):
			if cur == nil {
				d.warn(file, l.n, "synonym line before any actor phrase; skipped")
				return
			}
			phrase, codes := d.splitCodes(text[1:], file, l.n)
			if phrase == "" {
				d.warn(file, l.n, "empty synonym; skipped")
				return
			}
			cur.Synonyms = append(cur.Synonyms, phrase)
			curPhrases = append(curPhrases, phrase)
			cur.Codes = append(cur.Codes, codes...)
		default:
			flush()
			phrase, codes := d.splitCodes(text, file, l.n)
			if phrase == "" {
				d.warn(file, l.n, "line has codes but no actor phrase; skipped")
				return
			}
			cur = &Actor{Name: phrase, Codes: codes, File: file, Line: l.n}
			curPhrases = append(curPhrases, phrase)
		}
	})
	flush()
	for _, p := range pending {
		d.warn(file, p.Line, "actor "+strings.ToUpper(p.Name)+" has no code and no later entry gives one; it is kept but matches give no code")
		d.Actors = append(d.Actors, p)
		d.index(p, p.Name)
		for _, s := range p.Synonyms {
			d.index(p, s)
		}
	}
	return err
}

func (d *ActorDict) warn(file string, line int, msg string) {
	d.Warnings = append(d.Warnings, Warning{File: file, Line: line, Message: msg})
}

// splitCodes separates "PHRASE [C1][C2 >D]" into the normalized phrase and
// its codes.
func (d *ActorDict) splitCodes(text, file string, line int) (string, []ActorCode) {
	phrase := text
	var codes []ActorCode
	if i := strings.IndexByte(text, '['); i >= 0 {
		phrase = text[:i]
		codes = d.parseCodes(text[i:], file, line)
	}
	words := splitPhrase(phrase)
	return strings.Join(words, " "), codes
}

// parseCodes reads one or more bracketed codes: "[USAGOV >20090120][ELI]".
func (d *ActorDict) parseCodes(text, file string, line int) []ActorCode {
	var out []ActorCode
	rest := strings.TrimSpace(text)
	for rest != "" {
		if rest[0] != '[' {
			d.warn(file, line, "unexpected text "+strconv.Quote(clip(rest))+" after codes; ignored")
			break
		}
		end := strings.IndexByte(rest, ']')
		if end < 0 {
			d.warn(file, line, "code "+strconv.Quote(clip(rest))+" lacks ']'; read to the end of the line")
			end = len(rest)
		}
		inner := rest[1:end]
		if end < len(rest) {
			rest = strings.TrimSpace(rest[end+1:])
		} else {
			rest = ""
		}
		if c, ok := d.parseCode(inner, file, line); ok {
			out = append(out, c)
		}
	}
	return out
}

func (d *ActorDict) parseCode(inner, file string, line int) (ActorCode, bool) {
	f := strings.Fields(inner)
	if len(f) == 0 {
		d.warn(file, line, "empty code []; skipped")
		return ActorCode{}, false
	}
	c := ActorCode{Code: strings.ToUpper(f[0])}
	if !validActorCode(c.Code) {
		d.warn(file, line, "code "+strconv.Quote(f[0])+" is not letters, digits, '-', '+' or '/'; skipped")
		return ActorCode{}, false
	}
	spec := strings.Join(f[1:], "")
	if spec == "" {
		return c, true
	}
	bad := func() {
		d.warn(file, line, "date restriction "+strconv.Quote(spec)+" of "+c.Code+" is not >DATE, <DATE or DATE-DATE (YYMMDD or YYYYMMDD); the code is kept without it")
	}
	switch {
	case spec[0] == '>':
		if dt, ok := parseDictDate(spec[1:]); ok {
			c.From = dt
		} else {
			bad()
		}
	case spec[0] == '<':
		if dt, ok := parseDictDate(spec[1:]); ok {
			c.Until = dt
		} else {
			bad()
		}
	default:
		from, until, found := strings.Cut(spec, "-")
		if !found {
			// A bare date: read as the first day the code applies.
			if dt, ok := parseDictDate(spec); ok {
				c.From = dt
				d.warn(file, line, "date restriction "+strconv.Quote(spec)+" of "+c.Code+" has no '>', '<' or '-'; read as >"+spec)
			} else {
				bad()
			}
			break
		}
		f1, ok1 := parseDictDate(from)
		f2, ok2 := parseDictDate(until)
		if ok1 {
			c.From = f1
		}
		if ok2 {
			c.Until = f2
		}
		if !ok1 || !ok2 {
			bad()
		}
	}
	return c, true
}

// validActorCode accepts letters, digits and the marks the PETRARCH
// validation dictionaries use in codes ("---", "+++", "ELR/GAL", "###").
func validActorCode(s string) bool {
	for i := 0; i < len(s); i++ {
		c := s[i]
		if !('A' <= c && c <= 'Z' || '0' <= c && c <= '9' || strings.IndexByte("-+/#_.", c) >= 0) {
			return false
		}
	}
	return s != ""
}

// parseDictDate reads YYYYMMDD or YYMMDD (YY <= 30 → 20YY, else 19YY, as
// TABARI and PETRARCH do) and checks the day exists.
func parseDictDate(s string) (Date, bool) {
	for i := 0; i < len(s); i++ {
		if s[i] < '0' || s[i] > '9' {
			return 0, false
		}
	}
	var y, m, dd int
	switch len(s) {
	case 8:
		y, _ = strconv.Atoi(s[:4])
		m, _ = strconv.Atoi(s[4:6])
		dd, _ = strconv.Atoi(s[6:8])
	case 6:
		y, _ = strconv.Atoi(s[:2])
		if y <= 30 {
			y += 2000
		} else {
			y += 1900
		}
		m, _ = strconv.Atoi(s[2:4])
		dd, _ = strconv.Atoi(s[4:6])
	default:
		return 0, false
	}
	if m < 1 || m > 12 || dd < 1 {
		return 0, false
	}
	if t := time.Date(y, time.Month(m), dd, 0, 0, 0, 0, time.UTC); t.Day() != dd {
		return 0, false
	}
	return Date(y*10000 + m*100 + dd), true
}

// clip shortens s for a warning message, on a rune boundary.
func clip(s string) string {
	if len(s) <= 40 {
		return s
	}
	cut := 40
	for cut > 0 && !utf8.RuneStart(s[cut]) {
		cut--
	}
	return s[:cut] + "…"
}
