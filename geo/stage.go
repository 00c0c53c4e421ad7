package geo

import (
	"context"
	"math"
	"regexp"
	"strconv"
	"strings"
	"unicode"
	"unicode/utf8"

	"github.com/faultline-news/faultline"
	"github.com/faultline-news/faultline/geo/internal/toponym"
)

// Stage is the "geo" pipeline stage: it resolves GPE, LOC and FAC
// entities to places, marks demonyms with their country, and adds
// relative locations ("64 kilometers south of Mosul").
type Stage struct {
	g *Gazetteer
}

// NewStage returns the "geo" stage using g (from Load).
func NewStage(g *Gazetteer) *Stage { return &Stage{g: g} }

// Name returns "geo".
func (s *Stage) Name() string { return "geo" }

// Requires returns the entity layer.
func (s *Stage) Requires() []faultline.Layer { return []faultline.Layer{faultline.LayerEntities} }

// Assigns returns the place layer.
func (s *Stage) Assigns() []faultline.Layer { return []faultline.Layer{faultline.LayerPlaces} }

func isPlaceType(t string) bool {
	return t == faultline.EntityGPE || t == faultline.EntityLoc || t == faultline.EntityFac
}

// Process replaces doc.Places. Every place has IDs P1, P2, ... in order of
// first mention; each resolved entity's Place points to its place.
// Demonym entities ("Iraqi") get no place; when their Actor is unset they
// get an Actor carrying the country's ISO 3166-1 alpha-3 code.
func (s *Stage) Process(ctx context.Context, doc *faultline.Document) (err error) {
	defer func() {
		if p := recover(); p != nil {
			err = faultline.Errorf(faultline.EINTERNAL, "geo: document %q: recovered from panic: %v", doc.ID, p)
		}
	}()
	if s.g == nil {
		return faultline.Errorf(faultline.EINTERNAL, "geo: stage built without a gazetteer; pass the one from geo.Load")
	}
	if err := ctx.Err(); err != nil {
		return faultline.Errorf(faultline.EUNAVAILABLE, "geo: document %q: %w", doc.ID, err)
	}
	doc.Places = []faultline.Place{}
	personWords := personNameWords(doc)
	orgAcronyms := s.g.definedAcronyms(doc.Text)
	// Where the names of organisations begin: "Dublin City Council",
	// "Boston Globe" hold the place they are of.
	orgStarts := map[int]bool{}
	for _, e := range doc.Entities {
		if e.Type != faultline.EntityOrg {
			continue
		}
		for _, m := range e.Mentions {
			if strings.Contains(m.Text, " ") {
				orgStarts[m.Start] = true
			}
		}
	}
	type ref struct{ entity, mention int }
	var tops []Toponym
	var refs, referring []ref
	for ei, e := range doc.Entities {
		if !isPlaceType(e.Type) && e.Type != faultline.EntityNORP && !(e.Type == faultline.EntityOrg && (IsGovernmentSeat(e.Name) || s.g.orgIsPlace(e.Name))) {
			continue
		}
		for mi, m := range e.Mentions {
			if m.Start < 0 || m.End > len(doc.Text) || m.Start >= m.End {
				return faultline.Errorf(faultline.EINVALID, "geo: document %q: entity %s mention %d..%d lies outside the text; re-run the ner stage", doc.ID, e.ID, m.Start, m.End)
			}
			if !nameLike(doc.Text[m.Start:m.End]) {
				// A pronoun or a nominal that coreference attached ("it",
				// "the city"): not a toponym of its own; it joins the
				// entity's place below.
				referring = append(referring, ref{ei, mi})
				continue
			}
			if isPlaceType(e.Type) && s.g.personNotPlace(doc.Text[m.Start:m.End], personWords) || orgAcronyms[doc.Text[m.Start:m.End]] ||
				loneAbbreviations[strings.TrimSpace(doc.Text[m.Start:m.End])] {
				continue
			}
			end := m.End
			if w := streetAfter(doc.Text[m.End:]); w != "" {
				// "Washington Drive" cut after "Washington": the street,
				// not the city.
				end += len(w)
			}
			tops = append(tops, Toponym{Start: m.Start, End: end, Type: e.Type})
			refs = append(refs, ref{ei, mi})
		}
	}
	nEntityTops := len(tops)
	for _, sp := range s.g.spot(doc, tops) {
		tops = append(tops, sp)
		refs = append(refs, ref{-1, -1})
	}
	rs := s.g.ResolveAll(doc.Text, tops)
	// Countries the entity layer's toponyms resolve to: a division found
	// only by the gazetteer is kept when the text is about its country
	// ("Central", "Western" and "Flores" name divisions somewhere).
	docCountries := map[string]bool{}
	docEntries := map[int32]bool{}
	docNames := map[string]int32{}
	for i := 0; i < nEntityTops; i++ {
		if rs[i].Resolved() {
			docCountries[rs[i].Country] = true
			docEntries[rs[i].Entry] = true
			if rs[i].Entry >= 0 && !rs[i].Demonym {
				docNames[doc.Text[tops[i].Start:tops[i].End]] = rs[i].Entry
			}
		}
	}
	byKey := map[string]int{}
	for i, r := range rs {
		var e *faultline.Entity
		var m faultline.Mention
		if i < nEntityTops {
			e = &doc.Entities[refs[i].entity]
			m = e.Mentions[refs[i].mention]
		} else {
			// A gazetteer match the entity layer missed: kept only when it
			// is a country, a located division or a large city.
			if r.Demonym || r.Entry < 0 || orgAcronyms[doc.Text[tops[i].Start:tops[i].End]] {
				continue
			}
			if !s.g.spottable(r.Entry, doc.Text[tops[i].Start:tops[i].End]) &&
				!(docCountries[r.Country] && s.g.spottableAfter(r.Entry, doc.Text, tops[i].Start, tops[i].End, personWords)) &&
				!(docEntries[r.Entry] && orgStarts[tops[i].Start] && s.g.spottableInName(r.Entry, doc.Text[tops[i].Start:tops[i].End], personWords)) &&
				!(sameAsElsewhere(docNames, doc.Text[tops[i].Start:tops[i].End], r.Entry) && s.g.spottableInName(r.Entry, doc.Text[tops[i].Start:tops[i].End], personWords)) {
				continue
			}
			if r.Kind == KindAdmin1 && !docCountries[r.Country] {
				continue
			}
			m = faultline.Mention{Start: tops[i].Start, End: tops[i].End, Text: doc.Text[tops[i].Start:tops[i].End]}
			e = &faultline.Entity{Type: faultline.EntityGPE}
		}
		if r.Demonym {
			if c, ok := s.g.Country(r.Country); ok && e.Actor == nil {
				e.Actor = &faultline.Actor{Code: c.ISO3, Country: c.ISO3, Roles: []string{}}
			}
			continue
		}
		if e.Type == faultline.EntityNORP || !r.Resolved() || r.Demonym {
			continue
		}
		key := r.Kind + "|" + r.Name + "|" + r.Country + "|" + strconv.Itoa(r.GeonamesID)
		pi, ok := byKey[key]
		if !ok {
			pi = len(doc.Places)
			byKey[key] = pi
			var eid *string
			if e.ID != "" {
				id := e.ID
				eid = &id
			}
			doc.Places = append(doc.Places, faultline.Place{
				ID: "P" + strconv.Itoa(pi+1), Name: r.Name, Entity: eid,
				Lat: round5(r.Lat), Lon: round5(r.Lon), Country: r.Country, Admin1: r.Admin1,
				Kind: r.Kind, GeonamesID: r.GeonamesID, Confidence: r.Confidence,
				Mentions: []faultline.Mention{},
			})
		}
		p := &doc.Places[pi]
		mEnd := max(m.End, tops[i].End)
		if w := doc.Text[m.Start:m.End]; r.Kind == KindAdmin1 && !strings.HasSuffix(w, ".") && strings.Contains(w, ".") && mEnd < len(doc.Text) && doc.Text[mEnd] == '.' {
			if _, ok := stateAbbreviation(w + "."); ok {
				mEnd++ // "W.Va" and the dot the tokenizer took for a full stop
			}
		}
		p.Mentions = append(p.Mentions, faultline.Mention{Start: m.Start, End: mEnd, Text: doc.Text[m.Start:mEnd]})
		if r.Confidence > p.Confidence {
			p.Confidence = r.Confidence
		}
		if p.Entity == nil && e.ID != "" {
			eid := e.ID
			p.Entity = &eid
		}
		id := p.ID
		if e.ID != "" {
			e.Place = &id
		}
	}
	for _, r := range referring {
		e := &doc.Entities[r.entity]
		if e.Place == nil {
			continue
		}
		for pi := range doc.Places {
			if doc.Places[pi].ID == *e.Place {
				m := e.Mentions[r.mention]
				doc.Places[pi].Mentions = append(doc.Places[pi].Mentions, faultline.Mention{Start: m.Start, End: m.End, Text: doc.Text[m.Start:m.End]})
				break
			}
		}
	}
	s.addRelative(doc)
	return nil
}

