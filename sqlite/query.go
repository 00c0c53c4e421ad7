package sqlite

import (
	"context"
	"database/sql"
	"encoding/json"
	"math"
	"runtime"
	"slices"
	"strings"
	"unicode"

	"github.com/faultline-news/faultline"
)

// DefaultLimit is the page size of Events, Quotes, Entities and Places
// when the filter's Limit is zero or less; MaxLimit caps it.
const (
	DefaultLimit = 50
	MaxLimit     = 10000
)

// Near selects points within Km kilometres (great-circle) of Lat, Lon.
type Near struct {
	Lat, Lon, Km float64
}

// EventFilter selects events. Zero fields do not filter; set fields must
// all hold. Negated and hypothetical events are left out unless asked for.
type EventFilter struct {
	// Actor is a name substring (case-insensitive) of the source or target
	// text, or a CAMEO actor code prefix of the source or target code
	// ("USA", "RUSGOV"). A value of letters only in upper case is tried as
	// both.
	Actor string
	// Source and Target are like Actor for one side of the event only: the
	// source (who acts) or the target (who is acted upon).
	Source, Target string
	// Code is a CAMEO event code prefix: "19" (fight) or "138".
	Code string
	// PloverType is a PLOVER event type, exactly ("ASSAULT", "PROTEST").
	PloverType string
	// Place is a place name (exact, case-insensitive) of the event's
	// place or, when two letters, an ISO 3166-1 alpha-2 country code.
	Place string
	// BBox is minLon, minLat, maxLon, maxLat in degrees.
	BBox *[4]float64
	// Near selects events placed within a radius.
	Near *Near
	// From and To are YYYY-MM-DD, inclusive.
	From, To string
	// Text is a full-text query (FTS5 syntax; plain words on syntax
	// errors) over the title and text of the event's document.
	Text string
	// IncludeNegated and IncludeHypothetical keep events that are negated
	// ("did not attack") or hypothetical ("may attack").
	IncludeNegated, IncludeHypothetical bool
	// Limit and Offset page through the results, newest first. Limit zero
	// means DefaultLimit.
	Limit, Offset int
}

// EventRow is one stored event with its provenance.
type EventRow struct {
	DocumentID string  `json:"document_id"`
	URL        string  `json:"url"`
	Title      string  `json:"title"`
	Published  string  `json:"published"`
	EventID    string  `json:"event_id"`
	Source     string  `json:"source"` // entity id in the document, or ""
	Target     string  `json:"target"`
	SourceText string  `json:"source_text"`
	TargetText string  `json:"target_text"`
	SourceCode string  `json:"source_code"`
	TargetCode string  `json:"target_code"`
	CAMEO      string  `json:"cameo"`
	Root       string  `json:"root"`
	PloverType string  `json:"plover_type"`
	PloverMode string  `json:"plover_mode"`
	QuadClass  int     `json:"quad_class"`
	Goldstein  float64 `json:"goldstein"`
	Date       string  `json:"date"`
	PlaceID    string  `json:"place_id"`
	PlaceName  string  `json:"place_name"`
	// Lat and Lon are nil when the event has no located place.
	Lat          *float64 `json:"lat"`
	Lon          *float64 `json:"lon"`
	Country      string   `json:"country"`
	Confidence   float64  `json:"confidence"`
	Negated      bool     `json:"negated"`
	Hypothetical bool     `json:"hypothetical"`
	ReportedBy   string   `json:"reported_by"`
	// Sentence is the index of the evidence sentence in the document;
	// SentenceStart/End and TriggerStart/End are byte offsets into the
	// document text.
	Sentence      int    `json:"sentence"`
	SentenceStart int    `json:"sentence_start"`
	SentenceEnd   int    `json:"sentence_end"`
	SentenceText  string `json:"sentence_text"`
	TriggerStart  int    `json:"trigger_start"`
	TriggerEnd    int    `json:"trigger_end"`
	TriggerText   string `json:"trigger_text"`
}

// DayCount is the number of events of one PLOVER type on one day.
type DayCount struct {
	Day        string `json:"day"`
	PloverType string `json:"plover_type"`
	N          int    `json:"n"`
}

// readSlots is how many layer queries run at once: one per CPU. SQLite
// queries are CPU-bound; more at once only contend for the driver's locks,
// and database/sql hands a freed connection to a random waiter, so under
// load a few unlucky queries would wait very long. The reads channel
// queues them first come, first served instead.
func readSlots() int { return max(1, runtime.GOMAXPROCS(0)) }

// admit waits for a read slot; the caller calls the returned release.
func (s *Store) admit(ctx context.Context, what string) (release func(), err error) {
	select {
	case s.reads <- struct{}{}:
		return func() { <-s.reads }, nil
	case <-ctx.Done():
		return nil, s.readError(what, ctx.Err())
	}
}

// query is a WHERE clause under construction.
type query struct {
	where []string
	args  []any
}

func (q *query) add(cond string, args ...any) {
	q.where = append(q.where, cond)
	q.args = append(q.args, args...)
}

func (q *query) clause() string {
	if len(q.where) == 0 {
		return ""
	}
	return " WHERE " + strings.Join(q.where, " AND ")
}

