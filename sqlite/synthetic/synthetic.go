// Package synthetic makes believable analysed documents in bulk — events
// between known actors at known places over two years, with entities,
// places and a quote — for load tests and benchmarks of the store and the
// API. The texts are generated, not news.
package synthetic

import (
	"context"
	"crypto/sha256"
	"encoding/hex"
	"fmt"
	"math/rand/v2"
	"strings"
	"time"

	"github.com/faultline-news/faultline"
)

// Place is a city with its ISO country code and coordinates.
type Place struct {
	Name, Country string
	Lat, Lon      float64
}

// Start is the first day of the two years documents are dated in.
var Start = time.Date(2024, 1, 1, 0, 0, 0, 0, time.UTC)

// A small world for synthetic documents: places with coordinates, actors
// with CAMEO codes, event codes with their PLOVER types.
var (
	// Places are the cities events happen in.
	Places = []Place{
		{"Kyiv", "UA", 50.45, 30.52}, {"Kharkiv", "UA", 49.99, 36.23}, {"Moscow", "RU", 55.75, 37.62},
		{"Gaza", "PS", 31.50, 34.47}, {"Jerusalem", "IL", 31.78, 35.22}, {"Beirut", "LB", 33.89, 35.50},
		{"Damascus", "SY", 33.51, 36.29}, {"Khartoum", "SD", 15.50, 32.56}, {"Geneva", "CH", 46.20, 6.15},
		{"Vienna", "AT", 48.21, 16.37}, {"Washington", "US", 38.90, -77.04}, {"Beijing", "CN", 39.90, 116.41},
		{"Taipei", "TW", 25.03, 121.57}, {"Caracas", "VE", 10.49, -66.88}, {"Bogota", "CO", 4.71, -74.07},
		{"Lagos", "NG", 6.52, 3.38}, {"Addis Ababa", "ET", 9.03, 38.74}, {"Kabul", "AF", 34.53, 69.17},
		{"Tehran", "IR", 35.69, 51.39}, {"Baghdad", "IQ", 33.32, 44.37},
	}
	actors = []struct{ name, code string }{
		{"Ukraine", "UKR"}, {"Russia", "RUS"}, {"the Ukrainian army", "UKRMIL"}, {"the Kremlin", "RUSGOV"},
		{"Israel", "ISR"}, {"Hamas", "PSEREB"}, {"the United States", "USA"}, {"China", "CHN"},
		{"protesters", "CVL"}, {"the United Nations", "IGOUNO"}, {"Iran", "IRN"}, {"Sudan", "SDN"},
	}
	codes = []struct {
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

// Document builds document n with events events, each with its sentence,
// actors, place, code and date, plus entities, places and one quote.
func Document(n, events int, rng *rand.Rand) *faultline.Document {
	day := Start.AddDate(0, 0, rng.IntN(730)).Format("2006-01-02")
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
		src := actors[rng.IntN(len(actors))]
		tgt := actors[rng.IntN(len(actors))]
		code := codes[rng.IntN(len(codes))]
		pl := Places[rng.IntN(len(Places))]
		start := b.Len()
		fmt.Fprintf(&b, "In %s, %s %s %s on day %d of report %d. ", pl.Name, src.name, code.verb, tgt.name, i, n)
		sentEnd := b.Len() - 1
		doc.Sentences = append(doc.Sentences, faultline.Sentence{Start: start, End: sentEnd})
		trig := start + len("In "+pl.Name+", "+src.name+" ")
		pid, ok := placeOf[pl.Name]
		if !ok {
			pid = fmt.Sprintf("P%d", len(placeOf)+1)
			placeOf[pl.Name] = pid
			doc.Places = append(doc.Places, faultline.Place{ID: pid, Name: pl.Name, Lat: pl.Lat + rng.Float64()*0.1, Lon: pl.Lon + rng.Float64()*0.1,
				Country: pl.Country, Kind: "city", GeonamesID: 1000 + len(placeOf), Confidence: 0.9,
				Mentions: []faultline.Mention{{Start: start + 3, End: start + 3 + len(pl.Name), Text: pl.Name}}})
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
	sum := sha256.Sum256([]byte(doc.Text))
	doc.ID = hex.EncodeToString(sum[:8])
	doc.Normalize()
	return doc
}

// Ingest stores batches of 20 new documents of events events each through
// put until ctx ends, at about perSecond documents a second (as fast as put
// allows when perSecond is 0). Documents are numbered from first, so that
// they do not collide with a database filled with lower numbers. It
// returns put's first error, or nil when ctx ends.
func Ingest(ctx context.Context, put func(context.Context, []*faultline.Document) error, perSecond, first, events int, rng *rand.Rand) error {
	const batch = 20
	var tick <-chan time.Time
	if perSecond > 0 {
		t := time.NewTicker(time.Second * batch / time.Duration(perSecond))
		defer t.Stop()
		tick = t.C
	}
	for n := 0; ctx.Err() == nil; n++ {
		if tick != nil {
			select {
			case <-ctx.Done():
				return nil
			case <-tick:
			}
		}
		docs := make([]*faultline.Document, batch)
		for i := range docs {
			docs[i] = Document(first+n*batch+i+int(rng.Uint32()%1_000_000)*100, events, rng)
		}
		if err := put(context.WithoutCancel(ctx), docs); err != nil {
			return err
		}
	}
	return nil
}
