package event

import (
	"strings"
	"testing"

	"github.com/faultline-news/faultline"
)

// TestEventPlace checks which place an event gets: the one its clause
// reads as a location, not a place named as a party; else the article's
// focus place; else none.
func TestEventPlace(t *testing.T) {
	attack := []tok{{"Arnor", "PROPN", "", 1, "nsubj"}, {"attacked", "VERB", "attack", -1, "root"}, {"Gondor", "PROPN", "", 1, "obj"}}
	near := append(append([]tok{}, attack...), tok{"near", "ADP", "", 5, "case"}, tok{"the", "DET", "", 5, "det"}, tok{"town", "NOUN", "", 1, "obl"},
		tok{"of", "ADP", "", 7, "case"}, tok{"Tharbad", "PROPN", "", 5, "nmod"})
	in := append(append([]tok{}, attack...), tok{"in", "ADP", "", 4, "case"}, tok{"Osgiliath", "PROPN", "", 1, "obl"})
	with := append(append([]tok{}, attack...), tok{"with", "ADP", "", 4, "case"}, tok{"Osgiliath", "PROPN", "", 1, "obl"})
	tests := []struct {
		name   string
		toks   []tok
		places map[string]string // word → kind; ids P1, P2, ... in text order
		want   string            // the word of the event's place, "" for none
	}{
		{"a country named as a party is no location", attack, map[string]string{"Gondor": "country"}, ""},
		{"'in' a city is the location", in, map[string]string{"Gondor": "country", "Osgiliath": "city"}, "Osgiliath"},
		{"'near the town of' a place is the location", near, map[string]string{"Gondor": "country", "Tharbad": "city"}, "Tharbad"},
		{"a country after 'in' is a location too", in, map[string]string{"Gondor": "country", "Osgiliath": "country"}, "Osgiliath"},
		{"a city after 'with' is a party", with, map[string]string{"Osgiliath": "city"}, ""},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			doc := buildDoc(tc.toks)
			for _, tk := range doc.Tokens {
				w := doc.Text[tk.Start:tk.End]
				if kind, ok := tc.places[w]; ok {
					doc.Places = append(doc.Places, faultline.Place{ID: "P" + w, Name: w, Kind: kind,
						Mentions: []faultline.Mention{{Start: tk.Start, End: tk.End, Text: w}}})
				}
			}
			if err := NewStage(testDicts(t)).Process(t.Context(), doc); err != nil {
				t.Fatal(err)
			}
			if len(doc.Events) == 0 {
				t.Fatal("no event coded")
			}
			for _, e := range doc.Events {
				got := ""
				if e.Place != nil {
					got = strings.TrimPrefix(*e.Place, "P")
				}
				if got != tc.want {
					t.Errorf("%s %s %s: place %q, want %q", e.SourceCode, e.CAMEO, e.TargetCode, got, tc.want)
				}
			}
		})
	}
}
