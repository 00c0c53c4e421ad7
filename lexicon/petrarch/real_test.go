package petrarch

import (
	"context"
	"os"
	"path/filepath"
	"strings"
	"sync"
	"testing"
)

// sharedDir finds ../shared/eval/cameo by walking up from the package.
func sharedDir(t testing.TB, sub string) string {
	t.Helper()
	dir, err := os.Getwd()
	if err != nil {
		t.Fatal(err)
	}
	for {
		p := filepath.Join(dir, "..", "shared", "eval", "cameo", sub)
		if st, err := os.Stat(p); err == nil && st.IsDir() {
			return p
		}
		parent := filepath.Dir(dir)
		if parent == dir {
			t.Skip("../shared/eval/cameo not found beside the repository; clone shared/ next to it to run the real-dictionary tests")
		}
		dir = parent
	}
}

var (
	phoenixOnce sync.Once
	phoenix     *Dictionaries
	phoenixErr  error
)

func loadPhoenix(t testing.TB) *Dictionaries {
	dir := sharedDir(t, "")
	phoenixOnce.Do(func() { phoenix, phoenixErr = Load(context.Background(), dir) })
	if phoenixErr != nil {
		t.Fatal(phoenixErr)
	}
	return phoenix
}

func TestRealPhoenixCounts(t *testing.T) {
	d := loadPhoenix(t)
	checks := []struct {
		what      string
		got, want int
	}{
		{"files", len(d.Files), 6},
		{"verb blocks", len(d.Verbs.Blocks), 397},
		{"verb lemmas", d.Verbs.Lemmas(), 1687},
		{"verb patterns", d.Verbs.Patterns(), 4665},
		{"synsets", len(d.Verbs.Synsets), 40},
		{"transformations", len(d.Verbs.Transformations), 8},
		{"actors", len(d.Actors.Actors), 27212},
		{"actor phrases", d.Actors.Phrases(), 34361},
		{"agents", len(d.Agents.Agents), 3301},
		{"agent phrases", d.Agents.Phrases(), 5110},
		{"discards", len(d.Discards.Discards), 506},
	}
	for _, c := range checks {
		if c.got != c.want {
			t.Errorf("%s: %d, want %d", c.what, c.got, c.want)
		}
	}
	st := d.Stats()
	t.Logf("Phoenix + CAMEO.2.0: %+v", st)
	if st.Verbs < st.VerbLemmas || st.Patterns != 4665 {
		t.Errorf("stats %+v", st)
	}
	if ps := d.Verbs.PatternsFor("rush"); len(ps) != 12 {
		t.Errorf("PatternsFor(rush) = %d patterns, want the 12 of ACCELERATE", len(ps))
	}
	if n := len(d.Warnings()); n > 25 {
		t.Errorf("%d warnings, expected at most 25 (the files have a few known bad lines)", n)
	}
	for name, kind := range map[string]Kind{"CAMEO.2.0.txt": VerbsKind, "Phoenix.agents.txt": AgentsKind, "Phoenix.MilNonState.actors.txt": ActorsKind} {
		if d.Files[name] != kind {
			t.Errorf("%s read as %v", name, d.Files[name])
		}
	}
}

func TestRealPhoenixActors(t *testing.T) {
	d := loadPhoenix(t)
	tests := []struct {
		text string
		day  Date
		code string // "" = no code that day
		n    int
	}{
		{"the United States said", 20170323, "", 3}, // "THE_UNITED_STATES" is itself an entry
		{"United States forces", 20170323, "USA", 2},
		{"U.S. forces", 20170323, "USA", 1},
		{"Americans", 0, "", 0},
		{"President Barack Obama said", 20100601, "USAGOV", 3},
		{"Barack Obama", 19900601, "USAELI", 2},
		{"Barack Obama", 20050601, "", 2},
		{"NATO", 0, "IGOWSTNAT", 1},
		{"Human Rights Watch", 0, "NGOHRI", 3},
		{"Taliban fighters", 0, "AFGREB", 1},
		{"ISIL", 20150101, "IMGMUSISI", 1},
		{"ISIL", 20120101, "", 1},
		{"the European Union", 0, "IGOEUREEC", 3},
	}
	for _, tt := range tests {
		m, ok := d.Actors.Match(strings.Fields(tt.text), 0)
		if tt.n == 0 {
			if ok {
				t.Errorf("%q: unexpected match %+v", tt.text, m.Actor)
			}
			continue
		}
		if !ok || m.Length != tt.n {
			t.Errorf("%q: match %v length %d, want %d", tt.text, ok, m.Length, tt.n)
			continue
		}
		code, _ := m.Actor.CodeAt(tt.day)
		if tt.text == "the United States said" {
			code = tt.code // only the length is checked
		}
		if code != tt.code {
			t.Errorf("%q on %d: %q, want %q (entry %s:%d)", tt.text, tt.day, code, tt.code, m.Actor.File, m.Actor.Line)
		}
	}
}

