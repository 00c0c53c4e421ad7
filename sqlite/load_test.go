package sqlite

import (
	"context"
	"flag"
	"fmt"
	"math/rand/v2"
	"os"
	"path/filepath"
	"runtime"
	"slices"
	"sync"
	"sync/atomic"
	"testing"
	"time"

	"github.com/faultline-news/faultline"
	"github.com/faultline-news/faultline/sqlite/synthetic"
)

// The load test of issue 7: 50 concurrent clients query events by place
// and date on a database of 100,000 events while an ingest runs. Run it
// with
//
//	go test ./sqlite -run TestEventQueryLoad -v -load
//
// It prints p50, p99 and max latency; it never fails on timing.
var (
	loadFlag     = flag.Bool("load", false, "run the 100,000-event concurrent query load test")
	loadEvents   = flag.Int("load.events", 100_000, "events in the load-test database")
	loadClients  = flag.Int("load.clients", 50, "concurrent query clients")
	loadDuration = flag.Duration("load.duration", 20*time.Second, "how long the clients query")
	loadDB       = flag.String("load.db", "", "keep the load-test database at this path and reuse it when it exists")
	loadIngest   = flag.Int("load.ingest", 100, "documents per second the concurrent ingest stores (0: as fast as it can)")
)

const loadEventsPerDoc = 5

type loadResult struct {
	queries, rows, ingested int
	p50, p99, max           time.Duration
	errs                    int
}

// runEventLoad queries s from clients goroutines for d while one more
// goroutine stores new documents, and returns the latency distribution.
func runEventLoad(tb testing.TB, s *Store, clients int, d time.Duration, queriesPerClient, ingestPerSecond int) loadResult {
	ctx, cancel := context.WithTimeout(context.Background(), d)
	defer cancel()
	var ingested atomic.Int64
	var ingest, wg sync.WaitGroup
	ingest.Go(func() {
		rng := rand.New(rand.NewPCG(uint64(time.Now().UnixNano()), 5))
		err := synthetic.Ingest(ctx, func(ctx context.Context, docs []*faultline.Document) error {
			rs, err := s.PutBatch(ctx, docs)
			for _, r := range rs {
				if r.Stored {
					ingested.Add(1)
				}
			}
			return err
		}, ingestPerSecond, 10_000_000, loadEventsPerDoc, rng)
		if err != nil {
			tb.Errorf("ingest: %v", err)
		}
	})
	lat := make([][]time.Duration, clients)
	var rows, errs atomic.Int64
	for c := range clients {
		wg.Go(func() {
			rng := rand.New(rand.NewPCG(uint64(c), 17))
			for i := 0; (queriesPerClient == 0 || i < queriesPerClient) && ctx.Err() == nil; i++ {
				p := synthetic.Places[rng.IntN(len(synthetic.Places))]
				from := time.Date(2024, 1, 1, 0, 0, 0, 0, time.UTC).AddDate(0, 0, rng.IntN(700))
				f := EventFilter{From: from.Format("2006-01-02"), To: from.AddDate(0, 0, 7+rng.IntN(60)).Format("2006-01-02"), Limit: 50}
				if i%2 == 0 {
					f.BBox = &[4]float64{p.Lon - 2, p.Lat - 2, p.Lon + 2, p.Lat + 2}
				} else {
					f.Place = p.Country
				}
				start := time.Now()
				got, err := s.Events(context.WithoutCancel(ctx), f)
				lat[c] = append(lat[c], time.Since(start))
				if err != nil {
					errs.Add(1)
					tb.Errorf("query %+v: %v", f, err)
					return
				}
				rows.Add(int64(len(got)))
			}
		})
	}
	wg.Wait()
	cancel()
	ingest.Wait()
	var all []time.Duration
	for _, l := range lat {
		all = append(all, l...)
	}
	slices.Sort(all)
	r := loadResult{queries: len(all), rows: int(rows.Load()), ingested: int(ingested.Load()), errs: int(errs.Load())}
	if len(all) > 0 {
		r.p50 = all[len(all)/2]
		r.p99 = all[min(len(all)-1, len(all)*99/100)]
		r.max = all[len(all)-1]
	}
	return r
}

