package export

import (
	"bufio"
	"bytes"
	"context"
	"encoding/csv"
	"encoding/json"
	"errors"
	"flag"
	"fmt"
	"io"
	"os"
	"path/filepath"
	"regexp"
	"slices"
	"sort"
	"strconv"
	"strings"
	"testing"
	"time"

	"github.com/faultline-news/faultline"
)

var update = flag.Bool("update", false, "rewrite the golden files in testdata/")

func write(t testing.TB, f Format, docs []*faultline.Document) []byte {
	t.Helper()
	var buf bytes.Buffer
	if err := Write(context.Background(), &buf, f, DocumentList(docs), Options{Now: testNow}); err != nil {
		t.Fatalf("Write %s: %v", f, err)
	}
	return buf.Bytes()
}

func TestGolden(t *testing.T) {
	files := map[Format]string{
		FormatJSONL:         "sample.jsonl",
		FormatCSV:           "sample.csv",
		FormatGDELT:         "sample.export.CSV",
		FormatGDELTMentions: "sample.mentions.CSV",
		FormatPLOVER:        "sample.plover.jsonl",
		FormatGeoJSON:       "sample.geojson",
	}
	if len(files) != len(Formats()) {
		t.Fatalf("golden files for %d formats, Formats() has %d", len(files), len(Formats()))
	}
	for _, f := range Formats() {
		t.Run(string(f), func(t *testing.T) {
			got := write(t, f, sampleDocs())
			path := filepath.Join("testdata", files[f])
			if *update {
				if err := os.WriteFile(path, got, 0o644); err != nil {
					t.Fatal(err)
				}
			}
			want, err := os.ReadFile(path)
			if err != nil {
				t.Fatalf("%v (run go test ./export -update to create it)", err)
			}
			if !bytes.Equal(got, want) {
				t.Errorf("%s differs from %s (run with -update after checking the diff):\n got:\n%s", f, path, got)
			}
		})
	}
}

func TestSampleSpans(t *testing.T) {
	for _, d := range sampleDocs() {
		check := func(layer string, s, e int, text string) {
			if s < 0 || e > len(d.Text) || s > e || d.Text[s:e] != text {
				t.Errorf("%s %s: span [%d,%d) does not hold %q", d.ID, layer, s, e, text)
			}
		}
		for _, ent := range d.Entities {
			for _, m := range ent.Mentions {
				check("entity "+ent.ID, m.Start, m.End, m.Text)
			}
		}
		for _, p := range d.Places {
			for _, m := range p.Mentions {
				check("place "+p.ID, m.Start, m.End, m.Text)
			}
		}
		for _, ev := range d.Events {
			check("trigger "+ev.ID, ev.Trigger.Start, ev.Trigger.End, ev.Trigger.Text)
		}
	}
}

func TestColumnLists(t *testing.T) {
	if n := len(GDELTEventColumns); n != 61 {
		t.Errorf("GDELTEventColumns has %d names, the GDELT 2.0 Event codebook has 61", n)
	}
	if n := len(GDELTMentionColumns); n != 16 {
		t.Errorf("GDELTMentionColumns has %d names, the GDELT 2.0 Mentions codebook has 16", n)
	}
	for _, cols := range [][]string{GDELTEventColumns, GDELTMentionColumns, CSVHeader} {
		seen := map[string]bool{}
		for _, c := range cols {
			if seen[c] {
				t.Errorf("column %s appears twice", c)
			}
			seen[c] = true
		}
	}
}

// checkTSV checks that every line of a tab-separated file has n fields,
// both split on tabs and read by encoding/csv as a strict reader (tab,
// LazyQuotes off: a stray double quote is an error, as in pandas and R),
// and returns the rows.
func checkTSV(t testing.TB, data []byte, n int) [][]string {
	t.Helper()
	var rows [][]string
	sc := bufio.NewScanner(bytes.NewReader(data))
	sc.Buffer(make([]byte, 1<<20), 1<<24)
	for line := 1; sc.Scan(); line++ {
		fields := strings.Split(sc.Text(), "\t")
		if len(fields) != n {
			t.Fatalf("line %d has %d tab-separated fields, want %d: %q", line, len(fields), n, sc.Text())
		}
		rows = append(rows, fields)
	}
	r := csv.NewReader(bytes.NewReader(data))
	r.Comma = '\t'
	r.LazyQuotes = false
	r.FieldsPerRecord = n
	recs, err := r.ReadAll()
	if err != nil {
		t.Fatalf("encoding/csv (tab, LazyQuotes off) cannot read the file as %d columns: %v", n, err)
	}
	if len(recs) != len(rows) {
		t.Fatalf("encoding/csv read %d records, the file has %d lines", len(recs), len(rows))
	}
	for i := range recs {
		if !slices.Equal(recs[i], rows[i]) {
			t.Fatalf("record %d read by encoding/csv differs from the tab split:\n%q\n%q", i+1, recs[i], rows[i])
		}
	}
	return rows
}

