package event_test

import (
	"context"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"github.com/faultline-news/faultline"
	"github.com/faultline-news/faultline/lexicon/petrarch"
)

// TestSample codes the VOA sample article of issue 5 with the whole chain
// (the stages of `faultline analyze`) and checks the events that the issue
// expects, at most 30 events and none from the "Popular posts" lines.
func TestSample(t *testing.T) {
	ev := sharedEval(t)
	path := filepath.Join(filepath.Dir(ev), "samples", "000_e9c81a236e9288db.txt")
	b, err := os.ReadFile(path)
	if err != nil {
		t.Skipf("sample not found: %v", err)
	}
	phoenix, err := petrarch.Load(context.Background(), filepath.Join(ev, "cameo"))
	if err != nil {
		t.Fatal(err)
	}
	for _, cfg := range []struct {
		name  string
		dicts *petrarch.Dictionaries
	}{{"own lexicon", nil}, {"Phoenix dictionaries", phoenix}} {
		t.Run(cfg.name, func(t *testing.T) {
			stages := analysisChain(t, cfg.dicts)
			doc := codeSample(t, string(b), stages)
			type want struct {
				src, root, tgt, date, reportedBy string // src, tgt: code prefixes
			}
			// events of the issue that both configurations find
			wants := []want{
				{src: "NGOHRI", root: "11", tgt: "---UAF", date: "2017-02"},               // HRW accuses the militias ("warned in February")
				{src: "---UAF", root: "17", tgt: "---", reportedBy: "Human Rights Watch"}, // militias detain men fleeing Mosul
				{src: "IRQMIL", root: "11", tgt: "USA"},                                   // al-Hosseini accuses the US
				{src: "IRQ", root: "1", tgt: "IMGMUSISI"},                                 // Iraqi forces expel / fight IS
			}
			if cfg.dicts == nil {
				wants = append(wants,
					want{src: "USA", root: "12", tgt: "---MIL"},                               // the U.S. vows not to cooperate
					want{src: "", root: "13", tgt: "USAMIL", reportedBy: "Jafar al-Hosseini"}, // "the Islamic resistance of Iraq will target them"
					want{src: "USAGOV", root: "04", tgt: "IRQGOV", date: "2017-03-20"},        // Trump and al-Abadi consult
					want{src: "IRQMIL", root: "19", tgt: "IMGMUSISI"},                         // Iraqi forces fight IS
					want{src: "IRQREB", root: "13", tgt: "USAMIL"},                            // the PMF's threat
					want{src: "---UAF", root: "13", tgt: "USA"},                               // a militia threatening to turn against the coalition
				)
			}
			if cfg.dicts != nil {
				// the Phoenix agents have no plain FORCES, and PETRARCH
				// takes a role's code only from the agents dictionary:
				// "American forces" are the USA, and "any forces aligned
				// with Tehran" have no code
				wants = append(wants,
					want{src: "", root: "13", tgt: "USA", reportedBy: "Jafar al-Hosseini"},
				)
			}
			// precision guard: the article holds about fifteen codable
			// events; a jump means over-coding
			if len(doc.Events) > 18 {
				t.Errorf("%d events, expected at most 18", len(doc.Events))
			}
			for _, e := range doc.Events {
				if (e.SourceText == "militants" && e.SourceCode == "IRQUAF") || (e.TargetText == "militants" && e.TargetCode == "IRQUAF") {
					t.Errorf("'Islamic State militants' coded as Iraqi: %+v", e)
				}
			}
			for _, w := range wants {
				found := false
				for _, e := range doc.Events {
					if !strings.HasPrefix(e.SourceCode, w.src) || !strings.HasPrefix(e.CAMEO, w.root) || !strings.HasPrefix(e.TargetCode, w.tgt) || e.Negated {
						continue
					}
					if w.date != "" && e.Date != w.date {
						continue
					}
					if w.reportedBy != "" && (e.ReportedBy == nil || entityName(doc, *e.ReportedBy) != w.reportedBy) {
						continue
					}
					found = true
				}
				if !found {
					t.Errorf("missing %+v", w)
				}
			}
		})
	}
}

func codeSample(t *testing.T, text string, stages []faultline.Stage) *faultline.Document {
	ref := time.Date(2017, 3, 23, 0, 0, 0, 0, time.UTC)
	doc := &faultline.Document{ID: "sample", Text: text, Reference: ref, Published: "2017-03-23"}
	for _, s := range stages {
		if err := s.Process(context.Background(), doc); err != nil {
			t.Fatalf("%s: %v", s.Name(), err)
		}
	}
	checkSpans(t, doc)
	var lines []string
	for _, e := range doc.Events {
		line := e.SourceCode + " " + e.CAMEO + " " + e.TargetCode + " [" + e.Trigger.Text + "] " + e.SourceText + " -> " + e.TargetText + " " + e.Date
		if e.Negated {
			line += " NEG"
		}
		if e.Hypothetical {
			line += " HYP"
		}
		if e.ReportedBy != nil {
			line += " reported_by=" + *e.ReportedBy
		}
		lines = append(lines, line)
	}
	t.Logf("%d events:\n%s", len(doc.Events), strings.Join(lines, "\n"))
	if len(doc.Events) > 30 {
		t.Errorf("%d events, the issue allows at most 30", len(doc.Events))
	}
	if cut := strings.Index(doc.Text, "Popular posts"); cut > 0 {
		for _, e := range doc.Events {
			if e.Trigger.Start > cut {
				t.Errorf("event %s from the 'Popular posts' lines: %q", e.CAMEO, e.Trigger.Text)
			}
		}
	}
	return doc
}

func entityName(doc *faultline.Document, id string) string {
	for _, e := range doc.Entities {
		if e.ID == id {
			return e.Name
		}
	}
	return ""
}

// checkSpans verifies the trigger span invariant of every event.
func checkSpans(t *testing.T, doc *faultline.Document) {
	t.Helper()
	for i, e := range doc.Events {
		tr := e.Trigger
		if tr.Start < 0 || tr.End > len(doc.Text) || tr.Start > tr.End || doc.Text[tr.Start:tr.End] != tr.Text {
			t.Errorf("event %d: trigger %+v does not match the text", i, tr)
		}
		if e.Sentence < 0 || e.Sentence >= len(doc.Sentences) {
			t.Errorf("event %d: sentence %d out of range", i, e.Sentence)
			continue
		}
		s := doc.Sentences[e.Sentence]
		if tr.Start < s.Start || tr.End > s.End {
			t.Errorf("event %d: trigger outside its sentence", i)
		}
	}
}