// personNameWords returns the words of the document's person-name
// mentions ("Buhari" of "Muhammadu Buhari").
func personNameWords(doc *faultline.Document) map[string]bool {
	words := map[string]bool{}
	for _, e := range doc.Entities {
		if e.Type != faultline.EntityPerson {
			continue
		}
		for _, m := range e.Mentions {
			if m.Start < 0 || m.End > len(doc.Text) || m.Start >= m.End {
				continue
			}
			for _, w := range strings.Fields(doc.Text[m.Start:m.End]) {
				words[w] = true
			}
		}
	}
	return words
}

// personNotPlace reports whether a one-word place mention is a word of a
// person's name elsewhere in the text ("Buhari said" tagged as a place
// after "President Muhammadu Buhari") and names no country, division or
// city of 100,000 people: the person, not a place.
func (g *Gazetteer) personNotPlace(mention string, personWords map[string]bool) bool {
	w := trimName(mention)
	if strings.ContainsAny(w, " \t\n") || !personWords[w] {
		return false
	}
	return !g.hasMajorReading(g.Lookup(w))
}

// nameLike reports whether a mention reads as a name (it starts with an
// upper-case letter or a digit), as opposed to a pronoun or a nominal such
// as "the city".
func nameLike(s string) bool {
	r, _ := utf8.DecodeRuneInString(s)
	return unicode.IsUpper(r) || unicode.IsDigit(r)
}

