package geo

import (
	"math"
	"sort"
	"strings"

	"github.com/faultline-news/faultline/geo/internal/toponym"
)

// Toponym is one place-name mention to resolve.
type Toponym struct {
	Start, End int    // byte span in the document text
	Type       string // entity type (GPE, LOC, FAC); "" when unknown
	// Spotted marks a name found by the gazetteer alone, outside the
	// entity layer: it is resolved but does not weigh on the readings of
	// the others nor on the text's focus ("Republic", "Marine" are towns
	// somewhere).
	Spotted bool
}

// Resolution is the chosen reading of one toponym.
type Resolution struct {
	Entry      int32 // gazetteer entry, -1 when none
	Kind       string
	Name       string
	Lat, Lon   float64
	Country    string
	Admin1     string
	GeonamesID int
	Confidence float64
	// Demonym is set when the mention names a people ("Iraqi"), not a
	// place: Country holds its country and Entry is -1.
	Demonym bool
}

// Resolved reports whether r found a place.
func (r Resolution) Resolved() bool {
	return r.Entry >= 0 || r.Kind != "" || r.Demonym && r.Name != ""
}

// facilityNameWords end names of streets, buildings and other sites.
var facilityNameWords = map[string]bool{
	"street": true, "st": true, "road": true, "rd": true, "avenue": true, "ave": true, "boulevard": true, "blvd": true,
	"highway": true, "lane": true, "drive": true, "way": true, "library": true, "church": true, "cathedral": true,
	"school": true, "elementary": true, "park": true, "hall": true, "center": true, "centre": true, "market": true,
	"hotel": true, "mall": true, "museum": true, "theater": true, "theatre": true, "building": true, "tower": true,
	"court": true, "courthouse": true, "arena": true, "complex": true, "plaza": true, "college": true, "inn": true,
}

func looksLikeFacility(name string) bool {
	f := strings.Fields(toponym.Fold(name))
	if len(f) < 2 {
		return false
	}
	return facilityNameWords[f[len(f)-1]] || facilityWords[f[len(f)-1]]
}

// divisionSuffix maps words that follow a name to the kind they ask for.
var divisionSuffix = map[string]string{
	"province": KindAdmin1, "governorate": KindAdmin1, "state": KindAdmin1, "region": KindAdmin1,
	"oblast": KindAdmin1, "prefecture": KindAdmin1,
	"county": KindAdmin2, "parish": KindAdmin2, "district": KindAdmin2, "borough": KindAdmin2,
	// A township is a part of a county, often named like a town in it,
	// not a county of its name elsewhere ("Jerome Township", Ohio, is not
	// Jerome County, Idaho).
	"township": KindCity,
	"city":     KindCity, "town": KindCity, "village": KindCity,
}

// facilityWords are heads that make a name a facility at the named place.
var facilityWords = map[string]bool{
	"airfield": true, "airport": true, "base": true, "airbase": true, "camp": true, "dam": true, "bridge": true,
	"prison": true, "hospital": true, "university": true, "square": true, "palace": true, "embassy": true,
	"mosque": true, "stadium": true, "refinery": true, "port": true, "harbor": true, "harbour": true,
	"station": true, "barracks": true, "checkpoint": true, "crossing": true,
}

// seatFacilities are buildings that stand for governments, with positions.
var seatFacilities = map[string]struct {
	lat, lon float64
	country  string
}{
	"white house": {38.8977, -77.0365, "US"}, "pentagon": {38.8719, -77.0563, "US"},
	"capitol hill": {38.8899, -77.0091, "US"}, "state department": {38.8946, -77.0484, "US"},
	"kremlin": {55.7520, 37.6175, "RU"}, "downing street": {51.5034, -0.1276, "GB"},
	"elysee": {48.8704, 2.3167, "FR"}, "elysee palace": {48.8704, 2.3167, "FR"},
	"zhongnanhai": {39.9139, 116.3830, "CN"}, "blue house": {37.5866, 126.9748, "KR"},
}

// apStates maps AP-style and postal US state abbreviations (folded) to
// state names.
var apStates = map[string]string{
	"ala": "Alabama", "ariz": "Arizona", "ark": "Arkansas", "calif": "California", "cal": "California",
	"colo": "Colorado", "conn": "Connecticut", "del": "Delaware", "fla": "Florida", "ga": "Georgia",
	"ill": "Illinois", "ind": "Indiana", "kan": "Kansas", "kans": "Kansas", "ky": "Kentucky", "la": "Louisiana",
	"md": "Maryland", "mass": "Massachusetts", "mich": "Michigan", "minn": "Minnesota", "miss": "Mississippi",
	"mo": "Missouri", "mont": "Montana", "neb": "Nebraska", "nebr": "Nebraska", "nev": "Nevada",
	"nh": "New Hampshire", "nj": "New Jersey", "nm": "New Mexico", "ny": "New York", "nc": "North Carolina",
	"nd": "North Dakota", "okla": "Oklahoma", "ore": "Oregon", "pa": "Pennsylvania", "penn": "Pennsylvania",
	"ri": "Rhode Island", "sc": "South Carolina", "sd": "South Dakota", "tenn": "Tennessee", "tex": "Texas",
	"vt": "Vermont", "va": "Virginia", "wash": "Washington", "wva": "West Virginia", "wis": "Wisconsin",
	"wisc": "Wisconsin", "wyo": "Wyoming", "dc": "District of Columbia", "tx": "Texas", "ca": "California",
	"fl": "Florida", "il": "Illinois", "oh": "Ohio", "az": "Arizona", "co": "Colorado", "ct": "Connecticut",
	"tn": "Tennessee", "wa": "Washington", "wi": "Wisconsin", "mn": "Minnesota", "mi": "Michigan",
	"ok": "Oklahoma", "ks": "Kansas", "nv": "Nevada", "ut": "Utah", "ia": "Iowa",
}

