package ner

import (
	"context"
	"fmt"
	"io"
	"math/rand/v2"
	"path/filepath"
	"strings"
	"time"
	"unicode"

	"github.com/faultline-news/faultline"
)

// TrainOptions configures Train.
type TrainOptions struct {
	// Train lists gold files (UNER .iob2 or GMB .jsonl(.gz)). For GMB only the
	// train part (first 90%) is used, less its tail HoldOut share, which is
	// scored as dev.
	Train []string
	// Dev lists extra gold files scored after each epoch (never trained on).
	Dev []string
	// HoldOut is the share of each GMB train part kept out for dev (0.05 when 0;
	// negative for none).
	HoldOut float64
	Seed    uint64
	Epochs  int // 12 when 0
	// MinCount drops features seen fewer times in the training data (2 when 0).
	MinCount int
	// Prune drops weights whose magnitude is below it after averaging (0.5 when 0).
	Prune float64
	Log   io.Writer // per-epoch progress and dev scores; nil for none
	// Unlabeled lists extra text for the word clusters (jsonl with a "text"
	// field, or plain text); the training sentences are always used.
	Unlabeled []string
	// NoClusters turns the word-cluster features off.
	NoClusters bool
	// NoDomains turns off the per-corpus feature copies (each corpus, named
	// by CorpusName, gets its own copy of every feature besides the shared
	// one; Recognize uses the shared weights only).
	NoDomains bool
	// Repeat gives, per Train file (same order), how many times its
	// sentences are visited each epoch (1 when missing or 0): a way to
	// weigh the smaller corpora against GMB.
	Repeat []int
}

type example struct {
	words  []string
	gold   []int
	rows   []int32 // feature rows of all tokens, token i at rowOff[i]:rowOff[i+1]
	rowOff []int32
}

type devSet struct {
	name   string
	corpus string
	format Format
	sents  []Sentence
}

