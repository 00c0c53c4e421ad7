// Package pipeline runs an ordered list of named analysis stages over
// documents with a worker pool. The order is checked when the pipeline is
// built: every layer a stage requires must be assigned by an earlier stage
// (or be present on every document from the start, such as text).
package pipeline

import (
	"context"
	"fmt"
	"runtime"
	"sync"

	"github.com/faultline-news/faultline"
)

// Pipeline is an immutable, checked list of stages. It is safe for
// concurrent use when its stages are.
type Pipeline struct {
	stages []faultline.Stage
}

// Initial layers every Document carries before any stage runs.
var Initial = []faultline.Layer{faultline.LayerText}

// New checks the stage order and returns the pipeline.
func New(stages ...faultline.Stage) (*Pipeline, error) {
	have := map[faultline.Layer]string{}
	for _, l := range Initial {
		have[l] = "input"
	}
	names := map[string]bool{}
	for i, s := range stages {
		if s == nil {
			return nil, faultline.Errorf(faultline.EINTERNAL, "pipeline: stage %d is nil", i)
		}
		if names[s.Name()] {
			return nil, faultline.Errorf(faultline.EINTERNAL, "pipeline: stage %q appears twice", s.Name())
		}
		names[s.Name()] = true
		for _, r := range s.Requires() {
			if _, ok := have[r]; !ok {
				return nil, faultline.Errorf(faultline.EINTERNAL,
					"pipeline: stage %q requires layer %q, which no earlier stage assigns; put a stage that assigns it first", s.Name(), r)
			}
		}
		for _, a := range s.Assigns() {
			have[a] = s.Name()
		}
	}
	return &Pipeline{stages: append([]faultline.Stage(nil), stages...)}, nil
}

// Stages returns the stage names in order.
func (p *Pipeline) Stages() []string {
	out := make([]string, len(p.stages))
	for i, s := range p.stages {
		out[i] = s.Name()
	}
	return out
}

// Prefix returns a pipeline of the first n stages (all of them when n is
// larger), for measuring part of a chain.
func (p *Pipeline) Prefix(n int) (*Pipeline, error) {
	if n > len(p.stages) {
		n = len(p.stages)
	}
	if n < 0 {
		n = 0
	}
	return New(p.stages[:n]...)
}

// Process runs every stage on doc. A stage error is recorded on the
// document (doc.Errors) and the later stages that do not depend on the
// failed stage's layers still run; a panic inside a stage is recovered and
// recorded the same way. Only cancellation returns an error.
func (p *Pipeline) Process(ctx context.Context, doc *faultline.Document) error {
	failed := map[faultline.Layer]bool{}
	for _, s := range p.stages {
		if err := ctx.Err(); err != nil {
			return err
		}
		skip := ""
		for _, r := range s.Requires() {
			if failed[r] {
				skip = string(r)
				break
			}
		}
		if skip != "" {
			doc.Errors = append(doc.Errors, faultline.StageError{Stage: s.Name(),
				Message: fmt.Sprintf("skipped: required layer %q failed", skip)})
			for _, a := range s.Assigns() {
				failed[a] = true
			}
			continue
		}
		if err := runStage(ctx, s, doc); err != nil {
			if ctx.Err() != nil {
				return ctx.Err()
			}
			doc.Errors = append(doc.Errors, faultline.StageError{Stage: s.Name(), Message: err.Error()})
			for _, a := range s.Assigns() {
				failed[a] = true
			}
		}
	}
	return nil
}

func runStage(ctx context.Context, s faultline.Stage, doc *faultline.Document) (err error) {
	defer func() {
		if r := recover(); r != nil {
			err = faultline.Errorf(faultline.EINTERNAL, "stage %s panicked on document %s: %v (please report this)", s.Name(), doc.ID, r)
		}
	}()
	return s.Process(ctx, doc)
}

// Run processes documents from in with workers goroutines (0 means
// GOMAXPROCS) and calls out for each finished document, from one goroutine
// at a time, in completion order. It returns when in is closed and drained,
// or with ctx's error when cancelled.
func (p *Pipeline) Run(ctx context.Context, in <-chan *faultline.Document, workers int, out func(*faultline.Document)) error {
	if workers <= 0 {
		workers = runtime.GOMAXPROCS(0)
	}
	done := make(chan *faultline.Document)
	var wg sync.WaitGroup
	var firstErr error
	var once sync.Once
	for w := 0; w < workers; w++ {
		wg.Add(1)
		go func() {
			defer wg.Done()
			for {
				select {
				case <-ctx.Done():
					return
				case doc, ok := <-in:
					if !ok {
						return
					}
					if err := p.Process(ctx, doc); err != nil {
						once.Do(func() { firstErr = err })
						return
					}
					select {
					case done <- doc:
					case <-ctx.Done():
						return
					}
				}
			}
		}()
	}
	go func() { wg.Wait(); close(done) }()
	for doc := range done {
		out(doc)
	}
	if firstErr != nil {
		return firstErr
	}
	return ctx.Err()
}
