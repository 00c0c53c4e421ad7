package export

import (
	"bufio"
	"bytes"
	"context"
	"encoding/csv"
	"encoding/json"
	"strings"
	"testing"
	"unicode/utf8"

	"github.com/faultline-news/faultline"
)

// oddDoc puts the fuzzed strings everywhere a name, code, URL or sentence
// reaches an output field. Offsets may be wild: writers must cope.
func oddDoc(name, text, code string, start, end int) *faultline.Document {
	d := sampleDoc()
	d.Text = text + "\n\n" + d.Text
	d.Title = name
	d.Source.URL = name
	d.Source.Site = code
	d.Sentences = append([]faultline.Sentence{{Start: start, End: end}}, d.Sentences...)
	d.Entities[0].Name = name
	d.Entities[0].Actor.Code = code
	d.Entities[0].Actor.Roles = []string{code, name, "", name}
	d.Entities[0].Mentions[0] = faultline.Mention{Start: start, End: end, Text: name}
	d.Places[0].Name = name
	d.Places[0].Admin1 = text
	d.Places[0].Country = code
	d.Places[0].Kind = code
	d.Events[0].CAMEO = code
	d.Events[0].SourceCode = name
	d.Events[0].Plover.Type = name
	d.Events[0].Plover.Context = []string{text}
	d.Events[0].Trigger = faultline.Mention{Start: start, End: end, Text: text}
	d.Events[0].Sentence = start % 7
	d.Events[0].Date = text
	d.Events[1].Source = nil
	d.Events[1].SourceText = text
	return d
}

func FuzzColumns(f *testing.F) {
	f.Add("Al-\tQaeda\n", "He said \"no\".\r\nThen\ttabbed.", "0211", 0, 5)
	f.Add("\"quoted", "\"start with a quote\tand a tab", "\"", 3, 2)
	f.Add("bad \xff\xfe utf8", "line\u2028sep\u0085nel\x00nul\x1cfs", "0\xc3", -4, 1<<20)
	f.Add("", "", "", 0, 0)
	f.Fuzz(func(t *testing.T, name, text, code string, start, end int) {
		docs := []*faultline.Document{oddDoc(name, text, code, start, end), sampleDocNoURL()}
		for _, fm := range Formats() {
			var buf bytes.Buffer
			if err := Write(context.Background(), &buf, fm, DocumentList(docs), Options{Now: testNow}); err != nil {
				t.Fatalf("%s: %v", fm, err)
			}
			out := buf.Bytes()
			if !utf8.Valid(out) {
				t.Fatalf("%s output is not valid UTF-8", fm)
			}
			switch fm {
			case FormatGDELT:
				if rows := checkTSV(t, out, 61); len(rows) != 4 {
					t.Fatalf("gdelt: %d rows, want 4", len(rows))
				}
			case FormatGDELTMentions:
				if rows := checkTSV(t, out, 16); len(rows) != 4 {
					t.Fatalf("gdelt-mentions: %d rows, want 4", len(rows))
				}
			case FormatCSV:
				r := csv.NewReader(bytes.NewReader(out))
				r.FieldsPerRecord = len(CSVHeader)
				recs, err := r.ReadAll()
				if err != nil || len(recs) != 5 {
					t.Fatalf("csv: %d records, %v", len(recs), err)
				}
				if n := strings.Count(string(out), "\n"); n != 5 {
					t.Fatalf("csv: %d lines for 5 records: a field spans lines", n)
				}
			case FormatJSONL, FormatPLOVER:
				sc := bufio.NewScanner(bytes.NewReader(out))
				sc.Buffer(make([]byte, 1<<20), 1<<26)
				n := 0
				for sc.Scan() {
					n++
					if !json.Valid(sc.Bytes()) {
						t.Fatalf("%s line %d is not JSON", fm, n)
					}
				}
				if want := map[Format]int{FormatJSONL: 2, FormatPLOVER: 4}[fm]; n != want {
					t.Fatalf("%s: %d lines, want %d", fm, n, want)
				}
			case FormatGeoJSON:
				if !json.Valid(out) {
					t.Fatalf("geojson is not JSON")
				}
			}
		}
	})
}
