package extract

import (
	"context"
	"encoding/json"
	"errors"
	"flag"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"
	"unicode/utf8"

	"github.com/faultline-news/faultline"
	"github.com/faultline-news/faultline/source"
)

var update = flag.Bool("update", false, "rewrite the golden files under testdata/golden")

var testNow = time.Date(2026, 1, 1, 12, 0, 0, 0, time.UTC)

// goldenView is the part of a Document that extract decides.
type goldenView struct {
	ID            string              `json:"id"`
	Title         string              `json:"title"`
	Site          string              `json:"site"`
	Published     string              `json:"published"`
	PublishedFrom string              `json:"published_from"`
	Language      string              `json:"language"`
	Paragraphs    []string            `json:"paragraphs"`
	Removed       []faultline.Removed `json:"removed"`
}

func TestGolden(t *testing.T) {
	tests := []struct {
		file string
		kind source.Kind
	}{
		{"harbour.html", source.KindHTML},
		{"wire.txt", source.KindText},
		{"wrapped.txt", source.KindText},
	}
	for _, tt := range tests {
		t.Run(tt.file, func(t *testing.T) {
			path := filepath.Join("testdata", tt.file)
			data, err := os.ReadFile(path)
			if err != nil {
				t.Fatal(err)
			}
			doc, err := Extract(context.Background(), source.Item{Name: path, Kind: tt.kind, Data: data}, Options{Now: testNow})
			if err != nil {
				t.Fatal(err)
			}
			checkDocument(t, doc)
			got := goldenView{
				ID: doc.ID, Title: doc.Title, Site: doc.Source.Site,
				Published: doc.Published, PublishedFrom: doc.PublishedFrom,
				Language: doc.Language, Paragraphs: strings.Split(doc.Text, "\n\n"),
				Removed: doc.Removed,
			}
			b, err := json.MarshalIndent(got, "", "  ")
			if err != nil {
				t.Fatal(err)
			}
			b = append(b, '\n')
			golden := filepath.Join("testdata", "golden", tt.file+".json")
			if *update {
				if err := os.WriteFile(golden, b, 0o644); err != nil {
					t.Fatal(err)
				}
				return
			}
			want, err := os.ReadFile(golden)
			if err != nil {
				t.Fatalf("%v (run go test -update to create it)", err)
			}
			if string(b) != string(want) {
				t.Errorf("%s differs from %s (run go test -update after checking):\n%s", tt.file, golden, b)
			}
		})
	}
}

// checkDocument checks the invariants every extracted document keeps.
func checkDocument(t *testing.T, doc *faultline.Document) {
	t.Helper()
	if !utf8.ValidString(doc.Text) {
		t.Error("text is not valid UTF-8")
	}
	if doc.Schema != faultline.SchemaDocument {
		t.Errorf("schema = %q", doc.Schema)
	}
	if doc.Removed == nil || doc.Sentences == nil || doc.Events == nil {
		t.Error("document not normalised")
	}
	if len(doc.ID) != 16 || doc.ID != TextID(doc.Text) {
		t.Errorf("id %q is not the text's id", doc.ID)
	}
	switch doc.PublishedFrom {
	case faultline.PublishedFromMeta, faultline.PublishedFromText, faultline.PublishedFromOverride:
		if _, err := time.Parse("2006-01-02", doc.Published); err != nil {
			t.Errorf("published %q is not YYYY-MM-DD", doc.Published)
		}
	case faultline.PublishedFromNone:
		if doc.Published != "" {
			t.Errorf("published %q with provenance none", doc.Published)
		}
	default:
		t.Errorf("published_from = %q", doc.PublishedFrom)
	}
	for _, r := range doc.Removed {
		switch r.Kind {
		case faultline.RemovedBoilerplate, faultline.RemovedDuplicateParagraph, faultline.RemovedNavigation,
			faultline.RemovedCaption, faultline.RemovedByline, faultline.RemovedDateline:
		default:
			t.Errorf("removed kind %q", r.Kind)
		}
	}
}

