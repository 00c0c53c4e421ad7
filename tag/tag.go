// Package tag is faultline's part-of-speech tagger and lemmatizer.
//
// The tagger is a greedy two-pass averaged perceptron over joint UPOS+XPOS
// classes: the first pass tags left to right with word, affix, shape and
// left-tag features; the second pass adds the first pass's tags of the
// following words. Frequent words that always carry one tag in training
// are tagged from a dictionary. The lemmatizer is learned from the same
// treebank (see lemma.go).
package tag

import (
	"bufio"
	"bytes"
	"context"
	"encoding/gob"
	"fmt"
	"io"
	"math/rand/v2"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"time"

	"github.com/faultline-news/faultline"
	"github.com/faultline-news/faultline/conllu"
	"github.com/faultline-news/faultline/tag/perceptron"
)

// Model is a trained tagger and lemmatizer. It is safe for concurrent use.
type Model struct {
	classes []string // "UPOS\tXPOS"
	upos    []string
	xpos    []string
	dict    map[string]int
	pass1   *perceptron.Model
	pass2   *perceptron.Model
	lem     *lemmatizer
}

// Tag returns the UPOS and XPOS tags of a sentence's words.
func (m *Model) Tag(words []string) (upos, xpos []string) {
	cls := m.tagClasses(words)
	upos = make([]string, len(words))
	xpos = make([]string, len(words))
	for i, c := range cls {
		upos[i], xpos[i] = m.upos[c], m.xpos[c]
	}
	return upos, xpos
}

// Lemma returns the lemma of word given its tags.
func (m *Model) Lemma(word, upos, xpos string) string { return m.lem.lemma(word, upos, xpos) }

func (m *Model) tagClasses(words []string) []int {
	ti := infos(words)
	first := make([]int, len(words))
	scores := make([]int32, len(m.classes))
	var fs []uint64
	run := func(p *perceptron.Model, out []int, next []int) {
		for i, w := range words {
			if c, ok := m.dict[w]; ok {
				out[i] = c
				continue
			}
			fs = features(fs[:0], ti, i, out, next)
			p.Scores(fs, scores)
			out[i] = argmax32(scores)
		}
	}
	run(m.pass1, first, nil)
	second := make([]int, len(words))
	run(m.pass2, second, first)
	return second
}

func argmax32(s []int32) int {
	b := 0
	for i, v := range s {
		if v > s[b] {
			b = i
		}
	}
	return b
}

func argmax64(s []float64) int {
	b := 0
	for i, v := range s {
		if v > s[b] {
			b = i
		}
	}
	return b
}

// TrainOptions configures Train.
type TrainOptions struct {
	Train  []string  // CoNLL-U training files
	Dev    []string  // CoNLL-U files scored after each epoch (may be empty)
	Epochs int       // passes over the training data (default 10)
	Seed   uint64    // shuffling seed
	Log    io.Writer // per-epoch progress; nil for none
}

// Train reads the files of opts and trains a model. GUM documents of
// non-commercial genres are left out of both train and dev
// (conllu.ReadPermissiveFiles).
func Train(ctx context.Context, opts TrainOptions) (*Model, error) {
	train, err := conllu.ReadPermissiveFiles(ctx, opts.Train...)
	if err != nil {
		return nil, err
	}
	dev, err := conllu.ReadPermissiveFiles(ctx, opts.Dev...)
	if err != nil {
		return nil, err
	}
	return TrainSentences(ctx, train, dev, opts)
}

const (
	dictMinCount = 20
	dictMinShare = 0.995
	prune        = 0.5
)

