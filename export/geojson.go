package export

import (
	"bufio"
	"encoding/json"
)

// geoJSONFeature is one event as a GeoJSON Feature (RFC 7946) with a Point
// geometry at its place.
type geoJSONFeature struct {
	Type       string            `json:"type"`
	Geometry   geoJSONPoint      `json:"geometry"`
	Properties geoJSONProperties `json:"properties"`
}

type geoJSONPoint struct {
	Type        string     `json:"type"`
	Coordinates [2]float64 `json:"coordinates"` // [lon, lat]
}

// geoJSONProperties are the event's properties on a map.
type geoJSONProperties struct {
	EventID       string  `json:"event_id"`
	GlobalEventID int64   `json:"global_event_id"`
	DocumentID    string  `json:"document_id"`
	URL           string  `json:"url"`
	Date          string  `json:"date"`
	CAMEO         string  `json:"cameo"`
	PloverType    string  `json:"plover_type"`
	PloverMode    string  `json:"plover_mode"`
	QuadClass     int     `json:"quad_class"`
	Goldstein     float64 `json:"goldstein"`
	SourceName    string  `json:"source_name"`
	TargetName    string  `json:"target_name"`
	PlaceName     string  `json:"place_name"`
	Country       string  `json:"country"`
	Sentence      string  `json:"sentence"`
	Confidence    float64 `json:"confidence"`
	Mentions      int     `json:"mentions"`
}

// geoJSONWriter streams one FeatureCollection. Events without a place with
// usable coordinates are left out (a Feature needs a geometry).
type geoJSONWriter struct {
	w     *bufio.Writer
	enc   *json.Encoder
	opts  Options
	count int
}

func newGeoJSONWriter(w *bufio.Writer, opts Options) *geoJSONWriter {
	enc := json.NewEncoder(w)
	enc.SetEscapeHTML(false)
	return &geoJSONWriter{w: w, enc: enc, opts: opts}
}

func (g *geoJSONWriter) begin() error {
	_, err := g.w.WriteString(`{"type":"FeatureCollection","features":[` + "\n")
	return err
}

func (g *geoJSONWriter) end() error {
	_, err := g.w.WriteString("]}\n")
	return err
}

func (g *geoJSONWriter) event(e *Event) error {
	d, ev := e.Doc, e.Event
	place := placeByID(d, ev.Place)
	if place == nil || !hasCoordinates(place) {
		return nil
	}
	src := entityByID(d, ev.Source)
	tgt := entityByID(d, ev.Target)
	f := geoJSONFeature{
		Type:     "Feature",
		Geometry: geoJSONPoint{Type: "Point", Coordinates: [2]float64{place.Lon, place.Lat}},
		Properties: geoJSONProperties{
			EventID:       ev.ID,
			GlobalEventID: globalID(e),
			DocumentID:    d.ID,
			URL:           d.Source.URL,
			Date:          dayString(d, ev, g.opts.Now),
			CAMEO:         ev.CAMEO,
			PloverType:    ev.Plover.Type,
			PloverMode:    ev.Plover.Mode,
			QuadClass:     ev.QuadClass,
			Goldstein:     finite(ev.Goldstein),
			SourceName:    oneLine(actorName(src, ev.SourceText)),
			TargetName:    oneLine(actorName(tgt, ev.TargetText)),
			PlaceName:     oneLine(place.Name),
			Country:       place.Country,
			Sentence:      oneLine(sentenceText(d, ev.Sentence)),
			Confidence:    finite(ev.Confidence),
			Mentions:      len(e.mentions()),
		},
	}
	if g.count > 0 {
		if err := g.w.WriteByte(','); err != nil {
			return err
		}
	}
	g.count++
	return g.enc.Encode(&f) // Encode ends the feature with a newline
}
