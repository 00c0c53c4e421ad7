package quote

import (
	"context"
	"strings"
	"testing"

	"github.com/faultline-news/faultline"
	"github.com/faultline-news/faultline/segment"
)

// docWith builds a segmented document (no tagger, no parse: POS empty and
// heads -1) with one PERSON entity per listed name occurrence.
func docWith(text string, persons ...string) *faultline.Document {
	doc := &faultline.Document{Text: text}
	doc.Sentences, doc.Tokens = segment.Segment(text)
	for i, p := range persons {
		from := 0
		e := faultline.Entity{ID: "E" + string(rune('1'+i)), Name: p, Type: faultline.EntityPerson}
		for {
			k := strings.Index(text[from:], p)
			if k < 0 {
				break
			}
			e.Mentions = append(e.Mentions, faultline.Mention{Start: from + k, End: from + k + len(p), Text: p})
			from += k + len(p)
		}
		doc.Entities = append(doc.Entities, e)
	}
	return doc
}

func TestFind(t *testing.T) {
	tests := []struct {
		name        string
		text        string
		persons     []string
		wantText    string
		wantDirect  bool
		wantSpeaker string // entity id, "" for nil
		wantCue     string
	}{
		{"after, name first", "“We will win,” Smith said.", []string{"Smith"}, "We will win", true, "E1", "said"},
		{"after, cue first", "“We will win,” said John Smith, a senator.", []string{"John Smith"}, "We will win", true, "E1", "said"},
		{"before, colon", "Smith said: “We will win the war.”", []string{"Smith"}, "We will win the war.", true, "E1", "said"},
		{"straight marks", "\"We will win,\" Smith told reporters.", []string{"Smith"}, "We will win", true, "E1", "told"},
		{"unattributed", "“We will win the war soon.”", nil, "We will win the war soon.", true, "", ""},
		{"reported", "Smith warned that the army would attack the city.", []string{"Smith"}, "the army would attack the city", false, "E1", "warned"},
		{"according to", "According to Smith, the army will attack the city.", []string{"Smith"}, "the army will attack the city", false, "E1", "according to"},
		{"according to after", "“We will win the war soon,” according to a statement by Smith.", []string{"Smith"}, "We will win the war soon", true, "E1", "according to"},
		{"as clause", "As Smith once wrote, “We will win the war soon.”", []string{"Smith"}, "We will win the war soon.", true, "E1", "wrote"},
		{"dash line", "“We will win the war soon.”\n\n- John Smith.", []string{"John Smith"}, "We will win the war soon.", true, "E1", "-"},
		{"speech sentence before", "Smith agreed. “We will win the war soon.”", []string{"Smith"}, "We will win the war soon.", true, "E1", "agreed"},
		{"manner sentence before", "Smith was blunt. “We will win the war soon.”", []string{"Smith"}, "We will win the war soon.", true, "E1", "blunt"},
		{"statement before", "Smith issued a statement on Monday.\n\n“We will win the war soon.”", []string{"Smith"}, "We will win the war soon.", true, "E1", "issued"},
		{"plain sentence before gives nobody", "Smith arrived. “We will win the war soon.”", []string{"Smith"}, "We will win the war soon.", true, "", ""},
		{"medium before colon", "Smith said on Twitter: “We will win the war soon.”", []string{"Smith", "Twitter"}, "We will win the war soon.", true, "E1", "said"},
		{"told addressee", "Smith told Jones: “We will win the war soon.”", []string{"Smith", "Jones"}, "We will win the war soon.", true, "E1", "told"},
		{"shot back", "Smith shot back, “We will win the war soon.”", []string{"Smith"}, "We will win the war soon.", true, "E1", "shot"},
		{"passive asked", "Smith was asked, “Will you win the war soon?”", []string{"Smith"}, "Will you win the war soon?", true, "", ""},
		{"name that is a common word", "“We will win the war soon,” Will wrote.", []string{"Will"}, "We will win the war soon", true, "E1", "wrote"},
		{"abbreviation before the cue", "“We will win the war soon,” Senator Jane Doe, R-Ky., said.", []string{"Jane Doe"}, "We will win the war soon", true, "E1", "said"},
		{"dash in the same paragraph", "“We will win the war soon.” — John Smith", []string{"John Smith"}, "We will win the war soon.", true, "E1", "—"},
		{"misused open mark", "“We will win,“ said Smith.", []string{"Smith"}, "We will win", true, "E1", "said"},
		{"introduction beats next sentence", "Smith reported, “We will win the war soon.” The army said nothing.", []string{"Smith"}, "We will win the war soon.", true, "E1", "reported"},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			doc := docWith(tc.text, tc.persons...)
			qs := Find(doc)
			if len(qs) == 0 {
				t.Fatalf("no quote in %q", tc.text)
			}
			q := qs[0]
			if q.Text != tc.wantText || q.Direct != tc.wantDirect || q.Cue != tc.wantCue {
				t.Errorf("got %q direct=%v cue=%q, want %q direct=%v cue=%q", q.Text, q.Direct, q.Cue, tc.wantText, tc.wantDirect, tc.wantCue)
			}
			got := ""
			if q.Speaker != nil {
				got = *q.Speaker
			}
			if got != tc.wantSpeaker {
				t.Errorf("speaker %q, want %q", got, tc.wantSpeaker)
			}
			checkSpans(t, doc, qs)
		})
	}
}

