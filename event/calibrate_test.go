package event

import (
	"context"
	"flag"
	"fmt"
	"math"
	"math/rand"
	"os"
	"path/filepath"
	"sort"
	"strings"
	"testing"

	"github.com/faultline-news/faultline"
	"github.com/faultline-news/faultline/model/parser"
	"github.com/faultline-news/faultline/model/tagger"
	"github.com/faultline-news/faultline/parse"
	"github.com/faultline-news/faultline/segment"
	"github.com/faultline-news/faultline/tag"
)

var calibrateOut = flag.String("calibrate", "", "write the confidence features and correctness of every coded event of the PETRARCH2 and GSR suites to FILE, and the fit of the confidence weights with its reliability tables to FILE.fit")

// calibrationLambda is the L2 penalty of the confidence fit.
const calibrationLambda = 20

// calSample is one coded event of a suite: its features and whether it
// matched a gold triple.
type calSample struct {
	suite, record string
	x             []float64
	ok            bool
}

// TestCalibrationFeatures codes both gold suites, dumps the features of
// every event and fits the confidence weights (run with -calibrate FILE;
// skipped otherwise). The fit is reported pooled (the weights to copy into
// confWeights), per suite and checked on the other suite, and pooled under
// five-fold cross-validation by record.
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
	var samples []calSample
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
					samples = append(samples, calSample{suite: suite[0], record: r.ID, x: featureVector(f), ok: ok})
					fmt.Fprintf(out, "%s\t%v\t%d\t%s\t%s\t%v\t%v\t%v\t%v\t%v\t%q\t%v\t%v\t%v\t%v\t%d\t%d\t%d\t%s\t%s\t%s\t%s\n", suite[0], ok, f.specific, f.srcVia, f.tgtVia, f.srcExact, f.tgtExact, f.neg, f.hyp, f.reported, f.intent,
						f.srcEntity, f.tgtEntity, f.srcBare, f.tgtBare, f.quad, f.sentEvents, f.sentTokens, r.ID, e.CAMEO, e.SourceCode, e.TargetCode)
				}
			})
		if err != nil {
			t.Fatal(err)
		}
	}
	var rep strings.Builder
	bySuite := map[string][]calSample{}
	for _, s := range samples {
		bySuite[s.suite] = append(bySuite[s.suite], s)
	}
	// each suite weighs as much as the other
	weightsOf := func(ss []calSample) []float64 {
		n := map[string]int{}
		for _, s := range ss {
			n[s.suite]++
		}
		w := make([]float64, len(ss))
		for i, s := range ss {
			w[i] = float64(len(ss)) / float64(len(n)*n[s.suite])
		}
		return w
	}
	predict := func(w []float64, ss []calSample) []float64 {
		p := make([]float64, len(ss))
		for i, s := range ss {
			z := 0.0
			for j, x := range s.x {
				z += w[j] * x
			}
			p[i] = 1 / (1 + math.Exp(-z))
		}
		return p
	}
	for _, a := range []string{"petrarch2", "gsr"} {
		b := map[string]string{"petrarch2": "gsr", "gsr": "petrarch2"}[a]
		w := fitLogistic(bySuite[a], nil, calibrationLambda)
		fmt.Fprintf(&rep, "== fitted on %s\n", a)
		reliability(&rep, a+" (in sample)", bySuite[a], predict(w, bySuite[a]))
		reliability(&rep, b+" (held out)", bySuite[b], predict(w, bySuite[b]))
	}
	w := fitLogistic(samples, weightsOf(samples), calibrationLambda)
	fmt.Fprintf(&rep, "== pooled, suites weighted equally (confWeights)\n")
	for _, a := range []string{"petrarch2", "gsr"} {
		reliability(&rep, a, bySuite[a], predict(w, bySuite[a]))
	}
	fmt.Fprintf(&rep, "var confWeights = []float64{")
	for i, x := range w {
		if i > 0 {
			rep.WriteString(", ")
		}
		fmt.Fprintf(&rep, "%.3g", x)
	}
	rep.WriteString("}\n")
	for i, x := range w {
		fmt.Fprintf(&rep, "  %-24s %+.3f\n", featureNames[i], x)
	}
	// five-fold cross-validation by record
	records := map[string]int{}
	var ids []string
	for _, s := range samples {
		k := s.suite + "\t" + s.record
		if _, ok := records[k]; !ok {
			records[k] = 0
			ids = append(ids, k)
		}
	}
	sort.Strings(ids)
	rng := rand.New(rand.NewSource(1))
	rng.Shuffle(len(ids), func(i, j int) { ids[i], ids[j] = ids[j], ids[i] })
	for i, k := range ids {
		records[k] = i % 5
	}
	cv := make([]float64, len(samples))
	for fold := 0; fold < 5; fold++ {
		var train []calSample
		for _, s := range samples {
			if records[s.suite+"\t"+s.record] != fold {
				train = append(train, s)
			}
		}
		wf := fitLogistic(train, weightsOf(train), calibrationLambda)
		for i, s := range samples {
			if records[s.suite+"\t"+s.record] == fold {
				cv[i] = predict(wf, []calSample{s})[0]
			}
		}
	}
	fmt.Fprintf(&rep, "== pooled, five-fold cross-validation by record\n")
	for _, a := range []string{"petrarch2", "gsr"} {
		var ss []calSample
		var ps []float64
		for i, s := range samples {
			if s.suite == a {
				ss, ps = append(ss, s), append(ps, cv[i])
			}
		}
		reliability(&rep, a, ss, ps)
	}
	reliability(&rep, "both", samples, cv)
	if err := os.WriteFile(*calibrateOut+".fit", []byte(rep.String()), 0o644); err != nil {
		t.Fatal(err)
	}
	t.Log("\n" + rep.String())
}