func col(name string) int { return slices.Index(GDELTEventColumns, name) }

func TestGDELTRows(t *testing.T) {
	rows := checkTSV(t, write(t, FormatGDELT, sampleDocs()), 61)
	if len(rows) != 4 {
		t.Fatalf("got %d event rows, want 4", len(rows))
	}
	get := func(row int, name string) string { return rows[row][col(name)] }
	tests := []struct {
		row        int
		column     string
		want       string
		whyCovered string
	}{
		{0, "Day", "20170320", "event date"},
		{0, "MonthYear", "201703", ""},
		{0, "Year", "2017", ""},
		{0, "FractionDate", "2017.2192", "((3-1)*30+20)/365"},
		{0, "Actor1Code", "IRQMIL", ""},
		{0, "Actor1Name", "SHI'ITE MILITIA", "upper-cased entity name"},
		{0, "Actor1CountryCode", "IRQ", ""},
		{0, "Actor1Type1Code", "MIL", ""},
		{0, "Actor1Type2Code", "REB", ""},
		{0, "Actor2Name", "U.S.-LED COALITION", ""},
		{0, "IsRootEvent", "1", "lead paragraph"},
		{0, "EventCode", "138", ""},
		{0, "EventBaseCode", "138", ""},
		{0, "EventRootCode", "13", ""},
		{0, "QuadClass", "3", ""},
		{0, "GoldsteinScale", "-7", ""},
		{0, "NumMentions", "1", ""},
		{0, "NumSources", "1", ""},
		{0, "NumArticles", "1", ""},
		{0, "AvgTone", "0", ""},
		{0, "Actor1Geo_Type", "0", "the militia has no place"},
		{0, "Actor1Geo_FullName", "", ""},
		{0, "ActionGeo_Type", "4", "world city"},
		{0, "ActionGeo_FullName", "Mosul, Nineveh, Iraq", ""},
		{0, "ActionGeo_CountryCode", "IZ", "FIPS, not ISO IQ"},
		{0, "ActionGeo_Lat", "36.335", ""},
		{0, "ActionGeo_Long", "43.1189", ""},
		{0, "ActionGeo_FeatureID", "99072", ""},
		{0, "DATEADDED", "20170324101500", "Options.Now"},
		{0, "SOURCEURL", "https://www.example-news.com/world/mosul-militia", ""},
		{1, "Day", "20170323", "no event date: publication date"},
		{1, "EventCode", "0311", "leading zero kept"},
		{1, "EventBaseCode", "031", ""},
		{1, "EventRootCode", "03", ""},
		{1, "IsRootEvent", "1", "sentence 2 is still in the lead paragraph"},
		{1, "Actor2Geo_Type", "4", "Baghdad's place"},
		{1, "Actor2Geo_FullName", "Baghdad, Iraq", "admin1 equal to the name is not repeated"},
		{1, "ActionGeo_Type", "0", "no event place"},
		{2, "Day", "20170323", "partial event date: publication date"},
		{2, "EventCode", "010", ""},
		{2, "EventBaseCode", "010", ""},
		{2, "EventRootCode", "01", ""},
		{2, "IsRootEvent", "0", "second paragraph"},
		{2, "Actor2Code", "", "no target"},
		{2, "Actor2Name", "", ""},
		{2, "ActionGeo_Type", "5", "admin1 outside the US"},
		{3, "Day", "20170322", "RFC 3339 publication date"},
		{3, "SOURCEURL", "corpus/kyiv.txt", "no URL: the path"},
		{3, "GoldsteinScale", "-6.5", ""},
	}
	for _, tt := range tests {
		if got := get(tt.row, tt.column); got != tt.want {
			t.Errorf("row %d %s = %q, want %q %s", tt.row, tt.column, got, tt.want, tt.whyCovered)
		}
	}
	ids := map[string]bool{}
	for _, r := range rows {
		ids[r[0]] = true
	}
	if len(ids) != len(rows) {
		t.Errorf("GlobalEventIDs are not unique: %d ids for %d rows", len(ids), len(rows))
	}
}

