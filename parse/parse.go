// Package parse is faultline's labelled dependency parser: a greedy
// arc-eager transition parser (root at the end of the buffer) scored by an
// averaged perceptron over the Zhang & Nivre (2011) rich feature set and
// trained with the Goldberg & Nivre (2012) dynamic oracle with exploration.
// Non-projective training trees are projectivised by lifting arcs.
package parse

import (
	"bufio"
	"bytes"
	"context"
	"encoding/gob"
	"fmt"
	"io"
	"math/rand/v2"
	"slices"
	"sync"
	"time"

	"github.com/faultline-news/faultline"
	"github.com/faultline-news/faultline/conllu"
	"github.com/faultline-news/faultline/tag"
	"github.com/faultline-news/faultline/tag/perceptron"
)

// Model is a trained parser, safe for concurrent use.
type Model struct {
	labels []string
	pm     *perceptron.Model
}

// Parse returns, for each word, the 0-based index of its head (−1 for the
// root) and its UD relation. words, upos and xpos must have equal length.
func (m *Model) Parse(words, upos, xpos []string) (heads []int, deps []string) {
	n := len(words)
	heads, deps = make([]int, n), make([]string, n)
	if n == 0 {
		return heads, deps
	}
	if len(upos) != n || len(xpos) != n {
		for i := range heads {
			heads[i], deps[i] = -1, "dep"
		}
		return heads, deps
	}
	sn := newSentence(words, upos, xpos)
	st := newState(n)
	L := len(m.labels)
	scores := make([]int32, 2+2*L)
	var fs []uint64
	for !st.done() {
		fs = features(fs[:0], sn, st)
		m.pm.Scores(fs, scores)
		st.apply(bestValid32(st, scores, L), L)
	}
	for i := 0; i < n; i++ {
		h := st.heads[i]
		if h == n || h == none {
			heads[i] = -1
			deps[i] = "root"
			continue
		}
		heads[i] = h
		deps[i] = m.labels[st.labels[i]]
	}
	if singleRoot {
		oneRoot(heads, deps, upos)
	}
	return heads, deps
}

// singleRoot makes Parse return one root per sentence, as UD requires.
var singleRoot = true

// oneRoot keeps one root (the one with the most dependents, the first
// on ties) and attaches the others to it: punctuation as punct, the rest
// as parataxis.
func oneRoot(heads []int, deps, upos []string) {
	ndeps := make([]int, len(heads))
	for _, h := range heads {
		if h >= 0 {
			ndeps[h]++
		}
	}
	main := -1
	for i, h := range heads {
		if h == -1 && (main < 0 || ndeps[i] > ndeps[main]) {
			main = i
		}
	}
	for i, h := range heads {
		if h != -1 || i == main {
			continue
		}
		heads[i] = main
		deps[i] = "parataxis"
		if upos[i] == "PUNCT" {
			deps[i] = "punct"
		}
	}
}

func valid(st *state, a, L int) bool {
	switch {
	case a == actShift:
		return st.canShift()
	case a == actReduce:
		return st.canReduce()
	case a < 2+L:
		return st.canLeft()
	default:
		return st.canRight()
	}
}

func bestValid32(st *state, scores []int32, L int) int {
	best := -1
	for a := range scores {
		if (best < 0 || scores[a] > scores[best]) && valid(st, a, L) {
			best = a
		}
	}
	return best
}

// TrainOptions configures Train.
type TrainOptions struct {
	Train  []string  // CoNLL-U training files
	Dev    []string  // CoNLL-U files scored after each epoch (may be empty)
	Epochs int       // passes over the training data (default 15)
	Seed   uint64    // shuffling and exploration seed
	Log    io.Writer // per-epoch progress; nil for none
	// Jackknife > 1 trains the parser on tags predicted by taggers trained
	// on the other folds (TaggerEpochs epochs each); 0 uses gold tags.
	Jackknife    int
	TaggerEpochs int
	// Tagger, if set, tags the dev files (else dev uses gold tags).
	Tagger *tag.Model
	// Prune drops averaged weights below this absolute value (default 1).
	Prune float64
}