func round5(x float64) float64 { return math.Round(x*1e5) / 1e5 }

// bearings of compass words.
var bearings = map[string]float64{
	"north": 0, "northeast": 45, "east": 90, "southeast": 135, "south": 180, "southwest": 225, "west": 270, "northwest": 315,
	"northern": 0, "northeastern": 45, "eastern": 90, "southeastern": 135, "southern": 180, "southwestern": 225,
	"western": 270, "northwestern": 315, "north-east": 45, "south-east": 135, "south-west": 225, "north-west": 315,
	"north-eastern": 45, "south-eastern": 135, "south-western": 225, "north-western": 315,
}

const compass = `north|south|east|west|northeast|northwest|southeast|southwest|north-east|north-west|south-east|south-west`
const compassAdj = `northern|southern|eastern|western|northeastern|northwestern|southeastern|southwestern|north-eastern|north-western|south-eastern|south-western`

var (
	// "64 kilometers south of ", "30 km north-east of the city of ".
	reDistance = regexp.MustCompile(`(?i)(\d{1,5}(?:[.,]\d+)?)[ -]?(kilometers|kilometres|kilometer|kilometre|km|miles|mile|mi)\.?\s+(` + compass + `)\s+of\s+(?:the\s+(?:city|town|village)\s+of\s+)?$`)
	// "the western outskirts of ", "the southern part of ".
	rePart = regexp.MustCompile(`(?i)(?:the\s+)?(` + compassAdj + `)\s+(outskirts|suburbs|edge|part|parts|side|districts|neighborhoods|neighbourhoods|countryside)\s+of\s+(?:the\s+(?:city|town)\s+of\s+)?$`)
	// "northern Iraq".
	reRegion = regexp.MustCompile(`(?i)(?:^|[^\pL])((?:` + compassAdj + `|central))\s+$`)
	// "west of the city".
	reOfTheCity = regexp.MustCompile(`(?i)\b(` + compass + `)\s+of\s+the\s+(city|town|village|capital)\b`)
)