// fitLogistic fits L2-regularised logistic regression (the bias, feature
// 0, unpenalised) by Newton's method; weights are per sample (nil: 1).
func fitLogistic(ss []calSample, weights []float64, lambda float64) []float64 {
	if len(ss) == 0 {
		return nil
	}
	d := len(ss[0].x)
	w := make([]float64, d)
	for it := 0; it < 50; it++ {
		g := make([]float64, d)
		h := make([][]float64, d)
		for i := range h {
			h[i] = make([]float64, d)
		}
		for n, s := range ss {
			sw := 1.0
			if weights != nil {
				sw = weights[n]
			}
			z := 0.0
			for j, x := range s.x {
				z += w[j] * x
			}
			p := 1 / (1 + math.Exp(-z))
			y := 0.0
			if s.ok {
				y = 1
			}
			for i, xi := range s.x {
				g[i] += sw * (p - y) * xi
				if xi == 0 {
					continue
				}
				for j, xj := range s.x {
					h[i][j] += sw * p * (1 - p) * xi * xj
				}
			}
		}
		for i := 1; i < d; i++ {
			g[i] += lambda * w[i]
			h[i][i] += lambda
		}
		h[0][0] += 1e-6
		step := solve(h, g)
		maxStep := 0.0
		for i := range w {
			w[i] -= step[i]
			maxStep = math.Max(maxStep, math.Abs(step[i]))
		}
		if maxStep < 1e-8 {
			break
		}
	}
	return w
}

// solve solves a x = b by Gaussian elimination with partial pivoting
// (a is positive definite here); a and b are overwritten.
func solve(a [][]float64, b []float64) []float64 {
	n := len(b)
	for c := 0; c < n; c++ {
		p := c
		for r := c + 1; r < n; r++ {
			if math.Abs(a[r][c]) > math.Abs(a[p][c]) {
				p = r
			}
		}
		a[c], a[p] = a[p], a[c]
		b[c], b[p] = b[p], b[c]
		if math.Abs(a[c][c]) < 1e-12 {
			continue
		}
		for r := c + 1; r < n; r++ {
			f := a[r][c] / a[c][c]
			for k := c; k < n; k++ {
				a[r][k] -= f * a[c][k]
			}
			b[r] -= f * b[c]
		}
	}
	x := make([]float64, n)
	for r := n - 1; r >= 0; r-- {
		if math.Abs(a[r][r]) < 1e-12 {
			continue
		}
		s := b[r]
		for k := r + 1; k < n; k++ {
			s -= a[r][k] * x[k]
		}
		x[r] = s / a[r][r]
	}
	return x
}

// reliability writes the five-band reliability table of predictions p,
// with the expected calibration error and the Brier score.
func reliability(w *strings.Builder, name string, ss []calSample, p []float64) {
	if len(ss) == 0 {
		return
	}
	var right, brier, ece, mean float64
	for i, s := range ss {
		y := 0.0
		if s.ok {
			y = 1
		}
		right += y
		mean += p[i]
		brier += (p[i] - y) * (p[i] - y)
	}
	var rows strings.Builder
	for b := 0; b < 5; b++ {
		lo, hi := float64(b)/5, float64(b+1)/5
		n, conf, acc := 0, 0.0, 0.0
		for i, s := range ss {
			if p[i] >= lo && (p[i] < hi || (b == 4 && p[i] <= hi)) {
				n++
				conf += p[i]
				if s.ok {
					acc++
				}
			}
		}
		if n == 0 {
			continue
		}
		ece += float64(n) / float64(len(ss)) * math.Abs(acc/float64(n)-conf/float64(n))
		fmt.Fprintf(&rows, "    %.1f-%.1f  events %3d  mean confidence %.3f  accuracy %.3f\n", lo, hi, n, conf/float64(n), acc/float64(n))
	}
	n := float64(len(ss))
	fmt.Fprintf(w, "  %s: events %d, accuracy %.3f, mean confidence %.3f, ECE %.3f, Brier %.3f\n%s", name, len(ss), right/n, mean/n, ece, brier/n, rows.String())
}

// docMarker is a stage that tells the test which document is being coded.
type docMarker func(*faultline.Document)

func (m docMarker) Name() string                                           { return "marker" }
func (m docMarker) Requires() []faultline.Layer                            { return nil }
func (m docMarker) Assigns() []faultline.Layer                             { return nil }
func (m docMarker) Process(_ context.Context, d *faultline.Document) error { m(d); return nil }
