package ner

// rowTable is a read-only open-addressing hash table from a feature hash
// to its weight row, built from Model.index when a model is loaded: one
// probe usually costs one cache miss, where the Go map costs several.
type rowTable struct {
	slots []rowSlot
	mask  uint64
}

type rowSlot struct {
	key uint64
	row int32 // row+1; 0 marks an empty slot
}

func newRowTable(index map[uint64]int32) rowTable {
	size := uint64(16)
	for size < uint64(len(index))*2 {
		size *= 2
	}
	t := rowTable{slots: make([]rowSlot, size), mask: size - 1}
	for h, r := range index {
		i := mixSlot(h) & t.mask
		for t.slots[i].row != 0 {
			i = (i + 1) & t.mask
		}
		t.slots[i] = rowSlot{key: h, row: r + 1}
	}
	return t
}

func mixSlot(h uint64) uint64 { return (h ^ h>>29) * 0xbf58476d1ce4e5b9 >> 20 }

// get returns the row of feature hash h.
func (t *rowTable) get(h uint64) (int32, bool) {
	i := mixSlot(h) & t.mask
	for {
		s := &t.slots[i]
		if s.row == 0 {
			return 0, false
		}
		if s.key == h {
			return s.row - 1, true
		}
		i = (i + 1) & t.mask
	}
}

// rows appends to dst the rows of the keys that have one, in order. The
// first probe slot of a batch of keys is loaded before any is examined, so
// that their cache misses overlap.
func (t *rowTable) rows(keys []uint64, dst []int32) []int32 {
	const batch = 32
	var first [batch]rowSlot
	for len(keys) > 0 {
		n := min(len(keys), batch)
		for i, h := range keys[:n] {
			first[i] = t.slots[mixSlot(h)&t.mask]
		}
		for i, h := range keys[:n] {
			s := first[i]
			if s.row == 0 {
				continue
			}
			if s.key == h {
				dst = append(dst, s.row-1)
			} else if r, ok := t.get(h); ok {
				dst = append(dst, r)
			}
		}
		keys = keys[n:]
	}
	return dst
}
