package sqlite

import (
	"context"
	"testing"
	"time"
)

func TestZZPlan(t *testing.T) {
	if *loadDB == "" {
		t.Skip()
	}
	ctx := context.Background()
	s, err := Open(ctx, *loadDB)
	if err != nil {
		t.Fatal(err)
	}
	defer s.Close()
	for _, f := range []EventFilter{
		{Place: "UA", From: "2024-06-01", To: "2024-07-15", Limit: 50},
		{BBox: &[4]float64{28, 48, 33, 52}, From: "2024-06-01", To: "2024-07-15", Limit: 50},
		{BBox: &[4]float64{28, 48, 33, 52}, Limit: 50},
	} {
		q, _ := s.eventWhere(ctx, f)
		sqlText := "SELECT " + eventColumns + " FROM events e JOIN documents d ON d.seq = e.doc_seq" + q.clause() + " ORDER BY e.date DESC, e.id DESC LIMIT ? OFFSET ?"
		rows, err := s.db.QueryContext(ctx, "EXPLAIN QUERY PLAN "+sqlText, append(q.args, 50, 0)...)
		if err != nil {
			t.Fatal(err)
		}
		for rows.Next() {
			var a, b, c int
			var d string
			rows.Scan(&a, &b, &c, &d)
			t.Log(d)
		}
		rows.Close()
		start := time.Now()
		for range 20 {
			if _, err := s.Events(ctx, f); err != nil {
				t.Fatal(err)
			}
		}
		t.Logf("%+v: %v per query", f, time.Since(start)/20)
	}
}
