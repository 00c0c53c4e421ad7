package actor_test

import (
	"os"
	"path/filepath"
	"slices"
	"testing"
	"time"

	"github.com/faultline-news/faultline"
	"github.com/faultline-news/faultline/actor"
	"github.com/faultline-news/faultline/actor/actortest"
)

// TestSample runs the real chain on the issue-4 sample article.
func TestSample(t *testing.T) {
	shared := actortest.SharedDir()
	if shared == "" {
		t.Skip("../shared not found: the sample test needs ../shared/samples")
	}
	b, err := os.ReadFile(filepath.Join(shared, "samples", "000_e9c81a236e9288db.txt"))
	if err != nil {
		t.Skipf("sample absent: %v", err)
	}
	doc := actortest.Run(t, string(b), time.Date(2017, 3, 23, 0, 0, 0, 0, time.UTC), actor.New())
	byName := map[string]faultline.Entity{}
	byID := map[string]faultline.Entity{}
	for i, e := range doc.Entities {
		byName[e.Name] = e
		byID[e.ID] = e
		if i > 0 && e.Mentions[0].Start < doc.Entities[i-1].Mentions[0].Start {
			t.Errorf("entities not sorted by first mention at %s", e.ID)
		}
		for _, m := range e.Mentions {
			if doc.Text[m.Start:m.End] != m.Text {
				t.Errorf("%s mention %d..%d does not hold %q", e.ID, m.Start, m.End, m.Text)
			}
		}
	}
	tests := []struct {
		name, code string
		aliases    []string
		titles     []string
		affil      string
	}{
		{"Popular Mobilization Units", "IRQUAF", []string{"PMF"}, nil, ""}, // a militia umbrella: CAMEO UAF
		{"Islamic State", "IMGMUSISI", []string{"IS"}, nil, ""},
		{"Haider al-Abadi", "IRQGOV", []string{"Abadi"}, []string{"Prime Minister"}, "Iraq"},
		{"Jafar al-Hosseini", "IRQMIL", []string{"Al-Hosseini"}, []string{"spokesman", "senior commander"}, "Popular Mobilization Units"},
		{"Adrian J.T. Rankine-Galloway", "USAMIL", nil, []string{"Maj.", "spokesman"}, "Pentagon"},
		{"Sarhang Hamasaeed", "", []string{"Hamasaeed"}, []string{"director of Middle East Programs"}, "U.S. Institute of Peace"},
		{"Donald Trump", "USAGOV", nil, []string{"President"}, "United States"},
		{"Human Rights Watch", "NGOHRI", nil, nil, ""},
	}
	for _, tc := range tests {
		e, ok := byName[tc.name]
		if !ok {
			t.Errorf("no entity named %q", tc.name)
			continue
		}
		if tc.code != "" && (e.Actor == nil || e.Actor.Code != tc.code) {
			t.Errorf("%s: actor %+v, want code %s", tc.name, e.Actor, tc.code)
		}
		for _, a := range tc.aliases {
			if !slices.Contains(e.Aliases, a) {
				t.Errorf("%s: aliases %v lack %q", tc.name, e.Aliases, a)
			}
		}
		for _, ti := range tc.titles {
			if !slices.Contains(e.Titles, ti) {
				t.Errorf("%s: titles %v lack %q", tc.name, e.Titles, ti)
			}
		}
		if tc.affil != "" {
			found := false
			for _, id := range e.Affiliations {
				found = found || byID[id].Name == tc.affil
			}
			if !found {
				t.Errorf("%s: affiliations %v lack %q", tc.name, e.Affiliations, tc.affil)
			}
		}
	}
}
