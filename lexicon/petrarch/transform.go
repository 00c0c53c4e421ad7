package petrarch

import (
	"strings"
)

// Rule is a parsed transformation line of a verb dictionary, the way
// PETRARCH-2 rewrites an event nested under another verb:
//
//	~ a (b . ATTACK) SAY = a b 112
//
// reads "when a says that b attacked anyone, a accuses b (112)". The
// letters are variables: the outer verb's subject is the first one, the
// nested event's source, target and verb follow in parentheses; '.' is
// "anyone", '_' is a nested event without a subject of its own (its actor
// is the outer subject by control: "X wants to attack Y"). A verb name
// stands for that verb's dictionary code; a letter in the verb place that
// names no dictionary verb is a code variable (Q) copied to the result.
type Rule struct {
	Outer       string // the outer verb, normalized ("say")
	OuterSource string // variable of the outer subject
	Source      string // nested source: a variable, "." or "_"
	Target      string // nested target: a variable or "."
	Verb        string // the nested verb, normalized, or a code variable
	// Result is the event that replaces the nested one.
	ResultSource, ResultTarget, ResultCode string
	Line                                   int
	File                                   string
}

// ParseRule reads one transformation; ok is false when it does not have the
// shape "x (s t VERB) OUTER = s' t' CODE".
func ParseRule(t Transformation) (Rule, bool) {
	pat := strings.NewReplacer("(", " ( ", ")", " ) ").Replace(t.Pattern)
	f := strings.Fields(pat)
	if len(f) != 7 || f[1] != "(" || f[5] != ")" {
		return Rule{}, false
	}
	res := strings.Fields(t.Result)
	if len(res) != 3 {
		return Rule{}, false
	}
	r := Rule{OuterSource: f[0], Source: f[2], Target: f[3], Verb: Normalize(f[4]), Outer: Normalize(f[6]),
		ResultSource: res[0], ResultTarget: res[1], ResultCode: res[2], Line: t.Line, File: t.File}
	if r.Outer == "" || r.Verb == "" {
		return Rule{}, false
	}
	return r, true
}

// Rules returns the dictionary's transformations that parse and whose verbs
// the dictionary holds (a code variable excepted); the others are skipped.
func (d *VerbDict) Rules() []Rule {
	if d == nil {
		return nil
	}
	var out []Rule
	for _, t := range d.Transformations {
		r, ok := ParseRule(t)
		if !ok || len(d.ByLemma(r.Outer)) == 0 {
			continue
		}
		if len(d.ByLemma(r.Verb)) == 0 && !strings.EqualFold(r.Verb, r.ResultCode) {
			continue
		}
		out = append(out, r)
	}
	return out
}

// CodeUnder reports whether CAMEO code c is code or one of its more
// specific codes in the CAMEO hierarchy: "190" covers 19x ("195"), "186"
// covers "186" and "1861"... A null code covers nothing.
func CodeUnder(c, code string) bool {
	if code == "" || c == "" {
		return false
	}
	if len(code) == 3 && strings.HasSuffix(code, "0") {
		return strings.HasPrefix(c, code[:2])
	}
	return strings.HasPrefix(c, code)
}
