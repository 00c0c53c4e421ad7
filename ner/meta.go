package ner

import (
	"bytes"
	"context"
	"encoding/json"
	"os"
	"path/filepath"
	"time"

	"github.com/faultline-news/faultline"
)

// Meta describes a trained model file: what it was trained on, how, and how
// it scored. It is written beside the model as meta.json.
type Meta struct {
	Model    string            `json:"model"`
	Data     []string          `json:"data"`
	Command  string            `json:"command"`
	Seed     uint64            `json:"seed"`
	Epochs   int               `json:"epochs"`
	MinCount int               `json:"min_count"`
	Prune    float64           `json:"prune"`
	Trained  string            `json:"trained"`
	Seconds  float64           `json:"train_seconds"`
	Features int               `json:"features"`
	Bytes    int               `json:"bytes"`
	Scores   map[string]Result `json:"scores"`
	Scoring  string            `json:"scoring"`
}

// ScoringNote says how Score counts, for meta files and reports.
const ScoringNote = "entity-level exact match; a corpus the model was trained on (same CorpusName, e.g. en_ewt) is recognized with its own feature weights plus the shared ones, any other text (PUD, news) with the shared weights only; GPE/LOC/FAC scored as one class LOC; UNER (IOB2): only PERSON/ORG/LOC predictions scored; GMB: test slice = last 10% of sentences, gpe gold spans don't-care, NORP/LAW predictions not scored, tim ignored, person spans get their leading titles re-attached (GMB convention)"

// TrainFiles trains with opts, writes the model to dir/ner.model.gz and
// dir/meta.json, and scores the model on each test file (GMB: its test
// slice). command is recorded in the meta file.
func TrainFiles(ctx context.Context, opts TrainOptions, test []string, dir, command string) (*Model, *Meta, error) {
	start := time.Now()
	m, err := Train(ctx, opts)
	if err != nil {
		return nil, nil, err
	}
	secs := time.Since(start).Seconds()
	var buf bytes.Buffer
	if err := m.Save(&buf); err != nil {
		return nil, nil, err
	}
	// Score the model as stored (quantized), not the in-memory one.
	m, err = Load(bytes.NewReader(buf.Bytes()))
	if err != nil {
		return nil, nil, err
	}
	minCount := opts.MinCount
	if minCount == 0 {
		minCount = 2 // Train's default
	}
	meta := &Meta{
		Model: "ner.model.gz", Command: command, Seed: opts.Seed, Epochs: opts.Epochs,
		MinCount: minCount, Prune: opts.Prune, Trained: start.UTC().Format(time.RFC3339),
		Seconds: secs, Features: m.Features(), Bytes: buf.Len(), Scores: map[string]Result{}, Scoring: ScoringNote,
	}
	for _, p := range opts.Train {
		meta.Data = append(meta.Data, filepath.Base(p))
	}
	for _, p := range test {
		c, err := ReadCorpus(ctx, p)
		if err != nil {
			return nil, nil, err
		}
		sents := c.Sentences
		if c.Format == FormatGMB {
			_, sents = GMBSplit(sents)
		}
		r, err := Score(ctx, m.ForCorpus(c.Name), c.Format, sents)
		if err != nil {
			return nil, nil, err
		}
		meta.Scores[filepath.Base(p)] = r
		if opts.Log != nil {
			b, _ := json.Marshal(r)
			opts.Log.Write(append([]byte("test "+filepath.Base(p)+": "), append(b, '\n')...))
		}
	}
	if err := os.MkdirAll(dir, 0o755); err != nil {
		return nil, nil, faultline.Errorf(faultline.EINVALID, "ner: create output dir %s: %w", dir, err)
	}
	if err := os.WriteFile(filepath.Join(dir, meta.Model), buf.Bytes(), 0o644); err != nil {
		return nil, nil, faultline.Errorf(faultline.EINVALID, "ner: write model to %s: %w", dir, err)
	}
	mb, _ := json.MarshalIndent(meta, "", "  ")
	if err := os.WriteFile(filepath.Join(dir, "meta.json"), append(mb, '\n'), 0o644); err != nil {
		return nil, nil, faultline.Errorf(faultline.EINVALID, "ner: write meta.json to %s: %w", dir, err)
	}
	return m, meta, nil
}
