package geo

import (
	"bytes"
	"compress/gzip"
	"testing"
)

func TestLookup(t *testing.T) {
	g, err := Load()
	if err != nil {
		t.Fatal(err)
	}
	cases := []struct {
		name, country string
		kind          string
	}{
		{"Mosul", "IQ", KindCity},
		{"Al Mawşil", "IQ", KindCity},
		{"Qayyarah", "IQ", KindCity},
		{"Al Qayyārah", "IQ", KindCity},
		{"al-Qayyarah", "IQ", KindCity},
		{"Iraq", "IQ", KindCountry},
		{"U.S.", "US", KindCountry},
		{"Syria", "SY", KindCountry},
		{"Nineveh", "IQ", KindAdmin1},
		{"Louisiana", "US", KindAdmin1},
	}
	for _, c := range cases {
		ids := g.Lookup(c.name)
		if len(ids) == 0 {
			t.Errorf("Lookup(%q): no candidates", c.name)
			continue
		}
		found := false
		for _, id := range ids {
			e := g.Entry(id)
			if e.Country == c.country && e.Kind == c.kind {
				found = true
			}
		}
		if !found {
			t.Errorf("Lookup(%q): no %s in %s among %d candidates (first %+v)", c.name, c.kind, c.country, len(ids), *g.Entry(ids[0]))
		}
	}
	for _, d := range []struct{ word, iso2 string }{{"Iraqi", "IQ"}, {"Iranian", "IR"}, {"Americans", "US"}} {
		e, ok := g.Demonym(d.word)
		if !ok || e.Country != d.iso2 {
			t.Errorf("Demonym(%q) = %v, %v; want %s", d.word, e, ok, d.iso2)
		}
	}
}

func TestParseRejects(t *testing.T) {
	gz := func(s string) []byte {
		var b bytes.Buffer
		w := gzip.NewWriter(&b)
		w.Write([]byte(s))
		w.Close()
		return b.Bytes()
	}
	for _, in := range [][]byte{
		[]byte("not gzip"),
		gz(""),
		gz("#faultline-gazetteer\tv2\t0\t0\n"),
		gz("#faultline-gazetteer\tv1\t1\t0\n"),
		gz("#faultline-gazetteer\tv1\t1\t0\nx\t1\tA\tUS\t\t1\t2\t3\t\t\n"),
		gz("#faultline-gazetteer\tv1\t0\t2\nabc\t1\n"),
	} {
		if _, err := Parse(bytes.NewReader(in)); err == nil {
			t.Errorf("Parse(%q...) succeeded, want an error", in[:min(len(in), 20)])
		}
	}
}

func BenchmarkLoad(b *testing.B) {
	for b.Loop() {
		if _, err := loadSplit(gazetteerData, gazetteerKeys); err != nil {
			b.Fatal(err)
		}
	}
}

func FuzzParse(f *testing.F) {
	var b bytes.Buffer
	w := gzip.NewWriter(&b)
	w.Write([]byte("#faultline-gazetteer\tv1\t1\t1\nP\t1\tA\tUS\t\t1\t2\t3\tPPL\t\na\t0\n"))
	w.Close()
	f.Add(b.Bytes())
	f.Fuzz(func(t *testing.T, data []byte) {
		g, err := Parse(bytes.NewReader(data))
		if err == nil {
			g.Lookup("a")
			g.Demonym("a")
		}
	})
}