var partDistance = map[string]float64{
	"outskirts": 8, "suburbs": 10, "edge": 6, "part": 4, "parts": 4, "side": 3, "districts": 4,
	"neighborhoods": 4, "neighbourhoods": 4, "countryside": 20,
}

// addRelative adds places for relative expressions anchored on a resolved
// place: a point at a distance and bearing, a part of a city, a region of
// a country or division, and "west of the city" after a city mention.
func (s *Stage) addRelative(doc *faultline.Document) {
	n := len(doc.Places)
	type anchorMention struct {
		place int
		m     faultline.Mention
	}
	var ams []anchorMention
	for pi := 0; pi < n; pi++ {
		for _, m := range doc.Places[pi].Mentions {
			ams = append(ams, anchorMention{pi, m})
		}
	}
	for _, am := range ams {
		a := doc.Places[am.place]
		before := doc.Text[max(0, am.m.Start-80):am.m.Start]
		base := am.m.Start - len(before)
		if loc := reDistance.FindStringSubmatchIndex(before); loc != nil {
			num := strings.ReplaceAll(before[loc[2]:loc[3]], ",", "")
			d, err := strconv.ParseFloat(num, 64)
			unit := strings.ToLower(before[loc[4]:loc[5]])
			if err == nil && d > 0 && d < 5000 {
				if strings.HasPrefix(unit, "mi") {
					d *= 1.609344
				}
				lat, lon := Destination(a.Lat, a.Lon, bearings[strings.ToLower(before[loc[6]:loc[7]])], d)
				start := base + loc[0]
				// Extend over a place named just before: "Qayyarah airfield 64 ...".
				start = extendOverPlace(doc, start)
				s.appendRelative(doc, a, KindRelative, start, am.m.End, lat, lon, 0.8)
				continue
			}
		}
		if loc := rePart.FindStringSubmatchIndex(before); loc != nil {
			dir := strings.ToLower(before[loc[2]:loc[3]])
			part := strings.ToLower(before[loc[4]:loc[5]])
			lat, lon := Destination(a.Lat, a.Lon, bearings[dir], partDistance[part])
			s.appendRelative(doc, a, KindRelative, base+loc[0], am.m.End, lat, lon, 0.7)
			continue
		}
		if a.Kind == KindCountry || a.Kind == KindAdmin1 {
			if loc := reRegion.FindStringSubmatchIndex(before); loc != nil {
				dir := strings.ToLower(before[loc[2]:loc[3]])
				km := 60.0
				if a.Kind == KindCountry {
					if c, ok := s.g.Country(a.Country); ok && c.AreaKm2 > 0 {
						km = 0.3 * math.Sqrt(c.AreaKm2)
					}
				}
				lat, lon := a.Lat, a.Lon
				if dir != "central" {
					lat, lon = Destination(a.Lat, a.Lon, bearings[dir], km)
				}
				s.appendRelative(doc, a, KindRegion, base+loc[2], am.m.End, lat, lon, 0.6)
			}
		}
	}
	// "west of the city": anchored on the last city mentioned before.
	for _, loc := range reOfTheCity.FindAllStringSubmatchIndex(doc.Text, -1) {
		best, bestEnd := -1, -1
		for _, am := range ams {
			p := doc.Places[am.place]
			if p.Kind == KindCity && am.m.End <= loc[0] && am.m.End > bestEnd {
				best, bestEnd = am.place, am.m.End
			}
		}
		if best < 0 {
			continue
		}
		a := doc.Places[best]
		lat, lon := Destination(a.Lat, a.Lon, bearings[strings.ToLower(doc.Text[loc[2]:loc[3]])], 10)
		s.appendRelative(doc, a, KindRelative, loc[0], loc[1], lat, lon, 0.5)
	}
}