func TestMentionsRows(t *testing.T) {
	rows := checkTSV(t, write(t, FormatGDELTMentions, sampleDocs()), 16)
	if len(rows) != 4 {
		t.Fatalf("got %d mention rows, want 4", len(rows))
	}
	m := func(name string) int { return slices.Index(GDELTMentionColumns, name) }
	d := sampleDoc()
	tests := []struct {
		row    int
		column string
		want   string
	}{
		{0, "EventTimeDate", "20170324101500"},
		{0, "MentionTimeDate", "20170324101500"},
		{0, "MentionType", "1"},
		{0, "MentionSourceName", "example-news.com"},
		{0, "SentenceID", "1"},
		{0, "Actor1CharOffset", "0"},
		{0, "Actor2CharOffset", "47"},
		{0, "ActionCharOffset", "36"},
		{0, "Confidence", "81"},
		{0, "MentionDocLen", itoa(len([]rune(d.Text)))},
		{1, "SentenceID", "2"},
		{1, "Actor1CharOffset", itoa(strings.Index(d.Text, "the militia"))},
		{2, "Actor2CharOffset", "-1"},
		{3, "MentionType", "2"},
		{3, "MentionIdentifier", "Kyiv march, corpus/kyiv.txt"},
		{3, "MentionSourceName", ""},
	}
	for _, tt := range tests {
		if got := rows[tt.row][m(tt.column)]; got != tt.want {
			t.Errorf("row %d %s = %q, want %q", tt.row, tt.column, got, tt.want)
		}
	}
	events := checkTSV(t, write(t, FormatGDELT, sampleDocs()), 61)
	for i := range rows {
		if rows[i][0] != events[i][0] {
			t.Errorf("mention %d GlobalEventID %s, event row has %s", i, rows[i][0], events[i][0])
		}
	}
}

func itoa(n int) string { return strconv.Itoa(n) }

func TestHeaderOption(t *testing.T) {
	for f, cols := range map[Format][]string{FormatGDELT: GDELTEventColumns, FormatGDELTMentions: GDELTMentionColumns} {
		var buf bytes.Buffer
		if err := Write(context.Background(), &buf, f, DocumentList(sampleDocs()), Options{Now: testNow, Header: true}); err != nil {
			t.Fatal(err)
		}
		rows := checkTSV(t, buf.Bytes(), len(cols))
		if !slices.Equal(rows[0], cols) || len(rows) != 5 {
			t.Errorf("%s with Header: first row %v, %d rows", f, rows[0], len(rows))
		}
	}
}

func TestMergedEventCounts(t *testing.T) {
	a, b, c := sampleDoc(), sampleDoc(), sampleDoc()
	b.ID, c.ID = "second", "third"
	c.Source = faultline.Source{URL: "https://other.example.org/x"}
	merged := &Event{Doc: a, Event: &a.Events[0], Mentions: []Mention{
		{Doc: a, Event: &a.Events[0], Tone: -4},
		{Doc: b, Event: &b.Events[0], Tone: -2},
		{Doc: c, Event: &c.Events[0]},
	}}
	events := func(yield func(*Event) error) error { return yield(merged) }
	var ev, mn bytes.Buffer
	if err := WriteEvents(context.Background(), &ev, FormatGDELT, events, Options{Now: testNow}); err != nil {
		t.Fatal(err)
	}
	if err := WriteEvents(context.Background(), &mn, FormatGDELTMentions, events, Options{Now: testNow}); err != nil {
		t.Fatal(err)
	}
	row := checkTSV(t, ev.Bytes(), 61)[0]
	for name, want := range map[string]string{"NumMentions": "3", "NumSources": "2", "NumArticles": "3", "AvgTone": "-2"} {
		if got := row[col(name)]; got != want {
			t.Errorf("%s = %s, want %s", name, got, want)
		}
	}
	mrows := checkTSV(t, mn.Bytes(), 16)
	if len(mrows) != 3 {
		t.Fatalf("%d mention rows, want 3", len(mrows))
	}
	for _, r := range mrows {
		if r[0] != row[0] {
			t.Errorf("mention GlobalEventID %s, event %s", r[0], row[0])
		}
	}
	if mrows[2][4] != "other.example.org" {
		t.Errorf("third mention source %q, want other.example.org", mrows[2][4])
	}
	var jl bytes.Buffer
	if err := WriteEvents(context.Background(), &jl, FormatJSONL, events, Options{}); err != nil {
		t.Fatal(err)
	}
	if n := bytes.Count(jl.Bytes(), []byte("\n")); n != 3 {
		t.Errorf("jsonl of a merged event wrote %d documents, want its 3", n)
	}
}

