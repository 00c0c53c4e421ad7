package sqlite

import (
	"context"
	"fmt"
	"math/rand/v2"
	"strings"
	"testing"
	"time"

	"github.com/faultline-news/faultline"
)

// A small world for synthetic documents: places with coordinates, actors
// with CAMEO codes, event codes with their PLOVER types.
var (
	synthPlaces = []struct {
		name, country string
		lat, lon      float64
	}{
		{"Kyiv", "UA", 50.45, 30.52}, {"Kharkiv", "UA", 49.99, 36.23}, {"Moscow", "RU", 55.75, 37.62},
		{"Gaza", "PS", 31.50, 34.47}, {"Jerusalem", "IL", 31.78, 35.22}, {"Beirut", "LB", 33.89, 35.50},
		{"Damascus", "SY", 33.51, 36.29}, {"Khartoum", "SD", 15.50, 32.56}, {"Geneva", "CH", 46.20, 6.15},
		{"Vienna", "AT", 48.21, 16.37}, {"Washington", "US", 38.90, -77.04}, {"Beijing", "CN", 39.90, 116.41},
		{"Taipei", "TW", 25.03, 121.57}, {"Caracas", "VE", 10.49, -66.88}, {"Bogota", "CO", 4.71, -74.07},
		{"Lagos", "NG", 6.52, 3.38}, {"Addis Ababa", "ET", 9.03, 38.74}, {"Kabul", "AF", 34.53, 69.17},
		{"Tehran", "IR", 35.69, 51.39}, {"Baghdad", "IQ", 33.32, 44.37},
	}
	synthActors = []struct{ name, code string }{
		{"Ukraine", "UKR"}, {"Russia", "RUS"}, {"the Ukrainian army", "UKRMIL"}, {"the Kremlin", "RUSGOV"},
		{"Israel", "ISR"}, {"Hamas", "PSEREB"}, {"the United States", "USA"}, {"China", "CHN"},
		{"protesters", "CVL"}, {"the United Nations", "IGOUNO"}, {"Iran", "IRN"}, {"Sudan", "SDN"},
	}
	synthCodes = []struct {
		cameo, plover, verb string
		quad                int
		goldstein           float64
	}{
		{"190", "ASSAULT", "attacked", 4, -10}, {"193", "ASSAULT", "fought", 4, -10}, {"138", "THREATEN", "threatened", 3, -7},
		{"141", "PROTEST", "protested against", 3, -6.5}, {"036", "CONSULT", "met", 1, 4}, {"042", "CONSULT", "visited", 1, 1.9},
		{"057", "AGREE", "signed an agreement with", 1, 8}, {"111", "ACCUSE", "criticised", 3, -2}, {"070", "AID", "aided", 2, 7},
		{"172", "COERCE", "sanctioned", 4, -5},
	}
)

// synthDoc builds document n with events events, each with its sentence,
// actors, place, code and date, plus entities, places and one quote.
func synthDoc(n, events int, rng *rand.Rand) *faultline.Document {
	base := time.Date(2024, 1, 1, 0, 0, 0, 0, time.UTC)
	day := base.AddDate(0, 0, rng.IntN(730)).Format("2006-01-02")
	doc := &faultline.Document{
		Schema:    faultline.SchemaDocument,
		Title:     fmt.Sprintf("Report %d", n),
		Published: day,
		Source:    faultline.Source{URL: fmt.Sprintf("https://news.example/%d", n), Site: "news.example"},
	}
	var b strings.Builder
	entityOf := map[string]string{}
	addEntity := func(name, code string) string {
		if id, ok := entityOf[name]; ok {
			return id
		}
		id := fmt.Sprintf("E%d", len(entityOf)+1)
		entityOf[name] = id
		doc.Entities = append(doc.Entities, faultline.Entity{ID: id, Name: name, Type: faultline.EntityGPE,
			Aliases: []string{strings.ToUpper(name)}, Actor: &faultline.Actor{Code: code, Country: code[:min(3, len(code))]}})
		return id
	}
	placeOf := map[string]string{}
	for i := range events {
		src := synthActors[rng.IntN(len(synthActors))]
		tgt := synthActors[rng.IntN(len(synthActors))]
		code := synthCodes[rng.IntN(len(synthCodes))]
		pl := synthPlaces[rng.IntN(len(synthPlaces))]
		start := b.Len()
		fmt.Fprintf(&b, "In %s, %s %s %s on day %d of report %d. ", pl.name, src.name, code.verb, tgt.name, i, n)
		sentEnd := b.Len() - 1
		doc.Sentences = append(doc.Sentences, faultline.Sentence{Start: start, End: sentEnd})
		trig := start + len("In "+pl.name+", "+src.name+" ")
		pid, ok := placeOf[pl.name]
		if !ok {
			pid = fmt.Sprintf("P%d", len(placeOf)+1)
			placeOf[pl.name] = pid
			doc.Places = append(doc.Places, faultline.Place{ID: pid, Name: pl.name, Lat: pl.lat + rng.Float64()*0.1, Lon: pl.lon + rng.Float64()*0.1,
				Country: pl.country, Kind: "city", GeonamesID: 1000 + len(placeOf), Confidence: 0.9,
				Mentions: []faultline.Mention{{Start: start + 3, End: start + 3 + len(pl.name), Text: pl.name}}})
		}
		sid, tid := addEntity(src.name, src.code), addEntity(tgt.name, tgt.code)
		doc.Events = append(doc.Events, faultline.Event{
			ID: fmt.Sprintf("V%d", i+1), Source: &sid, Target: &tid, SourceText: src.name, TargetText: tgt.name,
			SourceCode: src.code, TargetCode: tgt.code, CAMEO: code.cameo,
			Plover:    faultline.Plover{Type: code.plover, Mode: "", Context: []string{}},
			QuadClass: code.quad, Goldstein: code.goldstein,
			Trigger:  faultline.Mention{Start: trig, End: trig + len(code.verb), Text: code.verb},
			Sentence: i, Negated: rng.IntN(20) == 0, Hypothetical: rng.IntN(25) == 0,
			Date: day, Place: &pid, Confidence: 0.8,
		})
	}
	speaker := doc.Entities[0].ID
	qStart := b.Len()
	fmt.Fprintf(&b, "\"We will respond to report %d\", said %s.", n, doc.Entities[0].Name)
	doc.Quotes = []faultline.Quote{{Text: fmt.Sprintf("We will respond to report %d", n), Start: qStart + 1,
		End: qStart + 1 + len(fmt.Sprintf("We will respond to report %d", n)), Direct: true, Speaker: &speaker,
		SpeakerText: doc.Entities[0].Name, Cue: "said"}}
	doc.Text = b.String()
	doc.ID = docID(doc.Text)
	doc.Normalize()
	return doc
}

// fillSynthetic stores docs documents of perDoc events each.
func fillSynthetic(tb testing.TB, s *Store, docs, perDoc int, seed uint64) {
	tb.Helper()
	rng := rand.New(rand.NewPCG(seed, 7))
	batch := make([]*faultline.Document, 0, BatchSize)
	for i := range docs {
		batch = append(batch, synthDoc(i, perDoc, rng))
		if len(batch) == BatchSize || i == docs-1 {
			if _, err := s.PutBatch(context.Background(), batch); err != nil {
				tb.Fatalf("PutBatch: %v", err)
			}
			batch = batch[:0]
		}
	}
}