// caProvinces maps abbreviations of Canadian provinces (folded, written
// with dots: "B.C.", "Ont.") to their names.
var caProvinces = map[string]string{
	"bc": "British Columbia", "ont": "Ontario", "que": "Quebec", "alta": "Alberta", "sask": "Saskatchewan",
	"man": "Manitoba", "ns": "Nova Scotia", "nb": "New Brunswick", "nl": "Newfoundland and Labrador",
	"nfld": "Newfoundland and Labrador", "pei": "Prince Edward Island",
}

// stateAbbreviation reads "Ky.", "Calif.", "S.D." and two-letter postal
// codes written in capitals as US state names.
func stateAbbreviation(s string) (string, bool) {
	if !strings.Contains(s, ".") && !(len(s) == 2 && s[0] >= 'A' && s[0] <= 'Z' && s[1] >= 'A' && s[1] <= 'Z') {
		return "", false
	}
	if strings.Count(s, ".") >= 2 && !dottedStates[toponym.Fold(s)] {
		return "", false // "L.A." is not "La."
	}
	st, ok := apStates[toponym.Fold(s)]
	return st, ok
}

// dottedStates are the abbreviations written with two dots.
var dottedStates = map[string]bool{"ny": true, "nj": true, "nc": true, "nd": true, "sc": true, "sd": true,
	"nh": true, "nm": true, "ri": true, "wva": true, "dc": true}

// parsedName is a mention's text split into the name to look up and the
// hints around it.
type parsedName struct {
	name     string // name to look up
	full     string // the name with its division word, tried first
	kindHint string // from a following division word or facility head
	facility string // facility head word, "" if none
	seat     string // folded seat-of-government facility name
	within   string // folded containing place written after a comma
	// withinShort are the shorter runs of the words after the comma,
	// longest first, tried when within names nothing.
	withinShort []string
}

func trimName(s string) string {
	s = strings.TrimSpace(s)
	for _, p := range []string{"the ", "The ", "THE "} {
		s = strings.TrimPrefix(s, p)
	}
	for _, suf := range []string{"'s", "’s", "'", "’"} {
		s = strings.TrimSuffix(s, suf)
	}
	return strings.TrimSpace(s)
}

// parseMention reads the mention text and the words right after it.
func parseMention(text string, start, end int) parsedName {
	p := parsedName{name: trimName(text[start:end])}
	f := toponym.Fold(p.name)
	if _, ok := seatFacilities[f]; ok {
		p.seat = f
		p.kindHint = KindFacility
		return p
	}
	words := strings.Fields(p.name)
	if n := len(words); n > 1 {
		last := toponym.Fold(words[n-1])
		if k, ok := divisionSuffix[last]; ok {
			p.kindHint = k
			p.full = p.name
			p.name = strings.Join(words[:n-1], " ")
		} else if facilityWords[last] {
			p.kindHint = KindFacility
			p.facility = last
			p.name = strings.Join(words[:n-1], " ")
			if n > 2 && toponym.Fold(words[n-2]) == "air" {
				p.name = strings.Join(words[:n-2], " ")
			}
		}
	}
	// Words after the mention: "Nineveh province", "Alexandria, La.".
	rest := text[end:min(len(text), end+40)]
	if w := firstWord(rest); w != "" {
		if k, ok := divisionSuffix[toponym.Fold(w)]; ok && p.kindHint == "" && k != KindCity {
			p.kindHint = k
		}
	}
	if strings.HasPrefix(rest, ", ") {
		within := rest[2:]
		cut := len(within)
		for i, r := range within {
			if r == ',' || r == ';' || r == '\n' || r == '(' || r == ')' || r == '"' || r == '“' || r == '”' {
				cut = i
				break
			}
		}
		within = within[:cut]
		// Up to three capitalised words; the shorter runs too, for a
		// sentence that follows without its full stop ("Parkland,
		// Florida The controversy").
		ws := strings.Fields(within)
		if len(ws) > 3 {
			ws = ws[:3]
		}
		n := 0
		for n < len(ws) && isCapitalised(ws[n]) {
			n++
		}
		if n > 0 {
			p.within = toponym.Fold(strings.Join(ws[:n], " "))
			for k := n - 1; k >= 1; k-- {
				p.withinShort = append(p.withinShort, toponym.Fold(strings.Join(ws[:k], " ")))
			}
		}
	}
	return p
}

func firstWord(s string) string {
	s = strings.TrimLeft(s, " ")
	i := strings.IndexFunc(s, func(r rune) bool { return !(r >= 'a' && r <= 'z' || r >= 'A' && r <= 'Z') })
	if i < 0 {
		return s
	}
	return s[:i]
}

func isCapitalised(w string) bool {
	return w != "" && w[0] >= 'A' && w[0] <= 'Z'
}

// candidate is one reading of a mention while resolving a document.
type candidate struct {
	id    int32
	prior float64
}

type mentionState struct {
	t      Toponym
	p      parsedName
	cands  []candidate
	best   int // index into cands, -1 when none
	score  []float64
	demCty string
	// demOf is the region, division or large city a demonym of no
	// country names ("European", "Texan", "Londoner"), -1 when none.
	demOf int32
}