func TestHTMLFixture(t *testing.T) {
	data, err := os.ReadFile(filepath.Join("testdata", "harbour.html"))
	if err != nil {
		t.Fatal(err)
	}
	doc, err := Extract(context.Background(), source.Item{Name: "harbour.html", Kind: source.KindHTML, Data: data}, Options{Now: testNow})
	if err != nil {
		t.Fatal(err)
	}
	if doc.Title != "Port talks resume after three-week pause" {
		t.Errorf("title = %q", doc.Title)
	}
	if doc.Published != "2021-06-14" || doc.PublishedFrom != faultline.PublishedFromMeta {
		t.Errorf("published %q from %q, want 2021-06-14 from meta", doc.Published, doc.PublishedFrom)
	}
	if doc.Source.Site != "The Coastal Ledger" {
		t.Errorf("site = %q", doc.Source.Site)
	}
	if !strings.HasPrefix(doc.Text, "Negotiators for the dock workers' union") {
		t.Errorf("text starts %q; want the dateline and byline removed", firstLine(doc.Text))
	}
	for _, want := range []string{"\n\nCargo backlog\n\n", "\n\nContainer traffic fell by a third in May.\n\n"} {
		if !strings.Contains(doc.Text, want) {
			t.Errorf("text lacks the paragraph %q", strings.TrimSpace(want))
		}
	}
	for _, bad := range []string{"Share this", "Ferry operator orders", "Privacy", "Home"} {
		if strings.Contains(doc.Text, bad) {
			t.Errorf("text holds boilerplate %q", bad)
		}
	}
	if !removedHas(doc.Removed, faultline.RemovedDateline, "NORDHAVEN") {
		t.Errorf("dateline not listed: %+v", doc.Removed)
	}
}

func firstLine(s string) string {
	if i := strings.IndexByte(s, '\n'); i >= 0 {
		return s[:i]
	}
	return s
}

func TestRecordTextIsKeptByteForByte(t *testing.T) {
	data, err := os.ReadFile(filepath.Join("testdata", "record.txt"))
	if err != nil {
		t.Fatal(err)
	}
	it := source.Item{Name: "in.jsonl:3", Kind: source.KindRecordText, Data: data, Title: " A record ", Published: "2020-02-29T10:00:00Z",
		Source: faultline.Source{Record: "r3"}}
	doc, err := Extract(context.Background(), it, Options{Now: testNow})
	if err != nil {
		t.Fatal(err)
	}
	if doc.Text != string(data) {
		t.Errorf("text = %q, want the record byte for byte %q", doc.Text, data)
	}
	if len(doc.Removed) != 0 {
		t.Errorf("record text was cleaned: %+v", doc.Removed)
	}
	if doc.Title != "A record" || doc.Published != "2020-02-29" || doc.PublishedFrom != faultline.PublishedFromMeta {
		t.Errorf("title %q published %q from %q", doc.Title, doc.Published, doc.PublishedFrom)
	}
	if doc.Source.Record != "r3" {
		t.Errorf("source not copied: %+v", doc.Source)
	}
	if !doc.Reference.Equal(time.Date(2020, 2, 29, 0, 0, 0, 0, time.UTC)) {
		t.Errorf("reference = %v", doc.Reference)
	}
}

