package event

import (
	"context"
	"flag"
	"fmt"
	"os"
	"path/filepath"
	"testing"

	"github.com/faultline-news/faultline"
	"github.com/faultline-news/faultline/model/parser"
	"github.com/faultline-news/faultline/model/tagger"
	"github.com/faultline-news/faultline/parse"
	"github.com/faultline-news/faultline/segment"
	"github.com/faultline-news/faultline/tag"
)

var calibrateOut = flag.String("calibrate", "", "write the confidence features and correctness of every coded event of the PETRARCH2 and GSR suites to this TSV file")

// TestCalibrationFeatures dumps features for fitting the confidence
// weights (run with -calibrate FILE; skipped otherwise).
func TestCalibrationFeatures(t *testing.T) {
	if *calibrateOut == "" {
		t.Skip("pass -calibrate FILE to dump calibration features")
	}
	wd, _ := os.Getwd()
	ev := filepath.Join(wd, "..", "..", "shared", "eval")
	tm, err := tagger.Load()
	if err != nil {
		t.Fatal(err)
	}
	pm, err := parser.Load()
	if err != nil {
		t.Fatal(err)
	}
	pre := []faultline.Stage{segment.New(), tag.NewStage(tm), parse.NewStage(pm)}
	out, err := os.Create(*calibrateOut)
	if err != nil {
		t.Fatal(err)
	}
	defer out.Close()
	feats := map[*faultline.Document][]features{}
	var cur *faultline.Document
	traceFeatures = func(e *faultline.Event, f features) { feats[cur] = append(feats[cur], f) }
	defer func() { traceFeatures = nil }()
	// the hook sees events before the record's document is known, so run
	// the stages here and score like ScoreSuite
	for _, suite := range [][3]string{
		{"petrarch2", "petrarch2-validation.jsonl", filepath.Join(ev, "cameo", "validation-dicts")},
		{"gsr", "universalpetrarch-gsr-validation.jsonl", filepath.Join(ev, "cameo")},
	} {
		_, err = ScoreSuiteEach(context.Background(), filepath.Join(ev, suite[1]), suite[2],
			append(pre, docMarker(func(d *faultline.Document) { cur = d })), func(r RecordTriples) {
				left := map[[3]string]int{}
				for _, g := range r.Gold {
					left[g]++
				}
				fs := feats[r.Doc]
				for i, e := range r.Doc.Events {
					if e.Negated || i >= len(fs) {
						continue
					}
					k := [3]string{e.SourceCode, e.TargetCode, e.CAMEO}
					ok := left[k] > 0
					if ok {
						left[k]--
					}
					f := fs[i]
					fmt.Fprintf(out, "%s\t%v\t%d\t%s\t%s\t%v\t%v\t%v\t%v\t%v\t%q\t%v\t%v\t%v\t%v\t%d\t%d\t%d\t%s\t%s\t%s\t%s\n", suite[0], ok, f.specific, f.srcVia, f.tgtVia, f.srcExact, f.tgtExact, f.neg, f.hyp, f.reported, f.intent,
						f.srcEntity, f.tgtEntity, f.srcBare, f.tgtBare, f.quad, f.sentEvents, f.sentTokens, r.ID, e.CAMEO, e.SourceCode, e.TargetCode)
				}
			})
		if err != nil {
			t.Fatal(err)
		}
	}
}

// docMarker is a stage that tells the test which document is being coded.
type docMarker func(*faultline.Document)

func (m docMarker) Name() string                                           { return "marker" }
func (m docMarker) Requires() []faultline.Layer                            { return nil }
func (m docMarker) Assigns() []faultline.Layer                             { return nil }
func (m docMarker) Process(_ context.Context, d *faultline.Document) error { m(d); return nil }
