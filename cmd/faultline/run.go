package main

import (
	"context"
	"runtime"
	"sync"
	"time"

	"github.com/faultline-news/faultline"
	"github.com/faultline-news/faultline/extract"
	"github.com/faultline-news/faultline/pipeline"
	"github.com/faultline-news/faultline/source"
)

// engine reads inputs, extracts each article and runs the analysis
// pipeline with a worker pool, handing results back in input order.
type engine struct {
	source  source.Options
	extract extract.Options
	pipe    *pipeline.Pipeline
	workers int
}

// result is one input item after extraction and analysis. Err is set when
// the item could not be read or extracted; Doc is then nil.
type result struct {
	Item source.Item
	Doc  *faultline.Document
	Err  error
	// Bytes is the size of the raw input, for throughput figures.
	Bytes int
}

type job struct {
	seq  int
	item source.Item
	out  chan result
}

// run processes inputs and calls emit for each result in input order, from
// a single goroutine. It stops early only when ctx is cancelled or emit
// returns an error.
func (e *engine) run(ctx context.Context, inputs []string, emit func(result) error) error {
	ctx, cancel := context.WithCancel(ctx)
	defer cancel()
	workers := e.workers
	if workers <= 0 {
		workers = runtime.GOMAXPROCS(0)
	}
	jobs := make(chan job)
	// order holds each job's result channel in input order; its capacity
	// bounds how many documents are in flight.
	order := make(chan chan result, workers*4)

	var wg sync.WaitGroup
	for w := 0; w < workers; w++ {
		wg.Add(1)
		go func() {
			defer wg.Done()
			for j := range jobs {
				j.out <- e.process(ctx, j.item)
			}
		}()
	}

	readErr := make(chan error, 1)
	go func() {
		defer close(order)
		defer close(jobs)
		seq := 0
		readErr <- source.Read(ctx, inputs, e.source, func(it source.Item) error {
			out := make(chan result, 1)
			select {
			case order <- out:
			case <-ctx.Done():
				return ctx.Err()
			}
			if it.Err != nil {
				out <- result{Item: it, Err: it.Err}
				return nil
			}
			select {
			case jobs <- job{seq: seq, item: it, out: out}:
			case <-ctx.Done():
				out <- result{Item: it, Err: ctx.Err()}
				return ctx.Err()
			}
			seq++
			return nil
		})
	}()

	var emitErr error
	for out := range order {
		r := <-out
		if emitErr != nil {
			continue // drain so the workers can finish
		}
		if err := emit(r); err != nil {
			emitErr = err
			cancel()
		}
	}
	wg.Wait()
	if emitErr != nil {
		return emitErr
	}
	if err := <-readErr; err != nil {
		return err
	}
	return ctx.Err()
}

// process extracts and analyses one item; panics become an error for that
// item.
func (e *engine) process(ctx context.Context, it source.Item) (r result) {
	r = result{Item: it, Bytes: len(it.Data)}
	defer func() {
		if p := recover(); p != nil {
			r.Doc = nil
			r.Err = faultline.Errorf(faultline.EINTERNAL, "%s: internal error while analysing: %v (please report this)", it.Name, p)
		}
	}()
	doc, err := extract.Extract(ctx, it, e.extract)
	if err != nil {
		r.Err = err
		return r
	}
	if e.pipe != nil {
		if err := e.pipe.Process(ctx, doc); err != nil {
			r.Err = err
			return r
		}
	}
	doc.Normalize()
	r.Doc = doc
	return r
}

// parseDate reads a --date flag value.
func parseDate(s string) (time.Time, error) {
	if s == "" {
		return time.Time{}, nil
	}
	t, err := time.Parse("2006-01-02", s)
	if err != nil {
		return time.Time{}, faultline.Errorf(faultline.EINVALID, "--date %q: want YYYY-MM-DD, e.g. --date 2017-03-23", s)
	}
	return t, nil
}
