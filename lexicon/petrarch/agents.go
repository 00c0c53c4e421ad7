package petrarch

import (
	"io"
	"strconv"
	"strings"
)

// Agent is one agent noun phrase and its role code.
type Agent struct {
	Phrase string // normalized words joined by spaces, singular as written
	Plural string // the plural stored with it ("" when none)
	Code   string // role code without '~', e.g. "GOV", "GOVFRM", "NGO"
	// Prefix is true for codes written "NGO~": the agent code goes before
	// the actor's code instead of after it.
	Prefix bool
	File   string
	Line   int
}

// Combine attaches the agent code to an actor code the PETRARCH way:
// "IRQ"+"~GOV" → "IRQGOV", "NGO~" + "IRQ" → "NGOIRQ".
func (a *Agent) Combine(actor string) string {
	if a.Prefix {
		return a.Code + actor
	}
	return actor + a.Code
}

// AgentDict holds agent entries indexed by phrase (singular and plural).
type AgentDict struct {
	Agents   []*Agent
	Warnings []Warning
	phrases  trie[*Agent]
	markers  map[string][]string
}

// NewAgentDict returns an empty agent dictionary.
func NewAgentDict() *AgentDict { return &AgentDict{} }

// Phrases returns the number of distinct phrases (singular and plural forms).
func (d *AgentDict) Phrases() int { return d.phrases.count }

// AgentMatch is the longest agent phrase found at a position.
type AgentMatch struct {
	Agent  *Agent
	Start  int
	Length int
}

// Match returns the agent with the longest phrase starting at tokens[start].
func (d *AgentDict) Match(tokens []string, start int) (m AgentMatch, ok bool) {
	if d == nil || start < 0 || start >= len(tokens) {
		return m, false
	}
	a, n := d.phrases.longest(tokens, start)
	if n == 0 {
		return m, false
	}
	return AgentMatch{Agent: a, Start: start, Length: n}, true
}

// Lookup returns the agent for a noun or noun phrase, singular or plural
// ("minister", "foreign ministers", "TROOPS").
func (d *AgentDict) Lookup(noun string) (*Agent, bool) {
	if d == nil {
		return nil, false
	}
	return d.phrases.get(splitPhrase(noun))
}

// Add indexes an agent built in code; its plural is indexed when set.
func (d *AgentDict) Add(a *Agent) {
	d.Agents = append(d.Agents, a)
	if a.Phrase == "" {
		return
	}
	d.phrases.insert(strings.Fields(a.Phrase), a)
	if a.Plural != "" {
		// A plural never replaces a phrase that another entry states itself.
		if _, exists := d.phrases.get(strings.Fields(a.Plural)); !exists {
			d.phrases.insert(strings.Fields(a.Plural), a)
		}
	}
}

// Read adds the agents of one PETRARCH agent file. Lines are
// "PHRASE {PLURAL} [~CODE]" or "[CODE~]"; "{}" means no plural, no braces
// means the regular plural; substitution markers are defined by
// "!PERSON! = MAN, MEN, ..." and used as "CONGRESS!PERSON! [~LEG]".
func (d *AgentDict) Read(r io.Reader, file string) error {
	return readLines(r, file, func(l sourceLine) {
		text := strings.TrimSpace(l.text)
		if strings.Contains(text, "!") && strings.Contains(text, "=") && !strings.Contains(text, "[") {
			d.defineMarker(text, file, l.n)
			return
		}
		open := strings.IndexByte(text, '[')
		if open < 0 {
			d.warn(file, l.n, "agent line has no [CODE]; skipped")
			return
		}
		end := strings.IndexByte(text[open:], ']')
		if end < 0 {
			d.warn(file, l.n, "agent code lacks ']'; skipped")
			return
		}
		raw := strings.TrimSpace(text[open+1 : open+end])
		code, prefix, ok := parseAgentCode(raw)
		if !ok {
			d.warn(file, l.n, "agent code "+strconv.Quote(raw)+" is not ~CODE or CODE~ in letters and digits; skipped")
			return
		}
		head := text[:open]
		plural, explicitPlural := "", false
		if b := strings.IndexByte(head, '{'); b >= 0 {
			e := strings.IndexByte(head[b:], '}')
			if e < 0 {
				d.warn(file, l.n, "plural lacks '}'; skipped")
				return
			}
			plural = strings.TrimSpace(head[b+1 : b+e])
			head = head[:b]
			explicitPlural = true
		}
		phrases := []string{head}
		plurals := []string{plural}
		if strings.Contains(head, "!") {
			phrases, plurals = d.expandMarker(head, file, l.n)
			explicitPlural = true // substitutions carry their own forms
			if phrases == nil {
				return
			}
		}
		for i, p := range phrases {
			words := splitPhrase(p)
			if len(words) == 0 {
				d.warn(file, l.n, "empty agent phrase; skipped")
				continue
			}
			a := &Agent{Phrase: strings.Join(words, " "), Code: code, Prefix: prefix, File: file, Line: l.n}
			if explicitPlural {
				a.Plural = strings.Join(splitPhrase(plurals[i]), " ")
			} else {
				a.Plural = pluralPhrase(a.Phrase)
			}
			d.Add(a)
		}
	})
}

