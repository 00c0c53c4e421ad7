package export

import (
	"bufio"
	"math"
	"strconv"
	"strings"

	"github.com/faultline-news/faultline"
)

// GDELTEventColumns are the 61 columns of a GDELT 2.0 Event ("export") file,
// in order, as named in the GDELT Event Codebook V2.0 (the first column is
// GLOBALEVENTID and the second SQLDATE in the BigQuery schema).
var GDELTEventColumns = []string{
	"GlobalEventID", "Day", "MonthYear", "Year", "FractionDate",
	"Actor1Code", "Actor1Name", "Actor1CountryCode", "Actor1KnownGroupCode", "Actor1EthnicCode",
	"Actor1Religion1Code", "Actor1Religion2Code", "Actor1Type1Code", "Actor1Type2Code", "Actor1Type3Code",
	"Actor2Code", "Actor2Name", "Actor2CountryCode", "Actor2KnownGroupCode", "Actor2EthnicCode",
	"Actor2Religion1Code", "Actor2Religion2Code", "Actor2Type1Code", "Actor2Type2Code", "Actor2Type3Code",
	"IsRootEvent", "EventCode", "EventBaseCode", "EventRootCode", "QuadClass", "GoldsteinScale",
	"NumMentions", "NumSources", "NumArticles", "AvgTone",
	"Actor1Geo_Type", "Actor1Geo_FullName", "Actor1Geo_CountryCode", "Actor1Geo_ADM1Code",
	"Actor1Geo_ADM2Code", "Actor1Geo_Lat", "Actor1Geo_Long", "Actor1Geo_FeatureID",
	"Actor2Geo_Type", "Actor2Geo_FullName", "Actor2Geo_CountryCode", "Actor2Geo_ADM1Code",
	"Actor2Geo_ADM2Code", "Actor2Geo_Lat", "Actor2Geo_Long", "Actor2Geo_FeatureID",
	"ActionGeo_Type", "ActionGeo_FullName", "ActionGeo_CountryCode", "ActionGeo_ADM1Code",
	"ActionGeo_ADM2Code", "ActionGeo_Lat", "ActionGeo_Long", "ActionGeo_FeatureID",
	"DATEADDED", "SOURCEURL",
}

// GDELT geography resolution (the *Geo_Type columns).
const (
	GeoNone       = 0 // no location (GDELT writes 0 and leaves the other geo columns empty)
	GeoCountry    = 1 // COUNTRY: the match was at country level
	GeoUSState    = 2 // USSTATE
	GeoUSCity     = 3 // USCITY: a US city or landmark
	GeoWorldCity  = 4 // WORLDCITY: a city or landmark outside the US
	GeoWorldState = 5 // WORLDSTATE: an ADM1 division outside the US
)

// dateAddedLayout formats DATEADDED, EventTimeDate and MentionTimeDate.
const dateAddedLayout = "20060102150405"

// gdeltWriter writes GDELT 2.0 Event rows.
type gdeltWriter struct {
	w    *bufio.Writer
	opts Options
	row  []string
}

func (g *gdeltWriter) begin() error {
	if g.opts.Header {
		return writeTSV(g.w, GDELTEventColumns)
	}
	return nil
}
func (g *gdeltWriter) end() error { return nil }

func (g *gdeltWriter) event(e *Event) error {
	g.row = gdeltEventRow(g.row[:0], e, g.opts)
	return writeTSV(g.w, g.row)
}

// writeTSV writes fields joined by tabs and a newline. Every field must
// already be tsvField-clean.
func writeTSV(w *bufio.Writer, fields []string) error {
	for i, f := range fields {
		if i > 0 {
			if err := w.WriteByte('\t'); err != nil {
				return err
			}
		}
		if _, err := w.WriteString(f); err != nil {
			return err
		}
	}
	return w.WriteByte('\n')
}

// gdeltEventRow appends the 61 fields of e to row.
//
// Mapping: actors come from the event's source/target entities (name upper-cased as
// GDELT prints them, CAMEO code from the event, country and type codes from
// Entity.Actor); actor geography from the entity's place; action geography
// from Event.Place; counts from e.Mentions.
func gdeltEventRow(row []string, e *Event, opts Options) []string {
	d, ev := e.Doc, e.Event
	day, _ := eventDay(d, ev, opts.Now)
	row = append(row,
		strconv.FormatInt(globalID(e), 10),
		day.Format("20060102"),
		day.Format("200601"),
		day.Format("2006"),
		strconv.FormatFloat(fractionDate(day), 'f', 4, 64),
	)
	src := entityByID(d, ev.Source)
	tgt := entityByID(d, ev.Target)
	row = appendActor(row, src, ev.SourceCode, ev.SourceText)
	row = appendActor(row, tgt, ev.TargetCode, ev.TargetText)

	code, base, root := cameoParts(ev.CAMEO)
	root01 := "0"
	if isRootEvent(d, ev) {
		root01 = "1"
	}
	mentions := e.mentions()
	articles := map[string]bool{}
	sources := map[string]bool{}
	tone := 0.0
	for _, m := range mentions {
		if m.Doc == nil {
			continue
		}
		articles[m.Doc.ID] = true
		s := site(m.Doc)
		if s == "" {
			s = "doc:" + m.Doc.ID // unknown site: each document its own source
		}
		sources[s] = true
		tone += finite(m.Tone)
	}
	avgTone := 0.0
	if len(mentions) > 0 {
		avgTone = tone / float64(len(mentions))
	}
	row = append(row,
		root01, code, base, root,
		strconv.Itoa(ev.QuadClass), formatNumber(ev.Goldstein),
		strconv.Itoa(len(mentions)), strconv.Itoa(len(sources)), strconv.Itoa(len(articles)),
		formatNumber(avgTone),
	)
	row = appendGeo(row, entityPlace(d, src))
	row = appendGeo(row, entityPlace(d, tgt))
	row = appendGeo(row, placeByID(d, ev.Place))
	row = append(row,
		opts.Now.UTC().Format(dateAddedLayout),
		tsvField(sourceURL(d)),
	)
	return row
}

