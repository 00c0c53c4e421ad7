package sqlite

import (
	"context"
	"database/sql"
	"encoding/json"
	"math"
	"math/rand/v2"
	"path/filepath"
	"regexp"
	"slices"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/faultline-news/faultline"
	"github.com/faultline-news/faultline/sqlite/synthetic"
)

func countRows(t *testing.T, s *Store, table string) int {
	t.Helper()
	var n int
	if err := s.db.QueryRow("SELECT count(*) FROM " + table).Scan(&n); err != nil {
		t.Fatalf("count %s: %v", table, err)
	}
	return n
}

func TestLayersStoredWithDocument(t *testing.T) {
	ctx := context.Background()
	s, _ := openTemp(t)
	doc := synthetic.Document(1, 4, rand.New(rand.NewPCG(1, 2)))
	if _, err := s.Put(ctx, doc); err != nil {
		t.Fatal(err)
	}
	want := map[string]int{"entities": len(doc.Entities), "quotes": len(doc.Quotes), "places": len(doc.Places),
		"events": len(doc.Events), "events_rtree": len(doc.Events)}
	check := func() {
		for table, n := range want {
			if got := countRows(t, s, table); got != n {
				t.Errorf("%s: %d rows, want %d", table, got, n)
			}
		}
	}
	check()
	// Re-ingesting changes nothing.
	if r, err := s.Put(ctx, doc); err != nil || !r.Existing {
		t.Fatalf("second Put: %+v, %v", r, err)
	}
	check()

	rows, err := s.Events(ctx, EventFilter{IncludeNegated: true, IncludeHypothetical: true, Limit: 100})
	if err != nil {
		t.Fatal(err)
	}
	if len(rows) != len(doc.Events) {
		t.Fatalf("Events: %d rows, want %d", len(rows), len(doc.Events))
	}
	for _, r := range rows {
		if r.DocumentID != doc.ID || r.URL != doc.Source.URL || r.Title != doc.Title {
			t.Errorf("event %s: provenance %q %q %q", r.EventID, r.DocumentID, r.URL, r.Title)
		}
		if got := doc.Text[r.SentenceStart:r.SentenceEnd]; got != r.SentenceText {
			t.Errorf("event %s: sentence text %q, span gives %q", r.EventID, r.SentenceText, got)
		}
		if got := doc.Text[r.TriggerStart:r.TriggerEnd]; got != r.TriggerText {
			t.Errorf("event %s: trigger %q, span gives %q", r.EventID, r.TriggerText, got)
		}
		if r.Lat == nil || r.Country == "" || r.PlaceName == "" || r.Root != r.CAMEO[:2] {
			t.Errorf("event %s: place or root missing: %+v", r.EventID, r)
		}
	}
	qs, err := s.Quotes(ctx, QuoteFilter{})
	if err != nil || len(qs) != 1 {
		t.Fatalf("Quotes: %v, %v", qs, err)
	}
	if q := qs[0]; doc.Text[q.Start:q.End] != q.Text || q.SpeakerName != doc.Entities[0].Name {
		t.Errorf("quote %+v", q)
	}
}

// makeSchema1 creates a database with only the first migration applied
// and docs stored as that schema stored them.
func makeSchema1(t *testing.T, path string, docs []*faultline.Document) {
	t.Helper()
	ms, err := loadMigrations()
	if err != nil {
		t.Fatal(err)
	}
	db, err := sql.Open("sqlite", dsn(path))
	if err != nil {
		t.Fatal(err)
	}
	defer db.Close()
	for _, q := range []string{
		"CREATE TABLE schema_migrations (version INTEGER PRIMARY KEY, name TEXT NOT NULL, applied_at TEXT NOT NULL)",
		ms[0].sql,
		"INSERT INTO schema_migrations VALUES (1, '" + ms[0].name + "', '2026-01-01T00:00:00Z')",
		"PRAGMA user_version = 1",
	} {
		if _, err := db.Exec(q); err != nil {
			t.Fatalf("%s: %v", q[:min(40, len(q))], err)
		}
	}
	for _, d := range docs {
		body, _ := json.Marshal(d)
		if _, err := db.Exec(insertDocument, d.ID, string(body), d.Title, d.Published, d.Source.URL, d.Source.Path,
			d.Source.Site, d.Source.Feed, d.Source.Record, d.Language, nil, 1, "", "2026-01-01T00:00:00Z", d.Text); err != nil {
			t.Fatal(err)
		}
	}
}

