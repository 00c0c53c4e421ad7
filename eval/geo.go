package eval

import (
	"bufio"
	"context"
	"encoding/json"
	"math"
	"os"
	"sort"
	"strconv"
	"strings"
	"time"
	"unicode"
	"unicode/utf8"

	"github.com/faultline-news/faultline"
	"github.com/faultline-news/faultline/geo"
	"github.com/faultline-news/faultline/ner"
	"github.com/faultline-news/faultline/segment"
)

// GeoResult is the geoparsing score printed by `faultline eval geo --json`.
// Fractions are in [0,1]; distances in km.
type GeoResult struct {
	Corpus string `json:"corpus"`
	Docs   int    `json:"docs"`
	// Tagging: predicted toponym spans (GPE/LOC/FAC entities and the
	// places built on them) against gold spans, exact match.
	TagPrecision float64 `json:"tag_precision"`
	TagRecall    float64 `json:"tag_recall"`
	TagF1        float64 `json:"tag_f1"`
	TagGold      int     `json:"tag_gold"`
	// Resolution of the gold toponym spans (given to the resolver).
	Toponyms int `json:"toponyms"`
	// Acc161 counts a resolution as right when it lies within 161 km of
	// the gold point or when its GeoNames id is the gold's id: the same
	// place, whatever representative point each gazetteer gives an area
	// (world-countries puts Canada ~1,000 km from GeoNames' point).
	Acc161 float64 `json:"acc161"`
	// Acc161DistanceOnly is the plain distance figure: within 161 km of
	// the gold point, ids not looked at.
	Acc161DistanceOnly float64 `json:"acc161_distance_only"`
	// SameIDFar counts resolutions with the gold's GeoNames id whose point
	// lies more than 161 km from the gold point (the difference between
	// the two accuracy figures).
	SameIDFar     int     `json:"same_id_far"`
	Exact         float64 `json:"exact"`
	ExactToponyms int     `json:"exact_toponyms"`
	// ExactPlaces is the exact-id rate over gold populated places (GeoNames
	// feature class P, LGL only). The gazetteer holds GeoNames ids for
	// populated places, countries, first-level divisions and continents,
	// not for counties and other second-level divisions.
	ExactPlaces     float64 `json:"exact_places"`
	ExactPlacesGold int     `json:"exact_places_toponyms"`
	MedianKm        float64 `json:"median_km"`
	MeanKm          float64 `json:"mean_km"`
	Unresolved      int     `json:"unresolved"`
	ToponymsPerS    float64 `json:"toponyms_per_s"`
	Scoring         string  `json:"scoring"`
}

// GeoOptions configures Geo.
type GeoOptions struct {
	// Gazetteer resolves; nil loads the embedded one.
	Gazetteer *geo.Gazetteer
	// NER tags toponyms for the tagging score; nil skips tagging.
	NER *ner.Model
}

// GeoScoringNote describes what Geo counts.
const GeoScoringNote = "tagging: exact byte-span match of the named mentions of the places the geo stage output " +
	"(GPE/LOC/FAC entities and gazetteer matches, not relative locations) and of the demonyms it marked " +
	"(GeoWebNews: not plural ones, its type Demonym) against gold toponyms " +
	"(GeoWebNews: types Literal, Literal_Modifier, Non_Literal_Modifier, Metonymic, Mixed, Embedded_Literal, " +
	"Embedded_Non_Lit, Coercion; LGL: all); resolution: gold spans given to the resolver, gold with a position only " +
	"(GeoWebNews: Literal, Literal_Modifier, Mixed, Embedded_Literal), unresolved = 20038 km; acc161: within 161 km of the gold point or the gold's GeoNames id " +
	"(an area has no single point), acc161_distance_only: within 161 km only, median/mean km: distance only; " +
	"exact over gold with a GeoNames id"

type geoGoldToponym struct {
	Start         int      `json:"start"`
	End           int      `json:"end"`
	Phrase        string   `json:"phrase"`
	Type          string   `json:"type"`
	NonLocational bool     `json:"non_locational"`
	GeonameID     string   `json:"geonameid"`
	Lat           *float64 `json:"lat"`
	Lon           *float64 `json:"lon"`
	OffsetOK      *bool    `json:"offset_ok"`
	FClass        string   `json:"fclass"`
}

type geoGoldDoc struct {
	ID       string           `json:"id"`
	Corpus   string           `json:"corpus"`
	Text     string           `json:"text"`
	Toponyms []geoGoldToponym `json:"toponyms"`
}

