package http

import (
	"compress/gzip"
	"context"
	"crypto/sha256"
	"encoding/hex"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"log/slog"
	"net"
	nethttp "net/http"
	"net/http/httptest"
	"net/url"
	"path/filepath"
	"slices"
	"strings"
	"testing"
	"time"

	"github.com/faultline-news/faultline"
	"github.com/faultline-news/faultline/sqlite"
)

// fixture is one hand-built document: its sentences, each with at most
// one event between two actors at a place.
type fixtureEvent struct {
	sentence                    string
	source, target              string // actor names
	sourceCode, targetCode      string
	verb, cameo, plover         string
	place, country              string
	lat, lon                    float64
	negated, hypothetical       bool
	quote, speaker, quoteCue    string
	quoteDirect                 bool
	quoteStartInSentence        int
	quoteEndInSentence          int
	placeStartInSentence, quad  int
	goldstein                   float64
	date                        string
	placeEntityType, entityType string
}

// buildDoc assembles a document from sentences; every span is computed
// from the text, so text[start:end] holds.
func buildDoc(t testing.TB, title, published string, sents []fixtureEvent) *faultline.Document {
	t.Helper()
	doc := &faultline.Document{Schema: faultline.SchemaDocument, Title: title, Published: published, Language: "en"}
	var text strings.Builder
	entities := map[string]string{}
	entity := func(name, code string) string {
		if id, ok := entities[name]; ok {
			return id
		}
		id := fmt.Sprintf("E%d", len(entities)+1)
		entities[name] = id
		doc.Entities = append(doc.Entities, faultline.Entity{ID: id, Name: name, Type: faultline.EntityGPE,
			Actor: &faultline.Actor{Code: code, Country: code[:min(3, len(code))]}})
		return id
	}
	places := map[string]string{}
	for i, s := range sents {
		start := text.Len()
		text.WriteString(s.sentence)
		doc.Sentences = append(doc.Sentences, faultline.Sentence{Start: start, End: text.Len()})
		text.WriteString(" ")
		var pid *string
		if s.place != "" {
			id, ok := places[s.place]
			if !ok {
				id = fmt.Sprintf("P%d", len(places)+1)
				places[s.place] = id
				at := start + strings.Index(s.sentence, s.place)
				doc.Places = append(doc.Places, faultline.Place{ID: id, Name: s.place, Lat: s.lat, Lon: s.lon, Country: s.country,
					Kind: "city", GeonamesID: 100 + len(places), Confidence: 0.9,
					Mentions: []faultline.Mention{{Start: at, End: at + len(s.place), Text: s.place}}})
			}
			pid = &id
		}
		if s.verb != "" {
			src, tgt := entity(s.source, s.sourceCode), entity(s.target, s.targetCode)
			at := start + strings.Index(s.sentence, s.verb)
			if at < start {
				t.Fatalf("verb %q not in %q", s.verb, s.sentence)
			}
			doc.Events = append(doc.Events, faultline.Event{ID: fmt.Sprintf("V%d", len(doc.Events)+1),
				Source: &src, Target: &tgt, SourceText: s.source, TargetText: s.target,
				SourceCode: s.sourceCode, TargetCode: s.targetCode, CAMEO: s.cameo,
				Plover: faultline.Plover{Type: s.plover, Context: []string{}}, QuadClass: s.quad, Goldstein: s.goldstein,
				Trigger:  faultline.Mention{Start: at, End: at + len(s.verb), Text: s.verb},
				Sentence: i, Negated: s.negated, Hypothetical: s.hypothetical, Date: s.date, Place: pid, Confidence: 0.8})
		}
		if s.quote != "" {
			sp := entity(s.speaker, "")
			at := start + strings.Index(s.sentence, s.quote)
			doc.Quotes = append(doc.Quotes, faultline.Quote{Text: s.quote, Start: at, End: at + len(s.quote),
				Direct: s.quoteDirect, Speaker: &sp, SpeakerText: s.speaker, Cue: s.quoteCue})
		}
	}
	doc.Text = text.String()
	sum := sha256.Sum256([]byte(doc.Text))
	doc.ID = hex.EncodeToString(sum[:])
	doc.Source = faultline.Source{URL: "https://news.example/" + doc.ID[:8], Site: "news.example"}
	doc.Normalize()
	return doc
}

