package export

import (
	"bufio"
	"encoding/json"
	"strconv"

	"github.com/faultline-news/faultline"
)

// The PLOVER format writes one JSON object per event per line. Field names
// follow the event records of NGEC, the coder that produces the POLECAT
// dataset (PLOVER ontology); PLOVER.md lists every field, where its name
// comes from and how it is filled. The structs below must stay in step with
// PLOVER.md: a test compares them.

// ploverRecord is one PLOVER/POLECAT event.
type ploverRecord struct {
	ID               string           `json:"id"`
	EventType        string           `json:"event_type"`
	EventMode        []string         `json:"event_mode"`
	Contexts         []string         `json:"contexts"`
	EventText        string           `json:"event_text"`
	StoryID          string           `json:"story_id"`
	Publisher        string           `json:"publisher"`
	Headline         string           `json:"headline"`
	PubDate          string           `json:"pub_date"`
	DateResolved     string           `json:"date_resolved"`
	DateRaw          string           `json:"date_raw"`
	Attributes       ploverAttributes `json:"attributes"`
	EventGeolocation ploverGeoResult  `json:"event_geolocation"`
	StoryPeople      []string         `json:"story_people"`
	StoryOrgs        []string         `json:"story_orgs"`
	StoryLocs        []string         `json:"story_locs"`
	Version          string           `json:"version"`
	// faultline additions (not in NGEC/POLECAT records).
	Language     string  `json:"language"`
	URL          string  `json:"url"`
	CAMEO        string  `json:"cameo"`
	QuadClass    int     `json:"quad_class"`
	Goldstein    float64 `json:"goldstein"`
	Negated      bool    `json:"negated"`
	Hypothetical bool    `json:"hypothetical"`
	Confidence   float64 `json:"confidence"`
	Trigger      string  `json:"trigger"`
}

// ploverAttributes holds the event's arguments as NGEC's attribute model
// reports them: ACTOR (source), RECIP (target), LOC (where).
type ploverAttributes struct {
	Actor []ploverActor `json:"ACTOR"`
	Recip []ploverActor `json:"RECIP"`
	Loc   []ploverText  `json:"LOC"`
}

// ploverActor is one resolved actor or recipient.
type ploverActor struct {
	Text    string `json:"text"`
	Wiki    string `json:"wiki"`
	Country string `json:"country"`
	Code1   string `json:"code_1"`
	Code2   string `json:"code_2"`
}

type ploverText struct {
	Text string `json:"text"`
}

// ploverGeoResult is NGEC's event_geolocation: the chosen place, or null
// with the reason.
type ploverGeoResult struct {
	Reason string     `json:"reason"`
	Geo    *ploverGeo `json:"geo"`
}

type ploverGeo struct {
	ResolvedPlacename string  `json:"resolved_placename"`
	SearchPlacename   string  `json:"search_placename"`
	Lat               float64 `json:"lat"`
	Lon               float64 `json:"lon"`
	CountryCode3      string  `json:"country_code3"`
	Admin1Name        string  `json:"admin1_name"`
	Geonameid         string  `json:"geonameid"`
	Score             float64 `json:"score"`
}

type ploverWriter struct {
	enc  *json.Encoder
	opts Options
}

func newPLOVERWriter(w *bufio.Writer, opts Options) *ploverWriter {
	enc := json.NewEncoder(w)
	enc.SetEscapeHTML(false)
	return &ploverWriter{enc: enc, opts: opts}
}

func (p *ploverWriter) begin() error { return nil }
func (p *ploverWriter) end() error   { return nil }

func (p *ploverWriter) event(e *Event) error {
	return p.enc.Encode(ploverEvent(e, p.opts))
}

