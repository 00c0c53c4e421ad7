// Package geo resolves place names in a document to places on the map: an
// embedded gazetteer (GeoNames cities, countries, first-level divisions)
// and the "geo" pipeline stage that fills Document.Places.
package geo

import (
	"bytes"
	"compress/gzip"
	_ "embed"
	"encoding/binary"
	"io"
	"sort"
	"strconv"
	"strings"
	"sync"
	"unsafe"

	"github.com/faultline-news/faultline"
	"github.com/faultline-news/faultline/geo/internal/toponym"
)

//go:embed data/gazetteer.tsv.gz
var gazetteerData []byte

//go:embed data/gazetteer-keys.tsv.gz
var gazetteerKeys []byte

// Place kinds (faultline.Place.Kind).
const (
	KindCountry  = "country"
	KindAdmin1   = "admin1"
	KindAdmin2   = "admin2"
	KindCity     = "city"
	KindFacility = "facility"
	KindRegion   = "region"
	KindRelative = "relative"
)

// Entry is one gazetteer record.
type Entry struct {
	Kind       string // KindCountry, KindAdmin1, KindAdmin2, KindCity or KindRegion
	GeonamesID int    // 0 when the source has none
	Name       string
	Country    string // ISO 3166-1 alpha-2
	Admin1     string // first-level division name, "" when unknown
	Lat, Lon   float64
	Population int64
	// FeatureCode is the GeoNames feature code for cities (PPL, PPLA,
	// PPLC, ...), "ADM1" for divisions ("ADM1?" when the position is the
	// country's), "" for countries.
	FeatureCode string
	ISO3        string  // countries only
	AreaKm2     float64 // countries only
}

// Gazetteer is the loaded name index. It is read-only and safe for
// concurrent use.
type Gazetteer struct {
	entries []Entry
	keys    string   // sorted "key\tid,id\n" lines
	lines   []uint32 // start offset of each key line
	country map[string]int32
}

var (
	loadOnce sync.Once
	loaded   *Gazetteer
	loadErr  error
)

// Load returns the embedded gazetteer, decoded on first use and shared.
// The entries and the name index are two gzip files inflated in parallel.
func Load() (*Gazetteer, error) {
	loadOnce.Do(func() {
		loaded, loadErr = loadSplit(gazetteerData, gazetteerKeys)
		if loadErr != nil {
			loadErr = faultline.Errorf(faultline.EINTERNAL, "geo: embedded gazetteer does not load (regenerate it, see geo/internal/gengazetteer/README.md): %w", loadErr)
		}
	})
	return loaded, loadErr
}

func loadSplit(entriesGz, keysGz []byte) (*Gazetteer, error) {
	type keysResult struct {
		text  string
		lines []uint32
		err   error
	}
	done := make(chan keysResult, 1)
	go func() {
		text, err := inflate(bytes.NewReader(keysGz))
		var lines []uint32
		if err == nil {
			lines = keyLines(text)
		}
		done <- keysResult{text, lines, err}
	}()
	text, err := inflate(bytes.NewReader(entriesGz))
	if err != nil {
		<-done
		return nil, err
	}
	g, rest, nKeys, err := parseEntries(text)
	kr := <-done
	if err != nil {
		return nil, err
	}
	if kr.err != nil {
		return nil, kr.err
	}
	if rest != "" {
		return nil, faultline.Errorf(faultline.EINVALID, "geo: gazetteer entries file has %d bytes after its entries", len(rest))
	}
	if len(kr.lines) != nKeys {
		return nil, faultline.Errorf(faultline.EINVALID, "geo: gazetteer has %d key lines, header says %d", len(kr.lines), nKeys)
	}
	g.keys, g.lines = kr.text, kr.lines
	return g, nil
}

// Parse reads a gzip-compressed gazetteer holding the entries and the
// name index in one stream (the two files of geo/data concatenated).
func Parse(r io.Reader) (*Gazetteer, error) {
	text, err := inflate(r)
	if err != nil {
		return nil, err
	}
	g, rest, nKeys, err := parseEntries(text)
	if err != nil {
		return nil, err
	}
	g.keys, g.lines = rest, keyLines(rest)
	if len(g.lines) != nKeys {
		return nil, faultline.Errorf(faultline.EINVALID, "geo: gazetteer has %d key lines, header says %d", len(g.lines), nKeys)
	}
	return g, nil
}