// Train trains a model on the gold files in opts. It is deterministic for a
// given Seed and input, and uses one goroutine.
func Train(ctx context.Context, opts TrainOptions) (*Model, error) {
	if len(opts.Train) == 0 {
		return nil, faultline.Errorf(faultline.EINVALID, "ner: no training files; pass UNER .iob2 and/or GMB .jsonl.gz paths")
	}
	if opts.Epochs == 0 {
		opts.Epochs = 12
	}
	if opts.MinCount == 0 {
		opts.MinCount = 2
	}
	if opts.Prune == 0 {
		opts.Prune = 0.5
	}
	if opts.HoldOut == 0 {
		opts.HoldOut = 0.05
	}
	logf := func(format string, args ...any) {
		if opts.Log != nil {
			fmt.Fprintf(opts.Log, format, args...)
		}
	}
	var train []Sentence
	var formats []Format
	var devs []devSet
	var repeats []int
	var corpusOf []string
	for i, p := range opts.Train {
		c, err := ReadCorpus(ctx, p)
		if err != nil {
			return nil, err
		}
		sents := c.Sentences
		if c.Format == FormatGMB {
			sents, _ = GMBSplit(sents)
			if opts.HoldOut > 0 {
				k := len(sents) - int(float64(len(sents))*opts.HoldOut)
				devs = append(devs, devSet{filepath.Base(p) + " (held-out tail of train part)", c.Name, c.Format, sents[k:]})
				sents = sents[:k]
			}
		}
		rep := 1
		if i < len(opts.Repeat) && opts.Repeat[i] > 1 {
			rep = opts.Repeat[i]
		}
		logf("train %s: %s, %d sentences, visited %d× per epoch\n", p, c.Format, len(sents), rep)
		for range sents {
			corpusOf = append(corpusOf, c.Name)
			formats = append(formats, c.Format)
			repeats = append(repeats, rep)
		}
		train = append(train, sents...)
	}
	for _, p := range opts.Dev {
		c, err := ReadCorpus(ctx, p)
		if err != nil {
			return nil, err
		}
		sents := c.Sentences
		if c.Format == FormatGMB {
			_, sents = GMBSplit(sents)
		}
		devs = append(devs, devSet{filepath.Base(p), c.Name, c.Format, sents})
	}

	m := &Model{types: append([]string(nil), trainTypes...), domain: -1}
	domainOf := make([]int, len(train))
	if !opts.NoDomains {
		for i, f := range corpusOf {
			d := -1
			for k, name := range m.domains {
				if name == f {
					d = k
				}
			}
			if d < 0 {
				d = len(m.domains)
				m.domains = append(m.domains, f)
			}
			domainOf[i] = d
		}
	} else {
		for i := range domainOf {
			domainOf[i] = -1
		}
	}
	m.ntags = 1 + 4*len(m.types)
	m.caseVocab = buildCaseVocab(train)
	m.clusters = map[string]uint16{}
	if !opts.NoClusters {
		t0 := time.Now()
		text := make([][]string, 0, len(train))
		for _, s := range train {
			text = append(text, s.Words)
		}
		for _, p := range opts.Unlabeled {
			more, err := readUnlabeled(ctx, p)
			if err != nil {
				return nil, err
			}
			text = append(text, more...)
		}
		var err error
		m.clusters, err = buildClusters(ctx, text, opts.Seed)
		if err != nil {
			return nil, err
		}
		logf("clusters: %d words from %d sentences in %s\n", len(m.clusters), len(text), time.Since(t0).Round(time.Millisecond))
	}
	nt := m.ntags

	// Count features, keep the frequent ones, assign rows in first-seen order.
	start := time.Now()
	countOf := map[uint64]int32{}
	var toks []token
	var buf []uint64
	for n, s := range train {
		if n%1024 == 0 && ctx.Err() != nil {
			return nil, faultline.Errorf(faultline.EINVALID, "ner: training stopped: %w", ctx.Err())
		}
		toks = m.prepare(s.Words, toks)
		for i := range toks {
			buf = m.features(toks, i, buf[:0])
			for _, h := range buf {
				countOf[h]++
				if d := domainOf[n]; d >= 0 {
					countOf[domainHash(h, d)]++
				}
			}
		}
	}
	m.index = map[uint64]int32{}
	examples := make([]example, len(train))
	for n, s := range train {
		ex := example{words: s.Words, gold: spansToTags(len(s.Words), trainSpans(formats[n], s), m.types)}
		toks = m.prepare(s.Words, toks)
		ex.rowOff = make([]int32, 1, len(s.Words)+1)
		for i := range toks {
			buf = m.features(toks, i, buf[:0])
			for _, h := range buf {
				hs := [2]uint64{h, 0}
				nh := 1
				if d := domainOf[n]; d >= 0 {
					hs[1] = domainHash(h, d)
					nh = 2
				}
				for _, h := range hs[:nh] {
					if countOf[h] < int32(opts.MinCount) {
						continue
					}
					r, ok := m.index[h]
					if !ok {
						r = int32(len(m.index))
						m.index[h] = r
					}
					ex.rows = append(ex.rows, r)
				}
			}
			ex.rowOff = append(ex.rowOff, int32(len(ex.rows)))
		}
		examples[n] = ex
	}
	countOf = nil
	logf("features: %d kept (min count %d), %d sentences, prepared in %s\n", len(m.index), opts.MinCount, len(examples), time.Since(start).Round(time.Millisecond))

	nf := len(m.index)
	w := make([]float32, nf*nt)
	u := make([]float64, nf*nt) // sum of step × update, for averaging
	tw := make([]float32, (nt+1)*nt)
	tu := make([]float64, (nt+1)*nt)
	step := 1.0
	rng := rand.New(rand.NewPCG(opts.Seed, opts.Seed^0x9e3779b97f4a7c15))
	var order []int
	for i := range examples {
		for r := 0; r < repeats[i]; r++ {
			order = append(order, i)
		}
	}
	em := make([]float32, 0, 256*nt)
	for epoch := 1; epoch <= opts.Epochs; epoch++ {
		t0 := time.Now()
		rng.Shuffle(len(order), func(i, j int) { order[i], order[j] = order[j], order[i] })
		mistakes, tokens := 0, 0
		for n, idx := range order {
			if n%1024 == 0 && ctx.Err() != nil {
				return nil, faultline.Errorf(faultline.EINVALID, "ner: training stopped: %w", ctx.Err())
			}
			ex := &examples[idx]
			L := len(ex.words)
			if L == 0 {
				continue
			}
			tokens += L
			if cap(em) < L*nt {
				em = make([]float32, L*nt)
			}
			em = em[:L*nt]
			clear(em)
			for i := 0; i < L; i++ {
				row := em[i*nt : (i+1)*nt]
				for _, r := range ex.rows[ex.rowOff[i]:ex.rowOff[i+1]] {
					wr := w[int(r)*nt : (int(r)+1)*nt]
					for k := range row {
						row[k] += wr[k]
					}
				}
			}
			pred := viterbi(em, L, nt, tw)
			wrong := false
			for i := 0; i < L; i++ {
				if pred[i] != ex.gold[i] {
					wrong = true
					mistakes++
					g, p := ex.gold[i], pred[i]
					for _, r := range ex.rows[ex.rowOff[i]:ex.rowOff[i+1]] {
						w[int(r)*nt+g]++
						u[int(r)*nt+g] += step
						w[int(r)*nt+p]--
						u[int(r)*nt+p] -= step
					}
				}
			}
			if wrong {
				prevG, prevP := nt, nt // start row
				for i := 0; i < L; i++ {
					g, p := ex.gold[i], pred[i]
					if prevG != prevP || g != p {
						tw[prevG*nt+g]++
						tu[prevG*nt+g] += step
						tw[prevP*nt+p]--
						tu[prevP*nt+p] -= step
					}
					prevG, prevP = g, p
				}
			}
			step++
		}
		avg := averaged(m, w, u, tw, tu, step, 0)
		logf("epoch %d: %d token errors / %d tokens (%.2f%%), %s\n", epoch, mistakes, tokens, 100*float64(mistakes)/float64(tokens), time.Since(t0).Round(time.Millisecond))
		for _, d := range devs {
			r, err := Score(ctx, avg.ForCorpus(d.corpus), d.format, d.sents)
			if err != nil {
				return nil, err
			}
			logf("  dev %s: P %.4f R %.4f F1 %.4f %s\n", d.name, r.Precision, r.Recall, r.F1, fmtPerType(r.PerType))
		}
	}
	final := averaged(m, w, u, tw, tu, step, opts.Prune)
	logf("final model: %d feature rows after pruning at %.2f\n", len(final.index), opts.Prune)
	return final, nil
}

