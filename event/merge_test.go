package event

import (
	"testing"

	"github.com/faultline-news/faultline"
	"github.com/faultline-news/faultline/export"
)

func mergeDoc(id, site, published string, dup *string, places []faultline.Place, evs ...faultline.Event) *faultline.Document {
	return &faultline.Document{ID: id, Source: faultline.Source{Site: site}, Published: published, DuplicateOf: dup, Places: places, Events: evs}
}

func ev(src, tgt, code, date string, place *string, conf float64) faultline.Event {
	return faultline.Event{SourceCode: src, TargetCode: tgt, CAMEO: code, Date: date, Place: place, Confidence: conf}
}

func TestMerge(t *testing.T) {
	p1, p2 := "P1", "P2"
	mosulA := []faultline.Place{{ID: "P1", Name: "Mosul", GeonamesID: 99072}}
	mosulB := []faultline.Place{{ID: "P2", Name: "Mosul", GeonamesID: 99072}}
	orig := "a"
	docs := []*faultline.Document{
		mergeDoc("a", "voa.example", "2017-03-23", nil, mosulA,
			ev("IRQMIL", "IMGMUSISI", "190", "2017-03-23", &p1, 0.7),
			ev("USAGOV", "IRQGOV", "040", "2017-03-20", nil, 0.8)),
		// another site, a day later, other place id for the same town, 4-digit code of the same root
		mergeDoc("b", "afp.example", "2017-03-24", nil, mosulB,
			ev("IRQMIL", "IMGMUSISI", "193", "2017-03-24", &p2, 0.9)),
		// a republished copy of a: a mention, not an article
		mergeDoc("c", "mirror.example", "2017-03-23", &orig, mosulA,
			ev("IRQMIL", "IMGMUSISI", "190", "2017-03-23", &p1, 0.95)),
		// three days later: a different happening
		mergeDoc("d", "voa.example", "2017-03-27", nil, mosulA,
			ev("IRQMIL", "IMGMUSISI", "190", "2017-03-27", &p1, 0.6)),
		// negated events are not happenings
		mergeDoc("e", "voa.example", "2017-03-23", nil, nil,
			faultline.Event{SourceCode: "USA", TargetCode: "IRN", CAMEO: "060", Negated: true}),
	}
	got := Merge(docs)
	if len(got) != 3 {
		t.Fatalf("got %d merged events, want 3: %+v", len(got), got)
	}
	fight := got[0]
	if fight.NumMentions != 3 || fight.NumArticles != 2 || fight.NumSources != 3 {
		t.Errorf("fight counts mentions/articles/sources = %d/%d/%d, want 3/2/3", fight.NumMentions, fight.NumArticles, fight.NumSources)
	}
	if fight.Event.Doc.ID != "b" {
		t.Errorf("representative from %s, want the most confident original b", fight.Event.Doc.ID)
	}
	if len(fight.Event.Mentions) != 3 {
		t.Errorf("%d export mentions, want 3", len(fight.Event.Mentions))
	}
	if got[1].Event.Event.CAMEO != "040" || got[1].NumMentions != 1 {
		t.Errorf("second event %+v, want the single consult", got[1])
	}
	if got[2].Event.Doc.ID != "d" {
		t.Errorf("third event from %s, want d (four days later)", got[2].Event.Doc.ID)
	}
	n := 0
	if err := ExportEvents(got)(func(*export.Event) error { n++; return nil }); err != nil || n != 3 {
		t.Errorf("ExportEvents yielded %d (%v), want 3", n, err)
	}
}