func TestUpgradeFromSchema1BackfillsLayers(t *testing.T) {
	ctx := context.Background()
	path := filepath.Join(t.TempDir(), "old.db")
	rng := rand.New(rand.NewPCG(3, 4))
	var docs []*faultline.Document
	events := 0
	for i := range 450 { // more than one backfill page
		d := synthetic.Document(i, 3, rng)
		docs = append(docs, d)
		events += len(d.Events)
	}
	makeSchema1(t, path, docs)

	s, err := Open(ctx, path)
	if err != nil {
		t.Fatalf("Open schema-1 db: %v", err)
	}
	defer s.Close()
	var version int
	if err := s.db.QueryRow("PRAGMA user_version").Scan(&version); err != nil || version != SchemaVersion() {
		t.Fatalf("user_version %d (%v), want %d", version, err, SchemaVersion())
	}
	if n, _ := s.Count(ctx); n != len(docs) {
		t.Errorf("documents: %d, want %d", n, len(docs))
	}
	var uncelled int
	if err := s.db.QueryRow("SELECT count(*) FROM events WHERE lat IS NOT NULL AND lon IS NOT NULL AND cell IS NULL").Scan(&uncelled); err != nil || uncelled > 0 {
		t.Errorf("%d located events without a grid cell after the upgrade (%v)", uncelled, err)
	}
	if got := countRows(t, s, "events"); got != events {
		t.Errorf("events after upgrade: %d, want %d", got, events)
	}
	if got := countRows(t, s, "events_rtree"); got != events {
		t.Errorf("events_rtree after upgrade: %d, want %d", got, events)
	}
	if got := countRows(t, s, "quotes"); got != len(docs) {
		t.Errorf("quotes after upgrade: %d, want %d", got, len(docs))
	}
	n, err := s.CountEvents(ctx, EventFilter{Place: "UA", IncludeNegated: true, IncludeHypothetical: true})
	if err != nil || n == 0 {
		t.Errorf("CountEvents(UA) after upgrade: %d, %v", n, err)
	}
	// A document stored after the upgrade gets its rows too; an old one
	// put again is still a no-op.
	if r, err := s.Put(ctx, docs[0]); err != nil || !r.Existing {
		t.Errorf("re-put of an upgraded document: %+v %v", r, err)
	}
	if got := countRows(t, s, "events"); got != events {
		t.Errorf("events after re-put: %d, want %d", got, events)
	}
	s.Close()
	// Opening again applies nothing.
	s2, err := Open(ctx, path)
	if err != nil {
		t.Fatal(err)
	}
	defer s2.Close()
	if got := countRows(t, s2, "events"); got != events {
		t.Errorf("events after reopen: %d, want %d", got, events)
	}
}

// expectedEvents is a plain Go reading of an EventFilter over docs, to
// check the SQL against.
func expectedEvents(docs []*faultline.Document, f EventFilter) int {
	n := 0
	wordRE := regexp.MustCompile(`(?i)\b` + regexp.QuoteMeta(f.Text) + `\b`)
	for _, d := range docs {
		if f.Text != "" && !wordRE.MatchString(d.Text) && !wordRE.MatchString(d.Title) {
			continue
		}
		places := map[string]faultline.Place{}
		for _, p := range d.Places {
			places[p.ID] = p
		}
		for _, e := range d.Events {
			p := places[*e.Place]
			switch {
			case e.Negated && !f.IncludeNegated, e.Hypothetical && !f.IncludeHypothetical:
				continue
			case f.Actor != "" && !strings.HasPrefix(e.SourceCode, f.Actor) && !strings.HasPrefix(e.TargetCode, f.Actor) &&
				!strings.Contains(strings.ToLower(e.SourceText), strings.ToLower(f.Actor)) &&
				!strings.Contains(strings.ToLower(e.TargetText), strings.ToLower(f.Actor)):
				continue
			case f.Source != "" && !strings.HasPrefix(e.SourceCode, f.Source) && !strings.Contains(strings.ToLower(e.SourceText), strings.ToLower(f.Source)):
				continue
			case f.Target != "" && !strings.HasPrefix(e.TargetCode, f.Target) && !strings.Contains(strings.ToLower(e.TargetText), strings.ToLower(f.Target)):
				continue
			case f.Code != "" && !strings.HasPrefix(e.CAMEO, f.Code):
				continue
			case f.PloverType != "" && e.Plover.Type != f.PloverType:
				continue
			case f.Place != "" && p.Country != f.Place && !strings.EqualFold(p.Name, f.Place):
				continue
			case f.BBox != nil && (p.Lon < f.BBox[0] || p.Lat < f.BBox[1] || p.Lon > f.BBox[2] || p.Lat > f.BBox[3]):
				continue
			case f.Near != nil && haversine(f.Near.Lat, f.Near.Lon, p.Lat, p.Lon) > f.Near.Km:
				continue
			case f.From != "" && e.Date < f.From, f.To != "" && e.Date > f.To:
				continue
			}
			n++
		}
	}
	return n
}