// fixtureDocs are three articles: fighting near Kyiv, talks in Geneva,
// protests in Caracas.
func fixtureDocs(t testing.TB) []*faultline.Document {
	return []*faultline.Document{
		buildDoc(t, "Shelling near Kyiv", "2024-03-01", []fixtureEvent{
			{sentence: "In Kyiv, Russia attacked Ukraine overnight.", source: "Russia", target: "Ukraine", sourceCode: "RUS", targetCode: "UKR",
				verb: "attacked", cameo: "190", plover: "ASSAULT", quad: 4, goldstein: -10, place: "Kyiv", country: "UA", lat: 50.45, lon: 30.52, date: "2024-03-01"},
			{sentence: "In Kharkiv, Russia shelled Ukraine again.", source: "Russia", target: "Ukraine", sourceCode: "RUS", targetCode: "UKR",
				verb: "shelled", cameo: "195", plover: "ASSAULT", quad: 4, goldstein: -10, place: "Kharkiv", country: "UA", lat: 49.99, lon: 36.23, date: "2024-02-29"},
			{sentence: "Russia did not threaten Ukraine in Kyiv.", source: "Russia", target: "Ukraine", sourceCode: "RUS", targetCode: "UKR",
				verb: "threaten", cameo: "138", plover: "THREATEN", quad: 3, goldstein: -7, place: "Kyiv", country: "UA", lat: 50.45, lon: 30.52, date: "2024-03-01", negated: true},
			{sentence: "\"We will defend every city\", Zelensky said.", quote: "We will defend every city", speaker: "Zelensky", quoteCue: "said", quoteDirect: true},
		}),
		buildDoc(t, "Talks in Geneva on a ceasefire", "2024-03-05", []fixtureEvent{
			{sentence: "In Geneva, the United States met China for talks on a ceasefire.", source: "the United States", target: "China", sourceCode: "USA", targetCode: "CHN",
				verb: "met", cameo: "036", plover: "CONSULT", quad: 1, goldstein: 4, place: "Geneva", country: "CH", lat: 46.20, lon: 6.15, date: "2024-03-05"},
			{sentence: "China may sanction the United States in Geneva.", source: "China", target: "the United States", sourceCode: "CHN", targetCode: "USA",
				verb: "sanction", cameo: "172", plover: "COERCE", quad: 4, goldstein: -5, place: "Geneva", country: "CH", lat: 46.20, lon: 6.15, date: "2024-03-06", hypothetical: true},
			{sentence: "The talks were useful, the envoy said.", quote: "The talks were useful", speaker: "the envoy", quoteCue: "said"},
		}),
		buildDoc(t, "Protests in Caracas", "2024-04-10", []fixtureEvent{
			{sentence: "In Caracas, protesters protested against Venezuela.", source: "protesters", target: "Venezuela", sourceCode: "VENOPP", targetCode: "VEN",
				verb: "protested against", cameo: "141", plover: "PROTEST", quad: 3, goldstein: -6.5, place: "Caracas", country: "VE", lat: 10.49, lon: -66.88, date: "2024-04-10"},
			{sentence: "\"We want change\", the organisers said in Caracas.", quote: "We want change", speaker: "the organisers", quoteCue: "said", quoteDirect: true, place: "Caracas"},
		}),
	}
}

// newTestServer opens a temporary store with the fixture documents and
// serves it.
func newTestServer(t *testing.T) (*httptest.Server, []*faultline.Document) {
	t.Helper()
	ctx := context.Background()
	store, err := sqlite.Open(ctx, filepath.Join(t.TempDir(), "api.db"))
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { store.Close() })
	docs := fixtureDocs(t)
	for _, d := range docs {
		for _, e := range d.Events {
			if got := d.Text[e.Trigger.Start:e.Trigger.End]; got != e.Trigger.Text {
				t.Fatalf("fixture trigger %q at %d:%d is %q", e.Trigger.Text, e.Trigger.Start, e.Trigger.End, got)
			}
		}
		for _, q := range d.Quotes {
			if got := d.Text[q.Start:q.End]; got != q.Text {
				t.Fatalf("fixture quote %q is %q", q.Text, got)
			}
		}
	}
	rs, err := store.PutBatch(ctx, docs)
	if err != nil {
		t.Fatal(err)
	}
	for i, r := range rs {
		if !r.Stored {
			t.Fatalf("fixture %d not stored: %+v", i, r)
		}
	}
	srv := NewServer(store, Options{Logger: slog.New(slog.DiscardHandler)})
	ts := httptest.NewServer(srv)
	t.Cleanup(ts.Close)
	return ts, docs
}

