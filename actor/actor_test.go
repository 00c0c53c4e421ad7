package actor

import (
	"context"
	"slices"
	"strconv"
	"strings"
	"testing"
	"time"

	"github.com/faultline-news/faultline"
	"github.com/faultline-news/faultline/lexicon/petrarch"
	"github.com/faultline-news/faultline/segment"
)

// nerDoc builds a segmented document with one ner-style entity per listed
// mention (every occurrence), without any model.
func nerDoc(text string, mentions map[string]string) *faultline.Document {
	doc := &faultline.Document{Text: text, Reference: time.Date(2017, 3, 23, 0, 0, 0, 0, time.UTC)}
	doc.Sentences, doc.Tokens = segment.Segment(text)
	type span struct {
		s, e int
		typ  string
	}
	var spans []span
	for m, typ := range mentions {
		for from := 0; ; {
			k := strings.Index(text[from:], m)
			if k < 0 {
				break
			}
			spans = append(spans, span{from + k, from + k + len(m), typ})
			from += k + len(m)
		}
	}
	slices.SortFunc(spans, func(a, b span) int { return a.s - b.s })
	for _, sp := range spans {
		doc.Entities = append(doc.Entities, faultline.Entity{Type: sp.typ, Name: text[sp.s:sp.e],
			Mentions: []faultline.Mention{{Start: sp.s, End: sp.e, Text: text[sp.s:sp.e]}}})
	}
	return doc
}

func TestMerge(t *testing.T) {
	tests := []struct {
		name     string
		text     string
		mentions map[string]string
		entity   string // canonical name expected
		mentionN int
		code     string
		alias    string
	}{
		{"surname", "Iraqi Prime Minister Haider al-Abadi spoke. Abadi left.",
			map[string]string{"Haider al-Abadi": "PERSON", "Abadi": "PERSON"}, "Haider al-Abadi", 2, "IRQGOV", "Abadi"},
		{"surname before the full name", "Abadi spoke. Later Haider al-Abadi left.",
			map[string]string{"Haider al-Abadi": "PERSON", "Abadi": "PERSON"}, "Haider al-Abadi", 2, "", "Abadi"},
		{"acronym defined", "The Popular Front, or TPF, attacked. TPF denied it.",
			map[string]string{"Popular Front": "ORG", "TPF": "ORG"}, "Popular Front", 3, "", "TPF"},
		{"well-known aliases", "ISIS attacked. Islamic State fighters fled. Daesh denied it.",
			map[string]string{"ISIS": "ORG", "Islamic State": "ORG", "Daesh": "ORG"}, "Islamic State", 3, "IMGMUSISI", "Daesh"},
		{"country names", "The U.S. said the United States will stay.",
			map[string]string{"U.S.": "GPE", "United States": "GPE"}, "United States", 2, "USA", "U.S."},
		{"possessive country of a group", "Syria's Free Army attacked. The Free Army denied it.",
			map[string]string{"Syria": "GPE", "Free Army": "ORG"}, "Free Army", 2, "SYRMIL", ""},
		{"a place is no owner", "Fighters of the Free Army attacked Syria. In Damascus Free Army fighters fled.",
			map[string]string{"Syria": "GPE", "Free Army": "ORG"}, "Free Army", 2, "MIL", ""},
		{"demonym before a group", "The Iraqi Liberation Army attacked.",
			map[string]string{"Iraqi": "NORP", "Liberation Army": "ORG"}, "Liberation Army", 1, "IRQMIL", ""},
		{"possessive known country of a group", "Iraq's Liberation Army attacked.",
			map[string]string{"Iraq": "GPE", "Liberation Army": "ORG"}, "Liberation Army", 1, "IRQMIL", ""},
		{"possessive country of a known militia umbrella", "Iraq's Popular Mobilization Units, or PMF, said so.",
			map[string]string{"Iraq": "GPE", "Popular Mobilization Units": "ORG", "PMF": "ORG"}, "Popular Mobilization Units", 2, "IRQUAF", "PMF"},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			doc := nerDoc(tc.text, tc.mentions)
			if err := New().Process(context.Background(), doc); err != nil {
				t.Fatal(err)
			}
			var e *faultline.Entity
			for i := range doc.Entities {
				if doc.Entities[i].Name == tc.entity {
					e = &doc.Entities[i]
				}
				for _, m := range doc.Entities[i].Mentions {
					if doc.Text[m.Start:m.End] != m.Text {
						t.Errorf("mention %d..%d does not hold %q", m.Start, m.End, m.Text)
					}
				}
			}
			if e == nil {
				t.Fatalf("no entity %q in %+v", tc.entity, doc.Entities)
			}
			if len(e.Mentions) != tc.mentionN {
				t.Errorf("%d mentions, want %d: %+v", len(e.Mentions), tc.mentionN, e.Mentions)
			}
			if tc.code != "" && (e.Actor == nil || e.Actor.Code != tc.code) {
				t.Errorf("actor %+v, want %s", e.Actor, tc.code)
			}
			if tc.alias != "" && !slices.Contains(e.Aliases, tc.alias) {
				t.Errorf("aliases %v lack %q", e.Aliases, tc.alias)
			}
			for i, x := range doc.Entities {
				if want := "E" + strconv.Itoa(i+1); x.ID != want {
					t.Errorf("entity %d has id %s, want %s", i, x.ID, want)
				}
			}
		})
	}
}