// inflate decompresses a gzip stream (all members) into a string.
func inflate(r io.Reader) (string, error) {
	zr, err := gzip.NewReader(r)
	if err != nil {
		return "", faultline.Errorf(faultline.EINVALID, "geo: gazetteer is not gzip data: %w", err)
	}
	// The gzip trailer's size field presizes the buffer when the input
	// is a whole file in memory.
	var buf bytes.Buffer
	if br, ok := r.(*bytes.Reader); ok && br.Size() >= 4 {
		var tail [4]byte
		if _, err := br.ReadAt(tail[:], br.Size()-4); err == nil {
			if n := int(binary.LittleEndian.Uint32(tail[:])); n > 0 && n < 1<<30 {
				buf.Grow(n + 1)
			}
		}
	}
	if _, err := buf.ReadFrom(zr); err != nil {
		return "", faultline.Errorf(faultline.EINVALID, "geo: gazetteer gzip stream: %w", err)
	}
	return unsafeString(buf.Bytes()), nil
}

// keyLines returns the start offset of every line of the name index.
func keyLines(keys string) []uint32 {
	lines := make([]uint32, 0, strings.Count(keys, "\n")+1)
	for p := 0; p < len(keys); {
		lines = append(lines, uint32(p))
		end := strings.IndexByte(keys[p:], '\n')
		if end < 0 {
			break
		}
		p += end + 1
	}
	return lines
}

// parseEntries reads the header and the entries, returning the text
// after them and the number of keys the header announces.
func parseEntries(s string) (*Gazetteer, string, int, error) {
	nl := strings.IndexByte(s, '\n')
	if nl < 0 {
		return nil, "", 0, faultline.Errorf(faultline.EINVALID, "geo: gazetteer has no header line")
	}
	head := strings.Split(s[:nl], "\t")
	if len(head) != 4 || head[0] != "#faultline-gazetteer" || head[1] != "v1" {
		return nil, "", 0, faultline.Errorf(faultline.EINVALID, "geo: gazetteer header %q is not faultline-gazetteer v1", s[:min(nl, 80)])
	}
	nEntries, err1 := strconv.Atoi(head[2])
	nKeys, err2 := strconv.Atoi(head[3])
	if err1 != nil || err2 != nil || nEntries < 0 || nKeys < 0 || nEntries > len(s) || nKeys > 1<<28 {
		return nil, "", 0, faultline.Errorf(faultline.EINVALID, "geo: gazetteer header %q has bad counts", s[:min(nl, 80)])
	}
	g := &Gazetteer{entries: make([]Entry, 0, nEntries), country: map[string]int32{}}
	pos := nl + 1
	var cols [10]string
	for i := 0; i < nEntries; i++ {
		end := strings.IndexByte(s[pos:], '\n')
		if end < 0 {
			return nil, "", 0, faultline.Errorf(faultline.EINVALID, "geo: gazetteer entry %d is cut short", i)
		}
		line := s[pos : pos+end]
		pos += end + 1
		n := 0
		for n < 9 {
			t := strings.IndexByte(line, '\t')
			if t < 0 {
				break
			}
			cols[n] = line[:t]
			line = line[t+1:]
			n++
		}
		cols[n] = line
		if n != 9 {
			return nil, "", 0, faultline.Errorf(faultline.EINVALID, "geo: gazetteer entry %d has %d fields, want 10", i, n+1)
		}
		e := Entry{Name: cols[2], Country: cols[3], Admin1: cols[4], FeatureCode: cols[8]}
		switch cols[0] {
		case "C":
			e.Kind = KindCountry
		case "A":
			e.Kind = KindAdmin1
		case "D":
			e.Kind = KindAdmin2
		case "P":
			e.Kind = KindCity
		case "R":
			e.Kind = KindRegion
		default:
			return nil, "", 0, faultline.Errorf(faultline.EINVALID, "geo: gazetteer entry %d has unknown kind %q", i, cols[0])
		}
		var err error
		if e.GeonamesID, err = strconv.Atoi(cols[1]); err == nil {
			if e.Lat, err = strconv.ParseFloat(cols[5], 64); err == nil {
				if e.Lon, err = strconv.ParseFloat(cols[6], 64); err == nil {
					e.Population, err = strconv.ParseInt(cols[7], 10, 64)
				}
			}
		}
		if err != nil {
			return nil, "", 0, faultline.Errorf(faultline.EINVALID, "geo: gazetteer entry %d: %w", i, err)
		}
		if e.Lat < -90 || e.Lat > 90 || e.Lon < -180 || e.Lon > 180 || e.Lat != e.Lat || e.Lon != e.Lon {
			return nil, "", 0, faultline.Errorf(faultline.EINVALID, "geo: gazetteer entry %d has position %v,%v off the globe", i, e.Lat, e.Lon)
		}
		if e.Kind == KindCountry {
			iso3, area, _ := strings.Cut(cols[9], " ")
			e.ISO3 = iso3
			e.AreaKm2, _ = strconv.ParseFloat(area, 64)
			g.country[e.Country] = int32(len(g.entries))
		}
		g.entries = append(g.entries, e)
	}
	return g, s[pos:], nKeys, nil
}

