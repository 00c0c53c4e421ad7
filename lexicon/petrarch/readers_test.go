package petrarch

import (
	"context"
	"os"
	"path/filepath"
	"reflect"
	"strings"
	"testing"
)

func openFixture(t *testing.T, name string) *os.File {
	t.Helper()
	f, err := os.Open(filepath.Join("testdata", "dict", name))
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { f.Close() })
	return f
}

func warningsText(ws []Warning) string {
	var b strings.Builder
	for _, w := range ws {
		b.WriteString(w.String())
		b.WriteByte('\n')
	}
	return b.String()
}

func TestActors(t *testing.T) {
	d := NewActorDict()
	if err := d.Read(openFixture(t, "test.actors.txt"), "test.actors.txt"); err != nil {
		t.Fatal(err)
	}
	tests := []struct {
		text string
		day  Date
		code string
		ok   bool
		n    int
	}{
		{"Freedonia said", 0, "FRD", true, 1},
		{"the Republic of Freedonia", 0, "FRD", true, 4},
		{"FREEDONIAN troops", 20200101, "FRD", true, 1},
		{"President Firefly spoke", 19400101, "FRDGOV", true, 2},
		{"President Firefly spoke", 19210101, "FRDGOV", true, 2},
		{"President Firefly spoke", 19280101, "FRDELI", true, 2},
		{"President Firefly spoke", 0, "FRDELI", true, 2},
		{"Rufus T. Firefly", 0, "FRDELI", true, 3},
		{"Sylvania", 20200101, "SYLMIL", true, 1},
		{"Sylvania", 19200101, "SYL", true, 1},
		{"Ambassador Trentino", 19320601, "SYLGOV", true, 2},
		{"Trentino", 19500101, "ORPHAN", true, 1},
		{"Orphan Synonym", 19500101, "ORPHAN", true, 2},
		{"Bad dates", 20200101, "XXX", true, 2},
		{"Uncoded at end", 0, "", false, 3},
		{"nothing here", 0, "", false, 0},
	}
	for _, tt := range tests {
		toks := strings.Fields(tt.text)
		m, ok := d.Match(toks, 0)
		if !ok {
			if tt.n != 0 {
				t.Errorf("%q: no match", tt.text)
			}
			continue
		}
		if m.Length != tt.n {
			t.Errorf("%q: matched %d tokens, want %d", tt.text, m.Length, tt.n)
		}
		code, ok := m.Actor.CodeAt(tt.day)
		if code != tt.code || ok != tt.ok {
			t.Errorf("%q on %d: code %q %v, want %q %v", tt.text, tt.day, code, ok, tt.code, tt.ok)
		}
	}
	w := warningsText(d.Warnings)
	for _, want := range []string{
		"test.actors.txt:19: date restriction \"2019-0101\"",
		"test.actors.txt:20: date restriction \"bcd\" of A",
		"test.actors.txt:21: empty code []",
		"test.actors.txt:22: actor UNCODED AT END has no code",
	} {
		if !strings.Contains(w, want) {
			t.Errorf("warnings lack %q:\n%s", want, w)
		}
	}
	if a, ok := d.Lookup("rufus_t._firefly"); !ok || a.Line != 6 || len(a.Codes) != 3 {
		t.Errorf("Lookup(rufus_t._firefly) = %+v, %v", a, ok)
	}
	got := d.FindAll(strings.Fields("Sylvania and the Republic of Freedonia met"))
	if len(got) != 2 || got[0].Start != 0 || got[1].Start != 2 || got[1].Length != 4 {
		t.Errorf("FindAll = %+v", got)
	}
}

func TestParseDictDate(t *testing.T) {
	tests := map[string]Date{"20090120": 20090120, "090120": 20090120, "320101": 19320101, "300101": 20300101,
		"20090230": 0, "2009012": 0, "": 0, "abcdef": 0, "20091301": 0}
	for in, want := range tests {
		got, ok := parseDictDate(in)
		if got != want || ok != (want != 0) {
			t.Errorf("parseDictDate(%q) = %d %v, want %d", in, got, ok, want)
		}
	}
}