// likeEscape escapes LIKE wildcards in s; use with ESCAPE '\'.
func likeEscape(s string) string {
	return strings.NewReplacer(`\`, `\\`, `%`, `\%`, `_`, `\_`).Replace(s)
}

func isCountryCode(s string) bool {
	if len(s) != 2 {
		return false
	}
	for _, r := range s {
		if !unicode.IsLetter(r) || r > unicode.MaxASCII {
			return false
		}
	}
	return true
}

func isActorCode(s string) bool {
	if s == "" {
		return false
	}
	for _, r := range s {
		if !(r >= 'A' && r <= 'Z') && !(r >= '0' && r <= '9') {
			return false
		}
	}
	return true
}

// nearBox returns a bounding box (minLon, minLat, maxLon, maxLat) holding
// the circle of n, for the R*Tree.
func nearBox(n Near) [4]float64 {
	const kmPerDegree = 111.195 // mean Earth radius 6371.0 km × π/180
	dLat := n.Km / kmPerDegree
	minLat, maxLat := math.Max(-90, n.Lat-dLat), math.Min(90, n.Lat+dLat)
	cos := math.Cos(math.Max(math.Abs(minLat), math.Abs(maxLat)) * math.Pi / 180)
	dLon := 180.0
	if cos > 1e-9 {
		dLon = math.Min(180, n.Km/(kmPerDegree*cos))
	}
	return [4]float64{n.Lon - dLon, minLat, n.Lon + dLon, maxLat}
}

// haversineSQL is the great-circle distance in km from (?, ?) = (lat, lon)
// to the row's lat, lon; its arguments are lat, lat, lon.
const haversineSQL = `(2 * 6371.0 * asin(min(1, sqrt(
	power(sin(radians(e.lat - ?) / 2), 2) +
	cos(radians(?)) * cos(radians(e.lat)) * power(sin(radians(e.lon - ?) / 2), 2)))))`

// eventWhere builds the WHERE clause of f over events e.
//
// With all, the query reads every event it selects (counts, clusters):
// then a small box is looked up by its grid cells, which cover exactly its
// events in one index. A page of events newest first is better served by
// the date index, scanned until the page is full.
func (s *Store) eventWhere(ctx context.Context, f EventFilter, all bool) (query, error) {
	var q query
	if a := strings.TrimSpace(f.Actor); a != "" {
		like := "%" + likeEscape(a) + "%"
		if isActorCode(a) {
			q.add(`(e.source_code LIKE ? ESCAPE '\' OR e.target_code LIKE ? ESCAPE '\' OR e.source_text LIKE ? ESCAPE '\' OR e.target_text LIKE ? ESCAPE '\')`,
				likeEscape(a)+"%", likeEscape(a)+"%", like, like)
		} else {
			q.add(`(e.source_text LIKE ? ESCAPE '\' OR e.target_text LIKE ? ESCAPE '\')`, like, like)
		}
	}
	for _, side := range []struct{ v, col string }{{f.Source, "source"}, {f.Target, "target"}} {
		a := strings.TrimSpace(side.v)
		if a == "" {
			continue
		}
		like := "%" + likeEscape(a) + "%"
		if isActorCode(a) {
			q.add(`(e.`+side.col+`_code LIKE ? ESCAPE '\' OR e.`+side.col+`_text LIKE ? ESCAPE '\')`, likeEscape(a)+"%", like)
		} else {
			q.add(`e.`+side.col+`_text LIKE ? ESCAPE '\'`, like)
		}
	}
	if c := strings.TrimSpace(f.Code); c != "" {
		if len(c) >= 2 {
			q.add("e.cameo_root = ?", c[:2])
		}
		if len(c) != 2 {
			q.add(`e.cameo LIKE ? ESCAPE '\'`, likeEscape(c)+"%")
		}
	}
	if p := strings.TrimSpace(f.PloverType); p != "" {
		q.add("e.plover_type = ?", strings.ToUpper(p))
	}
	if p := strings.TrimSpace(f.Place); p != "" {
		if isCountryCode(p) {
			q.add("e.country = ?", strings.ToUpper(p))
		} else {
			q.add("e.place_name = ? COLLATE NOCASE", p)
		}
	}
	box := f.BBox
	if f.Near != nil {
		if f.Near.Km <= 0 || math.Abs(f.Near.Lat) > 90 || math.Abs(f.Near.Lon) > 180 {
			return q, faultline.Errorf(faultline.EINVALID, "events: near %g,%g within %g km: give a latitude within ±90, a longitude within ±180 and a positive radius", f.Near.Lat, f.Near.Lon, f.Near.Km)
		}
		b := nearBox(*f.Near)
		if box == nil {
			box = &b
		} else {
			q.addBox(b, f.From == "" && f.To == "" && (b[2]-b[0])*(b[3]-b[1]) <= smallBox, all)
		}
		q.add(haversineSQL+" <= ?", f.Near.Lat, f.Near.Lat, f.Near.Lon, f.Near.Km)
	}
	if box != nil {
		b := *box
		if b[0] > b[2] || b[1] > b[3] {
			return q, faultline.Errorf(faultline.EINVALID, "events: bounding box %g,%g,%g,%g: give minLon,minLat,maxLon,maxLat with min ≤ max", b[0], b[1], b[2], b[3])
		}
		q.addBox(b, f.From == "" && f.To == "" && (b[2]-b[0])*(b[3]-b[1]) <= smallBox, all)
	}
	if err := addDays(&q, "e.date", f.From, f.To); err != nil {
		return q, err
	}
	if t := strings.TrimSpace(f.Text); t != "" {
		m, err := s.ftsQuery(ctx, t)
		if err != nil {
			return q, err
		}
		q.add("e.doc_seq IN (SELECT rowid FROM documents_fts WHERE documents_fts MATCH ?)", m)
	}
	if !f.IncludeNegated {
		q.add("e.negated = 0")
	}
	if !f.IncludeHypothetical {
		q.add("e.hypothetical = 0")
	}
	return q, nil
}