// kindPrior scores an entry by kind and size alone.
func kindPrior(e *Entry) float64 {
	s := math.Log10(float64(e.Population)+10) * wPop
	switch e.Kind {
	case KindCountry:
		s += wKindCountry
	case KindAdmin2:
		s -= 1.2
	case KindRegion:
		s += 2.5
	case KindAdmin1:
		if ukNations[e.GeonamesID] {
			// England, Wales: nations whose population the gazetteer
			// does not hold, not to be outweighed by a village called
			// Wales.
			s += wKindCountry
		} else if e.FeatureCode == "ADM1" && e.GeonamesID != 0 {
			s += 1.2
		} else {
			// Position unknown, or a division that GeoNames holds as
			// second-level (the English counties).
			s += 0.6
		}
	default:
		switch e.FeatureCode {
		case "PPLC":
			s += 1.6
		case "PPLA":
			s += 0.35
		case "PPLA2":
			s += 0.15
		case "PPLX", "PPLH", "PPLQ", "PPLW":
			s -= 0.6
		}
	}
	return s
}

// ResolveAll resolves the toponyms of one text together, each reading
// weighed by the others: countries and divisions the text names, places
// near other places, and the containing place written after a comma.
func (g *Gazetteer) ResolveAll(text string, tops []Toponym) []Resolution {
	ms := make([]mentionState, len(tops))
	for i, t := range tops {
		m := &ms[i]
		m.t = t
		m.best = -1
		m.demOf = -1
		if t.Start < 0 || t.End > len(text) || t.Start >= t.End {
			continue
		}
		m.p = parseMention(text, t.Start, t.End)
		if m.p.seat != "" {
			continue
		}
		var ids []int32
		if m.p.full != "" {
			// "Kansas City", "Henry County": the whole name when known.
			ids = g.Lookup(m.p.full)
			if len(ids) > 0 && m.p.kindHint == KindCity {
				m.p.kindHint = ""
			}
		}
		if len(ids) == 0 {
			ids = g.Lookup(m.p.name)
		}
		abbr := m.p.name
		if t.End < len(text) && text[t.End] == '.' && !strings.Contains(abbr, ".") {
			abbr += "." // "Calif" with its dot after the mention
		}
		if st, ok := stateAbbreviation(abbr); ok {
			ids = ids[:0:0]
			for _, id := range g.Lookup(st) {
				if e := &g.entries[id]; e.Kind == KindAdmin1 && e.Country == "US" {
					ids = append(ids, id)
				}
			}
		} else if pr, ok := caProvinces[toponym.Fold(abbr)]; ok && strings.Contains(abbr, ".") {
			ids = ids[:0:0]
			for _, id := range g.Lookup(pr) {
				if e := &g.entries[id]; e.Kind == KindAdmin1 && e.Country == "CA" {
					ids = append(ids, id)
				}
			}
		}
		if id, ok := g.nationDemonym(m.p.name); ok && nationAdjective(text[t.End:]) {
			// "English", "Welsh": a nation of the United Kingdom, not
			// English, Indiana.
			m.demOf = id
			continue
		}
		if e, ok := g.Demonym(m.p.name); ok && !g.hasMajorReading(ids) {
			// "Canadian" is the people before it is Canadian, Texas.
			m.demCty = e.Country
			continue
		}
		if len(ids) == 0 {
			if id, ok := g.placeDemonym(m.p.name); ok {
				m.demOf = id
				continue
			}
		}
		if sea, ok := bareSea(text, toponym.Fold(m.p.name)); ok {
			// "the Gulf": the Persian Gulf in a text about its shores,
			// the Gulf of Mexico in one about its own.
			if sids := g.Lookup(sea); len(sids) > 0 {
				ids = sids
			}
		}
		qf := toponym.Fold(m.p.name)
		if full, ok := expandAbbreviation(qf); ok {
			qf = full // "Mt. Pleasant" is Mount Pleasant's own name
		}
		qs := toponym.StripArticle(qf)
		for _, id := range ids {
			e := &g.entries[id]
			pr := kindPrior(e)
			if nf := toponym.Fold(e.Name); nf == qf || toponym.StripArticle(nf) == qs {
				pr += wMainName // the place's own name, not an alternate
			}
			switch m.p.kindHint {
			case KindAdmin1:
				if e.Kind == KindAdmin1 {
					pr += 2
				}
			case KindAdmin2:
				if e.Kind == KindAdmin2 {
					pr += 4
				} else if e.Kind == KindCity {
					pr += 0.5
				}
			case KindCity, KindFacility:
				if e.Kind == KindCity {
					pr += 1
				}
			}
			m.cands = append(m.cands, candidate{id: id, prior: pr})
		}
		// A division named after its seat (Kirkuk, Baghdad): the city,
		// unless the text says "province".
		if m.p.kindHint != KindAdmin1 {
			for j := range m.cands {
				a := &g.entries[m.cands[j].id]
				if a.Kind != KindAdmin1 {
					continue
				}
				for _, c := range m.cands {
					e := &g.entries[c.id]
					if e.Kind == KindCity && e.Country == a.Country && (e.FeatureCode == "PPLA" || e.FeatureCode == "PPLC") && e.Admin1 == a.Name {
						m.cands[j].prior -= 1.5
						break
					}
				}
			}
		}
	}

	// "SA" in a text that names South Africa, "T&T" beside Trinidad and
	// Tobago: an abbreviation made of the initials of a country or
	// division the text names is that place, whatever else it spells.
	{
		byInitials := map[string]int32{}
		for i := range ms {
			m := &ms[i]
			if m.demCty != "" {
				// "South Africans" names South Africa too.
				if id, ok := g.country[m.demCty]; ok {
					if in := initials(g.entries[id].Name); len(in) >= 2 {
						byInitials[in] = id
					}
				}
				continue
			}
			if len(m.cands) == 0 || m.t.Spotted || isAbbreviation(text[m.t.Start:m.t.End]) {
				continue
			}
			b := argmax(m.cands, func(c candidate) float64 { return c.prior })
			e := &g.entries[m.cands[b].id]
			if e.Kind != KindCountry && e.Kind != KindAdmin1 {
				continue
			}
			if in := initials(e.Name); len(in) >= 2 {
				byInitials[in] = m.cands[b].id
			}
		}
		for i := range ms {
			m := &ms[i]
			w := text[m.t.Start:m.t.End]
			if !isAbbreviation(w) {
				continue
			}
			key := strings.NewReplacer("&", "", ".", "").Replace(w)
			if id, ok := byInitials[key]; ok {
				m.cands = []candidate{{id: id, prior: kindPrior(&g.entries[id]) + wMainName}}
				m.demCty, m.demOf = "", -1
			}
		}
	}

	// A division and its namesake city (New York): the city when the
	// mention is a dateline in capitals ("NEW YORK (AP) —") or the text
	// names one of the city's districts (Manhattan, Brooklyn).
	for i := range ms {
		m := &ms[i]
		if len(m.cands) < 2 {
			continue
		}
		key := toponym.Fold(m.p.name)
		if mentionsAny(text, divisionCues[key]) || coordinatedWithDivision(g, text, ms, i) {
			// "CAMP MURRAY, Wash.": the state; "California or
			// Washington": a state among states.
			for j := range m.cands {
				if g.entries[m.cands[j].id].Kind == KindAdmin1 {
					for k := range m.cands {
						if c := &g.entries[m.cands[k].id]; c.Kind == KindCity {
							m.cands[j].prior = math.Max(m.cands[j].prior, m.cands[k].prior+wNamesakeCity)
						}
					}
				}
			}
			continue
		}
		dateline := isDateline(text, m.t.Start, m.t.End)
		if !dateline && !mentionsAny(text, cityCues[key]) {
			continue
		}
		for j := range m.cands {
			a := &g.entries[m.cands[j].id]
			if a.Kind != KindAdmin1 {
				continue
			}
			for k := range m.cands {
				c := &g.entries[m.cands[k].id]
				if c.Kind == KindCity && c.Country == a.Country && c.Admin1 == a.Name && c.Population >= 100000 {
					m.cands[k].prior = math.Max(m.cands[k].prior, m.cands[j].prior+wNamesakeCity)
				}
			}
		}
	}

	// Start from the context-free readings, then re-read every mention
	// twice in the light of the others' current readings.
	for i := range ms {
		m := &ms[i]
		if len(m.cands) > 0 {
			m.best = argmax(m.cands, func(c candidate) float64 { return c.prior })
			m.score = make([]float64, len(m.cands))
		}
	}
	type point struct {
		lat, lon float64
		name     string
	}
	// Pair support: a reading near some reading of another name is
	// likelier (Richmond and Madison County, Kentucky, support each other
	// even when neither is the most populous of its name).
	type namePoints struct {
		pts []point
		w   float64
	}
	others := map[string]*namePoints{}
	var order []string
	for i := range ms {
		m := &ms[i]
		key := toponym.Fold(m.p.name)
		if key == "" || len(m.cands) == 0 || others[key] != nil || m.t.Spotted {
			continue
		}
		np := &namePoints{}
		top := topCandidates(m.cands, pairTopK)
		for _, c := range top {
			e := &g.entries[c.id]
			if e.Kind == KindCity || e.Kind == KindAdmin2 {
				np.pts = append(np.pts, point{e.Lat, e.Lon, key})
			}
		}
		if len(np.pts) == 0 {
			continue
		}
		np.w = 1 / math.Sqrt(float64(len(np.pts)))
		others[key] = np
		order = append(order, key)
	}
	if len(order) > 1 {
		for i := range ms {
			m := &ms[i]
			if len(m.cands) < 2 {
				continue
			}
			key := toponym.Fold(m.p.name)
			for j := range m.cands {
				e := &g.entries[m.cands[j].id]
				if e.Kind != KindCity && e.Kind != KindAdmin2 {
					continue
				}
				support := 0.0
				for _, k := range order {
					if k == key {
						continue
					}
					np := others[k]
					best := 0.0
					for _, pt := range np.pts {
						if d := approxKm(e.Lat, e.Lon, pt.lat, pt.lon); d < 100 {
							best = math.Max(best, 1-d/100)
						}
					}
					support += np.w * best
				}
				m.cands[j].prior += wPair * math.Min(2, support)
			}
		}
	}

	// The readings of the priors with the pair support: a start that
	// already agrees with itself (starting from the bare priors, Huntsville,
	// Alabama and Walker County, Texas would swap their support every
	// round).
	for i := range ms {
		if m := &ms[i]; len(m.cands) > 0 {
			m.best = argmax(m.cands, func(c candidate) float64 { return c.prior })
		}
	}
	for round := 0; round < 2; round++ {
		// Each distinct name counts once; a mention is weighed against the
		// other names only.
		type vote struct {
			country, admin1 string
			w, wa           float64
		}
		votes := map[string]vote{}
		countryW := map[string]float64{}
		admin1W := map[string]float64{}
		total := 0.0
		var points []point
		for i := range ms {
			m := &ms[i]
			key := toponym.Fold(m.p.name)
			if _, dup := votes[key]; dup || key == "" || m.t.Spotted {
				continue
			}
			if m.best < 0 {
				if m.demCty != "" {
					votes[key] = vote{country: m.demCty, w: 0.5}
				} else if m.demOf >= 0 && ukNations[g.entries[m.demOf].GeonamesID] {
					// "the English city of Salisbury": the nation counts
					// as context. (Other demonyms of no country are read
					// from a name alone, "Londoner" may be of Ontario.)
					e := &g.entries[m.demOf]
					v := vote{country: e.Country, w: 0.5}
					if e.Kind == KindAdmin1 {
						v.admin1, v.wa = e.Name, 0.5
					}
					if e.Country != "" {
						votes[key] = v
					}
				}
				continue
			}
			e := &g.entries[m.cands[m.best].id]
			w := 1.0
			if len(m.cands) > 1 {
				w = 0.6
			}
			v := vote{country: e.Country, w: w}
			switch e.Kind {
			case KindAdmin1:
				v.admin1, v.wa = e.Name, w
			case KindAdmin2:
				v.admin1, v.wa = e.Admin1, w*0.8
			default:
				v.admin1, v.wa = e.Admin1, w*0.5
			}
			votes[key] = v
			if e.Kind == KindCity || e.Kind == KindAdmin2 {
				points = append(points, point{e.Lat, e.Lon, key})
			}
		}
		for _, v := range votes {
			countryW[v.country] += v.w
			total += v.w
			if v.admin1 != "" {
				admin1W[v.country+"|"+v.admin1] += v.wa
			}
		}
		for i := range ms {
			m := &ms[i]
			if len(m.cands) == 0 {
				continue
			}
			key := toponym.Fold(m.p.name)
			own := votes[key]
			tot := total - own.w
			within := m.p.within
			if len(m.p.withinShort) > 0 && !g.namesPlace(within) {
				for _, w := range m.p.withinShort {
					if g.namesPlace(w) {
						within = w
						break
					}
				}
			}
			withinState := ""
			if s, ok := apStates[within]; ok {
				withinState = toponym.Fold(s)
			}
			for j, c := range m.cands {
				e := &g.entries[c.id]
				sc := c.prior
				if tot > 0 {
					cw := countryW[e.Country]
					if own.country == e.Country {
						cw -= own.w
					}
					sc += wCountry * cw / tot
					if cw > 0 || e.Kind == KindCountry {
						// Any other name in the same country: Gaza is
						// the city of a text that names Palestine, not a
						// province of Mozambique. A country's name is
						// its own (China is not China, Texas).
						sc += wCountrySeen
					} else if e.Kind == KindAdmin1 || e.Kind == KindAdmin2 {
						// A division of a country the text does not
						// otherwise name is rarely meant (Gaza beside
						// Israel and Egypt is not Mozambique's province).
						sc -= wDivisionUnseen
					}
				}
				a1 := e.Admin1
				if e.Kind == KindAdmin1 {
					a1 = e.Name
				}
				if a1 != "" && tot > 0 {
					aw := admin1W[e.Country+"|"+a1]
					if own.country == e.Country && own.admin1 == a1 {
						aw -= own.wa
					}
					sc += wAdmin1 * math.Min(1, aw/math.Max(1, tot*0.25))
				}
				if (e.Kind == KindCity || e.Kind == KindAdmin2) && len(m.cands) > 1 {
					near := 0.0
					for _, pt := range points {
						if pt.name == key {
							continue
						}
						if d := approxKm(e.Lat, e.Lon, pt.lat, pt.lon); d < 200 {
							near = math.Max(near, 1-d/200)
						}
					}
					sc += wNear * near
				}
				if within != "" {
					fa := toponym.Fold(e.Admin1)
					if withinState != "" && fa == withinState || fa == within || toponym.StripArticle(fa) == within {
						sc += 3
					} else if ce, ok := g.Country(e.Country); ok && (toponym.Fold(ce.Name) == within || within == "us" && e.Country == "US" || within == "uk" && e.Country == "GB") {
						sc += 2
					}
				}
				m.score[j] = sc
			}
			m.best = argmaxF(m.score)
		}
	}

	// The document's focus: the city, county or division read most often;
	// names the gazetteer lacks (streets, buildings, villages) are placed
	// there with a low confidence.
	focus := int32(-1)
	{
		// The focus lies in the country most distinct places are read in
		// (a club named after Liverpool, named ten times, does not move
		// a text about Cairo, New Cairo and Egypt to England).
		names := map[string]map[int32]bool{}
		mentions := map[string]int{}
		for i := range ms {
			m := &ms[i]
			if m.best < 0 || m.t.Spotted {
				continue
			}
			id := m.cands[m.best].id
			c := g.entries[id].Country
			if names[c] == nil {
				names[c] = map[int32]bool{}
			}
			names[c][id] = true // "US", "U.S." and "United States" once
			mentions[c]++
		}
		// Ties go to the country named more often, then the first in
		// alphabetical order.
		topCountry, topN, topM := "", 0, 0
		for c, ns := range names {
			n, k := len(ns), mentions[c]
			if n > topN || n == topN && (k > topM || k == topM && c < topCountry) {
				topCountry, topN, topM = c, n, k
			}
		}
		counts := map[int32]int{}
		bestN := 0
		for i := range ms {
			m := &ms[i]
			if m.best < 0 || m.t.Spotted {
				continue
			}
			id := m.cands[m.best].id
			e := &g.entries[id]
			if e.Kind == KindCountry || e.Country != topCountry {
				continue
			}
			n := 2
			if e.Kind == KindAdmin1 {
				n = 1
			}
			counts[id] += n
			if counts[id] > bestN {
				focus, bestN = id, counts[id]
			}
		}
	}

	out := make([]Resolution, len(ms))
	for i := range ms {
		m := &ms[i]
		r := Resolution{Entry: -1}
		switch {
		case m.p.seat != "":
			s := seatFacilities[m.p.seat]
			r = Resolution{Entry: -1, Kind: KindFacility, Name: trimName(text[m.t.Start:m.t.End]), Lat: s.lat, Lon: s.lon, Country: s.country, Confidence: 0.9}
			out[i] = r
			continue
		case m.demOf >= 0:
			e := &g.entries[m.demOf]
			out[i] = Resolution{Entry: -1, Country: e.Country, Demonym: true, Confidence: 0.6,
				Name: e.Name, Lat: e.Lat, Lon: e.Lon, GeonamesID: e.GeonamesID}
			continue
		case m.demCty != "":
			r := Resolution{Entry: -1, Country: m.demCty, Demonym: true, Confidence: 0.8}
			if c, ok := g.Country(m.demCty); ok {
				r.Lat, r.Lon, r.Name, r.GeonamesID = c.Lat, c.Lon, c.Name, c.GeonamesID
			}
			out[i] = r
			continue
		case len(m.cands) == 0:
			if focus >= 0 {
				f := &g.entries[focus]
				r = Resolution{Entry: -1, Kind: KindRegion, Name: trimName(text[m.t.Start:m.t.End]), Lat: f.Lat, Lon: f.Lon,
					Country: f.Country, Admin1: f.Admin1, Confidence: 0.15}
				if m.t.Type == "FAC" || m.p.kindHint == KindFacility || looksLikeFacility(m.p.name) {
					r.Kind = KindFacility
				}
				if f.Kind == KindAdmin1 {
					r.Admin1 = f.Name
				}
			}
			out[i] = r
			continue
		}
		scores := m.score
		b := argmaxF(scores)
		e := &g.entries[m.cands[b].id]
		r = Resolution{Entry: m.cands[b].id, Kind: e.Kind, Name: e.Name, Lat: e.Lat, Lon: e.Lon, Country: e.Country,
			Admin1: e.Admin1, GeonamesID: e.GeonamesID, Confidence: confidence(scores, b)}
		if e.Kind == KindAdmin1 {
			r.Admin1 = e.Name
		}
		switch m.p.kindHint {
		case KindFacility:
			if e.Kind == KindCity {
				r.Kind = KindFacility
				r.Name = trimName(text[m.t.Start:m.t.End])
				r.GeonamesID = 0
			}
		case KindAdmin2:
			if e.Kind == KindCity && len(m.cands) > 0 {
				r.Kind = KindAdmin2
				r.Name = trimName(text[m.t.Start:m.t.End])
				r.GeonamesID = 0
				r.Confidence *= 0.5
			}
		}
		out[i] = r
	}
	return out
}