// extendOverPlace moves start back over a facility or city mention that
// ends right before it (spaces or a comma between).
func extendOverPlace(doc *faultline.Document, start int) int {
	gap := strings.TrimRight(doc.Text[:start], " ,")
	for _, p := range doc.Places {
		if p.Kind != KindFacility && p.Kind != KindCity {
			continue
		}
		for _, m := range p.Mentions {
			if m.End == len(gap) && start-m.End <= 3 {
				return m.Start
			}
		}
	}
	return start
}

func (s *Stage) appendRelative(doc *faultline.Document, anchor faultline.Place, kind string, start, end int, lat, lon, conf float64) {
	text := doc.Text[start:end]
	name := strings.Join(strings.Fields(text), " ")
	for i := range doc.Places {
		p := &doc.Places[i]
		if p.Kind != KindRelative && p.Kind != KindRegion {
			continue
		}
		for _, m := range p.Mentions {
			if m.Start == start && m.End == end {
				return
			}
		}
		if strings.EqualFold(p.Name, name) && p.Lat == round5(lat) && p.Lon == round5(lon) {
			p.Mentions = append(p.Mentions, faultline.Mention{Start: start, End: end, Text: text})
			return
		}
	}
	doc.Places = append(doc.Places, faultline.Place{
		ID: "P" + strconv.Itoa(len(doc.Places)+1), Name: name,
		Lat: round5(lat), Lon: round5(lon), Country: anchor.Country, Admin1: anchor.Admin1,
		Kind: kind, Confidence: math.Round(conf*anchor.Confidence*1000) / 1000,
		Mentions: []faultline.Mention{{Start: start, End: end, Text: text}},
	})
}

// Anchor returns the place a relative or region place p is measured from:
// the non-relative place whose mention lies inside p's mention, else the
// last city mentioned before it ("west of the city").
func Anchor(doc *faultline.Document, p faultline.Place) (faultline.Place, bool) {
	if (p.Kind != KindRelative && p.Kind != KindRegion) || len(p.Mentions) == 0 {
		return faultline.Place{}, false
	}
	pm := p.Mentions[0]
	var last faultline.Place
	lastEnd := -1
	for _, q := range doc.Places {
		if q.Kind == KindRelative || q.Kind == KindRegion {
			continue
		}
		for _, m := range q.Mentions {
			if m.Start >= pm.Start && m.End <= pm.End && m.End == pm.End {
				return q, true
			}
			if q.Kind == KindCity && m.End <= pm.Start && m.End > lastEnd {
				last, lastEnd = q, m.End
			}
		}
	}
	return last, lastEnd >= 0
}

// IsGovernmentSeat reports whether name is a building that stands for a
// government (the White House, the Pentagon, the Kremlin, Downing Street).
func IsGovernmentSeat(name string) bool {
	_, ok := seatFacilities[toponym.Fold(trimName(name))]
	return ok
}

