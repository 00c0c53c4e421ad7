// Package export writes analysed documents in the formats researchers load
// into their tools: the faultline document format as JSON lines, a flat CSV
// of events, GDELT 2.0 Event and Mentions files, PLOVER/POLECAT-style JSON
// and GeoJSON.
//
// Writers stream: documents (or merged events) arrive one at a time through
// an iterator and each record is written as soon as it is built, so an
// export of a large store needs memory for one document, not the corpus.
//
// Nothing here reads the wall clock: the GDELT DATEADDED / EventTimeDate /
// MentionTimeDate stamps come from Options.Now.
//
// # GDELT 2.0 mapping
//
// The gdelt format writes the 61 columns of the GDELT 2.0 Event codebook
// (GDELTEventColumns) and gdelt-mentions the 16 of the Mentions table
// (GDELTMentionColumns), tab-separated, no header, one record per line.
// Rules where GDELT's own pipeline has no faultline equivalent:
//
//   - GlobalEventID: GlobalEventID(doc id, event id) of the representative
//     report, a 63-bit FNV-1a hash: stable across runs, not a running number.
//   - Day/MonthYear/Year: the event's own date when it is a full day, else
//     the document's publication date, else Options.Now. FractionDate is
//     year + ((month-1)*30 + day)/365 to four decimals, as GDELT prints it.
//   - IsRootEvent: 1 when the event's sentence starts in the lead paragraph
//     (the text before the first blank line), as GDELT flags events of the
//     lead paragraph; 0 otherwise.
//   - Actors: Code from the event's source/target code (else the entity's
//     actor code); Name is the entity's canonical name upper-cased, else the
//     span text; CountryCode and Type1-3Code come from Entity.Actor (country,
//     first three roles). KnownGroup, Ethnic and Religion codes stay empty.
//   - EventCode/EventBaseCode/EventRootCode keep leading zeros: "0211" gives
//     "0211", "021", "02"; "010" gives "010", "010", "01".
//   - NumMentions = mentions, NumArticles = distinct documents, NumSources =
//     distinct sites among the mentions; AvgTone = mean Mention.Tone (0).
//   - Geography: actor geo from the entity's place, action geo from the
//     event's place. Geo_Type: 1 country, 2 US state, 3 US city, 4 world
//     city, 5 world state (from Place.Kind; 0 with empty columns when there
//     is no place). CountryCode is FIPS 10-4 (FIPSCountry); ADM1Code is the
//     FIPS country code alone (admin1 codes are not resolved); ADM2Code is
//     empty; FeatureID is the FIPS code for a country and the GeoNames id
//     otherwise (GDELT uses GNS/GNIS ids there).
//   - SOURCEURL: the article URL, else its path or record id.
//   - Mentions: MentionType 1 (WEB) with the URL, else 2 (CITATIONONLY) with
//     "title, path"; SentenceID is 1-based; char offsets count characters and
//     are -1 when unknown; Confidence is the event confidence x 100.
//   - Text fields are made one-line: tabs, newlines and other control
//     characters become spaces, invalid UTF-8 becomes U+FFFD and double
//     quotes become apostrophes, so CSV-style readers see 61/16 columns.
package export

import (
	"bufio"
	"context"
	"errors"
	"fmt"
	"io"
	"strings"
	"time"

	"github.com/faultline-news/faultline"
)

// Format names an export format.
type Format string

// The export formats.
const (
	// FormatJSONL writes one faultline document per line (docs/output-format.md).
	FormatJSONL Format = "jsonl"
	// FormatCSV writes one event per row with a header row.
	FormatCSV Format = "csv"
	// FormatGDELT writes a GDELT 2.0 Event file: 61 tab-separated columns, no header.
	FormatGDELT Format = "gdelt"
	// FormatGDELTMentions writes a GDELT 2.0 Mentions file: 16 tab-separated columns, no header.
	FormatGDELTMentions Format = "gdelt-mentions"
	// FormatPLOVER writes one PLOVER/POLECAT-style JSON object per event per line (see PLOVER.md).
	FormatPLOVER Format = "plover"
	// FormatGeoJSON writes one FeatureCollection of the events that have a place.
	FormatGeoJSON Format = "geojson"
)