func TestPublishedPrecedence(t *testing.T) {
	text := []byte("A headline\n\nOn March 23, 2017 the council met. It meets again on April 2, 2017.\n")
	override := time.Date(2024, 5, 6, 0, 0, 0, 0, time.UTC)
	tests := []struct {
		name      string
		item      source.Item
		opts      Options
		published string
		from      string
		reference time.Time
	}{
		{"text date, latest", source.Item{Kind: source.KindText, Data: text}, Options{Now: testNow}, "2017-04-02", faultline.PublishedFromText, time.Date(2017, 4, 2, 0, 0, 0, 0, time.UTC)},
		{"future dates ignored", source.Item{Kind: source.KindText, Data: text}, Options{Now: time.Date(2017, 3, 30, 0, 0, 0, 0, time.UTC)}, "2017-03-23", faultline.PublishedFromText, time.Date(2017, 3, 23, 0, 0, 0, 0, time.UTC)},
		{"item date wins over text", source.Item{Kind: source.KindText, Data: text, Published: "2018-01-02"}, Options{Now: testNow}, "2018-01-02", faultline.PublishedFromMeta, time.Date(2018, 1, 2, 0, 0, 0, 0, time.UTC)},
		{"override wins", source.Item{Kind: source.KindText, Data: text, Published: "2018-01-02"}, Options{Now: testNow, Date: override}, "2024-05-06", faultline.PublishedFromOverride, override},
		{"none", source.Item{Kind: source.KindText, Data: []byte("No dates here at all.")}, Options{Now: testNow}, "", faultline.PublishedFromNone, testNow},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			tt.item.Name = tt.name
			doc, err := Extract(context.Background(), tt.item, tt.opts)
			if err != nil {
				t.Fatal(err)
			}
			if doc.Published != tt.published || doc.PublishedFrom != tt.from {
				t.Errorf("published %q from %q, want %q from %q", doc.Published, doc.PublishedFrom, tt.published, tt.from)
			}
			if !doc.Reference.Equal(tt.reference) {
				t.Errorf("reference = %v, want %v", doc.Reference, tt.reference)
			}
		})
	}
}

func TestDatelinePrefix(t *testing.T) {
	tests := []struct {
		in, prefix, rest string
	}{
		{"WASHINGTON — The U.S. said", "WASHINGTON —", "The U.S. said"},
		{"MOSUL, Iraq — Forces advanced", "MOSUL, Iraq —", "Forces advanced"},
		{"BEIRUT, March 23, 2017 (Reuters) - Syrian", "BEIRUT, March 23, 2017 (Reuters) -", "Syrian"},
		{"UNITED NATIONS (AP) — The council", "UNITED NATIONS (AP) —", "The council"},
		{"BAY CITY, Mich. (AP) — Michigan", "BAY CITY, Mich. (AP) —", "Michigan"},
		{"The U.S. — and its allies — said", "", ""},
		{"NATO said on Monday", "", ""},
		{"NATO — the alliance said", "", ""},
		{"LONDON — “We will not leave,” she said", "LONDON —", "“We will not leave,” she said"},
	}
	for _, tt := range tests {
		prefix, rest, ok := splitDatelinePrefix(tt.in)
		if ok != (tt.prefix != "") || prefix != tt.prefix || rest != tt.rest {
			t.Errorf("splitDatelinePrefix(%q) = %q, %q, %v; want %q, %q", tt.in, prefix, rest, ok, tt.prefix, tt.rest)
		}
	}
	c := clean([]string{"BEIRUT, March 23, 2017 (Reuters) - Syrian forces advanced."})
	if want := time.Date(2017, 3, 23, 0, 0, 0, 0, time.UTC); !c.date.Equal(want) {
		t.Errorf("dateline date = %v, want %v", c.date, want)
	}
}

