package lexicon

import (
	"context"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"golang.org/x/text/language"

	"github.com/faultline-news/faultline/lexicon/petrarch"
)

func TestCountriesCoverISO(t *testing.T) {
	cs := Countries()
	if len(cs) < 249 {
		t.Errorf("%d countries, want at least 249", len(cs))
	}
	seen := map[string]bool{}
	for _, c := range cs {
		if seen[c.ISO3] {
			t.Errorf("duplicate %s", c.ISO3)
		}
		seen[c.ISO3] = true
		if (len(c.CAMEO) != 3 && len(c.CAMEO) != 6) || c.Name == "" {
			t.Errorf("incomplete %+v", c)
		}
		if c.ISO3 == "XKX" {
			continue
		}
		r, err := language.ParseRegion(c.ISO3)
		if err != nil || r.ISO3() != c.ISO3 || !r.IsCountry() {
			t.Errorf("%s (%s) is not an ISO 3166-1 alpha-3 country code: %v", c.ISO3, c.Name, err)
		}
	}
	// Every ISO country known to x/text is in the table.
	for a := 'A'; a <= 'Z'; a++ {
		for b := 'A'; b <= 'Z'; b++ {
			r, err := language.ParseRegion(string([]rune{a, b}))
			if err != nil || !r.IsCountry() || r.ISO3() == "ZZZ" || r.Canonicalize() != r || strings.HasPrefix(r.String(), "X") {
				continue
			}
			switch r.String() {
			case "AC", "CP", "DG", "EA", "IC", "TA", "AN", "CT", "DY", "FX", "HV", "JT", "MI", "NH", "NQ", "NT", "PC", "PU", "PZ", "RH", "VD", "WK", "YD", "CS", "DD", "SU", "YU", "ZR", "BU", "TP":
				continue // exceptionally reserved or withdrawn codes
			}
			if !seen[r.ISO3()] {
				t.Errorf("ISO country %s (%s) missing", r, r.ISO3())
			}
		}
	}
}

func TestCountryLookups(t *testing.T) {
	tests := []struct{ name, cameo string }{
		{"Iraq", "IRQ"}, {"iraqi", "IRQ"}, {"Iraqis", "IRQ"}, {"Iranian", "IRN"}, {"Tehran", "IRN"},
		{"U.S.", "USA"}, {"America", "USA"}, {"Americans", "USA"}, {"United  States", "USA"},
		{"Britain", "GBR"}, {"East Timor", "TMP"}, {"Kosovo", "KSV"}, {"Congolese", "COD"},
		{"Côte d’Ivoire", "CIV"}, {"Romania", "ROU"}, {"Burma", "MMR"}, {"Kyiv", "UKR"},
	}
	for _, tt := range tests {
		c, ok := CountryByName(tt.name)
		if !ok || c.CAMEO != tt.cameo {
			t.Errorf("CountryByName(%q) = %s %v, want %s", tt.name, c.CAMEO, ok, tt.cameo)
		}
	}
	if c, ok := CountryByCode("tls"); !ok || c.CAMEO != "TMP" {
		t.Errorf("CountryByCode(tls) = %+v", c)
	}
	if c, ok := CountryByCode("KSV"); !ok || c.ISO3 != "XKX" {
		t.Errorf("CountryByCode(KSV) = %+v", c)
	}
	if _, ok := CountryByName("Atlantis"); ok {
		t.Error("Atlantis found")
	}
}

func TestDictionariesMatch(t *testing.T) {
	d := Dictionaries()
	tests := []struct {
		text, code, kind string
		n                int
	}{
		{"US forces", "USA", KindCountry, 1},
		{"the U.S. military", "", "", 0}, // starts at "the"
		{"U.S. military", "USA", KindCountry, 1},
		{"told us nothing", "", "", 0},
		{"Iraqi forces", "IRQ", KindDemonym, 1},
		{"Tehran said", "IRN", KindCapital, 1},
		{"the United States of America", "", "", 0},
		{"United States of America", "USA", KindCountry, 4},
		{"Islamic State militants", "IMGMUSISI", KindOrganisation, 2},
		{"IS fighters", "IMGMUSISI", KindOrganisation, 1},
		{"is fighting", "", "", 0},
		{"Human Rights Watch warned", "NGOHRI", KindOrganisation, 3},
		{"NATO allies", "IGOWSTNAT", KindOrganisation, 1},
		{"UN Security Council", "IGOUNO", KindOrganisation, 3},
		{"WHO said", "IGOUNOHLHWHO", KindOrganisation, 1},
		{"who said", "", "", 0},
		{"PMF leaders", "IRQUAF", KindOrganisation, 1},
		{"Popular Mobilization Forces", "IRQUAF", KindOrganisation, 3},
		{"Shi’ite", "", "", 0},
		{"New Mexico governor", "USA", KindCountry, 2},
		{"South Sudan", "SSD", KindCountry, 2},
		{"Korean", "KOR", KindDemonym, 1},
		{"North Koreans", "PRK", KindDemonym, 2},
	}
	for _, tt := range tests {
		m, ok := d.Actors.Match(strings.Fields(tt.text), 0)
		if tt.n == 0 {
			if ok {
				t.Errorf("%q: unexpected %+v", tt.text, m.Actor)
			}
			continue
		}
		if !ok || m.Length != tt.n {
			t.Errorf("%q: match %v length %d, want %d", tt.text, ok, m.Length, tt.n)
			continue
		}
		code, _ := m.Actor.CodeAt(20170323)
		if code != tt.code || m.Actor.Kind != tt.kind {
			t.Errorf("%q: %s %s, want %s %s", tt.text, code, m.Actor.Kind, tt.code, tt.kind)
		}
	}
}