func TestAgents(t *testing.T) {
	d := NewAgentDict()
	if err := d.Read(openFixture(t, "test.agents.txt"), "test.agents.txt"); err != nil {
		t.Fatal(err)
	}
	tests := []struct {
		noun, code string
		prefix     bool
	}{
		{"president", "GOV", false},
		{"Presidents", "GOV", false},
		{"foreign minister", "GOVFRM", false},
		{"FOREIGN_MINISTERS", "GOVFRM", false},
		{"police", "COP", false},
		{"polices", "", false},
		{"attorneys general", "JUD", false},
		{"militias", "UAF", false},
		{"congressman", "LEG", false},
		{"congresswomen", "LEG", false},
		{"human rights groups", "NGO", true},
		{"buses", "BUS", false},
		{"no code here", "", false},
	}
	for _, tt := range tests {
		a, ok := d.Lookup(tt.noun)
		if tt.code == "" {
			if ok {
				t.Errorf("Lookup(%q) = %+v, want none", tt.noun, a)
			}
			continue
		}
		if !ok || a.Code != tt.code || a.Prefix != tt.prefix {
			t.Errorf("Lookup(%q) = %+v %v, want %s prefix=%v", tt.noun, a, ok, tt.code, tt.prefix)
		}
	}
	if a, _ := d.Lookup("president"); a.Combine("FRD") != "FRDGOV" {
		t.Errorf("Combine = %q", a.Combine("FRD"))
	}
	if a, _ := d.Lookup("human rights group"); a.Combine("FRD") != "NGOFRD" {
		t.Errorf("Combine = %q", a.Combine("FRD"))
	}
	m, ok := d.Match(strings.Fields("the Foreign Minister said"), 1)
	if !ok || m.Length != 2 || m.Agent.Code != "GOVFRM" {
		t.Errorf("Match = %+v %v", m, ok)
	}
	w := warningsText(d.Warnings)
	for _, want := range []string{"test.agents.txt:10: agent line has no [CODE]", "test.agents.txt:11: agent code lacks ']'", "test.agents.txt:12: substitution marker !UNDEFINED!"} {
		if !strings.Contains(w, want) {
			t.Errorf("warnings lack %q:\n%s", want, w)
		}
	}
}

func TestDiscards(t *testing.T) {
	d := NewDiscardList()
	if err := d.Read(openFixture(t, "test.discards.txt"), "test.discards.txt"); err != nil {
		t.Fatal(err)
	}
	if len(d.Discards) != 3 {
		t.Fatalf("%d discards", len(d.Discards))
	}
	x, ok := d.Find(strings.Fields("a record at the box office"))
	if !ok || x.Phrase != "box office" || !x.Story {
		t.Errorf("Find = %+v %v", x, ok)
	}
	x, ok = d.Find(strings.Fields("won the World Cup final"))
	if !ok || x.Story {
		t.Errorf("Find = %+v %v", x, ok)
	}
	if _, ok := d.Find(strings.Fields("troops crossed the border")); ok {
		t.Error("false discard")
	}
}

func TestVerbs(t *testing.T) {
	d := NewVerbDict()
	if err := d.Read(openFixture(t, "test.verbs.txt"), "test.verbs.txt"); err != nil {
		t.Fatal(err)
	}
	if len(d.Blocks) != 2 || len(d.Transformations) != 1 {
		t.Fatalf("blocks %d, transformations %d", len(d.Blocks), len(d.Transformations))
	}
	tests := []struct {
		form, lemma, code string
		before, after     []string
	}{
		{"struck", "strike", "190", nil, nil},
		{"striking", "strike", "190", nil, nil},
		{"shelled", "shell", "194", nil, nil},
		{"shells", "shell", "194", nil, nil},
		{"bombarding", "bombard", "190", nil, nil},
		{"opened", "open", "193", nil, []string{"fire"}},
		{"took", "take", "190", []string{"re"}, nil},
		{"met", "meet", "040", nil, nil},
		{"carries", "carry", "040", nil, nil},
		{"carried", "carry", "040", nil, nil},
	}
	for _, tt := range tests {
		vs := d.ByForm(tt.form)
		if len(vs) != 1 {
			t.Errorf("ByForm(%q) = %d verbs", tt.form, len(vs))
			continue
		}
		v := vs[0]
		if v.Lemma != tt.lemma || v.Code.Code != tt.code || !reflect.DeepEqual(v.Before, tt.before) || !reflect.DeepEqual(v.After, tt.after) {
			t.Errorf("ByForm(%q) = %+v", tt.form, v)
		}
	}
	if len(d.ByLemma("STRIKE")) != 1 || len(d.ByForm("strikeed")) != 0 {
		t.Error("ByLemma/irregular forms")
	}
	strike := d.Blocks[0]
	if len(strike.Patterns) != 4 {
		for _, p := range strike.Patterns {
			t.Log(p.Raw)
		}
		t.Fatalf("STRIKE has %d patterns, want 4", len(strike.Patterns))
	}
	p0 := strike.Patterns[0]
	want0 := []Constituent{
		{Kind: Noun, Elements: []Element{{Kind: SynsetEl, Text: "WEAPON"}}},
		{Kind: Prep, Prep: "at", Elements: []Element{{Kind: Target}}},
	}
	if len(p0.Pre) != 0 || !reflect.DeepEqual(p0.Post, want0) || p0.Code.Code != "194" || p0.Comment != "SHELL" {
		t.Errorf("pattern 0 = %+v", p0)
	}
	p1 := strike.Patterns[1]
	want1 := []Constituent{
		{Kind: NounPhrase, Elements: []Element{{Kind: Word, Text: "military"}, {Kind: Word, Text: "base"}}},
		{Kind: Prep, Prep: "in", Elements: []Element{{Kind: Skip}}},
	}
	if !reflect.DeepEqual(p1.Pre, []Constituent{{Kind: Noun, Elements: []Element{{Kind: Source}}}}) || !reflect.DeepEqual(p1.Post, want1) ||
		p1.Code != (EventCode{Code: "190", Reverse: "0874"}) {
		t.Errorf("pattern 1 = %+v", p1)
	}
	if c := strike.Patterns[2].Code; c != (EventCode{Reverse: "1823"}) || c.String() != "---:1823" {
		t.Errorf("pattern 2 code = %+v", c)
	}
	if !strike.Patterns[3].Code.IsNull() {
		t.Errorf("pattern 3 code = %+v", strike.Patterns[3].Code)
	}
	if !d.InSynset("&WEAPON", "Rockets") || !d.InSynset("weapon", "artillery") || d.InSynset("WEAPON", "artilleries") {
		t.Error("synset membership")
	}
	if n := d.MatchSynset("&WEAPON", strings.Fields("fired mortar shells at"), 1); n != 2 {
		t.Errorf("MatchSynset = %d", n)
	}
	if !d.InSynset("TALKS", "talks") || d.InSynset("TALKS", "talkses") {
		t.Error("a label ending in '_' makes no plurals")
	}
	w := warningsText(d.Warnings)
	for _, want := range []string{"test.verbs.txt:23: pattern has no '*'", "test.verbs.txt:24: '(' without ')'", "test.verbs.txt:25: pattern code \"[19X!]\""} {
		if !strings.Contains(w, want) {
			t.Errorf("warnings lack %q:\n%s", want, w)
		}
	}
}

