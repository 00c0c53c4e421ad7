package sqlite

import (
	"context"
	"database/sql"
	"encoding/json"
	"fmt"
	"strings"

	"github.com/faultline-news/faultline"
)

// layerWriter writes the row form of a document's layers (entities,
// quotes, places, events) inside one transaction, with statements prepared
// once per transaction.
type layerWriter struct {
	meta, entity, quote, place, event, rtree *sql.Stmt
}

const (
	insertMeta   = `INSERT OR IGNORE INTO document_meta (seq, id, url, title, published) VALUES (?, ?, ?, ?, ?)`
	insertEntity = `INSERT OR IGNORE INTO entities
	(doc_seq, entity_id, name, type, actor_code, country, aliases, mentions)
	VALUES (?, ?, ?, ?, ?, ?, ?, ?)`
	insertQuote = `INSERT OR IGNORE INTO quotes
	(doc_seq, ord, speaker_entity, speaker_name, speaker_text, cue, direct, medium, text, start, "end", date)
	VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`
	insertPlace = `INSERT OR IGNORE INTO places
	(doc_seq, place_id, name, lat, lon, country, admin1, kind, geonames_id, confidence, mentions)
	VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`
	insertEvent = `INSERT OR IGNORE INTO events
	(doc_seq, ord, event_id, source_entity, target_entity, source_text, target_text, source_code, target_code,
	 cameo, cameo_root, plover_type, plover_mode, quad_class, goldstein, date, place_id, place_name, lat, lon, country,
	 confidence, negated, hypothetical, sentence, sentence_start, sentence_end, sentence_text,
	 trigger_start, trigger_end, trigger_text, reported_by)
	VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`
	insertEventBox = `INSERT OR REPLACE INTO events_rtree (id, min_lon, max_lon, min_lat, max_lat) VALUES (?, ?, ?, ?, ?)`
)

// prepareLayerWriter prepares the layer statements in tx. Close releases them.
func prepareLayerWriter(ctx context.Context, tx *sql.Tx) (*layerWriter, error) {
	w := &layerWriter{}
	for _, p := range []struct {
		dst **sql.Stmt
		sql string
	}{{&w.meta, insertMeta}, {&w.entity, insertEntity}, {&w.quote, insertQuote}, {&w.place, insertPlace}, {&w.event, insertEvent}, {&w.rtree, insertEventBox}} {
		st, err := tx.PrepareContext(ctx, p.sql)
		if err != nil {
			w.Close()
			return nil, err
		}
		*p.dst = st
	}
	return w, nil
}

func (w *layerWriter) Close() {
	for _, st := range []*sql.Stmt{w.meta, w.entity, w.quote, w.place, w.event, w.rtree} {
		if st != nil {
			st.Close()
		}
	}
}

// write inserts the layers of doc, stored as documents.seq = seq. Rows that
// are already there (a resumed backfill) are left alone.
func (w *layerWriter) write(ctx context.Context, seq int64, doc *faultline.Document) error {
	docDay := dayOf(doc.Published)
	if _, err := w.meta.ExecContext(ctx, seq, doc.ID, doc.Source.URL, doc.Title, doc.Published); err != nil {
		return fmt.Errorf("document row: %w", err)
	}
	names := make(map[string]string, len(doc.Entities))
	for _, e := range doc.Entities {
		names[e.ID] = e.Name
		var code, country string
		if e.Actor != nil {
			code, country = e.Actor.Code, e.Actor.Country
		}
		aliases := e.Aliases
		if aliases == nil {
			aliases = []string{}
		}
		aj, _ := json.Marshal(aliases)
		if _, err := w.entity.ExecContext(ctx, seq, e.ID, e.Name, e.Type, code, country, string(aj), len(e.Mentions)); err != nil {
			return fmt.Errorf("entity %s: %w", e.ID, err)
		}
	}
	for i, q := range doc.Quotes {
		var speaker, name string
		if q.Speaker != nil {
			speaker = *q.Speaker
			name = names[speaker]
		}
		if name == "" {
			name = q.SpeakerText
		}
		if _, err := w.quote.ExecContext(ctx, seq, i, speaker, name, q.SpeakerText, q.Cue, q.Direct, q.Medium,
			q.Text, q.Start, q.End, docDay); err != nil {
			return fmt.Errorf("quote %d: %w", i, err)
		}
	}
	places := make(map[string]*faultline.Place, len(doc.Places))
	for i := range doc.Places {
		p := &doc.Places[i]
		places[p.ID] = p
		lat, lon := coords(p)
		if _, err := w.place.ExecContext(ctx, seq, p.ID, p.Name, lat, lon, p.Country, p.Admin1, p.Kind,
			p.GeonamesID, p.Confidence, len(p.Mentions)); err != nil {
			return fmt.Errorf("place %s: %w", p.ID, err)
		}
	}
	for i, e := range doc.Events {
		var placeID, placeName, country string
		var lat, lon any
		if e.Place != nil {
			placeID = *e.Place
			if p := places[placeID]; p != nil {
				placeName, country = p.Name, p.Country
				lat, lon = coords(p)
			}
		}
		sentStart, sentEnd, sentText := 0, 0, ""
		if e.Sentence >= 0 && e.Sentence < len(doc.Sentences) {
			s := doc.Sentences[e.Sentence]
			if 0 <= s.Start && s.Start <= s.End && s.End <= len(doc.Text) {
				sentStart, sentEnd, sentText = s.Start, s.End, doc.Text[s.Start:s.End]
			}
		}
		res, err := w.event.ExecContext(ctx, seq, i, e.ID, deref(e.Source), deref(e.Target), e.SourceText, e.TargetText,
			e.SourceCode, e.TargetCode, e.CAMEO, cameoRoot(e.CAMEO), e.Plover.Type, e.Plover.Mode, e.QuadClass, e.Goldstein,
			eventDay(e.Date, docDay), placeID, placeName, lat, lon, country, e.Confidence, e.Negated, e.Hypothetical,
			e.Sentence, sentStart, sentEnd, sentText, e.Trigger.Start, e.Trigger.End, e.Trigger.Text, deref(e.ReportedBy))
		if err != nil {
			return fmt.Errorf("event %s: %w", e.ID, err)
		}
		if lat == nil {
			continue
		}
		if n, _ := res.RowsAffected(); n == 0 {
			continue // already there (resumed backfill)
		}
		id, err := res.LastInsertId()
		if err != nil {
			return fmt.Errorf("event %s: %w", e.ID, err)
		}
		if _, err := w.rtree.ExecContext(ctx, id, lon, lon, lat, lat); err != nil {
			return fmt.Errorf("event %s box: %w", e.ID, err)
		}
	}
	return nil
}