func TestCode(t *testing.T) {
	tests := []struct{ phrase, want string }{
		{"U.S. forces", "USAMIL"},
		{"Iraqi officials", "IRQGOV"},
		{"Human Rights Watch", "NGOHRI"},
		{"the Iraqi parliament", "IRQLEG"},
		{"U.S.-led coalition", "USA"},
		{"the weather", ""},
	}
	for _, tc := range tests {
		got := ""
		if a := Code(tc.phrase); a != nil {
			got = a.Code
		}
		if got != tc.want {
			t.Errorf("Code(%q) = %q, want %q", tc.phrase, got, tc.want)
		}
	}
}

func TestUserDictionaryWins(t *testing.T) {
	user := petrarch.New()
	user.Actors.Add(&petrarch.Actor{Name: "haider al-abadi", Codes: []petrarch.ActorCode{{Code: "IRQGOVHOS"}}})
	doc := nerDoc("Iraqi Prime Minister Haider al-Abadi spoke.", map[string]string{"Haider al-Abadi": "PERSON"})
	if err := NewWithDictionaries(user).Process(context.Background(), doc); err != nil {
		t.Fatal(err)
	}
	for _, e := range doc.Entities {
		if e.Name == "Haider al-Abadi" {
			if e.Actor == nil || e.Actor.Code != "IRQGOVHOS" || e.Actor.Country != "IRQ" {
				t.Errorf("actor %+v, want the dictionary code IRQGOVHOS", e.Actor)
			}
			return
		}
	}
	t.Fatal("no al-Abadi entity")
}

func TestBadInput(t *testing.T) {
	doc := &faultline.Document{Text: "abc", Entities: []faultline.Entity{{Mentions: []faultline.Mention{{Start: 2, End: 10}}}}}
	err := New().Process(context.Background(), doc)
	var fe *faultline.Error
	if err == nil || !errorsAs(err, &fe) || fe.Code != faultline.EINVALID {
		t.Errorf("want EINVALID, got %v", err)
	}
}

func errorsAs(err error, target **faultline.Error) bool {
	fe, ok := err.(*faultline.Error)
	if ok {
		*target = fe
	}
	return ok
}

func FuzzProcess(f *testing.F) {
	for _, s := range []string{"Iraq's Popular Mobilization Units, or PMF, said", "IS (ISIS) al-Abadi Abadi", "U.S. President Donald Trump, a spokesman of the PMF,"} {
		f.Add(s, 0, 5)
	}
	f.Fuzz(func(t *testing.T, text string, a, b int) {
		doc := &faultline.Document{Text: text}
		doc.Sentences, doc.Tokens = segment.Segment(text)
		if len(doc.Tokens) > 0 {
			i := (a%len(doc.Tokens) + len(doc.Tokens)) % len(doc.Tokens)
			j := (b%len(doc.Tokens) + len(doc.Tokens)) % len(doc.Tokens)
			if i > j {
				i, j = j, i
			}
			s, e := doc.Tokens[i].Start, doc.Tokens[j].End
			doc.Entities = []faultline.Entity{{Type: faultline.EntityPerson, Mentions: []faultline.Mention{{Start: s, End: e, Text: text[s:e]}}}}
		}
		if err := New().Process(context.Background(), doc); err != nil {
			return
		}
		for _, e := range doc.Entities {
			for _, m := range e.Mentions {
				if m.Start < 0 || m.End > len(text) || text[m.Start:m.End] != m.Text {
					t.Fatalf("bad mention %+v", m)
				}
			}
		}
	})
}
