// Package ner embeds faultline's trained named-entity model (ner.model.gz)
// and its meta.json, written by `faultline train ner`.
package ner

import (
	"bytes"
	_ "embed"
	"encoding/json"
	"sync"

	"github.com/faultline-news/faultline"
	"github.com/faultline-news/faultline/ner"
)

//go:embed ner.model.gz
var modelData []byte

//go:embed meta.json
var metaData []byte

var (
	once    sync.Once
	model   *ner.Model
	errLoad error
)

// Load returns the embedded model, decoded on first use and shared after.
func Load() (*ner.Model, error) {
	once.Do(func() {
		model, errLoad = ner.Load(bytes.NewReader(modelData))
		if errLoad != nil {
			errLoad = faultline.Errorf(faultline.EINTERNAL, "model/ner: embedded model does not load (rebuild with `faultline train ner`): %w", errLoad)
		}
	})
	return model, errLoad
}

// Meta returns the embedded model's meta file.
func Meta() (ner.Meta, error) {
	var m ner.Meta
	if err := json.Unmarshal(metaData, &m); err != nil {
		return m, faultline.Errorf(faultline.EINTERNAL, "model/ner: embedded meta.json is not valid: %w", err)
	}
	return m, nil
}