// Weights of the document context, tuned on LGL and GeoWebNews.
var (
	wCountry = 2.0
	// wCountrySeen is added when any other name is in the same country.
	wCountrySeen = 1.0
	// wDivisionUnseen is taken from a division of a country no other name
	// is in.
	wDivisionUnseen = 1.0
	wAdmin1         = 1.5
	wNear           = 0.4
	wPop            = 0.3

	wKindCountry = 2.5
	wMainName    = 0.5
	wPair        = 1.2
	pairTopK     = 12
	// wNamesakeCity puts a city above the division of its name when the
	// text points to the city.
	wNamesakeCity = 1.0
)

// demonymEndings turn a demonym of a region, division or city back into
// its name: "European" → "Europe", "African" → "Africa", "Texan" →
// "Texas", "Ontarian" → "Ontario", "Londoner" → "London".
var demonymEndings = []struct{ cut, add string }{
	{"an", ""}, {"n", ""}, {"n", "s"}, {"an", "o"}, {"er", ""}, {"ian", "y"},
}

// placeDemonym finds the continent, region, first-level division or
// city of 100,000 people that a demonym of no country names; plurals
// ("Ontarians") too.
func (g *Gazetteer) placeDemonym(word string) (int32, bool) {
	w := strings.TrimSpace(word)
	if len(w) < 5 || !isCapitalised(w) {
		return -1, false
	}
	forms := []string{w}
	if strings.HasSuffix(w, "s") {
		forms = append(forms, strings.TrimSuffix(w, "s"))
	}
	for _, f := range forms {
		for _, d := range demonymEndings {
			if !strings.HasSuffix(f, d.cut) || len(f)-len(d.cut) < 3 {
				continue
			}
			name := strings.TrimSuffix(f, d.cut) + d.add
			for _, id := range g.Lookup(name) {
				e := &g.entries[id]
				if toponym.Fold(e.Name) != toponym.Fold(name) {
					continue // the place's own name only
				}
				if e.Kind == KindRegion || e.Kind == KindAdmin1 && e.GeonamesID != 0 ||
					e.Kind == KindCity && e.Population >= 100000 && d.cut == "er" {
					return id, true
				}
			}
		}
	}
	return -1, false
}

