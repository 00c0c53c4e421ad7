package event

import (
	"context"
	"testing"

	"github.com/faultline-news/faultline"
	"github.com/faultline-news/faultline/segment"
)

// FuzzCoder runs the coder over arbitrary text with an arbitrary parse
// (heads, relations and tags drawn from the fuzz bytes): it must never
// panic or produce a trigger outside the text.
func FuzzCoder(f *testing.F) {
	f.Add("Arnor attacked Gondor. Rohan said Arnor visited Gondor.", []byte{1, 0, 2, 3, 4, 5})
	f.Add("", []byte{})
	f.Add("The Arnor soldiers met with Gondor and Rohan in Mordor on Monday.", []byte{9, 200, 3, 0, 17, 8, 1})
	deps := []string{"nsubj", "obj", "obl", "nsubj:pass", "obl:agent", "conj", "xcomp", "ccomp", "acl", "nmod", "appos", "case", "aux", "advmod", "root", "compound", "parataxis", "advcl", "amod", "acl:relcl", "det"}
	pos := []string{"VERB", "NOUN", "PROPN", "ADP", "AUX", "PART", "PUNCT", "INTJ", "DET", "ADJ"}
	c := NewStage(testDicts(f))
	f.Fuzz(func(t *testing.T, text string, parse []byte) {
		doc := buildDocText(text)
		for i := range doc.Tokens {
			var b byte
			if len(parse) > 0 {
				b = parse[i%len(parse)]
			}
			doc.Tokens[i].Head = int(b)%(len(doc.Tokens)+1) - 1
			doc.Tokens[i].Dep = deps[int(b)%len(deps)]
			doc.Tokens[i].POS = pos[int(b>>3)%len(pos)]
		}
		if err := c.Process(context.Background(), doc); err != nil {
			t.Fatalf("coder failed (a recovered panic): %v", err)
		}
		for _, e := range doc.Events {
			if e.Trigger.Start < 0 || e.Trigger.End > len(doc.Text) || e.Trigger.Start > e.Trigger.End || doc.Text[e.Trigger.Start:e.Trigger.End] != e.Trigger.Text {
				t.Fatalf("bad trigger %+v", e.Trigger)
			}
		}
	})
}

// buildDocText segments text into a document with lower-cased lemmas.
func buildDocText(text string) *faultline.Document {
	d := &faultline.Document{Text: text}
	d.Sentences, d.Tokens = segment.Segment(text)
	for i := range d.Tokens {
		t := &d.Tokens[i]
		t.Lemma = text[t.Start:t.End]
	}
	return d
}