// coords returns a place's latitude and longitude, or two nils when the
// place has none (0,0 is taken as "not located").
func coords(p *faultline.Place) (lat, lon any) {
	if p.Lat == 0 && p.Lon == 0 {
		return nil, nil
	}
	return p.Lat, p.Lon
}

func deref(s *string) string {
	if s == nil {
		return ""
	}
	return *s
}

// cameoRoot is the two-digit root of a CAMEO event code ("190" -> "19").
func cameoRoot(code string) string {
	if len(code) < 2 {
		return code
	}
	return code[:2]
}

// isDay reports whether s starts with YYYY-MM-DD.
func isDay(s string) bool {
	if len(s) < 10 {
		return false
	}
	for i := 0; i < 10; i++ {
		c := s[i]
		if i == 4 || i == 7 {
			if c != '-' {
				return false
			}
		} else if c < '0' || c > '9' {
			return false
		}
	}
	return true
}

// dayOf returns the YYYY-MM-DD day a date or RFC 3339 time starts with, or "".
func dayOf(s string) string {
	s = strings.TrimSpace(s)
	if isDay(s) {
		return s[:10]
	}
	return ""
}

// eventDay is the day an event is filed under: its own date when it names a
// day, else the document's day when that falls within the event's coarser
// date (or the event has none), else the first day of the event's month or
// year.
func eventDay(date, docDay string) string {
	date = strings.TrimSpace(date)
	if d := dayOf(date); d != "" {
		return d
	}
	if docDay != "" && strings.HasPrefix(docDay, date) {
		return docDay
	}
	switch {
	case len(date) == 7 && isDay(date+"-01"):
		return date + "-01"
	case len(date) == 4 && isDay(date+"-01-01"):
		return date + "-01-01"
	}
	return docDay
}

// backfillLayers fills the layer tables from the stored document JSON of a
// database made before they existed. It runs inside the migration's
// transaction, so an interrupted upgrade is rolled back whole and redone on
// the next Open.
func backfillLayers(ctx context.Context, tx *sql.Tx) error {
	w, err := prepareLayerWriter(ctx, tx)
	if err != nil {
		return err
	}
	defer w.Close()
	type stored struct {
		seq  int64
		id   string
		body string
	}
	// Read a page of documents, then write their rows: the connection
	// cannot hold a reading statement open while it writes.
	const pageSize = 200
	var last int64 = -1
	for {
		if err := ctx.Err(); err != nil {
			return err
		}
		rows, err := tx.QueryContext(ctx, "SELECT seq, id, json FROM documents WHERE seq > ? ORDER BY seq LIMIT ?", last, pageSize)
		if err != nil {
			return err
		}
		var page []stored
		for rows.Next() {
			var s stored
			if err := rows.Scan(&s.seq, &s.id, &s.body); err != nil {
				rows.Close()
				return err
			}
			page = append(page, s)
		}
		if err := rows.Close(); err != nil {
			return err
		}
		if err := rows.Err(); err != nil {
			return err
		}
		if len(page) == 0 {
			return nil
		}
		for _, s := range page {
			doc := new(faultline.Document)
			if err := json.Unmarshal([]byte(s.body), doc); err != nil {
				return fmt.Errorf("document %s: stored JSON does not decode: %w", s.id, err)
			}
			if err := w.write(ctx, s.seq, doc); err != nil {
				return fmt.Errorf("document %s: %w", s.id, err)
			}
			last = s.seq
		}
	}
}

// afterMigration holds Go steps run right after a numbered migration's SQL,
// in the same transaction.
var afterMigration = map[int]func(context.Context, *sql.Tx) error{
	2: backfillLayers,
}