func TestFractionDate(t *testing.T) {
	tests := []struct {
		day  string
		want float64
	}{
		{"2021-03-23", 2021.2274}, // a published GDELT row
		{"2017-01-01", 2017.0027},
		{"2016-12-31", 2016.9890},
	}
	for _, tt := range tests {
		d, _ := time.Parse("2006-01-02", tt.day)
		if got := fractionDate(d); got != tt.want {
			t.Errorf("fractionDate(%s) = %v, want %v", tt.day, got, tt.want)
		}
	}
}

func TestCountryTable(t *testing.T) {
	if len(countries) < 245 {
		t.Errorf("country table has %d rows, want every ISO 3166-1 code (249)", len(countries))
	}
	iso3, fips := map[string]string{}, map[string]string{}
	for iso2, c := range countries {
		if len(c.ISO2) != 2 || len(c.ISO3) != 3 || (c.FIPS != "" && len(c.FIPS) != 2) || c.Name == "" {
			t.Errorf("malformed row %+v", c)
		}
		if prev, ok := iso3[c.ISO3]; ok {
			t.Errorf("ISO3 %s used by %s and %s", c.ISO3, prev, iso2)
		}
		iso3[c.ISO3] = iso2
		if c.FIPS == "" {
			continue
		}
		if prev, ok := fips[c.FIPS]; ok {
			t.Errorf("FIPS %s used by %s and %s", c.FIPS, prev, iso2)
		}
		fips[c.FIPS] = iso2
	}
	for iso, want := range map[string]string{"IQ": "IZ", "DE": "GM", "GB": "UK", "US": "US", "CN": "CH", "RU": "RS",
		"UA": "UP", "IL": "IS", "PS": "WE", "SS": "OD", "XK": "KV", "AU": "AS", "AT": "AU", "ZA": "SF", "sy": "SY", "ZZ": ""} {
		if got := FIPSCountry(iso); got != want {
			t.Errorf("FIPSCountry(%s) = %q, want %q", iso, got, want)
		}
	}
	if got := ISO3Country("IQ"); got != "IRQ" {
		t.Errorf("ISO3Country(IQ) = %q", got)
	}
}

// ploverDocumentedFields reads the field paths from the table in PLOVER.md.
func ploverDocumentedFields(t *testing.T) []string {
	t.Helper()
	data, err := os.ReadFile("PLOVER.md")
	if err != nil {
		t.Fatal(err)
	}
	re := regexp.MustCompile("(?m)^\\| `([^`]+)` \\|")
	var out []string
	for _, m := range re.FindAllStringSubmatch(string(data), -1) {
		out = append(out, m[1])
	}
	if len(out) < 20 {
		t.Fatalf("found only %d fields in PLOVER.md", len(out))
	}
	sort.Strings(out)
	return out
}

// jsonPaths lists the paths of every key in v, with "." between levels and
// "[]" for list elements.
func jsonPaths(prefix string, v any, out map[string]bool) {
	switch x := v.(type) {
	case map[string]any:
		for k, child := range x {
			p := k
			if prefix != "" {
				p = prefix + "." + k
			}
			out[p] = true
			jsonPaths(p, child, out)
		}
	case []any:
		for _, child := range x {
			if _, isObj := child.(map[string]any); isObj {
				jsonPaths(prefix+"[]", child, out)
			}
		}
	}
}