// appendActor appends the ten actor columns: Code, Name, CountryCode,
// KnownGroupCode, EthnicCode, Religion1Code, Religion2Code, Type1-3Code.
// Known-group, ethnic and religion codes are left empty: entities carry
// only a country and role codes, which fill CountryCode and Type1-3.
func appendActor(row []string, ent *faultline.Entity, code, text string) []string {
	name := actorName(ent, text)
	if code == "" && ent != nil && ent.Actor != nil {
		code = ent.Actor.Code
	}
	var countryCode string
	var types [3]string
	if ent != nil && ent.Actor != nil {
		countryCode = ent.Actor.Country
		for i, r := range ent.Actor.Roles {
			if i == len(types) {
				break
			}
			types[i] = r
		}
	}
	return append(row,
		tsvField(code), tsvField(strings.ToUpper(name)), tsvField(countryCode),
		"", "", "", "",
		tsvField(types[0]), tsvField(types[1]), tsvField(types[2]),
	)
}

// appendGeo appends the eight geography columns: Type, FullName,
// CountryCode (FIPS 10-4), ADM1Code, ADM2Code, Lat, Long, FeatureID.
func appendGeo(row []string, p *faultline.Place) []string {
	if p == nil {
		return append(row, strconv.Itoa(GeoNone), "", "", "", "", "", "", "")
	}
	c, known := lookupCountry(p.Country)
	gt := geoType(p)
	var fullName, featureID string
	switch {
	case gt == GeoCountry && known:
		fullName = c.Name
		featureID = c.FIPS // GDELT uses the FIPS code as a country's feature id
	default:
		fullName = joinDistinct(p.Name, p.Admin1, c.Name)
		if p.GeonamesID > 0 {
			featureID = strconv.Itoa(p.GeonamesID)
		}
	}
	var lat, lon string
	if hasCoordinates(p) {
		lat, lon = formatNumber(p.Lat), formatNumber(p.Lon)
	}
	return append(row,
		strconv.Itoa(gt), tsvField(fullName), c.FIPS,
		c.FIPS, // ADM1: admin1 codes are not resolved; GDELT's country-level value
		"", lat, lon, tsvField(featureID),
	)
}

// geoType maps a place kind to GDELT's Geo_Type numbering.
func geoType(p *faultline.Place) int {
	us := strings.EqualFold(p.Country, "US")
	switch p.Kind {
	case "country":
		return GeoCountry
	case "admin1":
		if us {
			return GeoUSState
		}
		return GeoWorldState
	}
	if us {
		return GeoUSCity
	}
	return GeoWorldCity
}

// hasCoordinates reports whether a place has usable coordinates: finite,
// in range and not the 0,0 placeholder of an unresolved place.
func hasCoordinates(p *faultline.Place) bool {
	if math.IsNaN(p.Lat) || math.IsNaN(p.Lon) || math.IsInf(p.Lat, 0) || math.IsInf(p.Lon, 0) {
		return false
	}
	if p.Lat < -90 || p.Lat > 90 || p.Lon < -180 || p.Lon > 180 {
		return false
	}
	return p.Lat != 0 || p.Lon != 0
}

// joinDistinct joins the non-empty parts with ", ", skipping a part equal
// to the one before it ("Mosul, Nineveh, Iraq"; "Baghdad, Baghdad, Iraq"
// becomes "Baghdad, Iraq").
func joinDistinct(parts ...string) string {
	var out []string
	for _, p := range parts {
		p = strings.TrimSpace(p)
		if p == "" || (len(out) > 0 && strings.EqualFold(out[len(out)-1], p)) {
			continue
		}
		out = append(out, p)
	}
	return strings.Join(out, ", ")
}

// sourceURL is what GDELT's SOURCEURL holds: the article URL, else a
// citation (the local path or record id).
func sourceURL(d *faultline.Document) string {
	switch {
	case d.Source.URL != "":
		return d.Source.URL
	case d.Source.Path != "":
		return d.Source.Path
	}
	return d.Source.Record
}
