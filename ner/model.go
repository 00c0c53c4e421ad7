// Package ner finds named entities (people, organisations, places, groups,
// events) in tokenized sentences with an averaged structured perceptron:
// hashed word, shape, affix, context, word-cluster, lexicon and gazetteer
// features, BILOU tags and Viterbi decoding under the BILOU transition
// constraints. Each training corpus also gets its own copy of every feature
// (domain adaptation by feature augmentation); new text uses the shared
// weights. After decoding, LOC is split into GPE/LOC/FAC by word lists,
// titles are cut from person names, and nationality/religion words become
// NORP. RecognizeDocument adds a document-level consistency pass.
//
// It reads the UNER IOB2, GMB jsonl and GUM CoNLL-U gold formats, trains
// seeded and reproducibly on one goroutine, and stores a pruned, quantized,
// gzipped model.
package ner

import (
	"bufio"
	"bytes"
	"compress/gzip"
	"encoding/binary"
	"fmt"
	"io"
	"math"
	"sort"
	"strings"

	"github.com/faultline-news/faultline"
	"github.com/faultline-news/faultline/tag/perceptron"
)

// modelMagic starts every serialized model; the digit is the format version.
const modelMagic = "FLNER\x03"

// case vocabulary classes: how a word is written in running text.
const (
	caseUnseen      = 0
	caseMostlyLower = 1
	caseMostlyCap   = 2
	caseMixed       = 3
)

// Model is a trained recognizer. It is safe for concurrent use.
type Model struct {
	types     []string
	ntags     int
	trans     []float32 // (ntags+1) rows × ntags: row ntags is the start
	index     map[uint64]int32
	lookup    rowTable  // index as a faster table, built by Load
	weights   []float32 // len(index) rows × ntags
	caseVocab map[string]uint8
	clusters  map[string]uint16
	// domains are the training corpora formats that have their own copy of
	// every feature (domain adaptation by feature augmentation, Daumé 2007);
	// domain is the one this view of the model adds (-1: shared weights only).
	domains []string
	domain  int
}

// domainHash is the hash of feature h's copy for domain d.
func domainHash(h uint64, d int) uint64 {
	x := h ^ (uint64(d+1) * 0x9e3779b97f4a7c15)
	x ^= x >> 31
	x *= 0xbf58476d1ce4e5b9
	x ^= x >> 29
	return x
}

// ForCorpus returns a view of the model that adds the weights learnt for
// the named training corpus (see CorpusName) to the shared ones: use it on
// more text of that corpus. For any other text (another corpus, news at run
// time) use the model as loaded, which has the shared weights only.
func (m *Model) ForCorpus(name string) *Model {
	for i, d := range m.domains {
		if d == name {
			c := *m
			c.domain = i
			return &c
		}
	}
	c := *m
	c.domain = -1
	return &c
}

// Domains returns the names of the training corpora with their own weights.
func (m *Model) Domains() []string { return append([]string(nil), m.domains...) }

// Types returns the entity types the model can output.
func (m *Model) Types() []string {
	return []string{faultline.EntityPerson, faultline.EntityOrg, faultline.EntityGPE, faultline.EntityLoc,
		faultline.EntityFac, faultline.EntityNORP, faultline.EntityEvent, faultline.EntityMisc}
}

// Features returns the number of feature rows the model holds.
func (m *Model) Features() int { return len(m.index) }

// Recognize returns the entity mentions in one tokenized sentence, in order,
// as half-open token index ranges with a faultline entity type.
func (m *Model) Recognize(words []string) []Span {
	if len(words) == 0 {
		return nil
	}
	tags := m.decode(words, nil)
	spans := tagsToSpans(tags, m.types)
	return refine(words, spans)
}

// emissions computes the per-token tag scores (len(words) × ntags).
func (m *Model) emissions(words []string) []float32 {
	toks := m.prepare(words, make([]token, 0, len(words)))
	nt := m.ntags
	em := make([]float32, len(words)*nt)
	buf := make([]uint64, 0, 64)
	keys := make([]uint64, 0, 128)
	rows := make([]int32, 0, 128)
	for i := range toks {
		buf = m.features(toks, i, buf[:0])
		row := em[i*nt : (i+1)*nt]
		// Find every row first (their cache misses overlap), then add
		// them up in feature order, as before.
		keys = keys[:0]
		for _, h := range buf {
			keys = append(keys, h)
			if m.domain >= 0 {
				keys = append(keys, domainHash(h, m.domain))
			}
		}
		rows = m.rows(keys, rows[:0])
		for _, r := range rows {
			w := m.weights[int(r)*nt : (int(r)+1)*nt]
			for k := range row {
				row[k] += w[k]
			}
		}
	}
	return em
}

