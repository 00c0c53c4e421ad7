package pipeline_test

import (
	"context"
	"errors"
	"strings"
	"sync/atomic"
	"testing"

	"github.com/faultline-news/faultline"
	"github.com/faultline-news/faultline/pipeline"
)

// fakeStage is a configurable stage for tests.
type fakeStage struct {
	name     string
	requires []faultline.Layer
	assigns  []faultline.Layer
	fn       func(ctx context.Context, doc *faultline.Document) error
}

func (s fakeStage) Name() string                { return s.name }
func (s fakeStage) Requires() []faultline.Layer { return s.requires }
func (s fakeStage) Assigns() []faultline.Layer  { return s.assigns }
func (s fakeStage) Process(ctx context.Context, doc *faultline.Document) error {
	if s.fn == nil {
		return nil
	}
	return s.fn(ctx, doc)
}

func stage(name string, req, asg []faultline.Layer) fakeStage {
	return fakeStage{name: name, requires: req, assigns: asg}
}

var (
	text  = faultline.LayerText
	sents = faultline.LayerSentences
	toks  = faultline.LayerTokens
	pos   = faultline.LayerPOS
)

func TestNewChecksOrder(t *testing.T) {
	tests := []struct {
		name    string
		stages  []faultline.Stage
		wantErr string
	}{
		{"empty", nil, ""},
		{"text only", []faultline.Stage{stage("seg", []faultline.Layer{text}, []faultline.Layer{sents, toks})}, ""},
		{"chain", []faultline.Stage{
			stage("seg", []faultline.Layer{text}, []faultline.Layer{sents, toks}),
			stage("tag", []faultline.Layer{toks}, []faultline.Layer{pos}),
		}, ""},
		{"wrong order", []faultline.Stage{
			stage("tag", []faultline.Layer{toks}, []faultline.Layer{pos}),
			stage("seg", []faultline.Layer{text}, []faultline.Layer{sents, toks}),
		}, `stage "tag" requires layer "tokens"`},
		{"duplicate name", []faultline.Stage{
			stage("seg", nil, nil), stage("seg", nil, nil),
		}, "appears twice"},
		{"nil stage", []faultline.Stage{nil}, "is nil"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			p, err := pipeline.New(tt.stages...)
			if tt.wantErr == "" {
				if err != nil {
					t.Fatalf("New: %v", err)
				}
				if len(p.Stages()) != len(tt.stages) {
					t.Fatalf("Stages() = %v", p.Stages())
				}
				return
			}
			if err == nil || !strings.Contains(err.Error(), tt.wantErr) {
				t.Fatalf("New error = %v, want it to contain %q", err, tt.wantErr)
			}
		})
	}
}

func TestProcessRecordsErrorsAndGoesOn(t *testing.T) {
	var ranLast bool
	p, err := pipeline.New(
		fakeStage{name: "seg", requires: []faultline.Layer{text}, assigns: []faultline.Layer{sents, toks},
			fn: func(context.Context, *faultline.Document) error { return errors.New("boom") }},
		fakeStage{name: "tag", requires: []faultline.Layer{toks}, assigns: []faultline.Layer{pos},
			fn: func(context.Context, *faultline.Document) error {
				t.Error("tag ran although its input failed")
				return nil
			}},
		fakeStage{name: "panicky", requires: []faultline.Layer{text},
			fn: func(context.Context, *faultline.Document) error { panic("bad index") }},
		fakeStage{name: "last", requires: []faultline.Layer{text},
			fn: func(context.Context, *faultline.Document) error { ranLast = true; return nil }},
	)
	if err != nil {
		t.Fatal(err)
	}
	doc := &faultline.Document{ID: "d1", Text: "x"}
	if err := p.Process(context.Background(), doc); err != nil {
		t.Fatalf("Process: %v", err)
	}
	if !ranLast {
		t.Error("the stage after the failures did not run")
	}
	want := []string{"seg: boom", "tag: skipped", "panicky: stage panicky panicked"}
	if len(doc.Errors) != len(want) {
		t.Fatalf("errors = %+v, want %d", doc.Errors, len(want))
	}
	for i, w := range want {
		got := doc.Errors[i].Stage + ": " + doc.Errors[i].Message
		if !strings.HasPrefix(got, w) {
			t.Errorf("error %d = %q, want prefix %q", i, got, w)
		}
	}
}

func TestRunProcessesAllAndHonoursCancel(t *testing.T) {
	var n atomic.Int64
	p, err := pipeline.New(fakeStage{name: "count", fn: func(context.Context, *faultline.Document) error {
		n.Add(1)
		return nil
	}})
	if err != nil {
		t.Fatal(err)
	}
	in := make(chan *faultline.Document)
	go func() {
		for i := 0; i < 100; i++ {
			in <- &faultline.Document{Text: "x"}
		}
		close(in)
	}()
	got := 0
	if err := p.Run(context.Background(), in, 3, func(*faultline.Document) { got++ }); err != nil {
		t.Fatal(err)
	}
	if got != 100 || n.Load() != 100 {
		t.Fatalf("got %d docs out, %d processed; want 100", got, n.Load())
	}

	ctx, cancel := context.WithCancel(context.Background())
	cancel()
	in2 := make(chan *faultline.Document) // never closed: only cancellation ends Run
	if err := p.Run(ctx, in2, 2, func(*faultline.Document) {}); !errors.Is(err, context.Canceled) {
		t.Fatalf("Run on cancelled ctx = %v, want context.Canceled", err)
	}
}

func TestPrefix(t *testing.T) {
	p, err := pipeline.New(
		stage("seg", []faultline.Layer{text}, []faultline.Layer{sents, toks}),
		stage("tag", []faultline.Layer{toks}, []faultline.Layer{pos}),
		stage("ner", []faultline.Layer{pos}, nil),
	)
	if err != nil {
		t.Fatal(err)
	}
	for n, want := range map[int]string{-1: "", 0: "", 1: "seg", 2: "seg,tag", 9: "seg,tag,ner"} {
		q, err := p.Prefix(n)
		if err != nil {
			t.Fatal(err)
		}
		if got := strings.Join(q.Stages(), ","); got != want {
			t.Errorf("Prefix(%d) = %q, want %q", n, got, want)
		}
	}
}