func TestCleanKinds(t *testing.T) {
	tests := []struct {
		para string
		kind string // "" = kept
	}{
		{"By John Smith", faultline.RemovedByline},
		{"By Jane Doe and Ali Hassan, Reuters", faultline.RemovedByline},
		{"By Monday, the troops had withdrawn.", ""},
		{"By John Smith | March 2, 2017", faultline.RemovedByline},
		{"By clicking accept you agree to the terms of service, which were updated last week.", ""},
		{"March 23, 2017", faultline.RemovedDateline},
		{"Updated: 23 March 2017 10:31 GMT", faultline.RemovedDateline},
		{"Share this:", faultline.RemovedBoilerplate},
		{"Click to share on Twitter (Opens in new window)", faultline.RemovedBoilerplate},
		{"Like this:", faultline.RemovedBoilerplate},
		{"Subscribe", faultline.RemovedBoilerplate},
		{"Read more: Another headline about something", faultline.RemovedBoilerplate},
		{"Image copyright Getty Images", faultline.RemovedCaption},
		{"Skip to main content", faultline.RemovedNavigation},
		{"Home › World › Middle East", faultline.RemovedNavigation},
		{"US advisers", ""},
		{"Home / News / Politics", faultline.RemovedNavigation},
		{"Retour sur les revues « 1 » ou « 1* » où les chercheurs publient", ""},
		{"Script / Direction / Editing / Sound design", ""},
		{"Prices rose 3% / year in 2019 / 2020 and fell after.", ""},
		{"Subscribers were told the plan would change in March.", ""},
	}
	for _, tt := range tests {
		c := clean([]string{tt.para, "A following paragraph of ordinary prose, long enough to be kept."})
		got := ""
		for _, r := range c.removed {
			if r.Text == tt.para {
				got = r.Kind
			}
		}
		if got != tt.kind {
			t.Errorf("clean(%q): removed as %q, want %q", tt.para, got, tt.kind)
		}
	}
}

func TestErrors(t *testing.T) {
	ctx := context.Background()
	cancelled, cancel := context.WithCancel(ctx)
	cancel()
	readErr := faultline.Errorf(faultline.ENOTFOUND, "read x.html: no such file")
	tests := []struct {
		name string
		ctx  context.Context
		item source.Item
		code string
	}{
		{"failed item", ctx, source.Item{Name: "x.html", Err: readErr}, faultline.ENOTFOUND},
		{"empty text", ctx, source.Item{Name: "empty.txt", Kind: source.KindText, Data: []byte("  \n\n ")}, faultline.EINVALID},
		{"empty html", ctx, source.Item{Name: "empty.html", Kind: source.KindHTML, Data: []byte("<html><body></body></html>")}, faultline.EINVALID},
		{"unknown kind", ctx, source.Item{Name: "x.bin", Kind: "pdf", Data: []byte("x")}, faultline.EINVALID},
		{"bad utf-8 text", ctx, source.Item{Name: "latin1.txt", Kind: source.KindText, Data: []byte("caf\xe9 au lait")}, faultline.EINVALID},
		{"cancelled", cancelled, source.Item{Name: "a.txt", Kind: source.KindText, Data: []byte("Some text.")}, faultline.EUNAVAILABLE},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			doc, err := Extract(tt.ctx, tt.item, Options{})
			if err == nil {
				t.Fatalf("no error, doc %+v", doc)
			}
			var fe *faultline.Error
			if !errors.As(err, &fe) || fe.Code != tt.code {
				t.Errorf("error %v (code %q), want code %q", err, faultline.ErrorCode(err), tt.code)
			}
			if tt.item.Name != "" && !strings.Contains(err.Error(), tt.item.Name) {
				t.Errorf("error %q does not name the item %q", err, tt.item.Name)
			}
		})
	}
}

func TestTextIDIgnoresLayout(t *testing.T) {
	a := TextID("The Talks  resumed.\n\nBoth sides met.")
	b := TextID(" the talks resumed. both sides\tmet. ")
	if a != b {
		t.Errorf("ids differ: %s %s", a, b)
	}
	if a == TextID("The talks failed.") {
		t.Error("different texts share an id")
	}
}

func TestLanguage(t *testing.T) {
	tests := []struct{ text, want string }{
		{"Short.", ""},
		{"The negotiators met again on Monday after talks broke down over pay and the automation of two terminals.", "en"},
		{"Die Unterhändler trafen sich am Montag erneut, nachdem die Gespräche über die Bezahlung gescheitert waren.", "de"},
	}
	for _, tt := range tests {
		if got := detectLanguage(tt.text); got != tt.want {
			t.Errorf("detectLanguage(%q) = %q, want %q", tt.text, got, tt.want)
		}
	}
}