func TestPLOVERFields(t *testing.T) {
	documented := ploverDocumentedFields(t)
	types := PLOVERFields()
	if len(types) != len(documented) {
		t.Fatalf("PLOVERFields has %d fields, the table of PLOVER.md %d", len(types), len(documented))
	}
	known := []string{"string", "number", "boolean", "object", "object or null", "list of string", "list of object"}
	for f, typ := range types {
		if !slices.Contains(known, typ) {
			t.Errorf("PLOVER.md gives %s the type %q, which ValidatePLOVER does not know", f, typ)
		}
	}
	data := write(t, FormatPLOVER, sampleDocs())
	n, err := ValidatePLOVER(bytes.NewReader(data))
	if err != nil || n != 4 {
		t.Fatalf("ValidatePLOVER = %d records, %v; want 4 valid records", n, err)
	}
	all := map[string]bool{}
	sc := bufio.NewScanner(bytes.NewReader(data))
	for sc.Scan() {
		var rec map[string]any
		if err := json.Unmarshal(sc.Bytes(), &rec); err != nil {
			t.Fatal(err)
		}
		jsonPaths("", rec, all)
	}
	for _, f := range documented {
		if !all[f] {
			t.Errorf("PLOVER.md lists %s but no sample record has it", f)
		}
	}
	// records that break the contract
	first := strings.SplitN(string(data), "\n", 2)[0]
	var rec map[string]any
	if err := json.Unmarshal([]byte(first), &rec); err != nil {
		t.Fatal(err)
	}
	tests := []struct {
		name   string
		change func(map[string]any)
		says   string
	}{
		{"extra field", func(r map[string]any) { r["tone"] = 1.5 }, "tone is not in PLOVER.md"},
		{"missing field", func(r map[string]any) { delete(r, "event_type") }, "lacks field event_type"},
		{"wrong type", func(r map[string]any) { r["quad_class"] = "3" }, "quad_class is string, PLOVER.md says number"},
		{"list of wrong type", func(r map[string]any) { r["contexts"] = []any{1.0} }, "contexts is list"},
		{"nested extra field", func(r map[string]any) {
			r["attributes"].(map[string]any)["ACTOR"] = []any{map[string]any{"text": "x", "role": "y"}}
		}, "attributes.ACTOR[].role"},
		{"null where not allowed", func(r map[string]any) { r["headline"] = nil }, "headline is null"},
	}
	for _, tt := range tests {
		var r map[string]any
		json.Unmarshal([]byte(first), &r)
		tt.change(r)
		b, _ := json.Marshal(r)
		_, err := ValidatePLOVER(bytes.NewReader(append(append([]byte(first), '\n'), b...)))
		if faultline.ErrorCode(err) != faultline.EINVALID || !strings.Contains(err.Error(), tt.says) || !strings.Contains(err.Error(), "record 2") {
			t.Errorf("%s: ValidatePLOVER = %v, want record 2 and %q", tt.name, err, tt.says)
		}
	}
	if _, err := ValidatePLOVER(strings.NewReader("[1]\n")); faultline.ErrorCode(err) != faultline.EINVALID {
		t.Errorf("a JSON list: %v", err)
	}
}

func TestGeoJSON(t *testing.T) {
	var fc struct {
		Type     string `json:"type"`
		Features []struct {
			Type     string `json:"type"`
			Geometry struct {
				Type        string    `json:"type"`
				Coordinates []float64 `json:"coordinates"`
			} `json:"geometry"`
			Properties map[string]any `json:"properties"`
		} `json:"features"`
	}
	if err := json.Unmarshal(write(t, FormatGeoJSON, sampleDocs()), &fc); err != nil {
		t.Fatal(err)
	}
	if fc.Type != "FeatureCollection" || len(fc.Features) != 2 {
		t.Fatalf("type %q with %d features, want a FeatureCollection of the 2 events with places", fc.Type, len(fc.Features))
	}
	f := fc.Features[0]
	if f.Geometry.Type != "Point" || !slices.Equal(f.Geometry.Coordinates, []float64{43.11889, 36.335}) {
		t.Errorf("geometry %+v, want Point [lon, lat] of Mosul", f.Geometry)
	}
	if f.Properties["cameo"] != "138" || f.Properties["source_name"] != "Shi'ite militia" {
		t.Errorf("properties %v", f.Properties)
	}
	var empty bytes.Buffer
	if err := Write(context.Background(), &empty, FormatGeoJSON, nil, Options{}); err != nil {
		t.Fatal(err)
	}
	if err := json.Unmarshal(empty.Bytes(), &fc); err != nil || len(fc.Features) != 0 {
		t.Errorf("empty export is not an empty FeatureCollection: %v %q", err, empty.String())
	}
}

