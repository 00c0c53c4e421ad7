package timex

import (
	"context"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"
	"unicode/utf8"

	"github.com/faultline-news/faultline"
)

// ref is Thursday 2017-03-23, the date of the sample article.
var ref = time.Date(2017, 3, 23, 15, 4, 0, 0, time.UTC)

func TestFind(t *testing.T) {
	tests := []struct {
		text  string
		span  string // expected Text ("" when nothing should be found)
		value string
		grain string
	}{
		// Weekdays: past by default, future with a future cue.
		{"Trump met Abadi at the White House on Monday.", "on Monday", "2017-03-20", "day"},
		{"The two leaders will meet on Monday.", "on Monday", "2017-03-27", "day"},
		{"Talks are due to resume on Tuesday.", "on Tuesday", "2017-03-28", "day"},
		{"Officials said on Monday they will withdraw.", "on Monday", "2017-03-20", "day"},
		{"Trump said he will meet Abe on Friday.", "on Friday", "2017-03-24", "day"},
		{"He plans to travel there next Monday.", "next Monday", "2017-03-27", "day"},
		{"It happened last Thursday.", "last Thursday", "2017-03-16", "day"},
		{"The vote was held on Thursday.", "on Thursday", "2017-03-23", "day"},
		{"Monday's attack killed 12.", "Monday", "2017-03-20", "day"},
		{"Protesters gathered on Tuesday night.", "on Tuesday night", "2017-03-21", "day"},
		{"Monday morning, rebels shelled the town.", "Monday morning", "2017-03-20", "day"},
		{"The accord was signed Monday, March 20, 2017, in Geneva.", "Monday, March 20, 2017", "2017-03-20", "day"},
		{"Victims of Saturday's bombing were buried.", "Saturday", "2017-03-18", "day"},
		// Months.
		{"The parliament last November passed a bill.", "last November", "2016-11", "month"},
		{"Human Rights Watch warned in February that militias held men.", "in February", "2017-02", "month"},
		{"The offensive began in May.", "in May", "2016-05", "month"},
		{"Elections will be held in May.", "in May", "2017-05", "month"},
		{"Elections will be held in January.", "in January", "2018-01", "month"},
		{"The vote will be postponed until May.", "May", "2017-05", "month"},
		{"The talks are expected to be completed on Saturday.", "on Saturday", "2017-03-25", "day"},
		{"The summit is due next March.", "next March", "2018-03", "month"},
		{"He arrived in March.", "in March", "2017-03", "month"},
		{"Fighting has raged since January.", "since January", "2017-01-01/2017-03-23", "range"},
		{"Prices rose in early March.", "in early March", "2017-03", "month"},
		{"Troops left in mid-January.", "in mid-January", "2017-01", "month"},
		{"The law passed in March 2017.", "in March 2017", "2017-03", "month"},
		{"The first case turned up in December of 2003.", "in December of 2003", "2003-12", "month"},
		{"It began in August of last year.", "in August of last year", "2016-08", "month"},
		{"Rebels took the city earlier this month.", "earlier this month", "2017-03", "month"},
		{"Exports fell last month.", "last month", "2017-02", "month"},
		{"The talks resume next month.", "next month", "2017-04", "month"},
		{"Crowds gathered for May Day rallies.", "", "", ""},
		// Full dates.
		{"Mosul, Iraq, March 23, 2017.", "March 23, 2017", "2017-03-23", "day"},
		{"Published 23 March 2017 by staff.", "23 March 2017", "2017-03-23", "day"},
		{"Updated 2017-03-23 at noon.", "2017-03-23", "2017-03-23", "day"},
		{"The ceasefire began March 20.", "March 20", "2017-03-20", "day"},
		{"The ceasefire began on March 20.", "on March 20", "2017-03-20", "day"},
		{"The raid took place Dec. 28.", "Dec. 28", "2016-12-28", "day"},
		{"The attacks of Sept. 11, 2001 changed everything.", "Sept. 11, 2001", "2001-09-11", "day"},
		{"Talks ran from May 15-24.", "May 15-24", "2017-05-15/2017-05-24", "range"},
		{"on the 11th of March the army moved", "11th of March", "2017-03-11", "day"},
		{"The date 23/03/2017 was set.", "23/03/2017", "2017-03-23", "day"},
		// Weeks and relative days.
		{"He said in an interview this week.", "this week", "2017-W12", "week"},
		{"The strike happened last week.", "last week", "2017-W11", "week"},
		{"Inspectors arrive next week.", "next week", "2017-W13", "week"},
		{"Earlier this week, the mayor resigned.", "Earlier this week", "2017-W12", "week"},
		{"He left two weeks ago.", "two weeks ago", "2017-W10", "week"},
		{"They have increased activities in recent days.", "in recent days", "2017-03-16/2017-03-23", "range"},
		{"Casualties rose over the past two weeks.", "the past two weeks", "2017-03-09/2017-03-23", "range"},
		{"Three died in the past 24 hours.", "in the past 24 hours", "2017-03-22/2017-03-23", "range"},
		{"More troops will arrive in the coming days.", "in the coming days", "2017-03-23/2017-03-30", "range"},
		{"The city fell three days ago.", "three days ago", "2017-03-20", "day"},
		{"The minister resigned yesterday.", "yesterday", "2017-03-22", "day"},
		{"The minister resigns today.", "today", "2017-03-23", "day"},
		{"The minister resigns tomorrow.", "tomorrow", "2017-03-24", "day"},
		{"Shelling continued last night.", "last night", "2017-03-22", "day"},
		{"Protests were held last weekend.", "last weekend", "2017-03-18/2017-03-19", "range"},
		// Years and decades.
		{"The group was founded in 2015.", "in 2015", "2015", "year"},
		{"The group was founded two years ago.", "two years ago", "2015", "year"},
		{"Output fell last year.", "last year", "2016", "year"},
		{"Output will rise this year.", "this year", "2017", "year"},
		{"Unrest spread late last year.", "late last year", "2016", "year"},
		{"The plant closed in mid-2016.", "in mid-2016", "2016", "year"},
		{"The war began in early 2011.", "in early 2011", "2011", "year"},
		{"Losses have mounted since 2014.", "since 2014", "2014-01-01/2017-03-23", "range"},
		{"The war of the 1990s left scars.", "the 1990s", "1990-01-01/1999-12-31", "range"},
		{"It was popular in the '80s.", "in the '80s", "1980-01-01/1989-12-31", "range"},
		{"He spoke before the 2016 election.", "2016", "2016", "year"},
		{"The 2014-2016 drought hit hard.", "2014-2016", "2014-01-01/2016-12-31", "range"},
		// Seasons (northern, meteorological).
		{"The offensive began last summer.", "last summer", "2016-06-01/2016-08-31", "range"},
		{"Snow fell last winter.", "last winter", "2016-12-01/2017-02-28", "range"},
		{"Elections are due this autumn.", "this autumn", "2017-09-01/2017-11-30", "range"},
		{"Talks resume next spring.", "next spring", "2018-03-01/2018-05-31", "range"},
		{"It was built in the summer of 2015.", "in the summer of 2015", "2015-06-01/2015-08-31", "range"},
		{"Prices fell in fall 2014.", "in fall 2014", "2014-09-01/2014-11-30", "range"},
		// Not dates.
		{"Prices fall in spring.", "", "", ""},
		{"Some PMF groups may turn against U.S. forces.", "", "", ""},
		{"May I ask a question?", "", "", ""},
		{"Theresa May said the vote would go ahead.", "", "", ""},
		{"Veterans of the Long March were honoured.", "", "", ""},
		{"The Sunday Times reported the deal.", "", "", ""},
		{"More than 9,000 U.S. and coalition forces remain.", "", "", ""},
		{"The U.S. has about 450 advisers there.", "", "", ""},
		{"The army sent 2000 troops.", "", "", ""},
		{"They distributed 2000 leaflets.", "", "", ""},
		{"Bloody Sunday is remembered in Derry.", "", "", ""},
		{"Protesters will march on the capital.", "", "", ""},
	}
	for _, tc := range tests {
		t.Run(tc.text, func(t *testing.T) {
			got := Find(tc.text, nil, ref)
			checkSpans(t, tc.text, got)
			if tc.span == "" {
				if len(got) != 0 {
					t.Fatalf("want nothing, got %+v", got)
				}
				return
			}
			if len(got) != 1 {
				t.Fatalf("want one time %q, got %+v", tc.span, got)
			}
			g := got[0]
			if g.Text != tc.span || g.Value != tc.value || g.Grain != tc.grain {
				t.Errorf("got %q %s %s, want %q %s %s", g.Text, g.Value, g.Grain, tc.span, tc.value, tc.grain)
			}
		})
	}
}

