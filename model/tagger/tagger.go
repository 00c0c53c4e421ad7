// Package tagger embeds faultline's trained part-of-speech tagger and
// lemmatizer (tagger.gz) with its meta.json, both written by
// `faultline train tagger --data ../shared/corpora --out model/tagger/tagger.gz`.
package tagger

import (
	"bytes"
	_ "embed"
	"encoding/json"
	"sync"

	"github.com/faultline-news/faultline"
	"github.com/faultline-news/faultline/tag"
)

//go:embed tagger.gz
var modelData []byte

//go:embed meta.json
var metaData []byte

var (
	once    sync.Once
	model   *tag.Model
	errLoad error
)

// Load returns the embedded model, decoded on first use and shared after.
func Load() (*tag.Model, error) {
	once.Do(func() {
		model, errLoad = tag.Load(bytes.NewReader(modelData))
		if errLoad != nil {
			errLoad = faultline.Errorf(faultline.EINTERNAL, "model/tagger: embedded model does not load (regenerate it, see the package doc): %w", errLoad)
		}
	})
	return model, errLoad
}

// Meta returns the embedded model's meta file.
func Meta() (tag.Meta, error) {
	var m tag.Meta
	if err := json.Unmarshal(metaData, &m); err != nil {
		return m, faultline.Errorf(faultline.EINTERNAL, "model/tagger: embedded meta.json is not valid: %w", err)
	}
	return m, nil
}

// ModelData returns the embedded compressed model bytes (for benchmarks
// and for writing the model out).
func ModelData() []byte { return modelData }