// TrainSentences trains on parsed sentences; opts.Train and opts.Dev are
// ignored. The result depends only on the data, Epochs and Seed.
func TrainSentences(ctx context.Context, train, dev []conllu.Sentence, opts TrainOptions) (*Model, error) {
	if len(train) == 0 {
		return nil, faultline.Errorf(faultline.EINVALID, "tag: no training sentences; pass at least one CoNLL-U file with words")
	}
	epochs := opts.Epochs
	if epochs <= 0 {
		epochs = 10
	}
	logf := func(format string, args ...any) {
		if opts.Log != nil {
			fmt.Fprintf(opts.Log, format, args...)
		}
	}
	m := &Model{dict: map[string]int{}}
	classOf := map[string]int{}
	wordCounts := map[string]map[int]int{}
	for _, s := range train {
		for _, w := range s.Words {
			key := w.UPOS + "\t" + w.XPOS
			if _, ok := classOf[key]; !ok {
				classOf[key] = -1
			}
		}
	}
	keys := make([]string, 0, len(classOf))
	for k := range classOf {
		keys = append(keys, k)
	}
	slices.Sort(keys)
	for i, k := range keys {
		classOf[k] = i
		u, x, _ := strings.Cut(k, "\t")
		m.classes = append(m.classes, k)
		m.upos = append(m.upos, u)
		m.xpos = append(m.xpos, x)
	}
	gold := make([][]int, len(train))
	for si, s := range train {
		gold[si] = make([]int, len(s.Words))
		for i, w := range s.Words {
			c := classOf[w.UPOS+"\t"+w.XPOS]
			gold[si][i] = c
			cm := wordCounts[w.Form]
			if cm == nil {
				cm = map[int]int{}
				wordCounts[w.Form] = cm
			}
			cm[c]++
		}
	}
	for w, cm := range wordCounts {
		total, best, bestC := 0, 0, 0
		for c, n := range cm {
			total += n
			if n > best || n == best && c < bestC {
				best, bestC = n, c
			}
		}
		if total >= dictMinCount && float64(best) >= dictMinShare*float64(total) {
			m.dict[w] = bestC
		}
	}
	m.lem = trainLemmatizer(train)

	n := len(m.classes)
	t1, t2 := perceptron.NewTrainer(n), perceptron.NewTrainer(n)
	rng := rand.New(rand.NewPCG(opts.Seed, 0x7a6))
	order := make([]int, len(train))
	for i := range order {
		order[i] = i
	}
	s1, s2 := make([]float64, n), make([]float64, n)
	var fs []uint64
	for ep := 1; ep <= epochs; ep++ {
		start := time.Now()
		rng.Shuffle(len(order), func(i, j int) { order[i], order[j] = order[j], order[i] })
		correct, total := 0, 0
		for k, si := range order {
			if k%256 == 0 {
				if err := ctx.Err(); err != nil {
					return nil, err
				}
			}
			words := train[si].Forms()
			g := gold[si]
			ti := infos(words)
			first := make([]int, len(words))
			for i, w := range words {
				if c, ok := m.dict[w]; ok {
					first[i] = c
					continue
				}
				fs = features(fs[:0], ti, i, first, nil)
				t1.Scores(fs, s1)
				p := argmax64(s1)
				t1.Update(fs, g[i], p)
				t1.Tick()
				first[i] = p
			}
			second := make([]int, len(words))
			for i, w := range words {
				if c, ok := m.dict[w]; ok {
					second[i] = c
					continue
				}
				fs = features(fs[:0], ti, i, second, first)
				t2.Scores(fs, s2)
				p := argmax64(s2)
				t2.Update(fs, g[i], p)
				t2.Tick()
				second[i] = p
				total++
				if p == g[i] {
					correct++
				}
			}
		}
		m.pass1, m.pass2 = t1.Average(prune), t2.Average(prune)
		msg := fmt.Sprintf("tag epoch %d/%d: train acc %.4f (online)", ep, epochs, float64(correct)/float64(max(total, 1)))
		if len(dev) > 0 {
			sc := m.Evaluate(dev)
			msg += fmt.Sprintf(", dev upos %.4f xpos %.4f lemma %.4f", sc.UPOS, sc.XPOS, sc.Lemma)
		}
		logf("%s (%.1fs)\n", msg, time.Since(start).Seconds())
	}
	return m, nil
}

// Scores are tagging accuracies over all words.
type Scores struct {
	UPOS, XPOS, Lemma float64
	Words             int
}

// Evaluate tags gold sentences and returns accuracies.
func (m *Model) Evaluate(sents []conllu.Sentence) Scores {
	var u, x, l, n int
	for _, s := range sents {
		up, xp := m.Tag(s.Forms())
		for i, w := range s.Words {
			n++
			if up[i] == w.UPOS {
				u++
			}
			if xp[i] == w.XPOS {
				x++
			}
			if m.Lemma(w.Form, up[i], xp[i]) == w.Lemma {
				l++
			}
		}
	}
	d := float64(max(n, 1))
	return Scores{UPOS: float64(u) / d, XPOS: float64(x) / d, Lemma: float64(l) / d, Words: n}
}

type fileHeader struct {
	Classes []string
	Dict    []dictEntry
	Lemmas  []lemmaEntry
	Rules   []ruleEntry
}

type dictEntry struct {
	Word  string
	Class int
}

const fileMagic = "faultline-tagger/1"

// Save writes the model, gzip-compressed. Equal models give equal bytes.
func (m *Model) Save(w io.Writer) error {
	h := fileHeader{Classes: m.classes}
	for k, v := range m.dict {
		h.Dict = append(h.Dict, dictEntry{k, v})
	}
	slices.SortFunc(h.Dict, func(a, b dictEntry) int { return strings.Compare(a.Word, b.Word) })
	h.Lemmas, h.Rules = m.lem.export()
	return perceptron.WriteFile(w, fileMagic, func(bw *bufio.Writer) error {
		if err := gob.NewEncoder(bw).Encode(h); err != nil {
			return err
		}
		if _, err := m.pass1.WriteTo(bw); err != nil {
			return err
		}
		_, err := m.pass2.WriteTo(bw)
		return err
	})
}