func TestJSONLRoundTrip(t *testing.T) {
	sc := bufio.NewScanner(bytes.NewReader(write(t, FormatJSONL, sampleDocs())))
	sc.Buffer(make([]byte, 1<<20), 1<<24)
	var got []faultline.Document
	for sc.Scan() {
		var d faultline.Document
		if err := json.Unmarshal(sc.Bytes(), &d); err != nil {
			t.Fatal(err)
		}
		got = append(got, d)
	}
	if len(got) != 2 || got[0].ID != "d41c0ffee" || len(got[0].Events) != 3 || got[1].Events[0].CAMEO != "141" {
		t.Fatalf("round trip lost documents or events: %d docs", len(got))
	}
}

func TestCSV(t *testing.T) {
	r := csv.NewReader(bytes.NewReader(write(t, FormatCSV, sampleDocs())))
	r.FieldsPerRecord = len(CSVHeader)
	recs, err := r.ReadAll()
	if err != nil {
		t.Fatal(err)
	}
	if len(recs) != 5 || !slices.Equal(recs[0], CSVHeader) {
		t.Fatalf("%d records, header %v", len(recs), recs[0])
	}
	if recs[2][slices.Index(CSVHeader, "cameo")] != "0311" {
		t.Errorf("cameo lost its leading zero: %v", recs[2])
	}
}

func TestErrors(t *testing.T) {
	ctx := context.Background()
	docs := DocumentList(sampleDocs())
	if err := Write(ctx, io.Discard, "xml", docs, Options{Now: testNow}); faultline.ErrorCode(err) != faultline.EINVALID {
		t.Errorf("unknown format: %v (code %s), want invalid", err, faultline.ErrorCode(err))
	}
	for _, f := range []Format{FormatGDELT, FormatGDELTMentions} {
		if err := Write(ctx, io.Discard, f, docs, Options{}); faultline.ErrorCode(err) != faultline.EINVALID {
			t.Errorf("%s without Now: %v, want invalid", f, err)
		}
	}
	cancelled, cancel := context.WithCancel(ctx)
	cancel()
	for _, f := range Formats() {
		err := Write(cancelled, io.Discard, f, docs, Options{Now: testNow})
		if !errors.Is(err, context.Canceled) || faultline.ErrorCode(err) != faultline.EUNAVAILABLE {
			t.Errorf("%s on a cancelled context: %v", f, err)
		}
	}
	boom := faultline.Errorf(faultline.ENOTFOUND, "store: gone")
	failing := func(func(*faultline.Document) error) error { return boom }
	if err := Write(ctx, io.Discard, FormatCSV, failing, Options{}); !errors.Is(err, boom) {
		t.Errorf("iterator error not returned: %v", err)
	}
	if _, err := ParseFormat(" GDELT-Mentions "); err != nil {
		t.Errorf("ParseFormat: %v", err)
	}
	for _, f := range Formats() {
		err := Write(ctx, failWriter{}, f, docs, Options{Now: testNow})
		if faultline.ErrorCode(err) != faultline.EUNAVAILABLE || !strings.Contains(err.Error(), "disk full") ||
			!strings.Contains(err.Error(), "writing the output") {
			t.Errorf("%s to a failing writer: %v", f, err)
		}
	}
	plain := func(func(*faultline.Document) error) error { return errors.New("sqlite: locked") }
	if err := Write(ctx, io.Discard, FormatGDELT, plain, Options{Now: testNow}); !strings.Contains(fmt.Sprint(err), "reading the documents") {
		t.Errorf("iterator failure reported as %v", err)
	}
}

type failWriter struct{}

func (failWriter) Write([]byte) (int, error) { return 0, errors.New("disk full") }

func TestGlobalEventIDStable(t *testing.T) {
	a := GlobalEventID("d41c0ffee", "V1")
	if a != GlobalEventID("d41c0ffee", "V1") || a <= 0 {
		t.Errorf("GlobalEventID not stable or not positive: %d", a)
	}
	if a == GlobalEventID("d41c0ffeeV", "1") {
		t.Error("GlobalEventID does not separate document and event ids")
	}
}

func BenchmarkWriteGDELT(b *testing.B) {
	docs := make([]*faultline.Document, 100)
	for i := range docs {
		docs[i] = sampleDoc()
	}
	b.ReportAllocs()
	for b.Loop() {
		if err := Write(context.Background(), io.Discard, FormatGDELT, DocumentList(docs), Options{Now: testNow}); err != nil {
			b.Fatal(err)
		}
	}
}
