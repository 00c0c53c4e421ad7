package main

import (
	"bufio"
	"encoding/csv"
	"encoding/json"
	"fmt"
	"io"
	"strconv"
	"strings"
	"text/tabwriter"

	"github.com/faultline-news/faultline"
	"github.com/faultline-news/faultline/sqlite"
	"github.com/spf13/cobra"
)

// parseBBox reads "minLon,minLat,maxLon,maxLat".
func parseBBox(s string) (*[4]float64, error) {
	if s == "" {
		return nil, nil
	}
	parts := strings.Split(s, ",")
	if len(parts) != 4 {
		return nil, faultline.Errorf(faultline.EINVALID, "--bbox %q: want minLon,minLat,maxLon,maxLat, e.g. --bbox 42,35,45,37", s)
	}
	var b [4]float64
	for i, p := range parts {
		v, err := strconv.ParseFloat(strings.TrimSpace(p), 64)
		if err != nil {
			return nil, faultline.Errorf(faultline.EINVALID, "--bbox %q: %q is not a number", s, p)
		}
		b[i] = v
	}
	return &b, nil
}

// parseNear reads "lat,lon,km".
func parseNear(s string) (*sqlite.Near, error) {
	if s == "" {
		return nil, nil
	}
	parts := strings.Split(s, ",")
	if len(parts) != 3 {
		return nil, faultline.Errorf(faultline.EINVALID, "--near %q: want lat,lon,km, e.g. --near 36.34,43.12,50", s)
	}
	var v [3]float64
	for i, p := range parts {
		f, err := strconv.ParseFloat(strings.TrimSpace(p), 64)
		if err != nil {
			return nil, faultline.Errorf(faultline.EINVALID, "--near %q: %q is not a number", s, p)
		}
		v[i] = f
	}
	return &sqlite.Near{Lat: v[0], Lon: v[1], Km: v[2]}, nil
}

func checkOutput(format string) error {
	switch format {
	case "table", "jsonl", "csv":
		return nil
	}
	return faultline.Errorf(faultline.EINVALID, "--format %q: want table, jsonl or csv", format)
}

// allPage is the page size of --all (a variable for tests).
var allPage = sqlite.MaxLimit

// pages calls fetch with successive offsets from offset, limit rows at a
// time (allPage with all), until a page comes back short or, without
// all, after the first page; write gets each page and whether it is the
// first. It returns the number of rows.
func pages[T any](all bool, limit, offset int, fetch func(limit, offset int) ([]T, error), write func(rows []T, first bool) error) (int, error) {
	if all {
		limit = allPage
	}
	n := 0
	for first := true; ; first = false {
		rows, err := fetch(limit, offset+n)
		if err != nil {
			return n, err
		}
		if len(rows) > 0 || first {
			if err := write(rows, first); err != nil {
				return n, err
			}
		}
		n += len(rows)
		if !all || len(rows) < limit {
			return n, nil
		}
	}
}

// writeRows prints rows as a table, JSONL or CSV; cells gives a row's cells
// for table and CSV output, under header unless it is nil.
func writeRows[T any](w io.Writer, format string, rows []T, header []string, cells func(T) []string) error {
	bw := bufio.NewWriter(w)
	defer bw.Flush()
	switch format {
	case "jsonl":
		for _, r := range rows {
			b, err := json.Marshal(r)
			if err != nil {
				return err
			}
			fmt.Fprintf(bw, "%s\n", b)
		}
	case "csv":
		cw := csv.NewWriter(bw)
		if header != nil {
			cw.Write(header)
		}
		for _, r := range rows {
			cw.Write(cells(r))
		}
		cw.Flush()
		return cw.Error()
	default:
		tw := tabwriter.NewWriter(bw, 0, 2, 2, ' ', 0)
		if header != nil {
			fmt.Fprintln(tw, strings.Join(header, "\t"))
		}
		for _, r := range rows {
			c := cells(r)
			for i := range c {
				c[i] = shorten(strings.ReplaceAll(c[i], "\t", " "), 60)
			}
			fmt.Fprintln(tw, strings.Join(c, "\t"))
		}
		return tw.Flush()
	}
	return nil
}

func shorten(s string, n int) string {
	s = strings.ReplaceAll(s, "\n", " ")
	if r := []rune(s); len(r) > n {
		return string(r[:n-1]) + "…"
	}
	return s
}

