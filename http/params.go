package http

import (
	"fmt"
	"math"
	"net/url"
	"slices"
	"strconv"
	"strings"
	"time"

	"github.com/faultline-news/faultline"
	"github.com/faultline-news/faultline/sqlite"
)

// param describes one request parameter of a route, for parsing checks
// and for the OpenAPI description.
type param struct {
	name string
	in   string // "query" or "path"
	// typ is the OpenAPI type: string, integer, number or boolean.
	typ         string
	description string
	// example is a valid value, used in the description and by tests.
	example  string
	required bool
}

// The parameters shared by several routes.
var (
	limitParam = func(def, most int) param {
		return param{name: "limit", in: "query", typ: "integer", example: "10",
			description: fmt.Sprintf("Page size, 1 to %d (default %d).", most, def)}
	}
	offsetParam = param{name: "offset", in: "query", typ: "integer", example: "0",
		description: "Number of items to skip (default 0); follow `next` to page."}
	fromParam = param{name: "from", in: "query", typ: "string", example: "2024-01-01",
		description: "First day, YYYY-MM-DD, inclusive."}
	toParam = param{name: "to", in: "query", typ: "string", example: "2024-12-31",
		description: "Last day, YYYY-MM-DD, inclusive."}
	bboxParam = param{name: "bbox", in: "query", typ: "string", example: "28,44,41,53",
		description: "Bounding box minLon,minLat,maxLon,maxLat in degrees."}
)

// eventParams are the filters of /api/events and /api/events/counts.
var eventParams = []param{
	{name: "actor", in: "query", typ: "string", example: "RUS",
		description: "Source or target actor: a name substring (case-insensitive) or a CAMEO actor code prefix (USA, RUSGOV)."},
	{name: "source", in: "query", typ: "string", example: "RUSMIL",
		description: "Source actor (who acts), as for actor."},
	{name: "target", in: "query", typ: "string", example: "UKR",
		description: "Target actor (who is acted upon), as for actor."},
	{name: "code", in: "query", typ: "string", example: "19",
		description: "CAMEO event code prefix (19, 138)."},
	{name: "plover", in: "query", typ: "string", example: "ASSAULT",
		description: "PLOVER event type (ASSAULT, PROTEST, ...)."},
	{name: "place", in: "query", typ: "string", example: "UA",
		description: "Place name (exact, case-insensitive) or ISO 3166-1 alpha-2 country code."},
	bboxParam,
	{name: "near", in: "query", typ: "string", example: "50.45,30.52,100",
		description: "Events within a radius: lat,lon,km."},
	fromParam, toParam,
	{name: "text", in: "query", typ: "string", example: "ceasefire",
		description: "Full-text query (SQLite FTS5 syntax; plain words when it does not parse) over the title and text of the event's document."},
	{name: "negated", in: "query", typ: "boolean", example: "true",
		description: "Include negated events (\"did not attack\"); default false."},
	{name: "hypothetical", in: "query", typ: "boolean", example: "true",
		description: "Include hypothetical events (\"may attack\"); default false."},
}

// args reads the parameters of one request, keeping the first error.
type args struct {
	values url.Values
	err    error
}

// newArgs checks that query holds only the parameters of known, each at
// most once.
func newArgs(query url.Values, known []param) *args {
	a := &args{values: query}
	var names []string
	for _, p := range known {
		if p.in == "query" {
			names = append(names, p.name)
		}
	}
	keys := make([]string, 0, len(query))
	for k := range query {
		keys = append(keys, k)
	}
	slices.Sort(keys)
	for _, k := range keys {
		if !slices.Contains(names, k) {
			if len(names) == 0 {
				a.fail(k, "this endpoint takes no parameters")
			} else {
				a.fail(k, "unknown parameter; this endpoint takes "+strings.Join(names, ", "))
			}
			break
		}
		if len(query[k]) > 1 {
			a.fail(k, "given more than once; give it once")
			break
		}
	}
	return a
}

// fail records an EINVALID error about parameter name, once.
func (a *args) fail(name, remedy string) {
	if a.err == nil {
		a.err = faultline.Errorf(faultline.EINVALID, "parameter %q: %s", name, remedy)
	}
}

func (a *args) str(name string) string {
	return strings.TrimSpace(a.values.Get(name))
}

