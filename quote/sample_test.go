package quote_test

import (
	"fmt"
	"os"
	"path/filepath"
	"testing"
	"time"

	"github.com/faultline-news/faultline/actor"
	"github.com/faultline-news/faultline/actor/actortest"
	"github.com/faultline-news/faultline/coref"
	"github.com/faultline-news/faultline/quote"
)

func TestSampleDump(t *testing.T) {
	shared := actortest.SharedDir()
	if shared == "" {
		t.Skip("../shared not found")
	}
	b, err := os.ReadFile(filepath.Join(shared, "samples", "000_e9c81a236e9288db.txt"))
	if err != nil {
		t.Skip(err)
	}
	doc := actortest.Run(t, string(b), time.Date(2017, 3, 23, 0, 0, 0, 0, time.UTC), actor.New(), coref.New(), quote.New())
	for _, q := range doc.Quotes {
		sp := "<nil>"
		if q.Speaker != nil {
			sp = *q.Speaker
		}
		txt := q.Text
		if len(txt) > 50 {
			txt = txt[:50]
		}
		fmt.Printf("%v %s %q cue=%s med=%q | %s\n", q.Direct, sp, q.SpeakerText, q.Cue, q.Medium, txt)
	}
	for _, e := range doc.Entities {
		if e.Type == "PERSON" {
			fmt.Println(e.ID, e.Name, e.Mentions)
		}
	}
}