// topCandidates returns up to k candidates with the highest priors.
func topCandidates(cs []candidate, k int) []candidate {
	if len(cs) <= k {
		return cs
	}
	top := append([]candidate(nil), cs...)
	sort.Slice(top, func(a, b int) bool { return top[a].prior > top[b].prior })
	return top[:k]
}

// hasMajorReading reports whether any candidate is a country, division,
// region or a city of at least 100,000 people.
func (g *Gazetteer) hasMajorReading(ids []int32) bool {
	for _, id := range ids {
		e := &g.entries[id]
		if e.Kind != KindCity && e.Kind != KindAdmin2 || e.Population >= 100000 {
			return true
		}
	}
	return false
}

// approxKm is an equirectangular distance, close enough under 500 km.
func approxKm(lat1, lon1, lat2, lon2 float64) float64 {
	x := (lon2 - lon1) * math.Cos((lat1+lat2)*math.Pi/360)
	y := lat2 - lat1
	return 111.195 * math.Sqrt(x*x+y*y)
}

func secondBest(cs []candidate) float64 {
	best, second := math.Inf(-1), math.Inf(-1)
	for _, c := range cs {
		if c.prior > best {
			best, second = c.prior, best
		} else if c.prior > second {
			second = c.prior
		}
	}
	return second
}

