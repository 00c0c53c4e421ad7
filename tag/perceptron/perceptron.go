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
	"cmp"
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

// fold maps a 64-bit feature hash to the 32-bit key stored in a Model.
// With a million features about a hundred keys collide; their weights are
// summed, which costs nothing measurable and halves the model file.
func fold(h uint64) uint32 { return uint32(h ^ h>>32) }

// Average returns the averaged model, quantised to int16. Weights whose
// absolute averaged value is below prune are dropped.
func (t *Trainer) Average(prune float64) *Model {
	type keyed struct {
		folded uint32
		key    uint64
	}
	keys := make([]keyed, 0, len(t.index))
	for k := range t.index {
		keys = append(keys, keyed{fold(k), k})
	}
	slices.SortFunc(keys, func(a, b keyed) int {
		if a.folded != b.folded {
			return cmp.Compare(a.folded, b.folded)
		}
		return cmp.Compare(a.key, b.key)
	})
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
	m := &Model{NClasses: t.NClasses, Scale: scale, off: []uint32{0}}
	sums := make([]float64, t.NClasses)
	used := make([]bool, t.NClasses)
	for i := 0; i < len(keys); {
		j := i
		for j < len(keys) && keys[j].folded == keys[i].folded {
			for _, e := range t.rows[t.index[keys[j].key]] {
				avg := float64(e.w) - e.u/t.c
				if math.Abs(avg) < prune {
					continue
				}
				sums[e.class] += avg
				used[e.class] = true
			}
			j++
		}
		n := 0
		for c := range sums {
			if !used[c] {
				continue
			}
			q := math.Max(-32767, math.Min(32767, math.Round(sums[c]/scale)))
			sums[c], used[c] = 0, false
			if q == 0 {
				continue
			}
			m.data = append(m.data, pack(c, int16(q)))
			n++
		}
		if n > 0 {
			m.keys = append(m.keys, keys[i].folded)
			m.off = append(m.off, uint32(len(m.data)))
		}
		i = j
	}
	m.index = newTable(m.keys, m.off)
	return m
}

// table is an open-addressing hash table from a feature key to its row's
// place in Model.data, built once from distinct keys; one slot holds all a
// lookup needs, so a probe usually costs one cache miss.
type table struct {
	slots []slot
	mask  uint32
}

type slot struct {
	key      uint32
	start, n uint32 // n == 0 marks an empty slot (stored rows are never empty)
}

func hashSlot(k uint32) uint32 { return (k * 0x9e3779b1) ^ (k >> 16) }

func newTable(keys, off []uint32) table {
	size := uint32(16)
	for int(size) < len(keys)+len(keys)/2 {
		size *= 2
	}
	t := table{slots: make([]slot, size), mask: size - 1}
	for r, k := range keys {
		i := hashSlot(k) & t.mask
		for t.slots[i].n != 0 {
			i = (i + 1) & t.mask
		}
		t.slots[i] = slot{key: k, start: off[r], n: off[r+1] - off[r]}
	}
	HugePages(t.slots)
	return t
}

func (t *table) get(k uint32) (slot, bool) {
	if len(t.slots) == 0 {
		return slot{}, false
	}
	i := hashSlot(k) & t.mask
	for {
		s := t.slots[i]
		if s.n == 0 {
			return slot{}, false
		}
		if s.key == k {
			return s, true
		}
		i = (i + 1) & t.mask
	}
}

// Model is a trained, read-only perceptron; safe for concurrent use.
type Model struct {
	NClasses int
	Scale    float64 // weight = int16 value × Scale
	keys     []uint32
	index    table
	off      []uint32 // row r is data[off[r]:off[r+1]]
	data     []uint32 // class<<16 | uint16(weight), classes ascending per row
}

func pack(class int, w int16) uint32 { return uint32(class)<<16 | uint32(uint16(w)) }

func unpack(v uint32) (class int, w int16) { return int(v >> 16), int16(v) }

// Features returns the number of features and of stored weights.
func (m *Model) Features() (features, weights int) { return len(m.keys), len(m.data) }

