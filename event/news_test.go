package event_test

import (
	"context"
	"fmt"
	"strings"
	"testing"
	"time"

	"github.com/faultline-news/faultline"
)

// TestOwnLexiconNews codes invented news sentences with our own lexicons
// (no --dict) and checks the events that plain news of this kind should
// give, and the ones it should not.
func TestOwnLexiconNews(t *testing.T) {
	stages := analysisChain(t, nil)
	type triple struct{ src, code, tgt string } // src, tgt: code prefixes; code exact
	tests := []struct {
		text  string
		want  []triple
		avoid []triple // "" matches anything
	}{
		// host: a visitor is a person or a government, not a population
		{text: "Lebanon hosts about 800,000 registered Syrian refugees.",
			avoid: []triple{{"", "043", ""}}},
		{text: "Egypt's president hosted Jordan's king in Cairo on Monday.",
			want: []triple{{"EGYGOV", "043", "JORGOV"}}},
		{text: "The camp near the border hosts thousands of families displaced by the floods.",
			avoid: []triple{{"", "043", ""}}},
		// signing agreements
		{text: "Ghana and Togo signed an agreement to build a bridge across the river.",
			want: []triple{{"GHA", "057", "TGO"}, {"TGO", "057", "GHA"}}},
		{text: "Ghana signed a trade accord with Togo on Tuesday.",
			want: []triple{{"GHA", "057", "TGO"}}},
		// an invitation is an offer to meet (CAMEO 036)
		{text: "Senegal's president invited Gambia's president to talks in Dakar.",
			want: []triple{{"SENGOV", "036", "GMBGOV"}}},
		// rejecting invitations and proposals
		{text: "Opposition parties in Togo rejected the government's invitation to talks.",
			want: []triple{{"TGOOPP", "125", "---GOV"}}},
		{text: "Mali's junta rejected a proposal from the African Union to hold elections in June.",
			want: []triple{{"MLIGOV", "120", "IGOAFRAFU"}}},
		// protests that turn violent, and their repression
		{text: "Protesters in Accra threw stones at police on Friday.",
			want: []triple{{"GHAOPP", "145", "---COP"}}},
		{text: "Protesters in Lima threw bottles at police lines.",
			want: []triple{{"PEROPP", "145", "---COP"}}},
		{text: "Gunmen attacked an army post near Gao, Mali's army said.",
			want: []triple{{"---UAF", "190", "---MIL"}}},
		{text: "Soldiers killed two fighters of the group in a refugee camp near Goma.",
			avoid: []triple{{"", "", "---REF"}}},
		{text: "Israeli settlers threw rocks at Palestinian farmers near Hebron.",
			want: []triple{{"ISR", "182", "PSE"}}},
		{text: "Police in Accra fired tear gas at protesters.",
			want: []triple{{"GHACOP", "175", "---OPP"}}},
		{text: "Kenya's president fired the interior minister on Monday.",
			avoid: []triple{{"", "175", ""}}},
		// appeals for what the complement does
		{text: "Ghana urged Togo to release the detained journalists.",
			want: []triple{{"GHA", "025", "TGO"}}},
		{text: "The African Union's rights office urged the government to release the detained reporters and to lift the curfew.",
			want: []triple{{"IGOAFRAFU", "025", "---GOV"}}},
		{text: "Ghana asked the World Bank to fund the new highway.",
			want: []triple{{"GHA", "023", "IGO"}}},
		// theft and raids
		{text: "Raiders from Somalia have stolen 200 cattle from herders in Ethiopia.",
			want: []triple{{"SOM", "171", "ETH"}}},
		{text: "Ethiopian police said raiders from across the border had stolen 200 cattle from herders in Ethiopia.",
			want: []triple{{"---REB", "171", "ETH"}}},
		{text: "Gunmen raided a village in northern Nigeria and stole livestock.",
			want: []triple{{"---UAF", "170", "NGA"}}},
	}
	for _, tt := range tests {
		doc := &faultline.Document{ID: "news", Text: tt.text, Reference: time.Date(2024, 5, 6, 0, 0, 0, 0, time.UTC), Published: "2024-05-06"}
		for _, s := range stages {
			if err := s.Process(context.Background(), doc); err != nil {
				t.Fatalf("%s: %v", s.Name(), err)
			}
		}
		checkSpans(t, doc)
		has := func(w triple) bool {
			for _, e := range doc.Events {
				if e.Negated || !strings.HasPrefix(e.SourceCode, w.src) || !strings.HasPrefix(e.TargetCode, w.tgt) {
					continue
				}
				if w.code == "" || e.CAMEO == w.code {
					return true
				}
			}
			return false
		}
		bad := false
		for _, w := range tt.want {
			if !has(w) {
				t.Errorf("%q: missing %v", tt.text, w)
				bad = true
			}
		}
		for _, w := range tt.avoid {
			if has(w) {
				t.Errorf("%q: unwanted %v", tt.text, w)
				bad = true
			}
		}
		if bad {
			var b strings.Builder
			for _, e := range doc.Events {
				fmt.Fprintf(&b, "  %s %s %s [%s] %q -> %q neg=%v\n", e.SourceCode, e.CAMEO, e.TargetCode, e.Trigger.Text, e.SourceText, e.TargetText, e.Negated)
			}
			for i, tk := range doc.Tokens {
				fmt.Fprintf(&b, " %d:%s/%s/%s>%d", i, doc.Text[tk.Start:tk.End], tk.POS, tk.Dep, tk.Head)
			}
			t.Logf("events and parse:\n%s", b.String())
		}
	}
}
