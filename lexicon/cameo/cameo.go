// Package cameo holds the CAMEO event codes: a short name for each, its
// QuadClass, its Goldstein value and its PLOVER event type, mode and
// context. The tables are ours (see codes_table.go and plover_table.go for
// the sources of the facts).
package cameo

import (
	"strconv"
	"strings"
)

// QuadClass is GDELT's four-way grouping of CAMEO roots.
type QuadClass uint8

const (
	VerbalCooperation   QuadClass = 1 // roots 01-05
	MaterialCooperation QuadClass = 2 // roots 06-08
	VerbalConflict      QuadClass = 3 // roots 09-13
	MaterialConflict    QuadClass = 4 // roots 14-20
)

func (q QuadClass) String() string {
	switch q {
	case VerbalCooperation:
		return "verbal cooperation"
	case MaterialCooperation:
		return "material cooperation"
	case VerbalConflict:
		return "verbal conflict"
	case MaterialConflict:
		return "material conflict"
	}
	return "unknown"
}

// Plover is the PLOVER reading of a CAMEO code.
type Plover struct {
	Type    string // event type, e.g. "ASSAULT"; "" when PLOVER has none (01x)
	Mode    string // e.g. "visit", "arrest"; often ""
	Context string // e.g. "military", "crime;corruption"; often ""
	// Inferred marks mappings that are not in the published table (02x,
	// mapped like the matching 10x demands).
	Inferred bool
}

// Code describes one CAMEO event code.
type Code struct {
	Code      string // as asked for, e.g. "0874"
	Name      string // short name, e.g. "retreat or surrender militarily"
	Root      string // two-digit root, e.g. "08"
	QuadClass QuadClass
	Goldstein float64
	Plover    Plover
	// Known is false when the code is not in CAMEO and its description was
	// taken from its longest known prefix ("1952" → "195").
	Known bool
}

var (
	byCode  map[string]Code
	ordered []Code
)

func init() {
	byCode = make(map[string]Code, 320)
	for _, line := range strings.Split(codeTable, "\n") {
		f := strings.SplitN(line, "|", 3)
		if len(f) != 3 {
			continue
		}
		g, err := strconv.ParseFloat(f[1], 64)
		if err != nil {
			panic("cameo: bad Goldstein value in codeTable: " + line) // a bug in our own table
		}
		c := Code{Code: f[0], Name: f[2], Root: f[0][:2], QuadClass: quadOfRoot(f[0][:2]), Goldstein: g, Known: true}
		byCode[c.Code] = c
		ordered = append(ordered, c)
	}
	setPlover := func(table string, inferred bool) {
		for _, line := range strings.Split(table, "\n") {
			f := strings.Fields(line)
			if len(f) == 0 {
				continue
			}
			if len(f) < 2 {
				continue
			}
			p := Plover{Type: f[1], Inferred: inferred}
			if len(f) > 2 && f[2] != "-" {
				p.Mode = f[2]
			}
			if len(f) > 3 && f[3] != "-" {
				p.Context = f[3]
			}
			c, ok := byCode[f[0]]
			if !ok {
				continue // 1213, 1214: in the PLOVER table, not in CAMEO
			}
			c.Plover = p
			byCode[f[0]] = c
		}
	}
	for _, line := range strings.Split(ploverRoots, "\n") {
		f := strings.Fields(line)
		if len(f) == 2 {
			c := byCode[f[0]]
			c.Plover = Plover{Type: f[1]}
			byCode[f[0]] = c
		}
	}
	c := byCode["02"]
	c.Plover = Plover{Type: "REQUEST", Inferred: true}
	byCode["02"] = c
	setPlover(ploverTable, false)
	setPlover(ploverInferred, true)
	for i := range ordered {
		ordered[i] = byCode[ordered[i].Code]
	}
}

func quadOfRoot(root string) QuadClass {
	n, err := strconv.Atoi(root)
	switch {
	case err != nil || n < 1 || n > 20:
		return 0
	case n <= 5:
		return VerbalCooperation
	case n <= 8:
		return MaterialCooperation
	case n <= 13:
		return VerbalConflict
	}
	return MaterialConflict
}

// Lookup describes a CAMEO code ("19", "190", "0874"). A code that CAMEO
// does not define but whose root is valid ("176", "1952", "174K") gets the
// description of its longest known prefix with Known false; ok is false
// only when the code has no valid root.
func Lookup(code string) (Code, bool) {
	code = strings.TrimSpace(code)
	if c, ok := byCode[code]; ok {
		return c, true
	}
	if len(code) < 2 {
		return Code{}, false
	}
	for n := len(code) - 1; n >= 2; n-- {
		if c, ok := byCode[code[:n]]; ok {
			c.Code, c.Known = code, false
			return c, true
		}
	}
	return Code{}, false
}

// QuadClassOf returns the QuadClass of a code's root, 0 for an invalid code.
func QuadClassOf(code string) QuadClass {
	if len(code) < 2 {
		return 0
	}
	return quadOfRoot(code[:2])
}

// All returns every CAMEO code in code order (roots before their children).
func All() []Code { return append([]Code(nil), ordered...) }

// Roots returns the 20 root codes.
func Roots() []Code {
	out := make([]Code, 0, 20)
	for _, c := range ordered {
		if len(c.Code) == 2 {
			out = append(out, c)
		}
	}
	return out
}
