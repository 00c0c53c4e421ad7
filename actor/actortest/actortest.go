// Package actortest runs the stages that come before the actor stage
// (segment, tag, parse when a parser model is available, ner) on a text, so
// that tests of actor, coref and quote exercise the real chain.
package actortest

import (
	"context"
	"os"
	"path/filepath"
	"sync"
	"testing"
	"time"

	"github.com/faultline-news/faultline"
	modelner "github.com/faultline-news/faultline/model/ner"
	"github.com/faultline-news/faultline/model/tagger"
	"github.com/faultline-news/faultline/ner"
	"github.com/faultline-news/faultline/parse"
	"github.com/faultline-news/faultline/segment"
	"github.com/faultline-news/faultline/tag"
)

var (
	once   sync.Once
	stages []faultline.Stage
	errPre error
)

// PreStages returns segment, tag, parse (only when model/parser/parser.gz
// is found above the working directory and loads) and ner.
func PreStages() ([]faultline.Stage, error) {
	once.Do(func() {
		tm, err := tagger.Load()
		if err != nil {
			errPre = err
			return
		}
		nm, err := modelner.Load()
		if err != nil {
			errPre = err
			return
		}
		stages = []faultline.Stage{segment.New(), tag.NewStage(tm)}
		if pm := loadParser(); pm != nil {
			stages = append(stages, parse.NewStage(pm))
		}
		stages = append(stages, ner.NewStage(nm))
	})
	return stages, errPre
}

// loadParser reads model/parser/parser.gz from the repository when present
// and loadable (the parser model may not be committed yet).
func loadParser() *parse.Model {
	dir, err := os.Getwd()
	if err != nil {
		return nil
	}
	for i := 0; i < 6; i++ {
		p := filepath.Join(dir, "model", "parser", "parser.gz")
		if f, err := os.Open(p); err == nil {
			defer f.Close()
			m, err := parse.Load(f)
			if err != nil {
				return nil
			}
			return m
		}
		dir = filepath.Dir(dir)
	}
	return nil
}

// Run builds a Document from text and runs the pre-stages and then extra
// on it. It skips the test when the models do not load.
func Run(tb testing.TB, text string, ref time.Time, extra ...faultline.Stage) *faultline.Document {
	tb.Helper()
	pre, err := PreStages()
	if err != nil {
		tb.Skipf("models do not load: %v", err)
	}
	doc := &faultline.Document{Text: text, Reference: ref}
	for _, s := range append(append([]faultline.Stage{}, pre...), extra...) {
		if err := s.Process(context.Background(), doc); err != nil {
			tb.Fatalf("stage %s: %v", s.Name(), err)
		}
	}
	return doc
}

// SharedDir returns the ../shared directory found by walking up from the
// working directory, or "" when absent.
func SharedDir() string {
	dir, err := os.Getwd()
	if err != nil {
		return ""
	}
	for i := 0; i < 6; i++ {
		p := filepath.Join(filepath.Dir(dir), "shared")
		if st, err := os.Stat(p); err == nil && st.IsDir() {
			return p
		}
		dir = filepath.Dir(dir)
	}
	return ""
}