func TestSeveral(t *testing.T) {
	tests := []struct {
		text   string
		values []string
	}{
		{"Protests ran between March and May 2010.", []string{"2010-03", "2010-05"}},
		{"From December to February 2015 it snowed.", []string{"2014-12", "2015-02"}},
		{"The war lasted from 2003 to 2011.", []string{"2003", "2011"}},
		{"He died Tuesday. Monday, officials reported the outbreak.", []string{"2017-03-21", "2017-03-20"}},
	}
	for _, tc := range tests {
		got := Find(tc.text, nil, ref)
		checkSpans(t, tc.text, got)
		var values []string
		for _, g := range got {
			values = append(values, g.Value)
		}
		if strings.Join(values, " ") != strings.Join(tc.values, " ") {
			t.Errorf("%q: got %v, want %v", tc.text, values, tc.values)
		}
	}
}

func TestZeroReferenceKeepsAbsoluteDates(t *testing.T) {
	text := "On Monday, officials recalled the attack of March 20, 2016 and the events of last week."
	got := Find(text, nil, time.Time{})
	if len(got) != 1 || got[0].Value != "2016-03-20" {
		t.Fatalf("want only the written-out date, got %+v", got)
	}
}

func TestReferenceLocation(t *testing.T) {
	// The reference's calendar day counts, in its own location.
	loc := time.FixedZone("UTC+10", 10*3600)
	r := time.Date(2017, 3, 24, 1, 0, 0, 0, loc) // still March 23 in UTC
	got := Find("It happened yesterday.", nil, r)
	if len(got) != 1 || got[0].Value != "2017-03-23" {
		t.Fatalf("got %+v, want 2017-03-23", got)
	}
}

