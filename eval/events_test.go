package eval

import (
	"context"
	"encoding/json"
	"path/filepath"
	"sync"
	"testing"

	"github.com/faultline-news/faultline"
	"github.com/faultline-news/faultline/model/parser"
	"github.com/faultline-news/faultline/model/tagger"
	"github.com/faultline-news/faultline/parse"
	"github.com/faultline-news/faultline/segment"
	"github.com/faultline-news/faultline/tag"
)

var (
	eventStagesOnce sync.Once
	eventStages     []faultline.Stage
	eventStagesErr  error
)

// eventPreStages loads segment + tagger + parser once per test binary.
func eventPreStages(t *testing.T) []faultline.Stage {
	t.Helper()
	eventStagesOnce.Do(func() {
		tm, err := tagger.Load()
		if err != nil {
			eventStagesErr = err
			return
		}
		pm, err := parser.Load()
		if err != nil {
			eventStagesErr = err
			return
		}
		eventStages = []faultline.Stage{segment.New(), tag.NewStage(tm), parse.NewStage(pm)}
	})
	if eventStagesErr != nil {
		t.Fatal(eventStagesErr)
	}
	return eventStages
}

// TestEventsSuites scores the coder on the PETRARCH2 unit tests and on
// UniversalPetrarch's real-news set, with floors below the measured scores.
func TestEventsSuites(t *testing.T) {
	cameoDir := sharedSuiteDir(t, "cameo")
	evalDir := filepath.Dir(cameoDir)
	tests := []struct {
		name, file, dicts       string
		minF1, minPrec, minNoev float64
	}{
		{"petrarch2", "petrarch2-validation.jsonl", filepath.Join(cameoDir, "validation-dicts"), 0.71, 0.87, 0.90},
		{"gsr", "universalpetrarch-gsr-validation.jsonl", cameoDir, 0.48, 0.52, 0.70},
	}
	pre := eventPreStages(t)
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			r, err := Events(context.Background(), filepath.Join(evalDir, tc.file), tc.dicts, pre)
			if err != nil {
				t.Fatal(err)
			}
			b, _ := json.Marshal(r)
			t.Logf("%s: %s", tc.name, b)
			if r.Crashes != 0 {
				t.Errorf("%d crashes", r.Crashes)
			}
			if r.F1 < tc.minF1 || r.Precision < tc.minPrec || r.NoeventsAccuracy < tc.minNoev {
				t.Errorf("below floor: f1 %.3f (min %.2f) precision %.3f (min %.2f) noevents %.3f (min %.2f)",
					r.F1, tc.minF1, r.Precision, tc.minPrec, r.NoeventsAccuracy, tc.minNoev)
			}
		})
	}
}