// Scores sums the quantised weights of feats into scores (zeroed first,
// NClasses entries). Multiply by Scale for the real value.
//
// The lookups are done in batches so that their cache misses overlap: the
// first probe slot of every feature of a batch is loaded before any is
// examined, and the first cache line of every found row is touched before
// any row is summed. Integer sums do not depend on the order, so the
// result is the same as feature-by-feature scoring.
func (m *Model) Scores(feats []uint64, scores []int32) {
	clear(scores)
	t := &m.index
	if len(t.slots) == 0 {
		return
	}
	const batch = 32
	var (
		keys  [batch]uint32
		first [batch]slot
		rows  [batch]slot
		head  [batch]uint32 // first weight of each found row
	)
	for len(feats) > 0 {
		n := min(len(feats), batch)
		for i, f := range feats[:n] {
			k := fold(f)
			keys[i] = k
			first[i] = t.slots[hashSlot(k)&t.mask]
		}
		found := 0
		for i := 0; i < n; i++ {
			s := first[i]
			if s.n == 0 {
				continue
			}
			if s.key != keys[i] {
				var ok bool
				if s, ok = t.get(keys[i]); !ok {
					continue
				}
			}
			rows[found] = s
			head[found] = m.data[s.start]
			found++
		}
		for j, r := range rows[:found] {
			v := head[j]
			scores[v>>16] += int32(int16(v))
			for _, v := range m.data[r.start+1 : r.start+r.n] {
				scores[v>>16] += int32(int16(v))
			}
		}
		feats = feats[n:]
	}
}

const magic = "FLPERC2\n"

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
	prev := uint32(0)
	for i, k := range m.keys {
		uv(uint64(k - prev))
		prev = k
		a, b := m.off[i], m.off[i+1]
		uv(uint64(b - a))
		last := 0
		for j := a; j < b; j++ {
			c, w := unpack(m.data[j])
			uv(uint64(c - last))
			last = c
			sv(int64(w))
		}
	}
	return n, bw.Flush()
}

// Read reads a model written by WriteTo.
func Read(r io.Reader) (*Model, error) {
	data, err := io.ReadAll(r)
	if err != nil {
		return nil, fmt.Errorf("perceptron: reading model: %w", err)
	}
	m, _, err := Decode(data)
	return m, err
}

// Decode decodes a model written by WriteTo from the start of data and
// returns the bytes after it.
func Decode(data []byte) (*Model, []byte, error) {
	if len(data) < len(magic) || string(data[:len(magic)]) != magic {
		return nil, nil, errors.New("perceptron: not a model file (bad header)")
	}
	data = data[len(magic):]
	bad := false
	uv := func() uint64 {
		v, n := binary.Uvarint(data)
		if n <= 0 {
			bad = true
			data = nil
			return 0
		}
		data = data[n:]
		return v
	}
	sv := func() int64 {
		v, n := binary.Varint(data)
		if n <= 0 {
			bad = true
			data = nil
			return 0
		}
		data = data[n:]
		return v
	}
	m := &Model{}
	m.NClasses = int(uv())
	m.Scale = math.Float64frombits(uv())
	nk := uv()
	if bad {
		return nil, nil, errors.New("perceptron: truncated header")
	}
	if m.NClasses <= 0 || m.NClasses > 65535 || nk > uint64(len(data)) {
		return nil, nil, fmt.Errorf("perceptron: implausible header (%d classes, %d features)", m.NClasses, nk)
	}
	m.keys = make([]uint32, 0, nk)
	m.off = make([]uint32, 1, nk+1)
	prev := uint32(0)
	for i := uint64(0); i < nk && !bad; i++ {
		k := prev + uint32(uv())
		if i > 0 && k <= prev {
			return nil, nil, fmt.Errorf("perceptron: feature keys out of order at %d", i)
		}
		prev = k
		cnt := uv()
		if cnt > uint64(m.NClasses) {
			return nil, nil, fmt.Errorf("perceptron: feature %d has %d weights for %d classes", i, cnt, m.NClasses)
		}
		c := 0
		for j := uint64(0); j < cnt; j++ {
			c += int(uv())
			v := sv()
			if c >= m.NClasses || v < math.MinInt16 || v > math.MaxInt16 {
				return nil, nil, fmt.Errorf("perceptron: bad weight in feature %d", i)
			}
			m.data = append(m.data, pack(c, int16(v)))
		}
		m.keys = append(m.keys, k)
		m.off = append(m.off, uint32(len(m.data)))
	}
	if bad {
		return nil, nil, errors.New("perceptron: truncated model")
	}
	HugePages(m.data)
	m.index = newTable(m.keys, m.off)
	return m, data, nil
}