func haversine(lat1, lon1, lat2, lon2 float64) float64 {
	rad := math.Pi / 180
	a := math.Pow(math.Sin((lat2-lat1)*rad/2), 2) + math.Cos(lat1*rad)*math.Cos(lat2*rad)*math.Pow(math.Sin((lon2-lon1)*rad/2), 2)
	return 2 * 6371.0 * math.Asin(math.Min(1, math.Sqrt(a)))
}

func synthStore(t *testing.T, docs, perDoc int) (*Store, []*faultline.Document) {
	t.Helper()
	s, _ := openTemp(t)
	rng := rand.New(rand.NewPCG(11, 7))
	var all []*faultline.Document
	for i := range docs {
		all = append(all, synthetic.Document(i, perDoc, rng))
	}
	if _, err := s.PutBatch(context.Background(), all); err != nil {
		t.Fatal(err)
	}
	return s, all
}

func TestEventFilters(t *testing.T) {
	ctx := context.Background()
	s, docs := synthStore(t, 1000, 5) // 5,000 events
	europe := &[4]float64{-10, 35, 40, 60}
	tests := []struct {
		name string
		f    EventFilter
	}{
		{"all", EventFilter{}},
		{"all incl. negated and hypothetical", EventFilter{IncludeNegated: true, IncludeHypothetical: true}},
		{"actor code prefix", EventFilter{Actor: "RUS"}},
		{"actor code full", EventFilter{Actor: "UKRMIL"}},
		{"actor name substring", EventFilter{Actor: "kremlin"}},
		{"source code", EventFilter{Source: "RUS"}},
		{"target name", EventFilter{Target: "hamas"}},
		{"source and target", EventFilter{Source: "ISR", Target: "PSEREB"}},
		{"cameo root", EventFilter{Code: "19"}},
		{"cameo full", EventFilter{Code: "138"}},
		{"plover type", EventFilter{PloverType: "PROTEST"}},
		{"country", EventFilter{Place: "UA"}},
		{"place name", EventFilter{Place: "geneva"}},
		{"bbox", EventFilter{BBox: europe}},
		{"near Kyiv 500 km", EventFilter{Near: &Near{Lat: 50.45, Lon: 30.52, Km: 500}}},
		{"from", EventFilter{From: "2025-06-01"}},
		{"to", EventFilter{To: "2024-03-31"}},
		{"text", EventFilter{Text: "Khartoum"}},
		{"country and dates", EventFilter{Place: "UA", From: "2024-06-01", To: "2024-12-31"}},
		{"bbox and dates", EventFilter{BBox: europe, From: "2025-01-01", To: "2025-03-31"}},
		{"small bbox (grid cells)", EventFilter{BBox: &[4]float64{28.5, 48.4, 32.5, 52.4}}},
		{"small bbox and dates (grid cells)", EventFilter{BBox: &[4]float64{28.5, 48.4, 36.5, 52.4}, From: "2024-05-01", To: "2024-09-30"}},
		{"bbox on cell edges", EventFilter{BBox: &[4]float64{30, 49, 37, 51}}},
		{"actor code and root and country", EventFilter{Actor: "ISR", Code: "19", Place: "PS"}},
		{"plover and near and dates", EventFilter{PloverType: "ASSAULT", Near: &Near{Lat: 31.5, Lon: 34.5, Km: 100}, From: "2024-05-01"}},
		{"bbox and near", EventFilter{BBox: europe, Near: &Near{Lat: 48, Lon: 16, Km: 1500}}},
		{"text and code", EventFilter{Text: "Gaza", Code: "0"}},
		{"nothing", EventFilter{Place: "ZZ"}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			want := expectedEvents(docs, tt.f)
			n, err := s.CountEvents(ctx, tt.f)
			if err != nil {
				t.Fatal(err)
			}
			if n != want {
				t.Errorf("CountEvents = %d, want %d", n, want)
			}
			f := tt.f
			f.Limit = MaxLimit
			rows, err := s.Events(ctx, f)
			if err != nil {
				t.Fatal(err)
			}
			if len(rows) != want {
				t.Errorf("Events: %d rows, want %d", len(rows), want)
			}
			for i := 1; i < len(rows); i++ {
				if rows[i].Date > rows[i-1].Date {
					t.Fatalf("rows not newest first at %d: %s after %s", i, rows[i].Date, rows[i-1].Date)
				}
			}
			counts, err := s.EventCounts(ctx, tt.f)
			if err != nil {
				t.Fatal(err)
			}
			sum := 0
			for _, c := range counts {
				sum += c.N
			}
			if sum != want {
				t.Errorf("EventCounts sum = %d, want %d", sum, want)
			}
			links, truncated, err := s.ActorLinks(ctx, tt.f, 0)
			if err != nil || truncated {
				t.Fatalf("ActorLinks = %v, truncated %v", err, truncated)
			}
			inLinks := 0
			pairs := map[string]bool{}
			for i, l := range links {
				inLinks += l.N
				if k := l.SourceCode + ">" + l.TargetCode; pairs[k] {
					t.Errorf("pair %s twice in the links", k)
				} else {
					pairs[k] = true
				}
				if i > 0 && l.N > links[i-1].N {
					t.Errorf("links not most frequent first")
				}
			}
			if inLinks != want { // every synthetic event has both actors
				t.Errorf("ActorLinks count %d events, want %d", inLinks, want)
			}
			located := 0
			for _, r := range rows {
				if r.Lat != nil {
					located++
				}
			}
			for _, cell := range []float64{0.01, 2, 45} {
				cells, truncated, err := s.EventClusters(ctx, tt.f, cell)
				if err != nil || truncated {
					t.Fatalf("EventClusters(%g) = %v, truncated %v", cell, err, truncated)
				}
				n := 0
				for i, c := range cells {
					n += c.N
					if q := c.Quad; q[0]+q[1]+q[2]+q[3]+q[4] != c.N {
						t.Errorf("cell %g: cluster %d quad counts %v do not sum to %d", cell, i, q, c.N)
					}
					if c.Lon < c.BBox[0] || c.Lon > c.BBox[2] || c.Lat < c.BBox[1] || c.Lat > c.BBox[3] {
						t.Errorf("cell %g: cluster %d centre %g,%g outside its extent %v", cell, i, c.Lat, c.Lon, c.BBox)
					}
					if i > 0 && c.N > cells[i-1].N {
						t.Errorf("cell %g: clusters not most populous first", cell)
					}
				}
				if n != located {
					t.Errorf("EventClusters(%g) count %d events, want the %d located", cell, n, located)
				}
			}
		})
	}
	if want := expectedEvents(docs, EventFilter{}); want < 4000 || want > 5000 {
		t.Errorf("synthetic data: %d plain events of 5000", want)
	}
}

