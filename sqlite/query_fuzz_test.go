package sqlite

import (
	"context"
	"math/rand/v2"
	"testing"

	"github.com/faultline-news/faultline"
	"github.com/faultline-news/faultline/sqlite/synthetic"
)

// FuzzEventFilter runs user-given filter text through Events, CountEvents,
// Quotes, EventClusters and ActorLinks: they must answer or give EINVALID,
// never fail otherwise.
func FuzzEventFilter(f *testing.F) {
	s, _ := openTemp(f)
	if _, err := s.PutBatch(context.Background(), []*faultline.Document{synthetic.Document(1, 3, rand.New(rand.NewPCG(1, 1)))}); err != nil {
		f.Fatal(err)
	}
	f.Add("RUS", "19", "ASSAULT", "UA", "2024-01-01", "2026-12-31", "Geneva")
	f.Add("kremlin%", "1_", "", "Kyiv", "", "", `"unterminated`)
	f.Add(`\`, "", "protest", "u", "2024-13-40", "x", "NEAR(a b")
	f.Fuzz(func(t *testing.T, actor, code, plover, place, from, to, text string) {
		ctx := context.Background()
		ef := EventFilter{Actor: actor, Source: plover, Target: place, Code: code, PloverType: plover, Place: place, From: from, To: to, Text: text}
		check := func(what string, err error) {
			if err != nil && faultline.ErrorCode(err) != faultline.EINVALID {
				t.Fatalf("%s(%+v): %v", what, ef, err)
			}
		}
		_, err := s.Events(ctx, ef)
		check("Events", err)
		_, err = s.CountEvents(ctx, ef)
		check("CountEvents", err)
		_, err = s.Quotes(ctx, QuoteFilter{Speaker: actor, Actor: actor, Code: code, PloverType: plover, Place: place, Text: text, From: from, To: to})
		check("Quotes", err)
		_, _, err = s.EventClusters(ctx, ef, 1)
		check("EventClusters", err)
		_, _, err = s.ActorLinks(ctx, ef, 10)
		check("ActorLinks", err)
	})
}