func TestRoles(t *testing.T) {
	d := Dictionaries()
	tests := map[string]string{
		"president": "GOV", "prime minister": "GOV", "Prime Ministers": "GOV", "minister": "GOV", "spokesman": "GOV", "spokesmen": "GOV",
		"army": "MIL", "troops": "MIL", "soldiers": "MIL", "forces": "MIL", "militia": "UAF", "militias": "UAF", "militants": "UAF",
		"police": "COP", "policemen": "COP", "rebels": "REB", "insurgents": "REB", "opposition": "OPP", "parliament": "LEG",
		"lawmakers": "LEG", "court": "JUD", "judge": "JUD", "journalists": "MED", "media": "MED", "news agency": "MED",
		"NGO": "NGO", "aid group": "NGO", "human rights group": "HRI", "civilians": "CVL", "residents": "CVL", "families": "CVL",
		"business": "BUS", "company": "BUS", "companies": "BUS", "cleric": "REL", "church": "REL", "intelligence": "SPY",
	}
	for noun, code := range tests {
		a, ok := d.Agents.Lookup(noun)
		if !ok || a.Code != code {
			t.Errorf("role %q = %+v %v, want %s", noun, a, ok, code)
		}
	}
	if len(Roles()) < 150 {
		t.Errorf("%d roles", len(Roles()))
	}
}

// TestAgainstPhoenix checks our codes against the Phoenix dictionaries
// where both have the name (skipped without ../shared).
func TestAgainstPhoenix(t *testing.T) {
	dir := phoenixDir(t)
	ph, err := petrarch.Load(context.Background(), dir)
	if err != nil {
		t.Fatal(err)
	}
	// Known, deliberate differences: Phoenix typos (GBRIMY, FRNWLF), "Jersey"
	// as a synonym of the USA there, and Western Sahara coded MAR there.
	known := map[string]bool{"IMN": true, "JEY": true, "WLF": true, "ESH": true}
	checked, differ := 0, 0
	for _, c := range Countries() {
		a, ok := ph.Actors.Lookup(c.Name)
		if !ok {
			continue
		}
		code, ok := a.CodeAt(20170101)
		if !ok || len(code) < 3 {
			continue
		}
		checked++
		if !strings.HasPrefix(code, c.CAMEO) && !known[c.ISO3] {
			differ++
			t.Errorf("%s: Phoenix %s (%s:%d), ours %s", c.Name, code, a.File, a.Line, c.CAMEO)
		}
	}
	if checked < 200 || differ > 0 {
		t.Errorf("countries: %d checked against Phoenix, %d differ", checked, differ)
	}
	for _, o := range Organisations() {
		if o.OwnCode {
			continue
		}
		found := false
		for _, n := range o.Names {
			a, ok := ph.Actors.Lookup(n)
			if !ok {
				continue
			}
			if code, ok := a.CodeAt(20170101); ok {
				found = true
				if code != o.Code {
					t.Errorf("%s (%q): Phoenix %s, ours %s", o.Name, n, code, o.Code)
				}
				break
			}
		}
		if !found {
			t.Logf("%s: not in Phoenix under any of our names", o.Name)
		}
	}
	for _, r := range Roles() {
		if a, ok := ph.Agents.Lookup(r.Phrase); ok && a.Code != r.Code {
			t.Logf("role %q: Phoenix %s, ours %s", r.Phrase, a.Code, r.Code)
		}
	}
}

func TestLayers(t *testing.T) {
	user := petrarch.New()
	if err := user.Actors.Read(strings.NewReader("UNITED_STATES [USAGOV]\n"), "user.actors.txt"); err != nil {
		t.Fatal(err)
	}
	l := Default(user)
	toks := strings.Fields("United States and Iraq")
	m, ok := l.MatchActor(toks, 0)
	if code, _ := m.Actor.CodeAt(0); !ok || code != "USAGOV" {
		t.Errorf("user layer should win: %+v", m.Actor)
	}
	m, ok = l.MatchActor(toks, 3)
	if code, _ := m.Actor.CodeAt(0); !ok || code != "IRQ" {
		t.Errorf("fallback to ours: %+v", m.Actor)
	}
	if a, ok := l.LookupAgent("soldiers"); !ok || a.Code != "MIL" {
		t.Errorf("LookupAgent = %+v", a)
	}
	if len(Default(nil)) != 1 {
		t.Error("Default(nil)")
	}
}

func phoenixDir(t testing.TB) string {
	dir, err := os.Getwd()
	if err != nil {
		t.Fatal(err)
	}
	for {
		p := filepath.Join(dir, "..", "shared", "eval", "cameo")
		if st, err := os.Stat(p); err == nil && st.IsDir() {
			return p
		}
		parent := filepath.Dir(dir)
		if parent == dir {
			t.Skip("../shared/eval/cameo not found beside the repository")
		}
		dir = parent
	}
}

func BenchmarkMatchSentence(b *testing.B) {
	d := Dictionaries()
	toks := strings.Fields("Iraqi Prime Minister Haider al-Abadi met U.S. President Donald Trump at the White House on Monday , as Iraqi forces backed by the United States fought Islamic State militants in Mosul .")
	b.ReportAllocs()
	b.ResetTimer()
	for i := 0; i < b.N; i++ {
		for j := range toks {
			d.Actors.Match(toks, j)
			d.Agents.Match(toks, j)
		}
	}
}