// smallBox is the largest box, in square degrees, that the R*Tree serves
// when no date range narrows the search: beyond it, scanning the date
// index newest first finds a page of events sooner than sorting all the
// events the box holds.
const smallBox = 4.0

// addBox keeps events placed within b. With rtree the R*Tree finds them
// (best without a date range); with cells the grid cells of a small box
// select them in the cell index; otherwise the coordinates are compared in
// the date index as it is scanned newest first.
func (q *query) addBox(b [4]float64, rtree, cells bool) {
	if rtree {
		// The R*Tree stores 32-bit bounds rounded outwards, so a point on
		// the edge of b may lie just outside it there: ask for overlap,
		// and the exact test follows.
		q.add("e.id IN (SELECT id FROM events_rtree WHERE max_lon >= ? AND min_lon <= ? AND max_lat >= ? AND min_lat <= ?)",
			b[0], b[2], b[1], b[3])
	}
	if cells && !rtree {
		if cs := boxCells(b); cs != nil {
			q.add("e.cell IN ("+strings.TrimSuffix(strings.Repeat("?,", len(cs)), ",")+")", cs...)
		}
	}
	q.add("e.lon BETWEEN ? AND ? AND e.lat BETWEEN ? AND ?", b[0], b[2], b[1], b[3])
}

// maxBoxCells is the most one-degree cells a box is looked up by; a larger
// box is scanned in the date index.
const maxBoxCells = 100

// boxCells lists the grid cells (see migration 0003) that box b touches,
// or nil when there are more than maxBoxCells.
func boxCells(b [4]float64) []any {
	for _, v := range b {
		if math.IsNaN(v) {
			return nil
		}
	}
	row := func(lat float64) int { return int(math.Max(0, math.Min(180, lat+90))) }
	col := func(lon float64) int { return int(math.Max(0, math.Min(360, lon+180))) }
	r0, r1, c0, c1 := row(b[1]), row(b[3]), col(b[0]), col(b[2])
	if (r1-r0+1)*(c1-c0+1) > maxBoxCells {
		return nil
	}
	var cells []any
	for r := r0; r <= r1; r++ {
		for c := c0; c <= c1; c++ {
			cells = append(cells, r*361+c)
		}
	}
	return cells
}

// addDays adds an inclusive day range on column col.
func addDays(q *query, col, from, to string) error {
	for _, d := range []struct{ name, v, op string }{{"from", from, ">="}, {"to", to, "<="}} {
		v := strings.TrimSpace(d.v)
		if v == "" {
			continue
		}
		if len(v) != 10 || !isDay(v) {
			return faultline.Errorf(faultline.EINVALID, "%s date %q: give a day as YYYY-MM-DD", d.name, d.v)
		}
		q.add(col+" "+d.op+" ?", v)
	}
	return nil
}

// ftsQuery checks an FTS5 query and falls back to its plain words when it
// does not parse, as Search does.
func (s *Store) ftsQuery(ctx context.Context, t string) (string, error) {
	var one int
	err := s.readQueryRow(ctx, "SELECT 1 FROM documents_fts WHERE documents_fts MATCH ? LIMIT 1", t).Scan(&one)
	if err == nil || err == sql.ErrNoRows {
		return t, nil
	}
	if plain := quoteTerms(t); plain != "" {
		return plain, nil
	}
	return "", faultline.Errorf(faultline.EINVALID, "text query %q has no words to look for; use words, \"a phrase\", AND, OR, NOT or prefix*", t)
}

func page(limit, offset int) (int, int) {
	if limit <= 0 {
		limit = DefaultLimit
	}
	return min(limit, MaxLimit), max(0, offset)
}

const eventColumns = `d.id, d.url, d.title, d.published, e.event_id, e.source_entity, e.target_entity,
	e.source_text, e.target_text, e.source_code, e.target_code, e.cameo, e.cameo_root, e.plover_type, e.plover_mode,
	e.quad_class, e.goldstein, e.date, e.place_id, e.place_name, e.lat, e.lon, e.country, e.confidence,
	e.negated, e.hypothetical, e.reported_by, e.sentence, e.sentence_start, e.sentence_end, e.sentence_text,
	e.trigger_start, e.trigger_end, e.trigger_text`

