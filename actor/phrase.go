package actor

import (
	"strings"

	"github.com/faultline-news/faultline"
)

// Code returns the CAMEO-style actor code of a noun phrase such as "U.S.
// forces" (USAMIL), "Iraqi officials" (IRQGOV), "Human Rights Watch"
// (NGOHRI) or "the Iraqi parliament" (IRQLEG); nil when the phrase names no
// known country, organisation or role.
func Code(phrase string) *faultline.Actor {
	return defaultLexicon.phraseActor(phrase)
}

func (r *resolver) phraseActor(phrase string) *faultline.Actor { return r.lx.phraseActor(phrase) }

func (lx *lexicon) phraseActor(phrase string) *faultline.Actor {
	words := strings.Fields(phrase)
	lower := make([]string, len(words))
	for i, w := range words {
		w = strings.Trim(w, ",;:\"“”")
		words[i] = w
		lower[i] = strings.ToLower(w)
	}
	// a known organisation anywhere in the phrase wins
	for i := range words {
		node := lx.names
		for j := i; j < len(words); j++ {
			c := node.next[lower[j]]
			if c == nil {
				break
			}
			node = c
			for _, e := range node.entries {
				if e.org < 0 {
					continue
				}
				if e.exact != "" && joinWords(words[i:j+1]) != e.exact {
					continue
				}
				if j == len(words)-1 || i == 0 {
					o := lx.orgs[e.org]
					if o.code != "" {
						return &faultline.Actor{Code: o.code, Country: o.country, Roles: append([]string{}, o.roles...)}
					}
				}
			}
		}
	}
	country := ""
	var roles []string
	for i, w := range lower {
		w = strings.TrimSuffix(strings.TrimSuffix(w, "'s"), "’s")
		if k := strings.Index(w, "-"); k > 0 && country == "" {
			// "U.S.-led"
			if ci, ok := lx.byName[w[:k]]; ok {
				country = lx.countries[ci].code
			}
		}
		if ci, ok := lx.byName[w]; ok && country == "" {
			if lx.kind[w] != 'c' || startsUpper(words[i]) {
				country = lx.countries[ci].code
			}
		}
		if i+1 < len(lower) {
			if ci, ok := lx.byName[w+" "+lower[i+1]]; ok && country == "" {
				country = lx.countries[ci].code
			}
		}
		if role, ok := roleWords[w]; ok {
			roles = appendRole(roles, role)
		}
	}
	if hasRole(roles, "MIL") && hasRole(roles, "GOV") {
		roles = removeRole(roles, "GOV")
	}
	if country == "" && len(roles) == 0 {
		return nil
	}
	code := country
	for _, role := range roles {
		code += role
	}
	return &faultline.Actor{Code: code, Country: country, Roles: roles}
}

// IsCountry reports whether name (a country name, "U.S.", "Iraq") names a
// country in the built-in lexicon; capitals and demonyms do not count.
func IsCountry(name string) bool {
	key := strings.ToLower(trimPossessive(name))
	_, ok := defaultLexicon.byName[key]
	return ok && defaultLexicon.kind[key] == 'n'
}