func TestEventFilterErrors(t *testing.T) {
	s, _ := openTemp(t)
	for _, f := range []EventFilter{
		{From: "2024-1-1"}, {To: "yesterday"}, {BBox: &[4]float64{10, 10, 0, 0}},
		{Near: &Near{Lat: 100, Lon: 0, Km: 5}}, {Near: &Near{Km: -1}}, {Text: `"`},
	} {
		if _, err := s.Events(context.Background(), f); faultline.ErrorCode(err) != faultline.EINVALID {
			t.Errorf("Events(%+v): %v, want EINVALID", f, err)
		}
	}
}

func TestEventPagination(t *testing.T) {
	ctx := context.Background()
	s, _ := synthStore(t, 200, 3)
	f := EventFilter{Place: "UA", IncludeNegated: true, IncludeHypothetical: true, Limit: MaxLimit}
	all, err := s.Events(ctx, f)
	if err != nil || len(all) < 20 {
		t.Fatalf("Events: %d rows, %v", len(all), err)
	}
	for _, size := range []int{1, 7, 50} {
		var paged []EventRow
		for off := 0; ; off += size {
			f.Limit, f.Offset = size, off
			rows, err := s.Events(ctx, f)
			if err != nil {
				t.Fatal(err)
			}
			paged = append(paged, rows...)
			if len(rows) < size {
				break
			}
		}
		if len(paged) != len(all) {
			t.Fatalf("page size %d: %d rows, want %d", size, len(paged), len(all))
		}
		for i := range all {
			if paged[i].DocumentID != all[i].DocumentID || paged[i].EventID != all[i].EventID {
				t.Fatalf("page size %d: row %d differs", size, i)
			}
		}
	}
	f.Limit, f.Offset = 0, 0
	if rows, _ := s.Events(ctx, f); len(rows) != min(DefaultLimit, len(all)) {
		t.Errorf("default limit: %d rows", len(rows))
	}
}