// Train reads the files of opts and trains a parser. GUM documents of
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

type example struct {
	words, upos, xpos []string
	gh, gl            []int
}

// TrainSentences trains on parsed sentences; opts.Train and opts.Dev are
// ignored. With dev sentences, the model of the epoch with the best dev
// LAS is returned (model selection on dev, never on test).
func TrainSentences(ctx context.Context, train, dev []conllu.Sentence, opts TrainOptions) (*Model, error) {
	m, _, err := trainSentences(ctx, train, dev, opts)
	return m, err
}

func trainSentences(ctx context.Context, train, dev []conllu.Sentence, opts TrainOptions) (*Model, *perceptron.Trainer, error) {
	epochs := opts.Epochs
	if epochs <= 0 {
		epochs = 15
	}
	prune := opts.Prune
	if prune == 0 {
		prune = 1
	}
	logf := func(format string, args ...any) {
		if opts.Log != nil {
			fmt.Fprintf(opts.Log, format, args...)
		}
	}
	labelOf := map[string]int{}
	for _, s := range train {
		for _, w := range s.Words {
			if w.Deprel != "root" {
				labelOf[w.Deprel] = 0
			}
		}
	}
	m := &Model{}
	for l := range labelOf {
		m.labels = append(m.labels, l)
	}
	slices.Sort(m.labels)
	for i, l := range m.labels {
		labelOf[l] = i
	}
	L := len(m.labels)

	var exs []example
	for _, s := range train {
		n := len(s.Words)
		ok := n > 0
		ex := example{words: s.Forms(), upos: make([]string, n), xpos: make([]string, n), gh: make([]int, n), gl: make([]int, n)}
		for i, w := range s.Words {
			ex.upos[i], ex.xpos[i] = w.UPOS, w.XPOS
			switch {
			case w.Head == 0:
				ex.gh[i], ex.gl[i] = n, 0
			case w.Head > 0 && w.Head <= n:
				ex.gh[i], ex.gl[i] = w.Head-1, labelOf[w.Deprel]
			default:
				ok = false
			}
		}
		if !ok {
			continue
		}
		projectivize(ex.gh)
		exs = append(exs, ex)
	}
	if len(exs) == 0 {
		return nil, nil, faultline.Errorf(faultline.EINVALID, "parse: no usable training sentences (need HEAD and DEPREL); pass CoNLL-U training files")
	}
	if opts.Jackknife > 1 {
		start := time.Now()
		if err := jackknife(ctx, train, exs, opts); err != nil {
			return nil, nil, err
		}
		logf("parse: jackknifed tags with %d folds (%.1fs)\n", opts.Jackknife, time.Since(start).Seconds())
	}

	tr := perceptron.NewTrainer(2 + 2*L)
	rng := rand.New(rand.NewPCG(opts.Seed, 0x9a5e))
	order := make([]int, len(exs))
	for i := range order {
		order[i] = i
	}
	scores := make([]float64, 2+2*L)
	cost := make([]int, 2+2*L)
	var fs []uint64
	var best *perceptron.Model
	bestLAS, bestEpoch := 0.0, 0
	for ep := 1; ep <= epochs; ep++ {
		start := time.Now()
		rng.Shuffle(len(order), func(i, j int) { order[i], order[j] = order[j], order[i] })
		errs, steps := 0, 0
		for k, ei := range order {
			if k%256 == 0 {
				if err := ctx.Err(); err != nil {
					return nil, nil, err
				}
			}
			ex := &exs[ei]
			sn := newSentence(ex.words, ex.upos, ex.xpos)
			st := newState(len(ex.words))
			for !st.done() {
				fs = features(fs[:0], sn, st)
				tr.Scores(fs, scores)
				st.costs(ex.gh, ex.gl, L, cost)
				pred, gold, minCost := -1, -1, 1<<30
				for a, c := range cost {
					if c < 0 {
						continue
					}
					if pred < 0 || scores[a] > scores[pred] {
						pred = a
					}
					if c < minCost {
						minCost = c
					}
				}
				for a, c := range cost {
					if c == minCost && (gold < 0 || scores[a] > scores[gold]) {
						gold = a
					}
				}
				steps++
				next := pred
				if cost[pred] != minCost {
					errs++
					tr.Update(fs, gold, pred)
					if ep == 1 || rng.Float64() >= 0.9 {
						next = gold
					}
				}
				tr.Tick()
				st.apply(next, L)
			}
		}
		m.pm = tr.Average(prune)
		msg := fmt.Sprintf("parse epoch %d/%d: train transition errors %.4f", ep, epochs, float64(errs)/float64(max(steps, 1)))
		if len(dev) > 0 {
			sc := m.Evaluate(dev, opts.Tagger)
			msg += fmt.Sprintf(", dev uas %.4f las %.4f", sc.UAS, sc.LAS)
			if best == nil || sc.LAS > bestLAS {
				best, bestLAS, bestEpoch = m.pm, sc.LAS, ep
			}
		}
		nf, nw := m.pm.Features()
		logf("%s, %d features %d weights (%.1fs)\n", msg, nf, nw, time.Since(start).Seconds())
	}
	if best != nil {
		// Model selection on dev: keep the epoch with the best dev LAS.
		m.pm = best
		logf("parse: kept epoch %d (dev las %.4f)\n", bestEpoch, bestLAS)
	}
	return m, tr, nil
}

