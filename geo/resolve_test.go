package geo

import (
	"context"
	"math"
	"strings"
	"testing"

	"github.com/faultline-news/faultline"
)

// toponymsOf marks every occurrence of each name in text.
func toponymsOf(text string, names ...string) []Toponym {
	var out []Toponym
	for _, n := range names {
		for off := 0; ; {
			i := strings.Index(text[off:], n)
			if i < 0 {
				break
			}
			out = append(out, Toponym{Start: off + i, End: off + i + len(n), Type: faultline.EntityGPE})
			off += i + len(n)
		}
	}
	return out
}

func TestResolveAll(t *testing.T) {
	g, err := Load()
	if err != nil {
		t.Fatal(err)
	}
	cases := []struct {
		name     string
		text     string
		names    []string
		target   string // which name to check
		kind     string
		country  string
		lat, lon float64 // 0,0: not checked
		demonym  bool
	}{
		{"country over town", "France and Germany signed the deal.", []string{"France", "Germany"}, "France", KindCountry, "FR", 0, 0, false},
		{"USA", "The U.S. said it would respond.", []string{"U.S."}, "U.S.", KindCountry, "US", 0, 0, false},
		{"Mosul", "Fighting in Mosul continued.", []string{"Mosul"}, "Mosul", KindCity, "IQ", 36.34, 43.12, false},
		{"transliteration", "Forces reached Al Qayyārah at dawn.", []string{"Al Qayyārah"}, "Al Qayyārah", KindCity, "IQ", 35.8, 43.29, false},
		{"article stripped", "Forces reached al-Qayyarah at dawn.", []string{"al-Qayyarah"}, "al-Qayyarah", KindCity, "IQ", 35.8, 43.29, false},
		{"containment by province", "Clashes in Nineveh province.", []string{"Nineveh"}, "Nineveh", KindAdmin1, "IQ", 0, 0, false},
		{"comma state abbreviation", "He lives in Alexandria, La., near the river.", []string{"Alexandria"}, "Alexandria", KindCity, "US", 31.31, -92.45, false},
		{"local context", "Police in Shreveport and Mansfield arrested two men from DeSoto Parish.", []string{"Shreveport", "Mansfield", "DeSoto Parish"}, "Mansfield", KindCity, "US", 32.04, -93.70, false},
		{"capital over division", "Talks in Tehran ended.", []string{"Tehran"}, "Tehran", KindCity, "IR", 35.69, 51.42, false},
		{"Washington the capital", "Officials in Washington said so.", []string{"Washington"}, "Washington", KindCity, "US", 38.9, -77.04, false},
		{"demonym", "Iraqi forces advanced.", []string{"Iraqi"}, "Iraqi", "", "IQ", 0, 0, true},
		{"county", "A fire in Rapides Parish.", []string{"Rapides Parish"}, "Rapides Parish", KindAdmin2, "US", 31.2, -92.5, false},
		{"Kansas City", "Kansas City voters went to the polls.", []string{"Kansas City"}, "Kansas City", KindCity, "US", 39.1, -94.6, false},
		{"continent", "Across Europe prices rose.", []string{"Europe"}, "Europe", KindRegion, "", 0, 0, false},
		{"a country the text names", "Envoys from Washington, Paris, London, Berlin and Rome met Palestine officials on Gaza.", []string{"Gaza", "Palestine", "Washington", "Paris", "London", "Berlin", "Rome"}, "Gaza", KindCity, "PS", 31.5, 34.47, false},
		{"demonym of a division", "Ontarians voted on Monday.", []string{"Ontarians"}, "Ontarians", "", "CA", 50, -86, true},
		{"demonym of a continent", "European ministers met.", []string{"European"}, "European", "", "", 48.7, 9.1, true},
		{"no division of an unnamed country", "Aid reached Gaza after Israel and Egypt opened the crossings.", []string{"Gaza", "Israel", "Egypt"}, "Gaza", KindCity, "PS", 31.5, 34.47, false},
		{"abbreviated first word", "Traffic slowed in Ft. Worth on Friday.", []string{"Ft. Worth"}, "Ft. Worth", KindCity, "US", 32.75, -97.32, false},
		{"province abbreviation", "He moved to Victoria, B.C., last year.", []string{"B.C."}, "B.C.", KindAdmin1, "CA", 0, 0, false},
		{"state abbreviation before its dot", "She grew up in Fresno, Calif. Then she left.", []string{"Calif"}, "Calif", KindAdmin1, "US", 0, 0, false},
		{"a nation of the UK over a village", "Crime fell in England and Wales last year.", []string{"England", "Wales"}, "Wales", KindAdmin1, "GB", 52.3, -3.7, false},
		{"nation demonym", "Police in the English town of Salisbury closed a park.", []string{"English", "Salisbury"}, "English", "", "GB", 0, 0, true},
		{"nation demonym as context", "Police in the English town of Salisbury closed a park.", []string{"English", "Salisbury"}, "Salisbury", KindCity, "GB", 51.07, -1.8, false},
		{"focus in the country most names are in", "Fans of Liverpool watched in Cairo. Liverpool won; Liverpool fans in New Cairo and across Egypt cheered at the Nagrig cafe.", []string{"Liverpool", "Cairo", "New Cairo", "Egypt", "Nagrig"}, "Nagrig", KindRegion, "EG", 0, 0, false},
		{"New York the state by default", "Taxes rose in New York last year.", []string{"New York"}, "New York", KindAdmin1, "US", 0, 0, false},
		{"New York dateline", "NEW YORK (AP) — Shares fell on Monday.", []string{"NEW YORK"}, "NEW YORK", KindCity, "US", 40.71, -74.01, false},
		{"New York with a borough", "Rents in New York keep rising, most of all in Brooklyn.", []string{"New York"}, "New York", KindCity, "US", 40.71, -74.01, false},
		{"Washington the state among states", "Tech firms leave California or Washington for cheaper places.", []string{"California", "Washington"}, "Washington", KindAdmin1, "US", 47.26, -120.59, false},
		{"Washington the state by its abbreviation", "TACOMA, Wash. — Crews returned home to Washington on Friday.", []string{"Washington"}, "Washington", KindAdmin1, "US", 47.26, -120.59, false},
		{"Washington, D.C. is the city", "Trips to Oregon, Washington, D.C. and Maine.", []string{"Oregon", "Washington", "D.C.", "Maine"}, "Washington", KindCity, "US", 38.9, -77.04, false},
		{"initials of a country the text names", "Trinidad and Tobago said the T&T mission would object.", []string{"Trinidad and Tobago", "T&T"}, "T&T", KindCountry, "TT", 0, 0, false},
		{"initials of a demonym's country", "South Africans say SA holds the reserves.", []string{"South Africans", "SA"}, "SA", KindCountry, "ZA", 0, 0, false},
		{"containing state before an unpunctuated sentence", "A rally in Parkland, Florida The organisers left.", []string{"Parkland"}, "Parkland", KindCity, "US", 26.31, -80.24, false},
		{"the Gulf beside its shores", "Tankers left the Gulf after Qatar and Oman closed ports.", []string{"Gulf", "Qatar", "Oman"}, "Gulf", KindRegion, "", 27, 51, false},
		{"the Gulf beside Texas", "Rigs in the Gulf shut as the storm neared Texas.", []string{"Gulf", "Texas"}, "Gulf", KindRegion, "", 25, -90, false},
		{"county and its seat agree", "Huntsville asked the Walker County commissioners to pay for the road.", []string{"Huntsville", "Walker County"}, "Huntsville", KindCity, "US", 30.72, -95.55, false},
	}
	// GeoNames ids of countries, divisions and continents (the demonym
	// carries its country's).
	wantID := map[string]int{"France": 3017382, "U.S.": 6252001, "Mosul": 99072, "Nineveh": 92877, "Iraqi": 99237,
		"Europe": 6255148, "Tehran": 112931, "European": 6255148}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			tops := toponymsOf(c.text, c.names...)
			rs := g.ResolveAll(c.text, tops)
			for i, tp := range tops {
				if c.text[tp.Start:tp.End] != c.target {
					continue
				}
				r := rs[i]
				if r.Demonym != c.demonym || r.Country != c.country || !c.demonym && r.Kind != c.kind {
					t.Errorf("%q: got kind %q country %q demonym %v (%+v); want kind %q country %q demonym %v", c.target, r.Kind, r.Country, r.Demonym, r, c.kind, c.country, c.demonym)
				}
				if id, ok := wantID[c.target]; ok && r.GeonamesID != id {
					t.Errorf("%q: GeoNames id %d, want %d", c.target, r.GeonamesID, id)
				}
				if c.lat != 0 || c.lon != 0 {
					if d := Distance(r.Lat, r.Lon, c.lat, c.lon); d > 30 {
						t.Errorf("%q: at %.3f,%.3f, %.0f km from %.2f,%.2f", c.target, r.Lat, r.Lon, d, c.lat, c.lon)
					}
				}
				return
			}
			t.Fatalf("target %q not among the toponyms", c.target)
		})
	}
}