func TestRegularVerbForms(t *testing.T) {
	tests := map[string][]string{
		"attack": {"attacks", "attacked", "attacking"},
		"seize":  {"seizes", "seized", "seizing"},
		"deny":   {"denies", "denied", "denying"},
		"play":   {"plays", "played", "playing"},
		"reach":  {"reaches", "reached", "reaching"},
		"free":   {"frees", "freed", "freeing"},
		"tie":    {"ties", "tied", "tying"},
	}
	for in, want := range tests {
		if got := RegularVerbForms(in); !reflect.DeepEqual(got, want) {
			t.Errorf("RegularVerbForms(%q) = %v, want %v", in, got, want)
		}
	}
}

func TestLoadFixtureDir(t *testing.T) {
	d, err := Load(context.Background(), filepath.Join("testdata", "dict"))
	if err != nil {
		t.Fatal(err)
	}
	if len(d.Files) != 4 || len(d.Verbs.Blocks) != 2 || len(d.Discards.Discards) != 3 || d.Agents.Phrases() == 0 || d.Actors.Phrases() == 0 {
		t.Errorf("Load: files %v", d.Files)
	}
	if len(d.Warnings()) == 0 {
		t.Error("fixture warnings lost")
	}
	if _, err := Load(context.Background(), filepath.Join("testdata", "missing")); err == nil {
		t.Error("missing directory: no error")
	}
	ctx, cancel := context.WithCancel(context.Background())
	cancel()
	if _, err := Load(ctx, filepath.Join("testdata", "dict")); err == nil {
		t.Error("cancelled context: no error")
	}
}

func TestNormalize(t *testing.T) {
	for in, want := range map[string]string{"U.S.": "u.s.", "Shi’ite": "shi'ite", "al‐Qaeda": "al-qaeda", "ÉTAT": "état", "abc": "abc"} {
		if got := Normalize(in); got != want {
			t.Errorf("Normalize(%q) = %q, want %q", in, got, want)
		}
	}
}

// TestPatternJoins checks that '_' ties literals together (they must be
// adjacent) and ties nothing to the verb or to actor markers.
func TestPatternJoins(t *testing.T) {
	d := NewVerbDict()
	text := "--- TALK [040] ---\nTALK\n- * THE_NICEST_PLACE [027]\n- RECENTLY_* [025]\n- * {NEW_GOOD TIES} (WITH_+) [050]\n"
	if err := d.Read(strings.NewReader(text), "join.verbs.txt"); err != nil {
		t.Fatal(err)
	}
	ps := d.Blocks[0].Patterns
	if len(ps) != 3 {
		t.Fatalf("%d patterns", len(ps))
	}
	joined := func(cs []Constituent) []bool {
		var out []bool
		for _, c := range cs {
			for _, e := range c.Elements {
				out = append(out, e.Joined)
			}
		}
		return out
	}
	tests := []struct {
		got, want []bool
	}{
		{joined(ps[0].Post), []bool{false, true, true}},
		{joined(ps[1].Pre), []bool{false}},
		{joined(ps[2].Post), []bool{false, true, false, false}},
	}
	for i, tt := range tests {
		if !reflect.DeepEqual(tt.got, tt.want) {
			t.Errorf("pattern %d (%s): joins %v, want %v", i, ps[i].Raw, tt.got, tt.want)
		}
	}
}