// Events returns the events f selects, newest first (by day, then in
// storage order), one page of at most f.Limit.
func (s *Store) Events(ctx context.Context, f EventFilter) ([]EventRow, error) {
	release, err := s.admit(ctx, "events")
	if err != nil {
		return nil, err
	}
	defer release()
	q, err := s.eventWhere(ctx, f, false)
	if err != nil {
		return nil, err
	}
	limit, offset := page(f.Limit, f.Offset)
	// The page's ids come first, from the index alone; then only those
	// rows are read. Read at once, the date index (date, lon, lat) would
	// fetch every row of the last day for the id order, and those rows
	// are the bulk of the work.
	rows, err := s.readQuery(ctx, "SELECT "+eventColumns+" FROM (SELECT e.id, e.date FROM events e"+q.clause()+
		" ORDER BY e.date DESC, e.id DESC LIMIT ? OFFSET ?) k JOIN events e ON e.id = k.id JOIN document_meta d ON d.seq = e.doc_seq"+
		" ORDER BY k.date DESC, k.id DESC", append(q.args, limit, offset)...)
	if err != nil {
		return nil, s.queryError("events", err)
	}
	defer rows.Close()
	var out []EventRow
	for rows.Next() {
		var r EventRow
		var lat, lon sql.NullFloat64
		if err := rows.Scan(&r.DocumentID, &r.URL, &r.Title, &r.Published, &r.EventID, &r.Source, &r.Target,
			&r.SourceText, &r.TargetText, &r.SourceCode, &r.TargetCode, &r.CAMEO, &r.Root, &r.PloverType, &r.PloverMode,
			&r.QuadClass, &r.Goldstein, &r.Date, &r.PlaceID, &r.PlaceName, &lat, &lon, &r.Country, &r.Confidence,
			&r.Negated, &r.Hypothetical, &r.ReportedBy, &r.Sentence, &r.SentenceStart, &r.SentenceEnd, &r.SentenceText,
			&r.TriggerStart, &r.TriggerEnd, &r.TriggerText); err != nil {
			return nil, s.queryError("events", err)
		}
		if lat.Valid && lon.Valid {
			r.Lat, r.Lon = &lat.Float64, &lon.Float64
		}
		out = append(out, r)
	}
	if err := rows.Err(); err != nil {
		return nil, s.queryError("events", err)
	}
	return out, nil
}

// CountEvents returns how many events f selects, ignoring Limit and Offset.
func (s *Store) CountEvents(ctx context.Context, f EventFilter) (int, error) {
	release, err := s.admit(ctx, "count events")
	if err != nil {
		return 0, err
	}
	defer release()
	q, err := s.eventWhere(ctx, f, true)
	if err != nil {
		return 0, err
	}
	var n int
	if err := s.readQueryRow(ctx, "SELECT count(*) FROM events e"+q.clause(), q.args...).Scan(&n); err != nil {
		return 0, s.queryError("count events", err)
	}
	return n, nil
}

// EventCounts returns the number of events f selects per day and PLOVER
// type (empty for events without one), by day then type, for a timeline.
// Limit and Offset are ignored.
func (s *Store) EventCounts(ctx context.Context, f EventFilter) ([]DayCount, error) {
	release, err := s.admit(ctx, "event counts")
	if err != nil {
		return nil, err
	}
	defer release()
	q, err := s.eventWhere(ctx, f, true)
	if err != nil {
		return nil, err
	}
	rows, err := s.readQuery(ctx, "SELECT e.date, e.plover_type, count(*) FROM events e"+q.clause()+
		" GROUP BY e.date, e.plover_type ORDER BY e.date, e.plover_type", q.args...)
	if err != nil {
		return nil, s.queryError("event counts", err)
	}
	defer rows.Close()
	var out []DayCount
	for rows.Next() {
		var c DayCount
		if err := rows.Scan(&c.Day, &c.PloverType, &c.N); err != nil {
			return nil, s.queryError("event counts", err)
		}
		out = append(out, c)
	}
	if err := rows.Err(); err != nil {
		return nil, s.queryError("event counts", err)
	}
	return out, nil
}

// queryError wraps a failed read; cancellation stays recognisable.
func (s *Store) queryError(what string, err error) error {
	return s.readError(what, err)
}

// QuoteFilter selects quotes. Zero fields do not filter.
type QuoteFilter struct {
	// Speaker is a substring (case-insensitive) of the speaker's name.
	Speaker string
	// Text is a full-text query over the quote's text (FTS5 syntax; plain
	// words on syntax errors).
	Text string
	// Actor is a substring (case-insensitive) of the speaker's name or,
	// when it is a code in capitals ("RUS", "USAGOV"), also a CAMEO actor
	// code prefix of the speaker entity.
	Actor string
	// Code and PloverType keep quotes of documents that report an event of
	// that CAMEO code prefix or PLOVER type.
	Code, PloverType string
	// Place keeps quotes of documents that name the place (exact name,
	// case-insensitive) or, when two letters, a place in that ISO 3166-1
	// alpha-2 country; BBox (minLon, minLat, maxLon, maxLat) and Near keep
	// quotes of documents that name a place there.
	Place string
	BBox  *[4]float64
	Near  *Near
	// From and To bound the document's publication day, YYYY-MM-DD inclusive.
	From, To string
	// DirectOnly keeps direct quotes only.
	DirectOnly    bool
	Limit, Offset int
}

// placeHaversineSQL is haversineSQL over the places table p.
var placeHaversineSQL = strings.NewReplacer("e.lat", "p.lat", "e.lon", "p.lon").Replace(haversineSQL)