func TestQuotesEntitiesPlaces(t *testing.T) {
	ctx := context.Background()
	s, docs := synthStore(t, 100, 2)
	tests := []struct {
		name string
		f    QuoteFilter
		want func(d *faultline.Document) bool
	}{
		{"all", QuoteFilter{}, func(*faultline.Document) bool { return true }},
		{"speaker", QuoteFilter{Speaker: "hamas"}, func(d *faultline.Document) bool { return d.Entities[0].Name == "Hamas" }},
		{"text", QuoteFilter{Text: "report 42"}, func(d *faultline.Document) bool {
			return strings.HasSuffix(d.Quotes[0].Text, " 42") || strings.Contains(d.Quotes[0].Text, "42")
		}},
		{"dates", QuoteFilter{From: "2024-03-01", To: "2024-08-31"}, func(d *faultline.Document) bool {
			return d.Published >= "2024-03-01" && d.Published <= "2024-08-31"
		}},
		{"actor name", QuoteFilter{Actor: "kreml"}, func(d *faultline.Document) bool { return d.Entities[0].Name == "the Kremlin" }},
		{"actor code prefix", QuoteFilter{Actor: "RUS"}, func(d *faultline.Document) bool { return strings.HasPrefix(d.Entities[0].Actor.Code, "RUS") }},
		{"event code", QuoteFilter{Code: "19"}, func(d *faultline.Document) bool {
			return slices.ContainsFunc(d.Events, func(e faultline.Event) bool { return strings.HasPrefix(e.CAMEO, "19") })
		}},
		{"plover", QuoteFilter{PloverType: "protest"}, func(d *faultline.Document) bool {
			return slices.ContainsFunc(d.Events, func(e faultline.Event) bool { return e.Plover.Type == "PROTEST" })
		}},
		{"country", QuoteFilter{Place: "ua"}, func(d *faultline.Document) bool {
			return slices.ContainsFunc(d.Places, func(p faultline.Place) bool { return p.Country == "UA" })
		}},
		{"place name", QuoteFilter{Place: "GENEVA"}, func(d *faultline.Document) bool {
			return slices.ContainsFunc(d.Places, func(p faultline.Place) bool { return p.Name == "Geneva" })
		}},
		{"bbox", QuoteFilter{BBox: &[4]float64{-10, 35, 40, 60}}, func(d *faultline.Document) bool {
			return slices.ContainsFunc(d.Places, func(p faultline.Place) bool { return p.Lon >= -10 && p.Lon <= 40 && p.Lat >= 35 && p.Lat <= 60 })
		}},
		{"near", QuoteFilter{Near: &Near{Lat: 50.45, Lon: 30.52, Km: 100}}, func(d *faultline.Document) bool {
			return slices.ContainsFunc(d.Places, func(p faultline.Place) bool { return p.Name == "Kyiv" })
		}},
		{"actor code and country and dates", QuoteFilter{Actor: "USA", Place: "IL", From: "2024-06-01"}, func(d *faultline.Document) bool {
			return d.Entities[0].Actor.Code == "USA" && d.Published >= "2024-06-01" &&
				slices.ContainsFunc(d.Places, func(p faultline.Place) bool { return p.Country == "IL" })
		}},
	}
	for _, tt := range tests {
		t.Run("quotes "+tt.name, func(t *testing.T) {
			want := 0
			for _, d := range docs {
				if tt.want(d) {
					want++
				}
			}
			f := tt.f
			f.Limit = MaxLimit
			rows, err := s.Quotes(ctx, f)
			if err != nil {
				t.Fatal(err)
			}
			if len(rows) != want || (want == 0 && tt.name != "none") {
				t.Errorf("%d quotes, want %d", len(rows), want)
			}
		})
	}
	for _, f := range []QuoteFilter{{BBox: &[4]float64{10, 0, 0, 10}}, {Near: &Near{Lat: 91, Km: 1}}, {Near: &Near{Km: 0}}, {From: "May"}} {
		if _, err := s.Quotes(ctx, f); faultline.ErrorCode(err) != faultline.EINVALID {
			t.Errorf("Quotes(%+v): %v, want EINVALID", f, err)
		}
	}

	ents, err := s.Entities(ctx, EntityFilter{Actor: "RUS", Limit: MaxLimit})
	if err != nil {
		t.Fatal(err)
	}
	want := 0
	for _, d := range docs {
		for _, e := range d.Entities {
			if strings.HasPrefix(e.Actor.Code, "RUS") {
				want++
			}
		}
	}
	if len(ents) != want || want == 0 {
		t.Errorf("Entities(actor RUS): %d, want %d", len(ents), want)
	}
	for _, e := range ents {
		if !strings.HasPrefix(e.ActorCode, "RUS") || len(e.Aliases) != 1 {
			t.Errorf("entity %+v", e)
		}
	}
	if ents, _ := s.Entities(ctx, EntityFilter{Name: "united", Limit: 3}); len(ents) != 3 {
		t.Errorf("Entities(name united, limit 3): %d rows", len(ents))
	}

	places, err := s.Places(ctx, PlaceFilter{Country: "ua", Limit: MaxLimit})
	if err != nil {
		t.Fatal(err)
	}
	want = 0
	for _, d := range docs {
		for _, p := range d.Places {
			if p.Country == "UA" {
				want++
			}
		}
	}
	if len(places) != want || want == 0 {
		t.Errorf("Places(UA): %d, want %d", len(places), want)
	}
	box, err := s.Places(ctx, PlaceFilter{BBox: &[4]float64{30, 49, 37, 51}, Name: "Kharkiv", Limit: MaxLimit})
	if err != nil {
		t.Fatal(err)
	}
	for _, p := range box {
		if p.Name != "Kharkiv" || p.Lat == nil {
			t.Errorf("place %+v", p)
		}
	}
	if len(box) == 0 {
		t.Error("Places(Kharkiv in box): none")
	}
}