func ploverEvent(e *Event, opts Options) *ploverRecord {
	d, ev := e.Doc, e.Event
	day, _ := eventDay(d, ev, opts.Now)
	r := &ploverRecord{
		ID:           d.ID + "-" + ev.ID,
		EventType:    ev.Plover.Type,
		EventMode:    []string{},
		Contexts:     append([]string{}, ev.Plover.Context...),
		EventText:    oneLine(sentenceText(d, ev.Sentence)),
		StoryID:      d.ID,
		Publisher:    site(d),
		Headline:     oneLine(d.Title),
		PubDate:      d.Published,
		DateResolved: day.Format("2006-01-02"),
		DateRaw:      ev.Date,
		Attributes: ploverAttributes{
			Actor: ploverActors(d, ev.Source, ev.SourceText),
			Recip: ploverActors(d, ev.Target, ev.TargetText),
			Loc:   []ploverText{},
		},
		StoryPeople:  storyNames(d, faultline.EntityPerson),
		StoryOrgs:    storyNames(d, faultline.EntityOrg),
		StoryLocs:    storyNames(d, faultline.EntityGPE, faultline.EntityLoc, faultline.EntityFac),
		Version:      opts.Version,
		Language:     d.Language,
		URL:          d.Source.URL,
		CAMEO:        ev.CAMEO,
		QuadClass:    ev.QuadClass,
		Goldstein:    finite(ev.Goldstein),
		Negated:      ev.Negated,
		Hypothetical: ev.Hypothetical,
		Confidence:   finite(ev.Confidence),
		Trigger:      ev.Trigger.Text,
	}
	if ev.Plover.Mode != "" {
		r.EventMode = []string{ev.Plover.Mode}
	}
	place := placeByID(d, ev.Place)
	switch {
	case place == nil:
		r.EventGeolocation.Reason = "no place for the event"
	case !hasCoordinates(place):
		r.EventGeolocation.Reason = "the event place has no coordinates"
		r.Attributes.Loc = append(r.Attributes.Loc, ploverText{Text: placeText(place)})
	default:
		r.EventGeolocation.Reason = "event place resolved by faultline"
		r.Attributes.Loc = append(r.Attributes.Loc, ploverText{Text: placeText(place)})
		g := &ploverGeo{
			ResolvedPlacename: place.Name,
			SearchPlacename:   placeText(place),
			Lat:               place.Lat,
			Lon:               place.Lon,
			CountryCode3:      ISO3Country(place.Country),
			Admin1Name:        place.Admin1,
			Score:             finite(place.Confidence),
		}
		if place.GeonamesID > 0 {
			g.Geonameid = strconv.Itoa(place.GeonamesID)
		}
		r.EventGeolocation.Geo = g
	}
	return r
}

// ploverActors returns the event's source or target as a one-element list,
// or an empty list when the event has none.
func ploverActors(d *faultline.Document, id *string, text string) []ploverActor {
	ent := entityByID(d, id)
	name := actorName(ent, text)
	if name == "" && ent == nil {
		return []ploverActor{}
	}
	a := ploverActor{Text: oneLine(name)}
	if ent != nil && ent.Actor != nil {
		a.Country = ent.Actor.Country
		if len(ent.Actor.Roles) > 0 {
			a.Code1 = ent.Actor.Roles[0]
		}
		if len(ent.Actor.Roles) > 1 {
			a.Code2 = ent.Actor.Roles[1]
		}
	}
	return []ploverActor{a}
}

// placeText is how the place was written in the text: its first mention,
// else its name.
func placeText(p *faultline.Place) string {
	if len(p.Mentions) > 0 && p.Mentions[0].Text != "" {
		return oneLine(p.Mentions[0].Text)
	}
	return oneLine(p.Name)
}

// storyNames lists the distinct names of the document's entities of the
// given types, in document order.
func storyNames(d *faultline.Document, types ...string) []string {
	out := []string{}
	seen := map[string]bool{}
	for _, ent := range d.Entities {
		for _, t := range types {
			if ent.Type == t && ent.Name != "" && !seen[ent.Name] {
				seen[ent.Name] = true
				out = append(out, oneLine(ent.Name))
			}
		}
	}
	return out
}