func (e *env) eventsCmd() *cobra.Command {
	var dbPath, format, bbox, near string
	var all bool
	var f sqlite.EventFilter
	cmd := &cobra.Command{
		Use:   "events [flags]",
		Short: "List stored events, filtered by actor, code, place, date and text",
		Long: `events lists the events in the database, newest first, each with its evidence
sentence and source document, one page at a time (--limit, --offset) or --all. Negated
and hypothetical events are left out unless asked for.`,
		Example: `  faultline events --actor IRQ --from 2017-03-01 --to 2017-03-31
  faultline events --code 19 --place IQ --all --format csv > fights.csv
  faultline events --near 36.34,43.12,100 --plover ASSAULT --format jsonl`,
		Args: cobra.NoArgs,
		RunE: func(cmd *cobra.Command, args []string) error {
			if err := checkOutput(format); err != nil {
				return err
			}
			var err error
			if f.BBox, err = parseBBox(bbox); err != nil {
				return err
			}
			if f.Near, err = parseNear(near); err != nil {
				return err
			}
			store, err := sqlite.Open(cmd.Context(), dbPath)
			if err != nil {
				return err
			}
			defer store.Close()
			header := []string{"date", "source", "cameo", "plover", "target", "place", "confidence", "sentence", "document", "url"}
			n, err := pages(all, f.Limit, f.Offset, func(limit, offset int) ([]sqlite.EventRow, error) {
				g := f
				g.Limit, g.Offset = limit, offset
				return store.Events(cmd.Context(), g)
			}, func(rows []sqlite.EventRow, first bool) error {
				if !first && format != "jsonl" {
					header = nil
				}
				return writeRows(e.stdout, format, rows, header, eventCells)
			})
			if err != nil {
				return err
			}
			if !all && n == f.Limit {
				if total, err := store.CountEvents(cmd.Context(), f); err == nil && total > f.Offset+n {
					fmt.Fprintf(e.stderr, "events: rows %d to %d of %d; --all for every one, or --offset %d for the next page\n", f.Offset+1, f.Offset+n, total, f.Offset+n)
				}
			}
			return nil
		},
	}
	fl := cmd.Flags()
	fl.BoolVar(&all, "all", false, "every matching event, not one page (--limit is ignored)")
	fl.StringVar(&dbPath, "db", defaultDB, "SQLite database file")
	fl.StringVar(&format, "format", "table", "output: table, jsonl or csv")
	fl.StringVar(&f.Actor, "actor", "", "actor name (substring) or CAMEO actor code prefix, source or target")
	fl.StringVar(&f.Source, "source", "", "source actor (who acts): name (substring) or CAMEO actor code prefix")
	fl.StringVar(&f.Target, "target", "", "target actor (who is acted upon): name (substring) or CAMEO actor code prefix")
	fl.StringVar(&f.Code, "code", "", "CAMEO event code prefix, e.g. 19 or 138")
	fl.StringVar(&f.PloverType, "plover", "", "PLOVER event type, e.g. ASSAULT")
	fl.StringVar(&f.Place, "place", "", "place name, or a two-letter ISO country code")
	fl.StringVar(&bbox, "bbox", "", "bounding box minLon,minLat,maxLon,maxLat")
	fl.StringVar(&near, "near", "", "radius search lat,lon,km")
	fl.StringVar(&f.From, "from", "", "first day YYYY-MM-DD")
	fl.StringVar(&f.To, "to", "", "last day YYYY-MM-DD")
	fl.StringVar(&f.Text, "text", "", "full-text query over the event's document")
	fl.BoolVar(&f.IncludeNegated, "negated", false, "include negated events (\"vows not to cooperate\")")
	fl.BoolVar(&f.IncludeHypothetical, "hypothetical", false, "include hypothetical and future events (\"could turn against\")")
	fl.IntVar(&f.Limit, "limit", 50, "rows per page")
	fl.IntVar(&f.Offset, "offset", 0, "rows to skip (pagination)")
	return cmd
}

// eventCells are the table and CSV cells of an event.
func eventCells(r sqlite.EventRow) []string {
	src := firstNonEmpty(r.SourceCode+" "+r.SourceText, r.SourceText)
	tgt := firstNonEmpty(r.TargetCode+" "+r.TargetText, r.TargetText)
	plover := r.PloverType
	if r.Negated {
		plover += " (negated)"
	}
	if r.Hypothetical {
		plover += " (hypothetical)"
	}
	return []string{r.Date, strings.TrimSpace(src), r.CAMEO, plover, strings.TrimSpace(tgt), r.PlaceName,
		strconv.FormatFloat(r.Confidence, 'f', 2, 64), r.SentenceText, r.DocumentID, r.URL}
}