func TestRealPhoenixAgentsAndVerbs(t *testing.T) {
	d := loadPhoenix(t)
	for noun, code := range map[string]string{"president": "GOV", "troops": "MIL", "soldiers": "MIL", "police": "COP", "rebels": "REB", "militia": "UAF", "insurgents": "REB"} {
		if a, ok := d.Agents.Lookup(noun); !ok || a.Code != code {
			t.Errorf("agent %q = %+v %v, want %s", noun, a, ok, code)
		}
	}
	// "- * (TO BORDER) [154] # RUSH" in the ACCELERATE block.
	vs := d.Verbs.ByForm("rushed")
	if len(vs) != 1 || vs[0].Block.Name != "ACCELERATE" {
		t.Fatalf("rushed → %v", vs)
	}
	found := false
	for _, p := range vs[0].Block.Patterns {
		if len(p.Post) == 1 && p.Post[0].Kind == Prep && p.Post[0].Prep == "to" && len(p.Post[0].Elements) == 1 &&
			p.Post[0].Elements[0].Text == "border" && p.Code.Code == "154" {
			found = true
		}
	}
	if !found {
		t.Error("ACCELERATE lacks * (TO BORDER) [154]")
	}
	ask := d.Verbs.ByForm("asked")
	// +ASK_FOR is in two blocks: ASK [020] (with irregular forms) and INVITE [040].
	codes := map[string]bool{}
	for _, v := range ask {
		if len(v.After) == 1 && v.After[0] == "for" {
			codes[v.Code.Code] = true
		}
	}
	if !codes["020"] || !codes["040"] {
		t.Errorf("ASK_FOR codes = %v", codes)
	}
	if vs := d.Verbs.ByLemma("visit"); len(vs) == 0 || vs[0].Code != (EventCode{Code: "042", Reverse: "043"}) {
		t.Errorf("visit = %+v", vs)
	}
	if !d.Verbs.InSynset("&MILITARY", "troops") || !d.Verbs.InSynset("&CURRENCY", "dollars") {
		t.Error("synsets MILITARY/CURRENCY")
	}
}

func TestRealValidationDicts(t *testing.T) {
	d, err := Load(context.Background(), sharedDir(t, "validation-dicts"))
	if err != nil {
		t.Fatal(err)
	}
	if len(d.Verbs.Blocks) != 261 || d.Verbs.Patterns() != 472 || len(d.Actors.Actors) != 128 || len(d.Agents.Agents) != 95 || len(d.Discards.Discards) != 9 {
		t.Errorf("counts: blocks %d patterns %d actors %d agents %d discards %d", len(d.Verbs.Blocks), d.Verbs.Patterns(), len(d.Actors.Actors), len(d.Agents.Agents), len(d.Discards.Discards))
	}
	if c, ok := d.Actors.CodeAt("ISRAELI_TROOPS", 0); !ok || c != "ISRMIL" {
		t.Errorf("ISRAELI_TROOPS = %q", c)
	}
	if a, ok := d.Agents.Lookup("congressmen"); !ok || a.Code != "LEG" {
		t.Errorf("congressmen = %+v", a)
	}
}

func BenchmarkLoadPhoenix(b *testing.B) {
	dir := sharedDir(b, "")
	for i := 0; i < b.N; i++ {
		if _, err := Load(context.Background(), dir); err != nil {
			b.Fatal(err)
		}
	}
}

// BenchmarkActorMatchSentence matches actors at every position of a
// tokenized news sentence against the Phoenix actor dictionary.
func BenchmarkActorMatchSentence(b *testing.B) {
	d := loadPhoenix(b)
	toks := strings.Fields("Iraqi Prime Minister Haider al-Abadi met U.S. President Donald Trump at the White House on Monday , as Iraqi forces backed by the United States fought Islamic State militants in Mosul .")
	b.ReportAllocs()
	b.ResetTimer()
	for i := 0; i < b.N; i++ {
		for j := range toks {
			d.Actors.Match(toks, j)
		}
	}
	b.ReportMetric(float64(b.N*len(toks))/b.Elapsed().Seconds(), "tokens/s")
}

func BenchmarkAgentLookup(b *testing.B) {
	d := loadPhoenix(b)
	b.ReportAllocs()
	for i := 0; i < b.N; i++ {
		d.Agents.Lookup("foreign ministers")
	}
}
