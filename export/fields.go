package export

import (
	"hash/fnv"
	"math"
	"net/url"
	"strconv"
	"strings"
	"time"
	"unicode"
	"unicode/utf8"

	"github.com/faultline-news/faultline"
)

// GlobalEventID is the GDELT GlobalEventID of an event: the 64-bit FNV-1a
// hash of the representative document id, a 0x1F separator and the event id,
// masked to 63 bits so it is a positive signed integer. It is stable across
// runs and machines (the same document and event always give the same id),
// unlike GDELT's running counter; collisions are negligible below ~10^8
// events.
func GlobalEventID(docID, eventID string) int64 {
	h := fnv.New64a()
	h.Write([]byte(docID))
	h.Write([]byte{0x1f})
	h.Write([]byte(eventID))
	return int64(h.Sum64() & (1<<63 - 1))
}

func globalID(e *Event) int64 { return GlobalEventID(e.Doc.ID, e.Event.ID) }

// oneLine makes s safe for one field of a line-oriented file: invalid UTF-8
// becomes U+FFFD, control characters (tab, CR, LF, NEL, ...) and Unicode line
// and paragraph separators become spaces, and runs of white space collapse
// to one space.
func oneLine(s string) string {
	if s == "" {
		return s
	}
	s = strings.ToValidUTF8(s, "\uFFFD")
	clean := true
	for _, r := range s {
		if r == ' ' {
			continue
		}
		if unicode.IsControl(r) || unicode.IsSpace(r) {
			clean = false
			break
		}
	}
	if clean && !strings.Contains(s, "  ") {
		return s
	}
	s = strings.Map(func(r rune) rune {
		if unicode.IsControl(r) || r == '\u2028' || r == '\u2029' {
			return ' '
		}
		return r
	}, s)
	return strings.Join(strings.Fields(s), " ")
}

// tsvField is oneLine plus double quotes turned into apostrophes: a field
// that starts with a quote would make CSV-style readers (Go encoding/csv,
// pandas, R readr) swallow tabs and newlines up to the next quote.
func tsvField(s string) string {
	s = oneLine(s)
	if strings.Contains(s, `"`) {
		s = strings.ReplaceAll(s, `"`, "'")
	}
	return s
}

// finite returns f, or 0 for NaN and infinities (which JSON cannot carry).
func finite(f float64) float64 {
	if math.IsNaN(f) || math.IsInf(f, 0) {
		return 0
	}
	return f
}

// formatNumber prints f with at most four decimals and no trailing zeros.
func formatNumber(f float64) string {
	f = math.Round(finite(f)*1e4) / 1e4
	if f == 0 {
		return "0"
	}
	return strconv.FormatFloat(f, 'f', -1, 64)
}

// entityByID returns the entity with the given id, or nil.
func entityByID(d *faultline.Document, id *string) *faultline.Entity {
	if id == nil || *id == "" {
		return nil
	}
	for i := range d.Entities {
		if d.Entities[i].ID == *id {
			return &d.Entities[i]
		}
	}
	return nil
}

// placeByID returns the place with the given id, or nil.
func placeByID(d *faultline.Document, id *string) *faultline.Place {
	if id == nil || *id == "" {
		return nil
	}
	for i := range d.Places {
		if d.Places[i].ID == *id {
			return &d.Places[i]
		}
	}
	return nil
}

// entityPlace returns the place of an entity (Entity.Place), or nil.
func entityPlace(d *faultline.Document, ent *faultline.Entity) *faultline.Place {
	if ent == nil {
		return nil
	}
	return placeByID(d, ent.Place)
}

// actorName is the exported name of an event's source or target: the
// canonical entity name when the event links an entity, else the text span.
func actorName(ent *faultline.Entity, text string) string {
	if ent != nil && ent.Name != "" {
		return ent.Name
	}
	return text
}

// sentenceText returns the text of sentence i, or "" when out of range.
func sentenceText(d *faultline.Document, i int) string {
	if i < 0 || i >= len(d.Sentences) {
		return ""
	}
	s := d.Sentences[i]
	if s.Start < 0 || s.End > len(d.Text) || s.Start > s.End {
		return ""
	}
	return d.Text[s.Start:s.End]
}

