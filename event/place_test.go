package event

import (
	"testing"

	"github.com/faultline-news/faultline"
)

func TestPlaceAtFocus(t *testing.T) {
	p := func(s string) *string { return &s }
	mentions := func(starts ...int) []faultline.Mention {
		var ms []faultline.Mention
		for _, s := range starts {
			ms = append(ms, faultline.Mention{Start: s, End: s + 1})
		}
		return ms
	}
	tests := []struct {
		name   string
		places []faultline.Place
		events []faultline.Event
		want   []string
	}{
		{"no places: events stay unplaced", nil, []faultline.Event{{}}, []string{""}},
		{"a governed place is kept, the others take the focus",
			[]faultline.Place{{ID: "P1", Kind: "city", Mentions: mentions(5, 50)}, {ID: "P2", Kind: "city", Mentions: mentions(20)}},
			[]faultline.Event{{Place: p("P2")}, {}}, []string{"P2", "P1"}},
		{"a city outweighs a country mentioned as often",
			[]faultline.Place{{ID: "P1", Kind: "country", Mentions: mentions(1, 9, 30)}, {ID: "P2", Kind: "city", Mentions: mentions(12, 40)}},
			[]faultline.Event{{}}, []string{"P2"}},
		{"a tie goes to the earlier first mention",
			[]faultline.Place{{ID: "P1", Kind: "city", Mentions: mentions(60)}, {ID: "P2", Kind: "admin1", Mentions: mentions(3)}},
			[]faultline.Event{{}}, []string{"P2"}},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			doc := &faultline.Document{Places: tc.places, Events: tc.events}
			placeAtFocus(doc)
			for i, e := range doc.Events {
				got := ""
				if e.Place != nil {
					got = *e.Place
				}
				if got != tc.want[i] {
					t.Errorf("event %d: place %q, want %q", i, got, tc.want[i])
				}
			}
		})
	}
}
