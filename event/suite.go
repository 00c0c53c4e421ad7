package event

import (
	"bufio"
	"context"
	"encoding/json"
	"errors"
	"io"
	"math"
	"os"
	"sort"
	"strings"
	"time"

	"github.com/faultline-news/faultline"
	"github.com/faultline-news/faultline/lexicon/petrarch"
)

// SuiteScoring describes how `faultline eval events` scores.
const SuiteScoring = "per record, multiset of (source, target, CAMEO code) triples compared with the gold events " +
	"(PETRARCH validation); negated events are not counted as coded; root F1 compares (source, target, root) triples; " +
	"noevents_accuracy is the share of noevents records with no coded event; expected_error records " +
	"(dateline, storydiscard, ...) count as handled when nothing is coded and nothing crashes; bad_input_parse records " +
	"(a broken parse in the file, which this coder does not read) count as handled when nothing crashes and are not scored"

// SuiteScore is the score of the coder on one suite (the JSON printed by
// `faultline eval events --json`).
type SuiteScore struct {
	Precision        float64 `json:"precision"`
	Recall           float64 `json:"recall"`
	F1               float64 `json:"f1"`
	RootF1           float64 `json:"root_f1"`
	NoeventsAccuracy float64 `json:"noevents_accuracy"`
	Records          int     `json:"records"`
	Gold             int     `json:"gold"`
	Predicted        int     `json:"predicted"`
	Correct          int     `json:"correct"`
	Noevents         int     `json:"noevents"`
	ExpectedErrors   int     `json:"expected_errors"`
	ErrorsHandled    int     `json:"expected_errors_handled"`
	Crashes          int     `json:"crashes"`
	// SkippedBadParse counts expected_error "bad_input_parse" records: they
	// test a broken PTB parse in the suite, which this coder does not read,
	// so their triples are not scored.
	SkippedBadParse int `json:"skipped_bad_input_parse"`
	// Reliability bins the predicted events by confidence: in a calibrated
	// coder, Accuracy is close to the bin's MeanConfidence.
	Reliability []ReliabilityBin `json:"reliability"`
	// ECE is the expected calibration error over the reliability bins
	// (the events-weighted mean of |accuracy - mean confidence|) and Brier
	// the mean squared error of the confidences against correctness.
	ECE           float64 `json:"ece"`
	Brier         float64 `json:"brier"`
	SentencesPerS float64 `json:"sentences_per_s"`
	// Nesting is "kept" when events nested under a verb that a dictionary
	// transformation rewrites are coded and scored, "petrarch" when the
	// transformation replaces them (SuiteOptions.PetrarchNesting).
	Nesting string `json:"nesting"`
	Scoring string `json:"scoring"`
}

// ReliabilityBin is one row of the calibration table.
type ReliabilityBin struct {
	Low            float64 `json:"low"`
	High           float64 `json:"high"`
	Events         int     `json:"events"`
	MeanConfidence float64 `json:"mean_confidence"`
	Accuracy       float64 `json:"accuracy"`
}

type eventRecord struct {
	ID            string `json:"id"`
	Text          string `json:"text"`
	Date          string `json:"date"`
	Noevents      bool   `json:"noevents"`
	ExpectedError string `json:"expected_error"`
	Events        []struct {
		Source string `json:"source"`
		Target string `json:"target"`
		Code   string `json:"code"`
	} `json:"events"`
}

// ScoreSuite scores the event coder on a PETRARCH-style JSONL suite at path.
// pre are the stages that segment, tag and parse (and optionally recognise
// entities) each record's text; the coder is built over the dictionaries of
// dictDir (petrarch.Load) and run after them.
func ScoreSuite(ctx context.Context, path, dictDir string, pre []faultline.Stage) (SuiteScore, error) {
	return ScoreSuiteEach(ctx, path, dictDir, pre, nil)
}

// RecordTriples is what each reports for one record: gold and coded
// (source, target, code) triples and the coded events.
type RecordTriples struct {
	ID    string
	Text  string
	Gold  [][3]string
	Coded [][3]string
	Doc   *faultline.Document
}