func TestDestination(t *testing.T) {
	lat, lon := Destination(36.335, 43.119, 180, 64)
	if d := Distance(36.335, 43.119, lat, lon); math.Abs(d-64) > 0.1 {
		t.Errorf("Destination 64 km south is %.3f km away", d)
	}
	if lon != 43.119 && math.Abs(lon-43.119) > 1e-9 {
		t.Errorf("due south changed longitude to %v", lon)
	}
	lat2, lon2 := Destination(0, 179.9, 90, 50)
	if lon2 > -179 || lon2 < -180 || math.Abs(lat2) > 1e-9 {
		t.Errorf("east across the antimeridian: %v,%v", lat2, lon2)
	}
}

func TestStageRelativeAndMetonymy(t *testing.T) {
	g, err := Load()
	if err != nil {
		t.Fatal(err)
	}
	text := "Troops massed 30 km north of Kirkuk. Later they moved west of the city. Tehran warned the United States, and the White House said talks continue in Washington."
	doc := &faultline.Document{ID: "t", Text: text}
	for i, n := range []string{"Kirkuk", "Tehran", "United States", "White House", "Washington"} {
		at := strings.Index(text, n)
		typ := faultline.EntityGPE
		if n == "White House" {
			typ = faultline.EntityOrg
		}
		doc.Entities = append(doc.Entities, faultline.Entity{ID: "E" + string(rune('1'+i)), Name: n, Type: typ,
			Mentions: []faultline.Mention{{Start: at, End: at + len(n), Text: n}}})
	}
	if err := NewStage(g).Process(context.Background(), doc); err != nil {
		t.Fatal(err)
	}
	var kirkuk, north, west *faultline.Place
	for i := range doc.Places {
		p := &doc.Places[i]
		for _, m := range p.Mentions {
			if text[m.Start:m.End] != m.Text {
				t.Errorf("place %s mention %q does not match the text", p.ID, m.Text)
			}
		}
		switch {
		case p.Name == "Kirkuk":
			kirkuk = p
		case p.Kind == KindRelative && strings.HasPrefix(p.Name, "30 km north"):
			north = p
		case p.Kind == KindRelative && p.Name == "west of the city":
			west = p
		}
	}
	if kirkuk == nil || north == nil || west == nil {
		t.Fatalf("missing places: %+v", doc.Places)
	}
	if d := Distance(kirkuk.Lat, kirkuk.Lon, north.Lat, north.Lon); math.Abs(d-30) > 1 || north.Lat <= kirkuk.Lat {
		t.Errorf("30 km north of Kirkuk placed %.1f km away at %.3f,%.3f", d, north.Lat, north.Lon)
	}
	if a, ok := Anchor(doc, *west); !ok || a.Name != "Kirkuk" {
		t.Errorf("anchor of %q = %q, %v", west.Name, a.Name, ok)
	}
	if west.Lon >= kirkuk.Lon {
		t.Errorf("west of the city at lon %.3f, Kirkuk at %.3f", west.Lon, kirkuk.Lon)
	}
	gov := map[string]bool{}
	for _, p := range doc.Places {
		for _, m := range p.Mentions {
			gov[m.Text] = g.ActsAsGovernment(text, p, m)
		}
	}
	want := map[string]bool{"Tehran": true, "White House": true, "Washington": false, "Kirkuk": false}
	for name, w := range want {
		if got, ok := gov[name]; !ok || got != w {
			t.Errorf("ActsAsGovernment(%q) = %v (found %v), want %v", name, got, ok, w)
		}
	}
}