func argmax(cs []candidate, f func(candidate) float64) int {
	b := 0
	for j := 1; j < len(cs); j++ {
		if f(cs[j]) > f(cs[b]) {
			b = j
		}
	}
	return b
}

func argmaxF(s []float64) int {
	b := 0
	for j := 1; j < len(s); j++ {
		if s[j] > s[b] {
			b = j
		}
	}
	return b
}

// confidence turns scores into the softmax weight of the chosen one,
// sharpened, in (0, 1].
func confidence(scores []float64, b int) float64 {
	sum := 0.0
	for _, s := range scores {
		sum += math.Exp(3 * (s - scores[b]))
	}
	c := 1 / sum
	return math.Round(c*1000) / 1000
}

// Distance returns the great-circle distance in km between two points.
func Distance(lat1, lon1, lat2, lon2 float64) float64 {
	const r = 6371.0088
	p1, p2 := lat1*math.Pi/180, lat2*math.Pi/180
	dp, dl := p2-p1, (lon2-lon1)*math.Pi/180
	a := math.Sin(dp/2)*math.Sin(dp/2) + math.Cos(p1)*math.Cos(p2)*math.Sin(dl/2)*math.Sin(dl/2)
	return 2 * r * math.Asin(math.Min(1, math.Sqrt(a)))
}