// Load reads a model written by Save.
func Load(r io.Reader) (*Model, error) {
	bad := func(err error) error {
		return faultline.Errorf(faultline.EINVALID, "tag: cannot read tagger model: %w; retrain it with `faultline train tagger`", err)
	}
	rest, err := perceptron.ReadFile(r, fileMagic)
	if err != nil {
		return nil, bad(err)
	}
	br := bytes.NewReader(rest)
	var h fileHeader
	if err := gob.NewDecoder(br).Decode(&h); err != nil {
		return nil, bad(err)
	}
	m := &Model{classes: h.Classes, dict: make(map[string]int, len(h.Dict))}
	for _, c := range h.Classes {
		u, x, _ := strings.Cut(c, "\t")
		m.upos = append(m.upos, u)
		m.xpos = append(m.xpos, x)
	}
	for _, d := range h.Dict {
		if d.Class < 0 || d.Class >= len(h.Classes) {
			return nil, bad(fmt.Errorf("dictionary class %d out of range", d.Class))
		}
		m.dict[d.Word] = d.Class
	}
	m.lem = importLemmatizer(h.Lemmas, h.Rules)
	rest = rest[len(rest)-br.Len():]
	if m.pass1, rest, err = perceptron.Decode(rest); err != nil {
		return nil, bad(err)
	}
	if m.pass2, _, err = perceptron.Decode(rest); err != nil {
		return nil, bad(err)
	}
	if m.pass1.NClasses != len(m.classes) || m.pass2.NClasses != len(m.classes) {
		return nil, bad(fmt.Errorf("class count mismatch"))
	}
	return m, nil
}

// Meta is the provenance file (meta.json) written beside a trained tagger
// or parser model: what it was trained on, how, and how well it scores.
type Meta struct {
	Model        string                        `json:"model"`
	Data         []string                      `json:"data"`
	Command      string                        `json:"command"`
	Seed         uint64                        `json:"seed"`
	Epochs       int                           `json:"epochs"`
	Options      map[string]any                `json:"options,omitempty"`
	Trained      string                        `json:"trained"`
	TrainSeconds float64                       `json:"train_seconds"`
	Bytes        int                           `json:"bytes"`
	GoVersion    string                        `json:"go_version"`
	Scores       map[string]map[string]float64 `json:"scores"`
	Scoring      string                        `json:"scoring"`
}

// CorpusFiles returns the standard training and dev files under a
// corpora directory (the one holding ud-english-ewt and ud-english-gum):
// EWT train + GUM train, and EWT dev + GUM dev. Train reads them without
// GUM's non-commercial genres. PUD and the test splits are never listed.
func CorpusFiles(corpora string) (train, dev []string) {
	return []string{
			filepath.Join(corpora, "ud-english-ewt", "en_ewt-ud-train.conllu"),
			filepath.Join(corpora, "ud-english-gum", "en_gum-ud-train.conllu"),
		}, []string{
			filepath.Join(corpora, "ud-english-ewt", "en_ewt-ud-dev.conllu"),
			filepath.Join(corpora, "ud-english-gum", "en_gum-ud-dev.conllu"),
		}
}

// TestFiles returns the held-out test files under a corpora directory
// on which trained models are scored: EWT test and PUD test.
func TestFiles(corpora string) []string {
	return []string{
		filepath.Join(corpora, "ud-english-ewt", "en_ewt-ud-test.conllu"),
		filepath.Join(corpora, "ud-english-pud", "en_pud-ud-test.conllu"),
	}
}

// TrainFile is what `faultline train tagger --data DIR --out FILE` runs:
// it trains on CorpusFiles(corpora) with the given epochs and seed
// (defaults 12 and 1 when zero), prints per-epoch dev scores to log, and
// writes the model to out (via a temporary file, so a failed run leaves no
// half-written model).
func TrainFile(ctx context.Context, corpora, out string, epochs int, seed uint64, log io.Writer) (*Model, error) {
	if epochs <= 0 {
		epochs = 12
	}
	if seed == 0 {
		seed = 1
	}
	train, dev := CorpusFiles(corpora)
	m, err := Train(ctx, TrainOptions{Train: train, Dev: dev, Epochs: epochs, Seed: seed, Log: log})
	if err != nil {
		return nil, err
	}
	return m, WriteFileAtomic(out, m.Save)
}

// WriteFileAtomic writes path through save into a temporary file in the
// same directory and renames it into place.
func WriteFileAtomic(path string, save func(io.Writer) error) error {
	f, err := os.CreateTemp(filepath.Dir(path), filepath.Base(path)+".tmp*")
	if err != nil {
		return faultline.Errorf(faultline.EINVALID, "cannot write %s: %w; check the directory exists and is writable", path, err)
	}
	tmp := f.Name()
	err = f.Chmod(0o644) // CreateTemp makes 0600; a model is not a secret
	if err == nil {
		err = save(f)
	}
	if cerr := f.Close(); err == nil {
		err = cerr
	}
	if err == nil {
		err = os.Rename(tmp, path)
	}
	if err != nil {
		os.Remove(tmp)
		return faultline.Errorf(faultline.EINVALID, "cannot write %s: %w", path, err)
	}
	return nil
}
