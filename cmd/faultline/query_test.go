package main

import (
	"context"
	"encoding/csv"
	"encoding/json"
	"fmt"
	"math/rand/v2"
	"path/filepath"
	"strings"
	"testing"

	"github.com/faultline-news/faultline"
	"github.com/faultline-news/faultline/sqlite"
	"github.com/faultline-news/faultline/sqlite/synthetic"
)

// synthDB stores 300 synthetic documents of 3 events and one quote each
// and returns the database path and the open store, which the caller
// closes before running the CLI on it.
func synthDB(t *testing.T) (string, *sqlite.Store) {
	t.Helper()
	path := filepath.Join(t.TempDir(), "q.db")
	s, err := sqlite.Open(context.Background(), path)
	if err != nil {
		t.Fatal(err)
	}
	rng := rand.New(rand.NewPCG(5, 6))
	var docs []*faultline.Document
	for i := range 300 {
		docs = append(docs, synthetic.Document(i, 3, rng))
	}
	if _, err := s.PutBatch(context.Background(), docs); err != nil {
		t.Fatal(err)
	}
	return path, s
}

// TestEventsAndQuotesFilters runs `faultline events` and `faultline quotes`
// with each filter flag and checks that the rows are those the store
// selects for the same filter, and that each row meets it.
func TestEventsAndQuotesFilters(t *testing.T) {
	ctx := context.Background()
	db, s := synthDB(t)
	europe := &[4]float64{-10, 35, 40, 60}
	events := []struct {
		flags []string
		f     sqlite.EventFilter
		row   func(r sqlite.EventRow) bool
	}{
		{nil, sqlite.EventFilter{}, nil},
		{[]string{"--actor", "RUS"}, sqlite.EventFilter{Actor: "RUS"}, func(r sqlite.EventRow) bool {
			return strings.HasPrefix(r.SourceCode, "RUS") || strings.HasPrefix(r.TargetCode, "RUS") || strings.Contains(r.SourceText+r.TargetText, "Rus")
		}},
		{[]string{"--actor", "kremlin"}, sqlite.EventFilter{Actor: "kremlin"}, func(r sqlite.EventRow) bool {
			return strings.Contains(r.SourceText+r.TargetText, "Kremlin")
		}},
		{[]string{"--source", "USA"}, sqlite.EventFilter{Source: "USA"}, func(r sqlite.EventRow) bool { return r.SourceCode == "USA" }},
		{[]string{"--target", "hamas"}, sqlite.EventFilter{Target: "hamas"}, func(r sqlite.EventRow) bool { return r.TargetText == "Hamas" }},
		{[]string{"--code", "19"}, sqlite.EventFilter{Code: "19"}, func(r sqlite.EventRow) bool { return strings.HasPrefix(r.CAMEO, "19") }},
		{[]string{"--code", "138"}, sqlite.EventFilter{Code: "138"}, func(r sqlite.EventRow) bool { return r.CAMEO == "138" }},
		{[]string{"--plover", "protest"}, sqlite.EventFilter{PloverType: "protest"}, func(r sqlite.EventRow) bool { return r.PloverType == "PROTEST" }},
		{[]string{"--place", "UA"}, sqlite.EventFilter{Place: "UA"}, func(r sqlite.EventRow) bool { return r.Country == "UA" }},
		{[]string{"--place", "geneva"}, sqlite.EventFilter{Place: "geneva"}, func(r sqlite.EventRow) bool { return r.PlaceName == "Geneva" }},
		{[]string{"--bbox", "-10,35,40,60"}, sqlite.EventFilter{BBox: europe}, func(r sqlite.EventRow) bool {
			return *r.Lon >= -10 && *r.Lon <= 40 && *r.Lat >= 35 && *r.Lat <= 60
		}},
		{[]string{"--near", "50.45,30.52,100"}, sqlite.EventFilter{Near: &sqlite.Near{Lat: 50.45, Lon: 30.52, Km: 100}}, func(r sqlite.EventRow) bool { return r.PlaceName == "Kyiv" }},
		{[]string{"--from", "2025-01-01", "--to", "2025-03-31"}, sqlite.EventFilter{From: "2025-01-01", To: "2025-03-31"}, func(r sqlite.EventRow) bool {
			return r.Date >= "2025-01-01" && r.Date <= "2025-03-31"
		}},
		{[]string{"--text", "Khartoum"}, sqlite.EventFilter{Text: "Khartoum"}, func(r sqlite.EventRow) bool { return true }},
		{[]string{"--negated", "--hypothetical"}, sqlite.EventFilter{IncludeNegated: true, IncludeHypothetical: true}, nil},
		{[]string{"--actor", "ISR", "--code", "19", "--place", "PS", "--from", "2024-06-01"},
			sqlite.EventFilter{Actor: "ISR", Code: "19", Place: "PS", From: "2024-06-01"}, func(r sqlite.EventRow) bool {
				return strings.HasPrefix(r.CAMEO, "19") && r.Country == "PS" && r.Date >= "2024-06-01"
			}},
	}
	type eventCase = struct {
		want int
		ids  map[string]bool
	}
	wantEvents := make([]eventCase, len(events))
	for i, tt := range events {
		f := tt.f
		f.Limit = sqlite.MaxLimit
		rows, err := s.Events(ctx, f)
		if err != nil {
			t.Fatal(err)
		}
		wantEvents[i] = eventCase{len(rows), map[string]bool{}}
		for _, r := range rows {
			wantEvents[i].ids[r.DocumentID+"/"+r.EventID] = true
		}
	}
	quotes := []struct {
		flags []string
		f     sqlite.QuoteFilter
	}{
		{nil, sqlite.QuoteFilter{}},
		{[]string{"--speaker", "hamas"}, sqlite.QuoteFilter{Speaker: "hamas"}},
		{[]string{"--actor", "RUSGOV"}, sqlite.QuoteFilter{Actor: "RUSGOV"}},
		{[]string{"--actor", "united"}, sqlite.QuoteFilter{Actor: "united"}},
		{[]string{"--code", "19"}, sqlite.QuoteFilter{Code: "19"}},
		{[]string{"--plover", "AID"}, sqlite.QuoteFilter{PloverType: "AID"}},
		{[]string{"--place", "IR"}, sqlite.QuoteFilter{Place: "IR"}},
		{[]string{"--place", "Lagos"}, sqlite.QuoteFilter{Place: "Lagos"}},
		{[]string{"--bbox", "-10,35,40,60"}, sqlite.QuoteFilter{BBox: europe}},
		{[]string{"--near", "50.45,30.52,100"}, sqlite.QuoteFilter{Near: &sqlite.Near{Lat: 50.45, Lon: 30.52, Km: 100}}},
		{[]string{"--from", "2025-01-01", "--to", "2025-06-30"}, sqlite.QuoteFilter{From: "2025-01-01", To: "2025-06-30"}},
		{[]string{"--text", "respond"}, sqlite.QuoteFilter{Text: "respond"}},
		{[]string{"--direct", "--actor", "CHN", "--place", "TW"}, sqlite.QuoteFilter{DirectOnly: true, Actor: "CHN", Place: "TW"}},
	}
	wantQuotes := make([]int, len(quotes))
	for i, tt := range quotes {
		f := tt.f
		f.Limit = sqlite.MaxLimit
		rows, err := s.Quotes(ctx, f)
		if err != nil {
			t.Fatal(err)
		}
		wantQuotes[i] = len(rows)
	}
	if err := s.Close(); err != nil {
		t.Fatal(err)
	}

	for i, tt := range events {
		args := append([]string{"events", "--db", db, "--format", "jsonl", "--limit", "10000"}, tt.flags...)
		code, out, stderr := run(t, args...)
		if code != 0 {
			t.Errorf("%v: exit %d: %s", tt.flags, code, stderr)
			continue
		}
		n := 0
		for line := range strings.SplitSeq(strings.TrimSpace(out), "\n") {
			if line == "" {
				continue
			}
			var r sqlite.EventRow
			if err := json.Unmarshal([]byte(line), &r); err != nil {
				t.Fatalf("%v: %v", tt.flags, err)
			}
			n++
			if !wantEvents[i].ids[r.DocumentID+"/"+r.EventID] {
				t.Errorf("%v: event %s/%s is not one the store selects", tt.flags, r.DocumentID, r.EventID)
			}
			if tt.row != nil && !tt.row(r) {
				t.Errorf("%v: row does not meet the filter: %+v", tt.flags, r)
			}
		}
		if n != wantEvents[i].want || (n == 0 && len(tt.flags) > 0) {
			t.Errorf("events %v: %d rows, want %d (and some)", tt.flags, n, wantEvents[i].want)
		}
	}
	for i, tt := range quotes {
		args := append([]string{"quotes", "--db", db, "--format", "csv", "--limit", "10000"}, tt.flags...)
		code, out, stderr := run(t, args...)
		if code != 0 {
			t.Errorf("%v: exit %d: %s", tt.flags, code, stderr)
			continue
		}
		recs, err := csv.NewReader(strings.NewReader(out)).ReadAll()
		if err != nil || len(recs) == 0 || recs[0][0] != "date" {
			t.Fatalf("quotes %v: CSV %v, %d records", tt.flags, err, len(recs))
		}
		if n := len(recs) - 1; n != wantQuotes[i] || n == 0 {
			t.Errorf("quotes %v: %d rows, want %d (and some)", tt.flags, n, wantQuotes[i])
		}
	}

	// the three output forms of one query agree
	counts := map[string]int{}
	for _, format := range []string{"table", "jsonl", "csv"} {
		code, out, stderr := run(t, "events", "--db", db, "--format", format, "--plover", "ASSAULT", "--limit", "7")
		if code != 0 {
			t.Fatalf("--format %s: %s", format, stderr)
		}
		counts[format] = strings.Count(out, "\n")
	}
	if counts["jsonl"] != 7 || counts["table"] != 8 || counts["csv"] < 8 {
		t.Errorf("lines per format for 7 events: %v (table and csv have a header)", counts)
	}
	// one page, and a note that there are more; --all pages through them all
	code, out, stderr := run(t, "events", "--db", db, "--format", "jsonl", "--limit", "7")
	if code != 0 || strings.Count(out, "\n") != 7 || !strings.Contains(stderr, fmt.Sprintf("rows 1 to 7 of %d; --all", wantEvents[0].want)) {
		t.Errorf("--limit 7: exit %d, %d lines, stderr %q", code, strings.Count(out, "\n"), stderr)
	}
	defer func(n int) { allPage = n }(allPage)
	allPage = 100 // several pages
	code, out, stderr = run(t, "events", "--db", db, "--format", "csv", "--all")
	recs, err := csv.NewReader(strings.NewReader(out)).ReadAll()
	if code != 0 || err != nil || len(recs)-1 != wantEvents[0].want || stderr != "" {
		t.Errorf("events --all: exit %d, %v, %d rows, want %d (one header); stderr %q", code, err, len(recs)-1, wantEvents[0].want, stderr)
	}
	seen := map[string]bool{}
	for _, r := range recs[1:] {
		k := r[8] + r[7]
		if seen[k] {
			t.Errorf("events --all: a row twice: %v", r)
		}
		seen[k] = true
	}
	code, out, _ = run(t, "quotes", "--db", db, "--format", "jsonl", "--all")
	if code != 0 || strings.Count(out, "\n") != wantQuotes[0] {
		t.Errorf("quotes --all: exit %d, %d rows, want %d", code, strings.Count(out, "\n"), wantQuotes[0])
	}
	for _, bad := range [][]string{
		{"events", "--bbox", "1,2,3"}, {"events", "--near", "x,1,2"}, {"events", "--from", "2024-1-1"},
		{"events", "--format", "xml"}, {"quotes", "--bbox", "3,2,1,0"}, {"quotes", "--near", "1,2"},
	} {
		code, _, stderr := run(t, append(bad, "--db", db)...)
		if code != 2 || stderr == "" {
			t.Errorf("%v: exit %d, %q; want a usage error (2)", bad, code, stderr)
		}
	}
}