// jackknife replaces the gold tags of exs by tags predicted by taggers
// trained on the other folds (two folds at a time).
func jackknife(ctx context.Context, train []conllu.Sentence, exs []example, opts TrainOptions) error {
	k := opts.Jackknife
	// exs may have dropped sentences; map by word slices identity is
	// fragile, so re-tag by position among the usable sentences.
	usable := make([]conllu.Sentence, 0, len(exs))
	for _, s := range train {
		if len(s.Words) == 0 {
			continue
		}
		good := true
		for _, w := range s.Words {
			if w.Head < 0 || w.Head > len(s.Words) {
				good = false
			}
		}
		if good {
			usable = append(usable, s)
		}
	}
	if len(usable) != len(exs) {
		return faultline.Errorf(faultline.EINTERNAL, "parse: jackknife sentence count mismatch")
	}
	errs := make([]error, k)
	sem := make(chan struct{}, 2)
	var wg sync.WaitGroup
	for f := 0; f < k; f++ {
		wg.Add(1)
		sem <- struct{}{}
		go func(f int) {
			defer wg.Done()
			defer func() { <-sem }()
			var rest []conllu.Sentence
			for i, s := range usable {
				if i%k != f {
					rest = append(rest, s)
				}
			}
			tm, err := tag.TrainSentences(ctx, rest, nil, tag.TrainOptions{Epochs: opts.TaggerEpochs, Seed: opts.Seed + uint64(f)})
			if err != nil {
				errs[f] = err
				return
			}
			for i := f; i < len(exs); i += k {
				exs[i].upos, exs[i].xpos = tm.Tag(exs[i].words)
			}
		}(f)
	}
	wg.Wait()
	for _, err := range errs {
		if err != nil {
			return err
		}
	}
	return nil
}

// projectivize lifts non-projective arcs (shortest first) to the head's
// head until the tree is projective. heads use n for ROOT.
func projectivize(heads []int) {
	n := len(heads)
	for iter := 0; iter < n*n; iter++ {
		best, bestLen := -1, n+2
		for d, h := range heads {
			if h == n {
				continue
			}
			lo, hi := min(h, d), max(h, d)
			if hi-lo >= bestLen {
				continue
			}
			for k := lo + 1; k < hi; k++ {
				if !dominates(heads, h, k) {
					best, bestLen = d, hi-lo
					break
				}
			}
		}
		if best < 0 {
			return
		}
		heads[best] = heads[heads[best]]
	}
}