// get fetches path and decodes the JSON body into a generic value.
func get(t *testing.T, ts *httptest.Server, path string) (int, map[string]any) {
	t.Helper()
	resp, err := ts.Client().Get(ts.URL + path)
	if err != nil {
		t.Fatal(err)
	}
	defer resp.Body.Close()
	if ct := resp.Header.Get("Content-Type"); !strings.HasPrefix(ct, "application/json") {
		t.Errorf("%s: content type %q", path, ct)
	}
	var body map[string]any
	if err := json.NewDecoder(resp.Body).Decode(&body); err != nil {
		t.Fatalf("%s: decode: %v", path, err)
	}
	return resp.StatusCode, body
}

// items returns the values of field in each item of a list body.
func items(body map[string]any, field string) []string {
	var out []string
	list, _ := body["items"].([]any)
	for _, it := range list {
		m, _ := it.(map[string]any)
		switch v := m[field].(type) {
		case string:
			out = append(out, v)
		case float64:
			out = append(out, strings.TrimSuffix(strings.TrimRight(strings.TrimRight(jsonNumber(v), "0"), "."), "."))
		}
	}
	return out
}

func jsonNumber(v float64) string {
	b, _ := json.Marshal(v)
	return string(b)
}

func TestEndpoints(t *testing.T) {
	ts, docs := newTestServer(t)
	tests := []struct {
		name, path string
		field      string
		want       []string // the field of every item, in order
		total      int      // -1: not checked
	}{
		{"events all", "/api/events?negated=true&hypothetical=true", "cameo", []string{"141", "172", "036", "138", "190", "195"}, 6},
		{"events newest", "/api/events", "date", []string{"2024-04-10", "2024-03-05", "2024-03-01", "2024-02-29"}, 4},
		{"events actor code", "/api/events?actor=RUS", "cameo", []string{"190", "195"}, 2},
		{"events actor name", "/api/events?actor=united%20states", "cameo", []string{"036"}, 1},
		{"events source", "/api/events?source=RUS", "cameo", []string{"190", "195"}, 2},
		{"events target", "/api/events?target=RUS&negated=true&hypothetical=true", "cameo", nil, 0},
		{"events code prefix", "/api/events?code=19", "cameo", []string{"190", "195"}, 2},
		{"events plover", "/api/events?plover=protest", "cameo", []string{"141"}, 1},
		{"events place name", "/api/events?place=kharkiv", "cameo", []string{"195"}, 1},
		{"events country", "/api/events?place=CH&hypothetical=true", "cameo", []string{"172", "036"}, 2},
		{"events bbox", "/api/events?bbox=28,44,41,53", "place_name", []string{"Kyiv", "Kharkiv"}, 2},
		{"events near", "/api/events?near=50.4,30.5,50", "place_name", []string{"Kyiv"}, 1},
		{"events dates", "/api/events?from=2024-03-01&to=2024-03-31", "date", []string{"2024-03-05", "2024-03-01"}, 2},
		{"events text", "/api/events?text=ceasefire", "cameo", []string{"036"}, 1},
		{"events negated", "/api/events?negated=1&place=UA", "cameo", []string{"138", "190", "195"}, 3},
		{"events none", "/api/events?place=Atlantis", "cameo", nil, 0},
		{"events page 1", "/api/events?limit=2", "date", []string{"2024-04-10", "2024-03-05"}, 4},
		{"events page 2", "/api/events?limit=2&offset=2", "date", []string{"2024-03-01", "2024-02-29"}, 4},
		{"events past end", "/api/events?limit=2&offset=10", "date", nil, 4},
		{"counts", "/api/events/counts?place=UA&negated=true", "plover_type", []string{"ASSAULT", "ASSAULT", "THREATEN"}, -1},
		{"counts days", "/api/events/counts?from=2024-03-01", "day", []string{"2024-03-01", "2024-03-05", "2024-04-10"}, -1},
		{"clusters", "/api/events/clusters?cell=1&negated=true&hypothetical=true", "place", []string{"Geneva", "Kyiv", "Caracas", "Kharkiv"}, 6},
		{"clusters coarse", "/api/events/clusters?cell=45&place=UA&negated=true", "n", []string{"3"}, 3},
		{"clusters filtered", "/api/events/clusters?from=2024-03-01&to=2024-03-31", "place", []string{"Geneva", "Kyiv"}, 2},
		{"links", "/api/actors/links?actor=RUS", "n", []string{"2"}, 2},
		{"links limit", "/api/actors/links?limit=1&negated=true", "n", []string{"3"}, 3},
		{"actors", "/api/actors?actor=RUS", "name", []string{"Russia"}, -1},
		{"actors by name", "/api/actors?name=chin", "actor_code", []string{"CHN"}, -1},
		{"quotes", "/api/quotes", "speaker_text", []string{"the organisers", "the envoy", "Zelensky"}, -1},
		{"quotes direct", "/api/quotes?direct=true", "text", []string{"We want change", "We will defend every city"}, -1},
		{"quotes speaker", "/api/quotes?speaker=zel", "text", []string{"We will defend every city"}, -1},
		{"quotes text", "/api/quotes?text=talks", "speaker_text", []string{"the envoy"}, -1},
		{"quotes actor name", "/api/quotes?actor=zelen", "speaker_text", []string{"Zelensky"}, -1},
		{"quotes country", "/api/quotes?place=CH", "speaker_text", []string{"the envoy"}, -1},
		{"quotes near", "/api/quotes?near=50.4,30.5,50", "speaker_text", []string{"Zelensky"}, -1},
		{"quotes bbox", "/api/quotes?bbox=-80,0,-60,20", "speaker_text", []string{"the organisers"}, -1},
		{"quotes plover", "/api/quotes?plover=consult", "speaker_text", []string{"the envoy"}, -1},
		{"quotes dates", "/api/quotes?from=2024-03-02&to=2024-03-31", "speaker_text", []string{"the envoy"}, -1},
		{"places", "/api/places?country=ua", "name", []string{"Kyiv", "Kharkiv"}, -1},
		{"places name", "/api/places?name=GENEVA", "country", []string{"CH"}, -1},
		{"places bbox", "/api/places?bbox=-80,0,-60,20", "name", []string{"Caracas"}, -1},
		{"search", "/api/search?q=ceasefire", "title", []string{"Talks in Geneva on a ceasefire"}, -1},
		{"search bad syntax", "/api/search?q=%22ceasefire", "title", []string{"Talks in Geneva on a ceasefire"}, -1},
		{"documents", "/api/documents", "title", []string{docs[0].Title, docs[1].Title, docs[2].Title}, 3},
		{"documents page", "/api/documents?limit=1&offset=1", "title", []string{docs[1].Title}, 3},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			status, body := get(t, ts, tt.path)
			if status != 200 {
				t.Fatalf("status %d: %v", status, body)
			}
			if got := items(body, tt.field); !slices.Equal(got, tt.want) {
				t.Errorf("%s: got %q, want %q", tt.field, got, tt.want)
			}
			if tt.total >= 0 {
				if got, _ := body["total"].(float64); int(got) != tt.total {
					t.Errorf("total %v, want %d", body["total"], tt.total)
				}
			}
		})
	}
}