// integer returns the parameter as an integer within [least, most], or def
// when absent.
func (a *args) integer(name string, def, least, most int) int {
	v := a.str(name)
	if v == "" {
		return def
	}
	n, err := strconv.Atoi(v)
	if err != nil || n < least || n > most {
		a.fail(name, fmt.Sprintf("%q is not an integer from %d to %d", v, least, most))
		return def
	}
	return n
}

// number returns the parameter as a finite number within [least, most],
// or def when absent.
func (a *args) number(name string, def, least, most float64) float64 {
	v := a.str(name)
	if v == "" {
		return def
	}
	f, err := strconv.ParseFloat(v, 64)
	if err != nil || math.IsNaN(f) || f < least || f > most {
		a.fail(name, fmt.Sprintf("%q is not a number from %g to %g", v, least, most))
		return def
	}
	return f
}

func (a *args) boolean(name string) bool {
	v := a.str(name)
	if v == "" {
		return false
	}
	b, err := strconv.ParseBool(v)
	if err != nil {
		a.fail(name, fmt.Sprintf("%q is not a boolean; give true or false", v))
	}
	return b
}

func (a *args) day(name string) string {
	v := a.str(name)
	if v == "" {
		return ""
	}
	if _, err := time.Parse("2006-01-02", v); err != nil {
		a.fail(name, fmt.Sprintf("%q is not a day; give YYYY-MM-DD, for example 2024-03-01", v))
		return ""
	}
	return v
}

// floats parses n comma-separated finite numbers.
func (a *args) floats(name string, n int, form string) []float64 {
	v := a.str(name)
	if v == "" {
		return nil
	}
	parts := strings.Split(v, ",")
	if len(parts) != n {
		a.fail(name, fmt.Sprintf("%q: give %s", v, form))
		return nil
	}
	out := make([]float64, n)
	for i, p := range parts {
		f, err := strconv.ParseFloat(strings.TrimSpace(p), 64)
		if err != nil || math.IsNaN(f) || math.IsInf(f, 0) {
			a.fail(name, fmt.Sprintf("%q: %q is not a number; give %s", v, p, form))
			return nil
		}
		out[i] = f
	}
	return out
}

func (a *args) bbox(name string) *[4]float64 {
	const form = "minLon,minLat,maxLon,maxLat in degrees, for example 28,44,41,53"
	f := a.floats(name, 4, form)
	if f == nil {
		return nil
	}
	if f[0] > f[2] || f[1] > f[3] || math.Abs(f[0]) > 180 || math.Abs(f[2]) > 180 || math.Abs(f[1]) > 90 || math.Abs(f[3]) > 90 {
		a.fail(name, fmt.Sprintf("%q: give %s, longitudes within ±180, latitudes within ±90, min ≤ max", a.str(name), form))
		return nil
	}
	return &[4]float64{f[0], f[1], f[2], f[3]}
}

func (a *args) near(name string) *sqlite.Near {
	const form = "lat,lon,km, for example 50.45,30.52,100"
	f := a.floats(name, 3, form)
	if f == nil {
		return nil
	}
	if math.Abs(f[0]) > 90 || math.Abs(f[1]) > 180 || f[2] <= 0 {
		a.fail(name, fmt.Sprintf("%q: give %s, a latitude within ±90, a longitude within ±180 and a positive radius", a.str(name), form))
		return nil
	}
	return &sqlite.Near{Lat: f[0], Lon: f[1], Km: f[2]}
}

// eventFilter reads eventParams.
func (a *args) eventFilter() sqlite.EventFilter {
	f := sqlite.EventFilter{
		Actor:               a.str("actor"),
		Source:              a.str("source"),
		Target:              a.str("target"),
		Code:                a.str("code"),
		PloverType:          a.str("plover"),
		Place:               a.str("place"),
		BBox:                a.bbox("bbox"),
		Near:                a.near("near"),
		From:                a.day("from"),
		To:                  a.day("to"),
		Text:                a.str("text"),
		IncludeNegated:      a.boolean("negated"),
		IncludeHypothetical: a.boolean("hypothetical"),
	}
	if f.From != "" && f.To != "" && f.From > f.To {
		a.fail("to", fmt.Sprintf("%q is before from %q; give a range with from ≤ to", f.To, f.From))
	}
	return f
}

// nextURL is u with offset set to next.
func nextURL(u *url.URL, next int) string {
	q := u.Query()
	q.Set("offset", strconv.Itoa(next))
	return u.Path + "?" + q.Encode()
}