func dominates(heads []int, h, k int) bool {
	n := len(heads)
	for steps := 0; k != n && steps <= n; steps++ {
		if k == h {
			return true
		}
		k = heads[k]
	}
	return k == h
}

// Scores are attachment scores over all words, punctuation included.
type Scores struct {
	UAS, LAS float64
	Words    int
}

// Evaluate parses gold sentences, tagged by tagger (gold tags if nil).
func (m *Model) Evaluate(sents []conllu.Sentence, tagger *tag.Model) Scores {
	var u, l, n int
	for _, s := range sents {
		words := s.Forms()
		var up, xp []string
		if tagger != nil {
			up, xp = tagger.Tag(words)
		} else {
			up, xp = make([]string, len(words)), make([]string, len(words))
			for i, w := range s.Words {
				up[i], xp[i] = w.UPOS, w.XPOS
			}
		}
		heads, deps := m.Parse(words, up, xp)
		for i, w := range s.Words {
			n++
			if heads[i]+1 == w.Head {
				u++
				if deps[i] == w.Deprel {
					l++
				}
			}
		}
	}
	d := float64(max(n, 1))
	return Scores{UAS: float64(u) / d, LAS: float64(l) / d, Words: n}
}

const fileMagic = "faultline-parser/2" // 2: suffix, punctuation and S1 features

// Save writes the model, gzip-compressed. Equal models give equal bytes.
func (m *Model) Save(w io.Writer) error {
	return perceptron.WriteFile(w, fileMagic, func(bw *bufio.Writer) error {
		if err := gob.NewEncoder(bw).Encode(m.labels); err != nil {
			return err
		}
		_, err := m.pm.WriteTo(bw)
		return err
	})
}

// Load reads a model written by Save.
func Load(r io.Reader) (*Model, error) {
	bad := func(err error) error {
		return faultline.Errorf(faultline.EINVALID, "parse: cannot read parser model: %w; retrain it with `faultline train parser`", err)
	}
	rest, err := perceptron.ReadFile(r, fileMagic)
	if err != nil {
		return nil, bad(err)
	}
	br := bytes.NewReader(rest)
	m := &Model{}
	if err := gob.NewDecoder(br).Decode(&m.labels); err != nil {
		return nil, bad(err)
	}
	if m.pm, _, err = perceptron.Decode(rest[len(rest)-br.Len():]); err != nil {
		return nil, bad(err)
	}
	if m.pm.NClasses != 2+2*len(m.labels) {
		return nil, bad(fmt.Errorf("class count %d does not match %d labels", m.pm.NClasses, len(m.labels)))
	}
	return m, nil
}

// The jackknifing of TrainFile: folds, and epochs of each fold's tagger.
const (
	JackknifeFolds        = 4
	JackknifeTaggerEpochs = 12
)

// TrainFile is what `faultline train parser --data DIR --out FILE` runs:
// it trains on tag.CorpusFiles(corpora) with the given epochs and seed
// (defaults 15 and 1 when zero) on 4-fold jackknifed tags (12-epoch
// taggers), scores dev after each epoch with tagger's tags (gold tags if
// tagger is nil), prints progress to log, and writes the model to out.
func TrainFile(ctx context.Context, corpora, out string, epochs int, seed uint64, tagger *tag.Model, log io.Writer) (*Model, error) {
	if epochs <= 0 {
		epochs = 15
	}
	if seed == 0 {
		seed = 1
	}
	train, dev := tag.CorpusFiles(corpora)
	m, err := Train(ctx, TrainOptions{Train: train, Dev: dev, Epochs: epochs, Seed: seed, Log: log,
		Jackknife: JackknifeFolds, TaggerEpochs: JackknifeTaggerEpochs, Tagger: tagger})
	if err != nil {
		return nil, err
	}
	return m, tag.WriteFileAtomic(out, m.Save)
}
