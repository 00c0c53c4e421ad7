package ner

import (
	"context"
	"testing"

	"github.com/faultline-news/faultline"
	"github.com/faultline-news/faultline/pipeline"
)

func TestStage(t *testing.T) {
	m := tinyModel(t)
	text := "Mary Jones works for Human Rights Watch in London. John Smith visited Paris."
	doc := &faultline.Document{Text: text}
	// whitespace tokens, with the final periods split off
	start := -1
	for i := 0; i <= len(text); i++ {
		if i == len(text) || text[i] == ' ' || text[i] == '.' {
			if start >= 0 {
				doc.Tokens = append(doc.Tokens, faultline.Token{Start: start, End: i})
				start = -1
			}
			if i < len(text) && text[i] == '.' {
				doc.Tokens = append(doc.Tokens, faultline.Token{Start: i, End: i + 1})
			}
			continue
		}
		if start < 0 {
			start = i
		}
	}
	doc.Sentences = []faultline.Sentence{{Start: 0, End: 50}, {Start: 51, End: len(text)}}
	st := NewStage(m)
	if _, err := pipeline.New(st); err == nil {
		t.Error("pipeline accepted ner without a tokens stage")
	}
	if err := st.Process(context.Background(), doc); err != nil {
		t.Fatal(err)
	}
	want := []struct{ text, typ string }{
		{"Mary Jones", "PERSON"}, {"Human Rights Watch", "ORG"}, {"London", "GPE"},
		{"John Smith", "PERSON"}, {"Paris", "GPE"},
	}
	if len(doc.Entities) != len(want) {
		t.Fatalf("entities = %+v, want %d", doc.Entities, len(want))
	}
	for i, e := range doc.Entities {
		mn := e.Mentions[0]
		if text[mn.Start:mn.End] != mn.Text || mn.Text != want[i].text || e.Type != want[i].typ || e.Name != mn.Text {
			t.Errorf("entity %d = %+v, want %v", i, e, want[i])
		}
	}
	if doc.Entities[0].ID != "E1" || doc.Entities[4].ID != "E5" {
		t.Errorf("ids %s..%s", doc.Entities[0].ID, doc.Entities[4].ID)
	}
	// Bad token offsets are an error, not a panic.
	doc.Tokens[0].End = len(text) + 5
	doc.Sentences = []faultline.Sentence{{Start: 0, End: len(text), TokenStart: 0, TokenEnd: len(doc.Tokens)}}
	if err := st.Process(context.Background(), doc); faultline.ErrorCode(err) != faultline.EINVALID {
		t.Errorf("bad offsets: %v", err)
	}
}