func TestPublicationDate(t *testing.T) {
	tests := []struct {
		text string
		want string
	}{
		{"Mosul, Iraq, March 23, 2017. Earlier, on January 2, 2016, and last week.", "2017-03-23"},
		{"Posted 2016-11-05 / updated 5 November 2016 / in 2018", "2016-11-05"},
		{"Nothing here but March 23 and 2017.", ""},
		{"", ""},
	}
	for _, tc := range tests {
		got, ok := PublicationDate(tc.text)
		if tc.want == "" {
			if ok {
				t.Errorf("PublicationDate(%q) = %s, want none", tc.text, got)
			}
			continue
		}
		if !ok || got.Format("2006-01-02") != tc.want {
			t.Errorf("PublicationDate(%q) = %s %v, want %s", tc.text, got, ok, tc.want)
		}
	}
}

func TestStage(t *testing.T) {
	var s faultline.Stage = New()
	if s.Name() != "timex" || len(s.Requires()) != 1 || s.Requires()[0] != faultline.LayerSentences ||
		len(s.Assigns()) != 1 || s.Assigns()[0] != faultline.LayerTimes {
		t.Fatalf("bad stage declaration: %s %v %v", s.Name(), s.Requires(), s.Assigns())
	}
	text := "He left on Monday. She stays until May."
	doc := &faultline.Document{Text: text, Reference: ref, Sentences: []faultline.Sentence{{Start: 0, End: 18}, {Start: 19, End: len(text)}}}
	if err := s.Process(context.Background(), doc); err != nil {
		t.Fatal(err)
	}
	checkSpans(t, text, doc.Times)
	if len(doc.Times) != 2 || doc.Times[0].Value != "2017-03-20" || doc.Times[1].Value != "2016-05" {
		t.Fatalf("got %+v", doc.Times)
	}
	// Bad sentence spans are skipped, not a panic.
	doc.Sentences = []faultline.Sentence{{Start: -3, End: 5}, {Start: 10, End: 4}, {Start: 0, End: 1 << 20}}
	if err := s.Process(context.Background(), doc); err != nil {
		t.Fatal(err)
	}
	if len(doc.Times) != 0 {
		t.Fatalf("got %+v from invalid spans", doc.Times)
	}
	ctx, cancel := context.WithCancel(context.Background())
	cancel()
	if err := s.Process(ctx, doc); err == nil {
		t.Fatal("want an error from a cancelled context")
	}
	if err := s.Process(context.Background(), nil); faultline.ErrorCode(err) != faultline.EINVALID {
		t.Fatalf("nil document: got %v", err)
	}
}

