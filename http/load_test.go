package http

import (
	"bytes"
	"context"
	"encoding/json"
	"flag"
	"fmt"
	"io"
	"log/slog"
	"math/rand/v2"
	nethttp "net/http"
	"net/http/httptest"
	"net/url"
	"os"
	"path/filepath"
	"runtime"
	"slices"
	"strconv"
	"sync"
	"sync/atomic"
	"testing"
	"time"

	"github.com/faultline-news/faultline"
	"github.com/faultline-news/faultline/sqlite"
	"github.com/faultline-news/faultline/sqlite/synthetic"
)

// The API load test of issue 7: 50 concurrent HTTP clients on loopback
// query /api/events by place (bounding box or country) and date range on
// a database of 100,000 events while a goroutine ingests. Run it with
//
//	go test ./http -run TestAPILoad -v -load
//
// It prints p50, p99 and max latency; it never fails on timing.
var (
	loadFlag     = flag.Bool("load", false, "run the 100,000-event concurrent HTTP load test")
	loadEvents   = flag.Int("load.events", 100_000, "events in the load-test database")
	loadClients  = flag.Int("load.clients", 50, "concurrent HTTP clients")
	loadDuration = flag.Duration("load.duration", 20*time.Second, "how long the clients query")
	loadIngest   = flag.Int("load.ingest", 100, "documents per second ingested meanwhile (0: as fast as possible)")
	loadQueries  = flag.Int("load.queries", 0, "Options.Queries of the server (0: default)")
	loadDB       = flag.String("load.db", "", "keep the generated database at this path and reuse it (a copy is queried)")
)

const eventsPerDoc = 5

// fillStore stores docs generated documents starting at number first.
func fillStore(tb testing.TB, s *sqlite.Store, first, docs int, rng *rand.Rand) {
	tb.Helper()
	batch := make([]*faultline.Document, 0, sqlite.BatchSize)
	for i := range docs {
		batch = append(batch, synthetic.Document(first+i, eventsPerDoc, rng))
		if len(batch) == sqlite.BatchSize || i == docs-1 {
			if _, err := s.PutBatch(context.Background(), batch); err != nil {
				tb.Fatalf("PutBatch: %v", err)
			}
			batch = batch[:0]
		}
	}
}

type loadStats struct {
	queries, items, ingested, errs int
	p50, p99, max                  time.Duration
}

