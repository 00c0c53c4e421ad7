package geo_test

import (
	"context"
	"os"
	"path/filepath"
	"strconv"
	"strings"
	"testing"

	"github.com/faultline-news/faultline"
	"github.com/faultline-news/faultline/geo"
	nermodel "github.com/faultline-news/faultline/model/ner"
	"github.com/faultline-news/faultline/ner"
	"github.com/faultline-news/faultline/segment"
)

func sharedFile(t testing.TB, rel string) string {
	dir, _ := os.Getwd()
	for {
		p := filepath.Join(dir, "shared", rel)
		if _, err := os.Stat(p); err == nil {
			return p
		}
		parent := filepath.Dir(dir)
		if parent == dir {
			t.Skipf("shared/%s not found above the package directory; clone the repo with shared/ beside it", rel)
		}
		dir = parent
	}
}

// checkSpans verifies every place mention against the text.
func checkSpans(t *testing.T, doc *faultline.Document) {
	t.Helper()
	for i, p := range doc.Places {
		if p.ID != "P"+itoa(i+1) {
			t.Errorf("place %d has id %s", i, p.ID)
		}
		for _, m := range p.Mentions {
			if m.Start < 0 || m.End > len(doc.Text) || m.Start >= m.End || doc.Text[m.Start:m.End] != m.Text {
				t.Errorf("place %s mention %d..%d %q does not match the text", p.ID, m.Start, m.End, m.Text)
			}
		}
	}
	for _, e := range doc.Entities {
		if e.Place == nil {
			continue
		}
		found := false
		for _, p := range doc.Places {
			if p.ID == *e.Place {
				found = true
			}
		}
		if !found {
			t.Errorf("entity %s points to missing place %s", e.ID, *e.Place)
		}
	}
}

func itoa(i int) string { return strconv.Itoa(i) }

func runPipeline(t *testing.T, text string) *faultline.Document {
	t.Helper()
	m, err := nermodel.Load()
	if err != nil {
		t.Fatal(err)
	}
	doc := &faultline.Document{ID: "test", Text: text}
	doc.Sentences, doc.Tokens = segment.Segment(text)
	if err := ner.NewStage(m).Process(context.Background(), doc); err != nil {
		t.Fatal(err)
	}
	runGeo(t, doc)
	return doc
}

func TestSample(t *testing.T) {
	b, err := os.ReadFile(sharedFile(t, "samples/000_e9c81a236e9288db.txt"))
	if err != nil {
		t.Fatal(err)
	}
	doc := runPipeline(t, string(b))
	for _, p := range doc.Places {
		t.Logf("%s %-40q %-8s %s %q %.3f,%.3f gn=%d conf=%.2f mentions=%d", p.ID, p.Name, p.Kind, p.Country, p.Admin1, p.Lat, p.Lon, p.GeonamesID, p.Confidence, len(p.Mentions))
	}
	find := func(name string) *faultline.Place {
		for i := range doc.Places {
			if doc.Places[i].Name == name {
				return &doc.Places[i]
			}
		}
		return nil
	}
	near := func(name string, lat, lon, km float64) {
		p := find(name)
		if p == nil {
			t.Errorf("no place named %q", name)
			return
		}
		if d := geo.Distance(p.Lat, p.Lon, lat, lon); d > km {
			t.Errorf("%s at %.3f,%.3f is %.0f km from %.2f,%.2f", name, p.Lat, p.Lon, d, lat, lon)
		}
	}
	near("Mosul", 36.34, 43.12, 5)
	near("Iraq", 33, 44, 200)
	near("Syria", 35, 38, 200)
	near("Iran", 32, 53, 300)
	near("Washington", 38.9, -77.04, 20)
	// Qayyarah itself, and the airfield ~64 km south of Mosul.
	q := false
	rel := false
	for _, p := range doc.Places {
		if strings.Contains(p.Name, "Qayyar") && p.Kind != geo.KindRelative && geo.Distance(p.Lat, p.Lon, 35.8, 43.1) < 30 {
			q = true
		}
		if p.Kind == geo.KindRelative && strings.Contains(p.Name, "64 kilometers south of Mosul") {
			rel = true
			if d := geo.Distance(p.Lat, p.Lon, 36.335, 43.119); d < 60 || d > 68 {
				t.Errorf("relative place %q is %.1f km from Mosul, want ~64", p.Name, d)
			}
			if a, ok := geo.Anchor(doc, p); !ok || a.Name != "Mosul" {
				t.Errorf("relative place %q anchor = %q, %v; want Mosul", p.Name, a.Name, ok)
			}
		}
	}
	if !q {
		t.Error("Qayyarah not placed near 35.8, 43.1")
	}
	// A militia the gazetteer does not know, named beside Mosul, is placed
	// at the text's focus in Iraq, not in Washington (the text names the
	// U.S. in several spellings and many gazetteer-only words are towns in
	// the US).
	if p := find("Saraya Ashura"); p != nil && p.Country != "IQ" {
		t.Errorf("Saraya Ashura placed in %s, want IQ (the text's focus)", p.Country)
	}
	if !rel {
		t.Error("no relative place for 'Qayyarah airfield 64 kilometers south of Mosul'")
	}
	for _, e := range doc.Entities {
		switch e.Name {
		case "Iraqi", "Iranian":
			if e.Place != nil {
				t.Errorf("demonym %q got place %s", e.Name, *e.Place)
			}
			want := map[string]string{"Iraqi": "IRQ", "Iranian": "IRN"}[e.Name]
			if e.Actor == nil || e.Actor.Country != want {
				t.Errorf("demonym %q (%s): actor %+v, want country %s", e.Name, e.Type, e.Actor, want)
			}
		}
	}
}