// TestConcurrentWritersReaders runs writers and readers at once (run it
// with -race).
func TestConcurrentWritersReaders(t *testing.T) {
	ctx := context.Background()
	s, _ := openTemp(t)
	var wg sync.WaitGroup
	for w := range 3 {
		wg.Go(func() {
			rng := rand.New(rand.NewPCG(uint64(w), 99))
			for b := range 5 {
				var docs []*faultline.Document
				for i := range 20 {
					docs = append(docs, synthetic.Document(w*10000+b*100+i, 3, rng))
				}
				if _, err := s.PutBatch(ctx, docs); err != nil {
					t.Error(err)
					return
				}
			}
		})
	}
	deadline := time.Now().Add(5 * time.Second)
	for r := range 6 {
		wg.Go(func() {
			for i := 0; i < 30 && time.Now().Before(deadline); i++ {
				f := EventFilter{Place: []string{"UA", "IL", "Geneva"}[(r+i)%3], From: "2024-01-01", Limit: 20}
				if _, err := s.Events(ctx, f); err != nil {
					t.Error(err)
					return
				}
				if _, err := s.EventCounts(ctx, f); err != nil {
					t.Error(err)
					return
				}
				if _, err := s.Quotes(ctx, QuoteFilter{Text: "respond"}); err != nil {
					t.Error(err)
					return
				}
			}
		})
	}
	wg.Wait()
	if got := countRows(t, s, "events"); got != 3*5*20*3 {
		t.Errorf("events: %d, want %d", got, 3*5*20*3)
	}
}