func TestEventsProvenance(t *testing.T) {
	ts, docs := newTestServer(t)
	_, body := get(t, ts, "/api/events?negated=true&hypothetical=true")
	byID := map[string]*faultline.Document{}
	for _, d := range docs {
		byID[d.ID] = d
	}
	for _, it := range body["items"].([]any) {
		e := it.(map[string]any)
		d := byID[e["document_id"].(string)]
		if d == nil {
			t.Fatalf("event of unknown document: %v", e)
		}
		ts, te := int(e["trigger_start"].(float64)), int(e["trigger_end"].(float64))
		if d.Text[ts:te] != e["trigger_text"] {
			t.Errorf("trigger %q at %d:%d is %q in the text", e["trigger_text"], ts, te, d.Text[ts:te])
		}
		ss, se := int(e["sentence_start"].(float64)), int(e["sentence_end"].(float64))
		if d.Text[ss:se] != e["sentence_text"] {
			t.Errorf("sentence %q at %d:%d is %q in the text", e["sentence_text"], ss, se, d.Text[ss:se])
		}
	}
}

func TestPagination(t *testing.T) {
	ts, _ := newTestServer(t)
	for _, start := range []string{
		"/api/events?limit=1&negated=true&hypothetical=true",
		"/api/quotes?limit=1",
		"/api/places?limit=2",
		"/api/actors?limit=2",
		"/api/documents?limit=2",
	} {
		t.Run(start, func(t *testing.T) {
			var all []any
			path := start
			for range 20 {
				status, body := get(t, ts, path)
				if status != 200 {
					t.Fatalf("%s: status %d %v", path, status, body)
				}
				all = append(all, body["items"].([]any)...)
				next, _ := body["next"].(string)
				if next == "" {
					break
				}
				path = next
			}
			u, _ := url.Parse(start)
			q := u.Query()
			q.Set("limit", "1000")
			_, body := get(t, ts, u.Path+"?"+q.Encode())
			if want := body["items"].([]any); len(all) != len(want) {
				t.Errorf("following next gave %d items, one page of 1000 gives %d", len(all), len(want))
			}
			if total, ok := body["total"].(float64); ok && int(total) != len(all) {
				t.Errorf("total %v, paged through %d", total, len(all))
			}
		})
	}
}