var geoTagTypes = map[string]bool{"Literal": true, "Literal_Modifier": true, "Non_Literal_Modifier": true,
	"Metonymic": true, "Mixed": true, "Embedded_Literal": true, "Embedded_Non_Lit": true, "Coercion": true}

var geoLiteralTypes = map[string]bool{"Literal": true, "Literal_Modifier": true, "Mixed": true, "Embedded_Literal": true}

// readGeoGold reads a geoparsing JSONL file and converts code-point
// offsets to byte offsets, dropping spans that do not match their phrase.
func readGeoGold(path string) ([]geoGoldDoc, error) {
	f, err := os.Open(path)
	if err != nil {
		return nil, faultline.Errorf(faultline.ENOTFOUND, "eval geo: %s: %w (pass a geoparsing .jsonl file from shared/eval/geoparsing)", path, err)
	}
	defer f.Close()
	sc := bufio.NewScanner(f)
	sc.Buffer(make([]byte, 1<<20), 1<<26)
	var docs []geoGoldDoc
	line := 0
	for sc.Scan() {
		line++
		var d geoGoldDoc
		if err := json.Unmarshal(sc.Bytes(), &d); err != nil {
			return nil, faultline.Errorf(faultline.EINVALID, "eval geo: %s:%d: %w", path, line, err)
		}
		// Code point index → byte offset.
		offs := make([]int, 0, len(d.Text)+1)
		for i := range d.Text {
			offs = append(offs, i)
		}
		offs = append(offs, len(d.Text))
		kept := d.Toponyms[:0]
		for _, t := range d.Toponyms {
			if t.Start < 0 || t.End > len(offs)-1 || t.Start >= t.End {
				continue
			}
			t.Start, t.End = offs[t.Start], offs[t.End]
			if d.Text[t.Start:t.End] != t.Phrase {
				continue
			}
			kept = append(kept, t)
		}
		d.Toponyms = kept
		docs = append(docs, d)
	}
	if err := sc.Err(); err != nil {
		return nil, faultline.Errorf(faultline.EINVALID, "eval geo: %s: %w", path, err)
	}
	if len(docs) == 0 {
		return nil, faultline.Errorf(faultline.EINVALID, "eval geo: %s holds no documents", path)
	}
	return docs, nil
}