// TestSpottedDivisionNeedsItsCountry checks that a capitalised word that
// names a first-level division somewhere ("Flores") is not made a place
// of a text about another country, while a division of the text's
// country found outside the entity layer is.
func TestSpottedDivisionNeedsItsCountry(t *testing.T) {
	text := "Planners in Austin met Michael Flores, and said Ohio and Texas would share the cost."
	doc := &faultline.Document{ID: "d", Text: text}
	doc.Sentences, doc.Tokens = segment.Segment(text)
	at := strings.Index(text, "Austin")
	doc.Entities = []faultline.Entity{{ID: "E1", Name: "Austin", Type: faultline.EntityGPE,
		Mentions: []faultline.Mention{{Start: at, End: at + len("Austin"), Text: "Austin"}}}}
	runGeo(t, doc)
	found := placeReadings(doc)
	for m, k := range found {
		if m != "Austin" && m != "Ohio" && m != "Texas" {
			t.Errorf("%s became a place (%s)", m, k)
		}
	}
	if found["Ohio"] != "admin1 US" {
		t.Errorf("Ohio = %q, want admin1 US", found["Ohio"])
	}
}

// TestPersonWordIsNotAPlace checks that a one-word place mention that is
// a word of a person's name in the same text (a recognizer error) gets no
// place, while a real place named the same way as a person keeps one.
func TestPersonWordIsNotAPlace(t *testing.T) {
	text := "Governor Adaeze Okonkwo spoke in Abuja. Okonkwo said Lincoln Ames would visit Lincoln soon."
	ment := func(s string, from int) faultline.Mention {
		i := strings.Index(text[from:], s) + from
		return faultline.Mention{Start: i, End: i + len(s), Text: s}
	}
	doc := &faultline.Document{ID: "d", Text: text, Entities: []faultline.Entity{
		{ID: "E1", Name: "Adaeze Okonkwo", Type: faultline.EntityPerson, Mentions: []faultline.Mention{ment("Adaeze Okonkwo", 0)}},
		{ID: "E2", Name: "Abuja", Type: faultline.EntityGPE, Mentions: []faultline.Mention{ment("Abuja", 0)}},
		{ID: "E3", Name: "Okonkwo", Type: faultline.EntityGPE, Mentions: []faultline.Mention{ment("Okonkwo", 40)}},
		{ID: "E4", Name: "Lincoln Ames", Type: faultline.EntityPerson, Mentions: []faultline.Mention{ment("Lincoln Ames", 0)}},
		{ID: "E5", Name: "Lincoln", Type: faultline.EntityGPE, Mentions: []faultline.Mention{ment("Lincoln", 70)}},
	}}
	runGeo(t, doc)
	placed := map[string]bool{}
	for _, p := range doc.Places {
		for _, m := range p.Mentions {
			placed[m.Text] = true
		}
	}
	if placed["Okonkwo"] || doc.Entities[2].Place != nil {
		t.Errorf("Okonkwo, a word of a person's name, became a place")
	}
	if !placed["Abuja"] || !placed["Lincoln"] {
		t.Errorf("Abuja and Lincoln (a city of over 100,000) should be places: %v", placed)
	}
}

