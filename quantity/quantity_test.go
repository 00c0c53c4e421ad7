package quantity

import (
	"context"
	"math"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"unicode/utf8"

	"github.com/faultline-news/faultline"
)

func TestFind(t *testing.T) {
	type q struct {
		text     string
		value    float64
		modifier string
		unit     string
	}
	tests := []struct {
		text string
		want []q
	}{
		// The sample article's phrases.
		{"a hasty withdrawal of more than 9,000 U.S. and coalition forces after Mosul's capture", []q{{"more than 9,000", 9000, "more than", "forces"}}},
		{"a region where more than 25,000 troops, including paramilitary forces", []q{{"more than 25,000", 25000, "more than", "troops"}}},
		{"the U.S. currently has about 450 advisers, mostly special operations forces", []q{{"about 450", 450, "about", "advisers"}}},
		{"A leader of the grouping of 40 Shi'ite militia known as Iraq's Popular Mobilization Units", []q{{"40", 40, "", "militia"}}},
		{"Qayyarah airfield 64 kilometers south of Mosul", []q{{"64", 64, "", "kilometers"}}},
		{"taking control of dozens of desert villages", []q{{"dozens of", 12, "dozens of", "villages"}}},
		{"The coalition said it is focused on one common enemy IS.", []q{{"one", 1, "", "enemy"}}},
		// Digits, scales, money, percent.
		{"The quake left 1.2 million people homeless.", []q{{"1.2 million", 1.2e6, "", "people"}}},
		{"Donors pledged $5 billion in aid.", []q{{"$5 billion", 5e9, "", "USD"}}},
		{"The fund reached US$30 billion.", []q{{"US$30 billion", 3e10, "", "USD"}}},
		{"Britain gave £59.5 million to the appeal.", []q{{"£59.5 million", 59.5e6, "", "GBP"}}},
		{"Fines of up to $44,000 apply.", []q{{"up to $44,000", 44000, "up to", "USD"}}},
		{"Turnout was 7.3% lower.", []q{{"7.3%", 7.3, "", "percent"}}},
		{"Prices rose 10 percent in a year.", []q{{"10", 10, "", "percent"}}},
		{"Police seized 4.1kg of heroin.", []q{{"4.1kg", 4.1, "", "kg"}}},
		{"They approved a 30-day truce.", []q{{"30", 30, "", "day"}}},
		{"Some 35–40 stray dogs were found in the yard.", []q{{"Some 35–40", 35, "some", "dogs"}}},
		{"The clashes killed 20-30 people.", []q{{"20-30", 20, "between", "people"}}},
		{"The army deployed 2000 troops.", []q{{"2000", 2000, "", "troops"}}},
		// Modifiers.
		{"At least 263 people have died.", []q{{"At least 263", 263, "at least", "people"}}},
		{"The strike killed nearly 50 civilians.", []q{{"nearly 50", 50, "nearly", "civilians"}}},
		{"It affected over 20 million people.", []q{{"over 20 million", 20e6, "over", "people"}}},
		{"Fewer than 100 fighters remain.", []q{{"Fewer than 100", 100, "fewer than", "fighters"}}},
		{"Roughly 4,000 dead wild birds were found.", []q{{"Roughly 4,000", 4000, "roughly", "birds"}}},
		{"As many as 300 families fled.", []q{{"As many as 300", 300, "as many as", "families"}}},
		{"The animal is between eight and 10 years old.", []q{{"between eight and 10", 8, "between", "years"}}},
		{"Approximately 6,800 people are infected.", []q{{"Approximately 6,800", 6800, "approximately", "people"}}},
		{"An estimated 33 million people live with HIV.", []q{{"An estimated 33 million", 33e6, "an estimated", "people"}}},
		// Words.
		{"Two soldiers were wounded.", []q{{"Two", 2, "", "soldiers"}}},
		{"The raid killed twenty-five militants.", []q{{"twenty-five", 25, "", "militants"}}},
		{"They counted two hundred and fifty bodies.", []q{{"two hundred and fifty", 250, "", "bodies"}}},
		{"A dozen rockets hit the base.", []q{{"A dozen", 12, "", "rockets"}}},
		{"Half a million people fled.", []q{{"Half a million", 5e5, "", "people"}}},
		{"Hundreds of thousands of refugees crossed.", []q{{"Hundreds of thousands of", 1e5, "hundreds of thousands of", "refugees"}}},
		{"Tens of thousands of people marched.", []q{{"Tens of thousands of", 1e4, "tens of thousands of", "people"}}},
		{"Thousands fled the city.", []q{{"Thousands", 1000, "thousands", ""}}},
		{"Scores of houses burned.", []q{{"Scores of", 20, "scores of", "houses"}}},
		{"The two leaders met in Geneva.", []q{{"two", 2, "", "leaders"}}},
		{"3 Pakistanis among 7 terrorists gunned down", []q{{"3", 3, "", "pakistanis"}, {"7", 7, "", "terrorists"}}},
		{"one strike destroyed an oil well", []q{{"one", 1, "", "strike"}}},
		{"Two of the soldiers died.", []q{{"Two", 2, "", "soldiers"}}},
		{"The blast killed 40 in Mosul.", []q{{"40", 40, "", ""}}},
		// Not quantities.
		{"And one of the aims is to stabilize a region.", nil},
		{"No one was hurt.", nil},
		{"It is our number one priority.", nil},
		{"The city was retaken on March 23, 2017.", nil},
		{"The group was founded in 2015.", nil},
		{"He was killed in a 2008 raid.", nil},
		{"The bill passed two years ago.", nil},
		{"The meeting starts at 5 p.m. local time.", nil},
		{"Talks resume at 10:30 on Monday.", nil},
		{"Call 853-7906 for details.", nil},
		{"Call +44 20 7946 0958 for details.", nil},
		{"Resolution 2334 condemned the settlements.", nil},
		{"The F-16 jets and the G20 summit.", nil},
		{"He won the second round.", nil},
		{"On the 23rd the army moved.", nil},
		{"The senate passed the bill 80–19.", nil},
		{"Listeners of BBC Three Counties Radio called in.", nil},
		{"It happened in the 1990s.", nil},
	}
	for _, tc := range tests {
		t.Run(tc.text, func(t *testing.T) {
			got := Find(tc.text, nil)
			checkSpans(t, tc.text, got)
			if len(got) != len(tc.want) {
				t.Fatalf("got %d quantities %+v, want %d %+v", len(got), got, len(tc.want), tc.want)
			}
			for k, w := range tc.want {
				g := got[k]
				if g.Text != w.text || math.Abs(g.Value-w.value) > 1e-6*math.Max(1, w.value) || g.Modifier != w.modifier || g.Unit != w.unit {
					t.Errorf("got %q %g %q %q, want %q %g %q %q", g.Text, g.Value, g.Modifier, g.Unit, w.text, w.value, w.modifier, w.unit)
				}
			}
		})
	}
}