// where builds the conditions of f over quotes q, except the full-text
// one.
func (f QuoteFilter) where() (query, error) {
	var q query
	if sp := strings.TrimSpace(f.Speaker); sp != "" {
		q.add(`q.speaker_name LIKE ? ESCAPE '\'`, "%"+likeEscape(sp)+"%")
	}
	if a := strings.TrimSpace(f.Actor); a != "" {
		like := "%" + likeEscape(a) + "%"
		if isActorCode(a) {
			q.add(`(q.speaker_name LIKE ? ESCAPE '\' OR EXISTS (SELECT 1 FROM entities x
				WHERE x.doc_seq = q.doc_seq AND x.entity_id = q.speaker_entity AND x.actor_code LIKE ? ESCAPE '\'))`, like, likeEscape(a)+"%")
		} else {
			q.add(`q.speaker_name LIKE ? ESCAPE '\'`, like)
		}
	}
	if c := strings.TrimSpace(f.Code); c != "" {
		q.add(`q.doc_seq IN (SELECT doc_seq FROM events WHERE cameo LIKE ? ESCAPE '\')`, likeEscape(c)+"%")
	}
	if t := strings.TrimSpace(f.PloverType); t != "" {
		q.add("q.doc_seq IN (SELECT doc_seq FROM events WHERE plover_type = ?)", strings.ToUpper(t))
	}
	if p := strings.TrimSpace(f.Place); p != "" {
		if isCountryCode(p) {
			q.add("q.doc_seq IN (SELECT doc_seq FROM places WHERE country = ?)", strings.ToUpper(p))
		} else {
			q.add("q.doc_seq IN (SELECT doc_seq FROM places WHERE name = ? COLLATE NOCASE)", p)
		}
	}
	if f.BBox != nil {
		b := *f.BBox
		if b[0] > b[2] || b[1] > b[3] {
			return q, faultline.Errorf(faultline.EINVALID, "quotes: bounding box %g,%g,%g,%g: give minLon,minLat,maxLon,maxLat with min ≤ max", b[0], b[1], b[2], b[3])
		}
		q.add("q.doc_seq IN (SELECT doc_seq FROM places p WHERE p.lat BETWEEN ? AND ? AND p.lon BETWEEN ? AND ?)", b[1], b[3], b[0], b[2])
	}
	if n := f.Near; n != nil {
		if n.Km <= 0 || math.Abs(n.Lat) > 90 || math.Abs(n.Lon) > 180 {
			return q, faultline.Errorf(faultline.EINVALID, "quotes: near %g,%g within %g km: give a latitude within ±90, a longitude within ±180 and a positive radius", n.Lat, n.Lon, n.Km)
		}
		b := nearBox(*n)
		q.add("q.doc_seq IN (SELECT doc_seq FROM places p WHERE p.lat BETWEEN ? AND ? AND p.lon BETWEEN ? AND ? AND "+placeHaversineSQL+" <= ?)",
			b[1], b[3], b[0], b[2], n.Lat, n.Lat, n.Lon, n.Km)
	}
	if err := addDays(&q, "q.date", f.From, f.To); err != nil {
		return q, err
	}
	if f.DirectOnly {
		q.add("q.direct = 1")
	}
	return q, nil
}

// QuoteRow is one stored quote with its provenance.
type QuoteRow struct {
	DocumentID    string `json:"document_id"`
	URL           string `json:"url"`
	Title         string `json:"title"`
	Published     string `json:"published"`
	Date          string `json:"date"`
	SpeakerEntity string `json:"speaker_entity"`
	SpeakerName   string `json:"speaker_name"`
	SpeakerText   string `json:"speaker_text"`
	Cue           string `json:"cue"`
	Direct        bool   `json:"direct"`
	Medium        string `json:"medium"`
	Text          string `json:"text"`
	// Start and End are byte offsets of the quote in the document text.
	Start int `json:"start"`
	End   int `json:"end"`
}

// Quotes returns the quotes f selects, newest first.
func (s *Store) Quotes(ctx context.Context, f QuoteFilter) ([]QuoteRow, error) {
	release, err := s.admit(ctx, "quotes")
	if err != nil {
		return nil, err
	}
	defer release()
	q, err := f.where()
	if err != nil {
		return nil, err
	}
	if t := strings.TrimSpace(f.Text); t != "" {
		m := t
		var one int
		if err := s.readQueryRow(ctx, "SELECT 1 FROM quotes_fts WHERE quotes_fts MATCH ? LIMIT 1", t).Scan(&one); err != nil && err != sql.ErrNoRows {
			if m = quoteTerms(t); m == "" {
				return nil, faultline.Errorf(faultline.EINVALID, "quotes: text query %q has no words to look for; use words, \"a phrase\", AND, OR, NOT or prefix*", t)
			}
		}
		q.add("q.id IN (SELECT rowid FROM quotes_fts WHERE quotes_fts MATCH ?)", m)
	}
	limit, offset := page(f.Limit, f.Offset)
	rows, err := s.readQuery(ctx, `SELECT d.id, d.url, d.title, d.published, q.date, q.speaker_entity, q.speaker_name,
		q.speaker_text, q.cue, q.direct, q.medium, q.text, q.start, q."end"
		FROM quotes q JOIN document_meta d ON d.seq = q.doc_seq`+q.clause()+
		" ORDER BY q.date DESC, q.id DESC LIMIT ? OFFSET ?", append(q.args, limit, offset)...)
	if err != nil {
		return nil, s.queryError("quotes", err)
	}
	defer rows.Close()
	var out []QuoteRow
	for rows.Next() {
		var r QuoteRow
		if err := rows.Scan(&r.DocumentID, &r.URL, &r.Title, &r.Published, &r.Date, &r.SpeakerEntity, &r.SpeakerName,
			&r.SpeakerText, &r.Cue, &r.Direct, &r.Medium, &r.Text, &r.Start, &r.End); err != nil {
			return nil, s.queryError("quotes", err)
		}
		out = append(out, r)
	}
	if err := rows.Err(); err != nil {
		return nil, s.queryError("quotes", err)
	}
	return out, nil
}