// checkSpans checks the layer invariants: Text == text[Start:End], spans in
// order and not overlapping, values well formed for their grain.
func checkSpans(t testing.TB, text string, times []faultline.Time) {
	t.Helper()
	last := 0
	for _, tm := range times {
		if tm.Start < last || tm.End <= tm.Start || tm.End > len(text) {
			t.Fatalf("bad span %d:%d (after %d) in %d bytes: %+v", tm.Start, tm.End, last, len(text), tm)
		}
		if text[tm.Start:tm.End] != tm.Text {
			t.Fatalf("Text %q != text[%d:%d] %q", tm.Text, tm.Start, tm.End, text[tm.Start:tm.End])
		}
		if !utf8.ValidString(tm.Text) && utf8.ValidString(text) {
			t.Fatalf("span %q splits a rune", tm.Text)
		}
		if !validValue(tm.Value, tm.Grain) {
			t.Fatalf("bad value %q for grain %q", tm.Value, tm.Grain)
		}
		last = tm.End
	}
}

func validValue(v, grain string) bool {
	layouts := map[string]string{GrainDay: "2006-01-02", GrainMonth: "2006-01", GrainYear: "2006"}
	switch grain {
	case GrainDay, GrainMonth, GrainYear:
		_, err := time.Parse(layouts[grain], v)
		return err == nil
	case GrainWeek:
		return len(v) == 8 && v[4:6] == "-W"
	case GrainRange:
		a, b, ok := strings.Cut(v, "/")
		if !ok {
			return false
		}
		ta, err1 := time.Parse("2006-01-02", a)
		tb, err2 := time.Parse("2006-01-02", b)
		return err1 == nil && err2 == nil && !tb.Before(ta)
	}
	return false
}

// sharedDir finds ../shared by walking up from the package directory.
func sharedDir(t testing.TB) string {
	dir, err := filepath.Abs(".")
	if err != nil {
		t.Fatal(err)
	}
	for {
		parent := filepath.Dir(dir)
		if parent == dir {
			t.Skip("shared data directory (../shared beside the repository) not found; skipping")
		}
		dir = parent
		if st, err := os.Stat(filepath.Join(dir, "shared", "samples")); err == nil && st.IsDir() {
			return filepath.Join(dir, "shared")
		}
	}
}

func TestSampleArticle(t *testing.T) {
	data, err := os.ReadFile(filepath.Join(sharedDir(t), "samples", "000_e9c81a236e9288db.txt"))
	if err != nil {
		t.Skipf("sample article not readable: %v", err)
	}
	text := string(data)
	got := Find(text, nil, ref)
	checkSpans(t, text, got)
	want := []struct{ text, value, grain string }{
		{"on Monday", "2017-03-20", "day"},
		{"last November", "2016-11", "month"},
		{"in February", "2017-02", "month"},
		{"this week", "2017-W12", "week"},
		{"in recent days", "2017-03-16/2017-03-23", "range"},
		{"March 23, 2017", "2017-03-23", "day"},
	}
	for _, w := range want {
		found := false
		for _, g := range got {
			if g.Text == w.text && g.Value == w.value && g.Grain == w.grain {
				found = true
			}
		}
		if !found {
			t.Errorf("missing %q = %s (%s); got %+v", w.text, w.value, w.grain, got)
		}
	}
	if len(got) != 8 {
		t.Errorf("want 8 times (no false positives), got %d: %+v", len(got), got)
	}
	if d, ok := PublicationDate(text); !ok || d.Format("2006-01-02") != "2017-03-23" {
		t.Errorf("PublicationDate = %s %v, want 2017-03-23", d, ok)
	}
}

func FuzzFind(f *testing.F) {
	for _, s := range []string{
		"on Monday", "last November", "March 23, 2017", "the past two weeks", "mid-2016", "the '90s",
		"2017-03-23", "23/03/2017", "1998–2001", "May 15-24", "Sept. 11", "twenty-five years ago",
		"since Dec. of 2003", "\xff\xfeMonday", "U.S.-led", "Iraq's", "31st of February",
	} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, text string) {
		for _, r := range []time.Time{ref, {}, time.Date(1, 1, 1, 0, 0, 0, 0, time.UTC), time.Date(9999, 12, 31, 0, 0, 0, 0, time.UTC)} {
			checkSpans(t, text, Find(text, nil, r))
		}
		mid := len(text) / 2
		checkSpans(t, text, Find(text, []faultline.Sentence{{Start: 0, End: mid}, {Start: mid, End: len(text)}}, ref))
		PublicationDate(text)
	})
}
