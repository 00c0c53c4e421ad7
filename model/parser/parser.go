// Package parser embeds faultline's trained dependency parser (parser.gz)
// with its meta.json, both written by `faultline train parser --data
// ../shared/corpora --tagger model/tagger/tagger.gz --out model/parser/parser.gz`.
package parser

import (
	"bytes"
	_ "embed"
	"encoding/json"
	"sync"

	"github.com/faultline-news/faultline"
	"github.com/faultline-news/faultline/parse"
	"github.com/faultline-news/faultline/tag"
)

//go:embed parser.gz
var modelData []byte

//go:embed meta.json
var metaData []byte

var (
	once    sync.Once
	model   *parse.Model
	errLoad error
)

// Load returns the embedded model, decoded on first use and shared after.
func Load() (*parse.Model, error) {
	once.Do(func() {
		model, errLoad = parse.Load(bytes.NewReader(modelData))
		if errLoad != nil {
			errLoad = faultline.Errorf(faultline.EINTERNAL, "model/parser: embedded model does not load (regenerate it, see the package doc): %w", errLoad)
		}
	})
	return model, errLoad
}

// Meta returns the embedded model's meta file.
func Meta() (tag.Meta, error) {
	var m tag.Meta
	if err := json.Unmarshal(metaData, &m); err != nil {
		return m, faultline.Errorf(faultline.EINTERNAL, "model/parser: embedded meta.json is not valid: %w", err)
	}
	return m, nil
}

// ModelData returns the embedded compressed model bytes (for benchmarks
// and for writing the model out).
func ModelData() []byte { return modelData }