func TestDocument(t *testing.T) {
	ts, docs := newTestServer(t)
	resp, err := ts.Client().Get(ts.URL + "/api/documents/" + docs[1].ID)
	if err != nil {
		t.Fatal(err)
	}
	defer resp.Body.Close()
	if resp.StatusCode != 200 {
		t.Fatalf("status %d", resp.StatusCode)
	}
	var got faultline.Document
	if err := json.NewDecoder(resp.Body).Decode(&got); err != nil {
		t.Fatal(err)
	}
	if got.ID != docs[1].ID || got.Text != docs[1].Text || got.Schema != faultline.SchemaDocument || len(got.Events) != 2 || len(got.Quotes) != 1 {
		t.Errorf("got %+v", got)
	}
	for _, p := range got.Places {
		for _, m := range p.Mentions {
			if got.Text[m.Start:m.End] != m.Text {
				t.Errorf("place mention %q is %q", m.Text, got.Text[m.Start:m.End])
			}
		}
	}
}

func TestErrors(t *testing.T) {
	ts, _ := newTestServer(t)
	tests := []struct {
		path   string
		status int
		code   string
		says   string // in the message
	}{
		{"/api/documents/nope", 404, faultline.ENOTFOUND, "nope"},
		{"/api/nothing", 404, faultline.ENOTFOUND, "openapi.json"},
		{"/index.html", 404, faultline.ENOTFOUND, "/api/"},
		{"/api/events?bbox=1,2,3", 400, faultline.EINVALID, `"bbox"`},
		{"/api/events?bbox=3,2,1,4", 400, faultline.EINVALID, "min ≤ max"},
		{"/api/events?bbox=a,2,3,4", 400, faultline.EINVALID, "minLon,minLat,maxLon,maxLat"},
		{"/api/events?near=50,30", 400, faultline.EINVALID, "lat,lon,km"},
		{"/api/events?near=50,30,-1", 400, faultline.EINVALID, "positive radius"},
		{"/api/events?from=2024-13-01", 400, faultline.EINVALID, "YYYY-MM-DD"},
		{"/api/events?from=2024-03-02&to=2024-03-01", 400, faultline.EINVALID, `"to"`},
		{"/api/events?limit=0", 400, faultline.EINVALID, `"limit"`},
		{"/api/events?limit=abc", 400, faultline.EINVALID, "integer from 1 to 1000"},
		{"/api/events?offset=-1", 400, faultline.EINVALID, `"offset"`},
		{"/api/events?negated=maybe", 400, faultline.EINVALID, "true or false"},
		{"/api/events?plce=UA", 400, faultline.EINVALID, "unknown parameter"},
		{"/api/events?place=UA&place=RU", 400, faultline.EINVALID, "more than once"},
		{"/api/events/clusters?cell=0", 400, faultline.EINVALID, `"cell"`},
		{"/api/events/clusters?cell=abc", 400, faultline.EINVALID, "number from"},
		{"/api/events/clusters?limit=5", 400, faultline.EINVALID, "unknown parameter"},
		{"/api/events/counts?limit=5", 400, faultline.EINVALID, "unknown parameter"},
		{"/api/quotes?direct=yes", 400, faultline.EINVALID, `"direct"`},
		{"/api/places?bbox=0,0", 400, faultline.EINVALID, `"bbox"`},
		{"/api/search", 400, faultline.EINVALID, `"q"`},
		{"/api/search?q=%20%20", 400, faultline.EINVALID, `"q"`},
		{"/api/search?q=x&limit=101", 400, faultline.EINVALID, "1 to 100"},
		{"/api/openapi.json?x=1", 400, faultline.EINVALID, "takes no parameters"},
	}
	for _, tt := range tests {
		t.Run(tt.path, func(t *testing.T) {
			status, body := get(t, ts, tt.path)
			e, _ := body["error"].(map[string]any)
			if status != tt.status || e["code"] != tt.code {
				t.Fatalf("got %d %v, want %d %s", status, body, tt.status, tt.code)
			}
			if msg, _ := e["message"].(string); !strings.Contains(msg, tt.says) {
				t.Errorf("message %q does not say %q", msg, tt.says)
			}
		})
	}
}

