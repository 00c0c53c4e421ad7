//go:build unix

package http

import (
	"context"
	"fmt"
	"log/slog"
	"math/rand/v2"
	nethttp "net/http"
	"net/http/httptest"
	"net/url"
	"os"
	"path/filepath"
	"syscall"
	"testing"

	"github.com/faultline-news/faultline/sqlite"
	"github.com/faultline-news/faultline/sqlite/synthetic"
)

// BenchmarkAPIEvents times the load test's two queries (events by
// bounding box or country and date, 50 a page, gzipped) one at a time on a
// copy of the -load.db database, without an ingest, and reports the CPU
// time per request (cpu-us/op), which other work on the machine disturbs
// less than the wall time:
//
//	go test ./http -run XXX -bench APIEvents -benchtime 1000x -load.db /tmp/load100k.db
func BenchmarkAPIEvents(b *testing.B) {
	if *loadDB == "" {
		b.Skip("give a database with -load.db (see TestAPILoad)")
	}
	data, err := os.ReadFile(*loadDB)
	if err != nil {
		b.Fatal(err)
	}
	path := filepath.Join(b.TempDir(), "load.db")
	if err := os.WriteFile(path, data, 0o644); err != nil {
		b.Fatal(err)
	}
	s, err := sqlite.Open(context.Background(), path)
	if err != nil {
		b.Fatal(err)
	}
	defer s.Close()
	api := NewServer(s, Options{Logger: slog.New(slog.DiscardHandler)})
	for _, kind := range []string{"bbox", "country"} {
		b.Run(kind, func(b *testing.B) {
			rng := rand.New(rand.NewPCG(1, 11))
			var ru0, ru1 syscall.Rusage
			syscall.Getrusage(syscall.RUSAGE_SELF, &ru0)
			n := 0
			defer func() {
				syscall.Getrusage(syscall.RUSAGE_SELF, &ru1)
				cpu := ru1.Utime.Nano() + ru1.Stime.Nano() - ru0.Utime.Nano() - ru0.Stime.Nano()
				b.ReportMetric(float64(cpu)/1e3/float64(n), "cpu-us/op")
			}()
			for b.Loop() {
				n++
				p := synthetic.Places[rng.IntN(len(synthetic.Places))]
				from := synthetic.Start.AddDate(0, 0, rng.IntN(700))
				q := url.Values{"from": {from.Format("2006-01-02")}, "to": {from.AddDate(0, 0, 7+rng.IntN(60)).Format("2006-01-02")}, "limit": {"50"}}
				if kind == "bbox" {
					q.Set("bbox", fmt.Sprintf("%g,%g,%g,%g", p.Lon-2, p.Lat-2, p.Lon+2, p.Lat+2))
				} else {
					q.Set("place", p.Country)
				}
				r := httptest.NewRequest("GET", "/api/events?"+q.Encode(), nil)
				r.Header.Set("Accept-Encoding", "gzip")
				w := httptest.NewRecorder()
				api.ServeHTTP(w, r)
				if w.Code != nethttp.StatusOK {
					b.Fatal(w.Code)
				}
			}
		})
	}
}