func (d *AgentDict) warn(file string, line int, msg string) {
	d.Warnings = append(d.Warnings, Warning{File: file, Line: line, Message: msg})
}

func (d *AgentDict) defineMarker(text, file string, line int) {
	a := strings.IndexByte(text, '!')
	b := strings.IndexByte(text[a+1:], '!')
	eq := strings.IndexByte(text, '=')
	if b < 0 || eq < a+1+b {
		d.warn(file, line, "substitution marker is not written !NAME! = A, B, ...; skipped")
		return
	}
	name := text[a+1 : a+1+b]
	var items []string
	for _, it := range strings.Split(text[eq+1:], ",") {
		if it = strings.TrimSpace(it); it != "" {
			items = append(items, it)
		}
	}
	if d.markers == nil {
		d.markers = map[string][]string{}
	}
	d.markers[name] = items
}

// expandMarker substitutes every item of the marker in head; each result is
// stored as written, with no plural of its own.
func (d *AgentDict) expandMarker(head, file string, line int) (phrases, plurals []string) {
	a := strings.IndexByte(head, '!')
	b := strings.IndexByte(head[a+1:], '!')
	if b < 0 {
		d.warn(file, line, "substitution marker lacks its closing '!'; skipped")
		return nil, nil
	}
	name := head[a+1 : a+1+b]
	items, ok := d.markers[name]
	if !ok {
		d.warn(file, line, "substitution marker !"+name+"! is not defined before use; skipped")
		return nil, nil
	}
	for _, it := range items {
		phrases = append(phrases, head[:a]+it+head[a+2+b:])
		plurals = append(plurals, "")
	}
	return phrases, plurals
}

func parseAgentCode(raw string) (code string, prefix bool, ok bool) {
	raw = strings.ToUpper(strings.TrimSpace(raw))
	switch {
	case strings.HasPrefix(raw, "~"):
		code = raw[1:]
	case strings.HasSuffix(raw, "~"):
		code, prefix = raw[:len(raw)-1], true
	default:
		code = raw // tolerated: treated as a suffix code
	}
	if !validActorCode(code) || code == "---" {
		return "", false, false
	}
	return code, prefix, true
}

// pluralPhrase forms the regular plural of the last word of a phrase, as the
// PETRARCH readers do (Y → IES after a consonant, S/SH/CH/X/Z → ES, else S).
func pluralPhrase(p string) string {
	i := strings.LastIndexByte(p, ' ') + 1
	return p[:i] + PluralNoun(p[i:])
}

// PluralNoun returns the regular English plural of a lowercase noun.
func PluralNoun(w string) string {
	n := len(w)
	switch {
	case n == 0:
		return w
	case n > 1 && w[n-1] == 'y' && !strings.ContainsRune("aeiou", rune(w[n-2])):
		return w[:n-1] + "ies"
	case strings.HasSuffix(w, "s"), strings.HasSuffix(w, "sh"), strings.HasSuffix(w, "ch"),
		strings.HasSuffix(w, "x"), strings.HasSuffix(w, "z"):
		return w + "es"
	}
	return w + "s"
}