// EntityFilter selects entities. Zero fields do not filter.
type EntityFilter struct {
	// Name is a substring (case-insensitive) of the entity's name.
	Name string
	// Type is an entity type (faultline.EntityPerson, ...).
	Type string
	// Actor is a CAMEO actor code prefix.
	Actor string
	// Country is the actor's country code (as the actor layer gives it).
	Country       string
	Limit, Offset int
}

// EntityRow is one entity of one document.
type EntityRow struct {
	DocumentID string   `json:"document_id"`
	URL        string   `json:"url"`
	Title      string   `json:"title"`
	Published  string   `json:"published"`
	EntityID   string   `json:"entity_id"`
	Name       string   `json:"name"`
	Type       string   `json:"type"`
	ActorCode  string   `json:"actor_code"`
	Country    string   `json:"country"`
	Aliases    []string `json:"aliases"`
	Mentions   int      `json:"mentions"`
}

// where builds the conditions of f over the entities table (alias x).
func (f EntityFilter) where() query {
	var q query
	if n := strings.TrimSpace(f.Name); n != "" {
		q.add(`x.name LIKE ? ESCAPE '\'`, "%"+likeEscape(n)+"%")
	}
	if t := strings.TrimSpace(f.Type); t != "" {
		q.add("x.type = ?", strings.ToUpper(t))
	}
	if a := strings.TrimSpace(f.Actor); a != "" {
		q.add(`x.actor_code LIKE ? ESCAPE '\'`, likeEscape(a)+"%")
	}
	if c := strings.TrimSpace(f.Country); c != "" {
		q.add("x.country = ? COLLATE NOCASE", c)
	}
	return q
}

// Entities returns the entities f selects, one row per document and
// entity, newest documents first.
func (s *Store) Entities(ctx context.Context, f EntityFilter) ([]EntityRow, error) {
	release, err := s.admit(ctx, "entities")
	if err != nil {
		return nil, err
	}
	defer release()
	q := f.where()
	limit, offset := page(f.Limit, f.Offset)
	rows, err := s.readQuery(ctx, `SELECT d.id, d.url, d.title, d.published, x.entity_id, x.name, x.type,
		x.actor_code, x.country, x.aliases, x.mentions
		FROM entities x JOIN document_meta d ON d.seq = x.doc_seq`+q.clause()+
		" ORDER BY x.doc_seq DESC, x.entity_id LIMIT ? OFFSET ?", append(q.args, limit, offset)...)
	if err != nil {
		return nil, s.queryError("entities", err)
	}
	defer rows.Close()
	var out []EntityRow
	for rows.Next() {
		var r EntityRow
		var aliases string
		if err := rows.Scan(&r.DocumentID, &r.URL, &r.Title, &r.Published, &r.EntityID, &r.Name, &r.Type,
			&r.ActorCode, &r.Country, &aliases, &r.Mentions); err != nil {
			return nil, s.queryError("entities", err)
		}
		if json.Unmarshal([]byte(aliases), &r.Aliases) != nil || r.Aliases == nil {
			r.Aliases = []string{}
		}
		out = append(out, r)
	}
	if err := rows.Err(); err != nil {
		return nil, s.queryError("entities", err)
	}
	return out, nil
}

// PlaceFilter selects places. Zero fields do not filter.
type PlaceFilter struct {
	// Name is a place name, exactly but case-insensitive.
	Name string
	// Country is an ISO 3166-1 alpha-2 code.
	Country string
	// BBox is minLon, minLat, maxLon, maxLat in degrees.
	BBox          *[4]float64
	Limit, Offset int
}

// PlaceRow is one resolved place of one document.
type PlaceRow struct {
	DocumentID string   `json:"document_id"`
	URL        string   `json:"url"`
	Title      string   `json:"title"`
	Published  string   `json:"published"`
	PlaceID    string   `json:"place_id"`
	Name       string   `json:"name"`
	Lat        *float64 `json:"lat"`
	Lon        *float64 `json:"lon"`
	Country    string   `json:"country"`
	Admin1     string   `json:"admin1"`
	Kind       string   `json:"kind"`
	GeonamesID int      `json:"geonames_id"`
	Confidence float64  `json:"confidence"`
	Mentions   int      `json:"mentions"`
}