func TestMethodNotAllowed(t *testing.T) {
	ts, _ := newTestServer(t)
	resp, err := ts.Client().Post(ts.URL+"/api/events", "application/json", strings.NewReader("{}"))
	if err != nil {
		t.Fatal(err)
	}
	defer resp.Body.Close()
	var body errorBody
	json.NewDecoder(resp.Body).Decode(&body)
	if resp.StatusCode != 405 || resp.Header.Get("Allow") != "GET, HEAD" || body.Error.Code != faultline.EINVALID {
		t.Errorf("got %d, Allow %q, %+v", resp.StatusCode, resp.Header.Get("Allow"), body)
	}
	resp, err = ts.Client().Head(ts.URL + "/api/events")
	if err != nil {
		t.Fatal(err)
	}
	resp.Body.Close()
	if resp.StatusCode != 200 {
		t.Errorf("HEAD: %d", resp.StatusCode)
	}
}

func TestPanicBecomesJSON500(t *testing.T) {
	boom := nethttp.HandlerFunc(func(nethttp.ResponseWriter, *nethttp.Request) { panic("boom") })
	srv := NewServer(nil, Options{Static: boom, Logger: slog.New(slog.DiscardHandler)})
	rec := httptest.NewRecorder()
	srv.ServeHTTP(rec, httptest.NewRequest("GET", "/page", nil))
	var body errorBody
	if err := json.Unmarshal(rec.Body.Bytes(), &body); err != nil || rec.Code != 500 || body.Error.Code != faultline.EINTERNAL {
		t.Errorf("got %d %q (%v)", rec.Code, rec.Body.String(), err)
	}
}

func TestStaticHandler(t *testing.T) {
	page := nethttp.HandlerFunc(func(w nethttp.ResponseWriter, r *nethttp.Request) { io.WriteString(w, "<html>") })
	srv := NewServer(nil, Options{Static: page})
	rec := httptest.NewRecorder()
	srv.ServeHTTP(rec, httptest.NewRequest("GET", "/", nil))
	if rec.Body.String() != "<html>" {
		t.Errorf("got %q", rec.Body.String())
	}
}

