package dedupe

import "sync"

// maxBands bounds K+1; with more bands each band is too narrow to bucket well.
const maxBands = 16

// Index holds fingerprints and finds the earliest-added one within a
// Hamming distance of a query. It is safe for concurrent use. The zero
// value is an empty index with DefaultMaxDistance.
type Index struct {
	mu      sync.RWMutex
	k       int
	kSet    bool
	entries []entry
	// buckets[b] maps the value of band b to indexes into entries, in
	// insertion order.
	buckets []map[uint64][]int32
	masks   []bandMask
}

type entry struct {
	id string
	fp uint64
}

type bandMask struct {
	shift uint
	mask  uint64
}

// NewIndex returns an empty index that treats fingerprints within maxDist
// bits as near-duplicates. maxDist is clamped to [0, 15]; a negative value
// means DefaultMaxDistance.
func NewIndex(maxDist int) *Index {
	if maxDist < 0 {
		maxDist = DefaultMaxDistance
	}
	if maxDist > maxBands-1 {
		maxDist = maxBands - 1
	}
	return &Index{k: maxDist, kSet: true}
}

// MaxDistance returns the largest distance the index treats as near.
func (x *Index) MaxDistance() int {
	x.mu.RLock()
	defer x.mu.RUnlock()
	if !x.kSet {
		return DefaultMaxDistance
	}
	return x.k
}

// Len returns the number of fingerprints added.
func (x *Index) Len() int {
	x.mu.RLock()
	defer x.mu.RUnlock()
	return len(x.entries)
}

// initLocked sets up the bands; x.mu must be held for writing.
func (x *Index) initLocked() {
	if x.buckets != nil {
		return
	}
	if !x.kSet {
		x.k, x.kSet = DefaultMaxDistance, true
	}
	n := x.k + 1
	x.buckets = make([]map[uint64][]int32, n)
	x.masks = make([]bandMask, n)
	shift := uint(0)
	for b := 0; b < n; b++ {
		width := uint(64 / n)
		if b < 64%n {
			width++
		}
		x.buckets[b] = make(map[uint64][]int32)
		x.masks[b] = bandMask{shift: shift, mask: (1 << width) - 1}
		shift += width
	}
}

// Add records fingerprint fp for document id. Adding the same id twice
// records it twice; Near still returns the earliest addition.
func (x *Index) Add(id string, fp uint64) {
	x.mu.Lock()
	defer x.mu.Unlock()
	x.initLocked()
	i := int32(len(x.entries))
	x.entries = append(x.entries, entry{id: id, fp: fp})
	for b, m := range x.masks {
		v := (fp >> m.shift) & m.mask
		x.buckets[b][v] = append(x.buckets[b][v], i)
	}
}

// Near returns the earliest-added id whose fingerprint is within the
// index's maximum distance of fp, with that distance. ok is false when
// there is none.
func (x *Index) Near(fp uint64) (id string, dist int, ok bool) {
	x.mu.RLock()
	defer x.mu.RUnlock()
	if x.buckets == nil {
		return "", 0, false
	}
	best := int32(-1)
	for b, m := range x.masks {
		for _, i := range x.buckets[b][(fp>>m.shift)&m.mask] {
			if best >= 0 && i >= best {
				break // bucket lists are in insertion order
			}
			if d := Distance(fp, x.entries[i].fp); d <= x.k {
				best, dist = i, d
				break
			}
		}
	}
	if best < 0 {
		return "", 0, false
	}
	return x.entries[best].id, dist, true
}