// Formats lists every format Write accepts, in a stable order.
func Formats() []Format {
	return []Format{FormatJSONL, FormatCSV, FormatGDELT, FormatGDELTMentions, FormatPLOVER, FormatGeoJSON}
}

// ParseFormat returns the Format named s (as typed on a command line).
func ParseFormat(s string) (Format, error) {
	for _, f := range Formats() {
		if string(f) == strings.ToLower(strings.TrimSpace(s)) {
			return f, nil
		}
	}
	return "", faultline.Errorf(faultline.EINVALID, "export: unknown format %q: use one of %s", s, formatList())
}

func formatList() string {
	names := make([]string, 0, len(Formats()))
	for _, f := range Formats() {
		names = append(names, string(f))
	}
	return strings.Join(names, ", ")
}

// Options configure a write.
type Options struct {
	// Now is the ingest/export time stamped into GDELT's DATEADDED,
	// EventTimeDate and MentionTimeDate columns (formatted in UTC). It is
	// required for the gdelt and gdelt-mentions formats, and used as the
	// event date of last resort when neither the event nor the document
	// carries a date.
	Now time.Time
	// Version is written to the PLOVER "version" field; "" means DefaultVersion.
	Version string
	// Header makes the gdelt and gdelt-mentions formats start with a line of
	// column names (GDELT's own files have none). csv always has a header.
	Header bool
}

// DefaultVersion is the PLOVER "version" value when Options.Version is empty.
const DefaultVersion = "faultline-export/1"

// Documents yields documents one at a time; it stops and returns the error
// when yield returns one. The store passes rows from SQLite through it.
type Documents func(yield func(*faultline.Document) error) error

// DocumentList adapts a slice to Documents. Nil entries are skipped.
func DocumentList(docs []*faultline.Document) Documents {
	return func(yield func(*faultline.Document) error) error {
		for _, d := range docs {
			if d == nil {
				continue
			}
			if err := yield(d); err != nil {
				return err
			}
		}
		return nil
	}
}

// Mention is one report of an event: the document and the coded event in it.
type Mention struct {
	Doc   *faultline.Document
	Event *faultline.Event
	// Tone is the document's tone (GDELT MentionDocTone, -100..+100); 0 when
	// not computed.
	Tone float64
}

// Event is one happening as exported. Doc and Event are its representative
// report: they supply the actors, codes, date and place. Mentions lists every
// report of it, the representative included; an empty Mentions means the
// representative is the only one. Until events are merged across documents,
// every document event is its own Event with one mention.
//
// The GDELT writer derives NumMentions (len(Mentions)), NumArticles (distinct
// documents) and NumSources (distinct sites) from Mentions, and the Mentions
// writer emits one row per mention.
type Event struct {
	Doc      *faultline.Document
	Event    *faultline.Event
	Mentions []Mention
}

// mentions returns the event's mentions, the representative alone when the
// list is empty.
func (e *Event) mentions() []Mention {
	if len(e.Mentions) > 0 {
		return e.Mentions
	}
	return []Mention{{Doc: e.Doc, Event: e.Event}}
}

// Events yields merged events one at a time, like Documents.
type Events func(yield func(*Event) error) error

// DocumentEvents turns every event of every document into its own Event with
// a single mention, in document then event order.
func DocumentEvents(docs Documents) Events {
	return func(yield func(*Event) error) error {
		return docs(func(d *faultline.Document) error {
			if d == nil {
				return nil
			}
			for i := range d.Events {
				ev := &d.Events[i]
				if err := yield(&Event{Doc: d, Event: ev, Mentions: []Mention{{Doc: d, Event: ev}}}); err != nil {
					return err
				}
			}
			return nil
		})
	}
}

// Write writes docs to w in format f. For every format but jsonl each
// document event is exported as its own event (see DocumentEvents); use
// WriteEvents to export events merged across documents.
func Write(ctx context.Context, w io.Writer, f Format, docs Documents, opts Options) (err error) {
	if docs == nil {
		docs = DocumentList(nil)
	}
	if f != FormatJSONL {
		return WriteEvents(ctx, w, f, DocumentEvents(docs), opts)
	}
	defer recoverInto(&err, f)
	bw := bufio.NewWriterSize(w, 64<<10)
	jw := newJSONLWriter(bw)
	err = docs(func(d *faultline.Document) error {
		if err := ctx.Err(); err != nil {
			return err
		}
		if d == nil {
			return nil
		}
		return asWriteError(jw.document(d))
	})
	return finish(ctx, bw, f, err)
}