// TestSpotMissedNames checks the names the entity layer leaves out that
// the gazetteer and the context make safe: a name inside a hyphenated
// word ("Chicago-based"), a hyphenated name kept whole, and a smaller
// town after a preposition of place in a text about its country, but not
// a month after "in" nor a town of another country.
func TestSpotMissedNames(t *testing.T) {
	text := "A Chicago-based bakery opened a shop in Kenosha, Wisconsin in March. Its Miami-Dade branch closed. The owners also looked at Salisbury."
	doc := &faultline.Document{ID: "d", Text: text}
	doc.Sentences, doc.Tokens = segment.Segment(text)
	at := strings.Index(text, "Wisconsin")
	doc.Entities = []faultline.Entity{{ID: "E1", Name: "Wisconsin", Type: faultline.EntityGPE,
		Mentions: []faultline.Mention{{Start: at, End: at + len("Wisconsin"), Text: "Wisconsin"}}}}
	runGeo(t, doc)
	found := placeReadings(doc)
	for _, want := range []string{"Chicago", "Kenosha", "Wisconsin"} {
		if !strings.HasSuffix(found[want], " US") {
			t.Errorf("%s = %q, want a place in the US (found %v)", want, found[want], found)
		}
	}
	if _, ok := found["March"]; ok {
		t.Errorf("March became a place: %v", found)
	}
	if k, ok := found["Salisbury"]; ok && !strings.HasSuffix(k, " US") {
		t.Errorf("Salisbury = %q, a town of a country the text does not name", k)
	}
}

// TestDefinedAcronymIsNotAPlace checks that an acronym the text defines
// for an organisation ("British Airways (BA)") is not read as a place,
// while one defined for a country stays one.
func TestDefinedAcronymIsNotAPlace(t *testing.T) {
	text := "Officials met British Airways (BA) in the United Arab Emirates (UAE). BA will fly to the UAE."
	doc := &faultline.Document{ID: "d", Text: text}
	doc.Sentences, doc.Tokens = segment.Segment(text)
	var ents []faultline.Entity
	for i, name := range []string{"BA", "UAE"} {
		var ms []faultline.Mention
		for off := 0; ; {
			j := strings.Index(text[off:], name)
			if j < 0 {
				break
			}
			ms = append(ms, faultline.Mention{Start: off + j, End: off + j + len(name), Text: name})
			off += j + len(name)
		}
		ents = append(ents, faultline.Entity{ID: "E" + string(rune('1'+i)), Name: name, Type: faultline.EntityGPE, Mentions: ms})
	}
	doc.Entities = ents
	runGeo(t, doc)
	if doc.Entities[0].Place != nil {
		t.Errorf("BA, defined as British Airways, became a place")
	}
	if doc.Entities[1].Place == nil {
		t.Errorf("UAE, defined as the United Arab Emirates, lost its place")
	}
}