// rows appends to dst the weight rows of the feature hashes keys that
// have one, in order.
func (m *Model) rows(keys []uint64, dst []int32) []int32 {
	if m.lookup.slots == nil {
		for _, h := range keys {
			if r, ok := m.index[h]; ok {
				dst = append(dst, r)
			}
		}
		return dst
	}
	return m.lookup.rows(keys, dst)
}

// decode runs Viterbi over em, or over emissions computed from words when
// em is nil.
func (m *Model) decode(words []string, em []float32) []int {
	if em == nil {
		em = m.emissions(words)
	}
	return viterbi(em, len(words), m.ntags, m.trans)
}

var negInf = float32(math.Inf(-1))

func viterbi(em []float32, n, nt int, trans []float32) []int {
	score := make([]float32, n*nt)
	back := make([]int32, n*nt)
	for b := 0; b < nt; b++ {
		if allowed(-1, b) {
			score[b] = em[b] + trans[nt*nt+b]
		} else {
			score[b] = negInf
		}
	}
	for i := 1; i < n; i++ {
		prev := score[(i-1)*nt : i*nt]
		cur := score[i*nt : (i+1)*nt]
		for b := 0; b < nt; b++ {
			best, arg := negInf, int32(0)
			for a := 0; a < nt; a++ {
				if prev[a] == negInf || !allowedTab[a*nt+b] {
					continue
				}
				s := prev[a] + trans[a*nt+b]
				if s > best {
					best, arg = s, int32(a)
				}
			}
			cur[b] = best + em[i*nt+b]
			back[i*nt+b] = arg
		}
	}
	last := score[(n-1)*nt : n*nt]
	best, arg := negInf, 0
	for a := 0; a < nt; a++ {
		if allowedEnd(a) && last[a] > best {
			best, arg = last[a], a
		}
	}
	tags := make([]int, n)
	tags[n-1] = arg
	for i := n - 1; i > 0; i-- {
		tags[i-1] = int(back[i*nt+tags[i]])
	}
	return tags
}

// allowedTab caches allowed(a, b) for the standard tag count.
var allowedTab = func() []bool {
	nt := 1 + 4*len(trainTypes)
	t := make([]bool, nt*nt)
	for a := 0; a < nt; a++ {
		for b := 0; b < nt; b++ {
			t[a*nt+b] = allowed(a, b)
		}
	}
	return t
}()

// Save writes the model, gzip-compressed. Weights are quantized to
// integers of scale/quantum; zero entries are not stored.
func (m *Model) Save(w io.Writer) error {
	zw, err := gzip.NewWriterLevel(w, gzip.BestCompression)
	if err != nil {
		return faultline.Errorf(faultline.EINTERNAL, "ner: gzip writer: %w", err)
	}
	bw := bufio.NewWriter(zw)
	var tmp [binary.MaxVarintLen64]byte
	uv := func(x uint64) { n := binary.PutUvarint(tmp[:], x); bw.Write(tmp[:n]) }
	sv := func(x int64) { n := binary.PutVarint(tmp[:], x); bw.Write(tmp[:n]) }
	str := func(s string) { uv(uint64(len(s))); bw.WriteString(s) }

	bw.WriteString(modelMagic)
	uv(uint64(len(m.types)))
	for _, t := range m.types {
		str(t)
	}
	uv(uint64(len(m.domains)))
	for _, d := range m.domains {
		str(d)
	}
	const quantum = 1.0 / 64
	for _, x := range m.trans {
		sv(int64(math.Round(float64(x) / quantum)))
	}
	hashes := make([]uint64, 0, len(m.index))
	for h := range m.index {
		hashes = append(hashes, h)
	}
	sort.Slice(hashes, func(i, j int) bool { return hashes[i] < hashes[j] })
	uv(uint64(len(hashes)))
	var prev uint64
	for _, h := range hashes {
		uv(h - prev)
		prev = h
	}
	nt := m.ntags
	for _, h := range hashes {
		r := int(m.index[h])
		row := m.weights[r*nt : (r+1)*nt]
		var mask uint64
		q := make([]int64, nt)
		for k, x := range row {
			q[k] = int64(math.Round(float64(x) / quantum))
			if q[k] != 0 {
				mask |= 1 << k
			}
		}
		uv(mask)
		for k := range row {
			if q[k] != 0 {
				sv(q[k])
			}
		}
	}
	words := make([]string, 0, len(m.caseVocab))
	for w := range m.caseVocab {
		words = append(words, w)
	}
	sort.Strings(words)
	uv(uint64(len(words)))
	for _, w := range words {
		str(w)
		bw.WriteByte(m.caseVocab[w])
	}
	words = words[:0]
	for w := range m.clusters {
		words = append(words, w)
	}
	sort.Strings(words)
	uv(uint64(len(words)))
	for _, w := range words {
		str(w)
		uv(uint64(m.clusters[w]))
	}
	if err := bw.Flush(); err != nil {
		return faultline.Errorf(faultline.EUNAVAILABLE, "ner: writing model: %w", err)
	}
	if err := zw.Close(); err != nil {
		return faultline.Errorf(faultline.EUNAVAILABLE, "ner: writing model: %w", err)
	}
	return nil
}

