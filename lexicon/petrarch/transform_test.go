package petrarch

import "testing"

func TestParseRule(t *testing.T) {
	tests := []struct {
		pat, res string
		ok       bool
		want     Rule
	}{
		{"a (b . ATTACK) SAY", "a b 112", true, Rule{Outer: "say", OuterSource: "a", Source: "b", Target: ".", Verb: "attack", ResultSource: "a", ResultTarget: "b", ResultCode: "112"}},
		{"a (_ b ASSASSINATE) ATTEMPT", "a b 185", true, Rule{Outer: "attempt", OuterSource: "a", Source: "_", Target: "b", Verb: "assassinate", ResultSource: "a", ResultTarget: "b", ResultCode: "185"}},
		{"a (b . ATTACK ) WANT", "a b 021", true, Rule{Outer: "want", OuterSource: "a", Source: "b", Target: ".", Verb: "attack", ResultSource: "a", ResultTarget: "b", ResultCode: "021"}},
		{"a (b ATTACK) SAY", "a b 112", false, Rule{}},
		{"a (b . ATTACK) SAY", "a b", false, Rule{}},
	}
	for _, tt := range tests {
		got, ok := ParseRule(Transformation{Pattern: tt.pat, Result: tt.res})
		if ok != tt.ok || got != tt.want {
			t.Errorf("ParseRule(%q = %q) = %+v %v, want %+v %v", tt.pat, tt.res, got, ok, tt.want, tt.ok)
		}
	}
}

func TestCodeUnder(t *testing.T) {
	tests := []struct {
		c, code string
		want    bool
	}{
		{"190", "190", true}, {"195", "190", true}, {"1951", "190", true}, {"180", "190", false},
		{"186", "186", true}, {"1861", "186", true}, {"185", "186", false}, {"", "190", false}, {"190", "", false},
	}
	for _, tt := range tests {
		if got := CodeUnder(tt.c, tt.code); got != tt.want {
			t.Errorf("CodeUnder(%q, %q) = %v, want %v", tt.c, tt.code, got, tt.want)
		}
	}
}