func TestContinuationParagraph(t *testing.T) {
	text := "“We will win the war,” Smith said. “It will take time.”\n“The enemy is weak and tired.”\nOthers disagreed.\n“Nobody knows who said this one.”"
	doc := docWith(text, "Smith")
	qs := Find(doc)
	var direct []faultline.Quote
	for _, q := range qs {
		if q.Direct {
			direct = append(direct, q)
		}
	}
	if len(direct) != 4 {
		t.Fatalf("got %d direct quotes, want 4: %+v", len(direct), direct)
	}
	for i, want := range []string{"E1", "E1", "E1", ""} {
		got := ""
		if direct[i].Speaker != nil {
			got = *direct[i].Speaker
		}
		if got != want {
			t.Errorf("quote %d %q: speaker %q, want %q", i, direct[i].Text, got, want)
		}
	}
	checkSpans(t, doc, qs)
}

func TestUnclosedQuoteContinues(t *testing.T) {
	doc := docWith("“We will win the war and nobody will stop us.\n“It will take time,” Smith said.", "Smith")
	qs := Find(doc)
	if len(qs) != 2 {
		t.Fatalf("got %d quotes, want 2: %+v", len(qs), qs)
	}
	for _, q := range qs {
		if q.Speaker == nil || *q.Speaker != "E1" {
			t.Errorf("quote %q: speaker %v, want E1", q.Text, q.Speaker)
		}
	}
	checkSpans(t, doc, qs)
}

func checkSpans(t *testing.T, doc *faultline.Document, qs []faultline.Quote) {
	t.Helper()
	for _, q := range qs {
		if q.Start < 0 || q.End > len(doc.Text) || q.Start > q.End || doc.Text[q.Start:q.End] != q.Text {
			t.Errorf("quote span %d..%d does not hold %q", q.Start, q.End, q.Text)
		}
	}
}

func TestStageEmpty(t *testing.T) {
	doc := &faultline.Document{}
	if err := New().Process(context.Background(), doc); err != nil {
		t.Fatal(err)
	}
	if doc.Quotes == nil || len(doc.Quotes) != 0 {
		t.Errorf("want empty non-nil quotes, got %v", doc.Quotes)
	}
}

func FuzzFind(f *testing.F) {
	for _, s := range []string{"“We will win,” Smith said.", "\"a\" \"b", "“", "Smith said: “x\n“y”", "according to , “”"} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, text string) {
		doc := docWith(text)
		if len(text) > 3 {
			doc.Entities = append(doc.Entities, faultline.Entity{ID: "E9", Type: faultline.EntityPerson, Mentions: []faultline.Mention{{Start: 0, End: 2}}})
		}
		if err := New().Process(context.Background(), doc); err != nil {
			return
		}
		checkSpans(t, doc, doc.Quotes)
	})
}