func TestTidyTitle(t *testing.T) {
	tests := []struct {
		title, site, host string
		paras             []string
		want              string
	}{
		{"Port talks resume | The Coastal Ledger", "The Coastal Ledger", "", nil, "Port talks resume"},
		{"Ledger - Port talks resume", "", "", []string{"Port talks resume", "Body."}, "Port talks resume"},
		{"Port talks resume — example.org", "", "www.example.org", nil, "Port talks resume"},
		{"Talks - the sequel - resume", "", "", nil, "Talks - the sequel - resume"},
		{"No separator here", "Site", "", nil, "No separator here"},
	}
	for _, tt := range tests {
		if got := tidyTitle(tt.title, tt.site, tt.host, tt.paras); got != tt.want {
			t.Errorf("tidyTitle(%q) = %q, want %q", tt.title, got, tt.want)
		}
	}
}

func TestLooksLikeHeadline(t *testing.T) {
	tests := []struct {
		lines []string
		want  bool
	}{
		{[]string{"Shi'ite Militias Could Turn Against US Forces After IS Leaves Mosul", ""}, true},
		{[]string{"Can the U.S. Keep Its Troops in Iraq?", ""}, true},
		{[]string{"Gen. Smith Visits Troops in Mosul", ""}, true},
		{[]string{"QUESTION: Did you discuss Aleppo? Were there any agreements?", ""}, false},
		{[]string{"The council met on Monday.", ""}, false},
		{[]string{"A headline", "followed directly by text"}, false},
		{[]string{"A headline alone"}, false},
	}
	for _, tt := range tests {
		if got := looksLikeHeadline(tt.lines); got != tt.want {
			t.Errorf("looksLikeHeadline(%q) = %v, want %v", tt.lines, got, tt.want)
		}
	}
}

func TestCommentsTailRemoved(t *testing.T) {
	paras := []string{
		"The talks resumed on Monday after a pause of three weeks.",
		"Both sides said they hoped to reach a deal by the end of the month.",
		"3 Comments",
		"Great article, thanks!",
		"I disagree with the union on this.",
	}
	c := clean(paras)
	if len(c.paragraphs) != 2 {
		t.Errorf("kept %q, want the two article paragraphs", c.paragraphs)
	}
	if len(c.removed) != 3 || c.removed[0].Text != "3 Comments" || c.removed[0].Kind != faultline.RemovedBoilerplate {
		t.Errorf("removed %+v, want the comments heading and both comments as boilerplate", c.removed)
	}
	// In the first half of a page only the line itself goes.
	c = clean([]string{"Comments", paras[0], paras[1], paras[0] + " More."})
	if len(c.paragraphs) != 3 {
		t.Errorf("early 'Comments' line cut the article: %q", c.paragraphs)
	}
}

func TestLateMetaCharset(t *testing.T) {
	// A page whose <meta charset> comes after 1024 bytes of script, in
	// windows-1251 (Cyrillic), must not be read as windows-1252.
	page := "<html><head><script>" + strings.Repeat("var x = 1;\n", 120) + "</script>" +
		"<meta http-equiv=\"Content-Type\" content=\"text/html; charset=windows-1251\"></head><body><p>" +
		"\xcf\xf0\xe8\xe2\xe5\xf2 \xec\xe8\xf0</p></body></html>" // "Привет мир"
	root, err := parseHTML([]byte(page))
	if err != nil {
		t.Fatal(err)
	}
	if got := strings.Join(nodeParagraphs(root), " "); !strings.Contains(got, "Привет мир") {
		t.Errorf("decoded %q, want Привет мир", got)
	}
}