// locativeBefore are words after which a capital is a location.
var locativeBefore = map[string]bool{
	"in": true, "at": true, "to": true, "from": true, "near": true, "outside": true, "into": true, "across": true,
	"toward": true, "towards": true, "around": true, "inside": true, "through": true, "of": true, "visit": true,
	"visited": true, "visiting": true, "arrived": true, "left": true, "returned": true, "flew": true,
}

// ActsAsGovernment reports whether mention m of place p stands for a
// government rather than a location ("Washington warned", "aligned with
// Tehran", "the White House said"): p is a national capital or a seat
// of government, and the word before the mention is not a locative
// preposition or movement verb. Such places stay in Places; events code
// them as actors.
func (g *Gazetteer) ActsAsGovernment(text string, p faultline.Place, m faultline.Mention) bool {
	capital := false
	switch p.Kind {
	case KindFacility:
		_, capital = seatFacilities[toponym.Fold(trimName(p.Name))]
	case KindCity:
		if p.GeonamesID != 0 {
			for _, id := range g.Lookup(p.Name) {
				e := &g.entries[id]
				if e.GeonamesID == p.GeonamesID && e.FeatureCode == "PPLC" {
					capital = true
				}
			}
		}
	}
	if !capital || m.Start < 0 || m.Start > len(text) {
		return false
	}
	before := strings.Fields(text[max(0, m.Start-30):m.Start])
	for len(before) > 0 && strings.EqualFold(before[len(before)-1], "the") {
		before = before[:len(before)-1]
	}
	if len(before) == 0 {
		return true
	}
	return !locativeBefore[strings.ToLower(strings.Trim(before[len(before)-1], ",;:()\"“”"))]
}

// spot finds runs of one to four capitalised tokens outside the given
// mentions whose text is a gazetteer name (primary key only).
func (g *Gazetteer) spot(doc *faultline.Document, taken []Toponym) []Toponym {
	covered := func(start, end int) bool {
		for _, t := range taken {
			if start < t.End && t.Start < end {
				return true
			}
		}
		return false
	}
	var out []Toponym
	toks := doc.Tokens
	for i := 0; i < len(toks); i++ {
		t := toks[i]
		if t.Start < 0 || t.End > len(doc.Text) || t.Start >= t.End || !capitalisedWord(doc.Text[t.Start:t.End]) {
			continue
		}
		if w := doc.Text[t.Start:t.End]; strings.Contains(strings.Trim(w, "-"), "-") && !covered(t.Start, t.End) {
			// "London-based", "Amsterdam-London": the names inside a
			// hyphenated word, which the entity layer leaves whole; a
			// hyphenated name is kept whole ("Miami-Dade").
			if f := toponym.Fold(w); f != "" && len(g.lookupKey(f, nil)) > 0 {
				out = append(out, Toponym{Start: t.Start, End: t.End, Type: faultline.EntityGPE, Spotted: true})
				continue
			}
			off := t.Start
			for _, part := range strings.Split(w, "-") {
				start, end := off, off+len(part)
				off = end + 1
				if len(part) < 2 || !(part[0] >= 'A' && part[0] <= 'Z') {
					continue
				}
				if f := toponym.Fold(part); f != "" && len(g.lookupKey(f, nil)) > 0 {
					out = append(out, Toponym{Start: start, End: end, Type: faultline.EntityGPE, Spotted: true})
				}
			}
			continue
		}
		// Longest run first.
		found := false
		for n := min(4, len(toks)-i); n >= 1 && !found; n-- {
			last := toks[i+n-1]
			if last.End > len(doc.Text) || last.End <= t.Start || !capitalisedWord(doc.Text[last.Start:last.End]) {
				continue
			}
			start, end := t.Start, last.End
			if n <= 2 {
				// "Alexandria, La.", "CHARLESTON, W.Va.", "W. Va.": the
				// state after a place, with its closing dot, which the
				// tokenizer may have taken for a full stop.
				w := doc.Text[start:end]
				wEnd := end
				if !strings.HasSuffix(w, ".") && end < len(doc.Text) && doc.Text[end] == '.' {
					w, wEnd = doc.Text[start:end+1], end+1
				}
				if _, ok := stateAbbreviation(strings.ReplaceAll(w, " ", "")); ok && strings.HasSuffix(strings.TrimRight(doc.Text[:start], " "), ",") && !covered(start, wEnd) {
					out = append(out, Toponym{Start: start, End: wEnd, Type: faultline.EntityGPE, Spotted: true})
					taken = append(taken, out[len(out)-1])
					found = true
					i += n - 1
					continue
				}
			}
			if n == 1 {
				w := doc.Text[start:end]
				if len(w) < 4 && strings.ToUpper(w) != w {
					continue
				}
			}
			if end-start > 60 || covered(start, end) {
				continue
			}
			if f := toponym.Fold(doc.Text[start:end]); f != "" && len(g.lookupKey(f, nil)) > 0 {
				out = append(out, Toponym{Start: start, End: end, Type: faultline.EntityGPE, Spotted: true})
				taken = append(taken, out[len(out)-1])
				i += n - 1
				found = true
			}
		}
	}
	return out
}

