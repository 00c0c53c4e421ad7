package cameo

import "testing"

func TestLookup(t *testing.T) {
	tests := []struct {
		code      string
		ok, known bool
		name      string
		quad      QuadClass
		goldstein float64
		plover    Plover
	}{
		{"01", true, true, "make a public statement", VerbalCooperation, 0, Plover{}},
		{"042", true, true, "make a visit", VerbalCooperation, 1.9, Plover{Type: "CONSULT", Mode: "visit"}},
		{"0874", true, true, "retreat or surrender militarily", MaterialCooperation, 10, Plover{Type: "RETREAT", Mode: "disarm", Context: "military"}},
		{"08", true, true, "yield", MaterialCooperation, 5, Plover{Type: "CONCEDE"}},
		{"1121", true, true, "accuse of crime or corruption", VerbalConflict, -2, Plover{Type: "ACCUSE", Mode: "allege", Context: "crime;corruption"}},
		{"173", true, true, "arrest, detain or charge", MaterialConflict, -5, Plover{Type: "COERCE", Mode: "arrest", Context: "legal"}},
		{"190", true, true, "use conventional military force", MaterialConflict, -10, Plover{Type: "ASSAULT", Context: "military"}},
		{"0233", true, true, "appeal for humanitarian aid", VerbalCooperation, 3.4, Plover{Type: "REQUEST", Mode: "assist", Context: "humanitarian", Inferred: true}},
		{"130", true, true, "make a threat", VerbalConflict, -4.4, Plover{Type: "THREATEN"}},
		{"1952", true, false, "carry out aerial attacks", MaterialConflict, -10, Plover{Type: "ASSAULT", Mode: "heavy-weapons", Context: "military"}},
		{"176", true, false, "coerce", MaterialConflict, -7, Plover{Type: "COERCE"}},
		{"21", false, false, "", 0, 0, Plover{}},
		{"", false, false, "", 0, 0, Plover{}},
		{"x", false, false, "", 0, 0, Plover{}},
	}
	for _, tt := range tests {
		c, ok := Lookup(tt.code)
		if ok != tt.ok || c.Known != tt.known || c.Name != tt.name || c.QuadClass != tt.quad || c.Goldstein != tt.goldstein || c.Plover != tt.plover {
			t.Errorf("Lookup(%q) = %+v, %v; want ok=%v known=%v name=%q quad=%v goldstein=%v plover=%+v",
				tt.code, c, ok, tt.ok, tt.known, tt.name, tt.quad, tt.goldstein, tt.plover)
		}
		if ok && c.Code != tt.code {
			t.Errorf("Lookup(%q).Code = %q", tt.code, c.Code)
		}
	}
}

func TestTableComplete(t *testing.T) {
	all := All()
	if len(all) != 311 {
		t.Errorf("All() has %d codes, want 311 (GDELT's CAMEO list)", len(all))
	}
	if r := Roots(); len(r) != 20 {
		t.Errorf("Roots() = %d, want 20", len(r))
	}
	seen := map[string]bool{}
	for _, c := range all {
		if seen[c.Code] {
			t.Errorf("duplicate %s", c.Code)
		}
		seen[c.Code] = true
		if c.Name == "" || c.QuadClass == 0 || c.Goldstein < -10 || c.Goldstein > 10 {
			t.Errorf("incomplete %+v", c)
		}
		if len(c.Code) > 2 && !seen[c.Code[:len(c.Code)-1]] && !seen[c.Code[:2]] {
			t.Errorf("%s comes before its parent", c.Code)
		}
		if c.Root != "01" && c.Plover.Type == "" {
			t.Errorf("%s has no PLOVER type", c.Code)
		}
		if c.Root == "01" && c.Plover.Type != "" {
			t.Errorf("%s: public statements have no PLOVER type, got %q", c.Code, c.Plover.Type)
		}
	}
}

func TestQuadClassOf(t *testing.T) {
	for code, want := range map[string]QuadClass{"05": 1, "057": 1, "06": 2, "0874": 2, "09": 3, "1384": 3, "14": 4, "2042": 4, "00": 0, "7": 0} {
		if got := QuadClassOf(code); got != want {
			t.Errorf("QuadClassOf(%q) = %v, want %v", code, got, want)
		}
	}
}

func FuzzLookup(f *testing.F) {
	for _, s := range []string{"0874", "19", "1952", "", "abc", "0"} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		c, ok := Lookup(s)
		if ok && (c.QuadClass == 0 || c.Name == "") {
			t.Fatalf("Lookup(%q) ok without description: %+v", s, c)
		}
	})
}

func BenchmarkLookup(b *testing.B) {
	for i := 0; i < b.N; i++ {
		Lookup("1952")
	}
}