func TestGzip(t *testing.T) {
	ts, _ := newTestServer(t)
	for _, tt := range []struct {
		accept string
		gzip   bool
	}{
		{"gzip, deflate, br", true},
		{"br;q=1.0, gzip;q=0.5", true},
		{"*", true},
		{"gzip;q=0", false},
		{"identity", false},
		{"", false},
		{"*;q=0, gzip", true},
		{"gzip;q=0.000, *", false},
		{"deflate, *;q=0.1", true},
		{"GZIP ; q=0.001", true},
	} {
		req, _ := nethttp.NewRequest("GET", ts.URL+"/api/events?negated=true&hypothetical=true", nil)
		if tt.accept != "" {
			req.Header.Set("Accept-Encoding", tt.accept)
		}
		// A transport that does not ask for or undo gzip by itself.
		resp, err := (&nethttp.Transport{DisableCompression: true}).RoundTrip(req)
		if err != nil {
			t.Fatal(err)
		}
		var r io.Reader = resp.Body
		if got := resp.Header.Get("Content-Encoding") == "gzip"; got != tt.gzip {
			t.Errorf("Accept-Encoding %q: gzip %v, want %v", tt.accept, got, tt.gzip)
		} else if got {
			if r, err = gzip.NewReader(resp.Body); err != nil {
				t.Fatal(err)
			}
		}
		var body map[string]any
		if err := json.NewDecoder(r).Decode(&body); err != nil || body["total"] != 6.0 {
			t.Errorf("Accept-Encoding %q: body %v, %v", tt.accept, body["total"], err)
		}
		resp.Body.Close()
	}
}

// TestOpenAPI checks the description structurally: version, every route
// registered is described and nothing else, every operation has
// parameters with a schema and responses, $refs resolve, and every
// described parameter is accepted with its example value.
func TestOpenAPI(t *testing.T) {
	ts, docs := newTestServer(t)
	status, spec := get(t, ts, "/api/openapi.json")
	if status != 200 || spec["openapi"] != "3.0.3" {
		t.Fatalf("status %d, openapi %v", status, spec["openapi"])
	}
	if info, _ := spec["info"].(map[string]any); info["title"] == nil || info["version"] == nil {
		t.Errorf("info lacks title or version: %v", info)
	}
	paths, _ := spec["paths"].(map[string]any)
	var described, registered []string
	for p := range paths {
		described = append(described, p)
	}
	for _, rt := range NewServer(nil, Options{}).routes() {
		registered = append(registered, rt.path)
	}
	slices.Sort(described)
	slices.Sort(registered)
	if !slices.Equal(described, registered) {
		t.Fatalf("described paths %v, registered %v", described, registered)
	}
	raw, _ := json.Marshal(spec)
	for _, ref := range refs(spec) {
		name, ok := strings.CutPrefix(ref, "#/components/schemas/")
		schemas := spec["components"].(map[string]any)["schemas"].(map[string]any)
		if !ok || schemas[name] == nil {
			t.Errorf("unresolved $ref %q", ref)
		}
	}
	ops := map[string]bool{}
	for p, item := range paths {
		op, _ := item.(map[string]any)["get"].(map[string]any)
		if op == nil {
			t.Errorf("%s: no get operation", p)
			continue
		}
		id, _ := op["operationId"].(string)
		if id == "" || ops[id] {
			t.Errorf("%s: operationId %q missing or repeated", p, id)
		}
		ops[id] = true
		resps, _ := op["responses"].(map[string]any)
		if resps["200"] == nil || resps["default"] == nil {
			t.Errorf("%s: responses %v", p, resps)
		}
		// Every parameter is accepted with its example.
		q := url.Values{}
		path := p
		params, _ := op["parameters"].([]any)
		for _, x := range params {
			prm := x.(map[string]any)
			name, _ := prm["name"].(string)
			if prm["schema"] == nil || prm["in"] == nil || name == "" {
				t.Errorf("%s: parameter %v incomplete", p, prm)
			}
			if prm["in"] == "path" {
				if !strings.Contains(p, "{"+name+"}") || prm["required"] != true {
					t.Errorf("%s: path parameter %s not in the path or not required", p, name)
				}
				path = strings.ReplaceAll(path, "{"+name+"}", docs[0].ID)
				continue
			}
			q.Set(name, prm["example"].(string))
		}
		if len(q) > 0 {
			path += "?" + q.Encode()
		}
		if status, body := get(t, ts, path); status != 200 {
			t.Errorf("%s with every example parameter: %d %v", path, status, body)
		}
	}
	if !strings.Contains(string(raw), `"trigger_start"`) {
		t.Error("event schema lacks trigger_start")
	}
}