func capitalisedWord(w string) bool {
	if w == "" || !(w[0] >= 'A' && w[0] <= 'Z') {
		return false
	}
	return len(w) > 1
}

// spottable reports whether a gazetteer match found outside the entity
// layer is safe to keep: a country, a located division, or a city of at
// least 200,000 people.
func (g *Gazetteer) spottable(id int32, text string) bool {
	e := &g.entries[id]
	if _, ok := stateAbbreviation(text); ok && e.Kind == KindAdmin1 && e.Country == "US" {
		return true
	}
	if e.Kind != KindCountry && toponym.Fold(text) != toponym.Fold(e.Name) {
		return false
	}
	switch e.Kind {
	case KindAdmin2:
		return true // only a whole name with its division word matches
	case KindCountry:
		return true
	case KindAdmin1:
		return e.FeatureCode == "ADM1"
	case KindCity:
		return e.Population >= 200000
	}
	return false
}

// orgIsPlace reports whether an organisation name is really a well-known
// place name ("UK", "Britain", "Washington" tagged as organisations).
func (g *Gazetteer) orgIsPlace(name string) bool {
	ids := g.Lookup(trimName(name))
	if len(ids) == 0 {
		return false
	}
	return g.spottable(ids[0], trimName(name))
}

// placeWords before a name make it a place: "in Salisbury", "the town of
// Marks Tey".
var placeWords = []string{" in ", " at ", " near ", " outside ", " city of ", " town of ", " village of ",
	" suburb of ", " county of ", " province of ", " state of "}

// spottableAfter reports whether a smaller city or a division the entity
// layer missed is safe to keep from its context: its own name, a
// preposition of place or "the town of" right before it, not the first
// word of a sentence, not a word of a person's name in the text, and not
// followed by another capitalised word (a longer name: "in Salisbury
// Plain Park").
func (g *Gazetteer) spottableAfter(id int32, text string, start, end int, personWords map[string]bool) bool {
	e := &g.entries[id]
	name := text[start:end]
	if e.Kind != KindCity && e.Kind != KindAdmin1 || toponym.Fold(name) != toponym.Fold(e.Name) || personWords[name] || calendarWords[toponym.Fold(name)] {
		return false
	}
	if e.Kind == KindCity && e.Population < 1000 {
		return false
	}
	before := text[max(0, start-12):start]
	ok := false
	for _, w := range placeWords {
		if strings.HasSuffix(before, w) {
			ok = true
			break
		}
	}
	if !ok {
		return false
	}
	rest := strings.TrimLeft(text[end:], " ")
	if r, _ := utf8.DecodeRuneInString(rest); unicode.IsUpper(r) && !strings.HasPrefix(text[end:], ",") {
		return false
	}
	return true
}

