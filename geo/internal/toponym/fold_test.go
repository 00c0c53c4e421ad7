package toponym

import (
	"testing"
	"unicode/utf8"
)

func TestFold(t *testing.T) {
	cases := []struct{ in, fold, stripped, skeleton string }{
		{"Mosul", "mosul", "mosul", "mosul"},
		{"Al Mawşil", "al mawsil", "mawsil", "mawsil"},
		{"Al Qayyārah", "al qayyarah", "qayyarah", "qayara"},
		{"al-Qayyarah", "al qayyarah", "qayyarah", "qayara"},
		{"Qayara", "qayara", "qayara", "qayara"},
		{"U.S.", "us", "us", "us"},
		{"São Paulo", "sao paulo", "sao paulo", "saopaulo"},
		{"Kraków", "krakow", "krakow", "krakow"},
		{"Łódź", "lodz", "lodz", "lodz"},
		{"Karbalā'", "karbala", "karbala", "karbala"},
		{"Ash Shām", "ash sham", "sham", "sham"},
		{"  ", "", "", ""},
	}
	for _, c := range cases {
		f := Fold(c.in)
		if f != c.fold || StripArticle(f) != c.stripped || Skeleton(f) != c.skeleton {
			t.Errorf("%q: fold %q stripped %q skeleton %q; want %q %q %q", c.in, f, StripArticle(f), Skeleton(f), c.fold, c.stripped, c.skeleton)
		}
	}
	if !Latin("new york 2") || Latin("москва") || Latin("") {
		t.Error("Latin misjudges")
	}
}

func FuzzFold(f *testing.F) {
	for _, s := range []string{"Al Qayyārah", "U.S.", "Łódź", "\xff\xfe", "al "} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		k := Fold(s)
		if !utf8.ValidString(k) {
			t.Fatalf("Fold(%q) = %q is not UTF-8", s, k)
		}
		if Fold(k) != k {
			t.Fatalf("Fold is not idempotent on %q: %q then %q", s, k, Fold(k))
		}
		Skeleton(k)
		StripArticle(k)
	})
}