// Places returns the places f selects, newest documents first.
func (s *Store) Places(ctx context.Context, f PlaceFilter) ([]PlaceRow, error) {
	release, err := s.admit(ctx, "places")
	if err != nil {
		return nil, err
	}
	defer release()
	var q query
	if n := strings.TrimSpace(f.Name); n != "" {
		q.add("p.name = ? COLLATE NOCASE", n)
	}
	if c := strings.TrimSpace(f.Country); c != "" {
		q.add("p.country = ?", strings.ToUpper(c))
	}
	if f.BBox != nil {
		b := *f.BBox
		if b[0] > b[2] || b[1] > b[3] {
			return nil, faultline.Errorf(faultline.EINVALID, "places: bounding box %g,%g,%g,%g: give minLon,minLat,maxLon,maxLat with min ≤ max", b[0], b[1], b[2], b[3])
		}
		q.add("p.lat BETWEEN ? AND ? AND p.lon BETWEEN ? AND ?", b[1], b[3], b[0], b[2])
	}
	limit, offset := page(f.Limit, f.Offset)
	rows, err := s.readQuery(ctx, `SELECT d.id, d.url, d.title, d.published, p.place_id, p.name, p.lat, p.lon,
		p.country, p.admin1, p.kind, p.geonames_id, p.confidence, p.mentions
		FROM places p JOIN document_meta d ON d.seq = p.doc_seq`+q.clause()+
		" ORDER BY p.doc_seq DESC, p.place_id LIMIT ? OFFSET ?", append(q.args, limit, offset)...)
	if err != nil {
		return nil, s.queryError("places", err)
	}
	defer rows.Close()
	var out []PlaceRow
	for rows.Next() {
		var r PlaceRow
		var lat, lon sql.NullFloat64
		if err := rows.Scan(&r.DocumentID, &r.URL, &r.Title, &r.Published, &r.PlaceID, &r.Name, &lat, &lon,
			&r.Country, &r.Admin1, &r.Kind, &r.GeonamesID, &r.Confidence, &r.Mentions); err != nil {
			return nil, s.queryError("places", err)
		}
		if lat.Valid && lon.Valid {
			r.Lat, r.Lon = &lat.Float64, &lon.Float64
		}
		out = append(out, r)
	}
	if err := rows.Err(); err != nil {
		return nil, s.queryError("places", err)
	}
	return out, nil
}

// ActorRow is one actor over all documents: entities grouped by name
// (case-insensitive) and actor code.
type ActorRow struct {
	Name      string `json:"name"`
	Type      string `json:"type"`
	ActorCode string `json:"actor_code"`
	Country   string `json:"country"`
	// Aliases gathers the aliases given in every document, sorted.
	Aliases []string `json:"aliases"`
	// Documents is the number of documents naming the actor; Mentions the
	// number of mentions in them.
	Documents int `json:"documents"`
	Mentions  int `json:"mentions"`
}

// Actors returns the actors f selects, most documented first (for an
// actor list or page; Entities gives the per-document rows).
func (s *Store) Actors(ctx context.Context, f EntityFilter) ([]ActorRow, error) {
	release, err := s.admit(ctx, "actors")
	if err != nil {
		return nil, err
	}
	defer release()
	q := f.where()
	limit, offset := page(f.Limit, f.Offset)
	rows, err := s.readQuery(ctx, `SELECT min(x.name), max(x.type), x.actor_code, max(x.country),
		json_group_array(json(x.aliases)), count(DISTINCT x.doc_seq), sum(x.mentions)
		FROM entities x`+q.clause()+`
		GROUP BY x.name COLLATE NOCASE, x.actor_code
		ORDER BY count(DISTINCT x.doc_seq) DESC, min(x.name) LIMIT ? OFFSET ?`, append(q.args, limit, offset)...)
	if err != nil {
		return nil, s.queryError("actors", err)
	}
	defer rows.Close()
	var out []ActorRow
	for rows.Next() {
		var r ActorRow
		var lists string
		if err := rows.Scan(&r.Name, &r.Type, &r.ActorCode, &r.Country, &lists, &r.Documents, &r.Mentions); err != nil {
			return nil, s.queryError("actors", err)
		}
		var all [][]string
		_ = json.Unmarshal([]byte(lists), &all)
		set := map[string]bool{}
		r.Aliases = []string{}
		for _, l := range all {
			for _, a := range l {
				if !set[a] {
					set[a] = true
					r.Aliases = append(r.Aliases, a)
				}
			}
		}
		slices.Sort(r.Aliases)
		out = append(out, r)
	}
	if err := rows.Err(); err != nil {
		return nil, s.queryError("actors", err)
	}
	return out, nil
}

// EventCluster is the located events of one cell of a grid over the map.
type EventCluster struct {
	// Lat and Lon are the mean position of the cell's events.
	Lat float64 `json:"lat"`
	Lon float64 `json:"lon"`
	N   int     `json:"n"`
	// Quad counts the events per QuadClass: Quad[0] those without one,
	// Quad[1] verbal cooperation ... Quad[4] material conflict.
	Quad [5]int `json:"quad"`
	// BBox is the extent of the events, minLon, minLat, maxLon, maxLat:
	// a bbox filter that selects exactly the cell's events.
	BBox [4]float64 `json:"bbox"`
	// Place is the name of one of the places, Places how many distinct
	// place names the cell holds.
	Place  string `json:"place"`
	Places int    `json:"places"`
}

// Cluster sizes: the finest and coarsest grid cell in degrees, and the
// most cells one call returns.
const (
	MinClusterCell = 0.001
	MaxClusterCell = 90.0
	MaxClusters    = 10000
)

