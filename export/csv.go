package export

import (
	"bufio"
	"encoding/csv"
	"strconv"

	"github.com/faultline-news/faultline"
)

// CSVHeader is the header row of the csv format, one column per name.
var CSVHeader = []string{
	"event_id", "document_id", "date",
	"source_name", "source_code", "target_name", "target_code",
	"cameo", "plover_type", "plover_mode", "quad_class", "goldstein",
	"place_name", "place_lat", "place_lon", "place_country",
	"confidence", "negated", "hypothetical",
	"sentence", "trigger", "url",
}

// csvWriter writes one event per row (RFC 4180, comma-separated). Text
// fields are put on one line (oneLine) so that every record is one line.
type csvWriter struct {
	w    *csv.Writer
	opts Options
}

func newCSVWriter(w *bufio.Writer, opts Options) *csvWriter {
	return &csvWriter{w: csv.NewWriter(w), opts: opts}
}

func (c *csvWriter) begin() error { return c.w.Write(CSVHeader) }

func (c *csvWriter) end() error {
	c.w.Flush()
	return c.w.Error()
}

func (c *csvWriter) event(e *Event) error {
	return c.w.Write(csvRow(e.Doc, e.Event, c.opts))
}

// csvRow builds one row. The date is the event day as for GDELT: the
// event's own full date, else the publication date, else Options.Now.
func csvRow(d *faultline.Document, ev *faultline.Event, opts Options) []string {
	src := entityByID(d, ev.Source)
	tgt := entityByID(d, ev.Target)
	place := placeByID(d, ev.Place)
	var pname, plat, plon, pcountry string
	if place != nil {
		pname, pcountry = place.Name, place.Country
		plat, plon = formatNumber(place.Lat), formatNumber(place.Lon)
	}
	row := []string{
		ev.ID, d.ID, dayString(d, ev, opts.Now),
		actorName(src, ev.SourceText), ev.SourceCode, actorName(tgt, ev.TargetText), ev.TargetCode,
		ev.CAMEO, ev.Plover.Type, ev.Plover.Mode, strconv.Itoa(ev.QuadClass), formatNumber(ev.Goldstein),
		pname, plat, plon, pcountry,
		formatNumber(ev.Confidence), strconv.FormatBool(ev.Negated), strconv.FormatBool(ev.Hypothetical),
		sentenceText(d, ev.Sentence), ev.Trigger.Text, d.Source.URL,
	}
	for i := range row {
		row[i] = oneLine(row[i])
	}
	return row
}