func TestActors(t *testing.T) {
	ctx := context.Background()
	s, docs := synthStore(t, 100, 3)
	type key struct{ name, code string }
	wantDocs := map[key]int{}
	for _, d := range docs {
		for _, e := range d.Entities {
			wantDocs[key{e.Name, e.Actor.Code}]++
		}
	}
	rows, err := s.Actors(ctx, EntityFilter{Limit: MaxLimit})
	if err != nil {
		t.Fatal(err)
	}
	if len(rows) != len(wantDocs) {
		t.Fatalf("%d actors, want %d", len(rows), len(wantDocs))
	}
	for i, r := range rows {
		if n := wantDocs[key{r.Name, r.ActorCode}]; r.Documents != n {
			t.Errorf("%s %s: %d documents, want %d", r.Name, r.ActorCode, r.Documents, n)
		}
		if len(r.Aliases) != 1 || r.Aliases[0] != strings.ToUpper(r.Name) {
			t.Errorf("%s: aliases %v", r.Name, r.Aliases)
		}
		if i > 0 && r.Documents > rows[i-1].Documents {
			t.Errorf("not sorted by documents at %d", i)
		}
	}
	if rows, _ := s.Actors(ctx, EntityFilter{Actor: "UKR"}); len(rows) != 2 {
		t.Errorf("Actors(UKR): %v", rows)
	}
}

// A cluster's extent, given back as a bbox filter, selects exactly its
// events, also when the extent is a single point (the R*Tree rounds its
// bounds).
func TestEventClusterExtentSelectsItsEvents(t *testing.T) {
	ctx := context.Background()
	s, _ := synthStore(t, 200, 3)
	for _, cell := range []float64{0.001, 1, 30} {
		cells, _, err := s.EventClusters(ctx, EventFilter{}, cell)
		if err != nil {
			t.Fatal(err)
		}
		for _, c := range cells {
			b := c.BBox
			n, err := s.CountEvents(ctx, EventFilter{BBox: &b})
			if err != nil {
				t.Fatal(err)
			}
			if n != c.N {
				t.Errorf("cell %g: cluster at %s (%v) has %d events, its extent as a bbox selects %d", cell, c.Place, b, c.N, n)
			}
		}
	}
	for _, cell := range []float64{0, -1, 1000, math.NaN()} {
		if _, _, err := s.EventClusters(ctx, EventFilter{}, cell); faultline.ErrorCode(err) != faultline.EINVALID {
			t.Errorf("cell %g: err %v, want EINVALID", cell, err)
		}
	}
}

func TestBoxCells(t *testing.T) {
	tests := []struct {
		b    [4]float64
		want []any
	}{
		{[4]float64{30.2, 50.1, 30.7, 50.6}, []any{140*361 + 210}},
		{[4]float64{-0.5, -0.5, 0.5, 0.5}, []any{89*361 + 179, 89*361 + 180, 90*361 + 179, 90*361 + 180}},
		{[4]float64{-180, -90, -179.5, -89.5}, []any{0}},
		{[4]float64{179.5, 89.5, 180, 90}, []any{179*361 + 359, 179*361 + 360, 180*361 + 359, 180*361 + 360}},
		{[4]float64{0, 0, 10, 10}, nil}, // 121 cells: the date index instead
		{[4]float64{math.NaN(), 0, 1, 1}, nil},
	}
	for _, tt := range tests {
		if got := boxCells(tt.b); !slices.Equal(got, tt.want) {
			t.Errorf("boxCells(%v) = %v, want %v", tt.b, got, tt.want)
		}
	}
}

// New events get their grid cell from the trigger.
func TestEventCellsOnInsert(t *testing.T) {
	s, _ := synthStore(t, 20, 3)
	var located, celled int
	if err := s.db.QueryRow("SELECT count(*), count(cell) FROM events WHERE lat IS NOT NULL").Scan(&located, &celled); err != nil {
		t.Fatal(err)
	}
	if located == 0 || celled != located {
		t.Errorf("%d of %d located events have a cell", celled, located)
	}
	var wrong int
	if err := s.db.QueryRow("SELECT count(*) FROM events WHERE cell <> CAST(lat + 90 AS INTEGER) * 361 + CAST(lon + 180 AS INTEGER)").Scan(&wrong); err != nil || wrong > 0 {
		t.Errorf("%d events in the wrong cell (%v)", wrong, err)
	}
}