// TestSameNameSamePlace checks that a town the entity layer found once is
// a place again where it begins an organisation's name ("Kenosha City
// Council") or stands where the entity layer missed it, while a town
// name at the start of an organisation the text never names as a place
// ("Chapman University") is not.
func TestSameNameSamePlace(t *testing.T) {
	text := "Kenosha City Council met on Monday. Voters in Kenosha, Wisconsin were told the Chapman University study was late. Kenosha residents came."
	doc := &faultline.Document{ID: "d", Text: text}
	doc.Sentences, doc.Tokens = segment.Segment(text)
	ment := func(s string, from int) faultline.Mention {
		i := strings.Index(text[from:], s) + from
		return faultline.Mention{Start: i, End: i + len(s), Text: s}
	}
	second := strings.Index(text, "Voters")
	doc.Entities = []faultline.Entity{
		{ID: "E1", Name: "Kenosha City Council", Type: faultline.EntityOrg, Mentions: []faultline.Mention{ment("Kenosha City Council", 0)}},
		{ID: "E2", Name: "Kenosha", Type: faultline.EntityGPE, Mentions: []faultline.Mention{ment("Kenosha", second)}},
		{ID: "E3", Name: "Wisconsin", Type: faultline.EntityGPE, Mentions: []faultline.Mention{ment("Wisconsin", 0)}},
		{ID: "E4", Name: "Chapman University", Type: faultline.EntityOrg, Mentions: []faultline.Mention{ment("Chapman University", 0)}},
	}
	runGeo(t, doc)
	starts := map[int]string{}
	for _, p := range doc.Places {
		for _, m := range p.Mentions {
			starts[m.Start] = m.Text
		}
	}
	last := strings.LastIndex(text, "Kenosha")
	if starts[0] != "Kenosha" || starts[last] != "Kenosha" {
		t.Errorf("Kenosha at the council's name and at the last sentence should be places: %v", starts)
	}
	if m, ok := starts[strings.Index(text, "Chapman")]; ok {
		t.Errorf("%q of Chapman University became a place", m)
	}
}

// TestStateAbbreviationKeepsItsDot checks that a state abbreviation after
// a place keeps its closing dot, which the tokenizer reads as a full stop
// ("CHARLESTON, W.Va. --").
func TestStateAbbreviationKeepsItsDot(t *testing.T) {
	text := "HUNTINGTON, W.Va. -- A bridge closed on Monday."
	doc := &faultline.Document{ID: "d", Text: text}
	doc.Sentences, doc.Tokens = segment.Segment(text)
	runGeo(t, doc)
	for _, p := range doc.Places {
		for _, m := range p.Mentions {
			if strings.HasPrefix(m.Text, "W.") && m.Text != "W.Va." {
				t.Errorf("state mention %q, want W.Va.", m.Text)
			}
			if m.Text == "W.Va." && (p.Kind != geo.KindAdmin1 || p.Admin1 != "West Virginia") {
				t.Errorf("W.Va. read as %s %q", p.Kind, p.Admin1)
			}
		}
	}
}

// TestStreetAfterAPlaceName checks that a place name the entity layer cut
// before a street word ("Washington" of "Washington Drive") becomes the
// street, not the city.
func TestStreetAfterAPlaceName(t *testing.T) {
	text := "Crews in Tulsa, Oklahoma closed Washington Drive on Monday."
	doc := &faultline.Document{ID: "d", Text: text}
	doc.Sentences, doc.Tokens = segment.Segment(text)
	ment := func(s string) faultline.Mention {
		i := strings.Index(text, s)
		return faultline.Mention{Start: i, End: i + len(s), Text: s}
	}
	doc.Entities = []faultline.Entity{
		{ID: "E1", Name: "Tulsa", Type: faultline.EntityGPE, Mentions: []faultline.Mention{ment("Tulsa")}},
		{ID: "E2", Name: "Oklahoma", Type: faultline.EntityGPE, Mentions: []faultline.Mention{ment("Oklahoma")}},
		{ID: "E3", Name: "Washington", Type: faultline.EntityGPE, Mentions: []faultline.Mention{ment("Washington")}},
	}
	runGeo(t, doc)
	for _, p := range doc.Places {
		for _, m := range p.Mentions {
			if strings.HasPrefix(m.Text, "Washington") && (m.Text != "Washington Drive" || p.Kind == geo.KindCity || p.Country != "US") {
				t.Errorf("%q read as %s %s %q", m.Text, p.Kind, p.Country, p.Name)
			}
		}
	}
}

// runGeo runs the geo stage over doc and checks every span it wrote.
func runGeo(t *testing.T, doc *faultline.Document) {
	t.Helper()
	g, err := geo.Load()
	if err != nil {
		t.Fatal(err)
	}
	if err := geo.NewStage(g).Process(context.Background(), doc); err != nil {
		t.Fatal(err)
	}
	checkSpans(t, doc)
}

// placeReadings maps each place mention's text to its place's kind and
// country ("city US").
func placeReadings(doc *faultline.Document) map[string]string {
	found := map[string]string{}
	for _, p := range doc.Places {
		for _, m := range p.Mentions {
			found[m.Text] = p.Kind + " " + p.Country
		}
	}
	return found
}
