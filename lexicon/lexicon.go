// Package lexicon is faultline's own actor lexicon for CAMEO-style actor
// coding: the countries of ISO 3166-1 with their CAMEO codes, names, short
// forms, demonyms and capitals; role nouns with their CAMEO role codes; and
// well-known organisations. It is embedded (written by the team, see the
// *_table.go files) and exposed both as Go values and as PETRARCH-style
// dictionaries (package lexicon/petrarch) so that event and actor coders
// match our lexicon and user dictionaries (--dict DIR) the same way; Layers
// gives user dictionaries precedence.
package lexicon

import (
	"strings"
	"sync"

	"github.com/faultline-news/faultline/lexicon/petrarch"
)

// Country is one ISO 3166-1 country or territory.
type Country struct {
	ISO3     string   // ISO 3166-1 alpha-3 ("XKX" for Kosovo, user-assigned)
	CAMEO    string   // CAMEO code: ISO3, except TMP (East Timor), KSV (Kosovo) and dependencies (USAPRI, DNKGRL; FIN for Åland)
	Name     string   // canonical English name
	Names    []string // all names and short forms, Name first ("U.S.", "America")
	Demonyms []string // demonyms and adjectives ("Iraqi", "Iraqis")
	Capitals []string // capital city names, when unambiguous
}

// Role is a role noun and its CAMEO role code.
type Role struct {
	Phrase string // lowercase singular ("prime minister")
	Plural string // lowercase plural; "" when none
	Code   string // CAMEO role code ("GOV")
}

// Organisation is a well-known organisation with its CAMEO actor code.
type Organisation struct {
	Code    string   // full CAMEO actor code ("IGOUNO", "NGOHRI", "IMGMUSISI")
	Kind    string   // "igo", "ngo" or "armed"
	Name    string   // canonical name
	Names   []string // all names and abbreviations, Name first
	OwnCode bool     // the code is our choice (Phoenix lists no code for it)
}

// Actor kinds set on the petrarch.Actor values of Dictionaries.
const (
	KindCountry      = "country"
	KindDemonym      = "demonym"
	KindCapital      = "capital"
	KindOrganisation = "organisation"
)

var (
	once          sync.Once
	countries     []Country
	byCode        map[string]int
	byName        map[string]int
	roles         []Role
	organisations []Organisation
	dicts         *petrarch.Dictionaries
)

func load() {
	once.Do(func() {
		byCode, byName = map[string]int{}, map[string]int{}
		for _, line := range strings.Split(countryTable, "\n") {
			f := strings.Split(line, "|")
			if len(f) != 5 {
				continue
			}
			c := Country{ISO3: f[0], CAMEO: f[1], Names: splitList(f[2]), Demonyms: splitList(f[3]), Capitals: splitList(f[4])}
			if c.CAMEO == "" {
				c.CAMEO = c.ISO3
			}
			c.Name = c.Names[0]
			i := len(countries)
			countries = append(countries, c)
			byCode[c.ISO3], byCode[c.CAMEO] = i, i
			for _, group := range [][]string{c.Capitals, c.Demonyms, c.Names} {
				for _, n := range group {
					byName[petrarch.Normalize(n)] = i
				}
			}
		}
		for _, line := range strings.Split(roleTable, "\n") {
			f := strings.Split(line, "|")
			if len(f) != 3 {
				continue
			}
			r := Role{Phrase: f[0], Code: f[2]}
			switch f[1] {
			case "":
				words := strings.Fields(r.Phrase)
				words[len(words)-1] = petrarch.PluralNoun(words[len(words)-1])
				r.Plural = strings.Join(words, " ")
			case "-":
			default:
				r.Plural = f[1]
			}
			roles = append(roles, r)
		}
		for _, line := range strings.Split(organisationTable, "\n") {
			f := strings.Split(line, "|")
			if len(f) < 3 {
				continue
			}
			o := Organisation{Code: f[0], Kind: f[1], Names: splitList(f[2]), OwnCode: len(f) > 3 && f[3] == "ours"}
			o.Name = o.Names[0]
			organisations = append(organisations, o)
		}
		dicts = build()
	})
}

func splitList(s string) []string {
	var out []string
	for _, x := range strings.Split(s, ";") {
		if x = strings.TrimSpace(x); x != "" {
			out = append(out, x)
		}
	}
	return out
}

// exactCase reports whether a name must match with its letter case: short
// all-capital abbreviations such as "US", "IS", "WHO", "U.N.".
func exactCase(name string) bool {
	letters := 0
	for _, r := range name {
		switch {
		case r >= 'a' && r <= 'z':
			return false
		case r >= 'A' && r <= 'Z':
			letters++
		}
	}
	return letters > 0 && letters <= 5
}

