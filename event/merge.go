package event

import (
	"sort"
	"strconv"
	"strings"
	"time"

	"github.com/faultline-news/faultline"
	"github.com/faultline-news/faultline/export"
)

// MergedEvent is one happening reported by one or more documents. The
// embedded export.Event is what the export writers take: its Doc and Event
// are the representative report (the most confident mention in an original,
// non-duplicate document) and Mentions lists every report.
//
// The counts follow GDELT: NumMentions counts every report (a republished
// copy of an article included), NumArticles the distinct original documents
// (copies marked DuplicateOf add a mention, not an article), NumSources the
// distinct sites (Source.Site, else the document's URL host or path).
type MergedEvent struct {
	export.Event
	NumMentions int
	NumArticles int
	NumSources  int
}

// mergeKey is what two reports must share to be the same happening.
type mergeKey struct {
	source, target, root, place string
}

type mention struct {
	doc  *faultline.Document
	ev   *faultline.Event
	day  int // days since 1970, -1 unknown
	dup  bool
	seq  int
	conf float64
}

// Merge folds the events of docs into happenings: reports with the same
// source and target codes, CAMEO root, place and a day within one day of the
// first report of the group become one MergedEvent. Places compare by
// GeoNames id, else by name and country, so that documents with their own
// place ids agree; an event without a place merges only with events
// without one. Events without a date merge only with events without one.
// The output is ordered by first appearance.
func Merge(docs []*faultline.Document) []MergedEvent {
	groups := map[mergeKey][]mention{}
	var keys []mergeKey
	seq := 0
	for _, d := range docs {
		if d == nil {
			continue
		}
		for i := range d.Events {
			ev := &d.Events[i]
			if ev.Negated {
				continue
			}
			k := mergeKey{source: ev.SourceCode, target: ev.TargetCode, root: rootOf(ev.CAMEO), place: placeKey(d, ev.Place)}
			if _, ok := groups[k]; !ok {
				keys = append(keys, k)
			}
			groups[k] = append(groups[k], mention{doc: d, ev: ev, day: dayOf(ev.Date, d), dup: d.DuplicateOf != nil, seq: seq, conf: ev.Confidence})
			seq++
		}
	}
	type cluster struct {
		first int
		ms    []mention
	}
	var clusters []cluster
	for _, k := range keys {
		ms := groups[k]
		sort.SliceStable(ms, func(i, j int) bool { return ms[i].day < ms[j].day })
		for i := 0; i < len(ms); {
			j := i + 1
			for j < len(ms) && sameDay(ms[i].day, ms[j].day) {
				j++
			}
			c := cluster{first: ms[i].seq, ms: ms[i:j]}
			for _, m := range c.ms {
				c.first = min(c.first, m.seq)
			}
			clusters = append(clusters, c)
			i = j
		}
	}
	sort.Slice(clusters, func(i, j int) bool { return clusters[i].first < clusters[j].first })
	out := make([]MergedEvent, 0, len(clusters))
	for _, c := range clusters {
		sort.SliceStable(c.ms, func(i, j int) bool { return c.ms[i].seq < c.ms[j].seq })
		rep := -1
		for i, m := range c.ms {
			if rep < 0 || (c.ms[rep].dup && !m.dup) || (c.ms[rep].dup == m.dup && m.conf > c.ms[rep].conf) {
				rep = i
			}
		}
		me := MergedEvent{NumMentions: len(c.ms)}
		me.Event.Doc, me.Event.Event = c.ms[rep].doc, c.ms[rep].ev
		articles, sources := map[*faultline.Document]bool{}, map[string]bool{}
		for _, m := range c.ms {
			me.Event.Mentions = append(me.Event.Mentions, export.Mention{Doc: m.doc, Event: m.ev})
			if !m.dup {
				articles[m.doc] = true
			}
			sources[siteOf(m.doc)] = true
		}
		me.NumArticles = max(len(articles), 1)
		me.NumSources = len(sources)
		out = append(out, me)
	}
	return out
}

// sameDay reports whether b lies within one day after a (both unknown
// counts as the same).
func sameDay(a, b int) bool {
	if a < 0 || b < 0 {
		return a == b
	}
	return b-a <= 1
}

func rootOf(code string) string {
	if len(code) >= 2 {
		return code[:2]
	}
	return code
}

// dayOf returns the event's day number, falling back to the document's
// publication date.
func dayOf(date string, d *faultline.Document) int {
	for _, s := range []string{date, d.Published} {
		if len(s) >= 10 {
			if t, err := time.Parse("2006-01-02", s[:10]); err == nil {
				return int(t.Unix() / 86400)
			}
		}
	}
	if !d.Reference.IsZero() {
		y, m, dd := d.Reference.Date()
		return int(time.Date(y, m, dd, 0, 0, 0, 0, time.UTC).Unix() / 86400)
	}
	return -1
}

// placeKey names the event's place in a form that documents share.
func placeKey(d *faultline.Document, id *string) string {
	if id == nil {
		return ""
	}
	for _, p := range d.Places {
		if p.ID != *id {
			continue
		}
		if p.GeonamesID != 0 {
			return "g" + strconv.Itoa(p.GeonamesID)
		}
		return "n" + strings.ToLower(p.Name) + "|" + p.Country
	}
	return "?" + *id
}

// siteOf names a document's source site.
func siteOf(d *faultline.Document) string {
	if d.Source.Site != "" {
		return strings.ToLower(d.Source.Site)
	}
	u := d.Source.URL
	if i := strings.Index(u, "://"); i >= 0 {
		u = u[i+3:]
		if j := strings.IndexByte(u, '/'); j >= 0 {
			u = u[:j]
		}
		return strings.ToLower(strings.TrimPrefix(u, "www."))
	}
	if d.Source.Feed != "" {
		return d.Source.Feed
	}
	if d.Source.Path != "" {
		return d.Source.Path
	}
	return d.ID
}

// ExportEvents adapts merged events to the export writers
// (export.WriteEvents and friends).
func ExportEvents(ms []MergedEvent) export.Events {
	return func(yield func(*export.Event) error) error {
		for i := range ms {
			if err := yield(&ms[i].Event); err != nil {
				return err
			}
		}
		return nil
	}
}