// Load reads a model written by Save.
func Load(r io.Reader) (m *Model, err error) {
	defer func() {
		if p := recover(); p != nil {
			m, err = nil, faultline.Errorf(faultline.EINVALID, "ner: corrupt model: %v", p)
		}
	}()
	zr, err := gzip.NewReader(r)
	if err != nil {
		return nil, faultline.Errorf(faultline.EINVALID, "ner: model is not gzip data: %w", err)
	}
	data, err := io.ReadAll(zr)
	if err != nil {
		return nil, faultline.Errorf(faultline.EINVALID, "ner: reading model: %w", err)
	}
	bad := func(what string) error {
		return faultline.Errorf(faultline.EINVALID, "ner: corrupt model (%s); retrain it with `faultline train ner`", what)
	}
	// Version 2 (no domain section) is still read.
	v2 := bytes.HasPrefix(data, []byte("FLNER\x02"))
	if !bytes.HasPrefix(data, []byte(modelMagic)) && !v2 {
		return nil, bad("bad magic or version")
	}
	br := bytes.NewReader(data[len(modelMagic):])
	uv := func() uint64 {
		x, e := binary.ReadUvarint(br)
		if e != nil && err == nil {
			err = bad("truncated")
		}
		return x
	}
	sv := func() int64 {
		x, e := binary.ReadVarint(br)
		if e != nil && err == nil {
			err = bad("truncated")
		}
		return x
	}
	str := func() string {
		n := uv()
		if n > uint64(br.Len()) {
			if err == nil {
				err = bad("string length")
			}
			return ""
		}
		b := make([]byte, n)
		io.ReadFull(br, b)
		return string(b)
	}
	const quantum = 1.0 / 64
	m = &Model{}
	nty := uv()
	if nty == 0 || nty > 15 {
		return nil, bad(fmt.Sprintf("%d types", nty))
	}
	for i := uint64(0); i < nty; i++ {
		m.types = append(m.types, str())
	}
	if len(m.types) != len(trainTypes) {
		return nil, bad("type count differs from this build")
	}
	var nd uint64
	if !v2 {
		nd = uv()
	}
	if nd > 15 {
		return nil, bad("domain count")
	}
	for i := uint64(0); i < nd; i++ {
		m.domains = append(m.domains, str())
	}
	m.domain = -1
	m.ntags = 1 + 4*len(m.types)
	m.trans = make([]float32, (m.ntags+1)*m.ntags)
	for i := range m.trans {
		m.trans[i] = float32(float64(sv()) * quantum)
	}
	nf := uv()
	if err != nil || nf > uint64(br.Len()) {
		return nil, bad("feature count")
	}
	hashes := make([]uint64, nf)
	var prev uint64
	for i := range hashes {
		prev += uv()
		hashes[i] = prev
	}
	nt := m.ntags
	m.index = make(map[uint64]int32, nf)
	m.weights = make([]float32, int(nf)*nt)
	for i, h := range hashes {
		mask := uv()
		row := m.weights[i*nt : (i+1)*nt]
		for k := 0; k < nt; k++ {
			if mask&(1<<k) != 0 {
				row[k] = float32(float64(sv()) * quantum)
			}
		}
		m.index[h] = int32(i)
	}
	m.lookup = newRowTable(m.index)
	perceptron.HugePages(m.weights)
	perceptron.HugePages(m.lookup.slots)
	nw := uv()
	if err != nil || nw > uint64(br.Len()) {
		return nil, bad("vocabulary count")
	}
	m.caseVocab = make(map[string]uint8, nw)
	for i := uint64(0); i < nw; i++ {
		w := str()
		c, e := br.ReadByte()
		if e != nil {
			return nil, bad("truncated vocabulary")
		}
		m.caseVocab[w] = c
	}
	nc := uv()
	if err != nil || nc > uint64(br.Len()) {
		return nil, bad("cluster count")
	}
	m.clusters = make(map[string]uint16, nc)
	for i := uint64(0); i < nc; i++ {
		w := str()
		m.clusters[w] = uint16(uv())
	}
	if err != nil {
		return nil, err
	}
	return m, nil
}