// Destination returns the point reached from (lat, lon) going distKm on
// the initial bearing bearingDeg (0 = north, 90 = east) on a sphere.
func Destination(lat, lon, bearingDeg, distKm float64) (float64, float64) {
	const r = 6371.0088
	d := distKm / r
	th := bearingDeg * math.Pi / 180
	p1, l1 := lat*math.Pi/180, lon*math.Pi/180
	p2 := math.Asin(math.Sin(p1)*math.Cos(d) + math.Cos(p1)*math.Sin(d)*math.Cos(th))
	l2 := l1 + math.Atan2(math.Sin(th)*math.Sin(d)*math.Cos(p1), math.Cos(d)-math.Sin(p1)*math.Sin(p2))
	lon2 := math.Mod(l2*180/math.Pi+540, 360) - 180
	return p2 * 180 / math.Pi, lon2
}

// ukNations are the GeoNames ids of the four nations of the United
// Kingdom, held as first-level divisions (England, Scotland, Wales,
// Northern Ireland).
var ukNations = map[int]bool{6269131: true, 2638360: true, 2634895: true, 2641364: true}

// nationDemonyms name the UK nations' peoples, which the country
// demonyms (British) do not cover.
var nationDemonyms = map[string]string{"english": "England", "welsh": "Wales", "scottish": "Scotland"}

// nationDemonym finds the nation an adjective such as "English" names.
func (g *Gazetteer) nationDemonym(word string) (int32, bool) {
	w := strings.TrimSpace(word)
	name, ok := nationDemonyms[toponym.Fold(w)]
	if !ok || !isCapitalised(w) {
		return -1, false
	}
	for _, id := range g.Lookup(name) {
		if e := &g.entries[id]; e.Kind == KindAdmin1 && ukNations[e.GeonamesID] {
			return id, true
		}
	}
	return -1, false
}

// languageNouns follow a nation's adjective that names its language
// ("English words", "Welsh speakers"), not the nation.
var languageNouns = map[string]bool{"language": true, "languages": true, "speaking": true, "speaker": true,
	"speakers": true, "translation": true, "translations": true, "subtitles": true, "version": true,
	"word": true, "words": true, "teacher": true, "teachers": true, "class": true, "classes": true,
	"lessons": true, "literature": true, "grammar": true, "proficiency": true, "dictionary": true, "name": true,
	"names": true, "text": true, "edition": true, "department": true, "professor": true, "major": true}

// nationAdjective reports whether the text after a nation's adjective
// ("English") makes it the nation's: a common noun follows ("the English
// town of", "Welsh farmers"), not a word about language ("English
// lessons") and not the end of a phrase ("speaks English.").
func nationAdjective(after string) bool {
	if !strings.HasPrefix(after, " ") {
		return false
	}
	w := firstWord(after)
	return w != "" && w[0] >= 'a' && w[0] <= 'z' && !languageNouns[w] && !functionWords[w]
}

// functionWords follow a noun, not an adjective: "learning English will",
// "English in the EU".
var functionWords = map[string]bool{"in": true, "on": true, "at": true, "of": true, "to": true, "for": true,
	"and": true, "or": true, "but": true, "is": true, "was": true, "will": true, "would": true, "has": true,
	"had": true, "have": true, "are": true, "were": true, "as": true, "by": true, "with": true, "from": true,
	"that": true, "which": true, "who": true, "than": true, "can": true, "could": true, "should": true,
	"may": true, "might": true, "must": true, "does": true, "did": true, "do": true, "be": true, "been": true,
	"so": true, "too": true, "well": true, "fluently": true, "only": true, "there": true, "when": true}

// cityCues are words that place a text in the city rather than the
// division of the same name: its districts and its police.
var cityCues = map[string][]string{
	"new york": {"Manhattan", "Brooklyn", "Bronx", "Harlem", "Staten Island", "NYPD", "New York Police Department"},
}

// mentionsAny reports whether text holds any of words as a whole word.
func mentionsAny(text string, words []string) bool {
	for _, w := range words {
		for off := 0; ; {
			i := strings.Index(text[off:], w)
			if i < 0 {
				break
			}
			s, e := off+i, off+i+len(w)
			if (s == 0 || !isWordByte(text[s-1])) && (e == len(text) || !isWordByte(text[e])) {
				return true
			}
			off = e
		}
	}
	return false
}