// refs collects the $ref values in v.
func refs(v any) []string {
	var out []string
	switch v := v.(type) {
	case map[string]any:
		for k, x := range v {
			if s, ok := x.(string); ok && k == "$ref" {
				out = append(out, s)
			}
			out = append(out, refs(x)...)
		}
	case []any:
		for _, x := range v {
			out = append(out, refs(x)...)
		}
	}
	return out
}

func TestSplitSnippet(t *testing.T) {
	tests := []struct {
		in, text, html string
		spans          [][2]int
	}{
		{"talks on a \x02ceasefire\x03 <b>", "talks on a ceasefire <b>", "talks on a <mark>ceasefire</mark> &lt;b&gt;", [][2]int{{11, 20}}},
		{"\x02a\x03 & \x02b\x03", "a & b", "<mark>a</mark> &amp; <mark>b</mark>", [][2]int{{0, 1}, {4, 5}}},
		{"\x03stray\x02open", "strayopen", "stray<mark>open</mark>", [][2]int{{5, 9}}},
		{"", "", "", [][2]int{}},
	}
	for _, tt := range tests {
		text, spans, h := splitSnippet(tt.in)
		if text != tt.text || h != tt.html || !slices.Equal(spans, tt.spans) {
			t.Errorf("splitSnippet(%q) = %q %v %q", tt.in, text, spans, h)
		}
		for _, s := range spans {
			_ = text[s[0]:s[1]]
		}
	}
}

func TestListenAndServeShutsDown(t *testing.T) {
	store, err := sqlite.Open(context.Background(), filepath.Join(t.TempDir(), "s.db"))
	if err != nil {
		t.Fatal(err)
	}
	defer store.Close()
	srv := NewServer(store, Options{Logger: slog.New(slog.DiscardHandler)})
	ln, err := net.Listen("tcp", "127.0.0.1:0")
	if err != nil {
		t.Fatal(err)
	}
	ctx, cancel := context.WithCancel(context.Background())
	done := make(chan error, 1)
	go func() { done <- srv.Serve(ctx, ln) }()
	resp, err := nethttp.Get("http://" + ln.Addr().String() + "/api/events")
	if err != nil {
		t.Fatal(err)
	}
	resp.Body.Close()
	if resp.StatusCode != 200 {
		t.Errorf("status %d", resp.StatusCode)
	}
	cancel()
	select {
	case err := <-done:
		if err != nil {
			t.Errorf("Serve after cancel: %v", err)
		}
	case <-time.After(5 * time.Second):
		t.Fatal("Serve did not return after cancel")
	}
	if err := srv.ListenAndServe(context.Background(), "256.0.0.1:1"); faultline.ErrorCode(err) != faultline.EUNAVAILABLE {
		t.Errorf("bad address: %v", err)
	}
	var fe *faultline.Error
	if err := srv.ListenAndServe(context.Background(), "nonsense"); !errors.As(err, &fe) {
		t.Errorf("bad address: %v", err)
	}
}

func TestQueryTimeoutIs503(t *testing.T) {
	store, err := sqlite.Open(context.Background(), filepath.Join(t.TempDir(), "t.db"))
	if err != nil {
		t.Fatal(err)
	}
	defer store.Close()
	srv := NewServer(store, Options{QueryTimeout: time.Nanosecond, Logger: slog.New(slog.DiscardHandler)})
	for _, path := range []string{"/api/events", "/api/documents/x", "/api/quotes"} {
		rec := httptest.NewRecorder()
		srv.ServeHTTP(rec, httptest.NewRequest("GET", path, nil))
		var body errorBody
		if err := json.Unmarshal(rec.Body.Bytes(), &body); err != nil || rec.Code != 503 || body.Error.Code != faultline.EUNAVAILABLE {
			t.Errorf("%s: got %d %q (%v)", path, rec.Code, rec.Body.String(), err)
		}
	}
}
