package coref

import (
	"fmt"
	"strings"
	"testing"

	"github.com/faultline-news/faultline"
	"github.com/faultline-news/faultline/segment"
)

func TestResolve(t *testing.T) {
	tests := []struct {
		name, text, entity, typ, mention string
		want                             bool
	}{
		{"he after person", "Smith arrived. He spoke.", "Smith", faultline.EntityPerson, "He", true},
		{"he inside quotes stays", "Smith arrived. “He spoke,” Jones said.", "Smith", faultline.EntityPerson, "He", false},
		{"the group", "Hamas attacked. The group denied it.", "Hamas", faultline.EntityOrg, "The group", true},
		{"she not an org", "Hamas attacked. She left.", "Hamas", faultline.EntityOrg, "She", false},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			doc := &faultline.Document{Text: tc.text}
			doc.Sentences, doc.Tokens = segment.Segment(tc.text)
			doc.Entities = []faultline.Entity{{ID: "E1", Name: tc.entity, Type: tc.typ,
				Mentions: []faultline.Mention{{Start: 0, End: len(tc.entity), Text: tc.entity}}}}
			Resolve(doc)
			got := false
			for _, m := range doc.Entities[0].Mentions {
				if doc.Text[m.Start:m.End] != m.Text {
					t.Errorf("mention span %d..%d does not hold %q", m.Start, m.End, m.Text)
				}
				got = got || m.Text == tc.mention
			}
			if got != tc.want {
				t.Errorf("mention %q resolved = %v, want %v (%v)", tc.mention, got, tc.want, doc.Entities[0].Mentions)
			}
		})
	}
}

func TestResolveGender(t *testing.T) {
	tests := []struct {
		name, text, want string
	}{
		{"she skips a man", "Hillary Clinton spoke. Donald Trump arrived. She left.", "Hillary Clinton"},
		{"he skips a woman", "Donald Trump spoke. Hillary Clinton arrived. He left.", "Donald Trump"},
		{"title tells", "Mr. Lau spoke. Ms. Reyes arrived. He left.", "Lau"},
		{"unknown names take the nearest", "Kim Lau spoke. Sam Reyes arrived. He left.", "Sam Reyes"},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			doc := &faultline.Document{Text: tc.text}
			doc.Sentences, doc.Tokens = segment.Segment(tc.text)
			for i, name := range []string{"Hillary Clinton", "Donald Trump", "Lau", "Reyes", "Kim Lau", "Sam Reyes"} {
				at := strings.Index(tc.text, name)
				if at < 0 || name == "Lau" && strings.Contains(tc.text, "Kim Lau") || name == "Reyes" && strings.Contains(tc.text, "Sam Reyes") {
					continue
				}
				doc.Entities = append(doc.Entities, faultline.Entity{ID: fmt.Sprint("E", i), Name: name, Type: faultline.EntityPerson,
					Mentions: []faultline.Mention{{Start: at, End: at + len(name), Text: name}}})
			}
			Resolve(doc)
			pron := strings.LastIndex(tc.text, ". ") + 2
			got := ""
			for _, e := range doc.Entities {
				for _, m := range e.Mentions {
					if m.Start == pron {
						got = e.Name
					}
				}
			}
			if got != tc.want {
				t.Errorf("pronoun resolved to %q, want %q", got, tc.want)
			}
		})
	}
}

// TestResolvePrefersSubject marks subjects by hand (as the parser does) and
// checks that a person pronoun takes the nearest subject of its own or the
// previous sentence over a nearer non-subject mention.
func TestResolvePrefersSubject(t *testing.T) {
	text := "Tom Lau questioned Sam Reyes's plan when he spoke."
	doc := &faultline.Document{Text: text}
	doc.Sentences, doc.Tokens = segment.Segment(text)
	for i := range doc.Tokens {
		doc.Tokens[i].Head = -1
		if doc.Text[doc.Tokens[i].Start:doc.Tokens[i].End] == "Lau" {
			doc.Tokens[i].Dep = "nsubj"
		}
	}
	for i, name := range []string{"Tom Lau", "Sam Reyes"} {
		at := strings.Index(text, name)
		doc.Entities = append(doc.Entities, faultline.Entity{ID: fmt.Sprint("E", i), Name: name, Type: faultline.EntityPerson,
			Mentions: []faultline.Mention{{Start: at, End: at + len(name), Text: name}}})
	}
	Resolve(doc)
	he := strings.Index(text, "he ")
	for _, e := range doc.Entities {
		for _, m := range e.Mentions {
			if m.Start == he && e.Name != "Tom Lau" {
				t.Errorf("he resolved to %q, want Tom Lau", e.Name)
			}
		}
	}
	if len(doc.Entities[0].Mentions) != 2 {
		t.Errorf("Tom Lau mentions = %v, want the name and he", doc.Entities[0].Mentions)
	}
}
