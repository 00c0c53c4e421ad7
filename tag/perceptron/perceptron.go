// Package perceptron is the averaged multiclass perceptron shared by the
// tagger (package tag) and the dependency parser (package parse).
//
// Features are 64-bit hashes (see Hash and Mix); each feature owns a sparse
// row of per-class weights, so the cost of scoring is the number of
// non-zero weights touched, not features × classes. Trainer learns with the
// usual averaging trick (Daumé III, 2006: keep w and u = Σ c·Δ, then the
// average is w − u/c); Average turns it into a compact Model with int16
// weights, dropping near-zero ones.
package perceptron

import (
	"bufio"
	"encoding/binary"
	"errors"
	"fmt"
	"io"
	"math"
	"slices"
)

// Hash returns the FNV-1a hash of s.
func Hash(s string) uint64 {
	h := uint64(14695981039346656037)
	for i := 0; i < len(s); i++ {
		h ^= uint64(s[i])
		h *= 1099511628211
	}
	return h
}

// Mix combines a running hash with a value; used to build feature keys
// from a template number and its atoms.
func Mix(h, v uint64) uint64 {
	h ^= v + 0x9e3779b97f4a7c15 + (h << 6) + (h >> 2)
	h *= 0xff51afd7ed558ccd
	return h ^ (h >> 33)
}

type entry struct {
	class int32
	w     int32
	u     float64
}

// Trainer accumulates perceptron weights. Not safe for concurrent use.
type Trainer struct {
	NClasses int
	index    map[uint64]int32
	rows     [][]entry
	c        float64 // instances seen, starting at 1
}

// NewTrainer returns a Trainer for n classes.
func NewTrainer(n int) *Trainer {
	return &Trainer{NClasses: n, index: map[uint64]int32{}, c: 1}
}

// Scores adds the current (non-averaged) weights of feats into scores,
// which must have NClasses entries and is zeroed first.
func (t *Trainer) Scores(feats []uint64, scores []float64) {
	clear(scores)
	for _, f := range feats {
		r, ok := t.index[f]
		if !ok {
			continue
		}
		for _, e := range t.rows[r] {
			scores[e.class] += float64(e.w)
		}
	}
}

// Tick advances the instance counter; call it once per training instance.
func (t *Trainer) Tick() { t.c++ }

// Update rewards gold and penalises pred for feats (no-op when equal).
func (t *Trainer) Update(feats []uint64, gold, pred int) {
	if gold == pred {
		return
	}
	for _, f := range feats {
		r, ok := t.index[f]
		if !ok {
			r = int32(len(t.rows))
			t.index[f] = r
			t.rows = append(t.rows, nil)
		}
		t.add(r, int32(gold), 1)
		t.add(r, int32(pred), -1)
	}
}

func (t *Trainer) add(r, class int32, d int32) {
	row := t.rows[r]
	for i := range row {
		if row[i].class == class {
			row[i].w += d
			row[i].u += t.c * float64(d)
			return
		}
	}
	t.rows[r] = append(row, entry{class: class, w: d, u: t.c * float64(d)})
}

// Average returns the averaged model, quantised to int16. Weights whose
// absolute averaged value is below prune are dropped.
func (t *Trainer) Average(prune float64) *Model {
	keys := make([]uint64, 0, len(t.index))
	for k := range t.index {
		keys = append(keys, k)
	}
	slices.Sort(keys)
	maxAbs := 0.0
	for _, row := range t.rows {
		for _, e := range row {
			maxAbs = math.Max(maxAbs, math.Abs(float64(e.w)-e.u/t.c))
		}
	}
	scale := maxAbs / 32767
	if scale == 0 {
		scale = 1
	}
	m := &Model{NClasses: t.NClasses, Scale: scale, index: make(map[uint64]uint32, len(keys)), off: []uint32{0}}
	for _, k := range keys {
		row := slices.Clone(t.rows[t.index[k]])
		slices.SortFunc(row, func(a, b entry) int { return int(a.class - b.class) })
		n := 0
		for _, e := range row {
			avg := float64(e.w) - e.u/t.c
			q := math.Round(avg / scale)
			if math.Abs(avg) < prune || q == 0 {
				continue
			}
			m.cls = append(m.cls, uint16(e.class))
			m.w = append(m.w, int16(q))
			n++
		}
		if n == 0 {
			continue
		}
		m.keys = append(m.keys, k)
		m.index[k] = uint32(len(m.off) - 1)
		m.off = append(m.off, uint32(len(m.cls)))
	}
	return m
}

