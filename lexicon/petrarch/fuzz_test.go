package petrarch

import (
	"os"
	"path/filepath"
	"strings"
	"testing"
)

func addFixtureSeeds(f *testing.F, name string, extra ...string) {
	if b, err := os.ReadFile(filepath.Join("testdata", "dict", name)); err == nil {
		f.Add(string(b))
	}
	for _, s := range extra {
		f.Add(s)
	}
}

// checkWarnings asserts that every warning names the file and a line.
func checkWarnings(t *testing.T, ws []Warning) {
	for _, w := range ws {
		if w.File != "fuzz.txt" || w.Line < 1 {
			t.Fatalf("warning without position: %+v", w)
		}
	}
}

func FuzzReadVerbs(f *testing.F) {
	addFixtureSeeds(f, "test.verbs.txt", "--- X [01] ---\nX\n- * (A {B C}) [:0]\n", "- *\n&\n+\n~=\n--- [\n", "---  A  [042:043] ---\n+B_C_+D {+E_F}\n- ( { } ) * [1]")
	f.Fuzz(func(t *testing.T, s string) {
		d := NewVerbDict()
		if err := d.Read(strings.NewReader(s), "fuzz.txt"); err != nil {
			return
		}
		checkWarnings(t, d.Warnings)
		for _, b := range d.Blocks {
			for _, v := range b.Verbs {
				if v.Lemma == "" || len(d.ByForm(v.Lemma)) == 0 {
					t.Fatalf("verb %+v not indexed", v)
				}
			}
		}
		toks := strings.Fields(s)
		for name := range d.Synsets {
			for i := range toks {
				d.MatchSynset(name, toks, i)
			}
		}
	})
}

func FuzzReadActors(f *testing.F) {
	addFixtureSeeds(f, "test.actors.txt", "A [B >1]\n+\n[\n]", "X_ [ABC 010101-991231][D]\n\t[E <20200101]\n", "[A]\n+B\nC")
	f.Fuzz(func(t *testing.T, s string) {
		d := NewActorDict()
		if err := d.Read(strings.NewReader(s), "fuzz.txt"); err != nil {
			return
		}
		checkWarnings(t, d.Warnings)
		toks := strings.Fields(s)
		for i := range toks {
			if m, ok := d.Match(toks, i); ok {
				if m.Length < 1 || m.Start+m.Length > len(toks) {
					t.Fatalf("bad match %+v", m)
				}
				m.Actor.CodeAt(20200101)
				m.Actor.CodeAt(0)
			}
		}
	})
}

func FuzzReadAgents(f *testing.F) {
	addFixtureSeeds(f, "test.agents.txt", "!A! = B, C\nX!A! [~D]\n", "!!=\n{[~]}\nY {Z [~A]\n", "!A!!B! [~C]")
	f.Fuzz(func(t *testing.T, s string) {
		d := NewAgentDict()
		if err := d.Read(strings.NewReader(s), "fuzz.txt"); err != nil {
			return
		}
		checkWarnings(t, d.Warnings)
		for _, a := range d.Agents {
			if a.Code == "" {
				t.Fatalf("agent without code %+v", a)
			}
			d.Lookup(a.Phrase)
		}
	})
}

func FuzzReadDiscards(f *testing.F) {
	addFixtureSeeds(f, "test.discards.txt", "+\n+ +\n#\n<!--\n")
	f.Fuzz(func(t *testing.T, s string) {
		d := NewDiscardList()
		if err := d.Read(strings.NewReader(s), "fuzz.txt"); err != nil {
			return
		}
		checkWarnings(t, d.Warnings)
		d.Find(strings.Fields(s))
	})
}