func TestStage(t *testing.T) {
	var s faultline.Stage = New()
	if s.Name() != "quantity" || len(s.Requires()) != 1 || s.Requires()[0] != faultline.LayerSentences ||
		len(s.Assigns()) != 1 || s.Assigns()[0] != faultline.LayerQuantities {
		t.Fatalf("bad stage declaration: %s %v %v", s.Name(), s.Requires(), s.Assigns())
	}
	// The unit does not cross a sentence boundary.
	text := "They sent 450. Advisers came later. Two soldiers died."
	doc := &faultline.Document{Text: text, Sentences: []faultline.Sentence{{Start: 0, End: 14}, {Start: 15, End: 35}, {Start: 36, End: len(text)}}}
	if err := s.Process(context.Background(), doc); err != nil {
		t.Fatal(err)
	}
	checkSpans(t, text, doc.Quantities)
	if len(doc.Quantities) != 2 || doc.Quantities[0].Unit != "" || doc.Quantities[1].Unit != "soldiers" {
		t.Fatalf("got %+v", doc.Quantities)
	}
	doc.Sentences = []faultline.Sentence{{Start: -1, End: 3}, {Start: 9, End: 2}, {Start: 0, End: 1 << 20}}
	if err := s.Process(context.Background(), doc); err != nil || len(doc.Quantities) != 0 {
		t.Fatalf("invalid spans: got %+v, %v", doc.Quantities, err)
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
// order and not overlapping, finite values.
func checkSpans(t testing.TB, text string, qs []faultline.Quantity) {
	t.Helper()
	last := 0
	for _, q := range qs {
		if q.Start < last || q.End <= q.Start || q.End > len(text) {
			t.Fatalf("bad span %d:%d (after %d) in %d bytes: %+v", q.Start, q.End, last, len(text), q)
		}
		if text[q.Start:q.End] != q.Text {
			t.Fatalf("Text %q != text[%d:%d] %q", q.Text, q.Start, q.End, text[q.Start:q.End])
		}
		if utf8.ValidString(text) && !utf8.ValidString(q.Text) {
			t.Fatalf("span %q splits a rune", q.Text)
		}
		if math.IsNaN(q.Value) || math.IsInf(q.Value, 0) || q.Value < 0 {
			t.Fatalf("bad value %g in %+v", q.Value, q)
		}
		if q.Unit != strings.TrimSpace(q.Unit) {
			t.Fatalf("unit %q has spaces", q.Unit)
		}
		last = q.End
	}
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
	got := Find(text, nil)
	checkSpans(t, text, got)
	want := []faultline.Quantity{
		{Text: "more than 9,000", Value: 9000, Modifier: "more than", Unit: "forces"},
		{Text: "more than 25,000", Value: 25000, Modifier: "more than", Unit: "troops"},
		{Text: "40", Value: 40, Unit: "militia"},
		{Text: "about 450", Value: 450, Modifier: "about", Unit: "advisers"},
		{Text: "64", Value: 64, Unit: "kilometers"},
		{Text: "dozens of", Value: 12, Modifier: "dozens of", Unit: "villages"},
	}
	for _, w := range want {
		found := false
		for _, g := range got {
			if g.Text == w.Text && g.Value == w.Value && g.Modifier == w.Modifier && g.Unit == w.Unit {
				found = true
			}
		}
		if !found {
			t.Errorf("missing %+v; got %+v", w, got)
		}
	}
	for _, g := range got {
		switch g.Text {
		case "2017", "23", "one", "One":
			if g.Unit == "" || g.Text == "2017" || g.Text == "23" {
				t.Errorf("false positive %+v", g)
			}
		}
	}
}

func FuzzFind(f *testing.F) {
	for _, s := range []string{
		"more than 9,000 U.S. and coalition forces", "$5 billion", "US$30bn", "5%", "35–40 birds",
		"20-30 people", "between eight and 10 years", "hundreds of thousands of", "half a million",
		"two hundred and fifty", "1,2,3.4.5", "9" + strings.Repeat("9", 400), "\xff9\xfe", "£", "a dozen",
		"+44 20 7946", "10-day", "1e308 people", "0.0000001",
	} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, text string) {
		checkSpans(t, text, Find(text, nil))
		mid := len(text) / 2
		checkSpans(t, text, Find(text, []faultline.Sentence{{Start: 0, End: mid}, {Start: mid, End: len(text)}}))
	})
}