// Model is a trained, read-only perceptron; safe for concurrent use.
type Model struct {
	NClasses int
	Scale    float64 // weight = int16 value × Scale
	keys     []uint64
	index    map[uint64]uint32
	off      []uint32
	cls      []uint16
	w        []int16
}

// Features returns the number of features and of stored weights.
func (m *Model) Features() (features, weights int) { return len(m.keys), len(m.w) }

// Scores sums the quantised weights of feats into scores (zeroed first,
// NClasses entries). Multiply by Scale for the real value.
func (m *Model) Scores(feats []uint64, scores []int32) {
	clear(scores)
	for _, f := range feats {
		r, ok := m.index[f]
		if !ok {
			continue
		}
		a, b := m.off[r], m.off[r+1]
		cls, w := m.cls[a:b], m.w[a:b]
		for i, c := range cls {
			scores[c] += int32(w[i])
		}
	}
}

const magic = "FLPERC1\n"

// WriteTo writes the model in a compact binary form (deterministic for
// equal models). Compress it yourself if you want.
func (m *Model) WriteTo(w io.Writer) (int64, error) {
	bw := bufio.NewWriter(w)
	var buf [binary.MaxVarintLen64]byte
	var n int64
	put := func(b []byte) {
		k, _ := bw.Write(b)
		n += int64(k)
	}
	uv := func(v uint64) { put(buf[:binary.PutUvarint(buf[:], v)]) }
	sv := func(v int64) { put(buf[:binary.PutVarint(buf[:], v)]) }
	put([]byte(magic))
	uv(uint64(m.NClasses))
	uv(math.Float64bits(m.Scale))
	uv(uint64(len(m.keys)))
	prev := uint64(0)
	for i, k := range m.keys {
		uv(k - prev)
		prev = k
		a, b := m.off[i], m.off[i+1]
		uv(uint64(b - a))
		last := 0
		for j := a; j < b; j++ {
			uv(uint64(int(m.cls[j]) - last))
			last = int(m.cls[j])
			sv(int64(m.w[j]))
		}
	}
	return n, bw.Flush()
}

// Read reads a model written by WriteTo.
func Read(r io.Reader) (*Model, error) {
	br := bufio.NewReader(r)
	head := make([]byte, len(magic))
	if _, err := io.ReadFull(br, head); err != nil || string(head) != magic {
		return nil, errors.New("perceptron: not a model file (bad header)")
	}
	var err error
	uv := func() uint64 {
		if err != nil {
			return 0
		}
		var v uint64
		v, err = binary.ReadUvarint(br)
		return v
	}
	sv := func() int64 {
		if err != nil {
			return 0
		}
		var v int64
		v, err = binary.ReadVarint(br)
		return v
	}
	m := &Model{}
	m.NClasses = int(uv())
	m.Scale = math.Float64frombits(uv())
	nk := uv()
	if err != nil {
		return nil, fmt.Errorf("perceptron: truncated header: %w", err)
	}
	if m.NClasses <= 0 || m.NClasses > 65535 || nk > 1<<28 {
		return nil, fmt.Errorf("perceptron: implausible header (%d classes, %d features)", m.NClasses, nk)
	}
	m.keys = make([]uint64, 0, nk)
	m.index = make(map[uint64]uint32, nk)
	m.off = make([]uint32, 1, nk+1)
	prev := uint64(0)
	for i := uint64(0); i < nk; i++ {
		k := prev + uv()
		prev = k
		cnt := uv()
		if err != nil {
			break
		}
		if cnt > uint64(m.NClasses) {
			return nil, fmt.Errorf("perceptron: feature %d has %d weights for %d classes", i, cnt, m.NClasses)
		}
		c := 0
		for j := uint64(0); j < cnt; j++ {
			c += int(uv())
			v := sv()
			if c >= m.NClasses || v < math.MinInt16 || v > math.MaxInt16 {
				return nil, fmt.Errorf("perceptron: bad weight in feature %d", i)
			}
			m.cls = append(m.cls, uint16(c))
			m.w = append(m.w, int16(v))
		}
		m.keys = append(m.keys, k)
		m.index[k] = uint32(i)
		m.off = append(m.off, uint32(len(m.cls)))
	}
	if err != nil {
		return nil, fmt.Errorf("perceptron: truncated model: %w", err)
	}
	return m, nil
}