// EventClusters counts the located events f selects on a grid of cells of
// cell degrees (longitude and latitude), for a map that shows every event
// however many there are. Cells come most populous first, at most
// MaxClusters; truncated says that more cells had events. Limit and Offset
// are ignored.
func (s *Store) EventClusters(ctx context.Context, f EventFilter, cell float64) (cells []EventCluster, truncated bool, err error) {
	if math.IsNaN(cell) || cell < MinClusterCell || cell > MaxClusterCell {
		return nil, false, faultline.Errorf(faultline.EINVALID, "event clusters: cell %g degrees: give a size from %g to %g", cell, MinClusterCell, MaxClusterCell)
	}
	release, err := s.admit(ctx, "event clusters")
	if err != nil {
		return nil, false, err
	}
	defer release()
	q, err := s.eventWhere(ctx, f, true)
	if err != nil {
		return nil, false, err
	}
	q.add("e.lat IS NOT NULL AND e.lon IS NOT NULL")
	rows, err := s.readQuery(ctx, `SELECT count(*), avg(e.lat), avg(e.lon),
		min(e.lon), min(e.lat), max(e.lon), max(e.lat),
		sum(e.quad_class = 1), sum(e.quad_class = 2), sum(e.quad_class = 3), sum(e.quad_class = 4),
		max(e.place_name), count(DISTINCT e.place_name)
		FROM events e`+q.clause()+`
		GROUP BY CAST(floor((e.lon + 180) / ?) AS INTEGER), CAST(floor((e.lat + 90) / ?) AS INTEGER)
		ORDER BY count(*) DESC, min(e.lon), min(e.lat) LIMIT ?`, append(q.args, cell, cell, MaxClusters+1)...)
	if err != nil {
		return nil, false, s.queryError("event clusters", err)
	}
	defer rows.Close()
	for rows.Next() {
		var c EventCluster
		if err := rows.Scan(&c.N, &c.Lat, &c.Lon, &c.BBox[0], &c.BBox[1], &c.BBox[2], &c.BBox[3],
			&c.Quad[1], &c.Quad[2], &c.Quad[3], &c.Quad[4], &c.Place, &c.Places); err != nil {
			return nil, false, s.queryError("event clusters", err)
		}
		c.Quad[0] = c.N - c.Quad[1] - c.Quad[2] - c.Quad[3] - c.Quad[4]
		// a mean of equal values can round just outside them
		c.Lon = min(max(c.Lon, c.BBox[0]), c.BBox[2])
		c.Lat = min(max(c.Lat, c.BBox[1]), c.BBox[3])
		cells = append(cells, c)
	}
	if err := rows.Err(); err != nil {
		return nil, false, s.queryError("event clusters", err)
	}
	if len(cells) > MaxClusters {
		return cells[:MaxClusters], true, nil
	}
	return cells, false, nil
}

// ActorLink counts the events from one actor to another: an edge of the
// network of actors.
type ActorLink struct {
	// Source and Target name the actors (one of the texts they go by);
	// SourceCode and TargetCode are their CAMEO codes. Actors are told
	// apart by code when it names a country or group (letters only, like
	// "RUSGOV"), else by their text, case-insensitive.
	Source     string `json:"source"`
	SourceCode string `json:"source_code"`
	Target     string `json:"target"`
	TargetCode string `json:"target_code"`
	N          int    `json:"n"`
	// Quad counts the events per QuadClass, as in EventCluster.
	Quad [5]int `json:"quad"`
}

// MaxActorLinks is the most links one call of ActorLinks returns.
const MaxActorLinks = 2000

// actorKeySQL is the key that tells actors apart on one side of an
// event: a code of letters only, else the lower-cased text.
func actorKeySQL(side string) string {
	return `CASE WHEN e.` + side + `_code GLOB '[A-Z][A-Z][A-Z]*' AND NOT e.` + side + `_code GLOB '*[^A-Z]*'
		THEN e.` + side + `_code ELSE lower(e.` + side + `_text) END`
}

// ActorLinks counts the events f selects per pair of source and target
// actor, the most frequent pairs first, at most limit (MaxActorLinks when
// zero or more); events without a source or a target are left out.
// truncated says that more pairs had events.
func (s *Store) ActorLinks(ctx context.Context, f EventFilter, limit int) (links []ActorLink, truncated bool, err error) {
	if limit <= 0 || limit > MaxActorLinks {
		limit = MaxActorLinks
	}
	release, err := s.admit(ctx, "actor links")
	if err != nil {
		return nil, false, err
	}
	defer release()
	q, err := s.eventWhere(ctx, f, true)
	if err != nil {
		return nil, false, err
	}
	q.add("(e.source_text <> '' OR e.source_code <> '') AND (e.target_text <> '' OR e.target_code <> '')")
	rows, err := s.readQuery(ctx, `SELECT max(e.source_text), max(e.source_code), max(e.target_text), max(e.target_code), count(*),
		sum(e.quad_class = 1), sum(e.quad_class = 2), sum(e.quad_class = 3), sum(e.quad_class = 4)
		FROM events e`+q.clause()+`
		GROUP BY `+actorKeySQL("source")+`, `+actorKeySQL("target")+`
		ORDER BY count(*) DESC, max(e.source_text), max(e.target_text) LIMIT ?`, append(q.args, limit+1)...)
	if err != nil {
		return nil, false, s.queryError("actor links", err)
	}
	defer rows.Close()
	for rows.Next() {
		var l ActorLink
		if err := rows.Scan(&l.Source, &l.SourceCode, &l.Target, &l.TargetCode, &l.N, &l.Quad[1], &l.Quad[2], &l.Quad[3], &l.Quad[4]); err != nil {
			return nil, false, s.queryError("actor links", err)
		}
		l.Quad[0] = l.N - l.Quad[1] - l.Quad[2] - l.Quad[3] - l.Quad[4]
		links = append(links, l)
	}
	if err := rows.Err(); err != nil {
		return nil, false, s.queryError("actor links", err)
	}
	if len(links) > limit {
		return links[:limit], true, nil
	}
	return links, false, nil
}