// Len returns the number of entries.
func (g *Gazetteer) Len() int { return len(g.entries) }

// Entry returns entry i.
func (g *Gazetteer) Entry(i int32) *Entry { return &g.entries[i] }

// keyLine returns the key and postings of key line i.
func (g *Gazetteer) keyLine(i int) (key, postings string) {
	s := g.keys[g.lines[i]:]
	if nl := strings.IndexByte(s, '\n'); nl >= 0 {
		s = s[:nl]
	}
	key, postings, _ = strings.Cut(s, "\t")
	return key, postings
}

// lookupKey returns the entry indexes stored under an exact key, most
// populous first.
func (g *Gazetteer) lookupKey(key string, out []int32) []int32 {
	i := sort.Search(len(g.lines), func(i int) bool {
		k, _ := g.keyLine(i)
		return k >= key
	})
	if i == len(g.lines) {
		return out
	}
	k, post := g.keyLine(i)
	if k != key {
		return out
	}
	for post != "" {
		var f string
		f, post, _ = strings.Cut(post, ",")
		n, err := strconv.Atoi(f)
		if err == nil && n >= 0 && n < len(g.entries) {
			out = append(out, int32(n))
		}
	}
	return out
}

// Lookup returns candidate entries for a place name: entries whose name
// folds to the same key, else to the same key without an Arabic article,
// else to the same transliteration skeleton.
func (g *Gazetteer) Lookup(name string) []int32 {
	f := toponym.Fold(name)
	if f == "" {
		return nil
	}
	if full, ok := expandAbbreviation(f); ok {
		// "Mt. Pleasant": the places named Mount Pleasant, and those
		// whose alternate names keep the abbreviation.
		out := g.lookupKey(full, nil)
		seen := make(map[int32]bool, len(out))
		for _, id := range out {
			seen[id] = true
		}
		for _, id := range g.lookupKey(f, nil) {
			if !seen[id] {
				out = append(out, id)
			}
		}
		if len(out) > 0 {
			return out
		}
	}
	if out := g.lookupKey(f, nil); len(out) > 0 {
		return out
	}
	if s := toponym.StripArticle(f); s != f {
		if out := g.lookupKey(s, nil); len(out) > 0 {
			return out
		}
	}
	sk := toponym.Skeleton(f)
	if out := g.lookupKey("~"+sk, nil); len(out) > 0 {
		return out
	}
	return g.lookupKey(sk, nil)
}

// placeAbbreviations are the abbreviated first words of place names
// (folded, without their dot).
var placeAbbreviations = map[string]string{"mt": "mount", "st": "saint", "ft": "fort", "pt": "point"}

// expandAbbreviation spells out an abbreviated first word of a folded
// name: "mt pleasant" → "mount pleasant".
func expandAbbreviation(f string) (string, bool) {
	first, rest, ok := strings.Cut(f, " ")
	if !ok || rest == "" {
		return "", false
	}
	full, ok := placeAbbreviations[first]
	if !ok {
		return "", false
	}
	return full + " " + rest, true
}

// Demonym returns the country entry for a demonym ("Iraqi", "Iranians").
func (g *Gazetteer) Demonym(word string) (*Entry, bool) {
	f := toponym.Fold(word)
	if f == "" {
		return nil, false
	}
	ids := g.lookupKey("!"+f, nil)
	if len(ids) == 0 {
		return nil, false
	}
	return &g.entries[ids[0]], true
}

// Country returns the country entry for an ISO 3166-1 alpha-2 code.
func (g *Gazetteer) Country(iso2 string) (*Entry, bool) {
	i, ok := g.country[iso2]
	if !ok {
		return nil, false
	}
	return &g.entries[i], true
}

// unsafeString views the decompressed buffer as a string without a copy;
// the buffer is never written again.
func unsafeString(b []byte) string {
	if len(b) == 0 {
		return ""
	}
	return unsafe.String(&b[0], len(b))
}
