package quote_test

import (
	"os"
	"path/filepath"
	"testing"
	"time"

	"github.com/faultline-news/faultline"
	"github.com/faultline-news/faultline/actor"
	"github.com/faultline-news/faultline/actor/actortest"
	"github.com/faultline-news/faultline/coref"
	"github.com/faultline-news/faultline/quote"
)

// TestSample runs the real chain on the issue-4 sample article and checks
// the 15 direct quotes and their speakers.
func TestSample(t *testing.T) {
	shared := actortest.SharedDir()
	if shared == "" {
		t.Skip("../shared not found: the sample test needs ../shared/samples")
	}
	b, err := os.ReadFile(filepath.Join(shared, "samples", "000_e9c81a236e9288db.txt"))
	if err != nil {
		t.Skipf("sample absent: %v", err)
	}
	doc := actortest.Run(t, string(b), time.Date(2017, 3, 23, 0, 0, 0, 0, time.UTC), actor.New(), coref.New(), quote.New())
	names := map[string]string{}
	for _, e := range doc.Entities {
		names[e.ID] = e.Name
	}
	want := []string{
		"Jafar al-Hosseini", "Jafar al-Hosseini", "Sarhang Hamasaeed", "Sarhang Hamasaeed", "Sarhang Hamasaeed",
		"Sarhang Hamasaeed", "Donald Trump", "Adrian J.T. Rankine-Galloway", "Adrian J.T. Rankine-Galloway",
		"Sarhang Hamasaeed", "Sarhang Hamasaeed", "Haider al-Abadi", "Haider al-Abadi", "Sarhang Hamasaeed", "Sarhang Hamasaeed",
	}
	var direct []faultline.Quote
	for _, q := range doc.Quotes {
		if doc.Text[q.Start:q.End] != q.Text {
			t.Errorf("quote span %d..%d does not hold its text", q.Start, q.End)
		}
		if q.Direct && q.Start < 6000 { // the article, not the blog links after it
			direct = append(direct, q)
		}
	}
	if len(direct) != len(want) {
		t.Fatalf("got %d direct quotes, want %d", len(direct), len(want))
	}
	for i, q := range direct {
		got := ""
		if q.Speaker != nil {
			got = names[*q.Speaker]
		}
		if got != want[i] {
			t.Errorf("quote %d %.40q: speaker %q, want %q", i, q.Text, got, want[i])
		}
	}
	if direct[0].Medium != "Islamic Republic News Agency" {
		t.Errorf("medium of the first quote = %q", direct[0].Medium)
	}
}
