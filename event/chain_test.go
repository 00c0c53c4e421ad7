package event_test

import (
	"sync"
	"testing"

	"github.com/faultline-news/faultline"
	"github.com/faultline-news/faultline/actor"
	"github.com/faultline-news/faultline/coref"
	"github.com/faultline-news/faultline/event"
	"github.com/faultline-news/faultline/geo"
	"github.com/faultline-news/faultline/lexicon/petrarch"
	modelner "github.com/faultline-news/faultline/model/ner"
	"github.com/faultline-news/faultline/model/parser"
	"github.com/faultline-news/faultline/model/tagger"
	"github.com/faultline-news/faultline/ner"
	"github.com/faultline-news/faultline/parse"
	"github.com/faultline-news/faultline/quantity"
	"github.com/faultline-news/faultline/quote"
	"github.com/faultline-news/faultline/segment"
	"github.com/faultline-news/faultline/tag"
	"github.com/faultline-news/faultline/timex"
)

// The embedded models and gazetteer, loaded once for the tests that run
// the whole chain.
var (
	modelsOnce sync.Once
	models     struct {
		ner    *ner.Model
		tagger *tag.Model
		parser *parse.Model
		gaz    *geo.Gazetteer
		err    error
	}
)

// analysisChain is the chain of `faultline analyze` (cmd/faultline/analyze.go)
// with the user's dictionaries dicts (nil: our own lexicons).
func analysisChain(t *testing.T, dicts *petrarch.Dictionaries) []faultline.Stage {
	t.Helper()
	modelsOnce.Do(func() {
		m := &models
		if m.ner, m.err = modelner.Load(); m.err != nil {
			return
		}
		if m.tagger, m.err = tagger.Load(); m.err != nil {
			return
		}
		if m.parser, m.err = parser.Load(); m.err != nil {
			return
		}
		m.gaz, m.err = geo.Load()
	})
	if models.err != nil {
		t.Fatal(models.err)
	}
	return []faultline.Stage{
		segment.NewStage(segment.Options{SplitHyphens: true}), tag.NewStage(models.tagger), parse.NewStage(models.parser),
		ner.NewStage(models.ner), actor.NewWithDictionaries(dicts), coref.New(), geo.NewStage(models.gaz),
		timex.New(), quantity.New(), quote.New(), event.NewStage(dicts),
	}
}