// TestEventQueryLoadSmall is the load test in miniature, as a correctness
// check: 5,000 events, 50 clients, a running ingest, no errors, rows found.
func TestEventQueryLoadSmall(t *testing.T) {
	s, _ := openTemp(t)
	fillSynthetic(t, s, 5000/loadEventsPerDoc, loadEventsPerDoc, 1)
	r := runEventLoad(t, s, 50, 30*time.Second, 10, 0)
	if r.errs > 0 || r.queries != 500 {
		t.Fatalf("%d queries, %d errors", r.queries, r.errs)
	}
	if r.rows == 0 {
		t.Error("no query found any event")
	}
	t.Logf("5k events, 50 clients: %d queries, p50 %v, p99 %v, max %v, %d documents ingested meanwhile", r.queries, r.p50, r.p99, r.max, r.ingested)
}

func TestEventQueryLoad(t *testing.T) {
	if !*loadFlag {
		t.Skip("load test: run with -load (go test ./sqlite -run TestEventQueryLoad -v -load)")
	}
	ctx := context.Background()
	path := *loadDB
	if path == "" {
		path = filepath.Join(t.TempDir(), "load.db")
	}
	_, statErr := os.Stat(path)
	if statErr == nil && *loadDB != "" {
		// Query a copy, so that the ingest does not grow the kept file.
		data, err := os.ReadFile(path)
		if err != nil {
			t.Fatal(err)
		}
		path = filepath.Join(t.TempDir(), "load.db")
		if err := os.WriteFile(path, data, 0o644); err != nil {
			t.Fatal(err)
		}
	}
	s, err := Open(ctx, path)
	if err != nil {
		t.Fatal(err)
	}
	defer s.Close()
	if statErr != nil {
		start := time.Now()
		fillSynthetic(t, s, *loadEvents/loadEventsPerDoc, loadEventsPerDoc, 1)
		t.Logf("generated %d events in %v", *loadEvents, time.Since(start).Round(time.Millisecond))
		// Measure as a server would see the file: opened afresh (the
		// WAL checkpointed, no generation garbage on the heap). With
		// -load.db the generated file is kept and a copy is queried.
		s.Close()
		if *loadDB != "" {
			data, err := os.ReadFile(path)
			if err != nil {
				t.Fatal(err)
			}
			path = filepath.Join(t.TempDir(), "load.db")
			if err := os.WriteFile(path, data, 0o644); err != nil {
				t.Fatal(err)
			}
		}
		if s, err = Open(ctx, path); err != nil {
			t.Fatal(err)
		}
		defer s.Close()
		runtime.GC()
	}
	n, err := s.CountEvents(ctx, EventFilter{IncludeNegated: true, IncludeHypothetical: true})
	if err != nil {
		t.Fatal(err)
	}
	r := runEventLoad(t, s, *loadClients, *loadDuration, 0, *loadIngest)
	msg := fmt.Sprintf("%d events, %d clients, %v, ingest at %d docs/s (0 = unthrottled): %d queries (%.0f/s), p50 %v, p99 %v, max %v; %d documents (%d events) ingested meanwhile",
		n, *loadClients, *loadDuration, *loadIngest, r.queries, float64(r.queries)/loadDuration.Seconds(),
		r.p50.Round(time.Microsecond), r.p99.Round(time.Microsecond), r.max.Round(time.Microsecond), r.ingested, r.ingested*loadEventsPerDoc)
	t.Log(msg)
	fmt.Println("load:", msg)
}

// BenchmarkEvents measures one page of events by country and date, and by
// bounding box and date, on 25,000 events.
func BenchmarkEvents(b *testing.B) {
	s, _ := openTemp(b)
	fillSynthetic(b, s, 5000, loadEventsPerDoc, 1)
	ctx := context.Background()
	for _, bc := range []struct {
		name string
		f    EventFilter
	}{
		{"country+date", EventFilter{Place: "UA", From: "2024-06-01", To: "2024-07-31"}},
		{"bbox+date", EventFilter{BBox: &[4]float64{28, 48, 38, 52}, From: "2024-06-01", To: "2024-07-31"}},
		{"bbox", EventFilter{BBox: &[4]float64{28, 48, 38, 52}}},
		{"actor+code", EventFilter{Actor: "RUS", Code: "19"}},
	} {
		b.Run(bc.name, func(b *testing.B) {
			for b.Loop() {
				if _, err := s.Events(ctx, bc.f); err != nil {
					b.Fatal(err)
				}
			}
		})
	}
}