func isWordByte(b byte) bool {
	return b >= 'a' && b <= 'z' || b >= 'A' && b <= 'Z' || b >= '0' && b <= '9'
}

// isDateline reports whether text[start:end] is a dateline: written in
// capitals, near the start of the text, and followed by a comma, a
// parenthesis or a dash ("NEW YORK (AP) —", "(NEW YORK) —").
func isDateline(text string, start, end int) bool {
	name := text[start:end]
	if start > 200 || strings.ToUpper(name) != name || strings.ToLower(name) == name {
		return false
	}
	rest := strings.TrimLeft(text[end:], " )")
	return strings.HasPrefix(rest, "(") || strings.HasPrefix(rest, ",") || strings.HasPrefix(rest, "—") ||
		strings.HasPrefix(rest, "–") || strings.HasPrefix(rest, "-")
}

// divisionCues are words that place a text in the division rather than
// the city of the same name: the AP abbreviation of the state.
var divisionCues = map[string][]string{"washington": {"Wash."}, "new york": {"N.Y."}}

// coordinatedWithDivision reports whether mention i stands in a list
// ("X, Y and Z", "X or Y") next to a mention whose likeliest reading is a
// first-level division, when i itself has both readings.
func coordinatedWithDivision(g *Gazetteer, text string, ms []mentionState, i int) bool {
	divCountry := map[string]bool{}
	cityAdmin1 := map[string]bool{}
	for _, c := range ms[i].cands {
		if e := &g.entries[c.id]; e.Kind == KindAdmin1 {
			divCountry[e.Country] = true
		} else if e.Kind == KindCity {
			cityAdmin1[e.Country+"|"+e.Admin1] = true
		}
	}
	for _, c := range ms[i].cands {
		e := &g.entries[c.id]
		if e.Kind == KindCity && (e.FeatureCode == "PPLA" || e.FeatureCode == "PPLC") {
			for _, d := range ms[i].cands {
				if a := &g.entries[d.id]; a.Kind == KindAdmin1 && a.Country == e.Country && a.Name == e.Admin1 {
					return false // a division named after its seat (Beirut)
				}
			}
		}
	}
	if len(divCountry) == 0 {
		return false
	}
	// A division of the same country ("Oregon or Washington", not "New
	// York and Moscow").
	isDiv := func(j int) bool {
		m := &ms[j]
		if len(m.cands) == 0 {
			return false
		}
		b := argmax(m.cands, func(c candidate) float64 { return c.prior })
		e := &g.entries[m.cands[b].id]
		return e.Kind == KindAdmin1 && divCountry[e.Country]
	}
	joined := func(gap string) bool {
		switch gap {
		case ", ", " and ", " or ", ", and ", ", or ":
			return true
		}
		return false
	}
	for j := range ms {
		if j == i || ms[j].t.Start >= ms[j].t.End {
			continue
		}
		if ms[j].t.End <= ms[i].t.Start && ms[i].t.Start-ms[j].t.End <= 6 && joined(text[ms[j].t.End:ms[i].t.Start]) && isDiv(j) {
			return true
		}
		if ms[j].t.Start >= ms[i].t.End && ms[j].t.Start-ms[i].t.End <= 6 && joined(text[ms[i].t.End:ms[j].t.Start]) && isDiv(j) {
			m := &ms[j]
			b := argmax(m.cands, func(c candidate) float64 { return c.prior })
			if e := &g.entries[m.cands[b].id]; text[ms[i].t.End:ms[j].t.Start] == ", " && cityAdmin1[e.Country+"|"+e.Name] {
				continue // "Washington, D.C.": the division that holds the city
			}
			return true
		}
	}
	return false
}

// isAbbreviation reports whether w is two to four capitals, with "&" or
// dots between them allowed ("SA", "T&T", "U.K.").
func isAbbreviation(w string) bool {
	n := 0
	for i := 0; i < len(w); i++ {
		switch c := w[i]; {
		case c >= 'A' && c <= 'Z':
			n++
		case c == '&' || c == '.':
		default:
			return false
		}
	}
	return n >= 2 && n <= 4
}

// initials returns the capitals that begin the words of a name, leaving
// out "and", "of" and "the" ("Trinidad and Tobago" → "TT").
func initials(name string) string {
	var b strings.Builder
	for _, w := range strings.Fields(name) {
		if w == "and" || w == "of" || w == "the" || w == "&" {
			continue
		}
		if w[0] >= 'A' && w[0] <= 'Z' {
			b.WriteByte(w[0])
		}
	}
	return b.String()
}

// namesPlace reports whether a folded name is a state abbreviation or a
// gazetteer name.
func (g *Gazetteer) namesPlace(f string) bool {
	if _, ok := apStates[f]; ok {
		return true
	}
	return f != "" && len(g.lookupKey(f, nil)) > 0
}

// bareSeas are short names news uses for a sea, with the words that tell
// which one a text means.
var bareSeas = map[string][]struct {
	sea  string
	cues []string
}{
	"gulf": {
		{"Persian Gulf", []string{"Qatar", "Saudi", "Emirates", "UAE", "Kuwait", "Bahrain", "Oman", "Iran", "Iraq", "Dubai", "Abu Dhabi", "Yemen"}},
		{"Gulf of Mexico", []string{"Mexico", "Texas", "Louisiana", "Mississippi", "Alabama", "Florida"}},
	},
}

// bareSea returns the sea a bare name means in text, by the first of its
// seas whose cue words the text holds.
func bareSea(text, folded string) (string, bool) {
	for _, s := range bareSeas[folded] {
		if mentionsAny(text, s.cues) {
			return s.sea, true
		}
	}
	return "", false
}