func fmtPerType(m map[string]float64) string {
	var b strings.Builder
	for _, t := range []string{faultline.EntityPerson, faultline.EntityOrg, faultline.EntityLoc, faultline.EntityNORP, faultline.EntityEvent, faultline.EntityMisc} {
		if v, ok := m[t]; ok {
			fmt.Fprintf(&b, " %s=%.3f", t, v)
		}
	}
	return b.String()
}

// averaged returns the averaged weights as a model; rows whose weights are
// all below prune in magnitude are dropped (and small weights zeroed).
func averaged(m *Model, w []float32, u []float64, tw []float32, tu []float64, step float64, prune float64) *Model {
	nt := m.ntags
	out := &Model{types: m.types, ntags: nt, caseVocab: m.caseVocab, clusters: m.clusters, domains: m.domains, domain: -1}
	out.trans = make([]float32, len(tw))
	for i := range tw {
		out.trans[i] = float32(float64(tw[i]) - tu[i]/step)
	}
	out.index = make(map[uint64]int32, len(m.index))
	// rows in m.index order of creation
	hashOf := make([]uint64, len(m.index))
	for h, r := range m.index {
		hashOf[r] = h
	}
	out.weights = make([]float32, 0, len(w))
	row := make([]float32, nt)
	for r, h := range hashOf {
		keep := false
		for k := 0; k < nt; k++ {
			x := float32(float64(w[r*nt+k]) - u[r*nt+k]/step)
			if x < float32(prune) && x > -float32(prune) {
				x = 0
			}
			if x != 0 {
				keep = true
			}
			row[k] = x
		}
		if !keep {
			continue
		}
		out.index[h] = int32(len(out.weights) / nt)
		out.weights = append(out.weights, row...)
	}
	return out
}

// buildCaseVocab records, for words seen at least twice away from the
// sentence start, whether they are mostly written lower-case or capitalized.
func buildCaseVocab(sents []Sentence) map[string]uint8 {
	type lc struct{ lower, cap int32 }
	seen := map[string]*lc{}
	for _, s := range sents {
		for i, w := range s.Words {
			if i == 0 || w == "" {
				continue
			}
			r := []rune(w)[0]
			if !unicode.IsLetter(r) {
				continue
			}
			lw := strings.ToLower(w)
			c := seen[lw]
			if c == nil {
				c = &lc{}
				seen[lw] = c
			}
			if w == lw {
				c.lower++
			} else if unicode.IsUpper(r) {
				c.cap++
			}
		}
	}
	out := map[string]uint8{}
	for w, c := range seen {
		tot := c.lower + c.cap
		if tot < 2 {
			continue
		}
		switch {
		case float64(c.lower) >= 0.8*float64(tot):
			out[w] = caseMostlyLower
		case float64(c.cap) >= 0.8*float64(tot):
			out[w] = caseMostlyCap
		default:
			out[w] = caseMixed
		}
	}
	return out
}