// build turns the tables into PETRARCH-style dictionaries. Within a
// country, names are indexed after demonyms and capitals so that a name
// wins a clash; a later country wins a clash with an earlier one
// ("Congolese" → COD).
func build() *petrarch.Dictionaries {
	d := petrarch.New()
	add := func(kind, name, code string, phrases []string) {
		a := &petrarch.Actor{Name: petrarch.Normalize(name), Kind: kind, Codes: []petrarch.ActorCode{{Code: code}}, File: "lexicon"}
		var loose []string
		var exact []string
		for _, p := range phrases {
			if exactCase(p) {
				exact = append(exact, p)
			} else {
				loose = append(loose, strings.Join(strings.Fields(petrarch.Normalize(p)), " "))
			}
		}
		if len(loose) == 0 {
			d.Actors.Actors = append(d.Actors.Actors, a)
		} else {
			a.Name = loose[0]
			a.Synonyms = loose[1:]
			d.Actors.Add(a)
		}
		for _, p := range exact {
			d.Actors.AddExact(a, p)
		}
	}
	for _, c := range countries {
		var caps []string
		for _, cp := range c.Capitals {
			if !containsFold(c.Names, cp) {
				caps = append(caps, cp)
			}
		}
		if len(caps) > 0 {
			add(KindCapital, caps[0], c.CAMEO, caps)
		}
		if len(c.Demonyms) > 0 {
			add(KindDemonym, c.Demonyms[0], c.CAMEO, c.Demonyms)
		}
	}
	for _, c := range countries {
		add(KindCountry, c.Name, c.CAMEO, c.Names)
	}
	for _, o := range organisations {
		add(KindOrganisation, o.Name, o.Code, o.Names)
	}
	for _, r := range roles {
		d.Agents.Add(&petrarch.Agent{Phrase: r.Phrase, Plural: r.Plural, Code: r.Code, File: "lexicon"})
	}
	d.Files["lexicon"] = petrarch.ActorsKind
	return d
}

func containsFold(list []string, s string) bool {
	for _, x := range list {
		if strings.EqualFold(x, s) {
			return true
		}
	}
	return false
}

// Countries returns all countries and territories in table order.
func Countries() []Country {
	load()
	return append([]Country(nil), countries...)
}

// CountryByCode finds a country by ISO3 or CAMEO code (case-insensitive).
func CountryByCode(code string) (Country, bool) {
	load()
	i, ok := byCode[strings.ToUpper(strings.TrimSpace(code))]
	if !ok {
		return Country{}, false
	}
	return countries[i], true
}

// CountryByName finds a country by any name, short form, demonym or
// capital ("U.S.", "Iraqi", "Tehran"), case-insensitively.
func CountryByName(name string) (Country, bool) {
	load()
	i, ok := byName[strings.Join(strings.Fields(petrarch.Normalize(name)), " ")]
	if !ok {
		return Country{}, false
	}
	return countries[i], true
}

// Roles returns the role nouns.
func Roles() []Role {
	load()
	return append([]Role(nil), roles...)
}

// Organisations returns the well-known organisations.
func Organisations() []Organisation {
	load()
	return append([]Organisation(nil), organisations...)
}

// Dictionaries returns the lexicon as PETRARCH-style dictionaries: actors
// (countries, demonyms, capitals, organisations; Actor.Kind tells which)
// and agents (role nouns with plurals). Short capitalised abbreviations
// match only as written ("US", not "us"). The value is shared: do not
// modify it.
func Dictionaries() *petrarch.Dictionaries {
	load()
	return dicts
}

// Layers consults several dictionaries in order; the first that matches
// wins. Put user dictionaries (--dict DIR) before Dictionaries() so that
// they take precedence. A nil entry is skipped.
type Layers []*petrarch.Dictionaries

// Default returns user dictionaries (may be nil) layered over ours.
func Default(user *petrarch.Dictionaries) Layers {
	if user == nil {
		return Layers{Dictionaries()}
	}
	return Layers{user, Dictionaries()}
}

// MatchActor returns the longest actor phrase at tokens[start] from the
// first layer that has one.
func (l Layers) MatchActor(tokens []string, start int) (petrarch.ActorMatch, bool) {
	for _, d := range l {
		if d == nil {
			continue
		}
		if m, ok := d.Actors.Match(tokens, start); ok {
			return m, true
		}
	}
	return petrarch.ActorMatch{}, false
}

// MatchAgent returns the longest agent phrase at tokens[start] from the
// first layer that has one.
func (l Layers) MatchAgent(tokens []string, start int) (petrarch.AgentMatch, bool) {
	for _, d := range l {
		if d == nil {
			continue
		}
		if m, ok := d.Agents.Match(tokens, start); ok {
			return m, true
		}
	}
	return petrarch.AgentMatch{}, false
}

// LookupAgent returns the agent for a noun or noun phrase (singular or
// plural) from the first layer that has it.
func (l Layers) LookupAgent(noun string) (*petrarch.Agent, bool) {
	for _, d := range l {
		if d == nil {
			continue
		}
		if a, ok := d.Agents.Lookup(noun); ok {
			return a, true
		}
	}
	return nil, false
}

// VerbsByLemma returns the verbs of the first layer that has the lemma.
func (l Layers) VerbsByLemma(lemma string) []*petrarch.Verb {
	for _, d := range l {
		if d == nil {
			continue
		}
		if vs := d.Verbs.ByLemma(lemma); len(vs) > 0 {
			return vs
		}
	}
	return nil
}

// Discarded reports the first discard phrase found in tokens in any layer.
func (l Layers) Discarded(tokens []string) (*petrarch.Discard, bool) {
	for _, d := range l {
		if d == nil {
			continue
		}
		if x, ok := d.Discards.Find(tokens); ok {
			return x, true
		}
	}
	return nil, false
}
