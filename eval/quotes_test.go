package eval

import (
	"context"
	"encoding/json"
	"os"
	"path/filepath"
	"testing"

	"github.com/faultline-news/faultline"
	"github.com/faultline-news/faultline/actor"
	"github.com/faultline-news/faultline/actor/actortest"
	"github.com/faultline-news/faultline/coref"
	"github.com/faultline-news/faultline/quote"
)

func quoteStages(t *testing.T) []faultline.Stage {
	pre, err := actortest.PreStages()
	if err != nil {
		t.Skipf("models do not load: %v", err)
	}
	return append(append([]faultline.Stage{}, pre...), actor.New(), coref.New(), quote.New())
}

// TestQuotesPolNeARFloor scores the dev compartment (never tuned on) and
// checks floors a little under the measured scores.
func TestQuotesPolNeARFloor(t *testing.T) {
	shared := actortest.SharedDir()
	if shared == "" {
		t.Skip("../shared not found: the PolNeAR floor needs ../shared/eval/polnear/polnear.jsonl")
	}
	path := filepath.Join(shared, "eval", "polnear", "polnear.jsonl")
	if _, err := os.Stat(path); err != nil {
		t.Skipf("%s absent", path)
	}
	comp := os.Getenv("QUOTES_COMPARTMENT")
	if comp == "" {
		comp = "dev"
	}
	if testing.Short() && comp != "dev" {
		t.Skip("short mode")
	}
	r, err := Quotes(context.Background(), path, comp, quoteStages(t))
	if err != nil {
		t.Fatal(err)
	}
	b, _ := json.Marshal(r)
	t.Logf("%s", b)
	if comp != "dev" {
		return
	}
	floors := []struct {
		name      string
		got, want float64
	}{
		{"quote_f1", r.QuoteF1, 0.72},
		{"speaker_accuracy", r.SpeakerAccuracy, 0.855},
		{"direct speaker_accuracy", r.Direct.SpeakerAccuracy, 0.90},
	}
	for _, f := range floors {
		if f.got < f.want {
			t.Errorf("%s = %.4f, floor %.4f", f.name, f.got, f.want)
		}
	}
}