// ScoreSuiteEach is ScoreSuite calling each (when not nil) after every
// record, for error analysis.
func ScoreSuiteEach(ctx context.Context, path, dictDir string, pre []faultline.Stage, each func(RecordTriples)) (SuiteScore, error) {
	return ScoreSuiteWith(ctx, path, dictDir, pre, SuiteOptions{}, each)
}

// SuiteOptions choose the coder's conventions for a suite run.
type SuiteOptions struct {
	// PetrarchNesting runs the coder with Options.PetrarchNesting: the verb
	// dictionary's transformations replace the nested events they read
	// ("X claimed that Y attacked Z" is only X accusing Y) and intended
	// acts other than cooperation are coded as acts, as PETRARCH-2 codes
	// and as UniversalPetrarch's gold expects. By default the nested event
	// is also coded (and scored) and intentions are intentions, as
	// `faultline analyze` reports them.
	PetrarchNesting bool
}

// ScoreSuiteWith is ScoreSuiteEach with explicit options.
func ScoreSuiteWith(ctx context.Context, path, dictDir string, pre []faultline.Stage, so SuiteOptions, each func(RecordTriples)) (SuiteScore, error) {
	res := SuiteScore{Scoring: SuiteScoring, Nesting: "kept"}
	if so.PetrarchNesting {
		res.Nesting = "petrarch"
	}
	var user *petrarch.Dictionaries
	if dictDir != "" {
		d, err := petrarch.Load(ctx, dictDir)
		if err != nil {
			return res, err
		}
		user = d
	}
	coder := NewStage(user)
	coder.opts.PetrarchNesting = so.PetrarchNesting
	stages := append(append([]faultline.Stage(nil), pre...), coder)
	f, err := os.Open(path)
	if err != nil {
		return res, faultline.Errorf(faultline.ENOTFOUND, "event: suite cannot open %s (pass --data with a PETRARCH-style .jsonl suite): %w", path, err)
	}
	defer f.Close()
	rd := bufio.NewReaderSize(f, 1<<20)
	var tp, fp, fn, rtp, rfp, rfn, noevOK, sentences int
	type scored struct {
		conf    float64
		correct bool
	}
	var preds []scored
	start := time.Now()
	line := 0
	for {
		if err := ctx.Err(); err != nil {
			return res, faultline.Errorf(faultline.EUNAVAILABLE, "event: suite %s: %w", path, err)
		}
		b, rerr := rd.ReadBytes('\n')
		if len(strings.TrimSpace(string(b))) > 0 {
			line++
			var rec eventRecord
			if err := json.Unmarshal(b, &rec); err != nil {
				return res, faultline.Errorf(faultline.EINVALID, "event: suite %s line %d is not a JSON event record (%v); check the file format", path, line, err)
			}
			res.Records++
			doc := &faultline.Document{ID: rec.ID, Text: rec.Text}
			if t, ok := suiteDate(rec.Date); ok {
				doc.Reference = t
				doc.Published = t.Format("2006-01-02")
			}
			crashed := false
			for _, s := range stages {
				if err := s.Process(ctx, doc); err != nil {
					var fe *faultline.Error
					if errors.As(err, &fe) && fe.Code == faultline.EUNAVAILABLE {
						return res, err
					}
					crashed = true
					break
				}
			}
			if crashed {
				res.Crashes++
			}
			sentences += len(doc.Sentences)
			if rec.ExpectedError == "bad_input_parse" {
				// the record tests PETRARCH's reaction to a broken parse in
				// the file; we parse the text ourselves, so there is
				// nothing to score but the absence of a crash
				res.ExpectedErrors++
				if !crashed {
					res.ErrorsHandled++
				}
				res.SkippedBadParse++
				continue
			}
			gold := map[[3]string]int{}
			groot := map[[3]string]int{}
			for _, e := range rec.Events {
				gold[[3]string{e.Source, e.Target, e.Code}]++
				groot[[3]string{e.Source, e.Target, eventRoot(e.Code)}]++
				res.Gold++
			}
			coded := 0
			for _, e := range doc.Events {
				if e.Negated {
					continue
				}
				coded++
				res.Predicted++
				k := [3]string{e.SourceCode, e.TargetCode, e.CAMEO}
				ok := gold[k] > 0
				if ok {
					gold[k]--
					tp++
				} else {
					fp++
				}
				preds = append(preds, scored{e.Confidence, ok})
				rk := [3]string{e.SourceCode, e.TargetCode, eventRoot(e.CAMEO)}
				if groot[rk] > 0 {
					groot[rk]--
					rtp++
				} else {
					rfp++
				}
			}
			for _, n := range gold {
				fn += n
			}
			if each != nil {
				rt := RecordTriples{ID: rec.ID, Text: rec.Text, Doc: doc}
				for _, e := range rec.Events {
					rt.Gold = append(rt.Gold, [3]string{e.Source, e.Target, e.Code})
				}
				for _, e := range doc.Events {
					if !e.Negated {
						rt.Coded = append(rt.Coded, [3]string{e.SourceCode, e.TargetCode, e.CAMEO})
					}
				}
				each(rt)
			}
			for _, n := range groot {
				rfn += n
			}
			if rec.Noevents {
				res.Noevents++
				if coded == 0 && !crashed {
					noevOK++
				}
			}
			if rec.ExpectedError != "" {
				res.ExpectedErrors++
				if coded == 0 && !crashed {
					res.ErrorsHandled++
				}
			}
		}
		if rerr == io.EOF {
			break
		}
		if rerr != nil {
			return res, faultline.Errorf(faultline.EINTERNAL, "event: suite reading %s: %w", path, rerr)
		}
	}
	if res.Records == 0 {
		return res, faultline.Errorf(faultline.ENOTFOUND, "event: suite %s holds no records", path)
	}
	res.Correct = tp
	res.Precision, res.Recall, res.F1 = eventPRF(tp, fp, fn)
	_, _, res.RootF1 = eventPRF(rtp, rfp, rfn)
	if res.Noevents > 0 {
		res.NoeventsAccuracy = float64(noevOK) / float64(res.Noevents)
	}
	sort.Slice(preds, func(i, j int) bool { return preds[i].conf < preds[j].conf })
	var ece, brier float64
	for b := 0; b < 5; b++ {
		lo, hi := float64(b)/5, float64(b+1)/5
		bin := ReliabilityBin{Low: lo, High: hi}
		sum, ok := 0.0, 0
		for _, p := range preds {
			if p.conf >= lo && (p.conf < hi || (b == 4 && p.conf <= hi)) {
				bin.Events++
				sum += p.conf
				if p.correct {
					ok++
				}
			}
		}
		if bin.Events > 0 {
			mc, acc := sum/float64(bin.Events), float64(ok)/float64(bin.Events)
			ece += float64(bin.Events) / float64(len(preds)) * math.Abs(acc-mc)
			bin.MeanConfidence = math.Round(mc*1000) / 1000
			bin.Accuracy = math.Round(acc*1000) / 1000
		}
		res.Reliability = append(res.Reliability, bin)
	}
	for _, p := range preds {
		y := 0.0
		if p.correct {
			y = 1
		}
		brier += (p.conf - y) * (p.conf - y)
	}
	if len(preds) > 0 {
		res.ECE = math.Round(ece*1000) / 1000
		res.Brier = math.Round(brier/float64(len(preds))*1000) / 1000
	}
	if s := time.Since(start).Seconds(); s > 0 {
		res.SentencesPerS = float64(sentences) / s
	}
	return res, nil
}

// suiteDate reads a record date, YYYYMMDD or (as in PETRARCH's own date
// restrictions) YYMMDD.
func suiteDate(s string) (time.Time, bool) {
	for _, layout := range []string{"20060102", "060102"} {
		if len(s) == len(layout) {
			if t, err := time.Parse(layout, s); err == nil {
				return t, true
			}
		}
	}
	return time.Time{}, false
}

func eventRoot(code string) string {
	if len(code) >= 2 {
		return code[:2]
	}
	return code
}

func eventPRF(tp, fp, fn int) (p, r, f float64) {
	if tp+fp > 0 {
		p = float64(tp) / float64(tp+fp)
	}
	if tp+fn > 0 {
		r = float64(tp) / float64(tp+fn)
	}
	if p+r > 0 {
		f = 2 * p * r / (p + r)
	}
	return
}