// refine splits the trained LOC class into GPE, LOC and FAC, extends a place
// name over a following facility noun ("Qayyarah airfield"), and makes
// listed nationality/religion words NORP.
func refine(words []string, spans []Span) []Span {
	spans = addKnownOrgs(words, spans)
	out := spans[:0]
	for _, sp := range spans {
		if sp.Label == faultline.EntityPerson {
			// Titles are not part of the name ("Prime Minister Haider al-Abadi").
			for sp.End-sp.Start > 1 && isCapitalized(words[sp.Start]) && hasClass(strings.ToLower(words[sp.Start]), gazTitle) {
				sp.Start++
			}
		}
		if sp.Label == faultline.EntityLoc {
			last := strings.ToLower(words[sp.End-1])
			switch {
			case hasClass(last, gazFacHead) && sp.End-sp.Start > 1:
				sp.Label = faultline.EntityFac
			case isGPEName(words[sp.Start:sp.End]):
				sp.Label = faultline.EntityGPE
			}
			if sp.End < len(words) && isCapitalized(words[sp.Start]) && facilityNouns[words[sp.End]] {
				// lower-case facility noun after a place name: "Qayyarah airfield"
				sp.End++
				sp.Label = faultline.EntityFac
			}
		}
		if sp.End-sp.Start == 1 && sp.Label != faultline.EntityNORP && isDemonym(strings.ToLower(words[sp.Start])) && isCapitalized(words[sp.Start]) {
			sp.Label = faultline.EntityNORP
		}
		out = append(out, sp)
	}
	// Listed nationality and religion words the model left out ("Shi'ite").
	var extra []Span
	next := 0
	for i, w := range words {
		for next < len(out) && out[next].End <= i {
			next++
		}
		if next < len(out) && out[next].Start <= i {
			continue
		}
		// not before a capitalized word: "Islamic Jihad", "American Airlines"
		nextCap := i+1 < len(words) && isCapitalized(words[i+1]) && !hasClass(strings.ToLower(words[i+1]), gazTitle)
		if isCapitalized(w) && isDemonym(strings.ToLower(w)) && !nextCap {
			extra = append(extra, Span{Start: i, End: i + 1, Label: faultline.EntityNORP})
		}
	}
	if len(extra) > 0 {
		out = append(out, extra...)
		sort.Slice(out, func(i, j int) bool { return out[i].Start < out[j].Start })
	}
	return out
}

// facilityNouns are the lower-case nouns that turn a preceding place name
// into a facility name. The list is short on purpose: "Baghdad market" is a
// place and a common noun in most annotations.
var facilityNouns = map[string]bool{"airfield": true, "airbase": true, "airstrip": true, "refinery": true}

// addKnownOrgs labels listed organisation names ORG where the model found
// nothing or only a part of the name; spans it overlaps are dropped.
func addKnownOrgs(words []string, spans []Span) []Span {
	var add []Span
	for i := 0; i < len(words); i++ {
		n := matchKnownOrg(words, i)
		if n == 0 {
			continue
		}
		org := Span{Start: i, End: i + n, Label: faultline.EntityOrg}
		ok := true
		for _, sp := range spans {
			// keep the model's span when it covers the name and more
			if sp.Start <= org.Start && sp.End >= org.End && (sp.End-sp.Start > n || sp.Label == faultline.EntityOrg) {
				ok = false
			}
			// partial overlap that is not inside the name: leave it
			if sp.Start < org.End && org.Start < sp.End && (sp.Start < org.Start || sp.End > org.End) && !(sp.Start <= org.Start && sp.End >= org.End) {
				ok = false
			}
		}
		if ok {
			add = append(add, org)
		}
		i += n - 1
	}
	if len(add) == 0 {
		return spans
	}
	var out []Span
	for _, sp := range spans {
		inside := false
		for _, a := range add {
			if sp.Start >= a.Start && sp.End <= a.End {
				inside = true
			}
		}
		if !inside {
			out = append(out, sp)
		}
	}
	out = append(out, add...)
	sort.Slice(out, func(i, j int) bool { return out[i].Start < out[j].Start })
	return out
}