// WriteEvents writes (possibly merged) events to w in format f. For jsonl
// it writes each distinct document among the mentions once.
func WriteEvents(ctx context.Context, w io.Writer, f Format, events Events, opts Options) (err error) {
	defer recoverInto(&err, f)
	if events == nil {
		events = func(func(*Event) error) error { return nil }
	}
	if _, perr := ParseFormat(string(f)); perr != nil {
		return perr
	}
	if (f == FormatGDELT || f == FormatGDELTMentions) && opts.Now.IsZero() {
		return faultline.Errorf(faultline.EINVALID,
			"export %s: Options.Now is zero: pass the ingest time, it fills DATEADDED/EventTimeDate", f)
	}
	if opts.Version == "" {
		opts.Version = DefaultVersion
	}
	bw := bufio.NewWriterSize(w, 64<<10)
	ew, err := newEventWriter(bw, f, opts)
	if err != nil {
		return err
	}
	if err := ew.begin(); err != nil {
		return finish(ctx, bw, f, asWriteError(err))
	}
	err = events(func(e *Event) error {
		if err := ctx.Err(); err != nil {
			return err
		}
		if e == nil || e.Doc == nil || e.Event == nil {
			return nil
		}
		return asWriteError(ew.event(e))
	})
	if err == nil {
		err = asWriteError(ew.end())
	}
	return finish(ctx, bw, f, err)
}

// eventWriter is one format's event-level writer.
type eventWriter interface {
	begin() error
	event(e *Event) error
	end() error
}

func newEventWriter(w *bufio.Writer, f Format, opts Options) (eventWriter, error) {
	switch f {
	case FormatJSONL:
		return &jsonlEventWriter{jw: newJSONLWriter(w), seen: map[*faultline.Document]bool{}}, nil
	case FormatCSV:
		return newCSVWriter(w, opts), nil
	case FormatGDELT:
		return &gdeltWriter{w: w, opts: opts}, nil
	case FormatGDELTMentions:
		return &mentionsWriter{w: w, opts: opts}, nil
	case FormatPLOVER:
		return newPLOVERWriter(w, opts), nil
	case FormatGeoJSON:
		return newGeoJSONWriter(w, opts), nil
	}
	return nil, faultline.Errorf(faultline.EINVALID, "export: unknown format %q: use one of %s", f, formatList())
}

// finish flushes bw and turns err into a *faultline.Error naming the format.
func finish(ctx context.Context, bw *bufio.Writer, f Format, err error) error {
	if err == nil {
		err = asWriteError(bw.Flush())
	}
	if err == nil {
		return nil
	}
	var fe *faultline.Error
	var we *writeError
	switch {
	case errors.As(err, &fe):
		return err
	case errors.Is(err, context.Canceled), errors.Is(err, context.DeadlineExceeded), ctx.Err() != nil:
		return faultline.Errorf(faultline.EUNAVAILABLE, "export %s: stopped before the end (%w): the output is incomplete", f, err)
	case errors.As(err, &we):
		return faultline.Errorf(faultline.EUNAVAILABLE, "export %s: writing the output failed: %w: check the destination (disk full, closed pipe?)", f, we.err)
	}
	return faultline.Errorf(faultline.EUNAVAILABLE, "export %s: reading the documents to export failed: %w", f, err)
}

// writeError marks a failure of the destination, as opposed to one of the
// document iterator.
type writeError struct{ err error }

func (e *writeError) Error() string { return e.err.Error() }
func (e *writeError) Unwrap() error { return e.err }

func asWriteError(err error) error {
	if err == nil {
		return nil
	}
	return &writeError{err: err}
}

// recoverInto turns a panic in a writer into an EINTERNAL error, so bad
// input never takes the process down.
func recoverInto(err *error, f Format) {
	if r := recover(); r != nil {
		*err = faultline.Errorf(faultline.EINTERNAL, "export %s: internal error (please report): %v", f, fmt.Sprint(r))
	}
}
