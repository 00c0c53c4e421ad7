package geo_test

import (
	"context"
	"strings"
	"testing"

	"github.com/faultline-news/faultline"
	"github.com/faultline-news/faultline/geo"
)

// TestReferringMentionsJoinTheirPlace checks that pronouns and nominals
// that coreference attached to a place entity ("the city", "it") are not
// resolved as toponyms of their own but join the entity's place.
func TestReferringMentionsJoinTheirPlace(t *testing.T) {
	g, err := geo.Load()
	if err != nil {
		t.Fatal(err)
	}
	text := "Iraqi forces entered Mosul on Monday. The army said the city was calm and it would reopen soon."
	mention := func(s string, from int) faultline.Mention {
		i := strings.Index(text[from:], s) + from
		return faultline.Mention{Start: i, End: i + len(s), Text: s}
	}
	doc := &faultline.Document{ID: "d", Text: text, Entities: []faultline.Entity{{
		ID: "E1", Name: "Mosul", Type: faultline.EntityGPE,
		Mentions: []faultline.Mention{mention("Mosul", 0), mention("the city", 0), mention("it", 60)},
	}}}
	if err := geo.NewStage(g).Process(context.Background(), doc); err != nil {
		t.Fatal(err)
	}
	if len(doc.Places) != 1 {
		t.Fatalf("got %d places, want 1: %+v", len(doc.Places), doc.Places)
	}
	p := doc.Places[0]
	if p.Name != "Mosul" || p.Country != "IQ" || len(p.Mentions) != 3 {
		t.Errorf("place = %s %s with %d mentions, want Mosul IQ with 3", p.Name, p.Country, len(p.Mentions))
	}
	for _, m := range p.Mentions {
		if text[m.Start:m.End] != m.Text {
			t.Errorf("mention %q does not match the text", m.Text)
		}
	}
}