// runeOffset converts a byte offset into Text to a character offset (GDELT
// counts characters), or -1 when the offset is out of range.
func runeOffset(text string, off int) int {
	if off < 0 || off > len(text) {
		return -1
	}
	return utf8.RuneCountInString(text[:off])
}

// parseDay reads a calendar day from the start of s ("2017-03-23",
// "2017-03-23T10:00:00Z"). Partial dates ("2017-03", "2017") do not count.
func parseDay(s string) (time.Time, bool) {
	if len(s) < 10 {
		return time.Time{}, false
	}
	t, err := time.Parse("2006-01-02", s[:10])
	if err != nil {
		return time.Time{}, false
	}
	return t, true
}

// eventDay is the day an event is dated to: the event's own date when it is
// a full day, else the document's publication date, else now. The second
// result says which ("event", "published", "now").
func eventDay(d *faultline.Document, ev *faultline.Event, now time.Time) (time.Time, string) {
	if t, ok := parseDay(ev.Date); ok {
		return t, "event"
	}
	if t, ok := parseDay(d.Published); ok {
		return t, "published"
	}
	now = now.UTC()
	return time.Date(now.Year(), now.Month(), now.Day(), 0, 0, 0, 0, time.UTC), "now"
}

// dayString is eventDay as YYYY-MM-DD, or "" when only the export time
// could date the event and no export time was given.
func dayString(d *faultline.Document, ev *faultline.Event, now time.Time) string {
	day, from := eventDay(d, ev, now)
	if from == "now" && now.IsZero() {
		return ""
	}
	return day.Format("2006-01-02")
}

// fractionDate is GDELT's FractionDate: year + ((month-1)*30 + day)/365,
// four decimals. The codebook prints the formula as (MONTH*30+DAY)/365, but
// published rows use the zero-based month: 20210323 is 2021.2274 =
// 2021 + (2*30+23)/365.
func fractionDate(t time.Time) float64 {
	f := float64(t.Year()) + float64((int(t.Month())-1)*30+t.Day())/365
	return math.Round(f*1e4) / 1e4
}

// site names where a document was published: Source.Site, else the host of
// Source.URL, else "".
func site(d *faultline.Document) string {
	if d.Source.Site != "" {
		return d.Source.Site
	}
	if d.Source.URL != "" {
		if u, err := url.Parse(d.Source.URL); err == nil && u.Host != "" {
			return strings.TrimPrefix(strings.ToLower(u.Hostname()), "www.")
		}
	}
	return ""
}

// leadEnd is the byte offset where the lead (first) paragraph of the text
// ends: the first blank line, or the end of the text.
func leadEnd(text string) int {
	if i := strings.Index(text, "\n\n"); i >= 0 {
		return i
	}
	return len(text)
}

// isRootEvent reports whether an event lies in the lead paragraph of its
// document (GDELT: "events occurring in the lead paragraph of a document").
// The event's sentence start decides; without sentences, its trigger.
func isRootEvent(d *faultline.Document, ev *faultline.Event) bool {
	end := leadEnd(d.Text)
	if ev.Sentence >= 0 && ev.Sentence < len(d.Sentences) {
		return d.Sentences[ev.Sentence].Start < end
	}
	return ev.Trigger.Start >= 0 && ev.Trigger.Start < end && ev.Trigger.End > ev.Trigger.Start
}

// cameoParts splits a CAMEO event code into GDELT's EventCode,
// EventBaseCode (the first three digits; the code itself at levels one and
// two) and EventRootCode (the first two digits). Codes are kept as strings so
// that leading zeros survive ("010", "0211").
func cameoParts(code string) (event, base, root string) {
	event = tsvField(strings.TrimSpace(code))
	base, root = event, event
	for _, c := range []byte(event) {
		if c < '0' || c > '9' {
			return event, base, root // not a CAMEO code: left whole
		}
	}
	if len(event) > 3 {
		base = event[:3]
	}
	if len(event) > 2 {
		root = event[:2]
	}
	return event, base, root
}