func FuzzStage(f *testing.F) {
	g, err := Load()
	if err != nil {
		f.Fatal(err)
	}
	f.Add("Qayyarah airfield 64 kilometers south of Mosul, Iraq.", 0, 8)
	f.Add("the western outskirts of Mosul", 28, 33)
	f.Add("Alexandria, La., 10 miles northwest of", 0, 10)
	f.Fuzz(func(t *testing.T, text string, start, end int) {
		doc := &faultline.Document{ID: "f", Text: text}
		if start >= 0 && end <= len(text) && start < end {
			doc.Entities = []faultline.Entity{{ID: "E1", Type: faultline.EntityGPE,
				Mentions: []faultline.Mention{{Start: start, End: end, Text: text[start:end]}}}}
		}
		// Tokens: whitespace-separated words, for the gazetteer spotting.
		for i := 0; i < len(text); {
			for i < len(text) && text[i] == ' ' {
				i++
			}
			j := i
			for j < len(text) && text[j] != ' ' {
				j++
			}
			if j > i {
				doc.Tokens = append(doc.Tokens, faultline.Token{Start: i, End: j})
			}
			i = j
		}
		if err := NewStage(g).Process(context.Background(), doc); err != nil {
			return
		}
		for _, p := range doc.Places {
			for _, m := range p.Mentions {
				if m.Start < 0 || m.End > len(text) || m.Start > m.End || text[m.Start:m.End] != m.Text {
					t.Fatalf("bad mention %+v in %q", m, text)
				}
			}
			if math.IsNaN(p.Lat) || math.IsNaN(p.Lon) || p.Lat < -90 || p.Lat > 90 || p.Lon < -180 || p.Lon > 180 {
				t.Fatalf("bad position %v,%v", p.Lat, p.Lon)
			}
		}
	})
}

func BenchmarkResolveAll(b *testing.B) {
	g, err := Load()
	if err != nil {
		b.Fatal(err)
	}
	text := "Police in Shreveport and Mansfield arrested two men from DeSoto Parish. Officials in Washington and Tehran spoke about Mosul, Iraq and Syria. Alexandria, La., and Paris were mentioned, as were London and Springfield."
	tops := toponymsOf(text, "Shreveport", "Mansfield", "DeSoto Parish", "Washington", "Tehran", "Mosul", "Iraq", "Syria", "Alexandria", "Paris", "London", "Springfield")
	b.ResetTimer()
	for b.Loop() {
		g.ResolveAll(text, tops)
	}
	b.ReportMetric(float64(len(tops)*b.N)/b.Elapsed().Seconds(), "toponyms/s")
}