// runAPILoad runs clients HTTP clients against base for d (or perClient
// queries each, when positive) while one goroutine ingests ingestPerSecond
// documents a second into s.
func runAPILoad(tb testing.TB, s *sqlite.Store, base string, clients int, d time.Duration, perClient, ingestPerSecond int) loadStats {
	ctx, cancel := context.WithTimeout(context.Background(), d)
	defer cancel()
	var ingested atomic.Int64
	var ingest, wg sync.WaitGroup
	ingest.Go(func() {
		rng := rand.New(rand.NewPCG(uint64(time.Now().UnixNano()), 3))
		err := synthetic.Ingest(ctx, func(ctx context.Context, docs []*faultline.Document) error {
			rs, err := s.PutBatch(ctx, docs)
			for _, r := range rs {
				if r.Stored {
					ingested.Add(1)
				}
			}
			return err
		}, ingestPerSecond, 50_000_000, eventsPerDoc, rng)
		if err != nil {
			tb.Errorf("ingest: %v", err)
		}
	})
	client := &nethttp.Client{Transport: &nethttp.Transport{MaxIdleConns: clients, MaxIdleConnsPerHost: clients, DisableCompression: os.Getenv("NOGZIP") != ""}, Timeout: 30 * time.Second}
	lat := make([][]time.Duration, clients)
	var found, errs atomic.Int64
	for c := range clients {
		wg.Go(func() {
			rng := rand.New(rand.NewPCG(uint64(c), 11))
			for i := 0; (perClient <= 0 || i < perClient) && ctx.Err() == nil; i++ {
				p := synthetic.Places[rng.IntN(len(synthetic.Places))]
				from := synthetic.Start.AddDate(0, 0, rng.IntN(700))
				q := url.Values{"from": {from.Format("2006-01-02")}, "to": {from.AddDate(0, 0, 7+rng.IntN(60)).Format("2006-01-02")}, "limit": {"50"}}
				if i%2 == 0 {
					q.Set("bbox", fmt.Sprintf("%g,%g,%g,%g", p.Lon-2, p.Lat-2, p.Lon+2, p.Lat+2))
				} else {
					q.Set("place", p.Country)
				}
				start := time.Now()
				resp, err := client.Get(base + "/api/events?" + q.Encode())
				// The client reads (and, as the transport asked for gzip,
				// inflates) the whole body but only counts the events in
				// it: it shares the CPUs with the server, so it should
				// be light. The first reply of each client is decoded.
				var b []byte
				if err == nil {
					b, err = io.ReadAll(resp.Body)
					resp.Body.Close()
					if err == nil && resp.StatusCode != 200 {
						err = fmt.Errorf("status %d: %s", resp.StatusCode, b)
					}
				}
				lat[c] = append(lat[c], time.Since(start))
				if err == nil && i == 0 {
					var body struct {
						Total *int              `json:"total"`
						Items []json.RawMessage `json:"items"`
					}
					if err = json.Unmarshal(b, &body); err == nil && body.Total == nil {
						err = fmt.Errorf("no total in %.200s", b)
					}
				}
				if err != nil {
					errs.Add(1)
					tb.Errorf("GET /api/events?%s: %v", q.Encode(), err)
					return
				}
				found.Add(int64(bytes.Count(b, []byte(`"event_id":`))))
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
	st := loadStats{queries: len(all), items: int(found.Load()), ingested: int(ingested.Load()), errs: int(errs.Load())}
	if len(all) > 0 {
		st.p50, st.p99, st.max = all[len(all)/2], all[min(len(all)-1, len(all)*99/100)], all[len(all)-1]
	}
	return st
}

// TestAPILoadSmall is the load test in miniature, as a correctness check:
// 2,500 events, 50 clients, 5 queries each, an unthrottled ingest.
func TestAPILoadSmall(t *testing.T) {
	s, err := sqlite.Open(context.Background(), filepath.Join(t.TempDir(), "load.db"))
	if err != nil {
		t.Fatal(err)
	}
	defer s.Close()
	fillStore(t, s, 0, 2500/eventsPerDoc, rand.New(rand.NewPCG(1, 2)))
	ts := httptest.NewServer(NewServer(s, Options{Logger: slog.New(slog.DiscardHandler)}))
	defer ts.Close()
	st := runAPILoad(t, s, ts.URL, 50, 60*time.Second, 5, 0)
	if st.errs > 0 || st.queries != 250 || st.items == 0 {
		t.Fatalf("%d queries, %d errors, %d items", st.queries, st.errs, st.items)
	}
	t.Logf("2.5k events, 50 clients: %d queries, p50 %v, p99 %v, max %v; %d documents ingested meanwhile", st.queries, st.p50, st.p99, st.max, st.ingested)
}

func TestAPILoad(t *testing.T) {
	if !*loadFlag {
		t.Skip("load test: run with -load (go test ./http -run TestAPILoad -v -load)")
	}
	ctx := context.Background()
	tmp := filepath.Join(t.TempDir(), "load.db")
	path := *loadDB
	if path == "" {
		path = tmp
	}
	if _, err := os.Stat(path); err != nil {
		start := time.Now()
		s, err := sqlite.Open(ctx, path)
		if err != nil {
			t.Fatal(err)
		}
		fillStore(t, s, 0, *loadEvents/eventsPerDoc, rand.New(rand.NewPCG(1, 2)))
		if err := s.Close(); err != nil {
			t.Fatal(err)
		}
		t.Logf("generated %d events in %v", *loadEvents, time.Since(start).Round(time.Millisecond))
	}
	if path != tmp {
		// Query a copy, so that the ingest leaves the kept file alone.
		data, err := os.ReadFile(path)
		if err != nil {
			t.Fatal(err)
		}
		if err := os.WriteFile(tmp, data, 0o644); err != nil {
			t.Fatal(err)
		}
	}
	// Measure the store as a server opens it: afresh.
	s, err := sqlite.Open(ctx, tmp)
	if err != nil {
		t.Fatal(err)
	}
	defer s.Close()
	runtime.GC()
	n, err := s.CountEvents(ctx, sqlite.EventFilter{IncludeNegated: true, IncludeHypothetical: true})
	if err != nil {
		t.Fatal(err)
	}
	// Time the handler too: what the server spends, against what the
	// clients see (which adds the connection and their own CPU share).
	api := NewServer(s, Options{Queries: *loadQueries, Logger: slog.New(slog.DiscardHandler)})
	var mu sync.Mutex
	var served []time.Duration
	ts := httptest.NewServer(nethttp.HandlerFunc(func(w nethttp.ResponseWriter, r *nethttp.Request) {
		start := time.Now()
		api.ServeHTTP(w, r)
		d := time.Since(start)
		mu.Lock()
		served = append(served, d)
		mu.Unlock()
	}))
	defer ts.Close()
	st := runAPILoad(t, s, ts.URL, *loadClients, *loadDuration, 0, *loadIngest)
	mu.Lock()
	slices.Sort(served)
	var sp50, sp99 time.Duration
	if len(served) > 0 {
		sp50, sp99 = served[len(served)/2], served[min(len(served)-1, len(served)*99/100)]
	}
	mu.Unlock()
	msg := fmt.Sprintf("%s events, %d HTTP clients, %v, ingest at %d docs/s (0 = unthrottled): %d queries (%.0f/s, %d events returned), p50 %v, p99 %v, max %v; in the handler p50 %v, p99 %v; %d documents (%d events) ingested meanwhile",
		strconv.Itoa(n), *loadClients, *loadDuration, *loadIngest, st.queries, float64(st.queries)/loadDuration.Seconds(), st.items,
		st.p50.Round(time.Microsecond), st.p99.Round(time.Microsecond), st.max.Round(time.Microsecond), sp50.Round(time.Microsecond), sp99.Round(time.Microsecond), st.ingested, st.ingested*eventsPerDoc)
	t.Log(msg)
	fmt.Println("load:", msg)
	// The document list pages by streaming the store from the start, so
	// deep pages cost more: say how much.
	docs, err := s.Count(ctx)
	if err != nil {
		t.Fatal(err)
	}
	for _, offset := range []int{0, docs / 2, docs - 50} {
		start := time.Now()
		resp, err := nethttp.Get(ts.URL + "/api/documents?limit=50&offset=" + strconv.Itoa(offset))
		if err != nil {
			t.Fatal(err)
		}
		io.Copy(io.Discard, resp.Body)
		resp.Body.Close()
		fmt.Printf("load: GET /api/documents?limit=50&offset=%d of %d documents: %d in %v\n", offset, docs, resp.StatusCode, time.Since(start).Round(time.Millisecond))
	}
}