// quoteCells are the table and CSV cells of a quote.
func quoteCells(r sqlite.QuoteRow) []string {
	return []string{r.Date, firstNonEmpty(r.SpeakerName, r.SpeakerText, "(unattributed)"), r.Cue,
		strconv.FormatBool(r.Direct), r.Text, r.DocumentID, r.URL}
}

func (e *env) quotesCmd() *cobra.Command {
	var dbPath, format, bbox, near string
	var all bool
	var f sqlite.QuoteFilter
	cmd := &cobra.Command{
		Use:   "quotes [flags]",
		Short: "List stored quotes with their speakers, filtered by speaker, events, place, text and date",
		Long: `quotes lists the quotes in the database, newest first, with their speaker and
source document. --actor takes a speaker name or the CAMEO code of the speaker; --code,
--plover, --place, --bbox and --near keep quotes of documents that report such events or
name such places.`,
		Example: `  faultline quotes --speaker Hamasaeed
  faultline quotes --actor IRQGOV --from 2017-03-01 --format csv
  faultline quotes --plover ASSAULT --place UA
  faultline quotes --text militia --direct --format jsonl`,
		Args: cobra.NoArgs,
		RunE: func(cmd *cobra.Command, args []string) error {
			if err := checkOutput(format); err != nil {
				return err
			}
			var err error
			if f.BBox, err = parseBBox(bbox); err != nil {
				return err
			}
			if f.Near, err = parseNear(near); err != nil {
				return err
			}
			store, err := sqlite.Open(cmd.Context(), dbPath)
			if err != nil {
				return err
			}
			defer store.Close()
			header := []string{"date", "speaker", "cue", "direct", "quote", "document", "url"}
			n, err := pages(all, f.Limit, f.Offset, func(limit, offset int) ([]sqlite.QuoteRow, error) {
				g := f
				g.Limit, g.Offset = limit, offset
				return store.Quotes(cmd.Context(), g)
			}, func(rows []sqlite.QuoteRow, first bool) error {
				if !first && format != "jsonl" {
					header = nil
				}
				return writeRows(e.stdout, format, rows, header, quoteCells)
			})
			if err != nil {
				return err
			}
			if !all && n == f.Limit {
				fmt.Fprintf(e.stderr, "quotes: rows %d to %d, there may be more; --all for every one, or --offset %d for the next page\n", f.Offset+1, f.Offset+n, f.Offset+n)
			}
			return nil
		},
	}
	fl := cmd.Flags()
	fl.BoolVar(&all, "all", false, "every matching quote, not one page (--limit is ignored)")
	fl.StringVar(&dbPath, "db", defaultDB, "SQLite database file")
	fl.StringVar(&format, "format", "table", "output: table, jsonl or csv")
	fl.StringVar(&f.Speaker, "speaker", "", "speaker name (substring)")
	fl.StringVar(&f.Actor, "actor", "", "speaker name (substring) or CAMEO actor code prefix of the speaker")
	fl.StringVar(&f.Code, "code", "", "quotes of documents reporting an event of this CAMEO code prefix")
	fl.StringVar(&f.PloverType, "plover", "", "quotes of documents reporting an event of this PLOVER type")
	fl.StringVar(&f.Place, "place", "", "quotes of documents naming this place, or a place in this two-letter ISO country")
	fl.StringVar(&bbox, "bbox", "", "quotes of documents naming a place in the box minLon,minLat,maxLon,maxLat")
	fl.StringVar(&near, "near", "", "quotes of documents naming a place within lat,lon,km")
	fl.StringVar(&f.Text, "text", "", "full-text query over the quote")
	fl.StringVar(&f.From, "from", "", "first day YYYY-MM-DD")
	fl.StringVar(&f.To, "to", "", "last day YYYY-MM-DD")
	fl.BoolVar(&f.DirectOnly, "direct", false, "direct quotes only")
	fl.IntVar(&f.Limit, "limit", 50, "rows per page")
	fl.IntVar(&f.Offset, "offset", 0, "rows to skip (pagination)")
	return cmd
}
