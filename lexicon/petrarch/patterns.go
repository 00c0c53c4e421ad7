package petrarch

import (
	"strconv"
	"strings"
)

// readPattern parses the text of a "- ..." line (without the dash).
func (d *VerbDict) readPattern(text, comment, file string, line int) *Pattern {
	raw := strings.TrimSpace(text)
	p := &Pattern{Raw: raw, Comment: comment, File: file, Line: line}
	open := strings.LastIndexByte(raw, '[')
	if open < 0 {
		d.warn(file, line, "pattern has no [CODE]; skipped")
		return nil
	}
	end := strings.IndexByte(raw[open:], ']')
	if end < 0 {
		d.warn(file, line, "pattern code lacks ']'; skipped")
		return nil
	}
	code, ok := parseEventCode(raw[open+1 : open+end])
	if !ok {
		d.warn(file, line, "pattern code "+strconv.Quote(raw[open:open+end+1])+" is not a code (up to 6 letters or digits, ---, or CODE:CODE); skipped")
		return nil
	}
	p.Code = code
	if rest := strings.TrimSpace(raw[open+end+1:]); rest != "" {
		d.warn(file, line, "text "+strconv.Quote(clip(rest))+" after the pattern code; ignored")
	}
	toks := patternTokens(raw[:open])
	star := -1
	for i, t := range toks {
		if t == "*" {
			if star >= 0 {
				d.warn(file, line, "pattern has more than one '*'; skipped")
				return nil
			}
			star = i
		}
	}
	if star < 0 {
		d.warn(file, line, "pattern has no '*' for the verb; skipped")
		return nil
	}
	var ok1, ok2 bool
	p.Pre, ok1 = d.parseConstituents(toks[:star], file, line)
	p.Post, ok2 = d.parseConstituents(toks[star+1:], file, line)
	if !ok1 || !ok2 {
		return nil
	}
	return p
}

// patternTokens splits pattern text into words and the structure marks
// '(' ')' '{' '}' '*' '_'; '_' ties the words on either side together
// (they must be adjacent in the text).
func patternTokens(s string) []string {
	var out []string
	start := -1
	for i := 0; i <= len(s); i++ {
		var c byte = ' '
		if i < len(s) {
			c = s[i]
		}
		switch c {
		case ' ', '\t', '_', '(', ')', '{', '}', '*':
			if start >= 0 {
				out = append(out, s[start:i])
				start = -1
			}
			if c != ' ' && c != '\t' {
				out = append(out, string(c))
			}
		default:
			if start < 0 {
				start = i
			}
		}
	}
	return out
}

// parseConstituents groups tokens into nouns, {noun phrases} and (prep
// phrases). Unbalanced marks give a warning and the pattern is skipped.
func (d *VerbDict) parseConstituents(toks []string, file string, line int) ([]Constituent, bool) {
	var out []Constituent
	// join is set by a '_' and ties the next literal to the one before;
	// lit tells whether the last element read was a literal
	join, lit := false, false
	elem := func(t string) Element {
		e := d.element(t, file, line)
		isLit := e.Kind == Word || e.Kind == SynsetEl
		e.Joined = join && lit && isLit
		join, lit = false, isLit
		return e
	}
	for i := 0; i < len(toks); i++ {
		t := toks[i]
		if t == "_" {
			join = true
			continue
		}
		switch t {
		case "(":
			c := Constituent{Kind: Prep}
			j := i + 1
			closed := false
			for ; j < len(toks); j++ {
				switch toks[j] {
				case ")":
					closed = true
				case "_":
					join = true
					continue
				case "{", "}":
					continue
				case "(":
					d.warn(file, line, "nested '(' in a pattern; skipped")
					return nil, false
				default:
					if c.Prep == "" && len(c.Elements) == 0 && !isMarker(toks[j]) && !strings.HasPrefix(toks[j], "&") {
						c.Prep = Normalize(toks[j])
						join, lit = false, false
						continue
					}
					c.Elements = append(c.Elements, elem(toks[j]))
					continue
				}
				break
			}
			if !closed {
				d.warn(file, line, "'(' without ')' in a pattern; skipped")
				return nil, false
			}
			out = append(out, c)
			i = j
		case "{":
			c := Constituent{Kind: NounPhrase}
			j := i + 1
			for ; j < len(toks) && toks[j] != "}"; j++ {
				if toks[j] == "_" {
					join = true
					continue
				}
				if toks[j] == "(" || toks[j] == ")" || toks[j] == "{" {
					d.warn(file, line, "unexpected "+strconv.Quote(toks[j])+" inside {...} in a pattern; skipped")
					return nil, false
				}
				c.Elements = append(c.Elements, elem(toks[j]))
			}
			if j == len(toks) {
				d.warn(file, line, "'{' without '}' in a pattern; skipped")
				return nil, false
			}
			if len(c.Elements) > 0 {
				out = append(out, c)
			}
			i = j
		case ")", "}":
			d.warn(file, line, "unmatched "+strconv.Quote(t)+" in a pattern; skipped")
			return nil, false
		default:
			out = append(out, Constituent{Kind: Noun, Elements: []Element{elem(t)}})
		}
	}
	return out, true
}

func isMarker(t string) bool { return t == "$" || t == "+" || t == "%" || t == "^" }

func (d *VerbDict) element(t, file string, line int) Element {
	switch t {
	case "$":
		return Element{Kind: Source}
	case "+":
		return Element{Kind: Target}
	case "%":
		return Element{Kind: Compound}
	case "^":
		return Element{Kind: Skip}
	}
	if strings.HasPrefix(t, "&") {
		key := synsetKey(t)
		if _, ok := d.Synsets[key]; !ok {
			d.warn(file, line, "synset &"+key+" is used before it is defined; it matches nothing until defined")
		}
		return Element{Kind: SynsetEl, Text: key}
	}
	return Element{Kind: Word, Text: Normalize(t)}
}
