package synthetic_test

import (
	"context"
	"errors"
	"math/rand/v2"
	"testing"
	"time"

	"github.com/faultline-news/faultline"
	"github.com/faultline-news/faultline/sqlite/synthetic"
)

func TestDocumentSpans(t *testing.T) {
	d := synthetic.Document(7, 4, rand.New(rand.NewPCG(1, 2)))
	if len(d.Events) != 4 || len(d.Quotes) != 1 || d.ID == "" {
		t.Fatalf("got %d events, %d quotes, id %q", len(d.Events), len(d.Quotes), d.ID)
	}
	for _, e := range d.Events {
		if m := e.Trigger; d.Text[m.Start:m.End] != m.Text {
			t.Errorf("trigger %q does not match the text", m.Text)
		}
	}
	for _, p := range d.Places {
		for _, m := range p.Mentions {
			if d.Text[m.Start:m.End] != m.Text {
				t.Errorf("place mention %q does not match the text", m.Text)
			}
		}
	}
	if q := d.Quotes[0]; d.Text[q.Start:q.End] != q.Text {
		t.Errorf("quote %q does not match the text", q.Text)
	}
}

func TestIngestStopsWithContextOrError(t *testing.T) {
	ctx, cancel := context.WithTimeout(context.Background(), 100*time.Millisecond)
	defer cancel()
	n := 0
	put := func(_ context.Context, docs []*faultline.Document) error { n += len(docs); return nil }
	if err := synthetic.Ingest(ctx, put, 1000, 0, 2, rand.New(rand.NewPCG(1, 1))); err != nil || n == 0 {
		t.Fatalf("Ingest = %v after %d docs", err, n)
	}
	boom := errors.New("disk full")
	fail := func(context.Context, []*faultline.Document) error { return boom }
	if err := synthetic.Ingest(context.Background(), fail, 0, 0, 2, rand.New(rand.NewPCG(1, 1))); !errors.Is(err, boom) {
		t.Fatalf("Ingest with a failing put = %v", err)
	}
}