// calendarWords are months and days, towns somewhere too ("in March").
var calendarWords = map[string]bool{"january": true, "february": true, "march": true, "april": true, "may": true,
	"june": true, "july": true, "august": true, "september": true, "october": true, "november": true, "december": true,
	"monday": true, "tuesday": true, "wednesday": true, "thursday": true, "friday": true, "saturday": true, "sunday": true}

// definedAcronyms finds the acronyms a text defines for names that are
// not places, "British Airways (BA)": BA is then the airline, not Buenos
// Aires. The acronym is two to seven capitals whose letters begin the
// words right before it; one defined for a gazetteer name ("United
// States (US)", "United Arab Emirates (UAE)") stays a place.
func (g *Gazetteer) definedAcronyms(text string) map[string]bool {
	out := map[string]bool{}
	for off := 0; ; {
		i := strings.Index(text[off:], "(")
		if i < 0 {
			break
		}
		open := off + i
		off = open + 1
		close := strings.IndexByte(text[open:], ')')
		if close < 0 || close > 8 {
			continue
		}
		acr := text[open+1 : open+close]
		if len(acr) < 2 || strings.ToUpper(acr) != acr || strings.ToLower(acr) == acr || strings.ContainsAny(acr, " .") {
			continue
		}
		words := strings.Fields(text[max(0, open-80):open])
		n := len(acr)
		if len(words) < n {
			continue
		}
		match := true
		for k, w := range words[len(words)-n:] {
			if w == "" || w[0] != acr[k] {
				match = false
				break
			}
		}
		if match {
			long := strings.Join(words[len(words)-n:], " ")
			if f := toponym.Fold(trimName(long)); f == "" || len(g.lookupKey(f, nil)) == 0 {
				out[acr] = true
			}
		}
	}
	return out
}

// spottableInName reports whether a city or division found at the start
// of an organisation's name ("Dublin City Council") is safe to keep: its
// own name, a town of 1,000 people or more or a division, not a month
// and not a word of a person's name in the text. The caller also asks
// that the entity layer names the same place elsewhere in the text
// (Chapman University is not Chapman, Kansas).
func (g *Gazetteer) spottableInName(id int32, name string, personWords map[string]bool) bool {
	e := &g.entries[id]
	if e.Kind != KindCity && e.Kind != KindAdmin1 || toponym.Fold(name) != toponym.Fold(e.Name) || personWords[name] || calendarWords[toponym.Fold(name)] {
		return false
	}
	return e.Kind == KindAdmin1 || e.Population >= 1000
}

// sameAsElsewhere reports whether the entity layer found the same name,
// read as the same place, elsewhere in the text: one name, one place,
// throughout a text.
func sameAsElsewhere(docNames map[string]int32, name string, entry int32) bool {
	id, ok := docNames[name]
	return ok && id == entry
}

// loneAbbreviations begin a name and name nothing alone: "St." of "St.
// Patrick's Day" or "Main St." cut off by the entity layer.
var loneAbbreviations = map[string]bool{"St.": true, "St": true, "Mt.": true, "Ft.": true, "Pt.": true, "Ste.": true}

// streetWords end the name of a street.
var streetWords = []string{"Street", "Avenue", "Drive", "Road", "Boulevard", "Lane", "Parkway", "Pike", "Turnpike"}

// streetAfter returns " Drive" when rest begins with a street word after
// one space, "" otherwise.
func streetAfter(rest string) string {
	if !strings.HasPrefix(rest, " ") {
		return ""
	}
	for _, w := range streetWords {
		if strings.HasPrefix(rest[1:], w) && (len(rest) == len(w)+1 || !isLetter(rest[len(w)+1])) {
			return " " + w
		}
	}
	return ""
}

func isLetter(b byte) bool { return b >= 'a' && b <= 'z' || b >= 'A' && b <= 'Z' }