// Geo scores geoparsing on a GeoWebNews or LGL JSONL file (see
// shared/eval/geoparsing/README.md): tagging F1 with the NER model and
// the geo stage, and resolution of the gold toponyms.
func Geo(ctx context.Context, path string, opts GeoOptions) (GeoResult, error) {
	docs, err := readGeoGold(path)
	if err != nil {
		return GeoResult{}, err
	}
	g := opts.Gazetteer
	if g == nil {
		if g, err = geo.Load(); err != nil {
			return GeoResult{}, err
		}
	}
	res := GeoResult{Corpus: docs[0].Corpus, Docs: len(docs), Scoring: GeoScoringNote}
	gwn := docs[0].Corpus == "GeoWebNews"

	// Resolution of gold spans.
	var errs []float64
	exactHit, placeHit, idHit161 := 0, 0, 0
	var resolveTime time.Duration
	for _, d := range docs {
		if err := ctx.Err(); err != nil {
			return GeoResult{}, faultline.Errorf(faultline.EUNAVAILABLE, "eval geo: %w", err)
		}
		var tops []geo.Toponym
		var gold []geoGoldToponym
		for _, t := range d.Toponyms {
			if gwn && (t.NonLocational || !geoTagTypes[t.Type]) {
				continue
			}
			tops = append(tops, geo.Toponym{Start: t.Start, End: t.End, Type: faultline.EntityGPE})
			gold = append(gold, t)
		}
		start := time.Now()
		rs := g.ResolveAll(d.Text, tops)
		resolveTime += time.Since(start)
		for i, t := range gold {
			if t.Lat == nil || t.Lon == nil || gwn && !geoLiteralTypes[t.Type] {
				continue
			}
			r := rs[i]
			km := 20038.0
			if r.Resolved() {
				km = geo.Distance(*t.Lat, *t.Lon, r.Lat, r.Lon)
			} else {
				res.Unresolved++
			}
			errs = append(errs, km)
			if t.GeonameID != "" {
				res.ExactToponyms++
				hit := false
				if id, err := strconv.Atoi(t.GeonameID); err == nil && id == r.GeonamesID && id != 0 {
					exactHit++
					hit = true
					if km > 161 {
						idHit161++
					}
				}
				if t.FClass == "P" {
					res.ExactPlacesGold++
					if hit {
						placeHit++
					}
				}
			}
		}
	}
	res.Toponyms = len(errs)
	if len(errs) > 0 {
		sort.Float64s(errs)
		hit, sum := 0, 0.0
		for _, e := range errs {
			if e <= 161 {
				hit++
			}
			sum += e
		}
		res.Acc161DistanceOnly = round4(float64(hit) / float64(len(errs)))
		res.Acc161 = round4(float64(hit+idHit161) / float64(len(errs)))
		res.SameIDFar = idHit161
		res.MeanKm = math.Round(sum / float64(len(errs)))
		mid := len(errs) / 2
		if len(errs)%2 == 1 {
			res.MedianKm = errs[mid]
		} else {
			res.MedianKm = (errs[mid-1] + errs[mid]) / 2
		}
		res.MedianKm = math.Round(res.MedianKm*10) / 10
	}
	if res.ExactPlacesGold > 0 {
		res.ExactPlaces = round4(float64(placeHit) / float64(res.ExactPlacesGold))
	}
	if res.ExactToponyms > 0 {
		res.Exact = round4(float64(exactHit) / float64(res.ExactToponyms))
	}
	if s := resolveTime.Seconds(); s > 0 {
		n := 0
		for _, d := range docs {
			n += len(d.Toponyms)
		}
		res.ToponymsPerS = math.Round(float64(n) / s)
	}

	if opts.NER == nil {
		return res, nil
	}
	stage := geo.NewStage(g)
	nerStage := ner.NewStage(opts.NER)
	tp, fp, fn := 0, 0, 0
	for _, d := range docs {
		if err := ctx.Err(); err != nil {
			return GeoResult{}, faultline.Errorf(faultline.EUNAVAILABLE, "eval geo: %w", err)
		}
		gold := map[[2]int]bool{}
		for _, t := range d.Toponyms {
			if gwn && (t.NonLocational || !geoTagTypes[t.Type]) {
				continue
			}
			gold[[2]int{t.Start, t.End}] = true
		}
		doc := &faultline.Document{ID: d.ID, Text: d.Text}
		doc.Sentences, doc.Tokens = segment.Segment(d.Text)
		if err := nerStage.Process(ctx, doc); err != nil {
			return GeoResult{}, err
		}
		if err := stage.Process(ctx, doc); err != nil {
			return GeoResult{}, err
		}
		// Predicted toponyms: the named mentions of the places faultline
		// outputs (entities the geo stage placed and gazetteer matches it
		// added), and the demonyms it marked with a country.
		pred := map[[2]int]bool{}
		for _, e := range doc.Entities {
			if e.Actor == nil || e.Actor.Country == "" || e.Place != nil {
				continue
			}
			for _, m := range e.Mentions {
				if gwn && pluralDemonym(g, m.Text) {
					// "Canadians": people, GeoWebNews type Demonym, not
					// a toponym; "Canadian officials" is one.
					continue
				}
				pred[[2]int{m.Start, m.End}] = true
			}
		}
		for _, p := range doc.Places {
			if p.Kind == geo.KindRelative {
				continue
			}
			for _, m := range p.Mentions {
				if r, _ := utf8.DecodeRuneInString(m.Text); unicode.IsUpper(r) || unicode.IsDigit(r) {
					pred[[2]int{m.Start, m.End}] = true // not "the city"
				}
			}
		}
		for k := range pred {
			if gold[k] {
				tp++
			} else {
				fp++
			}
		}
		for k := range gold {
			if !pred[k] {
				fn++
			}
		}
	}
	res.TagGold = tp + fn
	if tp+fp > 0 {
		res.TagPrecision = round4(float64(tp) / float64(tp+fp))
	}
	if tp+fn > 0 {
		res.TagRecall = round4(float64(tp) / float64(tp+fn))
	}
	if res.TagPrecision+res.TagRecall > 0 {
		res.TagF1 = round4(2 * res.TagPrecision * res.TagRecall / (res.TagPrecision + res.TagRecall))
	}
	return res, nil
}

// pluralDemonym reports whether w is the plural of a demonym
// ("Canadians", "Iraqis"), a noun for people.
func pluralDemonym(g *geo.Gazetteer, w string) bool {
	if !strings.HasSuffix(w, "s") {
		return false
	}
	_, ok := g.Demonym(strings.TrimSuffix(w, "s"))
	return ok
}

func round4(x float64) float64 { return math.Round(x*10000) / 10000 }
